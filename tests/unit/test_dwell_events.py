"""Dwell time and visitor mix during an event against its baseline, computed by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.dwell import dwell_summary
from observatoire_commerce.analysis.dwell_events import compare_daily, event_dwell_impact
from observatoire_commerce.analysis.events import Baseline, event_baseline_days
from observatoire_commerce.analysis.presence import presence_dwell

# Christmas market, Friday 15 - Sunday 17 December 2023, in the centre
XMAS = pd.DataFrame({"event_id": ["xmas"], "start": ["2023-12-15"], "end": ["2023-12-17"],
                     "centrality": ["centre"]})
CENTRALITY = {"P1": "centre", "P2": "centre", "P3": "centre", "P9": "gare",
              "centre": "centre"}

# P1's daily mean length of stay [min]; 3 December has no session (no data, not 0)
P1 = {"2023-12-15": 90, "2023-12-16": 120, "2023-12-17": 150,
      "2023-12-08": 60, "2023-12-09": 80, "2023-12-10": 70,
      "2023-12-01": 60, "2023-12-02": 90,
      "2023-11-24": 50, "2023-11-25": 70, "2023-11-26": 60}


def sessions() -> pd.DataFrame:
    """One session a day entering at 10:00 and staying the day's value: daily mean = value.
    P2 = P1 on baseline days and 70, 75, 80 during the event; P3 only has two baseline days;
    P9 (another centrality) is never compared with the centre's event."""
    rows = []
    p2 = dict(P1, **{"2023-12-15": 70, "2023-12-16": 75, "2023-12-17": 80})
    p3 = {"2023-12-15": 100, "2023-12-08": 50, "2023-12-01": 70}
    for key, values in (("P1", P1), ("P2", p2), ("P3", p3), ("P9", P1)):
        for day, minutes in values.items():
            entry = pd.Timestamp(day) + pd.Timedelta(hours=10)
            rows.append((key, entry, entry + pd.Timedelta(minutes=minutes)))
    return pd.DataFrame(rows, columns=["key", "entry", "exit"])


def test_event_days_and_baseline_days_come_from_events_module():
    (ev,) = event_baseline_days(XMAS, Baseline.previous_weeks(3))
    assert [str(d) for d in ev.days] == ["2023-12-15", "2023-12-16", "2023-12-17"]
    assert len(ev.baseline_days) == 9 and ev.excluded == 0 and ev.centrality == "centre"


def test_parking_dwell_against_previous_weeks():
    res = dwell_summary(sessions(), periods=("day",))
    out = event_dwell_impact(XMAS, Baseline.previous_weeks(3), sessions=res,
                             series_centrality=CENTRALITY)
    assert sorted(out.zone) == ["P1", "P2", "P3"]  # P9 is in the gare
    assert set(out.source) == {"parking"} and set(out.measure) == {"mean_dwell_min"}
    p1 = out.set_index("zone").loc["P1"]
    # event (90 + 120 + 150) / 3 = 120; baseline 8, 9, 10 / 1, 2, (3: no data) / 24, 25, 26
    # (60 + 80 + 70 + 60 + 90 + 50 + 70 + 60) / 8 = 540 / 8 = 67.5
    assert p1.event_value == pytest.approx(120)
    assert (p1.baseline_days, p1.baseline_days_with_data) == (9, 8)
    assert p1.baseline_mean == pytest.approx(67.5)
    # deviations -7.5 12.5 2.5 -7.5 22.5 -17.5 2.5 -7.5; squares sum 1150; sd = sqrt(1150 / 7)
    sd = math.sqrt(1150 / 7)
    assert p1.baseline_sd == pytest.approx(sd)
    assert p1.difference == pytest.approx(52.5)
    assert p1.relative_difference == pytest.approx(52.5 / 67.5)
    assert p1.z_score == pytest.approx(52.5 / sd)  # 4.10
    assert p1.exceeds  # 52.5 > 2 x 12.82
    assert p1.warning == "baseline has gaps: 8 of 9 days with data"
    p2 = out.set_index("zone").loc["P2"]
    # event (70 + 75 + 80) / 3 = 75: 7.5 above 67.5, inside 67.5 +- 2 x 12.82
    assert p2.difference == pytest.approx(7.5) and not p2.exceeds
    assert p2.z_score == pytest.approx(7.5 / sd)
    p3 = out.set_index("zone").loc["P3"]
    # 2 baseline days (50, 70): mean 60, sd sqrt(200) but too few days to judge
    assert p3.baseline_mean == 60 and p3.baseline_sd == pytest.approx(math.sqrt(200))
    assert pd.isna(p3.exceeds)
    assert "fewer than 3 baseline days with data: variability not judged" in p3.warning
    assert "event has gaps: 1 of 3 days with data" in p3.warning


def test_other_events_leave_the_baseline():
    braderie = pd.DataFrame({"event_id": ["braderie"], "start": ["2023-12-09"],
                             "end": ["2023-12-09"], "centrality": ["centre"]})
    events = pd.concat([XMAS, braderie], ignore_index=True)
    daily = pd.DataFrame({"series_id": "P1", "date": pd.to_datetime(list(P1)),
                          "value": list(P1.values())})
    out = compare_daily(daily, events, Baseline.previous_weeks(3))
    x = out[out.event_id == "xmas"].iloc[0]
    # Saturday 9 December is the braderie: (540 - 80) / 7
    assert x.baseline_days_excluded == 1 and x.baseline_days == 8
    assert x.baseline_mean == pytest.approx(460 / 7)


# Presence, one slot a day: residents (R) and tourists (T), counts and mean dwell [min].
# Neutral week Monday 6 - Sunday 12 November 2023, every day 1 000 people:
#   T = 200 (days 6-10), 300 (11th), 100 (12th); R = the rest; R dwell 60; T dwell 120, 150, 90
# Event 15-17 December: T = 400, 300, 350 of 1 000; R dwell 60, T dwell 180
PRESENCE_DAYS = (
    [(f"2023-11-{d:02d}", 200, 120.0) for d in range(6, 11)]
    + [("2023-11-11", 300, 150.0), ("2023-11-12", 100, 90.0)]
    + [("2023-12-15", 400, 180.0), ("2023-12-16", 300, 180.0), ("2023-12-17", 350, 180.0)])


def presence():
    rows = []
    for day, tourists, t_dwell in PRESENCE_DAYS:
        slot = pd.Timestamp(day) + pd.Timedelta(hours=14)
        rows.append(("centre", slot, "tourists", tourists, t_dwell))
        rows.append(("centre", slot, "residents", 1000 - tourists, 60.0))
    return pd.DataFrame(rows, columns=["zone", "slot", "category", "count", "mean_dwell"])


def test_presence_dwell_and_visitor_mix_against_a_neutral_week():
    res = presence_dwell(presence(), periods=("day",))
    out = event_dwell_impact(XMAS, Baseline.neutral("2023-11-06", "2023-11-12"), presence=res,
                             series_centrality=CENTRALITY)
    assert set(out.source) == {"presence"}
    r = out.set_index(["measure", "category"])
    # tourists' share: baseline .2 .2 .2 .2 .2 .3 .1 -> mean .2, sd sqrt(.02 / 6);
    # event (.4 + .3 + .35) / 3 = .35
    t = r.loc[("share_of_visitors", "tourists")]
    sd = math.sqrt(0.02 / 6)
    assert t.baseline_mean == pytest.approx(0.2) and t.baseline_sd == pytest.approx(sd)
    assert t.event_value == pytest.approx(0.35) and t.difference == pytest.approx(0.15)
    assert t.z_score == pytest.approx(0.15 / sd) and t.exceeds  # 0.15 > 2 x 0.0577
    res_share = r.loc[("share_of_visitors", "residents")]
    assert res_share.difference == pytest.approx(-0.15) and res_share.exceeds
    assert ("share_of_visitors", "all") not in r.index  # always 1
    # tourists' dwell: baseline 120 x 5, 150, 90 -> mean 120, sd sqrt((30^2 + 30^2) / 6)
    td = r.loc[("mean_dwell_min", "tourists")]
    assert td.baseline_mean == pytest.approx(120)
    assert td.baseline_sd == pytest.approx(math.sqrt(1800 / 6))
    assert td.difference == pytest.approx(60) and td.exceeds
    # residents always stay 60 min: sd 0, no difference -> not exceeded, z undefined
    rd = r.loc[("mean_dwell_min", "residents")]
    assert rd.baseline_sd == 0 and rd.difference == 0 and not rd.exceeds
    assert np.isnan(rd.z_score)
    # everyone, weighted by counts: (800*60 + 200*120) / 1000 = 72 on days 6-10,
    # (700*60 + 300*150) / 1000 = 87, (900*60 + 100*90) / 1000 = 63 -> mean 510 / 7
    # event (600*60 + 400*180) / 1000 = 108, then 96, 102 -> mean 102
    a = r.loc[("mean_dwell_min", "all")]
    assert a.baseline_mean == pytest.approx(510 / 7)
    assert a.event_value == pytest.approx(102)
    assert a.difference == pytest.approx(102 - 510 / 7)
    # deviations from 510/7 in sevenths: -6 (x5), 99, -69 -> squares 14 742 / 49
    sd_all = math.sqrt((5 * 36 + 99 ** 2 + 69 ** 2) / 49 / 6)
    assert a.baseline_sd == pytest.approx(sd_all)
    assert a.z_score == pytest.approx((102 - 510 / 7) / sd_all) and a.exceeds


def test_k_and_both_sources_together():
    res = dwell_summary(sessions(), periods=("day",))
    pres = presence_dwell(presence(), periods=("day",))
    out = event_dwell_impact(XMAS, Baseline.previous_weeks(3), sessions=res, presence=pres,
                             k=5.0, series_centrality=CENTRALITY)
    assert set(out.source) == {"parking", "presence"}
    p1 = out[(out.source == "parking") & (out.zone == "P1")].iloc[0]
    assert not p1.exceeds  # 52.5 < 5 x 12.82
    # the previous weeks of the presence data have no rows: nothing to judge
    pres_rows = out[out.source == "presence"]
    assert pres_rows.exceeds.isna().all()
    assert (pres_rows.warning.str.contains("no baseline data")).all()


def test_comparison_failure_paths():
    daily = pd.DataFrame({"series_id": ["a"], "date": ["2023-12-15"], "value": [1.0]})
    with pytest.raises(ValueError, match="missing value"):
        compare_daily(daily.rename(columns={"value": "v"}), XMAS, Baseline.previous_year())
    with pytest.raises(ValueError, match="missing end"):
        compare_daily(daily, XMAS.drop(columns="end"), Baseline.previous_year())
    with pytest.raises(ValueError, match="at least 2"):
        compare_daily(daily, XMAS, Baseline.previous_year(), min_baseline_days=1)
    with pytest.raises(ValueError, match="two values for the same series and day"):
        compare_daily(pd.concat([daily, daily]), XMAS, Baseline.previous_year())
    with pytest.raises(ValueError, match="parking sessions, presence data, or both"):
        event_dwell_impact(XMAS, Baseline.previous_year())
    empty = compare_daily(daily.iloc[:0], XMAS, Baseline.previous_year())
    assert empty.empty and "exceeds" in empty.columns
