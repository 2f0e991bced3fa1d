"""Publication rules for survey figures (statistical secrecy and precision).

Applied to every cell of survey results before it leaves an algorithm (indicators table, layers,
atlas, dashboard, open data). A *cell* is one published figure (a mean, a share, a rate…) and its
*respondents* are the unweighted number of responses behind it (for a share, its denominator):

- respondents < ``MIN_RESPONDENTS`` (11): the value and its interval are emptied, the cell is
  marked ``suppressed`` and its ``reason`` is "fewer than 11 respondents";
- respondents < ``LOW_PRECISION`` (30): the cell is flagged ``low_precision`` (suppressed cells
  are under 30 too, so they carry the flag as well).

Pure pandas: no QGIS. ``REASON_TEMPLATE`` is the English text with its placeholder, for the
caller to translate (``tr(REASON_TEMPLATE).format(n=MIN_RESPONDENTS)``).
"""

from __future__ import annotations

from typing import Iterable, Optional, Tuple

import numpy as np
import pandas as pd

MIN_RESPONDENTS = 11
LOW_PRECISION = 30


def noop(text: str) -> str:
    """Marks a text for translation where it is defined (extracted by scripts/i18n.py)."""
    return text


REASON_TEMPLATE = noop("fewer than {n} respondents")
REASON_CODE = "too_few_respondents"
VALUE_COLUMNS = ("mean", "se", "ci_low", "ci_high", "value", "estimate", "share", "rate")


def reason_text(min_respondents: int = MIN_RESPONDENTS) -> str:
    """The English reason given for a suppressed cell: "fewer than 11 respondents"."""
    return REASON_TEMPLATE.format(n=min_respondents)


def secrecy_flags(respondents, min_respondents: int = MIN_RESPONDENTS,
                  low_precision: int = LOW_PRECISION) -> Tuple[np.ndarray, np.ndarray]:
    """(suppressed, low_precision) boolean arrays; a missing count counts as 0 respondents."""
    n = pd.to_numeric(pd.Series(np.asarray(respondents).reshape(-1)), errors="coerce")
    n = n.fillna(0).to_numpy(dtype=float)
    return n < min_respondents, n < low_precision


def apply_secrecy(frame: pd.DataFrame, respondents: str = "respondents",
                  value_columns: Optional[Iterable[str]] = None, *,
                  min_respondents: int = MIN_RESPONDENTS,
                  low_precision: int = LOW_PRECISION) -> pd.DataFrame:
    """A copy of ``frame`` with the publication rules applied.

    :param respondents: the column of unweighted respondents behind each cell.
    :param value_columns: the columns emptied (NaN, or None in text columns) in suppressed
        cells; default every column of :data:`VALUE_COLUMNS` present.
    :returns: the frame plus ``suppressed`` (bool), ``low_precision`` (bool) and ``reason``
        (English text for suppressed cells, None otherwise).
    """
    if respondents not in frame.columns:
        raise ValueError(f"the cells have no '{respondents}' column (respondents per cell)")
    if value_columns is None:
        value_columns = [c for c in VALUE_COLUMNS if c in frame.columns]
    else:
        value_columns = list(value_columns)
        unknown = [c for c in value_columns if c not in frame.columns]
        if unknown:
            raise ValueError(f"the cells have no column(s) {unknown}")
    out = frame.copy()
    suppressed, low = secrecy_flags(out[respondents].to_numpy(), min_respondents, low_precision)
    for column in value_columns:
        if pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].astype(float).where(~suppressed)
        else:
            out[column] = out[column].astype(object).where(~suppressed, None)
    out["suppressed"] = suppressed
    out["low_precision"] = low
    out["reason"] = pd.Series(np.where(suppressed, reason_text(min_respondents), None),
                              index=out.index, dtype=object)
    return out


def publishable(frame: pd.DataFrame, respondents: str = "respondents", *,
                min_respondents: int = MIN_RESPONDENTS) -> pd.DataFrame:
    """Only the cells that may be written (respondents >= ``min_respondents``)."""
    suppressed, _low = secrecy_flags(frame[respondents].to_numpy(), min_respondents)
    return frame[~suppressed]
