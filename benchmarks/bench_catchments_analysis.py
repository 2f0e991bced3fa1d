"""Benchmark of the pure catchment and Huff analysis (``analysis/``), no QGIS needed.

Builds a synthetic grid-like network of about 150 000 edges (50 m blocks, main streets every
10th line, some one-way streets and footways) and a 50 000-cell population grid, then times:

* building the topology from edge arrays, and re-loading it from its saved arrays;
* walking catchments, 3 bands (5, 10, 15 min) with population, for 100 and 1 000 origins;
* driving catchments, 2 bands (10, 20 min) with population, for 100 and 1 000 origins;
* Huff probabilities for 1 000 destinations × 50 000 cells (straight-line distance).

Targets (issue 6): 1 000 walking origins × 3 bands with population < 5 s on 2 cores; Huff
1 000 × 50 000 < 1 s. The same network stored in a GeoPackage and timed against QGIS's
``native:serviceareafromlayer`` in the same run: ``bench_network_catchments.py``.

Usage: ``.venv/bin/python benchmarks/bench_catchments_analysis.py [--workers N]``
"""

import _bootstrap  # noqa: F401

# isort: split
import argparse
import time

import numpy as np

from observatoire_commerce.analysis.catchment import assign_to_nodes, network_catchments
from observatoire_commerce.analysis.huff import huff_model
from observatoire_commerce.analysis.network import RoadNetwork, Router, snap_points

SPACING = 50.0  # metres between grid lines


def synthetic_network(side: int = 275, seed: int = 0) -> dict:
    """Edge arrays of a ``side`` × ``side`` grid (≈ 2 side² edges) with jittered lengths."""
    rng = np.random.default_rng(seed)
    i, j = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    h = (i[:-1, :].ravel(), j[:-1, :].ravel(), i[1:, :].ravel(), j[1:, :].ravel())
    v = (i[:, :-1].ravel(), j[:, :-1].ravel(), i[:, 1:].ravel(), j[:, 1:].ravel())
    i0, j0, i1, j1 = (np.r_[a, b] for a, b in zip(h, v))
    n = i0.size
    main = (j0 % 10 == 0) & (j0 == j1) | (i0 % 10 == 0) & (i0 == i1)
    road_class = np.where(main, "primary", "residential").astype(object)
    road_class[rng.random(n) < 0.03] = "footway"
    oneway = np.where((~main) & (rng.random(n) < 0.15), 1, 0)
    length = SPACING * np.hypot(i1 - i0, j1 - j0) * rng.uniform(1.0, 1.2, n)
    return {"x0": i0 * SPACING, "y0": j0 * SPACING, "x1": i1 * SPACING, "y1": j1 * SPACING,
            "length": length, "road_class": road_class, "oneway": oneway,
            "maxspeed": np.where(main, 50.0, np.nan)}


def synthetic_grid(extent: float, n_side: int = 224, seed: int = 1) -> tuple:
    """Cell centroids and population of an ``n_side``² grid covering ``extent`` metres."""
    rng = np.random.default_rng(seed)
    size = extent / n_side
    c = (np.arange(n_side) + 0.5) * size
    x, y = (a.ravel() for a in np.meshgrid(c, c, indexing="ij"))
    pop = rng.poisson(20, x.size).astype(np.float64)
    return x, y, {"population": pop, "households": np.round(pop / 2.2, 1)}, size


def timed(label: str, func, *args, **kwargs):
    t0 = time.perf_counter()
    out = func(*args, **kwargs)
    dt = time.perf_counter() - t0
    print(f"{label:<58s} {dt:8.3f} s")
    return out, dt


def run_ours(net: RoadNetwork, origins: tuple, cells: tuple, mode: str, bands: list,
             workers: int) -> tuple:
    """Our catchments: router + snapping + cell assignment + per-origin band totals."""
    router = Router(net, mode)
    snapped = snap_points(net, origins[0], origins[1], tolerance=100.0, mode=mode)
    values = assign_to_nodes(net, cells[0], cells[1], cells[2], tolerance=150.0, mode=mode)
    return network_catchments(router, snapped, bands, values, keep_reached=False,
                              workers=workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="threads (default 2)")
    args = parser.parse_args()
    edges = synthetic_network()
    print(f"network: {edges['x0'].size} edges; workers: {args.workers}")
    net, _ = timed("build topology from edge arrays (snap 0.01 m)", RoadNetwork.from_edges,
                   **edges)
    nodes, edge_table = net.to_arrays()
    net, _ = timed("re-load from saved arrays", RoadNetwork.from_arrays, nodes, edge_table)
    extent = float(edges["x1"].max())
    cx, cy, cols, size = synthetic_grid(extent)
    print(f"nodes: {net.n_nodes}; cells: {cx.size} ({size:.0f} m)")
    rng = np.random.default_rng(2)
    all_origins = (rng.uniform(0, extent, 1000), rng.uniform(0, extent, 1000))
    for mode, bands in (("walk", [5, 10, 15]), ("car", [10, 20])):
        for n in (100, 1000):
            origins = (all_origins[0][:n], all_origins[1][:n])
            label = f"{mode} catchments, {n} origins x {len(bands)} bands + population"
            result, _ = timed(label, run_ours, net, origins, (cx, cy, cols), mode, bands,
                              args.workers)
        last = result.totals[result.totals.band == bands[-1]]
        print(f"    mean population reached in {bands[-1]} min: {last.population.mean():.0f}")
    dest = (rng.uniform(0, extent, 1000), rng.uniform(0, extent, 1000))
    attractiveness = rng.uniform(100, 5000, 1000)
    huff, _ = timed("Huff 1000 destinations x 50 176 cells (power, beta 2)", huff_model,
                    attractiveness, cols["population"], demand_xy=(cx, cy), destination_xy=dest,
                    alpha=1.0, beta=2.0, min_cost=size / 2)
    print(f"    total demand allocated: {huff.demand.sum():.0f} / {cols['population'].sum():.0f}")


if __name__ == "__main__":
    main()
