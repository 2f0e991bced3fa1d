"""The open-data export on the hand-built socle of ``publication_site`` (expected values read
off its docstring): a valid Frictionless package, national resources valid against the
national schemas, nothing that must stay in the socle anywhere in it, statistical secrecy,
daily counts computed by hand, metadata on every resource, and the failure paths."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from observatoire_commerce.reporting.open_data import (
    OpenDataError,
    OpenDataSettings,
    write_open_data,
)
from observatoire_commerce.reporting.open_data_schemas import NATIONAL, SCHEMAS_DIR
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.campaigns import CampaignLookupError

from ..conftest import validate_gpkg
from .publication_site import SECRETS, build_socle

SIRET = "21860194700013"
EXTRACTED = dt.date(2025, 1, 31)


@pytest.fixture(scope="module")
def socle(tmp_path_factory):
    path = tmp_path_factory.mktemp("socle") / "socle.gpkg"
    ids = build_socle(path)
    return path, ids


@pytest.fixture(scope="module")
def export(socle, tmp_path_factory):
    path, ids = socle
    folder = tmp_path_factory.mktemp("od") / "open_data"
    conn = observatory.open_observatory(path)
    try:
        # the town's own counters (no licence recorded): it declares the right to publish them
        result = write_open_data(conn, folder, OpenDataSettings(
            producer="Ville-Test (service SIG)", operator_siret=SIRET, extracted=EXTRACTED,
            include_not_open=True))
    finally:
        conn.close()
    return result, ids


def table(result, name) -> list:
    with open(result.folder / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def package(result) -> dict:
    return json.loads(result.datapackage.read_text(encoding="utf-8"))


def test_package_validates_with_frictionless(export):
    frictionless = pytest.importorskip(
        "frictionless", reason="frictionless is not installed (requirements/dev.txt)")
    result, _ids = export
    report = frictionless.validate(str(result.datapackage))
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, errors
    names = [t.name for t in report.tasks]
    assert names[:12] == ["premises", "services", "producers", "markets", "centralities",
                          "indicators", "survey_indicators", "counting_sites",
                          "counting_channels", "counts_daily", "parkings", "carpool_areas"]
    assert "geometries_gpkg" in names and "premises_geojson" in names


def test_national_resources_follow_the_national_schemas(export, shared_data):
    """The schemas shipped are the national ones, and each national resource validates
    against the original file in ../shared/data/schemas."""
    frictionless = pytest.importorskip("frictionless")
    result, _ids = export
    for name, (schema_file, _title) in NATIONAL.items():
        original = shared_data / "schemas" / schema_file
        assert json.loads((SCHEMAS_DIR / schema_file).read_text(encoding="utf-8")) \
            == json.loads(original.read_text(encoding="utf-8"))
        resource = frictionless.Resource(
            path=f"data/{name}.csv", basepath=str(result.folder),
            schema=frictionless.Schema.from_descriptor(
                json.loads(original.read_text(encoding="utf-8"))))
        report = resource.validate()
        assert report.valid, (name, [e.note for t in report.tasks for e in t.errors])
        descriptor = next(r for r in package(result)["resources"] if r["name"] == name)
        assert descriptor["schema"] == f"schemas/{schema_file}"


def test_nothing_that_must_stay_in_the_socle_is_anywhere_in_the_package(export):
    result, _ids = export
    files = [p for p in result.folder.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} == {".json", ".md", ".csv", ".geojson", ".gpkg"}
    for path in files:
        data = path.read_bytes()
        for kind, text in SECRETS.items():
            assert text.encode("utf-8") not in data, f"{kind} ({text!r}) found in {path}"
    for path in (result.folder / "data").glob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert not {"agent", "notes", "photo", "comments", "assigned_agent"} & set(header)


def test_premises_of_the_latest_closed_campaign_with_non_public_sign_blanked(export):
    result, ids = export
    rows = table(result, "premises")
    assert [r["premise_id"] for r in rows] == [ids["p1"], ids["p2"], ids["p3"], ids["p4"]]
    assert {r["campaign"] for r in rows} == {"Inventaire 2024"}
    by_id = {r["premise_id"]: r for r in rows}
    assert by_id[ids["p1"]]["sign_name"] == "Boulangerie Martin"
    assert by_id[ids["p1"]]["activity_group_label"] == "Alimentaire"
    assert by_id[ids["p1"]]["naf_code"] == "10.71C"
    assert by_id[ids["p2"]]["sign_name"] == ""          # SIRENE partial diffusion
    assert by_id[ids["p2"]]["activity_group"] == "hygiene_sante_beaute"
    assert by_id[ids["p3"]]["status"] == "vacant"
    assert by_id[ids["p3"]]["status_label"] == "Vacant"
    assert [by_id[ids[k]]["centrality_code"] for k in ("p1", "p2", "p3", "p4")] == [
        "centre", "centre", "gare", ""]
    assert by_id[ids["p1"]]["ground_floor"] == "true"
    assert result.names_withheld == 1
    assert result.diffusion_recorded


def test_offer_tables(export):
    result, _ids = export
    services = table(result, "services")
    assert [(r["typequ"], r["vintage"], r["centrality_code"]) for r in services] == [
        ("B207", "2021", "centre"), ("A206", "2021", "gare")]
    assert services[0]["domain_label"] == "Commerces"
    (producer,) = table(result, "producers")
    assert producer["products"] == "legumes;oeufs"
    assert producer["products_labels"] == "Légumes; Œufs"
    assert producer["sales_modes_labels"] == "Vente à la ferme; Marché"
    assert producer["organic"] == "true"
    (market,) = table(result, "markets")
    assert (market["days"], market["hours"], market["sessions_per_week"]) == (
        "mardi;samedi", "7 h 30 – 13 h", "2")
    centralities = table(result, "centralities")
    assert [(c["centrality_code"], c["area_ha"]) for c in centralities] == [
        ("centre", "4"), ("gare", "4")]          # 200 m × 200 m = 4 ha


def test_latest_indicators_per_kind_of_period(export):
    result, _ids = export
    rows = [(r["centrality_code"], r["indicator"], r["period"], r["period_kind"], r["value"])
            for r in table(result, "indicators")]
    assert rows == [
        ("centre", "vacancy_rate", "Inventaire 2024", "campaign", "10"),
        ("centre", "footfall_mean_daily", "2024", "year", "1000"),
        ("centre", "footfall_mean_daily", "2024-12", "month", "1100"),
    ]


def test_survey_figures_only_with_eleven_respondents_or_more(export):
    result, _ids = export
    rows = table(result, "survey_indicators")
    assert [(r["scope"], r["centrality_code"], r["value"], r["respondents"], r["ci_low"],
             r["ci_high"], r["low_precision"]) for r in rows] == [
        ("centrality", "centre", "3.6", "42", "3.3", "3.9", "false"),
        ("territory", "", "3.4", "25", "3", "3.8", "true"),
    ]
    assert all(int(r["respondents"]) >= 11 for r in rows)
    assert result.withheld_survey_figures == 2     # Gare (8 respondents), online share (none)
    assert "3.1" not in (result.folder / "data" / "survey_indicators.csv").read_text()


def test_counts_aggregated_to_the_local_day(export):
    result, _ids = export
    rows = [(r["channel_id"], r["start_datetime"], r["end_datetime"], r["count"])
            for r in table(result, "counts_daily")]
    assert rows == [
        ("C1", "2024-03-30T00:00:00+01:00", "2024-03-31T00:00:00+01:00", "300"),
        ("C1", "2024-03-31T00:00:00+01:00", "2024-04-01T00:00:00+02:00", "230"),
        ("C1", "2024-04-01T00:00:00+02:00", "2024-04-02T00:00:00+02:00", ""),
        ("C1", "2024-04-02T00:00:00+02:00", "2024-04-03T00:00:00+02:00", ""),
    ]
    (channel,) = table(result, "counting_channels")
    assert (channel["channel_id"], channel["time_step"], channel["started_at"]) == (
        "C1", "86400", "2024-03-29T23:00:00Z")
    assert [s["site_id"] for s in table(result, "counting_sites")] == ["S1", "S2"]
    assert any("C2" in w and "temporality" in w for w in result.warnings)


def test_parkings_and_carpool_areas_in_their_national_schemas(export):
    result, _ids = export
    (park,) = table(result, "parkings")
    assert (park["id"], park["num_siret"], park["hauteur_max"], park["gratuit"],
            park["type_usagers"], park["nb_places"], park["tarif_1h"]) == (
        "86194-P-001", SIRET, "N/A", "false", "tous", "300", "1.5")
    assert any("86194-P-002" in w and "type_usagers" in w for w in result.warnings)
    (area,) = table(result, "carpool_areas")
    assert (area["id_lieu"], area["type"], area["ouvert"]) == (
        "86194-C-001", "Aire de covoiturage", "true")
    assert any("86194-C-002" in w and "date_maj" in w for w in result.warnings)


def test_every_resource_carries_licence_producer_period_and_extraction_date(export):
    result, _ids = export
    descriptor = package(result)
    assert descriptor["licenses"][0]["name"] == "etalab-2.0"
    for resource in descriptor["resources"]:
        assert resource["producer"] == "Ville-Test (service SIG)", resource["name"]
        assert resource["extracted"] == "2025-01-31", resource["name"]
        assert resource["period"], resource["name"]
        # car parks from OpenStreetMap and BNLC carpool areas: ODbL (share-alike)
        expected = "odbl-1.0" if resource["name"].startswith(("carpool", "parkings")) \
            else "etalab-2.0"
        assert resource["licenses"][0]["name"] == expected, resource["name"]
    periods = {r["name"]: r["period"] for r in descriptor["resources"]}
    assert periods["premises"] == {"start": "2024-10-01", "end": "2024-11-30",
                                   "label": "Inventaire 2024"}
    assert periods["counts_daily"] == {"start": "2024-03-30", "end": "2024-04-02"}
    assert periods["indicators"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert periods["survey_indicators"] == {"start": "2025-01-01", "end": "2025-12-31"}


def test_geometries_in_geojson_and_a_valid_geopackage(export):
    result, ids = export
    layer = json.loads((result.folder / "geo" / "premises.geojson").read_text("utf-8"))
    first = layer["features"][0]
    assert first["id"] == ids["p1"]
    lon, lat = first["geometry"]["coordinates"]
    assert 0.2 < lon < 0.5 and 46.5 < lat < 46.8      # Lambert-93 (497 050, 6 610 050)
    assert first["properties"]["ground_floor"] is True
    validate_gpkg(result.folder / "geo" / "observatoire.gpkg")
    conn = gpkg.connect(result.folder / "geo" / "observatoire.gpkg")
    try:
        layers = {r[0]: r[1] for r in conn.execute(
            "SELECT table_name, srs_id FROM gpkg_contents")}
        assert layers == dict.fromkeys(["premises", "services", "producers", "markets",
                                        "centralities", "counting_sites", "parkings",
                                        "carpool_areas"], 2154)
        assert conn.execute("SELECT count(*) FROM premises").fetchone()[0] == 4
    finally:
        conn.close()


def test_flows_only_when_asked_and_car_parks_need_the_operator_siret(socle, tmp_path):
    path, _ids = socle
    conn = observatory.open_observatory(path)
    try:
        result = write_open_data(conn, tmp_path / "a", OpenDataSettings(
            producer="Ville-Test", flows=["carpool", "parkings"], extracted=EXTRACTED))
    finally:
        conn.close()
    assert "counts_daily" not in result.rows and "parkings" not in result.rows
    assert result.rows["carpool_areas"] == 1
    assert any("OPERATOR_SIRET" in w for w in result.warnings)


def test_export_again_into_the_same_folder_replaces_it(socle, tmp_path):
    path, _ids = socle
    conn = observatory.open_observatory(path)
    try:
        settings = OpenDataSettings(producer="Ville-Test", flows=[], extracted=EXTRACTED)
        first = write_open_data(conn, tmp_path / "od", settings)
        second = write_open_data(conn, tmp_path / "od", settings)
    finally:
        conn.close()
    assert sorted(p.name for p in first.files) == sorted(p.name for p in second.files)


@pytest.mark.parametrize(("settings", "message"), [
    ({"producer": " "}, "producer"),
    ({"producer": "V", "licence": "wtfpl"}, "unknown licence 'wtfpl'"),
    ({"producer": "V", "operator_siret": "1234"}, "14 digits, got '1234'"),
    ({"producer": "V", "flows": ["bikes"]}, "unknown flow(s) bikes"),
])
def test_bad_settings_are_refused_before_anything_is_written(socle, tmp_path, settings,
                                                             message):
    path, _ids = socle
    conn = observatory.open_observatory(path)
    try:
        with pytest.raises(OpenDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
            write_open_data(conn, tmp_path / "out", OpenDataSettings(**settings))
    finally:
        conn.close()
    assert not (tmp_path / "out").exists()


def test_a_foreign_folder_is_never_overwritten(socle, tmp_path):
    path, _ids = socle
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "keep.txt").write_text("precious")
    conn = observatory.open_observatory(path)
    try:
        with pytest.raises(OpenDataError, match="not empty and holds no earlier open-data"):
            write_open_data(conn, folder, OpenDataSettings(producer="V"))
    finally:
        conn.close()
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_without_a_closed_campaign_or_with_an_unknown_one(socle, tmp_path):
    empty = tmp_path / "empty.gpkg"
    observatory.create_observatory(empty, "Vide", 2154)
    conn = observatory.open_observatory(empty)
    try:
        with pytest.raises(OpenDataError, match="no closed inventory campaign"):
            write_open_data(conn, tmp_path / "a", OpenDataSettings(producer="V"))
    finally:
        conn.close()
    path, _ids = socle
    conn = observatory.open_observatory(path)
    try:
        with pytest.raises(CampaignLookupError, match="Inventaire 2023, Inventaire 2024"):
            write_open_data(conn, tmp_path / "b", OpenDataSettings(producer="V",
                                                                   campaign="Inventaire 1999"))
    finally:
        conn.close()
    assert not Path(tmp_path / "b").exists()


# ------------------------------------------------------------- licences of the flows' sources

def export_with(socle, folder, sql=(), **settings) -> object:
    """Export a copy of the socle after ``sql`` (statements) with ``settings``."""
    import shutil

    path, _ids = socle
    copy = folder / "copy.gpkg"
    shutil.copy(path, copy)
    conn = observatory.open_observatory(copy)
    try:
        for statement in sql:
            conn.execute(statement)
        return write_open_data(conn, folder / "od", OpenDataSettings(
            producer="Ville-Test", operator_siret=SIRET, extracted=EXTRACTED,
            language="en", **settings))
    finally:
        conn.close()


OPEN = "etalab-2.0, odbl-1.0, cc-by-4.0, cc0-1.0, etalab-1.0"


def test_flows_whose_source_has_no_licence_are_left_out_by_default(socle, tmp_path):
    result = export_with(socle, tmp_path)
    assert result.flows_left_out == ["counts"]
    assert result.licence_messages == [
        "Counting sites and daily counts not published: the licence of source "
        "compteurs_ville.csv (no licence recorded) is not one of the open licences "
        f"({OPEN}). List the source with its licence in the plugin's "
        "resources/reporting/sources.csv, or tick INCLUDE_NOT_OPEN (publish anyway) if you "
        "hold the right to publish them under Licence Ouverte 2.0 (Etalab)."]
    names = [r["name"] for r in package(result)["resources"]]
    assert not {"counting_sites", "counting_channels", "counts_daily",
                "counting_sites_geojson"} & set(names)
    assert not (result.folder / "data" / "counts_daily.csv").exists()
    # osm car parks and bnlc carpool areas: open (ODbL), published under the ODbL
    assert result.rows["parkings"] == 1 and result.rows["carpool_areas"] == 1
    licences = {r["name"]: r["licenses"][0]["name"] for r in package(result)["resources"]}
    assert licences["parkings"] == licences["parkings_geojson"] == "odbl-1.0"
    assert licences["premises"] == "etalab-2.0"
    readme = (result.folder / "LISEZMOI.md").read_text(encoding="utf-8")
    assert "## Flux non publiés" in readme and "sites et comptages piétons." in readme
    assert not any("Publié sur déclaration" in n for r in package(result)["resources"]
                   for n in r.get("notes", []))


def test_sources_missing_or_not_open_are_named_with_their_licence(socle, tmp_path):
    result = export_with(socle, tmp_path, sql=(
        "UPDATE counting_sites SET source = NULL", "UPDATE counting_channels SET source = ''",
        "UPDATE parkings SET source = 'kobo' WHERE parking_id = '86194-P-002'"))
    assert result.flows_left_out == ["counts", "parkings"]
    assert [m.split(" is not one")[0] for m in result.licence_messages] == [
        "Counting sites and daily counts not published: the licence of source (rows without "
        "a source; no licence recorded)",
        "Car parks not published: the licence of source kobo (licence: Individual answers "
        "never published)"]
    assert "parkings" not in result.rows and "counts_daily" not in result.rows
    assert result.rows["carpool_areas"] == 1


def test_on_the_users_declaration_every_flow_is_published_with_a_note(socle, tmp_path):
    result = export_with(socle, tmp_path, include_not_open=True, licence="cc-by-4.0")
    assert result.flows_left_out == []
    assert result.licence_messages == [
        "Counting sites and daily counts published on your declaration that you hold the "
        "right to publish them under Creative Commons Attribution 4.0: source "
        "compteurs_ville.csv (no licence recorded)."]
    assert result.rows["counts_daily"] == 4
    resources = {r["name"]: r for r in package(result)["resources"]}
    note = ("Publié sur déclaration du producteur qu'il détient le droit de le diffuser sous "
            "cette licence (source sans licence ouverte enregistrée : compteurs_ville.csv)")
    for name in ("counting_sites", "counting_channels", "counts_daily",
                 "counting_sites_geojson"):
        assert note in resources[name].get("notes", []), name
        assert resources[name]["licenses"][0]["name"] == "cc-by-4.0"
    assert note not in resources["parkings"].get("notes", [])
    assert resources["parkings"]["licenses"][0]["name"] == "odbl-1.0"


def test_flow_sources_in_the_order_met(socle, tmp_path):
    import shutil

    from observatoire_commerce.reporting.open_data_licences import flow_sources

    path, _ids = socle
    shutil.copy(path, tmp_path / "copy.gpkg")
    conn = observatory.open_observatory(tmp_path / "copy.gpkg")
    try:
        conn.execute("UPDATE counting_channels SET source = 'bpe' WHERE channel_id = 'C2'")
        conn.execute("UPDATE counting_sites SET source = ' ' WHERE site_id = 'S2'")
        assert flow_sources(conn, "counts") == ["compteurs_ville.csv", None, "bpe"]
        assert flow_sources(conn, "parkings") == ["osm"]
        conn.execute("UPDATE parkings SET kind = 'on_street', source = 'x'")
        assert flow_sources(conn, "parkings") == []    # only off-street car parks publish
    finally:
        conn.close()
