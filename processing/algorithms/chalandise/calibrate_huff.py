"""observatoire:calibrate_huff - maximum-likelihood exponents of the Huff model from observed
choices (e.g. survey answers 'where do you buy X' with the respondents' home locations)."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ....analysis.huff import calibrate_huff
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import write_rows
from ..base import ObservatoireAlgorithm
from . import huff_inputs as hi


def _key(v) -> str:
    return str(v).strip().casefold()


class CalibrateHuff(ObservatoireAlgorithm):
    ALG_ID = "calibrate_huff"
    GROUP = "chalandise"
    OBSERVATIONS = "OBSERVATIONS"
    CHOICE = "CHOICE_FIELD"
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
            "market shares algorithm.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        hi.add_destination_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.OBSERVATIONS, self.tr("Observed choices (respondents' homes)"),
            [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.CHOICE, self.tr("Field naming the chosen destination"),
            parentLayerParameterName=self.OBSERVATIONS))
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

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        finally:
            conn.close()

    def _run(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        dest = hi.destinations(self, conn, parameters, context, feedback, crs)
        lookup = {}
        for j, (name, uid) in enumerate(zip(dest["name"], dest["uuid"])):
            for k in (name, uid):
                if k is not None:
                    lookup.setdefault(_key(k), j)
        source = source_of(self, parameters, self.OBSERVATIONS, context)
        field = self.parameterAsString(parameters, self.CHOICE, context)
        obs = read_source(source, crs, context, [field])
        chosen = np.array([lookup.get(_key(v), -1) if v is not None else -1
                           for v in obs[field]], dtype=np.int64)
        unknown = sorted({str(v) for v, c in zip(obs[field], chosen) if c < 0})
        if unknown:
            feedback.reportError(self.tr(
                "{n} observations name no known destination and are skipped: {values}").format(
                    n=int((chosen < 0).sum()), values=", ".join(unknown[:10])), False)
        cost, unit, min_cost = hi.cost_matrix(self, conn, parameters, context, feedback,
                                              obs["x"], obs["y"], dest)
        keep = chosen >= 0
        rows = np.flatnonzero(keep)
        available = np.isfinite(cost[rows, chosen[rows]]) & (dest["attractiveness"][chosen[rows]]
                                                              > 0)
        if (~available).any():
            feedback.reportError(self.tr(
                "{n} observations chose a destination unavailable to them (no network path "
                "or zero attractiveness) and are skipped.").format(n=int((~available).sum())),
                False)
            keep[rows[~available]] = False
        if keep.sum() < 2:
            raise QgsProcessingException(self.tr(
                "Fewer than two usable observed choices: nothing to calibrate."))
        fit_alpha = self.parameterAsBool(parameters, self.FIT_ALPHA, context)
        decay = hi.DECAYS[self.parameterAsEnum(parameters, hi.DECAY, context)]
        try:
            fit = calibrate_huff(dest["attractiveness"], cost[keep], chosen[keep], decay=decay,
                                 min_cost=min_cost, fit_alpha=fit_alpha,
                                 alpha=self.parameterAsDouble(parameters, self.ALPHA, context))
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from exc
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
                   "N": fit.n_observations, "SKIPPED": int((~keep).sum())}
        report = [("alpha", fit.alpha, fit.std_error.get("alpha")),
                  ("beta", fit.beta, fit.std_error["beta"]),
                  ("log_likelihood", fit.log_likelihood, None),
                  ("null_log_likelihood", fit.null_log_likelihood, None),
                  ("pseudo_r2", fit.pseudo_r2, None), ("n", fit.n_observations, None),
                  ("skipped", int((~keep).sum()), None),
                  ("converged", int(fit.converged), None), ("min_cost", min_cost, None)]
        dest = write_rows(self, parameters, self.OUTPUT, context,
                          (("statistic", QVariant.String), ("value", QVariant.Double),
                           ("std_error", QVariant.Double)),
                          [(stat, float(v), se) for stat, v, se in report])
        if dest is not None:
            results[self.OUTPUT] = dest
        return results
