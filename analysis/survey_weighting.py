"""Survey weighting: raking of base weights to population margins, trimming, weight diagnostics.

Raking (iterative proportional fitting)
---------------------------------------
Each response i has a base weight d_i (1 when none is given) and, for every margin m (age band,
home zone, gender…), a category c_m(i). The population gives, per margin and category, a total
T_m,k (persons). One *sweep* adjusts every margin in the order given:

    w_i ← w_i × T_m,k / Σ_{j : c_m(j) = k} w_j      for every category k of margin m

exactly as ``survey::rake`` does (one ``postStratify`` per margin and sweep). After each sweep the
weighted totals of every *cell* (combination of categories of all margins, R's
``svytable(~m1 + m2 + …)``) are compared with those of the previous sweep (before the first
sweep: the base weights); raking has converged when the largest absolute change is below

    ε = tolerance × Σ_i d_i                                                   [weight units]

which is R's ``control = list(epsilon = tolerance, maxit = max_iterations)`` for a tolerance < 1;
in addition every margin must then be met within ε (R does not check it, and accepts a table
that jumps back and forth between margins that cannot all be met, e.g. when the sample has no
response in cells the margins need). ``iterations`` counts the sweeps done (R counts the sweeps
before the last one).

Raking with bounds
------------------
With ``bounds = (L, U)`` the ratio g_i = w_i / d*_i of each final weight to its base weight is kept
within [L, U], where d*_i = d_i × N / Σ_j d_j is the base weight rescaled to the population total N.
The weights solve the bounded raking equations

    g_i = min(max(exp(Σ_m λ_m,c_m(i)), L), U)    and    Σ_{i : c_m(i) = k} d*_i g_i = T_m,k

which are those of ``survey::calibrate(design, list(~m1, …), list(pop1, …), calfun = "raking",
bounds = c(L, U))``. R applies the bounds to the base weights themselves when they are within a
factor 20 of the population scale, after its own rescaling otherwise; both agree when the base
weights sum to the population total (then d* = d). (R's own ``cal.raking`` tests the log-scale
argument against ``bounds - 1`` in its derivative, so its Newton iterations stall once bounds
bind; the reference script gives ``calibrate`` the same function with the correct derivative.)
Each sweep solves the margin's equations exactly for its λ_m (a monotone one-dimensional
equation per category), so the sweeps are a block coordinate descent of a convex function and
converge to that unique solution when it exists. The variance of estimates on such a design uses
R's calibration (GREG) residuals.

Trimming (:func:`trim_weights`) is R's ``trimWeights``: absolute bounds applied after raking, the
trimmed amount spread equally over the untrimmed weights (margins are then no longer met exactly).

Diagnostics: Kish's design effect deff = n Σw² / (Σw)² = 1 + CV² (CV² = population variance of
the weights over their squared mean) and the effective sample size n_eff = (Σw)² / Σw² = n / deff.

Errors are :class:`SurveyWeightingError` (a ``ValueError``): an English message plus ``code``,
``template`` and ``params`` (``margin``, ``category``… also as attributes) so that the caller can
translate the message. Nothing is returned when raking fails.

Pure numpy / pandas: no QGIS. The work is done on cells (at most one per response, usually a few
hundred), so raking 100 000 responses takes milliseconds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Dict, Hashable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .survey_design import CALIBRATE, RAKE, Calibration, SurveyDesign


def noop(text: str) -> str:
    """Marks a message template for translation where it is defined (see :data:`MESSAGES`)."""
    return text


MarginsLike = Union[Mapping[str, Mapping[Hashable, float]], pd.DataFrame]

# English message templates, by error code ({placeholders} filled from the error's params).
# noop() marks them for scripts/i18n.py: the caller shows tr(error.template).format(**params).
MESSAGES = {
    "no_margins": noop(
        "no margin to rake to: give at least one margin (variable → category totals)"),
    "unknown_variable": noop("margin '{margin}': the responses have no column '{margin}'"),
    "empty_margin": noop("margin '{margin}' has no category with a population"),
    "bad_weights": noop(
        "base weight of response {row} is {value}: base weights must be finite and > 0"),
    "missing_value": noop(
        "margin '{margin}': {count} response(s) have no value (first: response {row}); give "
        "them a category or leave them out before weighting"),
    "bad_population": noop(
        "margin '{margin}': category '{category}' has the population {value}; populations "
        "must be finite and >= 0"),
    "population_absent": noop(
        "margin '{margin}': category '{category}' has {respondents} respondent(s) but no "
        "population total"),
    "population_zero": noop(
        "margin '{margin}': category '{category}' has {respondents} respondent(s) but a "
        "population of 0"),
    "no_respondent": noop(
        "margin '{margin}': category '{category}' has a population of {population} but no "
        "respondent; merge it with a neighbouring category"),
    "inconsistent_totals": noop(
        "margin '{margin}' totals {total} persons but margin '{first}' totals {first_total}: "
        "margins must describe the same population"),
    "bad_bounds": noop(
        "weight bounds must satisfy 0 <= lower <= 1 <= upper and lower < upper (got {lower}, "
        "{upper})"),
    "bounds_infeasible": noop(
        "margin '{margin}': the population {population} of category '{category}' cannot be "
        "reached with weight ratios within [{lower}, {upper}] (reachable: {low} to {high}); "
        "widen the bounds"),
    "bad_tolerance": noop(
        "tolerance must be > 0 and < 1 (got {tolerance}), max_iterations >= 1 (got "
        "{max_iterations})"),
    "not_converged": noop(
        "raking did not converge in {iterations} sweeps: the largest change of a cell total "
        "was {change} (tolerance {epsilon}); widen the bounds, merge sparse categories or "
        "allow more iterations"),
}


class SurveyWeightingError(ValueError):
    """Weighting refused: ``code`` (a key of :data:`MESSAGES`), ``template`` (English, with
    ``{placeholders}``), ``params`` (the values; ``margin`` and ``category`` also as attributes)
    and, for ``not_converged``, the unconverged ``result``."""

    def __init__(self, code: str, result: Optional[RakingResult] = None, **params):
        self.code = code
        self.template = MESSAGES[code]
        self.params = params
        self.margin = params.get("margin")
        self.category = params.get("category")
        self.result = result
        super().__init__(self.template.format(**self.shown_params))

    @property
    def shown_params(self) -> dict:
        """The params as the message shows them: ``tr(e.template).format(**e.shown_params)``."""
        return {k: _shown(v) for k, v in self.params.items()}


def _shown(value):
    """A number as a message shows it: integers without decimals, others to 6 digits."""
    if isinstance(value, (float, np.floating)) and np.isfinite(value):
        return int(value) if float(value).is_integer() else float(f"{value:.6g}")
    return value


@dataclass(frozen=True)
class RakingReport:
    """What raking did. Weights in persons; ratios are w / d* (base rescaled to the total)."""

    converged: bool
    iterations: int          # sweeps over all margins
    tolerance: float         # relative, see module doc
    max_change: float        # largest change of a cell total in the last sweep [persons]
    max_margin_error: float  # max |weighted total − population| / population over categories
    respondents: int
    population: float
    weight_min: float
    weight_max: float
    ratio_min: float
    ratio_max: float
    at_lower: int            # responses whose ratio sits on the lower bound (bounded raking)
    at_upper: int
    design_effect: float     # Kish: 1 + CV² of the weights
    effective_sample_size: float  # (Σw)² / Σw²
    lower: Optional[float] = None
    upper: Optional[float] = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RakingResult:
    """Raked weights (Series on the responses' index), the report, the design for estimates,
    and the margin table (margin, category, population, respondents, base_total, weighted_total)."""

    weights: pd.Series
    report: RakingReport
    design: SurveyDesign
    margins: pd.DataFrame


def kish_design_effect(weights) -> float:
    """deff = n Σw² / (Σw)² = 1 + CV², CV² = (1/n) Σ (w − w̄)² / w̄² (dimensionless)."""
    w = np.asarray(weights, dtype=float)
    return float(w.size * np.dot(w, w) / w.sum() ** 2)


def effective_sample_size(weights) -> float:
    """n_eff = (Σw)² / Σw² (respondents): the simple random sample as precise as these weights."""
    w = np.asarray(weights, dtype=float)
    return float(w.sum() ** 2 / np.dot(w, w))


def margins_from_frame(frame: pd.DataFrame, margin: str = "margin", category: str = "category",
                       population: str = "population") -> Dict[str, Dict[Hashable, float]]:
    """Margins from a long table (one row per margin and category), margins in first-seen order."""
    missing = {margin, category, population} - set(frame.columns)
    if missing:
        raise ValueError(f"the margins table lacks the column(s) {sorted(missing)}")
    out: Dict[str, Dict[Hashable, float]] = {}
    for m, cat, pop in zip(frame[margin], frame[category], frame[population]):
        out.setdefault(str(m), {})[cat] = float(pop)
    return out


# ---------------------------------------------------------------------------------------------


@dataclass
class _Margin:
    name: str
    labels: List[Hashable]      # population keys, in the order given (population > 0)
    codes: np.ndarray           # (n,) category code of each response
    totals: np.ndarray          # (K,) population per category


def _base_weights(responses: pd.DataFrame, base_weights) -> np.ndarray:
    n = len(responses)
    if base_weights is None:
        d = np.ones(n)
    elif isinstance(base_weights, str):
        if base_weights not in responses.columns:
            raise SurveyWeightingError("unknown_variable", margin=base_weights)
        d = pd.to_numeric(responses[base_weights], errors="coerce").to_numpy(dtype=float)
    else:
        d = np.asarray(base_weights, dtype=float).reshape(-1)
        if d.size != n:
            raise ValueError(f"{d.size} base weights for {n} responses")
    bad = np.flatnonzero(~np.isfinite(d) | (d <= 0))
    if bad.size:
        raise SurveyWeightingError("bad_weights", row=responses.index[bad[0]], value=d[bad[0]])
    return d


def _prepare_margin(responses: pd.DataFrame, name: str, population: Mapping) -> _Margin:
    if name not in responses.columns:
        raise SurveyWeightingError("unknown_variable", margin=name)
    column = responses[name]
    missing = column.isna().to_numpy()
    if missing.any():
        raise SurveyWeightingError("missing_value", margin=name, count=int(missing.sum()),
                                   row=responses.index[np.flatnonzero(missing)[0]])
    values, uniques = pd.factorize(column)  # codes into the distinct values (no row loop)
    unique_keys = [str(u) for u in uniques]
    counts = np.bincount(values, minlength=len(uniques))
    pop_by_key: Dict[str, Tuple[Hashable, float]] = {}
    for label, value in population.items():
        value = float(value)
        if not np.isfinite(value) or value < 0:
            raise SurveyWeightingError("bad_population", margin=name, category=label, value=value)
        pop_by_key[str(label)] = (label, value)
    for key, label, count in zip(unique_keys, uniques, counts):
        if key not in pop_by_key:
            raise SurveyWeightingError("population_absent", margin=name, category=label,
                                       respondents=int(count))
        if pop_by_key[key][1] == 0:
            raise SurveyWeightingError("population_zero", margin=name, category=label,
                                       respondents=int(count))
    for key, (label, value) in pop_by_key.items():
        if value > 0 and key not in unique_keys:
            raise SurveyWeightingError("no_respondent", margin=name, category=label,
                                       population=value)
    kept = [(key, label, value) for key, (label, value) in pop_by_key.items() if value > 0]
    if not kept:
        raise SurveyWeightingError("empty_margin", margin=name)
    position = {key: k for k, (key, _l, _v) in enumerate(kept)}
    codes = np.array([position[key] for key in unique_keys], dtype=np.int64)[values]
    return _Margin(name, [label for _k, label, _v in kept], codes,
                   np.array([v for _k, _l, v in kept], dtype=float))


def _cells(margins: Sequence[_Margin]) -> Tuple[np.ndarray, np.ndarray]:
    """Cell of each response and category codes of each cell (J, M)."""
    sizes = [len(m.labels) for m in margins]
    if np.prod([float(s) for s in sizes]) < 2.0 ** 62:
        key = np.zeros(margins[0].codes.size, dtype=np.int64)
        for m, size in zip(margins, sizes):
            key = key * size + m.codes
        size = int(np.prod(sizes))
        if size <= 8 * key.size:  # dense key range: occupied cells by counting, no sort
            occupied = np.bincount(key, minlength=size) > 0
            uniq = np.flatnonzero(occupied)
            cell = (np.cumsum(occupied) - 1)[key]
        else:
            uniq, cell = np.unique(key, return_inverse=True)
        codes = np.empty((uniq.size, len(margins)), dtype=np.int64)
        rest = uniq.copy()
        for j in range(len(margins) - 1, -1, -1):
            codes[:, j] = rest % sizes[j]
            rest //= sizes[j]
        return cell.reshape(-1), codes
    stacked = np.stack([m.codes for m in margins], axis=1)
    codes, cell = np.unique(stacked, axis=0, return_inverse=True)
    return cell.reshape(-1), codes


def _check_totals(margins: List[_Margin], harmonise: bool) -> float:
    first = margins[0].totals.sum()
    for m in margins[1:]:
        total = m.totals.sum()
        if harmonise:
            m.totals = m.totals * (first / total)
        elif abs(total - first) > 1e-9 * max(first, total):
            raise SurveyWeightingError("inconsistent_totals", margin=m.name, total=total,
                                       first=margins[0].name, first_total=first)
    return float(first)


def _margin_gap(margins, cell_codes, current) -> float:
    """Largest |weighted total − population| over the categories of every margin [persons]."""
    return max(float(np.max(np.abs(np.bincount(cell_codes[:, m_i], current, len(m.labels))
                                   - m.totals)))
               for m_i, m in enumerate(margins))


def _bounded_step(eta, dstar, codes, k, target, lower, upper) -> np.ndarray:
    """δ per category solving Σ_{cells of k} d*_j min(max(exp(η_j + δ_k), L), U) = T_k.

    Newton in the closed form of the current piece (free cells A e^δ + clamped cells B), kept
    inside the bracket the residual signs give, bisection when it leaves it.
    """
    base = dstar * np.exp(eta)
    delta = np.log(target / np.bincount(codes, base, k))
    lo = np.full(k, -np.inf)
    hi = np.full(k, np.inf)
    done = np.zeros(k, dtype=bool)
    for _ in range(200):
        ratio = np.exp(eta + delta[codes])
        g = np.clip(ratio, lower, upper)
        r = np.bincount(codes, dstar * g, k) - target
        done |= np.abs(r) <= 1e-14 * target
        if done.all():
            break
        lo = np.where(r < 0, np.maximum(lo, delta), lo)
        hi = np.where(r > 0, np.minimum(hi, delta), hi)
        done |= (hi - lo) <= 1e-15 * np.maximum(1.0, np.abs(delta))
        free = (ratio > lower) & (ratio < upper)
        a = np.bincount(codes, np.where(free, base, 0.0), k)
        b = np.bincount(codes, np.where(free, 0.0, dstar * g), k)
        with np.errstate(divide="ignore", invalid="ignore"):
            new = np.log((target - b) / a)
        ok = np.isfinite(new) & (new > lo) & (new < hi)
        both = np.isfinite(lo) & np.isfinite(hi)
        middle = 0.5 * (np.where(both, lo, 0.0) + np.where(both, hi, 0.0))
        fallback = np.where(both, middle, np.where(r < 0, delta + 1.0, delta - 1.0))
        delta = np.where(done, delta, np.where(ok, new, fallback))
    return delta


def _check_bounds(margins, cell_codes, dstar, lower, upper) -> None:
    for m_i, m in enumerate(margins):
        size = len(m.labels)
        dsum = np.bincount(cell_codes[:, m_i], dstar, size)
        for k in np.flatnonzero((dsum * lower > m.totals * (1 + 1e-12))
                                | (dsum * upper < m.totals * (1 - 1e-12))):
            raise SurveyWeightingError(
                "bounds_infeasible", margin=m.name, category=m.labels[k],
                population=m.totals[k], lower=lower, upper=upper, low=dsum[k] * lower,
                high=dsum[k] * upper)


def rake(responses: pd.DataFrame, margins: MarginsLike, base_weights=None, *,
         bounds: Optional[Tuple[float, float]] = None, tolerance: float = 1e-8,
         max_iterations: int = 200, harmonise_totals: bool = False,
         raise_on_failure: bool = True) -> RakingResult:
    """Rake base weights to population margins (see the module doc for the method).

    :param responses: one row per response; holds the margin variables (and the base weight
        column when ``base_weights`` is a column name). Its index labels the results.
    :param margins: ``{variable: {category: population}}`` in raking order, or a long table
        (:func:`margins_from_frame`). Categories are matched as text (``86194`` = ``"86194"``).
    :param base_weights: ``None`` (all 1), a column name or an array (n,).
    :param bounds: ``(L, U)`` bounds of w / d* (ratio to the base weight rescaled to the
        population total), 0 <= L <= 1 <= U; ``None`` = plain raking (``survey::rake``).
    :param tolerance: convergence threshold, as a fraction of the total base weight.
    :param max_iterations: most sweeps over all margins.
    :param harmonise_totals: scale every margin to the first margin's total instead of refusing
        margins whose totals differ (e.g. age bands of residents aged 15+ and zones of everyone).
    :param raise_on_failure: raise ``not_converged``; ``False`` returns the unconverged result
        (``report.converged`` is ``False``).
    :raises SurveyWeightingError: see :data:`MESSAGES`.
    """
    if isinstance(margins, pd.DataFrame):
        margins = margins_from_frame(margins)
    if not margins:
        raise SurveyWeightingError("no_margins")
    if not (0 < tolerance < 1) or max_iterations < 1:
        raise SurveyWeightingError("bad_tolerance", tolerance=tolerance,
                                   max_iterations=max_iterations)
    lower, upper = (0.0, np.inf) if bounds is None else (float(bounds[0]), float(bounds[1]))
    if not (0 <= lower <= 1 <= upper and lower < upper):
        raise SurveyWeightingError("bad_bounds", lower=lower, upper=upper)
    bounded = lower > 0 or np.isfinite(upper)
    d = _base_weights(responses, base_weights)
    prepared = [_prepare_margin(responses, name, pop) for name, pop in margins.items()]
    population = _check_totals(prepared, harmonise_totals)
    cell, cell_codes = _cells(prepared)
    n_cells = cell_codes.shape[0]
    dcell = np.bincount(cell, d, n_cells)
    epsilon = tolerance * d.sum()
    scale = population / d.sum()
    if bounded:
        dstar = dcell * scale
        _check_bounds(prepared, cell_codes, dstar, lower, upper)
        eta = np.zeros(n_cells)
        current = dstar.copy()
    else:
        current = dcell.copy()
        factors = np.ones((len(prepared), n_cells))
    converged, change, sweeps = False, np.inf, 0
    while sweeps < max_iterations:
        previous = current
        for m_i, m in enumerate(prepared):
            codes = cell_codes[:, m_i]
            if bounded:
                eta = eta + _bounded_step(eta, dstar, codes, len(m.labels), m.totals,
                                          lower, upper)[codes]
                current = dstar * np.clip(np.exp(eta), lower, upper)
            else:
                totals = np.bincount(codes, current, len(m.labels))
                current = current * (m.totals / totals)[codes]
                factors[m_i] = current / dcell
        sweeps += 1
        change = float(np.max(np.abs(current - previous)))
        if change < epsilon and _margin_gap(prepared, cell_codes, current) < epsilon:
            converged = True
            break
    if not np.all(np.isfinite(current)):  # diverging ratios (bounded raking without U)
        raise SurveyWeightingError("not_converged", iterations=sweeps, change=change,
                                   epsilon=epsilon)
    if bounded:
        calibration_factors = (current / dcell)[None, :]
        method = CALIBRATE
    else:
        calibration_factors = factors
        method = RAKE
    g = current / dcell
    weights = d * g[cell]
    calibration = Calibration(method, tuple(m.name for m in prepared),
                              tuple(np.array(m.labels, dtype=object) for m in prepared),
                              d, cell, cell_codes, calibration_factors)
    design = SurveyDesign(weights, calibration, responses.index)
    table, margin_error = _margin_table(prepared, cell_codes, cell, d, current, dcell)
    ratio = g / scale
    per_cell = np.bincount(cell, minlength=n_cells)
    report = RakingReport(
        converged=converged, iterations=sweeps, tolerance=tolerance, max_change=change,
        max_margin_error=margin_error, respondents=int(d.size), population=population,
        weight_min=float(weights.min()), weight_max=float(weights.max()),
        ratio_min=float(ratio.min()), ratio_max=float(ratio.max()),
        at_lower=int(per_cell[ratio <= lower * (1 + 1e-9)].sum()) if bounded else 0,
        at_upper=int(per_cell[ratio >= upper * (1 - 1e-9)].sum()) if bounded else 0,
        design_effect=kish_design_effect(weights),
        effective_sample_size=effective_sample_size(weights),
        lower=lower if bounded else None, upper=upper if bounded and np.isfinite(upper)
        else None)
    result = RakingResult(pd.Series(weights, index=responses.index, name="weight"), report,
                          design, table)
    if not converged and raise_on_failure:
        raise SurveyWeightingError("not_converged", result=result, iterations=sweeps,
                                   change=change, epsilon=epsilon)
    return result


def _margin_table(prepared, cell_codes, cell, d, current, dcell) -> Tuple[pd.DataFrame, float]:
    rows = []
    worst = 0.0
    for m_i, m in enumerate(prepared):
        size = len(m.labels)
        codes = cell_codes[:, m_i]
        respondents = np.bincount(m.codes, minlength=size)
        base = np.bincount(codes, dcell, size)
        raked = np.bincount(codes, current, size)
        worst = max(worst, float(np.max(np.abs(raked - m.totals) / m.totals)))
        rows.extend(zip([m.name] * size, m.labels, m.totals, respondents, base, raked))
    table = pd.DataFrame(rows, columns=["margin", "category", "population", "respondents",
                                        "base_total", "weighted_total"])
    return table, worst


def trim_weights(weights, lower: float = -np.inf, upper: float = np.inf,
                 strict: bool = False) -> np.ndarray:
    """R's ``trimWeights``: absolute bounds [lower, upper] on the weights (persons).

    Weights outside are set to the bound they cross; the amount removed (or added),
    Σ (w − trimmed w), is spread equally over the weights that were inside:
    w_i ← w_i + Σ trimmings / #inside. The total weight is unchanged. With ``strict``, repeated
    until no weight is outside (spreading may push weights past a bound; after the first round a
    weight within 1e-12 of a bound counts as inside, where R would go on for ever); this needs
    n × lower <= Σw <= n × upper.
    """
    w = np.asarray(weights, dtype=float).copy()
    if strict and not (w.size * lower <= w.sum() <= w.size * upper):
        raise ValueError(f"the {w.size} weights total {w.sum()}: they cannot all lie within "
                         f"[{lower}, {upper}]")
    slack = 0.0
    for _round in range(100_000):
        outside = (w < lower - slack * abs(lower)) | (w > upper + slack * abs(upper))
        if not outside.any():
            return w
        if outside.all():
            raise ValueError(f"every weight lies outside [{lower}, {upper}]: nothing to spread "
                             "the trimmed weight over")
        new = np.clip(w, lower, upper)
        new[~outside] += (w - new).sum() / (~outside).sum()
        w = new
        if not strict:
            return w
        slack = 1e-12
    raise ValueError(f"trimming to [{lower}, {upper}] did not settle")


def trim_design(design: SurveyDesign, lower: float = -np.inf, upper: float = np.inf,
                strict: bool = False) -> SurveyDesign:
    """The design with trimmed weights and its calibration kept (R's ``trimWeights`` on a raked
    design: the variance still uses the raking residuals)."""
    return design.with_weights(trim_weights(design.weights, lower, upper, strict))
