"""Questionnaire schema (v4), centrality codes and the store side of the survey import."""

import hashlib
import shutil
import sqlite3

import pytest

from observatoire_commerce.store import gpkg, observatory, survey_store
from observatoire_commerce.survey_forms.model import Answered, Compare, Equals, Not, Selected
from observatoire_commerce.survey_forms.questionnaire import QUESTIONNAIRE_VERSION
from observatoire_commerce.survey_forms.questionnaire_form import (
    condition_expression,
    form_spec,
    visibility_expression,
)
from observatoire_commerce.survey_forms.questionnaire_schema import table_layout

from ..conftest import TESTS, validate_gpkg


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v3_with_centralities(tmp_path):
    """A schema v3 file holding centralities, two of them with the same name."""
    path = observatory.create_observatory(tmp_path / "old.gpkg", "Old", version=3)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        for uuid, name, level in (("c1", "Centre-ville", "primary"),
                                  ("c2", "Buxerolles – Centre", "tertiary"),
                                  ("c3", "Quartier de la Gare", "secondary"),
                                  ("c4", "Quartier de la Gare", "tertiary"),
                                  ("c5", "1er arrondissement", "secondary")):
            conn.execute("INSERT INTO centralities (uuid, name, level) VALUES (?, ?, ?)",
                         (uuid, name, level))
    conn.close()
    return path


def test_migration_v4_from_a_v3_file(v3_with_centralities):
    conn = observatory.open_observatory(v3_with_centralities)
    codes = dict(conn.execute("SELECT uuid, code FROM centralities").fetchall())
    # questionnaire order: level, then name; a clash gets _2; a leading digit gets c_
    assert codes == {"c1": "centre_ville", "c2": "buxerolles_centre",
                     "c3": "quartier_de_la_gare", "c4": "quartier_de_la_gare_2",
                     "c5": "c_1er_arrondissement"}
    for table in table_layout():
        assert gpkg.table_exists(conn, table.name)
        assert gpkg.column_names(conn, table.name) == ["fid", *table.column_names]
    assert conn.execute("SELECT data_type FROM gpkg_contents WHERE table_name = "
                        "'survey_responses'").fetchone()[0] == "attributes"
    bound = dict(conn.execute("SELECT column_name, constraint_name FROM gpkg_data_columns "
                              "WHERE table_name = 'survey_responses' AND constraint_name "
                              "IS NOT NULL").fetchall())
    assert bound["age_band"] == "survey_age_band"
    assert bound["interview_mode"] == "survey_interview_mode"
    assert "interview_centrality" not in bound          # checked against centralities, no domain
    assert tuple(conn.execute("SELECT value, description FROM gpkg_data_column_constraints "
                              "WHERE constraint_name = 'survey_age_band' ORDER BY value"
                              ).fetchone()) == ("15_24", "15 à 24 ans")
    meta = observatory.meta(conn)
    assert meta["questionnaire_version"] == QUESTIONNAIRE_VERSION
    assert meta["questionnaire_form_id"] == "observatoire_commerce_questionnaire"
    styled = {r[0] for r in conn.execute(
        "SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1")}
    assert {"survey_responses", "survey_centrality_visits", "survey_answers_multi"} <= styled
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_centralities_code", "idx_survey_centrality_visits_response",
            "idx_survey_answers_multi_response"} <= indexes
    conn.close()
    validate_gpkg(v3_with_centralities)


def test_centrality_codes_are_checked_and_unique(v3_with_centralities):
    conn = observatory.open_observatory(v3_with_centralities)
    for bad in ("Centre Ville", "a__b", "1centre"):
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE centralities SET code = ? WHERE uuid = 'c1'", (bad,))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute("UPDATE centralities SET code = 'buxerolles_centre' WHERE uuid = 'c1'")
    conn.close()


def test_new_centrality_gets_its_code_on_the_next_write(v3_with_centralities):
    conn = observatory.open_observatory(v3_with_centralities)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level) VALUES "
                     "('c6', 'Centre-ville', 'secondary')")
    rows = {r["uuid"]: (r["code"], r["stored"]) for r in survey_store.centrality_codes(conn)}
    assert rows["c6"] == ("centre_ville_2", False)
    assert rows["c1"] == ("centre_ville", True)
    questionnaire = survey_store.questionnaire_for(conn)     # reads only
    assert [c.code for c in questionnaire.centralities][:2] == ["centre_ville",
                                                               "c_1er_arrondissement"]
    assert conn.execute("SELECT code FROM centralities WHERE uuid = 'c6'").fetchone()[0] is None
    with gpkg.transaction(conn):
        assert survey_store.fill_centrality_codes(conn) == 1
    assert conn.execute("SELECT code FROM centralities WHERE uuid = 'c6'").fetchone()[0] == \
        "centre_ville_2"
    conn.close()


def test_questionnaire_version_mismatch_is_refused(v3_with_centralities):
    conn = observatory.open_observatory(v3_with_centralities)
    with gpkg.transaction(conn):
        conn.execute("UPDATE observatory_meta SET value = '2024.9' "
                     "WHERE key = 'questionnaire_version'")
    with pytest.raises(survey_store.SurveyStoreError, match="'2024.9'"):
        survey_store.questionnaire_for(conn)
    conn.close()


def test_import_refusal_writes_nothing(v3_with_centralities, tmp_path):
    from observatoire_commerce.survey_forms.kobo_import import NotAQuestionnaireExportError

    conn = observatory.open_observatory(v3_with_centralities)
    conn.close()
    before = digest(v3_with_centralities)
    other = tmp_path / "premises.csv"
    shutil.copy(TESTS / "data" / "survey" / "not_a_questionnaire.csv", other)
    conn = gpkg.connect(v3_with_centralities)
    with pytest.raises(NotAQuestionnaireExportError):
        survey_store.import_export(conn, other)
    conn.close()
    assert digest(v3_with_centralities) == before     # the missing codes were not written


# ---------------------------------------------------------------------------------------------
# The form specification (no QGIS)
# ---------------------------------------------------------------------------------------------

COLUMNS = ("consent", "household_size", "comments")


def test_conditions_as_qgis_expressions():
    assert condition_expression(Equals("consent", "yes"), COLUMNS) == "\"consent\" = 'yes'"
    assert condition_expression(Compare("household_size", ">", 1), COLUMNS) == \
        '("household_size" IS NOT NULL AND "household_size" > 1)'
    assert condition_expression(Not(Equals("consent", "it's")), COLUMNS) == \
        "NOT (\"consent\" = 'it''s')"
    # multiple-choice answers live in another table: not expressible in the response form
    assert condition_expression(Selected("missing_groups", "none"), COLUMNS) is None
    assert condition_expression(Answered("missing_groups"), COLUMNS) is None
    from observatoire_commerce.survey_forms.model import All

    both = All((Equals("consent", "yes"), Not(Selected("missing_groups", "none"))))
    assert condition_expression(both, COLUMNS) is None
    assert visibility_expression(both, COLUMNS) == "\"consent\" = 'yes'"


def test_response_form_covers_every_question_column():
    spec = form_spec()
    layout = table_layout()[0]
    placed = set(spec.field_names_in_tabs())
    hidden = {n for n, f in spec.fields.items() if f.widget == "Hidden"}
    assert set(layout.column_names) == placed | hidden
    assert spec.fields["missing_details"].constraint is None      # optional, relevance on multi
    assert spec.fields["interview_centrality"].constraint == (
        "NOT (\"interview_mode\" = 'street') OR (\"interview_centrality\" IS NOT NULL)")
    assert spec.fields["home_iris"].constraint == (
        "\"home_iris\" IS NULL OR (regexp_match(\"home_iris\", "
        "'^([0-9]{5}|2[AB][0-9]{3})[0-9]{4}$'))")
