"""Generate the QGIS / QField forms of the questionnaire tables as QML under resources/styles/,
and the frozen table layout the store builds (resources/schema/questionnaire_layout.json).

    python scripts/make_questionnaire_form.py [--check]

One QML per table (survey_responses, survey_centrality_visits, survey_answers_multi), built with
the QGIS API from the declarative questionnaire (survey_forms/questionnaire_form.py). The schema
migration v4 copies them into each GeoPackage's layer_styles, so QGIS and QField open the tables
with their forms. ``--check`` exits 1 when a committed file differs from what would be written.
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "observatoire_commerce"


def _import_package():
    """Register the repository root as the plugin package (never put the root on sys.path)."""
    if PACKAGE not in sys.modules:
        module = types.ModuleType(PACKAGE)
        module.__path__ = [str(ROOT)]
        sys.modules[PACKAGE] = module
    from observatoire_commerce.survey_forms import questionnaire_form

    return questionnaire_form


def layout_json() -> str:
    """The frozen table layout the store builds (resources/schema/questionnaire_layout.json)."""
    import json

    from observatoire_commerce.survey_forms.questionnaire_schema import frozen_layout

    return json.dumps(frozen_layout().to_json(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_HASH_SEED"] = "0"   # stable XML attribute order, so the files diff cleanly
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    form = _import_package()
    check = "--check" in argv
    stale = []
    for table in form.FORM_TABLES:
        target = ROOT / "resources" / "styles" / f"{table}.qml"
        qml = form.style_qml(table)
        if check:
            if not target.is_file() or target.read_text(encoding="utf-8") != qml:
                stale.append(target.name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(qml, encoding="utf-8")
        print(target.relative_to(ROOT))
    layout = ROOT / "resources" / "schema" / "questionnaire_layout.json"
    text = layout_json()
    if check:
        if not layout.is_file() or layout.read_text(encoding="utf-8") != text:
            stale.append(layout.name)
    else:
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(text, encoding="utf-8")
        print(layout.relative_to(ROOT))
    app.exitQgis()
    if stale:
        print("out of date: " + ", ".join(stale) + " (run scripts/make_questionnaire_form.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
