"""Carpooling: places of the *Base nationale des lieux de covoiturage* (schema 0.2.0) into
``carpool_areas``, and trips per day between communes into ``carpool_trips``.

Places are keyed by ``id_lieu``, trips by date, origin and destination: re-importing adds
nothing. One transaction per file (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Mapping, Optional

import pandas as pd

from ...i18n import noop, tr
from ...store import gpkg
from ...store.schema.flows import require_flows
from ...store.writers.bulk import insert_rows
from ..sources import bnlc, tabular
from ..sources.comptage import INSEE_PATTERN
from ..sources.tabular import Conventions, FieldSpec
from .framework import ImportResult, ImportRun, new_uuid, points, sql_values

SOURCE = "carpool"


def import_carpool_places(conn, path, *, today: Optional[dt.date] = None,
                          conventions: Optional[Conventions] = None, progress=None,
                          is_canceled=None) -> ImportResult:
    """BNLC places (schema lieux de covoiturage 0.2.0; ``id_local`` kept, future ``date_maj``
    reported as warnings)."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    frame, _ = bnlc.read_bnlc(path, today=today, report=report, conventions=conventions)
    if "id_local" not in frame.columns:
        frame["id_local"] = None
    f, x, y = run.place(frame, frame["Xlong"], frame["Ylat"], 4326, name, "Xlong,Ylat")

    def flag(col):
        return [None if pd.isna(v) else int(bool(v)) for v in f[col]]

    stamp = gpkg.now_iso()
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "carpool_areas",
                            ["uuid", "geom", "place_id", "local_id", "name", "address",
                             "commune", "insee_code", "place_type", "updated_on", "is_open",
                             "places", "pmr_places", "lit", "owner", "source", "imported_at"],
                            zip([new_uuid() for _ in range(len(f))],
                                points(x, y, run.srs_id), f["id_lieu"],
                                sql_values(f["id_local"]), f["nom_lieu"],
                                sql_values(f["ad_lieu"]), sql_values(f["com_lieu"]),
                                sql_values(f["insee"]), sql_values(f["type"]),
                                sql_values(f["date_maj"]), flag("ouvert"),
                                sql_values(f["nbre_pl"]), sql_values(f["nbre_pmr"]),
                                flag("lumiere"), sql_values(f["proprio"]), [name] * len(f),
                                [stamp] * len(f)))
    result.added["carpool_areas"] = added
    result.unchanged["carpool_areas"] = len(f) - added
    return result


def import_carpool_trips(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                         sep: Optional[str] = None, conventions: Optional[Conventions] = None,
                         progress=None, is_canceled=None) -> ImportResult:
    """Carpool trips per day between communes: ``date, origin_insee, destination_insee,
    trips``."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report = run.report
    conventions = Conventions.of(conventions, separator=sep)
    insee = {"pattern": INSEE_PATTERN, "hint": noop("a 5-character INSEE commune code")}
    specs = [FieldSpec("date", "date", required=True),
             FieldSpec("origin_insee", required=True, **insee),
             FieldSpec("destination_insee", required=True, **insee),
             FieldSpec("trips", "number", required=True, minimum=0, maximum=1e7)]
    out, valid, cols = tabular.mapped_table(path, specs, report, mapping=mapping,
                                    conventions=conventions)
    dup = tabular.repeated(out, valid, ["date", "origin_insee", "destination_insee"])
    valid &= tabular.reject_rows(report, Path(path).name, dup, out["source_row"].to_numpy(),
                                 cols["date"], out["date"].dt.strftime("%Y-%m-%d").to_numpy(),
                                 tr("one row per date, origin and destination (duplicate)"))
    f = tabular.finish(out, valid, report)
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "carpool_trips",
                            ["uuid", "date", "origin_insee", "destination_insee", "trips"],
                            zip([new_uuid() for _ in range(len(f))], sql_values(f["date"]),
                                f["origin_insee"], f["destination_insee"],
                                sql_values(f["trips"])), checkpoint=run.checkpoint)
    result.added["carpool_trips"] = added
    result.unchanged["carpool_trips"] = len(f) - added
    return result
