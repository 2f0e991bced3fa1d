"""Mobility indicators of a zone: parking occupancy and its peak hour, on-street payments, daily
ridership, road traffic and its heavy-vehicle share, carpool trips.

Inputs are plain frames of one zone (a centrality) and one period; the caller chooses which
car parks, stops, count points and trips belong to the zone. Formulas, units in brackets:

- parking occupancy rate [%] = 100 × Σ occupied places / Σ capacity over the observations
  within the chosen hours of the day (observations without an occupied count left out);
- peak hour [h, 0-23] = the hour of the day whose rate Σ occupied / Σ capacity is the highest
  (the earliest of equal hours); peak rate [%] = 100 × that rate;
- mean of daily sums (payments per day of on-street zones [payments/day], boardings per day of
  a zone's stops [boardings/day], carpool trips per day [trips/day]) = mean over the days
  with data of the sum of that day's values;
- mean daily traffic [vehicles/day] = mean of the count points' average daily traffic;
- heavy-vehicle share [%] = 100 × Σ (heavy share × daily traffic) / Σ daily traffic over the
  count points whose heavy share (a fraction 0-1) is known: the share of the zone's traffic;
- carpool trips of a commune = trips whose origin or destination is the commune (a trip inside
  the commune counts once).

Departures per hour of public transport are :func:`analysis.transit.departures_per_period`.
Every value is NaN when it has nothing to measure (no observation, zero capacity or traffic).
"""

from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd

__all__ = ["carpool_trips_per_day", "heavy_vehicle_share", "mean_daily_traffic",
           "mean_of_daily_sums", "occupancy", "trips_of_commune"]


def occupancy(observations: pd.DataFrame, hours: Optional[Iterable[int]] = None) -> dict:
    """``occupancy_rate`` [%], ``peak_hour`` [h] and ``peak_rate`` [%] of parking
    observations (columns ``hour``, ``occupied``, ``capacity``), within ``hours`` (None: all).
    NaN values when no observation counts or the capacity is 0."""
    obs = observations[observations["occupied"].notna()]
    if hours is not None:
        obs = obs[obs["hour"].isin(list(hours))]
    capacity = float(obs["capacity"].sum()) if len(obs) else 0.0
    if not capacity > 0:
        return {"occupancy_rate": np.nan, "peak_hour": np.nan, "peak_rate": np.nan}
    sums = obs.groupby("hour")[["occupied", "capacity"]].sum().sort_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        by_hour = (sums["occupied"] / sums["capacity"]).replace([np.inf, -np.inf], np.nan)
    peak = by_hour.idxmax() if by_hour.notna().any() else np.nan
    return {"occupancy_rate": 100.0 * float(obs["occupied"].sum()) / capacity,
            "peak_hour": int(peak) if peak == peak else np.nan,
            "peak_rate": 100.0 * float(by_hour.max()) if peak == peak else np.nan}


def mean_of_daily_sums(frame: pd.DataFrame, value: str, day: str = "date") -> float:
    """Mean over the days with data (a value not null) of the daily sums of ``value``."""
    data = frame[frame[value].notna()]
    if data.empty:
        return np.nan
    return float(data.groupby(day)[value].sum().mean())


def mean_daily_traffic(traffic: pd.Series) -> float:
    """Mean of the count points' average daily traffic [vehicles/day] (unknown ones left out)."""
    values = pd.to_numeric(traffic, errors="coerce").dropna()
    return float(values.mean()) if len(values) else np.nan


def heavy_vehicle_share(traffic: pd.Series, heavy_share: pd.Series) -> float:
    """100 × Σ (heavy share × traffic) / Σ traffic over the points with both known [%]."""
    t = pd.to_numeric(traffic, errors="coerce").to_numpy(dtype=float)
    h = pd.to_numeric(heavy_share, errors="coerce").to_numpy(dtype=float)
    ok = ~np.isnan(t) & ~np.isnan(h)
    total = t[ok].sum()
    return float(100.0 * (h[ok] * t[ok]).sum() / total) if total > 0 else np.nan


def trips_of_commune(trips: pd.DataFrame, commune: str) -> pd.DataFrame:
    """The trips (columns ``origin_insee``, ``destination_insee``) from or to ``commune``."""
    return trips[(trips["origin_insee"] == commune) | (trips["destination_insee"] == commune)]


def carpool_trips_per_day(trips: pd.DataFrame, commune: str) -> float:
    """Mean over the days with a trip of the daily trips from or to ``commune``
    [trips/day] (columns ``date``, ``origin_insee``, ``destination_insee``, ``trips``)."""
    return mean_of_daily_sums(trips_of_commune(trips, commune), "trips")
