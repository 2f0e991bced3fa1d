"""reporting.web_map: the data contract of the citizens' web map (no browser here; see
test_web_map_browser.py). Expected values are read off tests/data/web_map/fixture.json."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest

from observatoire_commerce.reporting.web_map import (
    FORBIDDEN,
    WebMapError,
    is_forbidden,
    read_site_data,
    simplify,
    write_web_map,
)

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "web_map" / "fixture.json"


@pytest.fixture
def inputs() -> dict:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data.pop("_comment")
    return data


def write(folder, data, **kwargs):
    return write_web_map(folder, places=data["places"], centralities=data["centralities"],
                         background=data["background"], meta=data["meta"], **kwargs)


def all_keys(value) -> set:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in all_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in all_keys(v)}
    return set()


def test_site_files_and_counts(tmp_path, inputs):
    result = write(tmp_path / "web", inputs)
    assert result.counts == {"shop": 9, "service": 2, "producer": 2, "market": 2}
    assert result.index == tmp_path / "web" / "index.html"
    names = {p.relative_to(tmp_path / "web").as_posix() for p in result.files}
    assert {"index.html", "app.js", "style.css", "vendor/leaflet/leaflet.js",
            "vendor/leaflet/leaflet.css", "vendor/leaflet/LICENSE", "data/site.js",
            "data/places.js", "data/centralities.js", "data/background.js"} <= names
    assert result.ignored_fields == []
    html = result.index.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    for name in ("site", "centralities", "background", "places"):
        assert f'<script src="data/{name}.js" defer></script>' in html


def test_site_metadata_groups_and_bounds(tmp_path, inputs):
    write(tmp_path / "web", inputs)
    site = read_site_data(tmp_path / "web")["site"]
    assert site["territory"] == "Ville-Test"
    assert site["extracted"] == "2025-03-14"
    assert site["licence"] == "Licence Ouverte 2.0"
    assert site["licence_url"].startswith("https://www.etalab.gouv.fr/")
    assert site["sources"][0] == {"name": "Inventaire des commerces 2024 (Ville-Test)"}
    assert site["language"] == "fr"
    assert "tile" not in site
    # groups in the nomenclature's order, labelled from it, with their shop counts
    assert [(g["code"], g["label"], g["count"]) for g in site["groups"]] == [
        ("alimentaire", "Alimentaire", 3),
        ("equipement_personne", "Équipement de la personne", 1),
        ("culture_loisirs", "Culture-loisirs", 1),
        ("hygiene_sante_beaute", "Hygiène-santé-beauté", 1),
        ("cafes_hotels_restaurants", "Cafés-hôtels-restaurants", 2),
        ("automobile", "Automobile", 1),
    ]
    assert site["groups"][0]["colour"] == "#b2182b"
    # south-west and north-east corners of the places and outlines
    assert site["bounds"] == [[46.57, 0.318], [46.595, 0.362]]


def test_places_are_written_by_contract(tmp_path, inputs):
    inputs["places"][0]["lon"] = 0.342101234567  # rounded to 6 decimals
    write(tmp_path / "web", inputs)
    features = {f["id"]: f for f in read_site_data(tmp_path / "web")["places"]["features"]}
    assert list(features) == [p["id"] for p in inputs["places"]]
    assert features["s1"]["geometry"] == {"type": "Point", "coordinates": [0.342101, 46.5821]}
    assert features["s1"]["properties"] == {
        "kind": "shop", "name": "Boulangerie du Marché", "group": "alimentaire",
        "centrality": "centre", "address": "3 place du Marché", "street": "place du Marché"}
    assert features["p1"]["properties"]["products"] == ["Légumes", "Œufs"]
    assert features["p1"]["properties"]["sales_modes"] == ["Vente à la ferme", "Marché"]
    assert features["p1"]["properties"]["organic"] is True
    assert features["p2"]["properties"]["organic"] is False
    assert features["m1"]["properties"]["days"] == ["mardi", "samedi"]
    assert features["m1"]["properties"]["hours"] == "7 h 30 – 13 h"
    assert "centrality" not in features["p1"]["properties"]


def test_centralities_and_key_figures(tmp_path, inputs):
    write(tmp_path / "web", inputs)
    centre, gare = read_site_data(tmp_path / "web")["centralities"]["features"]
    assert centre["id"] == "centre"
    assert centre["properties"]["name"] == "Centre-ville"
    assert centre["properties"]["level_label"] == "Centralité principale"
    assert gare["properties"]["level_label"] == "Centralité secondaire"
    assert centre["geometry"]["type"] == "MultiPolygon"
    assert centre["geometry"]["coordinates"][0][0][:2] == [[0.34, 46.58], [0.346, 46.58]]
    assert centre["properties"]["figures"] == [
        {"label": "Taux de vacance commerciale", "value": 8.5, "unit": "%", "period": "2024",
         "decimals": 1},
        {"label": "Passages piétons par jour (moyenne)", "value": 12400, "period": "2024"},
        {"text": "Le centre-ville accueille un marché deux fois par semaine."},
        {"label": "Part des habitants satisfaits de l'offre", "value": 72, "unit": "%",
         "respondents": 24, "low_precision": True},
    ]
    assert gare["properties"]["figures"] == []


def test_background_roads_merged_by_drawing_class(tmp_path, inputs):
    write(tmp_path / "web", inputs)
    features = read_site_data(tmp_path / "web")["background"]["features"]
    parts = {f["properties"]["class"]: len(f["geometry"]["coordinates"]) for f in features}
    # primary → major; secondary, tertiary → medium; residential → minor;
    # pedestrian, track → path
    assert parts == {"major": 1, "medium": 2, "minor": 4, "path": 2}


def test_simplify_drops_vertices_within_the_tolerance():
    line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 1.0]]
    assert simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [3.0, 1.0]]
    assert simplify(line, 0.0001) == line
    assert simplify(line[:2], 10.0) == line[:2]


def test_dataframes_with_missing_values(tmp_path, inputs):
    places = pd.DataFrame(inputs["places"])  # NaN wherever a place lacks a field
    places["fid"] = range(len(places))  # not in the contract: ignored, reported
    result = write_web_map(tmp_path / "web", places=places,
                           centralities=pd.DataFrame(inputs["centralities"]),
                           background=pd.DataFrame(inputs["background"]), meta=inputs["meta"])
    assert result.counts == {"shop": 9, "service": 2, "producer": 2, "market": 2}
    assert result.ignored_fields == ["fid"]
    features = read_site_data(tmp_path / "web")["places"]["features"]
    assert features[0]["properties"] == {
        "kind": "shop", "name": "Boulangerie du Marché", "group": "alimentaire",
        "centrality": "centre", "address": "3 place du Marché", "street": "place du Marché"}


def test_tile_url_goes_to_the_site_config(tmp_path, inputs):
    write(tmp_path / "web", inputs, tile_url="https://tiles.example.org/{z}/{x}/{y}.png",
          tile_attribution="© contributeurs OpenStreetMap")
    assert read_site_data(tmp_path / "web")["site"]["tile"] == {
        "url": "https://tiles.example.org/{z}/{x}/{y}.png",
        "attribution": "© contributeurs OpenStreetMap"}
    with pytest.raises(WebMapError, match=r"must start with https:// and contain \{z\}"):
        write(tmp_path / "web2", inputs, tile_url="tiles.example.org/{z}/{x}.png")


# --------------------------------------------------------------------------- never published

@pytest.mark.parametrize("key", ["agent", "agent_name", "notes", "photo", "survey_answers",
                                 "respondent_id", "Notes", "photo_path"])
def test_forbidden_fields_of_places_are_refused_before_writing(tmp_path, inputs, key):
    inputs["places"][3][key] = "Jeanne Dupont"
    folder = tmp_path / "web"
    with pytest.raises(WebMapError, match=rf"places, row 4: field\(s\) '{key}' are never "
                                          r"published on the web map"):
        write(folder, inputs)
    assert not folder.exists()


def test_forbidden_columns_of_a_dataframe_are_refused(tmp_path, inputs):
    places = pd.DataFrame(inputs["places"]).assign(agent=None, notes=None)
    with pytest.raises(WebMapError, match=r"places: field\(s\) 'agent', 'notes' are never"):
        write_web_map(tmp_path / "web", places=places, centralities=inputs["centralities"],
                      background=inputs["background"], meta=inputs["meta"])


@pytest.mark.parametrize("where", ["centrality", "figure", "meta", "background"])
def test_forbidden_fields_are_refused_everywhere(tmp_path, inputs, where):
    if where == "centrality":
        inputs["centralities"][1]["notes"] = "à revoir"
    elif where == "figure":
        inputs["centralities"][0]["figures"][0]["answers"] = [3, 4]
    elif where == "meta":
        inputs["meta"]["agent"] = "Jeanne Dupont"
    else:
        inputs["background"][0]["comment"] = "relevé par J. D."
    with pytest.raises(WebMapError, match="never published on the web map"):
        write(tmp_path / "web", inputs)
    assert not (tmp_path / "web").exists()


def test_nothing_forbidden_is_written(tmp_path, inputs):
    write(tmp_path / "web", inputs)
    keys = all_keys(read_site_data(tmp_path / "web"))
    assert not [k for k in keys if is_forbidden(k)]
    assert "agent" in FORBIDDEN and is_forbidden("Photo_2024") and not is_forbidden("name")


def test_survey_figure_under_eleven_respondents_is_refused(tmp_path, inputs):
    inputs["centralities"][0]["figures"][3]["respondents"] = 10
    with pytest.raises(WebMapError, match="rests on 10 respondents; survey figures under 11 "
                                          "respondents are never published"):
        write(tmp_path / "web", inputs)


# --------------------------------------------------------------------------- clear errors

def _place(inputs, **changes):
    data = copy.deepcopy(inputs)
    data["places"][1].update(changes)
    return data


@pytest.mark.parametrize(("changes", "message"), [
    ({"id": None}, r"places, row 2: field id is required"),
    ({"id": "s1"}, r"places, row 2 \(s1\): id 's1' is already used by row 1"),
    ({"kind": "shops"}, r"row 2 \(s2\): field kind must be one of shop, service, producer, "
                        r"market, got 'shops'"),
    ({"lon": 497000.0, "lat": 6610000.0}, r"row 2 \(s2\): lon = 497000.0 is not a WGS 84 "
                                          r"coordinate .* reproject to EPSG:4326 first"),
    ({"lat": None}, r"row 2 \(s2\): field lat must be a WGS 84 coordinate in degrees"),
    ({"centrality": "halles"}, r"row 2 \(s2\): centrality 'halles' is not among the "
                               r"centralities given \(known: centre, gare\)"),
    ({"days": "mardi;sam."}, r"row 2 \(s2\): field days holds 'sam.'; expected French "
                             r"weekday names"),
    ({"organic": "peut-être"}, r"row 2 \(s2\): field organic must be yes/no"),
    ({"group_label": "Alimentation"}, r"row 2 \(s2\): group 'alimentaire' is labelled "
                                      r"'Alimentation' here and 'Alimentaire' on row 1"),
])
def test_place_errors_name_row_field_and_value(tmp_path, inputs, changes, message):
    data = _place(inputs, **changes)
    if "group_label" in changes:
        data["places"][0]["group_label"] = "Alimentaire"
    with pytest.raises(WebMapError, match=message):
        write(tmp_path / "web", data)
    assert not (tmp_path / "web").exists()


def test_unknown_centrality_with_a_name_is_added(tmp_path, inputs):
    write(tmp_path / "web", _place(inputs, centrality="halles", centrality_name="Les Halles"))
    features = read_site_data(tmp_path / "web")["centralities"]["features"]
    assert features[-1] == {"type": "Feature", "id": "halles", "geometry": None,
                            "properties": {"name": "Les Halles", "figures": []}}


@pytest.mark.parametrize(("meta", "message"), [
    ({"territory": ""}, r"meta: field territory is required"),
    ({"extracted": "14/03/2025"}, r"meta: field extracted \(date of extraction\) must be a "
                                  r"date YYYY-MM-DD, got '14/03/2025'"),
    ({"language": "de"}, r"meta: language 'de' is not available \(available: fr\)"),
])
def test_meta_errors(tmp_path, inputs, meta, message):
    inputs["meta"].update(meta)
    with pytest.raises(WebMapError, match=message):
        write(tmp_path / "web", inputs)


def test_centrality_errors(tmp_path, inputs):
    inputs["centralities"][1]["outline"] = {"type": "Point", "coordinates": [0.3, 46.5]}
    with pytest.raises(WebMapError, match=r"centralities, row 2 \(gare\): expected a GeoJSON "
                                          r"geometry of type Polygon / MultiPolygon"):
        write(tmp_path / "web", inputs)
    inputs["centralities"][1]["outline"] = None
    inputs["centralities"][1]["figures"] = [{"label": "Vacance"}]
    with pytest.raises(WebMapError, match=r"a key figure needs either text, or label and "
                                          r"value"):
        write(tmp_path / "web", inputs)
    inputs["centralities"][1]["figures"] = [{"label": "Vacance", "value": float("inf")}]
    with pytest.raises(WebMapError, match=r"\(gare\): field value must be a finite number, "
                                          r"got inf"):
        write(tmp_path / "web", inputs)
    inputs["centralities"][1]["figures"] = [{"text": "Satisfaits.", "respondents": "beaucoup"}]
    with pytest.raises(WebMapError, match=r"field respondents must be a finite number"):
        write(tmp_path / "web", inputs)


# --------------------------------------------------------------------------- the folder

def test_a_foreign_folder_is_never_overwritten(tmp_path, inputs):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "rapport.odt").write_text("x")
    with pytest.raises(WebMapError, match="is not empty and holds no earlier web map"):
        write(folder, inputs)
    assert [p.name for p in folder.iterdir()] == ["rapport.odt"]


def test_an_earlier_web_map_is_replaced(tmp_path, inputs):
    folder = tmp_path / "web"
    write(folder, inputs)
    (folder / "CNAME").write_text("carte.ville-test.fr")  # the host's file stays
    (folder / "data" / "old.js").write_text("stale")
    inputs["places"] = inputs["places"][:3]
    result = write(folder, inputs)
    assert result.counts == {"shop": 3, "service": 0, "producer": 0, "market": 0}
    assert (folder / "CNAME").is_file()
    assert not (folder / "data" / "old.js").exists()
    assert len(read_site_data(folder)["places"]["features"]) == 3
