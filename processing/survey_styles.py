"""Styles of the survey analyses' output layers (layer post-processors, applied by QGIS on the
main thread when it loads the layer, never inside ``processAlgorithm``)."""

from __future__ import annotations

from qgis.core import (
    QgsLineSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
)

from ..i18n import tr
from .styling import CategoryStyler

TYPE_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
                "#666666", "#1f78b4", "#b2df8a")


class FlowLineStyler(QgsProcessingLayerPostProcessorInterface):
    """Flow lines whose width grows with ``field`` (a share in %): 0.2 mm at 0 to 6 mm at
    the largest share of the layer; dark blue, half transparent."""

    def __init__(self, field: str = "share", largest: float = 100.0):
        super().__init__()
        self.field = field
        self.largest = max(float(largest), 1e-9)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None or not layer.isValid() or layer.fields().indexOf(self.field) < 0:
            return
        symbol = QgsLineSymbol.createSimple({"color": "8,48,107,150", "capstyle": "round"})
        symbol.symbolLayer(0).setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeWidth,
            QgsProperty.fromExpression(
                f'scale_linear("{self.field}", 0, {self.largest:g}, 0.2, 6)'))
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        layer.triggerRepaint()


def dominant_type_styler(names: dict) -> CategoryStyler:
    """Home zones coloured by their dominant type (``type``); zones without one are grey."""
    categories = [(int(t), TYPE_COLOURS[(int(t) - 1) % len(TYPE_COLOURS)],
                   tr("Type {k}: {name}").format(k=int(t), name=name))
                  for t, name in sorted(names.items())]
    categories.append((None, "#d9d9d9", tr("Fewer than 11 respondents")))
    return CategoryStyler("type", categories, opacity=0.8)


def short_circuit_styler() -> CategoryStyler:
    return CategoryStyler("high_demand_low_supply", [
        (True, "#d7301f", tr("High demand, low supply")),
        (False, "#d9d9d9", tr("Other zones"))], opacity=0.8)
