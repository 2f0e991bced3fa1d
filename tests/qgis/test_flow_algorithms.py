"""Flow analyses through processing.run on a hand-built hourly fixture with gaps: footfall
means, year-on-year change and coverage exact; event uplift exact for each baseline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from osgeo import osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from observatoire_commerce.store import geometry, gpkg, observatory, tables

from ..conftest import validate_gpkg
from ..unit.test_vacancy import build_fixture

# Centre = square [0, 100]² (tests.unit.test_vacancy.build_fixture); Gare at x 1000-1100.
SITES = {"A": (10.0, 10.0), "B": (30.0, 60.0), "C": (300.0, 50.0)}  # C: 200 m from Centre


def _lonlat(x, y):
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(2154)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(src, dst).TransformPoint(x, y)
    return lon, lat


def _day_counts(channel: str, day: dt.date) -> list:
    """24 hourly counts of a channel on a day (see the module test docstrings)."""
    wd = day.weekday()
    if channel == "chA":
        base = {5: 20, 6: 5}.get(wd, 10) * (1.2 if day.year == 2024 else 1.0)
        if day == dt.date(2024, 1, 20):
            base *= 2  # the braderie Saturday
        counts = [base] * 24
        if day == dt.date(2024, 1, 17):
            counts[14] = None  # a gap: the day is incomplete
        return counts
    if channel == "chB":
        counts = [30.0] * 24
        if day == dt.date(2023, 1, 18):
            counts[3] = 0.0  # nobody passed: the day stays complete
        return counts
    return [7.0] * 24  # chC, outside every centrality


def write_counts(tmp_path):
    with open(tmp_path / "site.csv", "w", encoding="utf-8") as fh:
        fh.write("site_id,parent_site_id,site_name,fr_insee_code,xlong,ylat,external_ids,"
                 "infrastructure_type\n")
        for sid, (x, y) in SITES.items():
            lon, lat = _lonlat(x, y)
            fh.write(f"S{sid},,Rue {sid},,{lon:.9f},{lat:.9f},,\n")
    with open(tmp_path / "channel.csv", "w", encoding="utf-8") as fh:
        fh.write("channel_id,site_id,mobility_type,temporality,started_at,time_step\n")
        for sid in SITES:
            fh.write(f"ch{sid},S{sid},PEDESTRIAN,PERMANENT,2022-01-01T00:00:00+01:00,3600\n")
    days = [d.date() for d in pd.date_range("2023-01-09", "2023-01-22")] + [
        d.date() for d in pd.date_range("2024-01-08", "2024-01-21")]
    with open(tmp_path / "measure.csv", "w", encoding="utf-8") as fh:
        fh.write("channel_id,counter_id,start_datetime,end_datetime,count\n")
        for ch in ("chA", "chB", "chC"):
            for day in days:
                for h, c in enumerate(_day_counts(ch, day)):
                    end = f"{day}T{h + 1:02d}:00:00+01:00" if h < 23 else \
                        f"{day + dt.timedelta(days=1)}T00:00:00+01:00"
                    text = "" if c is None else f"{c:g}"
                    fh.write(f"{ch},k,{day}T{h:02d}:00:00+01:00,{end},{text}\n")
    with open(tmp_path / "events.csv", "w", encoding="utf-8") as fh:
        fh.write("event_id,name,centrality,start,end,kind\n")
        fh.write("brad24,Braderie,Centre,2024-01-20,2024-01-20,braderie\n")


@pytest.fixture
def flows_gpkg(tmp_path, run_alg):
    path = tmp_path / "flows.gpkg"
    build_fixture(path).close()
    write_counts(tmp_path)
    result = run_alg("import_counts", {
        "GEOPACKAGE": str(path), "SITES": str(tmp_path / "site.csv"),
        "CHANNELS": str(tmp_path / "channel.csv"), "MEASURES": str(tmp_path / "measure.csv"),
        "REJECTED": "memory:"})
    assert result["ADDED"] == 3 + 3 + 3 * 28 * 24 and result["REJECTED_COUNT"] == 0
    run_alg("import_events", {"GEOPACKAGE": str(path), "INPUT": str(tmp_path / "events.csv"),
                              "REJECTED": "memory:"})
    return path


def _rows(layer) -> list:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def _footfall(run_alg, path, **extra):
    params = {"GEOPACKAGE": str(path), "PERIODS": [3], "OUTPUT_PERIODS": "memory:",
              "OUTPUT_HOURLY": "memory:", "OUTPUT_YOY": "memory:", "OUTPUT_PROFILES": "memory:",
              "OUTPUT_CENTRALITIES": "memory:", "OUTPUT_SITES": "memory:"}
    params.update(extra)
    return run_alg("footfall_by_centrality", params)


def test_footfall_means_yoy_and_coverage_are_exact(flows_gpkg, run_alg):
    result = _footfall(run_alg, flows_gpkg)
    assert set(result) == {"OUTPUT_PERIODS", "OUTPUT_HOURLY", "OUTPUT_YOY", "OUTPUT_PROFILES",
                           "OUTPUT_CENTRALITIES", "OUTPUT_SITES"}
    periods = {(r["centrality"], r["period_kind"], r["period"]): r
               for r in _rows(result["OUTPUT_PERIODS"])}
    assert {k[0] for k in periods} == {"Centre"}  # C is 200 m away: not assigned
    y23, y24 = periods[("Centre", "year", "2023")], periods[("Centre", "year", "2024")]
    # centrality day = mean of the two sites' daily sums; 2023: weekdays (240 + 720) / 2 = 480,
    # Saturdays (480 + 720) / 2 = 600, Sundays (120 + 720) / 2 = 420; on 18 Jan B counted 0
    # once (690): (240 + 690) / 2 = 465. 14 complete days in a window of 357 days in 2023.
    assert y23["days_complete"] == 14 and y23["days_expected"] == 357
    assert y23["coverage"] == pytest.approx(14 / 357)
    assert y23["mean_daily"] == pytest.approx((9 * 480 + 465 + 2 * 600 + 2 * 420) / 14)
    assert y23["weekday_mean"] == pytest.approx((9 * 480 + 465) / 10)
    assert y23["saturday_mean"] == pytest.approx(600) and y23["sunday_mean"] == pytest.approx(420)
    # 2024 (A × 1.2): weekdays 504, Saturday 648 and 936 (braderie, A doubled), Sunday 432;
    # 17 Jan has a gap (not a zero): 13 complete days of 21 in the window.
    assert y24["days_complete"] == 13 and y24["days_expected"] == 21
    assert y24["coverage"] == pytest.approx(13 / 21)
    assert y24["mean_daily"] == pytest.approx((9 * 504 + 648 + 936 + 2 * 432) / 13)
    assert y24["saturday_mean"] == pytest.approx((648 + 936) / 2)
    # year on year: only ISO week 2 is complete in both years (week 3 of 2024 has the gap)
    yoy = {r["iso_year"]: r for r in _rows(result["OUTPUT_YOY"])}
    assert yoy[2024]["weeks_matched"] == 1
    assert yoy[2024]["change"] == pytest.approx((5 * 504 + 648 + 432) / (5 * 480 + 600 + 420) - 1)
    # hourly profile: flat days → every hour holds 1/24 of the weekday
    hourly = [r for r in _rows(result["OUTPUT_HOURLY"]) if r["period_kind"] == "all"
              and r["day_type"] == "sunday"]
    assert len(hourly) == 24 and hourly[0]["share"] == pytest.approx(1 / 24)
    assert hourly[0]["mean_count"] == pytest.approx((420 + 432) / 2 / 24)
    sites = {r["site_id"]: r for r in _rows(result["OUTPUT_SITES"])}
    assert sites["SC"]["centrality"] is None or str(sites["SC"]["centrality"]) == "NULL"
    assert sites["SA"]["assignment"] == "inside"
    cent = {f["name"]: f for f in result["OUTPUT_CENTRALITIES"].getFeatures()}
    assert cent["Centre"]["footfall_mean_daily"] == pytest.approx(y24["mean_daily"])
    conn = observatory.open_observatory(flows_gpkg)
    value = conn.execute("SELECT value FROM indicators WHERE indicator='footfall_yoy' AND "
                         "period='2024'").fetchone()[0]
    assert value == pytest.approx(100 * yoy[2024]["change"])
    conn.close()
    validate_gpkg(flows_gpkg)


def test_counter_within_distance_is_assigned(flows_gpkg, run_alg):
    result = _footfall(run_alg, flows_gpkg, DISTANCE=250, WRITE_INDICATORS=False)
    sites = {r["site_id"]: r for r in _rows(result["OUTPUT_SITES"])}
    assert sites["SC"]["assignment"] == "distance"
    assert sites["SC"]["distance_m"] == pytest.approx(200, abs=1e-3)


def test_footfall_of_the_chosen_centralities_only(flows_gpkg, run_alg):
    conn = gpkg.connect(flows_gpkg)  # counter C moved into Gare: 7 passages an hour
    conn.execute("UPDATE counting_sites SET geom = ? WHERE site_id = 'SC'",
                 (geometry.encode_point(1050.0, 50.0, 2154),))
    conn.close()
    result = _footfall(run_alg, flows_gpkg, CENTRALITIES="Gare")
    periods = {(r["centrality"], r["period_kind"], r["period"]): r
               for r in _rows(result["OUTPUT_PERIODS"])}
    assert {k[0] for k in periods} == {"Gare"}
    assert periods[("Gare", "year", "2024")]["mean_daily"] == pytest.approx(7 * 24)
    assert [r["site_id"] for r in _rows(result["OUTPUT_SITES"])] == ["SC"]
    assert [f["name"] for f in result["OUTPUT_CENTRALITIES"].getFeatures()] == ["Gare"]
    conn = observatory.open_observatory(flows_gpkg)
    written = {r[0] for r in conn.execute("SELECT DISTINCT centrality_uuid FROM indicators")}
    conn.close()
    assert written == {"cB"}
    # Centre alone: the same figures as with every centrality
    result = _footfall(run_alg, flows_gpkg, CENTRALITIES="Centre", WRITE_INDICATORS=False)
    (year,) = [r for r in _rows(result["OUTPUT_PERIODS"]) if r["period"] == "2024"]
    assert year["centrality"] == "Centre"
    assert year["mean_daily"] == pytest.approx((9 * 504 + 648 + 936 + 2 * 432) / 13)
    with pytest.raises(QgsProcessingException, match="no counting site lies in the "
                                                     r"centralities chosen \(Vide\)"):
        _footfall(run_alg, flows_gpkg, CENTRALITIES="Vide")
    with pytest.raises(QgsProcessingException, match=r"Unknown centrality name\(s\): Plage\. "
                                                     "Centralities in the GeoPackage: Centre, "
                                                     "Gare, Vide"):
        _footfall(run_alg, flows_gpkg, CENTRALITIES="Centre, Plage")


def _impact(run_alg, path, **extra):
    params = {"GEOPACKAGE": str(path), "OUTPUT": "memory:"}
    params.update(extra)
    rows = _rows(run_alg("event_impact", params)["OUTPUT"])
    return {(r["level"], r["series"]): r for r in rows}


@pytest.mark.parametrize("params, centre, counter_a", [
    # previous weeks (1): Saturday 13 Jan 2024 = 648; site A 576
    ({"BASELINE": 0, "WEEKS": 1}, 936 / 648 - 1, 1152 / 576 - 1),
    # same ISO week and weekday of 2023: Saturday 21 Jan 2023 = 600; site A 480
    ({"BASELINE": 1}, 936 / 600 - 1, 1152 / 480 - 1),
    # neutral week 8-14 Jan 2024: (5 × 504 + 648 + 432) / 7; site A (5 × 288 + 576 + 144) / 7
    ({"BASELINE": 2, "NEUTRAL_START": "2024-01-08", "NEUTRAL_END": "2024-01-14"},
     936 / ((5 * 504 + 648 + 432) / 7) - 1, 1152 / ((5 * 288 + 576 + 144) / 7) - 1),
    # neutral, only the event's weekday (Saturday 13 Jan)
    ({"BASELINE": 2, "NEUTRAL_START": "2024-01-08", "NEUTRAL_END": "2024-01-14",
      "SAME_WEEKDAYS": True}, 936 / 648 - 1, 1152 / 576 - 1),
])
def test_event_uplift_is_exact_for_each_baseline(flows_gpkg, run_alg, params, centre,
                                                 counter_a):
    rows = _impact(run_alg, flows_gpkg, **params)
    assert rows[("centrality", "Centre")]["uplift"] == pytest.approx(centre)
    assert rows[("centrality", "Centre")]["uplift_pct"] == pytest.approx(100 * centre)
    assert rows[("counter", "Rue A")]["uplift"] == pytest.approx(counter_a)
    assert rows[("counter", "Rue A")]["event"] == "Braderie"


def test_baseline_with_gaps_is_flagged(flows_gpkg, run_alg):
    rows = _impact(run_alg, flows_gpkg, BASELINE=0, WEEKS=2)  # 6 Jan 2024 has no data
    centre = rows[("centrality", "Centre")]
    assert centre["baseline_days"] == 2 and centre["baseline_days_with_data"] == 1
    assert "baseline has gaps" in centre["warning"]
    assert centre["uplift"] == pytest.approx(936 / 648 - 1)


def test_neutral_baseline_needs_its_dates(flows_gpkg, run_alg):
    with pytest.raises(QgsProcessingException, match="neutral"):
        _impact(run_alg, flows_gpkg, BASELINE=2)


def test_flows_vs_offer_on_the_fixture(flows_gpkg, run_alg):
    result = run_alg("flows_vs_offer", {"GEOPACKAGE": str(flows_gpkg), "OUTPUT": "memory:",
                                        "OUTPUT_PREMISES": "memory:", "MAX_DISTANCE": 50})
    rows = {r["centrality"]: r for r in _rows(result["OUTPUT"])}
    centre = rows["Centre"]  # 2024: 3 premises, 1 vacant (Inventaire 2024), unchanged rate
    footfall = (9 * 504 + 648 + 936 + 2 * 432) / 13
    assert centre["year"] == 2024 and centre["campaign"] == "Inventaire 2024"
    assert centre["footfall_mean_daily"] == pytest.approx(footfall)
    assert centre["footfall_per_shop"] == pytest.approx(footfall / 2)
    assert centre["footfall_per_vacant"] == pytest.approx(footfall)
    assert centre["vacancy_change_pts"] == pytest.approx(0)
    assert centre["trend_class"] == "virtuous"  # footfall +5.3 %, vacancy stable
    premises = {f["premise_uuid"]: f for f in result["OUTPUT_PREMISES"].getFeatures()}
    assert premises["p1"]["nearest_site"] == "Rue A"  # (10, 10) on site A
    assert premises["p1"]["distance_m"] == pytest.approx(0, abs=1e-3)
    assert str(premises["p6"]["nearest_site"]) in ("None", "NULL")  # 3 km away


def test_mobility_without_data_gives_empty_rows(flows_gpkg, run_alg):
    result = run_alg("mobility_by_centrality", {"GEOPACKAGE": str(flows_gpkg),
                                                "OUTPUT": "memory:"})
    rows = _rows(result["OUTPUT"])
    assert {r["centrality"] for r in rows} == {"Centre", "Gare", "Vide"}
    # no car park nor stop in the GeoPackage: unknown (empty), not 0
    assert all(_null(r["parkings"]) and _null(r["transit_stops"]) for r in rows)


def _point(x, y):
    return geometry.encode_point(x, y, 2154)


@pytest.fixture
def mobility_gpkg(tmp_path):
    """Centre = [0, 100]², Gare = [1000, 1100] × [0, 100] (build_fixture), communes 86194 and
    86041; car parks, stops, road count points and carpool places around them (values in the
    test's comments)."""
    path = tmp_path / "mobility.gpkg"
    conn = build_fixture(path)
    now = "2024-01-01T00:00:00Z"
    with gpkg.transaction(conn):
        tables.update(conn, "centralities", "uuid", [{"uuid": "cA", "commune_code": "86194"},
                                                      {"uuid": "cB", "commune_code": "86041"}])
        parks = [("P1", "off_street", 100, 50, 50),      # inside Centre
                 ("P2", "off_street", 200, 250, 50),     # 150 m east of Centre
                 ("Z1", "on_street", 40, 1050, 150),     # 50 m north of Gare
                 ("P3", "off_street", 50, 3000, 3000)]   # far from everything
        tables.insert_dicts(conn, "parkings", [
            {"uuid": pid, "parking_id": pid, "name": pid, "kind": kind, "capacity": cap,
             "imported_at": now, "geom": _point(x, y)} for pid, kind, cap, x, y in parks])
        occupancy = [  # parking, local time, capacity, occupied, payments
            ("P1", "2024-03-04T10:00:00", 100, 60, None), ("P1", "2024-03-04T15:00:00", 100, 90,
                                                            None),
            ("P2", "2024-03-04T10:00:00", 200, 100, None), ("P2", "2024-03-04T15:00:00", 200,
                                                             120, None),
            ("P1", "2024-03-04T20:00:00", 100, 10, None),   # after 19:00: left out
            ("P2", "2024-03-05T08:00:00", 200, 20, None),   # before 09:00: left out
            ("P1", "2023-06-01T11:00:00", 100, 40, None),
            ("Z1", "2024-03-04T10:00:00", 40, 30, 12), ("Z1", "2024-03-04T12:00:00", 40, 34, 18),
            ("Z1", "2024-03-05T10:00:00", 40, 20, 6),
            ("P3", "2024-03-04T10:00:00", 50, 50, None)]
        tables.insert_dicts(conn, "parking_occupancy", [
            {"uuid": f"o{i}", "parking_uuid": pid, "time_utc": f"{t}Z", "time_local": t,
             "utc_offset_min": 0, "capacity": cap, "occupied": occ,
             "occupancy_rate": occ / cap, "payments": pay}
            for i, (pid, t, cap, occ, pay) in enumerate(occupancy)])
        tables.insert_dicts(conn, "transit_feeds", [{"uuid": "f", "name": "feed",
                                                     "imported_at": now}])
        tables.insert_dicts(conn, "transit_stops", [
            {"uuid": sid, "feed_uuid": "f", "stop_id": sid, "name": sid, "geom": _point(x, y)}
            for sid, x, y in (("S1", 50, 120), ("S2", 1050, 50), ("S3", 3000, 3000))])
        service = [("S1", 6, 2), ("S1", 8, 4), ("S1", 12, 3), ("S1", 18, 4), ("S1", 20, 1),
                   ("S2", 7, 6), ("S2", 9, 6), ("S3", 8, 50)]
        rows = [{"uuid": f"t{i}", "stop_uuid": sid, "service_date": "2024-06-11",
                 "day_kind": "typical_weekday", "hour": h, "departures": n}
                for i, (sid, h, n) in enumerate(service)]
        rows.append({"uuid": "t-sat", "stop_uuid": "S1", "service_date": "2024-06-15",
                     "day_kind": "date", "hour": 8, "departures": 10})  # not a typical day
        tables.insert_dicts(conn, "transit_service", rows)
        ridership = [("S1", "2024-03-04", "day", 100), ("S1", "2024-03-05", "day", 80),
                     ("S1", "2024-03-05", "am", 20), ("S1", "2023-05-02", "day", 70),
                     ("S2", "2024-03-04", "day", 40), ("S3", "2024-03-04", "day", 500)]
        tables.insert_dicts(conn, "transit_ridership", [
            {"uuid": f"r{i}", "stop_uuid": sid, "date": d, "period": p, "boardings": b}
            for i, (sid, d, p, b) in enumerate(ridership)])
        road = [("R1", 50, 300, 10000, 0.05),      # 200 m north of Centre
                ("R2", -300, 50, 30000, 0.10),     # 300 m west of Centre
                ("R3", 1050, 400, 5000, None)]     # 300 m north of Gare
        tables.insert_dicts(conn, "road_traffic", [
            {"uuid": rid, "point_id": rid, "period": "2024", "daily_traffic": t,
             "heavy_share": h, "imported_at": now, "geom": _point(x, y)}
            for rid, x, y, t, h in road])
        areas = [("C1", 50, 1500, 20),     # 1 400 m from Centre, 1 692 m from Gare
                 ("C2", 1050, 1000, 12),   # 900 m from Gare, 1 308 m from Centre
                 ("C3", 1050, 1200, None)]
        tables.insert_dicts(conn, "carpool_areas", [
            {"uuid": cid, "place_id": cid, "name": cid, "places": n, "imported_at": now,
             "geom": _point(x, y)} for cid, x, y, n in areas])
        trips = [("2024-03-04", "86194", "86041", 4), ("2024-03-04", "86041", "86194", 6),
                 ("2024-03-04", "86194", "86194", 2), ("2024-03-05", "86100", "86041", 9),
                 ("2024-03-05", "86041", "86100", 1), ("2023-05-02", "86194", "86100", 5)]
        tables.insert_dicts(conn, "carpool_trips", [
            {"uuid": f"c{i}", "date": d, "origin_insee": o, "destination_insee": t,
             "trips": n} for i, (d, o, t, n) in enumerate(trips)])
    conn.close()
    return path


def test_mobility_figures_by_hand(mobility_gpkg, run_alg):
    result = run_alg("mobility_by_centrality", {"GEOPACKAGE": str(mobility_gpkg),
                                                "OUTPUT": "memory:"})
    rows = {(r["centrality"], r["period"]): r for r in _rows(result["OUTPUT"])}
    assert set(rows) == {(c, p) for c in ("Centre", "Gare", "Vide") for p in ("2023", "2024")}
    centre = rows["Centre", "2024"]
    # car parks P1 (inside, 100 places) and P2 (150 m away, 200 places); within 09:00-19:00:
    # occupied 60 + 90 + 100 + 120 = 370 of 100 + 100 + 200 + 200 = 600 places = 61.67 %;
    # 10 h: 160 / 300 = 53.3 %, 15 h: 210 / 300 = 70 % (the peak)
    assert (centre["parkings"], centre["parking_capacity"]) == (2, 300)
    assert centre["parking_occupancy_rate"] == pytest.approx(100 * 370 / 600)
    assert (centre["parking_peak_hour"], centre["parking_peak_rate"]) == (15, pytest.approx(70))
    assert rows["Centre", "2023"]["parking_occupancy_rate"] == pytest.approx(40.0)  # 40 / 100
    # stop S1 (20 m north): departures 2 + 4 + 3 + 4 + 1 = 14 on the typical weekday; from 07:00
    # to 19:00 4 + 3 + 4 = 11 / 12 h; peak 08:00 (4, tied with 18:00: the earlier);
    # boardings 100 on 4 March, 80 + 20 on 5 March: 100 a day; 70 in 2023
    assert centre["transit_stops"] == 1 and centre["transit_service_date"] == "2024-06-11"
    assert centre["transit_departures_day"] == 14
    assert centre["transit_departures_per_hour"] == pytest.approx(11 / 12)
    assert (centre["transit_peak_hour"], centre["transit_peak_departures"]) == (8, 4)
    assert centre["transit_boardings_daily"] == pytest.approx(100.0)
    assert rows["Centre", "2023"]["transit_boardings_daily"] == pytest.approx(70.0)
    # count points R1 (10 000 vehicles/day, 5 % heavy) and R2 (30 000, 10 %): mean 20 000;
    # heavy share (500 + 3 000) / 40 000 = 8.75 %
    assert centre["road_points"] == 2 and centre["road_daily_traffic"] == pytest.approx(20000)
    assert centre["road_heavy_share"] == pytest.approx(8.75)
    # carpool place C1 (20 places); trips of 86194 on 4 March 4 + 6 + 2 = 12 (5 in 2023)
    assert (centre["carpool_places_count"], centre["carpool_places"]) == (1, 20)
    assert centre["carpool_trips_daily"] == pytest.approx(12.0)
    assert rows["Centre", "2023"]["carpool_trips_daily"] == pytest.approx(5.0)
    gare = rows["Gare", "2024"]
    # on-street zone Z1 (40 places): (30 + 34 + 20) / 120 = 70 %; 10 h (30 + 20) / 80 =
    # 62.5 %, 12 h 34 / 40 = 85 %: peak 12 h; payments 12 + 18 = 30 on 4 March, 6 on 5 March
    assert (gare["onstreet_zones"], gare["onstreet_capacity"], gare["parkings"]) == (1, 40, 0)
    assert gare["onstreet_occupancy_rate"] == pytest.approx(70.0)
    assert gare["onstreet_peak_hour"] == 12
    assert gare["onstreet_payments_daily"] == pytest.approx(18.0)
    assert _null(gare["parking_occupancy_rate"])
    # stop S2: 6 at 07:00 and 6 at 09:00 -> 12 a day, 12 / 12 h = 1 an hour, peak 07:00
    assert (gare["transit_departures_day"], gare["transit_peak_hour"]) == (12, 7)
    assert gare["transit_departures_per_hour"] == pytest.approx(1.0)
    assert gare["transit_boardings_daily"] == pytest.approx(40.0)
    # R3: 5 000 vehicles/day, no heavy share; places C2 (12) and C3 (unknown): 2 places, 12
    assert gare["road_daily_traffic"] == pytest.approx(5000) and _null(gare["road_heavy_share"])
    assert (gare["carpool_places_count"], gare["carpool_places"]) == (2, 12)
    # trips of 86041: 4 + 6 = 10 on 4 March, 9 + 1 = 10 on 5 March
    assert gare["carpool_trips_daily"] == pytest.approx(10.0)
    vide = rows["Vide", "2024"]
    assert (vide["parkings"], vide["transit_stops"]) == (0, 0)
    assert _null(vide["parking_occupancy_rate"]) and _null(vide["carpool_trips_daily"])
    conn = observatory.open_observatory(mobility_gpkg)
    stored = dict(conn.execute(
        "SELECT indicator, value FROM indicators WHERE centrality_uuid = 'cA' AND period = "
        "'2024' AND indicator IN ('parking_occupancy_rate', 'carpool_trips_daily')"))
    conn.close()
    assert stored == {"parking_occupancy_rate": pytest.approx(100 * 370 / 600),
                      "carpool_trips_daily": pytest.approx(12.0)}


def _null(value):
    return value is None or str(value) == "NULL" or value != value


def test_a_failed_import_leaves_the_file_unchanged(flows_gpkg, run_alg, tmp_path):
    before = flows_gpkg.read_bytes()
    bad = tmp_path / "bad_measure.csv"
    bad.write_text("channel_id,start_datetime,count\nchA,2025-01-01T00:00:00+01:00,3\n")
    conn = gpkg.connect(flows_gpkg)
    conn.execute("CREATE TRIGGER boom BEFORE INSERT ON counts BEGIN "
                 "SELECT RAISE(ABORT, 'disk full'); END")
    conn.close()
    before = flows_gpkg.read_bytes()
    with pytest.raises(QgsProcessingException, match=r"refused the operation \(\"disk full\"\)"
                       r"\. It was not changed\."):
        run_alg("import_counts", {"GEOPACKAGE": str(flows_gpkg), "MEASURES": str(bad)})
    assert flows_gpkg.read_bytes() == before


def test_demo_flows(demo_gpkg, run_alg):
    conn = observatory.open_observatory(demo_gpkg)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("counting_sites", "counts", "parkings", "transit_stops", "events")}
    conn.close()
    assert counts["counting_sites"] >= 20 and counts["counts"] > 500_000
    # the formulas are checked by hand on test_mobility_figures_by_hand; here the demo data
    # reach every part of the table
    mob = _rows(run_alg("mobility_by_centrality", {
        "GEOPACKAGE": str(demo_gpkg), "PERIOD": 2, "WRITE_INDICATORS": False,
        "OUTPUT": "memory:"})["OUTPUT"])
    centre = next(r for r in mob if r["centrality"] == "Centre-ville")
    for column in ("parking_occupancy_rate", "transit_departures_day", "transit_boardings_daily",
                   "road_daily_traffic"):
        assert not _null(centre[column]), column
    impact = _rows(run_alg("event_impact", {
        "GEOPACKAGE": str(demo_gpkg), "EVENTS": "braderie-2023", "WRITE_INDICATORS": False,
        "OUTPUT": "memory:"})["OUTPUT"])
    footfall = next(r for r in impact if r["level"] == "centrality" and r["measure"] == "footfall")
    assert footfall["uplift"] > 0.5  # the braderie more than doubles the town-centre footfall
    assert {r["measure"] for r in impact} == {"footfall", "parking_occupancy", "ridership"}


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
    # each job reports these progress values once computed, before writing the indicators
    ("footfall_by_centrality", {"PERIODS": [3], "OUTPUT_PERIODS": "memory:",
                                "OUTPUT_HOURLY": "memory:", "OUTPUT_YOY": "memory:",
                                "OUTPUT_PROFILES": "memory:", "OUTPUT_CENTRALITIES": "memory:",
                                "OUTPUT_SITES": "memory:"}, 80),
    ("event_impact", {"OUTPUT": "memory:"}, 50),
    ("mobility_by_centrality", {"OUTPUT": "memory:"}, 90),
    ("flows_vs_offer", {"OUTPUT": "memory:", "OUTPUT_PREMISES": "memory:"}, 70),
])
def test_cancel_writes_nothing(flows_gpkg, processing_ready, alg_id, params, at):
    from qgis import processing

    with pytest.raises(QgsProcessingException, match="Canceled: nothing was written"):
        processing.run(f"observatoire:{alg_id}", {"GEOPACKAGE": str(flows_gpkg), **params},
                       feedback=CancelAt(at))
    conn = gpkg.connect(flows_gpkg)
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0
    conn.close()


def test_dates_as_text_like_qgis_process(flows_gpkg, run_alg):
    """qgis_process passes dates as text (START=2024-01-08): the window is those days."""
    result = _footfall(run_alg, flows_gpkg, START="2024-01-08", END="2024-01-14",
                       WRITE_INDICATORS=False)
    periods = {(r["period_kind"], r["period"]): r for r in _rows(result["OUTPUT_PERIODS"])}
    year = periods[("year", "2024")]
    # 8-14 January 2024: 7 complete days, weekdays 504, Saturday 648, Sunday 432
    assert (year["days_complete"], year["days_expected"]) == (7, 7)
    assert year["mean_daily"] == pytest.approx((5 * 504 + 648 + 432) / 7)
    with pytest.raises(QgsProcessingException, match="before the first day"):
        _footfall(run_alg, flows_gpkg, START="2024-01-14", END="2024-01-08")
    with pytest.raises(QgsProcessingException):
        _footfall(run_alg, flows_gpkg, START="14/01/2024")
