"""The stored road network for the algorithms of every family: loading it, the run's router
(compiled engine, stored hierarchy, and what the log says about them), progress of long
network runs."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsProcessingException

from ..analysis import fast_search
from ..analysis.network import Router
from ..analysis.road_profiles import with_profiles
from ..i18n import tr
from ..store import network_store


def progress_callback(feedback, start: float = 0.0, end: float = 100.0) -> Callable:
    """``progress(done, total)`` for :func:`analysis.network.map_chunks`: sets the progress
    between ``start`` and ``end`` % and returns False once the user cancels."""
    def progress(done: int, total: int) -> bool:
        feedback.setProgress(start + (end - start) * done / max(total, 1))
        return not feedback.isCanceled()
    return progress


def load_network(conn, feedback):
    """The stored network (with the stored speeds). When ``roads`` changed since the topology
    was built, the topology is rebuilt in memory for this run, with a warning."""
    try:
        stored = network_store.load_network(conn)
    except network_store.NetworkError as exc:
        raise QgsProcessingException(tr(
            "No road network in the GeoPackage: run “Import roads” (observatoire:import_roads) "
            "or “Build the road network” (observatoire:build_network) first.")) from exc
    if not stored.stale:
        return stored.network
    feedback.reportError(tr(
        "The roads table changed since the network topology was built: the topology is "
        "rebuilt in memory for this run. Run “Build the road network” to store it."), False)
    net, _ = network_store.network_from_roads(
        conn, stored.tolerance if stored.tolerance is not None
        else network_store.DEFAULT_TOLERANCE)
    return with_profiles(net, network_store.speeds(conn))


def report_hierarchies(feedback, counts: dict) -> None:
    """Say whether the network build stored the driving hierarchy."""
    if counts.get("hierarchies"):
        feedback.pushInfo(tr("Driving hierarchy stored: driving catchments over most of the "
                             "network use it."))
    else:
        feedback.pushInfo(tr("No driving hierarchy stored (numba is not installed): driving "
                             "catchments give the same results, more slowly."))


def make_router(conn, net, mode: str, cost: str, feedback) -> Router:
    """The run's router, with the stored contraction hierarchy of ``mode`` when it fits the
    run's graph. When the compiled search cannot be used (numba missing or broken), or the
    stored hierarchy does not fit (speeds changed since the network was built), says so once
    in the log: results are the same, only slower."""
    if fast_search.AVAILABLE and not fast_search.compiled():
        feedback.pushInfo(tr("Preparing the compiled network searches (first run of this QGIS "
                             "session: a moment; a few seconds the first time after "
                             "installing)…"))
    router = Router(net, mode, cost)
    if router.engine_note:
        reason = (tr("numba is not installed") if "not installed" in router.engine_note
                  else tr("numba cannot be used ({error})").format(error=router.engine_note))
        feedback.pushInfo(tr(
            "Network searches run with SciPy because {reason}. Results are the same; "
            "installing numba (python3-numba on Debian, “pip install numba” in QGIS's Python "
            "elsewhere) makes long searches several times faster.").format(
                reason=reason))
    elif cost == "time" and mode in network_store.HIERARCHY_MODES:
        stored = network_store.load_hierarchy(conn, mode)
        if stored is not None and not router.attach_hierarchy(stored):
            feedback.pushInfo(tr(
                "The stored road hierarchy was built for other speeds or another network: "
                "long searches are slower (same results). Run “Build the road network” to "
                "rebuild it."))
    return router
