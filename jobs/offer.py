"""Offer jobs on the socle: offer mix per centrality, services and short-circuit offer per zone.

Formulas: :mod:`analysis.offer_mix` (shares, Shannon H, Pielou J, Simpson, independents vs
chains, density per 1 000 inhabitants) and :mod:`analysis.proximity` (counts within a
straight-line distance of a zone: 0 inside it).

Population of a centrality (density): the sum of ``population_grid.ind`` over the cells whose
centroid lies inside the centrality (``population_distance`` None), or within
``population_distance`` metres of it. A cell may count for two overlapping centralities.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import numpy as np
import pandas as pd

from ..analysis.catchment import reached_from_zones
from ..analysis.offer_mix import offer_mix
from ..analysis.proximity import markets_within, producers_within, services_within, within
from ..analysis.spatial import points_in_zones, ring_centroid
from ..i18n import tr
from ..store import indicators, readers
from ..store.readers import offer as offer_readers
from ..store.readers import territory
from ..store.schema.offer import require_v6
from . import network, zones
from .common import Checkpoint, JobError, campaign_rows, check, number, save_indicators
from .vacancy import filter_unconfirmed, load_observations

MIX_ALGORITHM_ID = "observatoire:offer_mix"
SERVICES_ALGORITHM_ID = "observatoire:services_offer"
SHORT_CIRCUIT_ALGORITHM_ID = "observatoire:short_circuit_offer"
MIX_INDICATORS = [("shops", "shops", "shops"), ("activity_groups", "groups", "groups"),
                  ("shannon", "shannon", "index"), ("pielou", "pielou", "index"),
                  ("simpson", "simpson", "index"),
                  ("independent_share", "independent_share", "%"),
                  ("population", "population", "inhabitants"),
                  ("shop_density", "density_per_1000", "shops per 1000 inhabitants")]


def _centroids(conn) -> tuple:
    """(N × 2 centroids, N populations) of the population grid cells: the centroid of each
    cell's first ring (NaN, and 0 inhabitants, for a cell without a polygon)."""
    population, polygons = territory.grid_polygons(conn)
    xy = np.full((len(polygons), 2), np.nan)
    pop = np.zeros(len(polygons))
    for i, polys in enumerate(polygons):
        if not polys:
            continue
        xy[i] = ring_centroid(np.asarray(polys[0][0], dtype=float))[:2]
        pop[i] = population[i]
    return xy, pop


def population(conn, centralities: list, distance: Optional[float] = None,
               warn=None) -> dict:
    """centrality uuid → inhabitants (cell centroid rule, see module docstring); empty (every
    population and density left empty, not 0) when the population grid holds no
    inhabitants, which ``warn`` says."""
    if "ind" not in territory.filled_grid_columns(conn):
        if warn is not None:
            warn(tr("The population grid is empty: population and density per 1 000 "
                    "inhabitants are left empty. Import it with “Import the population grid” "
                    "(observatoire:import_population_grid)."))
        return {}
    xy, pop = _centroids(conn)
    ok = np.isfinite(xy).all(axis=1)
    xy, pop = xy[ok], pop[ok]
    if distance is None:
        return {c["uuid"]: float(pop[points_in_zones(xy, [c["polygons"]]) == 0].sum())
                for c in centralities}
    targets = {c["uuid"]: c["polygons"] for c in centralities if c["polygons"]}
    hits = within(targets, xy, float(distance))
    return {c["uuid"]: float(pop[hits.get(c["uuid"], [])].sum()) for c in centralities}


def mix(conn, *, campaign_uuids=None, population_distance: Optional[float] = None,
        ground_floor_only: bool = False, include_unconfirmed: bool = True,
        write: bool = True, warn=None, checkpoint: Checkpoint = None) -> tuple:
    """(summary, by_group) DataFrames with centrality and campaign names (outside last).

    With ``write`` the :data:`MIX_INDICATORS` and ``share_<group>`` (%) are written per
    centrality and campaign, in one transaction, after a last ``checkpoint()`` (it raises to
    cancel).
    """
    camps = readers.campaigns(conn)
    if camps.empty:
        raise ValueError(tr("the GeoPackage holds no inventory campaign"))
    if campaign_uuids:
        unknown = set(campaign_uuids) - set(camps["uuid"])
        if unknown:
            raise ValueError(tr("unknown campaign(s): {campaigns}").format(
                campaigns=", ".join(sorted(unknown))))
    cents = readers.centralities(conn)
    prem = readers.premises(conn)
    zone_of = zones.assign_centralities(prem, cents)
    premises = pd.DataFrame({"premise": prem["uuid"],
                             "zone": prem["uuid"].map(zone_of).astype(object),
                             "floor_area": prem["floor_area"],
                             "ground_floor": prem["ground_floor"]})
    premises["zone"] = premises["zone"].where(premises["zone"].notna(), None)
    obs = filter_unconfirmed(load_observations(conn), include_unconfirmed, warn)
    groups = offer_readers.activity_groups(conn)
    pop = population(conn, cents, population_distance, warn)
    result = offer_mix(obs, premises, camps["uuid"].tolist(), zones=[c["uuid"] for c in cents],
                       population=pop, groups=[g for g in groups if g != "hors_commerce"],
                       ground_floor_only=ground_floor_only)
    names = {c["uuid"]: c["name"] for c in cents}
    camp_names = dict(zip(camps["uuid"], camps["name"]))
    frames = []
    for frame in (result.summary, result.by_group):
        if campaign_uuids:
            frame = frame[frame["campaign"].isin(set(campaign_uuids))]
        frame = frame.rename(columns={"zone": "centrality_uuid", "campaign": "campaign_uuid"})
        frame.insert(1, "centrality", frame["centrality_uuid"].map(names))
        frame.insert(4, "campaign", frame["campaign_uuid"].map(camp_names))
        frames.append(frame.drop(columns=["outside"]).reset_index(drop=True))
    summary, by_group = frames
    check(checkpoint)
    if write:
        _write_mix(conn, summary, by_group, population_distance, ground_floor_only)
    return summary, by_group


def _write_mix(conn, summary, by_group, distance, ground_floor_only) -> None:
    rows = campaign_rows(summary.to_dict("records"), MIX_INDICATORS)
    for r in by_group.to_dict("records"):
        rows += campaign_rows([r], [(f"share_{r['activity_group']}", "share", "%")])
    indicators.save(conn, rows, algorithm=MIX_ALGORITHM_ID, parameters={
        "population_distance": distance, "ground_floor_only": bool(ground_floor_only)})


# --------------------------------------------------------------------------- services

def centrality_targets(conn) -> tuple:
    """({uuid: polygons}, {uuid: name}) of the centralities, in assignment order."""
    cents = readers.centralities(conn)
    return ({c["uuid"]: c["polygons"] for c in cents if c["polygons"]},
            {c["uuid"]: c["name"] for c in cents})


def producer_network_reach(conn, targets: dict, names: dict, mode: str, minutes: float,
                           tolerance: float, warn=None, info=None):
    """``producer_reach`` for :func:`short_circuit_offer`: the producers each zone reaches
    within ``minutes`` on the road network (a zone starts from every node inside it, or the
    node nearest its centroid; a producer is reached over the road it is snapped to, within
    ``tolerance`` metres); ``warn`` names the producers and zones off the network."""
    if not tolerance > 0:
        raise JobError(tr("The network tolerance must be > 0 m."))
    net = network.run_network(conn, warn)
    router = network.make_router(conn, net, mode, "time", info)
    alert = warn or (lambda _message: None)

    def reach(x, y):
        snapped = network.snap_points(net, x, y, tolerance, mode=mode)
        if snapped.unsnapped:
            alert(tr("{n} producers are farther than {tol} m from the roads usable on this "
                     "mode and are never reached.").format(n=len(snapped.unsnapped),
                                                           tol=tolerance))
        hits, off = reached_from_zones(router, targets, snapped, minutes * 60.0, tolerance)
        if off:
            alert(tr("Zones with no road within {tol} m reach no producer: {zones}").format(
                tol=tolerance, zones=", ".join(str(names.get(k, k)) for k in off[:10])))
        return hits
    return reach


def services_offer(conn, targets: dict, names: dict, distance: float,
                   vintage: Optional[str] = None) -> tuple:
    """(long table target × domain × range, wide summary per target, vintage used)."""
    require_v6(conn)
    vintages = offer_readers.service_vintages(conn)
    if not vintages:
        raise ValueError(tr("the GeoPackage holds no service: import the BPE first"))
    vintage = vintage or vintages[-1]
    if vintage not in vintages:
        raise ValueError(tr("no services of vintage {vintage!r} (vintages: {vintages})").format(
            vintage=vintage, vintages=", ".join(vintages)))
    services = offer_readers.services(conn, vintage)
    domain_labels = offer_readers.service_domains(conn)
    long = services_within(targets, services, distance) if len(services) else pd.DataFrame(
        columns=["target", "domain", "range", "services"])
    long.insert(1, "name", long["target"].map(names))
    long.insert(3, "domain_label", long["domain"].map(domain_labels))
    domains = sorted(domain_labels)
    ranges = offer_readers.service_ranges(conn)
    rows = []
    for key in targets:
        sub = long[long["target"] == key]
        row = {"target": key, "name": names.get(key), "services": int(sub["services"].sum())}
        for d in domains:
            row[f"domain_{d}"] = int(sub.loc[sub["domain"] == d, "services"].sum())
        for r in ranges:
            row[f"range_{r}"] = int(sub.loc[sub["range"] == r, "services"].sum())
        rows.append(row)
    return long.reset_index(drop=True), pd.DataFrame(rows), vintage


def short_circuit_offer(conn, targets: dict, names: dict, producer_distance: float,
                        market_distance: float, producer_reach=None) -> tuple:
    """(summary per target, long table target × product). ``producer_reach``, when given,
    is called with the producers' coordinates ``(x, y)`` and returns target → indices of the
    producers reached (by network time), in place of ``producer_distance``."""
    require_v6(conn)
    producers = offer_readers.producers(conn)
    products = offer_readers.producer_products(conn)
    if len(producers):
        producers["products"] = producers["uuid"].map(lambda u: products.get(u, []))
        producers["organic"] = producers["organic"].map(
            lambda v: None if v is None or v != v else bool(v))
    else:
        producers = pd.DataFrame(columns=["x", "y", "products", "organic"])
    markets = offer_readers.markets(conn)
    if not len(markets):
        markets = pd.DataFrame(columns=["x", "y", "per_week", "organic"])
    else:
        markets["organic"] = markets["organic"].map(
            lambda v: None if v is None or v != v else bool(v))
    hits = None
    if producer_reach is not None:
        hits = producer_reach(producers["x"].to_numpy(dtype=float),
                              producers["y"].to_numpy(dtype=float))
    psum, by_product = producers_within(targets, producers, producer_distance, hits)
    msum = markets_within(targets, markets, market_distance)
    summary = psum.merge(msum, on="target", how="outer").set_index("target").reindex(
        list(targets)).reset_index()
    summary.insert(1, "name", summary["target"].map(names))
    by_product.insert(1, "name", by_product["target"].map(names))
    return summary, by_product


write_offer_indicators = save_indicators


def services_indicators(summary: pd.DataFrame, vintage: str) -> list:
    rows = []
    for r in summary.to_dict("records"):
        for column, value in r.items():
            if column in ("target", "name"):
                continue
            code = "services" if column == "services" else f"services_{column}"
            rows.append({"scope": "centrality", "centrality_uuid": r["target"],
                         "indicator": code, "period": f"BPE {vintage}",
                         "campaign_uuid": None, "value": number(value), "unit": "services"})
    return rows


def short_circuit_indicators(summary: pd.DataFrame) -> list:
    period = str(dt.date.today().year)
    rows = []
    for r in summary.to_dict("records"):
        for code, column, unit in (("producers", "producers", "producers"),
                                   ("organic_producer_share", "organic_share", "%"),
                                   ("markets", "markets", "markets"),
                                   ("market_sessions_per_week", "sessions_per_week",
                                    "sessions per week")):
            rows.append({"scope": "centrality", "centrality_uuid": r["target"],
                         "indicator": code, "period": period, "campaign_uuid": None,
                         "value": number(r[column]), "unit": unit})
    return rows
