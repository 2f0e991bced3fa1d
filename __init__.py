"""QGIS plugin entry point: ``classFactory`` only."""


def classFactory(iface):  # noqa: N802 - name imposed by QGIS
    from .plugin.main import ObservatoirePlugin

    return ObservatoirePlugin(iface)
