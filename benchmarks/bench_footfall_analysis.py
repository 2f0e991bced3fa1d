import _bootstrap  # noqa: F401

DESCRIPTION = """Benchmark: 5 years of hourly counts for 50 channels (~2.2 M rows) in the
national comptage
schema → measure parser, footfall by centrality and event impact, against a plain pandas
``read_csv`` + ``groupby`` of the same file in the same run.

    .venv/bin/python benchmarks/bench_footfall_analysis.py [--years 5] [--channels 50]

Then the same file is imported INTO an observatory GeoPackage through the importer of
``observatoire:import_counts`` (validation, one transaction, executemany), and footfall by
centrality and event impact are computed from the GeoPackage as the algorithms do.
"""

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from observatoire_commerce.analysis.events import Baseline, event_uplift  # noqa: E402
from observatoire_commerce.analysis.footfall import (  # noqa: E402
    daily_series,
    footfall_by_centrality,
)
from observatoire_commerce.ingest.sources.comptage import read_measures  # noqa: E402


def generate(path: Path, years: int, channels: int, seed: int = 1) -> int:
    """Write hourly measures (local time with +01:00/+02:00 offsets, a few empty counts)."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2019-01-01", tz="Europe/Paris")
    end = pd.Timestamp(f"{2019 + years}-01-01", tz="Europe/Paris")
    times = pd.date_range(start, end, freq="h", inclusive="left")
    iso = times.strftime("%Y-%m-%dT%H:%M:%S%z")
    iso = np.char.add(np.char.add(iso.str[:-2].to_numpy().astype(str), ":"),
                      iso.str[-2:].to_numpy().astype(str))
    iso_end = np.append(iso[1:], end.strftime("%Y-%m-%dT%H:%M:%S+01:00"))
    hour = times.hour.to_numpy()
    shape = np.exp(-((hour - 15) ** 2) / 18.0) + 0.05
    n = len(times)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("channel_id,counter_id,start_datetime,end_datetime,count\n")
        for c in range(channels):
            level = rng.uniform(50, 400)
            counts = rng.poisson(level * shape).astype(object)
            counts[rng.random(n) < 0.002] = ""
            cid = f"ch{c:03d}"
            block = pd.DataFrame({"a": cid, "b": f"site{c // 2:03d}", "s": iso, "e": iso_end,
                                  "c": counts})
            block.to_csv(fh, header=False, index=False)
    return channels * n


def bench_parser(path: Path):
    t = time.perf_counter()
    measures, report = read_measures(path)
    return measures, report, time.perf_counter() - t


def bench_footfall(measures: pd.DataFrame, channels: int):
    assignment = pd.DataFrame({"channel_id": [f"ch{c:03d}" for c in range(channels)]})
    assignment["site_id"] = [f"site{c // 2:03d}" for c in range(channels)]
    assignment["centrality"] = [f"centrality{c // 10}" for c in range(channels)]
    t = time.perf_counter()
    result = footfall_by_centrality(measures, assignment)
    return result, time.perf_counter() - t


def bench_events(result):
    events = pd.DataFrame({"event_id": ["braderie", "noel"],
                           "start": ["2022-09-03", "2022-12-16"],
                           "end": ["2022-09-04", "2022-12-18"]})
    daily = daily_series(result, "channel")
    t = time.perf_counter()
    out = [event_uplift(daily, events, b) for b in (
        Baseline.previous_weeks(4), Baseline.previous_year(),
        Baseline.neutral("2022-11-07", "2022-11-13"))]
    return out, time.perf_counter() - t


def bench_pandas(path: Path):
    """Anchor: plain read_csv + a daily groupby of the same file."""
    t0 = time.perf_counter()
    frame = pd.read_csv(path)
    t1 = time.perf_counter()
    day = frame["start_datetime"].str.slice(0, 10)
    frame.groupby([frame["channel_id"], day])["count"].agg(["sum", "count"])
    return t1 - t0, time.perf_counter() - t1


def _territory(gpkg_path: Path, channels: int) -> None:
    """An observatory with 5 centralities and one counting site per 2 channels inside them."""
    from osgeo import osr

    from observatoire_commerce.store import geometry, gpkg, observatory

    observatory.create_observatory(gpkg_path, "Benchmark")
    conn = observatory.open_observatory(gpkg_path)
    with gpkg.transaction(conn):
        for k in range(5):
            x0 = 490000 + 2000 * k
            ring = np.array([[x0, 6610000], [x0 + 1000, 6610000], [x0 + 1000, 6611000],
                             [x0, 6611000], [x0, 6610000]], dtype=float)
            conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES (?,?,?,?)",
                         (f"c{k}", f"centrality{k}", "primary",
                          geometry.encode("multipolygon", [[ring]], 2154)))
    conn.close()
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(2154)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, dst)
    folder = gpkg_path.parent
    with open(folder / "site.csv", "w", encoding="utf-8") as fh:
        fh.write("site_id,site_name,xlong,ylat\n")
        for s in range(channels // 2 + channels % 2):
            k = (2 * s) // 10
            lon, lat, _ = transform.TransformPoint(490000 + 2000 * k + 100 + 15 * s,
                                                   6610500.0)
            fh.write(f"site{s:03d},Site {s},{lon:.8f},{lat:.8f}\n")
    with open(folder / "channel.csv", "w", encoding="utf-8") as fh:
        fh.write("channel_id,site_id,mobility_type,temporality,started_at,time_step\n")
        for c in range(channels):
            fh.write(f"ch{c:03d},site{c // 2:03d},PEDESTRIAN,PERMANENT,"
                     "2019-01-01T00:00:00+01:00,3600\n")


def bench_gpkg_import(path: Path, channels: int, rows: int):
    """Import the measure file into a GeoPackage (observatoire:import_counts' store function),
    then footfall by centrality and event impact read back from the GeoPackage."""
    from observatoire_commerce.ingest.importers import counts as flows_imports
    from observatoire_commerce.jobs import events as event_jobs
    from observatoire_commerce.jobs import footfall as flows_results
    from observatoire_commerce.store import observatory

    gpkg_path = path.parent / "bench.gpkg"
    _territory(gpkg_path, channels)
    conn = observatory.open_observatory(gpkg_path)
    try:
        t = time.perf_counter()
        result = flows_imports.import_comptage(
            conn, sites_path=path.parent / "site.csv", channels_path=path.parent / "channel.csv",
            measures_path=path)
        t_import = time.perf_counter() - t
        assert result.added["counts"] == rows - result.report.rows_rejected, result.added
        conn.executemany("INSERT INTO events (uuid, event_id, name, start_date, end_date, kind) "
                         "VALUES (?,?,?,?,?,?)",
                         [("e1", "braderie", "Braderie", "2022-09-03", "2022-09-04", "braderie"),
                          ("e2", "noel", "Noël", "2022-12-16", "2022-12-18",
                           "christmas_market")])
        t = time.perf_counter()
        job = flows_results.footfall(conn)
        t_foot = time.perf_counter() - t
        t = time.perf_counter()
        impact = event_jobs.event_impact(conn, Baseline.previous_weeks(4))
        t_events = time.perf_counter() - t
    finally:
        conn.close()
    size = gpkg_path.stat().st_size / 1e6
    return {"import": t_import, "footfall": t_foot, "events": t_events, "size_mb": size,
            "centralities": job.result.periods["centrality"].nunique(), "impact": len(impact)}


def main() -> None:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--channels", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "measures.csv"
        t = time.perf_counter()
        rows = generate(path, args.years, args.channels)
        print(f"generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s")
        anchor_read, anchor_group = bench_pandas(path)
        measures, report, t_parse = bench_parser(path)
        result, t_foot = bench_footfall(measures, args.channels)
        _, t_events = bench_events(result)
        del measures, result
        g = bench_gpkg_import(path, args.channels, rows)
    print(f"parser (validated measure frame): {t_parse:6.2f} s  {rows / t_parse:12,.0f} rows/s "
          f"({report.rows_accepted:,} accepted, {report.rows_rejected} rejected)")
    print(f"footfall by centrality:          {t_foot:6.2f} s  {rows / t_foot:12,.0f} rows/s")
    print(f"event impact (3 baselines):       {t_events:6.2f} s")
    print(f"pandas read_csv:                  {anchor_read:6.2f} s  "
          f"{rows / anchor_read:12,.0f} rows/s")
    print(f"pandas groupby (daily):           {anchor_group:6.2f} s  "
          f"{rows / anchor_group:12,.0f} rows/s")
    print(f"ratio parser / read_csv:          {t_parse / anchor_read:6.2f}")
    print(f"ratio footfall / groupby:         {t_foot / anchor_group:6.2f}")
    print(f"ratio (parser + footfall) / (read_csv + groupby): "
          f"{(t_parse + t_foot) / (anchor_read + anchor_group):.2f}")
    print(f"GeoPackage import (validated, one transaction): {g['import']:6.2f} s  "
          f"{rows / g['import']:12,.0f} rows/s  ({g['size_mb']:.0f} MB)")
    print(f"footfall by centrality from the GeoPackage:     {g['footfall']:6.2f} s  "
          f"{rows / g['footfall']:12,.0f} rows/s  ({g['centralities']} centralities)")
    print(f"event impact from the GeoPackage:               {g['events']:6.2f} s  "
          f"({g['impact']} results)")
    print(f"ratio GeoPackage import / read_csv:             {g['import'] / anchor_read:6.2f}")
    print(f"ratio GeoPackage footfall / groupby:            {g['footfall'] / anchor_group:6.2f}")
    print(f"ratio (import + footfall) / (read_csv + groupby): "
          f"{(g['import'] + g['footfall']) / (anchor_read + anchor_group):.2f}")


if __name__ == "__main__":
    main()
