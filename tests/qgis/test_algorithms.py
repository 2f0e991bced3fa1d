"""The four foundation algorithms through processing.run, on fixtures and on the demo."""

import re

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


def test_print_atlas_one_page_per_centrality(run_alg, demo_gpkg, tmp_path):
    out = tmp_path / "atlas.pdf"
    result = run_alg("print_atlas", {"GEOPACKAGE": str(demo_gpkg), "OUTPUT": str(out)})
    assert result["PAGES"] == 6
    pages = len(re.findall(rb"/Type\s*/Page[^s]", out.read_bytes()))
    assert pages == 6


def market_rows_by_page(path):
    """{centrality name: rows of the "Catchment and market" table on its atlas page}."""
    from qgis.core import QgsProject

    from observatoire_commerce.jobs import vacancy
    from observatoire_commerce.reporting import atlas

    conn = observatory.open_observatory(path)
    market = atlas.market_indicators(conn)
    table = vacancy.compute(conn, write=False)
    premises = atlas.premises_layer(conn, "k2", 2154, "en")
    conn.close()
    project = QgsProject()
    layout = atlas.build_layout(
        project, str(path), QgsVectorLayer(f"{path}|layername=centralities", "c", "ogr"),
        premises, QgsVectorLayer(f"{path}|layername=roads", "r", "ogr"),
        atlas.vacancy_layer(table), "subtitle", atlas.market_layer(market, "en"))
    frame = layout.itemById("catchment_table")
    assert frame is not None and layout.itemById("catchment_table_2") is not None
    market_table = frame.multiFrame()
    coverage = layout.atlas()
    assert coverage.beginRender()
    pages = {}
    for page in range(coverage.count()):
        coverage.seekTo(page)
        market_table.refreshAttributes()
        name = coverage.layout().reportContext().feature()["name"]
        pages[name] = [list(row) for row in market_table.contents()]
    coverage.endRender()
    return pages


def test_atlas_catchment_and_market_table(run_alg, tmp_path):
    """Each page lists its centrality's latest catchment_/huff_/site_potential_ indicators with
    a readable label, a rounded value and a unit; a centrality without any shows no row."""
    from observatoire_commerce.store import indicators

    path = tmp_path / "f.gpkg"
    conn = build_fixture(path)

    def row(centrality, code, value, unit, period="2025"):
        return {"scope": "centrality", "centrality_uuid": centrality, "indicator": code,
                "period": period, "value": value, "unit": unit}

    with gpkg.transaction(conn):
        indicators.write(conn, [
            row("cA", "catchment_population_walk_10min", 999.0, "inhabitants", "2024"),  # older
            row("cA", "catchment_population_walk_10min", 1234.4, "inhabitants"),
            row("cA", "catchment_premises_walk_5min", 3.0, "premises"),
            row("cA", "catchment_age_65p_walk_10min", 12.345, "age_65p"),
            row("cA", "catchment_population_car_5min", 25000.6, "inhabitants"),
            row("cA", "catchment_services_walk_2.5min", 4.0, "services"),
            row("cB", "catchment_population_walk_10min", 50.0, "inhabitants")],
            algorithm="observatoire:network_catchments")
        indicators.write(conn, [row("cA", "huff_market_share", 43.13725, "%"),
                                row("cA", "huff_expected_demand", 73.3333, "inhabitants"),
                                row("cB", "huff_market_share", 56.86275, "%")],
                         algorithm="observatoire:huff_model")
        indicators.write(conn, [row("cA", "site_potential_best_score", 87.654, "points"),
                                row("cA", "site_potential_candidates", 2.0, "premises")],
                         algorithm="observatoire:site_potential")
        indicators.write(conn, [row("cA", "vacancy_rate", 33.3, "%")],  # not in this table
                         algorithm="observatoire:vacancy_rates")
    conn.close()
    pages = market_rows_by_page(path)
    assert pages["Centre"] == [
        ["Huff: market share", "43.1", "%"],
        ["Huff: expected demand", "73.3", "inhabitants"],
        ["Site potential: best score", "87.7", "points /100"],
        ["Site potential: vacant premises scored", "2", "premises"],
        ["Population within 10 min walk", "1,234", "inhabitants"],
        ["Aged 65+ within 10 min walk", "12.3", "inhabitants"],
        ["Premises within 5 min walk", "3", "premises"],
        ["Services within 2.5 min walk", "4", "services"],
        ["Population within 5 min drive", "25,001", "inhabitants"]]
    assert pages["Gare"] == [["Huff: market share", "56.9", "%"],
                             ["Population within 10 min walk", "50", "inhabitants"]]
    assert pages["Vide"] == []
    out = tmp_path / "atlas.pdf"  # and the whole atlas prints
    assert run_alg("print_atlas", {"GEOPACKAGE": str(path), "OUTPUT": str(out)})["PAGES"] == 3


def test_atlas_without_market_indicators_prints(run_alg, tmp_path):
    from observatoire_commerce.reporting import atlas

    path = tmp_path / "f.gpkg"
    build_fixture(path).close()
    assert all(rows == [] for rows in market_rows_by_page(path).values())
    assert atlas.indicator_label("catchment_odd_thing") == "catchment_odd_thing"
    assert atlas.rounded(float("nan"), "%") is None
    out = tmp_path / "atlas.pdf"
    assert run_alg("print_atlas", {"GEOPACKAGE": str(path), "OUTPUT": str(out)})["PAGES"] == 3


def test_atlas_warns_when_the_market_table_overflows(processing_ready, tmp_path):
    from qgis import processing

    from observatoire_commerce.reporting import atlas
    from observatoire_commerce.store import indicators

    from .test_catchment_algorithms import Capture

    path = tmp_path / "f.gpkg"
    conn = build_fixture(path)
    bands = range(1, atlas.MARKET_ROWS_PER_PAGE // 9 + 2)  # 9 measures per band: > 70 rows
    with gpkg.transaction(conn):
        indicators.write(conn, [
            {"scope": "centrality", "centrality_uuid": "cA", "period": "2025", "value": 1.0,
             "indicator": f"catchment_{m}_car_{b}min", "unit": "inhabitants"}
            for m in atlas.MEASURES for b in bands], algorithm="observatoire:network_catchments")
    conn.close()
    feedback = Capture()
    result = processing.run("observatoire:print_atlas", {
        "GEOPACKAGE": str(path), "OUTPUT": str(tmp_path / "atlas.pdf")}, feedback=feedback)
    assert result["PAGES"] == 3
    n = 9 * len(bands)
    assert any(f"has {n} catchment and market indicators" in m for m in feedback.errors)
