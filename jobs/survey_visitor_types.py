"""Offer × flows × typologies job: per centrality, its offer (premises, shops, vacancy rate,
activity groups, Shannon diversity), its footfall, and the mix of consumption types among its
visitors against the territory's.

For a centrality k and a type t (weighted by the weighting run the typology used; visitors: the
respondents who visit k at least monthly):

    share(k, t)      = weighted share of type t among k's visitors          [%]
    territory(t)     = weighted share of type t among every respondent      [%]
    index(k, t)      = 100 × share(k, t) / territory(t)     (100 = as the territory)

k *attracts* t when the 95 % interval of share(k, t) lies above territory(t), *fails to
attract* it when it lies below, and is *like the territory* otherwise. Publication rules: a
centrality with fewer than 11 visitor respondents gets no share, index nor verdict. Indicator:
``typology_attraction_type<k>`` (index) per centrality. Offer and footfall:
:mod:`jobs.survey_offer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

import numpy as np
import pandas as pd

from ..analysis.secrecy import MIN_RESPONDENTS
from ..i18n import tr
from . import survey_data as sd
from . import survey_offer
from .survey_typology import stored_types, type_shares
from .survey_weighting import load_design

ALGORITHM_ID = "observatoire:offer_flows_typologies"
INDEX_CODE = "typology_attraction_type"
ATTRACTS, FAILS, LIKE = "attracts", "fails_to_attract", "like_territory"


@dataclass
class VisitorTypesOutcome:
    table: pd.DataFrame
    rows: List[dict]
    period: str
    campaign: str
    typology_run: str
    notes: List[str] = field(default_factory=list)
    indicators: int = 0


def verdict(share, ci_low, ci_high, territory) -> Optional[str]:
    if not np.isfinite(share):
        return None
    if ci_low > territory:
        return ATTRACTS
    if ci_high < territory:
        return FAILS
    return LIKE


def compute(conn, *, typology: Optional[str] = None,
            campaign_name: Optional[str] = None) -> VisitorTypesOutcome:
    """The crossing table (nothing written)."""
    run, types, names = stored_types(conn, typology)
    weighted = load_design(conn, run["weighting_run_uuid"])
    cents = sd.centralities(conn)
    known = types.index.intersection(weighted.design.index)
    if len(known) < len(types):
        raise sd.SurveyJobError(tr(
            "The typology {run} classified responses its weighting run no longer holds: run "
            "the typology again.").format(run=run["name"] or run["uuid"]))
    shares = type_shares(conn, weighted, types, cents)
    territory = shares[shares["domain_kind"] == sd.TERRITORY].set_index("type")["share"]
    visitors = shares[shares["domain_kind"] == sd.VISITORS].copy()
    camp = survey_offer.campaign(conn, campaign_name)
    offer, _supply = survey_offer.offer_by_group(conn, cents, camp["uuid"], services=False)
    flows = survey_offer.footfall(conn)
    notes = [] if flows else [tr("No yearly footfall indicator: run “Footfall per "
                                 "centrality” to fill the footfall column.")]
    table = visitors.merge(offer, on="centrality_uuid", how="left")
    table["footfall"] = table["centrality_uuid"].map(flows)
    table["type_name"] = table["type"].map(names)
    table["territory_share"] = 100 * table["type"].map(territory)
    for column in ("share", "ci_low", "ci_high"):
        table[column] = (100 * table[column]).clip(0, 100)
    table["index"] = 100 * table["share"] / table["territory_share"]
    table["verdict"] = [verdict(s, lo, hi, t) for s, lo, hi, t in zip(
        table["share"], table["ci_low"], table["ci_high"], table["territory_share"])]
    period = run.get("period") or weighted.run.get("period")
    rows = []
    for r in table.to_dict("records"):
        row = sd.survey_indicator("centrality", r["centrality_uuid"],
                                  f"{INDEX_CODE}{int(r['type'])}", period, r["index"],
                                  "index (territory = 100)", r["respondents"])
        if row is not None:
            rows.append(row)
    table = table.rename(columns={"domain_name": "centrality"})[[
        "centrality", "centrality_uuid", "premises", "shops", "vacancy_rate", "groups",
        "shannon", "footfall", "type", "type_name", "respondents", "share", "ci_low",
        "ci_high", "territory_share", "index", "verdict"]]
    published = sd.publish(table, ["share", "ci_low", "ci_high", "index"])
    published["verdict"] = published["verdict"].where(
        published["respondents"] >= MIN_RESPONDENTS, None)
    return VisitorTypesOutcome(published, rows, period, camp["name"], run["uuid"], notes)


def write(conn, outcome: VisitorTypesOutcome) -> int:
    return sd.save(conn, outcome, ALGORITHM_ID,
                   {"typology_run": outcome.typology_run, "campaign": outcome.campaign},
                   [INDEX_CODE])
