"""Chunked ``INSERT OR IGNORE``: rows keyed by a unique source id are written once, so that
re-importing a file adds nothing. ``values_sql`` lets a column be computed by SQL from the
parameters (``strftime`` of an epoch, a deterministic uuid…), which keeps million-row imports
fast."""

from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Optional, Sequence

from .. import tables

CHUNK = 50_000


def insert_rows(conn, table: str, columns: Sequence[str], rows: Iterable, *,
                values_sql: Optional[str] = None,
                checkpoint: Optional[Callable[[], None]] = None,
                progress: Optional[Callable[[int], None]] = None) -> int:
    """INSERT OR IGNORE ``rows`` (tuples of parameters) in chunks; returns how many were added.

    ``values_sql`` is the ``VALUES (…)`` list (default: one ``?`` per column); ``checkpoint()``
    runs before each chunk (raise from it to cancel: the caller's transaction rolls back);
    ``progress(rows_done)`` after each (:func:`store.tables.insert`).
    """
    return tables.insert(conn, table, columns, rows, on_conflict="ignore",
                         values_sql=values_sql, checkpoint=checkpoint, progress=progress)


def _chunks(rows: Iterable):
    """(rows so far, chunk) pairs of at most :data:`CHUNK` rows."""
    iterator, done = iter(rows), 0
    for chunk in iter(lambda: list(islice(iterator, CHUNK)), []):
        done += len(chunk)
        yield done, chunk
