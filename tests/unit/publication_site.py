"""A hand-built socle for the publication tests, and the secrets planted in any socle.

Site (Lambert-93, offset X0, Y0): centrality "Centre" (primary, code ``centre``, x 0..200,
y 0..200) and "Gare" (secondary, code ``gare``, x 400..600). Campaigns "Inventaire 2023" and
"Inventaire 2024" (closed), "Inventaire 2025" (open). Premises observed in 2024:

====  ========  ===========  ========================  =====================
id    where     status       sign                      note
====  ========  ===========  ========================  =====================
p1    Centre    occupied     Boulangerie Martin        SIRENE, diffusible (O)
p2    Centre    occupied     Coiffure Hortense Vasseur  SIRENE, partial (P)
p3    Gare      vacant       –
p4    outside   occupied     Garage du Stade
====  ========  ===========  ========================  =====================

p5 (Centre) is observed in the open 2025 campaign only ("Enseigne Future"). Services: two of
BPE 2021 (a bakery in Centre, a post office in Gare) and one of BPE 2019 (not published).
One producer, one market. Counting: site S1 (Centre, channel C1, hourly) and S2 (channel C2
without temporality: refused by the national schema), source ``compteurs_ville.csv`` (no
licence recorded). Car parks 86194-P-001 (complete) and 86194-P-002 (no ``type_usagers``),
source ``osm`` (ODbL). Carpool areas 86194-C-001 and 86194-C-002 (without ``date_maj``,
which BNLC 0.2.0 requires), source ``bnlc`` (ODbL).

Counts of C1, by hand (local time, Europe/Paris):

- 2024-03-30, 24 hours, hour h counts h + 1 → 1 + 2 + … + 24 = **300**;
- 2024-03-31 (clocks go forward: 23 hours), each 10 → **230**;
- 2024-04-01, 24 rows, 09:00 empty (no data) → incomplete, published empty;
- 2024-04-02, only 08:00 and 09:00 (5 and 7) → incomplete, published empty.

Indicators: vacancy_rate of Centre for 2023 (12.5) and 2024 (10.0); footfall_mean_daily of
Centre for 2023 (900), 2024 (1000) and 2024-12 (1100); survey figures (schema v10 columns
simulated): ``survey_satisfaction_offer_mean`` for Centre (3.6, 42 respondents), Gare (3.1,
8 respondents: withheld), the territory (3.4, 25 respondents: low precision), and
``survey_online_share`` for Centre without respondents (withheld).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pandas as pd

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0
SRS = 2154

#: Texts that must never appear in any published file.
SECRETS = {
    "agent": "Zéphyrine Quintavalle",
    "assigned_agent": "Barnabé Oyelaran",
    "photo": "DCIM/p1_2024_devanture_3f9e.jpg",
    "observation_note": "Gérant fatigué, cherche repreneur",
    "premise_note": "Clé chez la voisine du 2e",
    "centrality_note": "Périmètre à revoir avec l'élu",
    "service_note": "Saisie par Marcel",
    "producer_note": "Téléphone perso du producteur",
    "market_note": "Placier mécontent",
    "conflict": "Valeur rejetée par la synchronisation",
    "package_agent": "Ophélie Nkemelu",
    "answer_comment": "Je trouve que mon voisin parle trop fort",
    "answer_missing": "Une mercerie comme avant rue Pétonnet",
    "non_public_sign": "Coiffure Hortense Vasseur",
    "open_campaign_sign": "Enseigne Future",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def square(x, y, size):
    ring = [(X0 + x, Y0 + y), (X0 + x + size, Y0 + y), (X0 + x + size, Y0 + y + size),
            (X0 + x, Y0 + y + size), (X0 + x, Y0 + y)]
    return encode("multipolygon", [[ring]], SRS)


def point(x, y):
    return encode_point(X0 + x, Y0 + y, SRS)


def simulate_future_columns(conn) -> None:
    """The columns announced for later schemas, added as their migrations will:
    ``indicators.respondents, ci_low, ci_high, low_precision`` (v10, survey indicators) and
    ``premise_sources.diffusion_status`` (SIRENE diffusion status, schema v12)."""
    present = gpkg.column_names(conn, "indicators")
    for column, kind in (("respondents", "INTEGER"), ("ci_low", "REAL"), ("ci_high", "REAL"),
                         ("low_precision", "INTEGER")):
        if column not in present:
            conn.execute(f"ALTER TABLE indicators ADD COLUMN {column} {kind}")
    if "diffusion_status" not in gpkg.column_names(conn, "premise_sources"):
        conn.execute("ALTER TABLE premise_sources ADD COLUMN diffusion_status TEXT")


def plant_secrets(conn, *, observation_uuid: str, premise_uuid: str,
                  non_public_premise: str) -> None:
    """Put every never-published kind of text in the socle (inside the caller's
    transaction): an agent, a photo and a note on ``observation_uuid``, notes on premises,
    centralities, services, producers and markets, a sync conflict, a field package, two
    free-text survey answers, and the partial-diffusion SIRENE link of ``non_public_premise``
    (whose sign, in its observations, is set to the planted sole trader's name)."""
    simulate_future_columns(conn)
    conn.execute("UPDATE premise_observations SET agent = ?, assigned_agent = ?, photo = ?, "
                 "notes = ? WHERE uuid = ?",
                 (SECRETS["agent"], SECRETS["assigned_agent"], SECRETS["photo"],
                  SECRETS["observation_note"], observation_uuid))
    conn.execute("UPDATE premises SET notes = ? WHERE uuid = ?",
                 (SECRETS["premise_note"], premise_uuid))
    for table, key in (("centralities", "centrality_note"), ("services", "service_note"),
                       ("producers", "producer_note"), ("markets", "market_note")):
        conn.execute(f"UPDATE {table} SET notes = ? WHERE fid = (SELECT min(fid) FROM {table})",
                     (SECRETS[key],))
    conn.execute("UPDATE premise_observations SET sign_name = ? WHERE premise_uuid = ? AND "
                 "sign_name IS NOT NULL", (SECRETS["non_public_sign"], non_public_premise))
    conn.execute("INSERT INTO premise_sources (uuid, premise_uuid, source, source_id, "
                 "first_seen, last_seen, diffusion_status) VALUES (?, ?, 'sirene', "
                 "'99999999900017', '2024-01-01', '2024-06-01', 'P')",
                 (new_uuid(), non_public_premise))
    conn.execute("INSERT INTO field_packages (uuid, name, agent, schema_version, "
                 "schema_fingerprint, base_checksum, base_file, prepared_at) VALUES "
                 "(?, 'pkg', ?, 9, 'x', 'x', 'x', '2024-10-01')",
                 (new_uuid(), SECRETS["package_agent"]))
    conn.execute("INSERT INTO sync_conflicts (uuid, package_uuid, table_name, row_uuid, "
                 "column_name, kind, base_value, kept_value, rejected_value, rule, agent, "
                 "synced_at) VALUES (?, 'pkg', 'premise_observations', ?, 'sign_name', "
                 "'update_update', 'a', 'b', ?, 'office wins', ?, '2024-11-01')",
                 (new_uuid(), observation_uuid, SECRETS["conflict"], SECRETS["agent"]))
    conn.execute("INSERT INTO survey_responses (uuid, questionnaire_version, comments, "
                 "missing_details, satisfaction_offer) VALUES (?, '2025.2', ?, ?, 4)",
                 (new_uuid(), SECRETS["answer_comment"], SECRETS["answer_missing"]))


def _insert_indicator(conn, centrality, indicator, period, value, unit, algorithm, *,
                      campaign=None, scope="centrality", respondents=None, ci=(None, None)):
    conn.execute(
        "INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, period, "
        "campaign_uuid, value, unit, algorithm, parameters, computed_at, respondents, ci_low, "
        "ci_high, low_precision) VALUES (?,?,?,?,?,?,?,?,?,'{}','2025-01-15T10:00:00Z',?,?,?,?)",
        (new_uuid(), scope, centrality, indicator, period, campaign, value, unit, algorithm,
         respondents, ci[0], ci[1],
         None if respondents is None else int(respondents < 30)))


def build_socle(path: Path) -> dict:
    """Create the site at ``path``; returns the uuids of its rows by short name."""
    observatory.create_observatory(path, "Ville-Test", SRS)
    ids = {k: new_uuid() for k in ("centre", "gare", "c2023", "c2024", "c2025", "p1", "p2",
                                   "p3", "p4", "p5", "o1_2024", "s1", "s2", "ch1", "ch2")}
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level, commune_code, code, geom) "
                     "VALUES (?, 'Centre', 'primary', '86194', 'centre', ?), "
                     "(?, 'Gare', 'secondary', '86194', 'gare', ?)",
                     (ids["centre"], square(0, 0, 200), ids["gare"], square(400, 0, 200)))
        for key, name, year, state in (("c2023", "Inventaire 2023", 2023, "closed"),
                                       ("c2024", "Inventaire 2024", 2024, "closed"),
                                       ("c2025", "Inventaire 2025", 2025, "open")):
            conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                         "VALUES (?,?,?,?,?,?)", (ids[key], name, year, f"{year}-10-01",
                                                  f"{year}-11-30", state))
        premises = {"p1": (50, 50), "p2": (100, 100), "p3": (450, 50), "p4": (900, 900),
                    "p5": (150, 150)}
        for key, (x, y) in premises.items():
            conn.execute("INSERT INTO premises (uuid, address, street, commune_code, floor_area, "
                         "ground_floor, geom) VALUES (?,?,?,?,?,1,?)",
                         (ids[key], f"{x} rue du Test", "rue du Test", "86194", 80.0,
                          point(x, y)))
        observed = {  # premise: (status, group, naf, sign, chain)
            "p1": ("occupied", "alimentaire", "10.71C", "Boulangerie Martin", "independent"),
            "p2": ("occupied", "hygiene_sante_beaute", "96.02A", "Coiffure Hortense",
                   "independent"),
            "p3": ("vacant", None, None, None, None),
            "p4": ("occupied", "automobile", "45.20A", "Garage du Stade", "chain"),
        }
        for campaign in ("c2023", "c2024"):
            for key, values in observed.items():
                uid = ids["o1_2024"] if (key, campaign) == ("p1", "c2024") else new_uuid()
                conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, "
                             "campaign_uuid, status, activity_group, naf_code, sign_name, "
                             "chain_type, visit_state) VALUES (?,?,?,?,?,?,?,?, 'confirmed')",
                             (uid, ids[key], ids[campaign], *values))
        conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                     "status, activity_group, sign_name, visit_state) VALUES "
                     "(?, ?, ?, 'occupied', 'alimentaire', ?, 'new')",
                     (new_uuid(), ids["p5"], ids["c2025"], SECRETS["open_campaign_sign"]))
        conn.execute("INSERT INTO premise_sources (uuid, premise_uuid, source, source_id, "
                     "first_seen, last_seen) VALUES (?, ?, 'sirene', '12345678900011', "
                     "'2024-01-01', '2024-06-01')", (new_uuid(), ids["p1"]))
        for vintage, sid, typequ, label, domain, rng, x in (
                ("2021", "b1", "B207", "Boulangerie", "B", "proximite", 60),
                ("2021", "b2", "A206", "Bureau de poste", "A", "proximite", 500),
                ("2019", "b1", "B207", "Boulangerie", "B", "proximite", 60)):
            conn.execute("INSERT INTO services (uuid, source, vintage, source_id, typequ, label, "
                         "domain, range, commune_code, geom) VALUES (?, 'bpe', ?, ?, ?, ?, ?, ?, "
                         "'86194', ?)", (new_uuid(), vintage, sid, typequ, label, domain, rng,
                                         point(x, 20)))
        producer = new_uuid()
        conn.execute("INSERT INTO producers (uuid, source, source_id, name, sales_modes, organic, "
                     "imported_at, geom) VALUES (?, 'file', 'f1', 'Ferme des Trois Chênes', "
                     "'vente_ferme;marche', 1, '2024-05-02T08:00:00Z', ?)",
                     (producer, point(3000, 3000)))
        for product in ("oeufs", "legumes"):
            conn.execute("INSERT INTO producer_products (uuid, producer_uuid, product) VALUES "
                         "(?,?,?)", (new_uuid(), producer, product))
        conn.execute("INSERT INTO markets (uuid, source, source_id, name, days, per_week, "
                     "organic, schedule_text, imported_at, geom) VALUES (?, 'file', 'm1', "
                     "'Marché des Halles', 'mardi;samedi', 2, 0, '7 h 30 – 13 h', "
                     "'2024-05-02T08:00:00Z', ?)", (new_uuid(), point(120, 60)))
        _flows(conn, ids)
        simulate_future_columns(conn)
        _indicators(conn, ids)
        plant_secrets(conn, observation_uuid=ids["o1_2024"], premise_uuid=ids["p1"],
                      non_public_premise=ids["p2"])
    conn.close()
    return ids


def _flows(conn, ids) -> None:
    stamp = "2024-05-02T08:00:00Z"
    for key, site_id, name, x in (("s1", "S1", "rue du Test (Centre)", 60),
                                  ("s2", "S2", "avenue de la Gare", 480)):
        conn.execute("INSERT INTO counting_sites (uuid, site_id, name, insee_code, source, "
                     "imported_at, geom) VALUES (?,?,?, '86194', 'compteurs_ville.csv', ?, ?)",
                     (ids[key], site_id, name, stamp, point(x, 60)))
    for key, site, channel_id, temporality in (("ch1", "s1", "C1", "PERMANENT"),
                                               ("ch2", "s2", "C2", None)):
        conn.execute("INSERT INTO counting_channels (uuid, channel_id, site_uuid, "
                     "mobility_type, counter_type, temporality, time_step_s, source, "
                     "imported_at) VALUES (?,?,?, 'PEDESTRIAN', 'PASSIVE INFRARED', ?, 3600, "
                     "'compteurs_ville.csv', ?)", (ids[key], channel_id, ids[site], temporality,
                                                   stamp))
    rows = []

    def add(channel, local: str, offset: int, count):
        start_utc = (pd.Timestamp(local) - pd.Timedelta(minutes=offset)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        rows.append((new_uuid(), ids[channel], start_utc, local, offset, 3600.0, count))

    for h in range(24):
        add("ch1", f"2024-03-30T{h:02d}:00:00", 60, h + 1)
        add("ch2", f"2024-03-30T{h:02d}:00:00", 60, 50)
    for h in [0, 1] + list(range(3, 24)):  # 02:00 does not exist on that day
        add("ch1", f"2024-03-31T{h:02d}:00:00", 60 if h < 2 else 120, 10)
    for h in range(24):
        add("ch1", f"2024-04-01T{h:02d}:00:00", 120, None if h == 9 else 4)
    add("ch1", "2024-04-02T08:00:00", 120, 5)
    add("ch1", "2024-04-02T09:00:00", 120, 7)
    conn.executemany("INSERT INTO counts (uuid, channel_uuid, start_utc, start_local, "
                     "utc_offset_min, duration_s, count) VALUES (?,?,?,?,?,?,?)", rows)
    conn.execute("INSERT INTO parkings (uuid, parking_id, name, kind, insee_code, address, "
                 "capacity, users, free_of_charge, pmr_places, fee_1h, source, imported_at, "
                 "geom) VALUES (?, '86194-P-001', 'Parking des Halles', 'off_street', '86194', "
                 "'1 place des Halles', 300, 'tous', 0, 6, 1.5, 'osm', ?, ?), "
                 "(?, '86194-P-002', 'Parking Gare', 'off_street', '86194', NULL, 120, NULL, 1, "
                 "NULL, NULL, 'osm', ?, ?)",
                 (new_uuid(), stamp, point(150, 20), new_uuid(), stamp, point(520, 20)))
    conn.execute("INSERT INTO carpool_areas (uuid, place_id, name, insee_code, place_type, "
                 "updated_on, is_open, places, source, imported_at, geom) VALUES "
                 "(?, '86194-C-001', 'Aire du Stade', '86194', 'Aire de covoiturage', "
                 "'2024-03-01', 1, 40, 'bnlc', ?, ?), "
                 "(?, '86194-C-002', 'Arrêt du pouce', '86194', 'Auto-stop', NULL, 1, "
                 "NULL, 'bnlc', ?, ?)",
                 (new_uuid(), stamp, point(900, 100), new_uuid(), stamp, point(950, 100)))


def _indicators(conn, ids) -> None:
    centre, gare = ids["centre"], ids["gare"]
    vac = "observatoire:vacancy_rates"
    _insert_indicator(conn, centre, "vacancy_rate", "Inventaire 2023", 12.5, "%", vac,
                      campaign=ids["c2023"])
    _insert_indicator(conn, centre, "vacancy_rate", "Inventaire 2024", 10.0, "%", vac,
                      campaign=ids["c2024"])
    foot = "observatoire:footfall_by_centrality"
    for period, value in (("2023", 900.0), ("2024", 1000.0), ("2024-12", 1100.0)):
        _insert_indicator(conn, centre, "footfall_mean_daily", period, value,
                          "passages/day/counter", foot)
    survey = "observatoire:survey_indicators"
    _insert_indicator(conn, centre, "survey_satisfaction_offer_mean", "2025", 3.6, "score",
                      survey, respondents=42, ci=(3.3, 3.9))
    _insert_indicator(conn, gare, "survey_satisfaction_offer_mean", "2025", 3.1, "score",
                      survey, respondents=8, ci=(2.5, 3.7))
    _insert_indicator(conn, None, "survey_satisfaction_offer_mean", "2025", 3.4, "score",
                      survey, scope="territory", respondents=25, ci=(3.0, 3.8))
    _insert_indicator(conn, centre, "survey_online_share", "2025", 12.0, "%", survey)


def planted_copy(source: Path, target: Path) -> dict:
    """A copy of an observatory (the demo territory) with every secret planted
    (:func:`plant_secrets`) on premises of its latest closed campaign, and two survey figures
    ``survey_satisfaction_overall_mean`` for 2025: its first centrality on 40 respondents
    (published), its second on 5 (withheld, planted value 9.87). Returns ``{"secrets": texts that
    must never be published, including the file's own agents' names, "non_public": premise
    uuid, "campaign": uuid of the latest closed campaign}``."""
    import shutil

    shutil.copy(source, target)
    conn = gpkg.connect(target)
    try:
        with gpkg.transaction(conn):
            campaign = conn.execute(
                "SELECT uuid FROM campaigns WHERE state = 'closed' ORDER BY "
                "coalesce(start_date, year || '-01-01') DESC, year DESC LIMIT 1").fetchone()[0]
            occupied = conn.execute(
                "SELECT uuid, premise_uuid FROM premise_observations WHERE campaign_uuid = ? "
                "AND status = 'occupied' AND sign_name IS NOT NULL ORDER BY fid LIMIT 2",
                (campaign,)).fetchall()
            plant_secrets(conn, observation_uuid=occupied[0][0], premise_uuid=occupied[0][1],
                          non_public_premise=occupied[1][1])
            first, second = (r[0] for r in conn.execute(
                "SELECT uuid FROM centralities ORDER BY fid LIMIT 2"))
            survey = "observatoire:survey_indicators"
            _insert_indicator(conn, first, "survey_satisfaction_overall_mean", "2025", 3.8,
                              "score", survey, respondents=40, ci=(3.5, 4.1))
            _insert_indicator(conn, second, "survey_satisfaction_overall_mean", "2025", 9.87,
                              "score", survey, respondents=5, ci=(1.0, 5.0))
            agents = {r[0] for r in conn.execute(
                "SELECT agent FROM premise_observations WHERE agent IS NOT NULL UNION "
                "SELECT assigned_agent FROM premise_observations WHERE assigned_agent IS NOT "
                "NULL UNION SELECT agent FROM field_packages WHERE agent IS NOT NULL")}
    finally:
        conn.close()
    return {"secrets": sorted(set(SECRETS.values()) | agents),
            "non_public": occupied[1][1], "campaign": campaign}
