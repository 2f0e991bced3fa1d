"""The atlas's print layout: one ``QgsPrintLayout`` whose pages are, in order, the cover, the
territory summary, two pages per centrality (its map, then its figures) and the methods page.

The page count is therefore ``3 + 2 × centralities`` whatever the data. Each section is drawn
only when it has data: a centrality without counters has no footfall chart and no counter in
its legend, the others move up; a list with no row is replaced by one line saying so. Page
geometry, colours and type sizes: :mod:`reporting.style`.

Item ids say what an item is and on which page (1-based): ``map@3``, ``legend@3``,
``scalebar@3``, ``north_arrow@3``, ``chart_vacancy@4``… (see :attr:`AtlasLayout.pages`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

import pandas as pd
from qgis.core import QgsPrintLayout, QgsRectangle

from ..__about__ import __version__
from ..i18n import noop, tr
from . import charts, definitions
from . import formatting as fmt
from . import style as st
from .atlas_data import BAND_WORDS
from .layout_kit import (
    LEFT,
    PT_MM,
    RIGHT,
    LayoutKit,
    clip,
    density,
    row_height,
    rows_fitting,
    split_capacity,
    text_lines,
)

FAMILIES = {  # data family of store.reporting.SOURCE_TABLES -> what it is, in a sentence
    "centralities": noop("Centralities"), "premises": noop("Commercial premises"),
    "population": noop("Population (200 m grid)"), "roads": noop("Roads"),
    "services": noop("Facilities and services"), "producers": noop("Short-circuit producers"),
    "markets": noop("Markets"), "counters": noop("Pedestrian counts"),
    "parkings": noop("Car parks"), "transit": noop("Public transport"),
    "road_traffic": noop("Road traffic"), "carpool": noop("Carpooling"),
    "survey": noop("Population questionnaire"),
}
MAP_FAMILIES = ("premises", "roads", "counters", "parkings", "transit", "markets")


@dataclass
class Page:
    kind: str                      # cover, summary, centrality_map, centrality_figures, methods
    centrality: Optional[str] = None


@dataclass
class AtlasLayout:
    layout: QgsPrintLayout
    pages: List[Page]
    charts: List[str] = field(default_factory=list)   # SVG files written


class Builder(LayoutKit):
    """Draws a :class:`reporting.atlas_data.Report` onto a multi-page print layout."""

    def __init__(self, report, project, layers, chart_dir: Path, sources: list):
        super().__init__(project, chart_dir, report.language,
                         tr("Commerce observatory atlas"))
        self.report = report
        self.layers = layers
        self.sources = sources
        self.total = 3 + 2 * len(report.centralities)

    def page_record(self, kind: str, centrality: Optional[str]) -> Page:
        return Page(kind, centrality)

    # ============================================================== furniture
    def header(self, page: int, title: str, subtitle: str = "") -> float:
        """Running head, the page title and its subtitle; returns the y below them."""
        report = self.report
        self.label(page, tr("Commerce observatory · {territory}").format(
            territory=report.territory), st.MARGIN, st.HEADER_TOP, 120, 4,
            size=st.SMALL_SIZE, colour=st.GREY)
        self.label(page, tr("Atlas, campaign {campaign}").format(
            campaign=report.reference.name), st.PAGE_WIDTH - st.MARGIN - 70, st.HEADER_TOP,
            70, 4, size=st.SMALL_SIZE, colour=st.GREY, align=RIGHT)
        self.rule(page, st.HEADER_TOP + 5)
        self.label(page, title, st.MARGIN, 16, st.CONTENT_WIDTH, 8, size=st.TITLE_SIZE,
                   bold=True, colour=st.ACCENT, role="title")
        y = 25.0
        if subtitle:
            self.label(page, subtitle, st.MARGIN, y, st.CONTENT_WIDTH, 5,
                       size=st.SUBTITLE_SIZE - 1, colour=st.GREY, role="subtitle")
            y += 6.5
        return y

    def footer(self, page: int) -> None:
        self.rule(page, st.FOOTER_TOP)
        self.label(page, tr("Printed on {date} · figures from the observatory's GeoPackage "
                            "{file}").format(date=fmt.date_long(self.report.printed_on,
                                                                self.lang),
                                             file=self.report.source_file),
                   st.MARGIN, st.FOOTER_TOP + 1.5, 150, 4, size=st.SMALL_SIZE, colour=st.GREY)
        self.label(page, tr("page {n} / {total}").format(n=page + 1, total=self.total),
                   st.PAGE_WIDTH - st.MARGIN - 30, st.FOOTER_TOP + 1.5, 30, 4,
                   size=st.SMALL_SIZE, colour=st.GREY, align=RIGHT, role="page_number")

    def provisional_note(self) -> str:
        """"Provisional: campaign X open, 44 % of the premises visited" ('' without one)."""
        notes = [tr("{campaign} is still open: provisional figures ({share} of the premises "
                    "visited)").format(campaign=c.name, share=self.share(c.completeness))
                 for c in self.report.provisional]
        return " ; ".join(notes)

    def share(self, completeness) -> str:
        return "?" if completeness is None else fmt.percent(100 * completeness, 0, self.lang)

    # ============================================================== pages
    def build(self, progress: Optional[Callable[[float], None]] = None) -> AtlasLayout:
        report = self.report
        self.cover(self._page("cover"))
        self.summary(self._page("summary"))
        for index, cent in enumerate(report.centralities):
            self.centrality_map(self._page("centrality_map", cent.name), cent)
            self.centrality_figures(self._page("centrality_figures", cent.name), cent)
            if progress:
                progress(100.0 * (index + 1) / max(1, len(report.centralities)))
        self.methods(self._page("methods"))
        return AtlasLayout(self.layout, self.pages, self.charts)

    # -- cover ---------------------------------------------------------------------------------
    def cover(self, page: int) -> None:
        report = self.report
        self.rect(page, 0, 0, st.PAGE_WIDTH, 118, st.ACCENT, role="cover_band")
        self.label(page, tr("COMMERCE OBSERVATORY"), st.MARGIN + 5, 30, 170, 8, size=11,
                   bold=True, colour="#c9d6e8")
        self.label(page, tr("Atlas of the commercial centralities"), st.MARGIN + 5, 42, 170,
                   24, size=26, bold=True, colour="#ffffff", role="cover_title")
        self.label(page, report.territory, st.MARGIN + 5, 70, 170, 10, size=16,
                   colour="#ffffff", role="cover_territory")
        self.label(page, tr("Inventory campaign {campaign}").format(
            campaign=report.reference.name) + (
            " · " + fmt.period_label(report.reference.start_date, report.reference.end_date,
                                     self.lang) if report.reference.start_date else ""),
            st.MARGIN + 5, 84, 170, 7, size=11, colour="#c9d6e8")
        self.label(page, tr("{n} centralities · {premises} premises observed").format(
            n=len(report.centralities),
            premises=fmt.number(report.territory_vacancy["premises"].iloc[-1], 0, self.lang)),
            st.MARGIN + 5, 93, 170, 7, size=10, colour="#c9d6e8")
        item_map = self.map_item(page, "cover_map", st.MARGIN, 128, st.CONTENT_WIDTH, 118,
                                 [self.layers.cover] + ([self.layers.roads]
                                                        if self.layers.roads else []),
                                 self.territory_extent(), frame=False)
        item_map.setBackgroundEnabled(False)
        y = 252.0
        note = self.provisional_note()
        if note:
            self.label(page, note, st.MARGIN, y, st.CONTENT_WIDTH, 9, size=8.5, bold=True,
                       colour=st.PROVISIONAL, role="cover_provisional")
            y += 9
        producer = report.producer or tr("Observatoire du commerce")
        self.label(page, tr("Produced by {producer} · printed on {date}").format(
            producer=producer, date=fmt.date_long(report.printed_on, self.lang)),
            st.MARGIN, max(y, 262), st.CONTENT_WIDTH, 6, size=9, colour=st.GREY_DARK,
            role="cover_producer")
        self.label(page, tr("Source: the observatory's GeoPackage {file} (socle de données "
                            "attractivité). Methods and sources on the last page.").format(
            file=report.source_file), st.MARGIN, max(y, 262) + 7, st.CONTENT_WIDTH, 10,
            size=st.SMALL_SIZE + 0.5, colour=st.GREY)

    # -- maps ----------------------------------------------------------------------------------
    def territory_extent(self) -> QgsRectangle:
        extent = QgsRectangle()
        extent.setMinimal()
        for cent in self.report.centralities:
            extent.combineExtentWith(self.layers._polygons(cent).boundingBox())
        return self._padded(extent, 0.14, 500.0)

    # -- summary -------------------------------------------------------------------------------
    def summary(self, page: int) -> None:
        report = self.report
        territory = report.territory_vacancy
        last = territory.iloc[-1]
        subtitle = tr("{n} centralities · campaign {campaign} · vacancy of the territory "
                      "{rate}").format(n=len(report.centralities), campaign=last["campaign"],
                                       rate=fmt.vacancy(last["vacancy_rate"], self.lang))
        if len(territory) > 1:
            subtitle += " (" + fmt.points(last["rate_change"], 1, self.lang) + ")"
        y = self.header(page, tr("Summary of the territory"), subtitle)
        note = self.provisional_note()
        if note:
            self.label(page, note, st.MARGIN, y, st.CONTENT_WIDTH, 5, size=st.SMALL_SIZE + 0.5,
                       bold=True, colour=st.PROVISIONAL, role="provisional")
            y += 6
        half = (st.CONTENT_WIDTH - 6) / 2
        top = y + 1
        many = len(report.centralities) > 14
        map_height = 84.0 if not many else 66.0 if len(report.centralities) <= 40 else 52.0
        item_map = self.map_item(page, "map", st.MARGIN, top, half, map_height,
                                 self.layers.summary_layers(), self.territory_extent())
        self.legend(page, item_map, [self.layers.bands], st.MARGIN, top + map_height + 2,
                    half, 22, columns=1)
        self.scalebar(page, item_map, st.MARGIN + 2, top + map_height - 9)
        self.north_arrow(page, item_map, st.MARGIN + half - 9, top + map_height - 13)
        rows = pd.concat([c.vacancy.assign(centrality=c.name) for c in report.centralities],
                         ignore_index=True)
        height = map_height + 24
        self.chart(page, "territory_vacancy", lambda path, size: charts.territory_chart(
            rows, self.lang, size, path, tr("Vacancy rate per centrality")),
            st.MARGIN + half + 6, top, half, height)
        y = self.key_figures_table(page, top + height + 4)
        mixes = [c for c in report.centralities if len(c.mix)]
        room = st.FOOTER_TOP - 3 - y
        wanted = 16 + 5.5 * (len(mixes) + 1)
        if mixes and not many and room >= min(wanted, 45):
            frame = pd.concat([c.mix.assign(centrality=c.name) for c in mixes] + [
                report.territory_mix.assign(centrality=tr("Territory"))], ignore_index=True)
            self.chart(page, "territory_mix", lambda path, size: charts.mix_by_centrality(
                frame, self.lang, size, path, tr("Offer mix per centrality, campaign "
                                                 "{campaign}").format(
                    campaign=short_name(report.reference.name)) + (
                    "*" if report.reference.provisional else "")),
                st.MARGIN, y, st.CONTENT_WIDTH, min(room, wanted))
        self.footer(page)

    def key_figures_table(self, page: int, y: float) -> float:
        """The table of key figures per centrality and its notes; returns the y below."""
        report, lang = self.report, self.lang
        star = "*" if report.reference.provisional else ""
        headers = [tr("Centrality"), tr("Premises"), tr("Vacancy") + star, tr("Change"),
                   tr("Procos band"), tr("Footfall") + " ¹", tr("Change"),
                   tr("Population") + " ²"]
        rows, backgrounds = [], {}
        years = set()
        for cent in report.centralities:
            latest = cent.latest()
            footfall = cent.footfall_year
            if footfall:
                years.add(footfall["year"])
            population = cent.figures.get("catchment_population_walk_10min", {})
            band = latest.get("procos_band")
            rows.append([
                clip(cent.name, 48, st.TABLE_SIZE), fmt.number(latest.get("premises"), 0, lang),
                fmt.vacancy(latest.get("vacancy_rate"), lang),
                fmt.points(latest.get("rate_change"), 1, lang) if report.previous else "",
                tr(BAND_WORDS[band]) if band in BAND_WORDS else fmt.MISSING,
                fmt.number(footfall.get("value"), 0, lang),
                fmt.percent(footfall.get("change"), 1, lang, signed=True) if footfall else "",
                fmt.number(population.get("value"), 0, lang)])
            if band in st.PROCOS_TINTS:
                backgrounds[(len(rows) - 1, 4)] = st.PROCOS_TINTS[band]
        whole = report.territory_vacancy.iloc[-1]
        rows.append([tr("Territory (all premises)"), fmt.number(whole["premises"], 0, lang),
                     fmt.vacancy(whole["vacancy_rate"], lang),
                     fmt.points(whole["rate_change"], 1, lang) if report.previous else "",
                     tr(BAND_WORDS[whole["procos_band"]]) if whole["procos_band"] in BAND_WORDS
                     else fmt.MISSING, "", "", ""])
        notes = [tr("¹ Pedestrian footfall: mean passages per day and counter in {years}; its "
                    "change over the ISO weeks complete in both years.").format(
                        years=", ".join(str(y) for y in sorted(years)) or fmt.MISSING),
                 tr("² Inhabitants within 10 minutes' walk (network_catchments)."),
                 tr("Changes of the vacancy rate in points since {campaign}.").format(
                     campaign=report.previous.name) if report.previous else ""]
        if star:
            notes.append(tr("* provisional: {note}").format(note=self.provisional_note()))
        note = "\n".join(n for n in notes if n)
        note_height = 2.6 * len(note.split("\n")) + 1
        available = st.FOOTER_TOP - 3 - y - 7 - note_height
        size, margin = density(len(rows) + 1, available - 2)
        self.label(page, tr("Key figures, campaign {campaign}").format(
            campaign=report.reference.name), st.MARGIN, y, st.CONTENT_WIDTH, 5,
            size=st.HEADING_SIZE, bold=True, colour=st.ACCENT)
        height = min(available, (len(rows) + 1) * row_height(1, size, margin) + 1.5)
        self.table(page, st.MARGIN, y + 6, st.CONTENT_WIDTH, height, headers, rows,
                   [45, 15, 16, 19, 24, 25, 16, 20],
                   aligns=[LEFT, RIGHT, RIGHT, RIGHT, LEFT, RIGHT, RIGHT, RIGHT],
                   size=size, backgrounds=backgrounds, bold_rows=[len(rows) - 1],
                   role="key_figures", margin=margin)
        self.label(page, note, st.MARGIN, y + 7 + height, st.CONTENT_WIDTH, note_height,
                   size=st.SMALL_SIZE - 0.5, colour=st.GREY)
        return y + 7 + height + note_height + 3

    # -- centrality, page 1: the map ----------------------------------------------------------
    def centrality_extent(self, cent) -> QgsRectangle:
        extent = self.layers._polygons(cent).boundingBox()
        catchment = self.layers.catchments.get(cent.uuid)
        if catchment is not None:
            extent.combineExtentWith(catchment.extent())
        return self._padded(extent, 0.05, 400.0)

    def centrality_map(self, page: int, cent) -> None:
        report = self.report
        parts = [cent.level_label, tr("premises by status, campaign {campaign}").format(
            campaign=report.reference.name)]
        y = self.header(page, cent.name, " · ".join(p for p in parts if p))
        note = self.provisional_note()
        if note:
            self.label(page, note, st.MARGIN, y, st.CONTENT_WIDTH, 5, size=st.SMALL_SIZE + 0.5,
                       bold=True, colour=st.PROVISIONAL, role="provisional")
            y += 6
        layers = self.layers.centrality_layers(cent)
        bottom = 229.0
        item_map = self.map_item(page, "map", st.MARGIN, y, st.CONTENT_WIDTH, bottom - y,
                                 layers, self.centrality_extent(cent))
        self.north_arrow(page, item_map, st.PAGE_WIDTH - st.MARGIN - 9, y + 2)
        self.scalebar(page, item_map, st.MARGIN + 2, bottom - 9)
        shown = [layer for layer in layers if layer is not self.layers.roads
                 and layer is not self.layers.centralities]
        self.legend(page, item_map, shown, st.MARGIN, bottom + 3, st.CONTENT_WIDTH, 30,
                    columns=3)
        lines = self.sources_lines(cent, item_map.extent())
        half = (len(lines) + 1) // 2
        self.label(page, tr("Sources"), st.MARGIN, 264, 40, 3.5, size=st.SMALL_SIZE - 0.5,
                   bold=True, colour=st.GREY)
        for k, part in enumerate((lines[:half], lines[half:])):
            if part:
                self.label(page, "\n".join(part), st.MARGIN + k * 92, 267.5, 88, 15,
                           size=st.SMALL_SIZE - 0.5, colour=st.GREY,
                           role="sources" if k == 0 else "sources_more")
        self.footer(page)

    def sources_lines(self, cent, extent: Optional[QgsRectangle] = None) -> list:
        """"Data: who, when" for each layer of the map (point layers only when some of their
        features fall within ``extent``)."""
        report = self.report
        ref = report.reference
        lines = [tr("Premises: field inventory {campaign}, {period}").format(
            campaign=ref.name, period=fmt.period_short(ref.start_date, ref.end_date, self.lang)
            if ref.start_date else ref.year or fmt.MISSING)]
        for source in self.sources:
            family = source["family"]
            if family not in MAP_FAMILIES or family == "premises":
                continue
            if family in ("counters", "parkings", "transit", "markets") and not \
                    self.layers.has_points(family, extent):
                continue
            lines.append(tr("{data}: {source}").format(
                data=tr(FAMILIES[family]), source=self.source_line(source, short=True)))
        if cent.uuid in self.layers.catchments:
            lines.append(tr("Walking catchments: network_catchments on the socle's roads"))
        return [clip(line, 88, st.SMALL_SIZE - 0.5) for line in lines]

    def source_line(self, source: dict, short: bool = False) -> str:
        """"who, period or date" of one family of data."""
        if source["family"] == "premises":
            included = self.report.included
            who = self.source_name("inventory")
            return f"{who}, " + fmt.period_short(included[0].start_date, included[-1].end_date,
                                                 self.lang)
        who = ", ".join(self.source_name(s) for s in source["sources"]) or self.source_name("")
        if source.get("vintages"):
            who += " " + ", ".join(source["vintages"])
        period = fmt.period_short if short else fmt.period_label
        if source.get("period_from"):
            when = period(source["period_from"], source["period_to"], self.lang)
        elif source.get("imported_to"):
            when = tr("imported on {date}").format(date=fmt.date_long(source["imported_to"],
                                                                      self.lang))
        else:
            when = tr("updated on {date}").format(date=fmt.date_long(source["last_change"],
                                                                     self.lang))
        return f"{who}, {when}"

    def source_name(self, code: str) -> str:
        from .sources import source_info

        return source_info(code, self.lang)["label"]

    # -- centrality, page 2: the figures -------------------------------------------------------
    def centrality_figures(self, page: int, cent) -> None:
        y = self.header(page, cent.name, tr("Key figures and trends"))
        note = self.provisional_note()
        if note:
            self.label(page, note, st.MARGIN, y, st.CONTENT_WIDTH, 5, size=st.SMALL_SIZE + 0.5,
                       bold=True, colour=st.PROVISIONAL, role="provisional")
            y += 6
        y = self.cards(page, cent, y + 1)
        draws = self.centrality_charts(cent)
        gap = 6.0
        half = (st.CONTENT_WIDTH - gap) / 2
        height = 62.0
        slots = []
        for k in range(len(draws)):
            row, col = divmod(k, 2)
            alone = k == len(draws) - 1 and len(draws) % 2 == 1
            slots.append((st.MARGIN + col * (half + gap), y + row * (height + 4),
                          st.CONTENT_WIDTH if alone else half, height))
        for (role, draw), (x, cy, w, h) in zip(draws, slots):
            self.chart(page, role, draw, x, cy, w, h)
        if slots:
            y = slots[-1][1] + height + 6
        self.lists(page, cent, y)
        self.footer(page)

    def centrality_charts(self, cent) -> list:
        """(role, draw(path, size)) of the charts this centrality has data for."""
        report, lang = self.report, self.lang
        draws = []
        if len(cent.vacancy) and cent.vacancy["premises"].sum():
            draws.append(("vacancy", lambda path, size: charts.vacancy_chart(
                cent.vacancy, lang, size, path, tr("Vacancy rate by campaign"))))
        if len(cent.footfall_months):
            draws.append(("footfall", lambda path, size: charts.footfall_chart(
                cent.footfall_months, lang, size, path, tr("Pedestrian footfall by month"),
                tr("Mean passages per day and counter, complete days only"))))
        if len(cent.mix):
            draws.append(("mix", lambda path, size: charts.mix_chart(
                cent.mix, lang, size, path, tr("Offer mix, campaign {campaign}").format(
                    campaign=short_name(report.reference.name)) + (
                    "*" if report.reference.provisional else ""), cent.name, tr("Territory"),
                self.provisional_note() if report.reference.provisional else None)))
        shown = cent.expectations
        if len(shown) and (~shown["suppressed"].astype(bool)).any():
            who = shown["domain"].iloc[0]
            period = shown["period"].iloc[0]
            title = tr("{who}, survey {period}").format(who=who, period=period) if who \
                else tr("Survey {period}").format(period=period)
            draws.append(("expectations", lambda path, size: charts.expectations_chart(
                shown, lang, size, path, title)))
        return draws

    def cards(self, page: int, cent, y: float) -> float:
        """Up to eight key figures as cards, four per row; returns the y below them."""
        report, lang = self.report, self.lang
        latest = cent.latest()
        star = "*" if report.reference.provisional else ""
        previous = report.previous.name if report.previous else None
        items = []
        if latest:
            items.append((tr("Premises") + star, fmt.number(latest["premises"], 0, lang),
                          tr("campaign {campaign}").format(campaign=report.reference.name)))
            band = latest.get("procos_band")
            change = fmt.points(latest.get("rate_change"), 1, lang) if previous else ""
            items.append((tr("Vacancy rate") + star,
                          fmt.vacancy(latest.get("vacancy_rate"), lang),
                          " · ".join(t for t in (change, tr("band: {band}").format(
                              band=tr(BAND_WORDS[band])) if band in BAND_WORDS else "") if t)))
            if previous:
                items.append((tr("Openings / closures") + star,
                              f"{fmt.number(latest.get('openings'), 0, lang)} / "
                              f"{fmt.number(latest.get('closures'), 0, lang)}",
                              tr("since {campaign}").format(campaign=previous)))
        items.append((tr("Long-term vacancy") + star, fmt.number(len(cent.long_term), 0, lang),
                      tr("vacant for {years} years or more").format(
                          years=fmt.number(report.parameters["long_term_years"], 0, lang))))
        ff = cent.footfall_year
        if ff:
            items.append((tr("Pedestrian footfall"), fmt.number(ff["value"], 0, lang),
                          tr("passages/day in {year}").format(year=ff["year"]) + (
                              " · " + fmt.percent(ff["change"], 1, lang, signed=True)
                              if ff.get("change") is not None else "")))
        figures = cent.figures
        if "catchment_population_walk_10min" in figures:
            five = figures.get("catchment_population_walk_5min", {}).get("value")
            items.append((tr("Within 10 min walk"),
                          fmt.number(figures["catchment_population_walk_10min"]["value"], 0,
                                     lang),
                          tr("inhabitants (5 min: {n})").format(n=fmt.number(five, 0, lang))
                          if five is not None else tr("inhabitants")))
        if "services" in figures:
            items.append((tr("Facilities and services"),
                          fmt.number(figures["services"]["value"], 0, lang),
                          str(figures["services"].get("period") or "")))
        if "markets" in figures and figures["markets"]["value"]:
            sessions = figures.get("market_sessions_per_week", {}).get("value")
            items.append((tr("Markets"), fmt.number(figures["markets"]["value"], 0, lang),
                          tr("{n} sessions a week").format(n=fmt.number(sessions, 1, lang))
                          if sessions is not None else ""))
        if "huff_market_share" in figures:
            items.append((tr("Market share (Huff)"),
                          fmt.percent(figures["huff_market_share"]["value"], 1, lang),
                          tr("of the expected demand")))
        if "independent_share" in figures:
            items.append((tr("Independent shops"),
                          fmt.percent(figures["independent_share"]["value"], 0, lang),
                          tr("chains and franchises apart")))
        items = items[:8]
        width, height, gap = (st.CONTENT_WIDTH - 3 * 3) / 4, 18.0, 3.0
        for k, (title, value, note) in enumerate(items):
            row, col = divmod(k, 4)
            x = st.MARGIN + col * (width + gap)
            cy = y + row * (height + gap)
            provisional = title.endswith("*")
            self.rect(page, x, cy, width, height, "#f3f5f8", role="card")
            self.rect(page, x, cy, 0.9, height, st.PROVISIONAL if provisional else st.ACCENT)
            self.label(page, clip(title, width - 5, st.SMALL_SIZE), x + 3, cy + 1.8,
                       width - 4, 4, size=st.SMALL_SIZE, colour=st.GREY)
            self.label(page, value, x + 3, cy + 5.6, width - 4, 7, size=14, bold=True,
                       colour=st.PROVISIONAL if provisional else st.ACCENT)
            self.label(page, clip(note, width - 5, st.SMALL_SIZE - 0.5), x + 3, cy + 13.2,
                       width - 4, 4, size=st.SMALL_SIZE - 0.5, colour=st.GREY)
        rows = math.ceil(len(items) / 4)
        return y + rows * (height + gap) + 2

    def lists(self, page: int, cent, y: float) -> None:
        """Openings and closures since the previous campaign, and the long-term vacant
        premises, side by side under the charts."""
        report, lang = self.report, self.lang
        bottom = st.FOOTER_TOP - 3
        if bottom - y < 20:
            return
        gap = 6.0
        half = (st.CONTENT_WIDTH - gap) / 2
        size = st.TABLE_SIZE - 0.5
        capacity = rows_fitting(bottom - y - 7, size) - 1
        star = "*" if report.reference.provisional else ""
        if report.previous is not None:
            title = tr("Openings and closures since {campaign}").format(
                campaign=report.previous.name) + star
            self.label(page, title, st.MARGIN, y, half, 5, size=st.HEADING_SIZE - 1.5,
                       bold=True, colour=st.ACCENT)
            changes = cent.changes
            if len(changes):
                widths = [15, 37, half - 52]
                rows = []
                kinds = [changes[changes["kind"] == k] for k in ("opening", "closure")]
                shares = split_capacity([len(k) for k in kinds], capacity)
                for part, room, word in zip(kinds, shares, (tr("opening"), tr("closure"))):
                    # widths share the frame with the cells' margins: about 9/10 hold text
                    lines = [[word, clip(r.address or fmt.MISSING, 0.9 * widths[1], size),
                              clip(self.occupant(r.sign_name, r.activity), 0.9 * widths[2],
                                   size)]
                             for r in part.itertuples(index=False)]
                    rows += self.cut(lines, room)
                colours = {(i, 0): "#1b7837" if row[0] == tr("opening") else
                           st.STATUS_COLOURS["vacant"] for i, row in enumerate(rows) if row[0]}
                self.table(page, st.MARGIN, y + 6, half, bottom - y - 6,
                           [tr("Change"), tr("Address"), tr("Shop")], rows, widths, size=size,
                           colours=colours, role="changes")
            else:
                self.label(page, tr("No opening nor closure."), st.MARGIN, y + 6, half, 5,
                           size=st.BODY_SIZE - 0.5, colour=st.GREY, italic=True)
        x = st.MARGIN + half + gap if report.previous is not None else st.MARGIN
        title = tr("Premises vacant for {years} years or more").format(
            years=fmt.number(report.parameters["long_term_years"], 0, lang)) + star
        self.label(page, title, x, y, half, 5, size=st.HEADING_SIZE - 1.5, bold=True,
                   colour=st.ACCENT)
        if len(cent.long_term):
            widths = [half - 44, 26, 18]
            rows = [["", clip(r.address or fmt.MISSING, 0.9 * widths[0], size),
                     str(r.since or ""),
                     tr("{years} years").format(years=fmt.number(r.years, 1, lang))]
                    for r in cent.long_term.itertuples(index=False)]
            rows = [row[1:] for row in self.cut(rows, capacity)]
            self.table(page, x, y + 6, half, bottom - y - 6,
                       [tr("Address"), tr("Vacant since"), tr("Duration")], rows, widths,
                       aligns=[LEFT, LEFT, RIGHT], size=size, role="long_term")
        else:
            self.label(page, tr("No premise vacant that long."), x, y + 6, half, 5,
                       size=st.BODY_SIZE - 0.5, colour=st.GREY, italic=True)

    @staticmethod
    def occupant(sign, activity) -> str:
        parts = [str(p) for p in (sign, activity) if p is not None and p == p and str(p)]
        return " · ".join(parts) or fmt.MISSING

    def cut(self, rows: list, capacity: int) -> list:
        """The rows that fit; when some do not, the last kept row says how many more there
        are (in the second column)."""
        if len(rows) <= capacity or capacity < 2:
            return rows[:max(capacity, 0)]
        kept = rows[:capacity - 1]
        more = ["" for _ in rows[0]]
        more[1] = tr("… and {n} more").format(n=len(rows) - len(kept))
        return kept + [more]

    # -- methods -------------------------------------------------------------------------------
    def methods(self, page: int) -> None:
        report, lang = self.report, self.lang
        y = self.header(page, tr("Methods and sources"))
        width = st.CONTENT_WIDTH
        codes = ["premises", "vacancy_rate", "vacancy_rate_change", "openings", "closures",
                 "long_term_vacant_premises", "shops", "share_alimentaire",
                 "independent_share"]
        if report.has("footfall"):
            codes += ["footfall_mean_daily", "footfall_yoy"]
        figures = {code for c in report.centralities for code in c.figures}
        codes += [c for c in ("catchment_population_walk_10min", "services", "markets",
                              "huff_market_share") if c in figures]
        codes += sorted({code for c in report.centralities for code in c.expectations["code"]})
        definition_rows = []
        for code in codes:
            definition = definitions.lookup(code, lang)
            label = tr("Share of an activity group") if code.startswith("share_") else \
                definition.label
            definition_rows.append([label, definition.definition])
        bands = ", ".join(f"{tr(BAND_WORDS[code])} {self.band_range(i)}"
                          for i, (code, _lower) in enumerate(report.parameters["procos"]))
        definition_rows.append([tr("Procos band"), tr(
            "Severity of the vacancy rate (Procos): {bands}.").format(bands=bands)])
        campaign_rows, colours = [], {}
        for camp in report.campaigns:
            state = tr("closed") if camp.state == "closed" else tr("open")
            use = tr("yes, provisional") if camp.included and camp.provisional else (
                tr("yes") if camp.included else tr("no (open campaign)") if camp.provisional
                else tr("no (after the reference campaign)"))
            campaign_rows.append([camp.name, fmt.period_label(camp.start_date, camp.end_date,
                                                               lang),
                                  state, self.share(camp.completeness), use])
            if camp.provisional:
                colours[(len(campaign_rows) - 1, None)] = st.PROVISIONAL
        from .sources import source_info

        source_rows = []
        for source in self.sources:
            codes_ = ["inventory"] if source["family"] == "premises" else source["sources"]
            infos = [source_info(code, lang) for code in codes_] or [source_info("", lang)]
            source_rows.append([tr(FAMILIES.get(source["family"], source["family"])),
                                self.source_line(source),
                                "; ".join(dict.fromkeys(i["licence"] for i in infos))])
        parameters = self.parameters_text()
        tables = [
            (tr("Definitions"), [tr("Indicator"), tr("Definition")], definition_rows,
             [46, width - 46], "definitions", {}),
            (tr("Inventory campaigns"), [tr("Campaign"), tr("Dates"), tr("State"),
                                         tr("Visited"), tr("In this atlas")],
             campaign_rows, [34, 70, 18, 18, width - 140], "campaigns",
             {"aligns": [LEFT, LEFT, LEFT, RIGHT, LEFT], "colours": colours}),
            (tr("Sources and licences"), [tr("Data"), tr("Source and period"), tr("Licence")],
             source_rows, [38, 88, width - 126], "sources_table", {}),
        ]
        size = st.SMALL_SIZE
        while size > 4.5:
            needed = sum(11 + self.table_height(rows, widths, size)
                         for _t, _h, rows, widths, _r, _o in tables)
            needed += 6 + text_lines(parameters, width, size) * size * PT_MM * 1.2
            if y + needed <= st.FOOTER_TOP - 2:
                break
            size -= 0.25
        for title, headers, rows, widths, role, options in tables:
            y = self.methods_table(page, y, title, headers, rows, widths, size, role,
                                   **options)
        self.label(page, tr("Parameters"), st.MARGIN, y, width, 5, size=st.HEADING_SIZE,
                   bold=True, colour=st.ACCENT)
        self.label(page, parameters, st.MARGIN, y + 6, width,
                   max(10.0, st.FOOTER_TOP - 2 - (y + 6)), size=size, colour=st.GREY_DARK,
                   role="parameters")
        self.footer(page)

    def methods_table(self, page: int, y: float, title: str, headers: list, rows: list,
                      widths: list, size: float, role: str, **options) -> float:
        """A heading and a wrapped table sized to its rows; returns the y below."""
        self.label(page, title, st.MARGIN, y, st.CONTENT_WIDTH, 5, size=st.HEADING_SIZE,
                   bold=True, colour=st.ACCENT)
        height = self.table_height(rows, widths, size)
        self.table(page, st.MARGIN, y + 6, st.CONTENT_WIDTH, height, headers, rows, widths,
                   size=size, wrap=True, role=role, **options)
        return y + 6 + height + 5

    def band_range(self, index: int) -> str:
        bounds = [lower for _code, lower in self.report.parameters["procos"]]

        def pct(value):
            return fmt.percent(value, 1 if value % 1 else 0, self.lang)

        if index + 1 < len(bounds):
            upper = bounds[index + 1]
            return "< " + pct(upper) if index == 0 else f"{pct(bounds[index])} – {pct(upper)}"
        return "≥ " + pct(bounds[index])

    def parameters_text(self) -> str:
        report, lang = self.report, self.lang
        p = report.parameters
        lines = [
            tr("Vacancy and offer are computed when the atlas is printed, from the "
               "observations of the campaigns {campaigns}; statuses counted as vacant: "
               "{statuses}; observations still to confirm are counted with their pre-filled "
               "status.").format(campaigns=", ".join(p["included"]),
                                 statuses=", ".join(p["vacant_statuses"])),
            tr("Open campaigns: {choice}.").format(
                choice=tr("included, marked provisional") if p["include_open"] else
                tr("left out") + (f" ({', '.join(p['excluded_open'])})"
                                  if p["excluded_open"] else "")),
        ]
        if p.get("centralities"):
            lines.append(tr("Centralities in this atlas: {names} ({n} of the {total} of the "
                            "socle); the territory's figures count every premise.").format(
                names=", ".join(p["centralities"]), n=len(p["centralities"]),
                total=p["centralities_total"]))
        lines += [
            tr("Long-term vacancy: vacant for {years} years or more, measured between the "
               "start dates of the campaigns.").format(
                years=fmt.number(p["long_term_years"], 1 if p["long_term_years"] % 1 else 0,
                                 lang)),
        ]
        if p["footfall"]:
            lines.append(tr("Footfall (footfall_by_centrality): counters within {distance} m "
                            "of a centrality, mode {mode}; complete days only.").format(
                distance=fmt.number(p["footfall"].get("distance"), 0, lang),
                mode=p["footfall"].get("mobility", fmt.MISSING)))
        if p["catchments"]:
            lines.append(tr("Catchments (network_catchments): travel times on the socle's "
                            "road network; the latest run is shown."))
        if p["huff"]:
            lines.append(tr("Huff model: alpha {alpha}, beta {beta}, decay {decay}.").format(
                alpha=fmt.auto(p["huff"].get("alpha"), lang),
                beta=fmt.auto(p["huff"].get("beta"), lang),
                decay=p["huff"].get("decay", fmt.MISSING)))
        if report.has("expectations"):
            lines.append(tr("Survey figures: never shown under {min} respondents, flagged "
                            "low precision under {low}.").format(min=p["min_respondents"],
                                                                 low=p["low_precision"]))
        lines.append(tr("Printed by the QGIS plugin Observatoire du commerce {version}.").format(
            version=__version__))
        return "\n".join(lines)


def short_name(name: str) -> str:
    """"2024" for "Inventaire 2024" (the words every campaign name shares are dropped by the
    charts; here only a leading word before a year)."""
    parts = str(name).split()
    return parts[-1] if len(parts) > 1 and parts[-1].isdigit() else str(name)

