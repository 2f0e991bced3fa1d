"""Flow imports into the socle: counters, parking, ridership, road traffic, carpooling, events.

Every importer reads and validates its file(s) *before* touching the GeoPackage (readers of
:mod:`store.sources`), then writes in one transaction: any error or a cancel rolls back and
leaves the file byte-for-byte as it was. Rows are keyed by their source ids (``site_id``,
``channel_id`` + start instant, ``parking_id`` + time…) and written with ``INSERT OR IGNORE``,
so re-importing a file adds nothing. Coordinates (WGS84 longitude / latitude in the national
schemas, any EPSG code elsewhere) are reprojected to the GeoPackage's CRS. Every rejected row is
in the returned :class:`FlowImport`'s report, with its file, row, field, value and reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from ...store import geometry, gpkg, observatory
from ...store.schema.flows import count_uuid_sql, require_flows
from ..sources import bnlc, comptage, parking
from ..sources.comptage import FieldSpec, read_csv_text, validate_table
from ..sources.report import ImportReport

REPORT_COLUMNS = ["level", "file", "row", "field", "value", "reason"]
CHUNK = 50_000
Progress = Optional[Callable[[float], None]]
Canceled = Optional[Callable[[], bool]]


class FlowImportError(ValueError):
    """A file or parameter the importer cannot use at all (the message says what to fix)."""


class ImportCanceledError(InterruptedError):
    """The user canceled: the transaction was rolled back, the file is unchanged."""


@dataclass
class FlowImport:
    """What an import wrote (rows added per table), what it skipped (already present), and the
    report of rejected rows and warnings."""

    source: str
    report: ImportReport
    added: Dict[str, int] = field(default_factory=dict)
    skipped: Dict[str, int] = field(default_factory=dict)
    tables: Dict[str, pd.DataFrame] = field(default_factory=dict)

    def report_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.report.to_records(), columns=REPORT_COLUMNS)


# ---------------------------------------------------------------------------------------------
# shared helpers
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def write_transaction(conn):
    """One transaction for the import, or the caller's when one is open (demo steps)."""
    if conn.in_transaction:
        yield conn
        return
    with gpkg.transaction(conn):
        yield conn


def new_uuid() -> str:
    return str(uuid.uuid4())


def parse_mapping(text: Optional[str]) -> Dict[str, object]:
    """``"start_datetime=jour+heure; count=passages"`` → ``{'start_datetime': ['jour',
    'heure'], 'count': 'passages'}`` (``+`` joins a date column and a time column)."""
    out: Dict[str, object] = {}
    if not text:
        return out
    for part in str(text).replace("\n", ";").split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise FlowImportError(tr("mapping entry {entry!r} is not written field=column").format(
                entry=part.strip()))
        key, value = (s.strip() for s in part.split("=", 1))
        if not key or not value:
            raise FlowImportError(tr("mapping entry {entry!r} is not written field=column").format(
                entry=part.strip()))
        out[key] = [v.strip() for v in value.split("+")] if "+" in value else value
    return out


def _srs(epsg: int):
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(epsg)) != 0:
        raise FlowImportError(tr("EPSG:{epsg} is not a known coordinate reference system").format(
            epsg=epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def reproject(x, y, source_epsg: int, target_epsg: int):
    """(x, y) arrays from EPSG:``source_epsg`` to EPSG:``target_epsg``; NaN where it fails."""
    from osgeo import osr

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    out_x, out_y = np.full(x.shape, np.nan), np.full(y.shape, np.nan)
    if not ok.any():
        return out_x, out_y
    if int(source_epsg) == int(target_epsg):
        out_x[ok], out_y[ok] = x[ok], y[ok]
        return out_x, out_y
    transform = osr.CoordinateTransformation(_srs(source_epsg), _srs(target_epsg))
    pts = np.asarray(transform.TransformPoints(np.column_stack([x[ok], y[ok]]).tolist()),
                     dtype=float).reshape(-1, 3)[:, :2]
    pts[~np.isfinite(pts).all(axis=1)] = np.nan
    out_x[ok], out_y[ok] = pts[:, 0], pts[:, 1]
    return out_x, out_y


def _points(x, y, srs_id) -> list:
    return [None if not (np.isfinite(a) and np.isfinite(b)) else geometry.encode_point(a, b, srs_id)
            for a, b in zip(x, y)]


def _none(values) -> list:
    """A column as a list for sqlite (NaN, NA, NaT → None; numpy scalars → Python)."""
    s = pd.Series(values)
    if s.dtype.kind == "M":
        return [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in s]
    obj = s.astype(object)
    return obj.where(s.notna(), None).tolist()


def _insert(conn, table: str, columns: Sequence[str], rows: Iterable, *,
            values_sql: Optional[str] = None, progress: Progress = None,
            canceled: Canceled = None, total: int = 0) -> int:
    """INSERT OR IGNORE rows in chunks; returns the number actually inserted."""
    cols = ", ".join(f'"{c}"' for c in columns)
    values_sql = values_sql or ", ".join("?" * len(columns))
    sql = f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({values_sql})'
    added = 0
    rows = iter(rows)
    done = 0
    while True:
        chunk = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                break
        if not chunk:
            break
        if canceled and canceled():
            raise ImportCanceledError(tr("import canceled"))
        added += max(0, conn.executemany(sql, chunk).rowcount)  # triggers not counted
        done += len(chunk)
        if progress and total:
            progress(min(100.0, 100.0 * done / total))
    if added:
        gpkg.touch(conn, table)
        if conn.execute("SELECT 1 FROM gpkg_geometry_columns WHERE table_name=?",
                        (table,)).fetchone():
            gpkg.update_extent(conn, table)
    return added


def _known(conn, table: str, key: str) -> Dict[str, str]:
    return {r[0]: r[1] for r in conn.execute(f'SELECT "{key}", uuid FROM "{table}"')}


def _open(conn) -> int:
    require_flows(conn)
    return observatory.srs_id(conn)


def _reject_unplaced(frame, x, y, report, file, lon_col, lat_col) -> np.ndarray:
    bad = ~(np.isfinite(x) & np.isfinite(y))
    for i in np.flatnonzero(bad):
        report.reject(file, frame["source_row"].iat[i], f"{lon_col},{lat_col}",
                      f"{frame[lon_col].iat[i]},{frame[lat_col].iat[i]}",
                      tr("coordinates that can be projected to the GeoPackage's CRS"))
    return ~bad


# ---------------------------------------------------------------------------------------------
# counters
# ---------------------------------------------------------------------------------------------

def _insert_counts(conn, measures: pd.DataFrame, channel_uuids: Mapping[str, str],
                   progress: Progress, canceled: Canceled) -> int:
    """Write a measure frame (channel ids already checked) to ``counts``."""
    if measures.empty:
        return 0
    cu = measures["channel_id"].map(channel_uuids)
    prefix = cu.str.replace("-", "", regex=False).str.slice(0, 12)
    epoch = pd.DatetimeIndex(measures["start_utc"]).asi8 // 1_000_000_000
    offset = measures["utc_offset_min"].to_numpy(dtype=float).round().astype(np.int64)
    duration = measures["duration_s"].to_numpy(dtype=float)
    count = measures["count"].to_numpy(dtype=float)
    rows = zip(prefix.tolist(), cu.tolist(), epoch.tolist(), offset.tolist(),
               np.where(np.isnan(duration), None, duration).tolist(),
               np.where(np.isnan(count), None, count).tolist())
    values = (f"{count_uuid_sql('?1', '?3')}, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', ?3, 'unixepoch'), "
              "strftime('%Y-%m-%dT%H:%M:%S', ?3 + ?4 * 60, 'unixepoch'), ?4, ?5, ?6")
    return _insert(conn, "counts", ["uuid", "channel_uuid", "start_utc", "start_local",
                                    "utc_offset_min", "duration_s", "count"],
                   rows, values_sql=values, progress=progress, canceled=canceled,
                   total=len(measures))


def _write_sites(conn, sites: pd.DataFrame, srs_id: int, report, file: str, source: str,
                 stamp: str) -> int:
    x, y = reproject(sites["xlong"], sites["ylat"], 4326, srs_id)
    ok = _reject_unplaced(sites, x, y, report, file, "xlong", "ylat")
    s = sites.loc[ok]
    rows = zip([new_uuid() for _ in range(len(s))], _points(x[ok], y[ok], srs_id),
               s["site_id"], _none(s["parent_site_id"]), s["site_name"],
               _none(s["fr_insee_code"]), _none(s["infrastructure_type"]),
               _none(s["external_ids"]), [source] * len(s), [stamp] * len(s))
    return _insert(conn, "counting_sites",
                   ["uuid", "geom", "site_id", "parent_site_id", "name", "insee_code",
                    "infrastructure_type", "external_ids", "source", "imported_at"], rows)


def _write_channels(conn, channels: pd.DataFrame, site_uuids, source, stamp) -> int:
    c = channels

    def iso(col):
        return [None if pd.isna(v) else v.strftime("%Y-%m-%dT%H:%M:%SZ") for v in c[col]]

    rows = zip([new_uuid() for _ in range(len(c))], c["channel_id"],
               c["site_id"].map(site_uuids), _none(c["mobility_type"]), _none(c["direction"]),
               _none(c["provider_direction_name"]), _none(c["counter_type"]),
               _none(c["temporality"]), iso("started_at"), iso("ended_at"),
               _none(c["time_step"]), _none(c["data_provider_name"]), [source] * len(c),
               [stamp] * len(c))
    return _insert(conn, "counting_channels",
                   ["uuid", "channel_id", "site_uuid", "mobility_type", "direction",
                    "direction_name", "counter_type", "temporality", "started_at", "ended_at",
                    "time_step_s", "data_provider", "source", "imported_at"], rows)


def import_comptage(conn, *, sites_path=None, channels_path=None, measures_path=None,
                    progress: Progress = None, canceled: Canceled = None) -> FlowImport:
    """Import a *comptage des mobilités* delivery (any of the three files).

    Channels must name a site of the site file or of the GeoPackage; measures a channel of the
    channel file or of the GeoPackage. ``count`` empty stays NULL (no data), 0 stays 0.
    """
    if not (sites_path or channels_path or measures_path):
        raise FlowImportError(tr("give at least one file: sites, channels or measures"))
    srs_id = _open(conn)
    report = ImportReport("comptage des mobilités")
    known_sites = _known(conn, "counting_sites", "site_id")
    known_channels = _known(conn, "counting_channels", "channel_id")
    sites = channels = measures = None
    if sites_path:
        sites, _ = comptage.read_sites(sites_path, report=report)
    if channels_path:
        ids = set(known_sites) | (set(sites["site_id"]) if sites is not None else set())
        channels, _ = comptage.read_channels(channels_path, sites=ids, report=report)
    if measures_path:
        ids = set(known_channels) | (set(channels["channel_id"]) if channels is not None
                                     else set())
        measures, _ = comptage.read_measures(measures_path, channels=ids, report=report)
    result = FlowImport("comptage des mobilités", report)
    stamp = gpkg.now_iso()
    source = Path(sites_path or channels_path or measures_path).name
    try:
        with write_transaction(conn):
            if sites is not None:
                added = _write_sites(conn, sites, srs_id, report, Path(sites_path).name, source,
                                     stamp)
                result.added["counting_sites"] = added
                result.skipped["counting_sites"] = len(sites) - added
            if channels is not None:
                site_uuids = _known(conn, "counting_sites", "site_id")
                added = _write_channels(conn, channels, site_uuids, source, stamp)
                result.added["counting_channels"] = added
                result.skipped["counting_channels"] = len(channels) - added
            if measures is not None:
                uuids = _known(conn, "counting_channels", "channel_id")
                added = _insert_counts(conn, measures, uuids, progress, canceled)
                result.added["counts"] = added
                result.skipped["counts"] = len(measures) - added
    except ImportCanceledError:
        raise
    return result


def import_mapped_counts(conn, path, mapping: Mapping[str, object], *,
                         channel_columns: Optional[Mapping[str, str]] = None,
                         channel_id: Optional[str] = None, site: Optional[Mapping] = None,
                         mobility_type: str = "PEDESTRIAN", sep: Optional[str] = None,
                         timezone: str = "Europe/Paris", datetime_format: Optional[str] = None,
                         time_step_s: Optional[float] = None, decimal: str = ",",
                         progress: Progress = None, canceled: Canceled = None) -> FlowImport:
    """Import a vendor CSV (Eco-Counter export, manual counts…) through a field mapping (see
    :func:`store.sources.comptage.read_mapped_measures`).

    Channels unknown to the GeoPackage are created on ``site`` (``{'site_id', 'name', 'x',
    'y', 'epsg'}``; the site is created too when new); without ``site`` their rows are
    rejected.
    """
    srs_id = _open(conn)
    report = ImportReport(str(path))
    try:
        measures, _ = comptage.read_mapped_measures(
            path, mapping, channel_columns=channel_columns, channel_id=channel_id, sep=sep,
            timezone=timezone, datetime_format=datetime_format, time_step_s=time_step_s,
            decimal=decimal, report=report)
    except ValueError as exc:
        raise FlowImportError(str(exc)) from exc
    known_channels = _known(conn, "counting_channels", "channel_id")
    known_sites = _known(conn, "counting_sites", "site_id")
    new_channels = sorted(set(measures["channel_id"]) - set(known_channels))
    site_row = None
    if new_channels and site:
        if site.get("site_id") not in known_sites:
            if site.get("x") is None or site.get("y") is None or not site.get("name"):
                raise FlowImportError(tr(
                    "site {site!r} is not in the GeoPackage: give its name and position to "
                    "create it").format(site=site.get("site_id")))
            x, y = reproject([site["x"]], [site["y"]], int(site.get("epsg") or srs_id), srs_id)
            if not np.isfinite(x[0]):
                raise FlowImportError(tr("the site position cannot be projected to the "
                                         "GeoPackage's CRS"))
            site_row = (new_uuid(), geometry.encode_point(x[0], y[0], srs_id), site["site_id"],
                        site["name"], site.get("street"))
    elif new_channels:
        name = Path(path).name
        bad = measures["channel_id"].isin(new_channels).to_numpy()
        for i in np.flatnonzero(bad):
            report.reject(name, measures["source_row"].iat[i], "channel_id",
                          measures["channel_id"].iat[i],
                          tr("a channel_id of the GeoPackage (or give a site to create it)"))
        report.rows_accepted -= int(bad.sum())
        measures = measures.loc[~bad].reset_index(drop=True)
        new_channels = []
    result = FlowImport(str(path), report)
    stamp = gpkg.now_iso()
    with write_transaction(conn):
        if site_row:
            result.added["counting_sites"] = _insert(
                conn, "counting_sites",
                ["uuid", "geom", "site_id", "name", "street", "source", "imported_at"],
                [site_row + (Path(path).name, stamp)])
        if new_channels:
            site_uuid = _known(conn, "counting_sites", "site_id")[site["site_id"]]
            step = float(time_step_s) if time_step_s else None
            result.added["counting_channels"] = _insert(
                conn, "counting_channels",
                ["uuid", "channel_id", "site_uuid", "mobility_type", "time_step_s", "source",
                 "imported_at"],
                [(new_uuid(), c, site_uuid, mobility_type or None, step, Path(path).name, stamp)
                 for c in new_channels])
        uuids = _known(conn, "counting_channels", "channel_id")
        added = _insert_counts(conn, measures, uuids, progress, canceled)
        result.added["counts"] = added
        result.skipped["counts"] = len(measures) - added
    return result


# ---------------------------------------------------------------------------------------------
# parking
# ---------------------------------------------------------------------------------------------

ZONE_FIELDS = [
    FieldSpec("id", required=True), FieldSpec("nom", required=True),
    FieldSpec("insee", pattern=comptage.INSEE_PATTERN,
              hint=noop("a 5-character INSEE commune code")),
    FieldSpec("adresse"), FieldSpec("nb_places", "integer", required=True, minimum=0),
    FieldSpec("Xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("Ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("tarif_1h", "number", minimum=0), FieldSpec("tarif_2h", "number", minimum=0),
    FieldSpec("info"),
]


def import_parkings(conn, path, *, kind: str = "off_street", sep: Optional[str] = None
                    ) -> FlowImport:
    """Car parks in the *stationnement* schema 0.1.5 (``kind='off_street'``) or on-street zones
    (``kind='on_street'``: columns ``id, nom, nb_places, Xlong, Ylat`` required, ``insee,
    adresse, tarif_1h, tarif_2h, info`` optional)."""
    if kind not in ("off_street", "on_street"):
        raise FlowImportError(tr("kind must be off_street or on_street"))
    srs_id = _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    if kind == "off_street":
        frame, _ = parking.read_parkings(path, report=report, sep=sep or ",")
    else:
        raw = read_csv_text(path, report, sep=sep)
        out, valid = validate_table(raw, ZONE_FIELDS, name, report, primary_key=["id"])
        frame = comptage._finish(out, valid, report)
    for col in ("type_usagers", "gratuit", "nb_pmr", "nb_voitures_electriques", "nb_covoit",
                "hauteur_max", "tarif_24h", "type_ouvrage", "tarif_1h", "tarif_2h", "insee",
                "adresse"):
        if col not in frame.columns:
            frame[col] = None
    x, y = reproject(frame["Xlong"], frame["Ylat"], 4326, srs_id)
    ok = _reject_unplaced(frame, x, y, report, name, "Xlong", "Ylat")
    f = frame.loc[ok]
    height = pd.to_numeric(f["hauteur_max"].replace("N/A", None), errors="coerce")
    gratuit = f["gratuit"].map(lambda v: None if pd.isna(v) else int(bool(v)))
    stamp = gpkg.now_iso()
    rows = zip([new_uuid() for _ in range(len(f))], _points(x[ok], y[ok], srs_id), f["id"],
               f["nom"], [kind] * len(f), _none(f["insee"]), _none(f["adresse"]),
               _none(f["nb_places"]), _none(f["type_usagers"]), _none(gratuit),
               _none(f["nb_pmr"]), _none(f["nb_voitures_electriques"]), _none(f["nb_covoit"]),
               _none(height), _none(f["tarif_1h"]), _none(f["tarif_2h"]), _none(f["tarif_24h"]),
               _none(f["type_ouvrage"]), [name] * len(f), [stamp] * len(f))
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "parkings",
                        ["uuid", "geom", "parking_id", "name", "kind", "insee_code", "address",
                         "capacity", "users", "free_of_charge", "pmr_places", "ev_places",
                         "carpool_places", "max_height_cm", "fee_1h", "fee_2h", "fee_24h",
                         "structure", "source", "imported_at"], rows)
    result.added["parkings"] = added
    result.skipped["parkings"] = len(f) - added
    return result


def _read_payments(path, mapping, timezone, sep, report):
    cols = {"parking_id": "parking_id", "timestamp": "timestamp", "payments": "payments"}
    cols.update(mapping or {})
    raw = read_csv_text(path, report, sep=sep)
    missing = [v for v in cols.values() if v not in raw.columns]
    if missing:
        raise FlowImportError(tr("{file}: column(s) not found: {columns}").format(
            file=Path(path).name, columns=", ".join(missing)))
    renamed = pd.DataFrame({"source_row": raw["source_row"]})
    for k, v in cols.items():
        renamed[k] = raw[v]
    specs = [FieldSpec("parking_id", required=True),
             FieldSpec("timestamp", "datetime", required=True),
             FieldSpec("payments", "number", required=True, minimum=0)]
    out, valid = validate_table(renamed, specs, Path(path).name, report, naive_tz=timezone,
                                group_field="parking_id", primary_key=["parking_id", "timestamp"],
                                warn_extra=False)
    frame = pd.DataFrame({"parking_id": out["parking_id"], "timestamp_utc": out["timestamp"],
                          "offset": out["timestamp_offset_min"], "payments": out["payments"],
                          "occupied": np.nan, "capacity": np.nan, "occupancy_rate": np.nan,
                          "source_row": out["source_row"]})
    return comptage._finish(frame, valid, report)


def import_occupancy(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                     timezone: str = "Europe/Paris", sep: Optional[str] = None,
                     progress: Progress = None, canceled: Canceled = None) -> FlowImport:
    """Occupancy series of car parks / zones of the GeoPackage (see
    :func:`store.sources.parking.read_occupancy`; the capacity defaults to the car park's).

    A file with a ``payments`` column and neither free nor occupied places is read as
    on-street payment counts (``parking_id, timestamp, payments``).
    """
    _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    known = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT parking_id, uuid, capacity FROM parkings")}
    raw_ids = read_csv_text(path, ImportReport("header"), sep=sep)
    header = raw_ids.columns
    cols = dict(parking.OCCUPANCY_COLUMNS, payments="payments", **(mapping or {}))
    payments_only = cols["payments"] in header and not (
        cols["free"] in header or cols["occupied"] in header)
    try:
        if payments_only:
            frame = _read_payments(path, {k: v for k, v in cols.items()
                                          if k in ("parking_id", "timestamp", "payments")},
                                   timezone, sep, report)
        else:
            frame, _ = parking.read_occupancy(
                path, mapping={k: v for k, v in cols.items() if k != "payments"},
                capacities={k: v[1] for k, v in known.items() if v[1]}, timezone=timezone,
                sep=sep, report=report)
            frame["offset"] = ((frame["timestamp_local"] - frame["timestamp_utc"].dt.tz_localize(
                None)) / pd.Timedelta(minutes=1)) if len(frame) else pd.Series(dtype=float)
            frame["payments"] = np.nan
    except ValueError as exc:
        raise FlowImportError(str(exc)) from exc
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
    epoch = pd.DatetimeIndex(frame["timestamp_utc"]).asi8 // 1_000_000_000
    offset = frame["offset"].to_numpy(dtype=float).round().astype(np.int64)
    capacity = frame["capacity"].to_numpy(dtype=float)
    rows = zip([new_uuid() for _ in range(len(frame))],
               frame["parking_id"].map(lambda p: known[p][0]).tolist(), epoch.tolist(),
               offset.tolist(), np.where(np.isnan(capacity), None, capacity).tolist(),
               _none(frame["occupied"]), _none(frame["occupancy_rate"]), _none(frame["payments"]))
    values = ("?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', ?3, 'unixepoch'), "
              "strftime('%Y-%m-%dT%H:%M:%S', ?3 + ?4 * 60, 'unixepoch'), ?4, ?5, ?6, ?7, ?8")
    no_cap = np.isnan(capacity)
    for i in np.flatnonzero(no_cap):
        report.reject(name, frame["source_row"].iat[i], "capacity", "",
                      tr("a capacity > 0 (in the row or from the car park)"))
    result = FlowImport(str(path), report)
    keep = [r for r, bad in zip(rows, no_cap) if not bad]
    report.rows_accepted -= int(no_cap.sum())
    with write_transaction(conn):
        added = _insert(conn, "parking_occupancy",
                        ["uuid", "parking_uuid", "time_utc", "time_local", "utc_offset_min",
                         "capacity", "occupied", "occupancy_rate", "payments"], keep,
                        values_sql=values, progress=progress, canceled=canceled,
                        total=len(keep))
    result.added["parking_occupancy"] = added
    result.skipped["parking_occupancy"] = len(keep) - added
    return result


# ---------------------------------------------------------------------------------------------
# ridership, road traffic, carpooling, events
# ---------------------------------------------------------------------------------------------

def _mapped_table(path, specs, defaults, mapping, report, sep, primary_key=None, **kw):
    """Read a CSV whose columns are renamed through ``mapping`` (our field → file column)."""
    cols = dict(defaults, **(mapping or {}))
    raw = read_csv_text(path, report, sep=sep)
    required = [s.name for s in specs if s.required]
    missing = [f"{cols[k]} ({k})" for k in required if cols[k] not in raw.columns]
    if missing:
        present = ", ".join(c for c in raw.columns if c != "source_row")
        raise FlowImportError(tr("{file}: column(s) not found: {columns}; columns present: "
                                 "{present}").format(file=Path(path).name,
                                                     columns=", ".join(missing), present=present))
    renamed = pd.DataFrame({"source_row": raw["source_row"]})
    for key, col in cols.items():
        if col in raw.columns:
            renamed[key] = raw[col]
    out, valid = validate_table(renamed, specs, Path(path).name, report,
                                primary_key=primary_key, warn_extra=False, **kw)
    return out, valid, cols


def import_ridership(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                     feed: Optional[str] = None, sep: Optional[str] = None) -> FlowImport:
    """Ridership per stop: ``stop_id, date (YYYY-MM-DD), period (optional, default 'day'),
    boardings, alightings`` (at least one of the two). Stops are GTFS ``stop_id`` of the
    feed named ``feed`` (default: the only or latest imported feed)."""
    _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    feeds = conn.execute("SELECT uuid, name FROM transit_feeds ORDER BY imported_at DESC, "
                         "fid DESC").fetchall()
    if not feeds:
        raise FlowImportError(tr("no public transport feed in the GeoPackage: import a GTFS "
                                 "feed first (ridership rows name its stops)"))
    if feed:
        match = [f for f in feeds if f["name"] == feed]
        if not match:
            raise FlowImportError(tr("no feed named {feed!r} (feeds: {feeds})").format(
                feed=feed, feeds=", ".join(f["name"] for f in feeds)))
        feed_uuid = match[0]["uuid"]
    else:
        feed_uuid = feeds[0]["uuid"]
    stops = {r[0]: r[1] for r in conn.execute(
        "SELECT stop_id, uuid FROM transit_stops WHERE feed_uuid = ?", (feed_uuid,))}
    specs = [FieldSpec("stop_id", required=True), FieldSpec("date", "date", required=True),
             FieldSpec("period"), FieldSpec("boardings", "number", minimum=0),
             FieldSpec("alightings", "number", minimum=0)]
    defaults = {s.name: s.name for s in specs}
    out, valid, cols = _mapped_table(path, specs, defaults, mapping, report, sep)
    out["period"] = out["period"].fillna("day")
    rows = out["source_row"].to_numpy()
    neither = (out["boardings"].isna() & out["alightings"].isna()).to_numpy() & valid
    for i in np.flatnonzero(neither):
        report.reject(name, rows[i], cols["boardings"], "",
                      tr("a number of boardings or of alightings"))
    valid &= ~neither
    unknown = ~out["stop_id"].isin(set(stops)).to_numpy() & valid
    for i in np.flatnonzero(unknown):
        report.reject(name, rows[i], cols["stop_id"], out["stop_id"].iat[i],
                      tr("a stop_id of the imported feed's stops.txt"))
    valid &= ~unknown
    dup = np.zeros(len(out), bool)
    dup[valid] = out.loc[valid, ["stop_id", "date", "period"]].duplicated().to_numpy()
    for i in np.flatnonzero(dup):
        report.reject(name, rows[i], cols["date"], out["date"].iat[i].strftime("%Y-%m-%d"),
                      tr("one row per stop, date and period (duplicate)"))
    valid &= ~dup
    f = comptage._finish(out, valid, report)
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "transit_ridership",
                        ["uuid", "stop_uuid", "date", "period", "boardings", "alightings"],
                        zip([new_uuid() for _ in range(len(f))], f["stop_id"].map(stops),
                            _none(f["date"]), f["period"], _none(f["boardings"]),
                            _none(f["alightings"])))
    result.added["transit_ridership"] = added
    result.skipped["transit_ridership"] = len(f) - added
    return result


def import_road_traffic(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                        epsg: int = 4326, heavy_in_percent: bool = True,
                        sep: Optional[str] = None) -> FlowImport:
    """Road count points: ``point_id, period (a year 2023 or a month 2023-06…), name, road,
    daily_traffic (vehicles/day), heavy_share, x, y`` (coordinates in EPSG:``epsg``; WGS84
    longitude / latitude by default). ``heavy_share`` in percent (0–100) unless
    ``heavy_in_percent`` is false (0–1); stored as a fraction."""
    srs_id = _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    top = 100 if heavy_in_percent else 1
    specs = [FieldSpec("point_id", required=True),
             FieldSpec("period", required=True, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                       hint=noop("a year (2023), a month (2023-06) or a day (2023-06-15)")),
             FieldSpec("name"), FieldSpec("road"),
             FieldSpec("daily_traffic", "number", required=True, minimum=0),
             FieldSpec("heavy_share", "number", minimum=0, maximum=top),
             FieldSpec("x", "number", required=True), FieldSpec("y", "number", required=True)]
    out, valid, cols = _mapped_table(path, specs, {s.name: s.name for s in specs}, mapping,
                                     report, sep, primary_key=None)
    keys = out[["point_id", "period"]]
    dup = keys.duplicated().to_numpy() & valid
    for i in np.flatnonzero(dup):
        report.reject(name, out["source_row"].iat[i], cols["period"], out["period"].iat[i],
                      tr("one row per point and period (duplicate)"))
    valid &= ~dup
    f = comptage._finish(out, valid, report)
    x, y = reproject(f["x"], f["y"], epsg, srs_id)
    ok = _reject_unplaced(f, x, y, report, name, "x", "y")
    report.rows_accepted -= int((~ok).sum())
    f = f.loc[ok]
    share = f["heavy_share"].astype(float) / top
    stamp = gpkg.now_iso()
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "road_traffic",
                        ["uuid", "geom", "point_id", "period", "name", "road", "daily_traffic",
                         "heavy_share", "source", "imported_at"],
                        zip([new_uuid() for _ in range(len(f))], _points(x[ok], y[ok], srs_id),
                            f["point_id"], f["period"], _none(f["name"]), _none(f["road"]),
                            _none(f["daily_traffic"]), _none(share), [name] * len(f),
                            [stamp] * len(f)))
    result.added["road_traffic"] = added
    result.skipped["road_traffic"] = len(f) - added
    return result


def import_carpool_places(conn, path, *, today: Optional[dt.date] = None) -> FlowImport:
    """BNLC places (schema lieux de covoiturage 0.2.0; ``id_local`` kept, future ``date_maj``
    reported as warnings)."""
    srs_id = _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    frame, _ = bnlc.read_bnlc(path, today=today, report=report)
    if "id_local" not in frame.columns:
        frame["id_local"] = None
    x, y = reproject(frame["Xlong"], frame["Ylat"], 4326, srs_id)
    ok = _reject_unplaced(frame, x, y, report, name, "Xlong", "Ylat")
    f = frame.loc[ok]

    def flag(col):
        return [None if pd.isna(v) else int(bool(v)) for v in f[col]]

    stamp = gpkg.now_iso()
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "carpool_areas",
                        ["uuid", "geom", "place_id", "local_id", "name", "address", "commune",
                         "insee_code", "place_type", "updated_on", "is_open", "places",
                         "pmr_places", "lit", "owner", "source", "imported_at"],
                        zip([new_uuid() for _ in range(len(f))], _points(x[ok], y[ok], srs_id),
                            f["id_lieu"], _none(f["id_local"]), f["nom_lieu"], _none(f["ad_lieu"]),
                            _none(f["com_lieu"]), _none(f["insee"]), _none(f["type"]),
                            _none(f["date_maj"]), flag("ouvert"), _none(f["nbre_pl"]),
                            _none(f["nbre_pmr"]), flag("lumiere"), _none(f["proprio"]),
                            [name] * len(f), [stamp] * len(f)))
    result.added["carpool_areas"] = added
    result.skipped["carpool_areas"] = len(f) - added
    return result


def import_carpool_trips(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                         sep: Optional[str] = None) -> FlowImport:
    """Carpool trips per day between communes: ``date, origin_insee, destination_insee,
    trips``."""
    _open(conn)
    report = ImportReport(str(path))
    insee = {"pattern": comptage.INSEE_PATTERN, "hint": noop("a 5-character INSEE commune code")}
    specs = [FieldSpec("date", "date", required=True),
             FieldSpec("origin_insee", required=True, **insee),
             FieldSpec("destination_insee", required=True, **insee),
             FieldSpec("trips", "number", required=True, minimum=0)]
    out, valid, _ = _mapped_table(path, specs, {s.name: s.name for s in specs}, mapping, report,
                                  sep, primary_key=None)
    raw_key = out[["date", "origin_insee", "destination_insee"]]
    dup = raw_key.duplicated().to_numpy() & valid
    for i in np.flatnonzero(dup):
        report.reject(Path(path).name, out["source_row"].iat[i], "date",
                      str(out["date"].iat[i])[:10],
                      tr("one row per date, origin and destination (duplicate)"))
    valid &= ~dup
    f = comptage._finish(out, valid, report)
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "carpool_trips",
                        ["uuid", "date", "origin_insee", "destination_insee", "trips"],
                        zip([new_uuid() for _ in range(len(f))], _none(f["date"]),
                            f["origin_insee"], f["destination_insee"], _none(f["trips"])))
    result.added["carpool_trips"] = added
    result.skipped["carpool_trips"] = len(f) - added
    return result


def import_events(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                  sep: Optional[str] = None) -> FlowImport:
    """Events: ``event_id`` (optional: name|start when absent), ``name, centrality`` (a
    centrality name or uuid; empty = the whole territory), ``start, end`` (YYYY-MM-DD),
    ``kind`` (a code of the event_kind domain, default ``other``), ``notes``."""
    from ...store.schema.flows import EVENT_KINDS

    _open(conn)
    report = ImportReport(str(path))
    name = Path(path).name
    kinds = tuple(k for k, _ in EVENT_KINDS)
    specs = [FieldSpec("event_id"), FieldSpec("name", required=True), FieldSpec("centrality"),
             FieldSpec("start", "date", required=True), FieldSpec("end", "date", required=True),
             FieldSpec("kind", enum=kinds), FieldSpec("notes")]
    out, valid, cols = _mapped_table(path, specs, {s.name: s.name for s in specs}, mapping,
                                     report, sep)
    rows = out["source_row"].to_numpy()
    by_name = {r[0]: r[1] for r in conn.execute("SELECT name, uuid FROM centralities")}
    uuids = set(by_name.values())
    cent = []
    for i, c in enumerate(out["centrality"]):
        if c is None or c in uuids:
            cent.append(c)
        elif c in by_name:
            cent.append(by_name[c])
        else:
            cent.append(None)
            if valid[i]:
                report.reject(name, rows[i], cols["centrality"], c,
                              tr("a centrality name or uuid of the GeoPackage (known: "
                                 "{known})").format(known=", ".join(sorted(by_name))))
                valid[i] = False
    out["centrality_uuid"] = cent
    late = (out["end"] < out["start"]).to_numpy() & valid
    for i in np.flatnonzero(late):
        report.reject(name, rows[i], cols["end"], out["end"].iat[i].strftime("%Y-%m-%d"),
                      tr("an end date on or after the start ({start})").format(
                          start=f"{out['start'].iat[i]:%Y-%m-%d}"))
    valid &= ~late
    ids = [e if e else f"{n}|{s:%Y-%m-%d}" if not pd.isna(s) else None
           for e, n, s in zip(out["event_id"], out["name"], out["start"])]
    out["event_id"] = ids
    dup = np.zeros(len(out), bool)
    dup[valid] = pd.Series(ids)[valid].duplicated().to_numpy()
    for i in np.flatnonzero(dup):
        report.reject(name, rows[i], cols["event_id"], ids[i],
                      tr("a unique event id (duplicate)"))
    valid &= ~dup
    f = comptage._finish(out, valid, report)
    result = FlowImport(str(path), report)
    with write_transaction(conn):
        added = _insert(conn, "events", ["uuid", "event_id", "name", "centrality_uuid",
                                         "start_date", "end_date", "kind", "notes"],
                        zip([new_uuid() for _ in range(len(f))], f["event_id"], f["name"],
                            _none(f["centrality_uuid"]), _none(f["start"]), _none(f["end"]),
                            f["kind"].fillna("other"), _none(f["notes"])))
    result.added["events"] = added
    result.skipped["events"] = len(f) - added
    return result
