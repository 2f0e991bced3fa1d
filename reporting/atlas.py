"""Atlas PDF: one page per centrality, with a map of premises coloured by status over the
centrality and that centrality's vacancy table, laid out from resources/templates/*.qpt."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutTableColumn,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..__about__ import PLUGIN_DIR
from ..i18n import tr
from ..store import geometry

TEMPLATE = PLUGIN_DIR / "resources" / "templates" / "atlas_centrality.qpt"
STATUS_COLOURS = {"occupied": "#1a9850", "vacant": "#d73027", "works": "#fdae61",
                  "other_use": "#4575b4", "demolished": "#404040"}


class AtlasError(RuntimeError):
    pass


def _memory_layer(uri: str, name: str, fields_rows) -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, name, "memory")
    features = []
    for geom, attrs in fields_rows:
        f = QgsFeature(layer.fields())
        if geom is not None:
            f.setGeometry(geom)
        f.setAttributes(list(attrs))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def premises_layer(conn, campaign_uuid: str, srs: int, language: str) -> QgsVectorLayer:
    """Premises observed in ``campaign_uuid`` with their status (code and label)."""
    label_col = "label_fr" if language == "fr" else "label_en"
    rows = conn.execute(
        f"SELECT p.uuid, o.status, s.{label_col} AS label, o.sign_name, p.geom "
        "FROM premise_observations o JOIN premises p ON p.uuid = o.premise_uuid "
        "LEFT JOIN observation_statuses s ON s.code = o.status WHERE o.campaign_uuid = ?",
        (campaign_uuid,)).fetchall()
    data = []
    for r in rows:
        if r["geom"] is None:
            continue
        x, y = geometry.decode(r["geom"])[1]
        data.append((QgsGeometry.fromPointXY(QgsPointXY(x, y)),
                     (r["uuid"], r["status"], r["label"] or r["status"], r["sign_name"])))
    layer = _memory_layer(
        f"Point?crs=EPSG:{srs}&field=uuid:string&field=status:string&field=status_label:string"
        "&field=sign_name:string", tr("Premises by status"), data)
    statuses = conn.execute(f"SELECT code, {label_col} FROM observation_statuses "
                            "ORDER BY sort_order").fetchall()
    categories = []
    for code, label in statuses:
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": STATUS_COLOURS.get(code, "#999999"), "size": "1.8",
            "outline_color": "#ffffff", "outline_width": "0.15"})
        categories.append(QgsRendererCategory(code, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    return layer


def vacancy_layer(table) -> QgsVectorLayer:
    """The vacancy table (one row per centrality × campaign) as a geometry-less layer."""
    data = []
    for r in table.itertuples(index=False):
        rate = None if r.vacancy_rate is None or r.vacancy_rate != r.vacancy_rate \
            else round(float(r.vacancy_rate), 1)
        data.append((None, (r.centrality_uuid, r.campaign, int(r.premises), int(r.vacant), rate)))
    return _memory_layer(
        "None?field=centrality_uuid:string&field=campaign:string&field=premises:integer"
        "&field=vacant:integer&field=vacancy_rate:double", tr("Vacancy"), data)


def build_layout(project: QgsProject, path: str, centralities: QgsVectorLayer,
                 premises: QgsVectorLayer, roads: QgsVectorLayer, vacancy: QgsVectorLayer,
                 subtitle: str) -> QgsPrintLayout:
    for layer in (centralities, premises, roads, vacancy):
        if not layer.isValid():
            raise AtlasError(tr("Layer {name} of {path} could not be loaded.").format(
                name=layer.name(), path=path))
        project.addMapLayer(layer)
    centralities.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "255,255,255,0", "outline_color": "#542788", "outline_width": "0.6"})))
    roads.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({
        "color": "#bdbdbd", "width": "0.25"})))
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    if not document.setContent(TEMPLATE.read_text(encoding="utf-8")):
        raise AtlasError(tr("The atlas template {path} is not valid XML.").format(path=TEMPLATE))
    layout.loadFromTemplate(document, QgsReadWriteContext())
    layout.setName(tr("Vacancy atlas"))
    item_map = layout.itemById("map")
    legend = layout.itemById("legend")
    frame = layout.itemById("vacancy_table")
    if not isinstance(item_map, QgsLayoutItemMap) or not isinstance(legend, QgsLayoutItemLegend) \
            or frame is None or not isinstance(frame.multiFrame(), QgsLayoutItemAttributeTable):
        raise AtlasError(tr("The atlas template {path} lacks the items map, legend and "
                            "vacancy_table.").format(path=TEMPLATE))
    item_map.setLayers([premises, centralities, roads])
    item_map.setKeepLayerSet(True)
    item_map.setAtlasDriven(True)
    item_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    item_map.setAtlasMargin(0.15)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    root.addLayer(premises)
    legend.setTitle(tr("Status of the premises"))
    table = frame.multiFrame()
    table.setVectorLayer(vacancy)
    columns = []
    for field, heading in (("campaign", tr("Campaign")), ("premises", tr("Premises")),
                           ("vacant", tr("Vacant")), ("vacancy_rate", tr("Vacancy rate (%)"))):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        columns.append(column)
    _set_columns(table, columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"centrality_uuid\" = attribute(@atlas_feature, 'uuid')")
    table.setMaximumNumberOfFeatures(50)
    for item_id, text in (("subtitle", subtitle), ("footer", tr(
            "Observatoire du commerce – source: {file} – printed [% format_date(now(), "
            "'yyyy-MM-dd') %] – page [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]")
            .format(file=Path(path).name))):
        label = layout.itemById(item_id)
        if isinstance(label, QgsLayoutItemLabel):
            label.setText(text)
    atlas = layout.atlas()
    atlas.setCoverageLayer(centralities)
    atlas.setPageNameExpression("\"name\"")
    atlas.setSortFeatures(True)
    atlas.setSortExpression("\"name\"")
    atlas.setEnabled(True)
    return layout


def _set_columns(table, columns) -> None:
    if hasattr(table, "setColumns"):
        table.setColumns(columns)
    else:  # pragma: no cover - older API
        table.columns()[:] = columns


def export_pdf(layout: QgsLayout, output: str, feedback=None) -> int:
    """Export the atlas to one PDF; returns the number of pages written."""
    atlas = layout.atlas()
    if not atlas.beginRender():
        raise AtlasError(tr("The atlas has no feature to print."))
    pages = atlas.count()
    atlas.endRender()
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    result, error = QgsLayoutExporter.exportToPdf(atlas, output, settings)
    if result != QgsLayoutExporter.Success:
        raise AtlasError(tr("The atlas could not be exported to {path}: {error}").format(
            path=output, error=error))
    return pages
