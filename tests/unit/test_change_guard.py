"""store.gpkg.ChangeGuard: a long writer's guard against other programs' commits (issue 16).

A table ``t(x)`` in a GeoPackage container; "the other program" is a second sqlite3
connection. The guard must see a commit whether the file is in rollback-journal or WAL mode
(where the commit stays in the -wal and the main file's size and time do not move), see a
file replaced on disk, not count its own writes, and refuse to write after any of them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from observatoire_commerce.store import gpkg


@pytest.fixture
def path(tmp_path):
    conn = gpkg.create_container(tmp_path / "file.gpkg")
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    return tmp_path / "file.gpkg"


def other_program(path, sql, *, wal=False):
    conn = sqlite3.connect(str(path), isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(sql)
    return conn


def test_nothing_changed_the_guarded_write_happens(path):
    with gpkg.ChangeGuard(path) as guard:
        reader = sqlite3.connect(str(path))
        assert reader.execute("SELECT x FROM t").fetchall() == [(1,)]  # reading is no change
        reader.close()
        assert not guard.changed()
        with guard.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (2)")
        assert not guard.changed()  # its own write does not count
        with guard.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (3)")
    assert sqlite3.connect(str(path)).execute("SELECT count(*) FROM t").fetchone()[0] == 3


def test_a_commit_in_rollback_journal_mode_is_seen(path):
    with gpkg.ChangeGuard(path) as guard:
        other_program(path, "UPDATE t SET x = 10").close()
        assert guard.changed()
        with pytest.raises(gpkg.FileChangedError, match="file.gpkg was changed by another "
                                                        "program.*nothing was written"), \
                guard.transaction() as conn:
            conn.execute("UPDATE t SET x = 99")
    assert sqlite3.connect(str(path)).execute("SELECT x FROM t").fetchone()[0] == 10


def test_a_commit_still_in_the_wal_is_seen(path):
    other_program(path, "PRAGMA journal_mode = WAL").close()
    with gpkg.ChangeGuard(path) as guard:
        stamp = (path.stat().st_size, path.stat().st_mtime_ns)
        qgis = other_program(path, "UPDATE t SET x = 20", wal=True)
        assert os.path.getsize(str(path) + "-wal") > 0
        assert (path.stat().st_size, path.stat().st_mtime_ns) == stamp  # size/time blind
        assert guard.changed()
        with pytest.raises(gpkg.FileChangedError), guard.transaction() as conn:
            conn.execute("UPDATE t SET x = 99")
        qgis.close()
    assert sqlite3.connect(str(path)).execute("SELECT x FROM t").fetchone()[0] == 20


def test_a_file_replaced_on_disk_is_seen(path, tmp_path):
    copy = tmp_path / "copy.gpkg"
    shutil.copyfile(path, copy)
    with gpkg.ChangeGuard(path) as guard:
        os.replace(copy, path)  # e.g. restored from a backup by another program
        assert guard.changed()
        with pytest.raises(gpkg.FileChangedError), guard.transaction():
            pass


def test_a_failed_guarded_write_rolls_back(path):
    with gpkg.ChangeGuard(path) as guard:
        with pytest.raises(ZeroDivisionError), guard.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (5)")
            raise ZeroDivisionError
        assert not guard.conn.in_transaction
    assert sqlite3.connect(str(path)).execute("SELECT count(*) FROM t").fetchone()[0] == 1


def test_another_writer_holding_the_lock_times_out_with_sqlites_message(path):
    writer = other_program(path, "BEGIN IMMEDIATE")
    with gpkg.ChangeGuard(path, timeout=0.1) as guard, \
            pytest.raises(sqlite3.OperationalError, match="database is locked"), \
            guard.transaction():
        pass
    writer.execute("ROLLBACK")
    writer.close()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback_journal", "wal"])
def test_a_guard_over_the_callers_connection(path, wal):
    """ChangeGuard.over(conn): the long writer's own connection; its own writes do not count,
    another program's commit does (also one left in the -wal), close() leaves conn open."""
    if wal:
        other_program(path, "PRAGMA journal_mode = WAL").close()
    conn = gpkg.connect(path)
    guard = gpkg.ChangeGuard.over(conn)
    assert guard.path == path and not guard.changed()
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO t VALUES (2)")
    assert not guard.changed()
    with guard.transaction() as written:
        assert written is conn
        conn.execute("INSERT INTO t VALUES (3)")
    qgis = other_program(path, "UPDATE t SET x = 20 WHERE x = 1", wal=wal)
    assert guard.changed()
    with pytest.raises(gpkg.FileChangedError), guard.transaction():
        conn.execute("UPDATE t SET x = 99")
    assert not conn.in_transaction
    guard.close()
    assert [r[0] for r in conn.execute("SELECT x FROM t ORDER BY x")] == [2, 3, 20]
    conn.close()
    qgis.close()
