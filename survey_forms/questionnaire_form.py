"""The QGIS / QField edit forms of the questionnaire tables, derived from the definition.

:func:`form_spec` turns the questionnaire into a plain description of each field of a table
(French alias, editor widget and its configuration, default value, constraint expression and
message, tab and visibility expression) — no qgis import, so it is unit-tested alone.
:func:`apply_to_layer` applies a spec to a QGIS vector layer with the QGIS API (value maps,
ranges, value relation to ``centralities``, constraints, tabs), and :func:`style_qml` exports
the result as the QML that ``scripts/make_questionnaire_form.py`` commits under
``resources/styles/`` and the schema migration writes into the GeoPackage's ``layer_styles``.

What QGIS can express of the XLSForm logic:

- relevance becomes the visibility expression of a tab (group relevance) or of a group box
  holding the question (question relevance), when every condition refers to a column of the
  same table; conditions on multiple-choice answers (stored in ``survey_answers_multi``) cannot
  be evaluated in the response form and are left out of the visibility (the field stays shown);
- a required answer becomes a hard constraint ``NOT (relevance) OR "field" IS NOT NULL`` with
  the XLSForm's French message; it is kept only when the relevance is expressed exactly (a
  required answer is never demanded where ODK would not demand it);
- ranges, patterns and "lower than another answer" become constraint expressions.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..i18n import tr
from .model import (
    CALCULATE,
    INTEGER,
    NOTE,
    SELECT_MULTIPLE,
    SELECT_ONE,
    All,
    Answered,
    AnyOf,
    Compare,
    Condition,
    Equals,
    Group,
    LessThan,
    Not,
    OneOf,
    Pattern,
    Questionnaire,
    Range,
    Selected,
)
from .questionnaire import QUESTIONNAIRE_VERSION, build_questionnaire
from .questionnaire_schema import MULTI, RESPONSES, VISITS, multi_questions, table_layout
from .xlsform import REQUIRED_FR

# ValueMap's representation of NULL (QgsValueMapFieldFormatter.NULL_VALUE).
VALUE_MAP_NULL = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
NO_ANSWER_FR = "(sans réponse)"
CENTRALITIES_LAYER = "centralities"
METADATA_TAB = "Métadonnées"

META_ALIASES = {
    "uuid": "Identifiant de la réponse",
    "questionnaire_version": "Version du questionnaire",
    "started_at": "Début de l'entretien",
    "ended_at": "Fin de l'entretien",
    "submitted_at": "Reçu par le serveur",
    "source": "Origine (kobo, odk, qfield)",
    "source_file": "Fichier importé",
    "source_row": "Ligne dans le fichier",
}
CHILD_ALIASES = {
    "uuid": "Identifiant",
    "response_uuid": "Réponse (uuid)",
    "centrality_code": "Centralité",
    "centrality_uuid": "Centralité (uuid)",
    "question": "Question",
    "choice": "Réponse cochée",
}


@dataclass
class FieldSpec:
    """How one column shows in the form."""

    name: str
    alias: str
    widget: str                                   # QGIS editor widget type
    config: Dict[str, Any] = field(default_factory=dict)
    default: Optional[str] = None                 # default value expression
    default_on_update: bool = False
    constraint: Optional[str] = None              # constraint expression (hard)
    constraint_message: str = ""
    not_null: bool = False                        # hard NOT NULL constraint
    editable: bool = True
    label_on_top: bool = True


@dataclass
class ContainerSpec:
    """A tab (top level) or a group box holding fields; ``visibility`` is a QGIS expression."""

    name: str
    children: List[Any] = field(default_factory=list)   # field names or ContainerSpec
    visibility: Optional[str] = None
    group_box: bool = False


@dataclass
class RelationEditorSpec:
    """A relation editor (the child rows of a relation) placed in a tab; ``buttons`` are QGIS's
    relation editor button names joined by ``|`` (empty: QGIS's default, every button)."""

    relation_id: str
    label: str
    buttons: str = ""


@dataclass
class FormSpec:
    table: str
    fields: Dict[str, FieldSpec]
    tabs: List[ContainerSpec]

    def field_names_in_tabs(self) -> List[str]:
        out = []

        def walk(children):
            for child in children:
                if isinstance(child, ContainerSpec):
                    walk(child.children)
                elif not isinstance(child, RelationEditorSpec):
                    out.append(child)

        walk(self.tabs)
        return out


# ---------------------------------------------------------------------------------------------
# Conditions and constraints as QGIS expressions
# ---------------------------------------------------------------------------------------------

def _quote(value: Any) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _column(name: str) -> str:
    return '"' + name + '"'


def condition_expression(condition: Optional[Condition], columns: Sequence[str]) -> Optional[str]:
    """The QGIS expression of a relevance condition, or None when it cannot be expressed.

    A condition can be expressed when every question it refers to is a column of the table
    (``columns``); ``Selected`` refers to multiple-choice answers, stored in another table.
    """
    if condition is None:
        return None
    if isinstance(condition, Equals):
        if condition.question not in columns:
            return None
        return f"{_column(condition.question)} = {_quote(condition.value)}"
    if isinstance(condition, OneOf):
        if condition.question not in columns:
            return None
        values = ", ".join(_quote(v) for v in condition.values)
        return f"{_column(condition.question)} IN ({values})"
    if isinstance(condition, Compare):
        if condition.question not in columns:
            return None
        ref = _column(condition.question)
        return f"({ref} IS NOT NULL AND {ref} {condition.op} {condition.number})"
    if isinstance(condition, Answered):
        if condition.question not in columns:
            return None
        ref = _column(condition.question)
        return f"({ref} IS NOT NULL AND {ref} <> '')"
    if isinstance(condition, Selected):
        return None
    if isinstance(condition, Not):
        inner = condition_expression(condition.condition, columns)
        return None if inner is None else f"NOT ({inner})"
    if isinstance(condition, (All, AnyOf)):
        parts = [condition_expression(c, columns) for c in condition.conditions]
        if any(p is None for p in parts):
            return None
        joiner = " AND " if isinstance(condition, All) else " OR "
        return "(" + joiner.join(parts) + ")"
    return None


def visibility_expression(condition: Optional[Condition], columns: Sequence[str]) -> Optional[str]:
    """Like :func:`condition_expression`, but a conjunction keeps its expressible parts.

    Dropping a conjunct only widens the visibility: a field is never hidden when ODK shows it.
    """
    exact = condition_expression(condition, columns)
    if exact is not None or not isinstance(condition, All):
        return exact
    parts = [visibility_expression(c, columns) for c in condition.conditions]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def _constraint_expression(question, columns) -> Tuple[Optional[str], str]:
    """(expression on a non-empty value, French message) of a question's constraints."""
    ref = _column(question.storage_column)
    parts, messages = [], []
    for constraint in question.constraints:
        if isinstance(constraint, Range):
            parts.append(f"({ref} >= {constraint.minimum} AND {ref} <= {constraint.maximum})")
        elif isinstance(constraint, Pattern):
            parts.append(f"regexp_match({ref}, {_quote(constraint.regex)})")
        elif isinstance(constraint, LessThan) and constraint.other in columns:
            other = _column(constraint.other)
            parts.append(f"({other} IS NULL OR {ref} < {other})")
        else:
            continue
        messages.append(constraint.message_fr)
    if not parts:
        return None, ""
    return " AND ".join(parts), " ".join(messages)


# ---------------------------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------------------------

def value_map(choice_list, *, with_null: bool = True) -> Dict[str, Any]:
    """ValueMap configuration: French label → code, in the list's order (NULL first)."""
    entries = [{NO_ANSWER_FR: VALUE_MAP_NULL}] if with_null else []
    entries += [{c.label_fr: c.name} for c in choice_list.choices]
    return {"map": entries}


def centrality_relation(key: str = "code") -> Dict[str, Any]:
    """ValueRelation to the GeoPackage's ``centralities`` layer (resolved by name and source)."""
    return {"Layer": "", "LayerName": CENTRALITIES_LAYER, "LayerProviderName": "ogr",
            "LayerSource": "", "Key": key, "Value": "name", "AllowNull": True,
            "OrderByValue": True, "AllowMulti": False, "UseCompleter": False,
            "FilterExpression": "", "NofColumns": 1, "Description": ""}


def _range_config(question) -> Dict[str, Any]:
    bounds = next((c for c in question.constraints if isinstance(c, Range)), None)
    low, high = (bounds.minimum, bounds.maximum) if bounds else (0, 9999)
    return {"AllowNull": True, "Max": high, "Min": low, "Precision": 0, "Step": 1,
            "Style": "SpinBox"}


def _datetime_config() -> Dict[str, Any]:
    return {"allow_null": True, "calendar_popup": True, "display_format": "dd/MM/yyyy HH:mm",
            "field_format": "yyyy-MM-ddTHH:mm:ss", "field_iso_format": True}


def _hidden(name: str, alias: str, **kwargs) -> FieldSpec:
    return FieldSpec(name, alias, "Hidden", **kwargs)


def _question_field(question, placed_relevant, columns, questionnaire) -> FieldSpec:
    name = question.storage_column
    alias = question.label_fr or name
    if question.type == SELECT_ONE:
        if question.choices in ("centrality", "centrality_visited"):
            widget, config = "ValueRelation", centrality_relation()
        else:
            widget = "ValueMap"
            config = value_map(questionnaire.choice_lists[question.choices])
    elif question.type == INTEGER:
        widget, config = "Range", _range_config(question)
    else:
        widget = "TextEdit"
        config = {"IsMultiline": question.appearance == "multiline", "UseHtml": False}
    expression, message = _constraint_expression(question, columns)
    relevance = condition_expression(placed_relevant, columns)
    exact = placed_relevant is None or relevance is not None
    ref = _column(name)
    constraint = None
    if question.required and exact:
        body = f"{ref} IS NOT NULL" + (f" AND {expression}" if expression else "")
        constraint = body if relevance is None else f"NOT ({relevance}) OR ({body})"
        message = " ".join(m for m in (REQUIRED_FR, message) if m)
    elif expression:
        constraint = f"{ref} IS NULL OR ({expression})"
    return FieldSpec(name, alias, widget, config, constraint=constraint,
                     constraint_message=message if constraint else "")


def _responses_spec(questionnaire: Questionnaire) -> FormSpec:
    table = table_layout(questionnaire)[0]
    columns = table.column_names
    fields: Dict[str, FieldSpec] = {
        "uuid": _hidden("uuid", META_ALIASES["uuid"], default="uuid('WithoutBraces')",
                        not_null=True),
        "questionnaire_version": FieldSpec(
            "questionnaire_version", META_ALIASES["questionnaire_version"], "TextEdit",
            {"IsMultiline": False, "UseHtml": False},
            default=_quote(questionnaire.version), editable=False),
        "started_at": FieldSpec("started_at", META_ALIASES["started_at"], "DateTime",
                                _datetime_config(), default="now()", editable=False),
        "ended_at": FieldSpec("ended_at", META_ALIASES["ended_at"], "DateTime",
                              _datetime_config(), default="now()", default_on_update=True,
                              editable=False),
        "submitted_at": _hidden("submitted_at", META_ALIASES["submitted_at"]),
        "source": _hidden("source", META_ALIASES["source"], default="'qfield'"),
        "source_file": _hidden("source_file", META_ALIASES["source_file"]),
        "source_row": _hidden("source_row", META_ALIASES["source_row"]),
    }
    tabs: List[ContainerSpec] = []

    def fill(container: ContainerSpec, children) -> None:
        for child in children:
            if isinstance(child, Group):
                continue        # nested groups (per centrality) live in the visits table
            question = child
            if question.type in (NOTE, SELECT_MULTIPLE, CALCULATE) \
                    or question.centrality is not None \
                    or question.storage_column not in columns:
                continue
            placed = placed_by_name[question.name]
            fields[question.storage_column] = _question_field(
                question, placed.relevant, columns, questionnaire)
            own = visibility_expression(question.relevant, columns)
            if own:
                container.children.append(ContainerSpec(
                    question.storage_column, [question.storage_column], own, group_box=True))
            else:
                container.children.append(question.storage_column)

    placed_by_name = {p.question.name: p for p in questionnaire.placed_questions()}
    for child in questionnaire.children:
        if not isinstance(child, Group):
            continue
        tab = ContainerSpec(child.label_fr, [],
                            visibility_expression(child.relevant, columns))
        fill(tab, child.children)
        if tab.children:
            tabs.append(tab)
    tabs.append(ContainerSpec(METADATA_TAB, ["questionnaire_version", "started_at", "ended_at"]))
    return FormSpec(RESPONSES, fields, tabs)


def _child_spec(questionnaire: Questionnaire, table_name: str) -> FormSpec:
    table = next(t for t in table_layout(questionnaire) if t.name == table_name)
    columns = table.column_names
    fields: Dict[str, FieldSpec] = {
        "uuid": _hidden("uuid", CHILD_ALIASES["uuid"], default="uuid('WithoutBraces')",
                        not_null=True),
        "response_uuid": FieldSpec("response_uuid", CHILD_ALIASES["response_uuid"], "TextEdit",
                                   {"IsMultiline": False, "UseHtml": False}, not_null=True,
                                   constraint_message=REQUIRED_FR),
    }
    main: List[Any] = ["response_uuid"]
    if "centrality_code" in columns:
        fields["centrality_code"] = FieldSpec(
            "centrality_code", CHILD_ALIASES["centrality_code"], "ValueRelation",
            centrality_relation(), not_null=table_name == VISITS,
            constraint_message=REQUIRED_FR if table_name == VISITS else "")
        main.append("centrality_code")
    if "centrality_uuid" in columns:
        fields["centrality_uuid"] = _hidden("centrality_uuid", CHILD_ALIASES["centrality_uuid"])
    template = build_questionnaire([("template", "template")])
    if table_name == VISITS:
        for question in template.questions():
            column = question.storage_column
            if question.centrality is None or question.type == SELECT_MULTIPLE \
                    or column not in columns or column in fields:
                continue
            alias = _generic_label(question)
            relevance = condition_expression(_strip_centrality(question.relevant), columns)
            spec = _question_field(question, None, columns, template)
            spec.alias = alias
            if question.required:
                body = f"{_column(column)} IS NOT NULL"
                spec.constraint = body if relevance is None else f"NOT ({relevance}) OR {body}"
                spec.constraint_message = REQUIRED_FR
            fields[column] = spec
            if relevance:
                main.append(ContainerSpec(column, [column], relevance, group_box=True))
            else:
                main.append(column)
    else:
        names = multi_questions(template)
        fields["question"] = FieldSpec(
            "question", CHILD_ALIASES["question"], "ValueMap",
            {"map": [{_generic_label(template.question(_question_name(template, n))): n}
                     for n in names]},
            not_null=True, constraint_message=REQUIRED_FR)
        fields["choice"] = FieldSpec(
            "choice", CHILD_ALIASES["choice"], "TextEdit",
            {"IsMultiline": False, "UseHtml": False}, not_null=True,
            constraint_message=REQUIRED_FR)
        main += ["question", "choice"]
    return FormSpec(table_name, fields, [ContainerSpec("Réponse", main)])


def _generic_label(question) -> str:
    """A per-centrality question's label without its centrality prefix ("X : question")."""
    label = question.label_fr.split(" : ", 1)[-1]
    return label[:1].upper() + label[1:]


def _question_name(questionnaire: Questionnaire, storage: str) -> str:
    for question in questionnaire.questions():
        if question.storage_column == storage:
            return question.name
    raise KeyError(storage)


def _strip_centrality(condition: Optional[Condition]) -> Optional[Condition]:
    """A per-centrality condition rewritten on the visits table's shared columns."""
    if isinstance(condition, OneOf):
        return OneOf(condition.question.split("__", 1)[0], condition.values)
    if isinstance(condition, Equals):
        return Equals(condition.question.split("__", 1)[0], condition.value)
    return condition


def form_spec(table: str = RESPONSES, questionnaire: Optional[Questionnaire] = None) -> FormSpec:
    """The form of one questionnaire table (``survey_responses`` and its two child tables)."""
    questionnaire = questionnaire or build_questionnaire(())
    if table == RESPONSES:
        return _responses_spec(questionnaire)
    if table in (VISITS, MULTI):
        return _child_spec(questionnaire, table)
    raise ValueError(f"no questionnaire form for table {table!r}")


FORM_TABLES = (RESPONSES, VISITS, MULTI)


# ---------------------------------------------------------------------------------------------
# QGIS side (imports qgis.core lazily: the store never needs it at run time)
# ---------------------------------------------------------------------------------------------

_QVARIANT_TYPES = {"TEXT": "String", "INTEGER": "LongLong", "DATETIME": "DateTime",
                   "REAL": "Double"}


def memory_layer(table: str):
    """An empty memory layer with the columns of a questionnaire table (for style export)."""
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layout = {t.name: t for t in table_layout()}[table]
    layer = QgsVectorLayer("None", table, "memory")
    provider = layer.dataProvider()
    qgs_fields = [QgsField("fid", QVariant.LongLong)]
    for column in layout.columns:
        kind = getattr(QVariant, _QVARIANT_TYPES[column.sql_type])
        qgs_fields.append(QgsField(column.name, kind))
    provider.addAttributes(qgs_fields)
    layer.updateFields()
    return layer


def apply_to_layer(layer, spec: FormSpec, relation_manager=None) -> None:
    """Configure widgets, aliases, defaults, constraints and tabs of ``layer`` from ``spec``.

    ``relation_manager`` (a project's) resolves the relation editors of the spec; without it,
    or when the relation is unknown, an editor keeps its relation id and resolves once the layer
    is in a project holding that relation.
    """
    from qgis.core import (
        QgsAttributeEditorContainer,
        QgsAttributeEditorField,
        QgsAttributeEditorRelation,
        QgsDefaultValue,
        QgsEditFormConfig,
        QgsEditorWidgetSetup,
        QgsExpression,
        QgsFieldConstraints,
        QgsOptionalExpression,
        QgsRelation,
    )

    fields = layer.fields()
    fid = fields.indexOf("fid")
    if fid >= 0:
        layer.setEditorWidgetSetup(fid, QgsEditorWidgetSetup("Hidden", {}))
    for name, item in spec.fields.items():
        index = fields.indexOf(name)
        if index < 0:
            raise ValueError(f"{spec.table} has no column {name!r}")
        layer.setFieldAlias(index, item.alias)
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(item.widget, item.config))
        if item.default:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(item.default,
                                                                   item.default_on_update))
        if item.not_null:
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
        if item.constraint:
            layer.setConstraintExpression(index, item.constraint, item.constraint_message)
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintExpression,
                                     QgsFieldConstraints.ConstraintStrengthHard)
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.TabLayout)
    config.clearTabs()
    for name, item in spec.fields.items():
        index = fields.indexOf(name)
        config.setReadOnly(index, not item.editable)
        config.setLabelOnTop(index, item.label_on_top)

    def build(container_spec, parent):
        container = QgsAttributeEditorContainer(container_spec.name, parent)
        container.setIsGroupBox(container_spec.group_box)
        if container_spec.group_box:
            container.setShowLabel(False)
        container.setColumnCount(1)
        if container_spec.visibility:
            container.setVisibilityExpression(
                QgsOptionalExpression(QgsExpression(container_spec.visibility)))
        for child in container_spec.children:
            if isinstance(child, ContainerSpec):
                container.addChildElement(build(child, container))
            elif isinstance(child, RelationEditorSpec):
                relation = (relation_manager.relation(child.relation_id)
                            if relation_manager is not None else QgsRelation())
                if relation.isValid():
                    element = QgsAttributeEditorRelation(relation, container)
                else:
                    element = QgsAttributeEditorRelation(child.relation_id, container)
                element.setLabel(child.label)
                element.setShowLabel(True)
                element.setRelationWidgetTypeId("relation_editor")
                if child.buttons:
                    element.setRelationEditorConfiguration(
                        {"buttons": child.buttons, "show_first_feature": True})
                container.addChildElement(element)
            else:
                container.addChildElement(
                    QgsAttributeEditorField(child, fields.indexOf(child), container))
        return container

    for tab in spec.tabs:
        config.addTab(build(tab, None))
    layer.setEditFormConfig(config)


def style_qml(table: str, questionnaire: Optional[Questionnaire] = None) -> str:
    """The QML (fields and form categories) of a questionnaire table's form."""
    from qgis.core import QgsMapLayer, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    layer = memory_layer(table)
    apply_to_layer(layer, form_spec(table, questionnaire))
    document = QDomDocument("qgis")
    categories = QgsMapLayer.StyleCategories(QgsMapLayer.Fields | QgsMapLayer.Forms)
    error = layer.exportNamedStyle(document, QgsReadWriteContext(), categories)
    if error:
        raise RuntimeError(tr("cannot export the {table} form: {error}").format(
            table=table, error=error))
    return document.toString(1)


__all__ = ["FORM_TABLES", "FormSpec", "FieldSpec", "ContainerSpec", "QUESTIONNAIRE_VERSION",
           "RelationEditorSpec",
           "apply_to_layer", "condition_expression", "form_spec", "style_qml",
           "visibility_expression"]
