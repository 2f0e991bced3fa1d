"""Public transport ridership per stop, day and period, into ``transit_ridership``.

Stops are the GTFS ``stop_id`` of an imported feed; rows are keyed by stop, date and period:
re-importing adds nothing. One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import numpy as np

from ...i18n import tr
from ...store import tables
from ...store.schema.flows import require_flows
from ...store.writers import flows as writer
from ...store.writers.bulk import insert_rows
from ..sources import tabular
from ..sources.tabular import Conventions, FieldSpec
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid, sql_values

SOURCE = "ridership"


def import_ridership(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                     feed: Optional[str] = None, sep: Optional[str] = None,
                     conventions: Optional[Conventions] = None, progress=None,
                     is_canceled=None) -> ImportResult:
    """Ridership per stop: ``stop_id, date, period (optional, default 'day'), boardings,
    alightings`` (at least one of the two). Stops are GTFS ``stop_id`` of the feed named
    ``feed`` (default: the latest imported feed)."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    feeds = writer.feeds(conn)
    if not feeds:
        raise ImportRefusedError(tr("no public transport feed in the GeoPackage: import a GTFS "
                                    "feed first (ridership rows name its stops)"))
    if feed:
        match = [f for f in feeds if f["name"] == feed]
        if not match:
            raise ImportRefusedError(tr("no feed named {feed!r} (feeds: {feeds})").format(
                feed=feed, feeds=", ".join(f["name"] for f in feeds)))
        feed_uuid = match[0]["uuid"]
    else:
        feed_uuid = feeds[0]["uuid"]
    stops = tables.key_map(conn, "transit_stops", "stop_id", "uuid", {"feed_uuid": feed_uuid})
    specs = [FieldSpec("stop_id", required=True), FieldSpec("date", "date", required=True),
             FieldSpec("period"), FieldSpec("boardings", "number", minimum=0),
             FieldSpec("alightings", "number", minimum=0)]
    out, valid, cols = tabular.mapped_table(path, specs, report, mapping=mapping,
                                    conventions=conventions)
    out["period"] = out["period"].fillna("day")
    rows = out["source_row"].to_numpy()
    neither = (out["boardings"].isna() & out["alightings"].isna()).to_numpy() & valid
    for i in np.flatnonzero(neither):
        report.reject(name, rows[i], cols["boardings"], "",
                      tr("a number of boardings or of alightings"))
    valid &= ~neither
    unknown = ~out["stop_id"].isin(set(stops)).to_numpy() & valid
    for i in np.flatnonzero(unknown):
        report.reject(name, rows[i], cols["stop_id"], out["stop_id"].iat[i],
                      tr("a stop_id of the imported feed's stops.txt"))
    valid &= ~unknown
    dup = tabular.repeated(out, valid, ["stop_id", "date", "period"])
    valid &= tabular.reject_rows(report, name, dup, rows, cols["date"],
                                 out["date"].dt.strftime("%Y-%m-%d").to_numpy(),
                                 tr("one row per stop, date and period (duplicate)"))
    f = tabular.finish(out, valid, report)
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "transit_ridership",
                            ["uuid", "stop_uuid", "date", "period", "boardings", "alightings"],
                            zip([new_uuid() for _ in range(len(f))], f["stop_id"].map(stops),
                                sql_values(f["date"]), f["period"], sql_values(f["boardings"]),
                                sql_values(f["alightings"])), checkpoint=run.checkpoint)
    result.added["transit_ridership"] = added
    result.unchanged["transit_ridership"] = len(f) - added
    return result
