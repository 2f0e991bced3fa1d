"""Parking sessions CSV (car-park tickets, subscribers' passages, paid on-street sessions) →
arrays, fast enough for millions of rows.

Columns (renamed through a mapping, our field → the file's column): ``parking_id`` (car park
or on-street zone, required), ``entry`` (required), ``exit`` (required column; an empty value is
a session still open), ``amount`` (€, optional), ``ticket`` (the operator's id, optional).

**Two readers, one result.** :func:`read_sessions` first parses the file's bytes with numpy
(no Python object per value): a header line, separators ``,`` ``;`` tab or ``|``, LF or CRLF
line ends, UTF-8 (with or without BOM), no quoted field, the same number of fields on every
line. Anything else (quotes, another encoding, a line with another number of fields, a blank
line inside the file) sends the whole file through the one CSV reading path of every importer
(:func:`.tabular.read_csv_text`: encodings, separators, dBase headers, rows with too many
cells rejected). Both give the same values and the same rejections: the values the byte
reader cannot read in its fast forms are read one by one by the same functions as the
tabular path.

Values:

- date-times are local wall-clock times, as operators export them: ``YYYY-MM-DD HH:MM[:SS]``
  (space or ``T``) and ``DD/MM/YYYY HH:MM[:SS]`` are read by the byte reader; every other form
  of :func:`.tabular.parse_date_text` too (``DD/MM/YY``, fractions of a second, a forced
  ``strptime`` format), one distinct value at a time. A value with a UTC offset is converted to
  the wall clock of ``timezone``. A date without a time, a year outside 1900–2100 or an
  impossible date is rejected;
- amounts: ``12.5``, ``12,5`` (decimal comma, unless the decimal mark is forced to ``.``),
  ``1 234,50``; finite and within ±10¹²;
- car park and ticket ids are stripped of surrounding spaces.

:func:`check_sessions` then rejects what cannot be a session: no car park, no entry, an exit
before the entry, a stay longer than the maximum (default 7 days; exactly 7 days is kept), a
negative amount, a ticket id used twice for the same car park. An empty exit is kept: an open
session (the dwell statistics count it apart and never guess its length).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple, Union

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from ...i18n import tr
from .report import ImportReport, SourceError
from .tabular import (
    NUMBER_LIMIT,
    SEPARATOR_NAMES,
    SEPARATORS,
    Conventions,
    clean_header,
    match_columns,
    missing_columns_error,
    parse_date_text,
    parse_numbers,
    read_csv_text,
    sniff_separator,
)

PathLike = Union[str, Path]
FIELDS = ("parking_id", "entry", "exit", "amount", "ticket")
REQUIRED = ("parking_id", "entry", "exit")
NAT = np.iinfo(np.int64).min
NS = 1_000_000_000
MAX_STAY_DAYS = 7.0
#: The largest maximum stay accepted (days): stays are stored as int32 seconds (68 years).
STAY_LIMIT_DAYS = 24_000
#: int64 nanoseconds of 1900-01-01 and 2101-01-01 (the limits of every date of the socle).
_FIRST_NS = int(pd.Timestamp("1900-01-01").value)
_END_NS = int(pd.Timestamp("2101-01-01").value)

_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)
_CUM_DAYS = np.array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], dtype=np.int64)
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0, 0, 0],
                       dtype=np.int64)
#: Byte positions of ``DD/MM/YYYY HH:MM:SS`` in ISO order (``YYYY-MM-DD HH:MM:SS``).
_FRENCH_ORDER = np.array([6, 7, 8, 9, 2, 3, 4, 0, 1, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18])


class NotSimpleCsvError(Exception):
    """The file is not in the simple form the byte reader handles (the tabular path reads it)."""


@dataclass
class Sessions:
    """Sessions as read, one entry per data row of the file (rejected rows included, see
    ``bad``): ``parking`` and ``ticket`` are categoricals of the stripped ids (code -1 =
    empty); ``entry`` and ``exit`` int64 nanoseconds of local wall-clock time (:data:`NAT`
    when empty or unreadable); ``amount`` floats (NaN when empty or unreadable); ``rows`` the
    row numbers a spreadsheet shows (header = 1); ``bad`` the rows with an unreadable value
    (already in the report); ``columns`` our field → the file's column; ``reader`` ``numpy``
    or ``text``."""

    parking: pd.Categorical
    entry: np.ndarray
    exit: np.ndarray
    amount: Optional[np.ndarray]
    ticket: Optional[pd.Categorical]
    rows: np.ndarray
    bad: np.ndarray
    columns: Dict[str, str]
    reader: str
    forms: set = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.rows)


def read_sessions(path: PathLike, report: ImportReport, *,
                  mapping: Optional[Mapping[str, str]] = None,
                  conventions: Optional[Conventions] = None, timezone: str = "Europe/Paris",
                  byte_reader: bool = True) -> Sessions:
    """Read a sessions CSV (module docstring). ``mapping``: our field → the file's column
    (default: the field's own name). Unreadable values are rejected into ``report`` (file,
    row, column, value, what was expected); a file that cannot be used raises
    :class:`SourceError`. ``byte_reader=False`` forces the tabular path."""
    conv = conventions or Conventions()
    name = Path(path).name
    cols = {f: f for f in FIELDS}
    cols.update({k: str(v) for k, v in (mapping or {}).items() if k in FIELDS and v})
    unknown = sorted(set(mapping or {}) - set(FIELDS))
    if unknown:
        raise SourceError(tr("{file}: the mapping names unknown field(s) {fields}; the fields "
                             "are {known}").format(file=name, fields=", ".join(unknown),
                                                  known=", ".join(FIELDS)))
    if byte_reader:
        scratch = ImportReport(report.source)
        try:
            sessions = _read_bytes(path, name, cols, conv, scratch, timezone)
        except NotSimpleCsvError:
            sessions = None
        if sessions is not None:
            report.extend(scratch)
            return sessions
    return _read_text(path, name, cols, conv, report, timezone)


# ---------------------------------------------------------------------------------------------
# the byte reader
# ---------------------------------------------------------------------------------------------

def _simple_encoding(conv: Conventions) -> bool:
    if not conv.encoding:
        return True
    try:
        return codecs.lookup(conv.encoding).name in ("utf-8", "utf-8-sig", "ascii")
    except LookupError:
        return False


def _read_bytes(path, name, cols, conv, report, timezone) -> Sessions:
    if not _simple_encoding(conv) or conv.date_format:
        raise NotSimpleCsvError("conventions")
    if not Path(path).is_file():
        raise NotSimpleCsvError("unreadable")
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotSimpleCsvError("UTF-16")
    if b'"' in data or b"\x00" in data:  # quoted fields; NUL bytes (binary, UTF-16)
        raise NotSimpleCsvError("quotes or NUL")
    first = 3 if data.startswith(codecs.BOM_UTF8) else 0
    if not data.isascii():
        try:
            data[first:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotSimpleCsvError("not UTF-8") from exc
    end = len(data)
    while end > first and data[end - 1] in (10, 13, 32):  # trailing line ends and spaces
        end -= 1
    if end <= first:
        raise NotSimpleCsvError("empty")
    pad = np.zeros(end + 65, dtype=np.uint8)  # room for a final newline and the windows
    pad[:end] = np.frombuffer(data, dtype=np.uint8, count=end)
    del data
    pad[end] = 10
    buf = pad[:end + 1]
    newlines = np.flatnonzero(buf == 10)
    header_text = bytes(buf[first:newlines[0]]).decode("utf-8").rstrip("\r")
    sep = conv.separator or sniff_separator(header_text)
    sep = "\t" if sep == "\\t" else sep
    if sep not in SEPARATORS or len(newlines) < 2:
        raise NotSimpleCsvError("separator or no data")
    names = clean_header(header_text.split(sep), name, report)
    ends = newlines[1:]
    starts = np.concatenate(([newlines[0] + 1], ends[:-1] + 1))
    ends = ends - (buf[np.maximum(ends - 1, 0)] == 13)  # CRLF
    n, nf = len(ends), len(names)
    body = newlines[0] + 1
    seps = np.flatnonzero(buf[body:] == ord(sep)) + body
    if len(seps) != n * (nf - 1):
        raise NotSimpleCsvError("field count")
    seps = seps.reshape(n, nf - 1) if nf > 1 else np.empty((n, 0), dtype=np.int64)
    if nf > 1 and ((seps[:, 0] < starts) | (seps[:, -1] >= ends)).any():
        raise NotSimpleCsvError("field count")
    if ((ends - starts) <= 0).any():  # a blank line inside the file
        raise NotSimpleCsvError("blank line")
    frame = match_columns(pd.DataFrame(columns=names), list(cols.values()))
    position = {c: j for j, c in enumerate(frame.columns)}
    _require(name, cols, frame, position, report, sep)
    report.note(name, "encoding", "UTF-8")
    report.note(name, "separator", tr(SEPARATOR_NAMES[sep]))

    def span(field_name):
        j = position.get(cols[field_name])
        if j is None:
            return None
        lo = starts if j == 0 else seps[:, j - 1] + 1
        hi = ends if j == nf - 1 else seps[:, j]
        return lo, hi - lo

    rows = np.arange(2, n + 2, dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    forms: set = set()
    out = {}
    for key in ("parking_id", "ticket"):
        s = span(key)
        out[key] = None if s is None else _keys(pad, *s)
    for key in ("entry", "exit"):
        lo, length = span(key)
        ns, wrong, french, iso = _fast_datetimes(pad, lo, length)
        if french:
            forms.add("dd/mm/yyyy")
        if iso:
            forms.add("ISO 8601")
        if wrong.any():
            texts = np.array([_text(pad, lo[i], length[i]) for i in np.flatnonzero(wrong)],
                             dtype=object)
            ns_w, errors, used = _datetime_texts(texts, timezone, None)
            forms |= used
            ns[wrong] = ns_w
            _reject(report, name, rows, cols[key], np.flatnonzero(wrong), texts, errors, bad)
        out[key] = ns
    s = span("amount")
    if s is not None:
        value, wrong, comma = _fast_decimals(pad, *s, allow_comma=conv.decimal != ".")
        if wrong.any():
            texts = np.array([_text(pad, s[0][i], s[1][i]) for i in np.flatnonzero(wrong)],
                             dtype=object)
            value_w, errors, comma_w = _number_texts(texts, conv.decimal)
            value[wrong] = value_w
            comma = comma or comma_w
            _reject(report, name, rows, cols["amount"], np.flatnonzero(wrong), texts, errors,
                    bad)
        if comma:
            report.note(name, "decimal", tr("comma"))
        out["amount"] = value
    else:
        out["amount"] = None
    _note_forms(report, name, forms)
    return Sessions(out["parking_id"], out["entry"], out["exit"], out["amount"], out["ticket"],
                    rows, bad, cols, "numpy", forms)


def _require(name, cols, frame, position, report, sep) -> None:
    missing = [f"{cols[f]} ({f})" if cols[f] != f else f for f in REQUIRED
               if cols[f] not in position]
    if missing:
        report.note(name, "separator", tr(SEPARATOR_NAMES.get(sep, sep)))
        report.note(name, "encoding", report.conventions.get(name, {}).get("encoding",
                                                                            "UTF-8"))
        raise missing_columns_error(name, missing, frame, report)


def _padded(buf: np.ndarray, size: int) -> np.ndarray:
    """``buf`` with zeros after it up to ``size`` bytes (windows may look past the file)."""
    if len(buf) >= size:
        return buf
    return np.concatenate([buf, np.zeros(size - len(buf), dtype=np.uint8)])


def _text(buf: np.ndarray, start: int, length: int) -> str:
    return bytes(buf[start:start + length]).decode("utf-8", "replace")


def _keys(buf: np.ndarray, start: np.ndarray, length: np.ndarray) -> pd.Categorical:
    """Ids as categories: the bytes of each id as little-endian uint64 words (bytes past its
    end masked out), factorized word by word; then the labels stripped (ids differing only by
    surrounding spaces are one id; an empty or blank id is missing, code -1)."""
    n = len(start)
    if not n:
        return pd.Categorical.from_codes(np.zeros(0, dtype=np.int64), [])
    width = max(8, int((length.max() + 7) // 8 * 8))
    buf = _padded(buf, int(start.max()) + width)
    words = sliding_window_view(buf, width)[start]
    words = np.ascontiguousarray(words).view("<u8")  # (n, width / 8)
    codes = np.zeros(n, dtype=np.int64)
    for w in range(width // 8):
        valid = np.minimum(np.maximum(length - 8 * w, 0), 8).astype(np.uint64)
        mask = np.where(valid >= 8, np.uint64(0xFFFFFFFFFFFFFFFF),
                        (np.uint64(1) << (np.uint64(8) * np.minimum(valid, 7))) - np.uint64(1))
        c, u = pd.factorize(words[:, w] & mask)
        codes, _ = pd.factorize(codes * len(u) + c)
    first = np.full(codes.max() + 1, -1, dtype=np.int64)
    first[codes[::-1]] = np.arange(n)[::-1]
    labels = [bytes(buf[start[i]:start[i] + length[i]]).decode("utf-8").strip() for i in first]
    return _categorical(codes, labels)


def _categorical(codes: np.ndarray, labels: List[str]) -> pd.Categorical:
    """Codes into ``labels`` (strings, possibly repeated or empty) → a categorical of the
    distinct non-empty labels (code -1 for an empty one)."""
    remap, uniques = pd.factorize(pd.Series(labels, dtype=object).replace("", None))
    new = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1) if len(codes) else codes
    return pd.Categorical.from_codes(new.astype(np.int64), list(uniques))


def _fast_datetimes(buf: np.ndarray, start: np.ndarray, length: np.ndarray
                    ) -> Tuple[np.ndarray, np.ndarray, bool, bool]:
    """int64 ns of ``YYYY-MM-DD HH:MM[:SS]`` / ``DD/MM/YYYY HH:MM[:SS]`` values (NAT when empty),
    the mask of the non-empty values not read that way (left to :func:`_datetime_texts`), and
    whether a ``DD/MM/YYYY`` and an ISO value were read."""
    if not len(start):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), False, False
    window = sliding_window_view(buf, 19)[start].copy()  # (n, 19)
    short = length == 16
    window[short, 16:19] = np.frombuffer(b":00", dtype=np.uint8)
    french = (window[:, 2] == 47) & (window[:, 5] == 47)
    if french.any():
        window[french] = window[french][:, _FRENCH_ORDER]
        window[french, 4] = window[french, 7] = 45  # '-'
    ns, ok = parse_iso_datetimes(window)
    ok &= (length == 19) | short
    ok &= (ns >= _FIRST_NS) & (ns < _END_NS)
    empty = length == 0
    ns[~ok | empty] = NAT
    return ns, ~ok & ~empty, bool((french & ok).any()), bool((~french & ok).any())


def _fast_decimals(buf, start, length, allow_comma: bool):
    """Decimal numbers ``-12.5`` / ``12,5`` (NaN when empty), the mask of the non-empty values
    not read that way, and whether a decimal comma was read."""
    n = len(start)
    if not n:
        return np.zeros(0), np.zeros(0, dtype=bool), False
    width = max(1, int(length.max()))
    buf = _padded(buf, int(start.max()) + width)
    raw = np.ascontiguousarray(sliding_window_view(buf, width)[start].T)  # (width, n)
    mantissa = np.zeros(n, dtype=np.int64)
    decimals = np.zeros(n, dtype=np.int64)
    digits = np.zeros(n, dtype=np.int64)
    marks = np.zeros(n, dtype=np.int64)
    commas = np.zeros(n, dtype=bool)
    for j in range(width):
        inside = length > j
        b = raw[j]
        d = inside & (b >= 48) & (b <= 57)
        mantissa = np.where(d, mantissa * 10 + (b.astype(np.int64) - 48), mantissa)
        decimals += d & (marks > 0)
        digits += d
        is_comma = inside & (b == 44) & allow_comma
        commas |= is_comma
        marks += inside & (b == 46) | is_comma
    negative = (raw[0] == 45) & (length > 0)
    wrong = (length > 0) & ((digits + marks + negative != length) | (digits == 0)
                            | (marks > 1) | (digits > 15))
    value = mantissa / 10.0 ** decimals
    value = np.where(negative, -value, value)
    value[(length == 0) | wrong] = np.nan
    return value, wrong, bool((commas & ~wrong).any())


def parse_iso_datetimes(chars: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """``YYYY-MM-DD HH:MM:SS`` (or ``T`` between date and time) → int64 ns since 1970.

    ``chars``: ``(n, 19)`` ``uint8`` bytes, or a 1-D ``S19`` array. Returns ``(ns, ok)``;
    ``ns`` is :data:`NAT` where the value is not of that form or not a real date and time
    (month 1-12, day within the month, hour 0-23, minute and second 0-59). Pure numpy, one pass
    per character position on a transposed copy (no Python object per value); the day number
    comes from a table of the years present.
    """
    a = np.asarray(chars)
    if a.dtype.kind == "S":
        a = np.frombuffer(a.astype("S19").tobytes(), dtype=np.uint8).reshape(-1, 19)
    if a.ndim != 2 or a.shape[1] != 19:
        raise ValueError("parse_iso_datetimes needs (n, 19) bytes")
    t = np.ascontiguousarray(a.T)  # (19, n): each character position is contiguous
    t -= 48                        # digits become 0-9; anything else wraps to > 9 (uint8)
    ok = np.ones(a.shape[0], dtype=bool)
    for j in _DIGITS:
        ok &= t[j] <= 9
    for j, sep in ((4, 45), (7, 45), (13, 58), (16, 58)):
        ok &= t[j] == (sep - 48) % 256
    ok &= (t[10] == 32 - 48 + 256) | (t[10] == 84 - 48)

    def two(j):
        return t[j].astype(np.int32) * 10 + t[j + 1]

    year = two(0) * 100 + two(2)
    month, day = two(5), two(8)
    hour, minute, second = two(11), two(14), two(17)
    month_ok = (month >= 1) & (month <= 12)
    ok &= month_ok & (year >= 1) & (hour <= 23) & (minute <= 59) & (second <= 59) & (day >= 1)
    year = np.where(ok, year, 1970)
    month = np.where(month_ok, month, 1)
    y0 = int(year.min()) if len(year) else 1970
    years = np.arange(y0, int(year.max()) + 2 if len(year) else 1971, dtype=np.int64)
    before = years - 1
    first_day = before * 365 + before // 4 - before // 100 + before // 400 - 719162
    leap = np.diff(first_day) == 366
    yi = year - y0
    feb29 = (month == 2) & leap[yi]
    ok &= day <= _MONTH_DAYS[month] + feb29
    days = first_day[yi] + _CUM_DAYS[month - 1] + ((month > 2) & leap[yi]) + day - 1
    seconds = days * 86400 + (hour * 3600 + minute * 60 + second)
    ns = seconds * NS
    ns[~ok] = NAT
    return ns, ok


# ---------------------------------------------------------------------------------------------
# values read one by one (the tabular path, and the values the byte reader leaves)
# ---------------------------------------------------------------------------------------------

def _datetime_texts(texts: np.ndarray, timezone: str, fmt: Optional[str]):
    """(int64 ns of local wall-clock time, error per value or None, forms met) of date-time
    texts, each distinct value parsed once by :func:`.tabular.parse_date_text`."""
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object).astype(str).str.strip())
    m = len(uniques)
    ns = np.full(m, NAT, dtype=np.int64)
    offset = np.full(m, np.nan)
    errors = np.full(m, None, dtype=object)
    forms: set = set()
    for i, text in enumerate(uniques):
        if not text:
            continue
        p = parse_date_text(text, fmt)
        if p.error is None and not p.has_time:
            p.error = tr("a date and a time, e.g. 2024-03-01 14:05 or 01/03/2024 14:05")
        if p.error:
            errors[i] = p.error
            continue
        forms.add(p.form)
        ns[i] = pd.Timestamp(p.value).value
        if p.offset_min is not None:
            offset[i] = p.offset_min
    aware = ~np.isnan(offset)
    if aware.any():
        utc = pd.DatetimeIndex(ns[aware] - (offset[aware] * 60 * NS).astype(np.int64))
        try:
            local = utc.tz_localize("UTC").tz_convert(timezone).tz_localize(None)
        except Exception as exc:  # noqa: BLE001 - pytz / zoneinfo raise their own types
            raise SourceError(tr("{tz} is not a known time zone (e.g. Europe/Paris)").format(
                tz=timezone)) from exc
        ns[aware] = local.asi8
    return (ns.take(codes) if len(codes) else ns[:0], errors.take(codes) if len(codes)
            else errors[:0], forms)


def _number_texts(texts: np.ndarray, decimal: Optional[str]):
    """(floats, error per value or None, decimal comma read) of amount texts, read by
    :func:`.tabular.parse_numbers`."""
    number, comma = parse_numbers(pd.Series(texts, dtype=object), decimal)
    errors = np.full(len(texts), None, dtype=object)
    filled = np.array([bool(str(t).strip()) for t in texts], dtype=bool)
    errors[np.isnan(number) & filled] = tr("a number")
    errors[np.isinf(number)] = tr("a finite number")
    with np.errstate(invalid="ignore"):
        big = np.abs(number) > NUMBER_LIMIT
    errors[big & ~np.isinf(number)] = tr("a value <= {maximum} (larger values are typing "
                                         "errors)").format(maximum=f"{NUMBER_LIMIT:g}")
    number = np.where(pd.isna(pd.Series(errors)).to_numpy(), number, np.nan)
    return number, errors, bool(comma.any())


def _reject(report, name, rows, column, positions, values, errors, bad) -> None:
    for k in np.flatnonzero(errors != None):  # noqa: E711
        i = positions[k]
        report.reject(name, rows[i], column, values[k], errors[k])
        bad[i] = True


def _note_forms(report, name, forms) -> None:
    if forms - {"ISO 8601"}:
        report.note(name, "dates", ", ".join(sorted(forms)))


def _read_text(path, name, cols, conv, report, timezone) -> Sessions:
    raw = read_csv_text(path, report, conventions=conv)
    raw = match_columns(raw, list(cols.values()))
    position = {c: j for j, c in enumerate(raw.columns)}
    _require(name, cols, raw, position, report, report.conventions.get(name, {}).get(
        "separator", "?"))
    n = len(raw)
    rows = raw["source_row"].to_numpy(dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    forms: set = set()
    out = {}
    for key in ("parking_id", "ticket"):
        if cols[key] not in raw.columns:
            out[key] = None
            continue
        codes, uniques = pd.factorize(raw[cols[key]].astype(str))
        out[key] = _categorical(codes, [str(u).strip() for u in uniques])
    everything = np.arange(n)
    for key in ("entry", "exit"):
        texts = raw[cols[key]].to_numpy(dtype=object)
        ns, errors, used = _datetime_texts(texts, timezone, conv.date_format)
        forms |= used
        _reject(report, name, rows, cols[key], everything, texts, errors, bad)
        out[key] = ns
    out["amount"] = None
    if cols["amount"] in raw.columns:
        texts = raw[cols["amount"]].to_numpy(dtype=object)
        value, errors, comma = _number_texts(texts, conv.decimal)
        _reject(report, name, rows, cols["amount"], everything, texts, errors, bad)
        if comma:
            report.note(name, "decimal", tr("comma"))
        out["amount"] = value
    _note_forms(report, name, forms)
    return Sessions(out["parking_id"], out["entry"], out["exit"], out["amount"], out["ticket"],
                    rows, bad, cols, "text", forms)


# ---------------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------------

def check_sessions(s: Sessions, report: ImportReport, name: str, *,
                   max_stay_days: float = MAX_STAY_DAYS) -> np.ndarray:
    """Reject what cannot be a session (module docstring) and return the mask of the rows
    kept (the rows of ``s.bad`` are not kept). Each row is rejected once, for the first
    problem found."""
    if max_stay_days <= 0:
        raise SourceError(tr("the maximum stay must be more than 0 days"))
    if max_stay_days > STAY_LIMIT_DAYS:
        raise SourceError(tr("the maximum stay must be at most {days} days").format(
            days=STAY_LIMIT_DAYS))
    cols = s.columns
    valid = ~s.bad
    required = tr("a value (this field is required)")

    def reject(mask, column, values, reason):
        nonlocal valid
        mask = mask & valid
        for i in np.flatnonzero(mask):
            report.reject(name, s.rows[i], column, values(i), reason(i))
        valid &= ~mask

    reject(s.parking.codes < 0, cols["parking_id"], lambda i: "", lambda i: required)
    reject(s.entry == NAT, cols["entry"], lambda i: "", lambda i: required)
    known = (s.exit != NAT) & (s.entry != NAT)
    stay = np.where(known, s.exit - s.entry, 0)
    reject(known & (stay < 0), cols["exit"], lambda i: _stamp(s.exit[i]),
           lambda i: tr("an exit on or after the entry ({entry})").format(
               entry=_stamp(s.entry[i])))
    limit = int(round(max_stay_days * 86400)) * NS
    reject(known & (stay > limit), cols["exit"], lambda i: _stamp(s.exit[i]),
           lambda i: tr("a stay of at most {days} days (the maximum set; this one lasts "
                        "{stay} days)").format(days=f"{max_stay_days:g}",
                                               stay=f"{stay[i] / 86400 / NS:.1f}"))
    if s.amount is not None:
        reject(s.amount < 0, cols["amount"], lambda i: f"{s.amount[i]:g}",
               lambda i: tr("a value >= {minimum}").format(minimum=0))
    if s.ticket is not None:
        has = valid & (s.ticket.codes >= 0)
        keys = pd.DataFrame({"p": s.parking.codes[has], "t": s.ticket.codes[has]})
        dup = np.zeros(len(s), dtype=bool)
        dup[np.flatnonzero(has)] = keys.duplicated().to_numpy()
        tickets = np.asarray(s.ticket.categories, dtype=object)
        reject(dup, cols["ticket"], lambda i: tickets[s.ticket.codes[i]],
               lambda i: tr("a ticket id used once per car park (duplicate)"))
    return valid


def _stamp(ns: int) -> str:
    return "" if ns == NAT else pd.Timestamp(int(ns)).strftime("%Y-%m-%d %H:%M:%S")
