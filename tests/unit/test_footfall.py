"""Footfall per centrality on a hand-built hourly fixture with gaps (every expected value below
is computed by hand in the comments)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.footfall import (
    footfall_by_centrality,
    infer_time_steps,
    period_means,
    year_on_year,
)


def _day(channel, day, per_hour, *, empty=(), missing=(), zero=()):
    """24 hourly rows of ``per_hour`` passages; ``empty`` hours have no data (NaN),
    ``missing`` hours have no row at all, ``zero`` hours count 0 passages."""
    rows = []
    for h in range(24):
        if h in missing:
            continue
        value = np.nan if h in empty else (0.0 if h in zero else float(per_hour))
        rows.append((channel, pd.Timestamp(day) + pd.Timedelta(hours=h), value))
    return rows


def _week(channel, monday, weekday, saturday, sunday, special=None):
    special = special or {}
    rows = []
    for i in range(7):
        day = pd.Timestamp(monday) + pd.Timedelta(days=i)
        per_hour = weekday if i < 5 else (saturday if i == 5 else sunday)
        rows += _day(channel, day, per_hour, **special.get(i, {}))
    return rows


def _frame(rows):
    f = pd.DataFrame(rows, columns=["channel_id", "start_local", "count"])
    f["duration_s"] = 3600.0
    return f


@pytest.fixture(scope="module")
def measures():
    rows = []
    # centrality "gare", channel D, ISO 2023-W01 (2 Jan - 8 Jan): 10/h on weekdays (240 a
    # day), 20/h on Saturday (480), 5/h on Sunday (120)
    rows += _week("D", "2023-01-02", 10, 20, 5)
    # 2023-W02: same, but Wednesday 11 Jan has an empty count at 12:00, Thursday 12 Jan has no
    # row at 05:00 (both days incomplete) and Friday 13 Jan counts 0 at 03:00 (complete, 230)
    rows += _week("D", "2023-01-09", 10, 20, 5, special={
        2: {"empty": (12,)}, 3: {"missing": (5,)}, 4: {"zero": (3,)}})
    # 2024-W01 (1-7 Jan) and 2024-W02 (8-14 Jan): 11/h weekdays (264), 22 Sat (528), 6 Sun (144)
    rows += _week("D", "2024-01-01", 11, 22, 6)
    rows += _week("D", "2024-01-08", 11, 22, 6)
    # centrality "centre": site S1 = channels A (5/h) + B (3/h), site S2 = channel C (2/h),
    # on Monday 2 and Tuesday 3 Jan 2023; C has no data at 00:00 on Tuesday
    for ch, n in (("A", 5), ("B", 3), ("C", 2)):
        rows += _day(ch, "2023-01-02", n)
        rows += _day(ch, "2023-01-03", n, empty=(0,) if ch == "C" else ())
    return _frame(rows)


ASSIGNMENT = pd.DataFrame({"channel_id": ["D", "A", "B", "C"],
                           "centrality": ["gare", "centre", "centre", "centre"],
                           "site_id": ["SD", "S1", "S1", "S2"]})


@pytest.fixture(scope="module")
def result(measures):
    return footfall_by_centrality(measures, ASSIGNMENT)


def _period(result, centrality, kind, label):
    p = result.periods
    row = p[(p.centrality == centrality) & (p.period_kind == kind) & (p.period == label)]
    assert len(row) == 1, (centrality, kind, label)
    return row.iloc[0]


def test_channel_days_complete_only_when_every_step_has_data(result):
    cd = result.channel_days.set_index(["channel_id", "date"])
    assert cd.loc[("D", pd.Timestamp("2023-01-11")), "complete"] == False  # noqa: E712  empty
    assert cd.loc[("D", pd.Timestamp("2023-01-11")), "steps_with_data"] == 23
    assert cd.loc[("D", pd.Timestamp("2023-01-12")), "steps_with_data"] == 23  # missing row
    assert np.isnan(cd.loc[("D", pd.Timestamp("2023-01-12")), "footfall"])
    assert cd.loc[("D", pd.Timestamp("2023-01-13")), "footfall"] == 230  # 23 x 10 + one 0
    assert cd.loc[("D", pd.Timestamp("2023-06-01")), "steps_with_data"] == 0  # a gap, not 0
    assert np.isnan(cd.loc[("D", pd.Timestamp("2023-06-01")), "footfall"])
    assert cd.loc[("D", pd.Timestamp("2023-01-02")), "steps_expected"] == 24


def test_month_means_and_coverage_are_exact(result):
    m = _period(result, "gare", "month", "2023-01")
    # window starts on 2 Jan: 30 expected days; complete: 7 (W01) + Mon, Tue, Fri, Sat, Sun
    assert m.days_expected == 30
    assert m.days_complete == 12
    assert m.coverage == pytest.approx(12 / 30)
    # (1800 + 240 + 240 + 230 + 480 + 120) / 12
    assert m.mean_daily == pytest.approx(3110 / 12)
    assert m.weekday_mean == pytest.approx((5 * 240 + 240 + 240 + 230) / 8)
    assert (m.saturday_mean, m.sunday_mean) == (480, 120)
    assert (m.weekday_days, m.saturday_days, m.sunday_days) == (8, 2, 2)


def test_week_year_and_day_periods(result):
    w = _period(result, "gare", "week", "2023-W02")
    assert (w.days_expected, w.days_complete) == (7, 5)
    assert w.mean_daily == pytest.approx(1310 / 5)
    y23 = _period(result, "gare", "year", "2023")
    assert (y23.days_expected, y23.days_complete) == (364, 12)  # 2 Jan - 31 Dec 2023
    y24 = _period(result, "gare", "year", "2024")
    assert (y24.days_expected, y24.days_complete, y24.coverage) == (14, 14, 1.0)
    assert y24.mean_daily == pytest.approx(2 * (5 * 264 + 528 + 144) / 14)
    assert (y24.weekday_mean, y24.saturday_mean, y24.sunday_mean) == (264, 528, 144)
    d = _period(result, "gare", "day", "2023-01-11")
    assert d.days_complete == 0 and np.isnan(d.mean_daily) and d.coverage == 0


def test_year_on_year_uses_only_weeks_complete_in_both_years(result):
    yoy = result.yoy[result.yoy.centrality == "gare"]
    assert list(yoy.iso_year) == [2024]
    r = yoy.iloc[0]
    # 2023-W02 is incomplete, so only W01 is matched: 1992 (2024) vs 1800 (2023)
    assert (r.ref_year, r.weeks_matched, r.weeks_complete) == (2023, 1, 2)
    assert r.change == pytest.approx(1992 / 1800 - 1)
    assert r.mean_daily == pytest.approx(1992 / 7)
    assert r.ref_mean_daily == pytest.approx(1800 / 7)
    weekly = year_on_year(result.centrality_days, by="week")
    weekly = weekly[weekly.centrality == "gare"]
    assert list(weekly.iso_week) == [1]
    assert weekly.iloc[0].change == pytest.approx(0.10666666666)


def test_centrality_is_mean_of_site_totals_and_needs_all_sites(result, measures):
    cd = result.centrality_days.set_index(["centrality", "date"])
    # S1 = (5 + 3) x 24 = 192, S2 = 2 x 24 = 48: mean 120 passages per site
    assert cd.loc[("centre", pd.Timestamp("2023-01-02")), "footfall"] == 120
    assert cd.loc[("centre", pd.Timestamp("2023-01-02")), "sites_total"] == 2
    tue = cd.loc[("centre", pd.Timestamp("2023-01-03"))]
    assert np.isnan(tue.footfall) and tue.sites_complete == 1
    relaxed = footfall_by_centrality(measures, ASSIGNMENT, min_site_share=0.5)
    cd2 = relaxed.centrality_days.set_index(["centrality", "date"])
    assert cd2.loc[("centre", pd.Timestamp("2023-01-03")), "footfall"] == 192


def test_hourly_profile_over_complete_days(result):
    h = result.hourly
    wd = h[(h.centrality == "gare") & (h.period_kind == "all") & (h.day_type == "weekday")]
    wd = wd.set_index("hour")
    assert (wd["days"] == 18).all()  # 8 complete weekdays in 2023 + 10 in 2024
    assert wd.loc[3, "mean_count"] == pytest.approx((7 * 10 + 0 + 10 * 11) / 18)
    assert wd.loc[4, "mean_count"] == pytest.approx((8 * 10 + 10 * 11) / 18)
    assert wd["share"].sum() == pytest.approx(1.0)
    sun = h[(h.centrality == "gare") & (h.period_kind == "year") & (h.period == "2024")
            & (h.day_type == "sunday")]
    assert sun["mean_count"].tolist() == [6.0] * 24


def test_no_hourly_profile_for_daily_counts():
    rows = [("X", pd.Timestamp("2022-01-03") + pd.Timedelta(days=i), 100.0 + i)
            for i in range(14)]
    f = pd.DataFrame(rows, columns=["channel_id", "start_local", "count"])
    f["duration_s"] = 86400.0
    res = footfall_by_centrality(f, {"X": "c"})
    assert res.hourly.empty
    assert any("hourly profile not computed" in n for n in res.notes)
    m = res.periods[(res.periods.period_kind == "all")].iloc[0]
    assert m.mean_daily == pytest.approx(np.mean([100.0 + i for i in range(14)]))


def test_dst_days_expect_23_and_25_hourly_steps():
    spring = [("X", pd.Timestamp("2022-03-27") + pd.Timedelta(hours=h), 1.0)
              for h in range(24) if h != 2]  # 02:00 does not exist
    autumn = [("X", pd.Timestamp("2022-10-30") + pd.Timedelta(hours=h), 1.0) for h in range(24)]
    autumn.append(("X", pd.Timestamp("2022-10-30 02:00"), 1.0))  # 02:00 happens twice
    short_autumn = [("X", pd.Timestamp("2022-10-30") + pd.Timedelta(hours=h), 1.0)
                    for h in range(24)]
    for rows, expected, complete in ((spring, 23, True), (autumn, 25, True),
                                     (short_autumn, 25, False)):
        f = pd.DataFrame(rows, columns=["channel_id", "start_local", "count"])
        res = footfall_by_centrality(f, {"X": "c"}, time_steps={"X": 3600})
        day = res.channel_days.iloc[0]
        assert day.steps_expected == expected
        assert bool(day.complete) is complete


def _profile_week(channel, weekday_hours, saturday_factor, sunday_factor):
    rows = []
    for i in range(7):
        factor = 1.0 if i < 5 else (saturday_factor if i == 5 else sunday_factor)
        day = pd.Timestamp("2023-03-06") + pd.Timedelta(days=i)
        for h in range(24):
            rows.append((channel, day + pd.Timedelta(hours=h), weekday_hours[h] * factor))
    return rows


def test_street_profile_classes():
    base = np.full(24, 10.0)
    commuter = base.copy()
    commuter[[7, 8, 17, 18]] = 100  # morning share (7-8) = 200 / 600 = 0.33
    shopping = np.full(24, 2.0)
    shopping[11:19] = 60  # share 11-18 = 480 / 512 = 0.94
    evening = np.full(24, 5.0)
    evening[[19, 20, 21, 22, 23, 0, 1]] = 50  # evening share = 350 / 435 = 0.80
    rows = (_profile_week("c", commuter, 0.5, 0.3) + _profile_week("s", shopping, 1.5, 0.2)
            + _profile_week("e", evening, 1.0, 0.5) + _profile_week("t", shopping, 1.5, 1.2))
    f = pd.DataFrame(rows, columns=["channel_id", "start_local", "count"])
    res = footfall_by_centrality(f, {"c": "C", "s": "S", "e": "E", "t": "T"},
                                 time_steps=dict.fromkeys("cset", 3600))
    classes = res.profiles.set_index("centrality")["profile"].to_dict()
    assert classes == {"C": "commuter", "S": "shopping", "E": "evening_student",
                       "T": "tourist"}
    s = res.profiles.set_index("centrality").loc["S"]
    assert s.saturday_ratio == pytest.approx(1.5)
    assert s.shop_hours_share == pytest.approx(480 / 512)


def test_infer_time_step_prefers_the_most_frequent_duration():
    f = pd.DataFrame({"channel_id": ["a"] * 3 + ["b"] * 2,
                      "start_local": pd.to_datetime(["2022-03-26 00:00", "2022-03-27 00:00",
                                                     "2022-03-28 00:00", "2022-01-01 00:00",
                                                     "2022-01-01 00:15"]),
                      "count": 1.0, "duration_s": [86400, 82800, 86400, 900, 900]})
    assert infer_time_steps(f).to_dict() == {"a": 86400, "b": 900}


def test_failure_paths(measures):
    with pytest.raises(ValueError, match="period must be one of"):
        footfall_by_centrality(measures, ASSIGNMENT, periods=("fortnight",))
    with pytest.raises(ValueError, match="assigned to two centralities"):
        footfall_by_centrality(measures, pd.DataFrame({"channel_id": ["D", "D"],
                                                       "centrality": ["a", "b"]}))
    with pytest.raises(ValueError, match="no measure"):
        footfall_by_centrality(measures, {"nope": "x"})
    with pytest.raises(ValueError, match="missing: count"):
        footfall_by_centrality(measures.drop(columns="count"), ASSIGNMENT)
    weekly = measures.assign(duration_s=7 * 86400.0)
    with pytest.raises(ValueError, match="longer than one day"):
        footfall_by_centrality(weekly, ASSIGNMENT)


def test_period_means_on_any_daily_series_and_holidays():
    daily = pd.DataFrame({"centrality": "x",
                          "date": pd.date_range("2023-05-01", periods=7),  # Mon 1 May
                          "footfall": [50.0, 100, 100, 100, 100, 200, 40]})
    p = period_means(daily, ["all"], holidays=[dt.date(2023, 5, 1)]).iloc[0]
    assert p.weekday_mean == 100 and p.weekday_days == 4
    assert p.sunday_mean == 45 and p.sunday_days == 2  # the 1 May holiday counts as Sunday
