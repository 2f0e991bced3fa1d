"""observatoire:purchase_flows - where each home zone buys each purchase category (CCI method)."""

from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....jobs import survey_purchases as spx
from ...layers import gpkg_crs
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter, split_list
from ...styling import style_on_load
from ...survey_styles import FlowLineStyler
from .survey_common import SurveyAlgorithm

KINDS = typed_kinds(ints=("respondents", "place_respondents", "evasion_respondents", "zones"),
                    doubles=("share", "se", "ci_low", "ci_high", "weighted_base",
                             "weighted_place", "evasion_rate", "captured", "potential",
                             "capture_rate"),
                    strings=("category", "zone", "place", "place_name", "centrality",
                             "centrality_name", "reason"),
                    bools=("low_precision", "is_centrality"))


class PurchaseFlows(SurveyAlgorithm):
    ALG_ID = "purchase_flows"
    OUTSIDE = "OUTSIDE_PLACES"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_EVASION = "OUTPUT_EVASION"
    OUTPUT_SPENDING = "OUTPUT_SPENDING"
    OUTPUT_LINES = "OUTPUT_LINES"

    def displayName(self):
        return self.tr("Purchase flows")

    def shortHelpString(self):
        return self.tr(
            "The household-survey method of the chambers of commerce, from the weighted "
            "answers to “where do you usually buy …”: for each purchase category and home "
            "zone (the weighting run's), the weighted share of purchases made in each place — "
            "each centrality (the one named in “in which centrality”), other centres, the "
            "periphery, online, markets and short circuits, another town — with its 95 % "
            "interval; “not concerned” is left out of the denominators. Capture rate (taux "
            "d'emprise) of a centrality on a zone = its share of the zone's purchases; "
            "evasion rate (taux d'évasion) = the share made in the outside places (another "
            "town and online by default). Rows “all” pool every zone. With an annual spending "
            "per household and category in the survey_spending table (its source and year; "
            "none is invented) and the home zones layer: consumption potential = households of "
            "the zone (population grid) × spending, captured spending of a centrality = Σ "
            "potential × capture rate (€ per year). Publication rules: a cell of fewer than "
            "11 respondents has no value (reason given) and is never written to the "
            "indicators table (purchase_capture_<category>, purchase_evasion_<category>, "
            "__home_zone_<zone> per zone, purchase_captured_spending_<category>); under 30 it "
            "is flagged low precision. With the home zones layer, a flow-line layer from where "
            "each zone's people live (population-weighted centre) to each centrality, its "
            "width by share.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_run_parameter()
        self.add_home_zones_parameters()
        self.addParameter(QgsProcessingParameterString(
            self.OUTSIDE, self.tr("Places counted as evasion (codes separated by commas)"),
            defaultValue="other_town, online"))
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT_MATRIX, self.tr("Purchase flows (zone × place)"))
        add_table_sink(self, self.OUTPUT_EVASION, self.tr("Evasion rates"))
        add_table_sink(self, self.OUTPUT_SPENDING, self.tr("Captured spending per "
                                                           "centrality"), optional=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINES, self.tr("Flow lines home zone → centrality"),
            QgsProcessing.TypeVectorLine, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", self.tr("Indicators written")))

    def checkParameterValues(self, parameters, context):
        if not split_list(self.parameterAsString(parameters, self.OUTSIDE, context)):
            return False, self.tr("Name at least one place counted as evasion (e.g. "
                                  "other_town, online).")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            crs = gpkg_crs(conn)
            zones = self.home_zones(parameters, context, feedback, crs)
            feedback.setProgress(10)
            outcome = spx.compute(conn, run=self.run_reference(parameters, context),
                                  zones=zones, outside_places=split_list(
                                      self.parameterAsString(parameters, self.OUTSIDE,
                                                             context)))
            if outcome.weighted.note:
                feedback.pushWarning(outcome.weighted.note)
            self.log_notes(feedback, outcome.notes)
            feedback.setProgress(60)
            self.stop_if_canceled(feedback)
            if self.parameterAsBool(parameters, self.WRITE, context):
                spx.write(conn, outcome)
                feedback.pushInfo(self.tr("{n} indicators written").format(
                    n=outcome.indicators))
        finally:
            conn.close()
        results = {"INDICATORS": outcome.indicators}
        results[self.OUTPUT_MATRIX] = write_frame(
            self, parameters, self.OUTPUT_MATRIX, context, outcome.matrix, kinds=KINDS,
            feedback=feedback)
        results[self.OUTPUT_EVASION] = write_frame(
            self, parameters, self.OUTPUT_EVASION, context, outcome.evasion, kinds=KINDS,
            feedback=feedback)
        if outcome.spending is not None:
            results[self.OUTPUT_SPENDING] = write_frame(
                self, parameters, self.OUTPUT_SPENDING, context, outcome.spending,
                kinds=KINDS, feedback=feedback)
        if len(outcome.lines):
            lines = outcome.lines
            geoms = [QgsGeometry.fromPolylineXY([QgsPointXY(a, b), QgsPointXY(c, d)])
                     for a, b, c, d in zip(lines["x0"], lines["y0"], lines["x1"],
                                           lines["y1"])]
            dest = write_frame(self, parameters, self.OUTPUT_LINES, context,
                               lines.drop(columns=["x0", "y0", "x1", "y1"]), crs,
                               geometries=geoms, wkb_type=QgsWkbTypes.LineString,
                               kinds=KINDS, feedback=feedback)
            style_on_load(context, dest, FlowLineStyler("share", float(lines["share"].max())))
            results[self.OUTPUT_LINES] = dest
        elif zones is None:
            feedback.pushInfo(self.tr("No home zones layer: no flow lines."))
        feedback.setProgress(100)
        return results
