"""What every importer shares: reprojection, campaigns, rejection bookkeeping, results."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import gpkg, observatory
from ...store.schema.offer import require_v6
from ..sources.report import ImportReport

REPORT_COLUMNS = ["level", "file", "row", "field", "value", "reason"]


class ImportCanceledError(InterruptedError):
    """The user canceled: the transaction was rolled back, the file is unchanged."""


@dataclass
class ImportResult:
    """Counts of what was written, the report of rejected rows, rows left for a human."""

    source: str
    counts: Dict[str, int] = field(default_factory=dict)
    report: ImportReport = None
    review: Optional[pd.DataFrame] = None   # candidates a human must decide (SIRENE / OSM)
    skipped: Dict[str, int] = field(default_factory=dict)
    campaign_uuid: Optional[str] = None

    def report_frame(self) -> pd.DataFrame:
        return report_frame(self.report)


def report_frame(report: Optional[ImportReport]) -> pd.DataFrame:
    """Rejections then warnings as a DataFrame (:data:`REPORT_COLUMNS`)."""
    records = report.to_records() if report is not None else []
    return pd.DataFrame(records, columns=REPORT_COLUMNS)


def new_uuid() -> str:
    return str(uuid.uuid4())


def check_open(conn) -> int:
    """The GeoPackage CRS (EPSG code), after checking the file has the v6 tables."""
    require_v6(conn)
    return observatory.srs_id(conn)


def _srs(epsg: int):
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(epsg)) != 0:
        raise ValueError(tr("EPSG:{epsg} is not a known coordinate reference system").format(
            epsg=int(epsg)))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def reproject(x, y, epsg, target: int) -> tuple:
    """(x, y) arrays in EPSG:``target``; ``epsg`` is one code or one code per point.

    Points whose code is missing or whose transformation fails come back as NaN.
    """
    from osgeo import osr

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if np.ndim(epsg) == 0:
        codes = np.full(x.shape, np.nan if epsg is None else float(epsg))
    else:
        codes = pd.to_numeric(pd.Series(list(epsg), dtype=object), errors="coerce").astype(
            "Float64").to_numpy(dtype=float, na_value=np.nan)
    out_x = np.full(x.shape, np.nan)
    out_y = np.full(x.shape, np.nan)
    ok = np.isfinite(x) & np.isfinite(y) & np.isfinite(codes)
    dst = _srs(target)
    for code in np.unique(codes[ok]):
        sel = ok & (codes == code)
        if int(code) == int(target):
            out_x[sel], out_y[sel] = x[sel], y[sel]
            continue
        transform = osr.CoordinateTransformation(_srs(int(code)), dst)
        points = transform.TransformPoints(np.column_stack([x[sel], y[sel]]).tolist())
        arr = np.asarray(points, dtype=float).reshape(-1, 3)[:, :2]
        arr[~np.isfinite(arr).all(axis=1)] = np.nan
        out_x[sel], out_y[sel] = arr[:, 0], arr[:, 1]
    return out_x, out_y


def find_campaign(conn, name: Optional[str]) -> Optional[str]:
    """uuid of the campaign called ``name`` (None for no name); ValueError when absent."""
    if not name:
        return None
    row = conn.execute("SELECT uuid FROM campaigns WHERE name = ?", (name,)).fetchone()
    if row is None:
        known = [r[0] for r in conn.execute("SELECT name FROM campaigns ORDER BY name")]
        raise ValueError(tr("no campaign named {name!r} (campaigns: {campaigns})").format(
            name=name, campaigns=", ".join(known) or "-"))
    return row[0]


def create_campaign(conn, name: str, year: int) -> str:
    """A bare open campaign (inside the caller's transaction); returns its uuid."""
    uid = new_uuid()
    conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, state) "
                 "VALUES (?, ?, ?, ?, 'open')", (uid, name, int(year), f"{int(year)}-01-01"))
    gpkg.touch(conn, "campaigns")
    return uid


def write_rejections(conn, source: str, path, report: ImportReport) -> int:
    """Replace the rejections recorded for this source file (inside the transaction)."""
    name = Path(path).name
    stamp = gpkg.now_iso()
    conn.execute("DELETE FROM import_rejections WHERE source = ? AND file = ?", (source, name))
    rows = [(new_uuid(), source, name, r["row"], r["level"], r["field"], r["value"],
             r["reason"], stamp) for r in report.to_records()]
    conn.executemany(
        "INSERT INTO import_rejections (uuid, source, file, row, level, field, value, reason, "
        "imported_at) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    gpkg.touch(conn, "import_rejections")
    return len(rows)


def checkpoint(is_canceled) -> None:
    if is_canceled is not None and is_canceled():
        raise ImportCanceledError(tr("import canceled: nothing was written"))


def text_or_none(value):
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None
