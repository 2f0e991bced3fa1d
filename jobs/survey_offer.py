"""The offer side of the survey crossings: premises, shops per activity group and services of
each centrality, the population of its walking catchment, its footfall.

Rules:

- the campaign is the latest one (chronological order of :func:`store.readers.campaigns`)
  unless named; a premise belongs to the centrality containing it (:mod:`jobs.zones`);
  observations with the status ``unknown`` are left out; a shop is an ``occupied`` premise with
  a known activity group other than ``hors_commerce``; vacancy rate = 100 × vacant / premises
  (statuses flagged ``counts_as_vacant``);
- services (BPE, latest vintage) add to the non-commercial services group the equipment an
  inventory of shop premises does not hold: public services (TYPEQU A1…), post offices (A206,
  A207, A208), education (C…) and health establishments (D1…) inside the centrality;
- walking catchment population: the latest ``catchment_population_walk_<minutes>min``
  indicator of the centrality (written by observatoire:network_catchments), else the
  population of the grid cells whose centre lies within ``fallback_distance`` metres of it;
- footfall: the latest yearly ``footfall_mean_daily`` indicator (passages / day / counter,
  written by observatoire:footfall_by_centrality), empty when none.
"""

from __future__ import annotations

from typing import List, Optional

import numpy as np
import pandas as pd

from ..analysis.offer_mix import diversity
from ..analysis.spatial import points_in_zones
from ..i18n import tr
from ..store import readers, survey_results
from . import survey_data as sd
from .zones import assign_centralities

NON_COMMERCIAL = "services_non_marchands"
SERVICE_PREFIXES = ("A1", "A206", "A207", "A208", "C", "D1")


def campaign(conn, name: Optional[str] = None) -> dict:
    """The campaign named ``name`` (the latest one when empty), or a refusal."""
    camps = readers.campaigns(conn)
    if camps.empty:
        raise sd.SurveyJobError(tr("The GeoPackage holds no inventory campaign: the offer "
                                   "cannot be measured."))
    if name:
        hit = camps[camps["name"] == name]
        if hit.empty:
            raise sd.SurveyJobError(tr("No campaign is named {name!r} (campaigns: "
                                       "{names}).").format(name=name,
                                                           names=", ".join(camps["name"])))
        return hit.iloc[-1].to_dict()
    return camps.iloc[-1].to_dict()


def offer_by_group(conn, cents: pd.DataFrame, campaign_uuid: str,
                   services: bool = True) -> tuple:
    """(per centrality: premises, vacant, shops, vacancy_rate, groups, shannon; supply per
    centrality × activity group: count)."""
    cent_list = [{"uuid": r.uuid, "polygons": r.polygons} for r in cents.itertuples()]
    prem = readers.premises(conn)
    prem = prem[np.isfinite(prem["x"].to_numpy(dtype=float))]
    zone_of = assign_centralities(prem, cent_list) if len(prem) else {}
    obs = readers.observations(conn, [campaign_uuid])
    obs = obs[obs["status"] != "unknown"].copy()
    obs["centrality_uuid"] = obs["premise_uuid"].map(zone_of)
    obs = obs[obs["centrality_uuid"].notna()]
    vacant = set(readers.vacant_statuses(conn))
    shops = obs[(obs["status"] == "occupied") & obs["activity_group"].notna()
                & (obs["activity_group"] != "hors_commerce")]
    counts = shops.groupby(["centrality_uuid", "activity_group"]).size().rename("count") \
        .reset_index()
    if services:
        counts = pd.concat([counts, _services(conn, cents)], ignore_index=True) \
            .groupby(["centrality_uuid", "activity_group"], as_index=False)["count"].sum()
    rows = []
    for r in cents.itertuples():
        mine = obs[obs["centrality_uuid"] == r.uuid]
        n_shops = shops[shops["centrality_uuid"] == r.uuid]
        k, h, _j, _s = diversity(n_shops.groupby("activity_group").size().to_numpy())
        n = len(mine)
        v = int(mine["status"].isin(vacant).sum())
        rows.append({"centrality_uuid": r.uuid, "premises": n, "vacant": v,
                     "shops": len(n_shops), "vacancy_rate": 100.0 * v / n if n else np.nan,
                     "groups": k, "shannon": h})
    return pd.DataFrame(rows), counts


def _services(conn, cents: pd.DataFrame) -> pd.DataFrame:
    """Non-commercial services per centrality (module docstring), latest BPE vintage."""
    services = survey_results.point_rows(conn, "services", ["typequ", "vintage"])
    empty = pd.DataFrame(columns=["centrality_uuid", "activity_group", "count"])
    if services.empty:
        return empty
    latest = sorted(services["vintage"].dropna().unique())
    if latest:
        services = services[services["vintage"] == latest[-1]]
    code = services["typequ"].fillna("").astype(str)
    services = services[code.str.startswith(SERVICE_PREFIXES)]
    if services.empty:
        return empty
    inside = points_in_zones(services[["x", "y"]].to_numpy(dtype=float),
                             list(cents["polygons"]))
    uuids = cents["uuid"].to_numpy()
    hit = inside >= 0
    frame = pd.DataFrame({"centrality_uuid": uuids[inside[hit]],
                          "activity_group": NON_COMMERCIAL})
    return frame.groupby(["centrality_uuid", "activity_group"]).size().rename("count") \
        .reset_index()


def walking_population(conn, cents: pd.DataFrame, minutes: float,
                       fallback_distance: float) -> tuple:
    """(centrality uuid → inhabitants of its walking catchment, notes)."""
    from .offer import population

    code = f"catchment_population_walk_{float(minutes):g}min"
    rows = survey_results.indicator_rows(conn, [code])
    found = {}
    for r in rows.itertuples(index=False):  # oldest first: the latest wins
        if r.value is not None and r.value == r.value:
            found[r.centrality_uuid] = float(r.value)
    notes: List[str] = []
    missing = [c for c in cents["uuid"] if c not in found]
    if missing:
        fallback = population(conn, [{"uuid": r.uuid, "polygons": r.polygons}
                                     for r in cents.itertuples() if r.uuid in missing],
                              fallback_distance)
        found.update(fallback)
        notes.append(tr("No {minutes} min walking catchment indicator for {n} centralities "
                        "(run “Network catchments” to record them): their population is that "
                        "within {distance} m.").format(minutes=f"{float(minutes):g}",
                                                       n=len(missing),
                                                       distance=f"{fallback_distance:g}"))
    return found, notes


def footfall(conn) -> dict:
    """centrality uuid → latest yearly mean daily footfall (passages / day / counter)."""
    rows = survey_results.indicator_rows(conn, ["footfall_mean_daily"])
    rows = rows[rows["period"].astype(str).str.fullmatch(r"\d{4}")]
    out = {}
    for r in rows.sort_values(["period", "computed_at"]).itertuples(index=False):
        if r.value is not None and r.value == r.value:
            out[r.centrality_uuid] = float(r.value)
    return out
