"""Flow importers through processing.run on the real public files (skipped when absent) and on
small fixtures: rows validated and refused with reasons, 0 and empty counts distinct in the
GeoPackage, GTFS departures equal to an independent count, idempotent re-imports."""

from __future__ import annotations

import csv

import pytest

from observatoire_commerce.store import observatory

from ..conftest import validate_gpkg
from ..unit.test_source_gtfs import VITALIS, _independent_departures

REAL = "comptage_mobilites"


@pytest.fixture
def socle(tmp_path):
    path = tmp_path / "socle.gpkg"
    observatory.create_observatory(path, "Test")
    return path


def _rows(layer) -> list:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def _query(path, sql, params=()):
    conn = observatory.open_observatory(path)
    try:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def test_real_eco_counter_files_import_idempotently(shared_data, socle, run_alg):
    d = shared_data / REAL
    params = {"GEOPACKAGE": str(socle), "SITES": str(d / "site_eco-compteur_real.csv"),
              "CHANNELS": str(d / "channel_eco-compteur_real.csv"),
              "MEASURES": str(d / "measure_eco-compteur_real.csv"), "REJECTED": "memory:"}
    result = run_alg("import_counts", params)
    with open(d / "measure_eco-compteur_real.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert result["ADDED"] == 3 + 10 + len(rows) and result["REJECTED_COUNT"] == 0
    zeros = sum(r["count"] == "0" for r in rows)
    assert _query(socle, "SELECT count(*), sum(count = 0), sum(count IS NULL) FROM counts") == [
        (len(rows), zeros, sum(r["count"] == "" for r in rows))]
    gambetta = sum(float(r["count"]) for r in rows if r["channel_id"] == "353226362")
    assert _query(socle, "SELECT sum(c.count) FROM counts c JOIN counting_channels k ON "
                         "k.uuid = c.channel_uuid WHERE k.channel_id = '353226362'") == [
        (pytest.approx(gambetta),)]
    # the DST day keeps its local midnight and its 23-hour duration
    assert _query(socle, "SELECT start_local, utc_offset_min, duration_s FROM counts WHERE "
                         "start_utc = '2022-03-26T23:00:00Z' LIMIT 1") == [
        ("2022-03-27T00:00:00", 60, 23 * 3600.0)]
    validate_gpkg(socle)
    again = run_alg("import_counts", params)
    assert again["ADDED"] == 0 and again["REJECTED_COUNT"] == 0


def test_invalid_channel_example_is_refused_row_by_row(shared_data, socle, run_alg):
    s = shared_data / "schemas"
    result = run_alg("import_counts", {
        "GEOPACKAGE": str(socle), "SITES": str(s / "comptage-mobilites_site_exemple-valide.csv"),
        "CHANNELS": str(s / "comptage-mobilites_channel_exemple-invalide.csv"),
        "REJECTED": "memory:"})
    report = [r for r in _rows(result["REJECTED"]) if r["level"] == "rejected"]
    by_row = {}
    for r in report:
        by_row.setdefault(r["row"], {})[r["field"]] = r["reason"]
    assert sorted(by_row) == [2, 3, 4, 5] and result["REJECTED_COUNT"] == 4
    assert set(by_row[2]) == {"temporality", "started_at"}
    assert "already used at row 2" in by_row[3]["channel_id"]
    assert "comma-separated values among" in by_row[4]["mobility_type"]
    assert _query(socle, "SELECT count(*) FROM counting_channels") == [(0,)]
    assert _query(socle, "SELECT count(*) FROM counting_sites") == [(1,)]


def test_zero_and_empty_counts_stay_distinct_in_the_geopackage(shared_data, socle, run_alg):
    s = shared_data / "schemas"
    result = run_alg("import_counts_mapped", {
        "GEOPACKAGE": str(socle), "INPUT": str(s / "comptage-mobilites_measure_exemple-valide.csv"),
        "MAPPING": "start_datetime=start_datetime; end_datetime=end_datetime; count=count; "
                   "channel_id=channel_id; counter_id=counter_id",
        "SITE_ID": "Baix", "SITE_NAME": "Baix", "SITE_POINT": "1.4523,46.5969 [EPSG:4326]",
        "DECIMAL": ".", "REJECTED": "memory:"})
    assert result["REJECTED_COUNT"] == 0
    with open(s / "comptage-mobilites_measure_exemple-valide.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    got = _query(socle, "SELECT count FROM counts ORDER BY fid")
    assert len(got) == len(rows) == 9
    assert sum(v == (0.0,) for v in got) == sum(r["count"] == "0" for r in rows) > 0
    assert sum(v == (None,) for v in got) == sum(r["count"] == "" for r in rows) > 0
    validate_gpkg(socle)


def test_wide_vendor_export_creates_its_channels(fixture_path, tmp_path, socle, run_alg):
    path = fixture_path("flows/vendor_wide.csv", tmp_path)
    params = {"GEOPACKAGE": str(socle), "INPUT": str(path), "MAPPING": "start_datetime=Date",
              "CHANNEL_COLUMNS": "Rue Gambetta IN=g-in; Rue Gambetta OUT=g-out",
              "DATE_FORMAT": "%d/%m/%Y %H:%M", "TIME_STEP": 3600, "SITE_ID": "gambetta",
              "SITE_NAME": "Rue Gambetta", "SITE_POINT": "496400,6612300 [EPSG:2154]",
              "REJECTED": "memory:"}
    first = run_alg("import_counts_mapped", params)
    assert first["ADDED"] > 0
    assert _query(socle, "SELECT channel_id FROM counting_channels ORDER BY 1") == [
        ("g-in",), ("g-out",)]
    assert run_alg("import_counts_mapped", params)["ADDED"] == 0


def test_vitalis_gtfs_departures_per_hour_match_the_text_files(shared_data, socle, run_alg):
    day = "20230627"
    result = run_alg("import_gtfs", {"GEOPACKAGE": str(socle),
                                     "INPUT": str(shared_data / VITALIS),
                                     "DATES": "2023-06-27", "TYPICAL_WEEKDAY": False,
                                     "FREQUENCY": "memory:", "REJECTED": "memory:"})
    assert result["REJECTED_COUNT"] == 0
    report = _rows(result["REJECTED"])
    assert {"block_id", "shape_dist_traveled"} <= {r["field"] for r in report}  # defects
    assert _query(socle, "SELECT count(*) FROM transit_stops") == [(2607,)]
    busiest = _query(socle, "SELECT s.stop_id FROM transit_service v JOIN transit_stops s ON "
                            "s.uuid = v.stop_uuid GROUP BY s.stop_id ORDER BY sum(departures) "
                            "DESC, s.stop_id LIMIT 1")[0][0]
    for stop_id in (busiest, "20187"):
        got = dict(_query(socle, "SELECT v.hour, v.departures FROM transit_service v JOIN "
                                 "transit_stops s ON s.uuid = v.stop_uuid WHERE s.stop_id = ? "
                                 "AND v.service_date = '2023-06-27'", (stop_id,)))
        expected = _independent_departures(shared_data / VITALIS, stop_id, day)
        assert got == expected and sum(expected.values()) > 0
    freq = [r for r in _rows(result["FREQUENCY"]) if r["stop_id"] == busiest]
    expected = _independent_departures(shared_data / VITALIS, busiest, day)
    assert sum(r["departures"] for r in freq) == sum(expected.values())
    validate_gpkg(socle)


def test_real_bnlc_imports_with_extra_column_and_future_dates(shared_data, socle, run_alg):
    path = shared_data / "covoiturage" / "bnlc.csv"
    result = run_alg("import_carpool", {"GEOPACKAGE": str(socle), "PLACES": str(path),
                                        "REFERENCE_DATE": "2024-01-01", "REJECTED": "memory:"})
    report = _rows(result["REJECTED"])
    future = [r for r in report if r["level"] == "warning" and r["field"] == "date_maj"]
    assert future and all("not after today (2024-01-01)" in r["reason"] for r in future)
    extra = [r for r in report if r["field"] == "id_local"]
    assert extra and extra[0]["level"] == "warning"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    added = result["ADDED"]
    assert added == len(rows) - result["REJECTED_COUNT"] and added > 2000
    with_local = _query(socle, "SELECT count(*) FROM carpool_areas WHERE local_id IS NOT NULL")
    assert with_local[0][0] > 0
    validate_gpkg(socle)


def test_parking_schema_examples_and_occupancy(shared_data, fixture_path, tmp_path, socle,
                                               run_alg):
    s = shared_data / "schemas"
    ok = run_alg("import_parking", {"GEOPACKAGE": str(socle),
                                    "PARKINGS": str(s / "stationnement_exemple-valide.csv"),
                                    "REJECTED": "memory:"})
    assert ok["ADDED"] == 2 and ok["REJECTED_COUNT"] == 0
    bad = run_alg("import_parking", {"GEOPACKAGE": str(socle),
                                     "PARKINGS": str(s / "stationnement_exemple-invalide.csv"),
                                     "REJECTED": "memory:"})
    assert bad["ADDED"] == 0 and bad["REJECTED_COUNT"] > 0
    occupancy = tmp_path / "occ.csv"
    occupancy.write_text("parking_id,timestamp,free_places\n75114-P-001,2023-12-09T10:00:00+01:00,"
                         "25\n75114-P-001,2023-12-09T11:00:00+01:00,400\n99999-P-001,"
                         "2023-12-09T10:00:00+01:00,3\n", encoding="utf-8")
    result = run_alg("import_parking", {"GEOPACKAGE": str(socle), "OCCUPANCY": str(occupancy),
                                        "REJECTED": "memory:"})
    reasons = {r["row"]: r["reason"] for r in _rows(result["REJECTED"])}
    assert result["ADDED"] == 1 and sorted(reasons) == [3, 4]
    assert "at most the capacity (325)" in reasons[3] and "parking_id of the GeoPackage" in \
        reasons[4]
    assert _query(socle, "SELECT occupied, occupancy_rate, time_local FROM parking_occupancy") == [
        (300.0, pytest.approx(300 / 325), "2023-12-09T10:00:00")]
    validate_gpkg(socle)


def test_events_and_road_traffic(tmp_path, socle, run_alg):
    events = tmp_path / "events.csv"
    events.write_text("name,centrality,start,end,kind\nMarché,,2024-05-04,2024-05-04,market\n"
                      "Fête,Nowhere,2024-06-21,2024-06-21,festival\n"
                      "Soldes,,2024-07-10,2024-07-01,sales\n", encoding="utf-8")
    result = run_alg("import_events", {"GEOPACKAGE": str(socle), "INPUT": str(events),
                                       "REJECTED": "memory:"})
    fields = {r["row"]: r["field"] for r in _rows(result["REJECTED"])}
    assert result["ADDED"] == 1 and fields == {3: "centrality", 4: "end"}
    road = tmp_path / "road.csv"
    road.write_text("id;annee;tmja;pl;lon;lat\nR1;2023;12000;6.5;0.34;46.58\nR1;2023;1;1;0.34;46.58\n"
                    "R2;2023;-5;2;0.35;46.59\n", encoding="utf-8")
    result = run_alg("import_road_traffic", {
        "GEOPACKAGE": str(socle), "INPUT": str(road),
        "MAPPING": "point_id=id; period=annee; daily_traffic=tmja; heavy_share=pl; x=lon; y=lat",
        "REJECTED": "memory:"})
    assert result["ADDED"] == 1 and result["REJECTED_COUNT"] == 2
    assert _query(socle, "SELECT heavy_share FROM road_traffic") == [(pytest.approx(0.065),)]


def test_ridership_names_stops_of_the_imported_feed(tmp_path, socle, run_alg):
    import shutil

    from ..conftest import TESTS

    feed = shutil.make_archive(str(tmp_path / "tiny"), "zip",
                               TESTS / "data" / "flows" / "gtfs_tiny")
    run_alg("import_gtfs", {"GEOPACKAGE": str(socle), "INPUT": feed, "FEED_NAME": "tiny",
                            "TYPICAL_WEEKDAY": True})
    ridership = tmp_path / "ridership.csv"
    ridership.write_text("stop_id,date,boardings,alightings\nS1,2023-07-04,120,80\n"
                         "S1,2023-07-04,1,1\nZZ,2023-07-04,5,5\nS1,2023-07-05,,\n",
                         encoding="utf-8")
    params = {"GEOPACKAGE": str(socle), "INPUT": str(ridership), "REJECTED": "memory:"}
    result = run_alg("import_ridership", params)
    reasons = {r["row"]: r["reason"] for r in _rows(result["REJECTED"])}
    assert result["ADDED"] == 1 and sorted(reasons) == [3, 4, 5]
    assert "duplicate" in reasons[3] and "stop_id of the imported feed" in reasons[4]
    assert _query(socle, "SELECT boardings, alightings, period FROM transit_ridership") == [
        (120.0, 80.0, "day")]
    assert run_alg("import_ridership", params)["ADDED"] == 0
    validate_gpkg(socle)
