"""Schema v6: the offer beyond premises (services, short circuits) and import bookkeeping.

Tables added by :func:`migrate_v6` (every one with ``fid`` + ``uuid``; relations by uuid):

- ``services`` (points): BPE equipment, unique by (source, vintage, source_id), with its TYPEQU
  code, domain (A–G) and range (proximité / intermédiaire / supérieure);
- ``producers`` (points, unique by (source, source_id)) and ``producer_products`` (one row per
  producer and product);
- ``markets`` (points, unique by (source, source_id)): weekdays, sessions per week, organic;
- ``premise_sources``: which SIRENE / OSM identifier is linked to which premise, so a re-import
  recognises what it already imported;
- ``import_rejections``: the rows an import rejected (or kept with a warning), by source file.

Coded fields are GeoPackage enum domains built from editable nomenclature tables
(``service_domains``, ``service_ranges``, ``bpe_equipment_types``, ``short_circuit_products``,
``sales_modes``); :func:`store.nomenclatures.refresh_domains` rebuilds them after a user edits
a table.
"""

from __future__ import annotations

import uuid

from ...i18n import tr
from .. import gpkg
from ..nomenclatures import NOMENCLATURES, create_nomenclature, read_csv, refresh_domains

UUID = "uuid TEXT NOT NULL UNIQUE"
IMPORT_SOURCES = [("sirene", "SIRENE (Insee)"), ("osm", "OpenStreetMap"),
                  ("bpe", "BPE (Insee)"), ("manual", "Saisie")]
REJECTION_LEVELS = [("rejected", "Rejetée"), ("warning", "Avertissement")]

OFFER_NOMENCLATURES = [n for n in NOMENCLATURES if n.since == 6 and n.csv_name]

# (table, geometry type or None, columns after fid/geom, description)
V6_TABLES = [
    ("bpe_equipment_types", None,
     f"{UUID}, code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, domain TEXT NOT NULL, "
     "range TEXT, vintage TEXT, sort_order INTEGER",
     "Nomenclature: BPE equipment types (TYPEQU -> label, domain, range; editable)"),
    ("services", "POINT",
     f"{UUID}, source TEXT NOT NULL DEFAULT 'bpe', vintage TEXT NOT NULL, "
     "source_id TEXT NOT NULL, typequ TEXT NOT NULL, label TEXT, domain TEXT, range TEXT, "
     "commune_code TEXT, iris TEXT, quality TEXT, imported_at DATETIME, notes TEXT, "
     "UNIQUE (source, vintage, source_id)",
     "Public and private services (BPE equipment points)"),
    ("producers", "POINT",
     f"{UUID}, source TEXT NOT NULL, source_id TEXT NOT NULL, name TEXT, sales_modes TEXT, "
     "organic INTEGER CHECK (organic IS NULL OR organic IN (0, 1)), commune_code TEXT, "
     "imported_at DATETIME, notes TEXT, UNIQUE (source, source_id)",
     "Short-circuit producers (sales_modes: codes separated by ';')"),
    ("producer_products", None,
     f"{UUID}, producer_uuid TEXT NOT NULL, product TEXT NOT NULL, "
     "UNIQUE (producer_uuid, product)",
     "Products of each short-circuit producer"),
    ("markets", "POINT",
     f"{UUID}, source TEXT NOT NULL, source_id TEXT NOT NULL, name TEXT, days TEXT, "
     "per_week REAL CHECK (per_week IS NULL OR per_week >= 0), "
     "organic INTEGER CHECK (organic IS NULL OR organic IN (0, 1)), schedule_text TEXT, "
     "commune_code TEXT, imported_at DATETIME, notes TEXT, UNIQUE (source, source_id)",
     "Markets (days: weekdays separated by ';'; per_week: sessions per week)"),
    ("premise_sources", None,
     f"{UUID}, premise_uuid TEXT NOT NULL, source TEXT NOT NULL, source_id TEXT NOT NULL, "
     "first_seen DATETIME NOT NULL, last_seen DATETIME NOT NULL, UNIQUE (source, source_id)",
     "External identifiers (SIRET, OSM id) linked to premises: idempotent re-imports"),
    ("import_rejections", None,
     f"{UUID}, source TEXT NOT NULL, file TEXT NOT NULL, row INTEGER, "
     "level TEXT NOT NULL CHECK (level IN ('rejected', 'warning')), field TEXT, value TEXT, "
     "reason TEXT NOT NULL, imported_at DATETIME NOT NULL",
     "Rows an import rejected or kept with a warning (replaced when the file is re-imported)"),
]

V6_INDEXES = [
    "CREATE INDEX idx_producer_products_producer ON producer_products (producer_uuid)",
    "CREATE INDEX idx_premise_sources_premise ON premise_sources (premise_uuid)",
    "CREATE INDEX idx_import_rejections_file ON import_rejections (source, file)",
]


def migrate_v6(conn, srs_id: int) -> None:
    """Schema v6 (inside the caller's transaction)."""
    gpkg.create_tables(conn, V6_TABLES, V6_INDEXES, srs_id=srs_id)
    for nom in OFFER_NOMENCLATURES:
        create_nomenclature(conn, nom)
    conn.executemany(
        "INSERT INTO bpe_equipment_types (uuid, code, label_fr, domain, range, vintage, "
        "sort_order) VALUES (?,?,?,?,?,?,?)",
        [(str(uuid.uuid4()), r["typequ"], r["label_fr"], r["domain"], r["range"] or None,
          r["vintage"] or None, i) for i, r in enumerate(read_csv("bpe_types.csv"), start=1)])
    refresh_domains(conn)
    gpkg.set_enum_domain(conn, "import_source", IMPORT_SOURCES)
    gpkg.attach_domain(conn, "premise_sources", "source", "import_source")
    gpkg.set_enum_domain(conn, "import_rejection_level", REJECTION_LEVELS)
    gpkg.attach_domain(conn, "import_rejections", "level", "import_rejection_level")


def require_v6(conn) -> None:
    """ValueError naming the fix when the file predates the offer tables."""
    if not gpkg.table_exists(conn, "premise_sources"):
        raise ValueError(tr("this GeoPackage predates the offer tables (schema v6): open it "
                            "with the plugin to upgrade it first"))
