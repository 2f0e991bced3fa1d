"""`make demo`: the main job on the built-in demo territory, through QGIS's own CLI.

Writes demo/observatoire.gpkg, demo/vacancy.csv, demo/vacancy_centralities.gpkg and
demo/atlas.pdf, then prints the vacancy table (centrality × campaign).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_process  # noqa: E402  (scripts/qgis_process.py)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo"


def step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    started = time.monotonic()
    print(f"→ {title} ({algorithm})", flush=True)
    results = qgis_process.run(algorithm, params, config)
    print(f"  done in {time.monotonic() - started:.1f} s", flush=True)
    return results


def main() -> int:
    OUT.mkdir(exist_ok=True)
    gpkg = OUT / "observatoire.gpkg"
    for name in ("observatoire.gpkg", "vacancy.csv", "vacancy_centralities.gpkg", "atlas.pdf"):
        (OUT / name).unlink(missing_ok=True)
    config = qgis_process.profile()
    try:
        step("Demo territory", "observatoire:generate_demo_territory", {"OUTPUT": gpkg}, config)
        step("Vacancy rates", "observatoire:vacancy_rates",
             {"GEOPACKAGE": gpkg, "OUTPUT_TABLE": OUT / "vacancy.csv",
              "OUTPUT_CENTRALITIES": OUT / "vacancy_centralities.gpkg"}, config)
        atlas = step("Atlas", "observatoire:print_atlas",
                     {"GEOPACKAGE": gpkg, "OUTPUT": OUT / "atlas.pdf"}, config)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    table = pd.read_csv(OUT / "vacancy.csv")
    table["centrality"] = table["centrality"].fillna("(outside every centrality)")
    rates = table.pivot_table(index="centrality", columns="campaign", values="vacancy_rate",
                              sort=False)
    counts = table.pivot_table(index="centrality", columns="campaign", values="premises",
                               sort=False)
    pd.set_option("display.width", 160)
    print("\nVacancy rate (%) per centrality and campaign")
    print(rates.round(1).to_string())
    print("\nPremises counted")
    print(counts.astype(int).to_string())
    print(f"\nGeoPackage: {gpkg}\nAtlas: {atlas['results']['OUTPUT']} "
          f"({int(atlas['results']['PAGES'])} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
