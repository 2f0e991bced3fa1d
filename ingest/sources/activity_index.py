"""Activity indices or amounts (aggregated card payments and the like, as banks and card
networks publish them for town-centre programmes) → validated rows.

Columns, through a mapping: ``zone`` (a zone id or a centrality's name, required), ``sector``
(optional: ``all`` when absent), ``period`` (required), ``value`` (required, a number),
``measure`` (optional: ``index``, ``amount`` or ``transactions``; default given by the
caller), ``unit`` (optional).

Periods are written ``YYYY-MM`` (also ``MM/YYYY``, ``YYYY/MM``), ``YYYY-Qn`` (also ``YYYYQn``,
``YYYY-Tn``, ``T1 2024``, ``Q1 2024``) or ``YYYY``, or as a date (``2024-03-01``,
``01/03/2024``: the month of that date, or its quarter or year when the caller says the file
is quarterly or yearly). They are stored as ``2024-03``, ``2024-Q1``, ``2024`` with their
frequency M / Q / Y. Rejected: a missing or unreadable value, a period in none of those forms,
a measure not in the list, a second row for the same zone, sector, period and measure.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ...i18n import tr
from .report import ImportReport
from .tabular import (
    Conventions,
    FieldSpec,
    finish,
    mapped_table,
    parse_date_text,
    reject_rows,
    repeated,
)

MEASURES = ("index", "amount", "transactions")
FREQUENCIES = ("M", "Q", "Y")
FIELDS = [FieldSpec("zone", required=True), FieldSpec("sector"),
          FieldSpec("period", required=True), FieldSpec("value", "number", required=True),
          FieldSpec("measure", enum=MEASURES), FieldSpec("unit")]

_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$|^(\d{1,2})[-/](\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[QT]([1-4])$|^[QT]([1-4])\s*[-/ ]?\s*(\d{4})$",
                      re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str, frequency: Optional[str] = None) -> Tuple[Optional[str],
                                                                      Optional[str]]:
    """``(label, frequency)`` of a period text (module docstring), or ``(None, None)``.
    ``frequency`` (M, Q, Y) says how to read a date; a written month, quarter or year keeps its
    own frequency."""
    t = str(text).strip()
    m = _QUARTER.match(t)
    if m:
        year, quarter = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return f"{year}-Q{quarter}", "Q"
    m = _MONTH.match(t)
    if m:
        year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}", "M"
        return None, None
    if _YEAR.match(t):
        return t, "Y"
    p = parse_date_text(t)
    if p.error or p.value is None:
        return None, None
    d = p.value
    if frequency == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}", "Q"
    if frequency == "Y":
        return f"{d.year}", "Y"
    return f"{d.year}-{d.month:02d}", "M"


def read_index(path, report: ImportReport, *, mapping: Optional[Mapping[str, str]] = None,
               measure: str = "index", frequency: Optional[str] = None,
               conventions: Optional[Conventions] = None) -> Tuple[pd.DataFrame, dict]:
    """Rows ``zone, sector, period, frequency, measure, value, unit, source_row`` and the
    columns used (our field → the file's column)."""
    name = Path(path).name
    out, valid, cols = mapped_table(path, FIELDS, report, mapping=mapping,
                                    conventions=conventions)
    rows = out["source_row"].to_numpy()
    labels = [parse_period(p, frequency) if p else (None, None) for p in out["period"]]
    period = np.array([p for p, _f in labels], dtype=object)
    freq = np.array([f for _p, f in labels], dtype=object)
    bad = valid & pd.isna(pd.Series(period)).to_numpy()
    valid &= reject_rows(report, name, bad, rows, cols["period"], out["period"].to_numpy(),
                         tr("a period written YYYY-MM, YYYY-Qn or YYYY (or a date)"))
    out["period"] = period
    out["frequency"] = freq
    out["sector"] = out["sector"].where(out["sector"].notna(), "all")
    out["measure"] = out["measure"].where(out["measure"].notna(), measure)
    dup = repeated(out, valid, ["zone", "sector", "period", "measure"])
    valid &= reject_rows(report, name, dup, rows, cols["period"], out["period"].to_numpy(),
                         tr("one value per zone, sector, period and measure (duplicate)"))
    f = finish(out, valid, report)
    frame = pd.DataFrame({"zone": f["zone"].astype(str), "sector": f["sector"].astype(str),
                          "period": f["period"], "frequency": f["frequency"],
                          "measure": f["measure"], "value": f["value"].astype(float),
                          "unit": f["unit"], "source_row": f["source_row"]})
    return frame, cols
