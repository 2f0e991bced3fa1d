"""INSEE Filosofi gridded data (*données carroyées*, 200 m cells) from its CSV or GeoPackage.

Every vintage names its columns its own way; a column matches whatever its case:

- cell id: ``idcar_200m`` (2019, 2021), ``Idcar_200m`` (2017), ``IdINSPIRE`` (2015, 2010),
  ``Id_carr200``; written ``CRS3035RES200mN2694200E3640400``: the CRS (EPSG code), the cell
  size in metres and the **south-west corner** (``N`` northing, ``E`` easting, metres);
- counts (inhabitants, households…, fractional as INSEE publishes them): ``ind`` (``ind_c`` in
  2010), ``men``, ``men_pauv``, ``ind_snv``, the age bands ``ind_0_3`` … ``ind_80p``,
  ``ind_inc``; any other column is ignored. A column the file lacks (the 2021 grid has no
  ``men``, ``men_pauv``, ``ind_snv``) is left empty (NULL), with one warning;
- imputed-cell flag: ``i_est_200`` (2019, 2021), ``I_est_200`` (2017), ``I_est_cr`` (2015).

The CSV goes through the one reading path (:mod:`.tabular`: encoding, separator, decimal comma,
dBase-style headers detected); the GeoPackage's first layer holding a cell-id column is read
with GDAL (its geometry is not used: cells are rebuilt from their ids; its rows are numbered
from 1). Rejected rows: an id
that is not a cell id, a count that is not a number or is negative, an id already read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store.schema.core import FILOSOFI_COLUMNS
from . import tabular
from .report import ImportReport, SourceError
from .tabular import Conventions

ID_COLUMNS = ("idcar_200m", "idinspire", "id_carr200", "idcar200")
ALIASES = {"ind": ("ind", "ind_c")}
FLAG_COLUMNS = ("i_est_200", "i_est_cr")
_CELL_ID = re.compile(r"^CRS(\d+)RES(\d+)m(?:N(-?\d+)E(-?\d+)|E(-?\d+)N(-?\d+))$", re.IGNORECASE)


@dataclass(frozen=True)
class CellId:
    """A parsed cell id: EPSG code, cell size (m), south-west corner ``x``, ``y`` (m)."""

    epsg: int
    size: float
    x: float
    y: float


def parse_cell_id(text: str) -> Optional[CellId]:
    """``CRS3035RES200mN2694200E3640400`` → CellId(3035, 200, 3640400, 2694200); None when the
    text is not a cell id."""
    m = _CELL_ID.match(str(text or "").strip())
    if not m:
        return None
    if m.group(3) is not None:
        north, east = m.group(3), m.group(4)
    else:
        east, north = m.group(5), m.group(6)
    size = float(m.group(2))
    return CellId(int(m.group(1)), size, float(east), float(north)) if size > 0 else None


def _find(columns: Sequence[str], names: Sequence[str]) -> Optional[str]:
    folded = {str(c).strip().casefold(): c for c in columns}
    return next((folded[n] for n in names if n in folded), None)


def read_grid(path, report: ImportReport, conventions: Optional[Conventions] = None,
              layer: Optional[str] = None) -> pd.DataFrame:
    """The cells of a Filosofi CSV or GeoPackage: ``source_row``, ``idcar_200m``, ``epsg``,
    ``size``, ``x``, ``y`` (south-west corner in ``epsg``), the :data:`FILOSOFI_COLUMNS`
    (float, NaN when absent) and ``i_est_200``. Rejections go to ``report``; SourceError for a
    file without a cell-id or an ``ind`` column."""
    path = Path(path)
    name = path.name
    if path.suffix.lower() == ".gpkg":
        raw = _read_gpkg(path, report, layer)
    else:
        raw = tabular.read_csv_text(path, report, conventions=conventions)
    columns = [c for c in raw.columns if c != "source_row"]
    id_col = _find(columns, ID_COLUMNS)
    ind_col = _find(columns, ALIASES["ind"])
    if id_col is None or ind_col is None:
        missing = [n for n, c in (("idcar_200m", id_col), ("ind", ind_col)) if c is None]
        raise tabular.missing_columns_error(name, missing, raw, report)
    report.rows_read += len(raw)
    rows = raw["source_row"].to_numpy()
    ids = raw[id_col].astype(str).str.strip()
    cells = [parse_cell_id(v) for v in ids]
    valid = np.array([c is not None for c in cells], dtype=bool)
    for i in np.flatnonzero(~valid):
        report.reject(name, rows[i], id_col, ids.iat[i],
                      tr("a cell id such as CRS3035RES200mN2694200E3640400"))
    out = pd.DataFrame({"source_row": rows, "idcar_200m": ids.to_numpy()})
    out["epsg"] = [c.epsg if c else 0 for c in cells]
    out["size"] = [c.size if c else np.nan for c in cells]
    out["x"] = [c.x if c else np.nan for c in cells]
    out["y"] = [c.y if c else np.nan for c in cells]
    decimal = (conventions or Conventions()).decimal
    absent = []
    comma = False
    for column in FILOSOFI_COLUMNS:
        source = _find(columns, ALIASES.get(column, (column,)))
        if source is None:
            absent.append(column)
            out[column] = np.nan
            continue
        text = raw[source].astype(str).str.strip()
        values, commas = tabular.parse_numbers(text, decimal)
        comma |= bool(commas.any())
        bad = ((text != "") & ~np.isfinite(values)) | (values < 0)
        for i in np.flatnonzero(bad & valid):
            report.reject(name, rows[i], source, text.iat[i],
                          tr("a number of people or households >= 0 (empty when unknown)"))
        valid &= ~bad
        out[column] = np.where(np.isfinite(values), values, np.nan)
    flag = _find(columns, FLAG_COLUMNS)
    out["i_est_200"] = (pd.to_numeric(raw[flag], errors="coerce").to_numpy()
                        if flag is not None else np.nan)
    if comma:
        report.note(name, "decimal", ",")
    if absent:
        report.warn(name, 0, ", ".join(absent), "", tr(
            "columns absent from this file: left empty, not 0"))
    dup = out["idcar_200m"].duplicated().to_numpy() & valid
    first = dict(zip(out["idcar_200m"][~out["idcar_200m"].duplicated()], rows))
    for i in np.flatnonzero(dup):
        report.reject(name, rows[i], id_col, ids.iat[i], tr(
            "a cell id read once (already at row {row})").format(row=first[ids.iat[i]]))
    valid &= ~dup
    return tabular.finish(out, valid, report)


def _read_gpkg(path: Path, report: ImportReport, layer: Optional[str]) -> pd.DataFrame:
    """Attributes of the first layer holding a cell-id column (or ``layer``), as text."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise SourceError(tr("{file}: not a GeoPackage GDAL can read").format(file=path.name))
    layers = [ds.GetLayerByIndex(i) for i in range(ds.GetLayerCount())]
    if layer:
        layers = [lyr for lyr in layers if lyr.GetName() == layer]
    chosen = None
    for lyr in layers:
        defn = lyr.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        if _find(names, ID_COLUMNS) is not None:
            chosen = (lyr, names)
            break
    if chosen is None:
        known = ", ".join(lyr.GetName() for lyr in layers) or "-"
        raise SourceError(tr("{file}: no layer with a cell id column (idcar_200m or "
                             "IdINSPIRE); layers: {layers}").format(file=path.name,
                                                                    layers=known))
    lyr, names = chosen
    report.note(path.name, "layer", lyr.GetName())
    records: List[list] = []
    for feature in lyr:
        records.append(["" if feature.GetField(n) is None else _text(feature.GetField(n))
                        for n in names])
    frame = pd.DataFrame(records, columns=names, dtype=object)
    frame.insert(0, "source_row", np.arange(1, len(frame) + 1, dtype="int64"))
    return frame


def _text(value) -> str:
    """A GDAL field value as the CSV would write it (repr of floats: no digit lost; NaN
    empty)."""
    if isinstance(value, float):
        return repr(value) if value == value else ""
    return str(value)
