"""`make demo`, survey analyses (issue 10): weighting, expectations, typology, purchase flows,
the three crossings and the next wave's plan, through QGIS's own CLI on the demo GeoPackage.

Runs after the other demo steps (the catchments and footfall they write feed the crossings).
Writes demo/home_zones.gpkg (the demo communes), demo/survey/ (every output, and
planted_types.csv: the behaviour type each synthetic answer was drawn from) and prints the
weighting report, the expectations by centrality with their intervals, the typology (and how
well it recovers the planted types), capture and evasion rates, and the top gaps per
centrality.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import qgis_process

ANSWERS = {"n": 432, "seed": 2024}  # the demo's synthetic export (scripts/demo.py)


def _step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    return qgis_process.step(title, algorithm, params, config)["results"]


def steps(gpkg: Path, out: Path, config: Path) -> dict:
    """Run the survey analyses; returns the output paths and results."""
    from observatoire_commerce.sample_territory.answers import write_planted_types
    from observatoire_commerce.sample_territory.home_zones import LAYER, write_home_zones
    from observatoire_commerce.store import gpkg as engine
    from observatoire_commerce.survey_forms import observatory_survey

    folder = out / "survey"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    zones_file = write_home_zones(out / "home_zones.gpkg")
    conn = engine.connect(gpkg)
    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
    finally:
        conn.close()
    planted = write_planted_types(questionnaire, folder / "planted_types.csv", **ANSWERS)
    zones = {"HOME_ZONES": f"{zones_file}|layername={LAYER}", "ZONE_CODE_FIELD": "code"}
    base = {"GEOPACKAGE": gpkg}
    o = {name: folder / name for name in (
        "weights.csv", "margins.csv", "expectations.csv", "types.csv", "type_answers.csv",
        "typology_zones.gpkg", "flows.csv", "evasion.csv", "flow_lines.gpkg",
        "visitor_types.csv", "gaps.csv", "ranked_gaps.csv", "short_circuit_zones.gpkg",
        "short_circuit_types.csv", "quotas.csv", "targets.csv")}
    r = {"folder": folder, "outputs": o, "planted": planted, "gpkg": gpkg}
    r["weight"] = _step("Survey weighting", "observatoire:weight_survey",
                        {**base, **zones, "NAME": "Démo 2024", "OUTPUT": o["weights.csv"],
                         "OUTPUT_MARGINS": o["margins.csv"]}, config)
    r["expectations"] = _step("Expectations", "observatoire:expectations",
                              {**base, "OUTPUT": o["expectations.csv"]}, config)
    r["typology"] = _step("Consumption typology", "observatoire:consumption_typology",
                          {**base, **zones, "OUTPUT_TYPES": o["types.csv"],
                           "OUTPUT_ANSWERS": o["type_answers.csv"],
                           "OUTPUT_ZONES": o["typology_zones.gpkg"]}, config)
    r["flows"] = _step("Purchase flows", "observatoire:purchase_flows",
                       {**base, **zones, "OUTPUT_MATRIX": o["flows.csv"],
                        "OUTPUT_EVASION": o["evasion.csv"],
                        "OUTPUT_LINES": o["flow_lines.gpkg"]}, config)
    r["visitors"] = _step("Offer × flows × consumption types",
                          "observatoire:offer_flows_typologies",
                          {**base, "OUTPUT": o["visitor_types.csv"]}, config)
    r["gaps"] = _step("Offer gaps against expectations", "observatoire:offer_gaps",
                      {**base, "OUTPUT": o["gaps.csv"], "OUTPUT_RANKED": o["ranked_gaps.csv"]},
                      config)
    r["short"] = _step("Short-circuit demand and supply", "observatoire:short_circuit_demand",
                       {**base, **zones, "OUTPUT_ZONES": o["short_circuit_zones.gpkg"],
                        "OUTPUT_TYPES": o["short_circuit_types.csv"]}, config)
    r["plan"] = _step("Next survey wave", "observatoire:survey_plan",
                      {**base, "OUTPUT_QUOTAS": o["quotas.csv"],
                       "OUTPUT_TARGETS": o["targets.csv"]}, config)
    return r


def _attributes(path: Path) -> pd.DataFrame:
    conn = sqlite3.connect(str(path))
    try:
        table = conn.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        return pd.read_sql_query(f'SELECT * FROM "{table}"', conn).drop(columns=["geom"])
    finally:
        conn.close()


def _interval(value, low, high, digits: int = 1) -> str:
    if pd.isna(value):
        return "  (n < 11)"
    return f"{value:.{digits}f} [{low:.{digits}f}–{high:.{digits}f}]"


def print_summary(r: dict) -> None:
    """The weighting report, expectations by centrality, typology, capture and evasion, gaps."""
    from observatoire_commerce.analysis.typology import adjusted_rand_index

    o = r["outputs"]
    w = r["weight"]
    print(f"\nSurvey weighting (raking to home zone and age band): {int(w['RESPONDENTS'])} "
          f"respondents weighted, {int(w['LEFT_OUT'])} living outside the home zones left "
          f"out; converged in {int(w['ITERATIONS'])} sweeps; weights {w['WEIGHT_MIN']:.1f} to "
          f"{w['WEIGHT_MAX']:.1f} persons; design effect {w['DESIGN_EFFECT']:.2f}, effective "
          f"sample size {w['EFFECTIVE_SAMPLE_SIZE']:.0f}")

    exp = pd.read_csv(o["expectations.csv"])
    visitors = exp[exp["domain_kind"] == "visitors"]
    items = [("expect_satisfaction_overall_mean", "overall (1-5)"),
             ("expect_satisfaction_parking_satisfied", "parking satisfied %"),
             ("expect_satisfaction_offer_satisfied", "offer satisfied %"),
             ("expect_producers_interested", "local producers %")]
    print("\nExpectations of each centrality's visitors (95 % interval; * low precision)")
    header = f"  {'centrality':<24s}" + "".join(f"{label:>26s}" for _c, label in items)
    print(header)
    for name, rows in visitors.groupby("domain_name", sort=False):
        cells = []
        for code, _label in items:
            row = rows[rows["indicator"] == code]
            if row.empty:
                cells.append(f"{'-':>26s}")
                continue
            x = row.iloc[0]
            digits = 2 if code.endswith("_mean") else 1
            mark = "*" if bool(x["low_precision"]) and pd.notna(x["value"]) else " "
            cells.append(f"{_interval(x['value'], x['ci_low'], x['ci_high'], digits) + mark:>26s}")
        print(f"  {name:<24s}" + "".join(cells) + f"   (n = {int(rows['respondents'].max())})")
    n_supp = int(exp["reason"].notna().sum())
    print(f"  {len(exp)} figures in {o['expectations.csv'].name}; {n_supp} not published "
          f"(fewer than 11 respondents), {int(r['expectations']['INDICATORS'])} indicators "
          "written")

    types = pd.read_csv(o["types.csv"])
    print(f"\nConsumption typology: {len(types)} types")
    for t in types.itertuples(index=False):
        if pd.isna(t.share):
            print(f"  type {t.type}: share not published ({t.respondents} respondents, fewer "
                  f"than 11)  {t.name}")
            continue
        mark = "*" if t.low_precision else " "
        print(f"  type {t.type}: {t.share:5.1f} % [{t.ci_low:.1f}–{t.ci_high:.1f}]{mark} "
              f"({t.respondents} respondents)  {t.name}")
    with open(r["planted"], encoding="utf-8", newline="") as handle:
        planted = {row["uuid"]: row["planted_type"] for row in csv.DictReader(handle)}
    conn = sqlite3.connect(str(r["gpkg"]))
    try:
        found = dict(conn.execute(
            "SELECT response_uuid, type FROM survey_response_types WHERE run_uuid = ?",
            (r["typology"]["RUN"],)).fetchall())
    finally:
        conn.close()
    common = sorted(set(found) & set(planted))
    ari = adjusted_rand_index([found[u] for u in common], [planted[u] for u in common])
    crossed = pd.crosstab(pd.Series([found[u] for u in common], name="type found"),
                          pd.Series([planted[u] for u in common], name="planted type"))
    print(f"  recovers the planted behaviour types: adjusted Rand index {ari:.3f}")
    print("  " + crossed.to_string().replace("\n", "\n  "))

    flows = pd.read_csv(o["flows.csv"])
    evasion = pd.read_csv(o["evasion.csv"])
    whole = flows[(flows["zone"] == "all") & flows["is_centrality"]]
    rates = whole.pivot_table(index="category", columns="place_name", values="share")
    rates["evasion"] = evasion[evasion["zone"] == "all"].set_index("category")["evasion_rate"]
    print("\nCapture rate of each centrality and evasion rate, per purchase category "
          "(% of the territory's purchases; evasion: another town or online)")
    print(rates.round(1).to_string())

    ranked = pd.read_csv(o["ranked_gaps.csv"])
    print("\nTop gaps per centrality (score = share missing it × deficit of supply against "
          "the centralities of its level)")
    for name, rows in ranked[ranked["rank"] <= 3].groupby("centrality_name", sort=False):
        text = "; ".join(f"{int(g.rank)}. {g.activity_group} {g.gap_score:.2f} "
                         f"({g.missing_share:.0f} % miss it, {g.density:.2f} vs "
                         f"{g.median_density:.2f} per 1 000)"
                         for g in rows.itertuples(index=False))
        print(f"  {name}: {text}")
    visitors = pd.read_csv(o["visitor_types.csv"])
    sizable = set(types.loc[types["respondents"] >= 30, "type"])  # leave out tiny types
    notable = visitors[visitors["verdict"].isin(["attracts", "fails_to_attract"])
                       & visitors["type"].isin(sizable)]
    print("\nConsumption types (30 respondents or more) a centrality attracts or fails to "
          "attract (share of its visitors vs the territory)")
    for v in notable.itertuples(index=False):
        print(f"  {v.centrality}: {v.verdict.replace('_', ' ')} type {v.type} "
              f"({v.share:.1f} % vs {v.territory_share:.1f} %)")
    short = _attributes(o["short_circuit_zones.gpkg"])
    flagged = short[short["high_demand_low_supply"] == 1]
    print(f"\nShort circuits: zones of high demand and low supply: "
          f"{', '.join(flagged['zone']) or 'none'} (interested %, producers per 1 000)")
    for z in short.itertuples(index=False):
        print(f"  {z.zone}: {_interval(z.short_circuit_interested, z.short_circuit_interested_ci_low, z.short_circuit_interested_ci_high)}"  # noqa: E501
              f", {z.producers} producers, {z.producers_per_1000:.2f} per 1 000")
    plan = r["plan"]
    print(f"\nNext wave: {int(plan['TOTAL_QUOTA'])} street interviews for ±5 points in each "
          f"centrality (design effect {plan['DESIGN_EFFECT_USED']:.2f}); "
          f"{int(plan['RECEIVED'])} received so far ({o['quotas.csv']})")
    print(f"\nSurvey outputs: {r['folder']}")


def run(gpkg: Path, out: Path) -> None:
    """The survey analyses and their summary (own qgis_process profile)."""
    config = qgis_process.profile()
    try:
        results = steps(gpkg, out, config)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    print_summary(results)
