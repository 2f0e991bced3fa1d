"""Vacancy history per premise: first vacancy, current run of vacancy, long-term flag, sequence.

Inputs: ``observations`` (``premise``, ``campaign``, ``status``), the campaigns in chronological
order with their dates (a date, or a year: see :func:`campaign_times`) and optionally the
``lineage`` (``parent``, ``child``, ``kind``).

Definitions, for a premise p whose last observation is in campaign L:

- *run*: the campaigns c_s … c_L, consecutive in the campaign order, in which p was observed
  with a vacant status. A campaign in which p was not observed, or observed with another status,
  breaks the run.
- ``vacancy_years`` = t(c_L) − t(c_s) in years: the vacancy *observed* so far. A premise vacant
  at the 2021, 2022 and 2023 campaigns has been seen vacant for 2 years (2021 → 2023), not 3.
  With dates, years = days / 365.25 rounded to 2 decimals (so yearly campaigns held on the same
  day count whole years); with years only, the difference of the years.
- ``long_term`` = vacant at its last observation and ``vacancy_years ≥ threshold_years``
  (default 2 years: the threshold of the tax on commercial wasteland and of DGFiP's LOCOMVAC;
  1 year is the market convention).
- ``longest_vacancy_years``: the longest run ever (same measure), current or past.

Lineage: a premise created by a split or a merge inherits, for the campaigns before its first
own observation, the statuses of its parent (split) or parents (merge: vacant only if every
parent was vacant, occupied if any was, otherwise the first parent's status), recursively. So a
vacant shop split into two keeps its vacancy history in both halves. Inherited statuses are
marked with ``*`` in ``status_sequence``.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .errors import AnalysisError

COLUMNS = [
    "premise", "last_campaign", "last_status", "vacant_now", "first_vacant_campaign",
    "vacancy_start_campaign", "vacant_campaigns", "vacancy_years", "long_term",
    "longest_vacancy_years", "status_sequence", "inherited_from", "superseded",
]


def campaign_times(campaigns: Sequence, dates: Optional[Mapping] = None) -> np.ndarray:
    """Time of each campaign in years (float), from dates (``datetime``-like) or years (int).

    Without ``dates`` the campaign keys themselves must be years or dates.
    """
    values = [dates[c] if dates is not None else c for c in campaigns]
    if dates is not None:
        missing = [c for c in campaigns if c not in dates]
        if missing:
            raise AnalysisError("campaigns_undated", f"no date for campaign(s) {missing}",
                                campaigns=", ".join(map(str, missing)))
    try:
        years = [int(v) for v in values]
        if all(1900 <= y <= 2200 and str(v).strip().isdigit() for y, v in zip(years, values)):
            return np.array(years, dtype=float)
    except (TypeError, ValueError):
        pass
    stamps = pd.to_datetime(pd.Series(values), errors="coerce")
    if stamps.isna().any():
        bad = [v for v, s in zip(values, stamps) if pd.isna(s)]
        raise AnalysisError("campaign_dates",
                            f"campaign dates not understood: {bad}; expected YYYY-MM-DD or a year",
                            dates=", ".join(map(str, bad)))
    days = (stamps - stamps.iloc[0]).dt.days.to_numpy(dtype=float)
    return np.round(days / 365.25, 2)


def _effective_statuses(observations: pd.DataFrame, campaigns: list,
                        lineage: Optional[pd.DataFrame]):
    order = {c: i for i, c in enumerate(campaigns)}
    unknown = sorted({str(c) for c in observations["campaign"] if c not in order})
    if unknown:
        raise AnalysisError("unknown_campaigns",
                            f"observations refer to unknown campaign(s) {unknown[:10]}",
                            campaigns=", ".join(unknown[:10]))
    if observations.duplicated(["premise", "campaign"]).any():
        first = observations.loc[observations.duplicated(["premise", "campaign"])].iloc[0]
        raise AnalysisError(
            "observed_twice",
            f"premise {first['premise']!r} is observed twice in campaign {first['campaign']!r}",
            premise=str(first["premise"]), campaign=str(first["campaign"]))
    premises = list(pd.unique(observations["premise"]))
    if lineage is not None and len(lineage):
        for p in pd.unique(pd.concat([lineage["parent"], lineage["child"]])):
            if p not in set(premises):
                premises.append(p)
    index = {p: i for i, p in enumerate(premises)}
    status = np.full((len(premises), len(campaigns)), None, dtype=object)
    rows = observations["premise"].map(index).to_numpy()
    cols = observations["campaign"].map(order).to_numpy()
    status[rows, cols] = observations["status"].to_numpy(dtype=object)
    inherited = np.zeros(status.shape, dtype=bool)
    parents_of = {}
    if lineage is not None and len(lineage):
        for parent, child in lineage[["parent", "child"]].itertuples(index=False):
            parents_of.setdefault(child, []).append(parent)
    done = set()

    def resolve(p, stack=()):
        if p in done or p not in parents_of:
            return
        if p in stack:
            raise AnalysisError("lineage_cycle", f"premise lineage has a cycle through {p!r}",
                                premise=str(p))
        for q in parents_of[p]:
            resolve(q, (*stack, p))
        i = index[p]
        own = np.flatnonzero(status[i] != None)  # noqa: E711 (element-wise on objects)
        first_own = own[0] if len(own) else len(campaigns)
        for c in range(first_own):
            states = [status[index[q], c] for q in parents_of[p]]
            states = [s for s in states if s is not None]
            if not states:
                continue
            if "occupied" in states:
                value = "occupied"
            elif all(s == "vacant" for s in states):
                value = "vacant"
            else:
                value = states[0]
            status[i, c] = value
            inherited[i, c] = True
        done.add(p)

    for child in parents_of:
        resolve(child)
    return premises, status, inherited, parents_of


def vacancy_history(observations: pd.DataFrame, campaigns: Sequence,
                    dates: Optional[Mapping] = None, lineage: Optional[pd.DataFrame] = None, *,
                    vacant_statuses: Iterable[str] = ("vacant",),
                    threshold_years: float = 2.0) -> pd.DataFrame:
    """One row per premise (columns :data:`COLUMNS`; durations in years)."""
    missing = {"premise", "campaign", "status"} - set(observations.columns)
    if missing:
        raise ValueError(f"observations lack the column(s) {sorted(missing)}")
    if threshold_years is None or threshold_years < 0:
        raise ValueError("threshold_years must be a non-negative number of years")
    campaigns = list(campaigns)
    times = campaign_times(campaigns, dates)
    premises, status, inherited, parents_of = _effective_statuses(
        observations, campaigns, lineage)
    n, m = status.shape
    vac_set = set(vacant_statuses)
    observed = status != None  # noqa: E711
    vac = np.isin(status, list(vac_set)) & observed
    has_obs = observed.any(axis=1)
    last = np.where(has_obs, m - 1 - np.argmax(observed[:, ::-1], axis=1), -1)
    vacant_now = np.zeros(n, dtype=bool)
    vacant_now[has_obs] = vac[np.flatnonzero(has_obs), last[has_obs]]
    # start of the current run: walk back from the last observation while vacant
    start = last.copy()
    cont = vacant_now.copy()
    for c in range(m - 1, -1, -1):
        sel = cont & (c < last)
        ok = sel & vac[:, c]
        start[ok] = c
        cont &= ~(sel & ~vac[:, c])
    run_years = np.where(vacant_now, times[np.maximum(last, 0)] - times[np.maximum(start, 0)],
                         np.nan)
    run_count = np.where(vacant_now, last - start + 1, 0)
    # longest run ever
    longest = np.full(n, np.nan)
    run_start = np.full(n, -1)
    for c in range(m):
        run_start = np.where(vac[:, c], np.where(run_start >= 0, run_start, c), -1)
        dur = np.where(run_start >= 0, times[c] - times[np.maximum(run_start, 0)], np.nan)
        longest = np.fmax(longest, dur)
    any_vac = vac.any(axis=1)
    first_vac = np.argmax(vac, axis=1)
    superseded = {q for ps in parents_of.values() for q in ps}
    eps = 1e-9
    rows = []
    for i, p in enumerate(premises):
        seq = []
        for c in range(m):
            if status[i, c] is not None:
                seq.append(f"{campaigns[c]}={status[i, c]}{'*' if inherited[i, c] else ''}")
        rows.append((
            p,
            campaigns[last[i]] if last[i] >= 0 else None,
            status[i, last[i]] if last[i] >= 0 else None,
            bool(vacant_now[i]),
            campaigns[first_vac[i]] if any_vac[i] else None,
            campaigns[start[i]] if vacant_now[i] else None,
            int(run_count[i]),
            float(run_years[i]) if vacant_now[i] else np.nan,
            bool(vacant_now[i] and run_years[i] + eps >= threshold_years),
            float(longest[i]) if any_vac[i] else np.nan,
            "; ".join(seq),
            ";".join(str(q) for q in parents_of.get(p, [])) or None,
            p in superseded,
        ))
    return pd.DataFrame(rows, columns=COLUMNS)
