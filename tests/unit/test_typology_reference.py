"""MCA, HCPC and catdes against FactoMineR on the committed reference fixture.

``tests/data/survey/reference/typology``: ``responses.csv`` (300 weighted synthetic answers
from four planted types, written by ``make_fixture.py``) and R's outputs written by
``reference.R`` (FactoMineR 2.7, R 4.2.2; see ``versions.txt``). R is not needed here.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.catdes import catdes
from observatoire_commerce.analysis.hcpc import hcpc
from observatoire_commerce.analysis.mca import MISSING, mca
from observatoire_commerce.analysis.typology import adjusted_rand_index, consumption_typology

REF = Path(__file__).resolve().parents[1] / "data" / "survey" / "reference" / "typology"
TOL = 1e-6


def read_ref(name: str, **kwargs) -> pd.DataFrame:
    # keep_default_na=False: the category "NA" (missing answer) stays a string
    return pd.read_csv(REF / name, keep_default_na=False, **kwargs)


@pytest.fixture(scope="module")
def fixture():
    frame = pd.read_csv(REF / "responses.csv", dtype=str, keep_default_na=False,
                        na_values=[""], index_col="response")
    weights = frame.pop("weight").astype(float)
    planted = frame.pop("planted_type")
    return frame, weights, planted


@pytest.fixture(scope="module")
def result(fixture):
    answers, weights, _ = fixture
    return mca(answers, weights, ncp=5)


@pytest.fixture(scope="module")
def r_classes():
    return read_ref("hcpc_classes.csv", index_col="response")


def same_partition(a, b) -> bool:
    table = pd.crosstab(np.asarray(a), np.asarray(b))
    return bool(((table > 0).sum(axis=0) == 1).all() and ((table > 0).sum(axis=1) == 1).all())


def test_fixture_has_missing_answers_as_their_own_category(fixture, result):
    answers, _, _ = fixture
    missing = answers["parking_place"].isna().sum()
    assert missing > 100
    assert (result.answers["parking_place"] == MISSING).sum() == missing
    assert ("parking_place", MISSING) in result.categories.index


def test_eigenvalues_and_percentages_agree_with_factominer(result):
    ref = read_ref("eigenvalues.csv")
    assert len(result.eigenvalues) == len(ref) == 78 - 15
    for column in ("eigenvalue", "percent", "cumulative_percent"):
        np.testing.assert_allclose(result.eigenvalues[column].to_numpy(), ref[column], rtol=0,
                                   atol=TOL)
    assert result.total_inertia == pytest.approx(78 / 15 - 1, abs=1e-12)


def test_row_coordinates_agree_with_factominer_up_to_sign(result):
    ref = read_ref("row_coords.csv", index_col="response")
    ours = result.rows.loc[ref.index].to_numpy()
    sign = np.sign((ours * ref.to_numpy()).sum(axis=0))
    np.testing.assert_allclose(ours * sign, ref.to_numpy(), rtol=0, atol=TOL)
    # FactoMineR's sign rule (sum of the singular vector > 0) is reproduced, so no flip here
    assert (sign == 1).all()


def test_category_coordinates_agree_with_factominer(result):
    ref = read_ref("category_coords.csv").set_index(["question", "category"])
    ours = result.categories.loc[ref.index, result.rows.columns].to_numpy()
    np.testing.assert_allclose(ours, ref.to_numpy(), rtol=0, atol=TOL)
    assert len(ref) == len(result.categories)


@pytest.mark.parametrize("column, kwargs", [
    ("auto", {}),
    ("k5", {"n_clusters": 5}),
    ("k2", {"n_clusters": 2}),  # AS 136 stops after the first quick transfer when k = 2
    ("k8", {"n_clusters": 8}),
    ("k6_no_consolidation", {"n_clusters": 6, "consolidation": "none"}),
])
def test_hcpc_classes_are_factominer_s(result, r_classes, column, kwargs):
    kwargs = {"consolidation": "factominer", **kwargs}
    ours = hcpc(result.rows, result.weights, **kwargs).classes
    ref = r_classes[column].loc[ours.index]
    assert same_partition(ours, ref)
    if kwargs["consolidation"] == "factominer":  # even the numbering (by centre's dim 1)
        assert (ours.to_numpy() == ref.to_numpy()).all()


def test_hcpc_inertia_gains_and_automatic_number_agree_with_factominer(result):
    ours = hcpc(result.rows, result.weights, consolidation="factominer")
    gains = read_ref("hcpc_gains.csv")
    np.testing.assert_allclose(ours.inertia_gains[: len(gains)], gains["inertia_gain"],
                               rtol=0, atol=1e-12)
    np.testing.assert_allclose(ours.within[: len(gains)], gains["within"], rtol=0, atol=1e-12)
    quot = read_ref("hcpc_quot.csv")
    assert ours.criterion.index.tolist() == quot["k"].tolist()
    np.testing.assert_allclose(ours.criterion.to_numpy(), quot["quot"], rtol=0, atol=1e-12)
    assert ours.n_clusters == 4 and ours.consolidated and ours.converged
    # the total inertia of the retained dimensions is the sum of their eigenvalues
    assert ours.within[0] == pytest.approx(result.eigenvalues["eigenvalue"][:5].sum(), abs=1e-12)


def test_unweighted_hcpc_is_factominer_s_with_both_consolidations(fixture, r_classes):
    answers, _, _ = fixture
    rows = mca(answers, None, ncp=5).rows
    for consolidation in ("weighted", "factominer"):  # the same algorithm when all w = 1
        ours = hcpc(rows, None, consolidation=consolidation).classes
        assert (ours.to_numpy() == r_classes["unweighted_auto"].loc[ours.index]).all()


def test_weighted_consolidation_stays_close_to_factominer_s(result, r_classes):
    ours = hcpc(result.rows, result.weights).classes
    assert adjusted_rand_index(ours, r_classes["auto"].loc[ours.index]) > 0.95


def test_kk_preclustering_agrees_with_factominer_where_the_structure_is_clear(result,
                                                                                r_classes):
    # R's kk k-means is random (set.seed(42), unweighted, nstart = 4): compare partitions only
    ours = hcpc(result.rows, result.weights, kk=60)
    assert ours.kk == 60 and not ours.consolidated
    assert ours.n_clusters == r_classes["kk60"].max() == 4
    assert adjusted_rand_index(ours.classes, r_classes["kk60"].loc[ours.classes.index]) > 0.9


def test_catdes_test_values_agree_with_factominer(fixture, result, r_classes):
    _, weights, _ = fixture
    ref = read_ref("catdes_all.csv")
    ours = catdes(result.answers, r_classes["auto"], weights, proba=1.0)
    assert len(ours) == len(ref) == 4 * 78
    merged = ref.merge(ours, on=["class", "question", "category"], suffixes=("_r", ""))
    assert len(merged) == len(ref)
    for column in ("cla_mod", "mod_cla", "global", "v_test"):
        np.testing.assert_allclose(merged[column], merged[column + "_r"], rtol=0, atol=TOL)
    np.testing.assert_allclose(merged["p_value"], merged["p_value_r"], rtol=1e-6, atol=1e-15)
    # within a class, rows come by decreasing test-value
    assert all((g["v_test"].diff().dropna() <= 0).all() for _, g in ours.groupby("class"))


def test_catdes_at_5_percent_keeps_hcpc_s_rows(fixture, result, r_classes):
    _, weights, _ = fixture
    ref = read_ref("catdes_hcpc.csv")
    ours = catdes(result.answers, r_classes["auto"], weights)
    key = ["class", "question", "category"]
    assert set(map(tuple, ours[key].to_numpy())) == set(map(tuple, ref[key].to_numpy()))
    assert (ours["p_value"] <= 0.05).all()


def test_typology_on_the_fixture_recovers_r_s_classes_and_the_planted_types(fixture,
                                                                           r_classes):
    answers, weights, planted = fixture
    # weights already have mean 1, so the rescaling before catdes changes nothing
    assert weights.mean() == pytest.approx(1.0, abs=1e-6)
    labels = {("transport_mode", "walk"): "à pied", ("where_clothing", "online"):
              "vêtements sur internet"}
    typology = consumption_typology(answers, weights, consolidation="factominer", labels=labels)
    assert (typology.types.to_numpy() == r_classes["auto"].loc[answers.index]).all()
    assert adjusted_rand_index(typology.types, planted) > 0.9
    assert typology.summary["share"].sum() == pytest.approx(1.0)
    assert typology.summary["respondents"].sum() == 300
    reference = catdes(typology.mca.answers, r_classes["auto"], weights)
    np.testing.assert_allclose(typology.description["v_test"], reference["v_test"], atol=1e-9)
    assert set(typology.names) == {1, 2, 3, 4}
    assert len(set(typology.names.values())) == 4
