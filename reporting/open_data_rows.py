"""Resources of the open-data export as built before writing: rows typed for their Table
Schema, and the row checks that keep a national-schema resource valid.

A value is written by :func:`cell` (CSV text) or :func:`json_value` (GeoJSON property) from
the field's Table Schema type: integers without a decimal point, booleans ``true`` /
``false``, dates ``YYYY-MM-DD``, missing values empty (CSV) or null (JSON).

:func:`check_rows` applies a Table Schema's ``required``, ``pattern``, ``enum``, ``minimum``
and ``maximum`` constraints (as Frictionless does: a pattern must match the whole value) and
the field types to each row, so that a row which would make a national resource invalid is
left out and reported instead of written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import numpy as np
import pandas as pd

from ..i18n import tr


class OpenDataError(ValueError):
    """An export that cannot be written; the message says what to fix."""


@dataclass
class Resource:
    """One table of the package, ready to write.

    ``frame`` holds the columns of the schema in order; ``shapes`` (one (kind, shape) per row,
    in the socle's CRS) and ``geojson`` (one GeoJSON geometry per row, WGS 84) are set for
    resources with a geometry. ``period`` is ``{"start", "end"}`` (ISO dates) and/or
    ``{"label"}``; ``licence`` a key of :data:`reporting.open_data.LICENCES` (None: the
    export's licence)."""

    name: str
    frame: pd.DataFrame
    shapes: Optional[list] = None
    geojson: Optional[list] = None
    period: Dict[str, str] = field(default_factory=dict)
    licence: Optional[str] = None
    sources: List[dict] = field(default_factory=list)
    national: bool = False
    notes: List[str] = field(default_factory=list)


def missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _number(value) -> float:
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _boolean(value) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str):
        key = value.strip().lower()
        if key in ("true", "1", "vrai", "oui"):
            return True
        if key in ("false", "0", "faux", "non"):
            return False
        raise ValueError(value)
    number = _number(value)
    if number in (0.0, 1.0):
        return bool(number)
    raise ValueError(value)


def _date(value) -> str:
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()


def _datetime(value) -> str:
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    if stamp.utcoffset() == dt.timedelta(0):
        return stamp.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")
    return stamp.isoformat(timespec="seconds")


def json_value(value, kind: str) -> Any:
    """A value as the JSON its Table Schema type calls for (None when missing)."""
    if missing(value):
        return None
    if kind == "integer":
        return int(round(_number(value)))
    if kind == "number":
        number = _number(value)
        return int(number) if number.is_integer() and abs(number) < 2 ** 53 else number
    if kind == "boolean":
        return _boolean(value)
    if kind == "date":
        return _date(value)
    if kind == "datetime":
        return _datetime(value)
    return str(value).strip()


def cell(value, kind: str) -> str:
    """A value as CSV text for its Table Schema type ('' when missing)."""
    out = json_value(value, kind)
    if out is None:
        return ""
    if isinstance(out, bool):
        return "true" if out else "false"
    if isinstance(out, float):
        return repr(out)
    return str(out)


def check_rows(frame: pd.DataFrame, schema: dict, *, what: str, key: str) -> tuple:
    """(kept frame, problems): rows breaking a constraint or a type of ``schema`` are left
    out; each problem is a text naming the resource, the row's ``key`` value, the field, the
    value and what the schema expects."""
    keep = np.ones(len(frame), dtype=bool)
    problems: List[str] = []
    fields = {f["name"]: f for f in schema["fields"]}
    for i, row in enumerate(frame.to_dict("records")):
        for name, spec in fields.items():
            value = row.get(name)
            constraints = spec.get("constraints", {})
            reason = _problem(value, spec.get("type", "string"), constraints)
            if reason:
                keep[i] = False
                problems.append(tr("{what} {key}: field {field} = {value!r} is not published "
                                   "in the national schema ({reason})").format(
                    what=what, key=row.get(key), field=name,
                    value=None if missing(value) else value, reason=reason))
                break
    return frame[keep].reset_index(drop=True), problems, keep


def _problem(value, kind: str, constraints: dict) -> Optional[str]:
    if missing(value):
        return tr("required") if constraints.get("required") else None
    try:
        typed = json_value(value, kind)
    except (TypeError, ValueError):
        return tr("expected a value of type {type}").format(type=kind)
    text = cell(value, kind)
    pattern = constraints.get("pattern")
    if pattern and not re.match(f"^(?:{pattern})$", text):
        return tr("expected the pattern {pattern}").format(pattern=pattern)
    enum = constraints.get("enum")
    if enum and typed not in enum and text not in [str(e) for e in enum]:
        return tr("expected one of {values}").format(values=", ".join(map(str, enum)))
    if isinstance(typed, (int, float)) and not isinstance(typed, bool):
        if "minimum" in constraints and typed < constraints["minimum"]:
            return tr("expected at least {limit}").format(limit=constraints["minimum"])
        if "maximum" in constraints and typed > constraints["maximum"]:
            return tr("expected at most {limit}").format(limit=constraints["maximum"])
    return None
