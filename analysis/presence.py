"""Dwell time and visitor mix from presence data (mobile-network aggregates, Wi-Fi / Bluetooth
sensors), per zone, period and visitor category.

Input: one row per zone, time slot, visitor category and (class form) dwell-time class, as the
providers deliver them, aggregated and anonymised:

- ``zone`` (zone or centrality key), ``slot`` (start of the time slot, local date-time),
  ``category`` (residents, regular visitors, occasional visitors, foreign visitors… — the
  provider's labels, kept as they are), ``count`` (people counted, ≥ 0);
- and either ``dwell_class`` (label of a dwell-time class: *class form*) or ``mean_dwell``
  (minutes: *mean form*).

Rules:

1. A row belongs to the local calendar day of its slot's start, and to that day's ISO week,
   month and year (``all`` = every row).
2. ``visitors(z, p, c)`` = Σ count over the rows of zone z, period p and category c, in the unit
   the provider delivers (person-slots: someone counted in two slots is counted twice; nothing is
   de-duplicated). Category ``all`` (:data:`ALL`) = Σ over the categories;
   ``share_of_visitors = visitors(z, p, c) / visitors(z, p, all)``.
3. Class form: the distribution is exact: ``visitors`` per class and
   ``share = visitors(class) / visitors(z, p, c)``. A *mean* is only estimated when every class
   with visitors has a representative value: the midpoint ``(lower + upper) / 2`` of a class
   declared in ``class_bounds`` as ``[lower, upper)`` minutes; an open class (upper = ∞) has no
   midpoint, its value must be given as ``open_class_minutes``, otherwise the mean is left empty
   (NaN). ``mean_dwell_min = Σ count × midpoint / Σ count`` (``mean_basis = 'class_midpoints'``;
   it assumes stays spread evenly inside each class). Without ``class_bounds`` only the
   distributions are given.
4. Mean form: ``mean_dwell_min = Σ count × mean_dwell / Σ count`` over the rows that carry a
   mean (weighted by counts; ``mean_basis = 'reported'``); rows without a mean count as
   visitors only. ``visitors_with_dwell`` = visitors of the rows that carry a mean (mean form)
   or whose class has a representative value (class form).
5. Rejected rows (listed with the row index and the reason, left out of everything): missing
   zone, slot or category; count missing, not a number or negative; a dwell class not in
   ``class_bounds`` (when given); a negative or unreadable mean dwell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .dwell import parse_datetimes
from .errors import Notice
from .footfall import period_labels

ALL = "all"
PERIOD_KINDS = ("day", "week", "month", "year", "all")
MEAN_COLUMNS = ["zone", "period_kind", "period", "category", "visitors", "share_of_visitors",
                "visitors_with_dwell", "mean_dwell_min", "mean_basis"]
CLASS_COLUMNS = ["zone", "period_kind", "period", "category", "dwell_class", "visitors",
                 "share"]


@dataclass
class PresenceResult:
    """Tables of :func:`presence_dwell`.

    - ``means``: ``zone, period_kind, period, category, visitors, share_of_visitors,
      visitors_with_dwell, mean_dwell_min, mean_basis`` (category ``all`` included);
    - ``classes`` (class form only): ``zone, period_kind, period, category, dwell_class,
      visitors, share``;
    - ``rejected``: ``row, reason``; ``form``: ``classes`` or ``mean``.
    """

    means: pd.DataFrame
    classes: pd.DataFrame
    rejected: pd.DataFrame
    form: str
    notes: List[str] = field(default_factory=list)


def presence_dwell(presence: pd.DataFrame, *, periods: Sequence[str] = ("month",),
                   zone: str = "zone", slot: str = "slot", category: str = "category",
                   count: str = "count", dwell_class: str = "dwell_class",
                   mean_dwell: str = "mean_dwell", form: Optional[str] = None,
                   class_bounds: Optional[Mapping[str, Tuple[float, float]]] = None,
                   open_class_minutes: Optional[float] = None) -> PresenceResult:
    """Visitors, category shares, dwell distributions and mean dwell (module docstring).

    ``form``: ``classes`` or ``mean``; by default the one whose column is present (both present:
    an error, choose one). ``class_bounds``: ``{label: (lower_min, upper_min)}``, in the order
    of the classes; ``upper_min`` may be ``inf``.
    """
    for p in periods:
        if p not in PERIOD_KINDS:
            raise ValueError(f"period must be one of {', '.join(PERIOD_KINDS)}, not {p!r}")
    for col in (zone, slot, category, count):
        if col not in presence.columns:
            raise ValueError(f"presence data need the columns {zone}, {slot}, {category}, "
                             f"{count} and {dwell_class} or {mean_dwell} (missing {col})")
    form = _form(presence, form, dwell_class, mean_dwell)
    bounds = _bounds(class_bounds)
    frame, rejected = _validate(presence, form, zone, slot, category, count, dwell_class,
                                mean_dwell, bounds)
    notes: List[str] = []
    if len(rejected):
        notes.append(Notice("presence_rejected", f"{len(rejected)} presence row(s) rejected",
                            n=len(rejected)))
    days = frame["slot"].dt.normalize()
    uniq = pd.DatetimeIndex(pd.unique(days))
    means, classes = [], []
    for kind in periods:
        labels = pd.Series(period_labels(uniq, kind), index=uniq)
        f = frame.assign(period=labels.reindex(days).to_numpy(), period_kind=kind)
        f = pd.concat([f, f.assign(category=ALL)], ignore_index=True)
        means.append(_means(f, form, bounds, open_class_minutes))
        if form == "classes":
            classes.append(_classes(f, bounds))
    means_frame = (pd.concat(means, ignore_index=True) if means
                   else pd.DataFrame(columns=MEAN_COLUMNS))
    classes_frame = (pd.concat(classes, ignore_index=True) if classes
                     else pd.DataFrame(columns=CLASS_COLUMNS))
    if form == "classes" and bounds is None:
        notes.append(Notice("presence_no_bounds", "dwell classes without declared bounds: "
                            "distributions only, no mean"))
    return PresenceResult(means_frame[MEAN_COLUMNS], classes_frame[CLASS_COLUMNS]
                          if len(classes_frame) else classes_frame, rejected, form, notes)


def _form(presence, form, dwell_class, mean_dwell) -> str:
    has_class, has_mean = dwell_class in presence.columns, mean_dwell in presence.columns
    if form is None:
        if has_class and has_mean:
            raise ValueError(f"presence data carry both {dwell_class} and {mean_dwell}: "
                             "choose form='classes' or form='mean'")
        if not (has_class or has_mean):
            raise ValueError(f"presence data need a {dwell_class} or a {mean_dwell} column")
        return "classes" if has_class else "mean"
    if form not in ("classes", "mean"):
        raise ValueError(f"form must be 'classes' or 'mean', not {form!r}")
    needed = dwell_class if form == "classes" else mean_dwell
    if needed not in presence.columns:
        raise ValueError(f"form={form!r} needs the column {needed}")
    return form


def _bounds(class_bounds) -> Optional[pd.DataFrame]:
    if class_bounds is None:
        return None
    rows = []
    for label, pair in class_bounds.items():
        lower, upper = (float(v) for v in pair)
        if not (lower >= 0 and upper > lower):
            raise ValueError(f"dwell class {label!r}: bounds must satisfy 0 <= lower < upper "
                             f"(got {lower:g}, {upper:g})")
        rows.append((str(label), lower, upper))
    return pd.DataFrame(rows, columns=["dwell_class", "lower_min", "upper_min"])


def _validate(presence, form, zone, slot, category, count, dwell_class, mean_dwell, bounds):
    n = len(presence)
    reason = np.full(n, "", dtype=object)
    z = presence[zone]
    c = presence[category]
    t = parse_datetimes(presence[slot])
    raw_count = presence[count]
    cnt = pd.to_numeric(raw_count, errors="coerce")
    checks = [(z.isna().to_numpy(), f"missing {zone}"),
              (t.isna().to_numpy(), f"missing or unreadable {slot}"),
              (c.isna().to_numpy(), f"missing {category}"),
              (cnt.isna().to_numpy(), f"{count} missing or not a number"),
              ((cnt < 0).to_numpy(), f"negative {count}")]
    value = None
    if form == "classes":
        value = presence[dwell_class]
        checks.append((value.isna().to_numpy(), f"missing {dwell_class}"))
        if bounds is not None:
            known = value.astype(str).isin(set(bounds["dwell_class"])) | value.isna()
            checks.append(((~known).to_numpy(), f"{dwell_class} not among the declared "
                           "classes: " + ", ".join(bounds["dwell_class"])))
    else:
        value = pd.to_numeric(presence[mean_dwell], errors="coerce")
        unreadable = value.isna() & presence[mean_dwell].notna()
        checks.append((unreadable.to_numpy(), f"{mean_dwell} is not a number"))
        checks.append(((value < 0).to_numpy(), f"negative {mean_dwell}"))
    for mask, text in reversed(checks):  # the first check that fails is the reason
        reason[mask] = text
    bad = reason != ""
    rejected = pd.DataFrame({"row": presence.index[bad], "reason": reason[bad]})
    ok = ~bad
    frame = pd.DataFrame({"zone": z[ok].to_numpy(), "slot": t[ok].to_numpy(),
                          "category": c[ok].astype(str).to_numpy(),
                          "count": cnt[ok].to_numpy(dtype=float)})
    if form == "classes":
        frame["dwell_class"] = value[ok].astype(str).to_numpy()
    else:
        frame["mean_dwell"] = value[ok].to_numpy(dtype=float)
    return frame, rejected


def _means(f: pd.DataFrame, form, bounds, open_class_minutes) -> pd.DataFrame:
    keys = ["zone", "period_kind", "period", "category"]
    cnt = f["count"].to_numpy(dtype=float)
    if form == "mean":
        value = f["mean_dwell"].to_numpy(dtype=float)
        has = ~np.isnan(value)
        unknown = np.zeros(len(f), dtype=bool)
        basis = "reported"
    else:
        mid = pd.Series(dtype=float)
        if bounds is not None:
            open_value = np.nan if open_class_minutes is None else float(open_class_minutes)
            mid = pd.Series(np.where(np.isinf(bounds["upper_min"]), open_value,
                                     (bounds["lower_min"] + bounds["upper_min"]) / 2),
                            index=bounds["dwell_class"].to_numpy())
        value = f["dwell_class"].map(mid).to_numpy(dtype=float)
        has = ~np.isnan(value)
        # a class with visitors and no representative value makes the mean unknown
        unknown = ~has & (cnt > 0)
        basis = "class_midpoints"
    f = f.assign(with_dwell=np.where(has, cnt, 0.0),
                 weighted=np.where(has, cnt * np.nan_to_num(value), 0.0), unknown=unknown)
    out = f.groupby(keys, sort=True).agg(visitors=("count", "sum"),
                                         visitors_with_dwell=("with_dwell", "sum"),
                                         weighted=("weighted", "sum"),
                                         unknown=("unknown", "max")).reset_index()
    total = out[out["category"] == ALL].set_index(["zone", "period_kind", "period"])["visitors"]
    idx = pd.MultiIndex.from_frame(out[["zone", "period_kind", "period"]])
    usable = (out["visitors_with_dwell"] > 0) & ~out["unknown"].astype(bool)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share_of_visitors"] = out["visitors"].to_numpy() / total.reindex(idx).to_numpy()
        out["mean_dwell_min"] = (out["weighted"] / out["visitors_with_dwell"]).where(usable)
    out["mean_basis"] = np.where(usable, basis, "")
    return out[MEAN_COLUMNS]


def _classes(f: pd.DataFrame, bounds) -> pd.DataFrame:
    keys = ["zone", "period_kind", "period", "category"]
    order = (list(bounds["dwell_class"]) if bounds is not None
             else list(pd.unique(f["dwell_class"])))
    wide = (f.groupby(keys + ["dwell_class"], sort=True)["count"].sum()
            .unstack("dwell_class").reindex(columns=order).fillna(0.0))
    counts = wide.to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / counts.sum(axis=1, keepdims=True)
    nc = len(order)
    out = wide.index.to_frame(index=False).loc[np.repeat(np.arange(len(wide)), nc)]
    out = out.reset_index(drop=True)
    out["dwell_class"] = np.tile(np.asarray(order, dtype=object), len(wide))
    out["visitors"] = counts.ravel()
    out["share"] = share.ravel()
    return out[CLASS_COLUMNS]


def daily_presence(result: PresenceResult) -> pd.DataFrame:
    """Daily figures per zone and category (``all`` included) for the event comparison:
    ``zone, category, date, visitors, share_of_visitors, mean_dwell_min``; needs the ``day``
    period."""
    day = result.means[result.means["period_kind"] == "day"]
    if day.empty and len(result.means):
        raise ValueError("daily_presence needs presence_dwell(..., periods=('day', ...))")
    return pd.DataFrame({"zone": day["zone"].to_numpy(), "category": day["category"].to_numpy(),
                         "date": pd.to_datetime(day["period"]).to_numpy(),
                         "visitors": day["visitors"].to_numpy(dtype=float),
                         "share_of_visitors": day["share_of_visitors"].to_numpy(dtype=float),
                         "mean_dwell_min": day["mean_dwell_min"].to_numpy(dtype=float)})
