"""Description of classes by categorical answers, as ``FactoMineR::catdes`` (category part).

For class ``j`` and category ``k`` of a question, with row weights ``w`` (weighted counts)::

    n_jk = sum of w over respondents of class j who gave k      (Table[j, k])
    n_j  = weight of class j,  n_k = weight of category k,  n = total weight
    Cla/Mod = 100 n_jk / n_k     Mod/Cla = 100 n_jk / n_j     Global = 100 n_k / n

Under the hypothesis that class membership is independent of the answer, the number of
respondents of the class among those who gave ``k`` is hypergeometric: ``n_k`` draws from an urn
of ``n`` balls of which ``n_j`` are of the class. With ``x = round(n_jk)``, ``m = round(n_j)``,
``N = round(n)``, ``d = round(n_k)`` (FactoMineR rounds the weighted counts; ``round`` halves to
even, as R) and ``X ~ Hypergeometric(m, N - m, d)``::

    p = min(2 P(X < x) + P(X = x),  2 P(X > x) + P(X = x))     (two-sided, mid-point)
    v.test = ± |Phi^-1(p / 2)|,   + when Mod/Cla > Global (over-represented), - otherwise

so ``v.test`` is the normal deviate with the same p-value; above 1.96 the category is
significantly over-represented in the class at 5 %. Rows with ``p <= proba`` are kept, sorted
by class then decreasing ``v.test``. A missing answer is a category (use the answers as coded
by :func:`~.mca.encode_answers`, where it is :data:`~.mca.MISSING`).

The test uses the weights as counts, so their scale matters: pass weights with mean 1 (the
survey's respondents, not the population) — :func:`~.typology.consumption_typology` does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import gammaln
from scipy.stats import norm

from .mca import TypologyInputError, check_weights, encode_answers

COLUMNS = ["class", "question", "category", "cla_mod", "mod_cla", "global", "p_value", "v_test",
           "weight", "count", "class_count"]


def _log_choose(a, b):
    return gammaln(a + 1.0) - gammaln(b + 1.0) - gammaln(a - b + 1.0)


def hypergeometric_p(x, m, n_total, d) -> np.ndarray:
    """catdes' two-sided mid-point p-value ``min(2 P(X < x) + P(X = x), 2 P(X > x) +
    P(X = x))`` for ``X ~ Hypergeometric(m, n_total - m, d)`` (``m`` of the class among
    ``n_total``, ``d`` draws), vectorised; arguments are integers (as floats).

    ``P(X = x)`` from log-gamma; the tail on the far side of the mean from ``x`` (the smaller
    one) is summed term by term from ``x`` outwards with the ratio of successive
    probabilities, ``P(t-1) / P(t) = t (N - m - d + t) / ((m - t + 1) (d - t + 1))``, until
    the terms no longer change the sum (as R's ``phyper``); the other tail is the complement.
    """
    x, m, big_n, d = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64)
                                           for v in (x, m, n_total, d)))
    x, m, big_n, d = (v.ravel() for v in (x, m, big_n, d))
    lo = np.maximum(0.0, d - (big_n - m))
    hi = np.minimum(m, d)
    inside = (x >= lo) & (x <= hi)
    xs = np.clip(x, lo, hi)
    pmf = np.where(inside, np.exp(_log_choose(m, xs) + _log_choose(big_n - m, d - xs)
                                  - _log_choose(big_n, d)), 0.0)
    down = xs <= d * m / np.maximum(big_n, 1.0)
    total = np.zeros_like(x)
    term = np.ones_like(x)
    t = xs.copy()
    active = inside & np.where(down, t > lo, t < hi)
    while active.any():
        tt, mm, nn, dd = t[active], m[active], big_n[active], d[active]
        dn = down[active]
        ratio = np.where(dn, tt * (nn - mm - dd + tt) / ((mm - tt + 1.0) * (dd - tt + 1.0)),
                         (mm - tt) * (dd - tt) / ((tt + 1.0) * (nn - mm - dd + tt + 1.0)))
        term[active] *= ratio
        t[active] = np.where(dn, tt - 1.0, tt + 1.0)
        new_total = total[active] + term[active]
        still = new_total > total[active]
        total[active] = new_total
        index = np.flatnonzero(active)
        active[index] = still & np.where(dn, t[index] > lo[index], t[index] < hi[index])
    near = pmf * total
    far = np.maximum(1.0 - near - pmf, 0.0)
    below = np.where(down, near, far)
    above = np.where(down, far, near)
    below = np.where(inside, below, np.where(x < lo, 0.0, 1.0))
    above = np.where(inside, above, np.where(x < lo, 1.0, 0.0))
    return np.minimum(2 * below + pmf, 2 * above + pmf)


def catdes(answers: pd.DataFrame, classes, weights=None, proba: float = 0.05) -> pd.DataFrame:
    """Over- and under-represented answers of each class (module docstring); ``answers``: one
    categorical column per question (missing values become :data:`~.mca.MISSING`),
    ``classes``: class of each row (Series aligned on ``answers`` or array), ``weights``: row
    weights (None: 1). Columns: :data:`COLUMNS` (``weight``: ``n_jk``; ``count`` and
    ``class_count``: respondents, unweighted, behind ``n_jk`` and ``n_j``)."""
    n = answers.shape[0]
    if isinstance(classes, pd.Series):
        classes = classes.reindex(answers.index)
    labels = np.asarray(classes)
    if labels.shape[0] != n:
        raise TypologyInputError(f"{labels.shape[0]} classes for {n} respondents",
                                 reason="length_mismatch", value=labels.shape[0],
                                 expected=str(n))
    if pd.isna(labels).any():
        row = answers.index[int(np.flatnonzero(pd.isna(labels))[0])]
        raise TypologyInputError(f"respondent {row!r} has no class", reason="bad_parameter",
                                 row=row, expected="a class for every respondent")
    if not 0 < proba <= 1:
        raise TypologyInputError(f"proba must be in (0, 1]; got {proba}",
                                 reason="bad_parameter", value=proba, expected="0 < proba <= 1")
    w = check_weights(weights, n, answers.index)
    class_values, cls = np.unique(labels, return_inverse=True)
    n_classes = class_values.size
    coding = encode_answers(answers, allow_single=True)
    class_w = np.bincount(cls, weights=w, minlength=n_classes)
    class_n = np.bincount(cls, minlength=n_classes)
    frames = []
    for q, (question, cats) in enumerate(zip(coding.questions, coding.categories)):
        n_cat = len(cats)
        cell = cls * n_cat + coding.codes[:, q]
        table = np.bincount(cell, weights=w, minlength=n_classes * n_cat).reshape(n_classes,
                                                                                   n_cat)
        count = np.bincount(cell, minlength=n_classes * n_cat).reshape(n_classes, n_cat)
        cat_w = np.broadcast_to(table.sum(axis=0), table.shape)
        frames.append(pd.DataFrame({
            "class": np.repeat(class_values, n_cat), "question": question,
            "category": np.tile(np.asarray(cats, dtype=object), n_classes),
            "weight": table.ravel(), "category_weight": cat_w.ravel(),
            "class_weight": np.repeat(class_w, n_cat), "count": count.ravel(),
            "class_count": np.repeat(class_n, n_cat)}))
    out = pd.concat(frames, ignore_index=True)
    total = class_w.sum()
    out["cla_mod"] = 100 * out["weight"] / out["category_weight"]
    out["mod_cla"] = 100 * out["weight"] / out["class_weight"]
    out["global"] = 100 * out["category_weight"] / total
    p = hypergeometric_p(np.round(out["weight"]), np.round(out["class_weight"]),
                         np.round(total), np.round(out["category_weight"]))
    out["p_value"] = p
    out["v_test"] = np.where(out["mod_cla"] > out["global"], -1.0, 1.0) * norm.ppf(p / 2)
    out = out[out["p_value"] <= proba]
    return out.sort_values(["class", "v_test"], ascending=[True, False],
                           kind="stable").reset_index(drop=True)[COLUMNS]
