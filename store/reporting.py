"""Reads for the restitution (atlas, Excel dashboard) that :mod:`store.readers` does not
give: stored indicators with their optional survey columns, nomenclature labels in a language,
named points of any table, and where each family of data came from and when.

Persistence only: rows and plain values, no formula. Tables or columns that an older schema
lacks read as empty (no table: no rows), so the reports leave the section out.
"""

from __future__ import annotations

from typing import Optional, Sequence

import pandas as pd

from . import gpkg, tables
from .readers import territory

INDICATOR_COLUMNS = ["scope", "centrality_uuid", "indicator", "period", "campaign_uuid", "value",
                     "unit", "algorithm", "parameters", "computed_at"]
# added by schema v10 (survey indicators); read when present, None otherwise
SURVEY_COLUMNS = ["ci_low", "ci_high", "respondents", "low_precision"]

# family -> (table, columns holding the period it covers or its import date)
SOURCE_TABLES = {
    "centralities": "centralities",
    "premises": "premises",
    "population": "population_grid",
    "roads": "roads",
    "services": "services",
    "producers": "producers",
    "markets": "markets",
    "counters": "counting_sites",
    "parkings": "parkings",
    "transit": "transit_stops",
    "road_traffic": "road_traffic",
    "carpool": "carpool_areas",
    "survey": "survey_responses",
}
LABEL_TABLES = ("observation_statuses", "activity_groups", "centrality_levels",
                "service_domains", "service_ranges")


def row_count(conn, table: str) -> int:
    """Rows of ``table`` (0 when the table does not exist)."""
    return tables.count(conn, table) if gpkg.table_exists(conn, table) else 0


def has_survey_columns(conn) -> bool:
    """Whether ``indicators`` records the respondents behind survey figures."""
    return gpkg.table_exists(conn, "indicators") and \
        "respondents" in gpkg.column_names(conn, "indicators")


def indicators(conn, *, prefixes: Optional[Sequence[str]] = None,
               codes: Optional[Sequence[str]] = None,
               scopes: Sequence[str] = ("centrality",)) -> pd.DataFrame:
    """Stored indicators of ``scopes`` whose code is in ``codes`` or starts with one of
    ``prefixes`` (every indicator when both are None), in the order they were computed.

    Columns: :data:`INDICATOR_COLUMNS` plus :data:`SURVEY_COLUMNS` (None where the schema has
    no such column yet).
    """
    present = set(gpkg.column_names(conn, "indicators")) if gpkg.table_exists(
        conn, "indicators") else set()
    columns = INDICATOR_COLUMNS + [c for c in SURVEY_COLUMNS if c in present]
    if not present:
        return pd.DataFrame(columns=INDICATOR_COLUMNS + SURVEY_COLUMNS)
    where, params = [], []
    if scopes:
        where.append(f"scope IN ({','.join('?' * len(scopes))})")
        params += list(scopes)
    choices = []
    if codes:
        choices.append(f"indicator IN ({','.join('?' * len(codes))})")
        params += list(codes)
    for prefix in prefixes or ():
        choices.append("indicator GLOB ?")
        params.append(f"{prefix}*")
    if codes is not None or prefixes is not None:
        where.append("(" + (" OR ".join(choices) or "0") + ")")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    cursor = conn.execute(
        f"SELECT {', '.join(columns)} FROM indicators{clause} ORDER BY computed_at, fid",
        tuple(params))
    frame = pd.DataFrame([tuple(r) for r in cursor.fetchall()], columns=columns)
    for column in SURVEY_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    return frame


def labels(conn, table: str, language: str) -> dict:
    """``{code: label}`` of a nomenclature table in ``language`` (``fr`` or ``en``; French
    when the English label is empty), in the table's sort order. Empty for a missing table."""
    if table not in LABEL_TABLES or not gpkg.table_exists(conn, table):
        return {}
    columns = gpkg.column_names(conn, table)
    order = ["sort_order", "code"] if "sort_order" in columns else ["code"]
    result = {}
    for row in tables.rows(conn, table, ["code", "label_fr", "label_en"], order_by=order):
        text = row["label_en"] if language == "en" and row["label_en"] else row["label_fr"]
        result[row["code"]] = text or row["code"]
    return result


def point_rows(conn, table: str, name_column: str = "name") -> pd.DataFrame:
    """``uuid``, ``name`` (None when the table has no such column), ``x``, ``y`` of the rows
    of a point table that have a point; empty when the table does not exist."""
    if not gpkg.table_exists(conn, table):
        return pd.DataFrame(columns=["uuid", "name", "x", "y"])
    named = name_column in gpkg.column_names(conn, table)
    frame = territory.points(conn, table, ["uuid", name_column] if named else ["uuid"],
                             rename={name_column: "name"})
    if not named:
        frame["name"] = None
    return frame.dropna(subset=["x", "y"])[["uuid", "name", "x", "y"]].reset_index(drop=True)


def _span(conn, table: str, column: str) -> tuple:
    if not gpkg.table_exists(conn, table) or column not in gpkg.column_names(conn, table):
        return None, None
    low, high = conn.execute(f'SELECT min("{column}"), max("{column}") FROM "{table}"'
                             ).fetchone()
    return low, high


def _distinct(conn, table: str, column: str, limit: int = 5) -> list:
    if not gpkg.table_exists(conn, table) or column not in gpkg.column_names(conn, table):
        return []
    return [v for v in tables.values(conn, table, column, distinct=True) if v not in (None, "")
            ][:limit]


def data_sources(conn) -> list:
    """One dict per family of data the socle holds (rows > 0), in :data:`SOURCE_TABLES`
    order: ``family``, ``table``, ``rows``, ``sources`` (distinct values of the table's
    ``source`` column, or its feeds' names), ``vintages`` (BPE vintages), ``imported_from``,
    ``imported_to`` (import dates), ``period_from``, ``period_to`` (period the data covers,
    when the socle records it: counts, parking occupancy, transit feed validity, survey
    submissions) and ``last_change`` (``gpkg_contents``)."""
    changes = {r["table_name"]: r["last_change"]
               for r in tables.rows(conn, "gpkg_contents", ["table_name", "last_change"])}
    result = []
    for family, table in SOURCE_TABLES.items():
        rows = row_count(conn, table)
        if not rows:
            continue
        item = {"family": family, "table": table, "rows": rows,
                "sources": _distinct(conn, table, "source"), "vintages": [],
                "imported_from": None, "imported_to": None, "period_from": None,
                "period_to": None, "last_change": changes.get(table)}
        item["imported_from"], item["imported_to"] = _span(conn, table, "imported_at")
        if family == "services":
            item["vintages"] = _distinct(conn, table, "vintage")
        elif family == "counters":
            item["period_from"], item["period_to"] = _span(conn, "counts", "start_local")
        elif family == "parkings":
            item["period_from"], item["period_to"] = _span(conn, "parking_occupancy",
                                                           "time_local")
        elif family == "transit":
            item["sources"] = _distinct(conn, "transit_feeds", "name")
            item["period_from"], item["period_to"] = (
                _span(conn, "transit_feeds", "valid_from")[0],
                _span(conn, "transit_feeds", "valid_to")[1])
            item["imported_from"], item["imported_to"] = _span(conn, "transit_feeds",
                                                               "imported_at")
        elif family == "survey":
            for column in ("submitted_at", "started_at"):
                low, high = _span(conn, table, column)
                if low:
                    item["period_from"], item["period_to"] = low, high
                    break
        result.append(item)
    return result
