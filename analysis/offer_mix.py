"""Offer mix per zone and campaign: counts and shares by activity group, chains, diversity, density.

Shops of a zone z in a campaign c are the observations of c whose premise lies in z, whose
status is ``occupied`` (``statuses``) and whose activity group is known and not excluded (by
default ``hors_commerce``). With n_g shops of group g, N = Σ n_g and p_g = n_g / N:

    share_g   = 100 × p_g                                        [%]
    K         = number of groups with n_g > 0
    Shannon H = − Σ p_g ln p_g   (natural log; 0 for a single group; null when N = 0)
    Pielou J  = H / ln K         (null when K ≤ 1)
    Simpson   = Σ p_g (1 − p_g) = 1 − Σ p_g²   (0 for a single group; null when N = 0)
    independent_share = 100 × independents / (independents + chains)    [%]
                        (chain_type 'independent' vs 'chain' or 'franchise'; unknown apart)
    density   = 1 000 × N / population        [shops per 1 000 inhabitants], null without
                population or with population 0
    *_change  = value(c) − value(previous campaign)   (shares in points)

Premises outside every zone are reported under ``zone = None`` (``outside = True``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .vacancy_dynamics import OUTSIDE_KEY, prepare_observations

CHAIN_CODES = ("chain", "franchise")
INDEPENDENT_CODES = ("independent",)

SUMMARY_COLUMNS = [
    "zone", "outside", "campaign", "shops", "unknown_group", "groups", "shannon", "pielou",
    "simpson", "independents", "chains", "unknown_chain", "independent_share", "population",
    "density_per_1000", "shops_change", "shannon_change", "simpson_change",
]
GROUP_COLUMNS = ["zone", "outside", "campaign", "activity_group", "shops", "share",
                 "shops_change", "share_change"]


@dataclass
class OfferMix:
    summary: pd.DataFrame    # one row per zone × campaign (SUMMARY_COLUMNS)
    by_group: pd.DataFrame   # one row per zone × campaign × activity group (GROUP_COLUMNS)


def diversity(counts: Iterable[float]) -> tuple:
    """(K, Shannon H, Pielou J, Simpson) of group counts; see the module formulas."""
    n = np.asarray([c for c in counts if c and c > 0], dtype=float)
    if n.size == 0:
        return 0, math.nan, math.nan, math.nan
    p = n / n.sum()
    k = int(n.size)
    h = float(-(p * np.log(p)).sum()) + 0.0
    h = 0.0 if k == 1 else h
    j = h / math.log(k) if k > 1 else math.nan
    simpson = float((p * (1.0 - p)).sum()) if k > 1 else 0.0
    return k, h, j, simpson


def offer_mix(observations: pd.DataFrame, premises: pd.DataFrame, campaigns: Sequence, *,
              zones: Optional[Iterable] = None, population: Optional[Mapping] = None,
              groups: Optional[Iterable[str]] = None,
              excluded_groups: Iterable[str] = ("hors_commerce",),
              statuses: Iterable[str] = ("occupied",),
              ground_floor_only: bool = False) -> OfferMix:
    """Offer mix tables (see module docstring).

    ``observations`` needs ``premise``, ``campaign``, ``status``, ``activity_group`` and
    optionally ``chain_type``; ``premises`` needs ``premise``, ``zone``. ``population`` maps a
    zone to its inhabitants. ``groups`` (the activity-group codes, in display order) makes every
    group appear in ``by_group`` even with 0 shops.
    """
    if "activity_group" not in observations.columns:
        raise ValueError("observations lack the column(s) ['activity_group']")
    campaigns = list(campaigns)
    obs = prepare_observations(observations, premises, campaigns, ground_floor_only)
    if "chain_type" not in obs.columns:
        obs["chain_type"] = None
    obs = obs[obs["status"].isin(list(statuses))]
    obs = obs[~obs["activity_group"].isin(list(excluded_groups))]
    known = obs["activity_group"].notna() & (obs["activity_group"].astype(str) != "")
    listed = list(zones) if zones is not None else []
    seen = [z for z in pd.unique(premises["zone"].dropna()) if z not in set(listed)]
    keys = listed + seen
    if (obs["zone_key"] == OUTSIDE_KEY).any():
        keys.append(OUTSIDE_KEY)
    group_list = list(groups) if groups is not None else sorted(
        set(obs.loc[known, "activity_group"]))
    extra = sorted(set(obs.loc[known, "activity_group"]) - set(group_list))
    group_list += extra

    counts = (obs[known].groupby(["zone_key", "order", "activity_group"]).size()
              .rename("shops"))
    idx = pd.MultiIndex.from_product([keys, range(len(campaigns)), group_list],
                                     names=["zone_key", "order", "activity_group"])
    by_group = counts.reindex(idx, fill_value=0).reset_index()
    totals = by_group.groupby(["zone_key", "order"])["shops"].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        by_group["share"] = np.where(totals > 0, 100.0 * by_group["shops"] / totals, np.nan)
    g = by_group.groupby(["zone_key", "activity_group"], sort=False)
    by_group["shops_change"] = (by_group["shops"] - g["shops"].shift(1)).astype("Int64")
    by_group["share_change"] = by_group["share"] - g["share"].shift(1)

    unknown = obs[~known].groupby(["zone_key", "order"]).size()
    chain = obs[known].assign(
        ind=obs["chain_type"].isin(INDEPENDENT_CODES).astype(int),
        ch=obs["chain_type"].isin(CHAIN_CODES).astype(int),
        unk=(~obs["chain_type"].isin(INDEPENDENT_CODES + CHAIN_CODES)).astype(int),
    ).groupby(["zone_key", "order"])[["ind", "ch", "unk"]].sum()
    rows = []
    population = dict(population or {})
    cells = {key: grp.to_numpy() for key, grp in
             by_group.groupby(["zone_key", "order"], sort=False)["shops"]}
    for key in keys:
        for order in range(len(campaigns)):
            sub = cells.get((key, order), np.zeros(0))
            k, h, j, simpson = diversity(sub)
            shops = int(sub.sum())
            ind, ch, unk = (chain.loc[(key, order)].tolist() if (key, order) in chain.index
                            else (0, 0, 0))
            pop = None if key == OUTSIDE_KEY else population.get(key)
            pop = float(pop) if pop is not None and not pd.isna(pop) else math.nan
            rows.append((key, order, shops, int(unknown.get((key, order), 0)), k, h, j,
                         simpson, int(ind), int(ch), int(unk),
                         100.0 * ind / (ind + ch) if ind + ch else math.nan, pop,
                         1000.0 * shops / pop if pop and pop > 0 else math.nan))
    summary = pd.DataFrame(rows, columns=[
        "zone_key", "order", "shops", "unknown_group", "groups", "shannon", "pielou",
        "simpson", "independents", "chains", "unknown_chain", "independent_share",
        "population", "density_per_1000"])
    s = summary.groupby("zone_key", sort=False)
    summary["shops_change"] = (summary["shops"] - s["shops"].shift(1)).astype("Int64")
    summary["shannon_change"] = summary["shannon"] - s["shannon"].shift(1)
    summary["simpson_change"] = summary["simpson"] - s["simpson"].shift(1)
    for frame in (summary, by_group):
        frame["outside"] = frame["zone_key"] == OUTSIDE_KEY
        frame["zone"] = frame["zone_key"].astype(object).where(~frame["outside"], None)
        frame["campaign"] = [campaigns[i] for i in frame["order"]]
    return OfferMix(summary[SUMMARY_COLUMNS].reset_index(drop=True),
                    by_group[GROUP_COLUMNS].reset_index(drop=True))
