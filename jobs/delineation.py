"""Centrality perimeters proposed from the premises of the latest campaign (method:
:mod:`analysis.delineation`), for a human to review, optionally written to ``centralities``.

Rules (the algorithm's help repeats them): the points are the premises observed in the
latest campaign (not demolished, :func:`jobs.points.premises_latest`); the *active* ones are
those observed ``occupied``. Proposals are named "Proposed centrality 1", "… 2" in decreasing
order of active premises; the first gets the level ``primary``, the others ``secondary``.
Written proposals are matched on their name: running again with other parameters replaces
their perimeters, and a centrality renamed by the user is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Optional

from ..analysis.delineation import delineate
from ..i18n import tr
from ..store import gpkg, observatory
from ..store.writers import centralities as writer
from .common import Checkpoint, JobError, check
from .points import latest_campaign, premises_latest

ALGORITHM_ID = "observatoire:delineate_centralities"
Report = Optional[Callable[[str], None]]


@dataclass
class Delineation:
    """The proposals of a run: one dict per proposal (``name``, ``level``, ``premises``,
    ``active``, ``vacant``, ``area_m2``, ``polygons``: ``[(shell, [holes])]``), the campaign
    they come from."""

    campaign: str
    proposals: List[dict] = field(default_factory=list)


def propose(conn, *, radius: float = 50.0, min_active: int = 10, smoothing: float = 25.0,
            cell: Optional[float] = None, warn: Report = None,
            checkpoint: Checkpoint = None) -> Delineation:
    """The proposed perimeters (module rules); nothing is written."""
    camp = latest_campaign(conn)
    prem = premises_latest(conn)
    if camp is None or prem.empty:
        raise JobError(tr("No premise observed in the latest campaign: import premises "
                          "(import_osm_shops, import_sirene) into a campaign first."))
    check(checkpoint)
    active = prem["occupied"].to_numpy(dtype=bool)
    try:
        found = delineate(prem["x"].to_numpy(), prem["y"].to_numpy(), active, radius=radius,
                          min_active=min_active, smoothing=smoothing, cell=cell)
    except ValueError as exc:
        raise JobError(str(exc)) from exc
    run = Delineation(camp["name"])
    vacant = prem["vacant"].to_numpy(dtype=bool)
    for k, p in enumerate(found):
        run.proposals.append({
            "name": tr("Proposed centrality {n}").format(n=k + 1),
            "level": "primary" if k == 0 else "secondary", "premises": p.premises,
            "active": p.active, "vacant": int(vacant[p.members].sum()),
            "area_m2": round(p.area, 1), "polygons": p.polygons})
    if not found and warn is not None:
        warn(tr("No group of premises holds {n} active premises within {r} m of each other "
                "({total} premises, {active} active, in {campaign}): lower the minimum or "
                "raise the radius.").format(n=min_active, r=2 * radius, total=len(prem),
                                            active=int(active.sum()), campaign=camp["name"]))
    return run


def write(conn, run: Delineation, checkpoint: Checkpoint = None) -> tuple:
    """Write the proposals to ``centralities`` in one transaction (matched on their names);
    ``(added, updated, unchanged)``."""
    check(checkpoint)
    srs = observatory.srs_id(conn)
    with gpkg.transaction(conn):
        return writer.upsert(conn, [
            {"name": p["name"], "level": p["level"],
             "polygons": [[shell, *holes] for shell, holes in p["polygons"]]}
            for p in run.proposals], srs)


