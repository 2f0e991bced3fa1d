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
adds nothing. Everything is written in one transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from typing import Optional

import pandas as pd

from ...store import campaigns, geometry, gpkg
from ...store.writers import premises as writer
from ..sources.sirene import match_candidates
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid, text_or_none

CANDIDATE_COLUMNS = ["source_id", "x", "y", "sign_name", "address", "street", "commune_code",
                     "status", "activity_group", "naf_code", "chain_type", "row"]
REVIEW_COLUMNS = ["source_id", "row", "sign_name", "activity_group", "naf_code", "address",
                  "x", "y", "premise_uuid", "distance", "similarity", "nearby"]


def campaign_target(conn, campaign: Optional[str], create_campaign_year: Optional[int]):
    """(uuid of the campaign named ``campaign``, None) or, when it does not exist and
    ``create_campaign_year`` is given, (None, (name, year)) to create it with the import."""
    if not campaign:
        return None, None
    try:
        return campaigns.find(conn, campaign, when_empty=None)["uuid"], None
    except campaigns.CampaignLookupError as exc:
        if create_campaign_year is None:
            raise ImportRefusedError(str(exc)) from exc
        return None, (campaign, create_campaign_year)


def import_candidates(run: ImportRun, candidates: pd.DataFrame, *, target: tuple,
                      max_distance: float, min_similarity: float, note_prefix: str,
                      filtered: dict, after=None) -> ImportResult:
    """:func:`apply_candidates` in the run's transaction (which records its rejections); the
    :class:`ImportResult` of a candidate source. ``after(conn)`` runs in the same transaction,
    after the candidates are written."""
    campaign_uuid, create_as = target
    with run.writing() as conn:
        applied = apply_candidates(
            conn, run.source, candidates, srs_id=run.srs_id, campaign_uuid=campaign_uuid,
            create_campaign_as=create_as, max_distance=max_distance,
            min_similarity=min_similarity, note_prefix=note_prefix, checkpoint=run.checkpoint)
        if after is not None:
            after(conn)
    run.progress(100)
    c = applied["counts"]
    result = run.result
    result.counts, result.review = c, applied["review"]
    result.filtered, result.campaign_uuid = dict(filtered), applied["campaign_uuid"]
    result.added = {"premises": c["new"], "premise_sources": c["new"] + c["matched"],
                    "premise_observations": c["observations"]}
    result.updated = {"premise_observations": c["observations_filled"]}
    result.unchanged = {"premise_sources": c["known"]}
    return result


def apply_candidates(conn, source: str, candidates: pd.DataFrame, *, srs_id: int,
                     campaign_uuid: Optional[str] = None, create_campaign_as=None,
                     max_distance: float = 25.0, min_similarity: float = 0.8,
                     note_prefix: str = "", checkpoint=None) -> dict:
    """Match and write the candidates (see module docstring), inside the caller's transaction.

    ``create_campaign_as`` = (name, year) creates that campaign first. ``checkpoint()`` runs
    after matching and before returning (raise from it to cancel).
    Returns ``{"counts": {...}, "review": DataFrame, "campaign_uuid": uuid}``.
    """
    cand = candidates.reset_index(drop=True)
    premises = writer.premises_with_signs(conn)
    known = writer.known_sources(conn, source)
    match = match_candidates(cand[["source_id", "x", "y", "sign_name"]], premises,
                             max_distance=max_distance, min_similarity=min_similarity,
                             known=known)
    if checkpoint is not None:
        checkpoint()
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
                text_or_none(c["commune_code"]), 1, stamp, f"{note_prefix}{sid}".strip(),
                geometry.encode_point(c["x"], c["y"], srs_id)))
            links.append((new_uuid(), premise, source, sid, stamp, stamp))
        elif dec == "matched":
            links.append((new_uuid(), premise, source, sid, stamp, stamp))
        elif dec == "known":
            touched.append((stamp, source, sid))
        else:
            continue
        target_of.setdefault(premise, i)  # first candidate wins for one premise

    if create_campaign_as is not None:
        campaign_uuid = campaigns.create(conn, *create_campaign_as)
    writer.write_premises(conn, new_premises, links, touched)
    observed = filled = 0
    if campaign_uuid:
        observed, filled = _observations(conn, campaign_uuid, records, target_of, note_prefix)
    counts["observations"] = observed
    counts["observations_filled"] = filled
    if checkpoint is not None:
        checkpoint()
    return {"counts": counts, "review": review, "campaign_uuid": campaign_uuid}


def _observations(conn, campaign_uuid, records, target_of, note_prefix) -> tuple:
    existing = writer.observation_states(conn, campaign_uuid)
    inserts, updates = [], []
    for premise, i in target_of.items():
        c = records[i]
        values = (text_or_none(c["status"]) or "occupied", text_or_none(c["activity_group"]),
                  text_or_none(c["naf_code"]), text_or_none(c["sign_name"]),
                  text_or_none(c["chain_type"]))
        note = f"{note_prefix}{c['source_id']}".strip()
        if premise not in existing:
            inserts.append((new_uuid(), premise, campaign_uuid, *values, note, "to_confirm"))
        elif existing[premise] == ("unknown", "to_confirm"):
            updates.append((premise, (*values, note)))
    writer.write_observations(conn, campaign_uuid, inserts, updates)
    return len(inserts), len(updates)
