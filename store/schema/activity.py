"""Schema v13: time spent in the centralities and the pulse of shop activity (issue 15).

- ``parking_sessions``: one row per car-park ticket, subscriber passage or paid on-street
  session: the car park or zone (``parking_uuid`` → ``parkings``), ``entry`` and ``exit``
  (local wall-clock times ``YYYY-MM-DDTHH:MM:SS``, as operators export them; ``exit`` NULL = no
  exit recorded, an *open* session), ``stay_min`` (exit − entry in minutes, NULL when open),
  ``amount`` (€) and the operator's ``ticket`` id when the export has one. The ``uuid`` is not
  random: it is derived from the car park, the entry second and the rank of the session among
  those entering the same car park in the same second (``pppppppp-pppp-8ttt-8ttt-tttttttttttt``,
  an RFC 9562 version 8 uuid: the first 12 hex digits of the car park's uuid, then
  ``t = (entry + 2^33) × 2^26 + rank`` in hex, entry in local wall-clock seconds since 1970),
  so a re-imported export adds nothing, an export taken later gives the exit of a session that
  was still open, and the rows of a car park are in entry order. The table holds millions of
  rows: no per-row source or import date (the import log and ``import_rejections`` keep them);
- ``presence_counts``: aggregated presence data (mobile-network or sensor providers) per zone,
  time slot, visitor category and either dwell-time class (with its bounds in minutes when
  known; ``class_upper_min`` NULL = open-ended) or mean dwell (minutes);
- ``sirene_history``: the periods of SIRENE's *StockEtablissementHistorique* (``siret``,
  ``period_start`` = dateDebut, ``period_end`` = dateFin, ``state`` = etatAdministratif A / F,
  NAF code and nomenclature, sign), one row per period;
- ``sirene_establishments``: the position of establishments read from a SIRENE stock file (any
  administrative state), which places the history in the centralities;
- ``activity_indices``: activity indices or amounts (card payments…) per zone, sector and
  period (``frequency`` M / Q / Y);
- ``column_presets``: saved column mappings of the operator and provider exports (shipped with
  a few generic layouts from ``resources/nomenclatures/column_presets.csv``; users add theirs).

The keys of ``presence_counts``, ``sirene_history`` and ``activity_indices`` are uuids derived
from the rows' natural keys (``uuid5``, see the importers): re-importing updates values in
place and adds nothing. Zones given as a centrality's name or uuid are linked through
``centrality_uuid``.
"""

from __future__ import annotations

import uuid

from ...i18n import tr
from .. import gpkg, nomenclatures

UUID = "uuid TEXT NOT NULL UNIQUE"
SCHEMA_VERSION = 13
#: The namespace of the uuids derived from natural keys (uuid5).
KEY_NAMESPACE = uuid.UUID("6f1c2a4e-8a1b-5c3d-9e2f-0a1b2c3d4e5f")

ESTABLISHMENT_STATES = [("A", "Actif"), ("F", "Fermé")]
INDEX_FREQUENCIES = [("M", "Mensuel"), ("Q", "Trimestriel"), ("Y", "Annuel")]
INDEX_MEASURES = [("index", "Indice"), ("amount", "Montant (€)"),
                  ("transactions", "Nombre de transactions")]
PRESET_IMPORTERS = [("parking_sessions", "Sessions de stationnement"),
                    ("presence", "Données de présence")]

TABLES = [
    ("parking_sessions", None,
     f"{UUID}, parking_uuid TEXT NOT NULL, ticket TEXT, entry TEXT NOT NULL, exit TEXT, "
     "stay_min REAL CHECK (stay_min IS NULL OR stay_min >= 0), "
     "amount REAL CHECK (amount IS NULL OR amount >= 0)",
     "Parking sessions: entry and exit (local wall-clock times), length of stay (min), amount"),
    ("presence_counts", None,
     f"{UUID}, zone TEXT NOT NULL, centrality_uuid TEXT, slot_start TEXT NOT NULL, "
     "slot_minutes REAL CHECK (slot_minutes IS NULL OR slot_minutes > 0), "
     "category TEXT NOT NULL, dwell_class TEXT, class_lower_min REAL, class_upper_min REAL, "
     "mean_dwell_min REAL CHECK (mean_dwell_min IS NULL OR mean_dwell_min >= 0), "
     "count REAL NOT NULL CHECK (count >= 0), provider TEXT, source TEXT, "
     "imported_at DATETIME NOT NULL",
     "Presence data: people present per zone, time slot, visitor category and dwell class"),
    ("sirene_history", None,
     f"{UUID}, siret TEXT NOT NULL, siren TEXT NOT NULL, period_start DATE, period_end DATE, "
     "state TEXT NOT NULL CHECK (state IN ('A', 'F')), naf_code TEXT, naf_nomenclature TEXT, "
     "sign_name TEXT, employer TEXT, source TEXT, imported_at DATETIME NOT NULL",
     "SIRENE establishment history: periods of administrative state and activity"),
    ("sirene_establishments", "POINT",
     f"{UUID}, siret TEXT NOT NULL UNIQUE, siren TEXT NOT NULL, commune_code TEXT, "
     "address TEXT, source TEXT, imported_at DATETIME NOT NULL",
     "Positions of SIRENE establishments (from a stock file), for the activity barometer"),
    ("activity_indices", None,
     f"{UUID}, zone TEXT NOT NULL, centrality_uuid TEXT, sector TEXT NOT NULL, "
     "period TEXT NOT NULL, frequency TEXT NOT NULL DEFAULT 'M' "
     "CHECK (frequency IN ('M', 'Q', 'Y')), measure TEXT NOT NULL DEFAULT 'index' "
     "CHECK (measure IN ('index', 'amount', 'transactions')), value REAL, unit TEXT, "
     "provider TEXT, source TEXT, imported_at DATETIME NOT NULL",
     "Activity indices or amounts per zone, sector and period (card payments…)"),
    ("column_presets", None,
     f"{UUID}, importer TEXT NOT NULL, name TEXT NOT NULL, mapping TEXT NOT NULL, notes TEXT, "
     "builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)), UNIQUE (importer, name)",
     "Saved column mappings of operator and provider exports (field=column; …)"),
]

INDEXES = [
    "CREATE INDEX idx_presence_counts_zone ON presence_counts (zone, slot_start)",
    "CREATE INDEX idx_sirene_history_siret ON sirene_history (siret, period_start)",
    "CREATE INDEX idx_activity_indices_zone ON activity_indices (zone, sector, period)",
]

ACTIVITY_TABLES = [t[0] for t in TABLES]


def migrate_v13(conn, srs_id: int) -> None:
    """Create the tables, indexes and domains, and the shipped presets (inside the migration's
    transaction)."""
    gpkg.create_tables(conn, TABLES, INDEXES, srs_id=srs_id, if_missing=True)
    for domain, values, uses in (
            ("establishment_state", ESTABLISHMENT_STATES, (("sirene_history", "state"),)),
            ("index_frequency", INDEX_FREQUENCIES, (("activity_indices", "frequency"),)),
            ("index_measure", INDEX_MEASURES, (("activity_indices", "measure"),)),
            ("preset_importer", PRESET_IMPORTERS, (("column_presets", "importer"),))):
        gpkg.set_enum_domain(conn, domain, values)
        for table, column in uses:
            gpkg.attach_domain(conn, table, column, domain)
    rows = nomenclatures.read_csv("column_presets.csv")
    conn.executemany(
        "INSERT OR IGNORE INTO column_presets (uuid, importer, name, mapping, notes, builtin) "
        "VALUES (?, ?, ?, ?, ?, 1)",
        [(str(uuid.uuid5(KEY_NAMESPACE, f"preset|{r['importer']}|{r['name']}")), r["importer"],
          r["name"], r["mapping"], r["notes"] or None) for r in rows])


class ActivitySchemaError(ValueError):
    """The GeoPackage predates the activity tables."""


def require_activity(conn) -> None:
    if not gpkg.table_exists(conn, "parking_sessions"):
        raise ActivitySchemaError(tr(
            "this GeoPackage has no dwell-time and activity tables (schema v13): open it with "
            "the plugin to upgrade it first"))


def key_uuid(*parts) -> str:
    """The uuid of a row from its natural key (``uuid5``; None parts are written empty)."""
    return str(uuid.uuid5(KEY_NAMESPACE, "|".join("" if p is None else str(p) for p in parts)))


#: Seconds added to an entry time so that every date from 1900 on is positive (2^33 s).
EPOCH_SHIFT = 1 << 33
#: Bits of the rank of a session among those entering the same car park in the same second.
RANK_BITS = 26
