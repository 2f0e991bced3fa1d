"""Contraction hierarchy and PHAST one-to-all searches (optional: needs numba).

When a search reaches most of the network (a 20-minute drive in a town), even a fast Dijkstra
spends its time in its priority queue. A contraction hierarchy, built once per network and mode
(:func:`build_hierarchy`), lets each origin be answered by PHAST (Delling, Goldberg, Nowatzyk and
Werneck, *PHAST: Hardware-accelerated shortest path trees*, 2011): a small upward search from the
origin, then one linear sweep over every node in decreasing rank, with no queue at all.

Construction (the usual recipe of Geisberger et al., *Contraction hierarchies*, 2008): nodes are
contracted one by one in increasing priority (edge difference = shortcuts the contraction would
add − arcs it removes, + the number of neighbours already contracted), priorities re-evaluated
lazily. Contracting ``v`` adds a shortcut ``u → x`` of cost ``c(u, v) + c(v, x)`` for every
remaining in-neighbour ``u`` and out-neighbour ``x`` unless a *witness* path from ``u`` to ``x``
avoiding ``v`` costs no more; witness searches stop after :data:`WITNESS_SETTLED` nodes, which can
only add unnecessary shortcuts, never lose a shortest path. Every original arc and shortcut is
kept: arcs to a higher-ranked node form the upward graph, the others the downward graph.

Query (:func:`_phast`): a Dijkstra search from the origin's seeds in the upward graph, then, for
nodes in decreasing rank, ``d(x) = min(d(x), d(u) + c(u, x))`` over the downward arcs into
``x`` (their tails all have a higher rank, so are final). The result is every node's exact
shortest cost, as a Dijkstra search would give (sums of the same arcs, possibly grouped
differently, so equal up to floating-point rounding).
"""

from __future__ import annotations

import hashlib
import threading

import numpy as np

from . import fast_search
from .fast_search import _heap_pop, _heap_push

#: Most nodes a witness search settles before giving up (more = fewer shortcuts, slower build).
WITNESS_SETTLED = 150
#: The same when only estimating a node's priority.
SIMULATION_SETTLED = 15
_VERSION = "1"


def graph_fingerprint(indptr, indices, weights) -> str:
    """Checksum of a CSR graph: a stored hierarchy is used only for the graph it was built
    from (same topology, same costs)."""
    h = hashlib.sha1(_VERSION.encode())
    for a, dtype in ((indptr, "<i8"), (indices, "<i8"), (weights, "<f8")):
        h.update(np.ascontiguousarray(a, dtype=dtype).tobytes())
    return h.hexdigest()


def _witness(u, skip, limit, max_settled, out_first, arc_next_out, arc_head, arc_w,
             contracted, dist, touched, heap_cost, heap_node):
    """Bounded Dijkstra from ``u`` over remaining nodes, avoiding ``skip``; leaves costs in
    ``dist`` (caller resets the ``touched`` ones, whose number is returned)."""
    n_touched = 0
    dist[u] = 0.0
    touched[n_touched] = u
    n_touched += 1
    size = _heap_push(heap_cost, heap_node, 0, 0.0, u)
    settled = 0
    while size > 0:
        c = heap_cost[0]
        x = heap_node[0]
        size = _heap_pop(heap_cost, heap_node, size)
        if c > dist[x]:
            continue
        if c > limit:
            break
        settled += 1
        if settled > max_settled:
            break
        a = out_first[x]
        while a >= 0:
            y = arc_head[a]
            if y != skip and not contracted[y]:
                nc = c + arc_w[a]
                if nc < dist[y] and nc <= limit:
                    if dist[y] == np.inf:
                        touched[n_touched] = y
                        n_touched += 1
                    dist[y] = nc
                    if size >= heap_cost.size:
                        return n_touched  # queue full: stop (can only add shortcuts)
                    size = _heap_push(heap_cost, heap_node, size, nc, y)
            a = arc_next_out[a]
    return n_touched


def _shortcuts(v, max_settled, out_first, in_first, arc_next_out, arc_next_in, arc_tail,
               arc_head, arc_w, contracted, dist, touched, heap_cost, heap_node, found_u,
               found_x, found_w):
    """Shortcuts needed to contract ``v``: fills ``found_*`` and returns how many (or -1 if
    the buffers are too small, which makes ``v`` costly, so contracted late)."""
    count = 0
    a_in = in_first[v]
    while a_in >= 0:
        u = arc_tail[a_in]
        if u != v and not contracted[u]:
            w1 = arc_w[a_in]
            max_w2 = -1.0
            a_out = out_first[v]
            while a_out >= 0:
                x = arc_head[a_out]
                if x != u and not contracted[x] and arc_w[a_out] > max_w2:
                    max_w2 = arc_w[a_out]
                a_out = arc_next_out[a_out]
            if max_w2 >= 0.0:
                n_touched = _witness(u, v, w1 + max_w2, max_settled, out_first, arc_next_out,
                                     arc_head, arc_w, contracted, dist, touched, heap_cost,
                                     heap_node)
                a_out = out_first[v]
                while a_out >= 0:
                    x = arc_head[a_out]
                    if x != u and not contracted[x]:
                        need = w1 + arc_w[a_out]
                        if dist[x] > need:
                            if count >= found_u.size:
                                for k in range(n_touched):
                                    dist[touched[k]] = np.inf
                                return -1
                            found_u[count] = u
                            found_x[count] = x
                            found_w[count] = need
                            count += 1
                    a_out = arc_next_out[a_out]
                for k in range(n_touched):
                    dist[touched[k]] = np.inf
        a_in = arc_next_in[a_in]
    return count


def _priority(v, max_settled, out_first, in_first, arc_next_out, arc_next_in, arc_tail,
              arc_head, arc_w, contracted, neighbours_done, dist, touched, heap_cost,
              heap_node, found_u, found_x, found_w):
    degree = 0
    a = out_first[v]
    while a >= 0:
        if not contracted[arc_head[a]]:
            degree += 1
        a = arc_next_out[a]
    a = in_first[v]
    while a >= 0:
        if not contracted[arc_tail[a]]:
            degree += 1
        a = arc_next_in[a]
    count = _shortcuts(v, max_settled, out_first, in_first, arc_next_out, arc_next_in,
                       arc_tail, arc_head, arc_w, contracted, dist, touched, heap_cost,
                       heap_node, found_u, found_x, found_w)
    if count < 0:
        count = found_u.size
    return float(count - degree + neighbours_done[v])


def _queue_push(q_key, q_node, q_size, key, node, prio, contracted):
    """Push on the contraction queue; when it is full, rebuild it from the current priorities
    of the nodes left (dropping stale entries). Returns the new size."""
    if q_size < q_key.size:
        return _heap_push(q_key, q_node, q_size, key, node)
    q_size = 0
    for y in range(prio.size):
        if not contracted[y]:
            q_size = _heap_push(q_key, q_node, q_size, prio[y], y)
    return q_size


def _contract(n, tail, head, weight, max_settled, sim_settled):
    """Contract every node; returns ``(rank, arc_tail, arc_head, arc_w)`` (original arcs, with
    costs lowered where a shortcut runs parallel to them, then the shortcuts)."""
    m = tail.size
    capacity = max(2 * m + 16, 64)
    arc_tail = np.empty(capacity, np.int64)
    arc_head = np.empty(capacity, np.int64)
    arc_w = np.empty(capacity, np.float64)
    arc_next_out = np.empty(capacity, np.int64)
    arc_next_in = np.empty(capacity, np.int64)
    out_first = np.full(n, -1, np.int64)
    in_first = np.full(n, -1, np.int64)
    n_arcs = 0
    for k in range(m):
        arc_tail[n_arcs] = tail[k]
        arc_head[n_arcs] = head[k]
        arc_w[n_arcs] = weight[k]
        arc_next_out[n_arcs] = out_first[tail[k]]
        out_first[tail[k]] = n_arcs
        arc_next_in[n_arcs] = in_first[head[k]]
        in_first[head[k]] = n_arcs
        n_arcs += 1
    contracted = np.zeros(n, np.bool_)
    neighbours_done = np.zeros(n, np.int64)
    rank = np.full(n, -1, np.int64)
    dist = np.full(n, np.inf)
    touched = np.empty(n, np.int64)
    heap_cost = np.empty(1 << 16)
    heap_node = np.empty(heap_cost.size, np.int64)
    found_u = np.empty(4096, np.int64)
    found_x = np.empty(4096, np.int64)
    found_w = np.empty(4096, np.float64)
    prio = np.empty(n)
    q_key = np.empty(4 * n + 16)
    q_node = np.empty(q_key.size, np.int64)
    q_size = 0
    for v in range(n):
        prio[v] = _priority(v, sim_settled, out_first, in_first, arc_next_out, arc_next_in,
                            arc_tail, arc_head, arc_w, contracted, neighbours_done, dist,
                            touched, heap_cost, heap_node, found_u, found_x, found_w)
        q_size = _heap_push(q_key, q_node, q_size, prio[v], v)
    next_rank = 0
    while q_size > 0:
        key = q_key[0]
        v = q_node[0]
        q_size = _heap_pop(q_key, q_node, q_size)
        if contracted[v] or key != prio[v]:
            continue  # stale entry
        # lazy update: re-evaluate; contract only if still no worse than the next candidate
        p = _priority(v, sim_settled, out_first, in_first, arc_next_out, arc_next_in,
                      arc_tail, arc_head, arc_w, contracted, neighbours_done, dist, touched,
                      heap_cost, heap_node, found_u, found_x, found_w)
        if q_size > 0 and p > q_key[0]:
            prio[v] = p
            q_size = _queue_push(q_key, q_node, q_size, p, v, prio, contracted)
            continue
        count = _shortcuts(v, max_settled, out_first, in_first, arc_next_out, arc_next_in,
                           arc_tail, arc_head, arc_w, contracted, dist, touched, heap_cost,
                           heap_node, found_u, found_x, found_w)
        while count < 0:  # more shortcuts than the buffers hold: grow them, search again
            found_u = np.empty(found_u.size * 4, np.int64)
            found_x = np.empty(found_u.size, np.int64)
            found_w = np.empty(found_u.size, np.float64)
            count = _shortcuts(v, max_settled, out_first, in_first, arc_next_out, arc_next_in,
                               arc_tail, arc_head, arc_w, contracted, dist, touched, heap_cost,
                               heap_node, found_u, found_x, found_w)
        for k in range(count):
            u = found_u[k]
            x = found_x[k]
            w = found_w[k]
            a = out_first[u]  # an arc u → x already there: lower its cost
            while a >= 0:
                if arc_head[a] == x:
                    break
                a = arc_next_out[a]
            if a >= 0:
                if arc_w[a] > w:
                    arc_w[a] = w
                continue
            if n_arcs >= capacity:  # grow the arc arrays
                capacity *= 2
                arc_tail = np.concatenate((arc_tail, np.empty(capacity - arc_tail.size,
                                                              np.int64)))
                arc_head = np.concatenate((arc_head, np.empty(capacity - arc_head.size,
                                                              np.int64)))
                arc_w = np.concatenate((arc_w, np.empty(capacity - arc_w.size)))
                arc_next_out = np.concatenate((arc_next_out, np.empty(
                    capacity - arc_next_out.size, np.int64)))
                arc_next_in = np.concatenate((arc_next_in, np.empty(
                    capacity - arc_next_in.size, np.int64)))
            arc_tail[n_arcs] = u
            arc_head[n_arcs] = x
            arc_w[n_arcs] = w
            arc_next_out[n_arcs] = out_first[u]
            out_first[u] = n_arcs
            arc_next_in[n_arcs] = in_first[x]
            in_first[x] = n_arcs
            n_arcs += 1
        contracted[v] = True
        rank[v] = next_rank
        next_rank += 1
        # neighbours: one more contracted neighbour; their priority is re-evaluated lazily,
        # when they reach the top of the queue
        for direction in range(2):
            a = out_first[v] if direction == 0 else in_first[v]
            while a >= 0:
                x = arc_head[a] if direction == 0 else arc_tail[a]
                if not contracted[x]:
                    neighbours_done[x] += 1
                a = arc_next_out[a] if direction == 0 else arc_next_in[a]
    return rank, arc_tail[:n_arcs].copy(), arc_head[:n_arcs].copy(), arc_w[:n_arcs].copy()


def _lower(x, cost, dist, touched, n_touched, heap_cost, heap_node, size):
    """Lower ``dist[x]`` to ``cost`` if that is better, noting ``x`` as touched the first time
    and queueing it; returns the new ``(heap size, n_touched)``."""
    if cost < dist[x]:
        if dist[x] == np.inf:
            touched[n_touched] = x
            n_touched += 1
        dist[x] = cost
        size = _heap_push(heap_cost, heap_node, size, cost, x)
    return size, n_touched


def _phast_up(up_indptr, up_head, up_w, position, seeds, seed_cost, dist_up, settled,
              heap_cost, heap_node, touched, d):
    """PHAST's upward search from ``seeds``: ``d`` (by position) gets the costs of the nodes
    it settles, inf elsewhere."""
    size = 0
    n_touched = 0
    for k in range(seeds.size):
        size, n_touched = _lower(seeds[k], seed_cost[k], dist_up, touched, n_touched,
                                 heap_cost, heap_node, size)
    while size > 0:
        c = heap_cost[0]
        u = heap_node[0]
        size = _heap_pop(heap_cost, heap_node, size)
        if settled[u] or c > dist_up[u]:
            continue
        settled[u] = True
        for a in range(up_indptr[u], up_indptr[u + 1]):
            size, n_touched = _lower(up_head[a], c + up_w[a], dist_up, touched, n_touched,
                                     heap_cost, heap_node, size)
    d[:] = np.inf
    for k in range(n_touched):
        x = touched[k]
        d[position[x]] = dist_up[x]
        dist_up[x] = np.inf
        settled[x] = False


def _phast(up_indptr, up_head, up_w, down_indptr, down_src, down_w, position, seeds,
           seed_cost, dist_up, settled, heap_cost, heap_node, touched, d):
    """Costs from ``seeds`` (nodes, at ``seed_cost``) to every node, into ``d`` indexed by
    *position* (decreasing rank). ``dist_up`` (inf) and ``settled`` (False) are work arrays by
    node id, left as found."""
    _phast_up(up_indptr, up_head, up_w, position, seeds, seed_cost, dist_up, settled,
              heap_cost, heap_node, touched, d)
    for p in range(d.size):  # the sweep: tails of downward arcs come earlier
        _settle(p, d, down_indptr, down_src, down_w)


def _settle(p, d, down_indptr, down_src, down_w):
    """PHAST's step for position ``p``: its final cost from its downward arcs (whose tails,
    of higher rank, are final); returns it."""
    best = d[p]
    for a in range(down_indptr[p], down_indptr[p + 1]):
        c = d[down_src[a]] + down_w[a]
        if c < best:
            best = c
    d[p] = best
    return best


def _phast_bands(up_indptr, up_head, up_w, down_indptr, down_src, down_w, position, seeds,
                 seed_cost, offset, limits, value_row_by_pos, values, counts, sums, dist_up,
                 settled, heap_cost, heap_node, touched, d):
    """:func:`_phast` with band counts and sums as in :func:`.fast_search._search_bands`
    (``value_row_by_pos``: value row of the node at each position, -1 for none), summed during
    the sweep itself. ``d`` ends with the costs without ``offset`` (floored at 0) of the nodes
    within the last band, and larger values elsewhere. Returns how many nodes that is."""
    _phast_up(up_indptr, up_head, up_w, position, seeds, seed_cost, dist_up, settled,
              heap_cost, heap_node, touched, d)
    n_bands = limits.size
    n_values = values.shape[1]
    last = limits[n_bands - 1]
    in_band = np.zeros(n_bands, np.int64)  # nodes whose first band is b
    band_sum = np.zeros((n_bands, n_values))
    kept = 0
    for p in range(d.size):  # the sweep: tails of downward arcs come earlier
        cost = _settle(p, d, down_indptr, down_src, down_w) - offset
        if cost > last:
            continue
        if cost < 0.0:
            cost = 0.0
        kept += 1
        b = 0
        while limits[b] < cost:
            b += 1
        in_band[b] += 1
        row = value_row_by_pos[p]
        if row >= 0:
            for c in range(n_values):
                band_sum[b, c] += values[row, c]
    for p in range(d.size):  # offsets removed once every tail is final
        cost = d[p] - offset
        if cost <= last:
            d[p] = cost if cost > 0.0 else 0.0
    running = 0
    for b in range(n_bands):  # bands are nested
        running += in_band[b]
        counts[b] += running
        for c in range(n_values):
            if b > 0:
                band_sum[b, c] += band_sum[b - 1, c]
            sums[b, c] += band_sum[b, c]
    return kept


_COMPILED = {}
_LOCK = threading.Lock()


def _kernels():
    """The numba-compiled functions (wrapped once, under a lock, on first use; compiled on
    their first call or loaded from numba's cache)."""
    with _LOCK:
        if not _COMPILED:
            message = fast_search.ready()
            if message:
                raise RuntimeError(message)
            from numba import njit

            g = globals()
            g["_heap_push"] = fast_search._heap_push  # the compiled ones
            g["_heap_pop"] = fast_search._heap_pop
            for name in ("_witness", "_shortcuts", "_priority", "_queue_push", "_contract",
                         "_lower", "_phast_up", "_settle", "_phast", "_phast_bands"):
                g[name] = njit(nogil=True, cache=True)(g[name])
                _COMPILED[name] = g[name]
    return _COMPILED


class Hierarchy:
    """A contraction hierarchy of one graph, as the arrays PHAST needs.

    ``rank`` (n,): contraction order; ``position`` (n,): index of each node in decreasing
    rank; ``order`` (n,): node at each position; upward graph as CSR by node
    (``up_indptr``, ``up_head``, ``up_w``); downward arcs grouped by head position
    (``down_indptr``, ``down_src`` = tail position, ``down_w``); ``fingerprint`` of the graph
    it was built from.
    """

    NAMES = ("rank", "up_indptr", "up_head", "up_w", "down_indptr", "down_src", "down_w")

    def __init__(self, arrays: dict, fingerprint: str):
        self.rank = np.ascontiguousarray(arrays["rank"], dtype=np.int64)
        n = self.rank.size
        self.order = np.argsort(-self.rank, kind="stable")
        self.position = np.empty(n, np.int64)
        self.position[self.order] = np.arange(n)
        self.up_indptr = np.ascontiguousarray(arrays["up_indptr"], dtype=np.int64)
        self.up_head = np.ascontiguousarray(arrays["up_head"], dtype=np.int64)
        self.up_w = np.ascontiguousarray(arrays["up_w"], dtype=np.float64)
        self.down_indptr = np.ascontiguousarray(arrays["down_indptr"], dtype=np.int64)
        self.down_src = np.ascontiguousarray(arrays["down_src"], dtype=np.int64)
        self.down_w = np.ascontiguousarray(arrays["down_w"], dtype=np.float64)
        self.fingerprint = fingerprint
        self.n_nodes = n

    def arrays(self) -> dict:
        return {name: getattr(self, name) for name in self.NAMES}

    @property
    def n_arcs(self) -> int:
        return int(self.up_head.size + self.down_src.size)


def build_hierarchy(indptr, indices, weights, max_settled: int = WITNESS_SETTLED,
                    sim_settled: int = SIMULATION_SETTLED) -> Hierarchy:
    """Contract the CSR graph (arcs with costs > 0, parallel arcs already reduced to the
    cheapest); raises RuntimeError when numba is unavailable."""
    k = _kernels()
    indptr = np.asarray(indptr, dtype=np.int64)
    n = indptr.size - 1
    tail = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
    head = np.ascontiguousarray(indices, dtype=np.int64)
    w = np.ascontiguousarray(weights, dtype=np.float64)
    if w.size and not (w > 0).all():
        raise ValueError("arc costs must be > 0")
    loop = tail == head  # a loop never shortens a route
    rank, a_tail, a_head, a_w = k["_contract"](n, tail[~loop], head[~loop], w[~loop],
                                               int(max_settled), int(sim_settled))
    up = rank[a_head] > rank[a_tail]
    o = np.lexsort((a_head[up], a_tail[up]))
    up_tail, up_head, up_w = a_tail[up][o], a_head[up][o], a_w[up][o]
    up_indptr = np.r_[0, np.cumsum(np.bincount(up_tail, minlength=n))]
    order = np.argsort(-rank, kind="stable")
    position = np.empty(n, np.int64)
    position[order] = np.arange(n)
    dn = ~up
    head_pos, src_pos = position[a_head[dn]], position[a_tail[dn]]
    o = np.lexsort((src_pos, head_pos))
    down_indptr = np.r_[0, np.cumsum(np.bincount(head_pos, minlength=n))]
    arrays = {"rank": rank, "up_indptr": up_indptr, "up_head": up_head, "up_w": up_w,
              "down_indptr": down_indptr, "down_src": src_pos[o], "down_w": a_w[dn][o]}
    return Hierarchy(arrays, graph_fingerprint(indptr, indices, weights))


class Sweeper:
    """Work arrays for PHAST queries on one hierarchy (one per thread)."""

    def __init__(self, h: Hierarchy):
        self.k = _kernels()
        self.h = h
        n = h.n_nodes
        self.dist_up = np.full(n, np.inf)
        self.settled = np.zeros(n, np.bool_)
        self.heap_cost = np.empty(h.up_head.size + n + 1)
        self.heap_node = np.empty(self.heap_cost.size, np.int64)
        self.touched = np.empty(n, np.int64)
        self.d = np.empty(n)

    def costs(self, seeds, seed_cost) -> np.ndarray:
        """Cost of every node (by node id) from ``seeds`` at ``seed_cost`` (a copy)."""
        h = self.h
        self.k["_phast"](h.up_indptr, h.up_head, h.up_w, h.down_indptr, h.down_src, h.down_w,
                         h.position, np.asarray(seeds, np.int64),
                         np.asarray(seed_cost, np.float64), self.dist_up, self.settled,
                         self.heap_cost, self.heap_node, self.touched, self.d)
        return self.d[h.position].copy()

    def bands(self, seeds, seed_cost, offset: float, limits: np.ndarray,
              value_row_by_pos: np.ndarray, values: np.ndarray, counts: np.ndarray,
              sums: np.ndarray, reached: bool = True) -> tuple:
        """Band counts and sums (see :func:`_phast_bands`); returns ``(nodes, costs)`` of the
        nodes reached within the last band (offset removed), or None without ``reached``."""
        h = self.h
        self.k["_phast_bands"](h.up_indptr, h.up_head, h.up_w, h.down_indptr, h.down_src,
                               h.down_w, h.position, np.asarray(seeds, np.int64),
                               np.asarray(seed_cost, np.float64), float(offset), limits,
                               value_row_by_pos, values, counts, sums, self.dist_up,
                               self.settled, self.heap_cost, self.heap_node, self.touched,
                               self.d)
        if not reached:
            return None
        ok = self.d <= limits[-1]
        return h.order[ok], self.d[ok]
