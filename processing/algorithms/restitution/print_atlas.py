"""observatoire:print_atlas - atlas PDF, one page per centrality."""

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsVectorLayer,
)

from ....i18n import qgis_locale
from ....jobs import vacancy
from ....reporting import atlas
from ....store import observatory, readers
from ....store.readers import territory
from ..base import ObservatoireAlgorithm


class PrintAtlas(ObservatoireAlgorithm):
    ALG_ID = "print_atlas"
    GROUP = "restitution"
    CAMPAIGN = "CAMPAIGN"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def displayName(self):
        return self.tr("Print the vacancy atlas (PDF)")

    def shortHelpString(self):
        return self.tr(
            "Prints one PDF page per centrality from the template "
            "resources/templates/atlas_centrality.qpt: a map of the premises coloured by their "
            "status in the chosen campaign (default: the latest) over the centrality and the "
            "roads, the vacancy table of that centrality over every campaign (premises, "
            "vacant premises, vacancy rate = 100 × vacant / premises) and the table "
            "\"Catchment and market\": the centrality's latest catchment_*, huff_* and "
            "site_potential_* indicators (written by network_catchments, huff_model and "
            "site_potential), left out when there is none.")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign shown on the maps (empty = the latest)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Atlas PDF"), self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages printed")))

    def processAlgorithm(self, parameters, context, feedback):
        path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            camps = readers.campaigns(conn)
            if camps.empty:
                raise QgsProcessingException(self.tr(
                    "The GeoPackage holds no inventory campaign: nothing to print."))
            name = self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
            if name and name not in set(camps["name"]):
                raise QgsProcessingException(self.tr(
                    "Unknown campaign {name}. Campaigns in the GeoPackage: {known}.").format(
                        name=name, known=", ".join(camps["name"])))
            campaign = camps[camps["name"] == name].iloc[0] if name else camps.iloc[-1]
            if not territory.centrality_blobs(conn):
                raise QgsProcessingException(self.tr(
                    "The GeoPackage holds no centrality: nothing to print."))
            feedback.setProgress(10)
            table = vacancy.compute(conn, write=False)
            srs = observatory.srs_id(conn)
            language = qgis_locale()
            premises = atlas.premises_layer(conn, campaign["uuid"], srs, language)
            market = atlas.market_indicators(conn)
        finally:
            conn.close()
        if feedback.isCanceled():
            return {}
        feedback.setProgress(40)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() != ".pdf":
            output = str(Path(output).with_suffix(".pdf"))
        project = QgsProject()
        centralities = QgsVectorLayer(f"{path}|layername=centralities",
                                      self.tr("Centralities"), "ogr")
        roads = QgsVectorLayer(f"{path}|layername=roads", self.tr("Roads"), "ogr")
        if market:
            per_centrality = {}
            for r in market:
                per_centrality[r["centrality_uuid"]] = per_centrality.get(
                    r["centrality_uuid"], 0) + 1
            feedback.pushInfo(self.tr(
                "Catchment and market table: {n} indicators for {m} centralities.").format(
                    n=len(market), m=len(per_centrality)))
            most = max(per_centrality.values())
            if most > atlas.MARKET_ROWS_PER_PAGE:
                feedback.reportError(self.tr(
                    "A centrality has {n} catchment and market indicators: about {fit} fit on "
                    "its page, so the last ones (driving catchments) may be cut. Run "
                    "network_catchments with fewer bands to shorten the table.").format(
                        n=most, fit=atlas.MARKET_ROWS_PER_PAGE), False)
        try:
            layout = atlas.build_layout(
                project, path, centralities, premises, roads, atlas.vacancy_layer(table),
                self.tr("Premises by status, campaign {campaign}").format(
                    campaign=campaign["name"]), atlas.market_layer(market, language))
            pages = atlas.export_pdf(layout, output, feedback)
        except atlas.AtlasError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{pages} pages written to {path}").format(
            pages=pages, path=output))
        return {self.OUTPUT: output, self.PAGES: pages}
