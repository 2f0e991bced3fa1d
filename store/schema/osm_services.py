"""Schema v10: the editable table that maps OpenStreetMap tags to BPE equipment types.

``osm_bpe_map`` (``key``, ``value``, ``typequ``) tells the OSM services import which features
are services and which BPE TYPEQU they count as (``amenity=pharmacy`` → D307). It ships filled
from ``resources/nomenclatures/osm_bpe_map.csv``; a user adds or changes rows in QGIS like any
nomenclature, and the next import uses them.
"""

from __future__ import annotations

import uuid

from .. import gpkg, nomenclatures

TABLE = "osm_bpe_map"


def migrate_v10(conn, srs_id: int) -> None:
    """Create and fill ``osm_bpe_map`` (inside the migration's transaction)."""
    gpkg.create_table(
        conn, TABLE,
        "uuid TEXT NOT NULL UNIQUE, key TEXT NOT NULL, value TEXT NOT NULL, "
        "typequ TEXT NOT NULL, UNIQUE (key, value)",
        description="OpenStreetMap tag -> BPE equipment type (editable)")
    rows = nomenclatures.read_csv("osm_bpe_map.csv")
    conn.executemany(f"INSERT INTO {TABLE} (uuid, key, value, typequ) VALUES (?, ?, ?, ?)",
                     [(str(uuid.uuid4()), r["key"], r["value"], r["typequ"]) for r in rows])
