"""The long ``indicators`` table (read by the atlas, the dashboard and the open-data export):
writing computed indicators and reading the latest ones.

A row is identified by (scope, centrality, indicator, period, algorithm): writing a row again
replaces it. ``rows`` are dicts with the keys scope, centrality_uuid, indicator, period,
campaign_uuid (optional), value (None or NaN = no value) and unit.
"""

from __future__ import annotations

import json
import math
import uuid
from typing import Iterable, Optional, Sequence

from . import gpkg

KEY = ("scope", "centrality_uuid", "indicator", "period", "algorithm")
# Optional keys of a survey figure (schema v11): 95 % interval, respondents, low precision (0/1).
SURVEY_COLUMNS = ("ci_low", "ci_high", "respondents", "low_precision")


def _survey_values(row) -> tuple:
    """The survey keys of ``row`` (None when absent; NaN → None; respondents, flag → int)."""
    out = []
    for column in SURVEY_COLUMNS:
        v = row.get(column)
        if v is not None and isinstance(v, float) and math.isnan(v):
            v = None
        if v is not None and column in ("respondents", "low_precision"):
            v = int(v)
        out.append(v)
    return tuple(out)


def write(conn, rows, *, algorithm: str, parameters: dict | None = None) -> int:
    """Replace indicators with the same (scope, centrality, indicator, period, algorithm).

    Runs inside the caller's transaction. Returns the row count.
    """
    stamp = gpkg.now_iso()
    params = json.dumps(parameters or {}, sort_keys=True, ensure_ascii=False)
    count = 0
    for row in rows:
        value = row.get("value")
        if value is not None and isinstance(value, float) and math.isnan(value):
            value = None
        conn.execute(
            "DELETE FROM indicators WHERE scope=? AND centrality_uuid IS ? AND indicator=? "
            "AND period=? AND algorithm=?",
            (row["scope"], row.get("centrality_uuid"), row["indicator"], row["period"], algorithm))
        conn.execute(
            "INSERT INTO indicators (uuid, scope, centrality_uuid, indicator, period, "
            "campaign_uuid, value, unit, algorithm, parameters, computed_at"
            + "".join(f", {c}" for c in SURVEY_COLUMNS) + ") "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?" + ",?" * len(SURVEY_COLUMNS) + ")",
            (str(uuid.uuid4()), row["scope"], row.get("centrality_uuid"), row["indicator"],
             row["period"], row.get("campaign_uuid"), value, row.get("unit"), algorithm, params,
             stamp, *_survey_values(row)))
        count += 1
    gpkg.touch(conn, "indicators")
    return count


def delete(conn, *, algorithm: str, period: str, indicators: Sequence[str],
           scope: str = "centrality") -> int:
    """Delete the rows ``algorithm`` wrote for ``period`` and these indicator codes (inside
    the caller's transaction); returns the count."""
    if not indicators:
        return 0
    marks = ",".join("?" * len(indicators))
    count = conn.execute(f"DELETE FROM indicators WHERE scope = ? AND period = ? "
                         f"AND algorithm = ? AND indicator IN ({marks})",
                         (scope, period, algorithm, *indicators)).rowcount
    if count:
        gpkg.touch(conn, "indicators")
    return count


def save(conn, rows: Iterable[dict], *, algorithm: str, parameters: Optional[dict] = None,
         replace_period: Optional[str] = None,
         replace_indicators: Sequence[str] = ()) -> int:
    """:func:`write` in a transaction of its own: all the rows or none. With
    ``replace_period``, the rows ``algorithm`` wrote earlier for that period and the
    ``replace_indicators`` codes are deleted first (a centrality that no longer has a value
    keeps no stale one). Returns the number of rows written."""
    with gpkg.transaction(conn):
        if replace_period is not None:
            delete(conn, algorithm=algorithm, period=replace_period,
                   indicators=list(replace_indicators))
        return write(conn, rows, algorithm=algorithm, parameters=parameters)


def latest(conn, prefixes: Sequence[str], scope: str = "centrality") -> list:
    """Each centrality's latest indicators whose code starts with one of ``prefixes``: dicts
    ``centrality_uuid, indicator, period, value, unit`` (latest = the last period, then the
    last computed), ordered by centrality and indicator."""
    if not prefixes:
        return []
    rows = conn.execute(
        "SELECT centrality_uuid, indicator, period, value, unit FROM indicators "
        "WHERE scope = ? AND centrality_uuid IS NOT NULL AND ("
        + " OR ".join("indicator GLOB ?" for _ in prefixes) + ") "
        "ORDER BY centrality_uuid, indicator, period, computed_at",
        (scope, *(f"{p}*" for p in prefixes))).fetchall()
    found = {}
    for r in rows:  # ordered: the last one of each (centrality, indicator) wins
        found[(r[0], r[1])] = {"centrality_uuid": r[0], "indicator": r[1], "period": r[2],
                               "value": r[3], "unit": r[4]}
    return list(found.values())
