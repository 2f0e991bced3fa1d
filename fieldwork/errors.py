"""What a user can do about a storage error met while preparing or synchronising a package.

SQLite and the operating system report locks, read-only files and full disks with terse
messages ("database is locked", "attempt to write a readonly database", "[Errno 28] No space
left on device"); :func:`explain` turns them into a sentence that names the file, the cause and
what to do. No qgis import.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from ..i18n import tr


def kind(exc: BaseException) -> str:
    """``locked``, ``readonly``, ``full`` or ``other``."""
    text = str(exc).lower()
    number = getattr(exc, "errno", None)
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "read-only" in text or number in (errno.EROFS, errno.EACCES,
                                                                 errno.EPERM):
        return "readonly"
    if "disk is full" in text or number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "full"
    return "other"


def explain(exc: BaseException, path) -> str:
    """One sentence about ``exc`` met on ``path`` (the file's name, the cause, what to do)."""
    name = Path(path).name if path else "-"
    found = kind(exc)
    if found == "locked":
        return tr("{file} is locked by another program (edits being saved in QGIS, another "
                  "synchronisation or import); try again when it has finished ({error})").format(
                      file=name, error=exc)
    if found == "readonly":
        return tr("{file} cannot be written: the file or its folder is read-only (SQLite also "
                  "writes a journal next to the file); check the permissions ({error})").format(
                      file=name, error=exc)
    if found == "full":
        return tr("{file}: database or disk is full; free some disk space and try again "
                  "({error})").format(file=name, error=exc)
    if isinstance(exc, sqlite3.Error):
        return tr("{file}: SQLite error ({error})").format(file=name, error=exc)
    return tr("{file}: {error}").format(file=name, error=exc)
