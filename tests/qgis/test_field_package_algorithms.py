"""prepare_field_package and synchronise_field_package through processing.run.

Scenario on the hand-built site (fieldwork_site): campaign 2025 over Centre and Gare; Alice's
package covers Centre, Bob's covers Centre and Gare, so both can edit a2.
- Alice: a1 becomes vacant (with a photo), a2's sign becomes "Mode & Cie", a new premise n1.
- Bob: a2's sign becomes "Mode et Co" (same field: conflict, Alice synchronised first wins),
  a2's chain type becomes "chain" (same premise, another field: applied; both set the visit
  to "changed": same value, no conflict), b1 confirmed,
  premise b2 deleted with its observation.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsExpressionContextUtils, QgsProcessingException, QgsProject

from observatoire_commerce.store import gpkg
from observatoire_commerce.store.geometry import encode_point
from observatoire_commerce.survey_forms.inventory_form import PREMISE_OBSERVATIONS_RELATION

from ..conftest import validate_gpkg
from .fieldwork_site import X0, Y0, build_site, rows, sha


@pytest.fixture
def site(tmp_path, run_alg):
    (tmp_path / "office").mkdir()
    shared = build_site(tmp_path / "office" / "socle.gpkg")
    campaign = run_alg("open_campaign", {
        "GEOPACKAGE": str(shared), "NAME": "2025", "START_DATE": "2025-03-01",
        "END_DATE": "2025-04-30", "CENTRALITIES": "Centre, Gare"})["CAMPAIGN_UUID"]
    return shared, campaign


def prepare(run_alg, shared, folder, agent, centralities):
    return run_alg("prepare_field_package", {
        "GEOPACKAGE": str(shared), "AGENT": agent, "CENTRALITIES": centralities,
        "OUTPUT_FOLDER": str(folder)})


def synchronise(run_alg, shared, folder):
    result = run_alg("synchronise_field_package", {
        "GEOPACKAGE": str(shared), "PACKAGE": str(folder), "OUTPUT_REPORT": "memory:",
        "OUTPUT_CONFLICTS": "memory:"})
    report = [tuple(f.attributes()) for f in result.pop("OUTPUT_REPORT").getFeatures()]
    conflicts = [tuple(f.attributes()) for f in result.pop("OUTPUT_CONFLICTS").getFeatures()]
    return result, report, conflicts


def play(folder: Path, statements) -> None:
    """An agent's edits on the package's data file, as QField writes them."""
    conn = gpkg.connect(folder / "data.gpkg")
    with gpkg.transaction(conn):
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def set_obs(premise, campaign, **values):
    cols = ", ".join(f"{k} = ?" for k in values)
    return (f"UPDATE premise_observations SET {cols} WHERE premise_uuid = ? AND "
            "campaign_uuid = ?", (*values.values(), premise, campaign))


def test_prepared_package_is_a_qfield_project(site, run_alg, tmp_path):
    shared, campaign = site
    folder = tmp_path / "alice"
    result = prepare(run_alg, shared, folder, "Alice Martin", "Centre")
    package_uuid = result.pop("PACKAGE_UUID")
    assert result == {"OUTPUT_FOLDER": str(folder),
                      "PROJECT": str(folder / "inventaire_alice_martin.qgz"),
                      "PREMISES": 4, "OBSERVATIONS": 4}
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["package_uuid"] == package_uuid
    assert manifest["project_file"] == "inventaire_alice_martin.qgz"
    assert manifest["perimeter_names"] == ["Centre"] and manifest["campaign_uuid"] == campaign
    assert (folder / "DCIM").is_dir()
    # writing the project left the data as prepared (the base checksum still holds)
    assert sha(folder / "data.gpkg") == manifest["base_checksum"]
    validate_gpkg(folder / "data.gpkg")

    archive = zipfile.ZipFile(folder / "inventaire_alice_martin.qgz")
    qgs = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".qgs"))
    assert "./data.gpkg|layername=premise_observations" in qgs  # relative paths
    assert str(folder) not in qgs
    assert f'relation="{PREMISE_OBSERVATIONS_RELATION}"' in qgs

    project = QgsProject()
    assert project.read(str(folder / "inventaire_alice_martin.qgz"))
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert all(layer.isValid() for layer in layers.values())
    assert layers["Locaux"].featureCount() == 4 and layers["Observations"].featureCount() == 4
    observations = layers["Observations"]
    assert observations.fields().field("status").editorWidgetSetup().type() == "ValueMap"
    assert observations.fields().field("photo").editorWidgetSetup().type() == "ExternalResource"
    assert [t.name() for t in observations.editFormConfig().tabs()] == [
        "Identification", "Occupation", "Activité", "Photo", "Notes"]
    assert project.relationManager().relation(PREMISE_OBSERVATIONS_RELATION).isValid()
    scope = QgsExpressionContextUtils.projectScope(project)
    assert scope.variable("observatoire_agent") == "Alice Martin"
    assert scope.variable("observatoire_campaign_uuid") == campaign
    project.clear()

    conn = gpkg.connect(shared)
    assert rows(conn, "SELECT premise_uuid FROM premise_observations WHERE campaign_uuid = ? "
                      "AND assigned_agent = 'Alice Martin' ORDER BY 1", (campaign,)) == [
        ("a1",), ("a2",), ("a3",), ("a4",)]
    assert rows(conn, "SELECT name, agent, state FROM field_packages") == [
        ("2025 - Alice Martin", "Alice Martin", "prepared")]
    conn.close()


def test_prepare_refusals(site, run_alg, tmp_path):
    shared, _campaign = site
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("x")
    with pytest.raises(QgsProcessingException, match="is not empty"):
        prepare(run_alg, shared, busy, "alice", "Centre")
    with pytest.raises(QgsProcessingException, match="Unknown centrality name"):
        prepare(run_alg, shared, tmp_path / "p1", "alice", "Plage")
    with pytest.raises(QgsProcessingException, match="campaign '2024' is closed"):
        run_alg("prepare_field_package", {"GEOPACKAGE": str(shared), "CAMPAIGN": "2024",
                                          "OUTPUT_FOLDER": str(tmp_path / "p2")})
    assert not (tmp_path / "p1").exists() or not any((tmp_path / "p1").iterdir())


def test_two_agents_sync_scenario(site, run_alg, tmp_path):
    shared, campaign = site
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    prepare(run_alg, shared, alice, "alice", "Centre")
    prepare(run_alg, shared, bob, "bob", "Centre, Gare")
    (alice / "DCIM" / "a1_2025.jpg").write_bytes(b"\xff\xd8\xff\xe0jpeg")
    play(alice, [
        set_obs("a1", campaign, status="vacant", activity_group=None, sign_name=None,
                visit_state="changed", agent="alice", photo="DCIM/a1_2025.jpg"),
        set_obs("a2", campaign, sign_name="Mode & Cie", visit_state="changed", agent="alice"),
        ("INSERT INTO premises (uuid, address, floor_area, geom) VALUES "
         "('n1', '5 rue Neuve', 45, ?)", (encode_point(X0 + 60, Y0 + 60, 2154),)),
        ("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
         "activity_group, agent, observed_at, visit_state) VALUES ('o-n1', 'n1', ?, "
         "'occupied', 'cafes_hotels_restaurants', 'alice', '2025-03-12', 'new')", (campaign,)),
    ])
    play(bob, [
        set_obs("a2", campaign, sign_name="Mode et Co", chain_type="chain",
                visit_state="changed"),
        set_obs("b1", campaign, visit_state="confirmed", agent="bob"),
        ("DELETE FROM premise_observations WHERE premise_uuid = 'b2'", ()),
        ("DELETE FROM premises WHERE uuid = 'b2'", ()),
    ])

    result, report, conflicts = synchronise(run_alg, shared, alice)
    assert result.pop("PACKAGE_UUID")
    assert result == {"EDITS": 4, "CONFLICTS": 0, "PHOTOS_COPIED": 1, "PHOTOS_MISSING": 0,
                      "PHOTOS_REJECTED": 0, "REFUSED": 0}
    # table, inserted, updated, deleted, conflicts
    assert report == [("premises", 1, 0, 0, 0), ("premise_observations", 1, 2, 0, 0),
                      ("premise_lineage", 0, 0, 0, 0)]
    assert conflicts == []
    assert (shared.parent / "DCIM" / "a1_2025.jpg").read_bytes() == b"\xff\xd8\xff\xe0jpeg"

    result, report, conflicts = synchronise(run_alg, shared, bob)
    assert result.pop("PACKAGE_UUID")
    assert result == {"EDITS": 4, "CONFLICTS": 1, "PHOTOS_COPIED": 0, "PHOTOS_MISSING": 0,
                      "PHOTOS_REJECTED": 0, "REFUSED": 0}
    assert report == [("premises", 0, 0, 1, 0), ("premise_observations", 0, 2, 1, 1),
                      ("premise_lineage", 0, 0, 0, 0)]
    conn = gpkg.connect(shared)
    a2 = conn.execute("SELECT uuid FROM premise_observations WHERE premise_uuid = 'a2' AND "
                      "campaign_uuid = ?", (campaign,)).fetchone()[0]
    assert len(conflicts) == 1
    assert conflicts[0][:7] == ("premise_observations", a2, "sign_name", "update_update",
                                "Mode & Co", "Mode & Cie", "Mode et Co")
    assert conflicts[0][7].startswith("first synchronised wins") and conflicts[0][8] == "bob"

    state = {r[0]: tuple(r[1:]) for r in conn.execute(
        "SELECT premise_uuid, status, sign_name, chain_type, visit_state, agent FROM "
        "premise_observations WHERE campaign_uuid = ?", (campaign,))}
    assert state == {
        "a1": ("vacant", None, "independent", "changed", "alice"),
        "a2": ("occupied", "Mode & Cie", "chain", "changed", "alice"),
        "a3": ("vacant", None, None, "to_confirm", None),
        "a4": ("occupied", "Librairie", "independent", "to_confirm", None),
        "b1": ("occupied", "Boulangerie", "independent", "confirmed", "bob"),
        "n1": ("occupied", None, None, "new", "alice"),
    }
    assert rows(conn, "SELECT uuid FROM premises WHERE uuid IN ('b2', 'n1')") == [("n1",)]
    assert rows(conn, "SELECT column_name, kept_value, rejected_value FROM sync_conflicts") == [
        ("sign_name", "Mode & Cie", "Mode et Co")]
    assert rows(conn, "SELECT agent, state FROM field_packages ORDER BY agent") == [
        ("alice", "imported"), ("bob", "imported")]
    conn.close()
    validate_gpkg(shared)

    before = sha(shared)
    with pytest.raises(QgsProcessingException, match="refused.*already synchronised"):
        synchronise(run_alg, shared, bob)
    assert sha(shared) == before

    progress = run_alg("campaign_progress", {"GEOPACKAGE": str(shared),
                                             "OUTPUT_CENTRALITIES": "memory:",
                                             "OUTPUT_AGENTS": "memory:"})
    assert (progress["TOTAL"], progress["VISITED"], progress["TO_VISIT"]) == (6, 4, 2)


def test_synchronise_refusals(site, run_alg, tmp_path):
    shared, _campaign = site
    folder = tmp_path / "alice"
    prepare(run_alg, shared, folder, "alice", "Centre")
    with pytest.raises(QgsProcessingException, match="not a field package"):
        synchronise(run_alg, shared, tmp_path)
    conn = gpkg.connect(shared)
    with gpkg.transaction(conn):
        conn.execute("ALTER TABLE premises ADD COLUMN facade_colour TEXT")
    conn.close()
    before = sha(shared)
    with pytest.raises(QgsProcessingException, match="refused, nothing was written: schema "
                                                     "mismatch"):
        synchronise(run_alg, shared, folder)
    assert sha(shared) == before


def test_synchronise_without_pygeodiff_names_the_package(site, run_alg, tmp_path,
                                                         monkeypatch):
    from observatoire_commerce import dependencies

    shared, _campaign = site
    folder = tmp_path / "alice"
    prepare(run_alg, shared, folder, "alice", "Centre")
    monkeypatch.setattr(dependencies, "missing",
                        lambda names: [n for n in names if n == "pygeodiff"])
    with pytest.raises(QgsProcessingException, match="pygeodiff"):
        synchronise(run_alg, shared, folder)


def test_synchronise_never_migrates_the_shared_file(site, run_alg, tmp_path, monkeypatch):
    """A plugin newer than the file (a migration pending): the synchronisation works on the
    file as it is (the schema is frozen while packages are out), and a refusal that says
    "nothing was written" is true: the file was not migrated either."""
    from observatoire_commerce.store import migrations, observatory

    shared, campaign = site
    folder = tmp_path / "alice"
    prepare(run_alg, shared, folder, "alice", "Centre")
    play(folder, [set_obs("a1", campaign, visit_state="confirmed", agent="alice")])
    version = observatory.LATEST_VERSION

    def pending(conn, srs_id):
        conn.execute("ALTER TABLE premises ADD COLUMN facade_colour TEXT")
    monkeypatch.setitem(migrations.MIGRATIONS, version + 1, pending)
    monkeypatch.setattr(observatory, "LATEST_VERSION", version + 1)
    result, _report, _conflicts = synchronise(run_alg, shared, folder)
    assert result["EDITS"] == 1
    conn = gpkg.connect(shared)
    assert observatory.schema_version(conn) == version
    assert "facade_colour" not in gpkg.column_names(conn, "premises")
    conn.close()
    before = sha(shared)
    with pytest.raises(QgsProcessingException, match="refused, nothing was written.*already "
                                                     "synchronised"):
        synchronise(run_alg, shared, folder)
    assert sha(shared) == before


def test_synchronise_with_the_file_locked_gives_a_message(site, run_alg, tmp_path, monkeypatch):
    import sqlite3

    from observatoire_commerce.fieldwork import sync as field_sync

    shared, campaign = site
    folder = tmp_path / "alice"
    prepare(run_alg, shared, folder, "alice", "Centre")
    play(folder, [set_obs("a1", campaign, visit_state="confirmed", agent="alice")])
    monkeypatch.setattr(field_sync, "WRITE_TIMEOUT", 0.2)
    writer = sqlite3.connect(str(shared), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(QgsProcessingException, match="Synchronisation failed, the shared "
                                                         "GeoPackage is unchanged: socle.gpkg "
                                                         "is locked by another program"):
            synchronise(run_alg, shared, folder)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    result, _report, _conflicts = synchronise(run_alg, shared, folder)  # once it is free
    assert result["EDITS"] == 1


def test_prepare_on_a_read_only_file_gives_a_message(site, run_alg, tmp_path, monkeypatch):
    import sqlite3

    from observatoire_commerce.store import fieldwork as store_fieldwork

    shared, _campaign = site

    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")
    monkeypatch.setattr(store_fieldwork, "register_package", read_only)
    before = sha(shared)
    with pytest.raises(QgsProcessingException, match="could not be prepared: the field package "
                                                     "could not be written: socle.gpkg cannot "
                                                     "be written"):
        prepare(run_alg, shared, tmp_path / "alice", "alice", "Centre")
    assert sha(shared) == before
    assert not (tmp_path / "alice").exists()
    assert not list((shared.parent / "socle.field_bases").glob("*.gpkg"))
