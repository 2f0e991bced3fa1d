"""Synchronisation under a busy office and hostile packages (issue 16, items 1, 6, 8, 9, 10).

Same hand-built observatory as test_field_sync (centrality A with a1..a4, B with b1, b2;
campaign 2025 open over both). Each test names the fault it plays and checks the refusal (or
failure) message, that the shared file is unchanged (or holds exactly the other program's
edit), and that the package can be synchronised again afterwards.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import threading
import time

import pytest

from observatoire_commerce.fieldwork import packages as field_packages
from observatoire_commerce.fieldwork import photos
from observatoire_commerce.fieldwork import sync as field_sync
from observatoire_commerce.store import gpkg
from observatoire_commerce.store import sync as store_sync
from observatoire_commerce.store.geometry import encode_point

from ..conftest import validate_gpkg
from .test_field_sync import JPEG, X0, Y0, build_observatory, edit, new_premise, obs_uuid, set_obs


def sha(path) -> str:
    return field_packages.sha256(path)


def value(path, sql, params=()):
    conn = sqlite3.connect(str(path))
    try:
        row = conn.execute(sql, params).fetchone()
        return None if row is None else (row[0] if len(row) == 1 else tuple(row))
    finally:
        conn.close()


def state(path) -> str:
    return value(path, "SELECT state FROM field_packages")


@pytest.fixture
def site(tmp_path):
    shared = tmp_path / "office" / "socle.gpkg"
    shared.parent.mkdir()
    return shared, build_observatory(shared)


@pytest.fixture
def alice(site, tmp_path):
    """Alice's package (centrality A) with one valid edit: a1 confirmed."""
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "alice", agent="alice",
                                                   centrality_uuids=["A"])
    edit(package, [set_obs("a1", c, visit_state="confirmed", agent="alice")])
    return package


def during_settle(monkeypatch, action):
    """Run ``action()`` while the sync works on its copies (after reading the shared file,
    before writing it)."""
    real = field_sync._settle

    def settle(*args, **kwargs):
        action()
        return real(*args, **kwargs)
    monkeypatch.setattr(field_sync, "_settle", settle)


# -- 1. a commit still in the -wal during a sync ------------------------------------------------

def test_a_commit_left_in_the_wal_during_a_sync_is_never_overwritten(site, alice, monkeypatch):
    shared, c = site
    office = sqlite3.connect(str(shared), isolation_level=None)
    office.execute("PRAGMA journal_mode = WAL")  # what QGIS does while a layer is edited
    office.execute("PRAGMA wal_autocheckpoint = 0")
    stamp = shared.stat()

    def office_saves():
        office.execute("UPDATE premise_observations SET sign_name = 'Saisie bureau' WHERE "
                       "premise_uuid = 'a4' AND campaign_uuid = ?", (c,))
    during_settle(monkeypatch, office_saves)
    with pytest.raises(field_sync.SyncRefused, match="socle.gpkg changed while the package was "
                                                     "being merged.*nothing was written"):
        field_sync.synchronise(shared, alice.path)
    # the commit sits in the -wal: the main file's size and time did not move
    assert os.path.getsize(str(shared) + "-wal") > 0
    assert (shared.stat().st_size, shared.stat().st_mtime_ns) == (stamp.st_size,
                                                                  stamp.st_mtime_ns)
    office.close()  # QGIS stops editing: the WAL is checkpointed
    assert value(shared, "SELECT sign_name FROM premise_observations WHERE premise_uuid = 'a4' "
                         "AND campaign_uuid = ?", (c,)) == "Saisie bureau"
    assert value(shared, "SELECT visit_state FROM premise_observations WHERE premise_uuid = "
                         "'a1' AND campaign_uuid = ?", (c,)) == "to_confirm"
    assert state(shared) == "prepared"

    monkeypatch.undo()
    report = field_sync.synchronise(shared, alice.path)  # synchronise again: both edits stay
    assert report.applied["premise_observations"]["update"] == 1
    assert value(shared, "SELECT sign_name FROM premise_observations WHERE premise_uuid = 'a4' "
                         "AND campaign_uuid = ?", (c,)) == "Saisie bureau"
    assert value(shared, "SELECT visit_state FROM premise_observations WHERE premise_uuid = "
                         "'a1' AND campaign_uuid = ?", (c,)) == "confirmed"
    validate_gpkg(shared)


def test_a_commit_in_rollback_journal_mode_is_refused_too(site, alice, monkeypatch):
    shared, c = site

    def office_saves():
        conn = gpkg.connect(shared)
        with gpkg.transaction(conn):
            conn.execute("UPDATE premises SET address = 'bureau' WHERE uuid = 'b1'")
        conn.close()
    during_settle(monkeypatch, office_saves)
    with pytest.raises(field_sync.SyncRefused, match="changed while"):
        field_sync.synchronise(shared, alice.path)
    assert value(shared, "SELECT address FROM premises WHERE uuid = 'b1'") == "bureau"
    assert state(shared) == "prepared"


def test_a_reader_during_the_merge_does_not_make_the_sync_fail(site, alice, monkeypatch):
    """A program holding a read transaction (rollback-journal mode) from before the sync until
    its final write: the sync reads without write locks, then waits for the reader."""
    shared, _c = site
    reader = sqlite3.connect(str(shared), isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    assert value(shared, "SELECT count(*) FROM premises") == 6
    reader.execute("SELECT count(*) FROM premises").fetchone()  # holds a SHARED lock
    real = store_sync.write_merged

    def write_merged(*args, **kwargs):
        threading.Timer(0.3, lambda: reader.execute("COMMIT")).start()  # the reader finishes
        return real(*args, **kwargs)
    monkeypatch.setattr(store_sync, "write_merged", write_merged)
    report = field_sync.synchronise(shared, alice.path)
    assert report.edits == 1 and state(shared) == "imported"
    reader.close()


def test_a_lock_held_by_another_program_gives_a_clear_message(site, alice, monkeypatch):
    shared, _c = site
    monkeypatch.setattr(field_sync, "WRITE_TIMEOUT", 0.2)
    (alice.path / "DCIM" / "a1.jpg").write_bytes(JPEG + b"a1")
    writer = sqlite3.connect(str(shared), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # e.g. QGIS saving a big edit session
    before = sha(shared)
    with pytest.raises(field_sync.SyncFailed, match="socle.gpkg is locked by another program"):
        field_sync.synchronise(shared, alice.path)
    writer.execute("ROLLBACK")
    writer.close()
    assert sha(shared) == before
    assert not (shared.parent / "DCIM" / "a1.jpg").exists()  # the photos copied are removed


def test_a_read_only_file_gives_a_clear_message(site, alice, monkeypatch):
    shared, _c = site

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")
    monkeypatch.setattr(store_sync, "write_merged", refuse)
    with pytest.raises(field_sync.SyncFailed, match="socle.gpkg cannot be written: the file "
                                                    "or its folder is read-only"):
        field_sync.synchronise(shared, alice.path)


# -- 6. links, paths outside the package, photo types and sizes -------------------------------

def test_a_photo_folder_that_is_a_link_is_not_followed(site, alice, tmp_path):
    shared, _c = site
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "id_rsa.jpg").write_bytes(JPEG + b"PRIVATE KEY")
    shutil.rmtree(alice.path / "DCIM")
    (alice.path / "DCIM").symlink_to(secrets, target_is_directory=True)
    report = field_sync.synchronise(shared, alice.path)
    assert report.photos_copied == []
    assert report.photos_rejected == [{"photo": "DCIM", "reason": (
        "the photo folder is a symbolic link: it is not followed, no photo is copied")}]
    assert not (shared.parent / "DCIM").exists()


def test_links_and_non_photos_inside_dcim_are_not_copied(site, alice, tmp_path, monkeypatch):
    shared, _c = site
    monkeypatch.setattr(photos, "MAX_PHOTO_BYTES", 100)
    outside = tmp_path / "private.jpg"
    outside.write_bytes(JPEG + b"private")
    dcim = alice.path / "DCIM"
    (dcim / "link.jpg").symlink_to(outside)
    (dcim / "sub").mkdir()
    (dcim / "sub" / "deep.png").write_bytes(photos.PNG_MAGIC + b"png")
    (dcim / "script.sh").write_bytes(b"#!/bin/sh\nrm -rf ~\n")
    (dcim / "fake.jpg").write_bytes(b"MZ\x90\x00 not a jpeg")
    (dcim / "huge.jpg").write_bytes(JPEG + b"x" * 200)
    (dcim / "empty.png").write_bytes(b"")
    (dcim / "ok.JPG").write_bytes(JPEG + b"ok")
    report = field_sync.synchronise(shared, alice.path)
    assert report.photos_copied == ["DCIM/ok.JPG", "DCIM/sub/deep.png"]
    assert {r["photo"]: r["reason"] for r in report.photos_rejected} == {
        "DCIM/empty.png": "empty file",
        "DCIM/fake.jpg": "its content is not a JPEG image",
        "DCIM/huge.jpg": "204 bytes, more than the 100 bytes a photo may have",
        "DCIM/link.jpg": "a symbolic link: not followed, not copied",
        "DCIM/script.sh": "not a photo: only .jpg, .jpeg and .png files are copied"}
    copied = sorted(p.relative_to(shared.parent).as_posix()
                    for p in (shared.parent / "DCIM").rglob("*"))
    assert copied == ["DCIM/ok.JPG", "DCIM/sub", "DCIM/sub/deep.png"]
    summary = json.loads(value(shared, "SELECT summary FROM field_packages"))
    assert len(summary["photos_rejected"]) == 5


@pytest.mark.parametrize("data_file", ["../socle.gpkg", "/etc/passwd", r"C:\x.gpkg",
                                       "sub/../../x.gpkg", "", 42])
def test_a_manifest_data_path_outside_the_package_is_refused(site, alice, data_file):
    shared, _c = site
    manifest = json.loads((alice.path / "manifest.json").read_text())
    manifest["data_file"] = data_file
    (alice.path / "manifest.json").write_text(json.dumps(manifest))
    before = sha(shared)
    with pytest.raises(field_packages.FieldPackageError,
                       match="not a path inside the package|wrong type for data_file"):
        field_sync.synchronise(shared, alice.path)
    assert sha(shared) == before


@pytest.mark.parametrize("content, message", [
    (b"[1, 2]", "not an Observatoire field package manifest"),
    (b"\xff\xfe\x00garbage", "unreadable manifest"),
    (b"[" * 100_000, "unreadable manifest"),
    (b"{" + b" " * (2 << 20) + b"}", "unreadable manifest.*larger than"),
    (None, "malformed manifest \\(wrong type for package_uuid, schema_version\\)"),
    ("missing", "manifest lacks base_checksum"),
])
def test_a_malformed_manifest_is_refused_with_a_message(site, alice, content, message):
    shared, _c = site
    path = alice.path / "manifest.json"
    manifest = json.loads(path.read_text())
    if content is None:
        manifest.update(package_uuid={"x": 1}, schema_version="9")
        content = json.dumps(manifest).encode()
    elif content == "missing":
        del manifest["base_checksum"]
        content = json.dumps(manifest).encode()
    path.write_bytes(content)
    with pytest.raises(field_packages.FieldPackageError, match=message):
        field_sync.synchronise(shared, alice.path)
    assert state(shared) == "prepared"


def test_a_data_file_that_is_a_link_is_refused(site, alice, tmp_path):
    shared, _c = site
    real = tmp_path / "elsewhere.gpkg"
    shutil.move(str(alice.data_path), real)
    alice.data_path.symlink_to(real)
    with pytest.raises(field_packages.FieldPackageError, match="data.gpkg is a symbolic link"):
        field_sync.synchronise(shared, alice.path)
    assert state(shared) == "prepared"


# -- 8. a full disk ----------------------------------------------------------------------------

def test_a_full_database_reports_the_real_error(tmp_path):
    conn = gpkg.create_container(tmp_path / "full.gpkg")
    conn.execute("CREATE TABLE t (x BLOB)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full"), \
            gpkg.transaction(conn):
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    assert not conn.in_transaction
    with gpkg.transaction(conn):  # the connection is usable again
        conn.execute("INSERT INTO t VALUES (x'00')")
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1


def test_a_full_disk_at_the_final_write_says_so_and_leaves_the_file(site, alice, monkeypatch):
    shared, _c = site
    (alice.path / "DCIM" / "a1.jpg").write_bytes(JPEG + b"a1")
    real = store_sync.apply_differences

    def disk_full(conn, *args, **kwargs):
        """The rows are written, then the file cannot grow: SQLite rolls the whole
        transaction back by itself (SQLITE_FULL)."""
        counts = real(conn, *args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        conn.execute("UPDATE main.premises SET notes = zeroblob(200000) WHERE uuid = 'b2'")
        return counts
    monkeypatch.setattr(store_sync, "apply_differences", disk_full)
    before = sha(shared)
    with pytest.raises(field_sync.SyncFailed, match="socle.gpkg: database or disk is full"):
        field_sync.synchronise(shared, alice.path)
    assert sha(shared) == before
    assert not (shared.parent / "DCIM" / "a1.jpg").exists()
    monkeypatch.undo()
    report = field_sync.synchronise(shared, alice.path)
    assert report.photos_copied == ["DCIM/a1.jpg"] and state(shared) == "imported"


def test_a_photo_copy_cut_short_leaves_no_truncated_photo(site, alice, monkeypatch):
    shared, _c = site
    dcim = alice.path / "DCIM"
    (dcim / "a1.jpg").write_bytes(JPEG + b"1" * 5000)
    (dcim / "a2.jpg").write_bytes(JPEG + b"2" * 5000)
    real = shutil.copyfileobj
    calls = []

    def disk_full(src, dst, length=0):
        if ".part" in str(getattr(dst, "name", "")):
            calls.append(1)
        if len(calls) == 2:  # the second photo: half written, then the disk is full
            dst.write(src.read(2000))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, length)
    monkeypatch.setattr(photos.shutil, "copyfileobj", disk_full)
    before = sha(shared)
    with pytest.raises(field_sync.SyncFailed, match="photo DCIM/a2.jpg could not be copied.*"
                                                    "database or disk is full"):
        field_sync.synchronise(shared, alice.path)
    assert sha(shared) == before
    assert list((shared.parent / "DCIM").iterdir()) == []  # neither a1 nor a truncated a2
    monkeypatch.undo()
    report = field_sync.synchronise(shared, alice.path)  # not blocked by a name clash
    assert report.photos_copied == ["DCIM/a1.jpg", "DCIM/a2.jpg"]
    assert (shared.parent / "DCIM" / "a2.jpg").read_bytes() == JPEG + b"2" * 5000


# -- 9. what the tablet holds is checked with the rules of the forms ---------------------------

def test_rows_breaking_the_form_rules_are_refused_and_reported(site, tmp_path):
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg", agent="alice")
    conn = gpkg.connect(shared)
    with gpkg.transaction(conn):  # the office stored a bad commune code on a2 long ago
        conn.execute("UPDATE premises SET commune_code = 'XX' WHERE uuid = 'a2'")
    conn.close()
    wgs84 = encode_point(0.3404, 46.5802, 2154)  # Poitiers in longitude/latitude
    edit(package, [
        *new_premise("wgs", 50, 50, "obs-wgs", c, "alice"),
        ("UPDATE premises SET geom = ? WHERE uuid = 'wgs'", (wgs84,)),
        *new_premise("srs", 60, 60, "obs-srs", c, "alice"),
        ("UPDATE premises SET geom = ? WHERE uuid = 'srs'",
         (encode_point(X0 + 60, Y0 + 60, 4326),)),
        *new_premise("good", 70, 70, "obs-good", c, "alice"),
        set_obs("a1", c, status="fermé", sign_name="Typo", visit_state="changed"),
        set_obs("a3", c, status="occupied", visit_state="changed"),   # no activity group
        set_obs("a4", c, status="", visit_state="changed"),           # required
        set_obs("b1", c, naf_code="4711", visit_state="changed"),
        set_obs("b2", c, status="occupied", activity_group="alimentaire",
                visit_state="changed"),                                # valid
        ("UPDATE premises SET floor_area = 1e999 WHERE uuid = 'a1'", ()),
        ("UPDATE premises SET floor_area = 55 WHERE uuid = 'a2'", ()),  # valid despite 'XX'
        ("UPDATE premises SET commune_code = '8619' WHERE uuid = 'b1'", ()),
    ])
    report = field_sync.synchronise(shared, package.path)
    refused = {(r["table"], r["row_uuid"], r["column"]): r for r in report.refused}
    o = {p: obs_uuid(gpkg.connect(shared), p, c) for p in ("a1", "a3", "a4", "b1")}
    assert set(refused) == {
        ("premises", "wgs", "geom"), ("premise_observations", "obs-wgs", "premise_uuid"),
        ("premises", "srs", "geom"), ("premise_observations", "obs-srs", "premise_uuid"),
        ("premise_observations", o["a1"], "status"),
        ("premise_observations", o["a1"], "sign_name"),
        ("premise_observations", o["a1"], "visit_state"),
        ("premise_observations", o["a3"], "activity_group"),
        ("premise_observations", o["a3"], "status"),
        ("premise_observations", o["a3"], "visit_state"),
        ("premise_observations", o["a4"], "status"),
        ("premise_observations", o["a4"], "visit_state"),
        ("premise_observations", o["b1"], "naf_code"),
        ("premise_observations", o["b1"], "visit_state"),
        ("premises", "a1", "floor_area"), ("premises", "b1", "commune_code")}
    assert "lie outside the area of the table's CRS" in refused[("premises", "wgs", "geom")][
        "rule"]
    assert refused[("premises", "wgs", "geom")]["rejected_value"] == "POINT (0.340 46.580)"
    assert "the CRS with srs_id 4326, the table's is 2154" in refused[
        ("premises", "srs", "geom")]["rule"]
    assert "'fermé' is not a code of the field's list" in refused[
        ("premise_observations", o["a1"], "status")]["rule"]
    assert refused[("premise_observations", o["a1"], "sign_name")]["rule"].endswith(
        "the row was refused: 'fermé' is not a code of the field's list (" + ", ".join(sorted(
            ["occupied", "vacant", "works", "other_use", "demolished", "unknown"])) + ")")
    assert "needs an activity group" in refused[
        ("premise_observations", o["a3"], "activity_group")]["rule"]
    assert "a value is required" in refused[("premise_observations", o["a4"], "status")]["rule"]
    assert "NAF rev. 2" in refused[("premise_observations", o["b1"], "naf_code")]["rule"]
    assert "finite number" in refused[("premises", "a1", "floor_area")]["rule"]
    assert refused[("premises", "a1", "floor_area")]["kept_value"] == "80.0"
    assert report.applied == {"premises": {"insert": 1, "update": 1, "delete": 0},
                              "premise_observations": {"insert": 1, "update": 1, "delete": 0}}
    conn = gpkg.connect(shared)
    premises = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT uuid, floor_area, commune_code FROM premises")}
    assert "wgs" not in premises and "srs" not in premises and "good" in premises
    assert premises["a1"] == (80, None) and premises["a2"] == (55, "XX")
    assert premises["b1"] == (80, None)
    statuses = dict(conn.execute("SELECT premise_uuid, status || '/' || visit_state FROM "
                                 "premise_observations WHERE campaign_uuid = ?", (c,)))
    assert statuses == {"a1": "occupied/to_confirm", "a2": "occupied/to_confirm",
                        "a3": "vacant/to_confirm", "a4": "occupied/to_confirm",
                        "b1": "occupied/to_confirm", "b2": "occupied/changed",
                        "good": "occupied/new"}
    assert conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 0
    summary = json.loads(conn.execute("SELECT summary FROM field_packages").fetchone()[0])
    assert len(summary["refused"]) == len(refused)
    conn.close()
    validate_gpkg(shared)


# -- 10. a package whose -wal stayed on the tablet; no migration by a sync ---------------------

def edit_in_wal_mode(package, statements):
    """The agent's edits as QField leaves them while the project is open: in data.gpkg-wal.
    Returns the connection (close it to checkpoint)."""
    conn = sqlite3.connect(str(package.data_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("BEGIN")
    for sql, params in statements:
        conn.execute(sql, params)
    conn.execute("COMMIT")
    return conn


def returned(package, folder, *, wal: bool, shm: bool = False):
    """The package folder as copied back to the office (with or without -wal / -shm)."""
    folder.mkdir()
    shutil.copy(package.path / "manifest.json", folder)
    shutil.copytree(package.path / "DCIM", folder / "DCIM")
    shutil.copy(package.data_path, folder / "data.gpkg")
    for suffix, wanted in (("-wal", wal), ("-shm", shm)):
        if wanted:
            shutil.copy(str(package.data_path) + suffix, str(folder / "data.gpkg") + suffix)
    return folder


def test_edits_left_in_the_wal_on_the_tablet_are_not_imported_as_zero_edits(site, tmp_path):
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "tablet", agent="alice")
    qfield = edit_in_wal_mode(package, [set_obs("a1", c, visit_state="confirmed"),
                                        set_obs("b2", c, sign_name="Fleurs")])
    without = returned(package, tmp_path / "without_wal", wal=False)
    half = returned(package, tmp_path / "shm_only", wal=False, shm=True)
    complete = returned(package, tmp_path / "complete", wal=True)
    qfield.close()
    before = sha(shared)
    with pytest.raises(field_sync.SyncRefused, match="without data.gpkg-wal and without any "
                                                     "edit.*Copy data.gpkg and data.gpkg-wal"):
        field_sync.synchronise(shared, without)
    with pytest.raises(field_sync.SyncRefused, match="data.gpkg-shm came back without "
                                                     "data.gpkg-wal"):
        field_sync.synchronise(shared, half)
    assert sha(shared) == before and state(shared) == "prepared"
    report = field_sync.synchronise(shared, complete)  # retried with the -wal: both edits
    assert report.applied["premise_observations"]["update"] == 2
    assert value(shared, "SELECT sign_name FROM premise_observations WHERE premise_uuid = "
                         "'b2' AND campaign_uuid = ?", (c,)) == "Fleurs"
    assert not (complete / "data.gpkg-shm").exists()  # the package itself was only read
    assert report.package_checksum == field_packages.sha256(complete / "data.gpkg",
                                                            complete / "data.gpkg-wal")


def test_a_clean_package_closed_in_wal_mode_still_synchronises(site, tmp_path):
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "tablet", agent="alice")
    edit_in_wal_mode(package, [set_obs("a1", c, visit_state="confirmed")]).close()
    assert not os.path.exists(str(package.data_path) + "-wal")
    report = field_sync.synchronise(shared, package.path)
    assert report.edits == 1


def test_a_package_data_file_that_is_not_sqlite_is_refused(site, alice):
    shared, _c = site
    alice.data_path.write_bytes(b"PK\x03\x04 this is a zip")
    with pytest.raises(field_sync.SyncRefused, match="not a readable GeoPackage.*not an SQLite"):
        field_sync.synchronise(shared, alice.path)


def test_the_guard_checks_at_the_last_moment(site, alice, monkeypatch):
    """A commit between the end of the merge and the write lock is still seen."""
    shared, _c = site
    real = gpkg.ChangeGuard.transaction

    def late_commit(self):
        conn = gpkg.connect(shared)
        with gpkg.transaction(conn):
            conn.execute("UPDATE premises SET notes = 'tard' WHERE uuid = 'b2'")
        conn.close()
        time.sleep(0.01)
        return real(self)
    monkeypatch.setattr(gpkg.ChangeGuard, "transaction", late_commit)
    with pytest.raises(field_sync.SyncRefused, match="changed while"):
        field_sync.synchronise(shared, alice.path)
    assert value(shared, "SELECT notes FROM premises WHERE uuid = 'b2'") == "tard"
