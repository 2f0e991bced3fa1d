"""The survey analyses (issue 10) through processing.run: a hand-built three-zone fixture for
capture, evasion and the gap ranking; the demo territory for the typology against the planted
types, the publication rules in the indicators table, layers and styles; refusals (cancel and
more figures worked by hand: test_survey_values).

Three-zone fixture (every figure below is worked by hand). Home zones 86001 (A), 86002 (B),
86003 (C) with 1 000, 600 and 300 inhabitants (survey_margins, margin home_zone) and 10, 12 and
15 respondents: raking to the zones alone is a post-stratification, w = N_z / n_z = 100, 50
and 20. Where they buy everyday food (food_daily):

    A (10): 6 Centre, 2 online, 2 periphery
    B (12): 4 Centre, 4 Bourg (neighbourhood), 2 another town, 1 online, 1 not concerned
    C (15): 3 Centre, 6 Bourg, 3 market / short circuit, 3 another town

B: 11 respondents count (not concerned is left out): capture Centre = Bourg = 4/11, evasion
(another town + online) = 3/11 (low precision: 11 ≤ n < 30). C: Centre 3/15, Bourg 6/15,
evasion 3/15. A: 10 respondents, not published. All zones, weighted: W = 10×100 + 11×50 +
15×20 = 1 850; Centre (600 + 200 + 60) / 1 850, Bourg (200 + 120) / 1 850, evasion
(200 + 100 + 50 + 60) / 1 850.

Gaps (the secondary centralities Bourg and Gare; walking catchments 2 000 and 1 000
inhabitants, shops: Bourg 2 alimentaire, 0 equipement_personne; Gare 4 and 2): densities per
1 000 Bourg 1.0 and 0.0, Gare 4.0 and 2.0; medians of the level 2.5 and 1.0; Bourg's deficits
1 − 1/2.5 = 0.6 and 1 − 0/1 = 1. Bourg's visitors are the 27 respondents of B and C; B: 6 miss
alimentaire, 3 equipement_personne; C: 3 and 9: shares (6×50 + 3×20) / 900 = 0.4 and
(3×50 + 9×20) / 900 = 0.366667. Scores 0.24 and 0.366667: 1. equipement_personne,
2. alimentaire. Gare's 5 visitors are too few: no score. Centre is alone at its level: no gap.
"""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce.analysis.typology import adjusted_rand_index
from observatoire_commerce.ingest.sources.survey_exports import read_submissions
from observatoire_commerce.jobs import survey_expectations as se
from observatoire_commerce.jobs import survey_gaps as sg
from observatoire_commerce.jobs import survey_purchases as spx
from observatoire_commerce.jobs import survey_short_circuits as ssc
from observatoire_commerce.jobs import survey_typology as st
from observatoire_commerce.jobs import survey_visitor_types as svt
from observatoire_commerce.sample_territory.answers import planted_types, write_export
from observatoire_commerce.sample_territory.home_zones import write_home_zones
from observatoire_commerce.store import gpkg, observatory, survey_results
from observatoire_commerce.survey_forms import observatory_survey

from ..conftest import validate_gpkg
from .survey_site import build_three_zones, digest, features, rows

N, SEED = 432, 2024


@pytest.fixture
def three_zones(tmp_path):
    return build_three_zones(tmp_path / "three.gpkg")


@pytest.fixture
def weighted_three_zones(three_zones, run_alg):
    result = run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                       "OUTPUT": "memory:"})
    assert (result["RESPONDENTS"], result["LEFT_OUT"]) == (37, 0)
    return three_zones


def test_post_stratification_by_hand(weighted_three_zones):
    weights = rows(weighted_three_zones, "SELECT home_zone, weight FROM survey_weights")
    assert {(r["home_zone"], round(r["weight"], 9)) for r in weights} == {
        ("86001", 100.0), ("86002", 50.0), ("86003", 20.0)}
    run = rows(weighted_three_zones, "SELECT * FROM survey_weighting_runs")[0]
    assert (run["method"], run["margins"], run["respondents"], run["converged"]) == (
        "rake", "home_zone", 37, 1)
    assert run["design_effect"] == pytest.approx(37 * (10 * 100 ** 2 + 12 * 50 ** 2
                                                       + 15 * 20 ** 2) / 1900 ** 2)
    margins = rows(weighted_three_zones, "SELECT category, population, respondents, source, "
                                         "year FROM survey_weighting_margins ORDER BY position")
    assert [(m["category"], m["population"], m["respondents"], m["source"], m["year"])
            for m in margins] == [("86001", 1000.0, 10, "test", 2024),
                                  ("86002", 600.0, 12, "test", 2024),
                                  ("86003", 300.0, 15, "test", 2024)]
    validate_gpkg(weighted_three_zones)


def test_capture_and_evasion_by_hand(weighted_three_zones, run_alg):
    result = run_alg("purchase_flows", {"GEOPACKAGE": str(weighted_three_zones),
                                        "OUTPUT_MATRIX": "memory:",
                                        "OUTPUT_EVASION": "memory:"})
    matrix = {(f["zone"], f["place"]): f for f in features(result["OUTPUT_MATRIX"])
              if f["category"] == "food_daily"}
    assert matrix["86002", "centre"]["share"] == pytest.approx(100 * 4 / 11)
    assert matrix["86002", "bourg"]["share"] == pytest.approx(100 * 4 / 11)
    assert matrix["86002", "centre"]["respondents"] == 11
    assert matrix["86002", "centre"]["low_precision"] is True
    assert matrix["86003", "centre"]["share"] == pytest.approx(100 * 3 / 15)
    assert matrix["86003", "bourg"]["share"] == pytest.approx(100 * 6 / 15)
    assert matrix["all", "centre"]["share"] == pytest.approx(100 * 860 / 1850)
    assert matrix["all", "bourg"]["share"] == pytest.approx(100 * 320 / 1850)
    assert matrix["all", "centre"]["respondents"] == 36
    hidden = matrix["86001", "centre"]
    assert hidden["share"] is None and hidden["ci_low"] is None
    assert hidden["reason"] == "fewer than 11 respondents" and hidden["respondents"] == 10
    evasion = {f["zone"]: f for f in features(result["OUTPUT_EVASION"])
               if f["category"] == "food_daily"}
    assert evasion["86002"]["evasion_rate"] == pytest.approx(100 * 3 / 11)
    assert evasion["86003"]["evasion_rate"] == pytest.approx(100 * 3 / 15)
    assert evasion["all"]["evasion_rate"] == pytest.approx(100 * 410 / 1850)
    assert evasion["86001"]["evasion_rate"] is None
    written = {(r["indicator"], r["centrality_uuid"]): r for r in rows(
        weighted_three_zones, "SELECT * FROM indicators WHERE algorithm = "
                              "'observatoire:purchase_flows'")}
    centre = written["purchase_capture_food_daily", "c-centre"]
    assert (centre["scope"], centre["value"], centre["respondents"], centre["low_precision"],
            centre["period"]) == ("centrality", pytest.approx(100 * 860 / 1850), 36, 0, "2024")
    assert written["purchase_capture_food_daily__home_zone_86002", "c-bourg"]["value"] == \
        pytest.approx(100 * 4 / 11)
    assert written["purchase_capture_food_daily__home_zone_86002", "c-bourg"][
        "low_precision"] == 1
    assert written["purchase_evasion_food_daily", None]["value"] == pytest.approx(
        100 * 410 / 1850)
    assert not [k for k in written if "86001" in k[0]]          # 10 respondents: never written
    lo, hi = centre["ci_low"], centre["ci_high"]
    assert lo < centre["value"] < hi


def test_gap_ranking_by_hand(weighted_three_zones, run_alg):
    result = run_alg("offer_gaps", {"GEOPACKAGE": str(weighted_three_zones),
                                    "SERVICES": False, "OUTPUT": "memory:",
                                    "OUTPUT_RANKED": "memory:"})
    ranked = [(f["centrality_name"], f["rank"], f["activity_group"], f["gap_score"])
              for f in features(result["OUTPUT_RANKED"])]
    assert [r[:3] for r in ranked] == [("Bourg", 1, "equipement_personne"),
                                       ("Bourg", 2, "alimentaire")]
    assert ranked[0][3] == pytest.approx((3 * 50 + 9 * 20) / 900)
    assert ranked[1][3] == pytest.approx(0.4 * 0.6)
    table = {(f["centrality_name"], f["activity_group"]): f
             for f in features(result["OUTPUT"])}
    bourg = table["Bourg", "alimentaire"]
    assert (bourg["density"], bourg["median_density"], bourg["supply_deficit"]) == (
        pytest.approx(1.0), pytest.approx(2.5), pytest.approx(0.6))
    assert (bourg["missing_share"], bourg["respondents"]) == (pytest.approx(40.0), 27)
    gare = table["Gare", "equipement_personne"]
    assert gare["respondents"] == 5 and gare["missing_share"] is None
    assert gare["reason"] == "fewer than 11 respondents"
    assert table["Centre", "alimentaire"]["gap_score"] == 0
    written = {r["indicator"]: r for r in rows(
        weighted_three_zones, "SELECT * FROM indicators WHERE algorithm = "
                              "'observatoire:offer_gaps' AND centrality_uuid = 'c-bourg'")}
    assert written["offer_gap_rank_equipement_personne"]["value"] == 1
    assert written["offer_gap_equipement_personne"]["value"] == pytest.approx(330 / 900)
    assert written["offer_gap_alimentaire"]["respondents"] == 27
    assert not rows(weighted_three_zones, "SELECT 1 FROM indicators WHERE algorithm = "
                                          "'observatoire:offer_gaps' AND centrality_uuid = "
                                          "'c-gare'")


# ------------------------------------------------------------------------------ refusals

NEEDS_WEIGHTS = {
    "expectations": {"OUTPUT": "memory:"},
    "consumption_typology": {"OUTPUT_TYPES": "memory:", "OUTPUT_ANSWERS": "memory:"},
    "purchase_flows": {"OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:"},
    "offer_gaps": {"OUTPUT": "memory:", "OUTPUT_RANKED": "memory:"},
    "offer_flows_typologies": {"OUTPUT": "memory:"},
}


@pytest.mark.parametrize("alg", ["weight_survey", *NEEDS_WEIGHTS])
def test_a_geopackage_without_answers_is_refused(alg, run_alg, tmp_path):
    path = observatory.create_observatory(tmp_path / "empty.gpkg", "Vide")
    before = digest(path)
    with pytest.raises(QgsProcessingException, match="holds no questionnaire answer"):
        run_alg(alg, {"GEOPACKAGE": str(path), "OUTPUT": "memory:",
                      **NEEDS_WEIGHTS.get(alg, {})})
    assert digest(path) == before


def test_short_circuit_demand_without_answers_is_refused(run_alg, tmp_path):
    path = observatory.create_observatory(tmp_path / "empty.gpkg", "Vide")
    zones = write_home_zones(tmp_path / "zones.gpkg")
    with pytest.raises(QgsProcessingException, match="holds no questionnaire answer"):
        run_alg("short_circuit_demand", {
            "GEOPACKAGE": str(path), "HOME_ZONES": f"{zones}|layername=home_zones",
            "ZONE_CODE_FIELD": "code", "OUTPUT_ZONES": "memory:"})


@pytest.mark.parametrize("alg", sorted(NEEDS_WEIGHTS))
def test_answers_without_weights_are_refused(alg, three_zones, run_alg):
    before = digest(three_zones)
    with pytest.raises(QgsProcessingException, match="not weighted yet.*weight_survey"):
        run_alg(alg, {"GEOPACKAGE": str(three_zones), **NEEDS_WEIGHTS[alg]})
    assert digest(three_zones) == before


def test_short_circuit_demand_without_weights_is_refused(three_zones, run_alg, tmp_path):
    zones = write_home_zones(tmp_path / "zones.gpkg")
    with pytest.raises(QgsProcessingException, match="not weighted yet"):
        run_alg("short_circuit_demand", {
            "GEOPACKAGE": str(three_zones), "HOME_ZONES": f"{zones}|layername=home_zones",
            "ZONE_CODE_FIELD": "code", "OUTPUT_ZONES": "memory:"})
    with pytest.raises(QgsProcessingException, match="zone code field"):
        run_alg("short_circuit_demand", {
            "GEOPACKAGE": str(three_zones), "HOME_ZONES": f"{zones}|layername=home_zones",
            "OUTPUT_ZONES": "memory:"})


def test_a_named_run_that_does_not_exist_is_refused(weighted_three_zones, run_alg):
    with pytest.raises(QgsProcessingException, match="No weighting run is named 'autre'"):
        run_alg("expectations", {"GEOPACKAGE": str(weighted_three_zones), "RUN": "autre",
                                 "OUTPUT": "memory:"})


def test_offer_flows_typologies_needs_a_typology(weighted_three_zones, run_alg):
    with pytest.raises(QgsProcessingException, match="No consumption typology"):
        run_alg("offer_flows_typologies", {"GEOPACKAGE": str(weighted_three_zones),
                                           "OUTPUT": "memory:"})


def test_a_zone_with_respondents_but_no_population_writes_nothing(three_zones, run_alg):
    conn = observatory.open_observatory(three_zones)
    with gpkg.transaction(conn):
        conn.execute("UPDATE survey_margins SET population = 0 WHERE category = '86003'")
    conn.close()
    before = digest(three_zones)
    with pytest.raises(QgsProcessingException,
                       match="margin 'home_zone': category '86003' has 15 respondent.s. but "
                             "a population of 0"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                  "OUTPUT": "memory:"})
    assert digest(three_zones) == before


def test_respondents_outside_the_zones_are_left_out_or_refused(three_zones, run_alg):
    conn = observatory.open_observatory(three_zones)
    with gpkg.transaction(conn):
        conn.execute("DELETE FROM survey_margins WHERE category = '86003'")
    conn.close()
    before = digest(three_zones)
    with pytest.raises(QgsProcessingException,
                       match="15 respondents live outside the home zones .86003 .15.."):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                  "OUTSIDE": 1, "OUTPUT": "memory:"})
    assert digest(three_zones) == before
    result = run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                       "OUTPUT": "memory:"})
    assert (result["RESPONDENTS"], result["LEFT_OUT"]) == (22, 15)
    assert rows(three_zones, "SELECT left_out FROM survey_weighting_runs") == [
        {"left_out": 15}]


def test_non_convergence_writes_nothing(three_zones, run_alg):
    conn = observatory.open_observatory(three_zones)
    with gpkg.transaction(conn):  # a second margin the zones do not fit at once
        survey_results.write_margins(conn, [
            {"margin": "age_band", "category": "35_49", "population": 1900, "source": "t",
             "year": 2024}])
        conn.execute("UPDATE survey_responses SET age_band = '50_64' WHERE uuid = 'r01'")
        survey_results.write_margins(conn, [
            {"margin": "age_band", "category": "50_64", "population": 10, "source": "t",
             "year": 2024}])
    conn.close()
    before = digest(three_zones)
    with pytest.raises(QgsProcessingException, match="raking did not converge in 1 sweeps"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "MAX_ITERATIONS": 1,
                                  "HARMONISE": True, "OUTPUT": "memory:"})
    assert digest(three_zones) == before


def test_weighting_without_any_margin_is_refused(three_zones, run_alg):
    with pytest.raises(QgsProcessingException, match="at least one margin"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                  "ZONE_MARGIN": False, "OUTPUT": "memory:"})


def test_an_unknown_further_margin_is_named(three_zones, run_alg):
    with pytest.raises(QgsProcessingException, match="The margin 'gender' has no row"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones), "AGE_MARGIN": False,
                                  "EXTRA_MARGINS": "gender", "OUTPUT": "memory:"})


def test_survey_plan_without_answers_gives_quotas(run_alg, demo_gpkg, tmp_path):
    from observatoire_commerce.analysis.survey_plan import sample_size

    path = tmp_path / "plan.gpkg"
    shutil.copy(demo_gpkg, path)
    result = run_alg("survey_plan", {"GEOPACKAGE": str(path), "OUTPUT_QUOTAS": "memory:",
                                     "OUTPUT_TARGETS": "memory:"})
    assert result["RECEIVED"] == 0 and result["DESIGN_EFFECT_USED"] == 1
    targets = features(result["OUTPUT_TARGETS"])
    assert len(targets) == 6
    for t in targets:
        assert t["quota"] == sample_size(0.05, 0.5, t["population"])
        assert t["half_width"] <= 5.0
    quotas = features(result["OUTPUT_QUOTAS"])
    assert result["TOTAL_QUOTA"] == sum(q["quota"] for q in quotas) == sum(
        t["quota"] for t in targets)
    with pytest.raises(QgsProcessingException, match="design effect is 1 or more"):
        run_alg("survey_plan", {"GEOPACKAGE": str(path), "DESIGN_EFFECT": 0.5,
                                "OUTPUT_QUOTAS": "memory:", "OUTPUT_TARGETS": "memory:"})


# ------------------------------------------------------------------------- demo territory

@pytest.fixture(scope="module")
def demo_survey(demo_gpkg, tmp_path_factory, processing_ready):
    """The demo territory with the demo's answers, weighted to its home zones and age bands,
    and every survey analysis run once (module scope: read-only for the tests)."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    folder = tmp_path_factory.mktemp("survey_demo")
    path = folder / "demo_answers.gpkg"
    shutil.copy(demo_gpkg, path)
    conn = observatory.open_observatory(path)
    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
        write_export(questionnaire, folder / "answers.xlsx", n=N, seed=SEED, bad_rows=6)
        observatory_survey.import_export(conn, read_submissions(folder / "answers.xlsx"))
    finally:
        conn.close()
    zones = {"HOME_ZONES": f"{write_home_zones(folder / 'zones.gpkg')}|layername=home_zones",
             "ZONE_CODE_FIELD": "code"}
    g = {"GEOPACKAGE": str(path)}

    def run(alg, params):
        return processing.run(f"observatoire:{alg}", {**g, **params},
                              context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    out = {"path": path, "zones": zones, "planted": planted_types(questionnaire, N, SEED)}
    out["weight_survey"] = run("weight_survey", {**zones, "OUTPUT": "memory:",
                                                 "OUTPUT_MARGINS": "memory:"})
    out["expectations"] = run("expectations", {"OUTPUT": "memory:"})
    out["consumption_typology"] = run("consumption_typology", {
        **zones, "OUTPUT_TYPES": "memory:", "OUTPUT_ANSWERS": "memory:",
        "OUTPUT_ZONES": "memory:"})
    out["purchase_flows"] = run("purchase_flows", {
        **zones, "OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:",
        "OUTPUT_LINES": "memory:"})
    out["offer_flows_typologies"] = run("offer_flows_typologies", {"OUTPUT": "memory:"})
    out["offer_gaps"] = run("offer_gaps", {"OUTPUT": "memory:", "OUTPUT_RANKED": "memory:"})
    out["short_circuit_demand"] = run("short_circuit_demand", {
        **zones, "OUTPUT_ZONES": "memory:", "OUTPUT_TYPES": "memory:"})
    out["survey_plan"] = run("survey_plan", {"OUTPUT_QUOTAS": "memory:",
                                             "OUTPUT_TARGETS": "memory:"})
    return out


def test_demo_weighting_meets_the_grid_margins(demo_survey):
    result = demo_survey["weight_survey"]
    assert (result["RESPONDENTS"], result["LEFT_OUT"]) == (345, 51)  # Châtellerault, Niort
    assert 1 < result["DESIGN_EFFECT"] < 3
    assert result["EFFECTIVE_SAMPLE_SIZE"] == pytest.approx(345 / result["DESIGN_EFFECT"])
    margins = features(result["OUTPUT_MARGINS"])
    assert {m["margin"] for m in margins} == {"home_zone", "age_band"}
    assert len([m for m in margins if m["margin"] == "home_zone"]) == 6
    for m in margins:
        assert m["weighted_total"] == pytest.approx(m["population"], rel=1e-6)
        assert m["source"] == "population_grid"
    zone_total = sum(m["population"] for m in margins if m["margin"] == "home_zone")
    age_total = sum(m["population"] for m in margins if m["margin"] == "age_band")
    assert zone_total == pytest.approx(age_total)
    weights = features(result["OUTPUT"])
    assert sum(w["weight"] for w in weights) == pytest.approx(zone_total)
    validate_gpkg(demo_survey["path"])


def test_typology_recovers_the_planted_types(demo_survey):
    result = demo_survey["consumption_typology"]
    found = {r["response_uuid"]: r["type"] for r in rows(
        demo_survey["path"], "SELECT response_uuid, type FROM survey_response_types "
                             "WHERE run_uuid = ?", (result["RUN"],))}
    planted = demo_survey["planted"]
    assert len(found) == 345 and set(found) <= set(planted)
    common = sorted(found)
    ari = adjusted_rand_index([found[u] for u in common], [planted[u] for u in common])
    assert ari >= 0.7
    types = features(result["OUTPUT_TYPES"])
    assert len(types) == result["TYPES"] >= 4
    assert all(t["name"] for t in types)
    # publication rules on the types table: a type of fewer than 11 respondents is listed
    # without weight, share nor interval (the demo has one), under 30 flagged
    hidden = [t for t in types if t["respondents"] < 11]
    assert hidden and all(
        (t["weight"], t["share"], t["ci_low"], t["ci_high"], t["reason"]) ==
        (None, None, None, None, "fewer than 11 respondents") for t in hidden)
    assert all(t["share"] is not None and t["reason"] is None for t in types
               if t["respondents"] >= 11)
    assert all(t["low_precision"] == (t["respondents"] < 30) for t in types)
    stored = rows(demo_survey["path"], "SELECT share FROM survey_types WHERE run_uuid = ?",
                  (result["RUN"],))
    assert sum(t["share"] for t in stored) == pytest.approx(1.0)
    answers = features(result["OUTPUT_ANSWERS"])
    assert {a["type"] for a in answers} == {t["type"] for t in types}
    small = {t["type"] for t in hidden}
    assert all(a["v_test"] is None and a["mod_cla"] is None for a in answers
               if a["type"] in small)
    assert all(abs(a["v_test"]) >= 1.96 for a in answers if a["type"] not in small)
    zones = features(result["OUTPUT_ZONES"])
    assert sorted(z["zone"] for z in zones) == ["86041", "86062", "86100", "86158", "86194",
                                                "86214"]
    assert all(z["type"] in {t["type"] for t in types} for z in zones if z["respondents"] >= 11)


def test_edited_type_names_are_used(demo_survey, run_alg, tmp_path):
    path = tmp_path / "names.gpkg"
    shutil.copy(demo_survey["path"], path)
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.execute("UPDATE survey_types SET name = 'Piétons du centre' WHERE type = 1")
    conn.close()
    table = features(run_alg("offer_flows_typologies", {"GEOPACKAGE": str(path),
                                                        "OUTPUT": "memory:"})["OUTPUT"])
    assert {t["type_name"] for t in table if t["type"] == 1} == {"Piétons du centre"}


SURVEY_WRITERS = {  # algorithm → the code prefixes it writes (from the jobs)
    se.ALGORITHM_ID: (se.PREFIX,),
    st.ALGORITHM_ID: (st.SHARE_CODE,),
    spx.ALGORITHM_ID: (spx.CAPTURE_CODE, spx.EVASION_CODE, spx.CAPTURED_CODE),
    svt.ALGORITHM_ID: (svt.INDEX_CODE,),
    sg.ALGORITHM_ID: (sg.GAP_CODE, sg.RANK_CODE),
    ssc.ALGORITHM_ID: (ssc.INTERESTED, ssc.BUYERS),
}


def test_no_survey_indicator_under_11_respondents_and_low_precision_flagged(demo_survey):
    every = rows(demo_survey["path"], "SELECT * FROM indicators")
    prefixes = tuple(p for codes in SURVEY_WRITERS.values() for p in codes)
    survey = [r for r in every if r["algorithm"] in SURVEY_WRITERS
              or r["indicator"].startswith(prefixes)]
    assert {r["algorithm"] for r in survey} == set(SURVEY_WRITERS)
    for r in survey:  # written by a survey algorithm under its own codes
        assert r["indicator"].startswith(SURVEY_WRITERS[r["algorithm"]]), r
    # every survey indicator carries its respondents: 11 or more, flagged under 30
    assert [r for r in survey if r["respondents"] is None] == []
    assert min(r["respondents"] for r in survey) >= 11
    low = [r for r in survey if r["respondents"] < 30]
    assert low and all(r["low_precision"] == 1 for r in low)
    assert all(r["low_precision"] == 0 for r in survey if r["respondents"] >= 30)
    # and no other indicator claims respondents
    assert [r for r in every if r not in survey and r["respondents"] is not None] == []
    shares = [r for r in survey if r["unit"] == "%" and r["ci_low"] is not None]
    assert shares and all(0 <= r["ci_low"] <= r["value"] <= r["ci_high"] <= 100
                          for r in shares)


def test_suppressed_cells_say_why_in_the_outputs(demo_survey):
    table = features(demo_survey["expectations"]["OUTPUT"])
    hidden = [f for f in table if f["respondents"] < 11]
    assert hidden and demo_survey["expectations"]["SUPPRESSED"] == len(hidden)
    assert all(f["value"] is None and f["ci_low"] is None and f["ci_high"] is None
               and f["reason"] == "fewer than 11 respondents" for f in hidden)
    shown = [f for f in table if f["respondents"] >= 11]
    assert all(f["value"] is not None and f["reason"] is None for f in shown)
    assert all(f["low_precision"] == (f["respondents"] < 30) for f in table)
    visitors = [f for f in table if f["domain_kind"] == "visitors"
                and f["indicator"] == "expect_satisfaction_overall_mean"]
    assert len(visitors) == 6
    assert all(1 <= f["ci_low"] < f["value"] < f["ci_high"] <= 5 for f in visitors)


def test_demo_flow_lines_and_short_circuit_zones(demo_survey):
    lines = demo_survey["purchase_flows"]["OUTPUT_LINES"]
    assert lines.featureCount() > 0
    for f in features(lines):
        assert f["respondents"] >= 11 and f["share"] > 0
    short = demo_survey["short_circuit_demand"]
    zones = features(short["OUTPUT_ZONES"])
    assert len(zones) == 6
    assert short["FLAGGED"] == sum(bool(z["high_demand_low_supply"]) for z in zones) >= 1
    for z in zones:
        assert z["producers"] >= 0 and z["markets"] >= 0


def test_flow_lines_are_styled_by_share(styled_output, demo_survey, tmp_path):
    path = shutil.copy(demo_survey["path"], tmp_path / "lines.gpkg")
    layer, style = styled_output("purchase_flows", {
        "GEOPACKAGE": str(path), **demo_survey["zones"],
        "WRITE_INDICATORS": False, "OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:"},
        "OUTPUT_LINES")
    style()
    symbol = layer.renderer().symbol()
    prop = symbol.symbolLayer(0).dataDefinedProperties().property(
        symbol.symbolLayer(0).PropertyStrokeWidth)
    assert 'scale_linear("share"' in prop.expressionString()


def test_dominant_types_are_styled(styled_output, demo_survey, tmp_path):
    path = shutil.copy(demo_survey["path"], tmp_path / "types.gpkg")
    layer, style = styled_output("consumption_typology", {
        "GEOPACKAGE": str(path), **demo_survey["zones"],
        "WRITE_INDICATORS": False, "OUTPUT_TYPES": "memory:", "OUTPUT_ANSWERS": "memory:"},
        "OUTPUT_ZONES")
    style()
    renderer = layer.renderer()
    assert renderer.classAttribute() == "type"
    assert len(renderer.categories()) >= 5
