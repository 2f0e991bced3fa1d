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
from .osm import address, selected_features
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
    untyped = tr("no BPE type for its tags in osm_bpe_map")

    def select(tags):
        found = next(((k, v, osm_bpe[(k, v)]) for k, v in (
            (key, (tags.get(key) or "").split(";")[0].strip()) for key in KEYS)
            if (k, v) in osm_bpe), None)
        return (found, None) if found else (None, untyped)

    for row, sid, tags, x, y, (key, value, typequ) in selected_features(
            path, report, skipped, select, polygons):
        out.append((sid, row, typequ, key, value, tags.get("name") or None, address(tags),
                    float(x), float(y)))
    report.rows_accepted = len(out)
    return pd.DataFrame(out, columns=COLUMNS), report, skipped
