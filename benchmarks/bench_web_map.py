"""Time the citizens' web map of a 3 000-premise territory in headless Chromium.

1. builds a synthetic territory around Poitiers in WGS 84: 30 centralities (squares of
   300–800 m), 3 000 shops (three in four inside a centrality), 450 services, 60 producers,
   15 markets, and a road background of 20 000 curved lines of 8 vertices (160 000 vertices,
   about an agglomeration of 100 000 inhabitants in OpenStreetMap);
2. times ``reporting.web_map.write_web_map`` and prints the size of each data file;
3. serves the folder on 127.0.0.1 and loads it five times in Debian's Chromium (Playwright,
   fresh context each time) and prints the median **time to interactive**: from navigation
   start until the data files are read, every marker is drawn and the list of places is built
   (``window.__ready``, set by app.js on the next animation frame). Target: under 2 s.
   The same on a phone viewport with the CPU slowed four times (Chrome DevTools throttling),
   and the time one filter and one search take to redraw.

Usage: .venv/bin/python benchmarks/bench_web_map.py [n_premises]
"""

import _bootstrap  # noqa: F401, I001  (must come first: registers the package)

import functools
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from observatoire_commerce.reporting.web_map import write_web_map

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LON0, LAT0 = 0.30, 46.54          # south-west corner
SPAN_LON, SPAN_LAT = 0.16, 0.09   # about 12 km × 10 km
GROUPS = ["alimentaire", "equipement_personne", "equipement_maison", "culture_loisirs",
          "hygiene_sante_beaute", "cafes_hotels_restaurants", "services_marchands",
          "automobile"]
STREETS = ["rue de la République", "avenue de Paris", "rue Carnot", "place du Marché",
           "rue des Halles", "boulevard Jeanne-d'Arc", "rue Gambetta", "rue Victor-Hugo"]
LEVELS = ["primary"] + ["secondary"] * 8 + ["tertiary"] * 15 + ["peripheral"] * 6
TARGET_S = 2.0


def territory(n_premises: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    centralities, boxes = [], []
    for i, level in enumerate(LEVELS):
        size = rng.uniform(0.004, 0.010)
        lon = LON0 + rng.uniform(0.01, SPAN_LON - 0.02)
        lat = LAT0 + rng.uniform(0.01, SPAN_LAT - 0.02)
        ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size * 0.7],
                [lon, lat + size * 0.7], [lon, lat]]
        boxes.append((lon, lat, size))
        centralities.append({
            "code": f"c{i}", "name": f"Centralité {i}", "level": level,
            "outline": {"type": "Polygon", "coordinates": [ring]},
            "figures": [{"label": "Taux de vacance commerciale",
                         "value": round(float(rng.uniform(3, 18)), 1), "unit": "%",
                         "period": "2024", "decimals": 1},
                        {"label": "Passages piétons par jour", "value": int(rng.integers(800,
                                                                                       20000)),
                         "period": "2024"}]})

    def point(inside: bool):
        if inside:
            k = int(rng.integers(len(boxes)))
            lon, lat, size = boxes[k]
            return (lon + rng.uniform(0, size), lat + rng.uniform(0, size * 0.7), f"c{k}")
        return (LON0 + rng.uniform(0, SPAN_LON), LAT0 + rng.uniform(0, SPAN_LAT), None)

    places = []

    def add(kind, i, inside, **extra):
        lon, lat, code = point(inside)
        street = STREETS[i % len(STREETS)]
        places.append({"id": f"{kind}-{i}", "kind": kind, "lon": lon, "lat": lat,
                       "centrality": code, "address": f"{i % 90 + 1} {street}",
                       "street": street, **extra})

    for i in range(n_premises):
        add("shop", i, rng.random() < 0.75, name=f"Enseigne {i}",
            group=GROUPS[int(rng.integers(len(GROUPS)))])
    for i in range(450):
        add("service", i, rng.random() < 0.5, name=f"Service {i}", category="Médecin")
    for i in range(60):
        add("producer", i, False, name=f"Ferme {i}", organic=bool(rng.random() < 0.3),
            products="legumes;oeufs", sales_modes="vente_ferme;marche")
    for i in range(15):
        add("market", i, True, name=f"Marché {i}", days="mardi;samedi", hours="8 h – 13 h")

    classes = rng.choice(["primary", "secondary", "residential", "footway"], 20_000,
                         p=[0.03, 0.10, 0.62, 0.25])
    roads = []
    for cls in classes:
        lon, lat = LON0 + rng.uniform(0, SPAN_LON), LAT0 + rng.uniform(0, SPAN_LAT)
        heading = rng.uniform(0, 2 * np.pi)
        coords = []
        for _ in range(8):
            coords.append([lon, lat])
            heading += rng.normal(0, 0.25)
            step = rng.uniform(0.0002, 0.0005)
            lon, lat = lon + step * np.cos(heading), lat + step * 0.7 * np.sin(heading)
        roads.append({"road_class": str(cls), "coordinates": coords})
    meta = {"territory": "Benchville", "producer": "Benchmark", "extracted": "2025-03-14",
            "sources": ["synthétique"]}
    return places, centralities, roads, meta


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def load_times(browser, url: str, n: int, phone: bool = False):
    times, counts, errors, redraw = [], None, [], {}
    for _ in range(n):
        viewport = {"width": 390, "height": 844} if phone else {"width": 1366, "height": 820}
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        if phone:
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url)
        page.wait_for_function("window.__ready !== undefined", timeout=60_000)
        times.append(page.evaluate("window.__ready") / 1000)
        counts = page.evaluate("[window.observatoire.markerCount(), "
                               "document.querySelectorAll('#liste-lieux .place').length]")
        redraw = page.evaluate("""(() => {
            const o = window.observatoire, out = {};
            let t = performance.now();
            o.state.group = 'alimentaire'; o.update();
            out.filter = performance.now() - t;
            t = performance.now();
            o.state.group = ''; o.state.search = 'republique'; o.update();
            out.search = performance.now() - t;
            return out;
        })()""")
        context.close()
    return statistics.median(times), max(times), counts, errors, redraw


def main(n_premises: int = 3000) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("playwright is not installed: run `make setup` (requirements/dev.txt)")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"{CHROMIUM} not found: run `make setup` (Debian package chromium)")
    start = time.perf_counter()
    places, centralities, roads, meta = territory(n_premises)
    print(f"synthetic territory: {len(places)} places ({n_premises} shops), "
          f"{len(centralities)} centralities, {len(roads)} road lines "
          f"({sum(len(r['coordinates']) for r in roads)} vertices) "
          f"in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "web"
        start = time.perf_counter()
        result = write_web_map(folder, places=places, centralities=centralities,
                               background=roads, meta=meta)
        print(f"write_web_map: {time.perf_counter() - start:.2f} s")
        for path in sorted((folder / "data").iterdir()):
            print(f"  data/{path.name}: {path.stat().st_size / 1e3:,.0f} kB")
        print(f"  whole site: {result.size_bytes / 1e6:.2f} MB")
        server = serve(folder)
        url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for label, phone in (("desktop 1366×820", False),
                                     ("phone 390×844, CPU ×4 slower", True)):
                    median, worst, counts, errors, redraw = load_times(browser, url, 5, phone)
                    verdict = ("OK" if median < TARGET_S else "OVER TARGET") if not phone \
                        else "informative, the target is for the desktop run"
                    print(f"time to interactive, {label}: median {median:.2f} s, worst "
                          f"{worst:.2f} s over 5 loads (target < {TARGET_S:.0f} s: {verdict}); "
                          f"{counts[0]} markers drawn, {counts[1]} places listed "
                          f"(expected {len(places)})")
                    print(f"  redraw after a group filter: {redraw['filter']:.0f} ms, after a "
                          f"search: {redraw['search']:.0f} ms")
                    if errors:
                        print(f"  page errors: {errors[:3]}")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
