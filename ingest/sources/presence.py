"""Presence data (mobile-network aggregates, Wi-Fi / Bluetooth sensors) → validated rows.

One row per zone, time slot, visitor category and either dwell-time class (*class form*) or
mean dwell in minutes (*mean form*), as providers deliver them, through a column mapping:
``zone`` (a zone id, or a centrality's name), ``slot`` (start of the time slot: a date-time, or
a date for daily data), ``category`` (the provider's label, kept as it is), ``count`` (people
counted, ≥ 0), ``dwell_class`` or ``mean_dwell``. A file uses one form: values in both columns
refuse it.

Dwell classes get their bounds in minutes ``[lower, upper)`` from ``class_bounds`` (label →
(lower, upper), upper ``inf`` for an open class), else from the label itself
(:func:`class_bounds_of`): ``< 30 min``, ``30 min - 1 h``, ``1h-2h``, ``2 à 4 h``,
``> 4 h``, ``4h+``, ``moins de 30 min``, ``plus de 4 h``, ``lt_30min``, ``ge_4h``, ``0-30``
(minutes when no unit is written). A label read neither way keeps no bounds (the statistics
then give its distribution, no mean).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ...i18n import tr
from .report import ImportReport, SourceError
from .tabular import Conventions, FieldSpec, finish, mapped_table, reject_rows, repeated

FIELDS = [FieldSpec("zone", required=True), FieldSpec("slot", "datetime", required=True,
                                                      allow_date_only=True),
          FieldSpec("category", required=True), FieldSpec("count", "number", required=True,
                                                          minimum=0),
          FieldSpec("dwell_class"), FieldSpec("mean_dwell", "number", minimum=0),
          FieldSpec("slot_minutes", "number", minimum=0.001)]

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(heures?|hours?|hrs?|h|minutes?|mins?|mn|m)?",
                     re.IGNORECASE)
_BELOW = re.compile(r"^\s*(<|≤|<=|lt|le|moins|less|under|below|inf|jusqu)", re.IGNORECASE)
_ABOVE = re.compile(r"^\s*(>|≥|>=|ge|gt|plus|more|over|above|sup|au-del)|\+\s*$",
                    re.IGNORECASE)


def class_bounds_of(label: str) -> Optional[Tuple[float, float]]:
    """Bounds in minutes ``(lower, upper)`` read from a dwell-class label (module docstring),
    ``upper`` = inf for an open class; None when the label cannot be read."""
    text = str(label).strip().replace("_", " ")
    found = [(float(v.replace(",", ".")), (u or "").lower()) for v, u in _NUMBER.findall(text)]
    if not found or len(found) > 2:
        return None
    units = [u for _v, u in found if u]
    default = units[0] if units else "min"
    minutes = [v * (60.0 if (u or default).startswith("h") else 1.0) for v, u in found]
    if len(minutes) == 2:
        lower, upper = minutes
        return (lower, upper) if upper > lower else None
    if _BELOW.search(text):
        return (0.0, minutes[0]) if minutes[0] > 0 else None
    if _ABOVE.search(text):
        return (minutes[0], math.inf)
    return None


def parse_class_bounds(text: Optional[str]) -> Dict[str, Tuple[float, float]]:
    """``"lt_30min=0-30; ge_4h=240-"`` → ``{'lt_30min': (0, 30), 'ge_4h': (240, inf)}``
    (minutes; an empty upper bound is an open class). Raises :class:`SourceError`."""
    out: Dict[str, Tuple[float, float]] = {}
    for part in str(text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        label, sep, bounds = (p.strip() for p in part.rpartition("="))
        low, dash, high = bounds.partition("-")
        try:
            lower = float(low.replace(",", "."))
            upper = float(high.replace(",", ".")) if high.strip() else math.inf
        except ValueError:
            lower = upper = float("nan")
        if not sep or not label or not dash or not (0 <= lower < upper):
            raise SourceError(tr("dwell classes: {entry!r} is not written label=lower-upper in "
                                 "minutes (e.g. lt_30min=0-30; ge_4h=240-)").format(
                entry=part.strip()))
        out[label] = (lower, upper)
    return out


@dataclass
class PresenceRows:
    frame: pd.DataFrame      # zone, slot (local), slot_minutes, category, dwell_class,
    #                          class_lower_min, class_upper_min, mean_dwell, count, source_row
    form: str                # "classes" or "mean"
    columns: Dict[str, str]  # our field → the file's column
    unbounded: list          # class labels without bounds


def read_presence(path, report: ImportReport, *, mapping: Optional[Mapping[str, str]] = None,
                  class_bounds: Optional[Mapping[str, Tuple[float, float]]] = None,
                  timezone: str = "Europe/Paris", conventions: Optional[Conventions] = None,
                  slot_minutes: Optional[float] = None) -> PresenceRows:
    """Read and check a presence file (module docstring). Rejected: a required value missing
    or unreadable, a negative count or mean, a second row for the same zone, slot, category and
    class."""
    name = Path(path).name
    out, valid, cols = mapped_table(path, FIELDS, report, mapping=mapping,
                                    conventions=conventions, naive_tz=timezone)
    has_class = bool(out["dwell_class"].notna().any())
    has_mean = bool(out["mean_dwell"].notna().any())
    if has_class and has_mean:
        raise SourceError(tr("{file}: both {classes} and {mean} hold values: a file gives "
                             "either dwell classes or a mean dwell; map only one of them").format(
            file=name, classes=cols["dwell_class"], mean=cols["mean_dwell"]))
    if not (has_class or has_mean) and len(out):
        raise SourceError(tr("{file}: no dwell class ({classes}) and no mean dwell ({mean}): "
                             "map the column that holds one of them").format(
            file=name, classes=cols["dwell_class"], mean=cols["mean_dwell"]))
    form = "mean" if has_mean else "classes"
    rows = out["source_row"].to_numpy()
    if form == "classes":
        valid &= reject_rows(report, name, out["dwell_class"].isna().to_numpy() & valid, rows,
                             cols["dwell_class"], "", tr("a value (this field is required)"))
    key = out.assign(_c=out["dwell_class"].fillna(""))
    dup = repeated(key, valid, ["zone", "slot_local", "category", "_c"])
    valid &= reject_rows(report, name, dup, rows, cols["slot"],
                         out["slot_local"].astype(str).to_numpy(),
                         tr("one row per zone, slot, category and dwell class (duplicate)"))
    f = finish(out, valid, report)
    bounds = dict(class_bounds or {})
    lower = np.full(len(f), np.nan)
    upper = np.full(len(f), np.nan)
    unbounded = []
    if form == "classes":
        for label in pd.unique(f["dwell_class"]):
            b = bounds.get(label) or class_bounds_of(label)
            if b is None:
                unbounded.append(label)
                continue
            sel = (f["dwell_class"] == label).to_numpy()
            lower[sel], upper[sel] = b
    minutes = pd.to_numeric(f["slot_minutes"], errors="coerce").to_numpy(dtype=float)
    if slot_minutes:
        minutes = np.where(np.isnan(minutes), float(slot_minutes), minutes)
    frame = pd.DataFrame({
        "zone": f["zone"].astype(str).to_numpy(), "slot": f["slot_local"].to_numpy(),
        "slot_minutes": minutes, "category": f["category"].astype(str).to_numpy(),
        "dwell_class": f["dwell_class"].to_numpy(dtype=object),
        "class_lower_min": lower, "class_upper_min": upper,
        "mean_dwell": pd.to_numeric(f["mean_dwell"], errors="coerce").to_numpy(dtype=float),
        "count": f["count"].to_numpy(dtype=float), "source_row": f["source_row"].to_numpy()})
    return PresenceRows(frame, form, cols, unbounded)
