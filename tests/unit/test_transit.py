"""Departures per stop, per hour and per period on the tiny hand-written GTFS feed."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.transit import (
    active_services,
    departures,
    departures_per_hour,
    departures_per_period,
    service_days,
    service_frequency,
)
from observatoire_commerce.ingest.sources.gtfs import read_gtfs

TINY = Path(__file__).resolve().parents[1] / "data" / "flows" / "gtfs_tiny"


@pytest.fixture(scope="module")
def feed():
    return read_gtfs(TINY)


def _deps(feed, day, **kwargs):
    return departures(feed.stop_times, feed.trips, feed.calendar, feed.calendar_dates, day,
                      stops=feed.stops, **kwargs)


def test_active_services_with_calendar_exceptions(feed):
    assert active_services(feed.calendar, feed.calendar_dates, "2023-07-10") == {"WK"}
    assert active_services(feed.calendar, feed.calendar_dates, "2023-07-14") == {"SA"}
    assert active_services(feed.calendar, feed.calendar_dates, "2023-07-16") == set()
    assert service_days(feed.calendar, feed.calendar_dates) == (
        pd.Timestamp("2023-07-01").date(), pd.Timestamp("2023-07-29").date())


def test_departures_on_a_weekday(feed):
    deps = _deps(feed, "2023-07-10")
    # T1 leaves S1 at 07:00 and S2 at 07:11 (S3 is its last stop); T2 leaves S3 at 07:15,
    # does not pick up at S2 (pickup_type 1) and ends at S1
    assert sorted(zip(deps.stop_id, deps.departure_s)) == [
        ("S1", 25200.0), ("S2", 25860.0), ("S3", 26100.0)]
    per_hour = departures_per_hour(deps)
    assert per_hour.to_dict("list") == {"stop_id": ["S1", "S2", "S3"], "hour": [7, 7, 7],
                                        "departures": [1, 1, 1]}
    by_station = departures_per_hour(deps, by="station_id")
    assert by_station.set_index("station_id").departures.to_dict() == {"ST": 2, "S3": 1}


def test_departures_after_midnight_belong_to_the_service_day(feed):
    deps = _deps(feed, "2023-07-14")  # Bastille Day: the Saturday service runs
    assert deps[["stop_id", "hour", "trip_id"]].values.tolist() == [["S1", 24, "T3"]]


def test_periods_and_frequency(feed):
    deps = _deps(feed, "2023-07-10")
    periods = departures_per_period(deps, by="station_id")
    peak = periods[(periods.station_id == "ST") & (periods.period == "morning_peak")].iloc[0]
    assert (peak.departures, peak.per_hour, peak.headway_min) == (2, 1.0, 60.0)
    night = periods[(periods.station_id == "ST") & (periods.period == "night")].iloc[0]
    assert night.departures == 0 and np.isnan(night.headway_min)
    freq = service_frequency(deps, by="station_id").set_index("station_id")
    assert freq.loc["ST", "departures"] == 2 and freq.loc["ST", "routes"] == 1
    assert freq.loc["ST", "service_span_h"] == pytest.approx(11 / 60)
    assert freq.loc["ST", "peak_departures_per_hour"] == 1.0
    assert freq.loc["ST", "peak_headway_min"] == 60.0
    custom = departures_per_period(deps, periods={"am": (7, 8)})
    assert custom.departures.tolist() == [1, 1, 1]
    with pytest.raises(ValueError, match="end hour"):
        departures_per_period(deps, periods={"bad": (9, 7)})


def test_on_demand_pickups_can_be_left_out():
    trips = pd.DataFrame({"trip_id": ["a"], "route_id": ["r"], "service_id": ["s"]})
    cal = pd.DataFrame({"service_id": ["s"], "monday": [1], "tuesday": [1], "wednesday": [1],
                        "thursday": [1], "friday": [1], "saturday": [1], "sunday": [1],
                        "start_date": [pd.Timestamp("2024-01-01")],
                        "end_date": [pd.Timestamp("2024-12-31")]})
    st = pd.DataFrame({"trip_id": "a", "stop_id": ["x", "y", "z"], "stop_sequence": [1, 2, 3],
                       "departure_s": [3600.0, 7200.0, 10800.0], "pickup_type": [2, 0, 0]})
    assert len(departures(st, trips, cal, None, "2024-05-02")) == 2
    assert len(departures(st, trips, cal, None, "2024-05-02", include_on_demand=False)) == 1


def test_jobs_count_departures_and_frequency_by_period(feed):
    """The GTFS import counts with jobs.transit.hourly_departures (the rule above); the
    frequency table per period is jobs.transit.frequency_table: on 2023-07-10 S1, S2 and S3
    each have one departure in hour 7, so in the morning peak (7-9 h, 2 hours) each has
    1 departure, 0.5 per hour, a 120 min headway; in the evening no departure, no headway."""
    from observatoire_commerce.jobs.transit import frequency_table, hourly_departures

    per_hour = hourly_departures(feed, "2023-07-10")
    assert per_hour.to_dict("list") == {"stop_id": ["S1", "S2", "S3"], "hour": [7, 7, 7],
                                        "departures": [1, 1, 1], "routes": [1, 1, 1]}
    per_hour["stop_name"] = per_hour["stop_id"].str.lower()
    per_hour["service_date"], per_hour["day_kind"] = "2023-07-10", "date"
    table = frequency_table(per_hour)
    assert len(table) == 3 * 6   # three stops × six periods
    peak = table[(table.stop_id == "S2") & (table.period == "morning_peak")].iloc[0]
    assert (peak.service_date, peak.stop_name, peak.departures, peak.per_hour,
            peak.headway_min) == ("2023-07-10", "s2", 1, 0.5, 120.0)
    evening = table[(table.stop_id == "S2") & (table.period == "evening")].iloc[0]
    assert evening.departures == 0 and np.isnan(evening.headway_min)
    assert frequency_table(per_hour.iloc[0:0]).empty
