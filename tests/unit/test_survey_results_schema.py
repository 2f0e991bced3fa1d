"""Schema v11 (survey results): tables, domains, the indicators' survey columns, migration of a
v10 file like a fresh one; the weighting's age split and the demo's planted answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.jobs import survey_data as sd
from observatoire_commerce.jobs.survey_weighting import AGE_SPLIT, cell_ages, zone_of_responses
from observatoire_commerce.store import gpkg, indicators, migrations, observatory, tables
from observatoire_commerce.store.schema import survey_results as schema
from observatoire_commerce.store.schema.survey import load_layout
from observatoire_commerce.survey_forms.questionnaire import AGE_BANDS, PURCHASE_CATEGORIES

from ..conftest import validate_gpkg

NEW_TABLES = (schema.MARGINS, schema.SPENDING, schema.WEIGHTING_RUNS, schema.WEIGHTING_MARGINS,
              schema.WEIGHTS, schema.TYPOLOGY_RUNS, schema.TYPES, schema.RESPONSE_TYPES,
              schema.TYPE_ANSWERS)


def _schema(conn) -> dict:
    """What v11 adds, comparable between two files."""
    return {
        "tables": {t: gpkg.column_names(conn, t) for t in (*NEW_TABLES, "indicators")},
        "sql": {t: conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                (t,)).fetchone()[0] for t in NEW_TABLES},
        "bound": sorted(tuple(r) for r in conn.execute(
            "SELECT table_name, column_name, constraint_name FROM gpkg_data_columns WHERE "
            "table_name IN ({}) AND constraint_name IS NOT NULL".format(
                ",".join("?" * len(NEW_TABLES))), NEW_TABLES)),
        "domains": sorted(tuple(r) for r in conn.execute(
            "SELECT constraint_name, value FROM gpkg_data_column_constraints WHERE "
            "constraint_name IN ('survey_margin', 'survey_weighting_method', "
            "'survey_purchase_category')")),
        "indexes": sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE "
            "'idx_survey_%'")),
    }


def test_v10_file_migrates_to_v11_like_a_fresh_one(tmp_path):
    assert migrations.LATEST_VERSION == observatory.LATEST_VERSION >= 11
    old = observatory.create_observatory(tmp_path / "v10.gpkg", "Old", version=10)
    conn = gpkg.connect(old)
    with gpkg.transaction(conn):  # an indicator of an older algorithm survives
        conn.execute("INSERT INTO indicators (uuid, scope, indicator, period, value, unit, "
                     "algorithm, computed_at) VALUES ('i1', 'territory', 'shops', '2024', 12, "
                     "'shops', 'observatoire:offer_mix', '2024-01-01T00:00:00Z')")
    assert not gpkg.table_exists(conn, schema.WEIGHTS)
    conn.close()
    conn = observatory.open_observatory(old)
    assert observatory.schema_version(conn) == observatory.LATEST_VERSION
    for table in NEW_TABLES:
        columns = gpkg.column_names(conn, table)
        assert columns[:2] == ["fid", "uuid"], table
        assert conn.execute("SELECT data_type FROM gpkg_contents WHERE table_name = ?",
                            (table,)).fetchone()[0] == "attributes"
    assert gpkg.column_names(conn, "indicators")[-4:] == ["ci_low", "ci_high", "respondents",
                                                          "low_precision"]
    kept = tables.first(conn, "indicators", ["value", "respondents", "low_precision"],
                        {"uuid": "i1"})
    assert kept == {"value": 12.0, "respondents": None, "low_precision": None}
    migrated = _schema(conn)
    conn.close()
    fresh = observatory.create_observatory(tmp_path / "fresh.gpkg", "Fresh")
    conn = gpkg.connect(fresh)
    assert _schema(conn) == migrated
    conn.close()
    assert ("survey_spending", "category", "survey_purchase_category") in migrated["bound"]
    assert ("survey_weights", "age_band", "survey_age_band") in migrated["bound"]
    assert ("survey_margins", "margin", "survey_margin") in migrated["bound"]
    assert {v for d, v in migrated["domains"] if d == "survey_weighting_method"} == {
        "rake", "calibrate"}
    validate_gpkg(old)
    validate_gpkg(fresh)


def test_spending_is_empty_and_editable_tables_check_their_values(tmp_path):
    path = observatory.create_observatory(tmp_path / "s.gpkg", "S")
    conn = observatory.open_observatory(path)
    assert tables.count(conn, schema.SPENDING) == 0 and tables.count(conn, schema.MARGINS) == 0
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
        conn.execute("INSERT INTO survey_margins (uuid, margin, category, population, "
                     "source, year) VALUES ('m1', 'gender', 'female', -5, 'x', 2021)")
    # source and year are required
    with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
        conn.execute("INSERT INTO survey_spending (uuid, category, spending) VALUES "
                     "('s1', 'food_daily', 3000)")
    with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
        conn.execute("INSERT INTO indicators (uuid, scope, indicator, period, algorithm, "
                     "computed_at, low_precision) VALUES ('x', 'territory', 'a', '1', 'b', "
                     "'c', 2)")
    conn.close()


def test_indicators_write_takes_the_survey_keys(tmp_path):
    path = observatory.create_observatory(tmp_path / "i.gpkg", "I")
    conn = observatory.open_observatory(path)
    row = sd.survey_indicator("centrality", "c1", "expect_x", "2024", 41.5, "%", 25,
                              -3.0, 86.0)
    assert (row["ci_low"], row["ci_high"], row["respondents"], row["low_precision"]) == (
        0.0, 86.0, 25, 1)
    assert sd.survey_indicator("centrality", "c1", "expect_x", "2024", 41.5, "%", 10) is None
    assert sd.survey_indicator("centrality", "c1", "expect_x", "2024", float("nan"), "%",
                               40) is None
    with gpkg.transaction(conn):
        indicators.write(conn, [row, {"scope": "territory", "indicator": "shops",
                                      "period": "2024", "value": 3.0, "unit": "shops"}],
                         algorithm="observatoire:expectations")
    got = tables.rows(conn, "indicators", ["indicator", "ci_low", "ci_high", "respondents",
                                           "low_precision"], order_by=["fid"])
    assert got == [{"indicator": "expect_x", "ci_low": 0.0, "ci_high": 86.0,
                    "respondents": 25, "low_precision": 1},
                   {"indicator": "shops", "ci_low": None, "ci_high": None,
                    "respondents": None, "low_precision": None}]
    conn.close()


def test_stored_codes_follow_the_questionnaire():
    assert [c for c, _l in schema.PURCHASE_CATEGORIES] == [
        c for c, _fr, _en, _g in PURCHASE_CATEGORIES]
    assert list(AGE_SPLIT) == [c for c, _fr, _en in AGE_BANDS]
    assert [c for c, _l in load_layout().domains["survey_age_band"]] == list(AGE_SPLIT)


def test_age_split_shares_each_filosofi_band_out_once():
    """Every Filosofi column 18+ is split completely; 11–17 gives its 15, 16 and 17 year-olds
    (3 of 7 years); the 0–10 bands give nothing (the questionnaire asks 15+)."""
    given: dict = {}
    for parts in AGE_SPLIT.values():
        for column, share in parts:
            given[column] = given.get(column, 0.0) + share
    assert given == pytest.approx({"ind_11_17": 3 / 7, "ind_18_24": 1.0, "ind_25_39": 1.0,
                                   "ind_40_54": 1.0, "ind_55_64": 1.0, "ind_65_79": 1.0,
                                   "ind_80p": 1.0})
    cells = pd.DataFrame({"ind_11_17": [70.0], "ind_18_24": [10.0], "ind_25_39": [30.0],
                          "ind_40_54": [15.0], "ind_55_64": [5.0], "ind_65_79": [15.0],
                          "ind_80p": [2.0]})
    ages = cell_ages(cells).iloc[0]
    assert ages.to_dict() == pytest.approx({"15_24": 30 + 10, "25_34": 20, "35_49": 10 + 10,
                                            "50_64": 5 + 5, "65_74": 10, "75_plus": 5 + 2})


def test_home_zone_is_the_iris_then_the_commune_then_outside():
    responses = pd.DataFrame({"home_iris": ["861940101", None, "860410000", "x"],
                              "home_commune": ["86194", "86194", "86041", "79191"]})
    zones = zone_of_responses(responses, ["861940101", "86194", "86041"])
    assert zones.tolist() == ["861940101", "86194", "86041", sd.OUTSIDE_ZONE]


def test_published_tables_empty_small_cells_and_clip_shares():
    frame = pd.DataFrame({"respondents": [5, 11, 29, 30], "value": [1.0, 2.0, 3.0, 4.0]})
    out = sd.publish(frame, ["value"])
    assert out["value"].tolist()[1:] == [2.0, 3.0, 4.0] and np.isnan(out["value"][0])
    assert out["low_precision"].tolist() == [True, True, True, False]
    assert out["reason"].tolist() == ["fewer than 11 respondents", None, None, None]
    assert sd.percent([-0.02, 0.5, 1.03]).tolist() == [0.0, 50.0, 100.0]


def test_demo_answers_record_their_planted_type():
    from observatoire_commerce.sample_territory.answers import (
        PLANTED_TYPES,
        planted_types,
        synthetic_answers,
    )
    from observatoire_commerce.survey_forms.questionnaire import build_questionnaire

    questionnaire = build_questionnaire([("centre_ville", "Centre-ville"), ("gare", "Gare")])
    answers = synthetic_answers(questionnaire, n=300, seed=5)
    planted = planted_types(questionnaire, n=300, seed=5)
    consenting = [a for a in answers if a.get("consent") == "yes"]
    assert len(planted) == len(consenting)
    assert set(planted.values()) == {t for t, _w in PLANTED_TYPES}
    assert all("_planted_type" not in a for a in answers)   # never an answer of the export
    kind = {a["_meta"]["uuid"]: planted[a["_meta"]["uuid"]] for a in consenting}

    def share(test, planted_type, inside=True):
        hits = [test(a) for a in consenting if (kind[a["_meta"]["uuid"]] == planted_type)
                == inside]
        return sum(hits) / len(hits)

    # each type does what it was planted for far more often than the others, with noise
    for test, planted_type in (
            (lambda a: a["purchase_clothing"] == "online", "online_buyer"),
            (lambda a: a["purchase_food_daily"] == "market_short_circuit",
             "short_circuit_buyer"),
            (lambda a: a.get("transport_mode__centre_ville") == "car_driver",
             "periphery_driver"),
            (lambda a: a.get("frequency__centre_ville") == "daily", "centre_walker")):
        inside, outside = share(test, planted_type), share(test, planted_type, False)
        assert inside < 0.97 and inside > outside + 0.3, (planted_type, inside, outside)
