"""Default QGIS styles (and edit forms) stored in the GeoPackage's ``layer_styles`` table.

QGIS and QField read ``layer_styles`` when they open a layer of the file and apply the style
flagged ``useAsDefault``: that is how every user gets the observatory's forms. The table is
QGIS's own (its ``id`` key, not our fid/uuid convention); we write it with plain SQL so the
store needs no QGIS at run time: the QML comes from generators in ``survey_forms/``.
"""

from __future__ import annotations

from . import gpkg

TABLE = "layer_styles"
QGIS_MANAGED_TABLES = ("layer_styles", "qgis_projects")

_DDL = (
    "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256), "
    "f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT, "
    "useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
    "update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))")


def ensure_table(conn) -> None:
    if gpkg.table_exists(conn, TABLE):
        return
    conn.execute(_DDL)
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                 "VALUES (?, 'attributes', ?, ?)", (TABLE, TABLE, "QGIS layer styles"))


def save_default_style(conn, table: str, qml: str, *, name: str = "observatoire",
                       description: str = "", ui: str | None = None) -> None:
    """Store ``qml`` as the default style of ``table`` (replacing ours, keeping users' own).

    Runs inside the caller's transaction.
    """
    ensure_table(conn)
    geom = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name=?",
                        (table,)).fetchone()
    conn.execute("UPDATE layer_styles SET useAsDefault=0 WHERE f_table_name=?", (table,))
    conn.execute("DELETE FROM layer_styles WHERE f_table_name=? AND styleName=?", (table, name))
    conn.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
        "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, "
        "update_time) VALUES ('', '', ?, ?, ?, ?, '', 1, ?, 'observatoire', ?, ?)",
        (table, geom[0] if geom else "", name, qml, description, ui, gpkg.now_iso()))


def default_style(conn, table: str) -> str | None:
    if not gpkg.table_exists(conn, TABLE):
        return None
    row = conn.execute("SELECT styleQML FROM layer_styles WHERE f_table_name=? AND useAsDefault "
                       "ORDER BY update_time DESC LIMIT 1", (table,)).fetchone()
    return row[0] if row else None


# -- projects QGIS stores in the file (``qgis_projects``: name, metadata, content) ----------

def stored_project(conn, name: str):
    """The stored content of project ``name`` (QGIS 3.22 writes hexadecimal text, later
    versions a blob), or None."""
    if not gpkg.table_exists(conn, "qgis_projects"):
        return None
    row = conn.execute("SELECT content FROM qgis_projects WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def replace_project_content(conn, name: str, content) -> None:
    """Rewrite the content of stored project ``name`` (inside the caller's transaction)."""
    conn.execute("UPDATE qgis_projects SET content = ? WHERE name = ?", (content, name))
