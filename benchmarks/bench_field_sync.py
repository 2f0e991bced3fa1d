"""Time the synchronisation of a field package holding 10 000 edited observations.

Builds an observatory of 12 000 premises with a past campaign, opens a campaign (12 000
pre-filled observations), prepares two packages over the whole territory; a first agent edits
500 observations and is synchronised, then the second agent's 10 000 edits (status, sign,
visit state; 50 of them on observations the first agent also edited, hence conflicts) are
rebased on it and synchronised. Prints the time per 1 000 edits.

Usage: .venv/bin/python benchmarks/bench_field_sync.py [n_premises] [n_edits]
"""

import _bootstrap  # noqa: F401, I001  (must come first: registers the package)

import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from observatoire_commerce.fieldwork import packages as field_packages, sync as field_sync
from observatoire_commerce.jobs import campaigns
from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0


def build(path: Path, n_premises: int) -> str:
    observatory.create_observatory(path, "Benchville", 2154)
    conn = gpkg.connect(path)
    rng = np.random.default_rng(42)
    xy = rng.uniform(0, 5_000, size=(n_premises, 2))
    with gpkg.transaction(conn):
        if "visit_state" not in gpkg.column_names(conn, "premise_observations"):
            campaigns.migrate_v3(conn, 2154)
        ring = [(X0, Y0), (X0 + 5_000, Y0), (X0 + 5_000, Y0 + 5_000), (X0, Y0 + 5_000), (X0, Y0)]
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('all', 'Commune', 'primary', ?)", (encode("multipolygon", [[ring]], 2154),))
        conn.executemany(
            "INSERT INTO premises (uuid, address, floor_area, geom) VALUES (?, ?, ?, ?)",
            [(f"p{i}", f"{i} rue du Banc", 60.0, encode_point(X0 + x, Y0 + y, 2154))
             for i, (x, y) in enumerate(xy)])
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('c2024', '2024', 2024, '2024-03-01', '2024-04-01', 'closed')")
        conn.executemany(
            "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
            "activity_group, sign_name, chain_type, agent, observed_at) VALUES "
            "(?, ?, 'c2024', ?, 'alimentaire', ?, 'independent', 'x', '2024-03-10')",
            [(str(uuid.uuid4()), f"p{i}", "vacant" if i % 9 == 0 else "occupied", f"Shop {i}")
             for i in range(n_premises)])
        gpkg.update_extent(conn, "premises")
    camp = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["all"])
    conn.close()
    return camp["uuid"]


def edit(package, premises, status, sign) -> None:
    conn = gpkg.connect(package.data_path)
    with gpkg.transaction(conn):
        conn.executemany(
            "UPDATE premise_observations SET status = ?, sign_name = ?, visit_state = 'changed', "
            "observed_at = '2025-03-15' WHERE premise_uuid = ?",
            [(status, f"{sign} {p}", p) for p in premises])
    conn.close()


def main(n_premises: int = 12_000, n_edits: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shared = tmp / "office" / "socle.gpkg"
        shared.parent.mkdir()
        t0 = time.perf_counter()
        build(shared, n_premises)
        t1 = time.perf_counter()
        first = field_packages.prepare_field_package(shared, tmp / "first", agent="first")
        second = field_packages.prepare_field_package(shared, tmp / "second", agent="second")
        t2 = time.perf_counter()
        edit(first, [f"p{i}" for i in range(n_premises - 500, n_premises)], "works", "First")
        edit(second, [f"p{i}" for i in range(n_edits)], "occupied", "Second")
        # 50 observations the first agent also edited: status and sign conflict
        edit(second, [f"p{i}" for i in range(n_premises - 500, n_premises - 450)], "vacant",
             "Clash")
        report_first = field_sync.synchronise(shared, first.path)
        t3 = time.perf_counter()
        report = field_sync.synchronise(shared, second.path)
        t4 = time.perf_counter()
    edits = report.edits
    print(f"observatory: {n_premises} premises, {n_premises} pre-filled observations "
          f"(built in {t1 - t0:.2f} s); two packages prepared in {t2 - t1:.2f} s")
    print(f"first sync: {report_first.edits} edits in {t3 - t2:.2f} s")
    print(f"second sync: {edits} edits applied, {len(report.conflicts)} conflicting fields "
          f"reported, in {t4 - t3:.2f} s")
    print(f"time per 1 000 edits: {(t4 - t3) / max(edits, 1) * 1000:.3f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
