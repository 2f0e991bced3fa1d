"""Services found in OpenStreetMap (pharmacies, post offices, doctors…) typed as BPE equipment.

Features come from :func:`.osm.osm_features`; a feature is a service when one of its tags
``key=value`` (keys in the order of :data:`KEYS`; the first value of a multi-valued tag) is in
the GeoPackage's editable ``osm_bpe_map`` table, which gives its BPE ``TYPEQU``. Other features
are counted by reason, never listed; a service without usable position is rejected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Mapping

import pandas as pd

from ...i18n import tr
from .osm import address, osm_features
from .report import ImportReport

KEYS = ("amenity", "healthcare", "shop", "office", "craft", "tourism", "leisure")
COLUMNS = ["source_id", "row", "typequ", "key", "value", "name", "address", "x", "y"]


def read_osm_services(path, osm_bpe: Mapping[tuple, str], polygons: bool = True) -> tuple:
    """(services :data:`COLUMNS` in WGS 84, ImportReport, {reason: features skipped});
    ``osm_bpe`` maps (key, value) to a TYPEQU."""
    path = Path(path)
    report = ImportReport(source=path.name)
    skipped: Dict[str, int] = {}
    out = []
    for row, osm_type, osm_id, tags, x, y in osm_features(path, report, polygons):
        found = next(((k, v, osm_bpe[(k, v)]) for k, v in (
            (key, (tags.get(key) or "").split(";")[0].strip()) for key in KEYS)
            if (k, v) in osm_bpe), None)
        if found is None:
            reason = tr("no BPE type for its tags in osm_bpe_map")
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        sid = f"{osm_type}/{osm_id}"
        if x is None or y is None:
            report.reject(path.name, row, "geometry", sid, tr("no usable geometry"))
            continue
        key, value, typequ = found
        out.append((sid, row, typequ, key, value, tags.get("name") or None, address(tags),
                    float(x), float(y)))
    report.rows_accepted = len(out)
    return pd.DataFrame(out, columns=COLUMNS), report, skipped
