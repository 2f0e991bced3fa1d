"""observatoire:synchronise_field_package - merge an agent's package into the shared file."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QVariant

from .... import dependencies
from ....fieldwork import packages as field_packages
from ....fieldwork import sync as field_sync
from ....store import gpkg
from ...outputs import write_rows
from ..base import ObservatoireAlgorithm

REPORT_COLUMNS = (("table_name", QVariant.String),
                  *[(name, QVariant.Int) for name in ("inserted", "updated", "deleted",
                                                      "conflicts")])
CONFLICT_COLUMNS = tuple((name, QVariant.String) for name in (
    "table_name", "row_uuid", "column_name", "kind", "base_value", "kept_value",
    "rejected_value", "rule", "agent"))


def report_rows(report) -> list:
    """One row per synchronised table: inserted, updated, deleted, conflicts."""
    rows = []
    for table in field_packages.SYNC_TABLES:
        applied = report.applied.get(table, {})
        conflicts = sum(1 for c in report.conflicts if c["table"] == table)
        rows.append([table, applied.get("insert", 0), applied.get("update", 0),
                     applied.get("delete", 0), conflicts])
    return rows


def conflict_rows(report) -> list:
    return [[c["table"], c["row_uuid"], c["column"], c["kind"], c["base_value"],
             c["kept_value"], c["rejected_value"], c["rule"], report.agent]
            for c in report.conflicts]


class SynchroniseFieldPackage(ObservatoireAlgorithm):
    WORKS_ON_AN_OLDER_SCHEMA = True  # never migrates: the schema is frozen while packages are out
    ALG_ID = "synchronise_field_package"
    GROUP = "terrain"
    PACKAGE = "PACKAGE"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    OUTPUT_CONFLICTS = "OUTPUT_CONFLICTS"
    PACKAGE_UUID = "PACKAGE_UUID"
    EDITS = "EDITS"
    CONFLICTS = "CONFLICTS"
    PHOTOS_COPIED = "PHOTOS_COPIED"
    PHOTOS_MISSING = "PHOTOS_MISSING"
    PHOTOS_REJECTED = "PHOTOS_REJECTED"
    REFUSED = "REFUSED"

    def displayName(self):
        return self.tr("Synchronise a field package")

    def shortHelpString(self):
        return self.tr(
            "Merges the edits an agent made in a field package back into the shared GeoPackage "
            "with a three-way merge (pygeodiff): the package's base (the data as prepared), the "
            "agent's copy and the shared file as it is now. Every insert, update and delete of "
            "premises, observations and lineage arrives. Rule for conflicts: the first "
            "synchronised wins; when this package changed a field that the shared file already "
            "changed since the package was prepared, the shared value is kept and this "
            "package's value goes to the conflict report (the sync_conflicts table and the "
            "conflicts output); an edit of a row deleted meanwhile and a deletion of a row "
            "edited meanwhile are reported too. Photos of DCIM/ are copied next to the shared "
            "GeoPackage (only JPEG and PNG files, at most 25 MB each, never through a symbolic "
            "link) and every photo cited is checked to exist. Every merged row is checked with "
            "the rules of the inventory forms (location in the GeoPackage's CRS, required "
            "fields, codes of the lists, floor area, NAF code…): a row that breaks one is not "
            "merged and is reported with the reason (kind “refused”). Refused, before anything "
            "is written: a package already synchronised, a schema that changed since the "
            "package was prepared, a package not prepared from this GeoPackage, a data file "
            "whose -wal file stayed on the tablet. The GeoPackage is not migrated (the schema "
            "is frozen during a campaign), and it is written only at the end, in one "
            "transaction, and only if no other program saved edits in it meanwhile (otherwise "
            "nothing is written: synchronise again). Outputs: one row per table (inserted, "
            "updated, deleted, conflicts) and one row per conflicting or refused field.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.PACKAGE, self.tr("Field package folder"),
            behavior=QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_REPORT, self.tr("Synchronisation report"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CONFLICTS, self.tr("Conflicts"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputString(self.PACKAGE_UUID, self.tr("Package uuid")))
        self.addOutput(QgsProcessingOutputNumber(self.EDITS, self.tr("Edits applied")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICTS, self.tr("Conflicts")))
        self.addOutput(QgsProcessingOutputNumber(self.PHOTOS_COPIED, self.tr("Photos copied")))
        self.addOutput(QgsProcessingOutputNumber(self.PHOTOS_MISSING,
                                                 self.tr("Photos cited but missing")))
        self.addOutput(QgsProcessingOutputNumber(self.PHOTOS_REJECTED,
                                                 self.tr("Files of DCIM/ not copied")))
        self.addOutput(QgsProcessingOutputNumber(self.REFUSED,
                                                 self.tr("Fields refused by the form rules")))

    def _missing_pygeodiff(self) -> str | None:
        absent = dependencies.missing(["pygeodiff"])
        return dependencies.missing_message(absent) if absent else None

    def checkParameterValues(self, parameters, context):
        folder = self.parameterAsFile(parameters, self.PACKAGE, context)
        if not folder or not Path(folder).is_dir():
            return False, self.tr("The field package folder {folder} does not exist.").format(
                folder=folder or "-")
        if not (Path(folder) / field_packages.MANIFEST).is_file():
            return False, self.tr("{folder} is not a field package: it has no {manifest}.").format(
                folder=folder, manifest=field_packages.MANIFEST)
        missing = self._missing_pygeodiff()
        if missing:
            return False, missing
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        missing = self._missing_pygeodiff()
        if missing:
            raise QgsProcessingException(missing)
        folder = Path(self.parameterAsFile(parameters, self.PACKAGE, context))
        # Not open_geopackage(): the shared file is never migrated by a synchronisation (the
        # schema is frozen while packages are out, and a refusal leaves the file as it was).
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        feedback.setProgress(5)
        if feedback.isCanceled():
            return {}
        try:
            report = field_sync.synchronise(path, folder)
        except field_sync.SyncRefused as exc:
            raise QgsProcessingException(self.tr(
                "Synchronisation refused, nothing was written: {reason}").format(
                    reason=exc)) from exc
        except (field_sync.SyncFailed, gpkg.GeoPackageError) as exc:
            raise QgsProcessingException(self.tr(
                "Synchronisation failed, the shared GeoPackage is unchanged: {reason}").format(
                    reason=exc)) from exc
        feedback.setProgress(80)
        report_id = write_rows(self, parameters, self.OUTPUT_REPORT, context, REPORT_COLUMNS,
                                report_rows(report))
        conflicts_id = write_rows(self, parameters, self.OUTPUT_CONFLICTS, context,
                                   CONFLICT_COLUMNS, conflict_rows(report))
        feedback.pushInfo(self.tr(
            "Package {name}: {edits} edits applied, {conflicts} conflicts, {photos} photos "
            "copied.").format(name=report.package_name, edits=report.edits,
                              conflicts=len(report.conflicts),
                              photos=len(report.photos_copied)))
        for conflict in report.conflicts:
            if conflict["kind"] == "refused":
                continue
            feedback.reportError(self.tr(
                "Conflict on {table}.{column} of {row}: kept {kept}, this package's value "
                "{rejected} is in the conflict report.").format(
                    table=conflict["table"], column=conflict["column"],
                    row=conflict["row_uuid"], kept=conflict["kept_value"],
                    rejected=conflict["rejected_value"]))
        for photo in report.photos_missing:
            feedback.reportError(self.tr("Photo {photo} cited by {row} is missing.").format(
                photo=photo["photo"], row=photo["row_uuid"]))
        for photo in report.photos_rejected:
            feedback.reportError(self.tr("{photo} was not copied: {reason}.").format(
                photo=photo["photo"], reason=photo["reason"]))
        for refusal in report.refused:
            feedback.reportError(self.tr(
                "Refused: {table}.{column} of {row} = {value}: {rule}.").format(
                    table=refusal["table"], column=refusal["column"], row=refusal["row_uuid"],
                    value=refusal["rejected_value"], rule=refusal["rule"]))
        for table, count in report.ignored.items():
            feedback.reportError(self.tr(
                "{count} edit(s) of the table {table} were ignored: only premises, observations "
                "and lineage are synchronised.").format(count=count, table=table))
        feedback.setProgress(100)
        return {self.OUTPUT_REPORT: report_id, self.OUTPUT_CONFLICTS: conflicts_id,
                self.PACKAGE_UUID: report.package_uuid, self.EDITS: report.edits,
                self.CONFLICTS: len(report.conflicts),
                self.PHOTOS_COPIED: len(report.photos_copied),
                self.PHOTOS_MISSING: len(report.photos_missing),
                self.PHOTOS_REJECTED: len(report.photos_rejected),
                self.REFUSED: len(report.refused)}
