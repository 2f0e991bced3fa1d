"""The observatory's atlas (print_atlas) and the dashboard algorithm, through the layout
items and rendered pages: the demo atlas in French, open campaigns, absent sections."""

from __future__ import annotations

import re
import shutil
import sqlite3

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from observatoire_commerce.reporting import atlas, atlas_data
from observatoire_commerce.reporting.language import translation_file

from ..unit.report_site import build_report_site

NBSP = "\u00a0"


def needs_french():
    if not translation_file("fr").is_file():
        pytest.skip("the French translation is not compiled: run the tests through `make test`")


def items_on(built, page: int, kind=None) -> list:
    """Layout items of a page (0-based), of a class when given (frames of tables included)."""
    return [item for item in built.layout.items()
            if isinstance(item, QgsLayoutItem) and not isinstance(item, QgsLayoutItemPage)
            and item.page() == page and (kind is None or isinstance(item, kind))]


def role(item) -> str:
    return item.id().split("@")[0]


def labels(built, page: int) -> dict:
    return {role(i) or i.text(): i.text() for i in items_on(built, page, QgsLayoutItemLabel)}


def charts_on(built, page: int) -> list:
    return sorted(role(i)[len("chart_"):] for i in items_on(built, page, QgsLayoutItemPicture)
                  if role(i).startswith("chart_"))


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def table_on(built, page: int, name: str):
    frames = [i for i in items_on(built, page, QgsLayoutFrame) if role(i) == name]
    assert frames, f"no table {name} on page {page + 1}"
    table = frames[0].multiFrame()
    headers = [c.heading() for c in table.headers()]
    return headers, [[cell.content() for cell in row] for row in table.tableContents()]


# -------------------------------------------------------------------------------- demo

@pytest.fixture(scope="module")
def demo_atlas(demo_gpkg, processing_ready, tmp_path_factory):
    """The demo territory with its footfall indicators, printed in French (default options)."""
    from qgis import processing

    needs_french()
    folder = tmp_path_factory.mktemp("demo_atlas")
    path = folder / "demo.gpkg"
    shutil.copy(demo_gpkg, path)
    processing.run("observatoire:footfall_by_centrality", {
        "GEOPACKAGE": str(path), "DISTANCE": 100,
        **{key: str(folder / f"{key.lower()}.csv") for key in (
            "OUTPUT_PERIODS", "OUTPUT_HOURLY", "OUTPUT_YOY", "OUTPUT_PROFILES")},
        "OUTPUT_CENTRALITIES": str(folder / "centralities.gpkg"),
        "OUTPUT_SITES": str(folder / "sites.gpkg")})
    built = atlas.build(str(path), atlas_data.Options(), chart_dir=folder / "charts")
    pdf = folder / "atlas.pdf"
    pages = atlas.export_pdf(built, str(pdf))
    yield built, pdf, pages
    built.cleanup()


def test_demo_atlas_is_french_with_every_page(demo_atlas):
    built, pdf, pages = demo_atlas
    kinds = [p.kind for p in built.pages]
    n = len(built.report.centralities)
    assert n == 6
    assert kinds == ["cover", "summary"] + ["centrality_map", "centrality_figures"] * n + [
        "methods"]
    assert pages == 3 + 2 * n == pdf_pages(pdf) == built.layout.pageCollection().pageCount()
    assert labels(built, 0)["cover_title"] == "Atlas des centralités commerciales"
    summary = labels(built, 1)
    assert summary["title"] == "Synthèse du territoire"
    assert re.search(r"vacance du territoire \d+,\d\u00a0%", summary["subtitle"])
    assert labels(built, 2)["title"] == "Centre-ville"
    assert labels(built, 3)["subtitle"] == "Chiffres clés et tendances"
    assert labels(built, pages - 1)["title"] == "Méthodes et sources"
    headers, rows = table_on(built, 1, "key_figures")
    assert headers[:3] == ["Centralité", "Locaux", "Vacance"]
    assert rows[-1][0] == "Territoire (tous les locaux)"
    assert all(re.fullmatch(r"\d+,\d{1,3}\u00a0%", r[2]) for r in rows)
    # Centre-ville: 64 vacant of 641 = 9.984 %, "préoccupante": printed 9,98 %, not 10,0 %
    centre = next(r for r in rows if r[0] == "Centre-ville")
    assert (centre[2], centre[4]) == ("9,98\u00a0%", "préoccupante")


def test_demo_centrality_pages_hold_charts_and_map_furniture(demo_atlas, demo_gpkg):
    built, _pdf, _pages = demo_atlas
    conn = sqlite3.connect(str(demo_gpkg))
    demo_points = {table: conn.execute(f"SELECT count(*) FROM {table} WHERE geom IS NOT "
                                       "NULL").fetchone()[0]
                   for table in ("parkings", "transit_stops", "markets", "counting_sites")}
    conn.close()
    for index in built.page_indexes("centrality_map"):
        (item_map,) = items_on(built, index, QgsLayoutItemMap)
        (bar,) = items_on(built, index, QgsLayoutItemScaleBar)
        (legend,) = items_on(built, index, QgsLayoutItemLegend)
        arrows = [i for i in items_on(built, index, QgsLayoutItemPicture)
                  if role(i) == "north_arrow"]
        assert bar.linkedMap() is item_map and legend.linkedMap() is item_map
        assert len(arrows) == 1 and arrows[0].linkedMap() is item_map
        names = [layer.name() for layer in item_map.layers()]
        assert "Compteurs piétons" in names and "Locaux, campagne Inventaire 2024" in names
        # car parks, public transport stops and markets: every one of the socle, on each map
        by_name = {layer.name(): layer for layer in item_map.layers()}
        for name, table in (("Parcs de stationnement", "parkings"),
                            ("Arrêts de transport en commun", "transit_stops"),
                            ("Marchés", "markets"), ("Compteurs piétons", "counting_sites")):
            assert name in by_name, (built.pages[index].centrality, names)
            assert by_name[name].featureCount() == demo_points[table] > 0, name
        legend_names = [node.layer().name() for node in legend.model().rootGroup().findLayers()]
        assert {"Parcs de stationnement", "Arrêts de transport en commun", "Marchés",
                "Compteurs piétons"} <= set(legend_names), legend_names
        assert "Sources" in labels(built, index)
        figures = charts_on(built, index + 1)
        assert figures == ["footfall", "mix", "vacancy"], built.pages[index].centrality


def test_demo_rendered_pages_are_not_blank_where_a_chart_stands(demo_atlas):
    built, _pdf, _pages = demo_atlas
    exporter = QgsLayoutExporter(built.layout)
    dpi = 40
    scale = dpi / 25.4
    for index in built.page_indexes("centrality_figures")[:2] + [1]:
        image = exporter.renderPageToImage(index, QSize(), dpi)
        assert not image.isNull()
        pictures = [i for i in items_on(built, index, QgsLayoutItemPicture)
                    if role(i).startswith("chart_")]
        assert pictures
        for item in pictures:
            left, top = item.pagePos().x() * scale, item.pagePos().y() * scale
            width, height = item.rect().width() * scale, item.rect().height() * scale
            inked = total = 0
            for x in range(int(left) + 1, int(left + width) - 1, 2):
                for y in range(int(top) + 1, int(top + height) - 1, 2):
                    total += 1
                    inked += QColor(image.pixel(x, y)).lightness() < 235
            assert total and inked / total > 0.08, (index, item.id(), inked / total)


# ------------------------------------------------------------------- open campaigns

def build_site(tmp_path, language="fr", **options):
    path = tmp_path / "site.gpkg"
    if not path.exists():
        build_report_site(path, flows=options.pop("flows", False),
                          catchments=options.pop("catchments", False),
                          survey=options.pop("survey", False)).close()
    for key in ("flows", "catchments", "survey"):
        options.pop(key, None)
    layer = options.pop("catchment_layer", None)
    return atlas.build(str(path), atlas_data.Options(language=language, **options),
                       catchments=layer, chart_dir=tmp_path / "charts")


def test_open_campaign_left_out_by_default(tmp_path):
    needs_french()
    built = build_site(tmp_path)
    assert built.report.reference.name == "Inventaire 2024"
    for index, _page in enumerate(built.pages):
        assert not any(role(i) in ("provisional", "cover_provisional")
                       for i in items_on(built, index, QgsLayoutItemLabel)), index
    headers, rows = table_on(built, 1, "key_figures")
    assert "Vacance" in headers
    assert [r[:3] for r in rows] == [["Centre", "5", f"40,0{NBSP}%"],
                                     ["Gare", "3", f"0,0{NBSP}%"],
                                     ["=Vide", "0", "\u2013"],
                                     ["Territoire (tous les locaux)", "9", f"22,2{NBSP}%"]]
    _headers, campaigns = table_on(built, len(built.pages) - 1, "campaigns")
    assert campaigns[-1][0] == "Inventaire 2025"
    assert campaigns[-1][2:] == ["en cours", f"33{NBSP}%", "non (campagne en cours)"]
    assert built.report.centralities[0].vacancy["campaign"].tolist() == [
        "Inventaire 2022", "Inventaire 2023", "Inventaire 2024"]
    built.cleanup()


def test_open_campaign_included_is_marked_provisional_everywhere(tmp_path):
    needs_french()
    built = build_site(tmp_path, include_open=True)
    assert built.report.reference.name == "Inventaire 2025"
    note = "Inventaire 2025 est en cours : chiffres provisoires (33\u00a0% des locaux visités)"
    assert labels(built, 0)["cover_provisional"] == note
    for index, page in enumerate(built.pages):
        if page.kind != "cover":
            texts = labels(built, index)
            if page.kind == "methods":
                continue
            assert texts["provisional"] == note, page
    headers, rows = table_on(built, 1, "key_figures")
    assert headers[2] == "Vacance*" and rows[0][2] == f"60,0{NBSP}%"
    figures = built.page_indexes("centrality_figures")[0]
    card_titles = [i.text() for i in items_on(built, figures, QgsLayoutItemLabel)]
    assert "Taux de vacance*" in card_titles
    _headers, lists = table_on(built, figures, "changes")
    assert lists == [["fermeture", "5 rue du Test", "Alimentaire"]]
    vacancy = built.report.centralities[0].vacancy  # what the vacancy chart is drawn from
    assert vacancy["provisional"].tolist() == [False, False, False, True]
    assert round(vacancy["completeness"].iloc[-1], 4) == 0.3333
    _headers, campaigns = table_on(built, len(built.pages) - 1, "campaigns")
    assert campaigns[-1][-1] == "oui, provisoire"
    built.cleanup()


def svg_texts(path) -> list:
    """The texts of an SVG chart written with svg.fonttype 'none' (text kept as text)."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(str(path))
    return ["".join(node.itertext()).strip() for node in tree.iter()
            if node.tag.endswith("}text")]


def chart_file(built, page: int, name: str):
    (item,) = [i for i in items_on(built, page, QgsLayoutItemPicture)
               if role(i) == f"chart_{name}"]
    return item.picturePath()


def test_provisional_marks_are_drawn_in_the_charts(tmp_path, monkeypatch):
    from observatoire_commerce.reporting import charts

    needs_french()
    monkeypatch.setattr(charts, "SVG_FONTTYPE", "none")
    built = build_site(tmp_path, include_open=True)
    note = ("* Inventaire 2025 : provisoire, campagne en cours (33\u00a0% des locaux "
            "visités)")
    centre = built.page_indexes("centrality_figures")[0]
    texts = svg_texts(chart_file(built, centre, "vacancy"))
    # the open campaign's bar: its label, its value and the footnote carry the mark
    assert sorted(t for t in texts if t.endswith("*")) == ["2025*", "60,0\u00a0%*"]
    assert note in texts
    assert {"2022", "2023", "2024"} <= set(texts)          # closed campaigns: no mark
    summary = svg_texts(chart_file(built, 1, "territory_vacancy"))
    assert "2025*" in summary and note in summary and "2024*" not in summary
    mix = svg_texts(chart_file(built, centre, "mix"))
    assert any(t.endswith("2025*") for t in mix), mix   # the mix is of the open campaign
    built.cleanup()
    # closed campaigns only: no mark at all
    built = build_site(tmp_path)
    centre = built.page_indexes("centrality_figures")[0]
    for path in (chart_file(built, centre, "vacancy"), chart_file(built, 1,
                                                                 "territory_vacancy")):
        texts = svg_texts(path)
        assert "2024" in texts and not [t for t in texts if "*" in t or "provisoire" in t]
    built.cleanup()


# ------------------------------------------------------------------- absent sections

def test_territory_without_counters_or_survey_leaves_those_sections_out(tmp_path):
    needs_french()
    built = build_site(tmp_path)
    assert len(built.pages) == 3 + 2 * 3
    centre, gare, empty = built.page_indexes("centrality_figures")
    assert charts_on(built, centre) == ["mix", "vacancy"]
    assert charts_on(built, gare) == ["mix", "vacancy"]
    assert charts_on(built, empty) == []  # no premise: no chart, no empty frame
    for index in built.page_indexes("centrality_map"):
        (item_map,) = items_on(built, index, QgsLayoutItemMap)
        names = [layer.name() for layer in item_map.layers()]
        assert "Compteurs piétons" not in names and "Zones accessibles à pied" not in names
        assert not any("Comptages" in text for text in labels(built, index).values())
    cards = [i.text() for i in items_on(built, centre, QgsLayoutItemLabel)]
    assert "Fréquentation piétonne" not in cards
    definitions = [r[0] for r in table_on(built, len(built.pages) - 1, "definitions")[1]]
    assert "Fréquentation piétonne" not in definitions
    built.cleanup()


def catchment_layer():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=origin_uuid:string"
                           "&field=origin_id:string&field=mode:string&field=band:double",
                           "walk", "memory")
    features = []
    for band, size in ((5, 150), (10, 300), (15, 450)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({100 - size} {100 - size},{100 + size} {100 - size},"
            f"{100 + size} {100 + size},{100 - size} {100 + size},{100 - size} {100 - size})))"))
        feature.setAttributes(["cA", "Centre", "walk", float(band)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_survey_profile_counters_and_catchments_when_they_exist(tmp_path):
    needs_french()
    built = build_site(tmp_path, flows=True, survey=True, catchments=True,
                       catchment_layer=catchment_layer())
    centre_map, gare_map, _empty = built.page_indexes("centrality_map")
    assert charts_on(built, centre_map + 1) == ["expectations", "footfall", "mix", "vacancy"]
    assert charts_on(built, gare_map + 1) == ["expectations", "mix", "vacancy"]
    (item_map,) = items_on(built, centre_map, QgsLayoutItemMap)
    names = [layer.name() for layer in item_map.layers()]
    assert "Zones accessibles à pied" in names and "Compteurs piétons" in names
    catchments = [layer for layer in item_map.layers()
                  if layer.name() == "Zones accessibles à pied"][0]
    assert sorted(f["band"] for f in catchments.getFeatures()) == [5.0, 10.0]  # not 15
    (gare,) = items_on(built, gare_map, QgsLayoutItemMap)
    assert "Zones accessibles à pied" not in [layer.name() for layer in gare.layers()]
    texts = [i.text() for i in items_on(built, centre_map + 1, QgsLayoutItemLabel)]
    assert "1\u00a0165" in texts and "5\u00a0400" in texts  # footfall and population cards
    built.cleanup()


def test_english_atlas_even_under_a_french_qgis(tmp_path):
    from observatoire_commerce.i18n import install_translator, remove_translators, tr

    needs_french()
    assert install_translator("fr")  # the plugin's interface in French, as in a French QGIS
    try:
        built = build_site(tmp_path, language="en")
        assert tr("Vacancy rate") == "Taux de vacance"  # the interface stays French
    finally:
        remove_translators()
    assert labels(built, 1)["title"] == "Summary of the territory"
    headers, rows = table_on(built, 1, "key_figures")
    assert headers[2] == "Vacancy" and rows[0][2] == "40.0%"
    built.cleanup()


# ------------------------------------------------------------------ chosen centralities

def test_atlas_of_the_chosen_centralities_only(tmp_path):
    needs_french()
    built = build_site(tmp_path, centralities=["Gare"])
    assert [p.kind for p in built.pages] == ["cover", "summary", "centrality_map",
                                             "centrality_figures", "methods"]
    assert built.layout.pageCollection().pageCount() == 5
    assert labels(built, 2)["title"] == "Gare"
    _headers, rows = table_on(built, 1, "key_figures")
    assert [r[:3] for r in rows] == [["Gare", "3", f"0,0{NBSP}%"],
                                     ["Territoire (tous les locaux)", "9", f"22,2{NBSP}%"]]
    methods = " ".join(labels(built, 4).values())
    assert ("Centralités de cet atlas : Gare (1 sur les 3 du socle) ; les chiffres du "
            "territoire comptent tous les locaux.") in methods
    built.cleanup()


# ------------------------------------------------------------------------ algorithms

def test_print_atlas_algorithm(run_alg, tmp_path):
    needs_french()
    build_report_site(tmp_path / "site.gpkg", flows=True).close()
    out = tmp_path / "atlas.pdf"
    result = run_alg("print_atlas", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                     "OUTPUT": str(out)})
    assert result == {"OUTPUT": str(out), "PAGES": 9, "CENTRALITIES_PRINTED": 3}
    assert pdf_pages(out) == 9
    assert not list(tmp_path.glob("observatoire_atlas_*"))
    with pytest.raises(QgsProcessingException, match="Inventaire 2025 is still open|"
                                                     "Inventaire 2025 est encore ouverte"):
        run_alg("print_atlas", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                "CAMPAIGN": "Inventaire 2025", "OUTPUT": str(out)})
    result = run_alg("print_atlas", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                     "CAMPAIGN": "Inventaire 2025", "INCLUDE_OPEN": True,
                                     "LANGUAGE": 1, "OUTPUT": str(out)})
    assert result["PAGES"] == 9
    result = run_alg("print_atlas", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                     "CENTRALITIES": "Gare, Centre", "OUTPUT": str(out)})
    assert result == {"OUTPUT": str(out), "PAGES": 7, "CENTRALITIES_PRINTED": 2}
    assert pdf_pages(out) == 7
    with pytest.raises(QgsProcessingException, match=r"Unknown centrality name\(s\): Plage\. |"
                                                     r"Centralité\(s\) inconnue\(s\) : Plage\. "):
        run_alg("print_atlas", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                "CENTRALITIES": "Plage", "OUTPUT": str(out)})


def test_missing_matplotlib_is_named(processing_ready, monkeypatch, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext

    from observatoire_commerce import dependencies

    build_report_site(tmp_path / "site.gpkg").close()
    monkeypatch.setattr(dependencies, "missing", lambda names: list(names))
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(
        "observatoire:print_atlas")
    ok, message = algorithm.checkParameterValues(
        {"GEOPACKAGE": str(tmp_path / "site.gpkg"), "OUTPUT": str(tmp_path / "a.pdf")},
        QgsProcessingContext())
    assert not ok
    assert "matplotlib (Debian/Ubuntu: python3-matplotlib; pip: matplotlib)" in message


def test_export_dashboard_algorithm(run_alg, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    needs_french()
    build_report_site(tmp_path / "site.gpkg", flows=True, survey=True).close()
    out = tmp_path / "tableau.xlsx"
    result = run_alg("export_dashboard_xlsx", {"GEOPACKAGE": str(tmp_path / "site.gpkg"),
                                               "OUTPUT": str(out)})
    assert result == {"OUTPUT": str(out), "SHEETS": 7}
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Lisez-moi", "Offre et vacance", "Flux", "Attentes",
                               "Zones de chalandise", "Indicateurs", "Définitions"]
    precision = {r[1]: r[9] for r in book["Indicateurs"].iter_rows(min_row=2, values_only=True)
                 if r[0] == "Centre"}
    assert precision["expect_satisfaction_safety_satisfied__visitors"] == (
        "non diffusé : moins de 11 répondants")
