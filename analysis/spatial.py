"""Point-in-polygon assignment in numpy (even-odd rule, holes respected)."""

from __future__ import annotations

import numpy as np

_CHUNK = 2_000_000  # point-edge pairs evaluated at once


def _inside_polygon(xy: np.ndarray, rings) -> np.ndarray:
    """Even-odd test of points against one polygon given as rings (exterior + holes)."""
    inside = np.zeros(len(xy), dtype=bool)
    if not len(xy):
        return inside
    edges = []
    for ring in rings:
        ring = np.asarray(ring, dtype=float)
        if len(ring) < 3:
            continue
        if not np.array_equal(ring[0], ring[-1]):
            ring = np.vstack([ring, ring[:1]])
        edges.append(np.hstack([ring[:-1], ring[1:]]))
    if not edges:
        return inside
    e = np.vstack(edges)  # x1, y1, x2, y2
    e = e[e[:, 1] != e[:, 3]]  # horizontal edges never cross a horizontal ray
    step = max(1, _CHUNK // max(1, len(e)))
    x1, y1, x2, y2 = e[:, 0], e[:, 1], e[:, 2], e[:, 3]
    for start in range(0, len(xy), step):
        px = xy[start:start + step, 0:1]
        py = xy[start:start + step, 1:2]
        crosses = (y1 > py) != (y2 > py)
        x_at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        inside[start:start + step] = np.count_nonzero(crosses & (px < x_at), axis=1) % 2 == 1
    return inside


def points_in_zones(xy, zones) -> np.ndarray:
    """Index of the first zone containing each point, -1 when none does.

    ``xy``: array (n, 2). ``zones``: sequence of zones, each a list of polygons, each polygon a
    list of rings (arrays (m, 2)). Zones are tested in the given order, so a point lying in two
    overlapping zones goes to the earlier one: callers order zones by priority.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    result = np.full(len(xy), -1, dtype=np.int64)
    for index, polygons in enumerate(zones):
        todo = np.flatnonzero(result < 0)
        if not len(todo):
            break
        coords = np.vstack([np.asarray(r, dtype=float) for poly in polygons for r in poly[:1]])
        xmin, ymin = coords.min(axis=0)
        xmax, ymax = coords.max(axis=0)
        pts = xy[todo]
        in_box = ((pts[:, 0] >= xmin) & (pts[:, 0] <= xmax)
                  & (pts[:, 1] >= ymin) & (pts[:, 1] <= ymax))
        candidates = todo[in_box]
        hit = np.zeros(len(candidates), dtype=bool)
        for poly in polygons:
            hit |= _inside_polygon(xy[candidates], poly)
        result[candidates[hit]] = index
    return result


def ring_centroid(ring) -> tuple:
    """(x, y, signed area) of a ring (shoelace; closed if it is not); the mean of its
    vertices and area 0 when degenerate."""
    r = np.asarray(ring, dtype=np.float64)
    x, y = r[:, 0], r[:, 1]
    if not np.array_equal(r[0], r[-1]):
        x, y = np.append(x, x[0]), np.append(y, y[0])
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2.0
    if abs(area) < 1e-12:
        return float(x[:-1].mean()), float(y[:-1].mean()), 0.0
    cx = ((x[:-1] + x[1:]) * cross).sum() / (6.0 * area)
    cy = ((y[:-1] + y[1:]) * cross).sum() / (6.0 * area)
    return float(cx), float(cy), float(area)


def polygons_centroid(polygons) -> tuple:
    """Area-weighted centroid of polygons (each a list of rings: shell, then holes taken away,
    whatever their winding); the mean of the vertices when the area is zero."""
    sx = sy = total = 0.0
    for poly in polygons:
        for k, ring in enumerate(poly):
            cx, cy, a = ring_centroid(ring)
            a = abs(a) * (1 if k == 0 else -1)
            sx, sy, total = sx + cx * a, sy + cy * a, total + a
    if total == 0:
        pts = np.vstack([np.asarray(r, dtype=np.float64) for p in polygons for r in p])
        return float(pts[:, 0].mean()), float(pts[:, 1].mean())
    return sx / total, sy / total


def zone_home_points(zones, cell_xy, cell_weight) -> tuple:
    """Where the people of each zone live: ``(x, y, n_cells)`` arrays, one row per zone.

    Rule: the mean of the centres of the populated cells (``cell_weight`` > 0) whose centre lies
    in the zone, weighted by ``cell_weight`` (the population-weighted centroid); the zone's
    area centroid when no populated cell centre lies in it (``n_cells`` = 0). Zones may
    overlap (IRIS and their commune in one layer): a cell counts in every zone containing its
    centre.
    """
    xy = np.asarray(cell_xy, dtype=float).reshape(-1, 2)
    w = np.asarray(cell_weight, dtype=float).reshape(-1)
    if w.size != len(xy):
        raise ValueError(f"{len(xy)} cells but {w.size} weights")
    populated = np.isfinite(w) & (w > 0)
    wp, xyp = w[populated], xy[populated]
    n = len(zones)
    x, y, cells = np.empty(n), np.empty(n), np.zeros(n, dtype=np.int64)
    for i, zone in enumerate(zones):
        inside = points_in_zones(xyp, [zone]) == 0
        total = wp[inside].sum()
        cells[i] = int(inside.sum())
        if total > 0:
            x[i] = (wp[inside] * xyp[inside, 0]).sum() / total
            y[i] = (wp[inside] * xyp[inside, 1]).sum() / total
        else:
            x[i], y[i] = polygons_centroid(zone)
    return x, y, cells
