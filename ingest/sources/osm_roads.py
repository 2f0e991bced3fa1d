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
from typing import Optional

import numpy as np

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
