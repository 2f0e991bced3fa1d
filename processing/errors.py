"""The algorithms' error boundary: any failure becomes a message a user can act on.

Every algorithm's ``processAlgorithm`` runs inside :func:`boundary` (installed by the base
class). A ``QgsProcessingException`` passes through unchanged; anything else — SQLite's
"database is locked" or "readonly database", a full disk, a file that cannot be decoded or
unzipped, a domain error of the store or the jobs, an unexpected bug — is turned into a
translated ``QgsProcessingException`` naming the file and the cause, and the full traceback goes
to the algorithm's log (``pushDebugInfo``) and QGIS's message log, never to the user's face.

Every write of the plugin is one transaction, so an error during a run leaves the GeoPackage as
it was; the messages say so only where that is true (SQLite errors, which abort the
transaction). An older schema is upgraded only by ``upgrade_geopackage`` (the user's choice)
or inside an import's own transaction; a message that ends such an import says the upgrade
was rolled back with it (the algorithm's ``schema_note``).
"""

from __future__ import annotations

import errno
import functools
import sqlite3
import traceback
import zipfile

from qgis.core import Qgis, QgsMessageLog, QgsProcessingException

from ..i18n import tr

LOG_TAG = "Observatoire du commerce"
PLUGIN_PACKAGE = __name__.split(".")[0]


def _sqlite_message(exc: sqlite3.Error, path: str) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return tr("{path} is in use by another program (an editing session in QGIS, a "
                  "synchronisation or an import): save or stop it, then run again. The "
                  "GeoPackage was not changed.").format(path=path)
    if "readonly" in text or "read-only" in text:
        return tr("{path} cannot be written (read-only file or folder): check its "
                  "permissions, then run again. The GeoPackage was not changed.").format(
                      path=path)
    if "disk is full" in text or "disk i/o" in text:
        return tr("The disk holding {path} is full or failing (\"{error}\"): free some space, "
                  "then run again. The GeoPackage was not changed.").format(
                      path=path, error=exc)
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return tr("{path} is damaged or is not a GeoPackage (\"{error}\").").format(
            path=path, error=exc)
    if "no such table" in text or "no such column" in text:
        return tr("{path} lacks a table or column the algorithm needs (\"{error}\"): open it "
                  "with this version of the plugin to upgrade it, or check it is an observatory "
                  "GeoPackage.").format(path=path, error=exc)
    return tr("The GeoPackage {path} refused the operation (\"{error}\"). It was not "
              "changed.").format(path=path, error=exc)


def _os_message(exc: OSError) -> str:
    name = exc.filename or ""
    if exc.errno == errno.ENOSPC:
        return tr("The disk is full while writing {file}: free some space, then run "
                  "again.").format(file=name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr("{file} cannot be read or written (permission denied).").format(file=name)
    if exc.errno == errno.ENOENT:
        return tr("{file} does not exist.").format(file=name)
    return tr("{file}: {error}").format(file=name or tr("file"), error=exc.strerror or exc)


def user_message(exc: BaseException, path: str = "") -> str:
    """A translated message for ``exc``; ``path`` names the GeoPackage being worked on."""
    path = path or tr("the GeoPackage")
    if isinstance(exc, sqlite3.Error):
        return _sqlite_message(exc, path)
    if isinstance(exc, MemoryError):
        return tr("Not enough memory for this input: try a smaller file or extent.")
    if isinstance(exc, UnicodeError):
        return tr("A text file could not be decoded ({error}): save it as UTF-8 or Latin-1 "
                  "text.").format(error=exc)
    if isinstance(exc, zipfile.BadZipFile):
        return tr("An archive is damaged or is not a zip file ({error}).").format(error=exc)
    if isinstance(exc, OSError):
        return _os_message(exc)
    if type(exc).__module__.split(".")[0] == PLUGIN_PACKAGE and str(exc):
        # our store, ingest, jobs and fieldwork errors carry a translated, actionable message
        return str(exc)
    return tr("Unexpected error ({kind}): {error}. The full report is in the log; please "
              "send it to the plugin's tracker.").format(kind=type(exc).__name__, error=exc)


def with_note(message: str, note: str | None) -> str:
    """``message`` followed by ``note`` (what happened to the GeoPackage's schema), if any."""
    if not note:
        return message
    message = message.rstrip()
    return f"{message} {note}" if message.endswith((".", "!", "?")) else f"{message}. {note}"


def geopackage_path(alg, parameters, context) -> str:
    """The GEOPACKAGE parameter of ``alg`` ("" when it has none or it cannot be read)."""
    try:
        if alg.parameterDefinition("GEOPACKAGE") is not None:
            return alg.parameterAsFile(parameters, "GEOPACKAGE", context)
    except Exception:  # noqa: BLE001 - naming the file is best effort
        pass
    return ""


def log_traceback(feedback=None) -> str:
    text = traceback.format_exc()
    QgsMessageLog.logMessage(text, LOG_TAG, Qgis.Warning)
    if feedback is not None:
        feedback.pushDebugInfo(text)
    return text


def boundary(process):
    """Wrap ``processAlgorithm(self, parameters, context, feedback)`` in the error boundary."""
    if getattr(process, "_observatoire_boundary", False):
        return process

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        self.schema_note = None
        try:
            return process(self, parameters, context, feedback)
        except QgsProcessingException as exc:
            note, self.schema_note = self.schema_note, None  # added once
            if not note:
                raise
            raise QgsProcessingException(with_note(str(exc), note)) from exc
        except Exception as exc:  # noqa: BLE001 - the boundary: nothing escapes untranslated
            log_traceback(feedback)
            note, self.schema_note = self.schema_note, None
            raise QgsProcessingException(with_note(
                user_message(exc, geopackage_path(self, parameters, context)), note)) from exc

    run._observatoire_boundary = True
    return run
