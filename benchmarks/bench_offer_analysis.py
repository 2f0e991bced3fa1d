"""Benchmark of the offer analytics: SIRENE import, vacancy dynamics and offer mix.

1. writes 200 000 SIRENE-format rows (INSEE's StockEtablissement columns) to a temp CSV;
2. times ``read_sirene`` (parsing and validation only) and, in the same run, ``ogr2ogr -f GPKG``
   on the same CSV (the anchor; skipped with a message when ogr2ogr is absent);
3. builds an observatory GeoPackage with 50 centralities, 20 000 premises and 5 campaigns
   (100 000 observations), times the store-level jobs ``store.vacancy.compute`` (with the
   indicators written) and ``store.offer.mix`` on it;
4. times the full import of the 200 000 rows INTO that GeoPackage through
   ``store.imports.sirene.import_sirene`` (parse, validate, reproject, match to the 20 000
   premises, write premises, sources, observations and rejected rows in one transaction) and
   prints rows per second and the ratio against ogr2ogr;
5. times the pure analyses ``vacancy_dynamics`` and ``offer_mix`` on the same inventory.

Run: ``.venv/bin/python benchmarks/bench_offer_analysis.py [rows]``
"""

import _bootstrap  # noqa: F401, I001  (first: registers the package)

import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from observatoire_commerce.analysis.offer_mix import offer_mix
from observatoire_commerce.analysis.vacancy_dynamics import vacancy_dynamics
from observatoire_commerce.ingest.sources.sirene import read_sirene

HEADER = ["siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement",
          "etablissementSiege", "numeroVoieEtablissement", "typeVoieEtablissement",
          "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
          "codeCommuneEtablissement", "coordonneeLambertAbscisseEtablissement",
          "coordonneeLambertOrdonneeEtablissement", "etatAdministratifEtablissement",
          "enseigne1Etablissement", "denominationUsuelleEtablissement",
          "activitePrincipaleEtablissement", "nomenclatureActivitePrincipaleEtablissement"]
GROUPS = ["alimentaire", "equipement_personne", "equipement_maison", "culture_loisirs",
          "hygiene_sante_beaute", "cafes_hotels_restaurants", "services_marchands",
          "automobile"]


def naf_map() -> dict:
    path = _bootstrap.ROOT / "resources" / "nomenclatures" / "naf_activity_map.csv"
    frame = pd.read_csv(path, dtype=str)
    return dict(zip(frame["naf_code"], frame["activity_group"]))


def write_sirene(path: Path, n: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    codes = list(naf_map())
    naf = rng.choice(codes, n)
    etat = rng.choice(["A", "F"], n, p=[0.6, 0.4])
    diff = rng.choice(["O", "P"], n, p=[0.95, 0.05])
    nomen = rng.choice(["NAFRev2", "NAFRev1", "NAP"], n, p=[0.9, 0.07, 0.03])
    commune = rng.choice(["86194", "86041", "86062", "86115"], n)
    geo = rng.random(n) > 0.03
    x = np.round(497000 + rng.normal(0, 3000, n), 1)
    y = np.round(6610000 + rng.normal(0, 3000, n), 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(n):
            siren = f"{100000000 + i:09d}"
            w.writerow([siren, "00011", siren + "00011", diff[i], "2010-01-01", "true",
                        str(i % 200 + 1), "RUE", f"DE LA PAIX {i % 97}", "86000", "POITIERS",
                        commune[i], x[i] if geo[i] else "", y[i] if geo[i] else "", etat[i],
                        f"ENSEIGNE {i}", "", naf[i], nomen[i]])


def time_parser(path: Path, n: int) -> float:
    mapping = naf_map()
    start = time.perf_counter()
    result = read_sirene(path, mapping, communes=["86194", "86041"])
    elapsed = time.perf_counter() - start
    print(f"read_sirene: {n} rows in {elapsed:.2f} s = {n / elapsed:,.0f} rows/s; "
          f"{result.report.rows_accepted} kept, {len(result.report.rejected)} reported, "
          f"{sum(result.skipped.values())} in other communes")
    return elapsed


def time_ogr2ogr(path: Path, workdir: Path):
    exe = shutil.which("ogr2ogr")
    if exe is None:
        print("ogr2ogr not found: anchor skipped")
        return None
    out = workdir / "out.gpkg"
    start = time.perf_counter()
    subprocess.run([exe, "-f", "GPKG", str(out), str(path)], check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    print(f"ogr2ogr -f GPKG: {elapsed:.2f} s")
    return elapsed


def build_observatory(path: Path, n_zones: int = 50):
    """An observatory GeoPackage holding :func:`make_inventory` with geometry.

    50 square centralities (600 m) on a 10 × 5 grid around the SIRENE points; each premise of a
    zone lies inside its square, the others between the squares.
    """
    from observatoire_commerce.store import geometry, gpkg, observatory

    obs, premises, campaigns, zones = make_inventory(n_zones=n_zones)
    rng = np.random.default_rng(3)
    observatory.create_observatory(path, "Bench")
    conn = observatory.open_observatory(path)
    origin = (491000.0, 6604000.0)
    step, size = 1200.0, 600.0
    corners = {z: (origin[0] + (z % 10) * step, origin[1] + (z // 10) * step * 2)
               for z in zones}
    with gpkg.transaction(conn):
        for z, (x, y) in corners.items():
            ring = np.array([[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]])
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (f"z{z}", f"Zone {z}", "primary" if z < 5 else "secondary",
                          geometry.encode("multipolygon", [[ring]], 2154)))
        rows = []
        for p, z, area, ground in premises.itertuples(index=False):
            if z is None:
                x, y = origin[0] + rng.uniform(0, 12000), origin[1] + step + rng.uniform(0, 500)
            else:
                x0, y0 = corners[z]
                x, y = x0 + rng.uniform(5, size - 5), y0 + rng.uniform(5, size - 5)
            rows.append((f"p{p}", float(area), int(ground), geometry.encode_point(x, y, 2154)))
        conn.executemany("INSERT INTO premises (uuid, floor_area, ground_floor, geom) "
                         "VALUES (?,?,?,?)", rows)
        conn.executemany("INSERT INTO campaigns (uuid, name, year, start_date, state) "
                         "VALUES (?, ?, ?, ?, 'closed')",
                         [(f"k{c}", c, int(c), f"{c}-10-01") for c in campaigns])
        conn.executemany(
            "INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, status, "
            "activity_group, sign_name, chain_type) VALUES (?,?,?,?,?,?,?)",
            [(f"o{i}", f"p{r[0]}", f"k{r[1]}", r[2], r[3], r[4], r[5])
             for i, r in enumerate(obs.itertuples(index=False))])
        gpkg.update_extent(conn, "premises")
    conn.close()
    return len(premises), len(obs)


def time_store_analysis(path: Path) -> None:
    from observatoire_commerce.jobs import offer, vacancy
    from observatoire_commerce.store import observatory

    conn = observatory.open_observatory(path)
    try:
        start = time.perf_counter()
        table = vacancy.compute(conn)
        t1 = time.perf_counter() - start
        start = time.perf_counter()
        summary, _groups = offer.mix(conn)
        t2 = time.perf_counter() - start
    finally:
        conn.close()
    print(f"store vacancy.compute (read GeoPackage, assign, compute, write indicators): "
          f"{len(table)} rows in {t1:.2f} s")
    print(f"store offer.mix (read GeoPackage, population, compute, write indicators): "
          f"{len(summary)} rows in {t2:.2f} s")


def time_gpkg_import(path: Path, target: Path, n: int):
    """Import the CSV INTO ``target`` through the store; returns the elapsed seconds."""
    from observatoire_commerce.ingest.importers.sirene import import_sirene
    from observatoire_commerce.store import observatory

    conn = observatory.open_observatory(target)
    try:
        start = time.perf_counter()
        result = import_sirene(conn, path, communes=["86194", "86041"], campaign="2024")
        elapsed = time.perf_counter() - start
    finally:
        conn.close()
    c = result.counts
    print(f"import_sirene INTO the GeoPackage: {n} rows in {elapsed:.2f} s = "
          f"{n / elapsed:,.0f} rows/s; {c['new']} new premises, {c['matched']} matched, "
          f"{c['review']} to review, {c['observations']} observations, "
          f"{result.report.rows_rejected} rows rejected, "
          f"{sum(result.skipped.values())} skipped (other communes, not retail)")
    return elapsed


def make_inventory(n_premises=20000, n_zones=50, n_campaigns=5, seed=2):
    rng = np.random.default_rng(seed)
    premises = pd.DataFrame({
        "premise": np.arange(n_premises),
        "zone": np.where(rng.random(n_premises) < 0.9,
                         rng.integers(0, n_zones, n_premises).astype(float), np.nan),
        "floor_area": rng.uniform(20, 400, n_premises).round(0),
        "ground_floor": (rng.random(n_premises) < 0.95).astype(int),
    })
    premises["zone"] = premises["zone"].astype("Int64").astype(object).where(
        premises["zone"].notna(), None)
    campaigns = [str(2020 + c) for c in range(n_campaigns)]
    frames = []
    status = rng.choice(["occupied", "vacant"], n_premises, p=[0.9, 0.1])
    group = rng.choice(GROUPS, n_premises)
    sign = np.array([f"S{i}" for i in range(n_premises)], dtype=object)
    for c in campaigns:
        flip = rng.random(n_premises) < 0.08
        status = np.where(flip, np.where(status == "occupied", "vacant", "occupied"), status)
        newocc = flip & (status == "occupied")
        group = np.where(newocc, rng.choice(GROUPS, n_premises), group)
        sign = np.where(newocc, np.char.add("N", rng.integers(0, 10**6, n_premises)
                                            .astype(str)).astype(object), sign)
        frames.append(pd.DataFrame({
            "premise": premises["premise"], "campaign": c, "status": status,
            "activity_group": np.where(status == "occupied", group, None),
            "sign_name": np.where(status == "occupied", sign, None),
            "chain_type": rng.choice(["independent", "chain", "franchise"], n_premises),
        }))
    return pd.concat(frames, ignore_index=True), premises, campaigns, list(range(n_zones))


def time_analysis() -> None:
    obs, premises, campaigns, zones = make_inventory()
    start = time.perf_counter()
    table = vacancy_dynamics(obs, premises, campaigns, zones=zones)
    t1 = time.perf_counter() - start
    start = time.perf_counter()
    mix = offer_mix(obs, premises, campaigns, zones=zones,
                    population=dict.fromkeys(zones, 5000))
    t2 = time.perf_counter() - start
    print(f"vacancy_dynamics: {len(obs)} observations -> {len(table)} rows in {t1:.2f} s")
    print(f"offer_mix: {len(mix.summary)} rows, {len(mix.by_group)} group rows in {t2:.2f} s")


def main(n: int = 200_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        path = workdir / "StockEtablissement_bench.csv"
        start = time.perf_counter()
        write_sirene(path, n)
        print(f"wrote {n} SIRENE rows ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - start:.1f} s")
        ours = time_parser(path, n)
        anchor = time_ogr2ogr(path, workdir)
        if anchor:
            print(f"ratio read_sirene / ogr2ogr = {ours / anchor:.2f} "
                  f"(< 1: our validating parser is faster than GDAL's plain load)")
        target = workdir / "bench_observatory.gpkg"
        start = time.perf_counter()
        n_premises, n_obs = build_observatory(target)
        print(f"built an observatory with 50 centralities, {n_premises} premises, "
              f"{n_obs} observations in {time.perf_counter() - start:.1f} s")
        time_store_analysis(target)
        imported = time_gpkg_import(path, target, n)
        if anchor:
            print(f"ratio import_sirene (validated, matched, into the observatory) / ogr2ogr "
                  f"(plain load) = {imported / anchor:.2f}")
    time_analysis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
