"""Turn a declarative :class:`~survey_forms.inventory_form.LayerForm` into a QGIS edit form.

Uses the QGIS API only (``qgis.core``): the drag-and-drop layout is made of
``QgsAttributeEditorContainer`` tabs, widgets are ``QgsEditorWidgetSetup``, constraints go through
``setConstraintExpression`` / ``setFieldConstraint``, defaults through ``QgsDefaultValue``. The
result can be exported as QML (:func:`form_qml`), which is what ``layer_styles`` stores.
"""

from __future__ import annotations

import json

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFieldConstraints,
    QgsMapLayer,
    QgsOptionalExpression,
    QgsReadWriteContext,
    QgsRelation,
    QgsRelationContext,
)
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr
from .inventory_form import (
    ATTACHMENT,
    RELATIONS,
    TEXT,
    VALUE_MAP,
    LayerForm,
    Relation,
    RelationItem,
)

# QGIS's value-map spelling of "no value" (an entry whose code is this placeholder).
NULL_VALUE_MAP_CODE = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
STYLE_CATEGORIES = (QgsMapLayer.Fields | QgsMapLayer.Forms | QgsMapLayer.AttributeTable
                    | QgsMapLayer.CustomProperties | QgsMapLayer.Relations)


def value_map(values, *, allow_null: bool) -> dict:
    """ValueMap widget config from (code, label) pairs, in order; NULL first when allowed."""
    entries = [{"<NULL>": NULL_VALUE_MAP_CODE}] if allow_null else []
    entries += [{label or code: code} for code, label in values]
    return {"map": entries}


def widget_config(item, domains: dict) -> dict:
    config = dict(item.config)
    if item.widget == VALUE_MAP and item.domain:
        values = domains.get(item.domain)
        if values is None:
            raise KeyError(f"the GeoPackage has no domain {item.domain!r} for field "
                           f"{item.name!r}")
        config = value_map(values, allow_null=not item.required)
    elif item.widget == TEXT:
        config = {"IsMultiline": bool(item.multiline), "UseHtml": False, **config}
    return config


def apply_form(layer, form: LayerForm, domains: dict, relation_manager=None) -> None:
    """Configure ``layer``'s fields and edit form from ``form``.

    ``domains`` maps a domain name to its (code, label) pairs (see
    :func:`store.inventory_styles.domains`). ``relation_manager``, when given, resolves the
    relation editors placed in tabs (a project's relations); without it they keep their id and
    resolve when the layer is added to a project holding the relation. Exported XML goes through
    :func:`restore_relation_ids` (see there).
    """
    fields = layer.fields()
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.TabLayout)
    root = config.invisibleRootContainer()
    root.clear()
    for tab in form.tabs:
        container = QgsAttributeEditorContainer(tab.label_fr, root)
        container.setIsGroupBox(False)
        container.setColumnCount(1)
        if tab.visibility:
            container.setVisibilityExpression(
                QgsOptionalExpression(QgsExpression(tab.visibility), True))
        for entry in tab.items:
            if isinstance(entry, RelationItem):
                relation = (relation_manager.relation(entry.relation_id)
                            if relation_manager is not None else QgsRelation())
                if relation.isValid():
                    element = QgsAttributeEditorRelation(relation, container)
                else:  # resolved by id once the layer is in a project holding the relation
                    element = QgsAttributeEditorRelation(entry.relation_id, container)
                element.setLabel(entry.label_fr)
                element.setShowLabel(True)
            else:
                index = fields.indexOf(entry)
                if index < 0:
                    raise KeyError(f"{form.table} has no column {entry!r}")
                element = QgsAttributeEditorField(entry, index, container)
            container.addChildElement(element)
        root.addChildElement(container)
    for item in form.fields:
        index = fields.indexOf(item.name)
        if index < 0:
            raise KeyError(f"{form.table} has no column {item.name!r}")
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(
            item.widget, widget_config(item, domains)))
        layer.setFieldAlias(index, item.label_fr)
        config.setReadOnly(index, not item.editable)
        if item.default:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(item.default,
                                                                   item.apply_on_update))
        if item.required:
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
        if item.constraint:
            layer.setConstraintExpression(index, item.constraint.expression,
                                          item.constraint.message_fr)
            layer.setFieldConstraint(
                index, QgsFieldConstraints.ConstraintExpression,
                QgsFieldConstraints.ConstraintStrengthSoft if item.constraint.soft
                else QgsFieldConstraints.ConstraintStrengthHard)
    layer.setEditFormConfig(config)
    layer.setDisplayExpression(form.display_expression)
    if form.attachment_naming:
        naming = json.dumps(form.attachment_naming)
        layer.setCustomProperty("QFieldSync/attachment_naming", naming)
        layer.setCustomProperty("QFieldSync/photo_naming", naming)  # QField < 2.7
    attachments = [f.name for f in form.fields if f.widget == ATTACHMENT]
    if attachments:
        layer.setCustomProperty("QFieldSync/attachment_fields", json.dumps(attachments))


def make_relation(definition: Relation, referencing_layer, referenced_layer,
                  project=None) -> QgsRelation:
    """A QgsRelation of ``project`` (its layers must be in it for the relation to be valid)."""
    relation = QgsRelation(QgsRelationContext(project)) if project is not None else QgsRelation()
    relation.setId(definition.id)
    relation.setName(definition.name)
    relation.setReferencingLayer(referencing_layer.id())
    relation.setReferencedLayer(referenced_layer.id())
    relation.addFieldPair(definition.referencing_field, definition.referenced_field)
    relation.setStrength(QgsRelation.Composition if definition.composition
                         else QgsRelation.Association)
    return relation


def restore_relation_ids(qgs_text: str, relation_ids) -> str:
    """XML (project or QML) with every relation editor's empty ``relation`` attribute set back.

    QGIS 3.22 resolves a form's relation editors against the application's project when the form
    is set on a layer, so a layer of a private project exports them with an empty relation id;
    the element's name is the relation id (see :func:`apply_form`).
    """
    document = QDomDocument()
    ok, message, line, _column = document.setContent(qgs_text)
    if not ok:
        raise RuntimeError(tr("unreadable project XML ({error}, line {line})").format(
            error=message, line=line))
    known = set(relation_ids)
    nodes = document.elementsByTagName("attributeEditorRelation")
    for index in range(nodes.count()):
        element = nodes.at(index).toElement()
        if not element.attribute("relation") and element.attribute("name") in known:
            element.setAttribute("relation", element.attribute("name"))
    return document.toString(1)


def form_qml(layer, categories=STYLE_CATEGORIES) -> str:
    """The layer's style (fields, form, attribute table, custom properties) as QML text."""
    document = QDomDocument("qgis")
    message = layer.exportNamedStyle(document, QgsReadWriteContext(), categories)
    if message:
        raise RuntimeError(tr("could not export the style of {layer}: {error}").format(
            layer=layer.name(), error=message))
    return restore_relation_ids(document.toString(1), [r.id for r in RELATIONS])


def _symbology(layer) -> None:
    from qgis.core import QgsFillSymbol, QgsMarkerSymbol, QgsSingleSymbolRenderer

    if layer.name() == "premises":
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": "232,113,30,255", "outline_color": "255,255,255,255",
            "size": "2.4"})
    elif layer.name() == "centralities":
        symbol = QgsFillSymbol.createSimple({
            "color": "31,120,180,40", "outline_color": "31,120,180,255",
            "outline_width": "0.6"})
    else:
        return
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def form_layers(gpkg_path, domains: dict, forms=None, relations=None):
    """A throw-away ``QgsProject`` holding one configured layer per form, with the relations.

    Returns ``(project, {table: layer})``; the caller keeps the project alive while it uses the
    layers.
    """
    from qgis.core import QgsProject, QgsVectorLayer

    from .inventory_form import FORMS

    forms = FORMS if forms is None else forms
    relations = RELATIONS if relations is None else relations
    project = QgsProject()
    layers = {}
    for table in forms:
        layer = QgsVectorLayer(f"{gpkg_path}|layername={table}", table, "ogr")
        if not layer.isValid():
            raise RuntimeError(tr("{path}: the table {table} cannot be loaded as a layer").format(
                path=gpkg_path, table=table))
        layers[table] = layer
    project.addMapLayers(list(layers.values()))
    for definition in relations:
        if definition.referencing_table in layers and definition.referenced_table in layers:
            project.relationManager().addRelation(make_relation(
                definition, layers[definition.referencing_table],
                layers[definition.referenced_table], project))
    for table, layer in layers.items():
        apply_form(layer, forms[table], domains, project.relationManager())
        _symbology(layer)
    return project, layers


def generate_styles(gpkg_path, domains: dict, out_dir) -> dict:
    """Write ``<table>.qml`` for every inventory form into ``out_dir``; returns table -> path."""
    from pathlib import Path

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    project, layers = form_layers(gpkg_path, domains)
    written = {}
    try:
        for table, layer in layers.items():
            path = out_dir / f"{table}.qml"
            path.write_text(form_qml(layer, STYLE_CATEGORIES | QgsMapLayer.Symbology) + "\n",
                            encoding="utf-8")
            written[table] = path
    finally:
        project.clear()
    return written
