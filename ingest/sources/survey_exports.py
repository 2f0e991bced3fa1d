"""Questionnaire exports of KoboToolbox and ODK Central read as a table of cells.

This module reads the file, on the path every importer shares; the questionnaire's rules are
checked by :func:`survey_forms.kobo_import.validate_export`, which knows the questionnaire
(``ingest`` and ``survey_forms`` do not import each other: the import algorithm reads with one
and validates with the other).

- ``.csv`` / ``.txt``: :func:`.tabular.read_csv_text`, the reading of every CSV importer:
  encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252), separator (``,``
  ``;`` tab ``|``), answers of any length, blank rows skipped; what was detected is in
  ``report.conventions``. Every cell is text. A row with more cells than the header cannot be
  read: it is listed in :attr:`SubmissionTable.unreadable` (the validation rejects it).
- ``.xlsx`` / ``.xlsm``: put through the archive limits (:func:`.archive.check_workbook`), then
  read with openpyxl in read-only mode, the first sheet or the one named; cells keep their
  types (numbers, dates).

Header names are cleaned as in every importer (:func:`.tabular.clean_header`: spaces, BOM;
a blank name becomes ``column_N``). A file that cannot be read raises :class:`SourceError`
naming the file and the cause. No qgis import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple, Union

from ...i18n import tr
from .archive import check_workbook
from .report import ImportReport, SourceError
from .tabular import Conventions, clean_header, read_csv_text

PathLike = Union[str, Path]
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt")


@dataclass
class SubmissionTable:
    """The cells of an export: ``rows`` are ``(row number in the file, header = 1, values)``;
    ``unreadable`` rows are ``(row, the row's text, reason)``; ``report`` holds the detected
    conventions and the warnings (blank rows, duplicate column names, not UTF-8)."""

    file: str
    header: List[str]
    rows: List[Tuple[int, list]] = field(default_factory=list)
    unreadable: List[Tuple[int, str, str]] = field(default_factory=list)
    report: ImportReport = field(default_factory=lambda: ImportReport("survey"))


def read_submissions(path: PathLike, *, sheet: Optional[str] = None,
                     conventions: Optional[Conventions] = None) -> SubmissionTable:
    """The header and rows of a KoboToolbox / ODK export (``.xlsx``, ``.xlsm``, ``.csv``,
    ``.txt``); ``sheet`` names the workbook's sheet (default: the first one), ``conventions``
    forces the CSV's encoding or separator. Raises :class:`SourceError`."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("{path}: no such file").format(path=path))
    suffix = path.suffix.lower()
    report = ImportReport("survey")
    if suffix in WORKBOOK_SUFFIXES:
        header, rows = _read_workbook(path, sheet, report)
        return SubmissionTable(path.name, header, rows, [], report)
    if suffix in TEXT_SUFFIXES:
        return _read_text(path, conventions, report)
    raise SourceError(tr("{file}: expected a .xlsx or .csv export, got {suffix!r}").format(
        file=path.name, suffix=suffix))


def _read_text(path: Path, conventions: Optional[Conventions],
               report: ImportReport) -> SubmissionTable:
    frame = read_csv_text(path, report, conventions=conventions)
    columns = [c for c in frame.columns if c != "source_row"]
    rows = [(int(values[0]), list(values[1:]))
            for values in frame[["source_row", *columns]].itertuples(index=False, name=None)]
    unreadable = [(r.row, r.value, r.reason) for r in report.rejected]
    report.rejected.clear()  # the validation reports them, with the questionnaire's rows
    return SubmissionTable(path.name, columns, rows, unreadable, report)


def _read_workbook(path: Path, sheet: Optional[str],
                   report: ImportReport) -> Tuple[List[str], List[Tuple[int, list]]]:
    check_workbook(path)
    from openpyxl import load_workbook

    name = path.name
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises several unrelated types
        raise SourceError(tr("{file}: not a readable .xlsx workbook ({error})").format(
            file=name, error=error)) from error
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise SourceError(tr("{file}: no sheet named {sheet!r} (sheets: {sheets})").format(
                file=name, sheet=sheet, sheets=", ".join(workbook.sheetnames)))
        if not workbook.worksheets:
            raise SourceError(tr("{file}: the workbook has no sheet").format(file=name))
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        cells = worksheet.iter_rows(values_only=True)
        first = next(cells, None)
        if first is None:
            raise SourceError(tr("{file}: the sheet {sheet!r} is empty (a header row is "
                                 "expected)").format(file=name, sheet=worksheet.title))
        body = [(number, list(values or ())) for number, values in enumerate(cells, start=2)]
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet fails while it is read
        raise SourceError(tr("{file}: the sheet cannot be read ({error})").format(
            file=name, error=error)) from error
    finally:
        workbook.close()
    names = ["" if h is None else str(h) for h in first]
    while names and not names[-1].strip():  # the sheet's used range may reach beyond the data
        names.pop()
    report.note(name, "sheet", worksheet.title)
    return clean_header(names, name, report), body
