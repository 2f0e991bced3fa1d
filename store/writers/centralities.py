"""The ``centralities`` table written by the centrality import and the delineation: rows
matched on their code (an identifier given by the source) or on their name, and the level
nomenclature they are checked against."""

from __future__ import annotations

import uuid
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from .. import geometry, gpkg, tables
from ..survey import centrality_code, fill_centrality_codes

#: The stored columns a record may carry (``geom``: polygons, each a list of rings).
COLUMNS = ("name", "level", "code", "commune_code")


def levels(conn) -> List[dict]:
    """The file's centrality levels (``code``, ``label_fr``, ``label_en``), in order."""
    return tables.rows(conn, "centrality_levels", ["code", "label_fr", "label_en"],
                       order_by=["sort_order", "code"])


def name_key(name) -> str:
    """How two centrality names are compared: without case and surrounding spaces."""
    return " ".join(str(name or "").split()).casefold()


def upsert(conn, records: Sequence[Mapping], srs_id: int, key: str = "name"
           ) -> Tuple[int, int, int]:
    """Add or update centralities (inside the caller's transaction); ``(added, updated,
    unchanged)``.

    ``records``: ``name``, ``level``, ``polygons`` (each a list of rings, in the file's CRS),
    optional ``code`` and ``commune_code``. ``key``: ``"code"`` matches a stored row by code
    (records must carry one; :func:`store.survey.centrality_code` of a source id), ``"name"``
    by name (:func:`name_key`). A matched row whose values and geometry are the same is
    unchanged; new rows without a code get one (:func:`store.survey.fill_centrality_codes`).
    """
    stored = tables.rows(conn, "centralities",
                         ["uuid", "name", "level", "code", "commune_code", "geom"])
    if key == "code":
        index: Dict[str, dict] = {r["code"]: r for r in stored if r["code"]}
    else:
        index = {name_key(r["name"]): r for r in stored}
    inserts, updates, unchanged = [], [], 0
    for record in records:
        blob = geometry.encode("multipolygon", list(record["polygons"]), srs_id)
        values = {"name": record["name"], "level": record["level"], "geom": blob}
        for column in ("code", "commune_code"):
            if record.get(column) is not None:
                values[column] = record[column]
        found = index.get(record.get("code") if key == "code" else name_key(record["name"]))
        if found is None:
            inserts.append({"uuid": str(uuid.uuid4()), "code": None, "commune_code": None,
                            **values})
        elif all(found[c] == v for c, v in values.items()):
            unchanged += 1
        else:
            updates.append({"uuid": found["uuid"], **values})
    if inserts:
        tables.insert(conn, "centralities", list(inserts[0]),
                      [list(r.values()) for r in inserts])
    tables.update(conn, "centralities", "uuid", updates, touch=False)
    if inserts or updates:
        gpkg.update_extent(conn, "centralities")
        if "code" in gpkg.column_names(conn, "centralities"):
            fill_centrality_codes(conn)
    return len(inserts), len(updates), unchanged


def source_code(value: Optional[str]) -> Optional[str]:
    """The centrality code of a source identifier (None for an empty one)."""
    text = str(value or "").strip()
    return centrality_code(text) if text else None
