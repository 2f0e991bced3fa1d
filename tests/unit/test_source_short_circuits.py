"""Producers and markets readers, and the French market-days parser."""

import json
from pathlib import Path

import pytest

from observatoire_commerce.ingest.sources.short_circuits import (
    parse_market_days,
    read_markets,
    read_producers,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"


@pytest.mark.parametrize("text, days, per_week", [
    ("mardi;samedi", {"mardi", "samedi"}, 2.0),
    ("Les mardis et vendredis: 7h/14h", {"mardi", "vendredi"}, 2.0),
    ("Du lundi au samedi: 6h/19h", {"lundi", "mardi", "mercredi", "jeudi", "vendredi",
                                    "samedi"}, 6.0),
    ("Tous les jeudis matin", {"jeudi"}, 1.0),
    ("Dimanches: 9h/13h", {"dimanche"}, 1.0),
    # 2 sessions a month = 2 × 12 / 52 a week
    ("Marché tous les 1er et 3ème mardis du mois", {"mardi"}, round(24 / 52, 4)),
])
def test_parse_market_days(text, days, per_week):
    parsed = parse_market_days(text)
    assert set(parsed.days) == days and parsed.per_week == pytest.approx(per_week)


def test_parse_market_days_without_weekday():
    assert parse_market_days("à définir") is None and parse_market_days("") is None


def test_read_producers():
    producers, report = read_producers(DATA / "producers.csv")
    p = producers.set_index("source_id")
    assert list(p.index) == ["P1", "P2", "P6"]
    assert p.loc["P1", "products"] == ["legumes", "oeufs"]
    assert p.loc["P1", "sales_modes"] == ["marche", "vente_ferme"]
    assert bool(p.loc["P1", "organic"]) and not bool(p.loc["P2", "organic"])
    assert p.loc["P2", "sales_modes"] == ["amap"]
    assert p.loc["P6", "products"] == ["escargots"]  # unknown product kept, warned
    assert {(r.row, r.field) for r in report.rejected} == {
        (4, "organic"), (5, "products"), (6, "coordinates")}
    assert [(w.row, w.field, w.value) for w in report.warnings] == [(7, "products", "escargots")]


def test_read_markets():
    markets, report = read_markets(DATA / "markets.csv")
    m = markets.set_index("source_id")
    assert list(m.index) == ["M1", "M2", "M3", "M4"]
    assert m.loc["M1", "per_week"] == 6.0 and m.loc["M2", "days"] == ["mercredi", "dimanche"]
    assert bool(m.loc["M3", "organic"]) and m.loc["M4", "per_week"] == pytest.approx(24 / 52,
                                                                                      abs=1e-4)
    assert [(r.row, r.field) for r in report.rejected] == [(6, "days")]


def test_failure_paths(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        read_markets(tmp_path / "none.csv")
    bad = tmp_path / "m.csv"
    bad.write_text("id,name\nM1,x\n")
    with pytest.raises(ValueError, match="days"):
        read_markets(bad)


def test_real_poitiers_markets(shared_data, tmp_path):
    source = shared_data / "poitiers_2015" / "Equipements_publics.geojson"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["features"] = [f for f in data["features"]
                        if f["properties"].get("Sous_thème") == "MARCHE"]
    assert len(data["features"]) == 17
    path = tmp_path / "marches_poitiers_2015.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    markets, report = read_markets(path, id_field="Identifiant_de_l_équipement",
                                   days_field="Horaires_d_ouvertures",
                                   name_field="Nom_de_l_équipement")
    m = markets.set_index("name")
    # "Les mardis et vendredis: 7h/14h"
    assert m.loc["MARCHE DE BELLEJOUANNE", "per_week"] == 2.0
    # "Du lundi au samedi: 6h/19h ; marché plein air du Lundi au Samedi: 6h/20h"
    assert m.loc["LES HALLES DU MARCHE NOTRE DAME ", "per_week"] == 6.0
    # "Vendredi: 14h/20h produits fermiers et biologiques mercredi: un poissonnier 8h/14h"
    assert set(m.loc["MARCHE DU SQUARE DE LA REPUBLIQUE", "days"]) == {"mercredi", "vendredi"}
    # every market read or reported, none silently dropped
    assert report.rows_read == 17
    assert report.rows_accepted + report.rows_rejected == 17
    assert report.rows_accepted >= 15
