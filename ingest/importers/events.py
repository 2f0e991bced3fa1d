"""Events whose impact on flows is measured (markets, braderies, sales…), into ``events``.

Keyed by ``event_id`` (``name|start`` when the file has none): re-importing adds nothing. One
transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import tables
from ...store.schema.flows import EVENT_KINDS, require_flows
from ...store.writers.bulk import insert_rows
from ..sources import tabular
from ..sources.tabular import Conventions, FieldSpec
from .framework import ImportResult, ImportRun, new_uuid, sql_values

SOURCE = "events"


def import_events(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                  sep: Optional[str] = None, conventions: Optional[Conventions] = None,
                  progress=None, is_canceled=None) -> ImportResult:
    """Events: ``event_id`` (optional: name|start when absent), ``name, centrality`` (a
    centrality name or uuid; empty = the whole territory), ``start, end`` (dates),
    ``kind`` (a code of the event_kind domain, default ``other``), ``notes``."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    kinds = tuple(k for k, _ in EVENT_KINDS)
    specs = [FieldSpec("event_id"), FieldSpec("name", required=True), FieldSpec("centrality"),
             FieldSpec("start", "date", required=True), FieldSpec("end", "date", required=True),
             FieldSpec("kind", enum=kinds), FieldSpec("notes")]
    out, valid, cols = tabular.mapped_table(path, specs, report, mapping=mapping,
                                    conventions=conventions)
    rows = out["source_row"].to_numpy()
    by_name = tables.key_map(conn, "centralities", "name", "uuid")
    uuids = set(by_name.values())
    cent = []
    for i, c in enumerate(out["centrality"]):
        if c is None or c in uuids:
            cent.append(c)
        elif c in by_name:
            cent.append(by_name[c])
        else:
            cent.append(None)
            if valid[i]:
                report.reject(name, rows[i], cols["centrality"], c,
                              tr("a centrality name or uuid of the GeoPackage (known: "
                                 "{known})").format(known=", ".join(sorted(by_name))))
                valid[i] = False
    out["centrality_uuid"] = cent
    late = (out["end"] < out["start"]).to_numpy() & valid
    for i in np.flatnonzero(late):
        report.reject(name, rows[i], cols["end"], out["end"].iat[i].strftime("%Y-%m-%d"),
                      tr("an end date on or after the start ({start})").format(
                          start=f"{out['start'].iat[i]:%Y-%m-%d}"))
    valid &= ~late
    ids = [e if e else f"{n}|{s:%Y-%m-%d}" if not pd.isna(s) else None
           for e, n, s in zip(out["event_id"], out["name"], out["start"])]
    out["event_id"] = ids
    dup = tabular.repeated(out, valid, ["event_id"])
    valid &= tabular.reject_rows(report, name, dup, rows, cols["event_id"], ids,
                                 tr("a unique event id (duplicate)"))
    f = tabular.finish(out, valid, report)
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "events", ["uuid", "event_id", "name", "centrality_uuid",
                                             "start_date", "end_date", "kind", "notes"],
                            zip([new_uuid() for _ in range(len(f))], f["event_id"], f["name"],
                                sql_values(f["centrality_uuid"]), sql_values(f["start"]),
                                sql_values(f["end"]), f["kind"].fillna("other"),
                                sql_values(f["notes"])))
    result.added["events"] = added
    result.unchanged["events"] = len(f) - added
    return result
