"""The web map read from the socle (reporting.web_map_socle) on the hand-built socle of
``publication_site``: occupied premises of the latest closed campaign, names of non-public
sole traders left out, key figures in French, survey figures only from 11 respondents,
nothing that must stay in the socle anywhere in the site."""

from __future__ import annotations

import datetime as dt

import pytest

from observatoire_commerce.reporting.open_data_rows import OpenDataError
from observatoire_commerce.reporting.web_map import read_site_data
from observatoire_commerce.reporting.web_map_socle import export_web_map
from observatoire_commerce.store import observatory

from .publication_site import SECRETS, build_socle


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("socle") / "socle.gpkg"
    ids = build_socle(path)
    folder = tmp_path_factory.mktemp("web") / "site"
    conn = observatory.open_observatory(path)
    try:
        result = export_web_map(conn, folder, producer="Ville-Test",
                                extracted=dt.date(2025, 1, 31))
    finally:
        conn.close()
    return result, read_site_data(folder), ids


def test_places_are_the_occupied_premises_of_the_latest_closed_campaign(site):
    result, data, ids = site
    assert result.counts == {"shop": 3, "service": 2, "producer": 1, "market": 1}
    shops = {f["id"]: f["properties"] for f in data["places"]["features"]
             if f["properties"]["kind"] == "shop"}
    assert set(shops) == {ids["p1"], ids["p2"], ids["p4"]}
    assert shops[ids["p1"]]["name"] == "Boulangerie Martin"
    assert shops[ids["p1"]]["group"] == "alimentaire"
    assert shops[ids["p1"]]["category"] == "Boulangerie et boulangerie-pâtisserie"
    assert [(g["code"], g["label"], g["count"]) for g in data["site"]["groups"]] == [
        ("alimentaire", "Alimentaire", 1), ("hygiene_sante_beaute", "Hygiène-santé-beauté", 1),
        ("automobile", "Automobile", 1)]
    assert shops[ids["p1"]]["centrality"] == "centre"
    assert "name" not in shops[ids["p2"]]          # sole trader, SIRENE partial diffusion
    assert "centrality" not in shops[ids["p4"]]
    market = next(f["properties"] for f in data["places"]["features"]
                  if f["properties"]["kind"] == "market")
    assert (market["days"], market["hours"]) == (["mardi", "samedi"], "7 h 30 – 13 h")
    producer = next(f["properties"] for f in data["places"]["features"]
                    if f["properties"]["kind"] == "producer")
    assert producer["products"] == ["Légumes", "Œufs"] and producer["organic"] is True


def test_key_figures_in_french_and_survey_secrecy(site):
    _result, data, _ids = site
    pages = {f["id"]: f["properties"] for f in data["centralities"]["features"]}
    assert pages["centre"]["figures"] == [
        {"label": "Taux de vacance commerciale", "value": 10.0, "unit": "%",
         "period": "Inventaire 2024", "decimals": 1},
        {"label": "Passages piétons par jour (moyenne par compteur)", "value": 1000,
         "period": "2024", "decimals": 0},
        {"label": "Satisfaction des habitants : offre commerciale", "value": 3.6,
         "period": "2025", "decimals": 0, "respondents": 42},
    ]
    assert pages["gare"]["figures"] == []          # its survey figure rests on 8 respondents
    assert data["site"]["producer"] == "Ville-Test"
    assert data["site"]["extracted"] == "2025-01-31"
    assert data["site"]["title"] == "Commerces, services et circuits courts — Ville-Test"
    assert data["background"]["features"] == []   # the site has no road


def test_nothing_that_must_stay_in_the_socle_reaches_the_site(site):
    result, _data, _ids = site
    for path in result.folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for kind, text in SECRETS.items():
                assert text.encode("utf-8") not in content, f"{kind} in {path}"


def test_without_a_closed_campaign_the_map_is_refused(tmp_path):
    empty = tmp_path / "empty.gpkg"
    observatory.create_observatory(empty, "Vide", 2154)
    conn = observatory.open_observatory(empty)
    try:
        with pytest.raises(OpenDataError, match="no closed inventory campaign"):
            export_web_map(conn, tmp_path / "site", producer="V")
    finally:
        conn.close()
    assert not (tmp_path / "site").exists()
