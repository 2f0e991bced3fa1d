"""Benchmark: our network catchments (stored network) against QGIS's service area, same run.

Builds the ≈150 000-edge synthetic network of ``bench_catchments_analysis`` (50 m blocks, main
streets with maxspeed 50, some one-way streets and footways) in an observatory GeoPackage with a
50 176-cell population grid, imports the roads' topology once, then times:

* **ours** — the path ``observatoire:network_catchments`` takes: load the stored topology
  (arrays, no re-snapping), read the population grid, snap origins, assign cells to nodes, and
  one multi-band search per origin with the population totals per band: 3 walking bands
  (5, 10, 15 min) and 2 driving bands (10, 20 min), for 100 and 1 000 origins (2 threads).
  The search is the compiled bucket-queue search of ``analysis.fast_search`` (numba; its
  one-off compilation, or loading from numba's cache, is timed apart on a tiny grid);
  driving runs load the contraction hierarchy stored at import and switch to PHAST
  (``analysis.contraction``) when the first origin reaches most of the network; at 100
  origins the scipy engine (the fallback without numba) is timed too;
  Polygons are not part of this timing; the full algorithm (``processing.run``, alpha-shape
  polygons included) is timed once for 100 walking origins;
* **QGIS** — ``native:serviceareafromlayer`` on the same roads layer and origins, fastest path,
  one run per band (it takes one travel cost per run), walking at 4.8 km/h both ways; driving
  with the one-way field and maxspeed (30 km/h default; it cannot bar footways, so its driving
  network is slightly larger). QGIS computes no population. For 1 000 origins QGIS is timed on
  1 and 100 origins and extrapolated linearly: t(1 000) ≈ t(1) + 999 × (t(100) - t(1)) / 99;
* Huff: 1 000 destinations × 50 176 cells, straight-line distance (``analysis.huff``).

Targets (issue 6): ours ≥ 20× faster than QGIS at 100 origins; 1 000 walking origins × 3 bands
with population < 5 s on 2 cores; Huff 1 000 × 50 000 < 1 s.

Usage: ``.venv/bin/python benchmarks/bench_network_catchments.py [--workers 2] [--side 275]``
"""

import _bootstrap  # noqa: F401

# isort: split
import argparse
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_catchments_analysis import synthetic_grid, synthetic_network

from observatoire_commerce.analysis import fast_search
from observatoire_commerce.analysis.catchment import assign_to_nodes, network_catchments
from observatoire_commerce.analysis.huff import huff_model
from observatoire_commerce.analysis.network import RoadNetwork, Router, snap_points
from observatoire_commerce.jobs import network
from observatoire_commerce.store import geometry, gpkg, network_store, observatory
from observatoire_commerce.store.readers import territory

X0, Y0 = 480000.0, 6580000.0  # Lambert-93 offset of the synthetic grid
WALK_BANDS, CAR_BANDS = [5, 10, 15], [10, 20]


def timed(label, func, *args, **kwargs):
    t0 = time.perf_counter()
    out = func(*args, **kwargs)
    dt = time.perf_counter() - t0
    print(f"{label:<66s} {dt:8.3f} s", flush=True)
    return out, dt


def build_gpkg(path: Path, edges: dict, cells: tuple) -> None:
    observatory.create_observatory(path, "Benchmark", 2154)
    conn = observatory.open_observatory(path)
    records = [{"coords": np.array([[x0 + X0, y0 + Y0], [x1 + X0, y1 + Y0]]),
                "road_class": c, "oneway": int(o), "maxspeed": m}
               for x0, y0, x1, y1, c, o, m in zip(
                   edges["x0"], edges["y0"], edges["x1"], edges["y1"], edges["road_class"],
                   edges["oneway"], edges["maxspeed"])]
    with gpkg.transaction(conn):
        timed(f"write {len(records)} roads to the GeoPackage", network_store.write_roads,
              conn, records, 2154)
    with gpkg.transaction(conn):
        counts, _ = timed("import: build and store the topology and hierarchy (once)",
                          network.build_topology, conn, 2154)
    cx, cy, cols, size = cells
    half = size / 2
    rows = [(f"c{i}", float(p), float(h), geometry.encode("polygon", [np.array(
        [[x - half, y - half], [x + half, y - half], [x + half, y + half],
         [x - half, y + half], [x - half, y - half]])], 2154))
        for i, (x, y, p, h) in enumerate(zip(cx + X0, cy + Y0, cols["population"],
                                             cols["households"]))]
    with gpkg.transaction(conn):
        conn.executemany("INSERT INTO population_grid (uuid, ind, men, geom) VALUES (?,?,?,?)",
                         rows)
    conn.close()
    print(f"    network: {counts['nodes']} nodes, {counts['edges']} edges; "
          f"{len(rows)} population cells ({size:.0f} m)")


def ours(path: Path, origins: tuple, mode: str, bands: list, workers: int, engine: str):
    """What the algorithm does before drawing polygons."""
    conn = gpkg.connect(path)
    try:
        net = network.load_network(conn, check=True).network
        cells = territory.population_cells(conn, lean=True)
        router = Router(net, mode, engine=engine)
        if engine == "numba" and mode in network.HIERARCHY_MODES:
            router.attach_hierarchy(network.load_hierarchy(conn, mode))
    finally:
        conn.close()
    snapped = snap_points(net, origins[0], origins[1], 100.0, mode=mode)
    values = assign_to_nodes(net, cells["x"], cells["y"],
                             {"population": cells["ind"], "households": cells["men"]}, 150.0,
                             mode)
    return network_catchments(router, snapped, bands, values, keep_reached=False,
                              workers=workers)


def warm_up() -> None:
    """Run every compiled kernel once on a tiny grid (bucket search on foot, PHAST by car),
    so that compiling them, or loading them from numba's cache, is not timed as a run."""
    side = 6
    i, j = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    a = np.r_[(i * side + j)[:-1, :].ravel(), (i * side + j)[:, :-1].ravel()]
    b = np.r_[(i * side + j)[1:, :].ravel(), (i * side + j)[:, 1:].ravel()]
    net = RoadNetwork.from_edges(*(np.c_[a % side, a // side] * 100.0).T,
                                 *(np.c_[b % side, b // side] * 100.0).T)
    values = assign_to_nodes(net, [50.0], [50.0], {"population": [1.0]}, 100.0)
    for mode, engine in (("walk", "numba"), ("car", "hierarchy")):
        router = Router(net, mode, engine=engine)
        snapped = snap_points(net, [120.0, 260.0], [0.0, 100.0], 50.0, mode=mode)
        network_catchments(router, snapped, [5, 10], values, keep_reached=False, workers=2)


def qgis_points(origins: tuple):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=id:integer", "origins", "memory")
    features = []
    for i, (x, y) in enumerate(zip(*origins)):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes([i])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def qgis_service_area(path: Path, origins: tuple, mode: str, bands: list) -> float:
    """Seconds for ``native:serviceareafromlayer``, one run per band."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    roads = QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")
    points = qgis_points(origins)
    params = {"INPUT": roads, "STRATEGY": 1, "START_POINTS": points, "TOLERANCE": 0,
              "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"}
    if mode == "walk":
        params.update({"DEFAULT_DIRECTION": 2, "DEFAULT_SPEED": 4.8})
    else:
        params.update({"DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "1",
                       "VALUE_BACKWARD": "-1", "VALUE_BOTH": "0", "DEFAULT_DIRECTION": 2,
                       "SPEED_FIELD": "maxspeed", "DEFAULT_SPEED": 30.0})
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # QGIS 3.22's network algorithms need one
    t0 = time.perf_counter()
    for band in bands:
        processing.run("native:serviceareafromlayer", dict(params, TRAVEL_COST2=band / 60.0),
                       context=context, feedback=QgsProcessingFeedback())
    return time.perf_counter() - t0


def algorithm_run(path: Path, origins: tuple) -> float:
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    t0 = time.perf_counter()
    processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(path), "ORIGINS": qgis_points(origins), "MODE": 0,
        "BANDS": ",".join(str(b) for b in WALK_BANDS), "OUTPUT": "memory:",
        "OUTPUT_ORIGINS": "memory:"}, feedback=QgsProcessingFeedback())
    return time.perf_counter() - t0


def start_qgis():
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from observatoire_commerce.processing.provider import ObservatoireProvider

    app = QgsApplication([], False)
    app.initQgis()
    Processing.initialize()
    app.observatoire_provider = ObservatoireProvider()  # keep a reference: not collected
    QgsApplication.processingRegistry().addProvider(app.observatoire_provider)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="threads (default 2)")
    parser.add_argument("--side", type=int, default=275, help="grid side (275: ≈150 000 edges)")
    parser.add_argument("--no-qgis", action="store_true", help="skip the QGIS comparison")
    parser.add_argument("--engine", choices=("numba", "scipy"),
                        default="numba" if fast_search.AVAILABLE else "scipy",
                        help="our shortest-path engine (default: numba when installed)")
    args = parser.parse_args()
    print(f"our engine: {args.engine} (scipy's Dijkstra is also timed at 100 origins)")
    if args.engine == "numba":
        timed("numba searches: compile (first use) or load from numba's cache", warm_up)
    app = None if args.no_qgis else start_qgis()
    folder = Path(tempfile.mkdtemp(prefix="bench-catchments-"))
    try:
        edges = synthetic_network(args.side)
        extent = float(edges["x1"].max())
        cells = synthetic_grid(extent)
        path = folder / "bench.gpkg"
        build_gpkg(path, edges, cells)
        rng = np.random.default_rng(2)
        all_origins = (rng.uniform(0, extent, 1000) + X0, rng.uniform(0, extent, 1000) + Y0)
        summary = []
        for mode, bands in (("walk", WALK_BANDS), ("car", CAR_BANDS)):
            for n in (100, 1000):
                origins = (all_origins[0][:n], all_origins[1][:n])
                result, dt = timed(f"ours: {mode}, {n} origins x {len(bands)} bands + "
                                   "population", ours, path, origins, mode, bands, args.workers,
                                   args.engine)
                if n == 100 and args.engine != "scipy":
                    timed("    same with the scipy engine", ours, path, origins, mode, bands,
                          args.workers, "scipy")
                last = result.totals[result.totals.band == bands[-1]]
                print(f"    mean population within {bands[-1]} min: "
                      f"{last.population.mean():.0f}")
                if app is None:
                    continue
                if n == 100:
                    one, _ = timed(f"QGIS serviceareafromlayer: {mode}, 1 origin x "
                                   f"{len(bands)} bands", qgis_service_area, path,
                                   (origins[0][:1], origins[1][:1]), mode, bands)
                    q100, _ = timed(f"QGIS serviceareafromlayer: {mode}, 100 origins x "
                                    f"{len(bands)} bands", qgis_service_area, path, origins,
                                    mode, bands)
                    t_one, t100, qgis, note = one, q100, q100, "measured"
                else:
                    qgis = t_one + 999 * (t100 - t_one) / 99
                    note = "extrapolated from 1 and 100 origins"
                summary.append((mode, n, dt, qgis, note))
                print(f"    QGIS {qgis:.2f} s ({note}); ours {dt:.2f} s; ratio "
                      f"{qgis / dt:.1f}x")
        if app is not None:
            origins = (all_origins[0][:100], all_origins[1][:100])
            timed("ours, full algorithm (processing.run, polygons): walk, 100 origins x 3",
                  algorithm_run, path, origins)
        dest = (rng.uniform(0, extent, 1000), rng.uniform(0, extent, 1000))
        cx, cy, cols, size = cells
        timed(f"Huff 1000 destinations x {cx.size} cells (power, beta 2)", huff_model,
              rng.uniform(100, 5000, 1000), cols["population"], demand_xy=(cx, cy),
              destination_xy=dest, alpha=1.0, beta=2.0, min_cost=size / 2,
              workers=args.workers)
        if summary:
            print("\nmode  origins   ours (s)   QGIS (s)   ratio")
            for mode, n, dt, qgis, note in summary:
                print(f"{mode:<5s} {n:>7d} {dt:10.2f} {qgis:10.2f} {qgis / dt:7.1f}x  ({note})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if app is not None:
            app.exitQgis()


if __name__ == "__main__":
    main()
