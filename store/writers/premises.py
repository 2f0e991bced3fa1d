"""Premises found in an external source (SIRENE, OpenStreetMap): the premises, their links to
the source ids (``premise_sources``) and the observations pre-filled in a campaign."""

from __future__ import annotations

from typing import Dict, Sequence, Tuple

import pandas as pd

from .. import geometry, gpkg, tables

PREMISE_COLUMNS = ["uuid", "address", "street", "commune_code", "ground_floor", "created_at",
                   "notes", "geom"]
LINK_COLUMNS = ["uuid", "premise_uuid", "source", "source_id", "first_seen", "last_seen"]
OBSERVATION_COLUMNS = ["uuid", "premise_uuid", "campaign_uuid", "status", "activity_group",
                       "naf_code", "sign_name", "chain_type", "notes", "visit_state"]
OBSERVED_VALUES = ["status", "activity_group", "naf_code", "sign_name", "chain_type", "notes"]


def premises_with_signs(conn) -> pd.DataFrame:
    """Live point premises: ``premise, x, y, sign_name`` (the sign of their latest observation
    that names one, campaigns in chronological order)."""
    rows = conn.execute(
        "SELECT p.uuid, p.geom, (SELECT o.sign_name FROM premise_observations o "
        "JOIN campaigns c ON c.uuid = o.campaign_uuid WHERE o.premise_uuid = p.uuid "
        "AND o.sign_name IS NOT NULL ORDER BY coalesce(c.start_date, c.year || '-01-01') DESC, "
        "o.fid DESC LIMIT 1) AS sign FROM premises p WHERE p.retired_at IS NULL").fetchall()
    data = []
    for r in rows:
        if r["geom"] is None:
            continue
        kind, shape = geometry.decode(r["geom"])
        if kind != "point":
            continue
        data.append((r["uuid"], float(shape[0]), float(shape[1]), r["sign"]))
    return pd.DataFrame(data, columns=["premise", "x", "y", "sign_name"])


def known_sources(conn, source: str) -> Dict[str, str]:
    """``{source_id: premise uuid}`` of the ids of ``source`` already linked."""
    return tables.key_map(conn, "premise_sources", "source_id", "premise_uuid",
                          {"source": source})


def write_premises(conn, premises: Sequence[tuple], links: Sequence[tuple],
                   seen: Sequence[Tuple[str, str, str]]) -> None:
    """Insert ``premises`` (:data:`PREMISE_COLUMNS`) and ``links`` (:data:`LINK_COLUMNS`);
    ``seen`` = (stamp, source, source_id) refreshes ``last_seen`` of known links."""
    tables.insert(conn, "premises", PREMISE_COLUMNS, premises)
    tables.insert(conn, "premise_sources", LINK_COLUMNS, links)
    tables.update(conn, "premise_sources", "uuid", (
        {"uuid": uid, "last_seen": stamp} for stamp, uid in _link_uuids(conn, seen)),
        touch=False)
    if premises:
        gpkg.update_extent(conn, "premises")
    for table in ("premises", "premise_sources"):
        gpkg.touch(conn, table)


def _link_uuids(conn, seen):
    by_key = {}
    for stamp, source, sid in seen:
        by_key.setdefault(source, {})[sid] = stamp
    for source, stamps in by_key.items():
        for sid, uid in tables.key_map(conn, "premise_sources", "source_id", "uuid",
                                       {"source": source}).items():
            if sid in stamps:
                yield stamps[sid], uid


def observation_states(conn, campaign_uuid: str) -> Dict[str, Tuple[str, str]]:
    """``{premise uuid: (status, visit_state)}`` of the observations of a campaign."""
    return {r["premise_uuid"]: (r["status"], r["visit_state"]) for r in tables.rows(
        conn, "premise_observations", ["premise_uuid", "status", "visit_state"],
        {"campaign_uuid": campaign_uuid})}


def write_observations(conn, campaign_uuid: str, inserts: Sequence[tuple],
                       updates: Sequence[Tuple[str, tuple]]) -> None:
    """Insert observations (:data:`OBSERVATION_COLUMNS`) and overwrite the observed values
    (:data:`OBSERVED_VALUES`) of ``updates`` = (premise uuid, values) in the campaign."""
    tables.insert(conn, "premise_observations", OBSERVATION_COLUMNS, inserts)
    for premise, values in updates:
        tables.update_where(conn, "premise_observations", dict(zip(OBSERVED_VALUES, values)),
                            {"premise_uuid": premise, "campaign_uuid": campaign_uuid})
    gpkg.touch(conn, "premise_observations")


def set_diffusion_status(conn, source: str, statuses: Dict[str, str]) -> set:
    """Record INSEE's diffusion status (``{source_id: 'O' | 'P' | 'N'}``) on the links of
    ``source`` (inside the caller's transaction); returns the source ids that are linked."""
    linked = set(known_sources(conn, source)) & set(statuses)
    for code in sorted({statuses[s] for s in linked}):
        ids = sorted(s for s in linked if statuses[s] == code)
        for start in range(0, len(ids), 500):
            tables.update_where(conn, "premise_sources", {"diffusion_status": code},
                                {"source": source, "source_id": ids[start:start + 500]})
    return linked
