"""The road network in the GeoPackage, as stored: roads, topology, binary arrays, contraction
hierarchies, speeds per class (schema: :mod:`store.schema.network`).

Persistence only: building the topology from the roads, the routing graphs and the hierarchies
is :mod:`jobs.network`, which hands this module plain arrays to write and reads them back.

The topology is stamped in ``observatory_meta`` with a checksum of ``roads``
(``road_network_checksum``); triggers on ``roads`` replace the stamp by ``stale``, so the check
costs nothing; where a tool dropped them (a table rewritten from scratch), the checksum is
recomputed and compared (:func:`is_stale`). ``road_nodes`` and ``road_edges`` are generated
(edit ``roads``, then rebuild): ``road_network_arrays`` holds the same columns as binary arrays,
written in the same transaction, so a run loads a 150 000-edge network in milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Callable, Dict, Iterable, List, Mapping, Optional

import numpy as np

from ..i18n import tr
from . import geometry, gpkg
from .schema.network import (  # noqa: F401 (the schema's names, re-exported)
    CHECKSUM_KEY,
    DEFAULT_SPEEDS,
    META,
    STALE,
    V8_TABLES,
    create_stale_triggers,
    has_stale_triggers,
    migrate_v8,
)

TOLERANCE_KEY = "road_network_tolerance"
BUILT_KEY = "road_network_built_at"
DEFAULT_TOLERANCE = 0.01  # metres
#: The binary arrays of a network, in ``road_network_arrays`` (plus ``class_names``, json,
#: and ``checksum``, text).
ARRAY_NAMES = ("node_x", "node_y", "from_node", "to_node", "length", "oneway", "maxspeed",
               "class_code")
HIERARCHY_PREFIX = "hierarchy_"


class NetworkError(RuntimeError):
    """No usable road network in the GeoPackage."""


def set_meta(conn, key: str, value) -> None:
    if conn.execute(f"SELECT 1 FROM {META} WHERE key=?", (key,)).fetchone():
        conn.execute(f"UPDATE {META} SET value=? WHERE key=?", (None if value is None
                                                                else str(value), key))
    else:
        conn.execute(f"INSERT INTO {META} (uuid, key, value) VALUES (?,?,?)",
                     (str(uuid.uuid4()), key, None if value is None else str(value)))


def meta(conn, key: str) -> Optional[str]:
    row = conn.execute(f"SELECT value FROM {META} WHERE key=?", (key,)).fetchone()
    return None if row is None else row[0]


# ---------------------------------------------------------------------- speeds
def stored_speeds(conn) -> Dict[str, Dict[str, float]]:
    """``{mode: {road_class: km/h}}`` as stored in ``road_speeds`` (modes without a row are
    absent)."""
    stored: Dict[str, Dict[str, float]] = {}
    for mode, cls, speed in conn.execute("SELECT mode, road_class, speed_kmh FROM road_speeds"):
        stored.setdefault(mode, {})[cls] = float(speed)
    return stored


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
    caller's transaction. Returns the number of roads written. ``maxspeed`` in km/h: 0 is
    kept (closed to cars), a missing, non-finite or negative value is stored as NULL."""
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
        speed = None if speed is None or not np.isfinite(speed) or speed < 0 else float(speed)
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


# ---------------------------------------------------------------------- topology
def write_topology(conn, srs_id: int, network, road_uuid,
                   progress: Optional[Callable[[], None]] = None) -> str:
    """Replace ``road_nodes``, ``road_edges`` and the binary arrays by ``network`` (any object
    with the arrays ``node_x``, ``node_y``, ``from_node``, ``to_node``, ``length``,
    ``road_class``, ``oneway``, ``maxspeed``; ``road_uuid`` per edge). Inside the caller's
    transaction; returns the checksum of ``roads`` to stamp (:func:`stamp_topology`).
    ``progress()`` is called once the nodes are written."""
    conn.execute("DELETE FROM road_nodes")
    conn.execute("DELETE FROM road_edges")
    conn.executemany(
        "INSERT INTO road_nodes (uuid, node_id, x, y, geom) VALUES (?,?,?,?,?)",
        ((str(uuid.uuid4()), i, x, y, geometry.encode_point(x, y, srs_id))
         for i, (x, y) in enumerate(zip(network.node_x.tolist(), network.node_y.tolist()))))
    if progress is not None:
        progress()
    maxspeed = [None if not np.isfinite(v) else v for v in network.maxspeed.tolist()]
    conn.executemany(
        "INSERT INTO road_edges (uuid, edge_id, from_node, to_node, length, road_class, oneway, "
        "maxspeed, road_uuid) VALUES (?,?,?,?,?,?,?,?,?)",
        ((str(uuid.uuid4()), i, *row) for i, row in enumerate(zip(
            network.from_node.tolist(), network.to_node.tolist(), network.length.tolist(),
            network.road_class.tolist(), network.oneway.tolist(), maxspeed,
            list(road_uuid)))))
    gpkg.update_extent(conn, "road_nodes")
    gpkg.touch(conn, "road_edges")
    create_stale_triggers(conn)  # again, in case a tool rewrote the roads table
    checksum = roads_checksum(conn)
    _write_arrays(conn, network, checksum)
    return checksum


def stamp_topology(conn, checksum: str, tolerance: float) -> None:
    """Mark the stored topology as built now from the roads of ``checksum`` with the snapping
    ``tolerance`` (m): the last step of a build, after the hierarchies."""
    set_meta(conn, CHECKSUM_KEY, checksum)
    set_meta(conn, TOLERANCE_KEY, tolerance)
    set_meta(conn, BUILT_KEY, gpkg.now_iso())


def _blob_rows(arrays: Mapping[str, np.ndarray], prefix: str = "") -> list:
    return [(str(uuid.uuid4()), prefix + name, np.asarray(a).dtype.newbyteorder("<").str,
             np.ascontiguousarray(a, dtype=np.asarray(a).dtype.newbyteorder("<")).tobytes())
            for name, a in arrays.items()]


def _write_arrays(conn, network, checksum: str) -> None:
    classes, codes = np.unique(network.road_class.astype(str), return_inverse=True)
    arrays = {"node_x": network.node_x, "node_y": network.node_y,
              "from_node": network.from_node.astype("<i8"),
              "to_node": network.to_node.astype("<i8"), "length": network.length,
              "oneway": network.oneway.astype("<i1"), "maxspeed": network.maxspeed,
              "class_code": codes.astype("<i4")}
    conn.execute("DELETE FROM road_network_arrays")
    rows = _blob_rows(arrays)
    rows.append((str(uuid.uuid4()), "class_names", "json",
                 json.dumps(classes.tolist(), ensure_ascii=False).encode("utf-8")))
    rows.append((str(uuid.uuid4()), "checksum", "text", checksum.encode("ascii")))
    conn.executemany("INSERT INTO road_network_arrays (uuid, name, dtype, data) "
                     "VALUES (?,?,?,?)", rows)
    gpkg.touch(conn, "road_network_arrays")


def has_topology(conn) -> bool:
    return (gpkg.table_exists(conn, "road_edges")
            and conn.execute("SELECT 1 FROM road_edges LIMIT 1").fetchone() is not None)


def read_arrays(conn) -> Optional[dict]:
    """The stored network arrays (:data:`ARRAY_NAMES`, ``road_class`` per edge from the class
    codes, ``class_names``) when present and of the stored build, else None (then read the
    tables, :func:`read_tables`)."""
    if not gpkg.table_exists(conn, "road_network_arrays"):
        return None
    blobs = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT name, dtype, data FROM road_network_arrays WHERE substr(name, 1, ?) != ?",
        (len(HIERARCHY_PREFIX), HIERARCHY_PREFIX))}
    if any(n not in blobs for n in (*ARRAY_NAMES, "class_names", "checksum")):
        return None
    stamp = meta(conn, CHECKSUM_KEY)
    if stamp not in (STALE, bytes(blobs["checksum"][1]).decode("ascii")):
        return None  # the tables were rebuilt by another tool: read them instead
    out = {n: np.frombuffer(bytes(blobs[n][1]), dtype=blobs[n][0]) for n in ARRAY_NAMES}
    out["class_names"] = np.array(json.loads(bytes(blobs["class_names"][1]).decode("utf-8")),
                                  dtype=object)
    out["road_class"] = out["class_names"][out["class_code"]]
    return out


def read_tables(conn) -> tuple:
    """``(nodes, (edges, classes))`` from ``road_nodes`` and ``road_edges``: ``nodes`` an
    (n, 3) array of ``node_id, x, y`` sorted by node id; ``edges`` an (m, 5) array of
    ``from_node, to_node, length, oneway, maxspeed`` and ``classes`` the road class of each
    edge, sorted by edge id. NetworkError when the node ids are not 0..n-1."""
    # rows come in fid order (= id order as the build writes them); re-sorted if edited
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
    return node, (num[:, 1:], [r[6] or "default" for r in rows])


def is_stale(conn, check: bool = True) -> bool:
    """Did ``roads`` change since the topology was built? The stamp says so; with ``check``
    and without the triggers, the checksum is recomputed and compared."""
    stamp = meta(conn, CHECKSUM_KEY)
    return stamp == STALE or bool(check and not has_stale_triggers(conn)
                                  and stamp != roads_checksum(conn))


def stored_tolerance(conn) -> Optional[float]:
    value = meta(conn, TOLERANCE_KEY)
    return None if value is None else float(value)


def built_at(conn) -> Optional[str]:
    return meta(conn, BUILT_KEY)


# ---------------------------------------------------------------------- hierarchies
def clear_hierarchies(conn) -> None:
    conn.execute("DELETE FROM road_network_arrays WHERE substr(name, 1, ?) = ?",
                 (len(HIERARCHY_PREFIX), HIERARCHY_PREFIX))


def touch_arrays(conn) -> None:
    """Record a change of ``road_network_arrays`` (after writing hierarchies)."""
    gpkg.touch(conn, "road_network_arrays")


def write_hierarchy(conn, mode: str, arrays: Mapping[str, np.ndarray], fingerprint: str) -> None:
    """Store the arrays and fingerprint of a mode's contraction hierarchy (rows
    ``hierarchy_<mode>_*``), inside the caller's transaction."""
    prefix = f"{HIERARCHY_PREFIX}{mode}_"
    rows = _blob_rows(arrays, prefix)
    rows.append((str(uuid.uuid4()), prefix + "fingerprint", "text",
                 fingerprint.encode("ascii")))
    conn.executemany("INSERT INTO road_network_arrays (uuid, name, dtype, data) "
                     "VALUES (?,?,?,?)", rows)


def read_hierarchy(conn, mode: str, names: Iterable[str]) -> Optional[tuple]:
    """``(arrays, fingerprint)`` of the stored hierarchy of ``mode``, or None when none is
    stored or one of ``names`` is missing."""
    if not gpkg.table_exists(conn, "road_network_arrays"):
        return None
    prefix = f"{HIERARCHY_PREFIX}{mode}_"
    blobs = {r[0][len(prefix):]: (r[1], r[2]) for r in conn.execute(
        "SELECT name, dtype, data FROM road_network_arrays WHERE substr(name, 1, ?) = ?",
        (len(prefix), prefix))}
    names = list(names)
    if "fingerprint" not in blobs or any(n not in blobs for n in names):
        return None
    arrays = {n: np.frombuffer(bytes(blobs[n][1]), dtype=blobs[n][0]) for n in names}
    return arrays, bytes(blobs["fingerprint"][1]).decode("ascii")
