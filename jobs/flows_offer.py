"""Flows × offer job: the footfall of a year per centrality (:mod:`jobs.footfall`) crossed with
the offer of the latest campaign of that year or before (:mod:`jobs.vacancy`), and the footfall
of the nearest counted street of every premise; formulas in :mod:`analysis.flows_offer`."""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from ..analysis import flows_offer
from ..i18n import tr
from ..store import readers
from ..store.readers import offer as offer_readers
from ..store.schema.flows import require_flows
from . import vacancy as vacancy_job
from . import zones
from .common import Checkpoint, check
from .footfall import FlowAnalysisError, footfall

CROSS_ALG = "observatoire:flows_vs_offer"
CROSS_COLUMNS = ["centrality_uuid", "centrality", "year", "footfall_mean_daily",
                 "footfall_change", "campaign", "premises", "vacant", "occupied",
                 "vacancy_rate", "vacancy_change_pts", "retail_share", "main_activity",
                 "footfall_per_shop", "footfall_per_vacant", "trend_class"]
PREMISE_COLUMNS = ["premise_uuid", "address", "street", "centrality", "status",
                   "activity_group", "nearest_site", "site_street", "distance_m",
                   "same_street", "site_footfall_mean_daily"]
CROSS_INDICATORS = {"footfall_per_shop": "passages/day/counter/shop",
                    "footfall_per_vacant": "passages/day/counter/vacant premise"}


def _offer(conn, camps):
    """Offer per centrality of the latest campaign of ``year`` or before, with the vacancy
    change since the campaign before it, the retail share and the main activity."""
    vac = vacancy_job.compute(conn, write=False)
    vac = vac[vac["centrality_uuid"].notna()]
    order = list(camps["uuid"])
    latest = order[-1]
    previous = order[-2] if len(order) > 1 else None
    cur = vac[vac["campaign_uuid"] == latest].set_index("centrality_uuid")
    offer = pd.DataFrame({"centrality": cur.index, "premises": cur["premises"].to_numpy(),
                          "vacant": cur["vacant"].to_numpy(),
                          "vacancy_rate": cur["vacancy_rate"].to_numpy(dtype=float)})
    if previous is not None:
        prev = vac[vac["campaign_uuid"] == previous].set_index("centrality_uuid")["vacancy_rate"]
        offer["vacancy_change_pts"] = offer["vacancy_rate"] - offer["centrality"].map(
            prev).astype(float)
    else:
        offer["vacancy_change_pts"] = np.nan
    cents = readers.centralities(conn)
    prem = readers.premises(conn)
    zone = zones.assign_centralities(prem, cents)
    obs = readers.observations(conn, [latest])
    retail = offer_readers.retail_groups(conn)
    vacant_codes = set(readers.vacant_statuses(conn))
    obs["centrality"] = obs["premise_uuid"].map(zone)
    occ = obs[~obs["status"].isin(vacant_codes | {"demolished"})]
    mix = occ.groupby("centrality").agg(
        retail_share=("activity_group", lambda s: 100 * s.isin(retail).mean()),
        main_activity=("activity_group", lambda s: s.mode().iloc[0] if s.notna().any()
                       else None)).reset_index()
    return offer.merge(mix, on="centrality", how="left"), prem, zone, obs


def flows_vs_offer(conn, *, distance: float = 0.0, year: Optional[int] = None,
                   max_distance: float = 300.0, mobility: Optional[str] = "PEDESTRIAN",
                   progress=None, checkpoint: Checkpoint = None):
    """(centrality table :data:`CROSS_COLUMNS`, premise table :data:`PREMISE_COLUMNS` with
    x, y). Footfall of ``year`` (default: the latest year with complete days); its change is
    the year-on-year change on matched ISO weeks; the offer is the latest campaign of that year
    or before, its vacancy change is against the previous campaign (percentage points)."""
    require_flows(conn)
    job = footfall(conn, distance=distance, mobility=mobility, periods=("year",),
                   hourly_periods=(), checkpoint=checkpoint)
    per = job.result.periods
    per = per[per["days_complete"] > 0]
    if per.empty:
        raise FlowAnalysisError(tr("no complete day of footfall: nothing to cross with the "
                                   "offer"))
    years = sorted(per["period"].astype(int).unique())
    if year is None:
        year = years[-1]
    elif year not in years:
        raise FlowAnalysisError(tr("no footfall in {year} (years with data: {years})").format(
            year=year, years=", ".join(map(str, years))))
    if progress:
        progress(40)
    check(checkpoint)
    foot = per[per["period"] == str(year)][["centrality", "mean_daily"]].rename(
        columns={"mean_daily": "footfall_mean_daily"})
    yoy = job.result.yoy
    yoy = yoy[yoy["iso_year"] == year][["centrality", "change"]].rename(
        columns={"change": "footfall_change"})
    foot = foot.merge(yoy, on="centrality", how="left")
    camps = readers.campaigns(conn)
    camps = camps[camps["year"].fillna(0).astype(int) <= year]
    if camps.empty:
        raise FlowAnalysisError(tr("no inventory campaign in {year} or before: nothing to "
                                   "cross the footfall with").format(year=year))
    offer, prem, zone, obs = _offer(conn, camps)
    table = flows_offer.crossing_table(foot, offer)
    table = table.rename(columns={"centrality": "centrality_uuid"})
    table["centrality"] = table["centrality_uuid"].map(job.centralities)
    table["year"] = year
    table["campaign"] = camps.iloc[-1]["name"]
    table = table[table["centrality_uuid"].notna()]
    if progress:
        progress(70)
    check(checkpoint)
    premises = _premises(job, year, prem, zone, obs, max_distance)
    return table[CROSS_COLUMNS].reset_index(drop=True), premises


def _premises(job, year, prem, zone, obs, max_distance) -> pd.DataFrame:
    """Per premise: the nearest counting site with footfall in ``year``."""
    s = job.sites.dropna(subset=["footfall_mean_daily"])
    site_year = job.result.site_days
    site_year = site_year[pd.DatetimeIndex(site_year["date"]).year == year]
    site_mean = site_year.groupby("site_id")["footfall"].mean()
    s = s.assign(year_mean=s["site_uuid"].map(site_mean)).dropna(subset=["year_mean"])
    idx, dist = flows_offer.nearest_counter(prem[["x", "y"]].to_numpy(),
                                            s[["x", "y"]].to_numpy(), max_distance)
    found = idx >= 0
    pick = s.iloc[np.where(found, idx, 0)] if len(s) else None
    obs_by = obs.set_index("premise_uuid")
    premises = pd.DataFrame({
        "premise_uuid": prem["uuid"], "address": prem["address"], "street": prem["street"],
        "centrality": prem["uuid"].map(zone).map(job.centralities),
        "status": prem["uuid"].map(obs_by["status"]),
        "activity_group": prem["uuid"].map(obs_by["activity_group"]),
        "nearest_site": np.where(found, pick["name"].to_numpy(), None) if pick is not None
        else None,
        "site_street": np.where(found, pick["street"].to_numpy(), None) if pick is not None
        else None,
        "distance_m": dist,
        "site_footfall_mean_daily": np.where(found, pick["year_mean"].to_numpy(), np.nan)
        if pick is not None else np.nan,
        "x": prem["x"], "y": prem["y"]})
    same = (premises["street"].fillna("").str.casefold()
            == premises["site_street"].fillna("").astype(str).str.casefold())
    premises["same_street"] = np.where(premises["site_street"].isna(), None,
                                       same & premises["street"].notna())
    return premises


def cross_indicator_rows(table: pd.DataFrame) -> list:
    rows = []
    for r in table.to_dict("records"):
        for code, unit in CROSS_INDICATORS.items():
            v = r[code]
            rows.append({"scope": "centrality", "centrality_uuid": r["centrality_uuid"],
                         "indicator": code, "period": str(r["year"]),
                         "value": None if v != v else float(v), "unit": unit})
    return rows
