"""observatoire:offer_flows_typologies - offer × flows × consumption types per centrality."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterString

from ....jobs import survey_visitor_types as svt
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter, advanced
from .survey_common import TYPOLOGY, SurveyAlgorithm

KINDS = typed_kinds(ints=("premises", "shops", "groups", "type", "respondents"),
                    doubles=("vacancy_rate", "shannon", "footfall", "share", "ci_low",
                             "ci_high", "territory_share", "index"),
                    strings=("centrality", "centrality_uuid", "type_name", "verdict",
                             "reason"), bools=("low_precision",))


class OfferFlowsTypologies(SurveyAlgorithm):
    ALG_ID = "offer_flows_typologies"
    NEEDS = TYPOLOGY
    TYPOLOGY_RUN = "TYPOLOGY_RUN"
    CAMPAIGN = "CAMPAIGN"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Offer × flows × consumption types")

    def shortHelpString(self):
        return self.tr(
            "Per centrality: its offer in the inventory campaign (latest unless named): "
            "premises, shops (occupied, known activity group), vacancy rate (%), activity "
            "groups and Shannon diversity H = −Σ p ln p; its footfall (latest yearly mean "
            "daily passages per counter of Footfall per centrality); and the mix of "
            "consumption types (latest typology unless named) among its visitors (who come at "
            "least monthly) against the territory's: share of each type among the visitors "
            "(%, 95 % interval), the territory's share, index = 100 × share / territory "
            "share, and the verdict: attracts the type when the interval lies above the "
            "territory's share, fails to attract it when below, like the territory "
            "otherwise. Publication rules: fewer than 11 visitor respondents, no share, index "
            "nor verdict; under 30, low precision. Indicator: typology_attraction_type<k> "
            "(index) per centrality.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(advanced(QgsProcessingParameterString(
            self.TYPOLOGY_RUN, self.tr("Typology run (name or uuid; empty = the latest)"),
            optional=True)))
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Inventory campaign (empty = the latest)"), optional=True))
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT, self.tr("Offer, flows and consumption types per "
                                                  "centrality"))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", self.tr("Indicators written")))

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            feedback.setProgress(10)
            typology = self.parameterAsString(parameters, self.TYPOLOGY_RUN, context).strip()
            campaign = self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
            outcome = svt.compute(conn, typology=typology or None, campaign_name=campaign
                                  or None)
            self.log_notes(feedback, outcome.notes)
            feedback.setProgress(60)
            self.stop_if_canceled(feedback)
            if self.parameterAsBool(parameters, self.WRITE, context):
                svt.write(conn, outcome)
                feedback.pushInfo(self.tr("{n} indicators written").format(
                    n=outcome.indicators))
        finally:
            conn.close()
        table = outcome.table
        for verdict, text in ((svt.ATTRACTS, self.tr("attracts")),
                              (svt.FAILS, self.tr("fails to attract"))):
            hits = table[table["verdict"] == verdict]
            for r in hits.itertuples(index=False):
                feedback.pushInfo(self.tr("{centrality} {verdict} type {k} ({name}): {share:.1f} "
                                          "% of its visitors, {territory:.1f} % in the "
                                          "territory.").format(
                    centrality=r.centrality, verdict=text, k=r.type, name=r.type_name,
                    share=r.share, territory=r.territory_share))
        dest = write_frame(self, parameters, self.OUTPUT, context, table, kinds=KINDS,
                           feedback=feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "INDICATORS": outcome.indicators}
