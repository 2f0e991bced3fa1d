"""Offer within a distance of zones (polygons) or points: services, producers, markets.

Geometry is plain coordinates in one projected CRS (metres): a target is a point ``(x, y)`` or a
polygon given as a list of rings (N × 2 arrays, first ring exterior, the others holes), or a
list of such polygons (multipolygon). The distance of a point to a polygon is 0 inside it, else
the distance to its nearest edge. A point counts for a target when distance ≤ ``distance``.

- :func:`services_within`: count of services per target × BPE domain × range;
- :func:`producers_within`: producers per target (total, organic, organic share in %) and per
  product (a producer with several products counts once for each);
- :func:`markets_within`: markets and market sessions per week per target.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree


def _depth(geom) -> int:
    depth = 0
    while not np.isscalar(geom):
        geom = geom[0]
        depth += 1
    return depth


def target_polygons(geom):
    """None for a point (x, y); else a list of polygons, each a list of (N, 2) arrays.

    Accepted: (x, y) point; a single ring (N × 2); a polygon (list of rings); a multipolygon
    (list of polygons).
    """
    depth = _depth(geom)
    if depth == 1:
        return None
    if depth == 2:
        return [[np.asarray(geom, dtype=float)]]
    if depth == 3:
        return [[np.asarray(r, dtype=float) for r in geom]]
    if depth == 4:
        return [[np.asarray(r, dtype=float) for r in poly] for poly in geom]
    raise ValueError("a target is a point (x, y), a ring, a polygon or a multipolygon")


def _inside_ring(px, py, ring):
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    inside = np.zeros(px.shape, dtype=bool)
    for xa, ya, xb, yb in zip(x, y, x2, y2):
        cond = (ya > py) != (yb > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = xa + (py - ya) * (xb - xa) / (yb - ya)
        inside ^= cond & (px < xint)
    return inside


def _edge_distance(px, py, ring):
    a = ring
    b = np.roll(ring, -1, axis=0)
    best = np.full(px.shape, np.inf)
    for (xa, ya), (xb, yb) in zip(a, b):
        dx, dy = xb - xa, yb - ya
        length2 = dx * dx + dy * dy
        if length2 == 0:
            t = np.zeros(px.shape)
        else:
            t = np.clip(((px - xa) * dx + (py - ya) * dy) / length2, 0.0, 1.0)
        best = np.minimum(best, np.hypot(px - (xa + t * dx), py - (ya + t * dy)))
    return best


def distance_to(geom, xy: np.ndarray) -> np.ndarray:
    """Distance of each point of ``xy`` (M × 2) to a point or (multi)polygon target."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    px, py = xy[:, 0], xy[:, 1]
    polys = target_polygons(geom)
    if polys is None:
        gx, gy = float(geom[0]), float(geom[1])
        return np.hypot(px - gx, py - gy)
    best = np.full(px.shape, np.inf)
    for poly in polys:
        inside = np.zeros(px.shape, dtype=bool)
        for k, ring in enumerate(poly):
            ring = ring[:-1] if len(ring) > 1 and np.allclose(ring[0], ring[-1]) else ring
            inside = (_inside_ring(px, py, ring) if k == 0
                      else inside & ~_inside_ring(px, py, ring))
            best = np.minimum(best, _edge_distance(px, py, ring))
        best = np.where(inside, 0.0, best)
    return best


def _bbox(geom):
    polys = target_polygons(geom)
    if polys is None:
        return float(geom[0]), float(geom[1]), float(geom[0]), float(geom[1])
    pts = np.vstack([ring for poly in polys for ring in poly])
    return pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max()


def within(targets: Mapping, xy: np.ndarray, distance: float) -> dict:
    """target id → indices of the points within ``distance`` (≥ 0, metres)."""
    if distance is None or distance < 0:
        raise ValueError("distance must be a non-negative number of metres")
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    out = {}
    tree = cKDTree(xy) if len(xy) else None
    for key, geom in targets.items():
        if tree is None:
            out[key] = np.zeros(0, dtype=int)
            continue
        x0, y0, x1, y1 = _bbox(geom)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        radius = np.hypot(x1 - x0, y1 - y0) / 2 + distance
        cand = np.asarray(tree.query_ball_point((cx, cy), r=radius + 1e-9), dtype=int)
        if cand.size == 0:
            out[key] = cand
            continue
        d = distance_to(geom, xy[cand])
        out[key] = np.sort(cand[d <= distance + 1e-9])
    return out


def services_within(targets: Mapping, services: pd.DataFrame, distance: float) -> pd.DataFrame:
    """Counts per target × domain × range (``services``: x, y, domain, range)."""
    hits = within(targets, services[["x", "y"]].to_numpy(), distance)
    rows = []
    for key, idx in hits.items():
        sub = services.iloc[idx]
        if sub.empty:
            continue
        grp = sub.groupby([sub["domain"], sub["range"].fillna("")]).size()
        rows += [(key, d, r or None, int(n)) for (d, r), n in grp.items()]
    return pd.DataFrame(rows, columns=["target", "domain", "range", "services"])


def producers_within(targets: Mapping, producers: pd.DataFrame, distance: float,
                     hits: Mapping = None) -> tuple:
    """(summary per target, counts per target × product).

    summary: target, producers, organic, organic_share (100 × organic / producers, null when 0);
    ``producers`` needs x, y, products (list) and organic (bool or null). ``hits`` (target →
    indices of the producers reached, e.g. by network time) replaces the straight-line
    ``distance``.
    """
    if hits is None:
        hits = within(targets, producers[["x", "y"]].to_numpy(), distance)
    summary, by_product = [], []
    for key, idx in hits.items():
        sub = producers.iloc[idx]
        n = len(sub)
        organic = int((sub["organic"] == True).sum())  # noqa: E712 (null is not organic)
        summary.append((key, n, organic, 100.0 * organic / n if n else np.nan))
        counts = {}
        for products in sub["products"]:
            for p in set(products or []):
                counts[p] = counts.get(p, 0) + 1
        by_product += [(key, p, c) for p, c in sorted(counts.items())]
    return (pd.DataFrame(summary, columns=["target", "producers", "organic", "organic_share"]),
            pd.DataFrame(by_product, columns=["target", "product", "producers"]))


def markets_within(targets: Mapping, markets: pd.DataFrame, distance: float) -> pd.DataFrame:
    """target, markets, sessions_per_week (Σ per_week), organic_markets."""
    hits = within(targets, markets[["x", "y"]].to_numpy(), distance)
    rows = []
    for key, idx in hits.items():
        sub = markets.iloc[idx]
        rows.append((key, len(sub), float(sub["per_week"].sum()) if len(sub) else 0.0,
                     int((sub["organic"] == True).sum())))  # noqa: E712
    return pd.DataFrame(rows, columns=["target", "markets", "sessions_per_week",
                                       "organic_markets"])


def count_within(targets: Mapping, xy: np.ndarray, distance: float,
                 categories: Sequence = None) -> pd.DataFrame:
    """Generic counts per target (and per category when ``categories`` is given)."""
    hits = within(targets, xy, distance)
    rows = []
    for key, idx in hits.items():
        if categories is None:
            rows.append((key, None, len(idx)))
            continue
        cats = pd.Series(np.asarray(categories, dtype=object)[idx]).value_counts(sort=False)
        rows += [(key, c, int(n)) for c, n in cats.items()]
    return pd.DataFrame(rows, columns=["target", "category", "count"])


def near_counts(points_xy: np.ndarray, xy: np.ndarray, distance: float, weights=None,
                exclude_within: float = None) -> np.ndarray:
    """Per point of ``points_xy`` (M × 2), the number of the points of ``xy`` (N × 2) within
    ``distance`` metres of it (the rule of :func:`within`, each point a target), or the sum of
    their ``weights``; points of ``xy`` at ``exclude_within`` metres or less (e.g. 0.01: the
    point itself) are not counted. A point with a missing coordinate counts 0."""
    points_xy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    w = np.ones(len(xy)) if weights is None else np.asarray(weights, dtype=np.float64)
    out = np.zeros(len(points_xy))
    if not len(xy):
        return out
    finite = np.isfinite(points_xy).all(axis=1)
    hits = within({i: (float(points_xy[i, 0]), float(points_xy[i, 1]))
                   for i in np.flatnonzero(finite)}, xy, distance)
    for i, idx in hits.items():
        if exclude_within is not None and len(idx):
            idx = idx[np.hypot(*(xy[idx] - points_xy[i]).T) > exclude_within]
        out[i] = w[idx].sum()
    return out
