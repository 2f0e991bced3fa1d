"""Real OpenStreetMap data: import Monaco's roads and compare a 10-minute walking catchment with
QGIS's own ``native:serviceareafrompoint`` on the same network and speed.

Same network: QGIS reads our imported ``roads`` (motorways left out, since we bar them on foot)
and, like our topology, makes every vertex a graph vertex (topology tolerance 0; ours 1 cm).
Same speed: 4.8 km/h everywhere, both directions. Same start: both tie the point to the nearest
point of the nearest road.

Two comparisons:

* with the engine of ``native:serviceareafrompoint`` itself (QGIS's network analysis library:
  ``QgsVectorLayerDirector``, ``QgsNetworkSpeedStrategy``, ``QgsGraphBuilder``,
  ``QgsGraphAnalyzer.dijkstra``): the same set of reached vertices, each at the same time
  (to 1e-6 s);
* with the algorithm's output lines: every node we reach lies on them (5 cm) and every
  vertex they start from is a node we reach (the tied start point apart). Reading reached
  vertices back from the lines is lossy at the time limit: a node reached at 9.998 min only
  starts a 13 cm partial line, which QGIS draws 2.7 cm away from the vertex.
"""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from scipy.spatial import cKDTree

from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg

EPSG = 32632  # UTM 32N: metres around Monaco


@pytest.fixture(scope="module")
def monaco_gpkg(tmp_path_factory, shared_data, processing_ready):
    from qgis import processing

    pbf = shared_data / "osm" / "monaco.osm.pbf"
    if not pbf.is_file():
        pytest.skip(f"{pbf} is absent")
    path = tmp_path_factory.mktemp("monaco") / "monaco.gpkg"
    observatory.create_observatory(path, "Monaco", EPSG)
    result = processing.run("observatoire:import_roads", {"GEOPACKAGE": str(path),
                                                          "OSM_FILE": str(pbf)},
                            feedback=QgsProcessingFeedback())
    assert result["ROADS"] > 1000 and result["EDGES"] > result["ROADS"]
    return path, result


def test_monaco_import(monaco_gpkg):
    path, result = monaco_gpkg
    validate_gpkg(path)
    conn = gpkg.connect(path)
    classes = {r[0] for r in conn.execute("SELECT DISTINCT road_class FROM roads")}
    assert {"residential", "footway", "steps"} <= classes
    assert conn.execute("SELECT count(*) FROM roads WHERE oneway != 0").fetchone()[0] > 50
    assert conn.execute("SELECT count(*) FROM road_nodes").fetchone()[0] == result["NODES"]
    conn.close()


def _origin():
    wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    utm = QgsCoordinateReferenceSystem(f"EPSG:{EPSG}")
    transform = QgsCoordinateTransform(wgs, utm, QgsProject.instance())
    p = transform.transform(QgsPointXY(7.4275, 43.7396))  # place du Casino
    return p.x(), p.y()


def test_walk_catchment_matches_qgis_service_area(monaco_gpkg, run_alg):
    from qgis import processing

    path, _ = monaco_gpkg
    x, y = _origin()
    ours = run_alg("network_catchments", {
        "GEOPACKAGE": str(path), "ORIGINS": _utm_points(x, y), "ORIGIN_ID_FIELD": "id",
        "MODE": 0, "BANDS": "10", "OUTPUT": "memory:", "OUTPUT_NODES": "memory:"})
    our_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()]
                       for f in ours["OUTPUT_NODES"].getFeatures()])
    assert len(our_xy) > 500

    roads = QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")
    roads.setSubsetString("road_class NOT IN ('motorway', 'motorway_link')")
    project = QgsProject.instance()  # QGIS 3.22's network algorithms need a project
    ellipsoid = project.ellipsoid()
    project.setEllipsoid("NONE")  # planimetric lengths, as ours (else 0.02 % longer here)
    context = QgsProcessingContext()
    context.setProject(project)
    context.setEllipsoid("NONE")
    qgis = processing.run("native:serviceareafrompoint", {
        "INPUT": roads, "STRATEGY": 1, "DEFAULT_DIRECTION": 2, "DEFAULT_SPEED": 4.8,
        "TOLERANCE": 0, "START_POINT": f"{x},{y} [EPSG:{EPSG}]", "TRAVEL_COST2": 10 / 60,
        "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"}, context=context,
        feedback=QgsProcessingFeedback())
    project.setEllipsoid(ellipsoid)
    vertices = []
    for f in qgis["OUTPUT_LINES"].getFeatures():
        geom = f.geometry()  # keep a reference while iterating its vertices
        parts = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        # each part is [reached vertex, next vertex or the point where the time runs out]
        vertices += [(part[0].x(), part[0].y()) for part in parts]
    qgis_xy = np.unique(np.round(np.array(vertices), 4), axis=0)

    line_points = []
    for f in qgis["OUTPUT_LINES"].getFeatures():
        geom = f.geometry()
        for part in (geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]):
            line_points += [(p.x(), p.y()) for p in part]
    d_qgis, _ = cKDTree(our_xy).query(qgis_xy)
    only_qgis = qgis_xy[d_qgis > 0.05]
    # QGIS adds the start point tied on its road: the only vertex that is not a node of ours
    assert len(only_qgis) <= 1, only_qgis
    if len(only_qgis):
        assert np.hypot(*(only_qgis[0] - (x, y))) < 100
    # every node we reach is on QGIS's service area
    d_ours, _ = cKDTree(np.array(line_points)).query(our_xy)
    assert (d_ours < 0.05).all(), our_xy[d_ours >= 0.05]


def test_walk_catchment_same_as_qgis_network_analysis(monaco_gpkg, run_alg):
    """The engine behind native:serviceareafrompoint, run directly: same vertices, same times."""
    from qgis.analysis import (
        QgsGraphAnalyzer,
        QgsGraphBuilder,
        QgsNetworkSpeedStrategy,
        QgsVectorLayerDirector,
    )

    path, _ = monaco_gpkg
    x, y = _origin()
    ours = run_alg("network_catchments", {
        "GEOPACKAGE": str(path), "ORIGINS": _utm_points(x, y), "ORIGIN_ID_FIELD": "id",
        "MODE": 0, "BANDS": "10", "OUTPUT": "memory:", "OUTPUT_NODES": "memory:"})
    nodes = list(ours["OUTPUT_NODES"].getFeatures())
    our_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in nodes])
    our_min = np.array([f["cost"] for f in nodes])

    roads = QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")
    roads.setSubsetString("road_class NOT IN ('motorway', 'motorway_link')")
    director = QgsVectorLayerDirector(roads, -1, "", "", "",
                                      QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkSpeedStrategy(-1, 4.8, 1000.0 / 3600.0))  # seconds
    builder = QgsGraphBuilder(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"), False, 0.0, "NONE")
    tied = director.makeGraph(builder, [QgsPointXY(x, y)])
    graph = builder.graph()
    start = graph.findVertex(tied[0])
    _tree, seconds = QgsGraphAnalyzer.dijkstra(graph, start, 0)
    reached = [i for i, s in enumerate(seconds) if s <= 600.0 and i != start]
    qgis_xy = np.array([[graph.vertex(i).point().x(), graph.vertex(i).point().y()]
                        for i in reached])
    qgis_min = np.array([seconds[i] for i in reached]) / 60.0

    assert len(qgis_xy) == len(our_xy) > 500
    d, k = cKDTree(qgis_xy).query(our_xy)
    assert (d < 0.05).all() and np.unique(k).size == len(k)  # one to one
    np.testing.assert_allclose(our_min, qgis_min[k], atol=1e-6 / 60)


def _utm_points(x, y):
    layer = QgsVectorLayer(f"Point?crs=EPSG:{EPSG}&field=id:string", "o", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    feature.setAttributes(["casino"])
    layer.dataProvider().addFeature(feature)
    return layer
