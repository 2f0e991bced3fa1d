"""Activity barometer on a hand-built SIRENE history; activity index year on year."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.barometer import activity_barometer, index_year_on_year

GROUPS = {"47.71Z": "equipment", "56.10A": "restaurants", "47.11B": "food"}
# siret, start, end, state, NAF, zone (None = outside every zone)
HISTORY = [
    # S1: created 10 Jan 2022 in the centre
    ("11111111100011", "2022-01-10", None, "A", "47.71Z", "centre"),
    # S2: restaurant created June 2021, closed 15 Feb 2022, reopened 1 May 2022
    ("22222222200012", "2021-06-01", "2022-02-14", "A", "56.10A", "centre"),
    ("22222222200012", "2022-02-15", "2022-04-30", "F", "56.10A", "centre"),
    ("22222222200012", "2022-05-01", None, "A", "56.10A", "centre"),
    # S3: same siret moves from the centre to the station district on 20 March 2022
    ("33333333300013", "2020-03-01", "2022-03-19", "A", "47.11B", "centre"),
    ("33333333300013", "2022-03-20", None, "A", "47.11B", "gare"),
    # S4: closes in the gare on 30 April, its siren opens in the centre 10 days later
    ("44444444400014", "2020-01-01", "2022-04-29", "A", "56.10A", "gare"),
    ("44444444400014", "2022-04-30", None, "F", "56.10A", "gare"),
    ("44444444400022", "2022-05-10", None, "A", "56.10A", "centre"),
    # S5: closes 1 June and reopens across the street (same zone) on 15 June: a relocation
    ("55555555500015", "2018-01-01", "2022-05-31", "A", "47.71Z", "centre"),
    ("55555555500015", "2022-06-01", None, "F", "47.71Z", "centre"),
    ("55555555500023", "2022-06-15", None, "A", "47.71Z", "centre"),
    # S6: created 1 Feb, closed 1 April 2022
    ("66666666600016", "2022-02-01", "2022-03-31", "A", "47.11B", "centre"),
    ("66666666600016", "2022-04-01", None, "F", "47.11B", "centre"),
    # S7: outside every zone
    ("77777777700017", "2022-03-01", None, "A", "47.71Z", None),
    # S8: closes in the gare on 31 January; its siren opens in the centre 121 days later
    ("88888888800018", "2015-01-01", "2022-01-30", "A", "47.71Z", "gare"),
    ("88888888800018", "2022-01-31", None, "F", "47.71Z", "gare"),
    ("88888888800026", "2022-06-01", None, "A", "47.71Z", "centre"),
    # rejected rows 18-21
    ("99999999900019", "2022-03-01", None, "X", "47.71Z", "centre"),
    ("99999999900027", "2022-03-01", "2022-02-01", "A", "47.71Z", "centre"),
    (None, "2022-03-01", None, "A", "47.71Z", "centre"),
    ("11111111100011", "2022-01-10", None, "F", "47.71Z", "centre"),
]
FIGURES = ["creations", "closures", "reopenings", "transfers_in", "transfers_out",
           "relocations", "net_change", "active_end", "created_36m", "surviving"]


def history():
    return pd.DataFrame(HISTORY, columns=["siret", "start", "end", "state", "naf", "zone"])


@pytest.fixture
def result():
    return activity_barometer(history(), GROUPS, start="2022-01", end="2022-06")


def table(result, zone, group="all"):
    m = result.monthly
    return m[(m.zone == zone) & (m.group == group)].set_index("month")[FIGURES]


def test_centre_month_by_month(result):
    t = table(result, "centre")
    assert list(t.index) == ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"]
    expected = {
        # creations closures reopenings t_in t_out relocations net active created36 surviving
        # Jan: S1 created; active at 31 Jan: S1, S2, S3, S5a; cohort S3 (2020-03), S2, S1
        "2022-01": [1, 0, 0, 0, 0, 0, 1, 4, 3, 3],
        # Feb: S6 created, S2 closed; active S1, S3, S5a, S6; cohort + S6, S2 not alive
        "2022-02": [1, 1, 0, 0, 0, 0, 0, 4, 4, 3],
        # Mar: S3 leaves for the gare (still alive); active S1, S5a, S6 (until 31 March)
        "2022-03": [0, 0, 0, 0, 1, 0, -1, 3, 4, 3],
        # Apr: S6 closed; active S1, S5a; alive S1, S3
        "2022-04": [0, 1, 0, 0, 0, 0, -1, 2, 4, 2],
        # May: S2 reopens, S4 arrives from the gare; active S1, S2, S4b, S5a
        "2022-05": [0, 0, 1, 1, 0, 0, 2, 4, 4, 3],
        # Jun: S8b created (121 days after S8a: not a transfer), S5 relocates inside the centre
        # (neither a closure nor a creation); active S1, S2, S4b, S5b, S8b; alive S1 S2 S3 S8b
        "2022-06": [1, 0, 0, 0, 0, 1, 1, 5, 5, 4],
    }
    for month, figures in expected.items():
        assert t.loc[month].tolist() == figures, month
    rate = result.monthly.set_index(["zone", "group", "month"])["survival_rate"]
    assert rate.loc[("centre", "all", "2022-02")] == pytest.approx(3 / 4)
    assert rate.loc[("centre", "all", "2022-04")] == pytest.approx(2 / 4)
    assert rate.loc[("centre", "all", "2022-06")] == pytest.approx(4 / 5)


def test_gare_transfers_and_survival_of_a_transferred_business(result):
    t = table(result, "gare")
    expected = {
        # Jan: S8a closed on the 31st (not active at the end of January); active S4a
        "2022-01": [0, 1, 0, 0, 0, 0, -1, 1, 1, 1],
        "2022-02": [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
        # Mar: S3 arrives (same siret, new zone); active S3, S4a
        "2022-03": [0, 0, 0, 1, 0, 0, 1, 2, 1, 1],
        # Apr: S4a closes and its siren opens in the centre 10 days later: a transfer out;
        # S4a (created January 2020) moved, so it still counts as surviving
        "2022-04": [0, 0, 0, 0, 1, 0, -1, 1, 1, 1],
        "2022-05": [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
        "2022-06": [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
    }
    for month, figures in expected.items():
        assert t.loc[month].tolist() == figures, month


def test_groups_add_up_and_follow_the_period_of_the_event(result):
    food = table(result, "centre", "food")
    # S3 (food) leaves in March, S6 (food) created Feb, closed Apr
    assert food["creations"].tolist() == [0, 1, 0, 0, 0, 0]
    assert food["transfers_out"].tolist() == [0, 0, 1, 0, 0, 0]
    assert food["closures"].tolist() == [0, 0, 0, 1, 0, 0]
    assert food["active_end"].tolist() == [1, 2, 1, 0, 0, 0]
    restaurants = table(result, "centre", "restaurants")
    # S2 closed Feb (group of its active period), reopened May; S4b arrives in May
    assert restaurants["closures"].tolist() == [0, 1, 0, 0, 0, 0]
    assert restaurants["net_change"].tolist() == [0, -1, 0, 0, 2, 0]
    m = result.monthly
    per_group = m[m.group != "all"].groupby(["zone", "month"])[FIGURES].sum()
    total = m[m.group == "all"].set_index(["zone", "month"])[FIGURES]
    pd.testing.assert_frame_equal(per_group.sort_index(), total.sort_index())
    assert set(m.zone) == {"centre", "gare"}  # S7, outside every zone, is in no table


def test_events_and_rejections(result):
    ev = result.events
    kinds = ev.groupby("kind").size().to_dict()
    # creations: S1, S2, S3, S4a, S5a, S6, S7, S8a, S8b (S4b is a transfer in, S5b the
    # relocation, whose closure S5a is not listed)
    assert kinds == {"creation": 9, "closure": 3, "reopening": 1, "transfer_in": 2,
                     "transfer_out": 2, "relocation": 1}
    s4 = ev[ev.siret.str.startswith("4444")].set_index("kind")
    assert s4.loc["transfer_out", "zone"] == "gare" and s4.loc["transfer_in", "zone"] == "centre"
    rej = result.rejected.set_index("row").reason.to_dict()
    assert rej == {18: "state is not A or F", 19: "end before start", 20: "missing siret",
                   21: "two periods of the same siret start on the same day"}


def test_transfer_window_is_a_parameter():
    wide = activity_barometer(history(), GROUPS, start="2022-01", end="2022-06",
                              transfer_days=150)
    # now S8a (gare, 31 Jan) and S8b (centre, 1 June) are 121 days apart: a transfer
    gare = table(wide, "gare")
    centre = table(wide, "centre")
    assert gare.loc["2022-01", "closures"] == 0 and gare.loc["2022-01", "transfers_out"] == 1
    assert centre.loc["2022-06", "creations"] == 0
    assert centre.loc["2022-06", "transfers_in"] == 1
    # S8a (created 2015) is outside the cohorts either way; S8b leaves the centre's cohort
    assert centre.loc["2022-06", "created_36m"] == 4


def test_survival_window_and_unmapped_codes():
    h = history()
    h.loc[0, "naf"] = "99.99Z"
    res = activity_barometer(h, GROUPS, start="2022-06", end="2022-06", survival_months=12)
    c = res.monthly.set_index(["zone", "group"]).loc[("centre", "all")]
    # creations in the centre from July 2021 to June 2022: S1, S6, S8b (S2 is June 2021)
    # alive at the end of June: S1, S8b
    assert (c.created_36m, c.surviving) == (3, 2)
    assert c.survival_rate == pytest.approx(2 / 3)
    assert "unmapped" in set(res.monthly.group)
    assert res.notes == ["NAF codes without an activity group (counted as 'unmapped'): "
                         "99.99Z"]


def test_without_groups_only_totals():
    res = activity_barometer(history(), start="2022-01", end="2022-06")
    assert set(res.monthly.group) == {"all"}
    with_groups = activity_barometer(history(), GROUPS, start="2022-01", end="2022-06")
    pd.testing.assert_frame_equal(table(res, "centre"), table(with_groups, "centre"))


def test_barometer_failure_paths():
    with pytest.raises(ValueError, match="'all' is reserved"):
        activity_barometer(history(), {"47.71Z": "all"})
    with pytest.raises(ValueError, match="missing zone"):
        activity_barometer(history().drop(columns="zone"))
    with pytest.raises(ValueError, match="end is before start"):
        activity_barometer(history(), GROUPS, start="2022-06", end="2022-01")
    with pytest.raises(ValueError, match="no event in the history: give start and end"):
        activity_barometer(history().iloc[18:20], GROUPS)
    with pytest.raises(ValueError, match="transfer_days"):
        activity_barometer(history(), transfer_days=-1)


def test_index_year_on_year_leaves_missing_years_empty():
    idx = pd.DataFrame({"zone": "centre", "sector": "food",
                        "period": ["2023-01", "2023-02", "2024-01", "2024-02", "2024-03"],
                        "value": [100.0, 0.0, 110.0, 5.0, 120.0]})
    out = index_year_on_year(idx).set_index("period")
    assert out.loc["2024-01", "change"] == pytest.approx(110 / 100 - 1)  # +10 %
    assert out.loc["2024-01", "difference"] == 10
    # February 2023 is 0: the difference is known, the ratio is not
    assert out.loc["2024-02", "difference"] == 5 and np.isnan(out.loc["2024-02", "change"])
    # no March 2023: empty, never 0
    assert np.isnan(out.loc["2024-03", "previous_value"])
    assert np.isnan(out.loc["2024-03", "change"]) and np.isnan(out.loc["2024-03", "difference"])
    assert out.loc["2023-01"].isna()[["previous_value", "change"]].all()
    q = index_year_on_year(pd.DataFrame({"zone": "c", "sector": "all",
                                         "period": ["2023Q1", "2024Q1"], "value": [80, 60]}),
                           freq="Q")
    assert q.change.tolist()[1] == pytest.approx(60 / 80 - 1)
    with pytest.raises(ValueError, match="two values for zone c, sector all, period 2024Q1"):
        index_year_on_year(pd.DataFrame({"zone": "c", "sector": "all",
                                         "period": ["2024Q1", "2024Q1"], "value": [1, 2]}),
                           freq="Q")
    with pytest.raises(ValueError, match="freq must be one of"):
        index_year_on_year(idx, freq="W")
    with pytest.raises(ValueError, match="not readable as periods"):
        index_year_on_year(idx.assign(period="janvier"))
