"""Drawing on a multi-page print layout in millimetres: labels, rectangles, SVG pictures,
manual tables sized from their rows, maps, legends, scale bars and north arrows, each placed on
a given page with an id ``role@page`` (page 1-based). Used by :mod:`reporting.atlas_layout`.

Table heights are computed, not measured: :func:`row_height` is QGIS's rendering of DejaVu
Sans rows (checked against rendered pages), so a frame is given the height its rows need and
no table is cut or left with an empty band.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Optional, Sequence

from qgis.core import (
    QgsBasicNumericFormat,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from . import formatting as fmt
from . import style as st

MM = QgsUnitTypes.LayoutMillimeters
PT_MM = 25.4 / 72
NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"
LEFT, RIGHT, CENTRE = Qt.AlignLeft, Qt.AlignRight, Qt.AlignHCenter
SVG = getattr(QgsLayoutItemPicture, "FormatSVG", None)
if SVG is None:  # pragma: no cover - QGIS versions without the old enum spelling
    from qgis.core import Qgis

    SVG = Qgis.PictureFormat.SVG


def clip(text, width: float, size: float) -> str:
    """``text`` cut with an ellipsis to about what ``width`` mm hold at ``size`` points."""
    text = "" if text is None else str(text)
    room = max(4, int(width / (size * PT_MM * 0.52)))
    return text if len(text) <= room else text[:room - 1].rstrip() + "…"


def text_lines(text: str, width: float, size: float) -> int:
    """Lines ``text`` takes when word-wrapped in ``width`` mm at ``size`` points (estimate
    from DejaVu Sans's mean advance, 0.55 em)."""
    room = max(4, int(width / (size * PT_MM * 0.55)))
    count = 0
    for part in str(text).split("\n"):
        line, lines = 0, 1
        for word in part.split():
            if line and line + 1 + len(word) > room:
                lines, line = lines + 1, len(word)
            else:
                line += (1 if line else 0) + len(word)
        count += lines
    return count


def row_height(lines: int, size: float, margin: float = 0.7) -> float:
    """Height in mm of a table row of ``lines`` lines of ``size``-point DejaVu Sans with
    ``margin`` mm cell margins and a 0.15 mm grid (measured on QGIS's rendering)."""
    return 2 * margin + 0.15 + size * PT_MM * (0.946 + 1.173 * (max(1, lines) - 1))


def rows_fitting(height: float, size: float, margin: float = 0.7) -> int:
    """Rows of ``size``-point text (one line each) a table frame of ``height`` mm holds,
    header included."""
    return max(0, int(height // row_height(1, size, margin)))


DENSITIES = ((7.0, 0.7), (6.5, 0.6), (6.0, 0.5), (5.5, 0.4), (5.0, 0.3), (4.5, 0.25),
             (4.0, 0.2))


def density(rows: int, height: float) -> tuple:
    """(type size, cell margin) of the first density at which ``rows`` rows (header
    included) fit in ``height`` mm; the densest otherwise."""
    for size, margin in DENSITIES:
        if rows_fitting(height, size, margin) >= rows:
            return size, margin
    return DENSITIES[-1]


def split_capacity(counts: Sequence[int], capacity: int) -> List[int]:
    """Rows given to each list sharing ``capacity`` rows: all of a list when everything fits,
    otherwise in proportion to the lists' lengths, at least 2 each when they have rows."""
    if sum(counts) <= capacity:
        return list(counts)
    total = float(sum(counts))
    shares = [min(c, max(2 if c else 0, int(capacity * c / total))) for c in counts]
    while sum(shares) > capacity and max(shares) > 2:
        shares[shares.index(max(shares))] -= 1
    spare = capacity - sum(shares)
    for i, c in enumerate(counts):
        extra = min(spare, c - shares[i])
        shares[i] += extra
        spare -= extra
    return shares


class LayoutKit:
    """A print layout of A4 pages and the primitives that draw on one of its pages."""

    def __init__(self, project, chart_dir: Path, language: str, name: str):
        self.lang = language
        self.chart_dir = Path(chart_dir)
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(name)
        self.pages: list = []
        self.charts: List[str] = []

    def _page(self, kind: str, centrality: Optional[str] = None) -> int:
        collection = self.layout.pageCollection()
        if self.pages:
            page = QgsLayoutItemPage(self.layout)
            collection.addPage(page)
        page = collection.page(len(self.pages))
        page.setPageSize(QgsLayoutSize(st.PAGE_WIDTH, st.PAGE_HEIGHT, MM))
        self.pages.append(self.page_record(kind, centrality))
        return len(self.pages) - 1

    @staticmethod
    def _place(item, page: int, x: float, y: float, w: float, h: float) -> None:
        item.attemptResize(QgsLayoutSize(w, h, MM))
        item.attemptMove(QgsLayoutPoint(x, y, MM), True, False, page)

    def _id(self, role: str, page: int) -> str:
        return f"{role}@{page + 1}"

    @staticmethod
    def _text_format(size: float, bold: bool = False, colour: str = st.GREY_DARK,
                     italic: bool = False) -> QgsTextFormat:
        font = QFont(st.FONT)
        font.setBold(bold)
        font.setItalic(italic)
        text = QgsTextFormat()
        text.setFont(font)
        text.setSize(size)
        text.setSizeUnit(QgsUnitTypes.RenderPoints)
        text.setColor(QColor(colour))
        return text

    def label(self, page: int, text: str, x: float, y: float, w: float, h: float, *,
              size: float = st.BODY_SIZE, bold: bool = False, colour: str = st.GREY_DARK,
              align=LEFT, valign=Qt.AlignTop, italic: bool = False,
              role: Optional[str] = None) -> QgsLayoutItemLabel:
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text.replace("[%", "[ %"))  # never an expression
        if hasattr(item, "setTextFormat"):  # QGIS >= 3.24
            item.setTextFormat(self._text_format(size, bold, colour, italic))
        else:
            font = QFont(st.FONT)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setItalic(italic)
            item.setFont(font)
            item.setFontColor(QColor(colour))
        item.setMarginX(0)
        item.setMarginY(0)
        item.setHAlign(align)
        item.setVAlign(valign)
        if role:
            item.setId(self._id(role, page))
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return item

    def rect(self, page: int, x: float, y: float, w: float, h: float, fill: str,
             stroke: Optional[str] = None, role: Optional[str] = None) -> QgsLayoutItemShape:
        item = QgsLayoutItemShape(self.layout)
        item.setShapeType(QgsLayoutItemShape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({
            "color": fill, "outline_style": "solid" if stroke else "no",
            "outline_color": stroke or fill, "outline_width": "0.2"}))
        if role:
            item.setId(self._id(role, page))
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return item

    def rule(self, page: int, y: float, x: float = st.MARGIN,
             w: float = st.CONTENT_WIDTH, colour: str = st.RULE) -> None:
        self.rect(page, x, y, w, 0.25, colour)

    def picture(self, page: int, path: str, x: float, y: float, w: float, h: float,
                role: str) -> QgsLayoutItemPicture:
        item = QgsLayoutItemPicture(self.layout)
        item.setPicturePath(str(path), SVG)
        item.setResizeMode(QgsLayoutItemPicture.Zoom)
        item.setId(self._id(role, page))
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return item

    def chart(self, page: int, role: str, draw: Callable, x: float, y: float, w: float,
              h: float) -> QgsLayoutItemPicture:
        path = self.chart_dir / f"p{page + 1:03d}_{role}.svg"
        draw(str(path), (w, h))
        self.charts.append(str(path))
        return self.picture(page, str(path), x, y, w, h, f"chart_{role}")

    def table(self, page: int, x: float, y: float, w: float, h: float,
              headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              *, aligns: Optional[Sequence] = None, size: float = st.TABLE_SIZE,
              backgrounds: Optional[dict] = None, bold_rows: Sequence[int] = (),
              colours: Optional[dict] = None, wrap: bool = False,
              role: Optional[str] = None, margin: float = 0.7) -> QgsLayoutItemManualTable:
        """A table of text cells; ``backgrounds`` and ``colours`` map (row, column) (column
        None = the whole row) to a colour."""
        backgrounds = backgrounds or {}
        colours = colours or {}
        aligns = list(aligns or [LEFT] * len(headers))
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        cells = []
        for r, row in enumerate(rows):
            line = []
            for c, text in enumerate(row):
                cell = QgsTableCell(str(text))
                cell.setHorizontalAlignment(aligns[c])
                background = backgrounds.get((r, c)) or backgrounds.get((r, None))
                if background:
                    cell.setBackgroundColor(QColor(background))
                colour = colours.get((r, c)) or colours.get((r, None))
                if colour or r in bold_rows:
                    cell.setTextFormat(self._text_format(size, r in bold_rows,
                                                         colour or st.GREY_DARK))
                line.append(cell)
            cells.append(line)
        table.setTableContents(cells)
        columns = []
        for heading, align in zip(headers, aligns):
            column = QgsLayoutTableColumn(heading)
            column.setHAlignment(align)
            columns.append(column)
        table.setHeaders(columns)
        table.setIncludeTableHeader(True)
        # the widths given share the frame; cell margins (0.7 mm each side) and grid lines
        # come on top of a column's width in QGIS
        room = w - len(widths) * 2 * margin - (len(widths) + 1) * 0.15 - 0.3
        scale = room / float(sum(widths))
        table.setColumnWidths([float(v) * scale for v in widths])
        table.setHeaderTextFormat(self._text_format(size, True, st.GREY_DARK))
        table.setContentTextFormat(self._text_format(size, False, st.GREY_DARK))
        table.setHeaderHAlignment(QgsLayoutTable.FollowColumn)
        table.setCellMargin(margin)
        table.setShowGrid(True)
        table.setVerticalGrid(False)
        table.setHorizontalGrid(True)
        table.setGridColor(QColor(st.RULE))
        table.setGridStrokeWidth(0.15)
        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = QColor(st.GREY_FAINT)
        table.setCellStyle(QgsLayoutTable.HeaderRow, header)
        if wrap:
            table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
        frame = QgsLayoutFrame(self.layout, table)
        if role:
            frame.setId(self._id(role, page))
        frame.setHidePageIfEmpty(False)
        self._place(frame, page, x, y, w, h)
        table.addFrame(frame)
        return table

    def page_record(self, kind: str, centrality: Optional[str]):
        """What :attr:`pages` records of a page (the atlas records its kind and centrality)."""
        return (kind, centrality)

    @staticmethod
    def _padded(extent: QgsRectangle, share: float, minimum: float) -> QgsRectangle:
        out = QgsRectangle(extent)
        side = max(out.width(), out.height(), minimum)
        out.grow(side * share)
        if out.width() < minimum:
            out.grow((minimum - out.width()) / 2)
        return out

    def map_item(self, page: int, role: str, x: float, y: float, w: float, h: float,
                 layers: list, extent: QgsRectangle, frame: bool = True) -> QgsLayoutItemMap:
        item = QgsLayoutItemMap(self.layout)
        item.setId(self._id(role, page))
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        item.setCrs(layers[0].crs())
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.zoomToExtent(extent)
        item.setFrameEnabled(frame)
        item.setFrameStrokeColor(QColor(st.GREY_LIGHT))
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
        return item

    def legend(self, page: int, item_map: QgsLayoutItemMap, layers: list, x: float, y: float,
               w: float, h: float, columns: int = 1, title: str = "") -> QgsLayoutItemLegend:
        legend = QgsLayoutItemLegend(self.layout)
        legend.setId(self._id("legend", page))
        legend.setTitle(title)
        legend.setLinkedMap(item_map)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in layers:
            root.addLayer(layer)
        legend.setLegendFilterByMapEnabled(True)
        legend.setColumnCount(columns)
        legend.setSplitLayer(True)
        legend.setEqualColumnWidth(True)
        legend.setSymbolWidth(4.0)
        legend.setSymbolHeight(2.6)
        legend.setColumnSpace(4)
        for kind, size, bold in ((QgsLegendStyle.Title, 7.5, True),
                                 (QgsLegendStyle.Group, 6.5, True),
                                 (QgsLegendStyle.Subgroup, 6.5, True),
                                 (QgsLegendStyle.SymbolLabel, 6.5, False)):
            font = QFont(st.FONT)
            font.setPointSizeF(size)
            font.setBold(bold)
            legend_style = legend.rstyle(kind)
            if hasattr(legend_style, "setTextFormat"):  # QGIS >= 3.30
                legend_style.setTextFormat(self._text_format(size, bold))
            else:
                legend.setStyleFont(kind, font)
        legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 1.0)
        legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 0.8)
        legend.rstyle(QgsLegendStyle.SymbolLabel).setMargin(QgsLegendStyle.Top, 0.8)
        legend.setBackgroundEnabled(False)
        legend.setFrameEnabled(False)
        legend.setResizeToContents(True)
        self.layout.addLayoutItem(legend)
        self._place(legend, page, x, y, w, h)
        return legend

    def scalebar(self, page: int, item_map: QgsLayoutItemMap, x: float, y: float,
                 background: bool = True) -> QgsLayoutItemScaleBar:
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setId(self._id("scalebar", page))
        bar.setStyle("Single Box")
        bar.setLinkedMap(item_map)
        bar.setUnits(QgsUnitTypes.DistanceMeters)
        bar.setUnitLabel("m")
        bar.setNumberOfSegmentsLeft(0)
        bar.setNumberOfSegments(2)
        bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
        bar.setMinimumBarWidth(20)
        bar.setMaximumBarWidth(40)
        bar.setHeight(1.6)
        bar.setTextFormat(self._text_format(6.5))
        number_format = QgsBasicNumericFormat()
        number_format.setShowThousandsSeparator(True)
        if self.lang == "fr":
            number_format.setThousandsSeparator(fmt.NBSP)
            number_format.setDecimalSeparator(",")
        bar.setNumericFormat(number_format)
        bar.setFillColor(QColor(st.GREY_DARK))
        bar.setBackgroundEnabled(background)
        bar.setBackgroundColor(QColor(255, 255, 255, 225))
        bar.setBoxContentSpace(1.2)
        self.layout.addLayoutItem(bar)
        bar.attemptMove(QgsLayoutPoint(x, y, MM), True, False, page)
        bar.update()
        return bar

    def north_arrow(self, page: int, item_map: QgsLayoutItemMap, x: float, y: float
                    ) -> QgsLayoutItemPicture:
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setId(self._id("north_arrow", page))
        arrow.setPicturePath(NORTH_ARROW, SVG)
        arrow.setLinkedMap(item_map)
        arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
        arrow.setBackgroundEnabled(True)
        arrow.setBackgroundColor(QColor(255, 255, 255, 220))
        self.layout.addLayoutItem(arrow)
        self._place(arrow, page, x, y, 7, 11)
        return arrow

    @staticmethod
    def table_height(rows: list, widths: list, size: float) -> float:
        """Height of a wrapped table of ``rows`` whose ``widths`` share the content width."""
        scale = (st.CONTENT_WIDTH - len(widths) * 1.55) / float(sum(widths))
        height = row_height(1, size) + 0.6
        for row in rows:
            lines = max(text_lines(text, w * scale - 0.5, size) for text, w in zip(row, widths))
            height += row_height(lines, size)
        return height


def QgsLayoutMeasurement(value: float):  # noqa: N802 - a constructor's spelling
    from qgis.core import QgsLayoutMeasurement as Measurement

    return Measurement(value, MM)
