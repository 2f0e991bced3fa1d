"""Benchmark of survey weighting and estimates against R's survey package.

1. draws N synthetic responses (default 100 000): age band (6), home zone (30), gender (2),
   centrality (8), interview mode (online answers weigh 1.5), 8 satisfaction scores 1–5 with
   10 % missing and 5 yes/no items;
2. times ``rake`` (IPF, 3 margins, tolerance 1e-8) and, for information, bounded raking
   (ratios within [0.5, 2.0]);
3. times ``survey_means`` of the 13 variables on the raked design, whole sample and by
   centrality (13 + 104 estimates with SE and 95 % interval);
4. when ``Rscript`` and the survey package are installed, writes the same responses to a temp CSV
   and times, inside R, ``rake`` + ``svymean`` / ``svyby`` of the same 13 variables (reading the
   CSV is not timed), then prints both times, the ratio, and the largest differences of the
   weights, means and SEs.

Run: ``.venv/bin/python benchmarks/bench_survey_weighting.py [responses]``
"""

import _bootstrap  # noqa: F401, I001  (first: registers the package)

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from observatoire_commerce.analysis.survey_estimates import survey_means
from observatoire_commerce.analysis.survey_weighting import rake

AGES = ["15_24", "25_34", "35_49", "50_64", "65_74", "75_plus"]
ZONES = [f"86{i:03d}" for i in range(30)]
CENTRALITIES = [f"c{i}" for i in range(8)]
SCORES = [f"sat_{i}" for i in range(8)]
ITEMS = [f"yes_{i}" for i in range(5)]
VARIABLES = SCORES + ITEMS
TOTAL = 600_000


def responses(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    age = rng.choice(AGES, n, p=[0.10, 0.13, 0.22, 0.25, 0.17, 0.13])
    zone_p = rng.dirichlet(np.full(len(ZONES), 30.0))
    frame = pd.DataFrame({
        "id": np.arange(1, n + 1),
        "base_weight": np.where(rng.random(n) < 0.3, 1.5, 1.0),
        "age_band": age, "zone": rng.choice(ZONES, n, p=zone_p),
        "gender": rng.choice(["female", "male"], n, p=[0.57, 0.43]),
        "centrality": rng.choice(CENTRALITIES, n, p=np.full(8, 1 / 8)),
    })
    age_idx = np.searchsorted(AGES, age)
    for name in SCORES:
        s = np.clip(np.rint(3 + 0.2 * age_idx - 0.5 + rng.normal(0, 1.1, n)), 1, 5)
        s[rng.random(n) < 0.1] = np.nan
        frame[name] = s
    for k, name in enumerate(ITEMS):
        frame[name] = (rng.random(n) < 0.2 + 0.1 * k).astype(float)
    return frame


def margins() -> dict:
    age = np.array([0.15, 0.16, 0.23, 0.22, 0.13, 0.11]) * TOTAL
    zone = np.linspace(1.0, 1.5, len(ZONES))
    zone = zone / zone.sum() * TOTAL
    return {"age_band": dict(zip(AGES, age)), "zone": dict(zip(ZONES, zone)),
            "gender": {"female": 0.52 * TOTAL, "male": 0.48 * TOTAL}}


def best_of(repeats: int, fn):
    best, result = np.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


R_SCRIPT = r"""
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c(zone = "character"))
m <- read.csv(args[2], colClasses = c(category = "character"))
pop <- function(v) { x <- m[m$margin == v, ]; r <- data.frame(x$category, x$population);
                     names(r) <- c(v, "Freq"); r }
vars <- strsplit(args[3], ",")[[1]]
t0 <- proc.time()[["elapsed"]]
des <- svydesign(ids = ~1, weights = ~base_weight, data = d)
raked <- rake(des, list(~age_band, ~zone, ~gender),
              list(pop("age_band"), pop("zone"), pop("gender")),
              control = list(maxit = 200, epsilon = 1e-8))
t1 <- proc.time()[["elapsed"]]
rows <- list()
for (v in vars) {
  f <- as.formula(paste0("~", v))
  e <- svymean(f, raked, na.rm = TRUE)
  rows[[length(rows) + 1]] <- data.frame(variable = v, centrality = "", mean = coef(e)[[1]],
                                         se = SE(e)[[1]])
  b <- svyby(f, ~centrality, raked, svymean, na.rm = TRUE)
  rows[[length(rows) + 1]] <- data.frame(variable = v, centrality = b$centrality,
                                         mean = unname(coef(b)), se = unname(SE(b)))
}
t2 <- proc.time()[["elapsed"]]
write.csv(do.call(rbind, rows), args[4], row.names = FALSE)
write.csv(data.frame(id = d$id, w = weights(raked)), args[5], row.names = FALSE)
cat(sprintf("R_TIMES %.6f %.6f\n", t1 - t0, t2 - t1))
"""


def time_r(frame: pd.DataFrame, workdir: Path):
    exe = shutil.which("Rscript")
    if exe is None:
        print("Rscript not found: the R anchor is skipped")
        return None
    check = subprocess.run([exe, "-e", "library(survey)"], capture_output=True, text=True)
    if check.returncode != 0:
        print("R's survey package is not installed: the R anchor is skipped")
        return None
    data, marg = workdir / "responses.csv", workdir / "margins.csv"
    est, wts, script = workdir / "r_estimates.csv", workdir / "r_weights.csv", workdir / "b.R"
    frame.to_csv(data, index=False, na_rep="NA", float_format="%.17g")
    pd.DataFrame([(m, c, p) for m, cats in margins().items() for c, p in cats.items()],
                 columns=["margin", "category", "population"]).to_csv(
        marg, index=False, float_format="%.17g")
    script.write_text(R_SCRIPT)
    run = subprocess.run([exe, str(script), str(data), str(marg), ",".join(VARIABLES), str(est),
                          str(wts)], capture_output=True, text=True)
    if run.returncode != 0:
        print("Rscript failed:\n" + run.stderr[-2000:])
        return None
    line = next(s for s in run.stdout.splitlines() if s.startswith("R_TIMES"))
    t_rake, t_means = (float(x) for x in line.split()[1:])
    return t_rake, t_means, pd.read_csv(est, keep_default_na=False, na_values=["NA"]), \
        pd.read_csv(wts)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    frame = responses(n)
    m = margins()
    t_rake, result = best_of(3, lambda: rake(frame, m, "base_weight", tolerance=1e-8))
    report = result.report
    print(f"rake: {n} responses × 3 margins (6 × 30 × 2 categories) in {t_rake * 1000:.1f} ms "
          f"({report.iterations} sweeps, deff {report.design_effect:.3f}, "
          f"n_eff {report.effective_sample_size:,.0f})")
    t_bounded, bounded = best_of(3, lambda: rake(frame, m, "base_weight", bounds=(0.5, 2.0),
                                                 tolerance=1e-8))
    print(f"bounded rake [0.5, 2.0]: {t_bounded * 1000:.1f} ms "
          f"({bounded.report.iterations} sweeps, {bounded.report.at_lower} at the lower and "
          f"{bounded.report.at_upper} at the upper bound)")

    def estimates():
        whole = survey_means(result.design, frame[VARIABLES])
        by = survey_means(result.design, frame[VARIABLES], frame["centrality"])
        return whole, by

    t_means, (whole, by) = best_of(3, estimates)
    print(f"survey_means: {len(whole) + len(by)} estimates (13 variables, whole sample and by "
          f"8 centralities) in {t_means * 1000:.1f} ms")
    ours = t_rake + t_means
    print(f"ours, rake + estimates: {ours:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        r = time_r(frame, Path(tmp))
    if r is None:
        return
    r_rake, r_means, r_est, r_w = r
    print(f"R survey::rake: {r_rake:.3f} s; svymean + svyby: {r_means:.3f} s; "
          f"total {r_rake + r_means:.3f} s")
    print(f"ratio R / ours: rake {r_rake / t_rake:.0f}×, estimates {r_means / t_means:.0f}×, "
          f"total {(r_rake + r_means) / ours:.0f}×")
    dw = np.max(np.abs(r_w["w"].to_numpy() / result.weights.to_numpy() - 1))
    ours_all = pd.concat([whole.assign(centrality=""), by], ignore_index=True)
    merged = r_est.merge(ours_all, on=["variable", "centrality"], suffixes=("_r", ""))
    print(f"agreement with R: weights {dw:.1e} (relative), means "
          f"{np.max(np.abs(merged['mean'] - merged['mean_r'])):.1e}, SEs "
          f"{np.max(np.abs(merged['se'] / merged['se_r'] - 1)):.1e} (relative), "
          f"{len(merged)} estimates compared")


if __name__ == "__main__":
    main()
