"""observatoire:site_potential - weighted multi-criteria score of candidate sites (vacant
premises by default) for a new shop."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ....jobs import site_potential as job
from ....jobs.messages import describe
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import point, write_rows
from ...parameters import add_write_parameter

CRITERIA = job.CRITERIA
DIRECTIONS = job.DIRECTIONS
SIMILARITY = job.SIMILARITY
WEIGHT_TOLERANCE = job.WEIGHT_TOLERANCE


class SitePotential(JobAlgorithm):
    ALG_ID = "site_potential"
    GROUP = "chalandise"
    CANDIDATES = "CANDIDATES"
    CANDIDATE_ID = "CANDIDATE_ID_FIELD"
    ACTIVITY = "ACTIVITY_GROUP"
    DISTANCE = "DISTANCE"
    FOOTFALL_DISTANCE = "FOOTFALL_DISTANCE"
    MINUTES = "CATCHMENT_MINUTES"
    MODE = "CATCHMENT_MODE"
    TARGET = "TARGET_PREMISE"
    SIMILARITY_WEIGHT = "SIMILARITY_WEIGHT"
    OUTPUT = "OUTPUT"
    WRITE = "WRITE_INDICATORS"

    def displayName(self):
        return self.tr("Site potential")

    def shortHelpString(self):
        return self.tr(
            "Scores candidate sites for a new shop: by default the vacant premises of the "
            "latest campaign, or any point layer. Criteria (raw values): footfall = mean daily "
            "passages of the nearest counting site within the footfall distance (pedestrian "
            "channels when any); population = inhabitants reached within N minutes on the "
            "network (population cells assigned to their nearest node within 150 m); "
            "services, transit stops = number within the distance; competitors = occupied "
            "premises of the chosen activity group within the distance (the candidate itself "
            "excluded); parking = sum of the capacities of the parkings within the distance. "
            "Standardisation (min-max over the candidates): more is better s = (x - min) / "
            "(max - min); less is better s = (max - x) / (max - min); ideal value s = max(0, "
            "1 - |x - ideal| / max|x - ideal|); all equal: s = 1; missing: s = 0. Score "
            "(0-100) = sum of weight × s; each criterion's contribution = weight × s, so "
            "contributions add up to the score; rank 1 = best. Weights are percentages that "
            "must sum to 100 (similarity included). A criterion whose data is absent from the "
            "GeoPackage (no counters, no network, no services, no transit stops, no parkings) "
            "is skipped with a warning and the other weights are scaled to 100. Optional "
            "similarity to a target premise (uuid) that performs well: 1 - root mean square "
            "difference of the min-max scaled raw criteria. With the vacant premises as "
            "candidates (the default), each centrality holding scored candidates (premise "
            "inside its polygon) also gets in the indicators table its best score "
            "(site_potential_best_score) and its number of scored candidates "
            "(site_potential_candidates), period = the current year, with the activity group "
            "and the weights; this period's earlier values are replaced.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites (empty = vacant premises of the latest "
                                     "campaign)"), [QgsProcessing.TypeVectorPoint],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CANDIDATE_ID, self.tr("Candidate identifier field"),
            parentLayerParameterName=self.CANDIDATES, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ACTIVITY, self.tr("Activity group of the competitors"),
            defaultValue="alimentaire"))
        for key, label, default in (
                (self.DISTANCE, self.tr("Distance for services, transit, competitors and "
                                        "parking (m)"), 300.0),
                (self.FOOTFALL_DISTANCE, self.tr("Maximum distance to a counting site (m)"),
                 300.0),
                (self.MINUTES, self.tr("Catchment time for the population (min)"), 10.0)):
            self.addParameter(QgsProcessingParameterNumber(
                key, label, QgsProcessingParameterNumber.Double, defaultValue=default,
                minValue=0.01))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Catchment mode"), [self.tr("Walking"), self.tr("Driving")],
            defaultValue=0))
        for key, label, weight, direction in CRITERIA:
            self.addParameter(QgsProcessingParameterNumber(
                f"{key.upper()}_WEIGHT", self.tr("Weight (%): {criterion}").format(
                    criterion=self.tr(label)), QgsProcessingParameterNumber.Double,
                defaultValue=weight, minValue=0.0, maxValue=100.0))
            self.addParameter(QgsProcessingParameterEnum(
                f"{key.upper()}_DIRECTION", self.tr("Direction: {criterion}").format(
                    criterion=self.tr(label)),
                [self.tr("More is better"), self.tr("Less is better"), self.tr("Ideal value")],
                defaultValue=direction))
            ideal = QgsProcessingParameterNumber(
                f"{key.upper()}_IDEAL", self.tr("Ideal value: {criterion}").format(
                    criterion=self.tr(label)), QgsProcessingParameterNumber.Double,
                optional=True)
            ideal.setFlags(ideal.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(ideal)
        self.addParameter(QgsProcessingParameterString(
            self.TARGET, self.tr("Target premise (uuid) for the similarity criterion"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SIMILARITY_WEIGHT, self.tr("Weight (%): similarity to the target premise"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0,
            maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Scored sites"), QgsProcessing.TypeVectorPoint))
        add_write_parameter(self, self.WRITE)

    def _weights(self, parameters, context) -> dict:
        weights = {key: self.parameterAsDouble(parameters, f"{key.upper()}_WEIGHT", context)
                   for key, *_ in CRITERIA}
        weights[SIMILARITY] = self.parameterAsDouble(parameters, self.SIMILARITY_WEIGHT,
                                                     context)
        return weights

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        weights = self._weights(parameters, context)
        total = sum(weights.values())
        if abs(total - 100.0) > WEIGHT_TOLERANCE:
            listing = ", ".join(f"{k}={v:g}" for k, v in weights.items() if v)
            return False, self.tr(
                "The criterion weights must sum to 100 %; they sum to {total} % ({weights}). "
                "Adjust the weights.").format(total=f"{total:g}", weights=listing)
        for key, *_ in CRITERIA:
            direction = self.parameterAsEnum(parameters, f"{key.upper()}_DIRECTION", context)
            if direction == 2 and parameters.get(f"{key.upper()}_IDEAL") in (None, ""):
                return False, self.tr(
                    "Criterion {criterion}: the direction 'ideal value' needs an ideal value "
                    "({parameter}).").format(criterion=key, parameter=f"{key.upper()}_IDEAL")
        if weights[SIMILARITY] > 0 and not self.parameterAsString(parameters, self.TARGET,
                                                                  context).strip():
            return False, self.tr("The similarity criterion has a weight but no target premise "
                                  "is given.")
        return True, ""

    def _candidates(self, conn, parameters, context, crs):
        if parameters.get(self.CANDIDATES) in (None, ""):
            return job.vacant_candidates(conn)
        source = source_of(self, parameters, self.CANDIDATES, context)
        field = self.parameterAsString(parameters, self.CANDIDATE_ID, context)
        data = read_source(source, crs, context, [field] if field else None)
        return job.layer_candidates(data[field] if field else data["fid"], data["x"],
                                    data["y"])

    def _criteria(self, parameters, context, weights) -> list:
        criteria = []
        for key, *_ in CRITERIA:
            direction = DIRECTIONS[self.parameterAsEnum(parameters, f"{key.upper()}_DIRECTION",
                                                        context)]
            ideal = (self.parameterAsDouble(parameters, f"{key.upper()}_IDEAL", context)
                     if direction == "ideal" else None)
            criteria.append(job.Criterion(key, weights[key], direction, ideal))
        return criteria

    def run_job(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        report = self.reporting(feedback)
        sites = self._candidates(conn, parameters, context, crs)
        sites, target, extra = job.add_target(
            conn, sites, self.parameterAsString(parameters, self.TARGET, context))
        raw = job.criteria_values(
            conn, sites, distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            footfall_distance=self.parameterAsDouble(parameters, self.FOOTFALL_DISTANCE,
                                                     context),
            minutes=self.parameterAsDouble(parameters, self.MINUTES, context),
            mode=("walk", "car")[self.parameterAsEnum(parameters, self.MODE, context)],
            activity_group=self.parameterAsString(parameters, self.ACTIVITY, context).strip(),
            **report)
        feedback.setProgress(50)
        weights = self._weights(parameters, context)
        criteria = self._criteria(parameters, context, weights)
        sites, raw, table, notices = job.score(sites, raw, criteria, target=target,
                                               extra=extra,
                                               similarity_weight=weights[SIMILARITY])
        for notice in notices:
            if getattr(notice, "code", None) != "criterion_absent":
                feedback.reportError(self.tr("Scoring: {message}").format(
                    message=describe(notice)), False)
        self._write_indicators(conn, parameters, context, feedback, sites, table, criteria)
        return self._write(parameters, context, crs, sites, raw, table)

    def _write_indicators(self, conn, parameters, context, feedback, sites, table, criteria):
        """Vacant premises as candidates (the default): best score and number of scored
        candidates of each centrality → indicators."""
        if not self.parameterAsBool(parameters, self.WRITE, context):
            return
        if parameters.get(self.CANDIDATES) not in (None, ""):
            feedback.pushInfo(self.tr(
                "No indicator written: the candidates are not the vacant premises of the "
                "GeoPackage (leave the candidate layer empty to write them)."))
            return
        recorded = {
            "activity_group": self.parameterAsString(parameters, self.ACTIVITY, context).strip(),
            "weights": {c.name: c.weight for c in criteria},
            "directions": {c.name: c.direction for c in criteria},
            "ideals": {c.name: c.ideal for c in criteria if c.ideal is not None},
            "similarity_weight": self.parameterAsDouble(parameters, self.SIMILARITY_WEIGHT,
                                                        context),
            "target_premise": self.parameterAsString(parameters, self.TARGET, context).strip()
            or None,
            "scored_criteria": [c[len("contrib_"):] for c in table.columns
                                if c.startswith("contrib_")],
            "distance_m": self.parameterAsDouble(parameters, self.DISTANCE, context),
            "footfall_distance_m": self.parameterAsDouble(parameters, self.FOOTFALL_DISTANCE,
                                                          context),
            "catchment_minutes": self.parameterAsDouble(parameters, self.MINUTES, context),
            "catchment_mode": ("walk", "car")[self.parameterAsEnum(parameters, self.MODE,
                                                                   context)]}
        count = job.write_indicators(conn, sites, table, recorded, self.checkpoint(feedback))
        feedback.pushInfo(self.tr("{n} indicators written").format(n=count))

    def _write(self, parameters, context, crs, sites, raw, table):
        contrib = [c for c in table.columns if c.startswith("contrib_")]
        fields = (("rank", QVariant.Int), ("score", QVariant.Double),
                  ("candidate_id", QVariant.String), ("uuid", QVariant.String),
                  ("address", QVariant.String), *[(c, QVariant.Double) for c in raw.columns],
                  *[(c, QVariant.Double) for c in contrib])
        order = table.sort_values(["rank", "score"], ascending=[True, False]).index
        rows = [[int(table.at[i, "rank"]), float(table.at[i, "score"]),
                 sites.at[i, "candidate_id"], sites.at[i, "uuid"], sites.at[i, "address"],
                 *[raw.at[i, c] for c in raw.columns], *[table.at[i, c] for c in contrib]]
                for i in order]
        geoms = [point(sites.at[i, "x"], sites.at[i, "y"]) for i in order]
        return {self.OUTPUT: write_rows(self, parameters, self.OUTPUT, context, fields, rows,
                                        QgsWkbTypes.Point, crs, geoms)}
