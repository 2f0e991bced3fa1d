"""Dwell-time and activity tables (schema v13, :mod:`store.schema.activity`): parking sessions
(by car park and month, as arrays: :mod:`store.session_blocks`), presence counts, SIRENE history
and positions, activity indices, column presets.

Every writer runs inside the caller's transaction and returns what it did, so the importers
can report rows added, updated and unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .. import gpkg, tables
from .. import session_blocks as blocks
from ..schema.activity import SESSION_BLOCKS, key_uuid
from .bulk import _chunks

#: Blocks written per statement batch (between two cancel checks).
BLOCK_BATCH = 200
#: Stored blocks read per query.
_FIDS_PER_QUERY = 500


def upsert_sessions(conn, parking_uuids, codes: np.ndarray, entry_s: np.ndarray,
                    rank: np.ndarray, stay_s: np.ndarray, amount: np.ndarray,
                    tickets=None, *, checkpoint: Optional[Callable] = None,
                    progress: Optional[Callable] = None) -> Tuple[int, int]:
    """Write sessions into ``parking_session_blocks``: ``parking_uuids`` (distinct car park
    uuids) indexed by ``codes``, ``entry_s`` (local wall-clock seconds since 1970), ``rank``
    (among the sessions of the same car park, second and ticket id, or without ticket id),
    ``stay_s`` (seconds; negative = open, no exit), ``amount`` (NaN = none), ``tickets`` (object
    array of ids, None = none; or None). Any order.

    A session is identified by (car park, entry second, ticket id, rank) (see
    :mod:`store.schema.activity`). One already stored is left as it is, except an open one that
    the new session closes: its stay is written, and its amount when the new one has one. The
    blocks of the car parks and months the sessions fall in are read, merged and rewritten
    (only those that change). Returns ``(added, closed)``."""
    n = len(codes)
    if not n:
        return 0, 0
    uuids = [str(u) for u in parking_uuids]
    if len(set(uuids)) != len(uuids):
        raise ValueError("upsert_sessions: parking_uuids must be distinct")
    stay = np.asarray(stay_s, dtype=np.int64)
    new = _Sessions(np.asarray(codes, dtype=np.int64), np.asarray(entry_s, dtype=np.int64),
                    np.where(stay < 0, blocks.OPEN, stay), np.asarray(amount, dtype=np.float64),
                    None if tickets is None else np.asarray(tickets, dtype=object),
                    np.asarray(rank, dtype=np.int64))
    if int(new.stay.max()) > blocks.MAX_STAY_S:
        raise ValueError("upsert_sessions: a stay longer than a block holds (int32 seconds)")
    stored, fids = _stored(conn, uuids, new)
    plan = _merge(stored, new)
    if plan is None:
        return 0, 0
    _write(conn, uuids, plan, fids, checkpoint, progress)
    gpkg.touch(conn, SESSION_BLOCKS)
    return plan.added, plan.closed


class _Sessions:
    """Parallel arrays of sessions: car park code, entry, stay (OPEN = no exit), amount (NaN =
    none), tickets (object array or None), rank (None for stored ones: derived)."""

    def __init__(self, park, entry, stay, amount, tickets, rank=None):
        self.park, self.entry, self.stay, self.amount = park, entry, stay, amount
        self.tickets, self.rank = tickets, rank

    def __len__(self) -> int:
        return len(self.entry)

    def take(self, index) -> _Sessions:
        return _Sessions(self.park[index], self.entry[index], self.stay[index],
                         self.amount[index],
                         None if self.tickets is None else self.tickets[index],
                         None if self.rank is None else self.rank[index])


def _stored(conn, uuids: List[str], new: _Sessions):
    """The stored sessions of the blocks (car park, month) ``new`` falls in, and ``{(car park
    code, month number): fid}`` of those blocks."""
    code_of = {u: i for i, u in enumerate(uuids)}
    month = blocks.months(new.entry)
    m0 = int(month.min())
    span = int(month.max()) - m0 + 1
    packed = pd.unique(new.park * span + (month - m0))
    wanted = set(zip((packed // span).tolist(), (packed % span + m0).tolist()))
    used = sorted({uuids[c] for c, _m in wanted})
    fids: Dict[Tuple[int, int], int] = {}
    for i in range(0, len(used), _FIDS_PER_QUERY):
        part = used[i:i + _FIDS_PER_QUERY]
        for fid, parking, label in conn.execute(
                f"SELECT fid, parking_uuid, month FROM {SESSION_BLOCKS} WHERE parking_uuid IN "
                f"({', '.join('?' * len(part))})", part):
            key = (code_of[parking], blocks.month_number(label))
            if key in wanted:
                fids[key] = fid
    if not fids:
        return None, fids
    parts = []
    wanted_fids = sorted(fids.values())
    for i in range(0, len(wanted_fids), _FIDS_PER_QUERY):
        part = wanted_fids[i:i + _FIDS_PER_QUERY]
        cursor = conn.execute(
            "SELECT fid, parking_uuid, month, sessions, entry_s, stay_s, amount, tickets, "
            f"checksum FROM {SESSION_BLOCKS} WHERE fid IN ({', '.join('?' * len(part))})", part)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values))
            block = blocks.decode(row, with_tickets=True)
            k = len(block.entry_s)
            parts.append(_Sessions(
                np.full(k, code_of[row["parking_uuid"]], dtype=np.int64), block.entry_s,
                block.stay_s, np.full(k, np.nan) if block.amount is None
                else block.amount.copy(), block.tickets))
    return _concat(parts), fids


def _concat(parts: List[_Sessions]) -> _Sessions:
    tickets = None
    if any(p.tickets is not None for p in parts):
        tickets = np.concatenate([p.tickets if p.tickets is not None
                                  else blocks.no_tickets(len(p)) for p in parts])
    return _Sessions(*(np.concatenate([getattr(p, a) for p in parts])
                       for a in ("park", "entry", "stay", "amount")), tickets,
                     None if any(p.rank is None for p in parts)
                     else np.concatenate([p.rank for p in parts]))


@dataclass
class _Plan:
    """The sessions of every block to write, sorted by session key (so grouped by block), the
    block key of each (``park × span + month − m0``), and the counts."""

    sessions: _Sessions
    block: np.ndarray
    m0: int
    span: int
    added: int
    closed: int


def _merge(stored: Optional[_Sessions], new: _Sessions) -> Optional[_Plan]:
    """Match the new sessions with the stored ones (None when nothing changes)."""
    ns = 0 if stored is None else len(stored)
    both = new if stored is None else _concat([stored, new])
    if both.tickets is not None:
        ticket = blocks.ticket_codes(both.tickets)[0]
    else:
        ticket = np.zeros(len(both), dtype=np.int64)
    rank = new.rank if stored is None else np.concatenate(
        [blocks.ranks(stored.park, stored.entry, ticket[:ns]), new.rank])
    keys = blocks.session_keys(both.park, both.entry, ticket, rank)
    kn = keys[ns:]
    order_n = _order(kn)
    sorted_kn = kn if order_n is None else kn[order_n]
    if (sorted_kn[1:] == sorted_kn[:-1]).any():
        raise ValueError("upsert_sessions: two new sessions with the same key (car park, "
                         "entry, ticket, rank)")
    found = np.zeros(len(new), dtype=bool)
    closed = 0
    changed = np.zeros(ns, dtype=bool)
    if ns:
        ks = keys[:ns]
        order = _order(ks)
        sorted_ks = ks if order is None else ks[order]
        pos = np.searchsorted(sorted_ks, kn)
        found = pos < ns
        found[found] = sorted_ks[pos[found]] == kn[found]
        match = pos[found] if order is None else order[pos[found]]
        hit = np.flatnonzero(found)
        closing = (both.stay[match] < 0) & (new.stay[hit] >= 0)
        target, source = match[closing], hit[closing]  # the stored sessions come first in both
        both.stay[target] = new.stay[source]
        has = ~np.isnan(new.amount[source])
        both.amount[target[has]] = new.amount[source[has]]
        closed = int(closing.sum())
        changed[target] = True
    added = np.flatnonzero(~found)
    if not len(added) and not closed:
        return None
    m_all = blocks.months(both.entry)
    m0, span = int(m_all.min()), int(m_all.max() - m_all.min()) + 1
    bkeys = both.park * span + (m_all - m0)
    if ns:
        dirty = np.union1d(bkeys[:ns][changed], bkeys[ns:][added])
        keep = np.concatenate([np.flatnonzero(np.isin(bkeys[:ns], dirty)), ns + added])
    else:
        keep = added
    order = _order(keys[keep])
    if order is not None:
        keep = keep[order]
    elif len(keep) == len(both):
        keep = slice(None)
    return _Plan(both.take(keep), bkeys[keep], m0, span, len(added), closed)


def _order(keys: np.ndarray) -> Optional[np.ndarray]:
    """The order that sorts ``keys``, or None when they are sorted already."""
    if len(keys) < 2 or (keys[1:] >= keys[:-1]).all():
        return None
    return np.argsort(keys)


def _write(conn, uuids: List[str], plan: _Plan, fids: Dict[Tuple[int, int], int],
           checkpoint, progress) -> None:
    """Insert or rewrite one row per block of the plan."""
    s = plan.sessions
    starts = np.concatenate(([0], blocks.split_points(plan.block)))
    ends = np.append(starts[1:], len(s))
    park = plan.block[starts] // plan.span
    month = plan.block[starts] % plan.span + plan.m0
    labels = blocks.month_labels(month)
    now = gpkg.now_iso()
    columns = blocks.VALUE_COLUMNS + ["updated_at"]
    insert = (f"INSERT INTO {SESSION_BLOCKS} (uuid, parking_uuid, month, "
              f"{', '.join(columns)}) VALUES ({', '.join('?' * (len(columns) + 3))})")
    update = (f"UPDATE {SESSION_BLOCKS} SET {', '.join(c + ' = ?' for c in columns)} "
              "WHERE fid = ?")
    total = len(s)
    for lo in range(0, len(starts), BLOCK_BATCH):
        if checkpoint is not None:
            checkpoint()
        inserts, updates = [], []
        for j in range(lo, min(len(starts), lo + BLOCK_BATCH)):
            a, b = int(starts[j]), int(ends[j])
            values = blocks.encode(s.entry[a:b], s.stay[a:b], s.amount[a:b],
                                   None if s.tickets is None else s.tickets[a:b]) + [now]
            parking = uuids[int(park[j])]
            fid = fids.get((int(park[j]), int(month[j])))
            if fid is None:
                inserts.append([key_uuid("parking_sessions", parking, labels[j]), parking,
                                labels[j], *values])
            else:
                updates.append([*values, fid])
        if inserts:
            conn.executemany(insert, inserts)
        if updates:
            conn.executemany(update, updates)
        if progress is not None:
            progress(min(total, int(ends[min(len(starts), lo + BLOCK_BATCH) - 1])))


def upsert_keyed(conn, table: str, key_columns: Sequence[str], value_columns: Sequence[str],
                 rows: Iterable[Sequence]) -> Tuple[int, int]:
    """Rows (``uuid``, the ``key_columns`` then the ``value_columns``) of a table keyed by its
    derived uuid: new uuids are inserted, the values of known ones overwritten when they
    differ. Returns ``(added, updated)``."""
    columns = ["uuid", *key_columns, *value_columns]
    q = tables._q
    differs = " OR ".join(f"{q(c)} IS NOT excluded.{q(c)}" for c in value_columns
                          if c != "imported_at")
    sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in value_columns)
    sql = (f"INSERT INTO {q(table)} ({', '.join(q(c) for c in columns)}) "
           f"VALUES ({', '.join('?' * len(columns))}) ON CONFLICT (uuid) DO UPDATE SET {sets}"
           + (f" WHERE {differs}" if differs else ""))
    before = tables.count(conn, table)
    changed = 0
    for _done, chunk in _chunks(rows):
        changed += max(0, conn.executemany(sql, chunk).rowcount)
    added = tables.count(conn, table) - before
    if changed:
        tables.changed(conn, table)
    return added, changed - added


def upsert_establishments(conn, rows: Sequence[tuple]) -> Tuple[int, int]:
    """Positions ``(uuid, siret, siren, commune_code, address, source, imported_at, geom)``
    keyed by siret: a known siret gets the new values when its position, address or commune
    changed. Returns ``(added, updated)``.

    No UPSERT here: the R-tree triggers of GeoPackage files written before version 1.4 hold an
    ``INSERT OR REPLACE`` that an UPSERT turns into an error; plain inserts and updates keep
    every trigger version working."""
    columns = ["uuid", "siret", "siren", "commune_code", "address", "source", "imported_at",
               "geom"]
    known = {r["siret"]: r for r in tables.rows(
        conn, "sirene_establishments", ["siret", "commune_code", "address", "geom"])}
    inserts, updates = [], []
    for row in rows:
        record = dict(zip(columns, row))
        old = known.get(record["siret"])
        if old is None:
            inserts.append(row)
        elif any(old[c] != record[c] for c in ("commune_code", "address", "geom")):
            updates.append({c: record[c] for c in columns if c != "uuid"})
    added = tables.insert(conn, "sirene_establishments", columns, inserts)
    updated = tables.update(conn, "sirene_establishments", "siret", updates)
    return added, updated


def save_preset(conn, uuid: str, importer: str, name: str, mapping: str,
                notes: Optional[str] = None) -> None:
    """Save (or replace) the column mapping ``name`` of ``importer`` (written
    ``field=column; …``)."""
    conn.execute("INSERT INTO column_presets (uuid, importer, name, mapping, notes, builtin) "
                 "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (importer, name) DO UPDATE SET "
                 "mapping = excluded.mapping, notes = coalesce(excluded.notes, notes)",
                 (uuid, importer, name, mapping, notes))
    gpkg.touch(conn, "column_presets")
