"""GTFS reader: a tiny hand-written feed with defects, and the real Vitalis (Poitiers) feed."""

import csv
import io
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.transit import departures, departures_per_hour
from observatoire_commerce.ingest.sources.gtfs import parse_gtfs_times, read_gtfs, service_dates

TINY = Path(__file__).resolve().parents[1] / "data" / "flows" / "gtfs_tiny"
VITALIS = "gtfs/vitalis_poitiers_gtfs_2023-06.zip"


@pytest.fixture
def tiny_zip(tmp_path):
    """The tiny feed zipped inside a sub-folder, as some publishers do."""
    path = tmp_path / "tiny.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for member in TINY.glob("*.txt"):
            archive.write(member, f"feed/{member.name}")
    return path


def _by_file(report, file, kind="rejected"):
    return Counter(r.row for r in getattr(report, kind) if r.file == file)


def test_tiny_feed_rows_are_validated_and_defects_reported(tiny_zip):
    feed = read_gtfs(tiny_zip)
    r = feed.report
    assert sorted(feed.stops.stop_id) == ["S1", "S2", "S3", "S5", "ST"]
    assert _by_file(r, "stops.txt") == {6: 2}  # S4: stop_lat and stop_lon missing
    assert _by_file(r, "routes.txt") == {3: 1}  # route_type "bus"
    assert _by_file(r, "trips.txt") == {5: 1, 6: 1}  # unknown route R9, unknown service XX
    # 10: departure before arrival, 11: rejected trip T4, 12: rejected stop S4,
    # 13: "7h30" twice (arrival and departure), 14: duplicate (T1, 1)
    assert _by_file(r, "stop_times.txt") == {10: 1, 11: 1, 12: 1, 13: 2, 14: 1}
    reasons = {(x.file, x.row): x.reason for x in r.rejected}
    assert "may exceed 24:00:00" in reasons[("stop_times.txt", 13)]
    assert "already used at row 2" in reasons[("stop_times.txt", 14)]
    assert len(feed.stop_times) == 8
    warnings = {(w.file, w.row, w.field): w.reason for w in r.warnings}
    assert "starts before trip T1 ends" in warnings[("trips.txt", 3, "block_id")]
    assert "previous stop's (1000)" in warnings[("stop_times.txt", 4, "shape_dist_traveled")]
    assert "parent ignored" in warnings[("stops.txt", 7, "parent_station")]
    t3 = feed.stop_times[feed.stop_times.trip_id == "T3"]
    assert t3.departure_s.tolist() == [24 * 3600 + 50 * 60, 25 * 3600 + 10 * 60]


def test_service_dates_apply_exceptions(tiny_zip):
    feed = read_gtfs(tiny_zip)
    dates = service_dates(feed.calendar, feed.calendar_dates)
    wk = set(dates[dates.service_id == "WK"].date.dt.strftime("%m%d"))
    sa = set(dates[dates.service_id == "SA"].date.dt.strftime("%m%d"))
    assert "0714" not in wk and len(wk) == 19  # 4 weeks of 5 days, minus 14 July
    assert "0714" in sa and len(sa) == 6  # 5 Saturdays of July 2023 + 14 July


def test_missing_files_and_times(tmp_path):
    path = tmp_path / "broken.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stops.txt", "stop_id\n")
    with pytest.raises(ValueError, match="missing routes.txt, trips.txt, stop_times.txt"):
        read_gtfs(path)
    secs, errs = parse_gtfs_times(pd.Series(["7:05:00", "25:00:01", "", "7h"]))
    assert secs[:2].tolist() == [25500, 90001] and np.isnan(secs[2])
    assert errs.tolist()[:3] == [None, None, None] and errs[3]


def test_folder_feed_reads_like_a_zip(tmp_path):
    target = tmp_path / "feed"
    shutil.copytree(TINY, target)
    assert len(read_gtfs(target).stop_times) == 8


# --- the real Vitalis feed ---------------------------------------------------------------------

def _csv(archive, name):
    return list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8-sig")))


def _independent_departures(path, stop_id, day):
    """Departures per hour at ``stop_id`` on ``day`` (YYYYMMDD), straight from the text files:
    services from calendar + calendar_dates, every stop time of a running trip except the
    trip's last stop and except pickup_type 1."""
    import datetime as dt

    with zipfile.ZipFile(path) as archive:
        calendar = _csv(archive, "calendar.txt")
        exceptions = _csv(archive, "calendar_dates.txt")
        trips = _csv(archive, "trips.txt")
        stop_times = _csv(archive, "stop_times.txt")
    date = dt.datetime.strptime(day, "%Y%m%d").date()
    weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday"][date.weekday()]
    running = {c["service_id"] for c in calendar
               if c["start_date"] <= day <= c["end_date"] and c[weekday] == "1"}
    running |= {e["service_id"] for e in exceptions
                if e["date"] == day and e["exception_type"] == "1"}
    running -= {e["service_id"] for e in exceptions
                if e["date"] == day and e["exception_type"] == "2"}
    trip_ids = {t["trip_id"] for t in trips if t["service_id"] in running}
    by_trip = {}
    for st in stop_times:
        if st["trip_id"] in trip_ids:
            by_trip.setdefault(st["trip_id"], []).append(st)
    hours = Counter()
    for rows in by_trip.values():
        rows.sort(key=lambda s: int(s["stop_sequence"]))
        for st in rows[:-1]:
            if st["stop_id"] == stop_id and st["pickup_type"] != "1":
                hours[int(st["departure_time"].split(":")[0])] += 1
    return dict(hours)


@pytest.fixture(scope="module")
def vitalis(shared_data):
    return read_gtfs(shared_data / VITALIS)


def test_vitalis_imports_with_its_defects_reported(shared_data, vitalis):
    with zipfile.ZipFile(shared_data / VITALIS) as archive:
        stops = _csv(archive, "stops.txt")
        n_stop_times = len(_csv(archive, "stop_times.txt"))
    assert len(vitalis.stops) == len(stops) == 2607
    assert len(vitalis.stop_times) == n_stop_times
    assert vitalis.report.ok
    fields = Counter(w.field for w in vitalis.report.warnings)
    assert fields["block_id"] > 0  # overlapping block trips
    assert fields["shape_dist_traveled"] > 0  # non-increasing shape distances
    assert vitalis.stop_times.departure_s.max() >= 24 * 3600  # times beyond 24:00:00


@pytest.mark.parametrize("day", ["20230627", "20230714"])  # a Tuesday; Bastille Day exceptions
def test_vitalis_departures_per_hour_match_the_text_files(shared_data, vitalis, day):
    deps = departures(vitalis.stop_times, vitalis.trips, vitalis.calendar,
                      vitalis.calendar_dates, day, stops=vitalis.stops)
    busiest = deps.stop_id.value_counts().index[0]
    for stop_id in (busiest, "20187"):
        expected = _independent_departures(shared_data / VITALIS, stop_id, day)
        per_hour = departures_per_hour(deps)
        got = per_hour[per_hour.stop_id == stop_id].set_index("hour").departures.to_dict()
        assert got == expected and sum(expected.values()) > 0
