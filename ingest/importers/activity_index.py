"""Activity indices or amounts per zone, sector and period into ``activity_indices``.

Read and checked by :mod:`ingest.sources.activity_index`. A zone naming a centrality (its
name, whatever the case, or its uuid) is linked to it; other zones are kept under their own
name (one warning lists them). Rows are keyed by zone, sector, period and measure (a derived
uuid): re-importing adds nothing, a revised file updates the values in place. One transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import pandas as pd

from ...i18n import tr
from ...store import gpkg
from ...store.schema.activity import key_uuid, require_activity
from ...store.writers import activity as writer
from ..sources import activity_index as source
from ..sources.tabular import Conventions
from .framework import ImportRefusedError, ImportResult, ImportRun, sql_values
from .zones import link_zones

SOURCE = "activity_index"
KEY = ["zone", "sector", "period", "measure"]
VALUES = ["centrality_uuid", "frequency", "value", "unit", "provider", "source", "imported_at"]


def import_activity_index(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                          measure: str = "index", frequency: Optional[str] = None,
                          provider: Optional[str] = None,
                          conventions: Optional[Conventions] = None, progress=None,
                          is_canceled=None) -> ImportResult:
    """Import an activity index file (module docstring). ``mapping``: our field → the file's
    column (``zone, sector, period, value, measure, unit``); ``measure``: the measure of rows
    that do not say (``index``, ``amount``, ``transactions``); ``frequency``: how to read
    periods given as dates (M, Q or Y)."""
    if measure not in source.MEASURES:
        raise ImportRefusedError(tr("measure must be one of {values}").format(
            values=", ".join(source.MEASURES)))
    if frequency is not None and frequency not in source.FREQUENCIES:
        raise ImportRefusedError(tr("frequency must be one of {values}").format(
            values=", ".join(source.FREQUENCIES)))
    run = ImportRun.open(conn, SOURCE, [path], require_activity, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    unknown = sorted(set(mapping or {}) - {f.name for f in source.FIELDS})
    if unknown:
        raise ImportRefusedError(tr(
            "{file}: the mapping names unknown field(s) {fields}; the fields are "
            "{known}").format(file=name, fields=", ".join(unknown),
                              known=", ".join(f.name for f in source.FIELDS)))
    frame, cols = source.read_index(path, report, mapping=mapping, measure=measure,
                                    frequency=frequency, conventions=conventions)
    run.progress(50)
    run.checkpoint()
    centrality, unmatched = link_zones(conn, frame["zone"])
    if unmatched:
        report.warn(name, 0, cols["zone"], ", ".join(unmatched[:10]) + (
            " …" if len(unmatched) > 10 else ""), tr(
            "zone(s) not matching a centrality's name: kept under their own name"))
    stamp = gpkg.now_iso()
    data = list(zip([key_uuid(SOURCE, *k) for k in zip(frame["zone"], frame["sector"],
                                                        frame["period"], frame["measure"])],
                    frame["zone"], frame["sector"], frame["period"], frame["measure"],
                    sql_values(pd.Series(centrality, dtype=object)), frame["frequency"],
                    sql_values(frame["value"]),
                    sql_values(frame["unit"]), [provider] * len(frame), [name] * len(frame),
                    [stamp] * len(frame)))
    result = run.result
    with run.writing() as conn:
        added, updated = writer.upsert_keyed(conn, "activity_indices", KEY, VALUES, data)
    result.added["activity_indices"] = added
    result.updated["activity_indices"] = updated
    result.unchanged["activity_indices"] = len(data) - added - updated
    return result
