"""Premises to commercial linears by distance (analysis.linear), by hand."""

import numpy as np
import pytest

from observatoire_commerce.analysis.linear import assign_to_lines, distance_to_polyline


def test_distance_to_polyline_by_hand():
    line = [np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0]])]
    d = distance_to_polyline(np.array([[50, 10], [110, 50], [-30, -40], [100, 0]]), line)
    # above the first segment, beside the second, beyond the first vertex (3-4-5), on a vertex
    assert d == pytest.approx([10.0, 10.0, 50.0, 0.0])


def test_nearest_line_within_distance():
    lines = [[np.array([[0.0, 0.0], [100.0, 0.0]])],
             [np.array([[0.0, 20.0], [100.0, 20.0]])]]
    xy = np.array([[50, 5], [50, 14], [50, 10], [50, 60], [np.nan, 0]])
    # 5 m from line 0; 6 m from line 1 (14 m from 0); a tie goes to the earlier line;
    # 40 m from line 1 (beyond 15 m); no coordinates
    assert assign_to_lines(xy, lines, 15.0).tolist() == [0, 1, 0, -1, -1]
    with pytest.raises(ValueError, match="non-negative"):
        assign_to_lines(xy, lines, -1)
