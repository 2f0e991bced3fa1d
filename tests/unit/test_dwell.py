"""Dwell time from parking sessions and from presence data, every figure computed by hand."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.dwell import (
    NAT,
    class_table,
    daily_dwell,
    dwell_summary,
)
from observatoire_commerce.analysis.presence import daily_presence, presence_dwell

# Car park P1 (10 spaces), P2 (0 spaces: unusable), P3 (no capacity given), Monday 4 and
# Tuesday 5 March 2024 (ISO week 2024-W10). Stays in minutes in the comments.
SESSIONS = [
    ("P1", "2024-03-04 08:00", "2024-03-04 08:20"),  # 0: 20, class < 30 min, hour 8
    ("P1", "2024-03-04 09:00", "2024-03-04 09:30"),  # 1: 30, exactly 30 -> 30 min-1 h
    ("P1", "2024-03-04 23:30", "2024-03-05 00:45"),  # 2: 75, crosses midnight -> 4 March
    ("P1", "2024-03-04 18:00", "2024-03-05 08:00"),  # 3: 840, overnight -> 4 March, long
    ("P1", "2024-03-04 10:00", "2024-03-04 14:00"),  # 4: 240, exactly 4 h -> >= 4 h, long
    ("P1", "2024-03-04 11:00", None),                # 5: no exit: open, left out
    ("P1", "2024-03-05 10:00", "2024-03-05 09:00"),  # 6: exit before entry: rejected
    ("P1", "2024-03-05 10:00", "2024-03-13 10:00"),  # 7: 8 days > 7: rejected
    ("P1", "2024-03-05 10:00", "2024-03-05 12:00"),  # 8: 120, exactly 2 h -> 2-4 h
    ("P1", "2024-03-05 10:30", "2024-03-05 11:15"),  # 9: 45 -> 30 min-1 h
    ("P2", "2024-03-05 14:00", "2024-03-05 15:00"),  # 10: 60 -> 1-2 h
    ("P3", "2024-03-04 12:00", "2024-03-04 12:10"),  # 11: 10
    (None, "2024-03-04 12:00", "2024-03-04 12:10"),  # 12: no car park: rejected
]
CAPACITIES = {"P1": 10, "P2": 0}


def sessions_frame(amounts=False) -> pd.DataFrame:
    f = pd.DataFrame(SESSIONS, columns=["key", "entry", "exit"])
    f["entry"] = pd.to_datetime(f["entry"])
    f["exit"] = pd.to_datetime(f["exit"])
    if amounts:
        f["amount"] = [1.0, 1.5, 2.0, 8.0, 4.0, np.nan, 9, 9, 3.0, np.nan, 2.0, 0.5, 1]
    return f


@pytest.fixture
def result():
    return dwell_summary(sessions_frame(), CAPACITIES, periods=("day", "week", "month"))


def row(frame, key, kind, period):
    sub = frame[(frame.key == key) & (frame.period_kind == kind) & (frame.period == period)]
    assert len(sub) == 1, sub
    return sub.iloc[0]


def test_day_of_entry_statistics(result):
    r = row(result.periods, "P1", "day", "2024-03-04")
    # complete sessions of 4 March: 20, 30, 75, 840, 240 (the midnight-crossing and the
    # overnight stays belong to their entry day); the open session 5 is beside them
    assert (r.sessions, r.open_sessions) == (5, 1)
    assert r.mean_min == pytest.approx((20 + 30 + 75 + 840 + 240) / 5)  # 241
    assert r.median_min == 75  # sorted 20, 30, 75, 240, 840
    assert (r.long_stays, r.long_share) == (2, pytest.approx(2 / 5))  # 840 and 240 >= 240
    assert r.rotation == pytest.approx(5 / (10 * 1))  # sessions / (capacity x 1 day)
    assert (r.days, r.days_with_sessions) == (1, 1)
    r = row(result.periods, "P1", "day", "2024-03-05")
    # 120 and 45 (rows 6 and 7 are rejected)
    assert (r.sessions, r.open_sessions) == (2, 0)
    assert r.mean_min == pytest.approx(82.5) and r.median_min == pytest.approx(82.5)
    assert r.rotation == pytest.approx(2 / 10) and r.long_stays == 0


def test_week_and_month_over_the_window(result):
    for kind, label in (("week", "2024-W10"), ("month", "2024-03")):
        r = row(result.periods, "P1", kind, label)
        # stays 20, 30, 75, 840, 240, 120, 45: sum 1370; sorted 20 30 45 75 120 240 840
        assert (r.sessions, r.open_sessions) == (7, 1)
        assert r.mean_min == pytest.approx(1370 / 7)
        assert r.median_min == 75
        assert r.long_share == pytest.approx(2 / 7)
        # the window is 4-5 March (first and last entry day): 2 days of the period
        assert (r.days, r.days_with_sessions) == (2, 2)
        assert r.rotation == pytest.approx(7 / (10 * 2))
        assert r.period_start == pd.Timestamp("2024-03-04")
        assert r.period_end == pd.Timestamp("2024-03-05")
    # an explicit window gives the whole month: 31 days
    month = dwell_summary(sessions_frame(), CAPACITIES, periods=("month",),
                          start="2024-03-01", end="2024-03-31")
    r = row(month.periods, "P1", "month", "2024-03")
    assert r.days == 31 and r.rotation == pytest.approx(7 / (10 * 31))


def test_classes_are_half_open(result):
    c = result.classes
    day1 = c[(c.key == "P1") & (c.period == "2024-03-04")].set_index("dwell_class")
    assert list(day1.index) == ["lt_30min", "30min_1h", "1h_2h", "2h_4h", "ge_4h"]
    # 20 | 30 | 75 | - | 840, 240
    assert day1["sessions"].tolist() == [1, 1, 1, 0, 2]
    assert day1["share"].tolist() == pytest.approx([0.2, 0.2, 0.2, 0.0, 0.4])
    month = c[(c.key == "P1") & (c.period_kind == "month")].set_index("dwell_class")
    # 20 | 30, 45 | 75 | 120 | 240, 840
    assert month["sessions"].tolist() == [1, 2, 1, 1, 2]
    assert month.loc["2h_4h", "lower_min"] == 120 and month.loc["2h_4h", "upper_min"] == 240
    assert np.isinf(month.loc["ge_4h", "upper_min"])


def test_long_stays_by_hour_of_arrival(result):
    h = result.long_by_hour
    m = h[(h.key == "P1") & (h.period_kind == "month")].set_index("hour")
    # arrivals: 8 (20), 9 (30), 10 (240, 120, 45), 18 (840), 23 (75)
    assert m.index.tolist() == [8, 9, 10, 18, 23]
    assert m["sessions"].tolist() == [1, 1, 3, 1, 1]
    assert m["long_stays"].tolist() == [0, 0, 1, 1, 0]
    assert m.loc[10, "long_share"] == pytest.approx(1 / 3)
    # a 2-hour threshold: 240, 120 at 10 h and 840 at 18 h are long
    two = dwell_summary(sessions_frame(), CAPACITIES, periods=("month",), long_stay_min=120)
    m2 = two.long_by_hour[two.long_by_hour.key == "P1"].set_index("hour")
    assert m2.loc[10, "long_stays"] == 2
    assert row(two.periods, "P1", "month", "2024-03").long_stays == 3


def test_open_sessions_reported_apart_never_guessed(result):
    assert result.open[["row", "key"]].values.tolist() == [[5, "P1"]]
    assert result.open.entry.iloc[0] == pd.Timestamp("2024-03-04 11:00")
    assert result.counts == {"rows": 13, "complete": 9, "open": 1, "rejected": 3,
                             "outside_window": 0}


def test_rows_are_the_labels_of_the_input_index():
    f = sessions_frame().set_axis(range(100, 113))
    res = dwell_summary(f, CAPACITIES, periods=("day",))
    assert res.open.row.tolist() == [105]
    assert res.rejected.row.tolist() == [106, 107, 112]


def test_a_period_with_open_sessions_only_has_no_statistics():
    f = pd.DataFrame({"key": ["P1", "P1"], "entry": pd.to_datetime(["2024-03-04 10:00",
                                                                     "2024-03-05 10:00"]),
                      "exit": pd.to_datetime(["2024-03-04 11:00", None])})
    r = row(dwell_summary(f, CAPACITIES, periods=("day",)).periods, "P1", "day", "2024-03-05")
    assert (r.sessions, r.open_sessions) == (0, 1)
    assert np.isnan(r.mean_min) and np.isnan(r.median_min) and np.isnan(r.rotation)


def test_rejections_name_row_and_reason(result):
    rej = result.rejected.set_index("row")
    assert rej.index.tolist() == [6, 7, 12]
    assert rej.loc[6, "reason"].startswith("exit before entry (entry 2024-03-05 10:00:00, "
                                           "exit 2024-03-05 09:00:00")
    assert rej.loc[7, "reason"] == ("stay of 8.00 days, longer than the maximum of 7 days")
    assert rej.loc[12, "reason"] == "missing car park or zone"
    # a 10-day maximum keeps row 7 (11 520 min, on 5 March)
    longer = dwell_summary(sessions_frame(), CAPACITIES, periods=("day",), max_stay_days=10)
    assert row(longer.periods, "P1", "day", "2024-03-05").sessions == 3
    assert 7 not in longer.rejected.row.tolist()


def test_missing_or_zero_capacity_gives_empty_rotation_and_a_warning(result):
    p2 = row(result.periods, "P2", "day", "2024-03-05")
    p3 = row(result.periods, "P3", "day", "2024-03-04")
    assert p2.sessions == 1 and p2.mean_min == 60 and np.isnan(p2.rotation)
    assert p3.sessions == 1 and np.isnan(p3.rotation) and np.isnan(p3.capacity)
    assert result.warnings == ["no usable capacity (spaces > 0) for P2 (0), P3 (none): "
                               "rotation left empty"]
    # no capacity at all: every rotation empty, never 0
    none = dwell_summary(sessions_frame(), None, periods=("day",))
    assert none.periods.rotation.isna().all()


def test_amounts_and_window():
    res = dwell_summary(sessions_frame(amounts=True), CAPACITIES, periods=("day",),
                        start="2024-03-05", end="2024-03-05")
    # 4 March is outside the window: 6 sessions of that day (5 complete, 1 open) and P3's
    # one are left out; P1 on 5 March: amounts 3.0 (row 8) and missing (row 9)
    r = row(res.periods, "P1", "day", "2024-03-05")
    assert (r.amount_total, r.amount_sessions) == (3.0, 1)
    assert res.counts["outside_window"] == 7
    assert "7 session(s) entering outside the analysis window" in res.warnings[0]
    assert set(res.periods.key) == {"P1", "P2"}


def test_string_and_nanosecond_inputs_agree_and_unreadable_values_are_rejected():
    text = pd.DataFrame(SESSIONS, columns=["key", "entry", "exit"])
    text.loc[11, "exit"] = "12h10"  # unreadable: rejected, not taken as a missing exit
    res = dwell_summary(text, CAPACITIES, periods=("month",))
    rej = res.rejected.set_index("row")
    assert rej.loc[11, "reason"] == "exit '12h10' is not a date-time"
    assert res.counts["open"] == 1
    ns = sessions_frame()
    for col in ("entry", "exit"):
        ns[col] = ns[col].to_numpy().view(np.int64)  # NaT -> int64 min (NAT)
    assert ns.loc[5, "exit"] == NAT
    a = dwell_summary(ns, CAPACITIES, periods=("month",)).periods
    b = dwell_summary(sessions_frame(), CAPACITIES, periods=("month",)).periods
    pd.testing.assert_frame_equal(a, b)


def test_time_zone_aware_stays_are_elapsed_time():
    # Sunday 31 March 2024, clocks go from 02:00 to 03:00 in Paris: 01:30 -> 03:30 local is
    # 2 h on the wall clock but 1 h of elapsed time
    f = pd.DataFrame({"key": ["P1"], "entry": ["2024-03-31 01:30"], "exit": ["2024-03-31 03:30"]})
    naive = dwell_summary(f, periods=("day",)).periods.iloc[0]
    assert naive.mean_min == 120
    for col in ("entry", "exit"):
        f[col] = pd.to_datetime(f[col]).dt.tz_localize("Europe/Paris")
    aware = dwell_summary(f, periods=("day",))
    r = aware.long_by_hour.iloc[0]
    assert aware.periods.iloc[0].mean_min == 60 and r.hour == 1  # local hour of arrival


def test_stays_below_the_second_and_many_groups():
    # sub-second stays use ranks for the medians: 0.5 s, 1.5 s, 2.5 s -> median 1.5 s
    e = pd.Timestamp("2024-01-01 10:00")
    f = pd.DataFrame({"key": "A", "entry": [e] * 3,
                      "exit": [e + pd.Timedelta(milliseconds=v) for v in (500, 1500, 2500)]})
    r = dwell_summary(f, periods=("day",)).periods.iloc[0]
    assert r.median_min == pytest.approx(1.5 / 60) and r.mean_min == pytest.approx(1.5 / 60)
    assert dwell_summary(f.iloc[:0], periods=("day",)).warnings == ["no session to summarise"]


def test_class_table_and_failure_paths():
    assert class_table((15, 90)).dwell_class.tolist() == ["lt_15min", "15min_90min",
                                                          "ge_90min"]
    with pytest.raises(ValueError, match="strictly increasing"):
        class_table((60, 30))
    with pytest.raises(ValueError, match="missing exit"):
        dwell_summary(sessions_frame().rename(columns={"exit": "sortie"}))
    with pytest.raises(ValueError, match="period must be one of"):
        dwell_summary(sessions_frame(), periods=("fortnight",))
    with pytest.raises(ValueError, match="end is before start"):
        dwell_summary(sessions_frame(), start="2024-03-05", end="2024-03-04")
    with pytest.raises(ValueError, match="capacities need the columns key and capacity"):
        dwell_summary(sessions_frame(), pd.DataFrame({"key": ["P1"], "spaces": [3]}))
    with pytest.raises(ValueError, match="two capacities for the same key: P1"):
        dwell_summary(sessions_frame(), pd.DataFrame({"key": ["P1", "P1"],
                                                      "capacity": [3, 4]}))
    aware = sessions_frame()
    aware["entry"] = aware["entry"].dt.tz_localize("Europe/Paris")
    with pytest.raises(ValueError, match="both carry a time zone, or neither"):
        dwell_summary(aware)


def test_daily_dwell_series(result):
    d = daily_dwell(result)
    p1 = d[d.series_id == "P1"]
    assert p1.date.tolist() == [pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-05")]
    assert p1.value.tolist() == pytest.approx([241, 82.5])
    assert p1.weight.tolist() == [5, 2]
    with pytest.raises(ValueError, match="'day' period"):
        daily_dwell(dwell_summary(sessions_frame(), periods=("month",)))


# ---------------------------------------------------------------------------------------------
# presence data
# ---------------------------------------------------------------------------------------------

BOUNDS = {"lt_30min": (0, 30), "30min_1h": (30, 60), "1h_2h": (60, 120), "2h_4h": (120, 240),
          "ge_4h": (240, np.inf)}
PRESENCE = [
    ("centre", "2024-05-04 10:00", "residents", "lt_30min", 100),
    ("centre", "2024-05-04 10:00", "residents", "30min_1h", 60),
    ("centre", "2024-05-04 14:00", "residents", "ge_4h", 40),
    ("centre", "2024-05-04 10:00", "foreign visitors", "30min_1h", 20),
    ("centre", "2024-05-05 11:00", "foreign visitors", "1h_2h", 30),
    ("centre", "2024-05-05 11:00", "foreign visitors", "3h+", 30),   # 5: unknown class
    ("gare", "2024-05-05 11:00", "residents", "lt_30min", -5),       # 6: negative count
    (None, "2024-05-05 11:00", "residents", "lt_30min", 5),          # 7: no zone
]


def presence_frame():
    return pd.DataFrame(PRESENCE, columns=["zone", "slot", "category", "dwell_class", "count"])


def test_presence_classes_distribution_and_mix():
    res = presence_dwell(presence_frame(), periods=("day", "month"), class_bounds=BOUNDS)
    assert res.form == "classes"
    assert res.rejected.set_index("row").reason.to_dict() == {
        5: "dwell_class not among the declared classes: lt_30min, 30min_1h, 1h_2h, 2h_4h, "
           "ge_4h", 6: "negative count", 7: "missing zone"}
    m = res.means[res.means.period_kind == "month"].set_index("category")
    # residents 100 + 60 + 40 = 200, foreign visitors 20 + 30 = 50, all 250
    assert m["visitors"].to_dict() == {"all": 250, "foreign visitors": 50, "residents": 200}
    assert m.loc["residents", "share_of_visitors"] == pytest.approx(200 / 250)
    # foreign visitors: midpoints 45 (30-60) and 90 (60-120): (20*45 + 30*90) / 50 = 72
    assert m.loc["foreign visitors", "mean_dwell_min"] == pytest.approx(72)
    assert m.loc["foreign visitors", "mean_basis"] == "class_midpoints"
    # residents have 40 people in the open class >= 4 h and no value for it: no mean
    assert np.isnan(m.loc["residents", "mean_dwell_min"])
    assert m.loc["residents", "mean_basis"] == ""
    assert m.loc["residents", "visitors_with_dwell"] == 160
    c = res.classes[(res.classes.period_kind == "month")
                    & (res.classes.category == "residents")].set_index("dwell_class")
    assert c["visitors"].tolist() == [100, 60, 0, 0, 40]
    assert c["share"].tolist() == pytest.approx([0.5, 0.3, 0, 0, 0.2])
    a = res.classes[(res.classes.period_kind == "month")
                    & (res.classes.category == "all")].set_index("dwell_class")
    assert a["visitors"].tolist() == [100, 80, 30, 0, 40]  # 60 + 20 in 30 min-1 h


def test_presence_open_class_value_gives_a_mean():
    res = presence_dwell(presence_frame(), periods=("month",), class_bounds=BOUNDS,
                         open_class_minutes=300)
    m = res.means.set_index("category")
    # residents: (100*15 + 60*45 + 40*300) / 200 = 16 200 / 200 = 81
    assert m.loc["residents", "mean_dwell_min"] == pytest.approx(81)
    # all: (16 200 + 20*45 + 30*90) / 250 = 19 800 / 250 = 79.2
    assert m.loc["all", "mean_dwell_min"] == pytest.approx(79.2)


def test_presence_without_bounds_keeps_distributions_only():
    res = presence_dwell(presence_frame().drop(index=[5, 6, 7]), periods=("month",))
    assert res.means.mean_dwell_min.isna().all()
    assert "distributions only" in res.notes[0]
    c = res.classes[res.classes.category == "residents"]
    assert c.dwell_class.tolist() == ["lt_30min", "30min_1h", "ge_4h", "1h_2h"]  # as seen
    assert c.visitors.tolist() == [100, 60, 40, 0]


def test_presence_reported_means_are_weighted_by_counts():
    f = pd.DataFrame({"zone": "centre", "slot": pd.to_datetime(
        ["2024-05-04 10:00", "2024-05-04 11:00", "2024-05-05 10:00", "2024-05-05 10:00"]),
        "category": ["residents", "residents", "residents", "tourists"],
        "count": [100, 300, 50, 50], "mean_dwell": [30.0, 50.0, np.nan, 120.0]})
    res = presence_dwell(f, periods=("day", "month"))
    assert res.form == "mean"
    m = res.means[res.means.period_kind == "month"].set_index("category")
    # residents: visitors 450, with a mean 400: (100*30 + 300*50) / 400 = 45
    assert m.loc["residents", "visitors"] == 450
    assert m.loc["residents", "visitors_with_dwell"] == 400
    assert m.loc["residents", "mean_dwell_min"] == pytest.approx(45)
    # all: (3000 + 15 000 + 50*120) / 450 = 24 000 / 450
    assert m.loc["all", "mean_dwell_min"] == pytest.approx(24000 / 450)
    assert m.loc["all", "mean_basis"] == "reported"
    d = daily_presence(res)
    day2 = d[d.date == pd.Timestamp("2024-05-05")].set_index("category")
    assert np.isnan(day2.loc["residents", "mean_dwell_min"])  # not guessed
    assert day2.loc["tourists", "share_of_visitors"] == pytest.approx(0.5)


def test_presence_failure_paths():
    f = presence_frame()
    with pytest.raises(ValueError, match="missing count"):
        presence_dwell(f.drop(columns="count"))
    with pytest.raises(ValueError, match="choose form='classes' or form='mean'"):
        presence_dwell(f.assign(mean_dwell=10.0))
    with pytest.raises(ValueError, match="need a dwell_class or a mean_dwell column"):
        presence_dwell(f.drop(columns="dwell_class"))
    with pytest.raises(ValueError, match="bounds must satisfy"):
        presence_dwell(f, class_bounds={"x": (30, 10)})
    bad = pd.DataFrame({"zone": ["c", "c"], "slot": ["2024-05-04", "not a date"],
                        "category": ["r", "r"], "count": [1, 1], "mean_dwell": ["abc", 3]})
    rej = presence_dwell(bad).rejected
    assert rej.reason.tolist() == ["mean_dwell is not a number", "missing or unreadable slot"]
