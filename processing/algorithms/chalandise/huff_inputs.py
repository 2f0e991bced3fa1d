"""Destinations, demand and cost matrices shared by huff_model and calibrate_huff."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ....analysis.huff import distance_matrix
from ....analysis.network import CancelledError, costs_to_targets, nearest_node
from ....jobs import catchment_data, zones
from ....store import readers
from ...layers import read_source, source_of
from ...roads import load_network, make_router, progress_callback

DESTINATIONS = "DESTINATIONS"
DEST_ID = "DEST_ID_FIELD"
ATTRACTIVENESS = "ATTRACTIVENESS_FIELD"
DECAY = "DECAY"
COST = "COST"
MIN_COST = "MIN_COST"
NETWORK_TOLERANCE = "NETWORK_TOLERANCE"
DECAYS = ("power", "exponential")
COSTS = ("distance", "walk", "car")


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


def destinations(alg, conn, parameters, context, feedback, crs) -> dict:
    """``name``, ``uuid``, ``x``, ``y``, ``attractiveness``, ``geometry`` (QgsGeometry or
    blob)."""
    if parameters.get(DESTINATIONS) in (None, ""):
        cents = catchment_data.centrality_points(conn)
        if cents.empty:
            raise QgsProcessingException(alg.tr(
                "No destination layer given and the GeoPackage holds no centrality."))
        prem = catchment_data.premises_latest(conn)
        occupied = prem[prem["occupied"]]
        zone = zones.assign_centralities(occupied, readers.centralities(conn))
        counts = {}
        for u in zone.values():
            counts[u] = counts.get(u, 0) + 1
        attract = np.array([counts.get(u, 0) for u in cents["uuid"]], dtype=np.float64)
        feedback.pushInfo(alg.tr("Attractiveness of each centrality = occupied premises in "
                                 "the latest campaign."))
        return {"name": cents["name"].tolist(), "uuid": cents["uuid"].tolist(),
                "x": cents["x"].to_numpy(), "y": cents["y"].to_numpy(),
                "attractiveness": attract, "geometry": cents["geom"].tolist()}
    source = source_of(alg, parameters, DESTINATIONS, context)
    id_field = alg.parameterAsString(parameters, DEST_ID, context)
    a_field = alg.parameterAsString(parameters, ATTRACTIVENESS, context)
    data = read_source(source, crs, context, [f for f in (id_field, a_field) if f])
    ids = data[id_field] if id_field else data["fid"]
    if not ids:
        raise QgsProcessingException(alg.tr("The destination layer has no feature with a "
                                            "geometry."))
    if a_field:
        raw = data[a_field]
        bad = [i for i, v in enumerate(raw) if v is None or not float(v) >= 0]
        if bad:
            raise QgsProcessingException(alg.tr(
                "Attractiveness field {field}: destination {dest} has {value}; expected a "
                "number >= 0.").format(field=a_field, dest=ids[bad[0]], value=raw[bad[0]]))
        attract = np.array([float(v) for v in raw])
    else:
        attract = np.ones(len(ids))
    return {"name": [str(v) for v in ids], "uuid": [None] * len(ids), "x": data["x"],
            "y": data["y"], "attractiveness": attract, "geometry": data["geometry"]}


def cost_matrix(alg, conn, parameters, context, feedback, demand_x, demand_y, dest) -> tuple:
    """``(cost (n_demand, n_dest), unit, min_cost)``: straight-line metres, or network minutes
    from the demand point's nearest node to the destination's nearest node (both within the
    network tolerance; inf otherwise)."""
    kind = COSTS[alg.parameterAsEnum(parameters, COST, context)]
    min_cost = alg.parameterAsDouble(parameters, MIN_COST, context)
    if kind == "distance":
        return (distance_matrix((demand_x, demand_y), (dest["x"], dest["y"])), "m",
                min_cost or 100.0)
    tol = alg.parameterAsDouble(parameters, NETWORK_TOLERANCE, context)
    net = load_network(conn, feedback)
    router = make_router(conn, net, kind, "time", feedback)
    mask = net.mode_nodes(kind)
    _, dest_node = nearest_node(net, dest["x"], dest["y"], tol, mask)
    _, cell_node = nearest_node(net, demand_x, demand_y, tol, mask)
    far = [dest["name"][i] for i in np.flatnonzero(dest_node < 0)]
    if far:
        feedback.reportError(alg.tr(
            "Destinations farther than {tol} m from the network are never chosen: "
            "{names}").format(tol=tol, names=", ".join(far[:10])), False)
    if (cell_node < 0).any():
        feedback.reportError(alg.tr(
            "{n} demand points are farther than {tol} m from the network: no destination is "
            "available to them.").format(n=int((cell_node < 0).sum()), tol=tol), False)
    cost = np.full((demand_x.size, dest_node.size), np.inf)
    ok_dest = np.flatnonzero(dest_node >= 0)
    ok_cell = cell_node >= 0
    try:
        seconds = costs_to_targets(router, dest_node[ok_dest], cell_node[ok_cell],
                                   progress=progress_callback(feedback, 5, 60))
    except CancelledError:
        return cost, "min", min_cost or 1.0  # the algorithm sees the cancel and stops
    cost[np.ix_(ok_cell, ok_dest)] = seconds / 60.0
    return cost, "min", min_cost or 1.0
