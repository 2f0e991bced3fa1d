"""The questionnaire's answers and codes in the socle: reads and writes (no form logic).

Centrality codes. The questionnaire names its per-centrality questions and choices after a
centrality *code* (``frequency__centre_ville``), which must stay the same between the XLSForm
sent to KoboToolbox and the import of its answers. Schema v4 adds ``centralities.code``
(lower-case letters, digits and single underscores, starting with a letter; unique; checked by
SQL) and fills it from the name (:func:`centrality_code`, ``_2``, ``_3``… on a clash). A
centrality added later gets its code the first time the questionnaire is exported or answers
are imported (:func:`fill_centrality_codes`, in that write's transaction); a user may set or
change a code by hand before the XLSForm is sent out, never after.

The questionnaire itself (questions, XLSForm, Kobo / ODK reading) is :mod:`survey_forms`; the
tables' layout is :mod:`store.schema.survey`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from typing import Dict, List, Optional

from ..i18n import tr
from . import gpkg, tables
from .schema.survey import RESPONSES, load_layout

META_VERSION_KEY = "questionnaire_version"
META_FORM_KEY = "questionnaire_form_id"
LEVEL_ORDER = ("primary", "secondary", "tertiary", "peripheral")
CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
PURCHASE_PREFIX = "purchase_"
CENTRALITY_SUFFIX = "_centrality"


class SurveyStoreError(ValueError):
    """The GeoPackage cannot take the questionnaire operation; the message says why."""


def set_meta(conn, key: str, value: str) -> None:
    if tables.exists(conn, "observatory_meta", {"key": key}):
        tables.update_where(conn, "observatory_meta", {"value": value}, {"key": key})
    else:
        tables.insert_dicts(conn, "observatory_meta",
                            [{"uuid": str(uuid.uuid4()), "key": key, "value": value}])


def stored_version(conn) -> Optional[str]:
    row = tables.first(conn, "observatory_meta", ["value"], {"key": META_VERSION_KEY})
    return row["value"] if row else None


# ---------------------------------------------------------------------------------------------
# Centrality codes
# ---------------------------------------------------------------------------------------------

def centrality_code(name: str) -> str:
    """A questionnaire code from a centrality name: ``"Centre-ville"`` → ``"centre_ville"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    code = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    code = re.sub(r"_{2,}", "_", code)
    if not code or not code[0].isalpha():
        code = "c_" + code
    return code


def _centrality_rows(conn) -> list:
    rows = tables.rows(conn, "centralities", ["fid", "uuid", "name", "level", "code"])
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    rows.sort(key=lambda r: (rank.get(r["level"], len(rank)), r["name"] or "", r["fid"]))
    return rows


def centrality_codes(conn) -> List[dict]:
    """Centralities in questionnaire order (level, then name) with their code.

    Missing codes are computed (not written): the same ones :func:`fill_centrality_codes`
    writes. Each item: ``{"uuid", "name", "level", "code", "stored"}``.
    """
    if "code" not in gpkg.column_names(conn, "centralities"):
        raise SurveyStoreError(tr("this GeoPackage predates the questionnaire (schema v4): open "
                                  "it with the plugin to upgrade it first"))
    rows = _centrality_rows(conn)
    taken = {r["code"] for r in rows if r["code"]}
    for row in rows:
        row["stored"] = bool(row["code"])
        if row["code"]:
            continue
        base = centrality_code(row["name"] or "centralite")
        code, n = base, 1
        while code in taken:
            n += 1
            code = f"{base}_{n}"
        taken.add(code)
        row["code"] = code
    for row in rows:
        if not CODE_RE.match(row["code"]) or "__" in row["code"]:
            raise SurveyStoreError(tr(
                "centrality {name!r} has the code {code!r}: a code is made of lower-case "
                "letters, digits and single '_', starting with a letter").format(
                    name=row["name"], code=row["code"]))
    return rows


def fill_centrality_codes(conn) -> int:
    """Write the missing centrality codes (inside the caller's transaction); returns how many."""
    missing = [r for r in centrality_codes(conn) if not r["stored"]]
    tables.update(conn, "centralities", "uuid",
                  [{"uuid": r["uuid"], "code": r["code"]} for r in missing])
    return len(missing)


def fill_missing_codes(conn) -> int:
    """:func:`fill_centrality_codes` in its own transaction, when a code is missing."""
    if all(r["stored"] for r in centrality_codes(conn)):
        return 0
    with gpkg.transaction(conn):
        return fill_centrality_codes(conn)


def activity_group_rows(conn) -> Optional[list]:
    """``(code, label_fr, label_en)`` of the activity groups a respondent may miss (the file's
    nomenclature without ``hors_commerce``); None when the file has no nomenclature table."""
    if not gpkg.table_exists(conn, "activity_groups"):
        return None
    return [(r["code"], r["label_fr"], r["label_en"]) for r in tables.rows(
        conn, "activity_groups", ["code", "label_fr", "label_en", "sort_order"],
        order_by=["sort_order", "code"]) if r["code"] != "hors_commerce"]


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------

def check_questionnaire_schema(conn) -> None:
    """Refuse a file without the questionnaire tables or with another questionnaire version."""
    if not gpkg.table_exists(conn, RESPONSES):
        raise SurveyStoreError(tr("this GeoPackage has no questionnaire tables (schema v4): open "
                                  "it with the plugin to upgrade it first"))
    stored, current = stored_version(conn), load_layout().version
    if stored != current:
        raise SurveyStoreError(tr(
            "the GeoPackage's questionnaire tables are for version {stored!r}, this plugin's "
            "questionnaire is {current!r}: upgrade the plugin or the file").format(
                stored=stored, current=current))


def stored_response_uuids(conn) -> set:
    return set(tables.values(conn, RESPONSES, "uuid"))


def write_answers(conn, rows: Dict[str, List[dict]]) -> Dict[str, int]:
    """Insert validated answer rows per table (inside the caller's transaction), in the
    layout's column order; returns the rows written per table."""
    written = {}
    for table in load_layout().tables:
        records = rows.get(table.name) or []
        columns = table.column_names
        written[table.name] = tables.insert(
            conn, table.name, columns, ([r.get(c) for c in columns] for r in records))
        if not records:
            gpkg.touch(conn, table.name)
    return written


def purchase_categories() -> List[str]:
    """Purchase categories of the questionnaire that ask "in which centrality" (layout order)."""
    columns = load_layout().table(RESPONSES).column_names
    return [c[len(PURCHASE_PREFIX):-len(CENTRALITY_SUFFIX)] for c in columns
            if c.startswith(PURCHASE_PREFIX) and c.endswith(CENTRALITY_SUFFIX)]


def purchase_choices(conn, category: str) -> List[dict]:
    """Answers to "where do you buy <category>": one dict per response with ``uuid``,
    ``home_commune``, ``home_iris``, ``place`` (purchase_<category>) and ``centrality`` (the
    code answered to purchase_<category>_centrality, None when not asked or not answered).
    Responses without consent (no purchase answer) are left out."""
    codes = purchase_categories()
    if category not in codes:
        raise SurveyStoreError(tr("unknown purchase category {category!r}; expected one of "
                                  "{expected}").format(category=category,
                                                       expected=", ".join(codes)))
    place = f"{PURCHASE_PREFIX}{category}"
    chosen = f"{place}{CENTRALITY_SUFFIX}"
    columns = set(gpkg.column_names(conn, RESPONSES)) if gpkg.table_exists(conn, RESPONSES) \
        else set()
    if chosen not in columns:
        raise SurveyStoreError(tr("this GeoPackage predates the purchase centrality question "
                                  "(schema v9): open it with the plugin to upgrade it first"))
    rows = tables.rows(conn, RESPONSES, ["uuid", "home_commune", "home_iris", place, chosen],
                       order_by=["fid"])
    return [{"uuid": r["uuid"], "home_commune": r["home_commune"], "home_iris": r["home_iris"],
             "place": r[place], "centrality": r[chosen]} for r in rows if r[place] is not None]
