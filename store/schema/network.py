"""Schema v8: the stored road network (topology, binary arrays, speeds per mode and class).

Tables (every one with ``fid`` + ``uuid``):

* ``road_nodes`` (points): ``node_id`` (0..n-1, the row order of the routing arrays), ``x``,
  ``y`` (metres, the file's CRS);
* ``road_edges``: ``edge_id`` (0..m-1), ``from_node``, ``to_node`` (node ids), ``length`` (m),
  ``road_class``, ``oneway`` (1 along from → to, -1 against, 0 both), ``maxspeed`` (km/h),
  ``road_uuid`` (the ``roads`` row the segment comes from);
* ``road_network_arrays``: the same columns as binary arrays (and the contraction hierarchies);
* ``road_speeds``: ``mode`` (walk / car), ``road_class`` (or ``default``), ``speed_kmh``
  (0 = the mode may not use the class), seeded with :data:`DEFAULT_SPEEDS`.

Triggers on ``roads`` (``road_network_stale_*``) replace the topology's checksum stamp in
``observatory_meta`` by ``stale`` whenever a road changes.
"""

from __future__ import annotations

from .. import gpkg

UUID = "uuid TEXT NOT NULL UNIQUE"
META = "observatory_meta"
CHECKSUM_KEY = "road_network_checksum"
STALE = "stale"

#: The documented default speeds (km/h) written to ``road_speeds`` when the table is created:
#: walking 4.8 km/h on every class but motorways; driving per OSM class, pedestrian-only
#: classes barred (0). The same values as ``analysis.road_profiles.default_profiles()`` (a
#: test checks that they agree): this is the data, that is what the formulas use by default.
DEFAULT_SPEEDS = {
    "walk": {"default": 4.8, "motorway": 0.0, "motorway_link": 0.0},
    "car": {
        "motorway": 110.0, "motorway_link": 60.0, "trunk": 80.0, "trunk_link": 50.0,
        "primary": 50.0, "primary_link": 40.0, "secondary": 50.0, "secondary_link": 40.0,
        "tertiary": 40.0, "tertiary_link": 30.0, "unclassified": 40.0, "residential": 30.0,
        "living_street": 20.0, "service": 20.0, "road": 30.0, "track": 15.0, "default": 30.0,
        "bridleway": 0.0, "corridor": 0.0, "cycleway": 0.0, "elevator": 0.0, "footway": 0.0,
        "path": 0.0, "pedestrian": 0.0, "platform": 0.0, "steps": 0.0,
    },
}

V8_TABLES = [
    ("road_nodes", "POINT",
     f"{UUID}, node_id INTEGER NOT NULL UNIQUE, x REAL NOT NULL, y REAL NOT NULL",
     "Road network nodes (routing topology built from roads)"),
    ("road_edges", None,
     f"{UUID}, edge_id INTEGER NOT NULL UNIQUE, from_node INTEGER NOT NULL, "
     "to_node INTEGER NOT NULL, length REAL NOT NULL CHECK (length >= 0), road_class TEXT, "
     "oneway INTEGER NOT NULL DEFAULT 0 CHECK (oneway IN (-1, 0, 1)), maxspeed REAL, "
     "road_uuid TEXT",
     "Road network edges: one per road segment (oneway: 1 from->to, -1 to->from, 0 both)"),
    ("road_network_arrays", None,
     f"{UUID}, name TEXT NOT NULL UNIQUE, dtype TEXT NOT NULL, data BLOB NOT NULL",
     "Binary copy of road_nodes / road_edges for fast loading (written by build_network)"),
    ("road_speeds", None,
     f"{UUID}, mode TEXT NOT NULL CHECK (mode IN ('walk', 'car')), road_class TEXT NOT NULL, "
     "speed_kmh REAL NOT NULL CHECK (speed_kmh >= 0), UNIQUE (mode, road_class)",
     "Speeds per mode and road class in km/h (0 = not usable; 'default' for other classes)"),
]

_TRIGGERS = {"insert": "AFTER INSERT ON roads", "delete": "AFTER DELETE ON roads",
             "update": "AFTER UPDATE OF geom, road_class, oneway, maxspeed ON roads"}


def create_stale_triggers(conn) -> None:
    """Triggers marking the stored topology stale whenever ``roads`` changes."""
    for name, when in _TRIGGERS.items():
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS road_network_stale_{name} {when} BEGIN "
                     f"UPDATE {META} SET value = '{STALE}' WHERE key = '{CHECKSUM_KEY}'; END")


def has_stale_triggers(conn) -> bool:
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'roads'")}
    return all(f"road_network_stale_{n}" in names for n in _TRIGGERS)


def migrate_v8(conn, srs_id) -> None:
    """v8: stored road network topology and speeds per class (default speeds written)."""
    from ..network_store import set_speeds

    gpkg.create_tables(conn, V8_TABLES, ["CREATE INDEX idx_road_edges_road ON road_edges "
                                         "(road_uuid)"], srs_id=srs_id, if_missing=True)
    create_stale_triggers(conn)
    if conn.execute("SELECT count(*) FROM road_speeds").fetchone()[0] == 0:
        for mode, profile in DEFAULT_SPEEDS.items():
            set_speeds(conn, mode, profile, replace=True)
