"""observatoire:import_population_grid - INSEE Filosofi 200 m grid → population_grid."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPoint,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ....ingest.importers.population_grid import import_population_grid
from ...import_base import ImportAlgorithm
from ...layers import gpkg_crs

EXTENSIONS = (".csv", ".txt", ".gpkg")


class ImportPopulationGrid(ImportAlgorithm):
    ALG_ID = "import_population_grid"
    INPUT = "INPUT"
    LAYER = "LAYER"
    TERRITORY = "TERRITORY"
    EXTENT = "EXTENT"

    def displayName(self):
        return self.tr("Import the population grid (INSEE Filosofi 200 m)")

    def shortHelpString(self):
        return self.tr(
            "Imports INSEE's gridded Filosofi data (données carroyées, 200 m cells) from its CSV "
            "or its GeoPackage, any vintage (2015: IdINSPIRE, Ind…; 2017: Idcar_200m, Ind…; "
            "2019 and 2021: idcar_200m, ind…; column names matched whatever their case) into "
            "the population_grid table: ind (inhabitants), men (households), men_pauv, ind_snv "
            "(sum of standards of living), age bands ind_0_3 … ind_80p, ind_inc, i_est_200 "
            "(imputed cell). Fractional values are kept as INSEE publishes them; a column the "
            "file lacks is left empty (the 2021 grid has no men, men_pauv, ind_snv), with a "
            "warning. Each cell is rebuilt from its id (CRS3035RES200mN2694200E3640400: "
            "EPSG:3035, 200 m, south-west corner at northing 2694200, easting 3640400) and "
            "reprojected to the GeoPackage's CRS. Clipping: with a territory layer (polygons, "
            "any CRS) or an extent, a cell is kept when its centre lies inside; without them "
            "every cell of the file is kept. Keyed by idcar_200m: re-importing the file (or "
            "the same grid from its GeoPackage) changes nothing; a cell whose values changed "
            "is updated. Rejected and listed: ids that are not cell ids, counts that are not "
            "numbers >= 0, an id repeated. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Filosofi grid (CSV or GeoPackage)"),
                            self.tr("Filosofi grid (*.csv *.txt *.gpkg)"))
        layer = QgsProcessingParameterString(
            self.LAYER, self.tr("Layer of the GeoPackage (empty = the first with cell ids)"),
            optional=True)
        self.addParameter(layer)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TERRITORY, self.tr("Territory (polygons; empty = every cell)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, self.tr("Or an extent (empty = every cell)"), optional=True))
        self.add_convention_parameters(dates=False)
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        ok, message = self.check_extension(parameters, context, self.INPUT, EXTENSIONS,
                                           self.tr("a Filosofi CSV or GeoPackage"))
        if not ok:
            return ok, message
        return super().checkParameterValues(parameters, context)

    def keep_function(self, conn, parameters, context):
        """``keep(x, y)`` from the territory layer or the extent (GeoPackage CRS), or None."""
        crs = gpkg_crs(conn)
        if parameters.get(self.TERRITORY) not in (None, ""):
            source = self.parameterAsSource(parameters, self.TERRITORY, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters,
                                                                     self.TERRITORY))
            transform = QgsCoordinateTransform(source.sourceCrs(), crs,
                                               context.transformContext())
            parts = []
            for feature in source.getFeatures():
                geom = QgsGeometry(feature.geometry())
                if not geom.isNull() and not geom.isEmpty():
                    geom.transform(transform)
                    parts.append(geom.makeValid())
            if not parts:
                raise QgsProcessingException(self.tr(
                    "The territory layer holds no polygon: give one, or leave it empty to "
                    "import every cell."))
            union = QgsGeometry.unaryUnion(parts)
            engine = QgsGeometry.createGeometryEngine(union.constGet())
            engine.prepareGeometry()
            return lambda x, y: np.array([engine.contains(QgsPoint(float(a), float(b)))
                                          for a, b in zip(x, y)], dtype=bool)
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if rect.isNull() or rect.isEmpty():
                return None
            return lambda x, y: ((x >= rect.xMinimum()) & (x <= rect.xMaximum())
                                 & (y >= rect.yMinimum()) & (y <= rect.yMaximum()))
        return None

    def do_import(self, conn, parameters, context, feedback):
        return import_population_grid(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            keep=self.keep_function(conn, parameters, context),
            layer=self.parameterAsString(parameters, self.LAYER, context).strip() or None,
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
