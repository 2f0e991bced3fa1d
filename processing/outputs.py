"""Feature sinks of every algorithm: tables and layers from DataFrames or rows, typed fields,
NULLs, geometries, and the rejected-rows table.

Field types come from the column dtype (or the values of an object column), unless ``kinds``
names them; NaN, NA, NaT and non-finite numbers become NULL. An optional output the user did
not ask for gives no sink: the writers then return ``None``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..store import geometry


def clean(value):
    """A value a QgsFeature accepts: NaN / NA / inf → None, numpy scalars → Python, lists →
    "a;b", timestamps → ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value)
    return value


def field_kind(series: pd.Series):
    """QVariant type of a column: its dtype, or the values of an object column."""
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


def typed_kinds(ints=(), doubles=(), strings=(), bools=()) -> dict:
    """``kinds`` for :func:`write_frame` from column names per type."""
    kinds = {}
    kinds.update(dict.fromkeys(ints, QVariant.LongLong))
    kinds.update(dict.fromkeys(doubles, QVariant.Double))
    kinds.update(dict.fromkeys(strings, QVariant.String))
    kinds.update(dict.fromkeys(bools, QVariant.Bool))
    return kinds


def make_fields(columns) -> QgsFields:
    """QgsFields from ``(name, QVariant type)`` pairs."""
    fields = QgsFields()
    for name, kind in columns:
        fields.append(QgsField(str(name), kind))
    return fields


def frame_fields(frame: pd.DataFrame, kinds: dict | None = None) -> QgsFields:
    return make_fields((column, (kinds or {}).get(column) or field_kind(frame[column]))
                       for column in frame.columns)


def blob_geometry(blob) -> QgsGeometry | None:
    """QgsGeometry of a GeoPackage geometry blob (None for None)."""
    if blob is None:
        return None
    geom = QgsGeometry()
    geom.fromWkb(geometry.wkb(blob))
    return geom


def point(x, y) -> QgsGeometry | None:
    """Point geometry, or None when a coordinate is missing or not finite."""
    x, y = clean(x), clean(y)
    if x is None or y is None:
        return None
    return QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y)))


def points(frame: pd.DataFrame, x: str = "x", y: str = "y") -> list:
    """One point geometry (or None) per row of ``frame``."""
    return [point(a, b) for a, b in zip(frame[x], frame[y])]


class SinkWriter:
    """An open feature sink: ``add(attributes, geometry)``; ``dest`` is the output id."""

    def __init__(self, sink, fields: QgsFields, dest):
        self.sink = sink
        self.fields = fields
        self.dest = dest

    def add(self, attributes, geometry: QgsGeometry | None = None) -> None:
        feature = QgsFeature(self.fields)
        if geometry is not None:
            feature.setGeometry(geometry)
        feature.setAttributes([clean(v) for v in attributes])
        self.sink.addFeature(feature, QgsFeatureSink.FastInsert)


def polygons_geometry(polygons, srs_id: int) -> QgsGeometry:
    """QgsGeometry (multipolygon) of analysis polygons ``[(shell, [holes])]``."""
    if not polygons:
        return QgsGeometry()
    shapes = [[shell, *holes] for shell, holes in polygons]
    geom = QgsGeometry()
    geom.fromWkb(geometry.wkb(geometry.encode("multipolygon", shapes, srs_id)))
    return geom


def open_sink(alg, parameters, key, context, fields, wkb_type=QgsWkbTypes.NoGeometry,
              crs=None) -> SinkWriter | None:
    """Open the sink ``key`` with ``fields`` (QgsFields or ``(name, type)`` pairs). None for an
    optional output the user did not ask for; an error for a required one."""
    if not isinstance(fields, QgsFields):
        fields = make_fields(fields)
    args = (parameters, key, context, fields, wkb_type) + ((crs,) if crs is not None else ())
    sink, dest = alg.parameterAsSink(*args)
    if sink is None:
        definition = alg.parameterDefinition(key)
        if definition is not None and \
                definition.flags() & QgsProcessingParameterDefinition.FlagOptional:
            return None
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    return SinkWriter(sink, fields, dest)


def write_rows(alg, parameters, key, context, fields, rows, wkb_type=QgsWkbTypes.NoGeometry,
               crs=None, geometries=None, feedback=None):
    """Write ``rows`` (attribute sequences; ``geometries``: one QgsGeometry or None per row) to
    the sink ``key``. Returns the destination id (None: optional output not asked for)."""
    writer = open_sink(alg, parameters, key, context, fields, wkb_type, crs)
    if writer is None:
        return None
    for i, row in enumerate(rows):
        if feedback is not None and feedback.isCanceled():
            break
        writer.add(row, geometries[i] if geometries is not None else None)
    return writer.dest


def write_frame(alg, parameters, key, context, frame: pd.DataFrame, crs=None, *,
                geometries=None, wkb_type=None, xy=None, kinds: dict | None = None,
                feedback=None):
    """Write ``frame`` to the sink ``key``: a table; a layer of ``wkb_type`` with
    ``geometries`` (one QgsGeometry or None per row); or a point layer from the ``xy`` columns
    (dropped from the attributes). Returns the destination id."""
    if xy:
        geometries = points(frame, *xy)
        frame = frame.drop(columns=list(xy))
        wkb_type = QgsWkbTypes.Point
    if wkb_type is None:
        wkb_type = QgsWkbTypes.NoGeometry
    return write_rows(alg, parameters, key, context, frame_fields(frame, kinds),
                      frame.itertuples(index=False, name=None), wkb_type, crs, geometries,
                      feedback)


# ------------------------------------------------------------------------ rejected rows

def report_rejected(alg, parameters, key, context, feedback, frame: pd.DataFrame, message, *,
                    kinds: dict | None = None, crs=None, limit: int | None = None,
                    more: str | None = None):
    """The rejected-rows output: log each row of ``frame`` (``message(row)`` gives the text,
    or ``(text, False)`` for a warning; at most ``limit`` rows, then ``more`` formatted with
    ``n`` the rows left out) and write ``frame`` to the table ``key``. Its id, or None."""
    shown = frame if limit is None else frame.head(limit)
    for row in shown.itertuples(index=False):
        text = message(row)
        text, error = text if isinstance(text, tuple) else (text, True)
        if error:
            feedback.reportError(text, fatalError=False)
        else:
            feedback.pushWarning(text)
    if limit is not None and len(frame) > limit and more:
        feedback.pushInfo(more.format(n=len(frame) - limit))
    definition = alg.parameterDefinition(key)
    if definition is None or (parameters.get(key) is None and definition.flags()
                              & QgsProcessingParameterDefinition.FlagOptional):
        return None
    return write_frame(alg, parameters, key, context, frame, crs, kinds=kinds)
