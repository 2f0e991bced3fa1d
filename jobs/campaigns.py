"""Inventory campaigns: opening (pre-filled observations), progress, closing.

A campaign gets one observation per live premise of its perimeter (the chosen centralities, or
the whole territory). Each observation is pre-filled from the premise's previous observation
(status, activity group, NAF code, sign, chain type) and marked ``to_confirm``; the agent in the
field sets it to ``confirmed`` (nothing changed) or ``changed``, and a premise found in the field
gets an observation marked ``new``. The workflow columns and the field-package tables are added
by :func:`migrate_v3`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from ..i18n import tr
from ..store import campaigns as store_campaigns
from ..store import fieldwork as store_fieldwork
from ..store import gpkg, readers, tables
from ..store.schema import campaigns as workflow_schema
from ..store.schema.campaigns import (
    PREFILLED_COLUMNS,
    UNKNOWN_STATUS,
)  # noqa: F401
from . import zones


class CampaignError(ValueError):
    """A campaign operation the data does not allow; the message says what to fix."""


def require_workflow(conn) -> None:
    """Refuse a file without the campaign workflow columns (schema v3)."""
    if not workflow_schema.has_workflow(conn):
        raise CampaignError(tr("this GeoPackage predates campaign workflows (schema v3): "
                               "open it with the plugin to upgrade it first"))


def _parse_date(value, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise CampaignError(tr("{label} {value!r} is not a date (expected YYYY-MM-DD)").format(
            label=label, value=value)) from exc


def _campaign(conn, campaign_uuid: str) -> dict:
    """The campaign (``perimeter`` decoded) through the one lookup, as a CampaignError."""
    try:
        return store_campaigns.find(conn, campaign_uuid)
    except store_campaigns.CampaignLookupError as exc:
        raise CampaignError(str(exc)) from exc


def premises_in_perimeter(conn, centrality_uuids=None, *, live_only: bool = True) -> dict:
    """premise uuid -> centrality uuid (None outside every centrality) for the perimeter.

    With ``centrality_uuids`` None every premise of the territory is in the perimeter;
    otherwise only those whose point lies in one of the chosen centralities (a premise in
    overlapping centralities goes to the higher level one, as in every analysis).
    """
    all_centralities = readers.centralities(conn)
    known = {c["uuid"] for c in all_centralities}
    if centrality_uuids is not None:
        chosen = list(dict.fromkeys(centrality_uuids))
        unknown = [u for u in chosen if u not in known]
        if unknown:
            raise CampaignError(tr("unknown centrality uuid(s): {uuids}").format(
                uuids=", ".join(unknown)))
        if not chosen:
            raise CampaignError(tr("the perimeter is empty: choose at least one centrality"))
    frame = readers.premises(conn)
    if live_only:
        frame = frame[frame["retired_at"].isna()]
    assignment = zones.assign_centralities(frame, all_centralities)
    if centrality_uuids is None:
        return assignment
    wanted = set(chosen)
    return {p: c for p, c in assignment.items() if c in wanted}


def open_campaign(conn, name: str, start_date, end_date, centrality_uuids=None, *,
                  notes: str | None = None) -> dict:
    """Create a campaign and its pre-filled observations, in one transaction.

    Returns ``{"uuid", "name", "observations", "prefilled", "without_history"}``: the new
    campaign's uuid, the number of observations created, how many were pre-filled from a
    previous observation and how many premises had none (status ``unknown``).
    """
    require_workflow(conn)
    name = (name or "").strip()
    if not name:
        raise CampaignError(tr("a campaign needs a name"))
    start = _parse_date(start_date, tr("start date"))
    end = _parse_date(end_date, tr("end date"))
    if end < start:
        raise CampaignError(tr("end date {end} is before start date {start}").format(
            end=end, start=start))
    if tables.exists(conn, "campaigns", {"name": name}):
        raise CampaignError(tr("a campaign named {name!r} already exists").format(name=name))
    perimeter = premises_in_perimeter(conn, centrality_uuids)
    previous = store_fieldwork.previous_observations(conn, start.isoformat())
    rows = []
    prefilled = 0
    for premise_uuid in sorted(perimeter):
        prev = previous.get(premise_uuid)
        if prev is None:
            values = (UNKNOWN_STATUS[0], None, None, None, None)
            source = None
        else:
            values = tuple(prev[c] for c in PREFILLED_COLUMNS)
            source = prev["uuid"]
            prefilled += 1
        rows.append((str(uuid.uuid4()), premise_uuid, *values, source))
    with gpkg.transaction(conn):
        campaign_uuid = store_campaigns.create(
            conn, name, start.year, start_date=start.isoformat(), end_date=end.isoformat(),
            notes=notes, perimeter=None if centrality_uuids is None
            else list(dict.fromkeys(centrality_uuids)))
        tables.insert(conn, "premise_observations",
                      ("uuid", "premise_uuid", *PREFILLED_COLUMNS, "prefilled_from_uuid",
                       "campaign_uuid", "visit_state"),
                      (row + (campaign_uuid, "to_confirm") for row in rows))
    return {"uuid": campaign_uuid, "name": name, "observations": len(rows),
            "prefilled": prefilled, "without_history": len(rows) - prefilled}


def _counts(states) -> dict:
    counts = {"total": 0, "confirmed": 0, "changed": 0, "to_visit": 0, "new": 0}
    for state in states:
        counts["total"] += 1
        key = "to_visit" if state == "to_confirm" else state
        counts[key] = counts.get(key, 0) + 1
    visited = counts["confirmed"] + counts["changed"] + counts["new"]
    counts["completeness"] = round(visited / counts["total"], 4) if counts["total"] else None
    return counts


def campaign_progress(conn, campaign_uuid: str) -> dict:
    """Completeness of a campaign, overall, per centrality and per agent.

    Each count block is ``{"total", "confirmed", "changed", "to_visit", "new",
    "completeness"}`` where completeness = (confirmed + changed + new) / total. Observations
    are grouped by the centrality their premise lies in (``None``: outside every centrality)
    and by agent: the agent who recorded the visit, else the agent the observation was
    assigned to in a field package, else ``None`` (unassigned).
    """
    require_workflow(conn)
    info = _campaign(conn, campaign_uuid)
    rows = tables.rows(conn, "premise_observations",
                       ["premise_uuid", "visit_state", "agent", "assigned_agent"],
                       {"campaign_uuid": campaign_uuid}, order_by=["fid"])
    for r in rows:
        r["who"] = r["agent"] if r["agent"] is not None else r["assigned_agent"]
    centralities = readers.centralities(conn)
    names = {c["uuid"]: c["name"] for c in centralities}
    assignment = zones.assign_centralities(readers.premises(conn), centralities)
    by_centrality: dict = {}
    by_agent: dict = {}
    for r in rows:
        by_centrality.setdefault(assignment.get(r["premise_uuid"]), []).append(r["visit_state"])
        by_agent.setdefault(r["who"], []).append(r["visit_state"])
    order = {c["uuid"]: i for i, c in enumerate(centralities)}
    return {
        "campaign": {"uuid": info["uuid"], "name": info["name"], "state": info["state"]},
        "totals": _counts(r["visit_state"] for r in rows),
        "by_centrality": [
            {"centrality_uuid": c, "centrality": names.get(c), **_counts(states)}
            for c, states in sorted(by_centrality.items(),
                                    key=lambda kv: order.get(kv[0], len(order)))],
        "by_agent": [
            {"agent": a, **_counts(states)}
            for a, states in sorted(by_agent.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))],
    }


def unconfirmed_count(conn, campaign_uuid: str) -> int:
    """Observations of the campaign still to confirm (not visited)."""
    return tables.count(conn, "premise_observations",
                        {"campaign_uuid": campaign_uuid, "visit_state": "to_confirm"})


def close_campaign(conn, campaign_uuid: str, force: bool = False) -> dict:
    """Close a campaign; refused while observations are still to confirm unless ``force``.

    A forced closure leaves the unconfirmed observations marked ``to_confirm`` (analyses can
    tell them apart). Returns ``{"uuid", "closed_at", "unconfirmed", "forced"}``.
    """
    require_workflow(conn)
    info = _campaign(conn, campaign_uuid)
    if info["state"] == "closed":
        raise CampaignError(tr("campaign {name!r} is already closed").format(name=info["name"]))
    unconfirmed = unconfirmed_count(conn, campaign_uuid)
    if unconfirmed and not force:
        raise CampaignError(tr(
            "campaign {name!r} still has {n} observation(s) to confirm: visit them, or force "
            "the closure").format(name=info["name"], n=unconfirmed))
    closed_at = gpkg.now_iso()
    with gpkg.transaction(conn):
        tables.update_where(conn, "campaigns", {"state": "closed", "closed_at": closed_at},
                            {"uuid": campaign_uuid})
    return {"uuid": campaign_uuid, "closed_at": closed_at, "unconfirmed": unconfirmed,
            "forced": bool(unconfirmed)}
