"""Weighted k-means: Hartigan–Wong (as R's ``stats::kmeans``) and a seeded Lloyd for big data.

:func:`hartigan_wong` is algorithm AS 136 (Hartigan & Wong 1979, Applied Statistics 28:100)
as R runs it (``kmeans(x, centers, iter.max, algorithm = "Hartigan-Wong")``: quick-transfer
stage limited to ``50 m`` steps), generalised to row weights. A point ``i`` of weight ``w_i``
moves from its cluster ``L1`` (weight ``W1``) to ``L2`` when that lowers the weighted within
sum of squares, i.e. when::

    d²(x_i, c_L2) W2 / (W2 + w_i)  <  d²(x_i, c_L1) W1 / (W1 - w_i)

and centres are updated at once, ``c_L1 ← (W1 c_L1 - w_i x_i) / (W1 - w_i)`` and
``c_L2 ← (W2 c_L2 + w_i x_i) / (W2 + w_i)``. With all weights 1 these are AS 136's ``AN1`` and
``AN2`` factors and updates, computed with the same floating-point operations in the same
order, so the clusters are R's (points are processed in the given row order; ties go to the
lower cluster number, as in AS 136). Plain Python: meant for the few thousand rows of
HCPC's consolidation.

:func:`lloyd` is weighted Lloyd (assign each point to its nearest centre, move each centre to
the weighted mean of its points, until no point moves) from a weighted k-means++ start drawn
with a fixed seed: vectorised, for pre-clustering 100 000 rows (HCPC's ``kk``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

_BIG = float(np.float32(1.0e30))  # AS 136's BIG, a single-precision literal


@dataclass(frozen=True)
class KMeansResult:
    """``cluster``: 0-based cluster of each row; ``centers`` (k × d): weighted means;
    ``within``: weighted within sum of squares per cluster; ``iterations`` run;
    ``converged``: False when ``iter_max`` was reached (R warns "did not converge") or, for
    Hartigan–Wong, when the quick-transfer stage hit its ``50 m`` step limit."""

    cluster: np.ndarray
    centers: np.ndarray
    within: np.ndarray
    weight: np.ndarray
    iterations: int
    converged: bool


def _sqdist(x: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Squared distances of the rows of ``x`` (m × d) to ``c`` (d,) or of ``x`` (d,) to the
    rows of ``c``, summed over dimensions in order (as AS 136 does)."""
    diff = x - c
    if diff.ndim == 1:
        total = 0.0
        for value in diff:
            total += value * value
        return total
    out = diff[:, 0] * diff[:, 0]
    for j in range(1, diff.shape[1]):
        out = out + diff[:, j] * diff[:, j]
    return out


def _means(x, w, cluster, k):
    weight = np.bincount(cluster, weights=w, minlength=k)
    sums = np.stack([np.bincount(cluster, weights=w * x[:, j], minlength=k)
                     for j in range(x.shape[1])], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / weight[:, None], weight


def _finish(x, w, cluster, k, iterations, converged) -> KMeansResult:
    centers, weight = _means(x, w, cluster, k)
    within = np.bincount(cluster, weights=w * _sqdist(x, centers[cluster]), minlength=k)
    return KMeansResult(cluster, centers, within, weight, iterations, converged)


class _HW:
    """State of AS 136 (0-based clusters, 1-based steps as in the Fortran)."""

    def __init__(self, x, w, centers):
        self.x, self.w = x, w
        self.m, self.k = x.shape[0], centers.shape[0]
        d = np.stack([_sqdist(x, c) for c in centers], axis=1)
        self.ic1 = np.argmin(d, axis=1)
        d[np.arange(self.m), self.ic1] = np.inf
        self.ic2 = np.argmin(d, axis=1)
        self.nc = np.bincount(self.ic1, minlength=self.k)
        if (self.nc == 0).any():
            empty = int(np.flatnonzero(self.nc == 0)[0])
            raise ValueError(f"empty cluster {empty + 1} at the start: no point is nearest "
                             "to its initial centre")
        self.c, self.wt = _means(x, w, self.ic1, self.k)
        self.c = [row.copy() for row in self.c]
        self.wt = self.wt.tolist()
        self.nc = self.nc.tolist()
        self.itran = [1] * self.k
        self.ncp = [-1] * self.k
        self.live = [0] * self.k
        self.dist = np.zeros(self.m)
        self.indx = 0
        self.xl = list(x)
        self.wl = w.tolist()

    def an1(self, cl, wi):
        if self.nc[cl] == 1:
            return _BIG
        return self.wt[cl] / (self.wt[cl] - wi)

    def an2(self, cl, wi):
        return self.wt[cl] / (self.wt[cl] + wi)

    def transfer(self, i, l1, l2):
        xi, wi = self.xl[i], self.wl[i]
        w1, w2 = self.wt[l1], self.wt[l2]
        self.c[l1] = (self.c[l1] * w1 - wi * xi) / (w1 - wi)
        self.c[l2] = (self.c[l2] * w2 + wi * xi) / (w2 + wi)
        self.nc[l1] -= 1
        self.nc[l2] += 1
        self.wt[l1] = w1 - wi
        self.wt[l2] = w2 + wi
        self.ic1[i] = l2
        self.ic2[i] = l1

    def optra(self):
        m, k = self.m, self.k
        for cl in range(k):
            if self.itran[cl] == 1:
                self.live[cl] = m + 1
        for i in range(m):
            step = i + 1
            self.indx += 1
            l1, l2 = self.ic1[i], self.ic2[i]
            ll = l2
            if self.nc[l1] != 1:
                xi, wi = self.xl[i], self.wl[i]
                if self.ncp[l1] != 0:
                    self.dist[i] = _sqdist(xi, self.c[l1]) * self.an1(l1, wi)
                r2 = _sqdist(xi, self.c[l2]) * self.an2(l2, wi)
                for cl in range(k):
                    if (step >= self.live[l1] and step >= self.live[cl]) or cl in (l1, ll):
                        continue
                    rr = r2 / self.an2(cl, wi)
                    dc = _sqdist(xi, self.c[cl])
                    if dc >= rr:
                        continue
                    r2 = dc * self.an2(cl, wi)
                    l2 = cl
                if r2 >= self.dist[i]:
                    self.ic2[i] = l2
                else:
                    self.indx = 0
                    self.live[l1] = self.live[l2] = m + step
                    self.ncp[l1] = self.ncp[l2] = step
                    self.transfer(i, l1, l2)
            if self.indx == m:
                return
        for cl in range(k):
            self.itran[cl] = 0
            self.live[cl] -= m

    def qtran(self, max_steps):
        """Returns False when the step limit is reached."""
        m = self.m
        icoun = istep = 0
        while True:
            for i in range(m):
                icoun += 1
                istep += 1
                if istep >= max_steps:
                    return False
                l1, l2 = self.ic1[i], self.ic2[i]
                if self.nc[l1] != 1:
                    xi, wi = self.xl[i], self.wl[i]
                    if istep <= self.ncp[l1]:
                        self.dist[i] = _sqdist(xi, self.c[l1]) * self.an1(l1, wi)
                    if istep < self.ncp[l1] or istep < self.ncp[l2]:
                        r2 = self.dist[i] / self.an2(l2, wi)
                        if _sqdist(xi, self.c[l2]) < r2:
                            icoun = 0
                            self.indx = 0
                            self.itran[l1] = self.itran[l2] = 1
                            self.ncp[l1] = self.ncp[l2] = istep + m
                            self.transfer(i, l1, l2)
                if icoun == m:
                    return True


def hartigan_wong(x, centers, weights=None, iter_max: int = 10) -> KMeansResult:
    """AS 136 k-means from the given initial ``centers`` (k × d), weighted (see the module
    docstring); ``weights=None`` is R's ``kmeans(x, centers, iter.max)`` exactly."""
    x = np.ascontiguousarray(x, dtype=np.float64)
    centers = np.asarray(centers, dtype=np.float64)
    m, k = x.shape[0], centers.shape[0]
    w = np.ones(m) if weights is None else np.asarray(weights, dtype=np.float64)
    if k < 2 or k >= m:
        raise ValueError(f"the number of clusters must lie between 2 and {m - 1}; got {k}")
    state = _HW(x, w, centers)
    max_steps = min(50 * m, 2 ** 31 - 1)
    converged = False
    iterations = iter_max
    for iteration in range(1, iter_max + 1):
        state.optra()
        if state.indx == m:
            converged, iterations = True, iteration
            break
        if not state.qtran(max_steps):
            iterations = iteration
            break
        if k == 2:
            converged, iterations = True, iteration
            break
        state.ncp = [0] * k
    return _finish(x, w, state.ic1.copy(), k, iterations, converged)


def kmeans_pp(x: np.ndarray, w: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Weighted k-means++ seeding: the first centre drawn with probability ∝ ``w``, each next
    one ∝ ``w · D²`` (``D``: distance to the nearest centre drawn so far)."""
    first = rng.choice(x.shape[0], p=w / w.sum())
    centers = [x[first]]
    nearest = _sqdist(x, x[first])
    for _ in range(1, k):
        p = w * nearest
        total = p.sum()
        if not total > 0:
            break
        pick = rng.choice(x.shape[0], p=p / total)
        centers.append(x[pick])
        nearest = np.minimum(nearest, _sqdist(x, x[pick]))
    return np.array(centers)


def _two_nearest(x: np.ndarray, centers: np.ndarray, chunk: int = 8192):
    """Nearest and second-nearest centre of each row: ``(index, distance, second distance)``,
    by blocks of rows (``|c|² - 2 x·c + |x|²``, clipped at 0)."""
    m = x.shape[0]
    index = np.empty(m, dtype=np.int64)
    first = np.empty(m)
    second = np.full(m, np.inf)
    c2 = (centers * centers).sum(axis=1)
    ct = -2.0 * centers.T
    rows = np.arange(min(chunk, m))
    for start in range(0, m, chunk):
        xb = x[start:start + chunk]
        block = xb @ ct
        block += c2
        block += (xb * xb).sum(axis=1)[:, None]
        r = rows[: xb.shape[0]]
        best = block.argmin(axis=1)
        index[start:start + chunk] = best
        first[start:start + chunk] = block[r, best]
        if centers.shape[0] > 1:
            block[r, best] = np.inf
            second[start:start + chunk] = block.min(axis=1)
    return index, np.sqrt(np.maximum(first, 0.0)), np.sqrt(np.maximum(second, 0.0))


def lloyd(x, k: int, weights=None, seed: int = 0, iter_max: int = 100, tol: float = 0.01,
          centers: Optional[np.ndarray] = None) -> KMeansResult:
    """Weighted Lloyd k-means from a seeded weighted k-means++ start (or ``centers``), until
    the points that change cluster carry at most ``tol`` of the total weight (0: until none
    moves) or ``iter_max`` iterations. Distances are skipped where Hamerly's bounds prove the
    nearest centre unchanged (an upper bound on the distance to the own centre, a lower bound
    on the others', moved by how far the centres move), which gives Lloyd's assignments at a
    fraction of the cost once few points move. Clusters that end empty are dropped (so
    ``len(centers)`` may be < ``k``)."""
    x = np.ascontiguousarray(x, dtype=np.float64)
    w = np.ones(x.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    c = kmeans_pp(x, w, k, rng) if centers is None else np.array(centers, dtype=np.float64)
    k = c.shape[0]
    cluster, upper, lower = _two_nearest(x, c)
    limit = tol * w.sum()
    converged = False
    iterations = 0
    for iterations in range(1, iter_max + 1):  # noqa: B007
        means, weight = _means(x, w, cluster, k)
        new_c = np.where(weight[:, None] > 0, means, c)
        shift = np.sqrt(_sqdist(new_c, c)) if k > 1 else np.zeros(1)
        c = new_c
        upper = upper + shift[cluster]
        if k > 1:
            top = np.argsort(shift)[::-1][:2]
            lower = lower - np.where(cluster == top[0], shift[top[1]], shift[top[0]])
            between = np.sqrt(np.maximum(
                (c * c).sum(1)[:, None] - 2.0 * c @ c.T + (c * c).sum(1)[None, :], 0.0))
            np.fill_diagonal(between, np.inf)
            half = between.min(axis=1) / 2.0
            bound = np.maximum(half[cluster], lower)
            check = np.flatnonzero(upper > bound)
            upper[check] = np.sqrt(_sqdist(x[check], c[cluster[check]]))
            check = check[upper[check] > bound[check]]
        else:
            check = np.empty(0, dtype=np.int64)
        moved_weight = 0.0
        if check.size:
            index, first, second = _two_nearest(x[check], c)
            moved = index != cluster[check]
            moved_weight = float(w[check][moved].sum())
            cluster[check], upper[check], lower[check] = index, first, second
        if moved_weight <= limit:
            converged = True
            break
    used = np.flatnonzero(np.bincount(cluster, minlength=k) > 0)
    relabel = np.full(k, -1)
    relabel[used] = np.arange(used.size)
    return _finish(x, w, relabel[cluster], used.size, iterations, converged)
