"""Event impact job: the uplift of every declared event on pedestrian footfall (per counter and
per centrality), parking occupancy (per car park and per centrality) and ridership (per
centrality), against a baseline (:class:`Baseline`, re-exported from :mod:`analysis.events`
for the algorithms), computed with :mod:`analysis.events`; and (:func:`event_dwell`) the dwell
time and visitor mix during the event against the same baseline, with the difference and
whether it exceeds the baseline's own day-to-day variability (:mod:`analysis.dwell_events`):
mean length of stay per car park and per centrality (parking sessions, the car parks serving a
centrality as in :mod:`jobs.dwell`), mean dwell and share of each visitor category per presence
zone.

Series of a centrality: footfall as :mod:`jobs.footfall` defines it; parking occupancy = the
daily mean occupancy rate within the chosen hours of the car parks serving it (inside it or
within the parking distance), averaged over those car parks; ridership = daily boardings summed
over the stops within walking distance. A centrality day is known only when every member series
with data has data that day (a gap is never read as zero).
"""

from __future__ import annotations

from typing import Dict, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis import dwell as dw
from ..analysis import dwell_events as de
from ..analysis import events as ev
from ..analysis import footfall as ff
from ..analysis import presence as pr
from ..analysis.events import Baseline
from ..i18n import tr
from ..store import gpkg, indicators, readers
from ..store.readers import activity as activity_readers
from ..store.readers import flows as flow_readers
from ..store.schema.activity import SESSION_BLOCKS
from ..store.schema.flows import require_flows
from .common import Checkpoint, check, number
from .footfall import FlowAnalysisError, footfall
from .zones import assign_points

EVENT_ALG = "observatoire:event_impact"
EVENT_COLUMNS = ["event_uuid", "event", "kind", "centrality_uuid", "centrality", "start", "end",
                 "measure", "level", "series_uuid", "series"] + ev.RESULT_COLUMNS[2:]

DWELL_EVENT_COLUMNS = ["event_uuid", "event", "kind", "centrality_uuid", "centrality", "start",
                       "end", "source", "level", "series_uuid", "series", "category",
                       "measure"] + de.COMPARISON_COLUMNS

__all__ = ["Baseline", "DWELL_EVENT_COLUMNS", "EVENT_ALG", "EVENT_COLUMNS", "event_dwell",
           "event_impact", "event_indicator_rows", "events_frame", "write_indicators"]


def _with_event_info(out: pd.DataFrame, evs: pd.DataFrame) -> pd.DataFrame:
    """``out`` (keyed by ``event_uuid``) with each event's name, kind, start and end."""
    info = evs.set_index("event_uuid")
    for column, source in (("event", "name"), ("kind", "kind"), ("start", "start_date"),
                           ("end", "end_date")):
        out[column] = out["event_uuid"].map(info[source])
    return out


def events_frame(conn, event_ids: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """The declared events (all, or those named by id, name or uuid)."""
    frame = flow_readers.events(conn)
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
    out = _with_event_info(out.rename(columns={"event_id": "event_uuid",
                                               "series_id": "series_uuid"}), evs)
    out["centrality_uuid"] = out["series_uuid"].map(mapping)
    out["measure"], out["level"] = measure, level
    out["series"] = out["series_uuid"].map(names)
    return out


def _group_daily(daily: pd.DataFrame, groups: Dict[str, str], how: str = "mean"
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


def _footfall_parts(conn, evs, baseline, distance, mobility, cnames, checkpoint) -> list:
    job = footfall(conn, distance=distance, mobility=mobility, periods=("all",),
                   hourly_periods=(), checkpoint=checkpoint)
    site_cent = job.sites.set_index("site_uuid")["centrality_uuid"].dropna().to_dict()
    site_names = job.sites.set_index("site_uuid")["name"].to_dict()
    cent_daily = ff.daily_series(job.result, "centrality")
    return [_uplift(ff.daily_series(job.result, "site"), evs, baseline, site_cent, "footfall",
                    "counter", site_names),
            _uplift(cent_daily, evs, baseline, {c: c for c in cent_daily["series_id"].unique()},
                    "footfall", "centrality", cnames)]


def _parking_parts(conn, evs, baseline, cents, cnames, parking_distance, hours) -> list:
    occ = flow_readers.parking_occupancy(conn, with_rate=True)
    if occ.empty:
        return []
    parks = flow_readers.parkings(conn)
    assigned = assign_points(parks, cents, parking_distance)
    mapping = {u: c for u, c in zip(parks["uuid"], assigned["centrality_uuid"]) if c}
    daily = ev.to_daily(occ, key="parking_uuid", time="time_local", value="occupancy_rate",
                        how="mean", hours=hours)
    return [_uplift(daily, evs, baseline, mapping, "parking_occupancy", "car park",
                    parks.set_index("uuid")["name"].to_dict()),
            _uplift(_group_daily(daily, mapping), evs, baseline,
                    {c: c for c in set(mapping.values())}, "parking_occupancy", "centrality",
                    cnames)]


def _ridership_parts(conn, evs, baseline, cents, cnames, walk_distance) -> list:
    rid = flow_readers.ridership(conn)
    if rid.empty:
        return []
    rid = rid.groupby(["stop_uuid", "date"], as_index=False)["boardings"].sum()
    stops = flow_readers.transit_stops(conn)
    near = assign_points(stops, cents, walk_distance, declared=None)
    mapping = {u: c for u, c in zip(stops["uuid"], near["centrality_uuid"]) if c}
    daily = pd.DataFrame({"series_id": rid["stop_uuid"],
                          "date": pd.to_datetime(rid["date"]), "value": rid["boardings"]})
    return [_uplift(_group_daily(daily, mapping, how="sum"), evs, baseline,
                    {c: c for c in set(mapping.values())}, "ridership", "centrality", cnames)]


def event_impact(conn, baseline: Baseline, *, distance: float = 0.0,
                 parking_distance: float = 300.0, walk_distance: float = 400.0,
                 hours: Sequence[int] = tuple(range(9, 19)), event_ids=None,
                 mobility: Optional[str] = "PEDESTRIAN", progress=None,
                 checkpoint: Checkpoint = None, require_data: bool = True) -> pd.DataFrame:
    """Uplift of every event for footfall (per counter and per centrality), parking occupancy
    (per car park and per centrality) and ridership (per centrality), in one table
    (:data:`EVENT_COLUMNS`). Without any of those data: an error, or an empty table when
    ``require_data`` is False (the dwell comparison may still have data)."""
    require_flows(conn)
    evs = events_frame(conn, event_ids)
    if evs.empty:
        raise FlowAnalysisError(tr("the GeoPackage holds no event: import events first"))
    cents = readers.centralities(conn)
    cnames = {c["uuid"]: c["name"] for c in cents}
    parts = []
    if flow_readers.has_counts(conn):
        parts += _footfall_parts(conn, evs, baseline, distance, mobility, cnames, checkpoint)
    if progress:
        progress(50)
    check(checkpoint)
    parts += _parking_parts(conn, evs, baseline, cents, cnames, parking_distance, hours)
    check(checkpoint)
    parts += _ridership_parts(conn, evs, baseline, cents, cnames, walk_distance)
    parts = [p for p in parts if not p.empty]
    if not parts:
        if not require_data:
            return pd.DataFrame(columns=EVENT_COLUMNS)
        raise FlowAnalysisError(tr("no flow data (counts, parking occupancy or ridership) to "
                                   "measure the events with"))
    out = pd.concat(parts, ignore_index=True)
    out["centrality"] = out["centrality_uuid"].map(cnames)
    return out[EVENT_COLUMNS]


def event_dwell(conn, baseline: Baseline, *, event_ids=None, parking_distance: float = 300.0,
                k: float = 2.0, min_baseline_days: int = 3,
                open_class_minutes: Optional[float] = None,
                checkpoint: Checkpoint = None) -> pd.DataFrame:
    """Dwell and visitor mix of every event against ``baseline`` (module docstring), one table
    (:data:`DWELL_EVENT_COLUMNS`): ``source`` parking (``level`` car park or centrality,
    ``measure`` mean_dwell_min) or presence (``level`` zone, per ``category``, ``measure``
    mean_dwell_min or share_of_visitors); ``difference`` in minutes or in share points
    (0.05 = 5 points); ``exceeds`` whether ``|difference| > k × baseline_sd``. Presence data
    in dwell classes give a mean dwell when every class has bounds, the open one counting
    ``open_class_minutes`` (see :mod:`analysis.presence`). Empty without sessions and presence
    data."""
    if not gpkg.table_exists(conn, SESSION_BLOCKS):
        return pd.DataFrame(columns=DWELL_EVENT_COLUMNS)
    evs = events_frame(conn, event_ids)
    if evs.empty:
        return pd.DataFrame(columns=DWELL_EVENT_COLUMNS)
    cents = readers.centralities(conn)
    cnames = {c["uuid"]: c["name"] for c in cents}
    events = pd.DataFrame({"event_id": evs["event_uuid"], "start": evs["start_date"],
                           "end": evs["end_date"], "centrality": evs["centrality_uuid"]})
    common = {"k": k, "min_baseline_days": min_baseline_days}
    parts = []
    sessions = activity_readers.parking_sessions(conn)
    if len(sessions):
        parks = activity_readers.session_parkings(conn)
        assigned = assign_points(parks, cents, parking_distance)
        mapping = {u: c for u, c in zip(parks["uuid"], assigned["centrality_uuid"]) if c}
        frame = sessions.rename(columns={"parking_uuid": "key"})
        per_park = dw.dwell_summary(frame, None, periods=("day",))
        res = de.event_dwell_impact(events, baseline, sessions=per_park,
                                    series_centrality=mapping, **common)
        parts.append(res.assign(level="car park", series=res["zone"].map(
            parks.set_index("uuid")["name"]), centrality_uuid=res["zone"].map(mapping)))
        check(checkpoint)
        key = frame["key"].astype(object).map(mapping)
        inside = key.notna().to_numpy()
        if inside.any():
            per_cent = dw.dwell_summary(frame.loc[inside].assign(key=key[inside].to_numpy()),
                                        None, periods=("day",))
            res = de.event_dwell_impact(events, baseline, sessions=per_cent,
                                        series_centrality={c: c for c in mapping.values()},
                                        **common)
            parts.append(res.assign(level="centrality", series=res["zone"].map(cnames),
                                    centrality_uuid=res["zone"]))
    check(checkpoint)
    if activity_readers.has_table(conn, "presence_counts"):
        rows = activity_readers.presence(conn)
        zone_cent = {z: (c if isinstance(c, str) else None) for z, c in
                     rows.drop_duplicates("zone").set_index("zone")["centrality_uuid"].items()}
        for form, part in (("classes", rows[rows["dwell_class"].notna()]),
                           ("mean", rows[rows["dwell_class"].isna()])):
            if part.empty:
                continue
            frame = pd.DataFrame({"zone": part["zone"].to_numpy(),
                                  "slot": pd.to_datetime(part["slot_start"]).to_numpy(),
                                  "category": part["category"].to_numpy(),
                                  "count": part["count"].to_numpy()})
            bounds = None
            if form == "classes":
                frame["dwell_class"] = part["dwell_class"].to_numpy()
                known = part.dropna(subset=["class_lower_min"]).drop_duplicates("dwell_class")
                if set(known["dwell_class"]) == set(part["dwell_class"]):
                    bounds = {r.dwell_class: (float(r.class_lower_min),
                                              np.inf if pd.isna(r.class_upper_min)
                                              else float(r.class_upper_min))
                              for r in known.sort_values("class_lower_min").itertuples()}
            else:
                frame["mean_dwell"] = part["mean_dwell_min"].to_numpy()
            result = pr.presence_dwell(frame, periods=("day",), form=form,
                                       class_bounds=bounds,
                                       open_class_minutes=open_class_minutes)
            res = de.event_dwell_impact(events, baseline, presence=result,
                                        series_centrality={z: c for z, c in zone_cent.items()
                                                           if c}, **common)
            parts.append(res.assign(level="zone", series=res["zone"],
                                    centrality_uuid=res["zone"].map(zone_cent)))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=DWELL_EVENT_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out = _with_event_info(out.rename(columns={"event_id": "event_uuid",
                                               "zone": "series_uuid"}), evs)
    out["centrality"] = out["centrality_uuid"].map(cnames)
    out["exceeds"] = out["exceeds"].astype("boolean")
    return out[DWELL_EVENT_COLUMNS].reset_index(drop=True)


def event_dwell_indicator_rows(table: pd.DataFrame) -> Dict[str, list]:
    """event uuid → indicator rows per centrality: ``event_dwell_difference`` (minutes, mean
    length of stay in the car parks serving it) and ``event_presence_dwell_difference``
    (minutes, every visitor category of its presence zone)."""
    out: Dict[str, list] = {}
    if table is None or table.empty:
        return out
    park = table[(table["level"] == "centrality") & (table["source"] == "parking")]
    pres = table[(table["source"] == "presence") & (table["measure"] == "mean_dwell_min")
                 & (table["category"] == pr.ALL) & table["centrality_uuid"].notna()]
    for frame, code in ((park, "event_dwell_difference"),
                        (pres, "event_presence_dwell_difference")):
        for r in frame.drop_duplicates(["event_uuid", "centrality_uuid"]).itertuples(
                index=False):
            out.setdefault(r.event_uuid, []).append({
                "scope": "centrality", "centrality_uuid": r.centrality_uuid,
                "indicator": code, "period": f"{r.start}/{r.end}",
                "value": number(r.difference), "unit": "min"})
    return out


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
            "value": number(100.0 * r.uplift), "unit": "%"})
    return out


def write_indicators(conn, table: pd.DataFrame, baseline: Baseline,
                     checkpoint: Checkpoint = None,
                     dwell: Optional[pd.DataFrame] = None) -> int:
    """Write every event's indicators (:func:`event_indicator_rows` and, with the ``dwell``
    table, :func:`event_dwell_indicator_rows`; parameters: the event and the baseline) in one
    transaction, after a last ``checkpoint``; returns the count."""
    rows = event_indicator_rows(table)
    for event_uuid, more in event_dwell_indicator_rows(dwell).items():
        rows.setdefault(event_uuid, []).extend(more)
    frames = [t for t in (table, dwell) if t is not None and len(t)]
    names = (pd.concat([t[["event_uuid", "event"]] for t in frames]).drop_duplicates(
        "event_uuid").set_index("event_uuid")["event"] if frames else pd.Series(dtype=object))
    check(checkpoint)
    count = 0
    with gpkg.transaction(conn):
        for event_uuid, event_rows in rows.items():
            count += indicators.write(conn, event_rows, algorithm=EVENT_ALG, parameters={
                "event_uuid": event_uuid, "event": names.get(event_uuid),
                "baseline": baseline.label()})
    return count
