"""Questionnaire in the GeoPackage: the QGIS form, export_xlsform and import_survey_responses.

The observatory has two centralities whose codes match the fixtures of tests/data/survey
(``centre_ville`` derived from the name, ``gare`` set by hand). ``kobo_export.csv`` holds seven
submissions: rows 2, 3 and 8 are valid, rows 4 to 7 are not (see tests/data/survey/README.md).
Hand count of what the three valid rows write: row 2 visits both centralities (2 visit rows)
and ticks centralities_visited × 2, visit_reasons 2 (centre-ville) + 1 (gare), missing_groups
× 2 = 7 choices; row 3 visits none ("none" ticked in centralities_visited and missing_groups:
2 choices); row 8 refused the interview (no visit, no choice). Total: 3 responses, 2 visits,
9 multiple-choice rows.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest
from openpyxl import load_workbook
from qgis.core import (
    QgsFeature,
    QgsFieldConstraints,
    QgsProcessingException,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from observatoire_commerce.sample_territory.answers import write_export
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.survey_forms import observatory_survey
from observatoire_commerce.survey_forms.questionnaire import QUESTIONNAIRE_VERSION

from ..conftest import TESTS, validate_gpkg

SURVEY = TESTS / "data" / "survey"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("survey_responses", "survey_centrality_visits",
                          "survey_answers_multi")}
    finally:
        conn.close()


@pytest.fixture
def survey_gpkg(tmp_path):
    """A small observatory: two centralities, codes centre_ville (derived) and gare (by hand)."""
    path = observatory.create_observatory(tmp_path / "survey.gpkg", "Test")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level) VALUES (?, ?, 'primary')",
                      ("c-centre", "Centre-ville"))
        conn.execute("INSERT INTO centralities (uuid, name, level, code) "
                     "VALUES (?, ?, 'secondary', 'gare')", ("c-gare", "Quartier de la gare"))
    conn.close()
    return path


# ---------------------------------------------------------------------------------------------
# The QGIS / QField form stored in layer_styles
# ---------------------------------------------------------------------------------------------

def test_survey_responses_form_from_the_geopackage(survey_gpkg, qgis_app):
    layer = QgsVectorLayer(f"{survey_gpkg}|layername=survey_responses", "answers", "ogr")
    assert layer.isValid()
    fields = layer.fields()

    def setup(name):
        found = layer.editorWidgetSetup(fields.indexOf(name))
        return found.type(), found.config()

    kind, config = setup("interview_mode")
    assert kind == "ValueMap"
    assert config["map"] == [{"(sans réponse)": "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"},
                             {"Enquête dans la rue": "street"}, {"En ligne": "online"},
                             {"Par téléphone": "phone"}]
    kind, config = setup("interview_centrality")
    assert (kind, config["LayerName"], config["Key"], config["Value"]) == (
        "ValueRelation", "centralities", "code", "name")
    kind, config = setup("household_size")
    assert (kind, config["Min"], config["Max"], config["AllowNull"]) == ("Range", 1, 12, True)
    assert setup("comments") == ("TextEdit", {"IsMultiline": True, "UseHtml": False})
    assert setup("uuid")[0] == "Hidden"
    assert layer.defaultValueDefinition(fields.indexOf("uuid")).expression() == \
        "uuid('WithoutBraces')"
    assert layer.defaultValueDefinition(fields.indexOf("questionnaire_version")).expression() \
        == f"'{QUESTIONNAIRE_VERSION}'"
    assert fields.field("age_band").alias() == "Quel est votre âge ?"

    constraints = fields.field("age_band").constraints()
    assert constraints.constraintExpression() == \
        'NOT ("consent" = \'yes\') OR ("age_band" IS NOT NULL)'
    assert constraints.constraintDescription() == "Réponse obligatoire."
    assert constraints.constraintStrength(QgsFieldConstraints.ConstraintExpression) == \
        QgsFieldConstraints.ConstraintStrengthHard
    assert fields.field("household_size").constraints().constraintDescription() == \
        "Réponse obligatoire. Valeur attendue entre 1 et 12."

    tabs = layer.editFormConfig().tabs()
    assert [t.name() for t in tabs] == ["Entretien", "Vous", "Vos achats",
                                        "Votre avis sur le centre-ville", "Vos attentes",
                                        "Métadonnées"]
    assert tabs[1].visibilityExpression().data().expression() == "\"consent\" = 'yes'"
    assert tabs[1].visibilityExpression().enabled()
    centrality_box = [c for c in tabs[0].children() if c.name() == "interview_centrality"][0]
    assert centrality_box.visibilityExpression().data().expression() == \
        "\"interview_mode\" = 'street'"

    # "in which centrality" after a purchase place: the centralities, shown for a centre only
    kind, config = setup("purchase_food_daily_centrality")
    assert (kind, config["LayerName"], config["Key"], config["AllowNull"]) == (
        "ValueRelation", "centralities", "code", True)
    assert fields.field("purchase_food_daily_centrality").alias() == (
        "Alimentation du quotidien (pain, viande, fruits et légumes) : dans quelle centralité ?")
    assert fields.field("purchase_food_daily_centrality").constraints().constraintExpression() \
        == ""                                                      # optional
    purchases = [t for t in tabs if t.name() == "Vos achats"][0]
    order = [c.name() for c in purchases.children()]
    assert order.index("purchase_food_daily_centrality") == \
        order.index("purchase_food_daily") + 1
    box = purchases.children()[order.index("purchase_home_centrality")]
    assert box.visibilityExpression().data().expression() == \
        "\"purchase_home\" IN ('town_centre', 'neighbourhood')"
    assert [c.name() for c in box.children()] == ["purchase_home_centrality"]

    # the constraints at work: a consenting respondent must give an age band, a refusal not
    feature = QgsFeature(fields)
    feature["consent"] = "yes"
    ok, _errors = QgsVectorLayerUtils.validateAttribute(layer, feature,
                                                        fields.indexOf("age_band"))
    assert not ok
    feature["consent"] = "no"
    ok, _errors = QgsVectorLayerUtils.validateAttribute(layer, feature,
                                                        fields.indexOf("age_band"))
    assert ok
    feature["household_size"] = 2
    feature["household_children"] = 2
    ok, _errors = QgsVectorLayerUtils.validateAttribute(layer, feature,
                                                        fields.indexOf("household_children"))
    assert not ok   # fewer children than people in the household


def test_upgraded_v8_file_gets_the_purchase_centrality_form(tmp_path, qgis_app):
    from ..unit.test_survey_store import make_v8_2025_1

    path = make_v8_2025_1(tmp_path / "v8.gpkg")
    observatory.open_observatory(path).close()           # migrates to the latest schema
    layer = QgsVectorLayer(f"{path}|layername=survey_responses", "answers", "ogr")
    assert layer.isValid()
    fields = layer.fields()
    assert fields.names()[-7:] == [f"purchase_{c}_centrality" for c in (
        "food_daily", "food_weekly", "clothing", "home", "culture_leisure", "health_beauty",
        "restaurants")]                                # appended by the migration
    setup = layer.editorWidgetSetup(fields.indexOf("purchase_clothing_centrality"))
    assert (setup.type(), setup.config()["Key"]) == ("ValueRelation", "code")
    assert fields.field("purchase_clothing_centrality").alias() == \
        "Habillement, chaussures, accessoires : dans quelle centralité ?"
    # the stored form is applied by name: columns after the new ones keep their widgets
    assert fields.field("comments").alias() == "Autres remarques"
    assert layer.editorWidgetSetup(fields.indexOf("comments")).config()["IsMultiline"]
    purchases = [t for t in layer.editFormConfig().tabs() if t.name() == "Vos achats"][0]
    assert "purchase_clothing_centrality" in [c.name() for c in purchases.children()]
    validate_gpkg(path)


def test_child_table_forms(survey_gpkg, qgis_app):
    visits = QgsVectorLayer(f"{survey_gpkg}|layername=survey_centrality_visits", "v", "ogr")
    fields = visits.fields()
    setup = visits.editorWidgetSetup(fields.indexOf("frequency"))
    assert setup.type() == "ValueMap"
    assert setup.config()["map"][1] == {"Tous les jours ou presque": "daily"}
    assert visits.editorWidgetSetup(fields.indexOf("centrality_code")).type() == "ValueRelation"
    parking = fields.field("parking_place").constraints().constraintExpression()
    assert parking == ('NOT ("transport_mode" IN (\'car_driver\', \'motorbike\')) OR '
                       '"parking_place" IS NOT NULL')
    multi = QgsVectorLayer(f"{survey_gpkg}|layername=survey_answers_multi", "m", "ogr")
    setup = multi.editorWidgetSetup(multi.fields().indexOf("question"))
    assert setup.type() == "ValueMap"
    assert {"Quels types de commerces ou de services vous manquent en centre-ville ? "
            "(3 au plus)": "missing_groups"} in setup.config()["map"]


# ---------------------------------------------------------------------------------------------
# export_xlsform
# ---------------------------------------------------------------------------------------------

def test_export_xlsform(survey_gpkg, run_alg, tmp_path):
    pytest.importorskip("pyxform")
    target = tmp_path / "questionnaire.xlsx"
    result = run_alg("export_xlsform", {"GEOPACKAGE": str(survey_gpkg), "OUTPUT": str(target)})
    # 45 questions asked once (38 + 7 purchase centralities) + 5 per centrality: 45 + 2 × 5
    assert result == {"OUTPUT": str(target), "QUESTIONS": 55, "CENTRALITIES": 2,
                      "FORM_VERSION": QUESTIONNAIRE_VERSION, "VALID": True}
    workbook = load_workbook(target, read_only=True)
    choices = [r[:3] for r in workbook["choices"].iter_rows(values_only=True)]
    assert [c for c in choices if c[0] == "centrality_visited"] == [
        ("centrality_visited", "centre_ville", "Centre-ville"),
        ("centrality_visited", "gare", "Quartier de la gare"),
        ("centrality_visited", "none", "Aucun")]
    assert [c for c in choices if c[0] == "centrality"] == [
        ("centrality", "centre_ville", "Centre-ville"),
        ("centrality", "gare", "Quartier de la gare"), ("centrality", "elsewhere", "Ailleurs")]
    names = [r[1] for r in workbook["survey"].iter_rows(values_only=True)]
    assert "frequency__gare" in names and "parking_place__centre_ville" in names
    assert "purchase_restaurants_centrality" in names
    workbook.close()
    conn = gpkg.connect(survey_gpkg)
    assert [tuple(r) for r in conn.execute(
        "SELECT uuid, code FROM centralities ORDER BY fid")] == [
        ("c-centre", "centre_ville"), ("c-gare", "gare")]   # the missing code was written
    conn.close()
    validate_gpkg(survey_gpkg)


def test_export_xlsform_refuses_a_non_xlsx_output(survey_gpkg, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"\.xlsx"):
        run_alg("export_xlsform", {"GEOPACKAGE": str(survey_gpkg),
                                   "OUTPUT": str(tmp_path / "form.csv")})


def test_export_xlsform_without_centralities(tmp_path, run_alg):
    path = observatory.create_observatory(tmp_path / "empty.gpkg", "Empty")
    before = digest(path)
    with pytest.raises(QgsProcessingException, match="no centrality"):
        run_alg("export_xlsform", {"GEOPACKAGE": str(path), "OUTPUT": str(tmp_path / "q.xlsx")})
    assert digest(path) == before


# ---------------------------------------------------------------------------------------------
# import_survey_responses
# ---------------------------------------------------------------------------------------------

def test_import_kobo_export_good_and_bad_rows_then_again(survey_gpkg, run_alg, tmp_path):
    export = tmp_path / "kobo_export.csv"
    shutil.copy(SURVEY / "kobo_export.csv", export)
    rejected = tmp_path / "rejected.csv"
    params = {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(export),
              "OUTPUT_REJECTED": str(rejected)}
    result = run_alg("import_survey_responses", params)
    assert result == {"OUTPUT_REJECTED": str(rejected), "ROWS_READ": 7, "ACCEPTED": 3,
                      "REJECTED_ROWS": 4, "SKIPPED": 0, "VISITS": 2, "MULTI_ANSWERS": 9,
                      # the counts every import returns
                      "ADDED": 3, "UPDATED": 0, "UNCHANGED": 0, "REJECTED_COUNT": 4,
                      "WARNINGS": 0}
    layer = QgsVectorLayer(str(rejected), "rejected", "ogr")
    rows = [tuple(f.attributes()) for f in layer.getFeatures()]
    assert [(r[0], int(r[1]), r[2], r[3], r[4]) for r in rows] == [
        ("kobo_export.csv", 4, "age_band", "30_39", "unknown_choice"),
        ("kobo_export.csv", 5, "satisfaction_parking", "6", "out_of_range"),
        ("kobo_export.csv", 6, "occupation", "", "missing_required"),
        ("kobo_export.csv", 7, "household_size", "0", "out_of_range"),
        ("kobo_export.csv", 7, "frequency__gare", "", "missing_required")]
    assert rows[1][5] == "value 6 is outside 1..5"
    assert counts(survey_gpkg) == {"survey_responses": 3, "survey_centrality_visits": 2,
                                   "survey_answers_multi": 9}
    conn = gpkg.connect(survey_gpkg)
    visits = conn.execute("SELECT centrality_code, centrality_uuid, frequency, transport_mode, "
                          "parking_place FROM survey_centrality_visits ORDER BY "
                          "centrality_code").fetchall()
    assert [tuple(v) for v in visits] == [
        ("centre_ville", "c-centre", "weekly", "walk", None),
        ("gare", "c-gare", "monthly", "car_driver", "car_park_paid")]
    conn.close()
    validate_gpkg(survey_gpkg)

    # the same export again: nothing added, the valid rows are reported as already imported
    again = run_alg("import_survey_responses", dict(params,
                                                    OUTPUT_REJECTED=str(tmp_path / "r2.csv")))
    assert {k: v for k, v in again.items() if k != "OUTPUT_REJECTED"} == {
        "ROWS_READ": 7, "ACCEPTED": 0, "REJECTED_ROWS": 4, "SKIPPED": 3, "VISITS": 0,
        "MULTI_ANSWERS": 0, "ADDED": 0, "UPDATED": 0, "UNCHANGED": 3, "REJECTED_COUNT": 4,
        "WARNINGS": 0}
    assert counts(survey_gpkg)["survey_responses"] == 3


def test_the_rejected_rows_table_is_optional(survey_gpkg, processing_ready, tmp_path):
    """As qgis_process runs it without OUTPUT_REJECTED (issue 14): a temporary table."""
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    alg = QgsApplication.processingRegistry().algorithmById(
        "observatoire:import_survey_responses")
    assert alg.parameterDefinition("OUTPUT_REJECTED").flags() & \
        QgsProcessingParameterDefinition.FlagOptional
    export = tmp_path / "kobo_export.csv"
    shutil.copy(SURVEY / "kobo_export.csv", export)
    from qgis import processing

    result = processing.run("observatoire:import_survey_responses",
                            {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(export)})
    assert (result["ACCEPTED"], result["REJECTED_ROWS"]) == (3, 4)
    assert [(f["row"], f["code"]) for f in result["OUTPUT_REJECTED"].getFeatures()] == [
        (4, "unknown_choice"), (5, "out_of_range"), (6, "missing_required"),
        (7, "out_of_range"), (7, "missing_required")]


def test_import_synthetic_xlsx_export(survey_gpkg, run_alg, tmp_path):
    conn = gpkg.connect(survey_gpkg)
    questionnaire = observatory_survey.questionnaire_for(conn)
    conn.close()
    export = tmp_path / "export.xlsx"
    defects = write_export(questionnaire, export, n=60, seed=7, bad_rows=4)
    result = run_alg("import_survey_responses", {
        "GEOPACKAGE": str(survey_gpkg), "INPUT": str(export), "OUTPUT_REJECTED": "memory:"})
    rejected = result["OUTPUT_REJECTED"]
    if isinstance(rejected, str):
        pytest.fail("expected a memory layer")
    found = {(int(f["row"]), f["field"], f["code"]) for f in rejected.getFeatures()}
    assert found == {(d.row, d.field, d.code) for d in defects}
    assert (result["ROWS_READ"], result["ACCEPTED"], result["REJECTED_ROWS"]) == (60, 56, 4)
    assert counts(survey_gpkg)["survey_responses"] == 56
    # purchases in a centre say which one: the primary for the town centre, else the secondary
    conn = gpkg.connect(survey_gpkg)
    pairs = conn.execute(
        "SELECT purchase_clothing, purchase_clothing_centrality FROM survey_responses "
        "WHERE consent = 'yes'").fetchall()
    conn.close()
    where = {}
    for place, centrality in pairs:
        where.setdefault(place, set()).add(centrality)
    assert where["town_centre"] <= {"centre_ville", "elsewhere"}
    assert where["neighbourhood"] <= {"gare", "elsewhere"}
    assert "centre_ville" in where["town_centre"] and "gare" in where["neighbourhood"]
    assert where["periphery"] == {None}
    validate_gpkg(survey_gpkg)


def test_a_file_that_is_not_a_questionnaire_export_is_refused(survey_gpkg, run_alg, tmp_path):
    before = digest(survey_gpkg)
    other = tmp_path / "premises.csv"
    shutil.copy(SURVEY / "not_a_questionnaire.csv", other)
    with pytest.raises(QgsProcessingException, match="Nothing was imported"):
        run_alg("import_survey_responses", {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(other),
                                            "OUTPUT_REJECTED": "memory:"})
    assert digest(survey_gpkg) == before


def test_an_export_for_other_centralities_is_refused(survey_gpkg, run_alg, tmp_path):
    conn = observatory.open_observatory(survey_gpkg)
    with gpkg.transaction(conn):
        conn.execute("UPDATE centralities SET code = 'station' WHERE code = 'gare'")
    conn.close()
    before = digest(survey_gpkg)
    export = tmp_path / "kobo_export.csv"
    shutil.copy(SURVEY / "kobo_export.csv", export)
    with pytest.raises(QgsProcessingException, match="frequency__station"):
        run_alg("import_survey_responses", {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(export),
                                            "OUTPUT_REJECTED": "memory:"})
    assert digest(survey_gpkg) == before


def test_import_refuses_a_wrong_file_type(survey_gpkg, run_alg, tmp_path):
    other = tmp_path / "answers.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"\.xlsx or \.csv"):
        run_alg("import_survey_responses", {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(other),
                                            "OUTPUT_REJECTED": "memory:"})


def test_algorithms_are_registered_with_help(processing_ready):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for alg_id in ("export_xlsform", "import_survey_responses"):
        alg = registry.algorithmById(f"observatoire:{alg_id}")
        assert alg is not None, alg_id
        assert alg.groupId() == "attentes"
        assert len(alg.shortHelpString()) > 200


@pytest.mark.parametrize("table", ["survey_responses", "survey_centrality_visits",
                                   "survey_answers_multi"])
def test_committed_forms_are_up_to_date(table, qgis_app):
    """resources/styles/<table>.qml is what scripts/make_questionnaire_form.py generates now."""
    from xml.etree.ElementTree import canonicalize

    from qgis.core import Qgis

    from observatoire_commerce.survey_forms.questionnaire_form import style_qml

    committed = (TESTS.parent / "resources" / "styles" / f"{table}.qml").read_text(
        encoding="utf-8")
    if f'version="{Qgis.QGIS_VERSION}"' not in committed:
        pytest.skip("the committed forms were generated with another QGIS version")
    assert canonicalize(style_qml(table)) == canonicalize(committed), (
        "run scripts/make_questionnaire_form.py")


class Capture:
    """A feedback recording the log (a QgsProcessingFeedback subclass, made on demand)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Capture(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.infos = []

            def pushInfo(self, info):  # noqa: N802 - Qt API
                self.infos.append(info)

        return _Capture()


def test_the_log_says_which_conventions_were_detected(survey_gpkg, processing_ready, tmp_path):
    """Issues 13/14: the export is read on the importers' path; the log says what it found."""
    from qgis import processing
    from qgis.core import QgsProcessingContext

    export = tmp_path / "kobo_windows.csv"
    text = (SURVEY / "kobo_export.csv").read_text(encoding="utf-8")
    export.write_bytes(text.replace(";", "\t").replace("Une librairie", "Une librairie-café")
                       .encode("cp1252"))
    feedback = Capture()
    result = processing.run("observatoire:import_survey_responses", {
        "GEOPACKAGE": str(survey_gpkg), "INPUT": str(export), "OUTPUT_REJECTED": "memory:"},
        context=QgsProcessingContext(), feedback=feedback)
    assert (result["ROWS_READ"], result["ACCEPTED"], result["REJECTED_ROWS"]) == (7, 3, 4)
    assert "kobo_windows.csv: encoding Windows-1252, separator tab" in feedback.infos
    assert "Warning: kobo_windows.csv: file is not UTF-8: read as Windows-1252" in feedback.infos


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened(survey_gpkg, run_alg, tmp_path):
    from ..unit.test_survey_exports import bomb_workbook

    bomb = bomb_workbook(tmp_path / "answers.xlsx", expanded_mb=300)
    before = digest(survey_gpkg)
    with pytest.raises(QgsProcessingException, match=r"Nothing was imported: answers.xlsx: "
                                                     r"expands to 300 MB, more than the 256 MB"):
        run_alg("import_survey_responses", {"GEOPACKAGE": str(survey_gpkg), "INPUT": str(bomb),
                                            "OUTPUT_REJECTED": "memory:"})
    assert digest(survey_gpkg) == before


@pytest.fixture
def french(qgis_app):
    from observatoire_commerce import i18n

    if not i18n.install_translator("fr"):
        pytest.skip("the French .qm is not built (make i18n)")
    yield
    i18n.remove_translators()


def test_import_messages_reach_users_in_french(french, survey_gpkg, tmp_path):
    """The reasons of the rejected rows, the refusals of an export and the project errors are
    translated (they were English f-strings)."""
    from observatoire_commerce.ingest.sources.report import SourceError
    from observatoire_commerce.ingest.sources.survey_exports import read_submissions
    from observatoire_commerce.survey_forms import qgis_project
    from observatoire_commerce.survey_forms.kobo_import import (
        NotAQuestionnaireExportError,
        SurveyImportError,
    )

    conn = observatory.open_observatory(survey_gpkg)
    try:
        outcome = observatory_survey.import_export(conn,
                                                   read_submissions(SURVEY / "kobo_export.csv"))
        with pytest.raises(NotAQuestionnaireExportError, match="aucune question du "
                                                               "questionnaire"):
            observatory_survey.import_export(
                conn, read_submissions(SURVEY / "not_a_questionnaire.csv"))
    finally:
        conn.close()
    assert [r.reason for r in outcome.rejections] == [
        "'30_39' n'est pas un choix de la liste age_band "
        "(15_24, 25_34, 35_49, 50_64, 65_74, 75_plus)",
        "la valeur 6 est hors de 1..5",
        "une réponse obligatoire manque",
        "la valeur 0 est hors de 1..12",
        "une réponse obligatoire manque"]
    assert issubclass(NotAQuestionnaireExportError, SurveyImportError)
    other = tmp_path / "answers.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(SourceError, match="answers.json : un export .xlsx ou .csv était "
                                          "attendu, pas '.json'"):
        read_submissions(other)
    with pytest.raises(qgis_project.ProjectError, match="absent.gpkg : la table premises ne "
                                                        "peut pas être chargée comme couche"):
        qgis_project.build_project(tmp_path / "absent.gpkg", {})
