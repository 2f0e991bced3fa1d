"""Vacancy over campaigns: rates in units and floor area, Procos band, turnover, openings, closures.

Inputs (plain pandas, no GIS):

- ``observations``: one row per premise and campaign, columns ``premise``, ``campaign``,
  ``status`` and optionally ``activity_group``, ``sign_name``;
- ``premises``: one row per premise, columns ``premise``, ``zone`` (centrality, street…; null =
  outside every zone) and optionally ``floor_area`` (m²) and ``ground_floor`` (0/1);
- ``campaigns``: the campaign keys in chronological order;
- ``lineage`` (optional): columns ``parent``, ``child``, ``kind`` ('split' / 'merge').

For a zone z and a campaign c (``c-1`` is the previous campaign in the given order):

    premises(z, c)  = premises of z observed in c with a counted status (all but ``excluded``,
                      by default ``demolished``)
    vacant(z, c)    = those whose status is in ``vacant_statuses`` (default: ``vacant``)
    vacancy_rate    = 100 × vacant / premises                                  [%]
    floor-area rate = 100 × Σ floor_area(vacant) / Σ floor_area(premises)        [%]
                      over premises whose floor area is known (the others are counted in
                      ``premises_without_area``)
    rate_change     = vacancy_rate(z, c) − vacancy_rate(z, c-1)                 [points]

Transitions from c-1 to c are read premise by premise. The previous state of a premise is its own
observation in c-1; a premise created by a split or a merge (``lineage``) that has no observation
in c-1 takes its parents' state (a merged premise counts as changed):

    openings        = previous status vacant, current status occupied
    closures        = previous status occupied, current status vacant
    activity_change = occupied both times, activity group differs
    changed         = status differs, or occupied both times and the occupant differs (sign name
                      when both are known, else activity group), or the premise is a merge
    turnover_rate   = 100 × changed(z, c) / premises(z, c-1)       [%]  (Codata's definition)

Every rate is null (NaN) when its denominator is 0: a zone with no premise has null rates, never a
division by zero. Transition columns are null for the first campaign. Premises outside every zone
are counted apart under ``zone = None`` with ``outside = True``.

Procos bands (share of vacant premises, lower bound inclusive): ``normal`` r < 5 %,
``moderate`` 5 % ≤ r < 7.5 %, ``worrying`` 7.5 % ≤ r < 10 %, ``critical`` r ≥ 10 %. The rate is
rounded to 9 decimals before the comparison so that 7.5 is 7.5 whatever the float arithmetic.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd

from .errors import AnalysisError

OUTSIDE_KEY = "__outside__"

PROCOS_BANDS = (  # (code, lower bound inclusive in %, label_fr)
    ("normal", 0.0, "Vacance faible (< 5 %)"),
    ("moderate", 5.0, "Vacance modérée (5 à 7,5 %)"),
    ("worrying", 7.5, "Vacance préoccupante (7,5 à 10 %)"),
    ("critical", 10.0, "Vacance critique (≥ 10 %)"),
)

COLUMNS = [
    "zone", "outside", "campaign", "campaign_order", "premises", "vacant", "vacancy_rate",
    "premises_without_area", "floor_area", "vacant_floor_area", "vacancy_rate_floor_area",
    "procos_band", "rate_change", "previous_premises", "changed", "turnover_rate", "openings",
    "closures", "activity_changes", "new_premises",
]


def procos_band(rate: Optional[float]) -> Optional[str]:
    """Procos severity band of a vacancy rate in % (None for a null rate)."""
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return None
    value = round(float(rate), 9)
    band = PROCOS_BANDS[0][0]
    for code, lower, _label in PROCOS_BANDS:
        if value >= lower:
            band = code
    return band


def normalise_name(name) -> str:
    """Upper-case, accent-free, punctuation-free sign name ('' for a missing one)."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).upper()
    text = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(text.split())


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = sorted(set(columns) - set(frame.columns))
    if missing:
        raise ValueError(f"{what} lack the column(s) {missing}")


def prepare_observations(observations: pd.DataFrame, premises: pd.DataFrame,
                         campaigns: Sequence, ground_floor_only: bool = False) -> pd.DataFrame:
    """Observations joined to their premise's zone, floor area and campaign order (validated).

    Raises ``ValueError`` naming the offending keys for an observation of an unknown premise, of
    an unknown campaign, or a premise observed twice in one campaign.
    """
    _require(observations, ["premise", "campaign", "status"], "observations")
    _require(premises, ["premise", "zone"], "premises")
    campaigns = list(campaigns)
    if len(set(campaigns)) != len(campaigns):
        raise ValueError("campaigns must be distinct")
    order = {c: i for i, c in enumerate(campaigns)}
    obs = observations.copy()
    for col in ("activity_group", "sign_name"):
        if col not in obs.columns:
            obs[col] = None
    unknown_c = sorted({str(c) for c in obs["campaign"] if c not in order})
    if unknown_c:
        raise AnalysisError("unknown_campaigns",
                            f"observations refer to unknown campaign(s) {unknown_c[:10]}",
                            campaigns=", ".join(unknown_c[:10]))
    prem = premises.copy()
    if prem["premise"].duplicated().any():
        dup = prem.loc[prem["premise"].duplicated(), "premise"].astype(str).tolist()[:10]
        raise AnalysisError("premises_twice", f"premises listed twice: {dup}",
                            premises=", ".join(dup))
    if "floor_area" not in prem.columns:
        prem["floor_area"] = np.nan
    if "ground_floor" not in prem.columns:
        prem["ground_floor"] = 1
    known = set(prem["premise"])
    unknown_p = sorted({str(p) for p in obs["premise"] if p not in known})
    if unknown_p:
        raise AnalysisError("unknown_premises",
                            f"observations refer to unknown premise(s) {unknown_p[:10]}",
                            premises=", ".join(unknown_p[:10]))
    dup = obs.duplicated(["premise", "campaign"])
    if dup.any():
        first = obs.loc[dup, ["premise", "campaign"]].iloc[0]
        raise AnalysisError(
            "observed_twice",
            f"premise {first['premise']!r} is observed twice in campaign {first['campaign']!r}",
            premise=str(first["premise"]), campaign=str(first["campaign"]))
    obs = obs.merge(prem[["premise", "zone", "floor_area", "ground_floor"]], on="premise",
                    how="left")
    if ground_floor_only:
        obs = obs[obs["ground_floor"].fillna(1).astype(int) == 1]
    obs["zone_key"] = obs["zone"].astype(object).where(obs["zone"].notna(), OUTSIDE_KEY)
    obs["order"] = obs["campaign"].map(order).astype(int)
    obs["floor_area"] = pd.to_numeric(obs["floor_area"], errors="coerce")
    return obs.reset_index(drop=True)


def _previous_states(obs: pd.DataFrame, lineage: Optional[pd.DataFrame]) -> pd.DataFrame:
    """For every observation after the first campaign: the previous state (own or inherited).

    Returns columns premise, order, prev_status, prev_activity, prev_sign, prev_kind, where
    prev_kind is 'own', 'split', 'merge' or null (no previous state: a new premise).
    """
    keep = ["premise", "order", "status", "activity_group", "sign_name"]
    prev = obs[keep].copy()
    prev["order"] = prev["order"] + 1
    prev.columns = ["premise", "order", "prev_status", "prev_activity", "prev_sign"]
    cur = obs.loc[obs["order"] > 0, ["premise", "order"]]
    out = cur.merge(prev, on=["premise", "order"], how="left")
    out["prev_kind"] = np.where(out["prev_status"].notna(), "own", None)
    if lineage is None or lineage.empty:
        return out
    _require(lineage, ["parent", "child"], "lineage")
    missing = out["prev_status"].isna()
    if not missing.any():
        return out
    lin = lineage[["parent", "child"]].drop_duplicates()
    wanted = out.loc[missing, ["premise", "order"]].merge(
        lin, left_on="premise", right_on="child", how="inner")
    par = wanted.merge(prev.rename(columns={"premise": "parent"}), on=["parent", "order"],
                       how="inner")
    if par.empty:
        return out
    rows = []
    for (premise, order), grp in par.groupby(["premise", "order"], sort=False):
        if len(grp) == 1:
            g = grp.iloc[0]
            rows.append((premise, order, g["prev_status"], g["prev_activity"], g["prev_sign"],
                         "split"))
            continue
        occupied = grp[grp["prev_status"] == "occupied"]
        src = occupied.iloc[0] if len(occupied) else grp.iloc[0]
        rows.append((premise, order, src["prev_status"], src["prev_activity"], src["prev_sign"],
                     "merge"))
    inherited = pd.DataFrame(rows, columns=["premise", "order", "i_status", "i_activity",
                                            "i_sign", "i_kind"])
    # merged premises: vacant before only if every parent was vacant
    if len(inherited):
        all_vac = (par.assign(v=par["prev_status"] == "vacant")
                   .groupby(["premise", "order"])["v"].all().rename("i_all_vacant")
                   .reset_index())
        any_occ = (par.assign(o=par["prev_status"] == "occupied")
                   .groupby(["premise", "order"])["o"].any().rename("i_any_occupied")
                   .reset_index())
        inherited = inherited.merge(all_vac, on=["premise", "order"]).merge(
            any_occ, on=["premise", "order"])
    out = out.merge(inherited, on=["premise", "order"], how="left")
    take = out["prev_status"].isna() & out["i_status"].notna()
    out.loc[take, "prev_status"] = out.loc[take, "i_status"]
    out.loc[take, "prev_activity"] = out.loc[take, "i_activity"]
    out.loc[take, "prev_sign"] = out.loc[take, "i_sign"]
    out.loc[take, "prev_kind"] = out.loc[take, "i_kind"]
    return out[["premise", "order", "prev_status", "prev_activity", "prev_sign", "prev_kind",
                "i_all_vacant", "i_any_occupied"]]


def transitions(obs: pd.DataFrame, lineage: Optional[pd.DataFrame] = None,
                vacant_statuses: Iterable[str] = ("vacant",),
                occupied_status: str = "occupied") -> pd.DataFrame:
    """Per observation after the first campaign: opening, closure, activity_change, changed.

    ``obs`` is the output of :func:`prepare_observations`. Observations of premises with no
    previous state (new premises) have ``new = True`` and every other flag False.
    """
    vac = set(vacant_statuses)
    prev = _previous_states(obs, lineage)
    cur = obs.loc[obs["order"] > 0, ["premise", "order", "zone_key", "status",
                                     "activity_group", "sign_name"]]
    t = cur.merge(prev, on=["premise", "order"], how="left")
    if "i_all_vacant" not in t.columns:
        t["i_all_vacant"] = np.nan
        t["i_any_occupied"] = np.nan
    has_prev = t["prev_status"].notna()
    merge = (t["prev_kind"] == "merge").to_numpy()
    prev_vacant = t["prev_status"].isin(vac).to_numpy()
    prev_occ = (t["prev_status"] == occupied_status).to_numpy()
    # a merged premise was vacant only if all its parents were, occupied if any was
    prev_vacant = np.where(merge, t["i_all_vacant"].eq(True).to_numpy(), prev_vacant)
    prev_occ = np.where(merge, t["i_any_occupied"].eq(True).to_numpy(), prev_occ)
    cur_vacant = t["status"].isin(vac).to_numpy()
    cur_occ = (t["status"] == occupied_status).to_numpy()
    both_occ = prev_occ & cur_occ
    act_cur = t["activity_group"].astype(object).where(t["activity_group"].notna(), "")
    act_prev = t["prev_activity"].astype(object).where(t["prev_activity"].notna(), "")
    activity_diff = (act_cur != act_prev).to_numpy()
    sign_cur = t["sign_name"].map(normalise_name)
    sign_prev = t["prev_sign"].map(normalise_name)
    signs_known = ((sign_cur != "") & (sign_prev != "")).to_numpy()
    occupant_diff = np.where(signs_known, (sign_cur != sign_prev).to_numpy(), activity_diff)
    status_diff = (t["status"] != t["prev_status"]).to_numpy()
    hp = has_prev.to_numpy()
    t["new"] = ~hp
    t["opening"] = hp & prev_vacant & cur_occ
    t["closure"] = hp & prev_occ & cur_vacant
    t["activity_change"] = hp & both_occ & activity_diff
    t["changed"] = hp & (status_diff | (both_occ & occupant_diff) | merge)
    return t


def vacancy_dynamics(observations: pd.DataFrame, premises: pd.DataFrame, campaigns: Sequence,
                     lineage: Optional[pd.DataFrame] = None, *,
                     vacant_statuses: Iterable[str] = ("vacant",),
                     excluded_statuses: Iterable[str] = ("demolished",),
                     occupied_status: str = "occupied", ground_floor_only: bool = False,
                     zones: Optional[Iterable] = None) -> pd.DataFrame:
    """Vacancy table, one row per zone × campaign (columns :data:`COLUMNS`, formulas above).

    Zones come in the order of ``zones`` (every listed zone appears, even with no premise),
    then any other zone met in ``premises``, then the outside row when a premise lies outside.
    """
    campaigns = list(campaigns)
    vacant_statuses = tuple(vacant_statuses)
    excluded = tuple(excluded_statuses)
    obs = prepare_observations(observations, premises, campaigns, ground_floor_only)
    counted = ~obs["status"].isin(excluded)
    base = obs[counted]
    is_vac = base["status"].isin(vacant_statuses)
    area = base["floor_area"]
    has_area = area.notna() & (area > 0)
    agg = pd.DataFrame({
        "zone_key": base["zone_key"], "order": base["order"],
        "premises": 1, "vacant": is_vac.astype(int),
        "premises_without_area": (~has_area).astype(int),
        "floor_area": area.where(has_area, 0.0),
        "vacant_floor_area": area.where(has_area & is_vac, 0.0),
    }).groupby(["zone_key", "order"], sort=False).sum()

    if len(obs):
        tr = transitions(obs, lineage, vacant_statuses, occupied_status)
        # a transition counts when the previous state was counted; a new premise when it is
        tr = tr[(~tr["new"] & ~tr["prev_status"].isin(excluded))
                | (tr["new"] & ~tr["status"].isin(excluded))]
        tagg = tr.assign(
            new_premises=tr["new"].astype(int), openings=tr["opening"].astype(int),
            closures=tr["closure"].astype(int),
            activity_changes=tr["activity_change"].astype(int),
            changed=tr["changed"].astype(int),
        ).groupby(["zone_key", "order"], sort=False)[
            ["changed", "openings", "closures", "activity_changes", "new_premises"]].sum()
    else:
        tagg = pd.DataFrame(columns=["changed", "openings", "closures", "activity_changes",
                                     "new_premises"])

    listed = list(zones) if zones is not None else []
    seen = [z for z in pd.unique(premises["zone"].dropna()) if z not in set(listed)]
    keys = listed + seen
    if (obs["zone_key"] == OUTSIDE_KEY).any():
        keys.append(OUTSIDE_KEY)
    index = pd.MultiIndex.from_product([keys, range(len(campaigns))], names=["zone_key", "order"])
    table = agg.reindex(index).fillna(0)
    for col in ("premises", "vacant", "premises_without_area"):
        table[col] = table[col].astype(int)
    tab_t = tagg.reindex(index)
    table = table.join(tab_t)
    table = table.reset_index()

    prem = table["premises"].to_numpy(dtype=float)
    vac = table["vacant"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["vacancy_rate"] = np.where(prem > 0, 100.0 * vac / prem, np.nan)
        fa = table["floor_area"].to_numpy(dtype=float)
        table["vacancy_rate_floor_area"] = np.where(
            fa > 0, 100.0 * table["vacant_floor_area"].to_numpy(dtype=float) / fa, np.nan)
    table["procos_band"] = [procos_band(r) for r in table["vacancy_rate"]]
    grp = table.groupby("zone_key", sort=False)
    table["rate_change"] = table["vacancy_rate"] - grp["vacancy_rate"].shift(1)
    prev_prem = grp["premises"].shift(1)
    table["previous_premises"] = prev_prem.astype("Int64")
    first = table["order"] == 0
    for col in ("changed", "openings", "closures", "activity_changes", "new_premises"):
        table[col] = table[col].where(first, table[col].fillna(0)).astype("Int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        pp = prev_prem.to_numpy(dtype=float)
        ch = table["changed"].astype(float).to_numpy()
        table["turnover_rate"] = np.where(pp > 0, 100.0 * ch / pp, np.nan)
    table["outside"] = table["zone_key"] == OUTSIDE_KEY
    table["zone"] = table["zone_key"].astype(object).where(~table["outside"], None)
    table["campaign"] = [campaigns[i] for i in table["order"]]
    table["campaign_order"] = table["order"]
    return table[COLUMNS]
