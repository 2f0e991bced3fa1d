"""Dwell-time job: length of stay, rotation and long stays from parking sessions (per car park
or on-street zone, and per centrality), and the visitor mix and dwell from presence data (per
zone and visitor category), computed with :mod:`analysis.dwell` and :mod:`analysis.presence`.

Car parks and zones serve a centrality by the flow features' rule
(:func:`jobs.zones.assign_points`): their declared centrality, else the one containing them,
else the nearest one within ``parking_distance``. A centrality's sessions are those of the car
parks serving it; its capacity is the sum of theirs (empty, with a warning, when one of them has
no capacity: a rotation over part of the spaces would be wrong). Presence zones are linked to a
centrality when the file named one (see :mod:`ingest.importers.presence`).

Indicators (per centrality; periods: the months, the years and the whole window
``start/end``): ``dwell_mean_min``, ``dwell_median_min`` (min), ``dwell_long_share`` (% of
stays of at least the long-stay threshold), ``parking_rotation`` (sessions per space per day),
``parking_sessions``; from presence data (zone linked to the centrality, every category):
``presence_visitors`` (person-slots as delivered), ``presence_mean_dwell_min`` (min) and
``presence_share_<category>`` (% of the visitors).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis import dwell as dw
from ..analysis import presence as pr
from ..analysis.errors import Notice
from ..i18n import tr
from ..store import readers
from ..store.readers import activity as activity_readers
from ..store.schema.activity import require_activity
from .common import Checkpoint, JobError, check, number, save_indicators
from .zones import assign_points

DWELL_ALG = "observatoire:dwell_time"
PERIOD_KINDS = ("day", "week", "month", "year")
LEVEL_CAR_PARK, LEVEL_CENTRALITY = "car park", "centrality"
PERIOD_COLUMNS = ["level", "key_uuid", "name", "centrality"] + dw.PERIOD_COLUMNS[1:] + [
    "amount_total", "amount_sessions"]
CLASS_COLUMNS = ["level", "key_uuid", "name", "period_kind", "period", "dwell_class",
                 "lower_min", "upper_min", "sessions", "share"]
HOUR_COLUMNS = ["level", "key_uuid", "name", "period_kind", "period", "hour", "sessions",
                "long_stays", "long_share"]
PRESENCE_COLUMNS = ["zone", "centrality_uuid", "centrality"] + pr.MEAN_COLUMNS[1:]
PRESENCE_CLASS_COLUMNS = ["zone", "centrality_uuid", "centrality"] + pr.CLASS_COLUMNS[1:]


class DwellError(JobError):
    """Nothing to compute the dwell time with (the message says what to import)."""


@dataclass
class DwellJob:
    """Results of :func:`dwell_time`: the analysis results per car park and per centrality
    (None without sessions) and from presence data (None without), the car parks with their
    centrality, the centralities' names, and the notices (:class:`analysis.errors.Notice`)."""

    parking: Optional[dw.DwellResult]
    centrality: Optional[dw.DwellResult]
    presence: Optional[pr.PresenceResult]
    car_parks: pd.DataFrame
    centralities: Dict[str, str]
    zones: Dict[str, Optional[str]]       # presence zone → centrality uuid
    notes: List[str] = field(default_factory=list)


def dwell_time(conn, *, periods: Sequence[str] = ("month", "year"), start=None, end=None,
               parking_distance: float = 300.0,
               class_edges_min: Sequence[float] = dw.CLASS_EDGES_MIN,
               long_stay_min: float = dw.LONG_STAY_MIN,
               max_stay_days: float = dw.MAX_STAY_DAYS,
               open_class_minutes: Optional[float] = None, progress=None,
               checkpoint: Checkpoint = None) -> DwellJob:
    """Dwell statistics from the socle (module docstring); ``periods`` among day, week, month,
    year (the whole window ``all`` is always added)."""
    require_activity(conn)
    kinds = tuple(p for p in PERIOD_KINDS if p in periods) + ("all",)
    cents = readers.centralities(conn)
    names = {c["uuid"]: c["name"] for c in cents}
    notes: List[str] = []
    sessions = activity_readers.parking_sessions(conn, start, end)
    has_presence = activity_readers.has_table(conn, "presence_counts")
    if sessions.empty and not has_presence:
        raise DwellError(tr("no parking session and no presence data in the GeoPackage (in "
                            "the window chosen): import them first"))
    if progress:
        progress(30)
    check(checkpoint)
    parks = activity_readers.session_parkings(conn)
    assigned = assign_points(parks, cents, parking_distance)
    parks = pd.concat([parks.drop(columns=["centrality_uuid"]), assigned], axis=1)
    options = {"periods": kinds, "class_edges_min": class_edges_min,
               "long_stay_min": long_stay_min, "max_stay_days": max_stay_days,
               "start": start, "end": end}
    per_park = per_centrality = None
    if len(sessions):
        frame = sessions.rename(columns={"parking_uuid": "key"})
        caps = parks.set_index("uuid")["capacity"]
        per_park = dw.dwell_summary(frame, caps, **options)
        notes += [_named(n, parks.set_index("uuid")["name"]) for n in per_park.warnings]
        if progress:
            progress(60)
        check(checkpoint)
        serving = parks.dropna(subset=["centrality_uuid"])
        if len(serving):
            key = sessions["parking_uuid"].astype(object).map(
                serving.set_index("uuid")["centrality_uuid"])
            inside = key.notna().to_numpy()
            cframe = frame.loc[inside].assign(key=key[inside].to_numpy())
            ccap = serving.groupby("centrality_uuid")["capacity"].agg(
                lambda c: c.sum() if (c > 0).all() else np.nan)
            per_centrality = dw.dwell_summary(cframe, ccap, **options)
            notes += [_named(n, pd.Series(names)) for n in per_centrality.warnings
                      if getattr(n, "code", "") != "sessions_outside_window"]
    presence, zones = None, {}
    if has_presence:
        presence, zones, more = _presence(conn, kinds, start, end, open_class_minutes)
        notes += more
    if progress:
        progress(90)
    return DwellJob(per_park, per_centrality, presence, parks, names, zones, notes)


def _named(notice, names: pd.Series):
    """A ``no_capacity`` notice naming car parks or centralities instead of their uuids."""
    if getattr(notice, "code", None) != "no_capacity":
        return notice
    listed = ", ".join(str(names.get(k, k)) for k in notice.fields.get("items", []))
    return Notice("no_capacity", f"no usable capacity (spaces > 0) for {listed}: rotation "
                  "left empty", keys=listed)


def _presence(conn, kinds, start, end, open_class_minutes):
    rows = activity_readers.presence(conn)
    rows["slot"] = pd.to_datetime(rows["slot_start"], errors="coerce")
    if start is not None:
        rows = rows[rows["slot"] >= pd.Timestamp(start)]
    if end is not None:
        rows = rows[rows["slot"] < pd.Timestamp(end) + pd.Timedelta(days=1)]
    zones = rows.drop_duplicates("zone").set_index("zone")["centrality_uuid"].to_dict()
    zones = {z: (c if isinstance(c, str) else None) for z, c in zones.items()}
    results, notes = [], []
    for form, part in (("classes", rows[rows["dwell_class"].notna()]),
                       ("mean", rows[rows["dwell_class"].isna()])):
        if part.empty:
            continue
        frame = pd.DataFrame({"zone": part["zone"], "slot": part["slot"],
                              "category": part["category"], "count": part["count"]})
        bounds = None
        if form == "classes":
            frame["dwell_class"] = part["dwell_class"].to_numpy()
            known = part.dropna(subset=["class_lower_min"]).drop_duplicates("dwell_class")
            if set(known["dwell_class"]) == set(part["dwell_class"]):
                order = known.sort_values("class_lower_min")
                bounds = {r.dwell_class: (float(r.class_lower_min),
                                          np.inf if pd.isna(r.class_upper_min)
                                          else float(r.class_upper_min))
                          for r in order.itertuples(index=False)}
        else:
            frame["mean_dwell"] = part["mean_dwell_min"].to_numpy()
        result = pr.presence_dwell(frame, periods=kinds, form=form, class_bounds=bounds,
                                   open_class_minutes=open_class_minutes)
        results.append(result)
        notes += list(result.notes)
    if not results:
        return None, zones, notes
    merged = pr.PresenceResult(
        pd.concat([r.means for r in results], ignore_index=True),
        pd.concat([r.classes for r in results if len(r.classes)] or [results[0].classes],
                  ignore_index=True),
        pd.concat([r.rejected for r in results], ignore_index=True),
        results[0].form, notes)
    return merged, zones, notes


# ---------------------------------------------------------------------------------------------
# tables and indicators
# ---------------------------------------------------------------------------------------------

def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    for col in ("period_start", "period_end"):
        if col in frame.columns:
            frame[col] = pd.to_datetime(frame[col]).dt.strftime("%Y-%m-%d")
    return frame


def _level(result: Optional[dw.DwellResult], level: str, names: Dict, cent_of: Dict
           ) -> Dict[str, pd.DataFrame]:
    if result is None:
        return {"periods": pd.DataFrame(columns=PERIOD_COLUMNS),
                "classes": pd.DataFrame(columns=CLASS_COLUMNS),
                "hours": pd.DataFrame(columns=HOUR_COLUMNS)}
    out = {}
    for name, frame, columns in (("periods", result.periods, PERIOD_COLUMNS),
                                 ("classes", result.classes, CLASS_COLUMNS),
                                 ("hours", result.long_by_hour, HOUR_COLUMNS)):
        f = frame.rename(columns={"key": "key_uuid"}).copy()
        f.insert(0, "level", level)
        f.insert(2, "name", f["key_uuid"].map(names))
        if name == "periods":
            f.insert(3, "centrality", f["key_uuid"].map(cent_of))
            for col in ("amount_total", "amount_sessions"):
                if col not in f.columns:
                    f[col] = np.nan
        out[name] = _dates(f)[columns]
    return out


def dwell_tables(job: DwellJob) -> Dict[str, pd.DataFrame]:
    """The algorithm's tables: ``periods``, ``classes``, ``hours`` (car parks then
    centralities), ``presence`` and ``presence_classes``."""
    parks = job.car_parks.set_index("uuid")
    by_park = _level(job.parking, LEVEL_CAR_PARK, parks["name"].to_dict(),
                     parks["centrality"].to_dict())
    by_cent = _level(job.centrality, LEVEL_CENTRALITY, job.centralities, job.centralities)
    tables = {k: pd.concat([by_park[k], by_cent[k]], ignore_index=True)
              for k in ("periods", "classes", "hours")}
    for name, columns, attr in (("presence", PRESENCE_COLUMNS, "means"),
                                ("presence_classes", PRESENCE_CLASS_COLUMNS, "classes")):
        if job.presence is None or not len(getattr(job.presence, attr)):
            tables[name] = pd.DataFrame(columns=columns)
            continue
        f = getattr(job.presence, attr).copy()
        f.insert(1, "centrality_uuid", f["zone"].map(job.zones))
        f.insert(2, "centrality", f["centrality_uuid"].map(job.centralities))
        tables[name] = f[columns]
    return tables


def _all_period(frame: pd.DataFrame) -> pd.Series:
    """The indicator period of each row: the period label, or ``start/end`` for ``all``."""
    return pd.Series(np.where(frame["period_kind"] == "all",
                              frame["period_start"].astype(str) + "/"
                              + frame["period_end"].astype(str), frame["period"]),
                     index=frame.index)


def slug(text: str) -> str:
    """``Visiteurs réguliers`` → ``visiteurs_reguliers`` (for an indicator code)."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or "other"


def dwell_indicator_rows(job: DwellJob, tables: Dict[str, pd.DataFrame]) -> list:
    """Indicator rows per centrality (module docstring)."""
    rows = []
    per = tables["periods"]
    per = per[(per["level"] == LEVEL_CENTRALITY) & per["period_kind"].isin(
        ["month", "year", "all"])]
    per = per.assign(ind_period=_all_period(per))
    for r in per.itertuples(index=False):
        for code, value, unit in (("dwell_mean_min", r.mean_min, "min"),
                                  ("dwell_median_min", r.median_min, "min"),
                                  ("dwell_long_share", 100.0 * r.long_share
                                   if r.long_share == r.long_share else None, "%"),
                                  ("parking_rotation", r.rotation, "sessions/space/day"),
                                  ("parking_sessions", r.sessions, "sessions")):
            rows.append({"scope": "centrality", "centrality_uuid": r.key_uuid,
                         "indicator": code, "period": r.ind_period, "value": number(value),
                         "unit": unit})
    pres = tables["presence"]
    if len(pres):
        linked = pres.dropna(subset=["centrality_uuid"])
        zones_per = linked.groupby("centrality_uuid")["zone"].nunique()
        linked = linked[linked["centrality_uuid"].map(zones_per) == 1]
        linked = linked[linked["period_kind"].isin(["month", "year", "all"])]
        spans = per.drop_duplicates("key_uuid").set_index("key_uuid")
        for r in linked.itertuples(index=False):
            period = r.period
            if r.period_kind == "all":
                period = (spans["ind_period"].get(r.centrality_uuid) if r.centrality_uuid
                          in spans.index else "all")
            if r.category == pr.ALL:
                rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                             "indicator": "presence_visitors", "period": period,
                             "value": number(r.visitors), "unit": "person-slots"})
                rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                             "indicator": "presence_mean_dwell_min", "period": period,
                             "value": number(r.mean_dwell_min), "unit": "min"})
            else:
                share = r.share_of_visitors
                rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                             "indicator": f"presence_share_{slug(r.category)}",
                             "period": period,
                             "value": number(100.0 * share if share == share else None),
                             "unit": "%"})
    return rows


def car_park_layer(job: DwellJob, tables: Dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per car park or zone with sessions, with the figures of the whole window:
    ``uuid, parking_id, name, kind, capacity, centrality, sessions, open_sessions, mean_min,
    median_min, long_share, rotation, x, y``."""
    per = tables["periods"]
    allp = per[(per["level"] == LEVEL_CAR_PARK) & (per["period_kind"] == "all")]
    allp = allp.set_index("key_uuid")
    parks = job.car_parks
    out = parks[["uuid", "parking_id", "name", "kind", "capacity", "centrality", "x", "y"]].copy()
    for col in ("sessions", "open_sessions", "mean_min", "median_min", "long_share",
                "rotation"):
        out[col] = out["uuid"].map(allp[col]).astype(float)
    return out[["uuid", "parking_id", "name", "kind", "capacity", "centrality", "sessions",
                "open_sessions", "mean_min", "median_min", "long_share", "rotation", "x", "y"]]


def centrality_layer(conn, job: DwellJob, tables: Dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per centrality (by name): the whole window's ``sessions, mean_min, median_min,
    long_share, rotation`` and, from presence data, ``presence_visitors,
    presence_mean_dwell_min``; ``geom`` the stored blob."""
    from ..store.readers import territory

    per = tables["periods"]
    allp = per[(per["level"] == LEVEL_CENTRALITY) & (per["period_kind"] == "all")]
    allp = allp.set_index("key_uuid")
    pres = tables["presence"]
    pres = pres[(pres["period_kind"] == "all") & (pres["category"] == pr.ALL)]
    pres = pres.dropna(subset=["centrality_uuid"]).drop_duplicates("centrality_uuid")
    pres = pres.set_index("centrality_uuid")
    rows = []
    for r in territory.centrality_features(conn):
        u = r["uuid"]
        rows.append({"uuid": u, "name": r["name"], "level": r["level"],
                     **{c: allp[c].get(u) if c in allp else None
                        for c in ("sessions", "mean_min", "median_min", "long_share",
                                  "rotation")},
                     "presence_visitors": pres["visitors"].get(u) if len(pres) else None,
                     "presence_mean_dwell_min": pres["mean_dwell_min"].get(u)
                     if len(pres) else None,
                     "geom": r["geom"]})
    frame = pd.DataFrame(rows, columns=["uuid", "name", "level", "sessions", "mean_min",
                                        "median_min", "long_share", "rotation",
                                        "presence_visitors", "presence_mean_dwell_min", "geom"])
    for col in frame.columns[3:-1]:
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype(float)
    return frame


write_indicators = save_indicators
