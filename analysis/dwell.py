"""Length of stay, rotation and long stays from parking sessions.

Input (plain pandas, no GIS): ``sessions``, one row per parking session (a car-park ticket, a
subscriber's passage, a paid on-street session) with a ``key`` (car park or on-street zone), an
``entry`` and an ``exit`` date-time (``exit`` may be empty) and optionally an ``amount`` (€);
``capacities``: number of spaces per key. Date-times may be ``datetime64`` columns, strings
(parsed by pandas), or ``int64`` nanoseconds since 1970-01-01 (the fast path for readers that
parse the file themselves, such as the import layer's byte reader of session exports).

Rules (they are the contract of the indicators):

1. **Length of stay** ``stay = exit − entry`` in minutes. Naive date-times are local wall-clock
   times (operators' exports carry no offset): the stay is the wall-clock difference, so a stay
   across a clock change is off by one hour. With time-zone aware date-times the stay is the
   elapsed time and the day and hour are read on the local wall clock of that time zone.
2. **Day of entry.** A session belongs to the local calendar day of its *entry*: a stay that
   crosses midnight, an overnight or a multi-day stay is counted once, on its entry day (and in
   the week, month and year of that day), with its whole length. The hour of arrival is the
   hour of the entry (0-23).
3. **Missing exit** (open session): counted per key and period in ``open_sessions`` and listed
   in :attr:`DwellResult.open`; left out of every statistic below (never guessed).
4. **Rejected** (listed with the row index and the reason, left out of everything): no key, no or
   unreadable entry, unreadable exit, exit before entry, stay longer than ``max_stay_days``
   (default 7 days; a stay of exactly 7 days is kept). A stay of 0 minutes is kept.
5. Per key and period (``day``; ISO ``week``; ``month``; ``year``; ``all`` = the whole window),
   over the *complete* sessions (entry and exit known, not rejected) whose entry falls in it:

   - ``sessions`` = n; ``mean_min`` = Σ stay / n [min]; ``median_min`` = the middle stay (the
     mean of the two middle stays when n is even) [min];
   - classes, half-open intervals of minutes ``[lower, upper)``: by default
     ``[0, 30)``, ``[30, 60)``, ``[60, 120)``, ``[120, 240)``, ``[240, ∞)`` — a stay of exactly
     30 min is in "30 min–1 h", of exactly 4 h in "≥ 4 h"; ``share`` = class count / n;
   - ``long_stays`` = stays ≥ ``long_stay_min`` (default 240 min); ``long_share`` =
     long_stays / n; per hour of arrival h the same two figures over the sessions that entered
     during hour h (:attr:`DwellResult.long_by_hour`);
   - ``rotation = sessions / (capacity × days)`` [sessions per space per day] where ``days`` is
     the number of calendar days of the period inside the analysis window. Open sessions are not
     in ``sessions`` (so that every figure of a row describes the same sessions); they are beside
     it in ``open_sessions``. A missing, zero or negative capacity gives an empty rotation (NaN)
     and a warning, never 0; so does a period whose sessions are all open;
   - ``days_with_sessions`` = days of the period with at least one complete session (read the
     rotation of a month whose export covers ten days with it); ``period_start`` and
     ``period_end`` are the first and last days of the period inside the window;
   - with an amount column: ``amount_total`` = Σ amount [€] and ``amount_sessions`` = complete
     sessions with an amount.
6. The **analysis window** is ``start``..``end`` (local dates, inclusive; default: the first and
   last entry day of the sessions that are not rejected); sessions entering outside it are left
   out and counted in a note. A key and period with no session (complete or open) has no row:
   no data is not zero.

Everything is vectorised on ``int64`` nanoseconds (``np.bincount`` per key and period, one sort
per period kind for the medians): no Python loop per session. Amounts are in the unit of the
input (€); times per key and period are in minutes; rotation in sessions per space per day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .errors import AnalysisError, Notice
from .footfall import period_labels

PERIOD_KINDS = ("day", "week", "month", "year", "all")
#: Upper bounds [min] of the default classes; the last class is open-ended.
CLASS_EDGES_MIN = (30, 60, 120, 240)
LONG_STAY_MIN = 240
MAX_STAY_DAYS = 7

NS_PER_MIN = 60_000_000_000
NS_PER_HOUR = 60 * NS_PER_MIN
NS_PER_DAY = 24 * NS_PER_HOUR
NAT = np.iinfo(np.int64).min

Capacities = Union[Mapping[str, float], pd.Series, pd.DataFrame, None]

PERIOD_COLUMNS = ["key", "period_kind", "period", "period_start", "period_end", "days",
                  "days_with_sessions", "sessions", "open_sessions", "mean_min", "median_min",
                  "long_stays", "long_share", "capacity", "rotation"]


@dataclass
class DwellResult:
    """Every table of :func:`dwell_summary` (see the module docstring for the rules).

    - ``periods``: ``key, period_kind, period, period_start, period_end, days,
      days_with_sessions, sessions, open_sessions, mean_min, median_min, long_stays,
      long_share, capacity, rotation`` (+ ``amount_total, amount_sessions`` with amounts);
    - ``classes``: ``key, period_kind, period, dwell_class, lower_min, upper_min, sessions,
      share`` (every class of every row of ``periods``, zeros included);
    - ``long_by_hour``: ``key, period_kind, period, hour, sessions, long_stays, long_share``
      (hours with at least one complete session);
    - ``rejected``: ``row`` (index of the input frame), ``key``, ``reason``;
    - ``open``: ``row, key, entry`` of the sessions without exit (inside the window);
    - ``counts``: rows, complete, open, rejected, outside_window;
    - ``warnings``: missing capacities, sessions left out of the window.
    """

    periods: pd.DataFrame
    classes: pd.DataFrame
    long_by_hour: pd.DataFrame
    rejected: pd.DataFrame
    open: pd.DataFrame
    counts: Dict[str, int]
    warnings: List[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# parsing and validation
# ---------------------------------------------------------------------------------------------

#: pandas 2 infers one format from the first value; "mixed" restores per-value parsing.
_MIXED = {"format": "mixed"} if int(pd.__version__.split(".")[0]) >= 2 else {}


def parse_datetimes(values: pd.Series) -> pd.Series:
    """Strings → date-times with pandas, each value read on its own (pandas 1 and 2 alike);
    unreadable values become NaT (the callers report them)."""
    return pd.to_datetime(values, errors="coerce", **_MIXED)


def _column_ns(values: pd.Series, what: str, tz_out: List[Optional[str]]
               ) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(local wall-clock ns, elapsed-time ns, unreadable mask) of a date-time column.

    Naive values: both arrays are the wall clock. Aware values: the wall clock of their own time
    zone, and UTC for the elapsed time."""
    s = values
    if pd.api.types.is_integer_dtype(s.dtype):
        ns = s.to_numpy(dtype=np.int64)
        return ns, ns, np.zeros(len(s), dtype=bool)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        tz_out.append(str(s.dt.tz))
        utc = np.asarray(s.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(),
                         dtype="datetime64[ns]").view(np.int64)
        local = np.asarray(s.dt.tz_localize(None).to_numpy(),
                           dtype="datetime64[ns]").view(np.int64)
        return local, utc, np.zeros(len(s), dtype=bool)
    if pd.api.types.is_datetime64_dtype(s.dtype):
        ns = np.asarray(s.to_numpy(), dtype="datetime64[ns]").view(np.int64)
        return ns, ns, np.zeros(len(s), dtype=bool)
    empty = s.isna().to_numpy() | (s.astype(str).str.strip() == "").to_numpy()
    parsed = parse_datetimes(s.where(~empty))
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        return _column_ns(parsed, what, tz_out)[:2] + (parsed.isna().to_numpy() & ~empty,)
    if not pd.api.types.is_datetime64_dtype(parsed.dtype):
        raise ValueError(f"{what}: date-times with different UTC offsets; give naive local "
                         "times or one time zone")
    ns = np.asarray(parsed.to_numpy(), dtype="datetime64[ns]").view(np.int64)
    return ns, ns, parsed.isna().to_numpy() & ~empty


@dataclass
class _Prepared:
    key_codes: np.ndarray   # int64 code of the key, per kept session (complete or open)
    keys: pd.Index          # key labels
    entry: np.ndarray       # int64 local wall-clock ns
    stay: np.ndarray        # int64 ns; NAT for open sessions
    amount: Optional[np.ndarray]
    rows: np.ndarray        # index labels of the input frame
    rejected: pd.DataFrame
    n_rows: int


def prepare_sessions(sessions: pd.DataFrame, *, key: str = "key", entry: str = "entry",
                     exit: str = "exit", amount: Optional[str] = "amount",  # noqa: A002
                     max_stay_days: float = MAX_STAY_DAYS) -> _Prepared:
    """Validate sessions (rule 4 of the module docstring) into int64 arrays."""
    for col in (key, entry, exit):
        if col not in sessions.columns:
            raise ValueError(f"sessions need the columns {key}, {entry}, {exit} "
                             f"(missing {col})")
    if max_stay_days <= 0:
        raise ValueError("max_stay_days must be > 0")
    n = len(sessions)
    codes, keys = pd.factorize(sessions[key])
    codes = codes.astype(np.int64)
    tz: List[Optional[str]] = []
    e_local, e_abs, e_bad = _column_ns(sessions[entry], entry, tz)
    x_local, x_abs, x_bad = _column_ns(sessions[exit], exit, tz)
    if len(set(tz)) > 1:
        raise ValueError("entry and exit are in different time zones: " + ", ".join(set(tz)))
    if len(tz) == 1:
        raise ValueError("entry and exit must both carry a time zone, or neither")
    no_key = codes < 0
    no_entry = (e_local == NAT) & ~e_bad
    open_ = x_local == NAT
    stay = np.where(open_ | (e_local == NAT), NAT, x_abs - e_abs)
    known = stay != NAT
    before = known & (stay < 0)
    max_ns = int(round(max_stay_days * NS_PER_DAY))
    too_long = known & (stay > max_ns)
    bad = too_long | before | x_bad | e_bad | no_entry | no_key
    idx = np.flatnonzero(bad)
    reason = np.full(len(idx), "", dtype=object)
    # the first reason that applies is reported (order of the checks below, last wins)
    for mask, text in ((too_long, "stay longer than the maximum"),
                       (before, "exit before entry"),
                       (x_bad, "exit is not a date-time"),
                       (e_bad, "entry is not a date-time"),
                       (no_entry, "missing entry"),
                       (no_key, "missing car park or zone")):
        reason[mask[idx]] = text
    rejected = _rejection_frame(sessions, idx, reason, key, entry, exit, stay, max_stay_days)
    keep = ~bad
    stay = np.where(open_, NAT, stay)
    amt = None
    if amount and amount in sessions.columns:
        amt = pd.to_numeric(sessions[amount], errors="coerce").to_numpy(dtype=float)[keep]
    return _Prepared(codes[keep], pd.Index(keys), e_local[keep], stay[keep], amt,
                     sessions.index.to_numpy()[keep], rejected, n)


def _rejection_frame(sessions, idx, reason, key, entry, exit_, stay, max_stay_days):
    if not len(idx):
        return pd.DataFrame({"row": pd.Series(dtype=sessions.index.dtype),
                             "key": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})
    sub = sessions.iloc[idx]
    text = pd.Series(reason, index=sub.index, dtype=object)
    ent, ext = sub[entry].astype(str), sub[exit_].astype(str)
    days = pd.Series(stay[idx] / NS_PER_DAY, index=sub.index)
    is_before = text == "exit before entry"
    text[is_before] = text[is_before] + " (entry " + ent[is_before] + ", exit " + \
        ext[is_before] + ")"
    is_long = text == "stay longer than the maximum"
    # astype(object): mapping an empty float series keeps float64, which numpy 2 will not add
    # to a string
    text[is_long] = ("stay of " + days[is_long].map(lambda v: f"{v:.2f}").astype(object)
                     + f" days, longer than the maximum of {max_stay_days:g} days")
    for name, col, values in (("entry", entry, ent), ("exit", exit_, ext)):
        m = text == f"{name} is not a date-time"
        text[m] = f"{col} '" + values[m] + "' is not a date-time"
    return pd.DataFrame({"row": sub.index.to_numpy(), "key": sub[key].to_numpy(),
                         "reason": text.to_numpy()})


# ---------------------------------------------------------------------------------------------
# capacities and classes
# ---------------------------------------------------------------------------------------------

def capacity_series(capacities: Capacities) -> pd.Series:
    """Spaces per key from a mapping, a Series or a frame ``key, capacity``."""
    if capacities is None:
        return pd.Series(dtype=float)
    if isinstance(capacities, pd.DataFrame):
        missing = {"key", "capacity"} - set(capacities.columns)
        if missing:
            raise ValueError("capacities need the columns key and capacity (missing "
                             + ", ".join(sorted(missing)) + ")")
        if capacities["key"].duplicated().any():
            dup = capacities.loc[capacities["key"].duplicated(), "key"].astype(str)
            raise ValueError("two capacities for the same key: " + ", ".join(dup.iloc[:5]))
        s = capacities.set_index("key")["capacity"]
    elif isinstance(capacities, pd.Series):
        s = capacities
    else:
        s = pd.Series(dict(capacities), dtype=object)
    return pd.to_numeric(s, errors="coerce").astype(float)


def class_table(edges_min: Sequence[float] = CLASS_EDGES_MIN) -> pd.DataFrame:
    """``dwell_class, lower_min, upper_min`` of the half-open classes cut at ``edges_min``.

    Labels: ``lt_30min``, ``30min_1h``, ``1h_2h``, ``2h_4h``, ``ge_4h`` for the default edges.
    """
    edges = [float(e) for e in edges_min]
    if not edges or any(e <= 0 for e in edges) or any(b <= a for a, b in zip(edges, edges[1:])):
        raise AnalysisError("class_edges", "class edges must be positive and strictly "
                            "increasing (minutes)", edges=", ".join(f"{e:g}" for e in edges))
    lower = [0.0] + edges
    upper = edges + [np.inf]
    labels = [f"lt_{_dur(edges[0])}"]
    labels += [f"{_dur(a)}_{_dur(b)}" for a, b in zip(edges, edges[1:])]
    labels.append(f"ge_{_dur(edges[-1])}")
    return pd.DataFrame({"dwell_class": labels, "lower_min": lower, "upper_min": upper})


def _dur(minutes: float) -> str:
    if minutes % 60 == 0:
        return f"{int(minutes // 60)}h"
    return f"{minutes:g}min"


# ---------------------------------------------------------------------------------------------
# the summary
# ---------------------------------------------------------------------------------------------

def dwell_summary(sessions: pd.DataFrame, capacities: Capacities = None, *,
                  periods: Sequence[str] = ("day", "week", "month", "year"),
                  key: str = "key", entry: str = "entry", exit: str = "exit",  # noqa: A002
                  amount: Optional[str] = "amount",
                  class_edges_min: Sequence[float] = CLASS_EDGES_MIN,
                  long_stay_min: float = LONG_STAY_MIN,
                  max_stay_days: float = MAX_STAY_DAYS,
                  start=None, end=None) -> DwellResult:
    """Dwell statistics per key and period (see the module docstring for every rule).

    ``capacities``: spaces per key (mapping, Series or frame ``key, capacity``); keys without
    one get an empty rotation and a warning. ``periods``: any of :data:`PERIOD_KINDS`.
    ``class_edges_min``: upper bounds of the half-open classes [min]. ``long_stay_min``: a stay
    of at least this many minutes is long. ``start``/``end``: analysis window (inclusive dates).
    """
    for p in periods:
        if p not in PERIOD_KINDS:
            raise ValueError(f"period must be one of {', '.join(PERIOD_KINDS)}, not {p!r}")
    if long_stay_min <= 0:
        raise ValueError("long_stay_min must be > 0 minutes")
    classes = class_table(class_edges_min)
    prep = prepare_sessions(sessions, key=key, entry=entry, exit=exit, amount=amount,
                            max_stay_days=max_stay_days)
    return summarise_prepared(prep, capacities, periods=periods, classes=classes,
                              long_stay_min=long_stay_min, start=start, end=end)


def summarise_prepared(prep: _Prepared, capacities: Capacities = None, *,
                       periods: Sequence[str] = ("day", "week", "month", "year"),
                       classes: Optional[pd.DataFrame] = None,
                       long_stay_min: float = LONG_STAY_MIN, start=None, end=None
                       ) -> DwellResult:
    """The statistics of :func:`dwell_summary` on validated sessions."""
    classes = class_table() if classes is None else classes
    warnings: List[str] = []
    day = np.floor_divide(prep.entry, NS_PER_DAY)
    if not len(day) and (start is None or end is None):
        return _empty_result(prep, warnings)
    first = int(day.min()) if start is None else _day_number(start)
    last = int(day.max()) if end is None else _day_number(end)
    if last < first:
        raise AnalysisError("end_before_start", "end is before start",
                            start=f"{_date(first):%Y-%m-%d}", end=f"{_date(last):%Y-%m-%d}")
    inside = (day >= first) & (day <= last)
    outside = int((~inside).sum())
    if outside:
        window = {"n": outside, "start": f"{_date(first):%Y-%m-%d}",
                  "end": f"{_date(last):%Y-%m-%d}"}
        warnings.append(Notice(
            "sessions_outside_window", "{n} session(s) entering outside the analysis window "
            "{start} – {end} left out".format(**window), **window))
        day = day[inside]
    k = prep.key_codes[inside] if outside else prep.key_codes
    stay = prep.stay[inside] if outside else prep.stay
    entry = prep.entry[inside] if outside else prep.entry
    amount = prep.amount
    if amount is not None and outside:
        amount = amount[inside]
    rows = prep.rows[inside] if outside else prep.rows
    d = (day - first).astype(np.int64)
    complete = stay != NAT
    open_ = ~complete
    nd = last - first + 1
    nk = len(prep.keys)
    # complete sessions only, from here on
    kc, dc, sc = k[complete], d[complete], stay[complete]
    hour = (np.floor_divide(entry[complete], NS_PER_HOUR) % 24).astype(np.int64)
    edges_ns = (classes["upper_min"].to_numpy()[:-1] * NS_PER_MIN).astype(np.int64)
    cls = np.searchsorted(edges_ns, sc, side="right")
    long_ = sc >= int(round(long_stay_min * NS_PER_MIN))
    sort_value, decode = _sortable_stays(sc)
    amt_c = None if amount is None else amount[complete]
    caps = capacity_series(None if capacities is None else capacities)
    cap = caps.reindex(prep.keys).to_numpy(dtype=float)
    used = np.bincount(k, minlength=nk) > 0
    no_cap = used & ~(cap > 0)
    if no_cap.any():
        bad = [f"{prep.keys[i]} ({'none' if np.isnan(cap[i]) else f'{cap[i]:g}'})"
               for i in np.flatnonzero(no_cap)[:10]]
        listed = ", ".join(bad) + (" …" if no_cap.sum() > 10 else "")
        warnings.append(Notice("no_capacity", f"no usable capacity (spaces > 0) for {listed}: "
                               "rotation left empty", keys=listed,
                               items=[prep.keys[i] for i in np.flatnonzero(no_cap)]))
    cap = np.where(cap > 0, cap, np.nan)
    all_days = pd.date_range(_date(first), _date(last), freq="D")
    key_days = _key_days(kc, dc, nk, nd)
    parts, cls_parts, hour_parts = [], [], []
    for kind in periods:
        labels = period_labels(all_days, kind)
        pcode, plabels = pd.factorize(labels)
        npd = len(plabels)
        day_p = pcode.astype(np.int64)
        g_all = k * npd + day_p[d]
        g = kc * npd + day_p[dc]
        ng = nk * npd
        n = np.bincount(g, minlength=ng)
        n_open = np.bincount(g_all[open_], minlength=ng)
        present = np.flatnonzero((n > 0) | (n_open > 0))
        total = np.bincount(g, weights=sc.astype(np.float64), minlength=ng)
        med = _group_medians(g, sort_value, decode, n, ng)
        n_long = np.bincount(g, weights=long_, minlength=ng)
        cls_n = np.bincount(g * len(classes) + cls, minlength=ng * len(classes))
        dws = np.bincount((key_days // nd) * npd + day_p[key_days % nd], minlength=ng)
        p_days = np.bincount(day_p, minlength=npd)
        p_first = np.full(npd, nd, dtype=np.int64)
        np.minimum.at(p_first, day_p, np.arange(nd))
        p_last = np.zeros(npd, dtype=np.int64)
        np.maximum.at(p_last, day_p, np.arange(nd))
        gk, gp = present // npd, present % npd
        with np.errstate(invalid="ignore", divide="ignore"):
            nn = n[present].astype(float)
            frame = {
                "key": prep.keys.to_numpy()[gk], "period_kind": kind,
                "period": np.asarray(plabels, dtype=object)[gp],
                "period_start": all_days[p_first[gp]], "period_end": all_days[p_last[gp]],
                "days": p_days[gp], "days_with_sessions": dws[present],
                "sessions": n[present], "open_sessions": n_open[present],
                "mean_min": total[present] / nn / NS_PER_MIN,
                "median_min": med[present] / NS_PER_MIN,
                "long_stays": n_long[present].astype(np.int64),
                "long_share": n_long[present] / nn,
                "capacity": cap[gk],
                "rotation": np.where(nn > 0, nn / (cap[gk] * p_days[gp]), np.nan),
            }
        if amt_c is not None:
            has = ~np.isnan(amt_c)
            frame["amount_total"] = np.bincount(g[has], weights=amt_c[has],
                                                minlength=ng)[present]
            frame["amount_sessions"] = np.bincount(g[has], minlength=ng)[present].astype(
                np.int64)
        parts.append(pd.DataFrame(frame))
        cls_parts.append(_class_rows(classes, cls_n, n, present, prep.keys, plabels, npd, kind))
        hour_parts.append(_hour_rows(g, hour, long_, prep.keys, plabels, npd, kind, ng))
    periods_frame = (pd.concat(parts, ignore_index=True) if parts
                     else pd.DataFrame(columns=PERIOD_COLUMNS))
    open_frame = pd.DataFrame({"row": rows[open_], "key": prep.keys.to_numpy()[k[open_]],
                               "entry": entry[open_].view("datetime64[ns]")})
    counts = {"rows": prep.n_rows, "complete": int(complete.sum()), "open": int(open_.sum()),
              "rejected": len(prep.rejected), "outside_window": outside}
    return DwellResult(periods_frame,
                       pd.concat(cls_parts, ignore_index=True) if cls_parts else _empty_classes(),
                       pd.concat(hour_parts, ignore_index=True) if hour_parts
                       else _empty_hours(), prep.rejected, open_frame, counts, warnings)


def _key_days(k: np.ndarray, d: np.ndarray, nk: int, nd: int) -> np.ndarray:
    """Distinct ``key × nd + day`` codes of the complete sessions."""
    if nk * nd <= 50_000_000:
        return np.flatnonzero(np.bincount(k * nd + d, minlength=nk * nd))
    return np.unique(k * nd + d)


def _sortable_stays(stay: np.ndarray):
    """Stays as small non-negative integers that sort like the stays, and their decoder.

    Whole seconds (the usual export) are used as they are; otherwise the rank among the
    distinct stays. Packing ``group × M + value`` into one int64 lets one ``np.sort`` order the
    stays within every group."""
    if not len(stay):
        return stay, (lambda v: v.astype(np.float64))
    if not (stay % 1_000_000_000).any():
        return stay // 1_000_000_000, (lambda v: v.astype(np.float64) * 1e9)
    uniq, inv = np.unique(stay, return_inverse=True)
    return inv.astype(np.int64).ravel(), (lambda v: uniq[v].astype(np.float64))


def _group_medians(g: np.ndarray, value: np.ndarray, decode, n: np.ndarray, ng: int
                   ) -> np.ndarray:
    """Median per group (NaN for empty groups) of ``decode(value)``: mean of the two middle
    values for even counts. The values are ordered within groups by sorting ``group × span +
    value`` packed into int32 when it fits (in at most 16 slices of groups; 32-bit sorts are
    much faster than 64-bit ones with numpy's SIMD sorts), else into int64."""
    out = np.full(ng, np.nan)
    if not len(g):
        return out
    span = int(value.max()) + 1
    per_slice = np.iinfo(np.int32).max // span
    slices = -(-ng // per_slice) if per_slice else np.inf
    if slices <= 16:
        if slices == 1:
            parts = [np.sort((g * span + value).astype(np.int32))]
        else:
            which = g // per_slice
            parts = [np.sort(((g[sel] - c * per_slice) * span + value[sel]).astype(np.int32))
                     for c in range(int(slices)) for sel in [which == c]]
        sorted_values = (np.concatenate(parts) % np.int32(span)).astype(np.int64)
    elif ng <= (np.iinfo(np.int64).max // span):
        sorted_values = np.sort(g * span + value) % span
    else:  # too many groups × values for one int64 key
        sorted_values = value[np.lexsort((value, g))]
    offsets = np.concatenate(([0], np.cumsum(n)[:-1]))
    has = n > 0
    lo = offsets[has] + (n[has] - 1) // 2
    hi = offsets[has] + n[has] // 2
    out[has] = (decode(sorted_values[lo]) + decode(sorted_values[hi])) / 2
    return out


def _class_rows(classes, cls_n, n, present, keys, plabels, npd, kind) -> pd.DataFrame:
    nc = len(classes)
    counts = cls_n.reshape(-1, nc)[present]
    gk, gp = present // npd, present % npd
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / n[present][:, None].astype(float)
    return pd.DataFrame({
        "key": np.repeat(keys.to_numpy()[gk], nc), "period_kind": kind,
        "period": np.repeat(np.asarray(plabels, dtype=object)[gp], nc),
        "dwell_class": np.tile(classes["dwell_class"].to_numpy(), len(present)),
        "lower_min": np.tile(classes["lower_min"].to_numpy(), len(present)),
        "upper_min": np.tile(classes["upper_min"].to_numpy(), len(present)),
        "sessions": counts.ravel(), "share": share.ravel()})


def _hour_rows(g, hour, long_, keys, plabels, npd, kind, ng) -> pd.DataFrame:
    gh = g * 24 + hour
    n = np.bincount(gh, minlength=ng * 24)
    present = np.flatnonzero(n)
    n_long = np.bincount(gh, weights=long_, minlength=ng * 24)[present]
    grp = present // 24
    return pd.DataFrame({
        "key": keys.to_numpy()[grp // npd], "period_kind": kind,
        "period": np.asarray(plabels, dtype=object)[grp % npd], "hour": present % 24,
        "sessions": n[present], "long_stays": n_long.astype(np.int64),
        "long_share": n_long / n[present]})


def _day_number(value) -> int:
    return int(pd.Timestamp(value).normalize().value // NS_PER_DAY)


def _date(day_number: int) -> pd.Timestamp:
    return pd.Timestamp(day_number * NS_PER_DAY)


def _empty_classes() -> pd.DataFrame:
    return pd.DataFrame(columns=["key", "period_kind", "period", "dwell_class", "lower_min",
                                 "upper_min", "sessions", "share"])


def _empty_hours() -> pd.DataFrame:
    return pd.DataFrame(columns=["key", "period_kind", "period", "hour", "sessions",
                                 "long_stays", "long_share"])


def _empty_result(prep: _Prepared, warnings: List[str]) -> DwellResult:
    warnings.append(Notice("no_sessions", "no session to summarise"))
    return DwellResult(pd.DataFrame(columns=PERIOD_COLUMNS), _empty_classes(), _empty_hours(),
                       prep.rejected, pd.DataFrame(columns=["row", "key", "entry"]),
                       {"rows": prep.n_rows, "complete": 0, "open": 0,
                        "rejected": len(prep.rejected), "outside_window": 0}, warnings)


def daily_dwell(result: DwellResult) -> pd.DataFrame:
    """Daily mean length of stay per key as ``series_id, date, value, weight`` (value in
    minutes, weight = complete sessions) for the event comparison; needs the ``day`` period."""
    day = result.periods[result.periods["period_kind"] == "day"]
    if day.empty and len(result.periods):
        raise ValueError("daily_dwell needs a summary computed with the 'day' period")
    return pd.DataFrame({"series_id": day["key"].to_numpy(),
                         "date": pd.to_datetime(day["period_start"]).to_numpy(),
                         "value": day["mean_min"].to_numpy(dtype=float),
                         "weight": day["sessions"].to_numpy(dtype=float)})
