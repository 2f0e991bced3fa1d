"""Survey plan: sample size, quotas by largest remainder, progress of a wave."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.survey_plan import (
    ALL,
    cross_margins,
    half_width,
    largest_remainder,
    plan_quotas,
    sample_size,
    wave_progress,
)

Z = 1.959963984540054


def test_sample_size_by_hand():
    """n0 = z² · 0.25 / 0.05² = 384.146 → 385; with N = 10 000:
    384.146 / (1 + 383.146 / 10 000) = 369.97 → 370."""
    assert sample_size(0.05, population=1e12) == 385
    assert sample_size(0.05) == 385
    assert sample_size(0.05, population=10_000) == 370
    assert sample_size(0.05, p=0.2) == 246  # 1.96² · 0.16 / 0.0025 = 245.85
    assert sample_size(0.05, design_effect=1.5) == 577  # 576.22
    with pytest.raises(ValueError, match="half-width"):
        sample_size(5)


def test_largest_remainder():
    # 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → 3, 2, 1 and the largest remainder (0.5) gets one.
    assert largest_remainder([5, 3, 2], 7).tolist() == [4, 2, 1]
    assert largest_remainder([1, 1, 1], 2).tolist() == [1, 1, 0]
    assert largest_remainder([1, 3], 0).tolist() == [0, 0]
    with pytest.raises(ValueError, match="not all 0"):
        largest_remainder([0, 0], 3)


def plan():
    population = pd.DataFrame({
        "centrality": ["cv", "cv", "cv", "gare", "gare"],
        "age_band": ["a", "b", "c", "a", "b"],
        "population": [600, 300, 100, 2000, 2000],
    })
    return plan_quotas(population, 0.10)


def test_quotas_per_centrality_by_hand():
    """e = 0.10: n0 = 96.04. cv (N = 1 000): 96.04 / (1 + 95.04 / 1 000) = 87.70 → 88, split
    600 : 300 : 100 = 52.8, 26.4, 8.8 → 52, 26, 8 (86) + 2 to the largest remainders (0.8 and
    0.8: a, the larger population, then c) → 53, 26, 9. gare (N = 4 000): 93.81 → 94 → 47, 47."""
    result = plan()
    assert result.quotas["quota"].tolist() == [53, 26, 9, 47, 47]
    targets = result.targets.set_index("centrality")
    assert targets.loc["cv", "quota"] == 88 and targets.loc["gare", "quota"] == 94
    # reached: 1.96 √(0.25 / 88 × 912 / 999) = 0.0998
    assert targets.loc["cv", "half_width"] == pytest.approx(
        Z * np.sqrt(0.25 / 88 * 912 / 999))
    assert targets.loc["cv", "half_width"] <= 0.10


def test_quotas_for_the_territory():
    population = pd.DataFrame({"centrality": ["cv", "cv", "gare"], "age_band": ["a", "b", "a"],
                               "population": [500, 300, 200]})
    result = plan_quotas(population, per="territory", total=11)
    assert result.quotas["quota"].tolist() == [6, 3, 2]  # 5.5, 3.3, 2.2 → 5, 3, 2 + 1


def test_cross_margins():
    cells = cross_margins(pd.Series({"cv": 1000, "gare": 3000}),
                          pd.Series({"a": 60, "b": 40}))
    assert cells["population"].tolist() == [600, 400, 1800, 1200]


def test_wave_progress():
    quotas = plan().quotas
    responses = pd.DataFrame({"centrality": ["cv"] * 61 + ["gare"] * 47 + [None],
                              "age_band": ["a"] * 50 + ["c"] * 10 + ["d"] + ["b"] * 47
                              + ["a"]})
    table = wave_progress(quotas, responses).set_index(["centrality", "age_band"])
    assert table.loc[("cv", "a"), "received"] == 50
    assert table.loc[("cv", "a"), "remaining"] == 3
    assert table.loc[("cv", "a"), "completion"] == pytest.approx(50 / 53)
    assert table.loc[("cv", "c"), "remaining"] == 0  # 10 received for 9
    assert table.loc[("cv", "d"), "quota"] == 0 and np.isnan(table.loc[("cv", "d"),
                                                                       "completion"])
    assert table.loc[("gare", "a"), "received"] == 0
    assert table.loc[("cv", ALL), "quota"] == 88 and table.loc[("cv", ALL), "received"] == 61
    assert table.loc[(ALL, ALL), "quota"] == 182 and table.loc[(ALL, ALL), "received"] == 108


def test_half_width_inverse():
    assert half_width(385) <= 0.05 < half_width(384)
