"""Import INSEE BPE equipment points into ``services``.

Reading and validation: :func:`store.sources.bpe.read_bpe`, with the TYPEQU table of the file
(``bpe_equipment_types``, editable: a user may add codes of a newer BPE). Coordinates are
reprojected to the GeoPackage CRS. Services are keyed by (source 'bpe', vintage, source_id):
re-importing a vintage updates its rows in place (same uuids) and adds nothing; another vintage
is kept beside it. Rejected rows go to ``import_rejections``; one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg
from ..sources.bpe import read_bpe
from .common import (
    ImportResult,
    check_open,
    checkpoint,
    new_uuid,
    reproject,
    text_or_none,
    write_rejections,
)

SOURCE = "bpe"


def equipment_types(conn) -> pd.DataFrame:
    frame = pd.read_sql_query("SELECT code AS typequ, label_fr, domain, range, vintage "
                              "FROM bpe_equipment_types", conn)
    return frame.fillna("").set_index("typequ")


def import_bpe(conn, path, *, communes: Optional[Iterable[str]] = None,
               vintage: Optional[str] = None, source_epsg: Optional[int] = None,
               progress=None, is_canceled=None) -> ImportResult:
    """Import a BPE CSV. ``vintage`` (e.g. '2021') is required when the file has no ``AN``
    column; when given it overrides ``AN``. Raises ``ValueError`` for an unusable file."""
    srs_id = check_open(conn)
    path = Path(path)
    result = read_bpe(path, equipment_types(conn), communes)
    report = result.report
    services = result.services
    if progress:
        progress(30)
    checkpoint(is_canceled)
    years = services["year"].astype("string")
    if vintage:
        years = pd.Series(str(vintage), index=services.index, dtype="string")
    missing = years.isna()
    if missing.any():
        if not len(services) or missing.all():
            raise ValueError(tr("{file}: no AN (year) column: give the BPE vintage").format(
                file=path.name))
        for r in services.loc[missing, "row"]:
            report.reject(path.name, r, "AN", "", tr("no year: give the BPE vintage"))
    epsg = services["epsg"] if source_epsg is None else int(source_epsg)
    x, y = reproject(services["x"].to_numpy(float), services["y"].to_numpy(float), epsg, srs_id)
    failed = ~(np.isfinite(x) & np.isfinite(y)) & ~missing.to_numpy()
    for r in services.loc[failed, "row"]:
        report.reject(path.name, r, "coordinates", "",
                      f"coordinates could not be transformed to EPSG:{srs_id}")
    keep = ~failed & ~missing.to_numpy()
    services = services.assign(x=x, y=y, vintage=years)[keep].reset_index(drop=True)
    report.rows_accepted = len(services)
    existing = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT vintage, source_id, uuid FROM services WHERE source = ?", (SOURCE,))}
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
    with gpkg.transaction(conn):
        conn.executemany(
            "INSERT INTO services (uuid, source, vintage, source_id, typequ, label, domain, "
            "range, commune_code, iris, quality, imported_at, geom) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", inserts)
        conn.executemany(
            "UPDATE services SET typequ = ?, label = ?, domain = ?, range = ?, commune_code = ?, "
            "iris = ?, quality = ?, imported_at = ?, geom = ? WHERE uuid = ?", updates)
        write_rejections(conn, SOURCE, path, report)
        checkpoint(is_canceled)
        if inserts or updates:
            gpkg.update_extent(conn, "services")
        gpkg.touch(conn, "services")
    if progress:
        progress(100)
    return ImportResult(SOURCE, {"new": len(inserts), "updated": len(updates)}, report, None,
                        dict(result.skipped))
