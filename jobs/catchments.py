"""Network catchments job: walk / car catchments of many origins over the stored road network,
with the population, households, age groups, premises and services each one reaches, and the
indicators of the centralities' catchments. Formulas in :mod:`analysis.catchment`.

Rules (the algorithm's help repeats them): an origin is snapped to the nearest point of the
nearest road usable by the mode within the snapping tolerance (farther origins get no
catchment); each population cell (its centre), premise of the latest campaign and service is
assigned to the nearest node usable by the mode within the assignment tolerance (farther ones
are never counted) and is reached when its node is reached within a band.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis.catchment import (
    assign_to_nodes,
    band_limits,
    catchment_polygons,
    dissolved_catchments,
    network_catchments,
    origin_polygons,
    raster_polygons,
    reached_by_origin,
)
from ..analysis.network import MINOR_PART_SHARE, snap_to_main_parts
from ..i18n import tr
from ..store import indicators
from ..store.readers import territory
from . import network
from .common import Checkpoint, JobError, check, number
from .points import centrality_points, has_points, point_table, premises_latest

ALGORITHM_ID = "observatoire:network_catchments"
MODES = ("walk", "car")
VALUE_COLUMNS = ["population", "households", *territory.AGE_GROUPS, "premises",
                 "vacant_premises"]
#: ``stage(start, end)`` → a ``progress(done, total)`` callback for the analysis between
#: ``start`` and ``end`` % (returning False cancels).
Stage = Optional[Callable[[float, float], Callable]]
Report = Optional[Callable[[str], None]]


@dataclass
class Origins:
    """Origins of the catchments: coordinates in the file's CRS, display names, centrality
    uuids (None for origins of a layer)."""

    x: np.ndarray
    y: np.ndarray
    names: List[Optional[str]]
    uuids: List[Optional[str]]


def centrality_origins(conn, uuids: Optional[Sequence[str]] = None) -> Origins:
    """The centroid of every centrality (:func:`jobs.points.centrality_points`), or of the
    centralities whose uuid is in ``uuids`` only."""
    cents = centrality_points(conn)
    if cents.empty:
        raise JobError(tr("No origin layer given and the GeoPackage holds no centrality."))
    if uuids is not None:
        cents = cents[cents["uuid"].isin(list(uuids))].reset_index(drop=True)
        if cents.empty:
            raise JobError(tr("None of the centralities chosen has a geometry: no origin."))
    return Origins(cents["x"].to_numpy(), cents["y"].to_numpy(), cents["name"].tolist(),
                   cents["uuid"].tolist())


def missing_population_columns(conn, warn: Report = None) -> List[str]:
    """The value columns the population grid cannot give (left empty, not 0): every one when
    the grid is empty, ``households`` when no cell has ``men`` (2021 grid), an age group when
    none of its Filosofi columns has a value. ``warn`` says which and why."""
    present = territory.filled_grid_columns(conn)
    if "ind" not in present:
        missing = ["population", "households", *territory.AGE_GROUPS]
        if warn is not None:
            warn(tr("The population grid is empty: population, households and age groups are "
                    "left empty, not 0. Import it with “Import the population grid” "
                    "(observatoire:import_population_grid)."))
        return missing
    missing = [] if "men" in present else ["households"]
    missing += [g for g, members in territory.AGE_GROUPS.items()
                if not any(m in present for m in members)]
    if missing and warn is not None:
        warn(tr("The population grid holds no value for {columns}: left empty, not 0.").format(
            columns=", ".join(missing)))
    return missing


def reach_values(conn, net, mode: str, tolerance: float, warn: Report = None):
    """(NodeValues, value columns, missing columns): population cells, premises of the latest
    campaign and services (when the table has rows) assigned to the network nodes; ``warn``
    says how many cells and premises are too far from the network to be counted, and which
    population columns the grid cannot give (:func:`missing_population_columns`)."""
    missing = missing_population_columns(conn, warn)
    cells = territory.population_cells(conn, lean=True)
    prem = premises_latest(conn)
    parts = [pd.DataFrame({"x": cells["x"], "y": cells["y"], "population": cells["ind"],
                           "households": cells["men"],
                           **{g: cells[g] for g in territory.AGE_GROUPS}}),
             pd.DataFrame({"x": prem["x"], "y": prem["y"], "premises": 1.0,
                           "vacant_premises": prem["vacant"].astype(float)})]
    columns = list(VALUE_COLUMNS)
    if has_points(conn, "services"):
        services = point_table(conn, "services")
        parts.append(pd.DataFrame({"x": services["x"], "y": services["y"], "services": 1.0}))
        columns.append("services")
    parts = [part.reindex(columns=["x", "y", *columns], fill_value=0.0) for part in parts]
    nonempty = [part for part in parts if len(part)]
    table = pd.concat(nonempty, ignore_index=True) if nonempty else parts[0]
    values = assign_to_nodes(net, table["x"], table["y"], table[columns], tolerance, mode)
    n_cells = len(cells)
    far_cells = [i for i in values.unassigned if i < n_cells]
    if far_cells and warn is not None:
        lost = float(cells["ind"].to_numpy()[far_cells].sum())
        warn(tr("{n} population cells ({pop} inhabitants) are farther than {tol} m from the "
                "network usable on this mode: they are never counted.").format(
                    n=len(far_cells), pop=round(lost), tol=tolerance))
    far_prem = sum(1 for i in values.unassigned if n_cells <= i < n_cells + len(prem))
    if far_prem and warn is not None:
        warn(tr("{n} premises are farther than {tol} m from the network: never counted."
                ).format(n=far_prem, tol=tolerance))
    return values, columns, missing


@dataclass
class Catchments:
    """The catchments of a run. ``features``: one per origin and band (per band when
    dissolved): (origin index or None, band index, totals row, polygons ``[(shell,
    [holes])]``); ``reached``: (origin or None, nodes, costs in seconds or metres) per origin;
    ``totals``: origin × band totals (not dissolved)."""

    mode: str
    unit: str
    bands: List[float]
    columns: List[str]
    limits: np.ndarray
    snapped: object
    network: object
    features: list = field(default_factory=list)
    reached: list = field(default_factory=list)
    totals: Optional[pd.DataFrame] = None


def catchments(conn, origins: Origins, *, mode: str = "walk", unit_time: bool = True,
               bands: Sequence[float] = (5.0, 10.0, 15.0), dissolve: bool = False,
               grid_outline: bool = False, snap_tolerance: float = 100.0,
               assign_tolerance: float = 150.0, alpha: float = 200.0, warn: Report = None,
               info: Report = None, stage: Stage = None,
               checkpoint: Checkpoint = None) -> Catchments:
    """Catchments of ``origins`` (module rules); bands in minutes (``unit_time``) or metres.
    Nothing is written."""
    if mode not in MODES:
        raise JobError(tr("unknown mode {mode!r}; expected walk or car").format(mode=mode))
    outline = raster_polygons if grid_outline else catchment_polygons
    net = network.run_network(conn, warn)
    router = network.make_router(conn, net, mode, "time" if unit_time else "length", info)
    snapped = snap_to_main_parts(net, origins.x, origins.y, snap_tolerance, mode)
    if snapped.unsnapped and warn is not None:
        listed = ", ".join(str(origins.names[i]) for i in snapped.unsnapped[:10])
        warn(tr("{n} origin(s) are farther than {tol} m from the network usable on this mode "
                "and get no catchment: {origins}").format(
                    n=len(snapped.unsnapped), tol=snap_tolerance, origins=listed))
    if snapped.minor and warn is not None:
        parts = dict(zip(snapped.index.tolist(), snapped.part_nodes.tolist()))
        listed = ", ".join(tr("{origin} ({n} nodes)").format(origin=origins.names[i],
                                                             n=parts[i])
                           for i in snapped.minor[:10])
        warn(tr("{n} origin(s) have only a small isolated part of the network usable on this "
                "mode within {tol} m (less than {share} % of the nodes of its main part): "
                "their catchment is limited to that part (origins output: on_main_part = 0). "
                "Check the roads around them: {origins}").format(
                    n=len(snapped.minor), tol=snap_tolerance, share=round(100 * MINOR_PART_SHARE),
                    origins=listed))
    values, columns, missing = reach_values(conn, net, mode, assign_tolerance, warn)
    check(checkpoint)
    run = Catchments(mode, "min" if unit_time else "m", [float(b) for b in bands], columns,
                     band_limits(router, bands), snapped, net)
    progress = stage or (lambda _start, _end: None)
    if dissolve:
        totals, cost = dissolved_catchments(router, snapped, bands, values)
        totals.loc[:, missing] = np.nan
        check(checkpoint)
        for b in range(len(bands)):
            run.features.append((None, b, totals.iloc[b],
                                 outline(router, cost, run.limits[b], alpha)))
        if snapped.index.size:
            sel = np.flatnonzero(np.isfinite(cost))
            run.reached = [(None, sel, cost[sel])]
        return run
    result = network_catchments(router, snapped, bands, values, keep_reached=True,
                                progress=progress(5, 60))
    result.totals.loc[:, missing] = np.nan
    check(checkpoint)
    totals = result.totals.set_index(["origin", "band"])
    polygons = origin_polygons(router, result, snapped, outline, alpha,
                               progress=progress(60, 95))
    run.reached = reached_by_origin(result, snapped)
    for (o, _node, _cost), per_band in zip(run.reached, polygons):
        for b, band in enumerate(bands):
            run.features.append((o, b, totals.loc[(o, float(band))], per_band[b]))
    run.totals = result.totals
    return run


def indicator_rows(totals: pd.DataFrame, centrality_of: dict, *, mode: str, unit: str,
                   columns: List[str], period: str) -> list:
    """Indicator rows of what each centrality's catchment reaches. ``totals`` holds one row per
    origin and band (columns ``origin``, ``band`` and the value columns); ``centrality_of``
    maps an origin index to its centrality uuid. Codes:
    ``catchment_<column>_<mode>_<band><unit>`` (e.g. ``catchment_population_walk_10min``)."""
    rows = []
    for record in totals.to_dict("records"):
        centrality = centrality_of.get(int(record["origin"]))
        if centrality is None:
            continue
        band = f"{float(record['band']):g}{unit}"
        for column in columns:
            rows.append({"scope": "centrality", "centrality_uuid": centrality,
                         "indicator": f"catchment_{column}_{mode}_{band}", "period": period,
                         "value": number(record.get(column)),
                         "unit": "inhabitants" if column == "population" else column})
    return rows


def write_indicators(conn, run: Catchments, origins: Origins,
                     checkpoint: Checkpoint = None) -> int:
    """Write what each centrality's catchment reaches (origins that are centralities, not
    dissolved) to ``indicators`` in one transaction, period = the current year; returns the
    number of rows written (0 when no origin is a centrality)."""
    centrality_of = {i: u for i, u in enumerate(origins.uuids) if u}
    if not centrality_of or run.totals is None:
        return 0
    check(checkpoint)
    rows = indicator_rows(run.totals, centrality_of, mode=run.mode, unit=run.unit,
                          columns=run.columns, period=str(datetime.date.today().year))
    return indicators.save(conn, rows, algorithm=ALGORITHM_ID,
                           parameters={"mode": run.mode, "unit": run.unit})
