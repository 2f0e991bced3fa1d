"""Survey analyses worked by hand on the three-zone observatory (``survey_site``): the
expectations (question → variable, denominators, domains, one mean and its standard error),
the choice of the weighting run, trimming, cancel of every survey algorithm.

Weights (raking to the zones alone is a post-stratification): A = r01–r10 w = 100, B = r11–r22
w = 50, C = r23–r37 w = 20; W = 1 900. The opinion answers are ``survey_site.OPINIONS`` and
``OPINION_CHOICES``.

Standard error of a mean on this design (``analysis.survey_estimates``, as ``svymean`` on a
raked design): z_i = w_i (y_i − ȳ) / W for the respondents of the domain who answered, 0 for
the others; with one margin the raking residual centres z within each zone,
e_i = z_i − mean_{j in zone(i)} z_j; V = n / (n − 1) Σ e_i² (n = 37), SE = √V, interval
ȳ ± 1.959964 SE.
"""

from __future__ import annotations

import json
import math

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .survey_site import (
    add_grid_cells,
    add_opinions,
    add_producers,
    build_three_zones,
    digest,
    features,
    plant_typology,
    rows,
    write_home_zones,
)

Z = 1.959964


@pytest.fixture
def opinions(tmp_path, run_alg):
    """The three zones with the opinion answers, weighted (run "zones")."""
    path = build_three_zones(tmp_path / "opinions.gpkg")
    add_opinions(path)
    result = run_alg("weight_survey", {"GEOPACKAGE": str(path), "AGE_MARGIN": False,
                                       "NAME": "zones", "OUTPUT": "memory:"})
    assert result["RESPONDENTS"] == 37
    return path


def by_figure(layer) -> dict:
    return {(f["indicator"], f["domain_kind"], f["domain"]): f for f in features(layer)}


# ------------------------------------------------------------------------- expectations

def test_expectations_by_hand(opinions, run_alg):
    result = run_alg("expectations", {"GEOPACKAGE": str(opinions), "OUTPUT": "memory:"})
    table = by_figure(result["OUTPUT"])
    whole = {code: f for (code, kind, _d), f in table.items() if kind == "territory"}

    # question → variable: each figure names the question it reads and the item
    assert {c: (f["question"], f["item"], f["statistic"], f["unit"]) for c, f in whole.items()
            if c in ("expect_satisfaction_overall_mean", "expect_satisfaction_overall_satisfied",
                     "expect_opening_wish_evening", "expect_priority_parking",
                     "expect_producers_interested", "expect_producer_channel_market",
                     "expect_producer_interest_little", "expect_short_circuit_weekly",
                     "expect_missing_alimentaire")} == {
        "expect_satisfaction_overall_mean": ("satisfaction_overall", "overall", "mean",
                                             "score (1-5)"),
        "expect_satisfaction_overall_satisfied": ("satisfaction_overall", "overall", "share",
                                                  "%"),
        "expect_opening_wish_evening": ("opening_hours_wishes", "evening", "share", "%"),
        "expect_priority_parking": ("priorities", "parking", "share", "%"),
        "expect_producers_interested": ("local_producers_interest", "very_or_somewhat",
                                        "share", "%"),
        "expect_producer_channel_market": ("producer_channels", "market", "share", "%"),
        "expect_producer_interest_little": ("local_producers_interest", "little", "share",
                                            "%"),
        "expect_short_circuit_weekly": ("short_circuit_frequency", "weekly", "share", "%"),
        "expect_missing_alimentaire": ("missing_groups", "alimentaire", "share", "%")}

    # Mean satisfaction, every respondent answered: Σ w y = 100 × (5×4 + 5×2) + 50 × 12×3
    # + 20 × (5×5 + 10×1) = 3 000 + 1 800 + 700 = 5 500; ȳ = 5 500 / 1 900 = 55/19.
    # e within A: 100 (y − 3) / 1 900 = ±100/1 900 (10 respondents); B: y = 3 for all, e = 0;
    # C: zone mean 35/15 = 7/3, e = 20 (y − 7/3) / 1 900: 5 × (8/3)² + 10 × (4/3)² in units
    # of (20/1 900)². V = 37/36 × [10 (100/1900)² + (20/1900)² (5 (8/3)² + 10 (4/3)²)].
    mean = whole["expect_satisfaction_overall_mean"]
    se = math.sqrt(37 / 36 * (10 * (100 / 1900) ** 2
                              + (20 / 1900) ** 2 * (5 * (8 / 3) ** 2 + 10 * (4 / 3) ** 2)))
    assert se == pytest.approx(0.1858601, abs=1e-6)
    assert (mean["value"], mean["respondents"]) == (pytest.approx(55 / 19), 37)
    assert mean["ci_low"] == pytest.approx(55 / 19 - Z * se, abs=1e-6)
    assert mean["ci_high"] == pytest.approx(55 / 19 + Z * se, abs=1e-6)
    # satisfied (4 or 5): r01–r05 (A) and r23–r27 (C): (500 + 100) / 1 900
    assert whole["expect_satisfaction_overall_satisfied"]["value"] == pytest.approx(
        100 * 600 / 1900)

    # opening-hours wishes: asked to the 12 scoring opening hours 1 or 2 (r01–r06, r11–r16);
    # r06 ticked nothing (counts 0); r07 scored 4 and ticked monday: not asked, left out
    wish = {c: whole[f"expect_opening_wish_{c}"] for c in ("evening", "sunday", "monday")}
    assert {c: (f["value"], f["respondents"]) for c, f in wish.items()} == {
        "evening": (pytest.approx(100 * (4 * 100 + 2 * 50) / 900), 12),
        "sunday": (pytest.approx(100 * (1 * 100 + 6 * 50) / 900), 12),
        "monday": (0.0, 12)}
    assert all(f["low_precision"] for f in wish.values())
    # priorities among the 14 who named one (r01–r08, r11–r16): W = 800 + 300
    assert {c: (whole[f"expect_priority_{c}"]["value"],
                whole[f"expect_priority_{c}"]["respondents"])
            for c in ("parking", "cleanliness", "safety")} == {
        "parking": (pytest.approx(100 * 900 / 1100), 14),
        "cleanliness": (pytest.approx(100 * 200 / 1100), 14),
        "safety": (pytest.approx(100 * 300 / 1100), 14)}
    # interest: very or somewhat r01–r05, r11–r19, r23–r28: (500 + 450 + 120) / 1 900
    assert whole["expect_producers_interested"]["value"] == pytest.approx(100 * 1070 / 1900)
    assert whole["expect_producer_interest_little"]["value"] == pytest.approx(
        100 * 150 / 1900)
    # channels among the 20 interested: market r01–r05, r11–r13; basket r23–r28
    assert (whole["expect_producer_channel_market"]["value"],
            whole["expect_producer_channel_market"]["respondents"]) == (
        pytest.approx(100 * 650 / 1070), 20)
    assert whole["expect_producer_channel_basket"]["value"] == pytest.approx(
        100 * 120 / 1070)
    assert whole["expect_short_circuit_weekly"]["value"] == pytest.approx(
        100 * (2 * 100 + 6 * 50) / 1900)

    # domains: Bourg's visitors are B and C (27): alimentaire missing for 6 of B and 3 of C
    bourg = table["expect_missing_alimentaire", "visitors", "bourg"]
    assert (bourg["value"], bourg["respondents"], bourg["low_precision"],
            bourg["domain_name"], bourg["centrality_uuid"]) == (
        pytest.approx(100 * (6 * 50 + 3 * 20) / 900), 27, True, "Bourg", "c-bourg")
    gare = table["expect_missing_alimentaire", "visitors", "gare"]   # r23–r27: 5
    assert (gare["value"], gare["ci_low"], gare["respondents"], gare["reason"]) == (
        None, None, 5, "fewer than 11 respondents")
    centre = table["expect_satisfaction_overall_mean", "interviewed", "centre"]
    assert (centre["value"], centre["respondents"]) == (pytest.approx(55 / 19), 37)
    assert ("expect_satisfaction_overall_mean", "interviewed", "bourg") not in table
    zone_b = table["expect_missing_alimentaire", "home_zone", "86002"]
    assert (zone_b["value"], zone_b["respondents"], zone_b["low_precision"]) == (
        pytest.approx(50.0), 12, True)
    assert table["expect_missing_alimentaire", "home_zone", "86001"]["value"] is None
    age = table["expect_satisfaction_overall_mean", "age_band", "35_49"]
    assert (age["value"], age["respondents"]) == (pytest.approx(55 / 19), 37)

    written = {r["indicator"]: r for r in rows(
        opinions, "SELECT * FROM indicators WHERE algorithm = 'observatoire:expectations'")
        if r["centrality_uuid"] in (None, "c-bourg")}
    row = written["expect_missing_alimentaire__visitors"]
    assert (row["scope"], row["centrality_uuid"], row["respondents"], row["low_precision"],
            row["period"]) == ("centrality", "c-bourg", 27, 1, "2024")
    assert written["expect_satisfaction_overall_mean"]["ci_low"] == pytest.approx(
        55 / 19 - Z * se, abs=1e-6)
    assert "expect_missing_alimentaire__home_zone_86002" in written
    assert "expect_missing_alimentaire__home_zone_86001" not in written   # 10 respondents


# ---------------------------------------------------------------- choosing a weighting run

class Recording(QgsProcessingFeedback):
    """A feedback that keeps the warnings and the information lines."""

    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.infos.append(text)
        super().pushInfo(text)


def run_with(alg_id, params, feedback):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    return processing.run(f"observatoire:{alg_id}", params, context=QgsProcessingContext(),
                          feedback=feedback)


def overall_mean(path, run_alg, run=None) -> dict:
    params = {"GEOPACKAGE": str(path), "OUTPUT": "memory:", "WRITE_INDICATORS": False}
    if run:
        params["RUN"] = run
    table = by_figure(run_alg("expectations", params)["OUTPUT"])
    return table["expect_satisfaction_overall_mean", "territory", None]


def test_expectations_use_the_latest_run_unless_one_is_named(opinions, run_alg):
    from observatoire_commerce.store import gpkg, observatory, survey_results

    conn = observatory.open_observatory(opinions)
    with gpkg.transaction(conn):  # new zone populations, a later year: 900, 900 and 200
        survey_results.write_margins(conn, [
            {"margin": "home_zone", "category": z, "population": p, "source": "test",
             "year": 2025} for z, p in (("86001", 900), ("86002", 900), ("86003", 200))])
    conn.close()
    later = run_alg("weight_survey", {"GEOPACKAGE": str(opinions), "AGE_MARGIN": False,
                                      "NAME": "zones 2025", "OUTPUT": "memory:"})
    # weights 90, 75 and 13.33: Σ w y = 90 × 30 + 75 × 36 + (200/15) × 35 over W = 2 000
    latest = overall_mean(opinions, run_alg)
    assert latest["value"] == pytest.approx((2700 + 2700 + 200 / 15 * 35) / 2000)
    assert overall_mean(opinions, run_alg, later["RUN"])["value"] == latest["value"]
    assert overall_mean(opinions, run_alg, "zones")["value"] == pytest.approx(55 / 19)
    run_alg("expectations", {"GEOPACKAGE": str(opinions), "RUN": "zones",
                             "OUTPUT": "memory:"})
    first = rows(opinions, "SELECT uuid FROM survey_weighting_runs WHERE name = 'zones'")
    params = rows(opinions, "SELECT DISTINCT parameters FROM indicators WHERE algorithm = "
                            "'observatoire:expectations'")
    assert [json.loads(p["parameters"]) for p in params] == [
        {"weighting_run": first[0]["uuid"]}]


def test_a_run_that_cannot_be_raked_again_is_used_as_given(opinions, processing_ready):
    from observatoire_commerce.store import gpkg, observatory

    conn = observatory.open_observatory(opinions)
    with gpkg.transaction(conn):  # a margin of the run edited since: raking it again gives 70
        conn.execute("UPDATE survey_weighting_margins SET population = 700 WHERE "
                     "category = '86001'")
    conn.close()
    feedback = Recording()
    result = run_with("expectations", {"GEOPACKAGE": str(opinions), "OUTPUT": "memory:",
                                       "WRITE_INDICATORS": False}, feedback)
    assert feedback.warnings == [
        "The weighting run could not be reproduced from its margins (answers or margins "
        "edited since): intervals treat the weights as given."]
    mean = by_figure(result["OUTPUT"])["expect_satisfaction_overall_mean", "territory", None]
    # the stored weights (100, 50, 20) as given: e = z, not centred within the zones;
    # Σ z² = [100² Σ_A (y − ȳ)² + 50² Σ_B (y − ȳ)² + 20² Σ_C (y − ȳ)²] / 1 900², ȳ = 55/19
    y = 55 / 19
    sum_z2 = (100 ** 2 * (5 * (4 - y) ** 2 + 5 * (2 - y) ** 2) + 50 ** 2 * 12 * (3 - y) ** 2
              + 20 ** 2 * (5 * (5 - y) ** 2 + 10 * (1 - y) ** 2)) / 1900 ** 2
    se = math.sqrt(37 / 36 * sum_z2)
    assert mean["value"] == pytest.approx(y)
    assert mean["ci_high"] - mean["value"] == pytest.approx(Z * se, abs=1e-6)


# ------------------------------------------------------------------------------ cancel

class _CancelAt(QgsProcessingFeedback):
    """Cancels once the algorithm reports ``at`` percent (after computing, before writing)."""

    def __init__(self, at):
        super().__init__()
        self.at = at

    def setProgress(self, progress):  # noqa: N802 - QGIS API
        if progress >= self.at:
            self.cancel()
        super().setProgress(progress)


CANCEL = [  # algorithm, its outputs (files), progress at which the user cancels
    ("weight_survey", {"AGE_MARGIN": False, "OUTPUT": "weights.csv"}, 60),
    ("expectations", {"OUTPUT": "expectations.csv"}, 60),
    ("consumption_typology", {"OUTPUT_TYPES": "types.csv", "OUTPUT_ANSWERS": "answers.csv"},
     10),
    ("purchase_flows", {"OUTPUT_MATRIX": "matrix.csv", "OUTPUT_EVASION": "evasion.csv"}, 60),
    ("offer_flows_typologies", {"OUTPUT": "visitors.csv"}, 60),
    ("offer_gaps", {"OUTPUT": "gaps.csv", "OUTPUT_RANKED": "ranked.csv"}, 60),
    ("short_circuit_demand", {"REACH": 2, "OUTPUT_ZONES": "demand.gpkg"}, 70),
    ("survey_plan", {"DISTANCE": 10000, "OUTPUT_QUOTAS": "quotas.csv",
                     "OUTPUT_TARGETS": "targets.csv"}, 60),
]


@pytest.fixture
def everything(opinions, tmp_path):
    """The weighted three zones with a typology, grid cells and a home zones layer."""
    plant_typology(opinions, {k: 1 if k % 2 else 2 for k in range(1, 38)},
                   {1: "Impairs", 2: "Pairs"})
    add_grid_cells(opinions, {"86001": (2000, 800), "86002": (1000, 400),
                              "86003": (250, 100)})
    add_producers(opinions, [(497000, 6600000)])
    return opinions, write_home_zones(tmp_path / "zones.gpkg")


@pytest.mark.parametrize("alg_id, outputs, at", CANCEL, ids=[c[0] for c in CANCEL])
def test_cancel_writes_nothing(everything, tmp_path, processing_ready, alg_id, outputs, at):
    path, zones = everything
    params = {"GEOPACKAGE": str(path),
              **{k: str(tmp_path / v) if isinstance(v, str) else v
                 for k, v in outputs.items()}}
    if alg_id == "short_circuit_demand":
        params.update({"HOME_ZONES": zones, "ZONE_CODE_FIELD": "code"})
    before = digest(path)
    with pytest.raises(QgsProcessingException, match="Canceled: nothing was written"):
        run_with(alg_id, params, _CancelAt(at))
    assert digest(path) == before
    assert not [v for v in outputs.values() if isinstance(v, str)
                and (tmp_path / v).exists()]


# ------------------------------------------------------------- offer × flows × typologies

# Two planted types: type 1 = r01–r08 (A), r11 (B), r23 (C); type 2 = everyone else.
TYPE_ONE = {1, 2, 3, 4, 5, 6, 7, 8, 11, 23}
TWO_TYPES = {k: 1 if k in TYPE_ONE else 2 for k in range(1, 38)}


def test_offer_flows_typologies_by_hand(opinions, run_alg):
    plant_typology(opinions, TWO_TYPES, {1: "Piétons du centre", 2: "Automobilistes"})
    result = run_alg("offer_flows_typologies", {"GEOPACKAGE": str(opinions),
                                                "OUTPUT": "memory:"})
    table = {(f["centrality"], f["type"]): f for f in features(result["OUTPUT"])}
    # territory: type 1 = (8 × 100 + 50 + 20) / 1 900 = 870 / 1 900; type 2 = 1 030 / 1 900.
    # Bourg's visitors (B and C, W = 900): type 1 = (50 + 20) / 900, type 2 = 830 / 900.
    # SE of Bourg's type-1 share: z centred within each zone, zone A outside the domain:
    # B: (50/900)² Σ (y − 1/12)² = (1/18)² (121 + 11)/144; C: (1/45)² (196 + 14)/225.
    se = math.sqrt(37 / 36 * ((1 / 18) ** 2 * 132 / 144 + (1 / 45) ** 2 * 210 / 225))
    one, two = table["Bourg", 1], table["Bourg", 2]
    assert (one["share"], one["territory_share"], one["respondents"]) == (
        pytest.approx(100 * 70 / 900), pytest.approx(100 * 870 / 1900), 27)
    assert one["ci_high"] == pytest.approx(100 * (70 / 900 + Z * se), abs=1e-4)
    assert one["ci_low"] == 0.0                          # 7.8 − 11.4 clipped at 0
    # index = 100 × share / territory share; the interval lies below 45.8 %: fails
    assert (one["index"], one["verdict"], one["type_name"]) == (
        pytest.approx(100 * (70 / 900) / (870 / 1900)), "fails_to_attract",
        "Piétons du centre")
    assert two["ci_low"] == pytest.approx(100 * (830 / 900 - Z * se), abs=1e-4)
    assert (two["index"], two["verdict"]) == (
        pytest.approx(100 * (830 / 900) / (1030 / 1900)), "attracts")
    # the Centre's visitors are every respondent: as the territory
    centre = table["Centre", 1]
    assert (centre["share"], centre["index"], centre["verdict"]) == (
        pytest.approx(100 * 870 / 1900), pytest.approx(100.0), "like_territory")
    gare = table["Gare", 1]                              # r23–r27: 5 visitors
    assert (gare["respondents"], gare["share"], gare["index"], gare["verdict"],
            gare["reason"]) == (5, None, None, None, "fewer than 11 respondents")
    assert (one["premises"], one["shops"], one["groups"], one["vacancy_rate"]) == (
        2, 2, 1, 0.0)
    written = {(r["indicator"], r["centrality_uuid"]): r for r in rows(
        opinions, "SELECT * FROM indicators WHERE algorithm = "
                  "'observatoire:offer_flows_typologies'")}
    bourg = written["typology_attraction_type1", "c-bourg"]
    assert (bourg["value"], bourg["respondents"], bourg["low_precision"]) == (
        pytest.approx(100 * (70 / 900) / (870 / 1900)), 27, 1)
    assert ("typology_attraction_type1", "c-gare") not in written


# ------------------------------------------------------------------ short-circuit demand

def test_short_circuit_demand_by_hand(opinions, run_alg, tmp_path):
    plant_typology(opinions, TWO_TYPES, {1: "Piétons du centre", 2: "Automobilistes"})
    add_grid_cells(opinions, {"86001": (2000, 800), "86002": (1000, 400),
                              "86003": (250, 100)})
    # A's zone spans x 495–505 km, B's 505–515 km, C's 515–525 km: within 1 000 m,
    # A reaches the first two producers, B the second (500 m from it) and the third, C the
    # fourth
    add_producers(opinions, [(497000, 6600000), (504500, 6600000), (510000, 6600000),
                             (520000, 6600000)])
    result = run_alg("short_circuit_demand", {
        "GEOPACKAGE": str(opinions), "HOME_ZONES": write_home_zones(tmp_path / "z.gpkg"),
        "ZONE_CODE_FIELD": "code", "REACH": 2, "DISTANCE": 1000,
        "OUTPUT_ZONES": "memory:", "OUTPUT_TYPES": "memory:"})
    zones = {f["zone"]: f for f in features(result["OUTPUT_ZONES"])}
    # producers per 1 000 inhabitants: A 2 / 2 000, B 2 / 1 000, C 1 / 250 → median 2.0
    assert {z: (f["producers"], f["inhabitants"], f["producers_per_1000"])
            for z, f in zones.items()} == {"86001": (2, 2000.0, 1.0),
                                           "86002": (2, 1000.0, 2.0),
                                           "86003": (1, 250.0, 4.0)}
    # interested (very or somewhat): B 9 / 12, C 6 / 15; A's 10 respondents: not published;
    # the median of the published zones is 57.5 %: B (75 %, supply 2.0 ≤ 2.0) is flagged
    assert {z: (f["short_circuit_interested"], f["respondents"], f["high_demand_low_supply"])
            for z, f in zones.items()} == {"86001": (None, 10, False),
                                           "86002": (pytest.approx(75.0), 12, True),
                                           "86003": (pytest.approx(40.0), 15, False)}
    assert zones["86002"]["short_circuit_buyers"] == pytest.approx(50.0)   # r11–r16 weekly
    assert zones["86003"]["short_circuit_buyers"] == pytest.approx(20.0)   # r23–r25 monthly
    assert result["FLAGGED"] == 1
    by_type = {(f["type"], f["zone"]): f for f in features(result["OUTPUT_TYPES"])}
    # type 2 (27 respondents): interested r12–r19 (B) and r24–r28 (C) over 2 × 100 + 11 × 50
    # + 14 × 20; type 1 has 10 respondents: not published
    assert by_type[2, "territory"]["short_circuit_interested"] == pytest.approx(
        100 * (8 * 50 + 5 * 20) / 1030)
    assert by_type[1, "territory"]["short_circuit_interested"] is None
    written = {r["indicator"]: r for r in rows(
        opinions, "SELECT * FROM indicators WHERE algorithm = "
                  "'observatoire:short_circuit_demand'")}
    assert {c: (r["scope"], r["value"], r["respondents"]) for c, r in written.items()} == {
        "short_circuit_interested": ("territory", pytest.approx(100 * 1070 / 1900), 37),
        "short_circuit_buyers": ("territory", pytest.approx(100 * 560 / 1900), 37),
        "short_circuit_interested__home_zone_86002": ("other", pytest.approx(75.0), 12),
        "short_circuit_buyers__home_zone_86002": ("other", pytest.approx(50.0), 12),
        "short_circuit_interested__home_zone_86003": ("other", pytest.approx(40.0), 15),
        "short_circuit_buyers__home_zone_86003": ("other", pytest.approx(20.0), 15),
        "short_circuit_interested_type2": ("territory",
                                           pytest.approx(100 * 500 / 1030), 27)}


# --------------------------------------------------------------------- flows in euros

def test_purchase_flows_in_euros_by_hand(opinions, run_alg, tmp_path):
    from observatoire_commerce.store import gpkg, observatory, survey_results

    add_grid_cells(opinions, {"86001": (2000, 800), "86002": (1000, 400),
                              "86003": (250, 100)})
    conn = observatory.open_observatory(opinions)
    with gpkg.transaction(conn):
        survey_results.write_spending(conn, [
            {"category": "food_daily", "spending": 4000.0, "source": "test", "year": 2023},
            {"category": "food_daily", "spending": 5000.0, "source": "test", "year": 2024}])
    conn.close()
    feedback = Recording()
    result = run_with("purchase_flows", {
        "GEOPACKAGE": str(opinions), "HOME_ZONES": write_home_zones(tmp_path / "z.gpkg"),
        "ZONE_CODE_FIELD": "code", "OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:",
        "OUTPUT_SPENDING": "memory:", "OUTPUT_LINES": "memory:"}, feedback)
    assert "Annual spending per household: food_daily: test 2024." in feedback.infos
    # potential = households × 5 000 € (the latest year): A 4.0 M, B 2.0 M, C 0.5 M
    # captured by the Centre: 4.0 M × 6/10 + 2.0 M × 4/11 + 0.5 M × 3/15
    # captured by Bourg: 2.0 M × 4/11 + 0.5 M × 6/15 (A buys nothing there); potential of
    # the zones with respondents 6.5 M; respondents 10 + 11 + 15 (B's "not concerned" out)
    centre = 4e6 * 6 / 10 + 2e6 * 4 / 11 + 0.5e6 * 3 / 15
    bourg = 2e6 * 4 / 11 + 0.5e6 * 6 / 15
    spending = {(f["category"], f["centrality"]): f
                for f in features(result["OUTPUT_SPENDING"])}
    row = spending["food_daily", "centre"]
    assert (row["centrality_name"], row["captured"], row["potential"], row["capture_rate"],
            row["zones"], row["respondents"], row["low_precision"], row["reason"]) == (
        "Centre", pytest.approx(centre), pytest.approx(6.5e6),
        pytest.approx(100 * centre / 6.5e6), 3, 36, False, None)
    assert spending["food_daily", "bourg"]["captured"] == pytest.approx(bourg)
    assert spending["all", "centre"]["captured"] == pytest.approx(centre)
    written = {(r["indicator"], r["centrality_uuid"]): r for r in rows(
        opinions, "SELECT * FROM indicators WHERE indicator LIKE "
                  "'purchase_captured_spending_%'")}
    assert {k: (r["value"], r["unit"], r["respondents"], r["low_precision"])
            for k, r in written.items()} == {
        ("purchase_captured_spending_food_daily", "c-centre"): (
            pytest.approx(centre), "EUR/year", 36, 0),
        ("purchase_captured_spending_food_daily", "c-bourg"): (
            pytest.approx(bourg), "EUR/year", 36, 0),
        ("purchase_captured_spending_all", "c-centre"): (
            pytest.approx(centre), "EUR/year", 36, 0),
        ("purchase_captured_spending_all", "c-bourg"): (
            pytest.approx(bourg), "EUR/year", 36, 0),
        # nobody buys everyday food at Gare: 0 €, a figure (not a missing one)
        ("purchase_captured_spending_food_daily", "c-gare"): (0.0, "EUR/year", 36, 0),
        ("purchase_captured_spending_all", "c-gare"): (0.0, "EUR/year", 36, 0)}


# ------------------------------------------------------------------ trimming, consolidation

def test_trimming_after_raking_by_hand(three_zones_path, run_alg):
    # raked weights 100 (A), 50 (B), 20 (C); upper bound 80: A's 10 weights lose 20 each,
    # the 200 persons are spread over the 27 others: B 50 + 200/27, C 20 + 200/27
    b, c = 50 + 200 / 27, 20 + 200 / 27
    result = run_alg("weight_survey", {"GEOPACKAGE": str(three_zones_path),
                                       "AGE_MARGIN": False, "TRIM_UPPER": 80,
                                       "NAME": "trimmed", "OUTPUT": "memory:",
                                       "OUTPUT_MARGINS": "memory:"})
    sum_w2 = 10 * 80 ** 2 + 12 * b ** 2 + 15 * c ** 2
    assert (result["WEIGHT_MIN"], result["WEIGHT_MAX"]) == (pytest.approx(c), 80.0)
    assert result["DESIGN_EFFECT"] == pytest.approx(37 * sum_w2 / 1900 ** 2)
    assert result["EFFECTIVE_SAMPLE_SIZE"] == pytest.approx(1900 ** 2 / sum_w2)
    weights = rows(three_zones_path, "SELECT home_zone, weight FROM survey_weights")
    assert {(w["home_zone"], round(w["weight"], 9)) for w in weights} == {
        ("86001", 80.0), ("86002", round(b, 9)), ("86003", round(c, 9))}
    margins = {m["category"]: m for m in features(result["OUTPUT_MARGINS"])}
    assert {z: m["weighted_total"] for z, m in margins.items()} == {
        "86001": pytest.approx(800.0), "86002": pytest.approx(12 * b),
        "86003": pytest.approx(15 * c)}
    run = rows(three_zones_path, "SELECT * FROM survey_weighting_runs")[0]
    assert json.loads(run["parameters"])["trim"] == [None, 80.0]
    assert run["max_margin_error"] == pytest.approx((15 * c - 300) / 300)
    # the analyses rake the run again and trim it the same way: no "as given" note
    feedback = Recording()
    run_with("purchase_flows", {"GEOPACKAGE": str(three_zones_path),
                                "OUTPUT_MATRIX": "memory:", "OUTPUT_EVASION": "memory:",
                                "WRITE_INDICATORS": False}, feedback)
    assert feedback.warnings == []


def test_trimming_that_leaves_no_positive_weight_writes_nothing(three_zones_path, run_alg):
    before = digest(three_zones_path)
    # lower bound 100: B and C rise to 100, taking 12 × 50 + 15 × 80 = 1 800 from A's 10
    with pytest.raises(QgsProcessingException, match=r"leaves 10 weights of 0 or less"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones_path), "AGE_MARGIN": False,
                                  "TRIM_LOWER": 100, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match=r"lower trimming bound \(90.0\) must be "
                                                     r"below the upper one \(80.0\)"):
        run_alg("weight_survey", {"GEOPACKAGE": str(three_zones_path), "AGE_MARGIN": False,
                                  "TRIM_LOWER": 90, "TRIM_UPPER": 80, "OUTPUT": "memory:"})
    assert digest(three_zones_path) == before


@pytest.fixture
def three_zones_path(tmp_path):
    return build_three_zones(tmp_path / "three.gpkg")


@pytest.mark.parametrize("choice, consolidation", [(0, "weighted"), (1, "factominer"),
                                                   (2, "none")])
def test_typology_consolidation_is_a_parameter(opinions, run_alg, monkeypatch, choice,
                                               consolidation):
    from observatoire_commerce.jobs import survey_typology

    seen = []
    real = survey_typology.consumption_typology

    def spy(*args, **kwargs):
        seen.append(kwargs["consolidation"])
        return real(*args, **kwargs)

    monkeypatch.setattr(survey_typology, "consumption_typology", spy)
    result = run_alg("consumption_typology", {
        "GEOPACKAGE": str(opinions), "N_TYPES": 2, "CONSOLIDATION": choice,
        "OUTPUT_TYPES": "memory:", "OUTPUT_ANSWERS": "memory:"})
    assert seen == [consolidation]
    run = rows(opinions, "SELECT parameters, consolidated FROM survey_typology_runs WHERE "
                         "uuid = ?", (result["RUN"],))[0]
    assert json.loads(run["parameters"])["consolidation"] == consolidation
    assert run["consolidated"] == (consolidation != "none")
