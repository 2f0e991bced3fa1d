"""Publication rules of the open-data export and the web map (pure pandas, no QGIS).

Daily counts
    Counts leave the socle aggregated to the local day. A channel-day is **complete** when
    every expected time step has a count (0 included): ``with_data >= day length / time step``
    (day length in the time zone: 23, 24 or 25 h; a channel with a daily or longer step
    expects 1 step), the rule of :mod:`analysis.footfall`. A complete day publishes
    ``count = sum of its counts``; an incomplete one publishes an empty count (*no data*),
    never a partial sum.

Latest indicators
    For each (scope, centrality, indicator, algorithm) and each *kind* of period, the latest
    period: campaigns in chronological order (rows linked to a campaign); years ``YYYY``,
    months ``YYYY-MM``, ISO weeks ``YYYY-Www``, days ``YYYY-MM-DD`` and ranges ``A/B`` (by their
    end) in calendar order; any other text by computation time, then text.

Survey figures
    A survey figure is published only with its respondents (the unweighted responses behind
    it) and only when they are at least 11 (:mod:`analysis.secrecy`); under 30 it is flagged
    ``low_precision``. An indicator is a survey figure when it carries respondents, or when
    its algorithm or code names the survey (``survey``); a survey figure without respondents
    is never published (its secrecy cannot be checked).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .secrecy import LOW_PRECISION, MIN_RESPONDENTS

DAY = 86400.0
PERIOD_PATTERNS = (
    ("year", re.compile(r"^(\d{4})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("day", re.compile(r"^(\d{4}-\d{2}-\d{2})$")),
    ("range", re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")),
)


# --------------------------------------------------------------------------- daily counts

def day_seconds(days: Sequence[str], tz: Optional[str] = "Europe/Paris") -> np.ndarray:
    """Length in seconds of each local calendar day ``YYYY-MM-DD`` (82 800 / 86 400 /
    90 000 across daylight-saving changes); 86 400 everywhere when ``tz`` is None."""
    index = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(days), dtype=object)))
    if tz is None or not len(index):
        return np.full(len(index), DAY)
    start = index.tz_localize(tz, ambiguous=False, nonexistent="shift_forward")
    end = (index + pd.Timedelta(days=1)).tz_localize(tz, ambiguous=False,
                                                      nonexistent="shift_forward")
    return np.asarray((end - start).total_seconds(), dtype=float)


def local_midnights(days: Sequence[str], tz: Optional[str] = "Europe/Paris") -> tuple:
    """(start, end) ISO 8601 texts with the UTC offset of each local day:
    ``2022-03-27T00:00:00+01:00`` → ``2022-03-28T00:00:00+02:00`` (``Z`` when ``tz`` is None)."""
    index = pd.DatetimeIndex(pd.to_datetime(pd.Series(list(days), dtype=object)))
    following = index + pd.Timedelta(days=1)
    if tz is None:
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        return list(index.strftime(fmt)), list(following.strftime(fmt))

    def iso(values):
        local = values.tz_localize(tz, ambiguous=False, nonexistent="shift_forward")
        return [t.isoformat() for t in local]
    return iso(index), iso(following)


def daily_counts(sums: pd.DataFrame, time_steps: Mapping[str, float],
                 tz: Optional[str] = "Europe/Paris") -> pd.DataFrame:
    """Daily counts per channel under the complete-day rule (module docstring).

    :param sums: ``channel, day, with_data, total`` (rows with a count and their sum per
        channel and local day ``YYYY-MM-DD``).
    :param time_steps: seconds between two measures of each channel.
    :returns: ``channel, day, expected, with_data, complete, count`` (``count`` NaN when the
        day is incomplete), sorted by channel and day.
    """
    missing = {"channel", "day", "with_data", "total"} - set(sums.columns)
    if missing:
        raise ValueError("sums need the columns channel, day, with_data, total (missing: "
                         + ", ".join(sorted(missing)) + ")")
    out = sums[["channel", "day", "with_data", "total"]].copy().reset_index(drop=True)
    steps = out["channel"].map(lambda c: time_steps.get(c)).astype(float).to_numpy()
    unknown = sorted(set(out.loc[np.isnan(steps) | (steps <= 0), "channel"].astype(str)))
    if unknown:
        raise ValueError("no positive time step for channel(s) " + ", ".join(unknown[:5]))
    length = day_seconds(out["day"], tz)
    expected = np.where(steps >= DAY, 1.0, np.round(length / steps, 6))
    with_data = out["with_data"].to_numpy(dtype=float)
    complete = with_data >= expected
    total = pd.to_numeric(out["total"], errors="coerce").to_numpy(dtype=float)
    out["expected"] = expected
    out["complete"] = complete
    out["count"] = np.where(complete, total, np.nan)
    out = out.sort_values(["channel", "day"], kind="mergesort").reset_index(drop=True)
    return out[["channel", "day", "expected", "with_data", "complete", "count"]]


# --------------------------------------------------------------------------- indicators

def period_kind(period, linked_to_campaign: bool = False) -> tuple:
    """(kind, sort key) of a period text (see the module docstring)."""
    if linked_to_campaign:
        return "campaign", ""
    text = "" if period is None else str(period).strip()
    for kind, pattern in PERIOD_PATTERNS:
        match = pattern.match(text)
        if match:
            return kind, match.groups()[-1] if kind == "range" else text
    return "other", text


def latest_indicators(frame: pd.DataFrame,
                      campaign_order: Optional[Mapping[str, int]] = None) -> pd.DataFrame:
    """The rows of the latest period of each (scope, centrality_uuid, indicator, algorithm,
    kind of period); ``campaign_order`` ranks campaign uuids chronologically. Adds
    ``period_kind``."""
    if frame.empty:
        return frame.assign(period_kind=pd.Series(dtype=object))
    order = dict(campaign_order or {})
    kinds, keys = [], []
    for period, camp, computed in zip(frame["period"], frame["campaign_uuid"],
                                      frame["computed_at"]):
        linked = camp is not None and camp == camp and camp in order
        kind, key = period_kind(period, linked)
        kinds.append(kind)
        if kind == "campaign":
            keys.append(f"{order[camp]:08d}")
        elif kind == "other":
            keys.append(f"{computed or ''}|{key}")
        else:
            keys.append(key)
    out = frame.assign(period_kind=kinds, _key=keys)
    group = ["scope", "centrality_uuid", "indicator", "algorithm", "period_kind"]
    filled = out[group].fillna("")
    best = out.assign(**{c: filled[c] for c in group}).groupby(group)["_key"].transform("max")
    return out[out["_key"] == best].drop(columns="_key").reset_index(drop=True)


def is_survey_figure(frame: pd.DataFrame) -> np.ndarray:
    """True for the rows that are survey figures (module docstring)."""
    respondents = pd.to_numeric(frame["respondents"], errors="coerce").notna().to_numpy() \
        if "respondents" in frame.columns else np.zeros(len(frame), dtype=bool)
    named = (frame["algorithm"].fillna("").str.contains("survey", case=False)
             | frame["indicator"].fillna("").str.contains("survey", case=False)).to_numpy()
    return respondents | named


def publishable_survey_figures(frame: pd.DataFrame,
                               min_respondents: int = MIN_RESPONDENTS) -> tuple:
    """(published, withheld) survey figures: published have ``respondents >=
    min_respondents`` and get ``low_precision = respondents < 30``; withheld are the others
    (too few or unknown respondents)."""
    n = pd.to_numeric(frame["respondents"], errors="coerce")
    ok = (n >= min_respondents).to_numpy()
    published = frame[ok].copy()
    published["respondents"] = n[ok].astype(int).to_numpy()
    published["low_precision"] = published["respondents"] < LOW_PRECISION
    return published.reset_index(drop=True), frame[~ok].reset_index(drop=True)


def period_bounds(period, kind: str) -> tuple:
    """(first day, last day) ISO dates a period text covers (None, None when unknown): a year,
    a month, an ISO week (Monday to Sunday), a day or a range ``A/B``. Campaigns and other
    texts give (None, None): their dates come from elsewhere."""
    text = "" if period is None else str(period).strip()
    try:
        if kind == "year":
            return f"{text}-01-01", f"{text}-12-31"
        if kind == "month":
            start = pd.Timestamp(f"{text}-01")
            return start.strftime("%Y-%m-%d"), (start + pd.offsets.MonthEnd(0)).strftime(
                "%Y-%m-%d")
        if kind == "week":
            year, week = int(text[:4]), int(text[6:8])
            monday = dt.date.fromisocalendar(year, week, 1)
            return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if kind == "day":
            return text, text
        if kind == "range":
            first, last = text.split("/")
            return first, last
    except ValueError:
        pass
    return None, None
