"""Vacancy jobs on the socle: rates and dynamics per zone × campaign, history per premise.

Formulas: :mod:`analysis.vacancy_dynamics` (rates in units and floor area, Procos band, change
in points, turnover, openings, closures, activity changes) and :mod:`analysis.vacancy_history`
(first vacancy, duration, long-term flag). This module reads the GeoPackage, assigns premises to
zones and writes indicators.

Zones (``zone_type``): ``centrality`` (point in polygon, the higher level centrality wins when
they overlap), ``street`` (the premise's ``street`` column) or ``linear`` (the nearest line of a
given set within a distance).

Observations that are not facts yet:

- status ``unknown`` (a premise without history when its campaign was opened) is excluded from
  every count, like ``demolished``;
- observations still marked ``to_confirm`` (pre-filled from the previous campaign and not yet
  visited, in an open campaign or a campaign closed by force) are counted with their pre-filled
  status by default (``include_unconfirmed``), or left out; either way their number per zone
  and campaign is in the ``unconfirmed`` column and a warning gives the total.

Campaigns are ordered by start date (then year); with ``campaign_uuids`` the table keeps only
those campaigns, but changes and turnover are measured against the previous campaign of the
file, whichever it is.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis.linear import assign_to_lines
from ..analysis.vacancy_dynamics import vacancy_dynamics
from ..analysis.vacancy_history import vacancy_history
from ..i18n import tr
from ..store import indicators, readers
from ..store.readers import offer as offer_readers
from .common import Checkpoint, campaign_rows, check
from .zones import assign_centralities

ALGORITHM_ID = "observatoire:vacancy_rates"
HISTORY_ALGORITHM_ID = "observatoire:vacancy_history"
ZONE_TYPES = ("centrality", "street", "linear")
EXCLUDED_STATUSES = ("demolished", "unknown")
RESULT_COLUMNS = [
    "zone_type", "zone_id", "zone_name", "centrality_uuid", "centrality", "level",
    "campaign_uuid", "campaign", "premises", "vacant", "vacancy_rate", "premises_without_area",
    "floor_area", "vacant_floor_area", "vacancy_rate_floor_area", "procos_band", "rate_change",
    "previous_premises", "changed", "turnover_rate", "openings", "closures", "activity_changes",
    "new_premises", "unconfirmed",
]
# indicator code, result column, unit
INDICATORS = [
    ("premises", "premises", "premises"),
    ("vacant_premises", "vacant", "premises"),
    ("vacancy_rate", "vacancy_rate", "%"),
    ("vacancy_rate_floor_area", "vacancy_rate_floor_area", "%"),
    ("vacancy_rate_change", "rate_change", "points"),
    ("turnover_rate", "turnover_rate", "%"),
    ("openings", "openings", "premises"),
    ("closures", "closures", "premises"),
    ("activity_changes", "activity_changes", "premises"),
]


def _warn(warn, message: str) -> None:
    if warn is not None:
        warn(message)


def load_observations(conn) -> pd.DataFrame:
    """Every observation with its visit state (``confirmed`` on files older than v3)."""
    return offer_readers.observation_states(conn)


def filter_unconfirmed(obs: pd.DataFrame, include_unconfirmed: bool, warn=None) -> pd.DataFrame:
    """Apply the rules for ``unknown`` and ``to_confirm`` observations (module docstring)."""
    unknown = int((obs["status"] == "unknown").sum())
    if unknown:
        _warn(warn, tr("{n} observation(s) have the status 'unknown' (premise not yet "
                       "recorded in its campaign): left out of the counts").format(n=unknown))
    pending = (obs["visit_state"] == "to_confirm") & (obs["status"] != "unknown")
    n = int(pending.sum())
    if n:
        if include_unconfirmed:
            _warn(warn, tr("{n} observation(s) are still to confirm (pre-filled from the "
                           "previous campaign): counted with their pre-filled status").format(n=n))
        else:
            _warn(warn, tr("{n} observation(s) are still to confirm (pre-filled from the "
                           "previous campaign): left out of the counts").format(n=n))
            obs = obs[~pending]
    return obs.reset_index(drop=True)


def zones(conn, premise_frame: pd.DataFrame, zone_type: str = "centrality", lines=None,
          line_distance: float = 15.0) -> tuple:
    """(premise uuid → zone id or None, [(zone id, name, level)] in display order).

    ``lines`` (for ``linear``): list of ``(id, name, parts)`` with parts N × 2 arrays in the
    GeoPackage CRS.
    """
    if zone_type == "centrality":
        cents = readers.centralities(conn)
        return (assign_centralities(premise_frame, cents),
                [(c["uuid"], c["name"], c["level"]) for c in cents])
    if zone_type == "street":
        street = premise_frame["street"].astype(object).map(
            lambda s: " ".join(str(s).split()) if s is not None and s == s else "")
        names = sorted({s for s in street if s}, key=lambda s: s.casefold())
        return ({p: (s or None) for p, s in zip(premise_frame["uuid"], street)},
                [(s, s, None) for s in names])
    if zone_type == "linear":
        if not lines:
            raise ValueError(tr("the linear zones need at least one line"))
        index = assign_to_lines(premise_frame[["x", "y"]].to_numpy(dtype=float),
                                [parts for _id, _name, parts in lines], line_distance)
        ids = [str(i) for i, _n, _p in lines]
        return ({p: (ids[i] if i >= 0 else None)
                 for p, i in zip(premise_frame["uuid"], index.tolist())},
                [(str(i), n, None) for i, n, _p in lines])
    raise ValueError(f"unknown zone type {zone_type!r}; expected one of {ZONE_TYPES}")


def compute(conn, *, campaign_uuids=None, vacant_statuses=None, ground_floor_only: bool = False,
            zone_type: str = "centrality", lines=None, line_distance: float = 15.0,
            include_unconfirmed: bool = True, write: bool = True, feedback=None,
            warn=None, checkpoint: Checkpoint = None) -> pd.DataFrame:
    """Vacancy table (:data:`RESULT_COLUMNS`), one row per zone × campaign, outside last.

    ``feedback(percent)`` reports progress, ``warn(message)`` receives the warnings,
    ``checkpoint()`` is called before each step and before writing (it raises to cancel). With
    ``write`` and ``zone_type`` 'centrality', the :data:`INDICATORS` are written per
    centrality (scope 'centrality') and for the premises outside (scope 'outside') and
    campaign, in one transaction. Null rates stay null (None).
    """
    camps = readers.campaigns(conn)
    if campaign_uuids:
        unknown = set(campaign_uuids) - set(camps["uuid"])
        if unknown:
            raise ValueError(tr("unknown campaign(s): {campaigns}").format(
                campaigns=", ".join(sorted(unknown))))
    statuses = list(vacant_statuses) if vacant_statuses else readers.vacant_statuses(conn)
    prem = readers.premises(conn)
    if feedback:
        feedback(20)
    check(checkpoint)
    zone_of, zone_list = zones(conn, prem, zone_type, lines, line_distance)
    obs = filter_unconfirmed(load_observations(conn), include_unconfirmed, warn)
    obs = obs[obs["campaign"].isin(set(camps["uuid"]))]
    premises = pd.DataFrame({"premise": prem["uuid"],
                             "zone": prem["uuid"].map(zone_of).astype(object),
                             "floor_area": prem["floor_area"],
                             "ground_floor": prem["ground_floor"]})
    premises["zone"] = premises["zone"].where(premises["zone"].notna(), None)
    if feedback:
        feedback(50)
    check(checkpoint)
    all_campaigns = camps["uuid"].tolist()
    table = vacancy_dynamics(obs, premises, all_campaigns, offer_readers.lineage(conn),
                             vacant_statuses=statuses, excluded_statuses=EXCLUDED_STATUSES,
                             ground_floor_only=ground_floor_only,
                             zones=[z for z, _n, _l in zone_list])
    table = _add_unconfirmed(table, obs, premises, ground_floor_only)
    if campaign_uuids:
        table = table[table["campaign"].isin(set(campaign_uuids))]
    names = {z: (n, level) for z, n, level in zone_list}
    camp_names = dict(zip(camps["uuid"], camps["name"]))
    out = pd.DataFrame({
        "zone_type": zone_type,
        "zone_id": table["zone"],
        "zone_name": table["zone"].map(lambda z: names.get(z, (None, None))[0]),
        "level": table["zone"].map(lambda z: names.get(z, (None, None))[1]),
        "campaign_uuid": table["campaign"],
        "campaign": table["campaign"].map(camp_names),
    })
    central = zone_type == "centrality"
    out["centrality_uuid"] = out["zone_id"] if central else None
    out["centrality"] = out["zone_name"] if central else None
    for col in RESULT_COLUMNS:
        if col not in out.columns:
            out[col] = table[col].to_numpy()
    out = out[RESULT_COLUMNS].reset_index(drop=True)
    for col in ("vacancy_rate", "vacancy_rate_floor_area", "rate_change", "turnover_rate"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    if feedback:
        feedback(80)
    check(checkpoint)
    if write and central:
        write_indicators(conn, out, statuses, ground_floor_only, include_unconfirmed)
    return out


def _add_unconfirmed(table, obs, premises, ground_floor_only) -> pd.DataFrame:
    pending = obs[(obs["visit_state"] == "to_confirm")
                  & ~obs["status"].isin(EXCLUDED_STATUSES)].merge(premises, on="premise")
    if ground_floor_only:
        pending = pending[pending["ground_floor"].fillna(1).astype(int) == 1]
    key = pending["zone"].astype(object).where(pending["zone"].notna(), "__outside__")
    counts = pending.assign(key=key).groupby(["key", "campaign"]).size()
    zone_key = table["zone"].astype(object).where(table["zone"].notna(), "__outside__")
    table = table.copy()
    table["unconfirmed"] = [int(counts.get((z, c), 0))
                            for z, c in zip(zone_key, table["campaign"])]
    return table


def write_indicators(conn, table: pd.DataFrame, statuses, ground_floor_only,
                     include_unconfirmed) -> int:
    rows = campaign_rows(table.to_dict("records"), INDICATORS)
    return indicators.save(conn, rows, algorithm=ALGORITHM_ID, parameters={
        "vacant_statuses": list(statuses), "ground_floor_only": bool(ground_floor_only),
        "include_unconfirmed": bool(include_unconfirmed)})


# --------------------------------------------------------------------------- history

HISTORY_COLUMNS = [
    "premise_uuid", "address", "street", "centrality_uuid", "centrality", "retired",
    "last_campaign", "last_status", "vacant_now", "first_vacant_campaign",
    "vacancy_start_campaign", "vacant_campaigns", "vacancy_years", "long_term",
    "longest_vacancy_years", "vacancy_class", "status_sequence", "inherited_from", "x", "y",
]


def campaign_dates(camps: pd.DataFrame) -> dict:
    """campaign uuid → start date (all dated) or year (otherwise), for the durations."""
    if camps["start_date"].notna().all() and (camps["start_date"].astype(str) != "").all():
        return dict(zip(camps["uuid"], camps["start_date"].astype(str)))
    if camps["year"].isna().any():
        missing = camps.loc[camps["year"].isna(), "name"].tolist()
        raise ValueError(tr("campaign(s) {campaigns} have neither a start date nor a year: "
                            "durations cannot be measured").format(campaigns=missing))
    return dict(zip(camps["uuid"], camps["year"].astype(int).astype(str)))


def history(conn, *, threshold_years: float = 2.0, vacant_statuses=None,
            include_unconfirmed: bool = True, include_retired: bool = False,
            write: bool = True, warn=None, checkpoint: Checkpoint = None) -> pd.DataFrame:
    """Vacancy history per premise (:data:`HISTORY_COLUMNS`; durations in years).

    ``vacancy_class`` is 'long_term', 'vacant' or 'not_vacant' (for mapping). With ``write``,
    the indicator ``long_term_vacant_premises`` (premises of each centrality vacant for
    ``threshold_years`` or more at their last observation, superseded premises excluded) is
    written for the latest campaign.
    """
    if threshold_years is None or threshold_years < 0:
        raise ValueError(tr("the long-term threshold is a non-negative number of years"))
    camps = readers.campaigns(conn)
    if camps.empty:
        raise ValueError(tr("the GeoPackage holds no inventory campaign"))
    statuses = list(vacant_statuses) if vacant_statuses else readers.vacant_statuses(conn)
    obs = filter_unconfirmed(load_observations(conn), include_unconfirmed, warn)
    obs = obs[~obs["status"].isin(["unknown"])]
    names = dict(zip(camps["uuid"], camps["name"]))
    dates = campaign_dates(camps)
    obs = obs.assign(campaign=obs["campaign"].map(names))
    table = vacancy_history(obs[["premise", "campaign", "status"]], camps["name"].tolist(),
                            {names[u]: d for u, d in dates.items()},
                            offer_readers.lineage(conn), vacant_statuses=statuses,
                            threshold_years=threshold_years)
    prem = readers.premises(conn)
    cents = readers.centralities(conn)
    zone_of = assign_centralities(prem, cents)
    cname = {c["uuid"]: c["name"] for c in cents}
    info = prem.set_index("uuid")
    table = table[table["premise"].isin(info.index)]
    table = table.assign(
        premise_uuid=table["premise"],
        address=table["premise"].map(info["address"]),
        street=table["premise"].map(info["street"]),
        centrality_uuid=table["premise"].map(zone_of),
        retired=table["premise"].map(info["retired_at"].notna()),
        x=table["premise"].map(info["x"]), y=table["premise"].map(info["y"]))
    table["centrality"] = table["centrality_uuid"].map(cname)
    table["vacancy_class"] = np.where(table["long_term"], "long_term",
                                      np.where(table["vacant_now"], "vacant", "not_vacant"))
    if not include_retired:
        table = table[~table["retired"].astype(bool)]
    table = table[HISTORY_COLUMNS].reset_index(drop=True)
    table["vacancy_years"] = table["vacancy_years"].astype(object).where(
        table["vacancy_years"].notna(), None)
    check(checkpoint)
    if write:
        _write_long_term(conn, table, camps, cents, threshold_years, statuses)
    return table


def _write_long_term(conn, table, camps, cents, threshold, statuses) -> None:
    latest = camps.iloc[-1]
    live = table[~table["retired"].astype(bool) & (table["last_campaign"] == latest["name"])]
    counts = live[live["long_term"]].groupby(live["centrality_uuid"].fillna("__outside__")
                                             ).size()
    rows = []
    for key in [c["uuid"] for c in cents] + ["__outside__"]:
        if key == "__outside__" and not (live["centrality_uuid"].isna()).any():
            continue
        rows.append({"scope": "outside" if key == "__outside__" else "centrality",
                     "centrality_uuid": None if key == "__outside__" else key,
                     "indicator": "long_term_vacant_premises", "period": latest["name"],
                     "campaign_uuid": latest["uuid"], "value": float(counts.get(key, 0)),
                     "unit": "premises"})
    indicators.save(conn, rows, algorithm=HISTORY_ALGORITHM_ID,
                    parameters={"threshold_years": threshold, "vacant_statuses": list(statuses)})


def latest_by_zone(table: pd.DataFrame) -> dict:
    """zone id → the row of its latest campaign (for the centralities layer)."""
    out = {}
    for r in table.to_dict("records"):
        out[r["zone_id"]] = r  # table is ordered by campaign within each zone
    return out
