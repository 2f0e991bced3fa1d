"""observatoire:export_open_data and observatoire:export_web_map through processing.run on
the demo territory, with every never-published kind of text planted in a copy of it
(``publication_site.planted_copy``): the package passes ``frictionless validate``, nothing
that must stay in the socle appears in any file, every survey figure rests on 11 respondents
or more; the counts of the outputs are those of the socle."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ..unit.publication_site import planted_copy

SIRET = "21860194700013"


def socle_counts(path: Path, campaign: str) -> dict:
    conn = sqlite3.connect(str(path))
    try:
        one = lambda sql, *a: conn.execute(sql, a).fetchone()[0]  # noqa: E731
        return {
            "observed": one("SELECT count(*) FROM premise_observations WHERE campaign_uuid = ?",
                            campaign),
            "occupied": one("SELECT count(*) FROM premise_observations WHERE campaign_uuid = ? "
                            "AND status = 'occupied'", campaign),
            "services": one("SELECT count(*) FROM services WHERE vintage = (SELECT "
                            "max(vintage) FROM services)"),
            "producers": one("SELECT count(*) FROM producers"),
            "markets": one("SELECT count(*) FROM markets"),
            "off_street": one("SELECT count(*) FROM parkings WHERE kind = 'off_street'"),
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def planted(demo_gpkg, tmp_path_factory):
    path = tmp_path_factory.mktemp("planted") / "demo_planted.gpkg"
    info = planted_copy(demo_gpkg, path)
    return path, info


@pytest.fixture(scope="module")
def open_data(planted, processing_ready, tmp_path_factory):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    path, info = planted
    folder = tmp_path_factory.mktemp("od") / "open_data"
    result = processing.run("observatoire:export_open_data", {
        "GEOPACKAGE": str(path), "PRODUCER": "Grand Poitiers (démonstration)",
        "OPERATOR_SIRET": SIRET, "OUTPUT_FOLDER": str(folder)},
        context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    return result, folder, info, path


def test_export_open_data_outputs(open_data):
    result, folder, info, path = open_data
    counts = socle_counts(path, info["campaign"])
    assert result == {
        "OUTPUT_FOLDER": str(folder), "DATAPACKAGE": str(folder / "datapackage.json"),
        "RESOURCES": 12, "PREMISES": counts["observed"], "NAMES_WITHHELD": 1,
        "SURVEY_FIGURES": 1, "SURVEY_WITHHELD": 1,
        "DAILY_COUNTS": result["DAILY_COUNTS"], "ROWS_LEFT_OUT": 0, "FLOWS_LEFT_OUT": 0}
    assert result["DAILY_COUNTS"] > 20_000          # 22 channels × 3 years of days
    with open(folder / "data" / "parkings.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == counts["off_street"] == 5


def test_frictionless_validate_passes_on_the_demo_export(open_data):
    _result, folder, _info, _path = open_data
    cli = Path(sys.executable).with_name("frictionless")
    if not cli.is_file():
        pytest.skip("frictionless is not installed (requirements/dev.txt; run `make setup`)")
    run = subprocess.run([str(cli), "validate", "--json", "datapackage.json"], cwd=folder,
                         capture_output=True, text=True, timeout=600)
    report = json.loads(run.stdout)
    errors = [(t["name"], e["type"], e["note"]) for t in report["tasks"] for e in t["errors"]]
    assert run.returncode == 0 and report["valid"], errors[:10]
    assert len(report["tasks"]) == 12 + 8 + 1     # tables, GeoJSON layers, the GeoPackage


def test_no_never_published_text_anywhere_in_the_demo_export(open_data):
    _result, folder, info, _path = open_data
    assert len(info["secrets"]) >= 15 + 3          # the planted texts and the demo's agents
    for file in folder.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            for text in info["secrets"]:
                assert text.encode("utf-8") not in content, f"{text!r} found in {file}"


def test_every_survey_figure_of_the_demo_export_has_eleven_respondents(open_data):
    _result, folder, _info, _path = open_data
    with open(folder / "data" / "survey_indicators.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["indicator"], r["value"], r["respondents"]) for r in rows] == [
        ("survey_satisfaction_overall_mean", "3.8", "40")]
    assert all(int(r["respondents"]) >= 11 for r in rows)
    assert "9.87" not in (folder / "data" / "survey_indicators.csv").read_text("utf-8")


def test_export_web_map_outputs_count_the_socle(planted, run_alg, tmp_path):
    path, info = planted
    counts = socle_counts(path, info["campaign"])
    folder = tmp_path / "web"
    result = run_alg("export_web_map", {"GEOPACKAGE": str(path), "PRODUCER": "Grand Poitiers",
                                        "OUTPUT_FOLDER": str(folder)})
    assert result == {"OUTPUT_FOLDER": str(folder), "INDEX": str(folder / "index.html"),
                      "SHOPS": counts["occupied"], "SERVICES": counts["services"],
                      "PRODUCERS": counts["producers"], "MARKETS": counts["markets"]}
    for file in folder.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            for text in info["secrets"]:
                assert text.encode("utf-8") not in content, f"{text!r} found in {file}"


def test_web_map_tile_url_is_checked(demo_gpkg, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="must start with https://"):
        run_alg("export_web_map", {"GEOPACKAGE": str(demo_gpkg), "TILE_URL": "tiles/{z}.png",
                                   "OUTPUT_FOLDER": str(tmp_path / "web")})


def test_open_data_refuses_a_foreign_folder_and_an_unknown_campaign(demo_gpkg, run_alg,
                                                                    tmp_path):
    from qgis.core import QgsProcessingException

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    with pytest.raises(QgsProcessingException, match="not empty and holds no earlier"):
        run_alg("export_open_data", {"GEOPACKAGE": str(demo_gpkg), "OUTPUT_FOLDER": str(mine)})
    with pytest.raises(QgsProcessingException, match="unknown campaign 'Inventaire 1990'"):
        run_alg("export_open_data", {"GEOPACKAGE": str(demo_gpkg), "CAMPAIGN": "Inventaire 1990",
                                     "OUTPUT_FOLDER": str(tmp_path / "od")})
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def _warnings_feedback():
    """A feedback that keeps the warnings pushed to it."""
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)
            super().pushWarning(text)

    return Feedback()


def test_open_data_leaves_out_a_flow_without_licence_unless_the_user_declares_the_right(
        planted, processing_ready, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    path, _info = planted
    copy = tmp_path / "socle.gpkg"
    copy.write_bytes(path.read_bytes())
    from observatoire_commerce.store import gpkg

    conn = gpkg.connect(copy)
    conn.execute("UPDATE parkings SET source = 'parkings_ville.csv'")  # no licence recorded
    conn.close()
    params = {"GEOPACKAGE": str(copy), "PRODUCER": "Ville", "OPERATOR_SIRET": SIRET,
              "FLOWS": [1, 2]}
    feedback = _warnings_feedback()
    result = processing.run("observatoire:export_open_data", dict(
        params, OUTPUT_FOLDER=str(tmp_path / "a")), context=QgsProcessingContext(),
        feedback=feedback)
    assert result["FLOWS_LEFT_OUT"] == 1 and result["RESOURCES"] == 8
    assert not (tmp_path / "a" / "data" / "parkings.csv").exists()
    named = [w for w in feedback.warnings if "parkings_ville.csv" in w]
    assert len(named) == 1 and "INCLUDE_NOT_OPEN" in named[0], feedback.warnings
    result = processing.run("observatoire:export_open_data", dict(
        params, INCLUDE_NOT_OPEN=True, OUTPUT_FOLDER=str(tmp_path / "b")),
        context=QgsProcessingContext(), feedback=_warnings_feedback())
    assert result["FLOWS_LEFT_OUT"] == 0 and result["RESOURCES"] == 9
    with open(tmp_path / "b" / "data" / "parkings.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 5


# ------------------------------------------- the demo's survey figures reach its open data

def test_the_demo_publishes_after_the_survey_analyses():
    """scripts/demo.py: the open-data export runs after the survey analyses (and the other
    steps that write indicators), before the atlas and the dashboard."""
    import ast

    source = (Path(__file__).resolve().parents[2] / "scripts" / "demo.py").read_text("utf-8")
    main = next(node for node in ast.parse(source).body
                if isinstance(node, ast.FunctionDef) and node.name == "main")
    order = [node.args[0].value for node in ast.walk(main)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
             and node.func.id == "__import__"]
    assert order == ["demo_survey", "demo_activity", "demo_publication", "demo_restitution"]
    assert "export_open_data" not in ast.get_source_segment(source, main)


@pytest.fixture(scope="module")
def surveyed_export(demo_gpkg, processing_ready, tmp_path_factory):
    """The demo with its answers (scripts/demo.py: 432, seed 2024), weighted and analysed
    (expectations) as in scripts/demo_survey.py, then exported as open data."""
    import shutil

    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from observatoire_commerce.ingest.sources.survey_exports import read_submissions
    from observatoire_commerce.sample_territory.answers import write_export
    from observatoire_commerce.sample_territory.home_zones import write_home_zones
    from observatoire_commerce.store import observatory
    from observatoire_commerce.survey_forms import observatory_survey

    folder = tmp_path_factory.mktemp("surveyed")
    path = folder / "demo.gpkg"
    shutil.copy(demo_gpkg, path)
    conn = observatory.open_observatory(path)
    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
        write_export(questionnaire, folder / "answers.xlsx", n=432, seed=2024, bad_rows=6)
        observatory_survey.import_export(conn, read_submissions(folder / "answers.xlsx"))
    finally:
        conn.close()

    def run(alg, params):
        return processing.run(f"observatoire:{alg}", {"GEOPACKAGE": str(path), **params},
                              context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    run("weight_survey", {
        "HOME_ZONES": f"{write_home_zones(folder / 'zones.gpkg')}|layername=home_zones",
        "ZONE_CODE_FIELD": "code", "OUTPUT": "memory:", "OUTPUT_MARGINS": "memory:"})
    run("expectations", {"OUTPUT": "memory:"})
    result = run("export_open_data", {"PRODUCER": "Grand Poitiers (démonstration)",
                                      "OPERATOR_SIRET": SIRET,
                                      "OUTPUT_FOLDER": str(folder / "open_data")})
    return result, folder / "open_data", path


def test_the_demo_survey_figures_are_published_with_eleven_respondents_or_more(surveyed_export):
    result, folder, path = surveyed_export
    with open(folder / "data" / "survey_indicators.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    conn = sqlite3.connect(str(path))
    stored = conn.execute(
        "SELECT count(*), sum(respondents >= 11), sum(respondents >= 11 AND respondents < 30) "
        "FROM indicators WHERE indicator LIKE 'expect%' AND value IS NOT NULL "
        "AND scope IN ('centrality', 'territory')").fetchone()  # the scopes published
    conn.close()
    assert rows and result["SURVEY_FIGURES"] == len(rows)
    assert all(int(r["respondents"]) >= 11 for r in rows)
    assert all((r["low_precision"] == "true") == (int(r["respondents"]) < 30) for r in rows)
    # expectations stores no value under 11 respondents: every stored figure is published
    assert stored[0] == stored[1] == len(rows) and result["SURVEY_WITHHELD"] == 0
    assert 0 < stored[2] < len(rows)               # some of them flagged low precision
