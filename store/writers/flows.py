"""Flow tables: counts and parking occupancy (times given as UNIX seconds and a UTC offset,
stored as GeoPackage DATETIME in UTC plus the local wall-clock text), and the lookups the flow
importers make."""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional

from ..schema.flows import count_uuid_sql
from .bulk import insert_rows

_UTC = "strftime('%Y-%m-%dT%H:%M:%SZ', ?{epoch}, 'unixepoch')"
_LOCAL = "strftime('%Y-%m-%dT%H:%M:%S', ?{epoch} + ?{offset} * 60, 'unixepoch')"

COUNT_COLUMNS = ["uuid", "channel_uuid", "start_utc", "start_local", "utc_offset_min",
                 "duration_s", "count"]
OCCUPANCY_COLUMNS = ["uuid", "parking_uuid", "time_utc", "time_local", "utc_offset_min",
                     "capacity", "occupied", "occupancy_rate", "payments"]


def insert_counts(conn, rows: Iterable[tuple], *, checkpoint: Optional[Callable] = None,
                  progress: Optional[Callable] = None) -> int:
    """Rows ``(channel uuid's first 12 hex digits, channel uuid, start epoch s, UTC offset min,
    duration s, count)``; the uuid is derived from the channel and the start
    (:func:`store.schema.flows.count_uuid_sql`). Returns how many were added."""
    values = (f"{count_uuid_sql('?1', '?3')}, ?2, {_UTC.format(epoch=3)}, "
              f"{_LOCAL.format(epoch=3, offset=4)}, ?4, ?5, ?6")
    return insert_rows(conn, "counts", COUNT_COLUMNS, rows, values_sql=values,
                       checkpoint=checkpoint, progress=progress)


def insert_occupancy(conn, rows: Iterable[tuple], *, checkpoint: Optional[Callable] = None,
                     progress: Optional[Callable] = None) -> int:
    """Rows ``(uuid, parking uuid, epoch s, UTC offset min, capacity, occupied, rate,
    payments)``. Returns how many were added."""
    values = (f"?1, ?2, {_UTC.format(epoch=3)}, {_LOCAL.format(epoch=3, offset=4)}, ?4, ?5, "
              "?6, ?7, ?8")
    return insert_rows(conn, "parking_occupancy", OCCUPANCY_COLUMNS, rows, values_sql=values,
                       checkpoint=checkpoint, progress=progress)


def feeds(conn) -> List[dict]:
    """Public transport feeds, latest import first: ``uuid, name``."""
    return [dict(r) for r in conn.execute(
        "SELECT uuid, name FROM transit_feeds ORDER BY imported_at DESC, fid DESC")]
