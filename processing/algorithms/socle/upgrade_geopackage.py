"""observatoire:upgrade_geopackage - upgrade an observatory GeoPackage of an older schema to the
schema of this version of the plugin, keeping a copy of the file as it was."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
)

from ....store import gpkg, observatory
from ..base import ObservatoireAlgorithm


class UpgradeGeoPackage(ObservatoireAlgorithm):
    ALG_ID = "upgrade_geopackage"
    GROUP = "socle"
    #: the one algorithm that accepts an older schema without writing anything else
    UPGRADES_IN_ITS_TRANSACTION = True
    OLD_VERSION = "OLD_VERSION"
    NEW_VERSION = "NEW_VERSION"
    BACKUP = "BACKUP"

    def displayName(self):
        return self.tr("Upgrade an observatory GeoPackage")

    def shortHelpString(self):
        return self.tr(
            "Brings an observatory GeoPackage made by an earlier version of the plugin to the "
            "schema this version works on: new tables and columns are added, nothing is "
            "removed, in one transaction (a failure leaves the file as it was). A copy of the "
            "file as it was is kept beside it (socle.schema7.bak.gpkg for a file of schema 7). "
            "Analyses and exports refuse a file of an older schema until it is upgraded; "
            "imports upgrade it in their own transaction. A file already at the latest schema "
            "is left untouched.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addOutput(QgsProcessingOutputNumber(self.OLD_VERSION,
                                                 self.tr("Schema version before")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_VERSION,
                                                 self.tr("Schema version after")))
        self.addOutput(QgsProcessingOutputString(self.BACKUP,
                                                 self.tr("Copy of the file as it was")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        try:
            old = observatory.file_schema_version(path)
            if old >= observatory.LATEST_VERSION:
                feedback.pushInfo(self.tr("{path} is already at schema version {version}: "
                                          "nothing to do.").format(path=path, version=old))
                return {self.OLD_VERSION: old, self.NEW_VERSION: old, self.BACKUP: ""}
            feedback.pushInfo(self.tr("Upgrading {path} from schema {old} to {new}…").format(
                path=path, old=old, new=observatory.LATEST_VERSION))
            observatory.open_observatory(path).close()
        except (gpkg.GeoPackageError, observatory.SchemaError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        backup = observatory.backup_path(path, old)
        feedback.pushInfo(self.tr("{path} was upgraded from schema {old} to {new}; a copy of "
                                  "the file as it was is kept at {backup}.").format(
            path=path, old=old, new=observatory.LATEST_VERSION, backup=backup))
        return {self.OLD_VERSION: old, self.NEW_VERSION: observatory.LATEST_VERSION,
                self.BACKUP: str(backup)}
