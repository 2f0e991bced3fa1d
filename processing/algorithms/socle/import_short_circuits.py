"""observatoire:import_short_circuits - short-circuit producers and markets."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ....ingest.importers.short_circuits import import_short_circuits
from ...import_base import ImportAlgorithm

FILTER = "CSV / GeoJSON (*.csv *.txt *.geojson *.json)"


class ImportShortCircuits(ImportAlgorithm):
    ALG_ID = "import_short_circuits"
    PRODUCERS = "PRODUCERS"
    MARKETS = "MARKETS"
    SOURCE_NAME = "SOURCE_NAME"
    NEW_PRODUCERS = "NEW_PRODUCERS"
    NEW_MARKETS = "NEW_MARKETS"

    def displayName(self):
        return self.tr("Import short-circuit producers and markets")

    def shortHelpString(self):
        return self.tr(
            "Imports short-circuit producers and / or markets from CSV or GeoJSON files. "
            "Producers: id, name, products (list separated by ; , or |, normalised to the "
            "short_circuit_products codes), sales_modes, organic (oui/non, yes/no, 1/0, bio, "
            "AB) and coordinates (x, y with epsg, or longitude, latitude, or a GeoJSON point). "
            "Markets: id, name, days in plain French ('mardi;samedi', 'du lundi au samedi', "
            "'tous les 1er et 3ème mardis du mois' = 24/52 sessions a week), organic, "
            "coordinates. Rows without identifier, product, weekday or coordinates, or with an "
            "unreadable organic flag, are rejected and listed with their reason. Rows are "
            "identified by the source name and their id: re-importing updates them in place and "
            "adds nothing. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.PRODUCERS, self.tr("Producers file"), behavior=QgsProcessingParameterFile.File,
            fileFilter=FILTER, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MARKETS, self.tr("Markets file"), behavior=QgsProcessingParameterFile.File,
            fileFilter=FILTER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE_NAME, self.tr("Name of the source (who keeps the list)"),
            defaultValue="local"))
        self.add_source_crs_parameter()
        self.add_convention_parameters(separator=False, decimal=False, dates=False)
        self.add_report_outputs()
        self.addOutput(QgsProcessingOutputNumber(self.NEW_PRODUCERS, self.tr("Producers added")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_MARKETS, self.tr("Markets added")))

    def checkParameterValues(self, parameters, context):
        producers = self.parameterAsFile(parameters, self.PRODUCERS, context)
        markets = self.parameterAsFile(parameters, self.MARKETS, context)
        if not producers and not markets:
            return False, self.tr("Give a producers file, a markets file, or both.")
        if not self.parameterAsString(parameters, self.SOURCE_NAME, context).strip():
            return False, self.tr("Name the source of the list (e.g. chambre_agriculture_86).")
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        return import_short_circuits(
            conn, producers_path=self.parameterAsFile(parameters, self.PRODUCERS, context) or None,
            markets_path=self.parameterAsFile(parameters, self.MARKETS, context) or None,
            source=self.parameterAsString(parameters, self.SOURCE_NAME, context).strip(),
            source_epsg=self.source_epsg(parameters, context),
            encoding=self.conventions(parameters, context).encoding,
            progress=feedback.setProgress, is_canceled=feedback.isCanceled)

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        return {self.NEW_PRODUCERS: result.counts["producers_new"],
                self.NEW_MARKETS: result.counts["markets_new"]}
