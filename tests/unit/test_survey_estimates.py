"""Weighted means, SEs and intervals: R's svymean / svyby / confint, and cases by hand."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.survey_design import SurveyDesign
from observatoire_commerce.analysis.survey_estimates import (
    category_indicators,
    multi_choice_indicators,
    normal_quantile,
    scores,
    share_indicator,
    survey_mean,
    survey_means,
)
from observatoire_commerce.analysis.survey_weighting import margins_from_frame, rake, trim_design

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "survey" / "reference" / "weighting"
VARIABLES = ["sat_offer", "sat_parking", "satisfied_offer", "miss_food", "car"]
Z95 = 1.959963984540054


@pytest.fixture(scope="module")
def designs():
    responses = pd.read_csv(REFERENCE / "responses.csv", dtype={"zone": str})
    margins = margins_from_frame(pd.read_csv(REFERENCE / "margins.csv",
                                             dtype={"category": str}))
    raked = rake(responses, margins, "base_weight", tolerance=1e-12).design
    bounded = rake(responses, margins, "base_weight", bounds=(0.6, 2.0), tolerance=1e-12).design
    return responses, {
        "weighted": SurveyDesign.weighted(responses["base_weight"]),
        "raked": raked,
        "bounded": bounded,
        "trimmed": trim_design(raked, lower=70, upper=300),
    }


@pytest.fixture(scope="module")
def reference():
    return pd.read_csv(REFERENCE / "estimates.csv", keep_default_na=False, na_values=["NA"])


@pytest.mark.parametrize("design_name", ["weighted", "raked", "bounded", "trimmed"])
@pytest.mark.parametrize("by", ["", "centrality", "age_band"])
def test_means_ses_and_intervals_match_r(designs, reference, design_name, by):
    """R: svymean(~v, design, na.rm = TRUE) / svyby(~v, ~by, design, svymean, na.rm = TRUE),
    confint; see tests/data/survey/reference/weighting/reference.R."""
    responses, all_designs = designs
    ours = survey_means(all_designs[design_name], responses[VARIABLES],
                        responses[by] if by else None)
    expected = reference[(reference["design"] == design_name) & (reference["by"] == by)]
    if by:
        ours = ours.rename(columns={by: "domain"})
        merged = expected.merge(ours, on=["variable", "domain"], suffixes=("_r", ""))
        assert len(ours) == len(expected)
    else:
        merged = expected.merge(ours, on="variable", suffixes=("_r", ""))
    assert len(merged) == len(expected) > 0
    for column in ("mean", "se", "ci_low", "ci_high"):
        np.testing.assert_allclose(merged[column], merged[column + "_r"], rtol=1e-6, atol=1e-9,
                                   err_msg=f"{design_name} by {by or 'nothing'}: {column}")
    assert (merged["respondents"] == merged["respondents_r"]).all()


def test_calibration_changes_the_standard_errors(designs):
    """The raked design's SEs are not those of the same weights taken as a plain design."""
    responses, all_designs = designs
    raked = all_designs["raked"]
    plain = SurveyDesign.weighted(raked.weights)
    a = survey_means(raked, responses[VARIABLES])
    b = survey_means(plain, responses[VARIABLES])
    np.testing.assert_allclose(a["mean"], b["mean"])
    assert (np.abs(a["se"] - b["se"]) > 1e-4).any()


def test_plain_design_by_hand():
    """w = (1, 1, 2), y = (1, 0, 1): W = 4, ȳ = 3/4;
    z = w (y − ȳ) / W = (1/16, −3/16, 2/16), Σz² = (1 + 9 + 4) / 256 = 14/256;
    V = n / (n − 1) Σz² = 3/2 · 14/256 = 21/256, SE = √21 / 16 = 0.28641."""
    design = SurveyDesign.weighted([1.0, 1.0, 2.0])
    est = survey_mean(design, [1.0, 0.0, 1.0])
    assert est.mean == pytest.approx(0.75)
    assert est.se == pytest.approx(np.sqrt(21) / 16)
    assert est.ci_low == pytest.approx(0.75 - Z95 * np.sqrt(21) / 16)
    assert est.ci_high == pytest.approx(0.75 + Z95 * np.sqrt(21) / 16)
    assert est.respondents == 3 and est.weighted_total == 4


def test_domain_and_missing_answers_by_hand():
    """Domains keep the whole sample in the variance (R's convention): response 4 (domain B)
    and response 5 (no answer) give z = 0 but count in n = 5.
    Domain A: w = (1, 1, 2), y = (1, 0, 1) → ȳ = 3/4, Σz² = 14/256, V = 5/4 · 14/256."""
    design = SurveyDesign.weighted([1.0, 1.0, 2.0, 1.0, 3.0])
    y = pd.Series([1.0, 0.0, 1.0, 5.0, np.nan], name="y")
    by = pd.Series(["A", "A", "A", "B", "A"], name="centrality")
    out = survey_means(design, y, by)
    assert list(out.columns[:2]) == ["centrality", "variable"]
    row = out.set_index("centrality").loc["A"]
    assert row["respondents"] == 3 and row["mean"] == pytest.approx(0.75)
    assert row["se"] == pytest.approx(np.sqrt(5 / 4 * 14 / 256))
    row_b = out.set_index("centrality").loc["B"]
    assert row_b["respondents"] == 1 and row_b["mean"] == 5 and row_b["se"] == 0


def test_labels_align_variables_and_domains():
    design = SurveyDesign.weighted(pd.Series([1.0, 1.0, 2.0], index=["r1", "r2", "r3"]))
    y = pd.Series([1.0, 0.0], index=["r3", "r1"], name="y")  # r2 absent = no answer
    est = survey_mean(design, y)
    assert est.respondents == 2 and est.mean == pytest.approx(2 / 3)


def test_domain_with_no_answer_and_two_by_variables():
    design = SurveyDesign.weighted([1.0] * 4)
    frame = pd.DataFrame({"s": [1.0, 2.0, np.nan, 4.0]})
    by = pd.DataFrame({"k": ["x", "x", "y", "y"], "age": ["a", "a", "a", "b"]})
    out = survey_means(design, frame, by)
    assert list(zip(out["k"], out["age"])) == [("x", "a"), ("y", "a"), ("y", "b")]
    assert out["respondents"].tolist() == [2, 0, 1]
    assert np.isnan(out.loc[1, "mean"]) and np.isnan(out.loc[1, "se"])


def test_non_numeric_variable_is_refused():
    with pytest.raises(ValueError, match="variable 'town' must be numeric"):
        survey_means(SurveyDesign.weighted([1.0, 2.0]), pd.DataFrame({"town": ["a", "b"]}))


def test_normal_quantile():
    assert normal_quantile(0.95) == pytest.approx(Z95, abs=1e-12)
    assert normal_quantile(0.90) == pytest.approx(1.6448536269514722, abs=1e-12)


def test_scores_and_share_satisfied():
    s = scores(pd.Series([1, 5, 0, 6, None, "3", "x"]))
    np.testing.assert_array_equal(s.to_numpy(), [1, 5, np.nan, np.nan, np.nan, 3, np.nan])
    satisfied = share_indicator(s, {4, 5})
    np.testing.assert_array_equal(satisfied.to_numpy(), [0, 1, np.nan, np.nan, np.nan, 0,
                                                         np.nan])


def test_category_and_multi_choice_indicators():
    single = category_indicators(pd.Series(["car", "walk", None, "car"]), prefix="mode_")
    assert list(single.columns) == ["mode_car", "mode_walk"]
    np.testing.assert_array_equal(single["mode_car"].to_numpy(), [1, 0, np.nan, 1])
    responses = pd.Index(["r1", "r2", "r3", "r4"])
    answers = pd.DataFrame({"response": ["r1", "r1", "r2", "r9"],
                            "choice": ["food", "clothing", "food", "food"]})
    asked = pd.Series([True, True, True, False], index=responses)
    multi = multi_choice_indicators(responses, answers, ["food", "clothing", "books"],
                                    asked=asked, prefix="miss_")
    assert list(multi.columns) == ["miss_food", "miss_clothing", "miss_books"]
    np.testing.assert_array_equal(multi["miss_food"].to_numpy(), [1, 1, 0, np.nan])
    np.testing.assert_array_equal(multi["miss_clothing"].to_numpy(), [1, 0, 0, np.nan])
    np.testing.assert_array_equal(multi["miss_books"].to_numpy(), [0, 0, 0, np.nan])


def test_overlapping_domains_match_r_per_domain(designs, reference):
    """Memberships (here the centralities, as booleans) give svyby's figures per column."""
    responses, all_designs = designs
    member = pd.get_dummies(responses["centrality"]).astype(bool)
    ours = survey_means(all_designs["raked"], responses[VARIABLES], domains=member)
    expected = reference[(reference["design"] == "raked") & (reference["by"] == "centrality")]
    merged = expected.merge(ours, on=["variable", "domain"], suffixes=("_r", ""))
    assert len(merged) == len(expected) == len(ours)
    np.testing.assert_allclose(merged["se"], merged["se_r"], rtol=1e-6)
    np.testing.assert_allclose(merged["mean"], merged["mean_r"], rtol=1e-6)


def test_overlapping_domains_equal_separate_estimates(designs):
    responses, all_designs = designs
    design = all_designs["raked"]
    visited = pd.DataFrame({"cv": responses["zone"].eq("86194") | responses["car"].eq(1),
                            "gare": responses["age_band"].isin(["15_34", "35_49"])})
    both = survey_means(design, responses[["sat_offer"]], domains=visited)
    for name in ("cv", "gare"):
        alone = survey_means(design, responses[["sat_offer"]],
                             by=visited[name].map({True: "in", False: None}))
        row = both[both["domain"] == name].iloc[0]
        assert row["se"] == pytest.approx(alone["se"].iloc[0], rel=1e-12)
        assert row["mean"] == pytest.approx(alone["mean"].iloc[0], rel=1e-12)
    with pytest.raises(ValueError, match="not both"):
        survey_means(design, responses[["sat_offer"]], by=responses["zone"], domains=visited)
