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
