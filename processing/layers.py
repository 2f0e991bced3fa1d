"""Input layers of the algorithms: the GeoPackage CRS, features of any QGIS source reprojected
to it, and zones (the centralities, or any polygon layer)."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
)

from ..i18n import tr
from ..jobs import offer
from ..store import observatory
from ..store.readers import territory
from .outputs import blob_geometry


def gpkg_crs(conn) -> QgsCoordinateReferenceSystem:
    """CRS of the observatory GeoPackage."""
    return QgsCoordinateReferenceSystem(f"EPSG:{observatory.srs_id(conn)}")


def source_of(alg, parameters, key, context):
    """The feature source ``key``, or a clear error when it cannot be read."""
    source = alg.parameterAsSource(parameters, key, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, key))
    return source


def _geometries(source, crs, context, feedback=None):
    """(feature, QgsGeometry in ``crs``) of every feature with a geometry."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    for feature in source.getFeatures(QgsFeatureRequest()):
        if feedback is not None and feedback.isCanceled():
            break
        geom = QgsGeometry(feature.geometry())
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(transform)
        yield feature, geom


def read_source(source, crs, context, fields=None) -> dict:
    """Features of a QGIS source, reprojected to ``crs``: ``x``, ``y`` (point, or centroid of a
    line/polygon), ``fid``, ``geometry`` (QgsGeometry in ``crs``) and one list per field."""
    names = [f for f in (fields or []) if f]
    out = {"x": [], "y": [], "fid": [], "geometry": [], **{n: [] for n in names}}
    for feature, geom in _geometries(source, crs, context):
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


def polygon_targets(source, name_field: str, target_crs, context, feedback) -> tuple:
    """Targets from any polygon layer: ({fid: rings}, {fid: name}, {fid: QgsGeometry}) in
    ``target_crs`` (the GeoPackage CRS)."""
    targets, names, geoms = {}, {}, {}
    for feature, geom in _geometries(source, target_crs, context, feedback):
        polygons = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
        rings = [[np.array([[p.x(), p.y()] for p in ring]) for ring in poly]
                 for poly in polygons if poly]
        if not rings:
            continue
        key = int(feature.id())
        targets[key] = rings
        names[key] = str(feature[name_field]) if name_field else str(key)
        geoms[key] = geom
    return targets, names, geoms


def line_parts(source, name_field: str, target_crs, context, feedback) -> list:
    """Lines of any layer as ``[(feature id, name, [N × 2 arrays])]`` in ``target_crs``."""
    lines = []
    for feature, geom in _geometries(source, target_crs, context, feedback):
        polylines = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        parts = [np.array([[p.x(), p.y()] for p in line]) for line in polylines if line]
        if parts:
            name = feature[name_field] if name_field else None
            lines.append((int(feature.id()), str(name) if name not in (None, "") else
                          str(feature.id()), parts))
    return lines


def zone_targets(alg, conn, parameters, zones_key, name_key, crs, context, feedback) -> tuple:
    """Zones: the polygon layer given, else the centralities of the GeoPackage.

    Returns (targets, names, geometries, from_centralities).
    """
    if parameters.get(zones_key):
        source = source_of(alg, parameters, zones_key, context)
        name_field = alg.parameterAsString(parameters, name_key, context)
        targets, names, geoms = polygon_targets(source, name_field, crs, context, feedback)
        if not targets:
            raise QgsProcessingException(tr("The zones layer holds no polygon."))
        return targets, names, geoms, False
    blobs = territory.centrality_blobs(conn)
    if not blobs:
        raise QgsProcessingException(tr(
            "The GeoPackage holds no centrality: give a layer of zones."))
    targets, names = offer.centrality_targets(conn)
    geoms = {uuid: blob_geometry(blob) for uuid, blob in blobs.items()}
    return targets, names, geoms, True
