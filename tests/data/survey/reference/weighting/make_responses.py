"""Write the synthetic responses and population margins of the weighting reference fixture.

Run once from the repository root (the outputs are committed; the tests never run this):

    .venv/bin/python tests/data/survey/reference/weighting/make_responses.py

then ``Rscript tests/data/survey/reference/weighting/reference.R`` writes R's results.

The sample over-represents the old, the town-centre commune and women, so raking moves the weights
noticeably; base weights differ by interview mode (online answers count 1.5 times a street answer)
and are scaled to sum to the population total N = 52 000 (so that R's ``calibrate`` applies the
ratio bounds to the same base as ours: no internal rescaling).
"""

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
N_RESPONSES = 400
AGE = ["15_34", "35_49", "50_64", "65_plus"]
ZONE = ["86194", "86041", "86062"]
GENDER = ["female", "male"]
CENTRALITY = ["centre_ville", "gare", "bourg", "quartier_nord"]
POPULATION = {
    "age_band": {"15_34": 17000, "35_49": 13000, "50_64": 12000, "65_plus": 10000},
    "zone": {"86194": 30000, "86041": 14000, "86062": 8000},
    "gender": {"female": 27000, "male": 25000},
}


def main() -> None:
    rng = np.random.default_rng(20250210)
    n = N_RESPONSES
    age = rng.choice(AGE, n, p=[0.22, 0.24, 0.26, 0.28])
    zone = rng.choice(ZONE, n, p=[0.65, 0.22, 0.13])
    gender = rng.choice(GENDER, n, p=[0.58, 0.42])
    centrality = rng.choice(CENTRALITY, n, p=[0.50, 0.25, 0.21, 0.04])
    online = rng.random(n) < 0.3
    base = np.where(online, 1.5, 1.0)
    base = base * 52000.0 / base.sum()
    age_idx = np.searchsorted(AGE, age)  # sorted list: 15_34 < 35_49 < 50_64 < 65_plus
    latent = 3.2 + 0.25 * age_idx - 0.3 * (zone == "86062") + rng.normal(0, 1.0, n)
    sat_offer = np.clip(np.rint(latent), 1, 5)
    sat_offer[rng.random(n) < 0.1] = np.nan
    latent_p = 2.6 - 0.2 * age_idx + 0.4 * (centrality == "bourg") + rng.normal(0, 1.2, n)
    sat_parking = np.clip(np.rint(latent_p), 1, 5)
    sat_parking[rng.random(n) < 0.2] = np.nan
    satisfied_offer = np.where(np.isnan(sat_offer), np.nan, (sat_offer >= 4).astype(float))
    miss_food = (rng.random(n) < 0.15 + 0.2 * (centrality == "quartier_nord")).astype(int)
    car = (rng.random(n) < 0.55 + 0.1 * (zone != "86194")).astype(int)
    frame = pd.DataFrame({
        "id": np.arange(1, n + 1), "base_weight": base, "age_band": age,
        "zone": zone, "gender": gender, "centrality": centrality,
        "sat_offer": sat_offer, "sat_parking": sat_parking,
        "satisfied_offer": satisfied_offer, "miss_food": miss_food, "car": car})
    frame.to_csv(HERE / "responses.csv", index=False, float_format="%.17g", na_rep="NA")
    margins = pd.DataFrame(
        [(m, c, p) for m, cats in POPULATION.items() for c, p in cats.items()],
        columns=["margin", "category", "population"])
    margins.to_csv(HERE / "margins.csv", index=False)


if __name__ == "__main__":
    main()
