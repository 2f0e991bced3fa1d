"""Reading KoboToolbox / ODK exports of the questionnaire (no QGIS): the file is read by
``ingest.sources.survey_exports`` and validated by ``survey_forms.kobo_import`` (what the import
algorithm does, :func:`read_export` here).

Fixtures in tests/data/survey hold the same seven submissions in three encodings:
``kobo_export.csv`` (Kobo: ``;``, ``/`` headers, select_multiple as text and 1/0 columns),
``odk_central_export.csv`` (ODK Central: ``,``, ``-`` headers, space-separated select_multiple)
and ``kobo_export_onehot_dash.csv`` (``-`` headers, 1/0 columns only). Rows 4 to 7 are bad.
"""

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from observatoire_commerce.ingest.sources.report import SourceError
from observatoire_commerce.ingest.sources.survey_exports import read_submissions
from observatoire_commerce.sample_territory.answers import write_export
from observatoire_commerce.survey_forms.kobo_import import (
    NotAQuestionnaireExportError,
    Rejection,
    SurveyImportError,
    validate_export,
)
from observatoire_commerce.survey_forms.model import Centrality
from observatoire_commerce.survey_forms.questionnaire import build_questionnaire
from observatoire_commerce.survey_forms.questionnaire_schema import table_layout
from observatoire_commerce.survey_forms.xlsform import write_xlsform

TESTS_DATA = Path(__file__).resolve().parents[1] / "data" / "survey"
UUID1 = "0b1c5a1e-6a47-4d1e-9a51-000000000001"
UUID2 = "0b1c5a1e-6a47-4d1e-9a51-000000000002"
UUID7 = "0b1c5a1e-6a47-4d1e-9a51-000000000007"


def read_export(path, questionnaire, sheet=None, skip_uuids=()):
    """Read then validate, as the import algorithm does."""
    return validate_export(read_submissions(path, sheet=sheet), questionnaire, skip_uuids)


@pytest.fixture(scope="module")
def questionnaire():
    return build_questionnaire([Centrality("centre_ville", "Centre-ville", "c-uuid-1"),
                                ("gare", "Quartier de la gare")])


def _without_source(result):
    strip = ("source", "source_file")
    return ([{k: v for k, v in r.items() if k not in strip} for r in result.responses],
            result.visits, result.multi,
            [(r.row, r.field, r.value, r.code, r.reason) for r in result.rejected])


def _csv_to_xlsx(source, target):
    """The same export as an .xlsx, with numbers as numbers (as Kobo writes them)."""
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([int(v) if v.isdigit() and len(v) < 5 else (v or None) for v in row])
    workbook.save(target)
    return target


def test_kobo_export_good_and_bad_rows(questionnaire, fixture_path, tmp_path):
    result = read_export(fixture_path("survey/kobo_export.csv", tmp_path), questionnaire)
    assert (result.source, result.rows_read, result.ignored_columns) == ("kobo", 7, [])
    assert result.rejected == [
        Rejection("kobo_export.csv", 4, "age_band", "30_39", "unknown_choice",
                  "'30_39' is not a choice of list age_band "
                  "(15_24, 25_34, 35_49, 50_64, 65_74, 75_plus)"),
        Rejection("kobo_export.csv", 5, "satisfaction_parking", "6", "out_of_range",
                  "value 6 is outside 1..5"),
        Rejection("kobo_export.csv", 6, "occupation", "", "missing_required",
                  "a required answer is missing"),
        Rejection("kobo_export.csv", 7, "household_size", "0", "out_of_range",
                  "value 0 is outside 1..12"),
        Rejection("kobo_export.csv", 7, "frequency__gare", "", "missing_required",
                  "a required answer is missing"),
    ]
    assert result.rejected_rows == [4, 5, 6, 7]
    assert [r["uuid"] for r in result.responses] == [UUID1, UUID2, UUID7]
    assert [r["source_row"] for r in result.responses] == [2, 3, 8]

    first = result.responses[0]
    responses_table = table_layout()[0]
    assert list(first) == list(responses_table.column_names)
    assert {k: first[k] for k in (
        "questionnaire_version", "started_at", "ended_at", "submitted_at", "source",
        "source_file", "interview_mode", "interview_centrality", "home_commune", "home_iris",
        "age_band", "occupation", "household_size", "household_children", "household_cars",
        "satisfaction_offer", "satisfaction_parking", "satisfaction_safety",
        "missing_details", "local_producers_interest")} == {
        "questionnaire_version": "2025.1", "started_at": "2024-05-13T09:02:11",
        "ended_at": "2024-05-13T09:09:40", "submitted_at": "2024-05-13T10:15:03",
        "source": "kobo", "source_file": "kobo_export.csv", "interview_mode": "street",
        "interview_centrality": "centre_ville", "home_commune": "86194",
        "home_iris": "861940104", "age_band": "35_49", "occupation": "executive",
        "household_size": 3, "household_children": 1, "household_cars": 1,
        "satisfaction_offer": 4, "satisfaction_parking": 2, "satisfaction_safety": None,
        "missing_details": "Une librairie", "local_producers_interest": "very"}

    # not relevant (online interview): the stray interview place is dropped, as ODK does
    assert result.responses[1]["interview_centrality"] is None
    # refused to answer: only the interview block is kept
    refused = result.responses[2]
    assert (refused["consent"], refused["age_band"], refused["household_size"]) == (
        "no", None, None)

    visits = [(v["response_uuid"], v["centrality_code"], v["centrality_uuid"], v["frequency"],
               v["transport_mode"], v["parking_place"], v["parking_search"])
              for v in result.visits]
    assert visits == [
        (UUID1, "centre_ville", "c-uuid-1", "weekly", "walk", None, None),
        (UUID1, "gare", None, "monthly", "car_driver", "car_park_paid", "5_15"),
    ]
    multi = [(m["response_uuid"], m["question"], m["centrality_code"], m["choice"])
             for m in result.multi]
    assert multi == [
        (UUID1, "centralities_visited", None, "centre_ville"),
        (UUID1, "centralities_visited", None, "gare"),
        (UUID1, "visit_reasons", "centre_ville", "daily_shopping"),
        (UUID1, "visit_reasons", "centre_ville", "cafe_restaurant"),
        (UUID1, "visit_reasons", "gare", "work"),
        (UUID1, "missing_groups", None, "equipement_personne"),
        (UUID1, "missing_groups", None, "culture_loisirs"),
        (UUID2, "centralities_visited", None, "none"),
        (UUID2, "missing_groups", None, "none"),
    ]
    assert len({m["uuid"] for m in result.multi}) == len(result.multi)


def test_encodings_and_separators_give_the_same_rows(questionnaire, fixture_path, tmp_path):
    kobo = read_export(fixture_path("survey/kobo_export.csv", tmp_path), questionnaire)
    odk = read_export(fixture_path("survey/odk_central_export.csv", tmp_path), questionnaire)
    onehot = read_export(fixture_path("survey/kobo_export_onehot_dash.csv", tmp_path),
                         questionnaire)
    assert odk.source == "odk"
    assert odk.responses[0]["submitted_at"] == "2024-05-13T10:15:03.000Z"
    for result in (odk, onehot):
        for row in result.responses:
            row["submitted_at"] = row["submitted_at"].replace(".000Z", "")
    assert _without_source(odk) == _without_source(kobo)
    assert _without_source(onehot) == _without_source(kobo)


def test_xlsx_export_reads_like_csv(questionnaire, fixture_path, tmp_path):
    csv_path = fixture_path("survey/kobo_export.csv", tmp_path)
    xlsx = _csv_to_xlsx(csv_path, tmp_path / "kobo_export.xlsx")
    from_csv = read_export(csv_path, questionnaire)
    from_xlsx = read_export(xlsx, questionnaire)
    assert _without_source(from_xlsx) == _without_source(from_csv)
    assert from_xlsx.rejected[0].file == "kobo_export.xlsx"


def test_idempotence_key(questionnaire, fixture_path, tmp_path):
    path = fixture_path("survey/kobo_export.csv", tmp_path)
    first = read_export(path, questionnaire)
    again = read_export(path, questionnaire)
    assert [r["uuid"] for r in again.multi] == [r["uuid"] for r in first.multi]
    assert [r["uuid"] for r in again.visits] == [r["uuid"] for r in first.visits]
    skipped = read_export(path, questionnaire, skip_uuids=["uuid:" + UUID1, UUID7])
    assert skipped.skipped == [(2, UUID1), (8, UUID7)]
    assert [r["uuid"] for r in skipped.responses] == [UUID2]


def test_onehot_disagreeing_with_text_column_is_rejected(questionnaire, fixture_path, tmp_path):
    path = fixture_path("survey/kobo_export.csv", tmp_path)
    text = path.read_text(encoding="utf-8").replace("equipement_personne culture_loisirs",
                                                    "equipement_personne automobile")
    path.write_text(text, encoding="utf-8")
    result = read_export(path, questionnaire)
    assert result.rejected[0] == Rejection(
        "kobo_export.csv", 2, "missing_groups", "equipement_personne automobile",
        "inconsistent", "'equipement_personne automobile' disagrees with the option columns "
        "(equipement_personne culture_loisirs)")


def test_non_questionnaire_file_is_refused(questionnaire, fixture_path, tmp_path):
    with pytest.raises(NotAQuestionnaireExportError,
                       match="none of the questionnaire's questions is a column"):
        read_export(fixture_path("survey/not_a_questionnaire.csv", tmp_path), questionnaire)
    # the XLSForm itself is not an export either
    form = write_xlsform(questionnaire, tmp_path / "form.xlsx")
    with pytest.raises(NotAQuestionnaireExportError):
        read_export(form, questionnaire)


def test_other_refusals(questionnaire, fixture_path, tmp_path):
    path = fixture_path("survey/kobo_export.csv", tmp_path)
    with pytest.raises(SourceError, match="expected a .xlsx or .csv export"):
        read_export(_copy_as(path, tmp_path / "export.json"), questionnaire)
    with pytest.raises(SurveyImportError, match="no submission id column"):
        read_export(_drop_columns(path, tmp_path / "no_id.csv",
                                  ("_uuid", "meta/instanceID")), questionnaire)
    with pytest.raises(SurveyImportError, match="required question.*frequency__gare"):
        read_export(_drop_columns(path, tmp_path / "no_freq.csv",
                                  ("habits/centrality__gare/frequency__gare",)), questionnaire)
    # a form generated for another set of centralities does not match this export
    other = build_questionnaire([("centre_ville", "Centre-ville"), ("zone_nord", "Nord")])
    with pytest.raises(SurveyImportError, match="frequency__zone_nord"):
        read_export(path, other)


def _copy_as(source, target):
    target.write_bytes(source.read_bytes())
    return target


def _drop_columns(source, target, names):
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    keep = [i for i, h in enumerate(rows[0]) if h not in names]
    with open(target, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([[r[i] for i in keep] for r in rows])
    return target


@pytest.mark.parametrize("suffix,flavour,multi", [
    (".xlsx", "kobo", "both"), (".csv", "kobo", "onehot"), (".csv", "odk", "space")])
def test_synthetic_export_round_trip(questionnaire, tmp_path, suffix, flavour, multi):
    path = tmp_path / f"export{suffix}"
    defects = write_export(questionnaire, path, n=120, seed=7, bad_rows=6, multi=multi,
                           flavour=flavour)
    result = read_export(path, questionnaire)
    assert result.rows_read == 120
    assert [(r.row, r.field, r.code) for r in result.rejected] == [
        (d.row, d.field, d.code) for d in defects]
    assert len(result.responses) == 114
    assert sorted(d.code for d in defects) == sorted(
        ["unknown_choice", "out_of_range", "missing_required", "type_error",
         "too_many_choices", "duplicate"])


def test_synthetic_export_is_deterministic_and_correlated(questionnaire, tmp_path):
    one = write_export(questionnaire, tmp_path / "a.csv", n=450, seed=3)
    two = write_export(questionnaire, tmp_path / "b.csv", n=450, seed=3)
    assert one == two
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    result = read_export(tmp_path / "a.csv", questionnaire)
    assert len(result.responses) == 444
    by_uuid = {r["uuid"]: r for r in result.responses}
    centre = [v for v in result.visits if v["centrality_code"] == "centre_ville"]
    drivers = [by_uuid[v["response_uuid"]]["satisfaction_parking"] for v in centre
               if v["transport_mode"] == "car_driver"]
    walkers = [by_uuid[v["response_uuid"]]["satisfaction_parking"] for v in centre
               if v["transport_mode"] == "walk"]
    drivers = [s for s in drivers if s is not None]
    walkers = [s for s in walkers if s is not None]
    assert sum(drivers) / len(drivers) < sum(walkers) / len(walkers) - 0.5
    car_share = {}
    for zone, communes in (("centre", {"86194"}), ("outside", {"86066", "79191"})):
        modes = [v["transport_mode"] for v in centre
                 if by_uuid[v["response_uuid"]]["home_commune"] in communes]
        car_share[zone] = sum(m == "car_driver" for m in modes) / len(modes)
    assert car_share["outside"] > car_share["centre"] + 0.3


def test_iris_must_belong_to_the_commune():
    from observatoire_commerce.survey_forms.kobo_import import validate_rows

    questionnaire = build_questionnaire(
        [("centre_ville", "Centre-ville")],
        communes=[("86194", "Poitiers"), ("86041", "Buxerolles")],
        iris=[("861940101", "Hôtel de Ville", "86194"), ("860410000", "Buxerolles", "86041")])
    answers = {
        "interview_mode": "online", "consent": "yes", "home_commune": "86041",
        "home_iris": "861940101", "age_band": "25_34", "occupation": "employee",
        "household_size": "1", "centralities_visited": "none", "online_share": "none",
        "missing_groups": "none", "local_producers_interest": "little",
        "short_circuit_frequency": "never",
        **{f"purchase_{c}": "periphery" for c in (
            "food_daily", "food_weekly", "clothing", "home", "culture_leisure",
            "health_beauty", "restaurants")},
        "frequency__centre_ville": "", "visit_reasons__centre_ville": "",
        "transport_mode__centre_ville": "", "parking_place__centre_ville": "",
        "interview_centrality": "",
    }
    header = ["_uuid"] + list(answers)
    result = validate_rows(header, [(2, ["u-1"] + list(answers.values())),
                                    (3, ["u-2"] + list(dict(answers, home_iris="860410000")
                                                       .values()))],
                           questionnaire, "inline.csv")
    assert result.rejected == [Rejection(
        "inline.csv", 2, "home_iris", "861940101", "inconsistent",
        "'861940101' does not belong to home_commune '86041'")]
    assert [(r["uuid"], r["home_commune"], r["home_iris"]) for r in result.responses] == [
        ("u-2", "86041", "860410000")]


# ---------------------------------------------------------------------------------------------
# Questionnaire 2025.2: "in which centrality" after each place of purchase
# ---------------------------------------------------------------------------------------------

CATEGORIES = ("food_daily", "food_weekly", "clothing", "home", "culture_leisure",
              "health_beauty", "restaurants")


def _minimal_answers(**changes):
    """A consenting online respondent who visits no centrality and buys in the periphery."""
    answers = {
        "questionnaire_version": "2025.2", "interview_mode": "online", "consent": "yes",
        "home_commune": "86194", "age_band": "25_34", "occupation": "employee",
        "household_size": "1", "centralities_visited": "none", "online_share": "none",
        "missing_groups": "none", "local_producers_interest": "little",
        "short_circuit_frequency": "never",
        **{f"purchase_{c}": "periphery" for c in CATEGORIES},
        **{f"{base}__{code}": "" for base in ("frequency", "visit_reasons", "transport_mode",
                                              "parking_place")
           for code in ("centre_ville", "gare")},
        "interview_centrality": "",
    }
    answers.update(changes)
    return answers


def _rows(*answer_sets):
    header = ["_uuid"] + list(dict.fromkeys(k for a in answer_sets for k in a))
    return header, [(n + 2, [f"u-{n + 1}"] + [a.get(h, "") for h in header[1:]])
                    for n, a in enumerate(answer_sets)]


def test_purchase_centrality_is_read_when_relevant(questionnaire):
    from observatoire_commerce.survey_forms.kobo_import import validate_rows

    header, rows = _rows(
        _minimal_answers(purchase_food_daily="town_centre",
                         purchase_food_daily_centrality="centre_ville",
                         purchase_clothing="neighbourhood",
                         purchase_clothing_centrality="elsewhere",
                         purchase_home="neighbourhood"),          # follow-up left empty
        # not relevant (bought online): the stray answer is dropped, as ODK does
        _minimal_answers(purchase_restaurants="online", purchase_restaurants_centrality="gare"),
    )
    header += ["purchase_food_weekly_centrality"]     # a header without a value in the rows
    result = validate_rows(header, rows, questionnaire, "inline.csv")
    assert result.rejected == []
    first, second = result.responses
    assert {f"purchase_{c}_centrality": first[f"purchase_{c}_centrality"]
            for c in CATEGORIES} == {
        "purchase_food_daily_centrality": "centre_ville",
        "purchase_food_weekly_centrality": None, "purchase_clothing_centrality": "elsewhere",
        "purchase_home_centrality": None, "purchase_culture_leisure_centrality": None,
        "purchase_health_beauty_centrality": None, "purchase_restaurants_centrality": None}
    assert (second["purchase_restaurants"], second["purchase_restaurants_centrality"]) == (
        "online", None)
    assert first["questionnaire_version"] == "2025.2"


def test_unknown_purchase_centrality_is_rejected(questionnaire):
    from observatoire_commerce.survey_forms.kobo_import import validate_rows

    header, rows = _rows(
        _minimal_answers(purchase_food_daily="town_centre",
                         purchase_food_daily_centrality="zone_nord"),
        _minimal_answers(purchase_home="neighbourhood", purchase_home_centrality="gare"))
    result = validate_rows(header, rows, questionnaire, "kobo.csv")
    assert result.rejected == [Rejection(
        "kobo.csv", 2, "purchase_food_daily_centrality", "zone_nord", "unknown_choice",
        "'zone_nord' is not a choice of list centrality (centre_ville, gare, elsewhere)")]
    assert [(r["uuid"], r["purchase_home_centrality"]) for r in result.responses] == [
        ("u-2", "gare")]


def test_earlier_compatible_version_is_read_and_others_refused(questionnaire):
    from observatoire_commerce.survey_forms.kobo_import import validate_rows

    old = _minimal_answers(questionnaire_version="2025.1")   # 2025.1: no follow-up column
    header, rows = _rows(old, dict(old, questionnaire_version="2024.9"))
    result = validate_rows(header, rows, questionnaire, "old.csv")
    assert [(r["uuid"], r["questionnaire_version"], r["purchase_food_daily_centrality"])
            for r in result.responses] == [("u-1", "2025.1", None)]
    assert result.rejected == [Rejection(
        "old.csv", 3, "questionnaire_version", "2024.9", "version_mismatch",
        "answered with questionnaire version '2024.9', expected '2025.2' or '2025.1'")]


def test_synthetic_purchase_centralities_follow_the_levels(tmp_path):
    with_levels = build_questionnaire([
        Centrality("centre_ville", "Centre-ville", None, "primary"),
        Centrality("gare", "Quartier de la gare", None, "secondary"),
        Centrality("bourg", "Bourg", None, "tertiary"),
        Centrality("zone_nord", "Zone Nord", None, "peripheral")])
    path = tmp_path / "levels.csv"
    assert write_export(with_levels, path, n=300, seed=11, bad_rows=0) == []
    result = read_export(path, with_levels)
    assert result.rejected == [] and len(result.responses) == 300
    seen = {"town_centre": set(), "neighbourhood": set()}
    asked = 0
    for response in result.responses:
        for category in CATEGORIES:
            place = response[f"purchase_{category}"]
            where = response[f"purchase_{category}_centrality"]
            if place in seen:
                asked += 1
                assert where is not None
                seen[place].add(where)
            else:
                assert where is None
    assert asked > 300
    assert seen == {"town_centre": {"centre_ville", "elsewhere"},
                    "neighbourhood": {"gare", "bourg", "elsewhere"}}

    # without levels any centrality answers; the other answers do not change
    without = build_questionnaire([(c.code, c.name) for c in with_levels.centralities])
    from observatoire_commerce.sample_territory.answers import synthetic_answers

    plain = synthetic_answers(without, n=300, seed=11)
    levelled = synthetic_answers(with_levels, n=300, seed=11)

    def others(answers):
        return [{k: v for k, v in a.items() if not k.endswith("_centrality")} for a in answers]

    assert others(plain) == others(levelled)
    anywhere = {a[k] for a in plain for k in a
                if k.startswith("purchase_") and k.endswith("_centrality")}
    assert anywhere == {"centre_ville", "gare", "bourg", "zone_nord", "elsewhere"}


def test_csv_exports_in_other_encodings_and_with_long_answers(questionnaire, tmp_path):
    """UTF-16, bytes Windows-1252 leaves undefined and a 200 000-character answer (over the csv
    module's default field limit) are read; NUL bytes without BOM are refused."""
    text = (TESTS_DATA / "kobo_export.csv").read_text(encoding="utf-8")
    reference = read_export(TESTS_DATA / "kobo_export.csv", questionnaire)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(text.encode("utf-16"))
    assert _without_source(read_export(utf16, questionnaire)) == _without_source(reference)
    latin = tmp_path / "latin.csv"
    encoded = text.encode("latin-1", errors="replace")
    end = encoded.index(b"\n")
    latin.write_bytes(encoded[:end] + b"\x81\x8d" + encoded[end:])  # undefined in Windows-1252
    assert read_export(latin, questionnaire).rows_read == reference.rows_read
    lines = text.splitlines()
    header = lines[0].split(";")
    cells = lines[1].split(";")
    cells[header.index("start")] = "x" * 200_000
    long = tmp_path / "long.csv"
    long.write_text("\n".join([lines[0], ";".join(cells)] + lines[2:]) + "\n", encoding="utf-8")
    assert read_export(long, questionnaire).rows_read == reference.rows_read
    nul = tmp_path / "nul.csv"
    nul.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(SourceError, match="nul.csv: not a text file"):
        read_export(nul, questionnaire)


def test_damaged_workbook_is_refused_with_a_message(questionnaire, tmp_path):
    path = _csv_to_xlsx(TESTS_DATA / "kobo_export.csv", tmp_path / "export.xlsx")
    data = path.read_bytes()
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError, match="damaged.xlsx: not a readable .xlsx workbook"):
        read_export(damaged, questionnaire)
    with pytest.raises(SourceError, match="no sheet named 'missing' \\(sheets: Sheet\\)"):
        read_export(path, questionnaire, sheet="missing")
