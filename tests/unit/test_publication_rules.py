"""Publication rules (analysis.publication), by hand on tiny inputs."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from observatoire_commerce.analysis import publication as rules


def test_day_lengths_across_daylight_saving_changes():
    assert rules.day_seconds(["2024-03-30", "2024-03-31", "2024-10-27"]).tolist() == [
        86400.0, 82800.0, 90000.0]
    assert rules.day_seconds(["2024-03-31"], None).tolist() == [86400.0]


def test_local_midnights_carry_their_offsets():
    start, end = rules.local_midnights(["2024-03-31", "2024-10-27"])
    assert start == ["2024-03-31T00:00:00+01:00", "2024-10-27T00:00:00+02:00"]
    assert end == ["2024-04-01T00:00:00+02:00", "2024-10-28T00:00:00+01:00"]
    assert rules.local_midnights(["2024-01-05"], None) == (["2024-01-05T00:00:00Z"],
                                                           ["2024-01-06T00:00:00Z"])


def test_daily_counts_publish_complete_days_only():
    sums = pd.DataFrame({
        "channel": ["a", "a", "a", "b", "w"],
        "day": ["2024-03-30", "2024-03-31", "2024-10-27", "2024-03-31", "2024-03-31"],
        "with_data": [24, 23, 24, 92, 1],   # a: hourly; b: quarter-hourly; w: daily
        "total": [300.0, 230.0, 500.0, 900.0, 40.0]})
    out = rules.daily_counts(sums, {"a": 3600, "b": 900, "w": 86400})
    assert out["expected"].tolist() == [24.0, 23.0, 25.0, 92.0, 1.0]
    assert out["complete"].tolist() == [True, True, False, True, True]
    counts = out["count"].tolist()
    assert counts[:2] == [300.0, 230.0] and math.isnan(counts[2]) and counts[3:] == [900.0,
                                                                                      40.0]


def test_daily_counts_need_a_time_step_per_channel():
    sums = pd.DataFrame({"channel": ["x"], "day": ["2024-01-01"], "with_data": [1],
                         "total": [1.0]})
    with pytest.raises(ValueError, match="no positive time step for channel.s. x"):
        rules.daily_counts(sums, {})


@pytest.mark.parametrize(("period", "linked", "kind", "bounds"), [
    ("2024", False, "year", ("2024-01-01", "2024-12-31")),
    ("2024-02", False, "month", ("2024-02-01", "2024-02-29")),
    ("2024-W01", False, "week", ("2024-01-01", "2024-01-07")),
    ("2024-05-08", False, "day", ("2024-05-08", "2024-05-08")),
    ("2024-11-29/2024-12-24", False, "range", ("2024-11-29", "2024-12-24")),
    ("BPE 2021", False, "other", (None, None)),
    ("Inventaire 2024", True, "campaign", (None, None)),
])
def test_period_kinds_and_bounds(period, linked, kind, bounds):
    assert rules.period_kind(period, linked)[0] == kind
    assert rules.period_bounds(period, kind) == bounds


def test_latest_indicator_per_kind_of_period():
    rows = pd.DataFrame([
        # scope, centrality, indicator, period, campaign, value, algorithm, computed_at
        ("centrality", "c", "rate", "Inv 2024", "k2", 5.0, "alg", "2025-01-01"),
        ("centrality", "c", "rate", "Inv 2023", "k1", 6.0, "alg", "2025-01-01"),
        ("centrality", "c", "flow", "2023", None, 1.0, "alg", "2025-01-01"),
        ("centrality", "c", "flow", "2024", None, 2.0, "alg", "2025-01-01"),
        ("centrality", "c", "flow", "2024-01", None, 3.0, "alg", "2025-01-01"),
        ("centrality", "c", "flow", "2023-12", None, 4.0, "alg", "2025-01-01"),
        ("centrality", "d", "flow", "2022", None, 7.0, "alg", "2025-01-01"),
        ("territory", None, "svc", "BPE 2019", None, 8.0, "alg", "2024-01-01"),
        ("territory", None, "svc", "BPE 2021", None, 9.0, "alg", "2025-01-01"),
    ], columns=["scope", "centrality_uuid", "indicator", "period", "campaign_uuid", "value",
                "algorithm", "computed_at"])
    out = rules.latest_indicators(rows, {"k1": 0, "k2": 1})
    assert list(zip(out["indicator"], out["centrality_uuid"], out["period"], out["value"])) == [
        ("rate", "c", "Inv 2024", 5.0), ("flow", "c", "2024", 2.0),
        ("flow", "c", "2024-01", 3.0), ("flow", "d", "2022", 7.0),
        ("svc", None, "BPE 2021", 9.0)]


def test_survey_figures_need_eleven_respondents():
    frame = pd.DataFrame({"indicator": ["survey_a", "survey_a", "x", "survey_b", "y"],
                          "algorithm": ["alg"] * 5,
                          "respondents": [11, 10, 29, None, None]})
    assert rules.is_survey_figure(frame).tolist() == [True, True, True, True, False]
    published, withheld = rules.publishable_survey_figures(
        frame[rules.is_survey_figure(frame)])
    assert published["respondents"].tolist() == [11, 29]
    assert published["low_precision"].tolist() == [True, True]
    assert withheld["indicator"].tolist() == ["survey_a", "survey_b"]
