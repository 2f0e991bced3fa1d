"""Points to commercial linears (lines: a shopping street, a frontage) by distance, in numpy.

A point belongs to the nearest line whose distance is ≤ ``distance`` (metres, projected CRS);
a point farther than ``distance`` from every line belongs to none (-1). Ties go to the earlier
line. Distance to a line = distance to its nearest segment.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np


def distance_to_polyline(xy: np.ndarray, parts: Sequence[np.ndarray]) -> np.ndarray:
    """Distance of each point (M × 2) to a polyline given as parts (each N × 2, N ≥ 1)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    best = np.full(len(xy), np.inf)
    for part in parts:
        part = np.asarray(part, dtype=float).reshape(-1, 2)
        if len(part) == 1:
            best = np.minimum(best, np.hypot(xy[:, 0] - part[0, 0], xy[:, 1] - part[0, 1]))
            continue
        a, b = part[:-1], part[1:]
        d = b - a
        length2 = (d ** 2).sum(axis=1)
        rel = xy[:, None, :] - a[None, :, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(length2 > 0, (rel * d[None]).sum(axis=2) / length2, 0.0)
        t = np.clip(t, 0.0, 1.0)
        proj = a[None] + t[..., None] * d[None]
        dist = np.hypot(xy[:, None, 0] - proj[..., 0], xy[:, None, 1] - proj[..., 1])
        best = np.minimum(best, dist.min(axis=1))
    return best


def assign_to_lines(xy, lines: Sequence[Sequence[np.ndarray]], distance: float) -> np.ndarray:
    """Index of the nearest line within ``distance`` of each point, -1 when none is."""
    if distance is None or distance < 0:
        raise ValueError("distance must be a non-negative number of metres")
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    result = np.full(len(xy), -1, dtype=np.int64)
    best = np.full(len(xy), np.inf)
    valid = np.isfinite(xy).all(axis=1)
    for index, parts in enumerate(lines):
        coords = np.vstack([np.asarray(p, dtype=float).reshape(-1, 2) for p in parts])
        lo, hi = coords.min(axis=0) - distance, coords.max(axis=0) + distance
        near = valid & (xy[:, 0] >= lo[0]) & (xy[:, 0] <= hi[0]) & (xy[:, 1] >= lo[1]) \
            & (xy[:, 1] <= hi[1])
        idx = np.flatnonzero(near)
        if not len(idx):
            continue
        d = distance_to_polyline(xy[idx], parts)
        take = (d <= distance + 1e-9) & (d < best[idx])
        result[idx[take]] = index
        best[idx[take]] = d[take]
    return result
