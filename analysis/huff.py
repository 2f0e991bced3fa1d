"""Huff gravity model: probabilities of patronage, market shares, calibration.

For demand point ``i`` (cell centroid) and destination ``j`` (shop, centrality) with
attractiveness ``A_j`` (> 0; 0 = never chosen) and cost ``d_ij``::

    P_ij = A_j^alpha f(d_ij) / sum_k A_k^alpha f(d_ik)
    f(d) = d^-beta            (decay="power", beta dimensionless)
    f(d) = exp(-beta d)       (decay="exponential", beta = lambda in 1 / cost unit)

Cost: straight-line distance in metres computed from coordinates, or any precomputed matrix
(e.g. network time in minutes from :mod:`.network`), shape (n_cells, n_destinations).

Rules:

* **Zero or small cost**: costs below ``min_cost`` (cost unit, default 1) are raised to it, so a
  destination inside a cell does not get an infinite weight. A good value is half the cell side.
* **Unreachable**: a NaN or infinite cost means the destination is not available from that cell.
  A cell with no available destination (or only zero-attractiveness ones) gets NaN probabilities,
  destination -1, and is listed in ``unserved``; it adds nothing to any demand.
* **Demand** of cell ``i``: ``population_i`` (× ``income_i`` when given). Expected demand of ``j``:
  ``D_j = sum_i demand_i P_ij``; market share ``D_j / sum_k D_k``.
* **Primary market area** of ``j``: the cells with ``P_ij >= threshold`` (default 0.4).

Computation is chunked over cells (weights in log space, shifted by the row maximum before
``exp`` so no row underflows), so the full matrix is never held for large inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
from scipy.optimize import minimize

from .errors import AnalysisError
from .network import Progress, map_chunks

DECAYS = ("power", "exponential")


def _check(attractiveness, decay: str, min_cost: float) -> np.ndarray:
    a = np.asarray(attractiveness, dtype=np.float64).reshape(-1)
    if a.size == 0:
        raise ValueError("at least one destination is needed")
    if not (np.isfinite(a) & (a >= 0)).all():
        bad = int(np.flatnonzero(~(np.isfinite(a) & (a >= 0)))[0])
        raise ValueError(f"attractiveness must be finite and >= 0: destination {bad} has {a[bad]}")
    if decay not in DECAYS:
        raise ValueError(f"decay must be one of {DECAYS}, got {decay!r}")
    if not min_cost > 0:
        raise ValueError(f"min_cost must be > 0, got {min_cost}")
    return a


def _xy(pair, name: str) -> Tuple[np.ndarray, np.ndarray]:
    x, y = (np.asarray(v, dtype=np.float64).reshape(-1) for v in pair)
    if x.size != y.size:
        raise ValueError(f"{name}: x has {x.size} values but y has {y.size}")
    return x, y


def distance_matrix(demand_xy, destination_xy) -> np.ndarray:
    """Straight-line distances (m), shape (n_demand, n_destinations)."""
    (x, y), (dx, dy) = _xy(demand_xy, "demand_xy"), _xy(destination_xy, "destination_xy")
    return np.hypot(x[:, None] - dx[None, :], y[:, None] - dy[None, :])


def log_weights(log_a: np.ndarray, cost: np.ndarray, alpha: float, beta: float, decay: str,
                min_cost: float) -> np.ndarray:
    """``alpha ln A_j + ln f(d_ij)`` with ``d = max(d, min_cost)``; -inf where unavailable."""
    c = np.where(np.isfinite(cost), np.maximum(cost, min_cost), np.nan)
    lw = alpha * log_a - beta * (np.log(c) if decay == "power" else c)
    return np.where(np.isnan(lw), -np.inf, lw)


def huff_probabilities(attractiveness, cost, alpha: float = 1.0, beta: float = 2.0,
                       decay: str = "power", min_cost: float = 1.0) -> np.ndarray:
    """Full probability matrix (n_cells, n_destinations); rows of unserved cells are NaN.

    For small problems and tests; use :func:`huff_model` for large ones.
    """
    a = _check(attractiveness, decay, min_cost)
    cost = np.asarray(cost, dtype=np.float64)
    if cost.ndim != 2 or cost.shape[1] != a.size:
        raise ValueError(f"cost must have shape (n_cells, {a.size}), got {cost.shape}")
    with np.errstate(divide="ignore"):
        lw = log_weights(np.log(a), cost, alpha, beta, decay, min_cost)
    return _softmax(lw)


def _softmax(lw: np.ndarray) -> np.ndarray:
    top = lw.max(axis=1, keepdims=True)
    served = np.isfinite(top[:, 0])
    w = np.exp(lw - np.where(np.isfinite(top), top, 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = w / w.sum(axis=1, keepdims=True)
    p[~served] = np.nan
    return p


@dataclass
class HuffResult:
    """Outputs of :func:`huff_model`.

    ``demand`` (n_dest,): expected demand D_j (population, or population × income);
    ``share`` (n_dest,): market share D_j / sum D (0..1); ``top_destination`` (n_cells, k): the
    k most likely destinations of each cell, best first (-1 when fewer are available);
    ``top_probability`` (n_cells, k): their probabilities (NaN where -1); ``most_likely``
    (n_cells,): ``top_destination[:, 0]``; ``pma``: ``(cell, destination, probability)`` arrays of
    the primary-market-area pairs (P >= threshold); ``unserved``: indices of cells with no
    available destination.
    """

    demand: np.ndarray
    share: np.ndarray
    top_destination: np.ndarray
    top_probability: np.ndarray
    most_likely: np.ndarray
    pma: Tuple[np.ndarray, np.ndarray, np.ndarray]
    unserved: list


def huff_model(attractiveness, population, cost=None, demand_xy=None, destination_xy=None,
               alpha: float = 1.0, beta: float = 2.0, decay: str = "power",
               min_cost: float = 1.0, income=None, top_k: int = 3, threshold: float = 0.4,
               chunk_size: int = 1000, workers: Optional[int] = None,
               progress: Optional[Progress] = None) -> HuffResult:
    """Huff probabilities, expected demand and market shares, chunked over cells
    (``chunk_size`` cells per chunk on ``workers`` threads; ``progress(cells done, total)``
    after each chunk, returning False raises :class:`~.network.CancelledError`).

    Cost: ``cost`` (n_cells, n_dest) or, when None, straight-line distance (m) from
    ``demand_xy = (x, y)`` and ``destination_xy = (x, y)``.
    """
    a = _check(attractiveness, decay, min_cost)
    m = a.size
    pop = np.asarray(population, dtype=np.float64).reshape(-1)
    if income is not None:
        inc = np.asarray(income, dtype=np.float64).reshape(-1)
        if inc.size != pop.size:
            raise ValueError(f"income has {inc.size} values, expected {pop.size} (one per cell)")
        pop = pop * inc
    pop = np.nan_to_num(pop)
    n = pop.size
    if cost is None:
        if demand_xy is None or destination_xy is None:
            raise ValueError("give either a cost matrix or demand_xy and destination_xy")
        x, y = _xy(demand_xy, "demand_xy")
        dx, dy = _xy(destination_xy, "destination_xy")
        if x.size != n or dx.size != m:
            raise ValueError(f"coordinates: {x.size} cells and {dx.size} destinations, expected"
                             f" {n} cells and {m} destinations")
    else:
        cost = np.asarray(cost)
        if cost.shape != (n, m):
            raise ValueError(f"cost must have shape ({n}, {m}) (cells, destinations),"
                             f" got {cost.shape}")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    k = int(max(1, min(top_k, m)))
    with np.errstate(divide="ignore"):
        log_a = np.log(a)
    # p >= threshold holds for at most floor(1 / threshold) destinations per cell
    pma_from_top = int(1.0 / threshold) <= k

    def run(start: int):
        stop = min(start + chunk_size, n)
        if cost is None:  # straight line: always finite, computed in place
            lw = np.subtract.outer(x[start:stop], dx)
            np.square(lw, out=lw)
            lw += np.square(np.subtract.outer(y[start:stop], dy))
            np.maximum(lw, min_cost * min_cost, out=lw)
            if decay == "power":  # -beta ln d = -beta / 2 ln d²
                np.log(lw, out=lw)
                lw *= -0.5 * beta
            else:
                np.sqrt(lw, out=lw)
                lw *= -beta
            lw += alpha * log_a
        else:
            lw = log_weights(log_a, np.asarray(cost[start:stop], dtype=np.float64), alpha, beta,
                             decay, min_cost)
        top = lw.max(axis=1)
        served = np.isfinite(top)
        lw -= np.where(served, top, 0.0)[:, None]
        w = np.exp(lw, out=lw)
        total = w.sum(axis=1)
        scale = np.divide(pop[start:stop], total, out=np.zeros(stop - start), where=served)
        demand = scale @ w
        idx, prob = _top_k(w, total, k)
        pma = None
        if not pma_from_top:
            rows, cols = np.nonzero(w >= threshold * total[:, None])
            pma = (rows + start, cols, w[rows, cols] / total[rows])
        return demand, idx, prob, pma

    starts = list(range(0, n, chunk_size))
    parts = map_chunks(run, starts, [min(chunk_size, n - s) for s in starts], workers, progress)
    demand = np.sum([p[0] for p in parts], axis=0) if parts else np.zeros(m)
    top_idx = np.concatenate([p[1] for p in parts]) if parts else np.zeros((0, k), np.int64)
    top_p = np.concatenate([p[2] for p in parts]) if parts else np.zeros((0, k))
    if pma_from_top:
        rows, rank = np.nonzero(top_p >= threshold)
        pma = (rows, top_idx[rows, rank], top_p[rows, rank])
    else:
        pma = tuple(np.concatenate([p[3][i] for p in parts]) for i in range(3))
    total = demand.sum()
    share = demand / total if total > 0 else np.full(m, np.nan)
    unserved = np.flatnonzero(top_idx[:, 0] < 0).tolist()
    return HuffResult(demand, share, top_idx, top_p, top_idx[:, 0].copy(), pma, unserved)


def _top_k(w: np.ndarray, total: np.ndarray, k: int) -> Tuple[np.ndarray, np.ndarray]:
    """Indices and probabilities of the k largest weights per row (k argmax passes)."""
    rows = np.arange(w.shape[0])
    idx = np.full((w.shape[0], k), -1, dtype=np.int64)
    prob = np.full((w.shape[0], k), np.nan)
    saved = []
    for r in range(k):
        j = w.argmax(axis=1)
        v = w[rows, j]
        ok = v > 0
        idx[ok, r] = j[ok]
        prob[ok, r] = v[ok] / total[ok]
        saved.append((j, v))
        w[rows, j] = -1.0
    for j, v in saved:  # restore the chunk (it is not reused, but keep the function pure)
        w[rows, j] = v
    return idx, prob


# ---------------------------------------------------------------------- calibration
@dataclass
class HuffFit:
    """Maximum-likelihood calibration: ``alpha``, ``beta`` (estimates), ``std_error``
    (dict, from the inverse Fisher information), ``log_likelihood`` at the estimates,
    ``null_log_likelihood`` (every available destination equally likely), ``pseudo_r2``
    (McFadden: 1 - LL / LL0), ``n_observations``, ``converged``, ``message``."""

    alpha: float
    beta: float
    std_error: dict
    log_likelihood: float
    null_log_likelihood: float
    pseudo_r2: float
    n_observations: int
    decay: str
    converged: bool
    message: str


def calibrate_huff(attractiveness, cost, chosen, decay: str = "power", min_cost: float = 1.0,
                   fit_alpha: bool = True, alpha: float = 1.0, start_beta: float = 1.0
                   ) -> HuffFit:
    """Estimate alpha and beta (or lambda) by maximum likelihood from observed choices.

    ``cost`` (n_obs, n_dest): cost from each respondent's home to every destination (NaN/inf:
    not available); ``chosen`` (n_obs,): index of the destination each respondent chose. The
    model is a conditional logit with utilities ``alpha ln A_j + ln f(d_ij)``::

        LL(alpha, beta) = sum_n ln P(n chooses c_n)

    maximised with L-BFGS-B (analytic gradient). With ``fit_alpha=False`` alpha stays at
    ``alpha`` (needed when every destination has the same attractiveness).
    """
    a = _check(attractiveness, decay, min_cost)
    cost = np.asarray(cost, dtype=np.float64)
    chosen = np.asarray(chosen).reshape(-1)
    if cost.ndim != 2 or cost.shape[1] != a.size:
        raise ValueError(f"cost must have shape (n_observations, {a.size}), got {cost.shape}")
    if chosen.size != cost.shape[0]:
        raise ValueError(f"chosen has {chosen.size} values, expected {cost.shape[0]}")
    if chosen.size == 0:
        raise AnalysisError("no_choice", "calibration needs at least one observed choice")
    if not np.issubdtype(chosen.dtype, np.integer) or chosen.min() < 0 or chosen.max() >= a.size:
        raise ValueError(f"chosen must hold destination indices in 0..{a.size - 1}")
    c = np.where(np.isfinite(cost), np.maximum(cost, min_cost), np.nan)
    available = np.isfinite(c) & (a > 0)
    rows = np.arange(chosen.size)
    bad = np.flatnonzero(~available[rows, chosen])
    if bad.size:
        raise AnalysisError("unavailable_choice",
                            f"observation {int(bad[0])} chose destination {int(chosen[bad[0]])},"
                            " which is unavailable (no cost or zero attractiveness)",
                            observation=int(bad[0]), destination=int(chosen[bad[0]]))
    with np.errstate(divide="ignore"):
        x1 = np.where(available, np.log(a), 0.0)  # feature of alpha
    x2 = np.where(available, -(np.log(c) if decay == "power" else c), 0.0)  # feature of beta
    if fit_alpha and np.ptp(x1[available]) == 0:
        raise AnalysisError("alpha_not_identifiable",
                            "every destination has the same attractiveness: alpha cannot be"
                            " estimated, use fit_alpha=False")

    def loglik(theta):
        al, be = (theta[0], theta[1]) if fit_alpha else (alpha, theta[0])
        u = np.where(available, al * x1 + be * x2, -np.inf)
        u -= u.max(axis=1, keepdims=True)
        p = np.exp(u)
        p /= p.sum(axis=1, keepdims=True)
        ll = np.sum(np.log(p[rows, chosen]))
        g_beta = np.sum(x2[rows, chosen] - (p * x2).sum(axis=1))
        grad = [g_beta]
        if fit_alpha:
            grad = [np.sum(x1[rows, chosen] - (p * x1).sum(axis=1)), g_beta]
        return ll, np.array(grad), p

    def objective(theta):
        ll, grad, _ = loglik(theta)
        return -ll, -grad

    theta0 = np.array([1.0, start_beta] if fit_alpha else [start_beta])
    res = minimize(objective, theta0, jac=True, method="L-BFGS-B")
    ll, _, p = loglik(res.x)
    # Fisher information: sum over observations of the covariance of the features under P
    feats = [x1, x2] if fit_alpha else [x2]
    centred = [f - (p * f).sum(axis=1, keepdims=True) for f in feats]
    info = np.array([[np.sum(p * u * v) for v in centred] for u in centred])
    try:
        se = np.sqrt(np.diag(np.linalg.inv(info)))
    except np.linalg.LinAlgError:
        se = np.full(len(feats), np.nan)
    ll0 = -float(np.sum(np.log(available.sum(axis=1))))
    names = ["alpha", "beta"] if fit_alpha else ["beta"]
    est = dict(zip(names, res.x))
    return HuffFit(float(est.get("alpha", alpha)), float(est["beta"]),
                   {k: float(v) for k, v in zip(names, se)}, float(ll), ll0,
                   float(1.0 - ll / ll0) if ll0 < 0 else float("nan"), int(chosen.size), decay,
                   bool(res.success), str(res.message))


@dataclass
class MatchedChoices:
    """Survey answers matched to home zones and destinations (:func:`match_choices`).

    ``zone`` and ``chosen``: per usable answer, the index of its home zone and of the chosen
    destination; ``outside``: answers naming no destination (empty or "elsewhere");
    ``unknown_zones`` / ``unknown_codes``: the home codes and destination codes not found,
    with ``skipped_zone`` / ``skipped_code`` answers skipped for them.
    """

    zone: np.ndarray
    chosen: np.ndarray
    outside: int
    skipped_zone: int
    skipped_code: int
    unknown_zones: list
    unknown_codes: list


def match_choices(answers, zone_of: dict, destination_of: dict,
                  elsewhere: str = "elsewhere") -> MatchedChoices:
    """Match answers (dicts with ``home_iris``, ``home_commune`` and ``centrality``) to a
    home zone (the IRIS when ``zone_of`` knows it, else the commune) and a destination
    (``destination_of``: code → index). Codes are compared stripped."""
    zone, chosen, no_zone, bad_code = [], [], set(), set()
    outside = skipped_zone = skipped_code = 0
    for a in answers:
        code = str(a.get("centrality") or "").strip()
        if not code or code == elsewhere:
            outside += 1
            continue
        if code not in destination_of:
            bad_code.add(code)
            skipped_code += 1
            continue
        homes = [str(k).strip() for k in (a.get("home_iris"), a.get("home_commune"))
                 if k is not None]
        home = next((zone_of[k] for k in homes if k in zone_of), None)
        if home is None:
            no_zone.add(homes[0] if homes else "")
            skipped_zone += 1
            continue
        zone.append(home)
        chosen.append(destination_of[code])
    return MatchedChoices(np.asarray(zone, dtype=np.int64), np.asarray(chosen, dtype=np.int64),
                          outside, skipped_zone, skipped_code, sorted(no_zone), sorted(bad_code))
