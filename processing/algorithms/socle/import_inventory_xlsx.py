"""observatoire:import_inventory_xlsx - a partner's inventory workbook back into the GeoPackage."""

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from .... import dependencies
from ....fieldwork import inventory_xlsx
from ....ingest.importers.framework import count_line
from ....ingest.sources import archive
from ....ingest.sources.report import SourceError
from ....store import gpkg
from ...outputs import report_rejected
from ..base import ObservatoireAlgorithm

PROBLEM_KINDS = {"row": QVariant.Int, "column": QVariant.String, "value": QVariant.String,
                 "expected": QVariant.String, "code": QVariant.String}


class ImportInventoryXlsx(ObservatoireAlgorithm):
    UPGRADES_IN_ITS_TRANSACTION = True  # writes through writing_geopackage
    ALG_ID = "import_inventory_xlsx"
    GROUP = "socle"
    INPUT = "INPUT"
    AGENT = "AGENT"
    OUTPUT_ERRORS = "OUTPUT_ERRORS"
    ROWS_READ = "ROWS_READ"
    INVALID_ROWS = "INVALID_ROWS"
    UPDATED_OBSERVATIONS = "UPDATED_OBSERVATIONS"
    UPDATED_PREMISES = "UPDATED_PREMISES"
    UNCHANGED = "UNCHANGED"
    WRITTEN = "WRITTEN"
    ADDED = "ADDED"
    UPDATED = "UPDATED"
    REJECTED_COUNT = "REJECTED_COUNT"
    WARNINGS = "WARNINGS"

    def displayName(self):
        return self.tr("Import a partner's inventory workbook")

    def shortHelpString(self):
        return self.tr(
            "Reads back a workbook written by Export a campaign's inventory to Excel and "
            "applies the rules of the inventory forms to every row: status required and one of "
            "the status codes; activity group required when the status is occupied and one of "
            "the activity group codes; chain type one of its codes or empty; floor area a "
            "number greater than 0 or empty; NAF code like 47.11D or empty; every row an "
            "observation of the exported campaign, once. Only the cells the partner changed are "
            "applied; a cell also changed in the GeoPackage since the export is a conflict. "
            "All or nothing: if any row is invalid nothing is written and every invalid cell is "
            "listed in the errors table (row as numbered in Excel, column, value, what was "
            "expected); otherwise all changes are written in one transaction, the changed "
            "observations being stamped with the agent given and today's date.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Inventory workbook (.xlsx)"),
            behavior=QgsProcessingParameterFile.File, extension="xlsx"))
        self.addParameter(QgsProcessingParameterString(
            self.AGENT, self.tr("Recorded by (partner name written on changed observations)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ERRORS, self.tr("Invalid cells"), QgsProcessing.TypeVector,
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True, createByDefault=True))
        for key, label in ((self.ROWS_READ, self.tr("Rows read")),
                           (self.INVALID_ROWS, self.tr("Invalid rows")),
                           (self.UPDATED_OBSERVATIONS, self.tr("Observations updated")),
                           (self.UPDATED_PREMISES, self.tr("Premises updated")),
                           (self.UNCHANGED, self.tr("Rows unchanged")),
                           # the counts every import returns (processing.import_base)
                           (self.ADDED, self.tr("Rows added")),
                           (self.UPDATED, self.tr("Rows updated")),
                           (self.REJECTED_COUNT, self.tr("Rows rejected")),
                           (self.WARNINGS, self.tr("Warnings"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputBoolean(self.WRITTEN, self.tr("Changes written")))

    def checkParameterValues(self, parameters, context):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not path.lower().endswith(".xlsx"):
            return False, self.tr("The workbook must be an .xlsx file, not {path}.").format(
                path=path)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        absent = dependencies.missing(["openpyxl"])
        if absent:
            raise QgsProcessingException(dependencies.missing_message(absent))
        parameters = dict(parameters)
        if parameters.get(self.OUTPUT_ERRORS) is None:  # optional: a temporary table
            parameters[self.OUTPUT_ERRORS] = QgsProcessing.TEMPORARY_OUTPUT
        path = self.parameterAsFile(parameters, self.INPUT, context)
        agent = self.parameterAsString(parameters, self.AGENT, context).strip() or None
        try:  # the limits of every archive read (size, members, ratio) before openpyxl
            archive.check_workbook(path)
        except SourceError as exc:
            raise QgsProcessingException(self.tr(
                "Nothing was imported: {error}").format(error=exc)) from exc
        with self.writing_geopackage(parameters, context, feedback) as (_gpkg, conn, upgrade):
            try:
                outcome = inventory_xlsx.import_inventory(
                    conn, path, agent=agent, progress=feedback.setProgress,
                    is_canceled=feedback.isCanceled)
            except (inventory_xlsx.InventoryWorkbookError, gpkg.GeoPackageError) as exc:
                raise QgsProcessingException(self.tr(
                    "Nothing was imported: {error}").format(error=exc)) from exc
            if upgrade is not None and not outcome.written:
                upgrade.keep = False  # nothing written: the file keeps its schema too
        problems = pd.DataFrame([[p.row, p.column, p.value, p.expected, p.code]
                                 for p in outcome.problems], columns=list(PROBLEM_KINDS))
        sink_id = report_rejected(
            self, parameters, self.OUTPUT_ERRORS, context, feedback, problems,
            lambda p: self.tr(
                "Row {row}, column {column}: '{value}' is not valid; expected {expected}.").format(
                    row=p.row, column=p.column, value=p.value, expected=p.expected),
            kinds=PROBLEM_KINDS)
        updated = len({c[1] for c in outcome.changes}) if outcome.written else 0
        unchanged = outcome.unchanged if not outcome.problems else 0
        feedback.pushInfo(count_line(read=outcome.rows_read, added=0, updated=updated,
                                     unchanged=unchanged, rejected=len(outcome.invalid_rows),
                                     warnings=0))
        if outcome.problems:
            feedback.reportError(self.tr(
                "{n} invalid row(s): nothing was written. Correct the workbook and import it "
                "again.").format(n=len(outcome.invalid_rows)), fatalError=False)
        elif feedback.isCanceled():
            feedback.pushInfo(self.tr("Canceled: nothing was written."))
        else:
            feedback.pushInfo(self.tr(
                "Campaign {campaign}: {observations} observation(s) and {premises} premise(s) "
                "updated, {unchanged} row(s) unchanged.").format(
                    campaign=outcome.campaign, observations=outcome.updated_observations,
                    premises=outcome.updated_premises, unchanged=outcome.unchanged))
        feedback.setProgress(100)
        return {self.OUTPUT_ERRORS: sink_id, self.ROWS_READ: outcome.rows_read,
                self.INVALID_ROWS: len(outcome.invalid_rows),
                self.UPDATED_OBSERVATIONS: outcome.updated_observations,
                self.UPDATED_PREMISES: outcome.updated_premises,
                self.UNCHANGED: unchanged, self.WRITTEN: outcome.written,
                self.ADDED: 0, self.UPDATED: updated,
                self.REJECTED_COUNT: len(outcome.invalid_rows), self.WARNINGS: 0}
