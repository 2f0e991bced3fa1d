"""observatoire:footfall_by_centrality - footfall per centrality and period, hourly profile,
year-on-year change, coverage and street profile."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ....jobs import footfall as fr
from ....jobs.messages import describe
from ...layers import gpkg_crs
from ...outputs import blob_geometry, write_frame
from ...parameters import (
    add_centralities_parameter,
    add_date,
    add_string,
    as_date,
    as_list,
    as_text,
    centrality_uuids,
    parse_date,
)
from ...styling import GraduatedStyler, style_on_load
from .base import FlowAnalysisAlgorithm

PERIODS = ("day", "week", "month", "year")


class FootfallByCentrality(FlowAnalysisAlgorithm):
    ALG_ID = "footfall_by_centrality"
    DISTANCE = "DISTANCE"
    CENTRALITIES = "CENTRALITIES"
    MOBILITY = "MOBILITY"
    PERIODS = "PERIODS"
    START = "START"
    END = "END"
    MIN_SITE_SHARE = "MIN_SITE_SHARE"
    HOLIDAYS = "HOLIDAYS"
    OUTPUT_PERIODS = "OUTPUT_PERIODS"
    OUTPUT_HOURLY = "OUTPUT_HOURLY"
    OUTPUT_YOY = "OUTPUT_YOY"
    OUTPUT_PROFILES = "OUTPUT_PROFILES"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"
    OUTPUT_SITES = "OUTPUT_SITES"

    def displayName(self):
        return self.tr("Footfall per centrality")

    def shortHelpString(self):
        return self.tr(
            "Counting sites are assigned to centralities: a site's declared centrality first, "
            "else the centrality containing it (higher level first), else the nearest one "
            "within the distance (metres). Only channels of the mobility type given count "
            "(PEDESTRIAN by default). A channel-day is complete when every expected time step "
            "of the local day (23, 24 or 25 hours) has a count, 0 included: a gap is never read "
            "as zero. Site daily footfall = sum of its channels; centrality daily footfall = "
            "mean over its counting sites (passages/day/counter), when at least the minimum "
            "share of its sites are complete. Per period (day, week, month, year and the whole "
            "window): mean daily footfall, weekday (Monday–Friday), Saturday and Sunday means "
            "(declared holidays count as Sundays), coverage = complete days / calendar days. "
            "Year-on-year change = Σ footfall of year Y / Σ footfall of year Y−1 − 1 over the "
            "ISO weeks complete in both years. Hourly profile (when the time step divides one "
            "hour): mean passages per hour and share of the day. Street profile: tourist "
            "(Sunday/weekday ≥ 0.8 or July–August/other months ≥ 1.25), evening/student (share "
            "19:00–01:59 ≥ 25 %), commuter (share 07:00–08:59 ≥ 15 % and Saturday/weekday < "
            "0.9), shopping (Saturday/weekday ≥ 1 and share 11:00–18:59 ≥ 55 %), else mixed. "
            "Indicators: footfall_mean_daily, footfall_weekday_mean, footfall_saturday_mean, "
            "footfall_sunday_mean (passages/day/counter), footfall_coverage and footfall_yoy "
            "(%). With centralities chosen, only those are computed and written (the sites "
            "are still assigned among every centrality).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_distance(self.DISTANCE, self.tr("Counters outside a centrality: assign within "
                                                 "(metres)"), 0.0)
        add_centralities_parameter(self, self.tr("Centralities (names separated by commas; "
                                                 "empty = all)"), self.CENTRALITIES)
        add_string(self, self.MOBILITY, self.tr("Mobility type of the channels (empty = all)"),
                   default="PEDESTRIAN")
        self.addParameter(QgsProcessingParameterEnum(
            self.PERIODS, self.tr("Periods"),
            options=[self.tr("day"), self.tr("week"), self.tr("month"), self.tr("year")],
            allowMultiple=True, defaultValue=[1, 2, 3]))
        add_date(self, self.START, self.tr("First day (empty = first count)"))
        add_date(self, self.END, self.tr("Last day (empty = last count)"))
        add_string(self, self.MIN_SITE_SHARE,
                   self.tr("Minimum share of complete counters for a centrality-day (0–1)"),
                   default="1", advanced=True)
        add_string(self, self.HOLIDAYS, self.tr("Public holidays (YYYY-MM-DD, separated by "
                                                "commas; counted as Sundays)"), advanced=True)
        self.add_write_parameter()
        self.add_table_sink(self.OUTPUT_PERIODS, self.tr("Footfall per period"))
        self.add_table_sink(self.OUTPUT_HOURLY, self.tr("Hourly profile"))
        self.add_table_sink(self.OUTPUT_YOY, self.tr("Year-on-year change"))
        self.add_table_sink(self.OUTPUT_PROFILES, self.tr("Street profile"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Centralities with footfall"),
            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SITES, self.tr("Counting sites"), QgsProcessing.TypeVectorPoint))

    def checkParameterValues(self, parameters, context):
        start, end = (as_date(self, parameters, k, context) for k in (self.START, self.END))
        if start and end and end < start:
            return False, self.tr("The last day ({end}) is before the first day ({start}).").format(
                end=end, start=start)
        bad = [d for d in as_list(self, parameters, self.HOLIDAYS, context) if not parse_date(d)]
        if bad:
            return False, self.tr("Public holidays: {values} are not dates (expected "
                                  "YYYY-MM-DD).").format(values=", ".join(bad))
        try:
            share = float(as_text(self, parameters, self.MIN_SITE_SHARE, context) or 1)
        except ValueError:
            share = -1
        if not 0 < share <= 1:
            return False, self.tr("The minimum share of complete counters must be a number "
                                  "greater than 0 and at most 1.")
        return super().checkParameterValues(parameters, context)

    def analyse(self, conn, parameters, context, feedback):
        kinds = [PERIODS[i] for i in self.parameterAsEnums(parameters, self.PERIODS, context)]
        holidays = as_list(self, parameters, self.HOLIDAYS, context)
        chosen = centrality_uuids(self, conn, parameters, self.CENTRALITIES, context)
        feedback.pushInfo(self.tr("Reading the counts…"))
        job = fr.footfall(
            conn, distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            mobility=as_text(self, parameters, self.MOBILITY, context) or None,
            periods=tuple(kinds) + ("all",), hourly_periods=("year", "all"),
            start=as_date(self, parameters, self.START, context),
            end=as_date(self, parameters, self.END, context),
            min_site_share=float(as_text(self, parameters, self.MIN_SITE_SHARE, context) or 1),
            holiday_dates=holidays or None, centralities=chosen,
            progress=feedback.setProgress,
            checkpoint=self.checkpoint(feedback))
        for note in job.notes:
            feedback.pushWarning(describe(note))
        tables = fr.footfall_tables(job)
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = fr.write_indicators(conn, fr.footfall_indicator_rows(job), fr.FOOTFALL_ALG,
                                    {"distance": self.parameterAsDouble(
                                        parameters, self.DISTANCE, context),
                                     "mobility": as_text(self, parameters, self.MOBILITY,
                                                         context)},
                                    checkpoint=self.checkpoint(feedback))
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        crs = gpkg_crs(conn)
        out = {}
        for key, name in ((self.OUTPUT_PERIODS, "periods"), (self.OUTPUT_HOURLY, "hourly"),
                          (self.OUTPUT_YOY, "yoy"), (self.OUTPUT_PROFILES, "profiles")):
            out[key] = write_frame(self, parameters, key, context, tables[name], crs,
                                   feedback=feedback)
        layer = fr.centrality_layer(conn, tables)
        if chosen is not None:
            layer = layer[layer["uuid"].isin(chosen)].reset_index(drop=True)
        out[self.OUTPUT_CENTRALITIES] = write_frame(
            self, parameters, self.OUTPUT_CENTRALITIES, context, layer.drop(columns="geom"),
            crs, geometries=[blob_geometry(b) for b in layer["geom"]],
            wkb_type=QgsWkbTypes.MultiPolygon)
        sites = job.sites[["site_uuid", "site_id", "name", "street", "centrality",
                           "assignment", "distance_m", "footfall_mean_daily", "coverage",
                           "x", "y"]]
        out[self.OUTPUT_SITES] = write_frame(self, parameters, self.OUTPUT_SITES, context,
                                             sites, crs, xy=("x", "y"))
        style_on_load(context, out[self.OUTPUT_CENTRALITIES],
                      GraduatedStyler("footfall_mean_daily"))
        style_on_load(context, out[self.OUTPUT_SITES], GraduatedStyler("footfall_mean_daily",
                                                                        "Blues"))
        return out
