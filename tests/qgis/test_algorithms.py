"""The foundation algorithms through processing.run, on fixtures and on the demo (the atlas:
test_atlas.py)."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg
from ..unit.test_vacancy import build_fixture


def test_create_geopackage(run_alg, tmp_path):
    out = tmp_path / "socle.gpkg"
    result = run_alg("create_geopackage", {"TERRITORY": "Grand Poitiers", "CRS": "EPSG:2154",
                                           "OUTPUT": str(out)})
    assert result == {"OUTPUT": str(out)}
    validate_gpkg(out)
    layer = QgsVectorLayer(f"{out}|layername=premise_observations", "obs", "ogr")
    assert layer.isValid()
    setup = layer.fields().field("status").editorWidgetSetup()
    assert setup.type() == "ValueMap"
    values = str(setup.config())
    assert "vacant" in values and "occupied" in values


def test_create_geopackage_refuses_geographic_crs_and_existing_file(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="geographic"):
        run_alg("create_geopackage", {"TERRITORY": "X", "CRS": "EPSG:4326",
                                      "OUTPUT": str(tmp_path / "a.gpkg")})
    existing = tmp_path / "b.gpkg"
    existing.write_text("precious")
    with pytest.raises(QgsProcessingException, match="already exists"):
        run_alg("create_geopackage", {"TERRITORY": "X", "OUTPUT": str(existing)})
    assert existing.read_text() == "precious"


def test_vacancy_rates_outputs(run_alg, tmp_path):
    path = tmp_path / "f.gpkg"
    build_fixture(path).close()
    result = run_alg("vacancy_rates", {"GEOPACKAGE": str(path), "CAMPAIGNS": "Inventaire 2024",
                                       "OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"})
    table = result["OUTPUT_TABLE"]
    rows = sorted(((f["centrality"] or "", f["premises"], f["vacant"], f["vacancy_rate"])
                   for f in table.getFeatures()), key=str)
    # NULL attributes come back as QVariant nulls: compare through str for the empty centrality
    assert [(c, p, v, None if r is None or str(r) == "NULL" else round(r, 2))
            for c, p, v, r in rows] == [
        ("", 1, 0, 0.0), ("Centre", 3, 1, 33.33), ("Gare", 2, 1, 50.0), ("Vide", 0, 0, None)]
    layer = result["OUTPUT_CENTRALITIES"]
    assert layer.featureCount() == 3
    by_name = {f["name"]: f for f in layer.getFeatures()}
    assert by_name["Gare"]["vacancy_rate"] == 50.0
    assert by_name["Gare"].geometry().area() == pytest.approx(10000.0)


def test_vacancy_rates_unknown_campaign(run_alg, tmp_path):
    path = tmp_path / "f.gpkg"
    build_fixture(path).close()
    with pytest.raises(QgsProcessingException, match="Unknown campaign"):
        run_alg("vacancy_rates", {"GEOPACKAGE": str(path), "CAMPAIGNS": "Inventaire 1999",
                                  "OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"})


def test_vacancy_rates_refuses_a_newer_schema(run_alg, tmp_path):
    path = tmp_path / "f.gpkg"
    build_fixture(path).close()
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("UPDATE observatory_meta SET value='99' WHERE key='schema_version'")
    conn.close()
    with pytest.raises(QgsProcessingException, match="newer than this plugin"):
        run_alg("vacancy_rates", {"GEOPACKAGE": str(path), "OUTPUT_TABLE": "memory:",
                                  "OUTPUT_CENTRALITIES": "memory:"})


def test_demo_territory_conventions(demo_gpkg):
    validate_gpkg(demo_gpkg)
    conn = observatory.open_observatory(demo_gpkg)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("centralities", "premises", "campaigns", "premise_lineage")}
    assert counts["centralities"] >= 5 and counts["premises"] >= 1200
    assert counts["campaigns"] == 4 and counts["premise_lineage"] > 0
    for (table,) in conn.execute("SELECT table_name FROM gpkg_contents WHERE table_name NOT IN "
                                 "('layer_styles', 'qgis_projects')").fetchall():
        n, distinct = conn.execute(f'SELECT count(*), count(DISTINCT uuid) FROM "{table}"'
                                   ).fetchone()
        assert n == distinct, table
    orphans = conn.execute("SELECT count(*) FROM premise_observations o LEFT JOIN premises p "
                           "ON p.uuid = o.premise_uuid WHERE p.uuid IS NULL").fetchone()[0]
    assert orphans == 0
    levels = {r[0] for r in conn.execute("SELECT level FROM centralities")}
    assert {"primary", "secondary", "tertiary", "peripheral"} <= levels


def test_demo_town_centre_vacancy_is_plausible(run_alg, demo_gpkg):
    result = run_alg("vacancy_rates", {"GEOPACKAGE": str(demo_gpkg), "WRITE_INDICATORS": False,
                                       "OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"})
    centre = [f["vacancy_rate"] for f in result["OUTPUT_TABLE"].getFeatures()
              if f["centrality"] == "Centre-ville"]
    assert len(centre) == 4 and all(8 <= r <= 15 for r in centre)
