"""The citizens' web map of the socle: reads what the site shows and calls
:func:`reporting.web_map.write_web_map`.

Places (WGS 84):

- shops: premises *occupied* in the campaign shown (the latest closed one by default), with
  their sign, activity group (French label of the file's nomenclature), NAF label, address
  and centrality; the sign of a sole trader whose SIRENE record is not public is left out;
- services (latest BPE vintage: equipment label, domain), producers (products, sales modes,
  organic), markets (days, hours, organic).

Centralities: outline, level and key figures in plain French from ``indicators``
(:data:`FIGURES`, the latest value of each; survey figures only with at least 11
respondents, flagged under 30). Background: the socle's roads. Nothing else is read: agents'
names, notes, photos and survey answers never reach the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, List, Optional

import pandas as pd

from ..analysis import publication as rules
from .open_data_offer import latest_indicators
from .publication_source import PublicationSource
from .web_map import WebMapResult, write_web_map


@dataclass(frozen=True)
class Figure:
    """How one indicator is said on a centrality's page."""

    indicator: str
    label: str
    unit: str = ""
    decimals: int = 0
    kind: Optional[str] = None          # kind of period wanted (None: any, latest)


FIGURES = (
    Figure("vacancy_rate", "Taux de vacance commerciale", "%", 1, "campaign"),
    Figure("long_term_vacant_premises", "Locaux vacants depuis au moins deux ans", "", 0,
           "campaign"),
    Figure("shop_density", "Commerces pour 1 000 habitants", "", 1, "campaign"),
    Figure("independent_share", "Part des commerces indépendants", "%", 0, "campaign"),
    Figure("footfall_mean_daily", "Passages piétons par jour (moyenne par compteur)", "", 0,
           "year"),
    Figure("footfall_yoy", "Évolution de la fréquentation sur un an", "%", 1, "year"),
    Figure("parking_occupancy_rate", "Taux d'occupation des parkings", "%", 0, "year"),
    Figure("catchment_population_walk_10min", "Habitants à moins de 10 minutes à pied"),
    Figure("huff_market_share", "Part de marché estimée (modèle de Huff)", "%", 0),
)

#: Questionnaire items → plain French, for survey figures (matched inside the indicator code).
SURVEY_LABELS = {
    "satisfaction_overall": "Satisfaction générale des habitants",
    "satisfaction_offer": "Satisfaction des habitants : offre commerciale",
    "satisfaction_opening_hours": "Satisfaction des habitants : horaires d'ouverture",
    "satisfaction_parking": "Satisfaction des habitants : stationnement",
    "satisfaction_public_transport": "Satisfaction des habitants : transports en commun",
    "satisfaction_cleanliness": "Satisfaction des habitants : propreté",
    "satisfaction_safety": "Satisfaction des habitants : sécurité",
    "satisfaction_events": "Satisfaction des habitants : animations",
    "online_share": "Part des achats faits en ligne",
    "local_producers_interest": "Intérêt pour les produits locaux",
    "short_circuit_frequency": "Achats en circuit court",
}
UNITS = {"%": "%", "percent": "%"}


def _figure(row, label: str, unit: str, decimals: int) -> dict:
    out = {"label": label, "value": float(row["value"]), "period": str(row["period"]),
           "decimals": decimals}
    if unit:
        out["unit"] = unit
    return out


def centrality_figures(src: PublicationSource) -> Dict[str, List[dict]]:
    """centrality uuid → key figures (:data:`FIGURES`, then survey figures)."""
    latest = latest_indicators(src)
    latest = latest[latest["scope"] == "centrality"]
    survey_mask = rules.is_survey_figure(latest)
    plain, survey = latest[~survey_mask], latest[survey_mask]
    shown = src.campaign["uuid"] if src.campaign else None
    out: Dict[str, List[dict]] = {}
    for uuid, rows in plain.groupby("centrality_uuid", sort=False):
        figures = []
        for spec in FIGURES:
            hits = rows[rows["indicator"] == spec.indicator]
            if spec.kind:
                hits = hits[hits["period_kind"] == spec.kind]
            if spec.kind == "campaign" and shown and (hits["campaign_uuid"] == shown).any():
                hits = hits[hits["campaign_uuid"] == shown]
            if len(hits):
                figures.append(_figure(hits.iloc[-1], spec.label, spec.unit, spec.decimals))
        out[uuid] = figures
    published, _withheld = rules.publishable_survey_figures(survey)
    for row in published.to_dict("records"):
        label = next((text for key, text in SURVEY_LABELS.items()
                      if key in str(row["indicator"])), None)
        if label is None:
            continue
        figure = _figure(row, label, UNITS.get(str(row.get("unit") or ""), ""), 0)
        figure["respondents"] = int(row["respondents"])
        out.setdefault(row["centrality_uuid"], []).append(figure)
    return out


def _located(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["lon"].notna() & frame["lat"].notna()]


def places(src: PublicationSource) -> List[dict]:
    """Rows of the web map's ``places`` contract."""
    groups = src.labels("activity_groups")
    domains = src.labels("service_domains")
    rows: List[dict] = []
    shops = _located(src.premises)
    shops = shops[shops["status"] == "occupied"]
    for r in shops.to_dict("records"):
        rows.append({"id": r["premise_uuid"], "kind": "shop", "lon": r["lon"], "lat": r["lat"],
                     "name": r["sign_name"], "group": r["activity_group"],
                     "group_label": groups.get(r["activity_group"]),
                     "category": src.naf_labels.get(r["naf_code"]),
                     "centrality": r["centrality_code"], "address": r["address"],
                     "street": r["street"]})
    for r in _located(src.services).to_dict("records"):
        rows.append({"id": r["service_uuid"], "kind": "service", "lon": r["lon"],
                     "lat": r["lat"], "name": r["label"],
                     "category": domains.get(r["domain"]),
                     "centrality": r["centrality_code"]})
    for r in _located(src.producers).to_dict("records"):
        rows.append({"id": r["producer_uuid"], "kind": "producer", "lon": r["lon"],
                     "lat": r["lat"], "name": r["name"], "products": r["products"],
                     "sales_modes": r["sales_modes"], "organic": r["organic"],
                     "centrality": r["centrality_code"]})
    for r in _located(src.markets).to_dict("records"):
        rows.append({"id": r["market_uuid"], "kind": "market", "lon": r["lon"],
                     "lat": r["lat"], "name": r["name"], "days": r["days"],
                     "hours": r["schedule_text"], "organic": r["organic"],
                     "centrality": r["centrality_code"]})
    return rows


def centralities(src: PublicationSource) -> List[dict]:
    figures = centrality_figures(src)
    return [{"code": c["code"], "name": c["name"], "level": c["level"],
             "outline": src.reproject.multipolygon(c["polygons"]),
             "figures": figures.get(c["uuid"], [])} for c in src.centralities]


def background(src: PublicationSource) -> List[dict]:
    from ..store import publication as pub

    return [{"road_class": road["road_class"],
             "geometry": src.reproject.multilinestring(road["lines"])}
            for road in pub.roads(src.conn)]


def export_web_map(conn, folder, *, producer: str, campaign: Optional[str] = None,
                   extracted: Optional[dt.date] = None, tile_url: Optional[str] = None,
                   tile_attribution: Optional[str] = None,
                   licence: Optional[str] = None) -> WebMapResult:
    """Write the web map of the socle into ``folder`` (see :func:`write_web_map`)."""
    src = PublicationSource(conn, campaign)
    camp = src.require_campaign()
    sources = [f"Inventaire de terrain « {camp['name']} »"]
    vintages = sorted({str(v) for v in src.services["vintage"].dropna()})
    sources += [f"Base permanente des équipements (Insee) {v}" for v in vintages]
    meta = {"territory": src.territory or producer, "producer": producer,
            "extracted": extracted or dt.date.today(), "sources": sources,
            "title": f"Commerces, services et circuits courts — {src.territory}"
            if src.territory else None,
            "description": f"Locaux occupés lors de la campagne « {camp['name']} »."}
    if licence:
        meta["licence"] = licence
    return write_web_map(folder, places=places(src), centralities=centralities(src),
                         background=background(src), meta=meta, tile_url=tile_url,
                         tile_attribution=tile_attribution)
