"""Shared by the offer and import algorithms: DataFrames to sinks, CRS, zones, output styles.

Styles are applied by layer post-processors (never inside ``processAlgorithm``): QGIS calls
them on the main thread when it loads an output layer into the project.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from ..store import geometry

_KEEP_ALIVE: list = []  # post-processors must outlive processAlgorithm


def clean(value):
    """A value a QgsFeature accepts: NaN / NA → None, numpy scalars → Python."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        return None
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    return value


def _kind(series: pd.Series):
    if pd.api.types.is_bool_dtype(series):
        return QVariant.Bool
    if pd.api.types.is_integer_dtype(series):
        return QVariant.LongLong
    if pd.api.types.is_float_dtype(series):
        return QVariant.Double
    values = [v for v in series if clean(v) is not None]
    if values and all(isinstance(v, (bool, np.bool_)) for v in values):
        return QVariant.Bool
    if values and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                      for v in values):
        return QVariant.LongLong
    if values and all(isinstance(v, (int, float, np.integer, np.floating))
                      and not isinstance(v, bool) for v in values):
        return QVariant.Double
    return QVariant.String


def fields_of(frame: pd.DataFrame, kinds: dict | None = None) -> QgsFields:
    fields = QgsFields()
    for column in frame.columns:
        kind = (kinds or {}).get(column) or _kind(frame[column])
        fields.append(QgsField(str(column), kind))
    return fields


def frame_to_sink(alg, parameters, key, context, frame: pd.DataFrame, crs,
                  geometries=None, wkb_type=QgsWkbTypes.NoGeometry, feedback=None,
                  kinds: dict | None = None):
    """Write ``frame`` to the feature sink ``key``; ``geometries``: one QgsGeometry (or None)
    per row. Returns the destination id."""
    fields = fields_of(frame, kinds)
    sink, dest = alg.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    columns = list(frame.columns)
    for i, record in enumerate(frame.itertuples(index=False, name=None)):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        if geometries is not None and geometries[i] is not None:
            feature.setGeometry(geometries[i])
        feature.setAttributes([clean(record[j]) for j in range(len(columns))])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    return dest


def points(frame: pd.DataFrame, x: str = "x", y: str = "y") -> list:
    out = []
    for a, b in zip(frame[x], frame[y]):
        if clean(a) is None or clean(b) is None:
            out.append(None)
        else:
            out.append(QgsGeometry.fromPointXY(QgsPointXY(float(a), float(b))))
    return out


def blob_geometry(blob):
    if blob is None:
        return None
    geom = QgsGeometry()
    geom.fromWkb(geometry.wkb(blob))
    return geom


def epsg_of(crs: QgsCoordinateReferenceSystem):
    """EPSG code of a valid CRS parameter (None when not set); error when not an EPSG CRS."""
    if crs is None or not crs.isValid():
        return None
    auth = crs.authid()
    if not auth.upper().startswith("EPSG:"):
        raise QgsProcessingException(tr(
            "The CRS {crs} has no EPSG code: choose an EPSG CRS for the coordinates.").format(
                crs=auth or crs.description()))
    return int(auth.split(":")[1])


def split_list(text: str) -> list:
    return [t.strip() for t in (text or "").replace(";", ",").split(",") if t.strip()]


def polygon_targets(source, name_field: str, target_crs, context, feedback) -> tuple:
    """Targets from any polygon layer: ({fid: rings}, {fid: name}, {fid: QgsGeometry}).

    Geometries are transformed to ``target_crs`` (the GeoPackage CRS).
    """
    transform = QgsCoordinateTransform(source.sourceCrs(), target_crs,
                                       context.transformContext())
    targets, names, geoms = {}, {}, {}
    for feature in source.getFeatures(QgsFeatureRequest()):
        if feedback.isCanceled():
            break
        geom = QgsGeometry(feature.geometry())
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(transform)
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


# ------------------------------------------------------------------------------- styles

_VACANCY_BANDS = (("normal", "#1a9641"), ("moderate", "#a6d96a"), ("worrying", "#fdae61"),
                  ("critical", "#d7191c"))


class CategoryStyler(QgsProcessingLayerPostProcessorInterface):
    """Categorised renderer on ``field`` with (value, colour, label) categories."""

    def __init__(self, field: str, categories):
        super().__init__()
        self.field = field
        self.categories = list(categories)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None or not layer.isValid():
            return
        cats = []
        for value, colour, label in self.categories:
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(colour))
            cats.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(self.field, cats))
        layer.triggerRepaint()


def style_on_load(context, dest_id, styler) -> None:
    """Attach ``styler`` to the output ``dest_id`` when QGIS will load it."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        _KEEP_ALIVE.append(styler)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)


def vacancy_band_styler() -> CategoryStyler:
    labels = {"normal": tr("Low vacancy (< 5 %)"), "moderate": tr("Moderate (5 to 7.5 %)"),
              "worrying": tr("Worrying (7.5 to 10 %)"), "critical": tr("Critical (≥ 10 %)")}
    return CategoryStyler("procos_band", [(code, colour, labels[code])
                                          for code, colour in _VACANCY_BANDS])


def long_term_styler() -> CategoryStyler:
    return CategoryStyler("vacancy_class", [
        ("long_term", "#b2182b", tr("Long-term vacancy")),
        ("vacant", "#ef8a62", tr("Vacant")),
        ("not_vacant", "#bababa", tr("Not vacant")),
    ])


def line_parts(source, name_field: str, target_crs, context, feedback) -> list:
    """Lines of any layer as ``[(feature id, name, [N × 2 arrays])]`` in ``target_crs``."""
    transform = QgsCoordinateTransform(source.sourceCrs(), target_crs,
                                       context.transformContext())
    lines = []
    for feature in source.getFeatures(QgsFeatureRequest()):
        if feedback.isCanceled():
            break
        geom = QgsGeometry(feature.geometry())
        if geom.isNull() or geom.isEmpty():
            continue
        geom.transform(transform)
        polylines = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        parts = [np.array([[p.x(), p.y()] for p in line]) for line in polylines if line]
        if parts:
            name = feature[name_field] if name_field else None
            lines.append((int(feature.id()), str(name) if name not in (None, "") else
                          str(feature.id()), parts))
    return lines


def typed_kinds(ints=(), doubles=(), strings=(), bools=()) -> dict:
    kinds = {}
    kinds.update(dict.fromkeys(ints, QVariant.LongLong))
    kinds.update(dict.fromkeys(doubles, QVariant.Double))
    kinds.update(dict.fromkeys(strings, QVariant.String))
    kinds.update(dict.fromkeys(bools, QVariant.Bool))
    return kinds


def zone_targets(alg, conn, parameters, zones_key, name_key, crs, context, feedback) -> tuple:
    """Targets of the offer algorithms: the polygon layer given, else the centralities.

    Returns (targets, names, geometries, from_centralities).
    """
    if parameters.get(zones_key):
        source = alg.parameterAsSource(parameters, zones_key, context)
        if source is None:
            raise QgsProcessingException(alg.invalidSourceError(parameters, zones_key))
        name_field = alg.parameterAsString(parameters, name_key, context)
        targets, names, geoms = polygon_targets(source, name_field, crs, context, feedback)
        if not targets:
            raise QgsProcessingException(tr("The zones layer holds no polygon."))
        return targets, names, geoms, False
    rows = conn.execute("SELECT uuid, name, geom FROM centralities").fetchall()
    if not rows:
        raise QgsProcessingException(tr(
            "The GeoPackage holds no centrality: give a layer of zones."))
    from ..store import offer

    targets, names = offer.centrality_targets(conn)
    geoms = {r["uuid"]: blob_geometry(r["geom"]) for r in rows}
    return targets, names, geoms, True
