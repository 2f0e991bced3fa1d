"""Read the socle into plain Python / numpy / pandas structures for the analyses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import geometry

LEVEL_PRIORITY = {"primary": 0, "secondary": 1, "tertiary": 2, "peripheral": 3}


def centralities(conn) -> list:
    """Centralities as dicts (uuid, name, level, polygons), ordered by level then name.

    That order is the assignment priority: a premise in two overlapping centralities belongs to
    the higher level one (primary before secondary…), then to the first by name.
    """
    rows = conn.execute("SELECT uuid, name, level, commune_code, geom FROM centralities").fetchall()
    result = []
    for r in rows:
        kind, shape = geometry.decode(r["geom"]) if r["geom"] is not None else (None, None)
        polygons = geometry.as_polygons(kind, shape) if kind else []
        result.append({"uuid": r["uuid"], "name": r["name"], "level": r["level"],
                       "commune_code": r["commune_code"], "polygons": polygons})
    result.sort(key=lambda c: (LEVEL_PRIORITY.get(c["level"], 9), c["name"] or ""))
    return result


def premises(conn) -> pd.DataFrame:
    """Premises with their coordinates (x, y in the file's CRS)."""
    rows = conn.execute(
        "SELECT uuid, address, street, commune_code, floor_area, ground_floor, created_at, "
        "retired_at, geom FROM premises").fetchall()
    xy = np.full((len(rows), 2), np.nan)
    for i, r in enumerate(rows):
        if r["geom"] is not None:
            kind, shape = geometry.decode(r["geom"])
            if kind == "point":
                xy[i] = shape
    frame = pd.DataFrame([dict(r) for r in rows],
                         columns=["uuid", "address", "street", "commune_code", "floor_area",
                                  "ground_floor", "created_at", "retired_at", "geom"])
    frame = frame.drop(columns="geom")
    frame["x"] = xy[:, 0]
    frame["y"] = xy[:, 1]
    return frame


def campaigns(conn) -> pd.DataFrame:
    """Campaigns in chronological order (start date, then year, then name)."""
    frame = pd.read_sql_query(
        "SELECT uuid, name, year, start_date, end_date, state FROM campaigns "
        "ORDER BY coalesce(start_date, year || '-01-01'), year, name", conn)
    return frame.reset_index(drop=True)


def observations(conn, campaign_uuids=None) -> pd.DataFrame:
    sql = ("SELECT uuid, premise_uuid, campaign_uuid, status, activity_group, naf_code, "
           "sign_name, chain_type, agent, observed_at FROM premise_observations")
    params: tuple = ()
    if campaign_uuids is not None:
        campaign_uuids = list(campaign_uuids)
        sql += f" WHERE campaign_uuid IN ({','.join('?' * len(campaign_uuids))})"
        params = tuple(campaign_uuids)
    return pd.read_sql_query(sql, conn, params=params)


def vacant_statuses(conn) -> list:
    """Status codes flagged ``counts_as_vacant`` in the status nomenclature."""
    return [r[0] for r in conn.execute(
        "SELECT code FROM observation_statuses WHERE counts_as_vacant = 1 ORDER BY sort_order")]
