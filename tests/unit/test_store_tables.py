"""store.tables: the generic reads and writes that keep SQL inside store/."""

import pytest

from observatoire_commerce.store import geometry, gpkg, observatory, tables

from ..conftest import validate_gpkg


@pytest.fixture
def conn(tmp_path):
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Test", 2154)
    connection = gpkg.connect(path)
    yield connection
    connection.close()


def premise(uuid, x, y, street):
    return (uuid, street, geometry.encode_point(x, y, 2154))


def test_insert_filter_update_delete(conn, tmp_path):
    with gpkg.transaction(conn):
        n = tables.insert(conn, "premises", ["uuid", "street", "geom"],
                          [premise("a", 1.0, 2.0, "Rue A"), premise("b", 3.0, 5.0, "Rue B"),
                           premise("c", 4.0, 1.0, None)])
    assert n == 3
    assert tables.count(conn, "premises") == 3
    assert tables.count(conn, "premises", {"street": None}) == 1
    assert tables.values(conn, "premises", "uuid", {"street": ("Rue A", "Rue B")}) == ["a", "b"]
    assert tables.values(conn, "premises", "uuid", {"street": ()}) == []
    assert tables.key_map(conn, "premises", "uuid", "street") == {
        "a": "Rue A", "b": "Rue B", "c": None}
    # the extent follows the R-tree: x 1..4, y 1..5
    extent = conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                          "WHERE table_name='premises'").fetchone()
    assert tuple(extent) == (1.0, 1.0, 4.0, 5.0)
    with gpkg.transaction(conn):
        assert tables.update(conn, "premises", "uuid",
                             [{"uuid": "c", "street": "Rue C"}, {"uuid": "zz", "street": "x"}]) == 1
        assert tables.update_where(conn, "premises", {"floor_area": 50.0},
                                   {"street": ["Rue A", "Rue C"]}) == 2
        assert tables.delete(conn, "premises", {"uuid": "b"}) == 1
    assert tables.rows(conn, "premises", ["uuid", "street", "floor_area"], order_by=["uuid"]) == [
        {"uuid": "a", "street": "Rue A", "floor_area": 50.0},
        {"uuid": "c", "street": "Rue C", "floor_area": 50.0}]
    assert tables.first(conn, "premises", ["uuid"], {"uuid": "b"}) is None
    assert tables.exists(conn, "premises", {"uuid": "a"})
    frame = tables.frame(conn, "premises", ["uuid", "street"], {"uuid": "none"})
    assert list(frame.columns) == ["uuid", "street"] and frame.empty
    # the R-tree follows the deletion: x 1..4 but y now 1..2
    extent = conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                          "WHERE table_name='premises'").fetchone()
    assert tuple(extent) == (1.0, 1.0, 4.0, 2.0)
    conn.close()
    validate_gpkg(tmp_path / "socle.gpkg")


def test_conflicts_and_refusals(conn):
    with gpkg.transaction(conn):
        tables.insert(conn, "premises", ["uuid"], [("a",)])
    with pytest.raises(Exception, match="UNIQUE"), gpkg.transaction(conn):
        tables.insert(conn, "premises", ["uuid"], [("b",), ("a",)])
    assert tables.values(conn, "premises", "uuid") == ["a"]   # rolled back whole
    with gpkg.transaction(conn):
        assert tables.insert(conn, "premises", ["uuid"], [("b",), ("a",)],
                             on_conflict="ignore") == 1
    with pytest.raises(ValueError, match="filter"):
        tables.delete(conn, "premises", {})


def test_checkpoint_cancels_between_chunks(conn, monkeypatch):
    monkeypatch.setattr(tables, "CHUNK", 2)
    calls = []

    def checkpoint():
        calls.append(1)
        if len(calls) == 2:
            raise InterruptedError("stop")

    with pytest.raises(InterruptedError), gpkg.transaction(conn):
        tables.insert(conn, "premises", ["uuid"], [(str(i),) for i in range(5)],
                      checkpoint=checkpoint)
    assert tables.count(conn, "premises") == 0


def test_points_decode_coordinates(conn):
    with gpkg.transaction(conn):
        tables.insert(conn, "premises", ["uuid", "street", "geom"],
                      [premise("a", 1.5, 2.5, "Rue A"), ("b", "Rue B", None)])
    got = tables.points(conn, "premises", ["uuid", "street"])
    assert got["uuid"].tolist() == ["a", "b"]
    assert got.loc[0, ["x", "y"]].tolist() == [1.5, 2.5]
    assert got.loc[1, ["x", "y"]].isna().all()
    assert tables.points(conn, "premises", ["uuid"], {"uuid": "zz"}).columns.tolist() == [
        "uuid", "x", "y"]


def test_bulk_insert_fills_the_rtree_once_and_keeps_the_trigger(conn, tmp_path):
    """The R-tree holds every inserted point (points written without an envelope, polygons
    with one), the insert trigger is back afterwards, and the file validates."""
    before = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                          "'rtree_premises_geom_insert'").fetchone()[0]
    with gpkg.transaction(conn):
        tables.insert(conn, "premises", ["uuid", "geom"],
                      [(f"p{i}", geometry.encode_point(float(i), 2.0 * i, 2154))
                       for i in range(1, 2501)] + [("nogeom", None)])
        tables.insert(conn, "centralities", ["uuid", "name", "geom"], [
            ("c", "C", geometry.encode("multipolygon", [[[(0, 0), (4, 0), (4, 3), (0, 0)]]],
                                       2154))])
    assert conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                        "'rtree_premises_geom_insert'").fetchone()[0] == before
    assert conn.execute("SELECT count(*) FROM rtree_premises_geom").fetchone()[0] == 2500
    # SQLite's own consistency check of the packed tree, and a box query against a scan:
    # x in [100, 199.5] and y in [0, 300] hold p100..p150 (y = 2x ≤ 300), 51 points
    for name in ("rtree_premises_geom", "rtree_centralities_geom"):
        assert conn.execute("SELECT rtreecheck(?)", (name,)).fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM rtree_premises_geom WHERE minx >= 100 AND "
                        "maxx <= 199.5 AND miny >= 0 AND maxy <= 300").fetchone()[0] == 51
    assert tuple(conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_premises_geom "
                              "WHERE id = (SELECT fid FROM premises WHERE uuid = 'p7')"
                              ).fetchone()) == (7.0, 7.0, 14.0, 14.0)
    assert tuple(conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_centralities_geom"
                              ).fetchone()) == (0.0, 4.0, 0.0, 3.0)
    # later single-row writes still go through the triggers
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO premises (uuid, geom) VALUES ('late', ?)",
                     (geometry.encode_point(-5.0, -6.0, 2154),))
        conn.execute("UPDATE premises SET geom = ? WHERE uuid = 'p1'",
                     (geometry.encode_point(9.0, 9.0, 2154),))
    assert tuple(conn.execute("SELECT minx, miny FROM rtree_premises_geom WHERE id = "
                              "(SELECT fid FROM premises WHERE uuid = 'late')").fetchone()) == (
        -5.0, -6.0)
    assert tuple(conn.execute("SELECT minx, miny FROM rtree_premises_geom WHERE id = "
                              "(SELECT fid FROM premises WHERE uuid = 'p1')").fetchone()) == (
        9.0, 9.0)
    conn.close()
    validate_gpkg(tmp_path / "socle.gpkg")


def test_rtree_triggers_follow_the_geopackage_version():
    v12 = gpkg.rtree_triggers("t", "geom", version_1_4=False)
    v14 = gpkg.rtree_triggers("t", "geom", version_1_4=True)
    assert sorted(v12) == ["delete", "insert", "update1", "update2", "update3", "update4"]
    assert sorted(v14) == ["delete", "insert", "update2", "update4", "update5", "update6",
                           "update7"]
    assert "INSERT OR REPLACE" not in v14["update6"] and 'UPDATE "rtree_t_geom" SET' in v14[
        "update6"]
    assert (gpkg.USER_VERSION, gpkg.GPKG_1_4) in ((10400, True), (10200, False))


def test_differing_keeps_only_the_records_that_change_a_stored_row(conn):
    with gpkg.transaction(conn):
        tables.insert(conn, "centralities", ["uuid", "name", "level"],
                      [("a", "Centre", "primary"), ("b", "Gare", "secondary")])
    records = [{"uuid": "a", "name": "Centre", "level": "primary"},     # same
               {"uuid": "b", "name": "Gare", "level": "tertiary"},      # level changed
               {"uuid": "c", "name": "Nouveau", "level": "primary"}]    # not stored
    assert [r["uuid"] for r in tables.differing(conn, "centralities", "uuid", records)] == [
        "b", "c"]
    assert [r["uuid"] for r in tables.differing(conn, "centralities", "uuid", records,
                                                ignore=("level",))] == ["c"]
    assert tables.differing(conn, "centralities", "uuid", []) == []
