"""Atlas PDF: one page per centrality, with a map of premises coloured by status over the
centrality, that centrality's vacancy table and its catchment and market indicators, laid out
from resources/templates/*.qpt."""

from __future__ import annotations

import math
import re
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
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
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
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtXml import QDomDocument

from ..__about__ import PLUGIN_DIR
from ..i18n import noop, tr
from ..store import indicators
from ..store.readers import offer as offer_readers

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
    observed = offer_readers.premises_observed(conn, campaign_uuid, language)
    data = [(QgsGeometry.fromPointXY(QgsPointXY(r.x, r.y)),
             (r.uuid, r.status, r.status_label, r.sign_name))
            for r in observed.itertuples(index=False)]
    layer = _memory_layer(
        f"Point?crs=EPSG:{srs}&field=uuid:string&field=status:string&field=status_label:string"
        "&field=sign_name:string", tr("Premises by status"), data)
    categories = []
    for code, label in offer_readers.status_labels(conn, language):
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


# ------------------------------------------------------------ catchment and market indicators
MARKET_PREFIXES = ("catchment_", "huff_", "site_potential_")
MARKET_WIDTHS = (37.0, 9.0, 13.0)  # label, value, unit (mm): 64 mm frames with the margins
MARKET_ROWS_PER_PAGE = 70  # about what the template's two frames hold (one-line labels)
CATCHMENT_CODE = re.compile(r"^catchment_(?P<measure>.+)_(?P<mode>walk|car)_"
                            r"(?P<band>\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?P<unit>min|m)$")
# what network_catchments counts, in the order the atlas lists them
MEASURES = {
    "population": noop("Population"),
    "households": noop("Households"),
    "age_0_17": noop("Aged 0-17"),
    "age_18_24": noop("Aged 18-24"),
    "age_25_64": noop("Aged 25-64"),
    "age_65p": noop("Aged 65+"),
    "premises": noop("Premises"),
    "vacant_premises": noop("Vacant premises"),
    "services": noop("Services"),
}
REACH = {
    ("walk", "min"): noop("{measure} within {band} min walk"),
    ("car", "min"): noop("{measure} within {band} min drive"),
    ("walk", "m"): noop("{measure} within {band} m walk"),
    ("car", "m"): noop("{measure} within {band} m drive"),
}
OTHER_LABELS = {
    "huff_market_share": noop("Huff: market share"),
    "huff_expected_demand": noop("Huff: expected demand"),
    "site_potential_best_score": noop("Site potential: best score"),
    "site_potential_candidates": noop("Site potential: vacant premises scored"),
}
UNITS = {
    "inhabitants": noop("inhabitants"), "households": noop("households"),
    "age_0_17": noop("inhabitants"), "age_18_24": noop("inhabitants"),
    "age_25_64": noop("inhabitants"), "age_65p": noop("inhabitants"),
    "premises": noop("premises"), "vacant_premises": noop("premises"),
    "services": noop("services"), "points": noop("points /100"), "euros": noop("euros"),
    "demand points": noop("demand points"),
}


def market_indicators(conn) -> list:
    """Each centrality's latest catchment_*, huff_* and site_potential_* indicators: dicts
    ``centrality_uuid``, ``indicator``, ``period``, ``value``, ``unit`` (latest = the last
    period, then the last computed)."""
    return indicators.latest(conn, MARKET_PREFIXES)


def _band_text(band: str, locale: QLocale) -> str:
    return locale.toString(float(band), "g", 6)


def indicator_label(code: str, locale: QLocale | None = None) -> str:
    """Human, translated label of a catchment / Huff / site potential indicator code, e.g.
    ``catchment_population_walk_10min`` → "Population within 10 min walk"."""
    locale = locale or QLocale()
    if code in OTHER_LABELS:
        return tr(OTHER_LABELS[code])
    match = CATCHMENT_CODE.match(code)
    if match is None:
        return code
    measure = match["measure"]
    measure = tr(MEASURES[measure]) if measure in MEASURES else measure.replace("_", " ")
    return tr(REACH[(match["mode"], match["unit"])]).format(
        measure=measure, band=_band_text(match["band"], locale))


def _sort_key(code: str) -> tuple:
    match = CATCHMENT_CODE.match(code)
    if match is not None:
        measures = list(MEASURES)
        rank = measures.index(match["measure"]) if match["measure"] in measures else len(measures)
        return (2, ("walk", "car").index(match["mode"]), ("min", "m").index(match["unit"]),
                rank, match["measure"], float(match["band"]), "")
    others = list(OTHER_LABELS)
    family = 0 if code.startswith("huff_") else 1 if code.startswith("site_potential_") else 3
    return (family, 0, 0, others.index(code) if code in others else len(others), "", 0.0, code)


def rounded(value, unit: str | None):
    """A value rounded for print: 1 decimal for % and scores; whole numbers from 100 up; 1
    decimal from 10, 2 below (counts that are whole stay whole)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    value = float(value)
    if unit in ("%", "points"):
        return round(value, 1)
    if abs(value) >= 100 or value == int(value):
        return float(round(value))
    return round(value, 1 if abs(value) >= 10 else 2)


def format_value(value, locale: QLocale) -> str:
    """``rounded`` value written with the locale's separators (no trailing zeros)."""
    if value is None:
        return "–"
    text = locale.toString(float(value), "f", 2)
    decimal = locale.decimalPoint()
    if decimal in text:
        text = text.rstrip("0").rstrip(decimal)
    return text


def market_layer(indicators: list, language: str = "en") -> QgsVectorLayer:
    """The catchment and market indicators as a geometry-less layer, one row per centrality
    and indicator, in reading order: Huff, site potential, then the catchments (walk before
    car, then by measure and band), so that what a full page cuts is driving catchments.
    Fields: centrality_uuid, indicator, label, value (rounded), value_text, unit."""
    locale = QLocale(language)
    data = []
    for r in sorted(indicators, key=lambda r: (r["centrality_uuid"], _sort_key(r["indicator"]))):
        value = rounded(r["value"], r["unit"])
        unit = r["unit"] or ""
        data.append((None, (r["centrality_uuid"], r["indicator"],
                            indicator_label(r["indicator"], locale), value,
                            format_value(value, locale),
                            tr(UNITS[unit]) if unit in UNITS else unit)))
    return _memory_layer(
        "None?field=centrality_uuid:string&field=indicator:string&field=label:string"
        "&field=value:double&field=value_text:string&field=unit:string",
        tr("Catchment and market"), data)


def build_layout(project: QgsProject, path: str, centralities: QgsVectorLayer,
                 premises: QgsVectorLayer, roads: QgsVectorLayer, vacancy: QgsVectorLayer,
                 subtitle: str, market: QgsVectorLayer | None = None) -> QgsPrintLayout:
    """The atlas layout; ``market`` (from :func:`market_layer`) feeds the table
    ``catchment_table`` when the template has one (a template without it still prints)."""
    market = market if market is not None else market_layer([])
    for layer in (centralities, premises, roads, vacancy, market):
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
    QgsLegendRenderer.setNodeLegendStyle(root.addLayer(premises), QgsLegendStyle.Hidden)
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
    market_frame = layout.itemById("catchment_table")
    if market_frame is not None and isinstance(market_frame.multiFrame(),
                                               QgsLayoutItemAttributeTable):
        _feed_market_table(market_frame.multiFrame(), market)
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


def _feed_market_table(table: QgsLayoutItemAttributeTable, market: QgsVectorLayer) -> None:
    """The "Catchment and market" table: this centrality's rows; hidden when it has none."""
    table.setVectorLayer(market)
    columns = []
    for field, heading, width in (("label", tr("Catchment and market"), MARKET_WIDTHS[0]),
                                  ("value_text", tr("Value"), MARKET_WIDTHS[1]),
                                  ("unit", tr("Unit"), MARKET_WIDTHS[2])):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        column.setWidth(width)
        columns.append(column)
    columns[1].setHAlignment(Qt.AlignRight)
    _set_columns(table, columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"centrality_uuid\" = attribute(@atlas_feature, 'uuid')")
    table.setMaximumNumberOfFeatures(100)
    table.setEmptyTableBehavior(QgsLayoutTable.HideTable)
    table.setWrapBehavior(QgsLayoutTable.WrapText)  # an over-long label takes two lines


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
