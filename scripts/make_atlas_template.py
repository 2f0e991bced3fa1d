"""Regenerate resources/templates/atlas_centrality.qpt (run once with QGIS's Python; committed).

Items carry ids that reporting/atlas.py looks up: title, subtitle, map, legend, vacancy_table,
footer. Edit the template in QGIS's layout designer if you prefer: keep the ids.
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
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProject,
    QgsReadWriteContext,
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
    item_map.attemptResize(QgsLayoutSize(185, 168, QgsUnitTypes.LayoutMillimeters))
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setLinkedMap(item_map)
    legend.setTitle("")
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(200, 28, QgsUnitTypes.LayoutMillimeters))
    table = QgsLayoutItemAttributeTable(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("vacancy_table")
    frame.attemptMove(QgsLayoutPoint(200, 95, QgsUnitTypes.LayoutMillimeters))
    frame.attemptResize(QgsLayoutSize(87, 100, QgsUnitTypes.LayoutMillimeters))
    table.addFrame(frame)
    add_label(layout, "footer", "", 10, 198, 277, 7, 8)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(OUT), QgsReadWriteContext()):
        sys.exit(f"could not write {OUT}")
    print(f"written {OUT}")
    app.exitQgis()


if __name__ == "__main__":
    main()
