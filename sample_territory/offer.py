"""Demo step: services (BPE-coded), short-circuit producers and markets around the territory.

Deterministic: everything comes from the seeded generator. Services cluster around each
centrality (more, and of higher range, in the town centre), a few lie in between; producers are
farms 3 to 18 km from the town centre; markets are the town's weekly markets.
"""

from __future__ import annotations

import csv

import numpy as np

from ..store import geometry, gpkg, tables
from ..store.nomenclatures import RESOURCES
from .territory import CENTRALITIES, SRS, _uuid

VINTAGE = "2021"
# services per centrality (same order as territory.CENTRALITIES) and share of each range
SERVICES = (140, 35, 30, 25, 20, 15)
RANGE_WEIGHTS = {"primary": (0.5, 0.3, 0.2), "secondary": (0.7, 0.25, 0.05),
                 "tertiary": (0.8, 0.18, 0.02), "peripheral": (0.6, 0.35, 0.05)}
OUTSIDE_SERVICES = 40
PRODUCERS = 28
PRODUCTS = ["legumes", "fruits", "viande", "volaille", "oeufs", "produits_laitiers", "fromage",
            "pain", "miel", "vin", "boissons", "cereales", "epicerie", "plantes"]
MODES = ["vente_ferme", "marche", "amap", "magasin_producteurs", "drive", "internet"]
FARM_WORDS = ["Ferme", "GAEC", "EARL", "Domaine", "Les Jardins", "Le Rucher", "La Chèvrerie"]
PLACES = ["du Clain", "de la Boivre", "des Trois Chênes", "de Mignaloux", "de Vouneuil",
          "du Pinail", "de Chasseneuil", "de la Vienne", "de Ligugé", "de Fontaine"]
# name, centrality index (None: at the given offset of the centre), days, per week, organic
MARKETS = [
    ("Marché Notre-Dame", 0, "mardi;mercredi;jeudi;vendredi;samedi;dimanche", 6.0, 0),
    ("Marché bio de la place Leclerc", 0, "samedi", 1.0, 1),
    ("Marché des Couronneries", 2, "mercredi;dimanche", 2.0, 0),
    ("Marché de la Gare", 1, "jeudi", 1.0, 0),
    ("Marché de Saint-Benoît", 4, "samedi", 1.0, 0),
    ("Marché de Buxerolles", 5, "vendredi", 1.0, 0),
    ("Marché de producteurs du 1er dimanche", 0, "dimanche", round(12 / 52, 4), 1),
]


def _types() -> dict:
    with open(RESOURCES / "bpe_types.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["range"]]
    by_range: dict = {}
    for r in rows:
        by_range.setdefault(r["range"], []).append(r)
    return by_range


def build(conn, rng) -> None:
    """Add services, producers and markets (inside the caller's transaction)."""
    by_range = _types()
    ranges = ["proximite", "intermediaire", "superieure"]
    rows = []
    for index, (_name, level, cx, cy, rx, ry, *_rest) in enumerate(CENTRALITIES):
        count = SERVICES[index]
        picks = rng.choice(3, count, p=RANGE_WEIGHTS[level])
        xy = np.column_stack([rng.normal(cx, rx / 1.6, count), rng.normal(cy, ry / 1.6, count)])
        for (x, y), pick in zip(np.round(xy, 1), picks):
            rows.append((x, y, by_range[ranges[pick]]))
    xy = np.column_stack([rng.uniform(494000, 500000, OUTSIDE_SERVICES),
                          rng.uniform(6607500, 6617000, OUTSIDE_SERVICES)])
    for x, y in np.round(xy, 1):
        rows.append((x, y, by_range["proximite"]))
    services = []
    for i, (x, y, choices) in enumerate(rows):
        t = choices[int(rng.integers(len(choices)))]
        services.append((_uuid(rng), "bpe", VINTAGE, f"demo:{i:04d}", t["typequ"], t["label_fr"],
                         t["domain"], t["range"], "86194", t["vintage"] or None,
                         geometry.encode_point(float(x), float(y), SRS)))
    tables.insert(conn, "services", ["uuid", "source", "vintage", "source_id", "typequ",
                                     "label", "domain", "range", "commune_code", "notes", "geom"],
                  services)
    _producers(conn, rng)
    _markets(conn, rng)
    for table in ("services", "producers", "markets"):
        gpkg.update_extent(conn, table)


def _producers(conn, rng) -> None:
    cx, cy = CENTRALITIES[0][2], CENTRALITIES[0][3]
    producers, products = [], []
    for i in range(PRODUCERS):
        angle = rng.uniform(0, 2 * np.pi)
        distance = rng.uniform(3000, 18000)
        x, y = round(cx + distance * np.cos(angle), 1), round(cy + distance * np.sin(angle), 1)
        uid = _uuid(rng)
        name = f"{FARM_WORDS[int(rng.integers(len(FARM_WORDS)))]} " \
               f"{PLACES[int(rng.integers(len(PLACES)))]}"
        chosen = sorted(set(rng.choice(PRODUCTS, int(rng.integers(1, 4)), replace=False)))
        modes = sorted(set(rng.choice(MODES, int(rng.integers(1, 3)), replace=False)))
        producers.append((uid, "demo", f"P{i + 1:03d}", name, ";".join(modes),
                          int(rng.random() < 0.3), geometry.encode_point(x, y, SRS)))
        products += [(_uuid(rng), uid, p) for p in chosen]
    tables.insert(conn, "producers", ["uuid", "source", "source_id", "name", "sales_modes",
                                      "organic", "geom"], producers)
    tables.insert(conn, "producer_products", ["uuid", "producer_uuid", "product"], products)


def _markets(conn, rng) -> None:
    rows = []
    for i, (name, index, days, per_week, organic) in enumerate(MARKETS):
        _n, _l, cx, cy, rx, ry, *_r = CENTRALITIES[index]
        x = round(cx + rng.uniform(-0.3, 0.3) * rx, 1)
        y = round(cy + rng.uniform(-0.3, 0.3) * ry, 1)
        rows.append((_uuid(rng), "demo", f"M{i + 1:02d}", name, days, per_week, organic,
                     geometry.encode_point(x, y, SRS)))
    tables.insert(conn, "markets", ["uuid", "source", "source_id", "name", "days", "per_week",
                                    "organic", "geom"], rows)
