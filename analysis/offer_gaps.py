"""Offer × expectations: which activity groups a centrality lacks, by supply and by its users.

For a centrality k of level L (primary, secondary…) and an activity group a:

    density(k, a)    = count(k, a) / population(k) × 1 000      [outlets per 1 000 inhabitants]
                       (population of k's walking catchment; NaN when it is 0 or unknown)
    median(L, a)     = median of density(j, a) over the centralities j of level L with a known
                       density, k included (``peers`` = how many)
    relative(k, a)   = density(k, a) / median(L, a)               (NaN when the median is 0)
    deficit(k, a)    = max(0, 1 − relative(k, a))                 [0–1]: 0 at or above the
                       median of its level, 1 when k has none while its level's median is > 0
    missing(k, a)    = weighted share of k's respondents who say the group is missing [0–1]
                       (a cell of fewer than 11 respondents is not published: NaN)
    gap score(k, a)  = missing(k, a) × deficit(k, a)              [0–1]

The score reads "share of users who miss the group, times the part of its level's usual supply
the centrality lacks": 40 % miss it and it has half the median density → 0.4 × 0.5 = 0.20.
A group that users miss but that is at or above the median of its level scores 0 (a matter of
quality or of another level, not of quantity); a group no centrality of the level offers has no
reference (NaN score). Within each centrality, groups with a score > 0 are ranked (1 = largest gap;
ties: larger missing share, then group code).

Pure pandas: no QGIS.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .secrecy import MIN_RESPONDENTS

GAP_COLUMNS = ["centrality", "level", "activity_group", "count", "population", "density",
               "peers", "median_density", "relative_supply", "supply_deficit", "missing_share",
               "missing_ci_low", "missing_ci_high", "respondents", "gap_score", "rank"]


def _require(frame: pd.DataFrame, name: str, columns) -> None:
    missing = set(columns) - set(frame.columns)
    if missing:
        raise ValueError(f"the {name} table lacks the column(s) {sorted(missing)}")


def offer_gaps(supply: pd.DataFrame, centralities: pd.DataFrame, missing: pd.DataFrame, *,
               min_respondents: int = MIN_RESPONDENTS) -> pd.DataFrame:
    """The gap table, one row per centrality × activity group (see the module doc).

    :param supply: ``centrality``, ``activity_group``, ``count`` (shops and services measured);
        a group absent for a centrality counts 0.
    :param centralities: ``centrality``, ``level``, ``population`` (inhabitants of the walking
        catchment).
    :param missing: ``centrality``, ``activity_group``, ``share`` (weighted share, 0–1, saying the
        group is missing), ``respondents``; optional ``ci_low``, ``ci_high``.
    :returns: columns :data:`GAP_COLUMNS`, sorted by centrality then rank (unranked last).
    """
    _require(supply, "supply", ["centrality", "activity_group", "count"])
    _require(centralities, "centralities", ["centrality", "level", "population"])
    _require(missing, "missing groups", ["centrality", "activity_group", "share",
                                         "respondents"])
    if centralities["centrality"].duplicated().any():
        dup = centralities.loc[centralities["centrality"].duplicated(), "centrality"].iloc[0]
        raise ValueError(f"centrality '{dup}' appears twice in the centralities table")
    known = set(centralities["centrality"])
    for name, frame in (("supply", supply), ("missing groups", missing)):
        unknown = sorted(set(frame["centrality"]) - known, key=str)
        if unknown:
            raise ValueError(f"the {name} table names centralities that are not in the "
                             f"centralities table: {unknown}")
    groups = sorted(set(supply["activity_group"]) | set(missing["activity_group"]), key=str)
    grid = centralities[["centrality", "level", "population"]].merge(
        pd.DataFrame({"activity_group": groups}), how="cross")
    counts = supply.groupby(["centrality", "activity_group"])["count"].sum().rename("count")
    grid = grid.merge(counts.reset_index(), on=["centrality", "activity_group"], how="left")
    grid["count"] = grid["count"].fillna(0).astype(float)
    population = pd.to_numeric(grid["population"], errors="coerce").astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        grid["density"] = (grid["count"] / population * 1000.0).where(population > 0)
    by_level = grid.groupby(["level", "activity_group"])["density"]
    grid["peers"] = by_level.transform("count").astype(np.int64)
    grid["median_density"] = by_level.transform("median")
    with np.errstate(divide="ignore", invalid="ignore"):
        grid["relative_supply"] = (grid["density"] / grid["median_density"]) \
            .where(grid["median_density"] > 0)
    grid["supply_deficit"] = (1.0 - grid["relative_supply"]).clip(lower=0.0)
    extra = [c for c in ("ci_low", "ci_high") if c in missing.columns]
    wants = missing[["centrality", "activity_group", "share", "respondents"] + extra].rename(
        columns={"share": "missing_share", "ci_low": "missing_ci_low",
                 "ci_high": "missing_ci_high"})
    grid = grid.merge(wants, on=["centrality", "activity_group"], how="left")
    for column in ("missing_ci_low", "missing_ci_high"):
        if column not in grid.columns:
            grid[column] = np.nan
    grid["respondents"] = grid["respondents"].fillna(0).astype(np.int64)
    secret = grid["respondents"] < min_respondents
    for column in ("missing_share", "missing_ci_low", "missing_ci_high"):
        grid[column] = grid[column].astype(float).where(~secret)
    grid["gap_score"] = grid["missing_share"] * grid["supply_deficit"]
    return _rank(grid)[GAP_COLUMNS]


def _rank(grid: pd.DataFrame) -> pd.DataFrame:
    order = grid.sort_values(["centrality", "gap_score", "missing_share", "activity_group"],
                             ascending=[True, False, False, True], na_position="last",
                             kind="mergesort")
    scored = order["gap_score"] > 0
    rank = scored.groupby(order["centrality"]).cumsum().astype(float)
    order = order.assign(rank=rank.where(scored))
    position = {c: i for i, c in enumerate(pd.unique(grid["centrality"]))}
    order = order.assign(_pos=order["centrality"].map(position))
    return order.sort_values(["_pos", "rank"], na_position="last", kind="mergesort") \
        .drop(columns="_pos").reset_index(drop=True)


def ranked_gaps(table: pd.DataFrame, top: int = 0) -> pd.DataFrame:
    """The ranked gaps only (score > 0), per centrality by rank; ``top`` > 0 keeps the first."""
    gaps = table[table["rank"].notna()]
    if top > 0:
        gaps = gaps[gaps["rank"] <= top]
    out = gaps.reset_index(drop=True)
    out["rank"] = out["rank"].astype(np.int64)
    return out
