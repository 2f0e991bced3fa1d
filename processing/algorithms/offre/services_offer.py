"""observatoire:services_offer - services (BPE) by domain and range within a distance of zones."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....jobs import offer
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, zone_targets
from ...outputs import typed_kinds, write_frame
from ...parameters import add_write_parameter, add_zones_parameters
from ...styling import GraduatedStyler, style_on_load


class ServicesOffer(JobAlgorithm):
    ALG_ID = "services_offer"
    GROUP = "offre"
    ZONES = "ZONES"
    ZONE_NAME_FIELD = "ZONE_NAME_FIELD"
    DISTANCE = "DISTANCE"
    VINTAGE = "VINTAGE"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_ZONES = "OUTPUT_ZONES"

    def displayName(self):
        return self.tr("Services offer per centrality")

    def shortHelpString(self):
        return self.tr(
            "Counts the services of the GeoPackage (BPE equipment) per zone, BPE domain (A "
            "services to individuals, B shops, C education, D health and social, E transport, "
            "F sport, leisure and culture, G tourism) and range (proximité, intermédiaire, "
            "supérieure). A service counts for a zone when its straight-line distance to the "
            "zone is at most the distance (m; 0 inside the zone, as for every point inside "
            "it). Zones: the centralities of the GeoPackage, or any polygon layer. Output: one "
            "row per zone × domain × range, and the zones with their totals per domain and per "
            "range. For the centralities, the counts go to the indicators table (period: BPE "
            "vintage).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_zones_parameters(self, self.ZONES, self.ZONE_NAME_FIELD)
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Distance (m)"), QgsProcessingParameterNumber.Double,
            defaultValue=300.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.VINTAGE, self.tr("BPE vintage (empty = the latest imported)"), optional=True))
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Services by domain and range"),
            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Zones with services"), QgsProcessing.TypeVectorPolygon))

    def run_job(self, conn, parameters, context, feedback):
        crs = gpkg_crs(conn)
        targets, names, geoms, central = zone_targets(
            self, conn, parameters, self.ZONES, self.ZONE_NAME_FIELD, crs, context, feedback)
        feedback.setProgress(20)
        long, summary, vintage = offer.services_offer(
            conn, targets, names, self.parameterAsDouble(parameters, self.DISTANCE, context),
            self.parameterAsString(parameters, self.VINTAGE, context).strip() or None)
        if central and self.parameterAsBool(parameters, self.WRITE, context):
            offer.write_offer_indicators(
                conn, offer.services_indicators(summary, vintage), offer.SERVICES_ALGORITHM_ID,
                {"distance": self.parameterAsDouble(parameters, self.DISTANCE, context),
                 "vintage": vintage}, self.checkpoint(feedback))
        feedback.setProgress(70)
        long = long.astype({"target": str})
        zone_geoms = [geoms.get(k) for k in summary["target"]]
        summary = summary.astype({"target": str})
        ints = [c for c in summary.columns if c not in ("target", "name")] + ["services"]
        kinds = typed_kinds(ints=ints, strings=("target", "name", "domain", "domain_label",
                                                "range"))
        table_id = write_frame(self, parameters, self.OUTPUT_TABLE, context, long, crs,
                                 kinds=kinds)
        zones_id = write_frame(self, parameters, self.OUTPUT_ZONES, context, summary, crs,
                                 geometries=zone_geoms,
                                 wkb_type=QgsWkbTypes.MultiPolygon, kinds=kinds)
        feedback.pushInfo(self.tr("Services of the BPE vintage {vintage}").format(
            vintage=vintage))
        style_on_load(context, zones_id, GraduatedStyler("services", "Blues"))
        feedback.setProgress(100)
        return {self.OUTPUT_TABLE: table_id, self.OUTPUT_ZONES: zones_id}
