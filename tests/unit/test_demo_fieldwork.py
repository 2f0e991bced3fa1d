"""The demo fieldwork scenario with the store alone: every kind of edit arrives, one conflict."""

import pytest

from observatoire_commerce import sample_territory as demo
from observatoire_commerce.sample_territory import fieldwork
from observatoire_commerce.store import gpkg

from ..conftest import validate_gpkg


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    pytest.importorskip("pygeodiff")
    folder = tmp_path_factory.mktemp("fieldwork")
    shared = folder / "observatoire.gpkg"
    demo.generate(shared)
    return shared, fieldwork.run(shared, folder / "field_packages")


def test_campaign_opened_from_2024(scenario):
    _shared, result = scenario
    opened = result["campaign"]
    assert opened["name"] == "Inventaire 2025"
    assert opened["without_history"] == 1  # the duplicate premise the office recorded


def test_every_edit_arrives_and_one_conflict_is_reported(scenario):
    shared, result = scenario
    camille, yanis = result["edits"]["camille"], result["edits"]["yanis"]
    assert camille == {"confirmed": 399, "changed": 23, "new_premises": 1,
                       "deleted_premises": 0, "photos": 22}
    reports = result["reports"]
    assert reports["camille"].applied == {
        "premise_observations": {"insert": 1, "update": 422, "delete": 0},
        "premises": {"insert": 1, "update": 0, "delete": 0}}
    assert reports["camille"].conflicts == [] and len(reports["camille"].photos_copied) == 22
    assert reports["yanis"].applied["premises"] == {"insert": 0, "update": 0, "delete": 1}
    assert reports["yanis"].applied["premise_observations"]["update"] == \
        yanis["confirmed"] + yanis["changed"] + 2
    [conflict] = reports["yanis"].conflicts
    assert (conflict["column"], conflict["kept_value"], conflict["rejected_value"]) == (
        "sign_name", "Le Comptoir du Marché", "Comptoir du Marché")
    conn = gpkg.connect(shared)
    first, _second = fieldwork.shared_premises(conn, result["campaign"]["uuid"])
    row = conn.execute("SELECT sign_name, chain_type FROM premise_observations WHERE "
                       "premise_uuid = ? AND campaign_uuid = ?",
                       (first, result["campaign"]["uuid"])).fetchone()
    assert tuple(row) == ("Maison Dupont", "franchise")  # both agents' fields arrived
    assert conn.execute("SELECT count(*) FROM premises WHERE notes = ?",
                        (fieldwork.DUPLICATE_ADDRESS_NOTE,)).fetchone()[0] == 0
    conn.close()
    assert (shared.parent / reports["camille"].photos_copied[0]).is_file()
    validate_gpkg(shared)


def test_progress_after_both_syncs(scenario):
    _shared, result = scenario
    totals = result["progress"]["totals"]
    assert totals["new"] == 1
    assert totals["confirmed"] + totals["changed"] + totals["new"] + totals["to_visit"] == \
        totals["total"]
    by_agent = {r["agent"]: r for r in result["progress"]["by_agent"]}
    assert by_agent["Yanis Benali"]["to_visit"] == fieldwork.YANIS_LEFT_TO_VISIT
