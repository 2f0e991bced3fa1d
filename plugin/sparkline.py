"""Small trend charts for the dock: a line through the values of a series, drawn with QPainter
into a QPixmap (no chart library needed), the last point marked."""

from __future__ import annotations

from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen, QPixmap

LINE = QColor(31, 120, 180)
LAST = QColor(232, 113, 30)


def sparkline(values, width: int = 110, height: int = 30) -> QPixmap:
    """A ``width`` × ``height`` pixmap of ``values`` (left to right, min at the bottom, max at
    the top; a flat series is drawn mid-height). Empty when fewer than two values."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.transparent)
    values = [float(v) for v in values]
    if len(values) < 2:
        return pixmap
    low, high = min(values), max(values)
    span = high - low
    margin = 4.0
    step = (width - 2 * margin) / (len(values) - 1)

    def point(index, value):
        y = 0.5 if span == 0 else (value - low) / span
        return QPointF(margin + index * step, height - margin - y * (height - 2 * margin))

    points = [point(i, v) for i, v in enumerate(values)]
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(LINE, 1.6))
        for a, b in zip(points, points[1:]):
            painter.drawLine(a, b)
        painter.setPen(Qt.NoPen)
        painter.setBrush(LAST)
        painter.drawEllipse(points[-1], 2.6, 2.6)
    finally:
        painter.end()
    return pixmap
