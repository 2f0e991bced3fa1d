"""observatoire:event_impact - uplift of flows, and change of dwell time and visitor mix, during
events against a declared baseline."""

import pandas as pd
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ....jobs import events as job
from ....jobs.events import Baseline
from ....jobs.messages import describe
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...parameters import (
    add_date,
    add_string,
    advanced,
    as_date,
    as_list,
    as_text,
    parse_hours,
)
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
    K = "K"
    MIN_BASELINE_DAYS = "MIN_BASELINE_DAYS"
    OPEN_CLASS = "OPEN_CLASS_MINUTES"
    OUTPUT = "OUTPUT"
    OUTPUT_DWELL = "OUTPUT_DWELL"

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
            "the baseline mean is 0. Dwell time and visitors (second table, when parking "
            "sessions or presence data are imported): the mean length of stay per car park and "
            "per centrality, and per presence zone and visitor category the mean dwell and the "
            "share of the visitors, on the same event and baseline days: event value = mean of "
            "the event's daily values, baseline mean and standard deviation (sd, n − 1) of the "
            "baseline's daily values, difference = event value − baseline mean (minutes, or "
            "share points: 0.05 = 5 points), z = difference / sd; exceeds = |difference| > k × "
            "sd (k = 2 by default: the event lies outside the baseline days' own variability), "
            "left empty when the baseline has fewer days with data than the minimum. A day "
            "without data is no data, never zero. Indicators (per centrality, period = event "
            "dates): event_uplift, event_parking_uplift, event_ridership_uplift (%), "
            "event_dwell_difference and event_presence_dwell_difference (min).")

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
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.K, self.tr("Dwell and visitors: standard deviations of the baseline a "
                            "difference must exceed"), QgsProcessingParameterNumber.Double,
            defaultValue=2.0, minValue=0.01)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MIN_BASELINE_DAYS, self.tr("Dwell and visitors: fewest baseline days with "
                                            "data to judge the variability"),
            QgsProcessingParameterNumber.Integer, defaultValue=3, minValue=2)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.OPEN_CLASS, self.tr("Presence data: minutes counted for the open dwell class "
                                     "(empty = no mean when it has visitors)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0)))
        self.add_write_parameter()
        self.add_table_sink(self.OUTPUT, self.tr("Event impact"))
        self.add_table_sink(self.OUTPUT_DWELL, self.tr("Event impact on dwell time and "
                                                       "visitors"), optional=True)

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
        parking_distance = self.parameterAsDouble(parameters, self.PARKING_DISTANCE, context)
        table = job.event_impact(
            conn, baseline, distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            parking_distance=parking_distance,
            walk_distance=self.parameterAsDouble(parameters, self.WALK_DISTANCE, context),
            hours=hours, event_ids=wanted or None, progress=feedback.setProgress,
            checkpoint=checkpoint, require_data=False)
        dwell = job.event_dwell(
            conn, baseline, event_ids=wanted or None, parking_distance=parking_distance,
            k=self.parameterAsDouble(parameters, self.K, context),
            min_baseline_days=self.parameterAsInt(parameters, self.MIN_BASELINE_DAYS, context),
            open_class_minutes=self.parameterAsDouble(parameters, self.OPEN_CLASS, context)
            if parameters.get(self.OPEN_CLASS) not in (None, "") else None,
            checkpoint=checkpoint)
        if table.empty and dwell.empty:
            raise QgsProcessingException(self.tr(
                "No flow data (counts, parking occupancy, ridership), parking session or "
                "presence data to measure the events with: import them first."))
        table.insert(table.columns.get_loc("uplift") + 1, "uplift_pct", 100 * table["uplift"])
        table["uplift"] = pd.to_numeric(table["uplift"]).astype(float)
        table["uplift_pct"] = pd.to_numeric(table["uplift_pct"]).astype(float)
        warned = table[table["warning"].astype(str) != ""]
        if len(warned):
            feedback.pushWarning(self.tr("{n} results have gaps or no data: see the warning "
                                         "column.").format(n=len(warned)))
        judged = dwell[dwell["exceeds"].notna()] if len(dwell) else dwell
        if len(judged):
            feedback.pushInfo(self.tr("Dwell and visitors: {n} of {total} comparisons exceed "
                                      "the baseline's variability.").format(
                n=int(judged["exceeds"].astype(bool).sum()), total=len(judged)))
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = job.write_indicators(conn, table, baseline, checkpoint, dwell=dwell)
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        crs = gpkg_crs(conn)
        out = {self.OUTPUT: write_frame(self, parameters, self.OUTPUT, context, table, crs,
                                        feedback=feedback)}
        dest = write_frame(self, parameters, self.OUTPUT_DWELL, context, _typed(dwell), crs,
                           feedback=feedback, kinds={"exceeds": QVariant.Bool})
        if dest is not None:
            out[self.OUTPUT_DWELL] = dest
        return out


def _typed(dwell: pd.DataFrame) -> pd.DataFrame:
    """Numbers as floats and ``exceeds`` as plain booleans or None (for the sink)."""
    dwell = dwell.copy()
    for col in ("event_days", "event_days_with_data", "baseline_days",
                "baseline_days_with_data", "baseline_days_excluded"):
        dwell[col] = pd.to_numeric(dwell[col], errors="coerce").astype("Int64")
    for col in ("event_value", "baseline_mean", "baseline_sd", "difference",
                "relative_difference", "z_score"):
        dwell[col] = pd.to_numeric(dwell[col], errors="coerce").astype(float)
    dwell["exceeds"] = [None if pd.isna(v) else bool(v) for v in dwell["exceeds"]]
    return dwell
