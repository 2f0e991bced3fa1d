"""Synthetic behaviour answers drawn from four planted consumption types, with weights.

``planted_answers(n, seed)`` returns ``(answers, weights, types)``: one row per respondent,
16 categorical questions whose codes follow ``survey_forms/questionnaire.py`` (FREQUENCIES,
VISIT_REASONS as yes/no columns, TRANSPORT_MODES, PARKING_PLACES, PURCHASE_PLACES per purchase
category, ONLINE_SHARES, SHORT_CIRCUIT_FREQUENCIES, PRODUCER_CHANNELS); ``parking_place`` is
missing unless the respondent drives and ``producer_channel`` is missing for those who never buy
from producers (conditional questions). Each answer follows the respondent's type profile with
probability 1 - ``noise``, otherwise any category of the question. Weights are lognormal
(sd 0.4), rescaled to mean 1 and rounded to 6 decimals (exact through a CSV).

Run ``python make_fixture.py`` to rewrite ``responses.csv`` (300 respondents, seed 2025), then
``Rscript reference.R`` to rewrite R's outputs. The benchmark loads this file for its 100 000
respondents.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

PLACES = ["town_centre", "neighbourhood", "periphery", "online", "market_short_circuit",
          "other_town", "not_concerned"]
QUESTIONS = {
    "frequency": ["daily", "several_week", "weekly", "several_month", "monthly", "rarely"],
    "reason_daily_shopping": ["yes", "no"],
    "reason_stroll": ["yes", "no"],
    "reason_work": ["yes", "no"],
    "transport_mode": ["walk", "bike", "public_transport", "car_driver", "car_passenger"],
    "parking_place": ["street_free", "street_paid", "car_park_paid", "shop_car_park"],
    "where_food_daily": PLACES,
    "where_food_weekly": PLACES,
    "where_clothing": PLACES,
    "where_home": PLACES,
    "where_health_beauty": PLACES,
    "where_restaurants": PLACES,
    "online_share": ["none", "under_quarter", "quarter_half", "over_half"],
    "short_circuit_frequency": ["weekly", "monthly", "rarely", "never"],
    "producer_channel": ["market", "farm_shop", "basket", "online_order", "local_shops"],
}
TYPES = ("centre_walkers", "periphery_drivers", "online_buyers", "short_circuit_buyers")
# Per type: the likely answers of each question (uniform among them); others: any category.
PROFILES = {
    "centre_walkers": {
        "frequency": ["daily", "several_week"], "reason_daily_shopping": ["yes"],
        "reason_stroll": ["yes"], "reason_work": ["yes", "no"],
        "transport_mode": ["walk", "walk", "bike"], "parking_place": ["street_paid"],
        "where_food_daily": ["town_centre", "neighbourhood"],
        "where_food_weekly": ["town_centre", "neighbourhood"],
        "where_clothing": ["town_centre"], "where_home": ["town_centre", "periphery"],
        "where_health_beauty": ["town_centre"], "where_restaurants": ["town_centre"],
        "online_share": ["none", "under_quarter"],
        "short_circuit_frequency": ["monthly", "rarely"], "producer_channel": ["market"]},
    "periphery_drivers": {
        "frequency": ["several_month", "monthly", "rarely"], "reason_daily_shopping": ["no"],
        "reason_stroll": ["no"], "reason_work": ["yes", "no"],
        "transport_mode": ["car_driver"],
        "parking_place": ["shop_car_park", "street_free", "car_park_paid"],
        "where_food_daily": ["periphery", "neighbourhood"], "where_food_weekly": ["periphery"],
        "where_clothing": ["periphery"], "where_home": ["periphery"],
        "where_health_beauty": ["periphery"], "where_restaurants": ["periphery", "other_town"],
        "online_share": ["under_quarter"],
        "short_circuit_frequency": ["rarely", "never"], "producer_channel": ["local_shops"]},
    "online_buyers": {
        "frequency": ["several_month", "monthly"], "reason_daily_shopping": ["no"],
        "reason_stroll": ["no"], "reason_work": ["yes"],
        "transport_mode": ["public_transport", "car_passenger", "bike"],
        "parking_place": ["car_park_paid"],
        "where_food_daily": ["neighbourhood"], "where_food_weekly": ["online", "periphery"],
        "where_clothing": ["online"], "where_home": ["online"],
        "where_health_beauty": ["online", "neighbourhood"],
        "where_restaurants": ["not_concerned", "town_centre"],
        "online_share": ["over_half", "quarter_half"],
        "short_circuit_frequency": ["never"], "producer_channel": ["online_order"]},
    "short_circuit_buyers": {
        "frequency": ["weekly"], "reason_daily_shopping": ["no"],
        "reason_stroll": ["yes", "no"], "reason_work": ["no"],
        "transport_mode": ["bike", "walk", "car_driver"], "parking_place": ["street_free"],
        "where_food_daily": ["market_short_circuit"],
        "where_food_weekly": ["market_short_circuit", "neighbourhood"],
        "where_clothing": ["other_town", "neighbourhood"], "where_home": ["neighbourhood"],
        "where_health_beauty": ["neighbourhood"],
        "where_restaurants": ["neighbourhood", "not_concerned"],
        "online_share": ["none"],
        "short_circuit_frequency": ["weekly"],
        "producer_channel": ["basket", "farm_shop", "market"]},
}


def planted_answers(n: int = 300, seed: int = 2025, noise: float = 0.3,
                    shares=(0.35, 0.30, 0.20, 0.15)):
    """``(answers, weights, types)`` for ``n`` respondents (see the module docstring)."""
    rng = np.random.default_rng(seed)
    types = rng.choice(len(TYPES), size=n, p=np.asarray(shares) / np.sum(shares))
    columns = {}
    for question, categories in QUESTIONS.items():
        cats = np.asarray(categories, dtype=object)
        value = np.empty(n, dtype=object)
        free = rng.random(n) < noise
        value[free] = cats[rng.integers(0, len(cats), free.sum())]
        for t, name in enumerate(TYPES):
            likely = np.asarray(PROFILES[name][question], dtype=object)
            rows = (~free) & (types == t)
            value[rows] = likely[rng.integers(0, len(likely), rows.sum())]
        columns[question] = value
    answers = pd.DataFrame(columns)
    answers.loc[answers["transport_mode"] != "car_driver", "parking_place"] = None
    answers.loc[answers["short_circuit_frequency"] == "never", "producer_channel"] = None
    answers.index = pd.Index([f"r{i + 1:06d}" for i in range(n)], name="response")
    w = rng.lognormal(0.0, 0.4, n)
    weights = pd.Series(np.round(w / w.mean(), 6), index=answers.index, name="weight")
    return answers, weights, pd.Series(np.asarray(TYPES)[types], index=answers.index,
                                       name="planted_type")


def main() -> None:
    answers, weights, types = planted_answers()
    frame = answers.assign(weight=weights, planted_type=types)
    frame.to_csv(Path(__file__).with_name("responses.csv"), na_rep="", float_format="%.6f")


if __name__ == "__main__":
    main()
