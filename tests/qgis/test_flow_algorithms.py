"""Flow analyses through processing.run on a hand-built hourly fixture with gaps: footfall
means, year-on-year change and coverage exact; event uplift exact for each baseline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from osgeo import osr
from qgis.core import QgsProcessingException

from observatoire_commerce.store import gpkg, observatory

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
    assert all(r["parkings"] == 0 for r in rows)


def test_a_failed_import_leaves_the_file_unchanged(flows_gpkg, run_alg, tmp_path):
    before = flows_gpkg.read_bytes()
    bad = tmp_path / "bad_measure.csv"
    bad.write_text("channel_id,start_datetime,count\nchA,2025-01-01T00:00:00+01:00,3\n")
    conn = gpkg.connect(flows_gpkg)
    conn.execute("CREATE TRIGGER boom BEFORE INSERT ON counts BEGIN "
                 "SELECT RAISE(ABORT, 'disk full'); END")
    conn.close()
    before = flows_gpkg.read_bytes()
    with pytest.raises(QgsProcessingException, match="unchanged"):
        run_alg("import_counts", {"GEOPACKAGE": str(flows_gpkg), "MEASURES": str(bad)})
    assert flows_gpkg.read_bytes() == before


def test_demo_flows(demo_gpkg, run_alg):
    conn = observatory.open_observatory(demo_gpkg)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("counting_sites", "counts", "parkings", "transit_stops", "events")}
    conn.close()
    assert counts["counting_sites"] >= 20 and counts["counts"] > 500_000
    mob = _rows(run_alg("mobility_by_centrality", {
        "GEOPACKAGE": str(demo_gpkg), "PERIOD": 2, "WRITE_INDICATORS": False,
        "OUTPUT": "memory:"})["OUTPUT"])
    centre = next(r for r in mob if r["centrality"] == "Centre-ville")
    assert 0 < centre["parking_occupancy_rate"] < 100 and centre["transit_departures_day"] > 0
    assert centre["transit_boardings_daily"] > 0 and centre["road_daily_traffic"] > 0
    impact = _rows(run_alg("event_impact", {
        "GEOPACKAGE": str(demo_gpkg), "EVENTS": "braderie-2023", "WRITE_INDICATORS": False,
        "OUTPUT": "memory:"})["OUTPUT"])
    footfall = next(r for r in impact if r["level"] == "centrality" and r["measure"] == "footfall")
    assert footfall["uplift"] > 0.5  # the braderie more than doubles the town-centre footfall
    assert {r["measure"] for r in impact} == {"footfall", "parking_occupancy", "ridership"}
