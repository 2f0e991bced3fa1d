"""Field packages and their three-way synchronisation (geodiff) on a hand-built observatory.

Territory: centrality A (x 0..100) and B (x 200..300), y 0..100 (offset to Lambert-93).
Premises a1..a4 in A, b1..b2 in B; campaign "2025" opened over A and B with observations
pre-filled from campaign "2024". Alice's package covers A, Bob's covers A and B, so both can
edit A's premises.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from observatoire_commerce.fieldwork import packages as field_packages
from observatoire_commerce.fieldwork import sync as field_sync
from observatoire_commerce.jobs import campaigns
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0
JPEG = b"\xff\xd8\xff\xe0"  # the start of every JPEG file (the sync checks it)
VALIDATE = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


def validate(path) -> None:
    if not VALIDATE.is_file():
        pytest.skip("GDAL's validate_gpkg.py is not installed")
    result = subprocess.run(["/usr/bin/python3", str(VALIDATE), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def square(x, y, size=100.0):
    ring = [(X0 + x, Y0 + y), (X0 + x + size, Y0 + y), (X0 + x + size, Y0 + y + size),
            (X0 + x, Y0 + y + size), (X0 + x, Y0 + y)]
    return encode("multipolygon", [[ring]], 2154)


PREMISES = {  # uuid: (x, y)
    "a1": (10, 10), "a2": (20, 20), "a3": (30, 30), "a4": (40, 40),
    "b1": (210, 10), "b2": (250, 50),
}
PREVIOUS = {  # premise: (status, activity group, sign)
    "a1": ("occupied", "alimentaire", "Epicerie Martin"),
    "a2": ("occupied", "equipement_personne", "Mode & Co"),
    "a3": ("vacant", None, None),
    "a4": ("occupied", "culture_loisirs", "Librairie"),
    "b1": ("occupied", "alimentaire", "Boulangerie"),
    "b2": ("vacant", None, None),
}


def build_observatory(path: Path) -> Path:
    observatory.create_observatory(path, "Testville", 2154)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        if "visit_state" not in gpkg.column_names(conn, "premise_observations"):
            campaigns.migrate_v3(conn, 2154)
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('A', 'Centre', 'primary', ?), ('B', 'Gare', 'secondary', ?)",
                     (square(0, 0), square(200, 0)))
        for uid, (x, y) in PREMISES.items():
            conn.execute("INSERT INTO premises (uuid, address, floor_area, geom) VALUES "
                         "(?, ?, 80, ?)", (uid, f"{uid} rue Test", encode_point(X0 + x, Y0 + y,
                                                                              2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('c2024', '2024', 2024, '2024-03-01', '2024-04-01', 'closed')")
        for uid, (status, group, sign) in PREVIOUS.items():
            conn.execute(
                "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
                "activity_group, sign_name, agent, observed_at) VALUES "
                "(?, ?, 'c2024', ?, ?, ?, 'x', '2024-03-10')", (f"o24-{uid}", uid, status, group,
                                                                 sign))
        gpkg.update_extent(conn, "premises")
    opened = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["A", "B"])
    conn.close()
    return opened["uuid"]


@pytest.fixture
def site(tmp_path):
    shared = tmp_path / "office" / "socle.gpkg"
    shared.parent.mkdir()
    campaign_uuid = build_observatory(shared)
    return shared, campaign_uuid


def obs_uuid(conn, premise, campaign_uuid):
    return conn.execute("SELECT uuid FROM premise_observations WHERE premise_uuid = ? AND "
                        "campaign_uuid = ?", (premise, campaign_uuid)).fetchone()[0]


def edit(package: field_packages.FieldPackage, statements) -> None:
    """Play an agent's edits on the package's data file (as QField would write them)."""
    conn = gpkg.connect(package.data_path)
    with gpkg.transaction(conn):
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def new_premise(uid, x, y, obs, campaign_uuid, agent, photo=None):
    return [
        ("INSERT INTO premises (uuid, address, floor_area, geom) VALUES (?, 'new', 50, ?)",
         (uid, encode_point(X0 + x, Y0 + y, 2154))),
        ("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
         "activity_group, agent, observed_at, photo, visit_state) VALUES "
         "(?, ?, ?, 'occupied', 'alimentaire', ?, '2025-03-12', ?, 'confirmed')",
         (obs, uid, campaign_uuid, agent, photo)),
    ]


def set_obs(premise, campaign_uuid, **values):
    cols = ", ".join(f"{k} = ?" for k in values)
    return (f"UPDATE premise_observations SET {cols} WHERE premise_uuid = ? AND "
            "campaign_uuid = ?", (*values.values(), premise, campaign_uuid))


def test_prepared_package_holds_the_perimeter(site, tmp_path):
    shared, campaign_uuid = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg_alice", agent="alice",
                                                   centrality_uuids=["A"])
    manifest = json.loads((package.path / "manifest.json").read_text())
    assert manifest["agent"] == "alice"
    assert manifest["perimeter"] == ["A"] and manifest["perimeter_names"] == ["Centre"]
    assert manifest["campaign_uuid"] == campaign_uuid
    assert manifest["schema_version"] == observatory.schema_version(gpkg.connect(shared))
    assert manifest["base_checksum"] == field_packages.sha256(package.base_path)
    assert package.base_path.read_bytes() == package.data_path.read_bytes()
    assert package.base_path.parent == shared.with_name("socle.field_bases")
    assert (package.path / "DCIM").is_dir()
    assert manifest["counts"] == {"premises": 4, "premise_observations": 4, "centralities": 1}
    data = gpkg.connect(package.data_path)
    assert sorted(r[0] for r in data.execute("SELECT uuid FROM premises")) == ["a1", "a2", "a3",
                                                                               "a4"]
    assert {r[0] for r in data.execute("SELECT campaign_uuid FROM premise_observations")} == {
        campaign_uuid}
    assert {r[0] for r in data.execute("SELECT assigned_agent FROM premise_observations")} == {
        "alice"}
    assert data.execute("SELECT count(*) FROM activity_groups").fetchone()[0] > 5
    domains = {r[0] for r in data.execute(
        "SELECT DISTINCT constraint_name FROM gpkg_data_column_constraints")}
    assert {"observation_status", "activity_group", "visit_state"} <= domains
    assert data.execute("SELECT count(*) FROM field_packages").fetchone()[0] == 0
    data.close()
    validate(package.data_path)
    conn = gpkg.connect(shared)
    row = conn.execute("SELECT state, base_checksum, agent FROM field_packages").fetchone()
    assert tuple(row) == ("prepared", manifest["base_checksum"], "alice")
    assigned = dict(conn.execute("SELECT premise_uuid, assigned_agent FROM premise_observations "
                                 "WHERE campaign_uuid = ?", (campaign_uuid,)).fetchall())
    assert assigned == {"a1": "alice", "a2": "alice", "a3": "alice", "a4": "alice", "b1": None,
                        "b2": None}
    calls = []
    field_packages.prepare_field_package(
        shared, tmp_path / "pkg_hook", centrality_uuids=["B"],
        project_writer=lambda d, p, m: calls.append((d, p.name)) or "Inventaire.qgz")
    manifest = field_packages.read_manifest(tmp_path / "pkg_hook")
    assert manifest["project_file"] == "Inventaire.qgz"
    assert calls == [(tmp_path / "pkg_hook", "data.gpkg")]


def test_two_agents_merge_without_losing_an_edit(site, tmp_path):
    shared, c = site
    alice = field_packages.prepare_field_package(shared, tmp_path / "alice", agent="alice",
                                                 centrality_uuids=["A"])
    bob = field_packages.prepare_field_package(shared, tmp_path / "bob", agent="bob")
    conn = gpkg.connect(shared)
    a2_obs = obs_uuid(conn, "a2", c)
    conn.close()
    # Alice: a1 status (same premise as Bob, other field), a2 sign (conflict with Bob),
    # a4 confirmed (only her), a new premise with a photo, deletes a3 (premise + observation).
    edit(alice, [
        set_obs("a1", c, status="vacant", visit_state="changed"),
        set_obs("a2", c, sign_name="Chez Alice", visit_state="changed"),
        set_obs("a4", c, visit_state="confirmed", agent="alice"),
        *new_premise("newA", 70, 70, "obs-newA", c, "alice", "DCIM/newA_2025.jpg"),
        ("DELETE FROM premise_observations WHERE premise_uuid = 'a3'", ()),
        ("DELETE FROM premises WHERE uuid = 'a3'", ()),
        ("INSERT INTO chain_types (uuid, code, label_fr, label_en) VALUES "
         "('ct', 'coop', 'Coopérative', 'Cooperative')", ()),  # not merged: reported
    ])
    (alice.path / "DCIM" / "newA_2025.jpg").write_bytes(JPEG + b"alice")
    # Bob: a1 sign (other field), a2 sign (conflict), a1's floor area, b1 status with a photo
    # he forgot to bring back, a new premise in B.
    edit(bob, [
        set_obs("a1", c, sign_name="Nouveau nom"),
        set_obs("a2", c, sign_name="Chez Bob", visit_state="changed"),
        ("UPDATE premises SET floor_area = 120 WHERE uuid = 'a1'", ()),
        set_obs("b1", c, status="works", visit_state="changed", agent="bob",
                photo="DCIM/b1_2025.jpg"),
        *new_premise("newB", 280, 80, "obs-newB", c, "bob"),
    ])

    report_a = field_sync.synchronise(shared, alice.path)
    assert report_a.conflicts == []
    assert report_a.applied == {
        "premise_observations": {"insert": 1, "update": 3, "delete": 1},
        "premises": {"insert": 1, "update": 0, "delete": 1},
    }
    assert report_a.ignored == {"chain_types": 1}
    assert report_a.photos_copied == ["DCIM/newA_2025.jpg"]
    assert report_a.photos_missing == []
    assert (shared.parent / "DCIM" / "newA_2025.jpg").read_bytes() == JPEG + b"alice"

    report_b = field_sync.synchronise(shared, bob.path)
    assert report_b.conflicts == [{
        "table": "premise_observations", "row_uuid": a2_obs, "column": "sign_name",
        "kind": "update_update", "base_value": "Mode & Co", "kept_value": "Chez Alice",
        "rejected_value": "Chez Bob", "rule": field_sync.RULES["update_update"]}]
    assert report_b.photos_missing == [{"table": "premise_observations",
                                        "row_uuid": obs_uuid(gpkg.connect(shared), "b1", c),
                                        "photo": "DCIM/b1_2025.jpg"}]
    assert "first synchronised wins" in report_b.rules["update_update"]

    conn = gpkg.connect(shared)
    rows = {r["premise_uuid"]: dict(r) for r in conn.execute(
        "SELECT * FROM premise_observations WHERE campaign_uuid = ?", (c,))}
    assert sorted(rows) == ["a1", "a2", "a4", "b1", "b2", "newA", "newB"]
    assert (rows["a1"]["status"], rows["a1"]["sign_name"]) == ("vacant", "Nouveau nom")
    assert rows["a2"]["sign_name"] == "Chez Alice"
    assert rows["a4"]["visit_state"] == "confirmed"
    assert (rows["b1"]["status"], rows["b1"]["photo"]) == ("works", "DCIM/b1_2025.jpg")
    assert rows["b2"]["visit_state"] == "to_confirm"
    assert rows["newA"]["visit_state"] == rows["newB"]["visit_state"] == "new"
    premises = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT uuid, fid, floor_area FROM premises")}
    assert "a3" not in premises and {"newA", "newB"} <= set(premises)
    assert premises["a1"][1] == 120
    assert len({fid for fid, _ in premises.values()}) == len(premises)
    # the new premises are in the spatial index
    assert conn.execute("SELECT count(*) FROM rtree_premises_geom").fetchone()[0] == len(premises)
    conflicts = conn.execute("SELECT package_uuid, table_name, row_uuid, column_name, kind, "
                             "base_value, kept_value, rejected_value, agent "
                             "FROM sync_conflicts").fetchall()
    assert [tuple(r) for r in conflicts] == [
        (bob.uuid, "premise_observations", a2_obs, "sign_name", "update_update", "Mode & Co",
         "Chez Alice", "Chez Bob", "bob")]
    states = dict(conn.execute("SELECT agent, state FROM field_packages").fetchall())
    assert states == {"alice": "imported", "bob": "imported"}
    conn.close()
    validate(shared)

    before = shared.read_bytes()
    with pytest.raises(field_sync.SyncRefused, match="already synchronised"):
        field_sync.synchronise(shared, alice.path)
    assert shared.read_bytes() == before


def test_delete_against_edit_keeps_the_edit(site, tmp_path):
    shared, c = site
    one = field_packages.prepare_field_package(shared, tmp_path / "one", agent="one")
    two = field_packages.prepare_field_package(shared, tmp_path / "two", agent="two")
    edit(one, [set_obs("b2", c, status="occupied", activity_group="alimentaire",
                       sign_name="Fleurs", visit_state="changed"),
               ("DELETE FROM premise_observations WHERE premise_uuid = 'a4'", ())])
    edit(two, [("DELETE FROM premise_observations WHERE premise_uuid = 'b2'", ()),
               set_obs("a4", c, sign_name="Librairie du centre", visit_state="changed")])
    field_sync.synchronise(shared, one.path)
    report = field_sync.synchronise(shared, two.path)
    kinds = sorted((x["kind"], x["column"], x["kept_value"], x["rejected_value"])
                   for x in report.conflicts)
    assert kinds == [
        ("delete_updated", "activity_group", "alimentaire", None),
        ("delete_updated", "sign_name", "Fleurs", None),
        ("delete_updated", "status", "occupied", None),
        ("delete_updated", "visit_state", "changed", None),
        ("update_deleted", "sign_name", None, "Librairie du centre"),
        ("update_deleted", "visit_state", None, "changed"),
    ]
    conn = gpkg.connect(shared)
    b2 = conn.execute("SELECT status, sign_name FROM premise_observations WHERE premise_uuid = "
                      "'b2' AND campaign_uuid = ?", (c,)).fetchone()
    assert tuple(b2) == ("occupied", "Fleurs")
    assert conn.execute("SELECT count(*) FROM premise_observations WHERE premise_uuid = 'a4' "
                        "AND campaign_uuid = ?", (c,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 6
    conn.close()
    validate(shared)


def test_schema_mismatch_is_refused_before_writing(site, tmp_path):
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg", agent="alice")
    edit(package, [set_obs("a1", c, visit_state="confirmed")])
    conn = gpkg.connect(shared)
    with gpkg.transaction(conn):  # the shared file was upgraded mid-campaign
        conn.execute("UPDATE observatory_meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    before = shared.read_bytes()
    with pytest.raises(field_sync.SyncRefused, match="schema mismatch.*version 99"):
        field_sync.synchronise(shared, package.path)
    assert shared.read_bytes() == before


def test_column_added_on_the_tablet_is_refused(site, tmp_path):
    shared, _c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg", agent="alice")
    edit(package, [("ALTER TABLE premise_observations ADD COLUMN extra TEXT", ())])
    before = shared.read_bytes()
    with pytest.raises(field_sync.SyncRefused, match="schema mismatch"):
        field_sync.synchronise(shared, package.path)
    assert shared.read_bytes() == before


def test_failed_merge_leaves_the_shared_file_unchanged(site, tmp_path):
    shared, c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg", agent="alice",
                                                   centrality_uuids=["A"])
    # b1 lies outside Alice's perimeter and already has its 2025 observation in the shared
    # file: her second observation of it breaks UNIQUE (premise_uuid, campaign_uuid).
    edit(package, [
        set_obs("a1", c, visit_state="confirmed"),
        ("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status) "
         "VALUES ('dup', 'b1', ?, 'occupied')", (c,)),
    ])
    (package.path / "DCIM" / "x.jpg").write_bytes(JPEG + b"x")
    before = shared.read_bytes()
    with pytest.raises(field_sync.SyncFailed, match="premise b1 already has an observation"):
        field_sync.synchronise(shared, package.path)
    assert shared.read_bytes() == before
    assert not (shared.parent / "DCIM" / "x.jpg").exists()


def test_tampered_base_and_foreign_package_are_refused(site, tmp_path):
    shared, _c = site
    package = field_packages.prepare_field_package(shared, tmp_path / "pkg", agent="alice")
    other = tmp_path / "other" / "socle.gpkg"
    other.parent.mkdir()
    build_observatory(other)
    with pytest.raises(field_sync.SyncRefused, match="was not prepared from"):
        field_sync.synchronise(other, package.path)
    with open(package.base_path, "ab") as handle:
        handle.write(b"\0")
    before = shared.read_bytes()
    with pytest.raises(field_sync.SyncRefused, match="checksum"):
        field_sync.synchronise(shared, package.path)
    assert shared.read_bytes() == before


def test_same_data_under_another_manifest_is_refused(site, tmp_path):
    shared, c = site
    first = field_packages.prepare_field_package(shared, tmp_path / "first", agent="alice")
    second = field_packages.prepare_field_package(shared, tmp_path / "second", agent="alice")
    edit(first, [set_obs("a1", c, visit_state="confirmed")])
    field_sync.synchronise(shared, first.path)
    shutil.copyfile(first.data_path, second.data_path)
    with pytest.raises(field_sync.SyncRefused, match="already synchronised as package"):
        field_sync.synchronise(shared, second.path)


def test_not_a_package_is_refused(site, tmp_path):
    shared, _c = site
    (tmp_path / "empty").mkdir()
    with pytest.raises(field_packages.FieldPackageError, match="no manifest.json"):
        field_sync.synchronise(shared, tmp_path / "empty")
    assert sqlite3.connect(str(shared)).execute(
        "SELECT count(*) FROM field_packages").fetchone()[0] == 0
