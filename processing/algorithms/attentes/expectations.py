"""observatoire:expectations - indicator 12: satisfaction and expectations of the population."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber

from ....jobs import survey_expectations as se
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter
from .survey_common import SurveyAlgorithm

KINDS = typed_kinds(ints=("respondents",), doubles=("value", "ci_low", "ci_high"),
                    strings=("domain", "domain_name", "centrality_uuid", "reason"),
                    bools=("low_precision",))


class Expectations(SurveyAlgorithm):
    ALG_ID = "expectations"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Expectations of the population")

    def shortHelpString(self):
        return self.tr(
            "Indicator 12 from the weighted questionnaire answers (latest weighting run unless "
            "named). For each satisfaction item: weighted mean score (1–5) and share satisfied "
            "(score 4 or 5, %); weighted shares (%) of the activity groups said to be missing, "
            "of the priorities, of the opening-hours wishes (asked to those scoring opening "
            "hours 1 or 2), of each level of interest in local producers (and very or somewhat "
            "interested), of each short-circuit frequency and of the wished channels (asked to "
            "those interested). Mean ȳ = Σ w y / Σ w over the respondents who answered; 95 % "
            "interval ȳ ± 1.96 SE with the linearisation variance of the raking (as R's "
            "survey::svymean); share intervals are clipped to 0–100 %. Domains: the whole "
            "territory; each centrality's visitors (who come at least monthly) and the "
            "respondents interviewed there; each age band, occupation, household with or "
            "without children, with or without a car, and home zone. Publication rules: a "
            "cell of fewer than 11 respondents has no value (the reason is given) and is never "
            "written to the indicators table; under 30 it is flagged low precision. "
            "Indicators: expect_<figure> (territory), expect_<figure>__visitors and "
            "__interviewed (centrality), expect_<figure>__<group>_<value> (population "
            "groups), expect_<figure>__home_zone_<zone>, with the interval, the respondents "
            "and the low-precision flag.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_run_parameter()
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT, self.tr("Expectations"))
        for key, label in (("INDICATORS", self.tr("Indicators written")),
                           ("SUPPRESSED", self.tr("Cells not published (fewer than 11 "
                                                  "respondents)")),
                           ("LOW_PRECISION", self.tr("Cells of low precision (fewer than 30 "
                                                     "respondents)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            feedback.setProgress(5)
            outcome = se.compute(conn, run=self.run_reference(parameters, context))
            if outcome.weighted.note:
                feedback.pushWarning(outcome.weighted.note)
            feedback.setProgress(60)
            self.stop_if_canceled(feedback)
            written = 0
            if self.parameterAsBool(parameters, self.WRITE, context):
                written = se.write(conn, outcome)
                feedback.pushInfo(self.tr("{n} indicators written").format(n=written))
        finally:
            conn.close()
        table = outcome.table
        suppressed = int(table["reason"].notna().sum())
        low = int((table["low_precision"] & table["reason"].isna()).sum())
        feedback.pushInfo(self.tr("{n} figures: {suppressed} not published (fewer than 11 "
                                  "respondents), {low} of low precision.").format(
                                      n=len(table), suppressed=suppressed, low=low))
        dest = write_frame(self, parameters, self.OUTPUT, context, table, kinds=KINDS,
                           feedback=feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest, "INDICATORS": written, "SUPPRESSED": suppressed,
                "LOW_PRECISION": low}
