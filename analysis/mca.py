"""Weighted multiple correspondence analysis (MCA), as ``FactoMineR::MCA``.

Input: ``n`` respondents answering ``Q`` categorical questions (one column each; a multi-choice
question enters as one yes/no column per option), with row weights ``w_i > 0`` (survey weights).
Every value is a category code (compared as text); a missing value (None, NaN) is its own
category :data:`MISSING` of that question, as FactoMineR's default ``na.method = "NA"`` (a
conditional question that was not asked is then a real answer, "not asked").

Method (MCA as the correspondence analysis of the indicator matrix, FactoMineR's
``method = "Indicator"``). With ``Z`` the ``n × K`` indicator matrix (``z_ik = 1`` when
respondent ``i`` gave category ``k``; every row has ``Q`` ones), ``p_i = w_i / sum w`` and::

    c_k  = sum_i p_i z_ik / Q                      (category mass)
    B    = Z' diag(p) Z                            (weighted Burt matrix, K × K)
    S'S  = D_c^-1/2 (B / Q² - c c') D_c^-1/2       (K × K, symmetric)

the eigenvalues ``lambda_s`` of ``S'S`` (the squared singular values of the CA matrix ``S``)
are the MCA eigenvalues; their sum, the total inertia, is ``K / Q - 1``. With ``v_s`` the unit
eigenvectors::

    category coordinates   G_ks = v_ks sqrt(lambda_s) / sqrt(c_k)
    row coordinates        F_is = (1 / Q) sum_k z_ik v_ks / sqrt(c_k)

(the second is the transition formula ``F_is = (1 / Q) sum_k z_ik G_ks / sqrt(lambda_s)``: a
respondent sits at the barycentre of his categories, stretched by ``1 / sqrt(lambda_s)``).
Only the ``K × K`` matrix is decomposed and ``Z`` is kept sparse, so 100 000 respondents × 20
questions cost well under a second; no ``n × n`` matrix is ever formed.

Sign of each axis: FactoMineR's ``svd.triplet`` makes the sum of the entries of each right
singular vector ``v_s`` positive; we apply the same rule, so axes agree with R's sign except when
that sum is ~0 (then compare up to sign). The eigenvalue table keeps ``min(n - 1, K - Q)``
dimensions, percentages are ``100 lambda_s / (K / Q - 1)``; ``ncp`` is capped at the same
number. Unlike FactoMineR, rare categories are never "ventilated" (its ``level.ventil`` is 0 by
default too) and a question with a single category is refused (it separates nobody).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

#: The category that stands for a missing answer (FactoMineR names it ``<question>.NA``).
MISSING = "NA"


class TypologyInputError(ValueError):
    """Input a user can fix: ``reason`` is a stable code, the other fields say where.

    Reasons: ``no_rows``, ``too_few_questions``, ``single_category``, ``bad_weight``,
    ``too_few_rows``, ``too_many_clusters``, ``too_many_rows``, ``bad_parameter``,
    ``length_mismatch``.
    """

    def __init__(self, message: str, *, reason: str, column: Optional[str] = None,
                 row: Any = None, value: Any = None, expected: Optional[str] = None):
        super().__init__(message)
        self.reason = reason
        self.column = column
        self.row = row
        self.value = value
        self.expected = expected


@dataclass(frozen=True)
class Coding:
    """The categorical answers as integer codes: ``codes[i, j]`` indexes ``categories[j]``;
    ``offsets[j]`` is the first indicator column of question ``j`` (``K = offsets[-1]``)."""

    questions: List[str]
    categories: List[List[str]]
    codes: np.ndarray            # (n, Q) int64
    offsets: np.ndarray          # (Q + 1,) int64

    @property
    def n_categories(self) -> int:
        return int(self.offsets[-1])

    def indicator(self) -> sparse.csr_matrix:
        """The ``n × K`` indicator matrix ``Z`` (sparse, ``Q`` ones per row)."""
        n, q = self.codes.shape
        cols = (self.codes + self.offsets[:-1]).reshape(-1)
        indptr = np.arange(0, n * q + 1, q, dtype=np.int64)
        return sparse.csr_matrix((np.ones(n * q), cols, indptr), shape=(n, self.n_categories))

    def index(self) -> pd.MultiIndex:
        """``(question, category)`` of each indicator column, in column order."""
        pairs = [(q, c) for q, cats in zip(self.questions, self.categories) for c in cats]
        return pd.MultiIndex.from_tuples(pairs, names=["question", "category"])

    def frame(self, index=None) -> pd.DataFrame:
        """The answers as text, missing values replaced by :data:`MISSING`."""
        data = {q: np.asarray(cats, dtype=object)[self.codes[:, j]]
                for j, (q, cats) in enumerate(zip(self.questions, self.categories))}
        return pd.DataFrame(data, index=index)


def _category_order(column: pd.Series, present: Sequence[str]) -> List[str]:
    """Categorical columns keep their declared order; others are sorted as text."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        declared = [str(c) for c in column.cat.categories]
        return [c for c in declared if c in set(present)]
    return sorted(present)


def encode_answers(answers: pd.DataFrame, allow_single: bool = False) -> Coding:
    """Code every column of ``answers`` as categories (values compared as text; a missing
    value, or the text :data:`MISSING` as pandas would read it, → :data:`MISSING`, last).
    Refuses an empty frame, and (unless ``allow_single``) a question with a single category,
    naming it."""
    if answers.shape[0] == 0:
        raise TypologyInputError("no answers to analyse: the table has no row", reason="no_rows")
    questions = [str(c) for c in answers.columns]
    categories: List[List[str]] = []
    codes = np.empty(answers.shape, dtype=np.int64)
    for j, name in enumerate(answers.columns):
        column = answers[name]
        raw, uniques = pd.factorize(column, sort=False)
        text = [str(u) for u in uniques]
        missing = (raw < 0) | np.isin(raw, [i for i, t in enumerate(text) if t == MISSING])
        present = sorted(set(text) - {MISSING})
        cats = _category_order(column, present) + ([MISSING] if missing.any() else [])
        if len(cats) < 2 and not allow_single:
            raise TypologyInputError(
                f"question {name!r} has a single answer ({cats[0]!r}) for all {len(raw)} "
                "respondents: it cannot tell anyone apart; remove it from the analysis",
                reason="single_category", column=str(name), value=cats[0],
                expected="at least two different answers")
        lookup = {c: k for k, c in enumerate(cats)}
        to_code = np.array([lookup[t] for t in text] + [lookup.get(MISSING, -1)],
                           dtype=np.int64)
        codes[:, j] = to_code[np.where(missing, len(text), raw)]
        categories.append(cats)
    offsets = np.concatenate([[0], np.cumsum([len(c) for c in categories])]).astype(np.int64)
    return Coding(questions, categories, codes, offsets)


def check_weights(weights, n: int, index=None) -> np.ndarray:
    """Row weights as a float array (None → all 1); each must be finite and > 0."""
    if weights is None:
        return np.ones(n)
    w = np.asarray(weights, dtype=np.float64).reshape(-1)
    if w.size != n:
        raise TypologyInputError(f"{w.size} weights for {n} respondents",
                                 reason="length_mismatch", value=w.size, expected=str(n))
    bad = ~(np.isfinite(w) & (w > 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        row = index[i] if index is not None else i
        raise TypologyInputError(
            f"weight of respondent {row!r} is {w[i]}: every weight must be a number > 0",
            reason="bad_weight", row=row, value=float(w[i]), expected="a number > 0")
    return w


@dataclass(frozen=True)
class MCAResult:
    """Weighted MCA of ``Q`` questions with ``K`` categories.

    ``eigenvalues``: one row per dimension (``min(n - 1, K - Q)``), columns ``eigenvalue``,
    ``percent`` and ``cumulative_percent`` (of the total inertia ``K / Q - 1``).
    ``rows``: respondents' coordinates (index of the answers; columns ``dim_1``…``dim_ncp``).
    ``categories``: coordinates of each ``(question, category)`` plus ``weight`` (sum of the
    weights of the respondents who gave it), ``count`` (respondents) and ``mass`` (``c_k``).
    ``answers``: the answers as text with :data:`MISSING` for missing values (what was
    analysed; :func:`~.catdes.catdes` describes classes from it). ``weights``: row weights.
    """

    eigenvalues: pd.DataFrame
    rows: pd.DataFrame
    categories: pd.DataFrame
    answers: pd.DataFrame
    weights: np.ndarray
    total_inertia: float

    @property
    def ncp(self) -> int:
        return self.rows.shape[1]


def dims(ncp: int) -> List[str]:
    return [f"dim_{s + 1}" for s in range(ncp)]


def mca(answers: pd.DataFrame, weights=None, ncp: int = 5) -> MCAResult:
    """Weighted MCA of the categorical columns of ``answers`` (see the module docstring);
    ``weights``: one per row (> 0), None for equal weights; ``ncp`` dimensions kept.

    Same results as ``FactoMineR::MCA(answers, ncp = ncp, row.w = weights, graph = FALSE)``.
    Needs at least two questions and two respondents; a question with one category only is
    refused (:class:`TypologyInputError`, ``reason = "single_category"``).
    """
    if answers.shape[1] < 2:
        raise TypologyInputError(
            f"an MCA needs at least two questions; got {answers.shape[1]}"
            + (f" ({list(answers.columns)[0]!r})" if answers.shape[1] else ""),
            reason="too_few_questions", value=answers.shape[1], expected="2 or more questions")
    if int(ncp) < 1:
        raise TypologyInputError(f"ncp must be 1 or more, got {ncp}", reason="bad_parameter",
                                 value=ncp, expected="an integer >= 1")
    coding = encode_answers(answers)
    n, q = coding.codes.shape
    if n < 2:
        raise TypologyInputError("an MCA needs at least two respondents; got 1",
                                 reason="too_few_rows", value=n, expected="2 or more")
    w = check_weights(weights, n, answers.index)
    p = w / w.sum()
    z = coding.indicator()
    k = coding.n_categories
    burt = np.asarray((z.T @ z.multiply(p[:, None]).tocsr()).todense())
    mass = np.diag(burt) / q
    inv_sqrt = 1.0 / np.sqrt(mass)
    s2 = (burt / q ** 2 - np.outer(mass, mass)) * np.outer(inv_sqrt, inv_sqrt)
    s2 = (s2 + s2.T) / 2.0
    values, vectors = np.linalg.eigh(s2)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0.0, None), vectors[:, order]
    total = float(np.trace(s2))
    n_dims = min(n - 1, k - q)
    ncp = min(int(ncp), n_dims)
    values = values[:n_dims]
    sign = np.sign(vectors[:, :ncp].sum(axis=0))
    sign[sign == 0] = 1.0
    v = vectors[:, :ncp] * sign
    percent = values / total * 100.0
    eig = pd.DataFrame({"eigenvalue": values, "percent": percent,
                        "cumulative_percent": np.cumsum(percent)},
                       index=pd.Index(np.arange(1, n_dims + 1), name="dim"))
    scaled = v * inv_sqrt[:, None]
    rows = pd.DataFrame(np.asarray(z @ scaled) / q, index=answers.index, columns=dims(ncp))
    cats = pd.DataFrame(scaled * np.sqrt(values[:ncp]), index=coding.index(),
                        columns=dims(ncp))
    cats["weight"] = np.asarray(z.T @ w).reshape(-1)
    cats["count"] = np.asarray(z.sum(axis=0)).reshape(-1).astype(np.int64)
    cats["mass"] = mass
    return MCAResult(eig, rows, cats, coding.frame(answers.index), w, total)
