"""Centrality perimeters from premises (analysis.delineation), on hand-placed premises.

Layout (metres): street A, 10 premises every 20 m on y = 0 from x = 0 to 180; street B, 3
premises at x = 1000, 1020, 1040; a pair C at x = 2000 and 2059 (59 m apart) and a pair D at
x = 3000 and 3061 (61 m apart).
"""

from __future__ import annotations

import numpy as np
import pytest

from observatoire_commerce.analysis.delineation import clusters, delineate, simplify_ring


def layout():
    x = np.r_[np.arange(10) * 20.0, 1000.0, 1020.0, 1040.0, 2000.0, 2059.0, 3000.0, 3061.0]
    return x, np.zeros_like(x)


def test_buffers_touching_make_one_cluster():
    """r = 30: premises closer than 2 r = 60 m share a cluster (C: 59 m), D (61 m) do not."""
    x, y = layout()
    label = clusters(x, y, 30.0)
    assert len(set(label[:10])) == 1 and len(set(label[10:13])) == 1
    assert label[13] == label[14] and label[15] != label[16]
    assert len(set(label.tolist())) == 5


def test_only_clusters_with_enough_active_premises_are_kept():
    x, y = layout()
    active = np.ones(x.size, dtype=bool)
    proposals = delineate(x, y, active, radius=30.0, min_active=3, smoothing=0.0)
    assert [p.members.tolist() for p in proposals] == [list(range(10)), [10, 11, 12]]
    assert [(p.premises, p.active) for p in proposals] == [(10, 10), (3, 3)]
    # street A with 2 vacant premises: 8 active, still kept with N = 8, not with N = 9
    active[[3, 4]] = False
    kept = delineate(x, y, active, radius=30.0, min_active=8, smoothing=0.0)
    assert [(p.premises, p.active) for p in kept] == [(10, 8)]  # vacant ones inside
    assert delineate(x, y, active, radius=30.0, min_active=9, smoothing=0.0) == []


def test_one_premise_gives_a_disk_of_radius_r():
    """Area of the traced disk: π r² within perimeter × c / 2 (c = r / 10)."""
    r = 30.0
    (p,) = delineate([0.0], [0.0], [True], radius=r, min_active=1, smoothing=0.0)
    cell = r / 10
    assert abs(p.area - np.pi * r * r) <= 2 * np.pi * r * cell / 2
    shell = p.polygons[0][0]
    assert np.hypot(*shell[:-1].T) == pytest.approx(np.full(len(shell) - 1, r), abs=cell)


def test_street_outline_and_smoothing():
    """Street A, r = 30, no smoothing: the union of 10 disks. Along x its height is
    2 √(r² − u²), u the distance to the nearest premise: two half-disk caps (π r²) and 18
    stretches of 10 m on either side of a premise, each 2 ∫₀¹⁰ √(900 − u²) du =
    2 (5 √800 + 450 asin(1/3)): 13 423.9 m²; the stadium 180 × 60 + π 30² = 13 627 m² bounds
    it. With smoothing s = 20 the notches between disks are filled: the area grows towards
    the stadium, never below the union."""
    x = np.arange(10) * 20.0
    y = np.zeros(10)
    union = np.pi * 900 + 18 * 2 * (5 * np.sqrt(800) + 450 * np.arcsin(1 / 3))
    assert union == pytest.approx(13423.9, abs=0.1)
    (plain,) = delineate(x, y, np.ones(10, bool), radius=30.0, min_active=4, smoothing=0.0,
                         cell=1.0)
    perimeter = 2 * 180 + 2 * np.pi * 30
    assert abs(plain.area - union) <= perimeter * 0.5
    (smooth,) = delineate(x, y, np.ones(10, bool), radius=30.0, min_active=4, smoothing=20.0,
                          cell=1.0)
    assert union - perimeter * 0.5 <= plain.area < smooth.area <= 180 * 60 + np.pi * 900 + \
        perimeter * 0.5


def test_smoothing_merges_kept_clusters_closer_than_twice_s():
    """Two streets of 5 premises (every 20 m), their ends 70 m apart (> 2 r = 60: two
    clusters). With s = 40 the closing bridges the 10 m gap between their buffers: one
    proposal holding all 10 premises; with s = 0 two proposals."""
    x = np.r_[np.arange(5) * 20.0, 150.0 + np.arange(5) * 20.0]
    y = np.zeros(10)
    two = delineate(x, y, np.ones(10, bool), radius=30.0, min_active=5, smoothing=0.0)
    assert sorted(p.premises for p in two) == [5, 5]
    one = delineate(x, y, np.ones(10, bool), radius=30.0, min_active=5, smoothing=40.0)
    assert [p.premises for p in one] == [10]


def test_parameters_are_checked():
    with pytest.raises(ValueError, match="radius must be > 0"):
        delineate([0.0], [0.0], [True], radius=0.0)
    with pytest.raises(ValueError, match="minimum number of active premises must be >= 1"):
        delineate([0.0], [0.0], [True], min_active=0)
    with pytest.raises(ValueError, match="one value per premise"):
        delineate([0.0, 1.0], [0.0], [True])
    assert delineate([], [], [], min_active=1) == []


def test_simplify_ring_keeps_corners_and_drops_near_collinear_vertices():
    ring = np.array([[0, 0], [50, 0.2], [100, 0], [100, 100], [50, 99.9], [0, 100], [0, 0]],
                    dtype=float)
    out = simplify_ring(ring, 1.0)
    assert out.tolist() == [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]
