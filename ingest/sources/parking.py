"""Off-street car parks (national *stationnement* schema 0.1.x, etalab) and parking occupancy
time series.

Car parks: every field of schema 0.1.5 is validated (ids ``INSEE-P-NNN``, required fields,
``type_usagers`` and ``tarif_pmr`` lists, booleans, counts, prices ≥ 0, ``hauteur_max`` in cm
or ``N/A``, 14-digit SIRET, coordinates). One check of our own: the reserved places (PMR,
electric, car sharing, carpool) cannot exceed ``nb_places``, which counts them all.

Occupancy: one row per car park and time with the capacity and either the free places or the
occupied places (or both, which must agree); ``occupancy_rate = occupied / capacity`` (0-1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional, Tuple, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from .comptage import INSEE_PATTERN
from .report import ImportReport
from .tabular import (
    Conventions,
    FieldSpec,
    finish,
    mapped_table,
    match_columns,
    missing_columns_error,
    read_csv_text,
    validate_table,
)

PathLike = Union[str, Path]

_BOOL_TRUE = ("true", "True", "TRUE", "1", "vrai", "Vrai", "VRAI")
_BOOL_FALSE = ("false", "False", "FALSE", "0", "faux", "Faux", "FAUX")

PARKING_FIELDS = [
    FieldSpec("id", required=True, pattern=r"^([013-9]\d|2[AB1-9])\d{3}-P-\d{3}$",
              hint=noop("an id written INSEE-P-NNN, e.g. 75114-P-001")),
    FieldSpec("nom", required=True),
    FieldSpec("insee", required=True, pattern=INSEE_PATTERN,
              hint=noop("a 5-character INSEE commune code")),
    FieldSpec("adresse"),
    FieldSpec("url"),
    FieldSpec("type_usagers", required=True, enum=("tous", "abonnés")),
    FieldSpec("gratuit", "boolean", required=True, true_values=_BOOL_TRUE,
              false_values=_BOOL_FALSE),
    FieldSpec("nb_places", "integer", required=True, minimum=0),
] + [FieldSpec(n, "integer", minimum=0) for n in (
    "nb_pr", "nb_pmr", "nb_voitures_electriques", "nb_velo", "nb_2r_el", "nb_autopartage",
    "nb_2_rm", "nb_covoit")] + [
    FieldSpec("hauteur_max", required=True, pattern=r"^(\d+|N/A)$",
              hint=noop("a height in centimetres, or N/A")),
    FieldSpec("num_siret", required=True, pattern=r"^\d{14}$",
              hint=noop("a 14-digit SIRET number")),
    FieldSpec("Xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("Ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("tarif_pmr", enum=("gratuit", "normal_payant", "tarif_special")),
] + [FieldSpec(n, "number", minimum=0) for n in (
    "tarif_1h", "tarif_2h", "tarif_3h", "tarif_4h", "tarif_24h", "abo_resident",
    "abo_non_resident")] + [
    FieldSpec("type_ouvrage", enum=("enclos_en_surface", "ouvrage")),
    FieldSpec("info"),
]

#: Reserved car places that are part of ``nb_places``.
RESERVED_CAR_PLACES = ("nb_pmr", "nb_voitures_electriques", "nb_autopartage", "nb_covoit")


def read_parkings(path: PathLike, *, report: Optional[ImportReport] = None,
                  sep: Optional[str] = None, conventions: Optional[Conventions] = None
                  ) -> Tuple[pd.DataFrame, ImportReport]:
    """Car parks → ``(frame, report)``: the schema's columns typed (counts nullable integers,
    prices float euros, ``Xlong``/``Ylat`` WGS84 degrees) and ``source_row``."""
    report = report or ImportReport(str(path))
    name = Path(path).name
    conventions = Conventions.of(conventions, separator=sep)
    raw = read_csv_text(path, report, conventions=conventions)
    out, valid = validate_table(raw, PARKING_FIELDS, name, report, primary_key=["id"],
                                conventions=conventions)
    places = out["nb_places"].astype("float").to_numpy()
    for col in RESERVED_CAR_PLACES:
        over = out[col].astype("float").to_numpy() > places
        for i in np.flatnonzero(over):
            report.reject(name, out["source_row"].iat[i], col, f"{out[col].iat[i]}",
                          tr("at most nb_places ({places}), which includes them").format(
                              places=int(places[i])))
        valid &= ~over
    return finish(out, valid, report), report


#: Fields of a car-park file in a town's own format, named through a mapping (field=column).
MAPPED_PARKING_FIELDS = [
    FieldSpec("id", required=True),
    FieldSpec("name", required=True),
    FieldSpec("capacity", "integer", required=True, minimum=0),
    FieldSpec("x", "number", required=True),
    FieldSpec("y", "number", required=True),
    FieldSpec("commune", pattern=INSEE_PATTERN, hint=noop("a 5-character INSEE commune code")),
    FieldSpec("address"),
]


def read_mapped_parkings(path: PathLike, mapping: Mapping[str, str], *,
                         report: Optional[ImportReport] = None,
                         conventions: Optional[Conventions] = None
                         ) -> Tuple[pd.DataFrame, ImportReport]:
    """Car parks of a town's own CSV, its columns named by ``mapping`` (``id``, ``name``,
    ``capacity``, ``x``, ``y`` required; ``commune``, ``address`` optional) →
    ``(frame with the stationnement names id, nom, nb_places, insee, adresse, x, y,
    source_row, report)``; coordinates in the file's own CRS."""
    report = report or ImportReport(str(path))
    out, valid, _cols = mapped_table(path, MAPPED_PARKING_FIELDS, report, mapping=mapping,
                                     conventions=conventions, primary_key=["id"])
    frame = finish(out, valid, report).rename(columns={
        "name": "nom", "capacity": "nb_places", "commune": "insee", "address": "adresse"})
    for column in ("insee", "adresse"):
        if column not in frame.columns:
            frame[column] = None
    return frame, report


def coordinates_crs(x: pd.Series, y: pd.Series) -> int:
    """The EPSG code the coordinates are most likely in: WGS 84 (4326) when every one lies
    within longitude / latitude bounds, Lambert-93 (2154) otherwise."""
    xs, ys = x.astype(float), y.astype(float)
    if len(xs) and xs.abs().le(180).all() and ys.abs().le(90).all():
        return 4326
    return 2154


#: Default column names of an occupancy file (override with ``mapping``).
OCCUPANCY_COLUMNS = {"parking_id": "parking_id", "timestamp": "timestamp",
                     "free": "free_places", "occupied": "occupied_places",
                     "capacity": "capacity"}


def read_occupancy(path: PathLike, *, mapping: Optional[Mapping[str, str]] = None,
                   capacities: Optional[Mapping[str, float]] = None,
                   timezone: str = "Europe/Paris", sep: Optional[str] = None,
                   report: Optional[ImportReport] = None,
                   conventions: Optional[Conventions] = None) -> Tuple[pd.DataFrame, ImportReport]:
    """Occupancy time series → ``(frame, report)`` with ``parking_id, timestamp_utc,
    timestamp_local, free, occupied, capacity, occupancy_rate, source_row``.

    ``mapping`` renames our fields (``parking_id``, ``timestamp``, ``free``, ``occupied``,
    ``capacity``) to the file's columns; ``free`` or ``occupied`` must exist. ``capacity`` comes
    from the row, else from ``capacities`` (e.g. ``nb_places`` of :func:`read_parkings`).
    Timestamps without UTC offset are read in ``timezone``. Rejected: missing id or timestamp,
    no capacity, negative values, free or occupied above the capacity, free + occupied ≠
    capacity, a second row for the same car park and time.
    """
    report = report or ImportReport(str(path))
    name = Path(path).name
    cols = dict(OCCUPANCY_COLUMNS, **(mapping or {}))
    conventions = Conventions.of(conventions, separator=sep)
    raw = match_columns(read_csv_text(path, report, conventions=conventions),
                        list(cols.values()))
    has = {k: cols[k] in raw.columns for k in cols}
    missing = [f"{cols[k]} ({k})" for k in ("parking_id", "timestamp") if not has[k]]
    if not (has["free"] or has["occupied"]):
        missing.append(tr("{free} or {occupied}").format(free=cols["free"],
                                                         occupied=cols["occupied"]))
    if missing:
        raise missing_columns_error(name, missing, raw, report)
    renamed = pd.DataFrame({"source_row": raw["source_row"]})
    for k, present in has.items():
        renamed[k] = raw[cols[k]] if present else ""
    specs = [FieldSpec("parking_id", required=True), FieldSpec("timestamp", "datetime",
                                                               required=True),
             FieldSpec("free", "number", minimum=0), FieldSpec("occupied", "number", minimum=0),
             FieldSpec("capacity", "number", minimum=0)]
    out, valid = validate_table(renamed, specs, name, report, naive_tz=timezone,
                                group_field="parking_id", conventions=conventions)
    rows = out["source_row"].to_numpy()
    cap = out["capacity"].to_numpy(dtype=float)
    if capacities is not None:
        known = out["parking_id"].map({str(k): float(v) for k, v in capacities.items()})
        cap = np.where(np.isnan(cap), known.to_numpy(dtype=float), cap)
    free = out["free"].to_numpy(dtype=float)
    occ = out["occupied"].to_numpy(dtype=float)

    def reject(mask, field, values, reason):
        nonlocal valid
        mask = mask & valid
        for i in np.flatnonzero(mask):
            report.reject(name, rows[i], cols.get(field, field), values[i], reason(i))
        valid &= ~mask

    reject(np.isnan(cap) | (cap <= 0), "capacity", renamed["capacity"].to_numpy(),
           lambda i: tr("a capacity > 0 (in the row or from the car park list)"))
    reject(np.isnan(free) & np.isnan(occ), "free", renamed["free"].to_numpy(),
           lambda i: tr("a number of free or of occupied places"))
    reject(free > cap, "free", renamed["free"].to_numpy(),
           lambda i: tr("at most the capacity ({capacity})").format(capacity=f"{cap[i]:g}"))
    reject(occ > cap, "occupied", renamed["occupied"].to_numpy(),
           lambda i: tr("at most the capacity ({capacity})").format(capacity=f"{cap[i]:g}"))
    reject(~np.isnan(free) & ~np.isnan(occ) & (np.abs(free + occ - cap) > 1e-9), "occupied",
           renamed["occupied"].to_numpy(),
           lambda i: tr("free + occupied = capacity ({free} + {occupied} ≠ {capacity})").format(
               free=f"{free[i]:g}", occupied=f"{occ[i]:g}", capacity=f"{cap[i]:g}"))
    occupied = np.where(np.isnan(occ), cap - free, occ)
    keys = pd.DataFrame({"p": out["parking_id"], "t": out["timestamp"]})
    dup = np.zeros(len(keys), dtype=bool)
    dup[np.flatnonzero(valid)] = keys.loc[valid].duplicated().to_numpy()
    reject(dup, "timestamp", renamed["timestamp"].to_numpy(),
           lambda i: tr("one row per car park and time (duplicate)"))
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = occupied / cap
    frame = pd.DataFrame({"parking_id": out["parking_id"], "timestamp_utc": out["timestamp"],
                          "timestamp_local": out["timestamp_local"],
                          "free": cap - occupied, "occupied": occupied, "capacity": cap,
                          "occupancy_rate": rate, "source_row": rows})
    return finish(frame, valid, report), report

