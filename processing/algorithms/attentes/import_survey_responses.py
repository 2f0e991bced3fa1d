"""observatoire:import_survey_responses - KoboToolbox / ODK exports of the questionnaire."""

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from .... import dependencies
from ....ingest.importers.framework import convention_lines, count_line
from ....ingest.sources import survey_exports
from ....ingest.sources.report import SourceError
from ....store import gpkg
from ....store.survey import SurveyStoreError
from ....survey_forms import observatory_survey
from ....survey_forms.kobo_import import SurveyImportError
from ...outputs import report_rejected
from ..base import ObservatoireAlgorithm

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


REJECTION_KINDS = {"file": QVariant.String, "row": QVariant.Int, "field": QVariant.String,
                   "value": QVariant.String, "code": QVariant.String, "reason": QVariant.String}


class ImportSurveyResponses(ObservatoireAlgorithm):
    UPGRADES_IN_ITS_TRANSACTION = True  # writes through writing_geopackage
    ALG_ID = "import_survey_responses"
    GROUP = "attentes"
    INPUT = "INPUT"
    SHEET = "SHEET"
    OUTPUT_REJECTED = "OUTPUT_REJECTED"
    ROWS_READ = "ROWS_READ"
    ACCEPTED = "ACCEPTED"
    REJECTED_ROWS = "REJECTED_ROWS"
    SKIPPED = "SKIPPED"
    VISITS = "VISITS"
    MULTI = "MULTI_ANSWERS"
    ADDED = "ADDED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"
    REJECTED_COUNT = "REJECTED_COUNT"
    WARNINGS = "WARNINGS"

    def displayName(self):
        return self.tr("Import questionnaire answers (KoboToolbox / ODK export)")

    def shortHelpString(self):
        return self.tr(
            "Reads an export of the population questionnaire from KoboToolbox or ODK Central "
            "(.xlsx or .csv, XML names as headers, group separators '/' or '-', multiple "
            "choices as one space-separated column or as 1/0 columns per option) and checks "
            "every row against the questionnaire generated for this GeoPackage: unknown "
            "choices, values out of range, missing required answers, malformed numbers, too "
            "many choices, duplicate or missing submission ids, another questionnaire version. "
            "A row with any problem is rejected as a whole; each problem is listed in the "
            "rejected rows table (file, row as counted in the file with the header as row 1, "
            "field, value, code, reason). All accepted rows are written in one transaction to "
            "survey_responses, survey_centrality_visits and survey_answers_multi. Submissions "
            "already in the GeoPackage (same submission uuid) are skipped, so importing the "
            "same export twice adds nothing. A file that is not an export of this "
            "questionnaire is refused and nothing is written.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Questionnaire export (.xlsx or .csv)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=self.tr("Questionnaire exports (*.xlsx *.xlsm *.csv *.txt)")))
        sheet = QgsProcessingParameterString(
            self.SHEET, self.tr("Sheet of the .xlsx export (empty = the first one)"),
            optional=True)
        sheet.setFlags(sheet.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(sheet)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REJECTED, self.tr("Rejected rows"), QgsProcessing.TypeVector,
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True, createByDefault=True))
        for key, label in ((self.ROWS_READ, self.tr("Rows read")),
                           (self.ACCEPTED, self.tr("Answers imported")),
                           (self.REJECTED_ROWS, self.tr("Rows rejected")),
                           (self.SKIPPED, self.tr("Rows already imported")),
                           (self.VISITS, self.tr("Centrality visits imported")),
                           (self.MULTI, self.tr("Multiple-choice answers imported")),
                           # the counts every import returns (processing.import_base)
                           (self.ADDED, self.tr("Rows added")),
                           (self.UPDATED, self.tr("Rows updated")),
                           (self.UNCHANGED, self.tr("Rows unchanged (already imported)")),
                           (self.REJECTED_COUNT, self.tr("Rows rejected")),
                           (self.WARNINGS, self.tr("Warnings"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not path.lower().endswith(SUFFIXES):
            return False, self.tr(
                "The export must be an .xlsx or .csv file, not {path}.").format(path=path)
        return super().checkParameterValues(parameters, context)

    def log_reading(self, table, feedback) -> None:
        """What reading the export found: its conventions (encoding, separator, sheet) and
        warnings (blank rows, duplicate columns, not UTF-8)."""
        for line in convention_lines(table.report):
            feedback.pushInfo(line)
        for warning in table.report.warnings:
            where = self.tr("{file}, row {row}").format(file=warning.file, row=warning.row) \
                if warning.row else warning.file
            text = self.tr("{where}: {field}={value!r}: {reason}").format(
                where=where, field=warning.field, value=warning.value, reason=warning.reason) \
                if warning.field else self.tr("{where}: {reason}").format(
                    where=where, reason=warning.reason)
            feedback.pushInfo(self.tr("Warning: {text}").format(text=text))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        sheet = self.parameterAsString(parameters, self.SHEET, context) or None
        if path.lower().endswith((".xlsx", ".xlsm")):
            absent = dependencies.missing(["openpyxl"])
            if absent:
                raise QgsProcessingException(dependencies.missing_message(absent))
        try:
            table = survey_exports.read_submissions(path, sheet=sheet)
        except SourceError as exc:
            raise QgsProcessingException(self.tr(
                "Nothing was imported: {error}").format(error=exc)) from exc
        parameters = dict(parameters)
        if parameters.get(self.OUTPUT_REJECTED) is None:  # optional: a temporary table
            parameters[self.OUTPUT_REJECTED] = QgsProcessing.TEMPORARY_OUTPUT
        with self.writing_geopackage(parameters, context, feedback) as (_gpkg, conn, upgrade):
            self.log_reading(table, feedback)  # after the schema note, before any refusal
            try:
                outcome = observatory_survey.import_export(
                    conn, table, progress=feedback.setProgress,
                    is_canceled=feedback.isCanceled)
            except SurveyImportError as exc:
                raise QgsProcessingException(self.tr(
                    "Nothing was imported: {error}").format(error=exc)) from exc
            except (SurveyStoreError, gpkg.GeoPackageError) as exc:
                raise QgsProcessingException(self.tr(
                    "Cannot import questionnaire answers into this GeoPackage: {error}").format(
                        error=exc)) from exc
            if upgrade is not None and not outcome.written:
                upgrade.keep = False  # nothing written: the file keeps its schema too
        if feedback.isCanceled():
            feedback.pushInfo(self.tr("Canceled: nothing was written."))
        result = outcome.result
        rejected = pd.DataFrame([[r.file, r.row, r.field, r.value, r.code, r.reason]
                                 for r in result.rejected], columns=list(REJECTION_KINDS))
        sink_id = report_rejected(
            self, parameters, self.OUTPUT_REJECTED, context, feedback, rejected,
            lambda r: self.tr("Row {row}, {field} = '{value}': {reason}").format(
                row=r.row, field=r.field, value=r.value, reason=r.reason),
            kinds=REJECTION_KINDS)
        written = outcome.written
        summary = {
            self.ROWS_READ: result.rows_read,
            self.ACCEPTED: written.get("survey_responses", 0),
            self.REJECTED_ROWS: len(result.rejected_rows),
            self.SKIPPED: len(result.skipped),
            self.VISITS: written.get("survey_centrality_visits", 0),
            self.MULTI: written.get("survey_answers_multi", 0),
        }
        if result.ignored_columns:
            feedback.pushWarning(self.tr("Columns ignored (not questions of the form): "
                                         "{columns}").format(
                                             columns=", ".join(result.ignored_columns)))
        summary.update({self.ADDED: summary[self.ACCEPTED], self.UPDATED: 0,
                        self.UNCHANGED: summary[self.SKIPPED],
                        self.REJECTED_COUNT: summary[self.REJECTED_ROWS],
                        self.WARNINGS: len(result.ignored_columns) + len(table.report.warnings)})
        feedback.pushInfo(count_line(
            read=summary[self.ROWS_READ], added=summary[self.ADDED], updated=0,
            unchanged=summary[self.UNCHANGED], rejected=summary[self.REJECTED_COUNT],
            warnings=summary[self.WARNINGS]))
        feedback.setProgress(100)
        return {self.OUTPUT_REJECTED: sink_id, **summary}
