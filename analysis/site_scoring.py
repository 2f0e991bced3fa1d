"""Weighted multi-criteria scoring of candidate sites (vacant premises or any points).

Each criterion is a numeric column of the candidates table with a weight in percent and a
direction. Standardisation to 0..1 over the candidates (min-max):

* ``more`` (more is better): ``s = (x - min) / (max - min)``;
* ``less`` (less is better): ``s = (max - x) / (max - min)``;
* ``ideal`` (closest to ``ideal`` is best): ``s = max(0, 1 - |x - ideal| / tolerance)``; without a
  tolerance, ``tolerance = max |x - ideal|`` over the candidates (the farthest scores 0).

When every candidate has the same value, ``s = 1`` (no candidate is worse). A candidate with a
missing value scores ``s = 0`` on that criterion (a warning says how many).

Optional similarity to a target site (a well-performing premise): each candidate's raw values on
the criteria are min-max scaled (without direction) and compared with the target's:
``similarity = 1 - sqrt(mean_c (z_ic - z_tc)^2)``, in 0..1; it enters the score as one more
criterion with its own weight.

Score (0..100) ``= sum_c w_c s_c`` with weights in percent summing to 100; the contribution of
criterion ``c`` is ``w_c s_c``, so contributions add up to the score. A criterion whose column is
absent or all missing is skipped with a warning, and the remaining weights are renormalised
``w'_c = 100 w_c / sum of the remaining weights``. Rank 1 = best score (ties share the best rank).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .errors import AnalysisError, Notice

DIRECTIONS = ("more", "less", "ideal")
SIMILARITY = "similarity"
WEIGHT_TOLERANCE = 1e-6  # percent


@dataclass(frozen=True)
class Criterion:
    """``name``: column of the candidates table; ``weight``: percent; ``direction``: ``more``,
    ``less`` or ``ideal`` (then ``ideal`` value and optional ``tolerance`` in the column's unit).
    """

    name: str
    weight: float
    direction: str = "more"
    ideal: Optional[float] = None
    tolerance: Optional[float] = None


def _check_weights(criteria: Sequence[Criterion], similarity_weight: float) -> None:
    if not criteria:
        raise ValueError("at least one criterion is needed")
    names = [c.name for c in criteria]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"criteria must have distinct names, repeated: {dupes}")
    weights = {c.name: c.weight for c in criteria}
    if similarity_weight:
        weights[SIMILARITY] = similarity_weight
    listing = ", ".join(f"{k}={v:g}" for k, v in weights.items())
    bad = [k for k, v in weights.items() if not (np.isfinite(v) and v >= 0)]
    if bad:
        raise ValueError(f"weights must be >= 0 %, invalid: {bad} ({listing})")
    total = float(sum(weights.values()))
    if abs(total - 100.0) > WEIGHT_TOLERANCE:
        raise ValueError(f"criterion weights must sum to 100 %, they sum to {total:g} % "
                         f"({listing})")
    for c in criteria:
        if c.direction not in DIRECTIONS:
            raise ValueError(f"criterion {c.name!r}: direction must be one of {DIRECTIONS},"
                             f" got {c.direction!r}")
        if c.direction == "ideal" and (c.ideal is None or not np.isfinite(c.ideal)):
            raise ValueError(f"criterion {c.name!r}: direction 'ideal' needs an ideal value")
        if c.tolerance is not None and not c.tolerance > 0:
            raise ValueError(f"criterion {c.name!r}: tolerance must be > 0, got {c.tolerance}")


def standardise(x: pd.Series, criterion: Criterion) -> pd.Series:
    """Standardised values in 0..1 (see module rules); missing values stay NaN here."""
    x = x.astype(np.float64)
    if criterion.direction == "ideal":
        gap = (x - criterion.ideal).abs()
        tol = criterion.tolerance if criterion.tolerance is not None else gap.max()
        if not tol > 0:  # every candidate sits exactly on the ideal
            return x.where(x.isna(), 1.0)
        return (1.0 - gap / tol).clip(lower=0.0)
    lo, hi = x.min(), x.max()
    if hi == lo:
        return x.where(x.isna(), 1.0)
    s = (x - lo) / (hi - lo)
    return s if criterion.direction == "more" else 1.0 - s


def _minmax(x: pd.Series) -> pd.Series:
    lo, hi = x.min(), x.max()
    return x * 0.0 if hi == lo else (x - lo) / (hi - lo)


def score_sites(candidates: pd.DataFrame, criteria: Sequence[Criterion],
                target=None, similarity_weight: float = 0.0,
                similarity_on: Optional[Sequence[str]] = None
                ) -> Tuple[pd.DataFrame, List[str]]:
    """Score and rank candidates.

    ``target``: index label of a candidate row, or a mapping ``{criterion: value}``, used for
    the similarity criterion (weight ``similarity_weight`` %, on the criteria ``similarity_on``,
    default all scored criteria). Returns ``(table, warnings)``; ``table`` has the candidates'
    index and columns ``score`` (0..100), ``rank`` (1 = best), ``contrib_<name>`` (points out of
    100, summing to the score) and ``std_<name>`` (standardised value 0..1) for every scored
    criterion (and ``similarity``).
    """
    _check_weights(criteria, similarity_weight)
    if similarity_weight and target is None:
        raise ValueError("similarity_weight is set but no target site is given")
    if not isinstance(candidates, pd.DataFrame):
        raise TypeError("candidates must be a pandas DataFrame (one row per candidate site)")
    warnings: List[str] = []
    kept: List[Criterion] = []
    std = {}
    for c in criteria:
        if c.name not in candidates.columns:
            warnings.append(Notice("criterion_absent",
                                   f"criterion {c.name!r} skipped: no such column in the data",
                                   criterion=c.name))
            continue
        col = pd.to_numeric(candidates[c.name], errors="coerce")
        if col.isna().all():
            warnings.append(Notice("criterion_empty",
                                   f"criterion {c.name!r} skipped: no data for any candidate",
                                   criterion=c.name))
            continue
        missing = int(col.isna().sum())
        if missing:
            warnings.append(Notice(
                "criterion_gaps",
                f"criterion {c.name!r}: {missing} candidate(s) without data score 0",
                criterion=c.name, n=missing))
        kept.append(c)
        std[c.name] = standardise(col, c).fillna(0.0)
    weights = {c.name: float(c.weight) for c in kept}
    if similarity_weight:
        sim = _similarity(candidates, kept, target, similarity_on)
        if sim is None:
            warnings.append(Notice("similarity_skipped",
                                   "criterion 'similarity' skipped: no criterion data to compare"))
        else:
            std[SIMILARITY] = sim
            weights[SIMILARITY] = float(similarity_weight)
    remaining = sum(weights.values())
    if not weights or remaining <= 0:
        raise AnalysisError("no_criterion", "no criterion can be scored: every criterion lacks"
                            f" data ({'; '.join(warnings)})", notices=list(warnings))
    if abs(remaining - 100.0) > WEIGHT_TOLERANCE:
        warnings.append(Notice("weights_renormalised",
                               f"weights renormalised over the remaining criteria (sum "
                               f"{remaining:g} % scaled to 100 %)", total=f"{remaining:g}"))
    out = pd.DataFrame(index=candidates.index)
    for name, w in weights.items():
        out[f"contrib_{name}"] = 100.0 * w / remaining * std[name]
    out.insert(0, "score", out.sum(axis=1))
    out.insert(1, "rank", out["score"].rank(ascending=False, method="min").astype(int))
    for name in weights:
        out[f"std_{name}"] = std[name]
    return out, warnings


def _similarity(candidates: pd.DataFrame, kept: Sequence[Criterion], target,
                similarity_on: Optional[Sequence[str]]) -> Optional[pd.Series]:
    names = [c.name for c in kept] if similarity_on is None else list(similarity_on)
    unknown = [n for n in names if n not in candidates.columns]
    if unknown:
        raise ValueError(f"similarity_on names unknown columns: {unknown}")
    if isinstance(target, dict):
        missing = [n for n in names if n not in target]
        if missing:
            raise AnalysisError("target_incomplete", f"target site lacks values for {missing}",
                                criteria=", ".join(missing))
        target_row = pd.Series({n: float(target[n]) for n in names})
    else:
        if target not in candidates.index:
            raise AnalysisError("target_unknown",
                                f"target site {target!r} is not a candidate index label",
                                target=str(target))
        target_row = candidates.loc[target, names].astype(np.float64)
    table = candidates[names].apply(pd.to_numeric, errors="coerce")
    names = [n for n in names if table[n].notna().any() and np.isfinite(target_row[n])]
    if not names:
        return None
    both = pd.concat([table[names], target_row[names].to_frame().T], ignore_index=True)
    z = both.apply(_minmax)
    diff = (z.iloc[:-1].to_numpy() - z.iloc[-1].to_numpy()) ** 2
    diff = np.where(np.isnan(diff), 1.0, diff)  # a missing value counts as maximally different
    return pd.Series(1.0 - np.sqrt(diff.mean(axis=1)), index=candidates.index)
