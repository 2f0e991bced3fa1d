"""Offer × services × expectations job: per centrality and activity group, the measured supply
(:mod:`jobs.survey_offer`: shops and services, density per 1 000 inhabitants of the walking
catchment, compared with the centralities of the same level) beside the weighted share of the
centrality's respondents who say the group is missing, and the gaps ranked per centrality
(:mod:`analysis.offer_gaps`: gap score = missing share × supply deficit).

The respondents of a centrality are its visitors (who visit it at least monthly) or those
interviewed there. A missing share of fewer than 11 respondents is not published (no score).
Indicators: ``offer_gap_<group>`` (score 0–1, with the respondents of the missing share) and
``offer_gap_rank_<group>`` per centrality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

import numpy as np
import pandas as pd

from ..analysis.offer_gaps import offer_gaps, ranked_gaps
from ..analysis.survey_estimates import multi_choice_indicators, survey_means
from ..store import survey_results
from . import survey_data as sd
from . import survey_offer
from .survey_weighting import load_design

ALGORITHM_ID = "observatoire:offer_gaps"
GAP_CODE = "offer_gap_"
RANK_CODE = "offer_gap_rank_"


def missing_shares(conn, weighted, cents: pd.DataFrame, domain: str) -> pd.DataFrame:
    """centrality (uuid), activity_group, share (0–1), respondents, ci_low, ci_high."""
    multi = survey_results.multi_answers(conn, ["missing_groups"])
    index = weighted.design.index
    answered = index.isin(multi["response_uuid"])
    groups = sorted(set(multi["choice"]) - {"none"})
    data = multi_choice_indicators(index, multi.rename(columns={"response_uuid": "response"}),
                                   groups, asked=answered)
    codes = [c for c in cents["code"] if c]
    members = sd.visitor_domains(conn, index, codes) if domain == sd.VISITORS else \
        sd.interview_domains(weighted.responses.reindex(index), codes)
    est = survey_means(weighted.design, data, domains=members)
    uuid_of = dict(zip(cents["code"], cents["uuid"]))
    return pd.DataFrame({"centrality": est["domain"].map(uuid_of),
                         "activity_group": est["variable"], "share": est["mean"],
                         "respondents": est["respondents"].astype(np.int64),
                         "ci_low": est["ci_low"], "ci_high": est["ci_high"]})


@dataclass
class GapsOutcome:
    table: pd.DataFrame        # every centrality × group (figures behind each gap)
    ranked: pd.DataFrame       # the gaps only, ranked per centrality
    rows: List[dict]
    period: str
    campaign: str
    notes: List[str] = field(default_factory=list)
    indicators: int = 0
    run_uuid: Optional[str] = None


def compute(conn, *, run: Optional[str] = None, domain: str = sd.VISITORS,
            campaign_name: Optional[str] = None, walk_minutes: float = 10.0,
            fallback_distance: float = 800.0, services: bool = True) -> GapsOutcome:
    """The gap table (nothing written)."""
    weighted = load_design(conn, run)
    cents = sd.centralities(conn)
    camp = survey_offer.campaign(conn, campaign_name)
    _summary, supply = survey_offer.offer_by_group(conn, cents, camp["uuid"], services)
    population, notes = survey_offer.walking_population(conn, cents, walk_minutes,
                                                        fallback_distance)
    table = offer_gaps(
        supply.rename(columns={"centrality_uuid": "centrality"}),
        pd.DataFrame({"centrality": cents["uuid"], "level": cents["level"],
                      "population": cents["uuid"].map(population)}),
        missing_shares(conn, weighted, cents, domain))
    names = dict(zip(cents["uuid"], cents["name"]))
    table.insert(1, "centrality_name", table["centrality"].map(names))
    table = table.rename(columns={"centrality": "centrality_uuid"})
    for column in ("missing_share", "missing_ci_low", "missing_ci_high"):
        table[column] = (100 * table[column]).clip(0, 100)
    period = weighted.run.get("period") or sd.period_of(weighted.responses)
    rows = []
    for r in table.to_dict("records"):
        score = sd.survey_indicator("centrality", r["centrality_uuid"],
                                    f"{GAP_CODE}{r['activity_group']}", period,
                                    r["gap_score"], "score (0-1)", r["respondents"])
        if score is None:
            continue
        rows.append(score)
        if r["rank"] == r["rank"]:
            rank = dict(score, indicator=f"{RANK_CODE}{r['activity_group']}",
                        value=float(r["rank"]), unit="rank")
            rows.append(rank)
    published = sd.publish(table, ["missing_share", "missing_ci_low", "missing_ci_high",
                                   "gap_score"])
    ranked = ranked_gaps(table.rename(columns={"centrality_uuid": "centrality"})) \
        .rename(columns={"centrality": "centrality_uuid"})
    ranked = sd.publish(ranked, [])
    return GapsOutcome(published, ranked, rows, period, camp["name"], notes,
                       run_uuid=weighted.run["uuid"])


def write(conn, outcome: GapsOutcome) -> int:
    return sd.save(conn, outcome, ALGORITHM_ID,
                   {"weighting_run": outcome.run_uuid, "campaign": outcome.campaign}, [GAP_CODE])
