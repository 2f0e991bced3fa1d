"""Regenerate the inventory forms' QML (resources/styles/<table>.qml) with the QGIS API.

    .venv/bin/python scripts/make_forms.py

The forms are declared in survey_forms/inventory_form.py; survey_forms/qgis_form.py turns each
into a QGIS edit form on a layer of a fresh observatory GeoPackage and exports its style. The QML
is committed: schema migration 5 (store/inventory_styles.py) writes it into every GeoPackage's
layer_styles without needing QGIS. Value maps are refreshed from each file's domains there.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "observatoire_commerce"


def load_package():
    """Import the repository as the plugin package without putting its root on sys.path."""
    if PACKAGE not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[PACKAGE] = module
        spec.loader.exec_module(module)
    return sys.modules[PACKAGE]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_HASH_SEED"] = "0"  # stable XML attribute order: reviewable diffs
    sys.path[:] = [p for p in sys.path if Path(p or os.getcwd()).resolve() != ROOT]
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    load_package()
    from observatoire_commerce.store import inventory_styles, migrations, observatory
    from observatoire_commerce.survey_forms import qgis_form

    # The styles being generated cannot be installed yet: skip their own migration.
    migrations.MIGRATIONS[5] = lambda conn, srs_id: None
    with tempfile.TemporaryDirectory(prefix="observatoire-forms-") as tmp:
        path = Path(tmp) / "forms.gpkg"
        observatory.create_observatory(path, "forms", 2154)
        conn = observatory.open_observatory(path)
        try:
            domains = inventory_styles.domains(conn)
        finally:
            conn.close()
        written = qgis_form.generate_styles(path, domains, inventory_styles.STYLES_DIR)
    for table, target in written.items():
        print(f"{table}: {target.relative_to(ROOT)}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
