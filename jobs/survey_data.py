"""What every survey job shares: refusals, the answers as analysis frames, the publication rules
applied to outputs and indicators, and the translation of the analysis errors.

Publication rules (:mod:`analysis.secrecy`), applied wherever a survey figure leaves a job: a
cell (one published figure) with fewer than 11 respondents is never written to ``indicators``
and, in output tables, has its value and interval emptied with the reason "fewer than 11
respondents"; a cell with fewer than 30 is flagged ``low_precision``. Shares are published in
percent (100 × the weighted share), their intervals too.

Indicator codes of survey figures: ``<code>`` for the whole territory (scope ``territory``),
``<code>__visitors`` and ``<code>__interviewed`` per centrality (scope ``centrality``: the
respondents who visit it at least monthly, or who were interviewed there),
``<code>__<profile>_<value>`` per population group (scope ``territory``, e.g.
``__age_band_15_24``) and ``<code>__home_zone_<zone>`` per home zone (scope ``other``).
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional

import numpy as np
import pandas as pd

from ..analysis.mca import TypologyInputError
from ..analysis.secrecy import LOW_PRECISION, MIN_RESPONDENTS, REASON_TEMPLATE, apply_secrecy
from ..analysis.survey_weighting import SurveyWeightingError
from ..i18n import noop, tr
from ..store import survey_results
from ..store.survey import SurveyStoreError
from .common import JobError

VISITORS = "visitors"
INTERVIEWED = "interviewed"
TERRITORY = "territory"
HOME_ZONE = "home_zone"
OUTSIDE_ZONE = "outside"
PROFILES = ("age_band", "occupation", "children", "car", HOME_ZONE)


class SurveyJobError(JobError):
    """A survey analysis cannot run; the (translated) message says what to do."""


def require_answers(conn) -> None:
    """Refuse a GeoPackage without questionnaire answers."""
    if not survey_results.has_answers(conn):
        raise SurveyJobError(tr(
            "The GeoPackage holds no questionnaire answer (with consent): import the answers "
            "with “Import questionnaire answers” (observatoire:import_survey_responses) "
            "first."))


def require_weights(conn, reference: Optional[str] = None) -> dict:
    """The weighting run ``reference`` (uuid or name; the latest when empty), or a refusal."""
    require_answers(conn)
    try:
        survey_results.require_results_schema(conn)
    except SurveyStoreError as exc:
        raise SurveyJobError(str(exc)) from exc
    run = survey_results.weighting_run(conn, reference)
    if run is None:
        if reference:
            raise SurveyJobError(tr("No weighting run is named {run!r}: leave the run empty "
                                    "for the latest one, or give the name or uuid of a run "
                                    "of “Weight the survey answers”.").format(run=reference))
        raise SurveyJobError(tr(
            "The survey answers are not weighted yet: run “Weight the survey answers” "
            "(observatoire:weight_survey) first."))
    return run


def weighting_message(error: SurveyWeightingError) -> str:
    """The translated message of a weighting error (template + its parameters)."""
    return tr(error.template).format(**error.shown_params)


_TYPOLOGY_MESSAGES = {
    "no_rows": noop("no weighted respondent to classify"),
    "too_few_questions": noop("the typology needs at least two behaviour questions"),
    "single_category": noop("every respondent gave the same answer to {column} ({value}): it "
                            "cannot tell anyone apart"),
    "too_few_rows": noop("too few respondents ({value}) to choose the number of types: give "
                         "it"),
    "too_many_clusters": noop("{value} types cannot be formed from so few respondents"),
    "too_many_rows": noop("{value} respondents are too many for the exact clustering: give a "
                          "number of pre-clusters (e.g. 100)"),
}


def typology_message(error: TypologyInputError) -> str:
    """The translated message of a typology input error (by its reason)."""
    template = _TYPOLOGY_MESSAGES.get(error.reason)
    if template is None:
        return tr("the typology cannot be computed: {error}").format(error=error)
    return tr(template).format(column=error.column, value=error.value)


def reason_text() -> str:
    """The translated reason of a suppressed cell."""
    return tr(REASON_TEMPLATE).format(n=MIN_RESPONDENTS)


def percent(values) -> np.ndarray:
    """Shares (0–1) as published: percent, clipped to 0–100 (a normal-approximation interval
    may cross the bounds)."""
    return np.clip(100.0 * np.asarray(values, dtype=float), 0.0, 100.0)


def publish(frame: pd.DataFrame, value_columns: Iterable[str],
            respondents: str = "respondents") -> pd.DataFrame:
    """The publication rules applied to an output table: values of cells under 11
    respondents emptied, ``low_precision`` (bool) and ``reason`` (translated) added."""
    out = apply_secrecy(frame, respondents, list(value_columns))
    out["reason"] = np.where(out["suppressed"], reason_text(), None)
    return out.drop(columns=["suppressed"])


def survey_indicator(scope: str, centrality_uuid: Optional[str], code: str, period: str,
                     value, unit: str, respondents: int, ci_low=None,
                     ci_high=None) -> Optional[dict]:
    """One indicator row of a survey figure, or None when it may not be written (fewer than
    11 respondents, or no value)."""
    if respondents is None or int(respondents) < MIN_RESPONDENTS:
        return None
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    low, high = _finite(ci_low), _finite(ci_high)
    if unit == "%":  # a share's interval stays within 0–100 %
        low = None if low is None else max(0.0, low)
        high = None if high is None else min(100.0, high)
    return {"scope": scope, "centrality_uuid": centrality_uuid, "indicator": code,
            "period": period, "value": float(value), "unit": unit,
            "ci_low": low, "ci_high": high,
            "respondents": int(respondents),
            "low_precision": int(int(respondents) < LOW_PRECISION)}


def _finite(value):
    if value is None:
        return None
    value = float(value)
    return value if np.isfinite(value) else None


def domain_code(code: str, kind: str, value: Optional[str] = None) -> str:
    """Indicator code of a survey figure in a domain (module docstring)."""
    if kind == TERRITORY:
        return code
    if kind in (VISITORS, INTERVIEWED):
        return f"{code}__{kind}"
    return f"{code}__{kind}_{value}"


def domain_scope(kind: str) -> str:
    if kind in (VISITORS, INTERVIEWED):
        return "centrality"
    if kind == HOME_ZONE:
        return "other"
    return "territory"


# ------------------------------------------------------------------------------- answers

def period_of(frame: pd.DataFrame) -> str:
    """The survey wave: the year of the responses (``2024``), or the span (``2024-2025``);
    the current year when no date was recorded."""
    import datetime as dt

    years: List[int] = []
    for column in ("started_at", "submitted_at", "ended_at"):
        if column in frame.columns:
            found = pd.to_datetime(frame[column], errors="coerce", utc=True).dt.year.dropna()
            years = sorted({int(y) for y in found})
            if years:
                break
    if not years:
        return str(dt.date.today().year)
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def centralities(conn) -> pd.DataFrame:
    """Centralities with their questionnaire code: uuid, name, level, code, polygons (in the
    assignment order of :func:`store.readers.centralities`)."""
    from ..store import readers

    codes = survey_results.centrality_codes_by_uuid(conn)
    rows = [{"uuid": c["uuid"], "name": c["name"], "level": c["level"],
             "code": codes.get(c["uuid"]), "polygons": c["polygons"]}
            for c in readers.centralities(conn)]
    return pd.DataFrame(rows, columns=["uuid", "name", "level", "code", "polygons"])


def visitor_domains(conn, index: pd.Index, codes: Iterable[str]) -> pd.DataFrame:
    """Booleans response × centrality code: True when the respondent visits the centrality at
    least monthly (a row of ``survey_centrality_visits``)."""
    codes = list(codes)
    visits = survey_results.visits(conn)
    frame = pd.DataFrame(False, index=index, columns=codes)
    for code in codes:
        who = set(visits.loc[visits["centrality_code"] == code, "response_uuid"])
        frame[code] = index.isin(list(who))
    return frame


def interview_domains(responses: pd.DataFrame, codes: Iterable[str]) -> pd.DataFrame:
    """Booleans response × centrality code: True when interviewed in that centrality."""
    place = responses["interview_centrality"] if "interview_centrality" in responses else \
        pd.Series(None, index=responses.index)
    return pd.DataFrame({c: (place == c).to_numpy() for c in codes}, index=responses.index)


def profile_groups(responses: pd.DataFrame, zones: Optional[pd.Series] = None
                   ) -> Dict[str, pd.Series]:
    """Population groups per response: age band, occupation, household with children
    (``yes`` / ``no``; a one-person household has none), car ownership (``yes`` when the
    household has a car), home zone (the weighting run's, when given)."""
    out: Dict[str, pd.Series] = {}
    if "age_band" in responses:
        out["age_band"] = responses["age_band"]
    if "occupation" in responses:
        out["occupation"] = responses["occupation"]
    if "household_children" in responses:
        children = pd.to_numeric(responses["household_children"], errors="coerce")
        size = pd.to_numeric(responses.get("household_size"), errors="coerce")
        kids = pd.Series(np.where(children > 0, "yes", np.where(
            (children == 0) | (size == 1), "no", None)), index=responses.index)
        out["children"] = kids.where(kids.notna(), None)
    if "household_cars" in responses:
        cars = pd.to_numeric(responses["household_cars"], errors="coerce")
        out["car"] = pd.Series(np.where(cars > 0, "yes", np.where(cars == 0, "no", None)),
                               index=responses.index)
    if zones is not None:
        out[HOME_ZONE] = zones.reindex(responses.index)
    return out


def save(conn, outcome, algorithm: str, parameters: dict, prefixes) -> int:
    """Replace the survey indicators ``outcome.rows`` of ``outcome.period`` written by
    ``algorithm`` under the code ``prefixes`` (one transaction); sets and returns
    ``outcome.indicators``."""
    outcome.indicators = survey_results.save_indicators(
        conn, outcome.rows, algorithm=algorithm, period=outcome.period, parameters=parameters,
        prefixes=list(prefixes))
    return outcome.indicators
