"""observatoire:site_potential - weighted multi-criteria score of candidate sites (vacant
premises by default) for a new shop."""

import datetime

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
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
from scipy.spatial import cKDTree

from ....analysis.catchment import assign_to_nodes, network_catchments
from ....analysis.network import CancelledError, snap_points
from ....analysis.site_scoring import SIMILARITY, WEIGHT_TOLERANCE, Criterion, score_sites
from ....i18n import noop
from ....jobs import catchment_data, zones
from ....store import network_store, readers
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import point, write_rows
from ...parameters import add_write_parameter
from ...roads import load_network, make_router, progress_callback
from ..base import ObservatoireAlgorithm

# key, label, default weight (%), default direction (0 more, 1 less, 2 ideal)
CRITERIA = [
    ("footfall", noop("Footfall of the nearest counted street"), 25.0, 0),
    ("population", noop("Population within the network catchment"), 30.0, 0),
    ("services", noop("Services within the distance"), 10.0, 0),
    ("transit_stops", noop("Transit stops within the distance"), 10.0, 0),
    ("competitors", noop("Competitors within the distance"), 20.0, 1),
    ("parking", noop("Parking places within the distance"), 5.0, 0),
]
DIRECTIONS = ("more", "less", "ideal")


def count_within(points_xy: np.ndarray, target_xy: np.ndarray, radius: float,
                 weights=None, exclude_self: float = -1.0) -> np.ndarray:
    """Per point, the number (or summed weights) of targets within ``radius`` metres; targets
    closer than ``exclude_self`` metres (the point itself) are not counted."""
    if len(target_xy) == 0:
        return np.zeros(len(points_xy))
    tree = cKDTree(target_xy)
    w = np.ones(len(target_xy)) if weights is None else np.asarray(weights, dtype=np.float64)
    out = np.zeros(len(points_xy))
    for i, hits in enumerate(tree.query_ball_point(points_xy, r=radius)):
        if hits:
            hits = np.asarray(hits)
            if exclude_self >= 0:
                d = np.hypot(*(target_xy[hits] - points_xy[i]).T)
                hits = hits[d > exclude_self]
            out[i] = w[hits].sum()
    return out


class SitePotential(ObservatoireAlgorithm):
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

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        except CancelledError as exc:
            raise QgsProcessingException(self.tr("Canceled.")) from exc
        finally:
            conn.close()

    def _candidates(self, conn, parameters, context, crs) -> pd.DataFrame:
        if parameters.get(self.CANDIDATES) in (None, ""):
            prem = catchment_data.premises_latest(conn)
            vac = prem[prem["vacant"]]
            if vac.empty:
                raise QgsProcessingException(self.tr(
                    "No candidate layer given and no vacant premise in the latest campaign."))
            return pd.DataFrame({"candidate_id": vac["uuid"], "uuid": vac["uuid"],
                                 "address": vac["address"], "x": vac["x"], "y": vac["y"]}
                                ).reset_index(drop=True)
        source = source_of(self, parameters, self.CANDIDATES, context)
        field = self.parameterAsString(parameters, self.CANDIDATE_ID, context)
        data = read_source(source, crs, context, [field] if field else None)
        ids = data[field] if field else data["fid"]
        return pd.DataFrame({"candidate_id": [str(v) for v in ids], "uuid": None,
                             "address": None, "x": data["x"], "y": data["y"]})

    def _target(self, conn, parameters, context, sites):
        text = self.parameterAsString(parameters, self.TARGET, context).strip()
        if not text:
            return sites, None, False
        hit = sites.index[(sites["uuid"] == text) | (sites["candidate_id"] == text)]
        if len(hit):
            return sites, hit[0], False
        row = conn.execute("SELECT geom FROM premises WHERE uuid=?", (text,)).fetchone()
        if row is None or row[0] is None:
            raise QgsProcessingException(self.tr(
                "Target premise {uuid} is neither a candidate nor a premise of the "
                "GeoPackage.").format(uuid=text))
        x, y = catchment_data.blob_centroid(row[0])
        extra = pd.DataFrame({"candidate_id": [text], "uuid": [text], "address": [None],
                              "x": [x], "y": [y]})
        return pd.concat([sites, extra], ignore_index=True), len(sites), True

    def _criteria_values(self, conn, parameters, context, feedback, sites) -> pd.DataFrame:
        xy = sites[["x", "y"]].to_numpy(dtype=np.float64)
        radius = self.parameterAsDouble(parameters, self.DISTANCE, context)
        out = pd.DataFrame(index=sites.index)
        skipped = {}
        feet = catchment_data.footfall_by_site(conn)
        if feet is None:
            skipped["footfall"] = self.tr("no counters (counting sites with counts) in the "
                                          "GeoPackage")
        else:
            limit = self.parameterAsDouble(parameters, self.FOOTFALL_DISTANCE, context)
            dist, idx = cKDTree(feet[["x", "y"]].to_numpy()).query(xy, distance_upper_bound=limit)
            ok = np.isfinite(dist)
            values = np.full(len(xy), np.nan)
            values[ok] = feet["footfall"].to_numpy()[idx[ok]]
            out["footfall"] = values
        if network_store.has_topology(conn):
            out["population"] = self._population(conn, parameters, context, feedback, xy)
        else:
            skipped["population"] = self.tr("no road network (run import_roads or "
                                            "build_network)")
        feedback.setProgress(50)
        for key, table in (("services", "services"), ("transit_stops", "transit_stops")):
            if catchment_data.has_points(conn, table):
                pts = catchment_data.point_table(conn, table)
                out[key] = count_within(xy, pts[["x", "y"]].to_numpy(), radius)
            else:
                skipped[key] = self.tr("no {table} table or no row in it").format(table=table)
        prem = catchment_data.premises_latest(conn)
        group = self.parameterAsString(parameters, self.ACTIVITY, context).strip()
        comp = prem[prem["occupied"] & (prem["activity_group"] == group)]
        if comp.empty:
            feedback.reportError(self.tr(
                "No occupied premise of the activity group {group} in the latest campaign: "
                "every candidate has 0 competitors.").format(group=group), False)
        out["competitors"] = count_within(xy, comp[["x", "y"]].to_numpy(dtype=np.float64),
                                          radius, exclude_self=0.01)
        if catchment_data.has_points(conn, "parkings"):
            park = catchment_data.point_table(conn, "parkings", ["capacity"])
            cap = pd.to_numeric(park.get("capacity"), errors="coerce")
            weights = np.ones(len(park)) if cap is None else cap.fillna(0).to_numpy()
            out["parking"] = count_within(xy, park[["x", "y"]].to_numpy(), radius, weights)
        else:
            skipped["parking"] = self.tr("no parkings table or no row in it")
        for key, reason in skipped.items():
            feedback.reportError(self.tr("Criterion {criterion} skipped: {reason}.").format(
                criterion=key, reason=reason), False)
        return out

    def _population(self, conn, parameters, context, feedback, xy):
        minutes = self.parameterAsDouble(parameters, self.MINUTES, context)
        mode = ("walk", "car")[self.parameterAsEnum(parameters, self.MODE, context)]
        net = load_network(conn, feedback)
        snapped = snap_points(net, xy[:, 0], xy[:, 1], 100.0, mode=mode)
        if snapped.unsnapped:
            feedback.reportError(self.tr(
                "{n} candidates are farther than 100 m from the network: no population "
                "value (they score 0 on it).").format(n=len(snapped.unsnapped)), False)
        cells = catchment_data.population_cells(conn)
        values = assign_to_nodes(net, cells["x"], cells["y"], {"population": cells["ind"]},
                                 150.0, mode)
        router = make_router(conn, net, mode, "time", feedback)
        result = network_catchments(router, snapped, [minutes], values, keep_reached=False,
                                    progress=progress_callback(feedback, 10, 45))
        pop = np.full(len(xy), np.nan)
        pop[result.totals["origin"].to_numpy()] = result.totals["population"].to_numpy()
        return pop

    def _run(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        sites = self._candidates(conn, parameters, context, crs)
        sites, target, extra = self._target(conn, parameters, context, sites)
        raw = self._criteria_values(conn, parameters, context, feedback, sites)
        weights = self._weights(parameters, context)
        criteria = []
        for key, *_ in CRITERIA:
            direction = DIRECTIONS[self.parameterAsEnum(parameters, f"{key.upper()}_DIRECTION",
                                                        context)]
            ideal = (self.parameterAsDouble(parameters, f"{key.upper()}_IDEAL", context)
                     if direction == "ideal" else None)
            criteria.append(Criterion(key, weights[key], direction, ideal))
        target_values = target
        if extra:  # a premise that is not a candidate: compare with its own raw values
            target_values = {k: float(v) for k, v in raw.loc[target].items() if pd.notna(v)}
            raw = raw.drop(index=target)
            sites = sites.drop(index=target)
        try:
            table, warnings = score_sites(
                raw, criteria, target=target_values, similarity_weight=weights[SIMILARITY],
                similarity_on=None)
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for w in warnings:
            if "no such column" not in w:
                feedback.reportError(self.tr("Scoring: {message}").format(message=w), False)
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
        zone = zones.assign_centralities(
            sites[["uuid", "x", "y"]], [c for c in readers.centralities(conn) if c["polygons"]])
        scores = dict(zip(sites["uuid"].tolist(), table.loc[sites.index, "score"].tolist()))
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
        count = catchment_data.write_site_potential_indicators(
            conn, zone, scores, period=str(datetime.date.today().year), parameters=recorded)
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
