"""Catchments on a hand-built network, every expected value computed by hand.

The network: a 5 × 4 grid of nodes (i, j) at x = 100 i, y = 100 j (i = 0..4, j = 0..3), 31 edges
of 100 m, plus a disconnected street of 2 edges at x = 2000..2200, y = 0 (33 edges). Speeds are
6 km/h for both modes, so every edge takes 1 min and walking times are Manhattan distances.
Cars: edge (1,0)→(2,0) is one-way along its digitisation (oneway = 1); edge (0,1)→(0,2) is
one-way against it (oneway = -1: cars only drive (0,2)→(0,1)); edge (3,3)-(4,3) is a footway.
"""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.catchment import (
    alpha_shape,
    assign_to_nodes,
    catchment_polygons,
    dissolved_catchments,
    network_catchments,
    node_costs,
)
from observatoire_commerce.analysis.network import (
    CancelledError,
    RoadNetwork,
    Router,
    snap_points,
)

SIX = {"default": 6.0, "residential": 6.0}


@pytest.fixture(autouse=True)
def _every_engine(routing_engine):
    """Every test here runs with scipy's Dijkstra and with the compiled search."""


def grid_network():
    x0, y0, x1, y1, oneway, klass = [], [], [], [], [], []

    def edge(a, b, ow=0, cls="residential"):
        x0.append(a[0]), y0.append(a[1]), x1.append(b[0]), y1.append(b[1])
        oneway.append(ow), klass.append(cls)

    for j in range(4):
        for i in range(4):
            ow = 1 if (i, j) == (1, 0) else 0
            cls = "footway" if (i, j) == (3, 3) else "residential"
            edge((100 * i, 100 * j), (100 * i + 100, 100 * j), ow, cls)
    for i in range(5):
        for j in range(3):
            edge((100 * i, 100 * j), (100 * i, 100 * j + 100), -1 if (i, j) == (0, 1) else 0)
    edge((2000, 0), (2100, 0))
    edge((2100, 0), (2200, 0))
    return RoadNetwork.from_edges(x0, y0, x1, y1, oneway=oneway, road_class=klass)


NET = grid_network()


def nodes_of(points):
    """Node ids of grid positions (i, j) (x = 100 i, y = 100 j)."""
    ids = []
    for i, j in points:
        d = np.hypot(NET.node_x - 100 * i, NET.node_y - 100 * j)
        assert d.min() < 1e-9
        ids.append(int(d.argmin()))
    return sorted(ids)


#: population cells: centroid, population, households
CELLS = pd.DataFrame({
    "x": [10, 190, 100, 400, 2100, 250],
    "y": [10, 15, 205, 300, 5, 150],
    "population": [100.0, 50.0, 30.0, 7.0, 1000.0, 999.0],
    "households": [40.0, 20.0, 12.0, 3.0, 400.0, 400.0],
})
# nearest nodes: (0,0) 14 m, (2,0) 18 m, (1,2) 5 m, (4,3) 0 m, (21,0) 5 m; the last cell is
# 70.7 m from its nearest node: beyond the 30 m tolerance, not counted

#: points of interest: 1 = shop, vacant premise
POIS = pd.DataFrame({"x": [95, 300, 0], "y": [3, 5, 290], "shop": [1, 0, 1], "vacant": [0, 1, 0]})

#: origins: on node (0,0); on the disconnected street half-way along (20,0)-(21,0); off network
ORIGINS = pd.DataFrame({"x": [0.0, 2050.0, 1000.0], "y": [0.0, 3.0, 1000.0]})


def run(mode, bands=(1, 2, 3), values=None, cost="time"):
    router = Router(NET, mode, cost=cost, speeds=SIX)
    snapped = snap_points(NET, ORIGINS.x, ORIGINS.y, tolerance=50.0, mode=mode)
    return router, snapped, network_catchments(router, snapped, list(bands), values, chunk=2)


def population(mode):
    return assign_to_nodes(NET, CELLS.x, CELLS.y, CELLS[["population", "households"]],
                           tolerance=30.0, mode=mode)


def test_the_hand_built_network():
    assert NET.n_edges == 33
    assert NET.n_nodes == 23


def test_cells_assigned_to_nearest_node_within_tolerance():
    values = population("walk")
    assert values.unassigned == [5]
    assert values.node_of_point[:5].tolist() == [nodes_of([p])[0] for p in
                                                 [(0, 0), (2, 0), (1, 2), (4, 3), (21, 0)]]
    assert values.values.sum(axis=0).tolist() == [1187.0, 475.0]


def test_walking_reachable_sets_and_times():
    _, _, result = run("walk")
    t = node_costs(result, 0, NET.n_nodes)
    reached = sorted(np.flatnonzero(t <= 120 + 1e-6).tolist())
    assert reached == nodes_of([(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)])
    assert t[nodes_of([(2, 1)])[0]] == pytest.approx(180.0)
    assert t[nodes_of([(0, 2)])[0]] == pytest.approx(120.0)  # on foot the one-way is ignored
    assert np.isinf(t[nodes_of([(20, 0)])]).all()  # the disconnected street is never reached
    assert result.unsnapped == [2]


def test_driving_respects_one_way_streets():
    _, _, result = run("car")
    t = node_costs(result, 0, NET.n_nodes)
    reached = sorted(np.flatnonzero(t <= 120 + 1e-6).tolist())
    # (0,1)→(0,2) is forbidden: (0,2) costs 4 min by (0,1)→(1,1)→(1,2)→(0,2)
    assert reached == nodes_of([(0, 0), (1, 0), (0, 1), (2, 0), (1, 1)])
    assert np.isinf(t[nodes_of([(0, 2)])[0]])  # beyond the 3-min cut-off
    router = Router(NET, "car", speeds=SIX)
    from_20 = router.times(snap_points(NET, [200], [0], 1.0, to="node"))[0]
    # against the one-way (2,0)→(1,0): (2,0)→(2,1)→(1,1)→(1,0) = 3 min
    assert from_20[nodes_of([(1, 0)])[0]] == pytest.approx(180.0)
    assert from_20[nodes_of([(0, 0)])[0]] == pytest.approx(240.0)  # on foot: 2 min
    from_01 = router.times(snap_points(NET, [0], [100], 1.0, to="node"))[0]
    # (0,1)→(0,2) is one-way against its digitisation: (0,1)→(1,1)→(1,2)→(0,2) = 3 min
    assert from_01[nodes_of([(0, 2)])[0]] == pytest.approx(180.0)


def test_population_reached_per_origin_and_band_walking():
    _, _, result = run("walk", values=population("walk"))
    expected = pd.DataFrame({
        "origin": [0, 0, 0, 1, 1, 1],
        "band": [1.0, 2.0, 3.0] * 2,
        # Manhattan balls: 3, 6, 10 nodes; disconnected street: 2 nodes at 0.5 min, 3 at 1.5
        "nodes_reached": [3, 6, 10, 2, 3, 3],
        "population": [100.0, 150.0, 180.0, 1000.0, 1000.0, 1000.0],
        "households": [40.0, 60.0, 72.0, 400.0, 400.0, 400.0],
    })
    pd.testing.assert_frame_equal(result.totals, expected, check_dtype=False)


def test_population_reached_driving():
    _, _, result = run("car", values=population("car"))
    first = result.totals[result.totals.origin == 0]
    # band 3: Manhattan-3 ball minus (0,2) and (0,3), which the one-way pushes to 4 and 5 min
    assert first.nodes_reached.tolist() == [3, 5, 8]
    assert first.population.tolist() == [100.0, 150.0, 180.0]


def test_points_of_interest_counted_per_band():
    shops = assign_to_nodes(NET, POIS.x, POIS.y, POIS[["shop", "vacant"]], tolerance=30.0)
    _, _, result = run("walk", values=shops)
    first = result.totals[result.totals.origin == 0]
    assert first.shop.tolist() == [1.0, 1.0, 2.0]   # (1,0) at 1 min, (0,3) at 3 min
    assert first.vacant.tolist() == [0.0, 0.0, 1.0]  # (3,0) at 3 min


def test_distance_bands_in_metres():
    _, _, result = run("walk", bands=(150, 250), cost="length")
    # from the middle of (20,0)-(21,0): 50 m, 50 m, 150 m
    assert result.totals.nodes_reached.tolist() == [3, 6, 3, 3]


def test_dissolve_by_band_is_the_union_over_origins():
    router = Router(NET, "walk", speeds=SIX)
    snapped = snap_points(NET, ORIGINS.x, ORIGINS.y, tolerance=50.0)
    totals, cost = dissolved_catchments(router, snapped, [1, 2], population("walk"))
    assert totals.nodes_reached.tolist() == [5, 9]
    assert totals.population.tolist() == [1100.0, 1150.0]
    assert cost[nodes_of([(22, 0)])[0]] == pytest.approx(90.0)


def test_threads_give_the_same_result_as_one_worker():
    router = Router(NET, "walk", speeds=SIX)
    snapped = snap_points(NET, ORIGINS.x, ORIGINS.y, tolerance=50.0)
    one = network_catchments(router, snapped, [1, 3], population("walk"), chunk=1, workers=1)
    two = network_catchments(router, snapped, [1, 3], population("walk"), chunk=1, workers=2)
    pd.testing.assert_frame_equal(one.totals, two.totals)


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_is_reported_and_cancel_stops_the_run(workers):
    router = Router(NET, "walk", speeds=SIX)
    snapped = snap_points(NET, ORIGINS.x, ORIGINS.y, tolerance=50.0)
    calls = []
    network_catchments(router, snapped, [1], chunk=1, workers=workers,
                       progress=lambda done, total: calls.append((done, total)) or True)
    assert calls == [(1, 2), (2, 2)]
    with pytest.raises(CancelledError, match="after 1 of 2"):
        network_catchments(router, snapped, [1], chunk=1, workers=workers,
                           progress=lambda done, total: False)


def test_polygon_of_a_one_minute_walk_is_the_reached_triangle():
    router, snapped, result = run("walk")
    polygons = catchment_polygons(router, node_costs(result, 0, NET.n_nodes), 60.0, alpha=150.0)
    assert len(polygons) == 1
    shell, holes = polygons[0]
    assert holes == []
    assert np.array_equal(shell[0], shell[-1])  # closed ring
    # (0,0), (100,0), (0,100): area 100 × 100 / 2
    x, y = shell[:, 0], shell[:, 1]
    assert 0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]) == pytest.approx(5000.0)


def test_alpha_shape_square_and_hole():
    square = alpha_shape(np.array([[0, 0], [100, 0], [100, 100], [0, 100], [50, 50]]), 100.0)
    assert len(square) == 1 and square[0][1] == []
    assert alpha_shape(np.array([[0, 0], [100, 0], [100, 100], [0, 100], [50, 50]]), 60.0) == []
    # 25 m lattice over 0..300 without the points strictly inside 100..200: a hole
    g = np.arange(0, 301, 25.0)
    pts = np.array([(x, y) for x in g for y in g if not (100 < x < 200 and 100 < y < 200)])
    polygons = alpha_shape(pts, 40.0)
    assert len(polygons) == 1
    shell, holes = polygons[0]
    assert len(holes) == 1

    def area(r):
        return 0.5 * np.sum(r[:-1, 0] * r[1:, 1] - r[1:, 0] * r[:-1, 1])

    assert area(shell) == pytest.approx(90000.0)
    # clockwise; each corner of the empty square keeps one 25 × 25 / 2 triangle (sides 25,
    # 25, 35.4 <= 40): 10 000 - 4 × 312.5
    assert area(holes[0]) == pytest.approx(-8750.0)
    assert alpha_shape(np.array([[0, 0], [1, 1], [2, 2]]), 10.0) == []  # collinear


def test_bad_inputs_give_clear_errors():
    router = Router(NET, "walk")
    snapped = snap_points(NET, ORIGINS.x, ORIGINS.y, tolerance=50.0)
    with pytest.raises(ValueError, match="strictly increasing"):
        network_catchments(router, snapped, [10, 5])
    with pytest.raises(ValueError, match="positive numbers"):
        network_catchments(router, snapped, [0, 5])
    with pytest.raises(ValueError, match="values have 2 rows, expected 3"):
        assign_to_nodes(NET, [0, 1, 2], [0, 1, 2], {"population": [1, 2]}, tolerance=10)
    with pytest.raises(ValueError, match="numeric"):
        assign_to_nodes(NET, [0], [0], {"population": ["many"]}, tolerance=10)
    with pytest.raises(ValueError, match="alpha must be > 0"):
        catchment_polygons(router, np.zeros(NET.n_nodes), 60.0, alpha=0)


def test_unique_rows_as_numpy_unique():
    from observatoire_commerce.analysis.catchment import unique_rows

    rng = np.random.default_rng(3)
    pts = rng.integers(0, 5, (200, 2)).astype(float)
    np.testing.assert_array_equal(unique_rows(pts), np.unique(pts, axis=0))
    assert unique_rows(np.zeros((0, 2))).shape == (0, 2)


def test_points_reached_from_zones_over_their_streets():
    """Car, 1 min per edge. Points: A on (0,0)-(1,0) at 0.25; B on the one-way (1,0)→(2,0) at
    0.5 (cars only drive it eastwards); C on the disconnected street; D 500 m from any road.
    Zones: the square around node (0,0); a point zone at (105, 5) (nearest node (1,0)); a
    square holding no node whose centroid is nearest (2,1); a point far from every road."""
    from observatoire_commerce.analysis.catchment import reached_from_zones

    router = Router(NET, "car", speeds=SIX)
    pts = snap_points(NET, [25, 150, 2050, 1000], [1, 2, 1, 800], tolerance=50.0, mode="car")
    assert pts.unsnapped == [3]
    sq = [[np.array([[-10, -10], [10, -10], [10, 10], [-10, 10], [-10, -10]], float)]]
    empty = [[np.array([[180, 80], [220, 80], [220, 120], [180, 120], [180, 80]], float)]]
    zones = {"sq": sq, "pt": (105.0, 5.0), "empty": empty, "far": (5000.0, 5000.0)}
    hits, off = reached_from_zones(router, zones, pts, 60.0, tolerance=50.0)
    assert off == ["far"] and hits["far"].tolist() == []
    # from (0,0): A 0.25 min; B = (0,0)→(1,0) 1 min + 0.5 min > 1 min
    assert hits["sq"].tolist() == [0]
    # from (1,0): A 0.75 min; B 0.5 min along the one-way
    assert hits["pt"].tolist() == [0, 1]
    # from (2,1): (2,0) 1 min, then B only against the one-way (not for cars): nothing
    assert hits["empty"].tolist() == []
    walk = Router(NET, "walk", speeds=SIX)
    hits, _ = reached_from_zones(walk, {"empty": empty}, pts, 90.0, tolerance=50.0)
    assert hits["empty"].tolist() == [1]  # on foot: (2,0) 1 min + 0.5 min back along B


def _area(ring):
    return 0.5 * np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1])


def test_mask_outline_shells_holes_corners_and_islands():
    from observatoire_commerce.analysis.catchment import mask_outline

    ring = np.ones((3, 3), bool)
    ring[1, 1] = False
    [(shell, holes)] = mask_outline(ring, 100.0, 200.0, 10.0)
    # collinear vertices dropped: the 4 corners only, counter-clockwise, then the hole
    assert shell.tolist() == [[100, 200], [130, 200], [130, 230], [100, 230], [100, 200]]
    assert len(holes) == 1 and _area(holes[0]) == -100.0
    # two cells touching by a corner: two separate squares
    assert sorted(_area(s) for s, _ in mask_outline(np.eye(2, dtype=bool), 0, 0, 1)) == [1, 1]
    # a donut holding an island: the hole goes to the donut, not to the smaller island
    donut = np.ones((5, 5), bool)
    donut[1:4, 1:4] = False
    donut[2, 2] = True
    polygons = sorted(mask_outline(donut, 0, 0, 1), key=lambda p: -_area(p[0]))
    assert [(_area(s), [_area(h) for h in hs]) for s, hs in polygons] == [(25, [-9]), (1, [])]
    assert mask_outline(np.zeros((2, 2), bool), 0, 0, 1) == []


def test_grid_outline_of_a_one_minute_walk():
    from observatoire_commerce.analysis.catchment import raster_polygons

    router, snapped, result = run("walk")
    cost = node_costs(result, 0, NET.n_nodes)
    # reached within 1 min from (0,0): the streets to (1,0) and (0,1), sampled every 5 m into
    # cells of 10 m aligned on (0, 0): an L of two arms of 11 cells ([0, 110) × [0, 10) and
    # [0, 10) × [0, 110)) sharing the corner cell; closing gaps under 20 m (a disk of one
    # cell) fills the inner corner cell [10, 20)²: 11 + 11 - 1 + 1 = 22 cells of 100 m²
    polygons = raster_polygons(router, cost, 60.0, gap=20.0, cell=10.0)
    assert len(polygons) == 1 and polygons[0][1] == []
    assert polygons[0][0].tolist() == [[0, 0], [110, 0], [110, 10], [20, 10], [20, 20],
                                       [10, 20], [10, 110], [0, 110], [0, 0]]
    assert _area(polygons[0][0]) == 2200.0
    with pytest.raises(ValueError, match="gap must be > 0"):
        raster_polygons(router, cost, 60.0, gap=0)
    assert raster_polygons(router, np.full(NET.n_nodes, np.inf), 60.0, gap=20.0) == []


def test_polygons_of_each_origin_as_drawn_one_by_one():
    from observatoire_commerce.analysis.catchment import origin_polygons, reached_by_origin

    router, snapped, result = run("walk")  # origins 0 and 1 snapped, 2 off the network
    reached = reached_by_origin(result, snapped)
    assert [o for o, _n, _c in reached] == [0, 1]
    assert sorted(reached[1][1].tolist()) == nodes_of([(20, 0), (21, 0), (22, 0)])
    drawn = origin_polygons(router, result, snapped, catchment_polygons, 150.0, workers=2)
    for (o, _n, _c), per_band in zip(reached, drawn):
        cost = node_costs(result, o, NET.n_nodes)
        for limit, polygons in zip((60.0, 120.0, 180.0), per_band):
            expected = catchment_polygons(router, cost, limit * (1 + 1e-9), 150.0)
            assert len(polygons) == len(expected)
            for (shell, holes), (shell_e, holes_e) in zip(polygons, expected):
                np.testing.assert_array_equal(shell, shell_e)
                assert len(holes) == len(holes_e)
