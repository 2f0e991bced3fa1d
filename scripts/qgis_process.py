"""Run our algorithms through QGIS's own CLI, with the plugin enabled in a throw-away profile.

    python scripts/qgis_process.py run observatoire:vacancy_rates -- GEOPACKAGE=demo/x.gpkg ...

Debian 12's ``qgis_process`` wrapper passes ``--noversioncheck``, which the 3.22 binary rejects:
``qgis_process.bin`` is called directly when it exists.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "observatoire_commerce"


def executable() -> str:
    for name in ("qgis_process.bin", "qgis_process"):
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists()
                                       else None)
        if found:
            return found
    sys.exit("qgis_process was not found: run `make setup` (installs QGIS from Debian's packages)")


def profile() -> Path:
    """A fresh QGIS config folder whose default profile has our plugin linked and enabled."""
    base = Path(tempfile.mkdtemp(prefix="observatoire-qgis-"))
    prof = base / "profiles" / "default"
    (prof / "python" / "plugins").mkdir(parents=True)
    (prof / "python" / "plugins" / PLUGIN).symlink_to(ROOT, target_is_directory=True)
    (prof / "QGIS").mkdir()
    (prof / "QGIS" / "QGIS3.ini").write_text(
        f"[PythonPlugins]\n{PLUGIN}=true\n\n[locale]\noverrideFlag=true\nuserLocale=en_GB\n",
        encoding="utf-8")
    return base


def environment(config: Path) -> dict:
    env = dict(os.environ)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(config)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("XDG_RUNTIME_DIR", str(config))
    return env


def run(algorithm: str, params: dict, config: Path) -> dict:
    """Run one algorithm; returns its results (qgis_process --json)."""
    args = [executable(), "--json", "run", algorithm, "--"]
    args += [f"{k}={v}" for k, v in params.items()]
    proc = subprocess.run(args, capture_output=True, text=True, env=environment(config))
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"{algorithm} failed (exit code {proc.returncode})")
    start = proc.stdout.find("{")
    return json.loads(proc.stdout[start:])


def step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    """:func:`run`, announced with its title and timed on the console (the demo's steps)."""
    started = time.monotonic()
    print(f"→ {title} ({algorithm})", flush=True)
    results = run(algorithm, params, config)
    print(f"  done in {time.monotonic() - started:.1f} s", flush=True)
    return results


def main(argv: list) -> int:
    config = profile()
    try:
        proc = subprocess.run([executable(), *argv], env=environment(config))
        return proc.returncode
    finally:
        shutil.rmtree(config, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

