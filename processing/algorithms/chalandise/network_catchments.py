"""observatoire:network_catchments - walk / car catchments of many origins over the road
network, with population, households, age groups, premises and services reached."""

import datetime

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
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

from ....analysis.catchment import (
    assign_to_nodes,
    band_limits,
    catchment_polygons,
    dissolved_catchments,
    network_catchments,
    origin_polygons,
    raster_polygons,
    reached_by_origin,
)
from ....analysis.network import CancelledError, snap_points
from ....jobs import catchment_data
from ....store import observatory
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import open_sink, point, polygons_geometry
from ...parameters import add_write_parameter, parse_bands
from ...roads import load_network, make_router, progress_callback
from ...styling import band_styler, style_on_load
from ..base import ObservatoireAlgorithm

MODES = ("walk", "car")
VALUE_COLUMNS = ["population", "households", *catchment_data.AGE_GROUPS, "premises",
                 "vacant_premises"]


def reach_values(conn, net, mode: str, tolerance: float, feedback, tr):
    """NodeValues of population cells, premises of the latest campaign and services."""
    cells = catchment_data.population_cells(conn, lean=True)
    prem = catchment_data.premises_latest(conn)
    parts = [pd.DataFrame({"x": cells["x"], "y": cells["y"], "population": cells["ind"],
                           "households": cells["men"],
                           **{g: cells[g] for g in catchment_data.AGE_GROUPS}}),
             pd.DataFrame({"x": prem["x"], "y": prem["y"], "premises": 1.0,
                           "vacant_premises": prem["vacant"].astype(float)})]
    columns = list(VALUE_COLUMNS)
    if catchment_data.has_points(conn, "services"):
        services = catchment_data.point_table(conn, "services")
        parts.append(pd.DataFrame({"x": services["x"], "y": services["y"], "services": 1.0}))
        columns.append("services")
    parts = [part.reindex(columns=["x", "y", *columns], fill_value=0.0) for part in parts]
    nonempty = [part for part in parts if len(part)]
    table = pd.concat(nonempty, ignore_index=True) if nonempty else parts[0]
    values = assign_to_nodes(net, table["x"], table["y"], table[columns], tolerance, mode)
    n_cells = len(cells)
    far_cells = sum(1 for i in values.unassigned if i < n_cells)
    if far_cells:
        lost = float(cells["ind"].to_numpy()[[i for i in values.unassigned if i < n_cells]].sum())
        feedback.reportError(tr(
            "{n} population cells ({pop} inhabitants) are farther than {tol} m from the "
            "network usable on this mode: they are never counted.").format(
                n=far_cells, pop=round(lost), tol=tolerance), False)
    far_prem = sum(1 for i in values.unassigned if n_cells <= i < n_cells + len(prem))
    if far_prem:
        feedback.reportError(tr(
            "{n} premises are farther than {tol} m from the network: never counted.").format(
                n=far_prem, tol=tolerance), False)
    return values, columns


class NetworkCatchments(ObservatoireAlgorithm):
    ALG_ID = "network_catchments"
    GROUP = "chalandise"
    ORIGINS = "ORIGINS"
    ORIGIN_ID = "ORIGIN_ID_FIELD"
    MODE = "MODE"
    UNIT = "UNIT"
    BANDS = "BANDS"
    STYLE = "STYLE"
    SNAP = "SNAP_TOLERANCE"
    ASSIGN = "ASSIGN_TOLERANCE"
    ALPHA = "ALPHA"
    SHAPE = "POLYGON_SHAPE"
    OUTPUT = "OUTPUT"
    OUTPUT_ORIGINS = "OUTPUT_ORIGINS"
    OUTPUT_NODES = "OUTPUT_NODES"
    WRITE = "WRITE_INDICATORS"

    def displayName(self):
        return self.tr("Network catchments")

    def shortHelpString(self):
        return self.tr(
            "Catchment areas of many origins at once over the stored road network (import "
            "roads or build the network first). Origins: any point layer, or by default the "
            "centroid of every centrality. Each origin is snapped to the nearest point of the "
            "nearest road usable by the mode within the snapping tolerance and enters the "
            "network there; origins farther away are not moved: they are reported (warning, "
            "origins output with snapped = 0) and get no catchment. Walking ignores one-way "
            "streets and uses the walking speeds; driving respects them and uses maxspeed or "
            "the class speed (road_speeds table). A node is reached in band b when its "
            "shortest travel time (minutes) or distance (metres) is at most b. Polygon: alpha "
            "shape of the reached network: points every alpha/2 m along every reached road "
            "(including the reachable part of roads left half-way) are triangulated "
            "(Delaunay) and triangles whose longest side exceeds alpha metres are dropped; "
            "or, with the grid outline (much faster on large catchments, e.g. long drives), "
            "cells of alpha/8 m crossed by the reached network are marked, gaps narrower than "
            "alpha metres between them closed (morphological closing with a disk of diameter "
            "alpha) and the outline of the marked cells traced; each band's polygon is the "
            "whole area reached within it (bands are nested). "
            "Overlap: one polygon per origin and band; dissolve: one polygon per band for the "
            "union of the origins (nearest origin). Counts: each population cell (its "
            "centroid), premise and service is assigned to the nearest network node usable by "
            "the mode within the assignment tolerance (farther ones are never counted, with a "
            "warning) and is reached when its node is reached. Attributes: population (ind), "
            "households (men), age groups 0-17, 18-24, 25-64, 65+ (Filosofi bands), premises "
            "observed in the latest campaign (demolished excluded) and vacant ones, services "
            "when the table exists. With the centralities as origins (overlap), every value "
            "is also written to the indicators table as catchment_<value>_<mode>_<band><unit> "
            "(e.g. catchment_population_walk_10min), period = the current year.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ORIGINS, self.tr("Origins (empty = centroids of the centralities)"),
            [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ORIGIN_ID, self.tr("Origin identifier field"),
            parentLayerParameterName=self.ORIGINS, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Mode"), [self.tr("Walking"), self.tr("Driving")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNIT, self.tr("Bands in"), [self.tr("Minutes"), self.tr("Metres")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.BANDS, self.tr("Bands (separated by commas)"), defaultValue="5, 10, 15"))
        self.addParameter(QgsProcessingParameterEnum(
            self.STYLE, self.tr("Polygons"),
            [self.tr("Overlap: one per origin and band"), self.tr("Dissolve by band")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SHAPE, self.tr("Polygon shape"),
            [self.tr("Alpha shape of the reached network"),
             self.tr("Grid outline (faster on large catchments)")], defaultValue=0))
        for key, label, default in (
                (self.SNAP, self.tr("Origin snapping tolerance (m)"), 100.0),
                (self.ASSIGN, self.tr("Cell, premise and service assignment tolerance (m)"),
                 150.0),
                (self.ALPHA, self.tr("Alpha of the alpha shape, or gap closed by the grid "
                                     "outline (m)"), 200.0)):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Double,
                                                 defaultValue=default, minValue=0.01)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Catchments"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ORIGINS, self.tr("Origins (snapped or not)"),
            QgsProcessing.TypeVectorPoint, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_NODES, self.tr("Reached network nodes"), QgsProcessing.TypeVectorPoint,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("UNSNAPPED", self.tr("Origins off the network")))
        add_write_parameter(self, self.WRITE)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        except CancelledError as exc:
            raise QgsProcessingException(self.tr("Canceled.")) from exc
        finally:
            conn.close()

    def _origins(self, conn, parameters, context):
        crs = gpkg_crs(conn)
        if parameters.get(self.ORIGINS) in (None, ""):
            cents = catchment_data.centrality_points(conn)
            if cents.empty:
                raise QgsProcessingException(self.tr(
                    "No origin layer given and the GeoPackage holds no centrality."))
            return (cents["x"].to_numpy(), cents["y"].to_numpy(), cents["name"].tolist(),
                    cents["uuid"].tolist())
        source = source_of(self, parameters, self.ORIGINS, context)
        field = self.parameterAsString(parameters, self.ORIGIN_ID, context)
        data = read_source(source, crs, context, [field] if field else None)
        ids = data[field] if field else data["fid"]
        return data["x"], data["y"], [None if v is None else str(v) for v in ids], \
            [None] * len(ids)

    def _run(self, conn, parameters, context, feedback):
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        unit_time = self.parameterAsEnum(parameters, self.UNIT, context) == 0
        bands = parse_bands(self.parameterAsString(parameters, self.BANDS, context))
        dissolve = self.parameterAsEnum(parameters, self.STYLE, context) == 1
        snap_tol = self.parameterAsDouble(parameters, self.SNAP, context)
        assign_tol = self.parameterAsDouble(parameters, self.ASSIGN, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        outline = (raster_polygons if self.parameterAsEnum(parameters, self.SHAPE, context) == 1
                   else catchment_polygons)
        crs = gpkg_crs(conn)
        srs = observatory.srs_id(conn)
        net = load_network(conn, feedback)
        x, y, names, uuids = self._origins(conn, parameters, context)
        router = make_router(conn, net, mode, "time" if unit_time else "length", feedback)
        snapped = snap_points(net, x, y, snap_tol, mode=mode)
        if snapped.unsnapped:
            listed = ", ".join(str(names[i]) for i in snapped.unsnapped[:10])
            feedback.reportError(self.tr(
                "{n} origin(s) are farther than {tol} m from the network usable on this mode "
                "and get no catchment: {origins}").format(
                    n=len(snapped.unsnapped), tol=snap_tol, origins=listed), False)
        values, columns = reach_values(conn, net, mode, assign_tol, feedback, self.tr)
        feedback.setProgress(5)
        limits = band_limits(router, bands)
        unit = "min" if unit_time else "m"
        out = open_sink(self, parameters, self.OUTPUT, context,
                        (("origin_id", QVariant.String), ("origin_uuid", QVariant.String),
                         ("mode", QVariant.String), ("band", QVariant.Double),
                         ("unit", QVariant.String), ("nodes_reached", QVariant.Int),
                         *[(c, QVariant.Double) for c in columns],
                         ("area_m2", QVariant.Double)),
                        QgsWkbTypes.MultiPolygon, crs)

        def add(origin, totals_row, cost, band_index, polys=None):
            if polys is None:
                polys = outline(router, cost, limits[band_index], alpha)
            geom = polygons_geometry(polys, srs)
            out.add([None if origin is None else names[origin],
                     None if origin is None else uuids[origin], mode, float(bands[band_index]),
                     unit, int(totals_row["nodes_reached"]), *[totals_row[c] for c in columns],
                     geom.area() if not geom.isEmpty() else 0.0], geom)

        reached_rows = []
        if dissolve:
            totals, cost = dissolved_catchments(router, snapped, bands, values)
            feedback.setProgress(50)
            for b in range(len(bands)):
                add(None, totals.iloc[b], cost, b)
            if snapped.index.size:
                sel = np.flatnonzero(np.isfinite(cost))
                reached_rows = [(None, sel, cost[sel])]
        else:
            result = network_catchments(router, snapped, bands, values, keep_reached=True,
                                        progress=progress_callback(feedback, 5, 60))
            totals = result.totals.set_index(["origin", "band"])
            polygons = origin_polygons(router, result, snapped, outline, alpha,
                                       progress=progress_callback(feedback, 60, 95))
            reached_rows = reached_by_origin(result, snapped)
            for (o, _node, _cost), per_band in zip(reached_rows, polygons):
                for b, band in enumerate(bands):
                    add(o, totals.loc[(o, float(band))], None, b, per_band[b])
            self._write_indicators(conn, parameters, context, feedback, result.totals, uuids,
                                   mode, unit, columns)
        style_on_load(context, out.dest, band_styler(bands, unit))
        results = {self.OUTPUT: out.dest, "UNSNAPPED": len(snapped.unsnapped)}
        results.update(self._origins_output(parameters, context, crs, x, y, names, uuids,
                                            snapped))
        results.update(self._nodes_output(parameters, context, crs, net, reached_rows, names,
                                          unit_time, limits, bands))
        feedback.setProgress(100)
        return results

    def _write_indicators(self, conn, parameters, context, feedback, totals, uuids, mode, unit,
                          columns):
        """Centralities as origins (the default): what each catchment reaches → indicators."""
        centrality_of = {i: u for i, u in enumerate(uuids) if u}
        if not centrality_of or not self.parameterAsBool(parameters, self.WRITE, context):
            return
        count = catchment_data.write_catchment_indicators(
            conn, totals, centrality_of, mode=mode, unit=unit, columns=columns,
            period=str(datetime.date.today().year))
        feedback.pushInfo(self.tr("{n} indicators written").format(n=count))

    def _origins_output(self, parameters, context, crs, x, y, names, uuids, snapped):
        out = open_sink(self, parameters, self.OUTPUT_ORIGINS, context,
                        (("origin_id", QVariant.String), ("origin_uuid", QVariant.String),
                         ("snapped", QVariant.Int), ("snap_distance_m", QVariant.Double)),
                        QgsWkbTypes.Point, crs)
        if out is None:
            return {}
        dist = dict(zip(snapped.index.tolist(), snapped.distance.tolist()))
        for i in range(len(x)):
            out.add([names[i], uuids[i], int(i in dist), dist.get(i)], point(x[i], y[i]))
        return {self.OUTPUT_ORIGINS: out.dest}

    def _nodes_output(self, parameters, context, crs, net, reached_rows, names, unit_time,
                      limits, bands):
        out = open_sink(self, parameters, self.OUTPUT_NODES, context,
                        (("origin_id", QVariant.String), ("node_id", QVariant.Int),
                         ("cost", QVariant.Double), ("band", QVariant.Double)),
                        QgsWkbTypes.Point, crs)
        if out is None:
            return {}
        scale = 60.0 if unit_time else 1.0
        for origin, nodes, costs in reached_rows:
            band_index = np.searchsorted(limits, costs)
            for nd, c, b in zip(nodes.tolist(), costs.tolist(), band_index.tolist()):
                if b >= len(bands):
                    continue
                out.add([None if origin is None else names[origin], int(nd), c / scale,
                         float(bands[b])], point(net.node_x[nd], net.node_y[nd]))
        return {self.OUTPUT_NODES: out.dest}
