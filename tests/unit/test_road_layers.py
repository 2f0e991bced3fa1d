"""Road presets and value mapping (ingest.sources.road_layers) on rows written for each case:
French one-way values, dBase-style and shapefile field names, BD TOPO and OSM tags, a field
that does not exist, values given two meanings."""

from __future__ import annotations

import numpy as np
import pytest

from observatoire_commerce.ingest.sources import road_layers as rl
from observatoire_commerce.ingest.sources.road_layers import RoadLayerError
from observatoire_commerce.ingest.sources.values import match_field, normalise

LINE = [np.array([[0.0, 0.0], [10.0, 0.0]])]


def rows(field: str, values, extra=None):
    """One road per value, ``id`` = its position."""
    return [{"id": i, "parts": LINE, "attrs": {field: v, **(extra or {})}}
            for i, v in enumerate(values)]


@pytest.mark.parametrize("value, expected", [
    ("  Sens-Direct ", "sens direct"), ("DOUBLE_SENS", "double sens"), ("À péage", "a peage"),
    ("Cœur de ville", "coeur de ville"),
    (1.0, "1"), (-1, "-1"), (None, ""), (float("nan"), ""), ("NULL", ""), ("  ", "")])
def test_values_compare_without_case_accents_and_separators(value, expected):
    assert normalise(value) == expected


@pytest.mark.parametrize("names, wanted, expected", [
    (["sens", "SENS"], "SENS", "SENS"),                       # exact first
    (["id", "SENS"], "sens", "SENS"),                         # case
    (["ID,N,6,0", "SENS,C,20"], "sens", "SENS,C,20"),         # dBase-style header
    (["NATURE", "VITESSE_MO"], "vitesse_moyenne_vl", "VITESSE_MO"),  # shapefile cut
    (["id", "nom"], "sens", None)])
def test_field_names_match_case_dbase_and_shapefile_forms(names, wanted, expected):
    assert match_field(names, wanted) == expected


def test_a_field_that_does_not_exist_is_refused_naming_the_fields():
    with pytest.raises(RoadLayerError) as err:
        rl.road_plan("generic", ["id", "SENS,C,20", "nom"], {"oneway": "sens_circ"})
    assert str(err.value) == ("One-way field 'sens_circ' is not a field of the layer. Its "
                              "fields: id, SENS,C,20, nom.")


def test_french_one_way_values_unknown_are_refused_with_their_counts():
    plan = rl.road_plan("generic", ["SENS,C,20"], {"oneway": "SENS"})
    data = rows("SENS,C,20", ["SENS UNIQUE", "DOUBLE SENS", "SENS UNIQUE", "INTERDIT"])
    with pytest.raises(RoadLayerError) as err:
        rl.map_rows(plan, data)
    message = str(err.value)
    assert message.startswith("One-way field 'SENS,C,20': values with no meaning given: "
                              "'SENS UNIQUE' (2 roads), 'INTERDIT' (1 roads).")
    assert "ONEWAY_CLOSED" in message and "Nothing was written" in message


def test_french_one_way_values_mapped_forward_two_way_and_closed():
    plan = rl.road_plan("generic", ["SENS,C,20"], {"oneway": "SENS"},
                        oneway_values={"forward": ["sens unique"], "closed": ["Interdit"]})
    data = rows("SENS,C,20", ["SENS UNIQUE", "DOUBLE SENS", "SENS UNIQUE", "INTERDIT", None])
    mapped = rl.map_rows(plan, data)
    assert [(r["oneway"], r["maxspeed"]) for r in mapped.records] == [
        (1, None), (0, None), (1, None), (0, 0.0), (0, None)]
    assert rl.summary_lines(plan, mapped) == [
        "Preset: fields and values given.",
        "Fields used: One-way field = SENS,C,20.",
        "One-way field value 'SENS UNIQUE': 2 roads → one-way along the digitised direction",
        "One-way field value (empty): 1 roads → two-way",
        "One-way field value 'DOUBLE SENS': 1 roads → two-way",
        "One-way field value 'INTERDIT': 1 roads → closed to cars (walkable)"]
    assert mapped.warnings == []


def test_unknown_values_imported_two_way_with_a_warning_when_asked():
    plan = rl.road_plan("generic", ["sens"], {"oneway": "sens"}, unknown="warn")
    mapped = rl.map_rows(plan, rows("sens", ["SENS UNIQUE", "yes"]))
    assert [r["oneway"] for r in mapped.records] == [0, 1]
    assert mapped.warnings == ["One-way field 'sens': values with no meaning given, imported "
                               "as two-way: 'SENS UNIQUE' (1 roads)."]
    assert mapped.oneway_values["sens unique"].meaning == "both"


def test_a_value_given_two_meanings_is_refused():
    with pytest.raises(RoadLayerError, match="'INTERDIT' is given two meanings"):
        rl.road_plan("generic", ["sens"], {"oneway": "sens"},
                     oneway_values={"forward": ["SENS UNIQUE", "INTERDIT"],
                                    "closed": ["interdit"]})


def test_user_values_replace_a_preset_meaning():
    plan = rl.road_plan("generic", ["sens"], {"oneway": "sens"},
                        oneway_values={"backward": ["1"]})
    assert [r["oneway"] for r in rl.map_rows(plan, rows("sens", [1, "FT"])).records] == [-1, 1]


def test_bdtopo_preset_with_shapefile_names():
    names = ["ID", "NATURE", "SENS", "VIT_MOY_VL", "ACCES_VL", "NOM_1_G"]
    plan = rl.road_plan("bdtopo", names)
    assert plan.fields == {"class": "NATURE", "oneway": "SENS", "speed": "VIT_MOY_VL",
                           "name": "NOM_1_G", "access": "ACCES_VL"}
    data = [{"id": k, "parts": LINE, "attrs": dict(zip(names[1:], values))} for k, values in
            enumerate([("Route à 1 chaussée", "Sens direct", 30, "Libre", "Rue Carnot"),
                       ("Route à 1 chaussée", "Sens inverse", 0, "A péage", None),
                       ("Route à 2 chaussées", "Double sens", 50, "Restreint aux ayants droit",
                        "Avenue"),
                       ("Sentier", "Sans objet", 0, "Physiquement impossible", None),
                       ("Chemin", "Double sens", None, None, None)])]
    mapped = rl.map_rows(plan, data)
    got = [(r["road_class"], r["oneway"], r["maxspeed"], r["name"]) for r in mapped.records]
    assert got == [("Route à 1 chaussée", 1, 30.0, "Rue Carnot"),
                   ("Route à 1 chaussée", -1, None, None),
                   ("Route à 2 chaussées", 0, 0.0, "Avenue"),
                   ("Sentier", 0, 0.0, None),
                   ("Chemin", 0, None, None)]
    assert mapped.speeds["car"]["Sentier"] == 0.0
    assert mapped.speeds["walk"]["Type autoroutier"] == 0.0
    assert {k: (v.count, v.meaning) for k, v in mapped.access_values.items()} == {
        "libre": (1, "open"), "a peage": (1, "open"),
        "restreint aux ayants droit": (1, "closed"), "physiquement impossible": (1, "closed"),
        "": (1, "open")}


def test_bdtopo_preset_with_geopackage_names():
    names = ["cleabs", "nature", "sens_de_circulation", "vitesse_moyenne_vl",
             "acces_vehicule_leger", "nom_1_gauche"]
    plan = rl.road_plan("bdtopo", names)
    assert plan.fields == {"class": "nature", "oneway": "sens_de_circulation",
                           "speed": "vitesse_moyenne_vl", "name": "nom_1_gauche",
                           "access": "acces_vehicule_leger"}


def test_osm_preset_tags_roundabouts_access_and_classes():
    names = ["osm_id", "highway", "name", "other_tags"]
    plan = rl.road_plan("osm", names)
    tags = ['"junction"=>"roundabout"', '"oneway"=>"-1","maxspeed"=>"30"',
            '"access"=>"private"', '"motor_vehicle"=>"yes","access"=>"no"', None, None]
    highway = ["tertiary", "residential", "service", "service", "motorway", "proposed"]
    data = [{"id": f"way/{k}", "parts": LINE,
             "attrs": {"osm_id": k, "highway": h, "name": None, "other_tags": t}}
            for k, (h, t) in enumerate(zip(highway, tags))]
    mapped = rl.map_rows(plan, data)
    got = [(r["source_id"], r["oneway"], r["maxspeed"]) for r in mapped.records]
    assert got == [("way/0", 1, None), ("way/1", -1, 30.0), ("way/2", 0, 0.0),
                   ("way/3", 0, None), ("way/4", 1, None)]
    assert mapped.skipped == {"highway=proposed": 1}
    lines = rl.summary_lines(plan, mapped)
    assert "One-way field value (empty: roundabout or motorway): 2 roads → one-way along the " \
           "digitised direction" in lines
    assert "Access field value 'private': 1 roads → closed to cars (walkable)" in lines
    assert "Access field value 'yes': 1 roads → open to cars" in lines  # motor_vehicle first
