"""OpenStreetMap features from any export, as ``(row, type, id, tags, lon, lat)``.

Sources: a ``.osm`` / ``.osm.pbf`` file read through GDAL's OSM driver (``points`` layer, tags in
the ``other_tags`` hstore column; ``multipolygons`` reduced to their centroid), or a GeoJSON
export (Overpass turbo, QuickOSM, ogr2ogr…: tags as feature properties or under ``tags``,
points or polygons). Every feature is keyed by its OSM identity (``node``/``way``/``relation``
and id) whatever the exporter wrote (:func:`osm_identity`); a feature without any is keyed by
its tags and position, with one warning for the file. Malformed geometries give no position
(the caller rejects the row); a file that is not an export is refused with
:class:`~.report.SourceError`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Dict, Iterator, Mapping, Optional, Tuple

import numpy as np

from ...i18n import tr
from .geojson import read_features
from .report import ImportReport, SourceError

OSM_TYPES = {"n": "node", "w": "way", "r": "relation", "node": "node", "way": "way",
             "relation": "relation"}
HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"')
Feature = Tuple[int, str, str, Dict[str, str], Optional[float], Optional[float]]


def parse_hstore(text: Optional[str]) -> Dict[str, str]:
    """GDAL's ``other_tags`` ('"a"=>"b","c"=>"d"') as a dict (escaped quotes handled)."""
    if not text:
        return {}
    return {k.replace('\\"', '"').replace("\\\\", "\\"): v.replace('\\"', '"')
            .replace("\\\\", "\\") for k, v in HSTORE.findall(text)}


def address(tags: Mapping[str, str]) -> Optional[str]:
    """``4 Rue Gambetta, 86000 Poitiers`` from the ``addr:*`` tags (None without any)."""
    parts = [tags.get("addr:housenumber", ""), tags.get("addr:street", "")]
    text = " ".join(p for p in parts if p).strip()
    city = " ".join(p for p in (tags.get("addr:postcode", ""), tags.get("addr:city", "")) if p)
    return ", ".join(p for p in (text, city) if p) or None


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


def content_key(tags: Mapping, x, y) -> str:
    """A stable key for a feature without id: its tags and position (to the metre)."""
    where = "" if x is None or y is None else f"{float(x):.5f},{float(y):.5f}"
    text = ";".join(f"{k}={v}" for k, v in sorted(tags.items())) + "@" + where
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _xy(position) -> tuple:
    """(x, y) of a GeoJSON position; ValueError when it is not two finite numbers."""
    if not isinstance(position, (list, tuple)) or len(position) < 2:
        raise ValueError("not a position")
    x, y = float(position[0]), float(position[1])
    if not (np.isfinite(x) and np.isfinite(y) and abs(x) <= 180 and abs(y) <= 90):
        raise ValueError("not a WGS 84 position")
    return x, y


def centroid(geometry) -> tuple:
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


def osm_features(path, report: ImportReport, polygons: bool = True) -> Iterator[Feature]:
    """Every feature of an OpenStreetMap export (see the module docstring), in file order;
    ``report.rows_read`` counts them."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("OpenStreetMap file not found: {path}").format(path=path))
    if path.suffix.lower() in (".geojson", ".json"):
        yield from _geojson_features(path, report)
    else:
        yield from _ogr_features(path, report, polygons)


def _geojson_features(path: Path, report: ImportReport) -> Iterator[Feature]:
    features = read_features(path)
    report.rows_read += len(features)
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
        x, y = centroid(feat.get("geometry"))
        osm_type, osm_id = osm_identity(props, feat)
        if osm_type is None:
            osm_type, osm_id = "feature", content_key(tags, x, y)
            anonymous += 1
        yield i, osm_type, osm_id, tags, x, y
    if anonymous:
        report.warn(path.name, 0, "id", "", tr(
            "{n} features without an OpenStreetMap id (@id, id, osm_id and osm_type, "
            "full_id): keyed by their tags and position").format(n=anonymous))


def _ogr_features(path: Path, report: ImportReport, polygons: bool) -> Iterator[Feature]:
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")  # unclosed rings of partial extracts
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
        if ds is None or ds.GetLayerByName("points") is None:
            raise SourceError(tr("{file}: not an OpenStreetMap file GDAL's OSM driver can "
                                 "read").format(file=path.name))
        wanted = {"points"} | ({"multipolygons"} if polygons else set())
        row = 0
        # the OSM driver streams the file once: read features in file order, layer by layer
        while True:
            feature, layer = ds.GetNextFeature()
            if feature is None:
                break
            if layer.GetName() not in wanted:
                continue
            row += 1
            report.rows_read += 1
            yield (row,) + _ogr_feature(feature, layer.GetName())
    finally:
        gdal.PopErrorHandler()


def _ogr_feature(feature, layer: str) -> tuple:
    tags = parse_hstore(feature.GetField("other_tags"))
    defn = feature.GetDefnRef()
    for i in range(defn.GetFieldCount()):
        fname = defn.GetFieldDefn(i).GetName()
        if fname not in ("other_tags", "osm_id", "osm_way_id") and feature.IsFieldSet(i):
            tags.setdefault(fname, str(feature.GetField(i)))
    geom = feature.GetGeometryRef()
    if layer == "points":
        osm_type, osm_id, pt = "node", feature.GetField("osm_id"), geom
    else:
        way = feature.GetField("osm_way_id")
        osm_type, osm_id = ("way", way) if way else ("relation", feature.GetField("osm_id"))
        pt = geom.Centroid() if geom is not None else None
    x, y = (pt.GetX(), pt.GetY()) if pt is not None and not pt.IsEmpty() else (None, None)
    return osm_type, str(osm_id), tags, x, y


def selected_features(path, report: ImportReport, skipped: Dict[str, int], select,
                      polygons: bool = True) -> Iterator[tuple]:
    """``(row, "type/id", tags, lon, lat, what)`` of the features ``select(tags)`` keeps:
    it returns ``(what, None)``, or ``(None, reason)`` for a feature counted in ``skipped``
    under that reason. A kept feature without usable position is rejected."""
    name = Path(path).name
    for row, osm_type, osm_id, tags, x, y in osm_features(path, report, polygons):
        what, reason = select(tags)
        if what is None:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        sid = f"{osm_type}/{osm_id}"
        if x is None or y is None:
            report.reject(name, row, "geometry", sid, tr("no usable geometry"))
            continue
        yield row, sid, tags, x, y, what
