"""The one CSV reading and validation path (ingest.sources.tabular): French file conventions
detected and reported, values never wrapped, unusable files refused with a message."""

import math

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.ingest.sources.report import ImportReport, SourceError
from observatoire_commerce.ingest.sources.tabular import (
    Conventions,
    FieldSpec,
    mapped_table,
    parse_date_text,
    parse_datetimes,
    read_csv_text,
    validate_table,
)

TEXT = "id;nom;prix\nA;Café de la Gare;12,5\nB;Crêperie;1 234,5\n"


def _read(tmp_path, data: bytes, name="f.csv", **kw):
    path = tmp_path / name
    path.write_bytes(data)
    report = ImportReport(name)
    return read_csv_text(path, report, **kw), report


@pytest.mark.parametrize("encoding, data, noted", [
    ("UTF-8", TEXT.encode("utf-8"), "UTF-8"),
    ("UTF-8 with BOM", TEXT.encode("utf-8-sig"), "UTF-8"),
    ("Windows-1252", TEXT.encode("cp1252"), "Windows-1252"),
    ("Latin-1", TEXT.encode("latin-1"), "Windows-1252"),
    ("UTF-16 with BOM", TEXT.encode("utf-16"), "UTF-16"),
])
def test_encodings_are_detected_and_noted(tmp_path, encoding, data, noted):
    frame, report = _read(tmp_path, data)
    assert list(frame.columns) == ["source_row", "id", "nom", "prix"]
    assert frame["nom"].tolist() == ["Café de la Gare", "Crêperie"]
    assert report.conventions["f.csv"] == {"encoding": noted, "separator": "semicolon"}
    warned = [w.reason for w in report.warnings]
    assert warned == (["file is not UTF-8: read as Windows-1252"]
                      if noted == "Windows-1252" else [])


def test_utf16_without_byte_order_mark_is_refused_with_a_message(tmp_path):
    with pytest.raises(SourceError, match=r"f\.csv: not a text file \(it holds NUL bytes"):
        _read(tmp_path, TEXT.encode("utf-16-le"))


@pytest.mark.parametrize("sep, name", [(",", "comma"), (";", "semicolon"), ("\t", "tab"),
                                       ("|", "pipe")])
def test_separators_are_detected_and_quoted_text_ignored(tmp_path, sep, name):
    header = sep.join(["id", '"nom, prénom; titre"', "prix"])
    frame, report = _read(tmp_path, f"{header}\n1{sep}x{sep}3\n".encode())
    assert list(frame.columns)[1:] == ["id", "nom, prénom; titre", "prix"]
    assert report.conventions["f.csv"]["separator"] == name


def test_forced_separator_and_encoding_win(tmp_path):
    frame, report = _read(tmp_path, "a;b\n1;2\n".encode("latin-1"),
                          conventions=Conventions(separator=",", encoding="latin-1"))
    assert list(frame.columns) == ["source_row", "a;b"]
    assert report.conventions["f.csv"] == {"encoding": "latin-1", "separator": "comma"}


def test_dbase_headers_are_stripped_and_matched_whatever_their_case(tmp_path):
    data = (b'"ID,N,6,0";"NOM,C,80";"NB_PLACES,N,10,0";"XLONG,N,19,11"\n'
            b'1;Parking Notre-Dame;400;0,345\n')
    frame, report = _read(tmp_path, data)
    assert list(frame.columns)[1:] == ["ID", "NOM", "NB_PLACES", "XLONG"]
    assert report.conventions["f.csv"]["header"] == "dBase-style names (type and width removed)"
    specs = [FieldSpec("id", required=True), FieldSpec("nom", required=True),
             FieldSpec("nb_places", "integer"), FieldSpec("Xlong", "number")]
    out, valid = validate_table(frame, specs, "f.csv", report)
    assert valid.tolist() == [True]
    assert (out["id"][0], out["nb_places"][0], out["Xlong"][0]) == ("1", 400, 0.345)
    assert report.conventions["f.csv"]["decimal"] == "comma"


def test_decimal_comma_and_thousands_spaces(tmp_path):
    frame, report = _read(tmp_path, TEXT.encode())
    out, valid = validate_table(frame, [FieldSpec("prix", "number")], "f.csv", report,
                                warn_extra=False)
    assert out["prix"].tolist() == [12.5, 1234.5] and valid.all()
    frame, report = _read(tmp_path, b'prix\n"1.234,5"\n12.5\n"12,5"\n')
    out, valid = validate_table(frame, [FieldSpec("prix", "number")], "f.csv", report)
    assert out["prix"].tolist() == [1234.5, 12.5, 12.5]
    out, valid = validate_table(frame, [FieldSpec("prix", "number")], "f.csv", ImportReport(""),
                                conventions=Conventions(decimal="."))
    assert valid.tolist() == [False, True, False]


def test_french_dates_are_read_and_noted(tmp_path):
    frame, report = _read(tmp_path, b"d\n24/01/2007\n24/01/07\n2007-01-24\n1/2/99\n")
    out, valid = validate_table(frame, [FieldSpec("d", "date")], "f.csv", report)
    assert valid.all()
    assert out["d"].dt.strftime("%Y-%m-%d").tolist() == [
        "2007-01-24", "2007-01-24", "2007-01-24", "1999-02-01"]
    assert report.conventions["f.csv"]["dates"] == "ISO 8601, dd/mm/yy, dd/mm/yyyy"


def test_french_date_times_with_and_without_offset():
    values = pd.Series(["24/01/2007 10:00", "24/01/07 10:00:30+02:00", "2007-01-24T10:00:00Z",
                        "30/10/2022 02:30"])
    forms = set()
    out = parse_datetimes(values, naive_tz="Europe/Paris", forms=forms)
    assert out["error"].isna().all()
    assert out["utc"].dt.strftime("%Y-%m-%dT%H:%M:%S").tolist() == [
        "2007-01-24T09:00:00", "2007-01-24T08:00:30", "2007-01-24T10:00:00",
        "2022-10-30T00:30:00"]  # the repeated hour's first occurrence is summer time
    assert out["offset_min"].tolist() == [60.0, 120.0, 0.0, 120.0]
    assert forms == {"dd/mm/yyyy", "dd/mm/yy", "ISO 8601"}


@pytest.mark.parametrize("text", ["3025-03-01", "0202-03-01", "2262-04-12", "1677-09-21",
                                  "01/03/3025", "1899-12-31", "2101-01-01"])
def test_dates_out_of_range_are_rejected_never_wrapped(tmp_path, text):
    frame, report = _read(tmp_path, f"d;t\n{text};{text}T10:00:00+01:00\n".encode())
    out, valid = validate_table(frame, [FieldSpec("d", "date"), FieldSpec("t", "datetime")],
                                "f.csv", report)
    assert not valid[0]
    assert out["d"].isna().all() and out["t"].isna().all()  # not 1856, not 1955
    assert {(r.field, r.value, r.reason) for r in report.rejected} == {
        ("d", text, "a date between 1900-01-01 and 2100-12-31"),
        ("t", f"{text}T10:00:00+01:00", "a date between 1900-01-01 and 2100-12-31")}


def test_strict_schema_date_formats_keep_their_format_in_the_message():
    assert parse_date_text("20230615", "%Y%m%d").value.year == 2023
    assert parse_date_text("30250301", "%Y%m%d").out_of_range


@pytest.mark.parametrize("text, reason", [
    ("inf", "a finite number"), ("-Infinity", "a finite number"), ("1e999", "a finite number"),
    ("NaN", "a number"), ("1e23", "a value <= 1e+12 (larger values are typing errors)"),
    ("-1e23", "a value >= -1e+12 (larger values are typing errors)"),
    ("99999999999999999999999", "a value <= 1e+12 (larger values are typing errors)"),
])
def test_non_finite_and_huge_numbers_are_rejected(tmp_path, text, reason):
    frame, report = _read(tmp_path, f"n,i\n{text},{text}\n".encode())
    out, valid = validate_table(frame, [FieldSpec("n", "number"), FieldSpec("i", "integer")],
                                "f.csv", report)
    assert not valid[0] and out["n"].isna().all()
    reasons = {r.field: r.reason for r in report.rejected}
    assert reasons["n"] == reason
    assert reasons["i"] == (reason if reason != "a number" else "an integer")


def test_integers_are_whole_and_within_int64(tmp_path):
    frame, report = _read(tmp_path, b"i\n2.5\n9223372036854775808\n7\n")
    out, valid = validate_table(frame, [FieldSpec("i", "integer")], "f.csv", report)
    assert valid.tolist() == [False, False, True]
    assert out["i"].dtype == "Int64" and out["i"][2] == 7


def test_a_missing_key_column_refuses_the_file_naming_what_was_read(tmp_path):
    frame, report = _read(tmp_path, b"site;name\n1;x\n")
    with pytest.raises(SourceError) as err:
        validate_table(frame, [FieldSpec("site_id", required=True), FieldSpec("name")],
                       "f.csv", report, primary_key=["site_id"])
    assert str(err.value) == (
        "f.csv: required column(s) not found: site_id; columns read: site, name (separator "
        "semicolon, encoding UTF-8). Check the header row, the separator and the encoding.")


def test_mapped_columns_missing_are_named_with_their_field(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("quand,combien\n2024-01-01,3\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"not found: jour \(date\); columns read: quand, "
                                          r"combien"):
        mapped_table(path, [FieldSpec("date", "date", required=True)], ImportReport("m"),
                     mapping={"date": "jour"})


@pytest.mark.parametrize("data, message", [
    (b"", "f.csv: the file is empty"), (b"\xef\xbb\xbf\r\n", "f.csv: the file is empty"),
    (b"\x00\x01PK\x03\x04", "f.csv: not a text file"),
])
def test_empty_and_binary_files_are_refused(tmp_path, data, message):
    with pytest.raises(SourceError, match=message):
        _read(tmp_path, data)


def test_rows_longer_than_the_header_are_rejected_and_blank_rows_skipped(tmp_path):
    frame, report = _read(tmp_path, b"a,b\n1,2\n3,4,5\n,\n6,7\n")
    assert frame["a"].tolist() == ["1", "6"] and frame["source_row"].tolist() == [2, 5]
    assert [(r.row, r.reason) for r in report.rejected] == [
        (3, "2 cells as in the header, found 3")]
    assert [(w.row, w.reason) for w in report.warnings] == [(4, "blank row skipped")]


def test_duplicate_header_names_are_kept_apart(tmp_path):
    frame, report = _read(tmp_path, b"a,a,b\n1,2,3\n")
    assert list(frame.columns) == ["source_row", "a", "a.1", "b"]
    assert report.warnings[0].reason == "a column name used once (the second is read as a.1)"


def test_a_long_free_text_field_is_read(tmp_path):
    long = "x" * 200_000
    frame, _ = _read(tmp_path, f'a,b\n"{long}",1\n"unbalanced,2\n'.encode())
    assert len(frame["a"].iloc[0]) == 200_000


def test_parse_numbers_gives_no_infinite_value():
    from observatoire_commerce.ingest.sources.tabular import parse_numbers

    values, comma = parse_numbers(pd.Series(["1e999", "12,5", "abc"]))
    assert math.isinf(values[0]) and values[1] == 12.5 and np.isnan(values[2])
    assert comma.tolist() == [False, True, False]


def test_repeated_keys_are_found_whatever_the_order():
    """Copies of one row: all but the first are repeats. Rows of one key with different values:
    every one of them (which to keep would depend on the order of the file)."""
    import numpy as np
    import pandas as pd

    from observatoire_commerce.ingest.sources.tabular import repeated

    frame = pd.DataFrame({
        "source_row": [2, 3, 4, 5, 6, 7],
        "zone": ["A", "A", "B", "B", "C", "A"],
        "count": ["10", "10", "5", "7", "1", "10"]})
    valid = np.array([True, True, True, True, True, False])  # row 7 already rejected
    assert repeated(frame, valid, ["zone"]).tolist() == [False, True, True, True, False, False]
    backwards = frame.iloc[::-1].reset_index(drop=True)
    flags = repeated(backwards, valid[::-1], ["zone"])
    # the same rows of B out, and one copy of A kept (now row 3, met first)
    assert sorted(backwards["source_row"][flags]) == [2, 4, 5]
