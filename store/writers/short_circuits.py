"""Short-circuit producers (and their products) and markets, keyed by (source, source_id)."""

from __future__ import annotations

import uuid
from typing import Dict, Iterable, Mapping, Sequence, Set, Tuple

from .. import gpkg, tables


def source_ids(conn, table: str, source: str) -> Dict[str, str]:
    """``{source_id: uuid}`` of the producers or markets of ``source``."""
    return tables.key_map(conn, table, "source_id", "uuid", {"source": source})


def products_of(conn, producer_uuids: Iterable[str]) -> Dict[str, Set[str]]:
    """``{producer uuid: {product codes}}``."""
    out: Dict[str, Set[str]] = {}
    for r in tables.rows(conn, "producer_products", ["producer_uuid", "product"],
                         {"producer_uuid": tuple(producer_uuids)}):
        out.setdefault(r["producer_uuid"], set()).add(r["product"])
    return out


def write(conn, table: str, inserts: Sequence[Mapping], updates: Sequence[Mapping]) -> int:
    """Insert ``inserts`` (dicts with ``uuid, source, source_id`` and the values) and overwrite
    the values of ``updates`` (dicts with ``uuid``) in ``producers`` or ``markets`` where they
    differ from the stored ones (the import stamp aside). Returns how many were overwritten."""
    tables.insert_dicts(conn, table, inserts)
    updates = tables.differing(conn, table, "uuid", updates, ignore=("imported_at",))
    tables.update(conn, table, "uuid", updates, touch=False)
    if tables.count(conn, table):
        gpkg.update_extent(conn, table)
    gpkg.touch(conn, table)
    return len(updates)


def set_products(conn, added: Sequence[Tuple[str, str]],
                 removed: Sequence[Tuple[str, str]]) -> None:
    """Add and remove (producer uuid, product code) pairs."""
    tables.insert(conn, "producer_products", ["uuid", "producer_uuid", "product"],
                  [(str(uuid.uuid4()), producer, code) for producer, code in added])
    for producer, code in removed:
        tables.delete(conn, "producer_products", {"producer_uuid": producer, "product": code})
    gpkg.touch(conn, "producer_products")
