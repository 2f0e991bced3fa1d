"""Seeded malformed variants of a valid input file, for the importers' fuzzing tests.

:func:`variants` yields ``(description, bytes)`` pairs built from a valid CSV or GeoJSON file by
one mutation each: truncation, another encoding (UTF-16 with and without BOM, Latin-1,
Windows-1252), garbage bytes (NUL included), another separator, a column dropped, renamed or
written dBase-style, a truncated header, an extreme or non-finite value (``inf``, ``NaN``,
``1e23``, ``1e999``, integers beyond int64), a date out of range (3025, 0202, 2262, 1677), an
unbalanced quote, extra cells, a 200 000-character field, rows duplicated or shuffled, an empty
file. The same seed gives the same variants.
"""

from __future__ import annotations

import json
import random
import re
from typing import Iterator, Tuple

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
