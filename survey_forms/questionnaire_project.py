"""The QGIS / QField project "Questionnaire" for street interviews, stored in the GeoPackage.

The default forms of the questionnaire tables (:mod:`.questionnaire_form`, in ``layer_styles``)
show each table alone: the per-centrality answers (``survey_centrality_visits``) and the ticked
choices of multiple-choice questions (``survey_answers_multi``) are rows of child tables an
interviewer cannot reach from the response form. This project holds the three tables and
``centralities`` with two relations by uuid (``survey_responses.uuid`` → ``response_uuid`` of each
child, composition: deleting a response deletes its rows) and relation editors in the response
form:

- the tab of each questionnaire group asking multiple-choice questions ("Vos venues", "Votre avis
  sur le centre-ville", "Vos attentes") holds an editor of the response's multiple-choice
  answers; QGIS cannot filter a relation editor by question, so each one lists all the
  response's ticked choices and its label names the questions of that tab;
- "Vos venues" (a tab of its own: all its questions live in the child tables) also holds the
  editor of the visits to each centrality (frequency, transport mode, parking).

A child added through an editor gets ``response_uuid`` from the response (the relation sets it),
so the children's forms hide ``uuid`` (default ``uuid()``) and ``response_uuid``.

``survey_answers_multi.choice`` depends on ``question``; without a choices table a value
relation filtered by the question is impossible, so the choice is a value map of the choices of
every multiple-choice question (a code shared by two lists shows both labels, joined by " / ")
and a hard constraint accepts only the choices of the row's question. ``centrality_code`` shows
(and is required) only for the per-centrality question (reasons for coming). The choices come
from the observatory's questionnaire (its centralities and activity groups) when the project is
built: install the project again after adding a centrality or an activity group. For the
same reason the questions answered with a centrality code (where the interview took place, in
which centrality each purchase is made) are value maps of the questionnaire's list, which ends
with "Ailleurs" (elsewhere), rather than value relations to the centralities layer.

The project is built on a private ``QgsProject`` (never the application's) and written with
:func:`.qgis_project.write_to_geopackage` (paths relative to the GeoPackage; the QGIS 3.22
relation-id workaround of :func:`.qgis_form.restore_relation_ids`).
"""

from __future__ import annotations

import copy
from typing import Dict, List, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from ..i18n import tr
from .inventory_form import Relation
from .model import SELECT_MULTIPLE, SELECT_ONE, Group, Questionnaire
from .qgis_form import make_relation
from .qgis_project import ProjectError, finish_map
from .questionnaire_form import (
    CENTRALITIES_LAYER,
    ContainerSpec,
    FieldSpec,
    FormSpec,
    RelationEditorSpec,
    _quote,
    apply_to_layer,
    form_spec,
    value_map,
    visibility_expression,
)
from .questionnaire_schema import MULTI, RESPONSES, VISITS, table_layout

PROJECT_NAME = "Questionnaire"
VISITS_RELATION = "survey_centrality_visits_response_uuid"
MULTI_RELATION = "survey_answers_multi_response_uuid"
RELATIONS = (
    Relation(VISITS_RELATION, "Venues par centralité", VISITS, "response_uuid", RESPONSES,
             "uuid", composition=True),
    Relation(MULTI_RELATION, "Réponses à choix multiples", MULTI, "response_uuid", RESPONSES,
             "uuid", composition=True),
)
RELATION_IDS = tuple(r.id for r in RELATIONS)
# Layer order in the legend (top first) and the layers' display names.
LAYERS = (
    (RESPONSES, "Réponses au questionnaire"),
    (VISITS, "Venues par centralité"),
    (MULTI, "Réponses à choix multiples"),
    (CENTRALITIES_LAYER, "Centralités"),
)
# Relation editors show no link / unlink (composition) nor zoom (no geometry).
EDITOR_BUTTONS = "SaveChildEdits|AddChildFeature|DeleteChildFeature"
VISITS_EDITOR_LABEL = ("Venues dans chaque centralité fréquentée (fréquence, mode de transport, "
                       "stationnement)")
MULTI_EDITOR_LABEL = "Réponses à choix multiples ({questions})"
# Short French names of the multiple-choice questions, for the relation editors' labels.
MULTI_SHORT_FR = {
    "centralities_visited": "lieux fréquentés",
    "visit_reasons": "raisons de venue",
    "opening_hours_wishes": "horaires souhaités",
    "missing_groups": "commerces et services qui manquent",
    "priorities": "priorités",
    "producer_channels": "achats auprès des producteurs",
}
CHOICE_MESSAGE_FR = "Choisir une réponse proposée pour cette question."
CENTRALITY_MESSAGE_FR = "Préciser la centralité concernée."


# ---------------------------------------------------------------------------------------------
# Form specs of the project (plain data; the default forms of layer_styles are left as they are)
# ---------------------------------------------------------------------------------------------

def _walk(children):
    for child in children:
        if isinstance(child, Group):
            yield from _walk(child.children)
        else:
            yield child


def multi_question_lists(questionnaire: Questionnaire) -> Dict[str, str]:
    """storage name of each multiple-choice question → its choice list, in questionnaire order."""
    out: Dict[str, str] = {}
    for question in questionnaire.questions():
        if question.type == SELECT_MULTIPLE:
            out.setdefault(question.storage_column, question.choices)
    return out


def _short_label(question) -> str:
    label = question.label_fr or question.storage_column
    if question.centrality is not None:  # "Centre-ville : pour quelles raisons…"
        label = label.split(" : ", 1)[-1]
        label = label[:1].upper() + label[1:]
    return label


def question_value_map(questionnaire: Questionnaire) -> dict:
    """ValueMap of ``survey_answers_multi.question``: French label → storage name."""
    seen, entries = set(), []
    for question in questionnaire.questions():
        if question.type == SELECT_MULTIPLE and question.storage_column not in seen:
            seen.add(question.storage_column)
            entries.append({_short_label(question): question.storage_column})
    return {"map": entries}


def choice_value_map(questionnaire: Questionnaire) -> dict:
    """ValueMap of ``survey_answers_multi.choice``: every multiple-choice answer, once per code.

    Codes are listed in questionnaire order; a code shared by lists with different labels
    shows them all, joined by " / " (e.g. ``events``).
    """
    labels: Dict[str, List[str]] = {}
    for list_name in multi_question_lists(questionnaire).values():
        for choice in questionnaire.choice_lists[list_name].choices:
            known = labels.setdefault(choice.name, [])
            if choice.label_fr not in known:
                known.append(choice.label_fr)
    return {"map": [{" / ".join(names): code} for code, names in labels.items()]}


def choice_constraint(questionnaire: Questionnaire) -> str:
    """Expression true when ``choice`` belongs to the choice list of the row's ``question``."""
    parts = []
    for storage, list_name in multi_question_lists(questionnaire).items():
        codes = ", ".join(_quote(c.name)
                          for c in questionnaire.choice_lists[list_name].choices)
        parts.append(f"(\"question\" = {_quote(storage)} AND \"choice\" IN ({codes}))")
    return "\"choice\" IS NOT NULL AND (" + " OR ".join(parts) + ")"


def per_centrality_multi(questionnaire: Questionnaire) -> List[str]:
    """Storage names of the multiple-choice questions asked about each centrality."""
    out: List[str] = []
    for question in questionnaire.questions():
        if question.type == SELECT_MULTIPLE and question.centrality is not None \
                and question.storage_column not in out:
            out.append(question.storage_column)
    return out


def _centrality_config(config: dict, layer_id: str) -> dict:
    config = dict(config)
    if config.get("LayerName") == CENTRALITIES_LAYER and layer_id:
        config["Layer"] = layer_id
    return config


def _link_centralities(spec: FormSpec, layer_id: str) -> None:
    for item in spec.fields.values():
        if item.widget == "ValueRelation":
            item.config = _centrality_config(item.config, layer_id)


def _centrality_code_maps(spec: FormSpec, questionnaire: Questionnaire) -> None:
    """Questions answered from the "centrality" list (codes + elsewhere): a value map of it."""
    codes = questionnaire.choice_lists.get("centrality")
    if codes is None or not codes.choices:
        return
    for question in questionnaire.questions():
        item = spec.fields.get(question.storage_column)
        if question.type == SELECT_ONE and question.choices == "centrality" and item is not None:
            item.widget, item.config = "ValueMap", value_map(codes)


def responses_spec(questionnaire: Questionnaire, centralities_layer_id: str = "") -> FormSpec:
    """The response form with the relation editors in the tabs of their questions."""
    spec = copy.deepcopy(form_spec(RESPONSES, questionnaire))
    _centrality_code_maps(spec, questionnaire)
    _link_centralities(spec, centralities_layer_id)
    columns = table_layout(questionnaire)[0].column_names
    by_name = {tab.name: tab for tab in spec.tabs}
    tabs: List[ContainerSpec] = []
    for group in questionnaire.children:
        if not isinstance(group, Group):
            continue
        questions = list(_walk(group.children))
        multi = []
        for question in questions:
            if question.type == SELECT_MULTIPLE and question.storage_column not in multi:
                multi.append(question.storage_column)
        visits = any(q.centrality is not None and q.type != SELECT_MULTIPLE for q in questions)
        tab = by_name.pop(group.label_fr, None)
        if tab is None:
            if not (multi or visits):
                continue
            tab = ContainerSpec(group.label_fr, [],
                                visibility_expression(group.relevant, columns))
        if multi:
            names = ", ".join(MULTI_SHORT_FR.get(m, m) for m in multi)
            tab.children.append(RelationEditorSpec(
                MULTI_RELATION, MULTI_EDITOR_LABEL.format(questions=names), EDITOR_BUTTONS))
        if visits:
            tab.children.append(RelationEditorSpec(VISITS_RELATION, VISITS_EDITOR_LABEL,
                                                   EDITOR_BUTTONS))
        tabs.append(tab)
    tabs += [tab for tab in spec.tabs if tab.name in by_name]  # metadata, last
    spec.tabs = tabs
    return spec


def _hide_keys(spec: FormSpec) -> None:
    """uuid and response_uuid: filled by their default and by the relation, never typed."""
    spec.fields["response_uuid"].widget = "Hidden"
    spec.fields["response_uuid"].config = {}
    spec.fields["uuid"].widget = "Hidden"

    def drop(children):
        return [drop_in(c) for c in children
                if not (isinstance(c, str) and c in ("uuid", "response_uuid"))]

    def drop_in(child):
        if isinstance(child, ContainerSpec):
            child.children = drop(child.children)
        return child

    spec.tabs = drop(spec.tabs)


def visits_spec(questionnaire: Questionnaire, centralities_layer_id: str = "") -> FormSpec:
    spec = copy.deepcopy(form_spec(VISITS, questionnaire))
    _hide_keys(spec)
    _link_centralities(spec, centralities_layer_id)
    return spec


def multi_spec(questionnaire: Questionnaire, centralities_layer_id: str = "") -> FormSpec:
    spec = copy.deepcopy(form_spec(MULTI, questionnaire))
    _hide_keys(spec)
    _link_centralities(spec, centralities_layer_id)
    spec.fields["question"].config = question_value_map(questionnaire)
    spec.fields["choice"] = FieldSpec(
        "choice", spec.fields["choice"].alias, "ValueMap", choice_value_map(questionnaire),
        constraint=choice_constraint(questionnaire), constraint_message=CHOICE_MESSAGE_FR,
        not_null=True)
    per_centrality = per_centrality_multi(questionnaire)
    if per_centrality:
        asked = ", ".join(_quote(q) for q in per_centrality)
        relevance = f"\"question\" IN ({asked})"
        centrality = spec.fields["centrality_code"]
        centrality.constraint = f"NOT ({relevance}) OR \"centrality_code\" IS NOT NULL"
        centrality.constraint_message = CENTRALITY_MESSAGE_FR
        main = spec.tabs[0]
        main.children = [ContainerSpec("centrality_code", ["centrality_code"], relevance,
                                       group_box=True) if c == "centrality_code" else c
                         for c in main.children]
    return spec


def project_specs(questionnaire: Questionnaire,
                  centralities_layer_id: str = "") -> Dict[str, FormSpec]:
    """table → form of the project (response form with relation editors, children's forms)."""
    return {RESPONSES: responses_spec(questionnaire, centralities_layer_id),
            VISITS: visits_spec(questionnaire, centralities_layer_id),
            MULTI: multi_spec(questionnaire, centralities_layer_id)}


DISPLAY_EXPRESSIONS = {
    RESPONSES: "concat(format_date(\"started_at\", 'dd/MM/yyyy HH:mm'), ' — ', "
               "represent_value(\"interview_mode\"))",
    VISITS: "concat(represent_value(\"centrality_code\"), ' — ', "
            "represent_value(\"frequency\"))",
    MULTI: "concat(represent_value(\"question\"), ' : ', represent_value(\"choice\"), "
           "if(\"centrality_code\" IS NULL, '', ' (' || represent_value(\"centrality_code\") "
           "|| ')'))",
}


# ---------------------------------------------------------------------------------------------
# The QGIS project
# ---------------------------------------------------------------------------------------------

def build_project(gpkg_path, questionnaire: Questionnaire, *,
                  title: Optional[str] = None) -> QgsProject:
    """A private ``QgsProject`` with the questionnaire layers of ``gpkg_path`` and their forms,
    on the socle's roads, opening on the responses and centralities."""
    project = QgsProject()
    project.setTitle(title or PROJECT_NAME)
    layers = {}
    for table, label in LAYERS:
        layer = QgsVectorLayer(f"{gpkg_path}|layername={table}", label, "ogr")
        if not layer.isValid():
            raise ProjectError(tr("{path}: the table {table} cannot be loaded as a layer").format(
                path=gpkg_path, table=table))
        layers[table] = layer
    project.addMapLayers([layers[t] for t, _label in LAYERS])
    for definition in RELATIONS:
        relation = make_relation(definition, layers[definition.referencing_table],
                                 layers[definition.referenced_table], project)
        if not relation.isValid():
            raise ProjectError(tr("relation {relation} is not valid").format(
                relation=definition.id))
        project.relationManager().addRelation(relation)
    specs = project_specs(questionnaire, layers[CENTRALITIES_LAYER].id())
    for table, spec in specs.items():
        apply_to_layer(layers[table], spec, project.relationManager())
        layers[table].setDisplayExpression(DISPLAY_EXPRESSIONS[table])
    crs = layers[CENTRALITIES_LAYER].crs()
    project.setCrs(crs if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:2154"))
    finish_map(project, [layers[RESPONSES], layers[CENTRALITIES_LAYER]], gpkg_path)
    project.writeEntryBool("Paths", "/Absolute", False)
    return project


def write_to_geopackage(project: QgsProject, gpkg_path, name: str = PROJECT_NAME) -> str:
    """Store the project in the GeoPackage's ``qgis_projects``; returns its QGIS URI."""
    from .qgis_project import write_to_geopackage as write

    return write(project, gpkg_path, name, relation_ids=RELATION_IDS)
