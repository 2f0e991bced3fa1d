"""observatoire:import_population_grid through processing.run: clipping by a territory layer in
another CRS and by an extent (fixture of three cells: centres in EPSG:3035 at (3580100,
2654100), (3580300, 2654100), (3580100, 2654300)), a file of the wrong kind, and INSEE's real
Filosofi 2021 tile of Poitiers as CSV then as GeoPackage."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg

DATA = Path(__file__).resolve().parents[1] / "data" / "filosofi"


def socle(path):
    observatory.create_observatory(path, "Grid", 2154)
    return path


def ids(path):
    conn = gpkg.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT idcar_200m FROM population_grid ORDER BY idcar_200m")]
    finally:
        conn.close()


def test_clipped_to_a_territory_layer_in_another_crs(run_alg, tmp_path):
    path = socle(tmp_path / "t.gpkg")
    layer = QgsVectorLayer("Polygon?crs=EPSG:3035", "territory", "memory")
    feature = QgsFeature()
    # holds the centres of the first two cells, not the third (y = 2654300)
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((3580050 2654050, 3580350 2654050, 3580350 2654150, 3580050 2654150, "
        "3580050 2654050))"))
    layer.dataProvider().addFeature(feature)
    result = run_alg("import_population_grid", {
        "GEOPACKAGE": str(path), "INPUT": str(DATA / "grid_2019.csv"), "TERRITORY": layer})
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (3, 2, 0)
    assert ids(path) == ["CRS3035RES200mN2654000E3580000", "CRS3035RES200mN2654000E3580200"]


def test_clipped_to_an_extent(run_alg, tmp_path):
    path = socle(tmp_path / "e.gpkg")
    result = run_alg("import_population_grid", {
        "GEOPACKAGE": str(path), "INPUT": str(DATA / "grid_2019.csv"),
        "EXTENT": "3579990,3580150,2653990,2654390 [EPSG:3035]"})
    assert result["ADDED"] == 2
    assert ids(path) == ["CRS3035RES200mN2654000E3580000", "CRS3035RES200mN2654200E3580000"]


def test_a_file_of_another_kind_is_refused(run_alg, tmp_path):
    path = socle(tmp_path / "k.gpkg")
    shp = tmp_path / "grid.shp"
    shp.write_bytes(b"")
    with pytest.raises(QgsProcessingException, match="grid.shp: expected a Filosofi CSV or "
                                                     "GeoPackage"):
        run_alg("import_population_grid", {"GEOPACKAGE": str(path), "INPUT": str(shp)})


def test_real_filosofi_tile_csv_then_geopackage(run_alg, tmp_path, shared_data):
    folder = shared_data / "filosofi"
    csv, grid = (folder / f"poitiers_centre_filosofi2021_200m.{ext}" for ext in ("csv", "gpkg"))
    if not csv.is_file() or not grid.is_file():
        pytest.skip(f"{folder} lacks the Poitiers Filosofi tile")
    path = socle(tmp_path / "poitiers.gpkg")
    first = run_alg("import_population_grid", {"GEOPACKAGE": str(path), "INPUT": str(csv)})
    assert (first["ROWS_READ"], first["ADDED"], first["REJECTED_COUNT"]) == (330, 330, 0)
    again = run_alg("import_population_grid", {"GEOPACKAGE": str(path), "INPUT": str(grid)})
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 330)
    conn = gpkg.connect(path)
    total, men = conn.execute("SELECT sum(ind), count(men) FROM population_grid").fetchone()
    conn.close()
    assert total == pytest.approx(43554.5)  # the MANIFEST's total
    assert men == 0  # the 2021 grid has no households: left empty
    validate_gpkg(path)
