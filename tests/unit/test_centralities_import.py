"""Centralities from a polygon layer (ingest.importers.centralities): French level words, the
level map, unknown levels refused with their counts, rejected features, identity by name or id.
"""

from __future__ import annotations

import numpy as np
import pytest

from observatoire_commerce.ingest.importers.centralities import import_centralities
from observatoire_commerce.ingest.sources.centralities import (
    LevelError,
    level_vocabulary,
    map_levels,
    parse_level_map,
)
from observatoire_commerce.store import observatory
from observatoire_commerce.store.writers import centralities as writer

LEVELS = [{"code": "primary", "label_fr": "Centralité principale",
           "label_en": "Primary centrality"},
          {"code": "secondary", "label_fr": "Centralité secondaire", "label_en": ""},
          {"code": "tertiary", "label_fr": "Centralité de proximité", "label_en": ""},
          {"code": "peripheral", "label_fr": "Zone commerciale périphérique", "label_en": ""}]


def square(x, y, side=100.0):
    return [[np.array([[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]])]]


@pytest.mark.parametrize("value, level", [
    ("Centre-ville", "primary"), ("CENTRE VILLE", "primary"), ("Cœur de ville", "primary"),
    ("hypercentre", "primary"), ("Centralité principale", "primary"), ("primary", "primary"),
    ("Quartier", "secondary"), ("pôle de quartier", "secondary"), ("Secondaire", "secondary"),
    ("Proximité", "tertiary"), ("Zone commerciale", "peripheral"),
    ("Périphérique", "peripheral"), (2, "secondary"), (None, None), ("", None)])
def test_french_level_words(value, level):
    vocabulary = level_vocabulary(LEVELS)
    assert map_levels([value], vocabulary, LEVELS, "niveau") == [level]


def test_unknown_levels_are_refused_with_their_counts_and_the_known_levels():
    vocabulary = level_vocabulary(LEVELS)
    with pytest.raises(LevelError) as err:
        map_levels(["Pôle majeur", "centre-ville", "Pôle majeur", "ZAE"], vocabulary, LEVELS,
                   "NIVEAU")
    assert str(err.value) == (
        "Level field 'NIVEAU': values not recognised: 'Pôle majeur' (2 features), 'ZAE' (1 "
        "features). Say which level each one is with the level map, e.g. Pôle "
        "majeur=secondary. Levels of the GeoPackage: primary (Centralité principale); "
        "secondary (Centralité secondaire); tertiary (Centralité de proximité); peripheral "
        "(Zone commerciale périphérique). Nothing was written.")


def test_level_map_gives_levels_by_code_or_by_word():
    user = parse_level_map("Pôle majeur=primary; ZAE = zone commerciale")
    vocabulary = level_vocabulary(LEVELS, user)
    assert map_levels(["pole majeur", "zae"], vocabulary, LEVELS, "n") == ["primary",
                                                                            "peripheral"]
    with pytest.raises(LevelError, match="'hub' is not a level of the GeoPackage"):
        level_vocabulary(LEVELS, {"X": "hub"})
    with pytest.raises(LevelError, match="write value=level"):
        parse_level_map("Pôle majeur")


def socle(tmp_path):
    path = tmp_path / "c.gpkg"
    observatory.create_observatory(path, "Centralities", 2154)
    return observatory.open_observatory(path)


def stored(conn):
    return [tuple(r) for r in conn.execute(
        "SELECT name, level, code FROM centralities ORDER BY name")]


FEATURES = [
    {"row": 1, "name": "Centre-ville", "level": "Centre-ville", "polygons": square(0, 0)},
    {"row": 2, "name": "Saint-Éloi", "level": "quartier", "polygons": square(500, 0)},
    {"row": 3, "name": "Zone nord", "level": None, "polygons": square(0, 900)},
    {"row": 4, "name": "", "level": "quartier", "polygons": square(900, 900)},
    {"row": 5, "name": "Gare", "level": "proximité", "polygons": []},
    {"row": 6, "name": " centre-VILLE ", "level": "primaire", "polygons": square(50, 50)},
]


def test_import_rejects_and_is_idempotent_on_names(tmp_path):
    conn = socle(tmp_path)
    result = import_centralities(conn, FEATURES, layer="centralites", level_field="niveau",
                                 default_level="tertiaire")
    assert result.added == {"centralities": 3} and result.rows_rejected == 3
    assert stored(conn) == [("Centre-ville", "primary", "centre_ville"),
                            ("Saint-Éloi", "secondary", "saint_eloi"),
                            ("Zone nord", "tertiary", "zone_nord")]
    assert [str(r) for r in result.report.rejected] == [
        "centralites, row 4, name='': a centrality name",
        "centralites, row 5, geometry='Gare': a polygon",
        "centralites, row 6, name='centre-VILLE': a centrality given once (already at "
        "feature 1: merge its parts into one multi-part feature, e.g. with Dissolve)"]
    assert [str(w) for w in result.report.warnings] == [
        "centralites, row 3, niveau='': no level: tertiary (the default level)"]
    again = import_centralities(conn, FEATURES, layer="centralites", default_level="tertiary")
    assert (again.total_added, again.total_updated, again.total_unchanged) == (0, 0, 3)
    moved = [dict(FEATURES[1], polygons=square(600, 0), level="Secondaire")]
    third = import_centralities(conn, moved, layer="centralites")
    assert (third.total_added, third.total_updated, third.total_unchanged) == (0, 1, 0)
    conn.close()


def test_import_keyed_by_identifier_renames(tmp_path):
    conn = socle(tmp_path)
    first = [{"row": 1, "name": "Centre", "level": "1", "id": "C01", "polygons": square(0, 0)}]
    import_centralities(conn, first)
    renamed = [dict(first[0], name="Centre-ville historique")]
    result = import_centralities(conn, renamed)
    assert (result.total_added, result.total_updated) == (0, 1)
    assert stored(conn) == [("Centre-ville historique", "primary", "c01")]
    conn.close()


def test_unknown_level_refuses_the_import_and_writes_nothing(tmp_path):
    conn = socle(tmp_path)
    features = [dict(FEATURES[0], level="Pôle majeur")]
    with pytest.raises(LevelError, match="'Pôle majeur' \\(1 features\\)"):
        import_centralities(conn, features, level_field="niveau")
    assert stored(conn) == []
    assert [r["code"] for r in writer.levels(conn)] == ["primary", "secondary", "tertiary",
                                                        "peripheral"]
    conn.close()
