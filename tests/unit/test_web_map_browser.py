"""The citizens' web map in a real browser: Debian's headless Chromium driven by Playwright.

Playwright (requirements/dev.txt) drives the system Chromium (``/usr/bin/chromium``, Debian
package ``chromium``, both installed by ``scripts/setup.sh``); Playwright's own browser
download is never used. Playwright rather than Selenium: one pip package with no driver binary
to keep in step with the browser, console and page errors as events, real keyboard and touch
input, and screenshots at any viewport. Each launch gets a fresh temporary profile.

The site is written from the hand-built fixture ``tests/data/web_map/fixture.json`` (15 places:
9 shops, 2 services, 2 producers, 2 markets; Centre-ville holds 8, Quartier de la Gare 4) and
served on 127.0.0.1 by ``http.server`` in a thread; every expected count below is read off that
file by hand. Screenshots go to the test's tmp dir (paths printed with ``-s``).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from observatoire_commerce.reporting.web_map import write_web_map

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "web_map" / "fixture.json"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync"]
DESKTOP = {"width": 1366, "height": 820}
PHONE = {"width": 390, "height": 844}

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="Playwright for Python is not installed (requirements/dev.txt; run `make setup`)")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"Chromium not found at {CHROMIUM} (Debian package `chromium`, installed by "
                "scripts/setup.sh)", allow_module_level=True)


def fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    data = fixture()
    folder = tmp_path_factory.mktemp("web") / "site"
    write_web_map(folder, places=data["places"], centralities=data["centralities"],
                  background=data["background"], meta=data["meta"])
    return folder


@pytest.fixture(scope="module")
def base_url(site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                  args=LAUNCH_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} could not be started by Playwright: {exc}")
        yield chromium
        chromium.close()


class Page:
    """A loaded page and every console message and page error it produced."""

    def __init__(self, browser, url: str, viewport: dict, phone: bool = False):
        self.context = browser.new_context(viewport=viewport, locale="fr-FR", is_mobile=phone,
                                           has_touch=phone, device_scale_factor=2 if phone else 1)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.messages: list = []
        self.page.on("console", lambda m: self.messages.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.messages.append(f"pageerror: {e}"))
        self.page.goto(url)
        self.page.wait_for_function("window.__ready !== undefined", timeout=15000)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def screenshot(self, path: Path) -> Path:
        """Screenshot once the map has finished moving (Leaflet animates zooms and pans)."""
        self.page.wait_for_function("!window.observatoire.map._animatingZoom")
        self.page.wait_for_timeout(400)
        self.page.screenshot(path=str(path))
        print(f"screenshot: {path}")
        return path

    def markers(self) -> int:
        return self.js("window.observatoire.markerCount()")

    def listed(self) -> list:
        return self.page.locator("#liste-lieux li:not([hidden]) .place__name").all_inner_texts()

    def status(self) -> str:
        return " ".join(self.page.inner_text("#statut").split())

    def close(self):
        self.context.close()


@pytest.fixture
def page(browser, base_url):
    loaded = Page(browser, base_url + "index.html", DESKTOP)
    yield loaded
    loaded.close()


def test_page_loads_without_console_error_and_draws_every_place(page, tmp_path):
    assert page.messages == []
    assert page.js("document.documentElement.lang") == "fr"
    assert page.page.title() == "Commerces, services et circuits courts — Ville-Test"
    assert page.js("window.observatoire.markerCounts()") == {
        "shop": 9, "service": 2, "producer": 2, "market": 2}
    assert page.markers() == 15
    assert len(page.listed()) == 15
    assert page.status() == "15 lieux affichés sur 15"
    # every text of the page comes from the French strings (no key shown as such)
    assert page.js("""[...document.querySelectorAll('[data-i18n]')]
        .filter((n) => !n.textContent.trim() || n.textContent === n.dataset.i18n)
        .map((n) => n.dataset.i18n)""") == []
    # the legend names every activity group present, in the nomenclature's order
    legend = page.page.locator(".legend__list li").all_inner_texts()
    assert legend[:6] == ["Alimentaire", "Équipement de la personne", "Culture-loisirs",
                          "Hygiène-santé-beauté", "Cafés-hôtels-restaurants", "Automobile"]
    assert page.screenshot(tmp_path / "web_map_desktop.png").stat().st_size > 10_000


@pytest.mark.parametrize(("select", "value", "expected"), [
    ("#filtre-groupe", "alimentaire",
     ["Boulangerie du Marché", "Épicerie de la Gare", "Fromagerie Lenoir"]),
    ("#filtre-centralite", "gare",
     ["Épicerie de la Gare", "Hôtel Terminus", "Marché bio de la Gare", "Médiathèque"]),
    ("#filtre-jour", "samedi", ["Fromagerie Lenoir", "Marché des Halles"]),
    ("#filtre-jour", "jeudi", ["Fromagerie Lenoir", "Marché bio de la Gare"]),
])
def test_filters_restrict_markers_and_list(page, select, value, expected):
    page.page.select_option(select, value)
    assert page.listed() == expected
    assert page.markers() == len(expected)
    assert page.status() == f"{len(expected)} lieux affichés sur 15"
    assert page.messages == []


def test_organic_and_layer_toggles(page):
    page.page.check("#filtre-bio")
    assert page.listed() == ["Ferme des Trois Chênes", "Marché bio de la Gare"]
    assert page.markers() == 2
    page.page.uncheck("#filtre-bio")
    page.page.uncheck("#couche-shop")
    assert page.js("window.observatoire.markerCounts()") == {
        "shop": 0, "service": 2, "producer": 2, "market": 2}
    assert len(page.listed()) == 6
    page.page.click("#effacer")
    page.page.wait_for_function("window.observatoire.markerCount() === 15")
    assert page.status() == "15 lieux affichés sur 15"


@pytest.mark.parametrize(("text", "expected"), [
    ("carnot", ["Bureau de poste", "Librairie La Plume", "Pharmacie Carnot"]),
    ("MARCHE", ["Boulangerie du Marché", "Café des Arts", "Marché bio de la Gare",
                "Marché des Halles"]),  # by name or street, accents and case ignored
    ("rue des halles", ["Chaussures Martin", "Fromagerie Lenoir"]),
])
def test_search_by_name_or_street(page, text, expected):
    page.page.fill("#recherche", text)
    page.page.press("#recherche", "Enter")
    assert page.listed() == expected
    assert page.markers() == len(expected)


def test_search_combines_with_filters_and_says_when_nothing_matches(page):
    page.page.fill("#recherche", "marché")
    page.page.select_option("#filtre-groupe", "alimentaire")
    page.page.press("#recherche", "Enter")
    assert page.listed() == ["Boulangerie du Marché"]
    page.page.fill("#recherche", "introuvable")
    page.page.press("#recherche", "Enter")
    assert page.listed() == []
    assert page.markers() == 0
    assert page.page.is_visible("#liste-vide")
    assert page.status() == "0 lieu affiché sur 15"


def test_clicking_a_marker_opens_its_popup_and_marks_it_in_the_list(page, tmp_path):
    # Garage Renaud (s9) stands alone: click the canvas where Leaflet drew it.
    x, y = page.js("""(() => {
        const p = window.observatoire.places.find((q) => q.id === 's9');
        const pt = window.observatoire.map.latLngToContainerPoint([p.lat, p.lon]);
        const box = document.getElementById('carte').getBoundingClientRect();
        return [box.left + pt.x, box.top + pt.y];
    })()""")
    page.page.mouse.click(x, y)
    popup = page.page.locator(".leaflet-popup")
    popup.wait_for()
    page.screenshot(tmp_path / "web_map_popup.png")
    assert popup.locator(".popup__title").inner_text() == "Garage Renaud"
    assert "45 route de Paris" in popup.inner_text()
    assert page.page.locator(".place[aria-current='true'] .place__name").inner_text() \
        == "Garage Renaud"
    assert page.js("location.hash") == "#lieu/s9"


def test_popup_of_a_producer_lists_products_and_sales_modes(page):
    page.page.fill("#recherche", "trois chenes")
    page.page.press("#recherche", "Enter")
    page.page.click("#liste-lieux li:not([hidden]) .place")
    text = page.page.locator(".leaflet-popup-content").inner_text()
    assert "Agriculture biologique" in text
    assert "Produits : Légumes, Œufs" in text
    assert "Vente : Vente à la ferme, Marché" in text


def test_keyboard_tab_to_the_list_enter_opens_escape_returns(page):
    page.page.focus("#recherche")
    for _ in range(30):  # Tab through the filters and tabs until the list has the focus
        page.page.keyboard.press("Tab")
        if page.js("document.activeElement.classList.contains('place')"):
            break
    assert page.js("document.activeElement.dataset.id") == "s1"  # first in French order
    page.page.keyboard.press("ArrowDown")
    page.page.keyboard.press("ArrowDown")
    assert page.js("document.activeElement.innerText").startswith("Café des Arts")
    page.page.keyboard.press("Enter")
    page.page.locator(".leaflet-popup").wait_for()
    assert page.js("document.activeElement.className") == "popup__title"
    assert page.js("document.activeElement.textContent") == "Café des Arts"
    page.page.keyboard.press("Escape")
    page.page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.js("document.activeElement.dataset.id") == "s4"
    # the list is a single tab stop: the next Tab leaves it (for the map)
    page.page.keyboard.press("Tab")
    assert not page.js("document.activeElement.classList.contains('place')")
    assert page.js("document.activeElement.id") == "carte"


def test_skip_link_leads_to_the_list(page):
    page.page.keyboard.press("Tab")
    assert page.js("document.activeElement.className") == "skip-link"
    assert page.js("document.activeElement.textContent") == "Aller à la liste des lieux"
    page.page.keyboard.press("Enter")
    assert page.js("document.activeElement.id") == "liste-lieux"
    page.page.keyboard.press("Tab")
    assert page.js("document.activeElement.dataset.id") == "s1"


def _plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def test_centrality_page_says_its_key_figures_in_french(page, tmp_path):
    page.page.click("#onglet-centralites")
    assert page.page.locator("#liste-centralites .place__name").all_inner_texts() == [
        "Centre-ville", "Quartier de la Gare"]
    page.page.click("#liste-centralites button >> nth=0")
    card = page.page.locator("#fiche-centralite")
    paragraphs = [_plain(t) for t in card.locator("p").all_inner_texts()]
    assert paragraphs[:5] == [
        "Centralité principale",
        "Centre-ville compte 6 commerces, 1 service et 1 marché sur cette carte.",
        "Activités les plus représentées parmi ses commerces : Alimentaire (2), "
        "Cafés-hôtels-restaurants (1) et Culture-loisirs (1).",
        "Marché des Halles se tient le mardi et le samedi.",
        "Voir sur la carte Lister ses lieux",
    ]
    assert [_plain(t) for t in card.locator(".figures li").all_inner_texts()] == [
        "Taux de vacance commerciale : 8,5 % (2024).",
        "Passages piétons par jour (moyenne) : 12 400 (2024).",
        "Le centre-ville accueille un marché deux fois par semaine.",
        "Part des habitants satisfaits de l'offre : 72 %. Précision faible : 24 répondants.",
    ]
    assert page.js("location.hash") == "#centralite/centre"
    page.screenshot(tmp_path / "web_map_centrality.png")
    page.page.click("text=Lister ses lieux")
    assert len(page.listed()) == 8
    assert page.markers() == 8


def test_address_of_a_place_opens_it(browser, base_url):
    loaded = Page(browser, base_url + "index.html#lieu/m2", DESKTOP)
    try:
        assert loaded.page.locator(".leaflet-popup .popup__title").inner_text() \
            == "Marché bio de la Gare"
        assert "Jours : jeudi" in loaded.page.locator(".leaflet-popup").inner_text()
        assert loaded.messages == []
    finally:
        loaded.close()


def test_opens_from_the_disk_without_a_server(browser, site):
    loaded = Page(browser, (site / "index.html").as_uri(), DESKTOP)
    try:
        assert loaded.markers() == 15
        assert loaded.messages == []
    finally:
        loaded.close()


CONTRAST_JS = """(() => {
  const lum = (c) => {
    const v = c.map((x) => x / 255).map((x) => x <= 0.03928 ? x / 12.92
      : Math.pow((x + 0.055) / 1.055, 2.4));
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  };
  const rgba = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c.length && (c.length < 4 || c[3] >= 0.85)) { return c.slice(0, 3); }
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const node of document.querySelectorAll('body *')) {
    const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own || !node.getClientRects().length) { continue; }
    const style = getComputedStyle(node);
    if (style.visibility === 'hidden' || style.opacity === '0') { continue; }
    const fg = rgba(style.color).slice(0, 3);
    const a = lum(fg), b = lum(background(node));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) {
      failures.push(node.tagName + ' "' + node.textContent.trim().slice(0, 30) + '" '
        + ratio.toFixed(2));
    }
  }
  return failures;
})()"""


def test_text_contrast_meets_wcag_aa(page):
    page.page.click("#onglet-centralites")
    page.page.click("#liste-centralites button >> nth=0")
    assert page.js(CONTRAST_JS) == []
    page.page.click("#onglet-apropos")
    assert page.js(CONTRAST_JS) == []


def test_phone_layout_touch_targets_and_screenshot(browser, base_url, tmp_path):
    loaded = Page(browser, base_url + "index.html", PHONE, phone=True)
    try:
        assert loaded.messages == []
        assert loaded.markers() == 15
        assert loaded.js("document.scrollingElement.scrollWidth") <= PHONE["width"]
        small = loaded.js("""(() => {
            const targets = document.querySelectorAll(
              'button:not([hidden]), select, input[type=search], summary, .check,'
              + ' .leaflet-control-zoom a');
            return [...targets].filter((n) => n.getClientRects().length)
              .map((n) => [n.id || n.className || n.tagName, n.getBoundingClientRect()])
              .filter(([, r]) => r.height < 44 || r.width < 44)
              .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
        })()""")
        assert small == []
        loaded.screenshot(tmp_path / "web_map_phone.png")
        # a tap on a list item brings the map, with the popup, back into view
        loaded.page.locator("#liste-lieux .place >> nth=0").tap()
        loaded.page.locator(".leaflet-popup").wait_for()
        assert loaded.js("document.getElementById('carte').getBoundingClientRect().top") <= 1
        loaded.screenshot(tmp_path / "web_map_phone_popup.png")
    finally:
        loaded.close()
