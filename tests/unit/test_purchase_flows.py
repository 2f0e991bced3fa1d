"""Purchase flows on a hand-built three-zone fixture: shares, capture, evasion, euros."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.purchase_flows import ALL, purchase_flows

# (response, zone, category, place, weight)
ROWS = [
    ("r1", "Z1", "food", "cv", 1), ("r2", "Z1", "food", "cv", 1),
    ("r3", "Z1", "food", "periphery", 2), ("r4", "Z1", "food", "online", 1),
    ("r5", "Z1", "food", "not_concerned", 3),
    ("r6", "Z2", "food", "gare", 2), ("r7", "Z2", "food", "cv", 1),
    ("r8", "Z2", "food", "other_town", 1),
    ("r9", "Z3", "food", "other_town", 1), ("r10", "Z3", "food", "online", 1),
    ("r11", "Z3", "food", "market_short_circuit", 2),
    ("r12", None, "food", "cv", 1),
    ("r1", "Z1", "clothing", "cv", 1), ("r2", "Z1", "clothing", "online", 1),
    ("r3", "Z1", "clothing", "online", 2),
    ("r6", "Z2", "clothing", "periphery", 2), ("r7", "Z2", "clothing", "gare", 1),
    ("r9", "Z3", "clothing", "not_concerned", 1), ("r10", "Z3", "clothing", None, 1),
]
PURCHASES = pd.DataFrame(ROWS, columns=["response", "zone", "category", "place", "weight"])
SPENDING = {"food": 5000.0, "clothing": 1000.0}          # € per household and year
HOUSEHOLDS = {"Z1": 100.0, "Z2": 200.0, "Z3": 50.0}


def lookup(frame, **keys):
    mask = np.ones(len(frame), dtype=bool)
    for column, value in keys.items():
        mask &= (frame[column] == value).to_numpy()
    assert mask.sum() == 1, keys
    return frame[mask].iloc[0]


def test_shares_capture_and_evasion_by_hand():
    """Food, Z1: not_concerned left out, W = 1 + 1 + 2 + 1 = 5 (4 respondents):
    cv 2/5, periphery 2/5, online 1/5 → evasion (other town + online) 1/5.
    Z2: W = 4: gare 2/4, cv 1/4, other town 1/4 → evasion 1/4. Z3: W = 4: other town 1/4,
    online 1/4, market 2/4 → evasion 1/2, capture 0 for both centralities.
    Territory (r12 has no zone but counts): W = 14, cv 4/14, evasion (1 + 1 + 1 + 1)/14."""
    flows = purchase_flows(PURCHASES, ["cv", "gare"])
    share = lookup(flows.shares, category="food", zone="Z1", place="periphery")
    assert share["share"] == pytest.approx(0.4)
    assert share["respondents"] == 4 and share["place_respondents"] == 1
    cap = flows.capture.set_index(["category", "zone", "centrality"])["capture_rate"]
    assert cap[("food", "Z1", "cv")] == pytest.approx(0.4)
    assert cap[("food", "Z1", "gare")] == 0
    assert cap[("food", "Z2", "gare")] == pytest.approx(0.5)
    assert cap[("food", "Z3", "cv")] == 0 and cap[("food", "Z3", "gare")] == 0
    assert cap[("food", ALL, "cv")] == pytest.approx(4 / 14)
    assert cap[("clothing", "Z2", "gare")] == pytest.approx(1 / 3)
    ev = flows.evasion.set_index(["category", "zone"])
    assert ev.loc[("food", "Z1"), "evasion_rate"] == pytest.approx(0.2)
    assert ev.loc[("food", "Z2"), "evasion_rate"] == pytest.approx(0.25)
    assert ev.loc[("food", "Z3"), "evasion_rate"] == pytest.approx(0.5)
    assert ev.loc[("food", "Z3"), "evasion_respondents"] == 2
    assert ev.loc[("food", ALL), "evasion_rate"] == pytest.approx(4 / 14)
    assert ev.loc[("food", ALL), "respondents"] == 11
    assert ev.loc[("clothing", "Z1"), "evasion_rate"] == pytest.approx(0.75)
    assert ev.loc[("clothing", "Z2"), "evasion_rate"] == 0
    assert ("clothing", "Z3") not in ev.index  # nobody there buys clothing
    assert flows.spending is None and flows.captured is None


def test_outside_places_are_a_parameter():
    flows = purchase_flows(PURCHASES, ["cv", "gare"], outside_places=["other_town"])
    ev = flows.evasion.set_index(["category", "zone"])["evasion_rate"]
    assert ev[("food", "Z1")] == 0 and ev[("food", "Z3")] == pytest.approx(0.25)


def test_flows_in_euros_by_hand():
    """Potential = households × spending: food Z1 500 000, Z2 1 000 000, Z3 250 000 €.
    Captured food: cv 500 000 × 0.4 + 1 000 000 × 0.25 = 450 000; gare 1 000 000 × 0.5.
    Clothing (Z3 has no respondent: its 50 000 € are not covered): potential 300 000,
    cv 100 000 × 0.25 = 25 000, gare 200 000 / 3. All categories: cv 475 000 of 2 050 000."""
    flows = purchase_flows(PURCHASES, ["cv", "gare"], spending=SPENDING, households=HOUSEHOLDS)
    captured = flows.captured.set_index(["category", "centrality"])
    assert captured.loc[("food", "cv"), "captured"] == pytest.approx(450_000)
    assert captured.loc[("food", "gare"), "captured"] == pytest.approx(500_000)
    assert captured.loc[("food", "cv"), "potential"] == pytest.approx(1_750_000)
    assert captured.loc[("food", "cv"), "capture_rate"] == pytest.approx(450_000 / 1_750_000)
    assert captured.loc[("food", "cv"), "respondents"] == 10
    assert captured.loc[("food", "cv"), "zones"] == 3
    assert captured.loc[("clothing", "gare"), "captured"] == pytest.approx(200_000 / 3)
    assert captured.loc[("clothing", "cv"), "potential"] == pytest.approx(300_000)
    assert captured.loc[(ALL, "cv"), "captured"] == pytest.approx(475_000)
    assert captured.loc[(ALL, "cv"), "potential"] == pytest.approx(2_050_000)
    assert captured.loc[(ALL, "cv"), "respondents"] == 10
    amount = lookup(flows.spending, category="food", zone="Z3", place="market_short_circuit")
    assert amount["potential"] == pytest.approx(250_000)
    assert amount["amount"] == pytest.approx(125_000)
    assert flows.uncovered[["category", "zone"]].values.tolist() == [["clothing", "Z3"]]
    assert flows.uncovered["potential"].tolist() == [50_000]


def test_bad_inputs():
    with pytest.raises(ValueError, match="lack the column"):
        purchase_flows(PURCHASES.drop(columns="weight"), ["cv"])
    bad = PURCHASES.copy()
    bad.loc[3, "weight"] = 0
    with pytest.raises(ValueError, match="purchase row 3 has the weight 0"):
        purchase_flows(bad, ["cv"])
    with pytest.raises(ValueError, match="need both"):
        purchase_flows(PURCHASES, ["cv"], spending=SPENDING)
    with pytest.raises(ValueError, match="spending of category 'food' is -1"):
        purchase_flows(PURCHASES, ["cv"], spending={"food": -1}, households=HOUSEHOLDS)
