"""Benchmark: bulk writes into the socle against ``ogr2ogr`` on the same data.

100 000 premises (points with address, street, floor area) in a ``;`` CSV are loaded:

1. **ours**: ``pandas.read_csv`` + vectorised point blobs + ``store.tables.insert`` into the
   ``premises`` table of a fresh observatory, in one transaction, the R-tree filled once
   (:func:`store.gpkg.deferred_rtree`), the extent refreshed;
2. **anchor**: ``ogr2ogr -f GPKG`` from the same CSV (``X_POSSIBLE_NAMES`` / ``Y_POSSIBLE_NAMES``,
   ``-a_srs EPSG:2154``), which writes the points and builds its spatial index;
3. for reference, the same insert with the R-tree kept up to date row by row by its triggers
   (the engine before this change).

Every timing is the whole path a user waits for (reading the file, building geometries,
writing, indexing, committing). Prints the times and the ratios.

Run: ``.venv/bin/python benchmarks/bench_bulk_import.py [rows]``
"""

import _bootstrap  # noqa: F401, I001  (first: registers the package)

import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd

from observatoire_commerce.store import geometry, gpkg, observatory, tables

COLUMNS = ["uuid", "address", "street", "commune_code", "floor_area", "ground_floor", "geom"]


def write_csv(path: Path, n: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    streets = np.array([f"Rue {i}" for i in range(900)])
    frame = pd.DataFrame({
        "id": [str(uuid.UUID(int=int(v), version=4)) for v in rng.integers(0, 2**62, n)],
        "numero": rng.integers(1, 200, n),
        "rue": streets[rng.integers(0, len(streets), n)],
        "commune": "86194",
        "surface": np.round(rng.lognormal(4.2, 0.6, n), 1),
        "rdc": rng.integers(0, 2, n),
        "x": np.round(rng.uniform(490000, 505000, n), 2),
        "y": np.round(rng.uniform(6600000, 6620000, n), 2),
    })
    frame.to_csv(path, sep=";", index=False)


def ours(csv: Path, gpkg_path: Path, deferred: bool = True) -> float:
    observatory.create_observatory(gpkg_path, "Bench", 2154)
    start = time.perf_counter()
    frame = pd.read_csv(csv, sep=";", dtype={"id": str, "rue": str, "commune": str})
    blobs = geometry.encode_points(frame["x"].to_numpy(), frame["y"].to_numpy(), 2154)
    rows = zip(frame["id"].tolist(),
               (frame["numero"].astype(str) + " " + frame["rue"]).tolist(),
               frame["rue"].tolist(), frame["commune"].tolist(), frame["surface"].tolist(),
               frame["rdc"].tolist(), blobs)
    conn = gpkg.connect(gpkg_path)
    with gpkg.transaction(conn):
        if deferred:
            tables.insert(conn, "premises", COLUMNS, rows)
        else:  # the triggers index each row as it comes
            conn.executemany(f"INSERT INTO premises ({', '.join(COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
            tables.changed(conn, "premises")
    conn.close()
    elapsed = time.perf_counter() - start
    check = gpkg.connect(gpkg_path)
    indexed = check.execute("SELECT count(*) FROM rtree_premises_geom").fetchone()[0]
    check.close()
    assert indexed == len(frame), (indexed, len(frame))
    return elapsed


def anchor(csv: Path, out: Path):
    exe = shutil.which("ogr2ogr")
    if exe is None:
        print("ogr2ogr not found: anchor skipped (Debian package gdal-bin)")
        return None
    start = time.perf_counter()
    subprocess.run([exe, "-f", "GPKG", str(out), str(csv), "-nln", "premises",
                    "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y",
                    "-oo", "SEPARATOR=SEMICOLON", "-a_srs", "EPSG:2154"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        csv = tmp / "premises.csv"
        write_csv(csv, n)
        print(f"{n} premises, {csv.stat().st_size / 1e6:.1f} MB of CSV")
        t_anchor = anchor(csv, tmp / "ogr.gpkg")
        t_ours = ours(csv, tmp / "ours.gpkg")
        t_rows = ours(csv, tmp / "rows.gpkg", deferred=False)
        print(f"ours (R-tree filled once):          {t_ours:6.2f} s")
        print(f"ours (R-tree triggers row by row):  {t_rows:6.2f} s")
        if t_anchor is not None:
            print(f"ogr2ogr -f GPKG (anchor):           {t_anchor:6.2f} s")
            print(f"ratio ogr2ogr / ours = {t_anchor / t_ours:.2f} (> 1: ours is faster)")
        print(f"speed-up of the deferred R-tree: {t_rows / t_ours:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
