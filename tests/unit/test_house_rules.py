"""House rules from DESIGN.md turned into tests, plus packaging and translations."""

import ast
import configparser
import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["plugin", "processing", "reporting", "fieldwork", "jobs", "ingest", "survey_forms",
               "sample_territory", "store", "analysis"]


def imports_of(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def py_files(folder: str) -> list:
    return [p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts]


def load_layering():
    spec = importlib.util.spec_from_file_location("layering", ROOT / "tests" / "layering.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_source_folder_has_a_layer_rule():
    layering = load_layering()
    folders = {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file()}
    assert folders == set(layering.LAYERS), folders ^ set(layering.LAYERS)


def test_layer_rules_catch_a_forbidden_import_and_sql():
    """The fixture module imports survey_forms and jobs and runs SQL: as a module of store/ it
    breaks two import rules (relative and absolute spellings); as one of jobs/ it breaks the
    import of survey_forms and the no-SQL rule."""
    layering = load_layering()
    fixture = ROOT / "tests" / "data" / "house_rules" / "forbidden_imports.py"
    as_store = layering.layer_violations(fixture, "store")
    assert as_store == ["forbidden_imports.py:4: store/ imports survey_forms",
                        "forbidden_imports.py:6: store/ imports jobs"]
    as_jobs = layering.layer_violations(fixture, "jobs")
    assert as_jobs == ["forbidden_imports.py:4: jobs/ imports survey_forms"]
    assert layering.sql_violations(fixture) == [
        "forbidden_imports.py:10: calls .execute()",
        "forbidden_imports.py:10: SQL 'DELETE FROM premises'"]
    as_analysis = layering.layer_violations(fixture, "analysis")
    assert "forbidden_imports.py:3: analysis/ imports i18n" in as_analysis


def test_layers_import_only_what_they_may():
    layering = load_layering()
    problems = [v for v in layering.all_violations() if " imports " in v]
    assert problems == []


def test_no_sql_outside_store():
    layering = load_layering()
    problems = [v for v in layering.all_violations() if " imports " not in v]
    assert problems == []


def test_analysis_imports_no_qgis_nor_gdal():
    for path in py_files("analysis"):
        bad = {m for m in imports_of(path) if m.split(".")[0] in ("qgis", "osgeo", "PyQt5")}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_jobs_fieldwork_and_the_demo_import_no_qgis():
    """jobs/ (DESIGN §2: "no QGIS"), fieldwork/ and sample_territory/ run on the socle alone,
    as the benchmarks and sync trials run them without QGIS."""
    for folder in ("jobs", "fieldwork", "sample_territory"):
        for path in py_files(folder):
            bad = {m for m in imports_of(path) if m.split(".")[0] in ("qgis", "PyQt5")}
            assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_only_plugin_touches_gui_and_iface():
    for folder in SOURCE_DIRS:
        if folder == "plugin":
            continue
        for path in py_files(folder):
            mods = imports_of(path)
            text = path.read_text(encoding="utf-8")
            assert not any(m.startswith("qgis.gui") for m in mods), path
            assert "qgis.utils import iface" not in text and "QtWidgets" not in text, path


def test_qt_comes_from_qgis_pyqt():
    for folder in SOURCE_DIRS:
        for path in py_files(folder):
            assert not any(m.split(".")[0] in ("PyQt5", "PyQt6", "PySide2")
                           for m in imports_of(path)), path


def test_no_global_project_in_algorithms():
    for path in py_files("processing"):
        assert "QgsProject.instance()" not in path.read_text(encoding="utf-8"), path


def test_repository_root_not_on_sys_path():
    assert all(Path(p or ".").resolve() != ROOT for p in sys.path)


def test_metadata_complete():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                "email", "tracker", "repository", "tags", "category", "icon"):
        assert general.get(key), key
    assert general["name"] == "Observatoire du commerce"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text()


def test_every_user_facing_string_has_a_french_translation():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    strings = script.source_strings()
    translations = script.read_ts()
    assert len(strings) > 50
    missing = [s for s in strings if not translations.get(s)]
    assert missing == [], f"untranslated: {missing[:5]}"
    for source in strings:  # placeholders survive translation
        assert set(re.findall(r"\{\w+\}", source)) == set(
            re.findall(r"\{\w+\}", translations[source])), source


def test_package_zip(tmp_path):
    if not list((ROOT / "resources" / "i18n").glob("*.qm")):
        pytest.skip("translations not compiled: run through `make test`")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    archive = zipfile.ZipFile(result.stdout.strip())
    names = archive.namelist()
    assert {n.split("/")[0] for n in names} == {"observatoire_commerce"}
    for required in ("__init__.py", "metadata.txt", "LICENSE",
                     "resources/i18n/observatoire_commerce_fr.qm",
                     "processing/provider.py", "resources/reporting/indicator_definitions.csv",
                     "resources/reporting/sources.csv"):
        assert f"observatoire_commerce/{required}" in names, required
    forbidden = re.compile(r"(/tests/|/benchmarks/|/scripts/|__pycache__|\.pyc$|/\.git|"
                           r"/\.venv/|/build/|/dist/|conftest\.py$|Makefile$|/\.ci/)")
    assert [n for n in names if forbidden.search(n)] == []
    assert archive.testzip() is None
