"""The flows as stored (schema v7, :mod:`store.schema.flows`): counters and their counts,
events, parking, public transport, road traffic and carpooling.

Point tables come with ``x``, ``y`` (the file's CRS; NaN without a point geometry).
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd

from .. import gpkg, tables
from .territory import points


def counting_sites(conn) -> pd.DataFrame:
    """``site_uuid, site_id, name, street, centrality_uuid`` (declared), ``x``, ``y``, ordered
    by ``site_id``."""
    return points(conn, "counting_sites", ["uuid", "site_id", "name", "street",
                                           "centrality_uuid"],
                  rename={"uuid": "site_uuid"}, order_by=["site_id"])


def counting_channels(conn) -> pd.DataFrame:
    """``channel_uuid, channel_id, site_uuid, mobility_type, time_step_s``, ordered by
    ``channel_id``."""
    return tables.frame(conn, "counting_channels", ["uuid", "channel_id", "site_uuid",
                                                    "mobility_type", "time_step_s"],
                        order_by=["channel_id"]).rename(columns={"uuid": "channel_uuid"})


def has_counts(conn) -> bool:
    """Do the counter tables exist and hold at least one count?"""
    return all(gpkg.table_exists(conn, t) for t in ("counting_sites", "counting_channels",
                                                    "counts")) and tables.exists(conn, "counts")


def counts(conn, channel_uuids: Sequence[str], start=None, end=None) -> pd.DataFrame:
    """Measures of the channels: ``channel_id`` (= the channel's uuid), ``start_local``
    (naive wall-clock time), ``duration_s``, ``count`` (NaN = no data), optionally within
    the local days ``start`` … ``end`` (inclusive)."""
    parts = []
    where, params = "", []
    if start is not None:
        where += " AND start_utc >= ?"
        params.append((pd.Timestamp(start) - pd.Timedelta(days=1)).strftime("%Y-%m-%d"))
    if end is not None:
        where += " AND start_utc < ?"
        params.append((pd.Timestamp(end) + pd.Timedelta(days=2)).strftime("%Y-%m-%d"))
    for uid in channel_uuids:
        rows = conn.execute(
            "SELECT CAST(strftime('%s', start_local) AS INTEGER), duration_s, count FROM counts "
            f"WHERE channel_uuid = ?{where}", [uid, *params]).fetchall()
        if not rows:
            continue
        arr = np.array(rows, dtype=float)  # None → nan
        parts.append(pd.DataFrame({
            "channel_id": uid,
            "start_local": arr[:, 0].astype("int64").astype("datetime64[s]").astype(
                "datetime64[ns]"),
            "duration_s": arr[:, 1], "count": arr[:, 2]}))
    if not parts:
        return pd.DataFrame({"channel_id": pd.Series(dtype=object),
                             "start_local": pd.Series(dtype="datetime64[ns]"),
                             "duration_s": pd.Series(dtype=float),
                             "count": pd.Series(dtype=float)})
    frame = pd.concat(parts, ignore_index=True)
    if start is not None:
        frame = frame[frame["start_local"] >= pd.Timestamp(start).normalize()]
    if end is not None:
        frame = frame[frame["start_local"] < pd.Timestamp(end).normalize() + pd.Timedelta(days=1)]
    return frame.reset_index(drop=True)


def events(conn) -> pd.DataFrame:
    """``event_uuid, event_id, name, kind, centrality_uuid, centrality`` (its name),
    ``start_date, end_date``, ordered by start date then name."""
    return pd.read_sql_query(
        "SELECT e.uuid AS event_uuid, e.event_id, e.name, e.kind, e.centrality_uuid, "
        "c.name AS centrality, e.start_date, e.end_date FROM events e "
        "LEFT JOIN centralities c ON c.uuid = e.centrality_uuid ORDER BY e.start_date, e.name",
        conn)


# ------------------------------------------------------------------------------ parking

def parkings(conn) -> pd.DataFrame:
    """``uuid, name, kind, capacity, centrality_uuid`` (declared), ``x``, ``y``."""
    return points(conn, "parkings", ["uuid", "name", "kind", "capacity", "centrality_uuid"])


def parking_occupancy(conn, *, with_rate: bool = False) -> pd.DataFrame:
    """Observations ``parking_uuid, time_local, capacity, occupied, payments,
    occupancy_rate``; with ``with_rate`` only those with an occupancy rate."""
    frame = tables.frame(conn, "parking_occupancy", ["parking_uuid", "time_local", "capacity",
                                                     "occupied", "payments", "occupancy_rate"])
    if with_rate:
        frame = frame[frame["occupancy_rate"].notna()].reset_index(drop=True)
    return frame


# ------------------------------------------------------------------------ public transport

def transit_stops(conn) -> pd.DataFrame:
    """``uuid, name, x, y``."""
    return points(conn, "transit_stops", ["uuid", "name"])


def ridership(conn) -> pd.DataFrame:
    """``stop_uuid, date, boardings`` of the rows with a boarding count."""
    frame = tables.frame(conn, "transit_ridership", ["stop_uuid", "date", "boardings"])
    return frame[frame["boardings"].notna()].reset_index(drop=True)


def service_date(conn, day_kind: Optional[str] = None) -> Optional[str]:
    """The latest service date imported for ``day_kind`` (e.g. ``typical_weekday``), else the
    latest of any kind; None when no service is imported."""
    dates = [d for d in tables.values(conn, "transit_service", "service_date",
                                      {"day_kind": day_kind} if day_kind else None,
                                      distinct=True) if d is not None]
    if not dates and day_kind:
        return service_date(conn, None)
    return max(dates) if dates else None


def transit_service(conn, date: Optional[str]) -> pd.DataFrame:
    """Departures per stop and hour on a service date: ``stop_uuid, hour, departures``."""
    return tables.frame(conn, "transit_service", ["stop_uuid", "hour", "departures"],
                        {"service_date": date})


# ------------------------------------------------------------- road traffic, carpooling

def road_traffic(conn) -> pd.DataFrame:
    """Count points ``point_id, period, daily_traffic, heavy_share, x, y``."""
    return points(conn, "road_traffic", ["point_id", "period", "daily_traffic", "heavy_share"])


def carpool_areas(conn) -> pd.DataFrame:
    """Carpool places ``place_id, places, x, y``."""
    return points(conn, "carpool_areas", ["place_id", "places"])


def carpool_trips(conn) -> pd.DataFrame:
    """``date, origin_insee, destination_insee, trips``."""
    return tables.frame(conn, "carpool_trips", ["date", "origin_insee", "destination_insee",
                                                "trips"])
