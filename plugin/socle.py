"""Which observatory GeoPackage (socle) the current project works on.

The project variable ``observatoire_geopackage`` remembers it (and pre-fills every algorithm's
GeoPackage parameter, :mod:`processing.algorithms.base`); when the variable is absent or names
a missing file, the first layer of the project read from an observatory GeoPackage tells.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsExpressionContextUtils, QgsProject, QgsVectorLayer

from ..processing.algorithms.base import SOCLE_VARIABLE
from ..store import dock as store_dock


def layer_file(layer) -> str | None:
    """The GeoPackage file of an OGR layer (``/path/x.gpkg|layername=t``), else None."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|")[0]
    return path if path.lower().endswith(".gpkg") else None


def remembered(project: QgsProject) -> str | None:
    value = QgsExpressionContextUtils.projectScope(project).variable(SOCLE_VARIABLE)
    return str(value) if value else None


def current_socle(project: QgsProject) -> str | None:
    """The socle of ``project``: its variable when the file is an observatory, else the file of
    its first layer read from an observatory GeoPackage, else None."""
    value = remembered(project)
    if value and store_dock.is_observatory(value):
        return str(Path(value).resolve())
    seen = set()
    for layer in project.mapLayers().values():
        path = layer_file(layer)
        if path and path not in seen:
            seen.add(path)
            if store_dock.is_observatory(path):
                return str(Path(path).resolve())
    return None


def remember(project: QgsProject, path: str | None) -> None:
    """Store ``path`` in the project variable without marking a clean project modified."""
    if (remembered(project) or None) == (path or None):
        return
    was_dirty = project.isDirty()
    if path:
        QgsExpressionContextUtils.setProjectVariable(project, SOCLE_VARIABLE, str(path))
    else:
        QgsExpressionContextUtils.removeProjectVariable(project, SOCLE_VARIABLE)
    if not was_dirty:
        project.setDirty(False)


def centralities_layers(project: QgsProject, socle: str | None) -> list:
    """The project's layers showing the ``centralities`` table of ``socle``."""
    if not socle:
        return []
    target = Path(socle).resolve()
    found = []
    for layer in project.mapLayers().values():
        path = layer_file(layer)
        if path and Path(path).resolve() == target and \
                "layername=centralities" in layer.source() and \
                layer.fields().indexOf("uuid") >= 0:
            found.append(layer)
    return found
