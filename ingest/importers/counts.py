"""Counters: a *comptage des mobilités* delivery (sites, channels, measures) or a vendor CSV read
through a field mapping, into ``counting_sites``, ``counting_channels`` and ``counts``.

Files are read and validated first (:mod:`ingest.sources.comptage`), then written in one
transaction (:class:`.framework.ImportRun`). Rows are keyed by their source ids (``site_id``,
``channel_id``, channel + start instant) and written with ``INSERT OR IGNORE``: re-importing
adds nothing. ``count`` empty stays NULL (no data), 0 stays 0 (nobody passed).

Two refusals and a warning that keep an import from succeeding silently:

- measures whose channels are neither in a channel file given with them nor in the GeoPackage
  are refused, naming the missing channel file (they would all be rejected);
- a channel whose declared ``time_step`` disagrees with the step its measures show (60 s
  declared, hourly data) is reported as a warning giving the observed step; the data is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import geometry, gpkg, tables
from ...store.schema.flows import require_flows
from ...store.writers import flows as writer
from ...store.writers.bulk import insert_rows
from ..sources import comptage
from ..sources.report import ImportReport
from ..sources.tabular import Conventions
from .framework import (
    ImportRefusedError,
    ImportResult,
    ImportRun,
    new_uuid,
    points,
    reproject,
    sql_values,
)

SOURCE = "comptage"
SOURCE_MAPPED = "counts_mapped"
#: A declared time step and the observed one disagree when their ratio is beyond this.
STEP_TOLERANCE = 1.5


def insert_counts(conn, measures: pd.DataFrame, channel_uuids: Mapping[str, str],
                  progress=None, checkpoint=None) -> int:
    """Write a measure frame (``channel_id, start_utc, utc_offset_min, duration_s, count``;
    channel ids already checked) to ``counts``; returns the rows added."""
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
    return writer.insert_counts(conn, rows, checkpoint=checkpoint, progress=progress)


def _write_sites(conn, run: ImportRun, sites: pd.DataFrame, file: str, source: str,
                 stamp: str) -> tuple:
    """(sites added, sites placed); a site whose coordinates cannot be projected is rejected."""
    s, x, y = run.place(sites, sites["xlong"], sites["ylat"], 4326, file, "xlong,ylat")
    rows = zip([new_uuid() for _ in range(len(s))], points(x, y, run.srs_id),
               s["site_id"], sql_values(s["parent_site_id"]), s["site_name"],
               sql_values(s["fr_insee_code"]), sql_values(s["infrastructure_type"]),
               sql_values(s["external_ids"]), [source] * len(s), [stamp] * len(s))
    return insert_rows(conn, "counting_sites",
                       ["uuid", "geom", "site_id", "parent_site_id", "name", "insee_code",
                        "infrastructure_type", "external_ids", "source", "imported_at"],
                       rows), len(s)


def _write_channels(conn, channels: pd.DataFrame, site_uuids, source, stamp) -> int:
    c = channels

    def iso(col):
        return [None if pd.isna(v) else v.strftime("%Y-%m-%dT%H:%M:%SZ") for v in c[col]]

    rows = zip([new_uuid() for _ in range(len(c))], c["channel_id"],
               c["site_id"].map(site_uuids), sql_values(c["mobility_type"]),
               sql_values(c["direction"]), sql_values(c["provider_direction_name"]),
               sql_values(c["counter_type"]), sql_values(c["temporality"]), iso("started_at"),
               iso("ended_at"), sql_values(c["time_step"]), sql_values(c["data_provider_name"]),
               [source] * len(c), [stamp] * len(c))
    return insert_rows(conn, "counting_channels",
                       ["uuid", "channel_id", "site_uuid", "mobility_type", "direction",
                        "direction_name", "counter_type", "temporality", "started_at",
                        "ended_at", "time_step_s", "data_provider", "source", "imported_at"],
                       rows)


def check_time_steps(measures: pd.DataFrame, declared: Mapping[str, float],
                     report: ImportReport, file: str) -> None:
    """Warn, per channel, when the declared time step and the step the measures show differ
    by more than :data:`STEP_TOLERANCE` times."""
    observed = comptage.observed_steps(measures)
    first_row = measures.groupby("channel_id")["source_row"].min()
    for channel, step in observed.items():
        want = declared.get(channel)
        if want is None or pd.isna(want) or pd.isna(step) or want <= 0 or step <= 0:
            continue
        if max(step / want, want / step) > STEP_TOLERANCE:
            report.warn(file, int(first_row.get(channel, 0)), "time_step", f"{want:g}", tr(
                "the time step declared for channel {channel} ({declared} s) does not match "
                "its measures, which are {observed} s apart: check the channel file").format(
                    channel=channel, declared=f"{want:g}", observed=f"{step:g}"))


def import_comptage(conn, *, sites_path=None, channels_path=None, measures_path=None,
                    conventions: Optional[Conventions] = None, progress=None,
                    is_canceled=None) -> ImportResult:
    """Import a *comptage des mobilités* delivery (any of the three files).

    Channels must name a site of the site file or of the GeoPackage; measures a channel of the
    channel file or of the GeoPackage (see the module docstring for the refusals).
    """
    if not (sites_path or channels_path or measures_path):
        raise ImportRefusedError(tr("give at least one file: sites, channels or measures"))
    run = ImportRun.open(conn, SOURCE, [sites_path, channels_path, measures_path],
                         require_flows, progress=progress, is_canceled=is_canceled,
                         report=ImportReport("comptage des mobilités"))
    report = run.report
    known_sites = tables.key_map(conn, "counting_sites", "site_id", "uuid")
    known_channels = tables.key_map(conn, "counting_channels", "channel_id", "uuid")
    sites = channels = measures = None
    if sites_path:
        sites, _ = comptage.read_sites(sites_path, report=report, conventions=conventions)
    if channels_path:
        ids = set(known_sites) | (set(sites["site_id"]) if sites is not None else set())
        channels, _ = comptage.read_channels(channels_path, sites=ids, report=report,
                                             conventions=conventions)
    run.checkpoint()
    if measures_path:
        ids = set(known_channels) | (set(channels["channel_id"]) if channels is not None
                                     else set())
        measures, _ = comptage.read_measures(measures_path, report=report,
                                             conventions=conventions)
        _require_channels(measures, ids, channels_path, Path(measures_path).name, report)
        declared = tables.key_map(conn, "counting_channels", "channel_id", "time_step_s")
        if channels is not None:
            declared.update(zip(channels["channel_id"], channels["time_step"]))
        check_time_steps(measures, declared, report, Path(measures_path).name)
    run.progress(30)
    result = run.result
    stamp = gpkg.now_iso()
    source = Path(sites_path or channels_path or measures_path).name
    with run.writing() as conn:
        if sites is not None:
            added, placed = _write_sites(conn, run, sites, Path(sites_path).name, source, stamp)
            result.added["counting_sites"] = added
            result.unchanged["counting_sites"] = placed - added
        if channels is not None:
            site_uuids = tables.key_map(conn, "counting_sites", "site_id", "uuid")
            added = _write_channels(conn, channels, site_uuids, source, stamp)
            result.added["counting_channels"] = added
            result.unchanged["counting_channels"] = len(channels) - added
        if measures is not None:
            uuids = tables.key_map(conn, "counting_channels", "channel_id", "uuid")
            added = insert_counts(conn, measures, uuids,
                                  run.step_progress(30, 100, len(measures)), run.checkpoint)
            result.added["counts"] = added
            result.unchanged["counts"] = len(measures) - added
    run.progress(100)
    return result


def _require_channels(measures: pd.DataFrame, known: set, channels_path, file: str,
                      report: ImportReport) -> None:
    """Refuse measures none of whose channels is known; reject the rows of unknown ones."""
    unknown = ~measures["channel_id"].isin(known).to_numpy()
    if len(measures) and unknown.all():
        if channels_path:
            raise ImportRefusedError(tr(
                "{file}: none of its channels ({channels}) is in the channel file {channel_file} "
                "or in the GeoPackage").format(
                    file=file, channels=", ".join(sorted(set(measures["channel_id"]))[:5]),
                    channel_file=Path(channels_path).name))
        raise ImportRefusedError(tr(
            "{file}: its channels ({channels}) are not in the GeoPackage: import the channel "
            "file (channel_*.csv) and the site file with the measures").format(
                file=file, channels=", ".join(sorted(set(measures["channel_id"]))[:5])))
    for i in np.flatnonzero(unknown):
        report.reject(file, measures["source_row"].iat[i], "channel_id",
                      measures["channel_id"].iat[i],
                      tr("a channel_id present in the channel file"))
    report.rows_accepted -= int(unknown.sum())
    if unknown.any():
        measures.drop(index=measures.index[unknown], inplace=True)
        measures.reset_index(drop=True, inplace=True)


def import_mapped_counts(conn, path, mapping: Mapping[str, object], *,
                         channel_columns: Optional[Mapping[str, str]] = None,
                         channel_id: Optional[str] = None, site: Optional[Mapping] = None,
                         mobility_type: str = "PEDESTRIAN", sep: Optional[str] = None,
                         timezone: str = "Europe/Paris", datetime_format: Optional[str] = None,
                         time_step_s: Optional[float] = None, decimal: Optional[str] = None,
                         conventions: Optional[Conventions] = None,
                         progress=None, is_canceled=None) -> ImportResult:
    """Import a vendor CSV (Eco-Counter export, manual counts…) through a field mapping (see
    :func:`ingest.sources.comptage.read_mapped_measures`).

    Channels unknown to the GeoPackage are created on ``site`` (``{'site_id', 'name', 'x',
    'y', 'epsg'}``; the site is created too when new); without ``site`` their rows are
    rejected.
    """
    run = ImportRun.open(conn, SOURCE_MAPPED, [path], require_flows, progress=progress,
                         is_canceled=is_canceled)
    report, srs_id = run.report, run.srs_id
    measures, _ = comptage.read_mapped_measures(
        path, mapping, channel_columns=channel_columns, channel_id=channel_id, sep=sep,
        timezone=timezone, datetime_format=datetime_format, time_step_s=time_step_s,
        decimal=decimal, report=report, conventions=conventions)
    known_channels = tables.key_map(conn, "counting_channels", "channel_id", "uuid")
    known_sites = tables.key_map(conn, "counting_sites", "site_id", "uuid")
    new_channels = sorted(set(measures["channel_id"]) - set(known_channels))
    site_row = None
    name = Path(path).name
    if new_channels and site:
        if site.get("site_id") not in known_sites:
            if site.get("x") is None or site.get("y") is None or not site.get("name"):
                raise ImportRefusedError(tr(
                    "site {site!r} is not in the GeoPackage: give its name and position to "
                    "create it").format(site=site.get("site_id")))
            x, y = reproject([site["x"]], [site["y"]], int(site.get("epsg") or srs_id), srs_id)
            if not np.isfinite(x[0]):
                raise ImportRefusedError(tr("the site position cannot be projected to the "
                                            "GeoPackage's CRS"))
            site_row = (new_uuid(), geometry.encode_point(x[0], y[0], srs_id), site["site_id"],
                        site["name"], site.get("street"))
    elif new_channels:
        bad = measures["channel_id"].isin(new_channels).to_numpy()
        if bad.all() and len(measures):
            raise ImportRefusedError(tr(
                "{file}: its channels ({channels}) are not in the GeoPackage: give the site "
                "that creates them, or import the counter's channel file first").format(
                    file=name, channels=", ".join(new_channels[:5])))
        for i in np.flatnonzero(bad):
            report.reject(name, measures["source_row"].iat[i], "channel_id",
                          measures["channel_id"].iat[i],
                          tr("a channel_id of the GeoPackage (or give a site to create it)"))
        report.rows_accepted -= int(bad.sum())
        measures = measures.loc[~bad].reset_index(drop=True)
        new_channels = []
    if time_step_s:
        check_time_steps(measures, {c: float(time_step_s) for c in new_channels}, report, name)
    run.checkpoint()
    result = run.result
    stamp = gpkg.now_iso()
    with run.writing() as conn:
        if site_row:
            result.added["counting_sites"] = insert_rows(
                conn, "counting_sites",
                ["uuid", "geom", "site_id", "name", "street", "source", "imported_at"],
                [site_row + (name, stamp)])
        if new_channels:
            site_uuid = tables.key_map(conn, "counting_sites", "site_id", "uuid")[site["site_id"]]
            step = float(time_step_s) if time_step_s else None
            result.added["counting_channels"] = insert_rows(
                conn, "counting_channels",
                ["uuid", "channel_id", "site_uuid", "mobility_type", "time_step_s", "source",
                 "imported_at"],
                [(new_uuid(), c, site_uuid, mobility_type or None, step, name, stamp)
                 for c in new_channels])
        uuids = tables.key_map(conn, "counting_channels", "channel_id", "uuid")
        added = insert_counts(conn, measures, uuids, run.step_progress(0, 100, len(measures)),
                              run.checkpoint)
        result.added["counts"] = added
        result.unchanged["counts"] = len(measures) - added
    run.progress(100)
    return result
