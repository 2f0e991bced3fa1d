"""Road network import, topology and network catchments through processing.run, on a
hand-built network whose reachable sets, times and population counts are computed by hand.

The network (100 m spacing, node (i, j) at X0 + 100 i, Y0 + 100 j)::

    (0,3)       (1,3)                       pedestrian (1,2)-(1,3)
      |           |
    (0,2)-----(1,2)-----(2,2)-----(3,2)     row 2 is ONE polyline (split at its vertices)
      |           |         |         |
    (0,1)-----(1,1)-----(2,1)-----(3,1)
      |                               ^ one-way -1: digitised (3,0)->(3,1), cars only go down
    (0,0)-----(1,0)-----(2,0)-----(3,0)
                          |  footway (2,0)-(2,-1)
                        (2,-1)
    disconnected part: (10,0)-(11,0)-(12,0) residential, (12,0)-(13,0) motorway

Speeds: walking 6 km/h (1 min per edge), driving 12 km/h (30 s per edge). Origin O = (2,0).
Walking times (min): (2,0) 0; (1,0) (3,0) (2,-1) 1; (0,0) (3,1) 2; (0,1) (2,1) (3,2) 3;
(1,1) (0,2) (2,2) 4; (1,2) (0,3) 5; (1,3) 6.
Driving times (min): (1,0) (3,0) 0.5; (0,0) 1; (0,1) 1.5; (1,1) (0,2) 2; (2,1) (1,2) (0,3) 2.5;
(3,1) (2,2) 3; (3,2) 3.5 — the short way up (3,0)->(3,1) is one-way the other way for cars.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from observatoire_commerce.jobs import network
from observatoire_commerce.store import geometry, gpkg, network_store, observatory

from ..conftest import validate_gpkg

X0, Y0 = 500000.0, 6600000.0
WALK = "default=6, motorway=0"
CAR = "default=12, residential=12, footway=0, pedestrian=0"


def xy(i, j):
    return (X0 + 100.0 * i, Y0 + 100.0 * j)


ROADS = [  # (vertices, class, oneway)
    ([(0, 0), (1, 0)], "residential", 0), ([(1, 0), (2, 0)], "residential", 0),
    ([(2, 0), (3, 0)], "residential", 0),
    ([(0, 1), (1, 1)], "residential", 0), ([(1, 1), (2, 1)], "residential", 0),
    ([(2, 1), (3, 1)], "residential", 0),
    ([(0, 2), (1, 2), (2, 2), (3, 2)], "residential", 0),
    ([(0, 0), (0, 1)], "residential", 0), ([(0, 1), (0, 2)], "residential", 0),
    ([(0, 2), (0, 3)], "residential", 0),
    ([(3, 0), (3, 1)], "residential", -1), ([(3, 1), (3, 2)], "residential", 0),
    ([(1, 1), (1, 2)], "residential", 0), ([(2, 1), (2, 2)], "residential", 0),
    ([(1, 2), (1, 3)], "pedestrian", 0), ([(2, 0), (2, -1)], "footway", 0),
    ([(10, 0), (11, 0)], "residential", 0), ([(11, 0), (12, 0)], "residential", 0),
    ([(12, 0), (13, 0)], "motorway", 0),
]
WALK_MIN = {(2, 0): 0, (1, 0): 1, (3, 0): 1, (2, -1): 1, (0, 0): 2, (3, 1): 2, (0, 1): 3,
            (2, 1): 3, (3, 2): 3, (1, 1): 4, (0, 2): 4, (2, 2): 4, (1, 2): 5, (0, 3): 5,
            (1, 3): 6}
CAR_MIN = {(2, 0): 0, (1, 0): 0.5, (3, 0): 0.5, (0, 0): 1, (0, 1): 1.5, (1, 1): 2, (0, 2): 2,
           (2, 1): 2.5, (1, 2): 2.5, (0, 3): 2.5, (3, 1): 3, (2, 2): 3, (3, 2): 3.5}
# population cells: (node, ind, men, ind_0_3, ind_25_39, ind_65_79); E is 360 m from any node
CELLS = [("A", (3, 1), 100, 40, 10, 50, 40), ("B", (1, 3), 50, 20, 0, 50, 0),
         ("C", (11, 0), 1000, 400, 0, 1000, 0), ("D", (0, 0), 10, 5, 0, 10, 0),
         ("E", (5, 5), 7, 3, 0, 7, 0)]


def square(cx, cy, half=10.0):
    return [np.array([[cx - half, cy - half], [cx + half, cy - half], [cx + half, cy + half],
                      [cx - half, cy + half], [cx - half, cy - half]])]


def build_network_gpkg(path, *, topology=True):
    """The hand-built observatory: roads, population cells, one campaign with two premises
    (vacant at (0,1), occupied alimentaire at (3,1)), one centrality around O."""
    observatory.create_observatory(path, "Hand-built", 2154)
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        network_store.write_roads(conn, [
            {"coords": np.array([xy(*v) for v in verts]), "road_class": cls, "oneway": ow,
             "name": f"road {k}", "source_id": str(k)}
            for k, (verts, cls, ow) in enumerate(ROADS)], 2154)
        for name, (i, j), ind, men, a03, a2539, a6579 in CELLS:
            cx, cy = xy(i, j)
            conn.execute(
                "INSERT INTO population_grid (uuid, idcar_200m, ind, men, ind_0_3, ind_25_39, "
                "ind_65_79, ind_snv, geom) VALUES (?,?,?,?,?,?,?,?,?)",
                (f"cell-{name}", name, ind, men, a03, a2539, a6579, ind * 20000.0,
                 geometry.encode("polygon", square(cx + 5, cy + 5), 2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date) VALUES "
                     "('k1', 'Inventaire 2024', 2024, '2024-10-01')")
        for uid, node, status, group in (("p-vac", (0, 1), "vacant", None),
                                         ("p-occ", (3, 1), "occupied", "alimentaire")):
            px, py = xy(*node)
            conn.execute("INSERT INTO premises (uuid, address, geom) VALUES (?,?,?)",
                         (uid, f"{uid} street", geometry.encode_point(px + 3, py + 3, 2154)))
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                         "status, activity_group) VALUES (?,?,?,?,?)",
                         (f"o-{uid}", uid, "k1", status, group))
        cx, cy = xy(2, 0)
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                     ("c-o", "Centre O", "primary",
                      geometry.encode("multipolygon", [square(cx, cy, 30)], 2154)))
    conn.close()
    return path


@pytest.fixture
def network_gpkg(tmp_path, run_alg):
    path = build_network_gpkg(tmp_path / "net.gpkg")
    result = run_alg("build_network", {"GEOPACKAGE": str(path), "TOLERANCE": 0.01,
                                       "WALK_SPEEDS": WALK, "CAR_SPEEDS": CAR})
    # 19 lines, 21 segments (row 2 gives 3); 15 + 4 nodes in two connected parts
    assert result == {"NODES": 19, "EDGES": 21, "COMPONENTS": 2}
    return path


def digest(path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def points_layer(points, fields="id:string"):
    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&field={fields}", "pts", "memory")
    provider = layer.dataProvider()
    for attrs, (x, y) in points:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes(list(attrs))
        provider.addFeature(feature)
    return layer


def node_costs(layer) -> dict:
    """{(origin_id, (i, j)): cost} of a reached-nodes output."""
    out = {}
    for f in layer.getFeatures():
        p = f.geometry().asPoint()
        key = (round((p.x() - X0) / 100.0), round((p.y() - Y0) / 100.0))
        out[(f["origin_id"], key)] = round(f["cost"], 9)
    return out


def catchments(run_alg, path, **params):
    base = {"GEOPACKAGE": str(path), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
            "ORIGIN_ID_FIELD": "id", "OUTPUT": "memory:", "OUTPUT_ORIGINS": "memory:",
            "OUTPUT_NODES": "memory:"}
    base.update(params)
    return run_alg("network_catchments", base)


def by_band(layer, origin="O") -> dict:
    return {f["band"]: f for f in layer.getFeatures() if f["origin_id"] in (origin, None)}


# ---------------------------------------------------------------------- import and topology
def test_topology_stored_and_valid(network_gpkg):
    validate_gpkg(network_gpkg)
    conn = gpkg.connect(network_gpkg)
    stored = network.load_network(conn)
    assert not stored.stale and stored.tolerance == 0.01
    net = stored.network
    # row 2 (one polyline) is split at its vertices into three edges
    row2 = conn.execute("SELECT count(*) FROM road_edges e JOIN roads r ON r.uuid = e.road_uuid "
                        "WHERE r.source_id = '6'").fetchone()[0]
    assert row2 == 3
    assert network.speeds(conn)["walk"]["default"] == 6.0
    assert network.speeds(conn)["car"]["footway"] == 0.0
    assert np.isnan(net.edge_speeds("car")[net.road_class == "footway"]).all()
    assert np.isnan(net.edge_speeds("walk")[net.road_class == "motorway"]).all()
    conn.close()


def test_driving_hierarchy_stored_with_the_topology_and_used(network_gpkg):
    from observatoire_commerce.analysis import fast_search
    from observatoire_commerce.analysis.network import Router

    if not fast_search.AVAILABLE:
        pytest.skip("numba is not installed: no hierarchy is stored")
    conn = gpkg.connect(network_gpkg)
    stored = network.load_hierarchy(conn, "car")
    assert network.load_hierarchy(conn, "walk") is None  # walking searches stay short
    net = network.load_network(conn).network
    conn.close()
    assert stored is not None and stored.n_nodes == 19
    assert Router(net, "car").attach_hierarchy(stored)  # built for the stored speeds
    assert not Router(net, "car", speeds={"residential": 50.0}).attach_hierarchy(stored)
    assert not Router(net, "car", engine="scipy").attach_hierarchy(stored)


def test_build_network_says_whether_the_hierarchy_is_stored(tmp_path, monkeypatch):
    from qgis import processing

    from observatoire_commerce.analysis import fast_search

    path = build_network_gpkg(tmp_path / "h.gpkg")
    params = {"GEOPACKAGE": str(path), "WALK_SPEEDS": WALK, "CAR_SPEEDS": CAR}
    if fast_search.AVAILABLE:
        feedback = Capture()
        processing.run("observatoire:build_network", params, feedback=feedback)
        assert any("Driving hierarchy stored" in m for m in feedback.infos)
    monkeypatch.setattr(fast_search, "AVAILABLE", False)
    monkeypatch.setattr(fast_search, "_COMPILED", False)
    feedback = Capture()
    processing.run("observatoire:build_network", params, feedback=feedback)
    assert any("No driving hierarchy stored" in m for m in feedback.infos)
    conn = gpkg.connect(path)
    assert network.load_hierarchy(conn, "car") is None  # the stale one went too
    conn.close()


def test_speeds_changed_after_the_build_same_catchment_and_a_note(network_gpkg, monkeypatch):
    from qgis import processing

    from observatoire_commerce.analysis import catchment, fast_search

    if not fast_search.AVAILABLE:
        pytest.skip("numba is not installed: no hierarchy is stored")
    monkeypatch.setattr(catchment, "PHAST_REACH", -1.0)  # PHAST whenever a hierarchy fits
    params = {"GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
              "ORIGIN_ID_FIELD": "id", "MODE": 1, "BANDS": "1, 2, 3", "OUTPUT": "memory:",
              "OUTPUT_NODES": "memory:"}
    fitting = Capture()
    result = processing.run("observatoire:network_catchments", params, feedback=fitting)
    assert not any("stored road hierarchy" in m for m in fitting.infos)
    costs = {k[1]: v for k, v in node_costs(result["OUTPUT_NODES"]).items()}
    assert costs == pytest.approx({k: v for k, v in CAR_MIN.items() if v <= 3})
    conn = gpkg.connect(network_gpkg)
    with gpkg.transaction(conn):  # a class absent from the network: the graph is the same
        network_store.set_speeds(conn, "car", {"tertiary": 90.0})
    conn.close()
    same = Capture()
    processing.run("observatoire:network_catchments", params, feedback=same)
    assert not any("stored road hierarchy" in m for m in same.infos)
    conn = gpkg.connect(network_gpkg)
    with gpkg.transaction(conn):  # residential streets at 24 km/h: every time halves
        network_store.set_speeds(conn, "car", {"residential": 24.0})
    conn.close()
    feedback = Capture()
    again = processing.run("observatoire:network_catchments", params, feedback=feedback)
    assert any("stored road hierarchy was built for other speeds" in m for m in feedback.infos)
    assert {k[1]: v for k, v in node_costs(again["OUTPUT_NODES"]).items()} == pytest.approx(
        {k: v / 2 for k, v in CAR_MIN.items() if v / 2 <= 3})


def test_walking_catchment_exact(run_alg, network_gpkg):
    result = catchments(run_alg, network_gpkg, MODE=0, BANDS="2, 4, 6")
    costs = node_costs(result["OUTPUT_NODES"])
    assert {k[1]: v for k, v in costs.items()} == pytest.approx(WALK_MIN)
    bands = by_band(result["OUTPUT"])
    assert [bands[b]["nodes_reached"] for b in (2.0, 4.0, 6.0)] == [6, 12, 15]
    # cells: D (0,0) and A (3,1) at 2 min, B (1,3) at 6 min; C disconnected; E too far
    assert [bands[b]["population"] for b in (2.0, 4.0, 6.0)] == [110, 110, 160]
    assert [bands[b]["households"] for b in (2.0, 4.0, 6.0)] == [45, 45, 65]
    assert bands[6.0]["age_0_17"] == 10 and bands[6.0]["age_25_64"] == 110
    assert bands[6.0]["age_65p"] == 40
    # no cell of the fixture has ind_18_24: the group is left empty, not 0
    assert bands[6.0].attribute("age_18_24") in (None, NULL)
    # premises: occupied one at (3,1) (2 min), vacant one at (0,1) (3 min)
    assert [(bands[b]["premises"], bands[b]["vacant_premises"]) for b in (2.0, 4.0, 6.0)] == [
        (1, 0), (2, 1), (2, 1)]
    assert result["UNSNAPPED"] == 0
    for band, feature in bands.items():
        assert feature.geometry().isGeosValid() and feature["area_m2"] > 0, band


def test_one_way_street_binds_cars_only(run_alg, network_gpkg):
    car = catchments(run_alg, network_gpkg, MODE=1, BANDS="1, 2, 3")
    costs = {k[1]: v for k, v in node_costs(car["OUTPUT_NODES"]).items()}
    assert costs == pytest.approx({k: v for k, v in CAR_MIN.items() if v <= 3})
    # (3,1) is 1 edge above (3,0): 2 min on foot, but 3 min by car (the one-way goes down)
    assert costs[(3, 1)] == 3.0
    bands = by_band(car["OUTPUT"])
    assert [bands[b]["nodes_reached"] for b in (1.0, 2.0, 3.0)] == [4, 7, 12]
    # footway end (2,-1) and pedestrian end (1,3) are not reachable by car: B is assigned to
    # its nearest car node (1,2) (100 m), reached at 2.5 min; A at exactly 3 min is inside
    assert [bands[b]["population"] for b in (1.0, 2.0, 3.0)] == [10, 10, 160]
    # and going down the one-way street is allowed: from (3,1), (3,0) is 0.5 min by car
    down = catchments(run_alg, network_gpkg, MODE=1, BANDS="0.5",
                      ORIGINS=points_layer([(("T",), xy(3, 1))]))
    reached = {k[1] for k in node_costs(down["OUTPUT_NODES"])}
    assert reached == {(3, 1), (3, 0), (2, 1), (3, 2)}


def test_distance_bands_dissolve_and_unsnapped(run_alg, network_gpkg):
    origins = points_layer([(("O",), xy(2, 0)), (("F",), xy(11, 0)),
                            (("far",), (X0 + 5000, Y0 + 5000))])
    result = catchments(run_alg, network_gpkg, ORIGINS=origins, UNIT=1, BANDS="100",
                        STYLE=1, MODE=0)
    assert result["UNSNAPPED"] == 1
    snapped = {f["origin_id"]: (f["snapped"], f["snap_distance_m"])
               for f in result["OUTPUT_ORIGINS"].getFeatures()}
    assert snapped["far"][0] == 0 and snapped["O"] == (1, 0.0) and snapped["F"][0] == 1
    (feature,) = list(result["OUTPUT"].getFeatures())
    # union within 100 m: O, its 3 neighbours; F = (11,0) and (10,0), (12,0) (the motorway
    # beyond (12,0) is barred on foot); population: C (1000) at F
    assert feature["nodes_reached"] == 7 and feature["population"] == 1000
    assert feature["origin_id"] is None or str(feature["origin_id"]) == "NULL"


def test_default_origins_are_centralities(run_alg, network_gpkg):
    result = run_alg("network_catchments", {"GEOPACKAGE": str(network_gpkg), "BANDS": "1",
                                            "OUTPUT": "memory:"})
    (feature,) = list(result["OUTPUT"].getFeatures())
    assert feature["origin_id"] == "Centre O" and feature["origin_uuid"] == "c-o"
    assert feature["nodes_reached"] == 4
    conn = gpkg.connect(network_gpkg)  # centralities as origins: results in indicators
    rows = {r[0]: r[1] for r in conn.execute(
        "SELECT indicator, value FROM indicators WHERE centrality_uuid = 'c-o' "
        "AND algorithm = 'observatoire:network_catchments'")}
    conn.close()
    assert rows["catchment_population_walk_1min"] == feature["population"]
    assert rows["catchment_premises_walk_1min"] == feature["premises"]


def test_chosen_centralities_only_as_origins(run_alg, network_gpkg):
    conn = gpkg.connect(network_gpkg)  # a second centrality, around node (0, 1)
    px, py = xy(0, 1)
    conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                 ("c-p", "Centre P", "secondary",
                  geometry.encode("multipolygon", [square(px, py, 30)], 2154)))
    conn.close()
    params = {"GEOPACKAGE": str(network_gpkg), "BANDS": "1", "OUTPUT": "memory:"}
    every = run_alg("network_catchments", dict(params, WRITE_INDICATORS=False))
    assert sorted(f["origin_id"] for f in every["OUTPUT"].getFeatures()) == [
        "Centre O", "Centre P"]
    result = run_alg("network_catchments", dict(params, CENTRALITIES="Centre O"))
    (feature,) = list(result["OUTPUT"].getFeatures())
    assert (feature["origin_id"], feature["origin_uuid"]) == ("Centre O", "c-o")
    assert feature["nodes_reached"] == 4  # as when it is the only centrality
    conn = gpkg.connect(network_gpkg)
    written = {r[0] for r in conn.execute(
        "SELECT DISTINCT centrality_uuid FROM indicators WHERE algorithm = "
        "'observatoire:network_catchments'")}
    conn.close()
    assert written == {"c-o"}
    with pytest.raises(QgsProcessingException, match=r"Unknown centrality name\(s\): Plage\. "
                                                     "Centralities in the GeoPackage: Centre "
                                                     "O, Centre P"):
        run_alg("network_catchments", dict(params, CENTRALITIES="Plage"))


def test_no_indicators_for_other_origins_or_when_not_asked(run_alg, network_gpkg):
    run_alg("network_catchments", {"GEOPACKAGE": str(network_gpkg), "BANDS": "1",
                                   "WRITE_INDICATORS": False, "OUTPUT": "memory:"})
    run_alg("network_catchments", {
        "GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
        "ORIGIN_ID_FIELD": "id", "BANDS": "1", "OUTPUT": "memory:"})
    conn = gpkg.connect(network_gpkg)
    assert conn.execute("SELECT count(*) FROM indicators WHERE algorithm = "
                        "'observatoire:network_catchments'").fetchone()[0] == 0
    conn.close()


def test_roads_edited_by_hand_are_rebuilt(run_alg, network_gpkg):
    conn = gpkg.connect(network_gpkg)
    with gpkg.transaction(conn):  # remove the road (2,0)-(3,0)
        conn.execute("DELETE FROM roads WHERE source_id = '2'")
    conn.close()
    feedback = Capture()
    from qgis import processing

    result = processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
        "ORIGIN_ID_FIELD": "id", "BANDS": "1", "OUTPUT": "memory:",
        "OUTPUT_NODES": "memory:"}, feedback=feedback)
    assert any("changed since" in m for m in feedback.errors)
    assert {k[1] for k in node_costs(result["OUTPUT_NODES"])} == {(2, 0), (1, 0), (2, -1)}
    rebuilt = run_alg("build_network", {"GEOPACKAGE": str(network_gpkg)})
    assert rebuilt["EDGES"] == 20
    conn = gpkg.connect(network_gpkg)
    assert not network.load_network(conn).stale
    conn.close()


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []
        self.infos = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt API
        self.errors.append(error)

    def pushInfo(self, info):  # noqa: N802 - Qt API
        self.infos.append(info)


def test_without_numba_scipy_gives_the_same_catchment_and_says_so(network_gpkg, monkeypatch):
    from qgis import processing

    from observatoire_commerce.analysis import fast_search

    monkeypatch.setattr(fast_search, "AVAILABLE", False)
    monkeypatch.setattr(fast_search, "_COMPILED", False)
    feedback = Capture()
    result = processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
        "ORIGIN_ID_FIELD": "id", "MODE": 0, "BANDS": "2, 4, 6", "OUTPUT": "memory:",
        "OUTPUT_NODES": "memory:"}, feedback=feedback)
    assert any("run with SciPy because numba is not installed" in m for m in feedback.infos)
    costs = node_costs(result["OUTPUT_NODES"])
    assert {k[1]: v for k, v in costs.items()} == pytest.approx(WALK_MIN)


def test_import_roads_from_line_layer_with_mapping(run_alg, tmp_path):
    path = tmp_path / "layer.gpkg"
    observatory.create_observatory(path, "Layer", 2154)
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=kind:string&field=sens:string"
                           "&field=vmax:string", "roads", "memory")
    provider = layer.dataProvider()
    # three ways in WGS 84 near Poitiers; 'FT' = along, 'TF' = against
    for coords, kind, sens, vmax in (([(0.34, 46.58), (0.341, 46.58)], "rue", "FT", "30"),
                                     ([(0.341, 46.58), (0.342, 46.58)], "rue", "TF", "50 mph"),
                                     ([(0.342, 46.58), (0.342, 46.581)], "sentier", "x", None)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*c) for c in coords]))
        feature.setAttributes([kind, sens, vmax])
        provider.addFeature(feature)
    result = run_alg("import_roads", {
        "GEOPACKAGE": str(path), "INPUT": layer, "CLASS_FIELD": "kind", "ONEWAY_FIELD": "sens",
        "ONEWAY_FORWARD": "FT", "ONEWAY_BACKWARD": "TF", "ONEWAY_BOTH": "x",
        "SPEED_FIELD": "vmax", "CAR_SPEEDS": "sentier=0"})
    assert {k: v for k, v in result.items() if k != "REJECTED"} == {
        "ROADS": 3, "NODES": 4, "EDGES": 3, "COMPONENTS": 1, "ONEWAY": 2, "CLOSED_TO_CARS": 0,
        "ROWS_READ": 3, "ADDED": 3, "UPDATED": 0, "UNCHANGED": 0, "REJECTED_COUNT": 0,
        "WARNINGS": 0}
    validate_gpkg(path)
    conn = gpkg.connect(path)
    rows = conn.execute("SELECT road_class, oneway, maxspeed FROM roads ORDER BY fid").fetchall()
    assert tuple(rows[0]) == ("rue", 1, 30.0)
    assert rows[1][:2] == ("rue", -1) and rows[1][2] == pytest.approx(80.4672)
    assert tuple(rows[2]) == ("sentier", 0, None)
    x = conn.execute("SELECT min(x) FROM road_nodes").fetchone()[0]
    assert 490000 < x < 500000  # reprojected to Lambert-93
    assert network.speeds(conn)["car"]["sentier"] == 0.0
    conn.close()
    # re-import replaces: still 3 roads, not 6
    again = run_alg("import_roads", {"GEOPACKAGE": str(path), "INPUT": layer})
    assert again["ROADS"] == 3
    conn = gpkg.connect(path)
    assert conn.execute("SELECT count(*) FROM roads").fetchone()[0] == 3
    conn.close()


def test_import_roads_needs_exactly_one_source(run_alg, tmp_path):
    path = tmp_path / "empty.gpkg"
    observatory.create_observatory(path, "Empty", 2154)
    with pytest.raises(QgsProcessingException, match="either an OpenStreetMap file or a line"):
        run_alg("import_roads", {"GEOPACKAGE": str(path)})
    osm = tmp_path / "x.osm"
    osm.write_text("<osm/>")
    with pytest.raises(QgsProcessingException, match="class=speed"):
        run_alg("import_roads", {"GEOPACKAGE": str(path), "OSM_FILE": str(osm),
                                 "CAR_SPEEDS": "primary=fast"})
    conn = gpkg.connect(path)  # nothing written
    assert conn.execute("SELECT count(*) FROM roads").fetchone()[0] == 0
    conn.close()


def test_catchments_without_network_tell_what_to_do(run_alg, tmp_path):
    path = tmp_path / "nonet.gpkg"
    observatory.create_observatory(path, "No network", 2154)
    with pytest.raises(QgsProcessingException, match="import_roads"):
        run_alg("network_catchments", {"GEOPACKAGE": str(path),
                                       "ORIGINS": points_layer([(("O",), xy(0, 0))]),
                                       "OUTPUT": "memory:"})


def test_catchment_polygons_styled_by_band(styled_output, network_gpkg):
    layer, apply_style = styled_output("network_catchments", {
        "GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
        "ORIGIN_ID_FIELD": "id", "MODE": 0, "BANDS": "2, 4, 6", "OUTPUT_NODES": "memory:"},
        "OUTPUT")
    apply_style()
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "band"
    assert [(c.value(), c.label()) for c in renderer.categories()] == [
        (2.0, "Within 2 min"), (4.0, "Within 4 min"), (6.0, "Within 6 min")]
    assert renderer.categories()[0].symbol().opacity() == 0.5


def test_cancel_stops_the_catchments_with_a_message(network_gpkg):
    from qgis import processing

    feedback = Capture()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("observatoire:network_catchments", {
            "GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
            "ORIGIN_ID_FIELD": "id", "BANDS": "2", "OUTPUT": "memory:"}, feedback=feedback)


class CancelAt(QgsProcessingFeedback):
    """A feedback the user cancels once the progress reaches ``at`` % (None: canceled from
    the start)."""

    def __init__(self, at):
        super().__init__()
        self.at = at
        if at is None:
            self.cancel()

    def setProgress(self, progress):  # noqa: N802 - QGIS API
        if self.at is not None and progress >= self.at:
            self.cancel()
        super().setProgress(progress)


def _roads_layer():
    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=name:string", "roads", "memory")
    provider = layer.dataProvider()
    for k in range(3):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*xy(k, 5)),
                                                        QgsPointXY(*xy(k + 1, 5))]))
        feature.setAttributes([f"rue {k}"])
        provider.addFeature(feature)
    return layer


@pytest.mark.parametrize("alg_id, params, at, message", [
    # build_network: canceled before writing, once the network is built (40 %, before its
    # topology is written) and once the topology is written (85 %, before the hierarchies)
    ("build_network", {"CAR_SPEEDS": "residential=20"}, None, "Canceled: nothing was written"),
    ("build_network", {"CAR_SPEEDS": "residential=20"}, 40, "Canceled: nothing was written"),
    ("build_network", {"CAR_SPEEDS": "residential=20"}, 85, "Canceled: nothing was written"),
    # import_roads: the roads are written, then canceled during the network build
    ("import_roads", {"MODE": 1}, 40 + 0.6 * 85, "Import canceled: the GeoPackage is "
                                                   "unchanged"),
])
def test_cancel_writes_nothing(processing_ready, tmp_path, alg_id, params, at, message):
    from qgis import processing

    path = build_network_gpkg(tmp_path / "net.gpkg")
    before = digest(path)
    if alg_id == "import_roads":
        params = dict(params, INPUT=_roads_layer())
    with pytest.raises(QgsProcessingException, match=message):
        processing.run(f"observatoire:{alg_id}", {"GEOPACKAGE": str(path), **params},
                       feedback=CancelAt(at))
    assert digest(path) == before


def test_short_circuit_producers_within_network_time(run_alg, network_gpkg):
    """Producers reached from the centrality "Centre O" (its node (2,0)) by car or on foot.
    P1, 2 m off the street (0,0)-(1,0) at a tenth of it: by car from (1,0) (0.5 min) + 0.9
    × 0.5 min = 0.95 min; on foot 1 + 0.9 = 1.9 min. P2 on the node (0,3): 2.5 min by car,
    5 min on foot. P3 on the disconnected street; P4 5 km from any road (reported)."""
    from qgis import processing

    conn = gpkg.connect(network_gpkg)
    with gpkg.transaction(conn):
        for uid, (px, py), organic in (("P1", (xy(0, 0)[0] + 10, xy(0, 0)[1] + 2), 1),
                                       ("P2", xy(0, 3), 0), ("P3", xy(11, 0), 1),
                                       ("P4", (X0 + 5000, Y0 + 5000), 0)):
            conn.execute("INSERT INTO producers (uuid, source, source_id, name, organic, geom) "
                         "VALUES (?,?,?,?,?,?)", (uid, "test", uid, uid, organic,
                                                  geometry.encode_point(px, py, 2154)))
            conn.execute("INSERT INTO producer_products (uuid, producer_uuid, product) "
                         "VALUES (?,?,?)", (f"pp-{uid}", uid, "legumes"))
    conn.close()

    def producers(reach, minutes):
        feedback = Capture()
        result = processing.run("observatoire:short_circuit_offer", {
            "GEOPACKAGE": str(network_gpkg), "PRODUCER_REACH": reach,
            "PRODUCER_MINUTES": minutes, "WRITE_INDICATORS": False,
            "OUTPUT_ZONES": "memory:", "OUTPUT_PRODUCTS": "memory:"}, feedback=feedback)
        zone = next(result["OUTPUT_ZONES"].getFeatures())
        return zone["producers"], zone["organic"], feedback

    car2, organic, feedback = producers(1, 2.0)
    assert (car2, organic) == (1, 1)
    assert any("1 producers are farther than 1000.0 m" in m for m in feedback.errors)
    assert producers(1, 3.0)[:2] == (2, 1)
    assert producers(2, 2.0)[:2] == (1, 1)  # on foot: P1 at 1.9 min
    assert producers(2, 1.8)[:2] == (0, 0)
    assert producers(2, 5.0)[:2] == (2, 1)


def test_grid_outline_polygons_are_valid_and_cover_the_reached_nodes(run_alg, network_gpkg):
    result = catchments(run_alg, network_gpkg, MODE=0, BANDS="2, 4, 6", POLYGON_SHAPE=1,
                        ALPHA=50.0)
    bands = by_band(result["OUTPUT"])
    nodes = {k[1]: v for k, v in node_costs(result["OUTPUT_NODES"]).items()}
    for band, feature in bands.items():
        geom = feature.geometry()
        assert geom.isGeosValid() and geom.area() > 0
        assert feature["area_m2"] == pytest.approx(geom.area())
        for (i, j), minutes in nodes.items():  # every node reached within the band is inside
            if minutes <= band:
                point = QgsGeometry.fromPointXY(QgsPointXY(*xy(i, j)))
                assert geom.buffer(0.01, 4).contains(point), (band, (i, j))
    assert bands[2.0]["population"] == 110  # counts do not depend on the polygon shape


def test_first_run_of_the_session_says_the_searches_are_being_prepared(network_gpkg,
                                                                      monkeypatch):
    from qgis import processing

    from observatoire_commerce.analysis import fast_search

    if not fast_search.AVAILABLE:
        pytest.skip("numba is not installed: nothing is compiled")
    params = {"GEOPACKAGE": str(network_gpkg), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
              "ORIGIN_ID_FIELD": "id", "BANDS": "2", "OUTPUT": "memory:"}
    monkeypatch.setattr(fast_search, "compiled", lambda: False)  # as in a new QGIS session
    first = Capture()
    processing.run("observatoire:network_catchments", params, feedback=first)
    assert any("Preparing the compiled network searches" in m for m in first.infos)
    monkeypatch.undo()
    later = Capture()
    processing.run("observatoire:network_catchments", params, feedback=later)
    assert not any("Preparing" in m for m in later.infos)
