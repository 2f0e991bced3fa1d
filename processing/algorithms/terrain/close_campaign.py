"""observatoire:close_campaign - close an inventory campaign (refused while unconfirmed)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ....jobs import campaigns
from ..base import ObservatoireAlgorithm
from .common import find_campaign


class CloseCampaign(ObservatoireAlgorithm):
    ALG_ID = "close_campaign"
    GROUP = "terrain"
    CAMPAIGN = "CAMPAIGN"
    FORCE = "FORCE"
    CAMPAIGN_UUID = "CAMPAIGN_UUID"
    CLOSED_AT = "CLOSED_AT"
    UNCONFIRMED = "UNCONFIRMED"

    def displayName(self):
        return self.tr("Close an inventory campaign")

    def shortHelpString(self):
        return self.tr(
            "Closes an inventory campaign. Closing is refused while observations are still "
            "“to confirm” (not visited), unless forced: a forced closure leaves them marked "
            "“to confirm”, so that analyses can tell them apart. Outputs: the campaign's uuid, "
            "the closing time (UTC) and the number of observations left unconfirmed. Without a "
            "campaign name, the single open campaign is closed.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign name (empty = the open campaign)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FORCE, self.tr("Close even if observations are still to confirm"),
            defaultValue=False))
        self.addOutput(QgsProcessingOutputString(self.CAMPAIGN_UUID, self.tr("Campaign uuid")))
        self.addOutput(QgsProcessingOutputString(self.CLOSED_AT, self.tr("Closed at (UTC)")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCONFIRMED,
                                                 self.tr("Observations left to confirm")))

    def processAlgorithm(self, parameters, context, feedback):
        force = self.parameterAsBool(parameters, self.FORCE, context)
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            info = find_campaign(conn, self.parameterAsString(parameters, self.CAMPAIGN, context))
            if info["state"] == "closed":
                raise QgsProcessingException(self.tr(
                    "The campaign {name} is already closed.").format(name=info["name"]))
            unconfirmed = campaigns.unconfirmed_count(conn, info["uuid"])
            if unconfirmed and not force:
                raise QgsProcessingException(self.tr(
                    "The campaign {name} still has {count} observation(s) to confirm: visit "
                    "them, or tick “Close even if observations are still to confirm”.").format(
                        name=info["name"], count=unconfirmed))
            if feedback.isCanceled():
                return {}
            try:
                result = campaigns.close_campaign(conn, info["uuid"], force=force)
            except campaigns.CampaignError as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        if result["unconfirmed"]:
            feedback.reportError(self.tr(
                "{name} closed with {count} observation(s) still to confirm.").format(
                    name=info["name"], count=result["unconfirmed"]))
        else:
            feedback.pushInfo(self.tr("{name} closed.").format(name=info["name"]))
        feedback.setProgress(100)
        return {self.CAMPAIGN_UUID: result["uuid"], self.CLOSED_AT: result["closed_at"],
                self.UNCONFIRMED: result["unconfirmed"]}
