"""Presence data (mobile-network aggregates, sensors) into ``presence_counts``.

Read and checked by :mod:`ingest.sources.presence` through a column mapping or a saved preset
(:mod:`.presets`). A zone naming a centrality (its name, whatever the case, or its uuid) is
linked to it; other zones are kept under their own name (one warning lists them). Rows are keyed
by zone, slot, category and dwell class (a derived uuid): re-importing the file adds nothing,
and a corrected file updates the counts in place. One transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ...i18n import tr
from ...store import gpkg
from ...store.schema.activity import key_uuid, require_activity
from ...store.writers import activity as writer
from ..sources import presence as source
from ..sources.tabular import Conventions
from . import presets
from .framework import ImportRefusedError, ImportResult, ImportRun, sql_values
from .zones import link_zones

SOURCE = "presence"
KEY = ["zone", "slot_start", "category", "dwell_class"]
VALUES = ["centrality_uuid", "slot_minutes", "class_lower_min", "class_upper_min",
          "mean_dwell_min", "count", "provider", "source", "imported_at"]


def import_presence(conn, path, *, mapping: Optional[Mapping[str, str]] = None,
                    preset: Optional[str] = None, save_preset: Optional[str] = None,
                    class_bounds: Optional[Mapping[str, Tuple[float, float]]] = None,
                    slot_minutes: Optional[float] = None, provider: Optional[str] = None,
                    timezone: str = "Europe/Paris", conventions: Optional[Conventions] = None,
                    progress=None, is_canceled=None) -> ImportResult:
    """Import a presence file (module docstring). ``mapping`` (our field → the file's column:
    ``zone, slot, category, count, dwell_class, mean_dwell, slot_minutes``) overrides the
    ``preset``'s entries; ``save_preset`` saves the mapping used. ``class_bounds``: label →
    (lower, upper) minutes (else read from the labels). ``slot_minutes``: length of the slots
    when the file does not say. Times without UTC offset are local times of ``timezone``."""
    run = ImportRun.open(conn, SOURCE, [path], require_activity, progress=progress,
                         is_canceled=is_canceled)
    report, name = run.report, Path(path).name
    cols = presets.resolve(conn, SOURCE, preset, mapping)
    unknown = sorted(set(cols) - {f.name for f in source.FIELDS})
    if unknown:
        raise ImportRefusedError(tr(
            "{file}: the mapping names unknown field(s) {fields}; the fields are "
            "{known}").format(file=name, fields=", ".join(unknown),
                              known=", ".join(f.name for f in source.FIELDS)))
    rows = source.read_presence(path, report, mapping=cols, class_bounds=class_bounds,
                                timezone=timezone, conventions=conventions,
                                slot_minutes=slot_minutes)
    run.progress(50)
    run.checkpoint()
    f = rows.frame
    if rows.unbounded:
        report.warn(name, 0, rows.columns["dwell_class"], ", ".join(map(str, rows.unbounded)),
                    tr("dwell class(es) without bounds in minutes (give them as "
                       "label=lower-upper): their distribution is kept, no mean dwell"))
    centrality, unmatched = link_zones(conn, f["zone"])
    if unmatched:
        report.warn(name, 0, rows.columns["zone"], ", ".join(unmatched[:10]) + (
            " …" if len(unmatched) > 10 else ""), tr(
            "zone(s) not matching a centrality's name: kept under their own name"))
    slot = f["slot"].dt.strftime("%Y-%m-%dT%H:%M:%S").to_numpy(dtype=object) if len(f) \
        else np.zeros(0, dtype=object)
    stamp = gpkg.now_iso()
    upper = np.where(np.isinf(f["class_upper_min"]), np.nan, f["class_upper_min"])
    data = zip([key_uuid(SOURCE, z, s, c, d) for z, s, c, d in zip(
                    f["zone"], slot, f["category"], f["dwell_class"])],
               f["zone"], slot, f["category"], sql_values(f["dwell_class"]),
               sql_values(pd.Series(centrality, dtype=object)), sql_values(f["slot_minutes"]),
               sql_values(f["class_lower_min"]), sql_values(upper),
               sql_values(f["mean_dwell"]), f["count"].tolist(), [provider] * len(f),
               [name] * len(f), [stamp] * len(f))
    result = run.result
    with run.writing() as conn:
        added, updated = writer.upsert_keyed(conn, "presence_counts", KEY, VALUES, list(data))
        if save_preset:
            presets.save(conn, SOURCE, save_preset, rows.columns)
    result.added["presence_counts"] = added
    result.updated["presence_counts"] = updated
    result.unchanged["presence_counts"] = len(f) - added - updated
    result.counts["form"] = rows.form
    return result
