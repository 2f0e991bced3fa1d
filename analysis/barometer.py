"""Activity barometer: monthly creations, closures, reopenings and transfers of establishments per
zone and activity group (SIRENE establishment history), the survival of recent creations, and the
year-on-year change of an imported activity index.

Input ``history``: one row per period of an establishment, as in SIRENE's
``StockEtablissementHistorique``: ``siret``, ``siren`` (default: the first 9 characters of the
siret), ``start`` (first day of the period), ``end`` (last day; empty = still running), ``state``
(administrative state, ``A`` active / ``F`` closed), ``naf`` (NAF rév. 2 code, e.g.
``47.11F``) and ``zone`` (the centrality the caller assigned to the establishment's address in
that period; empty = outside every zone). ``naf_groups`` maps NAF codes to activity groups
(codes not in it go to ``unmapped``, with a note; without a mapping only the ``all`` rows
are given).

Events, read period by period in order of ``start`` within each siret (the state of an
establishment on a date is that of its latest period started on or before that date; ``end`` is
only checked):

- **creation**: the first period of a siret is active → on its start, in its zone;
- **closure**: an active period followed by a closed one → on the closed period's start, in the
  zone (and group) of the active period;
- **reopening**: a closed period followed by an active one → on the active period's start;
- **transfer** by a change of zone between two active periods of the same siret → a transfer out
  of the old zone and a transfer in to the new one on the new period's start (a zone may be
  empty: a move out of every zone counts only as a transfer out);
- **transfer** by siren: a closure of a siret in zone A and a creation of another siret of the
  same siren in zone B at most ``transfer_days`` days apart (before or after; default 90) are a
  transfer out of A and a transfer in to B instead of a closure and a creation. Pairs are formed
  one to one, closest dates first (ties: earliest closure). When A = B it is a **relocation**
  inside the zone: counted in ``relocations``, neither a closure nor a creation;
- a change of NAF code or of anything else between two active periods in the same zone is not
  an event.

Per zone, month (``YYYY-MM``) and activity group (and ``all`` = every group):

    net_change = creations + reopenings + transfers_in − closures − transfers_out
    active_end = establishments active in the zone at the end of the month

**Survival** (cohort share, not Kaplan-Meier): for month m,
``created_36m`` = creations (not transfers in) in the zone and group during the 36 months
m−35..m (``survival_months``), ``surviving`` = those still active at the end of month m — or
that left through a transfer or relocation (a move is not a failure) — and
``survival_rate = surviving / created_36m`` (NaN when none was created). It mixes cohorts of
different ages: read it as "how many of the businesses created in the last three years are
still open", not as a survival curve.

**Activity index** (:func:`index_year_on_year`): ``change = value(p) / value(p − 1 year) − 1``
and ``difference = value(p) − value(p − 1 year)`` per zone, sector and period; both empty (NaN,
never 0) when the previous year's value is missing, and the change is empty when it is 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Mapping, Optional

import numpy as np
import pandas as pd

from .errors import AnalysisError, Notice

ALL = "all"
UNMAPPED = "unmapped"
EVENT_KINDS = ("creation", "closure", "reopening", "transfer_in", "transfer_out",
               "relocation")
MONTHLY_COLUMNS = ["zone", "month", "month_start", "group", "creations", "closures",
                   "reopenings", "transfers_in", "transfers_out", "relocations", "net_change",
                   "active_end", "created_36m", "surviving", "survival_rate"]
_NONE = "\x00none"  # stands for an empty zone in comparisons


@dataclass
class BarometerResult:
    """Tables of :func:`activity_barometer`.

    - ``monthly``: :data:`MONTHLY_COLUMNS` for every zone × month of the window × group (groups
      seen in the history, plus ``all``), zeros included (SIRENE is a register: a month without
      an event is a real 0);
    - ``events``: ``siret, siren, kind, date, zone, group`` (kind in :data:`EVENT_KINDS`);
    - ``rejected``: ``row, reason``; ``notes``: NAF codes without a group.
    """

    monthly: pd.DataFrame
    events: pd.DataFrame
    rejected: pd.DataFrame
    notes: List[str] = field(default_factory=list)


def _month(dates: pd.Series) -> np.ndarray:
    """Month ordinal ``year × 12 + month − 1``."""
    d = pd.DatetimeIndex(dates)
    return (d.year * 12 + d.month - 1).to_numpy(dtype=np.int64)


def _month_label(ordinal: np.ndarray) -> np.ndarray:
    o = np.asarray(ordinal, dtype=np.int64)
    return np.array([f"{y:04d}-{m:02d}" for y, m in zip(o // 12, o % 12 + 1)], dtype=object)


def _month_ordinal(value) -> int:
    t = pd.Timestamp(value)
    return t.year * 12 + t.month - 1


def prepare_history(history: pd.DataFrame, naf_groups: Optional[Mapping[str, str]] = None):
    """Validated periods sorted by siret and start, with their activity ``group``; and the
    rejected rows (``row`` = index of ``history``, ``reason``)."""
    for col in ("siret", "start", "state", "zone"):
        if col not in history.columns:
            raise ValueError("the SIRENE history needs the columns siret, start, state, zone "
                             f"(and optionally siren, end, naf) (missing {col})")
    n = len(history)

    def text(col):
        if col not in history.columns:
            return pd.Series(pd.NA, index=range(n), dtype="string")
        return history[col].astype("string").str.strip().reset_index(drop=True)

    siret = text("siret")
    siren = text("siren").fillna(siret.str.slice(0, 9))
    end = (pd.to_datetime(history["end"], errors="coerce").reset_index(drop=True)
           if "end" in history.columns else pd.Series(pd.NaT, index=range(n)))
    zone = history["zone"].reset_index(drop=True)
    h = pd.DataFrame({"row": history.index.to_numpy(), "siret": siret, "siren": siren,
                      "start": pd.to_datetime(history["start"], errors="coerce")
                      .reset_index(drop=True),
                      "end": end, "state": text("state").str.upper(), "naf": text("naf"),
                      "zone": zone.astype(object).where(zone.notna(), None)})
    reason = np.full(n, "", dtype=object)
    checks = [(h["end"].notna() & h["start"].notna() & (h["end"] < h["start"]),
               "end before start"),
              (~h["state"].isin(["A", "F"]).fillna(False), "state is not A or F"),
              (h["start"].isna(), "missing or unreadable start"),
              (h["siret"].isna() | (h["siret"] == "").fillna(True), "missing siret")]
    for mask, why in checks:  # the last check applied is the first in importance
        reason[mask.to_numpy(dtype=bool)] = why
    bad = reason != ""
    h = h[~bad].sort_values(["siret", "start", "row"], kind="stable")
    dup = h.duplicated(["siret", "start"], keep="first").to_numpy()
    rows = np.concatenate([history.index.to_numpy()[bad], h["row"].to_numpy()[dup]])
    reasons = np.concatenate([reason[bad], np.full(int(dup.sum()), "two periods of the same "
                                                   "siret start on the same day", dtype=object)])
    rejected = pd.DataFrame({"row": rows, "reason": reasons.astype(object)})
    h = h[~dup].reset_index(drop=True)
    if naf_groups is None:
        h["group"] = UNMAPPED
    else:
        mapped = h["naf"].astype(object).map(dict(naf_groups))
        h["group"] = mapped.where(mapped.notna(), UNMAPPED).astype(object)
    h["siret"] = h["siret"].astype(object)
    h["siren"] = h["siren"].astype(object)
    return h, rejected


def _events(h: pd.DataFrame, transfer_days: int):
    """Events (``siret, siren, date, zone, group, kind, period``: ``period`` = index in ``h``
    of the period at which the event happens) and the indexes of the closed periods that began
    with a transfer or a relocation (the business moved: alive for the survival)."""
    same = h["siret"].eq(h["siret"].shift()).to_numpy()
    state = h["state"].to_numpy()
    prev_state = np.where(same, h["state"].shift().to_numpy(), None)
    prev_zone = h["zone"].shift().where(same)
    prev_group = h["group"].shift().where(same)
    zone_key = h["zone"].fillna(_NONE).to_numpy()
    prev_zone_key = prev_zone.fillna(_NONE).to_numpy()
    cur = h[["siret", "siren", "start", "zone", "group"]].assign(period=np.arange(len(h)))
    closing = same & (prev_state == "A") & (state == "F")
    moved = same & (prev_state == "A") & (state == "A") & (zone_key != prev_zone_key)
    parts = [cur[~same & (state == "A")].assign(kind="creation"),
             cur[closing].assign(kind="closure", zone=prev_zone[closing],
                                 group=prev_group[closing]),
             cur[same & (prev_state == "F") & (state == "A")].assign(kind="reopening"),
             cur[moved].assign(kind="transfer_out", zone=prev_zone[moved],
                               group=prev_group[moved]),
             cur[moved].assign(kind="transfer_in")]
    ev = pd.concat(parts, ignore_index=True).rename(columns={"start": "date"})
    return _pair_transfers(ev, transfer_days)


def _pair_transfers(ev: pd.DataFrame, transfer_days: int):
    """A closure and a creation of the same siren within ``transfer_days`` become a transfer
    (different zones) or a relocation (same zone, counted once on the creation's date)."""
    closures = ev.index[ev["kind"] == "closure"]
    creations = ev.index[ev["kind"] == "creation"]
    cand = pd.DataFrame({"c": closures, "siren": ev.loc[closures, "siren"].to_numpy(),
                         "siret_c": ev.loc[closures, "siret"].to_numpy(),
                         "date_c": ev.loc[closures, "date"].to_numpy()}).merge(
        pd.DataFrame({"k": creations, "siren": ev.loc[creations, "siren"].to_numpy(),
                      "siret_k": ev.loc[creations, "siret"].to_numpy(),
                      "date_k": ev.loc[creations, "date"].to_numpy()}), on="siren")
    cand = cand.assign(gap=(cand["date_k"] - cand["date_c"]).abs().dt.days)
    cand = cand[(cand["siret_c"] != cand["siret_k"]) & (cand["gap"] <= transfer_days)]
    cand = cand.sort_values(["gap", "date_c", "date_k", "c", "k"], kind="stable")
    used_c, used_k, pairs = set(), set(), []
    for c, k in zip(cand["c"].to_numpy(), cand["k"].to_numpy()):  # candidate pairs only
        if c in used_c or k in used_k:
            continue
        used_c.add(c)
        used_k.add(k)
        pairs.append((c, k))
    if not pairs:
        return ev, np.array([], dtype=np.int64)
    c_idx, k_idx = (np.array(v, dtype=np.int64) for v in zip(*pairs))
    inside = (ev.loc[c_idx, "zone"].fillna(_NONE).to_numpy()
              == ev.loc[k_idx, "zone"].fillna(_NONE).to_numpy())
    moved_periods = ev.loc[c_idx, "period"].to_numpy(dtype=np.int64)
    ev.loc[c_idx, "kind"] = np.where(inside, "relocation", "transfer_out")
    ev.loc[k_idx, "kind"] = np.where(inside, "relocation", "transfer_in")
    ev = ev.drop(index=c_idx[inside]).reset_index(drop=True)
    return ev, moved_periods


def activity_barometer(history: pd.DataFrame, naf_groups: Optional[Mapping[str, str]] = None,
                       *, start=None, end=None, transfer_days: int = 90,
                       survival_months: int = 36) -> BarometerResult:
    """Monthly creations, closures, reopenings, transfers, net change, active stock and
    survival per zone and activity group (module docstring for every definition).

    ``start``/``end``: first and last month of the table (any date in the month; default: the
    months of the first and last event). ``transfer_days``: maximum days between the closure and
    the creation of a transfer by siren. ``survival_months``: length of the cohort window.
    """
    if transfer_days < 0:
        raise ValueError("transfer_days must be >= 0")
    if survival_months < 1:
        raise ValueError("survival_months must be >= 1")
    if naf_groups is not None and ALL in set(naf_groups.values()):
        raise ValueError(f"'{ALL}' is reserved for the total of every group: rename that "
                         "activity group")
    h, rejected = prepare_history(history, naf_groups)
    notes: List[str] = []
    if naf_groups is not None:
        unmapped = sorted(set(h.loc[h["group"] == UNMAPPED, "naf"].dropna().astype(str)))
        listed = unmapped[:10] + (["…"] if len(unmapped) > 10 else []) + (
            ["empty codes"] if h["naf"].isna().any() else [])
        if listed:
            notes.append(Notice("naf_unmapped", "NAF codes without an activity group (counted "
                                "as 'unmapped'): " + ", ".join(listed), codes=", ".join(listed)))
    ev, moved_periods = _events(h, transfer_days)
    ev_months = _month(ev["date"]) if len(ev) else np.array([], dtype=np.int64)
    if (start is None or end is None) and not len(ev_months):
        raise AnalysisError("no_history_event", "no event in the history: give start and end")
    m0 = int(ev_months.min()) if start is None else _month_ordinal(start)
    m1 = int(ev_months.max()) if end is None else _month_ordinal(end)
    if m1 < m0:
        raise AnalysisError("end_before_start", "end is before start",
                            start=_month_label(np.array([m0]))[0],
                            end=_month_label(np.array([m1]))[0])
    zones = pd.Index(sorted({z for z in h["zone"] if z is not None and z == z}, key=str))
    groups = pd.Index(sorted(set(h["group"]) - {ALL}) + [ALL])
    nz, ng, nm = len(zones), len(groups), m1 - m0 + 1
    shape = (nz, ng, nm)
    counts = {kind: np.zeros(shape, dtype=np.int64) for kind in EVENT_KINDS}
    zi = zones.get_indexer(ev["zone"].where(ev["zone"].notna(), None))
    gi = groups.get_indexer(ev["group"])
    mi = ev_months - m0
    ok = (zi >= 0) & (mi >= 0) & (mi < nm)
    flat = (zi * ng + gi) * nm + mi
    for kind in EVENT_KINDS:
        sel = ok & (ev["kind"].to_numpy() == kind)
        counts[kind] = np.bincount(flat[sel], minlength=nz * ng * nm).reshape(shape)
    active = _stock(h, zones, groups, m0, nm)
    created, surviving = _survival(h, ev, moved_periods, zones, groups, m0, nm,
                                   survival_months)
    for arr in list(counts.values()) + [active, created, surviving]:
        arr[:, -1, :] = arr[:, :-1, :].sum(axis=1)  # the 'all' group
    net = (counts["creation"] + counts["reopening"] + counts["transfer_in"]
           - counts["closure"] - counts["transfer_out"])
    months = np.arange(m0, m1 + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(created > 0, surviving / created, np.nan)
    monthly = pd.DataFrame({
        "zone": np.repeat(zones.to_numpy(), ng * nm),
        "month": np.tile(_month_label(months), nz * ng),
        "month_start": np.tile(pd.to_datetime(
            [f"{y:04d}-{m:02d}-01" for y, m in zip(months // 12, months % 12 + 1)]), nz * ng),
        "group": np.tile(np.repeat(groups.to_numpy(), nm), nz),
        "creations": counts["creation"].ravel(), "closures": counts["closure"].ravel(),
        "reopenings": counts["reopening"].ravel(), "transfers_in": counts["transfer_in"].ravel(),
        "transfers_out": counts["transfer_out"].ravel(),
        "relocations": counts["relocation"].ravel(), "net_change": net.ravel(),
        "active_end": active.ravel(), "created_36m": created.ravel(),
        "surviving": surviving.ravel(), "survival_rate": rate.ravel()})
    if naf_groups is None:  # no activity groups: the totals only
        monthly = monthly[monthly["group"] == ALL].reset_index(drop=True)
    events = ev[["siret", "siren", "kind", "date", "zone", "group"]].sort_values(
        ["date", "siret", "kind"], kind="stable").reset_index(drop=True)
    if naf_groups is None:
        events["group"] = ALL
    return BarometerResult(monthly, events, rejected, notes)


def _add_intervals(target: np.ndarray, zi, gi, first, last, m0: int, nm: int) -> None:
    """``target[z, g, m] += 1`` for every month m of each interval ``[first, last]``
    (ordinals), clipped to the window; through a difference array."""
    a = np.maximum(first - m0, 0)
    b = np.minimum(last - m0, nm - 1)
    ok = (zi >= 0) & (a <= b)
    nz, ng = target.shape[:2]
    cell = (zi[ok] * ng + gi[ok]) * (nm + 1)
    size = nz * ng * (nm + 1)
    diff = (np.bincount(cell + a[ok], minlength=size)
            - np.bincount(cell + b[ok] + 1, minlength=size)).reshape(nz, ng, nm + 1)
    target += np.cumsum(diff, axis=2)[:, :, :nm]


def _stock(h, zones, groups, m0, nm) -> np.ndarray:
    out = np.zeros((len(zones), len(groups), nm), dtype=np.int64)
    iv = _period_months(h)
    active = h["state"].to_numpy() == "A"
    zi = zones.get_indexer(h["zone"].where(h["zone"].notna(), None))
    gi = groups.get_indexer(h["group"])
    _add_intervals(out, zi[active], gi[active], iv[0][active], iv[1][active], m0, nm)
    return out


def _period_months(h: pd.DataFrame):
    """First and last month ordinals whose month end falls in each period (a period holds until
    the next period of its siret starts; the last one is open)."""
    same_next = h["siret"].eq(h["siret"].shift(-1)).to_numpy()
    first = _month(h["start"])
    last = np.full(len(h), np.iinfo(np.int64).max // 4, dtype=np.int64)
    if same_next.any():
        last_day = pd.DatetimeIndex(h["start"].shift(-1)[same_next]) - pd.Timedelta(days=1)
        last[same_next] = ((last_day.year * 12 + last_day.month - 1).to_numpy()
                           - (~last_day.is_month_end).astype(np.int64))
    return first, last


def _survival(h, ev, moved_periods, zones, groups, m0, nm, window):
    created = np.zeros((len(zones), len(groups), nm), dtype=np.int64)
    surviving = np.zeros_like(created)
    births = ev[ev["kind"] == "creation"]
    if births.empty:
        return created, surviving
    bm = _month(births["date"])
    zi = zones.get_indexer(births["zone"].where(births["zone"].notna(), None))
    gi = groups.get_indexer(births["group"])
    _add_intervals(created, zi, gi, bm, bm + window - 1, m0, nm)
    # months at which each siret is alive: its active periods, and the closed periods that
    # began with a transfer or relocation (the business moved to another siret of its siren)
    first, last = _period_months(h)
    alive = h["state"].to_numpy() == "A"
    alive[moved_periods] = True
    iv = pd.DataFrame({"siret": h["siret"].to_numpy()[alive], "first": first[alive],
                       "last": last[alive]})
    b = pd.DataFrame({"siret": births["siret"].to_numpy(), "bm": bm, "zi": zi, "gi": gi})
    j = b.merge(iv, on="siret")
    lo = np.maximum(j["first"].to_numpy(), j["bm"].to_numpy())
    hi = np.minimum(j["last"].to_numpy(), j["bm"].to_numpy() + window - 1)
    _add_intervals(surviving, j["zi"].to_numpy(), j["gi"].to_numpy(), lo, hi, m0, nm)
    return created, surviving


# ---------------------------------------------------------------------------------------------
# activity index
# ---------------------------------------------------------------------------------------------

_STEPS = {"M": 12, "Q": 4, "Y": 1}


def index_year_on_year(index: pd.DataFrame, *, zone: str = "zone", sector: str = "sector",
                       period: str = "period", value: str = "value", freq: str = "M"
                       ) -> pd.DataFrame:
    """Year-on-year change of an activity index or amount per zone, sector and period.

    ``period``: dates or labels readable as periods of ``freq`` (``M`` month, ``Q`` quarter,
    ``Y`` year). Returns ``zone, sector, period, value, previous_value, difference, change``
    (``change`` a fraction: 0.05 = +5 %), sorted; empty (NaN) where the previous year is missing
    or has no value, ``change`` also where it is 0.
    """
    if freq not in _STEPS:
        raise ValueError(f"freq must be one of {', '.join(_STEPS)}, not {freq!r}")
    for col in (zone, sector, period, value):
        if col not in index.columns:
            raise ValueError(f"the activity index needs the columns {zone}, {sector}, "
                             f"{period}, {value} (missing {col})")
    try:
        periods = pd.PeriodIndex(pd.to_datetime(index[period].astype(str), errors="raise")
                                 if freq != "Y" else index[period].astype(str), freq=freq)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"the {period} column is not readable as periods of {freq}: {exc}") \
            from exc
    f = pd.DataFrame({"zone": index[zone].to_numpy(), "sector": index[sector].to_numpy(),
                      "p": periods, "value": pd.to_numeric(index[value], errors="coerce")
                      .to_numpy(dtype=float)})
    if f.duplicated(["zone", "sector", "p"]).any():
        dup = f[f.duplicated(["zone", "sector", "p"])].iloc[0]
        raise ValueError(f"two values for zone {dup['zone']}, sector {dup['sector']}, "
                         f"period {dup['p']}")
    prev = f[["zone", "sector", "p", "value"]].rename(columns={"value": "previous_value"})
    prev["p"] = prev["p"] + _STEPS[freq]
    out = f.merge(prev, on=["zone", "sector", "p"], how="left")
    out["difference"] = out["value"] - out["previous_value"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["change"] = np.where(out["previous_value"] != 0,
                                 out["value"] / out["previous_value"] - 1, np.nan)
    out["period"] = out["p"].astype(str)
    out = out.sort_values(["zone", "sector", "p"]).reset_index(drop=True)
    return out[["zone", "sector", "period", "value", "previous_value", "difference", "change"]]
