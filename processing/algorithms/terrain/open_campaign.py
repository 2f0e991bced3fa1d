"""observatoire:open_campaign - a new inventory campaign, pre-filled from the previous one."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ....jobs import campaigns
from ....store import tables
from ...parameters import add_date, as_date, split_list
from ..base import ObservatoireAlgorithm
from .common import centrality_uuids


class OpenCampaign(ObservatoireAlgorithm):
    ALG_ID = "open_campaign"
    GROUP = "terrain"
    NAME = "NAME"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    CENTRALITIES = "CENTRALITIES"
    NOTES = "NOTES"
    CAMPAIGN_UUID = "CAMPAIGN_UUID"
    OBSERVATIONS = "OBSERVATIONS"
    PREFILLED = "PREFILLED"
    WITHOUT_HISTORY = "WITHOUT_HISTORY"

    def displayName(self):
        return self.tr("Open an inventory campaign")

    def shortHelpString(self):
        return self.tr(
            "Creates an inventory campaign and one observation per live premise of its "
            "perimeter (the centralities named, or the whole territory when none is named; a "
            "premise in overlapping centralities belongs to the higher level one). Each "
            "observation is pre-filled from the premise's latest observation in a campaign that "
            "started earlier (status, activity group, NAF code, sign, chain type) and marked "
            "“to confirm”; a premise without any earlier observation gets the status “unknown”. "
            "Outputs: the campaign's uuid, the number of observations created, how many were "
            "pre-filled and how many had no history (observations = pre-filled + without "
            "history). Everything is written in one transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(self.NAME, self.tr("Campaign name")))
        add_date(self, self.START_DATE, self.tr("Start date (YYYY-MM-DD)"), optional=False)
        add_date(self, self.END_DATE, self.tr("End date (YYYY-MM-DD)"), optional=False)
        self.addParameter(QgsProcessingParameterString(
            self.CENTRALITIES,
            self.tr("Perimeter: centrality names separated by commas (empty = whole territory)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.NOTES, self.tr("Notes"), optional=True, multiLine=True))
        self.addOutput(QgsProcessingOutputString(self.CAMPAIGN_UUID, self.tr("Campaign uuid")))
        self.addOutput(QgsProcessingOutputNumber(self.OBSERVATIONS,
                                                 self.tr("Observations created")))
        self.addOutput(QgsProcessingOutputNumber(self.PREFILLED,
                                                 self.tr("Observations pre-filled")))
        self.addOutput(QgsProcessingOutputNumber(self.WITHOUT_HISTORY,
                                                 self.tr("Premises without history")))

    def checkParameterValues(self, parameters, context):
        if not self.parameterAsString(parameters, self.NAME, context).strip():
            return False, self.tr("Give the campaign a name.")
        dates = {}
        for key in (self.START_DATE, self.END_DATE):
            dates[key] = as_date(self, parameters, key, context)
            if dates[key] is None:
                return False, self.tr("{value} is not a date: write it as YYYY-MM-DD "
                                      "(e.g. 2025-03-01).").format(
                                          value=parameters.get(key) or "-")
        if dates[self.END_DATE] < dates[self.START_DATE]:
            return False, self.tr("The end date {end} is before the start date {start}.").format(
                end=dates[self.END_DATE], start=dates[self.START_DATE])
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        name = self.parameterAsString(parameters, self.NAME, context).strip()
        start = as_date(self, parameters, self.START_DATE, context)
        end = as_date(self, parameters, self.END_DATE, context)
        if start is None or end is None:
            raise QgsProcessingException(self.tr("Write the dates as YYYY-MM-DD."))
        notes = self.parameterAsString(parameters, self.NOTES, context).strip() or None
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            if tables.exists(conn, "campaigns", {"name": name}):
                raise QgsProcessingException(self.tr(
                    "A campaign named {name} already exists: choose another name.").format(
                        name=name))
            perimeter = centrality_uuids(
                conn, self.parameterAsString(parameters, self.CENTRALITIES, context))
            names = split_list(self.parameterAsString(parameters, self.CENTRALITIES, context))
            feedback.pushInfo(self.tr("Perimeter: {perimeter}").format(
                perimeter=", ".join(names) if names else self.tr("the whole territory")))
            feedback.setProgress(10)
            if feedback.isCanceled():
                return {}
            try:
                result = campaigns.open_campaign(conn, name, start, end, perimeter, notes=notes)
            except campaigns.CampaignError as exc:
                raise QgsProcessingException(
                    self.tr("The campaign could not be opened: {error}").format(error=exc)
                ) from exc
        finally:
            conn.close()
        feedback.pushInfo(self.tr(
            "{name}: {count} observations to confirm, {prefilled} pre-filled from the previous "
            "campaign, {new} premises without history.").format(
                name=name, count=result["observations"], prefilled=result["prefilled"],
                new=result["without_history"]))
        feedback.setProgress(100)
        return {self.CAMPAIGN_UUID: result["uuid"], self.OBSERVATIONS: result["observations"],
                self.PREFILLED: result["prefilled"],
                self.WITHOUT_HISTORY: result["without_history"]}
