"""observatoire:weight_survey - rake the questionnaire answers to population margins."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ....jobs import survey_weighting as sw
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...parameters import add_table_sink, advanced, split_list
from .survey_common import ANSWERS, SurveyAlgorithm

OUTSIDE_CHOICES = (sw.LEAVE_OUT, sw.REFUSE)


class WeightSurvey(SurveyAlgorithm):
    ALG_ID = "weight_survey"
    NEEDS = ANSWERS
    AGE = "AGE_MARGIN"
    ZONE = "ZONE_MARGIN"
    EXTRA = "EXTRA_MARGINS"
    LOWER = "LOWER_BOUND"
    UPPER = "UPPER_BOUND"
    TRIM_LOWER = "TRIM_LOWER"
    TRIM_UPPER = "TRIM_UPPER"
    TOLERANCE = "TOLERANCE"
    MAX_ITERATIONS = "MAX_ITERATIONS"
    HARMONISE = "HARMONISE"
    OUTSIDE = "OUTSIDE"
    NAME = "NAME"
    OUTPUT = "OUTPUT"
    OUTPUT_MARGINS = "OUTPUT_MARGINS"

    def displayName(self):
        return self.tr("Weight the survey answers")

    def shortHelpString(self):
        return self.tr(
            "Calibrates a weight for each questionnaire response by raking (iterative "
            "proportional fitting, as R's survey::rake) to population margins of persons aged "
            "15 and over: home zone (the IRIS or commune of the home zones layer: population "
            "of the grid cells whose centre lies in the zone; a response's zone is its home "
            "IRIS when the layer has it, else its home commune), age band (the grid's Filosofi "
            "age columns split into the questionnaire's bands, ages spread evenly within a "
            "band, e.g. 15–24 = 3/7 × 11–17 + 18–24) and any further margin named from the "
            "editable survey_margins table (its latest year; an age_band or home_zone margin "
            "there replaces the grid's). Each sweep multiplies the weights of a margin's "
            "category by population / weighted total; raking stops when no cell total moves by "
            "more than tolerance × respondents. Weight bounds L and U (ratios to the base "
            "weight rescaled to the population, N / n; 0 = none) give bounded raking (as "
            "survey::calibrate, calfun raking): the margins are still met exactly. Trimming "
            "bounds (persons; 0 = none) act after raking, as R's trimWeights: a weight below "
            "the lower or above the upper bound is set to it and the amount removed or added "
            "is spread equally over the other weights (the total is kept, the margins are no "
            "longer met exactly: the report and the margins table give the trimmed weights' "
            "totals, range, design effect and effective sample size). Margins of different "
            "totals are scaled to the "
            "first one's. Respondents living outside the zones are left out of the weighting "
            "(no weight) or the run is refused. Report: convergence, sweeps, weight range, "
            "design effect deff = 1 + CV² (Kish) and effective sample size n / deff. The run, "
            "its margins and the weight of each response are stored (several runs coexist; "
            "analyses use the latest unless told). An empty margin cell, a zone with "
            "respondents but no population or non-convergence stops the run with a message, "
            "and nothing is written.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_home_zones_parameters()
        self.addParameter(QgsProcessingParameterBoolean(
            self.ZONE, self.tr("Rake to the home zones"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.AGE, self.tr("Rake to the age bands"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.EXTRA, self.tr("Further margins from the survey_margins table (e.g. gender, "
                                "occupation; separated by commas)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.LOWER, self.tr("Lower bound of the weight ratios (0 = none)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.UPPER, self.tr("Upper bound of the weight ratios (0 = none)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TRIM_LOWER, self.tr("Trim the weights after raking: lower bound (persons; "
                                     "0 = none)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TRIM_UPPER, self.tr("Trim the weights after raking: upper bound (persons; "
                                     "0 = none)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Convergence tolerance (fraction of the respondents)"),
            QgsProcessingParameterNumber.Double, defaultValue=1e-6, minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MAX_ITERATIONS, self.tr("Most sweeps over the margins"),
            QgsProcessingParameterNumber.Integer, defaultValue=200, minValue=1)))
        self.addParameter(advanced(QgsProcessingParameterBoolean(
            self.HARMONISE, self.tr("Scale margins of other totals to the first one's"),
            defaultValue=True)))
        self.addParameter(QgsProcessingParameterEnum(
            self.OUTSIDE, self.tr("Respondents living outside the home zones"),
            [self.tr("Leave them out of the weighting"), self.tr("Refuse to weight")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.NAME, self.tr("Name of the weighting run"), optional=True))
        add_table_sink(self, self.OUTPUT, self.tr("Survey weights"))
        add_table_sink(self, self.OUTPUT_MARGINS, self.tr("Margins met"), optional=True)
        self.addOutput(QgsProcessingOutputString("RUN", self.tr("Weighting run (uuid)")))
        for key, label in (("RESPONDENTS", self.tr("Respondents weighted")),
                           ("LEFT_OUT", self.tr("Respondents left out")),
                           ("ITERATIONS", self.tr("Sweeps")),
                           ("WEIGHT_MIN", self.tr("Smallest weight")),
                           ("WEIGHT_MAX", self.tr("Largest weight")),
                           ("DESIGN_EFFECT", self.tr("Design effect (1 + CV²)")),
                           ("EFFECTIVE_SAMPLE_SIZE", self.tr("Effective sample size"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        lower = self.parameterAsDouble(parameters, self.LOWER, context)
        upper = self.parameterAsDouble(parameters, self.UPPER, context)
        if upper and upper < 1:
            return False, self.tr("The upper bound of the weight ratios must be 1 or more "
                                  "(or 0 for none), not {upper}.").format(upper=upper)
        if lower and upper and lower >= upper:
            return False, self.tr("The lower bound must be below the upper bound.")
        trim_lower = self.parameterAsDouble(parameters, self.TRIM_LOWER, context)
        trim_upper = self.parameterAsDouble(parameters, self.TRIM_UPPER, context)
        if trim_lower and trim_upper and trim_lower >= trim_upper:
            return False, self.tr("The lower trimming bound ({lower}) must be below the upper "
                                  "one ({upper}).").format(lower=trim_lower, upper=trim_upper)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        if not 0 < tolerance < 1:
            return False, self.tr("The tolerance must be between 0 and 1 (e.g. 0.000001), not "
                                  "{value}.").format(value=tolerance)
        if not (self.parameterAsBool(parameters, self.ZONE, context)
                or self.parameterAsBool(parameters, self.AGE, context)
                or split_list(self.parameterAsString(parameters, self.EXTRA, context))):
            return False, self.tr("Choose at least one margin to weight the answers to.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        finally:
            conn.close()

    def _run(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        use_zone = self.parameterAsBool(parameters, self.ZONE, context)
        zones = self.home_zones(parameters, context, feedback, crs) if use_zone else None
        lower = self.parameterAsDouble(parameters, self.LOWER, context)
        upper = self.parameterAsDouble(parameters, self.UPPER, context)
        bounds = (lower, upper or float("inf")) if lower or upper else None
        feedback.setProgress(10)

        outcome = sw.weight_answers(
            conn, zones=zones, use_age=self.parameterAsBool(parameters, self.AGE, context),
            use_zone=use_zone,
            extra=split_list(self.parameterAsString(parameters, self.EXTRA, context)),
            bounds=bounds, tolerance=self.parameterAsDouble(parameters, self.TOLERANCE,
                                                            context),
            max_iterations=self.parameterAsInt(parameters, self.MAX_ITERATIONS, context),
            harmonise=self.parameterAsBool(parameters, self.HARMONISE, context),
            outside=OUTSIDE_CHOICES[self.parameterAsEnum(parameters, self.OUTSIDE, context)],
            name=self.parameterAsString(parameters, self.NAME, context).strip() or None,
            trim=(self.parameterAsDouble(parameters, self.TRIM_LOWER, context),
                  self.parameterAsDouble(parameters, self.TRIM_UPPER, context)),
            write=False)
        feedback.setProgress(60)
        self.stop_if_canceled(feedback)
        sw.store(conn, outcome)
        self.log_notes(feedback, outcome.notes)
        report = outcome.report
        feedback.pushInfo(self.tr(
            "Raking converged in {sweeps} sweeps: {n} respondents weighted, weights from "
            "{low:.2f} to {high:.2f} persons, design effect {deff:.3f}, effective sample size "
            "{neff:.1f}.").format(sweeps=report.iterations, n=report.respondents,
                                  low=report.weight_min, high=report.weight_max,
                                  deff=report.design_effect,
                                  neff=report.effective_sample_size))
        feedback.setProgress(80)
        weights = outcome.weights.copy()
        weights["ratio"] = weights["weight"] / (report.population / report.respondents)
        dest = write_frame(self, parameters, self.OUTPUT, context, weights, feedback=feedback)
        margins = outcome.margins.copy()
        margins["year"] = pd.to_numeric(margins["year"], errors="coerce").astype("Int64")
        margins_dest = write_frame(self, parameters, self.OUTPUT_MARGINS, context, margins,
                                   feedback=feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.OUTPUT_MARGINS: margins_dest,
                "RUN": outcome.run_uuid, "RESPONDENTS": report.respondents,
                "LEFT_OUT": len(outcome.left_out), "ITERATIONS": report.iterations,
                "WEIGHT_MIN": report.weight_min, "WEIGHT_MAX": report.weight_max,
                "DESIGN_EFFECT": report.design_effect,
                "EFFECTIVE_SAMPLE_SIZE": report.effective_sample_size}
