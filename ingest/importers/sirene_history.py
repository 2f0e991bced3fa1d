"""SIRENE establishment history (``StockEtablissementHistorique``) into ``sirene_history``, and
optionally the positions of the establishments from a stock file into
``sirene_establishments``.

Files are read and checked by :mod:`ingest.sources.sirene_history`. With a stock file, its
coordinates are reprojected to the GeoPackage's CRS (per row: INSEE's Lambert columns in the
territory's projection, the geolocation file's ``x, y, epsg``, or WGS 84 longitude / latitude);
``communes`` then keeps only the establishments of those INSEE commune codes, in the stock and
in the history (the other rows are counted, not listed). Without a stock file the history is
kept whole, and the barometer places the establishments through the premises a SIRENE import
linked their siret to.

Periods are keyed by siret and start date (a derived uuid): re-importing adds nothing, and a
newer history file updates the periods that changed (an end date, a NAF code). One
transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from ...i18n import tr
from ...store import gpkg
from ...store.schema.activity import key_uuid, require_activity
from ...store.writers import activity as writer
from ..sources import sirene_history as source
from ..sources.report import ImportReport
from ..sources.tabular import Conventions
from .framework import ImportResult, ImportRun, points, sql_values

SOURCE = "sirene_history"
KEY = ["siret", "period_start"]
VALUES = ["siren", "period_end", "state", "naf_code", "naf_nomenclature", "sign_name",
          "employer", "source", "imported_at"]


def import_sirene_history(conn, path, *, stock=None, communes: Optional[Iterable[str]] = None,
                          source_epsg: Optional[int] = None,
                          conventions: Optional[Conventions] = None, progress=None,
                          is_canceled=None) -> ImportResult:
    """Import the history file ``path`` and, when given, the positions of the ``stock`` file
    (module docstring). ``source_epsg`` overrides the CRS of the stock's coordinates."""
    files = [path] + ([stock] if stock else [])
    run = ImportRun.open(conn, SOURCE, files, require_activity, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    result = run.result
    positions = None
    if stock:
        stock_name = Path(stock).name
        stock_report = ImportReport(stock_name)
        positions = source.read_positions(stock, stock_report, communes=communes,
                                          conventions=conventions)
        report.extend(stock_report)
        run.progress(25)
        run.checkpoint()
        has_xy = np.isfinite(positions["x"]) & np.isfinite(positions["y"])
        if (~has_xy).any():
            report.warn(stock_name, 0, "coordinates", "", tr(
                "{n} establishments without coordinates: placed through a premise linked to "
                "their siret, or outside every centrality").format(n=int((~has_xy).sum())))
        wanted = set(positions["siret"])
        sub = positions[has_xy.to_numpy()].reset_index(drop=True)
        epsg = sub["epsg"] if source_epsg is None else int(source_epsg)
        placed, x, y = run.place(sub, sub["x"], sub["y"], epsg, stock_name, "coordinates",
                                 rows=sub["row"])
        positions = placed.assign(x=x, y=y)
    history = source.read_history(path, report, conventions=conventions)
    report.rejected.sort(key=lambda r: (r.file, r.row))
    if communes is not None and positions is not None:
        inside = history["siret"].isin(wanted).to_numpy()
        result.filtered[tr("other commune")] = int((~inside).sum())
        report.rows_accepted -= int((~inside).sum())
        history = history[inside].reset_index(drop=True)
    run.progress(60)
    run.checkpoint()
    stamp = gpkg.now_iso()
    start = [None if s != s else f"{s:%Y-%m-%d}" for s in history["start"]]
    data = list(zip([key_uuid(SOURCE, s, d) for s, d in zip(history["siret"], start)],
                    history["siret"], start, history["siren"], sql_values(history["end"]),
                    history["state"], sql_values(history["naf_code"]),
                    sql_values(history["naf_nomenclature"]), sql_values(history["sign_name"]),
                    sql_values(history["employer"]), [name] * len(history),
                    [stamp] * len(history)))
    with run.writing() as conn:
        added, updated = writer.upsert_keyed(conn, "sirene_history", KEY, VALUES, data)
        if positions is not None:
            est = list(zip([key_uuid("establishment", s) for s in positions["siret"]],
                           positions["siret"], positions["siren"],
                           sql_values(positions["commune_code"]),
                           sql_values(positions["address"]),
                           [Path(stock).name] * len(positions), [stamp] * len(positions),
                           points(positions["x"], positions["y"], run.srs_id)))
            p_added, p_updated = writer.upsert_establishments(conn, est)
            result.added["sirene_establishments"] = p_added
            result.updated["sirene_establishments"] = p_updated
            result.unchanged["sirene_establishments"] = len(est) - p_added - p_updated
    result.added["sirene_history"] = added
    result.updated["sirene_history"] = updated
    result.unchanged["sirene_history"] = len(data) - added - updated
    return result
