"""Vacancy rates on a hand-built fixture (analysis and store levels)."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.vacancy import vacancy_rates
from observatoire_commerce.jobs import vacancy
from observatoire_commerce.store import geometry, gpkg, observatory


def obs(rows):
    return pd.DataFrame(rows, columns=["premise", "campaign", "status"])


def test_rates_by_hand():
    # zone A: 4 premises in 2021 (1 vacant) -> 25 %; 2022: p4 demolished (excluded),
    # p1 and p2 vacant -> 2 / 3 = 66.67 %. zone B holds nothing -> 0 premises, NULL rate.
    # p5 lies outside every zone: 2021 vacant (1/1 = 100 %), 2022 occupied (0 %).
    table = vacancy_rates(
        obs([("p1", 2021, "vacant"), ("p2", 2021, "occupied"), ("p3", 2021, "works"),
             ("p4", 2021, "occupied"), ("p5", 2021, "vacant"),
             ("p1", 2022, "vacant"), ("p2", 2022, "vacant"), ("p3", 2022, "occupied"),
             ("p4", 2022, "demolished"), ("p5", 2022, "occupied")]),
        {"p1": "A", "p2": "A", "p3": "A", "p4": "A"}, ["A", "B"], [2021, 2022])
    assert table.to_dict("records") == [
        {"zone": "A", "campaign": 2021, "premises": 4, "vacant": 1, "vacancy_rate": 25.0},
        {"zone": "A", "campaign": 2022, "premises": 3, "vacant": 2,
         "vacancy_rate": pytest.approx(200 / 3)},
        {"zone": "B", "campaign": 2021, "premises": 0, "vacant": 0, "vacancy_rate": None},
        {"zone": "B", "campaign": 2022, "premises": 0, "vacant": 0, "vacancy_rate": None},
        {"zone": None, "campaign": 2021, "premises": 1, "vacant": 1, "vacancy_rate": 100.0},
        {"zone": None, "campaign": 2022, "premises": 1, "vacant": 0, "vacancy_rate": 0.0},
    ]


def test_works_counted_as_vacant_when_asked():
    table = vacancy_rates(obs([("p1", 1, "works"), ("p2", 1, "occupied")]), {"p1": "A", "p2": "A"},
                          ["A"], [1], vacant_statuses=("vacant", "works"))
    assert table.loc[0, "vacancy_rate"] == 50.0


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="status"):
        vacancy_rates(pd.DataFrame({"premise": [], "campaign": []}), {}, [], [])


def square(x, y, size):
    return [[np.array([[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]],
                      dtype=float)]]


def build_fixture(path):
    """Two centralities with premises, an empty one, and one premise outside."""
    observatory.create_observatory(path, "Fixture")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for uid, name, level, (x, y) in (("cA", "Centre", "primary", (0, 0)),
                                         ("cB", "Gare", "secondary", (1000, 0)),
                                         ("cE", "Vide", "tertiary", (5000, 5000))):
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (uid, name, level, geometry.encode("multipolygon", square(x, y, 100),
                                                            2154)))
        for uid, x, y, area in (("p1", 10, 10, 50), ("p2", 20, 20, 150), ("p3", 30, 30, 100),
                                ("p4", 1010, 10, 80), ("p5", 1020, 20, 80),
                                ("p6", 3000, 3000, 60)):
            conn.execute("INSERT INTO premises (uuid, floor_area, geom) VALUES (?,?,?)",
                         (uid, area, geometry.encode_point(x, y, 2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date) VALUES "
                     "('k1', 'Inventaire 2023', 2023, '2023-10-01'), "
                     "('k2', 'Inventaire 2024', 2024, '2024-10-01')")
        statuses = {"k1": ["vacant", "occupied", "occupied", "vacant", "vacant", "vacant"],
                    "k2": ["occupied", "occupied", "vacant", "vacant", "occupied", "occupied"]}
        for campaign, values in statuses.items():
            for i, status in enumerate(values, start=1):
                conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid,"
                             " status) VALUES (?,?,?,?)", (f"o{campaign}{i}", f"p{i}", campaign,
                                                          status))
    return conn


def test_store_job_by_hand_and_indicators(tmp_path):
    conn = build_fixture(tmp_path / "f.gpkg")
    table = vacancy.compute(conn)
    got = [(r.centrality, r.campaign, r.premises, r.vacant,
            None if r.vacancy_rate is None else round(r.vacancy_rate, 2))
           for r in table.itertuples()]
    assert got == [
        ("Centre", "Inventaire 2023", 3, 1, 33.33), ("Centre", "Inventaire 2024", 3, 1, 33.33),
        ("Gare", "Inventaire 2023", 2, 2, 100.0), ("Gare", "Inventaire 2024", 2, 1, 50.0),
        ("Vide", "Inventaire 2023", 0, 0, None), ("Vide", "Inventaire 2024", 0, 0, None),
        (None, "Inventaire 2023", 1, 1, 100.0), (None, "Inventaire 2024", 1, 0, 0.0)]
    rows = conn.execute("SELECT scope, value FROM indicators WHERE indicator='vacancy_rate' "
                        "AND period='Inventaire 2024' ORDER BY scope, value").fetchall()
    assert [tuple(r) for r in rows] == [("centrality", None), ("centrality", 33.333333333333336),
                                        ("centrality", 50.0), ("outside", 0.0)]
    vacancy.compute(conn)  # recomputing replaces, never duplicates
    # 8 rows (3 centralities + outside, 2 campaigns) × 9 indicators (store.vacancy.INDICATORS)
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] == 8 * 9
