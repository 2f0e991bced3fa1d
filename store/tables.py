"""Generic reads and writes on the socle's tables, so that no layer above ``store/`` writes SQL.

Every function runs inside the caller's transaction (:func:`store.gpkg.transaction`) and
quotes table and column names. Filters are plain dicts, combined with AND:

    {"campaign_uuid": "…"}            column = value
    {"retired_at": None}               column IS NULL
    {"status": ("vacant", "works")}    column IN (…)   (an empty collection matches nothing)

Writes refresh the table's ``last_change`` in ``gpkg_contents`` (and its extent for a feature
table) so that QGIS and the sync registry see them.
"""

from __future__ import annotations

import contextlib
from typing import Callable, Iterable, Mapping, Optional, Sequence

import pandas as pd

from . import gpkg

CHUNK = 20_000
Where = Optional[Mapping[str, object]]


def _q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _where(where: Where) -> tuple:
    if not where:
        return "", ()
    parts, params = [], []
    for column, value in where.items():
        if value is None:
            parts.append(f"{_q(column)} IS NULL")
        elif isinstance(value, (list, tuple, set, frozenset)):
            values = list(value)
            if not values:
                parts.append("0")
                continue
            parts.append(f"{_q(column)} IN ({', '.join('?' * len(values))})")
            params += values
        else:
            parts.append(f"{_q(column)} = ?")
            params.append(value)
    return " WHERE " + " AND ".join(parts), tuple(params)


def is_spatial(conn, table: str) -> bool:
    return conn.execute("SELECT 1 FROM gpkg_geometry_columns WHERE table_name = ?",
                        (table,)).fetchone() is not None


def changed(conn, table: str) -> None:
    """Record a change of ``table`` (last_change, and the extent of a feature table)."""
    if is_spatial(conn, table):
        gpkg.update_extent(conn, table)
    else:
        gpkg.touch(conn, table)


def insert(conn, table: str, columns: Sequence[str], rows: Iterable[Sequence], *,
           on_conflict: Optional[str] = None, values_sql: Optional[str] = None,
           checkpoint: Optional[Callable[[], None]] = None,
           progress: Optional[Callable[[int], None]] = None) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) by chunks; returns how many were written.

    ``on_conflict``: None (a conflict is an error), ``"ignore"`` or ``"replace"``.
    ``values_sql``: the ``VALUES (…)`` list (default: one ``?`` per column). A feature
    table's R-tree is filled once after the rows are in (:func:`store.gpkg.deferred_rtree`).
    ``checkpoint()`` is called before each chunk (raise from it to cancel: the caller's
    transaction rolls back); ``progress(rows_done)`` after each.
    """
    verb = {None: "INSERT", "ignore": "INSERT OR IGNORE", "replace": "INSERT OR REPLACE"}[
        on_conflict]
    sql = (f"{verb} INTO {_q(table)} ({', '.join(_q(c) for c in columns)}) "
           f"VALUES ({values_sql or ', '.join('?' * len(columns))})")
    written = done = 0
    iterator = iter(rows)
    spatial = is_spatial(conn, table)
    with gpkg.deferred_rtree(conn, table) if spatial else contextlib.nullcontext():
        while True:
            chunk = []
            for row in iterator:
                chunk.append(tuple(row))
                if len(chunk) >= CHUNK:
                    break
            if not chunk:
                break
            if checkpoint is not None:
                checkpoint()
            written += max(0, conn.executemany(sql, chunk).rowcount)
            done += len(chunk)
            if progress is not None:
                progress(done)
    if written:
        changed(conn, table)
    return written


def insert_dicts(conn, table: str, records: Sequence[Mapping], **kwargs) -> int:
    """Insert dicts (the columns are the keys of the first record)."""
    records = list(records)
    if not records:
        return 0
    columns = list(records[0])
    return insert(conn, table, columns, ([r.get(c) for c in columns] for r in records),
                  **kwargs)


def update(conn, table: str, key: str, records: Iterable[Mapping], *,
           touch: bool = True) -> int:
    """UPDATE rows matched on ``key`` with the other values of each record; returns the count.

    Records may carry different column sets; each is written with its own statement shape.
    """
    count = 0
    by_shape: dict = {}
    for record in records:
        columns = tuple(c for c in record if c != key)
        if columns:
            by_shape.setdefault(columns, []).append(
                tuple(record[c] for c in columns) + (record[key],))
    for columns, params in by_shape.items():
        sql = (f"UPDATE {_q(table)} SET {', '.join(f'{_q(c)} = ?' for c in columns)} "
               f"WHERE {_q(key)} = ?")
        count += max(0, conn.executemany(sql, params).rowcount)
    if count and touch:
        changed(conn, table)
    return count


def update_where(conn, table: str, values: Mapping[str, object], where: Where) -> int:
    """UPDATE ``table`` SET ``values`` for the rows matching ``where``; returns the count."""
    clause, params = _where(where)
    sql = (f"UPDATE {_q(table)} SET {', '.join(f'{_q(c)} = ?' for c in values)}{clause}")
    count = conn.execute(sql, tuple(values.values()) + params).rowcount
    if count:
        changed(conn, table)
    return count


def delete(conn, table: str, where: Where) -> int:
    """DELETE the rows matching ``where`` (required: an empty filter is refused)."""
    if not where:
        raise ValueError("delete() needs a filter")
    clause, params = _where(where)
    count = conn.execute(f"DELETE FROM {_q(table)}{clause}", params).rowcount
    if count:
        changed(conn, table)
    return count


def rows(conn, table: str, columns: Optional[Sequence[str]] = None, where: Where = None, *,
         order_by: Optional[Sequence[str]] = None) -> list:
    """Rows as dicts."""
    cols = ", ".join(_q(c) for c in columns) if columns else "*"
    clause, params = _where(where)
    order = f" ORDER BY {', '.join(_q(c) for c in order_by)}" if order_by else ""
    return [dict(r) for r in conn.execute(
        f"SELECT {cols} FROM {_q(table)}{clause}{order}", params)]


def differing(conn, table: str, key: str, records: Sequence[Mapping],
              ignore: Iterable[str] = ()) -> list:
    """The ``records`` (dicts holding ``key`` and columns of ``table``) whose values differ
    from those stored in the row with the same ``key``, or that have no such row; the
    columns ``ignore`` (e.g. a time stamp of the import) are not compared. Lets a re-import
    of the same data rewrite, and count as updated, nothing."""
    records = list(records)
    if not records:
        return []
    ignore = set(ignore) | {key}
    columns = [c for c in records[0] if c not in ignore]
    stored = {}
    keys = [r[key] for r in records]
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for row in conn.execute(
                f"SELECT {_q(key)}, {', '.join(_q(c) for c in columns)} FROM {_q(table)} "
                f"WHERE {_q(key)} IN ({', '.join('?' * len(chunk))})", chunk):
            stored[row[0]] = tuple(row[1:])
    return [r for r in records if stored.get(r[key]) != tuple(r[c] for c in columns)]


def frame(conn, table: str, columns: Optional[Sequence[str]] = None, where: Where = None, *,
          order_by: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Rows as a DataFrame (the columns asked for, even when no row matches)."""
    cols = ", ".join(_q(c) for c in columns) if columns else "*"
    clause, params = _where(where)
    order = f" ORDER BY {', '.join(_q(c) for c in order_by)}" if order_by else ""
    cursor = conn.execute(f"SELECT {cols} FROM {_q(table)}{clause}{order}", params)
    names = [d[0] for d in cursor.description]
    return pd.DataFrame([tuple(r) for r in cursor.fetchall()], columns=names)


def first(conn, table: str, columns: Optional[Sequence[str]] = None,
          where: Where = None) -> Optional[dict]:
    """The first matching row as a dict, or None."""
    cols = ", ".join(_q(c) for c in columns) if columns else "*"
    clause, params = _where(where)
    row = conn.execute(f"SELECT {cols} FROM {_q(table)}{clause} LIMIT 1", params).fetchone()
    return dict(row) if row is not None else None


def key_map(conn, table: str, key: str, value: str, where: Where = None) -> dict:
    """``{key: value}`` over the matching rows (NULL keys left out)."""
    clause, params = _where(where)
    return {r[0]: r[1] for r in conn.execute(
        f"SELECT {_q(key)}, {_q(value)} FROM {_q(table)}{clause}", params) if r[0] is not None}


def values(conn, table: str, column: str, where: Where = None, *,
           distinct: bool = False) -> list:
    """The values of one column over the matching rows (in table order)."""
    clause, params = _where(where)
    head = "SELECT DISTINCT" if distinct else "SELECT"
    order = "" if distinct else " ORDER BY fid"
    return [r[0] for r in conn.execute(
        f"{head} {_q(column)} FROM {_q(table)}{clause}{order}", params)]


def count(conn, table: str, where: Where = None) -> int:
    clause, params = _where(where)
    return conn.execute(f"SELECT count(*) FROM {_q(table)}{clause}", params).fetchone()[0]


def exists(conn, table: str, where: Where = None) -> bool:
    clause, params = _where(where)
    return conn.execute(f"SELECT 1 FROM {_q(table)}{clause} LIMIT 1",
                        params).fetchone() is not None


def points(conn, table: str, columns: Sequence[str], where: Where = None, *,
           geometry_column: str = "geom") -> pd.DataFrame:
    """``columns`` plus ``x``, ``y`` of each row's point (NaN when the geometry is missing or
    not a point), in table order."""
    from . import geometry

    data = frame(conn, table, [*columns, geometry_column], where, order_by=["fid"])
    xy = geometry.point_xy(data[geometry_column].tolist())
    data = data.drop(columns=geometry_column)
    data["x"], data["y"] = xy[:, 0], xy[:, 1]
    return data
