"""observatoire:import_parking - car parks (stationnement schema), on-street zones and their
occupancy or payment series."""

from qgis.core import QgsProcessingParameterCrs, QgsProcessingParameterEnum

from ....ingest.importers.framework import ImportResult
from ....ingest.importers.parking import (
    KINDS,
    import_occupancy,
    import_osm_parkings,
    import_parkings,
)
from ....store import gpkg
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping, as_text, epsg_of

CSV = "CSV (*.csv *.txt)"
OSM = (".geojson", ".json", ".osm", ".pbf")
PARKS = "CSV / OpenStreetMap (*.csv *.txt *.geojson *.json *.osm *.pbf)"


class ImportParking(ImportAlgorithm):
    ALG_ID = "import_parking"
    PARKINGS = "PARKINGS"
    KIND = "KIND"
    OCCUPANCY = "OCCUPANCY"
    MAPPING = "OCCUPANCY_MAPPING"
    PARKS_MAPPING = "PARKINGS_MAPPING"
    PARKS_CRS = "PARKINGS_CRS"
    TIMEZONE = "TIMEZONE"

    def displayName(self):
        return self.tr("Import parking (car parks, on-street zones, occupancy)")

    def shortHelpString(self):
        return self.tr(
            "Imports off-street car parks in the national stationnement schema (0.1.5; every "
            "field validated, reserved places at most nb_places) or on-street parking zones "
            "(columns id, nom, nb_places, Xlong, Ylat; insee, adresse, tarif_1h, tarif_2h, "
            "info optional), or car parks in a town's own CSV through a column mapping "
            "(id=…; name=…; capacity=…; x=…; y=…; commune=…; address=…) with coordinates in "
            "any CRS (detected: WGS 84 longitude / latitude, else Lambert-93; or given), or "
            "the car parks of an OpenStreetMap export (Overpass GeoJSON, "
            ".osm or .pbf: amenity=parking with capacity, capacity:disabled, "
            "capacity:charging, fee, access, maxheight and the kind parking=surface, "
            "multi-storey, underground…, keyed by their OSM id), and an occupancy time "
            "series: one row per car park and time "
            "with free or occupied places (both must then add up to the capacity) and "
            "optionally the capacity (default: the car park's nb_places); occupancy rate = "
            "occupied / capacity (0–1). A file with a payments column and no free or occupied "
            "places holds on-street payment counts. Column names are changed with a mapping "
            "(parking_id=…; timestamp=…; free=…; occupied=…; capacity=…; payments=…). Times "
            "without UTC offset are read in the time zone given. Car parks and series are "
            "written in one transaction, keyed by parking id and time: re-importing adds "
            "nothing.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.PARKINGS, self.tr("Car parks or on-street zones (CSV, or an "
                                                   "OpenStreetMap export)"), PARKS, optional=True)
        self.addParameter(QgsProcessingParameterEnum(
            self.KIND, self.tr("The file holds"),
            options=[self.tr("off-street car parks (stationnement schema)"),
                     self.tr("on-street parking zones")], defaultValue=0))
        add_string(self, self.PARKS_MAPPING, self.tr(
            "Column mapping of a town's own car park file (id=…; name=…; capacity=…; x=…; "
            "y=…; commune=…; address=…)"))
        self.addParameter(QgsProcessingParameterCrs(
            self.PARKS_CRS, self.tr("CRS of the car parks' x / y (empty = detect)"),
            optional=True))
        self.add_input_file(self.OCCUPANCY, self.tr("Occupancy or payment series (CSV)"), CSV,
                            optional=True)
        add_string(self, self.MAPPING, self.tr("Column mapping of the series (field=column; …)"))
        add_string(self, self.TIMEZONE, self.tr("Time zone of times without UTC offset"),
                   default="Europe/Paris", optional=False, advanced=True)
        self.add_convention_parameters()
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        if not any(self.parameterAsFile(parameters, k, context)
                   for k in (self.PARKINGS, self.OCCUPANCY)):
            return False, self.tr("Choose a car park file, an occupancy file, or both.")
        for key, extensions, what in (
                (self.PARKINGS, (".csv", ".txt") + OSM,
                 self.tr("a CSV in the stationnement schema, a CSV of on-street zones or an "
                         "OpenStreetMap export")),
                (self.OCCUPANCY, (".csv", ".txt"), self.tr("a CSV of occupancy or payments"))):
            ok, message = self.check_extension(parameters, context, key, extensions, what)
            if not ok:
                return ok, message
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        parks = self.parameterAsFile(parameters, self.PARKINGS, context)
        occ = self.parameterAsFile(parameters, self.OCCUPANCY, context)
        kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        conventions = self.conventions(parameters, context)
        merged = ImportResult("parking")
        with gpkg.transaction(conn):
            if parks and parks.lower().endswith(OSM):
                merged.merge(import_osm_parkings(conn, parks, is_canceled=feedback.isCanceled))
            elif parks:
                crs = self.parameterAsCrs(parameters, self.PARKS_CRS, context)
                merged.merge(import_parkings(
                    conn, parks, kind=kind, conventions=conventions,
                    mapping=as_mapping(self, parameters, self.PARKS_MAPPING, context),
                    source_epsg=epsg_of(crs) if crs.isValid() else None,
                    is_canceled=feedback.isCanceled))
            if occ:
                merged.merge(import_occupancy(
                    conn, occ, mapping=as_mapping(self, parameters, self.MAPPING, context),
                    timezone=as_text(self, parameters, self.TIMEZONE, context) or "Europe/Paris",
                    conventions=conventions, progress=feedback.setProgress,
                    is_canceled=feedback.isCanceled))
        return merged
