"""import_roads on line layers written for each defect of issue 14: French one-way values
(``SENS UNIQUE`` / ``DOUBLE SENS`` / ``INTERDIT``) under a dBase-style field name, a one-way
field that does not exist, and the BD TOPO preset (GeoPackage field names).

The layer: four 100 m streets along x in Lambert-93, from (0, 0) to (400, 0)::

    a: SENS UNIQUE   b: DOUBLE SENS   c: INTERDIT   d: (empty)
"""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from observatoire_commerce.jobs import network
from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg

X0, Y0 = 500000.0, 6600000.0


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.errors = [], []

    def pushInfo(self, info):  # noqa: N802 - Qt API
        self.infos.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt API
        self.errors.append(error)


def line_layer(fields, rows):
    """A memory line layer (EPSG:2154) with ``fields`` (names, any characters) and one 100 m
    street per row (street k from x = 100 k to 100 (k + 1))."""
    layer = QgsVectorLayer("LineString?crs=EPSG:2154", "roads", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, QVariant.String) for name in fields])
    layer.updateFields()
    for k, values in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY(
            [QgsPointXY(X0 + 100 * k, Y0), QgsPointXY(X0 + 100 * (k + 1), Y0)]))
        feature.setAttributes(list(values))
        provider.addFeature(feature)
    return layer


def french_layer():
    return line_layer(["ID,N,6,0", "SENS,C,20", "NOM,C,80"],
                      [("1", "SENS UNIQUE", "rue a"), ("2", "DOUBLE SENS", "rue b"),
                       ("3", "INTERDIT", "rue c"), ("4", None, "rue d")])


def empty_socle(path):
    observatory.create_observatory(path, "Presets", 2154)
    return path


def run(alg_id, params, feedback=None):
    from qgis import processing

    return processing.run(f"observatoire:{alg_id}", params, feedback=feedback or Capture())


def roads_of(path):
    conn = gpkg.connect(path)
    try:
        return [tuple(r) for r in conn.execute(
            "SELECT name, road_class, oneway, maxspeed FROM roads ORDER BY fid")]
    finally:
        conn.close()


def test_french_one_way_values_without_meaning_are_refused(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "fr.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        run("import_roads", {"GEOPACKAGE": str(path), "INPUT": french_layer(),
                             "ONEWAY_FIELD": "SENS", "NAME_FIELD": "nom"})
    assert ("One-way field 'SENS,C,20': values with no meaning given: 'SENS UNIQUE' (1 roads), "
            "'INTERDIT' (1 roads).") in str(err.value)
    assert roads_of(path) == []  # nothing written


def test_french_one_way_values_mapped_and_logged(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "fr.gpkg")
    feedback = Capture()
    result = run("import_roads", {
        "GEOPACKAGE": str(path), "INPUT": french_layer(), "ONEWAY_FIELD": "sens",
        "NAME_FIELD": "NOM", "ONEWAY_FORWARD": "sens unique", "ONEWAY_CLOSED": "Interdit"},
        feedback)
    assert {k: v for k, v in result.items() if k != "REJECTED"} == {
        "ROADS": 4, "NODES": 5, "EDGES": 4, "COMPONENTS": 1, "ONEWAY": 1, "CLOSED_TO_CARS": 1,
        # the outputs of every importer
        "ROWS_READ": 4, "ADDED": 4, "UPDATED": 0, "UNCHANGED": 0, "REJECTED_COUNT": 0,
        "WARNINGS": 0}
    assert result["REJECTED"].featureCount() == 0
    assert "4 rows read: 4 added, 0 updated, 0 unchanged, 0 rejected; 0 warnings" in \
        feedback.infos
    assert roads_of(path) == [("rue a", None, 1, None), ("rue b", None, 0, None),
                              ("rue c", None, 0, 0.0), ("rue d", None, 0, None)]
    for line in ("Fields used: One-way field = SENS,C,20, Name field = NOM,C,80.",
                 "One-way field value 'SENS UNIQUE': 1 roads → one-way along the digitised "
                 "direction",
                 "One-way field value 'DOUBLE SENS': 1 roads → two-way",
                 "One-way field value 'INTERDIT': 1 roads → closed to cars (walkable)",
                 "One-way field value (empty): 1 roads → two-way"):
        assert line in feedback.infos
    validate_gpkg(path)
    # street c is closed to cars, still walkable: cars cannot reach x = 300 from x = 0
    conn = gpkg.connect(path)
    net = network.load_network(conn).network
    conn.close()
    car = net.edge_speeds("car")
    walk = net.edge_speeds("walk")
    middle = (net.node_x[net.from_node] + net.node_x[net.to_node]) / 2 - X0
    assert np.isnan(car[middle == 250.0]).all() and np.isfinite(car[middle != 250.0]).all()
    assert np.isfinite(walk).all()


def test_unknown_values_imported_two_way_with_a_warning(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "warn.gpkg")
    feedback = Capture()
    result = run("import_roads", {"GEOPACKAGE": str(path), "INPUT": french_layer(),
                                  "ONEWAY_FIELD": "SENS", "UNKNOWN_VALUES": 1}, feedback)
    assert (result["ONEWAY"], result["CLOSED_TO_CARS"]) == (0, 0)
    # one warning per value, logged once (as every importer does) and listed in REJECTED
    assert result["WARNINGS"] == 2
    assert [line for line in feedback.infos if line.startswith("Warning: ")] == [
        "Warning: roads: SENS,C,20='SENS UNIQUE': no meaning given: imported as two-way "
        "(1 roads)",
        "Warning: roads: SENS,C,20='INTERDIT': no meaning given: imported as two-way (1 roads)"]
    assert [(f["level"], f["row"], f["field"], f["value"]) for f in
            result["REJECTED"].getFeatures()] == [("warning", 0, "SENS,C,20", "SENS UNIQUE"),
                                                  ("warning", 0, "SENS,C,20", "INTERDIT")]
    assert feedback.errors == []


def test_a_one_way_field_that_does_not_exist_is_refused(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "missing.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        run("import_roads", {"GEOPACKAGE": str(path), "INPUT": french_layer(),
                             "ONEWAY_FIELD": "sens_circulation"})
    assert str(err.value) == ("One-way field 'sens_circulation' is not a field of the layer. "
                              "Its fields: ID,N,6,0, SENS,C,20, NOM,C,80.")
    assert roads_of(path) == []


def test_bdtopo_preset(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "bdtopo.gpkg")
    layer = line_layer(
        ["cleabs", "nature", "sens_de_circulation", "vitesse_moyenne_vl", "acces_vehicule_leger",
         "nom_1_gauche"],
        [("T1", "Route à 1 chaussée", "Sens direct", "30", "Libre", "Rue Carnot"),
         ("T2", "Route à 1 chaussée", "Sens inverse", "40", "A péage", None),
         ("T3", "Route à 1 chaussée", "Double sens", "50", "Restreint aux ayants droit", None),
         ("T4", "Sentier", "Sans objet", "0", "Physiquement impossible", None)])
    feedback = Capture()
    result = run("import_roads", {"GEOPACKAGE": str(path), "INPUT": layer, "PRESET": 2},
                 feedback)
    assert (result["ROADS"], result["ONEWAY"], result["CLOSED_TO_CARS"]) == (4, 2, 2)
    assert roads_of(path) == [("Rue Carnot", "Route à 1 chaussée", 1, 30.0),
                              (None, "Route à 1 chaussée", -1, 40.0),
                              (None, "Route à 1 chaussée", 0, 0.0),
                              (None, "Sentier", 0, 0.0)]
    assert "Preset: IGN BD TOPO troncon_de_route." in feedback.infos
    conn = gpkg.connect(path)
    speeds = network.speeds(conn)
    conn.close()
    assert speeds["car"]["Sentier"] == 0.0 and speeds["car"]["Route à 1 chaussée"] == 50.0


def test_osm_file_with_the_bdtopo_preset_is_refused(processing_ready, tmp_path):
    path = empty_socle(tmp_path / "osm.gpkg")
    osm = tmp_path / "x.osm"
    osm.write_text("<osm/>")
    with pytest.raises(QgsProcessingException, match="OpenStreetMap preset"):
        run("import_roads", {"GEOPACKAGE": str(path), "OSM_FILE": str(osm), "PRESET": 2})
