"""Which centrality each premise (or point) belongs to: the assignment rules of every job.

Premises: a point belongs to the centrality whose polygon contains it; where centralities
overlap, to the higher level one (primary before secondary…), then to the first by name: the
order of :func:`store.readers.centralities`. Points outside every centrality get None.

Flow features (counters, car parks, stops, road count points, carpool places,
:func:`assign_points`): a feature's declared ``centrality_uuid`` wins; else the centrality
containing it (the premises' rule); else the nearest centrality whose edge lies within the
distance; else none.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from ..analysis.proximity import distance_to
from ..analysis.spatial import points_in_zones


def assign_centralities(premise_frame: pd.DataFrame, centrality_list: list) -> dict:
    """premise uuid -> centrality uuid (or None), by point in polygon with level priority."""
    xy = premise_frame[["x", "y"]].to_numpy(dtype=float)
    index = points_in_zones(xy, [c["polygons"] for c in centrality_list])
    uuids = [c["uuid"] for c in centrality_list]
    return {p: (uuids[i] if i >= 0 else None)
            for p, i in zip(premise_frame["uuid"].tolist(), index.tolist())}


def assign_points(points: pd.DataFrame, cents: list, distance: float = 0.0,
                  declared: Optional[str] = "centrality_uuid") -> pd.DataFrame:
    """``points`` (x, y, optional declared centrality column) → ``centrality_uuid, centrality,
    assignment ('declared' | 'inside' | 'distance' | None), distance_m`` (same index)."""
    n = len(points)
    out = pd.DataFrame(index=points.index)
    cent_uuid = np.full(n, None, dtype=object)
    how = np.full(n, None, dtype=object)
    dist = np.full(n, np.nan)
    names = {c["uuid"]: c["name"] for c in cents}
    xy = points[["x", "y"]].to_numpy(dtype=float) if n else np.zeros((0, 2))
    if declared and declared in points.columns:
        d = points[declared].to_numpy(dtype=object)
        known = np.array([v in names for v in d], dtype=bool)
        cent_uuid[known], how[known], dist[known] = d[known], "declared", 0.0
    if n and cents:
        todo = np.flatnonzero(how == None)  # noqa: E711
        inside = points_in_zones(xy[todo], [c["polygons"] for c in cents])
        hit = inside >= 0
        cent_uuid[todo[hit]] = [cents[i]["uuid"] for i in inside[hit]]
        how[todo[hit]], dist[todo[hit]] = "inside", 0.0
        todo = np.flatnonzero(how == None)  # noqa: E711
        if distance and distance > 0 and len(todo):
            dmat = np.vstack([distance_to(c["polygons"], xy[todo]) for c in cents])
            best = dmat.argmin(axis=0)
            bestd = dmat[best, np.arange(len(todo))]
            ok = bestd <= distance
            cent_uuid[todo[ok]] = [cents[i]["uuid"] for i in best[ok]]
            how[todo[ok]], dist[todo[ok]] = "distance", bestd[ok]
    out["centrality_uuid"] = cent_uuid
    out["centrality"] = [names.get(u) for u in cent_uuid]
    out["assignment"] = how
    out["distance_m"] = dist
    return out


def with_centrality(points: pd.DataFrame, cents: list, distance: float = 0.0,
                    declared: Optional[str] = "centrality_uuid") -> pd.DataFrame:
    """``points`` with the columns of :func:`assign_points` (a declared column is replaced by
    the assigned one)."""
    base = points.drop(columns=[c for c in ("centrality_uuid", "centrality")
                                if c in points.columns])
    return pd.concat([base, assign_points(points, cents, distance, declared)], axis=1)
