"""Dwell time and visitor mix during an event against its declared baseline, and whether the
difference exceeds the baseline's own day-to-day variability.

Daily values come from :func:`.dwell.daily_dwell` (mean length of stay per car park or zone and
day, from parking sessions) and :func:`.presence.daily_presence` (per zone, visitor category —
``all`` included — and day: mean dwell and share of visitors). The event days and the baseline
days are those of :mod:`.events` (``Baseline.previous_weeks(n)``, ``previous_year()``,
``neutral(start, end)``; baseline days inside another event are left out by default).

For an event and a series (a car park, or a zone × category) and a measure:

- ``event_value`` = mean of the daily values over the event days that have one (each day weighs
  the same); ``baseline_mean`` = the same over the baseline days; ``baseline_sd`` = sample
  standard deviation (ddof = 1) of the baseline's daily values;
- ``difference = event_value − baseline_mean`` (minutes for dwell, share points for a share,
  e.g. 0.05 = 5 points); ``relative_difference = difference / baseline_mean`` (NaN when the
  baseline mean is 0); ``z_score = difference / baseline_sd``;
- ``exceeds`` is True when ``|difference| > k × baseline_sd`` (default k = 2: the event's mean
  lies outside the band *baseline mean ± 2 standard deviations of the baseline days*), False
  otherwise, and empty (NA) when the baseline has fewer than ``min_baseline_days`` days with a
  value (default 3) or the event has none. A baseline with no variation (sd 0) is exceeded by
  any non-zero difference. The band is that of single days: the mean of a several-day event
  varies less than one day, so the rule is conservative for long events.

A day without a value (no session, no presence row for that category) is *no data*, never
zero: a visitor category the provider suppressed on a day (small counts) does not pull its
share towards 0.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from .dwell import DwellResult, daily_dwell
from .events import Baseline, event_baseline_days
from .presence import PresenceResult, daily_presence

COMPARISON_COLUMNS = ["baseline_mode", "event_days", "event_days_with_data", "event_value",
                      "baseline_days", "baseline_days_with_data", "baseline_days_excluded",
                      "baseline_mean", "baseline_sd", "difference", "relative_difference",
                      "z_score", "exceeds", "warning"]
IMPACT_COLUMNS = ["event_id", "source", "zone", "category", "measure"] + COMPARISON_COLUMNS


def compare_daily(daily: pd.DataFrame, events: pd.DataFrame, baseline: Baseline, *,
                  keys: Sequence[str] = ("series_id",), value: str = "value", k: float = 2.0,
                  min_baseline_days: int = 3,
                  series_centrality: Optional[Mapping[str, str]] = None,
                  exclude_other_events: bool = True) -> pd.DataFrame:
    """Every series of ``daily`` (``keys…, date, value``) for every event (module docstring).

    ``events``: ``event_id, start, end`` and optionally ``centrality``; with
    ``series_centrality`` (first key → centrality) an event with a centrality is compared on the
    series of that centrality only. Returns ``event_id, keys…`` and :data:`COMPARISON_COLUMNS`.
    """
    keys = list(keys)
    for col in keys + ["date", value]:
        if col not in daily.columns:
            raise ValueError(f"daily values need the columns {', '.join(keys)}, date, {value} "
                             f"(missing {col})")
    for col in ("event_id", "start", "end"):
        if col not in events.columns:
            raise ValueError(f"events need the columns event_id, start, end (missing {col})")
    if k <= 0:
        raise ValueError("k (number of standard deviations) must be > 0")
    if min_baseline_days < 2:
        raise ValueError("min_baseline_days must be at least 2 (a standard deviation needs 2)")
    d = daily[keys].copy()
    d["date"] = pd.to_datetime(daily["date"]).dt.normalize()
    d["v"] = pd.to_numeric(daily[value], errors="coerce").astype(float)
    if d.duplicated(keys + ["date"]).any():
        raise ValueError("daily values have two values for the same series and day")
    if d.empty:
        return pd.DataFrame(columns=["event_id"] + keys + COMPARISON_COLUMNS)
    wide = d.set_index(keys + ["date"])["v"].unstack(keys)
    if not isinstance(wide.columns, pd.MultiIndex):
        wide.columns = pd.MultiIndex.from_arrays([wide.columns], names=keys)
    series = wide.columns
    first_key = series.get_level_values(0)
    out = []
    for ev in event_baseline_days(events, baseline, exclude_other_events):
        cols = np.ones(len(series), dtype=bool)
        if ev.centrality is not None and series_centrality is not None:
            cols = np.array([series_centrality.get(s) == ev.centrality for s in first_key],
                            dtype=bool)
        if not cols.any():
            continue
        ev_vals = _rows(wide, ev.days)[:, cols]
        base_vals = _rows(wide, ev.baseline_days)[:, cols]
        frame = _compare(ev_vals, base_vals, k, min_baseline_days)
        frame.insert(0, "baseline_mode", baseline.label())
        frame.insert(4, "baseline_days_excluded", ev.excluded)
        ids = series[cols].to_frame(index=False)
        ids.insert(0, "event_id", ev.event_id)
        out.append(pd.concat([ids, frame], axis=1))
    if not out:
        return pd.DataFrame(columns=["event_id"] + keys + COMPARISON_COLUMNS)
    result = pd.concat(out, ignore_index=True)
    result["exceeds"] = result["exceeds"].astype("boolean")
    return result[["event_id"] + keys + COMPARISON_COLUMNS]


def _rows(wide: pd.DataFrame, days) -> np.ndarray:
    """(days, series) values; a missing day (or ``None``: no such baseline day) is NaN."""
    idx = pd.DatetimeIndex([pd.NaT if day is None else pd.Timestamp(day) for day in days])
    return wide.reindex(idx).to_numpy(dtype=float).reshape(len(days), wide.shape[1])


def _compare(ev: np.ndarray, base: np.ndarray, k: float, min_days: int) -> pd.DataFrame:
    n_ev, n_base = ev.shape[0], base.shape[0]
    ev_n = (~np.isnan(ev)).sum(axis=0)
    base_n = (~np.isnan(base)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ev_mean = np.nansum(ev, axis=0) / ev_n
        base_mean = np.nansum(base, axis=0) / base_n
        sq = np.nansum((base - base_mean) ** 2, axis=0)
        sd = np.where(base_n >= 2, np.sqrt(sq / (base_n - 1)), np.nan)
        diff = ev_mean - base_mean
        rel = np.where(base_mean != 0, diff / base_mean, np.nan)
        z = np.where(np.isnan(sd), np.nan, np.where(
            sd > 0, diff / sd, np.where(diff == 0, np.nan, np.sign(diff) * np.inf)))
    judged = (base_n >= min_days) & (ev_n > 0)
    exceeds = np.where(judged, np.abs(diff) > k * sd, None)
    warnings = []
    for i in range(ev.shape[1]):
        w = []
        if ev_n[i] == 0:
            w.append("no data during the event")
        elif ev_n[i] < n_ev:
            w.append(f"event has gaps: {ev_n[i]} of {n_ev} days with data")
        if base_n[i] == 0:
            w.append("no baseline data")
        elif base_n[i] < n_base:
            w.append(f"baseline has gaps: {base_n[i]} of {n_base} days with data")
        if 0 < base_n[i] < min_days:
            w.append(f"fewer than {min_days} baseline days with data: variability not judged")
        if base_n[i] and base_mean[i] == 0:
            w.append("baseline mean is 0: relative difference undefined")
        warnings.append("; ".join(w))
    return pd.DataFrame({
        "event_days": n_ev, "event_days_with_data": ev_n, "event_value": ev_mean,
        "baseline_days": n_base, "baseline_days_with_data": base_n,
        "baseline_mean": base_mean, "baseline_sd": sd, "difference": diff,
        "relative_difference": rel, "z_score": z, "exceeds": exceeds, "warning": warnings})


def event_dwell_impact(events: pd.DataFrame, baseline: Baseline, *,
                       sessions: Union[DwellResult, pd.DataFrame, None] = None,
                       presence: Union[PresenceResult, pd.DataFrame, None] = None,
                       k: float = 2.0, min_baseline_days: int = 3,
                       series_centrality: Optional[Mapping[str, str]] = None,
                       exclude_other_events: bool = True) -> pd.DataFrame:
    """Dwell and visitor mix of every event against ``baseline`` (module docstring).

    ``sessions``: a :class:`.dwell.DwellResult` with the ``day`` period (or the frame of
    :func:`.dwell.daily_dwell`) → measure ``mean_dwell_min`` per car park or zone (``source``
    ``parking``, empty category). ``presence``: a :class:`.presence.PresenceResult` with the
    ``day`` period (or the frame of :func:`.presence.daily_presence`) → per zone and category
    (``all`` included) ``mean_dwell_min`` and ``share_of_visitors`` (``source`` ``presence``).
    ``series_centrality`` maps car parks and zones to centralities (see :func:`compare_daily`).
    Returns :data:`IMPACT_COLUMNS`.
    """
    if sessions is None and presence is None:
        raise ValueError("give parking sessions, presence data, or both")
    common = {"k": k, "min_baseline_days": min_baseline_days,
              "series_centrality": series_centrality,
              "exclude_other_events": exclude_other_events}
    parts = []
    if sessions is not None:
        daily = daily_dwell(sessions) if isinstance(sessions, DwellResult) else sessions
        res = compare_daily(daily.rename(columns={"series_id": "zone"}), events, baseline,
                            keys=["zone"], value="value", **common)
        parts.append(res.assign(source="parking", category=None, measure="mean_dwell_min"))
    if presence is not None:
        daily = daily_presence(presence) if isinstance(presence, PresenceResult) else presence
        for measure in ("mean_dwell_min", "share_of_visitors"):
            sub = daily[daily[measure].notna()] if measure == "share_of_visitors" else daily
            if measure == "share_of_visitors":
                sub = sub[sub["category"] != "all"]
            res = compare_daily(sub, events, baseline, keys=["zone", "category"],
                                value=measure, **common)
            parts.append(res.assign(source="presence", measure=measure))
    out = pd.concat(parts, ignore_index=True)
    out["exceeds"] = out["exceeds"].astype("boolean")
    return out[IMPACT_COLUMNS]
