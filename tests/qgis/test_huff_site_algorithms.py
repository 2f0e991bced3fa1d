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
                                    "OUTPUT_PMA": "memory:", "COST": 1,
                                    "WRITE_INDICATORS": False})  # the demo is read-only
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
    result = run_alg("site_potential", {"GEOPACKAGE": str(demo_gpkg), "OUTPUT": "memory:",
                                        "WRITE_INDICATORS": False})  # the demo is read-only
    features = list(result["OUTPUT"].getFeatures())
    assert len(features) > 50 and features[0]["rank"] == 1
    scores = [f["score"] for f in features]
    assert scores == sorted(scores, reverse=True)
    target = features[0]["uuid"]
    weights = dict(WEIGHTS, POPULATION_WEIGHT=40, COMPETITORS_WEIGHT=30)
    similar = run_alg("site_potential", {"GEOPACKAGE": str(demo_gpkg), **weights,
                                         "TARGET_PREMISE": target, "SIMILARITY_WEIGHT": 30,
                                         "WRITE_INDICATORS": False, "OUTPUT": "memory:"})
    sims = {f["uuid"]: f["contrib_similarity"] for f in similar["OUTPUT"].getFeatures()}
    assert sims[target] == pytest.approx(30.0)  # identical to itself: similarity 1
    assert max(sims.values()) == pytest.approx(30.0) and min(sims.values()) < 30.0


# ------------------------------------------------------- indicators written for the atlas
# Two centralities (squares of 60 m) on a line, two population cells, straight-line costs:
#   Alpha centred at x = 100 (1 occupied premise: A = 1), Beta at x = 400 (2 occupied: A = 2)
#   cell 1 at x = 0 (70 inhabitants): d = 100, 400 -> w = 1e-4, 2/16e4 -> P = 8/9, 1/9
#   cell 2 at x = 300 (100 inhab.):   d = 200, 100 -> w = 1/4e4, 2e-4  -> P = 1/9, 8/9
#   D_Alpha = (560 + 100) / 9 = 660/9, D_Beta = (70 + 800) / 9 = 870/9; total 170
#   shares 660/1530 = 43.137 %, 870/1530 = 56.863 %
# Vacant premises (site potential, competitors within 20 m, less is better, the only criterion
# with data): v1 (x 110, in Alpha) 1 competitor, v2 (125, 25; in Alpha) 0, v3 (410, in Beta) 2,
# v4 (250, outside) 0 -> scores 50, 100, 0, 100 -> Alpha best 100 of 2, Beta best 0 of 1.
HUFF_SHARES = {"c-alpha": 100 * 660 / 1530, "c-beta": 100 * 870 / 1530}
HUFF_DEMAND = {"c-alpha": 660 / 9, "c-beta": 870 / 9}
SITE_PARAMS = {**WEIGHTS, "DISTANCE": 20.0, "OUTPUT": "memory:"}


def build_market_gpkg(path):
    from observatoire_commerce.store import geometry, gpkg, observatory

    from .test_catchment_algorithms import square

    observatory.create_observatory(path, "Market", 2154)
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for uid, name, level, cx in (("c-alpha", "Alpha", "primary", 100.0),
                                     ("c-beta", "Beta", "secondary", 400.0)):
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (uid, name, level, geometry.encode(
                             "multipolygon", [square(X0 + cx, Y0, 30)], 2154)))
        for name, cx, ind in (("c1", 0.0, 70.0), ("c2", 300.0, 100.0)):
            conn.execute("INSERT INTO population_grid (uuid, idcar_200m, ind, ind_snv, geom) "
                         "VALUES (?,?,?,?,?)", (f"cell-{name}", name, ind, ind * 20000.0,
                                                geometry.encode("polygon", square(X0 + cx, Y0),
                                                                2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date) VALUES "
                     "('k1', 'Inventaire 2024', 2024, '2024-10-01')")
        for uid, (dx, dy), status in (("a1", (100, 0), "occupied"), ("b1", (400, 0), "occupied"),
                                      ("b2", (405, 0), "occupied"), ("v1", (110, 0), "vacant"),
                                      ("v2", (125, 25), "vacant"), ("v3", (410, 0), "vacant"),
                                      ("v4", (250, 0), "vacant")):
            conn.execute("INSERT INTO premises (uuid, address, geom) VALUES (?,?,?)",
                         (uid, f"{uid} street", geometry.encode_point(X0 + dx, Y0 + dy, 2154)))
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                         "status, activity_group) VALUES (?,?,?,?,?)",
                         (f"o-{uid}", uid, "k1", status,
                          "alimentaire" if status == "occupied" else None))
    conn.close()
    return path


@pytest.fixture
def market_gpkg(tmp_path):
    return build_market_gpkg(tmp_path / "market.gpkg")


def stored(path, algorithm):
    """{(centrality, indicator): (value, unit, period, parameters)} written by ``algorithm``."""
    import json

    from observatoire_commerce.store import gpkg

    conn = gpkg.connect(path)
    rows = conn.execute("SELECT centrality_uuid, indicator, value, unit, period, parameters, "
                        "scope FROM indicators WHERE algorithm = ?", (algorithm,)).fetchall()
    conn.close()
    assert all(r[6] == "centrality" for r in rows)
    return {(r[0], r[1]): (r[2], r[3], r[4], json.loads(r[5])) for r in rows}


def run_logged(alg_id, params):
    from qgis import processing

    from .test_catchment_algorithms import Capture

    feedback = Capture()
    result = processing.run(f"observatoire:{alg_id}", params, feedback=feedback)
    return result, feedback


def test_huff_writes_market_share_and_expected_demand_per_centrality(processing_ready,
                                                                    market_gpkg):
    import datetime

    params = {"GEOPACKAGE": str(market_gpkg), "ALPHA": 1.0, "BETA": 2.0, "DECAY": 0,
              "OUTPUT_DESTINATIONS": "memory:", "OUTPUT_CELLS": "memory:",
              "OUTPUT_PMA": "memory:"}
    result, feedback = run_logged("huff_model", params)
    shares = {f["uuid"]: (f["expected_demand"], f["market_share"])
              for f in result["OUTPUT_DESTINATIONS"].getFeatures()}
    assert shares == {u: (pytest.approx(HUFF_DEMAND[u]), pytest.approx(HUFF_SHARES[u] / 100))
                      for u in HUFF_SHARES}
    rows = stored(market_gpkg, "observatoire:huff_model")
    year = str(datetime.date.today().year)
    assert len(rows) == 4
    for uid in ("c-alpha", "c-beta"):
        value, unit, period, _ = rows[(uid, "huff_market_share")]
        assert (value, unit, period) == (pytest.approx(HUFF_SHARES[uid]), "%", year)
        value, unit, period, _ = rows[(uid, "huff_expected_demand")]
        assert (value, unit, period) == (pytest.approx(HUFF_DEMAND[uid]), "inhabitants", year)
    assert rows[("c-alpha", "huff_market_share")][0] == pytest.approx(43.137, abs=1e-3)
    parameters = rows[("c-alpha", "huff_market_share")][3]
    assert parameters == {"alpha": 1.0, "beta": 2.0, "decay": "power", "cost": "distance",
                          "cost_unit": "m", "min_cost": 100.0, "demand": "population_grid.ind"}
    assert "4 indicators written" in feedback.infos
    # run again: replaced, not duplicated
    run_logged("huff_model", params)
    assert len(stored(market_gpkg, "observatoire:huff_model")) == 4


def test_huff_expected_demand_unit_follows_the_demand(run_alg, market_gpkg):
    run_alg("huff_model", {"GEOPACKAGE": str(market_gpkg), "USE_INCOME": True,
                           "OUTPUT_DESTINATIONS": "memory:"})
    rows = stored(market_gpkg, "observatoire:huff_model")
    # income: every cell has the same mean standard of living (20 000), so shares are unchanged
    # and the demand is 20 000 times the population
    assert rows[("c-alpha", "huff_expected_demand")][:2] == (
        pytest.approx(HUFF_DEMAND["c-alpha"] * 20000.0), "euros")
    assert rows[("c-beta", "huff_market_share")][0] == pytest.approx(HUFF_SHARES["c-beta"])
    _, cells = huff_layers()  # 70 at x = 0 and 100 at x = 300 in a layer: the same demand
    run_alg("huff_model", {"GEOPACKAGE": str(market_gpkg), "DEMAND": cells,
                           "DEMAND_FIELD": "w", "OUTPUT_DESTINATIONS": "memory:"})
    rows = stored(market_gpkg, "observatoire:huff_model")
    assert rows[("c-beta", "huff_expected_demand")][:2] == (pytest.approx(HUFF_DEMAND["c-beta"]),
                                                            "w")
    assert rows[("c-beta", "huff_expected_demand")][3]["demand"] == "layer.w"


def test_huff_writes_nothing_for_other_destinations_or_when_not_asked(processing_ready,
                                                                      market_gpkg):
    dest, _cells = huff_layers()
    _, feedback = run_logged("huff_model", {
        "GEOPACKAGE": str(market_gpkg), "DESTINATIONS": dest, "DEST_ID_FIELD": "id",
        "OUTPUT_DESTINATIONS": "memory:"})
    said = [m for m in feedback.infos if "No indicator written" in m]
    assert len(said) == 1 and "not the centralities" in said[0]
    _, feedback = run_logged("huff_model", {"GEOPACKAGE": str(market_gpkg),
                                            "WRITE_INDICATORS": False,
                                            "OUTPUT_DESTINATIONS": "memory:"})
    assert not [m for m in feedback.infos if "indicator" in m]
    assert stored(market_gpkg, "observatoire:huff_model") == {}


def test_site_potential_writes_best_score_and_candidates_per_centrality(processing_ready,
                                                                       market_gpkg):
    import datetime

    from observatoire_commerce.store import gpkg

    params = {"GEOPACKAGE": str(market_gpkg), **SITE_PARAMS}
    result, feedback = run_logged("site_potential", params)
    scores = {f["candidate_id"]: f["score"] for f in result["OUTPUT"].getFeatures()}
    assert scores == {"v1": pytest.approx(50.0), "v2": pytest.approx(100.0),
                      "v3": pytest.approx(0.0), "v4": pytest.approx(100.0)}
    rows = stored(market_gpkg, "observatoire:site_potential")
    year = str(datetime.date.today().year)
    assert {k: v[:3] for k, v in rows.items()} == {
        ("c-alpha", "site_potential_best_score"): (pytest.approx(100.0), "points", year),
        ("c-alpha", "site_potential_candidates"): (2.0, "premises", year),
        ("c-beta", "site_potential_best_score"): (pytest.approx(0.0), "points", year),
        ("c-beta", "site_potential_candidates"): (1.0, "premises", year)}
    parameters = rows[("c-alpha", "site_potential_best_score")][3]
    assert parameters["activity_group"] == "alimentaire"
    assert parameters["weights"] == {"footfall": 0.0, "population": 60.0, "services": 0.0,
                                     "transit_stops": 0.0, "competitors": 40.0, "parking": 0.0}
    assert parameters["scored_criteria"] == ["competitors"]  # the others have no data here
    assert parameters["distance_m"] == 20.0
    assert "4 indicators written" in feedback.infos
    # v3 is let: Beta holds no candidate any more and loses its (now stale) values
    conn = gpkg.connect(market_gpkg)
    with gpkg.transaction(conn):
        conn.execute("UPDATE premise_observations SET status = 'occupied', "
                     "activity_group = 'services' WHERE premise_uuid = 'v3'")
    conn.close()
    run_logged("site_potential", params)
    rows = stored(market_gpkg, "observatoire:site_potential")
    assert {k: v[0] for k, v in rows.items()} == {
        ("c-alpha", "site_potential_best_score"): pytest.approx(100.0),
        ("c-alpha", "site_potential_candidates"): 2.0}


def test_site_potential_writes_nothing_for_other_candidates_or_when_not_asked(processing_ready,
                                                                             market_gpkg):
    cand = points_layer([(("X",), (X0 + 110, Y0)), (("Y",), (X0 + 410, Y0))])
    result, feedback = run_logged("site_potential", {
        "GEOPACKAGE": str(market_gpkg), "CANDIDATES": cand, "CANDIDATE_ID_FIELD": "id",
        **SITE_PARAMS})
    assert result["OUTPUT"].featureCount() == 2
    said = [m for m in feedback.infos if "No indicator written" in m]
    assert len(said) == 1 and "not the vacant premises" in said[0]
    _, feedback = run_logged("site_potential", {"GEOPACKAGE": str(market_gpkg),
                                                "WRITE_INDICATORS": False, **SITE_PARAMS})
    assert not [m for m in feedback.infos if "indicator" in m]
    assert stored(market_gpkg, "observatoire:site_potential") == {}


# ---------------------------------------------------------------------- calibration on the survey
def zones_layer(boxes):
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=code:string", "zones", "memory")
    features = []
    for code, (x0, y0, x1, y1) in boxes:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)))
        f.setAttributes([code])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_calibration_from_the_questionnaire_answers(processing_ready, market_gpkg):
    """Homes from the IRIS, else the commune: IRIS 861940101 holds cell c1 only → (0, 0);
    commune 86194 holds c1 (70 inhabitants) and c2 (100, at x = 300) → x = 300 × 100 / 170;
    IRIS 861940199 holds no cell → its centroid (1050, 50). Alpha is at (100, 0) with 1
    occupied premise, Beta at (400, 0) with 2."""
    from observatoire_commerce.analysis.huff import calibrate_huff
    from observatoire_commerce.store import gpkg
    from observatoire_commerce.store import survey as survey_store

    conn = gpkg.connect(market_gpkg)
    codes = {r["name"]: r["code"] for r in survey_store.centrality_codes(conn)}
    a, b = codes["Alpha"], codes["Beta"]
    answers = [  # (uuid, iris, commune, place, centrality)
        ("r1", "861940101", "86194", "town_centre", a),
        ("r2", None, "86194", "neighbourhood", b),
        ("r3", "861940155", "86001", "town_centre", a),  # home zone not in the layer
        ("r4", None, "86194", "town_centre", "elsewhere"),
        ("r5", None, "86194", "periphery", None),
        ("r6", None, "86194", "town_centre", "zzz"),  # unknown centrality code
        ("r7", "861940199", "86194", "neighbourhood", b),
        ("r8", "861940101", "86194", "neighbourhood", b),
        ("r9", None, "86194", None, None),  # no purchase answer (no consent)
    ]
    with gpkg.transaction(conn):
        conn.executemany(
            "INSERT INTO survey_responses (uuid, home_iris, home_commune, purchase_food_daily, "
            "purchase_food_daily_centrality) VALUES (?,?,?,?,?)", answers)
    conn.close()
    zones = zones_layer([("861940101", (-50, -50, 50, 50)), ("86194", (-50, -50, 350, 50)),
                         ("861940199", (1000, 0, 1100, 100))])
    params = {"GEOPACKAGE": str(market_gpkg), "PURCHASE": 1, "HOME_ZONES": zones,
              "ZONE_CODE_FIELD": "code", "FIT_ALPHA": False, "ALPHA": 1.0, "MIN_COST": 100.0,
              "OUTPUT": "memory:"}
    result, feedback = run_logged("calibrate_huff", params)
    assert result["N"] == 4 and result["SKIPPED"] == 2
    assert any("8 answers for this purchase: 4 name a centrality and are used; 2 buy "
               "outside" in m for m in feedback.infos)
    assert any("1 answers skipped: their home IRIS or commune is not in the home zones layer "
               "(861940155)" in m for m in feedback.errors)
    assert any("unknown centrality code (zzz)" in m for m in feedback.errors)
    homes = np.array([[0.0, 0.0], [300 * 100 / 170, 0.0], [1050.0, 50.0], [0.0, 0.0]])
    dest = np.array([[100.0, 0.0], [400.0, 0.0]])
    cost = np.hypot(homes[:, None, 0] - dest[None, :, 0], homes[:, None, 1] - dest[None, :, 1])
    fit = calibrate_huff(np.array([1.0, 2.0]), cost, np.array([0, 1, 1, 1]), decay="power",
                         min_cost=100.0, fit_alpha=False, alpha=1.0)
    assert result["BETA"] == pytest.approx(fit.beta, rel=1e-6)
    assert result["LOG_LIKELIHOOD"] == pytest.approx(fit.log_likelihood, rel=1e-9)


def test_calibration_from_the_questionnaire_needs_zones_and_centralities(processing_ready,
                                                                         run_alg, market_gpkg):
    base = {"GEOPACKAGE": str(market_gpkg), "PURCHASE": 1, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match="give the home zones layer"):
        run_alg("calibrate_huff", base)
    dest, _cells = huff_layers()
    with pytest.raises(QgsProcessingException, match="leave the destinations empty"):
        run_alg("calibrate_huff", dict(base, DESTINATIONS=dest, DEST_ID_FIELD="id"))
    with pytest.raises(QgsProcessingException, match="not both"):
        run_alg("calibrate_huff", {"GEOPACKAGE": str(market_gpkg), "OUTPUT": "memory:"})
    zones = zones_layer([("86194", (-50, -50, 350, 50))])
    with pytest.raises(QgsProcessingException, match="Fewer than two usable"):
        run_alg("calibrate_huff", dict(base, HOME_ZONES=zones, ZONE_CODE_FIELD="code"))
