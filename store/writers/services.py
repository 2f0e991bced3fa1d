"""BPE services: the equipment types table and the ``services`` rows of a vintage."""

from __future__ import annotations

from typing import Dict, Sequence, Tuple

import pandas as pd

from .. import gpkg, tables

SERVICE_VALUES = ["typequ", "label", "domain", "range", "commune_code", "iris", "quality",
                  "imported_at", "geom"]
KEY = ["uuid", "source", "vintage", "source_id"]


def equipment_types(conn) -> pd.DataFrame:
    """The file's TYPEQU table, indexed by ``typequ``: ``label_fr, domain, range, vintage``."""
    frame = tables.frame(conn, "bpe_equipment_types",
                         ["code", "label_fr", "domain", "range", "vintage"])
    return frame.rename(columns={"code": "typequ"}).fillna("").set_index("typequ")


def service_keys(conn, source: str) -> Dict[Tuple[str, str], str]:
    """``{(vintage, source_id): uuid}`` of the services of ``source``."""
    return {(r["vintage"], r["source_id"]): r["uuid"] for r in tables.rows(
        conn, "services", ["vintage", "source_id", "uuid"], {"source": source})}


def write_services(conn, inserts: Sequence[tuple], updates: Sequence[tuple],
                   values: Sequence[str] = tuple(SERVICE_VALUES)) -> int:
    """Insert services (:data:`KEY` + ``values``, default :data:`SERVICE_VALUES`) and
    overwrite the ``values`` of ``updates`` (``values`` then the uuid) where they differ from
    the stored ones (the import stamp aside). Returns how many were overwritten."""
    values = list(values)
    tables.insert(conn, "services", KEY + values, inserts)
    updates = tables.differing(conn, "services", "uuid",
                               [dict(zip(values + ["uuid"], u)) for u in updates],
                               ignore=("imported_at",))
    tables.update(conn, "services", "uuid", updates, touch=False)
    if inserts or updates:
        gpkg.update_extent(conn, "services")
    gpkg.touch(conn, "services")
    return len(updates)
