"""The territory as stored: centralities, the population grid, and the points of any table."""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .. import geometry, gpkg, tables
from ..schema.core import FILOSOFI_COLUMNS
from ..tables import _q

LEVEL_PRIORITY = {"primary": 0, "secondary": 1, "tertiary": 2, "peripheral": 3}

#: Filosofi age columns of ``population_grid`` summed into the age groups the jobs report.
AGE_GROUPS = {
    "age_0_17": ["ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17"],
    "age_18_24": ["ind_18_24"],
    "age_25_64": ["ind_25_39", "ind_40_54", "ind_55_64"],
    "age_65p": ["ind_65_79", "ind_80p"],
}



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


def centrality_features(conn) -> list:
    """Centralities as dicts ``uuid, name, level, geom`` (the stored blob), ordered by name:
    the rows of the centrality output layers."""
    return tables.rows(conn, "centralities", ["uuid", "name", "level", "geom"],
                       order_by=["name"])


def centrality_blobs(conn) -> dict:
    """centrality uuid → its stored geometry blob."""
    return tables.key_map(conn, "centralities", "uuid", "geom")


def has_rows(conn, table: str) -> bool:
    """Does ``table`` exist with a geometry column and at least one row with a geometry?"""
    if not gpkg.table_exists(conn, table) or "geom" not in gpkg.column_names(conn, table):
        return False
    return conn.execute(f"SELECT 1 FROM {_q(table)} WHERE geom IS NOT NULL LIMIT 1"
                        ).fetchone() is not None


def with_xy(rows: list, columns: Sequence[str]) -> pd.DataFrame:
    """Dict rows holding a ``geom`` blob → frame of ``columns`` + the point's ``x``, ``y``."""
    xy = np.full((len(rows), 2), np.nan)
    for i, r in enumerate(rows):
        blob = r.pop("geom")
        if blob is not None:
            kind, shape = geometry.decode(blob)
            if kind == "point":
                xy[i] = shape
    frame = pd.DataFrame(rows, columns=list(columns))
    frame["x"], frame["y"] = xy[:, 0], xy[:, 1]
    return frame


def points(conn, table: str, columns: Sequence[str] = (), where: Optional[Mapping] = None, *,
           rename: Optional[Mapping[str, str]] = None,
           order_by: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Rows of ``table`` with ``columns`` and the coordinates ``x``, ``y`` of their point
    geometry (NaN for a NULL, empty or non-point geometry), in the file's CRS
    (:func:`store.tables.points`), in table order or ordered by ``order_by``. ``rename`` maps
    stored column names to the frame's. The columns are there even when no row matches."""
    frame = tables.points(conn, table, list(columns), where)
    if order_by:
        frame = frame.sort_values(list(order_by), kind="stable").reset_index(drop=True)
    return frame.rename(columns=dict(rename or {}))


def geometries(conn, table: str, columns: Sequence[str] = ()) -> pd.DataFrame:
    """Rows of ``table`` that have a geometry: ``columns`` (those that exist) and ``geom``
    (the stored blob), in table order."""
    present = [c for c in columns if c in gpkg.column_names(conn, table)]
    sel = ", ".join([*[_q(c) for c in present], "geom"])
    rows = conn.execute(f"SELECT {sel} FROM {_q(table)} WHERE geom IS NOT NULL").fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=[*present, "geom"])


def population_cells(conn, lean: bool = False) -> pd.DataFrame:
    """Cells with ``uuid``, ``idcar_200m``, centre ``x``, ``y`` (of the bounding box),
    ``geom`` (blob) and the Filosofi columns ``ind``, ``men``, ``ind_snv`` plus the age groups
    of :data:`AGE_GROUPS` (NULL counts as 0). ``lean``: only the centres and the counts (no
    identifiers, no blobs; only the blobs' headers are read), which is much faster."""
    cols = sorted({c for group in AGE_GROUPS.values() for c in group})
    if lean:  # age groups summed by SQLite: fewer values to bring into Python
        numeric = ["ind", "men", "ind_snv", *AGE_GROUPS]
        exprs = ["ind", "men", "ind_snv"] + [
            "(" + " + ".join(f"coalesce({m}, 0)" for m in members) + ")"
            for members in AGE_GROUPS.values()]
    else:
        numeric = exprs = ["ind", "men", "ind_snv", *cols]
    ids = [] if lean else ["uuid", "idcar_200m"]
    shape = "substr(geom, 1, 40)" if lean else "geom"
    rows = conn.execute(f"SELECT {', '.join(ids + exprs)}, {shape}, fid "
                        "FROM population_grid").fetchall()
    columns = list(zip(*rows)) if rows else [()] * (len(ids) + len(numeric) + 2)
    frame = pd.DataFrame({c: pd.Series(col, dtype=object) for c, col in zip(ids, columns)})
    try:  # one conversion for every count column; NULL → NaN
        matrix = np.array(columns[len(ids):len(ids) + len(numeric)], dtype=np.float64)
    except (TypeError, ValueError):  # text in a numeric column
        matrix = np.array([pd.to_numeric(pd.Series(col, dtype=object), errors="coerce")
                           .to_numpy(np.float64)
                           for col in columns[len(ids):len(ids) + len(numeric)]])
    matrix = np.nan_to_num(matrix.reshape(len(numeric), len(rows)), nan=0.0)
    values = dict(zip(numeric, matrix))
    for c in ["ind", "men", "ind_snv"]:
        frame[c] = values[c]
    for group, members in AGE_GROUPS.items():
        frame[group] = values[group] if lean else np.sum([values[m] for m in members], axis=0)
    blobs = columns[-2]

    def whole(i: int) -> bytes:  # lean: a header without an envelope → read the whole blob
        return conn.execute("SELECT geom FROM population_grid WHERE fid = ?",
                            (rows[i][-1],)).fetchone()[0]

    env = geometry.envelopes(blobs, whole if lean else None)
    frame["x"], frame["y"] = (env[:, 0] + env[:, 1]) / 2.0, (env[:, 2] + env[:, 3]) / 2.0
    if not lean:
        frame["geom"] = list(blobs)
    return frame


def filled_grid_columns(conn) -> set:
    """The Filosofi columns of ``population_grid`` holding at least one value (not NULL):
    empty when the grid has no cell. A file without households (``men``) or standard of
    living (``ind_snv``) columns, such as the 2021 grid, leaves them NULL."""
    present = [c for c in FILOSOFI_COLUMNS if c in gpkg.column_names(conn, "population_grid")]
    if not present:
        return set()
    row = conn.execute("SELECT " + ", ".join(f"count({_q(c)})" for c in present)
                       + " FROM population_grid").fetchone()
    return {c for c, n in zip(present, row) if n}


def grid_polygons(conn) -> tuple:
    """(inhabitants ``ind`` per cell (NULL = 0), the cell's polygons) for the cells of the
    population grid that have a geometry, in table order."""
    population, polygons = [], []
    for r in conn.execute("SELECT ind, geom FROM population_grid WHERE geom IS NOT NULL"):
        kind, shape = geometry.decode(r["geom"])
        polygons.append(geometry.as_polygons(kind, shape) if kind else [])
        population.append(r["ind"] or 0.0)
    return np.asarray(population, dtype=float), polygons
