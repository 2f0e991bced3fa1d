"""What the atlas and the partners' dashboard show, gathered from the socle (no QGIS).

Which campaigns: the campaigns in chronological order up to the *reference* campaign (the
latest one, or the one named), closed campaigns only unless ``include_open``; an open campaign
that is included is *provisional* and carries its completeness (visited / observations, from
:func:`jobs.campaigns.campaign_progress`).

Computed at print time from the observations, with the jobs' own code and default parameters
(so that the report follows the latest fieldwork without re-running anything):

- vacancy per centrality and campaign (:func:`jobs.vacancy.compute`: rates, Procos band,
  change in points, openings, closures, turnover);
- the offer mix of the reference campaign (:func:`jobs.offer.mix`); the territory's mix is
  Σ shops of each group over every zone (outside included) / Σ shops;
- the territory's vacancy rate: 100 × Σ vacant / Σ premises over every zone (outside
  included);
- the openings and closures between the previous included campaign and the reference one,
  premise by premise (:func:`analysis.vacancy_dynamics.transitions`, the same rule as the
  counts);
- the long-term vacant premises at the reference campaign
  (:func:`analysis.vacancy_history.vacancy_history` over the included campaigns only).

Read from ``indicators`` (what the algorithms stored; the latest period of each code, then the
last computed): footfall (per month, per year, year-on-year change), catchments, services,
markets and producers, Huff shares, site potential, mobility, and the survey indicators. Survey
figures follow :mod:`analysis.secrecy`: a figure with fewer than 11 respondents (or no count)
is never shown, one with fewer than 30 is flagged low precision.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import numpy as np
import pandas as pd

from ..analysis.secrecy import LOW_PRECISION, MIN_RESPONDENTS, secrecy_flags
from ..analysis.vacancy_dynamics import PROCOS_BANDS, prepare_observations, transitions
from ..analysis.vacancy_history import vacancy_history
from ..i18n import noop, tr
from ..jobs import campaigns as campaign_jobs
from ..jobs import offer as offer_jobs
from ..jobs import vacancy as vacancy_jobs
from ..jobs.zones import assign_centralities
from ..store import observatory, readers
from ..store import reporting as store
from ..store.readers import offer as offer_readers
from . import definitions
from .formatting import finite

SURVEY_ALGORITHMS = ("observatoire:expectations", "observatoire:consumption_typology",
                     "observatoire:purchase_flows", "observatoire:offer_gaps",
                     "observatoire:short_circuit_demand", "observatoire:offer_flows_typologies")
VACANCY_COLUMNS = ["campaign_uuid", "campaign", "premises", "vacant", "vacancy_rate",
                   "procos_band", "rate_change", "openings", "closures", "turnover_rate",
                   "provisional", "completeness"]
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
# key figures read from indicators (latest period), in the order the atlas shows them
BAND_WORDS = {"normal": noop("low"), "moderate": noop("moderate"), "worrying": noop("worrying"),
              "critical": noop("critical")}
FIGURE_CODES = (
    "catchment_population_walk_5min", "catchment_population_walk_10min", "services",
    "markets", "market_sessions_per_week", "producers", "huff_market_share",
    "site_potential_best_score", "shop_density", "independent_share",
    "parking_occupancy_rate", "transit_departures_per_hour",
)


class AtlasDataError(ValueError):
    """The socle cannot give a report (no campaign, no centrality…): the message says why."""


@dataclass
class Options:
    language: str = "fr"
    include_open: bool = False
    campaign: Optional[str] = None        # reference campaign (name); default the latest
    long_term_years: float = 2.0
    producer: str = ""
    centralities: Optional[List[str]] = None  # names of the centralities reported (None: all)


@dataclass
class Campaign:
    uuid: str
    name: str
    year: Optional[int]
    start_date: Optional[str]
    end_date: Optional[str]
    state: str
    completeness: Optional[float]         # 0..1, None when unknown
    included: bool = False

    @property
    def provisional(self) -> bool:
        return self.state == "open"


@dataclass
class CentralityReport:
    uuid: str
    name: str
    level: str
    level_label: str
    polygons: list
    vacancy: pd.DataFrame                 # VACANCY_COLUMNS, one row per included campaign
    changes: pd.DataFrame                 # kind, address, sign_name, activity_group, activity
    long_term: pd.DataFrame               # address, sign_name, since, years
    mix: pd.DataFrame                     # activity_group, label, shops, share, territory_share
    footfall_months: pd.DataFrame         # year, month, value
    footfall_year: dict                   # year, value, change, coverage (empty without data)
    figures: dict                         # code -> {value, unit, period}
    expectations: pd.DataFrame            # survey figures (see survey_table)

    def latest(self) -> dict:
        """The vacancy row of the reference campaign ({} when the table is empty)."""
        return self.vacancy.iloc[-1].to_dict() if len(self.vacancy) else {}


@dataclass
class Report:
    territory: str
    producer: str
    language: str
    printed_on: dt.date
    source_file: str
    campaigns: List[Campaign]
    reference: Campaign
    previous: Optional[Campaign]
    centralities: List[CentralityReport]
    territory_vacancy: pd.DataFrame
    territory_mix: pd.DataFrame
    indicators: pd.DataFrame              # every stored indicator, secrecy applied
    sources: list
    parameters: dict
    labels: dict
    warnings: list = field(default_factory=list)

    @property
    def included(self) -> List[Campaign]:
        return [c for c in self.campaigns if c.included]

    @property
    def provisional(self) -> List[Campaign]:
        return [c for c in self.included if c.provisional]

    def has(self, section: str) -> bool:
        """Whether any centrality has data for ``section``: footfall, mix, expectations,
        changes, long_term."""
        attribute = {"footfall": "footfall_months", "mix": "mix",
                     "expectations": "expectations", "changes": "changes",
                     "long_term": "long_term"}[section]
        return any(len(getattr(c, attribute)) for c in self.centralities)


# ------------------------------------------------------------------------------- campaigns

def campaign_list(conn, options: Options) -> List[Campaign]:
    """Every campaign, chronological, with its completeness and whether the report includes
    it (see the module docstring); raises :class:`AtlasDataError` when none is included."""
    frame = readers.campaigns(conn)
    if frame.empty:
        raise AtlasDataError(tr("The GeoPackage holds no inventory campaign: nothing to "
                                "report."))
    result = []
    for row in frame.to_dict("records"):
        try:
            progress = campaign_jobs.campaign_progress(conn, row["uuid"])
            completeness = progress["totals"]["completeness"]
        except campaign_jobs.CampaignError:
            completeness = None
        if completeness is None and row["state"] == "closed":
            completeness = 1.0
        result.append(Campaign(row["uuid"], row["name"], _int(row["year"]),
                               _text(row["start_date"]), _text(row["end_date"]),
                               row["state"] or "closed", completeness))
    names = [c.name for c in result]
    chosen = (options.campaign or "").strip()
    if chosen and chosen not in names:
        raise AtlasDataError(tr("Unknown campaign {name}. Campaigns in the GeoPackage: "
                                "{known}.").format(name=chosen, known=", ".join(names)))
    last = names.index(chosen) if chosen else len(result) - 1
    if chosen and result[last].provisional and not options.include_open:
        raise AtlasDataError(tr(
            "The campaign {name} is still open ({percent} % visited): include the open "
            "campaigns to report on it (it is then marked provisional).").format(
                name=chosen, percent=_percent(result[last].completeness)))
    for index, camp in enumerate(result):
        camp.included = index <= last and (options.include_open or not camp.provisional)
    if not any(c.included for c in result):
        raise AtlasDataError(tr(
            "Every campaign is still open ({names}): close a campaign, or include the open "
            "campaigns (they are then marked provisional).").format(
                names=", ".join(c.name for c in result if c.provisional)))
    return result


def _percent(value) -> str:
    return "?" if value is None else str(round(100 * value))


def _int(value) -> Optional[int]:
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None


def _text(value) -> Optional[str]:
    return None if value is None or value != value or str(value) == "" else str(value)


# --------------------------------------------------------------------------------- vacancy

def vacancy_tables(conn, campaigns: List[Campaign], warn=None) -> pd.DataFrame:
    """:func:`jobs.vacancy.compute` over the included campaigns, with ``provisional`` and
    ``completeness`` per row (every zone, outside included)."""
    included = [c for c in campaigns if c.included]
    table = vacancy_jobs.compute(conn, campaign_uuids=[c.uuid for c in included], write=False,
                                 warn=warn)
    info = {c.uuid: c for c in included}
    table["provisional"] = table["campaign_uuid"].map(lambda u: info[u].provisional)
    table["completeness"] = table["campaign_uuid"].map(lambda u: info[u].completeness)
    return table


def territory_vacancy(table: pd.DataFrame, campaigns: List[Campaign]) -> pd.DataFrame:
    """Territory rows per included campaign: premises, vacant, vacancy_rate = 100 × Σ vacant
    / Σ premises over every zone (outside included), rate_change against the previous row."""
    rows = []
    for camp in (c for c in campaigns if c.included):
        part = table[table["campaign_uuid"] == camp.uuid]
        premises = int(part["premises"].sum())
        vacant = int(part["vacant"].sum())
        rate = 100.0 * vacant / premises if premises else None
        rows.append({"campaign_uuid": camp.uuid, "campaign": camp.name, "premises": premises,
                     "vacant": vacant, "vacancy_rate": rate,
                     "provisional": camp.provisional, "completeness": camp.completeness})
    frame = pd.DataFrame(rows)
    rates = pd.to_numeric(frame["vacancy_rate"], errors="coerce")
    frame["rate_change"] = rates - rates.shift(1)
    frame["procos_band"] = [_band(r) for r in rates]
    return frame


def _band(rate) -> Optional[str]:
    from ..analysis.vacancy_dynamics import procos_band

    return procos_band(finite(rate))


def procos_thresholds() -> list:
    """[(code, lower bound in %)] of the Procos bands."""
    return [(code, lower) for code, lower, _label in PROCOS_BANDS]


# ------------------------------------------------------------------- lists of premises

def _zone_of_premises(conn, cents) -> tuple:
    prem = readers.premises(conn)
    return prem, assign_centralities(prem, cents)


def premise_changes(conn, previous: Optional[Campaign], reference: Campaign, cents,
                    premises: pd.DataFrame, zone_of: dict,
                    activity_labels: dict) -> pd.DataFrame:
    """Openings and closures from ``previous`` to ``reference``, premise by premise:
    ``centrality_uuid``, ``kind`` ('opening' / 'closure'), ``address``, ``sign_name``,
    ``activity_group``, ``activity``; empty without a previous campaign."""
    columns = ["centrality_uuid", "kind", "address", "sign_name", "activity_group", "activity"]
    if previous is None:
        return pd.DataFrame(columns=columns)
    obs = vacancy_jobs.filter_unconfirmed(vacancy_jobs.load_observations(conn), True)
    obs = obs[obs["campaign"].isin([previous.uuid, reference.uuid])]
    frame = pd.DataFrame({"premise": premises["uuid"],
                          "zone": premises["uuid"].map(zone_of).astype(object)})
    frame["zone"] = frame["zone"].where(frame["zone"].notna(), None)
    obs = obs[obs["premise"].isin(set(frame["premise"]))]
    prepared = prepare_observations(obs[["premise", "campaign", "status", "activity_group",
                                         "sign_name"]], frame,
                                    [previous.uuid, reference.uuid])
    moves = transitions(prepared, offer_readers.lineage(conn),
                        readers.vacant_statuses(conn) or ("vacant",))
    moves = moves[moves["opening"] | moves["closure"]]
    info = premises.set_index("uuid")
    out = pd.DataFrame({
        "centrality_uuid": moves["premise"].map(zone_of),
        "kind": np.where(moves["opening"], "opening", "closure"),
        "address": moves["premise"].map(info["address"]),
        # a closed shop is named by its former sign
        "sign_name": np.where(moves["opening"], moves["sign_name"], moves["prev_sign"]),
        "activity_group": np.where(moves["opening"], moves["activity_group"],
                                   moves["prev_activity"]),
    })
    out["activity"] = out["activity_group"].map(lambda g: activity_labels.get(g, g)
                                                if isinstance(g, str) else None)
    out = out.sort_values(["kind", "address"], ascending=[False, True], na_position="last")
    return out[columns].reset_index(drop=True)


def long_term_vacancy(conn, campaigns: List[Campaign], reference: Campaign,
                      premises: pd.DataFrame, zone_of: dict, threshold: float) -> pd.DataFrame:
    """Premises vacant at the reference campaign for ``threshold`` years or more, over the
    included campaigns: ``centrality_uuid``, ``premise``, ``address``, ``since`` (campaign
    their current vacancy started), ``years``. Sorted longest first."""
    columns = ["centrality_uuid", "premise", "address", "since", "years"]
    included = [c for c in campaigns if c.included]
    obs = vacancy_jobs.filter_unconfirmed(vacancy_jobs.load_observations(conn), True)
    names = {c.uuid: c.name for c in included}
    obs = obs[obs["campaign"].isin(set(names)) & (obs["status"] != "unknown")]
    if obs.empty:
        return pd.DataFrame(columns=columns)
    dates = {c.name: (c.start_date or (str(c.year) if c.year else None)) for c in included}
    if any(v is None for v in dates.values()):
        return pd.DataFrame(columns=columns)
    if not all(c.start_date for c in included):
        dates = {c.name: str(c.year) for c in included}
    table = vacancy_history(obs.assign(campaign=obs["campaign"].map(names))[
        ["premise", "campaign", "status"]], [c.name for c in included], dates,
        offer_readers.lineage(conn), vacant_statuses=readers.vacant_statuses(conn) or ("vacant",),
        threshold_years=threshold)
    info = premises.set_index("uuid")
    live = info.index[info["retired_at"].isna()]
    table = table[table["long_term"] & (table["last_campaign"] == reference.name)
                  & table["premise"].isin(set(live))]
    out = pd.DataFrame({"centrality_uuid": table["premise"].map(zone_of),
                        "premise": table["premise"],
                        "address": table["premise"].map(info["address"]),
                        "since": table["vacancy_start_campaign"],
                        "years": table["vacancy_years"].astype(float)})
    return out.sort_values(["years", "address"], ascending=[False, True]
                           )[columns].reset_index(drop=True)


# ------------------------------------------------------------------------------ offer mix

def offer_mix(conn, reference: Campaign, labels: dict) -> tuple:
    """(per-centrality mix, territory mix) of the reference campaign: activity_group, label,
    shops, share (%); the territory's share is Σ shops of the group over every zone / Σ
    shops."""
    _summary, by_group = offer_jobs.mix(conn, campaign_uuids=[reference.uuid], write=False)
    by_group = by_group[by_group["campaign_uuid"] == reference.uuid].copy()
    by_group["label"] = by_group["activity_group"].map(lambda g: labels.get(g, g))
    totals = by_group.groupby("activity_group", sort=False)["shops"].sum()
    whole = float(totals.sum())
    territory = pd.DataFrame({"activity_group": totals.index, "shops": totals.to_numpy()})
    territory["label"] = territory["activity_group"].map(lambda g: labels.get(g, g))
    territory["share"] = 100.0 * territory["shops"] / whole if whole else np.nan
    order = {g: i for i, g in enumerate(labels)}
    territory = territory.sort_values("activity_group",
                                      key=lambda s: s.map(lambda g: order.get(g, 99)))
    return by_group, territory.reset_index(drop=True)


# ----------------------------------------------------------------------------- indicators

def _period_key(period) -> tuple:
    text = str(period or "")
    digits = re.findall(r"\d{4}", text)
    return (int(digits[-1]) if digits else 0, text)


def latest_values(rows: pd.DataFrame) -> dict:
    """code -> {value, unit, period, algorithm, computed_at}: the latest period of each code
    (periods compared by their last four-digit year, then as text), then the last computed."""
    result: dict = {}
    if rows.empty:
        return result
    ordered = rows.assign(_key=rows["period"].map(_period_key)).sort_values(
        ["_key", "computed_at"], kind="stable")
    for r in ordered.to_dict("records"):
        result[r["indicator"]] = {k: r.get(k) for k in (
            "value", "unit", "period", "algorithm", "computed_at", "ci_low", "ci_high",
            "respondents", "low_precision", "suppressed")}
    return result


def with_secrecy(frame: pd.DataFrame, counted: bool = True) -> pd.DataFrame:
    """``frame`` (indicators) with ``survey``, ``suppressed`` and ``low_precision`` columns.

    Survey figures are those of the theme *expectations* or of a survey algorithm. One with
    fewer than 11 respondents loses its value and interval (``suppressed``); under 30 it is
    flagged ``low_precision`` (as is any the job flagged). A survey figure without a count is
    suppressed when the file cannot record counts (``counted`` False: a schema older than the
    survey results); with the count column there, an empty count marks a figure that does not
    rest on respondents (a rank, an index), shown as it is.
    """
    out = frame.copy()
    survey = (out["indicator"].map(lambda c: definitions.theme_of(c) == "expectations")
              | out["algorithm"].isin(SURVEY_ALGORITHMS)).to_numpy()
    respondents = pd.to_numeric(out["respondents"], errors="coerce")
    suppressed, low = secrecy_flags(respondents.to_numpy())
    unknown = respondents.isna().to_numpy()
    if counted:
        suppressed = suppressed & ~unknown
        low = low & ~unknown
    stored_low = out["low_precision"].map(lambda v: bool(v) if v is not None and v == v
                                          else False).to_numpy()
    out["survey"] = survey
    out["suppressed"] = survey & suppressed
    out["low_precision"] = survey & (low | stored_low)
    for column in ("value", "ci_low", "ci_high"):
        out[column] = out[column].astype(object).where(~out["suppressed"], None)
    return out


def footfall(rows: pd.DataFrame) -> tuple:
    """(months, year figure) of one centrality's footfall indicators: months = year, month,
    value of ``footfall_mean_daily`` for the latest year with monthly values and the year
    before; year figure = {year, value, change (footfall_yoy, %), coverage (%)} of the latest
    year with an annual value."""
    daily = rows[rows["indicator"] == "footfall_mean_daily"]
    months = []
    for r in daily.to_dict("records"):
        match = MONTH.match(str(r["period"]))
        value = finite(r["value"])
        if match and value is not None:
            months.append((int(match[1]), int(match[2]), value))
    frame = pd.DataFrame(months, columns=["year", "month", "value"]).drop_duplicates(
        ["year", "month"], keep="last")
    if len(frame):
        last = int(frame["year"].max())
        frame = frame[frame["year"].isin([last - 1, last])].sort_values(["year", "month"])
    figure: dict = {}
    years = {int(str(r["period"])): finite(r["value"]) for r in daily.to_dict("records")
             if YEAR.match(str(r["period"])) and finite(r["value"]) is not None}
    if years:
        year = max(years)

        def value_of(code):
            part = rows[(rows["indicator"] == code) & (rows["period"].astype(str) == str(year))]
            return finite(part["value"].iloc[-1]) if len(part) else None

        figure = {"year": year, "value": years[year], "change": value_of("footfall_yoy"),
                  "coverage": value_of("footfall_coverage")}
    return frame.reset_index(drop=True), figure


PROFILE_PATTERN = re.compile(r"^expect_satisfaction_.+_satisfied$")


def survey_table(rows: pd.DataFrame, language: str) -> pd.DataFrame:
    """The expectations profile of one centrality, latest period: the share satisfied with
    each topic (``expect_satisfaction_<topic>_satisfied``) among the centrality's visitors,
    else among the people interviewed there; without those, the centrality's other survey
    shares (%) of one domain, at most ten. Columns: code, label (of the code without its
    domain), domain (who the figures speak for), value, ci_low, ci_high, respondents,
    low_precision, suppressed, unit, period."""
    columns = ["code", "label", "domain", "value", "ci_low", "ci_high", "respondents",
               "low_precision", "suppressed", "unit", "period"]
    survey = rows[rows["survey"]] if "survey" in rows.columns else rows.iloc[0:0]
    survey = survey[survey["unit"].fillna("") == "%"]
    if survey.empty:
        return pd.DataFrame(columns=columns)
    parts = survey["indicator"].map(definitions.split_domain)
    bases, domains = parts.map(lambda p: p[0]), parts.map(lambda p: p[1])
    chosen = None
    for domain in ("visitors", "interviewed"):
        pick = bases.map(lambda b: bool(PROFILE_PATTERN.match(b))) & (domains == domain)
        if pick.any():
            chosen = survey[pick.to_numpy()]
            break
    if chosen is None:
        first = domains.iloc[0]
        chosen = survey[(domains == first).to_numpy()]
    latest = latest_values(chosen)
    out = []
    for code, r in list(latest.items())[:10]:
        base, domain = definitions.split_domain(code)
        out.append({"code": code, "label": definitions.lookup(base, language).label,
                    "domain": definitions.domain_label(domain, language) if domain else "",
                    "value": finite(r["value"]), "ci_low": finite(r["ci_low"]),
                    "ci_high": finite(r["ci_high"]), "respondents": _int(r["respondents"]),
                    "low_precision": bool(r["low_precision"]),
                    "suppressed": bool(r["suppressed"]), "unit": "%", "period": r["period"]})
    return pd.DataFrame(out, columns=columns)


def _parameters_of(frame: pd.DataFrame, algorithm: str) -> dict:
    part = frame[frame["algorithm"] == algorithm]
    if part.empty:
        return {}
    try:
        return json.loads(part["parameters"].iloc[-1] or "{}")
    except (TypeError, ValueError):
        return {}


# --------------------------------------------------------------------------------- gather

def chosen_centralities(cents: list, names: Optional[List[str]]) -> list:
    """The centralities of ``cents`` named in ``names``, in the socle's order (every one when
    ``names`` is empty); AtlasDataError naming the unknown names and the known ones."""
    wanted = [n.strip() for n in (names or []) if n and n.strip()]
    if not wanted:
        return list(cents)
    known = [c["name"] for c in cents]
    unknown = [n for n in dict.fromkeys(wanted) if n not in known]
    if unknown:
        raise AtlasDataError(tr(
            "Unknown centrality name(s): {unknown}. Centralities in the GeoPackage: "
            "{known}.").format(unknown=", ".join(unknown), known=", ".join(sorted(known))))
    return [c for c in cents if c["name"] in set(wanted)]


def gather(conn, options: Options, *, source_file: str = "",
           progress: Optional[Callable[[float], None]] = None,
           today: Optional[dt.date] = None) -> Report:
    """Everything a report shows (see the module docstring). ``progress(percent)`` is called
    along the way; warnings of the jobs (unconfirmed observations…) are in ``warnings``."""
    language = options.language
    warnings: list = []
    camps = campaign_list(conn, options)
    included = [c for c in camps if c.included]
    reference = included[-1]
    previous = included[-2] if len(included) > 1 else None
    cents = readers.centralities(conn)
    if not cents:
        raise AtlasDataError(tr("The GeoPackage holds no centrality: nothing to report."))
    reported = chosen_centralities(cents, options.centralities)
    labels = {table: store.labels(conn, table, language) for table in store.LABEL_TABLES}
    if progress:
        progress(10)
    table = vacancy_tables(conn, camps, warn=warnings.append)
    by_group, territory_mix = offer_mix(conn, reference, labels["activity_groups"])
    if progress:
        progress(30)
    premises, zone_of = _zone_of_premises(conn, cents)
    changes = premise_changes(conn, previous, reference, cents, premises, zone_of,
                              labels["activity_groups"])
    long_term = long_term_vacancy(conn, camps, reference, premises, zone_of,
                                  options.long_term_years)
    if progress:
        progress(50)
    stored = with_secrecy(store.indicators(conn), store.has_survey_columns(conn))
    centralities = []
    for cent in reported:
        uid = cent["uuid"]
        vac = table[table["centrality_uuid"] == uid]
        mix = by_group[by_group["centrality_uuid"] == uid][
            ["activity_group", "label", "shops", "share"]].merge(
            territory_mix[["activity_group", "share"]].rename(
                columns={"share": "territory_share"}), on="activity_group", how="outer")
        mix["label"] = mix["activity_group"].map(
            lambda g: labels["activity_groups"].get(g, g))
        mix["shops"] = mix["shops"].fillna(0).astype(int)
        mix["share"] = mix["share"].fillna(0.0)
        if not mix["shops"].sum():
            mix = mix.iloc[0:0]
        rows = stored[stored["centrality_uuid"] == uid]
        months, year_figure = footfall(rows)
        figures = latest_values(rows[rows["indicator"].isin(FIGURE_CODES)])
        centralities.append(CentralityReport(
            uuid=uid, name=cent["name"], level=cent["level"],
            level_label=labels["centrality_levels"].get(cent["level"], cent["level"] or ""),
            polygons=cent["polygons"],
            vacancy=vac[VACANCY_COLUMNS].reset_index(drop=True),
            changes=changes[changes["centrality_uuid"] == uid].reset_index(drop=True),
            long_term=long_term[long_term["centrality_uuid"] == uid].reset_index(drop=True),
            mix=mix.reset_index(drop=True), footfall_months=months,
            footfall_year=year_figure, figures=figures,
            expectations=survey_table(rows, language)))
    if progress:
        progress(70)
    meta = observatory.meta(conn)
    parameters = {
        "vacant_statuses": [labels["observation_statuses"].get(s, s)
                            for s in (readers.vacant_statuses(conn) or ["vacant"])],
        "procos": procos_thresholds(),
        "long_term_years": options.long_term_years,
        "include_open": options.include_open,
        "centralities": [c["name"] for c in reported] if options.centralities else [],
        "centralities_total": len(cents),
        "included": [c.name for c in included],
        "excluded_open": [c.name for c in camps if c.provisional and not c.included],
        "footfall": _parameters_of(stored, "observatoire:footfall_by_centrality"),
        "catchments": _parameters_of(stored, "observatoire:network_catchments"),
        "huff": _parameters_of(stored, "observatoire:huff_model"),
        "min_respondents": MIN_RESPONDENTS,
        "low_precision": LOW_PRECISION,
    }
    return Report(
        territory=meta.get("territory") or "", producer=options.producer or "",
        language=language, printed_on=today or dt.date.today(), source_file=source_file,
        campaigns=camps, reference=reference, previous=previous, centralities=centralities,
        territory_vacancy=territory_vacancy(table, camps), territory_mix=territory_mix,
        indicators=stored, sources=store.data_sources(conn), parameters=parameters,
        labels=labels, warnings=warnings)
