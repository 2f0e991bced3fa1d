"""Imports into an older GeoPackage, and imports that SQLite refuses (issue 16).

An import upgrades an older schema inside its own write transaction: a refusal, a failure while
writing or a cancel rolls the upgrade back with the import, so the file is byte for byte as it
was and no copy of it is left behind; a successful import leaves it upgraded, holding the data,
with the copy of the previous file beside it, and both files pass GDAL's validator. A job
refuses an older file until the user upgrades it (``upgrade_geopackage``). SQLite's
errors (a file locked by another program, a full disk) reach the user through the error
boundary's messages, naming the GeoPackage.

Fixture: an observatory built at schema version 7 (:data:`OLD`), empty; the events file of the
fuzzing tests (three events, E1 and E3 with an id, the braderie without one).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.migrations import LATEST_VERSION

from ..conftest import validate_gpkg
from ..unit import test_fuzz_importers as fx

OLD = 7
ROLLED_BACK = (f"The upgrade of its schema from version {OLD} to {LATEST_VERSION}, made in the "
               "same transaction, was rolled back too.")


class Log(QgsProcessingFeedback):
    def __init__(self, canceled: bool = False):
        super().__init__()
        self.infos = []
        if canceled:
            self.cancel()

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.infos.append(info)


def run(alg_id: str, params: dict, feedback=None):
    from qgis import processing

    return processing.run(f"observatoire:{alg_id}", params, feedback=feedback or Log())


def old_socle(tmp_path) -> Path:
    return observatory.create_observatory(tmp_path / "socle.gpkg", "Ancien", version=OLD)


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def version(path) -> int:
    conn = gpkg.connect(path)
    try:
        return observatory.schema_version(conn)
    finally:
        conn.close()


def events_csv(tmp_path) -> str:
    path = tmp_path / "events.csv"
    path.write_bytes(fx.EVENTS)
    return str(path)


def assert_untouched(path, before) -> None:
    assert digest(path) == before
    assert version(path) == OLD
    assert not observatory.backup_path(path, OLD).exists()  # the copy made for it removed


def _bad_parkings(tmp_path):
    bad = tmp_path / "parkings.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    return "import_parking", {"PARKINGS": str(bad)}, (
        "Import failed, the GeoPackage is unchanged: parkings.csv: required column(s) not "
        "found")


def _no_road(tmp_path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:2154&field=name:string", "roads", "memory")
    return "import_roads", {"INPUT": layer}, "No road found in the input: nothing was written."


def _not_a_workbook_export(tmp_path):
    from openpyxl import Workbook

    book = tmp_path / "classeur.xlsx"
    Workbook().save(book)
    return "import_inventory_xlsx", {"INPUT": str(book)}, "Nothing was imported"


def _survey_without_centralities(tmp_path):
    other = tmp_path / "premises.csv"
    other.write_bytes((Path(__file__).resolve().parents[1] / "data" / "survey"
                       / "not_a_questionnaire.csv").read_bytes())
    return "import_survey_responses", {"INPUT": str(other)}, (
        "Cannot import questionnaire answers into this GeoPackage: the GeoPackage holds no "
        "centrality")


def _no_roads_to_build(tmp_path):
    return "build_network", {}, "The roads table holds no line: import roads first."


@pytest.mark.parametrize("case", [_bad_parkings, _no_road, _not_a_workbook_export,
                                  _survey_without_centralities, _no_roads_to_build])
def test_a_refusal_leaves_an_older_file_byte_for_byte(processing_ready, tmp_path, case):
    path = old_socle(tmp_path)
    before = digest(path)
    alg_id, params, expected = case(tmp_path)
    feedback = Log()
    with pytest.raises(QgsProcessingException) as info:
        run(alg_id, {"GEOPACKAGE": str(path), **params}, feedback)
    message = str(info.value)
    assert expected in message
    assert message.endswith(ROLLED_BACK)
    assert_untouched(path, before)
    assert feedback.infos[0] == (
        f"{path} has schema version {OLD}: it is upgraded to {LATEST_VERSION} in the same "
        "transaction as this run, so that neither is written if the run fails or is canceled.")


def test_a_canceled_import_leaves_an_older_file_byte_for_byte(processing_ready, tmp_path):
    path = old_socle(tmp_path)
    before = digest(path)
    with pytest.raises(QgsProcessingException) as info:
        run("import_events", {"GEOPACKAGE": str(path), "INPUT": events_csv(tmp_path)},
            Log(canceled=True))
    assert str(info.value) == f"Import canceled: the GeoPackage is unchanged. {ROLLED_BACK}"
    assert_untouched(path, before)


def test_a_failure_while_writing_rolls_the_upgrade_back(processing_ready, tmp_path,
                                                        monkeypatch):
    """The events are written, then recording the import's rejections fails as on a full
    disk: the events, the upgrade and the copy all go."""
    from observatoire_commerce.ingest.importers import framework

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    path = old_socle(tmp_path)
    before = digest(path)
    monkeypatch.setattr(framework.rejections, "replace_rejections", full)
    with pytest.raises(QgsProcessingException) as info:
        run("import_events", {"GEOPACKAGE": str(path), "INPUT": events_csv(tmp_path)})
    assert str(info.value) == (
        f"The disk holding {path} is full or failing (\"database or disk is full\"): free some "
        f"space, then run again. The GeoPackage was not changed. {ROLLED_BACK}")
    assert_untouched(path, before)


def test_a_successful_import_upgrades_the_file_in_its_transaction(processing_ready, tmp_path):
    path = old_socle(tmp_path)
    feedback = Log()
    result = run("import_events", {"GEOPACKAGE": str(path), "INPUT": events_csv(tmp_path)},
                 feedback)
    backup = observatory.backup_path(path, OLD)
    assert (result["ROWS_READ"], result["ADDED"], result["REJECTED_COUNT"]) == (3, 3, 0)
    assert version(path) == LATEST_VERSION
    conn = gpkg.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM events ORDER BY start_date")]
    conn.close()
    assert names == ["Soldes", "Braderie", "Marché de Noël"]
    assert (f"{path} was upgraded from schema {OLD} to {LATEST_VERSION} in the same "
            f"transaction as this run; a copy of the previous file is kept at {backup}."
            ) in feedback.infos
    assert version(backup) == OLD
    validate_gpkg(path)
    validate_gpkg(backup)


def test_an_import_into_a_current_file_opens_no_upgrade(processing_ready, tmp_path):
    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Actuel")
    feedback = Log()
    run("import_events", {"GEOPACKAGE": str(path), "INPUT": events_csv(tmp_path)}, feedback)
    assert not any("schema" in line for line in feedback.infos)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "socle.gpkg"]


def test_a_job_refuses_an_older_file_until_the_user_upgrades_it(processing_ready, tmp_path):
    """Opening never upgrades: a job on a file of schema 7 is refused, naming the algorithm
    that upgrades it, and the file is byte for byte as it was. ``upgrade_geopackage`` (the
    user's choice) upgrades it, keeping the copy; the job then runs; a second upgrade has
    nothing to do."""
    path = old_socle(tmp_path)
    before = digest(path)
    params = {"GEOPACKAGE": str(path), "NAME": "Inventaire 2025", "START_DATE": "2025-03-01",
              "END_DATE": "2025-04-30"}
    with pytest.raises(QgsProcessingException) as info:
        run("open_campaign", params)
    assert (f"{path} has schema version {OLD}; this version of the plugin works on version "
            f"{LATEST_VERSION}. Upgrade it first with “Upgrade an observatory GeoPackage” "
            "(observatoire:upgrade_geopackage") in str(info.value)
    assert_untouched(path, before)
    log = Log()
    result = run("upgrade_geopackage", {"GEOPACKAGE": str(path)}, log)
    backup = observatory.backup_path(path, OLD)
    assert result == {"OLD_VERSION": OLD, "NEW_VERSION": LATEST_VERSION, "BACKUP": str(backup)}
    assert version(path) == LATEST_VERSION and version(backup) == OLD
    assert digest(backup) != digest(path)
    validate_gpkg(path)
    validate_gpkg(backup)
    assert any(f"kept at {backup}" in line for line in log.infos)
    assert run("open_campaign", params)["CAMPAIGN_UUID"]
    again = run("upgrade_geopackage", {"GEOPACKAGE": str(path)})
    assert again == {"OLD_VERSION": LATEST_VERSION, "NEW_VERSION": LATEST_VERSION, "BACKUP": ""}


def test_a_locked_geopackage_is_named_with_the_boundarys_message(processing_ready, tmp_path):
    """Another program holds the write lock for the whole import (as QGIS does while it
    commits an edit): the message is the error boundary's, naming the file, not SQLite's
    "database is locked"."""
    from observatoire_commerce.processing.errors import user_message

    path = observatory.create_observatory(tmp_path / "socle.gpkg", "Actuel")
    before = digest(path)
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(QgsProcessingException) as info:
            run("import_events", {"GEOPACKAGE": str(path), "INPUT": events_csv(tmp_path)})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(info.value) == user_message(sqlite3.OperationalError("database is locked"),
                                           str(path))
    assert str(info.value).startswith(f"{path} is in use by another program")
    assert digest(path) == before
