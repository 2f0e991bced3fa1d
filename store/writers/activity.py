"""Dwell-time and activity tables (schema v11, :mod:`store.schema.activity`): parking sessions,
presence counts, SIRENE history and positions, activity indices, column presets.

Every writer runs inside the caller's transaction and returns what it did, so the importers
can report rows added, updated and unchanged.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence, Tuple

import numpy as np

from .. import gpkg, tables
from ..schema.activity import EPOCH_SHIFT, RANK_BITS
from .bulk import _chunks

SESSION_COLUMNS = ["uuid", "parking_uuid", "ticket", "entry", "exit", "stay_min", "amount"]
_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
CHUNK = 200_000


def session_uuids(prefix: np.ndarray, entry_s: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """The uuids of sessions (layout in :mod:`store.schema.activity`), vectorised: ``prefix``
    ``(n, 12)`` bytes of the car parks' first hex digits, ``entry_s`` local wall-clock seconds
    since 1970, ``rank`` within the car park and second. Returns a ``U36`` array."""
    n = len(entry_s)
    t = (entry_s.astype(np.int64) + EPOCH_SHIFT) * (1 << RANK_BITS) + rank.astype(np.int64)
    out = np.empty((n, 36), dtype=np.uint8)
    out[:, :8] = prefix[:, :8]
    out[:, 9:13] = prefix[:, 8:12]
    out[:, [8, 13, 18, 23]] = ord("-")
    out[:, [14, 19]] = ord("8")
    digits = [15, 16, 17, 20, 21, 22] + list(range(24, 36))  # 18 hex digits of t (72 bits)
    for k, col in enumerate(digits):
        shift = 4 * (17 - k)
        out[:, col] = _HEX[(t >> shift) & 15] if shift < 63 else _HEX[0]
    return out.view("S36").ravel().astype("U36")


def _local_text(seconds: np.ndarray) -> np.ndarray:
    """``YYYY-MM-DDTHH:MM:SS`` of local wall-clock seconds since 1970."""
    return np.datetime_as_string(seconds.astype("datetime64[s]"), unit="s")


def upsert_sessions(conn, parking_uuids, codes: np.ndarray, entry_s: np.ndarray,
                    rank: np.ndarray, stay_s: np.ndarray, amount: np.ndarray,
                    tickets=None, *, checkpoint: Optional[Callable] = None,
                    progress: Optional[Callable] = None) -> Tuple[int, int]:
    """Write sessions: ``parking_uuids`` (the car parks' uuids) indexed by ``codes``,
    ``entry_s`` (local wall-clock seconds since 1970), ``rank`` (among the sessions entering
    the same car park in the same second), ``stay_s`` (seconds; negative = open, no exit),
    ``amount`` (NaN = none), ``tickets`` (object array of ids or None). Texts and uuids are
    formatted with numpy, by chunks.

    A session already stored is left as it is, except an open one (no exit) that the new row
    closes: its exit, stay and amount are written. Returns ``(added, closed)``."""
    sql = (f"INSERT INTO parking_sessions ({', '.join(SESSION_COLUMNS)}) VALUES "
           f"({', '.join('?' * len(SESSION_COLUMNS))}) ON CONFLICT (uuid) DO UPDATE SET "
           "exit = excluded.exit, stay_min = excluded.stay_min, "
           "amount = coalesce(excluded.amount, amount) "
           "WHERE exit IS NULL AND excluded.exit IS NOT NULL")
    uuids = np.asarray([str(u) for u in parking_uuids], dtype=object)
    prefixes = np.frombuffer("".join(u.replace("-", "")[:12].ljust(12, "0")
                                     for u in uuids).encode("ascii"),
                             dtype=np.uint8).reshape(-1, 12) if len(uuids) else \
        np.zeros((0, 12), dtype=np.uint8)
    before = tables.count(conn, "parking_sessions")
    changed = 0
    n = len(codes)
    for a in range(0, n, CHUNK):
        if checkpoint is not None:
            checkpoint()
        sl = slice(a, a + CHUNK)
        c = codes[sl]
        e = entry_s[sl]
        st = stay_s[sl]
        open_ = st < 0
        exits = _local_text(e + np.where(open_, 0, st)).astype(object)
        exits[open_] = None
        stay_min = (st / 60.0).astype(object)
        stay_min[open_] = None
        amt = amount[sl].astype(object)
        amt[np.isnan(amount[sl])] = None
        tick = tickets[sl] if tickets is not None else np.full(len(c), None, dtype=object)
        rows = zip(session_uuids(prefixes[c], e, rank[sl]).tolist(), uuids[c].tolist(),
                   tick.tolist(), _local_text(e).tolist(), exits.tolist(), stay_min.tolist(),
                   amt.tolist())
        changed += max(0, conn.executemany(sql, rows).rowcount)
        if progress is not None:
            progress(min(n, a + CHUNK))
    added = tables.count(conn, "parking_sessions") - before
    if changed:
        gpkg.touch(conn, "parking_sessions")
    return added, changed - added


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
