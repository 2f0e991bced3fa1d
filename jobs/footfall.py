"""Flow analyses on the socle: read the flow tables, assign them to centralities, compute with
:mod:`analysis.footfall`, :mod:`analysis.events` and :mod:`analysis.flows_offer`, and write the
results to ``indicators``.

Assignment to centralities (counters, car parks, stops, road points, carpool places): a
feature's declared ``centrality_uuid`` wins; else the centrality containing it (higher level
first, as for premises); else the nearest centrality whose edge lies within the distance
parameter; else none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis import events as ev
from ..analysis import footfall as ff
from ..analysis.proximity import distance_to
from ..analysis.spatial import points_in_zones
from ..i18n import tr
from ..store import geometry, gpkg, indicators, readers
from ..store.schema.flows import require_flows

FOOTFALL_ALG = "observatoire:footfall_by_centrality"
EVENT_ALG = "observatoire:event_impact"
MOBILITY_ALG = "observatoire:mobility_by_centrality"
CROSS_ALG = "observatoire:flows_vs_offer"
FOOTFALL_UNIT = "passages/day/counter"


class FlowAnalysisError(ValueError):
    """Data the analysis cannot work with (the message says what is missing)."""


# ---------------------------------------------------------------------------------------------
# reading and assigning
# ---------------------------------------------------------------------------------------------

def _points(conn, sql: str, params=()) -> pd.DataFrame:
    rows = conn.execute(sql, params).fetchall()
    frame = pd.DataFrame([dict(r) for r in rows])
    if not rows:
        return pd.DataFrame(columns=[d[0] for d in conn.execute(sql, params).description]
                            + ["x", "y"]).drop(columns="geom", errors="ignore")
    xy = np.full((len(rows), 2), np.nan)
    for i, r in enumerate(rows):
        if r["geom"] is not None:
            kind, shape = geometry.decode(r["geom"])
            if kind == "point":
                xy[i] = shape
    frame = frame.drop(columns="geom")
    frame["x"], frame["y"] = xy[:, 0], xy[:, 1]
    return frame


def assign(points: pd.DataFrame, cents: list, distance: float = 0.0,
           declared: Optional[str] = "centrality_uuid") -> pd.DataFrame:
    """``points`` (x, y, optional declared centrality column) → ``centrality_uuid, centrality,
    assignment ('declared' | 'inside' | 'distance' | None), distance_m``."""
    n = len(points)
    out = pd.DataFrame(index=points.index)
    cent_uuid = np.full(n, None, dtype=object)
    how = np.full(n, None, dtype=object)
    dist = np.full(n, np.nan)
    names = {c["uuid"]: c["name"] for c in cents}
    xy = points[["x", "y"]].to_numpy(dtype=float) if n else np.zeros((0, 2))
    if declared and declared in points.columns:
        d = points[declared].to_numpy(dtype=object)
        known = np.array([v in names for v in d], dtype=bool)
        cent_uuid[known], how[known], dist[known] = d[known], "declared", 0.0
    if n and cents:
        todo = np.flatnonzero(how == None)  # noqa: E711
        inside = points_in_zones(xy[todo], [c["polygons"] for c in cents])
        hit = inside >= 0
        cent_uuid[todo[hit]] = [cents[i]["uuid"] for i in inside[hit]]
        how[todo[hit]], dist[todo[hit]] = "inside", 0.0
        todo = np.flatnonzero(how == None)  # noqa: E711
        if distance and distance > 0 and len(todo):
            dmat = np.vstack([distance_to(c["polygons"], xy[todo]) for c in cents])
            best = dmat.argmin(axis=0)
            bestd = dmat[best, np.arange(len(todo))]
            ok = bestd <= distance
            cent_uuid[todo[ok]] = [cents[i]["uuid"] for i in best[ok]]
            how[todo[ok]], dist[todo[ok]] = "distance", bestd[ok]
    out["centrality_uuid"] = cent_uuid
    out["centrality"] = [names.get(u) for u in cent_uuid]
    out["assignment"] = how
    out["distance_m"] = dist
    return out


def sites(conn, cents: list, distance: float = 0.0) -> pd.DataFrame:
    """Counting sites with their centrality assignment."""
    frame = _points(conn, "SELECT uuid AS site_uuid, site_id, name, street, centrality_uuid, "
                          "geom FROM counting_sites ORDER BY site_id")
    return pd.concat([frame.drop(columns="centrality_uuid"),
                      assign(frame, cents, distance)], axis=1)


def channels(conn, mobility: Optional[str] = "PEDESTRIAN") -> pd.DataFrame:
    frame = pd.read_sql_query(
        "SELECT uuid AS channel_uuid, channel_id, site_uuid, mobility_type, time_step_s "
        "FROM counting_channels ORDER BY channel_id", conn)
    if mobility:
        types = frame["mobility_type"].fillna("").str.split(",")
        frame = frame[types.map(lambda t: mobility in t)]
    return frame.reset_index(drop=True)


def read_counts(conn, channel_uuids: Sequence[str], start=None, end=None) -> pd.DataFrame:
    """Measure frame for :mod:`analysis.footfall`: ``channel_id`` (= channel uuid),
    ``start_local`` (naive), ``duration_s``, ``count`` (NaN = no data)."""
    parts = []
    where, params = "", []
    if start is not None:
        where += " AND start_utc >= ?"
        params.append((pd.Timestamp(start) - pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    if end is not None:
        where += " AND start_utc < ?"
        params.append((pd.Timestamp(end) + pd.Timedelta(days=2)).strftime("%Y-%m-%d"))
    for uid in channel_uuids:
        rows = conn.execute(
            "SELECT CAST(strftime('%s', start_local) AS INTEGER), duration_s, count FROM counts "
            f"WHERE channel_uuid = ?{where}", [uid, *params]).fetchall()
        if not rows:
            continue
        arr = np.array(rows, dtype=float)  # None → nan
        parts.append(pd.DataFrame({
            "channel_id": uid,
            "start_local": arr[:, 0].astype("int64").astype("datetime64[s]").astype(
                "datetime64[ns]"),
            "duration_s": arr[:, 1], "count": arr[:, 2]}))
    if not parts:
        return pd.DataFrame({"channel_id": pd.Series(dtype=object),
                             "start_local": pd.Series(dtype="datetime64[ns]"),
                             "duration_s": pd.Series(dtype=float),
                             "count": pd.Series(dtype=float)})
    frame = pd.concat(parts, ignore_index=True)
    if start is not None:
        frame = frame[frame["start_local"] >= pd.Timestamp(start).normalize()]
    if end is not None:
        frame = frame[frame["start_local"] < pd.Timestamp(end).normalize() + pd.Timedelta(days=1)]
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# footfall
# ---------------------------------------------------------------------------------------------

@dataclass
class FootfallJob:
    result: ff.FootfallResult
    sites: pd.DataFrame                 # every site with assignment and mean daily footfall
    centralities: Dict[str, str]        # uuid → name
    notes: List[str] = field(default_factory=list)


def _names(frame: pd.DataFrame, names: Dict[str, str], key: str = "centrality") -> pd.DataFrame:
    frame = frame.rename(columns={key: "centrality_uuid"})
    frame.insert(1, "centrality", frame["centrality_uuid"].map(names))
    return frame


def footfall(conn, *, distance: float = 0.0, mobility: Optional[str] = "PEDESTRIAN",
             periods: Sequence[str] = ("week", "month", "year", "all"),
             hourly_periods: Sequence[str] = ("year", "all"), start=None, end=None,
             min_site_share: float = 1.0, holiday_dates: Optional[Sequence] = None,
             progress=None) -> FootfallJob:
    """Footfall per centrality from the socle (rules of :mod:`analysis.footfall`)."""
    require_flows(conn)
    cents = readers.centralities(conn)
    if not cents:
        raise FlowAnalysisError(tr("the GeoPackage has no centrality"))
    site_frame = sites(conn, cents, distance)
    chans = channels(conn, mobility)
    if chans.empty:
        raise FlowAnalysisError(
            tr("no counting channel of mobility type {mobility} in the GeoPackage: import "
               "counts first").format(mobility=mobility) if mobility
            else tr("no counting channel in the GeoPackage: import counts first"))
    chans = chans.merge(site_frame[["site_uuid", "centrality_uuid"]], on="site_uuid")
    assigned = chans[chans["centrality_uuid"].notna()]
    notes = []
    lost = sorted(set(site_frame.loc[site_frame["centrality_uuid"].isna(), "name"]))
    if lost:
        notes.append(tr("counting site(s) outside every centrality (and beyond the "
                        "distance): {sites}").format(sites=", ".join(lost[:10])))
    if assigned.empty:
        raise FlowAnalysisError(tr("no counting site lies in a centrality (or within the "
                                   "distance given): increase the distance or declare their "
                                   "centrality"))
    if progress:
        progress(10)
    measures = read_counts(conn, assigned["channel_uuid"].tolist(), start, end)
    if measures.empty:
        raise FlowAnalysisError(tr("the assigned channels have no count in the chosen window"))
    if progress:
        progress(40)
    steps = assigned.set_index("channel_uuid")["time_step_s"].dropna()
    assignment = pd.DataFrame({"channel_id": assigned["channel_uuid"],
                               "centrality": assigned["centrality_uuid"],
                               "site_id": assigned["site_uuid"]})
    try:
        result = ff.footfall_by_centrality(
            measures, assignment, periods=periods, hourly_periods=hourly_periods,
            time_steps=steps.to_dict() or None, start=start, end=end,
            min_site_share=min_site_share, holidays=holiday_dates)
    except ValueError as exc:
        raise FlowAnalysisError(str(exc)) from exc
    if progress:
        progress(80)
    sd = result.site_days.groupby("site_id").agg(days_complete=("complete", "sum"),
                                                 days=("complete", "size"),
                                                 footfall_mean_daily=("footfall", "mean"))
    sd["coverage"] = sd["days_complete"] / sd["days"]
    site_frame = site_frame.join(sd[["footfall_mean_daily", "coverage"]], on="site_uuid")
    names = {c["uuid"]: c["name"] for c in cents}
    return FootfallJob(result, site_frame, names, notes + list(result.notes))


def footfall_tables(job: FootfallJob) -> Dict[str, pd.DataFrame]:
    """The algorithm's tables, with centrality names."""
    r, names = job.result, job.centralities
    periods = _names(r.periods, names)
    for col in ("period_start", "period_end"):
        periods[col] = pd.to_datetime(periods[col]).dt.strftime("%Y-%m-%d")
    return {"periods": periods, "hourly": _names(r.hourly, names), "yoy": _names(r.yoy, names),
            "profiles": _names(r.profiles, names)}


def footfall_indicator_rows(job: FootfallJob) -> list:
    rows = []
    per = job.result.periods
    per = per[per["period_kind"] != "day"]
    for r in per.itertuples(index=False):
        period = r.period if r.period_kind != "all" else (
            f"{pd.Timestamp(r.period_start):%Y-%m-%d}/{pd.Timestamp(r.period_end):%Y-%m-%d}")
        for code, value, unit in (
                ("footfall_mean_daily", r.mean_daily, FOOTFALL_UNIT),
                ("footfall_weekday_mean", r.weekday_mean, FOOTFALL_UNIT),
                ("footfall_saturday_mean", r.saturday_mean, FOOTFALL_UNIT),
                ("footfall_sunday_mean", r.sunday_mean, FOOTFALL_UNIT),
                ("footfall_coverage", 100.0 * r.coverage, "%")):
            rows.append({"scope": "centrality", "centrality_uuid": r.centrality,
                         "indicator": code, "period": period, "value": _num(value),
                         "unit": unit})
    for r in job.result.yoy.itertuples(index=False):
        rows.append({"scope": "centrality", "centrality_uuid": r.centrality,
                     "indicator": "footfall_yoy", "period": str(r.iso_year),
                     "value": _num(100.0 * r.change), "unit": "%"})
    return rows


def _num(v):
    return None if v is None or v != v else float(v)


def write_indicators(conn, rows: list, algorithm: str, parameters: dict) -> int:
    with gpkg.transaction(conn):
        return indicators.write(conn, rows, algorithm=algorithm, parameters=parameters)


# ---------------------------------------------------------------------------------------------
# event impact
# ---------------------------------------------------------------------------------------------

EVENT_COLUMNS = ["event_uuid", "event", "kind", "centrality_uuid", "centrality", "start", "end",
                 "measure", "level", "series_uuid", "series"] + ev.RESULT_COLUMNS[2:]


def events_frame(conn, event_ids: Optional[Sequence[str]] = None) -> pd.DataFrame:
    frame = pd.read_sql_query(
        "SELECT e.uuid AS event_uuid, e.event_id, e.name, e.kind, e.centrality_uuid, "
        "c.name AS centrality, e.start_date, e.end_date FROM events e "
        "LEFT JOIN centralities c ON c.uuid = e.centrality_uuid ORDER BY e.start_date, e.name",
        conn)
    if event_ids:
        wanted = set(event_ids)
        unknown = wanted - set(frame["event_id"]) - set(frame["name"]) - set(frame["event_uuid"])
        if unknown:
            raise FlowAnalysisError(tr("unknown event(s): {events}").format(
                events=", ".join(sorted(unknown))))
        frame = frame[frame["event_id"].isin(wanted) | frame["name"].isin(wanted)
                      | frame["event_uuid"].isin(wanted)]
    return frame.reset_index(drop=True)


def _uplift(daily, evs, baseline, mapping, measure, level, names) -> pd.DataFrame:
    if daily is None or daily.empty or evs.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events = pd.DataFrame({"event_id": evs["event_uuid"], "start": evs["start_date"],
                           "end": evs["end_date"], "centrality": evs["centrality_uuid"]})
    out = ev.event_uplift(daily, events, baseline, series_centrality=mapping)
    if out.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    info = evs.set_index("event_uuid")
    out = out.rename(columns={"event_id": "event_uuid", "series_id": "series_uuid"})
    out["event"] = out["event_uuid"].map(info["name"])
    out["kind"] = out["event_uuid"].map(info["kind"])
    out["start"] = out["event_uuid"].map(info["start_date"])
    out["end"] = out["event_uuid"].map(info["end_date"])
    out["centrality_uuid"] = out["series_uuid"].map(mapping)
    out["measure"], out["level"] = measure, level
    out["series"] = out["series_uuid"].map(names)
    return out


def _sum_complete(daily: pd.DataFrame, groups: Dict[str, str], how: str = "mean"
                  ) -> pd.DataFrame:
    """Daily group means (or sums) of member series, NaN unless every member series with any
    data has data that day (a gap is never read as zero)."""
    d = daily[daily["series_id"].isin(groups)].copy()
    if d.empty:
        return pd.DataFrame(columns=["series_id", "date", "value"])
    d["group"] = d["series_id"].map(groups)
    members = d.groupby("group")["series_id"].nunique()
    g = d.groupby(["group", "date"])["value"]
    out = pd.DataFrame({"value": g.mean() if how == "mean" else g.sum(min_count=1),
                        "n": g.count()}).reset_index()
    out.loc[out["n"] < out["group"].map(members).to_numpy(), "value"] = np.nan
    return out.rename(columns={"group": "series_id"})[["series_id", "date", "value"]]


def event_impact(conn, baseline: ev.Baseline, *, distance: float = 0.0,
                 parking_distance: float = 300.0, walk_distance: float = 400.0,
                 hours: Sequence[int] = tuple(range(9, 19)), event_ids=None,
                 mobility: Optional[str] = "PEDESTRIAN", progress=None) -> pd.DataFrame:
    """Uplift of every event for footfall (per counter and per centrality), parking occupancy
    (per car park and per centrality) and ridership (per centrality), in one table
    (:data:`EVENT_COLUMNS`)."""
    require_flows(conn)
    evs = events_frame(conn, event_ids)
    if evs.empty:
        raise FlowAnalysisError(tr("the GeoPackage holds no event: import events first"))
    cents = readers.centralities(conn)
    cnames = {c["uuid"]: c["name"] for c in cents}
    parts = []
    if conn.execute("SELECT 1 FROM counts LIMIT 1").fetchone():
        job = footfall(conn, distance=distance, mobility=mobility, periods=("all",),
                       hourly_periods=())
        site_cent = job.sites.set_index("site_uuid")["centrality_uuid"].dropna().to_dict()
        site_names = job.sites.set_index("site_uuid")["name"].to_dict()
        parts.append(_uplift(ff.daily_series(job.result, "site"), evs, baseline, site_cent,
                             "footfall", "counter", site_names))
        cent_daily = ff.daily_series(job.result, "centrality")
        parts.append(_uplift(cent_daily, evs, baseline,
                             {c: c for c in cent_daily["series_id"].unique()}, "footfall",
                             "centrality", cnames))
    if progress:
        progress(50)
    occ = pd.read_sql_query(
        "SELECT parking_uuid, time_local, occupancy_rate FROM parking_occupancy "
        "WHERE occupancy_rate IS NOT NULL", conn)
    if not occ.empty:
        parks = _points(conn, "SELECT uuid, name, centrality_uuid, geom FROM parkings")
        parks = pd.concat([parks, assign(parks, cents, parking_distance)
                           .rename(columns={"centrality_uuid": "cent"})
                           .drop(columns="centrality")], axis=1)
        mapping = parks.dropna(subset=["cent"]).set_index("uuid")["cent"].to_dict()
        daily = ev.to_daily(occ, key="parking_uuid", time="time_local", value="occupancy_rate",
                            how="mean", hours=hours)
        parts.append(_uplift(daily, evs, baseline, mapping, "parking_occupancy", "car park",
                             parks.set_index("uuid")["name"].to_dict()))
        cdaily = _sum_complete(daily, mapping)
        parts.append(_uplift(cdaily, evs, baseline, {c: c for c in set(mapping.values())},
                             "parking_occupancy", "centrality", cnames))
    rid = pd.read_sql_query("SELECT stop_uuid, date, sum(boardings) AS boardings FROM "
                            "transit_ridership GROUP BY stop_uuid, date", conn)
    if not rid.empty:
        stops = _points(conn, "SELECT uuid, name, geom FROM transit_stops")
        near = assign(stops, cents, walk_distance, declared=None)
        mapping = dict(zip(stops["uuid"], near["centrality_uuid"]))
        mapping = {k: v for k, v in mapping.items() if v}
        daily = pd.DataFrame({"series_id": rid["stop_uuid"],
                              "date": pd.to_datetime(rid["date"]), "value": rid["boardings"]})
        cdaily = _sum_complete(daily, mapping, how="sum")
        parts.append(_uplift(cdaily, evs, baseline, {c: c for c in set(mapping.values())},
                             "ridership", "centrality", cnames))
    parts = [p for p in parts if not p.empty]
    if not parts:
        raise FlowAnalysisError(tr("no flow data (counts, parking occupancy or ridership) to "
                                   "measure the events with"))
    out = pd.concat(parts, ignore_index=True)
    out["centrality"] = out["centrality_uuid"].map(cnames)
    return out[EVENT_COLUMNS]


def event_indicator_rows(table: pd.DataFrame) -> Dict[str, list]:
    """event uuid → indicator rows (per centrality): event_uplift (footfall),
    event_parking_uplift, event_ridership_uplift, in %."""
    codes = {"footfall": "event_uplift", "parking_occupancy": "event_parking_uplift",
             "ridership": "event_ridership_uplift"}
    out: Dict[str, list] = {}
    cent = table[table["level"] == "centrality"]
    for r in cent.itertuples(index=False):
        out.setdefault(r.event_uuid, []).append({
            "scope": "centrality", "centrality_uuid": r.series_uuid,
            "indicator": codes[r.measure], "period": f"{r.start}/{r.end}",
            "value": _num(100.0 * r.uplift), "unit": "%"})
    return out
