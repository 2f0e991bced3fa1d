"""Importers (SIRENE, BPE, OSM, short circuits): exact rows, reports, idempotence, transactions.

Fixture: an observatory (Lambert-93) with three premises near the SIRENE sample's points:
P1 (497515, 6610205) sign 'Boulangerie des Carmes' (3.3 m from SIRET 12345678900012),
P2 (497412, 6610152) sign 'Pizzeria Roma' (2.8 m from SIRET 23456789100025, another sign),
P3 (490000, 6600000) far away; campaigns 'Inventaire 2024' (closed: P1, P2, P3 observed) and
'Inventaire 2025' (open: P1 'unknown' to confirm, P2 occupied to confirm).
"""

import hashlib
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
)

from observatoire_commerce.ingest.importers import bpe as bpe_import
from observatoire_commerce.ingest.importers import premises as premises_import
from observatoire_commerce.ingest.importers.sirene import import_sirene
from observatoire_commerce.store import geometry, gpkg, observatory
from observatoire_commerce.store.writers import rejections

from ..conftest import validate_gpkg

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"
SIRENE = DATA / "sirene_stock_sample.csv"


def build(path):
    observatory.create_observatory(path, "Imports")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        for uid, x, y in (("P1", 497515, 6610205), ("P2", 497412, 6610152),
                          ("P3", 490000, 6600000)):
            conn.execute("INSERT INTO premises (uuid, geom) VALUES (?, ?)",
                         (uid, geometry.encode_point(x, y, 2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, state) VALUES "
                     "('k24', 'Inventaire 2024', 2024, '2024-10-01', 'closed'), "
                     "('k25', 'Inventaire 2025', 2025, '2025-10-01', 'open')")
        for uid, premise, campaign, status, sign, state in (
                ("o1", "P1", "k24", "occupied", "Boulangerie des Carmes", "confirmed"),
                ("o2", "P2", "k24", "occupied", "Pizzeria Roma", "confirmed"),
                ("o3", "P3", "k24", "vacant", None, "confirmed"),
                ("o4", "P1", "k25", "unknown", None, "to_confirm"),
                ("o5", "P2", "k25", "occupied", "Pizzeria Roma", "to_confirm")):
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                         "status, sign_name, visit_state) VALUES (?,?,?,?,?,?)",
                         (uid, premise, campaign, status, sign, state))
    conn.close()
    return path


def counts(path):
    conn = gpkg.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("premises", "premise_observations", "premise_sources", "campaigns",
                          "services", "producers", "producer_products", "markets")}
    finally:
        conn.close()


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_sirene_imports_exactly_the_right_rows_and_reimport_adds_nothing(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    before = counts(path)
    params = {"GEOPACKAGE": str(path), "INPUT": str(SIRENE), "COMMUNES": "86194",
              "CAMPAIGN": "Inventaire 2025", "OUTPUT_REVIEW": "memory:",
              "REJECTED": "memory:"}
    result = run_alg("import_sirene", params)
    # rows 2 (bakery: matched to P1), 3 (restaurant next to P2 'Pizzeria Roma': review),
    # 9 (clothing shop, nothing within 25 m: new premise); row 8 another commune (skipped)
    assert (result["NEW_PREMISES"], result["MATCHED"], result["KNOWN"], result["TO_REVIEW"],
            result["OBSERVATIONS"]) == (1, 1, 0, 1, 1)
    # closed (4), not diffusible (5), NAP (6), no coordinates (7), duplicate (10),
    # 12-digit SIRET (11), NAF '47.2' (12)
    assert result["REJECTED_COUNT"] == 7
    rejected = {(f["row"], f["field"]) for f in result["REJECTED"].getFeatures()
                if f["level"] == "rejected"}
    assert rejected == {(4, "etatAdministratifEtablissement"),
                        (5, "statutDiffusionEtablissement"),
                        (6, "nomenclatureActivitePrincipaleEtablissement"),
                        (7, "coordinates"), (10, "siret"), (11, "siret"),
                        (12, "activitePrincipaleEtablissement")}
    review = list(result["OUTPUT_REVIEW"].getFeatures())
    assert [(f["source_id"], f["premise_uuid"]) for f in review] == [("23456789100025", "P2")]
    assert review[0].geometry().asPoint() == QgsPointXY(497410, 6610150)
    after = counts(path)
    assert after["premises"] == before["premises"] + 1
    assert after["premise_sources"] == 2
    assert after["premise_observations"] == before["premise_observations"] + 1
    conn = gpkg.connect(path)
    # P1's 'unknown' observation to confirm takes the SIRENE activity; nothing else changes
    row = conn.execute("SELECT status, activity_group, naf_code, sign_name, visit_state FROM "
                       "premise_observations WHERE uuid = 'o4'").fetchone()
    assert tuple(row) == ("occupied", "alimentaire", "47.24Z", "BOULANGERIE DES CARMES",
                          "to_confirm")
    new = conn.execute("SELECT p.address, o.activity_group, o.sign_name, o.visit_state "
                       "FROM premises p JOIN premise_observations o ON o.premise_uuid = p.uuid "
                       "WHERE p.uuid NOT IN ('P1', 'P2', 'P3')").fetchone()
    assert tuple(new) == ("40 GRANDE RUE", "equipement_personne", "MODE ET SENS", "to_confirm")
    # the 7 rejections, and row 5 (not diffusible, not linked yet) as a warning
    assert conn.execute("SELECT count(*) FROM import_rejections").fetchone()[0] == 8
    assert tuple(conn.execute(
        "SELECT row, level, field FROM import_rejections WHERE level <> 'rejected'").fetchone()
    ) == (5, "warning", "statutDiffusionEtablissement")
    assert conn.execute("SELECT group_concat(DISTINCT diffusion_status) FROM premise_sources "
                        "WHERE source = 'sirene'").fetchone()[0] == "O"
    conn.close()
    validate_gpkg(path)

    again = run_alg("import_sirene", params)
    assert (again["NEW_PREMISES"], again["MATCHED"], again["KNOWN"], again["TO_REVIEW"],
            again["OBSERVATIONS"]) == (0, 0, 2, 1, 0)
    assert counts(path) == after
    conn = gpkg.connect(path)
    assert conn.execute("SELECT count(*) FROM import_rejections").fetchone()[0] == 8
    conn.close()


def test_a_sole_trader_turned_non_public_is_never_published(run_alg, tmp_path):
    """The bakery of row 2 is linked to P1 as public; a later stock file gives its SIRET the
    status P (diffusion partielle): the link takes it, and P1's sign leaves the exports."""
    from observatoire_commerce.store import publication

    path = build(tmp_path / "s.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(SIRENE), "COMMUNES": "86194",
              "REJECTED": "memory:"}
    run_alg("import_sirene", params)
    lines = SIRENE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row2 = lines[1].split(",")
    siret = row2[header.index("siret")]
    row2[header.index("statutDiffusionEtablissement")] = "P"
    later = tmp_path / "StockEtablissement_later.csv"
    later.write_text("\n".join([lines[0], ",".join(row2)] + lines[2:]) + "\n",
                     encoding="utf-8")
    result = run_alg("import_sirene", dict(params, INPUT=str(later)))
    assert result["NEW_PREMISES"] == 0
    conn = gpkg.connect(path)
    assert tuple(conn.execute("SELECT premise_uuid, diffusion_status FROM premise_sources "
                              "WHERE source_id = ?", (siret,)).fetchone()) == ("P1", "P")
    assert "P1" in publication.non_public_premises(conn)
    conn.close()
    validate_gpkg(path)


def test_sirene_failure_leaves_the_file_byte_for_byte(tmp_path, monkeypatch):
    path = build(tmp_path / "s.gpkg")
    conn = observatory.open_observatory(path)
    conn.close()
    before = digest(path)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(premises_import, "_observations", boom)
    conn = observatory.open_observatory(path)
    with pytest.raises(RuntimeError, match="disk full"):
        import_sirene(conn, SIRENE, communes=["86194"], campaign="Inventaire 2025")
    conn.close()
    assert digest(path) == before


def test_sirene_cancel_leaves_the_file_unchanged(tmp_path, run_alg, processing_ready):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    path = build(tmp_path / "s.gpkg")
    observatory.open_observatory(path).close()
    before = digest(path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run("observatoire:import_sirene", {
            "GEOPACKAGE": str(path), "INPUT": str(SIRENE), "OUTPUT_REVIEW": "memory:",
            "REJECTED": "memory:"}, context=QgsProcessingContext(), feedback=feedback)
    assert digest(path) == before


def test_sirene_longitude_latitude_reprojected_and_campaign_created(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    csv = tmp_path / "StockEtablissement_lonlat.csv"
    csv.write_text(
        "siret,etatAdministratifEtablissement,statutDiffusionEtablissement,"
        "activitePrincipaleEtablissement,codeCommuneEtablissement,enseigne1Etablissement,"
        "longitude,latitude\n"
        "11122233300017,A,O,47.76Z,86194,FLEURS DU CLAIN,0.3404,46.5802\n"
        "11122233300025,A,O,69.20Z,86194,CABINET COMPTABLE,0.3410,46.5810\n", encoding="utf-8")
    result = run_alg("import_sirene", {
        "GEOPACKAGE": str(path), "INPUT": str(csv), "CAMPAIGN": "Inventaire 2026",
        "CREATE_CAMPAIGN": True, "OUTPUT_REVIEW": "memory:", "REJECTED": "memory:"})
    # the accountant (69.20Z, not retail) is skipped; the florist becomes a premise
    assert (result["NEW_PREMISES"], result["OBSERVATIONS"], result["REJECTED_COUNT"]) == (1, 1, 0)
    conn = gpkg.connect(path)
    blob, year, state = conn.execute(
        "SELECT p.geom, c.year, c.state FROM premises p JOIN premise_observations o "
        "ON o.premise_uuid = p.uuid JOIN campaigns c ON c.uuid = o.campaign_uuid "
        "WHERE c.name = 'Inventaire 2026'").fetchone()
    conn.close()
    x, y = geometry.decode(blob)[1]
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsProject())
    expected = transform.transform(QgsPointXY(0.3404, 46.5802))
    assert (x, y) == pytest.approx((expected.x(), expected.y()), abs=0.01)
    assert (year, state) == (2026, "open")


def test_sirene_unknown_campaign_is_a_clear_error(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    with pytest.raises(QgsProcessingException, match="unknown campaign 'Inventaire 1999'; "
                                                      "campaigns in the GeoPackage: Inventaire "
                                                      "2024, Inventaire 2025"):
        run_alg("import_sirene", {"GEOPACKAGE": str(path), "INPUT": str(SIRENE),
                                  "CAMPAIGN": "Inventaire 1999", "OUTPUT_REVIEW": "memory:",
                                  "REJECTED": "memory:"})


def test_bpe_import_and_reimport(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(DATA / "bpe_sample.csv"),
              "COMMUNES": "86194", "REJECTED": "memory:"}
    result = run_alg("import_bpe", params)
    # 7 rows of 86194: Z999 (malformed) and the non-geolocated B302 are rejected; F999 (absent
    # from the TYPEQU table) is kept with a warning; the two identical A504 rows both kept
    assert (result["NEW_SERVICES"], result["UPDATED_SERVICES"]) == (5, 0)
    assert (result["REJECTED_COUNT"], result["WARNINGS"]) == (2, 1)
    conn = gpkg.connect(path)
    rows = conn.execute("SELECT typequ, domain, range, vintage FROM services "
                        "ORDER BY typequ").fetchall()
    assert [tuple(r) for r in rows] == [
        ("A504", "A", "proximite", "2021"), ("A504", "A", "proximite", "2021"),
        ("B203", "B", "proximite", "2021"), ("D307", "D", "proximite", "2021"),
        ("F999", "F", None, "2021")]
    uuids = {r[0] for r in conn.execute("SELECT uuid FROM services")}
    conn.close()
    again = run_alg("import_bpe", params)
    # the same file again: nothing rewritten, the five services counted unchanged
    assert (again["NEW_SERVICES"], again["UPDATED_SERVICES"], again["UNCHANGED"]) == (0, 0, 5)
    conn = gpkg.connect(path)
    assert {r[0] for r in conn.execute("SELECT uuid FROM services")} == uuids
    conn.close()
    validate_gpkg(path)


def test_bpe_failure_leaves_the_file_byte_for_byte(tmp_path, monkeypatch):
    path = build(tmp_path / "s.gpkg")
    observatory.open_observatory(path).close()
    before = digest(path)

    def boom(*args, **kwargs):
        raise RuntimeError("crash while writing")

    monkeypatch.setattr(rejections, "replace_rejections", boom)
    conn = observatory.open_observatory(path)
    with pytest.raises(RuntimeError):
        bpe_import.import_bpe(conn, DATA / "bpe_sample.csv")
    conn.close()
    assert digest(path) == before


def test_osm_geojson_import(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(DATA / "osm_export.geojson"),
              "CAMPAIGN": "Inventaire 2025", "OUTPUT_REVIEW": "memory:",
              "REJECTED": "memory:"}
    result = run_alg("import_osm_shops", params)
    # candidates: bakery, restaurant (brand), supermarket (polygon centroid), shop=yes
    # (no group: warning), vacant shop, shoemaker; bench skipped; florist without geometry
    # rejected. The way/3 square at (1, 1) degrees is far from France but still transformable.
    assert result["NEW_PREMISES"] == 6 and result["OBSERVATIONS"] == 6
    assert result["REJECTED_COUNT"] == 1
    conn = gpkg.connect(path)
    statuses = sorted(r[0] for r in conn.execute(
        "SELECT o.status FROM premise_observations o JOIN premise_sources s "
        "ON s.premise_uuid = o.premise_uuid WHERE s.source = 'osm'"))
    assert statuses == ["occupied"] * 5 + ["vacant"]
    chain = conn.execute("SELECT o.chain_type FROM premise_observations o JOIN premise_sources "
                         "s ON s.premise_uuid = o.premise_uuid WHERE s.source_id = 'node/2'"
                         ).fetchone()[0]
    conn.close()
    assert chain == "chain"
    again = run_alg("import_osm_shops", params)
    assert (again["NEW_PREMISES"], again["KNOWN"], again["OBSERVATIONS"]) == (0, 6, 0)


def test_osm_pbf_import(run_alg, tmp_path, shared_data):
    pbf = shared_data / "osm" / "monaco.osm.pbf"
    if not pbf.is_file():
        pytest.skip("monaco.osm.pbf absent")
    path = build(tmp_path / "s.gpkg")
    result = run_alg("import_osm_shops", {"GEOPACKAGE": str(path), "INPUT": str(pbf),
                                          "OUTPUT_REVIEW": "memory:",
                                          "REJECTED": "memory:"})
    assert result["NEW_PREMISES"] > 50
    validate_gpkg(path)


def test_short_circuits_import(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    params = {"GEOPACKAGE": str(path), "PRODUCERS": str(DATA / "producers.csv"),
              "MARKETS": str(DATA / "markets.csv"), "SOURCE_NAME": "ca86",
              "REJECTED": "memory:"}
    result = run_alg("import_short_circuits", params)
    # producers: P3 (organic 'peut-être'), P4 (no product), P5 (no coordinates) rejected;
    # markets: M5 ('à définir', no weekday) rejected
    assert (result["NEW_PRODUCERS"], result["NEW_MARKETS"], result["REJECTED_COUNT"]) == (3, 4, 4)
    conn = gpkg.connect(path)
    products = sorted(tuple(r) for r in conn.execute(
        "SELECT p.source_id, pp.product FROM producer_products pp JOIN producers p "
        "ON p.uuid = pp.producer_uuid"))
    assert products == [("P1", "legumes"), ("P1", "oeufs"), ("P2", "miel"),
                        ("P6", "escargots")]
    markets = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT source_id, days, per_week, organic FROM markets")}
    assert markets["M1"] == ("lundi;mardi;mercredi;jeudi;vendredi;samedi", 6.0, 0)
    assert markets["M3"] == ("vendredi;samedi", 2.0, 1)
    assert markets["M4"][1] == pytest.approx(24 / 52, abs=1e-4)
    conn.close()
    before = counts(path)
    again = run_alg("import_short_circuits", params)
    assert (again["NEW_PRODUCERS"], again["NEW_MARKETS"]) == (0, 0)
    assert counts(path) == before
    validate_gpkg(path)


def test_short_circuits_need_a_file(run_alg, tmp_path):
    path = build(tmp_path / "s.gpkg")
    with pytest.raises(QgsProcessingException, match="producers file"):
        run_alg("import_short_circuits", {"GEOPACKAGE": str(path),
                                          "REJECTED": "memory:"})


# --- every importer reads and logs the same way (issue 14) -------------------------------------

COMMON_OUTPUTS = {"REJECTED", "ROWS_READ", "ADDED", "UPDATED", "UNCHANGED", "REJECTED_COUNT",
                  "WARNINGS"}


def _importer_inputs(tmp_path):
    """Parameters of every import algorithm on a small valid fixture, and its CSV files."""
    import shutil

    from ..unit import test_fuzz_importers as fx

    def put(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    feed = shutil.make_archive(str(tmp_path / "tiny"), "zip", fx.FLOWS / "gtfs_tiny")
    return {
        "import_sirene": ({"INPUT": str(SIRENE)}, ["sirene_stock_sample.csv"]),
        "import_bpe": ({"INPUT": str(DATA / "bpe_sample.csv")}, ["bpe_sample.csv"]),
        "import_osm_shops": ({"INPUT": str(DATA / "osm_export.geojson")}, []),
        "import_short_circuits": ({"PRODUCERS": str(DATA / "producers.csv"),
                                   "MARKETS": str(DATA / "markets.csv")},
                                  ["producers.csv", "markets.csv"]),
        "import_counts": ({"SITES": put("site.csv", fx.SITES),
                           "CHANNELS": put("channel.csv", fx.CHANNELS),
                           "MEASURES": str(fx.FLOWS / "measure_offsets.csv")},
                          ["site.csv", "channel.csv", "measure_offsets.csv"]),
        "import_counts_mapped": ({"INPUT": str(fx.FLOWS / "vendor_wide.csv"),
                                  "MAPPING": "start_datetime=Date",
                                  "CHANNEL_COLUMNS": "Rue Gambetta IN=g-in; Rue Gambetta OUT=g-out",
                                  "TIME_STEP": 3600, "SITE_ID": "g", "SITE_NAME": "Gambetta",
                                  "SITE_POINT": "496400,6612300 [EPSG:2154]"},
                                 ["vendor_wide.csv"]),
        "import_parking": ({"PARKINGS": put("parkings.csv", fx.PARKINGS),
                            "OCCUPANCY": str(fx.FLOWS / "occupancy.csv")},
                           ["parkings.csv", "occupancy.csv"]),
        "import_gtfs": ({"INPUT": feed, "FEED_NAME": "tiny"}, ["stops.txt", "stop_times.txt"]),
        "import_ridership": ({"INPUT": put("ridership.csv", fx.RIDERSHIP)}, ["ridership.csv"]),
        "import_road_traffic": ({"INPUT": put("road.csv", fx.ROAD)}, ["road.csv"]),
        "import_carpool": ({"PLACES": put("bnlc.csv", fx.BNLC),
                            "TRIPS": put("trips.csv", fx.TRIPS)}, ["bnlc.csv", "trips.csv"]),
        "import_events": ({"INPUT": put("events.csv", fx.EVENTS)}, ["events.csv"]),
        "import_population_grid": ({"INPUT": str(DATA.parent / "filosofi" / "grid_2019.csv")},
                                   ["grid_2019.csv"]),
        "import_centralities": ({"INPUT": put("centralites.geojson", CENTRALITIES),
                                 "NAME_FIELD": "nom", "LEVEL_FIELD": "niveau"}, []),
        "import_services_layer": ({"INPUT": put("equipements.geojson", FACILITIES),
                                   "CATEGORY_FIELD": "type", "TYPE_MAP": "poste=A206"}, []),
        "import_parking_sessions": ({"INPUT": str(fx.ACTIVITY / "sessions_fr.csv"),
                                     "PRESET": "tickets_fr"}, ["sessions_fr.csv"]),
        "import_presence": ({"INPUT": str(fx.ACTIVITY / "presence_classes.csv")},
                            ["presence_classes.csv"]),
        "import_sirene_history": ({"INPUT": str(fx.ACTIVITY / "sirene_history.csv"),
                                   "STOCK": str(fx.ACTIVITY / "sirene_stock.csv")},
                                  ["sirene_history.csv", "sirene_stock.csv"]),
        "import_activity_index": ({"INPUT": str(fx.ACTIVITY / "activity_index.csv"),
                                   "MAPPING": "sector=secteur; period=periode; value=valeur"},
                                  ["activity_index.csv"]),
        "import_roads": ({"INPUT": put("rues.geojson", STREETS), "NAME_FIELD": "nom"}, []),
        # the open campaign's workbook, written by export_inventory_xlsx (see the test)
        "import_inventory_xlsx": ({"INPUT": str(tmp_path / "inventaire.xlsx")}, []),
        "import_survey_responses": ({"INPUT": str(DATA.parent / "survey" / "kobo_export.csv")},
                                    []),
    }


STREETS = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
           b'{"nom": "Grand Rue"}, "geometry": {"type": "LineString", "coordinates": [[0.34, '
           b'46.58], [0.341, 46.58]]}}, {"type": "Feature", "properties": {"nom": "Rue sans '
           b'trace"}, "geometry": null}]}')


FACILITIES = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
              b'{"type": "POSTE"}, "geometry": {"type": "Point", "coordinates": [0.34, '
              b'46.58]}}]}')


CENTRALITIES = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                b'"properties": {"nom": "Centre-ville", "niveau": "centre-ville"}, "geometry": '
                b'{"type": "Polygon", "coordinates": [[[0.34, 46.58], [0.345, 46.58], '
                b'[0.345, 46.585], [0.34, 46.58]]]}}]}')


IMPORTERS = ["import_sirene", "import_bpe", "import_osm_shops", "import_short_circuits",
             "import_counts", "import_counts_mapped", "import_parking", "import_gtfs",
             "import_ridership", "import_road_traffic", "import_carpool", "import_events",
             "import_population_grid", "import_centralities", "import_services_layer",
             "import_parking_sessions", "import_presence", "import_sirene_history",
             "import_activity_index", "import_roads", "import_inventory_xlsx",
             "import_survey_responses"]

#: Importers whose rejected-rows table kept the name scripts and models already use.
REJECTED_TABLE = {"import_inventory_xlsx": "OUTPUT_ERRORS",
                  "import_survey_responses": "OUTPUT_REJECTED"}

#: Importers without an ENCODING parameter, and why: they read no delimited text of their own.
NO_ENCODING = {
    "import_osm_shops": "GeoJSON, UTF-8 by its specification",
    "import_centralities": "any QGIS layer, decoded by its provider",
    "import_services_layer": "any QGIS layer, decoded by its provider",
    "import_roads": "an OSM file or any QGIS line layer, decoded by GDAL or its provider",
    "import_inventory_xlsx": "an .xlsx workbook (XML in a zip: its encoding is declared)",
    "import_survey_responses": "KoboToolbox and ODK exports, whose encoding the Kobo reader "
                               "detects (survey_forms.kobo_import)",
}


def add_survey_centralities(path) -> None:
    """The two centralities the questionnaire export of tests/data/survey names (codes
    centre_ville, derived from the name, and gare)."""
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level) VALUES ('c-centre', "
                     "'Centre-ville', 'primary'), ('c-gare', 'Gare', 'secondary')")
        conn.execute("UPDATE centralities SET code = 'gare' WHERE uuid = 'c-gare'")
    conn.close()


@pytest.mark.parametrize("alg_id", IMPORTERS)
def test_every_importer_reads_and_logs_the_same_way(alg_id, processing_ready, tmp_path):
    from qgis import processing
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingParameterDefinition,
    )

    alg = QgsApplication.processingRegistry().algorithmById(f"observatoire:{alg_id}")
    params = {p.name(): p for p in alg.parameterDefinitions()}
    outputs = {o.name() for o in alg.outputDefinitions()}
    rejected_table = REJECTED_TABLE.get(alg_id, "REJECTED")
    common = COMMON_OUTPUTS - {"REJECTED"} | {rejected_table}
    assert outputs >= common
    assert params[rejected_table].flags() & QgsProcessingParameterDefinition.FlagOptional
    if alg_id not in NO_ENCODING:
        assert "ENCODING" in params
        assert params["ENCODING"].flags() & QgsProcessingParameterDefinition.FlagAdvanced

    class Log(QgsProcessingFeedback):
        lines: list = []

        def pushInfo(self, text):  # noqa: N802 - QGIS API
            self.lines.append(text)

    path = build(tmp_path / "s.gpkg")
    if alg_id == "import_ridership":
        processing.run("observatoire:import_gtfs", {
            "GEOPACKAGE": str(path), "INPUT": _importer_inputs(tmp_path)["import_gtfs"][0][
                "INPUT"]}, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    if alg_id == "import_inventory_xlsx":
        processing.run("observatoire:export_inventory_xlsx", {
            "GEOPACKAGE": str(path), "OUTPUT": str(tmp_path / "inventaire.xlsx")},
            context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    if alg_id == "import_survey_responses":
        add_survey_centralities(path)
    inputs, files = _importer_inputs(tmp_path)[alg_id]
    log = Log()
    log.lines = []
    result = processing.run(f"observatoire:{alg_id}", {"GEOPACKAGE": str(path), **inputs},
                            context=QgsProcessingContext(), feedback=log)
    assert set(result) >= common, "the rejected rows are a temporary table when not given"
    counts = [line for line in log.lines if " rows read: " in line]
    assert counts == [
        f"{result['ROWS_READ']} rows read: {result['ADDED']} added, {result['UPDATED']} updated, "
        f"{result['UNCHANGED']} unchanged, {result['REJECTED_COUNT']} rejected; "
        f"{result['WARNINGS']} warnings"]
    for name in files:
        assert any(line.startswith(f"{name}: encoding ") and ", separator " in line
                   for line in log.lines), (name, log.lines)
    rejected = [line for line in log.lines if line.startswith("Rejected: ")]
    assert len(rejected) == len(set(rejected))  # each rejected row once
    if alg_id == "import_roads":  # the street without a geometry is rejected, named
        assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (2, 1, 1)
        assert rejected == ["Rejected: rues, row 2: geometry='': a line geometry"]


def _quickosm(features):
    """A QuickOSM / ogr2ogr-style GeoJSON: ids in osm_id + osm_type and full_id, no @id."""
    import json

    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"full_id": f"{t[0]}{i}", "osm_id": str(i),
                                           "osm_type": t, "shop": shop, "name": name},
         "geometry": {"type": "Point", "coordinates": [x, y]}}
        for t, i, shop, name, x, y in features]})


def test_osm_export_reordered_changes_nothing(tmp_path):
    """Features are keyed on their OSM type/id whatever the exporter: the same shops in another
    order link to the same premises and add nothing."""
    from observatoire_commerce.ingest.importers.osm import import_osm

    shops = [("node", 101 + k, kind, f"Commerce {k}", 0.3400 + 0.0004 * k, 46.5800 + 0.0003 * k)
             for k, kind in enumerate(["bakery", "butcher", "florist", "books", "clothes",
                                       "shoes", "optician", "hairdresser"])]
    shops.append(("way", 77, "supermarket", "Carré", 0.3500, 46.5900))
    path = build(tmp_path / "s.gpkg")
    first, again = tmp_path / "shops.geojson", tmp_path / "reordered.geojson"
    first.write_text(_quickosm(shops), encoding="utf-8")
    again.write_text(_quickosm(shops[::-1][3:] + shops[::-1][:3]), encoding="utf-8")
    conn = observatory.open_observatory(path)
    try:
        result = import_osm(conn, first)
        assert result.counts["new"] == 9
        links = set(conn.execute("SELECT source_id, premise_uuid FROM premise_sources"))
        assert {sid for sid, _ in links} == {f"node/{101 + k}" for k in range(8)} | {"way/77"}
        before = counts(path)
        result = import_osm(conn, again)
        assert (result.counts["known"], result.counts["new"], result.counts["matched"]) == (
            9, 0, 0)
        assert set(conn.execute("SELECT source_id, premise_uuid FROM premise_sources")) == links
    finally:
        conn.close()
    assert counts(path) == before


def test_osm_services_typed_through_the_editable_table(run_alg, tmp_path):
    """amenity=pharmacy → D307, healthcare=doctor → D201 (osm_bpe_map); a row added to the
    table types more features; re-importing updates in place."""
    import json

    features = [("node", 1, {"amenity": "pharmacy", "name": "Pharmacie du Centre"}),
                ("node", 2, {"healthcare": "doctor", "name": "Dr Martin"}),
                ("way", 3, {"amenity": "library", "name": "Médiathèque"}),
                ("node", 4, {"amenity": "bench"})]
    path = tmp_path / "services.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"@id": f"{t}/{i}", **tags},
         "geometry": {"type": "Point", "coordinates": [0.34 + i / 1000, 46.58]}}
        for t, i, tags in features]}), encoding="utf-8")
    gpkg_path = build(tmp_path / "s.gpkg")
    params = {"GEOPACKAGE": str(gpkg_path), "INPUT": str(path)}
    result = run_alg("import_bpe", params)
    assert (result["NEW_SERVICES"], result["ROWS_READ"]) == (2, 4)
    conn = gpkg.connect(gpkg_path)
    rows = [tuple(r) for r in conn.execute(
        "SELECT source, vintage, source_id, typequ, label, domain, notes FROM services "
        "ORDER BY source_id")]
    assert rows == [("osm", "OSM", "node/1", "D307", "Pharmacie", "D", "Pharmacie du Centre"),
                    ("osm", "OSM", "node/2", "D201", "Médecin généraliste", "D", "Dr Martin")]
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO osm_bpe_map (uuid, key, value, typequ) VALUES "
                     "('u-lib', 'amenity', 'library', 'F307')")
    conn.close()
    again = run_alg("import_bpe", params)
    # the library is new; the two services already imported are unchanged, not rewritten
    assert (again["NEW_SERVICES"], again["UPDATED_SERVICES"], again["UNCHANGED"],
            again["WARNINGS"]) == (1, 0, 2, 1)
    validate_gpkg(gpkg_path)


@pytest.mark.parametrize("name, vintage, message", [
    ("equipements.xlsx", "", "equipements.xlsx: expected the BPE CSV file or an OpenStreetMap "
                             "export (.csv, .txt, "),
    ("bpe.csv", "21", "The BPE vintage is a year such as 2021, not 21."),
])
def test_import_bpe_says_what_it_takes(name, vintage, message, run_alg, tmp_path):
    path = tmp_path / name
    path.write_bytes(b"PK" if name.endswith(".xlsx") else b"DEPCOM;TYPEQU\n86194;B203\n")
    socle = build(tmp_path / "s.gpkg")
    before = digest(socle)
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("import_bpe", {"GEOPACKAGE": str(socle), "INPUT": str(path),
                               "VINTAGE": vintage})
    assert message in str(caught.value)
    assert digest(socle) == before
