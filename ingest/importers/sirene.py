"""Import an INSEE SIRENE ``StockEtablissement`` CSV into the socle (candidate premises).

Reading and row validation: :func:`ingest.sources.sirene.read_sirene` (active, diffusible
establishments with a NAF rév. 2 code found in the file's ``naf_activity_map`` table and
coordinates; NAP / old NAF rows are flagged and rejected). Here:

1. ``retail_only`` drops establishments whose activity group is not retail
   (``activity_groups.is_retail = 0``: offices, non-commercial services…): counted, not listed;
2. the coordinates are reprojected from their CRS (per row: the ``epsg`` column, Lambert-93 /
   overseas projection for INSEE's Lambert columns, WGS 84 for longitude / latitude; or the
   ``source_epsg`` given) to the GeoPackage CRS; a failed transformation rejects the row;
3. candidates are matched to the premises and written by
   :func:`ingest.importers.premises.apply_candidates` (idempotent by SIRET through
   ``premise_sources``; 'review' rows are returned, never written);
4. INSEE's diffusion status is recorded on the links (``premise_sources.diffusion_status``):
   ``O`` for the rows placed; a SIRET already linked whose row is now ``P`` or ``N`` (a sole
   trader's record that is not public) takes that status, so that exports never publish its
   sign; such a row not yet linked cannot be placed (INSEE masks its address) and is a warning;
5. the rejected rows are recorded in ``import_rejections`` (replacing those of an earlier import
   of the same file) — all in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from ...i18n import tr
from ...store import tables
from ...store.schema.offer import require_v6
from ...store.writers import premises as premise_writer
from ..sources.sirene import read_sirene
from .framework import ImportResult, ImportRun
from .premises import CANDIDATE_COLUMNS, campaign_target, import_candidates

SOURCE = "sirene"


def naf_map(conn) -> dict:
    return tables.key_map(conn, "naf_activity_map", "naf_code", "activity_group")


def import_sirene(conn, path, *, communes: Optional[Iterable[str]] = None,
                  campaign: Optional[str] = None, create_campaign_year: Optional[int] = None,
                  source_epsg: Optional[int] = None, retail_only: bool = True,
                  max_distance: float = 25.0, min_similarity: float = 0.8,
                  encoding: Optional[str] = None, progress=None,
                  is_canceled=None) -> ImportResult:
    """Import the file (see module docstring). ``campaign``: name of the campaign that receives
    the observations (None: premises only); when it does not exist and
    ``create_campaign_year`` is given, it is created (open) in the same transaction.

    Raises :class:`~.framework.ImportRefusedError` for an unusable file or parameter (nothing
    written) and :class:`~.framework.ImportCanceledError` when ``is_canceled()`` turns true.
    """
    path = Path(path)
    run = ImportRun.open(conn, SOURCE, [path], require_v6, progress=progress,
                         is_canceled=is_canceled)
    target = campaign_target(conn, campaign, create_campaign_year)
    result = read_sirene(path, naf_map(conn), communes, encoding=encoding)
    run.report.extend(result.report)
    report = run.report
    filtered = dict(result.skipped)
    est = result.establishments
    run.progress(30)
    run.checkpoint()
    if retail_only and len(est):
        retail = set(tables.values(conn, "activity_groups", "code", {"is_retail": 1}))
        keep = est["activity_group"].isin(retail).to_numpy()
        filtered[tr("not retail")] = int((~keep).sum())
        report.rows_accepted -= int((~keep).sum())
        est = est[keep].reset_index(drop=True)
    epsg = est["epsg"] if source_epsg is None else int(source_epsg)
    est, x, y = run.place(est, est["x"], est["y"], epsg, path.name, "coordinates",
                          rows=est["row"])
    est = est.assign(x=x, y=y)
    cand = pd.DataFrame({
        "source_id": est["siret"], "x": est["x"], "y": est["y"],
        "sign_name": est["sign_name"], "address": est["address"], "street": est["street"],
        "commune_code": est["commune_code"], "status": "occupied",
        "activity_group": est["activity_group"], "naf_code": est["naf_code"],
        "chain_type": None, "row": est["row"]}, columns=CANDIDATE_COLUMNS)
    run.progress(50)
    statuses = dict.fromkeys(cand["source_id"], "O")
    statuses.update(zip(result.restricted["siret"], result.restricted["status"]))

    def record_diffusion(conn):
        linked = premise_writer.set_diffusion_status(conn, SOURCE, statuses)
        for siret, status, row in result.restricted.itertuples(index=False):
            if siret not in linked:
                report.warn(path.name, row, "statutDiffusionEtablissement", status, tr(
                    "sole trader whose record is not public: INSEE masks the address, so it is "
                    "not placed; link SIRET {siret} to its premise by hand if it is one").format(
                        siret=siret))

    return import_candidates(
        run, cand, target=target, max_distance=max_distance,
        min_similarity=min_similarity, note_prefix="SIRET ", filtered=filtered,
        after=record_diffusion)
