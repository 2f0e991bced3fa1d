"""observatoire:import_sirene - SIRENE establishments → candidate premises and observations."""

from qgis.core import QgsProcessingParameterBoolean, QgsProcessingParameterString

from ....ingest.importers.sirene import import_sirene
from ...import_base import ImportAlgorithm
from ...parameters import split_list


class ImportSirene(ImportAlgorithm):
    ALG_ID = "import_sirene"
    INPUT = "INPUT"
    COMMUNES = "COMMUNES"
    RETAIL_ONLY = "RETAIL_ONLY"

    def displayName(self):
        return self.tr("Import SIRENE establishments")

    def shortHelpString(self):
        return self.tr(
            "Imports an INSEE SIRENE StockEtablissement CSV (comma or semicolon separated) as "
            "candidate premises. Kept: active establishments (etatAdministratifEtablissement = "
            "A), diffusible ones (statutDiffusionEtablissement = O), whose NAF rev. 2 code is in "
            "the naf_activity_map table and whose coordinates are known (x, y, epsg; or INSEE's "
            "Lambert columns; or longitude, latitude), in the chosen communes. Every other row "
            "is listed in the rejected rows table with its row number and the reason (closed, "
            "not diffusible, activity coded in the old NAP / NAF nomenclatures, unknown NAF "
            "code, malformed or duplicate SIRET, no coordinates). Coordinates are reprojected "
            "to the GeoPackage CRS. Each establishment is then matched to the existing "
            "premises: a SIRET imported before is recognised (re-importing a file adds "
            "nothing); a premise within the matching distance whose sign name is similar "
            "(similarity ≥ the minimum, 0 to 1) is linked; no premise within the distance "
            "gives a new premise; premises nearby but no similar sign gives a row to review "
            "(output layer), never a new premise. With a campaign, every linked or new premise "
            "without an observation in it gets one, status occupied, marked to confirm. "
            "Everything is written in one transaction: on an error the GeoPackage is left "
            "unchanged.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("SIRENE StockEtablissement CSV"),
                            "CSV (*.csv *.txt)")
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNES, self.tr("Commune codes (INSEE, separated by commas; empty = all)"),
            optional=True))
        self.add_campaign_parameters()
        self.add_source_crs_parameter()
        self.addParameter(QgsProcessingParameterBoolean(
            self.RETAIL_ONLY, self.tr("Retail activities only (activity groups flagged "
                                      "is_retail)"), defaultValue=True))
        self.add_matching_parameters()
        self.add_convention_parameters(separator=False, decimal=False, dates=False)
        self.add_candidate_outputs(
            matched=self.tr("Establishments matched to premises"),
            known=self.tr("Establishments already imported"),
            review=self.tr("Establishments to review"))

    def checkParameterValues(self, parameters, context):
        communes = split_list(self.parameterAsString(parameters, self.COMMUNES, context))
        bad = [c for c in communes if len(c) != 5]
        if bad:
            return False, self.tr("Commune codes have 5 characters (e.g. 86194): {bad}").format(
                bad=", ".join(bad))
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        communes = split_list(self.parameterAsString(parameters, self.COMMUNES, context))
        return import_sirene(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            communes=communes or None, source_epsg=self.source_epsg(parameters, context),
            retail_only=self.parameterAsBool(parameters, self.RETAIL_ONLY, context),
            encoding=self.conventions(parameters, context).encoding,
            progress=feedback.setProgress, is_canceled=feedback.isCanceled,
            **self.campaign_arguments(parameters, context),
            **self.matching_arguments(parameters, context))

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        return self.candidate_outputs(result, parameters, context, epsg)
