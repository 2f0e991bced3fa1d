"""observatoire:event_impact - uplift of flows during events against a declared baseline."""

import pandas as pd
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ....jobs import events as job
from ....jobs.events import Baseline
from ....jobs.messages import describe
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...parameters import add_date, add_string, as_date, as_list, as_text, parse_hours
from .base import FlowAnalysisAlgorithm

MODES = ("previous_weeks", "previous_year", "neutral")


class EventImpact(FlowAnalysisAlgorithm):
    ALG_ID = "event_impact"
    EVENTS = "EVENTS"
    BASELINE = "BASELINE"
    WEEKS = "WEEKS"
    NEUTRAL_START = "NEUTRAL_START"
    NEUTRAL_END = "NEUTRAL_END"
    SAME_WEEKDAYS = "SAME_WEEKDAYS"
    DISTANCE = "DISTANCE"
    PARKING_DISTANCE = "PARKING_DISTANCE"
    WALK_DISTANCE = "WALK_DISTANCE"
    HOURS = "HOURS"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Event impact on flows")

    def shortHelpString(self):
        return self.tr(
            "For each event: uplift = (mean daily value during the event − baseline mean) / "
            "baseline mean, given as a fraction and in %, for pedestrian footfall per counter "
            "and per centrality (passages/day), parking occupancy per car park and per "
            "centrality (mean rate within the hours given) and ridership per centrality (daily "
            "boardings at the stops within walking distance), when those data exist. Event "
            "days are the local days from its start to its end date. Baseline: the same "
            "weekdays over the N previous weeks (each event day d against d − 7k, k = 1…N), "
            "the same ISO week and weekday one year before, or a declared neutral period "
            "(optionally only its days of the event's weekdays). Baseline days falling in "
            "another event of the same centrality are excluded and counted. Means use days with "
            "data only; coverage = days with data / days expected; a warning says when the "
            "event or the baseline has gaps, and the uplift is empty when a side has no data or "
            "the baseline mean is 0. Indicators (per centrality, period = event dates): "
            "event_uplift, event_parking_uplift, event_ridership_uplift (%).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_string(self, self.EVENTS, self.tr("Events (ids or names separated by commas; "
                                              "empty = all)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.BASELINE, self.tr("Baseline"),
            options=[self.tr("same weekdays of the previous weeks"),
                     self.tr("same period one year before"), self.tr("declared neutral period")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WEEKS, self.tr("Number of previous weeks"), QgsProcessingParameterNumber.Integer,
            defaultValue=4, minValue=1, maxValue=52))
        add_date(self, self.NEUTRAL_START, self.tr("Neutral period: first day"))
        add_date(self, self.NEUTRAL_END, self.tr("Neutral period: last day"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SAME_WEEKDAYS, self.tr("Neutral period: only the event's weekdays"),
            defaultValue=False))
        self.add_distance(self.DISTANCE, self.tr("Counters outside a centrality: assign within "
                                                 "(metres)"), 0.0)
        self.add_distance(self.PARKING_DISTANCE, self.tr("Car parks serving a centrality: "
                                                         "within (metres)"), 300.0)
        self.add_distance(self.WALK_DISTANCE, self.tr("Stops serving a centrality: within "
                                                      "(metres)"), 400.0)
        add_string(self, self.HOURS, self.tr("Hours of parking occupancy (e.g. 9-19)"),
                   default="9-19", advanced=True)
        self.add_write_parameter()
        self.add_table_sink(self.OUTPUT, self.tr("Event impact"))

    def _baseline(self, parameters, context):
        mode = MODES[self.parameterAsEnum(parameters, self.BASELINE, context)]
        if mode == "previous_weeks":
            return Baseline.previous_weeks(self.parameterAsInt(parameters, self.WEEKS, context))
        if mode == "previous_year":
            return Baseline.previous_year()
        return Baseline.neutral(as_date(self, parameters, self.NEUTRAL_START, context),
                                as_date(self, parameters, self.NEUTRAL_END, context),
                                self.parameterAsBool(parameters, self.SAME_WEEKDAYS, context))

    def checkParameterValues(self, parameters, context):
        mode = MODES[self.parameterAsEnum(parameters, self.BASELINE, context)]
        if mode == "neutral":
            dates = [as_date(self, parameters, k, context)
                     for k in (self.NEUTRAL_START, self.NEUTRAL_END)]
            if not all(dates):
                return False, self.tr("A neutral baseline needs its first and last day.")
            try:
                self._baseline(parameters, context)
            except ValueError as exc:
                return False, self.tr("Neutral period: {error}").format(error=describe(exc))
        return super().checkParameterValues(parameters, context)

    def analyse(self, conn, parameters, context, feedback):
        baseline = self._baseline(parameters, context)
        wanted = as_list(self, parameters, self.EVENTS, context)
        hours = parse_hours(as_text(self, parameters, self.HOURS, context))
        checkpoint = self.checkpoint(feedback)
        table = job.event_impact(
            conn, baseline, distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            parking_distance=self.parameterAsDouble(parameters, self.PARKING_DISTANCE, context),
            walk_distance=self.parameterAsDouble(parameters, self.WALK_DISTANCE, context),
            hours=hours, event_ids=wanted or None, progress=feedback.setProgress,
            checkpoint=checkpoint)
        table.insert(table.columns.get_loc("uplift") + 1, "uplift_pct", 100 * table["uplift"])
        table["uplift"] = pd.to_numeric(table["uplift"]).astype(float)
        table["uplift_pct"] = pd.to_numeric(table["uplift_pct"]).astype(float)
        warned = table[table["warning"].astype(str) != ""]
        if len(warned):
            feedback.pushWarning(self.tr("{n} results have gaps or no data: see the warning "
                                         "column.").format(n=len(warned)))
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = job.write_indicators(conn, table, baseline, checkpoint)
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        dest = write_frame(self, parameters, self.OUTPUT, context, table, gpkg_crs(conn),
                           feedback=feedback)
        return {self.OUTPUT: dest}
