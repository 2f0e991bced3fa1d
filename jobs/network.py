"""The road network job: build the routing topology from the stored roads, load it for a run
with the stored speeds, the contraction hierarchies of driving, and the run's router.

Rules: every road vertex becomes a node and line ends closer than the snapping tolerance
(metres) are merged (:meth:`analysis.network.RoadNetwork.from_edges`); each segment keeps its
road's class, one-way direction and maxspeed. Speeds per mode and class: the stored ones
(``road_speeds``), the documented defaults for a mode with none
(:func:`analysis.road_profiles.default_profiles`). The contraction hierarchy of the driving
graph (:mod:`analysis.contraction`) is built with the topology when numba is installed.
Persistence (tables, arrays, stamps) is :mod:`store.network_store`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Optional

import numpy as np

from ..analysis import fast_search
from ..analysis.network import (
    CancelledError,
    RoadNetwork,
    Router,
    connected_parts,
    segments_from_lines,
    snap_points,
)
from ..analysis.road_profiles import (
    ProfiledNetwork,
    default_profiles,
    format_profile,
    parse_profile,
    with_profiles,
)
from ..i18n import tr
from ..store import network_store
from ..store.network_store import DEFAULT_TOLERANCE, NetworkError
from .common import JobError

__all__ = ["CancelledError", "DEFAULT_TOLERANCE", "HIERARCHY_MODES", "NetworkError",
           "StoredNetwork", "build_topology", "default_profiles", "format_profile",
           "load_hierarchy", "load_network", "make_router", "network_from_roads",
           "parse_profile", "run_network", "snap_points", "speeds"]

#: Modes whose travel-time graph gets a stored contraction hierarchy (driving: long searches
#: over most of the network; walking searches stay short, the bucket search suits them).
HIERARCHY_MODES = ("car",)

Report = Optional[Callable[[str], None]]


def speeds(conn) -> Dict[str, Dict[str, float]]:
    """``{mode: {road_class: km/h}}`` from ``road_speeds`` (defaults for a missing mode)."""
    out = default_profiles()
    out.update(network_store.stored_speeds(conn))
    return out


def network_from_roads(conn, tolerance: float = DEFAULT_TOLERANCE) -> tuple:
    """``(RoadNetwork, road_uuid per edge)`` built from ``roads`` (no write)."""
    lines, attrs = network_store.read_roads(conn)
    if not lines:
        raise NetworkError(tr("the roads table holds no line: import roads first"))
    seg = segments_from_lines(lines)
    line = seg["line"]
    net = RoadNetwork.from_edges(
        seg["x0"], seg["y0"], seg["x1"], seg["y1"], length=seg["length"],
        road_class=np.asarray(attrs["road_class"], dtype=object)[line],
        oneway=np.asarray(attrs["oneway"], dtype=np.int8)[line],
        maxspeed=np.asarray(attrs["maxspeed"], dtype=np.float64)[line], tolerance=tolerance)
    return net, np.asarray(attrs["road_uuid"], dtype=object)[line]


def build_topology(conn, srs_id: int, tolerance: float = DEFAULT_TOLERANCE,
                   progress: Optional[Callable[[float], None]] = None,
                   checkpoint: Optional[Callable[[], None]] = None) -> dict:
    """(Re)build ``road_nodes`` / ``road_edges`` from ``roads`` and stamp the checksum.

    Inside the caller's transaction. ``checkpoint()`` (which raises once the user cancels,
    e.g. :class:`jobs.common.CancelledError`) is called after the network is built, before
    anything is written, and between the writing steps: the caller's transaction then rolls
    back. Returns ``{"nodes": n, "edges": m, "components": c, "hierarchies": h}``
    (c: connected parts; h: contraction hierarchies stored).
    """
    if not tolerance >= 0:
        raise ValueError(tr("snapping tolerance must be >= 0 m, got {tolerance}").format(
            tolerance=tolerance))
    check = checkpoint or (lambda: None)
    net, road_uuid = network_from_roads(conn, tolerance)
    if progress:
        progress(40.0)
    check()
    checksum = network_store.write_topology(conn, srs_id, net, road_uuid,
                                            progress=(lambda: progress(75.0)) if progress
                                            else None)
    if progress:
        progress(85.0)
    check()
    hierarchies = write_hierarchies(conn, net)
    check()
    network_store.stamp_topology(conn, checksum, tolerance)
    return {"nodes": net.n_nodes, "edges": net.n_edges, "components": connected_parts(net),
            "hierarchies": hierarchies}


def write_hierarchies(conn, net: RoadNetwork) -> int:
    """Build and store the contraction hierarchy of each mode of :data:`HIERARCHY_MODES` (time
    cost, the stored speeds), inside the caller's transaction. Skipped, returning 0, when numba
    is missing: runs then use the bucket search or SciPy. Returns the number written."""
    from ..analysis import contraction

    network_store.clear_hierarchies(conn)
    if fast_search.ready():
        return 0
    profiled = with_profiles(net, speeds(conn))
    written = 0
    for mode in HIERARCHY_MODES:
        graph = Router(profiled, mode, "time", engine="numba").graph
        if graph.nnz == 0:
            continue
        h = contraction.build_hierarchy(graph.indptr, graph.indices, graph.data)
        network_store.write_hierarchy(conn, mode, h.arrays(), h.fingerprint)
        written += 1
    network_store.touch_arrays(conn)
    return written


def load_hierarchy(conn, mode: str):
    """The stored :class:`~analysis.contraction.Hierarchy` of ``mode``, or None (none stored,
    or an incomplete one). Whether it fits the run's graph is checked by the router (its
    fingerprint)."""
    from ..analysis.contraction import Hierarchy

    stored = network_store.read_hierarchy(conn, mode, Hierarchy.NAMES)
    return None if stored is None else Hierarchy(*stored)


@dataclass
class StoredNetwork:
    """A network loaded from the GeoPackage: ``network`` (with the stored speed profiles),
    ``stale`` (roads changed since the topology was built), ``tolerance`` (m) and
    ``built_at`` of the stored topology."""

    network: ProfiledNetwork
    stale: bool
    tolerance: Optional[float]
    built_at: Optional[str]


def _from_arrays(arrays: dict) -> RoadNetwork:
    net = RoadNetwork.from_arrays(
        {"x": arrays["node_x"], "y": arrays["node_y"]},
        {"from_node": arrays["from_node"], "to_node": arrays["to_node"],
         "length": arrays["length"], "oneway": arrays["oneway"],
         "maxspeed": arrays["maxspeed"], "road_class": arrays["road_class"]})
    net.set_class_index(arrays["class_names"], arrays["class_code"])  # stored sorted
    return net


def _from_tables(conn) -> RoadNetwork:
    node, (num, classes) = network_store.read_tables(conn)
    try:
        return RoadNetwork.from_arrays(
            {"x": node[:, 1], "y": node[:, 2]},
            {"from_node": num[:, 0].astype(np.int64), "to_node": num[:, 1].astype(np.int64),
             "length": num[:, 2], "oneway": num[:, 3].astype(np.int8), "maxspeed": num[:, 4],
             "road_class": classes})
    except ValueError as exc:
        raise NetworkError(tr("the stored road network is inconsistent ({error}): run "
                              "build_network").format(error=exc)) from exc


def load_network(conn, check: bool = True) -> StoredNetwork:
    """Load the stored topology as arrays (no geometry read, no snapping).

    With ``check``, ``stale`` says whether ``roads`` changed since :func:`build_topology`
    (checksum compared). NetworkError when no topology is stored.
    """
    if not network_store.has_topology(conn):
        raise NetworkError(tr("the GeoPackage holds no road network topology: run "
                              "import_roads or build_network first"))
    arrays = network_store.read_arrays(conn)
    base = _from_arrays(arrays) if arrays is not None else _from_tables(conn)
    net = ProfiledNetwork(base.node_x, base.node_y, base.from_node, base.to_node, base.length,
                          base.road_class, base.oneway, base.maxspeed, speeds(conn))
    if "_class_index" in base.__dict__:  # known from the stored arrays: carried over
        net.set_class_index(*base.class_index())
    return StoredNetwork(net, network_store.is_stale(conn, check),
                         network_store.stored_tolerance(conn), network_store.built_at(conn))


# ---------------------------------------------------------------------- a run's network

def run_network(conn, warn: Report = None) -> ProfiledNetwork:
    """The stored network with the stored speeds, for one run. When ``roads`` changed since
    the topology was built, the topology is rebuilt in memory for this run and ``warn`` says
    so. JobError (translated) when the GeoPackage has no network."""
    try:
        stored = load_network(conn)
    except NetworkError as exc:
        raise JobError(tr(
            "No road network in the GeoPackage: run “Import roads” (observatoire:import_roads) "
            "or “Build the road network” (observatoire:build_network) first.")) from exc
    if not stored.stale:
        return stored.network
    if warn is not None:
        warn(tr("The roads table changed since the network topology was built: the topology "
                "is rebuilt in memory for this run. Run “Build the road network” to store it."))
    net, _ = network_from_roads(conn, stored.tolerance if stored.tolerance is not None
                                else DEFAULT_TOLERANCE)
    return with_profiles(net, speeds(conn))


def make_router(conn, net, mode: str, cost: str, info: Report = None) -> Router:
    """The run's router, with the stored contraction hierarchy of ``mode`` when it fits the
    run's graph. ``info`` is told once when the compiled search cannot be used (numba missing
    or broken), or the stored hierarchy does not fit (speeds changed since the network was
    built): results are the same, only slower."""
    say = info or (lambda _message: None)
    if fast_search.AVAILABLE and not fast_search.compiled():
        say(tr("Preparing the compiled network searches (first run of this QGIS session: a "
               "moment; a few seconds the first time after installing)…"))
    router = Router(net, mode, cost)
    if router.engine_note:
        reason = (tr("numba is not installed") if "not installed" in router.engine_note
                  else tr("numba cannot be used ({error})").format(error=router.engine_note))
        say(tr("Network searches run with SciPy because {reason}. Results are the same; "
               "installing numba (python3-numba on Debian, “pip install numba” in QGIS's "
               "Python elsewhere) makes long searches several times faster.").format(
                   reason=reason))
    elif cost == "time" and mode in HIERARCHY_MODES:
        stored = load_hierarchy(conn, mode)
        if stored is not None and not router.attach_hierarchy(stored):
            say(tr("The stored road hierarchy was built for other speeds or another network: "
                   "long searches are slower (same results). Run “Build the road network” to "
                   "rebuild it."))
    return router
