"""Event uplift, exact for each baseline choice on a hand-built daily series."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.events import (
    Baseline,
    baseline_dates,
    event_dates,
    event_uplift,
    to_daily,
)

VALUES = {
    # the event: Christmas market, Friday 15 - Sunday 17 December 2023 (mean 400)
    "2023-12-15": 300, "2023-12-16": 600, "2023-12-17": 300,
    # one and two weeks before; Sunday 10 December has no data (a gap, not 0)
    "2023-12-08": 200, "2023-12-09": 400, "2023-12-10": np.nan,
    "2023-12-01": 200, "2023-12-02": 400, "2023-12-03": 100,
    # ISO 2022-W50 Friday-Sunday (16-18 December 2022): mean 1000 / 3
    "2022-12-16": 250, "2022-12-17": 500, "2022-12-18": 250,
    # neutral week Monday 6 - Sunday 12 November 2023
    "2023-11-06": 150, "2023-11-07": 150, "2023-11-08": 150, "2023-11-09": 150,
    "2023-11-10": 150, "2023-11-11": 350, "2023-11-12": 100,
}


@pytest.fixture
def daily():
    d = pd.DataFrame({"series_id": "c1", "date": pd.to_datetime(list(VALUES)),
                      "value": list(VALUES.values())})
    other = d.assign(series_id="g1", value=d["value"] * 2)  # a counter of another centrality
    return pd.concat([d, other], ignore_index=True)


XMAS = pd.DataFrame({"event_id": ["xmas"], "name": ["Marché de Noël"],
                     "start": [pd.Timestamp("2023-12-15 10:00")],
                     "end": [pd.Timestamp("2023-12-17 20:00")], "centrality": ["centre"]})
CENTRALITY = {"c1": "centre", "g1": "gare"}


def _one(daily, baseline, events=XMAS):
    out = event_uplift(daily, events, baseline, series_centrality=CENTRALITY)
    out = out[out.event_id == "xmas"]
    assert list(out.series_id) == ["c1"]  # only the counters of the event's centrality
    return out.iloc[0]


def test_previous_weeks_baseline_with_a_gap(daily):
    r = _one(daily, Baseline.previous_weeks(2))
    assert r.event_mean == 400 and r.event_coverage == 1
    # 8, 9, 10 and 1, 2, 3 December; the 10th has no data: (200+400+200+400+100) / 5
    assert (r.baseline_days, r.baseline_days_with_data) == (6, 5)
    assert r.baseline_mean == pytest.approx(260)
    assert r.uplift == pytest.approx((400 - 260) / 260)
    assert r.baseline_coverage == pytest.approx(5 / 6)
    assert "baseline has gaps: 5 of 6 days" in r.warning


def test_previous_year_baseline_iso_matched(daily):
    r = _one(daily, Baseline.previous_year())
    assert r.baseline_mean == pytest.approx(1000 / 3)
    assert r.uplift == pytest.approx(400 / (1000 / 3) - 1)  # +20 %
    assert r.uplift == pytest.approx(0.2)
    assert r.warning == ""


def test_neutral_period_baseline(daily):
    r = _one(daily, Baseline.neutral("2023-11-06", "2023-11-12"))
    assert r.baseline_days == 7
    assert r.baseline_mean == pytest.approx(1200 / 7)
    assert r.uplift == pytest.approx(400 / (1200 / 7) - 1)
    same = _one(daily, Baseline.neutral("2023-11-06", "2023-11-12", same_weekdays=True))
    assert same.baseline_days == 3  # Friday, Saturday, Sunday: (150 + 350 + 100) / 3 = 200
    assert same.baseline_mean == 200 and same.uplift == pytest.approx(1.0)


def test_other_events_are_excluded_from_the_baseline(daily):
    braderie = pd.DataFrame({"event_id": ["braderie"], "name": ["Braderie"],
                             "start": [pd.Timestamp("2023-12-09")],
                             "end": [pd.Timestamp("2023-12-09")], "centrality": ["centre"]})
    events = pd.concat([XMAS, braderie], ignore_index=True)
    r = _one(daily, Baseline.previous_weeks(2), events)
    # Saturday 9 December is the braderie: baseline = 8, 10 (gap), 1, 2, 3 December
    assert r.baseline_days_excluded == 1 and r.baseline_days == 5
    assert r.baseline_mean == pytest.approx((200 + 200 + 400 + 100) / 4)
    assert r.uplift == pytest.approx(400 / 225 - 1)
    kept = event_uplift(daily, events, Baseline.previous_weeks(2),
                        series_centrality=CENTRALITY, exclude_other_events=False)
    assert kept[kept.event_id == "xmas"].iloc[0].baseline_mean == pytest.approx(260)


def test_per_centrality_and_without_centrality_filter(daily):
    everyone = event_uplift(daily, XMAS.drop(columns="centrality"), Baseline.previous_year())
    assert sorted(everyone.series_id) == ["c1", "g1"]
    # the g1 series is twice c1: same uplift
    assert everyone.set_index("series_id").uplift.to_dict() == pytest.approx(
        {"c1": 0.2, "g1": 0.2})


def test_missing_data_and_zero_baseline(daily):
    late = pd.DataFrame({"event_id": ["late"], "start": ["2024-02-01"], "end": ["2024-02-02"]})
    r = event_uplift(daily[daily.series_id == "c1"], late, Baseline.previous_weeks(1)).iloc[0]
    assert np.isnan(r.uplift) and r.event_coverage == 0
    assert "no data during the event" in r.warning and "no baseline data" in r.warning
    zero = pd.DataFrame({"series_id": "z", "date": pd.to_datetime(["2024-01-01", "2024-01-08"]),
                         "value": [0.0, 10.0]})
    ev = pd.DataFrame({"event_id": ["e"], "start": ["2024-01-08"], "end": ["2024-01-08"]})
    r = event_uplift(zero, ev, Baseline.previous_weeks(1)).iloc[0]
    assert np.isnan(r.uplift) and "baseline mean is 0" in r.warning


def test_iso_week_53_has_no_match_in_a_52_week_year():
    # 2020 has an ISO week 53; 2019 does not: the baseline day is counted as missing
    days = event_dates("2020-12-31", "2020-12-31")  # Thursday of ISO 2020-W53
    assert baseline_dates(days, Baseline.previous_year()) == [None]
    assert baseline_dates(event_dates("2024-01-05", "2024-01-05"),
                          Baseline.previous_year()) == [pd.Timestamp("2023-01-06").date()]


def test_baseline_and_event_validation():
    with pytest.raises(ValueError, match="baseline mode"):
        Baseline("last_tuesday")
    with pytest.raises(ValueError, match="start and an end"):
        Baseline("neutral")
    with pytest.raises(ValueError, match="ends before"):
        Baseline.neutral("2023-02-01", "2023-01-01")
    with pytest.raises(ValueError, match="before it starts"):
        event_dates("2023-02-01", "2023-01-01")
    with pytest.raises(ValueError, match="missing end"):
        event_uplift(pd.DataFrame({"series_id": [], "date": [], "value": []}),
                     pd.DataFrame({"event_id": [], "start": []}), Baseline.previous_year())


def test_parking_occupancy_daily_series_and_uplift():
    # hourly occupancy rates 8:00-19:00 of one car park over three Saturdays; on 2 Dec the
    # 12:00 reading is missing, so that day has no daily value (11 of 12 readings)
    rows = []
    for day, rate in (("2023-11-25", 0.5), ("2023-12-02", 0.6), ("2023-12-09", 0.9)):
        for h in range(8, 20):
            if day == "2023-12-02" and h == 12:
                continue
            rows.append(("P1", pd.Timestamp(day) + pd.Timedelta(hours=h), rate))
    occ = pd.DataFrame(rows, columns=["parking_id", "timestamp_local", "occupancy_rate"])
    daily = to_daily(occ, key="parking_id", time="timestamp_local", value="occupancy_rate")
    assert daily["expected"].tolist() == [12, 12, 12]
    assert np.isnan(daily.value.iloc[1]) and daily.value.iloc[0] == pytest.approx(0.5)
    ev = pd.DataFrame({"event_id": ["braderie"], "start": ["2023-12-09"], "end": ["2023-12-09"]})
    r = event_uplift(daily, ev, Baseline.previous_weeks(2)).iloc[0]
    assert r.baseline_mean == pytest.approx(0.5) and r.uplift == pytest.approx(0.8)
    assert "baseline has gaps: 1 of 2" in r.warning
    peak = to_daily(occ, key="parking_id", time="timestamp_local", value="occupancy_rate",
                    how="max", min_share=0.9)
    assert peak.value.iloc[1] == pytest.approx(0.6)  # 11/12 readings >= 90 %
