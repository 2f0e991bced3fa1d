"""GTFS import: stops, routes and departures per stop and hour for chosen service dates.

The feed is read and validated by :func:`store.sources.gtfs.read_gtfs` (real feeds have defects:
overlapping block trips, decreasing shape distances… they are reported as warnings and the rows
are kept). Departures follow :mod:`analysis.transit` (a stop time of a trip running that day,
not the last stop of its trip, pickup allowed), counted per hour of the *service day* (a
25:10:00 departure is in hour 25).

The service dates are given, or the *typical weekday* is chosen: among the Tuesdays,
Wednesdays and Thursdays of the feed's calendar, the first one whose number of running trips is
the most frequent such number (school holidays and bank holidays fall out).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

from ...analysis import transit
from ...i18n import tr
from ...store import gpkg
from ..sources.gtfs import GtfsFeed, read_gtfs, service_dates
from .flows import (
    FlowImport,
    FlowImportError,
    _insert,
    _none,
    _open,
    _points,
    new_uuid,
    reproject,
    write_transaction,
)


def typical_weekday(feed: GtfsFeed) -> dt.date:
    """The typical weekday of a feed (see the module docstring)."""
    dates = service_dates(feed.calendar, feed.calendar_dates)
    if dates.empty:
        raise FlowImportError(tr("the feed's calendar has no service date"))
    trips_per_service = feed.trips.groupby("service_id").size()
    dates["trips"] = dates["service_id"].map(trips_per_service).fillna(0)
    per_day = dates.groupby("date")["trips"].sum()
    mid = per_day[per_day.index.dayofweek.isin([1, 2, 3]) & (per_day > 0)]
    if mid.empty:
        mid = per_day[per_day.index.dayofweek < 5]
    if mid.empty:
        raise FlowImportError(tr("the feed runs no trip on a weekday"))
    mode = mid.value_counts().sort_index(ascending=False).idxmax()
    return mid[mid == mode].index.min().date()


def hourly_departures(feed: GtfsFeed, date) -> pd.DataFrame:
    """``stop_id, hour, departures, routes`` on a service date."""
    deps = transit.departures(feed.stop_times, feed.trips, feed.calendar, feed.calendar_dates,
                              date, stops=feed.stops)
    if deps.empty:
        return pd.DataFrame({"stop_id": [], "hour": [], "departures": [], "routes": []})
    g = deps.groupby(["stop_id", "hour"])
    out = pd.DataFrame({"departures": g.size(), "routes": g["route_id"].nunique()})
    return out.reset_index()


def import_gtfs(conn, path, *, name: Optional[str] = None, dates: Sequence = (),
                typical: bool = True, feed: Optional[GtfsFeed] = None,
                progress=None, canceled=None, uuid_factory=None) -> FlowImport:
    """Import a GTFS feed (zip or folder; or an already read ``feed``) under ``name`` (default:
    the file name without extension).

    Writes the feed, its stops (reprojected; stops without coordinates keep an empty geometry)
    and routes, then departures per stop and hour for each of ``dates`` and, when ``typical``,
    for the typical weekday. Re-importing the same feed name adds nothing. The result's
    ``tables['frequency']`` holds departures per stop and period of the day
    (:func:`analysis.transit.departures_per_period`) with ``service_date``.
    """
    srs_id = _open(conn)
    new = uuid_factory or new_uuid
    try:
        feed = feed or read_gtfs(path)
    except (ValueError, OSError) as exc:
        raise FlowImportError(str(exc)) from exc
    report = feed.report
    name = name or Path(str(path)).stem
    wanted = []
    for d in dates or ():
        try:
            wanted.append((pd.Timestamp(d).date(), "date"))
        except ValueError as exc:
            raise FlowImportError(tr("{value!r} is not a date (expected YYYY-MM-DD)").format(
                value=d)) from exc
    if typical:
        wanted.append((typical_weekday(feed), "typical_weekday"))
    if not wanted:
        raise FlowImportError(tr("choose at least one service date or the typical weekday"))
    first, last = transit.service_days(feed.calendar, feed.calendar_dates)
    for d, _kind in wanted:
        if not first <= d <= last:
            raise FlowImportError(tr("{date} is outside the feed's calendar ({first} to "
                                     "{last})").format(date=f"{d:%Y-%m-%d}",
                                                       first=f"{first:%Y-%m-%d}",
                                                       last=f"{last:%Y-%m-%d}"))
    hourly = []
    frequency = []
    for i, (d, kind) in enumerate(wanted):
        if canceled and canceled():
            from .flows import ImportCanceledError
            raise ImportCanceledError(tr("import canceled"))
        h = hourly_departures(feed, d)
        h["service_date"] = d.isoformat()
        h["day_kind"] = kind
        hourly.append(h)
        deps = transit.departures(feed.stop_times, feed.trips, feed.calendar,
                                  feed.calendar_dates, d, stops=feed.stops)
        per = transit.departures_per_period(deps)
        per.insert(0, "service_date", d.isoformat())
        per.insert(1, "day_kind", kind)
        frequency.append(per)
        if progress:
            progress(50.0 * (i + 1) / len(wanted))
    stops = feed.stops
    x, y = reproject(stops["stop_lon"], stops["stop_lat"], 4326, srs_id)
    agency = feed.agency["agency_name"].iloc[0] if len(feed.agency) else None
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        result.added["transit_feeds"] = _insert(
            conn, "transit_feeds", ["uuid", "name", "file", "agency", "valid_from", "valid_to",
                                    "imported_at", "defects"],
            [(new(), name, Path(str(path)).name, agency, first.isoformat(),
              last.isoformat(), gpkg.now_iso(), len(report.rejected) + len(report.warnings))])
        feed_uuid = conn.execute("SELECT uuid FROM transit_feeds WHERE name = ?",
                                 (name,)).fetchone()[0]
        n = len(stops)
        added = _insert(conn, "transit_stops",
                        ["uuid", "geom", "feed_uuid", "stop_id", "stop_code", "name",
                         "location_type", "parent_stop_id"],
                        zip([new() for _ in range(n)], _points(x, y, srs_id),
                            [feed_uuid] * n, stops["stop_id"], _none(stops["stop_code"]),
                            _none(stops["stop_name"]), _none(stops["location_type"]),
                            _none(stops["parent_station"])))
        result.added["transit_stops"], result.skipped["transit_stops"] = added, n - added
        r = feed.routes
        added = _insert(conn, "transit_routes",
                        ["uuid", "feed_uuid", "route_id", "short_name", "long_name",
                         "route_type"],
                        zip([new() for _ in range(len(r))], [feed_uuid] * len(r),
                            r["route_id"], _none(r["route_short_name"]),
                            _none(r["route_long_name"]), _none(r["route_type"])))
        result.added["transit_routes"], result.skipped["transit_routes"] = added, len(r) - added
        stop_uuids = {row[0]: row[1] for row in conn.execute(
            "SELECT stop_id, uuid FROM transit_stops WHERE feed_uuid = ?", (feed_uuid,))}
        h = pd.concat(hourly, ignore_index=True)
        added = _insert(conn, "transit_service",
                        ["uuid", "stop_uuid", "service_date", "day_kind", "hour", "departures",
                         "routes"],
                        zip([new() for _ in range(len(h))], h["stop_id"].map(stop_uuids),
                            h["service_date"], h["day_kind"], h["hour"].astype(int).tolist(),
                            h["departures"].astype(int).tolist(),
                            h["routes"].astype(int).tolist()),
                        canceled=canceled)
        result.added["transit_service"], result.skipped["transit_service"] = added, len(h) - added
    if progress:
        progress(100.0)
    freq = pd.concat(frequency, ignore_index=True)
    names = stops.set_index("stop_id")["stop_name"]
    freq.insert(3, "stop_name", freq["stop_id"].map(names))
    result.tables["frequency"] = freq
    result.tables["dates"] = pd.DataFrame(wanted, columns=["service_date", "day_kind"])
    result.tables["summary"] = pd.DataFrame(
        [{"table": k, "rows": v} for k, v in {
            "stops": len(feed.stops), "routes": len(feed.routes), "trips": len(feed.trips),
            "stop_times": len(feed.stop_times)}.items()])
    return result
