"""Services from any point layer of facilities (a town's open data…) → ``services``, typed as
BPE equipment through a category map given by the user.

The caller (the Processing algorithm) reads the layer: one dict per feature, ``row`` (its
position, from 1), ``category``, ``id``, ``name``, ``commune`` (None when not given) and the
point ``x``, ``y`` in the GeoPackage's CRS (a polygon's centroid; NaN without geometry).

Rules:

* ``type_map``: category value → BPE TYPEQU code (a letter A–G and three digits); categories
  are compared without case, accents, ``-`` / ``_``. A feature whose category is not in the
  map is left out, counted per category (facilities without a BPE equivalent: toilets,
  squares…); a feature without a point is rejected;
* label, domain and range come from ``bpe_equipment_types`` (a code absent there is kept
  without label or range, with a warning); the feature's name goes to ``notes``;
* identity: (``source``, vintage ``layer``, the id field's value), or without an id field
  ``TYPEQU|x|y`` (coordinates rounded to the metre), so that re-importing the layer, in any
  order, changes nothing; a feature whose values changed is updated.

One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np

from ...i18n import tr
from ...store import geometry, gpkg, tables
from ...store.writers import services as writer
from ..sources.values import EMPTY, normalise
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid

VINTAGE = "layer"
TYPEQU = re.compile(r"^[A-G]\d{3}$")
COMPARED = ["typequ", "label", "domain", "range", "commune_code", "geom", "notes"]


def _require(conn) -> None:
    if not gpkg.table_exists(conn, "services"):
        raise ImportRefusedError(tr("this GeoPackage has no services table (schema v6): open "
                                    "it with the plugin to upgrade it first"))


def parse_type_map(text: str) -> dict:
    """``"MATERNELLE=C101; Collège=C201"`` → {normalised category: TYPEQU};
    ImportRefusedError for an entry that is not ``category=CODE`` with a BPE code."""
    out = {}
    for part in str(text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        value, sep, code = (s.strip() for s in part.partition("="))
        if not sep or not value or not TYPEQU.match(code.upper()):
            raise ImportRefusedError(tr(
                "Type map entry {entry!r}: write category=TYPEQU with a BPE code (a letter A to "
                "G and three digits), e.g. MATERNELLE=C101.").format(entry=part.strip()))
        out[normalise(value)] = code.upper()
    return out


def import_services_layer(conn, features: Sequence[Mapping], *, source: str, layer: str,
                          type_map: Mapping[str, str], category_field: str = "category",
                          progress=None, is_canceled=None) -> ImportResult:
    """Import the facilities of ``features`` (module rules); ``source`` names them in the
    ``services`` table, ``layer`` in the report."""
    if not type_map:
        raise ImportRefusedError(tr("Give the type map: which BPE type each category is "
                                    "(e.g. MATERNELLE=C101; COLLEGE=C201)."))
    run = ImportRun.open(conn, source, [layer], _require, progress=progress,
                         is_canceled=is_canceled)
    report, result = run.report, run.result
    features = list(features)
    report.rows_read += len(features)
    types = writer.equipment_types(conn)
    keyed_by_id = any(str(f.get("id") or "").strip() for f in features)
    records, seen, shown = [], {}, {}
    for f in features:
        category = normalise(f.get("category"))
        if category == EMPTY or category not in type_map:
            shown.setdefault(category, str(f.get("category") or "").strip() or "-")
            reason = tr("{field}={value}: no BPE type given").format(
                field=category_field, value=shown[category])
            result.filtered[reason] = result.filtered.get(reason, 0) + 1
            continue
        x, y = float(f.get("x", np.nan)), float(f.get("y", np.nan))
        if not (np.isfinite(x) and np.isfinite(y)):
            report.reject(layer, f["row"], "geometry", "", tr("a point or a polygon"))
            continue
        code = type_map[category]
        key = (str(f.get("id")).strip() if keyed_by_id and f.get("id") is not None
               else f"{code}|{round(x)}|{round(y)}")
        if key in seen:
            report.reject(layer, f["row"], "id", key, tr(
                "a facility given once (already at feature {row})").format(row=seen[key]))
            continue
        seen[key] = f["row"]
        known = code in types.index
        if not known:
            report.warn(layer, f["row"], category_field, code,
                        tr("code absent from bpe_equipment_types: no label or range"))
        t = types.loc[code] if known else {}
        name = str(f.get("name") or "").strip() or None
        commune = str(f.get("commune") or "").strip() or None
        records.append({"source_id": key, "typequ": code, "label": t.get("label_fr") or None,
                        "domain": code[0], "range": t.get("range") or None,
                        "commune_code": commune,
                        "geom": geometry.encode_point(x, y, run.srs_id), "notes": name})
    report.rows_accepted += len(records)
    stored = {r["source_id"]: r for r in tables.rows(
        conn, "services", ["uuid", "source_id", *COMPARED], {"source": source,
                                                             "vintage": VINTAGE})}
    stamp = gpkg.now_iso()
    inserts, updates, unchanged = [], [], 0
    columns = ["typequ", "label", "domain", "range", "commune_code", "iris", "quality",
               "imported_at", "geom", "notes"]
    for r in records:
        values = tuple({**r, "iris": None, "quality": None, "imported_at": stamp}[c]
                       for c in columns)
        old = stored.get(r["source_id"])
        if old is None:
            inserts.append((new_uuid(), source, VINTAGE, r["source_id"], *values))
        elif any(old[c] != r[c] for c in COMPARED):
            updates.append((*values, old["uuid"]))
        else:
            unchanged += 1
    run.progress(60)
    with run.writing() as conn:
        writer.write_services(conn, inserts, updates, columns)
    result.added["services"] = len(inserts)
    result.updated["services"] = len(updates)
    result.unchanged["services"] = unchanged
    return result

