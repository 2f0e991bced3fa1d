"""The offer, the centralities and their indicators as open-data resources.

- ``premises``: every premise observed in the published campaign (the latest closed one by
  default) with its status, activity group, NAF code, sign, centrality; the sign of a sole
  trader whose SIRENE record is not public is left empty;
- ``services`` (latest BPE vintage), ``producers`` (products, sales modes, organic),
  ``markets`` (days, hours, sessions per week);
- ``centralities`` (outline, level, area in hectares);
- ``indicators``: the latest value of each indicator per centrality and kind of period
  (:func:`analysis.publication.latest_indicators`), survey figures excepted;
- ``survey_indicators``: survey figures only, with their respondents (never fewer than 11),
  confidence interval and low-precision flag. Individual answers are never read.
"""

from __future__ import annotations

from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from ..analysis import publication as rules
from .geo import polygons_area
from .open_data_rows import Resource
from .open_data_schemas import field_names
from .publication_source import PublicationSource

PUBLISHED_SCOPES = ("centrality", "outside", "territory")


def _labels_of(codes, labels: Dict[str, str]) -> List[Optional[str]]:
    out = []
    for text in codes:
        if text is None or text != text or not str(text).strip():
            out.append(None)
            continue
        words = [w.strip() for w in str(text).replace(",", ";").split(";") if w.strip()]
        out.append("; ".join(labels.get(w, w) for w in words))
    return out


def _points(frame: pd.DataFrame, src: PublicationSource) -> tuple:
    shapes = [("point", (x, y)) if np.isfinite(x) and np.isfinite(y) else (None, None)
              for x, y in zip(frame["x"].to_numpy(float), frame["y"].to_numpy(float))]
    geojson = [{"type": "Point", "coordinates": [lon, lat]}
               if np.isfinite(lon) and np.isfinite(lat) else None
               for lon, lat in zip(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float))]
    return shapes, geojson


def _dates(values) -> Dict[str, str]:
    days = sorted(str(v)[:10] for v in values if isinstance(v, str) and len(v) >= 10)
    return {"start": days[0], "end": days[-1]} if days else {}


def premises(src: PublicationSource) -> Resource:
    camp = src.require_campaign()
    frame = src.premises
    status = src.labels("observation_statuses")
    groups = src.labels("activity_groups")
    out = pd.DataFrame({
        "premise_id": frame["premise_uuid"], "campaign": camp["name"],
        "status": frame["status"], "status_label": frame["status"].map(status),
        "activity_group": frame["activity_group"],
        "activity_group_label": frame["activity_group"].map(groups),
        "naf_code": frame["naf_code"], "naf_label": frame["naf_code"].map(src.naf_labels),
        "sign_name": frame["sign_name"], "chain_type": frame["chain_type"],
        "address": frame["address"], "street": frame["street"],
        "commune_code": frame["commune_code"], "floor_area": frame["floor_area"],
        "ground_floor": frame["ground_floor"], "centrality_code": frame["centrality_code"],
        "centrality_name": frame["centrality_name"], "lon": frame["lon"], "lat": frame["lat"],
    })[field_names("premises")]
    shapes, geojson = _points(frame, src)
    period = {k: v for k, v in (("start", camp.get("start_date")),
                                ("end", camp.get("end_date"))) if v}
    period["label"] = camp["name"]
    sources = [{"title": f"Inventaire de terrain « {camp['name']} »"}]
    notes = []
    withheld = int(frame["name_withheld"].sum())
    if withheld:
        notes.append(f"{withheld} enseigne(s) d'entrepreneurs individuels non diffusibles "
                     "(SIRENE) laissée(s) vide(s)")
    return Resource("premises", out, shapes, geojson, period, sources=sources, notes=notes)


def services(src: PublicationSource) -> Resource:
    frame = src.services
    out = pd.DataFrame({
        "service_id": frame["service_uuid"], "typequ": frame["typequ"],
        "label": frame["label"], "domain": frame["domain"],
        "domain_label": frame["domain"].map(src.labels("service_domains")),
        "range": frame["range"], "vintage": frame["vintage"],
        "commune_code": frame["commune_code"], "centrality_code": frame["centrality_code"],
        "centrality_name": frame["centrality_name"], "lon": frame["lon"], "lat": frame["lat"],
    })[field_names("services")]
    shapes, geojson = _points(frame, src)
    vintages = sorted({str(v) for v in frame["vintage"].dropna()})
    period = {"label": ", ".join(f"BPE {v}" for v in vintages)} if vintages else {}
    sources = [{"title": f"Base permanente des équipements (Insee) {v}",
                "path": "https://www.insee.fr/fr/metadonnees/source/serie/s1161"}
               for v in vintages]
    return Resource("services", out, shapes, geojson, period, sources=sources)


def producers(src: PublicationSource) -> Resource:
    frame = src.producers
    products = src.labels("short_circuit_products")
    modes = src.labels("sales_modes")
    out = pd.DataFrame({
        "producer_id": frame["producer_uuid"], "name": frame["name"],
        "products": frame["products"], "products_labels": _labels_of(frame["products"],
                                                                      products),
        "sales_modes": frame["sales_modes"],
        "sales_modes_labels": _labels_of(frame["sales_modes"], modes),
        "organic": frame["organic"], "commune_code": frame["commune_code"],
        "centrality_code": frame["centrality_code"],
        "centrality_name": frame["centrality_name"], "lon": frame["lon"], "lat": frame["lat"],
    })[field_names("producers")]
    shapes, geojson = _points(frame, src)
    return Resource("producers", out, shapes, geojson, _dates(frame["imported_at"]))


def markets(src: PublicationSource) -> Resource:
    frame = src.markets
    out = pd.DataFrame({
        "market_id": frame["market_uuid"], "name": frame["name"], "days": frame["days"],
        "sessions_per_week": frame["per_week"], "hours": frame["schedule_text"],
        "organic": frame["organic"], "commune_code": frame["commune_code"],
        "centrality_code": frame["centrality_code"],
        "centrality_name": frame["centrality_name"], "lon": frame["lon"], "lat": frame["lat"],
    })[field_names("markets")]
    shapes, geojson = _points(frame, src)
    return Resource("markets", out, shapes, geojson, _dates(frame["imported_at"]))


def centralities(src: PublicationSource, extracted: str) -> Resource:
    levels = src.labels("centrality_levels")
    from ..analysis.spatial import polygons_centroid

    rows, shapes, geojson = [], [], []
    for c in src.centralities:
        polygons = c["polygons"]
        if polygons:
            cx, cy = polygons_centroid(polygons)
            lon, lat = src.reproject.points([cx], [cy])
            lon, lat = round(float(lon[0]), 7), round(float(lat[0]), 7)
        else:
            lon = lat = None
        rows.append({"centrality_id": c["uuid"], "centrality_code": c["code"],
                     "name": c["name"], "level": c["level"],
                     "level_label": levels.get(c["level"]), "commune_code": c["commune_code"],
                     "area_ha": round(polygons_area(polygons) / 10_000.0, 4) if polygons
                     else None, "lon": lon, "lat": lat})
        shapes.append(("multipolygon", polygons) if polygons else (None, None))
        geojson.append(src.reproject.multipolygon(polygons))
    out = pd.DataFrame(rows, columns=field_names("centralities"))
    return Resource("centralities", out, shapes, geojson,
                    {"start": extracted, "end": extracted})


def _indicator_frame(src: PublicationSource, frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(
        centrality_code=[src.code_of.get(u) for u in frame["centrality_uuid"]],
        centrality_name=[src.name_of.get(u) for u in frame["centrality_uuid"]],
        computed_at=frame["computed_at"].astype(str).str[:10])


def _period(src: PublicationSource, frame: pd.DataFrame) -> Dict[str, str]:
    starts, ends = [], []
    for period, kind, camp in zip(frame["period"], frame["period_kind"],
                                  frame["campaign_uuid"]):
        if kind == "campaign":
            first, last = src.campaign_dates.get(camp, (None, None))
        else:
            first, last = rules.period_bounds(period, kind)
        starts += [first] if first else []
        ends += [last] if last else []
    out = {}
    if starts:
        out["start"] = min(s[:10] for s in starts)
    if ends:
        out["end"] = max(e[:10] for e in ends)
    return out


def latest_indicators(src: PublicationSource) -> pd.DataFrame:
    """Latest non-empty value of every indicator (published scopes only)."""
    frame = src.indicators
    frame = frame[frame["scope"].isin(PUBLISHED_SCOPES) & frame["value"].notna()]
    frame = frame[(frame["scope"] != "centrality")
                  | frame["centrality_uuid"].isin(list(src.code_of))]
    return rules.latest_indicators(frame.reset_index(drop=True), src.campaign_order)


def indicators(src: PublicationSource, latest: pd.DataFrame) -> Resource:
    plain = latest[~rules.is_survey_figure(latest)].reset_index(drop=True)
    out = _indicator_frame(src, plain)[field_names("indicators")]
    return Resource("indicators", out, period=_period(src, plain))


def survey_indicators(src: PublicationSource, latest: pd.DataFrame) -> tuple:
    """(resource, number of figures withheld for secrecy)."""
    survey = latest[rules.is_survey_figure(latest)].reset_index(drop=True)
    published, withheld = rules.publishable_survey_figures(survey)
    out = _indicator_frame(src, published)[field_names("survey_indicators")]
    notes = []
    if len(withheld):
        notes.append(f"{len(withheld)} valeur(s) non publiée(s) : moins de 11 répondants ou "
                     "nombre de répondants inconnu")
    return Resource("survey_indicators", out, period=_period(src, published),
                    notes=notes), len(withheld)
