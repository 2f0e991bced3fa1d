"""Candidate premises from an external source (SIRENE, OpenStreetMap) applied to the socle.

:func:`apply_candidates` takes validated candidates already in the GeoPackage CRS and, for each,
follows the decision of :func:`store.sources.sirene.match_candidates`:

- ``known`` (its source id is in ``premise_sources``): ``last_seen`` is refreshed;
- ``matched`` (a premise within the distance whose sign is similar): the source id is linked
  to that premise;
- ``new`` (no premise within the distance): a premise is created and linked;
- ``review`` (premises nearby, no similar sign): nothing is written; the row is returned for a
  human to decide (a new occupant of an existing shop front, or a shop upstairs).

With a campaign, every known / matched / new premise that has no observation in it gets one,
marked ``to_confirm`` (pre-filled from the source, to be checked in the field); an observation
that exists already is left alone, except a ``to_confirm`` one with status ``unknown`` (a premise
without history), which takes the source's status and activity. So re-importing the same file
adds nothing. Everything is written in one transaction.
"""

from __future__ import annotations

from typing import Optional

import pandas as pd

from ...store import geometry, gpkg
from ..sources.sirene import match_candidates
from .common import (
    ImportResult,
    checkpoint,
    create_campaign,
    find_campaign,
    new_uuid,
    text_or_none,
    write_rejections,
)

CANDIDATE_COLUMNS = ["source_id", "x", "y", "sign_name", "address", "street", "commune_code",
                     "status", "activity_group", "naf_code", "chain_type", "row"]
REVIEW_COLUMNS = ["source_id", "row", "sign_name", "activity_group", "naf_code", "address",
                  "x", "y", "premise_uuid", "distance", "similarity", "nearby"]


def premises_with_signs(conn) -> pd.DataFrame:
    """Live premises (premise, x, y) with the sign of their latest observation."""
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


def known_sources(conn, source: str) -> dict:
    return dict(conn.execute("SELECT source_id, premise_uuid FROM premise_sources "
                             "WHERE source = ?", (source,)).fetchall())


def campaign_target(conn, campaign: Optional[str], create_campaign_year: Optional[int]):
    """(uuid of the campaign named ``campaign``, None) or, when it does not exist and
    ``create_campaign_year`` is given, (None, (name, year)) to create it with the import."""
    try:
        return find_campaign(conn, campaign), None
    except ValueError:
        if create_campaign_year is None:
            raise
        return None, (campaign, create_campaign_year)


def import_candidates(conn, source: str, path, report, candidates: pd.DataFrame, *,
                      srs_id: int, target: tuple, max_distance: float,
                      min_similarity: float, note_prefix: str, skipped: dict,
                      progress=None, is_canceled=None) -> ImportResult:
    """:func:`apply_candidates` then the rejected rows of ``report`` written in the same
    transaction; the :class:`ImportResult` of a candidate source."""
    campaign_uuid, create_as = target
    applied = apply_candidates(
        conn, source, candidates, srs_id=srs_id, campaign_uuid=campaign_uuid,
        create_campaign_as=create_as, max_distance=max_distance,
        min_similarity=min_similarity, note_prefix=note_prefix,
        before_commit=lambda c: write_rejections(c, source, path, report),
        is_canceled=is_canceled)
    if progress:
        progress(100)
    return ImportResult(source, applied["counts"], report, applied["review"], skipped,
                        applied["campaign_uuid"])


def apply_candidates(conn, source: str, candidates: pd.DataFrame, *, srs_id: int,
                     campaign_uuid: Optional[str] = None, create_campaign_as=None,
                     max_distance: float = 25.0, min_similarity: float = 0.8,
                     note_prefix: str = "", before_commit=None, is_canceled=None) -> dict:
    """Match and write the candidates (see module docstring), in one transaction.

    ``create_campaign_as`` = (name, year) creates that campaign in the same transaction.
    ``before_commit(conn)`` runs last inside the transaction (e.g. writing the rejections).
    Returns ``{"counts": {...}, "review": DataFrame, "campaign_uuid": uuid}``.
    """
    cand = candidates.reset_index(drop=True)
    premises = premises_with_signs(conn)
    known = known_sources(conn, source)
    match = match_candidates(cand[["source_id", "x", "y", "sign_name"]], premises,
                             max_distance=max_distance, min_similarity=min_similarity,
                             known=known)
    checkpoint(is_canceled)
    decision = match["decision"].to_numpy()
    stamp = gpkg.now_iso()
    counts = {"known": int((decision == "known").sum()),
              "matched": int((decision == "matched").sum()),
              "new": int((decision == "new").sum()),
              "review": int((decision == "review").sum())}

    review = cand.loc[decision == "review"].copy()
    rmatch = match.loc[decision == "review"]
    review["premise_uuid"] = rmatch["premise"].to_numpy()
    review["distance"] = rmatch["distance"].to_numpy()
    review["similarity"] = rmatch["similarity"].to_numpy()
    review["nearby"] = rmatch["nearby"].to_numpy()
    review = review.reindex(columns=REVIEW_COLUMNS).reset_index(drop=True)

    records = cand.to_dict("records")
    new_premises, links, touched = [], [], []
    target_of = {}
    for i, (sid, premise, dec) in enumerate(zip(match["source_id"], match["premise"],
                                                 decision)):
        c = records[i]
        if dec == "new":
            premise = new_uuid()
            new_premises.append((
                premise, text_or_none(c["address"]), text_or_none(c["street"]),
                text_or_none(c["commune_code"]), stamp,
                f"{note_prefix}{sid}".strip(), geometry.encode_point(c["x"], c["y"], srs_id)))
            links.append((new_uuid(), premise, source, sid, stamp, stamp))
        elif dec == "matched":
            links.append((new_uuid(), premise, source, sid, stamp, stamp))
        elif dec == "known":
            touched.append((stamp, source, sid))
        else:
            continue
        target_of.setdefault(premise, i)  # first candidate wins for one premise

    with gpkg.transaction(conn):
        if create_campaign_as is not None:
            campaign_uuid = create_campaign(conn, *create_campaign_as)
        conn.executemany(
            "INSERT INTO premises (uuid, address, street, commune_code, ground_floor, "
            "created_at, notes, geom) VALUES (?, ?, ?, ?, 1, ?, ?, ?)", new_premises)
        conn.executemany(
            "INSERT INTO premise_sources (uuid, premise_uuid, source, source_id, first_seen, "
            "last_seen) VALUES (?,?,?,?,?,?)", links)
        conn.executemany("UPDATE premise_sources SET last_seen = ? WHERE source = ? AND "
                         "source_id = ?", touched)
        observed = filled = 0
        if campaign_uuid:
            observed, filled = _observations(conn, campaign_uuid, records, target_of,
                                             note_prefix)
        counts["observations"] = observed
        counts["observations_filled"] = filled
        checkpoint(is_canceled)
        if before_commit is not None:
            before_commit(conn)
        if new_premises:
            gpkg.update_extent(conn, "premises")
        for table in ("premises", "premise_sources", "premise_observations"):
            gpkg.touch(conn, table)
    return {"counts": counts, "review": review, "campaign_uuid": campaign_uuid}


def _observations(conn, campaign_uuid, records, target_of, note_prefix) -> tuple:
    existing = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT premise_uuid, status, visit_state FROM premise_observations "
        "WHERE campaign_uuid = ?", (campaign_uuid,))}
    inserts, updates = [], []
    for premise, i in target_of.items():
        c = records[i]
        values = (text_or_none(c["status"]) or "occupied", text_or_none(c["activity_group"]),
                  text_or_none(c["naf_code"]), text_or_none(c["sign_name"]),
                  text_or_none(c["chain_type"]))
        note = f"{note_prefix}{c['source_id']}".strip()
        if premise not in existing:
            inserts.append((new_uuid(), premise, campaign_uuid, *values, note))
        elif existing[premise] == ("unknown", "to_confirm"):
            updates.append((*values, note, premise, campaign_uuid))
    conn.executemany(
        "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
        "activity_group, naf_code, sign_name, chain_type, notes, visit_state) "
        "VALUES (?,?,?,?,?,?,?,?,?, 'to_confirm')", inserts)
    conn.executemany(
        "UPDATE premise_observations SET status = ?, activity_group = ?, naf_code = ?, "
        "sign_name = ?, chain_type = ?, notes = ? WHERE premise_uuid = ? AND campaign_uuid = ?",
        updates)
    return len(inserts), len(updates)
