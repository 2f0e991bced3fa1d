"""Purchase flows job (the CCI household-survey method): where the residents of each home zone
buy each purchase category, capture and evasion rates, the flows in euros when a spending per
household is recorded, and the flow lines home zone → centrality.

Place of a purchase: the answer to "where do you usually buy …"; a town or neighbourhood centre
becomes the centrality named in the follow-up "in which centrality" (its questionnaire code),
``other_centre`` when the answer is "elsewhere", and stays ``town_centre`` / ``neighbourhood``
when the follow-up was not answered. ``not_concerned`` is left out of the denominators. Shares,
capture rate (*taux d'emprise*: share of a zone's purchases of a category made in a
centrality) and evasion rate (*taux d'évasion*: share made in another town or online, by
default): :mod:`analysis.purchase_flows`, weighted by the weighting run, with 95 % intervals
(design-based, :mod:`analysis.survey_estimates`). The home zone is the weighting run's.

Flows in euros need the annual spending per household of each category (``survey_spending``,
its latest year; nothing is invented) and the households of each zone (``men`` of the population
grid cells whose centre lies in the zone): potential = households × spending; captured by a
centrality = Σ over zones of potential × capture rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis.purchase_flows import ALL, OUTSIDE_PLACES, purchase_flows
from ..analysis.spatial import polygons_centroid, zone_home_points
from ..analysis.survey_estimates import survey_means
from ..i18n import tr
from ..store import survey_results
from ..store.survey import purchase_categories
from . import survey_data as sd
from .survey_weighting import HomeZones, WeightedAnswers, load_design, zone_of_cells

ALGORITHM_ID = "observatoire:purchase_flows"
CAPTURE_CODE = "purchase_capture_"
EVASION_CODE = "purchase_evasion_"
CAPTURED_CODE = "purchase_captured_spending_"
CENTRE_PLACES = ("town_centre", "neighbourhood")
OTHER_CENTRE = "other_centre"
EXCLUDED = ("not_concerned",)


def purchases(weighted: WeightedAnswers, codes: Sequence[str]) -> pd.DataFrame:
    """One row per weighted response and category: response, zone, category, place,
    weight (module docstring for the place)."""
    frame = weighted.responses
    w = weighted.weights
    known = set(codes)
    parts = []
    for category in purchase_categories():
        column = f"purchase_{category}"
        if column not in frame:
            continue
        place = frame[column].astype(object)
        follow = frame.get(f"{column}_centrality", pd.Series(None, index=frame.index,
                                                              dtype=object))
        centre = place.isin(CENTRE_PLACES)
        named = centre & follow.isin(list(known))
        place = place.where(~named, follow)
        place = place.where(~(centre & (follow == "elsewhere")), OTHER_CENTRE)
        parts.append(pd.DataFrame({"response": frame.index, "zone": weighted.zones.reindex(
            frame.index).to_numpy(), "category": category, "place": place.to_numpy(),
            "weight": w.reindex(frame.index).to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def _intervals(weighted: WeightedAnswers, table: pd.DataFrame) -> pd.DataFrame:
    """95 % interval of every share of the zone × place matrix (0–1): category, zone, place,
    se, ci_low, ci_high."""
    design = weighted.design
    index = design.index
    zones = weighted.zones.reindex(index).rename("zone")
    out = []
    for category, rows in table.groupby("category", sort=True):
        mine = rows.set_index("response")["place"].reindex(index)
        answered = mine.notna() & ~mine.isin(EXCLUDED)
        places = sorted(set(mine[answered]))
        data = pd.DataFrame({p: (mine == p).astype(float).where(answered) for p in places},
                            index=index)
        whole = survey_means(design, data)
        whole["zone"] = ALL
        by_zone = survey_means(design, data, by=zones)
        both = pd.concat([whole, by_zone], ignore_index=True)
        both["category"] = category
        out.append(both.rename(columns={"variable": "place"}))
    if not out:
        return pd.DataFrame(columns=["category", "zone", "place", "se", "ci_low", "ci_high"])
    return pd.concat(out, ignore_index=True)[["category", "zone", "place", "se", "ci_low",
                                              "ci_high"]]


def _evasion_intervals(weighted: WeightedAnswers, table: pd.DataFrame,
                       outside: Sequence[str]) -> pd.DataFrame:
    design = weighted.design
    index = design.index
    zones = weighted.zones.reindex(index).rename("zone")
    data = {}
    for category, rows in table.groupby("category", sort=True):
        mine = rows.set_index("response")["place"].reindex(index)
        answered = mine.notna() & ~mine.isin(EXCLUDED)
        data[category] = mine.isin(list(outside)).astype(float).where(answered)
    data = pd.DataFrame(data, index=index)
    whole = survey_means(design, data)
    whole["zone"] = ALL
    both = pd.concat([whole, survey_means(design, data, by=zones)], ignore_index=True)
    return both.rename(columns={"variable": "category"})[["category", "zone", "ci_low",
                                                          "ci_high"]]


def zone_households(conn, zones: HomeZones) -> pd.Series:
    """Households (``men``) per zone code, from the cells whose centre lies in the zone."""
    cells = survey_results.population_cells(conn)
    zone = zone_of_cells(cells, zones)
    totals = cells["men"].groupby(zone.to_numpy()).sum()
    return pd.Series({code: float(totals.get(code, 0.0)) for code in zones.polygons})


def latest_spending(conn) -> Optional[pd.DataFrame]:
    """category, spending, source, year: the latest year of each category (None: empty)."""
    table = survey_results.spending(conn)
    if table.empty:
        return None
    return table.sort_values(["category", "year"]).groupby("category").tail(1) \
        .reset_index(drop=True)


@dataclass
class FlowsOutcome:
    matrix: pd.DataFrame            # category, zone, place, place_name, respondents, share…
    evasion: pd.DataFrame           # category, zone, respondents, evasion_rate…
    spending: Optional[pd.DataFrame]  # category, centrality, captured, potential… (€)
    lines: pd.DataFrame             # category, zone, centrality, share… x0, y0, x1, y1
    rows: List[dict]
    period: str
    weighted: WeightedAnswers
    notes: List[str] = field(default_factory=list)
    indicators: int = 0


def compute(conn, *, run: Optional[str] = None, zones: Optional[HomeZones] = None,
            outside_places: Sequence[str] = OUTSIDE_PLACES) -> FlowsOutcome:
    """Flows of the weighted answers of ``run`` (nothing written)."""
    weighted = load_design(conn, run)
    cents = sd.centralities(conn)
    codes = [c for c in cents["code"] if c]
    table = purchases(weighted, codes)
    notes: List[str] = []
    spend = latest_spending(conn)
    homes = zone_households(conn, zones) if zones is not None else None
    if spend is None:
        notes.append(tr("No annual spending per household in the survey_spending table: the "
                        "flows are given as shares only (no amount is invented)."))
    elif homes is None:
        notes.append(tr("Flows in euros need the households of each home zone: give the home "
                        "zones layer."))
    euros = spend is not None and homes is not None
    flows = purchase_flows(table, codes, outside_places=outside_places,
                           excluded_places=EXCLUDED,
                           spending=spend[["category", "spending"]] if euros else None,
                           households=homes.rename_axis("zone").rename("households")
                           .reset_index() if euros else None)
    intervals = _intervals(weighted, table)
    matrix = flows.shares.merge(intervals, on=["category", "zone", "place"], how="left")
    names = dict(zip(cents["code"], cents["name"]))
    uuids = dict(zip(cents["code"], cents["uuid"]))
    matrix.insert(3, "place_name", matrix["place"].map(names))
    matrix["is_centrality"] = matrix["place"].isin(codes)
    for column in ("share", "ci_low", "ci_high"):
        matrix[column] = sd.percent(matrix[column])
    evasion = flows.evasion.merge(_evasion_intervals(weighted, table, outside_places),
                                  on=["category", "zone"], how="left")
    for column in ("evasion_rate", "ci_low", "ci_high"):
        evasion[column] = sd.percent(evasion[column])
    period = weighted.run.get("period") or sd.period_of(weighted.responses)
    rows = _indicator_rows(matrix, evasion, flows.captured if euros else None, uuids, period)
    spending_table = None
    if euros:
        spending_table = flows.captured.copy()
        spending_table.insert(2, "centrality_name", spending_table["centrality"].map(names))
        spending_table["capture_rate"] = 100 * spending_table["capture_rate"]
        spending_table = sd.publish(spending_table, ["captured", "capture_rate"])
        sources = "; ".join(f"{r.category}: {r.source} {int(r.year)}"
                            for r in spend.itertuples(index=False))
        notes.append(tr("Annual spending per household: {sources}.").format(sources=sources))
    lines = _lines(conn, matrix, zones, cents) if zones is not None else pd.DataFrame()
    published = sd.publish(matrix, ["share", "se", "ci_low", "ci_high", "weighted_place"])
    evasion = sd.publish(evasion, ["evasion_rate", "ci_low", "ci_high"])
    return FlowsOutcome(published, evasion, spending_table, lines, rows, period, weighted,
                        notes)


def _indicator_rows(matrix, evasion, captured, uuids, period) -> List[dict]:
    rows = []
    central = matrix[matrix["is_centrality"]]
    for r in central.to_dict("records"):
        code = f"{CAPTURE_CODE}{r['category']}"
        if r["zone"] != ALL:
            code = sd.domain_code(code, sd.HOME_ZONE, r["zone"])
        row = sd.survey_indicator("centrality", uuids.get(r["place"]), code, period,
                                  r["share"], "%", r["respondents"], r["ci_low"], r["ci_high"])
        if row is not None:
            rows.append(row)
    for r in evasion.to_dict("records"):
        whole = r["zone"] == ALL
        code = f"{EVASION_CODE}{r['category']}"
        code = code if whole else sd.domain_code(code, sd.HOME_ZONE, r["zone"])
        row = sd.survey_indicator("territory" if whole else "other", None, code, period,
                                  r["evasion_rate"], "%", r["respondents"], r["ci_low"],
                                  r["ci_high"])
        if row is not None:
            rows.append(row)
    if captured is not None:
        for r in captured.to_dict("records"):
            row = sd.survey_indicator("centrality", uuids.get(r["centrality"]),
                                      f"{CAPTURED_CODE}{r['category']}", period,
                                      r["captured"], "EUR/year", r["respondents"])
            if row is not None:
                rows.append(row)
    return rows


def _lines(conn, matrix: pd.DataFrame, zones: HomeZones, cents: pd.DataFrame) -> pd.DataFrame:
    """Flow lines home zone (where its people live) → centrality (area centroid) for every
    zone × centrality share of a category (secrecy applied: a cell under 11 respondents is
    not drawn)."""
    cells = survey_results.population_cells(conn)
    codes = list(zones.polygons)
    hx, hy, _n = zone_home_points([zones.polygons[c] for c in codes],
                                  cells[["x", "y"]].to_numpy(dtype=float),
                                  cells["ind"].to_numpy(dtype=float))
    home = {c: (x, y) for c, x, y in zip(codes, hx, hy)}
    centre = {r.code: polygons_centroid(r.polygons) for r in cents.itertuples(index=False)
              if r.code and r.polygons}
    names = dict(zip(cents["code"], cents["name"]))
    flows = matrix[matrix["is_centrality"] & (matrix["zone"] != ALL)
                   & matrix["zone"].isin(codes) & (matrix["share"] > 0)]
    published = sd.publish(flows, ["share", "ci_low", "ci_high"])
    published = published[published["reason"].isna()]
    out = pd.DataFrame({
        "category": published["category"].to_numpy(), "zone": published["zone"].to_numpy(),
        "centrality": published["place"].to_numpy(),
        "centrality_name": published["place"].map(names).to_numpy(),
        "share": published["share"].to_numpy(), "ci_low": published["ci_low"].to_numpy(),
        "ci_high": published["ci_high"].to_numpy(),
        "respondents": published["respondents"].to_numpy(),
        "low_precision": published["low_precision"].to_numpy()})
    out["x0"] = out["zone"].map(lambda z: home[z][0])
    out["y0"] = out["zone"].map(lambda z: home[z][1])
    out["x1"] = out["centrality"].map(lambda c: centre.get(c, (np.nan, np.nan))[0])
    out["y1"] = out["centrality"].map(lambda c: centre.get(c, (np.nan, np.nan))[1])
    return out.sort_values(["category", "zone", "share"], ascending=[True, True, False]) \
        .reset_index(drop=True)


def write(conn, outcome: FlowsOutcome) -> int:
    """Replace the purchase-flow indicators of the period (one transaction)."""
    return sd.save(conn, outcome, ALGORITHM_ID, {"weighting_run": outcome.weighted.run["uuid"]},
                   [CAPTURE_CODE, EVASION_CODE, CAPTURED_CODE])
