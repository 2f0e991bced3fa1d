"""Base class of every algorithm: group ids, ``tr()``, ``createInstance``, store access."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtGui import QIcon

from ...__about__ import PLUGIN_DIR
from ...i18n import noop
from ...i18n import tr as _tr
from ...store import gpkg, observatory
from ..errors import boundary, user_message
from ..parameters import attach_name_list

# Project variable naming the current project's observatory GeoPackage, kept by the plugin's
# dock (plugin/socle.py), which hands it to :func:`set_dialog_socle`: it pre-fills the
# GEOPACKAGE parameter of every algorithm in the dialogs.
SOCLE_VARIABLE = "observatoire_geopackage"
_DIALOG_SOCLE: dict = {"path": None}

GROUPS = {
    "socle": noop("Socle (shared GeoPackage)"),
    "terrain": noop("Fieldwork (campaigns and field packages)"),
    "offre": noop("Offer and vacancy"),
    "flux": noop("Flows"),
    "chalandise": noop("Catchment"),
    "attentes": noop("Expectations"),
    "restitution": noop("Reporting"),
}


def set_dialog_socle(path: str | None) -> None:
    """The GeoPackage the algorithm dialogs open on (the current project's socle; None: none).
    Set by the plugin, never read by ``processAlgorithm``: ``qgis_process`` names it."""
    _DIALOG_SOCLE["path"] = str(path) if path else None


def current_project_socle() -> str | None:
    """The GeoPackage set by :func:`set_dialog_socle`, if the file still exists."""
    value = _DIALOG_SOCLE["path"]
    return value if value and Path(value).is_file() else None


class ObservatoireAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID``, ``GROUP`` and implement name/help/params/process."""

    ALG_ID = ""
    GROUP = "socle"
    GEOPACKAGE = "GEOPACKAGE"

    def __init_subclass__(cls, **kwargs):
        """Every algorithm's ``processAlgorithm`` runs inside the error boundary
        (:mod:`processing.errors`): no traceback reaches the user."""
        super().__init_subclass__(**kwargs)
        if "processAlgorithm" in cls.__dict__:
            cls.processAlgorithm = boundary(cls.__dict__["processAlgorithm"])

    def tr(self, text: str) -> str:
        return _tr(text)

    def name(self):
        return self.ALG_ID

    def group(self):
        return self.tr(GROUPS[self.GROUP])

    def groupId(self):
        return self.GROUP

    def icon(self):
        return QIcon(str(PLUGIN_DIR / "resources" / "icons" / "observatoire.svg"))

    def createInstance(self):
        return type(self)()

    def addParameter(self, parameterDefinition, createOutput=True):  # noqa: N802,N803 - QGIS API
        """Campaign and centrality names are chosen from lists in the dialogs
        (:func:`processing.parameters.attach_name_list`)."""
        attach_name_list(parameterDefinition)
        return super().addParameter(parameterDefinition, createOutput)

    # -- the shared GeoPackage ---------------------------------------------------------------
    def add_geopackage_parameter(self, description: str | None = None) -> None:
        param = QgsProcessingParameterFile(
            self.GEOPACKAGE, description or self.tr("Observatory GeoPackage"),
            behavior=QgsProcessingParameterFile.File, extension="gpkg")
        socle = current_project_socle()
        if socle:  # the dialogs open on the project's socle; qgis_process still needs it named
            param.setGuiDefaultValueOverride(socle)
        self.addParameter(param)

    def checkParameterValues(self, parameters, context):
        """Every algorithm with a GEOPACKAGE parameter gets it checked before it runs."""
        if self.parameterDefinition(self.GEOPACKAGE) is not None:
            ok, message = self.check_geopackage(parameters, context)
            if not ok:
                return ok, message
        return super().checkParameterValues(parameters, context)

    def check_geopackage(self, parameters, context):
        """(ok, message) for ``checkParameterValues``: the file exists and is an observatory."""
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        if not path or not Path(path).is_file():
            return False, self.tr("The observatory GeoPackage {path} does not exist.").format(
                path=path)
        try:
            version = observatory.file_schema_version(path)
        except sqlite3.OperationalError as exc:  # locked, unreadable…: say why
            return False, user_message(exc, path)
        except Exception as exc:  # noqa: BLE001 - any reason makes the file unusable
            return False, self.tr("{path} is not an observatory GeoPackage: {error}").format(
                path=path, error=exc)
        if version > observatory.LATEST_VERSION:
            return False, self.tr(
                "{path} has schema version {version}, newer than this plugin understands "
                "({latest}): update the plugin.").format(
                    path=path, version=version, latest=observatory.LATEST_VERSION)
        if version < observatory.LATEST_VERSION and not (self.UPGRADES_IN_ITS_TRANSACTION or
                                                          self.WORKS_ON_AN_OLDER_SCHEMA):
            return False, self.upgrade_first_message(path, version)
        return True, ""

    #: An algorithm that works on the file as it is, whatever its schema (the field
    #: synchronisation: the schema is frozen while packages are out).
    WORKS_ON_AN_OLDER_SCHEMA = False

    #: An algorithm that writes through :meth:`writing_geopackage` upgrades an older schema
    #: in its own transaction; every other one asks the user to upgrade the file first
    #: (``observatoire:upgrade_geopackage``): an upgrade is never a side effect of opening.
    UPGRADES_IN_ITS_TRANSACTION = False

    def upgrade_first_message(self, path, version: int) -> str:
        return self.tr(
            "{path} has schema version {old}; this version of the plugin works on version "
            "{new}. Upgrade it first with “Upgrade an observatory GeoPackage” "
            "(observatoire:upgrade_geopackage; a copy of the file as it is is kept beside it), "
            "or import data into it: imports upgrade it in their own transaction. Nothing was "
            "changed.").format(path=path, old=version, new=observatory.LATEST_VERSION)

    #: A sentence added to any message that ends the run in error: what happened to the
    #: GeoPackage's schema (upgraded when it was opened and kept, or rolled back with the run).
    schema_note = None

    def open_geopackage(self, parameters, context, feedback):
        """Open the observatory GeoPackage, or raise a clear error. A file of an older schema
        is refused (:meth:`upgrade_first_message`): opening never upgrades it; algorithms
        that write should use :meth:`writing_geopackage`, which upgrades in the run's own
        transaction."""
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        try:
            version = observatory.file_schema_version(path)
            if version < observatory.LATEST_VERSION and not (self.UPGRADES_IN_ITS_TRANSACTION or
                                                              self.WORKS_ON_AN_OLDER_SCHEMA):
                raise QgsProcessingException(self.upgrade_first_message(path, version))
            if self.WORKS_ON_AN_OLDER_SCHEMA:
                return path, observatory.open_as_is(path)
            return path, observatory.open_observatory(path)
        except (gpkg.GeoPackageError, observatory.SchemaError) as exc:
            raise QgsProcessingException(str(exc)) from exc

    @contextlib.contextmanager
    def writing_geopackage(self, parameters, context, feedback):
        """``(path, conn, upgrade)`` for a run that writes to the GeoPackage.

        An older schema is upgraded inside the run's own write transaction
        (:func:`store.observatory.upgrade_transaction`): the run's reads see the upgraded
        schema, its writes join the transaction, and an error, a cancel or a refusal rolls
        the upgrade back with them: the file stays byte for byte as it was. ``upgrade`` is
        None at the latest schema (the run then writes in its own transactions); a run that
        ends without writing anything sets ``upgrade.keep = False``. The log says what
        happened to the schema."""
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        try:
            conn = observatory.open_as_is(path)
        except (gpkg.GeoPackageError, observatory.SchemaError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        upgrade = None
        try:
            with observatory.upgrade_transaction(conn, path) as upgrade:
                if upgrade is not None:
                    feedback.pushInfo(self.tr(
                        "{path} has schema version {old}: it is upgraded to {new} in the same "
                        "transaction as this run, so that neither is written if the run fails "
                        "or is canceled.").format(path=path, old=upgrade.old, new=upgrade.new))
                    self.schema_note = self.tr(
                        "The upgrade of its schema from version {old} to {new}, made in the "
                        "same transaction, was rolled back too.").format(old=upgrade.old,
                                                                        new=upgrade.new)
                yield path, conn, upgrade
        finally:
            conn.close()
        if upgrade is None:
            return
        if upgrade.keep:
            self.schema_note = None
            feedback.pushInfo(self.tr(
                "{path} was upgraded from schema {old} to {new} in the same transaction as "
                "this run; a copy of the previous file is kept at {backup}.").format(
                    path=path, old=upgrade.old, new=upgrade.new, backup=upgrade.backup))
        else:
            feedback.pushInfo(self.tr(
                "Nothing was written: {path} keeps its schema version {old} (the upgrade to "
                "{new} was rolled back with the run).").format(
                    path=path, old=upgrade.old, new=upgrade.new))
