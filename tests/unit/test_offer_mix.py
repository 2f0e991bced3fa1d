"""Offer mix and diversity indices on a hand-built fixture (values worked out by hand)."""

import math

import pandas as pd
import pytest

from observatoire_commerce.analysis.offer_mix import (
    GROUP_COLUMNS,
    SUMMARY_COLUMNS,
    diversity,
    offer_mix,
)

LN2, LN3 = math.log(2), math.log(3)

PREMISES = pd.DataFrame(
    [(f"X{i}", "X") for i in range(1, 8)] + [(f"Y{i}", "Y") for i in range(1, 4)]
    + [("Z1", "Z")] + [(f"W{i}", "W") for i in range(1, 5)] + [("O1", None)],
    columns=["premise", "zone"])

OBS = pd.DataFrame([
    # 2022: X has 2 shops (alimentaire, equipement_personne)
    ("X1", "2022", "occupied", "alimentaire", "independent"),
    ("X3", "2022", "occupied", "equipement_personne", "chain"),
    # 2023: X has alimentaire ×2, equipement_personne, cafes -> counts 2, 1, 1
    ("X1", "2023", "occupied", "alimentaire", "independent"),
    ("X2", "2023", "occupied", "alimentaire", "independent"),
    ("X3", "2023", "occupied", "equipement_personne", "chain"),
    ("X4", "2023", "occupied", "cafes_hotels_restaurants", "franchise"),
    ("X5", "2023", "vacant", None, None),                   # not a shop
    ("X6", "2023", "occupied", "hors_commerce", None),      # excluded group
    ("X7", "2023", "occupied", None, None),                 # unknown group, counted apart
    # Y: a single group
    ("Y1", "2023", "occupied", "alimentaire", None),
    ("Y2", "2023", "occupied", "alimentaire", None),
    ("Y3", "2023", "occupied", "alimentaire", None),
    # Z: no shop at all
    ("Z1", "2023", "vacant", None, None),
    # W: two groups, 2 and 2
    ("W1", "2023", "occupied", "alimentaire", None),
    ("W2", "2023", "occupied", "alimentaire", None),
    ("W3", "2023", "occupied", "culture_loisirs", None),
    ("W4", "2023", "occupied", "culture_loisirs", None),
    ("O1", "2023", "occupied", "automobile", None),
], columns=["premise", "campaign", "status", "activity_group", "chain_type"])


@pytest.fixture(scope="module")
def mix():
    return offer_mix(OBS, PREMISES, ["2022", "2023"], zones=["X", "Y", "Z", "W"],
                     population={"X": 2000, "Z": 500})


def summary_row(mix, zone, campaign="2023"):
    s = mix.summary
    sel = s[(s["outside"] if zone is None else (s["zone"] == zone)) & (s["campaign"] == campaign)]
    assert len(sel) == 1
    return sel.iloc[0]


def test_columns(mix):
    assert list(mix.summary.columns) == SUMMARY_COLUMNS
    assert list(mix.by_group.columns) == GROUP_COLUMNS
    assert len(mix.summary) == 10  # (X, Y, Z, W, outside) × 2 campaigns


def test_three_groups(mix):
    r = summary_row(mix, "X")
    assert (r["shops"], r["unknown_group"], r["groups"]) == (4, 1, 3)
    # p = 1/2, 1/4, 1/4: H = -(1/2 ln 1/2 + 2 × 1/4 ln 1/4) = 1/2 ln 2 + ln 2 = 1.5 ln 2
    assert r["shannon"] == pytest.approx(1.5 * LN2)
    assert r["pielou"] == pytest.approx(1.5 * LN2 / LN3)
    # Simpson = 1 - (1/4 + 1/16 + 1/16) = 0.625
    assert r["simpson"] == pytest.approx(0.625)
    # 2 independents, 1 chain + 1 franchise -> 50 %
    assert (r["independents"], r["chains"], r["unknown_chain"]) == (2, 2, 0)
    assert r["independent_share"] == pytest.approx(50.0)
    # 1 000 × 4 / 2 000 = 2 shops per 1 000 inhabitants
    assert r["density_per_1000"] == pytest.approx(2.0)


def test_change_since_previous_campaign(mix):
    r = summary_row(mix, "X")
    # 2022: 1 + 1 -> H = ln 2; 2023: 1.5 ln 2 -> change 0.5 ln 2; shops 2 -> 4
    assert summary_row(mix, "X", "2022")["shannon"] == pytest.approx(LN2)
    assert r["shannon_change"] == pytest.approx(0.5 * LN2)
    assert r["shops_change"] == 2
    assert r["simpson_change"] == pytest.approx(0.625 - 0.5)
    g = mix.by_group.set_index(["zone", "campaign", "activity_group"])
    # alimentaire 50 % -> 50 %; equipement_personne 50 % -> 25 % (-25 points)
    assert g.loc[("X", "2023", "alimentaire"), "share"] == pytest.approx(50.0)
    assert g.loc[("X", "2023", "alimentaire"), "share_change"] == pytest.approx(0.0)
    assert g.loc[("X", "2023", "equipement_personne"), "share_change"] == pytest.approx(-25.0)
    assert g.loc[("X", "2023", "alimentaire"), "shops_change"] == 1


def test_single_group_and_empty_zone(mix):
    y = summary_row(mix, "Y")
    assert y["groups"] == 1 and y["shannon"] == 0.0 and y["simpson"] == 0.0
    assert math.isnan(y["pielou"])           # J undefined for K = 1: null, not a crash
    assert math.isnan(y["density_per_1000"])  # no population given
    z = summary_row(mix, "Z")
    assert z["shops"] == 0 and z["groups"] == 0
    assert math.isnan(z["shannon"]) and math.isnan(z["pielou"]) and math.isnan(z["simpson"])
    assert z["density_per_1000"] == 0.0
    assert math.isnan(z["independent_share"])


def test_two_equal_groups_and_outside(mix):
    w = summary_row(mix, "W")
    assert w["shannon"] == pytest.approx(LN2)
    assert w["pielou"] == pytest.approx(1.0)
    assert w["simpson"] == pytest.approx(0.5)
    out = summary_row(mix, None)
    assert out["shops"] == 1 and out["zone"] is None


def test_diversity_function():
    # one group: K = 1, H = -1 ln 1 = 0, J = H / ln 1 undefined (NaN), Simpson = 1 - 1² = 0
    k, h, j, s = diversity([5])
    assert (k, h, s) == (1, 0.0, 0.0) and math.isnan(j)
    k, h, j, s = diversity([1, 1, 1, 1])
    # 4 equal groups: H = ln 4, J = 1, Simpson = 1 - 4/16 = 0.75
    assert (k, h, j, s) == (4, pytest.approx(math.log(4)), pytest.approx(1.0), pytest.approx(0.75))
    assert diversity([])[0] == 0 and math.isnan(diversity([0, 0])[1])


def test_missing_activity_column_is_an_error():
    with pytest.raises(ValueError, match="activity_group"):
        offer_mix(OBS.drop(columns="activity_group"), PREMISES, ["2022", "2023"])
