"""observatoire:mobility_by_centrality - parking, transit, road traffic and carpooling per
centrality and period."""

from qgis.core import QgsProcessingParameterEnum

from ....jobs import mobility as fm
from ....jobs.common import save_indicators
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...parameters import add_string, as_text, parse_hours
from .base import FlowAnalysisAlgorithm

PERIODS = ("year", "month", "all")


class MobilityByCentrality(FlowAnalysisAlgorithm):
    ALG_ID = "mobility_by_centrality"
    PERIOD = "PERIOD"
    WALK_DISTANCE = "WALK_DISTANCE"
    PARKING_DISTANCE = "PARKING_DISTANCE"
    ROAD_DISTANCE = "ROAD_DISTANCE"
    CARPOOL_DISTANCE = "CARPOOL_DISTANCE"
    HOURS = "HOURS"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Mobility per centrality")

    def shortHelpString(self):
        return self.tr(
            "Per centrality and period (year, month or the whole data): car parks and "
            "on-street zones inside the centrality or within the parking distance: capacity, "
            "occupancy rate (%) = 100 × Σ occupied places / Σ capacity over the observations "
            "within the hours given, peak hour (the hour of the day with the highest rate), "
            "on-street payments per day; public transport stops within walking distance: "
            "departures on the service day (the latest typical weekday imported), departures "
            "per hour = departures from 07:00 to 19:00 / 12, peak hour and its departures, "
            "ridership = mean daily boardings summed over those stops; road count points within "
            "the road distance: mean average daily traffic (vehicles/day) and heavy-vehicle "
            "share weighted by traffic (%); carpool places within the carpool distance "
            "(places) and trips per day whose origin or destination is the centrality's "
            "commune. Written to indicators: parking_occupancy_rate, parking_peak_hour, "
            "onstreet_occupancy_rate, onstreet_payments_daily, transit_departures_per_hour, "
            "transit_boardings_daily, road_daily_traffic, road_heavy_share, carpool_places, "
            "carpool_trips_daily.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.PERIOD, self.tr("Period"),
            options=[self.tr("year"), self.tr("month"), self.tr("whole data")], defaultValue=0))
        self.add_distance(self.WALK_DISTANCE, self.tr("Walking distance to stops (metres)"),
                          400.0)
        self.add_distance(self.PARKING_DISTANCE, self.tr("Car parks serving a centrality: "
                                                         "within (metres)"), 300.0)
        self.add_distance(self.ROAD_DISTANCE, self.tr("Access roads: count points within "
                                                      "(metres)"), 500.0)
        self.add_distance(self.CARPOOL_DISTANCE, self.tr("Carpool places within (metres)"),
                          2000.0)
        add_string(self, self.HOURS, self.tr("Hours of parking occupancy (e.g. 9-19)"),
                   default="9-19", advanced=True)
        self.add_write_parameter()
        self.add_table_sink(self.OUTPUT, self.tr("Mobility per centrality"))

    def analyse(self, conn, parameters, context, feedback):
        period = PERIODS[self.parameterAsEnum(parameters, self.PERIOD, context)]
        table = fm.mobility(
            conn, period=period,
            walk_distance=self.parameterAsDouble(parameters, self.WALK_DISTANCE, context),
            parking_distance=self.parameterAsDouble(parameters, self.PARKING_DISTANCE, context),
            road_distance=self.parameterAsDouble(parameters, self.ROAD_DISTANCE, context),
            carpool_distance=self.parameterAsDouble(parameters, self.CARPOOL_DISTANCE, context),
            hours=parse_hours(as_text(self, parameters, self.HOURS, context)),
            progress=feedback.setProgress, checkpoint=self.checkpoint(feedback))
        for col in table.columns[3:]:
            if col != "transit_service_date":
                table[col] = table[col].astype(float)
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = save_indicators(conn, fm.mobility_indicator_rows(table), fm.MOBILITY_ALG,
                                {"period": period}, self.checkpoint(feedback))
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        dest = write_frame(self, parameters, self.OUTPUT, context, table, gpkg_crs(conn),
                           feedback=feedback)
        return {self.OUTPUT: dest}
