"""OpenStreetMap road tags, speed profiles and the stored network (no QGIS needed)."""

import numpy as np
import pytest

from observatoire_commerce.analysis.network import Router, snap_points
from observatoire_commerce.analysis.road_profiles import (
    default_profiles,
    format_profile,
    parse_profile,
    with_profiles,
)
from observatoire_commerce.ingest.sources.osm_roads import parse_maxspeed, parse_oneway
from observatoire_commerce.jobs import network
from observatoire_commerce.store import gpkg, network_store, observatory


@pytest.mark.parametrize("value, highway, junction, expected", [
    ("yes", "residential", None, 1), ("1", "primary", None, 1), ("true", "service", None, 1),
    ("-1", "residential", None, -1), ("reverse", "residential", None, -1),
    ("no", "motorway", None, 0), (None, "residential", "roundabout", 1),
    (None, "residential", "circular", 1), ("no", "residential", "roundabout", 0),
    (None, "motorway_link", None, 1), (None, "residential", None, 0),
    ("alternating", "residential", None, 0)])
def test_parse_oneway(value, highway, junction, expected):
    assert parse_oneway(value, highway, junction) == expected


@pytest.mark.parametrize("value, expected", [
    ("50", 50.0), ("50 mph", 80.4672), ("30;50", 30.0), ("FR:urban", 50.0), ("FR:rural", 80.0),
    ("FR:zone30", 30.0), ("FR:zone:30", 30.0), ("FR:motorway", 130.0), ("walk", 6.0),
    ("none", None), ("signals", None), ("", None), (None, None), (0, None), (45, 45.0),
    ("12,5", 12.5)])
def test_parse_maxspeed(value, expected):
    assert parse_maxspeed(value) == (pytest.approx(expected) if expected else None)


def test_speed_profiles_round_trip_and_errors():
    profile = parse_profile("default=4.8; motorway=0, steps = 3")
    assert profile == {"default": 4.8, "motorway": 0.0, "steps": 3.0}
    assert parse_profile(format_profile(profile)) == profile
    assert parse_profile("") == {}
    for bad in ("primary", "primary=fast", "=3", "footway=-1"):
        with pytest.raises(ValueError, match="class=speed"):
            parse_profile(bad)
    defaults = default_profiles()
    assert defaults["walk"]["motorway"] == 0 and defaults["car"]["footway"] == 0


def test_store_roundtrip_speeds_and_stale_flag(tmp_path):
    path = tmp_path / "n.gpkg"
    observatory.create_observatory(path, "N", 2154)
    conn = observatory.open_observatory(path)
    lines = [{"coords": np.array([[0, 0], [100, 0], [200, 0]]) + 500000, "road_class": "steps",
              "oneway": 0}, {"coords": np.array([[200, 0], [300, 0]]) + 500000,
                             "road_class": "primary", "oneway": 1, "maxspeed": 36.0}]
    with gpkg.transaction(conn):
        assert network_store.write_roads(conn, lines, 2154) == 2
        network_store.set_speeds(conn, "walk", {"steps": 3.0})
        counts = network.build_topology(conn, 2154)
    from observatoire_commerce.analysis import fast_search

    # one driving hierarchy (the primary street) when numba is there
    assert counts == {"nodes": 4, "edges": 3, "components": 1,
                      "hierarchies": int(fast_search.AVAILABLE)}
    stored = network.load_network(conn)
    assert not stored.stale
    net = stored.network
    # steps at 3 km/h on foot (100 m = 120 s), primary at its maxspeed 36 km/h by car (10 s)
    walk = Router(net, "walk")
    snapped = snap_points(net, [500000.0], [500000.0], 1.0, to="node")
    assert walk.times(snapped)[0].tolist() == pytest.approx([0, 120, 240, 315])
    car = Router(net, "car")
    snapped = snap_points(net, [500200.0], [500000.0], 1.0, to="node", mode="car")
    assert car.times(snapped)[0][[2, 3]].tolist() == pytest.approx([0, 10])
    assert np.isinf(car.times(snapped)[0][0])  # steps are barred to cars
    with gpkg.transaction(conn):
        conn.execute("UPDATE roads SET road_class = 'footway' WHERE road_class = 'steps'")
    assert network.load_network(conn).stale
    # a profiled copy of any network keeps the arrays
    assert with_profiles(net, {"walk": {"default": 6.0}}).n_edges == 3
    conn.close()


def test_binary_arrays_match_the_tables(tmp_path):
    path = tmp_path / "a.gpkg"
    observatory.create_observatory(path, "A", 2154)
    conn = observatory.open_observatory(path)
    lines = [{"coords": np.array([[0, 0], [100, 0], [100, 50]]) + 500000.0,
              "road_class": c, "oneway": o, "maxspeed": m}
             for c, o, m in (("primary", 1, 50.0), ("footway", 0, None))]
    lines[1]["coords"] = lines[1]["coords"] + [0.0, 80.0]
    with gpkg.transaction(conn):
        network_store.write_roads(conn, lines, 2154)
        network.build_topology(conn, 2154)
    fast = network._from_arrays(network_store.read_arrays(conn))
    slow = network._from_tables(conn)
    for name in ("node_x", "node_y", "from_node", "to_node", "length", "oneway", "road_class"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name
    assert np.array_equal(fast.maxspeed, slow.maxspeed, equal_nan=True)
    conn.close()


def test_stored_default_speeds_are_the_documented_defaults():
    # the socle seeds road_speeds with store.schema.network.DEFAULT_SPEEDS (data, no analysis
    # import in store/); the formulas default to analysis.road_profiles.default_profiles()
    from observatoire_commerce.store.schema.network import DEFAULT_SPEEDS

    assert default_profiles() == DEFAULT_SPEEDS
    assert list(DEFAULT_SPEEDS["car"]) == list(default_profiles()["car"])  # same row order
