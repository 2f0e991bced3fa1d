"""Centrality perimeters proposed from the density of premises: merged buffers, a minimum number
of active premises, a smoothed outline.

Units: metres (a projected CRS). Inputs: the premises' points and which of them are *active*
(occupied in the latest campaign; the job decides).

Method (each step a parameter):

1. **Clusters.** The disk of radius ``r`` around every premise is its buffer; premises whose
   buffers touch (distance ``<= 2 r``) are in the same cluster, transitively (single linkage at
   ``2 r``): the connected parts of the union of the buffers.
2. **Kept clusters.** A cluster is kept when it holds at least ``N`` active premises.
3. **Outline.** The perimeter is the union of the buffers of the kept clusters, smoothed by a
   morphological closing with a disk of radius ``s``: ``P = (U ⊕ D(s)) ⊖ D(s)`` where
   ``U = ∪ D(p, r)``; the closing fills the notches and gaps narrower than about ``2 s``
   between buffers and never removes any part of ``U``. Holes are filled (a perimeter encloses
   what lies inside it). Computed on a grid of cells of side ``c`` (default ``r / 10``):
   a cell is in ``U ⊕ D(s)`` when its centre lies within ``r + s`` of a kept premise, and
   stays after the erosion when its centre lies farther than ``s`` from every cell outside
   (Euclidean distance transform). The outline of the marked cells is smoothed (the midpoints
   of its stair sides) and simplified (Douglas–Peucker, tolerance ``c / 2``): it lies within
   about ``c`` of the exact ``P``, and its area within about perimeter × ``c / 2``.
4. **Proposals.** Each connected part of ``P`` is one proposal (two kept clusters closer than
   about ``2 s`` become one); every premise inside it is counted (``premises``, ``active``),
   including those of clusters too small to be kept on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from scipy import ndimage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from .catchment import _signed_area, mask_outline

Polygon = Tuple[np.ndarray, List[np.ndarray]]


@dataclass
class Proposal:
    """A proposed perimeter: ``polygons`` (shell, holes), ``members`` (indices of the premises
    inside), ``premises`` and ``active`` (their counts), ``area`` (m²)."""

    polygons: List[Polygon]
    members: np.ndarray
    premises: int
    active: int
    area: float


def clusters(x, y, radius: float) -> np.ndarray:
    """Cluster label of every point: points closer than ``2 × radius`` (buffers touching) are
    linked, transitively."""
    xy = np.column_stack([np.asarray(x, np.float64).ravel(), np.asarray(y, np.float64).ravel()])
    n = len(xy)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    pairs = cKDTree(xy).query_pairs(r=2.0 * radius, output_type="ndarray")
    adjacency = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(adjacency, directed=False)[1].astype(np.int64)


def delineate(x, y, active, *, radius: float = 50.0, min_active: int = 10,
              smoothing: float = 25.0, cell: Optional[float] = None) -> List[Proposal]:
    """Proposed perimeters (module method), largest number of active premises first.

    ``active``: one boolean per point. ValueError for a radius or cell not > 0, a negative
    smoothing or a minimum below 1."""
    x = np.asarray(x, np.float64).ravel()
    y = np.asarray(y, np.float64).ravel()
    active = np.asarray(active, dtype=bool).ravel()
    if not (x.size == y.size == active.size):
        raise ValueError("x, y and active must have one value per premise")
    if not radius > 0:
        raise ValueError(f"radius must be > 0 m, got {radius}")
    if not smoothing >= 0:
        raise ValueError(f"smoothing must be >= 0 m, got {smoothing}")
    if int(min_active) < 1:
        raise ValueError(f"the minimum number of active premises must be >= 1, got {min_active}")
    cell = float(cell) if cell else radius / 10.0
    if not cell > 0:
        raise ValueError(f"cell must be > 0 m, got {cell}")
    ok = np.isfinite(x) & np.isfinite(y)
    label = np.full(x.size, -1, dtype=np.int64)
    label[ok] = clusters(x[ok], y[ok], radius)
    counts = np.bincount(label[ok & active], minlength=label.max() + 1 if ok.any() else 0)
    kept = ok & (label >= 0)
    kept[kept] = counts[label[kept]] >= int(min_active)
    if not kept.any():
        return []
    # groups whose dilated sets (r + s) are apart cannot meet in the closing: one grid each
    group = np.full(x.size, -1, dtype=np.int64)
    group[kept] = clusters(x[kept], y[kept], radius + smoothing + cell)
    proposals: List[Proposal] = []
    for g in np.unique(group[kept]):
        proposals += _outline_group(x, y, ok, active, group == g, radius, smoothing, cell)
    proposals.sort(key=lambda p: (-p.active, -p.premises, -p.area))
    return proposals


def _outline_group(x, y, ok, active, sel, radius, smoothing, cell) -> List[Proposal]:
    """The proposals of one group of kept premises (``sel``)."""
    reach = radius + smoothing
    pad = reach + 3 * cell
    x0, y0 = x[sel].min() - pad, y[sel].min() - pad
    nx = int(np.ceil((x[sel].max() + pad - x0) / cell))
    ny = int(np.ceil((y[sel].max() + pad - y0) / cell))
    cx = x0 + (np.arange(nx) + 0.5) * cell
    cy = y0 + (np.arange(ny) + 0.5) * cell
    gx, gy = np.meshgrid(cx, cy)
    dist, _ = cKDTree(np.column_stack([x[sel], y[sel]])).query(
        np.column_stack([gx.ravel(), gy.ravel()]), distance_upper_bound=reach * (1 + 1e-12))
    mask = (dist <= reach).reshape(ny, nx)
    if smoothing > 0:
        mask = ndimage.distance_transform_edt(mask) * cell > smoothing
    mask = ndimage.binary_fill_holes(mask)
    parts, n_parts = ndimage.label(mask)  # 4-connected, as the traced outline
    inside = ok & (x >= x0) & (x < x0 + nx * cell) & (y >= y0) & (y < y0 + ny * cell)
    part_of = np.zeros(x.size, dtype=np.int64)
    ix = np.floor((x[inside] - x0) / cell).astype(np.int64)
    iy = np.floor((y[inside] - y0) / cell).astype(np.int64)
    part_of[inside] = parts[iy, ix]
    out = []
    for k in range(1, n_parts + 1):
        polygons = [(smooth_ring(shell, cell), [smooth_ring(h, cell) for h in holes])
                    for shell, holes in mask_outline(parts == k, x0, y0, cell)]
        members = np.flatnonzero(part_of == k)
        area = sum(_signed_area(s) + sum(_signed_area(h) for h in holes) for s, holes in polygons)
        out.append(Proposal(polygons, members, int(members.size),
                            int(active[members].sum()), float(area)))
    return out


def smooth_ring(ring: np.ndarray, cell: float) -> np.ndarray:
    """The staircase outline of grid cells as a smooth ring: the midpoints of its sides (which
    lie on the cells' edges, cutting the stair corners), simplified (:func:`simplify_ring`,
    tolerance ``cell / 2``)."""
    ring = np.asarray(ring, dtype=np.float64)
    mid = (ring[:-1] + ring[1:]) / 2.0
    return simplify_ring(np.vstack([mid, mid[:1]]), cell / 2.0)


def simplify_ring(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker on a closed ring (first point repeated last): the vertices farther than
    ``tolerance`` from the simplified line are kept; the ring is cut at its first vertex and
    the vertex farthest from it, each half simplified."""
    ring = np.asarray(ring, dtype=np.float64)
    core = ring[:-1]
    if len(core) <= 4:
        return ring
    far = int(np.argmax(np.hypot(*(core - core[0]).T)))
    first = _douglas_peucker(core[:far + 1], tolerance)
    second = _douglas_peucker(np.vstack([core[far:], core[:1]]), tolerance)
    out = np.vstack([first[:-1], second])
    return out if len(out) >= 4 else ring


def _douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        if b <= a + 1:
            continue
        seg = points[b] - points[a]
        rel = points[a + 1:b] - points[a]
        length = np.hypot(*seg)
        if length == 0:
            d = np.hypot(*rel.T)
        else:
            d = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / length
        k = int(np.argmax(d))
        if d[k] > tolerance:
            keep[a + 1 + k] = True
            stack += [(a, a + 1 + k), (a + 1 + k, b)]
    return points[keep]
