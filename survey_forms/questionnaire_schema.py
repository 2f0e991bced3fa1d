"""Table layout of the questionnaire answers, derived from the definition.

Three tables, none with a geometry, all following the GeoPackage conventions (``fid`` is added by
the table creator; ``uuid TEXT NOT NULL UNIQUE`` here; relations through ``*_uuid``):

``survey_responses``
    one row per submission: ``uuid`` (the Kobo ``_uuid`` / ODK ``instanceID`` without its
    ``uuid:`` prefix: the idempotence key), submission metadata, then one column per single-valued
    question (select_one and text → TEXT, integer → INTEGER).
``survey_centrality_visits``
    one row per response and centrality the respondent visits: frequency, transport mode, parking.
``survey_answers_multi``
    one row per ticked choice of a select_multiple question (``centrality_code`` set for the
    per-centrality ones, NULL otherwise).

The layout does not depend on the observatory's centralities, communes or IRIS, so the schema can
be created once by a migration: the store builds it from the frozen copy of
:func:`frozen_layout` (:mod:`store.schema.survey`). No qgis import.
"""

from typing import Dict, Optional, Tuple

from ..store.schema.survey import MULTI, RESPONSES, VISITS, Column, SurveyLayout, Table
from .model import (
    CALCULATE,
    INTEGER,
    NOTE,
    SELECT_MULTIPLE,
    SELECT_ONE,
    TEXT,
    Questionnaire,
    Range,
)
from .questionnaire import FORM_ID, QUESTIONNAIRE_VERSION, build_questionnaire

SQL_TYPES = {SELECT_ONE: "TEXT", TEXT: "TEXT", INTEGER: "INTEGER", CALCULATE: "TEXT"}

# Choice lists whose codes come from the observatory (not a fixed domain).
OBSERVATORY_LISTS = ("centrality", "centrality_visited", "commune", "iris")


def domain_name(list_name: str) -> str:
    return f"survey_{list_name}"


META_COLUMNS = (
    Column("uuid", "TEXT", description="Submission id (Kobo _uuid / ODK instanceID)"),
    Column("questionnaire_version", "TEXT", description="Version of the questionnaire"),
    Column("started_at", "DATETIME", description="Form opened (ODK 'start')"),
    Column("ended_at", "DATETIME", description="Form completed (ODK 'end')"),
    Column("submitted_at", "DATETIME", description="Received by the server"),
    Column("source", "TEXT", description="Export flavour: kobo, odk or qfield"),
    Column("source_file", "TEXT", description="File name of the imported export"),
    Column("source_row", "INTEGER", description="Row number in that file (header = 1)"),
)


def _question_column(question) -> Column:
    name = question.storage_column
    minimum = maximum = None
    for constraint in question.constraints:
        if isinstance(constraint, Range):
            minimum, maximum = constraint.minimum, constraint.maximum
    domain = None
    if question.type == SELECT_ONE and question.choices not in OBSERVATORY_LISTS:
        domain = domain_name(question.choices)
    return Column(name, SQL_TYPES[question.type], minimum=minimum, maximum=maximum, domain=domain,
                  description=question.description or question.label_en)


def table_layout(questionnaire: Optional[Questionnaire] = None) -> Tuple[Table, Table, Table]:
    """The three answer tables, in creation order (responses first)."""
    if questionnaire is None:
        questionnaire = build_questionnaire(())
    response_columns = list(META_COLUMNS)
    seen = {c.name for c in response_columns}
    visit_columns = [
        Column("uuid", "TEXT"),
        Column("response_uuid", "TEXT", not_null=True, description="survey_responses.uuid"),
        Column("centrality_code", "TEXT", not_null=True,
               description="Centrality code used in the questionnaire"),
        Column("centrality_uuid", "TEXT", description="centralities.uuid, when known"),
    ]
    visit_seen = {c.name for c in visit_columns}
    template = build_questionnaire([("template", "template")]) \
        if not questionnaire.centralities else questionnaire
    for question in template.questions():
        if question.type in (NOTE, SELECT_MULTIPLE) or question.centrality is None:
            continue
        if question.storage_column not in visit_seen:
            visit_columns.append(_question_column(question))
            visit_seen.add(question.storage_column)
    for question in questionnaire.questions():
        if question.type in (NOTE, SELECT_MULTIPLE) or question.centrality is not None:
            continue
        if question.storage_column not in seen:
            response_columns.append(_question_column(question))
            seen.add(question.storage_column)
    multi_columns = (
        Column("uuid", "TEXT"),
        Column("response_uuid", "TEXT", not_null=True, description="survey_responses.uuid"),
        Column("question", "TEXT", not_null=True, description="select_multiple question"),
        Column("centrality_code", "TEXT",
               description="Centrality code for per-centrality questions, else NULL"),
        Column("choice", "TEXT", not_null=True, description="Choice ticked"),
    )
    return (
        Table(RESPONSES, "Population questionnaire: one row per submission",
              tuple(response_columns)),
        Table(VISITS, "Population questionnaire: visits to each centrality",
              tuple(visit_columns), unique=(("response_uuid", "centrality_code"),),
              indexes=((f"idx_{VISITS}_response", ("response_uuid",)),)),
        Table(MULTI, "Population questionnaire: answers to multiple-choice questions",
              multi_columns,
              indexes=((f"idx_{MULTI}_response", ("response_uuid",)),
                       (f"idx_{MULTI}_question", ("question", "choice")))),
    )


def multi_questions(questionnaire: Optional[Questionnaire] = None) -> Tuple[str, ...]:
    """Storage names of the select_multiple questions (``survey_answers_multi.question``)."""
    questionnaire = questionnaire or build_questionnaire([("template", "template")])
    out = []
    for question in questionnaire.questions():
        if question.type == SELECT_MULTIPLE and question.storage_column not in out:
            out.append(question.storage_column)
    return tuple(out)


def domains(
        questionnaire: Optional[Questionnaire] = None) -> Dict[str, Tuple[Tuple[str, str], ...]]:
    """GeoPackage enum domains for the coded TEXT columns: ``{domain: ((code, label_fr), ...)}``.

    The lists that come from the observatory (centralities, communes, IRIS) have no domain: they
    are checked against the observatory's own tables.
    """
    questionnaire = questionnaire or build_questionnaire([("template", "template")])
    out = {}
    for question in questionnaire.questions():
        if question.type == SELECT_ONE and question.choices not in OBSERVATORY_LISTS:
            choice_list = questionnaire.choice_lists[question.choices]
            out[domain_name(choice_list.name)] = tuple(
                (c.name, c.label_fr) for c in choice_list.choices)
    return out


def frozen_layout() -> SurveyLayout:
    """The layout the store freezes in ``resources/schema/questionnaire_layout.json``
    (written by ``scripts/make_questionnaire_form.py``; a test checks they agree)."""
    return SurveyLayout(QUESTIONNAIRE_VERSION, FORM_ID, tuple(table_layout()), domains())
