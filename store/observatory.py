"""Create and open the observatory GeoPackage (the *socle*), migrating old files forward."""

from __future__ import annotations

import uuid
from pathlib import Path

from ..i18n import tr
from . import gpkg
from .migrations import LATEST_VERSION, MIGRATIONS
from .schema import core as schema

__all__ = ["LATEST_VERSION", "SchemaError", "create_observatory", "open_observatory"]

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
    """
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
        if version < LATEST_VERSION:
            if not migrate:
                raise SchemaError(tr("{path}: schema version {version} needs migrating to "
                                     "{latest}").format(path=path, version=version,
                                                        latest=LATEST_VERSION))
            backup = backup_path(path, version)
            if not backup.exists():  # the previous version, kept once, before any change
                conn.execute(f"VACUUM INTO '{str(backup).replace(chr(39), chr(39) * 2)}'")
            with gpkg.transaction(conn):
                _migrate(conn, version, LATEST_VERSION, path)
    except BaseException:
        conn.close()
        raise
    return conn
