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
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr
from ..jobs import campaigns
from ..store import gpkg, nomenclatures, observatory

PACKAGE_FORMAT = "observatoire-field-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_FILE = "data.gpkg"
PHOTO_DIR = "DCIM"
# Tables whose agent edits are merged back into the shared file.
SYNC_TABLES = ("premises", "premise_observations", "premise_lineage")
# Tables copied whole into the package (reference data the forms need).
REFERENCE_TABLES = ("observatory_meta", "naf_activity_map", "layer_styles", "qgis_projects")


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


def sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def schema_fingerprint(conn, tables=SYNC_TABLES) -> str:
    """sha256 of the synchronised tables' column definitions (name, type, not null, pk)."""
    items = []
    for table in tables:
        if gpkg.table_exists(conn, table):
            cols = [[r[1], (r[2] or "").upper(), r[3], r[5]]
                    for r in conn.execute(f'PRAGMA table_info("{table}")')]
            items.append([table, cols])
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()


def bases_dir(shared_path) -> Path:
    """Office-side folder holding the base copies of the packages made from ``shared_path``."""
    shared_path = Path(shared_path)
    return shared_path.with_name(shared_path.stem + ".field_bases")


def read_manifest(package_dir) -> dict:
    path = Path(package_dir) / MANIFEST
    if not path.is_file():
        raise FieldPackageError(tr("{folder}: not a field package (no {manifest})").format(
            folder=package_dir, manifest=MANIFEST))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise FieldPackageError(tr("{path}: unreadable manifest ({error})").format(
            path=path, error=exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise FieldPackageError(tr("{path}: not an Observatoire field package manifest").format(
            path=path))
    missing = [k for k in ("package_uuid", "schema_version", "schema_fingerprint",
                           "base_checksum", "data_file") if k not in manifest]
    if missing:
        raise FieldPackageError(tr("{path}: manifest lacks {keys}").format(
            path=path, keys=", ".join(missing)))
    return manifest


def _user_tables(conn) -> list:
    return [r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]


def _subset(conn, campaign_uuid: str, premise_uuids, centrality_uuids, agent) -> dict:
    """Reduce a fresh copy of the shared file to the package's content (inside a transaction)."""
    conn.execute("CREATE TEMP TABLE keep_premises (uuid TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO keep_premises VALUES (?)", [(u,) for u in premise_uuids])
    keep_reference = set(REFERENCE_TABLES)
    keep_reference.update(n.table for n in nomenclatures.NOMENCLATURES)
    for table in _user_tables(conn):
        if table in keep_reference:
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
        elif table == "centralities" and centrality_uuids is not None:
            marks = ",".join("?" * len(centrality_uuids))
            conn.execute(f"DELETE FROM centralities WHERE uuid NOT IN ({marks})",
                         tuple(centrality_uuids))
        elif table == "centralities":
            continue
        else:
            conn.execute(f'DELETE FROM "{table}"')
    if agent:
        conn.execute("UPDATE premise_observations SET assigned_agent = ? "
                     "WHERE visit_state = 'to_confirm' AND assigned_agent IS NULL", (agent,))
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in ("premises", "premise_observations", "centralities")}
    for table in _user_tables(conn):
        if gpkg.table_exists(conn, f"rtree_{table}_geom"):
            gpkg.update_extent(conn, table)
    conn.execute("DROP TABLE temp.keep_premises")
    return counts


def prepare_field_package(shared_path, package_dir, *, agent: str | None = None,
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
        campaigns._require_v3(conn)
        camp = _choose_campaign(conn, campaign_uuid)
        if centrality_uuids is None:
            centrality_uuids = camp["perimeter"]
        centrality_uuids = None if centrality_uuids is None else list(
            dict.fromkeys(centrality_uuids))
        in_perimeter = campaigns.premises_in_perimeter(conn, centrality_uuids)
        version = observatory.schema_version(conn)
        fingerprint = schema_fingerprint(conn)
        names = {r[0]: r[1] for r in conn.execute("SELECT uuid, name FROM centralities")}
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
        target = sqlite3.connect(str(data_path))
        try:
            conn.backup(target)
        finally:
            target.close()
        data = gpkg.connect(data_path)
        try:
            with gpkg.transaction(data):
                counts = _subset(data, camp["uuid"], sorted(in_perimeter), centrality_uuids, agent)
            data.execute("VACUUM")
        finally:
            data.close()
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
                conn.execute("CREATE TEMP TABLE pkg_premises (uuid TEXT PRIMARY KEY)")
                conn.executemany("INSERT INTO pkg_premises VALUES (?)",
                                 [(u,) for u in in_perimeter])
                conn.execute(
                    "UPDATE premise_observations SET assigned_agent = ? WHERE campaign_uuid = ? "
                    "AND visit_state = 'to_confirm' AND assigned_agent IS NULL AND premise_uuid IN "
                    "(SELECT uuid FROM pkg_premises)", (agent, camp["uuid"]))
                conn.execute("DROP TABLE temp.pkg_premises")
            conn.execute(
                "INSERT INTO field_packages (uuid, name, agent, campaign_uuid, perimeter, "
                "schema_version, schema_fingerprint, base_checksum, base_file, prepared_at, "
                "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'prepared')",
                (package_uuid, name, agent, camp["uuid"],
                 None if centrality_uuids is None else json.dumps(centrality_uuids),
                 version, fingerprint, checksum, manifest["base_file"], manifest["prepared_at"]))
            gpkg.touch(conn, "field_packages")
    except BaseException:
        if created_dir:
            shutil.rmtree(package_dir, ignore_errors=True)
        else:
            for child in package_dir.iterdir():
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink()
        base_path.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return FieldPackage(package_dir, package_uuid, data_path, base_path, manifest)


def _choose_campaign(conn, campaign_uuid):
    if campaign_uuid is None:
        open_ones = campaigns.open_campaigns(conn)
        if len(open_ones) != 1:
            raise FieldPackageError(tr("choose the campaign: {n} campaigns are open").format(
                n=len(open_ones)))
        campaign_uuid = open_ones[0]
    camp = campaigns.campaign(conn, campaign_uuid)
    if camp["state"] != "open":
        raise FieldPackageError(tr("campaign {name!r} is closed: reopen it or choose an open "
                                   "campaign").format(name=camp["name"]))
    return camp
