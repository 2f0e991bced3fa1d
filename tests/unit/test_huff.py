"""Huff model: a hand-computed 2 × 3 case, edge cases, chunking, and calibration."""

import numpy as np
import pytest

from observatoire_commerce.analysis.huff import (
    calibrate_huff,
    distance_matrix,
    huff_model,
    huff_probabilities,
)
from observatoire_commerce.analysis.network import CancelledError

# 2 cells × 3 destinations, alpha = 1, beta = 2 (power):
#   cell 0: d = (1, 2, 4), A / d² = (1, 0.5, 0.25), sum 1.75 → P = (4/7, 2/7, 1/7)
#   cell 1: d = (2, 1, 2), A / d² = (0.25, 2, 1),   sum 3.25 → P = (1/13, 8/13, 4/13)
A = np.array([1.0, 2.0, 4.0])
COST = np.array([[1.0, 2.0, 4.0], [2.0, 1.0, 2.0]])
POP = np.array([700.0, 1300.0])
P_HAND = np.array([[4 / 7, 2 / 7, 1 / 7], [1 / 13, 8 / 13, 4 / 13]])


def test_probabilities_match_the_hand_computed_case_and_sum_to_one():
    p = huff_probabilities(A, COST, alpha=1.0, beta=2.0)
    np.testing.assert_allclose(p, P_HAND, rtol=1e-12)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)


def test_demand_shares_top_k_and_primary_market_area_by_hand():
    r = huff_model(A, POP, cost=COST, alpha=1.0, beta=2.0, top_k=2)
    # D_0 = 700·4/7 + 1300/13 = 500; D_1 = 200 + 800 = 1000; D_2 = 100 + 400 = 500
    np.testing.assert_allclose(r.demand, [500.0, 1000.0, 500.0])
    np.testing.assert_allclose(r.share, [0.25, 0.5, 0.25])
    assert r.top_destination.tolist() == [[0, 1], [1, 2]]
    np.testing.assert_allclose(r.top_probability, [[4 / 7, 2 / 7], [8 / 13, 4 / 13]])
    assert r.most_likely.tolist() == [0, 1]
    cell, dest, prob = r.pma  # threshold 0.4: 4/7 and 8/13
    assert list(zip(cell.tolist(), dest.tolist())) == [(0, 0), (1, 1)]
    np.testing.assert_allclose(prob, [4 / 7, 8 / 13])
    assert r.unserved == []


def test_primary_market_area_below_one_over_k_is_computed_on_the_full_row():
    r = huff_model(A, POP, cost=COST, top_k=1, threshold=0.25)
    cell, dest, prob = r.pma
    assert sorted(zip(cell.tolist(), dest.tolist())) == [(0, 0), (0, 1), (1, 1), (1, 2)]


def test_exponential_decay_by_hand():
    # f(d) = exp(-ln2 · d) = 2^-d; cell 0: A·f = (0.5, 0.5, 0.25) → (0.4, 0.4, 0.2)
    p = huff_probabilities(A, COST[:1], alpha=1.0, beta=np.log(2), decay="exponential")
    np.testing.assert_allclose(p, [[0.4, 0.4, 0.2]])


def test_alpha_exponent_on_attractiveness():
    # alpha = 2, beta = 0: P ∝ A² = (1, 4, 16) / 21
    p = huff_probabilities(A, COST[:1], alpha=2.0, beta=0.0)
    np.testing.assert_allclose(p, [[1 / 21, 4 / 21, 16 / 21]])


def test_zero_distance_is_raised_to_min_cost():
    p = huff_probabilities([1, 1, 1], [[0.0, 1.0, 2.0]], beta=2.0, min_cost=1.0)
    # costs (1, 1, 2): weights (1, 1, 0.25), sum 2.25
    np.testing.assert_allclose(p, [[4 / 9, 4 / 9, 1 / 9]])


def test_cells_without_reachable_destination_get_null_probabilities():
    cost = np.array([[1.0, np.inf, np.nan], [np.inf, np.inf, np.inf], [1.0, 1.0, 1.0]])
    r = huff_model([1.0, 1.0, 0.0], [10.0, 20.0, 30.0], cost=cost, top_k=3)
    assert r.unserved == [1]
    assert r.most_likely.tolist() == [0, -1, 0]  # ties go to the lowest index
    assert r.top_destination[0].tolist() == [0, -1, -1]  # zero attractiveness: never chosen
    assert np.isnan(r.top_probability[1]).all()
    np.testing.assert_allclose(r.demand, [25.0, 15.0, 0.0])  # the unserved cell adds nothing
    p = huff_probabilities([1.0, 1.0, 0.0], cost)
    assert np.isnan(p[1]).all() and not np.isnan(p[[0, 2]]).any()


def test_straight_line_chunked_and_threaded_equals_the_full_matrix():
    rng = np.random.default_rng(3)
    cells = rng.uniform(0, 5000, (537, 2))
    dest = rng.uniform(0, 5000, (40, 2))
    a = rng.uniform(1, 100, 40)
    pop = rng.uniform(0, 50, 537)
    income = rng.uniform(0.5, 2.0, 537)
    full = huff_probabilities(a, distance_matrix(cells.T, dest.T), 1.3, 1.7, min_cost=100.0)
    r = huff_model(a, pop, demand_xy=cells.T, destination_xy=dest.T, alpha=1.3, beta=1.7,
                   min_cost=100.0, income=income, chunk_size=50, workers=2)
    np.testing.assert_allclose(r.demand, (pop * income) @ full, rtol=1e-10)
    assert r.most_likely.tolist() == full.argmax(axis=1).tolist()
    np.testing.assert_allclose(r.top_probability[:, 0], full.max(axis=1), rtol=1e-12)
    assert r.share.sum() == pytest.approx(1.0)


def test_progress_and_cancel():
    calls = []
    huff_model(A, POP, cost=COST, chunk_size=1, workers=1,
               progress=lambda done, total: calls.append((done, total)) or True)
    assert calls == [(1, 2), (2, 2)]
    with pytest.raises(CancelledError):
        huff_model(A, POP, cost=COST, chunk_size=1, progress=lambda done, total: False)


def test_bad_inputs_give_clear_errors():
    with pytest.raises(ValueError, match="destination 1 has -2"):
        huff_probabilities([1, -2], [[1, 1]])
    with pytest.raises(ValueError, match=r"shape \(n_cells, 3\)"):
        huff_probabilities(A, [[1, 2]])
    with pytest.raises(ValueError, match="decay must be one of"):
        huff_probabilities(A, COST, decay="linear")
    with pytest.raises(ValueError, match="min_cost must be > 0"):
        huff_probabilities(A, COST, min_cost=0)
    with pytest.raises(ValueError, match="either a cost matrix or demand_xy"):
        huff_model(A, POP)
    with pytest.raises(ValueError, match=r"cost must have shape \(2, 3\)"):
        huff_model(A, POP, cost=COST.T)
    with pytest.raises(ValueError, match="income has 1 values"):
        huff_model(A, POP, cost=COST, income=[1.0])
    with pytest.raises(ValueError, match="threshold"):
        huff_model(A, POP, cost=COST, threshold=0)


# ---------------------------------------------------------------------- calibration
def simulate(alpha, beta, decay, n_obs=4000, seed=42):
    rng = np.random.default_rng(seed)
    dest = rng.uniform(0, 10, (25, 2))
    a = rng.uniform(1, 20, 25)
    homes = rng.uniform(0, 10, (n_obs, 2))
    cost = distance_matrix(homes.T, dest.T)
    p = huff_probabilities(a, cost, alpha, beta, decay, min_cost=0.1)
    chosen = (p.cumsum(axis=1) < rng.random((n_obs, 1))).sum(axis=1)
    return a, cost, chosen


@pytest.mark.parametrize("decay, alpha, beta", [("power", 1.2, 1.8), ("exponential", 0.8, 0.5)])
def test_calibration_recovers_the_simulated_exponents(decay, alpha, beta):
    a, cost, chosen = simulate(alpha, beta, decay)
    fit = calibrate_huff(a, cost, chosen, decay=decay, min_cost=0.1)
    # stated tolerance: within 0.15 of the truth with 4 000 simulated choices (seed 42),
    # and within 3 standard errors
    assert fit.converged
    assert abs(fit.alpha - alpha) < 0.15 and abs(fit.beta - beta) < 0.15
    assert abs(fit.alpha - alpha) < 3 * fit.std_error["alpha"]
    assert abs(fit.beta - beta) < 3 * fit.std_error["beta"]
    assert fit.n_observations == 4000
    assert fit.null_log_likelihood == pytest.approx(-4000 * np.log(25))
    assert 0.0 < fit.pseudo_r2 < 1.0
    assert fit.pseudo_r2 == pytest.approx(1 - fit.log_likelihood / fit.null_log_likelihood)


def test_calibration_with_fixed_alpha():
    _, cost, chosen = simulate(1.0, 2.0, "power", seed=7)
    ones = np.ones(cost.shape[1])
    with pytest.raises(ValueError, match="same attractiveness"):
        calibrate_huff(ones, cost, chosen, min_cost=0.1)
    # with equal attractiveness the simulated A still drove the choices: only check it runs
    fit = calibrate_huff(ones, cost, chosen, min_cost=0.1, fit_alpha=False)
    assert fit.alpha == 1.0 and set(fit.std_error) == {"beta"}
    assert fit.beta > 0


def test_calibration_rejects_impossible_choices():
    cost = np.array([[1.0, np.inf], [1.0, 2.0]])
    with pytest.raises(ValueError, match="observation 0 chose destination 1, which is"):
        calibrate_huff([1, 2], cost, [1, 0])
    with pytest.raises(ValueError, match="indices in 0..1"):
        calibrate_huff([1, 2], cost, [0, 5])
    with pytest.raises(ValueError, match="chosen has 1 values, expected 2"):
        calibrate_huff([1, 2], cost, [0])


def test_survey_answers_matched_to_home_zones_and_centralities():
    from observatoire_commerce.analysis.huff import match_choices

    zone_of = {"861940101": 0, "86194": 1}
    dest_of = {"alpha": 0, "beta": 1}
    answers = [
        {"home_iris": "861940101", "home_commune": "86194", "centrality": "beta"},  # IRIS
        {"home_iris": None, "home_commune": " 86194", "centrality": "alpha "},  # commune
        {"home_iris": "861940999", "home_commune": "86194", "centrality": "alpha"},  # commune
        {"home_iris": "999", "home_commune": "99999", "centrality": "alpha"},  # no zone
        {"home_iris": None, "home_commune": "86194", "centrality": "elsewhere"},
        {"home_iris": None, "home_commune": "86194", "centrality": None},
        {"home_iris": None, "home_commune": "86194", "centrality": "zzz"},
    ]
    m = match_choices(answers, zone_of, dest_of)
    assert m.zone.tolist() == [0, 1, 1] and m.chosen.tolist() == [1, 0, 0]
    assert (m.outside, m.skipped_zone, m.skipped_code) == (2, 1, 1)
    assert (m.unknown_zones, m.unknown_codes) == (["999"], ["zzz"])
