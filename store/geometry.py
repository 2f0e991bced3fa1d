"""GeoPackage geometry blobs (GPKG header + ISO WKB), for the few shapes the socle stores.

Shapes are plain Python/numpy values:
  point          (x, y)
  linestring     array of shape (n, 2)
  polygon        list of rings, each an array of shape (n, 2), first ring exterior, closed
  multipolygon   list of polygons
  multilinestring list of linestrings
"""

import struct

import numpy as np

WKB_TYPES = {1: "point", 2: "linestring", 3: "polygon", 4: "multipoint",
             5: "multilinestring", 6: "multipolygon"}
_CODES = {name: code for code, name in WKB_TYPES.items()}


class GeometryError(ValueError):
    """A blob that is not a GeoPackage geometry this module understands."""


def _ring_bytes(coords) -> bytes:
    arr = np.ascontiguousarray(coords, dtype="<f8").reshape(-1, 2)
    return struct.pack("<I", len(arr)) + arr.tobytes()


def _wkb(kind: str, shape) -> bytes:
    head = struct.pack("<BI", 1, _CODES[kind])
    if kind == "point":
        return head + struct.pack("<2d", float(shape[0]), float(shape[1]))
    if kind == "linestring":
        return head + _ring_bytes(shape)
    if kind == "polygon":
        return head + struct.pack("<I", len(shape)) + b"".join(_ring_bytes(r) for r in shape)
    if kind == "multipoint":
        return head + struct.pack("<I", len(shape)) + b"".join(_wkb("point", p) for p in shape)
    if kind == "multilinestring":
        return head + struct.pack("<I", len(shape)) + b"".join(_wkb("linestring", s) for s in shape)
    if kind == "multipolygon":
        return head + struct.pack("<I", len(shape)) + b"".join(_wkb("polygon", p) for p in shape)
    raise GeometryError(f"unsupported geometry kind {kind!r}")


def _all_coords(kind: str, shape) -> np.ndarray:
    if kind == "point":
        return np.array([shape], dtype=float)
    if kind in ("linestring",):
        return np.asarray(shape, dtype=float).reshape(-1, 2)
    if kind == "polygon":
        return np.vstack([np.asarray(r, dtype=float).reshape(-1, 2) for r in shape])
    if kind == "multipoint":
        return np.asarray(shape, dtype=float).reshape(-1, 2)
    if kind == "multilinestring":
        return np.vstack([np.asarray(s, dtype=float).reshape(-1, 2) for s in shape])
    if kind == "multipolygon":
        return np.vstack([_all_coords("polygon", p) for p in shape])
    raise GeometryError(f"unsupported geometry kind {kind!r}")


def encode(kind: str, shape, srs_id: int) -> bytes:
    """GeoPackage blob of a shape; points carry no envelope (as GDAL writes them)."""
    if kind == "point":
        header = b"GP" + struct.pack("<BBi", 0, 0b00000001, srs_id)
        return header + _wkb(kind, shape)
    xy = _all_coords(kind, shape)
    envelope = (xy[:, 0].min(), xy[:, 0].max(), xy[:, 1].min(), xy[:, 1].max())
    header = b"GP" + struct.pack("<BBi", 0, 0b00000011, srs_id) + struct.pack("<4d", *envelope)
    return header + _wkb(kind, shape)


def encode_point(x: float, y: float, srs_id: int) -> bytes:
    return encode("point", (x, y), srs_id)


def encode_points(x, y, srs_id: int) -> list:
    """Blobs of many points at once (same bytes as :func:`encode_point`); None where x or y
    is NaN."""
    x = np.asarray(x, dtype="<f8")
    y = np.asarray(y, dtype="<f8")
    n = len(x)
    raw = np.zeros((n, 29), dtype=np.uint8)
    raw[:, :8] = np.frombuffer(b"GP" + struct.pack("<BBi", 0, 0b00000001, srs_id), np.uint8)
    raw[:, 8:13] = np.frombuffer(struct.pack("<BI", 1, 1), np.uint8)
    raw[:, 13:29] = np.column_stack([x, y]).astype("<f8").view(np.uint8).reshape(n, 16)
    data = raw.tobytes()
    missing = np.isnan(x) | np.isnan(y)
    return [None if missing[i] else data[29 * i:29 * i + 29] for i in range(n)]


def point_xy(blobs) -> np.ndarray:
    """(n, 2) coordinates of point blobs (NaN rows for NULL, empty or non-point geometries)."""
    blobs = list(blobs)
    xy = np.full((len(blobs), 2), np.nan)
    for i, blob in enumerate(blobs):
        if blob is not None:
            kind, shape = decode(blob)
            if kind == "point":
                xy[i] = shape
    return xy


def _header(blob: bytes):
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        raise GeometryError("not a GeoPackage geometry blob")
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    env_code = (flags >> 1) & 0b111
    empty = bool(flags & 0b10000)
    env_len = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(env_code)
    if env_len is None:
        raise GeometryError("invalid envelope indicator in GeoPackage blob")
    envelope = None
    if env_code:
        envelope = struct.unpack(order + "4d", blob[8:40])
    return 8 + env_len, envelope, empty


class _Reader:
    def __init__(self, data: bytes, offset: int):
        self.data = data
        self.pos = offset

    def geometry(self):
        order = "<" if self.data[self.pos] == 1 else ">"
        (code,) = struct.unpack_from(order + "I", self.data, self.pos + 1)
        self.pos += 5
        dims = 2
        base = code % 1000
        if code >= 1000:  # ISO Z / M / ZM
            dims = {1: 3, 2: 3, 3: 4}[code // 1000]
        elif code & 0x80000000 or code & 0x40000000:  # EWKB-style flags
            dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)
            base = code & 0xFFFF
        kind = WKB_TYPES.get(base)
        if kind is None:
            raise GeometryError(f"unsupported WKB geometry type {code}")
        return kind, self._body(kind, order, dims)

    def _coords(self, order, dims):
        (n,) = struct.unpack_from(order + "I", self.data, self.pos)
        self.pos += 4
        arr = np.frombuffer(self.data, dtype=order + "f8", count=n * dims, offset=self.pos)
        self.pos += 8 * n * dims
        return arr.reshape(n, dims)[:, :2].astype(float)

    def _body(self, kind, order, dims):
        if kind == "point":
            vals = struct.unpack_from(order + f"{dims}d", self.data, self.pos)
            self.pos += 8 * dims
            return vals[0], vals[1]
        if kind == "linestring":
            return self._coords(order, dims)
        if kind == "polygon":
            (n,) = struct.unpack_from(order + "I", self.data, self.pos)
            self.pos += 4
            return [self._coords(order, dims) for _ in range(n)]
        (n,) = struct.unpack_from(order + "I", self.data, self.pos)
        self.pos += 4
        return [self.geometry()[1] for _ in range(n)]


def decode(blob: bytes):
    """(kind, shape) of a GeoPackage blob, or (None, None) for an empty geometry."""
    offset, _envelope, empty = _header(blob)
    if empty:
        return None, None
    return _Reader(blob, offset).geometry()


def envelope(blob: bytes):
    """(minx, maxx, miny, maxy) of a blob, from its header when present, else from its WKB."""
    offset, env, empty = _header(blob)
    if empty:
        return None
    if env is not None:
        return env[:4]
    kind, shape = _Reader(blob, offset).geometry()
    xy = _all_coords(kind, shape)
    return (float(xy[:, 0].min()), float(xy[:, 0].max()),
            float(xy[:, 1].min()), float(xy[:, 1].max()))


def envelopes(blobs, whole=None) -> np.ndarray:
    """(n, 4) array of (minx, maxx, miny, maxy) of many blobs (NaN rows for NULL or empty
    geometries), read in one vectorised pass from the headers of little-endian blobs with an
    envelope (what GDAL, QGIS and this module write), per blob (:func:`envelope`) otherwise.

    ``blobs`` may hold only the first 40 bytes of each blob (``substr(geom, 1, 40)``); then
    ``whole(i)`` must return blob ``i`` in full, and is called only for headers without an
    envelope."""
    blobs = list(blobs)
    n = len(blobs)
    out = np.full((n, 4), np.nan)
    long_enough = np.fromiter((b is not None and len(b) >= 40 for b in blobs), bool, n)
    idx = np.flatnonzero(long_enough)
    fast = np.zeros(n, dtype=bool)
    if idx.size:
        raw = np.frombuffer(b"".join(bytes(blobs[i][:40]) for i in idx),
                            dtype=np.uint8).reshape(-1, 40)
        flags, env_code = raw[:, 3], (raw[:, 3] >> 1) & 0b111
        ok = ((raw[:, 0] == ord("G")) & (raw[:, 1] == ord("P")) & ((flags & 0b10001) == 1)
              & (env_code >= 1) & (env_code <= 4))
        out[idx[ok]] = raw[ok, 8:40].copy().view("<f8")
        fast[idx[ok]] = True
    # 2D points written without an envelope (as GDAL and this module write them): 8-byte
    # header, then little-endian WKB type 1 and x, y at bytes 13-28
    short = np.fromiter((b is not None and len(b) == 29 for b in blobs), bool, n) & ~fast
    pidx = np.flatnonzero(short)
    if pidx.size:
        raw = np.frombuffer(b"".join(bytes(blobs[i]) for i in pidx),
                            dtype=np.uint8).reshape(-1, 29)
        ok = ((raw[:, 0] == ord("G")) & (raw[:, 1] == ord("P")) & ((raw[:, 3] & 0b11111) == 1)
              & (raw[:, 8] == 1) & (raw[:, 9] == 1) & (raw[:, 10:13] == 0).all(axis=1))
        xy = raw[ok, 13:29].copy().view("<f8")
        out[pidx[ok]] = np.column_stack([xy[:, 0], xy[:, 0], xy[:, 1], xy[:, 1]])
        fast[pidx[ok]] = True
    for i in np.flatnonzero(~fast):
        blob = blobs[i]
        if blob is None:
            continue
        if whole is not None and len(blob) >= 8 and blob[:2] == b"GP" and blob[3] & 0b10000:
            continue  # empty geometry: no envelope to read
        env = envelope(whole(i) if whole is not None else blob)
        if env is not None:
            out[i] = env
    return out


def as_polygons(kind: str, shape) -> list:
    """A polygon or multipolygon as a list of polygons (each a list of rings)."""
    if kind == "polygon":
        return [shape]
    if kind == "multipolygon":
        return list(shape)
    raise GeometryError(f"expected a polygon, got {kind}")


def wkb(blob: bytes) -> bytes:
    """The ISO WKB part of a GeoPackage blob (for ``QgsGeometry.fromWkb``)."""
    offset, _envelope, _empty = _header(blob)
    return bytes(blob[offset:])
