"""Activity barometer job: monthly creations, closures, reopenings and transfers of
establishments per centrality and activity group from the SIRENE history, the survival of
recent creations, the year-on-year change of imported activity indices, and the turnover of
premises from the inventory campaigns beside them (:mod:`analysis.barometer`,
:mod:`analysis.vacancy_dynamics` through :mod:`jobs.vacancy`).

Each establishment (siret) is placed by its position (:func:`store.readers.activity.
sirene_positions`: a SIRENE stock file, else the premise a SIRENE import linked it to) in the
centrality that contains it (higher level first), or within ``distance`` metres of one; an
establishment without position is outside every centrality (a notice counts them). Its activity
group comes from its NAF code through the editable ``naf_activity_map``. A first period without
start date (before the register's history) is read as starting on 1900-01-01: never a
creation inside the window.

Window: ``start`` … ``end`` (months); by default the five years up to the month of the latest
date of the history.

Indicators (per centrality and month, every activity group): ``activity_creations``,
``activity_closures``, ``activity_reopenings``, ``activity_transfers_in``,
``activity_transfers_out``, ``activity_net_change`` (establishments), ``activity_active``
(active at the end of the month), ``activity_survival_36m`` (% of the creations of the last 36
months still active or moved); per centrality, period and measure of an imported index (sector
``all``, or the only sector): ``activity_index_yoy``, ``activity_amount_yoy``,
``activity_transactions_yoy`` (% change on the same period one year before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from ..analysis import barometer as bm
from ..analysis.errors import Notice
from ..i18n import tr
from ..store import readers
from ..store.readers import activity as activity_readers
from ..store.schema.activity import require_activity
from .common import Checkpoint, JobError, check, number
from .zones import assign_points

BAROMETER_ALG = "observatoire:activity_barometer"
FIRST_KNOWN = pd.Timestamp("1900-01-01")
MONTHLY_COLUMNS = ["centrality_uuid", "centrality"] + bm.MONTHLY_COLUMNS[1:]
INDEX_COLUMNS = ["zone", "centrality_uuid", "centrality", "sector", "measure", "frequency",
                 "period", "value", "previous_value", "difference", "change"]
CAMPAIGN_COLUMNS = ["centrality_uuid", "centrality", "campaign", "campaign_date", "premises",
                    "openings", "closures", "turnover_rate", "vacancy_rate",
                    "sirene_creations_12m", "sirene_closures_12m", "sirene_net_change_12m"]
INDICATORS = [("activity_creations", "creations", "establishments"),
              ("activity_closures", "closures", "establishments"),
              ("activity_reopenings", "reopenings", "establishments"),
              ("activity_transfers_in", "transfers_in", "establishments"),
              ("activity_transfers_out", "transfers_out", "establishments"),
              ("activity_net_change", "net_change", "establishments"),
              ("activity_active", "active_end", "establishments")]


class BarometerError(JobError):
    """Nothing to compute the barometer with (the message says what to import)."""


@dataclass
class BarometerJob:
    """Results of :func:`activity_barometer`: the analysis result (None without history),
    the year-on-year index table, the campaigns table, each establishment's centrality and the
    centralities' names, and the notices."""

    result: Optional[bm.BarometerResult]
    index: pd.DataFrame
    campaigns: pd.DataFrame
    establishments: pd.DataFrame
    centralities: Dict[str, str]
    notes: List[str] = field(default_factory=list)


def activity_barometer(conn, *, start=None, end=None, distance: float = 0.0,
                       transfer_days: int = 90, survival_months: int = 36, progress=None,
                       checkpoint: Checkpoint = None) -> BarometerJob:
    """The barometer from the socle (module docstring)."""
    require_activity(conn)
    cents = readers.centralities(conn)
    names = {c["uuid"]: c["name"] for c in cents}
    history = activity_readers.sirene_history(conn)
    indices = activity_readers.activity_indices(conn)
    if history.empty and indices.empty:
        raise BarometerError(tr("no SIRENE history and no activity index in the GeoPackage: "
                                "import them first"))
    notes: List[str] = []
    result, est = None, pd.DataFrame(columns=["siret", "centrality_uuid", "position"])
    if len(history):
        positions = activity_readers.sirene_positions(conn)
        placed = assign_points(positions, cents, distance, declared=None)
        est = pd.DataFrame({"siret": positions["siret"],
                            "centrality_uuid": placed["centrality_uuid"],
                            "position": positions["position"]})
        zone = history["siret"].map(est.set_index("siret")["centrality_uuid"])
        unplaced = sorted(set(history["siret"]) - set(positions["siret"]))
        if unplaced:
            notes.append(Notice("sirets_without_position", f"{len(unplaced)} establishment(s) "
                                "without position (no stock file row with coordinates, no "
                                "linked premise): outside every centrality",
                                n=len(unplaced)))
        starts = pd.to_datetime(history["period_start"], errors="coerce")
        frame = pd.DataFrame({"siret": history["siret"], "siren": history["siren"],
                              "start": starts.fillna(FIRST_KNOWN),
                              "end": pd.to_datetime(history["period_end"], errors="coerce"),
                              "state": history["state"], "naf": history["naf_code"],
                              "zone": zone.where(zone.notna(), None)})
        last = pd.concat([starts.dropna(), frame["end"].dropna()]).max()
        end = end if end is not None else last
        if start is None and end is not None and not pd.isna(end):
            start = pd.Timestamp(year=pd.Timestamp(end).year - 4, month=1, day=1)
        if progress:
            progress(30)
        check(checkpoint)
        result = bm.activity_barometer(frame, activity_readers.naf_groups(conn), start=start,
                                       end=end, transfer_days=transfer_days,
                                       survival_months=survival_months)
        notes += list(result.notes)
    if progress:
        progress(60)
    check(checkpoint)
    index = _index_changes(indices, names)
    campaigns = _campaigns(conn, result, names)
    return BarometerJob(result, index, campaigns, est, names, notes)


def _index_changes(indices: pd.DataFrame, names: Dict[str, str]) -> pd.DataFrame:
    parts = []
    for (measure, freq), part in indices.groupby(["measure", "frequency"]):
        yoy = bm.index_year_on_year(part, freq=freq)
        link = part.drop_duplicates("zone").set_index("zone")["centrality_uuid"]
        yoy.insert(1, "centrality_uuid", yoy["zone"].map(link))
        yoy.insert(2, "centrality", yoy["centrality_uuid"].map(names))
        yoy.insert(4, "measure", measure)
        yoy.insert(5, "frequency", freq)
        parts.append(yoy)
    if not parts:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["centrality_uuid"] = out["centrality_uuid"].where(out["centrality_uuid"].notna(), None)
    return out[INDEX_COLUMNS]


def _campaigns(conn, result: Optional[bm.BarometerResult], names) -> pd.DataFrame:
    """Premises' openings, closures and turnover per centrality and campaign (the vacancy
    job's definitions), beside the SIRENE creations and closures of the 12 months up to the
    campaign's month."""
    from .vacancy import compute

    camps = readers.campaigns(conn)
    if camps.empty:
        return pd.DataFrame(columns=CAMPAIGN_COLUMNS)
    table = compute(conn, write=False)
    table = table[table["centrality_uuid"].notna()]
    dates = {}
    for r in camps.itertuples(index=False):  # the start date, else 1 January of its year
        when = pd.to_datetime(r.start_date, errors="coerce")
        if pd.isna(when) and not pd.isna(r.year):
            when = pd.Timestamp(year=int(r.year), month=1, day=1)
        dates[r.uuid] = when
    out = pd.DataFrame({"centrality_uuid": table["centrality_uuid"],
                        "centrality": table["centrality"], "campaign": table["campaign"],
                        "campaign_date": table["campaign_uuid"].map(dates),
                        "premises": table["premises"], "openings": table["openings"],
                        "closures": table["closures"],
                        "turnover_rate": pd.to_numeric(table["turnover_rate"], errors="coerce"),
                        "vacancy_rate": pd.to_numeric(table["vacancy_rate"], errors="coerce")})
    monthly = None
    if result is not None:
        monthly = result.monthly[result.monthly["group"] == bm.ALL]
    for col in ("sirene_creations_12m", "sirene_closures_12m", "sirene_net_change_12m"):
        out[col] = np.nan
    if monthly is not None and len(monthly):
        starts = pd.to_datetime(monthly["month_start"])
        for i, r in out.iterrows():
            if pd.isna(r["campaign_date"]):
                continue
            last = pd.Timestamp(r["campaign_date"]).to_period("M").to_timestamp()
            first = last - pd.DateOffset(months=11)
            sel = (monthly["zone"] == r["centrality_uuid"]) & (starts >= first) & (
                starts <= last)
            if sel.sum() < 12:  # the 12 months are not all inside the barometer's window
                continue
            m = monthly[sel]
            out.at[i, "sirene_creations_12m"] = m["creations"].sum()
            out.at[i, "sirene_closures_12m"] = m["closures"].sum()
            out.at[i, "sirene_net_change_12m"] = m["net_change"].sum()
    out["campaign_date"] = pd.to_datetime(out["campaign_date"]).dt.strftime("%Y-%m-%d")
    return out[CAMPAIGN_COLUMNS].reset_index(drop=True)


def barometer_tables(job: BarometerJob) -> Dict[str, pd.DataFrame]:
    """``monthly`` (centrality names, establishments outside every centrality left out),
    ``events``, ``index`` and ``campaigns``."""
    if job.result is None:
        monthly = pd.DataFrame(columns=MONTHLY_COLUMNS)
        events = pd.DataFrame(columns=["siret", "siren", "kind", "date", "centrality_uuid",
                                       "centrality", "group"])
    else:
        monthly = job.result.monthly.rename(columns={"zone": "centrality_uuid"})
        monthly.insert(1, "centrality", monthly["centrality_uuid"].map(job.centralities))
        monthly["month_start"] = pd.to_datetime(monthly["month_start"]).dt.strftime("%Y-%m-%d")
        monthly = monthly[MONTHLY_COLUMNS]
        events = job.result.events.rename(columns={"zone": "centrality_uuid"})
        events.insert(5, "centrality", events["centrality_uuid"].map(job.centralities))
        events["date"] = pd.to_datetime(events["date"]).dt.strftime("%Y-%m-%d")
    return {"monthly": monthly.reset_index(drop=True), "events": events.reset_index(drop=True),
            "index": job.index, "campaigns": job.campaigns}


def barometer_indicator_rows(tables: Dict[str, pd.DataFrame]) -> list:
    """Indicator rows (module docstring)."""
    rows = []
    monthly = tables["monthly"]
    monthly = monthly[monthly["group"] == bm.ALL]
    for r in monthly.itertuples(index=False):
        for code, col, unit in INDICATORS:
            rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                         "indicator": code, "period": r.month, "value": number(getattr(r, col)),
                         "unit": unit})
        rate = r.survival_rate
        rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                     "indicator": "activity_survival_36m", "period": r.month,
                     "value": number(100.0 * rate if rate == rate else None), "unit": "%"})
    index = tables["index"]
    index = index[index["centrality_uuid"].notna()]
    sectors = index.groupby(["centrality_uuid", "measure"])["sector"].nunique()
    for r in index.itertuples(index=False):
        if r.sector != "all" and sectors.get((r.centrality_uuid, r.measure), 0) > 1:
            continue
        rows.append({"scope": "centrality", "centrality_uuid": r.centrality_uuid,
                     "indicator": f"activity_{r.measure}_yoy", "period": r.period,
                     "value": number(100.0 * r.change if r.change == r.change else None),
                     "unit": "%"})
    return rows
