"""observatoire:network_catchments - walk / car catchments of many origins over the road
network, with population, households, age groups, premises and services reached."""

import numpy as np
from qgis.core import (
    QgsProcessing,
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

from ....jobs import catchments as job
from ....store import observatory
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, read_source, source_of
from ...outputs import open_sink, point, polygons_geometry
from ...parameters import (
    add_centralities_parameter,
    add_write_parameter,
    as_list,
    centrality_uuids,
    parse_bands,
)
from ...styling import band_styler, style_on_load

MODES = job.MODES


def _value(v):
    """A total for a Double field: None (NULL) for a value the data cannot give (NaN)."""
    return None if v is None or v != v else float(v)


class NetworkCatchments(JobAlgorithm):
    ALG_ID = "network_catchments"
    GROUP = "chalandise"
    ORIGINS = "ORIGINS"
    ORIGIN_ID = "ORIGIN_ID_FIELD"
    CENTRALITIES = "CENTRALITIES"
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
            "centroid of every centrality (or of the centralities chosen). Each origin is "
            "snapped to the nearest point of the "
            "nearest road usable by the mode within the snapping tolerance and enters the "
            "network there; origins farther away are not moved: they are reported (warning, "
            "origins output with snapped = 0) and get no catchment. An origin whose only roads "
            "within the tolerance belong to a small isolated part of the network (fewer than 5 "
            "% of the nodes of the largest part, e.g. car park aisles cut off from the streets) "
            "is snapped there only when no road of a larger part is within the tolerance, with "
            "a warning (origins output: part_nodes, on_main_part = 0). Walking ignores one-way "
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
            "when the table exists. Without a population grid the population, households and "
            "age groups are left empty (not 0), with a warning; so are households when the "
            "grid has no men column (2021 grid). With the centralities as origins (overlap), "
            "every value is also written to the indicators table as "
            "catchment_<value>_<mode>_<band><unit> (e.g. catchment_population_walk_10min), "
            "period = the current year.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ORIGINS, self.tr("Origins (empty = centroids of the centralities)"),
            [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ORIGIN_ID, self.tr("Origin identifier field"),
            parentLayerParameterName=self.ORIGINS, optional=True))
        add_centralities_parameter(self, self.tr(
            "Centralities as origins, without an origin layer (names separated by commas; "
            "empty = all)"), self.CENTRALITIES)
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
        self.addOutput(QgsProcessingOutputNumber(
            "ON_MINOR_PART", self.tr("Origins on a small isolated part of the network")))
        add_write_parameter(self, self.WRITE)

    def checkParameterValues(self, parameters, context):
        try:
            parse_bands(self.parameterAsString(parameters, self.BANDS, context))
        except Exception as exc:  # noqa: BLE001 - QgsProcessingException carries the message
            return False, str(exc)
        return super().checkParameterValues(parameters, context)

    def _origins(self, conn, parameters, context, feedback) -> job.Origins:
        if parameters.get(self.ORIGINS) in (None, ""):
            return job.centrality_origins(conn, centrality_uuids(
                self, conn, parameters, self.CENTRALITIES, context))
        if as_list(self, parameters, self.CENTRALITIES, context):
            feedback.pushWarning(self.tr("An origin layer is given: the centralities chosen "
                                         "are not used as origins."))
        source = source_of(self, parameters, self.ORIGINS, context)
        field = self.parameterAsString(parameters, self.ORIGIN_ID, context)
        data = read_source(source, gpkg_crs(conn), context, [field] if field else None)
        ids = data[field] if field else data["fid"]
        return job.Origins(data["x"], data["y"], [None if v is None else str(v) for v in ids],
                           [None] * len(ids))

    def run_job(self, conn, parameters, context, feedback):
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        unit_time = self.parameterAsEnum(parameters, self.UNIT, context) == 0
        bands = parse_bands(self.parameterAsString(parameters, self.BANDS, context))
        crs = gpkg_crs(conn)
        srs = observatory.srs_id(conn)
        origins = self._origins(conn, parameters, context, feedback)
        run = job.catchments(
            conn, origins, mode=mode, unit_time=unit_time, bands=bands,
            dissolve=self.parameterAsEnum(parameters, self.STYLE, context) == 1,
            grid_outline=self.parameterAsEnum(parameters, self.SHAPE, context) == 1,
            snap_tolerance=self.parameterAsDouble(parameters, self.SNAP, context),
            assign_tolerance=self.parameterAsDouble(parameters, self.ASSIGN, context),
            alpha=self.parameterAsDouble(parameters, self.ALPHA, context),
            **self.reporting(feedback))
        if self.parameterAsBool(parameters, self.WRITE, context):
            count = job.write_indicators(conn, run, origins, self.checkpoint(feedback))
            if count:
                feedback.pushInfo(self.tr("{n} indicators written").format(n=count))
        out = open_sink(self, parameters, self.OUTPUT, context,
                        (("origin_id", QVariant.String), ("origin_uuid", QVariant.String),
                         ("mode", QVariant.String), ("band", QVariant.Double),
                         ("unit", QVariant.String), ("nodes_reached", QVariant.Int),
                         *[(c, QVariant.Double) for c in run.columns],
                         ("area_m2", QVariant.Double)),
                        QgsWkbTypes.MultiPolygon, crs)
        for origin, b, totals_row, polys in run.features:
            geom = polygons_geometry(polys, srs)
            out.add([None if origin is None else origins.names[origin],
                     None if origin is None else origins.uuids[origin], mode,
                     float(run.bands[b]), run.unit, int(totals_row["nodes_reached"]),
                     *[_value(totals_row[c]) for c in run.columns],
                     geom.area() if not geom.isEmpty() else 0.0], geom)
        style_on_load(context, out.dest, band_styler(run.bands, run.unit))
        results = {self.OUTPUT: out.dest, "UNSNAPPED": len(run.snapped.unsnapped),
                   "ON_MINOR_PART": len(run.snapped.minor)}
        results.update(self._origins_output(parameters, context, crs, origins, run.snapped))
        results.update(self._nodes_output(parameters, context, crs, run, origins.names,
                                          unit_time))
        feedback.setProgress(100)
        return results

    def _origins_output(self, parameters, context, crs, origins, snapped):
        out = open_sink(self, parameters, self.OUTPUT_ORIGINS, context,
                        (("origin_id", QVariant.String), ("origin_uuid", QVariant.String),
                         ("snapped", QVariant.Int), ("snap_distance_m", QVariant.Double),
                         ("part_nodes", QVariant.Int), ("on_main_part", QVariant.Int)),
                        QgsWkbTypes.Point, crs)
        if out is None:
            return {}
        dist = dict(zip(snapped.index.tolist(), snapped.distance.tolist()))
        part = dict(zip(snapped.index.tolist(), snapped.part_nodes.tolist()))
        minor = set(snapped.minor)
        for i in range(len(origins.x)):
            out.add([origins.names[i], origins.uuids[i], int(i in dist), dist.get(i),
                     part.get(i), int(i not in minor) if i in dist else None],
                    point(origins.x[i], origins.y[i]))
        return {self.OUTPUT_ORIGINS: out.dest}

    def _nodes_output(self, parameters, context, crs, run, names, unit_time):
        out = open_sink(self, parameters, self.OUTPUT_NODES, context,
                        (("origin_id", QVariant.String), ("node_id", QVariant.Int),
                         ("cost", QVariant.Double), ("band", QVariant.Double)),
                        QgsWkbTypes.Point, crs)
        if out is None:
            return {}
        scale = 60.0 if unit_time else 1.0
        net, bands = run.network, run.bands
        for origin, nodes, costs in run.reached:
            band_index = np.searchsorted(run.limits, costs)
            for nd, c, b in zip(nodes.tolist(), costs.tolist(), band_index.tolist()):
                if b >= len(bands):
                    continue
                out.add([None if origin is None else names[origin], int(nd), c / scale,
                         float(bands[b])], point(net.node_x[nd], net.node_y[nd]))
        return {self.OUTPUT_NODES: out.dest}
