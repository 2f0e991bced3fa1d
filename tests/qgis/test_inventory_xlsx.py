"""Partner exchange: a campaign's inventory to Excel and back (export/import_inventory_xlsx).

Fixture (hand-built): one centrality "Centre-ville" (a 100 m square), three premises and the
campaign "Inventaire 2024" with one observation each:

==== ======= ============= ========= ====== ================= ===== ======== ============
row  premise address       area (m²) obs.   status            group NAF      chain
==== ======= ============= ========= ====== ================= ===== ======== ============
2    p-1     1 rue Carnot  80        o-1    occupied          alimentaire 47.11D independent
3    p-2     2 rue Carnot  120       o-2    vacant            -     -        -
4    p-3     3 rue Magenta (empty)   o-3    occupied          services_marchands - chain
==== ======= ============= ========= ====== ================= ===== ======== ============

Rows 2 and 3 lie in the centrality (listed first, by street and address), row 4 outside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

import pytest
from openpyxl import Workbook, load_workbook
from qgis.core import QgsProcessingException, QgsVectorLayer

from observatoire_commerce.store import geometry, gpkg, observatory

from ..conftest import validate_gpkg

SRS = 2154
STATUS_CODES = "occupied, vacant, works, other_use, demolished, unknown"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def observation(path, uuid) -> dict:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT status, activity_group, naf_code, sign_name, chain_type, "
                           "agent, visit_state FROM premise_observations WHERE uuid = ?",
                           (uuid,)).fetchone()
        return dict(row)
    finally:
        conn.close()


def floor_area(path, uuid):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT floor_area FROM premises WHERE uuid = ?",
                            (uuid,)).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def inventory_gpkg(tmp_path):
    path = observatory.create_observatory(tmp_path / "inventory.gpkg", "Test")
    conn = observatory.open_observatory(path)
    square = [[[(500000.0, 6600000.0), (500100.0, 6600000.0), (500100.0, 6600100.0),
                (500000.0, 6600100.0), (500000.0, 6600000.0)]]]
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('c-1', 'Centre-ville', 'primary', ?)",
                     (geometry.encode("multipolygon", square, SRS),))
        for uuid, address, street, area, x in (
                ("p-1", "1 rue Carnot", "rue Carnot", 80, 500010.0),
                ("p-2", "2 rue Carnot", "rue Carnot", 120, 500020.0),
                ("p-3", "3 rue Magenta", "rue Magenta", None, 500500.0)):
            conn.execute("INSERT INTO premises (uuid, address, street, commune_code, floor_area, "
                         "geom) VALUES (?, ?, ?, '86194', ?, ?)",
                         (uuid, address, street, area,
                          geometry.encode_point(x, 6600050.0, SRS)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('k-2024', 'Inventaire 2024', 2024, '2024-10-01', '2024-11-30', "
                     "'open')")
        for uuid, premise, status, group, naf, sign, chain in (
                ("o-1", "p-1", "occupied", "alimentaire", "47.11D", "Épicerie Martin",
                 "independent"),
                ("o-2", "p-2", "vacant", None, None, None, None),
                ("o-3", "p-3", "occupied", "services_marchands", None, "Banque", "chain")):
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                         "status, activity_group, naf_code, sign_name, chain_type, visit_state) "
                         "VALUES (?, ?, 'k-2024', ?, ?, ?, ?, ?, 'to_confirm')",
                         (uuid, premise, status, group, naf, sign, chain))
        gpkg.update_extent(conn, "premises")
        gpkg.update_extent(conn, "centralities")
    conn.close()
    return path


@pytest.fixture
def exported(inventory_gpkg, run_alg, tmp_path):
    target = tmp_path / "inventaire.xlsx"
    result = run_alg("export_inventory_xlsx", {"GEOPACKAGE": str(inventory_gpkg),
                                               "CAMPAIGN": "", "OUTPUT": str(target)})
    assert result == {"OUTPUT": str(target), "ROWS": 3, "CAMPAIGN_NAME": "Inventaire 2024"}
    return target


def run_import(run_alg, gpkg_path, workbook, agent="CCI Vienne"):
    result = run_alg("import_inventory_xlsx", {"GEOPACKAGE": str(gpkg_path),
                                               "INPUT": str(workbook), "AGENT": agent,
                                               "OUTPUT_ERRORS": "memory:"})
    errors = [(int(f["row"]), f["column"], f["value"], f["code"])
              for f in result.pop("OUTPUT_ERRORS").getFeatures()]
    return result, errors


def test_exported_workbook(exported):
    workbook = load_workbook(exported)
    assert workbook.sheetnames == ["Lisez-moi", "Inventaire", "Listes", "Codes", "_export"]
    assert [workbook[s].sheet_state for s in workbook.sheetnames] == [
        "visible", "visible", "hidden", "visible", "veryHidden"]
    sheet = workbook["Inventaire"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Identifiant observation", "Identifiant local", "Centralité", "Adresse",
                       "Commune (INSEE)", "Surface (m²)", "Statut", "Groupe d'activité",
                       "Code NAF", "Enseigne", "Type d'enseigne", "Remarques", "Relevé par",
                       "Relevé le")
    assert rows[1:] == [
        ("o-1", "p-1", "Centre-ville", "1 rue Carnot", "86194", 80, "occupied", "alimentaire",
         "47.11D", "Épicerie Martin", "independent", None, None, None),
        ("o-2", "p-2", "Centre-ville", "2 rue Carnot", "86194", 120, "vacant", None, None, None,
         None, None, None, None),
        ("o-3", "p-3", None, "3 rue Magenta", "86194", None, "occupied", "services_marchands",
         None, "Banque", "chain", None, None, None)]
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert validations == {"G2:G4": "=Listes!$A$2:$A$7", "H2:H4": "=Listes!$B$2:$B$11",
                           "K2:K4": "=Listes!$C$2:$C$4"}
    codes = list(workbook["Codes"].iter_rows(values_only=True))
    assert ("Statut", "vacant", "Vacant") in codes
    assert ("Groupe d'activité", "alimentaire", "Alimentaire") in codes
    assert ("Type d'enseigne", "chain", "Enseigne nationale (succursale)") in codes
    assert ("Surface (m²)", "oui", "Surface de vente en m², nombre supérieur à 0 (vide si "
            "inconnue).") in codes


def test_excel_round_trip(inventory_gpkg, exported, run_alg, tmp_path):
    workbook = load_workbook(exported)
    sheet = workbook["Inventaire"]
    sheet["G2"], sheet["H2"], sheet["J2"] = "vacant", None, None        # o-1 closed down
    sheet["G3"], sheet["H3"], sheet["K3"] = "occupied", "cafes_hotels_restaurants", "franchise"
    sheet["F3"] = "95,5"                                                # p-2 floor area
    edited = tmp_path / "retour_cci.xlsx"
    workbook.save(edited)

    result, errors = run_import(run_alg, inventory_gpkg, edited)
    assert errors == []
    assert result == {"ROWS_READ": 3, "INVALID_ROWS": 0, "UPDATED_OBSERVATIONS": 2,
                      "UPDATED_PREMISES": 1, "UNCHANGED": 1, "WRITTEN": True,
                      # the counts every import returns: rows 2 and 3 updated (p-2's floor
                      # area is on row 3)
                      "ADDED": 0, "UPDATED": 2, "REJECTED_COUNT": 0, "WARNINGS": 0}
    assert observation(inventory_gpkg, "o-1") == {
        "status": "vacant", "activity_group": None, "naf_code": "47.11D", "sign_name": None,
        "chain_type": "independent", "agent": "CCI Vienne", "visit_state": "changed"}
    assert observation(inventory_gpkg, "o-2") == {
        "status": "occupied", "activity_group": "cafes_hotels_restaurants", "naf_code": None,
        "sign_name": None, "chain_type": "franchise", "agent": "CCI Vienne",
        "visit_state": "changed"}
    assert observation(inventory_gpkg, "o-3") == {
        "status": "occupied", "activity_group": "services_marchands", "naf_code": None,
        "sign_name": "Banque", "chain_type": "chain", "agent": None, "visit_state": "to_confirm"}
    assert floor_area(inventory_gpkg, "p-2") == 95.5
    assert floor_area(inventory_gpkg, "p-1") == 80
    validate_gpkg(inventory_gpkg)

    # importing the same workbook again changes nothing
    again, errors = run_import(run_alg, inventory_gpkg, edited)
    assert (errors, again["UPDATED_OBSERVATIONS"], again["UNCHANGED"]) == ([], 0, 3)


def test_invalid_rows_are_refused_row_by_row(inventory_gpkg, exported, run_alg, tmp_path):
    workbook = load_workbook(exported)
    sheet = workbook["Inventaire"]
    sheet["J2"] = "Épicerie Dupont"           # a valid change: not written either
    sheet["G2"] = "occupe"                    # not a status code
    sheet["G3"] = "occupied"                  # occupied without an activity group
    sheet["F4"], sheet["K4"] = -5, "chaine"   # negative floor area, unknown chain type
    sheet["I4"] = "4711D"                     # NAF code without its dot
    bad = tmp_path / "retour_errone.xlsx"
    workbook.save(bad)
    before = digest(inventory_gpkg)

    result, errors = run_import(run_alg, inventory_gpkg, bad)
    assert errors == [
        (2, "Statut", "occupe", "unknown_code"),
        (3, "Groupe d'activité", "", "missing_required"),
        (4, "Type d'enseigne", "chaine", "unknown_code"),
        (4, "Surface (m²)", "-5", "not_positive"),
        (4, "Code NAF", "4711D", "invalid_format")]
    assert result == {"ROWS_READ": 3, "INVALID_ROWS": 3, "UPDATED_OBSERVATIONS": 0,
                      "UPDATED_PREMISES": 0, "UNCHANGED": 0, "WRITTEN": False,
                      "ADDED": 0, "UPDATED": 0, "REJECTED_COUNT": 3, "WARNINGS": 0}
    assert digest(inventory_gpkg) == before


def test_error_messages_say_what_was_expected(inventory_gpkg, exported, tmp_path):
    from observatoire_commerce.fieldwork import inventory_xlsx

    workbook = load_workbook(exported)
    workbook["Inventaire"]["G2"] = "occupe"
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    conn = gpkg.connect(inventory_gpkg)
    outcome = inventory_xlsx.import_inventory(conn, bad)
    conn.close()
    assert outcome.problems == [inventory_xlsx.Problem(
        2, "Statut", "occupe", f"a status code ({STATUS_CODES})", "unknown_code")]


def test_conflict_with_an_edit_made_since_the_export(inventory_gpkg, exported, run_alg,
                                                     tmp_path):
    conn = gpkg.connect(inventory_gpkg)
    with gpkg.transaction(conn):   # a field agent's sync after the export
        conn.execute("UPDATE premise_observations SET status = 'works', "
                     "activity_group = NULL WHERE uuid = 'o-3'")
    conn.close()
    workbook = load_workbook(exported)
    workbook["Inventaire"]["G4"] = "vacant"
    workbook["Inventaire"]["H4"] = None
    edited = tmp_path / "retour.xlsx"
    workbook.save(edited)
    before = digest(inventory_gpkg)
    result, errors = run_import(run_alg, inventory_gpkg, edited)
    assert errors == [(4, "Statut", "vacant", "conflict")]
    assert result["WRITTEN"] is False
    assert digest(inventory_gpkg) == before


def test_rows_cannot_be_added_nor_repeated(inventory_gpkg, exported, run_alg, tmp_path):
    workbook = load_workbook(exported)
    sheet = workbook["Inventaire"]
    sheet.append(["o-999", "p-999", None, "9 rue Neuve", "86194", 50, "occupied", "alimentaire"])
    sheet.append(["o-1", "p-1", None, "1 rue Carnot", "86194", 80, "occupied", "alimentaire"])
    edited = tmp_path / "retour.xlsx"
    workbook.save(edited)
    result, errors = run_import(run_alg, inventory_gpkg, edited)
    assert errors == [(5, "Identifiant observation", "o-999", "unknown_row"),
                      (6, "Identifiant observation", "o-1", "duplicate")]
    assert result["WRITTEN"] is False


def test_a_workbook_that_is_not_an_inventory_is_refused(inventory_gpkg, run_alg, tmp_path):
    other = tmp_path / "autre.xlsx"
    workbook = Workbook()
    workbook.active.append(["uuid", "status"])
    workbook.save(other)
    before = digest(inventory_gpkg)
    with pytest.raises(QgsProcessingException, match="not an inventory workbook"):
        run_import(run_alg, inventory_gpkg, other)
    assert digest(inventory_gpkg) == before


def test_unknown_campaign(inventory_gpkg, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="unknown campaign 'Inventaire 1999'"):
        run_alg("export_inventory_xlsx", {"GEOPACKAGE": str(inventory_gpkg),
                                          "CAMPAIGN": "Inventaire 1999",
                                          "OUTPUT": str(tmp_path / "x.xlsx")})


def test_errors_output_is_a_table(inventory_gpkg, exported, run_alg, tmp_path):
    workbook = load_workbook(exported)
    workbook["Inventaire"]["G2"] = None
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    target = tmp_path / "erreurs.csv"
    run_alg("import_inventory_xlsx", {"GEOPACKAGE": str(inventory_gpkg), "INPUT": str(bad),
                                      "OUTPUT_ERRORS": str(target)})
    layer = QgsVectorLayer(str(target), "errors", "ogr")
    assert [f.attributes()[1:] for f in layer.getFeatures()] == [
        ["Statut", "", f"a status code ({STATUS_CODES})", "missing_required"]]


def test_the_errors_table_is_optional(inventory_gpkg, exported, processing_ready, tmp_path):
    """As qgis_process runs it without OUTPUT_ERRORS (issue 14): a temporary table."""
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    alg = QgsApplication.processingRegistry().algorithmById(
        "observatoire:import_inventory_xlsx")
    assert alg.parameterDefinition("OUTPUT_ERRORS").flags() & \
        QgsProcessingParameterDefinition.FlagOptional
    workbook = load_workbook(exported)
    workbook["Inventaire"]["G2"] = None
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    result = processing.run("observatoire:import_inventory_xlsx",
                            {"GEOPACKAGE": str(inventory_gpkg), "INPUT": str(bad)})
    assert (result["INVALID_ROWS"], result["WRITTEN"]) == (1, False)
    assert [(f["row"], f["column"], f["code"]) for f in result["OUTPUT_ERRORS"].getFeatures()
            ] == [(2, "Statut", "missing_required")]


def test_missing_openpyxl_gives_a_clear_message(inventory_gpkg, run_alg, tmp_path, monkeypatch):
    from observatoire_commerce import dependencies

    monkeypatch.setattr(dependencies, "missing", lambda names: ["openpyxl"])
    before = digest(inventory_gpkg)
    with pytest.raises(QgsProcessingException, match=r"openpyxl \(Debian/Ubuntu: "
                                                     r"python3-openpyxl; pip: openpyxl\)"):
        run_alg("export_inventory_xlsx", {"GEOPACKAGE": str(inventory_gpkg), "CAMPAIGN": "",
                                          "OUTPUT": str(tmp_path / "x.xlsx")})
    assert digest(inventory_gpkg) == before


@pytest.mark.parametrize("cell, shown, code", [
    ("85 m2", "85 m2", "not_a_number"),
    (dt.datetime(2024, 5, 1), "2024-05-01T00:00:00", "not_a_number"),
    (True, "True", "not_a_number"),
    ("inf", "inf", "not_finite"),
    ("1e999", "1e999", "not_finite"),
    ("Infinity", "Infinity", "not_finite"),
    ("-Infinity", "-Infinity", "not_finite"),
    ("NaN", "NaN", "not_finite"),
    (0, "0", "not_positive"),
    ("2 000 000", "2 000 000", "too_large"),
])
def test_a_floor_area_that_is_not_a_finite_number_is_a_cell_error(
        inventory_gpkg, exported, run_alg, tmp_path, cell, shown, code):
    workbook = load_workbook(exported)
    workbook["Inventaire"]["F3"] = cell    # p-2's floor area
    bad = tmp_path / "surface.xlsx"
    workbook.save(bad)
    before = digest(inventory_gpkg)
    result, errors = run_import(run_alg, inventory_gpkg, bad)
    assert errors == [(3, "Surface (m²)", shown, code)]
    assert result["WRITTEN"] is False
    assert digest(inventory_gpkg) == before
    assert floor_area(inventory_gpkg, "p-2") == 120


def test_a_floor_area_with_a_decimal_comma_and_spaces_is_read(inventory_gpkg, exported, run_alg,
                                                              tmp_path):
    workbook = load_workbook(exported)
    workbook["Inventaire"]["F2"] = "1\u202f234,5"    # French typing: narrow no-break space
    workbook["Inventaire"]["F3"] = "85,5"
    edited = tmp_path / "surfaces.xlsx"
    workbook.save(edited)
    result, errors = run_import(run_alg, inventory_gpkg, edited)
    assert errors == [] and result["UPDATED_PREMISES"] == 2
    assert (floor_area(inventory_gpkg, "p-1"), floor_area(inventory_gpkg, "p-2")) == (1234.5,
                                                                                      85.5)


FORMULAS = {
    ("observation", "o-1", "sign_name"): '=HYPERLINK("http://evil.example/x","Épicerie")',
    ("observation", "o-2", "notes"): "+33 5 49 00 00 00",
    ("observation", "o-3", "sign_name"): "-2+3+cmd|' /C calc'!A0",
    ("premise", "p-1", "address"): "@SUM(1+1)*cmd|' /C calc'!A0",
    ("premise", "p-2", "address"): "\t=1+1",
    ("premise", "p-3", "address"): "\r=2+2",
}


def test_excel_export_writes_no_formula(inventory_gpkg, run_alg, tmp_path):
    """Values from the data that Excel or LibreOffice would evaluate (=, +, -, @, a leading
    tab or carriage return) are text cells in every sheet, and come back unchanged."""
    import zipfile

    conn = gpkg.connect(inventory_gpkg)
    with gpkg.transaction(conn):
        for (kind, uuid, column), text in FORMULAS.items():
            table = "premise_observations" if kind == "observation" else "premises"
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE uuid = ?", (text, uuid))
        conn.execute("UPDATE campaigns SET name = '=1+2' WHERE uuid = 'k-2024'")
        conn.execute("UPDATE chain_types SET label_fr = '=3+4' WHERE code = 'chain'")
        conn.execute("UPDATE observatory_meta SET value = '@territoire' WHERE key = "
                     "'territory'")
    conn.close()
    target = tmp_path / "inventaire.xlsx"
    run_alg("export_inventory_xlsx", {"GEOPACKAGE": str(inventory_gpkg), "CAMPAIGN": "",
                                      "OUTPUT": str(target)})
    with zipfile.ZipFile(target) as archive:
        sheets = {n: archive.read(n).decode() for n in archive.namelist()
                  if n.startswith("xl/worksheets/")}
    assert len(sheets) == 5 and not [n for n, xml in sheets.items() if "<f>" in xml]
    workbook = load_workbook(target)   # formulas as written, not values
    texts = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r":
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    texts.setdefault(cell.value, set()).add(sheet.title)
    for text in FORMULAS.values():
        assert texts[text] >= {"Inventaire"}, text
    for text in ('=HYPERLINK("http://evil.example/x","Épicerie")', "+33 5 49 00 00 00",
                 "@SUM(1+1)*cmd|' /C calc'!A0"):
        assert "_export" in texts[text]            # the very hidden sheet too
    assert "=3+4" in texts and "Codes" in texts["=3+4"]
    assert texts["=1+2"] == {"_export"}
    readme = workbook["Lisez-moi"]["A2"]
    assert readme.value.startswith("Campagne : =1+2 — territoire : @territoire")
    before = digest(inventory_gpkg)
    result, errors = run_import(run_alg, inventory_gpkg, target)   # values come back as text
    assert errors == [] and result["UNCHANGED"] == 3 and result["WRITTEN"] is False
    assert digest(inventory_gpkg) == before


@pytest.mark.parametrize("wal", [False, True], ids=["rollback_journal", "wal"])
def test_a_commit_between_the_check_and_the_write_is_not_overwritten(
        inventory_gpkg, exported, run_alg, tmp_path, monkeypatch, wal):
    """Issue 16: another program (QGIS saving a layer, a field sync) commits a change to o-1's
    status right after the import has read the current values; the workbook changes the same
    cell. Writing the workbook's value would overwrite that commit: the import is refused,
    nothing of the workbook is written, and the other program's edit stays. In WAL mode the
    commit stays in the -wal file (the main file's size and time do not move)."""
    from observatoire_commerce.fieldwork import inventory_xlsx
    from observatoire_commerce.store import fieldwork as store_fieldwork

    if wal:
        setup = sqlite3.connect(inventory_gpkg)
        setup.execute("PRAGMA journal_mode = WAL")
        setup.close()
    workbook = load_workbook(exported)
    workbook["Inventaire"]["G2"], workbook["Inventaire"]["H2"] = "vacant", None  # o-1
    workbook["Inventaire"]["J3"] = "Fleuriste"                                  # o-2
    edited = tmp_path / "retour.xlsx"
    workbook.save(edited)
    read = store_fieldwork.observations_with_premises
    others = []

    def read_then_another_program_commits(conn, campaign_uuid):
        rows = read(conn, campaign_uuid)
        other = sqlite3.connect(inventory_gpkg, isolation_level=None)
        if wal:
            other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("UPDATE premise_observations SET status = 'works', "
                      "activity_group = NULL WHERE uuid = 'o-1'")
        others.append(other)   # kept open: in WAL mode the commit stays in the -wal
        return rows

    monkeypatch.setattr(store_fieldwork, "observations_with_premises",
                        read_then_another_program_commits)
    conn = gpkg.connect(inventory_gpkg)
    try:
        with pytest.raises(gpkg.FileChangedError, match="inventory.gpkg was changed by "
                                                        "another program.*nothing was written"):
            inventory_xlsx.import_inventory(conn, edited, agent="CCI Vienne")
        assert not conn.in_transaction
    finally:
        conn.close()
    monkeypatch.undo()
    assert len(others) == 1
    if wal:
        assert (inventory_gpkg.parent / "inventory.gpkg-wal").stat().st_size > 0
    assert observation(inventory_gpkg, "o-1")["status"] == "works"           # kept
    assert observation(inventory_gpkg, "o-2")["sign_name"] is None           # nothing written
    others[0].close()

    # run again: the edit made meanwhile is now a conflict of the cell, reported as such
    result, errors = run_import(run_alg, inventory_gpkg, edited)
    assert errors == [(2, "Statut", "vacant", "conflict")] and result["WRITTEN"] is False
    assert observation(inventory_gpkg, "o-1")["status"] == "works"


def test_the_algorithm_reports_a_file_changed_meanwhile(inventory_gpkg, exported, run_alg,
                                                         tmp_path, monkeypatch):
    from observatoire_commerce.store import fieldwork as store_fieldwork

    workbook = load_workbook(exported)
    workbook["Inventaire"]["J3"] = "Fleuriste"
    edited = tmp_path / "retour.xlsx"
    workbook.save(edited)
    read = store_fieldwork.observations_with_premises

    def read_then_another_program_commits(conn, campaign_uuid):
        rows = read(conn, campaign_uuid)
        other = sqlite3.connect(inventory_gpkg, isolation_level=None)
        other.execute("UPDATE premise_observations SET notes = 'vu' WHERE uuid = 'o-3'")
        other.close()
        return rows

    monkeypatch.setattr(store_fieldwork, "observations_with_premises",
                        read_then_another_program_commits)
    with pytest.raises(QgsProcessingException, match="Nothing was imported: inventory.gpkg was "
                                                     "changed by another program"):
        run_import(run_alg, inventory_gpkg, edited)
    assert observation(inventory_gpkg, "o-2")["sign_name"] is None


def _with_extra_members(source, target, members: int = 0, expanded_mb: int = 0):
    """The exported workbook (still a valid inventory openpyxl opens) plus ``members`` tiny
    parts, or a part of ``expanded_mb`` MB of blanks compressed about 1 000 times."""
    import zipfile

    with zipfile.ZipFile(source) as old, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for i in range(members):
            new.writestr(f"xl/media/image{i}.png", b"x")
        if expanded_mb:
            with new.open("xl/media/padding.bin", "w", force_zip64=True) as handle:
                for _ in range(expanded_mb):
                    handle.write(b" " * (1 << 20))
    return target


@pytest.mark.parametrize("members, expanded_mb, message", [
    (1000, 0, r"Nothing was imported: bomb.xlsx: 10\d\d files in the archive, more than the "
              r"1000 accepted"),
    (0, 300, r"Nothing was imported: bomb.xlsx: expands to 30\d MB, more than the 256 MB "
             r"accepted \(a workbook this large is not an export of the observatory"),
    (0, 50, r"Nothing was imported: bomb.xlsx: xl/media/padding.bin expands \d+ times \(50 MB\)"),
])
def test_a_zip_bomb_workbook_is_refused_before_openpyxl_opens_it(
        inventory_gpkg, exported, run_alg, tmp_path, monkeypatch, members, expanded_mb,
        message):
    """Issue 16: the workbook goes through the limits of every archive the plugin reads
    (ingest.sources.archive); openpyxl never sees it, the GeoPackage is unchanged."""
    import openpyxl

    workbook = load_workbook(exported)
    workbook["Inventaire"]["J3"] = "Fleuriste"
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    bomb = _with_extra_members(edited, tmp_path / "bomb.xlsx", members, expanded_mb)
    assert bomb.stat().st_size < 2 * 2 ** 20

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    before = digest(inventory_gpkg)
    with pytest.raises(QgsProcessingException, match=message):
        run_import(run_alg, inventory_gpkg, bomb)
    assert digest(inventory_gpkg) == before
