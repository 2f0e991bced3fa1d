"""Vacancy rates job: read the socle, compute per centrality × campaign, write indicators."""

from __future__ import annotations

import pandas as pd

from ..analysis.vacancy import vacancy_rates
from . import gpkg, indicators, readers

ALGORITHM_ID = "observatoire:vacancy_rates"
RESULT_COLUMNS = ["centrality_uuid", "centrality", "level", "campaign_uuid", "campaign",
                  "premises", "vacant", "vacancy_rate"]


def compute(conn, *, campaign_uuids=None, vacant_statuses=None, write: bool = True,
            feedback=None) -> pd.DataFrame:
    """Vacancy table of the socle (see :func:`analysis.vacancy.vacancy_rates` for the formula).

    Premises outside every centrality come last with ``centrality_uuid`` None. When ``write``,
    the indicators ``premises``, ``vacant_premises`` and ``vacancy_rate`` are written per
    centrality and campaign, in one transaction.
    """
    cents = readers.centralities(conn)
    camps = readers.campaigns(conn)
    if campaign_uuids:
        unknown = set(campaign_uuids) - set(camps["uuid"])
        if unknown:
            raise ValueError(f"unknown campaign(s): {', '.join(sorted(unknown))}")
        camps = camps[camps["uuid"].isin(campaign_uuids)]
    statuses = list(vacant_statuses) if vacant_statuses else readers.vacant_statuses(conn)
    prem = readers.premises(conn)
    if feedback:
        feedback(30)
    zone_of = readers.assign_centralities(prem, cents)
    obs = readers.observations(conn, camps["uuid"].tolist()).rename(
        columns={"premise_uuid": "premise", "campaign_uuid": "campaign"})
    if feedback:
        feedback(60)
    table = vacancy_rates(obs, zone_of, [c["uuid"] for c in cents], camps["uuid"].tolist(),
                          vacant_statuses=statuses)
    names = {c["uuid"]: (c["name"], c["level"]) for c in cents}
    camp_names = dict(zip(camps["uuid"], camps["name"]))
    table = table.rename(columns={"zone": "centrality_uuid", "campaign": "campaign_uuid"})
    table["centrality"] = table["centrality_uuid"].map(lambda u: names.get(u, (None, None))[0])
    table["level"] = table["centrality_uuid"].map(lambda u: names.get(u, (None, None))[1])
    table["campaign"] = table["campaign_uuid"].map(camp_names)
    table = table[RESULT_COLUMNS]
    if write:
        rows = []
        for r in table.itertuples(index=False):
            scope = "centrality" if r.centrality_uuid else "outside"
            for code, value, unit in (("premises", r.premises, "premises"),
                                      ("vacant_premises", r.vacant, "premises"),
                                      ("vacancy_rate", r.vacancy_rate, "%")):
                rows.append({"scope": scope, "centrality_uuid": r.centrality_uuid,
                             "indicator": code, "period": r.campaign,
                             "campaign_uuid": r.campaign_uuid,
                             "value": None if pd.isna(value) else float(value), "unit": unit})
        with gpkg.transaction(conn):
            indicators.write(conn, rows, algorithm=ALGORITHM_ID,
                             parameters={"vacant_statuses": statuses})
    return table.reset_index(drop=True)
