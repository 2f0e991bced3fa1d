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
from ....reporting import atlas
from ....store import observatory, readers, vacancy
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
            "roads, and the vacancy table of that centrality over every campaign (premises, "
            "vacant premises, vacancy rate = 100 × vacant / premises).")

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
            if not conn.execute("SELECT count(*) FROM centralities").fetchone()[0]:
                raise QgsProcessingException(self.tr(
                    "The GeoPackage holds no centrality: nothing to print."))
            feedback.setProgress(10)
            table = vacancy.compute(conn, write=False)
            srs = observatory.srs_id(conn)
            premises = atlas.premises_layer(conn, campaign["uuid"], srs, qgis_locale())
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
        try:
            layout = atlas.build_layout(
                project, path, centralities, premises, roads, atlas.vacancy_layer(table),
                self.tr("Premises by status, campaign {campaign}").format(
                    campaign=campaign["name"]))
            pages = atlas.export_pdf(layout, output, feedback)
        except atlas.AtlasError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{pages} pages written to {path}").format(
            pages=pages, path=output))
        return {self.OUTPUT: output, self.PAGES: pages}
