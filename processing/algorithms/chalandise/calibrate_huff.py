"""observatoire:calibrate_huff - maximum-likelihood exponents of the Huff model from observed
choices (e.g. survey answers 'where do you buy X' with the respondents' home locations)."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ....i18n import qgis_locale
from ....jobs import huff
from ....survey_forms.questionnaire import PURCHASE_CATEGORIES
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, polygon_targets, read_source, source_of
from ...outputs import write_rows
from . import huff_inputs as hi


def _key(v) -> str:
    return str(v).strip().casefold()


class CalibrateHuff(JobAlgorithm):
    ALG_ID = "calibrate_huff"
    GROUP = "chalandise"
    OBSERVATIONS = "OBSERVATIONS"
    CHOICE = "CHOICE_FIELD"
    PURCHASE = "PURCHASE"
    HOME_ZONES = "HOME_ZONES"
    ZONE_CODE = "ZONE_CODE_FIELD"
    FIT_ALPHA = "FIT_ALPHA"
    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Calibrate the Huff model")

    def shortHelpString(self):
        return self.tr(
            "Estimates the Huff exponents alpha (attractiveness) and beta (distance decay) by "
            "maximum likelihood from observed choices: a point layer of respondents' home "
            "locations (e.g. questionnaire answers) with a field naming the destination each "
            "one chose (matched, ignoring case, to the destination identifier field, or to "
            "the centralities' names or uuids). The model is a conditional logit with "
            "utility alpha ln A_j + ln f(d_ij); LL = sum of ln P(chosen). Maximised with "
            "L-BFGS-B; standard errors from the inverse Fisher information; pseudo-R² = "
            "1 - LL / LL0 (McFadden), LL0 = every available destination equally likely. "
            "Answers naming no known destination, or an unavailable one, are skipped with a "
            "warning. Without the alpha option alpha stays at the given value (needed when "
            "every destination has the same attractiveness). Cost and decay as in the Huff "
            "market shares algorithm.\n\n"
            "Questionnaire answers instead of a layer: choose a purchase category. Each "
            "response answering in which centrality it buys that category (the follow-up of "
            "“town centre” or “neighbourhood”) is one observed choice among the centralities "
            "(leave the destinations empty). The respondent's home is their IRIS (home_iris) "
            "when the home zones layer has that code, else their commune (home_commune): the "
            "population-weighted centre of the population grid cells whose centre lies in the "
            "zone, or the zone's centroid when no populated cell does. Answers bought "
            "elsewhere, outside a centrality, from an unknown home zone or naming an unknown "
            "centrality code are counted in the log and skipped.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        hi.add_destination_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.OBSERVATIONS, self.tr("Observed choices (respondents' homes)"),
            [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CHOICE, self.tr("Field naming the chosen destination"),
            parentLayerParameterName=self.OBSERVATIONS, optional=True))
        french = qgis_locale() == "fr"
        self.addParameter(QgsProcessingParameterEnum(
            self.PURCHASE, self.tr("Or: questionnaire answers for the purchase category"),
            [self.tr("(none: use the observed choices layer)")]
            + [fr if french else en for _code, fr, en, _group in PURCHASE_CATEGORIES],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HOME_ZONES, self.tr("Home zones of the respondents (IRIS or communes)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_CODE, self.tr("Zone code field (INSEE IRIS or commune code)"),
            parentLayerParameterName=self.HOME_ZONES, optional=True))
        hi.add_cost_parameters(self)
        self.addParameter(QgsProcessingParameterBoolean(
            self.FIT_ALPHA, self.tr("Estimate alpha"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("Alpha when not estimated"), QgsProcessingParameterNumber.Double,
            defaultValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Calibration report"), QgsProcessing.TypeVector,
            optional=True, createByDefault=True))
        for key, label in (("ALPHA_ESTIMATE", self.tr("alpha")), ("BETA", self.tr("beta")),
                           ("SE_ALPHA", self.tr("Standard error of alpha")),
                           ("SE_BETA", self.tr("Standard error of beta")),
                           ("LOG_LIKELIHOOD", self.tr("Log-likelihood")),
                           ("NULL_LOG_LIKELIHOOD", self.tr("Null log-likelihood")),
                           ("PSEUDO_R2", self.tr("Pseudo-R² (McFadden)")),
                           ("N", self.tr("Observations used")),
                           ("SKIPPED", self.tr("Observations skipped"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        purchase = self.parameterAsEnum(parameters, self.PURCHASE, context)
        has_layer = parameters.get(self.OBSERVATIONS) not in (None, "")
        if has_layer == (purchase > 0):
            return False, self.tr(
                "Give either a layer of observed choices (with its choice field) or a purchase "
                "category of the questionnaire (with the home zones), not both.")
        if has_layer and not self.parameterAsString(parameters, self.CHOICE, context):
            return False, self.tr("Choose the field naming the chosen destination.")
        if purchase > 0:
            if parameters.get(hi.DESTINATIONS) not in (None, ""):
                return False, self.tr(
                    "Questionnaire answers name centralities: leave the destinations empty.")
            if parameters.get(self.HOME_ZONES) in (None, ""):
                return False, self.tr(
                    "Questionnaire answers give home IRIS and communes, not points: give the "
                    "home zones layer (IRIS or communes) and its code field.")
            if not self.parameterAsString(parameters, self.ZONE_CODE, context):
                return False, self.tr("Choose the zone code field of the home zones layer.")
        return super().checkParameterValues(parameters, context)

    def run_job(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        purchase = self.parameterAsEnum(parameters, self.PURCHASE, context)
        dest = hi.destinations(self, conn, parameters, context, feedback, crs)
        if purchase == 0:
            obs_x, obs_y, chosen = self._layer_choices(parameters, context, feedback, crs,
                                                       dest)
            pre_skipped = 0
        else:
            obs_x, obs_y, chosen, pre_skipped = self._survey_choices(
                conn, PURCHASE_CATEGORIES[purchase - 1][0], parameters, context, feedback,
                crs, dest)
        cost, unit, min_cost = hi.cost_matrix(self, conn, parameters, context, feedback,
                                              obs_x, obs_y, dest)
        fit_alpha = self.parameterAsBool(parameters, self.FIT_ALPHA, context)
        fit, keep = huff.calibrate(
            dest, cost, chosen, decay=hi.DECAYS[self.parameterAsEnum(parameters, hi.DECAY,
                                                                    context)],
            min_cost=min_cost, fit_alpha=fit_alpha,
            alpha=self.parameterAsDouble(parameters, self.ALPHA, context),
            warn=lambda message: feedback.reportError(message, False))
        if not fit.converged:
            feedback.reportError(self.tr("The optimisation did not converge: {message}").format(
                message=fit.message), False)
        feedback.pushInfo(self.tr(
            "alpha = {alpha:.4f} (s.e. {se_a}), beta = {beta:.4f} (s.e. {se_b:.4f}), "
            "log-likelihood {ll:.2f}, pseudo-R² {r2:.3f}, n = {n} (cost in {unit})").format(
                alpha=fit.alpha, se_a=f"{fit.std_error['alpha']:.4f}" if fit_alpha else "-",
                beta=fit.beta, se_b=fit.std_error["beta"], ll=fit.log_likelihood,
                r2=fit.pseudo_r2, n=fit.n_observations, unit=unit))
        results = {"ALPHA_ESTIMATE": fit.alpha, "BETA": fit.beta,
                   "SE_ALPHA": fit.std_error.get("alpha"), "SE_BETA": fit.std_error["beta"],
                   "LOG_LIKELIHOOD": fit.log_likelihood,
                   "NULL_LOG_LIKELIHOOD": fit.null_log_likelihood, "PSEUDO_R2": fit.pseudo_r2,
                   "N": fit.n_observations, "SKIPPED": int((~keep).sum()) + pre_skipped}
        report = [("alpha", fit.alpha, fit.std_error.get("alpha")),
                  ("beta", fit.beta, fit.std_error["beta"]),
                  ("log_likelihood", fit.log_likelihood, None),
                  ("null_log_likelihood", fit.null_log_likelihood, None),
                  ("pseudo_r2", fit.pseudo_r2, None), ("n", fit.n_observations, None),
                  ("skipped", int((~keep).sum()) + pre_skipped, None),
                  ("converged", int(fit.converged), None), ("min_cost", min_cost, None)]
        dest = write_rows(self, parameters, self.OUTPUT, context,
                          (("statistic", QVariant.String), ("value", QVariant.Double),
                           ("std_error", QVariant.Double)),
                          [(stat, float(v), se) for stat, v, se in report])
        if dest is not None:
            results[self.OUTPUT] = dest
        return results

    def _layer_choices(self, parameters, context, feedback, crs, dest) -> tuple:
        """Homes and chosen destinations from a point layer and its choice field."""
        field = self.parameterAsString(parameters, self.CHOICE, context)
        lookup = {}
        for j, (name, uid) in enumerate(zip(dest.name, dest.uuid)):
            for k in (name, uid):
                if k is not None:
                    lookup.setdefault(_key(k), j)
        source = source_of(self, parameters, self.OBSERVATIONS, context)
        obs = read_source(source, crs, context, [field])
        chosen = np.array([lookup.get(_key(v), -1) if v is not None else -1
                           for v in obs[field]], dtype=np.int64)
        unknown = sorted({str(v) for v, c in zip(obs[field], chosen) if c < 0})
        if unknown:
            feedback.reportError(self.tr(
                "{n} observations name no known destination and are skipped: {values}").format(
                    n=int((chosen < 0).sum()), values=", ".join(unknown[:10])), False)
        return obs["x"], obs["y"], chosen

    def _survey_choices(self, conn, category, parameters, context, feedback, crs,
                        dest) -> tuple:
        """Homes (zone centres), chosen centralities and the number of answers naming a
        centrality but skipped (:func:`jobs.huff.survey_choices`)."""
        field = self.parameterAsString(parameters, self.ZONE_CODE, context)
        targets, names, _geoms = polygon_targets(
            source_of(self, parameters, self.HOME_ZONES, context), field, crs, context,
            feedback)
        zones = {}  # code → polygons (features sharing a code are one zone)
        for fid, rings in targets.items():
            zones.setdefault(names[fid].strip(), []).extend(rings)
        return huff.survey_choices(conn, category, zones, dest, info=feedback.pushInfo,
                                   warn=lambda message: feedback.reportError(message, False))
