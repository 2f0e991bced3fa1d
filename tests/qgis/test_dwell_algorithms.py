"""Parking sessions through import_parking_sessions and dwell_time, on a hand-built export
(tests/data/activity/sessions_fr.csv, French conventions: semicolons, DD/MM/YYYY, decimal
comma, the ``tickets_fr`` preset's column names), every figure computed by hand.

Centre = square [0, 100]² (tests.unit.test_vacancy.build_fixture). Car park 86194-P-001
"Parking A" (10 spaces) at (10, 50) and on-street zone "Zone rouge" (4 spaces) at (60, 20) lie
in Centre; "Parking C" (5 spaces) far away has no session. Sessions, Monday 4 and Tuesday
5 March 2024 (stay in minutes):

====  ===========  ================  ================  =====  ==================================
row   car park     entry             exit              stay   kept as
====  ===========  ================  ================  =====  ==================================
2     P-001        04/03 08:00       04/03 08:20          20  < 30 min, hour 8, 1,00 €
3     P-001        04/03 09:00       04/03 09:30          30  30 min–1 h (exactly 30), 1,50 €
4     P-001        04/03 23:30       05/03 00:45          75  crosses midnight: 4 March
5     P-001        04/03 18:00       05/03 08:00         840  overnight: 4 March, long
6     P-001        04/03 10:00       04/03 14:00         240  exactly 4 h: ≥ 4 h, long, 6,00 €
7     P-001        04/03 11:00       (none)                -  open: counted apart
8     P-001        05/03 10:00       05/03 09:00           -  rejected: exit before entry
9     P-001        05/03 10:00       13/03 10:00           -  rejected: 8 days > 7
10    P-001        05/03 10:00       05/03 11:00          60  1–2 h, 2,50 €
11    Zone rouge   04/03 09:10       04/03 09:40          30
12    Zone rouge   04/03 10:00       04/03 12:00         120  2–4 h
13    Zone rouge   05/03 14:00       (none)                -  open
14    inconnu      05/03 10:00       05/03 11:00           -  rejected: unknown car park
15    P-001        (none)            05/03 12:00           -  rejected: no entry
16    P-001        31/02/2024 10:00  05/03 12:00           -  rejected: no such date
====  ===========  ================  ================  =====  ==================================

Parking A, whole window (2 days): 6 stays, Σ 1265 min, mean 210.833, median (60 + 75) / 2 =
67.5, classes 1 / 1 / 2 / 0 / 2, 2 long (1/3), rotation 6 / (10 × 2) = 0.3, 1 open, 11 €.
4 March: 5 stays, mean 1205 / 5 = 241, median 75, rotation 5 / 10 = 0.5. Zone rouge: 2 stays,
mean and median 75, rotation 2 / (4 × 2) = 0.25. Centre (capacity 14): 8 stays, Σ 1415, mean
176.875, median (60 + 75) / 2 = 67.5, 2 long (0.25), rotation 8 / 28, 2 open.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce.store import geometry, gpkg

from ..conftest import validate_gpkg
from ..unit.test_vacancy import build_fixture

DATA = Path(__file__).resolve().parents[1] / "data" / "activity"
SESSIONS = DATA / "sessions_fr.csv"
PARKS = [("pa", "86194-P-001", "Parking A", "off_street", 10, 10, 50),
         ("pz", "86194-Z-001", "Zone rouge", "on_street", 4, 60, 20),
         ("pc", "86194-P-003", "Parking C", "off_street", 5, 5000, 0)]


def build(path):
    conn = build_fixture(path)
    with gpkg.transaction(conn):
        for uid, pid, name, kind, cap, x, y in PARKS:
            conn.execute("INSERT INTO parkings (uuid, parking_id, name, kind, capacity, "
                         "imported_at, geom) VALUES (?,?,?,?,?,?,?)",
                         (f"{uid}000000-0000-4000-8000-000000000000", pid, name, kind, cap,
                          "2024-01-01", geometry.encode_point(x, y, 2154)))
    conn.close()
    return path


def stored_sessions(path):
    """(car park name, ticket, entry, exit, stay_min, amount) of every stored session, by
    ticket."""
    from observatoire_commerce.store.readers.activity import session_rows

    conn = gpkg.connect(path)
    rows = session_rows(conn)
    names = dict(conn.execute("SELECT uuid, name FROM parkings").fetchall())
    conn.close()
    rows.insert(0, "name", rows.pop("parking_uuid").map(names))
    return sorted((tuple(r) for r in rows.itertuples(index=False)),
                  key=lambda r: (r[1] is None, r[1] or "", r[2]))


def rows_of(layer):
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_import_rejects_reports_and_is_idempotent(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    params = {"GEOPACKAGE": str(path), "INPUT": str(SESSIONS), "PRESET": "tickets_fr",
              "REJECTED": "memory:"}
    result = run_alg("import_parking_sessions", params)
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"],
            result["OPEN_SESSIONS"]) == (15, 10, 5, 2)
    rejected = {(f["row"], f["field"]): f["reason"] for f in rows_of(result["REJECTED"])
                if f["level"] == "rejected"}
    assert set(rejected) == {(8, "date_sortie"), (9, "date_sortie"), (14, "parking"),
                             (15, "date_entree"), (16, "date_entree")}
    assert rejected[(8, "date_sortie")] == "an exit on or after the entry (2024-03-05 10:00:00)"
    assert rejected[(9, "date_sortie")].startswith("a stay of at most 7 days")
    assert rejected[(15, "date_entree")] == "a value (this field is required)"
    assert "day is out of range" in rejected[(16, "date_entree")]
    stored = stored_sessions(path)
    assert stored[:3] == [("Parking A", "T01", "2024-03-04T08:00:00", "2024-03-04T08:20:00",
                           20.0, 1.0),
                          ("Parking A", "T02", "2024-03-04T09:00:00", "2024-03-04T09:30:00",
                           30.0, 1.5),
                          ("Parking A", "T03", "2024-03-04T23:30:00", "2024-03-05T00:45:00",
                           75.0, None)]
    assert stored[5] == ("Parking A", "T06", "2024-03-04T11:00:00", None, None, None)
    assert [s[1] for s in stored] == ["T01", "T02", "T03", "T04", "T05", "T06", "T09", "T10",
                                      "T11", "T12"]
    validate_gpkg(path)
    again = run_alg("import_parking_sessions", params)
    assert (again["ADDED"], again["UPDATED"], again["UNCHANGED"]) == (0, 0, 10)
    assert len(stored_sessions(path)) == 10
    conn = gpkg.connect(path)
    # the rejections of the file are replaced, not added twice
    assert conn.execute("SELECT count(*) FROM import_rejections WHERE level = 'rejected'"
                        ).fetchone()[0] == 5
    conn.close()


def test_later_export_closes_open_sessions(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    first = tmp_path / "first.csv"
    first.write_text("parking_id,entry,exit\nParking A,2024-03-04 11:00,\n"
                     "Parking A,2024-03-04 11:00,2024-03-04 11:30\n", encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_text("parking_id,entry,exit\nParking A,2024-03-04 11:00,2024-03-04 13:00\n"
                     "Parking A,2024-03-04 11:00,2024-03-04 11:30\n", encoding="utf-8")
    result = run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(first)})
    assert (result["ADDED"], result["OPEN_SESSIONS"]) == (2, 1)
    result = run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(later)})
    assert (result["ADDED"], result["UPDATED"], result["UNCHANGED"]) == (0, 1, 1)
    assert sorted(r[4] for r in stored_sessions(path)) == [30.0, 120.0]


def test_refusals_leave_the_geopackage_unchanged(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    before = digest(path)
    missing = tmp_path / "missing.csv"
    missing.write_text("parking;date_entree\nP;04/03/2024 10:00\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"missing.csv: required column\(s\) not "
                                                     r"found: date_sortie \(exit\)"):
        run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(missing),
                                            "PRESET": "tickets_fr"})
    with pytest.raises(QgsProcessingException, match="unknown column preset 'nope'; presets "
                                                     "for this import: horodateurs_fr, "
                                                     "standard, tickets_fr"):
        run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(SESSIONS),
                                            "PRESET": "nope"})
    assert digest(path) == before


def test_mapping_saved_as_preset_is_reused(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    mapping = ("parking_id=parking; entry=date_entree; exit=date_sortie; amount=montant; "
               "ticket=ticket")
    run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(SESSIONS),
                                        "MAPPING": mapping, "SAVE_PRESET": "mon exploitant"})
    conn = gpkg.connect(path)
    saved = conn.execute("SELECT mapping, builtin FROM column_presets WHERE name = "
                         "'mon exploitant'").fetchone()
    conn.close()
    assert tuple(saved) == (mapping, 0)
    again = run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(SESSIONS),
                                                "PRESET": "mon exploitant"})
    assert (again["ADDED"], again["UNCHANGED"]) == (0, 10)


def test_dwell_time_by_hand(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    run_alg("import_parking_sessions", {"GEOPACKAGE": str(path), "INPUT": str(SESSIONS),
                                        "PRESET": "tickets_fr"})
    result = run_alg("dwell_time", {
        "GEOPACKAGE": str(path), "PERIODS": [0], "OUTPUT_PERIODS": "memory:",
        "OUTPUT_CLASSES": "memory:", "OUTPUT_HOURS": "memory:", "OUTPUT_CAR_PARKS": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"})
    periods = {(r["name"], r["period"]): r for r in rows_of(result["OUTPUT_PERIODS"])}
    a = periods[("Parking A", "all")]
    assert (a["sessions"], a["open_sessions"], a["long_stays"], a["days"]) == (6, 1, 2, 2)
    assert a["mean_min"] == pytest.approx(1265 / 6)
    assert a["median_min"] == 67.5
    assert a["long_share"] == pytest.approx(1 / 3)
    assert a["rotation"] == pytest.approx(0.3)
    assert (a["amount_total"], a["amount_sessions"]) == (11.0, 4)
    assert a["centrality"] == "Centre"
    d4 = periods[("Parking A", "2024-03-04")]
    assert (d4["sessions"], d4["mean_min"], d4["median_min"], d4["rotation"],
            d4["open_sessions"]) == (5, 241.0, 75.0, 0.5, 1)
    d5 = periods[("Parking A", "2024-03-05")]
    assert (d5["sessions"], d5["mean_min"], d5["rotation"]) == (1, 60.0, 0.1)
    z = periods[("Zone rouge", "all")]
    assert (z["sessions"], z["mean_min"], z["median_min"], z["rotation"],
            z["open_sessions"]) == (2, 75.0, 75.0, 0.25, 1)
    c = periods[("Centre", "all")]
    assert c["level"] == "centrality"
    assert (c["sessions"], c["open_sessions"], c["capacity"]) == (8, 2, 14)
    assert c["mean_min"] == pytest.approx(1415 / 8)
    assert c["median_min"] == 67.5
    assert c["long_share"] == 0.25
    assert c["rotation"] == pytest.approx(8 / 28)
    classes = {(r["name"], r["dwell_class"]): r["sessions"]
               for r in rows_of(result["OUTPUT_CLASSES"]) if r["period"] == "all"}
    assert [classes[("Parking A", k)] for k in ("lt_30min", "30min_1h", "1h_2h", "2h_4h",
                                                "ge_4h")] == [1, 1, 2, 0, 2]
    hours = {r["hour"]: (r["sessions"], r["long_stays"]) for r in
             rows_of(result["OUTPUT_HOURS"]) if r["name"] == "Parking A" and r["period"] == "all"}
    assert hours == {8: (1, 0), 9: (1, 0), 10: (2, 1), 18: (1, 1), 23: (1, 0)}
    parks = {r["name"]: r for r in rows_of(result["OUTPUT_CAR_PARKS"])}
    assert set(parks) == {"Parking A", "Zone rouge"}
    cents = {r["name"]: r for r in rows_of(result["OUTPUT_CENTRALITIES"])}
    assert cents["Centre"]["mean_min"] == pytest.approx(1415 / 8)
    assert not isinstance(cents["Gare"]["mean_min"], float)  # no session: NULL, not 0
    conn = gpkg.connect(path)
    got = dict(conn.execute(
        "SELECT indicator, value FROM indicators WHERE centrality_uuid = 'cA' AND period = "
        "'2024-03-04/2024-03-05'").fetchall())
    conn.close()
    assert got["dwell_mean_min"] == pytest.approx(1415 / 8)
    assert got["dwell_median_min"] == 67.5
    assert got["dwell_long_share"] == 25.0
    assert got["parking_rotation"] == pytest.approx(8 / 28)
    assert got["parking_sessions"] == 8


def test_dwell_time_needs_data(run_alg, tmp_path):
    path = build(tmp_path / "d.gpkg")
    with pytest.raises(QgsProcessingException, match="no parking session and no presence data"):
        run_alg("dwell_time", {"GEOPACKAGE": str(path), "OUTPUT_PERIODS": "memory:"})


class _CancelAt:
    """Cancels once the algorithm reports ``at`` percent (after computing, before writing)."""

    def __new__(cls, at):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgress(self, progress):  # noqa: N802 - QGIS API
                if progress >= at:
                    self.cancel()
                super().setProgress(progress)

        return Feedback()


@pytest.mark.parametrize("alg_id, params, at", [
    ("dwell_time", {"OUTPUT_PERIODS": "memory:"}, 90),
    ("activity_barometer", {"OUTPUT_MONTHLY": "memory:"}, 60),
])
def test_cancel_writes_nothing(processing_ready, tmp_path, alg_id, params, at):
    from qgis import processing

    from observatoire_commerce.ingest.importers.parking_sessions import import_parking_sessions
    from observatoire_commerce.ingest.importers.sirene_history import import_sirene_history
    from observatoire_commerce.store import observatory

    path = build(tmp_path / "c.gpkg")
    conn = observatory.open_observatory(path)
    import_parking_sessions(conn, SESSIONS, preset="tickets_fr")
    import_sirene_history(conn, DATA / "sirene_history.csv", stock=DATA / "sirene_stock.csv")
    conn.close()
    with pytest.raises(QgsProcessingException, match="Canceled: nothing was written"):
        processing.run(f"observatoire:{alg_id}", {"GEOPACKAGE": str(path), **params},
                       feedback=_CancelAt(at))
    conn = gpkg.connect(path)
    assert conn.execute("SELECT count(*) FROM indicators").fetchone()[0] == 0
    conn.close()


def test_car_parks_styled_by_mean_stay(styled_output, tmp_path):
    from observatoire_commerce.ingest.importers.parking_sessions import import_parking_sessions
    from observatoire_commerce.store import observatory

    path = build(tmp_path / "s.gpkg")
    conn = observatory.open_observatory(path)
    import_parking_sessions(conn, SESSIONS, preset="tickets_fr")
    conn.close()
    layer, apply_style = styled_output("dwell_time", {"GEOPACKAGE": str(path),
                                                      "WRITE_INDICATORS": False},
                                       "OUTPUT_CAR_PARKS")
    apply_style()
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol"
    assert renderer.classAttribute() == "mean_min"


def test_horodateurs_fr_preset(run_alg, tmp_path):
    """On-street payment terminals (``horodateurs_fr``: zone, debut, fin, montant,
    transaction), French conventions. Zone rouge (4 spaces): 09:00–10:30 (90 min, 1,80 €) and
    14:15–14:45 (30 min, 0,60 €) on 4 March, the zone named by its id then by its name; a
    session of 5 March without end is kept open. Whole window (2 days): 2 stays, mean 60,
    rotation 2 / (4 × 2) = 0.25, 2,40 €."""
    path = build(tmp_path / "h.gpkg")
    export = tmp_path / "horodateurs.csv"
    export.write_text("zone;debut;fin;montant;transaction\n"
                      "86194-Z-001;04/03/2024 09:00;04/03/2024 10:30;1,80;H1\n"
                      "Zone rouge;04/03/2024 14:15;04/03/2024 14:45;0,60;H2\n"
                      "86194-Z-001;05/03/2024 11:00;;;H3\n", encoding="utf-8")
    result = run_alg("import_parking_sessions", {"GEOPACKAGE": str(path),
                                                 "INPUT": str(export),
                                                 "PRESET": "horodateurs_fr"})
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"],
            result["OPEN_SESSIONS"]) == (3, 3, 0, 1)
    assert stored_sessions(path) == [
        ("Zone rouge", "H1", "2024-03-04T09:00:00", "2024-03-04T10:30:00", 90.0, 1.8),
        ("Zone rouge", "H2", "2024-03-04T14:15:00", "2024-03-04T14:45:00", 30.0, 0.6),
        ("Zone rouge", "H3", "2024-03-05T11:00:00", None, None, None)]
    out = run_alg("dwell_time", {"GEOPACKAGE": str(path), "WRITE_INDICATORS": False,
                                 "OUTPUT_PERIODS": "memory:"})
    zone = {(r["name"], r["period"]): r for r in rows_of(out["OUTPUT_PERIODS"])}[
        ("Zone rouge", "all")]
    assert (zone["sessions"], zone["open_sessions"], zone["mean_min"], zone["rotation"],
            zone["amount_total"]) == (2, 1, 60.0, 0.25, pytest.approx(2.4))
