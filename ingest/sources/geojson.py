"""GeoJSON FeatureCollections read as plain Python objects (no GDAL), refused with a message
when the file is not one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ...i18n import tr
from .report import SourceError


def read_features(path, encoding: Optional[str] = None) -> list:
    """The ``features`` list of a GeoJSON FeatureCollection (UTF-8 by default). Raises
    :class:`SourceError` for a file that is missing, not JSON or not a FeatureCollection."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode(encoding or "utf-8-sig"))
    except (OSError, ValueError, LookupError, RecursionError) as exc:
        raise SourceError(tr("{file}: not a GeoJSON file ({error})").format(
            file=path.name, error=exc)) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise SourceError(tr("{file}: expected a GeoJSON FeatureCollection").format(
            file=path.name))
    return features
