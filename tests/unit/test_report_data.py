"""What the atlas and the dashboard show, on the hand-counted site of report_site.py; the
definitions table; the sources table."""

import pandas as pd
import pytest

from observatoire_commerce.reporting import atlas_data, definitions, sources
from observatoire_commerce.store import reporting as store

from .report_site import build_report_site


@pytest.fixture
def site(tmp_path):
    conn = build_report_site(tmp_path / "site.gpkg", flows=True, catchments=True, survey=True)
    yield conn
    conn.close()


def rows(frame, *columns):
    return [tuple(r) for r in frame[list(columns)].itertuples(index=False)]


def test_closed_campaigns_by_default(site):
    report = atlas_data.gather(site, atlas_data.Options())
    assert [(c.name, c.included, c.provisional) for c in report.campaigns] == [
        ("Inventaire 2022", True, False), ("Inventaire 2023", True, False),
        ("Inventaire 2024", True, False), ("Inventaire 2025", False, True)]
    assert report.campaigns[-1].completeness == pytest.approx(3 / 9, abs=1e-4)
    assert report.reference.name == "Inventaire 2024"
    assert report.previous.name == "Inventaire 2023"
    assert report.provisional == []
    assert report.parameters["excluded_open"] == ["Inventaire 2025"]
    centre, gare, empty = report.centralities
    assert rows(centre.vacancy, "campaign", "premises", "vacant") == [
        ("Inventaire 2022", 5, 3), ("Inventaire 2023", 5, 2), ("Inventaire 2024", 5, 2)]
    assert [round(r, 2) for r in centre.vacancy["vacancy_rate"]] == [60.0, 40.0, 40.0]
    assert [round(r, 2) for r in gare.vacancy["vacancy_rate"]] == [33.33, 33.33, 0.0]
    assert empty.vacancy["vacancy_rate"].tolist() == [None, None, None]
    assert rows(report.territory_vacancy, "campaign", "premises", "vacant") == [
        ("Inventaire 2022", 9, 4), ("Inventaire 2023", 9, 3), ("Inventaire 2024", 9, 2)]
    assert report.territory_vacancy["vacancy_rate"].iloc[-1] == pytest.approx(200 / 9)
    assert report.territory_vacancy["rate_change"].iloc[-1] == pytest.approx(200 / 9 - 300 / 9)


def test_lists_of_premises(site):
    report = atlas_data.gather(site, atlas_data.Options())
    centre, gare, _empty = report.centralities
    assert rows(centre.changes, "kind", "address", "sign_name", "activity") == [
        ("opening", "4 rue du Test", "Boutique du Centre", "Équipement de la personne"),
        ("closure", "2 rue du Test", "Mode Centre", "Équipement de la personne")]
    assert rows(gare.changes, "kind", "address") == [("opening", "7 rue du Test")]
    assert rows(centre.long_term, "address", "since", "years") == [
        ("1 rue du Test", "Inventaire 2022", 2.0)]
    assert gare.long_term.empty


def test_offer_mix_against_the_territory(site):
    report = atlas_data.gather(site, atlas_data.Options())
    mix = report.centralities[0].mix.set_index("activity_group")
    assert mix.loc["alimentaire", "share"] == pytest.approx(200 / 3)
    assert mix.loc["equipement_personne", "share"] == pytest.approx(100 / 3)
    assert mix.loc["alimentaire", "territory_share"] == pytest.approx(400 / 7)
    assert mix.loc["alimentaire", "label"] == "Alimentaire"
    territory = report.territory_mix.set_index("activity_group")
    assert territory["shops"].sum() == 7
    assert report.centralities[2].mix.empty  # no shop: no mix chart


def test_open_campaign_included_is_provisional(site):
    report = atlas_data.gather(site, atlas_data.Options(include_open=True))
    assert report.reference.name == "Inventaire 2025" and report.reference.provisional
    assert [c.name for c in report.provisional] == ["Inventaire 2025"]
    centre = report.centralities[0]
    last = centre.vacancy.iloc[-1]
    assert (last["campaign"], last["premises"], last["vacant"], bool(last["provisional"]),
            round(last["completeness"], 4)) == ("Inventaire 2025", 5, 3, True, 0.3333)
    assert rows(centre.changes, "kind", "address") == [("closure", "5 rue du Test")]
    assert rows(centre.long_term, "address", "years") == [("1 rue du Test", 2.41)]


def test_campaign_choice_and_refusals(tmp_path, site):
    report = atlas_data.gather(site, atlas_data.Options(campaign="Inventaire 2023"))
    assert report.reference.name == "Inventaire 2023"
    assert [c.included for c in report.campaigns] == [True, True, False, False]
    with pytest.raises(atlas_data.AtlasDataError, match="Unknown campaign Inventaire 1999.*"
                                                        "Inventaire 2022"):
        atlas_data.gather(site, atlas_data.Options(campaign="Inventaire 1999"))
    with pytest.raises(atlas_data.AtlasDataError, match="Inventaire 2025 is still open "
                                                        r"\(33 % visited\)"):
        atlas_data.gather(site, atlas_data.Options(campaign="Inventaire 2025"))
    site.execute("UPDATE campaigns SET state = 'open'")
    with pytest.raises(atlas_data.AtlasDataError, match="Every campaign is still open"):
        atlas_data.gather(site, atlas_data.Options())


def test_chosen_centralities_only_the_territory_unchanged(site):
    report = atlas_data.gather(site, atlas_data.Options(centralities=["Gare", " ", "Centre"]))
    assert [c.name for c in report.centralities] == ["Centre", "Gare"]  # the socle's order
    centre, gare = report.centralities
    assert [round(r, 2) for r in gare.vacancy["vacancy_rate"]] == [33.33, 33.33, 0.0]
    assert rows(report.territory_vacancy, "campaign", "premises", "vacant")[-1] == (
        "Inventaire 2024", 9, 2)                         # every premise, as without a choice
    assert report.parameters["centralities"] == ["Centre", "Gare"]
    assert report.parameters["centralities_total"] == 3
    assert atlas_data.gather(site, atlas_data.Options()).parameters["centralities"] == []
    with pytest.raises(atlas_data.AtlasDataError, match=r"Unknown centrality name\(s\): "
                                                        "Plage, Port. Centralities in the "
                                                        "GeoPackage: =Vide, Centre, Gare."):
        atlas_data.gather(site, atlas_data.Options(centralities=["Gare", "Plage", "Port"]))


def test_indicators_read_back(site):
    report = atlas_data.gather(site, atlas_data.Options())
    centre, gare, _empty = report.centralities
    assert centre.footfall_year == {"year": 2024, "value": 1165.0, "change": 9.4,
                                    "coverage": 95.0}
    months = centre.footfall_months
    assert len(months) == 24 and months["value"].iloc[0] == 1010.0
    assert months[months["year"] == 2024]["value"].iloc[-1] == 1220.0
    assert gare.footfall_year == {} and gare.footfall_months.empty
    assert centre.figures["catchment_population_walk_10min"]["value"] == 5400.0


OFFER = "expect_satisfaction_offer_satisfied__visitors"
PARKING = "expect_satisfaction_parking_satisfied__visitors"
SAFETY = "expect_satisfaction_safety_satisfied__visitors"


def test_survey_figures_follow_the_secrecy_rules(site):
    report = atlas_data.gather(site, atlas_data.Options())
    table = report.centralities[0].expectations.set_index("code")
    # the satisfaction profile of the centrality's visitors (not the missing-group share)
    assert list(table.index) == [OFFER, PARKING, SAFETY]
    assert table.loc[OFFER, "value"] == 72.0
    assert not table.loc[OFFER, "low_precision"]
    assert table.loc[PARKING, "low_precision"] and not table.loc[PARKING, "suppressed"]
    assert table.loc[SAFETY, "suppressed"]
    assert table.loc[SAFETY, ["value", "ci_low", "ci_high"]].isna().all()
    assert table.loc[OFFER, "label"] == "Part de satisfaits : offre commerciale"
    assert table.loc[OFFER, "domain"] == "visiteurs"
    gare = report.centralities[1].expectations
    assert gare["code"].tolist() == ["expect_satisfaction_offer_satisfied__interviewed"]
    assert gare["domain"].tolist() == ["interrogés sur place"]
    stored = report.indicators
    hidden = stored[stored["indicator"] == SAFETY].iloc[0]
    assert (hidden["value"], hidden["ci_low"], hidden["suppressed"]) == (None, None, True)
    footfall = stored[stored["indicator"] == "footfall_yoy"].iloc[0]
    assert not footfall["survey"] and footfall["value"] == 9.4


def test_survey_figures_without_a_count(tmp_path, monkeypatch):
    """A file whose ``indicators`` cannot record respondents (a schema before the survey
    results): a survey figure cannot be checked, never shown. Where the column exists, an
    empty count marks a figure that does not rest on respondents (a rank): shown."""
    priority = "expect_priority_parking__visitors"
    conn = build_report_site(tmp_path / "s.gpkg")
    conn.execute("INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, period, value,"
                 " unit, algorithm, computed_at) VALUES ('u', 'centrality', 'cA', ?, '2024', 70,"
                 " '%', 'observatoire:expectations', '2025')", (priority,))
    conn.execute("INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, period, value,"
                 " unit, algorithm, computed_at) VALUES ('r', 'centrality', 'cA', "
                 "'offer_gap_rank_alimentaire', '2024', 1, 'rank', 'observatoire:offer_gaps', "
                 "'2025')")
    assert store.has_survey_columns(conn)
    report = atlas_data.gather(conn, atlas_data.Options())
    stored = report.indicators.set_index("indicator")
    assert not stored.loc[priority, "suppressed"] and stored.loc[priority, "value"] == 70.0
    rank = stored.loc["offer_gap_rank_alimentaire"]
    assert rank["survey"] and not rank["suppressed"] and rank["value"] == 1.0
    monkeypatch.setattr(store, "has_survey_columns", lambda _conn: False)
    report = atlas_data.gather(conn, atlas_data.Options())
    row = report.centralities[0].expectations.iloc[0]
    assert row["code"] == priority and row["suppressed"] and pd.isna(row["value"])
    stored = report.indicators.set_index("indicator")
    assert stored.loc["offer_gap_rank_alimentaire", "suppressed"]
    conn.close()


def test_store_reads_optional_survey_columns(tmp_path):
    conn = build_report_site(tmp_path / "s.gpkg", catchments=True)
    frame = store.indicators(conn, prefixes=["catchment_"])
    assert frame["indicator"].tolist() == ["catchment_population_walk_5min",
                                           "catchment_population_walk_10min"]
    assert frame["respondents"].tolist() == [None, None]
    assert store.indicators(conn, codes=[]).empty
    assert [s["family"] for s in store.data_sources(conn)] == [
        "centralities", "premises"]
    conn.close()


def test_definitions_of_the_dwell_barometer_and_short_circuit_codes():
    """The codes of issue 15 and the bare short-circuit codes of issue 10 (every code written
    is checked by tests/test_zz_indicator_definitions.py after the whole run)."""
    rotation = definitions.lookup("parking_rotation", "en")
    assert (rotation.theme, rotation.unit, rotation.label) == (
        "mobility", "sessions/space/day", "Parking rotation")
    assert definitions.lookup("dwell_mean_min").label == "Durée moyenne de stationnement"
    share = definitions.lookup("presence_share_residents", "en")
    assert (share.pattern, share.label) == ("presence_share_*", "Share of visitors: residents")
    assert definitions.lookup("activity_index_yoy").unit == "%"
    assert definitions.lookup("event_presence_dwell_difference", "en").unit == "min"
    zone = definitions.lookup("short_circuit_interested__home_zone_86002")
    assert (zone.pattern, zone.label) == (
        "short_circuit_interested",
        "Intéressés par les circuits courts (habitants de la zone 86002)")
    assert definitions.lookup("short_circuit_buyers").known
    assert definitions.lookup("short_circuit_interested_type2", "en").label == (
        "Interested in short circuits, type 2")
    assert not definitions.lookup("short_circuit_interested_x").known


def test_definitions_lookup():
    assert definitions.lookup("vacancy_rate").label == "Taux de vacance"
    assert definitions.lookup("vacancy_rate", "en").definition == (
        "100 × vacant premises / premises observed.")
    share = definitions.lookup("share_alimentaire", "fr", {"alimentaire": "Alimentaire"})
    assert (share.label, share.theme, share.pattern) == (
        "Part de l'activité « Alimentaire »", "offer", "share_*")
    assert definitions.lookup("catchment_population_walk_10min").label == (
        "Population à 10 min à pied")
    assert definitions.lookup("catchment_services_car_2.5min", "en").label == (
        "Services within 2.5 min drive")
    assert definitions.lookup("services_range_proximite").label == (
        "Équipements de la gamme de proximité")
    unknown = definitions.lookup("mystery_code", "en")
    assert (unknown.known, unknown.label) == (False, "mystery_code")
    assert definitions.theme_of(PARKING) == "expectations"
    assert definitions.lookup(PARKING, "en").label == (
        "Share satisfied: parking (visitors)")
    assert definitions.lookup("expect_satisfaction_offer_mean__age_band_15_24").label == (
        "Satisfaction moyenne : offre commerciale (âge 15-24)")
    assert definitions.lookup("purchase_capture_food_daily__home_zone_86194").label == (
        "Taux d'emprise : alimentaire du quotidien (habitants de la zone 86194)")
    assert definitions.lookup("offer_gap_rank_alimentaire").pattern == "offer_gap_rank_*"


def test_definitions_table_refuses_a_bad_row(tmp_path):
    bad = tmp_path / "defs.csv"
    bad.write_text("code,theme,unit,label_fr,label_en,definition_fr,definition_en\n"
                   "x,offer,,X,X,,defined\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2: empty definition_fr"):
        definitions.table(str(bad))


def test_sources_table():
    assert sources.source_info("bpe")["licence"] == "Licence Ouverte 2.0 (Etalab)"
    assert sources.source_info("OSM", "en")["label"] == "© OpenStreetMap contributors"
    own = sources.source_info("compteurs_ville.csv")
    assert (own["label"], own["known"]) == ("compteurs_ville.csv", False)
    assert own["licence"] == "Licence à préciser par le producteur"
    assert own["licence_id"] == ""
    assert sources.source_info("osm")["licence_id"] == "odbl-1.0"
    assert sources.source_info("BNLC", "en")["licence"] == "ODbL 1.0"
    assert [code for code in ("bpe", "OSM", "bnlc", "demo", "inventory", "kobo", "", None,
                              "compteurs_ville.csv") if sources.is_open(code)] == [
        "bpe", "OSM", "bnlc", "demo", "inventory"]


def test_every_recorded_licence_id_is_one_of_the_open_licences():
    ids = {row["licence_id"] for row in sources.table().values()}
    assert ids - {""} <= set(sources.OPEN_LICENCES)
