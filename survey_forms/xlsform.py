"""XLSForm (``.xlsx``) generator for KoboToolbox / ODK Collect / Enketo.

One sheet ``survey`` (questions, groups, relevance, constraints with messages in both languages),
one sheet ``choices`` (with the extra columns a ``choice_filter`` needs) and one sheet ``settings``
(form id, version, French as the default language). ``pyxform`` converts the result to an XForm.
No qgis import.
"""

from pathlib import Path
from typing import Dict, List, Union

from .model import CALCULATE, Group, Question, Questionnaire

FR = "Français (fr)"
EN = "English (en)"

# Metadata every submission carries; the importer reads them back (see kobo_import.METADATA).
METADATA_ROWS = (("start", "start"), ("end", "end"), ("today", "today"))

SURVEY_COLUMNS = (
    "type", "name", f"label::{FR}", f"label::{EN}", f"hint::{FR}", f"hint::{EN}",
    "required", f"required_message::{FR}", f"required_message::{EN}",
    "relevant", "constraint", f"constraint_message::{FR}", f"constraint_message::{EN}",
    "appearance", "choice_filter", "calculation",
)

REQUIRED_FR = "Réponse obligatoire."
REQUIRED_EN = "An answer is required."

# Groups shown as one screen in ODK Collect (and as one page with the settings style "pages").
FIELD_LIST_GROUPS = ("interview", "purchases", "satisfaction")


def _question_row(q: Question) -> Dict[str, str]:
    row = {
        "type": q.xlsform_type(), "name": q.name,
        f"label::{FR}": q.label_fr, f"label::{EN}": q.label_en,
        f"hint::{FR}": q.hint_fr, f"hint::{EN}": q.hint_en,
        "appearance": q.appearance,
    }
    if q.type == CALCULATE:
        row["calculation"] = q.calculation
        for key in (f"label::{FR}", f"label::{EN}"):
            row.pop(key)
    if q.required:
        row.update({"required": "yes", f"required_message::{FR}": REQUIRED_FR,
                    f"required_message::{EN}": REQUIRED_EN})
    if q.relevant is not None:
        row["relevant"] = q.relevant.to_xpath()
    if q.constraints:
        row["constraint"] = " and ".join(
            f"({c.to_xpath()})" if len(q.constraints) > 1 else c.to_xpath()
            for c in q.constraints)
        row[f"constraint_message::{FR}"] = " ".join(c.message_fr for c in q.constraints)
        row[f"constraint_message::{EN}"] = " ".join(c.message_en for c in q.constraints)
    if q.choice_filter:
        column, other = q.choice_filter
        row["choice_filter"] = f"{column} = ${{{other}}}"
    return {k: v for k, v in row.items() if v}


def survey_rows(questionnaire: Questionnaire) -> List[Dict[str, str]]:
    """Rows of the ``survey`` sheet, in form order."""
    rows = [{"type": kind, "name": name} for kind, name in METADATA_ROWS]

    def walk(children):
        for child in children:
            if isinstance(child, Group):
                row = {"type": "begin_group", "name": child.name,
                       f"label::{FR}": child.label_fr, f"label::{EN}": child.label_en}
                appearance = child.appearance or (
                    "field-list" if child.name in FIELD_LIST_GROUPS
                    or child.name.startswith("centrality__") else "")
                if appearance:
                    row["appearance"] = appearance
                if child.relevant is not None:
                    row["relevant"] = child.relevant.to_xpath()
                rows.append(row)
                walk(child.children)
                rows.append({"type": "end_group", "name": child.name})
            else:
                rows.append(_question_row(child))

    walk(questionnaire.children)
    return rows


def choice_rows(questionnaire: Questionnaire) -> List[Dict[str, str]]:
    """Rows of the ``choices`` sheet (filter columns included)."""
    rows = []
    for choice_list in questionnaire.choice_lists.values():
        for choice in choice_list.choices:
            row = {"list_name": choice_list.name, "name": choice.name,
                   f"label::{FR}": choice.label_fr, f"label::{EN}": choice.label_en}
            row.update(dict(choice.filters))
            rows.append(row)
    return rows


def settings_row(questionnaire: Questionnaire) -> Dict[str, str]:
    return {"form_title": questionnaire.title_fr, "form_id": questionnaire.form_id,
            "version": questionnaire.version, "default_language": FR, "style": "pages"}


def _write_sheet(sheet, columns, rows) -> None:
    sheet.append(list(columns))
    for row in rows:
        sheet.append([row.get(c, "") or None for c in columns])
    for index, column in enumerate(columns, start=1):
        width = max([len(str(column))] + [len(str(r.get(column, ""))) for r in rows[:200]])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, width + 2)
    sheet.freeze_panes = "A2"


def write_xlsform(questionnaire: Questionnaire, path: Union[str, Path]) -> Path:
    """Write the questionnaire as an XLSForm workbook; returns the path written."""
    from openpyxl import Workbook

    path = Path(path)
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    _write_sheet(survey, SURVEY_COLUMNS, survey_rows(questionnaire))

    choices = choice_rows(questionnaire)
    choice_columns = ["list_name", "name", f"label::{FR}", f"label::{EN}"]
    for row in choices:
        for key in row:
            if key not in choice_columns:
                choice_columns.append(key)
    _write_sheet(workbook.create_sheet("choices"), choice_columns, choices)

    settings = settings_row(questionnaire)
    _write_sheet(workbook.create_sheet("settings"), list(settings), [settings])

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
