"""observatoire:export_inventory_xlsx - a campaign's inventory as an Excel workbook for partners."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from .... import dependencies
from ....fieldwork import inventory_xlsx
from ....store import gpkg
from ..base import ObservatoireAlgorithm


class ExportInventoryXlsx(ObservatoireAlgorithm):
    ALG_ID = "export_inventory_xlsx"
    GROUP = "socle"
    CAMPAIGN = "CAMPAIGN"
    OUTPUT = "OUTPUT"
    ROWS = "ROWS"
    CAMPAIGN_NAME = "CAMPAIGN_NAME"

    def displayName(self):
        return self.tr("Export a campaign's inventory to Excel (partners)")

    def shortHelpString(self):
        return self.tr(
            "Writes the inventory of one campaign as an Excel workbook that a chamber of "
            "commerce or a shop association can read and fill in: sheet Inventaire holds one "
            "row per premise with its observation of the campaign (address, floor area, status, "
            "activity group, NAF code, sign, chain type, notes); status, activity group and "
            "chain type offer drop-down lists built from the GeoPackage's nomenclatures; sheet "
            "Codes explains every code in French and sheet Lisez-moi the rules. Grey columns are "
            "for information only. Send the filled workbook back with Import a partner's "
            "inventory workbook.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign (name; empty = the latest)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Inventory workbook"), self.tr("Excel workbook (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, self.tr("Premises exported")))
        self.addOutput(QgsProcessingOutputString(self.CAMPAIGN_NAME, self.tr("Campaign")))

    def checkParameterValues(self, parameters, context):
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not output.lower().endswith(".xlsx"):
            return False, self.tr("The workbook must be an .xlsx file, not {path}.").format(
                path=output)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        absent = dependencies.missing(["openpyxl"])
        if absent:
            raise QgsProcessingException(dependencies.missing_message(absent))
        campaign = self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            if feedback.isCanceled():
                return {}
            try:
                done = inventory_xlsx.export_inventory(conn, campaign or None, output,
                                                       progress=feedback.setProgress)
            except (inventory_xlsx.InventoryWorkbookError, gpkg.GeoPackageError) as exc:
                raise QgsProcessingException(self.tr(
                    "Cannot export the inventory: {error}").format(error=exc)) from exc
        finally:
            conn.close()
        feedback.pushInfo(self.tr("{rows} premises of campaign {campaign} written to "
                                  "{path}.").format(**done))
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.ROWS: done["rows"],
                self.CAMPAIGN_NAME: done["campaign"]}
