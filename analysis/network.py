"""Road network model: topology built once from edge arrays, travel costs per mode, shortest times.

Units: coordinates and lengths in metres (a projected CRS such as EPSG:2154), speeds in km/h,
times in seconds.

The network is built once (:meth:`RoadNetwork.from_edges`), persisted as two plain tables
(:meth:`RoadNetwork.to_arrays`: one row per node, one row per edge, row order = ids) and re-loaded
without re-snapping (:meth:`RoadNetwork.from_arrays`). A run then builds one sparse graph per mode
(:meth:`RoadNetwork.graph`) and reuses it for every origin.

Rules:

* **Node snapping.** Edge endpoints closer than ``tolerance`` are merged (transitively: a chain of
  endpoints each within the tolerance of the next becomes one node); the node sits at the mean of
  its endpoints.
* **Direction.** ``oneway`` = 1: drivable along the digitised direction (from → to) only;
  -1: against it only; 0: both ways. Cars respect it; pedestrians ignore it.
* **Modes.** Classes in :data:`PEDESTRIAN_ONLY` are not drivable; classes in
  :data:`MOTOR_ONLY` are not walkable. Walking time = length / walking speed of the class
  (default 4.8 km/h everywhere).
  Car time = length / speed, speed = the edge's ``maxspeed`` when present (> 0), else the class
  default of :data:`DEFAULT_CAR_SPEEDS_KMH` (unknown classes: its ``"default"`` entry).
  ``maxspeed`` = 0 means **closed to cars** (no entry for motor vehicles, e.g. a street
  "Restreint aux ayants droit" or a one-way field's "no entry" value): cars may not use the
  edge, pedestrians still may.
* **Origins** are snapped to the nearest point of the nearest edge (or to the nearest node) within a
  maximum distance; origins beyond it are returned as a list of indices, never moved. With
  :func:`snap_to_main_parts`, edges of *minor* connected parts (fewer nodes than
  :data:`MINOR_PART_SHARE` of the largest part) are used only when no other edge lies within
  the distance, and the origins left on them are listed.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from . import fast_search

WALK = "walk"
CAR = "car"
MODES = (WALK, CAR)

#: Default walking speed (km/h): 4.8 km/h = 80 m/min, the usual planning value.
DEFAULT_WALK_SPEED_KMH = 4.8
#: Walking speeds per class (km/h); a class absent here walks at ``"default"``.
DEFAULT_WALK_SPEEDS_KMH: Dict[str, float] = {"default": DEFAULT_WALK_SPEED_KMH}
#: Car speeds per OSM ``highway`` class (km/h) when the edge has no ``maxspeed``. Urban French
#: values: 50 km/h limit on main streets, 30 km/h zones on residential streets.
DEFAULT_CAR_SPEEDS_KMH: Dict[str, float] = {
    "motorway": 110.0, "motorway_link": 60.0,
    "trunk": 80.0, "trunk_link": 50.0,
    "primary": 50.0, "primary_link": 40.0,
    "secondary": 50.0, "secondary_link": 40.0,
    "tertiary": 40.0, "tertiary_link": 30.0,
    "unclassified": 40.0, "residential": 30.0, "living_street": 20.0,
    "service": 20.0, "road": 30.0, "track": 15.0,
    "default": 30.0,
}
#: Classes cars may not use.
PEDESTRIAN_ONLY = frozenset({"footway", "pedestrian", "path", "steps", "cycleway", "bridleway",
                             "corridor", "elevator", "platform"})
#: Classes pedestrians may not use.
MOTOR_ONLY = frozenset({"motorway", "motorway_link"})

#: Smallest edge cost kept in a graph: scipy's sparse graphs would drop an explicit zero.
_MIN_COST = 1e-6
#: Added to every arc leaving a virtual origin node, and subtracted from the results.
_START_OFFSET = 1.0


def _as_float(name: str, values, n: int) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64).reshape(-1)
    if arr.size != n:
        raise ValueError(f"{name} has {arr.size} values, expected {n} (one per edge)")
    return arr


@dataclass
class RoadNetwork:
    """Nodes and edges of a road network (arrays aligned on node id / edge id = row index).

    ``node_x``, ``node_y`` (m); ``from_node``, ``to_node`` (node ids); ``length`` (m);
    ``road_class`` (str); ``oneway`` (1 / -1 / 0); ``maxspeed`` (km/h, NaN when absent, 0 =
    closed to cars).
    """

    node_x: np.ndarray
    node_y: np.ndarray
    from_node: np.ndarray
    to_node: np.ndarray
    length: np.ndarray
    road_class: np.ndarray
    oneway: np.ndarray
    maxspeed: np.ndarray

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_edges(cls, x0, y0, x1, y1, length=None, road_class=None, oneway=None,
                   maxspeed=None, tolerance: float = 0.01) -> RoadNetwork:
        """Build the topology from edge endpoint coordinates.

        ``length`` defaults to the straight-line length of each edge; ``road_class`` to
        ``"default"``; ``oneway`` to 0; ``maxspeed`` to absent. Endpoints within ``tolerance``
        metres are merged into one node (see module rules). Edge ids are the input row order.
        """
        x0 = np.asarray(x0, dtype=np.float64).reshape(-1)
        n = x0.size
        if n == 0:
            raise ValueError("a road network needs at least one edge")
        y0, x1, y1 = (_as_float(k, v, n) for k, v in (("y0", y0), ("x1", x1), ("y1", y1)))
        coords = np.column_stack([np.r_[x0, x1], np.r_[y0, y1]])
        if not np.isfinite(coords).all():
            bad = int(np.flatnonzero(~np.isfinite(coords).all(axis=1))[0] % n)
            raise ValueError(f"edge {bad} has a non-finite endpoint coordinate")
        if tolerance < 0:
            raise ValueError(f"snapping tolerance must be >= 0 m, got {tolerance}")
        pairs = cKDTree(coords).query_pairs(r=tolerance, output_type="ndarray")
        m = coords.shape[0]
        adjacency = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(m, m))
        _, labels = connected_components(adjacency, directed=False)
        # renumber nodes by first appearance so that ids are stable and deterministic
        _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
        order = np.argsort(first)
        rank = np.empty_like(order)
        rank[order] = np.arange(order.size)
        node_of = rank[inverse]
        n_nodes = order.size
        counts = np.bincount(node_of, minlength=n_nodes)
        node_x = np.bincount(node_of, weights=coords[:, 0], minlength=n_nodes) / counts
        node_y = np.bincount(node_of, weights=coords[:, 1], minlength=n_nodes) / counts
        if length is None:
            length = np.hypot(x1 - x0, y1 - y0)
        return cls.from_arrays(
            {"x": node_x, "y": node_y},
            {"from_node": node_of[:n], "to_node": node_of[n:], "length": length,
             "road_class": road_class, "oneway": oneway, "maxspeed": maxspeed})

    @classmethod
    def from_arrays(cls, nodes: Mapping[str, Sequence], edges: Mapping[str, Sequence]
                    ) -> RoadNetwork:
        """Re-load a network saved by :meth:`to_arrays` (or built elsewhere), checking it.

        ``nodes``: ``x``, ``y``; ``edges``: ``from_node``, ``to_node``, ``length`` and optional
        ``road_class``, ``oneway``, ``maxspeed`` (None or NaN = absent).
        """
        node_x = np.asarray(nodes["x"], dtype=np.float64).reshape(-1)
        node_y = _as_float("node y", nodes["y"], node_x.size)
        from_node = np.asarray(edges["from_node"], dtype=np.int64).reshape(-1)
        n = from_node.size
        to_node = np.asarray(edges["to_node"], dtype=np.int64).reshape(-1)
        if to_node.size != n:
            raise ValueError(f"to_node has {to_node.size} values, expected {n}")
        for name, ids in (("from_node", from_node), ("to_node", to_node)):
            if n and (ids.min() < 0 or ids.max() >= node_x.size):
                raise ValueError(f"{name} refers to a node outside 0..{node_x.size - 1}")
        length = _as_float("length", edges["length"], n)
        if not (np.isfinite(length) & (length >= 0)).all():
            bad = int(np.flatnonzero(~(np.isfinite(length) & (length >= 0)))[0])
            raise ValueError(f"edge {bad} has an invalid length {length[bad]!r} (metres >= 0)")
        road_class = edges.get("road_class")
        road_class = (np.full(n, "default", dtype=object) if road_class is None
                      else np.array([str(c) for c in road_class], dtype=object))
        if road_class.size != n:
            raise ValueError(f"road_class has {road_class.size} values, expected {n}")
        oneway = edges.get("oneway")
        oneway = np.zeros(n, np.int8) if oneway is None else np.asarray(oneway).reshape(-1)
        if oneway.size != n or not np.isin(oneway, (-1, 0, 1)).all():
            raise ValueError("oneway must hold one value per edge among 1 (along), -1 (against),"
                             " 0 (both ways)")
        maxspeed = edges.get("maxspeed")
        maxspeed = (np.full(n, np.nan) if maxspeed is None else
                    _as_float("maxspeed", [np.nan if v is None else v for v in maxspeed], n))
        return cls(node_x, node_y, from_node, to_node, length, road_class,
                   oneway.astype(np.int8), maxspeed)

    def to_arrays(self) -> tuple:
        """``(nodes, edges)``: two dicts of 1-D arrays, row index = node id / edge id.

        The store persists them as a nodes table (``x``, ``y``) and an edges table
        (``from_node``, ``to_node``, ``length``, ``road_class``, ``oneway``, ``maxspeed``).
        """
        nodes = {"x": self.node_x.copy(), "y": self.node_y.copy()}
        edges = {"from_node": self.from_node.copy(), "to_node": self.to_node.copy(),
                 "length": self.length.copy(), "road_class": self.road_class.copy(),
                 "oneway": self.oneway.copy(), "maxspeed": self.maxspeed.copy()}
        return nodes, edges

    @property
    def n_nodes(self) -> int:
        return int(self.node_x.size)

    @property
    def n_edges(self) -> int:
        return int(self.from_node.size)

    # ------------------------------------------------------------------ costs and graphs
    def set_class_index(self, classes, inverse) -> None:
        """Give :meth:`class_index` directly when the distinct classes (sorted text) and each
        edge's index into them are already known (e.g. stored)."""
        classes = np.asarray(classes).astype(str)
        inverse = np.asarray(inverse, dtype=np.intp)
        if inverse.size != self.n_edges or (inverse.size and (
                inverse.min() < 0 or inverse.max() >= classes.size)):
            raise ValueError("class index does not match the edges")
        self.__dict__["_class_index"] = (classes, inverse, self.road_class)

    def class_index(self) -> tuple:
        """``(classes, inverse)``: the distinct road classes (as text) and each edge's index
        into them, computed once per network (``road_class`` is not meant to change)."""
        cached = self.__dict__.get("_class_index")
        if cached is None or cached[2] is not self.road_class:
            classes, inverse = np.unique(self.road_class.astype(str), return_inverse=True)
            cached = (classes, inverse, self.road_class)
            self.__dict__["_class_index"] = cached
        return cached[0], cached[1]

    def edge_speeds(self, mode: str, speeds: Optional[Mapping[str, float]] = None) -> np.ndarray:
        """Speed (km/h) of every edge for ``mode``; NaN where the mode may not use the edge.

        ``speeds`` overrides the class defaults (walk: :data:`DEFAULT_WALK_SPEEDS_KMH`, car:
        :data:`DEFAULT_CAR_SPEEDS_KMH`; a ``"default"`` key applies to unlisted classes).
        """
        _check_mode(mode)
        table = dict(DEFAULT_WALK_SPEEDS_KMH if mode == WALK else DEFAULT_CAR_SPEEDS_KMH)
        table.update(speeds or {})
        bad = {k: v for k, v in table.items() if not (np.isfinite(v) and v > 0)}
        if bad:
            raise ValueError(f"{mode} speeds must be > 0 km/h, got {bad}")
        classes, inverse = self.class_index()
        per_class = np.array([table.get(c, table["default"]) for c in classes], dtype=np.float64)
        forbidden = MOTOR_ONLY if mode == WALK else PEDESTRIAN_ONLY
        per_class[np.isin(classes, list(forbidden))] = np.nan
        speed = per_class[inverse]
        if mode == CAR:
            speed = car_speeds(speed, self.maxspeed)
        return speed

    def edge_costs(self, mode: str, cost: str = "time",
                   speeds: Optional[Mapping[str, float]] = None) -> np.ndarray:
        """Cost of traversing every edge: ``time`` = length / speed in seconds
        (length m / (speed km/h / 3.6)), or ``length`` in metres; NaN where the mode is barred."""
        speed = self.edge_speeds(mode, speeds)
        if cost == "time":
            return self.length / (speed / 3.6)
        if cost == "length":
            return np.where(np.isfinite(speed), self.length, np.nan)
        raise ValueError(f"cost must be 'time' or 'length', got {cost!r}")

    def directed_edges(self, mode: str, cost: str = "time",
                       speeds: Optional[Mapping[str, float]] = None) -> tuple:
        """``(tail, head, weight, edge_id)`` of every directed arc usable by ``mode``.

        Walking: both directions of every walkable edge. Car: along (from → to) when
        ``oneway`` is 0 or 1, against (to → from) when it is 0 or -1.
        """
        w = self.edge_costs(mode, cost, speeds)
        ok = np.isfinite(w)
        ids = np.arange(self.n_edges)
        fwd = ok if mode == WALK else ok & (self.oneway >= 0)
        bwd = ok if mode == WALK else ok & (self.oneway <= 0)
        tail = np.r_[self.from_node[fwd], self.to_node[bwd]]
        head = np.r_[self.to_node[fwd], self.from_node[bwd]]
        weight = np.maximum(np.r_[w[fwd], w[bwd]], _MIN_COST)
        return tail, head, weight, np.r_[ids[fwd], ids[bwd]]

    def graph(self, mode: str, cost: str = "time",
              speeds: Optional[Mapping[str, float]] = None) -> csr_matrix:
        """Directed CSR graph (n_nodes × n_nodes) for ``mode``; parallel arcs keep the cheapest."""
        tail, head, weight, _ = self.directed_edges(mode, cost, speeds)
        return _csr_min(tail, head, weight, self.n_nodes)

    def mode_nodes(self, mode: str) -> np.ndarray:
        """Boolean mask of nodes touching at least one edge usable by ``mode``."""
        ok = np.isfinite(self.edge_speeds(mode))
        mask = np.zeros(self.n_nodes, dtype=bool)
        mask[self.from_node[ok]] = True
        mask[self.to_node[ok]] = True
        return mask


def car_speeds(class_speed: np.ndarray, maxspeed: np.ndarray) -> np.ndarray:
    """Car speed of every edge: its ``maxspeed`` (> 0) where its class is open to cars
    (``class_speed`` finite), NaN where ``maxspeed`` is 0 (closed to cars), else the class
    speed."""
    speed = np.array(class_speed, dtype=np.float64)
    has_max = np.isfinite(maxspeed) & (maxspeed > 0) & np.isfinite(speed)
    speed[has_max] = maxspeed[has_max]
    speed[maxspeed == 0] = np.nan
    return speed


def connected_parts(network: RoadNetwork) -> int:
    """Number of connected parts of the network, directions ignored (an isolated node is a
    part of its own)."""
    adjacency = coo_matrix((np.ones(network.n_edges), (network.from_node, network.to_node)),
                           shape=(network.n_nodes, network.n_nodes))
    return int(connected_components(adjacency, directed=False)[0])


def segments_from_lines(lines: Sequence[np.ndarray]) -> Dict[str, np.ndarray]:
    """Split polylines (each an (n, 2) array of vertices, in digitised order) at every vertex.

    OpenStreetMap ways cross intersections mid-way, so routing needs an edge per segment
    (QGIS's graph builder also makes every vertex a graph vertex). Returns ``x0, y0, x1, y1``,
    ``length`` (m) and ``line`` (index of the source polyline, to broadcast its class, one-way
    flag and speed: ``road_class[line]``); segments keep the digitised direction.
    """
    arrays = [np.asarray(v, dtype=np.float64).reshape(-1, 2) for v in lines]
    counts = np.array([max(len(v) - 1, 0) for v in arrays], dtype=np.int64)
    if counts.sum() == 0:
        raise ValueError("no line has two vertices or more")
    start = np.concatenate([v[:-1] for v in arrays if len(v) > 1])
    end = np.concatenate([v[1:] for v in arrays if len(v) > 1])
    return {"x0": start[:, 0], "y0": start[:, 1], "x1": end[:, 0], "y1": end[:, 1],
            "length": np.hypot(*(end - start).T),
            "line": np.repeat(np.arange(len(arrays)), counts)}


class CancelledError(Exception):
    """Raised when a progress callback asks to stop (e.g. Processing's ``isCanceled()``)."""


#: ``progress(done, total) -> bool``: called after each chunk; returning False cancels the run.
Progress = Callable[[int, int], bool]


def map_chunks(func: Callable, starts: Sequence[int], sizes: Sequence[int],
               workers: Optional[int] = None, progress: Optional[Progress] = None) -> List:
    """``[func(start) for start in starts]`` on ``workers`` threads (default: up to 4 cores;
    numpy and scipy's Dijkstra release the GIL), in order. After each chunk,
    ``progress(items done, total items)`` is called; if it returns False, pending chunks are
    dropped and :class:`CancelledError` is raised."""
    total = int(sum(sizes))
    n_workers = workers or min(4, os.cpu_count() or 1)
    parts: List = []
    if n_workers <= 1 or len(starts) <= 1:
        results = (func(s) for s in starts)
        pool = None
    else:
        pool = ThreadPoolExecutor(n_workers)
        results = pool.map(func, starts)
    try:
        done = 0
        for part, size in zip(results, sizes):
            parts.append(part)
            done += int(size)
            if progress is not None and progress(done, total) is False:
                raise CancelledError(f"cancelled after {done} of {total} items")
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return parts


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")


def _csr_min(tail, head, weight, n: int) -> csr_matrix:
    """CSR matrix keeping, for duplicated (tail, head) pairs, the smallest weight
    (a plain COO → CSR conversion would *sum* duplicates)."""
    graph = csr_matrix((weight, (tail, head)), shape=(n, n))
    if graph.nnz == np.size(tail):  # no duplicated pair: nothing was summed
        graph.sort_indices()
        return graph
    order = np.lexsort((weight, head, tail))
    tail, head, weight = tail[order], head[order], weight[order]
    keep = np.ones(tail.size, dtype=bool)
    keep[1:] = (tail[1:] != tail[:-1]) | (head[1:] != head[:-1])
    return csr_matrix((weight[keep], (tail[keep], head[keep])), shape=(n, n))


# ---------------------------------------------------------------------- snapping origins
@dataclass
class Snapped:
    """Origins snapped to the network.

    ``index``: indices (into the input points) of the snapped origins; ``unsnapped``: indices of
    the origins farther than the tolerance (reported, not moved); ``distance``: snapping distance
    (m) of each snapped origin; ``edge``: edge id (-1 when snapped to a node); ``fraction``:
    position along the edge from its ``from_node`` (0..1); ``node``: nearest node id.
    """

    index: np.ndarray
    unsnapped: list
    distance: np.ndarray
    edge: np.ndarray
    fraction: np.ndarray
    node: np.ndarray
    #: with :func:`snap_to_main_parts`: nodes of the connected part each snapped origin is on
    part_nodes: Optional[np.ndarray] = None
    #: with :func:`snap_to_main_parts`: input indices of the origins left on a minor part
    minor: list = field(default_factory=list)


def snap_points(network: RoadNetwork, x, y, tolerance: float, to: str = "edge",
                mode: Optional[str] = None) -> Snapped:
    """Snap points to the nearest edge (projection on the straight segment between its end
    nodes) or the nearest node, within ``tolerance`` metres. With ``mode``, only edges / nodes
    usable by that mode are candidates.
    """
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = _as_float("y", y, x.size)
    if not tolerance > 0:
        raise ValueError(f"snapping tolerance must be > 0 m, got {tolerance}")
    if to not in ("edge", "node"):
        raise ValueError(f"to must be 'edge' or 'node', got {to!r}")
    usable = (np.ones(network.n_edges, bool) if mode is None
              else np.isfinite(network.edge_speeds(mode)))
    if to == "node":
        node_ok = (np.ones(network.n_nodes, bool) if mode is None else network.mode_nodes(mode))
        dist, node = nearest_node(network, x, y, tolerance, node_ok)
        ok = node >= 0
        return Snapped(np.flatnonzero(ok), np.flatnonzero(~ok).tolist(), dist[ok],
                       np.full(ok.sum(), -1), np.zeros(ok.sum()), node[ok])
    dist, edge, frac = _nearest_edge(network, x, y, tolerance, usable)
    return _edge_snapped(network, dist, edge, frac)


def _edge_snapped(network: RoadNetwork, dist, edge, frac) -> Snapped:
    ok = edge >= 0
    e = edge[ok]
    node = np.where(frac[ok] <= 0.5, network.from_node[e], network.to_node[e])
    return Snapped(np.flatnonzero(ok), np.flatnonzero(~ok).tolist(), dist[ok], e, frac[ok], node)


#: A connected part of a mode's network holding fewer nodes than this share of its largest
#: part is *minor*: an isolated fragment (a car park's aisles cut off from the streets, a
#: footway left unconnected) from which a catchment reaches almost nothing.
MINOR_PART_SHARE = 0.05


def mode_parts(network: RoadNetwork, mode: str) -> tuple:
    """``(label, size)``: the connected part of every node over the edges ``mode`` may use
    (directions ignored) and the number of nodes of each part (a node on no usable edge is a
    part of one node)."""
    usable = np.isfinite(network.edge_speeds(mode))
    n = network.n_nodes
    adjacency = coo_matrix((np.ones(int(usable.sum())),
                            (network.from_node[usable], network.to_node[usable])), shape=(n, n))
    _, label = connected_components(adjacency, directed=False)
    return label, np.bincount(label)


def _on_main_part(part_size: np.ndarray, usable: np.ndarray, min_share: float) -> np.ndarray:
    """``usable`` items (edges or nodes) whose part (``part_size`` nodes) is not minor: at
    least ``min_share`` × the nodes of the largest usable part."""
    largest = part_size[usable].max() if usable.any() else 0
    return usable & (part_size >= min_share * largest)


def snap_to_main_parts(network: RoadNetwork, x, y, tolerance: float, mode: str,
                       min_share: float = MINOR_PART_SHARE) -> Snapped:
    """Snap points to the nearest edge usable by ``mode`` within ``tolerance`` metres, minor
    parts last: a part is minor when it holds fewer than ``min_share`` × the nodes of the
    largest part (:data:`MINOR_PART_SHARE`). A point is snapped to the nearest edge of a
    part that is not minor when one lies within the tolerance; otherwise to the nearest edge
    of any part, and listed in ``minor``. ``part_nodes``: nodes of the part of each snapped
    point."""
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = _as_float("y", y, x.size)
    if not tolerance > 0:
        raise ValueError(f"snapping tolerance must be > 0 m, got {tolerance}")
    usable = np.isfinite(network.edge_speeds(mode))
    label, size = mode_parts(network, mode)
    edge_size = size[label[network.from_node]]
    major = _on_main_part(edge_size, usable, min_share)
    dist, edge, frac = _nearest_edge(network, x, y, tolerance, major)
    rest = np.flatnonzero(edge < 0)
    if rest.size and (usable & ~major).any():
        d2, e2, f2 = _nearest_edge(network, x[rest], y[rest], tolerance, usable & ~major)
        dist[rest], edge[rest], frac[rest] = d2, e2, f2
    out = _edge_snapped(network, dist, edge, frac)
    out.part_nodes = edge_size[out.edge]
    out.minor = out.index[~major[out.edge]].tolist()
    return out


def nearest_main_node(network: RoadNetwork, x, y, tolerance: float, mode: str,
                      min_share: float = MINOR_PART_SHARE) -> tuple:
    """``(distance, node, minor)``: the nearest node usable by ``mode`` within ``tolerance``
    metres of every point, minor parts last (as :func:`snap_to_main_parts`); node = -1 beyond
    the tolerance; ``minor`` marks the points left on a minor part."""
    label, size = mode_parts(network, mode)
    usable = network.mode_nodes(mode)
    major = _on_main_part(size[label], usable, min_share)
    dist, node = nearest_node(network, x, y, tolerance, major)
    rest = np.flatnonzero(node < 0)
    if rest.size and (usable & ~major).any():
        px = np.asarray(x, np.float64).ravel()[rest]
        py = np.asarray(y, np.float64).ravel()[rest]
        dist[rest], node[rest] = nearest_node(network, px, py, tolerance, usable & ~major)
    minor = (node >= 0) & ~major[np.maximum(node, 0)]
    return dist, node, minor


def nearest_node(network: RoadNetwork, x, y, tolerance: float,
                 node_mask: Optional[np.ndarray] = None) -> tuple:
    """``(distance, node)`` of the nearest node (among ``node_mask``) within ``tolerance``
    metres of every point; node = -1 and distance = inf beyond it."""
    candidates = np.flatnonzero(node_mask) if node_mask is not None else np.arange(network.n_nodes)
    pts = np.column_stack([np.asarray(x, np.float64).ravel(), np.asarray(y, np.float64).ravel()])
    if candidates.size == 0:
        return np.full(len(pts), np.inf), np.full(len(pts), -1, dtype=np.int64)
    tree = cKDTree(np.column_stack([network.node_x[candidates], network.node_y[candidates]]))
    dist, k = tree.query(pts, distance_upper_bound=tolerance)
    found = np.isfinite(dist)
    node = np.full(len(pts), -1, dtype=np.int64)
    node[found] = candidates[k[found]]
    return dist, node


def _nearest_edge(network: RoadNetwork, x, y, tolerance: float, usable: np.ndarray) -> tuple:
    """Exact nearest segment within ``tolerance``: each segment is cut into pieces of at most
    ``step`` metres, sampled at their centres; a segment with a sample within
    ``tolerance + step / 2`` of a point is a candidate (any point within ``tolerance`` of a
    piece is that close to its centre), candidates are projected exactly."""
    ids = np.flatnonzero(usable)
    n = x.size
    dist = np.full(n, np.inf)
    edge = np.full(n, -1, dtype=np.int64)
    frac = np.zeros(n)
    if ids.size == 0 or n == 0:
        return dist, edge, frac
    ax, ay = network.node_x[network.from_node[ids]], network.node_y[network.from_node[ids]]
    bx, by = network.node_x[network.to_node[ids]], network.node_y[network.to_node[ids]]
    seg = np.hypot(bx - ax, by - ay)
    step = max(tolerance, seg.sum() / 2e6)  # at most ~2 million samples
    n_samples = np.maximum(np.ceil(seg / step).astype(np.int64), 1)
    owner = np.repeat(np.arange(ids.size), n_samples)
    start = np.cumsum(n_samples) - n_samples
    t = (np.arange(owner.size) - start[owner] + 0.5) / n_samples[owner]
    sx, sy = ax[owner] + t * (bx - ax)[owner], ay[owner] + t * (by - ay)[owner]
    tree = cKDTree(np.column_stack([sx, sy]))
    hits = tree.query_ball_point(np.column_stack([x, y]), r=tolerance + step / 2)
    lens = np.fromiter((len(h) for h in hits), dtype=np.int64, count=n)
    if lens.sum() == 0:
        return dist, edge, frac
    point = np.repeat(np.arange(n), lens)
    cand = owner[np.concatenate([np.asarray(h, dtype=np.int64) for h in hits])]
    # exact projection of every (point, candidate segment) pair
    dx, dy = (bx - ax)[cand], (by - ay)[cand]
    seg2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        u = ((x[point] - ax[cand]) * dx + (y[point] - ay[cand]) * dy) / seg2
    u = np.clip(np.nan_to_num(u, nan=0.0), 0.0, 1.0)
    d = np.hypot(ax[cand] + u * dx - x[point], ay[cand] + u * dy - y[point])
    order = np.lexsort((cand, d, point))  # per point: smallest distance, then lowest edge id
    point, cand, u, d = point[order], cand[order], u[order], d[order]
    first = np.ones(point.size, dtype=bool)
    first[1:] = point[1:] != point[:-1]
    keep = first & (d <= tolerance)
    dist[point[keep]] = d[keep]
    edge[point[keep]] = ids[cand[keep]]
    frac[point[keep]] = u[keep]
    return dist, edge, frac


# ---------------------------------------------------------------------- shortest times
#: Shortest-path engines of :class:`Router`: "auto" = numba when installed, else scipy;
#: "hierarchy" = numba with a contraction hierarchy built in memory at once (worth it for many
#: long searches when none is stored; see :meth:`Router.attach_hierarchy`).
ENGINES = ("auto", "numba", "hierarchy", "scipy")
#: Engine of a :class:`Router` made without one.
DEFAULT_ENGINE = "auto"


class Router:
    """A graph for one mode and cost, built once and reused for every origin of a run.

    Two engines give the same costs: scipy's :func:`~scipy.sparse.csgraph.dijkstra`, always
    available, and the compiled bounded search of :mod:`.fast_search` (numba), several times
    faster on long searches and run on every core.
    """

    def __init__(self, network: RoadNetwork, mode: str = WALK, cost: str = "time",
                 speeds: Optional[Mapping[str, float]] = None, engine: Optional[str] = None):
        engine = engine or DEFAULT_ENGINE
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
        #: Why the compiled engine is not used ("" when it is, or when scipy was asked for).
        self.engine_note = ""
        if engine in ("auto", "numba", "hierarchy"):
            self.engine_note = fast_search.ready()
            if self.engine_note and engine != "auto":
                raise ValueError(f"engine {engine!r} asked for, but {self.engine_note}")
        self.network = network
        self.mode = mode
        self.cost = cost
        #: "numba" (compiled bounded searches, see :mod:`.fast_search`) or "scipy".
        self.engine = "scipy" if engine == "scipy" or self.engine_note else "numba"
        in_memory_hierarchy = engine == "hierarchy"
        self.tail, self.head, self.weight, self.edge_id = network.directed_edges(mode, cost, speeds)
        self.edge_cost = network.edge_costs(mode, cost, speeds)
        self.graph = _csr_min(self.tail, self.head, self.weight, network.n_nodes)
        self._cached = None
        self._local = threading.local()
        #: A contraction hierarchy of :attr:`graph` (see :meth:`attach_hierarchy`), or None.
        self.hierarchy = None
        if in_memory_hierarchy:
            self.build_hierarchy()

    def start_arcs(self, snapped: Snapped) -> tuple:
        """Virtual arcs from each snapped origin to the end nodes of its edge: cost
        ``fraction × edge cost`` to ``from_node`` and ``(1 - fraction) × edge cost`` to
        ``to_node``, each only where the mode may travel in that direction (origins snapped to
        a node get one zero-cost arc). Returns ``(origin_position, node, cost)``."""
        return self._edge_end_arcs(snapped, leaving=True)

    def arrival_arcs(self, snapped: Snapped) -> tuple:
        """The mirror of :meth:`start_arcs`: how each snapped point is *reached* from the end
        nodes of its edge, ``(point_position, node, cost)``: from ``from_node`` at
        ``fraction × edge cost`` where the mode may travel along the digitised direction, from
        ``to_node`` at ``(1 - fraction) × edge cost`` where it may travel against it (a point
        snapped to a node: that node, cost 0)."""
        return self._edge_end_arcs(snapped, leaving=False)

    def _edge_end_arcs(self, snapped: Snapped, leaving: bool) -> tuple:
        net = self.network
        on_node = snapped.edge < 0
        pos = np.arange(snapped.index.size)
        parts = [(pos[on_node], snapped.node[on_node], np.zeros(on_node.sum()))]
        e = snapped.edge[~on_node]
        f = snapped.fraction[~on_node]
        c = self.edge_cost[e]
        along = np.ones(e.size, bool) if self.mode == WALK else net.oneway[e] >= 0
        against = np.ones(e.size, bool) if self.mode == WALK else net.oneway[e] <= 0
        # along the digitised direction: from_node → point → to_node; against: the reverse
        ahead_node, ahead_cost = ((net.to_node[e], (1 - f) * c) if leaving
                                  else (net.from_node[e], f * c))
        behind_node, behind_cost = ((net.from_node[e], f * c) if leaving
                                    else (net.to_node[e], (1 - f) * c))
        parts.append((pos[~on_node][along], ahead_node[along], ahead_cost[along]))
        parts.append((pos[~on_node][against], behind_node[against], behind_cost[against]))
        return tuple(np.concatenate(p) for p in zip(*parts))

    def costs_from_nodes(self, sources, limit: float = np.inf) -> np.ndarray:
        """Cost (s or m) of every node from the nearest of the ``sources`` nodes (all at cost
        0), ``inf`` beyond ``limit``."""
        sources = np.unique(np.asarray(sources, dtype=np.int64))
        n = self.network.n_nodes
        if sources.size == 0:
            return np.full(n, np.inf)
        if self.engine == "numba":
            mine = getattr(self._local, "base_searcher", None)
            if mine is None:
                g = self.graph
                mine = self._local.base_searcher = fast_search.Searcher(g.indptr, g.indices,
                                                                        g.data)
            node, cost = mine.search(sources, limit)
            out = np.full(n, np.inf)
            out[node] = cost
            return out
        return dijkstra(self.graph, directed=True, indices=sources, limit=limit, min_only=True)

    def point_costs(self, snapped: Snapped, node_cost: np.ndarray) -> np.ndarray:
        """Cost of reaching every snapped point, given every node's cost (see
        :meth:`arrival_arcs`); ``inf`` where no end of its edge is reached."""
        pos, node, cost = self.arrival_arcs(snapped)
        out = np.full(snapped.index.size, np.inf)
        np.minimum.at(out, pos, node_cost[node] + cost)
        return out

    def prepare(self, snapped: Snapped) -> None:
        """Build and cache the extended graph of ``snapped`` (call before using threads)."""
        if self._cached is None or self._cached[0] is not snapped:
            graph = self.origin_graph(snapped)
            if self.engine == "numba":  # the compiled search's dtypes, converted once
                graph.indptr = graph.indptr.astype(np.int64)
                graph.indices = graph.indices.astype(np.int64)
            self._cached = (snapped, graph)

    def origin_graph(self, snapped: Snapped) -> csr_matrix:
        """The graph extended with one virtual node per snapped origin (id ``n_nodes + i``)
        carrying only outgoing :meth:`start_arcs`; no route can pass through it. Every start arc
        costs ``_START_OFFSET`` more (scipy would drop a zero-cost arc); since every route uses
        exactly one start arc, :meth:`times` subtracts it exactly."""
        n = self.network.n_nodes
        k = snapped.index.size
        o, node, c = self.start_arcs(snapped)
        start = _csr_min(o, node, c + _START_OFFSET, max(n, k))  # the virtual rows only
        base = self.graph
        # the virtual nodes are the last rows: append their rows to the network's CSR arrays
        indptr = np.r_[base.indptr, base.indptr[-1] + start.indptr[1:k + 1]]
        return csr_matrix((np.r_[base.data, start.data], np.r_[base.indices, start.indices],
                           indptr), shape=(n + k, n + k))

    def times(self, snapped: Snapped, limit: float = np.inf, min_only: bool = False,
              positions=None) -> np.ndarray:
        """Shortest cost (s or m) from snapped origins to every node, ``inf`` beyond ``limit``.

        ``positions`` selects origins (positions in ``snapped``, default all). Returns
        ``(n_selected, n_nodes)``, or ``(n_nodes,)`` with ``min_only`` (cost from the nearest
        selected origin). Memory is n_selected × n_nodes × 8 bytes: call it on chunks of origins;
        the extended graph (:meth:`origin_graph`) is built once per ``snapped`` and cached.
        """
        n = self.network.n_nodes
        k = snapped.index.size
        positions = np.arange(k) if positions is None else np.asarray(positions, np.int64)
        if positions.size == 0:
            return np.full(n if min_only else (0, n), np.inf)
        self.prepare(snapped)
        if self.engine == "numba":
            searcher = self.searcher()
            lim = limit + _START_OFFSET
            if min_only:
                d = np.full(self._cached[1].shape[0], np.inf)
                node, cost = searcher.search(n + positions, lim)
                d[node] = cost
            else:
                d = np.full((positions.size, self._cached[1].shape[0]), np.inf)
                for row, p in enumerate(positions):
                    node, cost = searcher.search([n + p], lim)
                    d[row, node] = cost
        else:
            d = dijkstra(self._cached[1], directed=True, indices=n + positions,
                         limit=limit + _START_OFFSET, min_only=min_only)
        out = d[..., :n] - _START_OFFSET
        np.maximum(out, 0.0, out=out)
        return out

    def searcher(self) -> fast_search.Searcher:
        """Work arrays for compiled searches on the extended graph of the last
        :meth:`prepare`, kept per thread (searches in one thread run one after another)."""
        graph = self._cached[1]
        mine = getattr(self._local, "searcher", None)
        if mine is None or mine[0] is not graph:  # work arrays made once per thread and graph
            mine = (graph, fast_search.Searcher(graph.indptr, graph.indices, graph.data))
            self._local.searcher = mine
        return mine[1]

    def attach_hierarchy(self, hierarchy) -> bool:
        """Use ``hierarchy`` (a :class:`~.contraction.Hierarchy`, e.g. the stored one) for long
        searches if it was built from this router's graph (same fingerprint) and the compiled
        engine is on. Returns whether it is used."""
        from .contraction import graph_fingerprint

        g = self.graph
        if (hierarchy is None or self.engine != "numba"
                or hierarchy.n_nodes != self.network.n_nodes
                or hierarchy.fingerprint != graph_fingerprint(g.indptr, g.indices, g.data)):
            self.hierarchy = None
            return False
        self.hierarchy = hierarchy
        return True

    def build_hierarchy(self) -> None:
        """Contract this router's graph in memory and use the hierarchy (numba engine only)."""
        from .contraction import build_hierarchy

        g = self.graph
        self.attach_hierarchy(build_hierarchy(g.indptr, g.indices, g.data))

    def sweeper(self):
        """PHAST work arrays on :attr:`hierarchy`, kept per thread."""
        from .contraction import Sweeper

        mine = getattr(self._local, "sweeper", None)
        if mine is None or mine[0] is not self.hierarchy:
            mine = (self.hierarchy, Sweeper(self.hierarchy))
            self._local.sweeper = mine
        return mine[1]

    def seeds(self, position: int) -> tuple:
        """``(nodes, costs)`` of the start arcs of snapped origin ``position`` in the extended
        graph of the last :meth:`prepare` (costs include the start offset)."""
        g = self._cached[1]
        row = self.network.n_nodes + int(position)
        lo, hi = g.indptr[row], g.indptr[row + 1]
        return g.indices[lo:hi], g.data[lo:hi]


def costs_to_targets(router: Router, targets, sources, workers: Optional[int] = None,
                     progress: Optional[Progress] = None) -> np.ndarray:
    """Shortest cost (s or m) from every ``sources`` node to every ``targets`` node, as a
    ``(len(sources), len(targets))`` matrix (inf where unreachable), computed from the targets
    on the reversed graph: one search per target, so cheap when targets are few (Huff's
    destinations) and sources many (demand cells). Compiled searches on ``workers`` threads
    with the numba engine, scipy otherwise; ``progress(targets done, total)`` after each chunk
    (False cancels: :class:`CancelledError`)."""
    targets = np.asarray(targets, dtype=np.int64).reshape(-1)
    sources = np.asarray(sources, dtype=np.int64).reshape(-1)
    reverse = router.graph.T.tocsr()
    reverse.sort_indices()
    out = np.empty((sources.size, targets.size))
    chunk = 16 if router.engine == "numba" else 64
    local = threading.local()

    def run(start: int):
        cols = np.arange(start, min(start + chunk, targets.size))
        if router.engine == "numba":
            searcher = getattr(local, "searcher", None)
            if searcher is None:
                searcher = local.searcher = fast_search.Searcher(
                    reverse.indptr, reverse.indices, reverse.data)
            row = np.empty(reverse.shape[0])
            for c in cols:
                row.fill(np.inf)
                node, cost = searcher.search([targets[c]], np.inf)
                row[node] = cost
                out[:, c] = row[sources]
        else:
            d = dijkstra(reverse, directed=True, indices=targets[cols])
            out[:, cols] = d[:, sources].T
        return None

    starts = list(range(0, targets.size, chunk))
    map_chunks(run, starts, [min(chunk, targets.size - s) for s in starts], workers, progress)
    return out
