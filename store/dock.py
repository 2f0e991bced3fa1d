"""Reads of the observatory dock and of the parameter lists of the algorithm dialogs.

Small, read-only queries on an open connection (:func:`store.gpkg.connect`): the centralities
to list, the indicator series of one centrality, a stamp telling whether ``indicators`` changed,
and the names of campaigns and centralities.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import gpkg

LEVEL_ORDER = {"primary": 0, "secondary": 1, "tertiary": 2, "peripheral": 3}


def is_observatory(path) -> bool:
    """True when ``path`` is a GeoPackage holding an observatory (``observatory_meta`` and
    ``centralities``); never raises."""
    try:
        if not Path(path).is_file():
            return False
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                "('observatory_meta', 'centralities')")}
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
    return names == {"observatory_meta", "centralities"}


def centralities(conn) -> list:
    """Centralities as dicts (uuid, name, level), primary first, then by name."""
    rows = [{"uuid": r[0], "name": r[1], "level": r[2]} for r in conn.execute(
        "SELECT uuid, name, level FROM centralities WHERE uuid IS NOT NULL")]
    rows.sort(key=lambda c: (LEVEL_ORDER.get(c["level"], 9), c["name"] or ""))
    return rows


def names(conn, table: str) -> list:
    """Names of the ``campaigns`` (chronological) or ``centralities`` (level, then name)."""
    if table == "centralities":
        return [c["name"] for c in centralities(conn) if c["name"]]
    if table == "campaigns":
        return [r[0] for r in conn.execute(
            "SELECT name FROM campaigns ORDER BY coalesce(start_date, year || '-01-01'), "
            "year, name") if r[0]]
    raise ValueError(f"no name list for the table {table}")


def indicator_rows(conn, centrality_uuid: str, indicators) -> list:
    """Every row of ``indicators`` for one centrality and the codes asked for, as dicts
    (indicator, period, value, unit, algorithm, computed_at, campaign_start), in period order:
    campaign periods by the campaign's start date, the others by their text."""
    codes = list(indicators)
    if not codes or not gpkg.table_exists(conn, "indicators"):
        return []
    marks = ", ".join("?" * len(codes))
    rows = conn.execute(
        "SELECT i.indicator, i.period, i.value, i.unit, i.algorithm, i.computed_at, "
        "coalesce(c.start_date, c.year || '-01-01') AS campaign_start "
        "FROM indicators i LEFT JOIN campaigns c ON c.uuid = i.campaign_uuid "
        f"WHERE i.scope = 'centrality' AND i.centrality_uuid = ? AND i.indicator IN ({marks})",
        (centrality_uuid, *codes)).fetchall()
    out = [{"indicator": r[0], "period": r[1], "value": r[2], "unit": r[3], "algorithm": r[4],
                "computed_at": r[5], "campaign_start": r[6]} for r in rows]
    out.sort(key=lambda r: (r["indicator"], r["campaign_start"] or "", r["period"] or ""))
    return out


def indicators_stamp(conn) -> tuple:
    """(row count, latest ``computed_at``) of ``indicators``: changes whenever an algorithm
    writes indicators."""
    if not gpkg.table_exists(conn, "indicators"):
        return (0, None)
    row = conn.execute("SELECT count(*), max(computed_at) FROM indicators").fetchone()
    return (row[0], row[1])
