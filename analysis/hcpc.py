"""Hierarchical clustering on principal components, as ``FactoMineR::HCPC``.

Input: the respondents' coordinates on the retained MCA dimensions (``x``, n × d) and their
weights ``w``. Steps, as ``HCPC(res.mca, nb.clust, consol = TRUE, min = 3, max = 10)``:

1. **Ward**: agglomerative clustering where merging clusters ``a`` and ``b`` (weights ``W_a``,
   ``W_b``, centres ``g_a``, ``g_b``) costs the loss of between-class inertia::

       delta(a, b) = W_a W_b / (W_a + W_b) · ||g_a - g_b||² / W      (W = sum of all weights)

   FactoMineR gives ``flashClust::hclust(method = "ward", members = w)`` these costs for the
   single points and lets the Lance–Williams update carry them; we merge by the same criterion
   with the nearest-neighbour-chain algorithm, recomputing ``delta`` from the centres (the same
   tree, O(n d) memory; rows are first sorted by their first coordinate, as HCPC's
   ``order = TRUE``, which fixes the processing order of the consolidation below).
   The merge costs sorted in decreasing order are the **inertia gains**; the within-class
   inertia of the partition into ``k`` classes is ``within(k) = sum of the gains from the
   k-th on`` (``within(1)`` is the total inertia, the sum of the retained eigenvalues).
2. **Number of classes** (when not given): the ``k`` in ``[min, max]`` that minimises
   ``within(k) / within(k - 1)``, i.e. after which a further split gains relatively least.
   ``max`` defaults to ``min(10, round(n / 2))`` and is capped at ``n - 1``.
3. **Consolidation**: k-means (Hartigan–Wong, :func:`~.kmeans.hartigan_wong`, at most
   ``iter_max`` = 10 iterations) started from the class centres of the Ward partition.
   FactoMineR calls ``stats::kmeans``, which ignores the row weights (unweighted class means,
   unweighted transfers): ``consolidation = "factominer"`` reproduces that exactly;
   ``"weighted"`` (default) runs the same algorithm with the survey weights, consistent with
   the weighted MCA and Ward; ``"none"`` keeps the Ward classes (so does a consolidation
   that would start with an empty class, where R stops with an error: ``consolidated`` is
   then False).
4. **Pre-clustering** for large surveys (``kk``, HCPC's argument): the rows are first grouped
   into ``kk`` k-means clusters (weighted Lloyd from a seeded weighted k-means++ start,
   :func:`~.kmeans.lloyd`); Ward then runs on the cluster centres weighted by the clusters'
   weights, and the within inertia of the pre-clustering is appended to the gains (as
   HCPC does). As in HCPC, no consolidation follows (``consolidated`` is False). FactoMineR's
   own pre-clustering is unweighted ``kmeans(nstart = 4)`` from random starts, so it is not
   reproducible bit for bit; classes agree with it where the structure is clear.

Classes are numbered 1…k by increasing first coordinate of their centre (HCPC's order; the
centres are the unweighted means for ``"factominer"``, weighted means otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
import pandas as pd

from .kmeans import hartigan_wong, lloyd
from .mca import TypologyInputError, check_weights

CONSOLIDATIONS = ("weighted", "factominer", "none")
#: Above this many rows the exact Ward tree (quadratic time) is refused: use ``kk``.
EXACT_MAX_ROWS = 20_000


def ward_tree(x, weights=None) -> Tuple[np.ndarray, np.ndarray]:
    """Weighted Ward hierarchy of the rows of ``x``: ``(pairs, heights)`` with the ``n - 1``
    merges in increasing order of cost; ``pairs[j] = (a, b)`` are row numbers standing for the
    two clusters merged (any member of each), ``heights[j]`` is ``delta(a, b)`` (see the module
    docstring). Nearest-neighbour chain: O(n²·d) time, O(n·d) memory."""
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    total = w.sum()
    centre = x.copy()
    mass = w.copy()
    alive = np.ones(n, dtype=bool)
    pairs = np.empty((max(n - 1, 0), 2), dtype=np.int64)
    heights = np.empty(max(n - 1, 0))
    chain = []
    done = 0
    while done < n - 1:
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        a = chain[-1]
        diff = centre - centre[a]
        cost = mass[a] * mass / (mass[a] + mass) * np.einsum("ij,ij->i", diff, diff) / total
        cost[~alive] = np.inf
        cost[a] = np.inf
        b = int(np.argmin(cost))
        if len(chain) > 1 and cost[chain[-2]] <= cost[b]:
            b = chain[-2]
        if len(chain) > 1 and b == chain[-2]:
            chain.pop()
            chain.pop()
            merged = mass[a] + mass[b]
            centre[a] = (mass[a] * centre[a] + mass[b] * centre[b]) / merged
            mass[a] = merged
            alive[b] = False
            pairs[done] = (a, b)
            heights[done] = cost[b]
            done += 1
        else:
            chain.append(b)
    order = np.argsort(heights, kind="stable")
    return pairs[order], heights[order]


def cut_tree(pairs: np.ndarray, n: int, k: int) -> np.ndarray:
    """Classes 0…k-1 of the ``n`` rows after the ``n - k`` cheapest merges, numbered by order
    of first appearance in the rows (as R's ``cutree``)."""
    parent = np.arange(n)

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs[: n - k]:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([root(i) for i in range(n)])
    _, first, inverse = np.unique(roots, return_index=True, return_inverse=True)
    rank = np.empty(first.size, dtype=np.int64)
    rank[np.argsort(first)] = np.arange(first.size)
    return rank[inverse]


def choose_n_clusters(gains: np.ndarray, min_clusters: int, max_clusters: int
                      ) -> Tuple[int, pd.Series]:
    """HCPC's rule: ``within(k) = sum(gains[k-1:])`` (gains decreasing, 1-based ``k``); the
    ``k`` in ``[min, max]`` minimising ``within(k) / within(k-1)`` (first one on ties; a 0/0
    ratio, when there are fewer distinct rows than ``k``, is skipped, as R's ``which.min``).
    Returns ``(k, ratios indexed by k)``."""
    within = np.cumsum(gains[::-1])[::-1]
    ks = np.arange(min_clusters, max_clusters + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = within[ks - 1] / within[ks - 2]
    best = int(np.nanargmin(ratio)) if np.isfinite(ratio).any() else 0
    return int(ks[best]), pd.Series(ratio, index=pd.Index(ks, name="k"))


@dataclass(frozen=True)
class HCPCResult:
    """``classes``: class 1…k of each row (index of the coordinates); ``n_clusters``;
    ``centers``: weighted class centres (k × d, index 1…k); ``inertia_gains``: Ward merge costs
    in decreasing order (with the pre-clustering's within inertia appended when ``kk`` was
    used); ``within``: within inertia for 1, 2, … classes; ``criterion``: within(k) /
    within(k-1) for k in [min, max] (empty when there were too few units to compute it);
    ``between_ratio``: weighted between-class inertia / total inertia of the final classes;
    ``consolidated``, ``converged`` (k-means); ``kk``: pre-clusters used (None: exact path).
    """

    classes: pd.Series
    n_clusters: int
    centers: pd.DataFrame
    inertia_gains: np.ndarray
    within: np.ndarray
    criterion: pd.Series
    between_ratio: float
    consolidated: bool
    converged: bool
    kk: Optional[int]


def _check(n_units, n_clusters, min_clusters, max_clusters, what):
    if n_clusters is not None:
        if int(n_clusters) < 2:
            raise TypologyInputError(f"the number of types must be 2 or more; got {n_clusters}",
                                     reason="bad_parameter", value=n_clusters,
                                     expected="an integer >= 2")
        if int(n_clusters) > n_units:
            raise TypologyInputError(
                f"cannot form {n_clusters} types from {n_units} {what}",
                reason="too_many_clusters", value=n_clusters,
                expected=f"at most {n_units} types")
        return
    if min_clusters < 2:
        raise TypologyInputError(f"min_clusters must be 2 or more; got {min_clusters}",
                                 reason="bad_parameter", value=min_clusters,
                                 expected="an integer >= 2")
    if max_clusters < min_clusters:
        raise TypologyInputError(
            f"too few {what} ({n_units}) to choose between {min_clusters} and more types: "
            f"give the number of types, or collect more answers",
            reason="too_few_rows", value=n_units, expected=f"at least {min_clusters + 1}")


def _label_by_first_coordinate(x, w, cluster, k):
    """Renumber 0-based clusters 1…k by increasing first coordinate of their centre."""
    first = (np.bincount(cluster, weights=w * x[:, 0], minlength=k)
             / np.bincount(cluster, weights=w, minlength=k))
    order = np.argsort(first, kind="stable")
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(1, k + 1)
    return rank[cluster]


def hcpc(coords, weights=None, n_clusters: Optional[int] = None, *,
         consolidation: str = "weighted", kk: Optional[int] = None, min_clusters: int = 3,
         max_clusters: Optional[int] = None, iter_max: int = 10, seed: int = 0
         ) -> HCPCResult:
    """Classes of the rows of ``coords`` (DataFrame or array, n × d: MCA row coordinates) with
    row ``weights`` (None: all 1): see the module docstring. ``n_clusters`` None: chosen by
    the inertia-gain rule in ``[min_clusters, max_clusters]``. ``kk``: pre-cluster into ``kk``
    k-means clusters first (when ``kk < n``; ``seed`` fixes the k-means++ start).

    Raises :class:`~.mca.TypologyInputError` for fewer rows than classes, an automatic choice
    without enough rows, bad weights, or more than :data:`EXACT_MAX_ROWS` rows without ``kk``.
    """
    frame = coords if isinstance(coords, pd.DataFrame) else pd.DataFrame(np.asarray(coords))
    x = frame.to_numpy(dtype=np.float64)
    n = x.shape[0]
    if consolidation not in CONSOLIDATIONS:
        raise TypologyInputError(f"consolidation must be one of {CONSOLIDATIONS}; got "
                                 f"{consolidation!r}", reason="bad_parameter",
                                 value=consolidation, expected=" / ".join(CONSOLIDATIONS))
    if n == 0:
        raise TypologyInputError("no respondents to classify", reason="no_rows")
    w = check_weights(weights, n, frame.index)
    use_kk = kk is not None and int(kk) < n
    if use_kk:
        if int(kk) < 2:
            raise TypologyInputError(f"kk must be 2 or more; got {kk}", reason="bad_parameter",
                                     value=kk, expected="an integer >= 2")
        kk = min(int(kk), np.unique(x, axis=0).shape[0])
    elif n > EXACT_MAX_ROWS:
        raise TypologyInputError(
            f"{n} respondents are too many for the exact Ward tree (at most {EXACT_MAX_ROWS}): "
            "pre-cluster them with kk (e.g. kk=100)", reason="too_many_rows", value=n,
            expected=f"kk, or at most {EXACT_MAX_ROWS} rows")
    n_units = kk if use_kk else n
    if max_clusters is None:
        max_clusters = min(10, int(round(n_units / 2)))
    max_clusters = min(int(max_clusters), n_units - 1)
    _check(n_units, n_clusters, int(min_clusters), max_clusters,
           "pre-clusters" if use_kk else "respondents")

    if use_kk:
        pre = lloyd(x, kk, weights=w, seed=seed)
        units, unit_w = pre.centers, pre.weight
        n_units = units.shape[0]
        max_clusters = min(max_clusters, n_units - 1)
        _check(n_units, n_clusters, int(min_clusters), max_clusters, "pre-clusters")
        order = np.argsort(units[:, 0], kind="stable")
    else:
        units, unit_w = x, w
        order = np.argsort(x[:, 0], kind="stable")
    pairs, heights = ward_tree(units[order], unit_w[order])
    gains = heights[::-1]
    if use_kk:
        gains = np.append(gains, pre.within.sum() / w.sum())
    if n_clusters is None:
        k, criterion = choose_n_clusters(gains, int(min_clusters), max_clusters)
    else:
        k = int(n_clusters)
        criterion = (choose_n_clusters(gains, int(min_clusters), max_clusters)[1]
                     if 2 <= min_clusters <= max_clusters else pd.Series(dtype=float))
    sorted_class = cut_tree(pairs, n_units, k)
    unit_class = np.empty(n_units, dtype=np.int64)
    unit_class[order] = sorted_class

    consolidated, converged = False, True
    if use_kk:
        cluster = unit_class[pre.cluster]
        labels = _label_by_first_coordinate(x, w, cluster, k)
    elif consolidation == "none":
        labels = _label_by_first_coordinate(x, w, unit_class, k)
    else:
        xs = x[order]
        ws = w[order] if consolidation == "weighted" else np.ones(n)
        start = (np.stack([np.bincount(sorted_class, weights=ws * xs[:, j], minlength=k)
                           for j in range(xs.shape[1])], axis=1)
                 / np.bincount(sorted_class, weights=ws, minlength=k)[:, None])
        try:
            result = hartigan_wong(xs, start, None if consolidation == "factominer" else ws,
                                   iter_max=iter_max)
        except ValueError:  # a class left empty at the start (R stops): keep Ward's classes
            final = sorted_class
        else:
            consolidated, converged, final = True, result.converged, result.cluster
        sorted_labels = _label_by_first_coordinate(xs, ws, final, k)
        labels = np.empty(n, dtype=np.int64)
        labels[order] = sorted_labels
    classes = pd.Series(labels, index=frame.index, name="class")
    centers = pd.DataFrame(
        np.stack([np.bincount(labels - 1, weights=w * x[:, j], minlength=k)
                  for j in range(x.shape[1])], axis=1)
        / np.bincount(labels - 1, weights=w, minlength=k)[:, None],
        index=pd.Index(np.arange(1, k + 1), name="class"), columns=frame.columns)
    mean = w @ x / w.sum()
    total = float(w @ ((x - mean) ** 2).sum(axis=1))
    between = float(np.bincount(labels - 1, weights=w, minlength=k)
                    @ ((centers.to_numpy() - mean) ** 2).sum(axis=1))
    within = np.cumsum(gains[::-1])[::-1]
    return HCPCResult(classes, k, centers, gains, within, criterion,
                      between / total if total > 0 else 0.0, consolidated, converged,
                      int(n_units) if use_kk else None)
