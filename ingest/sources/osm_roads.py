"""Roads from an OpenStreetMap extract (.osm / .pbf) through GDAL's OSM driver.

Only the ``lines`` layer is read (ways; areas such as pedestrian squares are not routable
lines). A way is a road when its ``highway`` tag is in :data:`ROUTABLE`. Tags:

* ``oneway``: ``yes`` / ``1`` / ``true`` → 1 (along the digitised direction), ``-1`` /
  ``reverse`` → -1, ``no`` / ``0`` / ``false`` → 0; without the tag, roundabouts
  (``junction=roundabout`` or ``circular``) and motorways (``motorway``, ``motorway_link``) are
  one-way (1), every other way is two-way. ``alternating`` / ``reversible`` → 0.
* ``maxspeed``: km/h; ``"50 mph"`` → 80.47; ``"FR:urban"`` (any country) → 50, ``:rural`` → 80,
  ``:motorway`` → 130, ``:trunk`` → 110, ``:living_street`` → 20, ``:zone30`` / ``:zone:30`` → 30,
  ``walk`` → 6; ``none`` / ``signals`` / unreadable → absent; ``"30;50"`` → the first value.

Coordinates are reprojected from WGS 84 to the GeoPackage's CRS (metres).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Optional, Tuple

import numpy as np

from ...i18n import tr
from .osm import parse_hstore

ROUTABLE = frozenset({
    "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
    "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
    "living_street", "service", "road", "track", "pedestrian", "footway", "path", "steps",
    "cycleway", "bridleway", "corridor"})
ONEWAY_FORWARD = ("yes", "1", "true")
ONEWAY_BACKWARD = ("-1", "reverse")
IMPLIED_ONEWAY = frozenset({"motorway", "motorway_link"})
MPH = 1.609344
ZONE_SPEEDS = {"urban": 50.0, "rural": 80.0, "motorway": 130.0, "trunk": 110.0,
               "living_street": 20.0, "walk": 6.0}
_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(mph|km/h|kmh|kph)?\s*$", re.IGNORECASE)


def parse_oneway(value: Optional[str], highway: str = "", junction: Optional[str] = None) -> int:
    """OSM ``oneway`` (plus implied one-ways) → 1, -1 or 0 (see module rules)."""
    v = (value or "").strip().lower()
    if v in ONEWAY_FORWARD:
        return 1
    if v in ONEWAY_BACKWARD:
        return -1
    if v:
        return 0
    if (junction or "").strip().lower() in ("roundabout", "circular"):
        return 1
    return 1 if highway in IMPLIED_ONEWAY else 0


def parse_maxspeed(value) -> Optional[float]:
    """OSM ``maxspeed`` (or a number) → km/h, None when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if np.isfinite(value) and value > 0 else None
    text = str(value).split(";")[0].strip().lower()
    if not text:
        return None
    match = _NUMBER.match(text)
    if match:
        speed = float(match.group(1).replace(",", "."))
        if (match.group(2) or "").lower() == "mph":
            speed *= MPH
        return speed if speed > 0 else None
    if text in ZONE_SPEEDS:
        return ZONE_SPEEDS[text]
    zone = text.split(":", 1)[1] if ":" in text else text
    if zone in ZONE_SPEEDS:
        return ZONE_SPEEDS[zone]
    digits = re.search(r"zone:?(\d+)", zone)
    if digits:
        return float(digits.group(1))
    return None


def read_osm_roads(path, epsg: int) -> Tuple[List[dict], dict]:
    """Road records (``coords`` (n, 2) in EPSG ``epsg``, ``name``, ``road_class``, ``oneway``,
    ``maxspeed``, ``source_id`` = ``way/<id>``) and counts of skipped ways per reason."""
    from osgeo import gdal, ogr, osr

    path = Path(path)
    if not path.is_file():
        raise ValueError(tr("OpenStreetMap file not found: {path}").format(path=path))
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["OSM"])
    if ds is None or ds.GetLayerByName("lines") is None:
        raise ValueError(tr("{file}: not an OpenStreetMap file GDAL's OSM driver can "
                            "read").format(file=path.name))
    source = osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target = osr.SpatialReference()
    target.ImportFromEPSG(int(epsg))
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    records: List[dict] = []
    skipped: dict = {}
    no_highway, no_line = tr("not a highway"), tr("no line geometry")
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        layer = ds.GetLayerByName("lines")
        for feature in layer:
            highway = feature.GetField("highway")
            if not highway:
                skipped[no_highway] = skipped.get(no_highway, 0) + 1
                continue
            if highway not in ROUTABLE:
                key = f"highway={highway}"
                skipped[key] = skipped.get(key, 0) + 1
                continue
            geom = feature.GetGeometryRef()
            if geom is None or geom.GetGeometryType() not in (ogr.wkbLineString,
                                                              ogr.wkbLineString25D):
                skipped[no_line] = skipped.get(no_line, 0) + 1
                continue
            pts = np.asarray(geom.GetPoints(), dtype=np.float64)[:, :2]
            if len(pts) < 2:
                skipped[no_line] = skipped.get(no_line, 0) + 1
                continue
            xy = np.asarray(transform.TransformPoints(pts.tolist()), dtype=np.float64)[:, :2]
            tags = parse_hstore(feature.GetField("other_tags"))
            records.append({
                "coords": xy, "name": feature.GetField("name"), "road_class": highway,
                "oneway": parse_oneway(tags.get("oneway"), highway, tags.get("junction")),
                "maxspeed": parse_maxspeed(tags.get("maxspeed")),
                "source_id": f"way/{feature.GetField('osm_id')}"})
    finally:
        gdal.PopErrorHandler()
    return records, skipped
