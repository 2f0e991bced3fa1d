"""SIRENE stock reader and establishment → premise matching.

tests/data/offer/sirene_stock_sample.csv has INSEE's StockEtablissement header (53 columns) and:
row 2 bakery (kept), 3 restaurant (kept), 4 closed, 5 partially diffusible, 6 NAP-coded,
7 without coordinates, 8 in another commune, 9 clothing shop named by denominationUsuelle (kept),
10 duplicate SIRET of row 2, 11 12-digit SIRET, 12 NAF code '47.2' (not a sub-class).
"""

import csv
from pathlib import Path

import pandas as pd
import pytest

from observatoire_commerce.ingest.sources.sirene import (
    COLUMNS,
    match_candidates,
    normalise_sign,
    read_sirene,
    sign_similarity,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"
SAMPLE = DATA / "sirene_stock_sample.csv"
NAF_MAP = {"47.24Z": "alimentaire", "56.10A": "cafes_hotels_restaurants",
           "47.71Z": "equipement_personne", "47.76Z": "equipement_maison",
           "96.02A": "hygiene_sante_beaute", "47.11F": "alimentaire"}


def test_keeps_exactly_the_right_rows():
    result = read_sirene(SAMPLE, NAF_MAP, communes=["86194"])
    est = result.establishments
    assert list(est.columns) == COLUMNS
    assert list(est["row"]) == [2, 3, 9]
    assert list(est["siret"]) == ["12345678900012", "23456789100025", "89123456700036"]
    assert list(est["activity_group"]) == ["alimentaire", "cafes_hotels_restaurants",
                                           "equipement_personne"]
    assert list(est["sign_name"]) == ["BOULANGERIE DES CARMES", "LE BISTROT DU MARCHE",
                                      "MODE ET SENS"]
    assert est.loc[1, "address"] == "3B PLACE CHARLES DE GAULLE"
    assert est.loc[2, "address"] == "40 GRANDE RUE"  # type GR not doubled
    assert est.loc[0, "x"] == pytest.approx(497512.3)
    assert est.loc[0, "y"] == pytest.approx(6610203.5)
    assert result.crs == "EPSG:2154"
    assert str(est.loc[0, "created"]) == "2015-03-01"
    assert result.skipped == {"other commune": 1}
    assert result.report.rows_read == 11 and result.report.rows_accepted == 3


def test_reports_every_other_row_with_its_reason():
    report = read_sirene(SAMPLE, NAF_MAP, communes=["86194"]).report
    got = {(r.row, r.field) for r in report.rejected}
    assert got == {
        (4, "etatAdministratifEtablissement"),
        (5, "statutDiffusionEtablissement"),
        (6, "nomenclatureActivitePrincipaleEtablissement"),
        (7, "coordinates"),
        (10, "siret"),
        (11, "siret"),
        (12, "activitePrincipaleEtablissement"),
    }
    by_row = {r.row: r for r in report.rejected}
    assert by_row[6].value == "NAP" and "old nomenclature" in by_row[6].reason
    assert "duplicate" in by_row[10].reason
    assert by_row[7].value == "5 RUE GAMBETTA 86000 POITIERS"
    assert all(r.file == SAMPLE.name for r in report.rejected)
    # 11 rows = 3 kept + 7 reported + 1 of another commune (counted): none silently dropped
    assert report.rows_rejected == 7


def test_options_keep_flagged_rows_as_warnings():
    result = read_sirene(SAMPLE, NAF_MAP, communes=["86194"], keep_ungeolocated=True,
                         keep_old_nomenclature=True)
    est = result.establishments.set_index("row")
    assert list(est.index) == [2, 3, 6, 7, 9]
    assert pd.isna(est.loc[6, "activity_group"]) and est.loc[6, "naf_nomenclature"] == "NAP"
    assert pd.isna(est.loc[7, "x"])
    assert {w.row for w in result.report.warnings} == {6, 7}


def test_without_commune_filter_reads_other_communes():
    result = read_sirene(SAMPLE, NAF_MAP)
    assert 8 in set(result.establishments["row"]) and result.skipped == {}


def write(tmp_path, name, header, rows, sep=","):
    path = tmp_path / name
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=sep, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


BASE = ["siret", "etatAdministratifEtablissement", "statutDiffusionEtablissement",
        "activitePrincipaleEtablissement", "codeCommuneEtablissement"]


def test_longitude_latitude_and_semicolons(tmp_path):
    path = write(tmp_path, "geo.csv", BASE + ["longitude", "latitude"], [
        ["12345678900012", "A", "O", "47.24Z", "86194", "0.3404", "46.5802"],
        ["23456789100025", "A", "O", "56.10A", "86194", "", ""],
        ["34567891200031", "A", "O", "56.10A", "86194", "200", "46"],
    ], sep=";")
    result = read_sirene(path, NAF_MAP)
    assert result.crs == "EPSG:4326"
    assert list(result.establishments["x"]) == [pytest.approx(0.3404)]
    assert {r.row for r in result.report.rejected} == {3, 4}


def test_x_y_epsg_columns(tmp_path):
    path = write(tmp_path, "xy.csv", BASE + ["x", "y", "epsg"], [
        ["12345678900012", "A", "O", "47.24Z", "86194", "497512.3", "6610203.5", "2154"],
        ["23456789100025", "A", "O", "56.10A", "97411", "338000", "7690000", "2975"],
    ])
    result = read_sirene(path, NAF_MAP)
    assert list(result.establishments["epsg"]) == [2154, 2975]
    assert result.crs is None  # mixed CRS: the caller reprojects row by row


def test_failure_paths(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        read_sirene(tmp_path / "absent.csv", NAF_MAP)
    path = write(tmp_path, "bad.csv", ["siret", "etat"], [["1", "A"]])
    with pytest.raises(ValueError, match="not found: etatAdministratifEtablissement.*columns "
                                         "read: siret, etat"):
        read_sirene(path, NAF_MAP)


def test_sign_normalisation_and_similarity():
    assert normalise_sign("Boulangerie  des Carmes SARL") == "BOULANGERIE CARMES"
    assert normalise_sign("L'Épi d'Or") == "EPI OR"
    assert sign_similarity("PAUL", "Boulangerie Paul") >= 0.9
    assert sign_similarity("Le Bistrot du Marché", "BISTROT DU MARCHE") == 1.0
    assert sign_similarity("Zara", "Pharmacie Centrale") < 0.5
    assert sign_similarity(None, "X") == 0.0


def test_matching_decisions_and_idempotence():
    premises = pd.DataFrame([
        ("P1", 0.0, 0.0, "Boulangerie des Carmes"),
        ("P2", 12.0, 0.0, None),                      # a vacant shop front, no sign
        ("P3", 500.0, 0.0, "Optique Martin"),
    ], columns=["premise", "x", "y", "sign_name"])
    candidates = pd.DataFrame([
        ("S1", 3.0, 4.0, "BOULANGERIE DES CARMES"),   # 5 m from P1, same sign -> matched
        ("S2", 14.0, 0.0, "NOUVEAU CAFE"),            # 2 m from P2, no sign match -> review
        ("S3", 1000.0, 1000.0, "LIBRAIRIE"),          # nothing within 25 m -> new
        ("S4", 501.0, 0.0, "OPTIQUE MARTIN"),         # already imported -> known
        ("S5", 4.0, 3.0, "Boulangerie des Carmes SARL"),  # same premise as S1, also 5 m
    ], columns=["source_id", "x", "y", "sign_name"])
    m = match_candidates(candidates, premises, max_distance=25, known={"S4": "P3"})
    m = m.set_index("source_id")
    assert m.loc["S1", "decision"] == "matched" and m.loc["S1", "premise"] == "P1"
    assert m.loc["S1", "distance"] == pytest.approx(5.0)
    assert m.loc["S2", "decision"] == "review" and m.loc["S2", "premise"] == "P2"
    assert m.loc["S3", "decision"] == "new" and m.loc["S3", "premise"] == "new"
    assert m.loc["S4", "decision"] == "known" and m.loc["S4", "premise"] == "P3"
    # S5 claims P1 too, with the same similarity and distance: the first keeps it, S5 is
    # sent to review rather than duplicated
    assert m.loc["S5", "decision"] == "review" and m.loc["S5", "premise"] == "P1"
    # re-import: every source id now known -> nothing new
    known = {"S1": "P1", "S2": "P2", "S3": "P9", "S4": "P3", "S5": "P1"}
    again = match_candidates(candidates, premises, known=known)
    assert set(again["decision"]) == {"known"}


def test_reimport_same_file_is_idempotent_by_siret():
    first = read_sirene(SAMPLE, NAF_MAP, communes=["86194"]).establishments
    second = read_sirene(SAMPLE, NAF_MAP, communes=["86194"]).establishments
    pd.testing.assert_frame_equal(first, second)
    cands = first.rename(columns={"siret": "source_id"})
    known = dict(zip(first["siret"], ["P1", "P2", "P3"]))
    m = match_candidates(cands, pd.DataFrame(columns=["premise", "x", "y"]), known=known)
    assert list(m["decision"]) == ["known"] * 3


def test_match_missing_columns():
    with pytest.raises(ValueError, match="candidates lack"):
        match_candidates(pd.DataFrame({"x": []}), pd.DataFrame(columns=["premise", "x", "y"]))
