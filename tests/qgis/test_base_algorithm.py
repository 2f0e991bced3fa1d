"""Parameter checks shared by every algorithm (processing/algorithms/base.py)."""

import pytest
from qgis.core import QgsProcessingException


def test_missing_geopackage_is_refused_before_running(run_alg, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run_alg("print_atlas", {"GEOPACKAGE": str(missing), "OUTPUT": str(tmp_path / "a.pdf")})
    assert not (tmp_path / "a.pdf").exists()


def test_a_file_that_is_not_an_observatory_is_refused(run_alg, tmp_path):
    bogus = tmp_path / "bogus.gpkg"
    bogus.write_bytes(b"not a database at all" * 100)
    with pytest.raises(QgsProcessingException, match="not an observatory GeoPackage"):
        run_alg("vacancy_rates", {"GEOPACKAGE": str(bogus), "OUTPUT_TABLE": "memory:",
                                  "OUTPUT_CENTRALITIES": "memory:"})
