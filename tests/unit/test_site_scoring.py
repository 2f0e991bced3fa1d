"""Site potential scoring: hand-computed scores, contributions, ranking, skipped criteria."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.site_scoring import Criterion, score_sites

SITES = pd.DataFrame({
    "footfall": [100.0, 200.0, 300.0],
    "competitors": [5.0, 1.0, 3.0],
    "floor_area": [50.0, 80.0, 120.0],
    "parking": [np.nan, np.nan, np.nan],
}, index=["a", "b", "c"])

# standardised by hand:
#   footfall (more):  (x - 100) / 200              → a 0,    b 0.5, c 1
#   competitors (less): (5 - x) / 4                 → a 0,    b 1,   c 0.5
#   floor_area (ideal 80 ± 40): 1 - |x - 80| / 40   → a 0.25, b 1,   c 0
CRITERIA = [Criterion("footfall", 50), Criterion("competitors", 30, "less"),
            Criterion("floor_area", 20, "ideal", ideal=80, tolerance=40)]


def test_scores_contributions_and_ranks_by_hand():
    table, warnings = score_sites(SITES, CRITERIA)
    assert warnings == []
    expected = pd.DataFrame({
        "score": [5.0, 75.0, 65.0],
        "rank": [3, 1, 2],
        "contrib_footfall": [0.0, 25.0, 50.0],
        "contrib_competitors": [0.0, 30.0, 15.0],
        "contrib_floor_area": [5.0, 20.0, 0.0],
        "std_footfall": [0.0, 0.5, 1.0],
        "std_competitors": [0.0, 1.0, 0.5],
        "std_floor_area": [0.25, 1.0, 0.0],
    }, index=SITES.index)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_contributions_add_up_to_the_score():
    rng = np.random.default_rng(5)
    data = pd.DataFrame(rng.uniform(0, 100, (30, 4)), columns=list("pqrs"))
    table, _ = score_sites(data, [Criterion("p", 10), Criterion("q", 40, "less"),
                                  Criterion("r", 25, "ideal", ideal=50),
                                  Criterion("s", 25)])
    contrib = table.filter(like="contrib_").sum(axis=1)
    np.testing.assert_allclose(contrib, table.score, rtol=1e-12)
    assert table.score.between(0, 100).all()


def test_a_candidate_dominating_every_criterion_ranks_first_with_100():
    rng = np.random.default_rng(6)
    data = pd.DataFrame({"footfall": rng.uniform(0, 1000, 20),
                         "competitors": rng.integers(1, 10, 20).astype(float)})
    data.loc[20] = [1500.0, 0.0]  # more footfall and fewer competitors than everyone
    table, _ = score_sites(data, [Criterion("footfall", 60), Criterion("competitors", 40,
                                                                      "less")])
    assert table.loc[20, "rank"] == 1
    assert table.loc[20, "score"] == pytest.approx(100.0)
    assert (table.drop(index=20).score < 100).all()


def test_weights_not_summing_to_100_are_refused_naming_the_weights():
    with pytest.raises(ValueError, match=r"sum to 100 %, they sum to 90 % \(footfall=50, "
                                         r"competitors=20, floor_area=20\)"):
        score_sites(SITES, [Criterion("footfall", 50), Criterion("competitors", 20, "less"),
                            Criterion("floor_area", 20, "ideal", ideal=80)])
    with pytest.raises(ValueError, match="weights must be >= 0"):
        score_sites(SITES, [Criterion("footfall", 120), Criterion("competitors", -20)])


def test_criterion_without_data_is_skipped_and_weights_renormalised():
    criteria = [Criterion("footfall", 45), Criterion("competitors", 20, "less"),
                Criterion("floor_area", 20, "ideal", ideal=80, tolerance=40),
                Criterion("parking", 10), Criterion("transit_stops", 5)]
    table, warnings = score_sites(SITES, criteria)
    assert warnings == [
        "criterion 'parking' skipped: no data for any candidate",
        "criterion 'transit_stops' skipped: no such column in the data",
        "weights renormalised over the remaining criteria (sum 85 % scaled to 100 %)",
    ]
    # weights 45, 20, 20 scaled by 100 / 85; b = (45·0.5 + 20 + 20) · 100 / 85
    assert table.loc["b", "score"] == pytest.approx(62.5 * 100 / 85)
    assert "contrib_parking" not in table.columns
    np.testing.assert_allclose(table.filter(like="contrib_").sum(axis=1), table.score)


def test_missing_values_score_zero_and_constant_criteria_score_one():
    data = SITES.assign(footfall=[100.0, np.nan, 300.0], parking=[4.0, 4.0, 4.0])
    table, warnings = score_sites(data, [Criterion("footfall", 50), Criterion("parking", 50)])
    assert warnings == ["criterion 'footfall': 1 candidate(s) without data score 0"]
    assert table.std_footfall.tolist() == [0.0, 0.0, 1.0]
    assert table.std_parking.tolist() == [1.0, 1.0, 1.0]


def test_ideal_without_tolerance_uses_the_farthest_candidate():
    table, _ = score_sites(SITES, [Criterion("floor_area", 100, "ideal", ideal=80)])
    # gaps 30, 0, 40 → tolerance 40
    assert table.std_floor_area.tolist() == pytest.approx([0.25, 1.0, 0.0])


def test_ties_share_the_best_rank():
    data = pd.DataFrame({"x": [1.0, 3.0, 3.0, 2.0]})
    table, _ = score_sites(data, [Criterion("x", 100)])
    assert table["rank"].tolist() == [4, 1, 1, 3]


def test_similarity_to_a_target_site():
    # raw values min-max scaled: footfall (0, .5, 1), competitors (1, 0, .5); target b
    # c: sqrt(((1 - .5)² + (.5 - 0)²) / 2) = .5 → similarity .5; a: sqrt((.25 + 1) / 2)
    table, _ = score_sites(SITES, [Criterion("footfall", 40), Criterion("competitors", 30,
                                                                       "less")],
                           target="b", similarity_weight=30)
    assert table.std_similarity.tolist() == pytest.approx([1 - np.sqrt(0.625), 1.0, 0.5])
    assert table.loc["b", "score"] == pytest.approx(40 * 0.5 + 30 + 30)
    by_values, _ = score_sites(SITES, [Criterion("footfall", 70)], similarity_weight=30,
                               target={"footfall": 300.0})
    assert by_values.std_similarity.tolist() == pytest.approx([0.0, 0.5, 1.0])


def test_bad_inputs_give_clear_errors():
    with pytest.raises(ValueError, match="direction must be one of"):
        score_sites(SITES, [Criterion("footfall", 100, "up")])
    with pytest.raises(ValueError, match="'ideal' needs an ideal value"):
        score_sites(SITES, [Criterion("floor_area", 100, "ideal")])
    with pytest.raises(ValueError, match="no target site"):
        score_sites(SITES, [Criterion("footfall", 50)], similarity_weight=50)
    with pytest.raises(ValueError, match="'z' is not a candidate"):
        score_sites(SITES, [Criterion("footfall", 50)], similarity_weight=50, target="z")
    with pytest.raises(ValueError, match="repeated"):
        score_sites(SITES, [Criterion("footfall", 50), Criterion("footfall", 50)])
    with pytest.raises(ValueError, match="no criterion can be scored"):
        score_sites(SITES, [Criterion("parking", 100)])
    with pytest.raises(ValueError, match="at least one criterion"):
        score_sites(SITES, [])
