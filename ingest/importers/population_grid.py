"""INSEE Filosofi 200 m grid (CSV or GeoPackage, any vintage) → ``population_grid``.

Rules:

* each cell is rebuilt from its id (:func:`..sources.filosofi.parse_cell_id`): the square
  ``[E, E + size] × [N, N + size]`` in the id's CRS (EPSG:3035 in metropolitan France), its
  four corners reprojected to the GeoPackage's CRS (a 200 m square stays a quadrilateral
  within centimetres of the exact reprojected square);
* clipped to the territory: ``keep(x, y)`` (a boolean mask from the cells' centres in the
  GeoPackage's CRS; the caller builds it from a polygon layer or an extent) keeps a cell when
  its centre is inside; without it every cell is kept. Cells left out are counted;
* keyed by ``idcar_200m``: a cell already stored with the same values and geometry is
  unchanged, with other values it is updated (the file's values replace the stored ones,
  absent columns included), a new id is added. Re-importing a file, or the same grid from its
  GeoPackage, changes nothing. Fractional counts are kept as published.

One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import numpy as np

from ...i18n import tr
from ...store import geometry
from ...store.writers import population_grid as writer
from ..sources import filosofi
from ..sources.tabular import Conventions
from .framework import ImportResult, ImportRun, new_uuid, reproject

SOURCE = "filosofi"
TABLE = "population_grid"
Keep = Optional[Callable[[np.ndarray, np.ndarray], np.ndarray]]


def cell_rings(x, y, size, epsg, target: int) -> tuple:
    """``(rings (n, 5, 2), centre x, centre y)`` of cells whose south-west corners are
    ``x``, ``y`` (arrays, in ``epsg``: one code or one per cell), reprojected to ``target``;
    NaN rows where a corner cannot be projected."""
    x, y, size = (np.asarray(v, dtype=np.float64) for v in (x, y, size))
    dx = np.array([0.0, 1.0, 1.0, 0.0, 0.0, 0.5])
    dy = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 0.5])
    cx = (x[:, None] + dx[None, :] * size[:, None]).ravel()
    cy = (y[:, None] + dy[None, :] * size[:, None]).ravel()
    codes = np.repeat(np.broadcast_to(np.asarray(epsg), x.shape), dx.size)
    px, py = reproject(cx, cy, codes, target)
    px, py = px.reshape(-1, dx.size), py.reshape(-1, dx.size)
    rings = np.stack([px[:, :5], py[:, :5]], axis=-1)
    return rings, px[:, 5], py[:, 5]


# a file holding more cells than this, imported without a territory, is probably a national
# or regional one (Grand Poitiers: about 12 000 inhabited cells; France: about 2.3 million)
UNCLIPPED_WARNING_CELLS = 100_000


def import_population_grid(conn, path, *, keep: Keep = None,
                           conventions: Optional[Conventions] = None,
                           layer: Optional[str] = None, progress=None,
                           is_canceled=None) -> ImportResult:
    """Import the cells of a Filosofi file (module rules)."""
    run = ImportRun.open(conn, SOURCE, [path], writer.require_grid, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    cells = filosofi.read_grid(path, report, conventions, layer)
    run.progress(30)
    run.checkpoint()
    rings, cx, cy = cell_rings(cells["x"], cells["y"], cells["size"], cells["epsg"].to_numpy(),
                               run.srs_id)
    placed = np.isfinite(rings).all(axis=(1, 2))
    rows = cells["source_row"].to_numpy()
    for i in np.flatnonzero(~placed):
        report.reject(name, rows[i], "idcar_200m", cells["idcar_200m"].iat[i],
                      tr("a cell that can be projected to the GeoPackage's CRS "
                         "(EPSG:{epsg})").format(epsg=run.srs_id))
    report.rows_accepted -= int((~placed).sum())
    inside = np.ones(len(cells), dtype=bool)
    if keep is not None and len(cells):
        inside[placed] = np.asarray(keep(cx[placed], cy[placed]), dtype=bool)
    if keep is None and int(placed.sum()) > UNCLIPPED_WARNING_CELLS:
        report.warn(name, 0, "idcar_200m", int(placed.sum()), tr(
            "no territory to clip to: every cell of the file is kept; give the territory "
            "(a polygon layer or an extent) to keep only its cells"))
    outside = placed & ~inside
    if outside.any():
        run.result.filtered[tr("cell centre outside the territory")] = int(outside.sum())
    sel = np.flatnonzero(placed & inside)
    stored = writer.stored_cells(conn)
    inserts, updates, unchanged = [], [], 0
    values = cells[[c for c in writer.VALUES if c != "geom"]]
    for i in sel:
        blob = geometry.encode("polygon", [rings[i]], run.srs_id)
        row = tuple(None if v != v else float(v) for v in values.iloc[i].tolist())
        row = (*row[:-1], None if row[-1] is None else int(row[-1]), blob)
        key = cells["idcar_200m"].iat[i]
        if key not in stored:
            inserts.append((new_uuid(), key, *row))
        elif stored[key][1] != row:
            updates.append((*row, stored[key][0]))
        else:
            unchanged += 1
    run.progress(60)
    result = run.result
    with run.writing() as conn:
        writer.write_cells(conn, inserts, updates)
    result.added[TABLE] = len(inserts)
    result.updated[TABLE] = len(updates)
    result.unchanged[TABLE] = unchanged
    run.progress(100)
    return result
