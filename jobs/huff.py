"""Huff jobs: the inputs of the Huff model (destinations and their attractiveness, demand, cost
matrices), the model's indicators, and the calibration's observed choices from the
questionnaire. Formulas in :mod:`analysis.huff`.

Rules (the algorithms' help repeats them):

* default destinations: the centralities (their area-weighted centroid), attractiveness = the
  occupied premises of the latest campaign inside each one;
* default demand: the population grid (``ind`` at the centre of each cell), optionally
  weighted by income (``ind_snv``: population × mean standard of living);
* cost: straight-line distance in metres, or network time in minutes from the demand point's
  nearest node to the destination's nearest node, both within the network tolerance
  (unavailable beyond it); the minimum cost defaults to 100 m or 1 min;
* questionnaire choices: a respondent's home is the population-weighted centre of the cells of
  their IRIS (or commune), or its centroid when no populated cell lies in it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence

import numpy as np

from ..analysis.huff import HuffFit, HuffResult, calibrate_huff, distance_matrix, huff_model
from ..analysis.huff import match_choices as match
from ..analysis.network import costs_to_targets, nearest_main_node
from ..analysis.spatial import zone_home_points
from ..i18n import tr
from ..store import indicators, readers
from ..store import survey as survey_store
from ..store.readers import territory
from . import network, zones
from .common import Checkpoint, JobError, check, number
from .points import centrality_points, premises_latest

ALGORITHM_ID = "observatoire:huff_model"
DECAYS = ("power", "exponential")
COSTS = ("distance", "walk", "car")
Report = Optional[Callable[[str], None]]
Stage = Optional[Callable[[float, float], Callable]]

__all__ = ["ALGORITHM_ID", "COSTS", "DECAYS", "Demand", "Destinations", "HuffFit",
           "HuffResult", "calibrate", "centrality_destinations", "cost_matrix", "huff",
           "layer_destinations", "population_demand", "survey_choices", "write_indicators"]


@dataclass
class Destinations:
    """``name``, ``uuid`` (centralities; None otherwise), ``x``, ``y`` (points or centroids in
    the file's CRS), ``attractiveness`` (>= 0) and ``geometry`` (a stored blob or the
    caller's geometry object) per destination."""

    name: List[str]
    uuid: List[Optional[str]]
    x: np.ndarray
    y: np.ndarray
    attractiveness: np.ndarray
    geometry: list

    @property
    def are_centralities(self) -> bool:
        return bool(self.uuid) and all(self.uuid)


def centrality_destinations(conn) -> Destinations:
    """The centralities, attractiveness = occupied premises of the latest campaign."""
    cents = centrality_points(conn)
    if cents.empty:
        raise JobError(tr("No destination layer given and the GeoPackage holds no "
                          "centrality."))
    prem = premises_latest(conn)
    occupied = prem[prem["occupied"]]
    zone = zones.assign_centralities(occupied, readers.centralities(conn))
    counts: dict = {}
    for u in zone.values():
        counts[u] = counts.get(u, 0) + 1
    attract = np.array([counts.get(u, 0) for u in cents["uuid"]], dtype=np.float64)
    return Destinations(cents["name"].tolist(), cents["uuid"].tolist(), cents["x"].to_numpy(),
                        cents["y"].to_numpy(), attract, cents["geom"].tolist())


def layer_destinations(ids: Sequence, x, y, geometry: list, attractiveness=None,
                       field: Optional[str] = None) -> Destinations:
    """Destinations of a layer: ``attractiveness`` per feature (values of ``field``) or 1."""
    if not len(ids):
        raise JobError(tr("The destination layer has no feature with a geometry."))
    if attractiveness is not None:
        bad = [i for i, v in enumerate(attractiveness) if v is None or not float(v) >= 0]
        if bad:
            raise JobError(tr(
                "Attractiveness field {field}: destination {dest} has {value}; expected a "
                "number >= 0.").format(field=field, dest=ids[bad[0]],
                                       value=attractiveness[bad[0]]))
        attract = np.array([float(v) for v in attractiveness])
    else:
        attract = np.ones(len(ids))
    return Destinations([str(v) for v in ids], [None] * len(ids), np.asarray(x, float),
                        np.asarray(y, float), attract, list(geometry))


@dataclass
class Demand:
    """Demand points: ``x``, ``y``, ``weight`` (population or the layer's weight),
    ``income`` (mean standard of living per inhabitant, or None), ``ids`` and ``geometry``."""

    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    income: Optional[np.ndarray]
    ids: list
    geometry: list

    @property
    def demand(self) -> np.ndarray:
        """Demand of each point: weight (× income when weighted by income)."""
        return self.weight * (self.income if self.income is not None else 1.0)


def population_demand(conn, income: bool = False) -> Demand:
    """The population grid cells (``ind`` at the cell centre); with ``income``, weighted by
    the mean standard of living ``ind_snv / ind`` (0 for an empty cell)."""
    cells = territory.population_cells(conn)
    if cells.empty:
        raise JobError(tr("No demand layer given and the population grid is empty."))
    weight = cells["ind"].to_numpy(dtype=np.float64)
    level = None
    if income and "ind_snv" not in territory.filled_grid_columns(conn):
        raise JobError(tr("Weighting by income needs the standard of living (ind_snv) of the "
                          "population grid, and no cell has one (the 2021 Filosofi grid has "
                          "no ind_snv): run without income weighting, or import a grid "
                          "that has it (2015–2019)."))
    if income:
        snv = cells["ind_snv"].to_numpy(dtype=np.float64)
        level = np.divide(snv, weight, out=np.zeros_like(weight), where=weight > 0)
    return Demand(cells["x"].to_numpy(), cells["y"].to_numpy(), weight, level,
                  cells["idcar_200m"].tolist(), cells["geom"].tolist())


def cost_matrix(conn, demand_x, demand_y, dest: Destinations, *, cost: str = "distance",
                min_cost: float = 0.0, tolerance: float = 150.0, warn: Report = None,
                info: Report = None, stage: Stage = None) -> tuple:
    """``(cost (n_demand, n_dest), unit, min_cost)``: straight-line metres, or network minutes
    (module rules; ``inf`` where unavailable). ``min_cost`` 0 gives 100 m or 1 min."""
    if cost not in COSTS:
        raise JobError(tr("unknown cost {cost!r}; expected one of {costs}").format(
            cost=cost, costs=", ".join(COSTS)))
    demand_x = np.asarray(demand_x, dtype=np.float64)
    demand_y = np.asarray(demand_y, dtype=np.float64)
    if cost == "distance":
        return distance_matrix((demand_x, demand_y), (dest.x, dest.y)), "m", min_cost or 100.0
    net = network.run_network(conn, warn)
    router = network.make_router(conn, net, cost, "time", info)
    # one call for both (the network's connected parts are computed once)
    n_dest = len(dest.x)
    xs = np.concatenate([np.ravel(dest.x), np.ravel(demand_x)])
    ys = np.concatenate([np.ravel(dest.y), np.ravel(demand_y)])
    _, node, minor = nearest_main_node(net, xs, ys, tolerance, cost)
    dest_node, cell_node = node[:n_dest], node[n_dest:]
    dest_minor, cell_minor = minor[:n_dest], minor[n_dest:]
    if dest_minor.any() and warn is not None:
        warn(tr("Destinations with only a small isolated part of the network within {tol} m "
                "(check the roads around them): {names}").format(
                    tol=tolerance,
                    names=", ".join(str(dest.name[i]) for i in np.flatnonzero(dest_minor)[:10])))
    if cell_minor.any() and warn is not None:
        warn(tr("{n} demand points have only a small isolated part of the network within {tol} "
                "m: few or no destinations are available to them.").format(
                    n=int(cell_minor.sum()), tol=tolerance))
    far = [dest.name[i] for i in np.flatnonzero(dest_node < 0)]
    if far and warn is not None:
        warn(tr("Destinations farther than {tol} m from the network are never chosen: "
                "{names}").format(tol=tolerance, names=", ".join(far[:10])))
    if (cell_node < 0).any() and warn is not None:
        warn(tr("{n} demand points are farther than {tol} m from the network: no destination "
                "is available to them.").format(n=int((cell_node < 0).sum()), tol=tolerance))
    matrix = np.full((demand_x.size, dest_node.size), np.inf)
    ok_dest = np.flatnonzero(dest_node >= 0)
    ok_cell = cell_node >= 0
    seconds = costs_to_targets(router, dest_node[ok_dest], cell_node[ok_cell],
                               progress=stage(5, 60) if stage else None)
    matrix[np.ix_(ok_cell, ok_dest)] = seconds / 60.0
    return matrix, "min", min_cost or 1.0


def huff(dest: Destinations, demand: Demand, cost: np.ndarray, *, alpha: float, beta: float,
         decay: str, min_cost: float, top_k: int = 3, threshold: float = 0.4,
         stage: Stage = None) -> HuffResult:
    """The Huff model of ``demand`` over ``dest`` (:func:`analysis.huff.huff_model`)."""
    return huff_model(dest.attractiveness, demand.weight, cost=cost, alpha=alpha, beta=beta,
                      decay=decay, min_cost=min_cost, income=demand.income, top_k=top_k,
                      threshold=threshold, progress=stage(20, 70) if stage else None)


def indicator_rows(centralities: List[str], expected_demand, share, *, demand_unit: str,
                   period: str) -> list:
    """``huff_market_share`` (%, 100 × share) and ``huff_expected_demand`` (in
    ``demand_unit``) of each centrality (``centralities[j]`` = uuid of destination j)."""
    rows = []
    for centrality, demand, part in zip(centralities, expected_demand, share):
        if not centrality:
            continue
        part = number(part)
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "huff_market_share", "period": period,
                     "value": None if part is None else 100.0 * part, "unit": "%"})
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "huff_expected_demand", "period": period,
                     "value": number(demand), "unit": demand_unit})
    return rows


def write_indicators(conn, dest: Destinations, result: HuffResult, *, demand_unit: str,
                     parameters: dict, checkpoint: Checkpoint = None) -> int:
    """Each centrality's market share and expected demand → ``indicators`` (one transaction,
    period = the current year, with the model's ``parameters``); returns the row count."""
    check(checkpoint)
    rows = indicator_rows(dest.uuid, result.demand, result.share, demand_unit=demand_unit,
                          period=str(datetime.date.today().year))
    return indicators.save(conn, rows, algorithm=ALGORITHM_ID, parameters=parameters)


# ------------------------------------------------------------------------------ calibration

def calibrate(dest: Destinations, cost: np.ndarray, chosen: np.ndarray, *, decay: str,
              min_cost: float, fit_alpha: bool, alpha: float, warn: Report = None) -> tuple:
    """``(fit, kept)``: the maximum-likelihood exponents from the observed choices that are
    usable (a chosen destination available to the observer: a cost and an attractiveness > 0;
    the others are skipped, ``warn`` says how many), and the mask of the choices used."""
    keep = chosen >= 0
    rows = np.flatnonzero(keep)
    available = np.isfinite(cost[rows, chosen[rows]]) & (dest.attractiveness[chosen[rows]] > 0)
    if (~available).any():
        if warn is not None:
            warn(tr("{n} observations chose a destination unavailable to them (no network "
                    "path or zero attractiveness) and are skipped.").format(
                        n=int((~available).sum())))
        keep[rows[~available]] = False
    if keep.sum() < 2:
        raise JobError(tr("Fewer than two usable observed choices: nothing to calibrate."))
    fit = calibrate_huff(dest.attractiveness, cost[keep], chosen[keep], decay=decay,
                         min_cost=min_cost, fit_alpha=fit_alpha, alpha=alpha)
    return fit, keep


def survey_choices(conn, category: str, zone_polygons: dict, dest: Destinations,
                   info: Report = None, warn: Report = None) -> tuple:
    """Homes (zone centres), chosen centralities (index into ``dest``, -1 when none) and the
    number of answers naming a centrality but skipped, from the questionnaire answers for a
    purchase ``category``; ``zone_polygons``: home zone code → polygons."""
    try:
        answers = survey_store.purchase_choices(conn, category)
        codes = survey_store.centrality_codes(conn)
    except survey_store.SurveyStoreError as exc:
        raise JobError(str(exc)) from exc
    zone_codes = list(zone_polygons)
    cells = territory.population_cells(conn, lean=True)
    hx, hy, n_cells = zone_home_points([zone_polygons[c] for c in zone_codes],
                                       np.column_stack([cells["x"], cells["y"]]),
                                       cells["ind"].to_numpy())
    zone_of = {c: i for i, c in enumerate(zone_codes)}
    uuid_index = {u: j for j, u in enumerate(dest.uuid)}
    dest_of = {row["code"]: uuid_index[row["uuid"]] for row in codes
               if row["uuid"] in uuid_index}
    matched = match(answers, zone_of, dest_of)
    say, alert = info or (lambda _m: None), warn or (lambda _m: None)
    empty = [c for c, n in zip(zone_codes, n_cells) if n == 0]
    if empty:
        say(tr("{n} home zones hold no populated cell of the population grid: their centroid "
               "is used ({zones}).").format(n=len(empty), zones=", ".join(empty[:10])))
    say(tr("{n} answers for this purchase: {used} name a centrality and are used; {other} buy "
           "outside the centralities (elsewhere, online, periphery…).").format(
               n=len(answers), used=matched.chosen.size, other=matched.outside))
    if matched.skipped_zone:
        alert(tr("{n} answers skipped: their home IRIS or commune is not in the home zones "
                 "layer ({codes}).").format(n=matched.skipped_zone,
                                            codes=", ".join(matched.unknown_zones[:10])))
    if matched.skipped_code:
        alert(tr("{n} answers skipped: unknown centrality code ({codes}).").format(
            n=matched.skipped_code, codes=", ".join(matched.unknown_codes[:10])))
    return (hx[matched.zone], hy[matched.zone], matched.chosen,
            matched.skipped_zone + matched.skipped_code)
