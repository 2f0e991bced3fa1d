"""French and English print formats of numbers, percentages, changes and dates."""

import datetime as dt

import pytest

from observatoire_commerce.reporting import formatting as fmt

NB = "\u00a0"


@pytest.mark.parametrize("value, decimals, expected", [
    (1234.5, 1, f"1{NB}234,5"),
    (1234567, 0, f"1{NB}234{NB}567"),
    (0.125, 2, "0,12"),          # half to even on the binary value
    (999.96, 1, f"1{NB}000,0"),
    (-1234.5, 1, f"\u22121{NB}234,5"),
    (-0.04, 1, "0,0"),           # rounds to zero: no sign
    (12, 0, "12"),
])
def test_french_numbers(value, decimals, expected):
    assert fmt.number(value, decimals) == expected


def test_english_numbers_and_missing_values():
    assert fmt.number(1234.5, 1, "en") == "1,234.5"
    assert fmt.number(-3.25, 2, "en_GB") == "-3.25"
    for missing in (None, float("nan"), float("inf"), "abc"):
        assert fmt.number(missing) == "\u2013"
        assert fmt.percent(missing) == "\u2013"
        assert fmt.points(missing) == "\u2013"


def test_percent_and_points():
    assert fmt.percent(12.345) == f"12,3{NB}%"
    assert fmt.percent(12.345, language="en") == "12.3%"
    assert fmt.percent(5, 0) == f"5{NB}%"
    assert fmt.percent(3.66, signed=True) == f"+3,7{NB}%"
    assert fmt.points(0.4) == f"+0,4{NB}pt"
    assert fmt.points(-1.25, 2) == f"\u22121,25{NB}pt"
    assert fmt.points(0.0) == f"0,0{NB}pt"
    assert fmt.points(-1.2, language="en") == f"-1.2{NB}pt"


def test_auto_decimals():
    assert fmt.auto(25000.6) == f"25{NB}001"
    assert fmt.auto(12.345) == "12,3"
    assert fmt.auto(3.0) == "3"
    assert fmt.auto(0.456) == "0,46"
    assert fmt.auto(73.3333, "en") == "73.3"


def test_dates_in_words():
    assert fmt.date_long(dt.date(2026, 12, 7)) == "7 décembre 2026"
    assert fmt.date_long("2025-03-01") == "1er mars 2025"
    assert fmt.date_long("2026-12-07T06:40:29.328Z") == "7 décembre 2026"
    assert fmt.date_long(dt.datetime(2024, 8, 15, 10, 0)) == "15 août 2024"
    assert fmt.date_long("2026-12-07", "en") == "7 December 2026"
    assert fmt.date_long(None) == "\u2013"
    assert fmt.date_long("2021") == "2021"  # not a date: as given
    assert fmt.period_label("2021-10-01", "2021-11-30") == (
        "du 1er octobre 2021 au 30 novembre 2021")
    assert fmt.period_label("2021-10-01", None, "en") == "1 October 2021"
    assert fmt.period_short("2024-10-01", "2024-11-30") == "oct.\u2013nov. 2024"
    assert fmt.period_short("2022-01-01T00:00", "2024-12-31T23:00", "en") == (
        "Jan 2022 \u2013 Dec 2024")
    assert fmt.period_short("2024-05-13", "2024-05-27") == "mai 2024"
    assert fmt.month_short(2) == "févr." and fmt.month_short(12, "en") == "Dec"


def test_language_of():
    assert fmt.language_of("fr_FR") == "fr"
    assert fmt.language_of("EN") == "en"
    assert fmt.language_of("de") == "fr"
    assert fmt.language_of(None) == "fr"


@pytest.mark.parametrize("value, expected", [
    (9.98, "9,98\u00a0%"),     # "worrying": 10,0 % would read as "critical"
    (9.9996, "9,999\u00a0%"),  # three decimals at most, cut rather than rounded up
    (10.04, "10,0\u00a0%"),    # critical either way
    (4.96, "4,96\u00a0%"),     # below 5: "normal", not 5,0 %
    (7.46, "7,46\u00a0%"),     # below 7.5
    (7.5, "7,5\u00a0%"),
    (12.34, "12,3\u00a0%"),
    (None, fmt.MISSING),
])
def test_vacancy_rates_never_look_like_the_next_band(value, expected):
    assert fmt.vacancy(value) == expected
