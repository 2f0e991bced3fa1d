"""Benchmark of the consumption typology (indicator 11) against FactoMineR.

1. draws 100 000 synthetic weighted answers (15 behaviour questions, 78 categories) from the
   four planted types of ``tests/data/survey/reference/typology/make_fixture.py``;
2. times our weighted MCA, HCPC with k-means pre-clustering (``kk``) and catdes, and prints
   the adjusted Rand index of the types found against the planted ones;
3. when ``Rscript`` and FactoMineR are installed, writes the same answers to a temp CSV and
   times, in the same run, ``MCA(X, ncp = 5, row.w = w)`` + ``HCPC(res, nb.clust = -1,
   kk = …, consol = FALSE, description = FALSE)`` + ``catdes(data.clust, proba = 0.05, row.w =
   w)`` (HCPC's own description also computes distances between all the members of each
   class, out of reach for 100 000 rows), reading the CSV excluded; prints both times and
   the ratio R / ours.

Target (issue 10): our typology under 10 s on 2 cores, and faster than R.

Run: ``.venv/bin/python benchmarks/bench_survey_typology.py [--rows 100000] [--kk 100]``
"""

import _bootstrap  # noqa: F401, I001  (first: registers the package)

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from observatoire_commerce.analysis.catdes import catdes
from observatoire_commerce.analysis.hcpc import hcpc
from observatoire_commerce.analysis.mca import mca
from observatoire_commerce.analysis.typology import adjusted_rand_index

FIXTURE = _bootstrap.ROOT / "tests" / "data" / "survey" / "reference" / "typology"

R_SCRIPT = r"""
suppressPackageStartupMessages(library(FactoMineR))
args <- commandArgs(trailingOnly = TRUE)
raw <- read.csv(args[1], colClasses = "character", na.strings = "", row.names = "response")
w <- as.numeric(raw$weight)
X <- raw[, setdiff(names(raw), c("weight", "planted_type"))]
X[] <- lapply(X, factor)
set.seed(1)
t0 <- proc.time()[["elapsed"]]
res <- MCA(X, ncp = 5, row.w = w, graph = FALSE)
t1 <- proc.time()[["elapsed"]]
hc <- suppressWarnings(HCPC(res, nb.clust = -1, kk = as.integer(args[2]), consol = FALSE,
                            graph = FALSE, description = FALSE))
t2 <- proc.time()[["elapsed"]]
cd <- catdes(hc$data.clust, ncol(hc$data.clust), proba = 0.05, row.w = w)
t3 <- proc.time()[["elapsed"]]
cat(sprintf("%.3f %.3f %.3f %d\n", t1 - t0, t2 - t1, t3 - t2, nlevels(hc$data.clust$clust)))
"""


def load_generator():
    spec = importlib.util.spec_from_file_location("make_fixture", FIXTURE / "make_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_ours(answers, weights, kk: int):
    t0 = time.perf_counter()
    res_mca = mca(answers, weights, ncp=5)
    t1 = time.perf_counter()
    res_hcpc = hcpc(res_mca.rows, weights, kk=kk)
    t2 = time.perf_counter()
    w = weights.to_numpy()
    description = catdes(res_mca.answers, res_hcpc.classes, w * (w.size / w.sum()))
    t3 = time.perf_counter()
    return res_hcpc, description, (t1 - t0, t2 - t1, t3 - t2)


def bench_r(answers, weights, types, kk: int):
    if shutil.which("Rscript") is None:
        print("R: Rscript not found, FactoMineR anchor skipped")
        return None
    check = subprocess.run(["Rscript", "-e", "library(FactoMineR)"], capture_output=True)
    if check.returncode != 0:
        print("R: FactoMineR not installed, anchor skipped")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "answers.csv"
        answers.assign(weight=weights, planted_type=types).to_csv(csv, na_rep="")
        script = Path(tmp) / "bench.R"
        script.write_text(R_SCRIPT, encoding="utf-8")
        run = subprocess.run(["Rscript", str(script), str(csv), str(kk)], capture_output=True,
                             text=True)
    if run.returncode != 0:
        print("R failed:", run.stderr.strip()[-500:])
        return None
    mca_s, hcpc_s, catdes_s, k = run.stdout.split()
    return float(mca_s), float(hcpc_s), float(catdes_s), int(k)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--kk", type=int, default=100)
    args = parser.parse_args(argv)
    answers, weights, types = load_generator().planted_answers(args.rows, seed=7)
    n_cat = sum(answers[c].nunique(dropna=False) for c in answers.columns)
    print(f"{args.rows} respondents, {answers.shape[1]} questions, {n_cat} categories, "
          f"kk = {args.kk}")
    res_hcpc, description, (t_mca, t_hcpc, t_catdes) = bench_ours(answers, weights, args.kk)
    ours = t_mca + t_hcpc + t_catdes
    ari = adjusted_rand_index(res_hcpc.classes.to_numpy(), types.to_numpy())
    print(f"ours: MCA {t_mca:.2f} s + HCPC {t_hcpc:.2f} s + catdes {t_catdes:.2f} s = "
          f"{ours:.2f} s; {res_hcpc.n_clusters} types, ARI vs planted {ari:.3f}, "
          f"{len(description)} characteristic answers")
    print("target: under 10 s:", "yes" if ours < 10 else "NO")
    r = bench_r(answers, weights, types, args.kk)
    if r is not None:
        r_mca, r_hcpc, r_catdes, r_k = r
        total = r_mca + r_hcpc + r_catdes
        print(f"FactoMineR: MCA {r_mca:.2f} s + HCPC(kk = {args.kk}) {r_hcpc:.2f} s + catdes "
              f"{r_catdes:.2f} s = {total:.2f} s; {r_k} types")
        print(f"ratio R / ours: {total / ours:.1f}x (MCA {r_mca / t_mca:.1f}x, HCPC "
              f"{r_hcpc / t_hcpc:.1f}x, catdes {r_catdes / t_catdes:.1f}x)")
    return 0 if ours < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
