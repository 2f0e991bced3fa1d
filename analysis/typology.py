"""Consumption typology (indicator 11): MCA, then HCPC, then catdes, as FactoMineR, weighted.

:func:`consumption_typology` chains the three steps of the French survey-analysis practice:

1. :func:`~.mca.mca` on the behaviour answers (one categorical column per question, a
   multi-choice question as one yes/no column per option; a missing answer is a category),
   weighted by the survey weights, keeping ``ncp`` dimensions;
2. :func:`~.hcpc.hcpc` on the respondents' coordinates: weighted Ward, number of types from the
   inertia gains unless given, consolidation by k-means; ``kk`` pre-clusters large surveys;
3. :func:`~.catdes.catdes` on the answers with the weights rescaled to mean 1 (so the
   hypergeometric test counts respondents, whatever the scale of the weights): for each type,
   the answers over- and under-represented, with their test-values.

Each type gets a readable default name from its strongest over-represented answers
(:func:`type_names`). :func:`adjusted_rand_index` compares two partitions (e.g. the types
found against planted ones).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from .catdes import catdes
from .hcpc import HCPCResult, hcpc
from .mca import MISSING, MCAResult, TypologyInputError, check_weights, mca
from .network import CancelledError

__all__ = ["MISSING", "TypologyInputError", "TypologyResult", "adjusted_rand_index",
           "consumption_typology", "shares_by", "type_names"]

#: ``progress(done, total) -> bool``; False cancels (:class:`~.network.CancelledError`).
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class TypologyResult:
    """``types``: type 1…k of each respondent (index of the answers); ``names``: type →
    default name; ``summary``: one row per type (``type``, ``name``, ``respondents``,
    ``weight``, ``share``: weighted share of the respondents, in [0, 1]); ``description``:
    :func:`~.catdes.catdes` rows (p <= ``proba``); ``mca`` and ``hcpc``: the full results."""

    types: pd.Series
    names: Dict[int, str]
    summary: pd.DataFrame
    description: pd.DataFrame
    mca: MCAResult
    hcpc: HCPCResult


def _label(labels: Optional[Mapping], question: str, category: str) -> str:
    if labels:
        for key in ((question, category), f"{question}={category}"):
            if key in labels:
                return str(labels[key])
    return f"{question}: {category}"


def type_names(description: pd.DataFrame, labels: Optional[Mapping] = None,
               n_answers: int = 3, min_v_test: float = 1.96) -> Dict[int, str]:
    """A default name per class of ``description`` (:func:`~.catdes.catdes` rows; the class
    column named ``class`` or ``type``): its ``n_answers`` (2–3) strongest over-represented
    answers (largest ``v_test`` >= ``min_v_test``), one per question, joined by ", " with the
    first letter capitalised. ``labels`` maps ``(question, category)`` (or ``"question=category"``)
    to the text to show, e.g. French labels; a missing answer (:data:`~.mca.MISSING`) is used
    only when ``labels`` names it; without a label, ``"question: category"``. A class with no
    such answer is ``"Type k"``; a name already taken gets `` (k)``. Names are only defaults:
    the caller stores and lets users edit them."""
    key = "type" if "type" in description.columns else "class"
    names: Dict[int, str] = {}
    for cls in sorted(description[key].unique().tolist()):
        rows = description[(description[key] == cls)
                           & (description["v_test"] >= min_v_test)]
        rows = rows.sort_values("v_test", ascending=False, kind="stable")
        parts, used = [], set()
        for question, category in zip(rows["question"], rows["category"]):
            if question in used:
                continue
            if category == MISSING and not (labels and ((question, category) in labels
                                                        or f"{question}={category}" in labels)):
                continue
            used.add(question)
            parts.append(_label(labels, question, category))
            if len(parts) == n_answers:
                break
        text = ", ".join(parts)
        names[cls] = text[:1].upper() + text[1:] if text else f"Type {cls}"
    taken = pd.Series(list(names.values())).value_counts()
    return {cls: f"{name} ({cls})" if taken[name] > 1 else name for cls, name in names.items()}


def consumption_typology(answers: pd.DataFrame, weights=None, *, ncp: int = 5,
                         n_types: Optional[int] = None, kk: Optional[int] = None,
                         min_types: int = 3, max_types: Optional[int] = 10,
                         consolidation: str = "weighted", proba: float = 0.05,
                         labels: Optional[Mapping] = None, seed: int = 0,
                         progress: Optional[Progress] = None) -> TypologyResult:
    """Types of respondents from their behaviour ``answers`` (see the module docstring).

    ``weights``: survey weights (None: 1); ``ncp``: MCA dimensions kept for the clustering;
    ``n_types``: None to choose it in ``[min_types, max_types]`` from the inertia gains;
    ``kk``: k-means pre-clusters for large surveys (None: exact Ward, up to
    :data:`~.hcpc.EXACT_MAX_ROWS` respondents); ``consolidation``: ``"weighted"``,
    ``"factominer"`` (unweighted, as R) or ``"none"``; ``proba``: catdes threshold;
    ``labels``: for :func:`type_names`. ``progress(done, 4)`` is called after each step.
    Raises :class:`~.mca.TypologyInputError` (see its ``reason``) or
    :class:`~.network.CancelledError`."""
    steps = 4

    def tick(done: int) -> None:
        if progress is not None and progress(done, steps) is False:
            raise CancelledError("typology cancelled")

    w = check_weights(weights, answers.shape[0], answers.index)
    tick(0)
    result_mca = mca(answers, w, ncp=ncp)
    tick(1)
    result_hcpc = hcpc(result_mca.rows, w, n_types, consolidation=consolidation, kk=kk,
                       min_clusters=min_types, max_clusters=max_types, seed=seed)
    tick(2)
    types = result_hcpc.classes.rename("type")
    description = catdes(result_mca.answers, types, w * (w.size / w.sum()), proba=proba)
    description = description.rename(columns={"class": "type"})
    tick(3)
    names = type_names(description, labels)
    k = result_hcpc.n_clusters
    weight = np.bincount(types.to_numpy() - 1, weights=w, minlength=k)
    summary = pd.DataFrame({
        "type": np.arange(1, k + 1), "name": [names.get(t, f"Type {t}") for t in range(1, k + 1)],
        "respondents": np.bincount(types.to_numpy() - 1, minlength=k),
        "weight": weight, "share": weight / weight.sum()})
    tick(4)
    return TypologyResult(types, {t: names.get(t, f"Type {t}") for t in range(1, k + 1)},
                          summary, description, result_mca, result_hcpc)


def _pairs(counts: np.ndarray) -> float:
    return float((counts * (counts - 1) / 2).sum())


def adjusted_rand_index(a, b) -> float:
    """Hubert & Arabie's adjusted Rand index of two partitions of the same items (labels of
    any kind): ``(I - E) / (M - E)`` with ``I = sum_ij C(n_ij, 2)`` over the contingency table,
    ``E = sum_i C(a_i, 2) sum_j C(b_j, 2) / C(n, 2)`` and ``M = (sum_i C(a_i, 2) + sum_j
    C(b_j, 2)) / 2``. 1 for identical partitions (up to labels), ~0 for independent ones;
    1 when both put everything in one class or everything apart (``M = E``)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise ValueError(f"the partitions have {a.size} and {b.size} items")
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    table = np.zeros((ia.max(initial=-1) + 1, ib.max(initial=-1) + 1))
    np.add.at(table, (ia, ib), 1)
    index, rows, cols = _pairs(table), _pairs(table.sum(axis=1)), _pairs(table.sum(axis=0))
    expected = rows * cols / _pairs(np.array([a.size])) if a.size > 1 else 0.0
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def shares_by(types: pd.Series, groups: pd.Series, weights=None) -> Tuple[pd.DataFrame,
                                                                          pd.DataFrame]:
    """Weighted share of each type within each group (e.g. home zone, centrality): returns
    ``(shares, respondents)``, both groups × types; shares sum to 1 per group. The caller
    applies the secrecy rules (respondents < 11 not published, < 30 flagged)."""
    w = check_weights(weights, types.shape[0], types.index)
    frame = pd.DataFrame({"group": groups.reindex(types.index).to_numpy(),
                          "type": types.to_numpy(), "w": w})
    weight = frame.pivot_table(index="group", columns="type", values="w", aggfunc="sum",
                               fill_value=0.0)
    count = frame.pivot_table(index="group", columns="type", values="w", aggfunc="count",
                              fill_value=0).astype(np.int64)
    return weight.div(weight.sum(axis=1), axis=0), count
