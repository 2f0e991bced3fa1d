"""observatoire:short_circuit_offer - producers by product and markets within reach of zones."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ....jobs import offer
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, zone_targets
from ...outputs import typed_kinds, write_frame
from ...parameters import add_write_parameter, add_zones_parameters
from ...styling import GraduatedStyler, style_on_load

KINDS = typed_kinds(ints=("producers", "organic", "markets", "organic_markets"),
                    doubles=("organic_share", "sessions_per_week"),
                    strings=("target", "name", "product"))


class ShortCircuitOffer(JobAlgorithm):
    ALG_ID = "short_circuit_offer"
    GROUP = "offre"
    ZONES = "ZONES"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    PRODUCER_DISTANCE = "PRODUCER_DISTANCE"
    PRODUCER_REACH = "PRODUCER_REACH"
    PRODUCER_MINUTES = "PRODUCER_MINUTES"
    NETWORK_TOLERANCE = "NETWORK_TOLERANCE"
    REACHES = ("distance", "car", "walk")
    MARKET_DISTANCE = "MARKET_DISTANCE"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_PRODUCTS = "OUTPUT_PRODUCTS"

    def displayName(self):
        return self.tr("Short-circuit offer per centrality")

    def shortHelpString(self):
        return self.tr(
            "Per zone (the centralities of the GeoPackage, or any polygon layer): producers "
            "within the producer distance (straight line, m; 0 = inside the zone) or within a "
            "driving or walking time on the road network (the zone starts from every network "
            "node inside it, or from the node nearest to its centroid; a producer is reached "
            "over the road it is snapped to, within the network tolerance), organic "
            "producers and organic share = 100 × organic / producers (%), producers per product "
            "(a producer with several products counts once for each), markets within the "
            "market distance, market sessions per week (Σ sessions of each market: 'du lundi au "
            "samedi' = 6, 'tous les 1er et 3ème mardis du mois' = 24/52) and organic markets. "
            "For the centralities, the results go to the indicators table (period: the current "
            "year).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_zones_parameters(self, self.ZONES, self.ZONE_NAME_FIELD)
        self.addParameter(QgsProcessingParameterNumber(
            self.PRODUCER_DISTANCE, self.tr("Producer distance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=20000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRODUCER_REACH, self.tr("Producers reached by"),
            [self.tr("Straight-line distance"), self.tr("Driving time on the road network"),
             self.tr("Walking time on the road network")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PRODUCER_MINUTES, self.tr("Producer travel time (min)"),
            QgsProcessingParameterNumber.Double, defaultValue=20.0, minValue=0.0))
        tolerance = QgsProcessingParameterNumber(
            self.NETWORK_TOLERANCE, self.tr("Network tolerance for producers and zones (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=1000.0, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterNumber(
            self.MARKET_DISTANCE, self.tr("Market distance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=300.0, minValue=0.0))
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Zones with short-circuit offer"),
            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PRODUCTS, self.tr("Producers by product"), QgsProcessing.TypeVector))

    def checkParameterValues(self, parameters, context):
        by_network = self.parameterAsEnum(parameters, self.PRODUCER_REACH, context) != 0
        if by_network and not self.parameterAsDouble(parameters, self.NETWORK_TOLERANCE,
                                                     context) > 0:
            return False, self.tr("The network tolerance must be > 0 m.")
        return super().checkParameterValues(parameters, context)

    def run_job(self, conn, parameters, context, feedback):
        producer_distance = self.parameterAsDouble(parameters, self.PRODUCER_DISTANCE, context)
        market_distance = self.parameterAsDouble(parameters, self.MARKET_DISTANCE, context)
        crs = gpkg_crs(conn)
        targets, names, geoms, central = zone_targets(
            self, conn, parameters, self.ZONES, self.ZONE_NAME_FIELD, crs, context, feedback)
        feedback.setProgress(20)
        reach = self.REACHES[self.parameterAsEnum(parameters, self.PRODUCER_REACH, context)]
        minutes = self.parameterAsDouble(parameters, self.PRODUCER_MINUTES, context)
        by_network = None
        if reach != "distance":
            by_network = offer.producer_network_reach(
                conn, targets, names, reach, minutes,
                self.parameterAsDouble(parameters, self.NETWORK_TOLERANCE, context),
                warn=lambda message: feedback.reportError(message, False),
                info=feedback.pushInfo)
        summary, by_product = offer.short_circuit_offer(
            conn, targets, names, producer_distance, market_distance, by_network)
        if central and self.parameterAsBool(parameters, self.WRITE, context):
            recorded = ({"producer_distance": producer_distance} if reach == "distance"
                        else {"producer_reach": reach, "producer_minutes": minutes})
            offer.write_offer_indicators(
                conn, offer.short_circuit_indicators(summary),
                offer.SHORT_CIRCUIT_ALGORITHM_ID,
                {**recorded, "market_distance": market_distance}, self.checkpoint(feedback))
        feedback.setProgress(70)
        zone_geoms = [geoms.get(k) for k in summary["target"]]
        summary = summary.astype({"target": str})
        by_product = by_product.astype({"target": str})
        zones_id = write_frame(self, parameters, self.OUTPUT_ZONES, context, summary, crs,
                                 geometries=zone_geoms,
                                 wkb_type=QgsWkbTypes.MultiPolygon, kinds=KINDS)
        products_id = write_frame(self, parameters, self.OUTPUT_PRODUCTS, context,
                                    by_product, crs, kinds=KINDS)
        style_on_load(context, zones_id, GraduatedStyler("producers", "YlGn"))
        feedback.setProgress(100)
        return {self.OUTPUT_ZONES: zones_id, self.OUTPUT_PRODUCTS: products_id}
