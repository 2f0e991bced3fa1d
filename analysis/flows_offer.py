"""Flows crossed with the offer: footfall per shop and per vacant premise, vacancy trend against
footfall trend, and the footfall of the nearest counted street for each premise.

Pure numpy / pandas / scipy (no QGIS): the store reads the socle, these functions compute.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

#: Trend classes: (footfall up?, vacancy down?) → class.
TREND_CLASSES = {
    (True, True): "virtuous",          # more footfall, less vacancy
    (True, False): "fragile_offer",    # more footfall, yet vacancy rises
    (False, True): "resilient_offer",  # less footfall, yet vacancy falls
    (False, False): "decline",         # less footfall, more vacancy
}


def trend_class(footfall_change: float, vacancy_change_pts: float,
                tolerance: float = 0.0) -> str:
    """Class of a centrality from its footfall change (fraction, e.g. 0.05 = +5 %) and its
    vacancy change (percentage points). A change within ``±tolerance`` counts as stable:
    ``stable`` when both are, ``undetermined`` when either is unknown (NaN)."""
    if footfall_change != footfall_change or vacancy_change_pts != vacancy_change_pts:
        return "undetermined"
    if abs(footfall_change) <= tolerance and abs(vacancy_change_pts) <= tolerance:
        return "stable"
    return TREND_CLASSES[(footfall_change > 0, vacancy_change_pts <= 0)]


def crossing_table(footfall: pd.DataFrame, offer: pd.DataFrame) -> pd.DataFrame:
    """Join footfall and offer per centrality and derive the crossed indicators.

    ``footfall``: ``centrality, footfall_mean_daily, footfall_change`` (fraction);
    ``offer``: ``centrality, premises, vacant, vacancy_rate, vacancy_change_pts``.
    Adds ``occupied = premises - vacant``, ``footfall_per_shop = footfall_mean_daily /
    occupied``, ``footfall_per_vacant = footfall_mean_daily / vacant`` (NaN when the divisor is
    0) and ``trend_class`` (:func:`trend_class`).
    """
    out = offer.merge(footfall, on="centrality", how="outer")
    out["occupied"] = out["premises"] - out["vacant"]
    with np.errstate(invalid="ignore", divide="ignore"):
        occupied = out["occupied"].astype(float)
        vacant = out["vacant"].astype(float)
        f = out["footfall_mean_daily"].astype(float)
        out["footfall_per_shop"] = np.where(occupied > 0, f / occupied.where(occupied > 0),
                                            np.nan)
        out["footfall_per_vacant"] = np.where(vacant > 0, f / vacant.where(vacant > 0), np.nan)
    out["trend_class"] = [trend_class(a, b) for a, b in zip(
        out["footfall_change"].astype(float), out["vacancy_change_pts"].astype(float))]
    return out


def nearest_counter(premises_xy: np.ndarray, sites_xy: np.ndarray,
                    max_distance: Optional[float] = None):
    """Index of the nearest counting site of each premise and its distance (metres).

    Returns ``(index, distance)``; index -1 and distance NaN when there is no site or the
    nearest is farther than ``max_distance``.
    """
    premises_xy = np.asarray(premises_xy, float).reshape(-1, 2)
    sites_xy = np.asarray(sites_xy, float).reshape(-1, 2)
    index = np.full(len(premises_xy), -1, dtype=np.int64)
    dist = np.full(len(premises_xy), np.nan)
    ok = np.isfinite(premises_xy).all(axis=1)
    if not len(sites_xy) or not ok.any():
        return index, dist
    d, i = cKDTree(sites_xy).query(premises_xy[ok])
    if max_distance is not None:
        far = d > max_distance
        i = np.where(far, -1, i)
        d = np.where(far, np.nan, d)
    index[ok], dist[ok] = i, d
    return index, dist
