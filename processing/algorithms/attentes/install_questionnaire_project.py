"""observatoire:install_questionnaire_project - the "Questionnaire" project in the GeoPackage."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ....store import gpkg
from ....store.survey import SurveyStoreError
from ....survey_forms import observatory_survey, qgis_project, questionnaire_project
from ..base import ObservatoireAlgorithm


class InstallQuestionnaireProject(ObservatoireAlgorithm):
    ALG_ID = "install_questionnaire_project"
    GROUP = "attentes"
    NAME = "NAME"
    PROJECT = "PROJECT"

    def displayName(self):
        return self.tr("Store the questionnaire project in the GeoPackage")

    def shortHelpString(self):
        return self.tr(
            "Stores a ready QGIS / QField project for street interviews in the GeoPackage itself "
            "(table qgis_projects; open it in QGIS with Project › Open From › GeoPackage): the "
            "questionnaire responses, the visits to each centrality, the answers to "
            "multiple-choice questions and the centralities. The response form shows, in the "
            "tabs of the questions, relation editors (by uuid) where the interviewer adds the "
            "visits to each centrality (frequency, transport mode, parking) and the ticked "
            "choices; a row added there is linked to the response automatically. The choices "
            "offered are those of this observatory's questionnaire (its centralities and "
            "activity groups): run the algorithm again after adding a centrality. Centralities "
            "without a code get one derived from their name. The layers point to the "
            "GeoPackage by a path relative to its folder. A project of the same name is "
            "replaced.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.NAME, self.tr("Project name"),
            defaultValue=questionnaire_project.PROJECT_NAME))
        self.addOutput(QgsProcessingOutputString(self.PROJECT, self.tr("Project URI")))

    def checkParameterValues(self, parameters, context):
        if not self.parameterAsString(parameters, self.NAME, context).strip():
            return False, self.tr("Give the project a name.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        name = self.parameterAsString(parameters, self.NAME, context).strip()
        path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            questionnaire, codes_filled = observatory_survey.questionnaire_for_project(conn)
        except (SurveyStoreError, gpkg.GeoPackageError) as exc:
            raise QgsProcessingException(self.tr(
                "Cannot build the questionnaire project: {error}").format(error=exc)) from exc
        finally:
            conn.close()
        if codes_filled:
            feedback.pushInfo(self.tr(
                "{n} centrality code(s) were missing: derived from the names and written to the "
                "GeoPackage.").format(n=codes_filled))
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}
        try:
            project = questionnaire_project.build_project(path, questionnaire, title=name)
        except qgis_project.ProjectError as exc:
            raise QgsProcessingException(self.tr(
                "Cannot build the questionnaire project: {error}").format(error=exc)) from exc
        try:
            uri = questionnaire_project.write_to_geopackage(project, path, name)
        except qgis_project.ProjectError as exc:
            raise QgsProcessingException(self.tr(
                "The project could not be stored: {error}").format(error=exc)) from exc
        finally:
            project.clear()
        feedback.pushInfo(self.tr("Project stored: {uri}").format(uri=uri))
        feedback.setProgress(100)
        return {self.PROJECT: uri}
