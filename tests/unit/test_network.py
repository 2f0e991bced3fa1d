"""Road network model: topology, modes and speeds, one-way streets, snapping, persistence.

Costs are chosen so that hand computation is easy: 100 m edges at 6 km/h = 1 min = 60 s.
"""

import numpy as np
import pytest

from observatoire_commerce.analysis.network import (
    DEFAULT_WALK_SPEED_KMH,
    RoadNetwork,
    Router,
    segments_from_lines,
    snap_points,
)

SIX = {"default": 6.0}  # 6 km/h: 100 m in 60 s


@pytest.fixture(autouse=True)
def _every_engine(routing_engine):
    """Every test here runs with scipy's Dijkstra and with the compiled search."""


def square(oneway_bottom=0, road_class=None):
    """Unit square of 100 m sides, counter-clockwise: A(0,0) B(100,0) C(100,100) D(0,100).

    Edge 0 is A→B (digitised from A to B); edges 1, 2, 3 are B→C, C→D, D→A.
    """
    x0 = [0, 100, 100, 0]
    y0 = [0, 0, 100, 100]
    x1 = [100, 100, 0, 0]
    y1 = [0, 100, 100, 0]
    return RoadNetwork.from_edges(x0, y0, x1, y1, oneway=[oneway_bottom, 0, 0, 0],
                                  road_class=road_class)


def node_at(net, x, y):
    d = np.hypot(net.node_x - x, net.node_y - y)
    assert d.min() < 1e-6, f"no node at ({x}, {y})"
    return int(d.argmin())


def from_node(router, net, x, y, **kw):
    """Costs from the node at (x, y) (the origin is snapped onto that node)."""
    snapped = snap_points(net, [x], [y], tolerance=1.0, to="node")
    return router.times(snapped, **kw)[0]


# ---------------------------------------------------------------------- topology
def test_endpoints_within_tolerance_become_one_node():
    # two edges whose shared endpoint differs by 4 mm, a third edge 5 cm away
    net = RoadNetwork.from_edges([0, 100.004, 200.05], [0, 0, 0], [100, 200, 300], [0, 0, 0],
                                 tolerance=0.01)
    assert net.n_nodes == 5
    assert net.to_node[0] == net.from_node[1]
    assert net.to_node[1] != net.from_node[2]
    assert net.node_x[net.to_node[0]] == pytest.approx(100.002)  # mean of the merged endpoints
    assert net.length.tolist() == pytest.approx([100, 99.996, 99.95])


def test_zero_tolerance_keeps_distinct_endpoints_apart():
    net = RoadNetwork.from_edges([0, 100.004], [0, 0], [100, 200], [0, 0], tolerance=0.0)
    assert net.n_nodes == 4


def test_node_ids_follow_first_appearance():
    net = square()
    assert net.from_node.tolist() == [0, 1, 2, 3]
    assert net.to_node.tolist() == [1, 2, 3, 0]


def test_lines_are_split_at_every_vertex_so_crossing_ways_connect():
    # an L-shaped way (3 vertices) and a straight way crossing its corner vertex
    seg = segments_from_lines([[(0, 0), (100, 0), (100, 100)], [(50, 0), (100, 0), (150, 0)],
                               [(7, 7)]])
    assert seg["line"].tolist() == [0, 0, 1, 1]
    assert seg["length"].tolist() == [100.0, 100.0, 50.0, 50.0]
    oneway = np.array([1, 0, 0])[seg["line"]]
    net = RoadNetwork.from_edges(seg["x0"], seg["y0"], seg["x1"], seg["y1"], seg["length"],
                                 oneway=oneway)
    corner = node_at(net, 100, 0)
    assert (net.to_node == corner).sum() == 2 and (net.from_node == corner).sum() == 2
    with pytest.raises(ValueError, match="two vertices"):
        segments_from_lines([[(0, 0)]])


def test_arrays_round_trip_gives_identical_network_and_times():
    net = RoadNetwork.from_edges([0, 100], [0, 0], [100, 200], [0, 0], road_class=["primary",
                                 "footway"], oneway=[1, 0], maxspeed=[30, None])
    nodes, edges = net.to_arrays()
    assert set(nodes) == {"x", "y"}
    assert set(edges) == {"from_node", "to_node", "length", "road_class", "oneway", "maxspeed"}
    again = RoadNetwork.from_arrays(nodes, edges)
    for mode in ("walk", "car"):
        np.testing.assert_array_equal(again.edge_costs(mode), net.edge_costs(mode))
        assert (again.graph(mode) != net.graph(mode)).nnz == 0


# ---------------------------------------------------------------------- speeds and modes
def test_default_walking_speed_and_time():
    net = square()
    assert DEFAULT_WALK_SPEED_KMH == 4.8
    # 100 m at 4.8 km/h = 100 / (4.8 / 3.6) = 75 s
    assert net.edge_costs("walk").tolist() == pytest.approx([75.0] * 4)


def test_car_speed_from_maxspeed_else_class_default():
    net = RoadNetwork.from_edges([0, 0, 0], [0, 10, 20], [100, 100, 100], [0, 10, 20],
                                 road_class=["residential", "residential", "mystery"],
                                 maxspeed=[np.nan, 90, None])
    # residential 30 km/h → 12 s; maxspeed 90 → 4 s; unknown class → "default" 30 km/h → 12 s
    assert net.edge_costs("car").tolist() == pytest.approx([12.0, 4.0, 12.0])
    custom = net.edge_costs("car", speeds={"residential": 10.0})
    assert custom.tolist() == pytest.approx([36.0, 4.0, 12.0])


def test_maxspeed_zero_closes_the_edge_to_cars_not_to_pedestrians():
    from observatoire_commerce.analysis.road_profiles import with_profiles

    net = RoadNetwork.from_edges([0, 0], [0, 10], [100, 100], [0, 10],
                                 road_class=["residential", "residential"], maxspeed=[0, None])
    for candidate in (net, with_profiles(net, {})):
        assert np.isfinite(candidate.edge_costs("car")).tolist() == [False, True]
        assert candidate.edge_costs("walk").tolist() == pytest.approx([75.0, 75.0])


def test_pedestrian_ways_not_drivable_and_motorways_not_walkable():
    net = RoadNetwork.from_edges([0, 0, 0], [0, 10, 20], [100, 100, 100], [0, 10, 20],
                                 road_class=["footway", "motorway", "residential"],
                                 maxspeed=[50, 130, None])
    walk, car = net.edge_costs("walk"), net.edge_costs("car")
    assert np.isfinite(walk).tolist() == [True, False, True]
    assert np.isfinite(car).tolist() == [False, True, True]
    assert car[1] == pytest.approx(100 / (130 / 3.6))
    assert net.edge_costs("car", cost="length")[[1, 2]].tolist() == [100.0, 100.0]


def test_one_way_street_used_by_car_in_one_direction_only_and_on_foot_both():
    net = square(oneway_bottom=1)  # A→B only, for cars
    a, b = node_at(net, 0, 0), node_at(net, 100, 0)
    car, walk = Router(net, "car", speeds=SIX), Router(net, "walk", speeds=SIX)
    assert from_node(car, net, 0, 0)[b] == pytest.approx(60.0)   # along: direct
    assert from_node(car, net, 100, 0)[a] == pytest.approx(180.0)  # against: B→C→D→A
    assert from_node(walk, net, 0, 0)[b] == pytest.approx(60.0)
    assert from_node(walk, net, 100, 0)[a] == pytest.approx(60.0)  # pedestrians ignore it


def test_reverse_one_way_street():
    net = square(oneway_bottom=-1)  # digitised A→B, cars may only drive B→A
    a, b = node_at(net, 0, 0), node_at(net, 100, 0)
    car = Router(net, "car", speeds=SIX)
    assert from_node(car, net, 0, 0)[b] == pytest.approx(180.0)
    assert from_node(car, net, 100, 0)[a] == pytest.approx(60.0)


def test_parallel_edges_keep_the_cheapest():
    net = RoadNetwork.from_edges([0, 0], [0, 0], [100, 100], [0, 0], length=[300, 100])
    g = net.graph("walk", cost="length")
    assert g[0, 1] == 100.0 and g[1, 0] == 100.0


def test_cutoff_leaves_unreached_nodes_infinite():
    net = square()
    t = from_node(Router(net, "walk", speeds=SIX), net, 0, 0, limit=90.0)
    c = node_at(net, 100, 100)
    assert np.isinf(t[c])
    assert sorted(t[np.isfinite(t)].tolist()) == pytest.approx([0.0, 60.0, 60.0])


def test_multi_source_min_only_gives_cost_from_nearest_origin():
    net = RoadNetwork.from_edges([0, 100, 200], [0, 0, 0], [100, 200, 300], [0, 0, 0])
    snapped = snap_points(net, [0, 300], [0, 0], tolerance=1.0, to="node")
    t = Router(net, "walk", speeds=SIX).times(snapped, min_only=True)
    assert t.tolist() == pytest.approx([0, 60, 60, 0])


# ---------------------------------------------------------------------- snapping origins
def test_origin_snaps_onto_the_nearest_edge_with_partial_costs():
    net = square(oneway_bottom=1)
    snapped = snap_points(net, [25.0], [4.0], tolerance=10.0)
    assert snapped.edge.tolist() == [0]
    assert snapped.fraction[0] == pytest.approx(0.25)
    assert snapped.distance[0] == pytest.approx(4.0)
    a, b = node_at(net, 0, 0), node_at(net, 100, 0)
    walk = Router(net, "walk", speeds=SIX).times(snapped)[0]
    assert (walk[a], walk[b]) == pytest.approx((15.0, 45.0))
    car = Router(net, "car", speeds=SIX).times(snapped)[0]
    # A→B only: the car goes on to B (45 s) then round the square to A (+180 s)
    assert (car[a], car[b]) == pytest.approx((225.0, 45.0))


def test_origins_beyond_tolerance_are_reported_not_moved():
    net = square()
    snapped = snap_points(net, [50, 50, 500], [-3, 50, 500], tolerance=10.0)
    assert snapped.index.tolist() == [0]
    assert snapped.unsnapped == [1, 2]  # centre of the square is 50 m from every side
    t = Router(net, "walk").times(snapped)
    assert t.shape == (1, 4)


def test_snap_to_node_and_mode_restricted_snapping():
    net = RoadNetwork.from_edges([0, 0], [0, 500], [100, 100], [0, 500],
                                 road_class=["footway", "residential"])
    snapped = snap_points(net, [90], [5], tolerance=20.0, to="node")
    assert snapped.node.tolist() == [node_at(net, 100, 0)]
    assert snapped.distance[0] == pytest.approx(np.hypot(10, 5))
    # the only edge near the point is a footway: a car origin there is reported
    assert snap_points(net, [50], [5], tolerance=20.0, mode="car").unsnapped == [0]
    assert snap_points(net, [50], [5], tolerance=20.0, mode="walk").edge.tolist() == [0]


def test_long_edges_are_found_by_edge_snapping():
    net = RoadNetwork.from_edges([0], [0], [5000], [0])  # a single 5 km edge
    snapped = snap_points(net, [2500], [3], tolerance=5.0)
    assert snapped.edge.tolist() == [0]
    assert snapped.fraction[0] == pytest.approx(0.5)


# ---------------------------------------------------------------------- failure paths
@pytest.mark.parametrize("kwargs, message", [
    ({"oneway": [2]}, "oneway"),
    ({"length": [-1.0]}, "invalid length"),
    ({"road_class": ["a", "b"]}, "road_class"),
    ({"maxspeed": [1, 2]}, "maxspeed"),
])
def test_bad_edge_attributes_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        RoadNetwork.from_edges([0], [0], [1], [1], **kwargs)


def test_bad_coordinates_and_ids_are_refused():
    with pytest.raises(ValueError, match="edge 1 has a non-finite"):
        RoadNetwork.from_edges([0, np.nan], [0, 0], [1, 2], [0, 0])
    with pytest.raises(ValueError, match="y0 has 1 values, expected 2"):
        RoadNetwork.from_edges([0, 1], [0], [1, 2], [0, 0])
    with pytest.raises(ValueError, match="at least one edge"):
        RoadNetwork.from_edges([], [], [], [])
    with pytest.raises(ValueError, match="outside 0..1"):
        RoadNetwork.from_arrays({"x": [0, 1], "y": [0, 0]},
                                {"from_node": [0], "to_node": [2], "length": [1]})


def test_bad_mode_cost_speed_and_tolerance_are_refused():
    net = square()
    with pytest.raises(ValueError, match="mode must be one of"):
        net.edge_costs("bike")
    with pytest.raises(ValueError, match="cost must be 'time' or 'length'"):
        net.edge_costs("walk", cost="money")
    with pytest.raises(ValueError, match="speeds must be > 0"):
        net.edge_costs("car", speeds={"residential": 0})
    with pytest.raises(ValueError, match="tolerance must be > 0"):
        snap_points(net, [0], [0], tolerance=0)


def test_class_index_given_or_computed_once():
    net = RoadNetwork.from_edges([0, 100, 200], [0, 0, 0], [100, 200, 300], [0, 0, 0],
                                 road_class=["residential", "primary", "residential"])
    classes, inverse = net.class_index()
    assert classes.tolist() == ["primary", "residential"] and inverse.tolist() == [1, 0, 1]
    assert net.class_index()[1] is inverse  # cached
    net.set_class_index(np.array(["primary", "residential"], dtype=object), [1, 0, 1])
    assert net.edge_speeds("car").tolist() == [30.0, 50.0, 30.0]
    with pytest.raises(ValueError, match="does not match the edges"):
        net.set_class_index(["primary"], [0, 1, 0])
    with pytest.raises(ValueError, match="does not match the edges"):
        net.set_class_index(["primary", "residential"], [0, 1])


def test_costs_to_targets_follow_one_way_streets():
    from observatoire_commerce.analysis.network import CancelledError, costs_to_targets

    net = square(oneway_bottom=1)  # cars: A→B only
    a, b, c, d = (node_at(net, x, y) for x, y in ((0, 0), (100, 0), (100, 100), (0, 100)))
    car = Router(net, "car", speeds=SIX)
    # rows: from A, B, C, D; columns: to A, to B (seconds)
    got = costs_to_targets(car, [a, b], [a, b, c, d], workers=2)
    np.testing.assert_allclose(got, [[0, 60], [180, 0], [120, 60], [60, 120]])
    walk = costs_to_targets(Router(net, "walk", speeds=SIX), [a], [b, c])
    np.testing.assert_allclose(walk, [[60], [120]])
    with pytest.raises(CancelledError):
        costs_to_targets(car, [a, b], [c], progress=lambda done, total: False)


def test_costs_to_targets_unreachable_is_inf():
    from observatoire_commerce.analysis.network import costs_to_targets

    net = RoadNetwork.from_edges([0, 500], [0, 0], [100, 600], [0, 0])  # two separate streets
    router = Router(net, "walk", speeds=SIX)
    far = node_at(net, 600, 0)
    got = costs_to_targets(router, [far], [node_at(net, 0, 0), node_at(net, 500, 0)])
    assert np.isinf(got[0, 0]) and got[1, 0] == pytest.approx(60.0)


# ---------------------------------------------------------------------- minor parts
def fragment_network():
    """A street of 21 nodes (0..2000 m along x, every 100 m) and a car park of 2 nodes at
    y = 30 (1000..1050 m), not connected: 2 < 5 % × 21 is false, so the share is given."""
    x0 = np.r_[np.arange(0, 2000, 100.0), 1000.0]
    x1 = np.r_[np.arange(100, 2001, 100.0), 1050.0]
    y0 = np.r_[np.zeros(20), 30.0]
    return RoadNetwork.from_edges(x0, y0, x1, y0.copy(), road_class=["residential"] * 21)


def test_mode_parts_count_the_nodes_of_each_connected_part():
    from observatoire_commerce.analysis.network import mode_parts

    label, size = mode_parts(fragment_network(), "car")
    assert sorted(size.tolist()) == [2, 21]
    assert size[label[0]] == 21


def test_snap_to_main_parts_prefers_the_large_part_within_the_tolerance():
    from observatoire_commerce.analysis.network import nearest_main_node, snap_to_main_parts

    net = fragment_network()
    # P0 (1020, 20): 10 m from the car park, 20 m from the street; P1 (1020, 35) with a 30 m
    # tolerance: only the car park (5 m) is within it; P2 far from both
    x, y = [1020.0, 1020.0, 5000.0], [20.0, 35.0, 0.0]
    snapped = snap_to_main_parts(net, x, y, 30.0, "car", min_share=0.2)
    assert snapped.index.tolist() == [0, 1] and snapped.unsnapped == [2]
    assert snapped.distance.tolist() == pytest.approx([20.0, 5.0])
    assert snapped.part_nodes.tolist() == [21, 2] and snapped.minor == [1]
    # with a share under 2 / 21 the car park is not minor: the nearest edge wins, as before
    plain = snap_to_main_parts(net, x, y, 30.0, "car", min_share=0.05)
    assert plain.distance.tolist() == pytest.approx([10.0, 5.0]) and plain.minor == []
    # nodes: 0..19 the street starts (x = 0..1900), 20 = (1000, 30), 21 = (2000, 0), 22 = (1050, 30)
    dist, node, minor = nearest_main_node(net, x, y, 30.0, "car", min_share=0.2)
    assert node.tolist() == [10, 20, -1] and minor.tolist() == [False, True, False]
    assert dist[:2].tolist() == pytest.approx([np.hypot(20.0, 20.0), np.hypot(20.0, 5.0)])
