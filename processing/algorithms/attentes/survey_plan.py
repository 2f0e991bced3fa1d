"""observatoire:survey_plan - quotas of the next survey wave and the progress of the current one."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ....jobs import survey_planning as spl
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, advanced
from .survey_common import NOTHING, SurveyAlgorithm

KINDS = typed_kinds(ints=("quota", "received", "remaining"),
                    doubles=("population", "completion", "half_width"),
                    strings=("centrality", "name", "age_band"))
PER = ("centrality", "territory")


class SurveyPlan(SurveyAlgorithm):
    ALG_ID = "survey_plan"
    NEEDS = NOTHING
    HALF_WIDTH = "HALF_WIDTH"
    LEVEL = "LEVEL"
    PROPORTION = "PROPORTION"
    DESIGN_EFFECT = "DESIGN_EFFECT"
    DISTANCE = "DISTANCE"
    PER_PARAM = "PER"
    TOTAL = "TOTAL"
    OUTPUT_QUOTAS = "OUTPUT_QUOTAS"
    OUTPUT_TARGETS = "OUTPUT_TARGETS"

    def displayName(self):
        return self.tr("Plan the next survey wave")

    def shortHelpString(self):
        return self.tr(
            "Quotas per centrality × age band for a target precision: the sample size to "
            "estimate a proportion p within ± e points at the confidence level, n0 = z² p "
            "(1 − p) / e² × deff (z = 1.96 at 95 %; p = 50 % is the worst case; deff: the "
            "given design effect, 0 = that of the latest weighting run, else 1), then n = "
            "⌈n0 / (1 + (n0 − 1) / N)⌉ for a population N. Per centrality (the precision is "
            "reached in each one) or for the territory as a whole; each n is split across the "
            "age bands in proportion to their population, rounded by largest remainder so the "
            "quotas sum to n. Population: persons aged 15 and over of the grid cells whose "
            "centre lies within the distance of the centrality, split into the "
            "questionnaire's age bands (ages spread evenly within the Filosofi bands). During "
            "a wave, the street interviews received per centrality and age band against the "
            "quotas: remaining = max(0, quota − received), completion = received / quota "
            "(%), with totals per centrality and for the wave.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.HALF_WIDTH, self.tr("Target precision (± points)"),
            QgsProcessingParameterNumber.Double, defaultValue=5.0, minValue=0.1,
            maxValue=50.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, self.tr("Confidence level (%)"), QgsProcessingParameterNumber.Double,
            defaultValue=95.0, minValue=50.0, maxValue=99.9))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.PROPORTION, self.tr("Expected proportion (%)"),
            QgsProcessingParameterNumber.Double, defaultValue=50.0, minValue=1.0,
            maxValue=99.0)))
        self.addParameter(QgsProcessingParameterNumber(
            self.DESIGN_EFFECT, self.tr("Design effect (0 = the latest weighting run's)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Population within (m) of each centrality"),
            QgsProcessingParameterNumber.Double, defaultValue=500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.PER_PARAM, self.tr("Precision reached"),
            [self.tr("In each centrality"), self.tr("For the territory as a whole")],
            defaultValue=0))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TOTAL, self.tr("Territory sample size (0 = from the precision)"),
            QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0)))
        add_table_sink(self, self.OUTPUT_QUOTAS, self.tr("Quotas and progress"))
        add_table_sink(self, self.OUTPUT_TARGETS, self.tr("Sample size per centrality"))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_QUOTA", self.tr("Total quota")))
        self.addOutput(QgsProcessingOutputNumber("RECEIVED", self.tr("Responses received")))
        self.addOutput(QgsProcessingOutputNumber("DESIGN_EFFECT_USED",
                                                 self.tr("Design effect used")))

    def checkParameterValues(self, parameters, context):
        deff = self.parameterAsDouble(parameters, self.DESIGN_EFFECT, context)
        if deff and deff < 1:
            return False, self.tr("A design effect is 1 or more (0 = the latest weighting "
                                  "run's), not {deff}.").format(deff=deff)
        per = PER[self.parameterAsEnum(parameters, self.PER_PARAM, context)]
        if per == "centrality" and self.parameterAsInt(parameters, self.TOTAL, context):
            return False, self.tr("A given sample size applies to the territory as a whole: "
                                  "choose “For the territory as a whole”, or leave it at 0.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            feedback.setProgress(10)
            deff = self.parameterAsDouble(parameters, self.DESIGN_EFFECT, context) or None
            outcome = spl.compute(
                conn, half_width=self.parameterAsDouble(parameters, self.HALF_WIDTH,
                                                        context) / 100.0,
                level=self.parameterAsDouble(parameters, self.LEVEL, context) / 100.0,
                p=self.parameterAsDouble(parameters, self.PROPORTION, context) / 100.0,
                design_effect=deff,
                distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
                per=PER[self.parameterAsEnum(parameters, self.PER_PARAM, context)],
                total=self.parameterAsInt(parameters, self.TOTAL, context) or None)
        finally:
            conn.close()
        feedback.setProgress(60)
        self.stop_if_canceled(feedback)
        self.log_notes(feedback, outcome.notes)
        total = int(outcome.targets["quota"].sum())
        feedback.pushInfo(self.tr("{total} interviews in all; {received} received so "
                                  "far.").format(total=total, received=outcome.received))
        quotas = write_frame(self, parameters, self.OUTPUT_QUOTAS, context, outcome.quotas,
                             kinds=KINDS, feedback=feedback)
        targets = write_frame(self, parameters, self.OUTPUT_TARGETS, context, outcome.targets,
                              kinds=KINDS, feedback=feedback)
        feedback.setProgress(100)
        return {self.OUTPUT_QUOTAS: quotas, self.OUTPUT_TARGETS: targets, "TOTAL_QUOTA": total,
                "RECEIVED": outcome.received, "DESIGN_EFFECT_USED": outcome.design_effect}
