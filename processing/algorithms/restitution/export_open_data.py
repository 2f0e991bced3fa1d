"""observatoire:export_open_data - a Frictionless data package with statistical secrecy."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ....reporting import open_data
from ..base import ObservatoireAlgorithm


class ExportOpenData(ObservatoireAlgorithm):
    ALG_ID = "export_open_data"
    GROUP = "restitution"
    PRODUCER = "PRODUCER"
    LICENCE = "LICENCE"
    CAMPAIGN = "CAMPAIGN"
    FLOWS = "FLOWS"
    INCLUDE_NOT_OPEN = "INCLUDE_NOT_OPEN"
    OPERATOR_SIRET = "OPERATOR_SIRET"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    DATAPACKAGE = "DATAPACKAGE"
    RESOURCES = "RESOURCES"
    PREMISES = "PREMISES"
    NAMES_WITHHELD = "NAMES_WITHHELD"
    SURVEY_FIGURES = "SURVEY_FIGURES"
    SURVEY_WITHHELD = "SURVEY_WITHHELD"
    DAILY_COUNTS = "DAILY_COUNTS"
    ROWS_LEFT_OUT = "ROWS_LEFT_OUT"
    FLOWS_LEFT_OUT = "FLOWS_LEFT_OUT"

    LICENCE_KEYS = list(open_data.LICENCES)

    def displayName(self):
        return self.tr("Export open data (Frictionless data package)")

    def shortHelpString(self):
        return self.tr(
            "Writes a Frictionless data package (datapackage.json with a Table Schema per "
            "resource, CSV tables, GeoJSON layers in WGS 84 and one GeoPackage of the "
            "geometries in the file's CRS) of the current offer (premises of the latest closed "
            "campaign with status, activity group, NAF code, sign and centrality; services of "
            "the latest BPE vintage; producers with products and sales modes; markets with "
            "days and hours), the centralities with the latest value of each indicator (per "
            "kind of period) and the survey indicators; with FLOWS, counting sites, channels "
            "and daily counts in the national comptage des mobilités schema, car parks in the "
            "stationnement schema and carpool areas in the BNLC schema (published under the "
            "ODbL), each validated against its national schema: a row that would break it is "
            "left out and listed. A flow is published only when every source of its rows is "
            "recorded under an open licence (Licence Ouverte / Etalab, ODbL, CC-BY, CC0; "
            "resources/reporting/sources.csv); the others are left out with a warning naming "
            "the source and its licence, unless you tick \u201cpublish anyway\u201d, declaring "
            "that you hold the right to publish them under the chosen licence. A flow drawn "
            "from an ODbL source is published under the ODbL.\n"
            "Never published: field agents' names, notes and photos, synchronisation "
            "conflicts, individual survey answers, the signs of sole traders whose SIRENE "
            "record is not public. Statistical secrecy: a survey figure is published only "
            "with at least 11 respondents (flagged low precision under 30); counts are summed "
            "per local day, an incomplete day is published empty. Every resource carries its "
            "licence, producer, period and the date of extraction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCER, self.tr("Producer (organisation publishing the data; empty = the "
                                   "territory's name)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LICENCE, self.tr("Licence"),
            options=[open_data.LICENCES[k][0] for k in self.LICENCE_KEYS], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign published (empty = the latest closed one)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.FLOWS, self.tr("Flows to publish (each only when its sources' licence is open)"),
            options=[self.tr("Counting sites and daily counts"), self.tr("Car parks"),
                     self.tr("Carpool areas (ODbL)")],
            allowMultiple=True, optional=True, defaultValue=[0, 1, 2]))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_NOT_OPEN, self.tr("Publish anyway the flows whose source licence is not "
                                           "open or not recorded (I hold the right to publish "
                                           "them under the chosen licence)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.OPERATOR_SIRET, self.tr("SIRET of the car parks' operator (14 digits, "
                                         "required by the stationnement schema)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Open-data folder (new, empty or an earlier export)")))
        self.addOutput(QgsProcessingOutputFile(self.DATAPACKAGE, self.tr("datapackage.json")))
        for key, label in ((self.RESOURCES, self.tr("Resources written")),
                           (self.PREMISES, self.tr("Premises published")),
                           (self.NAMES_WITHHELD, self.tr("Signs withheld (SIRENE not public)")),
                           (self.SURVEY_FIGURES, self.tr("Survey figures published")),
                           (self.SURVEY_WITHHELD, self.tr("Survey figures withheld (secrecy)")),
                           (self.DAILY_COUNTS, self.tr("Daily counts published")),
                           (self.ROWS_LEFT_OUT, self.tr("Flow rows left out (national "
                                                        "schema)")),
                           (self.FLOWS_LEFT_OUT, self.tr("Flows left out (source licence not "
                                                         "open)"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        if folder and Path(folder).exists() and not Path(folder).is_dir():
            return False, self.tr("{folder} is a file, not a folder.").format(folder=folder)
        if folder and Path(folder).is_dir() and any(Path(folder).iterdir()) \
                and not (Path(folder) / "datapackage.json").is_file():
            return False, self.tr("The folder {folder} is not empty and holds no earlier "
                                  "open-data export: choose a new or empty folder.").format(
                                      folder=folder)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        from ....i18n import qgis_locale

        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        flows_chosen = self.parameterAsEnums(parameters, self.FLOWS, context)
        licence = self.LICENCE_KEYS[self.parameterAsEnum(parameters, self.LICENCE, context)]
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            producer = self.parameterAsString(parameters, self.PRODUCER, context).strip()
            if not producer:
                from ....store import publication

                producer = publication.territory(conn) or ""
                feedback.pushWarning(self.tr(
                    "No producer given: the resources name the territory, {producer}, as their "
                    "producer.").format(producer=producer))
            settings = open_data.OpenDataSettings(
                producer=producer, licence=licence,
                campaign=self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
                or None,
                flows=[open_data.FLOWS[i] for i in flows_chosen],
                operator_siret=self.parameterAsString(parameters, self.OPERATOR_SIRET,
                                                      context).strip() or None,
                include_not_open=self.parameterAsBoolean(parameters, self.INCLUDE_NOT_OPEN,
                                                         context),
                language=qgis_locale())
            result = open_data.write_open_data(
                conn, folder, settings, progress=feedback.setProgress,
                is_canceled=feedback.isCanceled)
        except open_data.OpenDataError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        if not result.diffusion_recorded:
            feedback.pushWarning(self.tr(
                "This GeoPackage does not record the SIRENE diffusion status of the premises: "
                "signs are published as recorded. The SIRENE import leaves out the "
                "establishments that are not public, but a sign recorded in the field or from "
                "OpenStreetMap may still belong to a sole trader who asked not to be listed: "
                "check the premises table before publishing."))
        for warning in result.licence_messages + result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("{n} resources written to {folder}: {rows}").format(
            n=len(result.rows), folder=folder,
            rows=", ".join(f"{k} {v}" for k, v in result.rows.items())))
        return {self.OUTPUT_FOLDER: str(result.folder),
                self.DATAPACKAGE: str(result.datapackage),
                self.RESOURCES: len(result.rows),
                self.PREMISES: result.rows.get("premises", 0),
                self.NAMES_WITHHELD: result.names_withheld,
                self.SURVEY_FIGURES: result.rows.get("survey_indicators", 0),
                self.SURVEY_WITHHELD: result.withheld_survey_figures,
                self.DAILY_COUNTS: result.rows.get("counts_daily", 0),
                self.ROWS_LEFT_OUT: len(result.warnings),
                self.FLOWS_LEFT_OUT: len(result.flows_left_out)}
