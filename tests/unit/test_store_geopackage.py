"""The shared GeoPackage: conventions, domains, migrations, transactions."""

import hashlib
import sqlite3

import pytest

from observatoire_commerce.store import geometry, gpkg, migrations, observatory
from observatoire_commerce.store.schema.core import V1_TABLES

from ..conftest import validate_gpkg


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def socle(tmp_path):
    return observatory.create_observatory(tmp_path / "socle.gpkg", "Test", 2154)


def user_tables(conn):
    """Our tables (QGIS's own layer_styles / qgis_projects follow QGIS's conventions)."""
    from observatoire_commerce.store.styles import QGIS_MANAGED_TABLES

    return [r[0] for r in conn.execute(
        "SELECT table_name FROM gpkg_contents ORDER BY table_name")
        if r[0] not in QGIS_MANAGED_TABLES]


def test_new_file_passes_gdal_validator(socle):
    validate_gpkg(socle)


def test_every_table_has_fid_pk_and_unique_uuid(socle):
    conn = gpkg.connect(socle)
    tables = user_tables(conn)
    expected = {t[0] for t in V1_TABLES} | {
        "activity_groups", "naf_activity_map", "observation_statuses", "centrality_levels",
        "chain_types"}
    assert expected <= set(tables)
    for table in tables:
        info = {r[1]: r for r in conn.execute(f'PRAGMA table_info("{table}")')}
        assert info["fid"][2] == "INTEGER" and info["fid"][5] == 1, table
        assert info["uuid"][3] == 1, f"{table}.uuid must be NOT NULL"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        assert "AUTOINCREMENT" in sql and "uuid TEXT NOT NULL UNIQUE" in sql, table


def test_status_and_activity_group_are_domains_backed_by_tables(socle):
    conn = gpkg.connect(socle)
    bound = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT table_name, column_name, constraint_name FROM gpkg_data_columns")}
    assert bound[("premise_observations", "status")] == "observation_status"
    assert bound[("premise_observations", "activity_group")] == "activity_group"
    statuses = {r[0] for r in conn.execute(
        "SELECT value FROM gpkg_data_column_constraints "
        "WHERE constraint_name='observation_status'")}
    assert statuses >= {"occupied", "vacant", "works", "other_use", "demolished"}
    assert statuses == {r[0] for r in conn.execute("SELECT code FROM observation_statuses")}
    groups = [r[0] for r in conn.execute(
        "SELECT value FROM gpkg_data_column_constraints WHERE constraint_name='activity_group'")]
    assert len(groups) == 10 and "hors_commerce" in groups


def test_domain_follows_nomenclature_table(socle):
    from observatoire_commerce.store import nomenclatures

    conn = gpkg.connect(socle)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO activity_groups (uuid, code, label_fr, label_en, sort_order) "
                     "VALUES ('u-test', 'tiers_lieux', 'Tiers-lieux', 'Third places', 11)")
        nomenclatures.refresh_domains(conn)
    values = {r[0] for r in conn.execute(
        "SELECT value FROM gpkg_data_column_constraints WHERE constraint_name='activity_group'")}
    assert "tiers_lieux" in values
    validate_gpkg(socle)


def test_geographic_crs_refused(tmp_path):
    with pytest.raises(ValueError, match="not a projected CRS"):
        observatory.create_observatory(tmp_path / "x.gpkg", "Test", 4326)
    assert not (tmp_path / "x.gpkg").exists()


def test_other_projected_crs_accepted(tmp_path):
    path = observatory.create_observatory(tmp_path / "cc46.gpkg", "Test", 3946)
    conn = gpkg.connect(path)
    assert conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name='premises'"
                        ).fetchone()[0] == 3946


def test_v1_file_is_migrated_to_v2(tmp_path):
    path = observatory.create_observatory(tmp_path / "v1.gpkg", "Old", version=1)
    conn = gpkg.connect(path)
    assert observatory.schema_version(conn) == 1
    assert not gpkg.table_exists(conn, "observation_statuses")
    with gpkg.transaction(conn):  # a status typed by hand in v1 survives the migration
        conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status)"
                     " VALUES ('o1', 'p1', 'c1', 'ferme_definitivement')")
    conn.close()
    conn = observatory.open_observatory(path)
    assert observatory.schema_version(conn) == migrations.LATEST_VERSION >= 2
    rows = dict(conn.execute("SELECT code, counts_as_vacant FROM observation_statuses"))
    assert rows["vacant"] == 1 and rows["occupied"] == 0 and rows["ferme_definitivement"] == 0
    conn.close()
    validate_gpkg(path)


def test_failed_migration_leaves_file_unchanged(tmp_path, monkeypatch):
    path = observatory.create_observatory(tmp_path / "v1.gpkg", "Old", version=1)
    before = sha(path)

    def broken(conn, srs):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(observatory.MigrationError,
                       match=r"v1.gpkg: upgrading the schema from version 1 to \d+ failed at "
                             r"version 2 \(disk on fire\); the file was left unchanged") as info:
        observatory.open_observatory(path)
    assert info.value.version == 2
    assert sha(path) == before
    assert not observatory.backup_path(path, 1).exists()  # no copy of a migration undone


def test_a_migration_keeps_a_copy_of_the_file_as_it_was(tmp_path):
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Old", version=7)
    before = sha(path)
    observatory.open_observatory(path).close()
    backup = tmp_path / "socle.schema7.bak.gpkg"
    assert observatory.backup_path(path, 7) == backup
    conn = gpkg.connect(backup)
    assert observatory.schema_version(conn) == 7      # the copy is the old file, readable
    conn.close()
    validate_gpkg(backup)
    assert sha(path) != before                        # the file itself was migrated
    conn = gpkg.connect(path)
    assert observatory.schema_version(conn) == migrations.LATEST_VERSION
    conn.close()


def test_a_transaction_inside_a_transaction_is_a_savepoint(socle):
    """gpkg.transaction inside the caller's: an error undoes the inner block only, and nothing
    is committed before the caller commits."""
    conn = observatory.open_observatory(socle)
    other = gpkg.connect(socle)
    try:
        with gpkg.transaction(conn):
            conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('k1', 'A', 2024)")
            with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
                conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('k2', 'B', 2024)")
                conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('k2', 'C', 2024)")
            with gpkg.transaction(conn):
                conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('k3', 'D', 2024)")
            assert other.execute("SELECT count(*) FROM campaigns").fetchone()[0] == 0
        assert [r[0] for r in other.execute("SELECT uuid FROM campaigns ORDER BY uuid")] == [
            "k1", "k3"]
    finally:
        conn.close()
        other.close()


def test_an_upgrade_in_an_operations_transaction(tmp_path):
    """upgrade_transaction: the upgrade and the operation's writes commit together; an error or
    ``keep = False`` rolls both back, byte for byte, and removes the copy made for it."""
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Old", version=7)
    backup = observatory.backup_path(path, 7)
    before = sha(path)

    def write(conn):
        with gpkg.transaction(conn):  # the operation's own transaction: a savepoint here
            conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('k1', 'A', 2024)")

    conn = observatory.open_as_is(path)
    with pytest.raises(RuntimeError, match="refused"), \
            observatory.upgrade_transaction(conn, path) as upgrade:
        assert (upgrade.old, upgrade.new) == (7, migrations.LATEST_VERSION)
        assert backup.exists() and upgrade.made_backup
        write(conn)
        raise RuntimeError("refused")
    assert sha(path) == before and not backup.exists()
    with observatory.upgrade_transaction(conn, path) as upgrade:
        write(conn)
        upgrade.keep = False
    assert sha(path) == before and not backup.exists()
    with observatory.upgrade_transaction(conn, path) as upgrade:
        write(conn)
    conn.close()
    conn = gpkg.connect(path)
    assert observatory.schema_version(conn) == migrations.LATEST_VERSION
    assert [r[0] for r in conn.execute("SELECT name FROM campaigns")] == ["A"]
    conn.close()
    conn = gpkg.connect(backup)
    assert observatory.schema_version(conn) == 7
    assert conn.execute("SELECT count(*) FROM campaigns").fetchone()[0] == 0
    conn.close()
    validate_gpkg(path)
    validate_gpkg(backup)
    conn = observatory.open_as_is(path)  # at the latest schema: no transaction, no upgrade
    with observatory.upgrade_transaction(conn, path) as upgrade:
        assert upgrade is None and not conn.in_transaction
    conn.close()


def test_newer_schema_refused(socle):
    conn = gpkg.connect(socle)
    with gpkg.transaction(conn):
        conn.execute("UPDATE observatory_meta SET value='99' WHERE key='schema_version'")
    conn.close()
    before = sha(socle)
    with pytest.raises(observatory.SchemaError, match="newer than this plugin"):
        observatory.open_observatory(socle)
    assert sha(socle) == before


def test_not_a_geopackage_refused(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("hello")
    with pytest.raises(observatory.SchemaError):
        observatory.open_observatory(path)
    plain = tmp_path / "plain.gpkg"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(observatory.SchemaError, match="not a GeoPackage"):
        observatory.open_observatory(plain)


def test_write_failing_half_way_leaves_file_byte_for_byte_unchanged(socle):
    before = sha(socle)
    conn = observatory.open_observatory(socle)
    rows = [("p1", 50.0), ("p2", 80.0), ("p3", -5.0), ("p4", 20.0)]  # row 3 breaks a CHECK
    with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
        for uid, area in rows:
            conn.execute("INSERT INTO premises (uuid, floor_area, geom) VALUES (?,?,?)",
                         (uid, area, geometry.encode_point(497000, 6612000, 2154)))
    conn.close()
    assert sha(socle) == before


def test_rtree_follows_sql_writes(socle):
    conn = observatory.open_observatory(socle)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO premises (uuid, geom) VALUES ('a', ?)",
                     (geometry.encode_point(10.0, 20.0, 2154),))
    assert tuple(conn.execute("SELECT minx, maxy FROM rtree_premises_geom").fetchone()) == (
        10.0, 20.0)
    with gpkg.transaction(conn):
        conn.execute("DELETE FROM premises")
    assert conn.execute("SELECT count(*) FROM rtree_premises_geom").fetchone()[0] == 0


def test_v12_records_the_sirene_diffusion_status_of_existing_links(tmp_path):
    """Links made before v12 came from public SIRENE rows only: they become 'O'; links of other
    sources stay empty; the status is a field domain; the file validates."""
    path = observatory.create_observatory(tmp_path / "v11.gpkg", "Old", version=11)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.executemany("INSERT INTO premise_sources (uuid, premise_uuid, source, source_id, "
                         "first_seen, last_seen) VALUES (?, 'p1', ?, ?, '2024', '2024')",
                         [("l1", "sirene", "12345678900012"), ("l2", "osm", "node/1")])
    conn.close()
    conn = observatory.open_observatory(path)
    assert dict(conn.execute("SELECT source, diffusion_status FROM premise_sources")) == {
        "sirene": "O", "osm": None}
    assert conn.execute("SELECT constraint_name FROM gpkg_data_columns WHERE table_name = "
                        "'premise_sources' AND column_name = 'diffusion_status'").fetchone()[0] \
        == "sirene_diffusion_status"
    with pytest.raises(sqlite3.IntegrityError), gpkg.transaction(conn):
        conn.execute("UPDATE premise_sources SET diffusion_status = 'X' WHERE uuid = 'l1'")
    conn.close()
    validate_gpkg(path)
