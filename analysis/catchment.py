"""Network catchments: what each origin reaches within time (or distance) bands.

Units: bands in **minutes** when the router's cost is ``time``, in **metres** when it is
``length``; costs returned in seconds (time) or metres (length).

Rules:

* **Reached node.** A node is reached in band ``b`` from an origin when its shortest cost from the
  origin is ``<= b`` (to a relative 1e-9, absorbing rounding); see :class:`~.network.Router`
  for how an origin enters the network.
* **Values attached to the network** (population cells, shops, services, vacant premises): each
  point is assigned to its nearest node among the nodes usable by the mode, if that node lies within
  ``tolerance`` metres; points beyond are not counted and their indices are reported. The approach
  from the point to its node costs nothing. A point is reached when its node is reached, and a band
  total is the sum of the values of the reached points (a count when the value is 1).
* **Overlap vs dissolve.** Overlap: one total per origin and band (:func:`network_catchments`).
  Dissolve by band: the union over origins, i.e. nodes whose cost from the *nearest* origin is
  ``<= b`` (:func:`dissolved_catchments`, one multi-source shortest-path run).
* **Polygons** (:func:`catchment_polygons`): alpha shape of the reached network. Points are taken on
  every reached arc (every ``spacing`` metres, including the reachable part of arcs left
  half-way), triangulated (Delaunay), and triangles whose longest side exceeds ``alpha`` metres are
  dropped; the remaining triangles' union is returned as rings. Or (:func:`raster_polygons`) the
  outline of the grid cells the reached network crosses, gaps narrower than ``gap`` closed.
* **Zones reaching points** (:func:`reached_from_zones`): a zone starts from the network nodes
  inside it and reaches a point over the edge the point is snapped to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
from scipy.spatial import Delaunay, QhullError

from .network import (
    _START_OFFSET,
    Progress,
    RoadNetwork,
    Router,
    Snapped,
    map_chunks,
    nearest_node,
)

_BAND_RTOL = 1e-9
Polygon = Tuple[np.ndarray, List[np.ndarray]]  # (shell ring (n, 2), [hole rings])


@dataclass
class NodeValues:
    """Point values aggregated on network nodes.

    ``nodes`` (m,): node ids carrying values; ``values`` (m, k): sum of each column over the
    points assigned to that node; ``columns``: the k column names; ``node_of_point``: node id of
    every input point (-1 when unassigned); ``unassigned``: indices of points beyond the tolerance.
    """

    nodes: np.ndarray
    values: np.ndarray
    columns: List[str]
    node_of_point: np.ndarray
    unassigned: list


def assign_to_nodes(network: RoadNetwork, x, y, values: Mapping[str, Sequence] | pd.DataFrame,
                    tolerance: float, mode: Optional[str] = None) -> NodeValues:
    """Assign points (cell centroids, shops…) to their nearest node (among nodes usable by
    ``mode`` when given) within ``tolerance`` metres and sum ``values`` per node.

    ``values``: columns of numbers, one value per point (NaN counts as 0). For counts of points
    by category, pass one 0/1 column per category.
    """
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    if y.size != x.size:
        raise ValueError(f"x has {x.size} values but y has {y.size}")
    table = pd.DataFrame(values)
    if len(table.columns) and len(table) != x.size:
        raise ValueError(f"values have {len(table)} rows, expected {x.size} (one per point)")
    try:
        matrix = table.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"values must be numeric columns: {exc}") from exc
    if not len(table.columns):
        matrix = np.zeros((x.size, 0))
    if not tolerance > 0:
        raise ValueError(f"assignment tolerance must be > 0 m, got {tolerance}")
    mask = None if mode is None else network.mode_nodes(mode)
    _, node = nearest_node(network, x, y, tolerance, mask)
    ok = node >= 0
    nodes, inverse = np.unique(node[ok], return_inverse=True)
    summed = np.zeros((nodes.size, matrix.shape[1]))
    np.add.at(summed, inverse, np.nan_to_num(matrix[ok]))
    return NodeValues(nodes, summed, [str(c) for c in table.columns], node,
                      np.flatnonzero(~ok).tolist())


@dataclass
class CatchmentResult:
    """Result of :func:`network_catchments`.

    ``totals``: one row per (snapped origin, band): ``origin`` (input index), ``band`` (min or m),
    ``nodes_reached``, then one column per value column (sum over reached points).
    ``reached``: ``(origin, node, cost)`` arrays of every node reached within the largest band
    (origin = input index, cost in s or m), or None when not kept.
    ``unsnapped``: indices of origins beyond the snapping tolerance (not computed).
    """

    totals: pd.DataFrame
    reached: Optional[Tuple[np.ndarray, np.ndarray, np.ndarray]]
    unsnapped: list
    bands: np.ndarray


def band_limits(router: Router, bands: Sequence[float]) -> np.ndarray:
    """Bands in the router's cost unit: minutes → seconds (× 60) for time, metres for length,
    raised by a relative 1e-9 so that a node exactly on a band limit is inside despite
    floating-point rounding of the edge costs (100 m at 6 km/h is 60.00000000000001 s)."""
    b = np.asarray(bands, dtype=np.float64).reshape(-1)
    if b.size == 0 or not (np.isfinite(b) & (b > 0)).all():
        raise ValueError(f"bands must be positive numbers, got {list(b)}")
    if np.any(np.diff(b) <= 0):
        raise ValueError(f"bands must be strictly increasing, got {list(b)}")
    return (b * 60.0 if router.cost == "time" else b) * (1.0 + _BAND_RTOL)


def network_catchments(router: Router, snapped: Snapped, bands: Sequence[float],
                       values: Optional[NodeValues] = None, keep_reached: bool = True,
                       chunk: int = 64, workers: Optional[int] = None,
                       progress: Optional[Progress] = None) -> CatchmentResult:
    """Per origin and band (overlap): nodes reached and sums of ``values`` reached.

    Origins are processed in chunks on ``workers`` threads (default: up to 4 cores). With the
    numba engine each origin is one bounded search summing values as it settles nodes (chunks
    of at most 4 origins), or PHAST when the router has a contraction hierarchy and the first
    origin reaches more than :data:`PHAST_REACH` of the network. With scipy, chunks of
    ``chunk`` origins (memory: chunk × n_nodes × 8 bytes per worker). ``progress(origins
    done, origins total)`` is called after each chunk; returning False raises
    :class:`~.network.CancelledError`.
    """
    limits = band_limits(router, bands)
    k = snapped.index.size
    chunk = max(1, int(chunk))
    columns = values.columns if values is not None else []
    router.prepare(snapped)
    starts = list(range(0, k, chunk))

    value_row = np.full(router.network.n_nodes, -1, dtype=np.int64)
    if values is not None:
        value_row[values.nodes] = np.arange(values.nodes.size)

    if router.engine == "numba":
        chunk = min(chunk, 4)  # fine chunks: balanced threads, frequent progress
        starts = list(range(0, k, chunk))
        offset = _START_OFFSET
        n = router.network.n_nodes
        node_values = (values.values if values is not None else np.zeros((0, 0)))
        node_values = np.ascontiguousarray(node_values, dtype=np.float64)

        use_phast = _phast_pays(router, snapped, limits[-1] + offset)
        if use_phast:
            value_row_by_pos = np.ascontiguousarray(value_row[router.hierarchy.order])

        def run(start: int):
            pos = np.arange(start, min(start + chunk, k))
            searcher = router.sweeper() if use_phast else router.searcher()
            counts = np.zeros((pos.size, limits.size), dtype=np.int64)
            sums = np.zeros((pos.size, limits.size, len(columns)))
            kept = []
            for row, p in enumerate(pos):
                if use_phast:
                    seeds, seed_cost = router.seeds(p)
                    got = searcher.bands(seeds, seed_cost, offset, limits, value_row_by_pos,
                                         node_values, counts[row], sums[row], keep_reached)
                    node, cost = got if keep_reached else (None, None)
                else:
                    node, cost = searcher.search_bands(
                        [n + p], limits[-1] + offset, offset, n, limits, value_row,
                        node_values, counts[row], sums[row])
                if keep_reached:
                    kept.append((np.full(node.size, snapped.index[p]), node.copy(),
                                 cost.copy()))
            reached = (tuple(np.concatenate(a) for a in zip(*kept)) if kept
                       else (np.zeros(0, np.int64),) * 2 + (np.zeros(0),))
            return counts, sums, reached if keep_reached else None
    else:
        run = _scipy_chunk_runner(router, snapped, limits, values, value_row, columns, chunk,
                                  keep_reached)

    sizes = [min(chunk, k - s) for s in starts]
    parts = map_chunks(run, starts, sizes, workers, progress)
    return _assemble(parts, snapped, bands, columns, keep_reached)


#: With a contraction hierarchy, PHAST (a sweep over every node) replaces the bucket search
#: when a probe search from the first origin reaches more than this share of the nodes.
PHAST_REACH = 0.2


def _phast_pays(router: Router, snapped: Snapped, limit: float) -> bool:
    """Is PHAST worth it for this run? (a hierarchy is attached and the first origin's
    bounded search reaches more than :data:`PHAST_REACH` of the network)."""
    if router.hierarchy is None or snapped.index.size == 0:
        return False
    node, _cost = router.searcher().search([router.network.n_nodes], limit)
    return node.size > PHAST_REACH * router.network.n_nodes


def _scipy_chunk_runner(router, snapped, limits, values, value_row, columns, chunk,
                        keep_reached):
    """Per chunk of origins: one scipy Dijkstra call (dense chunk × nodes block), then band
    counts and sums."""
    k = snapped.index.size

    def run(start: int):
        pos = np.arange(start, min(start + chunk, k))
        d = router.times(snapped, limit=limits[-1], positions=pos)
        row, node = np.nonzero(d <= limits[-1])  # the only pass over the dense block
        cost = d[row, node]
        del d
        band = np.searchsorted(limits, cost)  # first band containing the node
        cell = row * limits.size + band
        size = pos.size * limits.size
        counts = np.bincount(cell, minlength=size).reshape(pos.size, limits.size)
        sums = np.zeros((pos.size, limits.size, len(columns)))
        has = value_row[node] >= 0
        for c in range(len(columns)):
            w = values.values[value_row[node[has]], c]
            sums[:, :, c] = np.bincount(cell[has], weights=w, minlength=size).reshape(
                pos.size, limits.size)
        # bands are nested: a node within band b is within every larger band
        counts, sums = np.cumsum(counts, axis=1), np.cumsum(sums, axis=1)
        reached = (snapped.index[pos[row]], node, cost) if keep_reached else None
        return counts, sums, reached

    return run


def _assemble(parts, snapped, bands, columns, keep_reached) -> CatchmentResult:
    k = snapped.index.size
    b = np.asarray(bands, dtype=np.float64)
    counts = np.concatenate([p[0] for p in parts]) if parts else np.zeros((0, b.size), int)
    sums = (np.concatenate([p[1] for p in parts]) if parts
            else np.zeros((0, b.size, len(columns))))
    totals = pd.DataFrame({"origin": np.repeat(snapped.index, b.size),
                           "band": np.tile(b, k),
                           "nodes_reached": counts.reshape(-1)})
    for c, name in enumerate(columns):
        totals[name] = sums[:, :, c].reshape(-1)
    reached = None
    if keep_reached:
        reached = tuple(np.concatenate([p[2][i] for p in parts]) if parts
                        else np.zeros(0) for i in range(3))
    return CatchmentResult(totals, reached, list(snapped.unsnapped), b)


def dissolved_catchments(router: Router, snapped: Snapped, bands: Sequence[float],
                         values: Optional[NodeValues] = None) -> Tuple[pd.DataFrame, np.ndarray]:
    """Dissolve by band: the union over all origins, from one multi-source Dijkstra.

    Returns ``(totals, cost)``: ``totals`` has one row per band (``band``, ``nodes_reached``,
    value columns); ``cost`` (n_nodes,) is every node's cost from its nearest origin (inf beyond
    the largest band), usable with :func:`catchment_polygons`.
    """
    limits = band_limits(router, bands)
    cost = router.times(snapped, limit=limits[-1], min_only=True)
    rows = {"band": np.asarray(bands, dtype=np.float64),
            "nodes_reached": np.array([(cost <= lim).sum() for lim in limits])}
    if values is not None:
        for c, name in enumerate(values.columns):
            rows[name] = np.array([values.values[cost[values.nodes] <= lim, c].sum()
                                   for lim in limits])
    return pd.DataFrame(rows), cost


def node_costs(result: CatchmentResult, origin: int, n_nodes: int) -> np.ndarray:
    """Cost (s or m) of every node from input origin ``origin`` (inf where not reached)."""
    o, node, cost = result.reached
    out = np.full(n_nodes, np.inf)
    sel = o == origin
    out[node[sel]] = cost[sel]
    return out


# ---------------------------------------------------------------------- polygons
def reached_points(router: Router, cost: np.ndarray, limit: float, spacing: float) -> np.ndarray:
    """Points (n, 2) along the reached network: for every usable arc whose tail costs
    ``c <= limit``, the part of the arc reachable within ``limit`` (fraction
    ``min(1, (limit - c) / arc cost)``) sampled every ``spacing`` metres along its chord."""
    net = router.network
    ok = cost[router.tail] <= limit
    tail, head, w = router.tail[ok], router.head[ok], router.weight[ok]
    reach = np.clip((limit - cost[tail]) / w, 0.0, 1.0)
    ax, ay = net.node_x[tail], net.node_y[tail]
    dx, dy = net.node_x[head] - ax, net.node_y[head] - ay
    n = np.ceil(reach * np.hypot(dx, dy) / spacing).astype(np.int64) + 1
    arc = np.repeat(np.arange(tail.size), n)
    first = np.cumsum(n) - n
    t = (np.arange(arc.size) - first[arc]) / np.maximum(n[arc] - 1, 1) * reach[arc]
    pts = np.column_stack([ax[arc] + t * dx[arc], ay[arc] + t * dy[arc]])
    isolated = np.flatnonzero(cost <= limit)  # reached nodes with no usable outgoing arc
    pts = np.vstack([pts, np.column_stack([net.node_x[isolated], net.node_y[isolated]])])
    return unique_rows(np.round(pts, 3))


def catchment_polygons(router: Router, cost: np.ndarray, limit: float, alpha: float,
                       spacing: Optional[float] = None) -> List[Polygon]:
    """Polygons (shell, holes) of the network reached within ``limit`` (s or m, the router's
    unit), as an alpha shape of :func:`reached_points` with maximum triangle side ``alpha``
    metres; ``spacing`` defaults to ``alpha / 2``. Empty list when fewer than 3 points."""
    if not alpha > 0:
        raise ValueError(f"alpha must be > 0 m, got {alpha}")
    pts = reached_points(router, cost, limit, spacing or alpha / 2.0)
    return alpha_shape(pts, alpha)


def unique_rows(points: np.ndarray) -> np.ndarray:
    """The distinct rows of an (n, 2) array sorted by x then y, as ``np.unique(axis=0)`` gives
    them, several times faster (one lexsort instead of sorting structured rows)."""
    if len(points) == 0:
        return points.reshape(0, 2)
    order = np.lexsort((points[:, 1], points[:, 0]))
    p = points[order]
    keep = np.ones(len(p), dtype=bool)
    keep[1:] = (p[1:, 0] != p[:-1, 0]) | (p[1:, 1] != p[:-1, 1])
    return p[keep]


def alpha_shape(points: np.ndarray, alpha: float) -> List[Polygon]:
    """Union of the Delaunay triangles of ``points`` whose longest side is ``<= alpha``.

    Returns polygons ``(shell, [holes])``; rings are closed (first point repeated), shells
    counter-clockwise, holes clockwise. Degenerate input (< 3 points, collinear) gives [].
    """
    pts = unique_rows(np.asarray(points, dtype=np.float64).reshape(-1, 2))
    if len(pts) < 3:
        return []
    try:
        tri = Delaunay(pts).simplices
    except QhullError:
        return []
    a, b, c = pts[tri[:, 0]], pts[tri[:, 1]], pts[tri[:, 2]]
    longest = np.max([np.hypot(*(b - a).T), np.hypot(*(c - b).T), np.hypot(*(a - c).T)], axis=0)
    tri = tri[longest <= alpha]
    if tri.size == 0:
        return []
    a, b, c = pts[tri[:, 0]], pts[tri[:, 1]], pts[tri[:, 2]]
    cross = (b - a)[:, 0] * (c - a)[:, 1] - (b - a)[:, 1] * (c - a)[:, 0]
    tri = tri[cross != 0]
    cw = cross[cross != 0] < 0
    tri[cw] = tri[cw][:, [0, 2, 1]]  # every triangle counter-clockwise
    edges = np.concatenate([tri[:, [0, 1]], tri[:, [1, 2]], tri[:, [2, 0]]])
    n = len(pts)
    key = edges[:, 0] * n + edges[:, 1]
    boundary = edges[~np.isin(key, edges[:, 1] * n + edges[:, 0])]
    return _polygons_from_rings(_chain_rings(pts, boundary))


def _polygons_from_rings(rings: List[np.ndarray]) -> List[Polygon]:
    """Shells (counter-clockwise) with their holes (clockwise): each hole goes to the smallest
    shell larger than it that contains the mean of its vertices (an island inside a hole,
    being smaller than the hole, never takes it)."""
    shells = [r for r in rings if _signed_area(r) > 0]
    holes = [r for r in rings if _signed_area(r) < 0]
    polygons: List[Polygon] = [(s, []) for s in shells]
    areas = [_signed_area(s) for s in shells]
    for h in holes:
        size, probe = -_signed_area(h), h[:-1].mean(axis=0)
        owners = [k for k, (shell, _) in enumerate(polygons)
                  if areas[k] > size and (_inside(probe, shell) or _inside(h[0], shell))]
        if owners:
            polygons[min(owners, key=lambda k: areas[k])][1].append(h)
    return polygons


def raster_polygons(router: Router, cost: np.ndarray, limit: float, gap: float,
                    cell: Optional[float] = None) -> List[Polygon]:
    """Polygons of the network reached within ``limit`` as a grid outline: cells of ``cell``
    metres (default ``gap / 8``) crossed by the reached network (:func:`reached_points`
    every half cell) are marked, gaps narrower than ``gap`` metres between them are closed
    (morphological closing with a disk of diameter ``gap``), and the edges of the marked
    cells are traced into rings. Much faster than :func:`catchment_polygons` on large
    catchments; the outline follows the cells (steps of ``cell`` metres)."""
    if not gap > 0:
        raise ValueError(f"gap must be > 0 m, got {gap}")
    cell = float(cell or gap / 8.0)
    pts = reached_points(router, cost, limit, cell / 2.0)
    if len(pts) == 0:
        return []
    radius = int(np.ceil(gap / 2.0 / cell))
    pad = radius + 2
    x0, y0 = pts[:, 0].min() - pad * cell, pts[:, 1].min() - pad * cell
    ix = np.floor((pts[:, 0] - x0) / cell).astype(np.int64)
    iy = np.floor((pts[:, 1] - y0) / cell).astype(np.int64)
    mask = np.zeros((iy.max() + pad + 1, ix.max() + pad + 1), dtype=bool)
    mask[iy, ix] = True
    if radius >= 1:
        from scipy.ndimage import binary_closing

        r = np.arange(-radius, radius + 1)
        disk = (r[:, None] ** 2 + r[None, :] ** 2) <= radius * radius
        mask = binary_closing(mask, structure=disk)
    return mask_outline(mask, x0, y0, cell)


def mask_outline(mask: np.ndarray, x0: float, y0: float, cell: float) -> List[Polygon]:
    """Polygons (shells with holes) of the marked cells of a grid: row ``i``, column ``j``
    covers ``[x0 + j cell, x0 + (j + 1) cell] × [y0 + i cell, y0 + (i + 1) cell]``. Cells
    touching by a corner only make separate rings; collinear vertices are dropped."""
    m = np.pad(np.asarray(mask, dtype=bool), 1)
    ny, nx = m.shape
    width = nx + 1  # vertex (vx, vy) of the padded grid → id vy * width + vx
    i, j = np.nonzero(m[1:-1, 1:-1])
    i, j = i + 1, j + 1
    parts = []
    for di, dj, a, b in ((-1, 0, (0, 0), (1, 0)),   # empty below: east along the bottom
                         (1, 0, (1, 1), (0, 1)),    # empty above: west along the top
                         (0, -1, (0, 1), (0, 0)),   # empty left: south along the left side
                         (0, 1, (1, 0), (1, 1))):   # empty right: north along the right side
        open_side = ~m[i + di, j + dj]
        ii, jj = i[open_side], j[open_side]
        parts.append(np.column_stack([(ii + a[1]) * width + jj + a[0],
                                      (ii + b[1]) * width + jj + b[0]]))
    boundary = np.concatenate(parts) if parts else np.zeros((0, 2), dtype=np.int64)
    if boundary.size == 0:
        return []
    vx, vy = np.arange(width * (ny + 1)) % width, np.arange(width * (ny + 1)) // width
    pts = np.column_stack([x0 + (vx - 1) * cell, y0 + (vy - 1) * cell])
    rings = [_drop_collinear(r) for r in _chain_rings(pts, boundary)]
    return _polygons_from_rings([r for r in rings if len(r) >= 4])


def _drop_collinear(ring: np.ndarray) -> np.ndarray:
    """The closed ring without the vertices lying on the straight line of their neighbours."""
    core = ring[:-1]
    prev, nxt = np.roll(core, 1, axis=0), np.roll(core, -1, axis=0)
    cross = (core[:, 0] - prev[:, 0]) * (nxt[:, 1] - core[:, 1]) \
        - (core[:, 1] - prev[:, 1]) * (nxt[:, 0] - core[:, 0])
    kept = core[cross != 0]
    return np.vstack([kept, kept[:1]])


def _chain_rings(pts: np.ndarray, boundary: np.ndarray) -> List[np.ndarray]:
    """Chain directed boundary edges (interior on their left) into closed rings. Where a vertex
    has several outgoing edges (two lobes touching), take the first one clockwise from the
    incoming direction, which keeps every ring simple."""
    outgoing: dict = {}
    for s, e in boundary.tolist():
        outgoing.setdefault(s, []).append(e)
    used = set()
    rings = []
    for s0, e0 in boundary.tolist():
        if (s0, e0) in used:
            continue
        ring = [s0]
        prev, cur = s0, e0
        used.add((s0, e0))
        while cur != s0:
            ring.append(cur)
            options = [e for e in outgoing[cur] if (cur, e) not in used]
            if not options:
                break
            if len(options) > 1:
                back = np.arctan2(*(pts[prev] - pts[cur])[::-1])
                turn = [(back - np.arctan2(*(pts[e] - pts[cur])[::-1])) % (2 * np.pi)
                        for e in options]
                options = [options[int(np.argmin(turn))]]
            used.add((cur, options[0]))
            prev, cur = cur, options[0]
        if len(ring) >= 3:
            rings.append(pts[ring + [ring[0]]])
    return rings


def _signed_area(ring: np.ndarray) -> float:
    """Shoelace area (m²) of a closed ring: > 0 counter-clockwise."""
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def _inside(p: np.ndarray, ring: np.ndarray) -> bool:
    """Even-odd ray casting: is point ``p`` inside the closed ring?"""
    x, y = ring[:-1, 0], ring[:-1, 1]
    x2, y2 = ring[1:, 0], ring[1:, 1]
    crosses = (y > p[1]) != (y2 > p[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = x + (p[1] - y) * (x2 - x) / (y2 - y)
    return bool(np.count_nonzero(crosses & (p[0] < xi)) % 2)


def reached_from_zones(router: Router, zones: Mapping, snapped: Snapped, limit: float,
                       tolerance: float) -> Tuple[dict, list]:
    """Which snapped points each zone reaches within ``limit`` (s or m, the router's unit).

    ``zones``: key → point ``(x, y)``, ring, polygon or multipolygon (as the targets of
    :mod:`.proximity`). A zone starts from every node usable by the mode inside it (cost 0);
    a point zone, or a polygon holding no node, from the usable node nearest to its centroid
    within ``tolerance`` metres. A point is reached when its cost over its edge
    (:meth:`~.network.Router.point_costs`) is ``<= limit`` (to a relative 1e-9).

    Returns ``(hits, off_network)``: key → sorted indices of the input points reached, and
    the keys of the zones with no node to start from (they reach nothing).
    """
    from .proximity import target_polygons
    from .spatial import points_in_zones, polygons_centroid

    net = router.network
    usable = np.flatnonzero(net.mode_nodes(router.mode))
    node_xy = np.column_stack([net.node_x[usable], net.node_y[usable]])
    hits, off_network = {}, []
    bound = limit * (1.0 + _BAND_RTOL)
    for key, geom in zones.items():
        polygons = target_polygons(geom)
        sources = (usable[points_in_zones(node_xy, [polygons]) == 0] if polygons is not None
                   else np.zeros(0, dtype=np.int64))
        if sources.size == 0:
            cx, cy = polygons_centroid(polygons) if polygons is not None else geom
            _, near = nearest_node(net, [cx], [cy], tolerance, net.mode_nodes(router.mode))
            sources = near[near >= 0]
        if sources.size == 0:
            off_network.append(key)
            hits[key] = np.zeros(0, dtype=np.int64)
            continue
        cost = router.point_costs(snapped, router.costs_from_nodes(sources, bound))
        hits[key] = np.sort(snapped.index[cost <= bound])
    return hits, off_network


def reached_by_origin(result: CatchmentResult, snapped: Snapped) -> List[tuple]:
    """``(input origin index, nodes, costs)`` of every snapped origin, in ``snapped`` order,
    from the ``reached`` arrays of a :func:`network_catchments` result kept with
    ``keep_reached``."""
    origin, node, cost = result.reached
    order = np.argsort(origin, kind="stable")
    origin, node, cost = origin[order], node[order], cost[order]
    starts = np.searchsorted(origin, snapped.index)
    ends = np.searchsorted(origin, snapped.index, side="right")
    return [(o, node[s:e], cost[s:e])
            for o, s, e in zip(snapped.index.tolist(), starts, ends)]


def origin_polygons(router: Router, result: CatchmentResult, snapped: Snapped, shape,
                    size: float, workers: Optional[int] = None,
                    progress: Optional[Progress] = None) -> List[List[List[Polygon]]]:
    """Polygons of every snapped origin (in ``snapped`` order) and band: ``shape`` is
    :func:`catchment_polygons` (``size`` = alpha) or :func:`raster_polygons` (``size`` =
    gap). Drawn in chunks on ``workers`` threads (Qhull and numpy release the GIL);
    ``progress`` as for :func:`network_catchments`."""
    limits = band_limits(router, result.bands)
    reached = reached_by_origin(result, snapped)
    n = router.network.n_nodes

    def draw(first: int) -> list:
        out = []
        for _origin, node, cost_of_node in reached[first:first + 4]:
            cost = np.full(n, np.inf)
            cost[node] = cost_of_node
            out.append([shape(router, cost, limit, size) for limit in limits])
        return out

    firsts = list(range(0, len(reached), 4))
    chunks = map_chunks(draw, firsts, [min(4, len(reached) - f) for f in firsts], workers,
                        progress)
    return [polygons for chunk in chunks for polygons in chunk]
