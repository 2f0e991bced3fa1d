"""Consumption typology job (indicator 11): the behaviour answers of the weighted respondents,
MCA + Ward + consolidation (:func:`analysis.typology.consumption_typology`), the stored run,
type shares per centrality and home zone.

Behaviour questions (one categorical column each; a missing answer is a category, e.g.
"not asked"):

- ``centre_frequency``: how often the respondent comes to the main centrality (the first
  primary one), ``not_visited`` when they do not visit it monthly;
- ``centre_mode``: the usual mode to it (to the first centrality visited otherwise,
  ``no_visit`` when none);
- ``centralities_visited``: how many centralities they visit monthly (0, 1, 2, 3+);
- ``reason_<reason>``: yes / no, the reason ticked for any centrality visited (reasons
  nobody or everybody ticked are left out);
- ``purchase_<category>``: where each purchase category is mostly bought;
- ``online_share``, ``short_circuit_frequency``;
- ``channel_<channel>``: yes / no, the ways they would buy from local producers (no for
  those not asked: they were not interested).

Weights: the weighting run's. The number of types is chosen from the inertia gains in
[``min_types``, ``max_types``] unless given; above 2 000 respondents the rows are first
pre-clustered into 100 k-means clusters (HCPC's ``kk``).

Consolidation of Ward's classes (:mod:`analysis.hcpc`): ``"weighted"`` (default) runs
FactoMineR's k-means consolidation with the survey weights, consistent with the weighted MCA
and Ward; ``"factominer"`` runs it unweighted, as FactoMineR's ``HCPC`` (``stats::kmeans``
ignores row weights): the classes then agree exactly with R's; ``"none"`` keeps Ward's
classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional

import numpy as np
import pandas as pd

from ..analysis.mca import TypologyInputError
from ..analysis.network import CancelledError
from ..analysis.survey_estimates import category_indicators, survey_means
from ..analysis.typology import TypologyResult, consumption_typology, type_names
from ..i18n import tr
from ..store import gpkg, survey_results
from ..store.survey import purchase_categories
from . import survey_data as sd
from .survey_weighting import WeightedAnswers, load_design

__all__ = ["ALGORITHM_ID", "CancelledError", "TypologyOutcome", "behaviour_answers", "compute",
           "default_names", "dominant_types", "indicator_rows", "published_answers",
           "published_types", "store", "stored_types", "type_lines", "type_shares"]

ALGORITHM_ID = "observatoire:consumption_typology"
SHARE_CODE = "typology_share_type"
KK_ABOVE = 2000
KK = 100

Labeller = Callable[[str, str], str]


def _main_centrality(codes: pd.DataFrame) -> Optional[str]:
    primary = codes[codes["level"] == "primary"]
    pick = primary if len(primary) else codes
    return pick["code"].iloc[0] if len(pick) else None


def behaviour_answers(responses: pd.DataFrame, visits: pd.DataFrame, multi: pd.DataFrame,
                      main: Optional[str]) -> pd.DataFrame:
    """The behaviour questions (module docstring) of ``responses`` (index: response uuid)."""
    index = responses.index
    out = pd.DataFrame(index=index)
    mine = visits[visits["response_uuid"].isin(index)]
    at_main = mine[mine["centrality_code"] == main].drop_duplicates("response_uuid") \
        .set_index("response_uuid")
    first = mine.drop_duplicates("response_uuid").set_index("response_uuid")
    out["centre_frequency"] = at_main["frequency"].reindex(index).fillna("not_visited")
    mode = at_main["transport_mode"].reindex(index)
    out["centre_mode"] = mode.fillna(first["transport_mode"].reindex(index)).fillna("no_visit")
    counts = mine.groupby("response_uuid").size().reindex(index).fillna(0).astype(int)
    out["centralities_visited"] = np.where(counts >= 3, "3+", counts.astype(str))
    reasons = multi[(multi["question"] == "visit_reasons") & multi["response_uuid"].isin(index)]
    for reason in sorted(reasons["choice"].unique()):
        who = set(reasons.loc[reasons["choice"] == reason, "response_uuid"])
        column = np.where(index.isin(list(who)), "yes", "no")
        if 0 < (column == "yes").sum() < len(index):
            out[f"reason_{reason}"] = column
    for category in purchase_categories():
        column = f"purchase_{category}"
        if column in responses:
            out[column] = responses[column]
    for column in ("online_share", "short_circuit_frequency"):
        if column in responses:
            out[column] = responses[column]
    channels = multi[(multi["question"] == "producer_channels")
                     & multi["response_uuid"].isin(index)]
    for channel in sorted(channels["choice"].unique()):
        who = set(channels.loc[channels["choice"] == channel, "response_uuid"])
        out[f"channel_{channel}"] = np.where(index.isin(list(who)), "yes", "no")
    keep = [c for c in out.columns if out[c].astype(str).nunique(dropna=False) > 1]
    return out[keep]


def answer_labels(answers: pd.DataFrame, question_label: Optional[Labeller] = None,
                  choice_label: Optional[Labeller] = None) -> Dict[tuple, str]:
    """``(column, category)`` → readable text for the type names, from the caller's labels of
    questions and choices (codes when none)."""
    def q(name):
        return question_label("question", name) if question_label else name

    def c(question, value):
        return choice_label(question, value) if choice_label else value

    labels = {}
    for column in answers.columns:
        values = sorted(set(answers[column].dropna().astype(str)))
        for value in values:
            if column.startswith(("reason_", "channel_")):
                base, code = column.split("_", 1)
                source = "visit_reasons" if base == "reason" else "producer_channels"
                text = c(source, code)
                labels[(column, value)] = text if value == "yes" else \
                    tr("not: {choice}").format(choice=text)
            elif column == "centre_frequency":
                labels[(column, value)] = tr("main centre: {answer}").format(
                    answer=tr("not visited") if value == "not_visited" else c("frequency", value))
            elif column == "centre_mode":
                labels[(column, value)] = tr("comes by: {answer}").format(
                    answer=tr("no visit") if value == "no_visit" else c("transport_mode",
                                                                       value))
            elif column == "centralities_visited":
                labels[(column, value)] = tr("{n} centralities visited").format(n=value)
            else:
                labels[(column, value)] = f"{q(column)}: {c(column, value)}"
    return labels


@dataclass
class TypologyOutcome:
    run_uuid: Optional[str]
    result: TypologyResult
    weighted: WeightedAnswers
    answers: pd.DataFrame
    types: pd.DataFrame            # type, name, respondents, weight, share (%), ci, flags
    description: pd.DataFrame      # type, name, question, category, label, v_test…
    shares: pd.DataFrame           # domain_kind, domain, centrality_uuid, type, share…
    dominant: pd.DataFrame         # home zone, dominant type, share, respondents, reason
    period: str
    indicators: int = 0


def compute(conn, *, run: Optional[str] = None, n_types: Optional[int] = None,
            ncp: int = 5, min_types: int = 3, max_types: int = 10, seed: int = 0,
            consolidation: str = "weighted",
            question_label: Optional[Labeller] = None, choice_label: Optional[Labeller] = None,
            progress: Optional[Callable[[int, int], bool]] = None) -> TypologyOutcome:
    """The typology of the weighted respondents of ``run`` (module docstring; ``consolidation``
    ``"weighted"``, ``"factominer"`` or ``"none"``); nothing written."""
    weighted = load_design(conn, run)
    cents = sd.centralities(conn)
    answers = behaviour_answers(weighted.responses, survey_results.visits(conn),
                                survey_results.multi_answers(conn),
                                _main_centrality(cents))
    labels = answer_labels(answers, question_label, choice_label)
    n = len(answers)
    try:
        result = consumption_typology(
            answers, weighted.weights.reindex(answers.index).to_numpy(), ncp=ncp,
            n_types=n_types, kk=KK if n > KK_ABOVE else None, min_types=min_types,
            max_types=max_types, labels=labels, seed=seed, consolidation=consolidation,
            progress=progress)
    except TypologyInputError as exc:
        raise sd.SurveyJobError(sd.typology_message(exc)) from exc
    except CancelledError:
        raise
    period = weighted.run.get("period") or sd.period_of(weighted.responses)
    names = default_names(result, labels)
    types = _types(weighted, result, names)
    description = result.description.copy()
    description.insert(1, "name", description["type"].map(names))
    description.insert(4, "label", [labels.get((q, c), f"{q}: {c}") for q, c in
                                    zip(description["question"], description["category"])])
    shares = type_shares(conn, weighted, result.types, cents)
    dominant = dominant_types(shares, names)
    return TypologyOutcome(None, result, weighted, answers, types, description, shares,
                           dominant, period)


ANSWER_FIGURES = ["cla_mod", "mod_cla", "p_value", "v_test"]


def published_types(types: pd.DataFrame) -> pd.DataFrame:
    """The types table as it leaves the algorithm: the publication rules of
    :func:`jobs.survey_data.publish` on each type's respondents (a type of fewer than 11 has
    no weight, share nor interval, and the reason; under 30 it is flagged low precision)."""
    return sd.publish(types, ["weight", "share", "ci_low", "ci_high"])


def published_answers(description: pd.DataFrame, types: pd.DataFrame) -> pd.DataFrame:
    """The characteristic answers as they leave the algorithm, with the respondents of their
    type: the figures that describe a type of fewer than 11 respondents (share of the type
    giving the answer and the reverse, p-value, test-value) are emptied, the reason given."""
    sizes = types.set_index("type")["respondents"]
    frame = description.copy()
    frame["respondents"] = frame["type"].map(sizes).astype(np.int64)
    return sd.publish(frame, [c for c in ANSWER_FIGURES if c in frame.columns])


def type_lines(types: pd.DataFrame) -> List[str]:
    """One log line per type of the published types table (:func:`published_types`)."""
    lines = []
    for r in types.itertuples(index=False):
        if isinstance(r.reason, str):
            lines.append(tr("  type {k}: {name} — share not published ({n} respondents: "
                            "{reason})").format(k=r.type, name=r.name, n=r.respondents,
                                                reason=r.reason))
            continue
        text = tr("  type {k}: {name} — {share:.1f} % ({n} respondents)").format(
            k=r.type, name=r.name, share=r.share, n=r.respondents)
        if r.low_precision:
            text += " " + tr("(low precision: fewer than 30 respondents)")
        lines.append(text)
    return lines


def default_names(result: TypologyResult, labels: Mapping) -> Dict[int, str]:
    """Default type names from the strongest over-represented answers, leaving out the "no"
    of the yes / no questions (a type is named by what its members do)."""
    description = result.description
    negative = (description["category"] == "no") & description["question"].str.startswith(
        ("reason_", "channel_"))
    names = type_names(description[~negative.to_numpy()], labels)
    return {t: names.get(t, tr("Type {k}").format(k=t)) for t in result.names}


def _types(weighted: WeightedAnswers, result: TypologyResult,
           names: Mapping[int, str]) -> pd.DataFrame:
    """Per type: name, respondents, weighted share (%) with its 95 % interval."""
    indicators = category_indicators(result.types, sorted(result.names), prefix="")
    estimates = survey_means(weighted.design, indicators.reindex(weighted.design.index))
    table = result.summary.copy()
    table["name"] = table["type"].map(names)
    table["share"] = sd.percent(estimates["mean"])
    table["ci_low"] = sd.percent(estimates["ci_low"])
    table["ci_high"] = sd.percent(estimates["ci_high"])
    return table[["type", "name", "respondents", "weight", "share", "ci_low", "ci_high"]]


def type_shares(conn, weighted: WeightedAnswers, types: pd.Series,
                cents: pd.DataFrame) -> pd.DataFrame:
    """Weighted share of each type among the visitors of each centrality, in each home zone
    and in the territory: domain_kind, domain, centrality_uuid, type, respondents (of the
    domain), share, ci_low, ci_high (0–1)."""
    design = weighted.design
    index = design.index
    indicators = category_indicators(types.reindex(index), sorted(types.unique()), prefix="")
    parts = []
    whole = survey_means(design, indicators)
    whole.insert(0, "domain", None)
    whole.insert(0, "domain_kind", sd.TERRITORY)
    parts.append(whole)
    codes = [c for c in cents["code"] if c]
    visitors = sd.visitor_domains(conn, index, codes)
    by_centre = survey_means(design, indicators, domains=visitors)
    by_centre.insert(0, "domain_kind", sd.VISITORS)
    parts.append(by_centre)
    zones = weighted.zones.reindex(index)
    if zones.notna().any():
        by_zone = survey_means(design, indicators, by=zones.rename("domain"))
        by_zone.insert(0, "domain_kind", sd.HOME_ZONE)
        parts.append(by_zone)
    out = pd.concat(parts, ignore_index=True)
    out = out.rename(columns={"variable": "type", "mean": "share"})
    out["type"] = out["type"].astype(int)
    uuid_of = dict(zip(cents["code"], cents["uuid"]))
    name_of = dict(zip(cents["code"], cents["name"]))
    out["centrality_uuid"] = np.where(out["domain_kind"] == sd.VISITORS,
                                      out["domain"].map(uuid_of), None)
    out["domain_name"] = np.where(out["domain_kind"] == sd.VISITORS,
                                  out["domain"].map(name_of), out["domain"])
    return out[["domain_kind", "domain", "domain_name", "centrality_uuid", "type",
                "respondents", "share", "se", "ci_low", "ci_high"]]


def dominant_types(shares: pd.DataFrame, names: Mapping[int, str]) -> pd.DataFrame:
    """Per home zone, its dominant type (largest weighted share), with the publication rules:
    a zone of fewer than 11 respondents gets no type and the reason."""
    zones = shares[shares["domain_kind"] == sd.HOME_ZONE]
    rows = []
    for zone, group in zones.groupby("domain", sort=True):
        best = group.sort_values(["share", "type"], ascending=[False, True]).iloc[0]
        rows.append({"zone": zone, "type": int(best["type"]),
                     "type_name": names.get(int(best["type"])),
                     "share": 100 * float(best["share"]),
                     "respondents": int(group["respondents"].max())})
    frame = pd.DataFrame(rows, columns=["zone", "type", "type_name", "share", "respondents"])
    out = sd.publish(frame, ["share"])
    hidden = out["reason"].notna()
    out["type"] = out["type"].astype("Int64").where(~hidden)
    out["type_name"] = out["type_name"].where(~hidden, None)
    return out


def indicator_rows(outcome: TypologyOutcome) -> List[dict]:
    """``typology_share_type<k>`` per centrality (visitors), home zone and territory (%)."""
    rows = []
    for r in outcome.shares.to_dict("records"):
        kind = r["domain_kind"]
        code = sd.domain_code(f"{SHARE_CODE}{int(r['type'])}", kind, r["domain"])
        row = sd.survey_indicator(sd.domain_scope(kind), r["centrality_uuid"], code,
                                  outcome.period, 100 * r["share"], "%", r["respondents"],
                                  100 * r["ci_low"], 100 * r["ci_high"])
        if row is not None:
            rows.append(row)
    return rows


def store(conn, outcome: TypologyOutcome, *, name: Optional[str] = None,
          write_indicators: bool = True, parameters: Optional[dict] = None) -> str:
    """Write the run (types, response types, characteristic answers) and its indicators in
    one transaction; returns the run's uuid."""
    result = outcome.result
    eig = result.mca.eigenvalues
    kept = float(eig["percent"].iloc[:result.mca.ncp].sum()) if len(eig) else None
    types = outcome.types.assign(default_name=outcome.types["name"])
    types = types[["type", "name", "default_name", "respondents", "weight", "share"]].copy()
    types["share"] = types["share"] / 100.0
    description = outcome.description.rename(columns={"global": "global_share"})[
        ["type", "question", "category", "cla_mod", "mod_cla", "global_share", "p_value",
         "v_test"]]
    response_types = pd.DataFrame({"response_uuid": result.types.index.to_numpy(),
                                   "type": result.types.to_numpy(dtype=np.int64)})
    run = {"name": name or None, "period": outcome.period,
           "weighting_run_uuid": outcome.weighted.run["uuid"],
           "questions": list(outcome.answers.columns), "n_types": int(result.hcpc.n_clusters),
           "ncp": int(result.mca.ncp), "kk": result.hcpc.kk,
           "chosen": int(bool((parameters or {}).get("chosen", True))),
           "respondents": int(len(result.types)), "inertia_kept": kept,
           "consolidated": int(result.hcpc.consolidated), "parameters": parameters or {}}
    with gpkg.transaction(conn):
        run_uuid = survey_results.write_typology_run(conn, run, types, response_types,
                                                     description)
        outcome.run_uuid = run_uuid
        if write_indicators:
            outcome.indicators = survey_results.replace_indicators(
                conn, indicator_rows(outcome), algorithm=ALGORITHM_ID, period=outcome.period,
                parameters={"typology_run": run_uuid, **(parameters or {})},
                prefixes=[SHARE_CODE])
    return run_uuid


def stored_types(conn, reference: Optional[str] = None) -> tuple:
    """(typology run, response types Series by response uuid, names {type: name}) of the run
    ``reference`` (the latest when empty), or a refusal naming what to run first."""
    run = survey_results.typology_run(conn, reference)
    if run is None:
        raise sd.SurveyJobError(tr(
            "No consumption typology in the GeoPackage: run “Consumption typology” "
            "(observatoire:consumption_typology) first."))
    table = survey_results.response_types(conn, run["uuid"])
    names = survey_results.types(conn, run["uuid"])
    return (run, table.set_index("response_uuid")["type"].astype(int),
            {int(t): n for t, n in zip(names["type"], names["name"])})
