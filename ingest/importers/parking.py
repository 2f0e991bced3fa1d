"""Parking: off-street car parks (*stationnement* schema 0.1.5), on-street zones, and occupancy
or payment series, into ``parkings`` and ``parking_occupancy``.

Files are read and validated first (:mod:`ingest.sources.parking`), then written in one
transaction (:class:`.framework.ImportRun`), keyed by ``parking_id`` and time: re-importing adds
nothing. Coordinates (WGS84 longitude / latitude) are reprojected to the GeoPackage's CRS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from ...store import gpkg, tables
from ...store.schema.flows import require_flows
from ...store.writers import flows as writer
from ...store.writers.bulk import insert_rows
from ..sources import parking
from ..sources.comptage import INSEE_PATTERN
from ..sources.osm_parking import read_osm_parkings
from ..sources.report import ImportReport
from ..sources.tabular import (
    Conventions,
    FieldSpec,
    finish,
    mapped_table,
    match_columns,
    read_csv_text,
    validate_table,
)
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid, points, sql_values

SOURCE = "parking"
KINDS = ("off_street", "on_street")

ZONE_FIELDS = [
    FieldSpec("id", required=True), FieldSpec("nom", required=True),
    FieldSpec("insee", pattern=INSEE_PATTERN,
              hint=noop("a 5-character INSEE commune code")),
    FieldSpec("adresse"), FieldSpec("nb_places", "integer", required=True, minimum=0),
    FieldSpec("Xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("Ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("tarif_1h", "number", minimum=0), FieldSpec("tarif_2h", "number", minimum=0),
    FieldSpec("info"),
]
PARKING_COLUMNS = ["uuid", "geom", "parking_id", "name", "kind", "insee_code", "address",
                   "capacity", "users", "free_of_charge", "pmr_places", "ev_places",
                   "carpool_places", "max_height_cm", "fee_1h", "fee_2h", "fee_24h", "structure",
                   "source", "imported_at"]


def import_parkings(conn, path, *, kind: str = "off_street", sep: Optional[str] = None,
                    conventions: Optional[Conventions] = None,
                    mapping: Optional[Mapping[str, str]] = None,
                    source_epsg: Optional[int] = None, progress=None,
                    is_canceled=None) -> ImportResult:
    """Car parks in the *stationnement* schema 0.1.5 (``kind='off_street'``) or on-street zones
    (``kind='on_street'``: columns ``id, nom, nb_places, Xlong, Ylat`` required, ``insee,
    adresse, tarif_1h, tarif_2h, info`` optional), or, with a ``mapping``, car parks or zones
    in a town's own format (:func:`ingest.sources.parking.read_mapped_parkings`: id, name,
    capacity, x, y; commune, address) whose coordinates are in ``source_epsg`` (detected when
    None: WGS 84 when every value is a longitude / latitude, else Lambert-93; the log says
    which)."""
    if kind not in KINDS:
        raise ImportRefusedError(tr("kind must be off_street or on_street"))
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    epsg = 4326
    if mapping:
        frame, _ = parking.read_mapped_parkings(path, mapping, report=report,
                                                conventions=conventions)
        epsg = int(source_epsg) if source_epsg else parking.coordinates_crs(frame["x"],
                                                                           frame["y"])
        report.conventions.setdefault(name, {})["crs"] = tr("EPSG:{epsg} ({how})").format(
            epsg=epsg, how=tr("given") if source_epsg else tr("detected"))
        frame = frame.rename(columns={"x": "Xlong", "y": "Ylat"})
    elif kind == "off_street":
        frame, _ = parking.read_parkings(path, report=report, conventions=conventions)
    else:
        raw = read_csv_text(path, report, conventions=conventions)
        out, valid = validate_table(raw, ZONE_FIELDS, name, report, primary_key=["id"],
                                    conventions=conventions)
        frame = finish(out, valid, report)
    for col in ("type_usagers", "gratuit", "nb_pmr", "nb_voitures_electriques", "nb_covoit",
                "hauteur_max", "tarif_24h", "type_ouvrage", "tarif_1h", "tarif_2h", "insee",
                "adresse"):
        if col not in frame.columns:
            frame[col] = None
    f, x, y = run.place(frame, frame["Xlong"], frame["Ylat"], epsg, name, "Xlong,Ylat")
    height = pd.to_numeric(f["hauteur_max"].replace("N/A", None), errors="coerce")
    gratuit = f["gratuit"].map(lambda v: None if pd.isna(v) else int(bool(v)))
    stamp = gpkg.now_iso()
    rows = zip([new_uuid() for _ in range(len(f))], points(x, y, run.srs_id), f["id"],
               f["nom"], [kind] * len(f), sql_values(f["insee"]), sql_values(f["adresse"]),
               sql_values(f["nb_places"]), sql_values(f["type_usagers"]), sql_values(gratuit),
               sql_values(f["nb_pmr"]), sql_values(f["nb_voitures_electriques"]),
               sql_values(f["nb_covoit"]), sql_values(height), sql_values(f["tarif_1h"]),
               sql_values(f["tarif_2h"]), sql_values(f["tarif_24h"]),
               sql_values(f["type_ouvrage"]), [name] * len(f), [stamp] * len(f))
    result = run.result
    with run.writing() as conn:
        added = insert_rows(conn, "parkings", PARKING_COLUMNS, rows)
    result.added["parkings"] = added
    result.unchanged["parkings"] = len(f) - added
    return result


def import_osm_parkings(conn, path, *, polygons: bool = True, progress=None,
                        is_canceled=None) -> ImportResult:
    """Car parks of an OpenStreetMap export (``amenity=parking``; see
    :mod:`ingest.sources.osm_parking`), keyed by their OSM type and id."""
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    name = Path(path).name
    frame, report, skipped = read_osm_parkings(path, polygons=polygons)
    run.report.extend(report)
    run.checkpoint()
    f, x, y = run.place(frame, frame["x"], frame["y"], 4326, name, "geometry", rows=frame["row"])
    stamp = gpkg.now_iso()
    rows = zip([new_uuid() for _ in range(len(f))], points(x, y, run.srs_id), f["source_id"],
               f["name"], f["kind"], [None] * len(f), sql_values(f["address"]),
               sql_values(f["capacity"]), sql_values(f["users"]),
               sql_values(f["free_of_charge"]), sql_values(f["pmr_places"]),
               sql_values(f["ev_places"]), [None] * len(f), sql_values(f["max_height_cm"]),
               [None] * len(f), [None] * len(f), [None] * len(f), sql_values(f["structure"]),
               [name] * len(f), [stamp] * len(f))
    result = run.result
    result.filtered = skipped
    with run.writing() as conn:
        added = insert_rows(conn, "parkings", PARKING_COLUMNS, rows)
    result.added["parkings"] = added
    result.unchanged["parkings"] = len(f) - added
    return result


def _read_payments(path, cols, timezone, report, conventions):
    specs = [FieldSpec("parking_id", required=True),
             FieldSpec("timestamp", "datetime", required=True),
             FieldSpec("payments", "number", required=True, minimum=0)]
    out, valid, _ = mapped_table(path, specs, report, mapping=cols, conventions=conventions,
                                 primary_key=["parking_id", "timestamp"], naive_tz=timezone,
                                 group_field="parking_id")
    frame = pd.DataFrame({"parking_id": out["parking_id"], "timestamp_utc": out["timestamp"],
                          "offset": out["timestamp_offset_min"], "payments": out["payments"],
                          "occupied": np.nan, "capacity": np.nan, "occupancy_rate": np.nan,
                          "source_row": out["source_row"]})
    return finish(frame, valid, report)


def import_occupancy(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                     timezone: str = "Europe/Paris", sep: Optional[str] = None,
                     conventions: Optional[Conventions] = None,
                     progress=None, is_canceled=None) -> ImportResult:
    """Occupancy series of car parks / zones of the GeoPackage (see
    :func:`ingest.sources.parking.read_occupancy`; the capacity defaults to the car park's).

    A file with a ``payments`` column and neither free nor occupied places is read as
    on-street payment counts (``parking_id, timestamp, payments``).
    """
    run = ImportRun.open(conn, SOURCE, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    known = {r["parking_id"]: (r["uuid"], r["capacity"]) for r in tables.rows(
        conn, "parkings", ["parking_id", "uuid", "capacity"])}
    cols = dict(parking.OCCUPANCY_COLUMNS, payments="payments", **(mapping or {}))
    raw_ids = match_columns(read_csv_text(path, ImportReport("header"), conventions=conventions),
                            list(cols.values()))
    header = raw_ids.columns
    payments_only = cols["payments"] in header and not (
        cols["free"] in header or cols["occupied"] in header)
    if payments_only:
        frame = _read_payments(path, {k: v for k, v in cols.items()
                                      if k in ("parking_id", "timestamp", "payments")},
                               timezone, report, conventions)
    else:
        frame, _ = parking.read_occupancy(
            path, mapping={k: v for k, v in cols.items() if k != "payments"},
            capacities={k: v[1] for k, v in known.items() if v[1]}, timezone=timezone,
            report=report, conventions=conventions)
        frame["offset"] = ((frame["timestamp_local"] - frame["timestamp_utc"].dt.tz_localize(
            None)) / pd.Timedelta(minutes=1)) if len(frame) else pd.Series(dtype=float)
        frame["payments"] = np.nan
    id_col = cols["parking_id"]
    if id_col in raw_ids.columns:  # an unknown car park, not its missing capacity, is the cause
        id_of = dict(zip(raw_ids["source_row"], raw_ids[id_col]))
        report.rejected = [
            type(r)(r.file, r.row, id_col, id_of[r.row], tr(
                "a parking_id of the GeoPackage's parkings (import the car parks first)"))
            if r.field == cols["capacity"] and r.row in id_of and id_of[r.row] not in known
            else r for r in report.rejected]
    unknown = ~frame["parking_id"].isin(set(known)).to_numpy()
    for i in np.flatnonzero(unknown):
        report.reject(name, frame["source_row"].iat[i], cols["parking_id"],
                      frame["parking_id"].iat[i], tr("a parking_id of the GeoPackage's parkings "
                                                      "(import the car parks first)"))
    report.rows_accepted -= int(unknown.sum())
    frame = frame.loc[~unknown].reset_index(drop=True)
    report.rejected.sort(key=lambda r: (r.file, r.row))
    if payments_only:
        frame["capacity"] = frame["parking_id"].map(lambda p: known[p][1]).astype(float)
    capacity = frame["capacity"].to_numpy(dtype=float)
    no_cap = np.isnan(capacity)
    for i in np.flatnonzero(no_cap):
        report.reject(name, frame["source_row"].iat[i], "capacity", "",
                      tr("a capacity > 0 (in the row or from the car park)"))
    report.rows_accepted -= int(no_cap.sum())
    frame = frame.loc[~no_cap].reset_index(drop=True)
    epoch = pd.DatetimeIndex(frame["timestamp_utc"]).asi8 // 1_000_000_000
    offset = frame["offset"].to_numpy(dtype=float).round().astype(np.int64)
    rows = list(zip([new_uuid() for _ in range(len(frame))],
                    frame["parking_id"].map(lambda p: known[p][0]).tolist(), epoch.tolist(),
                    offset.tolist(), frame["capacity"].astype(float).tolist(),
                    sql_values(frame["occupied"]), sql_values(frame["occupancy_rate"]),
                    sql_values(frame["payments"])))
    result = run.result
    with run.writing() as conn:
        added = writer.insert_occupancy(conn, rows, checkpoint=run.checkpoint,
                                        progress=run.step_progress(0, 100, len(rows)))
    result.added["parking_occupancy"] = added
    result.unchanged["parking_occupancy"] = len(rows) - added
    return result
