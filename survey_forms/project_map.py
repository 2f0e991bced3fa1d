"""The map of a built project: its opening extent and a background drawn from the socle itself.

A project written headless carries no map canvas: QGIS opens it on an empty extent at 1:1 and
QField on nothing an agent can find the streets by. Every project the plugin writes therefore
gets

- a **background** that needs no network: the socle's own ``roads`` styled as a street map
  (cased lines whose width and colour follow ``road_class``, on a light beige canvas) and, where
  the project's data is a subset of the territory (a field package), the outlines and names of
  every centrality of the territory;
- an **opening extent**: the union of the extents of the project's data layers (premises,
  centralities; the background roads only when those are empty), widened by
  :data:`MARGIN_RATIO` of its largest side and at least :data:`MIN_MARGIN` metres. It is stored
  twice: as the project's default view extent (``QgsProjectViewSettings``, read by QGIS when a
  project has no map canvas) and as the ``<mapcanvas name="theMapCanvas">`` element QGIS desktop
  and QField read when they open a project (:func:`add_map_canvas`).

Only ``qgis.core``; the layers are built on the caller's private ``QgsProject``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransformContext,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapSettings,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr

BACKGROUND_GROUP = "Fond de plan"
ROADS_LAYER = "Rues"
OUTLINES_LAYER = "Centralités du territoire"
BACKGROUND_FILE = "fond_de_plan.gpkg"
CANVAS_COLOUR = QColor(242, 239, 233)
MARGIN_RATIO = 0.08
MIN_MARGIN = 100.0  # metres (projected CRS)

# road_class → (casing colour, fill colour, fill width in mm, casing extra width in mm)
ROAD_STYLES = {
    "motorway": ("#b06a2b", "#f7a35c", 1.6, 0.5),
    "trunk": ("#b06a2b", "#f9b974", 1.4, 0.5),
    "primary": ("#a88a3b", "#fcd680", 1.3, 0.45),
    "secondary": ("#a09a66", "#f7f3b0", 1.1, 0.4),
    "tertiary": ("#9d9d9d", "#ffffff", 1.0, 0.35),
    "residential": ("#b8b8b8", "#ffffff", 0.8, 0.3),
    "service": ("#c4c4c4", "#ffffff", 0.45, 0.25),
    "pedestrian": ("#a89ca8", "#ebe3ee", 0.8, 0.3),
    "footway": (None, "#e07b6a", 0.3, 0.0),
    "cycleway": (None, "#5b7ed8", 0.3, 0.0),
}
OTHER_ROAD = ("#c4c4c4", "#ffffff", 0.6, 0.25)
# legend labels of the road classes (the projects are French, as their layer names)
ROAD_LABELS = {
    "motorway": "Autoroute", "trunk": "Voie rapide", "primary": "Route principale",
    "secondary": "Route secondaire", "tertiary": "Route tertiaire", "residential": "Rue",
    "service": "Voie de desserte", "pedestrian": "Rue piétonne", "footway": "Chemin piéton",
    "cycleway": "Piste cyclable",
}
# label fonts, the first installed is used (a font missing where the project opens only
# makes QGIS warn and substitute)
LABEL_FONTS = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial")


def _road_symbol(casing, fill, width, extra) -> QgsLineSymbol:
    symbol = QgsLineSymbol.createSimple({"line_color": fill, "line_width": str(width),
                                         "capstyle": "round", "joinstyle": "round"})
    if casing:
        under = QgsLineSymbol.createSimple({"line_color": casing,
                                            "line_width": str(width + 2 * extra),
                                            "capstyle": "round", "joinstyle": "round"})
        symbol.insertSymbolLayer(0, under.symbolLayer(0).clone())
    return symbol


def style_roads(layer: QgsVectorLayer) -> None:
    """Street-map style: categories on ``road_class``, casings drawn under every fill."""
    categories = []
    for code, style in ROAD_STYLES.items():
        categories.append(QgsRendererCategory(code, _road_symbol(*style), ROAD_LABELS[code]))
    categories.append(QgsRendererCategory(None, _road_symbol(*OTHER_ROAD), "Autre voie"))
    renderer = QgsCategorizedSymbolRenderer("road_class", categories)
    # symbol levels: every casing (pass 0) under every fill, the fills of major roads on top
    rank = {code: len(ROAD_STYLES) - i for i, code in enumerate(ROAD_STYLES)}
    for category in renderer.categories():
        symbol = category.symbol()
        last = symbol.symbolLayerCount() - 1
        for index in range(last + 1):
            symbol.symbolLayer(index).setRenderingPass(
                1 + rank.get(category.value(), 0) if index == last else 0)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    layer.setReadOnly(True)


def style_outlines(layer: QgsVectorLayer, *, dashed: bool = False) -> None:
    """Centralities as outlines (no fill) labelled with their name."""
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "outline_color": "120,60,140,255" if dashed else "31,120,180,255",
        "outline_width": "0.5", "outline_style": "dash" if dashed else "solid"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    label_names(layer, dark=QColor(60, 40, 80) if dashed else QColor(20, 70, 110))


def label_names(layer: QgsVectorLayer, dark: QColor | None = None) -> None:
    """Label the features of ``layer`` with their ``name`` (dark text, white halo)."""
    label = QgsPalLayerSettings()
    label.fieldName = "name"
    label.enabled = True
    text = QgsTextFormat()
    families = set(QFontDatabase().families())
    family = next((f for f in LABEL_FONTS if f in families), None)
    if family:
        text.setFont(QFont(family))
    text.setSize(9)
    text.setColor(dark or QColor(20, 70, 110))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    label.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(label))
    layer.setLabelsEnabled(True)


def data_extent(layers, fallback_layers=()) -> QgsRectangle:
    """Union of the non-empty extents of ``layers`` (else of ``fallback_layers``), widened by
    ``max(MIN_MARGIN, MARGIN_RATIO × largest side)`` on every side; a null rectangle when every
    layer is empty."""
    for group in (layers, fallback_layers):
        rect = QgsRectangle()
        rect.setMinimal()
        found = False
        for layer in group:
            if layer is None or not layer.isValid() or layer.featureCount() == 0:
                continue
            layer.updateExtents()
            extent = layer.extent()
            if extent.isNull():
                continue
            rect.combineExtentWith(extent)
            found = True
        if found:
            margin = max(MIN_MARGIN, MARGIN_RATIO * max(rect.width(), rect.height()))
            return QgsRectangle(rect.xMinimum() - margin, rect.yMinimum() - margin,
                                rect.xMaximum() + margin, rect.yMaximum() + margin)
    return QgsRectangle()


def set_view(project, extent: QgsRectangle) -> None:
    """The default view extent of ``project`` (in its CRS) and its canvas colour."""
    project.setBackgroundColor(CANVAS_COLOUR)
    if not extent.isNull():
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))


def add_background(project, source_path, *, outlines: bool) -> list:
    """Add the background group (bottom of the legend) with the roads of ``source_path`` and,
    when ``outlines``, the outlines of its centralities; returns the layers added (the roads
    layer is left out when ``source_path`` has no roads table)."""
    added = []
    roads = QgsVectorLayer(f"{source_path}|layername=roads", ROADS_LAYER, "ogr")
    if roads.isValid():
        style_roads(roads)
        added.append(roads)
    if outlines:
        centralities = QgsVectorLayer(f"{source_path}|layername=centralities", OUTLINES_LAYER,
                                      "ogr")
        if centralities.isValid():
            style_outlines(centralities, dashed=True)
            centralities.setReadOnly(True)
            added.insert(0, centralities)
    if not added:
        return added
    project.addMapLayers(added, False)
    root = project.layerTreeRoot()
    group = root.addGroup(BACKGROUND_GROUP)
    for layer in added:
        group.addLayer(layer).setExpanded(False)  # a background: its classes folded away
    return added


def write_background_file(source_path, target_path, extent: QgsRectangle) -> Path:
    """Copy the roads of ``source_path`` crossing ``extent`` and all its centralities into a new
    GeoPackage ``target_path`` (the field package's background: read only, never synchronised).
    """
    target_path = Path(target_path)
    context = QgsCoordinateTransformContext()
    for index, table in enumerate(("roads", "centralities")):
        layer = QgsVectorLayer(f"{source_path}|layername={table}", table, "ogr")
        if not layer.isValid():
            continue
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        if table == "roads" and not extent.isNull():
            options.filterExtent = extent
        if index and target_path.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(target_path), context,
                                                           options)
        if result[0] != QgsVectorFileWriter.NoError:
            raise RuntimeError(tr("{path}: the background layer {table} could not be written "
                                  "({error})").format(path=target_path, table=table,
                                                      error=result[1]))
    return target_path


def map_canvas_xml(extent: QgsRectangle, crs) -> str:
    """The ``<mapcanvas name="theMapCanvas">`` element QGIS desktop writes for its main canvas
    (extent, destination CRS), as XML text."""
    settings = QgsMapSettings()
    settings.setDestinationCrs(crs)
    settings.setOutputSize(_output_size(extent))
    settings.setExtent(extent)
    document = QDomDocument()
    element = document.createElement("mapcanvas")
    element.setAttribute("name", "theMapCanvas")
    element.setAttribute("annotationsVisible", "1")
    settings.writeXml(element, document)
    # the output size has the extent's aspect ratio, so setExtent keeps the extent asked for
    document.appendChild(element)
    return document.toString(1)


def _output_size(extent: QgsRectangle):
    from qgis.PyQt.QtCore import QSize

    if extent.isNull() or extent.width() <= 0 or extent.height() <= 0:
        return QSize(1000, 1000)
    ratio = extent.height() / extent.width()
    return QSize(1000, max(1, round(1000 * ratio)))


def add_map_canvas(qgs_text: str, canvas_xml: str) -> str:
    """Project XML with ``canvas_xml`` as its (only) main map canvas element."""
    document = QDomDocument()
    ok, message, line, _column = document.setContent(qgs_text)
    if not ok:
        raise RuntimeError(tr("unreadable project XML ({error}, line {line})").format(
            error=message, line=line))
    canvas = QDomDocument()
    canvas.setContent(canvas_xml)
    root = document.documentElement()
    nodes = document.elementsByTagName("mapcanvas")
    for index in reversed(range(nodes.count())):
        node = nodes.at(index)
        if node.toElement().attribute("name") == "theMapCanvas":
            node.parentNode().removeChild(node)
    root.appendChild(document.importNode(canvas.documentElement(), True))
    return document.toString(1)

