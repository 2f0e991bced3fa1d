"""observatoire:huff_model - Huff probabilities, expected demand, market shares, primary
market areas."""

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ....jobs import huff
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import blob_geometry, open_sink, point, write_rows
from ...parameters import add_write_parameter
from ...roads import progress_callback
from . import huff_inputs as hi


def as_geometry(g) -> QgsGeometry:
    return g if isinstance(g, QgsGeometry) else (blob_geometry(g) or QgsGeometry())


class HuffModel(JobAlgorithm):
    ALG_ID = "huff_model"
    GROUP = "chalandise"
    ALPHA = "ALPHA"
    BETA = "BETA"
    DEMAND = "DEMAND"
    DEMAND_FIELD = "DEMAND_FIELD"
    INCOME = "USE_INCOME"
    TOP_K = "TOP_K"
    THRESHOLD = "THRESHOLD"
    OUTPUT_DESTINATIONS = "OUTPUT_DESTINATIONS"
    OUTPUT_CELLS = "OUTPUT_CELLS"
    OUTPUT_PMA = "OUTPUT_PMA"
    WRITE = "WRITE_INDICATORS"

    def displayName(self):
        return self.tr("Huff market shares")

    def shortHelpString(self):
        return self.tr(
            "Huff gravity model. Probability that demand point i patronises destination j: "
            "P_ij = A_j^alpha f(d_ij) / sum_k A_k^alpha f(d_ik), with f(d) = d^-beta (power) "
            "or exp(-beta d) (exponential, beta per metre or per minute). A_j: the "
            "attractiveness field, or for the centralities (default destinations) the number "
            "of occupied premises in the latest campaign; A = 0 is never chosen. Destinations "
            "are points, or the centroid of polygons. Demand: the population_grid cells "
            "(population ind at the cell centroid; with the income option ind_snv, i.e. "
            "population × mean standard of living) or any layer with a weight field. Cost d: "
            "straight-line distance in metres, or network time in minutes from the demand "
            "point's nearest network node to the destination's nearest node (both within the "
            "network tolerance; beyond it the pair is unavailable), on the stored network. "
            "Costs below the minimum cost (default 100 m or 1 min) are raised to it. "
            "Expected demand D_j = sum_i demand_i P_ij; market share = D_j / sum_k D_k. Per "
            "cell: the top k destinations and their probabilities, and the most likely one. "
            "Primary market area of j: the cells with P_ij >= threshold (default 0.4). With "
            "the centralities as destinations (the default), each centrality's market share "
            "(%) and expected demand are also written to the indicators table as "
            "huff_market_share and huff_expected_demand, period = the current year, with "
            "alpha, beta, the decay and the cost.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        hi.add_destination_parameters(self)
        for key, label, default in ((self.ALPHA, self.tr("Attractiveness exponent alpha"), 1.0),
                                    (self.BETA, self.tr("Distance decay beta"), 2.0)):
            self.addParameter(QgsProcessingParameterNumber(
                key, label, QgsProcessingParameterNumber.Double, defaultValue=default))
        hi.add_cost_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DEMAND, self.tr("Demand layer (empty = population grid)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DEMAND_FIELD, self.tr("Demand weight field"),
            parentLayerParameterName=self.DEMAND, type=QgsProcessingParameterField.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCOME, self.tr("Weight the population grid by income (ind_snv)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP_K, self.tr("Destinations listed per cell"),
            QgsProcessingParameterNumber.Integer, defaultValue=3, minValue=1, maxValue=10))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Primary market area threshold (probability)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.4, minValue=0.01, maxValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DESTINATIONS, self.tr("Market shares"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CELLS, self.tr("Probabilities per cell"), QgsProcessing.TypeVector,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PMA, self.tr("Primary market areas"), QgsProcessing.TypeVectorPolygon,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("UNSERVED", self.tr(
            "Demand points without an available destination")))
        add_write_parameter(self, self.WRITE)

    def _demand(self, conn, parameters, context, crs) -> huff.Demand:
        if parameters.get(self.DEMAND) in (None, ""):
            return huff.population_demand(conn, self.parameterAsBool(parameters, self.INCOME,
                                                                     context))
        source = source_of(self, parameters, self.DEMAND, context)
        field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        data = read_source(source, crs, context, [field] if field else None)
        weight = (np.array([np.nan if v is None else float(v) for v in data[field]])
                  if field else np.ones(len(data["fid"])))
        return huff.Demand(data["x"], data["y"], np.nan_to_num(weight), None,
                           [str(v) for v in data["fid"]], data["geometry"])

    def run_job(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        dest = hi.destinations(self, conn, parameters, context, feedback, crs)
        demand = self._demand(conn, parameters, context, crs)
        cost, unit, min_cost = hi.cost_matrix(self, conn, parameters, context, feedback,
                                              demand.x, demand.y, dest)
        feedback.setProgress(20)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        beta = self.parameterAsDouble(parameters, self.BETA, context)
        decay = hi.DECAYS[self.parameterAsEnum(parameters, hi.DECAY, context)]
        top_k = self.parameterAsInt(parameters, self.TOP_K, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        result = huff.huff(dest, demand, cost, alpha=alpha, beta=beta, decay=decay,
                           min_cost=min_cost, top_k=top_k, threshold=threshold,
                           stage=lambda start, end: progress_callback(feedback, start, end))
        if result.unserved:
            feedback.reportError(self.tr(
                "{n} demand points have no available destination and are left out.").format(
                    n=len(result.unserved)), False)
        feedback.pushInfo(self.tr("Cost unit: {unit}; minimum cost {min}.").format(
            unit=unit, min=min_cost))
        self._write_indicators(conn, parameters, context, feedback, dest, result, {
            "alpha": alpha, "beta": beta, "decay": decay,
            "cost": hi.COSTS[self.parameterAsEnum(parameters, hi.COST, context)],
            "cost_unit": unit, "min_cost": min_cost})
        outputs = {"UNSERVED": len(result.unserved)}
        outputs.update(self._destinations_out(parameters, context, crs, dest, result))
        outputs.update(self._cells_out(parameters, context, crs, demand, result, dest.name,
                                       top_k))
        outputs.update(self._pma_out(parameters, context, crs, demand, result, dest.name,
                                     threshold))
        feedback.setProgress(100)
        return outputs

    def _demand_unit(self, parameters, context) -> tuple:
        """(unit of the expected demand, what the demand is) for the indicators."""
        if parameters.get(self.DEMAND) in (None, ""):
            if self.parameterAsBool(parameters, self.INCOME, context):
                return "euros", "population_grid.ind_snv"
            return "inhabitants", "population_grid.ind"
        field = self.parameterAsString(parameters, self.DEMAND_FIELD, context)
        return (field, f"layer.{field}") if field else ("demand points", "layer (1 per point)")

    def _write_indicators(self, conn, parameters, context, feedback, dest, result, recorded):
        """Centralities as destinations (the default): market share and expected demand of
        each centrality → indicators."""
        if not self.parameterAsBool(parameters, self.WRITE, context):
            return
        if not dest.are_centralities:
            feedback.pushInfo(self.tr(
                "No indicator written: the destinations are not the centralities of the "
                "GeoPackage (leave the destination layer empty to write them)."))
            return
        unit, demand = self._demand_unit(parameters, context)
        count = huff.write_indicators(conn, dest, result, demand_unit=unit,
                                      parameters={**recorded, "demand": demand},
                                      checkpoint=self.checkpoint(feedback))
        feedback.pushInfo(self.tr("{n} indicators written").format(n=count))

    def _destinations_out(self, parameters, context, crs, dest, result):
        fields = (("destination", QVariant.String), ("uuid", QVariant.String),
                  ("attractiveness", QVariant.Double), ("expected_demand", QVariant.Double),
                  ("market_share", QVariant.Double))
        rows = zip(dest.name, dest.uuid, dest.attractiveness, result.demand, result.share)
        geoms = [point(x, y) for x, y in zip(dest.x, dest.y)]
        return {self.OUTPUT_DESTINATIONS: write_rows(
            self, parameters, self.OUTPUT_DESTINATIONS, context, fields, rows,
            QgsWkbTypes.Point, crs, geoms)}

    def _cells_out(self, parameters, context, crs, demand_points, result, names, top_k):
        ids, geoms, demand = demand_points.ids, demand_points.geometry, demand_points.demand
        k = result.top_destination.shape[1]
        fields = [("cell_id", QVariant.String), ("demand", QVariant.Double),
                  ("most_likely", QVariant.String)]
        for r in range(1, k + 1):
            fields += [(f"dest_{r}", QVariant.String), (f"p_{r}", QVariant.Double)]
        if geoms and isinstance(geoms[0], QgsGeometry):  # a demand layer: keep its type
            wkb_type = QgsWkbTypes.multiType(geoms[0].wkbType())
        else:  # population grid cells
            wkb_type = QgsWkbTypes.MultiPolygon
        out = open_sink(self, parameters, self.OUTPUT_CELLS, context, fields, wkb_type, crs)
        if out is None:
            return {}
        for i, cid in enumerate(ids):
            geom = QgsGeometry(as_geometry(geoms[i]))
            geom.convertToMultiType()
            attrs = [cid, demand[i], None]
            for r in range(k):
                j = int(result.top_destination[i, r])
                attrs += [names[j] if j >= 0 else None, result.top_probability[i, r]]
            attrs[2] = attrs[3]
            out.add(attrs, geom)
        return {self.OUTPUT_CELLS: out.dest}

    def _pma_out(self, parameters, context, crs, demand_points, result, names, threshold):
        geoms, demand = demand_points.geometry, demand_points.demand
        fields = (("destination", QVariant.String), ("cells", QVariant.Int),
                  ("demand", QVariant.Double), ("threshold", QVariant.Double))
        out = open_sink(self, parameters, self.OUTPUT_PMA, context, fields,
                        QgsWkbTypes.MultiPolygon, crs)
        if out is None:
            return {}
        cells, dests, _p = result.pma
        for j, name in enumerate(names):
            mine = cells[dests == j]
            geom = QgsGeometry()
            if mine.size:
                parts = [as_geometry(geoms[i]) for i in mine.tolist()]
                if parts[0].type() == QgsWkbTypes.PolygonGeometry:
                    geom = QgsGeometry.unaryUnion(parts)
                    geom.convertToMultiType()
            out.add([name, int(mine.size), float(demand[mine].sum()), threshold], geom)
        return {self.OUTPUT_PMA: out.dest}
