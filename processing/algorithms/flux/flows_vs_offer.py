"""observatoire:flows_vs_offer - footfall crossed with the offer per centrality and premise."""

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber

from ....jobs import flows_offer as job
from ....jobs.common import save_indicators
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...styling import GraduatedStyler, style_on_load
from .base import FlowAnalysisAlgorithm


class FlowsVsOffer(FlowAnalysisAlgorithm):
    ALG_ID = "flows_vs_offer"
    DISTANCE = "DISTANCE"
    YEAR = "YEAR"
    MAX_DISTANCE = "MAX_DISTANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_PREMISES = "OUTPUT_PREMISES"

    def displayName(self):
        return self.tr("Flows crossed with the offer")

    def shortHelpString(self):
        return self.tr(
            "Per centrality: mean daily pedestrian footfall of the year (passages/day/counter, "
            "see Footfall per centrality) and its year-on-year change on matched ISO weeks, "
            "crossed with the offer of the latest inventory campaign of that year or before: "
            "premises, vacant premises, vacancy rate (%) and its change since the previous "
            "campaign (percentage points), share of retail activities among occupied premises "
            "(%), main activity group. Footfall per shop = footfall / occupied premises; "
            "footfall per vacant premise = footfall / vacant premises (empty when none). Trend "
            "class: virtuous (footfall up, vacancy down or stable), fragile offer (footfall "
            "up, vacancy up), resilient offer (footfall down, vacancy down or stable), "
            "decline (footfall down, vacancy up), undetermined without a year-on-year change. "
            "Per premise (a point layer for site assessment): the nearest counting site with "
            "data within the maximum distance (metres), its street, the distance and its mean "
            "daily footfall of the year. Indicators: footfall_per_shop, footfall_per_vacant.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_distance(self.DISTANCE, self.tr("Counters outside a centrality: assign within "
                                                 "(metres)"), 0.0)
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Year (0 = latest year with footfall)"),
            QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0))
        self.add_distance(self.MAX_DISTANCE, self.tr("Premises: nearest counter within "
                                                     "(metres)"), 300.0)
        self.add_write_parameter()
        self.add_table_sink(self.OUTPUT, self.tr("Flows and offer per centrality"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PREMISES, self.tr("Premises with the footfall of the nearest counter"),
            QgsProcessing.TypeVectorPoint))

    def analyse(self, conn, parameters, context, feedback):
        year = self.parameterAsInt(parameters, self.YEAR, context) or None
        checkpoint = self.checkpoint(feedback)
        table, premises = job.flows_vs_offer(
            conn, distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            year=year, max_distance=self.parameterAsDouble(parameters, self.MAX_DISTANCE,
                                                           context),
            progress=feedback.setProgress, checkpoint=checkpoint)
        for col in ("footfall_mean_daily", "footfall_change", "vacancy_rate",
                    "vacancy_change_pts", "retail_share", "footfall_per_shop",
                    "footfall_per_vacant"):
            table[col] = table[col].astype(float)
        for col in ("premises", "vacant", "occupied"):
            table[col] = table[col].astype("Int64")
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = save_indicators(conn, job.cross_indicator_rows(table), job.CROSS_ALG,
                                {"year": int(table["year"].iloc[0]) if len(table) else None},
                                checkpoint)
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        crs = gpkg_crs(conn)
        dest = write_frame(self, parameters, self.OUTPUT, context, table, crs, feedback=feedback)
        premises["distance_m"] = premises["distance_m"].astype(float)
        premises["site_footfall_mean_daily"] = premises["site_footfall_mean_daily"].astype(float)
        pdest = write_frame(self, parameters, self.OUTPUT_PREMISES, context, premises, crs,
                            xy=("x", "y"), feedback=feedback)
        style_on_load(context, pdest, GraduatedStyler("site_footfall_mean_daily"))
        return {self.OUTPUT: dest, self.OUTPUT_PREMISES: pdest}
