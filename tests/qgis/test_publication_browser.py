"""The web map written by observatoire:export_web_map for the demo territory, in a real
browser (Debian's headless Chromium driven by Playwright, as tests/unit/test_web_map_browser.py),
served on localhost. Every expected count is read from the socle with SQL, not from the site.

The socle is a copy of the demo with the never-published texts planted
(``publication_site.planted_copy``), among them a sole trader whose SIRENE record is not
public: the page never shows that name.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sqlite3
import threading
import unicodedata
from pathlib import Path

import pytest

from ..unit.publication_site import SECRETS, planted_copy

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync"]
DESKTOP = {"width": 1366, "height": 820}

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="Playwright for Python is not installed (requirements/dev.txt; run `make setup`)")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"Chromium not found at {CHROMIUM} (Debian package `chromium`, installed by "
                "scripts/setup.sh)", allow_module_level=True)


def fold(text) -> str:
    """The site's search folding: accents removed, lower case."""
    text = unicodedata.normalize("NFD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


class Socle:
    """What the map must show, read from the GeoPackage with SQL."""

    def __init__(self, path: Path, campaign: str, non_public: str):
        self.conn = sqlite3.connect(str(path))
        self.campaign = campaign
        self.non_public = non_public

    def one(self, sql: str, *args):
        return self.conn.execute(sql, args).fetchone()[0]

    def counts(self) -> dict:
        return {
            "shop": self.one("SELECT count(*) FROM premise_observations o JOIN premises p ON "
                             "p.uuid = o.premise_uuid WHERE o.campaign_uuid = ? AND o.status = "
                             "'occupied' AND p.geom IS NOT NULL", self.campaign),
            "service": self.one("SELECT count(*) FROM services WHERE vintage = (SELECT "
                                "max(vintage) FROM services) AND geom IS NOT NULL"),
            "producer": self.one("SELECT count(*) FROM producers WHERE geom IS NOT NULL"),
            "market": self.one("SELECT count(*) FROM markets WHERE geom IS NOT NULL")}

    def shops_of_group(self, group: str) -> int:
        return self.one("SELECT count(*) FROM premise_observations WHERE campaign_uuid = ? AND "
                        "status = 'occupied' AND activity_group = ?", self.campaign, group)

    def search(self, word: str) -> int:
        """Places whose name, address, street or category holds ``word`` (folded)."""
        texts = [(r[1] if r[0] != self.non_public else None, r[2], r[3], r[4]) for r in
                 self.conn.execute(
                     "SELECT p.uuid, o.sign_name, p.address, p.street, n.naf_label FROM "
                     "premise_observations o JOIN premises p ON p.uuid = o.premise_uuid LEFT "
                     "JOIN naf_activity_map n ON n.naf_code = o.naf_code WHERE "
                     "o.campaign_uuid = ? AND o.status = 'occupied'", (self.campaign,))]
        texts += self.conn.execute(
            "SELECT s.label, NULL, NULL, d.label_fr FROM services s LEFT JOIN service_domains "
            "d ON d.code = s.domain WHERE s.vintage = (SELECT max(vintage) FROM services)"
        ).fetchall()
        texts += self.conn.execute("SELECT name, NULL, NULL, NULL FROM producers UNION ALL "
                                   "SELECT name, NULL, NULL, NULL FROM markets").fetchall()
        return sum(fold(" ".join(t for t in row if t)).find(word) >= 0 for row in texts)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def published(demo_gpkg, processing_ready, tmp_path_factory):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    path = tmp_path_factory.mktemp("socle") / "demo_planted.gpkg"
    info = planted_copy(demo_gpkg, path)
    folder = tmp_path_factory.mktemp("web") / "site"
    processing.run("observatoire:export_web_map", {
        "GEOPACKAGE": str(path), "PRODUCER": "Grand Poitiers", "OUTPUT_FOLDER": str(folder)},
        context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    socle = Socle(path, info["campaign"], info["non_public"])
    yield folder, socle
    socle.conn.close()


@pytest.fixture(scope="module")
def base_url(published):
    folder, _socle = published
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
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


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.messages = []
    tab.on("console", lambda m: tab.messages.append(f"{m.type}: {m.text}"))
    tab.on("pageerror", lambda e: tab.messages.append(f"pageerror: {e}"))
    tab.goto(base_url + "index.html")
    tab.wait_for_function("window.__ready !== undefined", timeout=30_000)
    yield tab
    context.close()


def markers(tab) -> int:
    return tab.evaluate("window.observatoire.markerCount()")


def listed(tab) -> int:
    return tab.locator("#liste-lieux li:not([hidden])").count()


def screenshot(tab, path: Path) -> Path:
    tab.wait_for_function("!window.observatoire.map._animatingZoom")
    tab.wait_for_timeout(400)
    tab.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def test_the_map_shows_every_place_of_the_socle(page, published, tmp_path):
    _folder, socle = published
    counts = socle.counts()
    assert page.messages == []
    assert page.evaluate("window.observatoire.markerCounts()") == counts
    total = sum(counts.values())
    assert markers(page) == total == listed(page)
    assert counts["shop"] > 1000
    text = page.inner_text("body")
    assert SECRETS["non_public_sign"] not in text
    assert screenshot(page, tmp_path / "demo_web_map.png").stat().st_size > 20_000


def test_filter_by_activity_group_then_search_by_street(page, published):
    _folder, socle = published
    page.select_option("#filtre-groupe", "alimentaire")
    expected = socle.shops_of_group("alimentaire")
    assert 0 < expected == markers(page) == listed(page)
    page.click("#effacer")
    page.wait_for_function(f"window.observatoire.markerCount() === {sum(socle.counts().values())}")
    page.fill("#recherche", "Carnot")
    page.press("#recherche", "Enter")
    expected = socle.search("carnot")
    assert 0 < expected == markers(page) == listed(page)
    assert page.messages == []


def test_popup_of_a_place(page, tmp_path):
    first = page.locator("#liste-lieux li:not([hidden]) .place").first
    name = first.locator(".place__name").inner_text()
    first.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert popup.locator(".popup__title").inner_text() == name
    screenshot(page, tmp_path / "demo_web_map_popup.png")


def test_the_non_public_sole_trader_shows_its_activity_never_its_name(browser, base_url,
                                                                     published):
    _folder, socle = published
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    try:
        tab = context.new_page()
        tab.goto(base_url + f"index.html#lieu/{socle.non_public}")
        tab.wait_for_function("window.__ready !== undefined", timeout=30_000)
        title = tab.locator(".leaflet-popup .popup__title").inner_text()
        naf = socle.one("SELECT n.naf_label FROM premise_observations o JOIN naf_activity_map "
                        "n ON n.naf_code = o.naf_code WHERE o.premise_uuid = ? AND "
                        "o.campaign_uuid = ?", socle.non_public, socle.campaign)
        assert title == naf
        assert SECRETS["non_public_sign"] not in tab.inner_text("body")
    finally:
        context.close()


def test_keyboard_navigation_through_the_list(page):
    page.focus("#recherche")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('place')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('place')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.id")
    name = page.evaluate("document.activeElement.querySelector('.place__name').textContent")
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    assert page.evaluate("document.activeElement.className") == "popup__title"
    assert page.evaluate("document.activeElement.textContent") == name
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.evaluate("document.activeElement.dataset.id") == second
