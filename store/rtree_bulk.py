"""Bulk loading of a GeoPackage R-tree: the whole index written at once, packed (STR).

SQLite's R-tree module inserts one entry at a time (a descent, and node splits as the tree
grows): about 8 µs an entry, most of a 100 000-point import. A bulk load builds the packed tree
in numpy and writes its nodes directly into the R-tree's shadow tables, as GDAL does for its
GeoPackages. The tree is the one SQLite would read from any R-tree (its file format is stable
and documented in SQLite's ``rtree.c``):

* ``<rtree>_node(nodeno, data)``: node 1 is the root. ``data`` is a blob of the R-tree's node
  size (the length of the root's blob, fixed at creation): 2 bytes tree depth (root only; leaves
  are depth 0), 2 bytes number of cells, then cells of 8 bytes (the entry's rowid in a leaf, the
  child's node number otherwise) and four float32 (min x, max x, min y, max y); integers and
  floats big-endian, unused bytes zero.
* ``<rtree>_rowid(rowid, nodeno)``: the leaf holding each entry.
* ``<rtree>_parent(nodeno, parentnode)``: the parent of each node but the root.

Coordinates are rounded outwards to float32 (minimum down, maximum up), as SQLite does, so a
box always contains its geometry. Packing is Sort-Tile-Recursive: entries sorted by x into
vertical slices, each slice by y, cut into full nodes; the same on each level up. The result
is checked by SQLite's ``rtreecheck()`` in the tests.
"""

from __future__ import annotations

import math

import numpy as np

CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])


def _outward(env: np.ndarray) -> np.ndarray:
    """(n, 4) doubles (minx, maxx, miny, maxy) -> float32 rounded outwards."""
    out = env.astype(np.float32)
    low = out[:, [0, 2]]
    high = out[:, [1, 3]]
    low_bad = low.astype(np.float64) > env[:, [0, 2]]
    high_bad = high.astype(np.float64) < env[:, [1, 3]]
    low[low_bad] = np.nextafter(low[low_bad], np.float32(-np.inf))
    high[high_bad] = np.nextafter(high[high_bad], np.float32(np.inf))
    out[:, [0, 2]] = low
    out[:, [1, 3]] = high
    return out


def _str_order(box: np.ndarray, capacity: int) -> np.ndarray:
    """Sort-Tile-Recursive order of boxes: vertical slices by x centre, each sorted by y."""
    n = len(box)
    if n <= capacity:
        return np.arange(n)
    nodes = math.ceil(n / capacity)
    slices = math.ceil(math.sqrt(nodes))
    per_slice = slices * capacity
    cx = (box[:, 0].astype(np.float64) + box[:, 1]) / 2
    cy = (box[:, 2].astype(np.float64) + box[:, 3]) / 2
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) // per_slice
    return np.lexsort((cy, slice_of))


def node_size(conn, rtree: str) -> int:
    return conn.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()[0]


def load(conn, rtree: str, ids, env) -> None:
    """Replace the content of R-tree ``rtree`` by the entries ``ids`` with boxes ``env``
    ((n, 4): min x, max x, min y, max y), packed. Runs inside the caller's transaction."""
    size = node_size(conn, rtree)
    capacity = (size - 4) // CELL.itemsize
    ids = np.asarray(ids, dtype=np.int64)
    box = _outward(np.asarray(env, dtype=np.float64).reshape(-1, 4))
    for shadow in ("node", "rowid", "parent"):
        conn.execute(f'DELETE FROM "{rtree}_{shadow}"')

    nodes = []          # (nodeno, depth-or-None, cells)
    rowids = None       # (entry rowids, their leaf nodeno)
    parents = []        # (child nodenos, parent nodeno) per level above the leaves
    next_no = 2
    level_ids, level_box, depth = ids, box, 0
    while True:
        order = _str_order(level_box, capacity)
        level_ids, level_box = level_ids[order], level_box[order]
        root = len(level_ids) <= capacity
        groups = [slice(0, len(level_ids))] if root else [
            slice(i, i + capacity) for i in range(0, len(level_ids), capacity)]
        numbers = [1] if root else list(range(next_no, next_no + len(groups)))
        next_no += 0 if root else len(groups)
        up_ids, up_box = [], []
        holder = np.repeat(np.asarray(numbers, dtype=np.int64),
                           [len(level_ids[part]) for part in groups])
        if depth == 0:
            rowids = (level_ids, holder)
        else:
            parents.append((level_ids, holder))
        for number, part in zip(numbers, groups):
            cells = np.empty(len(level_ids[part]), dtype=CELL)
            cells["id"] = level_ids[part]
            cells["box"] = level_box[part]
            nodes.append((number, depth if root else None, cells))
            if not root:
                b = level_box[part]
                up_ids.append(number)
                up_box.append((b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max()))
        if root:
            break
        level_ids = np.asarray(up_ids, dtype=np.int64)
        level_box = np.asarray(up_box, dtype=np.float32)
        depth += 1

    def blob(tree_depth, cells) -> bytes:
        head = int(tree_depth or 0).to_bytes(2, "big") + len(cells).to_bytes(2, "big")
        body = cells.tobytes()
        return head + body + bytes(size - 4 - len(body))

    conn.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)',
                     [(number, blob(d, cells)) for number, d, cells in nodes])
    by_rowid = np.argsort(rowids[0], kind="stable")  # appends to the rowid B-tree
    conn.executemany(f'INSERT INTO "{rtree}_rowid" (rowid, nodeno) VALUES (?, ?)',
                     zip(rowids[0][by_rowid].tolist(), rowids[1][by_rowid].tolist()))
    for children, parent in parents:
        conn.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)',
                         zip(children.tolist(), parent.tolist()))
