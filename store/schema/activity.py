"""Schema v13: time spent in the centralities and the pulse of shop activity (issue 15).

- ``parking_session_blocks``: the parking sessions (car-park tickets, subscribers' passages,
  paid on-street sessions) stored **by columns**, one row per car park or zone
  (``parking_uuid`` → ``parkings``) and month of entry (``month``, ``YYYY-MM``): millions of
  sessions are a few thousand rows (see "Session blocks" below);
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

Session blocks
--------------

A row of ``parking_session_blocks`` holds every session entering one car park in one month
(local wall-clock time, as operators export it), as little-endian arrays in BLOBs, sorted by
entry:

- ``entry_s``: int64, entry in local wall-clock seconds since 1970-01-01 00:00;
- ``stay_s``: int32, length of stay in seconds (exit − entry on the wall clock), ``-1`` for
  an *open* session (no exit recorded: counted apart, never guessed);
- ``amount``: float64, € (NaN = none); NULL when no session of the block has one;
- ``tickets``: the operators' ticket ids as a JSON array of texts (``null`` = none); NULL when
  no session of the block has one.

Beside them, plain columns a user can read in QGIS's attribute table: ``sessions`` (the length
of the arrays), ``open_sessions``, ``first_entry`` and ``last_entry`` (``YYYY-MM-DDTHH:MM:SS``),
``updated_at`` (UTC, the last import that changed the block) and ``checksum`` (CRC-32 of the
four arrays' bytes in that order, the tickets as UTF-8; the readers refuse a block whose arrays
do not match their length or checksum, e.g. after an edit by hand). ``uuid`` derives from the
car park and month (``uuid5``).

A session is identified by its car park, its entry second, its ticket id (when the export has
one) and its *rank* among the sessions of the same car park, second and ticket id (or without
ticket id) in the export, ordered by exit (open sessions last), amount and row: re-importing an
export adds nothing, and an export taken later gives the exit (and the amount) of a session
that was still open. Within a block, the sessions of one entry second and ticket id are
consecutive, in rank order, so the rank is not stored: it is the position among them.
Without ticket ids, two sessions entering the same car park in the same second are told apart
by their exits only (interchangeable for every statistic); a session imported once with and
once without its ticket id counts twice.

To see the sessions: the ``dwell_time`` algorithm's tables (per car park or zone and day,
week, month or year: sessions, open sessions, mean and median stay, classes, long stays by
hour of arrival, rotation, amounts); the ``sessions``, ``open_sessions`` and entry range of
each car park and month in this table; the rows an import rejected in ``import_rejections``
(file, row, column, value, reason); and, one row per session, the reader
:func:`store.readers.activity.session_rows` (e.g. in QGIS's Python console).
"""

from __future__ import annotations

import uuid

from ...i18n import tr
from .. import gpkg, nomenclatures

UUID = "uuid TEXT NOT NULL UNIQUE"
SCHEMA_VERSION = 13
#: The table of the parking sessions (one row per car park and month, module docstring).
SESSION_BLOCKS = "parking_session_blocks"
#: The namespace of the uuids derived from natural keys (uuid5).
KEY_NAMESPACE = uuid.UUID("6f1c2a4e-8a1b-5c3d-9e2f-0a1b2c3d4e5f")

ESTABLISHMENT_STATES = [("A", "Actif"), ("F", "Fermé")]
INDEX_FREQUENCIES = [("M", "Mensuel"), ("Q", "Trimestriel"), ("Y", "Annuel")]
INDEX_MEASURES = [("index", "Indice"), ("amount", "Montant (€)"),
                  ("transactions", "Nombre de transactions")]
PRESET_IMPORTERS = [("parking_sessions", "Sessions de stationnement"),
                    ("presence", "Données de présence")]

TABLES = [
    (SESSION_BLOCKS, None,
     f"{UUID}, parking_uuid TEXT NOT NULL, month TEXT NOT NULL, "
     "sessions INTEGER NOT NULL CHECK (sessions > 0), "
     "open_sessions INTEGER NOT NULL CHECK (open_sessions >= 0), first_entry TEXT NOT NULL, "
     "last_entry TEXT NOT NULL, entry_s BLOB NOT NULL, stay_s BLOB NOT NULL, amount BLOB, "
     "tickets TEXT, checksum INTEGER NOT NULL, updated_at DATETIME NOT NULL, "
     "UNIQUE (parking_uuid, month)",
     "Parking sessions by car park and month of entry, stored as arrays (entry, stay, amount, "
     "ticket): see the dwell_time algorithm to read them"),
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
    gpkg.set_enum_domains(conn, (
        ("establishment_state", ESTABLISHMENT_STATES, (("sirene_history", "state"),)),
        ("index_frequency", INDEX_FREQUENCIES, (("activity_indices", "frequency"),)),
        ("index_measure", INDEX_MEASURES, (("activity_indices", "measure"),)),
        ("preset_importer", PRESET_IMPORTERS, (("column_presets", "importer"),))))
    rows = nomenclatures.read_csv("column_presets.csv")
    conn.executemany(
        "INSERT OR IGNORE INTO column_presets (uuid, importer, name, mapping, notes, builtin) "
        "VALUES (?, ?, ?, ?, ?, 1)",
        [(str(uuid.uuid5(KEY_NAMESPACE, f"preset|{r['importer']}|{r['name']}")), r["importer"],
          r["name"], r["mapping"], r["notes"] or None) for r in rows])


class ActivitySchemaError(ValueError):
    """The GeoPackage predates the activity tables."""


def require_activity(conn) -> None:
    if not gpkg.table_exists(conn, SESSION_BLOCKS):
        raise ActivitySchemaError(tr(
            "this GeoPackage has no dwell-time and activity tables (schema v13): open it with "
            "the plugin to upgrade it first"))


def key_uuid(*parts) -> str:
    """The uuid of a row from its natural key (``uuid5``; None parts are written empty)."""
    return str(uuid.uuid5(KEY_NAMESPACE, "|".join("" if p is None else str(p) for p in parts)))

