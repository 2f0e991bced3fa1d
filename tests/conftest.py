"""Fixtures shared by every test: paths to fixtures and to the real public data."""

import os
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED_DATA_VARIABLE = "OBSERVATOIRE_SHARED_DATA"


def find_shared_data() -> Path:
    """The real public data folder: ``$OBSERVATOIRE_SHARED_DATA``, else ``shared/data`` beside
    the repository or one of its parent folders (a clone or a git worktree placed deeper),
    else beside the main checkout of a git worktree. Returns the first candidate when none
    exists (the skip message names it)."""
    candidates = []
    if os.environ.get(SHARED_DATA_VARIABLE):
        candidates.append(Path(os.environ[SHARED_DATA_VARIABLE]).expanduser())
    candidates += [parent / "shared" / "data" for parent in ROOT.parents]
    git_file = ROOT / ".git"
    if git_file.is_file():  # a worktree: .git holds "gitdir: <main>/.git/worktrees/<name>"
        text = git_file.read_text(encoding="utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            main = Path(text.split(":", 1)[1].strip()).resolve().parents[2]
            candidates += [parent / "shared" / "data" for parent in main.parents]
    return next((c for c in candidates if c.is_dir()), candidates[0])


SHARED_DATA = find_shared_data()
VALIDATE_GPKG = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real public data, see :func:`find_shared_data`); the test is skipped,
    naming the folder looked for, when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent (set {SHARED_DATA_VARIABLE} to "
                    f"the folder holding the MANIFEST of the shared data)")
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


def validate_gpkg_in_process(path) -> None:
    """The same validator as :func:`validate_gpkg` (``check()`` of GDAL's validate_gpkg.py,
    the module file the script is) called in this process: about 25 ms a file instead of
    about 130 ms for a new Python, for loops that validate hundreds of files. Every error is
    reported (the script stops at the first); warnings do not fail, as with the script."""
    import contextlib
    import io

    try:
        from osgeo_utils.samples import validate_gpkg as validator
    except ImportError:
        pytest.skip("GDAL's validate_gpkg.py is not installed (Debian package python3-gdal)")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        errors = validator.check(str(path), abort_at_first_error=False)
    assert not errors, f"validate_gpkg.py failed on {path}: {errors}\n{printed.getvalue()}"


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


# ------------------------------------------------------------- indicator codes written

WRITTEN_CODES: dict = {}
"""Indicator code → (algorithm, test) of every code the plugin's own code wrote to an
``indicators`` table during this run (filled by :func:`_record_indicator_codes`; checked by
``tests/test_zz_indicator_definitions.py``, which runs last)."""


def _plugin_caller() -> bool:
    """True when the code that called ``store.indicators.write`` is the plugin's (a job, an
    algorithm, the demo), not a test inserting rows of its own."""
    import sys

    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(
            "observatoire_commerce.store."):
        frame = frame.f_back
    if frame is None:
        return False
    name = frame.f_globals.get("__name__", "")
    return name.startswith("observatoire_commerce.") and ".tests." not in name


@pytest.fixture(scope="session", autouse=True)
def _record_indicator_codes():
    """Record the code of every indicator row the plugin writes during the test run."""
    from observatoire_commerce.store import indicators

    original = indicators.write

    def write(conn, rows, *, algorithm, parameters=None):
        rows = list(rows)
        if _plugin_caller():
            test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0]
            for row in rows:
                WRITTEN_CODES.setdefault(row["indicator"], (algorithm, test))
        return original(conn, rows, algorithm=algorithm, parameters=parameters)

    indicators.write = write
    yield
    indicators.write = original


def pytest_collection_modifyitems(session, config, items):
    """The check of the indicator codes written runs after every other test."""
    last = [i for i in items if i.nodeid.endswith("test_every_indicator_code_written_has_a_"
                                                  "definition")]
    items[:] = [i for i in items if i not in last] + last
