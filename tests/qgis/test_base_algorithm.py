"""Parameter checks shared by every algorithm (processing/algorithms/base.py)."""

import pytest
from qgis.core import QgsProcessingException


def test_missing_geopackage_is_refused_before_running(run_alg, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run_alg("print_atlas", {"GEOPACKAGE": str(missing), "OUTPUT": str(tmp_path / "a.pdf")})
    assert not (tmp_path / "a.pdf").exists()


def test_a_file_that_is_not_an_observatory_is_refused(run_alg, tmp_path):
    bogus = tmp_path / "bogus.gpkg"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(QgsProcessingException, match="not an observatory GeoPackage"):
        run_alg("vacancy_rates", {"GEOPACKAGE": str(bogus), "OUTPUT_TABLE": "memory:",
                                  "OUTPUT_CENTRALITIES": "memory:"})


def test_a_locked_geopackage_gives_a_message_not_a_traceback(run_alg, demo_gpkg, tmp_path):
    """Another program holds the write lock (as QGIS does while committing an edit): the
    algorithm that writes indicators says so, the file is unchanged, the traceback is logged."""
    import hashlib
    import shutil
    import sqlite3

    path = tmp_path / "locked.gpkg"
    shutil.copy(demo_gpkg, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(QgsProcessingException, match="in use by another program") as info:
            run_alg("vacancy_rates", {"GEOPACKAGE": str(path), "OUTPUT_TABLE": "memory:",
                                      "OUTPUT_CENTRALITIES": "memory:"})
        assert "Traceback" not in str(info.value)
        assert str(path) in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_user_messages_for_the_usual_failures():
    import errno
    import sqlite3
    import zipfile

    from observatoire_commerce.processing.errors import user_message
    from observatoire_commerce.store.gpkg import GeoPackageError

    assert "read-only" in user_message(
        sqlite3.OperationalError("attempt to write a readonly database"), "/x/socle.gpkg")
    assert "full" in user_message(sqlite3.OperationalError("database or disk is full"), "s.gpkg")
    assert "damaged" in user_message(sqlite3.DatabaseError("file is not a database"), "s.gpkg")
    assert "disk is full" in user_message(OSError(errno.ENOSPC, "No space", "/x/photo.jpg"))
    assert "/x/photo.jpg" in user_message(OSError(errno.ENOSPC, "No space", "/x/photo.jpg"))
    assert "permission denied" in user_message(PermissionError(errno.EACCES, "denied", "/x/a"))
    assert "decoded" in user_message(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"))
    assert "damaged" in user_message(zipfile.BadZipFile("File is not a zip file"))
    # our own errors carry their (translated) message; anything else is "unexpected"
    assert user_message(GeoPackageError("x.gpkg: no such GeoPackage file")) == \
        "x.gpkg: no such GeoPackage file"
    assert user_message(KeyError("id")).startswith("Unexpected error (KeyError)")
