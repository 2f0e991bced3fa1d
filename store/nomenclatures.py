"""Nomenclature tables (editable code lists) and the GeoPackage field domains built from them.

A coded column (observation status, activity group…) is tied to a GeoPackage enum domain so that
QGIS shows a value map; the domain's values are regenerated from the nomenclature table, so a user
who adds a code to the table and runs :func:`refresh_domains` sees it in every form.
"""

import csv
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import gpkg

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "nomenclatures"


@dataclass(frozen=True)
class Nomenclature:
    table: str          # nomenclature table in the GeoPackage
    domain: str         # GeoPackage domain name
    csv_name: str       # shipped default content (None: filled by its own migration)
    columns_sql: str    # table columns after fid, uuid
    since: int          # schema version that introduced it
    used_by: tuple      # (table, column) pairs bound to the domain


NOMENCLATURES = [
    Nomenclature(
        "activity_groups", "activity_group", "activity_groups.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "is_retail INTEGER NOT NULL DEFAULT 1, sort_order INTEGER",
        1, (("premise_observations", "activity_group"), ("naf_activity_map", "activity_group")),
    ),
    Nomenclature(
        "centrality_levels", "centrality_level", "centrality_levels.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        1, (("centralities", "level"),),
    ),
    Nomenclature(
        "chain_types", "chain_type", "chain_types.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        1, (("premise_observations", "chain_type"),),
    ),
    Nomenclature(
        "observation_statuses", "observation_status", "observation_statuses.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "counts_as_vacant INTEGER NOT NULL DEFAULT 0, sort_order INTEGER",
        2, (("premise_observations", "status"),),
    ),
    # schema v6: offer sources (see store/offer_schema.py)
    Nomenclature(
        "service_domains", "service_domain", "service_domains.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        6, (("services", "domain"), ("bpe_equipment_types", "domain"))),
    Nomenclature(
        "service_ranges", "service_range", "service_ranges.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        6, (("services", "range"), ("bpe_equipment_types", "range"))),
    Nomenclature(
        "short_circuit_products", "short_circuit_product", "short_circuit_products.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        6, (("producer_products", "product"),)),
    Nomenclature(
        "sales_modes", "sales_mode", "sales_modes.csv",
        "code TEXT NOT NULL UNIQUE, label_fr TEXT NOT NULL, label_en TEXT NOT NULL, "
        "sort_order INTEGER",
        6, ()),
    Nomenclature(  # TYPEQU -> label, domain, range: created and filled by migration v6
        "bpe_equipment_types", "bpe_equipment_type", None, "", 6, (("services", "typequ"),)),
]

# In schema v1 the observation status was a fixed domain (no editable table yet).
V1_STATUSES = [("occupied", "Occupé"), ("vacant", "Vacant"), ("works", "En travaux"),
               ("other_use", "Autre usage"), ("demolished", "Démoli")]


def read_csv(name: str) -> list:
    with open(RESOURCES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def create_nomenclature(conn, nom: Nomenclature) -> None:
    """Create a nomenclature table and fill it with the shipped defaults."""
    gpkg.create_table(conn, nom.table, "uuid TEXT NOT NULL UNIQUE, " + nom.columns_sql,
                      description=f"Nomenclature: {nom.domain}")
    rows = read_csv(nom.csv_name)
    cols = list(rows[0].keys())
    conn.executemany(
        f'INSERT INTO "{nom.table}" (uuid, {", ".join(cols)}) VALUES (?{", ?" * len(cols)})',
        [(str(uuid.uuid4()), *[r[c] for c in cols]) for r in rows],
    )


def create_naf_map(conn) -> None:
    gpkg.create_table(
        conn, "naf_activity_map",
        "uuid TEXT NOT NULL UNIQUE, naf_code TEXT NOT NULL UNIQUE, naf_label TEXT, "
        "activity_group TEXT NOT NULL",
        description="NAF rev. 2 sub-class -> activity group (editable)")
    rows = read_csv("naf_activity_map.csv")
    conn.executemany(
        "INSERT INTO naf_activity_map (uuid, naf_code, naf_label, activity_group) VALUES (?,?,?,?)",
        [(str(uuid.uuid4()), r["naf_code"], r["naf_label"], r["activity_group"]) for r in rows],
    )


def refresh_domains(conn) -> None:
    """Rewrite every domain from its nomenclature table and bind it to its columns, then the
    value maps of the edit forms stored in the file (run it after editing a nomenclature)."""
    for nom in NOMENCLATURES:
        if not gpkg.table_exists(conn, nom.table):
            continue
        values = conn.execute(
            f'SELECT code, label_fr FROM "{nom.table}" ORDER BY sort_order, code').fetchall()
        gpkg.set_enum_domain(conn, nom.domain, [(r[0], r[1]) for r in values])
        for table, column in nom.used_by:
            if gpkg.table_exists(conn, table):
                gpkg.attach_domain(conn, table, column, nom.domain)
    if gpkg.table_exists(conn, "layer_styles"):
        from .inventory_styles import install_forms

        install_forms(conn)


def codes(conn, table: str) -> list:
    return [r[0] for r in conn.execute(f'SELECT code FROM "{table}" ORDER BY sort_order, code')]
