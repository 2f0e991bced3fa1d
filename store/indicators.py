"""Write computed indicators to the long ``indicators`` table (read by atlas, dashboard, export)."""

from __future__ import annotations

import json
import math
import uuid

from . import gpkg

KEY = ("scope", "centrality_uuid", "indicator", "period", "algorithm")


def write(conn, rows, *, algorithm: str, parameters: dict | None = None) -> int:
    """Replace indicators with the same (scope, centrality, indicator, period, algorithm).

    ``rows``: iterable of dicts with keys scope, centrality_uuid, indicator, period,
    campaign_uuid, value, unit. Runs inside the caller's transaction. Returns the row count.
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
            "campaign_uuid, value, unit, algorithm, parameters, computed_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (str(uuid.uuid4()), row["scope"], row.get("centrality_uuid"), row["indicator"],
             row["period"], row.get("campaign_uuid"), value, row.get("unit"), algorithm, params,
             stamp))
        count += 1
    gpkg.touch(conn, "indicators")
    return count
