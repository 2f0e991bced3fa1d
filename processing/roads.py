"""The stored road network for the algorithms of every family: loading it and the run's router
(:mod:`jobs.network`, with what it says written to the log), progress of long network runs."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsProcessingException

from ..i18n import tr
from ..jobs import network
from ..jobs.common import JobError


def progress_callback(feedback, start: float = 0.0, end: float = 100.0) -> Callable:
    """``progress(done, total)`` for long network runs: sets the progress between ``start``
    and ``end`` % and returns False once the user cancels (the run then stops)."""
    def progress(done: int, total: int) -> bool:
        feedback.setProgress(start + (end - start) * done / max(total, 1))
        return not feedback.isCanceled()
    return progress


def load_network(conn, feedback):
    """The stored network (with the stored speeds). When ``roads`` changed since the topology
    was built, the topology is rebuilt in memory for this run, with a warning."""
    try:
        return network.run_network(conn, warn=lambda m: feedback.reportError(m, False))
    except JobError as exc:
        raise QgsProcessingException(str(exc)) from exc


def report_hierarchies(feedback, counts: dict) -> None:
    """Say whether the network build stored the driving hierarchy."""
    if counts.get("hierarchies"):
        feedback.pushInfo(tr("Driving hierarchy stored: driving catchments over most of the "
                             "network use it."))
    else:
        feedback.pushInfo(tr("No driving hierarchy stored (numba is not installed): driving "
                             "catchments give the same results, more slowly."))


def make_router(conn, net, mode: str, cost: str, feedback):
    """The run's router (:func:`jobs.network.make_router`), its notes in the log."""
    return network.make_router(conn, net, mode, cost, info=feedback.pushInfo)
