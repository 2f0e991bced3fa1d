"""Vacancy rate per zone (centrality) and inventory campaign.

For a zone z and a campaign c:

    premises(z, c) = observations of c whose premise lies in z and whose status is counted
                     (every status but the excluded ones, by default ``demolished``)
    vacant(z, c)   = those whose status is one of the vacant statuses (by default ``vacant``)
    rate(z, c)     = 100 × vacant(z, c) / premises(z, c)      [%], null when premises = 0

Premises outside every zone are counted apart, under the zone key ``None``.
"""

from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd

OUTSIDE = None
COLUMNS = ["zone", "campaign", "premises", "vacant", "vacancy_rate"]


def vacancy_rates(observations: pd.DataFrame, zone_of_premise: dict, zones: Iterable,
                  campaigns: Iterable, vacant_statuses=("vacant",),
                  excluded_statuses=("demolished",)) -> pd.DataFrame:
    """Vacancy table, one row per zone × campaign (zones in the given order, then outside).

    ``observations`` has columns ``premise``, ``campaign``, ``status``; ``zone_of_premise`` maps
    a premise key to its zone key (missing or ``None`` = outside every zone). Every zone appears
    for every campaign, with 0 premises and a null rate when it holds none; the outside row
    appears when at least one counted premise lies outside.
    """
    zones = list(zones)
    campaigns = list(campaigns)
    missing = {"premise", "campaign", "status"} - set(observations.columns)
    if missing:
        raise ValueError(f"observations lack the column(s) {sorted(missing)}")
    obs = observations[~observations["status"].isin(list(excluded_statuses))]
    obs = obs[obs["campaign"].isin(campaigns)]
    zone = obs["premise"].map(lambda p: zone_of_premise.get(p, OUTSIDE))
    frame = pd.DataFrame({
        "zone": zone.astype(object).where(zone.notna(), "__outside__"),
        "campaign": obs["campaign"].to_numpy(),
        "vacant": obs["status"].isin(list(vacant_statuses)).to_numpy(dtype=np.int64),
    })
    grouped = frame.groupby(["zone", "campaign"], sort=False)["vacant"].agg(["size", "sum"])
    counts = {key: (int(row["size"]), int(row["sum"])) for key, row in grouped.iterrows()}
    keys = list(zones)
    if any(z == "__outside__" for z, _c in counts):
        keys.append("__outside__")
    rows = []
    for z in keys:
        for c in campaigns:
            premises, vacant = counts.get((z, c), (0, 0))
            rate: Optional[float] = 100.0 * vacant / premises if premises else None
            rows.append((OUTSIDE if z == "__outside__" else z, c, premises, vacant, rate))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["vacancy_rate"] = table["vacancy_rate"].astype(object)  # keep None (null), not NaN
    table.loc[table["premises"] == 0, "vacancy_rate"] = None
    return table
