"""Counters in the national *comptage des mobilités* schema (site / channel / measure, v0.2.x),
and mapped CSV exports of other vendors.

Each reader returns ``(frame, report)``: the frame holds only valid rows, typed; the
:class:`~.report.ImportReport` names every rejected row (file, row as counted in a spreadsheet,
field, value, what was expected). Nothing is dropped silently. Files are read and validated by
:mod:`.tabular` (encoding, separator, decimal comma, date forms, limits on dates and numbers).

Rules that matter downstream:

- ``count`` empty means *no data* and becomes ``NaN``; ``0`` means *no passage* and stays ``0.0``.
- Date-times carry a UTC offset written ``Z``, ``+02``, ``+0200`` or ``+02:00``. Each one is kept
  twice: ``*_utc`` (aware, UTC) and ``*_local`` (naive wall-clock time at the counter, exactly as
  written), with ``utc_offset_min``. A date-time without an offset is refused in schema files; in
  mapped CSVs it is read in a declared time zone (``Europe/Paris`` by default).
- Any ``time_step`` is accepted; a measure's duration comes from ``end_datetime``.
  :func:`observed_steps` gives the step the data shows, to check a channel's declared one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from .report import ImportReport, SourceError
from .tabular import (
    Conventions,
    FieldSpec,
    columns_text,
    finish,
    match_columns,
    read_csv_text,
    validate_table,
)

PathLike = Union[str, Path]

# --------------------------------------------------------------------------------------------
# comptage des mobilités 0.2.x
# --------------------------------------------------------------------------------------------

MOBILITY_TYPES = ("BIKE", "TWO WHEELS MOTORIZED", "PEDESTRIAN", "E-SCOOTER", "HORSE-RIDER", "CAR",
                  "BUS", "MINIBUS", "TRUCK", "VAN", "TRAMWAY", "CANOE", "UNDEFINED")
COUNTER_TYPES = ("INDUCTIVE LOOP", "ELECTROMAGNETIC SENSOR", "PASSIVE INFRARED",
                 "ACTIVE INFRARED", "PIEZOELECTRIC SENSOR", "RADAR SENSOR", "VIDEO SENSOR",
                 "PNEUMATIC TUBE SENSOR", "SLAB SENSOR", "LIGHT BEAM SENSOR", "MANUAL",
                 "ACOUSTIC", "LIDAR", "OPTICAL FIBER SENSOR", "MAGNETOMETER", "OTHER")
INFRASTRUCTURE_TYPES = (
    "CYCLE TRACK", "CYCLE LANE", "CONTRAFLOW TRACK", "CONTRAFLOW LANE",
    "CONTRAFLOW CYCLING NOT MATERIALIZED", "GREENWAY", "BIKE ROAD", "SHARED BUSWAY", "RAMP",
    "GUTTER", "MIXED PEDESTRIAN/BICYCLE DEVELOPMENT NOT INCLUDING THE GREENWAY",
    "ROAD WITH BANALIZED CENTRAL TRACK", "COATED SHOULDER OUTSIDE THE RBCT",
    "OTHER SPECIFIC SITE", "OTHER SHARED USE ROUTE", "HIGHWAY", "EUROPEAN ROAD", "NATIONAL ROAD",
    "DEPARTEMENTAL ROAD", "METROPOLITAN ROAD", "MUNICIPAL ROAD", "FOOTPATH", "DEAD END",
    "FOREST ROADS", "SIDE ROADS", "TRUNK TRACK", "PRIVATE ROAD", "OTHER")
INSEE_PATTERN = r"^([013-9]\d|2[AB1-9])\d{3}$"


def _list_pattern(words: Iterable[str]) -> str:
    alternatives = "|".join(w.replace("-", "\\-") for w in words)
    return f"(?:(?:^|,)({alternatives}))+$"


SITE_FIELDS = [
    FieldSpec("site_id", required=True),
    FieldSpec("parent_site_id"),
    FieldSpec("site_name", required=True),
    FieldSpec("fr_insee_code", pattern=INSEE_PATTERN),
    FieldSpec("xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("external_ids"),
    FieldSpec("infrastructure_type", enum=INFRASTRUCTURE_TYPES),
]

CHANNEL_FIELDS = [
    FieldSpec("channel_id", required=True),
    FieldSpec("channel_provider_id"),
    FieldSpec("site_provider_id"),
    FieldSpec("site_id", required=True),
    FieldSpec("mobility_type", pattern=_list_pattern(MOBILITY_TYPES),
              hint=noop("comma-separated values among: {values}"), hint_values=MOBILITY_TYPES),
    FieldSpec("comment"),
    FieldSpec("counter_transmission_type", enum=("REMOTE TRANSMISSION", "MANUAL")),
    FieldSpec("publication_transmission_type", enum=("API", "MANUAL")),
    FieldSpec("counter_type", pattern=_list_pattern(COUNTER_TYPES),
              hint=noop("comma-separated values among: {values}"), hint_values=COUNTER_TYPES),
    FieldSpec("direction", enum=("N", "NW", "NE", "W", "SW", "S", "SE", "E")),
    FieldSpec("provider_direction_code"),
    FieldSpec("provider_direction_name"),
    FieldSpec("data_provider_name"),
    FieldSpec("temporality", required=True, enum=("TEMPORARY", "PERMANENT")),
    FieldSpec("started_at", "datetime", required=True),
    FieldSpec("ended_at", "datetime"),
    FieldSpec("last_updated_at", "datetime"),
    FieldSpec("time_step", "number"),
    FieldSpec("provider_portal_url"),
]

MEASURE_FIELDS = [
    FieldSpec("channel_id", required=True),
    FieldSpec("counter_id"),
    FieldSpec("start_datetime", "datetime", required=True),
    FieldSpec("end_datetime", "datetime"),
    FieldSpec("count", "number"),
]

#: Columns of the measure frame returned by :func:`read_measures` and :func:`read_mapped_measures`.
MEASURE_COLUMNS = ["channel_id", "counter_id", "start_utc", "start_local", "utc_offset_min",
                   "end_utc", "end_local", "duration_s", "count", "source_row"]


def read_sites(path: PathLike, *, report: Optional[ImportReport] = None,
               conventions: Optional[Conventions] = None) -> Tuple[pd.DataFrame, ImportReport]:
    """Sites: ``site_id, parent_site_id, site_name, fr_insee_code, xlong, ylat (WGS84 degrees),
    external_ids, infrastructure_type, source_row``. Primary key ``site_id``."""
    report = report or ImportReport(str(path))
    name = Path(path).name
    raw = read_csv_text(path, report, conventions=conventions)
    out, valid = validate_table(raw, SITE_FIELDS, name, report, primary_key=["site_id"],
                                conventions=conventions)
    return finish(out, valid, report), report


def read_channels(path: PathLike, *, sites: Optional[Iterable[str]] = None,
                  report: Optional[ImportReport] = None,
                  conventions: Optional[Conventions] = None) -> Tuple[pd.DataFrame, ImportReport]:
    """Channels (one counted direction and mode of a site). ``time_step`` in seconds (float,
    NaN when absent); ``started_at``/``ended_at``/``last_updated_at`` in UTC plus ``*_local``.
    With ``sites`` (ids), a channel whose ``site_id`` is unknown is rejected."""
    report = report or ImportReport(str(path))
    name = Path(path).name
    raw = read_csv_text(path, report, conventions=conventions)
    out, valid = validate_table(raw, CHANNEL_FIELDS, name, report, primary_key=["channel_id"],
                                conventions=conventions)
    rows = out["source_row"].to_numpy()
    step = pd.to_numeric(out["time_step"], errors="coerce").to_numpy(dtype=float)
    bad_step = (step <= 0) & valid
    for i in np.flatnonzero(bad_step):
        report.reject(name, rows[i], "time_step", f"{step[i]:g}", tr("a time step in seconds > 0"))
    valid &= ~bad_step
    if sites is not None:
        known = set(sites)
        unknown = ~out["site_id"].isin(known).to_numpy() & valid
        for i in np.flatnonzero(unknown):
            report.reject(name, rows[i], "site_id", out["site_id"].iat[i],
                          tr("a site_id present in the site file"))
        valid &= ~unknown
    return finish(out, valid, report), report


def read_measures(path: PathLike, *, channels: Optional[Iterable[str]] = None,
                  report: Optional[ImportReport] = None, naive_tz: Optional[str] = None,
                  conventions: Optional[Conventions] = None
                  ) -> Tuple[pd.DataFrame, ImportReport]:
    """Measures in the national schema → measure frame (:data:`MEASURE_COLUMNS`).

    ``count`` is float: NaN = no data (empty cell), 0.0 = no passage. Rejected: missing
    channel or start, malformed date-time or offset, end not after start, negative or
    non-numeric count, a second measure for the same channel and start instant, and (with
    ``channels``) an unknown channel.
    """
    report = report or ImportReport(str(path))
    raw = read_csv_text(path, report, conventions=conventions)
    return _measures_from_raw(raw, Path(path).name, report, channels, naive_tz,
                              conventions=conventions)


def _measures_from_raw(raw, name, report, channels, naive_tz, fields=MEASURE_FIELDS,
                       conventions=None):
    raw = match_columns(raw, [spec.name for spec in fields])
    absent = [spec.name for spec in fields if not spec.required and spec.name not in raw.columns]
    if absent:  # optional columns (end_datetime, counter_id…) may be left out of a file
        raw = raw.assign(**dict.fromkeys(absent, ""))
    out, valid = validate_table(raw, fields, name, report, naive_tz=naive_tz,
                                group_field="channel_id", conventions=conventions)
    rows = out["source_row"].to_numpy()
    count = out["count"].to_numpy(dtype=float)
    neg = (count < 0) & valid
    for i in np.flatnonzero(neg):
        report.reject(name, rows[i], "count", raw["count"].iat[i], tr("a count >= 0"))
    valid &= ~neg
    start, end = out["start_datetime"], out["end_datetime"]
    order = (end.notna() & (end <= start)).to_numpy() & valid
    for i in np.flatnonzero(order):
        report.reject(name, rows[i], "end_datetime", raw["end_datetime"].iat[i],
                      tr("a date-time after start_datetime ({start})").format(
                          start=raw["start_datetime"].iat[i]))
    valid &= ~order
    if channels is not None:
        unknown = ~out["channel_id"].isin(set(channels)).to_numpy() & valid
        for i in np.flatnonzero(unknown):
            report.reject(name, rows[i], "channel_id", out["channel_id"].iat[i],
                          tr("a channel_id present in the channel file"))
        valid &= ~unknown
    keys = pd.DataFrame({"c": out["channel_id"], "t": start}).loc[valid]
    dup = keys.duplicated(keep="first")
    if dup.any():
        first = keys.loc[~dup].reset_index().set_index(["c", "t"])["index"]
        for idx in keys.index[dup.to_numpy()]:
            j = first.get((keys.at[idx, "c"], keys.at[idx, "t"]))
            report.reject(name, rows[idx], "start_datetime", raw["start_datetime"].iat[idx],
                          tr("one measure per channel and start (duplicate of row "
                             "{row})").format(row=rows[j] if j is not None else "?"))
        valid[keys.index[dup.to_numpy()]] = False
    frame = pd.DataFrame({
        "channel_id": out["channel_id"],
        "counter_id": out["counter_id"],
        "start_utc": start,
        "start_local": out["start_datetime_local"],
        "utc_offset_min": out["start_datetime_offset_min"],
        "end_utc": end,
        "end_local": out["end_datetime_local"],
        "duration_s": (end - start).dt.total_seconds(),
        "count": count,
        "source_row": rows,
    })
    return finish(frame, valid, report), report


def observed_steps(measures: pd.DataFrame) -> pd.Series:
    """Time step the data shows per channel (seconds): the median duration of its measures, or,
    without end times, the most frequent gap between consecutive starts. NaN when a channel has
    a single measure without end."""
    if measures.empty:
        return pd.Series(dtype=float)
    m = measures[["channel_id", "start_utc", "duration_s"]].sort_values(["channel_id",
                                                                         "start_utc"])
    duration = m.groupby("channel_id")["duration_s"].median()
    gaps = m.groupby("channel_id")["start_utc"].diff().dt.total_seconds()
    gap = gaps[gaps > 0].groupby(m["channel_id"]).agg(
        lambda g: g.mode().iloc[0] if len(g) else np.nan)
    return duration.where(duration.notna(), gap.reindex(duration.index))


@dataclass
class ComptageData:
    """The three tables of one comptage des mobilités delivery, cross-checked."""

    sites: pd.DataFrame
    channels: pd.DataFrame
    measures: pd.DataFrame
    report: ImportReport


def read_comptage(site_path: PathLike, channel_path: PathLike, measure_path: PathLike
                  ) -> ComptageData:
    """Read site, channel and measure files; channels must name a known site and measures a
    known channel (referential checks are row rejections too)."""
    report = ImportReport("comptage des mobilités")
    sites, _ = read_sites(site_path, report=report)
    channels, _ = read_channels(channel_path, sites=sites["site_id"], report=report)
    measures, _ = read_measures(measure_path, channels=channels["channel_id"], report=report)
    return ComptageData(sites, channels, measures, report)


# --------------------------------------------------------------------------------------------
# mapped CSV (other vendors, manual counts)
# --------------------------------------------------------------------------------------------

def read_mapped_measures(path: PathLike, mapping: Mapping[str, Union[str, Sequence[str]]], *,
                         channel_columns: Optional[Mapping[str, str]] = None,
                         channel_id: Optional[str] = None, sep: Optional[str] = None,
                         timezone: str = "Europe/Paris", datetime_format: Optional[str] = None,
                         time_step_s: Optional[float] = None, decimal: Optional[str] = None,
                         report: Optional[ImportReport] = None,
                         conventions: Optional[Conventions] = None,
                         ) -> Tuple[pd.DataFrame, ImportReport]:
    """A vendor CSV → the same measure frame as :func:`read_measures`.

    ``mapping`` maps our fields to the file's columns: ``start_datetime`` (required; a column
    name, or ``[date_column, time_column]`` joined with a space), and optionally ``channel_id``,
    ``counter_id``, ``end_datetime`` and ``count``. Layouts:

    - long: one row per channel and time (``mapping['channel_id']`` or a constant ``channel_id``
      for a single-counter file);
    - wide: one column per channel (``channel_columns={'Rue X vers gare': 'ch-12', ...}``), as
      in Eco-Counter exports.

    Values without UTC offset are read in ``timezone`` (the repeated hour when clocks go back:
    first occurrence summer time). Dates may be ISO or French (``24/01/2007 10:00``);
    ``datetime_format`` forces a ``strptime`` format. Without an end column,
    ``end = start + time_step_s``. ``decimal``: the decimal mark of counts (default: ``1 234,0``
    and ``1234.0`` are both read as 1234; ``"."`` refuses a comma).
    """
    report = report or ImportReport(str(path))
    name = Path(path).name
    conv = Conventions.of(conventions, separator=sep, decimal=decimal,
                          date_format=datetime_format)
    raw = read_csv_text(path, report, conventions=conv)
    start_src = mapping.get("start_datetime")
    if start_src is None:
        raise SourceError(tr("mapping needs 'start_datetime' (a column, or [date column, time "
                             "column])"))
    needed = [start_src] if isinstance(start_src, str) else list(start_src)
    for key in ("channel_id", "counter_id", "end_datetime", "count"):
        if key in mapping:
            needed.append(mapping[key])
    needed += list(channel_columns or {})
    raw = match_columns(raw, needed)
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise SourceError(tr("{file}: column(s) not found: {columns}; columns present: "
                             "{present}").format(file=name, columns=", ".join(missing),
                                                 present=columns_text(raw)))
    if isinstance(start_src, str):
        start = raw[start_src]
    else:
        start = raw[start_src[0]].str.strip() + " " + raw[start_src[1]].str.strip()
        start = start.str.strip()
    long = pd.DataFrame({"source_row": raw["source_row"], "start_datetime": start})
    long["end_datetime"] = raw[mapping["end_datetime"]] if "end_datetime" in mapping else ""
    long["counter_id"] = raw[mapping["counter_id"]] if "counter_id" in mapping else ""
    if channel_columns:
        parts = []
        for column, cid in channel_columns.items():
            part = long.copy()
            part["channel_id"] = cid
            part["count"] = raw[column]
            parts.append(part)
        long = pd.concat(parts, ignore_index=True)
    else:
        if "channel_id" in mapping:
            long["channel_id"] = raw[mapping["channel_id"]]
        elif channel_id is not None:
            long["channel_id"] = channel_id
        else:
            raise SourceError(tr("give mapping['channel_id'], channel_id=... or "
                                 "channel_columns"))
        long["count"] = raw[mapping["count"]] if "count" in mapping else ""
    frame, report = _measures_from_raw(long, name, report, None, timezone,
                                       fields=_mapped_fields(), conventions=conv)
    if time_step_s and len(frame):
        no_end = frame["end_utc"].isna()
        step = pd.Timedelta(seconds=float(time_step_s))
        frame.loc[no_end, "end_utc"] = frame.loc[no_end, "start_utc"] + step
        frame.loc[no_end, "end_local"] = frame.loc[no_end, "start_local"] + step
        frame.loc[no_end, "duration_s"] = float(time_step_s)
    return frame, report


def _mapped_fields() -> List[FieldSpec]:
    return [FieldSpec("channel_id", required=True), FieldSpec("counter_id"),
            FieldSpec("start_datetime", "datetime", required=True, allow_date_only=True),
            FieldSpec("end_datetime", "datetime", allow_date_only=True),
            FieldSpec("count", "number")]
