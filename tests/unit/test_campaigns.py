"""Campaigns on a hand-built observatory: pre-fill, progress counts, closing.

Centrality A = square x 0..100, B = square x 200..300 (y 0..100, offset to Lambert-93).
  p1 (10, 10)  A  2022 occupied/equipement_personne "Ancien", 2024 occupied/alimentaire "Epicerie"
  p2 (20, 20)  A  2024 vacant
  p3 (30, 30)  A  retired -> no observation
  p4 (50, 50)  A  never observed -> status unknown
  p5 (210, 10) B  2024 occupied/culture_loisirs "Librairie", franchise
  p6 (250, 50) B  2022 vacant, 2024 occupied "Boulangerie" (latest wins)
  p7 (500, 500) outside every centrality, 2024 occupied
"""

from __future__ import annotations

import pytest

from observatoire_commerce.jobs import campaigns
from observatoire_commerce.store import campaigns as store_campaigns
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0

PREMISES = {"p1": (10, 10), "p2": (20, 20), "p3": (30, 30), "p4": (50, 50),
            "p5": (210, 10), "p6": (250, 50), "p7": (500, 500)}
# (premise, campaign, status, activity group, naf, sign, chain type)
HISTORY = [
    ("p1", "c2022", "occupied", "equipement_personne", "47.71Z", "Ancien", "independent"),
    ("p1", "c2024", "occupied", "alimentaire", "47.11B", "Epicerie", "independent"),
    ("p2", "c2024", "vacant", None, None, None, None),
    ("p5", "c2024", "occupied", "culture_loisirs", "47.61Z", "Librairie", "franchise"),
    ("p6", "c2022", "vacant", None, None, None, None),
    ("p6", "c2024", "occupied", "alimentaire", "10.71C", "Boulangerie", "independent"),
    ("p7", "c2024", "occupied", "alimentaire", "47.11F", "Hyper", "chain"),
]


def square(x, y, size=100.0):
    ring = [(X0 + x, Y0 + y), (X0 + x + size, Y0 + y), (X0 + x + size, Y0 + y + size),
            (X0 + x, Y0 + y + size), (X0 + x, Y0 + y)]
    return encode("multipolygon", [[ring]], 2154)


@pytest.fixture
def conn(tmp_path):
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Testville", 2154)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        if "visit_state" not in gpkg.column_names(conn, "premise_observations"):
            campaigns.migrate_v3(conn, 2154)
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('A', 'Centre', 'primary', ?), ('B', 'Gare', 'secondary', ?)",
                     (square(0, 0), square(200, 0)))
        for uid, (x, y) in PREMISES.items():
            conn.execute("INSERT INTO premises (uuid, geom, retired_at) VALUES (?, ?, ?)",
                         (uid, encode_point(X0 + x, Y0 + y, 2154),
                          "2023-01-01" if uid == "p3" else None))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('c2022', '2022', 2022, '2022-03-01', '2022-04-01', 'closed'), "
                     "('c2024', '2024', 2024, '2024-03-01', '2024-04-01', 'closed')")
        for i, (premise, camp, status, group, naf, sign, chain) in enumerate(HISTORY):
            conn.execute(
                "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
                "activity_group, naf_code, sign_name, chain_type, photo, agent, observed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DCIM/old.jpg', 'old agent', '2024-03-05')",
                (f"h{i}", premise, camp, status, group, naf, sign, chain))
    yield conn
    conn.close()


def observations(conn, campaign_uuid):
    return {r["premise_uuid"]: dict(r) for r in conn.execute(
        "SELECT * FROM premise_observations WHERE campaign_uuid = ?", (campaign_uuid,))}


def test_migrate_v3_schema(conn):
    cols = gpkg.column_names(conn, "premise_observations")
    assert {"visit_state", "prefilled_from_uuid", "assigned_agent"} <= set(cols)
    assert {"perimeter", "closed_at"} <= set(gpkg.column_names(conn, "campaigns"))
    for table in ("field_packages", "sync_conflicts"):
        cols = gpkg.column_names(conn, table)
        assert cols[:2] == ["fid", "uuid"]
        assert conn.execute("SELECT data_type FROM gpkg_contents WHERE table_name = ?",
                            (table,)).fetchone()[0] == "attributes"
    domains = dict(conn.execute("SELECT table_name || '.' || column_name, constraint_name "
                                "FROM gpkg_data_columns").fetchall())
    assert domains["premise_observations.visit_state"] == "visit_state"
    assert domains["field_packages.state"] == "field_package_state"
    assert domains["sync_conflicts.kind"] == "sync_conflict_kind"
    states = [r[0] for r in conn.execute("SELECT DISTINCT visit_state FROM premise_observations")]
    assert states == ["confirmed"]  # past observations count as confirmed visits


def test_open_campaign_prefills_from_the_latest_observation(conn):
    result = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["A", "B"])
    assert {k: result[k] for k in ("observations", "prefilled", "without_history")} == {
        "observations": 5, "prefilled": 4, "without_history": 1}
    obs = observations(conn, result["uuid"])
    assert sorted(obs) == ["p1", "p2", "p4", "p5", "p6"]  # p3 retired, p7 outside
    cols = ("status", "activity_group", "naf_code", "sign_name", "chain_type")
    assert tuple(obs["p1"][c] for c in cols) == ("occupied", "alimentaire", "47.11B", "Epicerie",
                                                 "independent")
    assert obs["p1"]["prefilled_from_uuid"] == "h1"
    assert tuple(obs["p2"][c] for c in cols) == ("vacant", None, None, None, None)
    assert tuple(obs["p4"][c] for c in cols) == ("unknown", None, None, None, None)
    assert obs["p4"]["prefilled_from_uuid"] is None
    assert tuple(obs["p5"][c] for c in cols) == ("occupied", "culture_loisirs", "47.61Z",
                                                 "Librairie", "franchise")
    assert obs["p6"]["sign_name"] == "Boulangerie" and obs["p6"]["prefilled_from_uuid"] == "h5"
    for row in obs.values():  # the visit itself is not copied
        assert row["visit_state"] == "to_confirm"
        assert row["agent"] is None and row["photo"] is None and row["observed_at"] is None
    camp = store_campaigns.find(conn, result["uuid"])
    assert (camp["state"], camp["year"], camp["perimeter"]) == ("open", 2025, ["A", "B"])


def test_open_campaign_on_the_whole_territory(conn):
    result = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30")
    assert sorted(observations(conn, result["uuid"])) == ["p1", "p2", "p4", "p5", "p6", "p7"]
    assert store_campaigns.find(conn, result["uuid"])["perimeter"] is None


def test_open_campaign_refusals_write_nothing(conn):
    before = conn.execute("SELECT count(*) FROM campaigns").fetchone()[0]
    with pytest.raises(campaigns.CampaignError, match="unknown centrality uuid"):
        campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["Z"])
    with pytest.raises(campaigns.CampaignError, match="before start date"):
        campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-01-01")
    with pytest.raises(campaigns.CampaignError, match="already exists"):
        campaigns.open_campaign(conn, "2024", "2025-03-01", "2025-04-30")
    with pytest.raises(campaigns.CampaignError, match="not a date"):
        campaigns.open_campaign(conn, "2025", "March", "2025-04-30")
    assert conn.execute("SELECT count(*) FROM campaigns").fetchone()[0] == before


def visit(conn, premise, campaign_uuid, state, agent=None, assigned=None):
    with gpkg.transaction(conn):
        conn.execute("UPDATE premise_observations SET visit_state = ?, agent = ?, "
                     "assigned_agent = ? WHERE premise_uuid = ? AND campaign_uuid = ?",
                     (state, agent, assigned, premise, campaign_uuid))


def test_progress_per_centrality_and_agent(conn):
    c = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["A", "B"])["uuid"]
    visit(conn, "p1", c, "confirmed", "alice")
    visit(conn, "p2", c, "changed", "alice")
    visit(conn, "p4", c, "to_confirm", assigned="alice")
    visit(conn, "p5", c, "confirmed", "bob")
    with gpkg.transaction(conn):  # a premise found in the field by Bob, in A
        conn.execute("INSERT INTO premises (uuid, geom) VALUES ('p8', ?)",
                     (encode_point(X0 + 60, Y0 + 60, 2154),))
        conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                     "status, agent, visit_state) VALUES ('n8', 'p8', ?, 'occupied', 'bob', "
                     "'new')", (c,))
    progress = campaigns.campaign_progress(conn, c)
    assert progress["campaign"] == {"uuid": c, "name": "2025", "state": "open"}
    assert progress["totals"] == {"total": 6, "confirmed": 2, "changed": 1, "to_visit": 2,
                                  "new": 1, "completeness": 0.6667}
    assert progress["by_centrality"] == [
        {"centrality_uuid": "A", "centrality": "Centre", "total": 4, "confirmed": 1,
         "changed": 1, "to_visit": 1, "new": 1, "completeness": 0.75},
        {"centrality_uuid": "B", "centrality": "Gare", "total": 2, "confirmed": 1,
         "changed": 0, "to_visit": 1, "new": 0, "completeness": 0.5},
    ]
    assert progress["by_agent"] == [
        {"agent": "alice", "total": 3, "confirmed": 1, "changed": 1, "to_visit": 1, "new": 0,
         "completeness": 0.6667},
        {"agent": "bob", "total": 2, "confirmed": 1, "changed": 0, "to_visit": 0, "new": 1,
         "completeness": 1.0},
        {"agent": None, "total": 1, "confirmed": 0, "changed": 0, "to_visit": 1, "new": 0,
         "completeness": 0.0},
    ]


def test_close_refused_while_unconfirmed_then_forced(conn):
    c = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["B"])["uuid"]
    visit(conn, "p5", c, "confirmed", "bob")
    with pytest.raises(campaigns.CampaignError, match="1 observation"):
        campaigns.close_campaign(conn, c)
    assert store_campaigns.find(conn, c)["state"] == "open"
    result = campaigns.close_campaign(conn, c, force=True)
    assert (result["unconfirmed"], result["forced"]) == (1, True)
    camp = store_campaigns.find(conn, c)
    assert camp["state"] == "closed" and camp["closed_at"] == result["closed_at"]
    with pytest.raises(campaigns.CampaignError, match="already closed"):
        campaigns.close_campaign(conn, c, force=True)


def test_close_when_everything_is_visited(conn):
    c = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["B"])["uuid"]
    visit(conn, "p5", c, "confirmed", "bob")
    visit(conn, "p6", c, "changed", "bob")
    result = campaigns.close_campaign(conn, c)
    assert (result["unconfirmed"], result["forced"]) == (0, False)
