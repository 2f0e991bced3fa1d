"""observatoire:import_centralities - centralities from any polygon layer."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....ingest.importers.centralities import import_centralities
from ....ingest.sources.centralities import LevelError, parse_level_map
from ....ingest.sources.values import match_field
from ...import_base import ImportAlgorithm
from ...layers import gpkg_crs


def polygons_of(geom: QgsGeometry) -> list:
    """A QGIS polygon geometry as a list of polygons, each a list of (n, 2) rings ([] for
    another kind of geometry or an empty one)."""
    if geom is None or geom.isNull() or geom.isEmpty() \
            or geom.type() != QgsWkbTypes.PolygonGeometry:
        return []
    parts = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
    return [[np.array([(p.x(), p.y()) for p in ring], dtype=np.float64) for ring in part]
            for part in parts if part and len(part[0]) >= 4]


class ImportCentralities(ImportAlgorithm):
    ALG_ID = "import_centralities"
    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    LEVEL_FIELD = "LEVEL_FIELD"
    LEVEL_MAP = "LEVEL_MAP"
    DEFAULT_LEVEL = "DEFAULT_LEVEL"
    ID_FIELD = "ID_FIELD"
    COMMUNE_FIELD = "COMMUNE_FIELD"
    FIELDS = {"name": NAME_FIELD, "level": LEVEL_FIELD, "id": ID_FIELD,
              "commune": COMMUNE_FIELD}

    def displayName(self):
        return self.tr("Import centralities")

    def shortHelpString(self):
        return self.tr(
            "Creates or updates the centralities from any polygon layer (any CRS: reprojected "
            "to the GeoPackage's): a name field, and optionally a level field, an identifier "
            "field and a commune code field. Levels: the codes of the centrality_levels table "
            "(primary, secondary, tertiary, peripheral) or their labels, the French words "
            "centre-ville, hypercentre, cœur de ville, principale, primaire (primary), "
            "quartier, pôle de quartier, secondaire (secondary), proximité, tertiaire "
            "(tertiary), zone commerciale, périphérie, périphérique (peripheral), compared "
            "without case or accents; any other value is given a level with the level map "
            "(value=level; …) or the import is refused with the list of unknown values. An "
            "empty level takes the default level. Identity: the identifier field when given "
            "(stored as the centrality's code), else the name: re-importing the layer changes "
            "nothing, a changed polygon or level is updated. Features without a name or a "
            "polygon, and a name (or identifier) given twice, are rejected and listed: make "
            "one multi-part feature per centrality (Dissolve by name). One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Centrality polygons"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Name field"), parentLayerParameterName=self.INPUT))
        for key, label in ((self.LEVEL_FIELD, self.tr("Level field")),
                           (self.ID_FIELD, self.tr("Identifier field (stored as the code)")),
                           (self.COMMUNE_FIELD, self.tr("Commune code field (INSEE)"))):
            self.addParameter(QgsProcessingParameterField(
                key, label, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LEVEL_MAP, self.tr("Level map (value=level; …, e.g. Pôle majeur=primary)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULT_LEVEL, self.tr("Level of the features without one"),
            defaultValue="primary"))
        self.add_report_outputs()

    def _fields(self, source, parameters, context) -> dict:
        names = source.fields().names()
        fields = {}
        for role, key in self.FIELDS.items():
            wanted = self.parameterAsString(parameters, key, context).strip()
            if not wanted:
                fields[role] = None
                continue
            found = match_field(names, wanted)
            if found is None:
                raise QgsProcessingException(self.tr(
                    "{parameter} {field!r} is not a field of the layer. Its fields: "
                    "{fields}.").format(parameter=key, field=wanted,
                                        fields=", ".join(names) or "-"))
            fields[role] = found
        return fields

    def _features(self, source, fields, conn, context, feedback) -> list:
        transform = QgsCoordinateTransform(source.sourceCrs(), gpkg_crs(conn),
                                           context.transformContext())
        out = []
        for row, feature in enumerate(source.getFeatures(), start=1):
            if feedback.isCanceled():
                break
            geom = QgsGeometry(feature.geometry())
            if not geom.isNull() and not geom.isEmpty():
                geom.transform(transform)
                geom = geom.makeValid()
            record = {"row": row, "polygons": polygons_of(geom)}
            for role, name in fields.items():
                value = feature[name] if name else None
                record[role] = None if value is None or str(value) == "NULL" else value
            out.append(record)
        return out

    def do_import(self, conn, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        fields = self._fields(source, parameters, context)
        try:
            level_map = parse_level_map(self.parameterAsString(parameters, self.LEVEL_MAP,
                                                               context))
        except LevelError as exc:
            raise QgsProcessingException(str(exc)) from exc
        features = self._features(source, fields, conn, context, feedback)
        return import_centralities(
            conn, features, layer=source.sourceName() or "layer",
            level_field=fields["level"], level_map=level_map,
            default_level=self.parameterAsString(parameters, self.DEFAULT_LEVEL,
                                                 context).strip() or "primary",
            progress=feedback.setProgress, is_canceled=feedback.isCanceled)
