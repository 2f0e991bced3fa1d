"""Bases of the import algorithms: the GeoPackage, the rejected-rows table, the common flow.

:class:`ImportAlgorithm` (premises sources) and :class:`FlowImportAlgorithm` (flow sources) read
their parameters and call one ``store`` import function; the base turns its result into outputs
(rejected rows table, rows to review, counts) and its errors into ``QgsProcessingException``
messages. The store function writes in one transaction: an error or a cancel leaves the
GeoPackage unchanged.
"""

from __future__ import annotations

import re
import sqlite3

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..ingest.importers.common import ImportCanceledError, ImportResult
from ..ingest.importers.flows import REPORT_COLUMNS, FlowImportError
from ..ingest.importers.flows import ImportCanceledError as FlowCanceledError
from ..store import observatory
from ..store.schema.flows import FlowSchemaError
from .algorithms.base import ObservatoireAlgorithm
from .outputs import points, write_frame, write_import_report
from .parameters import epsg_of


class ImportAlgorithm(ObservatoireAlgorithm):
    GROUP = "socle"
    SOURCE_CRS = "SOURCE_CRS"
    CAMPAIGN = "CAMPAIGN"
    CREATE_CAMPAIGN = "CREATE_CAMPAIGN"
    MAX_DISTANCE = "MAX_DISTANCE"
    MIN_SIMILARITY = "MIN_SIMILARITY"
    OUTPUT_REJECTED = "OUTPUT_REJECTED"
    OUTPUT_REVIEW = "OUTPUT_REVIEW"
    REJECTED = "REJECTED"
    WARNINGS = "WARNINGS"
    # counts of the premise-candidate importers (SIRENE, OSM)
    NEW = "NEW_PREMISES"
    MATCHED = "MATCHED"
    KNOWN = "KNOWN"
    REVIEW = "TO_REVIEW"
    OBSERVATIONS = "OBSERVATIONS"

    # -- parameters shared by several importers --------------------------------------------
    def add_source_crs_parameter(self):
        crs = QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("CRS of the coordinates (empty = read from the file)"),
            optional=True)
        crs.setHelp(self.tr("Overrides the CRS the importer reads from the file; the "
                            "coordinates are reprojected to the GeoPackage CRS."))
        self.addParameter(crs)

    def add_campaign_parameters(self):
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign receiving the observations (name; empty = "
                                   "premises only)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CREATE_CAMPAIGN, self.tr("Create the campaign if it does not exist"),
            defaultValue=False))

    def add_matching_parameters(self):
        distance = QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Matching distance to existing premises (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=25.0, minValue=0.0)
        similarity = QgsProcessingParameterNumber(
            self.MIN_SIMILARITY, self.tr("Minimum sign-name similarity (0 to 1)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.8, minValue=0.0, maxValue=1.0)
        for p in (distance, similarity):
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(p)

    def add_review_output(self):
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REVIEW, self.tr("Establishments to review"),
            QgsProcessing.TypeVectorPoint))

    def add_report_output(self):
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REJECTED, self.tr("Rejected rows"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, self.tr("Rows rejected")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNINGS, self.tr("Warnings")))

    # -- reading shared parameters ----------------------------------------------------------
    def source_epsg(self, parameters, context):
        if not parameters.get(self.SOURCE_CRS):
            return None
        return epsg_of(self.parameterAsCrs(parameters, self.SOURCE_CRS, context))

    def campaign_arguments(self, parameters, context) -> dict:
        name = self.parameterAsString(parameters, self.CAMPAIGN, context).strip() or None
        create = self.parameterAsBool(parameters, self.CREATE_CAMPAIGN, context)
        year = None
        if name and create:
            found = re.search(r"(19|20)\d\d", name)
            year = int(found.group(0)) if found else pd.Timestamp.today().year
        return {"campaign": name, "create_campaign_year": year}

    def matching_arguments(self, parameters, context) -> dict:
        return {"max_distance": self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
                "min_similarity": self.parameterAsDouble(parameters, self.MIN_SIMILARITY,
                                                         context)}

    # -- the common flow -------------------------------------------------------------------
    def run_import(self, parameters, context, feedback, function, **kwargs) -> tuple:
        """Open the GeoPackage, call ``function(conn, **kwargs)``; (ImportResult, epsg)."""
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            epsg = observatory.srs_id(conn)
            result = function(conn, progress=feedback.setProgress,
                              is_canceled=feedback.isCanceled, **kwargs)
        except ImportCanceledError as exc:
            raise QgsProcessingException(self.tr(
                "Import canceled: the GeoPackage is unchanged.")) from exc
        except (ValueError, OSError) as exc:
            raise QgsProcessingException(self.tr(
                "Import failed, the GeoPackage is unchanged: {error}").format(error=exc)) from exc
        finally:
            conn.close()
        return result, epsg

    def report_outputs(self, result: ImportResult, parameters, context, feedback,
                       epsg: int) -> dict:
        report = result.report
        for reason, n in (result.skipped or {}).items():
            feedback.pushInfo(self.tr("Skipped ({reason}): {n} rows").format(reason=reason, n=n))
        for key, n in result.counts.items():
            feedback.pushInfo(self.tr("{what}: {n}").format(what=key, n=n))
        dest = write_import_report(self, parameters, self.OUTPUT_REJECTED, context, feedback,
                                   result.report_frame())
        return {self.OUTPUT_REJECTED: dest, self.REJECTED: report.rows_rejected,
                self.WARNINGS: len(report.warnings)}

    def add_candidate_outputs(self, matched: str, known: str, review: str) -> None:
        """Review layer, rejected rows and the counts of a premise-candidate import; the
        three labels name the source's items (establishments, features…)."""
        self.add_review_output()
        self.add_report_output()
        for key, label in ((self.NEW, self.tr("New premises")), (self.MATCHED, matched),
                           (self.KNOWN, known), (self.REVIEW, review),
                           (self.OBSERVATIONS, self.tr("Observations created"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def candidate_outputs(self, result: ImportResult, parameters, context, feedback,
                          epsg: int) -> dict:
        """Every output declared by :meth:`add_candidate_outputs`."""
        outputs = self.report_outputs(result, parameters, context, feedback, epsg)
        outputs.update(self.review_output(result, parameters, context, epsg))
        c = result.counts
        outputs.update({self.NEW: c["new"], self.MATCHED: c["matched"], self.KNOWN: c["known"],
                        self.REVIEW: c["review"], self.OBSERVATIONS: c["observations"]})
        return outputs

    def review_output(self, result: ImportResult, parameters, context, epsg: int) -> dict:
        review = result.review if result.review is not None else pd.DataFrame()
        crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        kinds = {"row": QVariant.LongLong, "nearby": QVariant.LongLong,
                 **dict.fromkeys(("distance", "similarity", "x", "y"), QVariant.Double)}
        dest = write_frame(self, parameters, self.OUTPUT_REVIEW, context, review, crs,
                           geometries=points(review) if len(review) else [],
                           wkb_type=QgsWkbTypes.Point, kinds=kinds)
        return {self.OUTPUT_REVIEW: dest}


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
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, self.tr("Rejected rows and warnings"), QgsProcessing.TypeVector,
            optional=True, createByDefault=True))
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
            except FlowCanceledError as exc:
                raise QgsProcessingException(self.tr(
                    "Canceled: the GeoPackage is unchanged.")) from exc
            except (FlowImportError, FlowSchemaError, ValueError, OSError,
                    sqlite3.Error) as exc:
                raise QgsProcessingException(self.tr(
                    "Import failed, the GeoPackage is unchanged: {error}").format(
                        error=exc)) from exc
            self.log_counts(feedback, result)
            outputs = {self.ADDED: sum(result.added.values()),
                       self.REJECTED_COUNT: result.report.rows_rejected}
            frame = result.report_frame() if result is not None else pd.DataFrame(
                columns=REPORT_COLUMNS)
            dest = write_import_report(self, parameters, self.REJECTED, context, feedback,
                                       frame)
            if dest is not None:
                outputs[self.REJECTED] = dest
            outputs.update(self.extra_outputs(result, conn, parameters, context, feedback))
        finally:
            conn.close()
        feedback.setProgress(100)
        return outputs

    def log_counts(self, feedback, result) -> None:
        for table, n in result.added.items():
            feedback.pushInfo(self.tr(
                "{table}: {added} rows added, {skipped} already present").format(
                    table=table, added=n, skipped=result.skipped.get(table, 0)))
        report = result.report
        feedback.pushInfo(self.tr("{read} rows read, {accepted} accepted, {rejected} rejected, "
                                  "{warnings} warnings").format(
            read=report.rows_read, accepted=report.rows_accepted,
            rejected=report.rows_rejected, warnings=len(report.warnings)))
