"""observatoire:delineate_centralities - centrality perimeters proposed from the density of
premises, for review."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ....jobs import delineation as job
from ....store import observatory
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs
from ...outputs import open_sink, polygons_geometry


class DelineateCentralities(JobAlgorithm):
    ALG_ID = "delineate_centralities"
    GROUP = "socle"
    RADIUS = "RADIUS"
    MIN_ACTIVE = "MIN_ACTIVE"
    SMOOTHING = "SMOOTHING"
    CELL = "CELL"
    WRITE = "WRITE_CENTRALITIES"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Propose centrality perimeters")

    def shortHelpString(self):
        return self.tr(
            "Proposes centrality perimeters from the density of premises, for you to review "
            "(then edit the layer and load it with Import centralities, or let this algorithm "
            "write them). Points: the premises observed in the latest campaign (not "
            "demolished); active: those observed occupied. 1. Clusters: a disk of radius r "
            "around each premise; premises whose disks touch (closer than 2 r) are in the "
            "same cluster, step by step. 2. A cluster is kept when it holds at least N active "
            "premises. 3. Perimeter P = (U ⊕ D(s)) ⊖ D(s), U the union of the disks of the "
            "kept clusters: a closing by a disk of radius s that fills the notches and gaps "
            "narrower than about 2 s and never removes any part of U; holes are filled. It is "
            "computed on a grid of cells of side c (default r / 10) and its outline smoothed: "
            "within about c of the exact perimeter. 4. Each connected part of P is one "
            "proposal, counting every premise inside it (premises, active, vacant), named "
            "Proposed centrality 1, 2… by decreasing number of active premises; the first is "
            "given the level primary, the others secondary. Written proposals are matched on "
            "their names: running again replaces their perimeters.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        for key, label, default, minimum in (
                (self.RADIUS, self.tr("Radius r around each premise (m)"), 50.0, 1.0),
                (self.SMOOTHING, self.tr("Smoothing s: gaps closed (m)"), 25.0, 0.0)):
            self.addParameter(QgsProcessingParameterNumber(
                key, label, QgsProcessingParameterNumber.Double, defaultValue=default,
                minValue=minimum))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_ACTIVE, self.tr("Minimum number N of active premises"),
            QgsProcessingParameterNumber.Integer, defaultValue=10, minValue=1))
        cell = QgsProcessingParameterNumber(
            self.CELL, self.tr("Grid cell c (m; 0 = r / 10)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0)
        cell.setFlags(cell.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(cell)
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE, self.tr("Write the proposals to the centralities table"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Proposed centralities"), QgsProcessing.TypeVectorPolygon))
        for key, label in (("PROPOSALS", self.tr("Perimeters proposed")),
                           ("ADDED", self.tr("Centralities added")),
                           ("UPDATED", self.tr("Centralities updated"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def run_job(self, conn, parameters, context, feedback):
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        smoothing = self.parameterAsDouble(parameters, self.SMOOTHING, context)
        minimum = self.parameterAsInt(parameters, self.MIN_ACTIVE, context)
        reporting = self.reporting(feedback)
        run = job.propose(conn, radius=radius, min_active=minimum, smoothing=smoothing,
                          cell=self.parameterAsDouble(parameters, self.CELL, context) or None,
                          warn=reporting["warn"], checkpoint=reporting["checkpoint"])
        feedback.setProgress(60)
        srs = observatory.srs_id(conn)
        out = open_sink(self, parameters, self.OUTPUT, context,
                        (("name", QVariant.String), ("level", QVariant.String),
                         ("premises", QVariant.Int), ("active", QVariant.Int),
                         ("vacant", QVariant.Int), ("area_m2", QVariant.Double),
                         ("campaign", QVariant.String), ("radius_m", QVariant.Double),
                         ("min_active", QVariant.Int), ("smoothing_m", QVariant.Double)),
                        QgsWkbTypes.MultiPolygon, gpkg_crs(conn))
        for p in run.proposals:
            out.add([p["name"], p["level"], p["premises"], p["active"], p["vacant"],
                     p["area_m2"], run.campaign, radius, minimum, smoothing],
                    polygons_geometry(p["polygons"], srs))
            feedback.pushInfo(self.tr(
                "{name}: {premises} premises ({active} active, {vacant} vacant), {area} "
                "ha").format(name=p["name"], premises=p["premises"], active=p["active"],
                             vacant=p["vacant"], area=round(p["area_m2"] / 10000.0, 2)))
        added = updated = 0
        if self.parameterAsBool(parameters, self.WRITE, context) and run.proposals:
            added, updated, _same = job.write(conn, run, reporting["checkpoint"])
            feedback.pushInfo(self.tr("Centralities: {added} added, {updated} updated.").format(
                added=added, updated=updated))
        feedback.setProgress(100)
        return {self.OUTPUT: out.dest, "PROPOSALS": len(run.proposals), "ADDED": added,
                "UPDATED": updated}
