"""Planning the next survey wave: sample size for a target precision, quotas, progress.

Sample size for a proportion p estimated within ± e (half-width of the confidence interval, as a
fraction: 0.05 = ±5 points) at confidence level 1 − α:

    n0 = z² p (1 − p) / e² × deff        z = z_{1−α/2} = 1.959964 at 95 %; p = 0.5 is the
                                          worst case; deff = design effect of the weights (1)
    n  = ⌈ n0 / (1 + (n0 − 1) / N) ⌉      finite population correction for a population N

Quotas per centrality × age band, proportional to the population of the cells: per centrality
(default) each centrality gets its own n (the precision is then reached in each centrality,
which is how results are published), split across its age bands; or for the territory as a
whole, one n split across every cell. Rounding by largest remainder: every cell gets
⌊n × share⌋, then the cells with the largest fractional parts get one more until the quotas sum
to n exactly (ties: larger population first, then table order).

Progress of a wave: responses received against quotas per cell.

Pure numpy / pandas: no QGIS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .survey_estimates import normal_quantile

ALL = "all"
PER_CENTRALITY = "centrality"
PER_TERRITORY = "territory"


def sample_size(half_width: float, p: float = 0.5, population: Optional[float] = None, *,
                level: float = 0.95, design_effect: float = 1.0) -> int:
    """Respondents needed to estimate a proportion within ± ``half_width`` (see module doc)."""
    if not 0 < half_width < 1:
        raise ValueError(f"the half-width must be a fraction in (0, 1), got {half_width}")
    if not 0 < p < 1:
        raise ValueError(f"the expected proportion must be in (0, 1), got {p}")
    if design_effect < 1:
        raise ValueError(f"the design effect must be >= 1, got {design_effect}")
    z = normal_quantile(level)
    n0 = z * z * p * (1 - p) / half_width ** 2 * design_effect
    if population is not None:
        if not population > 0:
            raise ValueError(f"the population must be > 0, got {population}")
        n0 = n0 / (1 + (n0 - 1) / population)
    return int(math.ceil(n0 - 1e-9))


def half_width(n: int, p: float = 0.5, population: Optional[float] = None, *,
               level: float = 0.95, design_effect: float = 1.0) -> float:
    """The half-width reached with n respondents (inverse of :func:`sample_size`, unrounded):
    e = z √(deff p (1 − p) / n × (N − n) / (N − 1)) (the last factor only with a population)."""
    if n < 1:
        return math.inf
    z = normal_quantile(level)
    fpc = 1.0 if population is None else max(population - n, 0) / max(population - 1, 1)
    return z * math.sqrt(design_effect * p * (1 - p) / n * fpc)


def largest_remainder(weights, total: int) -> np.ndarray:
    """Integers proportional to ``weights`` summing exactly to ``total`` (module doc's rule)."""
    w = np.asarray(weights, dtype=float)
    if w.size == 0:
        raise ValueError("no cell to share the quota between")
    if np.any(~np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("populations must be finite, >= 0, and not all 0")
    if total < 0:
        raise ValueError(f"the total must be >= 0, got {total}")
    exact = w / w.sum() * total
    base = np.floor(exact + 1e-9).astype(np.int64)
    left = int(total - base.sum())
    if left > 0:
        remainder = np.round(exact - base, 9)  # equal shares tie whatever the float noise
        order = np.lexsort((np.arange(w.size), -w, -remainder))
        base[order[:left]] += 1
    return base


@dataclass(frozen=True)
class SurveyPlan:
    """``quotas``: centrality, age_band, population, quota; ``targets``: centrality,
    population, quota (sum), half_width (reached with it, at p and the level asked)."""

    quotas: pd.DataFrame
    targets: pd.DataFrame


def plan_quotas(population: pd.DataFrame, target_half_width: float = 0.05, *, p: float = 0.5,
                level: float = 0.95, design_effect: float = 1.0, per: str = PER_CENTRALITY,
                total: Optional[int] = None) -> SurveyPlan:
    """Quotas per centrality × age band for a target precision.

    :param population: ``centrality``, ``age_band``, ``population`` (one row per cell; see
        :func:`cross_margins` to build it from margins).
    :param per: ``"centrality"`` (the precision in each centrality) or ``"territory"``.
    :param total: with ``per="territory"``, a given sample size instead of the computed one.
    """
    needed = {"centrality", "age_band", "population"} - set(population.columns)
    if needed:
        raise ValueError(f"the population table lacks the column(s) {sorted(needed)}")
    if per not in (PER_CENTRALITY, PER_TERRITORY):
        raise ValueError(f"per must be '{PER_CENTRALITY}' or '{PER_TERRITORY}', not {per!r}")
    cells = population[["centrality", "age_band", "population"]].reset_index(drop=True).copy()
    cells["population"] = pd.to_numeric(cells["population"], errors="coerce").astype(float)
    if cells.duplicated(["centrality", "age_band"]).any():
        raise ValueError("a centrality × age band cell appears twice in the population table")
    quota = np.zeros(len(cells), dtype=np.int64)
    if per == PER_TERRITORY:
        n = total if total is not None else sample_size(
            target_half_width, p, cells["population"].sum(), level=level,
            design_effect=design_effect)
        quota[:] = largest_remainder(cells["population"], n)
    else:
        for _name, rows in cells.groupby("centrality", sort=False).groups.items():
            rows = np.asarray(rows)
            pop = cells.loc[rows, "population"].sum()
            n = sample_size(target_half_width, p, pop, level=level, design_effect=design_effect)
            quota[rows] = largest_remainder(cells.loc[rows, "population"], n)
    cells["quota"] = quota
    targets = cells.groupby("centrality", sort=False).agg(
        population=("population", "sum"), quota=("quota", "sum")).reset_index()
    targets["half_width"] = [half_width(int(q), p, pop, level=level, design_effect=design_effect)
                             for q, pop in zip(targets["quota"], targets["population"])]
    return SurveyPlan(cells, targets)


def cross_margins(centralities: pd.Series, age_bands: pd.Series) -> pd.DataFrame:
    """Cells centrality × age band under independence: population(k) × share(age band).

    :param centralities: population per centrality (index = code).
    :param age_bands: population per age band (index = code); only its shares are used.
    """
    shares = age_bands.astype(float) / float(age_bands.sum())
    rows = [(k, a, float(pk) * float(s)) for k, pk in centralities.items()
            for a, s in shares.items()]
    return pd.DataFrame(rows, columns=["centrality", "age_band", "population"])


def wave_progress(quotas: pd.DataFrame, responses: pd.DataFrame, *,
                  totals: bool = True) -> pd.DataFrame:
    """Responses received against quotas, per centrality × age band.

    :param quotas: ``centrality``, ``age_band``, ``quota`` (e.g. :attr:`SurveyPlan.quotas`).
    :param responses: one row per response with ``centrality`` and ``age_band`` (a response in
        a cell without quota appears with quota 0).
    :param totals: add a row per centrality (``age_band = "all"``) and one for the whole wave.
    :returns: centrality, age_band, quota, received, remaining (max(0, quota − received)),
        completion (received / quota; NaN for a quota of 0).
    """
    received = responses.dropna(subset=["centrality", "age_band"]) \
        .groupby(["centrality", "age_band"], sort=False).size().rename("received")
    table = quotas[["centrality", "age_band", "quota"]].merge(
        received.reset_index(), on=["centrality", "age_band"], how="outer")
    table["quota"] = table["quota"].fillna(0).astype(np.int64)
    table["received"] = table["received"].fillna(0).astype(np.int64)
    if totals:
        per = table.groupby("centrality", sort=False)[["quota", "received"]].sum().reset_index()
        per["age_band"] = ALL
        whole = pd.DataFrame({"centrality": [ALL], "age_band": [ALL],
                              "quota": [table["quota"].sum()],
                              "received": [table["received"].sum()]})
        table = pd.concat([table, per[table.columns], whole], ignore_index=True)
    table["remaining"] = (table["quota"] - table["received"]).clip(lower=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["completion"] = (table["received"] / table["quota"]).where(table["quota"] > 0)
    return table
