"""open_campaign, campaign_progress and close_campaign through processing.run (hand-built site).

Site (see fieldwork_site): Centre holds a1..a4, Gare holds b1 and b2, o1 lies outside; campaign
2024 observed every premise but b2.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce.store import gpkg

from ..conftest import validate_gpkg
from .fieldwork_site import build_site, rows, sha


@pytest.fixture
def site(tmp_path, qgis_app):
    return build_site(tmp_path / "socle.gpkg")


def open_2025(run_alg, path, centralities="Centre, Gare"):
    return run_alg("open_campaign", {"GEOPACKAGE": str(path), "NAME": "Inventaire 2025",
                                     "START_DATE": "2025-03-01", "END_DATE": "2025-04-30",
                                     "CENTRALITIES": centralities})


def test_open_campaign_prefills_every_observation(site, run_alg):
    result = open_2025(run_alg, site)
    campaign = result.pop("CAMPAIGN_UUID")
    assert result == {"OBSERVATIONS": 6, "PREFILLED": 5, "WITHOUT_HISTORY": 1}
    conn = gpkg.connect(site)
    got = rows(conn, "SELECT premise_uuid, status, activity_group, sign_name, chain_type, "
                     "visit_state, prefilled_from_uuid FROM premise_observations "
                     "WHERE campaign_uuid = ? ORDER BY premise_uuid", (campaign,))
    perimeter = conn.execute("SELECT perimeter, state FROM campaigns WHERE uuid = ?",
                             (campaign,)).fetchone()
    conn.close()
    assert got == [
        ("a1", "occupied", "alimentaire", "Epicerie Martin", "independent", "to_confirm",
         "o24-a1"),
        ("a2", "occupied", "equipement_personne", "Mode & Co", "independent", "to_confirm",
         "o24-a2"),
        ("a3", "vacant", None, None, None, "to_confirm", "o24-a3"),
        ("a4", "occupied", "culture_loisirs", "Librairie", "independent", "to_confirm",
         "o24-a4"),
        ("b1", "occupied", "alimentaire", "Boulangerie", "independent", "to_confirm", "o24-b1"),
        ("b2", "unknown", None, None, None, "to_confirm", None),
    ]
    assert tuple(perimeter) == ('["A", "B"]', "open")
    validate_gpkg(site)


def test_open_campaign_whole_territory(site, run_alg):
    result = open_2025(run_alg, site, centralities="")
    assert (result["OBSERVATIONS"], result["PREFILLED"], result["WITHOUT_HISTORY"]) == (7, 6, 1)


def test_open_campaign_refusals_leave_the_file_unchanged(site, run_alg):
    before = sha(site)
    with pytest.raises(QgsProcessingException, match="Unknown centrality name.*Plage.*Centre, "
                                                     "Gare"):
        open_2025(run_alg, site, centralities="Centre, Plage")
    with pytest.raises(QgsProcessingException, match="end date 2025-01-01 is before"):
        run_alg("open_campaign", {"GEOPACKAGE": str(site), "NAME": "X",
                                  "START_DATE": "2025-03-01", "END_DATE": "2025-01-01"})
    with pytest.raises(QgsProcessingException, match="not a date"):
        run_alg("open_campaign", {"GEOPACKAGE": str(site), "NAME": "X",
                                  "START_DATE": "1er mars", "END_DATE": "2025-01-01"})
    with pytest.raises(QgsProcessingException, match="A campaign named 2024 already exists"):
        run_alg("open_campaign", {"GEOPACKAGE": str(site), "NAME": "2024",
                                  "START_DATE": "2025-03-01", "END_DATE": "2025-04-30"})
    assert sha(site) == before


def test_open_campaign_dates_are_date_parameters(site, run_alg):
    """Dates as Processing date parameters (issue 13): the toolbox and models give dates,
    qgis_process the text YYYY-MM-DD (the other tests); both store the same days."""
    from qgis.core import QgsApplication, QgsProcessingParameterDateTime
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    alg = QgsApplication.processingRegistry().algorithmById("observatoire:open_campaign")
    for key in ("START_DATE", "END_DATE"):
        param = alg.parameterDefinition(key)
        assert isinstance(param, QgsProcessingParameterDateTime)
        assert param.dataType() == QgsProcessingParameterDateTime.Date
    campaign = run_alg("open_campaign", {
        "GEOPACKAGE": str(site), "NAME": "Inventaire 2025", "START_DATE": QDate(2025, 3, 1),
        "END_DATE": QDateTime(QDate(2025, 4, 30), QTime(0, 0))})["CAMPAIGN_UUID"]
    conn = gpkg.connect(site)
    dates = conn.execute("SELECT start_date, end_date FROM campaigns WHERE uuid = ?",
                         (campaign,)).fetchone()
    conn.close()
    assert tuple(dates) == ("2025-03-01", "2025-04-30")


def test_campaign_progress_per_centrality_and_agent(site, run_alg):
    campaign = open_2025(run_alg, site)["CAMPAIGN_UUID"]
    conn = gpkg.connect(site)
    with gpkg.transaction(conn):
        for premise, state, agent in (("a1", "confirmed", "alice"), ("a2", "changed", "alice"),
                                      ("b1", "confirmed", "bob")):
            conn.execute("UPDATE premise_observations SET visit_state = ?, agent = ? WHERE "
                         "premise_uuid = ? AND campaign_uuid = ?", (state, agent, premise,
                                                                    campaign))
        conn.execute("UPDATE premise_observations SET assigned_agent = 'bob' WHERE "
                     "premise_uuid = 'b2' AND campaign_uuid = ?", (campaign,))
    conn.close()
    result = run_alg("campaign_progress", {"GEOPACKAGE": str(site),
                                           "OUTPUT_CENTRALITIES": "memory:",
                                           "OUTPUT_AGENTS": "memory:"})
    by_centrality = [tuple(f.attributes()) for f in result.pop(
        "OUTPUT_CENTRALITIES").getFeatures()]
    by_agent = [tuple(f.attributes()) for f in result.pop("OUTPUT_AGENTS").getFeatures()]
    assert result == {"CAMPAIGN_UUID": campaign, "TOTAL": 6, "VISITED": 3, "TO_VISIT": 3,
                      "COMPLETENESS": 50.0}
    # total, confirmed, changed, to visit, new, completeness %
    assert by_centrality == [
        ("A", "Centre", "centrality", 4, 1, 1, 2, 0, 50.0),
        ("B", "Gare", "centrality", 2, 1, 0, 1, 0, 50.0),
        (None, "(whole campaign)", "total", 6, 2, 1, 3, 0, 50.0),
    ]
    assert by_agent == [
        ("alice", "agent", 2, 1, 1, 0, 0, 100.0),
        ("bob", "agent", 2, 1, 0, 1, 0, 50.0),
        (None, "unassigned", 2, 0, 0, 2, 0, 0.0),
        ("(whole campaign)", "total", 6, 2, 1, 3, 0, 50.0),
    ]


def test_campaign_progress_needs_a_campaign_name_when_none_or_many_are_open(site, run_alg):
    with pytest.raises(QgsProcessingException, match="Choose the campaign: 0 campaigns are open"):
        run_alg("campaign_progress", {"GEOPACKAGE": str(site), "OUTPUT_CENTRALITIES": "memory:",
                                      "OUTPUT_AGENTS": "memory:"})
    with pytest.raises(QgsProcessingException, match="Unknown campaign '2030'"):
        run_alg("campaign_progress", {"GEOPACKAGE": str(site), "CAMPAIGN": "2030",
                                      "OUTPUT_CENTRALITIES": "memory:",
                                      "OUTPUT_AGENTS": "memory:"})


def test_close_campaign_refused_while_unconfirmed_unless_forced(site, run_alg):
    campaign = open_2025(run_alg, site)["CAMPAIGN_UUID"]
    before = sha(site)
    with pytest.raises(QgsProcessingException, match="still has 6 observation"):
        run_alg("close_campaign", {"GEOPACKAGE": str(site), "CAMPAIGN": "Inventaire 2025"})
    assert sha(site) == before
    result = run_alg("close_campaign", {"GEOPACKAGE": str(site), "CAMPAIGN": "Inventaire 2025",
                                        "FORCE": True})
    closed_at = result.pop("CLOSED_AT")
    assert result == {"CAMPAIGN_UUID": campaign, "UNCONFIRMED": 6}
    conn = gpkg.connect(site)
    assert tuple(conn.execute("SELECT state, closed_at FROM campaigns WHERE uuid = ?",
                              (campaign,)).fetchone()) == ("closed", closed_at)
    conn.close()
    with pytest.raises(QgsProcessingException, match="already closed"):
        run_alg("close_campaign", {"GEOPACKAGE": str(site), "CAMPAIGN": "Inventaire 2025"})
    validate_gpkg(site)


def test_close_campaign_when_every_observation_is_visited(site, run_alg):
    campaign = open_2025(run_alg, site)["CAMPAIGN_UUID"]
    conn = gpkg.connect(site)
    with gpkg.transaction(conn):
        conn.execute("UPDATE premise_observations SET visit_state = 'confirmed' WHERE "
                     "campaign_uuid = ?", (campaign,))
    conn.close()
    result = run_alg("close_campaign", {"GEOPACKAGE": str(site)})
    assert result["UNCONFIRMED"] == 0 and result["CAMPAIGN_UUID"] == campaign
