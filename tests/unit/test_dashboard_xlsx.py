"""The partners' Excel dashboard on the hand-counted site: sheets, chart ranges (read back
through openpyxl), the tidy indicators sheet, secrecy, no formula, LibreOffice opens it."""

import re
import shutil
import subprocess

import pytest

from observatoire_commerce.reporting import atlas_data, dashboard_xlsx
from observatoire_commerce.reporting.language import report_language

from .report_site import build_report_site

REFERENCE = re.compile(r"^'?(?P<sheet>.+?)'?!\$?(?P<c1>[A-Z]+)\$?(?P<r1>\d+)"
                       r"(?::\$?(?P<c2>[A-Z]+)\$?(?P<r2>\d+))?$")


@pytest.fixture
def workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    conn = build_report_site(tmp_path / "site.gpkg", flows=True, catchments=True, survey=True)
    with report_language("en"):
        report = atlas_data.gather(conn, atlas_data.Options(language="en"),
                                   source_file="site.gpkg")
        sheets = dashboard_xlsx.write(report, tmp_path / "dashboard.xlsx")
    conn.close()
    assert sheets == ["Read me", "Offer and vacancy", "Flows", "Expectations", "Catchments",
                      "Indicators", "Definitions"]
    return tmp_path / "dashboard.xlsx", openpyxl.load_workbook(tmp_path / "dashboard.xlsx")


def cells(book, reference):
    """Values of the cells a chart reference (``'Sheet'!$B$4:$D$4``) points to."""
    from openpyxl.utils import column_index_from_string

    match = REFERENCE.match(reference)
    assert match, reference
    sheet = book[match["sheet"]]
    c1, r1 = column_index_from_string(match["c1"]), int(match["r1"])
    c2 = column_index_from_string(match["c2"] or match["c1"])
    r2 = int(match["r2"] or match["r1"])
    return [sheet.cell(row=r, column=c).value for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)]


def series(chart):
    """(title cell value(s), values, categories) of each series of a chart."""
    out = []
    for s in chart.series:
        title = s.tx.strRef.f if s.tx is not None and s.tx.strRef is not None else None
        categories = s.cat.strRef or s.cat.numRef if s.cat is not None else None
        out.append((title, s.val.numRef.f, categories.f if categories is not None else None))
    return out


def test_offer_sheet_charts_read_their_tables(workbook):
    _path, book = workbook
    sheet = book["Offer and vacancy"]
    charts = sheet._charts
    assert len(charts) == 3
    lines = series(charts[0])
    # one series per centrality and the territory, over the three closed campaigns
    titles = [cells(book, t)[0] for t, _v, _c in lines]
    assert titles == ["Centre", "Gare", "=Vide", "Territory (all premises)"]
    values = [[None if v is None else round(v, 2) for v in cells(book, v)]
              for _t, v, _c in lines]
    assert values == [[60.0, 40.0, 40.0], [33.33, 33.33, 0.0], [None, None, None],
                      [44.44, 33.33, 22.22]]
    assert cells(book, lines[0][2]) == ["Inventaire 2022", "Inventaire 2023", "Inventaire 2024"]
    (_title, rates, names), = series(charts[1])
    assert cells(book, names) == ["Centre", "Gare", "=Vide"]
    assert [None if v is None else round(v, 2) for v in cells(book, rates)] == [
        40.0, 0.0, None]
    mix = series(charts[2])
    assert cells(book, mix[0][0]) == ["Food"]
    assert [round(v, 2) for v in cells(book, mix[0][1])] == [66.67, 33.33, 57.14]


def test_flows_catchments_and_expectations_charts(workbook):
    _path, book = workbook
    yearly, monthly = book["Flows"]._charts
    (title, values, categories), (title2, values2, _c) = series(yearly)
    assert (cells(book, title), cells(book, values), cells(book, categories)) == (
        ["2023"], [1065.0], ["Centre"])
    assert (cells(book, title2), cells(book, values2)) == (["2024"], [1165.0])
    (title, values, categories), = series(monthly)
    assert cells(book, title) == ["Centre"]
    assert cells(book, values) == [1100.0 + 10 * m for m in range(1, 13)]
    assert cells(book, categories)[0] == "January"
    (chart,) = book["Catchments"]._charts
    walk = series(chart)
    assert [cells(book, t)[0] for t, _v, _c in walk] == [
        "Population within 5 min walk", "Population within 10 min walk"]
    assert [cells(book, v) for _t, v, _c in walk] == [[1200.0, None, None],
                                                      [5400.0, None, None]]
    (chart,) = book["Expectations"]._charts
    shares = series(chart)
    assert [cells(book, t)[0] for t, _v, _c in shares] == ["Centre", "Gare"]
    # the figure with 8 respondents is never written, not even in the chart's table
    assert cells(book, shares[0][1]) == [72.0, 31.0, None, 12.0, None]
    assert cells(book, shares[1][1]) == [None, None, None, None, 60.0]
    assert cells(book, shares[0][2]) == [
        "Share satisfied: shop offer (visitors)", "Share satisfied: parking (visitors)",
        "Share satisfied: safety (visitors)", "Activity felt missing: Food (visitors)",
        "Share satisfied: shop offer (interviewed there)"]


def test_tidy_indicators_sheet_and_definitions(workbook):
    _path, book = workbook
    sheet = book["Indicators"]
    header = [c.value for c in sheet[1]]
    assert header == ["Centrality", "Indicator", "Label", "Period", "Value", "Unit",
                      "95 % interval, low", "95 % interval, high", "Respondents", "Precision",
                      "Algorithm", "Parameters", "Computed at"]
    rows = {(r[0], r[1], r[3]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    safety = rows[("Centre", "expect_satisfaction_safety_satisfied__visitors", "2024")]
    assert safety[4:10] == (None, "%", None, None, 8,
                            "not published: fewer than 11 respondents")
    parking = rows[("Centre", "expect_satisfaction_parking_satisfied__visitors", "2024")]
    assert parking[4:10] == (31.0, "%", 14.0, 48.0, 25, "low (fewer than 30 respondents)")
    yoy = rows[("Centre", "footfall_yoy", "2024")]
    assert (yoy[4], yoy[10], yoy[11]) == (9.4, "observatoire:footfall_by_centrality",
                                          '{"distance": 100.0, "mobility": "PEDESTRIAN"}')
    codes = {r[1] for r in rows.values()}
    definitions = {r[0]: r for r in book["Definitions"].iter_rows(min_row=2, values_only=True)}
    assert set(definitions) == codes
    assert all(r[4] and not r[4].startswith("No definition") for r in definitions.values())
    assert definitions["footfall_yoy"][2] == "Year-on-year footfall change"


def test_no_cell_is_a_formula(workbook):
    path, book = workbook
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    name = [c for c in book["Offer and vacancy"]["A"] if c.value == "=Vide"]
    assert name and all(c.data_type == "s" and c.quotePrefix for c in name)
    assert dashboard_xlsx.safe("a\x01b") == "ab"
    assert dashboard_xlsx.safe(float("nan")) is None


def test_read_me_sheet(workbook):
    _path, book = workbook
    values = [c.value for row in book["Read me"].iter_rows() for c in row if c.value]
    assert "Commerce observatory dashboard" in values and "Ville test" in values
    assert "Inventaire 2025" in values and "no" in values  # the open campaign, left out
    assert "Offer and vacancy" in values and "Definitions" in values


def test_libreoffice_opens_the_dashboard(workbook, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui, installed "
                    "by scripts/setup.sh): the dashboard was not opened")
    path, _book = workbook
    out = tmp_path / "pdf"
    result = subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    pdf = out / "dashboard.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_dashboard_refuses_an_unwritable_path(tmp_path):
    conn = build_report_site(tmp_path / "site.gpkg")
    report = atlas_data.gather(conn, atlas_data.Options())
    conn.close()
    with pytest.raises(dashboard_xlsx.DashboardError, match="could not be written"):
        dashboard_xlsx.write(report, tmp_path / "missing" / "folder" / "d.xlsx")
