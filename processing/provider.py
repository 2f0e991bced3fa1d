"""The ``observatoire`` Processing provider."""

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .. import dependencies
from ..__about__ import PLUGIN_DIR, PROVIDER_ID, __version__
from ..i18n import tr
from .algorithms import algorithm_classes


class ObservatoireProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Observatoire du commerce")

    def longName(self):
        return tr("Observatoire du commerce {version}").format(version=__version__)

    def icon(self):
        return QIcon(str(PLUGIN_DIR / "resources" / "icons" / "observatoire.svg"))

    def svgIconPath(self):
        return str(PLUGIN_DIR / "resources" / "icons" / "observatoire.svg")

    def versionInfo(self):  # noqa: N802 - QGIS API
        return __version__

    def loadAlgorithms(self):
        absent = dependencies.missing(dependencies.REQUIRED)
        if absent:  # a clear message in QGIS's log, not a traceback
            QgsMessageLog.logMessage(dependencies.missing_message(absent), self.name(),
                                     Qgis.Critical)
            return
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
