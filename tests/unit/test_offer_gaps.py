"""Offer × expectations gaps on a hand-built fixture."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.offer_gaps import offer_gaps, ranked_gaps

CENTRALITIES = pd.DataFrame({
    "centrality": ["P", "S1", "S2", "S3", "S4"],
    "level": ["primary", "secondary", "secondary", "secondary", "secondary"],
    "population": [10000, 2000, 4000, 1000, 0],
})
SUPPLY = pd.DataFrame([
    ("P", "food", 50), ("S1", "food", 4), ("S2", "food", 12), ("S3", "food", 1),
    ("S4", "food", 2),
    ("P", "clothing", 30), ("S1", "clothing", 2), ("S3", "clothing", 1),
    ("P", "books", 3), ("S1", "books", 2), ("S2", "books", 1), ("S3", "books", 1),
    ("P", "cinema", 1),
], columns=["centrality", "activity_group", "count"])
MISSING = pd.DataFrame([
    ("P", "food", 0.05, 100), ("P", "clothing", 0.2, 100), ("P", "cinema", 0.1, 100),
    ("S1", "food", 0.2, 30), ("S1", "clothing", 0.1, 30),
    ("S2", "clothing", 0.4, 50), ("S2", "food", 0.1, 50), ("S2", "cinema", 0.3, 50),
    ("S2", "books", 0.2, 50),
    ("S3", "food", 0.3, 40), ("S3", "clothing", 0.25, 8), ("S3", "cinema", 0.5, 40),
], columns=["centrality", "activity_group", "share", "respondents"])


def test_densities_medians_and_scores_by_hand():
    """Secondary densities per 1 000 inhabitants (S4 has no population: left out):
    food S1 4/2 = 2, S2 12/4 = 3, S3 1/1 = 1 → median 2; S3 relative 0.5, deficit 0.5,
    missing 0.3 → score 0.15. Clothing S1 1, S2 0, S3 1 → median 1; S2 deficit 1, missing 0.4
    → score 0.4. Books S1 1, S2 0.25, S3 1 → median 1; S2 deficit 0.75 × 0.2 = 0.15.
    Cinema: no secondary has one (median 0) → no reference, no score.
    S3 clothing has 8 respondents: not published, no score."""
    table = offer_gaps(SUPPLY, CENTRALITIES, MISSING).set_index(["centrality",
                                                                 "activity_group"])
    row = table.loc[("S3", "food")]
    assert row["density"] == pytest.approx(1.0) and row["peers"] == 3
    assert row["median_density"] == pytest.approx(2.0)
    assert row["supply_deficit"] == pytest.approx(0.5)
    assert row["gap_score"] == pytest.approx(0.15) and row["rank"] == 1
    assert table.loc[("S2", "clothing"), "gap_score"] == pytest.approx(0.4)
    assert table.loc[("S2", "clothing"), "count"] == 0
    assert table.loc[("S2", "books"), "supply_deficit"] == pytest.approx(0.75)
    assert table.loc[("S2", "books"), "rank"] == 2
    assert table.loc[("S2", "food"), "gap_score"] == 0 and np.isnan(table.loc[("S2", "food"),
                                                                               "rank"])
    assert table.loc[("S2", "cinema"), "median_density"] == 0
    assert np.isnan(table.loc[("S2", "cinema"), "gap_score"])
    assert np.isnan(table.loc[("S3", "clothing"), "missing_share"])
    assert np.isnan(table.loc[("S3", "clothing"), "gap_score"])
    assert table.loc[("S3", "clothing"), "respondents"] == 8
    assert np.isnan(table.loc[("S4", "food"), "density"])
    assert table.loc[("P", "food"), "relative_supply"] == pytest.approx(1.0)  # alone at level
    assert table.loc[("P", "food"), "gap_score"] == 0


def test_ranked_gaps_per_centrality():
    gaps = ranked_gaps(offer_gaps(SUPPLY, CENTRALITIES, MISSING))
    assert list(zip(gaps["centrality"], gaps["activity_group"], gaps["rank"])) == [
        ("S2", "clothing", 1), ("S2", "books", 2), ("S3", "food", 1)]
    assert gaps.loc[0, "missing_share"] == pytest.approx(0.4)
    top = ranked_gaps(offer_gaps(SUPPLY, CENTRALITIES, MISSING), top=1)
    assert top["activity_group"].tolist() == ["clothing", "food"]


def test_ties_break_on_the_missing_share():
    missing = MISSING.copy()
    missing.loc[missing["activity_group"].eq("books") & missing["centrality"].eq("S2"),
                "share"] = 0.4 / 0.75  # books score = 0.4 = clothing's
    gaps = ranked_gaps(offer_gaps(SUPPLY, CENTRALITIES, missing))
    s2 = gaps[gaps["centrality"] == "S2"]
    assert s2["activity_group"].tolist() == ["books", "clothing"]


def test_unknown_centrality_is_refused():
    bad = pd.concat([SUPPLY, pd.DataFrame([("X", "food", 1)], columns=SUPPLY.columns)])
    with pytest.raises(ValueError, match=r"not in the centralities table: \['X'\]"):
        offer_gaps(bad, CENTRALITIES, MISSING)
