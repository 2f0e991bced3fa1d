"""Counters in the national *comptage des mobilités* schema (site / channel / measure, v0.2.x),
and mapped CSV exports of other vendors.

Each reader returns ``(frame, report)``: the frame holds only valid rows, typed; the
:class:`~.report.ImportReport` names every rejected row (file, row as counted in a spreadsheet,
field, value, what was expected). Nothing is dropped silently.

Rules that matter downstream:

- ``count`` empty means *no data* and becomes ``NaN``; ``0`` means *no passage* and stays ``0.0``.
- Date-times carry a UTC offset written ``Z``, ``+02``, ``+0200`` or ``+02:00``. Each one is kept
  twice: ``*_utc`` (aware, UTC) and ``*_local`` (naive wall-clock time at the counter, exactly as
  written), with ``utc_offset_min``. A date-time without an offset is refused in schema files; in
  mapped CSVs it is read in a declared time zone (``Europe/Paris`` by default).
- Any ``time_step`` is accepted; a measure's duration comes from ``end_datetime``.

The first half of this module is a small Table Schema validator (the subset of the
frictionless spec that the French transport schemas use: types string, number, integer, boolean,
date, datetime; required, enum, pattern, minimum, maximum; primary key). The BNLC and parking
readers reuse it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from .report import ImportReport

PathLike = Union[str, Path]

TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


# --------------------------------------------------------------------------------------------
# Table Schema subset
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldSpec:
    """One column of a table schema (frictionless Table Schema subset)."""

    name: str
    type: str = "string"  # string | number | integer | boolean | date | datetime
    required: bool = False
    enum: Optional[Tuple[str, ...]] = None
    pattern: Optional[str] = None
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    true_values: Tuple[str, ...] = TRUE_VALUES
    false_values: Tuple[str, ...] = FALSE_VALUES
    date_format: str = "%Y-%m-%d"
    hint: Optional[str] = None  # what to tell the user instead of the raw pattern (noop-marked)
    allow_date_only: bool = False  # datetime fields: accept a bare date (midnight)
    hint_values: Optional[Tuple[str, ...]] = None  # fills ``{values}`` in the hint


def _hint(spec: FieldSpec) -> str:
    """What a value of ``spec`` must look like, in the user's language."""
    if not spec.hint:
        return tr("a value matching the pattern {pattern}").format(pattern=spec.pattern)
    text = tr(spec.hint)
    return text.format(values=", ".join(spec.hint_values)) if spec.hint_values else text


def specs_from_table_schema(schema: Mapping) -> List[FieldSpec]:
    """FieldSpecs from a Table Schema dict (e.g. ``json.load`` of an etalab ``schema.json``)."""
    specs = []
    for f in schema["fields"]:
        c = f.get("constraints", {})
        kwargs = {"name": f["name"], "type": f.get("type", "string"),
                      "required": bool(c.get("required", False)),
                      "enum": tuple(c["enum"]) if "enum" in c else None,
                      "pattern": c.get("pattern"), "minimum": c.get("minimum"),
                      "maximum": c.get("maximum")}
        if "trueValues" in f:
            kwargs["true_values"] = tuple(f["trueValues"])
        if "falseValues" in f:
            kwargs["false_values"] = tuple(f["falseValues"])
        fmt = f.get("format")
        if f.get("type") == "date" and fmt and fmt not in ("default", "any"):
            kwargs["date_format"] = fmt
        specs.append(FieldSpec(**kwargs))
    return specs


_DT_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")

DATETIME_EXPECTED = noop("an ISO 8601 date-time with a UTC offset, e.g. "
                         "2022-03-27T10:00:00+02:00")


def _parse_one_datetime(text: str, allow_date_only: bool, allow_naive: bool):
    """(naive local datetime, offset minutes or None, error or None) for one string."""
    m = _DT_RE.match(text.strip())
    if not m:
        return None, None, tr(DATETIME_EXPECTED)
    y, mo, d, hh, mi, ss, frac, off = m.groups()
    if hh is None and not allow_date_only:
        return None, None, tr("an ISO 8601 date-time with a UTC offset, e.g. "
                              "2022-03-27T10:00:00+02:00 (a time is required)")
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        value = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0),
                            micro)
    except ValueError as exc:
        return None, None, tr("a valid calendar date-time ({error})").format(error=exc)
    if off is None:
        if not allow_naive:
            return None, None, tr("an ISO 8601 date-time with a UTC offset, e.g. "
                                  "2022-03-27T10:00:00+02:00 (the UTC offset is missing)")
        return value, None, None
    if off == "Z":
        minutes = 0
    else:
        digits = off[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
        if minutes > 14 * 60:
            return None, None, tr("a UTC offset between -14:00 and +14:00")
        minutes = -minutes if off[0] == "-" else minutes
    return value, minutes, None


def parse_datetimes(values: pd.Series, *, naive_tz: Optional[str] = None,
                    allow_date_only: bool = False, fmt: Optional[str] = None,
                    group: Optional[pd.Series] = None) -> pd.DataFrame:
    """Parse date-time strings once per distinct value.

    Returns a frame aligned on ``values`` with columns ``utc`` (aware UTC), ``local`` (naive
    wall-clock), ``offset_min`` (float) and ``error`` (None or what was expected). Empty strings
    give NaT and no error (the caller checks ``required``).

    ``naive_tz``: time zone for values without an offset (None: such values are errors).
    ``fmt``: a ``strptime`` format (e.g. ``%d/%m/%Y %H:%M``) for non-ISO vendor exports; such
    values are naive. ``group``: series (e.g. the channel) used to resolve the repeated hour
    when clocks go back: within a group, the first occurrence is summer time, the second winter.
    """
    codes, uniques = pd.factorize(values, sort=False)
    n = len(uniques)
    local = np.empty(n, dtype="datetime64[ns]")
    local[:] = np.datetime64("NaT")
    offset = np.full(n, np.nan)
    errors = np.full(n, None, dtype=object)
    naive = np.zeros(n, dtype=bool)
    for i, text in enumerate(uniques):
        text = str(text).strip()
        if not text:
            continue
        if fmt:
            try:
                value, minutes, err = dt.datetime.strptime(text, fmt), None, None
            except ValueError:
                value, minutes, err = None, None, tr("a date-time in the format {format}").format(
                    format=fmt)
            if err is None and naive_tz is None:
                err = tr("a time zone for date-times without UTC offset")
        else:
            value, minutes, err = _parse_one_datetime(text, allow_date_only, naive_tz is not None)
        if err:
            errors[i] = err
            continue
        local[i] = np.datetime64(value, "ns")
        if minutes is None:
            naive[i] = True
        else:
            offset[i] = minutes
    utc_u = pd.Series(local - (np.nan_to_num(offset) * 60e9).astype("timedelta64[ns]"))
    out_utc = pd.to_datetime(utc_u.take(codes).to_numpy()) if n else pd.to_datetime([])
    out = pd.DataFrame({"local": pd.Series(local).take(codes).to_numpy(),
                        "offset_min": offset.take(codes) if n else np.array([], float),
                        "error": errors.take(codes) if n else np.array([], object)},
                       index=values.index)
    out["utc"] = pd.DatetimeIndex(out_utc).tz_localize("UTC") if n else pd.DatetimeIndex(
        [], tz="UTC")
    if naive.any():
        row_naive = naive.take(codes) & (codes >= 0)
        _localize_naive(out, row_naive, naive_tz, group)
    # empty strings: factorize gives them a code like any value; NaT already
    out.loc[codes < 0, ["error"]] = None
    return out


def _localize_naive(out: pd.DataFrame, row_naive: np.ndarray, tz: str,
                    group: Optional[pd.Series]) -> None:
    sub = out.loc[row_naive, "local"]
    keys = [group[row_naive]] if group is not None else []
    first = ~pd.DataFrame({"k": keys[0] if keys else 0, "t": sub}).duplicated(keep="first")
    localized = pd.DatetimeIndex(sub).tz_localize(tz, ambiguous=first.to_numpy(),
                                                  nonexistent="NaT")
    utc = localized.tz_convert("UTC")
    bad = utc.isna()
    offs = (localized.tz_localize(None) - utc.tz_localize(None)) / pd.Timedelta(minutes=1)
    idx = out.index[row_naive]
    out.loc[idx, "utc"] = utc
    out.loc[idx, "offset_min"] = np.asarray(offs, dtype=float)
    if bad.any():
        out.loc[idx[bad], "error"] = tr("a local time that exists in {tz} (clocks went forward): "
                                         "give a UTC offset").format(tz=tz)
        out.loc[idx[bad], "local"] = pd.NaT


def read_csv_text(path: PathLike, report: ImportReport, *, sep: Optional[str] = ",",
                  encoding: Optional[str] = None, text: Optional[str] = None) -> pd.DataFrame:
    """Every cell as a string ('' when empty); ``source_row`` = row number in the file (header = 1).

    ``sep=None`` sniffs ``,`` ``;`` tab or ``|``. Rows with more cells than the header are
    rejected; blank rows are reported as warnings and skipped. Encoding: UTF-8 (with or without
    BOM), else Windows-1252 with a warning.
    """
    name = Path(path).name if path is not None else "<text>"
    source = io.StringIO(text.lstrip("\ufeff")) if text is not None else Path(path)
    if sep is None:
        if text is not None:
            first = text.lstrip("\ufeff").split("\n", 1)[0]
        else:
            with open(path, "rb") as fh:
                first = fh.readline().decode("utf-8", errors="replace")
        sep = max([",", ";", "\t", "|"], key=first.count)
    enc = encoding or "utf-8-sig"
    options = {"sep": sep, "dtype": str, "keep_default_na": False, "na_filter": False,
                   "skip_blank_lines": False, "engine": "c"}
    try:
        try:
            frame = pd.read_csv(source, encoding=enc, **options)
        except UnicodeDecodeError:
            if encoding or text is not None:
                raise
            report.warn(name, 0, "", "", tr("file is not UTF-8: read as Windows-1252"))
            enc = "cp1252"
            frame = pd.read_csv(source, encoding=enc, **options)
        frame.insert(0, "source_row", np.arange(2, len(frame) + 2, dtype="int64"))
    except pd.errors.ParserError:
        if text is None:
            text = Path(path).read_bytes().decode(enc)
        frame = _read_csv_slow(text.lstrip("\ufeff"), sep, name, report)
    frame.columns = [c if c == "source_row" else str(c).strip() for c in frame.columns]
    data_cols = [c for c in frame.columns if c != "source_row"]
    if data_cols:
        candidates = (frame[data_cols[0]] == "").to_numpy()
        blank = np.zeros(len(frame), dtype=bool)
        if candidates.any():
            blank[candidates] = (frame.loc[candidates, data_cols] == "").all(axis=1).to_numpy()
        for row in frame.loc[blank, "source_row"]:
            report.warn(name, row, "", "", tr("blank row skipped"))
        if blank.any():
            frame = frame.loc[~blank].reset_index(drop=True)
    return frame


def _read_csv_slow(text: str, sep: str, name: str, report: ImportReport) -> pd.DataFrame:
    """Row-by-row reading, used only when a row does not match the header."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    header = next(reader)
    rows, numbers = [], []
    for number, cells in enumerate(reader, start=2):
        if len(cells) > len(header):
            report.reject(name, number, "", sep.join(cells)[:80],
                          tr("{expected} cells as in the header, found {found}").format(
                              expected=len(header), found=len(cells)))
            report.rows_read += 1
            continue
        rows.append(cells + [""] * (len(header) - len(cells)))
        numbers.append(number)
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame.insert(0, "source_row", np.asarray(numbers, dtype="int64"))
    return frame


@dataclass
class _Checked:
    """Result of checking one column: typed values and a per-row error (None when valid)."""

    values: pd.Series
    errors: np.ndarray
    extra: Dict[str, pd.Series] = field(default_factory=dict)


def _check_column(spec: FieldSpec, col: pd.Series, naive_tz: Optional[str],
                  group: Optional[pd.Series]) -> _Checked:
    if spec.type == "datetime":
        parsed = parse_datetimes(col, naive_tz=naive_tz, group=group,
                                 allow_date_only=spec.allow_date_only)
        errors = parsed["error"].to_numpy(dtype=object)
        empty = (col == "").to_numpy()
        _required(spec, empty, errors)
        return _Checked(parsed["utc"], errors, {"local": parsed["local"],
                                                "offset_min": parsed["offset_min"]})
    codes, uniques = pd.factorize(col, sort=False)
    u = pd.Series(uniques, dtype=object).str.strip()
    uniques = u.to_numpy()
    err_u = np.full(len(u), None, dtype=object)
    if spec.type in ("number", "integer"):
        num = pd.to_numeric(u.str.replace("\u00a0", "", regex=False), errors="coerce")
        bad = num.isna().to_numpy() & (u != "").to_numpy()
        err_u[bad] = tr("an integer") if spec.type == "integer" else tr("a number")
        if spec.type == "integer":
            frac = num.notna().to_numpy() & (np.mod(num.fillna(0).to_numpy(), 1) != 0)
            err_u[frac] = tr("an integer")
        if spec.minimum is not None:
            low = (num < spec.minimum).to_numpy() & (err_u == None)  # noqa: E711
            err_u[low] = tr("a value >= {minimum}").format(minimum=spec.minimum)
        if spec.maximum is not None:
            high = (num > spec.maximum).to_numpy() & (err_u == None)  # noqa: E711
            err_u[high] = tr("a value <= {maximum}").format(maximum=spec.maximum)
        typed_u = num.where(pd.Series(err_u).isna(), np.nan).astype(float)
        if spec.type == "integer":
            typed_u = typed_u.astype("Int64")
    elif spec.type == "boolean":
        truth = u.isin(spec.true_values)
        falsity = u.isin(spec.false_values)
        bad = ~(truth | falsity) & (u != "")
        err_u[bad.to_numpy()] = tr("one of {values}").format(
            values=" / ".join(spec.true_values[:1] + spec.false_values[:1]))
        typed_u = pd.Series(pd.array([True if t else (False if f else None)
                                      for t, f in zip(truth, falsity)], dtype="boolean"))
    elif spec.type == "date":
        typed_u = pd.to_datetime(u, format=spec.date_format, errors="coerce")
        bad = typed_u.isna() & (u != "")
        human = (spec.date_format.replace("%Y", "YYYY").replace("%m", "MM")
                 .replace("%d", "DD"))
        err_u[bad.to_numpy()] = tr("a date written {format}").format(format=human)
    else:
        typed_u = u.where(u != "", None)
        if spec.enum is not None:
            bad = ~u.isin(spec.enum) & (u != "")
            err_u[bad.to_numpy()] = tr("one of: {values}").format(values=", ".join(spec.enum))
        if spec.pattern is not None:
            rx = re.compile(spec.pattern)
            hint = None
            for i, text in enumerate(uniques):
                if text and err_u[i] is None and not rx.fullmatch(text):
                    hint = hint or _hint(spec)
                    err_u[i] = hint
    errors = err_u.take(codes) if len(u) else np.full(len(col), None, dtype=object)
    values = typed_u.take(codes).reset_index(drop=True) if len(u) else typed_u
    values.index = col.index
    empty = (codes < 0) | (uniques.take(codes) == "") if len(u) else np.ones(len(col), bool)
    _required(spec, empty, errors)
    return _Checked(values, errors)


def _required(spec: FieldSpec, empty: np.ndarray, errors: np.ndarray) -> None:
    if spec.required:
        errors[np.asarray(empty, dtype=bool)] = tr("a value (this field is required)")


def validate_table(raw: pd.DataFrame, specs: Sequence[FieldSpec], file: str,
                   report: ImportReport, *, primary_key: Optional[Sequence[str]] = None,
                   naive_tz: Optional[str] = None, group_field: Optional[str] = None,
                   extra_columns: str = "keep", warn_extra: bool = True
                   ) -> Tuple[pd.DataFrame, np.ndarray]:
    """Check ``raw`` (from :func:`read_csv_text`) against ``specs``.

    Returns the typed frame of *all* rows and a boolean mask of valid rows; every problem is
    added to ``report``. A datetime field ``x`` gives columns ``x`` (UTC), ``x_local`` and
    ``x_offset_min``. Missing required columns reject every row (one entry, row 0, plus one per
    row); missing optional columns are added empty. Columns outside the schema are kept or
    dropped (``extra_columns='keep'|'drop'``), with one file-level warning each unless
    ``warn_extra=False``.
    """
    n = len(raw)
    report.rows_read += n
    rows = raw["source_row"].to_numpy()
    valid = np.ones(n, dtype=bool)
    out = pd.DataFrame({"source_row": rows}, index=raw.index)
    known = {s.name for s in specs}
    for col in raw.columns:
        if warn_extra and col != "source_row" and col not in known:
            report.warn(file, 0, col, "", tr("column not in the schema (kept)")
                        if extra_columns == "keep" else tr("column not in the schema (ignored)"))
    group = raw[group_field] if group_field and group_field in raw.columns else None
    for spec in specs:
        if spec.name not in raw.columns:
            if spec.required:
                report.reject(file, 0, spec.name, "", tr("required column is missing"))
                for row in rows:
                    report.reject(file, row, spec.name, "",
                                  tr("a value (required column missing)"))
                valid[:] = False
            out[spec.name] = pd.Series([None] * n, index=raw.index, dtype=object)
            continue
        checked = _check_column(spec, raw[spec.name], naive_tz, group)
        out[spec.name] = checked.values
        for suffix, series in checked.extra.items():
            out[f"{spec.name}_{suffix}"] = series.to_numpy()
        bad = np.flatnonzero(checked.errors != None)  # noqa: E711
        if len(bad):
            values = raw[spec.name].to_numpy()
            for i in bad:
                report.reject(file, rows[i], spec.name, values[i], checked.errors[i])
            valid[bad] = False
    if primary_key:
        keys = raw[list(primary_key)]
        dup = keys.duplicated(keep="first").to_numpy()
        if dup.any():
            first_row = dict(zip(map(tuple, keys.loc[~dup].to_numpy()), rows[~dup]))
            for i in np.flatnonzero(dup):
                key = tuple(keys.iloc[i])
                report.reject(file, rows[i], ",".join(primary_key), ",".join(key),
                              tr("a unique key (already used at row {row})").format(
                                  row=first_row.get(key, "?")))
            valid[dup] = False
    if extra_columns == "keep":
        for col in raw.columns:
            if col != "source_row" and col not in known:
                out[col] = raw[col].where(raw[col] != "", None)
    return out, valid


def _finish(out: pd.DataFrame, valid: np.ndarray, report: ImportReport) -> pd.DataFrame:
    frame = out.loc[valid].reset_index(drop=True)
    report.rows_accepted += len(frame)
    report.rejected.sort(key=lambda r: (r.file, r.row))
    report.warnings.sort(key=lambda r: (r.file, r.row))
    return frame


# --------------------------------------------------------------------------------------------
# comptage des mobilités 0.2.x
# --------------------------------------------------------------------------------------------

MOBILITY_TYPES = ("BIKE", "TWO WHEELS MOTORIZED", "PEDESTRIAN", "E-SCOOTER", "HORSE-RIDER", "CAR",
                  "BUS", "MINIBUS", "TRUCK", "VAN", "TRAMWAY", "CANOE", "UNDEFINED")
COUNTER_TYPES = ("INDUCTIVE LOOP", "ELECTROMAGNETIC SENSOR", "PASSIVE INFRARED",
                 "ACTIVE INFRARED", "PIEZOELECTRIC SENSOR", "RADAR SENSOR", "VIDEO SENSOR",
                 "PNEUMATIC TUBE SENSOR", "SLAB SENSOR", "LIGHT BEAM SENSOR", "MANUAL",
                 "ACOUSTIC", "LIDAR", "OPTICAL FIBER SENSOR", "MAGNETOMETER", "OTHER")
INFRASTRUCTURE_TYPES = (
    "CYCLE TRACK", "CYCLE LANE", "CONTRAFLOW TRACK", "CONTRAFLOW LANE",
    "CONTRAFLOW CYCLING NOT MATERIALIZED", "GREENWAY", "BIKE ROAD", "SHARED BUSWAY", "RAMP",
    "GUTTER", "MIXED PEDESTRIAN/BICYCLE DEVELOPMENT NOT INCLUDING THE GREENWAY",
    "ROAD WITH BANALIZED CENTRAL TRACK", "COATED SHOULDER OUTSIDE THE RBCT",
    "OTHER SPECIFIC SITE", "OTHER SHARED USE ROUTE", "HIGHWAY", "EUROPEAN ROAD", "NATIONAL ROAD",
    "DEPARTEMENTAL ROAD", "METROPOLITAN ROAD", "MUNICIPAL ROAD", "FOOTPATH", "DEAD END",
    "FOREST ROADS", "SIDE ROADS", "TRUNK TRACK", "PRIVATE ROAD", "OTHER")
INSEE_PATTERN = r"^([013-9]\d|2[AB1-9])\d{3}$"


def _list_pattern(words: Iterable[str]) -> str:
    alternatives = "|".join(w.replace("-", "\\-") for w in words)
    return f"(?:(?:^|,)({alternatives}))+$"


SITE_FIELDS = [
    FieldSpec("site_id", required=True),
    FieldSpec("parent_site_id"),
    FieldSpec("site_name", required=True),
    FieldSpec("fr_insee_code", pattern=INSEE_PATTERN),
    FieldSpec("xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("external_ids"),
    FieldSpec("infrastructure_type", enum=INFRASTRUCTURE_TYPES),
]

CHANNEL_FIELDS = [
    FieldSpec("channel_id", required=True),
    FieldSpec("channel_provider_id"),
    FieldSpec("site_provider_id"),
    FieldSpec("site_id", required=True),
    FieldSpec("mobility_type", pattern=_list_pattern(MOBILITY_TYPES),
              hint=noop("comma-separated values among: {values}"), hint_values=MOBILITY_TYPES),
    FieldSpec("comment"),
    FieldSpec("counter_transmission_type", enum=("REMOTE TRANSMISSION", "MANUAL")),
    FieldSpec("publication_transmission_type", enum=("API", "MANUAL")),
    FieldSpec("counter_type", pattern=_list_pattern(COUNTER_TYPES),
              hint=noop("comma-separated values among: {values}"), hint_values=COUNTER_TYPES),
    FieldSpec("direction", enum=("N", "NW", "NE", "W", "SW", "S", "SE", "E")),
    FieldSpec("provider_direction_code"),
    FieldSpec("provider_direction_name"),
    FieldSpec("data_provider_name"),
    FieldSpec("temporality", required=True, enum=("TEMPORARY", "PERMANENT")),
    FieldSpec("started_at", "datetime", required=True),
    FieldSpec("ended_at", "datetime"),
    FieldSpec("last_updated_at", "datetime"),
    FieldSpec("time_step", "number"),
    FieldSpec("provider_portal_url"),
]

MEASURE_FIELDS = [
    FieldSpec("channel_id", required=True),
    FieldSpec("counter_id"),
    FieldSpec("start_datetime", "datetime", required=True),
    FieldSpec("end_datetime", "datetime"),
    FieldSpec("count", "number"),
]

#: Columns of the measure frame returned by :func:`read_measures` and :func:`read_mapped_measures`.
MEASURE_COLUMNS = ["channel_id", "counter_id", "start_utc", "start_local", "utc_offset_min",
                   "end_utc", "end_local", "duration_s", "count", "source_row"]


def read_sites(path: PathLike, *, report: Optional[ImportReport] = None
               ) -> Tuple[pd.DataFrame, ImportReport]:
    """Sites: ``site_id, parent_site_id, site_name, fr_insee_code, xlong, ylat (WGS84 degrees),
    external_ids, infrastructure_type, source_row``. Primary key ``site_id``."""
    report = report or ImportReport(str(path))
    name = Path(path).name
    raw = read_csv_text(path, report)
    out, valid = validate_table(raw, SITE_FIELDS, name, report, primary_key=["site_id"])
    return _finish(out, valid, report), report


def read_channels(path: PathLike, *, sites: Optional[Iterable[str]] = None,
                  report: Optional[ImportReport] = None) -> Tuple[pd.DataFrame, ImportReport]:
    """Channels (one counted direction and mode of a site). ``time_step`` in seconds (float,
    NaN when absent); ``started_at``/``ended_at``/``last_updated_at`` in UTC plus ``*_local``.
    With ``sites`` (ids), a channel whose ``site_id`` is unknown is rejected."""
    report = report or ImportReport(str(path))
    name = Path(path).name
    raw = read_csv_text(path, report)
    out, valid = validate_table(raw, CHANNEL_FIELDS, name, report, primary_key=["channel_id"])
    step = out["time_step"]
    bad_step = (step <= 0).to_numpy() & valid
    for i in np.flatnonzero(bad_step):
        report.reject(name, out["source_row"].iat[i], "time_step", raw["time_step"].iat[i],
                      tr("a time step in seconds > 0"))
    valid &= ~bad_step
    if sites is not None:
        known = set(sites)
        unknown = ~out["site_id"].isin(known).to_numpy() & valid
        for i in np.flatnonzero(unknown):
            report.reject(name, out["source_row"].iat[i], "site_id", out["site_id"].iat[i],
                          tr("a site_id present in the site file"))
        valid &= ~unknown
    return _finish(out, valid, report), report


def read_measures(path: PathLike, *, channels: Optional[Iterable[str]] = None,
                  report: Optional[ImportReport] = None, naive_tz: Optional[str] = None
                  ) -> Tuple[pd.DataFrame, ImportReport]:
    """Measures in the national schema → measure frame (:data:`MEASURE_COLUMNS`).

    ``count`` is float: NaN = no data (empty cell), 0.0 = no passage. Rejected: missing
    channel or start, malformed date-time or offset, end not after start, negative or
    non-numeric count, a second measure for the same channel and start instant, and (with
    ``channels``) an unknown channel.
    """
    report = report or ImportReport(str(path))
    raw = read_csv_text(path, report)
    return _measures_from_raw(raw, Path(path).name, report, channels, naive_tz)


def _measures_from_raw(raw, name, report, channels, naive_tz, fields=MEASURE_FIELDS):
    absent = [spec.name for spec in fields if not spec.required and spec.name not in raw.columns]
    if absent:  # optional columns (end_datetime, counter_id…) may be left out of a file
        raw = raw.assign(**dict.fromkeys(absent, ""))
    out, valid = validate_table(raw, fields, name, report, naive_tz=naive_tz,
                                group_field="channel_id")
    rows = out["source_row"].to_numpy()
    count = out["count"].to_numpy(dtype=float)
    neg = (count < 0) & valid
    for i in np.flatnonzero(neg):
        report.reject(name, rows[i], "count", raw["count"].iat[i], tr("a count >= 0"))
    valid &= ~neg
    start, end = out["start_datetime"], out["end_datetime"]
    order = (end.notna() & (end <= start)).to_numpy() & valid
    for i in np.flatnonzero(order):
        report.reject(name, rows[i], "end_datetime", raw["end_datetime"].iat[i],
                      tr("a date-time after start_datetime ({start})").format(
                          start=raw["start_datetime"].iat[i]))
    valid &= ~order
    if channels is not None:
        unknown = ~out["channel_id"].isin(set(channels)).to_numpy() & valid
        for i in np.flatnonzero(unknown):
            report.reject(name, rows[i], "channel_id", out["channel_id"].iat[i],
                          tr("a channel_id present in the channel file"))
        valid &= ~unknown
    keys = pd.DataFrame({"c": out["channel_id"], "t": start}).loc[valid]
    dup = keys.duplicated(keep="first")
    if dup.any():
        first = keys.loc[~dup].reset_index().set_index(["c", "t"])["index"]
        for idx in keys.index[dup.to_numpy()]:
            j = first.get((keys.at[idx, "c"], keys.at[idx, "t"]))
            report.reject(name, rows[idx], "start_datetime", raw["start_datetime"].iat[idx],
                          tr("one measure per channel and start (duplicate of row "
                             "{row})").format(row=rows[j] if j is not None else "?"))
        valid[keys.index[dup.to_numpy()]] = False
    frame = pd.DataFrame({
        "channel_id": out["channel_id"],
        "counter_id": out["counter_id"],
        "start_utc": start,
        "start_local": out["start_datetime_local"],
        "utc_offset_min": out["start_datetime_offset_min"],
        "end_utc": end,
        "end_local": out["end_datetime_local"],
        "duration_s": (end - start).dt.total_seconds(),
        "count": count,
        "source_row": rows,
    })
    return _finish(frame, valid, report), report


@dataclass
class ComptageData:
    """The three tables of one comptage des mobilités delivery, cross-checked."""

    sites: pd.DataFrame
    channels: pd.DataFrame
    measures: pd.DataFrame
    report: ImportReport


def read_comptage(site_path: PathLike, channel_path: PathLike, measure_path: PathLike
                  ) -> ComptageData:
    """Read site, channel and measure files; channels must name a known site and measures a
    known channel (referential checks are row rejections too)."""
    report = ImportReport("comptage des mobilités")
    sites, _ = read_sites(site_path, report=report)
    channels, _ = read_channels(channel_path, sites=sites["site_id"], report=report)
    measures, _ = read_measures(measure_path, channels=channels["channel_id"], report=report)
    return ComptageData(sites, channels, measures, report)


# --------------------------------------------------------------------------------------------
# mapped CSV (other vendors, manual counts)
# --------------------------------------------------------------------------------------------

def read_mapped_measures(path: PathLike, mapping: Mapping[str, Union[str, Sequence[str]]], *,
                         channel_columns: Optional[Mapping[str, str]] = None,
                         channel_id: Optional[str] = None, sep: Optional[str] = None,
                         timezone: str = "Europe/Paris", datetime_format: Optional[str] = None,
                         time_step_s: Optional[float] = None, decimal: str = ",",
                         report: Optional[ImportReport] = None,
                         ) -> Tuple[pd.DataFrame, ImportReport]:
    """A vendor CSV → the same measure frame as :func:`read_measures`.

    ``mapping`` maps our fields to the file's columns: ``start_datetime`` (required; a column
    name, or ``[date_column, time_column]`` joined with a space), and optionally ``channel_id``,
    ``counter_id``, ``end_datetime`` and ``count``. Layouts:

    - long: one row per channel and time (``mapping['channel_id']`` or a constant ``channel_id``
      for a single-counter file);
    - wide: one column per channel (``channel_columns={'Rue X vers gare': 'ch-12', ...}``), as
      in Eco-Counter exports.

    Values without UTC offset are read in ``timezone`` (the repeated hour when clocks go back:
    first occurrence summer time). ``datetime_format`` is a ``strptime`` format for non-ISO
    values (``%d/%m/%Y %H:%M``). Without an end column, ``end = start + time_step_s``.
    ``decimal`` is the decimal mark of counts (``1 234,0`` is read as 1234).
    """
    report = report or ImportReport(str(path))
    name = Path(path).name
    raw = read_csv_text(path, report, sep=sep)
    start_src = mapping.get("start_datetime")
    if start_src is None:
        raise ValueError(tr("mapping needs 'start_datetime' (a column, or [date column, time "
                            "column])"))
    needed = [start_src] if isinstance(start_src, str) else list(start_src)
    for key in ("channel_id", "counter_id", "end_datetime", "count"):
        if key in mapping:
            needed.append(mapping[key])
    needed += list(channel_columns or {})
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        present = ", ".join(c for c in raw.columns if c != "source_row")
        raise ValueError(tr("{file}: column(s) not found: {columns}; columns present: "
                            "{present}").format(file=name, columns=", ".join(missing),
                                                present=present))
    if isinstance(start_src, str):
        start = raw[start_src]
    else:
        start = raw[start_src[0]].str.strip() + " " + raw[start_src[1]].str.strip()
        start = start.str.strip()
    long = pd.DataFrame({"source_row": raw["source_row"], "start_datetime": start})
    long["end_datetime"] = raw[mapping["end_datetime"]] if "end_datetime" in mapping else ""
    long["counter_id"] = raw[mapping["counter_id"]] if "counter_id" in mapping else ""
    if channel_columns:
        parts = []
        for column, cid in channel_columns.items():
            part = long.copy()
            part["channel_id"] = cid
            part["count"] = raw[column]
            parts.append(part)
        long = pd.concat(parts, ignore_index=True)
    else:
        if "channel_id" in mapping:
            long["channel_id"] = raw[mapping["channel_id"]]
        elif channel_id is not None:
            long["channel_id"] = channel_id
        else:
            raise ValueError(tr("give mapping['channel_id'], channel_id=... or channel_columns"))
        long["count"] = raw[mapping["count"]] if "count" in mapping else ""
    counts = long["count"].astype(str).str.replace("\u00a0", "", regex=False)
    counts = counts.str.replace(" ", "", regex=False)
    if decimal != ".":
        counts = counts.str.replace(decimal, ".", regex=False)
    long["count"] = counts
    if datetime_format:
        for col in ("start_datetime", "end_datetime"):
            parsed = parse_datetimes(long[col], naive_tz=timezone, fmt=datetime_format,
                                     group=long["channel_id"])
            iso = parsed["local"].dt.strftime("%Y-%m-%dT%H:%M:%S")
            off = parsed["offset_min"]
            sign = np.where(off < 0, "-", "+")
            hhmm = (off.abs() // 60).fillna(0).astype(int).map("{:02d}".format) + ":" + (
                off.abs() % 60).fillna(0).astype(int).map("{:02d}".format)
            rebuilt = iso + sign + hhmm
            ok = parsed["error"].isna() & parsed["local"].notna()
            long[col] = np.where(ok, rebuilt, long[col])
    frame, report = _measures_from_raw(long, name, report, None, timezone,
                                       fields=_mapped_fields())
    if time_step_s and len(frame):
        no_end = frame["end_utc"].isna()
        step = pd.Timedelta(seconds=float(time_step_s))
        frame.loc[no_end, "end_utc"] = frame.loc[no_end, "start_utc"] + step
        frame.loc[no_end, "end_local"] = frame.loc[no_end, "start_local"] + step
        frame.loc[no_end, "duration_s"] = float(time_step_s)
    return frame, report


def _mapped_fields() -> List[FieldSpec]:
    return [FieldSpec("channel_id", required=True), FieldSpec("counter_id"),
            FieldSpec("start_datetime", "datetime", required=True, allow_date_only=True),
            FieldSpec("end_datetime", "datetime", allow_date_only=True),
            FieldSpec("count", "number")]
