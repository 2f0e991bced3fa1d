import _bootstrap  # noqa: F401, I001  (first: registers the package)

DESCRIPTION = """Benchmark: 5 million parking sessions (car park, entry, exit, amount) in a CSV,
imported and summarised (length of stay, classes, rotation, long stays by hour of arrival,
amounts, per car park and day and month), against pandas reading the same CSV and computing
the same statistics the straightforward way, in one run. Every figure is compared.

    .venv/bin/python benchmarks/bench_dwell.py [--sessions 5000000] [--keys 40]
        [--periods day,month]

Two paths of ours, both reported beside pandas ``read_csv`` + groupby statistics:

1. **read + summary**: the import layer's reader (:mod:`ingest.sources.sessions`: numpy on
   the file's bytes, no Python object per value) and its row checks, then
   :func:`analysis.dwell.dwell_summary` on the arrays: the same work pandas does;
2. **import + summary**, the whole path a user waits for: ``import_parking_sessions`` (read,
   check, car parks looked up, sessions sorted and ranked, merged with the stored ones and
   written into the GeoPackage in one transaction: one row of ``parking_session_blocks`` per
   car park and month, the sessions as arrays in BLOBs, see :mod:`store.schema.activity`)
   then the ``dwell_time`` job (the blocks read back with ``np.frombuffer``, summarised per
   car park, plus the whole window).

Found on this machine (2 cores, quiet: load about 1; numpy 1.24, pandas 1.5, SQLite 3.40),
40 car parks, day and month, two runs each:

- 1 M sessions (55 MB): read + summary 1.19 s against pandas 1.95-2.03 s (ratio 0.58-0.61);
  import + summary 1.14-1.21 s (ratio 0.59): the import 0.79-0.86 s, the dwell_time job
  0.35 s; GeoPackage 23 MB;
- 5 M sessions (277 MB): read + summary 7.0-7.1 s against pandas 13.1-13.5 s (ratio
  0.53-0.54: the byte reader 4.7-4.8 s against read_csv 5.3-5.5 s, the summary 2.3 s against
  7.7-8.0 s of groupby statistics); import + summary 7.8-8.8 s (ratio 0.60-0.65): the import
  4.9-6.1 s (the reader varies by a second from run to run; profiled, beyond the reader:
  sorting and ranking 0.9 s, merging and writing 960 blocks, 104 MB, 0.5 s), the job
  2.7-3.0 s (0.2 s of it to read the blocks back).

Stored one SQLite row per session (the first layout of v13, before any release), the same
whole path took 4.7 s + 1.9 s on 1 M sessions (ratio 3.5; 194 MB) and 112 s on 5 M (ratio
1.7 at a load of 7; 966 MB), most of it in SQLite's inserts of millions of rows and their
read back.
"""

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Dict, Tuple  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from observatoire_commerce.analysis.dwell import (  # noqa: E402
    CLASS_EDGES_MIN,
    class_table,
    dwell_summary,
)
from observatoire_commerce.ingest.importers.parking_sessions import (  # noqa: E402
    import_parking_sessions,
    sessions_frame,
)
from observatoire_commerce.ingest.sources import sessions as source  # noqa: E402
from observatoire_commerce.ingest.sources.report import ImportReport  # noqa: E402
from observatoire_commerce.jobs.dwell import dwell_time  # noqa: E402
from observatoire_commerce.store import geometry, gpkg, observatory, tables  # noqa: E402

COLUMNS = ("key", "entry", "exit", "amount")
ISO = "%Y-%m-%d %H:%M:%S"


# ---------------------------------------------------------------------------------------------
# synthetic data
# ---------------------------------------------------------------------------------------------

def generate(path: Path, n: int, keys: int, seed: int = 1) -> Dict[str, float]:
    """Sessions over two years: lognormal stays (median ~70 min), 3 % overnight, 1 % missing
    exits, 20 % without amount, a few exits before entries and stays over 7 days."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2022-01-01T00:00:00", "s").astype(np.int64)
    day = rng.integers(0, 730, n)
    hour = rng.normal(13, 3.5, n).clip(0, 23.99)
    entry = start + day * 86400 + (hour * 3600).astype(np.int64)
    stay = np.exp(rng.normal(np.log(70 * 60), 1.0, n)).astype(np.int64)
    stay[rng.random(n) < 0.03] += 12 * 3600
    stay[rng.random(n) < 0.0005] *= -1
    stay[rng.random(n) < 0.0005] += 9 * 86400
    k = rng.integers(0, keys, n)
    names = np.array([f"86194-P-{i:03d}" for i in range(keys)])
    entry_s = pd.to_datetime(entry, unit="s").strftime(ISO)
    exit_s = pd.to_datetime(entry + stay, unit="s").strftime(ISO).to_numpy().astype(object)
    exit_s[rng.random(n) < 0.01] = ""
    amount = (np.ceil(np.abs(stay) / 900) * 0.6).round(2).astype(object)
    amount[rng.random(n) < 0.2] = ""
    pd.DataFrame({"key": names[k], "entry": entry_s, "exit": exit_s, "amount": amount}).to_csv(
        path, index=False)
    return {f"86194-P-{i:03d}": float(rng.integers(80, 600)) for i in range(keys)}


# ---------------------------------------------------------------------------------------------
# the pandas anchor: straightforward statistics
# ---------------------------------------------------------------------------------------------

def pandas_read(path: Path) -> Tuple[pd.DataFrame, Dict[str, float]]:
    """The two obvious pandas readings; the faster one is the anchor."""
    times = {}
    t = time.perf_counter()
    pd.read_csv(path, parse_dates=["entry", "exit"])
    times["read_csv(parse_dates)"] = time.perf_counter() - t
    t = time.perf_counter()
    frame = pd.read_csv(path, dtype={"key": "category", "entry": str, "exit": str,
                                     "amount": "float64"})
    frame["entry"] = pd.to_datetime(frame["entry"], format=ISO)
    frame["exit"] = pd.to_datetime(frame["exit"], format=ISO)
    times["read_csv(dtype) + to_datetime(format)"] = time.perf_counter() - t
    return frame, times


def pandas_stats(df: pd.DataFrame, capacities: Dict[str, float], periods) -> Dict[str, object]:
    """Every figure of the summary, written the straightforward pandas way."""
    stay = (df["exit"] - df["entry"]).dt.total_seconds() / 60
    bad = df["key"].isna() | df["entry"].isna() | (stay < 0) | (stay > 7 * 1440)
    ok = df[~bad].assign(stay=stay[~bad])
    is_open = ok["exit"].isna()
    comp, opened = ok[~is_open], ok[is_open]
    comp = comp.assign(long=comp["stay"] >= 240, hour=comp["entry"].dt.hour,
                       day=comp["entry"].dt.normalize(),
                       cls=pd.cut(comp["stay"], [0, *CLASS_EDGES_MIN, np.inf], right=False,
                                  labels=class_table()["dwell_class"]))
    first, last = ok["entry"].min().normalize(), ok["entry"].max().normalize()
    out = {}
    for kind in periods:
        freq = {"day": "D", "month": "M", "year": "Y", "week": "W"}[kind]
        label = comp["entry"].dt.to_period(freq)
        g = comp.groupby(["key", label], observed=True)
        stats = g["stay"].agg(["size", "mean", "median"])
        stats["long_stays"] = g["long"].sum()
        stats["days_with_sessions"] = g["day"].nunique()
        stats["amount_total"] = g["amount"].sum()
        stats["amount_sessions"] = g["amount"].count()
        stats["open_sessions"] = opened.groupby(
            ["key", opened["entry"].dt.to_period(freq)], observed=True).size()
        all_days = pd.period_range(first, last, freq="D")
        days = pd.Series(1, index=all_days.asfreq(freq)).groupby(level=0).sum()
        p = stats.index.get_level_values(1)
        cap = stats.index.get_level_values(0).map(capacities).to_numpy(dtype=float)
        stats["rotation"] = stats["size"] / (cap * days.reindex(p).to_numpy())
        classes = comp.groupby(["key", label, "cls"], observed=False).size()
        hours = comp.groupby(
            ["key", label, "hour"], observed=True)["long"].agg(["size", "sum"])
        out[kind] = (stats, classes, hours)
    return out


def compare(ours, anchor, periods) -> int:
    """Assert both give the same figures; returns the number of values compared."""
    checked = 0
    for kind in periods:
        stats, classes, hours = anchor[kind]
        mine = ours.periods[ours.periods["period_kind"] == kind]
        mine = mine[mine["sessions"] > 0].set_index(["key", "period"])
        theirs = stats.copy()
        theirs.index = pd.MultiIndex.from_arrays(
            [theirs.index.get_level_values(0).astype(str),
             _labels(theirs.index.get_level_values(1), kind)])
        theirs = theirs.reindex(mine.index)
        pairs = {"sessions": "size", "mean_min": "mean", "median_min": "median",
                 "long_stays": "long_stays", "days_with_sessions": "days_with_sessions",
                 "amount_total": "amount_total", "amount_sessions": "amount_sessions",
                 "rotation": "rotation"}
        for a, b in pairs.items():
            np.testing.assert_allclose(mine[a].to_numpy(float), theirs[b].to_numpy(float),
                                       rtol=1e-9, err_msg=f"{kind} {a}")
            checked += len(mine)
        open_theirs = theirs["open_sessions"].fillna(0).to_numpy()
        np.testing.assert_array_equal(mine["open_sessions"].to_numpy(), open_theirs)
        c = ours.classes[ours.classes["period_kind"] == kind]
        c = c.set_index(["key", "period", "dwell_class"])["sessions"]
        cl = classes.copy()
        cl.index = pd.MultiIndex.from_arrays(
            [cl.index.get_level_values(0).astype(str), _labels(cl.index.get_level_values(1),
                                                                kind),
             cl.index.get_level_values(2).astype(str)])
        np.testing.assert_array_equal(c.to_numpy(), cl.reindex(c.index).fillna(0).to_numpy())
        h = ours.long_by_hour[ours.long_by_hour["period_kind"] == kind]
        h = h.set_index(["key", "period", "hour"])
        hr = hours.copy()
        hr.index = pd.MultiIndex.from_arrays(
            [hr.index.get_level_values(0).astype(str), _labels(hr.index.get_level_values(1),
                                                                kind),
             hr.index.get_level_values(2)])
        hr = hr.reindex(h.index)
        np.testing.assert_array_equal(h["sessions"].to_numpy(), hr["size"].to_numpy())
        np.testing.assert_array_equal(h["long_stays"].to_numpy(), hr["sum"].to_numpy())
        checked += len(c) + 2 * len(h)
    return checked


def _labels(periods: pd.Index, kind: str) -> np.ndarray:
    if kind == "week":
        start = periods.start_time
        iso = start.isocalendar()
        return (iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)).to_numpy()
    return periods.astype(str).to_numpy()


# ---------------------------------------------------------------------------------------------

def read_and_summarise(path: Path, capacities, periods):
    """Path 1: the import layer's reader and checks, then the summary on the arrays."""
    t = time.perf_counter()
    report = ImportReport(path.name)
    s = source.read_sessions(path, report, mapping={"parking_id": "key"})
    valid = source.check_sessions(s, report, path.name)
    frame = sessions_frame(s, valid)
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    ours = dwell_summary(frame, capacities, periods=periods)
    ours.counts["rejected"] = report.rows_rejected  # by the import layer's checks
    return ours, s.reader, t_read, time.perf_counter() - t


def import_and_summarise(path: Path, folder: Path, capacities, periods):
    """Path 2: into a GeoPackage with the car parks, then the dwell_time job."""
    gpkg_path = folder / "bench.gpkg"
    observatory.create_observatory(gpkg_path, "Bench")
    conn = observatory.open_observatory(gpkg_path)
    with gpkg.transaction(conn):
        tables.insert(conn, "parkings", ["uuid", "parking_id", "name", "kind", "capacity",
                                         "imported_at", "geom"],
                      [(f"{i:08x}-0000-4000-8000-{i:012x}", key, key, "off_street", int(cap),
                        "2024-01-01", geometry.encode_point(490000 + 10 * i, 6600000, 2154))
                       for i, (key, cap) in enumerate(capacities.items())])
    t = time.perf_counter()
    result = import_parking_sessions(conn, path, mapping={"parking_id": "key"})
    t_import = time.perf_counter() - t
    t = time.perf_counter()
    job = dwell_time(conn, periods=periods)
    t_job = time.perf_counter() - t
    conn.close()
    size = gpkg_path.stat().st_size
    return job, result, t_import, t_job, size


def main() -> None:
    parser = argparse.ArgumentParser(description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=5_000_000)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--periods", default="day,month")
    args = parser.parse_args()
    periods = tuple(args.periods.split(","))
    if not set(periods) <= {"day", "week", "month", "year"}:
        parser.error("--periods: a comma-separated list of day, week, month, year")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sessions.csv"
        t = time.perf_counter()
        capacities = generate(path, args.sessions, args.keys)
        print(f"generated {args.sessions:,} sessions ({path.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - t:.1f} s", flush=True)
        ours, reader, t_read, t_sum = read_and_summarise(path, capacities, periods)
        anchor_frame, read_times = pandas_read(path)
        t_anchor_read = min(read_times.values())
        t = time.perf_counter()
        anchor = pandas_stats(anchor_frame, capacities, periods)
        t_anchor_stats = time.perf_counter() - t
        del anchor_frame
        job, imported, t_import, t_job, size = import_and_summarise(path, Path(tmp),
                                                                    capacities, periods)
    checked = compare(ours, anchor, periods)
    stored = job.parking.periods
    names = {f"{i:08x}-0000-4000-8000-{i:012x}": key for i, key in enumerate(capacities)}
    stored = stored.assign(key=stored["key"].map(names))
    mine = ours.periods.set_index(["key", "period_kind", "period"])
    back = stored.set_index(["key", "period_kind", "period"]).reindex(mine.index)
    for col in ("sessions", "open_sessions", "mean_min", "median_min", "rotation"):
        np.testing.assert_allclose(back[col].to_numpy(float), mine[col].to_numpy(float),
                                   rtol=1e-9, err_msg=f"stored and read back: {col}")
    n = args.sessions
    c = ours.counts
    print(f"sessions: {c['complete']:,} complete, {c['open']:,} without exit, "
          f"{c['rejected']:,} rejected; periods {', '.join(periods)}; {checked:,} figures "
          f"identical in ours and pandas, and in the GeoPackage path")

    def line(label, seconds):
        print(f"{label + ':':58s}{seconds:7.2f} s  {n / seconds:12,.0f} rows/s")

    print("\n1. read + summary")
    line(f"   our reader + checks ({reader})", t_read)
    line("   our summary (dwell_summary)", t_sum)
    for label, value in read_times.items():
        line(f"   pandas {label}", value)
    line("   pandas statistics", t_anchor_stats)
    ours_1, anchor_total = t_read + t_sum, t_anchor_read + t_anchor_stats
    print(f"   ours {ours_1:.2f} s vs pandas {anchor_total:.2f} s: ratio "
          f"{ours_1 / anchor_total:.2f} (< 1 = faster than pandas)")
    print("\n2. import into the GeoPackage + summary (the whole path)")
    line(f"   import_parking_sessions ({imported.total_added:,} added)", t_import)
    line("   dwell_time job (read back + summary)", t_job)
    ours_2 = t_import + t_job
    print(f"   GeoPackage: {size / 1e6:.0f} MB")
    print(f"   ours {ours_2:.2f} s vs pandas {anchor_total:.2f} s: ratio "
          f"{ours_2 / anchor_total:.2f} (< 1 = faster than pandas)")


if __name__ == "__main__":
    main()
