"""observatoire:campaign_progress - completeness of a campaign per centrality and per agent."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ....jobs import campaigns
from ...outputs import write_rows
from ..base import ObservatoireAlgorithm
from .common import find_campaign

COUNTS = (*[(name, QVariant.Int) for name in ("total", "confirmed", "changed", "to_visit", "new")],
          ("completeness", QVariant.Double))


def percent(ratio):
    return None if ratio is None else round(100.0 * ratio, 1)


def count_values(block: dict) -> list:
    return [block["total"], block["confirmed"], block["changed"], block["to_visit"],
            block["new"], percent(block["completeness"])]


class CampaignProgress(ObservatoireAlgorithm):
    ALG_ID = "campaign_progress"
    GROUP = "terrain"
    CAMPAIGN = "CAMPAIGN"
    OUTPUT_CENTRALITIES = "OUTPUT_CENTRALITIES"
    OUTPUT_AGENTS = "OUTPUT_AGENTS"
    CAMPAIGN_UUID = "CAMPAIGN_UUID"
    TOTAL = "TOTAL"
    VISITED = "VISITED"
    TO_VISIT = "TO_VISIT"
    COMPLETENESS = "COMPLETENESS"

    def displayName(self):
        return self.tr("Campaign progress")

    def shortHelpString(self):
        return self.tr(
            "Completeness of an inventory campaign, per centrality and per agent. For each "
            "group: total = observations of the campaign; confirmed = visited, nothing "
            "changed; changed = visited, something changed; new = premises found in the field; "
            "to visit = still “to confirm”; completeness (%) = 100 × (confirmed + changed + "
            "new) / total. Observations are grouped by the centrality their premise lies in "
            "(empty: outside every centrality) and by agent (the agent who recorded the visit, "
            "else the agent the observation was assigned to by a field package, else empty). "
            "The last row of each table holds the whole campaign. Without a campaign name, the "
            "single open campaign is used.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign name (empty = the open campaign)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CENTRALITIES, self.tr("Progress per centrality"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_AGENTS, self.tr("Progress per agent"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputString(self.CAMPAIGN_UUID, self.tr("Campaign uuid")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL, self.tr("Observations")))
        self.addOutput(QgsProcessingOutputNumber(self.VISITED, self.tr("Observations visited")))
        self.addOutput(QgsProcessingOutputNumber(self.TO_VISIT, self.tr("Observations to visit")))
        self.addOutput(QgsProcessingOutputNumber(self.COMPLETENESS, self.tr("Completeness (%)")))

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            info = find_campaign(conn, self.parameterAsString(parameters, self.CAMPAIGN, context))
            try:
                progress = campaigns.campaign_progress(conn, info["uuid"])
            except campaigns.CampaignError as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.setProgress(50)
        if feedback.isCanceled():
            return {}
        totals = progress["totals"]
        whole = self.tr("(whole campaign)")
        centrality_rows = [
            [r["centrality_uuid"], r["centrality"], "centrality" if r["centrality_uuid"]
             else "outside", *count_values(r)] for r in progress["by_centrality"]]
        centrality_rows.append([None, whole, "total", *count_values(totals)])
        centralities_id = write_rows(
            self, parameters, self.OUTPUT_CENTRALITIES, context,
            (("centrality_uuid", QVariant.String), ("centrality", QVariant.String),
             ("scope", QVariant.String), *COUNTS), centrality_rows)
        agent_rows = [[r["agent"], "agent" if r["agent"] else "unassigned", *count_values(r)]
                      for r in progress["by_agent"]]
        agent_rows.append([whole, "total", *count_values(totals)])
        agents_id = write_rows(
            self, parameters, self.OUTPUT_AGENTS, context,
            (("agent", QVariant.String), ("scope", QVariant.String), *COUNTS), agent_rows)
        visited = totals["confirmed"] + totals["changed"] + totals["new"]
        feedback.pushInfo(self.tr(
            "{name}: {visited} of {total} observations visited ({percent} %), {to_visit} to "
            "visit.").format(name=info["name"], visited=visited, total=totals["total"],
                             percent=percent(totals["completeness"]),
                             to_visit=totals["to_visit"]))
        feedback.setProgress(100)
        return {self.OUTPUT_CENTRALITIES: centralities_id, self.OUTPUT_AGENTS: agents_id,
                self.CAMPAIGN_UUID: info["uuid"], self.TOTAL: totals["total"],
                self.VISITED: visited, self.TO_VISIT: totals["to_visit"],
                self.COMPLETENESS: percent(totals["completeness"])}
