"""Import the services of an OpenStreetMap export into ``services``, typed as BPE equipment.

Reading: :func:`ingest.sources.osm_services.read_osm_services` with the GeoPackage's editable
``osm_bpe_map`` (OSM tag → TYPEQU); label, domain and range come from ``bpe_equipment_types``
like a BPE import (a TYPEQU missing there is kept without label, with a warning). Services are
keyed by (source ``osm``, vintage ``OSM``, OSM type/id): re-importing updates them in place and
adds nothing; the OSM name goes to ``notes``. One transaction (:class:`.framework.ImportRun`).
"""

from __future__ import annotations

from pathlib import Path

from ...i18n import tr
from ...store import geometry, gpkg, tables
from ...store.schema.osm_services import TABLE
from ...store.writers import services as writer
from ..sources.osm_services import read_osm_services
from .framework import ImportRefusedError, ImportResult, ImportRun, new_uuid

SOURCE = "osm"
VINTAGE = "OSM"


def _require(conn) -> None:
    if not gpkg.table_exists(conn, TABLE):
        raise ImportRefusedError(tr("this GeoPackage has no {table} table (schema v10): open it "
                                    "with the plugin to upgrade it first").format(table=TABLE))


def import_osm_services(conn, path, *, polygons: bool = True, progress=None,
                        is_canceled=None) -> ImportResult:
    """Import the file (see the module docstring)."""
    run = ImportRun.open(conn, SOURCE, [path], _require, progress=progress,
                         is_canceled=is_canceled)
    name = Path(path).name
    mapping = {(r["key"], r["value"]): r["typequ"]
               for r in tables.rows(conn, TABLE, ["key", "value", "typequ"])}
    frame, report, skipped = read_osm_services(path, mapping, polygons=polygons)
    run.report.extend(report)
    run.checkpoint()
    types = writer.equipment_types(conn)
    f, x, y = run.place(frame, frame["x"], frame["y"], 4326, name, "geometry", rows=frame["row"])
    existing = writer.service_keys(conn, SOURCE)
    stamp = gpkg.now_iso()
    inserts, updates = [], []
    for i, s in enumerate(f.to_dict("records")):
        known = s["typequ"] in types.index
        if not known:
            run.report.warn(name, s["row"], f"{s['key']}={s['value']}", s["typequ"],
                            tr("code absent from bpe_equipment_types: no label or range"))
        t = types.loc[s["typequ"]] if known else {}
        values = (s["typequ"], t.get("label_fr") or None, s["typequ"][0], t.get("range") or None,
                  None, None, None, stamp, geometry.encode_point(x[i], y[i], run.srs_id),
                  s["name"])
        key = (VINTAGE, s["source_id"])
        if key in existing:
            updates.append((*values, existing[key]))
        else:
            inserts.append((new_uuid(), SOURCE, *key, *values))
    with run.writing() as conn:
        updated = writer.write_services(conn, inserts, updates,
                                        [*writer.SERVICE_VALUES, "notes"])
    result = run.result
    result.added, result.updated = {"services": len(inserts)}, {"services": updated}
    result.unchanged = {"services": len(updates) - updated}
    result.filtered = skipped
    result.counts = {"new": len(inserts), "updated": updated}
    return result
