"""Event impact: uplift of a daily series during an event against a declared baseline.

Works on any daily series (pedestrian footfall per counter or per centrality, parking occupancy
rate, transit boardings): a frame with a series key, a ``date`` (local day) and a ``value``,
where ``NaN`` or a missing row means *no data* (never zero).

``uplift = (event_mean - baseline_mean) / baseline_mean`` where both are means of the daily
values *with data* over the event days and over the baseline days. Baselines:

- ``Baseline.previous_weeks(n)``: each event day ``d`` is compared with ``d - 7k`` for
  ``k = 1..n`` (same weekdays over the ``n`` previous weeks);
- ``Baseline.previous_year()``: each event day is compared with the day of the same ISO weekday
  in the same ISO week one ISO year before (week 53 has no match when the previous year has 52
  weeks: that baseline day is counted as missing);
- ``Baseline.neutral(start, end, same_weekdays=False)``: every day of a declared neutral period
  (optionally only the weekdays that occur in the event).

Event days are the local calendar days from the event's start date to its end date inclusive.
Baseline days that fall inside another event (of the same centrality, or any event when the
events carry no centrality) are excluded by default and counted in ``baseline_days_excluded``.
Coverage = days with data / days expected; a warning is written when the baseline or the event
has gaps, and the uplift is NaN when either side has no data or the baseline mean is 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .errors import AnalysisError

BASELINE_MODES = ("previous_weeks", "previous_year", "neutral")

RESULT_COLUMNS = ["event_id", "series_id", "baseline_mode", "event_days", "event_days_with_data",
                  "event_coverage", "event_mean", "baseline_days", "baseline_days_with_data",
                  "baseline_coverage", "baseline_days_excluded", "baseline_mean", "uplift",
                  "warning"]


@dataclass(frozen=True)
class Baseline:
    """How the reference level of an event is chosen (see the module docstring)."""

    mode: str
    weeks: int = 4
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    same_weekdays: bool = False

    def __post_init__(self):
        if self.mode not in BASELINE_MODES:
            raise ValueError(f"baseline mode must be one of {', '.join(BASELINE_MODES)}, "
                             f"not {self.mode!r}")
        if self.mode == "previous_weeks" and self.weeks < 1:
            raise AnalysisError("baseline_weeks", "previous_weeks needs at least 1 week")
        if self.mode == "neutral":
            if self.start is None or self.end is None:
                raise AnalysisError("neutral_dates_missing",
                                    "a neutral baseline needs a start and an end date")
            if _to_date(self.end) < _to_date(self.start):
                raise AnalysisError("neutral_reversed", "the neutral period ends before it starts",
                                    start=str(_to_date(self.start)), end=str(_to_date(self.end)))

    @classmethod
    def previous_weeks(cls, weeks: int = 4) -> Baseline:
        return cls("previous_weeks", weeks=weeks)

    @classmethod
    def previous_year(cls) -> Baseline:
        return cls("previous_year")

    @classmethod
    def neutral(cls, start, end, same_weekdays: bool = False) -> Baseline:
        return cls("neutral", start=_to_date(start), end=_to_date(end),
                   same_weekdays=same_weekdays)

    def label(self) -> str:
        if self.mode == "previous_weeks":
            return f"previous_weeks:{self.weeks}"
        if self.mode == "neutral":
            return f"neutral:{_to_date(self.start)}/{_to_date(self.end)}" + (
                ":same_weekdays" if self.same_weekdays else "")
        return self.mode


def _to_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def event_dates(start, end) -> List[dt.date]:
    """Local calendar days covered by an event (start and end dates inclusive)."""
    first, last = _to_date(start), _to_date(end)
    if last < first:
        raise AnalysisError("event_reversed", f"event ends ({last}) before it starts ({first})",
                            start=str(first), end=str(last))
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def baseline_dates(days: List[dt.date], baseline: Baseline) -> List[dt.date]:
    """Expected baseline days for event ``days`` (distinct, sorted; None-free)."""
    out = set()
    if baseline.mode == "previous_weeks":
        for d in days:
            out.update(d - dt.timedelta(weeks=k) for k in range(1, baseline.weeks + 1))
    elif baseline.mode == "previous_year":
        for d in days:
            y, w, wd = d.isocalendar()[:3]
            try:
                out.add(dt.date.fromisocalendar(y - 1, w, wd))
            except ValueError:  # ISO week 53 absent from the previous ISO year
                out.add(None)
    else:
        weekdays = {d.weekday() for d in days}
        first, last = _to_date(baseline.start), _to_date(baseline.end)
        for i in range((last - first).days + 1):
            d = first + dt.timedelta(days=i)
            if not baseline.same_weekdays or d.weekday() in weekdays:
                out.add(d)
    return sorted(out, key=lambda d: (d is None, d or dt.date.min))


@dataclass(frozen=True)
class EventDays:
    """The days of one event and of its baseline (see :func:`event_baseline_days`)."""

    event_id: object
    centrality: Optional[str]
    days: List[dt.date]
    baseline_days: List[Optional[dt.date]]
    excluded: int


def event_baseline_days(events: pd.DataFrame, baseline: Baseline,
                        exclude_other_events: bool = True) -> List[EventDays]:
    """Event days and baseline days of every event (``event_id, start, end`` and optionally
    ``centrality``), in the order of ``events``.

    Baseline days inside another event (of the same centrality, or any event when either
    carries no centrality) or inside the event itself are removed when ``exclude_other_events``
    and counted in ``excluded``; ``None`` stands for a baseline day that does not exist (ISO
    week 53)."""
    has_cent = "centrality" in events.columns
    event_days = {row.event_id: event_dates(row.start, row.end)
                  for row in events.itertuples(index=False)}
    out = []
    for ev in events.itertuples(index=False):
        days = event_days[ev.event_id]
        cent = getattr(ev, "centrality", None) if has_cent else None
        cent = None if cent is None or (isinstance(cent, float) and np.isnan(cent)) else cent
        expected = baseline_dates(days, baseline)
        excluded = set()
        if exclude_other_events:
            for other in events.itertuples(index=False):
                if other.event_id == ev.event_id:
                    continue
                other_cent = getattr(other, "centrality", None) if has_cent else None
                if cent is not None and other_cent is not None and other_cent == other_cent \
                        and other_cent != cent:
                    continue
                excluded.update(event_days[other.event_id])
            excluded.update(days)  # a neutral period may overlap the event itself
        base_days = [b for b in expected if b not in excluded]
        out.append(EventDays(ev.event_id, cent, days, base_days, len(expected) - len(base_days)))
    return out


def event_uplift(daily: pd.DataFrame, events: pd.DataFrame, baseline: Baseline, *,
                 key: str = "series_id", value: str = "value",
                 series_centrality: Optional[Mapping[str, str]] = None,
                 exclude_other_events: bool = True) -> pd.DataFrame:
    """Uplift of every series for every event (columns :data:`RESULT_COLUMNS`).

    ``daily``: ``key, date, value`` (one row per series and day at most). ``events``:
    ``event_id, start, end`` and optionally ``centrality``; when both the event's centrality and
    ``series_centrality`` (series → centrality) are given, only the series of that centrality
    are evaluated (pass the centrality daily frame with ``series_centrality={c: c}`` to get
    the uplift per centrality). ``uplift`` is a fraction (0.25 = +25 %).
    """
    for col in ("event_id", "start", "end"):
        if col not in events.columns:
            raise ValueError(f"events need the columns event_id, start, end (missing {col})")
    for col in (key, "date", value):
        if col not in daily.columns:
            raise ValueError(f"daily series need the columns {key}, date, {value} "
                             f"(missing {col})")
    d = pd.DataFrame({"k": daily[key].astype(str).to_numpy(),
                      "date": pd.to_datetime(daily["date"]).dt.normalize().to_numpy(),
                      "v": pd.to_numeric(daily[value], errors="coerce").to_numpy(dtype=float)})
    if d.duplicated(["k", "date"]).any():
        raise ValueError("daily series have two values for the same series and day")
    values = d.set_index(["k", "date"])["v"]
    series = list(pd.unique(d["k"]))
    rows = []
    for ev in event_baseline_days(events, baseline, exclude_other_events):
        cent, days, base_days, n_excluded = (ev.centrality, ev.days, ev.baseline_days,
                                             ev.excluded)
        targets = series
        if cent is not None and series_centrality is not None:
            targets = [s for s in series if series_centrality.get(s) == cent]
        for s in targets:
            ev_vals = _lookup(values, s, days)
            base_vals = _lookup(values, s, base_days)
            rows.append(_row(ev.event_id, s, baseline, days, ev_vals, base_days, base_vals,
                             n_excluded))
    if not rows:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def _lookup(values: pd.Series, series_id: str, days: List[Optional[dt.date]]) -> np.ndarray:
    idx = pd.MultiIndex.from_arrays([[series_id] * len(days),
                                     pd.to_datetime([d if d is not None else pd.NaT
                                                     for d in days])])
    return values.reindex(idx).to_numpy(dtype=float)


def _row(event_id, series_id, baseline, days, ev_vals, base_days, base_vals, n_excluded):
    ev_ok = ~np.isnan(ev_vals)
    base_ok = ~np.isnan(base_vals)
    ev_mean = ev_vals[ev_ok].mean() if ev_ok.any() else np.nan
    base_mean = base_vals[base_ok].mean() if base_ok.any() else np.nan
    warnings = []
    if not ev_ok.any():
        warnings.append("no data during the event")
    elif not ev_ok.all():
        warnings.append(f"event has gaps: {int(ev_ok.sum())} of {len(days)} days with data")
    if not base_ok.any():
        warnings.append("no baseline data")
    elif not base_ok.all():
        warnings.append(f"baseline has gaps: {int(base_ok.sum())} of {len(base_days)} days "
                        "with data")
    uplift = np.nan
    if ev_ok.any() and base_ok.any():
        if base_mean == 0:
            warnings.append("baseline mean is 0: uplift undefined")
        else:
            uplift = (ev_mean - base_mean) / base_mean
    n_base = len(base_days)
    return [event_id, series_id, baseline.label(), len(days), int(ev_ok.sum()),
            ev_ok.sum() / len(days), ev_mean, n_base, int(base_ok.sum()),
            base_ok.sum() / n_base if n_base else np.nan, n_excluded, base_mean, uplift,
            "; ".join(warnings)]


def to_daily(frame: pd.DataFrame, *, key: str, time: str, value: str, how: str = "mean",
             hours: Optional[Sequence[int]] = None, expected_per_day: Optional[int] = None,
             min_share: float = 1.0) -> pd.DataFrame:
    """Daily series ``series_id, date, value, observations, expected`` from a timestamped one
    (parking occupancy rates, boardings per trip or per hour, counts).

    ``time`` is a naive local date-time column; ``how`` is ``mean``, ``max`` (peak) or
    ``sum``; ``hours`` keeps only those hours of the day (e.g. opening hours). A day has a
    value only if its observations with data reach ``min_share`` × ``expected_per_day``
    (default: the most frequent number of observations per day of that series), so a gap is
    never averaged as if it were a full day nor summed as zero.
    """
    if how not in ("mean", "max", "sum"):
        raise ValueError("how must be mean, max or sum")
    t = pd.to_datetime(frame[time])
    d = pd.DataFrame({"series_id": frame[key].astype(str).to_numpy(),
                      "date": t.dt.normalize().to_numpy(), "hour": t.dt.hour.to_numpy(),
                      "v": pd.to_numeric(frame[value], errors="coerce").to_numpy(float)})
    if hours is not None:
        d = d[d["hour"].isin(list(hours))]
    g = d.groupby(["series_id", "date"])["v"]
    out = g.agg(how).rename("value").to_frame()
    out["observations"] = g.count()
    if expected_per_day is None:
        mode = out.groupby("series_id")["observations"].agg(
            lambda s: s.value_counts().sort_index(ascending=False).idxmax())
        out["expected"] = out.index.get_level_values("series_id").map(mode).to_numpy()
    else:
        out["expected"] = expected_per_day
    out.loc[out["observations"] < min_share * out["expected"] - 1e-9, "value"] = np.nan
    out.loc[out["observations"] == 0, "value"] = np.nan
    return out.reset_index()
