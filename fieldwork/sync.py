"""Synchronise a field package back into the shared GeoPackage: a three-way merge with geodiff.

The three versions are the package's *base* (the data as prepared, kept at the office), the
agent's copy (``data.gpkg`` back from the tablet) and *theirs*: the base's rows as the shared
file holds them now, after other agents' synchronisations and office edits. Then:

1. every check runs before anything is written: manifest, schema version and fingerprint of
   the synchronised tables (the schema is frozen during a campaign), registry (the package
   was prepared from this file and is not imported yet, its data was never imported under
   another name), base checksum;
2. the agent's new rows get fids above every fid the shared file ever used (two agents never
   collide; rows are identified across copies by their uuid anyway);
3. geodiff rebases the agent's changes (base -> agent) on theirs (base -> shared now) and the
   rebased changeset is applied to a *copy* of the shared file;
4. conflicts are settled by one rule, **first synchronised wins**: a field both changed by
   this package and, earlier, in the shared file keeps the shared file's value; the package's
   value is written to ``sync_conflicts`` and to the report. An edit of a row deleted in the
   shared file is reported (the deletion stands); a deletion of a row edited in the shared file
   is not applied (the edited row stays) and is reported;
5. photos are copied from the package's ``DCIM/`` to ``DCIM/`` next to the shared file and
   every photo the package's rows reference is checked to exist;
6. the merged copy replaces the shared file's content in one SQLite transaction (the backup
   API), so a failure at any step leaves the shared file byte-for-byte as it was.
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
from ..store import geometry, gpkg, observatory
from .packages import PHOTO_DIR, SYNC_TABLES, read_manifest, schema_fingerprint, sha256

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
}
PHOTO_COLUMNS = {"premise_observations": ("photo",)}
# Office bookkeeping: a change of these alone does not make a field deletion a conflict.
BOOKKEEPING_COLUMNS = frozenset({"assigned_agent"})


class SyncRefused(gpkg.GeoPackageError):
    """The package cannot be synchronised; nothing was written."""


class SyncFailed(gpkg.GeoPackageError):
    """The merge failed; nothing was written to the shared file."""


@dataclass
class SyncReport:
    """What a synchronisation did. ``conflicts`` items are dicts with table, row_uuid,
    column, kind, base_value, kept_value, rejected_value, rule."""

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
    ignored: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def edits(self) -> int:
        return sum(sum(v.values()) for v in self.applied.values())

    def to_dict(self) -> dict:
        return asdict(self)


def _geodiff():
    try:
        import pygeodiff
    except ImportError as exc:  # pragma: no cover - depends on the user's install
        raise SyncRefused(tr("synchronising field packages needs the Python package "
                             "'pygeodiff' (pip install pygeodiff)")) from exc
    return pygeodiff


def _columns(conn, table: str) -> list:
    return gpkg.column_names(conn, table)


def _check(shared_path: Path, package_dir: Path) -> dict:
    """All refusals, before anything is written. Returns the facts the merge needs."""
    manifest = read_manifest(package_dir)
    data_path = package_dir / manifest["data_file"]
    if not data_path.is_file():
        raise SyncRefused(tr("{folder}: the package has no {file}").format(
            folder=package_dir, file=manifest["data_file"]))
    if not shared_path.is_file():
        raise SyncRefused(tr("{path}: no such GeoPackage file").format(path=shared_path))
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
        registry = conn.execute("SELECT * FROM field_packages WHERE uuid = ?",
                                (manifest["package_uuid"],)).fetchone()
        if registry is None:
            raise SyncRefused(tr("package {uuid} was not prepared from {file}").format(
                uuid=manifest["package_uuid"], file=shared_path.name))
        registry = dict(registry)
        if registry["state"] == "imported":
            raise SyncRefused(tr("package {n!r} was already synchronised on {d}: importing it "
                                 "twice is refused").format(n=registry["name"],
                                                              d=registry["imported_at"]))
        package_checksum = sha256(data_path)
        twin = conn.execute("SELECT name, imported_at FROM field_packages WHERE state = "
                            "'imported' AND package_checksum = ?", (package_checksum,)).fetchone()
        if twin is not None:
            raise SyncRefused(tr("this data file was already synchronised as package {name!r} "
                                 "on {date}: importing it twice is refused").format(
                                     name=twin[0], date=twin[1]))
        next_fids = {}
        for table in SYNC_TABLES:
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?",
                               (table,)).fetchone()
            top = conn.execute(f'SELECT max(fid) FROM "{table}"').fetchone()[0]
            next_fids[table] = max(row[0] if row else 0, top or 0) + 1
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
    agent_conn = gpkg.connect(data_path)
    try:
        try:
            agent_version = observatory.schema_version(agent_conn)
            agent_fingerprint = schema_fingerprint(agent_conn)
        except sqlite3.DatabaseError as exc:
            raise SyncRefused(tr("{path}: not a readable GeoPackage ({error})").format(
                path=data_path, error=exc)) from exc
    finally:
        agent_conn.close()
    if agent_version != version or agent_fingerprint != manifest["schema_fingerprint"]:
        raise SyncRefused(tr("schema mismatch: the tables of the agent's copy {file} differ "
                             "from the shared GeoPackage's (a column was added or changed on "
                             "the tablet?)").format(file=data_path.name))
    return {"manifest": manifest, "registry": registry, "data_path": data_path,
            "base_path": base_path, "package_checksum": package_checksum,
            "next_fids": next_fids, "photo_columns": shared_photo_cols}


def _refresh_theirs(theirs: Path, shared: Path, tables) -> None:
    """Turn a copy of the base into the base's rows as the shared file holds them now."""
    conn = gpkg.connect(theirs)
    try:
        conn.execute("ATTACH DATABASE ? AS shared", (str(shared),))
        with gpkg.transaction(conn):
            for table in tables:
                cols = ", ".join(f'"{c}"' for c in _columns(conn, table))
                conn.execute(f'CREATE TEMP TABLE base_fids AS SELECT fid FROM main."{table}"')
                conn.execute(f'DELETE FROM main."{table}"')
                conn.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM '
                             f'shared."{table}" WHERE fid IN (SELECT fid FROM temp.base_fids)')
                conn.execute("DROP TABLE temp.base_fids")
        conn.execute("DETACH DATABASE shared")
    finally:
        conn.close()


def _renumber_inserts(mine: Path, base: Path, tables, next_fids: dict) -> None:
    """Give the agent's new rows fids the shared file never used."""
    conn = gpkg.connect(mine)
    try:
        conn.execute("ATTACH DATABASE ? AS base", (str(base),))
        with gpkg.transaction(conn):
            for table in tables:
                new = [r[0] for r in conn.execute(
                    f'SELECT fid FROM main."{table}" WHERE fid NOT IN '
                    f'(SELECT fid FROM base."{table}") ORDER BY fid')]
                if not new:
                    continue
                top = conn.execute(f'SELECT max(fid) FROM main."{table}"').fetchone()[0]
                start = max(next_fids[table], top + 1)
                conn.executemany(f'UPDATE main."{table}" SET fid = ? WHERE fid = ?',
                                 [(start + i, old) for i, old in enumerate(new)])
        conn.execute("DETACH DATABASE base")
    finally:
        conn.close()


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


def _display(value, column: str):
    """A value as text for the conflict table (geometries as WKT-like text)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        if column == "geom":
            try:
                kind, shape = geometry.decode(value)
            except geometry.GeometryError:
                return value.hex()
            if kind == "point":
                return f"POINT ({shape[0]:.3f} {shape[1]:.3f})"
            return kind.upper() if kind else "EMPTY"
        return value.hex()
    return str(value)


def _row(conn, schema: str, table: str, fid: int):
    row = conn.execute(f'SELECT * FROM {schema}."{table}" WHERE fid = ?', (fid,)).fetchone()
    return None if row is None else dict(row)


def synchronise(shared_path, package_dir, *, workdir=None) -> SyncReport:
    """Merge a field package's edits into the shared GeoPackage (see the module docstring).

    Raises :class:`SyncRefused` (checks) or :class:`SyncFailed` (merge); either way the shared
    file is unchanged. Returns a :class:`SyncReport`.
    """
    started = time.perf_counter()
    shared_path = Path(shared_path).resolve()
    package_dir = Path(package_dir)
    facts = _check(shared_path, package_dir)
    manifest, registry = facts["manifest"], facts["registry"]
    pygeodiff = _geodiff()
    stamp = shared_path.stat()
    snapshot = (stamp.st_size, stamp.st_mtime_ns)
    report = SyncReport(manifest["package_uuid"], registry["name"], registry["agent"],
                        registry["campaign_uuid"], facts["package_checksum"])
    copied: list = []
    with tempfile.TemporaryDirectory(prefix="observatoire-sync-", dir=workdir) as tmp:
        scratch = Path(tmp)
        base = scratch / "base.gpkg"
        mine = scratch / "mine.gpkg"
        theirs = scratch / "theirs.gpkg"
        work = scratch / "work.gpkg"
        shutil.copyfile(facts["base_path"], base)
        shutil.copyfile(facts["data_path"], mine)
        shutil.copyfile(facts["base_path"], theirs)
        _refresh_theirs(theirs, shared_path, SYNC_TABLES)
        _renumber_inserts(mine, base, SYNC_TABLES, facts["next_fids"])
        source = gpkg.connect(shared_path)
        try:
            target = sqlite3.connect(str(work))
            source.backup(target)
            target.close()
        finally:
            source.close()

        messages: list = []
        geodiff = pygeodiff.GeoDiff()
        geodiff.set_logger_callback(lambda level, msg: messages.append(msg))
        geodiff.set_tables_to_include(list(SYNC_TABLES))
        their_cs = scratch / "their.bin"
        rebased_cs = scratch / "rebased.bin"
        conflict_json = scratch / "conflicts.json"
        try:
            geodiff.create_changeset(str(base), str(theirs), str(their_cs))
            if geodiff.has_changes(str(their_cs)):
                geodiff.create_rebased_changeset(str(base), str(mine), str(their_cs),
                                                 str(rebased_cs), str(conflict_json))
            if not rebased_cs.is_file():  # nothing to rebase on: base -> mine as it is
                geodiff.create_changeset(str(base), str(mine), str(rebased_cs))
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
            geo_conflicts = json.loads(conflict_json.read_text(encoding="utf-8")).get(
                "geodiff", [])
        report.ignored = _ignored_changes(pygeodiff, base, mine, scratch)

        conn = gpkg.connect(work)
        try:
            conn.execute("ATTACH DATABASE ? AS base", (str(base),))
            conn.execute("ATTACH DATABASE ? AS theirs", (str(theirs),))
            conn.execute("ATTACH DATABASE ? AS mine", (str(mine),))
            synced_at = gpkg.now_iso()
            with gpkg.transaction(conn):
                _settle(conn, report, rebased, their_changes, geo_conflicts)
                _mark_new_premises(conn, rebased)
                touched = _touched_rows(rebased, facts["photo_columns"])
                for table in report.applied:
                    gpkg.touch(conn, table)
                gpkg.update_extent(conn, "premises")
                conn.executemany(
                    "INSERT INTO sync_conflicts (uuid, package_uuid, table_name, row_uuid, "
                    "column_name, kind, base_value, kept_value, rejected_value, rule, agent, "
                    "synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(str(uuid.uuid4()), report.package_uuid, c["table"], c["row_uuid"],
                      c["column"], c["kind"], c["base_value"], c["kept_value"],
                      c["rejected_value"], c["rule"], report.agent, synced_at)
                     for c in report.conflicts])
                if report.conflicts:
                    gpkg.touch(conn, "sync_conflicts")
                photos = _photo_paths(conn, touched, facts["photo_columns"])
                report.photos_copied, report.photos_missing = _copy_photos(
                    package_dir, shared_path.parent, photos, copied)
                summary = {"applied": report.applied, "conflicts": len(report.conflicts),
                           "photos_copied": len(report.photos_copied),
                           "photos_missing": len(report.photos_missing),
                           "ignored": report.ignored}
                conn.execute(
                    "UPDATE field_packages SET state = 'imported', package_checksum = ?, "
                    "imported_at = ?, summary = ? WHERE uuid = ?",
                    (report.package_checksum, synced_at, json.dumps(summary),
                     report.package_uuid))
                gpkg.touch(conn, "field_packages")
            for schema in ("base", "theirs", "mine"):
                conn.execute(f"DETACH DATABASE {schema}")
            now = shared_path.stat()
            if (now.st_size, now.st_mtime_ns) != snapshot:
                raise SyncFailed(tr("{file} changed while the package was being merged: "
                                    "synchronise again").format(file=shared_path.name))
            dest = gpkg.connect(shared_path)
            try:
                conn.backup(dest)  # one transaction on the shared file: all or nothing
            except sqlite3.Error as exc:
                raise SyncFailed(tr("{file} could not be written ({error}): close the layers that "
                                    "are being edited in QGIS and synchronise again").format(
                                        file=shared_path.name, error=exc)) from exc
            finally:
                dest.close()
        except BaseException:
            for path in copied:
                path.unlink(missing_ok=True)
            raise
        finally:
            conn.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _diagnose(work: Path, mine: Path, rebased_cs: Path, geodiff, scratch: Path) -> str:
    """Name the rows of the package that break a uniqueness rule of the shared file."""
    try:
        inserts = [e for e in _changes(geodiff, rebased_cs, scratch) if e["type"] == "insert"]
    except Exception:  # noqa: BLE001 - diagnosis only
        return ""
    problems = []
    conn = gpkg.connect(work)
    try:
        conn.execute("ATTACH DATABASE ? AS mine", (str(mine),))
        for entry in inserts:
            table, fid = entry["table"], _pk(entry)
            row = _row(conn, "mine", table, fid)
            if row is None:
                continue
            if conn.execute(f'SELECT 1 FROM main."{table}" WHERE uuid = ?',
                            (row["uuid"],)).fetchone():
                problems.append(tr("{table} row {uuid}: this uuid already exists in the shared "
                                   "GeoPackage").format(table=table, uuid=row["uuid"]))
            if table == "premise_observations" and conn.execute(
                    "SELECT 1 FROM main.premise_observations WHERE premise_uuid = ? AND "
                    "campaign_uuid = ?", (row["premise_uuid"], row["campaign_uuid"])).fetchone():
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
            geo_conflicts: list) -> None:
    """Count what was applied and settle every conflict by the stated rules."""
    applied: dict = {}
    for entry in rebased:
        counts = applied.setdefault(entry["table"], {"insert": 0, "update": 0, "delete": 0})
        counts[entry["type"]] += 1
    report.applied = applied
    columns = {t: _columns(conn, t) for t in SYNC_TABLES}
    # 1. the same field changed here and in the shared file; or an edit of a deleted row
    for item in geo_conflicts:
        table = item["table"]
        fid = int(item["fid"])
        kept_row = _row(conn, "theirs", table, fid)
        mine_row = _row(conn, "mine", table, fid)
        base_row = _row(conn, "base", table, fid)
        for change in item["changes"]:
            column = columns[table][change["column"]]
            rejected = mine_row[column] if mine_row else None
            if kept_row is None:
                kind, kept = "update_deleted", None
            else:
                kind, kept = "update_update", kept_row[column]
                conn.execute(f'UPDATE main."{table}" SET "{column}" = ? WHERE fid = ?',
                             (kept, fid))
            report.conflicts.append({
                "table": table, "row_uuid": (base_row or {}).get("uuid"), "column": column,
                "kind": kind, "base_value": _display(base_row[column], column) if base_row
                else None, "kept_value": _display(kept, column),
                "rejected_value": _display(rejected, column), "rule": tr(RULES[kind])})
    # 2. a deletion here of a row edited in the shared file: the row comes back
    their_updated = {(e["table"], _pk(e)) for e in their_changes if e["type"] == "update"}
    for entry in rebased:
        if entry["type"] != "delete" or (entry["table"], _pk(entry)) not in their_updated:
            continue
        table, fid = entry["table"], _pk(entry)
        base_row = _row(conn, "base", table, fid)
        kept_row = _row(conn, "theirs", table, fid)
        edited = [c for c in columns[table] if c != "fid" and c not in BOOKKEEPING_COLUMNS
                  and base_row[c] != kept_row[c]]
        if not edited:  # only bookkeeping changed in the shared file: the deletion stands
            continue
        cols = ", ".join(f'"{c}"' for c in columns[table])
        conn.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM theirs."{table}" '
                     "WHERE fid = ?", (fid,))
        applied[table]["delete"] -= 1
        for column in edited:
            report.conflicts.append({
                "table": table, "row_uuid": base_row["uuid"], "column": column,
                "kind": "delete_updated", "base_value": _display(base_row[column], column),
                "kept_value": _display(kept_row[column], column), "rejected_value": None,
                "rule": tr(RULES["delete_updated"])})


def _mark_new_premises(conn, rebased: list) -> None:
    """Observations of premises created in the field count as ``new`` in campaign progress."""
    new_premises = [_pk(e) for e in rebased if e["table"] == "premises" and e["type"] == "insert"]
    if not new_premises:
        return
    conn.execute("CREATE TEMP TABLE new_premises (fid INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO new_premises VALUES (?)", [(f,) for f in new_premises])
    conn.execute(
        "UPDATE main.premise_observations SET visit_state = 'new' WHERE visit_state IN "
        "('to_confirm', 'confirmed') AND premise_uuid IN (SELECT uuid FROM main.premises "
        "WHERE fid IN (SELECT fid FROM temp.new_premises))")
    conn.execute("DROP TABLE temp.new_premises")


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
        cols = photo_columns[table]
        fid_list = sorted(fids)
        for start in range(0, len(fid_list), 500):
            chunk = fid_list[start:start + 500]
            rows = conn.execute(
                f'SELECT uuid, {", ".join(cols)} FROM main."{table}" WHERE fid IN '
                f'({",".join("?" * len(chunk))})', chunk)
            for row in rows:
                for col in cols:
                    if row[col]:
                        result.append((table, row["uuid"], row[col]))
    return result


def _copy_photos(package_dir: Path, shared_dir: Path, photos: list, copied: list):
    """Copy the package's DCIM/ next to the shared file (never overwriting a different file),
    then check every cited photo exists there. Returns (copied names, missing dicts)."""
    source = package_dir / PHOTO_DIR
    names = []
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(package_dir)
            target = shared_dir / relative
            if target.exists():
                if target.stat().st_size == path.stat().st_size and \
                        target.read_bytes() == path.read_bytes():
                    continue
                raise SyncFailed(tr("photo {photo} already exists next to the shared file with a "
                                    "different content: rename one of them").format(
                                        photo=relative.as_posix()))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied.append(target)
            names.append(relative.as_posix())
    missing = []
    for table, row_uuid, photo in photos:
        candidate = Path(photo)
        found = (shared_dir / candidate).is_file() if not candidate.is_absolute() else False
        if not found:
            found = (shared_dir / PHOTO_DIR / candidate.name).is_file()
        if not found:
            missing.append({"table": table, "row_uuid": row_uuid, "photo": photo})
    return names, missing

