"""Import short-circuit producers and markets (CSV / GeoJSON) into ``producers`` and ``markets``.

Reading and validation: :mod:`store.sources.short_circuits`. Rows are keyed by (source,
source_id): ``source`` names the list (e.g. 'chambre_agriculture_86'), ``source_id`` is the
file's identifier column. A re-import updates rows in place (same uuids) and adds nothing;
a producer's products are synchronised (new ones added, vanished ones removed). Coordinates
are reprojected to the GeoPackage CRS. Producers and markets are written in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg
from ..sources.report import ImportReport
from ..sources.short_circuits import read_markets, read_producers
from .common import (
    ImportResult,
    check_open,
    checkpoint,
    new_uuid,
    reproject,
    text_or_none,
    write_rejections,
)


def _project(frame: pd.DataFrame, report: ImportReport, name: str, srs_id: int,
             source_epsg: Optional[int]) -> pd.DataFrame:
    epsg = frame["epsg"] if source_epsg is None else int(source_epsg)
    x, y = reproject(frame["x"].to_numpy(float), frame["y"].to_numpy(float), epsg, srs_id)
    failed = ~(np.isfinite(x) & np.isfinite(y))
    for r in frame.loc[failed, "row"]:
        report.reject(name, r, "coordinates", "",
                      tr("coordinates could not be transformed to EPSG:{epsg}").format(epsg=srs_id))
    out = frame.assign(x=x, y=y)[~failed].reset_index(drop=True)
    report.rows_accepted = len(out)
    return out


def _organic(value):
    return None if value is None or value != value else int(bool(value))


def import_short_circuits(conn, producers_path=None, markets_path=None, *,
                          source: str = "local", source_epsg: Optional[int] = None,
                          progress=None, is_canceled=None) -> ImportResult:
    """Import producers and / or markets. Raises ``ValueError`` for an unusable file."""
    srs_id = check_open(conn)
    if producers_path is None and markets_path is None:
        raise ValueError(tr("give a producers file, a markets file, or both"))
    source = (source or "").strip()
    if not source:
        raise ValueError(tr("name the source of the list (e.g. chambre_agriculture_86)"))
    report = ImportReport(source=source)
    reports = []
    producers = markets = None
    if producers_path is not None:
        producers, rep = read_producers(producers_path)
        producers = _project(producers, rep, Path(producers_path).name, srs_id, source_epsg)
        reports.append((Path(producers_path), rep))
    if markets_path is not None:
        markets, rep = read_markets(markets_path)
        markets = _project(markets, rep, Path(markets_path).name, srs_id, source_epsg)
        reports.append((Path(markets_path), rep))
    for _path, rep in reports:
        report.extend(rep)
    if progress:
        progress(40)
    checkpoint(is_canceled)
    stamp = gpkg.now_iso()
    counts = {"producers_new": 0, "producers_updated": 0, "markets_new": 0,
              "markets_updated": 0, "products_added": 0, "products_removed": 0}
    with gpkg.transaction(conn):
        if producers is not None:
            _write_producers(conn, producers, source, srs_id, stamp, counts)
            if len(producers):
                gpkg.update_extent(conn, "producers")
        if markets is not None:
            _write_markets(conn, markets, source, srs_id, stamp, counts)
            if len(markets):
                gpkg.update_extent(conn, "markets")
        for path, rep in reports:
            write_rejections(conn, source, path, rep)
        checkpoint(is_canceled)
        for table in ("producers", "producer_products", "markets"):
            gpkg.touch(conn, table)
    if progress:
        progress(100)
    return ImportResult(source, counts, report)


def _write_producers(conn, producers, source, srs_id, stamp, counts) -> None:
    existing = dict(conn.execute("SELECT source_id, uuid FROM producers WHERE source = ?",
                                 (source,)).fetchall())
    products = {}
    for r in conn.execute("SELECT pp.producer_uuid, pp.product FROM producer_products pp "
                          "JOIN producers p ON p.uuid = pp.producer_uuid WHERE p.source = ?",
                          (source,)):
        products.setdefault(r[0], set()).add(r[1])
    for p in producers.to_dict("records"):
        values = (text_or_none(p["name"]), ";".join(p["sales_modes"]) or None,
                  _organic(p["organic"]), stamp, geometry.encode_point(p["x"], p["y"], srs_id))
        uid = existing.get(p["source_id"])
        if uid is None:
            uid = new_uuid()
            conn.execute("INSERT INTO producers (uuid, source, source_id, name, sales_modes, "
                         "organic, imported_at, geom) VALUES (?,?,?,?,?,?,?,?)",
                         (uid, source, p["source_id"], *values))
            counts["producers_new"] += 1
        else:
            conn.execute("UPDATE producers SET name = ?, sales_modes = ?, organic = ?, "
                         "imported_at = ?, geom = ? WHERE uuid = ?", (*values, uid))
            counts["producers_updated"] += 1
        old, new = products.get(uid, set()), set(p["products"])
        conn.executemany("INSERT INTO producer_products (uuid, producer_uuid, product) "
                         "VALUES (?,?,?)", [(new_uuid(), uid, c) for c in sorted(new - old)])
        conn.executemany("DELETE FROM producer_products WHERE producer_uuid = ? AND product = ?",
                         [(uid, c) for c in sorted(old - new)])
        counts["products_added"] += len(new - old)
        counts["products_removed"] += len(old - new)


def _write_markets(conn, markets, source, srs_id, stamp, counts) -> None:
    existing = dict(conn.execute("SELECT source_id, uuid FROM markets WHERE source = ?",
                                 (source,)).fetchall())
    for m in markets.to_dict("records"):
        values = (text_or_none(m["name"]), ";".join(m["days"]), float(m["per_week"]),
                  _organic(m["organic"]), text_or_none(m.get("schedule_text")), stamp,
                  geometry.encode_point(m["x"], m["y"], srs_id))
        uid = existing.get(m["source_id"])
        if uid is None:
            conn.execute("INSERT INTO markets (uuid, source, source_id, name, days, per_week, "
                         "organic, schedule_text, imported_at, geom) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (new_uuid(), source, m["source_id"], *values))
            counts["markets_new"] += 1
        else:
            conn.execute("UPDATE markets SET name = ?, days = ?, per_week = ?, organic = ?, "
                         "schedule_text = ?, imported_at = ?, geom = ? WHERE uuid = ?",
                         (*values, uid))
            counts["markets_updated"] += 1
