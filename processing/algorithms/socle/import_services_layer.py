"""observatoire:import_services_layer - facilities of any point layer → services (BPE types
through a category map)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ....ingest.importers.services_layer import import_services_layer, parse_type_map
from ....ingest.sources.values import match_field
from ...import_base import ImportAlgorithm
from ...layers import gpkg_crs


class ImportServicesLayer(ImportAlgorithm):
    ALG_ID = "import_services_layer"
    INPUT = "INPUT"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    TYPE_MAP = "TYPE_MAP"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    COMMUNE_FIELD = "COMMUNE_FIELD"
    SOURCE_NAME = "SOURCE_NAME"
    FIELDS = {"category": CATEGORY_FIELD, "id": ID_FIELD, "name": NAME_FIELD,
              "commune": COMMUNE_FIELD}

    def displayName(self):
        return self.tr("Import services from a layer of facilities")

    def shortHelpString(self):
        return self.tr(
            "Imports the facilities of any point or polygon layer (a town's open data: "
            "schools, post offices, libraries…; polygons reduced to their centroid, any CRS) "
            "into the services table, typed as BPE equipment through a map you give: "
            "category=TYPEQU; … (e.g. MATERNELLE=C101; ELEMENTAIRE=C104; COLLEGE=C201; "
            "CINEMA=F303; PISCINE=F101), categories compared without case or accents. "
            "Features of a category not in the map are left out and counted per category; "
            "label, domain and range come from the bpe_equipment_types table (a code absent "
            "there is kept without them, with a warning); the name goes to notes. Identity: "
            "the identifier field, else the type and the point rounded to the metre: "
            "re-importing the layer, in any order, changes nothing. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Facilities"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterString(
            self.TYPE_MAP, self.tr("Type map (category=TYPEQU; …)"), multiLine=True))
        for key, label in ((self.ID_FIELD, self.tr("Identifier field")),
                           (self.NAME_FIELD, self.tr("Name field")),
                           (self.COMMUNE_FIELD, self.tr("Commune code field (INSEE)"))):
            self.addParameter(QgsProcessingParameterField(
                key, label, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE_NAME, self.tr("Source name (empty = the layer's name)"), optional=True))
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        names = source.fields().names()
        fields = {}
        for role, key in self.FIELDS.items():
            wanted = self.parameterAsString(parameters, key, context).strip()
            found = match_field(names, wanted) if wanted else None
            if wanted and found is None:
                raise QgsProcessingException(self.tr(
                    "{parameter} {field!r} is not a field of the layer. Its fields: "
                    "{fields}.").format(parameter=key, field=wanted,
                                        fields=", ".join(names) or "-"))
            fields[role] = found
        type_map = parse_type_map(self.parameterAsString(parameters, self.TYPE_MAP, context))
        transform = QgsCoordinateTransform(source.sourceCrs(), gpkg_crs(conn),
                                           context.transformContext())
        features = []
        for row, feature in enumerate(source.getFeatures(), start=1):
            geom = QgsGeometry(feature.geometry())
            x = y = float("nan")
            if not geom.isNull() and not geom.isEmpty():
                geom.transform(transform)
                point = geom.asPoint() if geom.type() == 0 and not geom.isMultipart() \
                    else geom.centroid().asPoint()
                x, y = point.x(), point.y()
            record = {"row": row, "x": x, "y": y}
            for role, name in fields.items():
                value = feature[name] if name else None
                record[role] = None if value is None or str(value) == "NULL" else value
            features.append(record)
        layer = source.sourceName() or "layer"
        name = self.parameterAsString(parameters, self.SOURCE_NAME, context).strip() or layer
        return import_services_layer(
            conn, features, source=name, layer=layer, type_map=type_map,
            category_field=fields["category"], progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
