"""`make demo`, dwell time and activity (issue 15): the demo's parking sessions, presence data,
SIRENE history and card-payment index (made by sample_territory/activity.py from the demo
territory), imported through the import algorithms, then the dwell time per car park and
centrality, the 2024 braderie's impact on dwell and visitors, and the activity barometer.

Writes demo/activity/ (the source files and the outputs) and prints the summaries. Run after
scripts/demo.py has built demo/observatoire.gpkg (demo.py calls :func:`main` last), or alone:

    .venv/bin/python scripts/demo_activity.py [demo/observatoire.gpkg]
"""

from __future__ import annotations

import shutil
import sys
import time
import types
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_process  # noqa: E402  (scripts/qgis_process.py)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo" / "activity"
BRADERIE = "braderie-2024"


def _step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    return qgis_process.step(title, algorithm, params, config)["results"]


def _plugin_package():
    """The repository as the plugin package (never put the repository root on sys.path)."""
    if "observatoire_commerce" not in sys.modules:
        package = types.ModuleType("observatoire_commerce")
        package.__path__ = [str(ROOT)]
        sys.modules["observatoire_commerce"] = package


def run(gpkg: Path, config: Path) -> dict:
    """Write the demo files, import them and run the three analyses; returns the outputs."""
    _plugin_package()
    from observatoire_commerce.sample_territory import activity

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    started = time.monotonic()
    files = activity.write_all(gpkg, OUT / "sources")
    print(f"→ Demo sessions, presence data, SIRENE history and card-payment index written in "
          f"{time.monotonic() - started:.1f} s", flush=True)
    out = {"files": files}
    out["sessions"] = _step("Parking sessions (operator export, tickets_fr preset)",
                            "observatoire:import_parking_sessions",
                            {"GEOPACKAGE": gpkg, "INPUT": files["sessions"],
                             "PRESET": "tickets_fr"}, config)
    out["presence"] = _step("Presence data", "observatoire:import_presence",
                            {"GEOPACKAGE": gpkg, "INPUT": files["presence"],
                             "PRESET": "presence_fr", "PROVIDER": "démo"}, config)
    out["sirene"] = _step("SIRENE establishment history", "observatoire:import_sirene_history",
                          {"GEOPACKAGE": gpkg, "INPUT": files["history"],
                           "STOCK": files["stock"]}, config)
    out["index"] = _step("Card-payment index", "observatoire:import_activity_index",
                         {"GEOPACKAGE": gpkg, "INPUT": files["index"], "PROVIDER": "démo"},
                         config)
    dwell = {k: OUT / f"dwell_{k}.csv" for k in ("periods", "classes", "hours", "presence")}
    _step("Dwell time", "observatoire:dwell_time",
          {"GEOPACKAGE": gpkg, "PERIODS": "2", "OPEN_CLASS_MINUTES": 300,
           "OUTPUT_PERIODS": dwell["periods"], "OUTPUT_CLASSES": dwell["classes"],
           "OUTPUT_HOURS": dwell["hours"], "OUTPUT_PRESENCE": dwell["presence"],
           "OUTPUT_CAR_PARKS": OUT / "dwell_car_parks.gpkg",
           "OUTPUT_CENTRALITIES": OUT / "dwell_centralities.gpkg"}, config)
    out["dwell"] = dwell
    out["events"] = OUT / "braderie_dwell.csv"
    _step("Braderie 2024: dwell and visitors (3 previous weekends)",
          "observatoire:event_impact",
          {"GEOPACKAGE": gpkg, "EVENTS": BRADERIE, "BASELINE": 0, "WEEKS": 3,
           "OPEN_CLASS_MINUTES": 300, "OUTPUT": OUT / "braderie_flows.csv",
           "OUTPUT_DWELL": out["events"]}, config)
    barometer = {k: OUT / f"barometer_{k}.csv" for k in ("monthly", "index", "campaigns")}
    _step("Activity barometer", "observatoire:activity_barometer",
          {"GEOPACKAGE": gpkg, "START": "2022-01-01", "END": "2024-12-31",
           "OUTPUT_MONTHLY": barometer["monthly"],
           "OUTPUT_INDEX": barometer["index"], "OUTPUT_CAMPAIGNS": barometer["campaigns"]},
          config)
    out["barometer"] = barometer
    return out


def print_summary(out: dict) -> None:
    pd.set_option("display.width", 160)
    s = out["sessions"]
    print(f"\nParking sessions {out['files']['sessions'].name}: {int(s['ROWS_READ'])} rows "
          f"read, {int(s['ADDED'])} imported ({int(s['OPEN_SESSIONS'])} without exit), "
          f"{int(s['REJECTED_COUNT'])} rejected; presence rows {int(out['presence']['ADDED'])}"
          f"; SIRENE periods and positions {int(out['sirene']['ADDED'])}; index values "
          f"{int(out['index']['ADDED'])}")
    periods = pd.read_csv(out["dwell"]["periods"])
    allp = periods[periods["period_kind"] == "all"]
    cents = allp[allp["level"] == "centrality"].copy()
    cents["long %"] = (100 * cents["long_share"]).round(1)
    columns = {"name": "centrality", "sessions": "sessions", "open_sessions": "open",
               "mean_min": "mean min", "median_min": "median min", "long %": "long %",
               "rotation": "rotation"}
    window = f"{allp['period_start'].min()} – {allp['period_end'].max()}"
    print(f"\nDwell time per centrality, car parks serving it ({window}; rotation = sessions "
          "per space per day, long = 4 h or more)")
    print(cents[list(columns)].rename(columns=columns).round(2).to_string(index=False))
    parks = allp[allp["level"] == "car park"]
    print("\nPer car park or on-street zone")
    print(parks[["name", "centrality", "sessions", "mean_min", "median_min", "rotation"]]
          .round(2).to_string(index=False))
    presence = pd.read_csv(out["dwell"]["presence"])
    pres = presence[(presence["period_kind"] == "all") & (presence["category"] == "all")]
    print("\nPresence data, June–September 2024: visitors (person-days) and mean dwell")
    print(pres[["zone", "visitors", "mean_dwell_min"]].round(1).to_string(index=False))
    events = pd.read_csv(out["events"])
    events["category"] = events["category"].fillna("")
    shown = events[(events["level"].isin(["centrality", "zone"]))
                   & (events["centrality"] == "Centre-ville")]
    print("\nBraderie 2024 in the town centre against the 3 previous weekends (difference in "
          "minutes, or in share points; exceeds = beyond 2 standard deviations of the "
          "baseline days)")
    table = shown[["source", "category", "measure", "event_value", "baseline_mean",
                   "baseline_sd", "difference", "exceeds"]].copy()
    table["exceeds"] = [{"true": "yes", "1": "yes", "1.0": "yes", "false": "no", "0": "no",
                         "0.0": "no"}.get(str(v).strip().lower(), "") for v in table["exceeds"]]
    print(table.round(3).fillna("").to_string(index=False))
    monthly = pd.read_csv(out["barometer"]["monthly"])
    monthly = monthly[monthly["group"] == "all"]
    monthly["year"] = monthly["month"].str[:4]
    yearly = monthly.groupby(["centrality", "year"], sort=False).agg(
        creations=("creations", "sum"), closures=("closures", "sum"),
        reopenings=("reopenings", "sum"), transfers_in=("transfers_in", "sum"),
        transfers_out=("transfers_out", "sum"), net=("net_change", "sum")).reset_index()
    print("\nActivity barometer (SIRENE history): establishments per centrality and year")
    print(yearly.to_string(index=False))
    last = monthly.sort_values("month").groupby("centrality").tail(1)
    last = last.assign(survival=(100 * last["survival_rate"]).round(1))
    print(f"\nEnd of {last['month'].max()}: active establishments and survival of the "
          "creations of the last 36 months (%)")
    print(last[["centrality", "active_end", "created_36m", "survival"]].to_string(index=False))
    index = pd.read_csv(out["barometer"]["index"]).dropna(subset=["change"])
    index = index[index["period"] == index["period"].max()]
    index["change %"] = (100 * index["change"]).round(1)
    print(f"\nCard-payment index, {index['period'].max()} against one year before")
    print(index[["zone", "value", "previous_value", "change %"]].to_string(index=False))
    camps = pd.read_csv(out["barometer"]["campaigns"]).dropna(subset=["sirene_net_change_12m"])
    print("\nPremises turnover per campaign beside the SIRENE creations and closures of the 12 "
          "months before it")
    print(camps[["centrality", "campaign", "openings", "closures", "sirene_creations_12m",
                 "sirene_closures_12m", "sirene_net_change_12m"]].to_string(index=False))


def main(gpkg=None) -> int:
    gpkg = Path(gpkg) if gpkg else ROOT / "demo" / "observatoire.gpkg"
    config = qgis_process.profile()
    try:
        out = run(gpkg, config)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    print_summary(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
