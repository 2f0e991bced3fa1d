"""observatoire:export_xlsform - the population questionnaire as an XLSForm for Kobo / ODK."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
)

from .... import dependencies
from ....store import gpkg
from ....store.survey import SurveyStoreError
from ....survey_forms import observatory_survey
from ..base import ObservatoireAlgorithm


class ExportXlsform(ObservatoireAlgorithm):
    ALG_ID = "export_xlsform"
    GROUP = "attentes"
    OUTPUT = "OUTPUT"
    VALIDATE = "VALIDATE"
    QUESTIONS = "QUESTIONS"
    CENTRALITIES = "CENTRALITIES"
    VERSION = "FORM_VERSION"
    VALID = "VALID"

    def displayName(self):
        return self.tr("Export the questionnaire as an XLSForm")

    def shortHelpString(self):
        return self.tr(
            "Writes the population questionnaire (habits, satisfaction and expectations of the "
            "people who use the centralities) as an XLSForm workbook (.xlsx) with French and "
            "English labels, ready to upload to KoboToolbox or to convert for ODK Collect. The "
            "form asks about each centrality of the GeoPackage, identified by its code "
            "(centralities.code); centralities without a code get one derived from their name, "
            "written to the GeoPackage so that the answers can be imported later. The activity "
            "groups a respondent may miss come from the GeoPackage's activity_groups table. "
            "With validation on, the form is converted with pyxform and any error or warning is "
            "reported.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("XLSForm workbook"), self.tr("Excel workbook (*.xlsx)")))
        validate = QgsProcessingParameterBoolean(
            self.VALIDATE, self.tr("Check the form with pyxform"), defaultValue=True)
        validate.setFlags(validate.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(validate)
        self.addOutput(QgsProcessingOutputNumber(self.QUESTIONS, self.tr("Questions")))
        self.addOutput(QgsProcessingOutputNumber(self.CENTRALITIES, self.tr("Centralities")))
        self.addOutput(QgsProcessingOutputString(self.VERSION, self.tr("Questionnaire version")))
        self.addOutput(QgsProcessingOutputBoolean(self.VALID, self.tr("Checked by pyxform")))

    def checkParameterValues(self, parameters, context):
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not output.lower().endswith(".xlsx"):
            return False, self.tr("The XLSForm must be an .xlsx file, not {path}.").format(
                path=output)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        absent = dependencies.missing(["openpyxl"])
        if absent:
            raise QgsProcessingException(dependencies.missing_message(absent))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        validate = self.parameterAsBool(parameters, self.VALIDATE, context)
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            feedback.setProgress(10)
            try:
                done = observatory_survey.export_xlsform(conn, output)
            except (SurveyStoreError, gpkg.GeoPackageError) as exc:
                raise QgsProcessingException(
                    self.tr("Cannot export the questionnaire: {error}").format(error=exc)) \
                    from exc
        finally:
            conn.close()
        if done["codes_filled"]:
            feedback.pushInfo(self.tr(
                "{n} centrality code(s) were missing: derived from the names and written to the "
                "GeoPackage.").format(n=done["codes_filled"]))
        feedback.pushInfo(self.tr(
            "XLSForm written: {path} ({questions} questions, {centralities} centralities, "
            "version {version}).").format(**done))
        feedback.setProgress(70)
        valid = False
        if validate and not feedback.isCanceled():
            valid = self._validate(output, feedback)
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.QUESTIONS: done["questions"],
                self.CENTRALITIES: done["centralities"], self.VERSION: done["version"],
                self.VALID: valid}

    def _validate(self, output, feedback) -> bool:
        absent = dependencies.missing(["pyxform"])
        if absent:
            feedback.reportError(self.tr("The form was not checked: {message}").format(
                message=dependencies.missing_message(absent)), fatalError=False)
            return False
        from pyxform.xls2xform import convert

        warnings = []
        try:
            convert(str(output), warnings=warnings, validate=False)
        except Exception as exc:  # noqa: BLE001 - pyxform raises its own and builtin errors
            raise QgsProcessingException(self.tr(
                "pyxform refuses the generated form: {error}").format(error=exc)) from exc
        for warning in warnings:
            feedback.pushWarning(self.tr("pyxform: {warning}").format(warning=warning))
        feedback.pushInfo(self.tr("pyxform converts the form without error."))
        return True
