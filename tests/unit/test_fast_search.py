"""The compiled bounded search (numba) against scipy's Dijkstra and hand-computed values."""

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from observatoire_commerce.analysis import fast_search, network
from observatoire_commerce.analysis.network import RoadNetwork, Router

pytestmark = pytest.mark.skipif(not fast_search.AVAILABLE,
                                reason="numba is not installed: the compiled engine is not tested")


def random_graph(n: int, arcs: int, seed: int, light: float = 0.0) -> csr_matrix:
    """Random directed graph; with ``light`` > 0, a tenth of the arcs cost ``light``."""
    rng = np.random.default_rng(seed)
    tail, head = rng.integers(0, n, arcs), rng.integers(0, n, arcs)
    keep = tail != head
    tail, head = tail[keep], head[keep]
    w = rng.uniform(1.0, 10.0, tail.size)
    if light:
        w[rng.random(tail.size) < 0.1] = light
    order = np.lexsort((w, head, tail))  # smallest weight of duplicated arcs, as Router does
    tail, head, w = tail[order], head[order], w[order]
    first = np.ones(tail.size, bool)
    first[1:] = (tail[1:] != tail[:-1]) | (head[1:] != head[:-1])
    return csr_matrix((w[first], (tail[first], head[first])), shape=(n, n))


def searched(graph, sources, limit, **searcher_overrides):
    s = fast_search.Searcher(graph.indptr, graph.indices, graph.data)
    for name, value in searcher_overrides.items():
        setattr(s, name, value)
    node, cost = s.search(sources, limit)
    out = np.full(graph.shape[0], np.inf)
    out[node] = cost
    assert np.unique(node).size == node.size  # each node reported once
    return out, s


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("limit", [7.5, 25.0, np.inf])
def test_same_costs_as_scipy_on_random_graphs(seed, limit):
    g = random_graph(400, 1600, seed)
    for source in (0, 17, 399):
        ours, _ = searched(g, [source], limit)
        ref = dijkstra(g, indices=source, limit=limit)
        np.testing.assert_array_equal(np.isinf(ours), np.isinf(ref))
        np.testing.assert_allclose(ours[np.isfinite(ref)], ref[np.isfinite(ref)], rtol=1e-12)


def test_several_sources_give_the_cost_from_the_nearest():
    g = random_graph(300, 1200, 5)
    ours, _ = searched(g, [3, 150, 299], 20.0)
    ref = dijkstra(g, indices=[3, 150, 299], limit=20.0, min_only=True)
    np.testing.assert_allclose(ours, ref, rtol=1e-12)


def test_very_light_arcs_widen_the_buckets_and_stay_exact(monkeypatch):
    # 10 buckets at most: delta = limit / 10 is far above the lightest arc (0.001), so nodes
    # improved within their bucket are scanned again (label correcting)
    monkeypatch.setattr(fast_search, "MAX_BUCKETS", 10)
    g = random_graph(300, 1500, 7, light=0.001)
    ours, s = searched(g, [0], 30.0)
    assert s.lightest < 30.0 / 10
    ref = dijkstra(g, indices=0, limit=30.0)
    np.testing.assert_allclose(ours, ref, rtol=1e-12)


def test_entry_pool_overflow_falls_back_to_the_heap_search():
    g = random_graph(200, 800, 9)
    tiny = {"entry_node": np.empty(5, np.int64), "entry_next": np.empty(5, np.int64)}
    ours, s = searched(g, [4], 40.0, **tiny)
    ref = dijkstra(g, indices=4, limit=40.0)
    np.testing.assert_allclose(ours, ref, rtol=1e-12)
    # the work arrays are left clean: the next search is right too
    again, _ = s.search([11], 40.0)
    assert again.size == np.isfinite(dijkstra(g, indices=11, limit=40.0)).sum()
    assert np.isinf(s.dist).all() and np.isinf(s.scanned).all() and (s.head == -1).all()


def test_bands_counts_and_sums_by_hand():
    # chain 0 -> 1 -> 2 -> 3 with costs 1 + 2 + 3 (offset 0): nodes at 0, 1, 3, 6
    g = csr_matrix((np.array([1.0, 2.0, 3.0]), (np.array([0, 1, 2]), np.array([1, 2, 3]))),
                   shape=(4, 4))
    s = fast_search.Searcher(g.indptr, g.indices, g.data)
    limits = np.array([1.0, 3.0, 5.0])
    value_row = np.array([-1, 0, 1, 2])  # node 0 carries no value
    values = np.array([[10.0, 1.0], [20.0, 2.0], [40.0, 4.0]])
    counts = np.zeros(3, np.int64)
    sums = np.zeros((3, 2))
    node, cost = s.search_bands([0], 5.0, 0.0, 4, limits, value_row, values, counts, sums)
    assert sorted(zip(node.tolist(), cost.tolist())) == [(0, 0.0), (1, 1.0), (2, 3.0)]
    assert counts.tolist() == [2, 3, 3]  # node 3 (cost 6) is beyond the last band
    assert sums.tolist() == [[10.0, 1.0], [30.0, 3.0], [30.0, 3.0]]


def test_non_positive_arc_costs_are_refused():
    g = csr_matrix((np.array([1.0, -2.0]), (np.array([0, 1]), np.array([1, 0]))), shape=(2, 2))
    with pytest.raises(ValueError, match="> 0"):
        fast_search.Searcher(g.indptr, g.indices, g.data)


def test_router_engines_and_their_errors(monkeypatch):
    net = RoadNetwork.from_edges([0, 100], [0, 0], [100, 200], [0, 0])
    assert Router(net, "walk", engine="scipy").engine == "scipy"
    assert Router(net, "walk").engine == "numba"
    with pytest.raises(ValueError, match="engine must be one of"):
        Router(net, "walk", engine="fortran")
    monkeypatch.setattr(fast_search, "AVAILABLE", False)
    monkeypatch.setattr(fast_search, "_COMPILED", False)
    router = Router(net, "walk")
    assert router.engine == "scipy"  # auto: scipy when numba is missing, and why
    assert router.engine_note == "numba is not installed: compiled searches are unavailable"
    with pytest.raises(ValueError, match="numba is not installed"):
        Router(net, "walk", engine="numba")
    monkeypatch.setattr(network, "DEFAULT_ENGINE", "scipy")
    assert Router(net, "walk").engine == "scipy"
