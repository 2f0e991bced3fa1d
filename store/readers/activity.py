"""Dwell time and activity as stored (schema v11, :mod:`store.schema.activity`): parking
sessions, presence counts, the SIRENE history and the establishments' positions, activity
indices, column presets."""

from __future__ import annotations

from typing import Dict

import numpy as np
import pandas as pd

from .. import gpkg, tables
from .territory import points


def has_table(conn, table: str) -> bool:
    """Does ``table`` exist and hold at least one row?"""
    return gpkg.table_exists(conn, table) and tables.exists(conn, table)


def presets(conn, importer: str) -> Dict[str, str]:
    """``{name: mapping}`` of the column presets of ``importer`` (``field=column; …``)."""
    if not gpkg.table_exists(conn, "column_presets"):
        return {}
    return tables.key_map(conn, "column_presets", "name", "mapping", {"importer": importer})


#: Rows read per query by :func:`parking_sessions` (bounds the texts SQLite concatenates).
SESSION_CHUNK = 1_000_000
_SESSION_SQL = (
    "SELECT count(*), group_concat(parking_uuid, ''), group_concat(entry, ''), "
    "group_concat(ifnull(exit, entry), ''), group_concat(exit IS NULL, ''), "
    "group_concat(printf('%020.6f', ifnull(amount, -1)), '') FROM (SELECT parking_uuid, entry, "
    "exit, amount FROM parking_sessions WHERE fid >= ? AND fid < ?{where} ORDER BY fid)")


def parking_sessions(conn, start=None, end=None) -> pd.DataFrame:
    """Sessions ``parking_uuid`` (categorical), ``entry``, ``exit`` (int64 ns of local
    wall-clock time; ``exit`` is ``int64`` min when the session is open), ``amount`` (NaN
    when none), optionally only those entering on the local days ``start`` … ``end``
    (inclusive).

    Millions of rows: each chunk of rows comes back as a few long texts (SQLite's
    ``group_concat`` of fixed-width values) parsed by numpy, not as one Python object per
    value; a chunk holding a value of another width (edited by hand) is read row by row."""
    where, params = "", []
    if start is not None:
        where += " AND entry >= ?"
        params.append(pd.Timestamp(start).strftime("%Y-%m-%d"))
    if end is not None:
        where += " AND entry < ?"
        params.append((pd.Timestamp(end) + pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    bounds = conn.execute("SELECT min(fid), max(fid) FROM parking_sessions").fetchone()
    parts = []
    if bounds[0] is not None:
        for lo in range(bounds[0], bounds[1] + 1, SESSION_CHUNK):
            row = conn.execute(_SESSION_SQL.format(where=where),
                               [lo, lo + SESSION_CHUNK, *params]).fetchone()
            if row[0]:
                parts.append(_session_chunk(conn, row, lo, where, params))
    if not parts:
        return pd.DataFrame({"parking_uuid": pd.Categorical([]),
                             "entry": np.zeros(0, np.int64), "exit": np.zeros(0, np.int64),
                             "amount": np.zeros(0)})
    labels = sorted({u for p in parts for u in p[0]})
    index = {u: i for i, u in enumerate(labels)}
    codes = np.concatenate([np.asarray([index[u] for u in p[0]], dtype=np.int64)[p[1]]
                            for p in parts])
    return pd.DataFrame({"parking_uuid": pd.Categorical.from_codes(codes, labels),
                         "entry": np.concatenate([p[2] for p in parts]),
                         "exit": np.concatenate([p[3] for p in parts]),
                         "amount": np.concatenate([p[4] for p in parts])})


def _session_chunk(conn, row, lo, where, params):
    """(car park uuids, code per row, entry, exit, amount) of one chunk."""
    n = row[0]
    try:
        parking = np.frombuffer(row[1].encode("ascii"), dtype="S36")
        entry = np.frombuffer(row[2].encode("ascii"), dtype="S19").astype("datetime64[ns]")
        exit_ = np.frombuffer(row[3].encode("ascii"), dtype="S19").astype("datetime64[ns]")
        is_open = np.frombuffer(row[4].encode("ascii"), dtype=np.uint8) == ord("1")
        amount = np.frombuffer(row[5].encode("ascii"), dtype="S20").astype(np.float64)
        if not len(parking) == len(entry) == len(exit_) == len(is_open) == len(amount) == n:
            raise ValueError("values of another width")
    except (ValueError, UnicodeEncodeError):
        return _session_rows(conn, lo, where, params)
    runs = np.flatnonzero(np.concatenate(([True], parking[1:] != parking[:-1])))
    run_codes, labels = pd.factorize(parking[runs])  # rows are stored by car park: few runs
    codes = np.repeat(run_codes, np.diff(np.append(runs, n)))
    exit_ns = exit_.view(np.int64).copy()
    exit_ns[is_open] = np.iinfo(np.int64).min
    amount[amount < 0] = np.nan
    return ([u.decode("ascii") for u in labels], codes, entry.view(np.int64), exit_ns, amount)


def _session_rows(conn, lo, where, params):
    """The slow path of :func:`_session_chunk`: one Python row per session."""
    rows = conn.execute(
        "SELECT parking_uuid, entry, exit, amount FROM parking_sessions WHERE fid >= ? AND "
        f"fid < ?{where} ORDER BY fid", [lo, lo + SESSION_CHUNK, *params]).fetchall()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=["p", "e", "x", "a"])
    codes, labels = pd.factorize(frame["p"])
    entry = pd.to_datetime(frame["e"], errors="coerce")
    exit_ = pd.to_datetime(frame["x"], errors="coerce")
    return (list(labels), codes.astype(np.int64), entry.to_numpy("datetime64[ns]").view(np.int64),
            exit_.to_numpy("datetime64[ns]").view(np.int64),
            pd.to_numeric(frame["a"], errors="coerce").to_numpy(dtype=float))


def session_parkings(conn) -> pd.DataFrame:
    """The car parks and zones that have sessions: ``uuid, parking_id, name, kind, capacity,
    centrality_uuid`` (declared), ``x``, ``y``."""
    frame = points(conn, "parkings", ["uuid", "parking_id", "name", "kind", "capacity",
                                      "centrality_uuid"])
    used = set(tables.values(conn, "parking_sessions", "parking_uuid", distinct=True))
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
