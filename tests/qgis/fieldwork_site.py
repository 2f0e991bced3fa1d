"""A hand-built observatory for the fieldwork algorithm tests (no campaign open yet).

Centrality A "Centre" (x 0..100) and B "Gare" (x 200..300), y 0..100, offset into Lambert-93.
Premises a1..a4 in A, b1 and b2 in B, o1 outside both. Campaign "2024" (closed) observed a1..a4,
b1 and o1; b2 has no history.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0
PREMISES = {"a1": (10, 10), "a2": (20, 20), "a3": (30, 30), "a4": (40, 40),
            "b1": (210, 10), "b2": (250, 50), "o1": (500, 500)}
PREVIOUS = {  # premise: (status, activity group, sign, chain type)
    "a1": ("occupied", "alimentaire", "Epicerie Martin", "independent"),
    "a2": ("occupied", "equipement_personne", "Mode & Co", "independent"),
    "a3": ("vacant", None, None, None),
    "a4": ("occupied", "culture_loisirs", "Librairie", "independent"),
    "b1": ("occupied", "alimentaire", "Boulangerie", "independent"),
    "o1": ("occupied", "automobile", "Garage", "chain"),
}


def square(x, y, size=100.0):
    ring = [(X0 + x, Y0 + y), (X0 + x + size, Y0 + y), (X0 + x + size, Y0 + y + size),
            (X0 + x, Y0 + y + size), (X0 + x, Y0 + y)]
    return encode("multipolygon", [[ring]], 2154)


def build_site(path: Path) -> Path:
    observatory.create_observatory(path, "Testville", 2154)
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('A', 'Centre', 'primary', ?), ('B', 'Gare', 'secondary', ?)",
                     (square(0, 0), square(200, 0)))
        for uid, (x, y) in PREMISES.items():
            conn.execute("INSERT INTO premises (uuid, address, floor_area, geom) VALUES "
                         "(?, ?, 80, ?)",
                         (uid, f"{uid} rue Test", encode_point(X0 + x, Y0 + y, 2154)))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('c2024', '2024', 2024, '2024-03-01', '2024-04-01', 'closed')")
        for uid, (status, group, sign, chain) in PREVIOUS.items():
            conn.execute(
                "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
                "activity_group, sign_name, chain_type, agent, observed_at) VALUES "
                "(?, ?, 'c2024', ?, ?, ?, ?, 'x', '2024-03-10')",
                (f"o24-{uid}", uid, status, group, sign, chain))
        gpkg.update_extent(conn, "premises")
        gpkg.update_extent(conn, "centralities")
    conn.close()
    return path


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rows(conn, sql, params=()):
    return [tuple(r) for r in conn.execute(sql, params)]
