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

from ..analysis.offer_mix import offer_mix
from ..analysis.proximity import markets_within, producers_within, services_within, within
from ..analysis.spatial import points_in_zones, ring_centroid
from ..i18n import tr
from ..store import geometry, gpkg, indicators, readers
from ..store.schema.offer import require_v6
from . import zones
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
    """(N × 2 centroids, N populations) of the population grid cells."""
    rows = conn.execute("SELECT ind, geom FROM population_grid WHERE geom IS NOT NULL").fetchall()
    xy = np.full((len(rows), 2), np.nan)
    pop = np.zeros(len(rows))
    for i, r in enumerate(rows):
        kind, shape = geometry.decode(r["geom"])
        polys = geometry.as_polygons(kind, shape)
        if not polys:
            continue
        ring = np.asarray(polys[0][0], dtype=float)
        xy[i] = ring_centroid(ring)[:2]
        pop[i] = r["ind"] or 0.0
    return xy, pop


def population(conn, centralities: list, distance: Optional[float] = None) -> dict:
    """centrality uuid → inhabitants (cell centroid rule, see module docstring)."""
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
        write: bool = True, warn=None) -> tuple:
    """(summary, by_group) DataFrames with centrality and campaign names (outside last).

    With ``write`` the :data:`MIX_INDICATORS` and ``share_<group>`` (%) are written per
    centrality and campaign, in one transaction.
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
    groups = [r[0] for r in conn.execute("SELECT code FROM activity_groups "
                                         "ORDER BY sort_order, code")]
    pop = population(conn, cents, population_distance)
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
    if write:
        _write_mix(conn, summary, by_group, population_distance, ground_floor_only)
    return summary, by_group


def _value(v):
    if v is None or v is pd.NA:
        return None
    v = float(v)
    return None if np.isnan(v) else v


def _write_mix(conn, summary, by_group, distance, ground_floor_only) -> None:
    rows = []
    for r in summary.to_dict("records"):
        scope = "centrality" if r["centrality_uuid"] else "outside"
        for code, column, unit in MIX_INDICATORS:
            rows.append({"scope": scope, "centrality_uuid": r["centrality_uuid"],
                         "indicator": code, "period": r["campaign"],
                         "campaign_uuid": r["campaign_uuid"], "value": _value(r[column]),
                         "unit": unit})
    for r in by_group.to_dict("records"):
        rows.append({"scope": "centrality" if r["centrality_uuid"] else "outside",
                     "centrality_uuid": r["centrality_uuid"],
                     "indicator": f"share_{r['activity_group']}", "period": r["campaign"],
                     "campaign_uuid": r["campaign_uuid"], "value": _value(r["share"]),
                     "unit": "%"})
    with gpkg.transaction(conn):
        indicators.write(conn, rows, algorithm=MIX_ALGORITHM_ID, parameters={
            "population_distance": distance, "ground_floor_only": bool(ground_floor_only)})


# --------------------------------------------------------------------------- services

def centrality_targets(conn) -> tuple:
    """({uuid: polygons}, {uuid: name}) of the centralities, in assignment order."""
    cents = readers.centralities(conn)
    return ({c["uuid"]: c["polygons"] for c in cents if c["polygons"]},
            {c["uuid"]: c["name"] for c in cents})


def _points(conn, sql: str, params=()) -> pd.DataFrame:
    rows = conn.execute(sql, params).fetchall()
    records = []
    for r in rows:
        d = dict(r)
        blob = d.pop("geom")
        kind, shape = geometry.decode(blob) if blob is not None else (None, None)
        if kind != "point":
            continue
        d["x"], d["y"] = float(shape[0]), float(shape[1])
        records.append(d)
    return pd.DataFrame(records)


def services_offer(conn, targets: dict, names: dict, distance: float,
                   vintage: Optional[str] = None) -> tuple:
    """(long table target × domain × range, wide summary per target, vintage used)."""
    require_v6(conn)
    vintages = [r[0] for r in conn.execute("SELECT DISTINCT vintage FROM services "
                                           "ORDER BY vintage")]
    if not vintages:
        raise ValueError(tr("the GeoPackage holds no service: import the BPE first"))
    vintage = vintage or vintages[-1]
    if vintage not in vintages:
        raise ValueError(tr("no services of vintage {vintage!r} (vintages: {vintages})").format(
            vintage=vintage, vintages=", ".join(vintages)))
    services = _points(conn, "SELECT domain, range, geom FROM services WHERE vintage = ?",
                       (vintage,))
    domain_labels = dict(conn.execute("SELECT code, label_fr FROM service_domains"))
    long = services_within(targets, services, distance) if len(services) else pd.DataFrame(
        columns=["target", "domain", "range", "services"])
    long.insert(1, "name", long["target"].map(names))
    long.insert(3, "domain_label", long["domain"].map(domain_labels))
    domains = sorted(domain_labels)
    ranges = [r[0] for r in conn.execute("SELECT code FROM service_ranges ORDER BY sort_order")]
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
    producers = _points(conn, "SELECT uuid, organic, geom FROM producers")
    products = {}
    for r in conn.execute("SELECT producer_uuid, product FROM producer_products"):
        products.setdefault(r[0], []).append(r[1])
    if len(producers):
        producers["products"] = producers["uuid"].map(lambda u: products.get(u, []))
        producers["organic"] = producers["organic"].map(
            lambda v: None if v is None or v != v else bool(v))
    else:
        producers = pd.DataFrame(columns=["x", "y", "products", "organic"])
    markets = _points(conn, "SELECT per_week, organic, geom FROM markets")
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


def write_offer_indicators(conn, rows: list, algorithm: str, parameters: dict) -> int:
    with gpkg.transaction(conn):
        return indicators.write(conn, rows, algorithm=algorithm, parameters=parameters)


def services_indicators(summary: pd.DataFrame, vintage: str) -> list:
    rows = []
    for r in summary.to_dict("records"):
        for column, value in r.items():
            if column in ("target", "name"):
                continue
            code = "services" if column == "services" else f"services_{column}"
            rows.append({"scope": "centrality", "centrality_uuid": r["target"],
                         "indicator": code, "period": f"BPE {vintage}",
                         "campaign_uuid": None, "value": _value(value), "unit": "services"})
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
                         "value": _value(r[column]), "unit": unit})
    return rows
