"""The Filosofi 200 m grid: cell ids, every vintage's column names, French conventions,
rejected rows, cells rebuilt from their ids and reprojected, clipping, idempotence.

Fixtures (tests/data/filosofi, written for these tests, values invented): the same three
cells in the 2019 layout (lower case), the 2017 layout (capitalised), the 2015 layout
(IdINSPIRE, ``;``, decimal comma, Windows-1252), the 2021 layout (no men, men_pauv, ind_snv),
and a file with dBase-style headers and bad rows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from observatoire_commerce.ingest.importers.population_grid import (
    cell_rings,
    import_population_grid,
)
from observatoire_commerce.ingest.sources import filosofi
from observatoire_commerce.ingest.sources.filosofi import CellId, parse_cell_id
from observatoire_commerce.ingest.sources.report import ImportReport, SourceError
from observatoire_commerce.store import gpkg, observatory

DATA = Path(__file__).resolve().parents[1] / "data" / "filosofi"
IND = [120.5, 12.0, 0.5]
IDS = ["CRS3035RES200mN2654000E3580000", "CRS3035RES200mN2654000E3580200",
       "CRS3035RES200mN2654200E3580000"]


@pytest.mark.parametrize("text, expected", [
    ("CRS3035RES200mN2694200E3640400", CellId(3035, 200.0, 3640400.0, 2694200.0)),
    ("crs3035res200mn2694200e3640400", CellId(3035, 200.0, 3640400.0, 2694200.0)),
    ("CRS3035RES1000mN2654000E3580000", CellId(3035, 1000.0, 3580000.0, 2654000.0)),
    ("CRS3035RES200mE3640400N2694200", CellId(3035, 200.0, 3640400.0, 2694200.0)),
    ("CRS2975RES200mN7660200E337800", CellId(2975, 200.0, 337800.0, 7660200.0)),
    ("3035_200_2694200_3640400", None), ("", None), ("CRS3035RES0mN1E1", None)])
def test_cell_ids(text, expected):
    assert parse_cell_id(text) == expected


@pytest.mark.parametrize("name, conventions", [
    ("grid_2019.csv", {"encoding": "UTF-8", "separator": "comma"}),
    ("grid_2017_caps.csv", {"encoding": "UTF-8", "separator": "comma"}),
    ("grid_2015_fr.csv", {"encoding": "Windows-1252", "separator": "semicolon",
                          "decimal": ","})])
def test_every_vintage_reads_the_same_cells(name, conventions):
    report = ImportReport(name)
    cells = filosofi.read_grid(DATA / name, report)
    assert cells["idcar_200m"].tolist() == IDS
    assert cells["ind"].tolist() == IND  # fractional values kept
    assert cells["men"].tolist() == [60.5, 6.0, 0.5]
    assert cells["ind_snv"].tolist() == [2400000.5, 200000.0, 9000.0]
    assert cells["ind_18_24"].tolist() == [15.5, 2.0, 0.0]
    assert cells["i_est_200"].tolist() == [0, 1, 0]
    assert (cells["x"].tolist(), cells["y"].tolist()) == ([3580000.0, 3580200.0, 3580000.0],
                                                          [2654000.0, 2654000.0, 2654200.0])
    assert report.conventions[name] == conventions
    assert report.rejected == [] and (report.rows_read, report.rows_accepted) == (3, 3)


def test_the_2021_grid_leaves_households_empty_with_a_warning():
    report = ImportReport("grid_2021.csv")
    cells = filosofi.read_grid(DATA / "grid_2021.csv", report)
    assert cells["ind"].tolist() == IND
    assert np.isnan(cells["men"]).all() and np.isnan(cells["ind_snv"]).all()
    assert [str(w) for w in report.warnings] == [
        "grid_2021.csv, men, men_pauv, ind_snv='': columns absent from this file: left empty, "
        "not 0"]


def test_dbase_headers_and_bad_rows_rejected_naming_row_field_and_value():
    report = ImportReport("grid_dbase_bad.csv")
    cells = filosofi.read_grid(DATA / "grid_dbase_bad.csv", report)
    assert cells["idcar_200m"].tolist() == [IDS[0]] and cells["ind"].tolist() == [120.5]
    assert [str(r) for r in report.rejected] == [
        "grid_dbase_bad.csv, row 3, IDCAR_200M='not-a-cell': a cell id such as "
        "CRS3035RES200mN2694200E3640400",
        "grid_dbase_bad.csv, row 4, IND='-4': a number of people or households >= 0 (empty "
        "when unknown)",
        "grid_dbase_bad.csv, row 5, IND='beaucoup': a number of people or households >= 0 "
        "(empty when unknown)",
        "grid_dbase_bad.csv, row 6, IDCAR_200M='CRS3035RES200mN2654000E3580000': a cell id "
        "read once (already at row 2)"]
    assert report.conventions["grid_dbase_bad.csv"]["header"].startswith("dBase-style")


def test_a_file_without_cell_ids_is_refused_naming_its_columns(tmp_path):
    path = tmp_path / "communes.csv"
    path.write_text("code,ind\n86194,88000\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"communes.csv: required column\(s\) not found: "
                                          r"idcar_200m; columns read: code, ind"):
        filosofi.read_grid(path, ImportReport("communes.csv"))


def test_cells_are_squares_reprojected_to_the_socle_crs():
    """A 200 m square of EPSG:3035 (equal-area) stays 40 000 m² within the scale error of
    Lambert-93 (< 0.3 % in metropolitan France), its centre at the reprojected centre."""
    from osgeo import osr

    rings, cx, cy = cell_rings([3580000.0], [2654000.0], [200.0], 3035, 2154)
    ring = rings[0]
    assert np.allclose(ring[0], ring[-1])
    x, y = ring[:, 0], ring[:, 1]
    area = 0.5 * abs(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))
    assert area == pytest.approx(40000.0, rel=3e-3)
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(3035)
    dst.ImportFromEPSG(2154)
    for srs in (src, dst):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ex, ey, _ = osr.CoordinateTransformation(src, dst).TransformPoint(3580100.0, 2654100.0)
    assert (cx[0], cy[0]) == pytest.approx((ex, ey), abs=1e-6)
    assert 480000 < ex < 520000 and 6590000 < ey < 6640000  # around Poitiers


def socle(tmp_path):
    path = tmp_path / "grid.gpkg"
    observatory.create_observatory(path, "Grid", 2154)
    return observatory.open_observatory(path)


def stored(conn):
    return [tuple(r) for r in conn.execute(
        "SELECT idcar_200m, ind, men, i_est_200 FROM population_grid ORDER BY idcar_200m")]


def test_import_is_idempotent_across_vintages_and_files(tmp_path):
    conn = socle(tmp_path)
    first = import_population_grid(conn, DATA / "grid_2019.csv")
    assert (first.added, first.unchanged) == ({"population_grid": 3}, {"population_grid": 0})
    assert stored(conn) == [(IDS[0], 120.5, 60.5, 0), (IDS[1], 12.0, 6.0, 1),
                            (IDS[2], 0.5, 0.5, 0)]
    for name in ("grid_2019.csv", "grid_2017_caps.csv", "grid_2015_fr.csv"):
        again = import_population_grid(conn, DATA / name)
        assert (again.total_added, again.total_updated, again.total_unchanged) == (0, 0, 3)
    newer = import_population_grid(conn, DATA / "grid_2021.csv")
    assert (newer.total_added, newer.total_updated, newer.total_unchanged) == (0, 3, 0)
    assert stored(conn) == [(IDS[0], 120.5, None, 0), (IDS[1], 12.0, None, 1),
                            (IDS[2], 0.5, None, 0)]
    conn.close()


def test_clipping_keeps_the_cells_whose_centre_is_kept(tmp_path):
    conn = socle(tmp_path)
    rings, cx, cy = cell_rings([3580000.0, 3580200.0, 3580000.0],
                               [2654000.0, 2654000.0, 2654200.0], [200.0] * 3, 3035, 2154)
    limit = (cx[0] + cx[1]) / 2  # between the centres of the first two cells
    result = import_population_grid(conn, DATA / "grid_2019.csv",
                                    keep=lambda x, y: x < limit)
    assert result.added == {"population_grid": 2}
    assert result.filtered == {"cell centre outside the territory": 1}
    assert [r[0] for r in stored(conn)] == [IDS[0], IDS[2]]
    conn.close()


def test_rejected_rows_are_recorded_and_nothing_else_changes(tmp_path):
    conn = socle(tmp_path)
    result = import_population_grid(conn, DATA / "grid_dbase_bad.csv")
    assert (result.total_added, result.rows_rejected, result.rows_read) == (1, 4, 5)
    assert gpkg.table_exists(conn, "import_rejections")
    rows = conn.execute("SELECT row, field FROM import_rejections WHERE level = 'rejected' "
                        "ORDER BY row").fetchall()
    assert [tuple(r) for r in rows] == [(3, "IDCAR_200M"), (4, "IND"), (5, "IND"),
                                        (6, "IDCAR_200M")]
    conn.close()


def test_a_large_file_without_a_territory_says_every_cell_is_kept(tmp_path, monkeypatch):
    from observatoire_commerce.ingest.importers import population_grid as importer

    conn = socle(tmp_path)
    monkeypatch.setattr(importer, "UNCLIPPED_WARNING_CELLS", 2)  # the fixture has 3 cells
    result = import_population_grid(conn, DATA / "grid_2019.csv")
    assert result.added == {"population_grid": 3}
    assert [(w.field, w.value) for w in result.report.warnings] == [("idcar_200m", "3")]
    assert "every cell of the file is kept" in result.report.warnings[0].reason
    clipped = import_population_grid(conn, DATA / "grid_2019.csv", keep=lambda x, y: x > 0)
    assert clipped.report.warnings == []
    conn.close()
