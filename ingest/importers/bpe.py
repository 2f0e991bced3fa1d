"""Import INSEE BPE equipment points into ``services``.

Reading and validation: :func:`ingest.sources.bpe.read_bpe`, with the TYPEQU table of the file
(``bpe_equipment_types``, editable: a user may add codes of a newer BPE). Coordinates are
reprojected to the GeoPackage CRS. Services are keyed by (source 'bpe', vintage, source_id):
re-importing a vintage updates its rows in place (same uuids) and adds nothing; another vintage
is kept beside it. Rejected rows go to ``import_rejections``; one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg
from ...store.schema.offer import require_v6
from ...store.writers import services as writer
from ..sources.bpe import read_bpe
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid, text_or_none

SOURCE = "bpe"


def import_bpe(conn, path, *, communes: Optional[Iterable[str]] = None,
               vintage: Optional[str] = None, source_epsg: Optional[int] = None,
               encoding: Optional[str] = None, progress=None, is_canceled=None) -> ImportResult:
    """Import a BPE CSV. ``vintage`` (e.g. '2021') is required when the file has no ``AN``
    column; when given it overrides ``AN``. Raises :class:`~.framework.ImportRefusedError`
    for an unusable file."""
    path = Path(path)
    run = ImportRun.open(conn, SOURCE, [path], require_v6, progress=progress,
                         is_canceled=is_canceled)
    result = read_bpe(path, writer.equipment_types(conn), communes, encoding=encoding)
    run.report.extend(result.report)
    report, srs_id = run.report, run.srs_id
    services = result.services
    run.progress(30)
    run.checkpoint()
    years = services["year"].astype("string")
    if vintage:
        years = pd.Series(str(vintage), index=services.index, dtype="string")
    missing = years.isna()
    if missing.any():
        if not len(services) or missing.all():
            raise ImportRefusedError(tr("{file}: no AN (year) column: give the BPE "
                                        "vintage").format(file=path.name))
        for r in services.loc[missing, "row"]:
            report.reject(path.name, r, "AN", "", tr("no year: give the BPE vintage"))
        report.rows_accepted -= int(missing.sum())
    services = services.assign(vintage=years)[~missing.to_numpy()].reset_index(drop=True)
    epsg = services["epsg"] if source_epsg is None else int(source_epsg)
    services, x, y = run.place(services, services["x"], services["y"], epsg, path.name,
                               "coordinates", rows=services["row"])
    services = services.assign(x=x, y=y)
    existing = writer.service_keys(conn, SOURCE)
    stamp = gpkg.now_iso()
    inserts, updates = [], []
    for s in services.to_dict("records"):
        values = (s["typequ"], text_or_none(s["label"]), s["domain"], text_or_none(s["range"]),
                  s["commune_code"], text_or_none(s["iris"]), text_or_none(s["quality"]), stamp,
                  geometry.encode_point(s["x"], s["y"], srs_id))
        key = (str(s["vintage"]), s["source_id"])
        if key in existing:
            updates.append((*values, existing[key]))
        else:
            inserts.append((new_uuid(), SOURCE, *key, *values))
    with run.writing() as conn:
        updated = writer.write_services(conn, inserts, updates)
    run.progress(100)
    done = run.result
    done.added, done.updated = {"services": len(inserts)}, {"services": updated}
    done.unchanged = {"services": len(updates) - updated}
    done.filtered = dict(result.skipped)
    done.counts = {"new": len(inserts), "updated": updated}
    return done
