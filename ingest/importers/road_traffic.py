"""Road count points (average daily traffic, heavy-vehicle share), into ``road_traffic``.

Rows are keyed by point and period: re-importing adds nothing. Coordinates in any EPSG CRS are
reprojected to the GeoPackage's. One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Mapping, Optional

import numpy as np

from ...i18n import noop, tr
from ...store import gpkg
from ...store.schema.flows import require_flows
from ...store.writers.bulk import insert_rows
from ..sources import tabular
from ..sources.tabular import Conventions, FieldSpec
from .framework import ImportResult, ImportRun, new_uuid, points, sql_values

SOURCE = "road_traffic"
PERIOD_EXPECTED = noop("a year (2023), a month (2023-06 or 06/2023) or a day (2023-06-15, "
                       "15/06/2023 or 15/06/23)")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$"
                     r"|^(?:(\d{1,2})/)?(\d{1,2})/(\d{4}|\d{2})$")


def iso_period(text: str) -> Optional[str]:
    """``2023``, ``2023-06`` or ``2023-06-15`` from the ISO or French forms (``06/2023``,
    ``15/06/2023``, ``15/06/23``); None when not a valid period between 1900 and 2100."""
    m = _PERIOD.match(text.strip())
    if not m:
        return None
    y, mo, d, fd, fm, fy = m.groups()
    if y is None:
        y = str(int(fy) + (2000 if int(fy) < 69 else 1900)) if len(fy) == 2 else fy
        mo, d = fm, fd
    year = int(y)
    if not tabular.DATE_MIN_YEAR <= year <= tabular.DATE_MAX_YEAR:
        return None
    try:
        if d is not None:
            return dt.date(year, int(mo), int(d)).isoformat()
        if mo is not None:
            return dt.date(year, int(mo), 1).isoformat()[:7]
    except ValueError:
        return None
    return f"{year:04d}"


def import_road_traffic(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                        epsg: int = 4326, heavy_in_percent: bool = True,
                        sep: Optional[str] = None, conventions: Optional[Conventions] = None,
                        progress=None, is_canceled=None) -> ImportResult:
    """Road count points: ``point_id, period (a year 2023 or a month 2023-06…), name, road,
    daily_traffic (vehicles/day), heavy_share, x, y`` (coordinates in EPSG:``epsg``; WGS84
    longitude / latitude by default). ``heavy_share`` in percent (0–100) unless
    ``heavy_in_percent`` is false (0–1); stored as a fraction."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    top = 100 if heavy_in_percent else 1
    specs = [FieldSpec("point_id", required=True),
             FieldSpec("period", required=True),
             FieldSpec("name"), FieldSpec("road"),
             FieldSpec("daily_traffic", "number", required=True, minimum=0, maximum=1e7),
             FieldSpec("heavy_share", "number", minimum=0, maximum=top),
             FieldSpec("x", "number", required=True), FieldSpec("y", "number", required=True)]
    out, valid, cols = tabular.mapped_table(path, specs, report, mapping=mapping,
                                    conventions=conventions)
    period = [iso_period(p) if isinstance(p, str) else None for p in out["period"]]
    bad = np.array([p is None for p in period], dtype=bool) & out["period"].notna().to_numpy() \
        & valid
    for i in np.flatnonzero(bad):
        report.reject(name, out["source_row"].iat[i], cols["period"], out["period"].iat[i],
                      tr(PERIOD_EXPECTED))
    valid &= ~bad
    out["period"] = period
    dup = tabular.repeated(out, valid, ["point_id", "period"])
    valid &= tabular.reject_rows(report, name, dup, out["source_row"].to_numpy(), cols["period"],
                                 out["period"].to_numpy(),
                                 tr("one row per point and period (duplicate)"))
    f, x, y = run.place(tabular.finish(out, valid, report), out["x"][valid], out["y"][valid],
                        epsg, name, f"{cols['x']},{cols['y']}")
    share = f["heavy_share"].astype(float) / top
    stamp = gpkg.now_iso()
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "road_traffic",
                            ["uuid", "geom", "point_id", "period", "name", "road",
                             "daily_traffic", "heavy_share", "source", "imported_at"],
                            zip([new_uuid() for _ in range(len(f))],
                                points(x, y, run.srs_id), f["point_id"], f["period"],
                                sql_values(f["name"]), sql_values(f["road"]),
                                sql_values(f["daily_traffic"]), sql_values(share),
                                [name] * len(f), [stamp] * len(f)))
    result.added["road_traffic"] = added
    result.unchanged["road_traffic"] = len(f) - added
    return result
