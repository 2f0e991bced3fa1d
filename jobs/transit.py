"""Public transport service computed from the departures a GTFS import counted.

The frequency table gives, per stop and period of the day (:data:`analysis.transit.DEFAULT_PERIODS`,
hours of the service day, end excluded) and service date: the departures, the departures per hour
(departures / period length in hours) and the mean headway in minutes (period length in minutes /
departures; empty without departure) — :func:`analysis.transit.departures_per_period`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis.transit import departures, departures_per_period

KEYS = ["service_date", "day_kind", "stop_id", "stop_name"]


def frequency_table(per_hour: pd.DataFrame) -> pd.DataFrame:
    """``service_date, day_kind, stop_id, stop_name, period, start_hour, end_hour, departures,
    per_hour, headway_min`` from departures per stop and hour (``stop_id, stop_name, hour,
    departures``, ``service_date`` and ``day_kind``: the GTFS import's ``departures`` table)."""
    parts = []
    for (date, kind), day in per_hour.groupby(["service_date", "day_kind"], sort=False):
        per = departures_per_period(day, by="stop_id", count="departures")
        per.insert(0, "service_date", date)
        per.insert(1, "day_kind", kind)
        names = day.drop_duplicates("stop_id").set_index("stop_id")["stop_name"]
        per.insert(3, "stop_name", per["stop_id"].map(names))
        parts.append(per)
    columns = KEYS + ["period", "start_hour", "end_hour", "departures", "per_hour",
                      "headway_min"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(
        columns=columns)


def hourly_departures(feed, date) -> pd.DataFrame:
    """``stop_id, hour, departures, routes`` (routes serving the stop in that hour) of a GTFS
    feed (:class:`ingest.sources.gtfs.GtfsFeed`) on a service date, by the departure rule of
    :func:`analysis.transit.departures`."""
    deps = departures(feed.stop_times, feed.trips, feed.calendar, feed.calendar_dates, date,
                      stops=feed.stops)
    if deps.empty:
        return pd.DataFrame({"stop_id": pd.Series(dtype=object), "hour": pd.Series(dtype=int),
                             "departures": pd.Series(dtype=int), "routes": pd.Series(dtype=int)})
    groups = deps.groupby(["stop_id", "hour"])
    return pd.DataFrame({"departures": groups.size(),
                         "routes": groups["route_id"].nunique()}).reset_index()
