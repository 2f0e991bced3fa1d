"""Reading the population grid for the catchment algorithms (store.readers.territory)."""

import struct

import numpy as np

from observatoire_commerce.store import geometry, gpkg, observatory
from observatoire_commerce.store.readers import territory


def square(x, y, side=200.0):
    return [np.array([[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]])]


def test_cell_centres_full_and_lean(tmp_path):
    path = tmp_path / "cells.gpkg"
    observatory.create_observatory(path, "Cells", 2154)
    conn = observatory.open_observatory(path)
    poly = geometry.encode("polygon", square(1000.0, 2000.0), 2154)
    # the same square written without an envelope in its header (allowed by the standard)
    bare = b"GP" + struct.pack("<BBi", 0, 0b00000001, 2154) + poly[40:]
    with gpkg.transaction(conn):
        conn.executemany(
            "INSERT INTO population_grid (uuid, idcar_200m, ind, men, ind_0_3, ind_4_5, "
            "ind_65_79, geom) VALUES (?,?,?,?,?,?,?,?)",
            [("a", "A", 12.0, 5.0, 2.0, 1.0, 4.0, poly),
             ("b", "B", None, 3.0, None, 7.0, None, bare)])
    full = territory.population_cells(conn)
    light = territory.population_cells(conn, lean=True)
    conn.close()
    for frame in (full, light):
        assert frame["x"].tolist() == [1100.0, 1100.0]
        assert frame["y"].tolist() == [2100.0, 2100.0]
        assert frame["ind"].tolist() == [12.0, 0.0]  # NULL counts as 0
        assert frame["age_0_17"].tolist() == [3.0, 7.0]
        assert frame["age_65p"].tolist() == [4.0, 0.0]
    assert full["geom"].tolist() == [poly, bare]
    assert full["uuid"].tolist() == ["a", "b"] and full["idcar_200m"].tolist() == ["A", "B"]
    assert not {"geom", "uuid", "idcar_200m"} & set(light.columns)
