"""`make package`: the zip the QGIS plugin repository accepts.

One top folder named after the plugin holding the plugin's code, metadata.txt, LICENSE, the
resources and the compiled translations (.qm); no tests, benchmarks, scripts, caches, .git or
build files.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "observatoire_commerce"
TOP_FILES = ["__init__.py", "__about__.py", "i18n.py", "dependencies.py", "metadata.txt",
             "LICENSE", "README.md"]
TOP_DIRS = ["plugin", "processing", "reporting", "fieldwork", "jobs", "ingest", "survey_forms",
            "sample_territory", "store", "analysis",
            "resources"]
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".gpkg-journal"}


def version() -> str:
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise SystemExit("metadata.txt has no version")


def files() -> list:
    result = [ROOT / f for f in TOP_FILES]
    for folder in TOP_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts \
                    and path.suffix not in EXCLUDED_SUFFIXES:
                result.append(path)
    missing = [p for p in result if not p.is_file()]
    if missing:
        raise SystemExit(f"missing: {', '.join(str(p) for p in missing)}")
    if not list((ROOT / "resources" / "i18n").glob("*.qm")):
        raise SystemExit("no compiled translation (.qm): run `make i18n` first")
    return result


def build(dist: Path | None = None) -> Path:
    dist = dist or ROOT / "dist"
    dist.mkdir(exist_ok=True)
    out = dist / f"{PLUGIN}-{version()}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files():
            archive.write(path, f"{PLUGIN}/{path.relative_to(ROOT).as_posix()}")
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
