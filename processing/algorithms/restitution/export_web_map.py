"""observatoire:export_web_map - the citizens' web map, a static site any host can serve."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ....reporting import web_map, web_map_socle
from ....reporting.open_data_rows import OpenDataError
from ..base import ObservatoireAlgorithm


class ExportWebMap(ObservatoireAlgorithm):
    ALG_ID = "export_web_map"
    GROUP = "restitution"
    PRODUCER = "PRODUCER"
    CAMPAIGN = "CAMPAIGN"
    TILE_URL = "TILE_URL"
    TILE_ATTRIBUTION = "TILE_ATTRIBUTION"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    INDEX = "INDEX"
    SHOPS = "SHOPS"
    SERVICES = "SERVICES"
    PRODUCERS = "PRODUCERS"
    MARKETS = "MARKETS"

    def displayName(self):
        return self.tr("Export the citizens' web map (static site)")

    def shortHelpString(self):
        return self.tr(
            "Writes a self-contained static site (index.html, JavaScript, data; no server "
            "code) that any web host or a plain file server can serve, and that also opens "
            "from the disk: a map of the shops occupied in the latest closed campaign (sign, "
            "activity group), the services, the short-circuit producers and the markets, with "
            "filters (activity group, centrality, open on a market day, organic), a search by "
            "name or street, a popup per place, and a page per centrality with its key figures "
            "in plain French (vacancy rate, footfall, parking occupancy… the latest value of "
            "each indicator; survey figures only with at least 11 respondents). The background "
            "is drawn from the GeoPackage's roads and centralities, so the site works offline; "
            "a tile URL (https://…/{z}/{x}/{y}.png) adds a basemap. Signs of sole traders whose "
            "SIRENE record is not public, field agents' names, notes, photos and survey answers "
            "never reach the site. Map library: Leaflet, shipped with the plugin.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCER, self.tr("Producer (organisation publishing the map; empty = the "
                                   "territory's name)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Campaign shown (empty = the latest closed one)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TILE_URL, self.tr("Basemap tile URL (optional, https://…/{z}/{x}/{y}.png)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TILE_ATTRIBUTION, self.tr("Basemap attribution (the credit its provider "
                                           "requires)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Site folder (new, empty or an earlier web map)")))
        self.addOutput(QgsProcessingOutputFile(self.INDEX, self.tr("index.html")))
        for key, label in ((self.SHOPS, self.tr("Shops on the map")),
                           (self.SERVICES, self.tr("Services on the map")),
                           (self.PRODUCERS, self.tr("Producers on the map")),
                           (self.MARKETS, self.tr("Markets on the map"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        if folder and Path(folder).exists() and not Path(folder).is_dir():
            return False, self.tr("{folder} is a file, not a folder.").format(folder=folder)
        if folder and Path(folder).is_dir() and any(Path(folder).iterdir()) and not (
                (Path(folder) / "index.html").is_file()
                and (Path(folder) / "data" / "site.js").is_file()):
            return False, self.tr("The folder {folder} is not empty and holds no earlier web "
                                  "map: choose a new or empty folder.").format(folder=folder)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        tile_url = self.parameterAsString(parameters, self.TILE_URL, context).strip() or None
        attribution = self.parameterAsString(parameters, self.TILE_ATTRIBUTION,
                                             context).strip() or None
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            producer = self.parameterAsString(parameters, self.PRODUCER, context).strip()
            if not producer:
                from ....store import publication

                producer = publication.territory(conn) or ""
            feedback.setProgress(10)
            result = web_map_socle.export_web_map(
                conn, folder, producer=producer,
                campaign=self.parameterAsString(parameters, self.CAMPAIGN, context).strip()
                or None, tile_url=tile_url, tile_attribution=attribution)
        except (web_map.WebMapError, OpenDataError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        counts = result.counts
        feedback.pushInfo(self.tr(
            "Web map written to {folder}: {shops} shops, {services} services, {producers} "
            "producers, {markets} markets ({size} kB).").format(
                folder=result.folder, shops=counts["shop"], services=counts["service"],
                producers=counts["producer"], markets=counts["market"],
                size=result.size_bytes // 1024))
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: str(result.folder), self.INDEX: str(result.index),
                self.SHOPS: counts["shop"], self.SERVICES: counts["service"],
                self.PRODUCERS: counts["producer"], self.MARKETS: counts["market"]}
