import numpy as np
import pytest

from observatoire_commerce.analysis.spatial import points_in_zones
from observatoire_commerce.store import geometry


def test_blob_round_trip_and_envelope():
    ring = np.array([[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]], dtype=float)
    blob = geometry.encode("multipolygon", [[ring]], 2154)
    kind, shape = geometry.decode(blob)
    assert kind == "multipolygon"
    np.testing.assert_array_equal(shape[0][0], ring)
    assert geometry.envelope(blob) == (0.0, 4.0, 0.0, 3.0)
    point = geometry.encode_point(1.5, -2.0, 2154)
    assert geometry.decode(point) == ("point", (1.5, -2.0))
    assert geometry.envelope(point) == (1.5, 1.5, -2.0, -2.0)


def test_not_a_blob():
    with pytest.raises(geometry.GeometryError):
        geometry.decode(b"XX\x00\x01")


def test_points_in_zones_with_hole_and_priority():
    outer = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    hole = np.array([[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]], dtype=float)
    small = np.array([[8, 8], [12, 8], [12, 12], [8, 12], [8, 8]], dtype=float)
    zones = [[[outer, hole]], [[small]]]
    pts = np.array([[1, 1], [5, 5], [9, 9], [11, 11], [20, 20]], dtype=float)
    # (5,5) is in the hole -> none; (9,9) is in both -> the first zone wins
    assert points_in_zones(pts, zones).tolist() == [0, -1, 0, 1, -1]


def test_envelopes_of_many_blobs_match_one_by_one():
    import struct

    ring = np.array([[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]], dtype=float)
    poly = geometry.encode("polygon", [ring + 10], 2154)
    point = geometry.encode_point(1.5, -2.0, 2154)  # no envelope in its header
    # big-endian header with an envelope (another writer): read one by one
    big = (b"GP" + struct.pack(">BBi", 0, 0b00000010, 2154) + struct.pack(">4d", 7, 8, 9, 10)
           + poly[40:])
    empty = b"GP" + struct.pack("<BBi", 0, 0b00010001, 2154) + poly[40:]
    got = geometry.envelopes([poly, None, point, big, empty])
    np.testing.assert_array_equal(got[0], [10, 14, 10, 13])
    assert np.isnan(got[1]).all() and np.isnan(got[4]).all()
    np.testing.assert_array_equal(got[2], [1.5, 1.5, -2.0, -2.0])
    np.testing.assert_array_equal(got[3], [7, 8, 9, 10])
    with pytest.raises(geometry.GeometryError):
        geometry.envelopes([b"XXnot a blob at all, forty bytes long......"])


def test_polygons_centroid_with_hole_and_any_winding():
    from observatoire_commerce.analysis.spatial import polygons_centroid

    sq = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    hole = np.array([[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]], dtype=float)
    assert polygons_centroid([[sq]]) == (5.0, 5.0)
    assert polygons_centroid([[sq[::-1]]]) == (5.0, 5.0)
    # (100 × 5 - 25 × 2.5) / 75 = 5.8333…, with the hole clockwise or not
    for h in (hole, hole[::-1]):
        assert polygons_centroid([[sq, h]]) == pytest.approx((35 / 6, 35 / 6))
    # two squares of equal area: midway
    assert polygons_centroid([[sq], [sq + 20]]) == (15.0, 15.0)


def test_zone_home_points_population_weighted_else_centroid():
    from observatoire_commerce.analysis.spatial import zone_home_points

    sq = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    zones = [[[sq]], [[sq + 20]]]
    # zone 0: cells (1, 1) ×1 and (3, 3) ×3 → (2.5, 2.5); the empty cell and the cell
    # outside every zone count for nothing; zone 1 has only an empty cell → its centroid
    x, y, n = zone_home_points(zones, [[1, 1], [3, 3], [25, 25], [50, 50]], [1, 3, 0, 9])
    assert x.tolist() == [2.5, 25.0] and y.tolist() == [2.5, 25.0] and n.tolist() == [2, 0]
    # overlapping zones (an IRIS inside its commune): a cell counts in both
    big = np.array([[0, 0], [40, 0], [40, 40], [0, 40], [0, 0]], dtype=float)
    x, y, n = zone_home_points([[[sq]], [[big]]], [[1, 1], [31, 31]], [1, 1])
    assert (x.tolist(), y.tolist(), n.tolist()) == ([1.0, 16.0], [1.0, 16.0], [1, 2])
    with pytest.raises(ValueError, match="2 cells but 1 weights"):
        zone_home_points(zones, [[1, 1], [2, 2]], [1])
