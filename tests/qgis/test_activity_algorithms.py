"""SIRENE history, activity indices and presence data through their importers and the
activity_barometer, dwell_time and event_impact algorithms, on hand-built files
(tests/data/activity), every figure computed by hand.

Centralities (tests.unit.test_vacancy.build_fixture): Centre = square [0, 100]², Gare =
[1000, 1100] × [0, 100], Vide = [5000, 5100]². Campaigns Inventaire 2023 (2023-10-01) and
Inventaire 2024 (2024-10-01).

SIRENE history (sirene_history.csv; positions from sirene_stock.csv, INSEE's Lambert columns):

- E1 11111111100011, Centre, bakery (10.71C, alimentaire): created 2023-03-15, closed
  2023-09-10, **reopened** 2024-02-01;
- E2 22222222200012, Centre, clothes (47.71Z): active since 2015, closed 2023-06-30; the same
  SIREN opens 22222222200020 in Gare on 2023-07-15 (15 days later): a **transfer out of**
  Centre (June) and **into** Gare (July), not a closure and a creation;
- E3 33333333300013, Gare, restaurant (56.10A): created 2022-01-10, closed 2023-11-20; the same
  SIREN opens 33333333300021 in Centre on 2023-12-01: transfer out of Gare (November), into
  Centre (December);
- E4 44444444400014, Centre, hairdresser (96.02A): created 2023-05-01;
- E5 55555555500015, Centre: active since 2019, its NAF code changes on 2023-04-01: no event;
- E6 66666666600016, Centre: a first period without start date (before the register's
  history), closed 2023-08-15;
- E7 77777777700017: commune 86041 (left out when importing commune 86194 only);
- three rows rejected: a 5-digit SIRET, a state X, an end before the start.

Window 2022-10 … 2024-10. Centre, every group: creations 2023-03 and 2023-05, transfer out
2023-06, closures 2023-08 (E6) and 2023-09 (E1), transfer in 2023-12, reopening 2024-02.
Active at the end of the month: 3 (E2, E5, E6) until 2023-02, 4 in March-April, 5 in May,
4 in June-July, 3 in August, 2 from September, 3 from December, 4 from February 2024. Survival
(creations of the last 36 months still active or moved): none created before 2023-03 (empty),
1/1 in March-April, 2/2 May-August, 1/2 from September (E1 closed), 2/2 from February 2024.
Gare: E3 created 2022-01 (within 36 months of every month of the window) and moved away in
November 2023: survival 1/1 throughout; transfer in 2023-07, transfer out 2023-11; active 1, 2
from July, 1 from November. 12 months up to Inventaire 2023 (2022-11 … 2023-10), Centre: 2
creations, 2 closures, net 2 − 2 − 1 (transfer out) = −1; up to Inventaire 2024: net +2.

Activity index (activity_index.csv: semicolons, MM/YYYY, decimal comma): Centre 2024-01 105
against 100 → +5 %; 2024-02 121 against 110 → +10 %; 2024-03 no previous year → empty; a zone
"Quartier X" kept under its own name; "13/2024" rejected.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce.store import gpkg

from ..conftest import validate_gpkg
from .test_dwell_algorithms import DATA, build, rows_of


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _import_sirene(run_alg, path, **extra):
    return run_alg("import_sirene_history", {
        "GEOPACKAGE": str(path), "INPUT": str(DATA / "sirene_history.csv"),
        "STOCK": str(DATA / "sirene_stock.csv"), "COMMUNES": "86194", "REJECTED": "memory:",
        **extra})


def test_sirene_history_import_rejects_and_is_idempotent(run_alg, tmp_path):
    path = build(tmp_path / "b.gpkg")
    result = _import_sirene(run_alg, path)
    rejected = {(f["file"], f["row"], f["field"]) for f in rows_of(result["REJECTED"])
                if f["level"] == "rejected"}
    assert rejected == {("sirene_history.csv", 17, "siret"), ("sirene_history.csv", 17, "siren"),
                        ("sirene_history.csv", 18, "etatAdministratifEtablissement"),
                        ("sirene_history.csv", 19, "dateFin")}
    # 18 history rows + 9 stock rows read; 14 periods kept (E7 of commune 86041 left out)
    # and the 8 positions of commune 86194
    assert result["ROWS_READ"] == 27
    assert result["ADDED"] == 14 + 8
    conn = gpkg.connect(path)
    assert conn.execute("SELECT count(*) FROM sirene_history WHERE period_start IS NULL"
                        ).fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sirene_history WHERE siret = '77777777700017'"
                        ).fetchone()[0] == 0
    conn.close()
    validate_gpkg(path)
    again = _import_sirene(run_alg, path)
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 22)


def test_barometer_by_hand(run_alg, tmp_path):
    path = build(tmp_path / "b.gpkg")
    _import_sirene(run_alg, path)
    run_alg("import_activity_index", {
        "GEOPACKAGE": str(path), "INPUT": str(DATA / "activity_index.csv"),
        "MAPPING": "sector=secteur; period=periode; value=valeur"})
    result = run_alg("activity_barometer", {
        "GEOPACKAGE": str(path), "START": "2022-10-01", "END": "2024-10-31",
        "OUTPUT_MONTHLY": "memory:", "OUTPUT_EVENTS": "memory:", "OUTPUT_INDEX": "memory:",
        "OUTPUT_CAMPAIGNS": "memory:"})
    monthly = [r for r in rows_of(result["OUTPUT_MONTHLY"]) if r["group"] == "all"]
    centre = {r["month"]: r for r in monthly if r["centrality"] == "Centre"}
    gare = {r["month"]: r for r in monthly if r["centrality"] == "Gare"}
    assert len(centre) == 25  # 2022-10 … 2024-10

    def events(rows, column):
        return {m: r[column] for m, r in rows.items() if r[column]}

    assert events(centre, "creations") == {"2023-03": 1, "2023-05": 1}
    assert events(centre, "closures") == {"2023-08": 1, "2023-09": 1}
    assert events(centre, "reopenings") == {"2024-02": 1}
    assert events(centre, "transfers_out") == {"2023-06": 1}
    assert events(centre, "transfers_in") == {"2023-12": 1}
    assert events(gare, "transfers_in") == {"2023-07": 1}
    assert events(gare, "transfers_out") == {"2023-11": 1}
    assert events(gare, "creations") == {} and events(gare, "closures") == {}
    assert events(centre, "net_change") == {"2023-03": 1, "2023-05": 1, "2023-06": -1,
                                            "2023-08": -1, "2023-09": -1, "2023-12": 1,
                                            "2024-02": 1}
    active = [centre[m]["active_end"] for m in sorted(centre)]
    assert active == [3] * 5 + [4, 4, 5, 4, 4, 3] + [2] * 3 + [3, 3] + [4] * 9
    assert [gare[m]["active_end"] for m in ("2023-06", "2023-07", "2023-10", "2023-11",
                                            "2024-10")] == [1, 2, 2, 1, 1]
    survival = {m: r["survival_rate"] for m, r in centre.items()}
    assert not isinstance(survival["2023-02"], float)  # nothing created: empty, not 0
    assert [survival[m] for m in ("2023-03", "2023-05", "2023-08", "2023-09", "2024-01",
                                  "2024-02", "2024-10")] == [1.0, 1.0, 1.0, 0.5, 0.5, 1.0, 1.0]
    assert {gare[m]["survival_rate"] for m in gare} == {1.0}
    by_group = {(r["month"], r["group"]): r for r in rows_of(result["OUTPUT_MONTHLY"])
                if r["centrality"] == "Centre"}
    assert by_group[("2023-03", "alimentaire")]["creations"] == 1
    assert by_group[("2023-06", "equipement_personne")]["transfers_out"] == 1
    assert by_group[("2023-12", "cafes_hotels_restaurants")]["transfers_in"] == 1
    kinds = sorted((r["siret"], r["kind"], r["date"]) for r in rows_of(result["OUTPUT_EVENTS"])
                   if r["date"] >= "2022-10-01")
    assert ("22222222200012", "transfer_out", "2023-06-30") in kinds
    assert ("11111111100011", "reopening", "2024-02-01") in kinds
    index = {(r["zone"], r["period"]): r for r in rows_of(result["OUTPUT_INDEX"])}
    assert index[("Centre", "2024-01")]["change"] == pytest.approx(0.05)
    assert index[("Centre", "2024-02")]["change"] == pytest.approx(0.10)
    assert not isinstance(index[("Centre", "2024-03")]["change"], float)
    assert index[("Quartier X", "2024-01")]["centrality"] in (None, "") or \
        not isinstance(index[("Quartier X", "2024-01")]["centrality"], str)
    camps = {(r["centrality"], r["campaign"]): r for r in rows_of(result["OUTPUT_CAMPAIGNS"])}
    c23, c24 = camps[("Centre", "Inventaire 2023")], camps[("Centre", "Inventaire 2024")]
    assert (c23["sirene_creations_12m"], c23["sirene_closures_12m"],
            c23["sirene_net_change_12m"]) == (2, 2, -1)
    assert (c24["sirene_creations_12m"], c24["sirene_closures_12m"],
            c24["sirene_net_change_12m"]) == (0, 0, 2)
    assert (c24["openings"], c24["closures"]) == (1, 1)  # p1 reopened, p3 closed
    conn = gpkg.connect(path)
    got = dict(conn.execute("SELECT indicator, value FROM indicators WHERE centrality_uuid = "
                            "'cA' AND period = '2023-09'").fetchall())
    yoy = conn.execute("SELECT value FROM indicators WHERE indicator = 'activity_index_yoy' "
                       "AND period = '2024-02' AND centrality_uuid = 'cA'").fetchone()[0]
    conn.close()
    assert (got["activity_closures"], got["activity_active"], got["activity_net_change"],
            got["activity_survival_36m"]) == (1, 2, -1, 50.0)
    assert yoy == pytest.approx(10.0)


def test_activity_index_import(run_alg, tmp_path):
    path = build(tmp_path / "b.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(DATA / "activity_index.csv"),
              "MAPPING": "sector=secteur; period=periode; value=valeur", "REJECTED": "memory:"}
    result = run_alg("import_activity_index", params)
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (7, 6, 1)
    report = rows_of(result["REJECTED"])
    assert [(r["row"], r["field"], r["value"]) for r in report if r["level"] == "rejected"] == [
        (8, "periode", "13/2024")]
    assert any(r["level"] == "warning" and r["value"] == "Quartier X" for r in report)
    conn = gpkg.connect(path)
    stored = sorted(tuple(r) for r in conn.execute(
        "SELECT zone, centrality_uuid, period, frequency, measure, value FROM activity_indices"))
    conn.close()
    assert stored[0] == ("Centre", "cA", "2023-01", "M", "index", 100.0)
    again = run_alg("import_activity_index", params)
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 6)


def test_presence_import_and_dwell_by_hand(run_alg, tmp_path):
    """Classes from the labels: [0, 30), [30, 60), [60, 120), [120, 240), [240, ∞) with the
    open class counted 300 min. 4 March: residents 10/20/10/0/0 → (10 × 15 + 20 × 45 + 10 ×
    90) / 40 = 48.75 min; visitors 0/10/20/10/0 → 4050 / 40 = 101.25; all 6000 / 80 = 75.
    5 March: residents 20/20 → 1200 / 40 = 30; visitors 10 (2-4 h) + 10 (> 4 h) → 4800 / 20 =
    240; all 6000 / 60 = 100, residents' share 40 / 60. March: residents 3150 / 80 = 39.375,
    visitors 8850 / 60 = 147.5, all 12000 / 140."""
    path = build(tmp_path / "p.gpkg")
    result = run_alg("import_presence", {
        "GEOPACKAGE": str(path), "INPUT": str(DATA / "presence_classes.csv"),
        "REJECTED": "memory:"})
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (16, 14, 2)
    reasons = {r["row"]: r["reason"] for r in rows_of(result["REJECTED"])
               if r["level"] == "rejected"}
    assert reasons == {16: "a value >= 0",
                       17: "one row per zone, slot, category and dwell class (duplicate)"}
    conn = gpkg.connect(path)
    bounds = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT DISTINCT dwell_class, class_lower_min, class_upper_min FROM presence_counts")}
    conn.close()
    assert bounds == {"< 30 min": (0.0, 30.0), "30 min - 1 h": (30.0, 60.0),
                      "1h-2h": (60.0, 120.0), "2h-4h": (120.0, 240.0), "> 4 h": (240.0, None)}
    out = run_alg("dwell_time", {"GEOPACKAGE": str(path), "PERIODS": [0, 2],
                                 "OPEN_CLASS_MINUTES": 300, "OUTPUT_PRESENCE": "memory:",
                                 "OUTPUT_PRESENCE_CLASSES": "memory:"})
    means = {(r["period"], r["category"]): r for r in rows_of(out["OUTPUT_PRESENCE"])}
    assert means[("2024-03-04", "résidents")]["mean_dwell_min"] == 48.75
    assert means[("2024-03-04", "visiteurs")]["mean_dwell_min"] == 101.25
    assert means[("2024-03-04", "all")]["mean_dwell_min"] == 75.0
    assert means[("2024-03-05", "visiteurs")]["mean_dwell_min"] == 240.0
    assert means[("2024-03-05", "all")]["mean_dwell_min"] == 100.0
    assert means[("2024-03-05", "résidents")]["share_of_visitors"] == pytest.approx(40 / 60)
    assert means[("2024-03", "résidents")]["mean_dwell_min"] == 39.375
    assert means[("2024-03", "visiteurs")]["mean_dwell_min"] == 147.5
    assert means[("2024-03", "all")]["mean_dwell_min"] == pytest.approx(12000 / 140)
    assert means[("2024-03", "all")]["centrality"] == "Centre"
    classes = {(r["period"], r["category"], r["dwell_class"]): r["visitors"]
               for r in rows_of(out["OUTPUT_PRESENCE_CLASSES"])}
    assert classes[("2024-03", "visiteurs", "> 4 h")] == 10
    assert classes[("2024-03", "all", "< 30 min")] == 30
    conn = gpkg.connect(path)
    got = dict(conn.execute("SELECT indicator, value FROM indicators WHERE centrality_uuid = "
                            "'cA' AND period = '2024-03'").fetchall())
    conn.close()
    assert got["presence_visitors"] == 140
    assert got["presence_mean_dwell_min"] == pytest.approx(12000 / 140)
    assert got["presence_share_residents"] == pytest.approx(100 * 80 / 140)
    assert got["presence_share_visiteurs"] == pytest.approx(100 * 60 / 140)


def test_event_impact_with_dwell_by_hand(run_alg, tmp_path):
    """Braderie on Saturday 16 March 2024 in Centre, baseline: the 3 previous Saturdays.
    Parking A mean stay: 60, 90, 30 → mean 60, sd 30; event (120 + 180) / 2 = 150: difference
    90 > 2 × 30, z = 3. Presence, every category: 50, 60, 40 → mean 50, sd 10; event (100 × 40
    + 300 × 100) / 400 = 85: +35, exceeds. Residents: 40, 50, 30 → 40 against 40: 0, not
    exceeded. Residents' share: 0.5 each baseline day (sd 0), 0.25 during the event: −0.25
    points exceeds a baseline that never varies."""
    path = build(tmp_path / "e.gpkg")
    for alg, name in (("import_events", "events.csv"),
                      ("import_parking_sessions", "event_sessions.csv"),
                      ("import_presence", "event_presence.csv")):
        run_alg(alg, {"GEOPACKAGE": str(path), "INPUT": str(DATA / name)})
    result = run_alg("event_impact", {"GEOPACKAGE": str(path), "BASELINE": 0, "WEEKS": 3,
                                      "OUTPUT": "memory:", "OUTPUT_DWELL": "memory:"})
    assert rows_of(result["OUTPUT"]) == []  # no counts, occupancy or ridership
    rows = {(r["level"], r["series"], r["category"] or "", r["measure"]): r
            for r in rows_of(result["OUTPUT_DWELL"])}
    park = rows[("car park", "Parking A", "", "mean_dwell_min")]
    assert (park["event_value"], park["baseline_mean"], park["baseline_sd"],
            park["difference"], park["z_score"], park["exceeds"]) == (150, 60, 30, 90, 3, True)
    assert park["centrality"] == "Centre"
    cent = rows[("centrality", "Centre", "", "mean_dwell_min")]
    assert (cent["difference"], cent["exceeds"]) == (90, True)
    every = rows[("zone", "Centre", "all", "mean_dwell_min")]
    assert (every["event_value"], every["baseline_mean"], every["baseline_sd"],
            every["difference"], every["exceeds"]) == (85, 50, 10, 35, True)
    residents = rows[("zone", "Centre", "résidents", "mean_dwell_min")]
    assert (residents["difference"], residents["exceeds"]) == (0, False)
    share = rows[("zone", "Centre", "résidents", "share_of_visitors")]
    assert (share["baseline_mean"], share["baseline_sd"], share["event_value"],
            share["exceeds"]) == (0.5, 0, 0.25, True)
    assert share["difference"] == pytest.approx(-0.25)
    conn = gpkg.connect(path)
    got = dict(conn.execute("SELECT indicator, value FROM indicators WHERE centrality_uuid = "
                            "'cA'").fetchall())
    conn.close()
    assert got == {"event_dwell_difference": 90.0, "event_presence_dwell_difference": 35.0}


def test_barometer_and_presence_refusals(run_alg, tmp_path):
    path = build(tmp_path / "r.gpkg")
    before = digest(path)
    with pytest.raises(QgsProcessingException, match="no SIRENE history and no activity index"):
        run_alg("activity_barometer", {"GEOPACKAGE": str(path), "OUTPUT_MONTHLY": "memory:"})
    both = tmp_path / "both.csv"
    both.write_text("zone,slot,category,count,dwell_class,mean_dwell\n"
                    "Centre,2024-03-04,a,3,< 30 min,12\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="both dwell_class and mean_dwell hold "
                                                     "values"):
        run_alg("import_presence", {"GEOPACKAGE": str(path), "INPUT": str(both)})
    with pytest.raises(QgsProcessingException, match="Commune codes need the stock file"):
        run_alg("import_sirene_history", {"GEOPACKAGE": str(path),
                                          "INPUT": str(DATA / "sirene_history.csv"),
                                          "COMMUNES": "86194"})
    assert digest(path) == before


def test_presence_import_twice_adds_nothing(run_alg, tmp_path):
    path = build(tmp_path / "p2.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(DATA / "presence_classes.csv")}
    first = run_alg("import_presence", params)
    again = run_alg("import_presence", params)
    assert (first["ADDED"], again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (
        14, 0, 0, 14)
    conn = gpkg.connect(path)
    assert conn.execute("SELECT count(*) FROM presence_counts").fetchone()[0] == 14
    conn.close()


def test_event_dwell_against_the_previous_year_by_hand(run_alg, tmp_path):
    """A three-day event, Friday 15 to Sunday 17 March 2024 (ISO week 11): the previous-year
    baseline is the same ISO weekdays of week 11 of 2023, Friday 17 to Sunday 19 March 2023
    (the session of Thursday 16 March 2023, 600 min, is not a baseline day).

    Parking A, daily mean stay: baseline 60, 90, 30 → mean 60, sd 30 (ddof 1); event 120 on
    the 15th, (120 + 180) / 2 = 150 on the 16th, no session on the 17th (no data, not 0) →
    (120 + 150) / 2 = 135: difference 75 > 2 × 30, z = 2.5. Presence (mean form, one
    category): baseline 40, 50, 30 → mean 40, sd 10; event 60 and 80 → 70: +30, exceeds."""
    path = build(tmp_path / "y.gpkg")
    files = {
        "events.csv": "event_id,name,centrality,start,end,kind\n"
                      "fete-2024,Fête du printemps,Centre,2024-03-15,2024-03-17,braderie\n",
        "sessions.csv": "parking_id,entry,exit\n"
                        "Parking A,2023-03-16 08:00,2023-03-16 18:00\n"
                        "Parking A,2023-03-17 10:00,2023-03-17 11:00\n"
                        "Parking A,2023-03-18 10:00,2023-03-18 11:30\n"
                        "Parking A,2023-03-19 10:00,2023-03-19 10:30\n"
                        "Parking A,2024-03-15 10:00,2024-03-15 12:00\n"
                        "Parking A,2024-03-16 10:00,2024-03-16 12:00\n"
                        "Parking A,2024-03-16 11:00,2024-03-16 14:00\n",
        "presence.csv": "zone,slot,category,count,mean_dwell\n"
                        "Centre,2023-03-17,résidents,100,40\n"
                        "Centre,2023-03-18,résidents,100,50\n"
                        "Centre,2023-03-19,résidents,100,30\n"
                        "Centre,2024-03-15,résidents,100,60\n"
                        "Centre,2024-03-16,résidents,100,80\n"}
    for alg, name in (("import_events", "events.csv"), ("import_parking_sessions",
                                                          "sessions.csv"),
                      ("import_presence", "presence.csv")):
        (tmp_path / name).write_text(files[name], encoding="utf-8")
        run_alg(alg, {"GEOPACKAGE": str(path), "INPUT": str(tmp_path / name)})
    result = run_alg("event_impact", {"GEOPACKAGE": str(path), "BASELINE": 1,
                                      "OUTPUT": "memory:", "OUTPUT_DWELL": "memory:"})
    rows = {(r["level"], r["series"], r["category"] or "", r["measure"]): r
            for r in rows_of(result["OUTPUT_DWELL"])}
    park = rows[("car park", "Parking A", "", "mean_dwell_min")]
    assert (park["event_value"], park["baseline_mean"], park["baseline_sd"],
            park["difference"], park["z_score"], park["exceeds"]) == (
        135, 60, 30, 75, 2.5, True)
    every = rows[("zone", "Centre", "all", "mean_dwell_min")]
    assert (every["event_value"], every["baseline_mean"], every["baseline_sd"],
            every["difference"], every["exceeds"]) == (70, 40, 10, 30, True)
    conn = gpkg.connect(path)
    got = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT indicator, value, period FROM indicators WHERE centrality_uuid = 'cA'")}
    conn.close()
    assert got == {"event_dwell_difference": (75.0, "2024-03-15/2024-03-17"),
                   "event_presence_dwell_difference": (30.0, "2024-03-15/2024-03-17")}
