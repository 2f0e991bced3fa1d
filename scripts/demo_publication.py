"""`make demo`, publication steps (issue 12): the open-data package in demo/open_data/ and the
citizens' web map in demo/web/, through QGIS's own CLI; the package is checked with
Frictionless when it is installed (requirements/dev.txt), as the XLSForm is with pyxform.

Called by scripts/demo.py once the other steps, the survey analyses (scripts/demo_survey.py:
the survey indicators published here) and the activity steps included, have filled the demo
GeoPackage: ``demo_publication.main(gpkg)`` runs them in a qgis_process profile of its own
(``run(gpkg, config, step)`` in a given one).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import qgis_process

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo"
PRODUCER = "Grand Poitiers (démonstration)"
OPERATOR_SIRET = "12345678900017"  # fictive: the car parks' operator of the demo territory


def _validate(datapackage: Path) -> str:
    try:
        import frictionless
    except ImportError:
        return "not checked (frictionless is not installed)"
    report = frictionless.validate(str(datapackage))
    if report.valid:
        return f"frictionless validate: valid ({len(report.tasks)} resources)"
    errors = [f"{t.name}: {e.note}" for t in report.tasks for e in t.errors][:5]
    return "frictionless validate: INVALID\n    " + "\n    ".join(errors)


def run(gpkg: Path, config: Path, step) -> dict:
    """Both exports; prints their summary and returns the algorithms' results."""
    open_data, web = OUT / "open_data", OUT / "web"
    for folder in (open_data, web):
        shutil.rmtree(folder, ignore_errors=True)
    exported = step("Open data (Frictionless package)", "observatoire:export_open_data",
                    {"GEOPACKAGE": gpkg, "PRODUCER": PRODUCER, "OPERATOR_SIRET": OPERATOR_SIRET,
                     "OUTPUT_FOLDER": open_data}, config)["results"]
    site = step("Citizens' web map", "observatoire:export_web_map",
                {"GEOPACKAGE": gpkg, "PRODUCER": PRODUCER, "OUTPUT_FOLDER": web},
                config)["results"]
    package = json.loads((open_data / "datapackage.json").read_text(encoding="utf-8"))
    print(f"\nOpen data: {open_data} ({_validate(open_data / 'datapackage.json')})")
    for resource in package["resources"]:
        licence = resource["licenses"][0]["name"]
        period = resource.get("period", {})
        span = f"{period.get('start', '')} – {period.get('end', '')}".strip(" –") \
            or period.get("label", "")
        print(f"  {resource['path']:<32s} {resource['title']} [{licence}] {span}")
    print(f"  premises {int(exported['PREMISES'])}, signs withheld (SIRENE not public) "
          f"{int(exported['NAMES_WITHHELD'])}, survey figures {int(exported['SURVEY_FIGURES'])}"
          f" published / {int(exported['SURVEY_WITHHELD'])} withheld (fewer than 11 "
          f"respondents), daily counts {int(exported['DAILY_COUNTS'])}, flow rows left out "
          f"{int(exported['ROWS_LEFT_OUT'])}, flows left out for their source's licence "
          f"{int(exported['FLOWS_LEFT_OUT'])}")
    print(f"Web map: {site['INDEX']} ({int(site['SHOPS'])} shops, {int(site['SERVICES'])} "
          f"services, {int(site['PRODUCERS'])} producers, {int(site['MARKETS'])} markets); "
          f"serve it with `python3 -m http.server -d {web}` or open index.html")
    return {"open_data": exported, "web": site}


def _step(title: str, algorithm: str, params: dict, config: Path) -> dict:
    return qgis_process.step(title, algorithm, params, config)


def main(gpkg: Path) -> dict:
    """Both exports in a qgis_process profile of their own; returns their results."""
    config = qgis_process.profile()
    try:
        return run(gpkg, config, _step)
    finally:
        shutil.rmtree(config, ignore_errors=True)
