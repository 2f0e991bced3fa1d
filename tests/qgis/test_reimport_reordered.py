"""Every importer keys its rows on the source's own identifiers (issue 14): importing the same
file a second time with its rows (CSV), features (GeoJSON) or feed rows (GTFS) in the reverse
order adds, updates and rejects nothing, and leaves every table's content as it was.

The fixtures are those of ``test_imports._importer_inputs`` (one small valid file per
importer); only the order of their rows changes between the two imports.
"""

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from observatoire_commerce.store import gpkg

from .test_imports import IMPORTERS, _importer_inputs, add_survey_centralities, build

#: Importers left out, and why: their rows are not keyed on a source identifier by design.
NOT_KEYED = {
    "import_roads": "replaces the road network (and its topology) as a whole by default; "
                    "appending adds the lines again",
    "import_inventory_xlsx": "applies a partner's edits to a campaign's observations in place, "
                             "rows keyed by observation uuid (test_inventory_xlsx: importing "
                             "the same workbook again changes nothing)",
}
KEYED = [alg for alg in IMPORTERS if alg not in NOT_KEYED]

# tables that record the runs themselves rather than the data
RUN_TABLES = {"import_rejections", "sqlite_sequence"}
# when a source last listed a row: moved forward by every import, by design
RUN_COLUMNS = {"last_seen"}


def reversed_csv(data: bytes) -> bytes:
    """The header, then the data lines in the reverse order (blank lines dropped)."""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    lines = [line for line in data.split(newline) if line.strip()]
    return newline.join(lines[:1] + lines[:0:-1]) + newline


def reversed_copy(source: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / source.name
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
            for name in zin.namelist()[::-1]:
                data = zin.read(name)
                zout.writestr(name, reversed_csv(data) if name.endswith(".txt") else data)
    elif source.suffix in (".geojson", ".json"):
        doc = json.loads(source.read_bytes())
        doc["features"] = doc["features"][::-1]
        target.write_text(json.dumps(doc), encoding="utf-8")
    elif source.suffix in (".csv", ".txt"):
        target.write_bytes(reversed_csv(source.read_bytes()))
    else:
        shutil.copyfile(source, target)
    return target


def content(path) -> dict:
    """Every data table's rows, sorted, as text (run records left out)."""
    conn = gpkg.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'gpkg%' "
            "AND name NOT LIKE 'rtree%'")]
        out = {}
        for name in names:
            if name in RUN_TABLES:
                continue
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')
                       if r[1] not in RUN_COLUMNS]
            out[name] = sorted(repr(tuple(row)) for row in conn.execute(
                "SELECT {} FROM \"{}\"".format(", ".join(f'"{c}"' for c in columns), name)))
        return out
    finally:
        conn.close()


def test_reversed_csv_keeps_the_header_first():
    assert reversed_csv(b"id;n\r\n1;a\r\n2;b\r\n\r\n") == b"id;n\r\n2;b\r\n1;a\r\n"
    assert reversed_csv(b"h\n1\n2\n3") == b"h\n3\n2\n1\n"


@pytest.mark.parametrize("alg_id", KEYED)
def test_a_reordered_file_imported_again_changes_nothing(alg_id, processing_ready, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def run(alg, params):
        return processing.run(f"observatoire:{alg}", {"GEOPACKAGE": str(path), **params},
                              context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    path = build(tmp_path / "s.gpkg")
    all_inputs = _importer_inputs(tmp_path)
    if alg_id == "import_ridership":  # ridership refers to the feed's stops and routes
        run("import_gtfs", all_inputs["import_gtfs"][0])
    if alg_id == "import_parking_sessions":  # sessions refer to the car parks
        run("import_parking", all_inputs["import_parking"][0])
    if alg_id == "import_survey_responses":  # answers refer to the centralities
        add_survey_centralities(path)
    inputs = all_inputs[alg_id][0]
    first = run(alg_id, inputs)
    assert first["ADDED"] + first["UPDATED"] > 0, first
    before = content(path)

    reordered = {}
    for key, value in inputs.items():
        candidate = Path(str(value))
        is_file = isinstance(value, str) and candidate.suffix and candidate.is_file()
        reordered[key] = (str(reversed_copy(candidate, tmp_path / "reordered"))
                          if is_file else value)
    assert reordered != inputs, "the fixture has a file to reorder"
    second = run(alg_id, reordered)
    assert (second["ADDED"], second["UPDATED"], second["REJECTED_COUNT"]) == (
        0, 0, first["REJECTED_COUNT"]), second
    after = content(path)
    changed = sorted(name for name in before if before[name] != after.get(name))
    assert not changed, (f"{alg_id}: a reordered re-import changed {changed}",
                         [(sorted(set(before[n]) - set(after[n]))[:2],
                           sorted(set(after[n]) - set(before[n]))[:2]) for n in changed])
