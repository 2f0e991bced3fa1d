"""Footfall per centrality: daily totals, period means, hourly profiles, year-on-year change,
coverage and a street profile class.

Input is a *measure frame* (as made by ``store.sources.comptage``): one row per channel and
time step with ``channel_id``, ``start_local`` (naive wall-clock time at the counter) and
``count`` (float; ``NaN`` = no data, ``0`` = nobody passed). ``duration_s`` is used, when
present, to infer each channel's time step.

Rules (they are the contract of the indicators):

1. **Complete day.** A channel-day is complete only if *every* expected time step of that
   local day has a count (0 included). Expected steps = length of the local day in the time
   zone (23, 24 or 25 h) / time step; a channel with a daily time step expects 1 step. A gap
   (missing row or empty count) is never read as zero: an incomplete day has no footfall.
2. **Site and centrality.** A counting site's daily footfall is the sum of its channels
   (both directions), complete when all its channels are. A centrality's daily footfall is the
   *mean over its counting sites* of the complete site totals (unit: passages per day per
   counting site), provided at least ``min_site_share`` of its sites are complete (default 1:
   all); otherwise the centrality-day is incomplete.
3. **Period means** use complete days only; ``coverage = complete days / calendar days`` of the
   period inside the analysis window. Weekday = Monday-Friday; declared holidays count as
   Sundays.
4. **Year-on-year** compares ISO weeks that are complete (7 complete days) in *both* ISO years:
   ``change = sum(year Y) / sum(year Y-1) - 1`` over the matched weeks.
5. **Hourly profile** (only if every channel's time step divides one hour): mean passages per
   hour of the day per counting site over complete days, and its share of the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from .errors import AnalysisError, Notice

PERIOD_KINDS = ("day", "week", "month", "year", "all")
DAY_TYPES = ("all", "weekday", "saturday", "sunday")

#: Street profile thresholds (shares are of the weekday daily total; ratios of daily means).
PROFILE_THRESHOLDS = {
    # tourist: busy Sundays (shops mostly close on Sundays in France) or a summer surge
    "tourist_sunday_ratio": 0.8,      # Sunday mean / weekday mean >=
    "tourist_summer_ratio": 1.25,     # July-August mean / mean of other months >=
    # evening / student: a large share of passages between 19:00 and 01:59
    "evening_share": 0.25,            # weekday share of hours 19-23 and 0-1 >=
    # commuter: a morning peak on weekdays and quieter Saturdays
    "commuter_morning_share": 0.15,   # weekday share of hours 7-8 (07:00-08:59) >=
    "commuter_saturday_ratio": 0.9,   # Saturday mean / weekday mean <
    "commuter_weekly_saturday_ratio": 0.7,  # without hourly data: Saturday/weekday <
    # shopping: Saturdays at least as busy as weekdays, the day centred on shop hours
    "shopping_saturday_ratio": 1.0,   # Saturday mean / weekday mean >=
    "shopping_hours_share": 0.55,     # weekday share of hours 11-18 (11:00-18:59) >=
}
MORNING_HOURS = (7, 8)
SHOP_HOURS = tuple(range(11, 19))
EVENING_HOURS = (19, 20, 21, 22, 23, 0, 1)
SUMMER_MONTHS = (7, 8)

Assignment = Union[Mapping[str, str], pd.DataFrame]


# ---------------------------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------------------------

def assignment_frame(assignment: Assignment) -> pd.DataFrame:
    """Normalise a channel → centrality assignment to ``channel_id, centrality, site_id``.

    ``assignment`` is a dict ``{channel_id: centrality}`` or a frame with ``channel_id``,
    ``centrality`` and optionally ``site_id`` (channels of one site are summed; without it each
    channel is its own site).
    """
    if isinstance(assignment, Mapping):
        frame = pd.DataFrame({"channel_id": list(assignment.keys()),
                              "centrality": list(assignment.values())})
    else:
        missing = {"channel_id", "centrality"} - set(assignment.columns)
        if missing:
            raise ValueError(f"assignment needs the columns channel_id and centrality "
                             f"(missing: {', '.join(sorted(missing))})")
        frame = assignment.copy()
    if "site_id" not in frame.columns:
        frame["site_id"] = frame["channel_id"]
    frame = frame[["channel_id", "centrality", "site_id"]].astype(str)
    dup = frame["channel_id"].duplicated()
    if dup.any():
        raise ValueError("a channel is assigned to two centralities: "
                         + ", ".join(frame.loc[dup, "channel_id"].unique()[:5]))
    return frame.reset_index(drop=True)


def infer_time_steps(measures: pd.DataFrame) -> pd.Series:
    """Time step of each channel in seconds: the most frequent ``duration_s`` or, without it,
    the most frequent gap between consecutive starts."""
    if "duration_s" in measures.columns and measures["duration_s"].notna().any():
        d = measures[["channel_id", "duration_s"]].dropna()
    else:
        m = measures[["channel_id", "start_local"]].sort_values(["channel_id", "start_local"])
        gap = m.groupby("channel_id")["start_local"].diff().dt.total_seconds()
        d = pd.DataFrame({"channel_id": m["channel_id"], "duration_s": gap}).dropna()
        d = d[d["duration_s"] > 0]
    if d.empty:
        raise AnalysisError("no_time_step",
                            "cannot infer the time step: give time_steps={channel_id: seconds}")
    counts = d.groupby(["channel_id", "duration_s"]).size().reset_index(name="n")
    counts = counts.sort_values(["channel_id", "n", "duration_s"], ascending=[True, False, True])
    return counts.drop_duplicates("channel_id").set_index("channel_id")["duration_s"]


def _day_seconds(days: pd.DatetimeIndex, tz: Optional[str]) -> np.ndarray:
    """Length in seconds of each local calendar day (82 800 / 86 400 / 90 000 with DST)."""
    if tz is None:
        return np.full(len(days), 86400.0)
    start = days.tz_localize(tz, ambiguous=False, nonexistent="shift_forward")
    end = (days + pd.Timedelta(days=1)).tz_localize(tz, ambiguous=False,
                                                     nonexistent="shift_forward")
    return np.asarray((end - start).total_seconds(), dtype=float)


# ---------------------------------------------------------------------------------------------
# daily values
# ---------------------------------------------------------------------------------------------

@dataclass
class _Grid:
    """Measures binned by channel and local day (and hour) over the analysis window."""

    channels: pd.Index
    days: pd.DatetimeIndex
    total: np.ndarray          # (channel, day) sum of counts with data
    with_data: np.ndarray      # (channel, day) number of steps with a count
    expected: np.ndarray       # (channel, day) expected number of steps
    hourly: Optional[np.ndarray]  # (channel, day, 24) sums, or None


def _bin(measures: pd.DataFrame, channels: Sequence[str], start, end,
         time_steps: pd.Series, tz: Optional[str], want_hourly: bool) -> _Grid:
    channels = pd.Index(channels)
    days = pd.date_range(start, end, freq="D")
    nd, nc = len(days), len(channels)
    ch = channels.get_indexer(measures["channel_id"].astype(str))
    local = measures["start_local"].to_numpy(dtype="datetime64[ns]")
    day = (local.astype("datetime64[D]") - np.datetime64(days[0].date(), "D")).astype(np.int64)
    keep = (ch >= 0) & (day >= 0) & (day < nd) & ~np.isnat(local)
    ch, day, local = ch[keep], day[keep], local[keep]
    count = measures["count"].to_numpy(dtype=float)[keep]
    has = ~np.isnan(count)
    key = ch.astype(np.int64) * nd + day
    total = np.bincount(key, weights=np.where(has, count, 0.0), minlength=nc * nd)
    with_data = np.bincount(key, weights=has.astype(float), minlength=nc * nd)
    steps = time_steps.reindex(channels).to_numpy(dtype=float)
    if np.isnan(steps).any():
        listed = ", ".join(channels[np.isnan(steps)][:5])
        raise AnalysisError("channels_without_step", "no time step for channel(s): " + listed,
                            channels=listed)
    if (steps > 86400).any():
        listed = ", ".join(channels[steps > 86400][:5])
        raise AnalysisError("step_over_a_day",
                            "time steps longer than one day cannot give daily footfall: "
                            + listed, channels=listed)
    day_len = _day_seconds(days, tz)
    expected = np.where(steps[:, None] >= 86400, 1.0, day_len[None, :] / steps[:, None])
    hourly = None
    if want_hourly:
        hour = (local.astype("datetime64[h]") - local.astype("datetime64[D]")).astype(np.int64)
        hourly = np.bincount(key * 24 + hour, weights=np.where(has, count, 0.0),
                             minlength=nc * nd * 24).reshape(nc, nd, 24)
    return _Grid(channels, days, total.reshape(nc, nd), with_data.reshape(nc, nd),
                 np.round(expected, 6), hourly)


def channel_days(grid: _Grid) -> pd.DataFrame:
    """``channel_id, date, steps_expected, steps_with_data, complete, footfall`` (passages;
    NaN when incomplete)."""
    nc, nd = grid.total.shape
    complete = grid.with_data >= grid.expected
    return pd.DataFrame({
        "channel_id": np.repeat(grid.channels.to_numpy(), nd),
        "date": np.tile(grid.days.to_numpy(), nc),
        "steps_expected": grid.expected.ravel(),
        "steps_with_data": grid.with_data.ravel().astype(int),
        "complete": complete.ravel(),
        "footfall": np.where(complete, grid.total, np.nan).ravel(),
    })


def _membership(codes: np.ndarray, n: int) -> np.ndarray:
    """(n, len(codes)) 0/1 matrix: row g has ones at the members of group g."""
    m = np.zeros((n, len(codes)))
    m[codes, np.arange(len(codes))] = 1.0
    return m


def _site_and_centrality(grid: _Grid, assign: pd.DataFrame, min_site_share: float):
    """Arrays per site and per centrality: values (NaN when incomplete)."""
    complete = grid.with_data >= grid.expected
    site_codes, sites = pd.factorize(assign["site_id"])
    site_of_channel = pd.Series(site_codes, index=assign["channel_id"]).reindex(grid.channels)
    channel_to_site = _membership(site_of_channel.to_numpy(), len(sites))
    site_total = channel_to_site @ grid.total
    site_ok = (channel_to_site @ (~complete).astype(float)) == 0
    site_value = np.where(site_ok, site_total, np.nan)
    site_centrality = (assign.drop_duplicates("site_id").set_index("site_id")["centrality"]
                       .reindex(sites))
    cent_codes, centralities = pd.factorize(site_centrality)
    site_to_cent = _membership(cent_codes, len(centralities))
    n_sites = site_to_cent.sum(axis=1)
    n_ok = site_to_cent @ site_ok.astype(float)
    sums = site_to_cent @ np.where(site_ok, site_total, 0.0)
    cent_ok = (n_ok > 0) & (n_ok >= min_site_share * n_sites[:, None] - 1e-9)
    with np.errstate(invalid="ignore", divide="ignore"):
        cent_value = np.where(cent_ok, sums / n_ok, np.nan)
    return {"sites": sites, "site_value": site_value, "site_ok": site_ok,
                "channel_to_site": channel_to_site, "site_to_cent": site_to_cent,
                "site_centrality": site_centrality, "centralities": centralities,
                "n_sites": n_sites, "n_ok": n_ok, "cent_ok": cent_ok, "cent_value": cent_value}


def _day_types(days: pd.DatetimeIndex, holidays: Optional[Iterable] = None) -> np.ndarray:
    wd = days.dayofweek.to_numpy()
    out = np.where(wd < 5, "weekday", np.where(wd == 5, "saturday", "sunday")).astype(object)
    if holidays:
        hol = pd.DatetimeIndex(pd.to_datetime(list(holidays))).normalize()
        out[days.isin(hol)] = "sunday"
    return out


def period_labels(days: pd.DatetimeIndex, kind: str) -> np.ndarray:
    """Label of each day's period: ``2022-03-27``, ``2022-W12`` (ISO), ``2022-03``, ``2022``,
    or ``all``."""
    if kind == "day":
        return days.strftime("%Y-%m-%d").to_numpy()
    if kind == "week":
        iso = days.isocalendar()
        return (iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)).to_numpy()
    if kind == "month":
        return days.strftime("%Y-%m").to_numpy()
    if kind == "year":
        return days.strftime("%Y").to_numpy()
    if kind == "all":
        return np.full(len(days), "all", dtype=object)
    raise ValueError(f"period must be one of {', '.join(PERIOD_KINDS)}, not {kind!r}")


def period_means(daily: pd.DataFrame, kinds: Sequence[str] = ("day", "week", "month", "year"),
                 *, key: str = "centrality", value: str = "footfall",
                 holidays: Optional[Iterable] = None) -> pd.DataFrame:
    """Means of daily values per key and period.

    ``daily`` has one row per key and calendar day of the window (``date``; ``value`` NaN when
    the day is incomplete). Returns ``key, period_kind, period, period_start, period_end,
    days_expected, days_complete, coverage, mean_daily, weekday_mean, saturday_mean,
    sunday_mean, weekday_days, saturday_days, sunday_days`` (means in the unit of ``value``).
    """
    days = pd.DatetimeIndex(daily["date"])
    base = pd.DataFrame({key: daily[key].to_numpy(), "date": days,
                         "v": daily[value].to_numpy(dtype=float),
                         "day_type": _day_types(days, holidays)})
    out = []
    for kind in kinds:
        base["period"] = period_labels(days, kind)
        g = base.groupby([key, "period"], sort=True)
        res = g.agg(period_start=("date", "min"), period_end=("date", "max"),
                    days_expected=("date", "size"), days_complete=("v", "count"),
                    mean_daily=("v", "mean"))
        for dtype in ("weekday", "saturday", "sunday"):
            sub = base[base["day_type"] == dtype].groupby([key, "period"])["v"]
            res[f"{dtype}_mean"] = sub.mean()
            res[f"{dtype}_days"] = sub.count()
        res = res.reset_index()
        res.insert(1, "period_kind", kind)
        out.append(res)
    frame = pd.concat(out, ignore_index=True)
    for dtype in ("weekday", "saturday", "sunday"):
        frame[f"{dtype}_days"] = frame[f"{dtype}_days"].fillna(0).astype(int)
    frame["coverage"] = frame["days_complete"] / frame["days_expected"]
    cols = [key, "period_kind", "period", "period_start", "period_end", "days_expected",
            "days_complete", "coverage", "mean_daily", "weekday_mean", "saturday_mean",
            "sunday_mean", "weekday_days", "saturday_days", "sunday_days"]
    return frame[cols]


def year_on_year(daily: pd.DataFrame, *, key: str = "centrality", value: str = "footfall",
                 by: str = "year") -> pd.DataFrame:
    """Year-on-year change on matched ISO weeks.

    A week is usable when its 7 days are complete; ISO week ``w`` of year ``Y`` is compared with
    ISO week ``w`` of ``Y-1`` only if both are usable. ``by='year'`` gives ``key, iso_year,
    ref_year, weeks_matched, weeks_complete, mean_daily, ref_mean_daily, change`` (``change`` =
    sum over matched weeks in Y / same in Y-1 − 1, NaN when no week matches); ``by='week'`` gives
    one row per matched week (``iso_week`` added).
    """
    if by not in ("year", "week"):
        raise ValueError("by must be 'year' or 'week'")
    days = pd.DatetimeIndex(daily["date"])
    iso = days.isocalendar()
    base = pd.DataFrame({key: daily[key].to_numpy(), "iso_year": iso["year"].to_numpy(),
                         "iso_week": iso["week"].to_numpy(),
                         "v": daily[value].to_numpy(dtype=float)})
    weeks = base.groupby([key, "iso_year", "iso_week"]).agg(days=("v", "size"),
                                                            ok=("v", "count"), total=("v", "sum"))
    weeks = weeks[(weeks["days"] == 7) & (weeks["ok"] == 7)].reset_index()
    prev = weeks.rename(columns={"total": "ref_total"}).assign(iso_year=lambda w: w.iso_year + 1)
    matched = weeks.merge(prev[[key, "iso_year", "iso_week", "ref_total"]],
                          on=[key, "iso_year", "iso_week"])
    matched["ref_year"] = matched["iso_year"] - 1
    if by == "week":
        out = matched[[key, "iso_year", "ref_year", "iso_week"]].copy()
        out["mean_daily"] = matched["total"] / 7
        out["ref_mean_daily"] = matched["ref_total"] / 7
        out["change"] = matched["total"] / matched["ref_total"] - 1
        return out.reset_index(drop=True)
    complete = weeks.groupby([key, "iso_year"]).size().rename("weeks_complete")
    years = base[[key, "iso_year"]].drop_duplicates()
    years = years.merge(years.assign(iso_year=years["iso_year"] + 1), on=[key, "iso_year"])
    agg = matched.groupby([key, "iso_year"]).agg(weeks_matched=("iso_week", "size"),
                                                 total=("total", "sum"),
                                                 ref_total=("ref_total", "sum"))
    out = years.set_index([key, "iso_year"]).join(agg).join(complete)
    out["weeks_matched"] = out["weeks_matched"].fillna(0).astype(int)
    out["weeks_complete"] = out["weeks_complete"].fillna(0).astype(int)
    out["ref_year"] = out.index.get_level_values("iso_year") - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        out["mean_daily"] = out["total"] / (7 * out["weeks_matched"])
        out["ref_mean_daily"] = out["ref_total"] / (7 * out["weeks_matched"])
        out["change"] = out["total"] / out["ref_total"] - 1
    out = out.reset_index().sort_values([key, "iso_year"])
    return out[[key, "iso_year", "ref_year", "weeks_matched", "weeks_complete", "mean_daily",
                "ref_mean_daily", "change"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# hourly profile and street class
# ---------------------------------------------------------------------------------------------

def _hourly_profile(grid: _Grid, sc: dict, kinds: Sequence[str],
                    holidays: Optional[Iterable]) -> pd.DataFrame:
    ns, nd = sc["site_value"].shape
    site_hourly = np.tensordot(sc["channel_to_site"], grid.hourly, axes=1)  # (site, day, hour)
    ok_hourly = np.where(sc["site_ok"][:, :, None], site_hourly, 0.0)
    cent_sum = np.tensordot(sc["site_to_cent"], ok_hourly, axes=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cent_hourly = cent_sum / sc["n_ok"][:, :, None]
    cent_hourly[~sc["cent_ok"]] = np.nan
    day_types = _day_types(grid.days, holidays)
    centralities = sc["centralities"].to_numpy()
    ncent = len(centralities)
    parts = []
    for kind in kinds:
        labels = period_labels(grid.days, kind)
        for label in pd.unique(labels):
            in_period = labels == label
            for dtype in DAY_TYPES:
                sel = in_period if dtype == "all" else in_period & (day_types == dtype)
                if not sel.any():
                    continue
                block = cent_hourly[:, sel, :]
                n_days = sc["cent_ok"][:, sel].sum(axis=1)
                with np.errstate(invalid="ignore", divide="ignore"):
                    mean = np.nansum(block, axis=1) / n_days[:, None]
                    share = mean / mean.sum(axis=1, keepdims=True)
                parts.append(pd.DataFrame({
                    "centrality": np.repeat(centralities, 24), "period_kind": kind,
                    "period": label, "day_type": dtype, "hour": np.tile(np.arange(24), ncent),
                    "days": np.repeat(n_days, 24), "mean_count": mean.ravel(),
                    "share": share.ravel()}))
    if not parts:
        return _empty_hourly()
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["centrality", "period_kind", "period", "day_type", "hour"],
                           kind="stable").reset_index(drop=True)


def _empty_hourly() -> pd.DataFrame:
    return pd.DataFrame({"centrality": pd.Series(dtype=object), "period_kind": [],
                         "period": [], "day_type": [], "hour": pd.Series(dtype=int),
                         "days": pd.Series(dtype=int), "mean_count": [], "share": []})


def street_profile(periods: pd.DataFrame, daily: pd.DataFrame,
                   hourly: Optional[pd.DataFrame] = None, *, key: str = "centrality",
                   value: str = "footfall", thresholds: Optional[Mapping[str, float]] = None
                   ) -> pd.DataFrame:
    """Street profile class per key from the weekly (and, when available, hourly) shape.

    Uses the ``all`` period of :func:`period_means` (whole window) and the weekday hourly
    profile of the ``all`` period. Rules, first match wins (thresholds in
    :data:`PROFILE_THRESHOLDS`):

    1. ``tourist``: Sunday/weekday ≥ 0.8, or July-August / other months ≥ 1.25;
    2. ``evening_student``: weekday share of 19:00-01:59 ≥ 0.25 (hourly data only);
    3. ``commuter``: weekday share of 07:00-08:59 ≥ 0.15 and Saturday/weekday < 0.9
       (without hourly data: Saturday/weekday < 0.7);
    4. ``shopping``: Saturday/weekday ≥ 1.0 and (hourly data) weekday share of 11:00-18:59
       ≥ 0.55;
    5. ``mixed`` otherwise; ``undetermined`` when there is no complete weekday.

    Returns ``key, profile, basis ('hourly+weekly' or 'weekly'), saturday_ratio, sunday_ratio,
    summer_ratio, morning_share, shop_hours_share, evening_share``.
    """
    t = dict(PROFILE_THRESHOLDS, **(thresholds or {}))
    allp = periods[periods["period_kind"] == "all"].set_index(key)
    days = pd.DatetimeIndex(daily["date"])
    month = days.month.to_numpy()
    summer = np.isin(month, SUMMER_MONTHS)
    d = pd.DataFrame({key: daily[key].to_numpy(), "v": daily[value].to_numpy(dtype=float),
                      "summer": summer})
    season = d.groupby([key, "summer"])["v"].mean().unstack()
    rows = []
    for k in allp.index:
        p = allp.loc[k]
        wk = p["weekday_mean"]
        sat = p["saturday_mean"] / wk if wk and wk == wk else np.nan
        sun = p["sunday_mean"] / wk if wk and wk == wk else np.nan
        summer_ratio = np.nan
        if k in season.index and True in season.columns and False in season.columns:
            summer_ratio = season.at[k, True] / season.at[k, False]
        shares = {"morning_share": np.nan, "shop_hours_share": np.nan, "evening_share": np.nan}
        basis = "weekly"
        if hourly is not None and len(hourly):
            h = hourly[(hourly["centrality"] == k) & (hourly["period_kind"] == "all")
                       & (hourly["day_type"] == "weekday")]
            if len(h) and h["share"].notna().any():
                s = h.set_index("hour")["share"]
                shares = {"morning_share": s.reindex(MORNING_HOURS).sum(),
                              "shop_hours_share": s.reindex(SHOP_HOURS).sum(),
                              "evening_share": s.reindex(EVENING_HOURS).sum()}
                basis = "hourly+weekly"
        profile = _classify(t, sat, sun, summer_ratio, shares, basis, wk)
        rows.append(dict({key: k, "profile": profile, "basis": basis, "saturday_ratio": sat,
                          "sunday_ratio": sun, "summer_ratio": summer_ratio}, **shares))
    cols = [key, "profile", "basis", "saturday_ratio", "sunday_ratio", "summer_ratio",
            "morning_share", "shop_hours_share", "evening_share"]
    return pd.DataFrame(rows, columns=cols)


def _classify(t, sat, sun, summer, shares, basis, weekday_mean) -> str:
    if weekday_mean != weekday_mean or not weekday_mean:
        return "undetermined"
    hourly = basis == "hourly+weekly"
    if (sun == sun and sun >= t["tourist_sunday_ratio"]) or (
            summer == summer and summer >= t["tourist_summer_ratio"]):
        return "tourist"
    if hourly and shares["evening_share"] >= t["evening_share"]:
        return "evening_student"
    if hourly:
        if shares["morning_share"] >= t["commuter_morning_share"] and sat < t[
                "commuter_saturday_ratio"]:
            return "commuter"
    elif sat == sat and sat < t["commuter_weekly_saturday_ratio"]:
        return "commuter"
    if sat == sat and sat >= t["shopping_saturday_ratio"] and (
            not hourly or shares["shop_hours_share"] >= t["shopping_hours_share"]):
        return "shopping"
    return "mixed"


# ---------------------------------------------------------------------------------------------
# the whole computation
# ---------------------------------------------------------------------------------------------

@dataclass
class FootfallResult:
    """Every table of :func:`footfall_by_centrality`.

    - ``channel_days``: ``channel_id, date, steps_expected, steps_with_data, complete,
      footfall`` (passages per day, NaN when incomplete);
    - ``site_days``: ``site_id, centrality, date, complete, footfall``;
    - ``centrality_days``: ``centrality, date, sites_total, sites_complete, complete,
      footfall`` (passages per day per counting site);
    - ``periods``: see :func:`period_means` (key ``centrality``);
    - ``hourly``: ``centrality, period_kind, period, day_type, hour, days, mean_count, share``
      (empty when the time step does not allow it, see ``notes``);
    - ``yoy``: see :func:`year_on_year`;
    - ``profiles``: see :func:`street_profile`.
    """

    channel_days: pd.DataFrame
    site_days: pd.DataFrame
    centrality_days: pd.DataFrame
    periods: pd.DataFrame
    hourly: pd.DataFrame
    yoy: pd.DataFrame
    profiles: pd.DataFrame
    time_steps: pd.Series
    notes: List[str] = field(default_factory=list)


def footfall_by_centrality(measures: pd.DataFrame, assignment: Assignment, *,
                           periods: Sequence[str] = ("day", "week", "month", "year", "all"),
                           hourly_periods: Sequence[str] = ("year", "all"),
                           time_steps: Optional[Mapping[str, float]] = None,
                           tz: Optional[str] = "Europe/Paris", start=None, end=None,
                           min_site_share: float = 1.0,
                           holidays: Optional[Iterable] = None) -> FootfallResult:
    """Footfall per centrality (see the module docstring for the rules).

    ``start``/``end`` bound the analysis window (local dates, inclusive; default: first and last
    local day of the measures of assigned channels). Channels not in ``assignment`` are ignored;
    assigned channels without any measure count as gaps. ``tz`` gives the length of local days
    (DST); ``None`` means every day has 24 h.
    """
    for p in list(periods) + list(hourly_periods):
        if p not in PERIOD_KINDS:
            raise ValueError(f"period must be one of {', '.join(PERIOD_KINDS)}, not {p!r}")
    if not 0 < min_site_share <= 1:
        raise ValueError("min_site_share must be in (0, 1]")
    assign = assignment_frame(assignment)
    missing_cols = {"channel_id", "start_local", "count"} - set(measures.columns)
    if missing_cols:
        raise ValueError("measures need the columns channel_id, start_local, count (missing: "
                         + ", ".join(sorted(missing_cols)) + ")")
    mine = measures[measures["channel_id"].astype(str).isin(set(assign["channel_id"]))]
    notes: List[str] = []
    if mine.empty and (start is None or end is None):
        raise ValueError("no measure for the assigned channels")
    steps = infer_time_steps(mine) if len(mine) else pd.Series(dtype=float)
    if time_steps:
        steps = pd.Series(dict(steps.to_dict(), **{str(k): float(v)
                                                   for k, v in time_steps.items()}))
    no_step = [c for c in assign["channel_id"] if c not in steps.index]
    if no_step:
        listed = ", ".join(no_step[:5])
        notes.append(Notice("channels_without_measure", "no measure and no time step for "
                            f"channel(s) {listed}: counted as gaps with the most common time "
                            "step", channels=listed))
        fallback = steps.mode().iloc[0] if len(steps) else 86400.0
        steps = pd.concat([steps, pd.Series(fallback, index=no_step)])
    local_days = mine["start_local"].dt.normalize()
    start = pd.Timestamp(start).normalize() if start is not None else local_days.min()
    end = pd.Timestamp(end).normalize() if end is not None else local_days.max()
    if end < start:
        raise AnalysisError("end_before_start", "end is before start",
                            start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}")
    used = steps.reindex(assign["channel_id"]).to_numpy(dtype=float)
    want_hourly = bool(np.all((used <= 3600) & (3600 % used == 0)))
    if not want_hourly:
        listed = ", ".join(sorted({f"{s:g} s" for s in used}))
        notes.append(Notice("no_hourly_profile", "hourly profile not computed: a channel's time "
                            f"step does not divide one hour (time steps: {listed})",
                            steps=listed))
    grid = _bin(mine, assign["channel_id"], start, end, steps, tz, want_hourly)
    sc = _site_and_centrality(grid, assign, min_site_share)
    nd = len(grid.days)
    ns = len(sc["sites"])
    site_days = pd.DataFrame({
        "site_id": np.repeat(sc["sites"].to_numpy(), nd),
        "centrality": np.repeat(sc["site_centrality"].to_numpy(), nd),
        "date": np.tile(grid.days.to_numpy(), ns),
        "complete": sc["site_ok"].ravel(), "footfall": sc["site_value"].ravel()})
    ncent = len(sc["centralities"])
    cent_days = pd.DataFrame({
        "centrality": np.repeat(sc["centralities"].to_numpy(), nd),
        "date": np.tile(grid.days.to_numpy(), ncent),
        "sites_total": np.repeat(sc["n_sites"].astype(int), nd),
        "sites_complete": sc["n_ok"].ravel().astype(int),
        "complete": sc["cent_ok"].ravel(), "footfall": sc["cent_value"].ravel()})
    per = period_means(cent_days, periods, holidays=holidays)
    hourly = (_hourly_profile(grid, sc, hourly_periods, holidays) if want_hourly
              else _empty_hourly())
    yoy = year_on_year(cent_days)
    per_all = per if "all" in periods else period_means(cent_days, ["all"], holidays=holidays)
    profiles = street_profile(per_all, cent_days, hourly if "all" in hourly_periods else None)
    return FootfallResult(channel_days(grid), site_days, cent_days, per, hourly, yoy, profiles,
                          steps, notes)


def daily_series(result: FootfallResult, level: str = "centrality") -> pd.DataFrame:
    """Daily footfall as ``series_id, date, value`` for :mod:`.events` (level: ``channel``,
    ``site`` or ``centrality``)."""
    frames: Dict[str, pd.DataFrame] = {"channel": result.channel_days.rename(
        columns={"channel_id": "series_id"}), "site": result.site_days.rename(
        columns={"site_id": "series_id"}), "centrality": result.centrality_days.rename(
        columns={"centrality": "series_id"})}
    if level not in frames:
        raise ValueError("level must be channel, site or centrality")
    f = frames[level]
    return pd.DataFrame({"series_id": f["series_id"].to_numpy(), "date": f["date"].to_numpy(),
                         "value": f["footfall"].to_numpy()})


def site_means(site_days: pd.DataFrame) -> pd.DataFrame:
    """Per counting site (index ``site_id``): ``days`` in the window, ``days_complete``,
    ``coverage`` = complete days / days, and ``footfall_mean_daily`` = mean daily footfall over
    its complete days (passages/day; NaN without a complete day). ``site_days`` as in
    :class:`FootfallResult` (incomplete days have a NaN footfall)."""
    out = site_days.groupby("site_id").agg(days_complete=("complete", "sum"),
                                           days=("complete", "size"),
                                           footfall_mean_daily=("footfall", "mean"))
    out["coverage"] = out["days_complete"] / out["days"]
    return out
