"""Expectations job (indicator 12): design-based means and shares of the questionnaire's
opinion and wish questions, for the territory, per centrality and per population group.

Figures (weighted by the weighting run, 95 % intervals by linearisation as ``survey::svymean``,
:mod:`analysis.survey_estimates`); a respondent who did not answer a question, or was not asked
it, is left out of that figure's denominator:

- ``expect_satisfaction_<topic>_mean``: mean satisfaction score (1–5);
- ``expect_satisfaction_<topic>_satisfied``: share satisfied, score 4 or 5 (%);
- ``expect_missing_<group>``: share saying the activity group is missing in the town centre
  (%; "none" is an answer, counted in the denominator);
- ``expect_priority_<priority>``: share naming the priority (%; among those who named any);
- ``expect_opening_wish_<wish>``: share wishing that opening time (%; asked to those scoring
  opening hours 1 or 2);
- ``expect_producer_interest_<answer>`` and ``expect_producers_interested`` (very or somewhat
  interested in local producers, %); ``expect_short_circuit_<frequency>`` (%);
- ``expect_producer_channel_<channel>``: share wishing that channel (%; asked to those
  interested).

Domains (see :mod:`jobs.survey_data` for the indicator codes): the whole territory; each
centrality's visitors (who visit it at least monthly) and the respondents interviewed there;
each age band, occupation, household with or without children, with or without a car, and
home zone. Publication rules: cells under 11 respondents emptied (never written to
``indicators``), under 30 flagged low precision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..analysis.survey_estimates import (
    category_indicators,
    multi_choice_indicators,
    scores,
    share_indicator,
    survey_means,
)
from ..store import survey_results
from ..store.schema.survey import load_layout
from . import survey_data as sd
from .survey_weighting import WeightedAnswers, load_design

ALGORITHM_ID = "observatoire:expectations"
PREFIX = "expect_"
SCORE_UNIT = "score (1-5)"


@dataclass(frozen=True)
class Variable:
    code: str        # indicator code (without domain suffix)
    question: str    # questionnaire question
    item: str        # topic or choice
    statistic: str   # "mean" or "share"

    @property
    def unit(self) -> str:
        return SCORE_UNIT if self.statistic == "mean" else "%"


def _multi(frame: pd.DataFrame, multi: pd.DataFrame, question: str, asked,
           exclude=("none",)) -> Tuple[pd.DataFrame, List[str]]:
    rows = multi[multi["question"] == question]
    choices = sorted(set(rows["choice"]) - set(exclude))
    table = multi_choice_indicators(frame.index, rows.rename(columns={"response_uuid":
                                                                      "response"}),
                                    choices, asked=asked)
    return table, choices


def variables(weighted: WeightedAnswers, multi: pd.DataFrame) -> Tuple[pd.DataFrame,
                                                                        Dict[str, Variable]]:
    """The 0/1 and score variables of every figure (columns named by indicator code)."""
    frame = weighted.responses
    columns: Dict[str, pd.Series] = {}
    meta: Dict[str, Variable] = {}

    def add(code, series, question, item, statistic):
        columns[code] = series
        meta[code] = Variable(code, question, item, statistic)

    topics = [c[len("satisfaction_"):] for c in load_layout().table("survey_responses")
              .column_names if c.startswith("satisfaction_")]
    for topic in topics:
        column = f"satisfaction_{topic}"
        if column not in frame:
            continue
        score = scores(frame[column])
        add(f"{PREFIX}satisfaction_{topic}_mean", score, column, topic, "mean")
        add(f"{PREFIX}satisfaction_{topic}_satisfied", share_indicator(score, {4, 5}),
            column, topic, "share")
    answered = frame.index.isin(multi.loc[multi["question"] == "missing_groups",
                                          "response_uuid"])
    table, choices = _multi(frame, multi, "missing_groups", answered)
    for c in choices:
        add(f"{PREFIX}missing_{c}", table[c], "missing_groups", c, "share")
    named = frame.index.isin(multi.loc[multi["question"] == "priorities", "response_uuid"])
    table, choices = _multi(frame, multi, "priorities", named)
    for c in choices:
        add(f"{PREFIX}priority_{c}", table[c], "priorities", c, "share")
    hours = pd.to_numeric(frame.get("satisfaction_opening_hours"), errors="coerce")
    table, choices = _multi(frame, multi, "opening_hours_wishes", (hours <= 2).to_numpy())
    for c in choices:
        add(f"{PREFIX}opening_wish_{c}", table[c], "opening_hours_wishes", c, "share")
    if "local_producers_interest" in frame:
        interest = frame["local_producers_interest"]
        shares = category_indicators(interest)
        for c in shares.columns:
            add(f"{PREFIX}producer_interest_{c}", shares[c], "local_producers_interest", c,
                "share")
        add(f"{PREFIX}producers_interested", share_indicator(interest, {"very", "somewhat"}),
            "local_producers_interest", "very_or_somewhat", "share")
        keen = interest.isin(["very", "somewhat"]).to_numpy()
        table, choices = _multi(frame, multi, "producer_channels", keen, exclude=())
        for c in choices:
            add(f"{PREFIX}producer_channel_{c}", table[c], "producer_channels", c, "share")
    if "short_circuit_frequency" in frame:
        shares = category_indicators(frame["short_circuit_frequency"])
        for c in shares.columns:
            add(f"{PREFIX}short_circuit_{c}", shares[c], "short_circuit_frequency", c,
                "share")
    return pd.DataFrame(columns, index=frame.index), meta


def estimates(conn, weighted: WeightedAnswers, data: pd.DataFrame) -> pd.DataFrame:
    """Estimates per domain: domain_kind, domain, domain_name, centrality_uuid, variable,
    respondents, weighted_total, mean, se, ci_low, ci_high (unit of the variable, 0–1)."""
    design = weighted.design
    data = data.reindex(design.index)
    parts = []
    whole = survey_means(design, data)
    whole.insert(0, "domain", None)
    whole.insert(0, "domain_kind", sd.TERRITORY)
    parts.append(whole)
    cents = sd.centralities(conn)
    codes = [c for c in cents["code"] if c]
    for kind, members in ((sd.VISITORS, sd.visitor_domains(conn, design.index, codes)),
                          (sd.INTERVIEWED, sd.interview_domains(
                              weighted.responses.reindex(design.index), codes))):
        part = survey_means(design, data, domains=members)
        part.insert(0, "domain_kind", kind)
        parts.append(part)
    for kind, groups in sd.profile_groups(weighted.responses.reindex(design.index),
                                          weighted.zones).items():
        part = survey_means(design, data, by=groups.rename("domain"))
        part.insert(0, "domain_kind", kind)
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    uuid_of = dict(zip(cents["code"], cents["uuid"]))
    name_of = dict(zip(cents["code"], cents["name"]))
    central = out["domain_kind"].isin([sd.VISITORS, sd.INTERVIEWED])
    out["centrality_uuid"] = np.where(central, out["domain"].map(uuid_of), None)
    out["domain_name"] = np.where(central, out["domain"].map(name_of), out["domain"])
    return out


@dataclass
class ExpectationsOutcome:
    table: pd.DataFrame     # published figures (secrecy applied)
    rows: List[dict]        # indicator rows (publishable cells only)
    period: str
    weighted: WeightedAnswers
    indicators: int = 0


def compute(conn, *, run: Optional[str] = None) -> ExpectationsOutcome:
    """Every expectation figure of the weighted answers of ``run`` (nothing written)."""
    weighted = load_design(conn, run)
    multi = survey_results.multi_answers(conn)
    data, meta = variables(weighted, multi)
    raw = estimates(conn, weighted, data)
    period = weighted.run.get("period") or sd.period_of(weighted.responses)
    share = raw["variable"].map(lambda v: meta[v].statistic == "share").to_numpy()
    scale = np.where(share, 100.0, 1.0)
    table = pd.DataFrame({
        "domain_kind": raw["domain_kind"], "domain": raw["domain"],
        "domain_name": raw["domain_name"], "centrality_uuid": raw["centrality_uuid"],
        "indicator": raw["variable"],
        "question": raw["variable"].map(lambda v: meta[v].question),
        "item": raw["variable"].map(lambda v: meta[v].item),
        "statistic": raw["variable"].map(lambda v: meta[v].statistic),
        "unit": raw["variable"].map(lambda v: meta[v].unit),
        "respondents": raw["respondents"].astype(np.int64),
        "value": raw["mean"] * scale,
        "ci_low": np.where(share, sd.percent(raw["ci_low"]), raw["ci_low"]),
        "ci_high": np.where(share, sd.percent(raw["ci_high"]), raw["ci_high"])})
    table = table[table["respondents"] > 0].reset_index(drop=True)
    rows = []
    for r in table.to_dict("records"):
        kind = r["domain_kind"]
        row = sd.survey_indicator(sd.domain_scope(kind), r["centrality_uuid"],
                                  sd.domain_code(r["indicator"], kind, r["domain"]), period,
                                  r["value"], r["unit"], r["respondents"], r["ci_low"],
                                  r["ci_high"])
        if row is not None:
            rows.append(row)
    published = sd.publish(table, ["value", "ci_low", "ci_high"])
    return ExpectationsOutcome(published, rows, period, weighted)


def write(conn, outcome: ExpectationsOutcome) -> int:
    """Replace the expectation indicators of the period (one transaction)."""
    return sd.save(conn, outcome, ALGORITHM_ID, {"weighting_run": outcome.weighted.run["uuid"]},
                   [PREFIX])
