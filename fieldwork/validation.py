"""The rules a row merged from a field package must satisfy: those of the inventory forms.

A tablet may hold what the forms would never have saved (a value typed into the data file by
hand, a point digitised in another CRS, a form edited on the device). Every row the package
inserts or updates is checked, after conflicts are settled, against:

- **geometry** (feature tables): present (a premise is a point), a GeoPackage blob of the
  table's geometry type, in the table's CRS (the blob's ``srs_id``), with finite coordinates
  inside the CRS's area of use (a WGS84 longitude/latitude written into the Lambert-93 table
  lies far outside it);
- **required fields** of the form (``FormField.required``);
- **domains**: a coded value is a code of the column's GeoPackage field domain (enum), a
  ranged value lies in its range;
- **the form constraints**, in Python: INSEE commune code ``^[0-9][0-9AB][0-9]{3}$``; floor
  area a finite number, > 0 and at most 1 000 000 m² (the form widget's bounds); status not
  ``unknown``; an occupied premise has an activity group; NAF code ``NN.NNX``;
- **references**: an observation's premise and campaign exist in the merged file.

A rule counts only when it involves a column the package changed (every column of an insert):
an agent's unrelated edit is not refused for data the office stored. A refused row is not
merged: an insert is removed, an update is put back as the shared file holds it; each broken
rule goes to the conflict report (kind ``refused``, the reason as the rule). Refusing a new
premise refuses the new observations that cite it (their premise does not exist). No qgis
import.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass
from typing import Optional

from ..i18n import tr
from ..store import geometry
from ..store import sync as store_sync
from ..survey_forms import inventory_form

FORMS = {"premises": inventory_form.PREMISES,
         "premise_observations": inventory_form.PREMISE_OBSERVATIONS}
COMMUNE_RE = re.compile(r"^[0-9][0-9AB][0-9]{3}$")
NAF_RE = re.compile(inventory_form.NAF_PATTERN)
MAX_FLOOR_AREA = 1_000_000.0
UNKNOWN_STATUS = "unknown"
OCCUPIED = "occupied"
# Checked in this order: an observation's premise must have been checked before it.
ORDER = ("premises", "premise_observations", "premise_lineage")


@dataclass(frozen=True)
class Broken:
    """One rule a row breaks: the column shown, the columns the rule involves, why."""

    column: str
    columns: tuple
    reason: str


def display(value, column: str):
    """A value as text for the conflict table (geometries as WKT-like text)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        if column == "geom":
            try:
                kind, shape = geometry.decode(value)
            except (geometry.GeometryError, struct.error, IndexError, ValueError):
                return value.hex()
            if kind == "point":
                return f"POINT ({shape[0]:.3f} {shape[1]:.3f})"
            return kind.upper() if kind else "EMPTY"
        return value.hex()
    return str(value)


def _blob_srs_id(blob: bytes) -> int:
    order = "<" if blob[3] & 1 else ">"
    return struct.unpack(order + "i", blob[4:8])[0]


class Rules:
    """The rules of the synchronised tables, read once from the merged file."""

    def __init__(self, conn, table_names):
        self.domains = {t: store_sync.column_domains(conn, t) for t in table_names}
        self.geometry = {t: store_sync.geometry_column(conn, t) for t in table_names}
        self.bounds = {}
        for table, info in self.geometry.items():
            if info is not None:
                code = store_sync.srs_code(conn, info["srs_id"])
                self.bounds[table] = store_sync.crs_bounds(*code) if code else None

    # -- the checks ---------------------------------------------------------------------------
    def broken(self, conn, table: str, row: dict) -> list:
        """Every rule ``row`` breaks (whatever the columns changed)."""
        out = []
        info = self.geometry.get(table)
        if info is not None:
            problem = self._geometry(table, info, row.get(info["column"]))
            if problem:
                out.append(Broken(info["column"], (info["column"],), problem))
        form = FORMS.get(table)
        if form is not None:
            for item in form.fields:
                if item.required and item.name != "fid" and item.name in row \
                        and (row[item.name] is None or row[item.name] == ""):
                    out.append(Broken(item.name, (item.name,), tr("a value is required")))
        for column, domain in self.domains.get(table, {}).items():
            value = row.get(column)
            if value is None or any(b.column == column for b in out):
                continue
            if "enum" in domain and str(value) not in domain["enum"]:
                out.append(Broken(column, (column,), tr(
                    "{value!r} is not a code of the field's list ({codes})").format(
                        value=value, codes=", ".join(sorted(domain["enum"])))))
            elif "range" in domain and not _in_range(value, domain["range"]):
                out.append(Broken(column, (column,), tr(
                    "{value!r} is outside the field's range").format(value=value)))
        if table == "premises":
            out += self._premise(row)
        elif table == "premise_observations":
            out += self._observation(conn, row)
        return out

    def _geometry(self, table: str, info: dict, blob) -> Optional[str]:
        if blob is None:
            return tr("a location is required (the geometry is empty)")
        if not isinstance(blob, bytes) or len(blob) < 8 or blob[:2] != b"GP":
            return tr("not a GeoPackage geometry")
        found = _blob_srs_id(blob)
        if found != info["srs_id"]:
            return tr("the geometry is in the CRS with srs_id {found}, the table's is {srs}: "
                      "it must be reprojected").format(found=found, srs=info["srs_id"])
        try:
            kind, shape = geometry.decode(blob)
        except (geometry.GeometryError, struct.error, IndexError, ValueError, KeyError):
            return tr("not a readable geometry")
        if kind is None:
            return tr("a location is required (the geometry is empty)")
        expected = info["type"].lower()
        if expected != "geometry" and kind != expected:
            return tr("a {expected} geometry is expected, not a {kind}").format(
                expected=expected.upper(), kind=kind.upper())
        envelope = geometry.envelope(blob)
        if envelope is None or not all(math.isfinite(v) for v in envelope):
            return tr("the coordinates are not finite numbers")
        bounds = self.bounds.get(table)
        min_x, max_x, min_y, max_y = envelope
        if bounds is not None and (min_x < bounds[0] or min_y < bounds[1]
                                   or max_x > bounds[2] or max_y > bounds[3]):
            return tr("the coordinates ({x:.6g}, {y:.6g}) lie outside the area of the table's "
                      "CRS (x {x0:.0f} to {x1:.0f}, y {y0:.0f} to {y1:.0f}): a point in another "
                      "CRS, e.g. WGS84 longitude and latitude?").format(
                          x=min_x, y=min_y, x0=bounds[0], x1=bounds[2], y0=bounds[1],
                          y1=bounds[3])
        return None

    def _premise(self, row: dict) -> list:
        out = []
        commune = row.get("commune_code")
        if commune is not None and not COMMUNE_RE.match(str(commune)):
            out.append(Broken("commune_code", ("commune_code",), tr(
                "an INSEE commune code has 5 characters (e.g. 86194)")))
        area = row.get("floor_area")
        if area is not None:
            if isinstance(area, bool) or not isinstance(area, (int, float)):
                out.append(Broken("floor_area", ("floor_area",), tr(
                    "the floor area must be a number of m²")))
            elif not math.isfinite(area) or area <= 0 or area > MAX_FLOOR_AREA:
                out.append(Broken("floor_area", ("floor_area",), tr(
                    "the floor area must be a finite number of m² greater than 0 and at most "
                    "1 000 000")))
        return out

    def _observation(self, conn, row: dict) -> list:
        out = []
        status = row.get("status")
        if status == UNKNOWN_STATUS:
            out.append(Broken("status", ("status",), tr(
                "the status is required: say whether the premise is occupied, vacant, under "
                "works…")))
        if status == OCCUPIED and row.get("activity_group") in (None, ""):
            out.append(Broken("activity_group", ("status", "activity_group"), tr(
                "an occupied premise needs an activity group")))
        naf = row.get("naf_code")
        if naf is not None and not NAF_RE.match(str(naf)):
            out.append(Broken("naf_code", ("naf_code",), tr(
                "a NAF rev. 2 code such as 47.11F is expected")))
        for column, table in (("premise_uuid", "premises"), ("campaign_uuid", "campaigns")):
            value = row.get(column)
            if value is not None and not store_sync.existing(conn, table, "uuid", [value]):
                out.append(Broken(column, (column,), tr(
                    "{value} is not in the table {table} of the shared GeoPackage (refused or "
                    "deleted)").format(value=value, table=table)))
        return out


def _in_range(value, bounds) -> bool:
    low, high, low_in, high_in = bounds
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return False
    if low is not None and (value < low or (value == low and not low_in)):
        return False
    return not (high is not None and (value > high or (value == high and not high_in)))


def refuse_invalid(conn, rebased: list, columns: dict, report, rule_text: str) -> set:
    """Check every row the rebased changeset inserted or updated in ``main`` (the merged copy,
    with ``theirs`` attached); refuse the rows that break a rule (see the module docstring).

    ``columns`` maps each table to its column names (changeset column indexes -> names);
    ``report`` is the :class:`fieldwork.sync.SyncReport`: its ``applied`` counts lose the
    refused rows and its ``conflicts`` gain one ``refused`` entry per broken rule, and one per
    other field a refused update changed (nothing the agent typed goes unreported), whose
    ``rule`` is ``rule_text`` followed by the reason. Returns the refused ``(table, fid)``.
    """
    rules = Rules(conn, ORDER)
    by_table: dict = {}
    for entry in rebased:
        if entry["type"] in ("insert", "update") and entry["table"] in ORDER:
            fid = next(int(c.get("new", c.get("old"))) for c in entry["changes"]
                       if c["column"] == 0)
            changed = None if entry["type"] == "insert" else {
                columns[entry["table"]][c["column"]] for c in entry["changes"] if "new" in c}
            by_table.setdefault(entry["table"], []).append((fid, entry["type"], changed))
    refused = set()
    for table in ORDER:
        entries = by_table.get(table, [])
        if not entries:
            continue
        current = store_sync.rows_by_fid(conn, table, [fid for fid, _t, _c in entries])
        for fid, kind, changed in entries:
            row = current.get(fid)
            if row is None:
                continue
            broken = [b for b in rules.broken(conn, table, row)
                      if changed is None or changed.intersection(b.columns)]
            if not broken:
                continue
            refused.add((table, fid))
            base_row = store_sync.row(conn, "base", table, fid)
            if kind == "insert":
                store_sync.delete_row(conn, table, fid)
                kept_row = None
            else:
                store_sync.restore_row(conn, table, fid, "theirs")
                kept_row = store_sync.row(conn, "main", table, fid)
            report.applied[table][kind] -= 1
            entries = [(item.column, row.get(item.column), item.reason) for item in broken]
            if kind == "update":  # every other field the agent changed is not merged either
                mine_row = store_sync.row(conn, "mine", table, fid) or {}
                seen = {(c["table"], c["row_uuid"], c["column"]) for c in report.conflicts}
                seen.update((table, row.get("uuid"), item.column) for item in broken)
                reason = tr("the row was refused: {reason}").format(reason=broken[0].reason)
                entries += [(column, mine_row.get(column), reason)
                            for column in columns[table]
                            if column != "fid" and base_row is not None
                            and mine_row.get(column) != base_row.get(column)
                            and (table, row.get("uuid"), column) not in seen]
            for column, rejected, reason in entries:
                report.conflicts.append({
                    "table": table, "row_uuid": row.get("uuid"), "column": column,
                    "kind": "refused",
                    "base_value": display(base_row[column], column) if base_row else None,
                    "kept_value": display(kept_row[column], column) if kept_row else None,
                    "rejected_value": display(rejected, column),
                    "rule": f"{rule_text}: {reason}"})
    return refused
