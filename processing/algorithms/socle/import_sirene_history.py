"""observatoire:import_sirene_history - SIRENE establishment history (periods of state and
activity) and the positions of the establishments."""

from qgis.core import QgsProcessingParameterString

from ....ingest.importers.sirene_history import import_sirene_history
from ...import_base import ImportAlgorithm
from ...parameters import split_list

CSV = "CSV (*.csv *.txt)"


class ImportSireneHistory(ImportAlgorithm):
    ALG_ID = "import_sirene_history"
    INPUT = "INPUT"
    STOCK = "STOCK"
    COMMUNES = "COMMUNES"

    def displayName(self):
        return self.tr("Import the SIRENE establishment history")

    def shortHelpString(self):
        return self.tr(
            "Imports INSEE's StockEtablissementHistorique CSV: one row per period of an "
            "establishment with siret, dateDebut, dateFin, etatAdministratifEtablissement (A "
            "active, F closed), activitePrincipaleEtablissement and its nomenclature, "
            "enseigne1Etablissement, denominationUsuelleEtablissement (INSEE's column names). "
            "Rejected rows (listed): a malformed SIRET or one that does not start with the "
            "row's SIREN, an unreadable date, an end before the start, a state other than A "
            "or F, two periods of a SIRET starting the same day. The history has no address: "
            "give the StockEtablissement file (any state; INSEE's Lambert coordinates, the "
            "geolocation file's x, y, epsg, or longitude, latitude) to place the "
            "establishments in the centralities; without it, the activity barometer places "
            "them through the premises a SIRENE import linked their SIRET to. With a stock "
            "file, the commune codes keep only the establishments of those communes. Keyed by "
            "SIRET and start date: re-importing adds nothing, a newer file updates the periods "
            "that changed. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("SIRENE StockEtablissementHistorique CSV"), CSV)
        self.add_input_file(self.STOCK, self.tr("SIRENE StockEtablissement CSV (positions; "
                                                "optional)"), CSV, optional=True)
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNES, self.tr("Commune codes (INSEE, separated by commas; empty = all; "
                                   "needs the stock file)"), optional=True))
        self.add_source_crs_parameter()
        self.add_convention_parameters(decimal=False)
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        communes = split_list(self.parameterAsString(parameters, self.COMMUNES, context))
        bad = [c for c in communes if len(c) != 5]
        if bad:
            return False, self.tr("Commune codes have 5 characters (e.g. 86194): {bad}").format(
                bad=", ".join(bad))
        if communes and not self.parameterAsFile(parameters, self.STOCK, context):
            return False, self.tr("Commune codes need the stock file (the history has no "
                                  "commune).")
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        communes = split_list(self.parameterAsString(parameters, self.COMMUNES, context))
        return import_sirene_history(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            stock=self.parameterAsFile(parameters, self.STOCK, context) or None,
            communes=communes or None, source_epsg=self.source_epsg(parameters, context),
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
