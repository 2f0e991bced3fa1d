"""Reads for publication (open-data export, citizens' web map): only what may leave the socle.

Every query here names its columns: field agents' names (``agent``, ``assigned_agent``),
notes, photos, sync conflicts, field packages and survey answers are never selected, so they
cannot reach an export by accident. Survey figures come from ``indicators`` only.

SIRENE diffusion status
-----------------------
INSEE marks the establishments of sole traders who asked not to be listed
(*statut de diffusion partielle*, ``statutDiffusionEtablissement = 'P'``; ``'N'`` before
2023): their names must never be published. The SIRENE import rejects those rows today, and
``premise_sources`` stores no status, so the socle cannot tell which premise is such a sole
trader's. :func:`non_public_premises` reads the column ``premise_sources.diffusion_status``
(INSEE's code at the latest import that saw the SIRET) when the file has it, and
:func:`diffusion_status_recorded` says whether it does.

Schema v10 (survey indicators) adds ``respondents``, ``ci_low``, ``ci_high`` and
``low_precision`` to ``indicators``: :func:`indicators` returns them when present, empty
otherwise.
"""

from __future__ import annotations

from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from . import campaigns as campaign_store
from . import geometry, gpkg, tables

LEVEL_ORDER = ("primary", "secondary", "tertiary", "peripheral")
NON_PUBLIC_CODES = ("P", "N")
SURVEY_COLUMNS = ("respondents", "ci_low", "ci_high", "low_precision")
PREMISE_COLUMNS = ["premise_uuid", "address", "street", "commune_code", "floor_area",
                   "ground_floor", "status", "activity_group", "naf_code", "sign_name",
                   "chain_type", "x", "y"]


def _frame(conn, sql: str, params=()) -> pd.DataFrame:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return pd.DataFrame([tuple(r) for r in cursor.fetchall()], columns=names)


def _with_xy(frame: pd.DataFrame, column: str = "geom") -> pd.DataFrame:
    """Replace a point blob column by ``x``, ``y`` (NaN when missing or not a point)."""
    xy = geometry.point_xy(frame[column].tolist())
    out = frame.drop(columns=column)
    out["x"], out["y"] = xy[:, 0], xy[:, 1]
    return out


def srs_id(conn) -> int:
    """The CRS of the socle's geometries (EPSG code)."""
    return int(tables.first(conn, "observatory_meta", ["value"], {"key": "srs_id"})["value"])


def territory(conn) -> Optional[str]:
    row = tables.first(conn, "observatory_meta", ["value"], {"key": "territory"})
    return row["value"] if row else None


def has_table(conn, table: str) -> bool:
    return gpkg.table_exists(conn, table)


# --------------------------------------------------------------------------- offer

CAMPAIGN_KEYS = ("uuid", "name", "year", "start_date", "end_date", "state")


def all_campaigns(conn) -> List[dict]:
    """Campaigns in chronological order (``uuid, name, year, start_date, end_date, state``)."""
    return [{k: c.get(k) for k in CAMPAIGN_KEYS} for c in campaign_store.all_campaigns(conn)]


def closed_campaigns(conn) -> List[dict]:
    """Closed campaigns in chronological order."""
    return [c for c in all_campaigns(conn) if c["state"] == "closed"]


def campaign(conn, name_or_uuid: Optional[str]) -> Optional[dict]:
    """The campaign named (or with the uuid) ``name_or_uuid``; the latest *closed* one when
    empty (None when no campaign is closed). Unknown names raise
    :class:`store.campaigns.CampaignLookupError` naming the campaigns there are."""
    if name_or_uuid:
        found = campaign_store.find(conn, name_or_uuid)
        return {k: found.get(k) for k in CAMPAIGN_KEYS}
    closed = closed_campaigns(conn)
    return closed[-1] if closed else None


def offer_premises(conn, campaign_uuid: str) -> pd.DataFrame:
    """Premises observed in the campaign with the public part of their observation:
    :data:`PREMISE_COLUMNS` (x, y in the socle's CRS), by premise fid."""
    frame = _frame(
        conn,
        "SELECT p.uuid AS premise_uuid, p.address, p.street, p.commune_code, p.floor_area, "
        "p.ground_floor, o.status, o.activity_group, o.naf_code, o.sign_name, o.chain_type, "
        "p.geom FROM premise_observations o JOIN premises p ON p.uuid = o.premise_uuid "
        "WHERE o.campaign_uuid = ? ORDER BY p.fid", (campaign_uuid,))
    return _with_xy(frame)[PREMISE_COLUMNS]


def diffusion_status_recorded(conn) -> bool:
    """True when ``premise_sources`` records INSEE's diffusion status of each SIRET."""
    return "diffusion_status" in gpkg.column_names(conn, "premise_sources")


def non_public_premises(conn) -> set:
    """Uuids of premises linked to a SIRENE establishment whose record is not public
    (``premise_sources.diffusion_status`` in 'P', 'N'); empty when the status is not
    recorded (see :func:`diffusion_status_recorded`)."""
    if not has_table(conn, "premise_sources") or not diffusion_status_recorded(conn):
        return set()
    return set(tables.values(conn, "premise_sources", "premise_uuid",
                             {"source": "sirene", "diffusion_status": NON_PUBLIC_CODES},
                             distinct=True))


def labels(conn, table: str, key: str = "code", label: str = "label_fr") -> Dict[str, str]:
    """``{code: French label}`` of a nomenclature table (empty when the table is absent)."""
    if not has_table(conn, table):
        return {}
    return tables.key_map(conn, table, key, label)


def naf_labels(conn) -> Dict[str, str]:
    if not has_table(conn, "naf_activity_map"):
        return {}
    if "naf_label" not in gpkg.column_names(conn, "naf_activity_map"):
        return {}
    return tables.key_map(conn, "naf_activity_map", "naf_code", "naf_label")


def services(conn) -> pd.DataFrame:
    """Services of the latest vintage of each source: ``service_uuid, source, vintage,
    typequ, label, domain, range, commune_code, x, y``."""
    if not has_table(conn, "services"):
        return pd.DataFrame(columns=["service_uuid", "source", "vintage", "typequ", "label",
                                     "domain", "range", "commune_code", "x", "y"])
    frame = _frame(
        conn,
        "SELECT s.uuid AS service_uuid, s.source, s.vintage, s.typequ, s.label, s.domain, "
        "s.range, s.commune_code, s.geom FROM services s JOIN (SELECT source, max(vintage) "
        "AS vintage FROM services GROUP BY source) v ON v.source = s.source AND "
        "v.vintage = s.vintage ORDER BY s.fid")
    return _with_xy(frame)


def producers(conn) -> pd.DataFrame:
    """``producer_uuid, source, name, products (codes joined by ';'), sales_modes, organic,
    commune_code, imported_at, x, y``."""
    if not has_table(conn, "producers"):
        return pd.DataFrame(columns=["producer_uuid", "source", "name", "products",
                                     "sales_modes", "organic", "commune_code", "imported_at",
                                     "x", "y"])
    frame = _frame(
        conn,
        "SELECT p.uuid AS producer_uuid, p.source, p.name, (SELECT group_concat(product, ';') "
        "FROM (SELECT product FROM producer_products pp WHERE pp.producer_uuid = p.uuid "
        "ORDER BY product)) AS products, p.sales_modes, p.organic, p.commune_code, "
        "p.imported_at, p.geom FROM producers p ORDER BY p.fid")
    return _with_xy(frame)


def markets(conn) -> pd.DataFrame:
    """``market_uuid, source, name, days, per_week, organic, schedule_text, commune_code,
    imported_at, x, y``."""
    if not has_table(conn, "markets"):
        return pd.DataFrame(columns=["market_uuid", "source", "name", "days", "per_week",
                                     "organic", "schedule_text", "commune_code",
                                     "imported_at", "x", "y"])
    frame = _frame(
        conn,
        "SELECT uuid AS market_uuid, source, name, days, per_week, organic, schedule_text, "
        "commune_code, imported_at, geom FROM markets ORDER BY fid")
    return _with_xy(frame)


# --------------------------------------------------------------------------- territory

def centralities(conn) -> List[dict]:
    """Centralities as dicts ``uuid, code (None when not set), name, level, commune_code,
    polygons`` (list of polygons, each a list of rings in the socle's CRS), ordered by level
    (primary first) then name: the assignment priority of :func:`jobs.zones`."""
    columns = ["uuid", "name", "level", "commune_code", "geom"]
    has_code = "code" in gpkg.column_names(conn, "centralities")
    rows = tables.rows(conn, "centralities", columns + (["code"] if has_code else []),
                       order_by=["fid"])
    result = []
    for r in rows:
        kind, shape = geometry.decode(r["geom"]) if r["geom"] is not None else (None, None)
        result.append({"uuid": r["uuid"], "code": r.get("code"), "name": r["name"],
                       "level": r["level"], "commune_code": r["commune_code"],
                       "polygons": geometry.as_polygons(kind, shape) if kind else []})
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    result.sort(key=lambda c: (rank.get(c["level"], len(rank)), c["name"] or ""))
    return result


def roads(conn) -> List[dict]:
    """Road lines ``{"road_class", "name", "lines"}`` (``lines``: list of (n, 2) arrays in the
    socle's CRS)."""
    out = []
    for r in tables.rows(conn, "roads", ["road_class", "name", "geom"], order_by=["fid"]):
        if r["geom"] is None:
            continue
        kind, shape = geometry.decode(r["geom"])
        if kind == "linestring":
            lines = [np.asarray(shape, dtype=float)]
        elif kind == "multilinestring":
            lines = [np.asarray(s, dtype=float) for s in shape]
        else:
            continue
        out.append({"road_class": r["road_class"], "name": r["name"], "lines": lines})
    return out


# --------------------------------------------------------------------------- indicators

def indicators(conn) -> pd.DataFrame:
    """Every indicator row: ``scope, centrality_uuid, indicator, period, campaign_uuid, value,
    unit, algorithm, computed_at`` and the survey columns of schema v10 (:data:`SURVEY_COLUMNS`,
    empty when the file predates them). The ``parameters`` column is not read."""
    present = gpkg.column_names(conn, "indicators")
    extra = [c for c in SURVEY_COLUMNS if c in present]
    frame = tables.frame(conn, "indicators",
                         ["scope", "centrality_uuid", "indicator", "period", "campaign_uuid",
                          "value", "unit", "algorithm", "computed_at", *extra],
                         order_by=["fid"])
    for column in SURVEY_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    return frame


# --------------------------------------------------------------------------- flows

def counting_sites(conn) -> pd.DataFrame:
    """``site_uuid, site_id, parent_site_id, name, insee_code, infrastructure_type,
    external_ids, x, y``."""
    frame = _frame(
        conn,
        "SELECT uuid AS site_uuid, site_id, parent_site_id, name, insee_code, "
        "infrastructure_type, external_ids, geom FROM counting_sites ORDER BY site_id")
    return _with_xy(frame)


def counting_channels(conn) -> pd.DataFrame:
    """Channels with their site id, the first measured instant (UTC) and the most frequent
    measure duration (s)."""
    return _frame(
        conn,
        "SELECT c.uuid AS channel_uuid, c.channel_id, s.site_id, c.mobility_type, "
        "c.direction, c.direction_name, c.counter_type, c.temporality, c.started_at, "
        "c.ended_at, c.time_step_s, c.data_provider, "
        "(SELECT min(start_utc) FROM counts m WHERE m.channel_uuid = c.uuid) AS first_utc, "
        "(SELECT duration_s FROM counts m WHERE m.channel_uuid = c.uuid AND duration_s IS NOT "
        "NULL GROUP BY duration_s ORDER BY count(*) DESC, duration_s LIMIT 1) AS usual_step_s "
        "FROM counting_channels c JOIN counting_sites s ON s.uuid = c.site_uuid "
        "ORDER BY c.channel_id")


def daily_count_sums(conn) -> pd.DataFrame:
    """Measures summed per channel and local day: ``channel_uuid, day`` (``YYYY-MM-DD`` of the
    wall-clock time at the counter), ``rows``, ``with_data`` (rows with a count, 0 included),
    ``total`` (sum of the counts, NULL when none)."""
    return _frame(
        conn,
        "SELECT channel_uuid, substr(start_local, 1, 10) AS day, count(*) AS rows, "
        "count(count) AS with_data, sum(count) AS total FROM counts "
        "GROUP BY channel_uuid, day ORDER BY channel_uuid, day")


def parkings(conn, kind: Optional[str] = "off_street") -> pd.DataFrame:
    """Car parks (``kind`` off_street / on_street / None for both) with x, y."""
    frame = _frame(
        conn,
        "SELECT uuid AS parking_uuid, parking_id, name, kind, insee_code, address, capacity, "
        "users, free_of_charge, pmr_places, ev_places, carpool_places, max_height_cm, fee_1h, "
        "fee_2h, fee_24h, structure, imported_at, geom FROM parkings "
        + ("WHERE kind = ? " if kind else "") + "ORDER BY parking_id",
        (kind,) if kind else ())
    return _with_xy(frame)


def carpool_areas(conn) -> pd.DataFrame:
    frame = _frame(
        conn,
        "SELECT uuid AS area_uuid, place_id, name, address, commune, insee_code, place_type, "
        "updated_on, is_open, places, pmr_places, lit, owner, imported_at, geom "
        "FROM carpool_areas ORDER BY place_id")
    return _with_xy(frame)


def source_codes(conn, table: str, kind: Optional[str] = None) -> List[Optional[str]]:
    """The distinct values of ``table.source`` (``kind`` = a value of its ``kind`` column to
    restrict to, e.g. ``off_street`` car parks), in the order first met; None stands for the
    rows without a source (NULL or empty). Empty when the table is absent or empty."""
    if not has_table(conn, table) or "source" not in gpkg.column_names(conn, table):
        return []
    where, params = ("WHERE kind = ? ", (kind,)) if kind else ("", ())
    rows = conn.execute(
        f"SELECT nullif(trim(source), '') AS code FROM \"{table}\" {where}"
        "GROUP BY code ORDER BY min(fid)", params).fetchall()
    return [r[0] for r in rows]
