"""Base of the algorithms that run a job (:mod:`jobs`): open the GeoPackage, run, report.

:class:`JobAlgorithm` opens (and migrates) the GeoPackage, calls ``self.run_job(conn, parameters,
context, feedback)`` and closes it. An upgrade of an older schema, made when the file is opened,
is logged, and any message that ends the run says it was kept (:mod:`processing.errors`). A
cancel raises :class:`jobs.common.CancelledError` inside the job (its ``checkpoint``, always
called before anything is written), which ends the run with "Canceled: nothing was written."; a
job error, or a formula's error translated by :func:`jobs.messages.describe`, becomes a
``QgsProcessingException`` the user reads.
"""

from __future__ import annotations

from qgis.core import QgsProcessingException

from ..jobs.common import CancelledError
from ..jobs.messages import describe
from ..jobs.network import NetworkError
from ..store.campaigns import CampaignLookupError
from ..store.schema.flows import FlowSchemaError
from .algorithms.base import ObservatoireAlgorithm
from .roads import progress_callback


class JobAlgorithm(ObservatoireAlgorithm):
    """Subclasses implement ``run_job(conn, parameters, context, feedback)`` → outputs dict."""

    def run_job(self, conn, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self.run_job(conn, parameters, context, feedback)
        except CancelledError as exc:
            raise QgsProcessingException(self.tr("Canceled: nothing was written.")) from exc
        except (ValueError, NetworkError, CampaignLookupError, FlowSchemaError) as exc:
            raise QgsProcessingException(describe(exc)) from exc
        finally:
            conn.close()

    # -- what jobs take to talk back ---------------------------------------------------------
    @staticmethod
    def checkpoint(feedback):
        """A job's ``checkpoint``: raises :class:`CancelledError` once the user cancels."""
        def check() -> None:
            if feedback.isCanceled():
                raise CancelledError("canceled by the user")
        return check

    def reporting(self, feedback) -> dict:
        """``warn``, ``info``, ``stage`` and ``checkpoint`` keyword arguments of a job."""
        return {"warn": lambda message: feedback.reportError(describe(message), False),
                "info": feedback.pushInfo,
                "stage": lambda start, end: progress_callback(feedback, start, end),
                "checkpoint": self.checkpoint(feedback)}
