"""The columnar layout of the parking sessions: one row of ``parking_session_blocks`` per car
park and month of entry, the sessions as little-endian arrays in BLOBs (the layout, and how a
session is identified across imports, are described in :mod:`store.schema.activity`).

This module turns arrays into a row's values and back, checks what it reads, and builds the
one integer key per session that the writer matches imports with. No SQL here: the writer is
:func:`store.writers.activity.upsert_sessions`, the readers :mod:`store.readers.activity`.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from ..i18n import tr

ENTRY = np.dtype("<i8")    # local wall-clock seconds since 1970-01-01 00:00
STAY = np.dtype("<i4")     # seconds; OPEN when no exit was recorded
AMOUNT = np.dtype("<f8")   # €, NaN = none
OPEN = -1
#: The longest stay a block can hold (int32 seconds: about 68 years).
MAX_STAY_S = int(np.iinfo(np.int32).max)
#: The columns of a block row, in the order :func:`encode` returns their values.
VALUE_COLUMNS = ["sessions", "open_sessions", "first_entry", "last_entry", "entry_s", "stay_s",
                 "amount", "tickets", "checksum"]


class SessionBlockError(ValueError):
    """A stored block whose arrays do not match their length or checksum."""


@dataclass
class Block:
    """The decoded arrays of one block (sorted by entry): ``entry_s`` and ``stay_s`` int64,
    ``amount`` float64 or None, ``tickets`` an object array (None = no ticket id) or None."""

    entry_s: np.ndarray
    stay_s: np.ndarray
    amount: Optional[np.ndarray]
    tickets: Optional[np.ndarray]


# ---------------------------------------------------------------------------------------------
# months
# ---------------------------------------------------------------------------------------------

def months(entry_s: np.ndarray) -> np.ndarray:
    """Month number (months since January 1970) of entries in seconds since 1970."""
    return np.asarray(entry_s, dtype=np.int64).astype("datetime64[s]").astype(
        "datetime64[M]").astype(np.int64)


def month_labels(numbers: np.ndarray) -> List[str]:
    """``YYYY-MM`` of month numbers."""
    return [str(v) for v in np.asarray(numbers, dtype=np.int64).astype("datetime64[M]")]


def month_number(label: str) -> int:
    """The month number of a ``YYYY-MM`` label."""
    return int(np.datetime64(label, "M").astype(np.int64))


def local_text(seconds: np.ndarray) -> np.ndarray:
    """``YYYY-MM-DDTHH:MM:SS`` of local wall-clock seconds since 1970."""
    return np.datetime_as_string(np.asarray(seconds, dtype=np.int64).astype("datetime64[s]"),
                                 unit="s")


# ---------------------------------------------------------------------------------------------
# encoding and decoding
# ---------------------------------------------------------------------------------------------

def checksum(entry: bytes, stay: bytes, amount: Optional[bytes]) -> int:
    """CRC-32 of the bytes of the entry, stay and amount arrays, in that order."""
    return zlib.crc32(amount or b"", zlib.crc32(stay, zlib.crc32(entry)))


def encode(entry_s: np.ndarray, stay_s: np.ndarray, amount: Optional[np.ndarray],
           tickets: Optional[np.ndarray]) -> list:
    """The values of :data:`VALUE_COLUMNS` for the sessions of one block (sorted by entry).
    ``amount`` and ``tickets`` are stored as NULL when no session has one."""
    entry = np.ascontiguousarray(entry_s, dtype=ENTRY).tobytes()
    stay = np.ascontiguousarray(stay_s, dtype=STAY).tobytes()
    amt = None
    if amount is not None and not np.isnan(amount).all():
        amt = np.ascontiguousarray(amount, dtype=AMOUNT).tobytes()
    text = None
    if tickets is not None and any(t is not None for t in tickets):
        text = json.dumps(list(tickets), ensure_ascii=False, separators=(",", ":"))
    first, last = local_text(np.asarray([entry_s[0], entry_s[-1]]))
    return [len(entry_s), int((np.asarray(stay_s) < 0).sum()), str(first), str(last), entry,
            stay, amt, text, checksum(entry, stay, amt)]


def decode(row: Mapping, *, with_tickets: bool = False) -> Block:
    """The arrays of a stored row (``fid, parking_uuid, month, sessions, entry_s, stay_s,
    amount, checksum`` and, ``with_tickets``, ``tickets``). The arrays are read in place
    (``np.frombuffer``). Raises :class:`SessionBlockError` when a length or the checksum does
    not match."""
    n = row["sessions"]
    entry, stay, amt = row["entry_s"], row["stay_s"], row["amount"]
    ok = (isinstance(entry, bytes) and isinstance(stay, bytes)
          and (amt is None or isinstance(amt, bytes)) and isinstance(n, int)
          and len(entry) == n * ENTRY.itemsize and len(stay) == n * STAY.itemsize
          and (amt is None or len(amt) == n * AMOUNT.itemsize)
          and checksum(entry, stay, amt) == row["checksum"])
    tickets = None
    if ok and with_tickets and row["tickets"] is not None:
        try:
            values = json.loads(row["tickets"])
        except (TypeError, ValueError):
            values = None
        ok = (isinstance(values, list) and len(values) == n
              and all(v is None or isinstance(v, str) for v in values))
        tickets = np.asarray(values if ok else [], dtype=object)
    if not ok:
        raise SessionBlockError(tr(
            "parking_session_blocks, row fid {fid} (car park {parking}, month {month}): its "
            "arrays do not match their length or checksum (edited by hand?). Delete the row and "
            "import the sessions of that car park and month again.").format(
                fid=row["fid"], parking=row["parking_uuid"], month=row["month"]))
    return Block(np.frombuffer(entry, dtype=ENTRY).astype(np.int64, copy=False),
                 np.frombuffer(stay, dtype=STAY).astype(np.int64),
                 None if amt is None else np.frombuffer(amt, dtype=AMOUNT),
                 tickets)


# ---------------------------------------------------------------------------------------------
# the key of a session
# ---------------------------------------------------------------------------------------------

def ranks(park: np.ndarray, entry_s: np.ndarray, ticket: np.ndarray) -> np.ndarray:
    """The rank of each session among the consecutive ones of the same car park, entry second
    and ticket code (stored order: the rank is not stored, it is this position)."""
    n = len(entry_s)
    starts = np.ones(n, dtype=bool)
    if n > 1:
        starts[1:] = ((park[1:] != park[:-1]) | (entry_s[1:] != entry_s[:-1])
                      | (ticket[1:] != ticket[:-1]))
    index = np.arange(n)
    return index - np.maximum.accumulate(np.where(starts, index, 0))


def session_keys(park: np.ndarray, entry_s: np.ndarray, ticket: np.ndarray,
                 rank: np.ndarray) -> np.ndarray:
    """One int64 per session that orders like ``(park, entry_s, ticket, rank)`` and is equal
    only for the same session: the four packed into one integer when their ranges fit in 62
    bits, else their dense rank (one ``lexsort``). ``ticket``: codes, 0 = none."""
    if not len(entry_s):
        return np.zeros(0, dtype=np.int64)
    e0 = int(entry_s.min())
    sizes = [int(park.max()) + 1, int(entry_s.max()) - e0 + 1, int(ticket.max()) + 1,
             int(rank.max()) + 1]
    if np.prod([float(s) for s in sizes]) < 2.0 ** 62:
        key = park.astype(np.int64) * sizes[1] + (entry_s - e0)
        key = key * sizes[2] + ticket
        return key * sizes[3] + rank
    order = np.lexsort((rank, ticket, entry_s, park))
    columns = (park, entry_s, ticket, rank)
    new = np.ones(len(order), dtype=bool)
    for c in columns:
        v = c[order]
        new[1:] |= v[1:] != v[:-1]
    new[0] = True
    dense = np.empty(len(order), dtype=np.int64)
    dense[order] = np.cumsum(new) - 1
    return dense


def ticket_codes(*ticket_arrays: Optional[np.ndarray]) -> List[np.ndarray]:
    """Codes of the ticket ids of several arrays on one scale (0 = none, 1… the distinct ids),
    so that the same id has the same code in each; an array given as None is all zeros (its
    length unknown: callers pass a placeholder of the right length)."""
    values = [np.asarray(t, dtype=object) for t in ticket_arrays]
    joined = np.concatenate(values) if values else np.zeros(0, dtype=object)
    codes, _ = pd.factorize(pd.Series(joined, dtype=object))
    codes = codes.astype(np.int64) + 1  # factorize gives -1 for None
    bounds = np.cumsum([0] + [len(v) for v in values])
    return [codes[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def no_tickets(n: int) -> np.ndarray:
    """An object array of ``n`` None (sessions without ticket id)."""
    return np.full(n, None, dtype=object)


def split_points(keys: Sequence[int]) -> np.ndarray:
    """Positions where a sorted array of block keys changes (the starts of the blocks after the
    first)."""
    k = np.asarray(keys)
    return np.flatnonzero(k[1:] != k[:-1]) + 1
