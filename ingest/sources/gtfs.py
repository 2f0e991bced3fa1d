"""GTFS feed reader (zip or folder): stops, routes, trips, stop_times, calendar, calendar_dates.

Every row is validated against the GTFS reference (required fields, types, references between
files); invalid rows are rejected and reported, and real-world defects that do not make a row
unusable are kept and reported as warnings:

- trips of the same ``block_id`` that overlap in time on a day both run (one warning per pair,
  on the later trip's row of ``trips.txt``);
- ``shape_dist_traveled`` that does not increase along a trip (one warning per trip, on the
  first offending row of ``stop_times.txt``);
- stop times that go back in time along a trip; a parent station that does not exist.

Times are kept as written and converted to seconds after midnight of the service day
(``arrival_s``, ``departure_s``); they may exceed 24:00:00 (``25:10:00`` = 90 600 s).

The archive is read within the limits of :mod:`.archive` (size, member count, compression
ratio); a damaged, encrypted or oversized archive, a missing file or a missing required column
is refused with :class:`~.report.SourceError`.

What counts as a departure of a service date is a formula of :mod:`analysis.transit`; the
import counts departures per stop and hour through the function the layer above gives it
(:func:`jobs.transit.hourly_departures`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from . import archive
from .report import ImportReport, SourceError
from .tabular import FieldSpec, read_csv_text, validate_table

PathLike = Union[str, Path]

_TIME_RE = re.compile(r"^(\d{1,3}):([0-5]\d):([0-5]\d)$")
TIME_EXPECTED = noop("a time H:MM:SS or HH:MM:SS (may exceed 24:00:00)")

AGENCY_FIELDS = [FieldSpec("agency_id"), FieldSpec("agency_name", required=True),
                 FieldSpec("agency_url", required=True),
                 FieldSpec("agency_timezone", required=True)]
STOP_FIELDS = [
    FieldSpec("stop_id", required=True), FieldSpec("stop_code"), FieldSpec("stop_name"),
    FieldSpec("stop_lat", "number", minimum=-90, maximum=90),
    FieldSpec("stop_lon", "number", minimum=-180, maximum=180),
    FieldSpec("location_type", "integer", minimum=0, maximum=4),
    FieldSpec("parent_station"),
]
ROUTE_FIELDS = [
    FieldSpec("route_id", required=True), FieldSpec("agency_id"),
    FieldSpec("route_short_name"), FieldSpec("route_long_name"),
    FieldSpec("route_type", "integer", required=True, minimum=0, maximum=1702),
]
TRIP_FIELDS = [
    FieldSpec("route_id", required=True), FieldSpec("service_id", required=True),
    FieldSpec("trip_id", required=True), FieldSpec("trip_headsign"),
    FieldSpec("direction_id", "integer", minimum=0, maximum=1), FieldSpec("block_id"),
    FieldSpec("shape_id"),
]
STOP_TIME_FIELDS = [
    FieldSpec("trip_id", required=True), FieldSpec("arrival_time"),
    FieldSpec("departure_time"), FieldSpec("stop_id", required=True),
    FieldSpec("stop_sequence", "integer", required=True, minimum=0),
    FieldSpec("pickup_type", "integer", minimum=0, maximum=3),
    FieldSpec("drop_off_type", "integer", minimum=0, maximum=3),
    FieldSpec("shape_dist_traveled", "number", minimum=0),
]
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_FIELDS = (
    [FieldSpec("service_id", required=True)]
    + [FieldSpec(d, "integer", required=True, minimum=0, maximum=1) for d in _DAYS]
    + [FieldSpec("start_date", "date", required=True, date_format="%Y%m%d"),
       FieldSpec("end_date", "date", required=True, date_format="%Y%m%d")])
CALENDAR_DATE_FIELDS = [
    FieldSpec("service_id", required=True),
    FieldSpec("date", "date", required=True, date_format="%Y%m%d"),
    FieldSpec("exception_type", "integer", required=True, minimum=1, maximum=2),
]


@dataclass
class GtfsFeed:
    """Validated GTFS tables (only valid rows) and the import report.

    Columns are those of the files (typed: numbers float, integers nullable ``Int64``, dates
    ``datetime64``) plus ``source_row``; ``stop_times`` adds ``arrival_s`` and ``departure_s``
    (float seconds after midnight of the service day, NaN when empty).
    """

    agency: pd.DataFrame
    stops: pd.DataFrame
    routes: pd.DataFrame
    trips: pd.DataFrame
    stop_times: pd.DataFrame
    calendar: pd.DataFrame
    calendar_dates: pd.DataFrame
    report: ImportReport


def parse_gtfs_times(values: pd.Series) -> tuple:
    """(seconds as float array with NaN for empty, array of error texts or None)."""
    codes, uniques = pd.factorize(values.fillna(""), sort=False)
    secs = np.full(len(uniques), np.nan)
    errs = np.full(len(uniques), None, dtype=object)
    expected = tr(TIME_EXPECTED)
    for i, text in enumerate(uniques):
        text = str(text).strip()
        if not text:
            continue
        m = _TIME_RE.match(text)
        if m:
            secs[i] = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        else:
            errs[i] = expected
    return secs.take(codes), errs.take(codes)


def _read_members(path: PathLike) -> Dict[str, bytes]:
    """File name → bytes of the .txt files of a zip (any folder level) or a directory."""
    path = Path(path)
    if not path.exists():
        raise SourceError(tr("{file}: file not found").format(file=path))
    if not path.is_dir():
        return archive.read_members(path, lambda name: name.endswith(".txt"))
    members = sorted(path.glob("*.txt"))
    total = sum(m.stat().st_size for m in members)
    if total > archive.MAX_EXPANDED_BYTES:
        raise SourceError(tr("{file}: {size} MB of text, more than the {limit} MB accepted").format(
            file=path.name, size=total // 2 ** 20, limit=archive.MAX_EXPANDED_BYTES // 2 ** 20))
    return {m.name: m.read_bytes() for m in members}


def read_gtfs(path: PathLike, *, check_blocks: bool = True,
              encoding: Optional[str] = None) -> GtfsFeed:
    """Read and validate a GTFS feed (zip file or unpacked folder).

    Raises :class:`SourceError` when a required file is missing (stops, routes, trips,
    stop_times, and
    calendar or calendar_dates). Row rejections, in dependency order: a trip whose route or
    service is unknown, a stop time whose trip or stop is unknown (or was rejected), a
    duplicate ``(trip_id, stop_sequence)``, a departure before the arrival.
    """
    report = ImportReport(str(path))
    texts = _read_members(path)
    missing = [f for f in ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
               if f not in texts]
    if "calendar.txt" not in texts and "calendar_dates.txt" not in texts:
        missing.append(tr("calendar.txt or calendar_dates.txt"))
    if missing:
        raise SourceError(tr("{file}: not a GTFS feed, missing {files}").format(
            file=Path(path).name, files=", ".join(missing)))

    def table(name, specs, key=None):
        if name not in texts:
            empty = pd.DataFrame({s.name: pd.Series(dtype=object) for s in specs})
            empty.insert(0, "source_row", pd.Series(dtype="int64"))
            return empty, np.ones(0, dtype=bool)
        raw = read_csv_text(None, report, data=texts[name], name=name, encoding=encoding)
        return validate_table(raw, specs, name, report, primary_key=key, warn_extra=False)

    agency, ok = table("agency.txt", AGENCY_FIELDS)
    agency = _keep(agency, ok, report)
    stops = _stops(*table("stops.txt", STOP_FIELDS, ["stop_id"]), report)
    routes = _keep(*table("routes.txt", ROUTE_FIELDS, ["route_id"]), report)
    calendar, ok = table("calendar.txt", CALENDAR_FIELDS, ["service_id"])
    bad = (calendar["end_date"] < calendar["start_date"]).to_numpy() & ok
    for i in np.flatnonzero(bad):
        report.reject("calendar.txt", calendar["source_row"].iat[i], "end_date",
                      calendar["end_date"].iat[i].strftime("%Y%m%d"),
                      tr("an end_date on or after start_date"))
    calendar = _keep(calendar, ok & ~bad, report)
    calendar_dates = _keep(*table("calendar_dates.txt", CALENDAR_DATE_FIELDS,
                                  ["service_id", "date"]), report)
    services = set(calendar["service_id"]) | set(calendar_dates["service_id"])
    trips, ok = table("trips.txt", TRIP_FIELDS, ["trip_id"])
    ok &= _reference(trips, ok, "route_id", set(routes["route_id"]), "trips.txt",
                     tr("a route_id of routes.txt"), report)
    ok &= _reference(trips, ok, "service_id", services, "trips.txt",
                     tr("a service_id of calendar.txt or calendar_dates.txt"), report)
    trips = _keep(trips, ok, report)
    stop_times = _stop_times(*table("stop_times.txt", STOP_TIME_FIELDS,
                                    ["trip_id", "stop_sequence"]),
                             set(trips["trip_id"]), set(stops["stop_id"]), report)
    if check_blocks:
        _check_blocks(trips, stop_times, calendar, calendar_dates, report)
    report.rejected.sort(key=lambda r: (r.file, r.row))
    report.warnings.sort(key=lambda r: (r.file, r.row))
    return GtfsFeed(agency, stops, routes, trips, stop_times, calendar, calendar_dates, report)


def _keep(frame, ok, report):
    report.rows_accepted += int(ok.sum())
    return frame.loc[ok].reset_index(drop=True)


def _reference(frame, ok, column, known, file, expected, report) -> np.ndarray:
    bad = ~frame[column].isin(known).to_numpy() & ok & frame[column].notna().to_numpy()
    for i in np.flatnonzero(bad):
        report.reject(file, frame["source_row"].iat[i], column, frame[column].iat[i], expected)
    return ~bad


def _stops(stops, ok, report):
    loc = stops["location_type"].fillna(0).astype(int).to_numpy()
    unplaced = np.zeros(len(stops), dtype=bool)
    for coord in ("stop_lat", "stop_lon"):
        need = (loc <= 2) & (stops[coord].isna().to_numpy()) & ok
        for i in np.flatnonzero(need):
            report.reject("stops.txt", stops["source_row"].iat[i], coord, "",
                          tr("a coordinate (required for stops, stations and entrances)"))
        unplaced |= need
    ok = ok & ~unplaced
    stops = stops.loc[ok].reset_index(drop=True)
    stops["location_type"] = stops["location_type"].fillna(0).astype(int)
    known = set(stops["stop_id"])
    orphan = stops["parent_station"].notna() & ~stops["parent_station"].isin(known)
    for i in np.flatnonzero(orphan.to_numpy()):
        report.warn("stops.txt", stops["source_row"].iat[i], "parent_station",
                    stops["parent_station"].iat[i], tr("a stop_id of stops.txt (parent ignored)"))
    stops.loc[orphan, "parent_station"] = None
    report.rows_accepted += len(stops)
    return stops


def _stop_times(st, ok, trips, stops, report):
    f = "stop_times.txt"
    rows = st["source_row"].to_numpy()
    bad_time = np.zeros(len(st), dtype=bool)
    for col in ("arrival_time", "departure_time"):
        secs, errs = parse_gtfs_times(st[col])
        st[col.replace("_time", "_s")] = secs
        bad = (errs != None) & ok  # noqa: E711
        for i in np.flatnonzero(bad):
            report.reject(f, rows[i], col, st[col].iat[i], tr(TIME_EXPECTED))
        bad_time |= bad
    ok = ok & ~bad_time
    arr, dep = st["arrival_s"].to_numpy(), st["departure_s"].to_numpy()
    one = np.isnan(arr) ^ np.isnan(dep)
    for i in np.flatnonzero(one & ok):
        col = "arrival_time" if np.isnan(arr[i]) else "departure_time"
        report.warn(f, rows[i], col, "",
                    tr("both arrival and departure times (the other is used)"))
    st["arrival_s"] = np.where(np.isnan(arr), dep, arr)
    st["departure_s"] = np.where(np.isnan(dep), arr, dep)
    early = (st["departure_s"] < st["arrival_s"]).to_numpy() & ok
    for i in np.flatnonzero(early):
        report.reject(f, rows[i], "departure_time", st["departure_time"].iat[i],
                      tr("a departure at or after the arrival ({arrival})").format(
                          arrival=st["arrival_time"].iat[i]))
    ok &= ~early
    ok &= _reference(st, ok, "trip_id", trips, f, tr("a valid trip_id of trips.txt"), report)
    ok &= _reference(st, ok, "stop_id", stops, f, tr("a valid stop_id of stops.txt"), report)
    st = st.loc[ok].sort_values(["trip_id", "stop_sequence"], kind="stable")
    same_trip = (st["trip_id"] == st["trip_id"].shift()).to_numpy()
    back = same_trip & (st["arrival_s"].to_numpy() < st["departure_s"].shift().to_numpy())
    for i in np.flatnonzero(back):
        report.warn(f, st["source_row"].iat[i], "arrival_time", st["arrival_time"].iat[i],
                    tr("a time not before the previous stop's departure"))
    if "shape_dist_traveled" in st.columns:
        dist = st["shape_dist_traveled"].to_numpy(dtype=float)
        prev = np.r_[np.nan, dist[:-1]]
        nonincr = same_trip & ~np.isnan(dist) & ~np.isnan(prev) & (dist <= prev)
        flagged = pd.DataFrame({"trip": st["trip_id"].to_numpy()[nonincr],
                                "row": st["source_row"].to_numpy()[nonincr],
                                "value": dist[nonincr], "prev": prev[nonincr]})
        for trip, g in flagged.groupby("trip", sort=False):
            first = g.iloc[0]
            report.warn(f, first["row"], "shape_dist_traveled", f"{first['value']:g}",
                        tr("a distance greater than the previous stop's ({previous}) along "
                           "trip {trip} ({n} such stop(s))").format(
                               previous=f"{first['prev']:g}", trip=trip, n=len(g)))
    st = st.reset_index(drop=True)
    report.rows_accepted += len(st)
    return st


#: Calendar rows are expanded into dates over at most this many days from their start (feeds
#: written "valid until 2099" would otherwise expand into decades of dates); service on any
#: later date is still computed by :func:`departures`.
EXPANSION_DAYS = 731


def service_dates(calendar: pd.DataFrame, calendar_dates: pd.DataFrame,
                  max_days: int = EXPANSION_DAYS) -> pd.DataFrame:
    """Every (service_id, date) on which a service runs: calendar weekdays between start and end
    dates (at most ``max_days`` days from the start), plus ``exception_type`` 1, minus
    ``exception_type`` 2."""
    parts = []
    span = pd.Timedelta(days=max_days - 1)
    for row in calendar.itertuples(index=False):
        end = min(pd.Timestamp(row.end_date), pd.Timestamp(row.start_date) + span)
        days = pd.date_range(row.start_date, end, freq="D")
        flags = np.array([int(getattr(row, d)) for d in _DAYS], dtype=bool)
        days = days[flags[days.dayofweek]]
        parts.append(pd.DataFrame({"service_id": row.service_id, "date": days}))
    base = (pd.concat(parts, ignore_index=True) if parts
            else pd.DataFrame({"service_id": pd.Series(dtype=object),
                               "date": pd.Series(dtype="datetime64[ns]")}))
    if len(calendar_dates):
        exc = calendar_dates[["service_id", "date", "exception_type"]]
        added = exc[exc["exception_type"] == 1][["service_id", "date"]]
        removed = exc[exc["exception_type"] == 2][["service_id", "date"]]
        base = pd.concat([base, added], ignore_index=True).drop_duplicates()
        base = base.merge(removed.assign(_rm=True), on=["service_id", "date"], how="left")
        base = base[base["_rm"].isna()].drop(columns="_rm")
    return base.sort_values(["service_id", "date"]).reset_index(drop=True)


def calendar_span(feed: GtfsFeed) -> tuple:
    """First and last date of the feed's calendar and calendar exceptions."""
    dates = []
    for frame, cols in ((feed.calendar, ("start_date", "end_date")),
                        (feed.calendar_dates, ("date",))):
        for col in cols:
            if len(frame):
                values = pd.to_datetime(frame[col])
                dates += [values.min(), values.max()]
    dates = [d for d in dates if not pd.isna(d)]
    if not dates:
        raise SourceError(tr("the feed's calendar has no service date"))
    return min(dates).date(), max(dates).date()


def _check_blocks(trips, stop_times, calendar, calendar_dates, report) -> None:
    """Warn about trips of one block that overlap in time on a day both run."""
    blocked = trips[trips["block_id"].notna()]
    if blocked.empty or stop_times.empty:
        return
    span = stop_times.groupby("trip_id").agg(first=("departure_s", "min"),
                                             last=("arrival_s", "max"))
    t = blocked[["trip_id", "block_id", "service_id", "source_row"]].join(span, on="trip_id")
    t = t.dropna(subset=["first", "last"])
    dates = service_dates(calendar, calendar_dates, max_days=EXPANSION_DAYS)
    on_day = t.merge(dates, on="service_id")
    on_day = on_day.sort_values(["block_id", "date", "first", "trip_id"])
    seen = set()
    for (_block, day), g in on_day.groupby(["block_id", "date"], sort=False):
        if len(g) < 2:
            continue
        firsts, lasts = g["first"].to_numpy(), g["last"].to_numpy()
        ids, rows = g["trip_id"].to_numpy(), g["source_row"].to_numpy()
        running_end, running_id = lasts[0], ids[0]
        for i in range(1, len(g)):
            if firsts[i] < running_end and (running_id, ids[i]) not in seen:
                seen.add((running_id, ids[i]))
                report.warn("trips.txt", rows[i], "block_id", g["block_id"].iat[i],
                            tr("trips of one block that do not overlap in time: trip "
                               "{trip} starts before trip {previous} ends (first on "
                               "{day})").format(trip=ids[i], previous=running_id,
                                                day=f"{day:%Y-%m-%d}"))
            if lasts[i] > running_end:
                running_end, running_id = lasts[i], ids[i]


def feed_summary(feed: GtfsFeed) -> Dict[str, Optional[int]]:
    """Row counts of the main tables (for the import algorithm's log)."""
    return {"stops": len(feed.stops), "routes": len(feed.routes), "trips": len(feed.trips),
            "stop_times": len(feed.stop_times), "calendar": len(feed.calendar),
            "calendar_dates": len(feed.calendar_dates)}
