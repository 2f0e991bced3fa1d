"""observatoire:delineate_centralities on a hand-built socle (Lambert-93, metres from X0, Y0):
street A, 12 premises every 20 m on y = 0 (x = 0 … 220), those at x = 60 and 80 vacant, the
others occupied; group B, 3 occupied premises at x = 1000, 1020, 1040. With r = 30 and N = 5,
only A is kept: one proposal holding its 12 premises (10 active, 2 vacant)."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce.store import geometry, gpkg, observatory

X0, Y0 = 500000.0, 6600000.0


def socle(path, premises=True):
    observatory.create_observatory(path, "Delineation", 2154)
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date) VALUES "
                     "('k1', 'Inventaire 2025', 2025, '2025-03-01')")
        xs = [20.0 * k for k in range(12)] + [1000.0, 1020.0, 1040.0] if premises else []
        for k, x in enumerate(xs):
            status = "vacant" if x in (60.0, 80.0) else "occupied"
            conn.execute("INSERT INTO premises (uuid, geom) VALUES (?, ?)",
                         (f"p{k}", geometry.encode_point(X0 + x, Y0, 2154)))
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                         "status) VALUES (?,?,?,?)", (f"o{k}", f"p{k}", "k1", status))
    conn.close()
    return path


def test_one_proposal_for_the_street_written_once(run_alg, tmp_path):
    path = socle(tmp_path / "d.gpkg")
    params = {"GEOPACKAGE": str(path), "RADIUS": 30, "MIN_ACTIVE": 5, "SMOOTHING": 10,
              "WRITE_CENTRALITIES": True, "OUTPUT": "memory:"}
    result = run_alg("delineate_centralities", params)
    assert (result["PROPOSALS"], result["ADDED"], result["UPDATED"]) == (1, 1, 0)
    (feature,) = list(result["OUTPUT"].getFeatures())
    assert (feature["name"], feature["level"], feature["premises"], feature["active"],
            feature["vacant"], feature["campaign"]) == (
                "Proposed centrality 1", "primary", 12, 10, 2, "Inventaire 2025")
    box = feature.geometry().boundingBox()
    assert box.xMinimum() == pytest.approx(X0 - 30, abs=3)
    assert box.xMaximum() == pytest.approx(X0 + 250, abs=3)
    conn = gpkg.connect(path)
    rows = conn.execute("SELECT name, level FROM centralities").fetchall()
    conn.close()
    assert [tuple(r) for r in rows] == [("Proposed centrality 1", "primary")]
    again = run_alg("delineate_centralities", params)
    assert (again["ADDED"], again["UPDATED"]) == (0, 0)


def test_without_premises_the_user_is_told_what_to_import(run_alg, tmp_path):
    path = socle(tmp_path / "e.gpkg", premises=False)
    with pytest.raises(QgsProcessingException, match="import_osm_shops, import_sirene"):
        run_alg("delineate_centralities", {"GEOPACKAGE": str(path), "OUTPUT": "memory:"})
