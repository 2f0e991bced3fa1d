"""BPE reader on tests/data/offer/bpe_sample.csv (values read off the fixture by hand).

Rows: 2 bakery B203, 3 pharmacy D307, 4 and 5 two restaurants at the same point, 6 code Z999
(malformed: domains are A–G), 7 F999 (well formed, absent from bpe_types.csv), 8 clothes shop
not geolocated, 9 another commune.
"""

from pathlib import Path

import pytest

from observatoire_commerce.ingest.sources.bpe import COLUMNS, load_types, read_bpe

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"


def test_types_table_is_consistent():
    types = load_types()
    assert types.index.is_unique
    assert set(types["range"]) <= {"proximite", "intermediaire", "superieure", ""}
    assert (types.index.str[0] == types["domain"]).all()
    assert types.loc["B203", "range"] == "proximite"
    assert set(types["vintage"]) == {"BPE 2021"}


def test_read_sample():
    result = read_bpe(DATA / "bpe_sample.csv", communes=["86194"])
    s = result.services
    assert list(s.columns) == COLUMNS
    assert list(s["row"]) == [2, 3, 4, 5, 7]
    b = s.iloc[0]
    assert (b["typequ"], b["label"], b["domain"], b["range"]) == ("B203", "Boulangerie", "B",
                                                                   "proximite")
    assert s.iloc[1]["domain_label"] == "Santé et action sociale"
    assert b["x"] == pytest.approx(497512.3) and result.crs == "EPSG:2154"
    # two identical restaurants get distinct, stable ids
    assert s.iloc[2]["source_id"] != s.iloc[3]["source_id"]
    assert s.iloc[3]["source_id"].endswith(":1")
    # F999: kept without label or range, with a warning
    assert s.iloc[4]["label"] is None and s.iloc[4]["range"] is None
    assert [(w.row, w.value) for w in result.report.warnings] == [(7, "F999")]
    assert {(r.row, r.field) for r in result.report.rejected} == {(6, "TYPEQU"),
                                                                  (8, "coordinates")}
    assert result.skipped == {"other commune": 1}
    again = read_bpe(DATA / "bpe_sample.csv", communes=["86194"]).services
    assert list(again["source_id"]) == list(s["source_id"])


def test_lon_lat_variant(tmp_path):
    path = tmp_path / "bpe_ll.csv"
    path.write_text("AN,DEPCOM,TYPEQU,LONGITUDE,LATITUDE\n2023,86194,B203,0.34,46.58\n")
    result = read_bpe(path)
    assert result.crs == "EPSG:4326" and len(result.services) == 1


def test_failure_paths(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        read_bpe(tmp_path / "nope.csv")
    path = tmp_path / "bad.csv"
    path.write_text("DEPCOM;TYPEQU\n86194;B203\n")
    with pytest.raises(ValueError, match="LAMBERT_X"):
        read_bpe(path)
