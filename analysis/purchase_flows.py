"""Purchase flows from a household survey: the CCI method (*enquête consommateurs*).

Input: one row per response and purchase category, with the respondent's home zone (commune or
IRIS), the place where they mostly buy the category, and the response's weight. A place is a
centrality code, or ``periphery``, ``online``, ``market_short_circuit``, ``other_town``,
``elsewhere``… Answers ``not_concerned`` (``excluded_places``) and missing places are left out of
every denominator: the respondent does not buy the category.

For a category c, a zone z and a place p (W = sum of weights, n = respondents):

    share(z, c, p)   = W(z, c, p) / W(z, c)          [0–1] zone × destination matrix
    capture(z, c, k) = share(z, c, k) for a centrality k: the *taux d'emprise* of k on z, the
                       part of z's purchases of c made in k
    evasion(z, c)    = Σ_{p ∈ outside_places} share(z, c, p): the *taux d'évasion*, the part
                       bought outside the territory's shops; by default in another town or
                       online (``outside_places`` is a parameter)

``zone = "all"`` rows pool every response (the territory as a whole).

With an annual spending per household and category (€ per household and year, a table that
records its source and year; none is invented) and the households per zone:

    potential(z, c)   = households(z) × spending(c)                       [€ / year]
    amount(z, c, p)   = potential(z, c) × share(z, c, p)                   [€ / year]
    captured(k, c)    = Σ_z potential(z, c) × capture(z, c, k)             [€ / year]

summed over the zones that have respondents for the category (a zone without any is reported as
not covered; its potential is not distributed). ``category = "all"`` rows sum the categories;
their ``respondents`` is that of the most answered category (each response answers a category
once, so at least that many distinct respondents stand behind the figure).

Every table carries ``respondents`` (unweighted, the denominator behind the figure) for the
publication rules of :mod:`.secrecy`. Pure pandas: no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

ALL = "all"
OUTSIDE_PLACES = ("other_town", "online")
EXCLUDED_PLACES = ("not_concerned",)

TableLike = Union[pd.DataFrame, Mapping]


@dataclass(frozen=True)
class PurchaseFlows:
    """The flow tables (see the module doc). ``spending`` and ``captured`` are ``None`` without
    spending per household and households per zone."""

    shares: pd.DataFrame    # category, zone, place, respondents, place_respondents,
    #                         weighted_base, weighted_place, share
    capture: pd.DataFrame   # category, zone, centrality, respondents, place_respondents,
    #                         capture_rate
    evasion: pd.DataFrame   # category, zone, respondents, evasion_respondents, evasion_rate
    spending: Optional[pd.DataFrame] = None   # category, zone, place, households,
    #                         spending_per_household, potential, share, amount, respondents
    captured: Optional[pd.DataFrame] = None   # category, centrality, captured, potential,
    #                         capture_rate, zones, respondents
    uncovered: Optional[pd.DataFrame] = None  # category, zone, households, potential


def _table(data: TableLike, key: str, value: str) -> pd.Series:
    if isinstance(data, pd.DataFrame):
        missing = {key, value} - set(data.columns)
        if missing:
            raise ValueError(f"the table lacks the column(s) {sorted(missing)}")
        if data[key].duplicated().any():
            dup = data.loc[data[key].duplicated(), key].iloc[0]
            raise ValueError(f"{key} '{dup}' appears twice in the {value} table")
        series = pd.Series(data[value].to_numpy(), index=data[key].to_numpy())
    else:
        series = pd.Series(dict(data))
    series = pd.to_numeric(series, errors="coerce").astype(float)
    bad = series[~np.isfinite(series) | (series < 0)]
    if len(bad):
        raise ValueError(f"{value} of {key} '{bad.index[0]}' is {bad.iloc[0]}: "
                         "expected a number >= 0")
    return series


def _clean(purchases: pd.DataFrame, zone, category, place, weight, excluded) -> pd.DataFrame:
    missing = {zone, category, place, weight} - set(purchases.columns)
    if missing:
        raise ValueError(f"purchases lack the column(s) {sorted(missing)}")
    frame = pd.DataFrame({"zone": purchases[zone].to_numpy(),
                          "category": purchases[category].to_numpy(),
                          "place": purchases[place].to_numpy(),
                          "weight": pd.to_numeric(purchases[weight], errors="coerce")
                          .to_numpy(dtype=float)})
    bad = ~np.isfinite(frame["weight"]) | (frame["weight"] <= 0)
    if bad.any():
        row = purchases.index[np.flatnonzero(bad.to_numpy())[0]]
        raise ValueError(f"purchase row {row} has the weight {frame['weight'][bad].iloc[0]}: "
                         "weights must be finite and > 0")
    keep = frame["place"].notna() & frame["category"].notna() \
        & ~frame["place"].isin(list(excluded))
    return frame[keep.to_numpy()]


def _shares(frame: pd.DataFrame) -> pd.DataFrame:
    pooled = pd.concat([frame[frame["zone"].notna()], frame.assign(zone=ALL)],
                       ignore_index=True)
    cells = pooled.groupby(["category", "zone", "place"], sort=True)["weight"] \
        .agg(["size", "sum"]).reset_index() \
        .rename(columns={"size": "place_respondents", "sum": "weighted_place"})
    base = pooled.groupby(["category", "zone"], sort=True)["weight"].agg(["size", "sum"]) \
        .reset_index().rename(columns={"size": "respondents", "sum": "weighted_base"})
    out = cells.merge(base, on=["category", "zone"], how="left")
    out["share"] = out["weighted_place"] / out["weighted_base"]
    return out[["category", "zone", "place", "respondents", "place_respondents",
                "weighted_base", "weighted_place", "share"]]


def _grid(shares: pd.DataFrame, places: Sequence) -> pd.DataFrame:
    """Every (category, zone) base × every place of ``places``, share 0 where nobody chose it."""
    base = shares[["category", "zone", "respondents", "weighted_base"]].drop_duplicates()
    grid = base.merge(pd.DataFrame({"place": list(places)}), how="cross")
    grid = grid.merge(shares[["category", "zone", "place", "place_respondents", "share"]],
                      on=["category", "zone", "place"], how="left")
    grid["place_respondents"] = grid["place_respondents"].fillna(0).astype(np.int64)
    grid["share"] = grid["share"].fillna(0.0)
    return grid


def purchase_flows(purchases: pd.DataFrame, centralities: Iterable, *, zone: str = "zone",
                   category: str = "category", place: str = "place", weight: str = "weight",
                   outside_places: Iterable = OUTSIDE_PLACES,
                   excluded_places: Iterable = EXCLUDED_PLACES,
                   spending: Optional[TableLike] = None,
                   households: Optional[TableLike] = None) -> PurchaseFlows:
    """Zone × destination shares, capture and evasion rates, and the flows in euros.

    :param purchases: one row per response and category (columns named by ``zone``,
        ``category``, ``place``, ``weight``). A missing zone counts only in the ``all`` rows.
    :param centralities: the place codes that are centralities (rows of the capture table; every
        one appears for every zone and category, with 0 when nobody buys there).
    :param outside_places: the places whose shares add up to the evasion rate.
    :param excluded_places: answers left out of the denominators (default ``not_concerned``).
    :param spending: € per household and year, per category (``{category: €}`` or a table with
        columns ``category``, ``spending``).
    :param households: households per zone (``{zone: n}`` or a table ``zone``, ``households``).
    """
    centralities = list(centralities)
    outside = list(outside_places)
    frame = _clean(purchases, zone, category, place, weight, list(excluded_places))
    shares = _shares(frame)
    capture = _grid(shares, centralities).rename(
        columns={"place": "centrality", "share": "capture_rate"})
    capture = capture[["category", "zone", "centrality", "respondents", "place_respondents",
                       "capture_rate"]]
    out_grid = _grid(shares, outside)
    evasion = out_grid.groupby(["category", "zone"], sort=True).agg(
        respondents=("respondents", "first"), evasion_respondents=("place_respondents", "sum"),
        evasion_rate=("share", "sum")).reset_index()
    if spending is None or households is None:
        if (spending is None) != (households is None):
            raise ValueError("flows in euros need both the spending per household and "
                             "category and the households per zone")
        return PurchaseFlows(shares, capture, evasion)
    return _in_euros(shares, capture, evasion, centralities,
                     _table(spending, "category", "spending"),
                     _table(households, "zone", "households"))


def _in_euros(shares, capture, evasion, centralities, spend: pd.Series,
              homes: pd.Series) -> PurchaseFlows:
    zonal = shares[shares["zone"] != ALL]
    zonal = zonal[zonal["category"].isin(spend.index) & zonal["zone"].isin(homes.index)].copy()
    zonal["households"] = zonal["zone"].map(homes).astype(float)
    zonal["spending_per_household"] = zonal["category"].map(spend).astype(float)
    zonal["potential"] = zonal["households"] * zonal["spending_per_household"]
    zonal["amount"] = zonal["potential"] * zonal["share"]
    flows = zonal[["category", "zone", "place", "households", "spending_per_household",
                   "potential", "share", "amount", "respondents"]].reset_index(drop=True)
    covered = zonal[["category", "zone", "potential", "respondents"]].drop_duplicates(
        ["category", "zone"])
    every = pd.DataFrame([(c, z, homes[z], homes[z] * spend[c])
                          for c in spend.index for z in homes.index],
                         columns=["category", "zone", "households", "potential"])
    seen = every.merge(covered[["category", "zone"]], on=["category", "zone"],
                       how="left", indicator=True)
    uncovered = seen[seen["_merge"] == "left_only"].drop(columns="_merge") \
        .reset_index(drop=True)
    totals = covered.groupby("category", sort=True).agg(
        potential=("potential", "sum"), zones=("zone", "size"),
        respondents=("respondents", "sum"))
    grid = capture[(capture["zone"] != ALL) & capture["category"].isin(totals.index)
                   & capture["zone"].isin(homes.index)].copy()
    grid["amount"] = grid["zone"].map(homes).astype(float) \
        * grid["category"].map(spend).astype(float) * grid["capture_rate"]
    captured = grid.groupby(["category", "centrality"], sort=True)["amount"].sum() \
        .rename("captured").reset_index()
    captured = captured.merge(totals.reset_index(), on="category", how="left")
    every_cat = captured.groupby("centrality", sort=True).agg(
        captured=("captured", "sum")).reset_index()
    every_cat["category"] = ALL
    every_cat["potential"] = totals["potential"].sum()
    every_cat["zones"] = len(covered["zone"].unique())
    # each response answers a category once: the distinct respondents are at least the most
    # answered category's
    every_cat["respondents"] = int(totals["respondents"].max())
    captured = pd.concat([captured, every_cat[captured.columns]], ignore_index=True)
    captured["capture_rate"] = captured["captured"] / captured["potential"]
    captured = captured[["category", "centrality", "captured", "potential", "capture_rate",
                         "zones", "respondents"]]
    captured["zones"] = captured["zones"].astype(np.int64)
    captured["respondents"] = captured["respondents"].astype(np.int64)
    return PurchaseFlows(shares, capture, evasion, flows, captured, uncovered)
