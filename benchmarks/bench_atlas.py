"""Benchmark of the atlas: a 50-centrality territory printed to PDF, time per page.

1. builds an observatory GeoPackage with 50 centralities, 20 000 premises and 5 campaigns
   (``bench_offer_analysis.build_observatory``), a 150 m road grid, a counter and a market per
   centrality and, per centrality, the indicators the atlas reads (monthly and annual footfall
   of two years, year-on-year change, population within 5 and 10 minutes' walk);
2. times ``reporting.atlas.build`` (figures from the socle, layers, 103 pages with their
   charts) and ``export_pdf``, and prints the time per page;
3. anchor: QGIS's own atlas (``QgsLayoutAtlas``) printing one page per centrality with only a
   map of its premises, on the same file, in the same run.

Run: ``.venv/bin/python benchmarks/bench_atlas.py [centralities]``
"""

import _bootstrap  # noqa: F401, I001  (first: registers the package)

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench_offer_analysis import build_observatory


def add_atlas_inputs(path: Path, n_zones: int) -> None:
    """Roads, counters, markets and the stored indicators the atlas shows."""
    from observatoire_commerce.store import geometry, gpkg, indicators, observatory

    rng = np.random.default_rng(11)
    conn = observatory.open_observatory(path)
    try:
        with gpkg.transaction(conn):
            x0, y0, x1, y1 = 490500.0, 6603500.0, 504000.0, 6615000.0
            roads = []
            for x in np.arange(x0, x1, 150.0):
                roads.append(np.array([[x, y0], [x, y1]]))
            for y in np.arange(y0, y1, 150.0):
                roads.append(np.array([[x0, y], [x1, y]]))
            conn.executemany(
                "INSERT INTO roads (uuid, road_class, oneway, geom) VALUES (?,?,?,?)",
                [(f"r{i}", "residential", 0, geometry.encode("linestring", line, 2154))
                 for i, line in enumerate(roads)])
            gpkg.update_extent(conn, "roads")
            rows, sites, markets = [], [], []
            for z in range(n_zones):
                cx = 491000.0 + (z % 10) * 1200 + 300
                cy = 6604000.0 + (z // 10) * 2400 + 300
                sites.append((f"s{z}", f"S{z}", f"Compteur {z}", "bench", "2025-01-01",
                              geometry.encode_point(cx, cy, 2154)))
                markets.append((f"m{z}", "bench", f"M{z}", f"Marché {z}", 1,
                                "2025-01-01", geometry.encode_point(cx + 60, cy - 40, 2154)))
                base = rng.uniform(800, 6000)
                for year in (2023, 2024):
                    growth = 1.0 + (0.03 if year == 2024 else 0.0)
                    for month in range(1, 13):
                        rows.append((f"z{z}", "footfall_mean_daily", f"{year}-{month:02d}",
                                     base * growth * rng.uniform(0.85, 1.2)))
                    rows.append((f"z{z}", "footfall_mean_daily", str(year), base * growth))
                rows.append((f"z{z}", "footfall_yoy", "2024", 3.0))
                rows.append((f"z{z}", "catchment_population_walk_5min", "2026",
                             rng.uniform(500, 3000)))
                rows.append((f"z{z}", "catchment_population_walk_10min", "2026",
                             rng.uniform(3000, 12000)))
            conn.executemany("INSERT INTO counting_sites (uuid, site_id, name, source, "
                             "imported_at, geom) VALUES (?,?,?,?,?,?)", sites)
            conn.executemany("INSERT INTO markets (uuid, source, source_id, name, per_week, "
                             "imported_at, geom) VALUES (?,?,?,?,?,?,?)", markets)
            for table in ("counting_sites", "markets"):
                gpkg.update_extent(conn, table)
            indicators.write(conn, [
                {"scope": "centrality", "centrality_uuid": c, "indicator": code,
                 "period": period, "value": float(value),
                 "unit": "%" if code == "footfall_yoy" else "passages/day/counter"}
                for c, code, period, value in rows], algorithm="bench")
    finally:
        conn.close()


def qgis_atlas_anchor(path: Path, output: Path) -> tuple:
    """QGIS's atlas: one page per centrality with a map of the premises; (pages, seconds)."""
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsUnitTypes,
        QgsVectorLayer,
    )

    start = time.perf_counter()
    project = QgsProject()
    centralities = QgsVectorLayer(f"{path}|layername=centralities", "c", "ogr")
    premises = QgsVectorLayer(f"{path}|layername=premises", "p", "ogr")
    roads = QgsVectorLayer(f"{path}|layername=roads", "r", "ogr")
    for layer in (centralities, premises, roads):
        project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(15, 20, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(267, 180, QgsUnitTypes.LayoutMillimeters))
    item.setLayers([premises, centralities, roads])
    item.setAtlasDriven(True)
    atlas = layout.atlas()
    atlas.setCoverageLayer(centralities)
    atlas.setEnabled(True)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    result, error = QgsLayoutExporter.exportToPdf(atlas, str(output), settings)
    if result != QgsLayoutExporter.Success:
        raise SystemExit(f"QGIS atlas anchor failed: {error}")
    return centralities.featureCount(), time.perf_counter() - start


def main(n_zones: int = 50) -> None:
    import gc

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    run(n_zones)
    gc.collect()  # layouts and layers go before QGIS does
    app.exitQgis()


def run(n_zones: int) -> None:
    from observatoire_commerce.reporting import atlas, atlas_data

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_atlas.gpkg"
        start = time.perf_counter()
        premises, observations = build_observatory(path, n_zones=n_zones)
        add_atlas_inputs(path, n_zones)
        print(f"observatory: {n_zones} centralities, {premises} premises, {observations} "
              f"observations, footfall and catchments stored "
              f"({time.perf_counter() - start:.1f} s to build)")
        start = time.perf_counter()
        built = atlas.build(str(path), atlas_data.Options(language="en"))
        build_time = time.perf_counter() - start
        start = time.perf_counter()
        pages = atlas.export_pdf(built, str(Path(tmp) / "atlas.pdf"))
        export_time = time.perf_counter() - start
        size = (Path(tmp) / "atlas.pdf").stat().st_size / 1e6
        charts = len(built.charts)
        built.cleanup()
        total = build_time + export_time
        print(f"atlas: {pages} pages (3 + 2 × {n_zones}), {charts} charts, {size:.1f} MB")
        print(f"  build (figures, layers, charts, layout): {build_time:6.1f} s")
        print(f"  export to PDF:                            {export_time:6.1f} s")
        print(f"  total {total:.1f} s = {total / pages:.2f} s per page "
              f"({build_time / pages:.2f} build + {export_time / pages:.2f} export)")
        anchor_pages, anchor_time = qgis_atlas_anchor(path, Path(tmp) / "anchor.pdf")
        print(f"anchor, QGIS atlas of one map page per centrality: {anchor_pages} pages in "
              f"{anchor_time:.1f} s = {anchor_time / anchor_pages:.2f} s per page; ratio "
              f"(our time per page / QGIS's) {total / pages / (anchor_time / anchor_pages):.1f}")
        del built


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
