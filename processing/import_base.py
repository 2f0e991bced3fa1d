"""The one base of the import algorithms: the GeoPackage, the file conventions, the common flow
and the common outputs.

Every import algorithm reads its parameters in :meth:`ImportAlgorithm.do_import` and calls one
``ingest`` importer; the base turns its :class:`~ingest.importers.framework.ImportResult` into
the same log and outputs for every importer, and its errors into ``QgsProcessingException``
messages (SQLite and file-system errors through the error boundary's messages, which name the
file: :func:`processing.errors.user_message`). The importer writes in one transaction: an error
or a cancel leaves the GeoPackage unchanged. An older GeoPackage is upgraded inside that same
transaction (:meth:`~processing.algorithms.base.ObservatoireAlgorithm.writing_geopackage`), so
a refused import leaves it byte for byte as it was, upgrade included.

Outputs of every import: ``REJECTED`` (rejected rows and warnings; optional, a temporary table
when not given), ``ROWS_READ``, ``ADDED``, ``UPDATED``, ``UNCHANGED``, ``REJECTED_COUNT`` (rows
rejected, each counted once) and ``WARNINGS``. CSV importers share the advanced parameters
``ENCODING``, ``SEPARATOR``, ``DECIMAL`` and ``DATE_FORMAT`` (empty: detected; the log says what
was detected).
"""

from __future__ import annotations

import re
import sqlite3
import traceback
from pathlib import Path

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
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..ingest.importers.framework import ImportCanceledError, ImportResult
from ..ingest.sources.report import SourceError
from ..ingest.sources.tabular import SEPARATORS, Conventions
from ..store import gpkg, observatory
from .algorithms.base import ObservatoireAlgorithm
from .errors import log_traceback, user_message
from .outputs import points, write_frame
from .parameters import epsg_of

SEPARATOR_WORDS = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}


class ImportAlgorithm(ObservatoireAlgorithm):
    UPGRADES_IN_ITS_TRANSACTION = True  # writes through writing_geopackage
    GROUP = "socle"
    REJECTED = "REJECTED"
    ROWS_READ = "ROWS_READ"
    ADDED = "ADDED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"
    REJECTED_COUNT = "REJECTED_COUNT"
    WARNINGS = "WARNINGS"
    ENCODING = "ENCODING"
    SEPARATOR = "SEPARATOR"
    DECIMAL = "DECIMAL"
    DATE_FORMAT = "DATE_FORMAT"
    SOURCE_CRS = "SOURCE_CRS"
    CAMPAIGN = "CAMPAIGN"
    CREATE_CAMPAIGN = "CREATE_CAMPAIGN"
    MAX_DISTANCE = "MAX_DISTANCE"
    MIN_SIMILARITY = "MIN_SIMILARITY"
    OUTPUT_REVIEW = "OUTPUT_REVIEW"
    # counts of the premise-candidate importers (SIRENE, OSM)
    NEW = "NEW_PREMISES"
    MATCHED = "MATCHED"
    KNOWN = "KNOWN"
    REVIEW = "TO_REVIEW"
    OBSERVATIONS = "OBSERVATIONS"

    # -- parameters shared by several importers --------------------------------------------
    def add_input_file(self, key, description, file_filter, optional=False):
        """A file parameter whose type is checked by :meth:`checkParameterValues` with a
        message (not refused as an "incorrect parameter value")."""
        self.addParameter(QgsProcessingParameterFile(
            key, description, behavior=QgsProcessingParameterFile.File, fileFilter=file_filter,
            optional=optional))

    def check_extension(self, parameters, context, key, extensions, what):
        """(False, message) when the file ``key`` does not end with one of ``extensions``."""
        path = self.parameterAsFile(parameters, key, context)
        if path and not path.lower().endswith(tuple(extensions)):
            return False, self.tr("{file}: expected {what} ({extensions}).").format(
                file=Path(path).name, what=what, extensions=", ".join(extensions))
        return True, ""

    def add_convention_parameters(self, separator=True, decimal=True, dates=True):
        """Encoding (and separator, decimal mark, date format) of the CSV files; empty =
        detected."""
        specs = [(self.ENCODING, self.tr("File encoding (empty = detect: UTF-8, UTF-16, "
                                         "Windows-1252)"))]
        if separator:
            specs.append((self.SEPARATOR, self.tr("Column separator (empty = detect; , ; tab "
                                                  "or |)")))
        if decimal:
            specs.append((self.DECIMAL, self.tr("Decimal mark (empty = both 12.5 and 12,5; . "
                                                "refuses a comma)")))
        if dates:
            specs.append((self.DATE_FORMAT, self.tr("Date format (empty = detect ISO, "
                                                    "dd/mm/yyyy, dd/mm/yy; or e.g. "
                                                    "%d.%m.%Y %H:%M)")))
        for key, label in specs:
            param = QgsProcessingParameterString(key, label, optional=True)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)

    def conventions(self, parameters, context) -> Conventions:
        def text(key):
            if self.parameterDefinition(key) is None:
                return None
            return (self.parameterAsString(parameters, key, context) or "").strip() or None

        sep = text(self.SEPARATOR)
        sep = SEPARATOR_WORDS.get(sep.lower(), sep) if sep else None
        if sep is not None and sep not in SEPARATORS:
            raise QgsProcessingException(self.tr(
                "Separator {value!r}: give one of , ; | or tab.").format(value=sep))
        decimal = text(self.DECIMAL)
        if decimal is not None and decimal not in (".", ","):
            raise QgsProcessingException(self.tr(
                "Decimal mark {value!r}: give . or , (or leave it empty).").format(
                    value=decimal))
        return Conventions(encoding=text(self.ENCODING), separator=sep, decimal=decimal,
                           date_format=text(self.DATE_FORMAT))

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

    def add_report_outputs(self):
        """The rejected-rows table (optional: a temporary table when not given) and the counts
        every import returns."""
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTED, self.tr("Rejected rows and warnings"), QgsProcessing.TypeVector,
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True, createByDefault=True))
        for key, label in ((self.ROWS_READ, self.tr("Rows read")),
                           (self.ADDED, self.tr("Rows added")),
                           (self.UPDATED, self.tr("Rows updated")),
                           (self.UNCHANGED, self.tr("Rows unchanged (already imported)")),
                           (self.REJECTED_COUNT, self.tr("Rows rejected")),
                           (self.WARNINGS, self.tr("Warnings"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def add_candidate_outputs(self, matched: str, known: str, review: str) -> None:
        """Review layer, rejected rows and the counts of a premise-candidate import; the
        three labels name the source's items (establishments, features…)."""
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REVIEW, self.tr("Establishments to review"),
            QgsProcessing.TypeVectorPoint, defaultValue=QgsProcessing.TEMPORARY_OUTPUT,
            optional=True, createByDefault=True))
        self.add_report_outputs()
        for key, label in ((self.NEW, self.tr("New premises")), (self.MATCHED, matched),
                           (self.KNOWN, known), (self.REVIEW, review),
                           (self.OBSERVATIONS, self.tr("Observations created"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

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
    def do_import(self, conn, parameters, context, feedback) -> ImportResult:
        """Call the importer (``progress=feedback.setProgress``,
        ``is_canceled=feedback.isCanceled``) and return its result."""
        raise NotImplementedError  # pragma: no cover - abstract

    def extra_outputs(self, result: ImportResult, parameters, context, feedback,
                      epsg: int) -> dict:
        """Outputs of one importer beyond the common ones."""
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        parameters = dict(parameters)
        for key in (self.REJECTED, self.OUTPUT_REVIEW):  # optional outputs: temporary by default
            if self.parameterDefinition(key) is not None and parameters.get(key) is None:
                parameters[key] = QgsProcessing.TEMPORARY_OUTPUT
        with self.writing_geopackage(parameters, context, feedback) as (path, conn, _upgrade):
            epsg = observatory.srs_id(conn)
            result = self._run(conn, path, parameters, context, feedback)
        for line in result.log_lines():
            feedback.pushInfo(line)
        dest = self.report_output(result, parameters, context, feedback)
        outputs = {self.ROWS_READ: result.rows_read, self.ADDED: result.total_added,
                   self.UPDATED: result.total_updated, self.UNCHANGED: result.total_unchanged,
                   self.REJECTED_COUNT: result.rows_rejected,
                   self.WARNINGS: len(result.report.warnings)}
        if dest is not None:
            outputs[self.REJECTED] = dest
        outputs.update(self.extra_outputs(result, parameters, context, feedback, epsg))
        feedback.setProgress(100)
        return outputs

    def _run(self, conn, path, parameters, context, feedback) -> ImportResult:
        unchanged = self.tr("the GeoPackage is unchanged")
        try:
            return self.do_import(conn, parameters, context, feedback)
        except QgsProcessingException:
            raise
        except ImportCanceledError as exc:
            raise QgsProcessingException(self.tr("Import canceled: {unchanged}.").format(
                unchanged=unchanged)) from exc
        except (sqlite3.Error, OSError) as exc:
            # the boundary's messages: a locked, read-only or full GeoPackage named, a file
            # that cannot be read named (processing.errors); the traceback goes to the log
            log_traceback(feedback)
            raise QgsProcessingException(user_message(exc, path)) from exc
        except (SourceError, ValueError, gpkg.GeoPackageError) as exc:
            raise QgsProcessingException(self.tr(
                "Import failed, {unchanged}: {error}").format(unchanged=unchanged,
                                                             error=exc)) from exc
        except Exception as exc:  # noqa: BLE001 - the last boundary: a message, not a traceback
            feedback.pushDebugInfo(traceback.format_exc())
            raise QgsProcessingException(self.tr(
                "Import failed on an unexpected error, {unchanged}: {error} (details in the "
                "log)").format(unchanged=unchanged, error=f"{type(exc).__name__}: {exc}")) \
                from exc

    LOGGED = 50

    def report_output(self, result: ImportResult, parameters, context, feedback):
        """Log the first :data:`LOGGED` rejections and warnings, once each (``pushInfo``:
        qgis_process prints an error or a warning twice), and write them all to ``REJECTED``."""
        frame = result.report_frame().astype({"row": "int64"})
        for r in frame.head(self.LOGGED).itertuples(index=False):
            where = self.tr("{file}, row {row}").format(file=r.file, row=r.row) if r.row \
                else r.file
            text = self.tr("{where}: {field}={value!r}: {reason}").format(
                where=where, field=r.field, value=r.value, reason=r.reason)
            feedback.pushInfo(self.tr("Rejected: {text}").format(text=text)
                              if r.level == "rejected" else
                              self.tr("Warning: {text}").format(text=text))
        if len(frame) > self.LOGGED:
            feedback.pushInfo(self.tr("… {n} more entries in the rejected rows table").format(
                n=len(frame) - self.LOGGED))
        return write_frame(self, parameters, self.REJECTED, context, frame,
                           kinds={"row": QVariant.LongLong})

    # -- outputs of the premise-candidate importers -----------------------------------------
    def candidate_outputs(self, result: ImportResult, parameters, context, epsg: int) -> dict:
        """The outputs declared by :meth:`add_candidate_outputs` beyond the common ones."""
        outputs = self.review_output(result, parameters, context, epsg)
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
        return {self.OUTPUT_REVIEW: dest} if dest is not None else {}

