"""Vacancy dynamics on the hand-built fixture tests/data/offer (31 premises, 3 campaigns).

Fixture: zone A (A01–A20; A19 upstairs, A20 without floor area, demolished in 2023), zone B
(B01–B08; B08 split in 2023 into B08a and B08b), zone C (no premise) and O1 outside every zone.
Every expected value below is worked out by hand from tests/data/offer/*.csv.
"""

import math
from pathlib import Path

import pandas as pd
import pytest

from observatoire_commerce.analysis.vacancy_dynamics import (
    COLUMNS,
    procos_band,
    vacancy_dynamics,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"
CAMPAIGNS = ["2021", "2022", "2023"]


def load():
    premises = pd.read_csv(DATA / "premises.csv", dtype={"premise": str, "zone": str})
    obs = pd.read_csv(DATA / "observations.csv", dtype=str, keep_default_na=False)
    obs = obs.replace({"": None})
    lineage = pd.read_csv(DATA / "lineage.csv", dtype=str)
    return obs, premises, lineage


@pytest.fixture(scope="module")
def table():
    obs, premises, lineage = load()
    return vacancy_dynamics(obs, premises, CAMPAIGNS, lineage, zones=["A", "B", "C"])


def row(table, zone, campaign):
    if zone is None:
        sel = table[table["outside"] & (table["campaign"] == campaign)]
    else:
        sel = table[(table["zone"] == zone) & (table["campaign"] == campaign)]
    assert len(sel) == 1
    return sel.iloc[0]


def test_shape_and_columns(table):
    assert list(table.columns) == COLUMNS
    # zones A, B, C then the outside row, each for 3 campaigns
    assert len(table) == 12
    assert list(table["zone"].iloc[::3]) == ["A", "B", "C", None]


def test_zone_a_rates_units_and_area(table):
    r = row(table, "A", "2021")
    # 20 premises; vacant A09, A10, A15, A19 -> 4 / 20 = 20 %
    assert (r["premises"], r["vacant"]) == (20, 4)
    assert r["vacancy_rate"] == pytest.approx(20.0)
    # known areas: 8×100 (A01–A08) + 200 + 100 + 50 + 150 + 6×100 (A13–A18) + 80 = 1 980 m²;
    # A20 has none. Vacant: A09 200 + A10 100 + A15 100 + A19 80 = 480 -> 480/1980 = 24.2424 %
    assert r["premises_without_area"] == 1
    assert r["floor_area"] == pytest.approx(1980.0)
    assert r["vacant_floor_area"] == pytest.approx(480.0)
    assert r["vacancy_rate_floor_area"] == pytest.approx(100 * 480 / 1980)
    assert r["procos_band"] == "critical"
    assert pd.isna(r["rate_change"]) and pd.isna(r["turnover_rate"])
    assert pd.isna(r["openings"]) and pd.isna(r["previous_premises"])

    r = row(table, "A", "2022")
    # vacant A09, A11, A15, A19, A20 -> 5 / 20 = 25 %, +5 points
    assert (r["premises"], r["vacant"]) == (20, 5)
    assert r["vacancy_rate"] == pytest.approx(25.0)
    assert r["rate_change"] == pytest.approx(5.0)
    # area: A09 200 + A11 50 + A15 100 + A19 80 = 430 (A20 has no area) -> 430/1980
    assert r["vacancy_rate_floor_area"] == pytest.approx(100 * 430 / 1980)

    r = row(table, "A", "2023")
    # A20 demolished: 19 counted; vacant A09, A11, A12, A19 = 4 -> 400/19 = 21.0526 %
    assert (r["premises"], r["vacant"]) == (19, 4)
    assert r["vacancy_rate"] == pytest.approx(400 / 19)
    assert r["rate_change"] == pytest.approx(400 / 19 - 25.0)
    assert r["premises_without_area"] == 0
    # 200 + 50 + 150 + 80 = 480 over 1 980
    assert r["vacancy_rate_floor_area"] == pytest.approx(100 * 480 / 1980)


def test_zone_a_transitions(table):
    r = row(table, "A", "2022")
    # changed: A08 (new occupant and activity), A10 (opening), A11 (closure), A13 (works ->
    # occupied), A14 (occupied -> other use), A20 (closure) = 6 over 20 premises in 2021 = 30 %
    assert r["previous_premises"] == 20
    assert r["changed"] == 6
    assert r["turnover_rate"] == pytest.approx(30.0)
    assert (r["openings"], r["closures"], r["activity_changes"]) == (1, 2, 1)
    assert r["new_premises"] == 0
    r = row(table, "A", "2023")
    # changed: A07 (Epicerie F -> Primeur G, same group), A12 (closure), A15 (opening),
    # A20 (vacant -> demolished) = 4 over 20 = 20 %
    assert r["changed"] == 4
    assert r["turnover_rate"] == pytest.approx(20.0)
    assert (r["openings"], r["closures"], r["activity_changes"]) == (1, 1, 0)


def test_zone_b_with_split(table):
    r = row(table, "B", "2021")
    # vacant B03, B08: 2/8 = 25 %; area 7×100 + 200 = 900, vacant 100 + 200 -> 33.33 %
    assert (r["premises"], r["vacant"]) == (8, 2)
    assert r["vacancy_rate_floor_area"] == pytest.approx(100 * 300 / 900)
    r = row(table, "B", "2022")
    # B04 closes: 3/8 = 37.5 %, +12.5 points; turnover 1/8 = 12.5 %
    assert r["vacancy_rate"] == pytest.approx(37.5)
    assert r["rate_change"] == pytest.approx(12.5)
    assert (r["changed"], r["openings"], r["closures"]) == (1, 0, 1)
    assert r["turnover_rate"] == pytest.approx(12.5)
    r = row(table, "B", "2023")
    # B08 -> B08a (vacant) + B08b (occupied): 9 premises, vacant B03, B08a = 2/9
    assert (r["premises"], r["vacant"]) == (9, 2)
    assert r["vacancy_rate"] == pytest.approx(200 / 9)
    assert r["rate_change"] == pytest.approx(200 / 9 - 37.5)
    # area 7×100 + 120 + 80 = 900, vacant B03 100 + B08a 120 = 220
    assert r["vacancy_rate_floor_area"] == pytest.approx(100 * 220 / 900)
    # B04 reopens (Laverie W); B08b inherits B08's vacancy and opens; B08a stays vacant;
    # B07 "Jeux-Z" -> "JEUX Z" is the same occupant once normalised: 2 changes over 8 = 25 %
    assert (r["changed"], r["openings"], r["closures"]) == (2, 2, 0)
    assert r["turnover_rate"] == pytest.approx(25.0)
    assert r["new_premises"] == 0


def test_empty_zone_has_null_rates(table):
    for campaign in CAMPAIGNS:
        r = row(table, "C", campaign)
        assert r["premises"] == 0 and r["vacant"] == 0
        assert math.isnan(r["vacancy_rate"]) and math.isnan(r["vacancy_rate_floor_area"])
        assert r["procos_band"] is None
        assert math.isnan(r["turnover_rate"]) and pd.isna(r["rate_change"])


def test_outside_counted_apart(table):
    assert row(table, None, "2021")["vacancy_rate"] == pytest.approx(0.0)
    assert row(table, None, "2021")["procos_band"] == "normal"
    r = row(table, None, "2023")
    # O1 (garage) closes in 2023: 1/1 = 100 %, turnover 1/1 = 100 %
    assert (r["premises"], r["vacant"], r["closures"]) == (1, 1, 1)
    assert r["turnover_rate"] == pytest.approx(100.0)
    # outside premises never leak into a zone: A + B + outside = 20 + 8 + 1 in 2021
    assert table[table["campaign"] == "2021"]["premises"].sum() == 29


def test_ground_floor_only_drops_upstairs_premise():
    obs, premises, lineage = load()
    t = vacancy_dynamics(obs, premises, CAMPAIGNS, lineage, ground_floor_only=True, zones=["A"])
    r = row(t, "A", "2021")
    # A19 (upstairs, vacant) removed: 3 vacant / 19
    assert (r["premises"], r["vacant"]) == (19, 3)
    assert r["vacancy_rate"] == pytest.approx(300 / 19)


def test_works_counted_as_vacant_option():
    obs, premises, lineage = load()
    t = vacancy_dynamics(obs, premises, CAMPAIGNS, lineage, zones=["A"],
                         vacant_statuses=("vacant", "works"))
    r = row(t, "A", "2021")
    # A13 under works joins the 4 vacant: 5/20
    assert r["vacant"] == 5 and r["vacancy_rate"] == pytest.approx(25.0)
    # A13 works -> occupied now is an opening: A10 + A13
    assert row(t, "A", "2022")["openings"] == 2


def test_procos_band_boundaries():
    # lower bound inclusive: [0, 5) normal, [5, 7.5) moderate, [7.5, 10) worrying, >= 10 critical
    assert procos_band(0.0) == "normal"
    assert procos_band(4.999) == "normal"
    assert procos_band(5.0) == "moderate"
    assert procos_band(100 * 3 / 40) == "worrying"  # 7.5 exactly
    assert procos_band(9.99) == "worrying"
    assert procos_band(10.0) == "critical"
    assert procos_band(float("nan")) is None and procos_band(None) is None


def test_failure_paths():
    obs, premises, lineage = load()
    with pytest.raises(ValueError, match="unknown premise"):
        vacancy_dynamics(pd.concat([obs, pd.DataFrame(
            [{"premise": "ZZ", "campaign": "2021", "status": "vacant"}])]), premises, CAMPAIGNS)
    with pytest.raises(ValueError, match="unknown campaign"):
        vacancy_dynamics(obs, premises, ["2021", "2022"])
    with pytest.raises(ValueError, match="observed twice"):
        vacancy_dynamics(pd.concat([obs, obs.iloc[:1]]), premises, CAMPAIGNS)
    with pytest.raises(ValueError, match="lack the column"):
        vacancy_dynamics(obs.drop(columns="status"), premises, CAMPAIGNS)


def test_small_rates_by_hand():
    # (was analysis.vacancy, superseded by this module and deleted.) Zone A: 4 premises in 2021
    # (p1 vacant; p3 under works counts, as occupied space) -> 1 / 4 = 25 %; 2022: p4
    # demolished (excluded), p1 and p2 vacant -> 2 / 3 = 66.67 %. Zone B holds nothing: 0
    # premises, null rate. p5 lies outside every zone: 2021 vacant (1 / 1 = 100 %), 2022
    # occupied (0 %).
    obs = pd.DataFrame(
        [("p1", "2021", "vacant"), ("p2", "2021", "occupied"), ("p3", "2021", "works"),
         ("p4", "2021", "occupied"), ("p5", "2021", "vacant"),
         ("p1", "2022", "vacant"), ("p2", "2022", "vacant"), ("p3", "2022", "occupied"),
         ("p4", "2022", "demolished"), ("p5", "2022", "occupied")],
        columns=["premise", "campaign", "status"])
    premises = pd.DataFrame({"premise": ["p1", "p2", "p3", "p4", "p5"],
                             "zone": ["A", "A", "A", "A", None]})
    t = vacancy_dynamics(obs, premises, ["2021", "2022"], zones=["A", "B"])
    got = [(r.zone, r.campaign, r.premises, r.vacant,
            None if math.isnan(r.vacancy_rate) else round(r.vacancy_rate, 4))
           for r in t.itertuples()]
    assert got == [("A", "2021", 4, 1, 25.0), ("A", "2022", 3, 2, round(200 / 3, 4)),
                   ("B", "2021", 0, 0, None), ("B", "2022", 0, 0, None),
                   (None, "2021", 1, 1, 100.0), (None, "2022", 1, 0, 0.0)]
    # works counted as vacant when asked: p1 and p3 of 4 in 2021 -> 50 %
    t = vacancy_dynamics(obs, premises, ["2021", "2022"], zones=["A"],
                         vacant_statuses=("vacant", "works"))
    assert row(t, "A", "2021")["vacancy_rate"] == pytest.approx(50.0)
