"""Dwell time and activity as stored (schema v13, :mod:`store.schema.activity`): parking
sessions (by car park and month, as arrays: :mod:`store.session_blocks`), presence counts, the
SIRENE history and the establishments' positions, activity indices, column presets."""

from __future__ import annotations

from typing import Dict, Iterator, Optional

import numpy as np
import pandas as pd

from .. import gpkg, tables
from .. import session_blocks as blocks
from ..schema.activity import SESSION_BLOCKS
from .territory import points

NS = 1_000_000_000
NAT = np.iinfo(np.int64).min


def has_table(conn, table: str) -> bool:
    """Does ``table`` exist and hold at least one row?"""
    return gpkg.table_exists(conn, table) and tables.exists(conn, table)


def presets(conn, importer: str) -> Dict[str, str]:
    """``{name: mapping}`` of the column presets of ``importer`` (``field=column; …``)."""
    if not gpkg.table_exists(conn, "column_presets"):
        return {}
    return tables.key_map(conn, "column_presets", "name", "mapping", {"importer": importer})


def _blocks(conn, start=None, end=None, *, parking_uuid: Optional[str] = None,
            with_tickets: bool = False) -> Iterator:
    """(parking_uuid, decoded block) of the stored blocks, by car park and month, optionally
    only the months of the local days ``start`` … ``end`` and one car park."""
    where, params = [], []
    if start is not None:
        where.append("month >= ?")
        params.append(pd.Timestamp(start).strftime("%Y-%m"))
    if end is not None:
        where.append("month <= ?")
        params.append(pd.Timestamp(end).strftime("%Y-%m"))
    if parking_uuid is not None:
        where.append("parking_uuid = ?")
        params.append(parking_uuid)
    columns = "fid, parking_uuid, month, sessions, entry_s, stay_s, amount, checksum"
    if with_tickets:
        columns += ", tickets"
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(f"SELECT {columns} FROM {SESSION_BLOCKS}"
                   + (f" WHERE {' AND '.join(where)}" if where else "")
                   + " ORDER BY parking_uuid, month", params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values))
        yield row["parking_uuid"], blocks.decode(row, with_tickets=with_tickets)


def _window(entry_s: np.ndarray, start, end) -> Optional[np.ndarray]:
    """The mask of the entries on the local days ``start`` … ``end`` (None: every entry)."""
    if start is None and end is None:
        return None
    keep = np.ones(len(entry_s), dtype=bool)
    if start is not None:
        keep &= entry_s >= pd.Timestamp(start).normalize().value // NS
    if end is not None:
        keep &= entry_s < (pd.Timestamp(end).normalize() + pd.Timedelta(days=1)).value // NS
    return keep


def parking_sessions(conn, start=None, end=None) -> pd.DataFrame:
    """Sessions ``parking_uuid`` (categorical), ``entry``, ``exit`` (int64 ns of local
    wall-clock time; ``exit`` is ``int64`` min when the session is open), ``amount`` (NaN
    when none), optionally only those entering on the local days ``start`` … ``end``
    (inclusive), in the order of the car parks' uuids and of entry.

    The arrays of each block are read in place (``np.frombuffer``) and joined: no Python object
    per session. A block whose arrays do not match their length or checksum raises
    :class:`store.session_blocks.SessionBlockError`."""
    labels, lengths, entries, stays, amounts = [], [], [], [], []
    for parking, block in _blocks(conn, start, end):
        if not labels or labels[-1] != parking:
            labels.append(parking)
            lengths.append(0)
        lengths[-1] += len(block.entry_s)
        entries.append(block.entry_s)
        stays.append(block.stay_s)
        amounts.append(block.amount if block.amount is not None
                       else np.full(len(block.entry_s), np.nan))
    if not labels:
        return pd.DataFrame({"parking_uuid": pd.Categorical([]),
                             "entry": np.zeros(0, np.int64), "exit": np.zeros(0, np.int64),
                             "amount": np.zeros(0)})
    entry_s = np.concatenate(entries)
    stay_s = np.concatenate(stays)
    codes = np.repeat(np.arange(len(labels)), lengths)
    amount = np.concatenate(amounts)
    keep = _window(entry_s, start, end)
    if keep is not None:
        entry_s, stay_s, codes, amount = entry_s[keep], stay_s[keep], codes[keep], amount[keep]
    exit_ns = np.where(stay_s < 0, NAT, (entry_s + stay_s) * NS)
    return pd.DataFrame({"parking_uuid": pd.Categorical.from_codes(codes, labels),
                         "entry": entry_s * NS, "exit": exit_ns, "amount": amount})


def session_rows(conn, parking_uuid: Optional[str] = None, start=None, end=None
                 ) -> pd.DataFrame:
    """One row per stored session, for a person to read: ``parking_uuid, ticket, entry, exit``
    (local wall-clock ``YYYY-MM-DDTHH:MM:SS``; ``exit`` None when open), ``stay_min``
    (None when open) and ``amount`` (None when none), by car park and entry; optionally one car
    park and the local days ``start`` … ``end``."""
    parts = []
    for parking, block in _blocks(conn, start, end, parking_uuid=parking_uuid,
                                  with_tickets=True):
        n = len(block.entry_s)
        is_open = block.stay_s < 0
        exit_text = blocks.local_text(block.entry_s + np.where(is_open, 0, block.stay_s))
        frame = pd.DataFrame({
            "parking_uuid": parking,
            "ticket": block.tickets if block.tickets is not None else blocks.no_tickets(n),
            "entry": blocks.local_text(block.entry_s).astype(object),
            "exit": np.where(is_open, None, exit_text.astype(object)),
            "stay_min": np.where(is_open, None, (block.stay_s / 60.0).astype(object)),
            "amount": blocks.no_tickets(n) if block.amount is None else np.where(
                np.isnan(block.amount), None, block.amount.astype(object))})
        keep = _window(block.entry_s, start, end)
        parts.append(frame if keep is None else frame[keep])
    columns = ["parking_uuid", "ticket", "entry", "exit", "stay_min", "amount"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def session_count(conn) -> int:
    """The number of stored sessions (the sum of the blocks' ``sessions``)."""
    row = conn.execute(f"SELECT total(sessions) FROM {SESSION_BLOCKS}").fetchone()
    return int(row[0])


def session_parkings(conn) -> pd.DataFrame:
    """The car parks and zones that have sessions: ``uuid, parking_id, name, kind, capacity,
    centrality_uuid`` (declared), ``x``, ``y``."""
    frame = points(conn, "parkings", ["uuid", "parking_id", "name", "kind", "capacity",
                                      "centrality_uuid"])
    used = set(tables.values(conn, SESSION_BLOCKS, "parking_uuid", distinct=True))
    return frame[frame["uuid"].isin(used)].reset_index(drop=True)


def presence(conn) -> pd.DataFrame:
    """Presence rows ``zone, centrality_uuid, slot_start, slot_minutes, category,
    dwell_class, class_lower_min, class_upper_min, mean_dwell_min, count``."""
    return tables.frame(conn, "presence_counts",
                        ["zone", "centrality_uuid", "slot_start", "slot_minutes", "category",
                         "dwell_class", "class_lower_min", "class_upper_min",
                         "mean_dwell_min", "count"], order_by=["zone", "slot_start", "fid"])


def sirene_history(conn) -> pd.DataFrame:
    """Periods ``siret, siren, period_start, period_end, state, naf_code, naf_nomenclature,
    sign_name``, ordered by siret and start."""
    return tables.frame(conn, "sirene_history",
                        ["siret", "siren", "period_start", "period_end", "state", "naf_code",
                         "naf_nomenclature", "sign_name"], order_by=["siret", "period_start"])


def sirene_positions(conn) -> pd.DataFrame:
    """``siret, x, y, position`` of the establishments: from a SIRENE stock file
    (``sirene_establishments``, ``position`` 'stock'), else from the premise a SIRENE import
    linked the siret to (``premise_sources``, ``position`` 'premise')."""
    stock = points(conn, "sirene_establishments", ["siret"])
    stock = stock[np.isfinite(stock["x"])].assign(position="stock")
    links = tables.frame(conn, "premise_sources", ["premise_uuid", "source_id"],
                         {"source": "sirene"})
    prem = points(conn, "premises", ["uuid"])
    linked = links.merge(prem, left_on="premise_uuid", right_on="uuid")
    linked = linked[np.isfinite(linked["x"]) & ~linked["source_id"].isin(set(stock["siret"]))]
    linked = pd.DataFrame({"siret": linked["source_id"], "x": linked["x"], "y": linked["y"],
                           "position": "premise"})
    out = pd.concat([stock[["siret", "x", "y", "position"]], linked], ignore_index=True)
    return out.drop_duplicates("siret").reset_index(drop=True)


def activity_indices(conn) -> pd.DataFrame:
    """``zone, centrality_uuid, sector, period, frequency, measure, value, unit``."""
    return tables.frame(conn, "activity_indices",
                        ["zone", "centrality_uuid", "sector", "period", "frequency", "measure",
                         "value", "unit"], order_by=["zone", "sector", "measure", "period"])


def naf_groups(conn) -> Dict[str, str]:
    """NAF rév. 2 code → activity group (the editable ``naf_activity_map``)."""
    return tables.key_map(conn, "naf_activity_map", "naf_code", "activity_group")


def centrality_keys(conn) -> Dict[str, str]:
    """Every way a file may name a centrality → its uuid: the uuid itself, the name, and the
    name folded to lower case without surrounding spaces."""
    out: Dict[str, str] = {}
    for r in tables.rows(conn, "centralities", ["uuid", "name"]):
        out[r["uuid"]] = r["uuid"]
        if r["name"]:
            out[r["name"]] = r["uuid"]
            out.setdefault(str(r["name"]).strip().casefold(), r["uuid"])
    return out
