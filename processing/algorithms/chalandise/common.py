"""Shared helpers of the catchment family: layers in, network loading, geometries out."""

from __future__ import annotations

from typing import Callable, List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
)

from ....analysis.road_profiles import with_profiles
from ....i18n import tr
from ....store import geometry, network_store, observatory


def gpkg_crs(conn) -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(f"EPSG:{observatory.srs_id(conn)}")


def split_list(text: str) -> List[str]:
    return [t.strip() for t in (text or "").replace(";", ",").split(",") if t.strip()]


def parse_bands(text: str) -> List[float]:
    """"5, 10, 15" → [5.0, 10.0, 15.0] (sorted, unique); QgsProcessingException if unreadable."""
    try:
        values = sorted({float(t) for t in split_list(text)})
    except ValueError as exc:
        raise QgsProcessingException(tr(
            "Bands must be numbers separated by commas (e.g. 5, 10, 15), got {text}.").format(
                text=text)) from exc
    if not values or values[0] <= 0:
        raise QgsProcessingException(tr(
            "Bands must be positive numbers separated by commas (e.g. 5, 10, 15), got "
            "{text}.").format(text=text))
    return values


def read_source(source, crs, context, fields: Optional[List[str]] = None) -> dict:
    """Features of a QGIS source, reprojected to ``crs``: ``x``, ``y`` (point, or centroid of a
    line/polygon), ``fid``, ``geometry`` (QgsGeometry in ``crs``) and one list per field."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    names = [f for f in (fields or []) if f]
    out = {"x": [], "y": [], "fid": [], "geometry": [], **{n: [] for n in names}}
    for feature in source.getFeatures():
        geom = QgsGeometry(feature.geometry())
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(transform)
        point = geom.asPoint() if geom.type() == 0 and not geom.isMultipart() else \
            geom.centroid().asPoint()
        out["x"].append(point.x())
        out["y"].append(point.y())
        out["fid"].append(feature.id())
        out["geometry"].append(geom)
        for n in names:
            value = feature[n]
            out[n].append(None if value is None or str(value) == "NULL" else value)
    out["x"] = np.asarray(out["x"], dtype=np.float64)
    out["y"] = np.asarray(out["y"], dtype=np.float64)
    return out


def progress_callback(feedback, start: float = 0.0, end: float = 100.0) -> Callable:
    """``progress(done, total)`` for :func:`analysis.network.map_chunks`: sets the progress
    between ``start`` and ``end`` % and returns False once the user cancels."""
    def progress(done: int, total: int) -> bool:
        feedback.setProgress(start + (end - start) * done / max(total, 1))
        return not feedback.isCanceled()
    return progress


def load_network(conn, feedback):
    """The stored network (with the stored speeds). When ``roads`` changed since the topology
    was built, the topology is rebuilt in memory for this run, with a warning."""
    try:
        stored = network_store.load_network(conn)
    except network_store.NetworkError as exc:
        raise QgsProcessingException(tr(
            "No road network in the GeoPackage: run “Import roads” (observatoire:import_roads) "
            "or “Build the road network” (observatoire:build_network) first.")) from exc
    if not stored.stale:
        return stored.network
    feedback.reportError(tr(
        "The roads table changed since the network topology was built: the topology is "
        "rebuilt in memory for this run. Run “Build the road network” to store it."), False)
    net, _ = network_store.network_from_roads(
        conn, stored.tolerance if stored.tolerance is not None
        else network_store.DEFAULT_TOLERANCE)
    return with_profiles(net, network_store.speeds(conn))


def geometry_from_blob(blob) -> QgsGeometry:
    geom = QgsGeometry()
    if blob is not None:
        geom.fromWkb(geometry.wkb(blob))
    return geom


def polygons_geometry(polygons, srs_id: int) -> QgsGeometry:
    """QgsGeometry (multipolygon) of analysis polygons ``[(shell, [holes])]``."""
    if not polygons:
        return QgsGeometry()
    shapes = [[shell, *holes] for shell, holes in polygons]
    geom = QgsGeometry()
    geom.fromWkb(geometry.wkb(geometry.encode("multipolygon", shapes, srs_id)))
    return geom


def value(v):
    """numpy / NaN → plain Python value or None (for feature attributes)."""
    if v is None:
        return None
    if isinstance(v, (np.floating, float)):
        return None if not np.isfinite(v) else float(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    return v
