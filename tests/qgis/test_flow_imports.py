"""Flow importers through processing.run on the real public files (skipped when absent) and on
small fixtures: rows validated and refused with reasons, 0 and empty counts distinct in the
GeoPackage, GTFS departures equal to an independent count, idempotent re-imports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

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


@pytest.mark.parametrize("reference, future", [
    ("2023-01-01", ["2023-05-01"]),    # text, as qgis_process gives it: one update after it
    ("2022-01-01", ["2023-05-01", "2022-11-15"]),
])
def test_carpool_reference_date_is_a_date_parameter(socle, run_alg, tmp_path, reference,
                                                    future):
    """REFERENCE_DATE is a Processing date (issue 13): text YYYY-MM-DD or a date; the places
    updated after it (date_maj 2023-05-01 and 2022-11-15 in the fixture) are warned, kept."""
    from qgis.core import QgsApplication, QgsProcessingParameterDateTime
    from qgis.PyQt.QtCore import QDate

    from ..unit.test_fuzz_importers import BNLC

    alg = QgsApplication.processingRegistry().algorithmById("observatoire:import_carpool")
    assert isinstance(alg.parameterDefinition("REFERENCE_DATE"), QgsProcessingParameterDateTime)
    places = tmp_path / "bnlc.csv"
    places.write_bytes(BNLC)
    for value in (reference, QDate.fromString(reference, "yyyy-MM-dd")):
        result = run_alg("import_carpool", {"GEOPACKAGE": str(socle), "PLACES": str(places),
                                            "REFERENCE_DATE": value})
        warned = [r["value"] for r in _rows(result["REJECTED"]) if r["field"] == "date_maj"]
        assert warned == future
        assert all(f"not after today ({reference})" in r["reason"]
                   for r in _rows(result["REJECTED"]) if r["field"] == "date_maj")
    with pytest.raises(QgsProcessingException, match="not written YYYY-MM-DD"):
        run_alg("import_carpool", {"GEOPACKAGE": str(socle), "PLACES": str(places),
                                   "REFERENCE_DATE": "1er janvier"})


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
    # R1 given twice alike (one kept), R2 negative, R3 twice with different counts (which
    # to keep would depend on the rows' order: neither)
    road.write_text("id;annee;tmja;pl;lon;lat\nR1;2023;12000;6.5;0.34;46.58\n"
                    "R1;2023;12000;6.5;0.34;46.58\nR2;2023;-5;2;0.35;46.59\n"
                    "R3;2023;100;1;0.35;46.59\nR3;2023;200;1;0.35;46.59\n", encoding="utf-8")
    result = run_alg("import_road_traffic", {
        "GEOPACKAGE": str(socle), "INPUT": str(road),
        "MAPPING": "point_id=id; period=annee; daily_traffic=tmja; heavy_share=pl; x=lon; y=lat",
        "REJECTED": "memory:"})
    assert result["ADDED"] == 1 and result["REJECTED_COUNT"] == 4
    assert sorted(r["row"] for r in _rows(result["REJECTED"])) == [3, 4, 5, 6]
    assert _query(socle, "SELECT point_id, heavy_share FROM road_traffic") == [
        ("R1", pytest.approx(0.065))]


def test_ridership_names_stops_of_the_imported_feed(tmp_path, socle, run_alg):
    import shutil

    from ..conftest import TESTS

    feed = shutil.make_archive(str(tmp_path / "tiny"), "zip",
                               TESTS / "data" / "flows" / "gtfs_tiny")
    run_alg("import_gtfs", {"GEOPACKAGE": str(socle), "INPUT": feed, "FEED_NAME": "tiny",
                            "TYPICAL_WEEKDAY": True})
    ridership = tmp_path / "ridership.csv"
    ridership.write_text("stop_id,date,boardings,alightings\nS1,2023-07-04,120,80\n"
                         "S1,2023-07-04,120,80\nZZ,2023-07-04,5,5\nS1,2023-07-05,,\n",
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


# --- issue 16: values never wrapped, clear refusals; issue 14: French conventions -------------

SITE = "site_id,site_name,xlong,ylat\ns1,Rue Gambetta,0.3405,46.5802\n"
CHANNEL = ("channel_id,site_id,temporality,started_at,time_step\n"
           "ch1,s1,PERMANENT,2022-01-01T00:00:00+01:00,{step}\n")


def _files(tmp_path, measures, step=3600):
    (tmp_path / "site.csv").write_text(SITE, encoding="utf-8")
    (tmp_path / "channel.csv").write_text(CHANNEL.format(step=step), encoding="utf-8")
    (tmp_path / "measure.csv").write_text(measures, encoding="utf-8")
    return {k: str(tmp_path / f"{k.lower()[:-1]}.csv") for k in ("SITES", "CHANNELS",
                                                                 "MEASURES")}


def test_dates_and_counts_out_of_range_are_rejected_not_wrapped(tmp_path, socle, run_alg):
    files = _files(tmp_path, "channel_id,start_datetime,end_datetime,count\n"
                             "ch1,2022-03-01T10:00:00+01:00,2022-03-01T11:00:00+01:00,5\n"
                             "ch1,3025-03-01T10:00:00+01:00,3025-03-01T11:00:00+01:00,5\n"
                             "ch1,0202-03-01T10:00:00+01:00,0202-03-01T11:00:00+01:00,5\n"
                             "ch1,2022-03-01T12:00:00+01:00,2262-04-12T00:00:00Z,5\n"
                             "ch1,2022-03-01T13:00:00+01:00,2022-03-01T14:00:00+01:00,1e23\n"
                             "ch1,2022-03-01T14:00:00+01:00,2022-03-01T15:00:00+01:00,inf\n")
    result = run_alg("import_counts", {"GEOPACKAGE": str(socle), **files})
    reasons = {(r["row"], r["field"]): r["reason"] for r in _rows(result["REJECTED"])
               if r["level"] == "rejected"}
    assert reasons == {
        (3, "start_datetime"): "a date between 1900-01-01 and 2100-12-31",
        (3, "end_datetime"): "a date between 1900-01-01 and 2100-12-31",
        (4, "start_datetime"): "a date between 1900-01-01 and 2100-12-31",
        (4, "end_datetime"): "a date between 1900-01-01 and 2100-12-31",
        (5, "end_datetime"): "a date between 1900-01-01 and 2100-12-31",
        (6, "count"): "a value <= 1e+12 (larger values are typing errors)",
        (7, "count"): "a finite number"}
    assert result["REJECTED_COUNT"] == 5 and result["ROWS_READ"] == 1 + 1 + 6
    assert _query(socle, "SELECT start_utc, count FROM counts") == [("2022-03-01T09:00:00Z", 5.0)]
    stored = _query(socle, "SELECT count(*) FROM import_rejections WHERE source = 'comptage'")
    assert stored == [(7,)]


def test_measures_without_their_channel_file_are_refused_naming_it(tmp_path, socle, run_alg):
    files = _files(tmp_path, "channel_id,start_datetime,count\nch1,2022-03-01T10:00:00Z,5\n")
    before = socle.read_bytes()
    with pytest.raises(QgsProcessingException, match=r"measure.csv: its channels \(ch1\) are not "
                                                     r"in the GeoPackage: import the channel "
                                                     r"file \(channel_\*.csv\)"):
        run_alg("import_counts", {"GEOPACKAGE": str(socle), "MEASURES": files["MEASURES"]})
    assert socle.read_bytes() == before


def test_a_time_step_contradicted_by_the_data_is_a_warning(tmp_path, socle, run_alg):
    measures = "channel_id,start_datetime,count\n" + "".join(
        f"ch1,2022-03-01T{h:02d}:00:00Z,{h}\n" for h in range(8, 12))
    result = run_alg("import_counts", {"GEOPACKAGE": str(socle),
                                       **_files(tmp_path, measures, step=60)})
    warned = [r for r in _rows(result["REJECTED"]) if r["field"] == "time_step"]
    assert [(w["level"], w["file"], w["row"], w["value"], w["reason"]) for w in warned] == [
        ("warning", "measure.csv", 2, "60", "the time step declared for channel ch1 (60 s) "
         "does not match its measures, which are 3600 s apart: check the channel file")]
    assert result["ADDED"] == 1 + 1 + 4


def test_on_street_zones_in_french_conventions(tmp_path, socle, run_alg):
    """dBase headers, `;`, decimal commas and Windows-1252, as a shapefile tool exports them."""
    zones = tmp_path / "zones.csv"
    zones.write_bytes(('"ID,C,10";"NOM,C,80";"NB_PLACES,N,6,0";"XLONG,N,19,11";"YLAT,N,19,11";'
                       '"TARIF_1H,N,5,2"\nZ1;Zone rouge hypercentre;260;0,3402;46,5801;2,50\n'
                       'Z2;Zone verte gare;1 180;0,3331;46,5822;1,00\n').encode("cp1252"))
    result = run_alg("import_parking", {"GEOPACKAGE": str(socle), "PARKINGS": str(zones),
                                        "KIND": 1})
    assert (result["ADDED"], result["REJECTED_COUNT"]) == (2, 0)
    assert _query(socle, "SELECT parking_id, name, capacity, fee_1h FROM parkings ORDER BY 1") == [
        ("Z1", "Zone rouge hypercentre", 260, 2.5), ("Z2", "Zone verte gare", 1180, 1.0)]


def test_road_counts_with_french_dates_and_decimal_commas(tmp_path, socle, run_alg):
    road = tmp_path / "comptages.csv"
    road.write_text("id;periode;tmja;pl;lon;lat\nR1;24/01/07;12000;6,5;0,34;46,58\n"
                    "R2;01/2007;8 000;4;0,35;46,59\nR3;2007;950,5;;0,33;46,57\n",
                    encoding="utf-8")
    result = run_alg("import_road_traffic", {
        "GEOPACKAGE": str(socle), "INPUT": str(road),
        "MAPPING": "point_id=id; period=periode; daily_traffic=tmja; heavy_share=pl; x=lon; "
                   "y=lat"})
    assert (result["ADDED"], result["REJECTED_COUNT"]) == (3, 0)
    assert _query(socle, "SELECT point_id, period, daily_traffic, heavy_share FROM road_traffic "
                         "ORDER BY 1") == [("R1", "2007-01-24", 12000.0, pytest.approx(0.065)),
                                           ("R2", "2007-01", 8000.0, pytest.approx(0.04)),
                                           ("R3", "2007", 950.5, None)]


@pytest.mark.parametrize("damage, message", [
    ("truncated", "feed.zip: not a readable zip archive"),
    ("encrypted", r"feed.zip: \w+.txt is encrypted; give an archive without password"),
    ("text", "feed.zip: not a readable zip archive"),
])
def test_damaged_or_encrypted_gtfs_is_refused_with_a_message(tmp_path, socle, run_alg, damage,
                                                             message):
    import shutil

    from ..conftest import TESTS

    feed = Path(shutil.make_archive(str(tmp_path / "feed"), "zip",
                                    TESTS / "data" / "flows" / "gtfs_tiny"))
    data = bytearray(feed.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "encrypted":
        for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            i = data.find(sig)
            while i >= 0:
                data[i + offset] |= 1
                i = data.find(sig, i + 4)
    else:
        data = bytearray(b"stop_id,stop_name\nS1,Gare\n")
    feed.write_bytes(bytes(data))
    before = socle.read_bytes()
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("import_gtfs", {"GEOPACKAGE": str(socle), "INPUT": str(feed)})
    assert socle.read_bytes() == before


OVERPASS_PARKS = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": "way/10", "properties": {
        "@id": "way/10", "amenity": "parking", "parking": "multi-storey", "name": "Parking Carnot",
        "capacity": "450", "capacity:disabled": "9", "fee": "yes", "access": "yes",
        "maxheight": "1.9"},
     "geometry": {"type": "Polygon", "coordinates": [[[0.3400, 46.5800], [0.3404, 46.5800],
                                                      [0.3404, 46.5803], [0.3400, 46.5803],
                                                      [0.3400, 46.5800]]]}},
    {"type": "Feature", "id": "node/11", "properties": {
        "@id": "node/11", "amenity": "parking", "parking": "underground",
        "capacity": "environ 300", "fee": "no", "access": "customers"},
     "geometry": {"type": "Point", "coordinates": [0.3410, 46.5810]}},
    {"type": "Feature", "id": "node/12", "properties": {
        "@id": "node/12", "amenity": "parking", "parking": "street_side", "ref": "Z12"},
     "geometry": {"type": "Point", "coordinates": [0.3420, 46.5820]}},
    {"type": "Feature", "id": "node/13", "properties": {"@id": "node/13", "amenity": "bench"},
     "geometry": {"type": "Point", "coordinates": [0.3430, 46.5830]}},
    {"type": "Feature", "id": "node/14", "properties": {"@id": "node/14", "amenity": "parking"},
     "geometry": None}]}


def test_osm_car_parks_through_import_parking(tmp_path, socle, run_alg):
    import json

    path = tmp_path / "parkings.geojson"
    path.write_text(json.dumps(OVERPASS_PARKS), encoding="utf-8")
    params = {"GEOPACKAGE": str(socle), "PARKINGS": str(path)}
    result = run_alg("import_parking", params)
    assert (result["ADDED"], result["REJECTED_COUNT"], result["WARNINGS"]) == (3, 1, 1)
    report = {(r["row"], r["field"]): (r["level"], r["value"]) for r in _rows(result["REJECTED"])}
    assert report == {(2, "capacity"): ("warning", "environ 300"),
                      (5, "geometry"): ("rejected", "node/14")}
    assert _query(socle, "SELECT parking_id, name, kind, structure, capacity, pmr_places, "
                         "free_of_charge, users, max_height_cm FROM parkings ORDER BY 1") == [
        ("node/11", "node/11", "off_street", "underground", None, None, 1, "clients", None),
        ("node/12", "Z12", "on_street", "street_side", None, None, None, None, None),
        ("way/10", "Parking Carnot", "off_street", "multi-storey", 450, 9, 0, "tous", 190)]
    assert run_alg("import_parking", params)["UNCHANGED"] == 3
    validate_gpkg(socle)


def test_osm_car_parks_of_a_real_pbf(shared_data, socle, run_alg):
    result = run_alg("import_parking", {"GEOPACKAGE": str(socle),
                                        "PARKINGS": str(shared_data / "osm" / "monaco.osm.pbf")})
    assert result["ADDED"] > 10 and result["ADDED"] == _query(
        socle, "SELECT count(*) FROM parkings WHERE parking_id LIKE 'node/%' OR parking_id "
               "LIKE 'way/%' OR parking_id LIKE 'relation/%'")[0][0]


def test_import_parking_names_the_files_it_takes(tmp_path, socle, run_alg):
    path = tmp_path / "parkings.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(QgsProcessingException, match="parkings.xlsx: expected a CSV in the "
                                                     "stationnement schema"):
        run_alg("import_parking", {"GEOPACKAGE": str(socle), "PARKINGS": str(path)})


def test_a_towns_own_car_park_file_through_a_mapping(tmp_path, socle, run_alg):
    """A municipal export: dBase-style quoted headers, ';', Latin-1, a decimal comma in a
    capacity, Lambert-93 coordinates (detected). Two car parks are placed where the file puts
    them; the one with a capacity that is not a number is rejected with its row; the log says
    what was detected; a re-import changes nothing."""
    text = ('"ID,C,20";"NOM,C,50";"NB_PLACES,N,6,0";"X,N,12,2";"Y,N,12,2";"INSEE,C,5"\n'
            'P01;Parking de la Mairie;120;497512,5;6610203,0;86194\n'
            'P02;Parking Gare Sud;abc;497100,0;6609800,0;86194\n'
            'P03;Parking des Halles;45;497650,0;6610350,0;86194\n')
    path = tmp_path / "PARKINGS_VILLE.csv"
    path.write_bytes(text.encode("latin-1"))
    params = {"GEOPACKAGE": str(socle), "PARKINGS": str(path),
              "PARKINGS_MAPPING": "id=ID; name=NOM; capacity=NB_PLACES; x=X; y=Y; commune=INSEE",
              "REJECTED": "memory:"}
    result = run_alg("import_parking", params)
    assert (result["ADDED"], result["REJECTED_COUNT"]) == (2, 1)
    (rejection,) = _rows(result["REJECTED"])
    assert (rejection["row"], rejection["field"], rejection["value"]) == (3, "capacity", "abc")
    got = _query(socle, "SELECT parking_id, name, capacity, insee_code, geom FROM parkings "
                        "ORDER BY parking_id")
    from observatoire_commerce.store import geometry

    assert [(r[0], r[1], r[2], r[3], geometry.decode(r[4])[1]) for r in got] == [
        ("P01", "Parking de la Mairie", 120, "86194", (497512.5, 6610203.0)),
        ("P03", "Parking des Halles", 45, "86194", (497650.0, 6610350.0))]
    assert run_alg("import_parking", params)["ADDED"] == 0
    validate_gpkg(socle)


def test_car_park_coordinates_in_wgs84_are_detected_and_a_crs_can_be_given():
    import pandas as pd

    from observatoire_commerce.ingest.sources.parking import coordinates_crs

    assert coordinates_crs(pd.Series([0.34, 0.35]), pd.Series([46.58, 46.59])) == 4326
    assert coordinates_crs(pd.Series([497512.5]), pd.Series([6610203.0])) == 2154


def test_occupancy_in_french_conventions(tmp_path, socle, run_alg):
    """An operator's occupancy export: `;`, dates `dd/mm/yy HH:MM` and `dd/mm/yyyy` in local
    time (Europe/Paris: UTC+1 in January, UTC+2 in July), a decimal comma, Windows-1252."""
    parks = tmp_path / "parcs.csv"
    parks.write_text("id;nom;nb_places;Xlong;Ylat\nP1;Parking Théâtre;200;0,3402;46,5801\n",
                     encoding="utf-8")
    occupancy = tmp_path / "occupation.csv"
    occupancy.write_bytes(("identifiant;horodatage;places_libres;occupées\n"
                           "P1;24/01/07 10:00;50;\nP1;14/07/2007 18:30;;175,0\n").encode("cp1252"))
    result = run_alg("import_parking", {
        "GEOPACKAGE": str(socle), "PARKINGS": str(parks), "OCCUPANCY": str(occupancy),
        "PARKINGS_MAPPING": "id=id; name=nom; capacity=nb_places; x=Xlong; y=Ylat",
        "OCCUPANCY_MAPPING": "parking_id=identifiant; timestamp=horodatage; "
                             "free=places_libres; occupied=occupées", "REJECTED": "memory:"})
    assert result["REJECTED_COUNT"] == 0, [r["reason"] for r in _rows(result["REJECTED"])]
    # 200 places, 50 free → 150 occupied, 75 %; 175 occupied → 87.5 %
    assert _query(socle, "SELECT time_utc, time_local, utc_offset_min, occupied, occupancy_rate "
                         "FROM parking_occupancy ORDER BY time_utc") == [
        ("2007-01-24T09:00:00Z", "2007-01-24T10:00:00", 60, 150.0, pytest.approx(0.75)),
        ("2007-07-14T16:30:00Z", "2007-07-14T18:30:00", 120, 175.0, pytest.approx(0.875))]
    validate_gpkg(socle)
