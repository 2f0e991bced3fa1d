"""QGIS projects of the inventory: "Inventaire" in the GeoPackage, the field packages' .qgz.

Built with the QGIS API (``qgis.core`` only) from the declarative forms of
:mod:`survey_forms.inventory_form`: one layer per editable table with its form, the relation
premise → observations (by uuid), project variables read by the forms' defaults (agent, campaign),
relative paths, and the map of :mod:`.project_map`: a background of the socle's own roads and
an opening extent on the project's data. Works on a private ``QgsProject`` (never the
application's project); the written project goes through
:func:`survey_forms.qgis_form.restore_relation_ids` (QGIS 3.22 workaround) and gets its main map
canvas element (:func:`survey_forms.project_map.add_map_canvas`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ..i18n import tr
from ..store import gpkg, styles
from . import project_map
from .inventory_form import (
    AGENT_VARIABLE,
    CAMPAIGN_NAME_VARIABLE,
    CAMPAIGN_VARIABLE,
    FORMS,
    RELATIONS,
)
from .qgis_form import apply_form, make_relation, restore_relation_ids

PROJECT_NAME = "Inventaire"
# Layer order in the legend (top first) and the layers' display names.
LAYERS = (
    ("premises", "Locaux"),
    ("premise_observations", "Observations"),
    ("centralities", "Centralités"),
    ("campaigns", "Campagnes"),
)


class ProjectError(RuntimeError):
    """The project could not be built or written; the message says why."""


def build_project(gpkg_path, domains: dict, *, title: str = PROJECT_NAME, agent=None,
                  campaign_uuid=None, campaign_name=None, observation_filter=None,
                  background_path=None) -> QgsProject:
    """A private ``QgsProject`` holding the inventory layers of ``gpkg_path`` with their forms.

    ``domains`` maps a GeoPackage domain to its (code, label) pairs (value maps);
    ``observation_filter`` is an optional subset string on the observations layer;
    ``background_path`` is the GeoPackage whose roads (and, when it is not ``gpkg_path``,
    centralities) draw the background (default: ``gpkg_path``). The project opens on its
    premises and centralities (:func:`.project_map.data_extent`).
    """
    project = QgsProject()
    project.setTitle(title)
    layers = {}
    for table, label in LAYERS:
        layer = QgsVectorLayer(f"{gpkg_path}|layername={table}", label, "ogr")
        if not layer.isValid():
            raise ProjectError(tr("{path}: the table {table} cannot be loaded as a layer").format(
                path=gpkg_path, table=table))
        layers[table] = layer
    if observation_filter:
        layers["premise_observations"].setSubsetString(observation_filter)
    project.addMapLayers([layers[t] for t, _label in LAYERS])
    for definition in RELATIONS:
        relation = make_relation(definition, layers[definition.referencing_table],
                                 layers[definition.referenced_table], project)
        if not relation.isValid():
            raise ProjectError(tr("relation {relation} is not valid").format(
                relation=definition.id))
        project.relationManager().addRelation(relation)
    for table, layer in layers.items():
        apply_form(layer, FORMS[table], domains, project.relationManager())
    crs = layers["premises"].crs()
    project.setCrs(crs if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:2154"))
    project_map.label_names(layers["centralities"])
    finish_map(project, [layers["premises"], layers["centralities"]], gpkg_path,
               background_path)
    variables = {AGENT_VARIABLE: agent, CAMPAIGN_VARIABLE: campaign_uuid,
                 CAMPAIGN_NAME_VARIABLE: campaign_name}
    for name, value in variables.items():
        if value:
            QgsExpressionContextUtils.setProjectVariable(project, name, str(value))
    project.writeEntryBool("Paths", "/Absolute", False)
    return project


def finish_map(project: QgsProject, data_layers, gpkg_path, background_path=None) -> None:
    """Background (roads of ``background_path`` or ``gpkg_path``; the territory's centralities
    too when the background is another file) and opening extent on ``data_layers``."""
    own = background_path is None or Path(background_path).resolve() == Path(
        gpkg_path).resolve()
    background = project_map.add_background(project, background_path or gpkg_path,
                                            outlines=not own)
    roads = [layer for layer in background if layer.name() == project_map.ROADS_LAYER]
    project_map.set_view(project, project_map.data_extent(data_layers, roads))


def write_background(shared_path, data_path, package_dir) -> Path:
    """The field package's background file (:data:`.project_map.BACKGROUND_FILE` in
    ``package_dir``): the roads of ``shared_path`` around the extent of the package's premises
    and centralities (``data_path``) and every centrality of the territory."""
    layers = [QgsVectorLayer(f"{data_path}|layername={t}", t, "ogr")
              for t in ("premises", "centralities")]
    extent = project_map.data_extent(layers)
    if not extent.isNull():  # the roads a little beyond the opening view
        extent = extent.buffered(max(extent.width(), extent.height()) / 2)
    return project_map.write_background_file(
        shared_path, Path(package_dir) / project_map.BACKGROUND_FILE, extent)


def _canvas_xml(project: QgsProject):
    extent = project.viewSettings().defaultViewExtent()
    if extent.isNull():
        return None
    return project_map.map_canvas_xml(QgsRectangle(extent), project.crs())


def _fix_archive(content: bytes, relation_ids=None, canvas_xml=None) -> bytes:
    ids = [r.id for r in RELATIONS] if relation_ids is None else list(relation_ids)
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".qgs"):
                text = restore_relation_ids(data.decode("utf-8"), ids)
                if canvas_xml:
                    text = project_map.add_map_canvas(text, canvas_xml)
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def write_qgz(project: QgsProject, path) -> Path:
    """Write ``project`` to a .qgz file (paths relative to its folder)."""
    path = Path(path)
    project.setFileName(str(path))
    if not project.write():
        raise ProjectError(tr("{path}: the project could not be written ({error})").format(
            path=path, error=project.error()))
    path.write_bytes(_fix_archive(path.read_bytes(), canvas_xml=_canvas_xml(project)))
    return path


def write_to_geopackage(project: QgsProject, gpkg_path, name: str = PROJECT_NAME,
                        relation_ids=None) -> str:
    """Store ``project`` in the GeoPackage's ``qgis_projects`` table; returns its QGIS URI.

    ``relation_ids``: the ids of the relations its forms show (default: the inventory's), put
    back by :func:`survey_forms.qgis_form.restore_relation_ids` in the stored XML.
    """
    gpkg_path = Path(gpkg_path).resolve()
    uri = project_uri(gpkg_path, name)
    canvas_xml = _canvas_xml(project)
    if not project.write(uri):
        raise ProjectError(tr("{path}: the project could not be stored ({error})").format(
            path=gpkg_path, error=project.error()))
    project.clear()  # release the layers (and their connections) before touching the file
    conn = gpkg.connect(gpkg_path)
    try:
        stored = styles.stored_project(conn, name)
        if stored is None:
            raise ProjectError(tr("{path}: QGIS stored no project named {name}").format(
                path=gpkg_path, name=name))
        as_hex = isinstance(stored, str)  # QGIS 3.22 stores the zip as hexadecimal text
        fixed = _fix_archive(bytes.fromhex(stored) if as_hex else bytes(stored),
                             relation_ids, canvas_xml)
        with gpkg.transaction(conn):
            styles.replace_project_content(conn, name, fixed.hex() if as_hex else fixed)
    finally:
        conn.close()
    return uri


def project_uri(gpkg_path, name: str = PROJECT_NAME) -> str:
    return f"geopackage:{Path(gpkg_path).resolve()}?projectName={name}"
