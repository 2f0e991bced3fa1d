"""Site potential job: the raw criteria of candidate sites for a new shop (vacant premises of the
latest campaign by default), their weighted multi-criteria score
(:func:`analysis.site_scoring.score_sites`) and the centralities' best scores.

Raw criteria (the algorithm's help repeats them):

* footfall = mean daily footfall of the nearest counting site within the footfall distance
  (:func:`jobs.footfall.site_footfall`: complete days, pedestrian channels when any);
* population = inhabitants reached within N minutes on the network (population cells assigned
  to their nearest node within 150 m; candidates farther than 100 m from the network get none);
* services, transit stops = number within the distance; competitors = occupied premises of the
  activity group within the distance, the candidate itself excluded; parking = sum of the
  capacities of the car parks within the distance (:func:`analysis.proximity.near_counts`).

A criterion whose data is absent (no counters, no network, no services, no stops, no car
parks) is skipped and the other weights are scaled to 100 by the scoring.
"""

from __future__ import annotations

import datetime
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis.catchment import assign_to_nodes, network_catchments
from ..analysis.flows_offer import nearest_counter
from ..analysis.network import snap_to_main_parts
from ..analysis.proximity import near_counts
from ..analysis.site_scoring import SIMILARITY, WEIGHT_TOLERANCE, Criterion, score_sites
from ..i18n import noop, tr
from ..store import indicators, network_store, readers
from ..store.readers import offer as offer_readers
from ..store.readers import territory
from . import network, zones
from .common import Checkpoint, JobError, check
from .footfall import site_footfall
from .points import blob_centroid, has_points, point_table, premises_latest

ALGORITHM_ID = "observatoire:site_potential"
CODES = ("site_potential_best_score", "site_potential_candidates")
# key, label, default weight (%), default direction (0 more, 1 less, 2 ideal)
CRITERIA = [
    ("footfall", noop("Footfall of the nearest counted street"), 25.0, 0),
    ("population", noop("Population within the network catchment"), 30.0, 0),
    ("services", noop("Services within the distance"), 10.0, 0),
    ("transit_stops", noop("Transit stops within the distance"), 10.0, 0),
    ("competitors", noop("Competitors within the distance"), 20.0, 1),
    ("parking", noop("Parking places within the distance"), 5.0, 0),
]
DIRECTIONS = ("more", "less", "ideal")
CANDIDATE_COLUMNS = ["candidate_id", "uuid", "address", "x", "y"]
SNAP_TOLERANCE = 100.0   # m, candidates to the network
CELL_TOLERANCE = 150.0   # m, population cells to their node
SELF = 0.01              # m, a competitor this close to a candidate is the candidate itself
Report = Optional[Callable[[str], None]]
Stage = Optional[Callable[[float, float], Callable]]

__all__ = ["CRITERIA", "Criterion", "DIRECTIONS", "SIMILARITY", "WEIGHT_TOLERANCE",
           "add_target", "criteria_values", "layer_candidates", "score",
           "vacant_candidates", "write_indicators"]


def vacant_candidates(conn) -> pd.DataFrame:
    """The vacant premises of the latest campaign (:data:`CANDIDATE_COLUMNS`)."""
    prem = premises_latest(conn)
    vac = prem[prem["vacant"]]
    if vac.empty:
        raise JobError(tr("No candidate layer given and no vacant premise in the latest "
                          "campaign."))
    return pd.DataFrame({"candidate_id": vac["uuid"], "uuid": vac["uuid"],
                         "address": vac["address"], "x": vac["x"], "y": vac["y"]}
                        ).reset_index(drop=True)


def layer_candidates(ids: Sequence, x, y) -> pd.DataFrame:
    """Candidates of a layer: identifiers (as text) and coordinates."""
    return pd.DataFrame({"candidate_id": [str(v) for v in ids], "uuid": None,
                         "address": None, "x": x, "y": y})


def add_target(conn, sites: pd.DataFrame, text: str) -> tuple:
    """``(sites, target, extra)`` for the similarity criterion: ``target`` the index of the
    candidate whose uuid or identifier is ``text``, else of a premise of the GeoPackage added
    to ``sites`` (``extra`` True: it is compared, not scored); ``(sites, None, False)`` when
    ``text`` is empty."""
    text = (text or "").strip()
    if not text:
        return sites, None, False
    hit = sites.index[(sites["uuid"] == text) | (sites["candidate_id"] == text)]
    if len(hit):
        return sites, hit[0], False
    blob = offer_readers.premise_geometry(conn, text)
    if blob is None:
        raise JobError(tr("Target premise {uuid} is neither a candidate nor a premise of the "
                          "GeoPackage.").format(uuid=text))
    x, y = blob_centroid(blob)
    extra = pd.DataFrame({"candidate_id": [text], "uuid": [text], "address": [None],
                          "x": [x], "y": [y]})
    return pd.concat([sites, extra], ignore_index=True), len(sites), True


def population_reached(conn, xy: np.ndarray, minutes: float, mode: str, warn: Report = None,
                       info: Report = None, stage: Stage = None) -> np.ndarray:
    """Inhabitants reached from each point within ``minutes`` on the network (NaN for a point
    farther than :data:`SNAP_TOLERANCE` from it)."""
    net = network.run_network(conn, warn)
    snapped = snap_to_main_parts(net, xy[:, 0], xy[:, 1], SNAP_TOLERANCE, mode)
    if snapped.unsnapped and warn is not None:
        warn(tr("{n} candidates are farther than 100 m from the network: no population value "
                "(they score 0 on it).").format(n=len(snapped.unsnapped)))
    if snapped.minor and warn is not None:
        warn(tr("{n} candidates have only a small isolated part of the network within 100 m: "
                "their population reached is that of this part (check the roads around "
                "them).").format(n=len(snapped.minor)))
    cells = territory.population_cells(conn)
    values = assign_to_nodes(net, cells["x"], cells["y"], {"population": cells["ind"]},
                             CELL_TOLERANCE, mode)
    router = network.make_router(conn, net, mode, "time", info)
    result = network_catchments(router, snapped, [minutes], values, keep_reached=False,
                                progress=stage(10, 45) if stage else None)
    pop = np.full(len(xy), np.nan)
    pop[result.totals["origin"].to_numpy()] = result.totals["population"].to_numpy()
    return pop


def criteria_values(conn, sites: pd.DataFrame, *, distance: float = 300.0,
                    footfall_distance: float = 300.0, minutes: float = 10.0,
                    mode: str = "walk", activity_group: str = "alimentaire",
                    warn: Report = None, info: Report = None, stage: Stage = None,
                    checkpoint: Checkpoint = None) -> pd.DataFrame:
    """The raw criteria of each site (module rules); a criterion without data is left out
    and ``warn`` says why."""
    xy = sites[["x", "y"]].to_numpy(dtype=np.float64)
    out = pd.DataFrame(index=sites.index)
    skipped: Dict[str, str] = {}
    feet = site_footfall(conn)
    if feet is None:
        skipped["footfall"] = tr("no counters (counting sites with counts) in the GeoPackage")
    else:
        idx, _dist = nearest_counter(xy, feet[["x", "y"]].to_numpy(), footfall_distance)
        values = np.full(len(xy), np.nan)
        values[idx >= 0] = feet["footfall"].to_numpy()[idx[idx >= 0]]
        out["footfall"] = values
    check(checkpoint)
    if not network_store.has_topology(conn):
        skipped["population"] = tr("no road network (run import_roads or build_network)")
    elif "ind" not in territory.filled_grid_columns(conn):
        skipped["population"] = tr("the population grid is empty (run "
                                   "import_population_grid)")
    else:
        out["population"] = population_reached(conn, xy, minutes, mode, warn, info, stage)
    check(checkpoint)
    for key, table in (("services", "services"), ("transit_stops", "transit_stops")):
        if has_points(conn, table):
            out[key] = near_counts(xy, point_table(conn, table)[["x", "y"]].to_numpy(),
                                   distance)
        else:
            skipped[key] = tr("no {table} table or no row in it").format(table=table)
    prem = premises_latest(conn)
    comp = prem[prem["occupied"] & (prem["activity_group"] == activity_group)]
    if comp.empty and warn is not None:
        warn(tr("No occupied premise of the activity group {group} in the latest campaign: "
                "every candidate has 0 competitors.").format(group=activity_group))
    out["competitors"] = near_counts(xy, comp[["x", "y"]].to_numpy(dtype=np.float64),
                                     distance, exclude_within=SELF)
    if has_points(conn, "parkings"):
        park = point_table(conn, "parkings", ["capacity"])
        cap = pd.to_numeric(park.get("capacity"), errors="coerce")
        weights = np.ones(len(park)) if cap is None else cap.fillna(0).to_numpy()
        out["parking"] = near_counts(xy, park[["x", "y"]].to_numpy(), distance, weights)
    else:
        skipped["parking"] = tr("no parkings table or no row in it")
    for key, reason in skipped.items():
        if warn is not None:
            warn(tr("Criterion {criterion} skipped: {reason}.").format(criterion=key,
                                                                       reason=reason))
    return out


def score(sites: pd.DataFrame, raw: pd.DataFrame, criteria: List[Criterion], *, target=None,
          extra: bool = False, similarity_weight: float = 0.0) -> tuple:
    """``(sites, raw, table, notices)``: the scores of :func:`analysis.site_scoring.score_sites`;
    an ``extra`` target (a premise that is not a candidate) is compared with its own raw
    values and left out of the candidates."""
    target_values = target
    if extra:
        target_values = {k: float(v) for k, v in raw.loc[target].items() if pd.notna(v)}
        raw = raw.drop(index=target)
        sites = sites.drop(index=target)
    table, notices = score_sites(raw, criteria, target=target_values,
                                 similarity_weight=similarity_weight, similarity_on=None)
    return sites, raw, table, notices


def indicator_rows(centrality_of: dict, scores: dict, *, period: str) -> list:
    """Per centrality holding scored candidates: the best score
    (``site_potential_best_score``, points out of 100) and the number of scored candidates
    (``site_potential_candidates``); ``centrality_of`` and ``scores`` map a candidate key to
    its centrality uuid (None: outside every centrality, left out) and its score."""
    best: dict = {}
    count: dict = {}
    for key, value in scores.items():
        centrality = centrality_of.get(key)
        if centrality is None or value is None or value != value:
            continue
        best[centrality] = max(best.get(centrality, float("-inf")), float(value))
        count[centrality] = count.get(centrality, 0) + 1
    rows = []
    for centrality in sorted(best):
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "site_potential_best_score", "period": period,
                     "value": best[centrality], "unit": "points"})
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "site_potential_candidates", "period": period,
                     "value": float(count[centrality]), "unit": "premises"})
    return rows


def write_indicators(conn, sites: pd.DataFrame, table: pd.DataFrame, parameters: dict,
                     checkpoint: Checkpoint = None) -> int:
    """The vacant premises scored (the default candidates): each centrality's best score and
    number of scored candidates → ``indicators`` (period = the current year, with the
    ``parameters``); this period's earlier rows of the algorithm are replaced as a whole, so a
    centrality that no longer holds any candidate keeps no stale score."""
    zone = zones.assign_centralities(
        sites[["uuid", "x", "y"]], [c for c in readers.centralities(conn) if c["polygons"]])
    scores = dict(zip(sites["uuid"].tolist(), table.loc[sites.index, "score"].tolist()))
    period = str(datetime.date.today().year)
    rows = indicator_rows(zone, scores, period=period)
    check(checkpoint)
    return indicators.save(conn, rows, algorithm=ALGORITHM_ID, parameters=parameters,
                           replace_period=period, replace_indicators=CODES)
