"""observatoire:create_geopackage - a new, empty observatory GeoPackage (schema latest)."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ....store import observatory
from ..base import ObservatoireAlgorithm


class CreateGeoPackage(ObservatoireAlgorithm):
    ALG_ID = "create_geopackage"
    GROUP = "socle"
    TERRITORY = "TERRITORY"
    CRS = "CRS"
    OVERWRITE = "OVERWRITE"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Create an observatory GeoPackage")

    def shortHelpString(self):
        return self.tr(
            "Creates the shared GeoPackage of a commerce observatory (the socle): centralities, "
            "premises, inventory campaigns and observations, premise lineage, population grid, "
            "roads, indicators, and the editable nomenclatures (activity groups, NAF → activity "
            "group map, observation statuses) bound to the coded fields as GeoPackage field "
            "domains, so QGIS shows value maps. Every table has an integer fid and a unique "
            "uuid; relations use the uuids. The CRS must be projected (metres); Lambert-93 "
            "(EPSG:2154) by default.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.TERRITORY, self.tr("Territory name"), defaultValue="Grand Poitiers"))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("Coordinate reference system (projected)"),
            defaultValue="EPSG:2154"))
        overwrite = QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Replace the file if it exists"), defaultValue=False)
        overwrite.setFlags(overwrite.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(overwrite)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Observatory GeoPackage"), self.tr("GeoPackage (*.gpkg)")))

    def _epsg(self, crs: QgsCoordinateReferenceSystem):
        auth = crs.authid()
        if not auth.upper().startswith("EPSG:"):
            return None
        return int(auth.split(":")[1])

    def checkParameterValues(self, parameters, context):
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid() or self._epsg(crs) is None:
            return False, self.tr("Choose a CRS with an EPSG code (e.g. EPSG:2154).")
        if crs.isGeographic():
            return False, self.tr(
                "{crs} is geographic: the observatory measures distances and areas in metres, "
                "choose a projected CRS such as EPSG:2154 (Lambert-93).").format(crs=crs.authid())
        if not self.parameterAsString(parameters, self.TERRITORY, context).strip():
            return False, self.tr("Give the territory a name.")
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if out and Path(out).exists() and not self.parameterAsBool(
                parameters, self.OVERWRITE, context):
            return False, self.tr(
                "{path} already exists: choose another file or tick “Replace the file if it "
                "exists”.").format(path=out)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        out = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if out.suffix.lower() != ".gpkg":
            out = out.with_suffix(".gpkg")
        territory = self.parameterAsString(parameters, self.TERRITORY, context).strip()
        epsg = self._epsg(self.parameterAsCrs(parameters, self.CRS, context))
        if out.exists():
            if not self.parameterAsBool(parameters, self.OVERWRITE, context):
                raise QgsProcessingException(self.tr("{path} already exists.").format(path=out))
            out.unlink()
        feedback.setProgress(10)
        try:
            observatory.create_observatory(out, territory, epsg)
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Observatory GeoPackage created: {path} (schema {version}, "
                                  "EPSG:{epsg})").format(
            path=out, version=observatory.LATEST_VERSION, epsg=epsg))
        return {self.OUTPUT: str(out)}
