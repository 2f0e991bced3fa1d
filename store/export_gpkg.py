"""A fresh GeoPackage of published layers (the geometries of the open-data export).

Not an observatory file: no ``observatory_meta``, no nomenclature; feature tables only, in
one CRS, with the R-tree index the standard asks for, written in one transaction by the
engine of :mod:`store.gpkg` (so it passes GDAL's ``validate_gpkg.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Sequence

from . import geometry, gpkg, tables
from .observatory import srs_definition_geographic
from .tables import _q

SQL_TYPES = {"string": "TEXT", "number": "REAL", "integer": "INTEGER", "boolean": "BOOLEAN",
             "date": "DATE", "datetime": "DATETIME"}


@dataclass
class Layer:
    """One feature table: ``columns`` are (name, Table Schema type); ``rows`` tuples in that
    order; ``shapes`` one (kind, shape) per row in the CRS of the file (or (None, None))."""

    name: str
    description: str
    geometry_type: str                  # POINT or MULTIPOLYGON
    columns: Sequence[tuple]
    rows: List[tuple] = field(default_factory=list)
    shapes: List[tuple] = field(default_factory=list)


def write_layers(path, layers: Sequence[Layer], *, srs_id: int, srs_name: str,
                 srs_wkt: str) -> Path:
    """Create ``path`` (replaced when it exists) holding ``layers``; returns the path."""
    path = Path(path)
    path.unlink(missing_ok=True)
    with gpkg.new_file(path) as conn, gpkg.transaction(conn):
        gpkg.register_crs(conn, srs_id, srs_name, srs_wkt, srs_definition_geographic())
        for layer in layers:
            columns = ", ".join(f"{_q(name)} {SQL_TYPES.get(kind, 'TEXT')}"
                                for name, kind in layer.columns)
            gpkg.create_table(conn, layer.name, columns, description=layer.description,
                              geometry_type=layer.geometry_type, srs_id=int(srs_id))
            names = ["geom", *(name for name, _kind in layer.columns)]
            blobs = [None if kind is None else geometry.encode(kind, shape, int(srs_id))
                     for kind, shape in layer.shapes]
            tables.insert(conn, layer.name, names,
                          ((blob, *row) for blob, row in zip(blobs, layer.rows)))
            if any(b is not None for b in blobs):
                gpkg.update_extent(conn, layer.name)
    return path
