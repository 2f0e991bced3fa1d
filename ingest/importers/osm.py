"""Import OpenStreetMap shops and amenities (.osm / .pbf / GeoJSON) as candidate premises.

Reading and classification: :func:`ingest.sources.osm_shops.read_osm` (the shipped OSM tag →
activity group table). The candidates (WGS 84) are reprojected to the GeoPackage CRS, matched to
the premises and written by :func:`ingest.importers.premises.apply_candidates`, idempotent by OSM id
(``node/123``, ``way/45``) through ``premise_sources``; rejected rows go to ``import_rejections``,
all in one transaction. ``shop=vacant`` gives a vacant observation; a ``brand`` tag a chain.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pandas as pd

from ...store.schema.offer import require_v6
from ..sources.osm_shops import read_osm
from .framework import ImportResult, ImportRun
from .premises import CANDIDATE_COLUMNS, campaign_target, import_candidates

SOURCE = "osm"


def import_osm(conn, path, *, campaign: Optional[str] = None,
               create_campaign_year: Optional[int] = None, max_distance: float = 25.0,
               min_similarity: float = 0.8, polygons: bool = True, progress=None,
               is_canceled=None) -> ImportResult:
    """Import the file; parameters as :func:`ingest.importers.sirene.import_sirene`."""
    path = Path(path)
    run = ImportRun.open(conn, SOURCE, [path], require_v6, progress=progress,
                         is_canceled=is_canceled)
    target = campaign_target(conn, campaign, create_campaign_year)
    result = read_osm(path, polygons=polygons)
    run.report.extend(result.report)
    cand = result.candidates
    run.progress(30)
    run.checkpoint()
    cand, x, y = run.place(cand, cand["x"], cand["y"], 4326, path.name, "geometry",
                           rows=cand["row"])
    cand = cand.assign(x=x, y=y)
    frame = pd.DataFrame({
        "source_id": cand["source_id"], "x": cand["x"], "y": cand["y"],
        "sign_name": cand["name"].where(cand["name"].notna(), cand["brand"]),
        "address": cand["address"], "street": None, "commune_code": None,
        "status": cand["status"], "activity_group": cand["activity_group"], "naf_code": None,
        "chain_type": cand["chain_type"], "row": cand["row"]}, columns=CANDIDATE_COLUMNS)
    return import_candidates(
        run, frame, target=target, max_distance=max_distance,
        min_similarity=min_similarity, note_prefix="OSM ", filtered=dict(result.skipped))
