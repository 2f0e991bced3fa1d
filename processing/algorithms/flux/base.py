"""Base of the flux analyses: the job base (GeoPackage, errors, cancel) and their parameters."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterNumber

from ...job_base import JobAlgorithm
from ...parameters import add_table_sink, add_write_parameter


class FlowAnalysisAlgorithm(JobAlgorithm):
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

    def run_job(self, conn, parameters, context, feedback):
        outputs = self.analyse(conn, parameters, context, feedback)
        feedback.setProgress(100)
        return outputs
