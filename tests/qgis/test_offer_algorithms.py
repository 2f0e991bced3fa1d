"""Offer algorithms on a GeoPackage built from tests/data/offer (hand-computed values).

Layout (Lambert-93 metres): centrality 'Centre A' (primary) = square (0, 0)–(1000, 1000) holding
A01–A20 on y = 500 (x = 40 i), 'Quartier B' (secondary) = square (2000, 0)–(3000, 1000) holding
B01–B08 and the split halves B08a / B08b (B08 retired in 2023), 'Vide C' (tertiary) = square
(5000, 5000)–(5100, 5100) with no premise, and O1 at (4000, 4000) outside every centrality.
Streets: A01–A10 rue Carnot, A11–A20 rue Gambetta, B* Grand'Rue, O1 none. Campaigns 2021, 2022,
2023 (15 June each year). The statuses are those of tests/data/offer/observations.csv, whose
vacancy values are worked out by hand in tests/unit/test_vacancy_dynamics.py.
"""

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from observatoire_commerce.store import geometry, gpkg, observatory

from ..conftest import validate_gpkg

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"
CAMPAIGN_UUID = {"2021": "k21", "2022": "k22", "2023": "k23"}


def square(x, y, size):
    return [[np.array([[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]],
                      dtype=float)]]


def position(premise):
    if premise.startswith("A"):
        return 40.0 * int(premise[1:]), 500.0
    if premise == "O1":
        return 4000.0, 4000.0
    if premise in ("B08a", "B08b"):
        return 2320.0 + (0 if premise == "B08a" else 10), 500.0
    return 2000.0 + 40 * int(premise[1:]), 500.0


def street(premise):
    if premise.startswith("A"):
        return "rue Carnot" if int(premise[1:]) <= 10 else "rue Gambetta"
    return "Grand'Rue" if premise.startswith("B") else None


def build(path, *, open_2023=False, pending=()):
    observatory.create_observatory(path, "Offer fixture")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for uid, name, level, (x, y, size) in (
                ("cA", "Centre A", "primary", (0, 0, 1000)),
                ("cB", "Quartier B", "secondary", (2000, 0, 1000)),
                ("cC", "Vide C", "tertiary", (5000, 5000, 100))):
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (uid, name, level, geometry.encode("multipolygon",
                                                            square(x, y, size), 2154)))
        with open(DATA / "premises.csv", encoding="utf-8") as handle:
            for r in csv.DictReader(handle):
                x, y = position(r["premise"])
                conn.execute(
                    "INSERT INTO premises (uuid, street, floor_area, ground_floor, retired_at, "
                    "geom) VALUES (?,?,?,?,?,?)",
                    (r["premise"], street(r["premise"]), float(r["floor_area"]) if
                     r["floor_area"] else None, int(r["ground_floor"]),
                     "2023-06-15" if r["premise"] == "B08" else None,
                     geometry.encode_point(x, y, 2154)))
        with open(DATA / "campaigns.csv", encoding="utf-8") as handle:
            for r in csv.DictReader(handle):
                state = "open" if open_2023 and r["campaign"] == "2023" else "closed"
                conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, state) "
                             "VALUES (?,?,?,?,?)", (CAMPAIGN_UUID[r["campaign"]], r["campaign"],
                                                    int(r["campaign"]), r["date"], state))
        with open(DATA / "observations.csv", encoding="utf-8") as handle:
            for i, r in enumerate(csv.DictReader(handle)):
                visit = "to_confirm" if (r["premise"], r["campaign"]) in pending else "confirmed"
                conn.execute(
                    "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                    "status, activity_group, sign_name, visit_state) VALUES (?,?,?,?,?,?,?)",
                    (f"o{i}", r["premise"], CAMPAIGN_UUID[r["campaign"]], r["status"],
                     r["activity_group"] or None, r["sign_name"] or None, visit))
        for child in ("B08a", "B08b"):
            conn.execute("INSERT INTO premise_lineage (uuid, parent_uuid, child_uuid, kind, "
                         "campaign_uuid) VALUES (?, 'B08', ?, 'split', 'k23')",
                         (f"l{child}", child))
        # population: two cells with their centroid in B (300 + 200), one whose centroid is
        # 50 m east of B (1 000 inhabitants)
        for uid, x, ind in (("g1", 2100, 300.0), ("g2", 2400, 200.0), ("g3", 2950, 1000.0)):
            conn.execute("INSERT INTO population_grid (uuid, ind, geom) VALUES (?,?,?)",
                         (uid, ind, geometry.encode("polygon", square(x, 100, 200)[0], 2154)))
        # services: B203 bakery in A, D-intermediate 100 m east of A, two in B
        for uid, typequ, domain, rng, x, y in (
                ("s1", "B203", "B", "proximite", 500, 600),
                ("s2", "D201", "D", "intermediaire", 1100, 500),
                ("s3", "A203", "A", "proximite", 2500, 600),
                ("s4", "F303", "F", "superieure", 2600, 600)):
            conn.execute("INSERT INTO services (uuid, source, vintage, source_id, typequ, domain, "
                         "range, geom) VALUES (?, 'bpe', '2021', ?, ?, ?, ?, ?)",
                         (uid, uid, typequ, domain, rng, geometry.encode_point(x, y, 2154)))
        # producers: P1 1 000 m north of A (organic: vegetables, eggs), P2 3 000 m north of B
        for uid, x, y, organic, products in (("p1", 500, 2000, 1, ("legumes", "oeufs")),
                                             ("p2", 2500, 4000, 0, ("miel",))):
            conn.execute("INSERT INTO producers (uuid, source, source_id, organic, geom) "
                         "VALUES (?, 't', ?, ?, ?)",
                         (uid, uid, organic, geometry.encode_point(x, y, 2154)))
            for product in products:
                conn.execute("INSERT INTO producer_products (uuid, producer_uuid, product) "
                             "VALUES (?,?,?)", (f"{uid}{product}", uid, product))
        # markets: M1 inside A (2 sessions, organic), M2 200 m east of A (1 session)
        for uid, x, per_week, organic in (("m1", 500, 2.0, 1), ("m2", 1200, 1.0, 0)):
            conn.execute("INSERT INTO markets (uuid, source, source_id, per_week, organic, geom) "
                         "VALUES (?, 't', ?, ?, ?, ?)",
                         (uid, uid, per_week, organic, geometry.encode_point(x, 500, 2154)))
    conn.close()
    return path


@pytest.fixture
def socle(tmp_path):
    return build(tmp_path / "offer.gpkg")


def rows_of(layer, key="zone_name"):
    return {(f[key] if f[key] not in (None, "NULL") and str(f[key]) != "NULL" else None,
             f["campaign"]): f for f in layer.getFeatures()}


def null(value):
    return value is None or str(value) == "NULL"


def test_vacancy_rates_complete(run_alg, socle):
    result = run_alg("vacancy_rates", {"GEOPACKAGE": str(socle), "OUTPUT_TABLE": "memory:",
                                       "OUTPUT_CENTRALITIES": "memory:"})
    assert set(result) == {"OUTPUT_TABLE", "OUTPUT_CENTRALITIES"}
    t = rows_of(result["OUTPUT_TABLE"])
    assert len(t) == 12  # (A, B, C, outside) × 3 campaigns
    a21, a22, a23 = t["Centre A", "2021"], t["Centre A", "2022"], t["Centre A", "2023"]
    assert (a21["premises"], a21["vacant"], a21["vacancy_rate"]) == (20, 4, 20.0)
    assert a21["vacancy_rate_floor_area"] == pytest.approx(100 * 480 / 1980)
    assert a21["premises_without_area"] == 1 and a21["procos_band"] == "critical"
    assert null(a21["rate_change"]) and null(a21["turnover_rate"]) and null(a21["openings"])
    assert a22["vacancy_rate"] == pytest.approx(25.0) and a22["rate_change"] == pytest.approx(5)
    assert (a22["changed"], a22["openings"], a22["closures"], a22["activity_changes"]) == \
        (6, 1, 2, 1)
    assert a22["turnover_rate"] == pytest.approx(30.0)
    assert (a23["premises"], a23["vacant"]) == (19, 4)
    assert a23["vacancy_rate"] == pytest.approx(400 / 19)
    assert (a23["changed"], a23["openings"], a23["closures"]) == (4, 1, 1)
    assert a23["turnover_rate"] == pytest.approx(20.0)
    b21, b22, b23 = t["Quartier B", "2021"], t["Quartier B", "2022"], t["Quartier B", "2023"]
    assert b21["vacancy_rate_floor_area"] == pytest.approx(100 * 300 / 900)
    assert b22["rate_change"] == pytest.approx(12.5) and b22["turnover_rate"] == 12.5
    # the split: B08 (vacant) -> B08a vacant + B08b occupied (an opening)
    assert (b23["premises"], b23["vacant"], b23["openings"], b23["changed"]) == (9, 2, 2, 2)
    assert b23["vacancy_rate_floor_area"] == pytest.approx(100 * 220 / 900)
    c21 = t["Vide C", "2021"]
    assert c21["premises"] == 0 and null(c21["vacancy_rate"]) and null(c21["procos_band"])
    o21, o23 = t[None, "2021"], t[None, "2023"]
    assert o21["procos_band"] == "normal" and o21["vacancy_rate"] == 0.0
    assert (o23["premises"], o23["vacant"], o23["closures"], o23["turnover_rate"]) == \
        (1, 1, 1, 100.0)
    layer = result["OUTPUT_CENTRALITIES"]
    latest = {f["name"]: f for f in layer.getFeatures()}
    assert set(latest) == {"Centre A", "Quartier B", "Vide C"}
    assert latest["Quartier B"]["campaign"] == "2023"
    assert latest["Quartier B"]["vacancy_rate"] == pytest.approx(200 / 9)
    assert latest["Centre A"]["procos_band"] == "critical"
    assert latest["Centre A"].geometry().area() == pytest.approx(1e6)
    conn = gpkg.connect(socle)
    ind = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT c.name, i.indicator, i.value FROM indicators i JOIN centralities c "
        "ON c.uuid = i.centrality_uuid WHERE i.period = '2022'")}
    conn.close()
    assert ind["Centre A", "turnover_rate"] == pytest.approx(30.0)
    assert ind["Centre A", "vacancy_rate_change"] == pytest.approx(5.0)
    assert ind["Quartier B", "closures"] == 1
    validate_gpkg(socle)


def test_vacancy_rates_options(run_alg, socle):
    ground = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(socle), "GROUND_FLOOR_ONLY": True, "CAMPAIGNS": "2021",
        "WRITE_INDICATORS": False, "OUTPUT_TABLE": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    assert (ground["Centre A", "2021"]["premises"], ground["Centre A", "2021"]["vacant"]) == \
        (19, 3)  # A19 is upstairs
    works = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(socle), "VACANT_STATUSES": "vacant,works", "WRITE_INDICATORS": False,
        "OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    assert works["Centre A", "2021"]["vacant"] == 5
    assert works["Centre A", "2022"]["openings"] == 2
    streets = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(socle), "ZONE_TYPE": 1, "OUTPUT_TABLE": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    assert streets["rue Carnot", "2021"]["vacancy_rate"] == 20.0     # A09, A10 of 10
    assert streets["rue Carnot", "2022"]["vacancy_rate"] == 10.0     # A09
    assert streets["rue Gambetta", "2022"]["vacancy_rate"] == 40.0   # A11, A15, A19, A20
    assert streets["Grand'Rue", "2021"]["premises"] == 8
    assert streets[None, "2021"]["premises"] == 1                    # O1 has no street


def test_vacancy_rates_linear(run_alg, socle):
    lines = QgsVectorLayer("LineString?crs=EPSG:2154&field=name:string", "lin", "memory")
    feature = QgsFeature(lines.fields())
    feature.setAttributes(["Linéaire A"])
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(0, 510), QgsPointXY(1000, 510)]))
    lines.dataProvider().addFeatures([feature])
    t = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(socle), "ZONE_TYPE": 2, "LINEAR": lines, "LINEAR_NAME_FIELD": "name",
        "LINEAR_DISTANCE": 15, "OUTPUT_TABLE": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    assert (t["Linéaire A", "2021"]["premises"], t["Linéaire A", "2021"]["vacant"]) == (20, 4)
    assert t[None, "2021"]["premises"] == 9  # B01–B08 and O1
    with pytest.raises(QgsProcessingException, match="line layer"):
        run_alg("vacancy_rates", {"GEOPACKAGE": str(socle), "ZONE_TYPE": 2,
                                  "OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"})


def test_unconfirmed_observations(run_alg, tmp_path):
    # A12's 2023 closure is still to confirm in an open campaign
    path = build(tmp_path / "p.gpkg", open_2023=True, pending={("A12", "2023")})
    counted = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(path), "OUTPUT_TABLE": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    assert (counted["Centre A", "2023"]["vacant"], counted["Centre A", "2023"]["unconfirmed"]) \
        == (4, 1)
    left_out = rows_of(run_alg("vacancy_rates", {
        "GEOPACKAGE": str(path), "INCLUDE_UNCONFIRMED": False, "OUTPUT_TABLE": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"])
    a23 = left_out["Centre A", "2023"]
    assert (a23["premises"], a23["vacant"], a23["unconfirmed"]) == (18, 3, 0)


def test_vacancy_history_long_term(run_alg, socle):
    result = run_alg("vacancy_history", {"GEOPACKAGE": str(socle), "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    by = {f["premise_uuid"]: f for f in layer.getFeatures()}
    assert "B08" not in by  # retired by the split
    a09 = by["A09"]  # vacant 2021, 2022, 2023: 2 years (15/06/2021 -> 15/06/2023), not 3
    assert a09["vacancy_years"] == pytest.approx(2.0)
    assert a09["vacant_campaigns"] == 3 and a09["long_term"]
    assert a09["first_vacant_campaign"] == "2021" and a09["vacancy_class"] == "long_term"
    assert a09["status_sequence"] == "2021=vacant; 2022=vacant; 2023=vacant"
    assert a09.geometry().asPoint() == QgsPointXY(360, 500)
    b08a = by["B08a"]  # inherits B08's vacancy
    assert b08a["long_term"] and b08a["inherited_from"] == "B08"
    assert b08a["status_sequence"] == "2021=vacant*; 2022=vacant*; 2023=vacant"
    assert not by["A11"]["long_term"] and by["A11"]["vacancy_years"] == pytest.approx(1.0)
    assert null(by["A01"]["vacancy_years"]) and by["A01"]["vacancy_class"] == "not_vacant"
    # A09, A19, B03, B08a
    assert result["LONG_TERM"] == 4
    conn = gpkg.connect(socle)
    ind = dict(conn.execute("SELECT centrality_uuid, value FROM indicators "
                            "WHERE indicator = 'long_term_vacant_premises'").fetchall())
    conn.close()
    assert ind == {"cA": 2.0, "cB": 2.0, "cC": 0.0, None: 0.0}  # None: outside (O1)
    strict = run_alg("vacancy_history", {"GEOPACKAGE": str(socle), "THRESHOLD_YEARS": 2.5,
                                         "WRITE_INDICATORS": False, "OUTPUT": "memory:"})
    assert strict["LONG_TERM"] == 0
    market = run_alg("vacancy_history", {"GEOPACKAGE": str(socle), "THRESHOLD_YEARS": 1,
                                         "WRITE_INDICATORS": False, "OUTPUT": "memory:"})
    assert market["LONG_TERM"] == 5  # + A11 (vacant 2022, 2023)


def test_offer_mix_diversity_and_density(run_alg, socle):
    result = run_alg("offer_mix", {"GEOPACKAGE": str(socle), "OUTPUT_TABLE": "memory:",
                                   "OUTPUT_GROUPS": "memory:", "OUTPUT_CENTRALITIES": "memory:"})
    t = rows_of(result["OUTPUT_TABLE"], key="centrality")
    a = t["Centre A", "2021"]
    # 15 shops: alimentaire 3, equipement_personne 3, and 2 each for hygiene, services
    # marchands, culture-loisirs, equipement_maison, 1 café-hôtel-restaurant: K = 7
    # H = -Σ (n/15) ln(n/15) = ln 15 - (1/15) Σ n ln n = ln 15 - (2 × 3 ln 3 + 4 × 2 ln 2 +
    #   1 ln 1) / 15 = 2.708050 - (6.591674 + 5.545177) / 15 = 2.708050 - 0.809123 = 1.898927
    # J = H / ln 7 = 1.898927 / 1.945910 = 0.975855
    # Simpson = 1 - Σ (n/15)² = 1 - (9 + 9 + 4 + 4 + 4 + 4 + 1) / 225 = 190 / 225
    assert (a["shops"], a["groups"]) == (15, 7)
    assert a["shannon"] == pytest.approx(1.8989268, abs=1e-7)
    assert a["shannon"] == pytest.approx(math.log(15) - (6 * math.log(3) + 8 * math.log(2)) / 15)
    assert a["pielou"] == pytest.approx(0.9758553, abs=1e-7)
    assert a["simpson"] == pytest.approx(190 / 225)
    b = t["Quartier B", "2021"]
    # six shops of six groups: H = ln 6, J = 1, Simpson = 1 - 6/36; population 300 + 200
    assert (b["shops"], b["groups"]) == (6, 6)
    assert b["shannon"] == pytest.approx(math.log(6)) and b["pielou"] == pytest.approx(1.0)
    assert b["simpson"] == pytest.approx(5 / 6)
    assert b["population"] == 500.0 and b["density_per_1000"] == pytest.approx(12.0)
    o = t[None, "2021"]  # O1 alone: one group, H = 0, J null (not a crash), Simpson 0
    assert (o["shops"], o["groups"], o["shannon"], o["simpson"]) == (1, 1, 0.0, 0.0)
    assert null(o["pielou"])
    c = t["Vide C", "2021"]
    assert c["shops"] == 0 and null(c["shannon"]) and null(c["pielou"])
    groups = {(f["centrality"], f["campaign"], f["activity_group"]): f
              for f in result["OUTPUT_GROUPS"].getFeatures()}
    assert groups["Centre A", "2021", "alimentaire"]["share"] == pytest.approx(20.0)
    layer = {f["name"]: f for f in result["OUTPUT_CENTRALITIES"].getFeatures()}
    assert layer["Quartier B"]["campaign"] == "2023"
    wide = rows_of(run_alg("offer_mix", {
        "GEOPACKAGE": str(socle), "POPULATION_RULE": 1, "POPULATION_DISTANCE": 100,
        "WRITE_INDICATORS": False, "OUTPUT_TABLE": "memory:", "OUTPUT_GROUPS": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})["OUTPUT_TABLE"], key="centrality")
    assert wide["Quartier B", "2021"]["population"] == 1500.0
    assert wide["Quartier B", "2021"]["density_per_1000"] == pytest.approx(4.0)
    conn = gpkg.connect(socle)
    value = conn.execute("SELECT value FROM indicators WHERE indicator = 'shannon' AND "
                         "centrality_uuid = 'cB' AND period = '2021'").fetchone()[0]
    conn.close()
    assert value == pytest.approx(math.log(6))


def test_services_offer(run_alg, socle):
    result = run_alg("services_offer", {"GEOPACKAGE": str(socle), "DISTANCE": 0,
                                        "OUTPUT_TABLE": "memory:", "OUTPUT_ZONES": "memory:"})
    zones = {f["name"]: f for f in result["OUTPUT_ZONES"].getFeatures()}
    assert (zones["Centre A"]["services"], zones["Quartier B"]["services"],
            zones["Vide C"]["services"]) == (1, 2, 0)
    assert zones["Quartier B"]["domain_F"] == 1 and zones["Quartier B"]["range_superieure"] == 1
    near = run_alg("services_offer", {"GEOPACKAGE": str(socle), "DISTANCE": 150,
                                      "OUTPUT_TABLE": "memory:", "OUTPUT_ZONES": "memory:"})
    rows = sorted((f["name"], f["domain"], f["range"], f["services"])
                  for f in near["OUTPUT_TABLE"].getFeatures())
    assert rows == [("Centre A", "B", "proximite", 1), ("Centre A", "D", "intermediaire", 1),
                    ("Quartier B", "A", "proximite", 1), ("Quartier B", "F", "superieure", 1)]
    conn = gpkg.connect(socle)
    total = conn.execute("SELECT value FROM indicators WHERE indicator = 'services' AND "
                         "centrality_uuid = 'cA'").fetchone()[0]
    conn.close()
    assert total == 2.0


def test_short_circuit_offer_on_centralities_and_a_polygon_layer(run_alg, socle):
    result = run_alg("short_circuit_offer", {
        "GEOPACKAGE": str(socle), "PRODUCER_DISTANCE": 1500, "MARKET_DISTANCE": 100,
        "OUTPUT_ZONES": "memory:", "OUTPUT_PRODUCTS": "memory:"})
    zones = {f["name"]: f for f in result["OUTPUT_ZONES"].getFeatures()}
    a, b = zones["Centre A"], zones["Quartier B"]
    assert (a["producers"], a["organic"], a["organic_share"]) == (1, 1, 100.0)
    assert (a["markets"], a["sessions_per_week"], a["organic_markets"]) == (1, 2.0, 1)
    assert b["producers"] == 0 and null(b["organic_share"])  # P1 is 1 803 m from B
    products = sorted((f["name"], f["product"], f["producers"])
                      for f in result["OUTPUT_PRODUCTS"].getFeatures())
    assert products == [("Centre A", "legumes", 1), ("Centre A", "oeufs", 1)]
    zones_layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=label:string", "z", "memory")
    feature = QgsFeature(zones_layer.fields())
    feature.setAttributes(["Around A"])
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"))
    zones_layer.dataProvider().addFeatures([feature])
    other = run_alg("short_circuit_offer", {
        "GEOPACKAGE": str(socle), "ZONES": zones_layer, "ZONE_NAME_FIELD": "label",
        "PRODUCER_DISTANCE": 3500, "MARKET_DISTANCE": 250, "OUTPUT_ZONES": "memory:",
        "OUTPUT_PRODUCTS": "memory:"})
    only = next(other["OUTPUT_ZONES"].getFeatures())
    # P1 (1 000 m) and P2 (hypot(1 500, 3 000) = 3 354 m); markets M1 and M2 (200 m)
    assert (only["name"], only["producers"], only["organic_share"]) == ("Around A", 2, 50.0)
    assert (only["markets"], only["sessions_per_week"]) == (2, 3.0)


def test_output_styles_go_through_a_post_processor(styled_output, socle):
    layer, apply_style = styled_output("vacancy_history", {
        "GEOPACKAGE": str(socle), "WRITE_INDICATORS": False}, "OUTPUT")
    assert layer.renderer().type() != "categorizedSymbol"  # nothing styled during the run
    apply_style()
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == "vacancy_class"
    assert [c.value() for c in renderer.categories()] == ["long_term", "vacant", "not_vacant"]


@pytest.mark.parametrize("alg_id, output, others, field", [
    ("offer_mix", "OUTPUT_CENTRALITIES", ("OUTPUT_TABLE", "OUTPUT_GROUPS"), "shannon"),
    ("services_offer", "OUTPUT_ZONES", ("OUTPUT_TABLE",), "services"),
    ("short_circuit_offer", "OUTPUT_ZONES", ("OUTPUT_PRODUCTS",), "producers"),
])
def test_offer_zone_outputs_get_a_graduated_style(styled_output, socle, alg_id, output, others,
                                                  field):
    layer, apply_style = styled_output(alg_id, {
        "GEOPACKAGE": str(socle), "WRITE_INDICATORS": False,
        **dict.fromkeys(others, "memory:")}, output)
    apply_style()
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == field
    assert len(renderer.ranges()) >= 1


class CancelAt(QgsProcessingFeedback):
    """A feedback the user cancels once the progress reaches ``at`` %."""

    def __init__(self, at: float):
        super().__init__()
        self.at = at

    def setProgress(self, progress):  # noqa: N802 - QGIS API
        if progress >= self.at:
            self.cancel()
        super().setProgress(progress)


@pytest.mark.parametrize("alg_id, params, at", [
    # vacancy_rates reports 56 % once the table is computed, before the indicators
    ("vacancy_rates", {"OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"}, 56),
    ("vacancy_rates", {"OUTPUT_TABLE": "memory:", "OUTPUT_CENTRALITIES": "memory:"}, 0),
    ("vacancy_history", {"OUTPUT": "memory:"}, 10),
    ("offer_mix", {"OUTPUT_TABLE": "memory:", "OUTPUT_GROUPS": "memory:",
                   "OUTPUT_CENTRALITIES": "memory:"}, 10),
    ("services_offer", {"OUTPUT_TABLE": "memory:", "OUTPUT_ZONES": "memory:"}, 20),
    ("short_circuit_offer", {"OUTPUT_ZONES": "memory:", "OUTPUT_PRODUCTS": "memory:"}, 20),
])
def test_cancel_writes_nothing(processing_ready, socle, alg_id, params, at):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="Canceled: nothing was written"):
        processing.run(f"observatoire:{alg_id}", {"GEOPACKAGE": str(socle), **params},
                       feedback=CancelAt(at))
    conn = gpkg.connect(socle)
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0
    conn.close()
