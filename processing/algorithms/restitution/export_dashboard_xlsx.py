"""observatoire:export_dashboard_xlsx - the partners' Excel dashboard."""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from .... import dependencies
from ....reporting import atlas_data, dashboard_xlsx
from ....reporting.language import MissingTranslationError, report_language
from ..base import ObservatoireAlgorithm
from .print_atlas import LANGUAGES


class ExportDashboardXlsx(ObservatoireAlgorithm):
    ALG_ID = "export_dashboard_xlsx"
    GROUP = "restitution"
    LANGUAGE = "LANGUAGE"
    CAMPAIGN = "CAMPAIGN"
    INCLUDE_OPEN = "INCLUDE_OPEN"
    PRODUCER = "PRODUCER"
    OUTPUT = "OUTPUT"
    SHEETS = "SHEETS"

    def displayName(self):
        return self.tr("Export the partners' dashboard (Excel)")

    def shortHelpString(self):
        return self.tr(
            "Writes an Excel workbook for the observatory's partners: a read-me sheet "
            "(campaigns and their completeness, sources and licences, rules), one sheet per "
            "theme with native Excel charts that read the tables of their sheet (offer and "
            "vacancy: vacancy rate = 100 × vacant / premises per centrality and campaign, key "
            "figures, offer mix; flows: footfall per year and month, mobility; expectations: "
            "survey figures with their 95 % interval and respondents; catchments: population "
            "reached and Huff market shares), a tidy sheet of every stored indicator "
            "(centrality, indicator, period, value, unit, interval, respondents, algorithm, "
            "parameters, computed at) and the definition of each code.\n\nSurvey figures "
            "under 11 respondents are never shown (the reason is given), under 30 they are "
            "flagged low precision. Open campaigns are left out unless included, then marked "
            "provisional. No cell holds a formula.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the dashboard"),
            options=[name for _code, name in LANGUAGES], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Reference campaign (empty = the latest one included)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_OPEN, self.tr("Include open campaigns (marked provisional)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCER, self.tr("Producer named in the read-me sheet"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Dashboard workbook"), self.tr("Excel workbooks (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber(self.SHEETS, self.tr("Sheets written")))

    def checkParameterValues(self, parameters, context):
        missing = dependencies.missing(["openpyxl"])
        if missing:
            return False, dependencies.missing_message(missing)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        path, conn = self.open_geopackage(parameters, context, feedback)
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)][0]
        options = atlas_data.Options(
            language=language,
            include_open=self.parameterAsBool(parameters, self.INCLUDE_OPEN, context),
            campaign=self.parameterAsString(parameters, self.CAMPAIGN, context).strip() or None,
            producer=self.parameterAsString(parameters, self.PRODUCER, context).strip())
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() != ".xlsx":
            output = str(Path(output).with_suffix(".xlsx"))
        try:
            with report_language(language):
                try:
                    report = atlas_data.gather(conn, options, source_file=Path(path).name,
                                               progress=lambda p: feedback.setProgress(0.8 * p))
                finally:
                    conn.close()
                if feedback.isCanceled():
                    return {}
                for warning in report.warnings:
                    feedback.pushInfo(warning)
                sheets = dashboard_xlsx.write(report, output)
        except MissingTranslationError as exc:
            raise QgsProcessingException(self.tr(
                "The translation file {path} is missing: compile the translations (make "
                "i18n) or choose English.").format(path=str(exc))) from exc
        except (atlas_data.AtlasDataError, dashboard_xlsx.DashboardError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Dashboard written to {path}: sheets {sheets}.").format(
            path=output, sheets=", ".join(sheets)))
        return {self.OUTPUT: output, self.SHEETS: len(sheets)}
