"""Base of the flux analyses: open the GeoPackage, run ``self.analyse``, map its errors."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterNumber

from ....jobs.footfall import FlowAnalysisError
from ....store.schema.flows import FlowSchemaError
from ...parameters import add_table_sink, add_write_parameter
from ..base import ObservatoireAlgorithm


class FlowAnalysisAlgorithm(ObservatoireAlgorithm):
    GROUP = "flux"
    WRITE = "WRITE_INDICATORS"

    def add_write_parameter(self):
        add_write_parameter(self, self.WRITE)

    def add_distance(self, key, description, default):
        self.addParameter(QgsProcessingParameterNumber(
            key, description, QgsProcessingParameterNumber.Double, defaultValue=default,
            minValue=0))

    def add_table_sink(self, key, description, optional=False):
        add_table_sink(self, key, description, optional=optional)

    def analyse(self, conn, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            try:
                outputs = self.analyse(conn, parameters, context, feedback)
            except (FlowAnalysisError, FlowSchemaError, ValueError) as exc:
                raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        feedback.setProgress(100)
        return outputs
