"""Flows as open-data resources, in their national schemas.

- ``counting_sites``, ``counting_channels``, ``counts_daily``: *comptage des mobilités* 0.2.4
  (site / channel / measure). Counts are aggregated to the local day
  (:func:`analysis.publication.daily_counts`: a complete day publishes its total, an
  incomplete day an empty count); the channels therefore say ``time_step = 86400``. A
  channel's ``started_at``, when not recorded, is its first measure.
- ``parkings``: off-street car parks in *stationnement* 0.1.5 (``num_siret`` is the
  operator's SIRET given to the export; a car park without a maximum height says ``N/A``);
- ``carpool_areas``: *lieux de covoiturage* (BNLC) 0.2.0, under the ODbL of the national base.

Rows the national schema would refuse (a required value missing, a pattern or list not met)
are left out and reported by name; a channel left out takes its counts with it.
"""

from __future__ import annotations

from typing import List

import numpy as np
import pandas as pd

from ..analysis import publication as rules
from ..i18n import tr
from ..store import publication as pub
from .open_data_rows import Resource, check_rows, missing
from .open_data_schemas import field_names, national_schema
from .publication_source import PublicationSource

DAILY_STEP = 86400
COMPTAGE_URL = "https://schema.data.gouv.fr/etalab/schema-comptage-mobilites/"
BNLC_URL = "https://transport.data.gouv.fr/datasets/base-nationale-des-lieux-de-covoiturage"


def _utc(value):
    if missing(value):
        return None
    stamp = pd.Timestamp(str(value))
    return (stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


def _checked(name: str, frame: pd.DataFrame, what: str, key: str) -> tuple:
    kept, problems, mask = check_rows(frame, national_schema(name), what=what, key=key)
    return kept, problems, mask


def _point_geometry(frame: pd.DataFrame, lon: str, lat: str) -> tuple:
    shapes = [("point", (x, y)) if np.isfinite(x) and np.isfinite(y) else (None, None)
              for x, y in zip(frame["x"].to_numpy(float), frame["y"].to_numpy(float))]
    geojson = [{"type": "Point", "coordinates": [a, b]} if np.isfinite(a) and np.isfinite(b)
               else None for a, b in zip(frame[lon].to_numpy(float),
                                         frame[lat].to_numpy(float))]
    return shapes, geojson


def counting(src: PublicationSource, tz: str = "Europe/Paris", checkpoint=None) -> tuple:
    """(resources [sites, channels, daily counts], problems)."""
    problems: List[str] = []
    sites = src.with_lonlat(pub.counting_sites(src.conn))
    site_rows = pd.DataFrame({
        "site_id": sites["site_id"], "parent_site_id": sites["parent_site_id"],
        "site_name": sites["name"], "fr_insee_code": sites["insee_code"],
        "xlong": sites["lon"], "ylat": sites["lat"], "external_ids": sites["external_ids"],
        "infrastructure_type": sites["infrastructure_type"]})
    site_rows, found, mask = _checked("counting_sites", site_rows, tr("counting site"),
                                      "site_id")
    problems += found
    sites = sites[mask].reset_index(drop=True)
    kept_sites = set(site_rows["site_id"])

    channels = pub.counting_channels(src.conn)
    channels = channels[channels["site_id"].isin(kept_sites)].reset_index(drop=True)
    steps = channels["time_step_s"].where(channels["time_step_s"].notna(),
                                          channels["usual_step_s"])
    too_long = (steps > DAILY_STEP).to_numpy()
    for cid in channels.loc[too_long, "channel_id"]:
        problems.append(tr("counting channel {channel}: its time step is longer than a day; "
                           "its counts cannot be published per day").format(channel=cid))
    channel_rows = pd.DataFrame({
        "channel_id": channels["channel_id"], "channel_provider_id": None,
        "site_provider_id": None, "site_id": channels["site_id"],
        "mobility_type": channels["mobility_type"], "comment": None,
        "counter_transmission_type": None, "publication_transmission_type": None,
        "counter_type": channels["counter_type"], "direction": channels["direction"],
        "provider_direction_code": None, "provider_direction_name": channels["direction_name"],
        "data_provider_name": channels["data_provider"],
        "temporality": channels["temporality"],
        "started_at": [_utc(a) or _utc(b) for a, b in zip(channels["started_at"],
                                                          channels["first_utc"])],
        "ended_at": [_utc(v) for v in channels["ended_at"]],
        "last_updated_at": None, "time_step": DAILY_STEP, "provider_portal_url": None,
    })[field_names("counting_channels")]
    channel_rows = channel_rows[~too_long].reset_index(drop=True)
    channels, steps = channels[~too_long].reset_index(drop=True), steps[~too_long]
    channel_rows, found, mask = _checked("counting_channels", channel_rows,
                                         tr("counting channel"), "channel_id")
    problems += found
    channels, steps = channels[mask].reset_index(drop=True), steps[mask].reset_index(drop=True)
    if checkpoint:
        checkpoint()

    sums = pub.daily_count_sums(src.conn)
    ids = dict(zip(channels["channel_uuid"], channels["channel_id"]))
    sums = sums[sums["channel_uuid"].isin(list(ids))]
    daily = rules.daily_counts(
        sums.rename(columns={"channel_uuid": "channel"}),
        dict(zip(channels["channel_uuid"], steps.astype(float))), tz)
    daily = daily[daily["with_data"] > 0].reset_index(drop=True)
    start, end = rules.local_midnights(daily["day"], tz)
    count_rows = pd.DataFrame({
        "channel_id": daily["channel"].map(ids), "counter_id": None,
        "start_datetime": start, "end_datetime": end, "count": daily["count"]},
        columns=field_names("counts_daily"))
    period = ({"start": str(daily["day"].min()), "end": str(daily["day"].max())}
              if len(daily) else {})
    shapes, geojson = _point_geometry(sites, "lon", "lat")
    sources = [{"title": "Schéma comptage des mobilités 0.2.4", "path": COMPTAGE_URL}]
    notes = [f"{int((~daily['complete']).sum())} journée(s) incomplète(s) publiée(s) sans "
             "comptage"] if len(daily) and not daily["complete"].all() else []
    return [Resource("counting_sites", site_rows, shapes, geojson, period, national=True,
                     sources=sources),
            Resource("counting_channels", channel_rows, period=period, national=True,
                     sources=sources),
            Resource("counts_daily", count_rows, period=period, national=True,
                     sources=sources, notes=notes)], problems


def parkings(src: PublicationSource, operator_siret: str) -> tuple:
    """(resource, problems) of the off-street car parks."""
    frame = src.with_lonlat(pub.parkings(src.conn, "off_street"))
    height = [("N/A" if missing(h) else str(int(round(float(h)))))
              for h in frame["max_height_cm"]]
    rows = pd.DataFrame({
        "id": frame["parking_id"], "nom": frame["name"], "insee": frame["insee_code"],
        "adresse": frame["address"], "url": None, "type_usagers": frame["users"],
        "gratuit": frame["free_of_charge"], "nb_places": frame["capacity"], "nb_pr": None,
        "nb_pmr": frame["pmr_places"], "nb_voitures_electriques": frame["ev_places"],
        "nb_velo": None, "nb_2r_el": None, "nb_autopartage": None, "nb_2_rm": None,
        "nb_covoit": frame["carpool_places"], "hauteur_max": height,
        "num_siret": operator_siret, "Xlong": frame["lon"], "Ylat": frame["lat"],
        "tarif_pmr": None, "tarif_1h": frame["fee_1h"], "tarif_2h": frame["fee_2h"],
        "tarif_3h": None, "tarif_4h": None, "tarif_24h": frame["fee_24h"],
        "abo_resident": None, "abo_non_resident": None, "type_ouvrage": frame["structure"],
        "info": None}, columns=field_names("parkings"))
    rows, problems, mask = _checked("parkings", rows, tr("car park"), "id")
    frame = frame[mask].reset_index(drop=True)
    shapes, geojson = _point_geometry(frame, "lon", "lat")
    sources = [{"title": "Schéma stationnement 0.1.5",
                "path": "https://schema.data.gouv.fr/etalab/schema-stationnement/"}]
    period = {k: v for k, v in (("start", _day(frame["imported_at"].min())),
                                ("end", _day(frame["imported_at"].max()))) if v}
    return Resource("parkings", rows, shapes, geojson, period, national=True,
                    sources=sources), problems


def carpool_areas(src: PublicationSource) -> tuple:
    frame = src.with_lonlat(pub.carpool_areas(src.conn))
    rows = pd.DataFrame({
        "id_lieu": frame["place_id"], "nom_lieu": frame["name"], "ad_lieu": frame["address"],
        "com_lieu": frame["commune"], "insee": frame["insee_code"],
        "type": frame["place_type"], "date_maj": frame["updated_on"],
        "ouvert": frame["is_open"], "source": None, "Xlong": frame["lon"],
        "Ylat": frame["lat"], "nbre_pl": frame["places"], "nbre_pmr": frame["pmr_places"],
        "duree": None, "horaires": None, "proprio": frame["owner"], "lumiere": frame["lit"],
        "comm": None}, columns=field_names("carpool_areas"))
    rows, problems, mask = _checked("carpool_areas", rows, tr("carpool area"), "id_lieu")
    frame = frame[mask].reset_index(drop=True)
    shapes, geojson = _point_geometry(frame, "lon", "lat")
    dates = sorted(str(d)[:10] for d in frame["updated_on"] if not missing(d))
    period = {"start": dates[0], "end": dates[-1]} if dates else {}
    sources = [{"title": "Base nationale des lieux de covoiturage (BNLC)", "path": BNLC_URL}]
    return Resource("carpool_areas", rows, shapes, geojson, period, licence="odbl-1.0",
                    national=True, sources=sources), problems


def _day(value):
    return None if missing(value) else str(value)[:10]
