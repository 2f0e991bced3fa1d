"""The questionnaire definition and the table layout derived from it (no QGIS)."""

import pytest

from observatoire_commerce.store.survey import centrality_code
from observatoire_commerce.survey_forms.model import (
    INTEGER,
    SELECT_MULTIPLE,
    SELECT_ONE,
    All,
    Answered,
    Centrality,
    Compare,
    Equals,
    Exclusive,
    LessThan,
    MaxSelected,
    Not,
    OneOf,
    Pattern,
    Range,
    Selected,
)
from observatoire_commerce.survey_forms.questionnaire import (
    QUESTIONNAIRE_VERSION,
    build_questionnaire,
)
from observatoire_commerce.survey_forms.questionnaire_schema import domains, table_layout

CENTRALITIES = [("centre_ville", "Centre-ville"), ("gare", "Quartier de la gare")]


@pytest.fixture(scope="module")
def questionnaire():
    return build_questionnaire(CENTRALITIES)


def test_version_and_identity(questionnaire):
    assert questionnaire.version == QUESTIONNAIRE_VERSION == "2025.2"
    assert questionnaire.compatible_versions == ("2025.1",)
    assert questionnaire.form_id == "observatoire_commerce_questionnaire"
    assert questionnaire.question("questionnaire_version").calculation == "'2025.2'"


def test_covers_the_use_case_topics(questionnaire):
    names = {q.name for q in questionnaire.questions()}
    for expected in ("home_commune", "home_iris", "age_band", "occupation", "household_size",
                     "centralities_visited", "frequency__centre_ville", "visit_reasons__gare",
                     "transport_mode__gare", "parking_place__gare", "purchase_food_daily",
                     "purchase_clothing", "online_share", "satisfaction_offer",
                     "satisfaction_opening_hours", "satisfaction_parking",
                     "satisfaction_public_transport", "satisfaction_cleanliness",
                     "satisfaction_safety", "satisfaction_events", "missing_groups",
                     "local_producers_interest", "short_circuit_frequency"):
        assert expected in names
    places = questionnaire.choice_lists["purchase_place"].names
    assert {"town_centre", "periphery", "online", "market_short_circuit"} <= set(places)
    assert questionnaire.choice_lists["missing_group"].names == (
        "alimentaire", "equipement_personne", "equipement_maison", "culture_loisirs",
        "hygiene_sante_beaute", "cafes_hotels_restaurants", "services_marchands",
        "services_non_marchands", "automobile", "none")
    assert questionnaire.choice_lists["centrality_visited"].names == (
        "centre_ville", "gare", "none")


def test_every_question_has_french_and_english_labels(questionnaire):
    for q in questionnaire.questions():
        if q.type == "calculate":
            continue
        assert q.label_fr and q.label_en, q.name
    for choice_list in questionnaire.choice_lists.values():
        for choice in choice_list.choices:
            assert choice.label_fr and choice.label_en, (choice_list.name, choice.name)


def test_question_details(questionnaire):
    sat = questionnaire.question("satisfaction_parking")
    assert (sat.type, sat.required, sat.constraints) == (INTEGER, False, (Range(1, 5),))
    freq = questionnaire.question("frequency__gare")
    assert (freq.type, freq.choices, freq.required, freq.column, freq.centrality) == (
        SELECT_ONE, "frequency", True, "frequency", "gare")
    missing = questionnaire.question("missing_groups")
    assert (missing.type, missing.constraints) == (
        SELECT_MULTIPLE, (MaxSelected(3), Exclusive("none")))
    children = questionnaire.question("household_children")
    assert children.constraints[1] == LessThan(
        "household_size", "Moins d'enfants que de personnes dans le foyer.",
        "Fewer children than people in the household.")
    assert questionnaire.question("home_commune").constraints[0].regex == \
        "^([0-9]{5}|2[AB][0-9]{3})$"


def test_effective_relevance_combines_groups(questionnaire):
    placed = {p.question.name: p for p in questionnaire.placed_questions()}
    parking = placed["parking_place__gare"]
    assert parking.path == ("habits", "centrality__gare")
    assert parking.relevant.to_xpath() == (
        "((${consent} = 'yes' and selected(${centralities_visited}, 'gare')) and "
        "(${transport_mode__gare} = 'car_driver' or ${transport_mode__gare} = 'motorbike'))")
    answers = {"consent": "yes", "centralities_visited": ("gare",),
               "transport_mode__gare": "car_driver"}
    assert parking.relevant.evaluate(answers) is True
    assert parking.relevant.evaluate(dict(answers, transport_mode__gare="walk")) is False
    assert parking.relevant.evaluate(dict(answers, consent="no")) is False
    assert placed["consent"].relevant is None


def test_conditions_xpath_and_python_agree():
    cases = [
        (Equals("a", "x"), "${a} = 'x'", {"a": "x"}, {"a": "y"}),
        (OneOf("a", ("x", "y")), "(${a} = 'x' or ${a} = 'y')", {"a": "y"}, {"a": "z"}),
        (Selected("m", "x"), "selected(${m}, 'x')", {"m": ("x", "y")}, {"m": None}),
        (Answered("m"), "${m} != ''", {"m": ("x",)}, {"m": None}),
        (Compare("n", "<=", 2), "(${n} != '' and ${n} <= 2)", {"n": 2}, {"n": None}),
        (Not(Equals("a", "x")), "not(${a} = 'x')", {"a": "y"}, {"a": "x"}),
        (All((Equals("a", "x"), Compare("n", ">", 1))),
         "(${a} = 'x' and (${n} != '' and ${n} > 1))", {"a": "x", "n": 2}, {"a": "x", "n": 1}),
    ]
    for condition, xpath, true_answers, false_answers in cases:
        assert condition.to_xpath() == xpath
        assert condition.evaluate(true_answers) is True
        assert condition.evaluate(false_answers) is False


def test_constraints_check():
    assert Range(1, 5).check(6, {}) == ("out_of_range", "value 6 is outside 1..5")
    assert Range(1, 5).check(5, {}) is None
    assert MaxSelected(3).check(("a", "b", "c", "d"), {}) == (
        "too_many_choices", "4 choices selected, at most 3 allowed")
    assert Exclusive("none").check(("none", "a"), {}) == (
        "constraint", "'none' cannot be combined with another choice")
    assert Pattern("^[0-9]{5}$").check("8619", {})[0] == "invalid_format"
    assert LessThan("size").check(3, {"size": 3}) == (
        "constraint", "value 3 must be lower than size (3)")
    assert LessThan("size").check(3, {"size": None}) is None


def test_centralities_accept_objects_and_tuples():
    q = build_questionnaire([Centrality("centre_ville", "Centre-ville", "uuid-1"),
                             ("gare", "Gare")])
    assert [c.uuid for c in q.centralities] == ["uuid-1", None]


def test_bad_centrality_code_is_refused():
    with pytest.raises(ValueError, match="invalid centrality code 'Centre-Ville'"):
        build_questionnaire([("Centre-Ville", "Centre-ville")])


def test_centrality_code_slug():
    assert centrality_code("Centre-ville") == "centre_ville"
    assert centrality_code("Les Couronneries — Saint-Éloi") == "les_couronneries_saint_eloi"
    assert centrality_code("2 Rives") == "c_2_rives"


def test_iris_needs_communes():
    with pytest.raises(ValueError, match="IRIS list needs the list of communes"):
        build_questionnaire(CENTRALITIES, iris=[("861940101", "Centre", "86194")])


def test_table_layout_is_independent_of_the_territory(questionnaire):
    default = table_layout()
    assert table_layout(questionnaire) == default
    other = build_questionnaire([("a", "A")], communes=[("86194", "Poitiers")],
                                iris=[("861940101", "Centre", "86194")])
    assert table_layout(other) == default


def test_table_layout_columns():
    responses, visits, multi = table_layout()
    assert responses.name == "survey_responses"
    assert responses.column_names[:8] == (
        "uuid", "questionnaire_version", "started_at", "ended_at", "submitted_at", "source",
        "source_file", "source_row")
    assert "centralities_visited" not in responses.column_names      # select_multiple
    assert "frequency" not in responses.column_names                 # per centrality
    assert responses.column("household_size").sql() == (
        "household_size INTEGER CHECK (household_size IS NULL OR household_size BETWEEN 1 AND 12)")
    assert responses.column("age_band").domain == "survey_age_band"
    assert responses.column("interview_centrality").domain is None
    # 8 metadata + 32 single-valued questions of 2025.1 + 7 purchase centralities of 2025.2
    assert len(responses.columns) == 47
    follow_up = responses.column("purchase_food_daily_centrality")
    assert (follow_up.sql(), follow_up.domain, follow_up.description) == (
        "purchase_food_daily_centrality TEXT", None,
        "Centrality where the respondent mostly buys: everyday food (bread, meat, fruit and "
        "vegetables) (centrality code, 'elsewhere' otherwise)")
    names = responses.column_names
    assert names.index("purchase_food_daily_centrality") == \
        names.index("purchase_food_daily") + 1
    assert visits.columns_sql() == (
        "uuid TEXT NOT NULL UNIQUE, response_uuid TEXT NOT NULL, centrality_code TEXT NOT NULL, "
        "centrality_uuid TEXT, frequency TEXT, transport_mode TEXT, parking_place TEXT, "
        "parking_search TEXT, UNIQUE (response_uuid, centrality_code)")
    assert multi.columns_sql() == (
        "uuid TEXT NOT NULL UNIQUE, response_uuid TEXT NOT NULL, question TEXT NOT NULL, "
        "centrality_code TEXT, choice TEXT NOT NULL")


def test_purchase_centrality_follow_ups(questionnaire):
    categories = ("food_daily", "food_weekly", "clothing", "home", "culture_leisure",
                  "health_beauty", "restaurants")
    placed = {p.question.name: p for p in questionnaire.placed_questions()}
    purchases = [p.question.name for p in questionnaire.placed_questions()
                 if p.path == ("purchases",)]
    # each "where" question is followed by its "in which centrality"
    assert purchases == [name for c in categories
                         for name in (f"purchase_{c}", f"purchase_{c}_centrality")] + [
        "online_share"]
    q = questionnaire.question("purchase_food_daily_centrality")
    assert (q.type, q.choices, q.required, q.appearance, q.column, q.centrality) == (
        SELECT_ONE, "centrality", False, "minimal", None, None)
    assert q.relevant == OneOf("purchase_food_daily", ("town_centre", "neighbourhood"))
    assert (q.label_fr, q.label_en) == (
        "Alimentation du quotidien (pain, viande, fruits et légumes) : dans quelle "
        "centralité ?", "Everyday food (bread, meat, fruit and vegetables): in which "
        "centrality?")
    restaurants = questionnaire.question("purchase_restaurants_centrality")
    assert (restaurants.label_fr, restaurants.label_en, restaurants.description) == (
        "Restaurants, cafés : dans quelle centralité ?", "Restaurants, cafés: in which "
        "centrality?", "Centrality where the respondent mostly buys: restaurants, cafés "
        "(centrality code, 'elsewhere' otherwise)")
    # the observatory's centralities and "elsewhere"
    assert questionnaire.choice_lists["centrality"].names == ("centre_ville", "gare",
                                                              "elsewhere")
    relevant = placed["purchase_clothing_centrality"].relevant
    assert relevant.to_xpath() == (
        "(${consent} = 'yes' and (${purchase_clothing} = 'town_centre' or "
        "${purchase_clothing} = 'neighbourhood'))")
    for place, shown in (("town_centre", True), ("neighbourhood", True), ("periphery", False),
                         ("online", False), ("other_town", False), (None, False)):
        assert relevant.evaluate({"consent": "yes", "purchase_clothing": place}) is shown
    assert relevant.evaluate({"consent": "no", "purchase_clothing": "town_centre"}) is False


def test_domains():
    found = domains()
    assert found["survey_age_band"][0] == ("15_24", "15 à 24 ans")
    assert "survey_centrality" not in found       # purchase centralities: observatory list
    assert "survey_missing_group" not in found        # select_multiple: child table, no domain
