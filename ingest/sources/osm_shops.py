"""OpenStreetMap shops and amenities → candidate premises with an activity group.

Sources: a ``.osm`` / ``.osm.pbf`` file read through GDAL's OSM driver (``points`` layer, tags in
the ``other_tags`` hstore column; ``multipolygons`` reduced to their centroid), or a GeoJSON
export (Overpass turbo, QuickOSM…: tags as feature properties, points or polygons).

A feature is a candidate when one of its tags ``key=value`` (keys in the order ``shop``,
``amenity``, ``craft``, ``tourism``) is in the OSM-tag → activity-group table
(``resources/nomenclatures/osm_activity_map.csv``; a ``key,*`` row maps every other value of that
key). ``shop=*`` values missing from the table are kept without group and listed as warnings;
``shop=vacant`` gives a vacant candidate. Features with none of these keys, or only unmapped
amenities (benches, parking…), are counted as skipped by reason, never listed one by one.
For a multi-valued tag (``convenience;doityourself``) the first value is used.

Coordinates are returned in the source CRS (EPSG:4326 for OSM).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from .geojson import read_features
from .report import ImportReport, SourceError

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "nomenclatures"
KEYS = ("shop", "amenity", "craft", "tourism")
COLUMNS = ["source_id", "osm_type", "name", "key", "value", "activity_group", "status",
           "brand", "chain_type", "address", "x", "y", "row"]
OSM_TYPES = {"n": "node", "w": "way", "r": "relation", "node": "node", "way": "way",
             "relation": "relation"}
HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"')


@dataclass
class OsmResult:
    candidates: pd.DataFrame            # COLUMNS
    report: ImportReport
    crs: str = "EPSG:4326"
    skipped: Dict[str, int] = field(default_factory=dict)


def load_activity_map(path: Optional[Path] = None) -> Dict[tuple, str]:
    """(key, value) → activity group, from the shipped CSV or a user's copy."""
    with open(path or RESOURCES / "osm_activity_map.csv", encoding="utf-8", newline="") as f:
        return {(r["key"], r["value"]): r["activity_group"] for r in csv.DictReader(f)}


def parse_hstore(text: Optional[str]) -> Dict[str, str]:
    """GDAL's ``other_tags`` ('"a"=>"b","c"=>"d"') as a dict (escaped quotes handled)."""
    if not text:
        return {}
    return {k.replace('\\"', '"').replace("\\\\", "\\"): v.replace('\\"', '"')
            .replace("\\\\", "\\") for k, v in HSTORE.findall(text)}


def classify(tags: Mapping[str, str], activity_map: Mapping[tuple, str]):
    """(key, value, group, status) of a feature, or (None, reason) when it is not a candidate."""
    for key in KEYS:
        raw = tags.get(key)
        if not raw:
            continue
        value = raw.split(";")[0].strip()
        if key == "shop" and value == "vacant":
            return key, value, None, "vacant"
        group = activity_map.get((key, value)) or activity_map.get((key, "*"))
        if group:
            return key, value, group, "occupied"
        if key == "shop":
            return key, value, None, "occupied"
    present = [k for k in KEYS if tags.get(k)]
    if present:
        return None, tr("{tag} not a shop front").format(
            tag=f"{present[0]}={tags[present[0]]}")
    return None, tr("no shop, amenity, craft or tourism tag")


def _address(tags: Mapping[str, str]) -> Optional[str]:
    parts = [tags.get("addr:housenumber", ""), tags.get("addr:street", "")]
    text = " ".join(p for p in parts if p).strip()
    city = " ".join(p for p in (tags.get("addr:postcode", ""), tags.get("addr:city", "")) if p)
    return ", ".join(p for p in (text, city) if p) or None


def _record(osm_type, osm_id, tags, x, y, activity_map, report, name, row, skipped, out):
    cls = classify(tags, activity_map)
    if cls[0] is None:
        reason = cls[1]
        skipped[reason] = skipped.get(reason, 0) + 1
        return
    key, value, group, status = cls
    source_id = f"{osm_type}/{osm_id}"
    if group is None and status == "occupied":
        report.warn(name, row, key, value,
                    tr("{tag} has no activity group in osm_activity_map.csv; add it").format(
                        tag=f"{key}={value}"))
    if x is None or y is None or not np.isfinite(x) or not np.isfinite(y):
        report.reject(name, row, "geometry", source_id, tr("no usable geometry"))
        return
    brand = tags.get("brand") or None
    chain = "chain" if (brand or tags.get("brand:wikidata")) else None
    out.append((source_id, osm_type, tags.get("name") or None, key, value, group, status,
                brand, chain, _address(tags), float(x), float(y), row))


def read_osm(path, activity_map: Optional[Mapping[tuple, str]] = None,
             polygons: bool = True) -> OsmResult:
    """Candidates from a .osm/.pbf (GDAL OSM driver) or a .geojson/.json export."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("OpenStreetMap file not found: {path}").format(path=path))
    activity_map = activity_map if activity_map is not None else load_activity_map()
    if path.suffix.lower() in (".geojson", ".json"):
        return _read_geojson(path, activity_map)
    return _read_ogr(path, activity_map, polygons)


def _read_ogr(path: Path, activity_map, polygons: bool) -> OsmResult:
    from osgeo import gdal

    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    if ds is None or ds.GetLayerByName("points") is None:
        raise SourceError(tr("{file}: not an OpenStreetMap file GDAL's OSM driver can "
                            "read").format(file=path.name))
    report = ImportReport(source=path.name)
    skipped: Dict[str, int] = {}
    out: list = []
    wanted = {"points"} | ({"multipolygons"} if polygons else set())
    # the OSM driver streams the file once: read features in file order, layer by layer
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # unclosed rings of partial extracts
    try:
        _read_features(ds, wanted, activity_map, report, path.name, skipped, out)
    finally:
        gdal.PopErrorHandler()
    frame = pd.DataFrame(out, columns=COLUMNS)
    report.rows_accepted = len(frame)
    return OsmResult(frame, report, "EPSG:4326", skipped)


def osm_identity(props: Mapping, feature: Mapping) -> tuple:
    """(``node``/``way``/``relation``, id) of a GeoJSON feature from the forms exports use:
    Overpass turbo ``@id: node/123`` or ``id: node/123``; QuickOSM and ogr2ogr ``osm_id`` with
    ``osm_type`` (or ``osm_way_id`` for ways); QuickOSM ``full_id: n123``; ``@type`` / ``type``
    with a numeric ``id``. (None, None) when the feature carries no OSM id."""
    for ident in (props.get("@id"), feature.get("id"), props.get("id")):
        text = str(ident or "")
        if "/" in text:
            kind, _, number = text.partition("/")
            if kind in OSM_TYPES and number.strip().isdigit():
                return OSM_TYPES[kind], number.strip()
    full = str(props.get("full_id") or "")
    if len(full) > 1 and full[0] in "nwr" and full[1:].isdigit():
        return OSM_TYPES[full[0]], full[1:]
    if str(props.get("osm_way_id") or "").isdigit():
        return "way", str(props["osm_way_id"])
    number = str(props.get("osm_id") or "").strip()
    kind = str(props.get("osm_type") or props.get("@type") or props.get("type") or "").lower()
    if number.lstrip("-").isdigit() and kind in OSM_TYPES:
        return OSM_TYPES[kind], number
    for ident in (feature.get("id"), props.get("id")):
        text = str(ident or "").strip()
        if text.isdigit() and kind in OSM_TYPES:
            return OSM_TYPES[kind], text
    return None, None


def _content_key(tags: Mapping, x, y) -> str:
    """A stable key for a feature without id: its tags and position (to the metre)."""
    import hashlib

    where = "" if x is None or y is None else f"{float(x):.5f},{float(y):.5f}"
    text = ";".join(f"{k}={v}" for k, v in sorted(tags.items())) + "@" + where
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _read_features(ds, wanted, activity_map, report, name, skipped, out) -> None:
    row = 0
    while True:
        feature, layer = ds.GetNextFeature()
        if feature is None:
            break
        lname = layer.GetName()
        if lname not in wanted:
            continue
        row += 1
        tags = parse_hstore(feature.GetField("other_tags"))
        defn = feature.GetDefnRef()
        for i in range(defn.GetFieldCount()):
            fname = defn.GetFieldDefn(i).GetName()
            if fname not in ("other_tags", "osm_id", "osm_way_id") and feature.IsFieldSet(i):
                tags.setdefault(fname, feature.GetField(i))
        geom = feature.GetGeometryRef()
        if lname == "points":
            osm_type, osm_id = "node", feature.GetField("osm_id")
            pt = geom
        else:
            way = feature.GetField("osm_way_id")
            osm_type, osm_id = ("way", way) if way else ("relation", feature.GetField("osm_id"))
            pt = geom.Centroid() if geom is not None else None
        x, y = (pt.GetX(), pt.GetY()) if pt is not None and not pt.IsEmpty() else (None, None)
        _record(osm_type, osm_id, tags, x, y, activity_map, report, name, row, skipped, out)
    report.rows_read = row


def _xy(position) -> tuple:
    """(x, y) of a GeoJSON position; ValueError when it is not two finite numbers."""
    if not isinstance(position, (list, tuple)) or len(position) < 2:
        raise ValueError("not a position")
    x, y = float(position[0]), float(position[1])
    if not (np.isfinite(x) and np.isfinite(y) and abs(x) <= 180 and abs(y) <= 90):
        raise ValueError("not a WGS 84 position")
    return x, y


def _centroid(geometry) -> tuple:
    """Point, or area-weighted centroid of the largest ring of a (Multi)Polygon (GeoJSON);
    (None, None) for any other or malformed geometry."""
    if not isinstance(geometry, dict):
        return None, None
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "Point":
            return _xy(coords)
        if kind == "Polygon":
            rings = [coords[0]]
        elif kind == "MultiPolygon":
            rings = [poly[0] for poly in coords]
        else:
            return None, None
        best, best_area = (None, None), -1.0
        for ring in rings:
            r = np.asarray([_xy(p) for p in ring], dtype=float)
            if len(r) < 3:
                continue
            x, y = r[:, 0], r[:, 1]
            cross = x[:-1] * y[1:] - x[1:] * y[:-1]
            area = cross.sum() / 2.0
            if abs(area) < 1e-15:
                cx, cy = float(x.mean()), float(y.mean())
            else:
                cx = float(((x[:-1] + x[1:]) * cross).sum() / (6 * area))
                cy = float(((y[:-1] + y[1:]) * cross).sum() / (6 * area))
            if abs(area) > best_area:
                best, best_area = (cx, cy), abs(area)
        return best
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return None, None


def _read_geojson(path: Path, activity_map) -> OsmResult:
    features = read_features(path)
    report = ImportReport(source=path.name, rows_read=len(features))
    skipped: Dict[str, int] = {}
    out: list = []
    anonymous = 0
    for i, feat in enumerate(features, start=1):
        if not isinstance(feat, dict):
            report.reject(path.name, i, "feature", str(feat)[:40], tr("a GeoJSON feature"))
            continue
        props = feat.get("properties")
        props = props if isinstance(props, dict) else {}
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else props
        tags = {str(k): str(v) for k, v in tags.items()
                if v is not None and not isinstance(v, (dict, list))}
        x, y = _centroid(feat.get("geometry") or {})
        osm_type, osm_id = osm_identity(props, feat)
        if osm_type is None:
            osm_type, osm_id = "feature", _content_key(tags, x, y)
            anonymous += 1
        _record(osm_type, osm_id, tags, x, y, activity_map, report, path.name, i, skipped, out)
    if anonymous:
        report.warn(path.name, 0, "id", "", tr(
            "{n} features without an OpenStreetMap id (@id, id, osm_id and osm_type, "
            "full_id): keyed by their tags and position").format(n=anonymous))
    frame = pd.DataFrame(out, columns=COLUMNS)
    report.rows_accepted = len(frame)
    return OsmResult(frame, report, "EPSG:4326", skipped)
