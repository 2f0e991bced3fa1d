"""Compiled shortest-path searches (optional: needs numba).

One bounded Dijkstra search per origin on a CSR graph, compiled by numba and run without the
GIL, so a run's threads use every core. Compared with :func:`scipy.sparse.csgraph.dijkstra`
it stops at the cost limit, resets only the nodes it reached, and can sum values per band while
it settles nodes, so no ``origins × nodes`` matrix is ever built.

The search is a bucket queue (Dial's algorithm, generalised as delta-stepping): tentative costs
are filed in buckets of width ``delta`` and buckets are emptied in increasing order. With
``delta`` no larger than the lightest arc (the usual case: ``delta`` = the lightest arc's cost), a
node taken from the current bucket cannot be improved by another node of the same bucket, so
each node is scanned once, as in Dijkstra's algorithm, with O(1) queue operations instead of a
heap's O(log n). When the lightest arc is so light that ``limit / delta`` would exceed
:data:`MAX_BUCKETS`, ``delta`` is widened and a node improved within its bucket is scanned again
(label correcting), which still ends with exact shortest costs. A binary-heap Dijkstra
(:func:`_heap_search`) takes over if the bucket queue's entry pool would overflow.

A node is *reached* when its cost is ``<= limit``; nodes beyond the limit are never queued.
Results are the same as scipy's (same graph, same arithmetic along each path); only the order in
which nodes are reported differs.

When numba is missing, :data:`AVAILABLE` is False and callers fall back to scipy
(:class:`~.network.Router` does it by itself).
"""

from __future__ import annotations

import importlib.util
import os
import threading

import numpy as np

#: True when the compiled searches can be used (numba is installed and not disabled by the
#: ``OBSERVATOIRE_NO_NUMBA`` environment variable). numba itself is imported, and the searches
#: compiled (or loaded from numba's cache), on the first :class:`Searcher`, not at import.
AVAILABLE = (not os.environ.get("OBSERVATOIRE_NO_NUMBA")
             and importlib.util.find_spec("numba") is not None)
_COMPILED = False
_COMPILE_LOCK = threading.Lock()

#: Most buckets of one search (8 bytes each per thread); beyond, ``delta`` is widened.
MAX_BUCKETS = 1 << 20


def _bucket_search(indptr, indices, weights, sources, limit, delta, head, entry_node,
                   entry_next, dist, scanned, reached_node, reached_cost):
    """Bucket-queue search from ``sources`` (all at cost 0) up to ``limit``; see the module
    docstring. ``head`` (>= limit / delta + 1 entries, all -1), ``dist`` (inf) and ``scanned``
    (inf) are work arrays left as they were found; ``entry_node`` / ``entry_next`` are the
    entry pool. Fills ``reached_node`` / ``reached_cost`` and returns their length, or -1 when
    the pool is full (nothing is reported then)."""
    n_entries = 0
    capacity = entry_node.size
    m = 0
    for s in sources:
        if dist[s] > 0.0:
            if n_entries >= capacity:
                return _bucket_abort(head, entry_node, n_entries, dist, scanned)
            dist[s] = 0.0
            reached_node[m] = s
            m += 1
            entry_node[n_entries] = s
            entry_next[n_entries] = head[0]
            head[0] = n_entries
            n_entries += 1
    n_buckets = int(limit / delta) + 1
    b = 0
    while b < n_buckets:
        e = head[b]
        if e < 0:
            b += 1
            continue
        head[b] = entry_next[e]
        u = entry_node[e]
        c = dist[u]
        if scanned[u] == c or int(c / delta) != b:
            continue  # stale entry, or already scanned at this cost
        scanned[u] = c
        for a in range(indptr[u], indptr[u + 1]):
            v = indices[a]
            nc = c + weights[a]
            if nc <= limit and nc < dist[v]:
                if n_entries >= capacity:
                    return _bucket_abort(head, entry_node, n_entries, dist, scanned)
                if dist[v] == np.inf:
                    reached_node[m] = v
                    m += 1
                dist[v] = nc
                bb = int(nc / delta)
                entry_node[n_entries] = v
                entry_next[n_entries] = head[bb]
                head[bb] = n_entries
                n_entries += 1
    for k in range(m):  # every queued node was scanned: heads are all -1 again
        node = reached_node[k]
        reached_cost[k] = dist[node]
        dist[node] = np.inf
        scanned[node] = np.inf
    return m


def _bucket_abort(head, entry_node, n_entries, dist, scanned):
    """Restore the work arrays after a pool overflow (every node whose cost was set has an
    entry); returns -1."""
    head[:] = -1
    for k in range(n_entries):
        dist[entry_node[k]] = np.inf
        scanned[entry_node[k]] = np.inf
    return -1


def _heap_push(heap_key, heap_val, size, key, val):
    """Push ``(key, val)`` on the binary min-heap of ``size`` entries; returns the new size
    (the arrays must have room)."""
    i = size
    while i > 0:
        parent = (i - 1) >> 1
        if heap_key[parent] <= key:
            break
        heap_key[i] = heap_key[parent]
        heap_val[i] = heap_val[parent]
        i = parent
    heap_key[i] = key
    heap_val[i] = val
    return size + 1


def _heap_pop(heap_key, heap_val, size):
    """Remove the smallest entry (read ``heap_key[0]``, ``heap_val[0]`` before); returns the
    new size."""
    size -= 1
    last_k = heap_key[size]
    last_v = heap_val[size]
    i = 0
    while True:
        child = 2 * i + 1
        if child >= size:
            break
        if child + 1 < size and heap_key[child + 1] < heap_key[child]:
            child += 1
        if heap_key[child] >= last_k:
            break
        heap_key[i] = heap_key[child]
        heap_val[i] = heap_val[child]
        i = child
    heap_key[i] = last_k
    heap_val[i] = last_v
    return size


def _heap_search(indptr, indices, weights, sources, limit, dist, done, heap_cost, heap_node,
                 reached_node, reached_cost):
    """Binary-heap Dijkstra from ``sources`` (all at cost 0) up to ``limit``; fills
    ``reached_node`` / ``reached_cost`` in settling order and returns how many nodes were
    reached. ``dist`` (inf) and ``done`` (False) are work arrays of size n_nodes, left as they
    were found."""
    size = 0
    for s in sources:
        if dist[s] > 0.0:
            dist[s] = 0.0
            size = _heap_push(heap_cost, heap_node, size, 0.0, s)
    m = 0
    while size > 0:
        c = heap_cost[0]
        u = heap_node[0]
        size = _heap_pop(heap_cost, heap_node, size)
        if done[u] or c > dist[u]:
            continue  # stale entry
        done[u] = True
        reached_node[m] = u
        reached_cost[m] = c
        m += 1
        for a in range(indptr[u], indptr[u + 1]):
            v = indices[a]
            if done[v]:
                continue
            nc = c + weights[a]
            if nc <= limit and nc < dist[v]:
                dist[v] = nc
                size = _heap_push(heap_cost, heap_node, size, nc, v)
    for k in range(m):  # every node whose cost was set has been settled (it was <= limit)
        dist[reached_node[k]] = np.inf
        done[reached_node[k]] = False
    return m


def _search(indptr, indices, weights, sources, limit, delta, head, entry_node, entry_next,
            dist, scanned, done, heap_cost, heap_node, reached_node, reached_cost):
    """:func:`_bucket_search`, or :func:`_heap_search` if its entry pool overflows."""
    m = _bucket_search(indptr, indices, weights, sources, limit, delta, head, entry_node,
                       entry_next, dist, scanned, reached_node, reached_cost)
    if m < 0:
        m = _heap_search(indptr, indices, weights, sources, limit, dist, done, heap_cost,
                         heap_node, reached_node, reached_cost)
    return m


def _search_bands(indptr, indices, weights, sources, limit, offset, n_real, limits, value_row,
                  values, counts, sums, delta, head, entry_node, entry_next, dist, scanned,
                  done, heap_cost, heap_node, reached_node, reached_cost):
    """:func:`_search`, then per band (``limits``, increasing, in cost units without
    ``offset``): ``counts[b]`` += real nodes reached within ``limits[b]`` and ``sums[b, :]`` +=
    their ``values`` rows (``value_row[node]`` >= 0). Bands are nested. ``reached_cost`` is
    returned with ``offset`` removed (floored at 0); virtual nodes (>= ``n_real``) are dropped
    from the reached list. Returns the number of real nodes reached."""
    m = _search(indptr, indices, weights, sources, limit, delta, head, entry_node, entry_next,
                dist, scanned, done, heap_cost, heap_node, reached_node, reached_cost)
    n_bands = limits.size
    kept = 0
    for k in range(m):
        node = reached_node[k]
        if node >= n_real:
            continue
        cost = reached_cost[k] - offset
        if cost < 0.0:
            cost = 0.0
        if cost > limits[n_bands - 1]:
            continue
        reached_node[kept] = node
        reached_cost[kept] = cost
        kept += 1
        b = 0
        while limits[b] < cost:
            b += 1
        row = value_row[node]
        for bb in range(b, n_bands):
            counts[bb] += 1
            if row >= 0:
                for c in range(values.shape[1]):
                    sums[bb, c] += values[row, c]
    return kept


def _compile() -> None:
    """Replace the search functions of this module by their numba-compiled versions (once).
    A numba that cannot be imported (e.g. built for another numpy) makes :data:`AVAILABLE`
    False and raises RuntimeError with the reason."""
    global _COMPILED, AVAILABLE
    with _COMPILE_LOCK:
        if _COMPILED:
            return
        if not AVAILABLE:
            raise RuntimeError("numba is not installed: compiled searches are unavailable")
        try:
            from numba import njit
        except Exception as exc:  # a broken install must not break the run: scipy takes over
            AVAILABLE = False
            raise RuntimeError(f"numba cannot be imported ({exc})") from exc
        names = ("_heap_push", "_heap_pop", "_bucket_abort", "_bucket_search", "_heap_search",
                 "_search", "_search_bands")
        for name in names:  # callees first: each compiled function calls the compiled ones
            globals()[name] = njit(nogil=True, cache=True)(globals()[name])
        _COMPILED = True


def compiled() -> bool:
    """Have the searches been set up in this session (see :func:`ready`)?"""
    return _COMPILED


def ready() -> str:
    """Compile the searches if needed (about 2 s the first time, then loaded from numba's cache).
    Returns "" when they can be used, else the reason they cannot."""
    try:
        _compile()
        return ""
    except RuntimeError as exc:
        return str(exc)


class Searcher:
    """Work arrays for repeated searches on one CSR graph (one per thread)."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, weights: np.ndarray):
        _compile()
        self.indptr = np.ascontiguousarray(indptr, dtype=np.int64)
        self.indices = np.ascontiguousarray(indices, dtype=np.int64)
        self.weights = np.ascontiguousarray(weights, dtype=np.float64)
        if self.weights.size and not (self.weights > 0).all():
            raise ValueError("arc costs must be > 0")
        n = self.indptr.size - 1
        self.lightest = float(self.weights.min()) if self.weights.size else 1.0
        self.total = float(self.weights.sum())
        self.dist = np.full(n, np.inf)
        self.scanned = np.full(n, np.inf)
        self.done = np.zeros(n, dtype=np.bool_)
        pool = self.indices.size + n + 1  # enough when each node is scanned once
        self.entry_node = np.empty(pool, dtype=np.int64)
        self.entry_next = np.empty(pool, dtype=np.int64)
        self.heap_cost = np.empty(pool)
        self.heap_node = np.empty(pool, dtype=np.int64)
        self.head = np.full(0, -1, dtype=np.int64)
        self.reached_node = np.empty(n, dtype=np.int64)
        self.reached_cost = np.empty(n)

    def _args(self, sources, limit: float) -> tuple:
        """Sources as int64, the limit (no route costs more than all arcs together) and the
        bucket width, growing the bucket heads when needed."""
        src = np.ascontiguousarray(np.atleast_1d(sources), dtype=np.int64)
        limit = float(min(limit, self.total + 1.0))
        delta = max(self.lightest, limit / MAX_BUCKETS)
        need = int(limit / delta) + 2
        if self.head.size < need:
            self.head = np.full(need, -1, dtype=np.int64)
        return src, limit, delta

    def search(self, sources, limit: float) -> tuple:
        """``(nodes, costs)`` reached from ``sources`` (all at cost 0) within ``limit``
        (copies, in no particular order)."""
        src, limit, delta = self._args(sources, limit)
        m = _search(self.indptr, self.indices, self.weights, src, limit, delta, self.head,
                    self.entry_node, self.entry_next, self.dist, self.scanned, self.done,
                    self.heap_cost, self.heap_node, self.reached_node, self.reached_cost)
        return self.reached_node[:m].copy(), self.reached_cost[:m].copy()

    def search_bands(self, sources, limit: float, offset: float, n_real: int,
                     limits: np.ndarray, value_row: np.ndarray, values: np.ndarray,
                     counts: np.ndarray, sums: np.ndarray) -> tuple:
        """See :func:`_search_bands`; returns views ``(nodes, costs)`` of the real nodes
        reached (valid until the next search)."""
        src, limit, delta = self._args(sources, limit)
        m = _search_bands(self.indptr, self.indices, self.weights, src, limit, float(offset),
                          int(n_real), limits, value_row, values, counts, sums, delta,
                          self.head, self.entry_node, self.entry_next, self.dist, self.scanned,
                          self.done, self.heap_cost, self.heap_node, self.reached_node,
                          self.reached_cost)
        return self.reached_node[:m], self.reached_cost[:m]
