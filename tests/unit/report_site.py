"""A small observatory for the atlas and dashboard tests, every figure countable by hand.

Centralities: "Centre" (primary, p1-p5), "Gare" (secondary, p6-p8), "=Vide" (tertiary, no
premise; its name starts like a spreadsheet formula); p9 lies outside. Campaigns 2022, 2023 and
2024 are closed; 2025 is open with 3 of its 9 observations visited (completeness 1/3).

Statuses (V vacant, O occupied) per campaign 2022 / 2023 / 2024 / 2025:

    p1 Centre  V V V V      p6 Gare  O O O O
    p2 Centre  O O V V      p7 Gare  V V O O
    p3 Centre  V O O O      p8 Gare  O O O O
    p4 Centre  O V O O      p9 outside O O O O
    p5 Centre  V O O V

Hence Centre 60 / 40 / 40 / 60 %, Gare 33.3 / 33.3 / 0 / 0 %, territory 2024: 2 / 9 = 22.2 %.
From 2023 to 2024: Centre has one opening (p4) and one closure (p2), Gare one opening (p7).
p1 is vacant from 2022-10-01 to 2024-10-01 = 2.0 years: long-term at 2024 (2.41 years at the
2025 campaign, started 2025-03-01). Offer mix 2024: Centre p3 food, p4 personal goods, p5 food
(66.7 / 33.3 %); territory food 4 of 7 shops (57.1 %).

Options: ``flows`` adds a counting site in Centre and footfall indicators (monthly 2023 and
2024, annual, year-on-year), ``catchments`` two catchment indicators, ``survey`` survey
indicators as the expectations job writes them (codes of ``jobs.survey_data``): three
satisfaction shares of Centre's visitors (120, 25 and 8 respondents: the last one is
forbidden, written here only to check that nothing shows it), a missing-group share, and one
share of the people interviewed in Gare; the survey columns (ci_low, ci_high, respondents,
low_precision) are added when the schema lacks them.
"""

from __future__ import annotations

import numpy as np

from observatoire_commerce.store import geometry, gpkg, indicators, observatory

STATUSES = {
    "p1": "VVVV", "p2": "OOVV", "p3": "VOOO", "p4": "OVOO", "p5": "VOOV",
    "p6": "OOOO", "p7": "VVOO", "p8": "OOOO", "p9": "OOOO",
}
GROUPS = {"p1": "alimentaire", "p2": "equipement_personne", "p3": "alimentaire",
          "p4": "equipement_personne", "p5": "alimentaire", "p6": "cafes_hotels_restaurants",
          "p7": "alimentaire", "p8": "services_marchands", "p9": "alimentaire"}
SIGNS = {"p2": "Mode Centre", "p4": "Boutique du Centre", "p7": "Épicerie de la Gare"}
PLACES = {"p1": ("cA", 20, 20), "p2": ("cA", 60, 40), "p3": ("cA", 100, 80),
          "p4": ("cA", 140, 120), "p5": ("cA", 180, 160), "p6": ("cB", 1020, 20),
          "p7": ("cB", 1060, 60), "p8": ("cB", 1100, 100), "p9": (None, 600, 600)}
CAMPAIGNS = [("k1", "Inventaire 2022", 2022, "2022-10-01", "2022-11-30", "closed"),
             ("k2", "Inventaire 2023", 2023, "2023-10-01", "2023-11-30", "closed"),
             ("k3", "Inventaire 2024", 2024, "2024-10-01", "2024-11-30", "closed"),
             ("k4", "Inventaire 2025", 2025, "2025-03-01", "2025-04-30", "open")]
VISITS_2025 = {"p2": "confirmed", "p4": "confirmed", "p5": "changed"}  # the others: to_confirm
SURVEY_COLUMNS = {"ci_low": "REAL", "ci_high": "REAL", "respondents": "INTEGER",
                  "low_precision": "INTEGER"}


def square(x, y, size):
    return [[np.array([[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]],
                      dtype=float)]]


def build_report_site(path, *, flows: bool = False, catchments: bool = False,
                      survey: bool = False):
    """Create the observatory at ``path``; returns an open connection."""
    observatory.create_observatory(path, "Ville test")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for uid, name, level, (x, y) in (("cA", "Centre", "primary", (0, 0)),
                                         ("cB", "Gare", "secondary", (1000, 0)),
                                         ("cE", "=Vide", "tertiary", (3000, 3000))):
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (uid, name, level, geometry.encode("multipolygon",
                                                            square(x, y, 200), 2154)))
        for number, (premise, (_c, x, y)) in enumerate(PLACES.items(), start=1):
            conn.execute("INSERT INTO premises (uuid, address, floor_area, geom) "
                         "VALUES (?,?,?,?)", (premise, f"{number} rue du Test", 80.0,
                                              geometry.encode_point(x, y, 2154)))
        for uid, name, year, start, end, state in CAMPAIGNS:
            conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state)"
                         " VALUES (?,?,?,?,?,?)", (uid, name, year, start, end, state))
        for premise, codes in STATUSES.items():
            for k, code in enumerate(codes):
                campaign = CAMPAIGNS[k][0]
                vacant = code == "V"
                visit = VISITS_2025.get(premise, "to_confirm") if campaign == "k4" \
                    else "confirmed"
                conn.execute(
                    "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                    "status, activity_group, sign_name, chain_type, visit_state) "
                    "VALUES (?,?,?,?,?,?,?,?)",
                    (f"o{premise}{campaign}", premise, campaign,
                     "vacant" if vacant else "occupied", None if vacant else GROUPS[premise],
                     None if vacant else SIGNS.get(premise), None if vacant else "independent",
                     visit))
        if flows:
            add_flows(conn)
        if catchments:
            indicators.write(conn, [
                {"scope": "centrality", "centrality_uuid": "cA", "period": "2026",
                 "indicator": f"catchment_population_walk_{m}min", "value": v,
                 "unit": "inhabitants"} for m, v in ((5, 1200.0), (10, 5400.0))],
                algorithm="observatoire:network_catchments",
                parameters={"mode": "walk", "unit": "min"})
        if survey:
            add_survey(conn)
    return conn


def add_flows(conn) -> None:
    """A counter in Centre and its footfall indicators (2023: 1000 + 10 × month,
    2024: 1100 + 10 × month passages a day; annual means 1065 and 1165; +9.4 % in 2024)."""
    conn.execute("INSERT INTO counting_sites (uuid, site_id, name, source, imported_at, geom) "
                 "VALUES (?,?,?,?,?,?)", ("s1", "S1", "Compteur rue du Test", "comptage",
                                          "2025-01-15T10:00:00Z",
                                          geometry.encode_point(100, 100, 2154)))
    rows = []
    for year, base in ((2023, 1000.0), (2024, 1100.0)):
        for month in range(1, 13):
            rows.append(("footfall_mean_daily", f"{year}-{month:02d}", base + 10 * month,
                         "passages/day/counter"))
        rows.append(("footfall_mean_daily", str(year), base + 65.0, "passages/day/counter"))
        rows.append(("footfall_coverage", str(year), 95.0, "%"))
    rows.append(("footfall_yoy", "2024", 9.4, "%"))
    indicators.write(conn, [{"scope": "centrality", "centrality_uuid": "cA", "indicator": code,
                             "period": period, "value": value, "unit": unit}
                            for code, period, value, unit in rows],
                     algorithm="observatoire:footfall_by_centrality",
                     parameters={"distance": 100.0, "mobility": "PEDESTRIAN"})


def add_survey(conn) -> None:
    """Survey shares with their intervals and respondents (v10 columns)."""
    present = set(gpkg.column_names(conn, "indicators"))
    for column, kind in SURVEY_COLUMNS.items():
        if column not in present:
            conn.execute(f"ALTER TABLE indicators ADD COLUMN {column} {kind}")
    rows = [("cA", "expect_satisfaction_offer_satisfied__visitors", 72.0, 64.0, 80.0, 120),
            ("cA", "expect_satisfaction_parking_satisfied__visitors", 31.0, 14.0, 48.0, 25),
            ("cA", "expect_satisfaction_safety_satisfied__visitors", 55.0, 20.0, 90.0, 8),
            ("cA", "expect_missing_alimentaire__visitors", 12.0, 6.0, 18.0, 120),
            ("cB", "expect_satisfaction_offer_satisfied__interviewed", 60.0, 45.0, 75.0, 40)]
    for centrality, code, value, low, high, respondents in rows:
        conn.execute(
            "INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, period, value, "
            "unit, algorithm, parameters, computed_at, ci_low, ci_high, respondents, "
            "low_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (f"{centrality}-{code}", "centrality", centrality, code, "2024", value, "%",
             "observatoire:expectations", "{}", gpkg.now_iso(), low, high, respondents,
             int(respondents < 30)))
