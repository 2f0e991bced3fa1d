"""Schema v5: the inventory edit forms as default styles in the GeoPackage's ``layer_styles``.

The QML files under ``resources/styles/<table>.qml`` are generated with the QGIS API from the
declarative definition in ``survey_forms/inventory_form.py`` (``scripts/make_forms.py``); this
module needs no QGIS. On install, each value map of a column bound to a GeoPackage field domain
(``gpkg_data_columns``) is rewritten from the file's own domain, so codes a user added to a
nomenclature table appear in the forms: :func:`store.nomenclatures.refresh_domains` calls
:func:`install_forms` again.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..i18n import tr
from . import gpkg, styles

STYLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"
STYLE_NAME = "observatoire"
NULL_VALUE_MAP_CODE = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
VALUE_MAP = "ValueMap"
# The tables given a form (their QML is resources/styles/<table>.qml).
FORM_TABLES = ("premises", "premise_observations", "centralities", "campaigns")


def domains(conn) -> dict:
    """domain name -> [(code, label)] from ``gpkg_data_column_constraints`` (enum domains)."""
    result: dict = {}
    if not gpkg.table_exists(conn, "gpkg_data_column_constraints"):
        return result
    rows = conn.execute("SELECT constraint_name, value, description FROM "
                        "gpkg_data_column_constraints WHERE constraint_type = 'enum' "
                        "ORDER BY rowid")
    for name, value, description in rows:
        result.setdefault(name, []).append((value, description or value))
    return result


def _option(parent, kind: str, name: str | None = None, value: str | None = None):
    element = ET.SubElement(parent, "Option", {"type": kind})
    if name is not None:
        element.set("name", name)
    if value is not None:
        element.set("value", value)
    return element


def bindings(conn, table: str) -> dict:
    """column -> domain name for the columns of ``table`` bound to a field domain."""
    if not gpkg.table_exists(conn, "gpkg_data_columns"):
        return {}
    return {r[0]: r[1] for r in conn.execute(
        "SELECT column_name, constraint_name FROM gpkg_data_columns WHERE table_name = ? AND "
        "constraint_name IS NOT NULL", (table,))}


def refresh_value_maps(qml: str, bound: dict, file_domains: dict) -> str:
    """``qml`` with the value map of every domain-bound column rewritten from its domain.

    ``bound`` maps a column to its domain name; a value map that offered "no value" keeps it.
    """
    root = ET.fromstring(qml)
    changed = False
    for field in root.iter("field"):
        domain = bound.get(field.get("name"))
        widget = field.find("editWidget")
        if domain not in file_domains or widget is None or widget.get("type") != VALUE_MAP:
            continue
        config = widget.find("config")
        if config is None:
            config = ET.SubElement(widget, "config")
        allow_null = any(o.get("value") == NULL_VALUE_MAP_CODE for o in config.iter("Option"))
        config.clear()
        entries = _option(_option(config, "Map"), "List", "map")
        pairs = [("<NULL>", NULL_VALUE_MAP_CODE)] if allow_null else []
        pairs += [(label or code, code) for code, label in file_domains[domain]]
        for label, code in pairs:
            _option(_option(entries, "Map"), "QString", label, code)
        changed = True
    if not changed:
        return qml
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(
        root, encoding="unicode")


def install_forms(conn, tables=None) -> list:
    """Store the inventory forms as default styles of their tables (inside a transaction).

    Tables absent from the file are skipped. Returns the tables styled.
    """
    file_domains = domains(conn)
    done = []
    for table in tables or FORM_TABLES:
        if not gpkg.table_exists(conn, table):
            continue
        path = STYLES_DIR / f"{table}.qml"
        if not path.is_file():
            raise gpkg.GeoPackageError(tr(
                "the form style {path} is missing from the plugin").format(path=path))
        qml = refresh_value_maps(path.read_text(encoding="utf-8"), bindings(conn, table),
                                 file_domains)
        styles.save_default_style(conn, table, qml, name=STYLE_NAME,
                                  description="Observatoire du commerce: formulaire d'inventaire")
        done.append(table)
    return done


def migrate_v5(conn, srs_id: int) -> None:
    """Schema v5: default styles with edit forms for the editable tables."""
    del srs_id
    install_forms(conn)
