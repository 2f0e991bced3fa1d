"""Footfall job: read the counters and their counts, assign the counting sites to centralities
(:func:`jobs.zones.assign_points`), compute with :mod:`analysis.footfall` (the one definition
of footfall: complete days only, a gap is never read as zero) and write the indicators.

Two entry points: :func:`footfall` per centrality (the algorithm footfall_by_centrality, event
impact, flows × offer) and :func:`site_footfall` per counting site (the footfall criterion of
the site potential), both with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import pandas as pd

from ..analysis import footfall as ff
from ..i18n import tr
from ..store import readers
from ..store.readers import flows as flow_readers
from ..store.readers import territory
from ..store.schema.flows import require_flows
from .common import Checkpoint, JobError, check, number, save_indicators
from .messages import describe
from .zones import with_centrality

FOOTFALL_ALG = "observatoire:footfall_by_centrality"
FOOTFALL_UNIT = "passages/day/counter"
PEDESTRIAN = "PEDESTRIAN"


class FlowAnalysisError(JobError):
    """Flow data the analysis cannot work with (the message says what is missing)."""


# ---------------------------------------------------------------------------------------------
# reading and assigning
# ---------------------------------------------------------------------------------------------

def sites(conn, cents: list, distance: float = 0.0) -> pd.DataFrame:
    """Counting sites with their centrality assignment."""
    return with_centrality(flow_readers.counting_sites(conn), cents, distance)


def channels(conn, mobility: Optional[str] = PEDESTRIAN) -> pd.DataFrame:
    """Counting channels, only those of the mobility type when given."""
    frame = flow_readers.counting_channels(conn)
    if mobility:
        types = frame["mobility_type"].fillna("").str.split(",")
        frame = frame[types.map(lambda t: mobility in t)]
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# footfall per centrality
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


def _compute(measures, assignment, steps, **options) -> ff.FootfallResult:
    try:
        return ff.footfall_by_centrality(measures, assignment,
                                         time_steps=steps.to_dict() or None, **options)
    except ValueError as exc:
        raise FlowAnalysisError(describe(exc)) from exc


def footfall(conn, *, distance: float = 0.0, mobility: Optional[str] = PEDESTRIAN,
             periods: Sequence[str] = ("week", "month", "year", "all"),
             hourly_periods: Sequence[str] = ("year", "all"), start=None, end=None,
             min_site_share: float = 1.0, holiday_dates: Optional[Sequence] = None,
             centralities: Optional[Sequence[str]] = None,
             progress=None, checkpoint: Checkpoint = None) -> FootfallJob:
    """Footfall per centrality from the socle (rules of :mod:`analysis.footfall`).
    ``centralities``: uuids of the only centralities computed (None: every one); the sites
    are still assigned among every centrality, then only the chosen ones' counts are read,
    and only their sites are returned."""
    require_flows(conn)
    cents = readers.centralities(conn)
    if not cents:
        raise FlowAnalysisError(tr("the GeoPackage has no centrality"))
    site_frame = sites(conn, cents, distance)
    if centralities is not None:
        chosen = set(centralities)
        site_frame = site_frame[site_frame["centrality_uuid"].isin(chosen)].reset_index(
            drop=True)
        if site_frame.empty:
            raise FlowAnalysisError(tr(
                "no counting site lies in the centralities chosen ({names}) or within the "
                "distance given").format(names=", ".join(
                    c["name"] for c in cents if c["uuid"] in chosen)))
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
    check(checkpoint)
    measures = flow_readers.counts(conn, assigned["channel_uuid"].tolist(), start, end)
    if measures.empty:
        raise FlowAnalysisError(tr("the assigned channels have no count in the chosen window"))
    if progress:
        progress(40)
    check(checkpoint)
    steps = assigned.set_index("channel_uuid")["time_step_s"].dropna()
    assignment = pd.DataFrame({"channel_id": assigned["channel_uuid"],
                               "centrality": assigned["centrality_uuid"],
                               "site_id": assigned["site_uuid"]})
    result = _compute(measures, assignment, steps, periods=periods,
                      hourly_periods=hourly_periods, start=start, end=end,
                      min_site_share=min_site_share, holidays=holiday_dates)
    if progress:
        progress(80)
    means = ff.site_means(result.site_days)
    site_frame = site_frame.join(means[["footfall_mean_daily", "coverage"]], on="site_uuid")
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


def centrality_layer(conn, tables: Dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per centrality (ordered by name) for the map: ``uuid, name, level``, the latest
    ``year`` with a complete day and its ``footfall_mean_daily``, the ``coverage`` of the whole
    window, the latest year-on-year change in % (``yoy_change_pct``), the street ``profile``
    and ``geom`` (the stored blob)."""
    per = tables["periods"]
    years = per[(per["period_kind"] == "year") & (per["days_complete"] > 0)]
    latest = years.sort_values("period").groupby("centrality_uuid").tail(1).set_index(
        "centrality_uuid")
    allp = per[per["period_kind"] == "all"].set_index("centrality_uuid")
    yoy = tables["yoy"].dropna(subset=["change"]).sort_values("iso_year").groupby(
        "centrality_uuid").tail(1).set_index("centrality_uuid")
    prof = tables["profiles"].set_index("centrality_uuid")
    rows = []
    for r in territory.centrality_features(conn):
        u = r["uuid"]
        rows.append({
            "uuid": u, "name": r["name"], "level": r["level"],
            "year": latest["period"].get(u),
            "footfall_mean_daily": latest["mean_daily"].get(u),
            "coverage": allp["coverage"].get(u) if "coverage" in allp else None,
            "yoy_change_pct": (100 * yoy["change"].get(u)) if u in yoy.index else None,
            "profile": prof["profile"].get(u), "geom": r["geom"]})
    frame = pd.DataFrame(rows, columns=["uuid", "name", "level", "year", "footfall_mean_daily",
                                        "coverage", "yoy_change_pct", "profile", "geom"])
    for col in ("footfall_mean_daily", "coverage", "yoy_change_pct"):
        frame[col] = frame[col].astype(float)
    return frame


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
                         "indicator": code, "period": period, "value": number(value),
                         "unit": unit})
    for r in job.result.yoy.itertuples(index=False):
        rows.append({"scope": "centrality", "centrality_uuid": r.centrality,
                     "indicator": "footfall_yoy", "period": str(r.iso_year),
                     "value": number(100.0 * r.change), "unit": "%"})
    return rows


write_indicators = save_indicators


# ---------------------------------------------------------------------------------------------
# footfall per counting site
# ---------------------------------------------------------------------------------------------

def site_footfall(conn) -> Optional[pd.DataFrame]:
    """Every counting site with a complete day: ``uuid``, ``name``, ``x``, ``y`` and
    ``footfall`` = its mean daily footfall over complete days (passages/day, the rules of
    :mod:`analysis.footfall`), from its pedestrian channels when any channel of the file is
    pedestrian, else from all. None when the file holds no count (or no complete day)."""
    if not flow_readers.has_counts(conn):
        return None
    all_channels = channels(conn, None)
    pedestrian = channels(conn, PEDESTRIAN)
    chans = pedestrian if len(pedestrian) else all_channels
    measures = flow_readers.counts(conn, chans["channel_uuid"].tolist())
    if measures.empty:
        return None
    assignment = pd.DataFrame({"channel_id": chans["channel_uuid"],
                               "centrality": chans["site_uuid"],
                               "site_id": chans["site_uuid"]})
    steps = chans.set_index("channel_uuid")["time_step_s"].dropna()
    result = _compute(measures, assignment, steps, periods=("all",), hourly_periods=())
    means = ff.site_means(result.site_days)["footfall_mean_daily"].dropna()
    frame = flow_readers.counting_sites(conn).rename(columns={"site_uuid": "uuid"})
    frame = frame.merge(means.rename("footfall"), left_on="uuid", right_index=True)
    frame = frame.dropna(subset=["x", "y"])[["uuid", "name", "x", "y", "footfall"]]
    return frame.reset_index(drop=True) if len(frame) else None
