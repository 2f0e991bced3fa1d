"""observatoire:prepare_field_package - a QField-ready folder for one agent or sector."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ....fieldwork import packages as field_packages
from ....store import gpkg, inventory_styles
from ....survey_forms import qgis_project
from ..base import ObservatoireAlgorithm
from .common import centrality_uuids, find_campaign


def project_file_name(agent: str | None) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", agent or "").strip("_").lower()
    return f"inventaire_{slug}.qgz" if slug else "inventaire.qgz"


def qfield_project_writer(package_dir, data_path, manifest, shared_path=None) -> str:
    """``project_writer`` hook of :func:`fieldwork.packages.prepare_field_package`.

    Writes the QField project next to ``data.gpkg`` (relative paths) with the inventory forms,
    the relation premise → observations and the agent and campaign as project variables; with
    ``shared_path`` (the shared GeoPackage), a background file of its roads around the package's
    data and all its centralities (:func:`survey_forms.qgis_project.write_background`).
    """
    conn = gpkg.connect(data_path)
    try:
        domains = inventory_styles.domains(conn)
    finally:
        conn.close()
    background = None
    if shared_path is not None:
        background = qgis_project.write_background(shared_path, data_path, package_dir)
    project = qgis_project.build_project(
        data_path, domains,
        title=manifest["name"], agent=manifest["agent"], campaign_uuid=manifest["campaign_uuid"],
        campaign_name=manifest["campaign_name"], background_path=background)
    name = project_file_name(manifest["agent"])
    try:
        qgis_project.write_qgz(project, Path(package_dir) / name)
    finally:
        project.clear()
    return name


class PrepareFieldPackage(ObservatoireAlgorithm):
    ALG_ID = "prepare_field_package"
    GROUP = "terrain"
    CAMPAIGN = "CAMPAIGN"
    AGENT = "AGENT"
    CENTRALITIES = "CENTRALITIES"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    PROJECT = "PROJECT"
    PACKAGE_UUID = "PACKAGE_UUID"
    PREMISES = "PREMISES"
    OBSERVATIONS = "OBSERVATIONS"

    def displayName(self):
        return self.tr("Prepare a field package (QField)")

    def shortHelpString(self):
        return self.tr(
            "Writes a QField-ready folder for one agent or one sector of an open campaign: a "
            "QGIS project (.qgz, paths relative to the folder) with the inventory forms, the "
            "data GeoPackage data.gpkg holding the perimeter's premises, their observations of "
            "the campaign, the campaign, the perimeter's centralities and the nomenclatures, an "
            "empty DCIM/ folder for the photos and manifest.json (package uuid, agent, "
            "perimeter, schema version and the sha256 checksum of the data as prepared). The "
            "perimeter is the centralities named, else the campaign's perimeter, else the whole "
            "territory. Observations still to confirm that no earlier package assigned are "
            "assigned to the agent (campaign progress reports them per agent). A pristine copy "
            "of the data stays next to the shared GeoPackage (<name>.field_bases/) for the "
            "three-way merge, and the package is recorded in the field_packages table.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign name (empty = the open campaign)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AGENT, self.tr("Agent (name of the person who takes the package)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CENTRALITIES,
            self.tr("Centrality names separated by commas (empty = the campaign's perimeter)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Package folder (new or empty)")))
        self.addOutput(QgsProcessingOutputString(self.PROJECT, self.tr("QField project")))
        self.addOutput(QgsProcessingOutputString(self.PACKAGE_UUID, self.tr("Package uuid")))
        self.addOutput(QgsProcessingOutputNumber(self.PREMISES, self.tr("Premises in the package")))
        self.addOutput(QgsProcessingOutputNumber(self.OBSERVATIONS,
                                                 self.tr("Observations in the package")))

    def checkParameterValues(self, parameters, context):
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        if folder and Path(folder).is_dir() and any(Path(folder).iterdir()):
            return False, self.tr("The package folder {folder} is not empty: choose a new or "
                                  "empty folder.").format(folder=folder)
        if folder and Path(folder).exists() and not Path(folder).is_dir():
            return False, self.tr("{folder} is a file, not a folder.").format(folder=folder)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        folder = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        agent = self.parameterAsString(parameters, self.AGENT, context).strip() or None
        path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            info = find_campaign(conn, self.parameterAsString(parameters, self.CAMPAIGN, context),
                                 open_only=True)
            perimeter = centrality_uuids(
                conn, self.parameterAsString(parameters, self.CENTRALITIES, context))
        finally:
            conn.close()
        feedback.setProgress(10)
        if feedback.isCanceled():
            return {}
        try:
            package = field_packages.prepare_field_package(
                path, folder, agent=agent, centrality_uuids=perimeter,
                campaign_uuid=info["uuid"],
                project_writer=functools.partial(qfield_project_writer, shared_path=path))
        except (gpkg.GeoPackageError, qgis_project.ProjectError, ValueError) as exc:
            raise QgsProcessingException(self.tr(
                "The field package could not be prepared: {error}").format(error=exc)) from exc
        counts = package.manifest["counts"]
        feedback.pushInfo(self.tr(
            "Package {name}: {premises} premises, {observations} observations, project "
            "{project}.").format(name=package.manifest["name"], premises=counts["premises"],
                                 observations=counts["premise_observations"],
                                 project=package.manifest["project_file"]))
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: str(package.path),
                self.PROJECT: str(package.path / package.manifest["project_file"]),
                self.PACKAGE_UUID: package.uuid, self.PREMISES: counts["premises"],
                self.OBSERVATIONS: counts["premise_observations"]}
