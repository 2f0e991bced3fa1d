"""Field packages: the data part of a QField-ready folder for one agent or one sector.

A package folder holds::

    manifest.json   what the office needs to merge it back (see :func:`prepare_field_package`)
    data.gpkg       the agent's copy: the perimeter's premises, their observations for the open
                    campaign, the campaign, the perimeter's centralities, the nomenclatures and
                    the domains (every other table is present but empty: same schema as the
                    shared file, which the three-way merge needs)
    DCIM/           the photos the agent takes
    <project>.qgz   added by the QGIS layer through the ``project_writer`` hook

The pristine *base* copy (byte-identical to ``data.gpkg`` as prepared) stays at the office,
next to the shared file in ``<shared stem>.field_bases/<package uuid>.gpkg``, so a tablet round
trip can neither lose nor alter it; its sha256 is in the manifest and in the shared file's
``field_packages`` registry.

Reading a package that came back from a device treats it as untrusted: the manifest, the data
file and the photos are never read through a symbolic link, paths named in the manifest must
stay inside the package folder, and the data file is copied with its ``-wal`` (QGIS and QField
edit a GeoPackage in WAL mode: the last edits may still be in ``data.gpkg-wal``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..i18n import tr
from ..jobs import campaigns
from ..store import campaigns as store_campaigns
from ..store import fieldwork as store_fieldwork
from ..store import gpkg, nomenclatures, observatory, tables
from .errors import explain

PACKAGE_FORMAT = "observatoire-field-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_FILE = "data.gpkg"
PHOTO_DIR = "DCIM"
# Tables whose agent edits are merged back into the shared file.
SYNC_TABLES = ("premises", "premise_observations", "premise_lineage")
# Tables copied whole into the package (reference data the forms need).
REFERENCE_TABLES = ("observatory_meta", "naf_activity_map", "layer_styles", "qgis_projects")
MAX_MANIFEST_BYTES = 1 << 20
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_SUFFIX, SHM_SUFFIX = "-wal", "-shm"


class FieldPackageError(gpkg.GeoPackageError):
    """A package that cannot be prepared or read; the message says what to fix."""


@dataclass
class FieldPackage:
    """A prepared package: its folder, data file, office-side base copy and manifest."""

    path: Path
    uuid: str
    data_path: Path
    base_path: Path
    manifest: dict = field(default_factory=dict)


@dataclass
class PackageData:
    """The agent's data as read into the office's scratch folder (see :func:`copy_data`).

    ``checksum`` is the sha256 of ``data.gpkg`` followed by its ``-wal`` when there is one;
    ``wal_mode`` says the file was last opened in WAL mode (header bytes 18-19 = 2), ``wal``
    that its ``-wal`` came back with it."""

    path: Path
    checksum: str
    wal_mode: bool
    wal: bool


def sha256(*paths) -> str:
    """sha256 of the files' contents, one after the other (missing files are skipped)."""
    digest = hashlib.sha256()
    for path in paths:
        if path is not None and Path(path).is_file():
            with open(path, "rb") as handle:
                chunk = handle.read(1 << 20)
                while chunk:
                    digest.update(chunk)
                    chunk = handle.read(1 << 20)
    return digest.hexdigest()


def schema_fingerprint(conn, tables_=SYNC_TABLES) -> str:
    """sha256 of the synchronised tables' column definitions (name, type, not null, pk)."""
    items = [[table, store_fieldwork.column_definitions(conn, table)]
             for table in tables_ if gpkg.table_exists(conn, table)]
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()


def bases_dir(shared_path) -> Path:
    """Office-side folder holding the base copies of the packages made from ``shared_path``."""
    shared_path = Path(shared_path)
    return shared_path.with_name(shared_path.stem + ".field_bases")


# ---------------------------------------------------------------------------------------------
# Reading a package that came back (untrusted)
# ---------------------------------------------------------------------------------------------

def inside(package_dir, relative, what: str) -> Path:
    """``package_dir / relative`` when ``relative`` is a plain relative path that stays in the
    package folder and crosses no symbolic link; FieldPackageError otherwise."""
    package_dir = Path(package_dir)
    text = relative if isinstance(relative, str) else None
    posix, windows = PurePosixPath(text or ""), PureWindowsPath(text or "")
    if not text or posix.is_absolute() or windows.is_absolute() or windows.drive \
            or ".." in posix.parts or ".." in windows.parts:
        raise FieldPackageError(tr(
            "{folder}: the manifest's {what} {value!r} is not a path inside the package "
            "folder: the package is refused").format(folder=package_dir, what=what,
                                                     value=relative))
    target = package_dir
    for part in windows.parts:
        target = target / part
        if target.is_symlink():
            raise FieldPackageError(tr(
                "{path} is a symbolic link: a field package is never read through a link "
                "(copy the real file into the package folder)").format(path=target))
    return target


def read_manifest(package_dir) -> dict:
    """The package's manifest, checked (format, keys, data path inside the package)."""
    path = Path(package_dir) / MANIFEST
    if path.is_symlink():
        raise FieldPackageError(tr(
            "{path} is a symbolic link: a field package is never read through a link "
            "(copy the real file into the package folder)").format(path=path))
    if not path.is_file():
        raise FieldPackageError(tr("{folder}: not a field package (no {manifest})").format(
            folder=package_dir, manifest=MANIFEST))
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise FieldPackageError(tr("{path}: unreadable manifest ({error})").format(
            path=path, error=tr("larger than {size} bytes").format(size=MAX_MANIFEST_BYTES)))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise FieldPackageError(tr("{path}: unreadable manifest ({error})").format(
            path=path, error=type(exc).__name__ if isinstance(exc, RecursionError) else exc)
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise FieldPackageError(tr("{path}: not an Observatoire field package manifest").format(
            path=path))
    missing = [k for k in ("package_uuid", "schema_version", "schema_fingerprint",
                           "base_checksum", "data_file") if k not in manifest]
    if missing:
        raise FieldPackageError(tr("{path}: manifest lacks {keys}").format(
            path=path, keys=", ".join(missing)))
    wrong = [k for k in ("package_uuid", "schema_fingerprint", "base_checksum", "data_file")
             if not isinstance(manifest[k], str)]
    if not isinstance(manifest["schema_version"], int) or isinstance(
            manifest["schema_version"], bool):
        wrong.append("schema_version")
    if wrong:
        raise FieldPackageError(tr("{path}: malformed manifest (wrong type for {keys})").format(
            path=path, keys=", ".join(wrong)))
    inside(package_dir, manifest["data_file"], "data_file")
    return manifest


def data_file(package_dir, manifest: dict) -> Path:
    """The package's data file: inside the package, a regular file, not a link."""
    path = inside(package_dir, manifest["data_file"], "data_file")
    if not path.is_file():
        raise FieldPackageError(tr("{folder}: the package has no {file}").format(
            folder=package_dir, file=manifest["data_file"]))
    return path


def open_no_link(path: Path):
    """A binary read handle on a regular file, never through a symbolic link."""
    if path.is_symlink():
        raise FieldPackageError(tr(
            "{path} is a symbolic link: a field package is never read through a link "
            "(copy the real file into the package folder)").format(path=path))
    fd = os.open(str(path), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) |
                 getattr(os, "O_BINARY", 0))
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise FieldPackageError(tr("{path} is not a regular file").format(path=path))
    return handle


def _copy_no_link(source: Path, target: Path) -> None:
    with open_no_link(source) as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def copy_data(data_path, target) -> PackageData:
    """Copy the agent's ``data.gpkg`` (and its ``-wal``) to ``target`` and fold the WAL in.

    Refused (FieldPackageError, nothing is written at the office): a data file that is not an
    SQLite file, a ``-wal``/``-shm`` that is a link, and a file last edited in WAL mode whose
    ``-shm`` came back without its ``-wal`` (the last edits are in the missing ``-wal``).
    """
    data_path, target = Path(data_path), Path(target)
    wal = data_path.with_name(data_path.name + WAL_SUFFIX)
    shm = data_path.with_name(data_path.name + SHM_SUFFIX)
    with open_no_link(data_path) as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise FieldPackageError(tr("{path}: not a readable GeoPackage ({error})").format(
            path=data_path, error=tr("not an SQLite file")))
    wal_mode = header[18] == 2 or header[19] == 2
    has_wal = wal.exists() or wal.is_symlink()
    if wal_mode and not has_wal and (shm.exists() or shm.is_symlink()):
        raise FieldPackageError(tr(
            "{file} was still open on the tablet: {shm} came back without {wal}, which holds "
            "the last edits. Copy {file} and {wal} from the tablet into {folder} (close QField "
            "first) and synchronise again; nothing was written.").format(
                file=data_path.name, shm=shm.name, wal=wal.name, folder=data_path.parent))
    _copy_no_link(data_path, target)
    if has_wal:
        _copy_no_link(wal, target.with_name(target.name + WAL_SUFFIX))
    checksum = sha256(target, target.with_name(target.name + WAL_SUFFIX))
    try:
        store_fieldwork.consolidate(target)
    except Exception as exc:  # noqa: BLE001 - sqlite3.DatabaseError and friends
        raise FieldPackageError(tr("{path}: not a readable GeoPackage ({error})").format(
            path=data_path, error=exc)) from exc
    return PackageData(target, checksum, wal_mode, has_wal)


# ---------------------------------------------------------------------------------------------
# Preparing a package
# ---------------------------------------------------------------------------------------------

def prepare_field_package(shared_path, package_dir, **kwargs) -> FieldPackage:
    """Prepare a package (:func:`_prepare`); a storage error (the shared file locked by another
    program, read-only, a full disk) becomes a FieldPackageError saying what to do."""
    try:
        return _prepare(shared_path, package_dir, **kwargs)
    except (sqlite3.Error, OSError) as exc:
        raise FieldPackageError(tr("the field package could not be written: {reason}").format(
            reason=explain(exc, getattr(exc, "filename", None) or shared_path))) from exc


def _prepare(shared_path, package_dir, *, agent: str | None = None,
             centrality_uuids=None, campaign_uuid: str | None = None,
             name: str | None = None, project_writer=None) -> FieldPackage:
    """Prepare the data part of a field package in ``package_dir`` (created; must be empty).

    ``centrality_uuids`` is the package's perimeter (default: the campaign's perimeter, or the
    whole territory); ``campaign_uuid`` defaults to the single open campaign; ``agent``, when
    given, is recorded as ``assigned_agent`` on the perimeter's observations still to confirm
    that no earlier package assigned (in the package and in the shared file, identically), which
    campaign progress reports per agent.

    ``project_writer(package_dir, data_path, manifest) -> str | None`` is the hook the QGIS
    layer uses to add the QField project; it returns the project's file name (relative to the
    package folder), recorded in the manifest as ``project_file``.

    The shared file receives the ``field_packages`` registry row (and the agent assignment) in
    one transaction, after the package is complete; a failure removes the package folder and
    the base copy.
    """
    shared_path = Path(shared_path)
    package_dir = Path(package_dir)
    if package_dir.exists() and any(package_dir.iterdir()):
        raise FieldPackageError(tr("{folder}: the package folder must be new or empty").format(
            folder=package_dir))
    conn = observatory.open_observatory(shared_path)
    try:
        campaigns.require_workflow(conn)
        camp = store_campaigns.find(conn, campaign_uuid, when_empty="single_open",
                                    open_only=True)
        if centrality_uuids is None:
            centrality_uuids = camp["perimeter"]
        centrality_uuids = None if centrality_uuids is None else list(
            dict.fromkeys(centrality_uuids))
        in_perimeter = campaigns.premises_in_perimeter(conn, centrality_uuids)
        version = observatory.schema_version(conn)
        fingerprint = schema_fingerprint(conn)
        names = tables.key_map(conn, "centralities", "uuid", "name")
    except BaseException:
        conn.close()
        raise
    package_uuid = str(uuid.uuid4())
    name = name or "{campaign} - {who}".format(
        campaign=camp["name"], who=agent or ", ".join(names[u] for u in centrality_uuids or [])
        or "all")
    data_path = package_dir / DATA_FILE
    base_path = bases_dir(shared_path) / f"{package_uuid}.gpkg"
    created_dir = not package_dir.exists()
    try:
        package_dir.mkdir(parents=True, exist_ok=True)
        (package_dir / PHOTO_DIR).mkdir()
        store_fieldwork.copy_database(shared_path, data_path)
        keep = set(REFERENCE_TABLES) | {n.table for n in nomenclatures.NOMENCLATURES}
        data = gpkg.connect(data_path)
        try:
            with gpkg.transaction(data):
                counts = store_fieldwork.subset_package(
                    data, camp["uuid"], sorted(in_perimeter), centrality_uuids, agent, keep)
        finally:
            data.close()
        store_fieldwork.compact(data_path)
        base_path.parent.mkdir(exist_ok=True)
        shutil.copyfile(data_path, base_path)
        checksum = sha256(base_path)
        manifest = {
            "format": PACKAGE_FORMAT,
            "format_version": FORMAT_VERSION,
            "package_uuid": package_uuid,
            "name": name,
            "agent": agent,
            "campaign_uuid": camp["uuid"],
            "campaign_name": camp["name"],
            "perimeter": centrality_uuids,
            "perimeter_names": None if centrality_uuids is None
            else [names[u] for u in centrality_uuids],
            "schema_version": version,
            "schema_fingerprint": fingerprint,
            "sync_tables": list(SYNC_TABLES),
            "data_file": DATA_FILE,
            "photo_dir": PHOTO_DIR,
            "base_checksum": checksum,
            "base_file": base_path.relative_to(shared_path.parent).as_posix(),
            "source": shared_path.name,
            "prepared_at": gpkg.now_iso(),
            "counts": counts,
            "project_file": None,
        }
        if project_writer is not None:
            manifest["project_file"] = project_writer(package_dir, data_path, manifest)
        (package_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                            encoding="utf-8")
        with gpkg.transaction(conn):
            if agent:
                store_fieldwork.assign_agent(conn, camp["uuid"], in_perimeter, agent)
            store_fieldwork.register_package(conn, {
                "uuid": package_uuid, "name": name, "agent": agent,
                "campaign_uuid": camp["uuid"], "perimeter": centrality_uuids,
                "schema_version": version, "schema_fingerprint": fingerprint,
                "base_checksum": checksum, "base_file": manifest["base_file"],
                "prepared_at": manifest["prepared_at"], "state": "prepared"})
    except BaseException:
        if created_dir:
            shutil.rmtree(package_dir, ignore_errors=True)
        else:
            for child in package_dir.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink()
        base_path.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return FieldPackage(package_dir, package_uuid, data_path, base_path, manifest)
