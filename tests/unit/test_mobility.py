"""Mobility formulas (analysis.mobility) and departures per hour of stored service counts
(analysis.transit with a count column), on tiny frames computed by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis import mobility
from observatoire_commerce.analysis.transit import (
    daily_departures,
    departures_per_hour,
    departures_per_period,
)


def parking(rows):
    return pd.DataFrame(rows, columns=["hour", "occupied", "capacity"])


def test_occupancy_rate_and_peak_hour():
    obs = parking([(9, 50, 100), (9, 30, 100),      # 9 h: 80 / 200 = 40 %
                   (12, 90, 100), (12, 70, 100),    # 12 h: 160 / 200 = 80 %
                   (18, 45, 50),                     # 18 h: 45 / 50 = 90 %, left out (hours)
                   (10, None, 100)])                 # no occupied count: left out
    got = mobility.occupancy(obs, hours=range(9, 18))
    # (50 + 30 + 90 + 70) / (4 × 100) = 240 / 400 = 60 %; peak 12 h at 80 %
    assert got == {"occupancy_rate": pytest.approx(60.0), "peak_hour": 12,
                   "peak_rate": pytest.approx(80.0)}
    # every hour: (240 + 45) / 450 = 63.33 %, peak 18 h at 90 %
    every = mobility.occupancy(obs)
    assert every["occupancy_rate"] == pytest.approx(100 * 285 / 450)
    assert (every["peak_hour"], every["peak_rate"]) == (18, pytest.approx(90.0))


def test_peak_hour_ties_take_the_earliest_and_empty_input_is_nan():
    obs = parking([(14, 20, 40), (10, 10, 20), (11, 5, 20)])  # 14 h and 10 h both 50 %
    assert mobility.occupancy(obs)["peak_hour"] == 10
    none = mobility.occupancy(parking([(9, None, 100)]))
    assert all(math.isnan(v) for v in none.values())
    zero = mobility.occupancy(parking([(9, 0, 0)]))  # no capacity: nothing to measure
    assert math.isnan(zero["occupancy_rate"])


def test_mean_of_daily_sums():
    frame = pd.DataFrame({"date": ["d1", "d1", "d2", "d3"], "payments": [10, 20, 6, None]})
    # d1: 10 + 20 = 30, d2: 6, d3 has no value (not a day with data): (30 + 6) / 2 = 18
    assert mobility.mean_of_daily_sums(frame, "payments") == pytest.approx(18.0)
    assert math.isnan(mobility.mean_of_daily_sums(frame.iloc[3:], "payments"))


def test_road_traffic_and_heavy_vehicle_share():
    traffic = pd.Series([10000.0, 30000.0, 5000.0])
    heavy = pd.Series([0.05, 0.10, None])
    # mean of the three points: 45000 / 3 = 15000 vehicles/day
    assert mobility.mean_daily_traffic(traffic) == pytest.approx(15000.0)
    # weighted by traffic over the points with a share: (500 + 3000) / 40000 = 8.75 %
    assert mobility.heavy_vehicle_share(traffic, heavy) == pytest.approx(8.75)
    assert math.isnan(mobility.heavy_vehicle_share(traffic, pd.Series([None] * 3)))


def test_carpool_trips_of_a_commune():
    trips = pd.DataFrame({
        "date": ["d1", "d1", "d1", "d2", "d2"],
        "origin_insee": ["86194", "86041", "86194", "86100", "86041"],
        "destination_insee": ["86041", "86194", "86194", "86041", "86100"],
        "trips": [4.0, 6.0, 2.0, 9.0, 1.0]})
    # 86194: d1 = 4 + 6 + 2 (a trip inside the commune counts once) = 12; d2: none -> 12
    assert mobility.carpool_trips_per_day(trips, "86194") == pytest.approx(12.0)
    # 86041: d1 = 4 + 6 = 10, d2 = 9 + 1 = 10 -> 10
    assert mobility.carpool_trips_per_day(trips, "86041") == pytest.approx(10.0)
    assert math.isnan(mobility.carpool_trips_per_day(trips, "75056"))


def test_departures_from_stored_counts_per_stop_and_hour():
    # departures per stop and hour as the socle stores them (transit_service), two zones
    svc = pd.DataFrame({"zone": ["a", "a", "a", "a", "b"],
                        "hour": [6, 8, 8, 18, 20],
                        "departures": [3, 4, 2, 6, 5]})
    per_hour = departures_per_hour(svc, by="zone", count="departures")
    assert per_hour.values.tolist() == [["a", 6, 3], ["a", 8, 6], ["a", 18, 6], ["b", 20, 5]]
    day = daily_departures(per_hour, by="zone").set_index("zone")
    # a: 3 + 6 + 6 = 15 in the day, peak 8 h (6 departures; 18 h ties, the earlier wins)
    assert day.loc["a"].tolist() == [15, 8, 6]
    assert day.loc["b"].tolist() == [5, 20, 5]
    span = departures_per_period(svc, by="zone", periods={"day": (7, 19)},
                                 count="departures").set_index("zone")
    # a: hours 7-18 hold 6 + 6 = 12 departures / 12 h = 1 per hour; b: none in 7-19
    assert span.loc["a", "per_hour"] == pytest.approx(1.0)
    assert span.loc["b", "departures"] == 0 and span.loc["b", "per_hour"] == 0.0
    # one row per departure gives the same as counted rows
    rows = svc.loc[svc.index.repeat(svc["departures"])].drop(columns="departures")
    assert departures_per_hour(rows, by="zone").values.tolist() == per_hour.values.tolist()
    assert np.array_equal(
        departures_per_period(rows, by="zone", periods={"day": (7, 19)})["departures"],
        span["departures"].to_numpy())
