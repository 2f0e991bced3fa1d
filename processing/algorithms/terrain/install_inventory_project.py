"""observatoire:install_inventory_project - the "Inventaire" QGIS project inside the GeoPackage."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ....store import campaigns as store_campaigns
from ....store import gpkg, inventory_styles
from ....survey_forms import qgis_project
from ..base import ObservatoireAlgorithm


class InstallInventoryProject(ObservatoireAlgorithm):
    ALG_ID = "install_inventory_project"
    GROUP = "terrain"
    NAME = "NAME"
    PROJECT = "PROJECT"

    def displayName(self):
        return self.tr("Store the inventory project in the GeoPackage")

    def shortHelpString(self):
        return self.tr(
            "Stores a ready QGIS project in the GeoPackage itself (table qgis_projects; open it "
            "in QGIS with Project › Open From › GeoPackage): premises, their observations, "
            "centralities and campaigns with the inventory forms (tabs, value maps from the "
            "domains, constraints, defaults, photo widget) and the relation premise → "
            "observations shown in the premise form. The open campaign, when there is exactly "
            "one, is the project's current campaign (variable observatoire_campaign_uuid). The "
            "layers point to the GeoPackage by a path relative to its folder. Also refreshes "
            "the default form styles of the tables (layer_styles) from the file's domains. A "
            "project of the same name is replaced.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.NAME, self.tr("Project name"), defaultValue=qgis_project.PROJECT_NAME))
        self.addOutput(QgsProcessingOutputString(self.PROJECT, self.tr("Project URI")))

    def checkParameterValues(self, parameters, context):
        if not self.parameterAsString(parameters, self.NAME, context).strip():
            return False, self.tr("Give the project a name.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        name = self.parameterAsString(parameters, self.NAME, context).strip()
        path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            with gpkg.transaction(conn):
                inventory_styles.install_forms(conn)
            domains = inventory_styles.domains(conn)
            try:
                current = store_campaigns.find(conn, None, when_empty="single_open")
            except store_campaigns.CampaignLookupError:
                current = None
        finally:
            conn.close()
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}
        project = qgis_project.build_project(
            path, domains, title=name, campaign_uuid=current and current["uuid"],
            campaign_name=current and current["name"])
        try:
            uri = qgis_project.write_to_geopackage(project, path, name)
        except qgis_project.ProjectError as exc:
            raise QgsProcessingException(self.tr(
                "The project could not be stored: {error}").format(error=exc)) from exc
        finally:
            project.clear()
        feedback.pushInfo(self.tr("Project stored: {uri}").format(uri=uri))
        feedback.setProgress(100)
        return {self.PROJECT: uri}
