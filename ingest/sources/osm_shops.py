"""OpenStreetMap shops and amenities → candidate premises with an activity group.

Features come from :func:`.osm.osm_features` (``.osm`` / ``.pbf`` through GDAL, or any GeoJSON
export), keyed by their OSM type and id. A feature is a candidate when one of its tags
``key=value`` (keys in the order ``shop``, ``amenity``, ``craft``, ``tourism``) is in the
OSM-tag → activity-group table (``resources/nomenclatures/osm_activity_map.csv``; a ``key,*`` row
maps every other value of that key). ``shop=*`` values missing from the table are kept without
group and listed as warnings; ``shop=vacant`` gives a vacant candidate. Features with none of
these keys, or only unmapped amenities (benches, parking…), are counted as skipped by reason,
never listed one by one. For a multi-valued tag (``convenience;doityourself``) the first value
is used.

Coordinates are returned in the source CRS (EPSG:4326 for OSM).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from .osm import address, osm_features, parse_hstore
from .report import ImportReport

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "nomenclatures"
KEYS = ("shop", "amenity", "craft", "tourism")
COLUMNS = ["source_id", "osm_type", "name", "key", "value", "activity_group", "status",
           "brand", "chain_type", "address", "x", "y", "row"]
__all__ = ["COLUMNS", "KEYS", "OsmResult", "classify", "load_activity_map", "parse_hstore",
           "read_osm"]


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
                brand, chain, address(tags), float(x), float(y), row))


def read_osm(path, activity_map: Optional[Mapping[tuple, str]] = None,
             polygons: bool = True) -> OsmResult:
    """Candidates from a .osm/.pbf (GDAL OSM driver) or a .geojson/.json export."""
    path = Path(path)
    activity_map = activity_map if activity_map is not None else load_activity_map()
    report = ImportReport(source=path.name)
    skipped: Dict[str, int] = {}
    out: list = []
    for row, osm_type, osm_id, tags, x, y in osm_features(path, report, polygons):
        _record(osm_type, osm_id, tags, x, y, activity_map, report, path.name, row, skipped,
                out)
    frame = pd.DataFrame(out, columns=COLUMNS)
    report.rows_accepted = len(frame)
    return OsmResult(frame, report, "EPSG:4326", skipped)
