"""observatoire:import_carpool - carpool places (BNLC) and trips between communes."""

from ....ingest.importers.carpool import import_carpool_places, import_carpool_trips
from ....ingest.importers.framework import ImportResult
from ....store import gpkg
from ...import_base import ImportAlgorithm
from ...parameters import add_date, add_string, as_date, as_mapping

CSV = "CSV (*.csv *.txt)"


class ImportCarpool(ImportAlgorithm):
    ALG_ID = "import_carpool"
    PLACES = "PLACES"
    TRIPS = "TRIPS"
    MAPPING = "TRIPS_MAPPING"
    TODAY = "REFERENCE_DATE"

    def displayName(self):
        return self.tr("Import carpooling (BNLC places, trips)")

    def shortHelpString(self):
        return self.tr(
            "Imports carpool places of the Base nationale des lieux de covoiturage (schema "
            "lieux de covoiturage 0.2.0: every field validated, places outside France refused "
            "with a hint when longitude and latitude look swapped; the extra id_local column "
            "is kept; a date_maj after the reference date (default: today) is reported as a "
            "warning and the row kept), and carpool trips per day between communes: columns "
            "date, origin_insee, destination_insee, trips (a mapping renames them). Places are "
            "keyed by id_lieu, trips by date, origin and destination: re-importing adds "
            "nothing. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.PLACES, self.tr("BNLC places (CSV)"), CSV, optional=True)
        self.add_input_file(self.TRIPS, self.tr("Carpool trips between communes (CSV)"), CSV,
                            optional=True)
        add_string(self, self.MAPPING, self.tr("Column mapping of the trips (field=column; …)"))
        add_date(self, self.TODAY, self.tr("Reference date for future updates (YYYY-MM-DD, "
                                           "empty = today)"), advanced=True)
        self.add_convention_parameters()
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        if not any(self.parameterAsFile(parameters, k, context)
                   for k in (self.PLACES, self.TRIPS)):
            return False, self.tr("Choose a place file, a trip file, or both.")
        given = parameters.get(self.TODAY)
        if given not in (None, "") and as_date(self, parameters, self.TODAY, context) is None:
            return False, self.tr("The reference date {value} is not written YYYY-MM-DD."
                                  ).format(value=given)
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        places = self.parameterAsFile(parameters, self.PLACES, context)
        trips = self.parameterAsFile(parameters, self.TRIPS, context)
        today = as_date(self, parameters, self.TODAY, context)
        conventions = self.conventions(parameters, context)
        merged = ImportResult("carpool")
        with gpkg.transaction(conn):
            if places:
                merged.merge(import_carpool_places(
                    conn, places, today=today, conventions=conventions,
                    is_canceled=feedback.isCanceled))
            if trips:
                merged.merge(import_carpool_trips(
                    conn, trips, mapping=as_mapping(self, parameters, self.MAPPING, context),
                    conventions=conventions, is_canceled=feedback.isCanceled))
        return merged
