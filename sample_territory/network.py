"""Demo step: the routing topology of the demo roads (stored once, as import_roads does)."""

from __future__ import annotations

from ..jobs import network
from ..store import observatory


def build(conn, rng) -> None:
    """Build road_nodes / road_edges from the demo roads (snapping tolerance 1 cm)."""
    network.build_topology(conn, observatory.srs_id(conn))
