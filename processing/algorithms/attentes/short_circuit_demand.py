"""observatoire:short_circuit_demand - short circuits × expectations × consumption types."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....jobs import survey_short_circuits as ssc
from ...layers import gpkg_crs
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter, advanced
from ...styling import style_on_load
from ...survey_styles import short_circuit_styler
from .survey_common import SurveyAlgorithm

REACHES = (ssc.CAR, ssc.WALK, ssc.DISTANCE)
KINDS = typed_kinds(ints=("producers", "markets", "respondents", "type"),
                    strings=("zone", "type_name", "reason"),
                    bools=("low_precision", ssc.FLAG))


class ShortCircuitDemand(SurveyAlgorithm):
    ALG_ID = "short_circuit_demand"
    TYPOLOGY_RUN = "TYPOLOGY_RUN"
    REACH = "REACH"
    MINUTES = "MINUTES"
    DISTANCE = "DISTANCE"
    TOLERANCE = "NETWORK_TOLERANCE"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    OUTPUT_TYPES = "OUTPUT_TYPES"

    def displayName(self):
        return self.tr("Short-circuit demand and supply")

    def shortHelpString(self):
        return self.tr(
            "Short circuits × expectations × consumption types. Demand per home zone (the "
            "weighting run's) and per consumption type (latest typology, when there is one): "
            "weighted share very or somewhat interested in buying from local producers, and "
            "share buying through short circuits every week or month (%, 95 % intervals). "
            "Supply per home zone: the producers and markets reached within the travel time "
            "on the road network (driving or walking; the zone starts from every network node "
            "inside it) or within a straight-line distance of the zone; producers per 1 000 "
            "inhabitants of the zone (population grid), market sessions per week. A zone is "
            "“high demand, low supply” when its interested share is at or above the median "
            "of the zones (with 11 respondents or more) and its producers per 1 000 "
            "inhabitants at or below the median. Publication rules: fewer than 11 respondents, "
            "no value (reason given) and nothing in the indicators table; under 30, low "
            "precision. Indicators: short_circuit_interested and short_circuit_buyers "
            "(territory and __home_zone_<zone>), short_circuit_interested_type<k>. Output: "
            "the layer of home zones (styled: high demand and low supply in red) and the "
            "demand by type and zone.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_run_parameter()
        self.addParameter(advanced(QgsProcessingParameterString(
            self.TYPOLOGY_RUN, self.tr("Typology run (name or uuid; empty = the latest)"),
            optional=True)))
        self.add_home_zones_parameters(optional=False)
        self.addParameter(QgsProcessingParameterEnum(
            self.REACH, self.tr("Producers and markets reached by"),
            [self.tr("Driving time on the road network"),
             self.tr("Walking time on the road network"),
             self.tr("Straight-line distance")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MINUTES, self.tr("Travel time (min)"), QgsProcessingParameterNumber.Double,
            defaultValue=15.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Straight-line distance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=10000.0, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Network tolerance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=1000.0, minValue=0.0)))
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Home zones: short-circuit demand and supply"),
            QgsProcessing.TypeVectorPolygon))
        add_table_sink(self, self.OUTPUT_TYPES, self.tr("Short-circuit demand by type and "
                                                        "zone"), optional=True)
        self.addOutput(QgsProcessingOutputNumber("FLAGGED", self.tr(
            "Zones of high demand and low supply")))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", self.tr("Indicators written")))

    def checkParameterValues(self, parameters, context):
        reach = REACHES[self.parameterAsEnum(parameters, self.REACH, context)]
        if reach != ssc.DISTANCE:
            if not self.parameterAsDouble(parameters, self.MINUTES, context) > 0:
                return False, self.tr("The travel time must be more than 0 minutes.")
            if not self.parameterAsDouble(parameters, self.TOLERANCE, context) > 0:
                return False, self.tr("The network tolerance must be > 0 m.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            crs = gpkg_crs(conn)
            zones = self.home_zones(parameters, context, feedback, crs, required=True)
            feedback.setProgress(10)
            reach_kind = REACHES[self.parameterAsEnum(parameters, self.REACH, context)]
            if reach_kind == ssc.DISTANCE:
                reach = ssc.distance_reach(zones, self.parameterAsDouble(
                    parameters, self.DISTANCE, context))
            else:
                reach = ssc.network_reach(
                    conn, zones, reach_kind,
                    self.parameterAsDouble(parameters, self.MINUTES, context),
                    self.parameterAsDouble(parameters, self.TOLERANCE, context),
                    warn=lambda m: feedback.reportError(m, False))
            typology = self.parameterAsString(parameters, self.TYPOLOGY_RUN, context).strip()
            outcome = ssc.compute(conn, zones, reach, run=self.run_reference(parameters,
                                                                             context),
                                  typology=typology or None)
            self.log_notes(feedback, outcome.notes)
            feedback.setProgress(70)
            self.stop_if_canceled(feedback)
            if self.parameterAsBool(parameters, self.WRITE, context):
                ssc.write(conn, outcome)
                feedback.pushInfo(self.tr("{n} indicators written").format(
                    n=outcome.indicators))
        finally:
            conn.close()
        table = outcome.zones
        flagged = table[table[ssc.FLAG]]
        if len(flagged):
            feedback.pushInfo(self.tr("High demand, low supply: {zones}").format(
                zones=", ".join(flagged["zone"])))
        geoms = [self.zone_geometries.get(z) for z in table["zone"]]
        dest = write_frame(self, parameters, self.OUTPUT_ZONES, context, table, crs,
                           geometries=geoms, wkb_type=QgsWkbTypes.MultiPolygon, kinds=KINDS,
                           feedback=feedback)
        style_on_load(context, dest, short_circuit_styler())
        results = {self.OUTPUT_ZONES: dest, "FLAGGED": len(flagged),
                   "INDICATORS": outcome.indicators}
        if len(outcome.by_type):
            results[self.OUTPUT_TYPES] = write_frame(
                self, parameters, self.OUTPUT_TYPES, context, outcome.by_type, kinds=KINDS,
                feedback=feedback)
        feedback.setProgress(100)
        return results
