"""Stored and packaged projects open ready to work: an extent on their data, a background
drawn from the socle's roads (no network), checked by opening them in a fresh QGIS process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile

import pytest

from observatoire_commerce.store import gpkg
from observatoire_commerce.store.geometry import encode
from observatoire_commerce.survey_forms import project_map

from .fieldwork_site import X0, Y0, build_site

# Roads of the fixture: (class, [(x, y), …]) relative to (X0, Y0); the last is far away.
ROADS = [
    ("primary", [(-300, 50), (1500, 50)]),
    ("residential", [(150, -300), (150, 900)]),
    ("pedestrian", [(20, 0), (20, 100)]),
    ("residential", [(5000, 0), (5000, 100)]),
]

READ_PROJECT = textwrap.dedent("""
    import json, sys
    from qgis.core import QgsApplication, QgsProject
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    ok = project.read(sys.argv[1])
    extent = project.viewSettings().defaultViewExtent()
    layers = {}
    for layer in project.mapLayers().values():
        layers[layer.name()] = {
            "valid": layer.isValid(), "provider": layer.providerType(),
            "source": layer.source(), "features": layer.featureCount()}
    root = project.layerTreeRoot()
    print(json.dumps({
        "ok": ok, "crs": project.crs().authid(),
        "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
        "extent_crs": extent.crs().authid(),
        "layers": layers,
        "groups": {g.name(): [n.name() for n in g.children()] for g in root.findGroups()},
    }))
    app.exitQgis()
""")


def open_in_fresh_qgis(uri) -> dict:
    """Read ``uri`` with ``QgsProject`` in a new Python process, network unreachable."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", http_proxy="http://127.0.0.1:9",
               https_proxy="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9",
               HTTPS_PROXY="http://127.0.0.1:9")
    done = subprocess.run([sys.executable, "-c", READ_PROJECT, str(uri)], env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def canvas_extent(qgs: str):
    from qgis.PyQt.QtXml import QDomDocument

    document = QDomDocument()
    assert document.setContent(qgs)[0]
    canvases = document.elementsByTagName("mapcanvas")
    found = [canvases.at(i).toElement() for i in range(canvases.count())
             if canvases.at(i).toElement().attribute("name") == "theMapCanvas"]
    assert len(found) == 1
    extent = found[0].firstChildElement("extent")
    return [float(extent.firstChildElement(k).text()) for k in ("xmin", "ymin", "xmax", "ymax")]


def qgs_of(content: bytes) -> str:
    import io

    archive = zipfile.ZipFile(io.BytesIO(content))
    return next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".qgs"))


@pytest.fixture
def site(tmp_path, run_alg):
    path = build_site(tmp_path / "socle.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        for index, (cls, points) in enumerate(ROADS):
            line = [(X0 + x, Y0 + y) for x, y in points]
            conn.execute("INSERT INTO roads (uuid, name, road_class, geom) VALUES (?, ?, ?, ?)",
                         (f"r{index}", f"Rue {index}", cls, encode("linestring", line, 2154)))
        gpkg.update_extent(conn, "roads")
    conn.close()
    run_alg("open_campaign", {"GEOPACKAGE": str(path), "NAME": "2025",
                              "START_DATE": "2025-03-01", "END_DATE": "2025-04-30"})
    return path


def approx(values):
    return pytest.approx(values, abs=0.01)


def test_stored_inventory_project_opens_on_its_data_over_the_socle_roads(site, run_alg):
    uri = run_alg("install_inventory_project", {"GEOPACKAGE": str(site)})["PROJECT"]
    opened = open_in_fresh_qgis(uri)
    assert opened["ok"] and opened["crs"] == "EPSG:2154"
    # premises x, y in 0..500, centralities in 0..300 × 0..100: union 500 × 500 m, widened by
    # max(100 m, 8 % of 500 m) = 100 m on every side
    expected = [X0 - 100, Y0 - 100, X0 + 600, Y0 + 600]
    assert opened["extent"] == approx(expected) and opened["extent_crs"] == "EPSG:2154"
    roads = opened["layers"][project_map.ROADS_LAYER]
    assert roads["valid"] and roads["provider"] == "ogr" and roads["features"] == 4
    assert roads["source"].startswith(str(site.resolve()))  # the socle itself, no network
    assert opened["groups"] == {project_map.BACKGROUND_GROUP: [project_map.ROADS_LAYER]}
    assert all(layer["valid"] for layer in opened["layers"].values())
    conn = gpkg.connect(site)
    stored = conn.execute("SELECT content FROM qgis_projects WHERE name = 'Inventaire'"
                          ).fetchone()[0]
    conn.close()
    qgs = qgs_of(bytes.fromhex(stored) if isinstance(stored, str) else bytes(stored))
    assert canvas_extent(qgs) == approx(expected)  # the canvas QGIS and QField open on


def test_field_package_project_opens_on_the_agents_centralities(site, run_alg, tmp_path):
    folder = tmp_path / "alice"
    result = run_alg("prepare_field_package", {
        "GEOPACKAGE": str(site), "AGENT": "alice", "CENTRALITIES": "Centre",
        "OUTPUT_FOLDER": str(folder)})
    opened = open_in_fresh_qgis(result["PROJECT"])
    # the package: premises a1..a4 (10..40) in Centre (0..100): 100 × 100 m + 100 m margins
    expected = [X0 - 100, Y0 - 100, X0 + 200, Y0 + 200]
    assert opened["extent"] == approx(expected)
    background = folder / project_map.BACKGROUND_FILE
    roads = opened["layers"][project_map.ROADS_LAYER]
    # roads crossing the view widened by half its side (150 m): the far road is left out
    assert roads["valid"] and roads["features"] == 3
    assert roads["source"].startswith(str(background))
    outlines = opened["layers"][project_map.OUTLINES_LAYER]
    assert outlines["valid"] and outlines["features"] == 2  # every centrality of the territory
    assert opened["layers"]["Centralités"]["features"] == 1  # the package's own
    assert opened["groups"] == {project_map.BACKGROUND_GROUP: [
        project_map.OUTLINES_LAYER, project_map.ROADS_LAYER]}
    qgs = qgs_of((folder / "inventaire_alice.qgz").read_bytes())
    assert canvas_extent(qgs) == approx(expected)
    assert f"./{project_map.BACKGROUND_FILE}|layername=roads" in qgs  # relative path


def test_stored_questionnaire_project_opens_on_the_centralities(site, run_alg):
    uri = run_alg("install_questionnaire_project", {"GEOPACKAGE": str(site)})["PROJECT"]
    opened = open_in_fresh_qgis(uri)
    # no response has a position: the centralities (0..300 × 0..100) widened by 100 m
    assert opened["extent"] == approx([X0 - 100, Y0 - 100, X0 + 400, Y0 + 200])
    assert opened["layers"][project_map.ROADS_LAYER]["features"] == 4


def test_a_socle_without_data_gives_no_extent(tmp_path, qgis_app):
    from qgis.core import QgsVectorLayer

    from observatoire_commerce.store import observatory

    path = tmp_path / "empty.gpkg"
    observatory.create_observatory(path, "Vide", 2154)
    layers = [QgsVectorLayer(f"{path}|layername={t}", t, "ogr") for t in ("premises", "roads")]
    assert project_map.data_extent(layers[:1], layers[1:]).isNull()
