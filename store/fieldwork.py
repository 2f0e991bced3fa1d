"""Fieldwork persistence: copies of the shared file, the package subset, the field-package
registry, and the queries of the campaign workflow and of the Excel inventory.

The logic lives in :mod:`fieldwork` (packages, Excel exchange) and :mod:`jobs.campaigns`; this
module holds their SQL (the three-way merge's is :mod:`store.sync`). Every write runs inside
the caller's transaction unless its docstring says otherwise. Table and column names are
quoted.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable, Optional, Sequence

from . import gpkg, tables
from .tables import _q

# ---------------------------------------------------------------------------------------------
# Schema facts
# ---------------------------------------------------------------------------------------------

def column_definitions(conn, table: str, schema: str = "main") -> list:
    """``[name, TYPE, notnull, pk]`` per column of ``table`` (what a schema fingerprint hashes)."""
    return [[r[1], (r[2] or "").upper(), r[3], r[5]]
            for r in conn.execute(f"PRAGMA {schema}.table_info({_q(table)})")]


def user_tables(conn) -> list:
    """The tables registered in ``gpkg_contents``, by name."""
    return [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]


def next_fids(conn, table_names: Iterable[str]) -> dict:
    """table -> the first fid above every fid the table ever used (AUTOINCREMENT sequence)."""
    result = {}
    for table in table_names:
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        top = conn.execute(f"SELECT max(fid) FROM {_q(table)}").fetchone()[0]
        result[table] = max(row[0] if row else 0, top or 0) + 1
    return result


# ---------------------------------------------------------------------------------------------
# Copies
# ---------------------------------------------------------------------------------------------

def copy_database(source, target) -> None:
    """A consistent copy of the SQLite file ``source`` (its committed state, ``-wal``
    included) into ``target``, with SQLite's backup API; ``target`` is in rollback-journal
    mode. The source is only read."""
    src = sqlite3.connect(str(source))
    try:
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        src.close()


def consolidate(path) -> None:
    """Fold a ``-wal`` file lying next to ``path`` into it and leave it in rollback-journal
    mode (a single self-contained file, what geodiff reads)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


def compact(path) -> None:
    """VACUUM a file (outside any transaction) and leave it in rollback-journal mode."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# Field packages: the subset and the registry
# ---------------------------------------------------------------------------------------------

def subset_package(conn, campaign_uuid: str, premise_uuids: Sequence[str],
                   centrality_uuids: Optional[Sequence[str]], agent: Optional[str],
                   keep_tables: Iterable[str]) -> dict:
    """Reduce a fresh copy of the shared file to one package's content (inside a transaction).

    Kept whole: ``keep_tables`` (reference data). Reduced: premises to ``premise_uuids``, their
    observations of the campaign, the campaign's lineage touching them, the campaign itself,
    the centralities to ``centrality_uuids`` (all when None). Every other user table is
    emptied (same schema as the shared file, which the three-way merge needs). ``agent``, when
    given, becomes ``assigned_agent`` of the observations still to confirm that nobody was
    assigned. Returns the counts of premises, observations and centralities kept.
    """
    conn.execute("CREATE TEMP TABLE keep_premises (uuid TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO keep_premises VALUES (?)", [(u,) for u in premise_uuids])
    keep = set(keep_tables)
    for table in user_tables(conn):
        if table in keep:
            continue
        if table == "premises":
            conn.execute("DELETE FROM premises WHERE uuid NOT IN (SELECT uuid FROM keep_premises)")
        elif table == "premise_observations":
            conn.execute("DELETE FROM premise_observations WHERE campaign_uuid != ? OR "
                         "premise_uuid NOT IN (SELECT uuid FROM keep_premises)", (campaign_uuid,))
        elif table == "premise_lineage":
            conn.execute(
                "DELETE FROM premise_lineage WHERE coalesce(campaign_uuid, '') != ? OR NOT "
                "(parent_uuid IN (SELECT uuid FROM keep_premises) OR "
                "child_uuid IN (SELECT uuid FROM keep_premises))", (campaign_uuid,))
        elif table == "campaigns":
            conn.execute("DELETE FROM campaigns WHERE uuid != ?", (campaign_uuid,))
        elif table == "centralities":
            if centrality_uuids is not None:
                marks = ",".join("?" * len(centrality_uuids))
                conn.execute(f"DELETE FROM centralities WHERE uuid NOT IN ({marks})",
                             tuple(centrality_uuids))
        else:
            conn.execute(f"DELETE FROM {_q(table)}")
    if agent:
        conn.execute("UPDATE premise_observations SET assigned_agent = ? "
                     "WHERE visit_state = 'to_confirm' AND assigned_agent IS NULL", (agent,))
    counts = {t: tables.count(conn, t)
              for t in ("premises", "premise_observations", "centralities")}
    for table in user_tables(conn):
        if gpkg.table_exists(conn, f"rtree_{table}_geom"):
            gpkg.update_extent(conn, table)
    conn.execute("DROP TABLE temp.keep_premises")
    return counts


def assign_agent(conn, campaign_uuid: str, premise_uuids: Iterable[str], agent: str) -> int:
    """``assigned_agent = agent`` on the campaign's observations of ``premise_uuids`` still to
    confirm and not assigned yet; returns how many."""
    conn.execute("CREATE TEMP TABLE pkg_premises (uuid TEXT PRIMARY KEY)")
    try:
        conn.executemany("INSERT INTO pkg_premises VALUES (?)", [(u,) for u in premise_uuids])
        count = conn.execute(
            "UPDATE premise_observations SET assigned_agent = ? WHERE campaign_uuid = ? "
            "AND visit_state = 'to_confirm' AND assigned_agent IS NULL AND premise_uuid IN "
            "(SELECT uuid FROM pkg_premises)", (agent, campaign_uuid)).rowcount
    finally:
        conn.execute("DROP TABLE temp.pkg_premises")
    if count:
        gpkg.touch(conn, "premise_observations")
    return count


def register_package(conn, record: dict) -> None:
    """Insert a package's ``field_packages`` row (``perimeter`` a list or None)."""
    record = dict(record)
    if record.get("perimeter") is not None:
        record["perimeter"] = json.dumps(list(record["perimeter"]))
    tables.insert_dicts(conn, "field_packages", [record])


def package(conn, package_uuid: str) -> Optional[dict]:
    """The registry row of a package, or None."""
    return tables.first(conn, "field_packages", where={"uuid": package_uuid})


def imported_twin(conn, checksum: str) -> Optional[dict]:
    """The imported package whose data had this checksum, or None."""
    return tables.first(conn, "field_packages", ["name", "imported_at"],
                        {"state": "imported", "package_checksum": checksum})


def mark_imported(conn, package_uuid: str, checksum: str, imported_at: str,
                  summary: dict) -> None:
    tables.update_where(conn, "field_packages",
                        {"state": "imported", "package_checksum": checksum,
                         "imported_at": imported_at, "summary": json.dumps(summary)},
                        {"uuid": package_uuid})


CONFLICT_COLUMNS = ("uuid", "package_uuid", "table_name", "row_uuid", "column_name", "kind",
                    "base_value", "kept_value", "rejected_value", "rule", "agent", "synced_at")


def record_conflicts(conn, rows: Sequence[Sequence]) -> int:
    """Insert ``sync_conflicts`` rows (tuples in :data:`CONFLICT_COLUMNS` order)."""
    return tables.insert(conn, "sync_conflicts", CONFLICT_COLUMNS, rows)


# ---------------------------------------------------------------------------------------------
# Campaign workflow
# ---------------------------------------------------------------------------------------------

def previous_observations(conn, before: str) -> dict:
    """premise uuid -> its latest observation in a campaign that started before ``before``
    (by campaign start, then observation time, then fid)."""
    sql = (
        "SELECT * FROM (SELECT o.*, ROW_NUMBER() OVER (PARTITION BY o.premise_uuid ORDER BY "
        "coalesce(c.start_date, c.year || '-01-01') DESC, o.observed_at DESC, o.fid DESC) AS rn "
        "FROM premise_observations o JOIN campaigns c ON c.uuid = o.campaign_uuid "
        "WHERE coalesce(c.start_date, c.year || '-01-01', '0000-01-01') < ?) WHERE rn = 1")
    return {r["premise_uuid"]: dict(r) for r in conn.execute(sql, (before,))}


def observations_with_premises(conn, campaign_uuid: str) -> list:
    """The campaign's observations joined to their premise (the Excel inventory's columns)."""
    return [dict(r) for r in conn.execute(
        "SELECT o.uuid AS observation_uuid, o.premise_uuid, p.address, p.street, "
        "p.commune_code, p.floor_area, o.status, o.activity_group, o.naf_code, o.sign_name, "
        "o.chain_type, o.notes, o.agent, o.observed_at FROM premise_observations o "
        "JOIN premises p ON p.uuid = o.premise_uuid WHERE o.campaign_uuid = ?",
        (campaign_uuid,))]


def nomenclature_codes(conn, table: str) -> list:
    """``[(code, label_fr)]`` of a nomenclature table in display order."""
    return [(r[0], r[1]) for r in conn.execute(
        f"SELECT code, label_fr FROM {_q(table)} ORDER BY sort_order, code")]


def update_observations(conn, changes: dict, *, workflow: bool) -> int:
    """Write ``{observation uuid: {column: value}}``; with ``workflow`` the visit becomes
    ``changed`` (a premise found in the field stays ``new``). Returns the rows updated."""
    count = 0
    for obs_uuid, values in changes.items():
        assignments = ", ".join(f"{_q(k)} = ?" for k in values)
        if workflow:
            assignments += (", visit_state = CASE WHEN visit_state = 'new' THEN 'new' "
                            "ELSE 'changed' END")
        count += conn.execute(f"UPDATE premise_observations SET {assignments} WHERE uuid = ?",
                              (*values.values(), obs_uuid)).rowcount
    if count:
        gpkg.touch(conn, "premise_observations")
    return count
