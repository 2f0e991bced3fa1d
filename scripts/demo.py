"""`make demo`: the main job on the built-in demo territory, through QGIS's own CLI.

Writes demo/observatoire.gpkg, demo/vacancy.csv, demo/vacancy_centralities.gpkg, and last
demo/atlas.pdf and demo/tableau_de_bord.xlsx (scripts/demo_restitution.py), then prints the
vacancy table (centrality × campaign). The questionnaire steps
write demo/questionnaire.xlsx (XLSForm), demo/questionnaire_answers_kobo.xlsx (a generated
Kobo-style export with a few bad rows) and demo/questionnaire_rejected.csv, store the
"Questionnaire" project (street interviews) in the GeoPackage, and print the import summary.
The fieldwork steps store the "Inventaire" project in the GeoPackage, open the campaign
"Inventaire 2025", prepare two agents' QField packages under demo/field_packages/, play their
scripted edits (store/demo/fieldwork.py), synchronise both packages and print the campaign
progress and the synchronisation reports (also written as CSV next to the packages).
The offer steps write demo/offer/ (vacancy history layer, offer mix, services and short-circuit
offer) and print the complete vacancy table, long-term vacancy and offer mix per centrality.
The catchment steps write demo/catchment/ (walking and driving catchments of the centralities,
Huff market shares, cells and primary market areas, scored bakery sites) and print them.
After the survey analyses (scripts/demo_survey.py) and the activity steps, the publication steps
write demo/open_data/ (with the survey indicators of at least 11 respondents) and demo/web/
(scripts/demo_publication.py), then the atlas and the dashboard are printed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_process  # noqa: E402  (scripts/qgis_process.py)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo"


def step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    return qgis_process.step(title, algorithm, params, config)


def _plugin_package():
    """The repository as the plugin package (never put the repository root on sys.path)."""
    import types

    if "observatoire_commerce" not in sys.modules:
        package = types.ModuleType("observatoire_commerce")
        package.__path__ = [str(ROOT)]
        sys.modules["observatoire_commerce"] = package


def survey_steps(gpkg: Path, config: Path) -> dict:
    """Questionnaire: the XLSForm, a generated Kobo-style export (420+ answers, a few bad rows)
    and its import. Returns what the summary needs."""
    _plugin_package()
    from observatoire_commerce.sample_territory.answers import write_export
    from observatoire_commerce.store import gpkg as engine
    from observatoire_commerce.survey_forms import observatory_survey

    xlsform = OUT / "questionnaire.xlsx"
    step("Questionnaire XLSForm", "observatoire:export_xlsform",
         {"GEOPACKAGE": gpkg, "OUTPUT": xlsform, "VALIDATE": "false"}, config)
    try:
        from pyxform.xls2xform import convert

        warnings: list = []
        convert(str(xlsform), warnings=warnings, validate=False)
        checked = f"pyxform converts it without error ({len(warnings)} warning(s))"
    except ImportError:
        checked = "not checked (pyxform is not installed)"
    conn = engine.connect(gpkg)
    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
    finally:
        conn.close()
    export = OUT / "questionnaire_answers_kobo.xlsx"
    defects = write_export(questionnaire, export, n=432, seed=2024, bad_rows=6)
    imported = step("Questionnaire answers", "observatoire:import_survey_responses",
                    {"GEOPACKAGE": gpkg, "INPUT": export,
                     "OUTPUT_REJECTED": OUT / "questionnaire_rejected.csv"}, config)
    project = step("Questionnaire project in the GeoPackage",
                   "observatoire:install_questionnaire_project", {"GEOPACKAGE": gpkg}, config)
    return {"xlsform": xlsform, "checked": checked, "export": export, "defects": defects,
            "results": imported["results"], "project": project["results"]["PROJECT"]}


def print_survey_summary(survey: dict) -> None:
    results = survey["results"]
    print(f"\nQuestionnaire: {survey['xlsform']} ({survey['checked']})")
    print(f"Kobo-style export {survey['export'].name}: {int(results['ROWS_READ'])} rows read, "
          f"{int(results['ACCEPTED'])} answers imported "
          f"({int(results['VISITS'])} centrality visits, "
          f"{int(results['MULTI_ANSWERS'])} multiple-choice answers), "
          f"{int(results['REJECTED_ROWS'])} rows rejected, "
          f"{int(results['SKIPPED'])} already imported")
    rejected = pd.read_csv(results["OUTPUT_REJECTED"], dtype=str).fillna("")
    for row in rejected.itertuples(index=False):
        print(f"  rejected row {row.row}: {row.field} = {row.value!r}: {row.reason}")
    print(f"Street-interview project (QGIS / QField, response form with the visits and "
          f"multiple-choice answers): {survey['project']}")


def _expose_pygeodiff(config: Path) -> None:
    """Let qgis_process (the system Python) import pygeodiff from the venv, and nothing else.

    pygeodiff is a pip-only package: like a user installing it into QGIS's Python, the sync
    steps get just that package (and its bundled libraries) on PYTHONPATH.
    """
    import importlib.util
    import os

    spec = importlib.util.find_spec("pygeodiff")
    if spec is None or not spec.submodule_search_locations:
        return  # the sync steps will stop with the plugin's message naming pygeodiff
    site = Path(list(spec.submodule_search_locations)[0]).parent
    shelf = config / "python-extra"
    shelf.mkdir(exist_ok=True)
    for name in ("pygeodiff", "pygeodiff.libs"):
        if (site / name).exists() and not (shelf / name).exists():
            (shelf / name).symlink_to(site / name, target_is_directory=True)
    paths = [str(shelf), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))


def fieldwork_steps(gpkg: Path, config: Path) -> dict:
    """Campaign, two field packages, scripted edits in the agents' copies, both syncs."""
    _plugin_package()
    from observatoire_commerce.sample_territory import fieldwork
    from observatoire_commerce.store import gpkg as engine

    packages = OUT / "field_packages"
    for folder in (packages, OUT / "DCIM", OUT / f"{gpkg.stem}.field_bases"):
        shutil.rmtree(folder, ignore_errors=True)
    packages.mkdir()
    step("Inventory project in the GeoPackage", "observatoire:install_inventory_project",
         {"GEOPACKAGE": gpkg}, config)
    conn = engine.connect(gpkg)
    try:  # the office recorded one premise twice: an agent will delete it in the field
        fieldwork.add_duplicate_premise(conn)
    finally:
        conn.close()
    campaign = fieldwork.CAMPAIGN
    opened = step(f"Campaign {campaign['name']}", "observatoire:open_campaign",
                  {"GEOPACKAGE": gpkg, "NAME": campaign["name"],
                   "START_DATE": campaign["start"], "END_DATE": campaign["end"]}, config)
    result = {"opened": opened["results"], "packages": {}, "edits": {}, "syncs": {}}
    for who, (agent, centralities) in fieldwork.AGENTS.items():
        result["packages"][who] = step(
            f"Field package for {agent}", "observatoire:prepare_field_package",
            {"GEOPACKAGE": gpkg, "AGENT": agent, "CENTRALITIES": ",".join(centralities),
             "OUTPUT_FOLDER": packages / who}, config)["results"]
    for who in fieldwork.AGENTS:
        result["edits"][who] = fieldwork.play_agent(packages / who, who)
    _expose_pygeodiff(config)
    for who, (agent, _centralities) in fieldwork.AGENTS.items():
        result["syncs"][who] = step(
            f"Synchronise {agent}'s package", "observatoire:synchronise_field_package",
            {"GEOPACKAGE": gpkg, "PACKAGE": packages / who,
             "OUTPUT_REPORT": packages / f"sync_report_{who}.csv",
             "OUTPUT_CONFLICTS": packages / f"sync_conflicts_{who}.csv"}, config)["results"]
    result["progress"] = step(
        "Campaign progress", "observatoire:campaign_progress",
        {"GEOPACKAGE": gpkg, "CAMPAIGN": campaign["name"],
         "OUTPUT_CENTRALITIES": OUT / "campaign_progress.csv",
         "OUTPUT_AGENTS": OUT / "campaign_progress_agents.csv"}, config)["results"]
    return result


def print_fieldwork_summary(work: dict) -> None:
    from observatoire_commerce.sample_territory import fieldwork

    opened = work["opened"]
    print(f"\nCampaign {fieldwork.CAMPAIGN['name']}: {int(opened['OBSERVATIONS'])} observations "
          f"opened, {int(opened['PREFILLED'])} pre-filled from the previous campaign")
    for who, (agent, centralities) in fieldwork.AGENTS.items():
        package, edits = work["packages"][who], work["edits"][who]
        print(f"  {agent} ({', '.join(centralities)}): {package['PROJECT']}, "
              f"{int(package['PREMISES'])} premises; field edits: {edits['confirmed']} "
              f"confirmed, {edits['changed']} changed, {edits['new_premises']} new premise(s), "
              f"{edits['deleted_premises']} deleted, {edits['photos']} photos")
    progress = work["progress"]
    for key, title in (("OUTPUT_CENTRALITIES", "centrality"), ("OUTPUT_AGENTS", "agent")):
        table = pd.read_csv(progress[key]).drop(columns=["centrality_uuid"], errors="ignore")
        table[title] = table[title].fillna("(outside every centrality)" if title == "centrality"
                                           else "(unassigned)")
        print(f"\nCampaign progress per {title} (completeness in %)")
        print(table.drop(columns=["scope"]).to_string(index=False))
    for who, (agent, _centralities) in fieldwork.AGENTS.items():
        sync = work["syncs"][who]
        report = pd.read_csv(sync["OUTPUT_REPORT"])
        print(f"\nSynchronisation of {agent}'s package: {int(sync['EDITS'])} edits applied, "
              f"{int(sync['CONFLICTS'])} conflict(s), {int(sync['PHOTOS_COPIED'])} photos "
              f"copied, {int(sync['PHOTOS_MISSING'])} missing")
        print(report.to_string(index=False))
        conflicts = pd.read_csv(sync["OUTPUT_CONFLICTS"], dtype=str).fillna("")
        for row in conflicts.itertuples(index=False):
            print(f"  conflict on {row.table_name}.{row.column_name} of {row.row_uuid}: "
                  f"base {row.base_value!r}, kept {row.kept_value!r}, "
                  f"{agent}'s {row.rejected_value!r} reported ({row.rule})")


def offer_steps(gpkg: Path, config: Path) -> dict:
    """Offer (issue 4): vacancy history, offer mix, services and short-circuit offer."""
    folder = OUT / "offer"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    history = step("Vacancy history", "observatoire:vacancy_history",
                   {"GEOPACKAGE": gpkg, "OUTPUT": folder / "vacancy_history.gpkg"}, config)
    step("Offer mix", "observatoire:offer_mix",
         {"GEOPACKAGE": gpkg, "POPULATION_RULE": 1, "POPULATION_DISTANCE": 500,
          "OUTPUT_TABLE": folder / "offer_mix.csv", "OUTPUT_GROUPS": folder / "offer_groups.csv",
          "OUTPUT_CENTRALITIES": folder / "offer_centralities.gpkg"}, config)
    step("Services offer", "observatoire:services_offer",
         {"GEOPACKAGE": gpkg, "DISTANCE": 300, "OUTPUT_TABLE": folder / "services.csv",
          "OUTPUT_ZONES": folder / "services_zones.csv"}, config)
    step("Short-circuit offer", "observatoire:short_circuit_offer",
         {"GEOPACKAGE": gpkg, "OUTPUT_ZONES": folder / "short_circuits.csv",
          "OUTPUT_PRODUCTS": folder / "short_circuit_products.csv"}, config)
    return {"folder": folder, "history": history["results"]}


def print_offer_summary(offer: dict, vacancy: pd.DataFrame) -> None:
    folder = offer["folder"]
    latest = vacancy[vacancy["campaign"] == vacancy["campaign"].iloc[-1]]
    columns = {"centrality": "centrality", "premises": "premises", "vacant": "vacant",
               "vacancy_rate": "rate %", "vacancy_rate_floor_area": "area rate %",
               "procos_band": "Procos band", "rate_change": "change pts",
               "turnover_rate": "turnover %", "openings": "openings", "closures": "closures",
               "activity_changes": "activity changes"}
    print(f"\nVacancy, campaign {latest['campaign'].iloc[0]} (rates in units and floor area, "
          "change since the previous campaign, Codata turnover)")
    print(latest[list(columns)].rename(columns=columns).round(1).to_string(index=False))
    from osgeo import ogr

    source = ogr.Open(str(folder / "vacancy_history.gpkg"))
    history = pd.DataFrame([{k: f.GetField(k) for k in ("centrality", "vacant_now", "long_term",
                                                        "vacancy_years")}
                            for f in source.GetLayer(0)])
    source = None
    history["centrality"] = history["centrality"].fillna("(outside every centrality)")
    summary = history.groupby("centrality", sort=False).agg(
        vacant_now=("vacant_now", "sum"), long_term=("long_term", "sum"),
        mean_years=("vacancy_years", "mean"))
    print(f"\nLong-term vacancy (vacant for 2 years or more at the latest campaign): "
          f"{int(offer['history']['LONG_TERM'])} premises")
    print(summary.round(2).to_string())
    mix = pd.read_csv(folder / "offer_mix.csv")
    mix = mix[mix["campaign"] == mix["campaign"].iloc[-1]]
    mix["centrality"] = mix["centrality"].fillna("(outside every centrality)")
    print(f"\nOffer mix, campaign {mix['campaign'].iloc[0]} (population within 500 m)")
    print(mix[["centrality", "shops", "groups", "shannon", "pielou", "simpson",
               "independent_share", "density_per_1000"]].round(2).to_string(index=False))
    services = pd.read_csv(folder / "services_zones.csv")
    short = pd.read_csv(folder / "short_circuits.csv")
    both = services[["name", "services", "range_proximite", "range_intermediaire",
                     "range_superieure"]].merge(
        short[["name", "producers", "organic_share", "markets", "sessions_per_week"]], on="name")
    print("\nServices within 300 m, producers within 20 km, markets within 300 m")
    print(both.round(1).to_string(index=False))


def catchment_steps(gpkg: Path, config: Path) -> dict:
    """Catchments of every centrality (walk 5/10/15 min, car 10/20 min), Huff market shares of
    the centralities, the ten best vacant premises for a bakery. Returns the output paths."""
    folder = OUT / "catchment"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    out = {"walk": folder / "walk_catchments.gpkg", "car": folder / "car_catchments.gpkg",
           "shares": folder / "huff_market_shares.csv", "cells": folder / "huff_cells.gpkg",
           "pma": folder / "huff_primary_market_areas.gpkg",
           "sites": folder / "bakery_sites.csv"}
    step("Walking catchments 5/10/15 min", "observatoire:network_catchments",
         {"GEOPACKAGE": gpkg, "MODE": 0, "BANDS": "5,10,15", "OUTPUT": out["walk"]}, config)
    step("Driving catchments 10/20 min", "observatoire:network_catchments",
         {"GEOPACKAGE": gpkg, "MODE": 1, "BANDS": "10,20", "ALPHA": 400,
          "OUTPUT": out["car"]}, config)
    step("Huff market shares", "observatoire:huff_model",
         {"GEOPACKAGE": gpkg, "COST": 1, "OUTPUT_DESTINATIONS": out["shares"],
          "OUTPUT_CELLS": out["cells"], "OUTPUT_PMA": out["pma"]}, config)
    step("Site potential for a bakery", "observatoire:site_potential",
         {"GEOPACKAGE": gpkg, "ACTIVITY_GROUP": "alimentaire", "OUTPUT": out["sites"]}, config)
    return out


def _gpkg_attributes(path: Path) -> pd.DataFrame:
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        table = conn.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        return pd.read_sql_query(f'SELECT * FROM "{table}"', conn).drop(columns=["geom"])
    finally:
        conn.close()


def print_catchment_summary(out: dict) -> None:
    for mode in ("walk", "car"):
        frame = _gpkg_attributes(out[mode])
        frame["band"] = frame["band"].astype(int).astype(str) + " min"
        pop = frame.pivot_table(index="origin_id", columns="band", values="population",
                                sort=False)
        pop = pop[sorted(pop.columns, key=lambda b: int(b.split()[0]))]
        title = "Walking" if mode == "walk" else "Driving"
        print(f"\n{title} catchments of the centralities: population reached ({out[mode]})")
        print(pop.round(0).astype(int).to_string())
        widest = frame[frame["band"] == pop.columns[-1]].set_index("origin_id")
        print(f"  within {pop.columns[-1]}: premises / vacant premises reached")
        for name, row in widest.iterrows():
            print(f"    {name}: {int(row['premises'])} / {int(row['vacant_premises'])}")
    shares = pd.read_csv(out["shares"]).sort_values("market_share", ascending=False)
    print("\nHuff market shares of the centralities (walking time, alpha 1, beta 2; "
          "attractiveness = occupied premises)")
    for row in shares.itertuples(index=False):
        print(f"  {row.destination:<28s} {100 * row.market_share:5.1f} %  "
              f"(expected demand {row.expected_demand:,.0f} inhabitants)")
    sites = pd.read_csv(out["sites"]).sort_values("rank").head(10)
    print("\nTen best vacant premises for a bakery (competitors: alimentaire)")
    columns = [c for c in ("rank", "score", "address", "footfall", "population", "services",
                           "competitors") if c in sites.columns]
    print(sites[columns].round(1).to_string(index=False))
    print(f"  (all candidates and each criterion's contribution: {out['sites']})")


def flows_steps(gpkg: Path, config: Path) -> dict:
    """Flows (issue 5): footfall per centrality, event impact, mobility, flows × offer."""
    folder = OUT / "flows"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    out = {k: folder / f"{k}.csv" for k in ("periods", "hourly", "yoy", "profiles", "events",
                                              "mobility", "offer")}
    step("Footfall per centrality", "observatoire:footfall_by_centrality",
         {"GEOPACKAGE": gpkg, "DISTANCE": 100, "PERIODS": "2,3",
          "OUTPUT_PERIODS": out["periods"], "OUTPUT_HOURLY": out["hourly"],
          "OUTPUT_YOY": out["yoy"], "OUTPUT_PROFILES": out["profiles"],
          "OUTPUT_CENTRALITIES": folder / "footfall_centralities.gpkg",
          "OUTPUT_SITES": folder / "counting_sites.gpkg"}, config)
    step("Event impact (4 previous weeks)", "observatoire:event_impact",
         {"GEOPACKAGE": gpkg, "BASELINE": 0, "WEEKS": 4, "OUTPUT": out["events"]}, config)
    step("Mobility per centrality", "observatoire:mobility_by_centrality",
         {"GEOPACKAGE": gpkg, "PERIOD": 0, "OUTPUT": out["mobility"]}, config)
    step("Flows crossed with the offer", "observatoire:flows_vs_offer",
         {"GEOPACKAGE": gpkg, "DISTANCE": 100, "OUTPUT": out["offer"],
          "OUTPUT_PREMISES": folder / "premises_footfall.gpkg"}, config)
    return out


def print_flows_summary(out: dict) -> None:
    periods = pd.read_csv(out["periods"])
    years = periods[periods["period_kind"] == "year"]
    mean = years.pivot_table(index="centrality", columns="period", values="mean_daily")
    print("\nFootfall: mean daily passages per counter, per centrality and year (complete days)")
    print(mean.round(0).astype("Int64").to_string())
    coverage = years.pivot_table(index="centrality", columns="period", values="coverage")
    print("\nCoverage (% of the days with complete counts)")
    print((100 * coverage).round(1).to_string())
    yoy = pd.read_csv(out["yoy"]).dropna(subset=["change"])
    yoy["change %"] = (100 * yoy["change"]).round(1)
    print("\nYear-on-year change on matched ISO weeks")
    print(yoy[["centrality", "iso_year", "weeks_matched", "change %"]].to_string(index=False))
    profiles = pd.read_csv(out["profiles"])
    print("\nStreet profile: " + ", ".join(
        f"{r.centrality} = {r.profile}" for r in profiles.itertuples(index=False)))
    events = pd.read_csv(out["events"])
    events = events[events["level"] == "centrality"]
    pivot = events.pivot_table(index="event", columns="measure", values="uplift_pct",
                               sort=False)
    print("\nEvent uplift in the town centre (%, baseline: same weekdays of the 4 previous "
          "weeks)")
    print(pivot.round(1).to_string())
    mobility = pd.read_csv(out["mobility"])
    latest = mobility[mobility["period"] == mobility["period"].max()]
    print(f"\nMobility per centrality, {latest['period'].iloc[0]}")
    columns = {"centrality": "centrality", "parking_occupancy_rate": "parking %",
               "parking_peak_hour": "peak h", "transit_departures_per_hour": "buses/h",
               "transit_boardings_daily": "boardings/day", "road_daily_traffic": "vehicles/day",
               "carpool_trips_daily": "carpool trips/day"}
    print(latest[list(columns)].rename(columns=columns).round(1).to_string(index=False))
    offer = pd.read_csv(out["offer"])
    columns = {"centrality": "centrality", "footfall_mean_daily": "footfall/day",
               "footfall_change": "change", "premises": "premises", "vacancy_rate": "vacancy %",
               "vacancy_change_pts": "change pts", "footfall_per_shop": "per shop",
               "footfall_per_vacant": "per vacant", "trend_class": "trend"}
    offer["footfall_change"] = (100 * offer["footfall_change"]).round(1)
    print(f"\nFlows × offer, {int(offer['year'].iloc[0])} (footfall change in %, offer of "
          f"{offer['campaign'].iloc[0]})")
    print(offer[list(columns)].rename(columns=columns).round(1).to_string(index=False))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    gpkg = OUT / "observatoire.gpkg"
    for name in ("observatoire.gpkg", "vacancy.csv", "vacancy_centralities.gpkg", "atlas.pdf",
                 "questionnaire.xlsx", "questionnaire_answers_kobo.xlsx",
                 "questionnaire_rejected.csv"):
        (OUT / name).unlink(missing_ok=True)
    config = qgis_process.profile()
    try:
        step("Demo territory", "observatoire:generate_demo_territory", {"OUTPUT": gpkg}, config)
        step("Vacancy rates", "observatoire:vacancy_rates",
             {"GEOPACKAGE": gpkg, "OUTPUT_TABLE": OUT / "vacancy.csv",
              "OUTPUT_CENTRALITIES": OUT / "vacancy_centralities.gpkg"}, config)
        offer = offer_steps(gpkg, config)
        survey = survey_steps(gpkg, config)
        work = fieldwork_steps(gpkg, config)
        catchment = catchment_steps(gpkg, config)
        flows = flows_steps(gpkg, config)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    table = pd.read_csv(OUT / "vacancy.csv")
    table["centrality"] = table["centrality"].fillna("(outside every centrality)")
    rates = table.pivot_table(index="centrality", columns="campaign", values="vacancy_rate",
                              sort=False)
    counts = table.pivot_table(index="centrality", columns="campaign", values="premises",
                               sort=False)
    pd.set_option("display.width", 160)
    print("\nVacancy rate (%) per centrality and campaign")
    print(rates.round(1).to_string())
    print("\nPremises counted")
    print(counts.astype(int).to_string())
    print_offer_summary(offer, table)
    print(f"\nGeoPackage: {gpkg}")
    print_survey_summary(survey)
    print_fieldwork_summary(work)
    print_catchment_summary(catchment)
    print_flows_summary(flows)
    __import__("demo_survey").run(gpkg, OUT)  # survey analyses (issue 10): scripts/demo_survey.py
    __import__("demo_activity").main(gpkg)  # dwell, presence, barometer: scripts/demo_activity.py
    # demo/open_data/ and demo/web/, once the survey indicators exist: scripts/demo_publication.py
    __import__("demo_publication").main(gpkg)
    __import__("demo_restitution").run(gpkg, OUT)  # last: atlas and dashboard read every result
    return 0


if __name__ == "__main__":
    sys.exit(main())
