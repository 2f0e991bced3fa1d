"""observatoire:offer_mix - offer mix and diversity per centrality and campaign."""

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ....jobs import offer
from ....store import readers
from ....store.readers import territory
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs
from ...outputs import blob_geometry, typed_kinds, write_frame
from ...parameters import (
    add_campaigns_parameter,
    add_include_unconfirmed_parameter,
    add_write_parameter,
    campaign_uuids,
)
from ...styling import GraduatedStyler, style_on_load

SUMMARY_INTS = ("shops", "unknown_group", "groups", "independents", "chains", "unknown_chain",
                "shops_change")
SUMMARY_DOUBLES = ("shannon", "pielou", "simpson", "independent_share", "population",
                   "density_per_1000", "shannon_change", "simpson_change", "share",
                   "share_change")
KINDS = typed_kinds(ints=SUMMARY_INTS, doubles=SUMMARY_DOUBLES,
                    strings=("centrality_uuid", "centrality", "campaign_uuid", "campaign",
                             "activity_group", "uuid", "name", "level"))
LAYER_COLUMNS = ["campaign", "shops", "groups", "shannon", "pielou", "simpson",
                 "independent_share", "population", "density_per_1000", "shops_change"]


class OfferMix(JobAlgorithm):
    ALG_ID = "offer_mix"
    GROUP = "offre"
    CAMPAIGNS = "CAMPAIGNS"
    POPULATION_RULE = "POPULATION_RULE"
    POPULATION_DISTANCE = "POPULATION_DISTANCE"
    GROUND_FLOOR_ONLY = "GROUND_FLOOR_ONLY"
    INCLUDE_UNCONFIRMED = "INCLUDE_UNCONFIRMED"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_GROUPS = "OUTPUT_GROUPS"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"

    def displayName(self):
        return self.tr("Offer mix and diversity per centrality")

    def shortHelpString(self):
        return self.tr(
            "Per centrality and campaign, over the occupied premises with a known activity "
            "group (hors commerce excluded): shops N, shops n_g and share 100 × n_g / N (%) per "
            "activity group, K = number of groups present, Shannon H = −Σ p_g ln p_g (natural "
            "log; 0 for one group), Pielou J = H / ln K (empty when K ≤ 1), Simpson = Σ p_g "
            "(1 − p_g) (0 for one group), independents vs chains (chain or franchise), "
            "independent share (%), density = 1 000 × N / population (shops per 1 000 "
            "inhabitants), and the change since the previous campaign. Population = sum of the "
            "ind column of the 200 m grid cells whose centroid lies inside the centrality, or "
            "within the given distance of it. Indicators go to the indicators table.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_campaigns_parameter(self, self.CAMPAIGNS)
        self.addParameter(QgsProcessingParameterEnum(
            self.POPULATION_RULE, self.tr("Population of a centrality"),
            options=[self.tr("Grid cells whose centroid is inside the centrality"),
                     self.tr("Grid cells whose centroid is within the distance")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.POPULATION_DISTANCE, self.tr("Population distance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.GROUND_FLOOR_ONLY, self.tr("Ground-floor premises only"), defaultValue=False))
        add_include_unconfirmed_parameter(self, self.INCLUDE_UNCONFIRMED)
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Offer mix"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_GROUPS, self.tr("Offer mix by activity group"),
            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Centralities with offer mix"),
            QgsProcessing.TypeVectorPolygon))

    def run_job(self, conn, parameters, context, feedback):
        warnings = []
        uuids = campaign_uuids(self, readers.campaigns(conn), parameters, self.CAMPAIGNS,
                               context)
        by_distance = self.parameterAsEnum(parameters, self.POPULATION_RULE, context) == 1
        feedback.setProgress(10)
        summary, by_group = offer.mix(
            conn, campaign_uuids=uuids,
            population_distance=self.parameterAsDouble(
                parameters, self.POPULATION_DISTANCE, context) if by_distance else None,
            ground_floor_only=self.parameterAsBool(parameters, self.GROUND_FLOOR_ONLY,
                                                   context),
            include_unconfirmed=self.parameterAsBool(parameters, self.INCLUDE_UNCONFIRMED,
                                                     context),
            write=self.parameterAsBool(parameters, self.WRITE, context),
            warn=warnings.append, checkpoint=self.checkpoint(feedback))
        crs = gpkg_crs(conn)
        cents = territory.centrality_features(conn)
        for message in warnings:
            feedback.pushWarning(message)
        feedback.setProgress(70)
        table_id = write_frame(self, parameters, self.OUTPUT_TABLE, context, summary, crs,
                                 kinds=KINDS)
        groups_id = write_frame(self, parameters, self.OUTPUT_GROUPS, context, by_group, crs,
                                  kinds=KINDS)
        latest = {r["centrality_uuid"]: r for r in summary.to_dict("records")}
        rows = [{"uuid": c["uuid"], "name": c["name"], "level": c["level"],
                 **{k: latest.get(c["uuid"], {}).get(k) for k in LAYER_COLUMNS}}
                for c in cents]
        layer = pd.DataFrame(rows, columns=["uuid", "name", "level"] + LAYER_COLUMNS)
        cent_id = write_frame(self, parameters, self.OUTPUT_CENTRALITIES, context, layer, crs,
                                geometries=[blob_geometry(c["geom"]) for c in cents],
                                wkb_type=QgsWkbTypes.MultiPolygon, kinds=KINDS)
        style_on_load(context, cent_id, GraduatedStyler("shannon", "Greens"))
        feedback.setProgress(100)
        return {self.OUTPUT_TABLE: table_id, self.OUTPUT_GROUPS: groups_id,
                self.OUTPUT_CENTRALITIES: cent_id}
