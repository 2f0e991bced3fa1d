"""GTFS import: stops, routes and departures per stop and hour for chosen service dates.

The feed is read and validated by :func:`ingest.sources.gtfs.read_gtfs` (real feeds have
defects: overlapping block trips, decreasing shape distances… they are reported as warnings and
the rows are kept; a damaged, encrypted or oversized archive is refused). Departures follow
:func:`ingest.sources.gtfs.departures` (a stop time of a trip running that day, not the last
stop of its trip, pickup allowed), counted per hour of the *service day* (a 25:10:00 departure
is in hour 25).

The service dates are given, or the *typical weekday* is chosen: among the Tuesdays,
Wednesdays and Thursdays of the feed's calendar, the first one whose number of running trips is
the most frequent such number (school holidays and bank holidays fall out).

The result also returns the departures per stop and hour of each service date
(``tables['departures']``); the frequency per period of the day is a job
(:func:`jobs.transit.frequency_table`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Optional, Sequence

import pandas as pd

from ...i18n import tr
from ...store import gpkg, tables
from ...store.schema.flows import require_flows
from ...store.writers.bulk import insert_rows
from ..sources.gtfs import (
    GtfsFeed,
    calendar_span,
    read_gtfs,
    service_dates,
)
from ..sources.tabular import parse_date_text
from .framework import (
    ImportRefusedError,
    ImportResult,
    ImportRun,
    new_uuid,
    open_socle,
    points,
    reproject,
    sql_values,
)

SOURCE = "gtfs"


def typical_weekday(feed: GtfsFeed) -> dt.date:
    """The typical weekday of a feed (see the module docstring)."""
    dates = service_dates(feed.calendar, feed.calendar_dates)
    if dates.empty:
        raise ImportRefusedError(tr("the feed's calendar has no service date"))
    trips_per_service = feed.trips.groupby("service_id").size()
    dates["trips"] = dates["service_id"].map(trips_per_service).fillna(0)
    per_day = dates.groupby("date")["trips"].sum()
    mid = per_day[per_day.index.dayofweek.isin([1, 2, 3]) & (per_day > 0)]
    if mid.empty:
        mid = per_day[per_day.index.dayofweek < 5]
    if mid.empty:
        raise ImportRefusedError(tr("the feed runs no trip on a weekday"))
    mode = mid.value_counts().sort_index(ascending=False).idxmax()
    return mid[mid == mode].index.min().date()


def _service_dates(feed: GtfsFeed, dates: Sequence, typical: bool) -> list:
    wanted = []
    for d in dates or ():
        parsed = parse_date_text(str(d))
        if parsed.error:
            raise ImportRefusedError(tr("service date {value!r}: expected {expected}").format(
                value=d, expected=parsed.error))
        wanted.append((parsed.value.date(), "date"))
    if typical:
        wanted.append((typical_weekday(feed), "typical_weekday"))
    if not wanted:
        raise ImportRefusedError(tr("choose at least one service date or the typical weekday"))
    first, last = calendar_span(feed)
    for d, _kind in wanted:
        if not first <= d <= last:
            raise ImportRefusedError(tr("{date} is outside the feed's calendar ({first} to "
                                        "{last})").format(date=f"{d:%Y-%m-%d}",
                                                          first=f"{first:%Y-%m-%d}",
                                                          last=f"{last:%Y-%m-%d}"))
    return wanted


def import_gtfs(conn, path, *, count_departures: Callable[[GtfsFeed, dt.date], pd.DataFrame],
                name: Optional[str] = None, dates: Sequence = (),
                typical: bool = True, feed: Optional[GtfsFeed] = None,
                encoding: Optional[str] = None, progress=None, is_canceled=None,
                uuid_factory=None) -> ImportResult:
    """Import a GTFS feed (zip or folder; or an already read ``feed``) under ``name`` (default:
    the file name without extension).

    ``count_departures(feed, date)`` gives ``stop_id, hour, departures, routes`` for a service
    date (:func:`jobs.transit.hourly_departures`: the departure rule is a formula, not a
    reading concern).

    Writes the feed, its stops (reprojected; stops without coordinates keep an empty geometry)
    and routes, then departures per stop and hour for each of ``dates`` and, when ``typical``,
    for the typical weekday. Re-importing the same feed name adds nothing. The result's
    ``tables['departures']`` holds departures per stop and hour of each service date
    with ``service_date``.
    """
    srs_id = open_socle(conn, require_flows)
    new = uuid_factory or new_uuid
    feed = feed or read_gtfs(path, encoding=encoding)
    run = ImportRun(conn, SOURCE, [path], progress=progress, is_canceled=is_canceled,
                    report=feed.report, srs_id=srs_id)
    report = feed.report
    name = name or Path(str(path)).stem
    wanted = _service_dates(feed, dates, typical)
    first, last = calendar_span(feed)
    hourly = []
    for i, (d, kind) in enumerate(wanted):
        run.checkpoint()
        h = count_departures(feed, d).copy()
        h["service_date"] = d.isoformat()
        h["day_kind"] = kind
        hourly.append(h)
        run.progress(50.0 * (i + 1) / len(wanted))
    stops = feed.stops
    x, y = reproject(stops["stop_lon"], stops["stop_lat"], 4326, srs_id)
    agency = feed.agency["agency_name"].iloc[0] if len(feed.agency) else None
    result = run.result
    with run.writing() as conn:
        result.added["transit_feeds"] = insert_rows(
            conn, "transit_feeds", ["uuid", "name", "file", "agency", "valid_from", "valid_to",
                                    "imported_at", "defects"],
            [(new(), name, Path(str(path)).name, agency, first.isoformat(),
              last.isoformat(), gpkg.now_iso(), len(report.rejected) + len(report.warnings))])
        feed_uuid = tables.first(conn, "transit_feeds", ["uuid"], {"name": name})["uuid"]
        n = len(stops)
        added = insert_rows(conn, "transit_stops",
                            ["uuid", "geom", "feed_uuid", "stop_id", "stop_code", "name",
                             "location_type", "parent_stop_id"],
                            zip([new() for _ in range(n)], points(x, y, srs_id),
                                [feed_uuid] * n, stops["stop_id"], sql_values(stops["stop_code"]),
                                sql_values(stops["stop_name"]),
                                sql_values(stops["location_type"]),
                                sql_values(stops["parent_station"])))
        result.added["transit_stops"], result.unchanged["transit_stops"] = added, n - added
        r = feed.routes
        added = insert_rows(conn, "transit_routes",
                            ["uuid", "feed_uuid", "route_id", "short_name", "long_name",
                             "route_type"],
                            zip([new() for _ in range(len(r))], [feed_uuid] * len(r),
                                r["route_id"], sql_values(r["route_short_name"]),
                                sql_values(r["route_long_name"]), sql_values(r["route_type"])))
        result.added["transit_routes"], result.unchanged["transit_routes"] = added, len(r) - added
        stop_uuids = tables.key_map(conn, "transit_stops", "stop_id", "uuid",
                                    {"feed_uuid": feed_uuid})
        h = pd.concat(hourly, ignore_index=True)
        added = insert_rows(conn, "transit_service",
                            ["uuid", "stop_uuid", "service_date", "day_kind", "hour",
                             "departures", "routes"],
                            zip([new() for _ in range(len(h))], h["stop_id"].map(stop_uuids),
                                h["service_date"], h["day_kind"],
                                h["hour"].astype(int).tolist(),
                                h["departures"].astype(int).tolist(),
                                h["routes"].astype(int).tolist()),
                            checkpoint=run.checkpoint)
        result.added["transit_service"], result.unchanged["transit_service"] = (added,
                                                                                len(h) - added)
    run.progress(100)
    names = stops.set_index("stop_id")["stop_name"]
    h.insert(1, "stop_name", h["stop_id"].map(names))
    result.tables["departures"] = h
    result.tables["dates"] = pd.DataFrame(wanted, columns=["service_date", "day_kind"])
    result.tables["summary"] = pd.DataFrame(
        [{"table": k, "rows": v} for k, v in {
            "stops": len(feed.stops), "routes": len(feed.routes), "trips": len(feed.trips),
            "stop_times": len(feed.stop_times)}.items()])
    return result
