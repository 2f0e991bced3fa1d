"""Public transport service from GTFS tables: departures per stop per hour and per period for a
service date, and service frequency per stop.

Inputs are plain data frames with GTFS columns (as made by ``store.sources.gtfs``):
``calendar`` (service_id, monday … sunday, start_date, end_date as dates), ``calendar_dates``
(service_id, date, exception_type), ``trips`` (trip_id, route_id, service_id),
``stop_times`` (trip_id, stop_id, stop_sequence, departure_s in seconds after midnight of the
service day, pickup_type) and, to group platforms into stations, ``stops`` (stop_id,
parent_station).

**What counts as a departure** (the rule the indicators rely on): a stop time of a trip that
runs on the service date, that is *not the last stop of its trip* (by ``stop_sequence``) and
whose ``pickup_type`` is not 1 (no pickup). On-demand pickups (``pickup_type`` 2 or 3) count
unless ``include_on_demand=False``. Its time is ``departure_s``; hours are hours of the service
day, so a 25:10:00 departure falls in hour 25 (01:10 the next morning).
"""

from __future__ import annotations

import datetime as dt
from typing import Dict, Mapping, Optional, Sequence, Set, Tuple

import numpy as np
import pandas as pd

DAY_COLUMNS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Default periods of the day, in hours of the service day [start, end).
DEFAULT_PERIODS: Dict[str, Tuple[int, int]] = {
    "early": (0, 7), "morning_peak": (7, 9), "midday": (9, 16), "evening_peak": (16, 19),
    "evening": (19, 24), "night": (24, 30),
}


def active_services(calendar: pd.DataFrame, calendar_dates: Optional[pd.DataFrame],
                    date) -> Set[str]:
    """Service ids running on ``date``: calendar rows whose date range contains it and whose
    weekday flag is 1, plus calendar_dates exceptions of type 1, minus those of type 2."""
    day = pd.Timestamp(date).normalize()
    active: Set[str] = set()
    if calendar is not None and len(calendar):
        col = DAY_COLUMNS[day.dayofweek]
        start = pd.to_datetime(calendar["start_date"])
        end = pd.to_datetime(calendar["end_date"])
        runs = (start <= day) & (end >= day) & (calendar[col].astype(int) == 1)
        active = set(calendar.loc[runs.to_numpy(), "service_id"].astype(str))
    if calendar_dates is not None and len(calendar_dates):
        on_day = calendar_dates[pd.to_datetime(calendar_dates["date"]) == day]
        kind = on_day["exception_type"].astype(int)
        active |= set(on_day.loc[(kind == 1).to_numpy(), "service_id"].astype(str))
        active -= set(on_day.loc[(kind == 2).to_numpy(), "service_id"].astype(str))
    return active


def departures(stop_times: pd.DataFrame, trips: pd.DataFrame, calendar: pd.DataFrame,
               calendar_dates: Optional[pd.DataFrame], date, *,
               stops: Optional[pd.DataFrame] = None, include_on_demand: bool = True
               ) -> pd.DataFrame:
    """Departures on a service date: ``stop_id, station_id, trip_id, route_id, departure_s,
    hour`` (``station_id`` = parent station when ``stops`` gives one, else the stop itself)."""
    services = active_services(calendar, calendar_dates, date)
    run = trips[trips["service_id"].astype(str).isin(services)][["trip_id", "route_id"]]
    st = stop_times[stop_times["trip_id"].isin(set(run["trip_id"]))]
    st = st.sort_values(["trip_id", "stop_sequence"], kind="stable")
    last = st["trip_id"].to_numpy() != np.r_[st["trip_id"].to_numpy()[1:], None]
    pickup = (st["pickup_type"].fillna(0).astype(int).to_numpy()
              if "pickup_type" in st.columns else np.zeros(len(st), int))
    keep = ~last & (pickup != 1)
    if not include_on_demand:
        keep &= ~np.isin(pickup, (2, 3))
    keep &= ~np.isnan(st["departure_s"].to_numpy(dtype=float))
    dep = st.loc[keep, ["stop_id", "trip_id", "departure_s"]].merge(run, on="trip_id")
    dep["station_id"] = dep["stop_id"]
    if stops is not None and "parent_station" in stops.columns:
        parent = stops.set_index("stop_id")["parent_station"]
        p = dep["stop_id"].map(parent)
        dep["station_id"] = p.where(p.notna(), dep["stop_id"])
    dep["hour"] = (dep["departure_s"] // 3600).astype(int)
    return dep[["stop_id", "station_id", "trip_id", "route_id", "departure_s", "hour"]]


def _counted(deps: pd.DataFrame, count: Optional[str]) -> pd.Series:
    """Departures each row stands for: 1 per row, or the ``count`` column (e.g. the
    departures per stop and hour stored in the socle)."""
    if count is None:
        return pd.Series(1, index=deps.index, dtype=np.int64)
    return deps[count]


def departures_per_hour(deps: pd.DataFrame, *, by: str = "stop_id",
                        count: Optional[str] = None) -> pd.DataFrame:
    """``by, hour, departures`` (hours of the service day, 0 to 30; only hours with departures
    appear). ``count``: a column holding the departures of each row (already counted per
    stop and hour); without it every row is one departure."""
    frame = pd.DataFrame({by: deps[by], "hour": deps["hour"],
                          "departures": _counted(deps, count)})
    out = frame.groupby([by, "hour"])["departures"].sum().reset_index()
    return out.sort_values([by, "hour"]).reset_index(drop=True)


def daily_departures(per_hour: pd.DataFrame, *, by: str = "stop_id") -> pd.DataFrame:
    """From :func:`departures_per_hour`: ``by, departures_day`` (Σ over the hours),
    ``peak_hour`` (the hour with the most departures, the earliest of equal hours) and
    ``peak_departures`` (its departures)."""
    ordered = per_hour.sort_values([by, "hour"], kind="stable")
    peak = ordered.loc[ordered.groupby(by, sort=True)["departures"].idxmax()]
    total = ordered.groupby(by, sort=True)["departures"].sum()
    return pd.DataFrame({by: peak[by].to_numpy(),
                         "departures_day": total.reindex(peak[by]).to_numpy(),
                         "peak_hour": peak["hour"].to_numpy(),
                         "peak_departures": peak["departures"].to_numpy()})


def departures_per_period(deps: pd.DataFrame, *, by: str = "stop_id",
                          periods: Mapping[str, Tuple[int, int]] = None,
                          count: Optional[str] = None) -> pd.DataFrame:
    """``by, period, start_hour, end_hour, departures, per_hour, headway_min`` for every
    stop and period (periods with no departure included: departures 0, headway NaN).
    ``per_hour`` = departures / period length in hours [departures/h]; ``headway_min`` =
    period length in minutes / departures (mean interval). ``count`` as in
    :func:`departures_per_hour`."""
    periods = dict(periods or DEFAULT_PERIODS)
    keys = pd.unique(deps[by])
    rows = []
    hours = deps["hour"].to_numpy()
    counted = _counted(deps, count)
    for name, (h0, h1) in periods.items():
        if h1 <= h0:
            raise ValueError(f"period {name}: end hour must be after start hour")
        inside = (hours >= h0) & (hours < h1)
        counts = counted[inside].groupby(deps.loc[inside, by]).sum().reindex(
            keys, fill_value=0)
        rows.append(pd.DataFrame({by: keys, "period": name, "start_hour": h0, "end_hour": h1,
                                  "departures": counts.to_numpy()}))
    out = (pd.concat(rows, ignore_index=True) if rows
           else pd.DataFrame(columns=[by, "period", "start_hour", "end_hour", "departures"]))
    length_h = (out["end_hour"] - out["start_hour"]).astype(float)
    out["per_hour"] = out["departures"] / length_h
    with np.errstate(divide="ignore"):
        out["headway_min"] = np.where(out["departures"] > 0,
                                      60 * length_h / out["departures"].clip(lower=1), np.nan)
    return out.sort_values([by, "start_hour"], kind="stable").reset_index(drop=True)


def service_frequency(deps: pd.DataFrame, *, by: str = "stop_id",
                      peak_hours: Sequence[int] = (7, 8)) -> pd.DataFrame:
    """Per stop (or station): ``departures`` in the day, ``routes`` serving it,
    ``first_departure_s``, ``last_departure_s``, ``service_span_h``, ``peak_departures_per_hour``
    (mean over ``peak_hours``), ``peak_headway_min`` (60 / that)."""
    g = deps.groupby(by)
    out = pd.DataFrame({"departures": g.size(), "routes": g["route_id"].nunique(),
                        "first_departure_s": g["departure_s"].min(),
                        "last_departure_s": g["departure_s"].max()})
    out["service_span_h"] = (out["last_departure_s"] - out["first_departure_s"]) / 3600
    peak = deps[deps["hour"].isin(list(peak_hours))].groupby(by).size()
    out["peak_departures_per_hour"] = peak.reindex(out.index, fill_value=0) / len(peak_hours)
    with np.errstate(divide="ignore"):
        out["peak_headway_min"] = np.where(out["peak_departures_per_hour"] > 0,
                                           60 / out["peak_departures_per_hour"].where(
                                               out["peak_departures_per_hour"] > 0, 1), np.nan)
    return out.reset_index()


def service_days(calendar: pd.DataFrame, calendar_dates: Optional[pd.DataFrame]
                 ) -> Tuple[dt.date, dt.date]:
    """First and last date of the feed's calendar (to choose a service date)."""
    dates = []
    if calendar is not None and len(calendar):
        dates += [pd.to_datetime(calendar["start_date"]).min(),
                  pd.to_datetime(calendar["end_date"]).max()]
    if calendar_dates is not None and len(calendar_dates):
        d = pd.to_datetime(calendar_dates["date"])
        dates += [d.min(), d.max()]
    if not dates:
        raise ValueError("the feed has no calendar")
    return min(dates).date(), max(dates).date()
