"""What every job shares: cancelling, the job error, values for the indicators table.

Cancelling: a job takes ``checkpoint``, a callable it calls before each long step and always
before it writes anything; the caller (a Processing algorithm) makes it raise
:class:`CancelledError` once the user cancels, so a canceled run writes nothing. Network
searches of :mod:`analysis.network` stop when their progress callback returns False and raise
the same :class:`CancelledError` (re-exported here: callers need not import :mod:`analysis`).
"""

from __future__ import annotations

import math
from typing import Callable, Optional

from ..analysis.network import CancelledError
from ..store import indicators

Checkpoint = Optional[Callable[[], None]]

__all__ = ["CancelledError", "Checkpoint", "JobError", "campaign_rows", "check", "number",
           "save_indicators"]


class JobError(ValueError):
    """Data or parameters a job cannot work with; the message (translated) says what to fix."""


def check(checkpoint: Checkpoint) -> None:
    """Call ``checkpoint`` when there is one (it raises :class:`CancelledError` to stop the
    job)."""
    if checkpoint is not None:
        checkpoint()


def number(value) -> Optional[float]:
    """A value for the indicators table: a float, or None for a missing or non-numeric value
    (None, NaN, pandas NA, text)."""
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def save_indicators(conn, rows: list, algorithm: str, parameters: dict,
                    checkpoint: Checkpoint = None) -> int:
    """Write indicator rows in one transaction, after a last ``checkpoint``; returns the
    number of rows written."""
    check(checkpoint)
    return indicators.save(conn, rows, algorithm=algorithm, parameters=parameters)


def campaign_rows(records, specs) -> list:
    """Indicator rows of a centrality × campaign table (dict records with
    ``centrality_uuid``, ``campaign`` (name: the period) and ``campaign_uuid``): one per record
    and ``(code, column, unit)`` of ``specs``; scope ``outside`` for the record without a
    centrality (the premises outside every centrality)."""
    rows = []
    for r in records:
        scope = "centrality" if r["centrality_uuid"] else "outside"
        for code, column, unit in specs:
            rows.append({"scope": scope, "centrality_uuid": r["centrality_uuid"],
                         "indicator": code, "period": r["campaign"],
                         "campaign_uuid": r["campaign_uuid"], "value": number(r[column]),
                         "unit": unit})
    return rows
