"""ingest.sources.survey_exports: Kobo / ODK exports read on the importers' shared path
(issues 13, 14, 16): conventions detected and noted, rows that cannot be split rejected by the
validation, workbooks put through the archive limits (no QGIS).

The fixture is tests/data/survey/kobo_export.csv (UTF-8, ``;``, 7 submissions of which rows 4
to 7 are bad; see test_kobo_import.py), re-encoded or re-separated here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from observatoire_commerce.ingest.sources import archive
from observatoire_commerce.ingest.sources.report import SourceError
from observatoire_commerce.ingest.sources.survey_exports import read_submissions
from observatoire_commerce.survey_forms.kobo_import import Rejection, validate_export
from observatoire_commerce.survey_forms.model import Centrality
from observatoire_commerce.survey_forms.questionnaire import build_questionnaire

KOBO = Path(__file__).resolve().parents[1] / "data" / "survey" / "kobo_export.csv"


@pytest.fixture(scope="module")
def questionnaire():
    return build_questionnaire([Centrality("centre_ville", "Centre-ville", "c-uuid-1"),
                                ("gare", "Quartier de la gare")])


def _rows(result):
    return ([{k: v for k, v in r.items() if k != "source_file"} for r in result.responses],
            [(r.row, r.field, r.value, r.code) for r in result.rejected])


def test_the_conventions_detected_are_noted(tmp_path, questionnaire):
    text = KOBO.read_text(encoding="utf-8")
    reference = validate_export(read_submissions(KOBO), questionnaire)
    cases = {
        "utf8.csv": (text.encode("utf-8"), "UTF-8", "semicolon"),
        "bom.csv": (text.encode("utf-8-sig"), "UTF-8", "semicolon"),
        "utf16.csv": (text.encode("utf-16"), "UTF-16", "semicolon"),
        "windows.csv": (text.replace("Une librairie", "Une librairie-café").encode("cp1252"),
                        "Windows-1252", "semicolon"),
        "tab.txt": (text.replace(";", "\t").encode("utf-8"), "UTF-8", "tab"),
        "pipe.csv": (text.replace(";", "|").encode("utf-8"), "UTF-8", "pipe"),
    }
    for name, (data, encoding, separator) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        table = read_submissions(path)
        assert table.report.conventions == {name: {"encoding": encoding,
                                                   "separator": separator}}, name
        result = validate_export(table, questionnaire)
        assert result.file == name
        if name != "windows.csv":
            assert _rows(result) == _rows(reference), name
    assert [w.reason for w in read_submissions(tmp_path / "windows.csv").report.warnings] == [
        "file is not UTF-8: read as Windows-1252"]


def test_the_sheet_read_is_noted(tmp_path, questionnaire):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "readme"
    sheet = workbook.create_sheet("submissions")
    for line in KOBO.read_text(encoding="utf-8").splitlines():
        sheet.append([cell or None for cell in line.split(";")] + [None, None])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    table = read_submissions(path, sheet="submissions")
    assert table.report.conventions == {"export.xlsx": {"sheet": "submissions"}}
    assert table.header[-1] == "_index"      # the empty cells after the last header dropped
    assert validate_export(table, questionnaire).rows_read == 7


def test_a_row_with_more_cells_than_the_header_is_rejected(tmp_path, questionnaire):
    """Before, the extra cells were dropped without a word; a row longer than the header is
    usually shifted (a separator inside an unquoted answer): it is read and rejected."""
    lines = KOBO.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1] + ";stray;cells"
    path = tmp_path / "shifted.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate_export(read_submissions(path), questionnaire)
    n = len(lines[0].split(";"))
    assert result.rows_read == 7
    assert result.rejected[0] == Rejection(
        "shifted.csv", 2, "", lines[1][:80], "malformed_row",
        f"{n} cells as in the header, found {n + 2}")
    assert result.rejected_rows == [2, 4, 5, 6, 7]
    assert [r["source_row"] for r in result.responses] == [3, 8]


def test_reading_refusals_name_the_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match="empty.csv: the file is empty"):
        read_submissions(empty)
    with pytest.raises(SourceError, match="absent.csv: no such file"):
        read_submissions(tmp_path / "absent.csv")
    other = tmp_path / "answers.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(SourceError, match="answers.json: expected a .xlsx or .csv export, "
                                          "got '.json'"):
        read_submissions(other)
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"\x00\x01 not a zip at all")
    with pytest.raises(SourceError, match="garbage.xlsx: not a readable .xlsx workbook"):
        read_submissions(garbage)


def bomb_workbook(path: Path, *, members: int = 0, expanded_mb: int = 0) -> Path:
    """A zip that looks like an .xlsx: its content types and one sheet, plus ``members``
    tiny parts or a part of ``expanded_mb`` MB of blanks (compressed about 1 000 times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        for i in range(members):
            zf.writestr(f"xl/media/image{i}.png", b"x")
        if expanded_mb:
            with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
                chunk = b" " * (1 << 20)
                for _ in range(expanded_mb):
                    handle.write(chunk)
    return path


def test_workbooks_go_through_the_archive_limits(tmp_path, monkeypatch):
    bomb = bomb_workbook(tmp_path / "answers.xlsx", expanded_mb=300)
    assert bomb.stat().st_size < 2 * 2 ** 20
    with pytest.raises(SourceError, match=r"^answers.xlsx: expands to 300 MB, more than the "
                                          r"256 MB accepted \(a workbook this large"):
        read_submissions(bomb)
    ratio = bomb_workbook(tmp_path / "ratio.xlsx", expanded_mb=20)
    with pytest.raises(SourceError, match=r"^ratio.xlsx: xl/worksheets/sheet1.xml expands "
                                          r"[0-9]+ times \(20 MB\)"):
        read_submissions(ratio)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 50)
    many = bomb_workbook(tmp_path / "many.xlsx", members=60)
    with pytest.raises(SourceError, match="^many.xlsx: 62 files in the archive, more than the "
                                          "50 accepted"):
        read_submissions(many)
