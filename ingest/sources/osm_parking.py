"""OpenStreetMap car parks (``amenity=parking``) from any export (:func:`.osm.osm_features`).

Each car park is keyed by its OSM identity (``node/123``, ``way/45``) and read as:

- ``kind``: ``on_street`` for ``parking=street_side|lane|on_kerb|half_on_kerb|layby``, else
  ``off_street``; ``structure`` the ``parking`` tag (``surface``, ``multi-storey``,
  ``underground``, ``rooftop``…);
- ``capacity`` (``capacity``), ``pmr_places`` (``capacity:disabled``), ``ev_places``
  (``capacity:charging``): whole numbers from 0 to :data:`MAX_PLACES`; another value is kept
  empty with a warning;
- ``free_of_charge`` from ``fee`` (``no`` → 1, ``yes`` → 0); ``users`` from ``access``
  (:data:`ACCESS`); ``max_height_cm`` from ``maxheight`` in metres;
- ``name``: the ``name`` tag, else ``ref``, else the OSM id.

Features that are not car parks are counted by reason, never listed; a car park without usable
position is rejected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Mapping, Optional

import pandas as pd

from ...i18n import tr
from .osm import address, selected_features
from .report import ImportReport

MAX_PLACES = 100_000
ON_STREET = {"street_side", "lane", "on_kerb", "half_on_kerb", "layby", "street"}
ACCESS = {"yes": "tous", "public": "tous", "permissive": "tous", "destination": "tous",
          "customers": "clients", "permit": "abonnés", "residents": "abonnés",
          "private": "privé", "no": "privé"}
COLUMNS = ["source_id", "row", "name", "kind", "structure", "capacity", "pmr_places",
           "ev_places", "free_of_charge", "users", "max_height_cm", "address", "x", "y"]


def _places(tags: Mapping[str, str], key: str, report, name, row) -> Optional[int]:
    text = (tags.get(key) or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{1,6}", text) and int(text) <= MAX_PLACES:
        return int(text)
    report.warn(name, row, key, text, tr("a number of places from 0 to {max} (kept empty)").format(
        max=MAX_PLACES))
    return None


def _height_cm(text: Optional[str]) -> Optional[int]:
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*m?\s*", text or "")
    if not m:
        return None
    metres = float(m.group(1).replace(",", "."))
    return int(round(metres * 100)) if 0 < metres < 20 else None


def read_osm_parkings(path, polygons: bool = True) -> tuple:
    """(car parks :data:`COLUMNS` in WGS 84, ImportReport, {reason: features skipped})."""
    path = Path(path)
    report = ImportReport(source=path.name)
    skipped: Dict[str, int] = {}
    out = []
    not_parking = tr("not a car park (amenity=parking)")
    for row, sid, tags, x, y, _ in selected_features(
            path, report, skipped, lambda tags: (True, None) if tags.get("amenity") == "parking"
            else (None, not_parking), polygons):
        structure = (tags.get("parking") or "").strip() or None
        fee = (tags.get("fee") or "").strip().lower()
        access = (tags.get("access") or "").strip().lower()
        out.append((
            sid, row, tags.get("name") or tags.get("ref") or sid,
            "on_street" if structure in ON_STREET else "off_street", structure,
            _places(tags, "capacity", report, path.name, row),
            _places(tags, "capacity:disabled", report, path.name, row),
            _places(tags, "capacity:charging", report, path.name, row),
            {"no": 1, "yes": 0}.get(fee), ACCESS.get(access, access or None),
            _height_cm(tags.get("maxheight")), address(tags), float(x), float(y)))
    report.rows_accepted = len(out)
    return pd.DataFrame(out, columns=COLUMNS), report, skipped
