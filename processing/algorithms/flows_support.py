"""What the flow algorithms share: tables and point layers from data frames, the report of
rejected rows, import summaries, and the styling post-processor of their output layers."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
from qgis.core import (
    QgsClassificationQuantile,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsStyle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...i18n import tr
from ...store import geometry, observatory
from ...store.flows_imports import REPORT_COLUMNS, FlowImportError, ImportCanceledError
from ...store.flows_results import FlowAnalysisError
from ...store.flows_schema import FlowSchemaError
from .base import ObservatoireAlgorithm

_KEEP = []  # post-processors must outlive processAlgorithm


def _kind(series: pd.Series):
    if series.dtype.kind == "b":
        return QVariant.Bool
    if series.dtype.kind in "iu" or str(series.dtype) == "Int64":
        return QVariant.LongLong
    if series.dtype.kind == "f":
        return QVariant.Double
    return QVariant.String


def _value(v):
    if v is None:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return None if np.isnan(v) else float(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d") if v == v.normalize() else v.isoformat()
    if v is pd.NA or v is pd.NaT:
        return None
    return v


def fields_of(frame: pd.DataFrame) -> QgsFields:
    fields = QgsFields()
    for col in frame.columns:
        fields.append(QgsField(str(col), _kind(frame[col])))
    return fields


def crs_of(conn) -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(f"EPSG:{observatory.srs_id(conn)}")


def write_frame(alg, parameters, key, context, frame: pd.DataFrame, crs, *,
                xy=None, polygons=None, feedback=None):
    """Write ``frame`` to the sink ``key``: a table, a point layer (``xy``: two column names)
    or a polygon layer (``polygons``: list of GeoPackage blobs aligned on the frame). Returns
    the destination id."""
    data = frame.drop(columns=list(xy), errors="ignore") if xy else frame
    fields = fields_of(data)
    wkb = (QgsWkbTypes.Point if xy else QgsWkbTypes.MultiPolygon if polygons is not None
           else QgsWkbTypes.NoGeometry)
    sink, dest = alg.parameterAsSink(parameters, key, context, fields, wkb, crs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    cols = list(data.columns)
    records = data.itertuples(index=False, name=None)
    coords = frame[list(xy)].to_numpy(dtype=float) if xy else None
    for i, row in enumerate(records):
        if feedback is not None and i % 5000 == 0 and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        feature.setAttributes([_value(v) for v in row])
        if coords is not None and np.isfinite(coords[i]).all():
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*coords[i])))
        elif polygons is not None and polygons[i] is not None:
            geom = QgsGeometry()
            geom.fromWkb(geometry.wkb(polygons[i]))
            feature.setGeometry(geom)
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    del cols
    return dest


def report_sink_parameter(alg, key: str = "REJECTED"):
    alg.addParameter(QgsProcessingParameterFeatureSink(
        key, tr("Rejected rows and warnings"), QgsProcessing.TypeVector, optional=True,
        createByDefault=True))


def write_report(alg, parameters, context, feedback, result, key: str = "REJECTED"):
    """Report rejected rows and warnings to the log and to the optional sink ``key``."""
    frame = result.report_frame() if result is not None else pd.DataFrame(
        columns=REPORT_COLUMNS)
    frame["row"] = frame["row"].astype("int64")
    for r in frame.head(50).itertuples(index=False):
        where = (tr("{file}, row {row}").format(file=r.file, row=r.row) if r.row
                 else r.file)
        text = tr("{where}: {field}={value!r}: {reason}").format(
            where=where, field=r.field, value=r.value, reason=r.reason)
        if r.level == "rejected":
            feedback.reportError(tr("Rejected: {text}").format(text=text))
        else:
            feedback.pushWarning(tr("Warning: {text}").format(text=text))
    if len(frame) > 50:
        feedback.pushInfo(tr("… {n} more entries in the rejected rows table").format(
            n=len(frame) - 50))
    if alg.parameterDefinition(key) is None or parameters.get(key) is None:
        return None
    return write_frame(alg, parameters, key, context, frame, QgsCoordinateReferenceSystem())


def log_counts(feedback, result) -> None:
    for table, n in result.added.items():
        feedback.pushInfo(tr("{table}: {added} rows added, {skipped} already present").format(
            table=table, added=n, skipped=result.skipped.get(table, 0)))
    feedback.pushInfo(tr("{read} rows read, {accepted} accepted, {rejected} rejected, "
                         "{warnings} warnings").format(
        read=result.report.rows_read, accepted=result.report.rows_accepted,
        rejected=result.report.rows_rejected, warnings=len(result.report.warnings)))


class GraduatedStyle(QgsProcessingLayerPostProcessorInterface):
    """Graduated colours on a numeric field (quantiles, 5 classes) for an output layer."""

    def __init__(self, field: str, ramp: str = "Reds"):
        super().__init__()
        self.field = field
        self.ramp = ramp

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if not layer.isValid() or layer.fields().indexOf(self.field) < 0:
            return
        renderer = QgsGraduatedSymbolRenderer(self.field)
        renderer.setClassificationMethod(QgsClassificationQuantile())
        ramp = QgsStyle.defaultStyle().colorRamp(self.ramp)
        if ramp is not None:
            renderer.setSourceColorRamp(ramp)
        renderer.updateClasses(layer, 5)
        layer.setRenderer(renderer)
        layer.triggerRepaint()


def style_on_completion(context, dest_id, field: str, ramp: str = "Reds") -> None:
    """Attach a :class:`GraduatedStyle` to an output loaded on completion."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        processor = GraduatedStyle(field, ramp)
        _KEEP.append(processor)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)


class FlowImportAlgorithm(ObservatoireAlgorithm):
    """Shared run of the flow importers: open the GeoPackage, call ``self.do_import``, report.

    Outputs: ``ADDED`` (rows added, all tables), ``REJECTED_COUNT`` (rows rejected) and the
    optional ``REJECTED`` table of rejected rows and warnings.
    """

    GROUP = "socle"
    REJECTED = "REJECTED"
    ADDED = "ADDED"
    REJECTED_COUNT = "REJECTED_COUNT"

    def add_report_outputs(self):
        report_sink_parameter(self, self.REJECTED)
        self.addOutput(QgsProcessingOutputNumber(self.ADDED, self.tr("Rows added")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED_COUNT, self.tr("Rows rejected")))

    def do_import(self, conn, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def extra_outputs(self, result, conn, parameters, context, feedback) -> dict:
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            try:
                result = self.do_import(conn, parameters, context, feedback)
            except ImportCanceledError as exc:
                raise QgsProcessingException(self.tr(
                    "Canceled: the GeoPackage is unchanged.")) from exc
            except (FlowImportError, FlowSchemaError, ValueError, OSError,
                    sqlite3.Error) as exc:
                raise QgsProcessingException(self.tr(
                    "Import failed, the GeoPackage is unchanged: {error}").format(
                        error=exc)) from exc
            log_counts(feedback, result)
            outputs = {self.ADDED: sum(result.added.values()),
                       self.REJECTED_COUNT: result.report.rows_rejected}
            dest = write_report(self, parameters, context, feedback, result, self.REJECTED)
            if dest is not None:
                outputs[self.REJECTED] = dest
            outputs.update(self.extra_outputs(result, conn, parameters, context, feedback))
        finally:
            conn.close()
        feedback.setProgress(100)
        return outputs


def add_file(alg, key, description, optional=False, extension=""):
    param = QgsProcessingParameterFile(key, description, behavior=QgsProcessingParameterFile.File,
                                       extension=extension, optional=optional)
    alg.addParameter(param)
    return param


def add_string(alg, key, description, default=None, optional=True, advanced=False,
               help_text=None):
    param = QgsProcessingParameterString(key, description, defaultValue=default,
                                         optional=optional)
    if advanced:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    if help_text and hasattr(param, "setHelp"):
        param.setHelp(help_text)
    alg.addParameter(param)
    return param


def as_text(alg, parameters, key, context):
    value = alg.parameterAsString(parameters, key, context)
    return value.strip() if value else ""


def mapping_of(alg, parameters, key, context) -> dict:
    from ...store.flows_imports import parse_mapping

    try:
        return parse_mapping(as_text(alg, parameters, key, context))
    except FlowImportError as exc:
        raise QgsProcessingException(str(exc)) from exc


class FlowAnalysisAlgorithm(ObservatoireAlgorithm):
    """Shared frame of the flux analyses: open, run ``self.analyse``, map errors."""

    GROUP = "flux"
    WRITE = "WRITE_INDICATORS"

    def add_write_parameter(self):
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE, self.tr("Write the results to the indicators table"), defaultValue=True))

    def add_distance(self, key, description, default):
        self.addParameter(QgsProcessingParameterNumber(
            key, description, QgsProcessingParameterNumber.Double, defaultValue=default,
            minValue=0))

    def analyse(self, conn, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            try:
                outputs = self.analyse(conn, parameters, context, feedback)
            except (FlowAnalysisError, FlowSchemaError, ValueError) as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.setProgress(100)
        return outputs

    def add_table_sink(self, key, description, optional=False):
        self.addParameter(QgsProcessingParameterFeatureSink(
            key, description, QgsProcessing.TypeVector, optional=optional,
            createByDefault=True))


def parse_hours(text: str):
    """``"9-19"`` → hours 9 … 18 (end excluded); ``"8,12,17"`` → those hours."""
    text = (text or "").strip()
    if not text:
        return tuple(range(24))
    try:
        if "-" in text:
            a, b = (int(v) for v in text.split("-", 1))
            if not 0 <= a < b <= 24:
                raise ValueError
            return tuple(range(a, b))
        hours = tuple(int(v) for v in text.replace(";", ",").split(",") if v.strip())
        if not hours or any(not 0 <= h <= 23 for h in hours):
            raise ValueError
        return hours
    except ValueError as exc:
        raise QgsProcessingException(tr(
            "Hours {text!r}: write a range start-end such as 9-19 (end excluded) or hours "
            "separated by commas, between 0 and 24.").format(text=text)) from exc
