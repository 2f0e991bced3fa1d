"""Offer within a distance of polygons or points (hand-computed distances)."""

import math

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.proximity import (
    count_within,
    distance_to,
    markets_within,
    producers_within,
    services_within,
    within,
)

# a 100 m square zone with a 20 m square hole in the middle, and a point target
SQUARE = [[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)],
          [(40, 40), (60, 40), (60, 60), (40, 60), (40, 40)]]
TARGETS = {"zone": SQUARE, "stop": (300.0, 0.0)}


def test_distance_to_polygon_and_point():
    pts = np.array([(10, 10), (150, 50), (130, 140), (50, 50), (300, 40)], dtype=float)
    d = distance_to(SQUARE, pts)
    # inside -> 0; 50 m east of the edge; corner (100,100) -> hypot(30, 40) = 50;
    # in the hole: 10 m from the hole's edge; (300,40): 200 m from x = 100
    assert list(d) == [0.0, 50.0, 50.0, 10.0, 200.0]
    assert distance_to((300, 0), pts)[4] == pytest.approx(40.0)
    # a multipolygon: the nearest part counts
    multi = [[[(0, 0), (10, 0), (10, 10), (0, 10)]], [[(100, 0), (110, 0), (110, 10), (100, 10)]]]
    assert distance_to(multi, np.array([(105.0, 20.0)]))[0] == pytest.approx(10.0)


def test_within_and_failures():
    pts = np.array([(10, 10), (150, 50), (330, 40), (300, 0)], dtype=float)
    hits = within(TARGETS, pts, 50)
    # zone: (10,10) inside, (150,50) at exactly 50 m; stop: (330,40) at 50 m and (300,0)
    assert list(hits["zone"]) == [0, 1] and list(hits["stop"]) == [2, 3]
    assert list(within(TARGETS, pts, 0)["zone"]) == [0]
    with pytest.raises(ValueError, match="non-negative"):
        within(TARGETS, pts, -1)
    assert list(within(TARGETS, np.zeros((0, 2)), 10)["zone"]) == []


def test_services_by_domain_and_range():
    services = pd.DataFrame([
        (10, 10, "B", "proximite"), (20, 20, "B", "proximite"), (30, 30, "B", "intermediaire"),
        (80, 80, "D", "proximite"), (500, 500, "B", "proximite"), (120, 0, "A", None),
    ], columns=["x", "y", "domain", "range"])
    out = services_within({"zone": SQUARE}, services, 25)
    got = {(r.domain, r.range): r.services for r in out.itertuples()}
    # (120, 0) is 20 m away: counted with no range; (500, 500) is not
    assert got == {("B", "proximite"): 2, ("B", "intermediaire"): 1, ("D", "proximite"): 1,
                   ("A", None): 1}


def test_producers_markets_and_organic_share():
    producers = pd.DataFrame([
        (10, 10, ["legumes", "oeufs"], True),
        (90, 90, ["legumes"], False),
        (150, 10, ["miel"], None),      # 50 m from the zone
        (900, 900, ["vin"], True),      # far away
    ], columns=["x", "y", "products", "organic"])
    summary, by_product = producers_within({"zone": SQUARE, "stop": (300, 0)}, producers, 50)
    s = summary.set_index("target")
    # zone: 3 producers, 1 organic -> 33.33 %; stop: none -> null share
    assert (s.loc["zone", "producers"], s.loc["zone", "organic"]) == (3, 1)
    assert s.loc["zone", "organic_share"] == pytest.approx(100 / 3)
    assert s.loc["stop", "producers"] == 0 and math.isnan(s.loc["stop", "organic_share"])
    assert list(by_product.itertuples(index=False, name=None)) == [
        ("zone", "legumes", 2), ("zone", "miel", 1), ("zone", "oeufs", 1)]
    markets = pd.DataFrame([(50, 50, 2.0, True), (60, 10, 1.0, False), (400, 0, 6.0, False)],
                           columns=["x", "y", "per_week", "organic"])
    m = markets_within({"zone": SQUARE}, markets, 10).set_index("target")
    # (50,50) is in the hole, 10 m from its edge: counted; 2 + 1 sessions a week
    assert (m.loc["zone", "markets"], m.loc["zone", "sessions_per_week"]) == (2, 3.0)
    assert m.loc["zone", "organic_markets"] == 1


def test_count_within_categories():
    pts = np.array([(1, 1), (2, 2), (3, 3)], dtype=float)
    out = count_within({"z": SQUARE}, pts, 0, categories=["a", "b", "a"])
    assert dict(zip(out["category"], out["count"])) == {"a": 2, "b": 1}


def test_near_counts_by_hand():
    from observatoire_commerce.analysis.proximity import near_counts

    # candidates at (0, 0) and (100, 0); targets at (0, 0) (the first candidate itself),
    # (30, 40) (50 m from the first, 80.6 m from the second), (100, 60) (60 m from the second,
    # 116.6 m from the first) and (300, 0) (200 m from the second)
    cand = np.array([[0.0, 0.0], [100.0, 0.0], [np.nan, 0.0]])
    targets = np.array([[0.0, 0.0], [30.0, 40.0], [100.0, 60.0], [300.0, 0.0]])
    assert near_counts(cand, targets, 50).tolist() == [2.0, 0.0, 0.0]  # 50 m: on the edge
    assert near_counts(cand, targets, 100).tolist() == [2.0, 3.0, 0.0]
    # the candidate itself (0 m) left out; weights summed (capacities of car parks)
    assert near_counts(cand, targets, 100, exclude_within=0.01).tolist() == [1.0, 3.0, 0.0]
    weights = [10, 20, 40, 80]
    assert near_counts(cand, targets, 100, weights).tolist() == [30.0, 70.0, 0.0]
    assert near_counts(cand, np.zeros((0, 2)), 100).tolist() == [0.0, 0.0, 0.0]
