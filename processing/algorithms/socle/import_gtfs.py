"""observatoire:import_gtfs - a GTFS feed: stops, routes, departures per stop and hour."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
)

from ....ingest.importers.gtfs import import_gtfs
from ....ingest.sources import archive
from ....jobs.transit import frequency_table, hourly_departures
from ...import_base import ImportAlgorithm
from ...outputs import write_frame
from ...parameters import add_string, as_list, as_text


class ImportGtfs(ImportAlgorithm):
    ALG_ID = "import_gtfs"
    INPUT = "INPUT"
    FEED_NAME = "FEED_NAME"
    DATES = "DATES"
    TYPICAL = "TYPICAL_WEEKDAY"
    FREQUENCY = "FREQUENCY"

    def displayName(self):
        return self.tr("Import a public transport feed (GTFS)")

    def shortHelpString(self):
        return self.tr(
            "Imports a GTFS feed (zip): its stops (projected to the GeoPackage's CRS), its "
            "routes, and the departures per stop and hour of the service day for the dates "
            "given and, if chosen, for the typical weekday (among the Tuesdays to Thursdays of "
            "the feed's calendar, the first whose number of running trips is the most frequent "
            "one). A departure is a stop time of a trip running that day, not at the last stop "
            "of its trip, with pickup allowed (pickup_type ≠ 1); a 25:10:00 departure falls in "
            "hour 25. Every row is validated against the GTFS reference; real-world defects "
            "(overlapping block trips, decreasing shape distances, times going back) are kept "
            "and reported as warnings, unusable rows are rejected and reported. The service "
            "frequency table gives, per stop and period of the day, the departures, "
            "departures per hour and the mean headway (minutes) = period length / departures. "
            "One transaction; re-importing a feed of the same name adds nothing. Archives are "
            "read within limits: at most {members} files and {size} MB expanded, no member "
            "expanding more than {ratio} times; a damaged or encrypted archive is refused.").format(
                members=archive.MAX_MEMBERS, size=archive.MAX_EXPANDED_BYTES // 2 ** 20,
                ratio=archive.MAX_RATIO)

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("GTFS feed (zip)"), "GTFS (*.zip)")
        add_string(self, self.FEED_NAME, self.tr("Feed name (empty = file name)"))
        add_string(self, self.DATES, self.tr("Service dates (YYYY-MM-DD, separated by commas)"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.TYPICAL, self.tr("Also compute the typical weekday"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.FREQUENCY, self.tr("Service frequency per stop and period"),
            QgsProcessing.TypeVector, optional=True, createByDefault=True))
        self.add_convention_parameters(separator=False, decimal=False, dates=False)
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        ok, message = self.check_extension(parameters, context, self.INPUT, (".zip",),
                                           self.tr("a GTFS feed"))
        if not ok:
            return ok, message
        dates = as_text(self, parameters, self.DATES, context)
        if not dates and not self.parameterAsBool(parameters, self.TYPICAL, context):
            return False, self.tr("Give service dates or choose the typical weekday.")
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        dates = as_list(self, parameters, self.DATES, context)
        feedback.pushInfo(self.tr("Reading and validating the feed…"))
        return import_gtfs(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            count_departures=hourly_departures,
            name=as_text(self, parameters, self.FEED_NAME, context) or None, dates=dates,
            typical=self.parameterAsBool(parameters, self.TYPICAL, context),
            encoding=self.conventions(parameters, context).encoding,
            progress=feedback.setProgress, is_canceled=feedback.isCanceled)

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        for row in result.tables["dates"].itertuples(index=False):
            feedback.pushInfo(self.tr("Service day {date} ({kind})").format(
                date=row.service_date, kind=row.day_kind))
        if parameters.get(self.FREQUENCY) is None:
            return {}
        dest = write_frame(self, parameters, self.FREQUENCY, context,
                           frequency_table(result.tables["departures"]), feedback=feedback)
        return {self.FREQUENCY: dest}
