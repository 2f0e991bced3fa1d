"""Reads and writes of the survey analyses (schema v11): answers as frames, margins, spending,
weighting runs and weights, typology runs, the population grid by age, survey indicators.

No formula here: the jobs (:mod:`jobs.survey_weighting`, :mod:`jobs.survey_typology`…) decide
what to compute; this module only moves rows. Every write runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import uuid
from typing import Dict, Iterable, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..i18n import tr
from . import geometry, gpkg, tables
from .schema import survey_results as schema
from .schema.survey import MULTI, RESPONSES, VISITS
from .survey import SurveyStoreError

FILOSOFI_AGES = ("ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17", "ind_18_24", "ind_25_39",
                 "ind_40_54", "ind_55_64", "ind_65_79", "ind_80p")


def _new_uuid() -> str:
    return str(uuid.uuid4())


def require_results_schema(conn) -> None:
    """Refuse a file that predates the survey results tables (schema v11)."""
    if not schema.has_v11(conn):
        raise SurveyStoreError(tr("this GeoPackage predates the survey results tables (schema "
                                  "v11): open it with the plugin to upgrade it first"))


# ---------------------------------------------------------------------------------- answers

def has_answers(conn) -> bool:
    """Does the file hold at least one questionnaire response with consent?"""
    return gpkg.table_exists(conn, RESPONSES) and tables.exists(conn, RESPONSES,
                                                                 {"consent": "yes"})


def responses(conn, columns: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Responses with consent (``uuid`` first, then ``columns``; every column when None), in
    table order."""
    present = gpkg.column_names(conn, RESPONSES)
    if columns is None:
        wanted = [c for c in present if c != "fid"]
    else:
        missing = [c for c in columns if c not in present]
        if missing:
            raise SurveyStoreError(tr("the questionnaire table lacks the column(s) {columns}: "
                                      "open the GeoPackage with the plugin to upgrade it").format(
                                          columns=", ".join(missing)))
        wanted = ["uuid", *[c for c in columns if c != "uuid"]]
    return tables.frame(conn, RESPONSES, wanted, {"consent": "yes"}, order_by=["fid"])


def visits(conn) -> pd.DataFrame:
    """Per-centrality visit answers: response_uuid, centrality_code, frequency,
    transport_mode, parking_place, parking_search."""
    return tables.frame(conn, VISITS, ["response_uuid", "centrality_code", "frequency",
                                       "transport_mode", "parking_place", "parking_search"],
                        order_by=["fid"])


def multi_answers(conn, questions: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """Ticked choices: response_uuid, question, centrality_code, choice."""
    where = {"question": tuple(questions)} if questions is not None else None
    return tables.frame(conn, MULTI, ["response_uuid", "question", "centrality_code", "choice"],
                        where, order_by=["fid"])


# ---------------------------------------------------------------------- margins, spending

def survey_margins(conn) -> pd.DataFrame:
    """The editable margins: margin, category, population, source, year (every year)."""
    require_results_schema(conn)
    return tables.frame(conn, schema.MARGINS, ["margin", "category", "population", "source",
                                               "year"], order_by=["margin", "year", "fid"])


def spending(conn) -> pd.DataFrame:
    """The editable annual spending per household: category, spending, source, year."""
    require_results_schema(conn)
    return tables.frame(conn, schema.SPENDING, ["category", "spending", "source", "year"],
                        order_by=["category", "year"])


def write_margins(conn, rows: Iterable[dict]) -> int:
    """Insert margin rows (margin, category, population, source, year[, notes])."""
    return tables.insert_dicts(conn, schema.MARGINS,
                               [{"uuid": _new_uuid(), **r} for r in rows])


def write_spending(conn, rows: Iterable[dict]) -> int:
    """Insert spending rows (category, spending, source, year[, notes])."""
    return tables.insert_dicts(conn, schema.SPENDING,
                               [{"uuid": _new_uuid(), **r} for r in rows])


# --------------------------------------------------------------------------- population

def population_cells(conn) -> pd.DataFrame:
    """Population grid cells: centre ``x``, ``y`` (of the bounding box), ``ind``, ``men``
    (households) and the Filosofi age columns (NULL counts as 0)."""
    columns = ["ind", "men", *FILOSOFI_AGES]
    data = tables.frame(conn, "population_grid", [*columns, "geom"], order_by=["fid"])
    env = geometry.envelopes(list(data["geom"])) if len(data) else np.zeros((0, 4))
    out = pd.DataFrame({c: pd.to_numeric(data[c], errors="coerce").fillna(0.0)
                        .astype(float) for c in columns})
    out["x"] = (env[:, 0] + env[:, 1]) / 2.0 if len(data) else []
    out["y"] = (env[:, 2] + env[:, 3]) / 2.0 if len(data) else []
    return out[np.isfinite(out["x"].to_numpy(dtype=float))].reset_index(drop=True)


# ------------------------------------------------------------------------ weighting runs

RUN_COLUMNS = ("uuid", "name", "created_at", "period", "method", "margins", "zone_source",
               "lower_bound", "upper_bound", "tolerance", "max_iterations", "harmonised",
               "converged", "iterations", "respondents", "left_out", "population", "weight_min",
               "weight_max", "ratio_min", "ratio_max", "at_lower", "at_upper", "design_effect",
               "effective_sample_size", "max_margin_error", "parameters")


def write_weighting_run(conn, run: dict, margins: pd.DataFrame, weights: pd.DataFrame) -> str:
    """Store one weighting run (``run``: the keys of :data:`RUN_COLUMNS` but uuid and
    created_at), its margins (margin, category, population, respondents, base_total,
    weighted_total, source, year) and its weights (response_uuid, weight, base_weight,
    home_zone, age_band). Returns the run's uuid."""
    require_results_schema(conn)
    run_uuid = _new_uuid()
    record = {"uuid": run_uuid, "created_at": gpkg.now_iso(), **run}
    if isinstance(record.get("parameters"), dict):
        record["parameters"] = json.dumps(record["parameters"], sort_keys=True,
                                          ensure_ascii=False)
    tables.insert_dicts(conn, schema.WEIGHTING_RUNS, [record])
    margin_rows = [{"uuid": _new_uuid(), "run_uuid": run_uuid, "position": i, **m}
                   for i, m in enumerate(_records(margins))]
    tables.insert_dicts(conn, schema.WEIGHTING_MARGINS, margin_rows)
    columns = ["uuid", "run_uuid", "response_uuid", "weight", "base_weight", "home_zone",
               "age_band"]
    tables.insert(conn, schema.WEIGHTS, columns, (
        (_new_uuid(), run_uuid, r["response_uuid"], float(r["weight"]),
         float(r["base_weight"]), r.get("home_zone"), r.get("age_band"))
        for r in _records(weights)))
    return run_uuid


def _records(frame: pd.DataFrame) -> List[dict]:
    out = []
    for record in frame.to_dict("records"):
        out.append({k: _plain(v) for k, v in record.items()})
    return out


def _plain(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not np.isfinite(value) else float(value)
    return value


def weighting_runs(conn) -> pd.DataFrame:
    """Every weighting run, oldest first (by creation time, then fid)."""
    if not schema.has_v11(conn):
        return pd.DataFrame(columns=list(RUN_COLUMNS))
    return tables.frame(conn, schema.WEIGHTING_RUNS, list(RUN_COLUMNS),
                        order_by=["created_at", "fid"])


def _run(runs: pd.DataFrame, reference: Optional[str]) -> Optional[dict]:
    """The run of ``runs`` (oldest first) whose uuid or name is ``reference``; the latest one
    when None; None when there is none."""
    if runs.empty:
        return None
    if not reference:
        return runs.iloc[-1].to_dict()
    hit = runs[(runs["uuid"] == reference) | (runs["name"] == reference)]
    return hit.iloc[-1].to_dict() if len(hit) else None


def weighting_run(conn, reference: Optional[str] = None) -> Optional[dict]:
    """The run whose uuid or name is ``reference``; the latest one when None (None: no run)."""
    return _run(weighting_runs(conn), reference)


def weighting_margins(conn, run_uuid: str) -> pd.DataFrame:
    """The margins a run met, in raking order."""
    return tables.frame(conn, schema.WEIGHTING_MARGINS,
                        ["margin", "category", "population", "respondents", "base_total",
                         "weighted_total", "source", "year"], {"run_uuid": run_uuid},
                        order_by=["position"])


def weights(conn, run_uuid: str) -> pd.DataFrame:
    """The weights of a run: response_uuid, weight, base_weight, home_zone, age_band."""
    return tables.frame(conn, schema.WEIGHTS, ["response_uuid", "weight", "base_weight",
                                               "home_zone", "age_band"],
                        {"run_uuid": run_uuid}, order_by=["fid"])


# ------------------------------------------------------------------------- typology runs

TYPOLOGY_COLUMNS = ("uuid", "name", "created_at", "period", "weighting_run_uuid", "questions",
                    "n_types", "ncp", "kk", "chosen", "respondents", "inertia_kept",
                    "consolidated", "parameters")


def write_typology_run(conn, run: dict, types: pd.DataFrame, response_types: pd.DataFrame,
                       answers: pd.DataFrame) -> str:
    """Store a typology run, its types (type, name, default_name, respondents, weight, share),
    the type of each response (response_uuid, type) and the characteristic answers (type,
    question, category, cla_mod, mod_cla, global_share, p_value, v_test). Returns its uuid."""
    require_results_schema(conn)
    run_uuid = _new_uuid()
    record = {"uuid": run_uuid, "created_at": gpkg.now_iso(), **run}
    for key in ("questions", "parameters"):
        if isinstance(record.get(key), (dict, list, tuple)):
            record[key] = json.dumps(record[key], sort_keys=isinstance(record[key], dict),
                                     ensure_ascii=False)
    tables.insert_dicts(conn, schema.TYPOLOGY_RUNS, [record])
    for table, frame in ((schema.TYPES, types), (schema.RESPONSE_TYPES, response_types),
                         (schema.TYPE_ANSWERS, answers)):
        tables.insert_dicts(conn, table, [{"uuid": _new_uuid(), "run_uuid": run_uuid, **r}
                                          for r in _records(frame)])
    return run_uuid


def typology_run(conn, reference: Optional[str] = None) -> Optional[dict]:
    """The typology run whose uuid or name is ``reference``, else the latest (None: none)."""
    if not schema.has_v11(conn):
        return None
    runs = tables.frame(conn, schema.TYPOLOGY_RUNS, list(TYPOLOGY_COLUMNS),
                        order_by=["created_at", "fid"])
    return _run(runs, reference)


def types(conn, run_uuid: str) -> pd.DataFrame:
    """Types of a typology run (with their current, possibly edited, names)."""
    return tables.frame(conn, schema.TYPES, ["type", "name", "default_name", "respondents",
                                             "weight", "share"], {"run_uuid": run_uuid},
                        order_by=["type"])


def response_types(conn, run_uuid: str) -> pd.DataFrame:
    """response_uuid, type of each response in a typology run."""
    return tables.frame(conn, schema.RESPONSE_TYPES, ["response_uuid", "type"],
                        {"run_uuid": run_uuid}, order_by=["fid"])


def type_answers(conn, run_uuid: str) -> pd.DataFrame:
    """The characteristic answers of each type of a run."""
    return tables.frame(conn, schema.TYPE_ANSWERS,
                        ["type", "question", "category", "cla_mod", "mod_cla", "global_share",
                         "p_value", "v_test"], {"run_uuid": run_uuid},
                        order_by=["type", "fid"])


# ---------------------------------------------------------------------------- indicators

def save_indicators(conn, rows: List[dict], **kwargs) -> int:
    """:func:`replace_indicators` in its own transaction."""
    with gpkg.transaction(conn):
        return replace_indicators(conn, rows, **kwargs)


def replace_indicators(conn, rows: List[dict], *, algorithm: str, period: str,
                       parameters: dict, prefixes: Sequence[str]) -> int:
    """Write survey indicators after deleting what ``algorithm`` wrote for ``period`` under
    the code ``prefixes`` (a cell suppressed this time keeps no stale value). Inside the
    caller's transaction; returns the rows written."""
    from . import indicators

    for prefix in prefixes:
        stale = [c for c in tables.values(conn, "indicators", "indicator",
                                          {"algorithm": algorithm, "period": period},
                                          distinct=True) if c.startswith(prefix)]
        if stale:
            tables.delete(conn, "indicators", {"algorithm": algorithm, "period": period,
                                               "indicator": tuple(stale)})
    return indicators.write(conn, rows, algorithm=algorithm, parameters=parameters)


def indicator_rows(conn, codes: Sequence[str], scope: str = "centrality") -> pd.DataFrame:
    """Indicator rows (centrality_uuid, indicator, period, value, unit, computed_at) with one
    of the ``codes``, oldest first."""
    return tables.frame(conn, "indicators", ["centrality_uuid", "indicator", "period", "value",
                                             "unit", "computed_at"],
                        {"scope": scope, "indicator": tuple(codes)},
                        order_by=["period", "computed_at", "fid"])


def survey_indicators(conn) -> pd.DataFrame:
    """Every indicator row that carries a respondent count (a survey figure)."""
    frame = tables.frame(conn, "indicators", ["scope", "centrality_uuid", "indicator",
                                              "period", "value", "ci_low", "ci_high",
                                              "respondents", "low_precision", "algorithm"],
                         order_by=["fid"])
    return frame[frame["respondents"].notna()].reset_index(drop=True)


def point_rows(conn, table: str, columns: Sequence[str]) -> pd.DataFrame:
    """Rows of a point table with ``x``, ``y`` (rows without a point left out); empty when the
    table does not exist."""
    if not gpkg.table_exists(conn, table):
        return pd.DataFrame(columns=[*columns, "x", "y"])
    present = [c for c in columns if c in gpkg.column_names(conn, table)]
    frame = tables.points(conn, table, present)
    for c in columns:
        if c not in frame.columns:
            frame[c] = None
    return frame[np.isfinite(frame["x"].to_numpy(dtype=float))].reset_index(drop=True)


def centrality_codes_by_uuid(conn) -> Dict[str, str]:
    """centrality uuid → questionnaire code (codes computed when missing, not written)."""
    from .survey import centrality_codes

    return {r["uuid"]: r["code"] for r in centrality_codes(conn)}
