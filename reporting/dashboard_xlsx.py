"""The partners' Excel dashboard (openpyxl): one sheet per theme with native Excel charts, a
tidy sheet of every stored indicator, the definitions of their codes and a "read me" sheet.

Sheets: read me; offer and vacancy; flows; expectations; catchments; indicators; definitions.
Every chart references the table printed above it on its sheet (the ranges are built from the
rows and columns written, never typed). Figures come from :func:`reporting.atlas_data.gather`
(the same as the atlas: vacancy and offer computed from the observations, the rest read from
``indicators``).

Rules:

- cells written from the data are never formulas: text is stored as text, and a text starting
  with ``=``, ``+``, ``-`` or ``@`` (or a tab / carriage return) is also marked quote-prefixed so
  that Excel and LibreOffice keep it as text when it is edited;
- survey figures follow :mod:`analysis.secrecy`: under 11 respondents (or without a count) the
  value and its interval are left empty and the note says why; under 30 they are flagged low
  precision;
- an open campaign, when included, is marked provisional (an asterisk and a note) wherever it
  appears.

Pure openpyxl and pandas: no QGIS. Texts go through ``tr()``: the caller sets the language.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Optional, Sequence

from ..__about__ import __version__
from ..i18n import tr
from . import definitions
from . import formatting as fmt
from .atlas_data import BAND_WORDS, latest_values

UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADER_FILL = "DCE3EC"
TITLE_COLOUR = "1F3A5F"
PROVISIONAL_COLOUR = "B35806"
PERCENT = "0.0"
COUNT = "#,##0"


class DashboardError(RuntimeError):
    """The dashboard cannot be written; the message says why."""


def safe(value):
    """A value as a cell may hold it: numbers as numbers (NaN → empty), dates as dates, the
    rest as text without control characters."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return None if value != value or value in (float("inf"), float("-inf")) else value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return safe(value.item())
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    return ILLEGAL.sub("", str(value))


class Sheet:
    """Writes rows onto one worksheet and remembers where each table is."""

    def __init__(self, workbook, title: str):
        self.ws = workbook.create_sheet(title=title[:31])
        self.row = 1
        setup = self.ws.page_setup  # printed: A4 landscape, one page wide
        setup.orientation = "landscape"
        setup.paperSize = self.ws.PAPERSIZE_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True

    def put(self, row: int, column: int, value, *, number_format: Optional[str] = None,
            bold: bool = False, colour: Optional[str] = None, fill: Optional[str] = None,
            wrap: bool = False):
        from openpyxl.styles import Alignment, Font, PatternFill

        cell = self.ws.cell(row=row, column=column)
        value = safe(value)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text
            if value.startswith(UNSAFE_START):
                cell.quotePrefix = True
        if number_format and isinstance(value, (int, float)):
            cell.number_format = number_format
        if bold or colour:
            cell.font = Font(bold=bold, color=colour)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def title(self, text: str, note: str = "") -> None:
        self.put(self.row, 1, text, bold=True, colour=TITLE_COLOUR).font = _font(14, True)
        self.row += 1
        if note:
            self.put(self.row, 1, note, colour="666666")
            self.row += 1
        self.row += 1

    def heading(self, text: str, note: str = "") -> None:
        cell = self.put(self.row, 1, text, bold=True, colour=TITLE_COLOUR)
        cell.font = _font(11, True, TITLE_COLOUR)
        self.row += 1
        if note:
            self.put(self.row, 1, note, colour=PROVISIONAL_COLOUR if note.startswith("*")
                     else "666666")
            self.row += 1

    def table(self, headers: Sequence[str], rows: Sequence[Sequence], formats=None,
              bold_last: bool = False) -> tuple:
        """Write a table at the current row; returns (header row, first data row, last data
        row). ``formats``: number format per column (None for none)."""
        formats = list(formats or [None] * len(headers))
        top = self.row
        for c, text in enumerate(headers, start=1):
            self.put(top, c, text, bold=True, fill=HEADER_FILL, wrap=True)
        if any(len(str(h)) > 14 for h in headers):
            self.ws.row_dimensions[top].height = 30
        for r, values in enumerate(rows, start=top + 1):
            for c, value in enumerate(values, start=1):
                self.put(r, c, value, number_format=formats[c - 1],
                         bold=bold_last and r == top + len(rows))
        self.row = top + len(rows) + 2
        return top, top + 1, top + len(rows)

    def note(self, text: str) -> None:
        self.put(self.row, 1, text, colour="666666")
        self.row += 2

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        for k, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(k)].width = width


def _font(size: float, bold: bool = False, colour: str = TITLE_COLOUR):
    from openpyxl.styles import Font

    return Font(size=size, bold=bold, color=colour)


def _anchor(column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


# ---------------------------------------------------------------------------------- charts

def line_chart(sheet: Sheet, title: str, y_title: str, header_row: int, first: int, last: int,
               first_col: int, last_col: int, anchor: str, from_rows: bool = True):
    """A line chart whose series are the rows ``first..last`` (titles in column 1, values in
    ``first_col..last_col``, categories from the header row)."""
    from openpyxl.chart import LineChart, Reference

    chart = LineChart()
    chart.title = title
    chart.y_axis.title = y_title
    chart.height, chart.width = 8, 16
    data = Reference(sheet.ws, min_col=1 if from_rows else first_col,
                     min_row=first if from_rows else header_row,
                     max_col=last_col, max_row=last)
    chart.add_data(data, from_rows=from_rows, titles_from_data=True)
    if from_rows:
        categories = Reference(sheet.ws, min_col=first_col, max_col=last_col,
                               min_row=header_row, max_row=header_row)
    else:
        categories = Reference(sheet.ws, min_col=1, min_row=first, max_row=last)
    chart.set_categories(categories)
    sheet.ws.add_chart(chart, anchor)
    return chart


def bar_chart(sheet: Sheet, title: str, y_title: str, header_row: int, first: int, last: int,
              first_col: int, last_col: int, anchor: str, *, stacked: bool = False,
              horizontal: bool = True):
    """A bar chart whose series are the columns ``first_col..last_col`` (titles in the header
    row) and categories column 1 of the rows ``first..last``."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = y_title
    if stacked:
        chart.grouping = "percentStacked"
        chart.overlap = 100
    chart.height, chart.width = 8 + (0.35 * (last - first) if horizontal else 0), 16
    data = Reference(sheet.ws, min_col=first_col, max_col=last_col, min_row=header_row,
                     max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first, max_row=last))
    sheet.ws.add_chart(chart, anchor)
    return chart


# ----------------------------------------------------------------------------------- sheets

def _campaign_header(campaign) -> str:
    return campaign.name + ("*" if campaign.provisional else "")


def _provisional_note(report) -> str:
    notes = [tr("* {campaign}: provisional, open campaign ({share} of the premises visited)"
                ).format(campaign=c.name, share=fmt.percent(100 * c.completeness, 0,
                                                             report.language)
                         if c.completeness is not None else "?")
             for c in report.provisional]
    return " ".join(notes)


def offer_sheet(workbook, report) -> Sheet:
    sheet = Sheet(workbook, tr("Offer and vacancy"))
    note = _provisional_note(report)
    sheet.title(tr("Offer and vacancy"), tr("Computed from the inventory when the dashboard "
                                            "was exported; rates in %."))
    included = report.included
    # vacancy rate per centrality and campaign
    sheet.heading(tr("Vacancy rate (%) per centrality and campaign"), note)
    headers = [tr("Centrality")] + [_campaign_header(c) for c in included]
    rows = []
    for cent in report.centralities:
        rates = dict(zip(cent.vacancy["campaign_uuid"], cent.vacancy["vacancy_rate"]))
        rows.append([cent.name] + [rates.get(c.uuid) for c in included])
    whole = dict(zip(report.territory_vacancy["campaign_uuid"],
                     report.territory_vacancy["vacancy_rate"]))
    rows.append([tr("Territory (all premises)")] + [whole.get(c.uuid) for c in included])
    header, first, last = sheet.table(headers, rows, [None] + [PERCENT] * len(included),
                                      bold_last=True)
    line_chart(sheet, tr("Vacancy rate per centrality"), "%", header, first, last, 2,
               len(headers), _anchor(len(headers) + 2, header))
    sheet.row = max(sheet.row, header + 17)
    # key figures of the reference campaign
    ref = report.reference
    sheet.heading(tr("Key figures, campaign {campaign}").format(campaign=_campaign_header(ref)),
                  note if ref.provisional else "")
    headers = [tr("Centrality"), tr("Premises"), tr("Vacant premises"), tr("Vacancy rate (%)"),
               tr("Change (points)"), tr("Procos band"), tr("Openings"), tr("Closures"),
               tr("Turnover rate (%)"), tr("Long-term vacant premises")]
    rows = []
    for cent in report.centralities:
        latest = cent.latest()
        rows.append([cent.name, latest.get("premises"), latest.get("vacant"),
                     latest.get("vacancy_rate"), latest.get("rate_change"),
                     _band(latest.get("procos_band")), latest.get("openings"),
                     latest.get("closures"), latest.get("turnover_rate"), len(cent.long_term)])
    header, first, last = sheet.table(
        headers, rows, [None, COUNT, COUNT, PERCENT, PERCENT, None, COUNT, COUNT, PERCENT,
                        COUNT])
    bar_chart(sheet, tr("Vacancy rate, campaign {campaign}").format(
        campaign=_campaign_header(ref)), "%", header, first, last, 4, 4,
        _anchor(len(headers) + 2, header))
    sheet.row = max(sheet.row, header + 17)
    # offer mix
    mixes = [c for c in report.centralities if len(c.mix)]
    if mixes:
        groups = list(report.territory_mix["activity_group"])
        labels = dict(zip(report.territory_mix["activity_group"], report.territory_mix["label"]))
        sheet.heading(tr("Offer mix (% of the shops), campaign {campaign}").format(
            campaign=_campaign_header(ref)), note if ref.provisional else "")
        headers = [tr("Centrality")] + [labels[g] for g in groups]
        rows = []
        for cent in mixes:
            shares = dict(zip(cent.mix["activity_group"], cent.mix["share"]))
            rows.append([cent.name] + [shares.get(g) for g in groups])
        shares = dict(zip(report.territory_mix["activity_group"], report.territory_mix["share"]))
        rows.append([tr("Territory")] + [shares.get(g) for g in groups])
        header, first, last = sheet.table(headers, rows, [None] + [PERCENT] * len(groups),
                                          bold_last=True)
        bar_chart(sheet, tr("Offer mix"), "%", header, first, last, 2, len(headers),
                  _anchor(len(headers) + 2, header), stacked=True)
        sheet.row = max(sheet.row, header + 17)
    sheet.widths([28] + [14] * 12)
    return sheet


def _band(code) -> Optional[str]:
    return tr(BAND_WORDS[code]) if code in BAND_WORDS else None


def flows_sheet(workbook, report) -> Sheet:
    sheet = Sheet(workbook, tr("Flows"))
    sheet.title(tr("Flows"), tr("Read from the indicators stored by footfall_by_centrality and "
                                "mobility_by_centrality."))
    stored = report.indicators
    daily = stored[(stored["indicator"] == "footfall_mean_daily") & stored["period"].astype(
        str).str.fullmatch(r"\d{4}")]
    names = {c.uuid: c.name for c in report.centralities}
    if daily.empty:
        sheet.note(tr("No pedestrian footfall in the indicators: import the counts and run "
                      "footfall_by_centrality."))
    else:
        years = sorted(daily["period"].astype(str).unique())
        sheet.heading(tr("Pedestrian footfall: mean passages per day and counter, per year"))
        headers = [tr("Centrality")] + years + [tr("Change {year} (%)").format(year=years[-1])]
        rows = []
        for cent in report.centralities:
            part = daily[daily["centrality_uuid"] == cent.uuid]
            if part.empty:
                continue
            values = dict(zip(part["period"].astype(str), part["value"]))
            rows.append([cent.name] + [values.get(y) for y in years] + [
                cent.footfall_year.get("change") if cent.footfall_year.get("year") == int(
                    years[-1]) else None])
        header, first, last = sheet.table(headers, rows, [None] + [COUNT] * len(years)
                                          + [PERCENT])
        bar_chart(sheet, tr("Pedestrian footfall per year"), tr("passages/day/counter"),
                  header, first, last, 2, 1 + len(years), _anchor(len(headers) + 2, header),
                  horizontal=False)
        sheet.row = max(sheet.row, header + 17)
        with_months = [c for c in report.centralities if len(c.footfall_months)]
        if with_months:
            year = int(max(c.footfall_months["year"].max() for c in with_months))
            sheet.heading(tr("Pedestrian footfall by month, {year}").format(year=year))
            headers = [tr("Month")] + [c.name for c in with_months]
            rows = []
            for month in range(1, 13):
                row = [fmt.MONTHS[report.language][month - 1]]
                for cent in with_months:
                    part = cent.footfall_months
                    hit = part[(part["year"] == year) & (part["month"] == month)]
                    row.append(float(hit["value"].iloc[0]) if len(hit) else None)
                rows.append(row)
            header, first, last = sheet.table(headers, rows, [None] + [COUNT] * len(with_months))
            line_chart(sheet, tr("Pedestrian footfall by month, {year}").format(year=year),
                       tr("passages/day/counter"), header, first, last, 2, len(headers),
                       _anchor(len(headers) + 2, header), from_rows=False)
            sheet.row = max(sheet.row, header + 17)
    codes = ["parking_occupancy_rate", "transit_departures_per_hour", "transit_boardings_daily",
             "road_daily_traffic", "carpool_trips_daily"]
    mobility = stored[stored["indicator"].isin(codes) & stored["centrality_uuid"].isin(names)]
    if len(mobility):
        present = [c for c in codes if c in set(mobility["indicator"])]
        sheet.heading(tr("Mobility, latest period"))
        headers = [tr("Centrality")] + [_label(c, report) for c in present]
        rows = []
        for cent in report.centralities:
            values = latest_values(mobility[mobility["centrality_uuid"] == cent.uuid])
            rows.append([cent.name] + [values.get(c, {}).get("value") for c in present])
        sheet.table(headers, rows, [None] + ["#,##0.0"] * len(present))
    sheet.widths([28] + [15] * 12)
    return sheet


def _label(code: str, report) -> str:
    parts = {**report.labels.get("activity_groups", {}),
             **report.labels.get("service_domains", {}),
             **report.labels.get("service_ranges", {})}
    return definitions.lookup(code, report.language, parts).label


def expectations_sheet(workbook, report) -> Sheet:
    sheet = Sheet(workbook, tr("Expectations"))
    sheet.title(tr("Expectations"), tr(
        "Survey figures: never shown under {min} respondents, flagged low precision under "
        "{low}.").format(min=report.parameters["min_respondents"],
                         low=report.parameters["low_precision"]))
    stored = report.indicators
    survey = stored[stored["survey"] & stored["centrality_uuid"].notna()]
    names = {c.uuid: c.name for c in report.centralities}
    survey = survey[survey["centrality_uuid"].isin(names)]
    if survey.empty:
        sheet.note(tr("No survey indicator in the socle: weight the questionnaire's answers "
                      "and run the expectations algorithm."))
        sheet.widths([28, 40])
        return sheet
    sheet.heading(tr("Survey figures per centrality (latest period)"))
    headers = [tr("Centrality"), tr("Indicator"), tr("Period"), tr("Value"), tr("Unit"),
               tr("95 % interval, low"), tr("95 % interval, high"), tr("Respondents"),
               tr("Precision")]
    rows = []
    pivot: dict = {}
    for cent in report.centralities:
        values = latest_values(survey[survey["centrality_uuid"] == cent.uuid])
        for code, r in values.items():
            rows.append([cent.name, _label(code, report), r["period"], r["value"], r["unit"],
                         r["ci_low"], r["ci_high"], r["respondents"], _precision(r)])
            if r["unit"] == "%":
                pivot.setdefault(code, {})[cent.name] = r["value"]
    sheet.table(headers, rows, [None, None, None, "0.0", None, "0.0", "0.0", COUNT, None])
    if pivot:
        centralities = [c.name for c in report.centralities
                        if any(c.name in v for v in pivot.values())]
        sheet.heading(tr("Shares (%) per centrality"))
        headers = [tr("Indicator")] + centralities
        rows = [[_label(code, report)] + [values.get(n) for n in centralities]
                for code, values in pivot.items()]
        header, first, last = sheet.table(headers, rows, [None] + [PERCENT] * len(centralities))
        bar_chart(sheet, tr("Survey shares per centrality"), "%", header, first, last, 2,
                  len(headers), _anchor(len(headers) + 2, header))
    sheet.widths([28, 40, 12, 10, 8, 12, 12, 12, 28])
    return sheet


def _precision(row: dict) -> str:
    if row.get("suppressed"):
        return tr("not published: fewer than {n} respondents").format(n=11)
    if row.get("low_precision"):
        return tr("low (fewer than {n} respondents)").format(n=30)
    return ""


def catchments_sheet(workbook, report) -> Sheet:
    sheet = Sheet(workbook, tr("Catchments"))
    sheet.title(tr("Catchments"), tr("Read from the indicators stored by network_catchments, "
                                     "huff_model and site_potential (latest run)."))
    pattern = re.compile(r"^catchment_population_(walk|car)_(\d+(?:\.\d+)?)min$")
    codes = sorted({c for cent in report.centralities for c in cent.figures} | set(
        report.indicators["indicator"][report.indicators["indicator"].str.match(
            pattern.pattern)]), key=lambda c: _catchment_key(pattern, c))
    codes = [c for c in codes if pattern.match(c)]
    extra = ["huff_market_share", "huff_expected_demand", "site_potential_best_score"]
    stored = report.indicators
    values = {cent.uuid: latest_values(stored[stored["centrality_uuid"] == cent.uuid])
              for cent in report.centralities}
    extra = [c for c in extra if any(c in v for v in values.values())]
    if not codes and not extra:
        sheet.note(tr("No catchment indicator: run network_catchments (and huff_model, "
                      "site_potential)."))
        sheet.widths([28, 40])
        return sheet
    sheet.heading(tr("Population reached and market shares"))
    headers = [tr("Centrality")] + [_label(c, report) for c in codes + extra]
    rows = [[cent.name] + [values[cent.uuid].get(c, {}).get("value") for c in codes + extra]
            for cent in report.centralities]
    header, first, last = sheet.table(headers, rows, [None] + [COUNT] * len(codes) + [
        PERCENT if c == "huff_market_share" else COUNT for c in extra])
    walk = [i for i, c in enumerate(codes) if "_walk_" in c]
    if walk:
        bar_chart(sheet, tr("Population within walking distance"), tr("inhabitants"), header,
                  first, last, 2 + walk[0], 2 + walk[-1], _anchor(len(headers) + 2, header))
    sheet.widths([28] + [16] * (len(headers) - 1))
    return sheet


def _catchment_key(pattern, code: str) -> tuple:
    match = pattern.match(code)
    return (0 if match and match[1] == "walk" else 1, float(match[2]) if match else 0.0, code)


def indicators_sheet(workbook, report) -> tuple:
    """The tidy sheet; returns (sheet, codes written)."""
    from openpyxl.worksheet.table import Table, TableStyleInfo

    sheet = Sheet(workbook, tr("Indicators"))
    names = {c.uuid: c.name for c in report.centralities}
    headers = [tr("Centrality"), tr("Indicator"), tr("Label"), tr("Period"), tr("Value"),
               tr("Unit"), tr("95 % interval, low"), tr("95 % interval, high"),
               tr("Respondents"), tr("Precision"), tr("Algorithm"), tr("Parameters"),
               tr("Computed at")]
    frame = report.indicators.sort_values(["indicator", "centrality_uuid", "period"],
                                          na_position="last", kind="stable")
    rows = []
    for r in frame.to_dict("records"):
        if r["scope"] == "outside":
            where = tr("(outside every centrality)")
        elif r["scope"] == "territory":
            where = tr("Territory")
        else:
            where = names.get(r["centrality_uuid"], r["centrality_uuid"])
        rows.append([where, r["indicator"], _label(r["indicator"], report), r["period"],
                     r["value"], r["unit"], r["ci_low"], r["ci_high"],
                     None if r["respondents"] is None or r["respondents"] != r["respondents"]
                     else int(r["respondents"]), _precision(r), r["algorithm"],
                     r["parameters"], r["computed_at"]])
    header, _first, last = sheet.table(headers, rows)
    if rows:
        reference = f"A{header}:{_anchor(len(headers), last)}"
        table = Table(displayName="indicators", ref=reference)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.ws.add_table(table)
    sheet.ws.freeze_panes = "A2"
    sheet.widths([26, 34, 40, 16, 12, 16, 12, 12, 11, 26, 34, 40, 24])
    return sheet, sorted(set(frame["indicator"]))


def definitions_sheet(workbook, report, codes: Sequence[str]) -> Sheet:
    sheet = Sheet(workbook, tr("Definitions"))
    headers = [tr("Indicator"), tr("Theme"), tr("Label"), tr("Unit"), tr("Definition")]
    rows = []
    for code in codes:
        definition = definitions.lookup(code, report.language, {
            **report.labels.get("activity_groups", {}),
            **report.labels.get("service_domains", {}),
            **report.labels.get("service_ranges", {})})
        rows.append([code, definition.theme, definition.label, definition.unit,
                     definition.definition])
    sheet.table(headers, rows)
    for r in range(2, len(rows) + 2):
        sheet.ws.cell(row=r, column=5).alignment = _wrap()
    sheet.ws.freeze_panes = "A2"
    sheet.widths([34, 14, 40, 20, 90])
    return sheet


def _wrap():
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def readme_sheet(workbook, report, sheets: List[tuple]) -> Sheet:
    from .sources import source_info

    sheet = Sheet(workbook, tr("Read me"))
    lang = report.language
    sheet.title(tr("Commerce observatory dashboard"), report.territory)
    facts = [
        (tr("Reference campaign"), _campaign_header(report.reference)),
        (tr("Exported on"), fmt.date_long(report.printed_on, lang)),
        (tr("Producer"), report.producer or tr("Observatoire du commerce")),
        (tr("Source"), tr("the observatory's GeoPackage {file}").format(
            file=report.source_file)),
        (tr("Made with"), tr("QGIS plugin Observatoire du commerce {version}").format(
            version=__version__)),
    ]
    for label, value in facts:
        sheet.put(sheet.row, 1, label, bold=True)
        sheet.put(sheet.row, 2, value)
        sheet.row += 1
    sheet.row += 1
    sheet.heading(tr("Sheets"))
    for name, description in sheets:
        sheet.put(sheet.row, 1, name, bold=True)
        sheet.put(sheet.row, 2, description)
        sheet.row += 1
    sheet.row += 1
    sheet.heading(tr("Rules"))
    for text in (
            tr("Vacancy rate = 100 × vacant premises / premises observed; Procos bands: low "
               "under 5 %, moderate 5 to 7.5 %, worrying 7.5 to 10 %, critical 10 % or more."),
            tr("Open campaigns are left out unless asked for; included, they are marked with "
               "an asterisk (provisional) and their share of premises visited is given."),
            tr("Survey figures are never shown under {min} respondents and are flagged low "
               "precision under {low}; individual answers never leave the socle.").format(
                min=report.parameters["min_respondents"], low=report.parameters["low_precision"]),
            tr("No cell holds a formula: every figure is a value, the charts read the tables "
               "of their sheet.")):
        sheet.put(sheet.row, 1, "•")
        sheet.put(sheet.row, 2, text)
        sheet.row += 1
    sheet.row += 1
    sheet.heading(tr("Inventory campaigns"))
    rows = []
    for camp in report.campaigns:
        rows.append([camp.name, fmt.period_label(camp.start_date, camp.end_date, lang),
                     tr("closed") if camp.state == "closed" else tr("open"),
                     camp.completeness, tr("yes, provisional") if camp.included and
                     camp.provisional else tr("yes") if camp.included else tr("no")])
    sheet.table([tr("Campaign"), tr("Dates"), tr("State"), tr("Premises visited"),
                 tr("In this dashboard")], rows, [None, None, None, "0%", None])
    sheet.heading(tr("Sources and licences"))
    rows = []
    for source in report.sources:
        codes = ["inventory"] if source["family"] == "premises" else source["sources"]
        infos = [source_info(code, lang) for code in codes] or [source_info("", lang)]
        rows.append([source["table"], ", ".join(i["label"] for i in infos),
                     "; ".join(dict.fromkeys(i["licence"] for i in infos)),
                     fmt.period_label(source["period_from"], source["period_to"], lang)
                     if source.get("period_from") else fmt.date_long(source["last_change"],
                                                                     lang)])
    sheet.table([tr("Table"), tr("Source"), tr("Licence"), tr("Period or update")], rows)
    sheet.widths([30, 60, 36, 16, 22])
    return sheet


def write(report, output) -> List[str]:
    """Write the dashboard of ``report`` to ``output`` (.xlsx); returns the sheet names."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        from ..dependencies import missing_message

        raise DashboardError(missing_message(["openpyxl"])) from exc
    workbook = Workbook()
    workbook.remove(workbook.active)
    readme_index = 0
    themes = [
        (offer_sheet(workbook, report), tr("Vacancy per centrality and campaign, key figures "
                                           "of the reference campaign, offer mix; with "
                                           "charts.")),
        (flows_sheet(workbook, report), tr("Pedestrian footfall per year and month, mobility "
                                           "figures; with charts.")),
        (expectations_sheet(workbook, report), tr("Survey figures per centrality with their "
                                                  "interval and respondents; with a chart.")),
        (catchments_sheet(workbook, report), tr("Population within walking and driving "
                                                "distance, Huff market shares; with a "
                                                "chart.")),
    ]
    tidy, codes = indicators_sheet(workbook, report)
    definition_sheet = definitions_sheet(workbook, report, codes)
    sheets = [(s.ws.title, d) for s, d in themes] + [
        (tidy.ws.title, tr("Every indicator stored in the socle, one per row (a table you can "
                           "filter).")),
        (definition_sheet.ws.title, tr("What each indicator code means."))]
    readme = readme_sheet(workbook, report, sheets)
    workbook.move_sheet(readme.ws, offset=readme_index - workbook.index(readme.ws))
    workbook.active = 0
    workbook.properties.creator = "Observatoire du commerce"
    workbook.properties.title = tr("Commerce observatory dashboard")
    output = Path(output)
    try:
        workbook.save(str(output))
    except OSError as exc:
        raise DashboardError(tr("The dashboard could not be written to {path}: {error}").format(
            path=output, error=exc)) from exc
    return workbook.sheetnames

