"""Counters in the national comptage des mobilités schema, and mapped vendor CSVs."""

import csv
import json

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.ingest.sources.comptage import (
    CHANNEL_FIELDS,
    MEASURE_COLUMNS,
    MEASURE_FIELDS,
    SITE_FIELDS,
    read_channels,
    read_comptage,
    read_mapped_measures,
    read_measures,
    read_sites,
)
from observatoire_commerce.ingest.sources.tabular import specs_from_table_schema

REAL = "comptage_mobilites"


def _rejected_rows(report):
    return sorted({r.row for r in report.rejected})


def _reasons(report, row):
    return {r.field: r.reason for r in report.rejected if r.row == row}


# --- hand-written fixture ---------------------------------------------------------------------

def test_offsets_are_normalised_to_utc_and_local_time_is_kept(fixture_path, tmp_path):
    frame, report = read_measures(fixture_path("flows/measure_offsets.csv", tmp_path))
    assert list(frame.columns) == MEASURE_COLUMNS
    assert list(frame.source_row) == [2, 3, 4, 5, 6, 7]
    first = frame.iloc[0]  # 2022-03-26T23:00:00+01
    assert first.start_local == pd.Timestamp("2022-03-26 23:00")
    assert first.start_utc == pd.Timestamp("2022-03-26 22:00", tz="UTC")
    assert first.utc_offset_min == 60
    assert frame.utc_offset_min.tolist() == [60, 60, 60, 120, 0, 120]  # +01 +01:00 +0100 +02:00 Z
    # 01:00+0100 -> 03:00+0200 is one hour (clocks went forward)
    assert frame.iloc[2].duration_s == 3600
    assert frame.iloc[4].start_local == pd.Timestamp("2022-03-27 02:00")  # Z: local = UTC
    assert np.isnan(frame.iloc[5].duration_s) and frame.iloc[5].counter_id is None


def test_zero_and_empty_counts_stay_distinct(fixture_path, tmp_path):
    frame, _ = read_measures(fixture_path("flows/measure_offsets.csv", tmp_path))
    assert frame.iloc[1]["count"] == 0.0  # "0": nobody passed
    assert np.isnan(frame.iloc[2]["count"])  # "": no data


def test_bad_rows_are_refused_one_by_one_with_reasons(fixture_path, tmp_path):
    _, report = read_measures(fixture_path("flows/measure_offsets.csv", tmp_path))
    assert _rejected_rows(report) == list(range(8, 17))
    assert report.rows_read == 15 and report.rows_accepted == 6 and report.rows_rejected == 9
    assert "required" in _reasons(report, 8)["channel_id"]
    assert "UTC offset is missing" in _reasons(report, 9)["start_datetime"]
    assert "ISO 8601" in _reasons(report, 10)["start_datetime"]
    assert "after start_datetime" in _reasons(report, 11)["end_datetime"]
    assert _reasons(report, 12)["count"] == "a count >= 0"
    assert _reasons(report, 13)["count"] == "a number"
    assert "duplicate of row 6" in _reasons(report, 14)["start_datetime"]  # same UTC instant
    assert "between -14:00 and +14:00" in _reasons(report, 15)["start_datetime"]
    assert "valid calendar" in _reasons(report, 16)["start_datetime"]
    r = [x for x in report.rejected if x.row == 13][0]
    assert (r.file, r.value) == ("measure_offsets.csv", "beaucoup")


def test_unknown_channel_is_refused(fixture_path, tmp_path):
    _, report = read_measures(fixture_path("flows/measure_offsets.csv", tmp_path),
                              channels=["ch1"])
    assert _reasons(report, 7) == {"channel_id": "a channel_id present in the channel file"}


def test_wide_vendor_export_with_local_times_and_dst(fixture_path, tmp_path):
    frame, report = read_mapped_measures(
        fixture_path("flows/vendor_wide.csv", tmp_path), {"start_datetime": "Date"},
        channel_columns={"Rue Gambetta IN": "g-in", "Rue Gambetta OUT": "g-out"},
        datetime_format="%d/%m/%Y %H:%M", time_step_s=3600)
    assert report.rejected and {r.row for r in report.rejected} == {6}  # 25:00 is no time
    gin = frame[frame.channel_id == "g-in"].reset_index(drop=True)
    # 02:00 happens twice on 30 Oct 2022: first in summer time (+02), then in winter time (+01)
    assert gin.utc_offset_min.tolist() == [120, 120, 60, 60]
    assert gin.start_utc.dt.strftime("%d %H:%M").tolist() == ["29 23:00", "30 00:00",
                                                              "30 01:00", "30 02:00"]
    assert gin["count"].tolist() == [10, 5, 4, 1234]  # "1 234" with a thousands space
    assert (gin.duration_s == 3600).all()
    gout = frame[frame.channel_id == "g-out"]["count"].tolist()
    assert gout[:2] == [12, 6] and np.isnan(gout[2]) and gout[3] == 0


def test_long_mapped_csv_with_date_and_time_columns(fixture_path, tmp_path):
    frame, report = read_mapped_measures(
        fixture_path("flows/manual_counts.csv", tmp_path),
        {"channel_id": "site", "start_datetime": ["jour", "heure"], "count": "passages"})
    assert report.ok
    assert frame["count"].isna().tolist() == [False, True, False, False]
    assert frame["count"].iloc[2] == 0
    assert frame.start_utc.iloc[0] == pd.Timestamp("2023-05-06 08:00", tz="UTC")  # Paris +02
    assert frame.start_utc.iloc[3] == pd.Timestamp("2023-05-06 08:00", tz="UTC")  # explicit


def test_mapped_csv_configuration_errors(fixture_path, tmp_path):
    path = fixture_path("flows/manual_counts.csv", tmp_path)
    with pytest.raises(ValueError, match="start_datetime"):
        read_mapped_measures(path, {"count": "passages"})
    with pytest.raises(ValueError, match="column.*not found: quand"):
        read_mapped_measures(path, {"start_datetime": "quand", "channel_id": "site"})
    with pytest.raises(ValueError, match="channel_id"):
        read_mapped_measures(path, {"start_datetime": "jour"})


def test_rows_longer_than_the_header_are_refused(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("channel_id,counter_id,start_datetime,end_datetime,count\n"
                    "a,,2022-01-01T00:00:00Z,,1\n"
                    "a,,2022-01-01T01:00:00Z,,1,extra\n"
                    "\n"
                    "a,,2022-01-01T02:00:00Z,,2\n", encoding="utf-8")
    frame, report = read_measures(path)
    assert frame.source_row.tolist() == [2, 5]
    assert _rejected_rows(report) == [3]
    assert [w.row for w in report.warnings] == [4]  # the blank row is reported, not dropped


def test_optional_columns_may_be_absent(tmp_path):
    # end_datetime and counter_id are optional in the schema: a file without them imports,
    # and its counts keep 0 (no passage) apart from empty (no data)
    path = tmp_path / "m.csv"
    path.write_text("channel_id,start_datetime,count\n"
                    "a,2022-01-01T00:00:00+01:00,0\n"
                    "a,2022-01-01T01:00:00+01:00,\n", encoding="utf-8")
    frame, report = read_measures(path)
    assert report.rejected == []
    assert frame["count"].iloc[0] == 0.0 and np.isnan(frame["count"].iloc[1])
    assert frame["end_utc"].isna().all()


# --- schemas and real files -----------------------------------------------------------------

@pytest.mark.parametrize("name, builtin", [("site", SITE_FIELDS), ("channel", CHANNEL_FIELDS),
                                           ("measure", MEASURE_FIELDS)])
def test_builtin_fields_match_the_published_schema(shared_data, name, builtin):
    schema = json.loads((shared_data / "schemas" / f"comptage-mobilites_{name}_schema.json")
                        .read_text(encoding="utf-8"))
    published = specs_from_table_schema(schema)

    def key(spec):
        return (spec.name, spec.type, spec.required, spec.enum, spec.pattern, spec.minimum,
                spec.maximum)
    assert [key(s) for s in builtin] == [key(s) for s in published]


def test_valid_examples_of_the_schema_import(shared_data):
    s = shared_data / "schemas"
    data = read_comptage(s / "comptage-mobilites_site_exemple-valide.csv",
                         s / "comptage-mobilites_channel_exemple-valide.csv",
                         s / "comptage-mobilites_measure_exemple-valide.csv")
    # the example measures name channels C-C-02/03-Baix absent from the example channel file
    assert {r.value for r in data.report.rejected} == {"C-C-02-Baix", "C-C-03-Baix"}
    measures, report = read_measures(s / "comptage-mobilites_measure_exemple-valide.csv")
    assert report.ok and len(measures) == 9
    by_row = measures.set_index("source_row")["count"]
    assert by_row[3] == 0 and np.isnan(by_row[8])  # "0" and "" in the published example
    sites, report = read_sites(s / "comptage-mobilites_site_exemple-valide.csv")
    assert report.ok and sites.xlong.iloc[0] == pytest.approx(1.452323)


def test_invalid_channel_example_is_refused_row_by_row(shared_data):
    channels, report = read_channels(
        shared_data / "schemas" / "comptage-mobilites_channel_exemple-invalide.csv")
    assert channels.empty
    assert _rejected_rows(report) == [2, 3, 4, 5]
    assert set(_reasons(report, 2)) == {"temporality", "started_at"}
    assert "already used at row 2" in _reasons(report, 3)["channel_id"]
    assert "comma-separated values among" in _reasons(report, 4)["mobility_type"]
    assert set(_reasons(report, 5)) == {"mobility_type"}  # "ERR002,PEDESTRIAN"


def test_real_eco_counter_files_import(shared_data):
    d = shared_data / REAL
    data = read_comptage(d / "site_eco-compteur_real.csv", d / "channel_eco-compteur_real.csv",
                         d / "measure_eco-compteur_real.csv")
    assert data.report.ok, data.report.rejected[:5]
    with open(d / "measure_eco-compteur_real.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert (len(data.sites), len(data.channels), len(data.measures)) == (3, 10, len(rows))
    m = data.measures
    assert (m["count"] == 0).sum() == sum(r["count"] == "0" for r in rows)
    assert m["count"].isna().sum() == sum(r["count"] == "" for r in rows)
    assert set(m.utc_offset_min) == {60.0, 120.0}
    assert (data.channels.time_step == 86400).all()
    gambetta = m[(m.channel_id == "353226362")].set_index("start_local")
    assert gambetta.loc[pd.Timestamp("2022-03-27"), "duration_s"] == 23 * 3600  # DST day
    expected = sum(float(r["count"]) for r in rows if r["channel_id"] == "353226362")
    assert gambetta["count"].sum() == expected
