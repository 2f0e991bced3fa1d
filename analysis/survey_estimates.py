"""Design-based weighted means and shares, their standard errors and 95 % confidence intervals.

The estimates are those of R's ``survey`` package: ``svymean(~y, design, na.rm = TRUE)`` and
``confint`` for the whole sample, ``svyby(~y, ~domain, design, svymean, na.rm = TRUE)`` for
domains (sub-groups: centrality, age band…), on a :class:`.survey_design.SurveyDesign`. Domains
may also overlap (the centralities a respondent visits): each is then estimated as ``svyby``
would on its own membership indicator.

Mean of a domain D (the whole sample is the domain of every response), over the responses of D
with an answer (a missing answer, NaN, is left out as ``na.rm = TRUE`` does):

    W_D = Σ_{i ∈ D, y_i answered} w_i                      (weighted respondents, persons)
    ȳ_D = Σ_{i ∈ D, y_i answered} w_i y_i / W_D            (unit of y; a share for a 0/1 y)

Variance by linearisation, with z_i = w_i (y_i − ȳ_D) / W_D for the responses of D that answered
and z_i = 0 for every other response of the sample (n responses in all, R keeps them in the
design: ``[.survey.design2`` and the ``fpc`` sample size):

- plain weighted design: e = z;
- raked design (``survey::rake``): R's ``svyrecvar`` replaces z by its raking residual, ten passes
  over the margins m in raking order of

      e_i ← e_i − p_m,i × mean_{j : c_m(j) = c_m(i)} (e_j / p_m,j)

  where p_m,i is the weight of response i just after margin m was adjusted in the last sweep
  (``attr(margin, "weights")``) and the mean is unweighted;
- bounded raking (``survey::calibrate``): the regression (GREG) residual
  e = z − w^c ⊙ Xβ, β = (Xᵀ diag(d) X)⁻¹ Xᵀ (z / g), with X the indicators of the margin
  categories (intercept + one column per category but the first of each margin), d the base
  weights, g = w^c / d the calibration ratios (R's ``qr.resid`` on ``greg_calibration``);

then, n being the number of responses of the design,

    V(ȳ_D) = n / (n − 1) × Σ_i (e_i − ē)²,       SE = √V
    95 % interval: ȳ_D ± z_{0.975} SE, z_{0.975} = 1.959964 (``confint``, normal quantile)

The computation never forms the n × (domains) residual matrix: raking residuals are linear in z
with coefficients per margin category, so each pass works on (categories × domains) arrays built
from one grouped sum per variable; 100 000 responses take milliseconds per variable.

Helpers build the variables: scores (1–5, anything else missing), 0/1 shares of chosen answers
(share satisfied = score 4–5), indicators of single- and multiple-choice answers.

Pure numpy / scipy / pandas: no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from .survey_design import BACKFIT_PASSES, CALIBRATE, RAKE, SurveyDesign

ESTIMATE_COLUMNS = ["variable", "respondents", "weighted_total", "mean", "se", "ci_low",
                    "ci_high"]
DEFAULT_DOMAIN = "domain"


@dataclass(frozen=True)
class Estimate:
    """One weighted mean: respondents (unweighted n with an answer), weighted total (persons),
    mean, standard error and confidence interval (unit of the variable)."""

    respondents: int
    weighted_total: float
    mean: float
    se: float
    ci_low: float
    ci_high: float


def normal_quantile(level: float = 0.95) -> float:
    """z such that P(|Z| <= z) = level for a standard normal Z (1.959964 for 95 %)."""
    if not 0 < level < 1:
        raise ValueError(f"confidence level must be in (0, 1), got {level}")
    return NormalDist().inv_cdf(1 - (1 - level) / 2)


# --- variance -----------------------------------------------------------------------------


class _Variance:
    """Linearisation variance of domain means on one design (precomputed per design)."""

    def __init__(self, design: SurveyDesign):
        self.design = design
        self.n = design.n
        cal = design.calibration
        self.cal = cal
        if cal is None:
            return
        n_cells = cal.n_cells
        cell, d = cal.cell, cal.base_weights
        self.count = np.bincount(cell, minlength=n_cells).astype(float)
        self.dsum = np.bincount(cell, d, n_cells)
        self.d2 = np.bincount(cell, d * d, n_cells)
        self.incidence = [
            sparse.csr_matrix((np.ones(n_cells), (cal.cell_codes[:, m], np.arange(n_cells))),
                              shape=(len(cal.categories[m]), n_cells))
            for m in range(len(cal.margins))]
        if cal.method == RAKE:
            self._prepare_rake()
        elif cal.method == CALIBRATE:
            self._prepare_greg()
        else:
            raise ValueError(f"unknown calibration method {cal.method!r}")

    def _prepare_rake(self):
        g = self.cal.factors
        inc = self.incidence
        margins = range(len(inc))
        self.n_m = [r @ self.count for r in inc]
        self.h = [[(inc[m] @ sparse.diags(self.count * g[k] / g[m]) @ inc[k].T).toarray()
                   for k in margins] for m in margins]
        self.gram = [[(inc[m] @ sparse.diags(self.d2 * g[m] * g[k]) @ inc[k].T).toarray()
                      for k in margins] for m in margins]
        self.psw_sum = [inc[m] @ (self.dsum * g[m]) for m in margins]

    def _prepare_greg(self):
        cal = self.cal
        columns = [np.ones(cal.n_cells)]
        for m in range(len(cal.margins)):
            for k in range(1, len(cal.categories[m])):
                columns.append((cal.cell_codes[:, m] == k).astype(float))
        self.x = np.column_stack(columns)
        self.xtdx = self.x.T @ (self.dsum[:, None] * self.x)
        self.g = cal.factors[0]

    def __call__(self, rows: np.ndarray, doms: np.ndarray, u: np.ndarray,
                 n_dom: int) -> np.ndarray:
        """V per domain from the pairs (response ``rows``, domain ``doms``) with z = ``u``
        (every other response of the sample has z = 0 for that domain)."""
        s1 = np.bincount(doms, u, n_dom)
        s2 = np.bincount(doms, u * u, n_dom)
        if self.cal is not None:
            cal = self.cal
            n_cells = cal.n_cells
            key = cal.cell[rows] * n_dom + doms
            base = cal.base_weights[rows]
            t2 = np.bincount(key, u * base, n_cells * n_dom).reshape(n_cells, n_dom)
            if cal.method == RAKE:
                t1 = np.bincount(key, u / base, n_cells * n_dom).reshape(n_cells, n_dom)
                s1, s2 = self._rake_sums(s1, s2, t1, t2)
            else:
                t0 = np.bincount(key, u, n_cells * n_dom).reshape(n_cells, n_dom)
                s1, s2 = self._greg_sums(s1, s2, t0, t2)
        n = self.n
        return n / (n - 1) * np.maximum(s2 - s1 * s1 / n, 0.0)

    def _rake_sums(self, s1, s2, t1, t2):
        g = self.cal.factors
        inc = self.incidence
        margins = range(len(inc))
        p = [inc[m] @ (t1 / g[m][:, None]) for m in margins]
        q = [inc[m] @ (t2 * g[m][:, None]) for m in margins]
        a = [np.zeros_like(pm) for pm in p]
        for _ in range(BACKFIT_PASSES):
            for m in margins:
                rest = p[m] - sum(self.h[m][k] @ a[k] for k in margins)
                a[m] = a[m] + rest / self.n_m[m][:, None]
        s1 = s1 - sum(self.psw_sum[m] @ a[m] for m in margins)
        s2 = (s2 - 2 * sum((q[m] * a[m]).sum(axis=0) for m in margins)
              + sum((a[m] * (self.gram[m][k] @ a[k])).sum(axis=0)
                    for m in margins for k in margins))
        return s1, s2

    def _greg_sums(self, s1, s2, t0, t2):
        g = self.g
        b = self.x.T @ (t0 / g[:, None])
        beta = np.linalg.lstsq(self.xtdx, b, rcond=None)[0]
        fit = self.x @ beta
        s1 = s1 - (self.dsum * g) @ fit
        s2 = s2 - 2 * (g[:, None] * t2 * fit).sum(axis=0) \
            + ((self.d2 * g * g)[:, None] * fit * fit).sum(axis=0)
        return s1, s2


# --- estimates ----------------------------------------------------------------------------


def _align(data, design: SurveyDesign, what: str):
    """Frame / Series aligned on the design's responses (by label when both have labels)."""
    if isinstance(data, (pd.DataFrame, pd.Series)):
        if design.index is not None and not data.index.equals(design.index):
            data = data.reindex(design.index)
        if len(data) != design.n:
            raise ValueError(f"{what} has {len(data)} rows for {design.n} responses")
        return data.reset_index(drop=True)
    array = np.asarray(data)
    if array.shape[0] != design.n:
        raise ValueError(f"{what} has {array.shape[0]} rows for {design.n} responses")
    return pd.Series(array) if array.ndim == 1 else pd.DataFrame(array)


def _domains(by, design: SurveyDesign):
    """(domain code per response, -1 outside; table of domain keys, sorted like svyby)."""
    if by is None:
        return np.zeros(design.n, dtype=np.int64), None
    frame = _align(by, design, "by")
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else DEFAULT_DOMAIN)
    frame.columns = [str(c) for c in frame.columns]
    complete = frame.notna().all(axis=1).to_numpy()
    codes = np.full(design.n, -1, dtype=np.int64)
    if not complete.any():
        return codes, frame.iloc[:0].reset_index(drop=True)
    keys = frame[complete]
    if keys.shape[1] == 1:
        sub, uniques = pd.factorize(keys.iloc[:, 0], sort=True)
        table = pd.DataFrame({keys.columns[0]: np.asarray(uniques, dtype=object)})
    else:
        sub, uniques = pd.factorize(pd.MultiIndex.from_frame(keys), sort=True)
        table = pd.DataFrame(list(uniques), columns=keys.columns)
    codes[complete] = sub
    return codes, table


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for name in frame.columns:
        col = frame[name]
        if col.dtype == bool or str(col.dtype) == "boolean":
            col = col.astype("float64")
        try:
            out[name] = pd.to_numeric(col, errors="raise").astype(float)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"variable '{name}' must be numeric (scores, 0/1 answers): "
                             f"{exc}") from exc
    return pd.DataFrame(out)


def _memberships(domains, design: SurveyDesign):
    """(rows, domain codes) of every membership, and the table of domain names."""
    frame = _align(domains, design, "domains")
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else DEFAULT_DOMAIN)
    member = frame.fillna(0).astype(bool).to_numpy()
    rows, doms = np.nonzero(member)
    return rows, doms.astype(np.int64), pd.DataFrame({DEFAULT_DOMAIN: list(frame.columns)})


def survey_means(design: SurveyDesign, variables, by=None, *, domains=None,
                 level: float = 0.95) -> pd.DataFrame:
    """Weighted means with SE and confidence interval, per variable and domain.

    :param design: the survey design (weights, calibration).
    :param variables: a DataFrame (or Series) of numeric variables, one row per response (by label
        when the design has labels, else by position); NaN = no answer (left out).
    :param by: optional domain variable(s) (Series or DataFrame, e.g. centrality, age band):
        the domains partition the responses, as ``svyby``; a response with a missing value
        belongs to no domain.
    :param domains: instead of ``by``, domains that may overlap (e.g. the centralities each
        respondent visits): a DataFrame of booleans, one column per domain (True = member);
        each column's estimates are those of ``svyby`` on that column.
    :param level: confidence level of the interval.
    :returns: one row per domain (sorted as ``svyby`` for ``by``; in column order for
        ``domains``, named in the column ``domain``) and variable: the domain column(s),
        ``variable``, ``respondents`` (unweighted n with an answer), ``weighted_total`` (Σw),
        ``mean``, ``se``, ``ci_low``, ``ci_high``. A domain with no answer to a variable has 0
        respondents and NaN figures.
    """
    if by is not None and domains is not None:
        raise ValueError("give the domains either as 'by' (a partition) or as 'domains' "
                         "(memberships), not both")
    frame = _align(variables, design, "variables")
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else "value")
    frame = _numeric(frame)
    if domains is not None:
        rows, doms, keys = _memberships(domains, design)
    else:
        dom, keys = _domains(by, design)
        rows = np.flatnonzero(dom >= 0)
        doms = dom[rows]
    n_dom = 1 if keys is None else len(keys)
    variance = _Variance(design)
    z = normal_quantile(level)
    w = design.weights
    parts = []
    for name in frame.columns:
        y = frame[name].to_numpy(dtype=float)
        answered = ~np.isnan(y[rows])
        r, d = rows[answered], doms[answered]
        respondents = np.bincount(d, minlength=n_dom)
        total = np.bincount(d, w[r], n_dom)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.bincount(d, w[r] * y[r], n_dom) / total
        u = w[r] * (y[r] - mean[d]) / total[d]
        se = np.sqrt(variance(r, d, u, n_dom))
        se[respondents == 0] = np.nan
        part = pd.DataFrame({"variable": name, "respondents": respondents,
                             "weighted_total": total, "mean": mean, "se": se,
                             "ci_low": mean - z * se, "ci_high": mean + z * se})
        if keys is not None:
            part = pd.concat([keys.reset_index(drop=True), part], axis=1)
        parts.append(part)
    if not parts:
        columns = ([] if keys is None else list(keys.columns)) + ESTIMATE_COLUMNS
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def survey_mean(design: SurveyDesign, values, *, level: float = 0.95) -> Estimate:
    """One variable on the whole sample (``svymean(~y, design, na.rm = TRUE)`` + ``confint``)."""
    if isinstance(values, pd.DataFrame):
        raise ValueError("survey_mean takes one variable: use survey_means for a table")
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values))
    if design.index is not None and not isinstance(values, pd.Series):
        series.index = design.index
    row = survey_means(design, series.rename("value"), level=level).iloc[0]
    return Estimate(int(row["respondents"]), float(row["weighted_total"]), float(row["mean"]),
                    float(row["se"]), float(row["ci_low"]), float(row["ci_high"]))


# --- building the variables ---------------------------------------------------------------


def scores(values, valid: Iterable[float] = (1, 2, 3, 4, 5)) -> pd.Series:
    """Satisfaction scores as floats; anything not in ``valid`` (empty, 0, 6, text) is NaN."""
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    numeric = pd.to_numeric(series, errors="coerce").astype(float)
    return numeric.where(numeric.isin(list(valid)))


def share_indicator(values, selected: Iterable, valid: Optional[Iterable] = None) -> pd.Series:
    """1.0 when the answer is one of ``selected``, 0.0 for another answer, NaN when missing.

    ``valid`` (optional) lists the answers that count; others are missing too. The weighted mean
    of the indicator is the share (0–1): share satisfied = ``share_indicator(score, {4, 5})``.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    answered = series.notna()
    if valid is not None:
        answered &= series.isin(list(valid))
    return series.isin(list(selected)).astype(float).where(answered)


def category_indicators(values, categories: Optional[Sequence] = None,
                        prefix: str = "") -> pd.DataFrame:
    """One 0/1 column per category of a single-choice answer (NaN where unanswered): their
    weighted means are the shares of each answer, as ``svymean`` of a factor."""
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if categories is None:
        categories = sorted(series.dropna().unique().tolist(), key=str)
    answered = series.notna()
    return pd.DataFrame({f"{prefix}{c}": (series == c).astype(float).where(answered)
                         for c in categories}, index=series.index)


def multi_choice_indicators(responses: pd.Index, answers: pd.DataFrame, choices: Sequence,
                            response: str = "response", choice: str = "choice",
                            asked=None, prefix: str = "") -> pd.DataFrame:
    """0/1 columns per choice of a multiple-choice question from its long answers table.

    :param responses: the response labels (rows of the result).
    :param answers: one row per ticked choice: ``response`` label and ``choice`` code.
    :param choices: the choices to report (one column each, named ``prefix + choice``).
    :param asked: optional boolean mask / Series over ``responses``: who was asked the question
        (others are NaN, left out of the shares); default everyone.
    """
    ticked = answers[answers[choice].isin(list(choices))]
    data = {}
    positions = responses.get_indexer(ticked[response])
    for c in choices:
        column = np.zeros(len(responses))
        hit = positions[(ticked[choice] == c).to_numpy() & (positions >= 0)]
        column[hit] = 1.0
        data[f"{prefix}{c}"] = column
    frame = pd.DataFrame(data, index=responses)
    if asked is not None:
        mask = asked.reindex(responses).fillna(False).to_numpy(dtype=bool) \
            if isinstance(asked, pd.Series) else np.asarray(asked, dtype=bool)
        frame[~mask] = np.nan
    return frame

