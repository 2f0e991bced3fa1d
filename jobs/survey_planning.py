"""Next survey wave job: quotas per centrality × age band for a target precision, from the
population around each centrality, and, during a wave, the responses received against them.

Population of a centrality × age band: the population aged 15 and over of the grid cells whose
centre lies within ``distance`` metres of the centrality (0: inside it), split into the
questionnaire's age bands as the weighting does (:data:`jobs.survey_weighting.AGE_SPLIT`); a
cell near two centralities counts for both. Sample size, quotas and progress:
:mod:`analysis.survey_plan` (n = z² p (1 − p) / e² × deff, finite population correction,
largest-remainder rounding). The design effect is the given one, or that of the latest
weighting run. Responses received: street interviews (``interview_centrality``) with their age
band.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

import pandas as pd

from ..analysis.proximity import within
from ..analysis.survey_plan import ALL, plan_quotas, wave_progress
from ..i18n import tr
from ..store import survey_results
from . import survey_data as sd
from .survey_weighting import AGE_SPLIT, cell_ages

ALGORITHM_ID = "observatoire:survey_plan"


def centrality_ages(conn, cents: pd.DataFrame, distance: float) -> pd.DataFrame:
    """centrality (code), age_band, population (15+ by band) around each centrality."""
    cells = survey_results.population_cells(conn)
    if cells.empty:
        raise sd.SurveyJobError(tr("The GeoPackage's population grid is empty: the quotas "
                                   "need the population around each centrality."))
    ages = cell_ages(cells)
    targets = {r.code: r.polygons for r in cents.itertuples() if r.code and r.polygons}
    hits = within(targets, cells[["x", "y"]].to_numpy(dtype=float), float(distance))
    rows = []
    for code in targets:
        mine = ages.iloc[list(hits.get(code, []))]
        for band in AGE_SPLIT:
            rows.append((code, band, float(mine[band].sum())))
    return pd.DataFrame(rows, columns=["centrality", "age_band", "population"])


@dataclass
class PlanOutcome:
    quotas: pd.DataFrame      # centrality, name, age_band, population, quota, received…
    targets: pd.DataFrame     # centrality, name, population, quota, half_width (points)
    design_effect: float
    received: int
    notes: List[str] = field(default_factory=list)


def compute(conn, *, half_width: float = 0.05, level: float = 0.95, p: float = 0.5,
            design_effect: Optional[float] = None, distance: float = 500.0,
            per: str = "centrality", total: Optional[int] = None) -> PlanOutcome:
    """Quotas and, when answers exist, the wave's progress (nothing written)."""
    cents = sd.centralities(conn)
    cents = cents[cents["code"].notna()]
    if cents.empty:
        raise sd.SurveyJobError(tr("The GeoPackage holds no centrality to plan quotas for."))
    notes: List[str] = []
    if design_effect is None:
        run = survey_results.weighting_run(conn)
        if run is not None and run.get("design_effect") == run.get("design_effect") \
                and run.get("design_effect") is not None:
            design_effect = max(1.0, float(run["design_effect"]))
            notes.append(tr("Design effect {deff:.2f}: that of the latest weighting run.")
                         .format(deff=design_effect))
        else:
            design_effect = 1.0
    population = centrality_ages(conn, cents, distance)
    empty = population.groupby("centrality")["population"].sum()
    empty = empty[empty <= 0].index.tolist()
    if empty:
        notes.append(tr("No inhabitant within {distance} m of {names}: no quota there.").format(
            distance=f"{distance:g}", names=", ".join(empty)))
        population = population[~population["centrality"].isin(empty)]
    if population.empty:
        raise sd.SurveyJobError(tr("No inhabitant around any centrality: widen the distance."))
    try:
        plan = plan_quotas(population, half_width, p=p, level=level,
                           design_effect=design_effect, per=per, total=total)
    except ValueError as exc:
        raise sd.SurveyJobError(str(exc)) from exc
    received = 0
    if survey_results.has_answers(conn):
        answers = survey_results.responses(conn, ["interview_centrality", "age_band"]).rename(
            columns={"interview_centrality": "centrality"})
        received = int(answers["centrality"].isin(plan.quotas["centrality"]).sum())
        quotas = wave_progress(plan.quotas, answers)
        quotas = quotas.merge(plan.quotas[["centrality", "age_band", "population"]],
                              on=["centrality", "age_band"], how="left")
    else:
        quotas = plan.quotas.copy()
        quotas["received"] = 0
        quotas["remaining"] = quotas["quota"]
        quotas["completion"] = 0.0
    names = dict(zip(cents["code"], cents["name"]))
    quotas.insert(1, "name", quotas["centrality"].map(names).where(
        quotas["centrality"] != ALL, tr("all centralities")))
    quotas["completion"] = 100 * quotas["completion"]
    targets = plan.targets.copy()
    targets.insert(1, "name", targets["centrality"].map(names))
    targets["half_width"] = 100 * targets["half_width"]
    quotas = quotas[["centrality", "name", "age_band", "population", "quota", "received",
                     "remaining", "completion"]]
    quotas["population"] = quotas["population"].astype(float).round(1)
    return PlanOutcome(quotas, targets, float(design_effect), received, notes)
