"""The ``population_grid`` table (INSEE Filosofi 200 m cells), keyed by ``idcar_200m``."""

from __future__ import annotations

from typing import Dict, Sequence, Tuple

from .. import gpkg, tables
from ..schema.core import FILOSOFI_COLUMNS

VALUES = [*FILOSOFI_COLUMNS, "i_est_200", "geom"]


def require_grid(conn) -> None:
    """ValueError when the file has no ``population_grid`` table."""
    if not gpkg.table_exists(conn, "population_grid"):
        raise ValueError("this GeoPackage has no population_grid table: it is not an "
                         "observatory GeoPackage")


def stored_cells(conn) -> Dict[str, Tuple[str, tuple]]:
    """``{idcar_200m: (uuid, values)}`` with the :data:`VALUES` of each stored cell."""
    out = {}
    for r in tables.rows(conn, "population_grid", ["idcar_200m", "uuid", *VALUES]):
        if r["idcar_200m"] is not None:
            out[r["idcar_200m"]] = (r["uuid"], tuple(r[c] for c in VALUES))
    return out


def write_cells(conn, inserts: Sequence[tuple], updates: Sequence[tuple]) -> None:
    """Insert cells (``uuid, idcar_200m`` + :data:`VALUES`) and overwrite the :data:`VALUES`
    of ``updates`` (:data:`VALUES` then the uuid); inside the caller's transaction."""
    tables.insert(conn, "population_grid", ["uuid", "idcar_200m", *VALUES], inserts)
    tables.update(conn, "population_grid", "uuid",
                  (dict(zip([*VALUES, "uuid"], u)) for u in updates), touch=False)
    if inserts or updates:
        gpkg.update_extent(conn, "population_grid")
    gpkg.touch(conn, "population_grid")
