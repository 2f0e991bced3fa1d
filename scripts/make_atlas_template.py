"""Regenerate resources/templates/atlas_centrality.qpt (run once with QGIS's Python; committed).

Items carry ids that reporting/atlas.py looks up: title, subtitle, map, legend, vacancy_table,
catchment_table (the first of the two side-by-side frames of the "Catchment and market" table;
rows flow into the second one), footer. Edit the template in QGIS's layout designer if you
prefer: keep the ids. Written with the oldest supported QGIS (3.22) so that every later 3.x
reads it.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsLayout,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QFont  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "atlas_centrality.qpt"


def add_label(layout, item_id, text, x, y, w, h, size, bold=False):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont("Sans Serif", size)
    font.setBold(bold)
    label.setFont(font)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    return label


def set_table_fonts(table, size):
    """Header (bold) and content text formats of a layout table, in points."""
    for setter, bold in ((table.setHeaderTextFormat, True), (table.setContentTextFormat, False)):
        font = QFont("Sans Serif")
        font.setBold(bold)
        text_format = QgsTextFormat()
        text_format.setFont(font)
        text_format.setSize(size)
        text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
        setter(text_format)


def add_table(layout, item_id, frames, size=6.5, margin=0.6):
    """An attribute table whose frames are ``[(x, y, w, h), …]``; the first frame gets
    ``item_id``."""
    table = QgsLayoutItemAttributeTable(layout)
    layout.addMultiFrame(table)
    set_table_fonts(table, size)
    table.setCellMargin(margin)
    table.setGridStrokeWidth(0.2)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    table.setHeaderMode(QgsLayoutTable.FirstFrame)  # no lone header over an empty frame
    for k, (x, y, w, h) in enumerate(frames):
        frame = QgsLayoutFrame(layout, table)
        if k == 0:
            frame.setId(item_id)
        else:
            frame.setId(f"{item_id}_{k + 1}")
        frame.setHidePageIfEmpty(False)
        frame.setHideBackgroundIfEmpty(True)
        frame.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        frame.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
        table.addFrame(frame)
    return table


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)
    add_label(layout, "title", "[% attribute(@atlas_feature, 'name') %]", 10, 7, 277, 11, 20,
              bold=True)
    add_label(layout, "subtitle", "", 10, 18, 277, 8, 11)
    item_map = QgsLayoutItemMap(layout)
    item_map.setId("map")
    item_map.setFrameEnabled(True)
    layout.addLayoutItem(item_map)
    item_map.attemptMove(QgsLayoutPoint(10, 28, QgsUnitTypes.LayoutMillimeters))
    item_map.attemptResize(QgsLayoutSize(140, 168, QgsUnitTypes.LayoutMillimeters))
    # an extent with the item's proportions: the atlas keeps them (a NaN extent made it
    # shrink the map to a 5:4 frame)
    item_map.setExtent(QgsRectangle(0, 0, 140, 168))
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setLinkedMap(item_map)
    legend.setTitle("")
    for style, size, bold in ((QgsLegendStyle.Title, 8, True), (QgsLegendStyle.Subgroup, 7, True),
                              (QgsLegendStyle.SymbolLabel, 7, False)):
        font = QFont("Sans Serif", size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    for style in (QgsLegendStyle.Symbol, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setMargin(QgsLegendStyle.Top, 0.8)
    legend.setSymbolHeight(3.0)
    legend.setSymbolWidth(5.0)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(155, 28, QgsUnitTypes.LayoutMillimeters))
    # vacancy over the campaigns, top right (about 8 campaigns)
    add_table(layout, "vacancy_table", [(216, 28, 71, 36)])
    # "Catchment and market": two side-by-side frames under the legend (about 70 rows; the
    # column widths, 64 mm in all, are set by reporting/atlas.py); the second frame starts one
    # header row (3.2 mm) lower so that the rows line up
    add_table(layout, "catchment_table", [(155, 66, 64, 130), (223, 69.2, 64, 126.8)],
              size=6.0, margin=0.5)
    add_label(layout, "footer", "", 10, 198, 277, 7, 8)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(OUT), QgsReadWriteContext()):
        sys.exit(f"could not write {OUT}")
    print(f"written {OUT}")
    app.exitQgis()


if __name__ == "__main__":
    main()
