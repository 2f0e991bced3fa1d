"""observatoire:vacancy_rates - vacancy per centrality (street, linear) and campaign."""

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ....jobs import vacancy
from ....jobs.common import JobError
from ....store import readers
from ....store.readers import territory
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs, line_parts, source_of
from ...outputs import blob_geometry, typed_kinds, write_frame
from ...parameters import (
    add_campaigns_parameter,
    add_include_unconfirmed_parameter,
    add_vacant_statuses_parameter,
    add_write_parameter,
    campaign_uuids,
    vacant_statuses,
)
from ...styling import style_on_load, vacancy_band_styler

COUNT_COLUMNS = ("premises", "vacant", "premises_without_area", "previous_premises", "changed",
                 "openings", "closures", "activity_changes", "new_premises", "unconfirmed")
RATE_COLUMNS = ("vacancy_rate", "floor_area", "vacant_floor_area", "vacancy_rate_floor_area",
                "rate_change", "turnover_rate")
TEXT_COLUMNS = ("zone_type", "zone_id", "zone_name", "centrality_uuid", "centrality", "level",
                "campaign_uuid", "campaign", "procos_band")
LAYER_COLUMNS = ["campaign", "premises", "vacant", "vacancy_rate", "vacancy_rate_floor_area",
                 "procos_band", "rate_change", "turnover_rate", "openings", "closures",
                 "activity_changes", "unconfirmed"]
KINDS = typed_kinds(ints=COUNT_COLUMNS, doubles=RATE_COLUMNS,
                    strings=TEXT_COLUMNS + ("uuid", "name"))


class VacancyRates(JobAlgorithm):
    ALG_ID = "vacancy_rates"
    GROUP = "offre"
    CAMPAIGNS = "CAMPAIGNS"
    VACANT_STATUSES = "VACANT_STATUSES"
    GROUND_FLOOR_ONLY = "GROUND_FLOOR_ONLY"
    ZONE_TYPE = "ZONE_TYPE"
    LINEAR = "LINEAR"
    LINEAR_NAME_FIELD = "LINEAR_NAME_FIELD"
    LINEAR_DISTANCE = "LINEAR_DISTANCE"
    INCLUDE_UNCONFIRMED = "INCLUDE_UNCONFIRMED"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"

    def displayName(self):
        return self.tr("Vacancy rates per centrality and campaign")

    def shortHelpString(self):
        return self.tr(
            "For each zone (centrality; or street, from the premises' street column; or "
            "commercial linear: the nearest line within a distance) and inventory campaign:\n"
            "premises = premises observed in the campaign, demolished and 'unknown' statuses "
            "excluded (ground floor only if asked);\n"
            "vacant = those whose status counts as vacant (the statuses flagged "
            "counts_as_vacant in observation_statuses, or the codes given: add works or "
            "other_use if they should count);\n"
            "vacancy rate (%) = 100 × vacant / premises;\n"
            "floor-area vacancy rate (%) = 100 × vacant floor area / floor area, over the "
            "premises whose floor area is known;\n"
            "Procos band: normal < 5 %, moderate 5 to 7.5 %, worrying 7.5 to 10 %, critical "
            "≥ 10 %;\n"
            "change (points) = rate − rate of the previous campaign;\n"
            "openings = vacant before, occupied now; closures = occupied before, vacant now; "
            "activity changes = occupied both times with another activity group;\n"
            "turnover rate (%) = 100 × premises whose status or occupant changed since the "
            "previous campaign / premises at the previous campaign (Codata). A premise made by "
            "a split or a merge takes its parents' previous state.\n"
            "Rates are empty (NULL) when their denominator is 0. Premises outside every zone "
            "are counted apart. Observations still to confirm (pre-filled, not yet visited) "
            "are counted with their pre-filled status unless unticked; their number is in the "
            "unconfirmed column. The indicators (per centrality) go to the indicators table; "
            "the centralities layer holds the latest campaign.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_campaigns_parameter(self, self.CAMPAIGNS)
        add_vacant_statuses_parameter(self, self.VACANT_STATUSES)
        self.addParameter(QgsProcessingParameterBoolean(
            self.GROUND_FLOOR_ONLY, self.tr("Ground-floor premises only"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            self.ZONE_TYPE, self.tr("Zones"),
            options=[self.tr("Centralities"), self.tr("Streets"),
                     self.tr("Commercial linears (line layer)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LINEAR, self.tr("Commercial linears"), [QgsProcessing.TypeVectorLine],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LINEAR_NAME_FIELD, self.tr("Linear name field"),
            parentLayerParameterName=self.LINEAR, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.LINEAR_DISTANCE, self.tr("Distance of a premise to its linear (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=15.0, minValue=0.0))
        add_include_unconfirmed_parameter(self, self.INCLUDE_UNCONFIRMED)
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Vacancy table"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Centralities with vacancy"),
            QgsProcessing.TypeVectorPolygon))

    def zone_type(self, parameters, context) -> str:
        return vacancy.ZONE_TYPES[self.parameterAsEnum(parameters, self.ZONE_TYPE, context)]

    def checkParameterValues(self, parameters, context):
        if self.zone_type(parameters, context) == "linear" and not parameters.get(self.LINEAR):
            return False, self.tr("Choose the line layer of the commercial linears.")
        return super().checkParameterValues(parameters, context)

    def _campaigns(self, conn, parameters, context):
        camps = readers.campaigns(conn)
        if camps.empty:
            raise JobError(self.tr(
                "The GeoPackage holds no inventory campaign: nothing to compute."))
        return campaign_uuids(self, camps, parameters, self.CAMPAIGNS, context)

    def run_job(self, conn, parameters, context, feedback):
        campaign_uuids = self._campaigns(conn, parameters, context)
        statuses = vacant_statuses(self, conn, parameters, self.VACANT_STATUSES, context)
        zone_type = self.zone_type(parameters, context)
        crs = gpkg_crs(conn)
        lines = None
        if zone_type == "linear":
            source = source_of(self, parameters, self.LINEAR, context)
            lines = line_parts(source, self.parameterAsString(
                parameters, self.LINEAR_NAME_FIELD, context), crs, context, feedback)
            if not lines:
                raise JobError(self.tr("The linear layer holds no line."))
        options = {
            "campaign_uuids": campaign_uuids, "vacant_statuses": statuses,
            "ground_floor_only": self.parameterAsBool(parameters, self.GROUND_FLOOR_ONLY,
                                                      context),
            "include_unconfirmed": self.parameterAsBool(parameters, self.INCLUDE_UNCONFIRMED,
                                                        context)}
        write = self.parameterAsBool(parameters, self.WRITE, context)
        checkpoint = self.checkpoint(feedback)
        warnings = []
        table = vacancy.compute(
            conn, zone_type=zone_type, lines=lines, line_distance=self.parameterAsDouble(
                parameters, self.LINEAR_DISTANCE, context),
            write=write and zone_type == "centrality",
            feedback=lambda p: feedback.setProgress(p * 0.7), warn=warnings.append,
            checkpoint=checkpoint, **options)
        by_centrality = table if zone_type == "centrality" else vacancy.compute(
            conn, write=write, checkpoint=checkpoint, **options)
        for message in dict.fromkeys(warnings):
            feedback.pushWarning(message)
        table_id = write_frame(self, parameters, self.OUTPUT_TABLE, context, table, crs,
                                 feedback=feedback, kinds=KINDS)
        feedback.setProgress(85)
        cent_id = self._centralities(conn, parameters, context, by_centrality, crs)
        style_on_load(context, cent_id, vacancy_band_styler())
        feedback.setProgress(100)
        return {self.OUTPUT_TABLE: table_id, self.OUTPUT_CENTRALITIES: cent_id}

    def _centralities(self, conn, parameters, context, table, crs):
        latest = vacancy.latest_by_zone(table)
        rows, geoms = [], []
        for r in territory.centrality_features(conn):
            values = latest.get(r["uuid"], {})
            rows.append({"uuid": r["uuid"], "name": r["name"], "level": r["level"],
                         **{c: values.get(c) for c in LAYER_COLUMNS}})
            geoms.append(blob_geometry(r["geom"]))
        frame = pd.DataFrame(rows, columns=["uuid", "name", "level"] + LAYER_COLUMNS)
        return write_frame(self, parameters, self.OUTPUT_CENTRALITIES, context, frame, crs,
                             geometries=geoms, wkb_type=QgsWkbTypes.MultiPolygon, kinds=KINDS)
