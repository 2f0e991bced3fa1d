"""A small GeoPackage engine on the standard library's sqlite3.

It writes what the OGC GeoPackage 1.2 standard requires (and GDAL's ``validate_gpkg.py`` checks):
the core tables, feature and attribute tables registered in ``gpkg_contents``, R-tree spatial
indexes with their triggers, and the schema extension (``gpkg_data_columns`` /
``gpkg_data_column_constraints``) that GDAL >= 3.3 and QGIS >= 3.20 read as field domains.

Every connection it opens registers the SQL functions the R-tree triggers call (``ST_MinX``…),
so plain SQL writes keep the spatial index right. Writes go through :func:`transaction`: a failed
write rolls back and leaves the file byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import sqlite3
from pathlib import Path

import numpy as np

from ..i18n import tr
from . import geometry

APPLICATION_ID = 0x47504B47  # "GPKG"


def _gdal_writes_1_4() -> bool:
    """GDAL writes GeoPackage 1.4 files (and its validator expects their R-tree triggers) from
    version 3.9 on; with an older GDAL the files stay 1.2, which that GDAL validates."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - GDAL ships with QGIS
        return False
    return int(gdal.VersionInfo("VERSION_NUM")) >= 3090000


GPKG_1_4 = _gdal_writes_1_4()
USER_VERSION = 10400 if GPKG_1_4 else 10200

_CORE_SQL = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_tile_matrix_set (
  table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, min_x DOUBLE NOT NULL,
  min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
  CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_tile_matrix (
  table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL,
  matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL,
  pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
  CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
  CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_data_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT,
  description TEXT, mime_type TEXT, constraint_name TEXT,
  CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
  CONSTRAINT gdc_tn UNIQUE (table_name, name));
CREATE TABLE gpkg_data_column_constraints (
  constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC,
  min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT,
  CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
"""

_UNDEFINED_SRS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined",
     "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined",
     "undefined geographic coordinate reference system"),
]

_SCHEMA_EXT = "http://www.geopackage.org/spec120/#extension_schema"
_RTREE_EXT = "http://www.geopackage.org/spec120/#extension_rtree"


class GeoPackageError(RuntimeError):
    """A file that is not a GeoPackage, or an operation the file cannot take."""


def now_iso() -> str:
    """Current UTC time in the GeoPackage DATETIME format."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _st_minx(blob):
    return _env(blob, 0)


def _st_maxx(blob):
    return _env(blob, 1)


def _st_miny(blob):
    return _env(blob, 2)


def _st_maxy(blob):
    return _env(blob, 3)


def _env(blob, index):
    if blob is None:
        return None
    env = geometry.envelope(blob)
    return None if env is None else env[index]


def _st_isempty(blob):
    if blob is None:
        return None
    return int(geometry.envelope(blob) is None)


def connect(path, *, must_exist: bool = True) -> sqlite3.Connection:
    """Open a GeoPackage with the R-tree trigger functions registered.

    The connection runs in autocommit mode: use :func:`transaction` around every write.
    """
    path = Path(path)
    if must_exist and not path.is_file():
        raise GeoPackageError(tr("{path}: no such GeoPackage file").format(path=path))
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.row_factory = sqlite3.Row
    for name, func in (("ST_MinX", _st_minx), ("ST_MaxX", _st_maxx), ("ST_MinY", _st_miny),
                       ("ST_MaxY", _st_maxy), ("ST_IsEmpty", _st_isempty)):
        conn.create_function(name, 1, func, deterministic=True)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection):
    """One all-or-nothing write: commit on success, roll back on any exception.

    SQLite may have rolled the transaction back already (``database or disk is full``,
    some I/O errors): the rollback then runs only while a transaction is still active, so the
    error the user sees is the real one, not "cannot rollback - no transaction is active". A
    COMMIT that fails (a lock held by a reader, a full disk) rolls back as well.

    Inside a transaction the caller already holds (e.g. the one that upgrades an older schema
    before an import, :func:`store.observatory.upgrade_transaction`), the block is a savepoint:
    an error undoes the block only, and nothing is committed before the caller commits.
    """
    if conn.in_transaction:
        with _savepoint(conn):
            yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection):
    name = f"nested_{next(_SAVEPOINTS)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


_SAVEPOINTS = itertools.count(1)


def create_container(path) -> sqlite3.Connection:
    """Create an empty GeoPackage holding the core tables and the two undefined SRS rows."""
    path = Path(path)
    if path.exists():
        raise GeoPackageError(tr("{path}: file already exists").format(path=path))
    conn = connect(path, must_exist=False)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    with transaction(conn):
        for statement in _CORE_SQL.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", _UNDEFINED_SRS)
    return conn


@contextlib.contextmanager
def new_file(path):
    """A new GeoPackage container at ``path``, removed whole if the block fails; yields the
    connection (closed at the end either way)."""
    path = Path(path)
    conn = create_container(path)
    try:
        yield conn
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()


def register_srs(conn, srs_id: int, name: str, organization: str, code: int, wkt: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)",
        (name, srs_id, organization, code, wkt, name),
    )


def table_exists(conn, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?",
                       (name,)).fetchone()
    return row is not None


def database_path(conn) -> str:
    """Path of the file ``conn`` opened ('' for an in-memory database)."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return row[2] or ""
    return ""


def column_names(conn, table: str) -> list:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def create_table(conn, name: str, columns_sql: str, *, description: str = "",
                 geometry_type: str | None = None, srs_id: int | None = None) -> None:
    """Create a user table registered in ``gpkg_contents``.

    ``columns_sql`` is the column list after ``fid`` (and ``geom`` for a feature table);
    every table gets ``fid INTEGER PRIMARY KEY AUTOINCREMENT``.
    """
    cols = "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"
    if geometry_type:
        cols += f", geom {geometry_type.upper()}"
    conn.execute(f'CREATE TABLE "{name}" ({cols}, {columns_sql})')
    data_type = "features" if geometry_type else "attributes"
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
        "VALUES (?,?,?,?,?)",
        (name, data_type, name, description, srs_id if geometry_type else None),
    )
    if geometry_type:
        conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?,?,?,?,0,0)",
                     (name, "geom", geometry_type.upper(), srs_id))
        _create_rtree(conn, name, "geom")


def rtree_triggers(t: str, c: str, version_1_4: bool = GPKG_1_4) -> dict:
    """The R-tree maintenance triggers of table ``t``, geometry column ``c``: suffix -> SQL.

    GeoPackage 1.2 (Annex F.3): insert, update1-4, delete. GeoPackage 1.4 replaces update1
    (an ``INSERT OR REPLACE`` that breaks UPSERT) by update6 / update7 and update3 by update5.
    """
    r = f"rtree_{t}_{c}"
    new_env = (f'ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), '
               f'ST_MaxY(NEW."{c}")')
    ins = f'INSERT OR REPLACE INTO "{r}" VALUES (NEW.fid, {new_env})'
    new_ok = f'(NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))'
    new_none = f'(NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))'
    bodies = {
        "insert": (f'AFTER INSERT ON "{t}" WHEN (new."{c}" NOT NULL AND NOT '
                   f'ST_IsEmpty(NEW."{c}"))', ins),
        "update2": (f'AFTER UPDATE OF "{c}" ON "{t}" WHEN OLD.fid = NEW.fid AND {new_none}',
                    f'DELETE FROM "{r}" WHERE id = OLD.fid'),
        "update4": (f'AFTER UPDATE ON "{t}" WHEN OLD.fid != NEW.fid AND {new_none}',
                    f'DELETE FROM "{r}" WHERE id IN (OLD.fid, NEW.fid)'),
        "delete": (f'AFTER DELETE ON "{t}" WHEN old."{c}" NOT NULL',
                   f'DELETE FROM "{r}" WHERE id = OLD.fid'),
    }
    if version_1_4:
        old_ok = f'(OLD."{c}" NOTNULL AND NOT ST_IsEmpty(OLD."{c}"))'
        old_none = f'(OLD."{c}" ISNULL OR ST_IsEmpty(OLD."{c}"))'
        bodies["update5"] = (f'AFTER UPDATE ON "{t}" WHEN OLD.fid != NEW.fid AND {new_ok}',
                             f'DELETE FROM "{r}" WHERE id = OLD.fid; {ins}')
        bodies["update6"] = (
            f'AFTER UPDATE OF "{c}" ON "{t}" WHEN OLD.fid = NEW.fid AND {new_ok} AND {old_ok}',
            f'UPDATE "{r}" SET minx = ST_MinX(NEW."{c}"), maxx = ST_MaxX(NEW."{c}"), '
            f'miny = ST_MinY(NEW."{c}"), maxy = ST_MaxY(NEW."{c}") WHERE id = NEW.fid')
        bodies["update7"] = (
            f'AFTER UPDATE OF "{c}" ON "{t}" WHEN OLD.fid = NEW.fid AND {new_ok} AND {old_none}',
            f'INSERT INTO "{r}" VALUES (NEW.fid, {new_env})')
    else:
        bodies["update1"] = (f'AFTER UPDATE OF "{c}" ON "{t}" WHEN OLD.fid = NEW.fid AND {new_ok}',
                             ins)
        bodies["update3"] = (f'AFTER UPDATE ON "{t}" WHEN OLD.fid != NEW.fid AND {new_ok}',
                             f'DELETE FROM "{r}" WHERE id = OLD.fid; {ins}')
    return {suffix: f'CREATE TRIGGER "{r}_{suffix}" {when} BEGIN {body}; END'
            for suffix, (when, body) in bodies.items()}


def create_tables(conn, specs, indexes=(), *, srs_id: int | None = None,
                  if_missing: bool = False) -> None:
    """Create the tables of a schema step: ``specs`` are ``(table, geometry type or None,
    columns after fid/geom, description)``, then the ``CREATE INDEX`` statements. With
    ``if_missing`` tables and indexes that exist already are left as they are."""
    for table, geom_type, columns, description in specs:
        if if_missing and table_exists(conn, table):
            continue
        create_table(conn, table, columns, description=description,
                     geometry_type=geom_type, srs_id=srs_id)
    for statement in indexes:
        if if_missing:
            statement = statement.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
        conn.execute(statement)


def register_crs(conn, epsg: int, name: str, wkt: str, geographic_wkt: str) -> None:
    """Register the file's CRS and WGS 84 (the standard requires its definition, Req 11)."""
    register_srs(conn, 4326, "WGS 84 geodetic", "EPSG", 4326, geographic_wkt)
    register_srs(conn, int(epsg), name, "EPSG", int(epsg), wkt)


def _create_rtree(conn, t: str, c: str) -> None:
    r = f"rtree_{t}_{c}"
    conn.execute(f'CREATE VIRTUAL TABLE "{r}" USING rtree(id, minx, maxx, miny, maxy)')
    conn.execute("INSERT INTO gpkg_extensions VALUES (?,?,?,?,?)",
                 (t, c, "gpkg_rtree_index", _RTREE_EXT, "write-only"))
    for statement in rtree_triggers(t, c).values():
        conn.execute(statement)


BULK_REBUILD = 1000   # new rows from which the whole R-tree is rebuilt packed


def _envelopes_of(conn, table: str, column: str, where: str, params=()) -> tuple:
    """(fids, (n, 4) envelopes) of the rows of ``table`` matching ``where`` (NULL and empty
    geometries left out)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: several times faster than sqlite3.Row here
    rows = cursor.execute(
        f'SELECT fid, substr("{column}", 1, 40) FROM "{table}" WHERE "{column}" IS NOT NULL '
        f'AND {where}', params).fetchall()
    fids, heads = (list(c) for c in zip(*rows)) if rows else ([], [])

    def whole(i):
        return conn.execute(f'SELECT "{column}" FROM "{table}" WHERE fid = ?',
                            (fids[i],)).fetchone()[0]

    env = geometry.envelopes(heads, whole)
    keep = ~np.isnan(env[:, 0])
    return np.asarray(fids, dtype=np.int64)[keep], env[keep]


@contextlib.contextmanager
def deferred_rtree(conn, table: str, column: str = "geom"):
    """Bulk inserts into ``table`` with its R-tree filled once at the end, in the caller's
    transaction: the insert trigger (which calls four Python functions per row) is dropped
    meanwhile and put back as it was. The rows inserted in the block (fids above the previous
    maximum: AUTOINCREMENT) are then indexed from their blobs' envelopes: from
    :data:`BULK_REBUILD` new rows on, or into an empty index, the whole R-tree is rebuilt
    packed (:mod:`store.rtree_bulk`); otherwise the new entries are inserted. Updates and
    deletes inside the block keep their triggers."""
    r = f"rtree_{table}_{column}"
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       (f"{r}_insert",)).fetchone()
    if row is None:  # no spatial index: nothing to defer
        yield
        return
    trigger_sql = row[0]
    before = conn.execute(f'SELECT coalesce(max(fid), 0) FROM "{table}"').fetchone()[0]
    conn.execute(f'DROP TRIGGER "{r}_insert"')
    try:
        yield
        added = conn.execute(f'SELECT count(*) FROM "{table}" WHERE fid > ?',
                             (before,)).fetchone()[0]
        empty = conn.execute(f'SELECT count(*) FROM "{r}"').fetchone()[0] == 0
        if added and (added >= BULK_REBUILD or empty) and _bulk_rebuild(conn, table, column, r):
            return
        fids, env = _envelopes_of(conn, table, column, "fid > ?", (before,))
        conn.executemany(f'INSERT OR REPLACE INTO "{r}" VALUES (?, ?, ?, ?, ?)',
                         zip(fids.tolist(), *env.T.tolist()))
    finally:
        conn.execute(trigger_sql)


def _bulk_rebuild(conn, table: str, column: str, rtree: str) -> bool:
    """Rebuild ``rtree`` packed from every row of ``table``; False (nothing changed) when
    SQLite refuses writes to the R-tree's shadow tables (defensive mode)."""
    from . import rtree_bulk

    fids, env = _envelopes_of(conn, table, column, "1")
    conn.execute("SAVEPOINT rtree_bulk")
    try:
        rtree_bulk.load(conn, rtree, fids, env)
    except sqlite3.Error:
        conn.execute("ROLLBACK TO rtree_bulk")
        conn.execute("RELEASE rtree_bulk")
        return False
    conn.execute("RELEASE rtree_bulk")
    return True


def drop_table(conn, name: str) -> None:
    """Drop a user table and everything the GeoPackage registered about it."""
    conn.execute(f'DROP TABLE IF EXISTS "rtree_{name}_geom"')
    conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for meta in ("gpkg_geometry_columns", "gpkg_extensions", "gpkg_data_columns"):
        conn.execute(f"DELETE FROM {meta} WHERE table_name = ?", (name,))
    conn.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (name,))


def update_extent(conn, table: str) -> None:
    """Refresh a feature table's extent in ``gpkg_contents`` from its R-tree."""
    row = conn.execute(
        f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "rtree_{table}_geom"').fetchone()
    conn.execute("UPDATE gpkg_contents SET min_x=?, min_y=?, max_x=?, max_y=?, last_change=? "
                 "WHERE table_name=?", (*tuple(row), now_iso(), table))


def touch(conn, table: str) -> None:
    conn.execute("UPDATE gpkg_contents SET last_change=? WHERE table_name=?", (now_iso(), table))


def _declare_schema_extension(conn) -> None:
    for t in ("gpkg_data_columns", "gpkg_data_column_constraints"):
        known = conn.execute("SELECT 1 FROM gpkg_extensions WHERE table_name=? AND "
                             "extension_name='gpkg_schema'", (t,)).fetchone()
        if not known:
            conn.execute("INSERT INTO gpkg_extensions VALUES (?,?,?,?,?)",
                         (t, None, "gpkg_schema", _SCHEMA_EXT, "read-write"))


def set_enum_domain(conn, domain: str, values, description: str = "") -> None:
    """(Re)write a coded-value domain: ``values`` is a sequence of (code, label)."""
    _declare_schema_extension(conn)
    conn.execute("DELETE FROM gpkg_data_column_constraints WHERE constraint_name=?", (domain,))
    conn.executemany(
        "INSERT INTO gpkg_data_column_constraints (constraint_name, constraint_type, value, "
        "description) VALUES (?, 'enum', ?, ?)",
        [(domain, code, label) for code, label in values],
    )


def set_range_domain(conn, domain: str, minimum, maximum, *, min_inclusive=True,
                     max_inclusive=True, description: str = "") -> None:
    _declare_schema_extension(conn)
    conn.execute("DELETE FROM gpkg_data_column_constraints WHERE constraint_name=?", (domain,))
    conn.execute(
        "INSERT INTO gpkg_data_column_constraints VALUES (?, 'range', NULL, ?, ?, ?, ?, ?)",
        (domain, minimum, int(min_inclusive), maximum, int(max_inclusive), description),
    )


def attach_domain(conn, table: str, column: str, domain: str) -> None:
    _declare_schema_extension(conn)
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, constraint_name) "
        "VALUES (?,?,?,?)", (table, column, column, domain))


def set_enum_domains(conn, spec) -> None:
    """Write several coded-value domains and attach each to its columns: ``spec`` is a
    sequence of ``(domain, values, ((table, column), ...))``."""
    for domain, values, uses in spec:
        set_enum_domain(conn, domain, values)
        for table, column in uses:
            attach_domain(conn, table, column, domain)


class FileChangedError(GeoPackageError):
    """Another program committed to the file while a long operation prepared its write."""


class ChangeGuard:
    """Lets a long operation write to a GeoPackage only if nobody else committed meanwhile.

    A field synchronisation or an import reads the file, works for seconds or minutes, then
    writes. If another program (QGIS saving a layer's edits, another synchronisation) commits
    in between, writing the stale result would overwrite that commit. The guard detects it:

    - **why** ``PRAGMA data_version``: SQLite changes the value a connection reads whenever
      *another* connection, of this process or of any other, has committed to the file since
      this connection last read it, in rollback-journal and in WAL mode alike. The file's size
      and modification time do not move while a commit still sits in the ``-wal`` file (QGIS
      puts a GeoPackage in WAL mode while a layer is being edited), so a check on them lets a
      lost update through. A checksum of the tables would see the commit too, but costs a full
      read; holding the write lock for the whole operation would block QGIS users (and, in
      rollback-journal mode, the final commit of every program reading the file) meanwhile.
    - **how**: the guard opens its connection in ``__init__`` (create it *before* reading
      anything the write relies on) and keeps it until :meth:`close`, holding no lock in
      between. :meth:`transaction` takes the write lock (``BEGIN IMMEDIATE``, waiting up to
      ``timeout`` seconds for other writers and, at commit, for readers), reads
      ``data_version`` again *under the lock*, so that no commit can slip in between the check
      and the write, and raises :class:`FileChangedError` (nothing written) if it moved or if the
      file was replaced on disk (device and inode changed). Write through the connection it
      yields; the commit is all or nothing (:func:`transaction`).
    - **on a connection the caller already has** (:meth:`over`): the same guard, reading
      ``data_version`` of that connection (which counts only *other* connections' commits);
      create it before the reads the write relies on and write through
      :meth:`transaction`; :meth:`close` leaves the connection open.
    """

    def __init__(self, path, *, timeout: float = 10.0):
        self.path = Path(path)
        self.conn = connect(self.path)
        self._owned = True
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._identity = self._file_identity()
            self._version = self._data_version()
        except BaseException:
            self.conn.close()
            raise

    @classmethod
    def over(cls, conn: sqlite3.Connection) -> ChangeGuard:
        """A guard on ``conn``, an open connection to a GeoPackage file (its busy timeout is
        left as it is; :meth:`close` does not close it)."""
        guard = cls.__new__(cls)
        guard.conn = conn
        guard._owned = False
        guard.path = Path(database_path(conn))
        guard._identity = guard._file_identity()
        guard._version = guard._data_version()
        return guard

    def _data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _file_identity(self) -> tuple:
        stat = os.stat(self.path)
        return stat.st_dev, stat.st_ino

    def changed(self) -> bool:
        """True when another connection committed to the file (or it was replaced) since the
        guard was created (or since its last write)."""
        try:
            identity = self._file_identity()
        except OSError:
            return True
        return identity != self._identity or self._data_version() != self._version

    def check(self) -> None:
        """Raise :class:`FileChangedError` when :meth:`changed`."""
        if self.changed():
            raise FileChangedError(tr(
                "{file} was changed by another program while this operation was running "
                "(edits saved in QGIS, another synchronisation or import): nothing was "
                "written; run the operation again").format(file=self.path.name))

    @contextlib.contextmanager
    def transaction(self):
        """The guarded write: the write lock, the check under it, one transaction."""
        with transaction(self.conn):
            self.check()
            yield self.conn
        self._version = self._data_version()

    def close(self) -> None:
        if self._owned:
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
