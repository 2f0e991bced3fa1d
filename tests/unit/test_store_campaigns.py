"""store.campaigns.find: the one campaign lookup of every layer."""

import pytest

from observatoire_commerce.store import campaigns, gpkg, observatory, tables


@pytest.fixture
def conn(tmp_path):
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Test", 2154)
    connection = gpkg.connect(path)
    with gpkg.transaction(connection):
        campaigns.create(connection, "Inventaire 2023", 2023)
        campaigns.create(connection, "Inventaire 2021", 2021, perimeter=["c1"])
        uid = campaigns.create(connection, "Inventaire 2024", 2024)
        tables.update(connection, "campaigns", "uuid", [{"uuid": uid, "state": "closed"}])
    yield connection
    connection.close()


def test_lookup_by_name_uuid_latest_and_single_open(conn):
    assert [c["name"] for c in campaigns.all_campaigns(conn)] == [
        "Inventaire 2021", "Inventaire 2023", "Inventaire 2024"]
    first = campaigns.find(conn, "Inventaire 2021")
    assert first["perimeter"] == ["c1"] and first["state"] == "open"
    assert campaigns.find(conn, first["uuid"])["name"] == "Inventaire 2021"
    assert campaigns.find(conn, "")["name"] == "Inventaire 2024"
    assert campaigns.find(conn, None, when_empty=None) is None
    with pytest.raises(campaigns.CampaignLookupError,
                       match=r"2 campaigns are open \(Inventaire 2021, Inventaire 2023\)"):
        campaigns.find(conn, None, when_empty="single_open")
    with pytest.raises(campaigns.CampaignLookupError,
                       match="unknown campaign 'Inventaire 2030'; campaigns in the GeoPackage: "
                             "Inventaire 2021, Inventaire 2023, Inventaire 2024"):
        campaigns.find(conn, "Inventaire 2030")
    with pytest.raises(campaigns.CampaignLookupError, match="is closed"):
        campaigns.find(conn, "Inventaire 2024", open_only=True)
