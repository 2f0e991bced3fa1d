"""Create and open the observatory GeoPackage (the *socle*), migrating old files forward."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..i18n import tr
from . import gpkg
from .migrations import LATEST_VERSION, MIGRATIONS
from .schema import core as schema

__all__ = ["LATEST_VERSION", "SchemaError", "Upgrade", "create_observatory", "open_as_is",
           "open_observatory", "upgrade_transaction"]

META_TABLE = "observatory_meta"


class SchemaError(gpkg.GeoPackageError):
    """The file is not an observatory GeoPackage, or its schema is newer than this plugin."""


def srs_definition(epsg: int):
    """(name, wkt) of a projected EPSG CRS; ValueError for an unknown or geographic one."""
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(epsg)) != 0:
        raise ValueError(tr("EPSG:{epsg} is not a known coordinate reference system").format(
            epsg=epsg))
    if not srs.IsProjected():
        raise ValueError(tr(
            "EPSG:{epsg} is not a projected CRS: the observatory measures distances and areas "
            "in metres (use EPSG:2154 Lambert-93, or a CC conic zone)").format(epsg=epsg))
    return srs.GetName(), srs.ExportToWkt()


def _set_meta(conn, key: str, value) -> None:
    row = conn.execute(f"SELECT 1 FROM {META_TABLE} WHERE key=?", (key,)).fetchone()
    if row:
        conn.execute(f"UPDATE {META_TABLE} SET value=? WHERE key=?", (str(value), key))
    else:
        conn.execute(f"INSERT INTO {META_TABLE} (uuid, key, value) VALUES (?,?,?)",
                     (str(uuid.uuid4()), key, str(value)))


def meta(conn) -> dict:
    return {r[0]: r[1] for r in conn.execute(f"SELECT key, value FROM {META_TABLE}")}


def schema_version(conn) -> int:
    if not gpkg.table_exists(conn, META_TABLE):
        raise SchemaError(tr("not an observatory GeoPackage (no observatory_meta table)"))
    row = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key='schema_version'").fetchone()
    if row is None:
        raise SchemaError(tr("observatory_meta has no schema_version"))
    return int(row[0])


def file_schema_version(path) -> int:
    """The schema version of the GeoPackage at ``path`` (read, nothing changed)."""
    conn = gpkg.connect(path)
    try:
        return schema_version(conn)
    finally:
        conn.close()


def srs_id(conn) -> int:
    return int(meta(conn)["srs_id"])


def create_observatory(path, territory: str, epsg: int = 2154, *,
                       version: int | None = None) -> Path:
    """Create a new observatory GeoPackage at ``path`` (which must not exist).

    ``version`` builds an older schema (for tests of migrations); the default is the latest.
    """
    path = Path(path)
    target = LATEST_VERSION if version is None else version
    if not 1 <= target <= LATEST_VERSION:
        raise ValueError(f"schema version must be between 1 and {LATEST_VERSION}")
    name, wkt = srs_definition(epsg)
    with gpkg.new_file(path) as conn, gpkg.transaction(conn):
        gpkg.register_crs(conn, epsg, name, wkt, srs_definition_geographic())
        schema.create_v1(conn, int(epsg))
        _set_meta(conn, "schema_version", 1)
        _set_meta(conn, "territory", territory)
        _set_meta(conn, "srs_id", int(epsg))
        _set_meta(conn, "created_at", gpkg.now_iso())
        _migrate(conn, 1, target)
    return path


def srs_definition_geographic() -> str:
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    return srs.ExportToWkt()


class MigrationError(SchemaError):
    """A migration step failed; the transaction rolled back and the file is as it was."""

    def __init__(self, message: str, version: int):
        super().__init__(message)
        self.version = version


def _migrate(conn, current: int, target: int, path=None) -> None:
    epsg = int(conn.execute(f"SELECT value FROM {META_TABLE} WHERE key='srs_id'").fetchone()[0])
    for version in sorted(v for v in MIGRATIONS if current < v <= target):
        try:
            MIGRATIONS[version](conn, epsg)
            _set_meta(conn, "schema_version", version)
        except Exception as exc:
            raise MigrationError(tr(
                "{path}: upgrading the schema from version {current} to {target} failed at "
                "version {version} ({error}); the file was left unchanged").format(
                    path=path or tr("the GeoPackage"), current=current, target=target,
                    version=version, error=exc), version) from exc


def backup_path(path, version: int) -> Path:
    """Where the copy of a file is kept before migrating it from ``version``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.schema{version}.bak{path.suffix}")


def open_observatory(path, *, migrate: bool = True):
    """Open an observatory GeoPackage, migrating an older schema forward in one transaction.

    Before a migration, a copy of the file as it was is kept beside it
    (:func:`backup_path`, ``socle.schema8.bak.gpkg``); a failing migration step raises
    :class:`MigrationError` naming the version, and leaves the file unchanged. A file from a
    newer schema is refused (:class:`SchemaError`), as is any file that is not an
    observatory GeoPackage. Returns a connection (see :func:`store.gpkg.connect`).

    An operation that writes can instead migrate in its own transaction:
    :func:`open_as_is` then :func:`upgrade_transaction`.
    """
    conn = open_as_is(path)
    try:
        version = schema_version(conn)
        if version < LATEST_VERSION and not migrate:
            raise SchemaError(tr("{path}: schema version {version} needs migrating to "
                                 "{latest}").format(path=path, version=version,
                                                    latest=LATEST_VERSION))
        with upgrade_transaction(conn, path):
            pass
    except BaseException:
        conn.close()
        raise
    return conn


def open_as_is(path):
    """Open an observatory GeoPackage without migrating it (its schema may be older: see
    :func:`upgrade_transaction`). :class:`SchemaError` for a file that is not an observatory
    GeoPackage or whose schema is newer than this plugin."""
    conn = gpkg.connect(path)
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except Exception as exc:  # sqlite3.DatabaseError: not a database
            raise SchemaError(tr("{path}: not a GeoPackage ({error})").format(
                path=path, error=exc)) from exc
        if app_id != gpkg.APPLICATION_ID:
            raise SchemaError(tr("{path}: not a GeoPackage (application_id {app_id})").format(
                path=path, app_id=f"{app_id:#x}"))
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise SchemaError(tr(
                "{path}: schema version {version} is newer than this plugin understands "
                "(up to {latest}); update the Observatoire du commerce plugin").format(
                    path=path, version=version, latest=LATEST_VERSION))
    except BaseException:
        conn.close()
        raise
    return conn


@dataclass
class Upgrade:
    """A schema upgrade of ``path`` from version ``old`` to ``new``, in a transaction.

    ``backup``: the copy of the file as it was before the upgrade (made by this upgrade when
    ``made_backup``, else kept from an earlier one). Set ``keep = False`` before the
    transaction ends to roll the upgrade back with everything written in it (an operation that
    ends up writing nothing leaves the file as it was).
    """

    path: Path
    old: int
    new: int
    backup: Path
    made_backup: bool = False
    keep: bool = True


@contextlib.contextmanager
def upgrade_transaction(conn, path) -> Iterator[Optional[Upgrade]]:
    """The transaction of an operation on a file that may need a schema upgrade.

    At the latest schema: yields None and opens no transaction (the operation writes in its
    own). Older: takes the write lock (``BEGIN IMMEDIATE``), keeps a copy of the file as it
    was (:func:`backup_path`, written from a second connection under the lock, so it is the
    very state that is upgraded; an existing copy is kept), applies every migration, and
    yields an :class:`Upgrade`; the operation then runs in the same transaction (its own
    ``gpkg.transaction`` blocks become savepoints). The transaction commits when the block
    ends and ``keep`` is still True. On any error, or when ``keep`` was set to False, it rolls
    back: the file is byte for byte as it was, and a copy made here is removed.
    """
    version = schema_version(conn)
    if version >= LATEST_VERSION:
        yield None
        return
    path = Path(path)
    upgrade = Upgrade(path, version, LATEST_VERSION, backup_path(path, version))
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not upgrade.backup.exists():  # the previous version, kept once, before any change
            _copy_committed(path, upgrade.backup)
            upgrade.made_backup = True
        _migrate(conn, version, LATEST_VERSION, path)
        yield upgrade
        if upgrade.keep:
            conn.execute("COMMIT")
    except BaseException:
        upgrade.keep = False
        raise
    finally:
        if not upgrade.keep:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if upgrade.made_backup:
                upgrade.backup.unlink(missing_ok=True)


def _copy_committed(path: Path, target: Path) -> None:
    """Copy the committed state of the GeoPackage ``path`` to ``target`` (``VACUUM INTO``
    from another connection: it reads past the write lock the caller holds)."""
    reader = gpkg.connect(path)
    try:
        reader.execute("VACUUM INTO ?", (str(target),))
    finally:
        reader.close()
