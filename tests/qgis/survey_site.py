"""The hand-built three-zone survey observatory of ``test_survey_analysis_algorithms`` (its
docstring works the figures out) and what tests add to it: answers to the opinion questions,
a planted typology, producers, grid cells and a home zones layer, spending per household.

Home zones 86001 (A), 86002 (B), 86003 (C): 10, 12 and 15 respondents (r01–r10, r11–r22,
r23–r37), populations 1 000, 600 and 300 in ``survey_margins``: raked to the zones alone the
weights are 100, 50 and 20. Everyone was interviewed in the Centre, visits it; B and C visit
Bourg; the first five of C (r23–r27) visit Gare.
"""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np
import pandas as pd

from observatoire_commerce.store import geometry, gpkg, observatory, survey_results

ZONES = {"86001": range(1, 11), "86002": range(11, 23), "86003": range(23, 38)}
WEIGHT = {"86001": 100.0, "86002": 50.0, "86003": 20.0}
SRS = 2154


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _value(v):
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def features(layer) -> list:
    """Attributes of every feature as dicts (NULL as None)."""
    names = layer.fields().names()
    return [dict(zip(names, map(_value, f.attributes()))) for f in layer.getFeatures()]


# ------------------------------------------------------------------------ three-zone fixture

def _square(x0, y0, size):
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return geometry.encode("multipolygon", [[ring]], 2154)


FOOD = {"86001": ["centre"] * 6 + ["online"] * 2 + ["periphery"] * 2,
        "86002": ["centre"] * 4 + ["bourg"] * 4 + ["other_town"] * 2 + ["online",
                                                                         "not_concerned"],
        "86003": ["centre"] * 3 + ["bourg"] * 6 + ["market_short_circuit"] * 3
        + ["other_town"] * 3}
MISSING = {"86001": ["none"] * 10,
           "86002": ["alimentaire"] * 6 + ["equipement_personne"] * 3 + ["none"] * 3,
           "86003": ["alimentaire"] * 3 + ["equipement_personne"] * 9 + ["none"] * 3}


def build_three_zones(path):
    """The three-zone observatory of the module docstring, answers imported, not weighted."""
    observatory.create_observatory(path, "Trois zones")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        cents = (("c-centre", "Centre", "primary", "centre", 500000),
                 ("c-bourg", "Bourg", "secondary", "bourg", 510000),
                 ("c-gare", "Gare", "secondary", "gare", 520000))
        for uid, name, level, code, x in cents:
            conn.execute("INSERT INTO centralities (uuid, name, level, code, geom) "
                         "VALUES (?,?,?,?,?)", (uid, name, level, code,
                                                _square(x, 6600000, 500)))
        conn.execute("INSERT INTO campaigns (uuid, name, year) VALUES ('camp', 'Inv', 2024)")
        shops = {"c-centre": {"alimentaire": 10, "equipement_personne": 20},
                 "c-bourg": {"alimentaire": 2},
                 "c-gare": {"alimentaire": 4, "equipement_personne": 2}}
        n = 0
        for uid, _name, _level, _code, x in cents:
            for group, count in shops[uid].items():
                for _ in range(count):
                    n += 1
                    conn.execute("INSERT INTO premises (uuid, geom) VALUES (?, ?)",
                                 (f"p{n}", geometry.encode("point", (x + 10 + n, 6600100),
                                                           2154)))
                    conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, "
                                 "campaign_uuid, status, activity_group) VALUES "
                                 "(?, ?, 'camp', 'occupied', ?)", (f"o{n}", f"p{n}", group))
        for uid, population in (("c-centre", 10000), ("c-bourg", 2000), ("c-gare", 1000)):
            conn.execute("INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, "
                         "period, value, unit, algorithm, computed_at) VALUES (?, "
                         "'centrality', ?, 'catchment_population_walk_10min', '2024', ?, "
                         "'inhabitants', 'observatoire:network_catchments', "
                         "'2024-06-01T00:00:00Z')", (f"i-{uid}", uid, population))
        survey_results.write_margins(conn, [
            {"margin": "home_zone", "category": zone, "population": pop, "source": "test",
             "year": 2024} for zone, pop in (("86001", 1000), ("86002", 600), ("86003", 300))])
        k = 0
        for zone, places in FOOD.items():
            for i, place in enumerate(places):
                k += 1
                uid = f"r{k:02d}"
                centre = place if place in ("centre", "bourg") else None
                answer = {"centre": "town_centre", "bourg": "neighbourhood"}.get(place, place)
                conn.execute(
                    "INSERT INTO survey_responses (uuid, consent, interview_mode, "
                    "interview_centrality, home_commune, age_band, occupation, "
                    "purchase_food_daily, purchase_food_daily_centrality, started_at) "
                    "VALUES (?, 'yes', 'street', 'centre', ?, '35_49', 'employee', ?, ?, "
                    "'2024-05-13T09:00:00')", (uid, zone, answer, centre))
                visited = ["centre"] + (["bourg"] if zone != "86001" else []) \
                    + (["gare"] if zone == "86003" and i < 5 else [])
                for code in visited:
                    conn.execute("INSERT INTO survey_centrality_visits (uuid, response_uuid, "
                                 "centrality_code, frequency, transport_mode) VALUES "
                                 "(?, ?, ?, 'weekly', 'walk')", (f"v-{uid}-{code}", uid, code))
                conn.execute("INSERT INTO survey_answers_multi (uuid, response_uuid, question, "
                             "choice) VALUES (?, ?, 'missing_groups', ?)",
                             (f"m-{uid}", uid, MISSING[zone][i]))
    conn.close()
    return path



def uid(k: int) -> str:
    """The uuid of respondent k (1–37)."""
    return f"r{k:02d}"


def zone_of(k: int) -> str:
    return next(z for z, ks in ZONES.items() if k in ks)


def add_answers(path, columns: dict, multi: dict = ()) -> None:
    """Set ``columns`` ({column: {k: value}}) of the respondents and add multiple-choice rows
    (``multi``: {question: {k: [choices]}})."""
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for column, values in columns.items():
            for k, value in values.items():
                conn.execute(f"UPDATE survey_responses SET {column} = ? WHERE uuid = ?",
                             (value, uid(k)))
        for question, answers in dict(multi).items():
            for k, choices in answers.items():
                for choice in choices:
                    conn.execute("INSERT INTO survey_answers_multi (uuid, response_uuid, "
                                 "question, choice) VALUES (?, ?, ?, ?)",
                                 (f"m-{question}-{k}-{choice}", uid(k), question, choice))
    conn.close()


def plant_typology(path, types: dict, names: dict, name: str = "planted") -> str:
    """A typology run of the latest weighting run: ``types`` {k: type} for every weighted
    respondent, ``names`` {type: name}; returns its uuid."""
    conn = observatory.open_observatory(path)
    try:
        run = survey_results.weighting_run(conn)
        table = [{"type": t, "name": n, "default_name": n,
                  "respondents": sum(1 for v in types.values() if v == t),
                  "weight": None, "share": None} for t, n in names.items()]
        with gpkg.transaction(conn):
            return survey_results.write_typology_run(
                conn, {"name": name, "period": "2024", "weighting_run_uuid": run["uuid"],
                       "questions": ["planted"], "n_types": len(names), "ncp": 1, "kk": None,
                       "chosen": 0, "respondents": len(types), "inertia_kept": None,
                       "consolidated": 0, "parameters": {}},
                pd.DataFrame(table),
                pd.DataFrame({"response_uuid": [uid(k) for k in types],
                              "type": list(types.values())}),
                pd.DataFrame(columns=["type", "question", "category", "cla_mod", "mod_cla",
                                      "global_share", "p_value", "v_test"]))
    finally:
        conn.close()


# home zones: squares of 10 km side, A around the Centre, B around Bourg, C around Gare
ZONE_SQUARES = {"86001": (495000, 6595000), "86002": (505000, 6595000),
                "86003": (515000, 6595000)}
ZONE_SIDE = 10000.0


def write_home_zones(path) -> str:
    """A GeoPackage layer ``home_zones`` (code; the three squares); returns the layer URI."""
    from observatoire_commerce.store import tables
    from observatoire_commerce.store.observatory import srs_definition

    conn = gpkg.create_container(path)
    try:
        with gpkg.transaction(conn):
            name, wkt = srs_definition(SRS)
            gpkg.register_srs(conn, SRS, name, "EPSG", SRS, wkt)
            gpkg.create_table(conn, "home_zones", "code TEXT NOT NULL UNIQUE",
                              description="Three test zones", geometry_type="MULTIPOLYGON",
                              srs_id=SRS)
            tables.insert(conn, "home_zones", ["code", "geom"], [
                (code, _square(x, y, ZONE_SIDE)) for code, (x, y) in ZONE_SQUARES.items()])
    finally:
        conn.close()
    return f"{path}|layername=home_zones"


def add_grid_cells(path, cells: dict) -> None:
    """One 200 m grid cell per zone: ``cells`` {zone: (inhabitants, households)}, the cell
    in the zone's south-west corner (its centre inside the zone), every inhabitant aged
    25–39."""
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for code, (ind, men) in cells.items():
            x, y = ZONE_SQUARES[code]
            ring = np.array([[x + 100, y + 100], [x + 300, y + 100], [x + 300, y + 300],
                             [x + 100, y + 300], [x + 100, y + 100]], dtype=float)
            conn.execute("INSERT INTO population_grid (uuid, idcar_200m, ind, men, ind_25_39, "
                         "geom) VALUES (?, ?, ?, ?, ?, ?)",
                         (f"cell-{code}", f"cell-{code}", ind, men, ind,
                          geometry.encode("polygon", [ring], SRS)))
    conn.close()


def add_producers(path, points: list) -> None:
    """Producers at ``points`` [(x, y)] (short-circuit offer)."""
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for i, (x, y) in enumerate(points):
            conn.execute("INSERT INTO producers (uuid, source, source_id, name, geom) "
                         "VALUES (?, 'test', ?, ?, ?)",
                         (f"prod-{i}", str(i), f"Producteur {i}",
                          geometry.encode("point", (x, y), SRS)))
    conn.close()


def _by(groups: dict) -> dict:
    """{k: value} from {value: respondents}."""
    return {k: value for value, ks in groups.items() for k in ks}


def r(a: int, b: int) -> range:
    """Respondents a to b (inclusive)."""
    return range(a, b + 1)


# Opinion answers (A = r01–r10, weight 100; B = r11–r22, 50; C = r23–r37, 20).
OPINIONS = {
    "satisfaction_overall": _by({4: r(1, 5), 2: r(6, 10), 3: r(11, 22), 5: r(23, 27),
                                 1: r(28, 37)}),
    "satisfaction_opening_hours": _by({1: r(1, 4), 2: list(r(5, 6)) + list(r(11, 16)),
                                       4: r(7, 10), 5: r(17, 22), 3: r(23, 37)}),
    "local_producers_interest": _by({"very": list(r(1, 3)) + list(r(11, 19)),
                                     "somewhat": list(r(4, 5)) + list(r(23, 28)),
                                     "little": r(20, 22),
                                     "not_at_all": list(r(6, 10)) + list(r(29, 37))}),
    "short_circuit_frequency": _by({"weekly": list(r(1, 2)) + list(r(11, 16)),
                                    "monthly": r(23, 25),
                                    "never": list(r(3, 10)) + list(r(17, 22)),
                                    "rarely": r(26, 37)}),
}
OPINION_CHOICES = {
    # asked: opening hours scored 1 or 2 (r01–r06, r11–r16); r07 (scored 4) ticks one anyway
    "opening_hours_wishes": {**{k: ["evening"] for k in r(1, 4)}, 5: ["sunday"], 6: [],
                             11: ["evening", "sunday"], 12: ["evening", "sunday"],
                             **{k: ["sunday"] for k in r(13, 16)}, 7: ["monday"]},
    "priorities": {**{k: ["parking"] for k in r(1, 6)}, 7: ["cleanliness"],
                   8: ["cleanliness"], **{k: ["parking", "safety"] for k in r(11, 16)}},
    # asked: very or somewhat interested (r01–r05, r11–r19, r23–r28)
    "producer_channels": {**{k: ["market"] for k in list(r(1, 5)) + list(r(11, 13))},
                          **{k: ["basket"] for k in r(23, 28)}},
}


def add_opinions(path) -> None:
    """The opinion answers above (satisfaction, opening hours and their wishes, priorities,
    interest in local producers and the channels wished, short-circuit frequency)."""
    add_answers(path, OPINIONS, OPINION_CHOICES)
