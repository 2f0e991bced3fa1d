"""Fixtures shared by every test: paths to fixtures and to the real public data."""

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
VALIDATE_GPKG = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real public data); the test is skipped when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent")
    return SHARED_DATA


@pytest.fixture
def fixture_path():
    """Copy of a file from tests/data into the test's tmp dir (tests never write tests/data)."""
    def _copy(name: str, tmp: Path) -> Path:
        target = tmp / Path(name).name
        shutil.copy(TESTS / "data" / name, target)
        return target
    return _copy


def validate_gpkg(path) -> None:
    """Run GDAL's validate_gpkg.py (with the system Python, as its MANIFEST says) on a file."""
    import subprocess

    if not VALIDATE_GPKG.is_file():
        pytest.skip("GDAL's validate_gpkg.py is not installed (Debian package python3-gdal)")
    result = subprocess.run(["/usr/bin/python3", str(VALIDATE_GPKG), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, (
        f"validate_gpkg.py failed on {path}:\n{result.stdout}{result.stderr}")


@pytest.fixture(params=["scipy", "numba", "hierarchy"])
def routing_engine(request, monkeypatch):
    """Run the test once with each shortest-path engine (the default of every ``Router``):
    scipy, the compiled bucket search, and PHAST on a contraction hierarchy built in memory
    (used for every search); the compiled runs are skipped, with the reason, when numba is not
    installed."""
    from observatoire_commerce.analysis import catchment, fast_search, network

    if request.param != "scipy" and not fast_search.AVAILABLE:
        pytest.skip("numba is not installed: the compiled engines are not tested")
    monkeypatch.setattr(network, "DEFAULT_ENGINE", request.param)
    if request.param == "hierarchy":
        monkeypatch.setattr(catchment, "PHAST_REACH", -1.0)
    return request.param
