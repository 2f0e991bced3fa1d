"""Delimited text tables: the one reading and validation path of every importer.

**Reading** (:func:`read_csv_text`): every cell comes back as a string, with ``source_row``, the
row number a spreadsheet shows (header = 1). The file conventions are detected, each one can be
forced by a parameter, and what was used is noted in the report (``report.conventions``):

- encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (Latin-1 for the
  few bytes Windows-1252 leaves undefined). A file holding NUL bytes without a UTF-16 BOM is
  refused (binary, or UTF-16 without BOM);
- separator: ``,`` ``;`` tab or ``|``, the one that splits the header line into the most
  columns (quoted text ignored);
- dBase-style headers written by shapefile tools (``ID,N,6,0``, ``NOM,C,80``) become ``ID``,
  ``NOM``; a header matches a schema field whatever its case (``XLONG`` is ``Xlong``);
- decimal mark: ``12,5`` and ``1 234,5`` are read as 12.5 and 1234.5 (French convention) unless
  the decimal mark is forced to ``.``;
- dates: ISO (``2007-01-24``), ``24/01/2007`` and ``24/01/07`` (years 00–68 are 2000–2068, 69–99
  are 1969–1999, as :func:`time.strptime` does), date-times with or without seconds and UTC
  offset; a ``strptime`` format can be forced.

**Validation** (:func:`validate_table`) checks a frame against :class:`FieldSpec` s (the subset
of the frictionless Table Schema that the French transport schemas use: types string, number,
integer, boolean, date, datetime; required, enum, pattern, minimum, maximum; primary key).
Every problem is a rejected row in the report, naming file, row, field, value and what was
expected. Values are never wrapped or silently changed; documented limits:

- dates and date-times lie between :data:`DATE_MIN_YEAR` and :data:`DATE_MAX_YEAR` (1900–2100)
  unless a field says otherwise (nanosecond timestamps overflow outside 1677–2262: 3025 would
  come back as 1856);
- numbers are finite (``inf``, ``NaN``, ``1e999`` are refused) and, unless a field gives its own
  bounds, within ±:data:`NUMBER_LIMIT` (10¹²: no quantity of the socle — counts, places,
  prices, coordinates in metres — comes near it, so a larger value is a typing or overflow
  error such as a count of 1e23);
- integers are whole numbers within that limit (so within int64).

A file that cannot be used at all (unreadable, a required column missing…) raises
:class:`~.report.SourceError` with a message that names the file and what to fix; nothing is
half-read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from .report import ImportReport, SourceError

PathLike = Union[str, Path]

DATE_MIN_YEAR = 1900
DATE_MAX_YEAR = 2100
NUMBER_LIMIT = 1e12
SEPARATORS = (",", ";", "\t", "|")
SEPARATOR_NAMES = {",": noop("comma"), ";": noop("semicolon"), "\t": noop("tab"),
                   "|": noop("pipe")}

TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


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
    date_format: Optional[str] = None  # None: ISO, dd/mm/yyyy or dd/mm/yy; else strptime
    hint: Optional[str] = None  # what to tell the user instead of the raw pattern (noop-marked)
    allow_date_only: bool = False  # datetime fields: accept a bare date (midnight)
    hint_values: Optional[Tuple[str, ...]] = None  # fills ``{values}`` in the hint


@dataclass(frozen=True)
class Conventions:
    """File conventions forced by the user; None means *detect*."""

    encoding: Optional[str] = None
    separator: Optional[str] = None
    decimal: Optional[str] = None       # "." refuses 12,5; "," or None read it as 12.5
    date_format: Optional[str] = None   # a strptime format for dates and date-times

    @classmethod
    def of(cls, value=None, **overrides) -> Conventions:
        """``value`` (Conventions, None) with the non-empty ``overrides`` applied."""
        base = value if isinstance(value, Conventions) else cls()
        given = {k: v for k, v in overrides.items() if v not in (None, "")}
        return cls(**{**base.__dict__, **given})


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


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------

_DBASE_HEADER = re.compile(r"^\s*([^,]+?)\s*,\s*[CNFLDMBIT]\s*(,\s*\d+\s*){0,2}$", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')


def decode_bytes(raw: bytes, name: str, report: ImportReport,
                 encoding: Optional[str] = None) -> str:
    """Text of a file's bytes (see the module docstring); the encoding used is noted."""
    if encoding:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise SourceError(tr("{file}: cannot be read as {encoding} ({error})").format(
                file=name, encoding=encoding, error=exc)) from exc
        report.note(name, "encoding", encoding)
        return text.lstrip("\ufeff")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(tr("{file}: announces UTF-16 but is damaged ({error})").format(
                file=name, error=exc)) from exc
        report.note(name, "encoding", "UTF-16")
        return text.lstrip("\ufeff")
    if b"\x00" in raw[:65536]:
        raise SourceError(tr("{file}: not a text file (it holds NUL bytes: a binary file, or "
                             "UTF-16 without byte-order mark); save it as CSV in UTF-8").format(
                                 file=name))
    try:
        text = raw.decode("utf-8-sig")
        report.note(name, "encoding", "UTF-8")
        return text
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        used = "Windows-1252"
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        used = "Latin-1"
    report.note(name, "encoding", used)
    report.warn(name, 0, "", "", tr("file is not UTF-8: read as {encoding}").format(
        encoding=used))
    return text


def sniff_separator(first_line: str) -> str:
    """The separator among :data:`SEPARATORS` that splits ``first_line`` the most (quoted text
    ignored; ``,`` when none occurs)."""
    bare = _QUOTED.sub("", first_line)
    return max(SEPARATORS, key=bare.count)


def clean_header(names: Sequence[str], name: str, report: ImportReport) -> List[str]:
    """Stripped header names, dBase-style suffixes removed (``ID,N,6,0`` → ``ID``), blank
    names ``column_N`` and duplicates made unique (``a``, ``a.1``) with a warning."""
    out: List[str] = []
    dbase = False
    for i, raw in enumerate(names):
        text = str(raw).strip().lstrip("\ufeff").strip()
        m = _DBASE_HEADER.match(text)
        if m:
            text, dbase = m.group(1), True
        if not text or text.startswith("Unnamed: "):
            text = f"column_{i + 1}"
        if text in out:
            k = 1
            while f"{text}.{k}" in out:
                k += 1
            report.warn(name, 1, text, text, tr("a column name used once (the second is read "
                                                "as {renamed})").format(renamed=f"{text}.{k}"))
            text = f"{text}.{k}"
        out.append(text)
    if dbase:
        report.note(name, "header", tr("dBase-style names (type and width removed)"))
    return out


def read_csv_text(path: Optional[PathLike], report: ImportReport, *,
                  sep: Optional[str] = None, encoding: Optional[str] = None,
                  text: Optional[str] = None, data: Optional[bytes] = None,
                  name: Optional[str] = None,
                  conventions: Optional[Conventions] = None,
                  keep: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Every cell as a string ('' when empty); ``source_row`` = row number in the file
    (header = 1).

    The source is ``path``, or ``data`` (bytes) or ``text`` named ``name``. ``sep`` and
    ``encoding`` (or ``conventions``) force what is otherwise detected; ``keep`` lists the only
    columns to read (large files). Rows with more cells than the header are rejected; blank
    rows are reported as warnings and skipped. Raises
    :class:`SourceError` for a file that cannot be read (missing, empty, binary, damaged).
    """
    conv = Conventions.of(conventions, separator=sep, encoding=encoding)
    name = name or (Path(path).name if path is not None else "<text>")
    if text is None:
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise SourceError(tr("{file}: cannot be read ({error})").format(
                    file=name, error=exc.strerror or exc)) from exc
        text = decode_bytes(data, name, report, conv.encoding)
    else:
        text = text.lstrip("\ufeff")
    if not text.strip():
        raise SourceError(tr("{file}: the file is empty (a header row is expected)").format(
            file=name))
    first = text.split("\n", 1)[0]
    separator = conv.separator or sniff_separator(first)
    if separator == "\\t":
        separator = "\t"
    report.note(name, "separator", tr(SEPARATOR_NAMES[separator])
                if separator in SEPARATOR_NAMES else repr(separator))
    options = {"sep": separator, "dtype": str, "keep_default_na": False, "na_filter": False,
               "skip_blank_lines": False, "engine": "c", "header": None}
    if keep is not None:
        try:
            names = next(csv.reader([first.rstrip("\r")], delimiter=separator))
        except csv.Error:
            names = []
        wanted = set(keep)
        names = clean_header(names, name, ImportReport(name))
        options["usecols"] = [i for i, n in enumerate(names) if n in wanted] or [0]
    try:
        frame = pd.read_csv(io.StringIO(text), **options)
        header, frame = list(frame.iloc[0]), frame.iloc[1:].reset_index(drop=True)
        frame.insert(0, "source_row", np.arange(2, len(frame) + 2, dtype="int64"))
        frame.columns = ["source_row"] + clean_header(header, name, report)
    except (pd.errors.ParserError, ValueError, IndexError):
        frame = _read_csv_slow(text, separator, name, report)
    except pd.errors.EmptyDataError as exc:
        raise SourceError(tr("{file}: the file is empty (a header row is expected)").format(
            file=name)) from exc
    if keep is not None:
        frame.attrs["header"] = names
    data_cols = [c for c in frame.columns if c != "source_row"]
    if data_cols:
        frame[data_cols] = frame[data_cols].fillna("")
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
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, len(text) + 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
        header = clean_header(next(reader), name, report)
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
    except (csv.Error, StopIteration) as exc:
        raise SourceError(tr("{file}: not a readable CSV file ({error})").format(
            file=name, error=exc)) from exc
    finally:
        csv.field_size_limit(old)
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame.insert(0, "source_row", np.asarray(numbers, dtype="int64"))
    return frame


def columns_text(frame: pd.DataFrame) -> str:
    """The file's column names (all of them, even when only some were read)."""
    names = frame.attrs.get("header") or [c for c in frame.columns if c != "source_row"]
    return ", ".join(str(c) for c in names) or "-"


def missing_columns_error(file: str, missing: Sequence[str], frame: pd.DataFrame,
                          report: ImportReport) -> SourceError:
    """The refusal of a file that lacks required columns: names them, the columns read, and
    the separator and encoding used (a wrong one is the usual cause)."""
    used = report.conventions.get(file, {})
    return SourceError(tr(
        "{file}: required column(s) not found: {missing}; columns read: {present} (separator "
        "{sep}, encoding {encoding}). Check the header row, the separator and the "
        "encoding.").format(file=file, missing=", ".join(missing), present=columns_text(frame),
                            sep=used.get("separator", "?"), encoding=used.get("encoding", "?")))


def match_columns(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """Rename the columns that equal one of ``names`` but for case and surrounding spaces."""
    folded = {n.casefold(): n for n in names}
    present = set(frame.columns)
    renames = {}
    for col in frame.columns:
        target = folded.get(str(col).strip().casefold())
        if target and target != col and target not in present and target not in renames.values():
            renames[col] = target
    return frame.rename(columns=renames) if renames else frame


# --------------------------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$")


def parse_numbers(values: pd.Series, decimal: Optional[str] = None) -> Tuple[np.ndarray,
                                                                                np.ndarray]:
    """(float array with NaN where unreadable or empty, bool array: a decimal comma was read).

    Spaces (also non-breaking and thin) are thousands separators; with ``decimal`` None or
    ``","``, ``12,5`` and ``1.234,5`` are 12.5 and 1234.5.
    """
    text = values.astype(str).str.replace(_SPACES, "", regex=True)
    comma = np.zeros(len(text), dtype=bool)
    if decimal != ".":
        comma = text.str.match(_COMMA_DECIMAL).to_numpy(dtype=bool)
        if comma.any():
            fixed = text[comma].str.replace(".", "", regex=False).str.replace(",", ".",
                                                                             regex=False)
            text = text.where(~comma, fixed)
    number = np.asarray(pd.to_numeric(text, errors="coerce"), dtype=float)
    overflow = np.isnan(number) & text.str.fullmatch(_FLOAT).to_numpy(dtype=bool)
    if overflow.any():  # 1e999: a number, but not a finite one
        number[overflow] = [float(t) for t in text[overflow]]
    return number, comma


def _in_range(year: int) -> bool:
    return DATE_MIN_YEAR <= year <= DATE_MAX_YEAR


def date_range_text() -> str:
    return tr("a date between {first} and {last}").format(first=f"{DATE_MIN_YEAR}-01-01",
                                                          last=f"{DATE_MAX_YEAR}-12-31")


_DATE_RE = re.compile(r"^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}))"
                      r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?"
                      r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")
_FR_LONG, _FR_SHORT = "dd/mm/yyyy", "dd/mm/yy"


@dataclass
class ParsedDate:
    value: Optional[dt.datetime] = None
    offset_min: Optional[int] = None
    error: Optional[str] = None
    form: str = "ISO 8601"
    has_time: bool = False
    out_of_range: bool = False


def parse_date_text(text: str, fmt: Optional[str] = None) -> ParsedDate:
    """One date or date-time string (see the module docstring); the year range is checked
    *before* any conversion to a timestamp."""
    text = text.strip()
    if fmt:
        try:
            value = dt.datetime.strptime(text, fmt)
        except ValueError:
            return ParsedDate(error=tr("a date written {format}").format(format=fmt))
        if not _in_range(value.year):
            return ParsedDate(error=date_range_text(), out_of_range=True)
        return ParsedDate(value, None, None, fmt, True)
    m = _DATE_RE.match(text)
    if not m:
        return ParsedDate(error=tr("a date written YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY"))
    y, mo, d, fd, fm, fy, hh, mi, ss, frac, off = m.groups()
    form = "ISO 8601"
    if y is None:
        d, mo = fd, fm
        if len(fy) == 2:
            y, form = str(int(fy) + (2000 if int(fy) < 69 else 1900)), _FR_SHORT
        else:
            y, form = fy, _FR_LONG
    if not _in_range(int(y)):
        return ParsedDate(error=date_range_text(), out_of_range=True)
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        value = dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0),
                            micro)
    except ValueError as exc:
        return ParsedDate(error=tr("a valid calendar date-time ({error})").format(error=exc))
    minutes = None
    if off is not None:
        if off == "Z":
            minutes = 0
        else:
            digits = off[1:].replace(":", "")
            minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            if minutes > 14 * 60:
                return ParsedDate(error=tr("a UTC offset between -14:00 and +14:00"))
            minutes = -minutes if off[0] == "-" else minutes
    return ParsedDate(value, minutes, None, form, hh is not None)


DATETIME_EXPECTED = noop("an ISO 8601 date-time with a UTC offset, e.g. "
                         "2022-03-27T10:00:00+02:00")


def parse_datetimes(values: pd.Series, *, naive_tz: Optional[str] = None,
                    allow_date_only: bool = False, fmt: Optional[str] = None,
                    group: Optional[pd.Series] = None,
                    forms: Optional[set] = None) -> pd.DataFrame:
    """Parse date-time strings once per distinct value.

    Returns a frame aligned on ``values`` with columns ``utc`` (aware UTC), ``local`` (naive
    wall-clock), ``offset_min`` (float) and ``error`` (None or what was expected). Empty strings
    give NaT and no error (the caller checks ``required``).

    ``naive_tz``: time zone for values without an offset (None: such values are errors).
    ``fmt``: a ``strptime`` format (e.g. ``%d/%m/%Y %H:%M``) for other vendor exports; such
    values are naive. ``group``: series (e.g. the channel) used to resolve the repeated hour
    when clocks go back: within a group, the first occurrence is summer time, the second winter.
    ``forms`` (a set) receives the written forms met (ISO 8601, dd/mm/yyyy…).
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
        p = parse_date_text(text, fmt)
        if p.error is None and not p.has_time and not allow_date_only:
            p.error = tr("an ISO 8601 date-time with a UTC offset, e.g. "
                         "2022-03-27T10:00:00+02:00 (a time is required)")
        if p.error is None and p.offset_min is None and naive_tz is None:
            p.error = tr("an ISO 8601 date-time with a UTC offset, e.g. "
                         "2022-03-27T10:00:00+02:00 (the UTC offset is missing)")
        if p.error:
            errors[i] = p.error
            continue
        if forms is not None:
            forms.add(p.form)
        local[i] = np.datetime64(p.value, "ns")
        if p.offset_min is None:
            naive[i] = True
        else:
            offset[i] = p.offset_min
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
    out.loc[codes < 0, ["error"]] = None
    return out


def _localize_naive(out: pd.DataFrame, row_naive: np.ndarray, tz: str,
                    group: Optional[pd.Series]) -> None:
    sub = out.loc[row_naive, "local"]
    keys = [group[row_naive]] if group is not None else []
    first = ~pd.DataFrame({"k": keys[0] if keys else 0, "t": sub}).duplicated(keep="first")
    try:
        localized = pd.DatetimeIndex(sub).tz_localize(tz, ambiguous=first.to_numpy(),
                                                      nonexistent="NaT")
    except Exception as exc:  # noqa: BLE001 - pytz / zoneinfo raise their own types
        raise SourceError(tr("{tz} is not a known time zone (e.g. Europe/Paris)").format(
            tz=tz)) from exc
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


# --------------------------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------------------------

@dataclass
class _Checked:
    """Result of checking one column: typed values and a per-row error (None when valid)."""

    values: pd.Series
    errors: np.ndarray
    extra: Dict[str, pd.Series] = field(default_factory=dict)
    notes: Dict[str, str] = field(default_factory=dict)


def _check_numbers(spec: FieldSpec, u: pd.Series, err_u: np.ndarray, decimal, notes):
    num, comma = parse_numbers(u, decimal)
    filled = (u != "").to_numpy()
    word = tr("an integer") if spec.type == "integer" else tr("a number")
    err_u[np.isnan(num) & filled] = word
    infinite = np.isinf(num)
    err_u[infinite] = tr("a finite number")
    num = np.where(infinite, np.nan, num)
    if comma.any():
        notes["decimal"] = tr("comma")
    if spec.type == "integer":
        frac = ~np.isnan(num) & (np.mod(np.nan_to_num(num), 1) != 0)
        err_u[frac & (err_u == None)] = word  # noqa: E711
    low = spec.minimum if spec.minimum is not None else -NUMBER_LIMIT
    high = spec.maximum if spec.maximum is not None else NUMBER_LIMIT
    with np.errstate(invalid="ignore"):
        below = (num < low) & (err_u == None)  # noqa: E711
        above = (num > high) & (err_u == None)  # noqa: E711
    err_u[below] = (tr("a value >= {minimum}").format(minimum=spec.minimum)
                    if spec.minimum is not None else
                    tr("a value >= {minimum} (larger values are typing errors)").format(
                        minimum=f"{-NUMBER_LIMIT:g}"))
    err_u[above] = (tr("a value <= {maximum}").format(maximum=spec.maximum)
                    if spec.maximum is not None else
                    tr("a value <= {maximum} (larger values are typing errors)").format(
                        maximum=f"{NUMBER_LIMIT:g}"))
    typed = pd.Series(np.where(pd.isna(pd.Series(err_u)).to_numpy(), num, np.nan), dtype=float)
    if spec.type == "integer":
        typed = typed.astype("Int64")
    return typed


def _check_dates(spec: FieldSpec, u: pd.Series, err_u: np.ndarray, fmt, notes):
    fmt = spec.date_format or fmt
    values = np.empty(len(u), dtype="datetime64[ns]")
    values[:] = np.datetime64("NaT")
    forms = set()
    for i, text in enumerate(u):
        if not text:
            continue
        p = parse_date_text(text, fmt)
        if p.error:
            strict = spec.date_format is not None and not p.out_of_range
            err_u[i] = tr("a date written {format}").format(
                format=_human(spec.date_format)) if strict else p.error
            continue
        values[i] = np.datetime64(p.value.replace(hour=0, minute=0, second=0, microsecond=0),
                                  "ns")
        forms.add(p.form)
    if forms - {"ISO 8601"}:
        notes["dates"] = ", ".join(sorted(forms))
    return pd.Series(values)


def _human(fmt: str) -> str:
    return fmt.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD").replace(
        "%y", "YY").replace("%H", "HH").replace("%M", "MM").replace("%S", "SS")


def _check_column(spec: FieldSpec, col: pd.Series, naive_tz: Optional[str],
                  group: Optional[pd.Series], conv: Conventions) -> _Checked:
    if spec.type == "datetime":
        forms: set = set()
        parsed = parse_datetimes(col, naive_tz=naive_tz, group=group,
                                 allow_date_only=spec.allow_date_only,
                                 fmt=spec.date_format or conv.date_format, forms=forms)
        errors = parsed["error"].to_numpy(dtype=object)
        empty = (col.astype(str).str.strip() == "").to_numpy()
        _required(spec, empty, errors)
        notes = {"dates": ", ".join(sorted(forms))} if forms - {"ISO 8601"} else {}
        return _Checked(parsed["utc"], errors, {"local": parsed["local"],
                                                "offset_min": parsed["offset_min"]}, notes)
    codes, uniques = pd.factorize(col, sort=False)
    u = pd.Series(uniques, dtype=object).astype(str).str.strip()
    uniques = u.to_numpy()
    err_u = np.full(len(u), None, dtype=object)
    notes: Dict[str, str] = {}
    if spec.type in ("number", "integer"):
        typed_u = _check_numbers(spec, u, err_u, conv.decimal, notes)
    elif spec.type == "boolean":
        truth = u.isin(spec.true_values)
        falsity = u.isin(spec.false_values)
        bad = ~(truth | falsity) & (u != "")
        err_u[bad.to_numpy()] = tr("one of {values}").format(
            values=" / ".join(spec.true_values[:1] + spec.false_values[:1]))
        typed_u = pd.Series(pd.array([True if t else (False if f else None)
                                      for t, f in zip(truth, falsity)], dtype="boolean"))
    elif spec.type == "date":
        typed_u = _check_dates(spec, u, err_u, conv.date_format, notes)
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
    return _Checked(values, errors, notes=notes)


def _required(spec: FieldSpec, empty: np.ndarray, errors: np.ndarray) -> None:
    if spec.required:
        errors[np.asarray(empty, dtype=bool)] = tr("a value (this field is required)")


def validate_table(raw: pd.DataFrame, specs: Sequence[FieldSpec], file: str,
                   report: ImportReport, *, primary_key: Optional[Sequence[str]] = None,
                   naive_tz: Optional[str] = None, group_field: Optional[str] = None,
                   extra_columns: str = "keep", warn_extra: bool = True,
                   conventions: Optional[Conventions] = None
                   ) -> Tuple[pd.DataFrame, np.ndarray]:
    """Check ``raw`` (from :func:`read_csv_text`) against ``specs``.

    Returns the typed frame of *all* rows and a boolean mask of valid rows; every problem is
    added to ``report``. A datetime field ``x`` gives columns ``x`` (UTC), ``x_local`` and
    ``x_offset_min``. Headers match the fields whatever their case. A missing required column
    refuses the file (:class:`SourceError`: a renamed key, a wrong separator, another encoding
    or a truncated header); missing optional columns are added empty. Columns outside the
    schema are kept or dropped (``extra_columns='keep'|'drop'``), with one file-level warning
    each unless ``warn_extra=False``.
    """
    conv = conventions or Conventions()
    raw = match_columns(raw, [s.name for s in specs])
    missing = [s.name for s in specs if s.required and s.name not in raw.columns]
    if missing:
        raise missing_columns_error(file, missing, raw, report)
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
            out[spec.name] = pd.Series([None] * n, index=raw.index, dtype=object)
            continue
        checked = _check_column(spec, raw[spec.name], naive_tz, group, conv)
        for key, value in checked.notes.items():
            report.note(file, key, value)
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
                report.reject(file, rows[i], ",".join(primary_key), ",".join(map(str, key)),
                              tr("a unique key (already used at row {row})").format(
                                  row=first_row.get(key, "?")))
            valid[dup] = False
    if extra_columns == "keep":
        for col in raw.columns:
            if col != "source_row" and col not in known:
                out[col] = raw[col].where(raw[col] != "", None)
    return out, valid


def finish(out: pd.DataFrame, valid: np.ndarray, report: ImportReport) -> pd.DataFrame:
    """The valid rows of a validated frame, counted as accepted; the report sorted by row."""
    frame = out.loc[valid].reset_index(drop=True)
    report.rows_accepted += len(frame)
    report.rejected.sort(key=lambda r: (r.file, r.row))
    report.warnings.sort(key=lambda r: (r.file, r.row))
    return frame


def text_columns(frame: pd.DataFrame, optional: Sequence[str], skip: str = "row") -> None:
    """Add the ``optional`` columns a file lacks (empty) and strip every text column but
    ``skip`` (in place)."""
    for column in optional:
        if column not in frame.columns:
            frame[column] = ""
    for column in frame.columns:
        if column != skip:
            frame[column] = frame[column].astype(str).str.strip()


ROW_COLUMNS = ("source_row", "row")


def repeated(out: pd.DataFrame, valid: np.ndarray, keys: Sequence[str]) -> np.ndarray:
    """Valid rows whose ``keys`` repeat those of another valid row, found the same whatever
    the order of the file's rows: where the rows of a key are copies of each other (the same
    value in every column but the row number), every copy after the first; where they
    differ, every row of that key (keeping one would depend on the order)."""
    valid = np.asarray(valid, dtype=bool)
    dup = np.zeros(len(out), dtype=bool)
    keys = list(keys)
    sub = out.loc[valid]
    shared = sub[keys].duplicated(keep=False).to_numpy()
    if not shared.any():
        return dup
    group = sub[shared]
    values = [c for c in group.columns if c not in ROW_COLUMNS]
    text = group[values].astype(str)  # NaN, None and lists compared as text
    copies = text.duplicated().to_numpy()
    distinct = text[~copies]
    conflicting = distinct[keys].duplicated(keep=False)
    bad_keys = set(map(tuple, distinct.loc[conflicting.to_numpy(), keys].to_numpy().tolist()))
    in_conflict = np.array([tuple(k) in bad_keys for k in text[keys].to_numpy().tolist()],
                           dtype=bool)
    positions = np.flatnonzero(valid)[shared]
    dup[positions] = copies | in_conflict
    return dup


def reject_rows(report: ImportReport, file: str, mask: np.ndarray, rows, field_name: str,
                values, reason) -> np.ndarray:
    """Reject the rows of ``mask`` (``reason``: a text, or a function of the position) and
    return ``~mask`` (the rows still valid)."""
    mask = np.asarray(mask, dtype=bool)
    for i in np.flatnonzero(mask):
        value = values[i] if not np.isscalar(values) else values
        report.reject(file, rows[i], field_name, value, reason(i) if callable(reason) else reason)
    return ~mask


def mapped_table(path: PathLike, specs: Sequence[FieldSpec], report: ImportReport, *,
                 mapping: Optional[Mapping[str, object]] = None,
                 conventions: Optional[Conventions] = None, primary_key=None, **kw
                 ) -> Tuple[pd.DataFrame, np.ndarray, Dict[str, str]]:
    """Read a CSV whose columns are named through ``mapping`` (our field → file column; by
    default the field's own name) and validate it: ``(typed frame, valid mask, columns)``.

    A required column absent from the file refuses it, naming the columns present.
    """
    name = Path(path).name
    cols = {s.name: s.name for s in specs}
    cols.update({k: v for k, v in (mapping or {}).items() if isinstance(v, str)})
    raw = read_csv_text(path, report, conventions=conventions)
    raw = match_columns(raw, list(cols.values()))
    missing = [f"{cols[s.name]} ({s.name})" if cols[s.name] != s.name else s.name
               for s in specs if s.required and cols[s.name] not in raw.columns]
    if missing:
        raise missing_columns_error(name, missing, raw, report)
    renamed = pd.DataFrame({"source_row": raw["source_row"]})
    for key, col in cols.items():
        if col in raw.columns:
            renamed[key] = raw[col]
    out, valid = validate_table(renamed, specs, name, report, primary_key=primary_key,
                                warn_extra=False, conventions=conventions, **kw)
    return out, valid, cols
