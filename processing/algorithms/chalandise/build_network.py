"""observatoire:build_network - (re)build the stored routing topology of the roads table."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
)

from ....jobs import network
from ....jobs.common import CancelledError
from ....store import gpkg, network_store, observatory
from ...job_base import JobAlgorithm
from ...roads import report_hierarchies
from ..base import ObservatoireAlgorithm
from .import_roads import read_speed_parameters, speed_parameters, speeds_help


class BuildNetwork(ObservatoireAlgorithm):
    UPGRADES_IN_ITS_TRANSACTION = True  # writes through writing_geopackage
    ALG_ID = "build_network"
    GROUP = "chalandise"
    TOLERANCE = "TOLERANCE"

    def displayName(self):
        return self.tr("Build the road network")

    def shortHelpString(self):
        return self.tr(
            "Rebuilds the routing topology (road_nodes, road_edges) from the roads table, e.g. "
            "after editing roads by hand: every road is split at every vertex, line ends closer "
            "than the snapping tolerance (metres) become one node, and each segment keeps its "
            "road's class, one-way direction (1 along the digitised direction, -1 against it, "
            "0 both; binding cars only) and maxspeed. A checksum of roads is stored: the "
            "catchment algorithms warn and rebuild in memory when roads changed since.\n\n"
        ) + speeds_help(self)

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Snapping tolerance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=network.DEFAULT_TOLERANCE,
            minValue=0.0))
        speed_parameters(self, speeds_help(self))
        for key, label in (("NODES", self.tr("Network nodes")),
                           ("EDGES", self.tr("Network edges")),
                           ("COMPONENTS", self.tr("Connected parts of the network"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):
        speeds = read_speed_parameters(self, parameters, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        checkpoint = JobAlgorithm.checkpoint(feedback)
        try:
            with self.writing_geopackage(parameters, context, feedback) as (_path, conn, _up):
                checkpoint()  # before anything is written
                srs = observatory.srs_id(conn)
                with gpkg.transaction(conn):
                    for mode, profile in speeds.items():
                        network_store.set_speeds(conn, mode, profile)
                    counts = network.build_topology(conn, srs, tolerance,
                                                    progress=feedback.setProgress,
                                                    checkpoint=checkpoint)
        except CancelledError as exc:
            raise QgsProcessingException(self.tr("Canceled: nothing was written.")) from exc
        except network.NetworkError as exc:
            raise QgsProcessingException(self.tr(
                "The roads table holds no line: import roads first.")) from exc
        feedback.pushInfo(self.tr(
            "Network of {nodes} nodes and {edges} edges in {parts} connected part(s).").format(
                nodes=counts["nodes"], edges=counts["edges"], parts=counts["components"]))
        report_hierarchies(feedback, counts)
        return {"NODES": counts["nodes"], "EDGES": counts["edges"],
                "COMPONENTS": counts["components"]}
