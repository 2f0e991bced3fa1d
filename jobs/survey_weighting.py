"""Survey weighting job: population margins from the socle, raking, the stored weighting run,
and the weighted design every survey analysis starts from.

Margins (persons aged 15 and over, the questionnaire's population):

- **home zone**: the population of each zone of the home zones layer (IRIS or communes), the
  sum over the population grid cells whose centre lies in the zone of the 15+ population
  below (a cell in two zones counts for the IRIS, i.e. the zone with the longer code, first);
  a response's zone is its home IRIS when the layer has that code, else its home commune when
  the layer has it, else it lives *outside* the zones;
- **age band**: the grid's Filosofi age columns split into the questionnaire's bands assuming
  ages spread evenly within each Filosofi band (:data:`AGE_SPLIT`, e.g. 15–24 = 3/7 × 11–17 +
  18–24), over the cells of the zones (every cell without a home-zone margin);
- any further margin (gender, occupation…) from the editable ``survey_margins`` table, its
  latest year; an ``age_band`` or ``home_zone`` margin in ``survey_margins`` replaces the
  grid's.

Raking order: home zone, age band, then the further margins. Margins whose totals differ
(sources of other years) are scaled to the first one's total when ``harmonise`` is on.

Two kinds of bounds, which do different things:

- ``bounds = (L, U)``: *bounded raking* (``survey::calibrate``, calfun raking): the ratio of
  each final weight to its base weight rescaled to the population stays within [L, U] and
  the margins are still met exactly;
- ``trim = (lower, upper)``: *trimming after raking* (R's ``trimWeights``), absolute bounds
  in persons: a raked weight below ``lower`` or above ``upper`` is set to that bound and the
  amount removed or added is spread equally over the weights inside (one pass; the total
  weight is unchanged, the margins are no longer met exactly: the margins table and the
  report give the weighted totals, range, design effect and effective sample size of the
  trimmed weights). 0 or None = no bound on that side.
Respondents living outside the zones are left out of the weighting (they get no weight, and no
weighted analysis counts them) or refused. Raking, bounds, convergence, design effect:
:mod:`analysis.survey_weighting`. Nothing is written when raking fails.

:func:`load_design` gives the analyses the weights of a run (default: the latest) and the
design that reproduces the run's variance (the run is raked again from its stored margins:
same weights, plus what the linearisation variance needs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis.spatial import points_in_zones
from ..analysis.survey_design import SurveyDesign
from ..analysis.survey_weighting import (
    RakingReport,
    SurveyWeightingError,
    effective_sample_size,
    kish_design_effect,
    rake,
    trim_design,
    trim_weights,
)
from ..i18n import tr
from ..store import gpkg, survey_results
from . import survey_data as sd

ALGORITHM_ID = "observatoire:weight_survey"
AGE = "age_band"
ZONE = sd.HOME_ZONE
GRID_SOURCE = "population_grid"
# Questionnaire age band → (Filosofi column, share of that column), ages even within a band.
AGE_SPLIT = {
    "15_24": (("ind_11_17", 3 / 7), ("ind_18_24", 1.0)),
    "25_34": (("ind_25_39", 10 / 15),),
    "35_49": (("ind_25_39", 5 / 15), ("ind_40_54", 10 / 15)),
    "50_64": (("ind_40_54", 5 / 15), ("ind_55_64", 1.0)),
    "65_74": (("ind_65_79", 10 / 15),),
    "75_plus": (("ind_65_79", 5 / 15), ("ind_80p", 1.0)),
}
LEAVE_OUT, REFUSE = "leave_out", "refuse"
RESPONSE_COLUMNS = ["home_commune", "home_iris", "age_band", "gender", "occupation",
                    "started_at", "submitted_at", "ended_at"]


@dataclass(frozen=True)
class HomeZones:
    """Home zones read from a polygon layer: ``polygons`` code → list of polygons (each a list
    of rings), ``source``: what the run records (layer and field)."""

    polygons: Dict[str, list]
    source: str = ""


@dataclass
class WeightingOutcome:
    run_uuid: Optional[str]
    report: RakingReport
    margins: pd.DataFrame          # margin, category, population, respondents, … source, year
    weights: pd.DataFrame          # response_uuid, weight, base_weight, home_zone, age_band
    left_out: List[str]            # response uuids left out (outside the zones)
    period: str
    notes: List[str] = field(default_factory=list)
    run: dict = field(default_factory=dict)   # what the run table records


def cell_ages(cells: pd.DataFrame) -> pd.DataFrame:
    """Population 15+ of each cell per questionnaire age band (:data:`AGE_SPLIT`)."""
    return pd.DataFrame({band: sum(cells[c].to_numpy(dtype=float) * share
                                   for c, share in parts)
                         for band, parts in AGE_SPLIT.items()}, index=cells.index)


def zone_of_cells(cells: pd.DataFrame, zones: HomeZones) -> pd.Series:
    """Zone code of each cell (None outside every zone): IRIS (longer codes) first."""
    codes = sorted(zones.polygons, key=lambda c: (-len(c), c))
    index = points_in_zones(cells[["x", "y"]].to_numpy(dtype=float),
                            [zones.polygons[c] for c in codes])
    return pd.Series([codes[i] if i >= 0 else None for i in index], index=cells.index,
                     dtype=object)


def zone_of_responses(responses: pd.DataFrame, codes: Sequence[str]) -> pd.Series:
    """Home zone of each response: its IRIS when a zone has that code, else its commune, else
    ``outside``."""
    known = set(codes)
    iris = responses.get("home_iris", pd.Series(None, index=responses.index, dtype=object))
    commune = responses.get("home_commune", pd.Series(None, index=responses.index, dtype=object))
    out = []
    for i, c in zip(iris, commune):
        i = str(i).strip() if i is not None and i == i else None
        c = str(c).strip() if c is not None and c == c else None
        out.append(i if i in known else (c if c in known else sd.OUTSIDE_ZONE))
    return pd.Series(out, index=responses.index, dtype=object)


def grid_margins(conn, zones: Optional[HomeZones]) -> tuple:
    """({age band: persons}, {zone: persons} or None) from the population grid."""
    cells = survey_results.population_cells(conn)
    if cells.empty:
        raise sd.SurveyJobError(tr(
            "The GeoPackage's population grid is empty: import the INSEE grid, or give the "
            "age band and home zone margins in the survey_margins table."))
    ages = cell_ages(cells)
    by_zone = None
    if zones is not None:
        zone = zone_of_cells(cells, zones)
        keep = zone.notna().to_numpy()
        ages, zone = ages[keep], zone[keep]
        totals = ages.sum(axis=1).groupby(zone.to_numpy()).sum()
        by_zone = {code: float(totals.get(code, 0.0)) for code in zones.polygons}
    return {band: float(ages[band].sum()) for band in AGE_SPLIT}, by_zone


def _latest_margin(table: pd.DataFrame, name: str) -> Optional[pd.DataFrame]:
    rows = table[table["margin"] == name]
    if rows.empty:
        return None
    year = rows["year"].max()
    return rows[rows["year"] == year]


def build_margins(conn, *, use_age: bool, zones: Optional[HomeZones], use_zone: bool,
                  extra: Sequence[str]) -> tuple:
    """(``{margin: {category: persons}}`` in raking order, ``{margin: (source, year)}``)."""
    stored = survey_results.survey_margins(conn)
    margins: Dict[str, Dict[str, float]] = {}
    sources: Dict[str, tuple] = {}
    wanted = ([ZONE] if use_zone else []) + ([AGE] if use_age else []) + [
        m for m in extra if m not in (ZONE, AGE)]
    if not wanted:
        raise sd.SurveyJobError(tr("Choose at least one margin to weight the answers to."))
    grid = None
    for name in wanted:
        rows = _latest_margin(stored, name)
        if rows is not None:
            margins[name] = {str(c): float(p) for c, p in zip(rows["category"],
                                                               rows["population"])}
            year = int(rows["year"].iloc[0])
            sources[name] = ("; ".join(sorted(set(rows["source"].astype(str)))), year)
            continue
        if name == ZONE and zones is None:
            raise sd.SurveyJobError(tr(
                "The home zone margin needs the home zones layer (IRIS or communes with their "
                "code), or home_zone rows in the survey_margins table."))
        if name not in (ZONE, AGE):
            raise sd.SurveyJobError(tr(
                "The margin {margin!r} has no row in the survey_margins table: add its "
                "population per category (with the source and year), or leave it out.").format(
                    margin=name))
        if grid is None:
            grid = grid_margins(conn, zones if use_zone and ZONE not in margins else None)
        margins[name] = dict(grid[0]) if name == AGE else dict(grid[1])
        sources[name] = (GRID_SOURCE, None)
    return margins, sources


def weight_answers(conn, *, zones: Optional[HomeZones] = None, use_age: bool = True,
                   use_zone: bool = True, extra: Sequence[str] = (),
                   bounds: Optional[tuple] = None, tolerance: float = 1e-6,
                   max_iterations: int = 200, harmonise: bool = True,
                   outside: str = LEAVE_OUT, name: Optional[str] = None,
                   trim: Optional[tuple] = None, write: bool = True) -> WeightingOutcome:
    """Rake the answers to the margins, trim the weights when ``trim`` = (lower, upper)
    persons is given (module docstring) and, with ``write``, store the run (:func:`store`;
    nothing is written on any error)."""
    sd.require_answers(conn)
    try:
        survey_results.require_results_schema(conn)
    except Exception as exc:
        raise sd.SurveyJobError(str(exc)) from exc
    frame = survey_results.responses(conn, RESPONSE_COLUMNS).set_index("uuid", drop=False)
    margins, sources = build_margins(conn, use_age=use_age, zones=zones, use_zone=use_zone,
                                     extra=extra)
    notes: List[str] = []
    zone_codes = list(margins.get(ZONE, {}))
    frame[ZONE] = zone_of_responses(frame, zone_codes) if ZONE in margins else None
    left_out: List[str] = []
    if ZONE in margins:
        outside_rows = frame[ZONE] == sd.OUTSIDE_ZONE
        if outside_rows.any() and sd.OUTSIDE_ZONE not in margins[ZONE]:
            places = frame.loc[outside_rows, "home_commune"].fillna("?").astype(str)
            listed = ", ".join(f"{k} ({v})" for k, v in places.value_counts().head(10).items())
            if outside == REFUSE:
                raise sd.SurveyJobError(tr(
                    "{n} respondents live outside the home zones ({places}): add their zones "
                    "to the layer, give an 'outside' home_zone margin, or leave them out of "
                    "the weighting.").format(n=int(outside_rows.sum()), places=listed))
            left_out = frame.index[outside_rows].tolist()
            notes.append(tr("{n} respondents live outside the home zones and are left out of "
                            "the weighting ({places}).").format(n=len(left_out),
                                                                 places=listed))
            frame = frame[~outside_rows]
    if len(frame) < 2:
        raise sd.SurveyJobError(tr("Fewer than two respondents to weight."))
    totals = {m: sum(c.values()) for m, c in margins.items()}
    first = next(iter(totals))
    for m, total in totals.items():
        if harmonise and abs(total - totals[first]) > 1e-9 * max(total, totals[first]):
            notes.append(tr("Margin {margin} totals {total:.0f} persons: scaled to the "
                            "{first_total:.0f} of margin {first} (×{factor:.4f}).").format(
                                margin=m, total=total, first_total=totals[first], first=first,
                                factor=totals[first] / total if total else float("nan")))
    try:
        result = rake(frame, margins, bounds=bounds, tolerance=tolerance,
                      max_iterations=max_iterations, harmonise_totals=harmonise)
    except SurveyWeightingError as exc:
        raise sd.SurveyJobError(sd.weighting_message(exc)) from exc
    table = result.margins.copy()
    table["category"] = table["category"].astype(str)
    table["source"] = table["margin"].map(lambda m: sources[m][0])
    table["year"] = table["margin"].map(lambda m: sources[m][1])
    if harmonise:  # the populations raked to (scaled), so that the run can be raked again
        scale = {m: totals[first] / t for m, t in totals.items() if t}
        table["population"] = table["population"] * table["margin"].map(scale)
    raked = result.weights.to_numpy(dtype=float)
    report = result.report
    trim = _trim_bounds(trim)
    if trim is not None:
        raked, report = _trimmed(raked, report, trim)
        for m in margins:
            sums = pd.Series(raked, index=frame.index).groupby(
                frame[m].astype(str).to_numpy()).sum()
            rows = table["margin"] == m
            table.loc[rows, "weighted_total"] = table.loc[rows, "category"].map(sums) \
                .fillna(0.0).to_numpy()
        gap = (table["weighted_total"] - table["population"]).abs() / table["population"]
        report = replace(report, max_margin_error=float(gap.max()))
        notes.append(tr("Weights trimmed to [{lower}, {upper}] persons after raking (as R's "
                        "trimWeights): the margins are no longer met exactly (largest gap "
                        "{gap:.1%}).").format(lower=_bound_text(trim[0]),
                                             upper=_bound_text(trim[1]),
                                             gap=report.max_margin_error))
    weights = pd.DataFrame({"response_uuid": frame.index.to_numpy(),
                            "weight": raked,
                            "base_weight": 1.0,
                            "home_zone": frame[ZONE].to_numpy() if ZONE in margins else None,
                            "age_band": frame["age_band"].to_numpy()})
    period = sd.period_of(frame)
    run = {"name": name or None, "period": period,
           "method": "calibrate" if report.lower is not None or report.upper is not None
           else "rake",
           "margins": ",".join(margins), "zone_source": zones.source if zones else None,
           "lower_bound": report.lower, "upper_bound": report.upper, "tolerance": tolerance,
           "max_iterations": int(max_iterations), "harmonised": int(bool(harmonise)),
           "converged": int(report.converged), "iterations": report.iterations,
           "respondents": report.respondents, "left_out": len(left_out),
           "population": report.population, "weight_min": report.weight_min,
           "weight_max": report.weight_max, "ratio_min": report.ratio_min,
           "ratio_max": report.ratio_max, "at_lower": report.at_lower,
           "at_upper": report.at_upper, "design_effect": report.design_effect,
           "effective_sample_size": report.effective_sample_size,
           "max_margin_error": report.max_margin_error,
           "parameters": {"bounds": list(bounds) if bounds else None, "outside": outside,
                          "extra_margins": list(extra),
                          "trim": [_finite_or_none(b) for b in trim] if trim else None}}
    outcome = WeightingOutcome(None, report, table, weights, left_out, period, notes, run)
    if write:
        store(conn, outcome)
    return outcome


def _trim_bounds(trim: Optional[tuple]) -> Optional[tuple]:
    """(lower, upper) in persons with −∞ / +∞ for "none" (0 or None); None: no trimming."""
    if not trim:
        return None
    lower, upper = (float(b) if b else None for b in trim)
    if lower is None and upper is None:
        return None
    return (lower if lower is not None else -np.inf, upper if upper is not None else np.inf)


def _bound_text(value: float) -> str:
    return f"{value:g}" if np.isfinite(value) else "–"


def _finite_or_none(value: float) -> Optional[float]:
    return float(value) if np.isfinite(value) else None


def _trimmed(weights: np.ndarray, report: RakingReport, trim: tuple) -> tuple:
    """Trimmed weights and the report of the trimmed weights (range, ratios, design effect,
    effective sample size); a refusal when trimming cannot give positive weights."""
    lower, upper = trim
    try:
        out = trim_weights(weights, lower, upper)
    except ValueError as exc:
        raise sd.SurveyJobError(tr(
            "The weights cannot be trimmed to [{lower}, {upper}] persons: every raked weight "
            "(from {low:.2f} to {high:.2f}) lies outside. Widen the bounds.").format(
                lower=_bound_text(lower), upper=_bound_text(upper), low=weights.min(),
                high=weights.max())) from exc
    if (out <= 0).any():
        raise sd.SurveyJobError(tr(
            "Trimming the weights to [{lower}, {upper}] persons leaves {n} weights of 0 or "
            "less (the amount added below the lower bound is taken from the other weights): "
            "lower the lower bound.").format(lower=_bound_text(lower),
                                             upper=_bound_text(upper),
                                             n=int((out <= 0).sum())))
    scale = report.population / report.respondents
    return out, replace(report, weight_min=float(out.min()), weight_max=float(out.max()),
                        ratio_min=float(out.min() / scale), ratio_max=float(out.max() / scale),
                        design_effect=kish_design_effect(out),
                        effective_sample_size=effective_sample_size(out))


def run_trim(run: dict) -> Optional[tuple]:
    """The trimming bounds a stored run applied (None: none)."""
    parameters = run.get("parameters")
    if isinstance(parameters, str):
        try:
            parameters = json.loads(parameters)
        except ValueError:
            parameters = None
    trim = (parameters or {}).get("trim") if isinstance(parameters, dict) else None
    return _trim_bounds(tuple(trim)) if trim else None


def store(conn, outcome: WeightingOutcome) -> str:
    """Write the run, its margins and weights (one transaction); returns the run's uuid."""
    with gpkg.transaction(conn):
        outcome.run_uuid = survey_results.write_weighting_run(conn, outcome.run,
                                                              outcome.margins, outcome.weights)
    return outcome.run_uuid


# ------------------------------------------------------------------------------ analyses

@dataclass
class WeightedAnswers:
    """The responses of a weighting run (index: response uuid; every questionnaire column),
    their design (weights and calibration), home zones, and a note when the run could not be
    reproduced (the variance then treats the weights as given)."""

    run: dict
    responses: pd.DataFrame
    design: SurveyDesign
    zones: pd.Series
    note: Optional[str] = None

    @property
    def weights(self) -> pd.Series:
        return self.design.weights_series()


def load_design(conn, reference: Optional[str] = None) -> WeightedAnswers:
    """The weighted answers of the run ``reference`` (the latest when empty)."""
    run = sd.require_weights(conn, reference)
    stored = survey_results.weights(conn, run["uuid"]).set_index("response_uuid")
    every = survey_results.responses(conn).set_index("uuid", drop=False)
    missing = stored.index.difference(every.index)
    if len(missing):
        raise sd.SurveyJobError(tr(
            "{n} responses weighted by the run {run} are no longer in the questionnaire table: "
            "weight the answers again.").format(n=len(missing), run=run["name"] or run["uuid"]))
    frame = every.loc[stored.index].copy()
    frame[AGE] = stored["age_band"].where(stored["age_band"].notna(), frame.get(AGE))
    frame[ZONE] = stored["home_zone"]
    design, note = _redo(conn, run, frame, stored)
    return WeightedAnswers(run, frame, design, stored["home_zone"], note)


def _redo(conn, run: dict, frame: pd.DataFrame, stored: pd.DataFrame) -> tuple:
    """The run's design raked again from its stored margins; the plain weighted design (with
    a note) when that does not give the stored weights."""
    table = survey_results.weighting_margins(conn, run["uuid"])
    margins: Dict[str, Dict[str, float]] = {}
    for m, c, p in zip(table["margin"], table["category"], table["population"]):
        margins.setdefault(str(m), {})[str(c)] = float(p)
    lower, upper = run.get("lower_bound"), run.get("upper_bound")
    bounds = None
    if run.get("method") == "calibrate":
        bounds = (float(lower) if lower is not None and lower == lower else 0.0,
                  float(upper) if upper is not None and upper == upper else np.inf)
    target = stored["weight"].to_numpy(dtype=float)
    try:
        data = frame[list(margins)].astype(object)
        again = rake(data, margins, bounds=bounds, tolerance=float(run["tolerance"]),
                     max_iterations=int(run["max_iterations"]), harmonise_totals=True)
        design = again.design
        trim = run_trim(run)
        if trim is not None:
            design = trim_design(design, *trim)
        close = np.allclose(np.asarray(design.weights, dtype=float), target, rtol=1e-6,
                            atol=0)
    except (SurveyWeightingError, KeyError, ValueError):
        close = False
    if close:
        return design, None
    return SurveyDesign.weighted(pd.Series(target, index=stored.index)), tr(
        "The weighting run could not be reproduced from its margins (answers or margins "
        "edited since): intervals treat the weights as given.")
