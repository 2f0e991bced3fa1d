"""Styles of output layers, applied by layer post-processors (never inside
``processAlgorithm``): QGIS calls them on the main thread when it loads the output layer."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationQuantile,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsStyle,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import tr

_KEEP_ALIVE: list = []  # post-processors must outlive processAlgorithm

_VACANCY_BANDS = (("normal", "#1a9641"), ("moderate", "#a6d96a"), ("worrying", "#fdae61"),
                  ("critical", "#d7191c"))


class CategoryStyler(QgsProcessingLayerPostProcessorInterface):
    """Categorised renderer on ``field`` with (value, colour, label) categories."""

    def __init__(self, field: str, categories, opacity: float = 1.0):
        super().__init__()
        self.field = field
        self.categories = list(categories)
        self.opacity = opacity

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None or not layer.isValid():
            return
        cats = []
        for value, colour, label in self.categories:
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(colour))
            symbol.setOpacity(self.opacity)
            cats.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(self.field, cats))
        layer.triggerRepaint()


class GraduatedStyler(QgsProcessingLayerPostProcessorInterface):
    """Graduated colours on a numeric field (quantiles, 5 classes)."""

    def __init__(self, field: str, ramp: str = "Reds"):
        super().__init__()
        self.field = field
        self.ramp = ramp

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None or not layer.isValid() or layer.fields().indexOf(self.field) < 0:
            return
        renderer = QgsGraduatedSymbolRenderer(self.field)
        renderer.setClassificationMethod(QgsClassificationQuantile())
        ramp = QgsStyle.defaultStyle().colorRamp(self.ramp)
        if ramp is not None:
            renderer.setSourceColorRamp(ramp)
        renderer.updateClasses(layer, 5)
        layer.setRenderer(renderer)
        layer.triggerRepaint()


def style_on_load(context, dest_id, styler) -> None:
    """Give the output ``dest_id`` the ``styler`` to apply when QGIS loads it."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        _KEEP_ALIVE.append(styler)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)


def vacancy_band_styler() -> CategoryStyler:
    labels = {"normal": tr("Low vacancy (< 5 %)"), "moderate": tr("Moderate (5 to 7.5 %)"),
              "worrying": tr("Worrying (7.5 to 10 %)"), "critical": tr("Critical (≥ 10 %)")}
    return CategoryStyler("procos_band", [(code, colour, labels[code])
                                          for code, colour in _VACANCY_BANDS])


def long_term_styler() -> CategoryStyler:
    return CategoryStyler("vacancy_class", [
        ("long_term", "#b2182b", tr("Long-term vacancy")),
        ("vacant", "#ef8a62", tr("Vacant")),
        ("not_vacant", "#bababa", tr("Not vacant")),
    ])


_BAND_COLOURS = ("#08519c", "#3182bd", "#6baed6", "#9ecae1", "#c6dbef", "#eff3ff")


def band_styler(bands, unit: str) -> CategoryStyler:
    """Catchment polygons by band, the shortest darkest, half transparent so that nested or
    overlapping catchments stay readable (beyond six bands the last colour repeats)."""
    return CategoryStyler("band", [
        (float(b), _BAND_COLOURS[min(i, len(_BAND_COLOURS) - 1)],
         tr("Within {band} {unit}").format(band=f"{float(b):g}", unit=unit))
        for i, b in enumerate(bands)], opacity=0.5)
