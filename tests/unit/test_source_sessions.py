"""The sessions reader (ingest/sources/sessions.py): the numpy byte reader on its edge cases,
the same values and rejections as the tabular path, and the fall back to it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.ingest.sources import sessions as source
from observatoire_commerce.ingest.sources.report import ImportReport, SourceError
from observatoire_commerce.ingest.sources.tabular import Conventions

NS = 1_000_000_000


def ts(text):
    return pd.Timestamp(text).value


def read(tmp_path, data: bytes, byte_reader=True, **kw):
    path = tmp_path / "s.csv"
    path.write_bytes(data)
    report = ImportReport("s.csv")
    s = source.read_sessions(path, report, byte_reader=byte_reader, **kw)
    return s, report


def both(tmp_path, data: bytes, **kw):
    """Read with both readers; assert they agree on values and the report; return the byte
    reader's result and report."""
    fast, fast_report = read(tmp_path, data, True, **kw)
    slow, slow_report = read(tmp_path, data, False, **kw)
    assert list(fast.parking) == list(slow.parking)
    assert fast.entry.tolist() == slow.entry.tolist()
    assert fast.exit.tolist() == slow.exit.tolist()
    if fast.amount is None:
        assert slow.amount is None
    else:
        np.testing.assert_array_equal(fast.amount, slow.amount)
    assert fast.rows.tolist() == slow.rows.tolist()
    assert fast.bad.tolist() == slow.bad.tolist()
    key = lambda r: (r.row, r.field)  # noqa: E731
    assert sorted(fast_report.rejected, key=key) == sorted(slow_report.rejected, key=key)
    assert fast_report.conventions == slow_report.conventions
    assert slow.reader == "text"
    return fast, fast_report


def test_iso_and_french_forms_decimal_comma_crlf_bom(tmp_path):
    data = ("\ufeffparking_id;entry;exit;amount\r\n"
            "P1;2024-03-04 08:00:00;2024-03-04T08:20;1,50\r\n"
            "P1 ;04/03/2024 09:00;04/03/2024 09:30:15;2\r\n"
            "P2;2024-03-04 23:30;;\r\n\r\n").encode("utf-8")
    s, report = both(tmp_path, data)
    assert s.reader == "numpy"
    assert list(s.parking) == ["P1", "P1", "P2"]
    assert s.entry.tolist() == [ts("2024-03-04 08:00"), ts("2024-03-04 09:00"),
                                ts("2024-03-04 23:30")]
    assert s.exit.tolist() == [ts("2024-03-04 08:20"), ts("2024-03-04 09:30:15"), source.NAT]
    assert s.amount[:2].tolist() == [1.5, 2.0] and np.isnan(s.amount[2])
    assert s.rows.tolist() == [2, 3, 4]
    assert report.conventions["s.csv"] == {"encoding": "UTF-8", "separator": "semicolon",
                                           "dates": "ISO 8601, dd/mm/yyyy",
                                           "decimal": "comma"}
    assert not report.rejected


def test_odd_values_are_read_one_by_one_like_the_tabular_path(tmp_path):
    data = (b"parking_id,entry,exit,amount\n"
            b"P1,2024-03-04 10:00:00.5,2024-03-04T11:00:00+01:00,1 234\n"  # fraction, offset
            b"P1,04/03/24 10:00,2024-03-04 11:00,1e3\n"                   # DD/MM/YY, exponent
            b"P1,2024-02-30 10:00,2024-03-04,x\n"                         # no such day, no time
            b"P1,1850-01-01 10:00,2024-13-01 10:00,inf\n")       # year, month, inf
    s, report = both(tmp_path, data)
    assert s.entry[:2].tolist() == [ts("2024-03-04 10:00:00.5"), ts("2024-03-04 10:00")]
    assert s.exit[0] == ts("2024-03-04 11:00")  # +01:00 is Paris' offset in March
    assert s.amount[:2].tolist() == [1234.0, 1000.0]
    assert s.bad.tolist() == [False, False, True, True]
    reasons = {(r.row, r.field): r.reason for r in report.rejected}
    assert set(reasons) == {(4, "entry"), (4, "exit"), (4, "amount"), (5, "entry"),
                            (5, "exit"), (5, "amount")}
    assert reasons[(4, "exit")] == ("a date and a time, e.g. 2024-03-01 14:05 or "
                                    "01/03/2024 14:05")
    assert reasons[(4, "amount")] == "a number"
    assert reasons[(5, "entry")] == "a date between 1900-01-01 and 2100-12-31"
    assert reasons[(5, "amount")] == "a finite number"


def test_utc_offsets_read_on_the_wall_clock_of_the_time_zone(tmp_path):
    data = b"parking_id,entry,exit\nP1,2024-07-01T08:00:00Z,2024-07-01T09:00:00+00:00\n"
    s, _ = both(tmp_path, data)
    assert s.entry[0] == ts("2024-07-01 10:00")  # summer time in Paris: UTC+2
    s, _ = both(tmp_path, data, timezone="UTC")
    assert s.entry[0] == ts("2024-07-01 08:00")


@pytest.mark.parametrize("case, data", [
    ("quoted fields", b'parking_id,entry,exit\n"P1",2024-03-04 10:00,2024-03-04 11:00\n'),
    ("a line with another number of fields",
     b"parking_id,entry,exit\nP1,2024-03-04 10:00,2024-03-04 11:00,extra\n"
     b"P2,2024-03-04 10:00,2024-03-04 11:00\n"),
    ("Windows-1252", "parking_id,entry,exit\nParking Hôtel de Ville,2024-03-04 10:00,"
                     "2024-03-04 11:00\n".encode("cp1252")),
    ("UTF-16", "parking_id,entry,exit\nP1,2024-03-04 10:00,2024-03-04 11:00\n".encode(
        "utf-16")),
    ("a blank line inside", b"parking_id,entry,exit\nP1,2024-03-04 10:00,2024-03-04 11:00\n\n"
                            b"P2,2024-03-04 10:00,2024-03-04 11:00\n"),
])
def test_files_the_byte_reader_leaves_to_the_tabular_path(tmp_path, case, data):
    s, report = read(tmp_path, data)
    assert s.reader == "text", case
    assert s.entry[0] == ts("2024-03-04 10:00")
    if case == "Windows-1252":
        assert list(s.parking) == ["Parking Hôtel de Ville"]
        assert report.conventions["s.csv"]["encoding"] == "Windows-1252"
    if case == "a line with another number of fields":
        assert [(r.row, r.reason) for r in report.rejected] == [
            (2, "3 cells as in the header, found 4")]
        assert s.rows.tolist() == [3]


def test_mapping_case_and_missing_columns(tmp_path):
    data = b"PARKING;Date_Entree;date_sortie\nP1;04/03/2024 10:00;04/03/2024 11:00\n"
    s, _ = both(tmp_path, data, mapping={"parking_id": "parking", "entry": "date_entree",
                                         "exit": "date_sortie"})
    assert s.columns["entry"] == "date_entree" and s.amount is None
    with pytest.raises(SourceError, match=r"s.csv: required column\(s\) not found: exit; "
                                          r"columns read: parking, date_entree, date_sortie "
                                          r"\(separator semicolon, encoding UTF-8\)"):
        read(tmp_path, data, mapping={"parking_id": "parking", "entry": "date_entree"})
    with pytest.raises(SourceError, match="unknown field"):
        read(tmp_path, data, mapping={"parkign": "parking"})


def test_ids_are_stripped_and_merged_long_and_empty(tmp_path):
    long_id = "Parking " + "x" * 70
    data = (f"parking_id,entry,exit,ticket\n{long_id},2024-03-04 10:00,,T1\n"
            f" {long_id} ,2024-03-04 10:00,,T2\n,2024-03-04 10:00,,\n").encode()
    s, _ = both(tmp_path, data)
    assert list(s.parking.categories) == [long_id]
    assert s.parking.codes.tolist() == [0, 0, -1]
    assert list(s.ticket.categories) == ["T1", "T2"]
    assert s.ticket.codes.tolist() == [0, 1, -1]


def test_check_sessions_rejects_once_per_row(tmp_path):
    data = (b"parking_id,entry,exit,amount,ticket\n"
            b"P1,2024-03-04 10:00,2024-03-04 09:00,1,T1\n"   # exit before entry
            b"P1,2024-03-04 10:00,2024-03-11 10:00,1,T2\n"   # exactly 7 days: kept
            b"P1,2024-03-04 10:00,2024-03-11 10:00:01,1,T3\n"  # longer: rejected
            b"P1,2024-03-04 10:00,,-2,T4\n"                  # negative amount
            b"P1,2024-03-04 10:00,,,T2\n"                    # ticket T2 again for P1
            b"P2,2024-03-04 10:00,,,T2\n"                    # T2 of another car park: kept
            b",2024-03-04 10:00,,,T5\n"                      # no car park
            b"P1,,2024-03-04 10:00,,T6\n")                   # no entry
    s, report = read(tmp_path, data)
    valid = source.check_sessions(s, report, "s.csv")
    assert valid.tolist() == [False, True, False, False, False, True, False, False]
    reasons = {r.row: (r.field, r.reason) for r in report.rejected}
    assert reasons[2] == ("exit", "an exit on or after the entry (2024-03-04 10:00:00)")
    assert reasons[4] == ("exit", "a stay of at most 7 days (the maximum set; this one lasts "
                                  "7.0 days)")
    assert reasons[5] == ("amount", "a value >= 0")
    assert reasons[6] == ("ticket", "a ticket id used once per car park (duplicate)")
    assert reasons[8] == ("parking_id", "a value (this field is required)")
    assert reasons[9] == ("entry", "a value (this field is required)")
    assert len(report.rejected) == 6
    with pytest.raises(SourceError, match="maximum stay"):
        source.check_sessions(s, report, "s.csv", max_stay_days=0)


def test_parse_iso_datetimes_checks_every_part():
    values = np.array([b"2024-02-29 23:59:59", b"2000-02-29T00:00:00", b"1969-12-31 23:59:59",
                       b"2023-02-29 10:00:00", b"1900-02-29 10:00:00", b"2024-13-01 00:00:00",
                       b"2024-04-31 00:00:00", b"2024-01-10 24:00:00", b"2024-01-10 10:60:00",
                       b"2024/01/10 10:00:00", b"2024-01-10 10:00:6x"], dtype="S19")
    ns, ok = source.parse_iso_datetimes(values)
    assert ok.tolist() == [True, True, True] + [False] * 8
    assert pd.to_datetime(ns[:3]).tolist() == [pd.Timestamp("2024-02-29 23:59:59"),
                                               pd.Timestamp("2000-02-29"),
                                               pd.Timestamp("1969-12-31 23:59:59")]
    assert (ns[3:] == source.NAT).all()
    rng = np.random.default_rng(3)
    seconds = rng.integers(-2_000_000_000, 4_000_000_000, 5000)
    text = pd.to_datetime(seconds, unit="s").strftime("%Y-%m-%d %H:%M:%S")
    parsed, ok = source.parse_iso_datetimes(np.array(text, dtype="S19"))
    assert ok.all() and (parsed == seconds * NS).all()
    with pytest.raises(ValueError, match=r"\(n, 19\) bytes"):
        source.parse_iso_datetimes(np.zeros((3, 10), dtype=np.uint8))


def test_random_exports_read_the_same_both_ways(tmp_path):
    """Seeded random files in the forms the byte reader handles (and odd values among them)
    give the same sessions and rejections as the tabular path."""
    rng = np.random.default_rng(7)
    for trial in range(5):
        n = 300
        sep = [",", ";", "\t", "|"][trial % 4]
        entry = pd.to_datetime(rng.integers(1.6e9, 1.75e9, n), unit="s")
        exit_ = entry + pd.to_timedelta(rng.integers(-600, 90000, n), unit="s")
        forms = ["%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%y %H:%M"]
        e_text = [d.strftime(forms[k]) for d, k in zip(entry, rng.integers(0, 4, n))]
        x_text = [d.strftime(forms[k]) if rng.random() > 0.1 else ""
                  for d, k in zip(exit_, rng.integers(0, 4, n))]
        amounts = [("" if rng.random() < 0.2 else f"{rng.random() * 20:.2f}".replace(
            ".", "," if sep != "," and rng.random() < 0.5 else ".")) for _ in range(n)]
        bad = rng.random(n) < 0.03
        e_text = ["31/02/2024 10:00" if b else t for b, t in zip(bad, e_text)]
        keys = [f"P{k}" for k in rng.integers(0, 5, n)]
        lines = ["parking_id" + sep + "entry" + sep + "exit" + sep + "amount"] + [
            sep.join(row) for row in zip(keys, e_text, x_text, amounts)]
        s, report = both(tmp_path, ("\n".join(lines) + "\n").encode())
        assert s.reader == "numpy"
        assert s.bad.sum() == bad.sum()


def test_forced_conventions(tmp_path):
    data = b"parking_id;entry;exit;amount\nP1;2024-03-04 10:00;2024-03-04 11:00;12,5\n"
    s, report = both(tmp_path, data, conventions=Conventions(decimal="."))
    assert np.isnan(s.amount[0])
    assert [(r.field, r.reason) for r in report.rejected] == [("amount", "a number")]
    s, report = read(tmp_path, b"parking_id,entry,exit\nP1,04.03.2024 10h00,\n",
                     conventions=Conventions(date_format="%d.%m.%Y %Hh%M"))
    assert s.reader == "text" and s.entry[0] == ts("2024-03-04 10:00")
