"""The vacancy job on a hand-built GeoPackage (the formulas: test_vacancy_dynamics.py)."""

import numpy as np

from observatoire_commerce.jobs import vacancy
from observatoire_commerce.store import geometry, gpkg, observatory


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
