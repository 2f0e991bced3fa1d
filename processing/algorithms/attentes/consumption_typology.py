"""observatoire:consumption_typology - indicator 11: types of consumption behaviour."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....jobs import survey_typology as st
from ...layers import gpkg_crs
from ...outputs import typed_kinds, write_frame
from ...parameters import add_table_sink, add_write_parameter, advanced
from ...styling import style_on_load
from ...survey_styles import dominant_type_styler
from .survey_common import SurveyAlgorithm, answer_labels

CONSOLIDATIONS = ("weighted", "factominer", "none")
TYPE_KINDS = typed_kinds(ints=("type", "respondents"),
                         doubles=("weight", "share", "ci_low", "ci_high"),
                         strings=("name", "reason"), bools=("low_precision",))
ANSWER_KINDS = typed_kinds(ints=("type", "respondents"),
                           doubles=("cla_mod", "mod_cla", "global", "p_value", "v_test"),
                           strings=("name", "question", "category", "label", "reason"),
                           bools=("low_precision",))
ZONE_KINDS = typed_kinds(ints=("type", "respondents"), doubles=("share",),
                         strings=("zone", "type_name", "reason"), bools=("low_precision",))


class ConsumptionTypology(SurveyAlgorithm):
    ALG_ID = "consumption_typology"
    N_TYPES = "N_TYPES"
    MIN_TYPES = "MIN_TYPES"
    MAX_TYPES = "MAX_TYPES"
    NCP = "NCP"
    NAME = "NAME"
    CONSOLIDATION = "CONSOLIDATION"
    OUTPUT_TYPES = "OUTPUT_TYPES"
    OUTPUT_ANSWERS = "OUTPUT_ANSWERS"
    OUTPUT_ZONES = "OUTPUT_ZONES"

    def displayName(self):
        return self.tr("Consumption typology")

    def shortHelpString(self):
        return self.tr(
            "Indicator 11: types of consumption behaviour of the weighted respondents, as "
            "FactoMineR (MCA, then HCPC, then catdes), weighted by the survey weights. Active "
            "questions: how often and how the respondent comes to the main centrality, how many "
            "centralities they visit, the reasons of their visits (yes / no each), where they "
            "buy each purchase category, the share bought online, how often they buy through "
            "short circuits and the ways they would buy from producers (yes / no each). A "
            "missing answer is a category. The MCA keeps the given number of dimensions; Ward's "
            "hierarchical clustering on them (merge cost W_a W_b / (W_a + W_b) × ||g_a − g_b||²)"
            " gives the types, their number chosen in [min, max] where the next split gains "
            "relatively least (within(k) / within(k − 1) smallest) unless given; k-means "
            "consolidation follows (above 2 000 respondents, 100 k-means pre-clusters first). "
            "Consolidation (advanced): weighted by the survey weights by default, consistent "
            "with the weighted MCA and Ward; “unweighted, as FactoMineR” reproduces R's HCPC "
            "exactly (its k-means ignores the row weights), so choose it to compare with R; "
            "“none” keeps Ward's classes. Each type is described by its over-represented answers"
            " with their test-values (catdes: the normal deviate of the hypergeometric p-value; "
            "above 1.96 significant at 5 %) and named after its strongest ones (names are "
            "editable in the survey_types table). The run is stored (types per response); type "
            "shares (%) per centrality (visitors), home zone and territory go to the indicators "
            "table (typology_share_type<k>) under the publication rules (fewer than 11 "
            "respondents: not written; under 30: low precision). With the home zones layer, a "
            "layer of home zones with their dominant type.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_run_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.N_TYPES, self.tr("Number of types (0 = chosen from the inertia gains)"),
            QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0, maxValue=20))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MIN_TYPES, self.tr("Fewest types when chosen"),
            QgsProcessingParameterNumber.Integer, defaultValue=3, minValue=2)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MAX_TYPES, self.tr("Most types when chosen"),
            QgsProcessingParameterNumber.Integer, defaultValue=10, minValue=2)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.NCP, self.tr("MCA dimensions kept for the clustering"),
            QgsProcessingParameterNumber.Integer, defaultValue=5, minValue=1)))
        self.addParameter(advanced(QgsProcessingParameterEnum(
            self.CONSOLIDATION, self.tr("Consolidation of Ward's classes (k-means)"),
            [self.tr("Weighted by the survey weights (default)"),
             self.tr("Unweighted, as FactoMineR (same classes as R)"),
             self.tr("None (Ward's classes)")], defaultValue=0)))
        self.addParameter(QgsProcessingParameterString(
            self.NAME, self.tr("Name of the typology run"), optional=True))
        self.add_home_zones_parameters()
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT_TYPES, self.tr("Consumption types"))
        add_table_sink(self, self.OUTPUT_ANSWERS, self.tr("Characteristic answers of the "
                                                          "types"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Home zones and their dominant type"),
            QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("RUN", self.tr("Typology run (uuid)")))
        self.addOutput(QgsProcessingOutputNumber("TYPES", self.tr("Number of types")))
        self.addOutput(QgsProcessingOutputNumber("INDICATORS", self.tr("Indicators written")))

    def checkParameterValues(self, parameters, context):
        low = self.parameterAsInt(parameters, self.MIN_TYPES, context)
        high = self.parameterAsInt(parameters, self.MAX_TYPES, context)
        if high < low:
            return False, self.tr("The most types ({high}) must be at least the fewest "
                                  "({low}).").format(high=high, low=low)
        if self.parameterAsInt(parameters, self.N_TYPES, context) == 1:
            return False, self.tr("A typology needs at least 2 types (0 = chosen).")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            crs = gpkg_crs(conn)
            zones = self.home_zones(parameters, context, feedback, crs)
            question_label, choice_label = answer_labels(conn)

            def progress(done, total):
                feedback.setProgress(10 + 60 * done / max(total, 1))
                return not feedback.isCanceled()

            n_types = self.parameterAsInt(parameters, self.N_TYPES, context) or None
            consolidation = CONSOLIDATIONS[self.parameterAsEnum(parameters, self.CONSOLIDATION,
                                                                context)]
            try:
                outcome = st.compute(
                    conn, run=self.run_reference(parameters, context), n_types=n_types,
                    ncp=self.parameterAsInt(parameters, self.NCP, context),
                    min_types=self.parameterAsInt(parameters, self.MIN_TYPES, context),
                    max_types=self.parameterAsInt(parameters, self.MAX_TYPES, context),
                    consolidation=consolidation, question_label=question_label,
                    choice_label=choice_label, progress=progress)
            except st.CancelledError as exc:
                raise QgsProcessingException(self.tr("Canceled: nothing was written.")) \
                    from exc
            if outcome.weighted.note:
                feedback.pushWarning(outcome.weighted.note)
            self.stop_if_canceled(feedback)
            name = self.parameterAsString(parameters, self.NAME, context).strip() or None
            run_uuid = st.store(conn, outcome, name=name,
                                write_indicators=self.parameterAsBool(parameters, self.WRITE,
                                                                      context),
                                parameters={"n_types": n_types, "chosen": n_types is None,
                                            "consolidation": consolidation})
        finally:
            conn.close()
        result = outcome.result
        feedback.pushInfo(self.tr("{k} types of {n} respondents ({kept:.1f} % of the inertia "
                                  "on the {ncp} dimensions kept):").format(
            k=result.hcpc.n_clusters, n=len(result.types), ncp=result.mca.ncp,
            kept=float(result.mca.eigenvalues["percent"].iloc[:result.mca.ncp].sum())))
        types = st.published_types(outcome.types)
        for line in st.type_lines(types):
            feedback.pushInfo(line)
        feedback.pushInfo(self.tr("{n} indicators written").format(n=outcome.indicators))
        types_dest = write_frame(self, parameters, self.OUTPUT_TYPES, context, types,
                                 kinds=TYPE_KINDS, feedback=feedback)
        answers_dest = write_frame(self, parameters, self.OUTPUT_ANSWERS, context,
                                   st.published_answers(outcome.description, outcome.types),
                                   kinds=ANSWER_KINDS, feedback=feedback)
        results = {self.OUTPUT_TYPES: types_dest, self.OUTPUT_ANSWERS: answers_dest,
                   "RUN": run_uuid, "TYPES": int(result.hcpc.n_clusters),
                   "INDICATORS": outcome.indicators}
        if zones is not None:
            dominant = outcome.dominant.set_index("zone").reindex(list(zones.polygons)) \
                .reset_index().rename(columns={"index": "zone"})
            dominant["respondents"] = dominant["respondents"].fillna(0).astype("int64")
            dominant["low_precision"] = dominant["low_precision"].fillna(True).astype(bool)
            missing = dominant["respondents"] < 11
            dominant.loc[missing, "reason"] = dominant.loc[missing, "reason"].fillna(
                self.tr("fewer than {n} respondents").format(n=11))
            geoms = [self.zone_geometries.get(z) for z in dominant["zone"]]
            zones_dest = write_frame(self, parameters, self.OUTPUT_ZONES, context, dominant,
                                     crs, geometries=geoms,
                                     wkb_type=QgsWkbTypes.MultiPolygon, kinds=ZONE_KINDS,
                                     feedback=feedback)
            style_on_load(context, zones_dest, dominant_type_styler(
                dict(zip(outcome.types["type"], outcome.types["name"]))))
            results[self.OUTPUT_ZONES] = zones_dest
        else:
            feedback.pushInfo(self.tr("No home zones layer: no layer of dominant types."))
        feedback.setProgress(100)
        return results
