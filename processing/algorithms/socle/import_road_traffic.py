"""observatoire:import_road_traffic - road count points (average daily traffic, heavy share)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
)

from ....ingest.importers.road_traffic import import_road_traffic
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping


class ImportRoadTraffic(ImportAlgorithm):
    ALG_ID = "import_road_traffic"
    INPUT = "INPUT"
    MAPPING = "MAPPING"
    CRS = "CRS"
    HEAVY_PERCENT = "HEAVY_PERCENT"

    def displayName(self):
        return self.tr("Import road traffic counts")

    def shortHelpString(self):
        return self.tr(
            "Imports road count points: columns point_id, period (a year such as 2023, a "
            "month 2023-06 or 06/2023, or a day 2023-06-15, 15/06/2023 or 15/06/23), name, "
            "road, daily_traffic (average daily traffic, "
            "vehicles/day, >= 0), heavy_share (share of heavy vehicles, in percent 0–100 "
            "unless unticked: fraction 0–1) and x, y in the CRS given (WGS84 longitude, "
            "latitude by default), projected to the GeoPackage's CRS. Column names are changed "
            "with a mapping (point_id=…; daily_traffic=TMJA; heavy_share=PL). Rows are keyed "
            "by point and period: a duplicate is rejected, re-importing adds nothing. One "
            "transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Road counts CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("CRS of the x, y columns (empty = WGS84 longitude, latitude)"),
            defaultValue="EPSG:4326", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.HEAVY_PERCENT, self.tr("Heavy-vehicle share given in percent"),
            defaultValue=True))
        self.add_convention_parameters(dates=False)
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = crs.postgisSrid() if crs.isValid() else 4326
        if not epsg:
            epsg = QgsCoordinateReferenceSystem("EPSG:4326").postgisSrid()
        return import_road_traffic(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context), epsg=epsg,
            heavy_in_percent=self.parameterAsBool(parameters, self.HEAVY_PERCENT, context),
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
