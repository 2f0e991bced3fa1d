"""observatoire:import_osm_shops - OpenStreetMap shops and amenities → candidate premises."""

from pathlib import Path

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFile

from ....store.imports.osm import import_osm
from ...import_base import ImportAlgorithm

EXTENSIONS = (".osm", ".pbf", ".geojson", ".json")


class ImportOsmShops(ImportAlgorithm):
    ALG_ID = "import_osm_shops"
    INPUT = "INPUT"
    NEW = "NEW_PREMISES"
    MATCHED = "MATCHED"
    KNOWN = "KNOWN"
    REVIEW = "TO_REVIEW"
    OBSERVATIONS = "OBSERVATIONS"

    def displayName(self):
        return self.tr("Import OpenStreetMap shops")

    def shortHelpString(self):
        return self.tr(
            "Imports the shops and amenities of an OpenStreetMap file (.osm or .osm.pbf read by "
            "GDAL's OSM driver, or a GeoJSON export from Overpass turbo or QuickOSM) as "
            "candidate premises, for towns that have no inventory yet. A feature is kept when "
            "one of its tags shop, amenity, craft or tourism is in the shipped OSM tag → "
            "activity group table (shop=* values missing from it are kept without a group and "
            "listed as warnings; shop=vacant gives a vacant premise; a brand tag marks a chain). "
            "Buildings are reduced to their centroid. Features are matched to the existing "
            "premises by OSM id (re-importing adds nothing), then by distance and name; "
            "ambiguous ones go to the layer to review. With a campaign, linked and new premises "
            "get an observation marked to confirm. One transaction: on an error the GeoPackage "
            "is left unchanged.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("OpenStreetMap file (.osm, .pbf, .geojson)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter="OpenStreetMap (*.osm *.pbf *.geojson *.json)"))
        self.add_campaign_parameters()
        self.add_matching_parameters()
        self.add_review_output()
        self.add_report_output()
        for key, label in ((self.NEW, self.tr("New premises")),
                           (self.MATCHED, self.tr("Features matched to premises")),
                           (self.KNOWN, self.tr("Features already imported")),
                           (self.REVIEW, self.tr("Features to review")),
                           (self.OBSERVATIONS, self.tr("Observations created"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path.lower().endswith(EXTENSIONS):
            return False, self.tr("{path}: expected an .osm, .osm.pbf or .geojson file.").format(
                path=Path(path).name)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        result, epsg = self.run_import(
            parameters, context, feedback, import_osm,
            path=self.parameterAsFile(parameters, self.INPUT, context),
            **self.campaign_arguments(parameters, context),
            **self.matching_arguments(parameters, context))
        outputs = self.report_outputs(result, parameters, context, feedback, epsg)
        outputs.update(self.review_output(result, parameters, context, epsg))
        c = result.counts
        outputs.update({self.NEW: c["new"], self.MATCHED: c["matched"], self.KNOWN: c["known"],
                        self.REVIEW: c["review"], self.OBSERVATIONS: c["observations"]})
        return outputs
