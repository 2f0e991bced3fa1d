"""observatoire:vacancy_rates - vacancy rate per centrality and inventory campaign."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ....store import geometry, observatory, readers, vacancy
from ..base import ObservatoireAlgorithm


def split_list(text: str) -> list:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


def table_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (("centrality_uuid", QVariant.String), ("centrality", QVariant.String),
                       ("level", QVariant.String), ("campaign_uuid", QVariant.String),
                       ("campaign", QVariant.String), ("premises", QVariant.Int),
                       ("vacant", QVariant.Int), ("vacancy_rate", QVariant.Double)):
        fields.append(QgsField(name, kind))
    return fields


def _value(v):
    return None if v is None or v != v else v  # NaN -> NULL


class VacancyRates(ObservatoireAlgorithm):
    ALG_ID = "vacancy_rates"
    GROUP = "offre"
    CAMPAIGNS = "CAMPAIGNS"
    VACANT_STATUSES = "VACANT_STATUSES"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"

    def displayName(self):
        return self.tr("Vacancy rates per centrality and campaign")

    def shortHelpString(self):
        return self.tr(
            "For each centrality and inventory campaign: premises = observations of the campaign "
            "whose premise lies in the centrality, demolished premises excluded; vacant = those "
            "whose status counts as vacant (the statuses flagged counts_as_vacant in the "
            "observation_statuses table, or the list given); vacancy rate (%) = 100 × vacant / "
            "premises, left empty (NULL) when the centrality holds no premise. A premise lying "
            "in two overlapping centralities belongs to the higher level one. Premises outside "
            "every centrality are counted apart (row with an empty centrality). Results are "
            "written to the indicators table (premises, vacant_premises, vacancy_rate) and "
            "returned as a table and as a centralities layer holding the latest campaign.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGNS, self.tr("Campaigns (names separated by commas; empty = all)"),
            optional=True))
        statuses = QgsProcessingParameterString(
            self.VACANT_STATUSES,
            self.tr("Statuses counted as vacant (codes separated by commas; empty = those "
                    "flagged in the GeoPackage)"), optional=True)
        statuses.setFlags(statuses.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(statuses)
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE, self.tr("Write the results to the indicators table"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Vacancy table"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Centralities with vacancy"),
            QgsProcessing.TypeVectorPolygon))

    def checkParameterValues(self, parameters, context):
        ok, message = self.check_geopackage(parameters, context)
        if not ok:
            return ok, message
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        finally:
            conn.close()

    def _run(self, conn, parameters, context, feedback):
        camps = readers.campaigns(conn)
        wanted = split_list(self.parameterAsString(parameters, self.CAMPAIGNS, context))
        unknown = [w for w in wanted if w not in set(camps["name"])]
        if unknown:
            raise QgsProcessingException(self.tr(
                "Unknown campaign(s): {unknown}. Campaigns in the GeoPackage: {known}.").format(
                    unknown=", ".join(unknown), known=", ".join(camps["name"]) or "-"))
        if camps.empty:
            raise QgsProcessingException(self.tr(
                "The GeoPackage holds no inventory campaign: nothing to compute."))
        campaign_uuids = camps.loc[camps["name"].isin(wanted), "uuid"].tolist() if wanted else None
        statuses = split_list(self.parameterAsString(parameters, self.VACANT_STATUSES, context))
        known_statuses = {r[0] for r in conn.execute("SELECT code FROM observation_statuses")}
        bad = [s for s in statuses if s not in known_statuses]
        if bad:
            raise QgsProcessingException(self.tr(
                "Unknown status code(s): {bad}. Known codes: {known}.").format(
                    bad=", ".join(bad), known=", ".join(sorted(known_statuses))))
        write = self.parameterAsBool(parameters, self.WRITE, context)
        if feedback.isCanceled():
            return {}
        table = vacancy.compute(conn, campaign_uuids=campaign_uuids,
                                vacant_statuses=statuses or None, write=write,
                                feedback=feedback.setProgress)
        crs = QgsCoordinateReferenceSystem(f"EPSG:{observatory.srs_id(conn)}")

        fields = table_fields()
        sink, table_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields,
                                              QgsWkbTypes.NoGeometry, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TABLE))
        for row in table.itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setAttributes([_value(v) for v in (
                row.centrality_uuid, row.centrality, row.level, row.campaign_uuid, row.campaign,
                int(row.premises), int(row.vacant), row.vacancy_rate)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)

        latest = table["campaign_uuid"].iloc[-1] if len(table) else None
        layer_fields = QgsFields()
        for name, kind in (("uuid", QVariant.String), ("name", QVariant.String),
                           ("level", QVariant.String), ("campaign", QVariant.String),
                           ("premises", QVariant.Int), ("vacant", QVariant.Int),
                           ("vacancy_rate", QVariant.Double)):
            layer_fields.append(QgsField(name, kind))
        csink, cent_id = self.parameterAsSink(parameters, self.OUTPUT_CENTRALITIES, context,
                                              layer_fields, QgsWkbTypes.MultiPolygon, crs)
        if csink is None:
            raise QgsProcessingException(
                self.invalidSinkError(parameters, self.OUTPUT_CENTRALITIES))
        latest_rows = table[table["campaign_uuid"] == latest].set_index("centrality_uuid",
                                                                         drop=False)
        for r in conn.execute("SELECT uuid, name, level, geom FROM centralities ORDER BY name"):
            feature = QgsFeature(layer_fields)
            if r["geom"] is not None:
                geom = QgsGeometry()
                geom.fromWkb(geometry.wkb(r["geom"]))
                feature.setGeometry(geom)
            row = latest_rows.loc[r["uuid"]] if r["uuid"] in latest_rows.index else None
            feature.setAttributes([
                r["uuid"], r["name"], r["level"],
                None if row is None else row["campaign"],
                None if row is None else int(row["premises"]),
                None if row is None else int(row["vacant"]),
                None if row is None else _value(row["vacancy_rate"])])
            csink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.setProgress(100)
        return {self.OUTPUT_TABLE: table_id, self.OUTPUT_CENTRALITIES: cent_id}
