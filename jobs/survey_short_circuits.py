"""Short circuits × expectations × typologies job: demand for local producers per home zone and
consumption type, against the producers and markets reachable from each zone.

Demand (weighted by the weighting run, 95 % intervals as ``svymean``):

- ``interested``: share very or somewhat interested in buying from local producers [%];
- ``buyers``: share buying through short circuits every week or every month [%];

per home zone, per consumption type (the latest typology, when there is one) and per type ×
home zone. Supply per zone: the producers and markets reached within ``minutes`` on the road
network (driving or walking; the zone starts from every network node inside it, see
:func:`analysis.catchment.reached_from_zones`), or within ``distance`` metres of the zone
(straight line, 0 inside it) without a network; ``producers_per_1000`` = 1 000 × producers /
inhabitants of the zone (population grid cells whose centre lies in it).

A zone is *high demand, low supply* when its interested share (published: 11 respondents or
more) is at or above the median of the zones and its producers per 1 000 inhabitants at or
below the median of the zones. Indicators: ``short_circuit_interested`` and
``short_circuit_buyers`` per home zone (scope other) and for the territory, and
``short_circuit_interested_type<k>`` per type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Optional

import numpy as np
import pandas as pd

from ..analysis.survey_estimates import share_indicator, survey_means
from ..i18n import tr
from ..store import survey_results
from . import survey_data as sd
from .survey_weighting import HomeZones, load_design, zone_of_cells

ALGORITHM_ID = "observatoire:short_circuit_demand"
INTERESTED = "short_circuit_interested"
BUYERS = "short_circuit_buyers"
DISTANCE, CAR, WALK = "distance", "car", "walk"
FLAG = "high_demand_low_supply"

Reach = Callable[[np.ndarray, np.ndarray], dict]


def demand_variables(responses: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        INTERESTED: share_indicator(responses.get("local_producers_interest"),
                                    {"very", "somewhat"}),
        BUYERS: share_indicator(responses.get("short_circuit_frequency"),
                                {"weekly", "monthly"})}, index=responses.index)


def network_reach(conn, zones: HomeZones, mode: str, minutes: float, tolerance: float,
                  warn: Optional[Callable[[str], None]] = None) -> Reach:
    """A function ``reach(x, y)`` → zone code → indices of the points reached within
    ``minutes`` on the stored road network (module docstring)."""
    from ..analysis.catchment import reached_from_zones
    from ..analysis.network import snap_points
    from . import network

    net = network.run_network(conn, warn=warn)
    router = network.make_router(conn, net, mode, "time")

    def reach(x, y):
        snapped = snap_points(net, x, y, tolerance, mode=mode)
        if snapped.unsnapped and warn:
            warn(tr("{n} producers or markets are farther than {tol} m from the roads usable "
                    "on this mode and are never reached.").format(n=len(snapped.unsnapped),
                                                                  tol=f"{tolerance:g}"))
        hits, off = reached_from_zones(router, zones.polygons, snapped, minutes * 60.0,
                                       tolerance)
        if off and warn:
            warn(tr("Home zones with no road within {tol} m reach nothing: {zones}").format(
                tol=f"{tolerance:g}", zones=", ".join(map(str, off[:10]))))
        return hits
    return reach


def distance_reach(zones: HomeZones, distance: float) -> Reach:
    from ..analysis.proximity import within

    def reach(x, y):
        xy = np.column_stack([x, y]) if len(x) else np.zeros((0, 2))
        return within(zones.polygons, xy, float(distance))
    return reach


@dataclass
class ShortCircuitOutcome:
    zones: pd.DataFrame          # one row per home zone: demand, supply, flag
    by_type: pd.DataFrame        # type (× zone): demand shares
    rows: List[dict]
    period: str
    run_uuid: str
    notes: List[str] = field(default_factory=list)
    indicators: int = 0


def compute(conn, zones: HomeZones, reach: Reach, *, run: Optional[str] = None,
            typology: Optional[str] = None) -> ShortCircuitOutcome:
    """Demand and supply per home zone (nothing written)."""
    from .survey_typology import stored_types

    weighted = load_design(conn, run)
    design = weighted.design
    index = design.index
    data = demand_variables(weighted.responses.reindex(index))
    zone = weighted.zones.reindex(index).rename("zone")
    by_zone = survey_means(design, data, by=zone)
    whole = survey_means(design, data)
    notes: List[str] = []
    # supply
    producers = survey_results.point_rows(conn, "producers", ["uuid"])
    markets = survey_results.point_rows(conn, "markets", ["uuid", "per_week"])
    codes = list(zones.polygons)
    p_hits = reach(producers["x"].to_numpy(dtype=float), producers["y"].to_numpy(dtype=float))
    m_hits = reach(markets["x"].to_numpy(dtype=float), markets["y"].to_numpy(dtype=float))
    cells = survey_results.population_cells(conn)
    cell_zone = zone_of_cells(cells, zones)
    inhabitants = cells["ind"].groupby(cell_zone.to_numpy()).sum()
    per_week = pd.to_numeric(markets["per_week"], errors="coerce").fillna(0).to_numpy()
    table = pd.DataFrame({"zone": codes})
    table["inhabitants"] = [float(inhabitants.get(c, 0.0)) for c in codes]
    table["producers"] = [len(p_hits.get(c, ())) for c in codes]
    table["markets"] = [len(m_hits.get(c, ())) for c in codes]
    table["market_sessions_per_week"] = [float(per_week[list(m_hits.get(c, ()))].sum())
                                         for c in codes]
    with np.errstate(divide="ignore", invalid="ignore"):
        table["producers_per_1000"] = np.where(table["inhabitants"] > 0, 1000.0
                                               * table["producers"] / table["inhabitants"],
                                               np.nan)
    for name in (INTERESTED, BUYERS):
        part = by_zone[by_zone["variable"] == name].set_index("zone")
        table[f"{name}_respondents"] = part["respondents"].reindex(codes).fillna(0) \
            .astype(np.int64).to_numpy()
        for column in ("mean", "ci_low", "ci_high"):
            suffix = "" if column == "mean" else f"_{column}"
            table[f"{name}{suffix}"] = (100 * part[column].reindex(codes)).clip(0, 100) \
                .to_numpy()
    table["respondents"] = table[f"{INTERESTED}_respondents"]
    publishable = table["respondents"] >= sd.MIN_RESPONDENTS
    demand_median = table.loc[publishable, INTERESTED].median()
    supply_median = table["producers_per_1000"].median()
    table[FLAG] = (publishable & (table[INTERESTED] >= demand_median)
                   & (table["producers_per_1000"] <= supply_median))
    period = weighted.run.get("period") or sd.period_of(weighted.responses)
    rows = []
    for r in table.to_dict("records"):
        for name in (INTERESTED, BUYERS):
            row = sd.survey_indicator("other", None, sd.domain_code(name, sd.HOME_ZONE,
                                                                    r["zone"]),
                                      period, r[name], "%", r[f"{name}_respondents"],
                                      r[f"{name}_ci_low"], r[f"{name}_ci_high"])
            if row is not None:
                rows.append(row)
    for r in whole.to_dict("records"):
        row = sd.survey_indicator("territory", None, r["variable"], period, 100 * r["mean"],
                                  "%", r["respondents"], max(0.0, 100 * r["ci_low"]),
                                  min(100.0, 100 * r["ci_high"]))
        if row is not None:
            rows.append(row)
    by_type = pd.DataFrame()
    try:
        _run, types, names = stored_types(conn, typology)
    except sd.SurveyJobError:
        notes.append(tr("No consumption typology yet: demand by type is left out (run "
                        "“Consumption typology” first)."))
    else:
        by_type = _by_type(design, data, types.reindex(index), zone, names)
        for r in by_type[by_type["zone"] == sd.TERRITORY].to_dict("records"):
            row = sd.survey_indicator("territory", None, f"{INTERESTED}_type{int(r['type'])}",
                                      period, r[INTERESTED], "%", r["respondents"],
                                      r[f"{INTERESTED}_ci_low"], r[f"{INTERESTED}_ci_high"])
            if row is not None:
                rows.append(row)
    demand_cols = [c for c in table.columns if c.startswith((INTERESTED, BUYERS))
                   and not c.endswith("_respondents")]
    published = sd.publish(table, demand_cols)
    published[FLAG] = published[FLAG].astype(bool)
    if not by_type.empty:
        by_type = sd.publish(by_type, [c for c in by_type.columns
                                       if c.startswith((INTERESTED, BUYERS))])
    return ShortCircuitOutcome(published, by_type, rows, period, weighted.run["uuid"], notes)


def _by_type(design, data, types: pd.Series, zone: pd.Series, names) -> pd.DataFrame:
    """Demand per type, territory-wide (zone = "territory") and per type × home zone."""
    parts = []
    whole = survey_means(design, data, by=types.rename("type"))
    whole["zone"] = sd.TERRITORY
    parts.append(whole)
    crossed = survey_means(design, data, by=pd.DataFrame({"type": types, "zone": zone}))
    parts.append(crossed)
    long = pd.concat(parts, ignore_index=True)
    wide = long.pivot_table(index=["type", "zone"], columns="variable",
                            values=["mean", "ci_low", "ci_high", "respondents"],
                            aggfunc="first")
    out = pd.DataFrame(index=wide.index)
    for name in (INTERESTED, BUYERS):
        out[name] = (100 * wide[("mean", name)]).clip(0, 100)
        out[f"{name}_ci_low"] = (100 * wide[("ci_low", name)]).clip(0, 100)
        out[f"{name}_ci_high"] = (100 * wide[("ci_high", name)]).clip(0, 100)
    out["respondents"] = wide[("respondents", INTERESTED)].fillna(0).astype(np.int64)
    out = out.reset_index()
    out["type"] = out["type"].astype(int)
    out.insert(1, "type_name", out["type"].map(names))
    return out


def write(conn, outcome: ShortCircuitOutcome) -> int:
    return sd.save(conn, outcome, ALGORITHM_ID, {"weighting_run": outcome.run_uuid},
                   [INTERESTED, BUYERS])
