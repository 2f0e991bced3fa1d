"""Typology core on hand-computed cases: MCA, Ward, the number of classes, Hartigan–Wong,
catdes' p-values, type names, the adjusted Rand index, and the failure paths."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import linkage

from observatoire_commerce.analysis import hcpc as hcpc_module
from observatoire_commerce.analysis.catdes import catdes, hypergeometric_p
from observatoire_commerce.analysis.hcpc import choose_n_clusters, cut_tree, hcpc, ward_tree
from observatoire_commerce.analysis.kmeans import hartigan_wong, lloyd
from observatoire_commerce.analysis.mca import MISSING, TypologyInputError, mca
from observatoire_commerce.analysis.network import CancelledError
from observatoire_commerce.analysis.typology import (
    adjusted_rand_index,
    consumption_typology,
    shares_by,
    type_names,
)

R3 = math.sqrt(3.0)
HAND = pd.DataFrame({"v1": ["a", "a", "b", "a"], "v2": ["x", "x", "y", "y"]},
                    index=["i1", "i2", "i3", "i4"])


def test_mca_of_two_binary_questions_by_hand():
    """Two yes/no-like questions, four respondents (a,x) (a,x) (b,y) (a,y).

    With Q = 2 binary questions the MCA is the PCA of the two standardised indicators
    ``u = (1[a] - 3/4) / sqrt(3/16)`` and ``v = (1[x] - 1/2) / sqrt(1/4)`` divided by Q:
    their correlation is phi = (2·1 - 1·0) / sqrt(3·1·2·2) = 1/sqrt(3), so the eigenvalues are
    (1 ± phi) / 2 = 0.7887 and 0.2113 (sum K/Q - 1 = 1), and the row coordinates are
    (u + v) / 2 and (u - v) / 2: with u = 1/√3 for a, -√3 for b and v = ±1,
    (a,x) → ((1/√3 + 1)/2, (1/√3 - 1)/2), (b,y) → (-(√3 + 1)/2, (1 - √3)/2),
    (a,y) → ((1/√3 - 1)/2, (1/√3 + 1)/2).
    FactoMineR's sign rule (the right singular vector sums to > 0) flips both axes here:
    category coordinates G = mean row coordinate / sqrt(lambda) give
    sum_k G_k sqrt(c_k) = 0.513·0.612 - 1.538·0.354 + 0 < 0 on axis 1 (masses c = 3/8, 1/8,
    1/4, 1/4), and likewise on axis 2.
    """
    res = mca(HAND, ncp=5)
    np.testing.assert_allclose(res.eigenvalues["eigenvalue"], [(1 + 1 / R3) / 2,
                                                               (1 - 1 / R3) / 2], atol=1e-12)
    np.testing.assert_allclose(res.eigenvalues["percent"], [50 * (1 + 1 / R3),
                                                            50 * (1 - 1 / R3)], atol=1e-10)
    u = np.array([1 / R3, 1 / R3, -R3, 1 / R3])
    v = np.array([1.0, 1.0, -1.0, -1.0])
    expected = -np.column_stack([(u + v) / 2, (u - v) / 2])
    assert res.ncp == 2  # capped at K - Q
    np.testing.assert_allclose(res.rows.to_numpy(), expected, atol=1e-12)
    # category a = barycentre of its respondents / sqrt(lambda_1)
    lam1 = (1 + 1 / R3) / 2
    assert res.categories.loc[("v1", "a"), "dim_1"] == pytest.approx(
        expected[[0, 1, 3], 0].mean() / math.sqrt(lam1), abs=1e-12)
    assert res.categories.loc[("v1", "b"), "mass"] == pytest.approx(1 / 8)
    assert res.categories["count"].tolist() == [3, 1, 2, 2]


def test_a_weight_of_two_is_two_identical_respondents():
    weighted = mca(HAND.iloc[[0, 2, 3]], weights=[2.0, 1.0, 1.0])
    plain = mca(HAND)
    np.testing.assert_allclose(weighted.eigenvalues["eigenvalue"],
                               plain.eigenvalues["eigenvalue"], atol=1e-12)
    np.testing.assert_allclose(weighted.rows.to_numpy(), plain.rows.to_numpy()[[0, 2, 3]],
                               atol=1e-12)
    assert weighted.categories.loc[("v1", "a"), "weight"] == 3.0


def test_missing_answers_are_a_category_and_categorical_order_is_kept():
    answers = pd.DataFrame({
        "mode": pd.Categorical(["walk", "car", "walk", "car", "bike"],
                               categories=["walk", "bike", "car", "train"]),
        "parking": [None, "paid", np.nan, "free", None]})
    res = mca(answers)
    assert res.categories.index.tolist() == [("mode", "walk"), ("mode", "bike"),
                                             ("mode", "car"), ("parking", "free"),
                                             ("parking", "paid"), ("parking", MISSING)]
    assert res.answers["parking"].tolist() == [MISSING, "paid", MISSING, "free", MISSING]
    assert res.total_inertia == pytest.approx(6 / 2 - 1)


def test_mca_refuses_a_question_with_a_single_answer_and_names_it():
    answers = HAND.assign(town=["Poitiers"] * 4)
    with pytest.raises(TypologyInputError, match="'town' has a single answer") as err:
        mca(answers)
    assert err.value.reason == "single_category" and err.value.column == "town"
    assert err.value.value == "Poitiers"


@pytest.mark.parametrize("frame, reason", [
    (HAND[["v1"]], "too_few_questions"),
    (HAND.iloc[:0], "no_rows"),
    (HAND.iloc[:1], "single_category"),
])
def test_mca_refuses_too_little_data(frame, reason):
    with pytest.raises(TypologyInputError) as err:
        mca(frame)
    assert err.value.reason == reason


@pytest.mark.parametrize("weights", [[1, 1, -1, 1], [1, np.nan, 1, 1], [0, 1, 1, 1]])
def test_bad_weights_name_the_respondent(weights):
    with pytest.raises(TypologyInputError, match="weight of respondent") as err:
        mca(HAND, weights)
    assert err.value.reason == "bad_weight"
    assert err.value.row == HAND.index[[i for i, w in enumerate(weights)
                                        if not (w > 0)][0]]


def test_ward_tree_by_hand():
    # points 0, 1, 4 (weights 1): merge {0, 1} at (1·1/2)·1²/3 = 1/6, then {0,1} with 4 at
    # (2·1/3)·3.5²/3 = 49/18; the two sum to the total inertia 26/9
    pairs, heights = ward_tree(np.array([[0.0], [1.0], [4.0]]))
    np.testing.assert_allclose(heights, [1 / 6, 49 / 18])
    assert sorted(pairs[0].tolist()) == [0, 1]
    # weight 3 on the point at 4: W = 5; {0,1} at 0.5/5 = 0.1, then (2·3/5)·3.5²/5 = 2.94
    _, heights = ward_tree(np.array([[0.0], [1.0], [4.0]]), [1.0, 1.0, 3.0])
    np.testing.assert_allclose(heights, [0.1, 2.94])


def test_ward_tree_with_unit_weights_is_scipy_s_ward():
    # scipy's Ward distance is sqrt(2 n_a n_b / (n_a + n_b)) ||g_a - g_b||
    x = np.random.default_rng(3).normal(size=(60, 3))
    _, heights = ward_tree(x)
    np.testing.assert_allclose(heights * 2 * 60, np.sort(linkage(x, "ward")[:, 2] ** 2),
                               rtol=1e-10)


def test_cut_tree_numbers_classes_by_first_appearance():
    x = np.array([[5.0], [0.0], [5.1], [0.1], [9.0]])
    pairs, _ = ward_tree(x)
    assert cut_tree(pairs, 5, 3).tolist() == [0, 1, 0, 1, 2]
    assert cut_tree(pairs, 5, 5).tolist() == [0, 1, 2, 3, 4]


def test_number_of_classes_from_the_inertia_gains_by_hand():
    # within(k) = 10, 5, 2, 1, 0.5, 0.1: ratios k=3: 2/5, k=4: 1/2, k=5: 0.5/1 → 3
    k, ratio = choose_n_clusters(np.array([5, 3, 1, 0.5, 0.4, 0.1]), 3, 5)
    assert k == 3
    assert ratio.to_dict() == {3: 0.4, 4: 0.5, 5: 0.5}


def test_hartigan_wong_moves_points_to_their_group():
    x = np.array([[0.0], [1.0], [9.0], [10.0], [11.0]])
    res = hartigan_wong(x, np.array([[0.0], [1.0]]))
    assert res.cluster.tolist() == [0, 0, 1, 1, 1]
    np.testing.assert_allclose(res.centers.ravel(), [0.5, 10.0])
    np.testing.assert_allclose(res.within, [0.5, 2.0])
    assert res.converged


def test_weighted_hartigan_wong_ends_where_no_single_move_helps():
    rng = np.random.default_rng(5)
    x = np.vstack([rng.normal(c, 1.0, size=(40, 2)) for c in (0.0, 2.5, 5.0)])
    w = rng.lognormal(0, 0.6, x.shape[0])
    res = hartigan_wong(x, x[[0, 40, 80]] + 0.5, weights=w, iter_max=50)
    assert res.converged
    # moving point i from L1 to L2 changes the weighted SSE by
    #   w_i (W2/(W2+w_i) d²(x_i,c_L2) - W1/(W1-w_i) d²(x_i,c_L1)) >= 0 at a local optimum
    for i in range(x.shape[0]):
        l1 = res.cluster[i]
        w1 = res.weight[l1]
        loss = w1 / (w1 - w[i]) * ((x[i] - res.centers[l1]) ** 2).sum()
        for l2 in range(3):
            if l2 != l1:
                w2 = res.weight[l2]
                assert w2 / (w2 + w[i]) * ((x[i] - res.centers[l2]) ** 2).sum() >= loss - 1e-12


def test_lloyd_is_seeded_and_weighted():
    rng = np.random.default_rng(2)
    x = np.vstack([rng.normal(c, 0.3, size=(200, 2)) for c in (0.0, 4.0)])
    a = lloyd(x, 2, seed=1)
    b = lloyd(x, 2, seed=1)
    assert (a.cluster == b.cluster).all() and adjusted_rand_index(a.cluster,
                                                                 [0] * 200 + [1] * 200) == 1
    # weighted centres: a point of weight 3 counts three times
    res = lloyd(np.array([[0.0], [1.0], [10.0]]), 2, weights=[1.0, 3.0, 1.0],
                centers=np.array([[0.0], [10.0]]), tol=0)
    np.testing.assert_allclose(sorted(res.centers.ravel()), [0.75, 10.0])


def test_hcpc_refuses_more_classes_than_respondents():
    coords = pd.DataFrame({"dim_1": [0.0, 1.0, 2.0]}, index=["a", "b", "c"])
    with pytest.raises(TypologyInputError, match="cannot form 5 types from 3 respondents") as e:
        hcpc(coords, n_clusters=5)
    assert e.value.reason == "too_many_clusters"
    with pytest.raises(TypologyInputError, match="too few respondents") as e:
        hcpc(coords)
    assert e.value.reason == "too_few_rows"
    with pytest.raises(TypologyInputError) as e:
        hcpc(coords, n_clusters=2, consolidation="fast")
    assert e.value.reason == "bad_parameter"


def test_hcpc_asks_for_kk_above_the_exact_limit(monkeypatch):
    monkeypatch.setattr(hcpc_module, "EXACT_MAX_ROWS", 50)
    coords = np.random.default_rng(0).normal(size=(60, 2))
    with pytest.raises(TypologyInputError, match="pre-cluster them with kk") as e:
        hcpc(coords)
    assert e.value.reason == "too_many_rows"
    assert hcpc(coords, kk=20).kk == 20


def test_hcpc_finds_three_clear_groups_and_numbers_them_along_dim_1():
    rng = np.random.default_rng(1)
    x = np.vstack([rng.normal(c, 0.2, size=(30, 2)) for c in ((5, 0), (-5, 0), (0, 5))])
    res = hcpc(x)
    assert res.n_clusters == 3
    assert res.classes.iloc[:30].eq(3).all() and res.classes.iloc[30:60].eq(1).all()
    assert res.classes.iloc[60:].eq(2).all()
    assert res.between_ratio > 0.95


def test_hypergeometric_p_by_hand():
    # urn of 4 with 2 of the class, 2 drawn: P(X=2) = 1/6, P(X<2) = 5/6 → p = min(11/6, 1/6);
    # X = 1: P = 4/6, both tails 1/6 → p = 1; X = 0: mirror of X = 2
    np.testing.assert_allclose(hypergeometric_p([2, 1, 0], 2, 4, 2), [1 / 6, 1.0, 1 / 6])
    # x outside the support (rounded weighted counts): p = 0
    assert hypergeometric_p(3, 2, 4, 2)[0] == 0.0


def test_catdes_by_hand():
    answers = pd.DataFrame({"mode": ["walk", "walk", "car", "car"]})
    out = catdes(answers, [1, 1, 2, 2], proba=1.0)
    walk = out[(out["class"] == 1) & (out["category"] == "walk")].iloc[0]
    assert (walk["cla_mod"], walk["mod_cla"], walk["global"]) == (100.0, 100.0, 50.0)
    assert walk["p_value"] == pytest.approx(1 / 6)
    assert walk["v_test"] == pytest.approx(1.3830, abs=1e-4)  # -qnorm(1/12)
    car = out[(out["class"] == 1) & (out["category"] == "car")].iloc[0]
    assert car["v_test"] == pytest.approx(-1.3830, abs=1e-4)
    assert out["class"].tolist() == [1, 1, 2, 2] and out["v_test"].iloc[0] > 0
    assert catdes(answers, [1, 1, 2, 2]).empty  # nothing at 5 % with 4 respondents


def test_catdes_refuses_a_respondent_without_class():
    answers = pd.DataFrame({"mode": ["walk", "car"]}, index=["r1", "r2"])
    with pytest.raises(TypologyInputError, match="'r2' has no class"):
        catdes(answers, pd.Series([1, None], index=["r1", "r2"]))


def test_type_names_from_strongest_over_represented_answers():
    description = pd.DataFrame({
        "class": [1, 1, 1, 1, 1, 2, 2],
        "question": ["mode", "mode", "parking", "online", "freq", "online", "mode"],
        "category": ["walk", "bike", MISSING, "none", "daily", "over_half", "car"],
        "v_test": [9.0, 5.0, 8.0, 4.0, 2.5, 6.0, -3.0]})
    labels = {("mode", "walk"): "à pied", ("online", "none"): "jamais en ligne",
              "freq=daily": "tous les jours"}
    names = type_names(description, labels)
    # "parking: NA" is skipped (no label), "mode" is used once
    assert names == {1: "À pied, jamais en ligne, tous les jours", 2: "Online: over_half"}
    assert type_names(description, labels, n_answers=2)[1] == "À pied, jamais en ligne"
    twins = description.assign(**{"class": [1] * 5 + [2] * 2, "v_test": [9.0] * 7})
    twins.loc[5:, ["question", "category"]] = [["mode", "walk"], ["online", "none"]]
    assert set(type_names(twins, labels, n_answers=1).values()) == {"À pied (1)",
                                                                     "À pied (2)"}
    weak = description.assign(v_test=1.0)
    assert type_names(weak) == {1: "Type 1", 2: "Type 2"}


@pytest.mark.parametrize("a, b, expected", [
    ([0, 0, 1, 1], [5, 5, 7, 7], 1.0),
    (["x", "y", "z"], [1, 2, 3], 1.0),
    ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),  # I = 0, E = 2·2/6, M = 2
    ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.8 / 3.3),  # I = 2, E = 6·3/15, M = 4.5
    ([1, 1, 1], [2, 2, 2], 1.0),
])
def test_adjusted_rand_index_by_hand(a, b, expected):
    assert adjusted_rand_index(a, b) == pytest.approx(expected)


def test_adjusted_rand_index_needs_partitions_of_the_same_items():
    with pytest.raises(ValueError, match="3 and 2 items"):
        adjusted_rand_index([1, 2, 3], [1, 2])


def test_shares_by_group():
    types = pd.Series([1, 1, 2, 2, 2], index=list("abcde"))
    zones = pd.Series(["z1", "z1", "z1", "z2", "z2"], index=list("abcde"))
    shares, counts = shares_by(types, zones, [1.0, 3.0, 4.0, 1.0, 1.0])
    assert shares.loc["z1"].tolist() == [0.5, 0.5] and shares.loc["z2"].tolist() == [0.0, 1.0]
    assert counts.loc["z1"].tolist() == [2, 1] and counts.loc["z2"].tolist() == [0, 2]


def test_typology_reports_progress_and_can_be_cancelled():
    answers = pd.DataFrame({"q1": list("aabbccaabbcc"), "q2": list("xxyyzzxxyyzz"),
                            "q3": list("mmnnoommnnoo")})
    seen = []
    res = consumption_typology(answers, n_types=3, progress=lambda d, t: seen.append(d) or True)
    assert seen == [0, 1, 2, 3, 4] and res.types.nunique() == 3
    with pytest.raises(CancelledError):
        consumption_typology(answers, n_types=3, progress=lambda d, t: d < 2)


def test_typology_refuses_fewer_respondents_than_types():
    with pytest.raises(TypologyInputError) as e:
        consumption_typology(HAND, n_types=5)
    assert e.value.reason == "too_many_clusters"
