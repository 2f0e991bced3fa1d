"""observatoire:import_osm_shops - OpenStreetMap shops and amenities → candidate premises."""

from pathlib import Path

from ....ingest.importers.osm import import_osm
from ...import_base import ImportAlgorithm

EXTENSIONS = (".osm", ".pbf", ".geojson", ".json")


class ImportOsmShops(ImportAlgorithm):
    ALG_ID = "import_osm_shops"
    INPUT = "INPUT"

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
        self.add_input_file(self.INPUT, self.tr("OpenStreetMap file (.osm, .pbf, .geojson)"),
                            "OpenStreetMap (*.osm *.pbf *.geojson *.json)")
        self.add_campaign_parameters()
        self.add_matching_parameters()
        self.add_candidate_outputs(
            matched=self.tr("Features matched to premises"),
            known=self.tr("Features already imported"),
            review=self.tr("Features to review"))

    def checkParameterValues(self, parameters, context):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path.lower().endswith(EXTENSIONS):
            return False, self.tr("{path}: expected an .osm, .osm.pbf or .geojson file.").format(
                path=Path(path).name)
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        return import_osm(conn, self.parameterAsFile(parameters, self.INPUT, context),
                          progress=feedback.setProgress, is_canceled=feedback.isCanceled,
                          **self.campaign_arguments(parameters, context),
                          **self.matching_arguments(parameters, context))

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        return self.candidate_outputs(result, parameters, context, epsg)
