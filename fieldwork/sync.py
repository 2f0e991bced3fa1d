"""Synchronise a field package back into the shared GeoPackage: a three-way merge with geodiff.

The three versions are the package's *base* (the data as prepared, kept at the office), the
agent's copy (``data.gpkg`` back from the tablet, with its ``-wal``) and *theirs*: the base's
rows as the shared file holds them now, after other agents' synchronisations and office edits.
Then:

0. a change guard is opened on the shared file (:class:`store.gpkg.ChangeGuard`) before it is
   read: any commit another program makes from then on, even one still in the ``-wal`` file
   of a GeoPackage QGIS is editing, makes step 7 refuse rather than overwrite it;
1. every check runs before anything is written: manifest (paths inside the package, no
   symbolic link), schema version and fingerprint of the synchronised tables (the schema is
   frozen during a campaign, so the shared file is never migrated by a synchronisation),
   registry (the package was prepared from this file and is not imported yet, its data was
   never imported under another name), base checksum; the agent's ``data.gpkg`` is read with
   its ``-wal``, and a package whose ``-wal`` stayed on the tablet is refused (see
   :func:`fieldwork.packages.copy_data`; a file last edited in WAL mode that comes back without
   its ``-wal`` and without any edit is refused too, so that it can be retried, never marked
   imported with "0 edits");
2. the agent's new rows get fids above every fid the shared file ever used (two agents never
   collide; rows are identified across copies by their uuid anyway);
3. geodiff rebases the agent's changes (base -> agent) on theirs (base -> shared now) and the
   rebased changeset is applied to a *copy* of the shared file;
4. conflicts are settled by one rule, **first synchronised wins**: a field both changed by
   this package and, earlier, in the shared file keeps the shared file's value; the package's
   value is written to ``sync_conflicts`` and to the report. An edit of a row deleted in the
   shared file is reported (the deletion stands); a deletion of a row edited in the shared file
   is not applied (the edited row stays) and is reported;
5. every inserted or updated row is checked with the rules of the forms
   (:mod:`fieldwork.validation`): a row that breaks one is not merged and goes to the report
   (kind ``refused``; the ``sync_conflicts`` table accepts only the three kinds above, so
   refusals are recorded in the package's registry ``summary``);
6. photos are copied from the package's ``DCIM/`` to ``DCIM/`` next to the shared file
   (:mod:`fieldwork.photos`: no link followed, JPEG/PNG only, size limit, atomic copies) and
   every photo the package's rows reference is checked to exist;
7. what the merged copy holds is written into the shared file in one transaction, whose write
   lock is taken only then (readers are not disturbed before), and only if the guard saw no
   other commit. A failure at any step leaves the shared file as it was and removes the photos
   copied.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..i18n import noop, tr
from ..store import fieldwork as store_fieldwork
from ..store import gpkg, observatory
from ..store import sync as store_sync
from . import photos, validation
from .errors import explain
from .packages import (
    SYNC_TABLES,
    FieldPackageError,
    PackageData,
    copy_data,
    data_file,
    read_manifest,
    schema_fingerprint,
    sha256,
)

RULES = {
    "update_update": noop("first synchronised wins: the value already in the shared "
                          "GeoPackage is kept, this package's value is kept in the conflict "
                          "report"),
    "update_deleted": noop("the row was deleted in the shared GeoPackage before this package "
                           "was synchronised: the deletion stands, this package's edit is kept "
                           "in the conflict report"),
    "delete_updated": noop("the row was edited in the shared GeoPackage before this package "
                           "was synchronised: the edited row is kept, this package's deletion "
                           "is kept in the conflict report"),
    "refused": noop("the row breaks a rule of the inventory forms and was not merged"),
}
# Conflict kinds the sync_conflicts table accepts (its CHECK constraint).
RECORDED_KINDS = ("update_update", "update_deleted", "delete_updated")
PHOTO_COLUMNS = {"premise_observations": ("photo",)}
# Office bookkeeping: a change of these alone does not make a field deletion a conflict.
BOOKKEEPING_COLUMNS = frozenset({"assigned_agent"})
# Tables the merged copy carries into the shared file (with their gpkg_contents rows).
WRITTEN_TABLES = (*SYNC_TABLES, "sync_conflicts", "field_packages")
# Seconds the final write waits for another program's write lock (or, at commit, readers).
WRITE_TIMEOUT = 30.0


class SyncRefused(gpkg.GeoPackageError):
    """The package cannot be synchronised; nothing was written."""


class SyncFailed(gpkg.GeoPackageError):
    """The merge failed; nothing was written to the shared file."""


@dataclass
class SyncReport:
    """What a synchronisation did. ``conflicts`` items are dicts with table, row_uuid,
    column, kind, base_value, kept_value, rejected_value, rule; kind ``refused`` marks a row
    not merged because it breaks a rule of the forms (the reason ends ``rule``).
    ``photos_rejected`` lists the files of ``DCIM/`` not copied, with the reason."""

    package_uuid: str
    package_name: str
    agent: str | None
    campaign_uuid: str | None
    package_checksum: str
    applied: dict = field(default_factory=dict)
    conflicts: list = field(default_factory=list)
    rules: dict = field(default_factory=lambda: dict(RULES))
    photos_copied: list = field(default_factory=list)
    photos_missing: list = field(default_factory=list)
    photos_rejected: list = field(default_factory=list)
    ignored: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def edits(self) -> int:
        return sum(sum(v.values()) for v in self.applied.values())

    @property
    def refused(self) -> list:
        return [c for c in self.conflicts if c["kind"] == "refused"]

    def to_dict(self) -> dict:
        return asdict(self)


def _geodiff():
    try:
        import pygeodiff
    except ImportError as exc:  # pragma: no cover - depends on the user's install
        raise SyncRefused(tr("synchronising field packages needs the Python package "
                             "'pygeodiff' (pip install pygeodiff)")) from exc
    return pygeodiff


def _check(shared_path: Path, manifest: dict, mine: PackageData) -> dict:
    """All refusals, before anything is written. Returns the facts the merge needs."""
    conn = gpkg.connect(shared_path)
    try:
        version = observatory.schema_version(conn)
        if not gpkg.table_exists(conn, "field_packages"):
            raise SyncRefused(tr("{path}: no field_packages registry (schema too old)").format(
                path=shared_path))
        if int(manifest["schema_version"]) != version:
            raise SyncRefused(tr(
                "schema mismatch: the package was prepared with schema version {p}, the shared "
                "GeoPackage is at version {s}; the schema must not change during a campaign "
                "(synchronise packages before upgrading, or prepare new packages)").format(
                    p=manifest["schema_version"], s=version))
        if manifest["schema_fingerprint"] != schema_fingerprint(conn):
            raise SyncRefused(tr("schema mismatch: the synchronised tables of the shared "
                                 "GeoPackage changed since the package was prepared"))
        registry = store_fieldwork.package(conn, manifest["package_uuid"])
        if registry is None:
            raise SyncRefused(tr("package {uuid} was not prepared from {file}").format(
                uuid=manifest["package_uuid"], file=shared_path.name))
        if registry["state"] == "imported":
            raise SyncRefused(tr("package {n!r} was already synchronised on {d}: importing it "
                                 "twice is refused").format(n=registry["name"],
                                                              d=registry["imported_at"]))
        twin = store_fieldwork.imported_twin(conn, mine.checksum)
        if twin is not None:
            raise SyncRefused(tr("this data file was already synchronised as package {name!r} "
                                 "on {date}: importing it twice is refused").format(
                                     name=twin["name"], date=twin["imported_at"]))
        next_fids = store_fieldwork.next_fids(conn, SYNC_TABLES)
        shared_photo_cols = {t: c for t, c in PHOTO_COLUMNS.items()
                             if gpkg.table_exists(conn, t)}
    finally:
        conn.close()
    base_path = shared_path.parent / registry["base_file"]
    if not base_path.is_file():
        raise SyncRefused(tr("the base copy of package {name!r} is missing: {path}").format(
            name=registry["name"], path=base_path))
    base_checksum = sha256(base_path)
    if base_checksum != registry["base_checksum"] or base_checksum != manifest["base_checksum"]:
        raise SyncRefused(tr("the base copy {file} does not match the checksum recorded when "
                             "the package was prepared").format(file=base_path.name))
    agent_conn = gpkg.connect(mine.path)
    try:
        try:
            agent_version = observatory.schema_version(agent_conn)
            agent_fingerprint = schema_fingerprint(agent_conn)
        except sqlite3.DatabaseError as exc:
            raise SyncRefused(tr("{path}: not a readable GeoPackage ({error})").format(
                path=manifest["data_file"], error=exc)) from exc
    finally:
        agent_conn.close()
    if agent_version != version or agent_fingerprint != manifest["schema_fingerprint"]:
        raise SyncRefused(tr("schema mismatch: the tables of the agent's copy {file} differ "
                             "from the shared GeoPackage's (a column was added or changed on "
                             "the tablet?)").format(file=manifest["data_file"]))
    return {"registry": registry, "base_path": base_path, "next_fids": next_fids,
            "photo_columns": shared_photo_cols}


def _changes(geodiff, changeset: Path, scratch: Path) -> list:
    out = scratch / (changeset.stem + ".json")
    geodiff.list_changes(str(changeset), str(out))
    return json.loads(out.read_text(encoding="utf-8")).get("geodiff", [])


def _pk(entry) -> int:
    for change in entry["changes"]:
        if change["column"] == 0:
            return int(change["old"] if "old" in change else change["new"])
    raise SyncFailed(tr("changeset entry without a primary key in table {table}").format(
        table=entry["table"]))


def synchronise(shared_path, package_dir, *, workdir=None) -> SyncReport:
    """Merge a field package's edits into the shared GeoPackage (see the module docstring).

    Raises :class:`SyncRefused` (checks, or the shared file changed meanwhile) or
    :class:`SyncFailed` (merge, lock, full disk…); either way the shared file is unchanged.
    Returns a :class:`SyncReport`.
    """
    started = time.perf_counter()
    shared_path = Path(shared_path).resolve()
    package_dir = Path(package_dir)
    manifest = read_manifest(package_dir)
    data_path = data_file(package_dir, manifest)
    if not shared_path.is_file():
        raise SyncRefused(tr("{path}: no such GeoPackage file").format(path=shared_path))
    pygeodiff = _geodiff()
    copied: list = []
    try:
        guard = gpkg.ChangeGuard(shared_path, timeout=WRITE_TIMEOUT)
    except sqlite3.Error as exc:
        raise SyncFailed(explain(exc, shared_path)) from exc
    try:
        with tempfile.TemporaryDirectory(prefix="observatoire-sync-", dir=workdir) as tmp:
            report = _merge(guard, shared_path, package_dir, manifest, data_path, Path(tmp),
                            pygeodiff, copied)
    except BaseException as exc:
        for path in copied:
            path.unlink(missing_ok=True)
        if isinstance(exc, gpkg.FileChangedError):
            raise SyncRefused(tr(
                "{file} changed while the package was being merged (another program saved "
                "edits, maybe QGIS with a layer in edit mode): nothing was written, "
                "synchronise again").format(file=shared_path.name)) from exc
        if isinstance(exc, photos.PhotoCopyError):
            raise SyncFailed(str(exc)) from exc
        if isinstance(exc, FieldPackageError):
            raise SyncRefused(str(exc)) from exc
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise SyncFailed(explain(exc, shared_path)) from exc
        raise
    finally:
        guard.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _merge(guard, shared_path: Path, package_dir: Path, manifest: dict, data_path: Path,
           scratch: Path, pygeodiff, copied: list) -> SyncReport:
    """Steps 1 to 7 of the module docstring, in ``scratch``; the shared file is written last,
    through ``guard``."""
    base = scratch / "base.gpkg"
    mine = scratch / "mine.gpkg"
    theirs = scratch / "theirs.gpkg"
    work = scratch / "work.gpkg"
    mine_data = copy_data(data_path, mine)
    facts = _check(shared_path, manifest, mine_data)
    registry = facts["registry"]
    report = SyncReport(manifest["package_uuid"], registry["name"], registry["agent"],
                        registry["campaign_uuid"], mine_data.checksum)
    shutil.copyfile(facts["base_path"], base)
    shutil.copyfile(facts["base_path"], theirs)
    store_sync.refresh_theirs(theirs, shared_path, SYNC_TABLES)
    store_sync.renumber_inserts(mine, base, SYNC_TABLES, facts["next_fids"])
    store_fieldwork.copy_database(shared_path, work)
    rebased, their_changes, geo_conflicts = _rebase(pygeodiff, scratch, base, mine, theirs,
                                                    work, mine_data, data_path)
    report.ignored = _ignored_changes(pygeodiff, base, mine, scratch)
    accepted, report.photos_rejected = photos.package_photos(package_dir)

    conn = gpkg.connect(work)
    try:
        synced_at = gpkg.now_iso()
        with store_sync.attached(conn, {"base": base, "theirs": theirs, "mine": mine}), \
                gpkg.transaction(conn):
            columns = _settle(conn, report, rebased, their_changes, geo_conflicts)
            validation.refuse_invalid(conn, rebased, columns, report, tr(RULES["refused"]))
            store_sync.mark_new_premises(
                conn, [_pk(e) for e in rebased
                       if e["table"] == "premises" and e["type"] == "insert"])
            for table in report.applied:
                gpkg.touch(conn, table)
            gpkg.update_extent(conn, "premises")
            recorded = [c for c in report.conflicts if c["kind"] in RECORDED_KINDS]
            store_fieldwork.record_conflicts(conn, [
                (str(uuid.uuid4()), report.package_uuid, c["table"], c["row_uuid"],
                 c["column"], c["kind"], c["base_value"], c["kept_value"],
                 c["rejected_value"], c["rule"], report.agent, synced_at)
                for c in recorded])
            cited = _photo_paths(conn, _touched_rows(rebased, facts["photo_columns"]),
                                 facts["photo_columns"])
            report.photos_copied = photos.copy_photos(accepted, shared_path.parent, copied)
            report.photos_missing = photos.missing_photos(shared_path.parent, cited)
            store_fieldwork.mark_imported(conn, report.package_uuid, report.package_checksum,
                                          synced_at, _summary(report))
    finally:
        conn.close()
    store_sync.write_merged(guard, work, WRITTEN_TABLES)
    return report


def _summary(report: SyncReport) -> dict:
    """The registry's record of a synchronisation (refused rows in full: the sync_conflicts
    table does not take them)."""
    return {"applied": report.applied,
            "conflicts": len([c for c in report.conflicts if c["kind"] in RECORDED_KINDS]),
            "refused": [{k: c[k] for k in ("table", "row_uuid", "column", "rejected_value",
                                           "rule")} for c in report.refused],
            "photos_copied": len(report.photos_copied),
            "photos_missing": len(report.photos_missing),
            "photos_rejected": report.photos_rejected,
            "ignored": report.ignored}


def _rebase(pygeodiff, scratch: Path, base: Path, mine: Path, theirs: Path, work: Path,
            mine_data: PackageData, data_path: Path) -> tuple:
    """Rebase the agent's changes on theirs and apply them to ``work``. Returns (rebased
    entries, their entries, geodiff conflicts)."""
    messages: list = []
    geodiff = pygeodiff.GeoDiff()
    geodiff.set_logger_callback(lambda level, msg: messages.append(msg))
    geodiff.set_tables_to_include(list(SYNC_TABLES))
    agent_cs = scratch / "agent.bin"
    their_cs = scratch / "their.bin"
    rebased_cs = scratch / "rebased.bin"
    conflict_json = scratch / "conflicts.json"
    try:
        geodiff.create_changeset(str(base), str(mine), str(agent_cs))
        if mine_data.wal_mode and not mine_data.wal and not geodiff.has_changes(str(agent_cs)):
            wal = data_path.name + "-wal"
            raise SyncRefused(tr(
                "{file} was edited in WAL mode (QGIS or QField) and came back without {wal} and "
                "without any edit: the agent's edits are probably in {wal}, left on the tablet. "
                "Copy {file} and {wal} from the tablet into {folder} and synchronise again "
                "(nothing was written, the package can be synchronised later).").format(
                    file=data_path.name, wal=wal, folder=data_path.parent))
        geodiff.create_changeset(str(base), str(theirs), str(their_cs))
        if geodiff.has_changes(str(their_cs)):
            geodiff.create_rebased_changeset(str(base), str(mine), str(their_cs),
                                             str(rebased_cs), str(conflict_json))
        if not rebased_cs.is_file():  # nothing to rebase on: base -> mine as it is
            shutil.copyfile(agent_cs, rebased_cs)
        rebased = _changes(geodiff, rebased_cs, scratch)
        their_changes = _changes(geodiff, their_cs, scratch)
        if rebased:
            geodiff.apply_changeset(str(work), str(rebased_cs))
    except pygeodiff.GeoDiffLibError as exc:
        detail = _diagnose(work, mine, rebased_cs, geodiff, scratch) or "; ".join(
            str(m) for m in [exc, *messages[-3:]])
        raise SyncFailed(tr("the agent's edits could not be merged: {detail}").format(
            detail=detail)) from exc
    finally:
        geodiff.shutdown()
    geo_conflicts = []
    if conflict_json.is_file():
        geo_conflicts = json.loads(conflict_json.read_text(encoding="utf-8")).get("geodiff", [])
    return rebased, their_changes, geo_conflicts


def _diagnose(work: Path, mine: Path, rebased_cs: Path, geodiff, scratch: Path) -> str:
    """Name the rows of the package that break a uniqueness rule of the shared file."""
    try:
        inserts = [e for e in _changes(geodiff, rebased_cs, scratch) if e["type"] == "insert"]
    except Exception:  # noqa: BLE001 - diagnosis only
        return ""
    problems = []
    conn = gpkg.connect(work)
    try:
        with store_sync.attached(conn, {"mine": mine}):
            for entry in inserts:
                table, fid = entry["table"], _pk(entry)
                row = store_sync.row(conn, "mine", table, fid)
                if row is None:
                    continue
                if store_sync.existing(conn, table, "uuid", [row["uuid"]]):
                    problems.append(tr("{table} row {uuid}: this uuid already exists in the "
                                       "shared GeoPackage").format(table=table,
                                                                   uuid=row["uuid"]))
                if table == "premise_observations" and store_sync.observation_exists(
                        conn, row["premise_uuid"], row["campaign_uuid"]):
                    problems.append(tr(
                        "premise_observations row {uuid}: premise {premise} already has an "
                        "observation in campaign {campaign} in the shared GeoPackage").format(
                            uuid=row["uuid"], premise=row["premise_uuid"],
                            campaign=row["campaign_uuid"]))
    finally:
        conn.close()
    return "; ".join(problems[:10])


def _ignored_changes(pygeodiff, base: Path, mine: Path, scratch: Path) -> dict:
    """Changes the agent made outside the synchronised tables (reported, never merged)."""
    geodiff = pygeodiff.GeoDiff()
    try:
        geodiff.set_tables_to_skip(list(SYNC_TABLES))
        changeset = scratch / "ignored.bin"
        geodiff.create_changeset(str(base), str(mine), str(changeset))
        out = scratch / "ignored.json"
        geodiff.list_changes_summary(str(changeset), str(out))
    finally:
        geodiff.shutdown()
    summary = json.loads(out.read_text(encoding="utf-8")).get("geodiff_summary", [])
    result = {}
    for item in summary:
        total = item.get("insert", 0) + item.get("update", 0) + item.get("delete", 0)
        if total:
            result[item["table"]] = total
    return result


def _settle(conn, report: SyncReport, rebased: list, their_changes: list,
            geo_conflicts: list) -> dict:
    """Count what was applied and settle every conflict by the stated rules. Returns the
    column names of each synchronised table."""
    applied: dict = {}
    for entry in rebased:
        counts = applied.setdefault(entry["table"], {"insert": 0, "update": 0, "delete": 0})
        counts[entry["type"]] += 1
    report.applied = applied
    display = validation.display
    columns = {t: gpkg.column_names(conn, t) for t in SYNC_TABLES}
    # 1. the same field changed here and in the shared file; or an edit of a deleted row
    for item in geo_conflicts:
        table = item["table"]
        fid = int(item["fid"])
        kept_row = store_sync.row(conn, "theirs", table, fid)
        mine_row = store_sync.row(conn, "mine", table, fid)
        base_row = store_sync.row(conn, "base", table, fid)
        for change in item["changes"]:
            column = columns[table][change["column"]]
            rejected = mine_row[column] if mine_row else None
            if kept_row is None:
                kind, kept = "update_deleted", None
            else:
                kind, kept = "update_update", kept_row[column]
                store_sync.set_value(conn, table, column, fid, kept)
            report.conflicts.append({
                "table": table, "row_uuid": (base_row or {}).get("uuid"), "column": column,
                "kind": kind, "base_value": display(base_row[column], column) if base_row
                else None, "kept_value": display(kept, column),
                "rejected_value": display(rejected, column), "rule": tr(RULES[kind])})
    # 2. a deletion here of a row edited in the shared file: the row comes back
    their_updated = {(e["table"], _pk(e)) for e in their_changes if e["type"] == "update"}
    for entry in rebased:
        if entry["type"] != "delete" or (entry["table"], _pk(entry)) not in their_updated:
            continue
        table, fid = entry["table"], _pk(entry)
        base_row = store_sync.row(conn, "base", table, fid)
        kept_row = store_sync.row(conn, "theirs", table, fid)
        edited = [c for c in columns[table] if c != "fid" and c not in BOOKKEEPING_COLUMNS
                  and base_row[c] != kept_row[c]]
        if not edited:  # only bookkeeping changed in the shared file: the deletion stands
            continue
        store_sync.restore_row(conn, table, fid, "theirs")
        applied[table]["delete"] -= 1
        for column in edited:
            report.conflicts.append({
                "table": table, "row_uuid": base_row["uuid"], "column": column,
                "kind": "delete_updated", "base_value": display(base_row[column], column),
                "kept_value": display(kept_row[column], column), "rejected_value": None,
                "rule": tr(RULES["delete_updated"])})
    return columns


def _touched_rows(rebased: list, photo_columns: dict) -> dict:
    touched: dict = {}
    for entry in rebased:
        if entry["table"] in photo_columns and entry["type"] in ("insert", "update"):
            touched.setdefault(entry["table"], set()).add(_pk(entry))
    return touched


def _photo_paths(conn, touched: dict, photo_columns: dict) -> list:
    """(table, row uuid, photo path) of every photo the package's new or edited rows cite."""
    result = []
    for table, fids in touched.items():
        rows = store_sync.rows_by_fid(conn, table, fids)
        for fid in sorted(rows):
            for col in photo_columns[table]:
                if rows[fid].get(col):
                    result.append((table, rows[fid]["uuid"], rows[fid][col]))
    return result
