"""Presence dwell-class labels and activity-index periods as providers write them."""

import math

import pytest

from observatoire_commerce.ingest.sources.activity_index import parse_period
from observatoire_commerce.ingest.sources.presence import class_bounds_of, parse_class_bounds
from observatoire_commerce.ingest.sources.report import SourceError


@pytest.mark.parametrize("label, bounds", [
    ("< 30 min", (0, 30)), ("moins de 30 min", (0, 30)), ("lt_30min", (0, 30)),
    ("30 min - 1 h", (30, 60)), ("30min_1h", (30, 60)), ("1h-2h", (60, 120)),
    ("2 à 4 h", (120, 240)), ("1-2 h", (60, 120)), ("0-30", (0, 30)), ("1,5h-2h", (90, 120)),
    ("> 4 h", (240, math.inf)), ("plus de 4 heures", (240, math.inf)), ("4h+", (240, math.inf)),
    ("ge_4h", (240, math.inf)), ("≥ 240 min", (240, math.inf)),
    ("longue", None), ("2h-1h", None), ("< 0 min", None), ("1h 2h 3h", None)])
def test_class_labels(label, bounds):
    assert class_bounds_of(label) == bounds


def test_declared_class_bounds():
    assert parse_class_bounds("court=0-30; moyen = 30-120 ;long=120-") == {
        "court": (0.0, 30.0), "moyen": (30.0, 120.0), "long": (120.0, math.inf)}
    assert parse_class_bounds("") == {}
    for bad in ("court=30-10", "court", "court=a-b", "=0-30"):
        with pytest.raises(SourceError, match="label=lower-upper"):
            parse_class_bounds(bad)


@pytest.mark.parametrize("text, frequency, expected", [
    ("2024-03", None, ("2024-03", "M")), ("03/2024", None, ("2024-03", "M")),
    ("2024/3", None, ("2024-03", "M")), ("2024-Q1", None, ("2024-Q1", "Q")),
    ("2024Q2", None, ("2024-Q2", "Q")), ("T3 2024", None, ("2024-Q3", "Q")),
    ("q4-2023", None, ("2023-Q4", "Q")), ("2024", None, ("2024", "Y")),
    ("2024-03-15", None, ("2024-03", "M")), ("15/03/2024", "Q", ("2024-Q1", "Q")),
    ("15/03/2024", "Y", ("2024", "Y")), ("2024-13", None, (None, None)),
    ("13/2024", None, (None, None)), ("mars 2024", None, (None, None))])
def test_index_periods(text, frequency, expected):
    assert parse_period(text, frequency) == expected
