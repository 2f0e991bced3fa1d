"""The offer as stored: premises, campaigns, observations, lineage, the offer nomenclatures,
services (BPE) and the short-circuit offer (producers, markets)."""

from __future__ import annotations

from typing import Iterable, Optional

import pandas as pd

from .. import gpkg, tables
from .territory import points, with_xy

PREMISE_COLUMNS = ["uuid", "address", "street", "commune_code", "floor_area", "ground_floor",
                   "created_at", "retired_at"]


def premises(conn) -> pd.DataFrame:
    """Premises with their coordinates (x, y in the file's CRS)."""
    rows = conn.execute(
        "SELECT uuid, address, street, commune_code, floor_area, ground_floor, created_at, "
        "retired_at, geom FROM premises").fetchall()
    return with_xy([dict(r) for r in rows], PREMISE_COLUMNS)


def premise_geometry(conn, premise_uuid: str):
    """The stored geometry blob of a premise, or None (no such premise, or no geometry)."""
    row = tables.first(conn, "premises", ["geom"], {"uuid": premise_uuid})
    return None if row is None else row["geom"]


def campaigns(conn) -> pd.DataFrame:
    """Campaigns in chronological order (start date, then year, then name)."""
    frame = pd.read_sql_query(
        "SELECT uuid, name, year, start_date, end_date, state FROM campaigns "
        "ORDER BY coalesce(start_date, year || '-01-01'), year, name", conn)
    return frame.reset_index(drop=True)


def observations(conn, campaign_uuids: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Observations (uuid, premise, campaign, status, activity, sign, chain type, agent,
    date), of the given campaigns or of all."""
    sql = ("SELECT uuid, premise_uuid, campaign_uuid, status, activity_group, naf_code, "
           "sign_name, chain_type, agent, observed_at FROM premise_observations")
    params: tuple = ()
    if campaign_uuids is not None:
        campaign_uuids = list(campaign_uuids)
        sql += f" WHERE campaign_uuid IN ({','.join('?' * len(campaign_uuids))})"
        params = tuple(campaign_uuids)
    return pd.read_sql_query(sql, conn, params=params)


def observation_states(conn) -> pd.DataFrame:
    """Every observation as the vacancy and offer formulas read it: ``premise``,
    ``campaign``, ``status``, ``activity_group``, ``sign_name``, ``chain_type`` and
    ``visit_state`` (``confirmed`` on files older than the campaign workflow, v3)."""
    cols = gpkg.column_names(conn, "premise_observations")
    visit = "o.visit_state" if "visit_state" in cols else "'confirmed'"
    return pd.read_sql_query(
        "SELECT o.premise_uuid AS premise, o.campaign_uuid AS campaign, o.status, "
        f"o.activity_group, o.sign_name, o.chain_type, {visit} AS visit_state "
        "FROM premise_observations o", conn)


def lineage(conn) -> pd.DataFrame:
    """Splits and merges: ``parent``, ``child``, ``kind``."""
    return pd.read_sql_query("SELECT parent_uuid AS parent, child_uuid AS child, kind "
                             "FROM premise_lineage", conn)


def vacant_statuses(conn) -> list:
    """Status codes flagged ``counts_as_vacant`` in the status nomenclature."""
    return [r[0] for r in conn.execute(
        "SELECT code FROM observation_statuses WHERE counts_as_vacant = 1 ORDER BY sort_order")]


def status_codes(conn) -> list:
    """Every observation status code, in the nomenclature's order."""
    return tables.values(conn, "observation_statuses", "code")


def status_labels(conn, language: str = "en") -> list:
    """(code, label) of every status in the nomenclature's order (French labels for ``fr``)."""
    label = "label_fr" if language == "fr" else "label_en"
    return [tuple(r) for r in conn.execute(
        f"SELECT code, {label} FROM observation_statuses ORDER BY sort_order")]


def premises_observed(conn, campaign_uuid: str, language: str = "en") -> pd.DataFrame:
    """The premises observed in a campaign (with a geometry): ``uuid``, ``status``,
    ``status_label`` (the status code when it has no label), ``sign_name``, ``x``, ``y``."""
    label = "label_fr" if language == "fr" else "label_en"
    rows = conn.execute(
        f"SELECT p.uuid, o.status, coalesce(s.{label}, o.status) AS status_label, "
        "o.sign_name, p.geom FROM premise_observations o "
        "JOIN premises p ON p.uuid = o.premise_uuid "
        "LEFT JOIN observation_statuses s ON s.code = o.status WHERE o.campaign_uuid = ?",
        (campaign_uuid,)).fetchall()
    frame = with_xy([dict(r) for r in rows], ["uuid", "status", "status_label", "sign_name"])
    return frame.dropna(subset=["x", "y"]).reset_index(drop=True)


def activity_groups(conn) -> list:
    """Activity group codes in the nomenclature's order."""
    return [r[0] for r in conn.execute("SELECT code FROM activity_groups "
                                       "ORDER BY sort_order, code")]


def retail_groups(conn) -> set:
    """Codes of the activity groups flagged ``is_retail``."""
    return set(tables.values(conn, "activity_groups", "code", {"is_retail": 1}))


# ------------------------------------------------------------------ services, short circuits

def service_vintages(conn) -> list:
    """BPE vintages of the services, oldest first."""
    return sorted(v for v in tables.values(conn, "services", "vintage", distinct=True)
                  if v is not None)


def services(conn, vintage: str) -> pd.DataFrame:
    """Services of a BPE vintage with a point geometry: ``domain``, ``range``, ``x``, ``y``."""
    frame = points(conn, "services", ["domain", "range"], {"vintage": vintage})
    return frame.dropna(subset=["x", "y"]).reset_index(drop=True)


def service_domains(conn) -> dict:
    """BPE domain code → French label."""
    return tables.key_map(conn, "service_domains", "code", "label_fr")


def service_ranges(conn) -> list:
    """BPE range codes in the nomenclature's order."""
    return [r[0] for r in conn.execute("SELECT code FROM service_ranges ORDER BY sort_order")]


def producers(conn) -> pd.DataFrame:
    """Producers with a point geometry: ``uuid``, ``organic``, ``x``, ``y``."""
    return points(conn, "producers", ["uuid", "organic"]).dropna(
        subset=["x", "y"]).reset_index(drop=True)


def producer_products(conn) -> dict:
    """producer uuid → its products (in table order)."""
    products: dict = {}
    for r in tables.rows(conn, "producer_products", ["producer_uuid", "product"],
                         order_by=["fid"]):
        products.setdefault(r["producer_uuid"], []).append(r["product"])
    return products


def markets(conn) -> pd.DataFrame:
    """Markets with a point geometry: ``per_week``, ``organic``, ``x``, ``y``."""
    return points(conn, "markets", ["per_week", "organic"]).dropna(
        subset=["x", "y"]).reset_index(drop=True)

