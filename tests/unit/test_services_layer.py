"""Services from a layer of facilities (ingest.importers.services_layer): the category map,
categories left out, identity without an id field (re-importing in another order changes
nothing), a feature without a point, a code absent from the BPE table."""

from __future__ import annotations

import pytest

from observatoire_commerce.ingest.importers.framework import ImportRefusedError
from observatoire_commerce.ingest.importers.services_layer import (
    import_services_layer,
    parse_type_map,
)
from observatoire_commerce.store import observatory

FACILITIES = [
    {"row": 1, "category": "MATERNELLE", "name": "École Jules Ferry", "x": 497000.4,
     "y": 6615000.2},
    {"row": 2, "category": "Collège", "name": "Collège Henri IV", "x": 497500.0, "y": 6615100.0},
    {"row": 3, "category": "TOILETTES", "name": "WC", "x": 497100.0, "y": 6615000.0},
    {"row": 4, "category": "toilettes", "name": "WC 2", "x": 497200.0, "y": 6615000.0},
    {"row": 5, "category": "MATERNELLE", "name": "Sans lieu", "x": float("nan"),
     "y": float("nan")},
    {"row": 6, "category": "PATINOIRE", "name": "Patinoire", "x": 498000.0, "y": 6616000.0},
]
MAP = "MATERNELLE=C101; COLLEGE=c201; Patinoire=F120"


def test_type_map_entries_are_checked():
    assert parse_type_map(MAP) == {"maternelle": "C101", "college": "C201",
                                   "patinoire": "F120"}
    with pytest.raises(ImportRefusedError, match="write category=TYPEQU"):
        parse_type_map("MATERNELLE=école")


def test_import_left_out_rejected_and_idempotent(tmp_path):
    path = tmp_path / "s.gpkg"
    observatory.create_observatory(path, "Services", 2154)
    conn = observatory.open_observatory(path)
    kwargs = {"source": "ville", "layer": "equipements", "type_map": parse_type_map(MAP),
              "category_field": "Sous_thème"}
    result = import_services_layer(conn, FACILITIES, **kwargs)
    assert result.added == {"services": 3} and result.rows_rejected == 1
    assert result.filtered == {"Sous_thème=TOILETTES: no BPE type given": 2}
    assert [str(w) for w in result.report.warnings] == [
        "equipements, row 6, Sous_thème='F120': code absent from bpe_equipment_types: no label "
        "or range"]
    rows = [tuple(r) for r in conn.execute(
        "SELECT source_id, typequ, label, domain, notes FROM services ORDER BY source_id")]
    assert rows == [("C101|497000|6615000", "C101", "École maternelle", "C",
                     "École Jules Ferry"),
                    ("C201|497500|6615100", "C201", "Collège", "C", "Collège Henri IV"),
                    ("F120|498000|6616000", "F120", None, "F", "Patinoire")]
    again = import_services_layer(conn, list(reversed(FACILITIES)), **kwargs)
    assert (again.total_added, again.total_updated, again.total_unchanged) == (0, 0, 3)
    conn.close()
