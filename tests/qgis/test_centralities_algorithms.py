"""observatoire:import_centralities through processing.run: a polygon layer in WGS 84 with
dBase-style field names and French level words, re-imported unchanged; a missing field and an
unknown level refused with the GeoPackage unchanged."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg


def layer(rows):
    """Polygons in WGS 84 near Poitiers, fields NOM,C,80 / NIVEAU,C,20 / INSEE,C,5."""
    lyr = QgsVectorLayer("Polygon?crs=EPSG:4326", "centralites", "memory")
    lyr.dataProvider().addAttributes([QgsField(n, QVariant.String)
                                      for n in ("NOM,C,80", "NIVEAU,C,20", "INSEE,C,5")])
    lyr.updateFields()
    for k, (name, level) in enumerate(rows):
        x, y = 0.34 + 0.01 * k, 46.58
        feature = QgsFeature(lyr.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            f"POLYGON(({x} {y}, {x + 0.005} {y}, {x + 0.005} {y + 0.005}, {x} {y + 0.005}, "
            f"{x} {y}))"))
        feature.setAttributes([name, level, "86194"])
        lyr.dataProvider().addFeature(feature)
    return lyr


def rows_of(path):
    conn = gpkg.connect(path)
    try:
        return [tuple(r) for r in conn.execute(
            "SELECT name, level, commune_code, code FROM centralities ORDER BY name")]
    finally:
        conn.close()


def test_import_centralities_from_a_french_layer(run_alg, tmp_path):
    path = tmp_path / "c.gpkg"
    observatory.create_observatory(path, "Poitiers", 2154)
    source = layer([("Centre-ville", "Centre-ville"), ("Saint-Éloi", "Quartier"),
                    ("Sud", "Pôle majeur")])
    params = {"GEOPACKAGE": str(path), "INPUT": source, "NAME_FIELD": "nom",
              "LEVEL_FIELD": "niveau", "COMMUNE_FIELD": "INSEE",
              "LEVEL_MAP": "Pôle majeur=secondary"}
    result = run_alg("import_centralities", params)
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (3, 3, 0)
    assert rows_of(path) == [("Centre-ville", "primary", "86194", "centre_ville"),
                             ("Saint-Éloi", "secondary", "86194", "saint_eloi"),
                             ("Sud", "secondary", "86194", "sud")]
    conn = gpkg.connect(path)
    xmin = conn.execute("SELECT min_x FROM gpkg_contents WHERE table_name = 'centralities'"
                        ).fetchone()[0]
    conn.close()
    assert 490000 < xmin < 500000  # reprojected to Lambert-93
    validate_gpkg(path)
    again = run_alg("import_centralities", params)
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 3)


def test_missing_field_and_unknown_level_refused(run_alg, tmp_path):
    path = tmp_path / "r.gpkg"
    observatory.create_observatory(path, "Poitiers", 2154)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("import_centralities", {"GEOPACKAGE": str(path), "INPUT": layer([("A", "1")]),
                                        "NAME_FIELD": "nom", "LEVEL_FIELD": "type"})
    assert "LEVEL_FIELD 'type' is not a field of the layer. Its fields: NOM,C,80, " \
           "NIVEAU,C,20, INSEE,C,5." in str(err.value)
    with pytest.raises(QgsProcessingException, match="values not recognised: 'Pôle majeur'"):
        run_alg("import_centralities", {"GEOPACKAGE": str(path),
                                        "INPUT": layer([("Sud", "Pôle majeur")]),
                                        "NAME_FIELD": "nom", "LEVEL_FIELD": "niveau"})
    assert rows_of(path) == []
