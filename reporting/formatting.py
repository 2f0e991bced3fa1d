"""Numbers, percentages, changes and dates written for print, in French or English.

Pure Python (no Qt): the atlas, its charts and the dashboard's texts use the same functions, so
that a figure reads the same everywhere. French conventions (Imprimerie nationale, INSEE):

- thousands separated by a no-break space, decimal comma: ``1 234,5``;
- a no-break space before ``%``: ``12,3 %``; changes signed with a true minus: ``−0,4 pt``;
- dates in words, ``1er`` for the first day of a month: ``7 décembre 2026``,
  ``1er mars 2025``.

English: ``1,234.5``, ``12.3%``, ``-0.4 pt``, ``7 December 2026``. Missing values (None, NaN,
±inf) are written ``–`` (en dash). Rounding is Python's ``format`` on the binary value (half to
even on exact ties).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Optional, Union

from ..analysis.vacancy_dynamics import PROCOS_BANDS

NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "\u2013"
LANGUAGES = ("fr", "en")

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
MONTHS_SHORT = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
           "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec"),
}

Number = Union[int, float, None]


def language_of(language: Optional[str]) -> str:
    """``fr`` or ``en`` from a language or locale name (``fr_FR`` → ``fr``); French by default
    for anything else (the observatory's readers are French)."""
    code = (language or "fr")[:2].lower()
    return code if code in LANGUAGES else "fr"


def finite(value) -> Optional[float]:
    """``value`` as a float, or None when it is missing, not a number, NaN or infinite."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def number(value: Number, decimals: int = 0, language: str = "fr", *,
           signed: bool = False) -> str:
    """``value`` with ``decimals`` decimals and the language's separators.

    ``signed`` writes ``+`` before positive values (changes); negative values take a true
    minus (U+2212) in French, a hyphen in English. A value that rounds to zero has no sign.
    """
    value = finite(value)
    if value is None:
        return MISSING
    language = language_of(language)
    text = f"{abs(value):,.{max(0, int(decimals))}f}"
    zero = float(text.replace(",", "")) == 0.0
    if language == "fr":
        text = text.replace(",", NBSP).replace(".", ",")
    if zero:
        sign = ""
    elif value < 0:
        sign = MINUS if language == "fr" else "-"
    else:
        sign = "+" if signed else ""
    return sign + text


def percent(value: Number, decimals: int = 1, language: str = "fr", *,
            signed: bool = False) -> str:
    """A percentage given in percent (12.34 → ``12,3 %``, English ``12.3%``)."""
    text = number(value, decimals, language, signed=signed)
    if text == MISSING:
        return text
    return f"{text}{NBSP}%" if language_of(language) == "fr" else f"{text}%"


#: lower bounds of the Procos vacancy bands above the first, in %
PROCOS_BOUNDS = tuple(lower for _code, lower, _label in PROCOS_BANDS[1:])


def vacancy_shown(value: float, decimals: int = 1) -> tuple:
    """``(value, decimals)`` to print a vacancy rate in % so that it reads in its Procos band:
    one more decimal (up to three) wherever rounding would put it on the other side of a band
    bound, and cut rather than rounded up if three are not enough (9.98 → 9.98 with 2, not
    10.0, which a reader would take for "critical")."""
    def crosses(d):
        return any((round(value, d) >= b) != (value >= b) for b in PROCOS_BOUNDS)

    while decimals < 3 and crosses(decimals):
        decimals += 1
    if crosses(decimals):
        value = math.floor(value * 10 ** decimals) / 10 ** decimals
    return value, decimals


def vacancy(value: Number, language: str = "fr", decimals: int = 1) -> str:
    """A vacancy rate in % printed in its Procos band (:func:`vacancy_shown`): ``9,98 %``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return percent(value, decimals, language)
    return percent(*vacancy_shown(float(value), decimals), language)


def points(value: Number, decimals: int = 1, language: str = "fr") -> str:
    """A change of a rate in percentage points, always signed: ``+0,4 pt``, ``−1,2 pt``."""
    text = number(value, decimals, language, signed=True)
    return text if text == MISSING else f"{text}{NBSP}pt"


def auto(value: Number, language: str = "fr") -> str:
    """A value with the decimals its size calls for: none from 100 up (and for whole
    numbers), one from 10, two below."""
    value = finite(value)
    if value is None:
        return MISSING
    if abs(value) >= 100 or value == int(value):
        return number(value, 0, language)
    return number(value, 1 if abs(value) >= 10 else 2, language)


def _as_date(value) -> Optional[dt.date]:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def date_long(value, language: str = "fr") -> str:
    """A date in words: ``7 décembre 2026`` (``1er`` for the first), ``7 December 2026``.

    Takes a ``date``, a ``datetime`` or an ISO text (``2026-12-07``, ``2026-12-07T06:40Z``);
    anything else is returned as given (``–`` when empty).
    """
    day = _as_date(value)
    if day is None:
        return MISSING if value is None or str(value).strip() == "" else str(value)
    language = language_of(language)
    month = MONTHS[language][day.month - 1]
    if language == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def month_short(month: int, language: str = "fr") -> str:
    """Abbreviated month name (1 → ``janv.`` / ``Jan``)."""
    return MONTHS_SHORT[language_of(language)][int(month) - 1]


def period_short(start, end, language: str = "fr") -> str:
    """A period in months: ``oct.–nov. 2024``, ``janv. 2022 – déc. 2024`` (``Oct–Nov 2024``,
    ``Jan 2022 – Dec 2024``); one month when both fall in it."""
    first, last = _as_date(start), _as_date(end)
    if not (first and last):
        known = first or last
        return f"{month_short(known.month, language)} {known.year}" if known else MISSING
    one = month_short(first.month, language)
    two = month_short(last.month, language)
    if (first.year, first.month) == (last.year, last.month):
        return f"{one} {first.year}"
    if first.year == last.year:
        return f"{one}\u2013{two} {first.year}"
    return f"{one} {first.year} \u2013 {two} {last.year}"


def period_label(start, end, language: str = "fr") -> str:
    """``du 1er octobre au 30 novembre 2021`` style period (``from … to …`` in English);
    one date when only one is known."""
    first, last = _as_date(start), _as_date(end)
    language = language_of(language)
    if first and last:
        if language == "fr":
            return f"du {date_long(first, language)} au {date_long(last, language)}"
        return f"from {date_long(first, language)} to {date_long(last, language)}"
    known = first or last
    return date_long(known, language) if known else MISSING
