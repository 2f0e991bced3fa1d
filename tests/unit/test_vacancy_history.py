"""Vacancy history per premise on the fixture tests/data/offer (campaigns 2021-06-15,
2022-06-15, 2023-06-15: 730 days between the first and the last = 1.9986 years, rounded to 2.00).
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.vacancy_history import (
    COLUMNS,
    campaign_times,
    vacancy_history,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"
CAMPAIGNS = ["2021", "2022", "2023"]


def load():
    obs = pd.read_csv(DATA / "observations.csv", dtype=str, keep_default_na=False)
    obs = obs.replace({"": None})
    lineage = pd.read_csv(DATA / "lineage.csv", dtype=str)
    dates = dict(pd.read_csv(DATA / "campaigns.csv", dtype=str).itertuples(index=False))
    return obs, lineage, dates


def history(**kwargs):
    obs, lineage, dates = load()
    return vacancy_history(obs, CAMPAIGNS, dates, lineage, **kwargs).set_index("premise")


def test_columns_and_one_row_per_premise():
    h = history()
    assert list(h.reset_index().columns) == COLUMNS
    assert len(h) == 31


def test_vacant_three_campaigns_is_two_years():
    # A09: vacant 2021, 2022, 2023 -> seen vacant from 2021-06-15 to 2023-06-15 = 2 years
    h2 = history(threshold_years=2)
    a09 = h2.loc["A09"]
    assert a09["vacancy_years"] == pytest.approx(2.0)
    assert a09["vacant_campaigns"] == 3
    assert a09["vacancy_start_campaign"] == "2021" and a09["first_vacant_campaign"] == "2021"
    assert bool(a09["long_term"]) is True
    # flagged at 2 years, not at 3
    assert bool(history(threshold_years=3).loc["A09", "long_term"]) is False


def test_shorter_runs_and_market_convention():
    h = history()
    # A11: occupied 2021, vacant 2022 and 2023 -> 1 year: long-term at 1 year, not at 2
    assert h.loc["A11", "vacancy_years"] == pytest.approx(1.0)
    assert not h.loc["A11", "long_term"]
    assert history(threshold_years=1).loc["A11", "long_term"]
    # A12: vacant only in 2023 -> 0 years
    assert h.loc["A12", "vacancy_years"] == pytest.approx(0.0)
    assert h.loc["A12", "first_vacant_campaign"] == "2023"


def test_reoccupied_premise_keeps_its_past():
    h = history()
    a15 = h.loc["A15"]  # vacant 2021, 2022, occupied 2023
    assert not a15["vacant_now"] and not a15["long_term"]
    assert np.isnan(a15["vacancy_years"])
    assert a15["first_vacant_campaign"] == "2021"
    assert a15["longest_vacancy_years"] == pytest.approx(1.0)
    assert a15["status_sequence"] == "2021=vacant; 2022=vacant; 2023=occupied"
    # A20 ends demolished: not vacant now
    assert h.loc["A20", "last_status"] == "demolished" and not h.loc["A20", "vacant_now"]


def test_split_carries_history_to_children():
    h = history()
    # B08 (vacant 2021, 2022) split in 2023: B08a vacant inherits 2021 -> 2 years, long-term
    b08a = h.loc["B08a"]
    assert b08a["vacancy_years"] == pytest.approx(2.0) and b08a["long_term"]
    assert b08a["status_sequence"] == "2021=vacant*; 2022=vacant*; 2023=vacant"
    assert b08a["inherited_from"] == "B08"
    # B08b reopened: not vacant, but its first vacancy is inherited
    assert not h.loc["B08b", "vacant_now"]
    assert h.loc["B08b", "first_vacant_campaign"] == "2021"
    # the parent's last observation is 2022 (1 year), and it is superseded
    assert h.loc["B08", "last_campaign"] == "2022"
    assert h.loc["B08", "superseded"] and not h.loc["B08", "long_term"]


def test_merge_vacant_only_if_all_parents_vacant():
    obs = pd.DataFrame([
        ("P", "2021", "vacant"), ("P", "2022", "vacant"),
        ("Q", "2021", "vacant"), ("Q", "2022", "occupied"),
        ("R", "2021", "vacant"), ("R", "2022", "vacant"),
        ("M1", "2023", "vacant"), ("M2", "2023", "vacant"),
    ], columns=["premise", "campaign", "status"])
    lineage = pd.DataFrame([("P", "M1", "merge"), ("R", "M1", "merge"),
                            ("P", "M2", "merge"), ("Q", "M2", "merge")],
                           columns=["parent", "child", "kind"])
    h = vacancy_history(obs, CAMPAIGNS, None, lineage).set_index("premise")
    # M1 = P + R, both vacant since 2021 -> 2 years (years only: 2023 - 2021)
    assert h.loc["M1", "vacancy_years"] == 2.0 and h.loc["M1", "long_term"]
    # M2 = P + Q, Q occupied in 2022 -> the run starts in 2023: 0 years
    assert h.loc["M2", "vacancy_years"] == 0.0 and not h.loc["M2", "long_term"]


def test_campaign_times():
    assert list(campaign_times(["2021", "2023"])) == [2021.0, 2023.0]
    t = campaign_times(["a", "b"], {"a": "2020-01-01", "b": "2021-07-02"})
    assert t[1] == pytest.approx(1.5, abs=0.01)
    with pytest.raises(ValueError, match="not understood"):
        campaign_times(["a"], {"a": "spring"})


def test_failure_paths():
    obs, lineage, dates = load()
    with pytest.raises(ValueError, match="unknown campaign"):
        vacancy_history(obs, ["2021", "2022"], dates, lineage)
    with pytest.raises(ValueError, match="cycle"):
        vacancy_history(obs, CAMPAIGNS, dates, pd.DataFrame(
            [("A01", "A02", "merge"), ("A02", "A01", "merge")],
            columns=["parent", "child", "kind"]))
    with pytest.raises(ValueError, match="threshold"):
        vacancy_history(obs, CAMPAIGNS, dates, threshold_years=-1)
