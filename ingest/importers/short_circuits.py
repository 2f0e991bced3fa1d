"""Import short-circuit producers and markets (CSV / GeoJSON) into ``producers`` and ``markets``.

Reading and validation: :mod:`ingest.sources.short_circuits`. Rows are keyed by (source,
source_id): ``source`` names the list (e.g. 'chambre_agriculture_86'), ``source_id`` is the
file's identifier column. A re-import updates rows in place (same uuids) and adds nothing;
a producer's products are synchronised (new ones added, vanished ones removed). Coordinates
are reprojected to the GeoPackage CRS. Producers and markets are written in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg
from ...store.schema.offer import require_v6
from ...store.writers import short_circuits as writer
from ..sources.report import ImportReport
from ..sources.short_circuits import read_markets, read_producers
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid, text_or_none


def _project(run: ImportRun, frame: pd.DataFrame, report: ImportReport, name: str,
             source_epsg: Optional[int]) -> pd.DataFrame:
    epsg = frame["epsg"] if source_epsg is None else int(source_epsg)
    out, x, y = run.place(frame, frame["x"], frame["y"], epsg, name, "coordinates",
                          rows=frame["row"], report=report)
    return out.assign(x=x, y=y)


def _organic(value):
    return None if value is None or value != value else int(bool(value))


def import_short_circuits(conn, producers_path=None, markets_path=None, *,
                          source: str = "local", source_epsg: Optional[int] = None,
                          encoding: Optional[str] = None, progress=None,
                          is_canceled=None) -> ImportResult:
    """Import producers and / or markets. Raises :class:`~.framework.ImportRefusedError` for
    an unusable file."""
    run = ImportRun.open(conn, source, [producers_path, markets_path], require_v6,
                         progress=progress, is_canceled=is_canceled)
    if producers_path is None and markets_path is None:
        raise ImportRefusedError(tr("give a producers file, a markets file, or both"))
    source = (source or "").strip()
    if not source:
        raise ImportRefusedError(tr("name the source of the list (e.g. chambre_agriculture_86)"))
    run.source = source
    report, srs_id = run.report, run.srs_id
    producers = markets = None
    if producers_path is not None:
        producers, rep = read_producers(producers_path, encoding=encoding)
        producers = _project(run, producers, rep, Path(producers_path).name, source_epsg)
        report.extend(rep)
    if markets_path is not None:
        markets, rep = read_markets(markets_path, encoding=encoding)
        markets = _project(run, markets, rep, Path(markets_path).name, source_epsg)
        report.extend(rep)
    run.progress(40)
    run.checkpoint()
    stamp = gpkg.now_iso()
    result = run.result
    with run.writing() as conn:
        if producers is not None:
            _write_producers(conn, producers, source, srs_id, stamp, result)
        if markets is not None:
            _write_markets(conn, markets, source, srs_id, stamp, result)
    run.progress(100)
    result.counts = {
        "producers_new": result.added.get("producers", 0),
        "producers_updated": result.updated.get("producers", 0),
        "markets_new": result.added.get("markets", 0),
        "markets_updated": result.updated.get("markets", 0),
        "products_added": result.added.get("producer_products", 0),
        "products_removed": result.removed.get("producer_products", 0)}
    return result


def _split(existing: dict, source: str, records, values_of):
    """(inserts, updates) of ``records`` keyed by ``source_id`` (dicts for the writer)."""
    inserts, updates = [], []
    for rec in records:
        uid = existing.get(rec["source_id"])
        if uid is None:
            uid = new_uuid()
            existing[rec["source_id"]] = uid
            inserts.append({"uuid": uid, "source": source, "source_id": rec["source_id"],
                            **values_of(rec)})
        else:
            updates.append({"uuid": uid, **values_of(rec)})
    return inserts, updates


def _write_producers(conn, producers, source, srs_id, stamp, result) -> None:
    existing = writer.source_ids(conn, "producers", source)
    records = producers.to_dict("records")
    inserts, updates = _split(existing, source, records, lambda p: {
        "name": text_or_none(p["name"]), "sales_modes": ";".join(p["sales_modes"]) or None,
        "organic": _organic(p["organic"]), "imported_at": stamp,
        "geom": geometry.encode_point(p["x"], p["y"], srs_id)})
    updated = writer.write(conn, "producers", inserts, updates)
    products = writer.products_of(conn, [u["uuid"] for u in updates])
    added, removed = [], []
    for p in records:
        uid = existing[p["source_id"]]
        old, new = products.get(uid, set()), set(p["products"])
        added += [(uid, c) for c in sorted(new - old)]
        removed += [(uid, c) for c in sorted(old - new)]
    writer.set_products(conn, added, removed)
    result.added["producers"] = len(inserts)
    result.updated["producers"] = updated
    result.unchanged["producers"] = len(updates) - updated
    result.added["producer_products"] = len(added)
    result.removed["producer_products"] = len(removed)


def _write_markets(conn, markets, source, srs_id, stamp, result) -> None:
    existing = writer.source_ids(conn, "markets", source)
    inserts, updates = _split(existing, source, markets.to_dict("records"), lambda m: {
        "name": text_or_none(m["name"]), "days": ";".join(m["days"]),
        "per_week": float(m["per_week"]), "organic": _organic(m["organic"]),
        "schedule_text": text_or_none(m.get("schedule_text")), "imported_at": stamp,
        "geom": geometry.encode_point(m["x"], m["y"], srs_id)})
    updated = writer.write(conn, "markets", inserts, updates)
    result.added["markets"] = len(inserts)
    result.updated["markets"] = updated
    result.unchanged["markets"] = len(updates) - updated
