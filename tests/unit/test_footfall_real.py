"""Footfall on the real Eco-Counter daily counts (Rue Gambetta, Nantes, 2022)."""

import csv
from collections import defaultdict

import numpy as np
import pytest

from observatoire_commerce.analysis.footfall import daily_series, footfall_by_centrality
from observatoire_commerce.ingest.sources.comptage import read_comptage

GAMBETTA = ("353226362", "353226397")  # both directions of site 300014142


@pytest.fixture(scope="module")
def real(shared_data):
    d = shared_data / "comptage_mobilites"
    data = read_comptage(d / "site_eco-compteur_real.csv", d / "channel_eco-compteur_real.csv",
                         d / "measure_eco-compteur_real.csv")
    with open(d / "measure_eco-compteur_real.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return data, rows


def test_gambetta_daily_footfall_is_the_sum_of_both_directions(real):
    data, rows = real
    assign = data.channels[data.channels.channel_id.isin(GAMBETTA)][["channel_id", "site_id"]]
    assign = assign.assign(centrality="Nantes centre")
    res = footfall_by_centrality(data.measures, assign)
    expected = defaultdict(float)
    for r in rows:
        if r["channel_id"] in GAMBETTA:
            expected[r["start_datetime"][:10]] += float(r["count"])
    got = daily_series(res).set_index("date")["value"]
    assert len(got) == 365
    assert {d.strftime("%Y-%m-%d"): v for d, v in got.items()} == expected
    year = res.periods[(res.periods.period_kind == "year")].iloc[0]
    assert year.coverage == 1.0
    assert year.mean_daily == pytest.approx(np.mean(list(expected.values())))
    assert res.hourly.empty and res.notes  # daily time step: no hourly profile
    assert res.profiles.iloc[0].basis == "weekly"
    # 1-2 January 2022 belong to ISO week 2021-W52, an incomplete week: nothing to match
    yoy = res.yoy.iloc[0]
    assert (yoy.iso_year, yoy.weeks_matched) == (2022, 0) and np.isnan(yoy.change)
