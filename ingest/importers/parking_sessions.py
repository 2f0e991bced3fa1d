"""Parking sessions (car-park tickets, subscribers' passages, paid on-street sessions) into
``parking_sessions``.

The file is read and checked by :mod:`ingest.sources.sessions` (its numpy byte reader, or the
tabular path for files it does not handle); its column names come from a mapping, or a saved
preset (:mod:`.presets`). Here:

1. the car park or zone of each row is found among the GeoPackage's ``parkings``: by
   ``parking_id``, else by name (case and surrounding spaces ignored); a row naming an unknown
   one is rejected (import the car parks first);
2. sessions without exit are kept as open sessions (one warning gives their number: the dwell
   statistics count them apart and never guess their length);
3. the sessions are written in one transaction into ``parking_session_blocks`` (by car park and
   month, as arrays: see :mod:`store.schema.activity`), keyed by car park, entry second, ticket
   id (when the file has one) and rank among the sessions entering that car park in the same
   second with the same ticket id, or without one (ordered by exit with open sessions last,
   then amount and row): re-importing the file adds nothing, and a later export of the same
   period gives the exit of a session that was still open (without ticket ids, two sessions
   entering the same car park in the same second are told apart by their exits only:
   interchangeable for every statistic). Times are kept to the second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import tables
from ...store.schema.activity import require_activity
from ...store.writers import activity as writer
from ..sources import sessions as source
from ..sources.tabular import Conventions
from . import presets
from .framework import ImportResult, ImportRun

SOURCE = "parking_sessions"
NS = source.NS


def import_parking_sessions(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                            preset: Optional[str] = None, save_preset: Optional[str] = None,
                            max_stay_days: float = source.MAX_STAY_DAYS,
                            timezone: str = "Europe/Paris",
                            conventions: Optional[Conventions] = None,
                            byte_reader: bool = True, progress=None,
                            is_canceled=None) -> ImportResult:
    """Import a sessions CSV (module docstring). ``mapping`` (our field → the file's column:
    ``parking_id``, ``entry``, ``exit``, ``amount``, ``ticket``) overrides the ``preset``'s
    entries; ``save_preset`` saves the mapping used under that name. ``max_stay_days``: longer
    stays are rejected. Times with a UTC offset are read as the wall clock of ``timezone``."""
    run = ImportRun.open(conn, SOURCE, [path], require_activity, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    cols = presets.resolve(conn, SOURCE, preset, mapping)
    run.progress(2)
    s = source.read_sessions(path, report, mapping=cols, conventions=conventions,
                             timezone=timezone, byte_reader=byte_reader)
    report.rows_read += len(s)
    run.progress(35)
    run.checkpoint()
    valid = source.check_sessions(s, report, name, max_stay_days=max_stay_days)
    park = _car_parks(conn, s, valid, report, name)
    report.rows_accepted += int(valid.sum())
    report.rejected.sort(key=lambda r: (r.file, r.row))
    result = run.result
    result.counts["reader"] = s.reader
    keep = np.flatnonzero(valid)
    open_ = s.exit[keep] == source.NAT
    if open_.any():
        report.warn(name, 0, s.columns["exit"], "", tr(
            "{n} sessions without exit: kept as open sessions (counted apart, left out of the "
            "dwell statistics)").format(n=int(open_.sum())))
    result.counts["open_sessions"] = int(open_.sum())
    run.progress(45)
    run.checkpoint()
    uuids, arrays = _ordered(s, keep, park)
    n = len(keep)
    with run.writing() as conn:
        added, closed = writer.upsert_sessions(conn, uuids, **arrays,
                                               checkpoint=run.checkpoint,
                                               progress=run.step_progress(50, 98, n))
        if save_preset:
            presets.save(conn, SOURCE, save_preset, s.columns)
    result.added["parking_sessions"] = added
    result.updated["parking_sessions"] = closed
    result.unchanged["parking_sessions"] = n - added - closed
    return result


def _car_parks(conn, s: source.Sessions, valid: np.ndarray, report, name) -> np.ndarray:
    """Per row, the index into ``s.parking.categories`` → car park uuid; the rows naming an
    unknown car park are rejected (``valid`` updated in place). Returns the uuid per category
    (None when unknown)."""
    rows = tables.rows(conn, "parkings", ["uuid", "parking_id", "name"])
    by_id = {r["parking_id"]: r["uuid"] for r in rows}
    by_name = {}
    for r in rows:
        if r["name"]:
            by_name.setdefault(str(r["name"]).strip().casefold(), r["uuid"])
    labels = list(s.parking.categories)
    found = np.array([by_id.get(lab) or by_name.get(lab.casefold()) for lab in labels] + [None],
                     dtype=object)
    codes = s.parking.codes
    unknown = valid & (codes >= 0) & (found[codes] == None)  # noqa: E711
    column = s.columns["parking_id"]
    reason = tr("a parking_id (or name) of the GeoPackage's car parks or zones (import the car "
                "parks first)")
    for i in np.flatnonzero(unknown):
        report.reject(name, s.rows[i], column, labels[codes[i]], reason)
    valid &= ~unknown
    return found[:-1]


def _ordered(s: source.Sessions, keep: np.ndarray, park: np.ndarray):
    """The distinct car park uuids and the kept sessions as the writer's arrays, sorted by car
    park and entry, with the rank of each session among those entering the same car park in
    the same second with the same ticket id (or without one), ordered by exit (open sessions
    last: a later export that closes one gives it the same rank), amount and row. ``park``:
    the car park uuid of each category of ``s.parking`` (two names of one car park are one
    car park)."""
    uuids = sorted({u for u in park if u})
    index = {u: i for i, u in enumerate(uuids)}
    by_category = np.asarray([index.get(u, -1) for u in park] + [-1], dtype=np.int64)
    n = len(keep)
    code = by_category[s.parking.codes[keep]]
    entry_s = s.entry[keep] // NS
    exit_ns = s.exit[keep]
    open_ = exit_ns == source.NAT
    stay_s = exit_ns // NS - entry_s
    stay_s[open_] = -1
    amount = s.amount[keep] if s.amount is not None else np.full(n, np.nan)
    ticket = s.ticket.codes[keep].astype(np.int64) if s.ticket is not None else None
    rank = np.zeros(n, dtype=np.int64)
    if not n:
        return uuids, {"codes": code, "entry_s": entry_s, "rank": rank, "stay_s": stay_s,
                       "amount": amount, "tickets": None if ticket is None else
                       np.zeros(0, dtype=object)}
    primary = code * (int(entry_s.max() - entry_s.min()) + 1) + (entry_s - entry_s.min())
    order = _argsort(primary)
    sorted_key = primary[order]
    same = sorted_key[1:] == sorted_key[:-1]
    if same.any():  # sessions of a same car park and second: ticket, exit, amount, row
        tie = np.zeros(n, dtype=bool)
        tie[1:] = same
        tie[:-1] |= same
        pos = np.flatnonzero(tie)
        sub = order[pos]
        exit_key = np.where(open_[sub], np.iinfo(np.int64).max, exit_ns[sub])
        tick = ticket[sub] if ticket is not None else np.zeros(len(sub), dtype=np.int64)
        sub_order = np.lexsort((sub, np.nan_to_num(amount[sub], nan=-1.0), exit_key, tick,
                                sorted_key[pos]))
        order[pos] = sub = sub[sub_order]
        tick = tick[sub_order]
        group = np.ones(len(pos), dtype=bool)  # a new car park, second or ticket id
        group[1:] = (sorted_key[pos][1:] != sorted_key[pos][:-1]) | (tick[1:] != tick[:-1])
        at = np.arange(len(pos))
        rank[pos] = at - np.maximum.accumulate(np.where(group, at, 0))
    tickets = None
    if ticket is not None:
        labels = np.asarray(list(s.ticket.categories) + [None], dtype=object)
        tickets = labels[ticket[order]]  # code -1 → the last entry, None
    return uuids, {"codes": code[order], "entry_s": entry_s[order], "rank": rank,
                   "stay_s": stay_s[order], "amount": amount[order], "tickets": tickets}


def _argsort(key: np.ndarray) -> np.ndarray:
    """``np.argsort`` of non-negative int64 keys; when key and position fit in 62 bits, one
    ``np.sort`` of ``key × 2^b + position`` (faster than an argsort by a third)."""
    bits = max(1, int(len(key) - 1).bit_length())
    if int(key.max()) < (1 << (62 - bits)):
        packed = (key << bits) | np.arange(len(key), dtype=np.int64)
        packed.sort()
        return packed & ((1 << bits) - 1)
    return np.argsort(key, kind="stable")


def sessions_frame(s: source.Sessions, valid: np.ndarray) -> pd.DataFrame:
    """The kept sessions as the frame :func:`analysis.dwell.dwell_summary` reads (``key``,
    ``entry``, ``exit`` as int64 ns, ``amount``): what a caller summarises without the
    GeoPackage (the benchmark's read + summary path)."""
    keep = np.flatnonzero(valid)
    return pd.DataFrame({"key": pd.Categorical.from_codes(s.parking.codes[keep],
                                                          s.parking.categories),
                         "entry": s.entry[keep], "exit": s.exit[keep],
                         "amount": s.amount[keep] if s.amount is not None
                         else np.full(len(keep), np.nan)})
