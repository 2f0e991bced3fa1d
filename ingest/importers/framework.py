"""The one import framework every importer uses.

An import reads and validates its file(s) first (readers of :mod:`ingest.sources`, which
reject rows into an :class:`~ingest.sources.report.ImportReport`), then writes in one
transaction through :class:`ImportRun`:

- **one result**, :class:`ImportResult`: rows read, rows added / updated / unchanged per
  table, rows left out on purpose (counted by reason), the report of rejected rows and warnings,
  and the file conventions detected (encoding, separator, decimal mark, date forms);
- **one cancel**: :meth:`ImportRun.checkpoint` raises :class:`ImportCanceledError` when the
  user cancels; the transaction rolls back and the file is left as it was;
- **one refusal**: :class:`ImportRefusedError` (a :class:`~ingest.sources.report.SourceError`)
  for a file or parameter that cannot be used at all; nothing is written;
- **one reprojection**, :func:`reproject`, to the GeoPackage's CRS;
- **one rejection sink**: the run's report, recorded in the GeoPackage's ``import_rejections``
  table in the same transaction (replacing the entries of an earlier import of the same file).

Rows are keyed by the source's own identifiers, so re-importing a file adds nothing.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg, observatory
from ...store.writers import rejections
from ..sources.report import ImportReport, SourceError
from ..sources.values import key_value_pairs

REPORT_COLUMNS = ["level", "file", "row", "field", "value", "reason"]
Progress = Optional[Callable[[float], None]]
Canceled = Optional[Callable[[], bool]]


class ImportCanceledError(InterruptedError):
    """The user canceled: the transaction was rolled back, the file is unchanged."""


class ImportRefusedError(SourceError):
    """A file or parameter the importer cannot use at all (the message says what to fix)."""


@dataclass
class ImportResult:
    """What an import did: rows added / updated / unchanged / removed per table (a re-imported
    list may drop rows, e.g. a producer's products), rows left out on purpose
    (``filtered``: reason → count), source-specific ``counts`` (e.g. the matching decisions of
    SIRENE and OSM), rows for a human to ``review``, extra ``tables`` for the algorithm's
    outputs, and the ``report`` of rejected rows, warnings and detected conventions."""

    source: str
    report: ImportReport = None
    added: Dict[str, int] = field(default_factory=dict)
    updated: Dict[str, int] = field(default_factory=dict)
    unchanged: Dict[str, int] = field(default_factory=dict)
    removed: Dict[str, int] = field(default_factory=dict)
    filtered: Dict[str, int] = field(default_factory=dict)
    counts: Dict[str, int] = field(default_factory=dict)
    review: Optional[pd.DataFrame] = None
    tables: Dict[str, pd.DataFrame] = field(default_factory=dict)
    campaign_uuid: Optional[str] = None

    def __post_init__(self):
        if self.report is None:
            self.report = ImportReport(self.source)

    @property
    def rows_read(self) -> int:
        return self.report.rows_read

    @property
    def rows_rejected(self) -> int:
        return self.report.rows_rejected

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    @property
    def total_unchanged(self) -> int:
        return sum(self.unchanged.values())

    @property
    def conventions(self) -> Dict[str, Dict[str, str]]:
        return self.report.conventions

    def merge(self, other: ImportResult) -> ImportResult:
        """Add another part of the same import (car parks then occupancy…)."""
        self.report.extend(other.report)
        for mine, theirs in ((self.added, other.added), (self.updated, other.updated),
                             (self.unchanged, other.unchanged), (self.removed, other.removed),
                             (self.filtered, other.filtered),
                             (self.counts, other.counts)):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        self.tables.update(other.tables)
        return self

    def report_frame(self) -> pd.DataFrame:
        """Rejections then warnings, one row each (:data:`REPORT_COLUMNS`)."""
        return report_frame(self.report)

    def log_lines(self) -> List[str]:
        """The log of an import, the same for every importer: conventions per file, the counts,
        the rows left out by reason, and the counts per table."""
        lines = convention_lines(self.report)
        report = self.report
        lines.append(count_line(read=report.rows_read, added=self.total_added,
                                updated=self.total_updated, unchanged=self.total_unchanged,
                                rejected=report.rows_rejected, warnings=len(report.warnings)))
        for reason, n in self.filtered.items():
            lines.append(tr("Left out ({reason}): {n} rows").format(reason=reason, n=n))
        for table in dict.fromkeys([*self.added, *self.updated, *self.unchanged,
                                    *self.removed]):
            line = tr("{table}: {added} added, {updated} updated, {unchanged} unchanged").format(
                table=table, added=self.added.get(table, 0), updated=self.updated.get(table, 0),
                unchanged=self.unchanged.get(table, 0))
            if self.removed.get(table):
                line += tr(", {removed} removed").format(removed=self.removed[table])
            lines.append(line)
        return lines


def count_line(*, read: int, added: int, updated: int, unchanged: int, rejected: int,
               warnings: int) -> str:
    """The count line of every import's log (the same words for every importer)."""
    return tr("{read} rows read: {added} added, {updated} updated, {unchanged} unchanged, "
              "{rejected} rejected; {warnings} warnings").format(
        read=read, added=added, updated=updated, unchanged=unchanged, rejected=rejected,
        warnings=warnings)


def convention_lines(report: ImportReport) -> List[str]:
    """One log line per file: the conventions detected or forced (encoding, separator…)."""
    return [tr("{file}: {conventions}").format(file=file, conventions=", ".join(
        f"{_convention_label(k)} {v}" for k, v in notes.items()))
        for file, notes in report.conventions.items()]


def _convention_label(key: str) -> str:
    labels = {"encoding": tr("encoding"), "separator": tr("separator"),
              "decimal": tr("decimal mark"), "dates": tr("dates"), "header": tr("header"),
              "crs": tr("coordinates"), "sheet": tr("sheet")}
    return labels.get(key, key)


def report_frame(report: Optional[ImportReport]) -> pd.DataFrame:
    """Rejections then warnings of ``report`` as a DataFrame (:data:`REPORT_COLUMNS`)."""
    records = report.to_records() if report is not None else []
    return pd.DataFrame(records, columns=REPORT_COLUMNS)


# ---------------------------------------------------------------------------------------------
# the run: cancel, progress, transaction, rejection sink
# ---------------------------------------------------------------------------------------------

class ImportRun:
    """One run of an importer on an open GeoPackage.

    ``source`` names the importer in ``import_rejections``; ``files`` are the files read (their
    earlier entries there are replaced). ``progress(percent)`` and ``is_canceled()`` come from
    the caller (Processing feedback). ``result`` is the :class:`ImportResult` the importer
    fills and returns; ``srs_id`` the GeoPackage's CRS (set by :meth:`open`).
    """

    def __init__(self, conn, source: str, files: Iterable = (), *, progress: Progress = None,
                 is_canceled: Canceled = None, report: Optional[ImportReport] = None,
                 srs_id: Optional[int] = None):
        self.conn = conn
        self.source = source
        files = [f for f in files if f]
        self.files = [Path(str(f)).name for f in files]
        label = str(files[0]) if len(files) == 1 else source
        self.report = report if report is not None else ImportReport(label)
        self.result = ImportResult(label, self.report)
        self.srs_id = srs_id
        self._progress = progress
        self._is_canceled = is_canceled

    @classmethod
    def open(cls, conn, source: str, files: Iterable, require, **kwargs) -> ImportRun:
        """A run on a GeoPackage whose schema ``require(conn)`` checks (refused otherwise)."""
        return cls(conn, source, files, srs_id=open_socle(conn, require), **kwargs)

    def checkpoint(self) -> None:
        """Raise :class:`ImportCanceledError` when the user has canceled."""
        if self._is_canceled is not None and self._is_canceled():
            raise ImportCanceledError(tr("import canceled: nothing was written"))

    def progress(self, percent: float) -> None:
        if self._progress is not None:
            self._progress(min(100.0, float(percent)))

    def step_progress(self, start: float, end: float, total: int):
        """A ``progress(rows_done)`` for a writer, mapped onto ``start``–``end`` percent."""
        if not total:
            return None
        return lambda done: self.progress(start + (end - start) * min(1.0, done / total))

    def place(self, frame: pd.DataFrame, x, y, epsg, file: str, fields: str, rows=None,
              report: Optional[ImportReport] = None) -> tuple:
        """Reproject (x, y) from ``epsg`` (a code, or one per row) to the GeoPackage's CRS and
        reject the rows that cannot be placed (missing, not finite, outside the projection)
        into ``report`` (default: the run's). Returns ``(frame of the rows kept, x, y)``."""
        report = self.report if report is None else report
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        px, py = reproject(x, y, epsg, self.srs_id)
        bad = ~(np.isfinite(px) & np.isfinite(py))
        rows = frame["source_row"].to_numpy() if rows is None else np.asarray(rows)
        codes = np.broadcast_to(np.asarray(epsg, dtype=object), x.shape)
        reason = tr("coordinates that can be projected to the GeoPackage's CRS "
                    "(EPSG:{epsg})").format(epsg=self.srs_id)
        for i in np.flatnonzero(bad):
            report.reject(file, rows[i], fields, f"{x[i]:g},{y[i]:g} (EPSG:{codes[i]})", reason)
        report.rows_accepted -= int(bad.sum())
        keep = ~bad
        return frame.loc[keep].reset_index(drop=True), px[keep], py[keep]

    @contextlib.contextmanager
    def writing(self):
        """The write transaction (or the caller's, when one is open): checked for cancel at the
        start and before the commit, the rejections recorded last. Any error rolls back."""
        self.checkpoint()
        with _transaction(self.conn):
            yield self.conn
            self.checkpoint()
            self.record_rejections()

    def record_rejections(self) -> int:
        """Write the report to ``import_rejections`` (inside the transaction)."""
        records = self.report.to_records()
        files = set(self.files) | {r["file"] for r in records}
        return rejections.replace_rejections(self.conn, self.source, files, records)


@contextlib.contextmanager
def _transaction(conn):
    if conn.in_transaction:
        yield conn
        return
    with gpkg.transaction(conn):
        yield conn


def open_socle(conn, require) -> int:
    """The GeoPackage's CRS (EPSG code) after ``require(conn)`` checked its schema."""
    try:
        require(conn)
    except ValueError as exc:
        raise ImportRefusedError(str(exc)) from exc
    return observatory.srs_id(conn)


# ---------------------------------------------------------------------------------------------
# values, coordinates
# ---------------------------------------------------------------------------------------------

def new_uuid() -> str:
    return str(uuid.uuid4())


def text_or_none(value):
    """Stripped text, or None for None, NaN and blank values."""
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def sql_values(values) -> list:
    """A column as a list of SQLite parameters (NaN, NA, NaT → None; dates → YYYY-MM-DD;
    numpy scalars → Python)."""
    s = pd.Series(values)
    if s.dtype.kind == "M":
        return [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in s]
    obj = s.astype(object)
    return obj.where(s.notna(), None).tolist()


def _srs(epsg: int):
    """The CRS of an EPSG code, or None when GDAL does not know it."""
    from osgeo import osr

    srs = osr.SpatialReference()
    try:
        if srs.ImportFromEPSG(int(epsg)) != 0:
            return None
    except (RuntimeError, OverflowError, ValueError):  # GDAL with exceptions enabled
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _transform(transform, xy: np.ndarray) -> np.ndarray:
    """Transformed (n, 2) points; NaN rows where a point cannot be transformed."""
    try:
        pts = transform.TransformPoints(xy.tolist())
        return np.asarray(pts, dtype=float).reshape(-1, 3)[:, :2]
    except (RuntimeError, ValueError, TypeError):  # GDAL with exceptions enabled
        out = np.full(xy.shape, np.nan)
        for i, (a, b) in enumerate(xy.tolist()):
            with contextlib.suppress(RuntimeError, ValueError, TypeError):
                out[i] = transform.TransformPoint(a, b)[:2]
        return out


def reproject(x, y, epsg, target: int) -> tuple:
    """(x, y) arrays in EPSG:``target``; ``epsg`` is one code or one code per point.

    Points whose code is missing or unknown, whose coordinates are not finite or whose
    transformation fails come back as NaN (the importers reject their rows).
    """
    from osgeo import gdal, osr

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if np.ndim(epsg) == 0:
        codes = np.full(x.shape, np.nan if epsg is None else float(epsg))
    else:
        codes = pd.to_numeric(pd.Series(list(epsg), dtype=object), errors="coerce").astype(
            "Float64").to_numpy(dtype=float, na_value=np.nan)
    out_x = np.full(x.shape, np.nan)
    out_y = np.full(x.shape, np.nan)
    ok = np.isfinite(x) & np.isfinite(y) & np.isfinite(codes) & (np.abs(codes) < 2 ** 31)
    if not ok.any():
        return out_x, out_y
    dst = _srs(target)
    if dst is None:
        raise ImportRefusedError(tr("EPSG:{epsg} is not a known coordinate reference "
                                    "system").format(epsg=int(target)))
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # points outside a projection's area
    try:
        for code in np.unique(codes[ok]):
            sel = ok & (codes == code)
            if int(code) == int(target):
                out_x[sel], out_y[sel] = x[sel], y[sel]
                continue
            src = _srs(int(code))
            if src is None:
                continue
            arr = _transform(osr.CoordinateTransformation(src, dst),
                             np.column_stack([x[sel], y[sel]]))
            arr[~np.isfinite(arr).all(axis=1)] = np.nan
            out_x[sel], out_y[sel] = arr[:, 0], arr[:, 1]
    finally:
        gdal.PopErrorHandler()
    return out_x, out_y


def points(x, y, srs_id: int) -> list:
    """GeoPackage point blobs (None where a coordinate is not finite)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    finite = np.isfinite(x) & np.isfinite(y)
    return geometry.encode_points(np.where(finite, x, np.nan), np.where(finite, y, np.nan),
                                  srs_id)


def parse_mapping(text: Optional[str]) -> Dict[str, object]:
    """``"start_datetime=jour+heure; count=passages"`` → ``{'start_datetime': ['jour',
    'heure'], 'count': 'passages'}`` (``+`` joins a date column and a time column)."""
    out: Dict[str, object] = {}
    if not text:
        return out
    for key, value in key_value_pairs(text, lambda entry: ImportRefusedError(tr(
            "mapping entry {entry!r} is not written field=column").format(entry=entry))):
        out[key] = [v.strip() for v in value.split("+")] if "+" in value else value
    return out
