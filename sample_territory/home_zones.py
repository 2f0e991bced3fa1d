"""Home zones of the demo territory: six illustrative commune polygons that tile the demo grid.

The demo's questionnaire answers give a home commune (INSEE code, see :mod:`.answers`); a survey
weighting needs the population of each home zone, i.e. zone polygons over the population grid.
Real observatories use IGN's ADMIN EXPRESS communes or INSEE's IRIS contours; the demo gets
rectilinear communes that tile its bounding box (Lambert-93), with the codes the answers use.
Respondents from Châtellerault and Niort live outside them. No qgis import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import numpy as np

from ..store import geometry, gpkg
from .territory import BBOX, SRS

X0, Y0, X1, Y1 = BBOX
# code, name, exterior ring (closed)
COMMUNES = (
    ("86062", "Chasseneuil-du-Poitou",
     ((X0, 6616600), (X1, 6616600), (X1, Y1), (X0, Y1), (X0, 6616600))),
    ("86158", "Migné-Auxances",
     ((X0, 6613800), (495500, 6613800), (495500, 6616600), (X0, 6616600), (X0, 6613800))),
    ("86041", "Buxerolles",
     ((497000, 6614300), (X1, 6614300), (X1, 6616600), (497000, 6616600), (497000, 6614300))),
    ("86100", "Fontaine-le-Comte",
     ((X0, Y0), (494500, Y0), (494500, 6611500), (X0, 6611500), (X0, Y0))),
    ("86214", "Saint-Benoît",
     ((494500, Y0), (X1, Y0), (X1, 6610000), (494500, 6610000), (494500, Y0))),
    ("86194", "Poitiers",
     ((494500, 6610000), (X1, 6610000), (X1, 6614300), (497000, 6614300), (497000, 6616600),
      (495500, 6616600), (495500, 6613800), (X0, 6613800), (X0, 6611500), (494500, 6611500),
      (494500, 6610000))),
)
LAYER = "home_zones"


def zone_polygons() -> Dict[str, List]:
    """code → polygons (a list of polygons, each a list of rings) of the demo communes."""
    return {code: [[np.array(ring, dtype=float)]] for code, _name, ring in COMMUNES}


def write_home_zones(path) -> Path:
    """A GeoPackage with the layer ``home_zones`` (code, name; multipolygons, EPSG:2154),
    replaced when it exists."""
    from ..store.observatory import srs_definition

    path = Path(path)
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = gpkg.create_container(path)
    try:
        with gpkg.transaction(conn):
            name, wkt = srs_definition(SRS)
            gpkg.register_srs(conn, SRS, name, "EPSG", SRS, wkt)
            gpkg.create_table(conn, LAYER, "code TEXT NOT NULL UNIQUE, name TEXT",
                              description="Demo home zones (illustrative communes)",
                              geometry_type="MULTIPOLYGON", srs_id=SRS)
            from ..store import tables

            tables.insert(conn, LAYER, ["code", "name", "geom"], [
                (code, label, geometry.encode("multipolygon", [[np.array(ring, dtype=float)]],
                                              SRS))
                for code, label, ring in COMMUNES])
    finally:
        conn.close()
    return path
