"""Questionnaire schema (v4), centrality codes and the store side of the survey import."""

import csv
import dataclasses
import hashlib
import shutil
import sqlite3

import pytest

from observatoire_commerce.ingest.sources.survey_exports import read_submissions
from observatoire_commerce.store import gpkg, migrations, observatory, styles
from observatoire_commerce.store import survey as survey_store
from observatoire_commerce.store.schema import survey as survey_schema
from observatoire_commerce.survey_forms import observatory_survey
from observatoire_commerce.survey_forms.model import Answered, Compare, Equals, Not, Selected
from observatoire_commerce.survey_forms.questionnaire import QUESTIONNAIRE_VERSION
from observatoire_commerce.survey_forms.questionnaire_form import (
    condition_expression,
    form_spec,
    visibility_expression,
)
from observatoire_commerce.survey_forms.questionnaire_schema import frozen_layout, table_layout

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
    questionnaire = observatory_survey.questionnaire_for(conn)     # reads only
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
        observatory_survey.questionnaire_for(conn)
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
        observatory_survey.import_export(conn, read_submissions(other))
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


# ---------------------------------------------------------------------------------------------
# Schema v9: questionnaire 2025.2 asks in which centrality purchases are made
# ---------------------------------------------------------------------------------------------

SURVEY_TABLES = ("survey_responses", "survey_centrality_visits", "survey_answers_multi")
FOLLOW_UPS = tuple(f"purchase_{c}_centrality" for c in (
    "food_daily", "food_weekly", "clothing", "home", "culture_leisure", "health_beauty",
    "restaurants"))
OLD_FORM = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis>2025.1</qgis>"


CURRENT_LAYOUT = survey_schema.load_layout


def _layout_2025_1():
    """The questionnaire tables as schema v4 built them for questionnaire 2025.1."""
    current = CURRENT_LAYOUT()
    responses, *children = current.tables
    old = dataclasses.replace(responses, columns=tuple(
        c for c in responses.columns if c.name not in FOLLOW_UPS))
    return dataclasses.replace(current, version="2025.1", tables=(old, *children))


def make_v8_2025_1(path):
    """A schema v8 file made by the migrations of a plugin whose questionnaire was 2025.1,
    with two coded centralities and one stored response (also used by tests/qgis)."""
    old_form = path.with_name("old_form.qml")
    old_form.write_text(OLD_FORM, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(survey_schema, "load_layout", _layout_2025_1)
        patch.setattr(survey_schema, "style_files",
                      lambda layout=None: dict.fromkeys(SURVEY_TABLES, old_form))
        path = observatory.create_observatory(path, "Old", version=8)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level, code) VALUES "
                     "('c1', 'Centre-ville', 'primary', 'centre_ville'), "
                     "('c2', 'Quartier de la Gare', 'secondary', 'gare')")
        conn.execute("INSERT INTO survey_responses (uuid, questionnaire_version, consent, "
                     "purchase_food_daily) VALUES ('r-old', '2025.1', 'yes', 'town_centre')")
    conn.close()
    return path


@pytest.fixture
def v8_2025_1(tmp_path):
    return make_v8_2025_1(tmp_path / "v8.gpkg")


def _survey_schema(conn) -> dict:
    """What a survey table is made of, column order aside."""
    out = {}
    for table in SURVEY_TABLES:
        out[table] = {
            "columns": {r[1]: (r[2], r[3], r[4], r[5])
                        for r in conn.execute(f'PRAGMA table_info("{table}")')},
            "described": set(conn.execute(
                "SELECT column_name, name, description, constraint_name FROM gpkg_data_columns "
                "WHERE table_name = ?", (table,)).fetchall()),
            "form": styles.default_style(conn, table),
            "indexes": {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                (table,))},
        }
    out["domains"] = set(conn.execute(
        "SELECT constraint_name, value, description FROM gpkg_data_column_constraints "
        "WHERE constraint_name LIKE 'survey_%'").fetchall())
    out["meta"] = {k: v for k, v in observatory.meta(conn).items()
                   if k.startswith("questionnaire_")}
    return out


def test_v8_file_has_the_2025_1_layout(v8_2025_1):
    conn = gpkg.connect(v8_2025_1)
    assert observatory.schema_version(conn) == 8
    columns = gpkg.column_names(conn, "survey_responses")
    assert len(columns) == 41 and not set(FOLLOW_UPS) & set(columns)
    assert styles.default_style(conn, "survey_responses") == OLD_FORM
    # the questionnaire operations refuse the old tables until the file is upgraded
    with pytest.raises(survey_store.SurveyStoreError,
                       match="for version '2025.1', this plugin's questionnaire is '2025.2'"):
        observatory_survey.questionnaire_for(conn)
    conn.close()
    with pytest.raises(observatory.SchemaError, match="schema version 8 needs migrating to "
                                                      f"{observatory.LATEST_VERSION}"):
        observatory.open_observatory(v8_2025_1, migrate=False)


def test_migration_v9_upgrades_a_v8_file_like_a_fresh_one(v8_2025_1, tmp_path):
    assert migrations.LATEST_VERSION == observatory.LATEST_VERSION >= 9
    conn = observatory.open_observatory(v8_2025_1)
    assert observatory.schema_version(conn) == observatory.LATEST_VERSION
    columns = gpkg.column_names(conn, "survey_responses")
    assert len(columns) == 48
    assert tuple(columns[-7:]) == FOLLOW_UPS               # appended after the old columns
    assert tuple(conn.execute(
        "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('survey_responses') "
        "WHERE name = 'purchase_home_centrality'").fetchone()) == (
        "purchase_home_centrality", "TEXT", 0, None)
    assert tuple(conn.execute(
        "SELECT description, constraint_name FROM gpkg_data_columns WHERE table_name = "
        "'survey_responses' AND column_name = 'purchase_home_centrality'").fetchone()) == (
        "Centrality where the respondent mostly buys: household goods, diy, garden "
        "(centrality code, 'elsewhere' otherwise)", None)
    # the stored answer survives, its new question unanswered
    assert tuple(conn.execute("SELECT purchase_food_daily, purchase_food_daily_centrality "
                              "FROM survey_responses WHERE uuid = 'r-old'").fetchone()) == (
        "town_centre", None)
    form = styles.default_style(conn, "survey_responses")
    assert form == (TESTS.parent / "resources" / "styles" / "survey_responses.qml").read_text(
        encoding="utf-8")
    assert 'field="purchase_food_daily_centrality"' in form
    assert conn.execute("SELECT count(*) FROM layer_styles WHERE f_table_name = "
                        "'survey_responses' AND useAsDefault = 1").fetchone()[0] == 1
    assert observatory_survey.questionnaire_for(conn).version == "2025.2"   # no longer refused
    upgraded = _survey_schema(conn)
    conn.close()

    fresh_path = observatory.create_observatory(tmp_path / "fresh.gpkg", "Fresh")
    fresh = gpkg.connect(fresh_path)
    assert gpkg.column_names(fresh, "survey_responses") == [
        "fid", *table_layout()[0].column_names]
    assert _survey_schema(fresh) == upgraded
    fresh.close()
    assert upgraded["meta"] == {"questionnaire_version": "2025.2",
                                "questionnaire_form_id": "observatoire_commerce_questionnaire"}
    validate_gpkg(v8_2025_1)
    validate_gpkg(fresh_path)


def test_migration_v9_is_idempotent_on_a_current_layout(tmp_path):
    path = observatory.create_observatory(tmp_path / "v8.gpkg", "Now", version=8)
    conn = gpkg.connect(path)
    before = gpkg.column_names(conn, "survey_responses")
    assert set(FOLLOW_UPS) <= set(before)          # v4 always builds the current layout
    with gpkg.transaction(conn):
        survey_schema.migrate_v9(conn, 2154)
        survey_schema.migrate_v9(conn, 2154)
    assert gpkg.column_names(conn, "survey_responses") == before
    conn.close()
    validate_gpkg(path)


def _write_export(path, rows):
    """A Kobo-like CSV export: metadata, the questions answered, ``;`` separated."""
    header = list(dict.fromkeys(k for row in rows for k in row))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows([[row.get(h, "") for h in header] for row in rows])
    return path


def _answers(uuid, **changes):
    row = {
        "_uuid": uuid, "questionnaire_version": "2025.2", "interview/interview_mode": "online",
        "interview/interview_centrality": "", "interview/consent": "yes",
        "profile/home_commune": "86194", "profile/age_band": "50_64",
        "profile/occupation": "retired", "profile/household_size": "2",
        "habits/centralities_visited": "none",
        **{f"purchases/purchase_{c}": "periphery" for c in (
            "food_daily", "food_weekly", "clothing", "home", "culture_leisure",
            "health_beauty", "restaurants")},
        "purchases/online_share": "none", "expectations/missing_groups": "none",
        "expectations/local_producers_interest": "very",
        "expectations/short_circuit_frequency": "weekly",
    }
    for code in ("centre_ville", "gare"):
        for base in ("frequency", "visit_reasons", "transport_mode", "parking_place"):
            row[f"habits/centrality__{code}/{base}__{code}"] = ""
    row.update(changes)
    return row


def test_import_stores_the_purchase_centralities_of_an_upgraded_file(v8_2025_1, tmp_path):
    export = _write_export(tmp_path / "kobo.csv", [
        _answers("s-1", **{"purchases/purchase_food_daily": "town_centre",
                           "purchases/purchase_food_daily_centrality": "centre_ville",
                           "purchases/purchase_home": "neighbourhood",
                           "purchases/purchase_home_centrality": "elsewhere"}),
        _answers("s-2", **{"purchases/purchase_clothing": "neighbourhood",
                           "purchases/purchase_clothing_centrality": "quartier_gare"}),
        _answers("s-3", questionnaire_version="2025.1"),
    ])
    conn = observatory.open_observatory(v8_2025_1)
    outcome = observatory_survey.import_export(conn, read_submissions(export))
    assert outcome.written == {"survey_responses": 2, "survey_centrality_visits": 0,
                               "survey_answers_multi": 4}
    assert [(r.file, r.row, r.field, r.value, r.code, r.reason) for r in outcome.rejections] == [
        ("kobo.csv", 3, "purchase_clothing_centrality", "quartier_gare", "unknown_choice",
         "'quartier_gare' is not a choice of list centrality (centre_ville, gare, elsewhere)")]
    stored = conn.execute(
        "SELECT uuid, questionnaire_version, purchase_food_daily_centrality, "
        "purchase_home_centrality, purchase_clothing_centrality FROM survey_responses "
        "ORDER BY fid").fetchall()
    assert [tuple(r) for r in stored] == [
        ("r-old", "2025.1", None, None, None),
        ("s-1", "2025.2", "centre_ville", "elsewhere", None),
        ("s-3", "2025.1", None, None, None)]
    conn.close()
    validate_gpkg(v8_2025_1)


def test_purchase_choices_read_and_checked(tmp_path):
    path = observatory.create_observatory(tmp_path / "choices.gpkg", "Choices")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.executemany(
            "INSERT INTO survey_responses (uuid, home_commune, home_iris, purchase_clothing, "
            "purchase_clothing_centrality) VALUES (?,?,?,?,?)",
            [("a", "86194", "861940101", "town_centre", "centre_ville"),
             ("b", "86194", None, "online", None), ("c", "86194", None, None, None)])
    got = survey_store.purchase_choices(conn, "clothing")
    assert got == [
        {"uuid": "a", "home_commune": "86194", "home_iris": "861940101",
         "place": "town_centre", "centrality": "centre_ville"},
        {"uuid": "b", "home_commune": "86194", "home_iris": None, "place": "online",
         "centrality": None}]  # "c" gave no purchase answer
    with pytest.raises(survey_store.SurveyStoreError, match="unknown purchase category 'shoes'"):
        survey_store.purchase_choices(conn, "shoes")
    conn.close()


def test_purchase_choices_need_schema_v9(v8_2025_1):
    conn = gpkg.connect(v8_2025_1)
    with pytest.raises(survey_store.SurveyStoreError, match="schema v9"):
        survey_store.purchase_choices(conn, "clothing")
    conn.close()


def test_the_store_builds_the_layout_the_questionnaire_defines():
    """The frozen layout (resources/schema/questionnaire_layout.json) is what the questionnaire
    definition derives: run scripts/make_questionnaire_form.py after changing a question."""
    assert survey_schema.load_layout() == frozen_layout()
    assert survey_schema.load_layout().version == QUESTIONNAIRE_VERSION
    assert survey_store.purchase_categories() == [
        "food_daily", "food_weekly", "clothing", "home", "culture_leisure", "health_beauty",
        "restaurants"]
