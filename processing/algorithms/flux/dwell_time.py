"""observatoire:dwell_time - length of stay, rotation and long stays per car park, zone and
centrality (parking sessions), and dwell and visitor mix per zone and category (presence data)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ....jobs import dwell as job
from ....jobs.messages import describe
from ...layers import gpkg_crs
from ...outputs import blob_geometry, write_frame
from ...parameters import add_date, add_string, advanced, as_date, as_text, split_list
from ...styling import GraduatedStyler, style_on_load
from .base import FlowAnalysisAlgorithm

PERIODS = ("day", "week", "month", "year")


class DwellTime(FlowAnalysisAlgorithm):
    ALG_ID = "dwell_time"
    PERIODS = "PERIODS"
    START = "START"
    END = "END"
    PARKING_DISTANCE = "PARKING_DISTANCE"
    CLASS_EDGES = "CLASS_EDGES"
    LONG_STAY = "LONG_STAY_MIN"
    MAX_STAY_DAYS = "MAX_STAY_DAYS"
    OPEN_CLASS = "OPEN_CLASS_MINUTES"
    OUTPUT_PERIODS = "OUTPUT_PERIODS"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OUTPUT_HOURS = "OUTPUT_HOURS"
    OUTPUT_PRESENCE = "OUTPUT_PRESENCE"
    OUTPUT_PRESENCE_CLASSES = "OUTPUT_PRESENCE_CLASSES"
    OUTPUT_CAR_PARKS = "OUTPUT_CAR_PARKS"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"

    def displayName(self):
        return self.tr("Dwell time (parking sessions and presence data)")

    def shortHelpString(self):
        return self.tr(
            "From parking sessions, per car park or on-street zone and per centrality (the car "
            "parks serving it: declared, inside it, or within the distance; capacity = the sum "
            "of theirs), and per period (day, week, month, year and the whole window): "
            "sessions, mean and median length of stay (minutes; stay = exit − entry on the "
            "local wall clock), distribution by class (half-open intervals of minutes, by "
            "default < 30 min, 30 min–1 h, 1–2 h, 2–4 h, ≥ 4 h: a stay of exactly 30 min is in "
            "30 min–1 h), long stays (≥ the threshold, 4 h by default) and their share by hour "
            "of arrival, rotation = sessions / (spaces × days of the period in the window), "
            "amounts. A session belongs to the day of its entry (a stay across midnight or "
            "overnight is counted once, with its whole length). Sessions without exit are "
            "counted apart (open_sessions) and left out of every statistic, never guessed. From "
            "presence data, per zone, period and visitor category (and all): visitors (as "
            "delivered), share of the visitors, dwell distribution by class and mean dwell "
            "(reported means weighted by counts, or class midpoints when every class has "
            "bounds; the open class needs a value in minutes). Indicators per centrality "
            "(months, years, whole window): dwell_mean_min, dwell_median_min, dwell_long_share "
            "(%), parking_rotation, parking_sessions, presence_visitors, "
            "presence_mean_dwell_min, presence_share_<category> (%).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.PERIODS, self.tr("Periods"),
            options=[self.tr("day"), self.tr("week"), self.tr("month"), self.tr("year")],
            allowMultiple=True, defaultValue=[2, 3]))
        add_date(self, self.START, self.tr("First day (empty = first entry)"))
        add_date(self, self.END, self.tr("Last day (empty = last entry)"))
        self.add_distance(self.PARKING_DISTANCE, self.tr("Car parks serving a centrality: "
                                                         "within (metres)"), 300.0)
        add_string(self, self.CLASS_EDGES, self.tr("Limits of the dwell classes (minutes, "
                                                   "separated by commas)"),
                   default="30, 60, 120, 240", optional=False, advanced=True)
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.LONG_STAY, self.tr("Long stay: at least (minutes)"),
            QgsProcessingParameterNumber.Double, defaultValue=240.0, minValue=1.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MAX_STAY_DAYS, self.tr("Longest stay kept (days)"),
            QgsProcessingParameterNumber.Double, defaultValue=7.0, minValue=0.01)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.OPEN_CLASS, self.tr("Presence data: minutes counted for the open dwell class "
                                     "(empty = no mean when it has visitors)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0)))
        self.add_write_parameter()
        for key, label in ((self.OUTPUT_PERIODS, self.tr("Dwell time per period")),
                           (self.OUTPUT_CLASSES, self.tr("Dwell classes")),
                           (self.OUTPUT_HOURS, self.tr("Long stays by hour of arrival")),
                           (self.OUTPUT_PRESENCE, self.tr("Presence: visitors and dwell")),
                           (self.OUTPUT_PRESENCE_CLASSES,
                            self.tr("Presence: dwell classes by category"))):
            self.add_table_sink(key, label, optional=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CAR_PARKS, self.tr("Car parks with dwell time"),
            QgsProcessing.TypeVectorPoint, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Centralities with dwell time"),
            QgsProcessing.TypeVectorPolygon, optional=True))

    def _edges(self, parameters, context):
        try:
            return [float(v) for v in split_list(as_text(self, parameters, self.CLASS_EDGES,
                                                         context))]
        except ValueError:
            return None

    def checkParameterValues(self, parameters, context):
        start, end = (as_date(self, parameters, k, context) for k in (self.START, self.END))
        if start and end and end < start:
            return False, self.tr("The last day ({end}) is before the first day ({start}).").format(
                end=end, start=start)
        edges = self._edges(parameters, context)
        if not edges or any(e <= 0 for e in edges) or any(b <= a for a, b in
                                                          zip(edges, edges[1:])):
            return False, self.tr("Limits of the dwell classes: positive numbers of minutes "
                                  "in increasing order, separated by commas (e.g. 30, 60, 120, "
                                  "240).")
        return super().checkParameterValues(parameters, context)

    def analyse(self, conn, parameters, context, feedback):
        kinds = [PERIODS[i] for i in self.parameterAsEnums(parameters, self.PERIODS, context)]
        open_class = parameters.get(self.OPEN_CLASS)
        feedback.pushInfo(self.tr("Reading the parking sessions and presence data…"))
        result = job.dwell_time(
            conn, periods=kinds, start=as_date(self, parameters, self.START, context),
            end=as_date(self, parameters, self.END, context),
            parking_distance=self.parameterAsDouble(parameters, self.PARKING_DISTANCE, context),
            class_edges_min=self._edges(parameters, context),
            long_stay_min=self.parameterAsDouble(parameters, self.LONG_STAY, context),
            max_stay_days=self.parameterAsDouble(parameters, self.MAX_STAY_DAYS, context),
            open_class_minutes=self.parameterAsDouble(parameters, self.OPEN_CLASS, context)
            if open_class not in (None, "") else None,
            progress=feedback.setProgress, checkpoint=self.checkpoint(feedback))
        for note in result.notes:
            feedback.pushWarning(describe(note))
        counts = result.parking.counts if result.parking is not None else None
        if counts:
            feedback.pushInfo(self.tr(
                "{complete} complete sessions, {open} without exit (counted apart), {rejected} "
                "rejected").format(complete=counts["complete"], open=counts["open"],
                                   rejected=counts["rejected"]))
        tables = job.dwell_tables(result)
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = job.write_indicators(conn, job.dwell_indicator_rows(result, tables),
                                    job.DWELL_ALG, {
                                        "periods": kinds, "parking_distance":
                                        self.parameterAsDouble(parameters,
                                                               self.PARKING_DISTANCE, context)},
                                    checkpoint=self.checkpoint(feedback))
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        crs = gpkg_crs(conn)
        out = {}
        for key, name in ((self.OUTPUT_PERIODS, "periods"), (self.OUTPUT_CLASSES, "classes"),
                          (self.OUTPUT_HOURS, "hours"), (self.OUTPUT_PRESENCE, "presence"),
                          (self.OUTPUT_PRESENCE_CLASSES, "presence_classes")):
            dest = write_frame(self, parameters, key, context, tables[name], crs,
                               feedback=feedback)
            if dest is not None:
                out[key] = dest
        parks = job.car_park_layer(result, tables)
        dest = write_frame(self, parameters, self.OUTPUT_CAR_PARKS, context, parks, crs,
                           xy=("x", "y"))
        if dest is not None:
            out[self.OUTPUT_CAR_PARKS] = dest
            style_on_load(context, dest, GraduatedStyler("mean_min", "Oranges"))
        layer = job.centrality_layer(conn, result, tables)
        dest = write_frame(self, parameters, self.OUTPUT_CENTRALITIES, context,
                           layer.drop(columns="geom"), crs,
                           geometries=[blob_geometry(b) for b in layer["geom"]],
                           wkb_type=QgsWkbTypes.MultiPolygon)
        if dest is not None:
            out[self.OUTPUT_CENTRALITIES] = dest
            style_on_load(context, dest, GraduatedStyler("mean_min", "Purples"))
        return out
