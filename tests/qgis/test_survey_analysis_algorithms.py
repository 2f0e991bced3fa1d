"""The survey analyses (issue 10) through processing.run on the demo territory."""

from __future__ import annotations

import shutil

import pytest

from observatoire_commerce.sample_territory.answers import planted_types, write_export
from observatoire_commerce.sample_territory.home_zones import write_home_zones
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.survey_forms import observatory_survey

N, SEED = 432, 2024


@pytest.fixture(scope="module")
def demo_answers(demo_gpkg, tmp_path_factory):
    """The demo territory with the demo's questionnaire answers imported (read-only), the
    home zones layer, and the planted type of each answer."""
    folder = tmp_path_factory.mktemp("survey_demo")
    path = folder / "demo_answers.gpkg"
    shutil.copy(demo_gpkg, path)
    conn = observatory.open_observatory(path)
    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
        export = folder / "answers.xlsx"
        write_export(questionnaire, export, n=N, seed=SEED, bad_rows=6)
        observatory_survey.import_export(conn, export)
    finally:
        conn.close()
    zones = write_home_zones(folder / "home_zones.gpkg")
    return {"path": path, "zones": f"{zones}|layername=home_zones",
            "planted": planted_types(questionnaire, N, SEED)}


@pytest.fixture
def survey_copy(demo_answers, tmp_path):
    path = tmp_path / "survey.gpkg"
    shutil.copy(demo_answers["path"], path)
    return path


def test_smoke(survey_copy, demo_answers, run_alg, tmp_path):
    zones = {"HOME_ZONES": demo_answers["zones"], "ZONE_CODE_FIELD": "code"}
    g = {"GEOPACKAGE": str(survey_copy)}
    r = run_alg("weight_survey", {**g, **zones, "OUTPUT": "memory:", "OUTPUT_MARGINS": "memory:"})
    print(r)
    r = run_alg("expectations", {**g, "OUTPUT": "memory:"}); print(r)
    r = run_alg("consumption_typology", {**g, **zones, "OUTPUT_TYPES": "memory:", "OUTPUT_ANSWERS": "memory:", "OUTPUT_ZONES": "memory:"}); print(r)
    r = run_alg("purchase_flows", {**g, **zones, "OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:", "OUTPUT_LINES": "memory:"}); print(r)
    r = run_alg("offer_flows_typologies", {**g, "OUTPUT": "memory:"}); print(r)
    r = run_alg("offer_gaps", {**g, "OUTPUT": "memory:", "OUTPUT_RANKED": "memory:"}); print(r)
    r = run_alg("short_circuit_demand", {**g, **zones, "OUTPUT_ZONES": "memory:", "OUTPUT_TYPES": "memory:"}); print(r)
    r = run_alg("survey_plan", {**g, "OUTPUT_QUOTAS": "memory:", "OUTPUT_TARGETS": "memory:"}); print(r)
