"""`make demo`, restitution steps (issue 11): the atlas and the partners' dashboard.

Run last, when every algorithm (survey analyses included) has stored its indicators, through
QGIS's own CLI in a profile of its own: writes demo/atlas.pdf (French, the walking catchments
of demo/catchment/walk_catchments.gpkg on the maps, the open campaign left out) and
demo/tableau_de_bord.xlsx, then says what they hold.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import qgis_process


def _step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    return qgis_process.step(title, algorithm, params, config)["results"]


def steps(gpkg: Path, out: Path, config: Path) -> dict:
    """Print the atlas and export the dashboard; returns their results."""
    atlas, dashboard = out / "atlas.pdf", out / "tableau_de_bord.xlsx"
    for path in (atlas, dashboard):
        path.unlink(missing_ok=True)
    params = {"GEOPACKAGE": gpkg, "LANGUAGE": 0, "INCLUDE_OPEN": "false", "OUTPUT": atlas}
    catchments = out / "catchment" / "walk_catchments.gpkg"
    if catchments.is_file():
        params["CATCHMENTS"] = catchments
    return {
        "atlas": _step("Atlas (French)", "observatoire:print_atlas", params, config),
        "dashboard": _step("Partners' dashboard", "observatoire:export_dashboard_xlsx",
                           {"GEOPACKAGE": gpkg, "LANGUAGE": 0, "OUTPUT": dashboard}, config),
    }


def print_summary(result: dict) -> None:
    atlas, dashboard = result["atlas"], result["dashboard"]
    n = int(atlas["CENTRALITIES_PRINTED"])
    print(f"\nAtlas: {atlas['OUTPUT']} ({int(atlas['PAGES'])} pages: cover, territory summary, "
          f"2 pages for each of the {n} centralities, methods; in French, the open campaign "
          "left out)")
    try:
        from openpyxl import load_workbook

        sheets = ", ".join(load_workbook(dashboard["OUTPUT"], read_only=True).sheetnames)
    except Exception as exc:  # noqa: BLE001 - only a summary line
        sheets = f"(not read back: {exc})"
    print(f"Dashboard: {dashboard['OUTPUT']} ({int(dashboard['SHEETS'])} sheets: {sheets})")


def run(gpkg: Path, out: Path) -> None:
    """The restitution steps and their summary (own qgis_process profile)."""
    config = qgis_process.profile()
    try:
        results = steps(gpkg, out, config)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    print_summary(results)
