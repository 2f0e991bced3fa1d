"""Validate KoboToolbox / ODK exports of the questionnaire against its definition.

The export is read by :func:`ingest.sources.survey_exports.read_submissions` (the reading path
every importer shares: encodings, separators, archive limits of a workbook); this module gets
its header and rows (:func:`validate_export`, :func:`validate_rows`) and knows the questionnaire.
Headers are XML names (not labels); they may carry the group path with ``/`` or ``-``
(``profile/age_band``, ``profile-age_band``) or not (``age_band``); a select_multiple question
may come as one space-separated column, as one 1/0 column per option (``question/option``), or
both (then they must agree).

Every row is checked against the definition, in form order and with the form's relevance (a
question that is not relevant is ignored and stored empty, as ODK does): type errors, unknown
choices, out-of-range values, other constraints, missing required answers, duplicate or missing
submission ids, another questionnaire version (an earlier compatible one, whose questions are a
subset of this one's, is accepted: the questions it lacks stay empty); a row the reader could not
split into the header's cells is rejected too. A row with any problem is rejected as a whole and
each problem is reported (file, row number counted in the file with the header as row 1, field,
value, reason, translated). A file that is not a questionnaire export is refused with
:class:`NotAQuestionnaireExportError` before anything is returned.

The accepted rows come in the table layout of :mod:`.questionnaire_schema`. The idempotence key is
the submission id (Kobo ``_uuid`` / ODK ``meta/instanceID``, ``uuid:`` prefix removed): it is the
``uuid`` of ``survey_responses`` and the child rows get uuids derived from it, so importing the same
export twice yields the same rows (pass the uuids already stored as ``skip_uuids``).
No qgis import.
"""

import datetime
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ..i18n import tr
from .model import CALCULATE, INTEGER, NOTE, SELECT_MULTIPLE, SELECT_ONE, Questionnaire
from .questionnaire_schema import table_layout

UUID_NAMESPACE = uuid_module.uuid5(uuid_module.NAMESPACE_URL, "observatoire_commerce/survey")

# Kobo and ODK Central metadata columns (exact headers).
KOBO_META = {
    "_id", "_uuid", "_submission_time", "_index", "_parent_index", "_parent_table_name",
    "_validation_status", "_notes", "_status", "_submitted_by", "_tags", "__version__",
    "_version_", "_xform_id_string", "_attachments", "_geolocation", "_duration",
    "start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid",
    "audit", "instanceID", "instanceName",
}
ODK_META = {
    "SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
    "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
}
META_GROUPS = ("meta", "formhub")
ID_KEYS = ("_uuid", "instanceID", "KEY")                # in order of preference
SUBMITTED_KEYS = ("_submission_time", "SubmissionDate")

HEADER_SPLIT = re.compile(r"[/-]")
TRUE_VALUES = {"1", "true", "vrai", "yes", "oui"}
FALSE_VALUES = {"0", "false", "faux", "no", "non", ""}

class SurveyImportError(ValueError):
    """The export cannot be imported at all (nothing is returned)."""


class NotAQuestionnaireExportError(SurveyImportError):
    """The file is not an export of this questionnaire."""


@dataclass(frozen=True)
class Rejection:
    """One problem found in a row; the row is rejected as a whole."""

    file: str
    row: int          # as counted in the file, header = row 1
    field: str        # question name (or metadata column)
    value: str        # the value as read ('' when empty)
    code: str         # unknown_choice, out_of_range, missing_required, type_error, ...
    reason: str       # sentence saying what was expected (translated)


@dataclass
class ImportResult:
    file: str
    source: str                                   # "kobo" or "odk"
    rows_read: int = 0
    responses: List[Dict[str, Any]] = field(default_factory=list)
    visits: List[Dict[str, Any]] = field(default_factory=list)
    multi: List[Dict[str, Any]] = field(default_factory=list)
    rejected: List[Rejection] = field(default_factory=list)
    skipped: List[Tuple[int, str]] = field(default_factory=list)   # (row, uuid) already stored
    ignored_columns: List[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> List[int]:
        return sorted({r.row for r in self.rejected})

    def tables(self) -> Dict[str, List[Dict[str, Any]]]:
        """Accepted rows per table name, in creation order."""
        responses, visits, multi = _layout()
        return {responses.name: self.responses, visits.name: self.visits, multi.name: self.multi}


@lru_cache(maxsize=1)
def _layout():
    return table_layout()


# ---------------------------------------------------------------------------------------------
# Header mapping
# ---------------------------------------------------------------------------------------------

@dataclass
class _Columns:
    meta: Dict[str, int] = field(default_factory=dict)               # meta key -> index
    single: Dict[str, int] = field(default_factory=dict)             # question -> index
    onehot: Dict[str, Dict[str, int]] = field(default_factory=dict)  # question -> option -> idx
    ignored: List[str] = field(default_factory=list)


def _map_headers(header: Sequence[str], questionnaire: Questionnaire) -> _Columns:
    placed = {p.question.name: p for p in questionnaire.placed_questions()}
    columns = _Columns()

    def path_ok(prefix, name):
        return not prefix or tuple(prefix) == placed[name].path[-len(prefix):]

    for index, head in enumerate(header):
        if not head:
            continue
        parts = [p for p in HEADER_SPLIT.split(head) if p]
        if head in KOBO_META or head in ODK_META or (parts and parts[0] in META_GROUPS):
            key = head if head in KOBO_META or head in ODK_META else parts[-1]
            columns.meta.setdefault(key, index)
            continue
        if not parts:
            columns.ignored.append(head)
            continue
        name = parts[-1]
        if name in placed and placed[name].question.type != NOTE and path_ok(parts[:-1], name):
            if name in columns.single:
                columns.ignored.append(head)
            else:
                columns.single[name] = index
            continue
        if len(parts) >= 2 and parts[-2] in placed \
                and placed[parts[-2]].question.type == SELECT_MULTIPLE \
                and path_ok(parts[:-2], parts[-2]):
            columns.onehot.setdefault(parts[-2], {}).setdefault(name, index)
            continue
        columns.ignored.append(head)
    return columns


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------

def _shown(value: Any) -> str:
    """A cell value as the user sees it in the file."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value).strip()


def _timestamp(value: Any) -> Optional[str]:
    text = _shown(value)
    return text or None


class _ProblemError(Exception):
    def __init__(self, code: str, reason: str, shown: Optional[str] = None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.shown = shown


def _not_a_choice(value: str, choice_list) -> str:
    return tr("{value!r} is not a choice of list {choice_list} ({choices})").format(
        value=value, choice_list=choice_list.name, choices=", ".join(choice_list.names))


def _to_integer(text: str) -> int:
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+\.0*", text):
        return int(float(text))
    raise _ProblemError("type_error", tr("{value!r} is not a whole number").format(value=text))


def _onehot_flag(value: Any, option: str) -> bool:
    text = _shown(value).lower()
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    raise _ProblemError("type_error", tr("option column {option!r} holds {value!r}, expected "
                                         "1 or 0").format(option=option, value=_shown(value)),
                        _shown(value))


class _RowReader:
    """Turns one row of the export into typed answers, collecting problems."""

    def __init__(self, questionnaire: Questionnaire, columns: _Columns):
        self.questionnaire = questionnaire
        self.columns = columns

    def raw(self, values: list, question: str) -> Any:
        index = self.columns.single.get(question)
        if index is None or index >= len(values):
            return None
        return values[index]

    def read(self, question, values: list) -> Tuple[Any, str]:
        """(typed value or None, value as shown) for one question; raises _ProblemError."""
        choice_list = self.questionnaire.choice_lists.get(question.choices or "")
        if question.type == SELECT_MULTIPLE:
            return self._read_multiple(question, values, choice_list)
        shown = _shown(self.raw(values, question.name))
        if shown == "":
            return None, shown
        if question.type == INTEGER:
            return _to_integer(shown), shown
        if question.type == SELECT_ONE:
            if choice_list.get(shown) is None:
                raise _ProblemError("unknown_choice", _not_a_choice(shown, choice_list))
            return shown, shown
        return shown, shown          # text, calculate

    def _read_multiple(self, question, values, choice_list) -> Tuple[Any, str]:
        shown = _shown(self.raw(values, question.name))
        aggregate = tuple(shown.split()) if shown else None
        ticked = None
        options = self.columns.onehot.get(question.name, {})
        if options:
            ticked = tuple(option for option, index in options.items()
                           if index < len(values) and _onehot_flag(values[index], option))
            if not shown:
                shown = " ".join(ticked)
        selection = aggregate if aggregate is not None else ticked
        if aggregate is not None and ticked and set(aggregate) != set(ticked):
            raise _ProblemError("inconsistent", tr(
                "{value!r} disagrees with the option columns ({ticked})").format(
                    value=shown, ticked=" ".join(ticked)), shown)
        if not selection:
            return None, shown
        unknown = [s for s in selection if choice_list.get(s) is None]
        if unknown:
            raise _ProblemError("unknown_choice", _not_a_choice(" ".join(unknown), choice_list),
                                shown)
        order = {name: i for i, name in enumerate(choice_list.names)}
        return tuple(sorted(set(selection), key=order.get)), shown


def _check_row(reader: _RowReader, values: list) -> Tuple[Dict[str, Any], List[tuple]]:
    """Typed answers of one row and its problems as (field, value, code, reason)."""
    questionnaire = reader.questionnaire
    answers: Dict[str, Any] = {}
    problems = []
    for placed in questionnaire.placed_questions():
        question = placed.question
        if question.type == NOTE:
            continue
        if placed.relevant is not None and not placed.relevant.evaluate(answers):
            answers[question.name] = None
            continue
        try:
            value, shown = reader.read(question, values)
        except _ProblemError as problem:
            answers[question.name] = None
            shown = problem.shown
            if shown is None:
                shown = _shown(reader.raw(values, question.name))
            problems.append((question.name, shown, problem.code, problem.reason))
            continue
        answers[question.name] = value
        if value is None:
            if question.required:
                problems.append((question.name, "", "missing_required",
                                 tr("a required answer is missing")))
            continue
        for constraint in question.constraints:
            found = constraint.check(value, answers)
            if found:
                problems.append((question.name, shown) + found)
                break
        if question.choice_filter:
            column, other = question.choice_filter
            choice = questionnaire.choice_lists[question.choices].get(value)
            if choice.filter_value(column) != answers.get(other):
                problems.append((question.name, shown, "inconsistent", tr(
                    "{value!r} does not belong to {other} {other_value!r}").format(
                        value=value, other=other, other_value=answers.get(other))))
        if question.type == CALCULATE and question.name == "questionnaire_version" \
                and value != questionnaire.version \
                and value not in questionnaire.compatible_versions:
            versions = [repr(v) for v in (questionnaire.version,
                                          *questionnaire.compatible_versions)]
            expected = versions[-1]
            for version in reversed(versions[:-1]):
                expected = tr("{first} or {second}").format(first=version, second=expected)
            problems.append((question.name, shown, "version_mismatch", tr(
                "answered with questionnaire version {value!r}, expected {expected}").format(
                    value=value, expected=expected)))
    return answers, problems


# ---------------------------------------------------------------------------------------------
# Output rows
# ---------------------------------------------------------------------------------------------

def _child_uuid(*parts: str) -> str:
    return str(uuid_module.uuid5(UUID_NAMESPACE, "/".join(parts)))


def _to_tables(questionnaire: Questionnaire, answers: Dict[str, Any], meta: Dict[str, Any]):
    responses_table, visits_table, _ = _layout()
    response = dict.fromkeys(responses_table.column_names)
    response.update(meta)
    visits: Dict[str, Dict[str, Any]] = {}
    multi = []
    centrality_uuids = {c.code: c.uuid for c in questionnaire.centralities}
    response_uuid = meta["uuid"]
    for question in questionnaire.questions():
        if question.type == NOTE:
            continue
        value = answers.get(question.name)
        column = question.storage_column
        if question.type == SELECT_MULTIPLE:
            for choice in value or ():
                multi.append({"uuid": _child_uuid(response_uuid, column, question.centrality or "",
                                                  choice),
                              "response_uuid": response_uuid, "question": column,
                              "centrality_code": question.centrality, "choice": choice})
            if question.centrality and value:
                visits.setdefault(question.centrality, {})
            continue
        if question.centrality:
            if value is not None:
                visits.setdefault(question.centrality, {})[column] = value
            continue
        if column in response and column not in meta:
            response[column] = value
    visit_rows = []
    for code, columns in visits.items():
        row = dict.fromkeys(visits_table.column_names)
        row.update(columns)
        row.update({"uuid": _child_uuid(response_uuid, "visit", code),
                    "response_uuid": response_uuid, "centrality_code": code,
                    "centrality_uuid": centrality_uuids.get(code)})
        visit_rows.append(row)
    return response, visit_rows, multi


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------

def _required_missing(questionnaire: Questionnaire, columns: _Columns) -> List[str]:
    return [q.name for q in questionnaire.questions()
            if q.required and q.name not in columns.single and q.name not in columns.onehot]


def validate_rows(
    header: Sequence[str],
    rows: Iterable[Tuple[int, list]],
    questionnaire: Questionnaire,
    file_label: str = "",
    skip_uuids: Iterable[str] = (),
    unreadable: Iterable[Tuple[int, str, str]] = (),
) -> ImportResult:
    """Validate rows ``(row_number, values)`` read under ``header``.

    :param questionnaire: the definition the form was generated from (same centralities).
    :param file_label: the file's name, in every rejection.
    :param skip_uuids: submission ids already stored; their rows go to ``skipped``.
    :param unreadable: ``(row_number, text, reason)`` of the rows the reader could not split
        into the header's cells: each is read and rejected (code ``malformed_row``).
    :raises NotAQuestionnaireExportError: the file has none of the questionnaire's columns.
    :raises SurveyImportError: no submission id column, or columns of required questions
        missing.
    """
    columns = _map_headers(header, questionnaire)
    if not columns.single and not columns.onehot:
        raise NotAQuestionnaireExportError(tr(
            "{file}: none of the questionnaire's questions is a column of this file; export "
            "the submissions from KoboToolbox or ODK with XML names as headers").format(
                file=file_label))
    id_key = next((k for k in ID_KEYS if k in columns.meta), None)
    if id_key is None:
        raise SurveyImportError(tr(
            "{file}: no submission id column (_uuid, meta/instanceID or KEY); it is needed so "
            "that a second import does not duplicate the answers").format(file=file_label))
    missing = _required_missing(questionnaire, columns)
    if missing:
        raise SurveyImportError(tr(
            "{file}: column(s) of required question(s) missing: {questions}; was the form "
            "generated for other centralities or another questionnaire version?").format(
                file=file_label, questions=", ".join(missing)))
    source = "kobo" if "_uuid" in columns.meta or "_submission_time" in columns.meta else "odk"
    result = ImportResult(file=file_label, source=source, ignored_columns=columns.ignored)
    reader = _RowReader(questionnaire, columns)
    already = {u.replace("uuid:", "") for u in skip_uuids}
    seen: Dict[str, int] = {}
    pending = sorted(unreadable)

    def meta_value(values, key):
        index = columns.meta.get(key)
        return values[index] if index is not None and index < len(values) else None

    def reject_unreadable(before: Optional[int]) -> None:
        while pending and (before is None or pending[0][0] < before):
            number, text, reason = pending.pop(0)
            result.rows_read += 1
            result.rejected.append(Rejection(file_label, number, "", text, "malformed_row",
                                             reason))

    for number, values in rows:
        reject_unreadable(number)
        if all(_shown(v) == "" for v in values):
            continue
        result.rows_read += 1
        problems = []
        raw_id = _shown(meta_value(values, id_key))
        if not raw_id:
            fallback = next((k for k in ID_KEYS if k != id_key and k in columns.meta), None)
            raw_id = _shown(meta_value(values, fallback)) if fallback else ""
        submission_id = raw_id.replace("uuid:", "")
        if not submission_id:
            problems.append((id_key, "", "missing_id", tr("the submission id is empty")))
        elif submission_id in seen:
            problems.append((id_key, raw_id, "duplicate", tr(
                "same submission id as row {row}").format(row=seen[submission_id])))
        else:
            seen[submission_id] = number
        if submission_id and submission_id in already and not problems:
            result.skipped.append((number, submission_id))
            continue
        answers, row_problems = _check_row(reader, values)
        problems.extend(row_problems)
        if problems:
            result.rejected.extend(Rejection(file_label, number, f, v, c, r)
                                   for f, v, c, r in problems)
            continue
        meta = {
            "uuid": submission_id,
            "questionnaire_version": answers.get("questionnaire_version"),
            "started_at": _timestamp(meta_value(values, "start")),
            "ended_at": _timestamp(meta_value(values, "end")),
            "submitted_at": _timestamp(next((meta_value(values, k) for k in SUBMITTED_KEYS
                                             if k in columns.meta), None)),
            "source": source, "source_file": file_label, "source_row": number,
        }
        response, visit_rows, multi = _to_tables(questionnaire, answers, meta)
        result.responses.append(response)
        result.visits.extend(visit_rows)
        result.multi.extend(multi)
    reject_unreadable(None)
    return result


def validate_export(table, questionnaire: Questionnaire,
                    skip_uuids: Iterable[str] = ()) -> ImportResult:
    """Validate an export read by :func:`ingest.sources.survey_exports.read_submissions`:
    ``table`` has ``file``, ``header``, ``rows`` and ``unreadable`` (see
    :func:`validate_rows`)."""
    return validate_rows(table.header, table.rows, questionnaire, table.file, skip_uuids,
                         unreadable=table.unreadable)


__all__ = [
    "ImportResult", "NotAQuestionnaireExportError", "Rejection", "SurveyImportError",
    "validate_export", "validate_rows",
]
