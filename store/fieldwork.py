"""Fieldwork persistence: the package subset, the field-package registry, the three-way merge's
reads and writes, and the campaign queries of the workflow.

The logic lives in :mod:`fieldwork` (packages, synchronisation, Excel exchange) and
:mod:`jobs.campaigns`; this module holds their SQL. Every write runs inside the caller's
transaction unless its docstring says otherwise. Table and column names are quoted; the
attached-database aliases (``base``, ``theirs``, ``mine``, ``work``) are chosen by this module.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import sqlite3
from pathlib import Path
from typing import Iterable, Optional, Sequence

from . import gpkg, tables


def _q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


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


def geometry_column(conn, table: str) -> Optional[dict]:
    """``{"column", "type", "srs_id"}`` of a feature table, None for an attribute table."""
    row = conn.execute("SELECT column_name, geometry_type_name, srs_id FROM "
                       "gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    return None if row is None else {"column": row[0], "type": row[1].upper(), "srs_id": row[2]}


def column_domains(conn, table: str) -> dict:
    """column -> ``{"enum": set of codes}`` or ``{"range": (min, max, min_incl, max_incl)}``
    for the columns of ``table`` attached to a GeoPackage field domain."""
    if not gpkg.table_exists(conn, "gpkg_data_columns") or not gpkg.table_exists(
            conn, "gpkg_data_column_constraints"):
        return {}
    result: dict = {}
    for column, kind, value, low, high, low_in, high_in in conn.execute(
            "SELECT d.column_name, c.constraint_type, c.value, c.min, c.max, "
            "c.min_is_inclusive, c.max_is_inclusive FROM gpkg_data_columns d "
            "JOIN gpkg_data_column_constraints c ON c.constraint_name = d.constraint_name "
            "WHERE d.table_name = ?", (table,)):
        if kind == "enum":
            result.setdefault(column, {"enum": set()})["enum"].add(value)
        elif kind == "range":
            result[column] = {"range": (low, high, bool(low_in), bool(high_in))}
    return result


def srs_code(conn, srs_id: int) -> Optional[tuple]:
    """``(organization, code)`` of a GeoPackage srs_id (e.g. ``("EPSG", 2154)``), or None."""
    row = conn.execute("SELECT organization, organization_coordsys_id FROM "
                       "gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
    return None if row is None else (str(row[0]).upper(), int(row[1]))


@functools.lru_cache(maxsize=32)
def crs_bounds(organization: str, code: int) -> Optional[tuple]:
    """``(min_x, min_y, max_x, max_y)`` of a CRS's area of use, in the CRS's own coordinates
    (the EPSG longitude/latitude box projected, 41 points per edge); None when unknown (not
    EPSG, GDAL without the area of use)."""
    if organization != "EPSG":
        return None
    try:
        from osgeo import osr
    except ImportError:  # pragma: no cover - GDAL ships with QGIS
        return None
    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(code)) != 0:
        return None
    area = srs.GetAreaOfUse() if hasattr(srs, "GetAreaOfUse") else None
    if area is None:
        return None
    west, south, east, north = (area.west_lon_degree, area.south_lat_degree,
                                area.east_lon_degree, area.north_lat_degree)
    if srs.IsGeographic():
        return west, south, east, north
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    for ref in (wgs84, srs):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, srs)
    steps = [i / 40 for i in range(41)]
    edge = ([(west + (east - west) * t, south) for t in steps]
            + [(west + (east - west) * t, north) for t in steps]
            + [(west, south + (north - south) * t) for t in steps]
            + [(east, south + (north - south) * t) for t in steps])
    xs, ys = [], []
    for lon, lat in edge:
        try:
            x, y, _z = transform.TransformPoint(lon, lat)
        except RuntimeError:
            continue
        if math.isfinite(x) and math.isfinite(y):
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


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
# The three-way merge
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def attached(conn, databases: dict):
    """ATTACH ``{alias: path}`` for the length of the block (aliases: base, theirs, mine,
    work, shared)."""
    for alias in databases:
        if alias not in ("base", "theirs", "mine", "work", "shared"):
            raise ValueError(f"unexpected alias {alias!r}")
    done = []
    try:
        for alias, path in databases.items():
            conn.execute(f"ATTACH DATABASE ? AS {alias}", (str(path),))
            done.append(alias)
        yield conn
    finally:
        for alias in reversed(done):
            conn.execute(f"DETACH DATABASE {alias}")


def refresh_theirs(theirs: Path, shared: Path, table_names: Iterable[str]) -> None:
    """Turn a copy of the base into the base's rows as the shared file holds them now.

    The shared file is only read, in a deferred transaction: no write lock is taken on it,
    so a program reading (or writing) it meanwhile is not disturbed.
    """
    conn = gpkg.connect(theirs)
    try:
        with attached(conn, {"shared": shared}):
            conn.execute("BEGIN")
            try:
                for table in table_names:
                    cols = ", ".join(_q(c) for c in gpkg.column_names(conn, table))
                    conn.execute("CREATE TEMP TABLE base_fids AS SELECT fid FROM "
                                 f"main.{_q(table)}")
                    conn.execute(f"DELETE FROM main.{_q(table)}")
                    conn.execute(f"INSERT INTO main.{_q(table)} ({cols}) SELECT {cols} FROM "
                                 f"shared.{_q(table)} WHERE fid IN "
                                 "(SELECT fid FROM temp.base_fids)")
                    conn.execute("DROP TABLE temp.base_fids")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    finally:
        conn.close()


def renumber_inserts(mine: Path, base: Path, table_names: Iterable[str],
                     first_fids: dict) -> None:
    """Give the agent's new rows (fids absent from the base) fids the shared file never used."""
    conn = gpkg.connect(mine)
    try:
        with attached(conn, {"base": base}), gpkg.transaction(conn):
            for table in table_names:
                new = [r[0] for r in conn.execute(
                    f"SELECT fid FROM main.{_q(table)} WHERE fid NOT IN "
                    f"(SELECT fid FROM base.{_q(table)}) ORDER BY fid")]
                if not new:
                    continue
                top = conn.execute(f"SELECT max(fid) FROM main.{_q(table)}").fetchone()[0]
                start = max(first_fids[table], top + 1)
                conn.executemany(f"UPDATE main.{_q(table)} SET fid = ? WHERE fid = ?",
                                 [(start + i, old) for i, old in enumerate(new)])
    finally:
        conn.close()


def row(conn, schema: str, table: str, fid: int) -> Optional[dict]:
    """One row of ``schema.table`` by fid, as a dict (None when absent)."""
    found = conn.execute(f"SELECT * FROM {schema}.{_q(table)} WHERE fid = ?",
                         (fid,)).fetchone()
    return None if found is None else dict(found)


def rows_by_fid(conn, table: str, fids: Iterable[int], schema: str = "main") -> dict:
    """fid -> row dict of ``schema.table`` for ``fids`` (absent ones left out)."""
    fid_list = sorted(set(fids))
    result = {}
    for start in range(0, len(fid_list), 500):
        chunk = fid_list[start:start + 500]
        for found in conn.execute(
                f"SELECT * FROM {schema}.{_q(table)} WHERE fid IN ({','.join('?' * len(chunk))})",
                chunk):
            result[found["fid"]] = dict(found)
    return result


def set_value(conn, table: str, column: str, fid: int, value) -> None:
    conn.execute(f"UPDATE main.{_q(table)} SET {_q(column)} = ? WHERE fid = ?", (value, fid))


def restore_row(conn, table: str, fid: int, source: str = "theirs") -> None:
    """Put back row ``fid`` of ``table`` as ``source`` (an attached copy) holds it: inserted
    when absent from main, every column rewritten otherwise."""
    cols = gpkg.column_names(conn, table)
    names = ", ".join(_q(c) for c in cols)
    if conn.execute(f"SELECT 1 FROM main.{_q(table)} WHERE fid = ?", (fid,)).fetchone():
        others = [c for c in cols if c != "fid"]
        conn.execute(
            f"UPDATE main.{_q(table)} SET ({', '.join(_q(c) for c in others)}) = "
            f"(SELECT {', '.join(_q(c) for c in others)} FROM {source}.{_q(table)} "
            "WHERE fid = ?) WHERE fid = ?", (fid, fid))
    else:
        conn.execute(f"INSERT INTO main.{_q(table)} ({names}) SELECT {names} FROM "
                     f"{source}.{_q(table)} WHERE fid = ?", (fid,))


def delete_row(conn, table: str, fid: int) -> None:
    conn.execute(f"DELETE FROM main.{_q(table)} WHERE fid = ?", (fid,))


def existing(conn, table: str, column: str, values: Iterable) -> set:
    """The ``values`` present in ``main.table.column``."""
    values = list(dict.fromkeys(v for v in values if v is not None))
    found = set()
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT {_q(column)} FROM main.{_q(table)} WHERE {_q(column)} IN "
            f"({','.join('?' * len(chunk))})", chunk))
    return found


def observation_exists(conn, premise_uuid: str, campaign_uuid: str) -> bool:
    return conn.execute("SELECT 1 FROM main.premise_observations WHERE premise_uuid = ? AND "
                        "campaign_uuid = ?", (premise_uuid, campaign_uuid)).fetchone() is not None


def mark_new_premises(conn, premise_fids: Sequence[int]) -> None:
    """Observations (still to confirm, or confirmed) of premises created in the field become
    ``new``."""
    if not premise_fids:
        return
    conn.execute("CREATE TEMP TABLE new_premises (fid INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO new_premises VALUES (?)", [(f,) for f in premise_fids])
    conn.execute(
        "UPDATE main.premise_observations SET visit_state = 'new' WHERE visit_state IN "
        "('to_confirm', 'confirmed') AND premise_uuid IN (SELECT uuid FROM main.premises "
        "WHERE fid IN (SELECT fid FROM temp.new_premises))")
    conn.execute("DROP TABLE temp.new_premises")


def apply_differences(conn, source: str, table: str, key: str = "fid", *,
                      inserts: bool = True, deletes: bool = True) -> dict:
    """Make ``main.table`` hold what ``source.table`` holds, row by row (inside the caller's
    transaction): rows of main absent from the source are deleted, rows that differ in any
    column are updated, rows new in the source are inserted (in that order, so that a
    uniqueness rule freed by a deletion can be taken by an insert). Triggers run as for any
    write (the R-tree follows). Returns the counts ``{"delete", "update", "insert"}``.
    """
    cols = gpkg.column_names(conn, table)
    t, k = _q(table), _q(key)
    others = [c for c in cols if c != key]
    differs = " OR ".join(f"NOT (m.{_q(c)} IS s.{_q(c)})" for c in others) or "0"
    counts = {"delete": 0, "update": 0, "insert": 0}
    if deletes:
        counts["delete"] = conn.execute(
            f"DELETE FROM main.{t} WHERE {k} NOT IN (SELECT {k} FROM {source}.{t})").rowcount
    if others:
        counts["update"] = conn.execute(
            f"UPDATE main.{t} SET ({', '.join(_q(c) for c in others)}) = "
            f"(SELECT {', '.join(_q(c) for c in others)} FROM {source}.{t} s "
            f"WHERE s.{k} = main.{t}.{k}) WHERE {k} IN (SELECT m.{k} FROM main.{t} m "
            f"JOIN {source}.{t} s ON s.{k} = m.{k} WHERE {differs})").rowcount
    if inserts:
        names = ", ".join(_q(c) for c in cols)
        counts["insert"] = conn.execute(
            f"INSERT INTO main.{t} ({names}) SELECT {names} FROM {source}.{t} "
            f"WHERE {k} NOT IN (SELECT {k} FROM main.{t})").rowcount
    return counts


def write_merged(guard: gpkg.ChangeGuard, work: Path, table_names: Sequence[str]) -> dict:
    """The end of a synchronisation: carry what the merged copy ``work`` holds in
    ``table_names`` (and their ``gpkg_contents`` rows) into the guarded shared file, in one
    transaction taken only now (:meth:`store.gpkg.ChangeGuard.transaction`: refused, nothing
    written, if another program committed since the guard was created). Returns the counts
    per table."""
    counts = {}
    with attached(guard.conn, {"work": work}), guard.transaction() as conn:
        for table in table_names:
            counts[table] = apply_differences(conn, "work", table)
        apply_differences(conn, "work", "gpkg_contents", "table_name", inserts=False,
                          deletes=False)
    return counts


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
