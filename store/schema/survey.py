"""Schema v4 / v9: the population questionnaire's answer tables, from a frozen layout.

The layout of the three answer tables (``survey_responses``, ``survey_centrality_visits``,
``survey_answers_multi``: columns, checks, field domains, indexes, descriptions) is derived from
the questionnaire's declarative definition (:mod:`survey_forms.questionnaire_schema`) and frozen
in ``resources/schema/questionnaire_layout.json`` by ``scripts/make_questionnaire_form.py``; a
test checks the two agree. The store reads the frozen file, so persistence never imports the
form definitions, and a migration builds what was frozen for it.

Schema v4 (:func:`migrate_v4`) adds ``centralities.code`` and the answer tables with their
domains, forms (QML in ``layer_styles``) and the questionnaire version in
``observatory_meta``. Schema v9 (:func:`migrate_v9`) brings a v4–v8 file's tables up to the
layout (the purchase-centrality follow-ups): missing columns are appended, domains, forms and
version refreshed; idempotent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

from .. import gpkg, styles

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
LAYOUT_FILE = RESOURCES / "schema" / "questionnaire_layout.json"
STYLES_DIR = RESOURCES / "styles"
RESPONSES = "survey_responses"
VISITS = "survey_centrality_visits"
MULTI = "survey_answers_multi"
CODE_CHECK = ("code IS NULL OR (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*' "
              "AND code NOT GLOB '*__*')")


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    not_null: bool = False
    minimum: Optional[int] = None       # range check of an integer answer
    maximum: Optional[int] = None
    domain: Optional[str] = None        # GeoPackage field domain (enum) name, if any
    description: str = ""

    def sql(self) -> str:
        text = f"{self.name} {self.sql_type}"
        if self.name == "uuid":
            return text + " NOT NULL UNIQUE"
        if self.not_null:
            text += " NOT NULL"
        if self.minimum is not None and self.maximum is not None:
            text += (f" CHECK ({self.name} IS NULL OR {self.name} BETWEEN {self.minimum} "
                     f"AND {self.maximum})")
        return text


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: Tuple[Column, ...]
    unique: Tuple[Tuple[str, ...], ...] = ()                  # UNIQUE (columns…) constraints
    indexes: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()     # (index name, columns)

    @property
    def column_names(self) -> Tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def columns_sql(self) -> str:
        """Column definitions after ``fid`` (the format of :data:`store.schema.core.V1_TABLES`)."""
        return ", ".join([c.sql() for c in self.columns]
                         + [f"UNIQUE ({', '.join(cols)})" for cols in self.unique])

    def index_sql(self) -> list:
        return [f"CREATE INDEX {name} ON {self.name} ({', '.join(cols)})"
                for name, cols in self.indexes]


@dataclass(frozen=True)
class SurveyLayout:
    """The questionnaire version, its form id, the three tables and their enum domains."""

    version: str
    form_id: str
    tables: Tuple[Table, ...]
    domains: Dict[str, Tuple[Tuple[str, str], ...]] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def to_json(self) -> dict:
        return {
            "version": self.version, "form_id": self.form_id,
            "tables": [{"name": t.name, "description": t.description,
                        "columns": [{k: v for k, v in vars(c).items()
                                     if v is not None and v != "" and v is not False}
                                    for c in t.columns],
                        "unique": [list(u) for u in t.unique],
                        "indexes": [[name, list(cols)] for name, cols in t.indexes]}
                       for t in self.tables],
            "domains": {name: [list(v) for v in values]
                        for name, values in sorted(self.domains.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> SurveyLayout:
        tables = tuple(Table(t["name"], t["description"],
                             tuple(Column(**c) for c in t["columns"]),
                             tuple(tuple(u) for u in t.get("unique", ())),
                             tuple((name, tuple(cols)) for name, cols in t.get("indexes", ())))
                       for t in data["tables"])
        domains = {name: tuple(tuple(v) for v in values)
                   for name, values in data.get("domains", {}).items()}
        return cls(data["version"], data["form_id"], tables, domains)


@lru_cache(maxsize=4)
def _read(path: str) -> SurveyLayout:
    with open(path, encoding="utf-8") as handle:
        return SurveyLayout.from_json(json.load(handle))


def load_layout() -> SurveyLayout:
    """The frozen layout this plugin builds (``resources/schema/questionnaire_layout.json``)."""
    return _read(str(LAYOUT_FILE))


def style_files(layout: Optional[SurveyLayout] = None) -> Dict[str, Path]:
    """table -> committed QML of its questionnaire form."""
    layout = layout or load_layout()
    return {t.name: STYLES_DIR / f"{t.name}.qml" for t in layout.tables
            if (STYLES_DIR / f"{t.name}.qml").is_file()}


def _describe_columns(conn, table: Table) -> None:
    """gpkg_data_columns rows: description of every column, and its domain when coded."""
    for column in table.columns:
        if not column.description and not column.domain:
            continue
        conn.execute(
            "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, "
            "description, constraint_name) VALUES (?, ?, ?, ?, ?)",
            (table.name, column.name, column.name, column.description or None, column.domain))


def _store_forms_and_version(conn, layout: SurveyLayout) -> None:
    """The questionnaire forms in ``layer_styles`` and its version in ``observatory_meta``."""
    from ..survey import META_FORM_KEY, META_VERSION_KEY, set_meta

    for table, path in style_files(layout).items():
        styles.save_default_style(conn, table, path.read_text(encoding="utf-8"),
                                  description="Formulaire du questionnaire (observatoire)")
    set_meta(conn, META_VERSION_KEY, layout.version)
    set_meta(conn, META_FORM_KEY, layout.form_id)


def migrate_v4(conn, srs_id: int) -> None:
    """Schema v4: questionnaire tables, domains, forms, version; centrality codes.

    Runs inside the caller's transaction. ``srs_id`` is unused (no feature table is added).
    """
    from ..survey import fill_centrality_codes

    del srs_id
    layout = load_layout()
    if "code" not in gpkg.column_names(conn, "centralities"):
        conn.execute(f"ALTER TABLE centralities ADD COLUMN code TEXT CHECK ({CODE_CHECK})")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_centralities_code ON centralities (code)")
    conn.execute(
        "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, description) "
        "VALUES ('centralities', 'code', 'code', ?)",
        ("Code used by the questionnaire (XLSForm names): lower-case letters, digits, '_'",))
    fill_centrality_codes(conn)
    for domain, values in layout.domains.items():
        gpkg.set_enum_domain(conn, domain, values)
    for table in layout.tables:
        gpkg.create_table(conn, table.name, table.columns_sql(), description=table.description)
        for statement in table.index_sql():
            conn.execute(statement)
        _describe_columns(conn, table)
    _store_forms_and_version(conn, layout)


def migrate_v9(conn, srs_id: int) -> None:
    """Schema v9: the questionnaire tables follow the frozen layout (purchase centralities).

    Adds the columns a table lacks (``ALTER TABLE … ADD COLUMN`` with the SQL of a fresh
    creation, appended after the existing ones) and their ``gpkg_data_columns`` rows, refreshes
    the domains, the forms in ``layer_styles`` and the questionnaire version. Idempotent: on a
    file whose v4 already built the current layout, only the forms and metadata are rewritten.
    Runs inside the caller's transaction; ``srs_id`` is unused.
    """
    del srs_id
    layout = load_layout()
    for domain, values in layout.domains.items():
        gpkg.set_enum_domain(conn, domain, values)
    for table in layout.tables:
        existing = set(gpkg.column_names(conn, table.name))
        missing = [c for c in table.columns if c.name not in existing]
        for column in missing:
            conn.execute(f'ALTER TABLE "{table.name}" ADD COLUMN {column.sql()}')
        _describe_columns(conn, table)
        if missing:
            gpkg.touch(conn, table.name)
    _store_forms_and_version(conn, layout)
