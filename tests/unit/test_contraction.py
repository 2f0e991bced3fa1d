"""Contraction hierarchy and PHAST against scipy's Dijkstra; stored hierarchies."""

import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from observatoire_commerce.analysis import contraction, fast_search
from observatoire_commerce.analysis.network import RoadNetwork, Router

from .test_fast_search import random_graph

pytestmark = pytest.mark.skipif(not fast_search.AVAILABLE,
                                reason="numba is not installed: hierarchies are not tested")


def grid_graph(side: int, seed: int):
    """A ``side`` × ``side`` street grid with random lengths and a few one-way streets."""
    rng = np.random.default_rng(seed)
    i, j = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    a = np.r_[(i * side + j)[:-1, :].ravel(), (i * side + j)[:, :-1].ravel()]
    b = np.r_[(i * side + j)[1:, :].ravel(), (i * side + j)[:, 1:].ravel()]
    net = RoadNetwork.from_edges(
        *(np.c_[a % side, a // side] * 100.0).T, *(np.c_[b % side, b // side] * 100.0).T,
        length=rng.uniform(100, 130, a.size),
        oneway=np.where(rng.random(a.size) < 0.2, rng.choice([-1, 1], a.size), 0))
    return Router(net, "car", engine="numba").graph


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_phast_equals_dijkstra_on_random_graphs(seed):
    g = random_graph(250, 900, seed)  # directed, some nodes unreachable
    h = contraction.build_hierarchy(g.indptr, g.indices, g.data)
    assert h.n_nodes == 250 and sorted(h.rank.tolist()) == list(range(250))
    sweeper = contraction.Sweeper(h)
    for source in (0, 99, 249):
        ours = sweeper.costs([source], [0.0])
        ref = dijkstra(g, indices=source)
        np.testing.assert_array_equal(np.isinf(ours), np.isinf(ref))
        np.testing.assert_allclose(ours[np.isfinite(ref)], ref[np.isfinite(ref)], rtol=1e-12)


def test_phast_equals_dijkstra_on_a_one_way_grid_from_several_seeds():
    g = grid_graph(12, 3)
    h = contraction.build_hierarchy(g.indptr, g.indices, g.data)
    assert h.fingerprint == contraction.graph_fingerprint(g.indptr, g.indices, g.data)
    sweeper = contraction.Sweeper(h)
    # two seeds at different start costs = a virtual origin with two start arcs
    ours = sweeper.costs([5, 40], [3.0, 1.5])
    ref = np.minimum(dijkstra(g, indices=5) + 3.0, dijkstra(g, indices=40) + 1.5)
    np.testing.assert_allclose(ours, ref, rtol=1e-12)


def test_bands_by_hand_on_a_chain():
    # 0 -> 1 -> 2 -> 3 costing 1, 2, 3; offset 0.5 on the seed: costs 0, 1, 3, 6
    from scipy.sparse import csr_matrix

    g = csr_matrix((np.array([1.0, 2.0, 3.0]), (np.array([0, 1, 2]), np.array([1, 2, 3]))),
                   shape=(4, 4))
    h = contraction.build_hierarchy(g.indptr, g.indices, g.data)
    value_row = np.array([-1, 0, 1, 2])
    counts, sums = np.zeros(2, np.int64), np.zeros((2, 1))
    node, cost = contraction.Sweeper(h).bands(
        [0], [0.5], 0.5, np.array([1.0, 3.0]), np.ascontiguousarray(value_row[h.order]),
        np.array([[10.0], [20.0], [40.0]]), counts, sums)
    assert sorted(zip(node.tolist(), cost.tolist())) == [(0, 0.0), (1, 1.0), (2, 3.0)]
    assert counts.tolist() == [2, 3] and sums.ravel().tolist() == [10.0, 30.0]


def test_router_uses_only_a_hierarchy_of_its_own_graph():
    g = grid_graph(6, 1)
    h = contraction.build_hierarchy(g.indptr, g.indices, g.data)
    side = 6
    i, j = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    a = np.r_[(i * side + j)[:-1, :].ravel(), (i * side + j)[:, :-1].ravel()]
    b = np.r_[(i * side + j)[1:, :].ravel(), (i * side + j)[:, 1:].ravel()]
    other = RoadNetwork.from_edges(*(np.c_[a % side, a // side] * 100.0).T,
                                   *(np.c_[b % side, b // side] * 100.0).T)
    router = Router(other, "car", engine="numba")
    assert router.attach_hierarchy(h) is False and router.hierarchy is None
    scipy_router = Router(other, "car", engine="scipy")
    assert scipy_router.attach_hierarchy(None) is False
    router.build_hierarchy()
    assert router.hierarchy is not None
    assert router.attach_hierarchy(router.hierarchy) is True
