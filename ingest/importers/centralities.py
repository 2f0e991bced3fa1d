"""Centralities from any polygon layer → ``centralities``.

The caller (the Processing algorithm) reads the layer: one feature per dict, ``row`` (its
position, from 1), ``name``, ``level`` (the raw value, or None), ``id`` (or None),
``commune`` (or None) and ``polygons`` (list of polygons, each a list of rings, already in the
GeoPackage's CRS; empty when the feature has no polygon).

Rules:

* levels: :mod:`..sources.centralities` (a value map, the nomenclature's codes and labels,
  French words); an empty level takes ``default_level``, with a warning; unknown values refuse
  the import, listed;
* rejected rows: no name, no polygon, a name (or id) already used by an earlier feature (make
  one multi-part feature per centrality, e.g. with *Dissolve* by name);
* identity: with ids, a centrality is keyed by the code made from its id
  (:func:`store.survey.centrality_code`), otherwise by its name (case and spaces ignored):
  re-importing the layer changes nothing; a changed geometry, level or name is updated.

One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from ...i18n import tr
from ...store import gpkg
from ...store.writers import centralities as writer
from ..sources.centralities import level_vocabulary, map_levels
from ..sources.values import normalise
from .framework import ImportRefusedError, ImportResult, ImportRun

SOURCE = "centralities"
TABLE = "centralities"


def _require(conn) -> None:
    if not gpkg.table_exists(conn, "centralities"):
        raise ValueError(tr("this GeoPackage has no centralities table: it is not an "
                            "observatory GeoPackage"))


def import_centralities(conn, features: Sequence[Mapping], *, layer: str = "layer",
                        level_field: Optional[str] = None,
                        level_map: Optional[Mapping[str, str]] = None,
                        default_level: str = "primary", progress=None,
                        is_canceled=None) -> ImportResult:
    """Import the centralities of ``features`` (module rules); ``layer`` names the source in
    the report, ``level_field`` the field the levels come from (for messages)."""
    run = ImportRun.open(conn, SOURCE, [layer], _require, progress=progress,
                         is_canceled=is_canceled)
    report = run.report
    levels = writer.levels(conn)
    codes = [r["code"] for r in levels]
    vocabulary = level_vocabulary(levels, level_map)
    default = vocabulary.get(normalise(default_level), default_level)
    if default not in codes:
        raise ImportRefusedError(tr("Default level {level!r} is not a level of the GeoPackage "
                               "({levels}).").format(level=default_level,
                                                     levels=", ".join(codes)))
    features = list(features)
    mapped = map_levels([f.get("level") for f in features], vocabulary, levels,
                        level_field or "level")
    report.rows_read += len(features)
    keyed_by_id = any(str(f.get("id") or "").strip() for f in features)
    seen = {}
    records = []
    for f, level in zip(features, mapped):
        row, name = f["row"], str(f.get("name") or "").strip()
        if not name:
            report.reject(layer, row, "name", "", tr("a centrality name"))
            continue
        if not f.get("polygons"):
            report.reject(layer, row, "geometry", name, tr("a polygon"))
            continue
        code = writer.source_code(f.get("id")) if keyed_by_id else None
        if keyed_by_id and code is None:
            report.reject(layer, row, "id", "", tr("an identifier (the other features have "
                                                   "one)"))
            continue
        key = code if keyed_by_id else writer.name_key(name)
        if key in seen:
            report.reject(layer, row, "id" if keyed_by_id else "name",
                          f.get("id") if keyed_by_id else name,
                          tr("a centrality given once (already at feature {row}: merge its "
                             "parts into one multi-part feature, e.g. with Dissolve)").format(
                                 row=seen[key]))
            continue
        seen[key] = row
        if level is None:
            level = default
            if level_field:
                report.warn(layer, row, level_field, "", tr(
                    "no level: {level} (the default level)").format(level=default))
        records.append({"name": name, "level": level, "code": code,
                        "commune_code": str(f["commune"]).strip() if f.get("commune")
                        else None, "polygons": f["polygons"]})
    report.rows_accepted += len(records)
    run.progress(50)
    result = run.result
    with run.writing() as conn:
        added, updated, unchanged = writer.upsert(conn, records, run.srs_id,
                                                  key="code" if keyed_by_id else "name")
    result.added[TABLE], result.updated[TABLE], result.unchanged[TABLE] = (added, updated,
                                                                           unchanged)
    run.progress(100)
    return result
