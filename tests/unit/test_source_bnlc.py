"""BNLC carpool places (schema lieux-covoiturage v0.2.0)."""

import csv
import datetime as dt
import json

import numpy as np
import pytest

from observatoire_commerce.ingest.sources.bnlc import BNLC_FIELDS, in_france, read_bnlc
from observatoire_commerce.ingest.sources.tabular import specs_from_table_schema


def test_builtin_fields_match_the_published_schema(shared_data):
    schema = json.loads((shared_data / "schemas" / "lieux-covoiturage_schema_v0.2.0.json")
                        .read_text(encoding="utf-8"))

    def key(s):
        return (s.name, s.type, s.required, s.enum, s.pattern, s.minimum, s.maximum)
    assert [key(s) for s in BNLC_FIELDS] == [key(s) for s in specs_from_table_schema(schema)]


def test_real_bnlc_imports_with_extra_column_and_future_dates(shared_data):
    path = shared_data / "covoiturage" / "bnlc.csv"
    today = dt.date(2023, 6, 30)
    places, report = read_bnlc(path, today=today)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(places) == len(rows) == 2473 and report.ok
    assert "id_local" in places.columns  # not in schema v0.2.0, kept
    assert places.id_local.iloc[0] == rows[0]["id_local"]
    assert [(w.row, w.field) for w in report.warnings if w.row == 0] == [(0, "id_local")]
    future = [i + 2 for i, r in enumerate(rows) if r["date_maj"] > today.isoformat()]
    warned = [w.row for w in report.warnings if w.field == "date_maj"]
    assert warned == future and len(future) > 0
    assert places.ouvert.sum() == sum(r["ouvert"] == "true" for r in rows)
    assert places.nbre_pl.isna().sum() == sum(r["nbre_pl"] == "" for r in rows)


def test_schema_examples(shared_data):
    s = shared_data / "schemas"
    ok, report = read_bnlc(s / "lieux-covoiturage_exemple-valide.csv")
    assert report.ok and len(ok) == 1 and ok.nbre_pl.iloc[0] == 20
    bad, report = read_bnlc(s / "lieux-covoiturage_exemple-invalide.csv")
    assert bad.id_lieu.tolist() == ["76217-C-001"]
    reasons = {r.field: r.reason for r in report.rejected if r.row == 3}
    assert reasons["date_maj"] == "a date written YYYY-MM-DD"  # 24-06-2019
    assert "look swapped" in reasons["Xlong,Ylat"]  # 49.92, 1.07 is in the Channel... at sea


def test_hand_written_rows(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text(
        "id_lieu,nom_lieu,insee,type,date_maj,ouvert,Xlong,Ylat,nbre_pl\n"
        "86194-C-001,Gare,86194,Parking,2023-01-05,true,0.3333,46.5822,12\n"
        "86194-C-002,,86194,Parking,2023-01-05,oui,0.33,46.58,-1\n"
        "86194-C-001,Doublon,86194,Parking,2030-01-01,false,0.3333,46.5822,\n"
        "86-C-003,Mairie,86194,Garage,2023-01-05,true,200,46.58,3\n", encoding="utf-8")
    places, report = read_bnlc(path, today=dt.date(2024, 1, 1))
    assert places.id_lieu.tolist() == ["86194-C-001"]
    fields = {(r.row, r.field) for r in report.rejected}
    assert fields == {(3, "nom_lieu"), (3, "ouvert"), (3, "nbre_pl"), (4, "id_lieu"),
                      (5, "id_lieu"), (5, "type"), (5, "Xlong")}
    assert report.rows_rejected == 3


def test_france_boxes():
    assert in_france(np.array([0.34, 55.45, -61.0]), np.array([46.58, -21.1, 14.6])).all()
    assert not in_france(np.array([46.58]), np.array([0.34])).any()


@pytest.mark.parametrize("value", ["2016-10-31"])
def test_dates_are_typed(tmp_path, value):
    path = tmp_path / "b.csv"
    path.write_text("id_lieu,nom_lieu,insee,type,date_maj,ouvert,Xlong,Ylat\n"
                    f"35238-C-001,Les Romains,35238,Aire de covoiturage,{value},true,-1.6,48.1\n",
                    encoding="utf-8")
    places, _ = read_bnlc(path)
    assert str(places.date_maj.iloc[0].date()) == value
