"""Huff market shares, calibration and site potential through processing.run, against values
computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from .test_catchment_algorithms import X0, Y0, points_layer, xy

# 2 cells × 3 destinations on a line: cells at x = 0 and 300, destinations at 100, 200, 400;
# A = 1, 2, 4; alpha 1, power decay beta 2.
#   cell 1: d = 100, 200, 400 -> w = 1e-4, 0.5e-4, 0.25e-4 -> P = 4/7, 2/7, 1/7
#   cell 2: d = 200, 100, 100 -> w = 0.25e-4, 2e-4, 4e-4   -> P = 0.04, 0.32, 0.64
# demand 70 and 100 -> D = 40 + 4, 20 + 32, 10 + 64 = 44, 52, 74 (total 170)
P_HAND = [[4 / 7, 2 / 7, 1 / 7], [0.04, 0.32, 0.64]]


def huff_layers():
    dest = points_layer([(("D1", 1.0), (X0 + 100, Y0)), (("D2", 2.0), (X0 + 200, Y0)),
                         (("D3", 4.0), (X0 + 400, Y0))], "id:string&field=a:double")
    cells = points_layer([(("c1", 70.0), (X0, Y0)), (("c2", 100.0), (X0 + 300, Y0))],
                         "id:string&field=w:double")
    return dest, cells


@pytest.fixture
def empty_gpkg(tmp_path):
    from observatoire_commerce.store import observatory

    path = tmp_path / "huff.gpkg"
    observatory.create_observatory(path, "Huff", 2154)
    return path


def test_huff_two_by_three_by_hand(run_alg, empty_gpkg):
    dest, cells = huff_layers()
    result = run_alg("huff_model", {
        "GEOPACKAGE": str(empty_gpkg), "DESTINATIONS": dest, "DEST_ID_FIELD": "id",
        "ATTRACTIVENESS_FIELD": "a", "ALPHA": 1.0, "BETA": 2.0, "DECAY": 0,
        "DEMAND": cells, "DEMAND_FIELD": "w", "TOP_K": 3, "THRESHOLD": 0.4,
        "OUTPUT_DESTINATIONS": "memory:", "OUTPUT_CELLS": "memory:", "OUTPUT_PMA": "memory:"})
    shares = {f["destination"]: (f["expected_demand"], f["market_share"])
              for f in result["OUTPUT_DESTINATIONS"].getFeatures()}
    assert shares == {"D1": (pytest.approx(44), pytest.approx(44 / 170)),
                      "D2": (pytest.approx(52), pytest.approx(52 / 170)),
                      "D3": (pytest.approx(74), pytest.approx(74 / 170))}
    rows = {f["cell_id"]: f for f in result["OUTPUT_CELLS"].getFeatures()}
    names = ["D1", "D2", "D3"]
    for cell, expected in zip(("1", "2"), P_HAND):  # ids are the memory layer's fids
        f = rows[cell]
        got = {f[f"dest_{r}"]: f[f"p_{r}"] for r in (1, 2, 3)}
        assert got == pytest.approx(dict(zip(names, expected)))
        assert sum(got.values()) == pytest.approx(1.0)  # probabilities sum to 1 per cell
        assert f["most_likely"] == names[int(np.argmax(expected))]
    pma = {f["destination"]: (f["cells"], f["demand"]) for f in result["OUTPUT_PMA"]
           .getFeatures()}
    assert pma == {"D1": (1, 70.0), "D2": (0, 0.0), "D3": (1, 100.0)}
    assert result["UNSERVED"] == 0


def test_huff_on_the_demo_grid_sums_to_one(run_alg, demo_gpkg):
    result = run_alg("huff_model", {"GEOPACKAGE": str(demo_gpkg), "TOP_K": 6,
                                    "OUTPUT_DESTINATIONS": "memory:", "OUTPUT_CELLS": "memory:",
                                    "OUTPUT_PMA": "memory:", "COST": 1})
    shares = [f["market_share"] for f in result["OUTPUT_DESTINATIONS"].getFeatures()]
    assert len(shares) == 6 and sum(shares) == pytest.approx(1.0)
    for f in result["OUTPUT_CELLS"].getFeatures():
        total = sum(f[f"p_{r}"] for r in range(1, 7) if f[f"p_{r}"] is not None
                    and str(f[f"p_{r}"]) != "NULL")
        assert total == pytest.approx(1.0)


def test_calibration_recovers_exponents(run_alg, empty_gpkg):
    """1 500 simulated respondents choosing among 5 destinations with alpha 1.2, beta 1.8:
    estimates within 0.15 of the truth (about 3 standard errors) and the truth within 4 s.e."""
    rng = np.random.default_rng(7)
    dest_xy = np.array([[0, 0], [3000, 0], [0, 3000], [3000, 3000], [1500, 1500]], float)
    attract = np.array([1.0, 3.0, 2.0, 6.0, 4.0])
    homes = rng.uniform(-500, 3500, (1500, 2))
    d = np.hypot(homes[:, None, 0] - dest_xy[None, :, 0], homes[:, None, 1] - dest_xy[None, :, 1])
    w = attract ** 1.2 * np.maximum(d, 100.0) ** -1.8
    p = w / w.sum(axis=1, keepdims=True)
    chosen = [rng.choice(5, p=row) for row in p]
    dest = points_layer([((f"S{j}", float(attract[j])), (X0 + x, Y0 + y))
                         for j, (x, y) in enumerate(dest_xy)], "id:string&field=a:double")
    obs = points_layer([((f"s{c}",), (X0 + x, Y0 + y)) for c, (x, y) in zip(chosen, homes)]
                       + [(("nowhere",), (X0, Y0))], "choice:string")
    result = run_alg("calibrate_huff", {
        "GEOPACKAGE": str(empty_gpkg), "DESTINATIONS": dest, "DEST_ID_FIELD": "id",
        "ATTRACTIVENESS_FIELD": "a", "OBSERVATIONS": obs, "CHOICE_FIELD": "choice",
        "MIN_COST": 100.0, "OUTPUT": "memory:"})
    assert result["N"] == 1500 and result["SKIPPED"] == 1  # 'nowhere' names no destination
    assert result["ALPHA_ESTIMATE"] == pytest.approx(1.2, abs=0.15)
    assert result["BETA"] == pytest.approx(1.8, abs=0.15)
    assert abs(result["ALPHA_ESTIMATE"] - 1.2) < 4 * result["SE_ALPHA"]
    assert abs(result["BETA"] - 1.8) < 4 * result["SE_BETA"]
    assert 0 < result["PSEUDO_R2"] < 1 and result["LOG_LIKELIHOOD"] > result[
        "NULL_LOG_LIKELIHOOD"]
    report = {f["statistic"]: f["value"] for f in result["OUTPUT"].getFeatures()}
    assert report["n"] == 1500 and report["alpha"] == pytest.approx(result["ALPHA_ESTIMATE"])


# ---------------------------------------------------------------------- site potential
WEIGHTS = {"FOOTFALL_WEIGHT": 0, "POPULATION_WEIGHT": 60, "SERVICES_WEIGHT": 0,
           "TRANSIT_STOPS_WEIGHT": 0, "COMPETITORS_WEIGHT": 40, "PARKING_WEIGHT": 0}


def test_site_potential_weights_must_sum_to_100(run_alg, empty_gpkg):
    with pytest.raises(QgsProcessingException, match="must sum to 100 %; they sum to 90 %"):
        run_alg("site_potential", {"GEOPACKAGE": str(empty_gpkg), **WEIGHTS,
                                   "POPULATION_WEIGHT": 50, "OUTPUT": "memory:"})


def test_site_potential_ranks_dominating_candidate_first(run_alg, tmp_path):
    """X next to the competitor at (3,1) reaches 160 inhabitants in 10 min; Z at (0,2) reaches
    160 with no competitor within 300 m; Y in the disconnected part reaches 1 000 with none.
    population (more, 60 %): X 0, Z 0, Y 1; competitors (less, 40 %): X 0, Z 1, Y 1
    -> scores X 0, Z 40, Y 100."""
    from .test_catchment_algorithms import CAR, WALK, build_network_gpkg

    path = build_network_gpkg(tmp_path / "site.gpkg")
    run_alg("build_network", {"GEOPACKAGE": str(path), "WALK_SPEEDS": WALK, "CAR_SPEEDS": CAR})
    cand = points_layer([(("X",), (xy(3, 1)[0], xy(3, 1)[1] + 10)), (("Y",), xy(11, 0)),
                         (("Z",), xy(0, 2))])
    result = run_alg("site_potential", {"GEOPACKAGE": str(path), "CANDIDATES": cand,
                                        "CANDIDATE_ID_FIELD": "id", **WEIGHTS,
                                        "OUTPUT": "memory:"})
    rows = [(f["candidate_id"], f["rank"], round(f["score"], 6), f["population"],
             f["competitors"]) for f in result["OUTPUT"].getFeatures()]
    assert rows == [("Y", 1, 100.0, 1000.0, 0.0), ("Z", 2, 40.0, 160.0, 0.0),
                    ("X", 3, 0.0, 160.0, 1.0)]
    for f in result["OUTPUT"].getFeatures():  # contributions add up to the score
        contrib = [f[n] for n in f.fields().names() if n.startswith("contrib_")]
        assert sum(contrib) == pytest.approx(f["score"])
    names = result["OUTPUT"].fields().names()
    assert "footfall" not in names and "services" not in names  # no data: skipped


def test_site_potential_default_candidates_and_similarity(run_alg, demo_gpkg):
    result = run_alg("site_potential", {"GEOPACKAGE": str(demo_gpkg), "OUTPUT": "memory:"})
    features = list(result["OUTPUT"].getFeatures())
    assert len(features) > 50 and features[0]["rank"] == 1
    scores = [f["score"] for f in features]
    assert scores == sorted(scores, reverse=True)
    target = features[0]["uuid"]
    weights = dict(WEIGHTS, POPULATION_WEIGHT=40, COMPETITORS_WEIGHT=30)
    similar = run_alg("site_potential", {"GEOPACKAGE": str(demo_gpkg), **weights,
                                         "TARGET_PREMISE": target, "SIMILARITY_WEIGHT": 30,
                                         "OUTPUT": "memory:"})
    sims = {f["uuid"]: f["contrib_similarity"] for f in similar["OUTPUT"].getFeatures()}
    assert sims[target] == pytest.approx(30.0)  # identical to itself: similarity 1
    assert max(sims.values()) == pytest.approx(30.0) and min(sims.values()) < 30.0
