"""Seeded malformed variants of a valid input file, for the importers' fuzzing tests.

:func:`variants` yields ``(description, bytes)`` pairs built from a valid CSV or GeoJSON file by
one mutation each: truncation, another encoding (UTF-16 with and without BOM, Latin-1,
Windows-1252), garbage bytes (NUL included), another separator, a column dropped, renamed or
written dBase-style, a truncated header, an extreme or non-finite value (``inf``, ``NaN``,
``1e23``, ``1e999``, integers beyond int64), a date out of range (3025, 0202, 2262, 1677), an
unbalanced quote, extra cells, a 200 000-character field, rows duplicated or shuffled, an empty
file. :func:`json_variants` does the same for GeoJSON, :func:`xlsx_variants` for Excel
workbooks (damaged bytes and members; cells holding extreme, non-finite, typed or formula values,
dates beyond Excel's; columns, headers, rows and sheets deleted, renamed or repeated). The same
seed gives the same variants.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import zipfile
from typing import Iterator, Optional, Sequence, Tuple

EXTREMES = ["inf", "-inf", "Infinity", "NaN", "nan", "1e23", "-1e23", "1e999", "-1e308",
            "99999999999999999999999", "9223372036854775808", "-9223372036854775809", "0x1F",
            "1,5", "1 234,5", "12.5.3", "--1", "", " ", "null", "None", "N/A", "=1+1",
            "'; DROP TABLE counts; --", "\u00e9\u00e8\u2019\U0001F600", "\x00", "\u202e"]
DATES = ["3025-03-01", "0202-03-01", "2262-04-12", "1677-09-21", "9999-12-31", "2023-02-30",
         "2023-13-01", "01/01/3025", "31/12/1677", "3025-03-01T10:00:00+01:00",
         "2262-04-12T00:00:00Z", "1677-09-21T00:12:43Z", "2023-06-15T25:00:00+02:00",
         "2023-06-15T10:00:00+15:00", "20230615", "30250301", "16770921", "15/06/23",
         "2023-06-15T10:00:00", "24/01/2007 10:00"]
DATE_LIKE = re.compile(r"^\d{4}-?\d{2}-?\d{2}|^\d{1,2}/\d{1,2}/\d{2,4}")
MUTATIONS = ["truncate", "utf16", "utf16le", "latin1", "cp1252", "garbage", "nul", "separator",
             "drop_column", "rename_column", "dbase_header", "header_case", "truncate_header",
             "extreme", "extreme", "extreme", "date", "date", "quote", "extra_cells",
             "long_field", "duplicate_row", "shuffle", "empty", "header_only", "blank_lines",
             "crlf", "decimal_comma", "drop_rows", "swap_cells"]


def _split(text: str) -> Tuple[list, str]:
    lines = text.splitlines()
    sep = max([",", ";", "\t", "|"], key=lines[0].count) if lines else ","
    return lines, sep


def _cells(line: str, sep: str) -> list:
    return line.split(sep)


def csv_variant(rng: random.Random, data: bytes, kind: str) -> Tuple[str, bytes]:
    """One mutation ``kind`` of a CSV file's bytes."""
    text = data.decode("utf-8-sig")
    lines, sep = _split(text)
    body = lines[1:]
    if kind == "truncate":
        cut = rng.randrange(0, max(1, len(data)))
        return f"truncated at byte {cut}", data[:cut]
    if kind == "utf16":
        return "UTF-16 with BOM", text.encode("utf-16")
    if kind == "utf16le":
        return "UTF-16 without BOM", text.encode("utf-16-le")
    if kind == "latin1":
        return "Latin-1", text.encode("latin-1", errors="replace")
    if kind == "cp1252":
        return "Windows-1252 with undefined bytes", text.encode("cp1252", errors="replace") + \
            bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
    if kind in ("garbage", "nul"):
        pos = rng.randrange(0, max(1, len(data)))
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        if kind == "nul":
            junk = b"\x00" * rng.randrange(1, 5)
        return f"{len(junk)} {kind} bytes at {pos}", data[:pos] + junk + data[pos:]
    if kind == "separator":
        new = rng.choice([s for s in (",", ";", "\t", "|") if s != sep])
        return f"separator {new!r}", text.replace(sep, new).encode("utf-8")
    header = _cells(lines[0], sep) if lines else [""]
    col = rng.randrange(len(header))
    if kind == "drop_column":
        out = [sep.join(c for j, c in enumerate(_cells(line, sep)) if j != col)
               for line in lines]
        return f"column {header[col]!r} dropped", _join(out)
    if kind == "rename_column":
        new = rng.choice([header[col] + "_x", header[col].upper(), " " + header[col] + " ",
                          "", "?", header[(col + 1) % len(header)]])
        header[col] = new
        return f"column {col} renamed {new!r}", _join([sep.join(header)] + body)
    if kind == "dbase_header":
        dbase = [f'"{h.upper()},C,80"' if h else h for h in header]
        return "dBase-style header", _join([sep.join(dbase)] + body)
    if kind == "header_case":
        return "header in upper case", _join([lines[0].upper()] + body)
    if kind == "truncate_header":
        cut = rng.randrange(0, max(1, len(lines[0])))
        return f"header cut at {cut}", _join([lines[0][:cut]] + body)
    if kind in ("extreme", "date", "decimal_comma", "long_field", "swap_cells"):
        if not body:
            return "unchanged (no row)", data
        i = rng.randrange(len(body))
        cells = _cells(body[i], sep)
        if kind == "date":
            dated = [j for j, c in enumerate(cells) if DATE_LIKE.match(c.strip('"'))]
            j = rng.choice(dated) if dated else rng.randrange(len(cells))
            value = rng.choice(DATES)
        elif kind == "decimal_comma":
            numeric = [j for j, c in enumerate(cells) if re.fullmatch(r"-?\d+\.\d+", c)]
            if not numeric:
                return "unchanged (no decimal)", data
            j = rng.choice(numeric)
            value = cells[j].replace(".", ",")
            value = f'"{value}"' if sep == "," else value
        elif kind == "long_field":
            j = rng.randrange(len(cells))
            value = "x" * 200_000
        elif kind == "swap_cells":
            j = rng.randrange(len(cells))
            k = rng.randrange(len(cells))
            cells[j], cells[k] = cells[k], cells[j]
            body[i] = sep.join(cells)
            return f"row {i + 2}: cells {j} and {k} swapped", _join([lines[0]] + body)
        else:
            j = rng.randrange(len(cells))
            value = rng.choice(EXTREMES)
            if sep in value:
                value = f'"{value}"'
        if j < len(cells):
            cells[j] = value
        body[i] = sep.join(cells)
        return f"row {i + 2}, cell {j} = {value[:30]!r}", _join([lines[0]] + body)
    if kind == "quote":
        i = rng.randrange(len(lines))
        pos = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:pos] + '"' + lines[i][pos:]
        return f"unbalanced quote on line {i + 1}", _join(lines)
    if kind == "extra_cells":
        i = rng.randrange(len(lines))
        lines[i] = lines[i] + sep + sep.join(["extra"] * rng.randrange(1, 4))
        return f"extra cells on line {i + 1}", _join(lines)
    if kind == "duplicate_row":
        if not body:
            return "unchanged (no row)", data
        row = rng.choice(body)
        return "a row duplicated", _join(lines + [row])
    if kind == "shuffle":
        rng.shuffle(body)
        return "rows shuffled", _join([lines[0]] + body)
    if kind == "drop_rows":
        keep = [r for r in body if rng.random() < 0.5]
        return "half the rows dropped", _join([lines[0]] + keep)
    if kind == "empty":
        return "empty file", rng.choice([b"", b"\n", b"\xef\xbb\xbf", b"   \r\n"])
    if kind == "header_only":
        return "header only", _join([lines[0]])
    if kind == "blank_lines":
        out = []
        for line in lines:
            out.append(line)
            if rng.random() < 0.3:
                out.append(sep * rng.randrange(0, 3))
        return "blank lines", _join(out)
    if kind == "crlf":
        return "CRLF and BOM", b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8")
    raise ValueError(kind)


def _join(lines) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def variants(data: bytes, n: int, seed: int, *, kinds=MUTATIONS) -> Iterator[Tuple[str, bytes]]:
    """``n`` seeded variants of a CSV file's bytes (round-robin over ``kinds``, then random)."""
    rng = random.Random(seed)
    for i in range(n):
        kind = kinds[i] if i < len(kinds) else rng.choice(kinds)
        desc, out = csv_variant(rng, data, kind)
        yield f"#{i} {kind}: {desc}", out


JSON_MUTATIONS = ["truncate", "garbage", "utf16", "latin1", "property", "property", "geometry",
                  "geometry", "geometry", "feature", "structure", "shuffle", "duplicate", "id"]
JSON_VALUES = [None, 1e308, -1e308, float("nan"), float("inf"), [], {}, [1, 2], "", "x" * 70_000,
               True, 0, -1, "node/abc", "way/", "relation/-5", {"a": {"b": []}}, "\x00"]


def json_variants(data: bytes, n: int, seed: int) -> Iterator[Tuple[str, bytes]]:
    """``n`` seeded variants of a GeoJSON FeatureCollection."""
    rng = random.Random(seed)
    base = json.loads(data.decode("utf-8"))
    for i in range(n):
        kind = JSON_MUTATIONS[i] if i < len(JSON_MUTATIONS) else rng.choice(JSON_MUTATIONS)
        doc = json.loads(json.dumps(base))
        feats = doc["features"]
        f = rng.choice(feats)
        if kind == "truncate":
            cut = rng.randrange(len(data))
            yield f"#{i} truncated at {cut}", data[:cut]
            continue
        if kind == "garbage":
            pos = rng.randrange(len(data))
            yield f"#{i} garbage at {pos}", data[:pos] + bytes(
                rng.randrange(256) for _ in range(8)) + data[pos:]
            continue
        if kind == "utf16":
            yield f"#{i} UTF-16", data.decode("utf-8").encode("utf-16")
            continue
        if kind == "latin1":
            yield f"#{i} Latin-1", data.decode("utf-8").encode("latin-1", errors="replace")
            continue
        if kind == "property":
            props = f.setdefault("properties", {})
            key = rng.choice(list(props) + ["shop", "amenity", "name", "brand", "tags"])
            props[key] = rng.choice(JSON_VALUES)
            desc = f"property {key}={str(props[key])[:20]}"
        elif kind == "geometry":
            f["geometry"] = rng.choice([
                None, {}, {"type": "Point"}, {"type": "Point", "coordinates": []},
                {"type": "Point", "coordinates": [float("nan"), 1]},
                {"type": "Point", "coordinates": [1e308, 1e308]},
                {"type": "Point", "coordinates": ["a", "b"]},
                {"type": "Point", "coordinates": [float("inf"), 0]},
                {"type": "Polygon", "coordinates": []}, {"type": "Polygon", "coordinates": [[]]},
                {"type": "Polygon", "coordinates": [[[0, 0]]]},
                {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]},
                {"type": "MultiPolygon", "coordinates": [[]]},
                {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "Point", 12])
            desc = f"geometry {str(f['geometry'])[:40]}"
        elif kind == "feature":
            feats[feats.index(f)] = rng.choice([None, 1, "x", [], {"type": "Feature"}])
            desc = "a feature replaced"
        elif kind == "structure":
            doc = rng.choice([[], {}, {"features": {}}, {"features": None}, "x", 3,
                              {"type": "FeatureCollection"}])
            desc = f"structure {str(doc)[:30]}"
        elif kind == "shuffle":
            rng.shuffle(feats)
            desc = "features shuffled"
        elif kind == "duplicate":
            feats.append(json.loads(json.dumps(f)))
            desc = "a feature duplicated"
        else:
            f["id"] = rng.choice(JSON_VALUES)
            f.setdefault("properties", {})["@id"] = rng.choice(JSON_VALUES)
            desc = "ids changed"
        yield f"#{i} {kind}: {desc}", json.dumps(doc, allow_nan=True).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Excel workbooks (.xlsx)
# ---------------------------------------------------------------------------------------------

#: Byte-level damage of the .xlsx file (a zip archive).
XLSX_BYTE_MUTATIONS = ["truncate", "truncate", "flip", "flip", "garbage", "empty", "not_zip",
                       "drop_member", "corrupt_member"]
#: Cell-level edits of the workbook (each variant applies one to three of them).
XLSX_CELL_MUTATIONS = ["value", "value", "value", "typed", "typed", "date_serial", "formula",
                       "number", "number", "number", "good", "good", "good", "drop_column",
                       "rename_header", "swap_headers", "drop_row", "duplicate_row", "add_row",
                       "blank_row", "clear_header", "other_sheet", "rename_sheet", "drop_sheet"]
#: Python values openpyxl writes with their own cell types.
TYPED_VALUES = [float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 10 ** 30, -(10 ** 30),
                0, -5, 0.0001, 1_000_001, True, False, None,
                dt.datetime(1, 1, 1), dt.datetime(1899, 12, 30), dt.datetime(9999, 12, 31, 23, 59),
                dt.date(1900, 1, 1), dt.time(12, 0), dt.timedelta(days=3)]
FORMULAS = ["=1/0", "=SUM(A1:A3)", '=HYPERLINK("http://evil.example/x","y")', "=NOW()",
            "=A1", "+1+1", "-2+3", "@SUM(1)"]
#: What a numeric column may receive: extreme, non-finite and malformed numbers, as text and
#: as numbers (openpyxl writes a float infinity or NaN as an empty cell), units, dates.
NUMBERS = ["inf", "-inf", "Infinity", "NaN", "1e999", "-1e999", "1e23", "1e308", "-1", "0",
           "0,0", "1 000 001", "85 m2", "12.5.3", "1,5e3", "− 5", 1e308, 1e23, -1e-300,
           10 ** 400 // 10 ** 380, -3, 0, True, dt.datetime(2024, 5, 1), dt.time(1, 0)]
#: Texts of :data:`EXTREMES` openpyxl can write (it refuses XML control characters).
XLSX_TEXTS = [t for t in EXTREMES if t != "\x00"] + DATES + [
    "x" * 40_000, "85 m2", "abc", "\u00a0", "\t=1", "NULL", "#N/A", "#VALUE!"]


def _flip(rng: random.Random, data: bytes) -> Tuple[str, bytes]:
    pos = rng.randrange(len(data))
    return f"byte {pos} flipped", data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1:]


def xlsx_byte_variant(rng: random.Random, data: bytes, kind: str) -> Tuple[str, bytes]:
    """One damage ``kind`` of a workbook's bytes."""
    if kind == "truncate":
        cut = rng.randrange(len(data))
        return f"truncated at byte {cut}", data[:cut]
    if kind == "flip":
        return _flip(rng, data)
    if kind == "garbage":
        pos = rng.randrange(len(data))
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        return f"{len(junk)} garbage bytes at {pos}", data[:pos] + junk + data[pos:]
    if kind == "empty":
        return "empty file", b""
    if kind == "not_zip":
        return "a CSV named .xlsx", b"status;activity_group\noccupied;alimentaire\n"
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        victim = rng.choice(names)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in names:
                content = source.read(name)
                if name == victim:
                    if kind == "drop_member":
                        continue
                    content = content[: rng.randrange(max(1, len(content)))] + b"<oops"
                target.writestr(name, content)
    return f"member {victim} {'dropped' if kind == 'drop_member' else 'corrupted'}", \
        out.getvalue()


def _cell_edit(rng: random.Random, workbook, kind: str, sheet: str, good: dict,
               numeric: Sequence[int]) -> str:
    """Apply one edit ``kind`` to ``workbook`` (openpyxl); returns its description."""
    ws = workbook[sheet] if sheet in workbook.sheetnames else workbook.worksheets[0]
    rows, cols = max(ws.max_row, 2), max(ws.max_column, 1)
    row, col = rng.randrange(2, rows + 1), rng.randrange(1, cols + 1)
    if kind == "value":
        ws.cell(row, col).value = value = rng.choice(XLSX_TEXTS)
        return f"{ws.cell(row, col).coordinate}={value[:20]!r}"
    if kind == "typed":
        ws.cell(row, col).value = value = rng.choice(TYPED_VALUES)
        return f"{ws.cell(row, col).coordinate}={value!r}"
    if kind == "date_serial":  # a number shown as a date, beyond Excel's dates
        cell = ws.cell(row, col)
        cell.value = rng.choice([2958466, 1e10, -1, -700000])
        cell.number_format = "yyyy-mm-dd"
        return f"{cell.coordinate}={cell.value} as a date"
    if kind == "formula":
        ws.cell(row, col).value = value = rng.choice(FORMULAS)
        return f"{ws.cell(row, col).coordinate}={value!r}"
    if kind == "number":
        col = rng.choice(list(numeric) or [col])
        ws.cell(row, col).value = value = rng.choice(NUMBERS)
        return f"{ws.cell(row, col).coordinate}={value!r} (number column)"
    if kind == "good":
        col = rng.choice(sorted(good))
        ws.cell(row, col).value = value = rng.choice(good[col])
        return f"{ws.cell(row, col).coordinate}={value!r} (valid)"
    if kind == "drop_column":
        ws.delete_cols(col)
        return f"column {col} deleted"
    if kind == "rename_header":
        old = str(ws.cell(1, col).value)
        ws.cell(1, col).value = new = rng.choice([old + " x", old.upper(), f" {old} ", "?", "",
                                                  str(ws.cell(1, (col % cols) + 1).value)])
        return f"header {old!r} renamed {new!r}"
    if kind == "swap_headers":
        other = rng.randrange(1, cols + 1)
        a, b = ws.cell(1, col), ws.cell(1, other)
        a.value, b.value = b.value, a.value
        return f"headers {col} and {other} swapped"
    if kind == "drop_row":
        ws.delete_rows(row)
        return f"row {row} deleted"
    if kind == "duplicate_row":
        ws.append([c.value for c in ws[row]])
        return f"row {row} repeated"
    if kind == "add_row":
        ws.append([rng.choice(XLSX_TEXTS) for _ in range(cols)])
        return "a row added"
    if kind == "blank_row":
        ws.insert_rows(row)
        return f"blank row at {row}"
    if kind == "clear_header":
        ws.delete_rows(1)
        return "header row deleted"
    other = rng.choice(workbook.sheetnames)
    if kind == "other_sheet":  # the same edits, on another sheet (the hidden ones too)
        ws = workbook[other]
        cell = ws.cell(rng.randrange(1, max(ws.max_row, 1) + 2),
                       rng.randrange(1, max(ws.max_column, 1) + 2))
        cell.value = value = rng.choice(XLSX_TEXTS + TYPED_VALUES[:12])
        return f"{other}!{cell.coordinate}={str(value)[:20]!r}"
    if kind == "rename_sheet":
        workbook[other].title = new = other + rng.choice(["_", " (2)", "x"])
        return f"sheet {other!r} renamed {new!r}"
    if kind == "drop_sheet":
        if len(workbook.sheetnames) > 1:
            del workbook[other]
        return f"sheet {other!r} deleted"
    raise ValueError(kind)


def xlsx_variants(data: bytes, n: int, seed: int, *, sheet: str, good: Optional[dict] = None,
                  numeric: Sequence[int] = ()) -> Iterator[Tuple[str, bytes]]:
    """``n`` seeded variants of a workbook: one in five damages its bytes, the others apply one
    to three cell-level edits to ``sheet`` (or another sheet) with openpyxl. ``good`` maps
    column numbers to valid values, so that some variants are valid changes; the columns
    ``numeric`` (numbers) also receive :data:`NUMBERS`."""
    from openpyxl import load_workbook

    rng = random.Random(seed)
    good = good or {1: [None]}
    i = 0
    while i < n:
        if i % 5 == 4:
            kind = XLSX_BYTE_MUTATIONS[(i // 5) % len(XLSX_BYTE_MUTATIONS)]
            desc, out = xlsx_byte_variant(rng, data, kind)
            yield f"#{i} {kind}: {desc}", out
            i += 1
            continue
        workbook = load_workbook(io.BytesIO(data))
        edits = [_cell_edit(rng, workbook, rng.choice(XLSX_CELL_MUTATIONS), sheet, good,
                            numeric) for _ in range(rng.choice([1, 1, 2, 3]))]
        buffer = io.BytesIO()
        try:
            workbook.save(buffer)
        except (ValueError, TypeError):  # a value openpyxl cannot write: draw again
            continue
        yield f"#{i} " + "; ".join(edits), buffer.getvalue()
        i += 1
