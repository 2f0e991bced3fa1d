"""Destinations, demand and cost matrices shared by huff_model and calibrate_huff."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ....jobs import huff
from ...layers import read_source, source_of
from ...roads import progress_callback

DESTINATIONS = "DESTINATIONS"
DEST_ID = "DEST_ID_FIELD"
ATTRACTIVENESS = "ATTRACTIVENESS_FIELD"
DECAY = "DECAY"
COST = "COST"
MIN_COST = "MIN_COST"
NETWORK_TOLERANCE = "NETWORK_TOLERANCE"
DECAYS = huff.DECAYS
COSTS = huff.COSTS


def add_destination_parameters(alg) -> None:
    alg.addParameter(QgsProcessingParameterFeatureSource(
        DESTINATIONS, alg.tr("Destinations (empty = the centralities)"),
        [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
    alg.addParameter(QgsProcessingParameterField(
        DEST_ID, alg.tr("Destination identifier field"), parentLayerParameterName=DESTINATIONS,
        optional=True))
    alg.addParameter(QgsProcessingParameterField(
        ATTRACTIVENESS, alg.tr("Attractiveness field (empty = occupied premises for "
                               "centralities, 1 otherwise)"),
        parentLayerParameterName=DESTINATIONS, type=QgsProcessingParameterField.Numeric,
        optional=True))


def add_cost_parameters(alg) -> None:
    alg.addParameter(QgsProcessingParameterEnum(
        COST, alg.tr("Cost"), [alg.tr("Straight-line distance (m)"),
                               alg.tr("Walking time on the network (min)"),
                               alg.tr("Driving time on the network (min)")], defaultValue=0))
    alg.addParameter(QgsProcessingParameterEnum(
        DECAY, alg.tr("Distance decay"), [alg.tr("Power: cost^-beta"),
                                          alg.tr("Exponential: exp(-beta × cost)")],
        defaultValue=0))
    for key, label, default in (
            (MIN_COST, alg.tr("Minimum cost (0 = 100 m or 1 min)"), 0.0),
            (NETWORK_TOLERANCE, alg.tr("Network assignment tolerance (m)"), 150.0)):
        param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Double,
                                             defaultValue=default, minValue=0.0)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        alg.addParameter(param)


def destinations(alg, conn, parameters, context, feedback, crs) -> huff.Destinations:
    """The destination layer's features, or the centralities (:mod:`jobs.huff`)."""
    if parameters.get(DESTINATIONS) in (None, ""):
        dest = huff.centrality_destinations(conn)
        feedback.pushInfo(alg.tr("Attractiveness of each centrality = occupied premises in "
                                 "the latest campaign."))
        return dest
    source = source_of(alg, parameters, DESTINATIONS, context)
    id_field = alg.parameterAsString(parameters, DEST_ID, context)
    a_field = alg.parameterAsString(parameters, ATTRACTIVENESS, context)
    data = read_source(source, crs, context, [f for f in (id_field, a_field) if f])
    ids = data[id_field] if id_field else data["fid"]
    return huff.layer_destinations(ids, data["x"], data["y"], data["geometry"],
                                   data[a_field] if a_field else None, a_field or None)


def cost_matrix(alg, conn, parameters, context, feedback, demand_x, demand_y, dest) -> tuple:
    """``(cost (n_demand, n_dest), unit, min_cost)`` of the chosen cost
    (:func:`jobs.huff.cost_matrix`)."""
    return huff.cost_matrix(
        conn, demand_x, demand_y, dest,
        cost=COSTS[alg.parameterAsEnum(parameters, COST, context)],
        min_cost=alg.parameterAsDouble(parameters, MIN_COST, context),
        tolerance=alg.parameterAsDouble(parameters, NETWORK_TOLERANCE, context),
        warn=lambda message: feedback.reportError(message, False), info=feedback.pushInfo,
        stage=lambda start, end: progress_callback(feedback, start, end))
