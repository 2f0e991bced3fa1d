"""Raking: a 2 × 2 case worked by hand, R's survey package on the reference fixture, failures."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.survey_weighting import (
    SurveyWeightingError,
    effective_sample_size,
    kish_design_effect,
    margins_from_frame,
    rake,
    trim_design,
    trim_weights,
)

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "survey" / "reference" / "weighting"

# 2 × 2: six responses, base weight 1, in the cells (a1,b1) ×2, (a1,b2), (a2,b1), (a2,b2) ×2.
TWO_BY_TWO = pd.DataFrame({"A": ["a1", "a1", "a1", "a2", "a2", "a2"],
                           "B": ["b1", "b1", "b2", "b1", "b2", "b2"]})
MARGINS_2X2 = {"A": {"a1": 70, "a2": 40}, "B": {"b1": 50, "b2": 60}}


def test_two_by_two_raking_by_hand():
    """Limit of raking on the 2 × 2 case.

    Raking multiplies rows and columns only, so it keeps the sample's cross-product ratio
    n11 n22 / (n12 n21) = 2·2 / (1·1) = 4. With the cell totals T11 = t, T12 = 70 − t,
    T21 = 50 − t, T22 = 40 − (50 − t) = t − 10 (rows 70, 40; columns 50, 60):

        t (t − 10) = 4 (70 − t)(50 − t)  →  3t² − 470t + 14000 = 0  →  t = 40 (or 116.7 > 70)

    so T = [[40, 30], [10, 30]] and the weights are T / n: a1b1 40/2 = 20, a1b2 30,
    a2b1 10, a2b2 30/2 = 15.

    Kish: Σw = 110, Σw² = 2·400 + 900 + 100 + 2·225 = 2250; deff = 6 · 2250 / 110² = 1.11570,
    n_eff = 110² / 2250 = 5.37778.
    """
    result = rake(TWO_BY_TWO, MARGINS_2X2, tolerance=1e-12)
    np.testing.assert_allclose(result.weights.to_numpy(), [20, 20, 30, 10, 15, 15], rtol=1e-10)
    report = result.report
    assert report.converged
    assert report.respondents == 6 and report.population == 110
    assert report.weight_min == pytest.approx(10) and report.weight_max == pytest.approx(30)
    assert report.design_effect == pytest.approx(6 * 2250 / 110 ** 2)
    assert report.effective_sample_size == pytest.approx(110 ** 2 / 2250)
    assert report.max_margin_error < 1e-10
    table = result.margins.set_index(["margin", "category"])
    assert table.loc[("A", "a1"), "respondents"] == 3
    assert table.loc[("B", "b2"), "base_total"] == 3
    assert table.loc[("B", "b2"), "weighted_total"] == pytest.approx(60)


def test_two_by_two_first_sweep_by_hand():
    """One sweep. Rows: sums 3 and 3 → × 70/3 and × 40/3: [[46.67, 23.33], [13.33, 26.67]];
    columns: sums 60 and 50 → × 50/60 and × 60/50: [[38.89, 28], [11.11, 32]], per response
    a1b1 38.89/2 = 19.44, a1b2 28, a2b1 11.11, a2b2 16."""
    result = rake(TWO_BY_TWO, MARGINS_2X2, max_iterations=1, raise_on_failure=False)
    assert not result.report.converged and result.report.iterations == 1
    expected = [70 / 3 * 5 / 6, 70 / 3 * 5 / 6, 70 / 3 * 6 / 5, 40 / 3 * 5 / 6,
                40 / 3 * 6 / 5, 40 / 3 * 6 / 5]
    np.testing.assert_allclose(result.weights.to_numpy(), expected, rtol=1e-12)


def test_weights_keep_the_responses_labels_and_the_base_weight_column():
    frame = TWO_BY_TWO.assign(w=[1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    frame.index = [f"r{i}" for i in range(6)]
    result = rake(frame, MARGINS_2X2, "w")
    assert list(result.weights.index) == list(frame.index)
    assert list(result.design.index) == list(frame.index)


def test_diagnostics_of_any_weights():
    w = [1.0, 1.0, 2.0, 4.0]  # Σw = 8, Σw² = 22
    assert kish_design_effect(w) == pytest.approx(4 * 22 / 64)
    assert effective_sample_size(w) == pytest.approx(64 / 22)


# --- R reference --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture():
    responses = pd.read_csv(REFERENCE / "responses.csv", dtype={"zone": str})
    margins = margins_from_frame(pd.read_csv(REFERENCE / "margins.csv",
                                             dtype={"category": str}))
    weights = pd.read_csv(REFERENCE / "weights.csv")
    assert (weights["id"] == responses["id"]).all()
    return responses, margins, weights


def test_raked_weights_match_survey_rake(fixture):
    responses, margins, reference = fixture
    result = rake(responses, margins, "base_weight", tolerance=1e-12)
    np.testing.assert_allclose(result.weights.to_numpy(), reference["rake"], rtol=1e-6)
    assert result.report.converged and result.design.calibration.method == "rake"
    assert result.report.max_margin_error < 1e-9


def test_bounded_raking_matches_survey_calibrate(fixture):
    responses, margins, reference = fixture
    result = rake(responses, margins, "base_weight", bounds=(0.6, 2.0), tolerance=1e-12)
    np.testing.assert_allclose(result.weights.to_numpy(), reference["bounded"], rtol=1e-6)
    report = result.report
    assert report.ratio_min == pytest.approx(0.6) and report.ratio_max == pytest.approx(2.0)
    ratio = reference["bounded"] / responses["base_weight"]
    assert report.at_lower == int((ratio < 0.6 + 1e-9).sum()) > 0
    assert report.at_upper == int((ratio > 2.0 - 1e-9).sum()) > 0
    assert result.design.calibration.method == "calibrate"


def test_trimming_matches_survey_trimweights(fixture):
    responses, margins, reference = fixture
    raked = rake(responses, margins, "base_weight", tolerance=1e-12)
    trimmed = trim_weights(raked.weights, lower=70, upper=300)
    np.testing.assert_allclose(trimmed, reference["trimmed"], rtol=1e-6)
    assert trimmed.sum() == pytest.approx(raked.weights.sum())
    assert trim_design(raked.design, 70, 300).calibration is raked.design.calibration


def test_trimming_by_hand_and_strict():
    # 50 → 40, 10 removed and spread over the 3 others: + 10/3 each.
    np.testing.assert_allclose(trim_weights([10, 20, 30, 50], upper=40),
                               [10 + 10 / 3, 20 + 10 / 3, 30 + 10 / 3, 40])
    # 45 → 40, 5 spread over the two others: + 2.5 each.
    once = trim_weights([36, 36, 45], upper=40)
    np.testing.assert_allclose(once, [38.5, 38.5, 40])
    # Not strict: 51 → 40, + 5.5 each: 36 + 5.5 = 41.5 crosses the bound again. Strict repeats
    # (41.5 → 40, + 0.75 to 35.5 and 40; 40.75 → 40, …) down to the limit that keeps the
    # total 117 with every weight <= 40: [37, 40, 40].
    np.testing.assert_allclose(trim_weights([30, 36, 51], upper=40), [35.5, 41.5, 40])
    np.testing.assert_allclose(trim_weights([30, 36, 51], upper=40, strict=True), [37, 40, 40])
    with pytest.raises(ValueError, match="cannot all lie within"):
        trim_weights([39, 39, 52], upper=40, strict=True)


# --- failures -----------------------------------------------------------------------------


def test_category_with_respondents_but_no_population():
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, {"A": {"a1": 70}, "B": MARGINS_2X2["B"]})
    error = info.value
    assert error.code == "population_absent"
    assert (error.margin, error.category) == ("A", "a2")
    assert str(error) == "margin 'A': category 'a2' has 3 respondent(s) but no population total"


def test_category_with_respondents_but_population_zero():
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, {"A": {"a1": 110, "a2": 0}, "B": MARGINS_2X2["B"]})
    assert info.value.code == "population_zero"
    assert str(info.value) == ("margin 'A': category 'a2' has 3 respondent(s) but a "
                               "population of 0")


def test_category_with_population_but_no_respondent():
    margins = {"A": {"a1": 60, "a2": 40, "a3": 10}, "B": MARGINS_2X2["B"]}
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, margins)
    assert info.value.code == "no_respondent"
    assert (info.value.margin, info.value.category) == ("A", "a3")
    assert "has a population of 10 but no respondent" in str(info.value)


def test_empty_category_without_respondents_is_ignored():
    margins = {"A": {"a1": 70, "a2": 40, "a3": 0}, "B": MARGINS_2X2["B"]}
    np.testing.assert_allclose(rake(TWO_BY_TWO, margins).weights, [20, 20, 30, 10, 15, 15])


def test_missing_value_in_a_margin_variable():
    frame = TWO_BY_TWO.copy()
    frame.loc[[2, 4], "B"] = None
    with pytest.raises(SurveyWeightingError) as info:
        rake(frame, MARGINS_2X2)
    assert info.value.code == "missing_value"
    assert info.value.margin == "B" and info.value.params["count"] == 2
    assert str(info.value).startswith("margin 'B': 2 response(s) have no value (first: "
                                      "response 2)")


def test_non_convergence_with_structural_zeros():
    # Only the cells (a1,b1) and (a2,b2) are observed: rows want 70/40, columns 50/60.
    frame = pd.DataFrame({"A": ["a1", "a2"], "B": ["b1", "b2"]})
    with pytest.raises(SurveyWeightingError) as info:
        rake(frame, MARGINS_2X2, max_iterations=50)
    error = info.value
    assert error.code == "not_converged"
    assert str(error).startswith("raking did not converge in 50 sweeps")
    assert error.result is not None and not error.result.report.converged


def test_margins_with_different_totals_are_refused_or_harmonised():
    margins = {"A": {"a1": 70, "a2": 40}, "B": {"b1": 100, "b2": 120}}
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, margins)
    assert info.value.code == "inconsistent_totals"
    assert info.value.template.format(**info.value.shown_params) == str(info.value)
    assert str(info.value) == ("margin 'B' totals 220 persons but margin 'A' totals 110: "
                               "margins must describe the same population")
    np.testing.assert_allclose(rake(TWO_BY_TWO, margins, harmonise_totals=True).weights,
                               [20, 20, 30, 10, 15, 15])


def test_infeasible_bounds_name_the_category():
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, MARGINS_2X2, bounds=(0.9, 1.1))
    assert info.value.code == "bounds_infeasible"
    assert (info.value.margin, info.value.category) == ("A", "a1")
    assert "cannot be reached with weight ratios within [0.9, 1.1]" in str(info.value)


@pytest.mark.parametrize("bad, code", [
    ({"weights": [1, 1, 0, 1, 1, 1]}, "bad_weights"),
    ({"bounds": (1.2, 2.0)}, "bad_bounds"),
    ({"tolerance": 0}, "bad_tolerance"),
])
def test_bad_parameters(bad, code):
    kwargs = dict(bad)
    weights = kwargs.pop("weights", None)
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, MARGINS_2X2, weights, **kwargs)
    assert info.value.code == code


def test_unknown_margin_variable_and_population():
    with pytest.raises(SurveyWeightingError, match="no column 'age'"):
        rake(TWO_BY_TWO, {"age": {"x": 1}})
    with pytest.raises(SurveyWeightingError) as info:
        rake(TWO_BY_TWO, {"A": {"a1": -5, "a2": 40}, "B": MARGINS_2X2["B"]})
    assert info.value.code == "bad_population" and info.value.category == "a1"


def test_categories_match_as_text():
    frame = pd.DataFrame({"zone": [86194, 86194, 86041], "g": ["f", "m", "f"]})
    margins = {"zone": {"86194": 200, "86041": 100}, "g": {"f": 150, "m": 150}}
    result = rake(frame, margins, tolerance=1e-12)
    assert result.weights.sum() == pytest.approx(300)
    assert list(result.margins["category"][:2]) == ["86194", "86041"]
