"""observatoire:offer_gaps - offer × services × expectations: the gaps of each centrality."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ....jobs import survey_data as sd
from ....jobs import survey_gaps as sg
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter, advanced
from .survey_common import SurveyAlgorithm

KINDS = typed_kinds(ints=("peers", "respondents"),
                    doubles=("count", "population", "density", "median_density",
                             "relative_supply", "supply_deficit", "missing_share",
                             "missing_ci_low", "missing_ci_high", "gap_score", "rank"),
                    strings=("centrality_uuid", "centrality_name", "level", "activity_group",
                             "reason"), bools=("low_precision",))
DOMAINS = (sd.VISITORS, sd.INTERVIEWED)


class OfferGaps(SurveyAlgorithm):
    ALG_ID = "offer_gaps"
    DOMAIN = "DOMAIN"
    CAMPAIGN = "CAMPAIGN"
    WALK_MINUTES = "WALK_MINUTES"
    DISTANCE = "DISTANCE"
    SERVICES = "SERVICES"
    TOP = "TOP"
    OUTPUT = "OUTPUT"
    OUTPUT_RANKED = "OUTPUT_RANKED"

    def displayName(self):
        return self.tr("Offer gaps against expectations")

    def shortHelpString(self):
        return self.tr(
            "Offer × services × expectations. Per centrality and activity group: the measured "
            "supply — shops (occupied premises of the inventory campaign, latest unless "
            "named) plus, for the non-commercial services, the BPE public services, post "
            "offices, education and health establishments in the centrality — its density per "
            "1 000 inhabitants of the walking catchment (latest catchment_population_walk_"
            "<minutes>min indicator of Network catchments, else the population within the "
            "distance), compared with the median density of the centralities of the same "
            "level: deficit = max(0, 1 − density / median); beside the weighted share of the "
            "centrality's respondents (its visitors, or those interviewed there) who say the "
            "group is missing (%, 95 % interval). Gap score = missing share × deficit (0–1): "
            "40 % miss it and half the usual supply → 0.20. Gaps (score > 0) are ranked per "
            "centrality. A missing share of fewer than 11 respondents is not published (no "
            "score); under 30 it is flagged low precision. Indicators: offer_gap_<group> and "
            "offer_gap_rank_<group> per centrality.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_run_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.DOMAIN, self.tr("Respondents of a centrality"),
            [self.tr("Its visitors (at least monthly)"),
             self.tr("Those interviewed there")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Inventory campaign (empty = the latest)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WALK_MINUTES, self.tr("Walking catchment (minutes)"),
            QgsProcessingParameterNumber.Double, defaultValue=10.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Without a catchment: population within (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=800.0, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.SERVICES, self.tr("Count the BPE non-commercial services"),
            defaultValue=True)))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP, self.tr("Gaps listed in the log per centrality"),
            QgsProcessingParameterNumber.Integer, defaultValue=3, minValue=0))
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT, self.tr("Supply and missing shares per centrality "
                                                  "and activity group"))
        add_table_sink(self, self.OUTPUT_RANKED, self.tr("Ranked gaps"))
        self.addOutput(QgsProcessingOutputNumber("GAPS", self.tr("Gaps found")))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", self.tr("Indicators written")))

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            feedback.setProgress(10)
            campaign = self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
            outcome = sg.compute(
                conn, run=self.run_reference(parameters, context),
                domain=DOMAINS[self.parameterAsEnum(parameters, self.DOMAIN, context)],
                campaign_name=campaign or None,
                walk_minutes=self.parameterAsDouble(parameters, self.WALK_MINUTES, context),
                fallback_distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
                services=self.parameterAsBool(parameters, self.SERVICES, context))
            self.log_notes(feedback, outcome.notes)
            feedback.setProgress(60)
            self.stop_if_canceled(feedback)
            if self.parameterAsBool(parameters, self.WRITE, context):
                sg.write(conn, outcome)
                feedback.pushInfo(self.tr("{n} indicators written").format(
                    n=outcome.indicators))
        finally:
            conn.close()
        top = self.parameterAsInt(parameters, self.TOP, context)
        ranked = outcome.ranked
        for name, rows in ranked[ranked["rank"] <= top].groupby("centrality_name", sort=False):
            gaps = "; ".join(self.tr(
                "{rank}. {group} (score {score:.2f}: {missing:.0f} % miss it, density "
                "{density:.2f} vs {median:.2f} per 1 000)").format(
                    rank=int(r.rank), group=r.activity_group, score=r.gap_score,
                    missing=r.missing_share, density=r.density, median=r.median_density)
                for r in rows.itertuples(index=False))
            feedback.pushInfo(self.tr("{centrality}: {gaps}").format(centrality=name,
                                                                      gaps=gaps))
        dest = write_frame(self, parameters, self.OUTPUT, context, outcome.table, kinds=KINDS,
                           feedback=feedback)
        ranked_dest = write_frame(self, parameters, self.OUTPUT_RANKED, context, ranked,
                                  kinds=KINDS, feedback=feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.OUTPUT_RANKED: ranked_dest, "GAPS": len(ranked),
                "INDICATORS": outcome.indicators}
