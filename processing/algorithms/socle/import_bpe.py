"""observatoire:import_bpe - INSEE BPE equipment points → services."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterString

from ....ingest.importers.bpe import import_bpe
from ....ingest.importers.osm_services import import_osm_services
from ...import_base import ImportAlgorithm
from ...parameters import split_list

OSM = (".geojson", ".json", ".osm", ".pbf")


class ImportBpe(ImportAlgorithm):
    ALG_ID = "import_bpe"
    INPUT = "INPUT"
    COMMUNES = "COMMUNES"
    VINTAGE = "VINTAGE"
    NEW = "NEW_SERVICES"
    UPDATED_SERVICES = "UPDATED_SERVICES"

    def displayName(self):
        return self.tr("Import BPE services")

    def shortHelpString(self):
        return self.tr(
            "Imports the geolocated equipment of INSEE's Base permanente des équipements (BPE, "
            "CSV separated by ; or ,) into the services table: TYPEQU code, label, domain (A "
            "services to individuals … G tourism) and range (proximité, intermédiaire, "
            "supérieure) from the bpe_equipment_types table of the GeoPackage (editable), "
            "commune, IRIS and geolocation quality. Coordinates: LAMBERT_X / LAMBERT_Y "
            "(Lambert-93, or the local projection overseas) or LONGITUDE / LATITUDE (WGS 84), "
            "reprojected to the GeoPackage CRS. Rejected and listed with their reason: "
            "malformed TYPEQU codes, equipment not geolocated. A code missing from the table is "
            "kept without label or range, with a warning. Services are identified by vintage "
            "and source id: re-importing a vintage updates it and adds nothing. One "
            "transaction. An OpenStreetMap export (Overpass GeoJSON, .osm or .pbf) gives the "
            "services found in OSM instead (pharmacies, post offices, doctors…): each feature "
            "whose tag (amenity, healthcare, shop, office, craft, tourism, leisure) is in the "
            "osm_bpe_map table of the GeoPackage (editable) gets that BPE type; services are "
            "identified by their OSM id, the OSM name is kept in notes.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("BPE CSV (ensemble, géolocalisé), or an "
                                                "OpenStreetMap export"),
                            "BPE CSV / OpenStreetMap (*.csv *.txt *.geojson *.json *.osm *.pbf)")
        self.addParameter(QgsProcessingParameterString(
            self.COMMUNES, self.tr("Commune codes (INSEE, separated by commas; empty = all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.VINTAGE, self.tr("BPE vintage (year; empty = the AN column)"), optional=True))
        self.add_source_crs_parameter()
        self.add_convention_parameters(separator=False, dates=False)
        self.add_report_outputs()
        self.addOutput(QgsProcessingOutputNumber(self.NEW, self.tr("Services added")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED_SERVICES,
                                                 self.tr("Services updated")))

    def checkParameterValues(self, parameters, context):
        ok, message = self.check_extension(parameters, context, self.INPUT,
                                           (".csv", ".txt") + OSM,
                                           self.tr("the BPE CSV file or an OpenStreetMap "
                                                   "export"))
        if not ok:
            return ok, message
        vintage = self.parameterAsString(parameters, self.VINTAGE, context).strip()
        if vintage and not (vintage.isdigit() and len(vintage) == 4):
            return False, self.tr("The BPE vintage is a year such as 2021, not {value}.").format(
                value=vintage)
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if path.lower().endswith(OSM):
            return import_osm_services(conn, path, progress=feedback.setProgress,
                                       is_canceled=feedback.isCanceled)
        communes = split_list(self.parameterAsString(parameters, self.COMMUNES, context))
        return import_bpe(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            communes=communes or None,
            vintage=self.parameterAsString(parameters, self.VINTAGE, context).strip() or None,
            source_epsg=self.source_epsg(parameters, context),
            encoding=self.conventions(parameters, context).encoding,
            progress=feedback.setProgress, is_canceled=feedback.isCanceled)

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        return {self.NEW: result.counts["new"], self.UPDATED_SERVICES: result.counts["updated"]}
