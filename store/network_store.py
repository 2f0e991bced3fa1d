"""The road network in the GeoPackage: roads, stored topology, speeds per class.

Tables (schema v8, :func:`migrate_v8`; every one with ``fid`` + ``uuid``):

* ``road_nodes`` (points): ``node_id`` (0..n-1, the row order of the routing arrays), ``x``,
  ``y`` (metres, the file's CRS);
* ``road_edges``: ``edge_id`` (0..m-1), ``from_node``, ``to_node`` (node ids), ``length`` (m),
  ``road_class``, ``oneway`` (1 along from → to, -1 against, 0 both), ``maxspeed`` (km/h),
  ``road_uuid`` (the ``roads`` row the segment comes from);
* ``road_speeds``: ``mode`` (walk / car), ``road_class`` (or ``default``), ``speed_kmh``
  (0 = the mode may not use the class).

The topology is computed once (:func:`build_topology`: every road vertex becomes a node,
endpoints within the tolerance are merged) and stamped in ``observatory_meta`` with a checksum of
``roads`` (``road_network_checksum``); :func:`load_network` reads the arrays back without
re-snapping and says whether ``roads`` changed since (``stale``). ``road_nodes`` and
``road_edges`` are generated (edit ``roads``, then rebuild): ``road_network_arrays`` holds the
same columns as binary arrays, written in the same transaction, so a run loads a 150 000-edge
network in milliseconds instead of parsing 150 000 rows. It also holds, when numba is
installed, the contraction hierarchy of the driving graph (rows ``hierarchy_car_*``, see
:mod:`..analysis.contraction`), built with the topology for the stored speeds. Triggers on ``roads``
(``road_network_stale_*``: insert, delete, update of geometry, class, one-way or speed) replace
the stamp by ``stale``, so the check costs nothing; where a tool dropped them (a table rewritten
from scratch), the checksum is recomputed and compared.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Mapping, Optional

import numpy as np

from ..analysis import fast_search
from ..analysis.network import RoadNetwork, segments_from_lines
from ..analysis.road_profiles import ProfiledNetwork, default_profiles, with_profiles
from ..i18n import tr
from . import geometry, gpkg

UUID = "uuid TEXT NOT NULL UNIQUE"
META = "observatory_meta"
CHECKSUM_KEY = "road_network_checksum"
TOLERANCE_KEY = "road_network_tolerance"
BUILT_KEY = "road_network_built_at"
DEFAULT_TOLERANCE = 0.01  # metres

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


class NetworkError(RuntimeError):
    """No usable road network in the GeoPackage."""


def migrate_v8(conn, srs_id) -> None:
    """v8: stored road network topology and speeds per class."""
    for table, geom_type, columns, description in V8_TABLES:
        if not gpkg.table_exists(conn, table):
            gpkg.create_table(conn, table, columns, description=description,
                              geometry_type=geom_type, srs_id=srs_id)
    conn.execute("CREATE INDEX IF NOT EXISTS idx_road_edges_road ON road_edges (road_uuid)")
    create_stale_triggers(conn)
    if conn.execute("SELECT count(*) FROM road_speeds").fetchone()[0] == 0:
        for mode, profile in default_profiles().items():
            set_speeds(conn, mode, profile, replace=True)


STALE = "stale"
_TRIGGERS = {"insert": "AFTER INSERT ON roads", "delete": "AFTER DELETE ON roads",
             "update": "AFTER UPDATE OF geom, road_class, oneway, maxspeed ON roads"}


def create_stale_triggers(conn) -> None:
    """Triggers marking the stored topology stale whenever ``roads`` changes."""
    for name, when in _TRIGGERS.items():
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS road_network_stale_{name} {when} BEGIN "
                     f"UPDATE {META} SET value = '{STALE}' WHERE key = '{CHECKSUM_KEY}'; END")


def _has_stale_triggers(conn) -> bool:
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'roads'")}
    return all(f"road_network_stale_{n}" in names for n in _TRIGGERS)


def _set_meta(conn, key: str, value) -> None:
    if conn.execute(f"SELECT 1 FROM {META} WHERE key=?", (key,)).fetchone():
        conn.execute(f"UPDATE {META} SET value=? WHERE key=?", (None if value is None
                                                                else str(value), key))
    else:
        conn.execute(f"INSERT INTO {META} (uuid, key, value) VALUES (?,?,?)",
                     (str(uuid.uuid4()), key, None if value is None else str(value)))


def _meta(conn, key: str) -> Optional[str]:
    row = conn.execute(f"SELECT value FROM {META} WHERE key=?", (key,)).fetchone()
    return None if row is None else row[0]


# ---------------------------------------------------------------------- speeds
def speeds(conn) -> Dict[str, Dict[str, float]]:
    """``{mode: {road_class: km/h}}`` from ``road_speeds`` (defaults for a missing mode)."""
    out = default_profiles()
    stored: Dict[str, Dict[str, float]] = {}
    for mode, cls, speed in conn.execute("SELECT mode, road_class, speed_kmh FROM road_speeds"):
        stored.setdefault(mode, {})[cls] = float(speed)
    out.update(stored)
    return out


def set_speeds(conn, mode: str, profile: Mapping[str, float], replace: bool = False) -> None:
    """Write speeds of ``mode`` (inside the caller's transaction); ``replace`` drops the
    classes not listed, otherwise the listed classes are updated and the others kept."""
    if replace:
        conn.execute("DELETE FROM road_speeds WHERE mode=?", (mode,))
    for cls, speed in profile.items():
        if not (np.isfinite(speed) and speed >= 0):
            raise ValueError(tr("{mode} speed of {road_class!r} must be >= 0 km/h, got "
                                "{speed}").format(mode=mode, road_class=cls, speed=speed))
        row = conn.execute("SELECT 1 FROM road_speeds WHERE mode=? AND road_class=?",
                           (mode, cls)).fetchone()
        if row:
            conn.execute("UPDATE road_speeds SET speed_kmh=? WHERE mode=? AND road_class=?",
                         (float(speed), mode, cls))
        else:
            conn.execute("INSERT INTO road_speeds (uuid, mode, road_class, speed_kmh) "
                         "VALUES (?,?,?,?)", (str(uuid.uuid4()), mode, cls, float(speed)))
    gpkg.touch(conn, "road_speeds")


# ---------------------------------------------------------------------- roads
def write_roads(conn, records: Iterable[Mapping], srs_id: int, replace: bool = True) -> int:
    """Insert road records (``coords`` (n, 2), ``name``, ``road_class``, ``oneway``,
    ``maxspeed``, ``source_id``) into ``roads``; ``replace`` empties it first. Inside the
    caller's transaction. Returns the number of roads written."""
    if replace:
        conn.execute("DELETE FROM roads")
    rows = []
    for r in records:
        coords = np.asarray(r["coords"], dtype=np.float64).reshape(-1, 2)
        if len(coords) < 2:
            continue
        oneway = int(r.get("oneway") or 0)
        if oneway not in (-1, 0, 1):
            raise ValueError(tr("road {road!r}: oneway must be -1, 0 or 1").format(
                road=r.get("source_id")))
        speed = r.get("maxspeed")
        speed = None if speed is None or not np.isfinite(speed) or speed <= 0 else float(speed)
        rows.append((str(uuid.uuid4()), r.get("name"), r.get("road_class"), oneway, speed,
                     r.get("source_id"), geometry.encode("linestring", coords, srs_id)))
    conn.executemany("INSERT INTO roads (uuid, name, road_class, oneway, maxspeed, source_id, "
                     "geom) VALUES (?,?,?,?,?,?,?)", rows)
    gpkg.update_extent(conn, "roads")
    return len(rows)


def roads_checksum(conn) -> str:
    """SHA-1 of every road's id, class, direction, speed and geometry (in fid order)."""
    h = hashlib.sha1()
    for fid, cls, oneway, speed, geom in conn.execute(
            "SELECT fid, road_class, oneway, maxspeed, geom FROM roads ORDER BY fid"):
        h.update(f"{fid}|{cls}|{oneway}|{speed}|".encode())
        h.update(geom or b"")
    return h.hexdigest()


def read_roads(conn) -> tuple:
    """``(lines, attributes)``: one (n, 2) array per line part (multi-part roads give several)
    and a dict of per-line arrays ``road_uuid``, ``road_class``, ``oneway``, ``maxspeed``."""
    lines: List[np.ndarray] = []
    attrs: Dict[str, list] = {"road_uuid": [], "road_class": [], "oneway": [], "maxspeed": []}
    for r in conn.execute("SELECT uuid, road_class, oneway, maxspeed, geom FROM roads "
                          "WHERE geom IS NOT NULL ORDER BY fid"):
        kind, shape = geometry.decode(r[4])
        parts = [shape] if kind == "linestring" else (shape if kind == "multilinestring"
                                                      else [])
        for part in parts:
            if len(part) >= 2:
                lines.append(part)
                attrs["road_uuid"].append(r[0])
                attrs["road_class"].append(r[1] or "default")
                attrs["oneway"].append(int(r[2] or 0))
                attrs["maxspeed"].append(np.nan if r[3] is None else float(r[3]))
    return lines, attrs


def network_from_roads(conn, tolerance: float = DEFAULT_TOLERANCE) -> tuple:
    """``(RoadNetwork, road_uuid per edge)`` built from ``roads`` (no write)."""
    lines, attrs = read_roads(conn)
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
                   progress: Optional[Callable[[float], None]] = None) -> dict:
    """(Re)build ``road_nodes`` / ``road_edges`` from ``roads`` and stamp the checksum.

    Inside the caller's transaction. Returns ``{"nodes": n, "edges": m, "components": c,
    "hierarchies": h}`` (h: contraction hierarchies stored, see :func:`write_hierarchies`).
    """
    if not tolerance >= 0:
        raise ValueError(tr("snapping tolerance must be >= 0 m, got {tolerance}").format(
            tolerance=tolerance))
    net, road_uuid = network_from_roads(conn, tolerance)
    if progress:
        progress(40.0)
    conn.execute("DELETE FROM road_nodes")
    conn.execute("DELETE FROM road_edges")
    conn.executemany(
        "INSERT INTO road_nodes (uuid, node_id, x, y, geom) VALUES (?,?,?,?,?)",
        ((str(uuid.uuid4()), i, x, y, geometry.encode_point(x, y, srs_id))
         for i, (x, y) in enumerate(zip(net.node_x.tolist(), net.node_y.tolist()))))
    if progress:
        progress(75.0)
    maxspeed = [None if not np.isfinite(v) else v for v in net.maxspeed.tolist()]
    conn.executemany(
        "INSERT INTO road_edges (uuid, edge_id, from_node, to_node, length, road_class, oneway, "
        "maxspeed, road_uuid) VALUES (?,?,?,?,?,?,?,?,?)",
        ((str(uuid.uuid4()), i, *row) for i, row in enumerate(zip(
            net.from_node.tolist(), net.to_node.tolist(), net.length.tolist(),
            net.road_class.tolist(), net.oneway.tolist(), maxspeed, road_uuid.tolist()))))
    gpkg.update_extent(conn, "road_nodes")
    gpkg.touch(conn, "road_edges")
    create_stale_triggers(conn)  # again, in case a tool rewrote the roads table
    checksum = roads_checksum(conn)
    _write_arrays(conn, net, checksum)
    if progress:
        progress(85.0)
    hierarchies = write_hierarchies(conn, net)
    _set_meta(conn, CHECKSUM_KEY, checksum)
    _set_meta(conn, TOLERANCE_KEY, tolerance)
    _set_meta(conn, BUILT_KEY, gpkg.now_iso())
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    adjacency = coo_matrix((np.ones(net.n_edges), (net.from_node, net.to_node)),
                           shape=(net.n_nodes, net.n_nodes))
    components = int(connected_components(adjacency, directed=False)[0])
    return {"nodes": net.n_nodes, "edges": net.n_edges, "components": components,
            "hierarchies": hierarchies}


def _write_arrays(conn, net: RoadNetwork, checksum: str) -> None:
    classes, codes = np.unique(net.road_class.astype(str), return_inverse=True)
    arrays = {"node_x": net.node_x, "node_y": net.node_y,
              "from_node": net.from_node.astype("<i8"), "to_node": net.to_node.astype("<i8"),
              "length": net.length, "oneway": net.oneway.astype("<i1"),
              "maxspeed": net.maxspeed, "class_code": codes.astype("<i4")}
    conn.execute("DELETE FROM road_network_arrays")
    rows = [(str(uuid.uuid4()), name, np.asarray(a).dtype.newbyteorder("<").str,
             np.ascontiguousarray(a, dtype=np.asarray(a).dtype.newbyteorder("<")).tobytes())
            for name, a in arrays.items()]
    rows.append((str(uuid.uuid4()), "class_names", "json",
                 json.dumps(classes.tolist(), ensure_ascii=False).encode("utf-8")))
    rows.append((str(uuid.uuid4()), "checksum", "text", checksum.encode("ascii")))
    conn.executemany("INSERT INTO road_network_arrays (uuid, name, dtype, data) "
                     "VALUES (?,?,?,?)", rows)
    gpkg.touch(conn, "road_network_arrays")


#: Modes whose travel-time graph gets a stored contraction hierarchy (driving: long searches
#: over most of the network; walking searches stay short, the bucket search suits them).
HIERARCHY_MODES = ("car",)
_HIERARCHY_PREFIX = "hierarchy_"


def write_hierarchies(conn, net: RoadNetwork) -> int:
    """Build and store the contraction hierarchy of each mode of :data:`HIERARCHY_MODES` (time
    cost, the stored speeds) in ``road_network_arrays`` (inside the caller's transaction).
    Skipped, returning 0, when numba is missing: runs then use the bucket search or SciPy.
    Returns the number of hierarchies written."""
    from ..analysis import contraction
    from ..analysis.network import Router

    conn.execute("DELETE FROM road_network_arrays WHERE substr(name, 1, ?) = ?",
                 (len(_HIERARCHY_PREFIX), _HIERARCHY_PREFIX))
    if fast_search.ready():
        return 0
    profiled = with_profiles(net, speeds(conn))
    written = 0
    for mode in HIERARCHY_MODES:
        graph = Router(profiled, mode, "time", engine="numba").graph
        if graph.nnz == 0:
            continue
        h = contraction.build_hierarchy(graph.indptr, graph.indices, graph.data)
        prefix = f"{_HIERARCHY_PREFIX}{mode}_"
        rows = [(str(uuid.uuid4()), prefix + name, np.asarray(a).dtype.newbyteorder("<").str,
                 np.ascontiguousarray(a, dtype=np.asarray(a).dtype.newbyteorder("<")).tobytes())
                for name, a in h.arrays().items()]
        rows.append((str(uuid.uuid4()), prefix + "fingerprint", "text",
                     h.fingerprint.encode("ascii")))
        conn.executemany("INSERT INTO road_network_arrays (uuid, name, dtype, data) "
                         "VALUES (?,?,?,?)", rows)
        written += 1
    gpkg.touch(conn, "road_network_arrays")
    return written


def load_hierarchy(conn, mode: str):
    """The stored :class:`~..analysis.contraction.Hierarchy` of ``mode``, or None (none
    stored, or an incomplete one). Whether it fits the run's graph is checked by the router
    (its fingerprint)."""
    from ..analysis.contraction import Hierarchy

    if not gpkg.table_exists(conn, "road_network_arrays"):
        return None
    prefix = f"{_HIERARCHY_PREFIX}{mode}_"
    blobs = {r[0][len(prefix):]: (r[1], r[2]) for r in conn.execute(
        "SELECT name, dtype, data FROM road_network_arrays WHERE substr(name, 1, ?) = ?",
        (len(prefix), prefix))}
    if "fingerprint" not in blobs or any(n not in blobs for n in Hierarchy.NAMES):
        return None
    arrays = {n: np.frombuffer(bytes(blobs[n][1]), dtype=blobs[n][0]) for n in Hierarchy.NAMES}
    return Hierarchy(arrays, bytes(blobs["fingerprint"][1]).decode("ascii"))


def _read_arrays(conn) -> Optional[RoadNetwork]:
    """The network from ``road_network_arrays`` when present and of the stored build."""
    if not gpkg.table_exists(conn, "road_network_arrays"):
        return None
    blobs = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT name, dtype, data FROM road_network_arrays WHERE substr(name, 1, ?) != ?",
        (len(_HIERARCHY_PREFIX), _HIERARCHY_PREFIX))}
    needed = ("node_x", "node_y", "from_node", "to_node", "length", "oneway", "maxspeed",
              "class_code", "class_names", "checksum")
    if any(n not in blobs for n in needed):
        return None
    stamp = _meta(conn, CHECKSUM_KEY)
    if stamp not in (STALE, bytes(blobs["checksum"][1]).decode("ascii")):
        return None  # the tables were rebuilt by another tool: read them instead
    a = {n: np.frombuffer(bytes(blobs[n][1]), dtype=blobs[n][0]) for n in needed[:8]}
    names = np.array(json.loads(bytes(blobs["class_names"][1]).decode("utf-8")), dtype=object)
    net = RoadNetwork.from_arrays(
        {"x": a["node_x"], "y": a["node_y"]},
        {"from_node": a["from_node"], "to_node": a["to_node"], "length": a["length"],
         "oneway": a["oneway"], "maxspeed": a["maxspeed"],
         "road_class": names[a["class_code"]]})
    net.set_class_index(names, a["class_code"])  # written sorted by np.unique
    return net


@dataclass
class StoredNetwork:
    """A network loaded from the GeoPackage: ``network`` (with the stored speed profiles),
    ``stale`` (roads changed since the topology was built), ``tolerance`` (m) and
    ``built_at`` of the stored topology."""

    network: ProfiledNetwork
    stale: bool
    tolerance: Optional[float]
    built_at: Optional[str]


def has_topology(conn) -> bool:
    return (gpkg.table_exists(conn, "road_edges")
            and conn.execute("SELECT 1 FROM road_edges LIMIT 1").fetchone() is not None)


def load_network(conn, check: bool = True) -> StoredNetwork:
    """Load the stored topology as arrays (no geometry read, no snapping).

    With ``check``, ``stale`` says whether ``roads`` changed since :func:`build_topology`
    (checksum compared). NetworkError when no topology is stored.
    """
    if not has_topology(conn):
        raise NetworkError(tr("the GeoPackage holds no road network topology: run "
                              "import_roads or build_network first"))
    base = _read_arrays(conn)
    if base is None:
        base = _read_tables(conn)
    net = ProfiledNetwork(base.node_x, base.node_y, base.from_node, base.to_node, base.length,
                          base.road_class, base.oneway, base.maxspeed, speeds(conn))
    if "_class_index" in base.__dict__:  # known from the stored arrays: carried over
        net.set_class_index(*base.class_index())
    stamp = _meta(conn, CHECKSUM_KEY)
    stale = stamp == STALE or bool(check and not _has_stale_triggers(conn)
                                   and stamp != roads_checksum(conn))
    tol = _meta(conn, TOLERANCE_KEY)
    return StoredNetwork(net, stale, None if tol is None else float(tol), _meta(conn, BUILT_KEY))


def _read_tables(conn) -> RoadNetwork:
    # rows come in fid order (= id order as build_topology writes them); re-sorted if edited
    node = np.array(conn.execute("SELECT node_id, x, y FROM road_nodes ORDER BY fid")
                    .fetchall(), dtype=np.float64).reshape(-1, 3)
    node = node[np.argsort(node[:, 0], kind="stable")]
    if node.size and not np.array_equal(node[:, 0], np.arange(len(node))):
        raise NetworkError(tr("road_nodes node_id values are not 0..n-1: run build_network"))
    rows = conn.execute("SELECT edge_id, from_node, to_node, length, oneway, maxspeed, "
                        "road_class FROM road_edges ORDER BY fid").fetchall()
    num = np.array([r[:6] for r in rows], dtype=np.float64).reshape(-1, 6)
    order = np.argsort(num[:, 0], kind="stable")
    if not np.array_equal(order, np.arange(len(order))):
        num, rows = num[order], [rows[i] for i in order]
    num = num[:, 1:]
    try:
        base = RoadNetwork.from_arrays(
            {"x": node[:, 1], "y": node[:, 2]},
            {"from_node": num[:, 0].astype(np.int64), "to_node": num[:, 1].astype(np.int64),
             "length": num[:, 2], "oneway": num[:, 3].astype(np.int8), "maxspeed": num[:, 4],
             "road_class": [r[6] or "default" for r in rows]})
    except ValueError as exc:
        raise NetworkError(tr("the stored road network is inconsistent ({error}): run "
                              "build_network").format(error=exc)) from exc
    return base
