"""The ``import_rejections`` table: what an import rejected or kept with a warning, per file."""

from __future__ import annotations

import uuid
from typing import Iterable, Mapping

from .. import gpkg, tables

COLUMNS = ["uuid", "source", "file", "row", "level", "field", "value", "reason", "imported_at"]


def replace_rejections(conn, source: str, files: Iterable[str],
                       records: Iterable[Mapping]) -> int:
    """Replace the entries of ``source`` for ``files`` by ``records`` (dicts with ``file, row,
    level, field, value, reason``); returns how many were written."""
    for name in set(files):
        tables.delete(conn, "import_rejections", {"source": source, "file": name})
    stamp = gpkg.now_iso()
    rows = [(str(uuid.uuid4()), source, r["file"], r["row"], r["level"], r["field"], r["value"],
             r["reason"], stamp) for r in records]
    written = tables.insert(conn, "import_rejections", COLUMNS, rows)
    gpkg.touch(conn, "import_rejections")
    return written
