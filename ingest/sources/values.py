"""Values and field names as users write them: compared without case, accents and separators;
fields found by their exact, case-insensitive, dBase-style or shapefile-cut name."""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator, Optional, Sequence, Tuple

EMPTY = ""
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def normalise(value) -> str:
    """A value as compared: text without case, accents, surrounding spaces; ``-`` and ``_`` as
    spaces, runs of spaces as one; whole floats as integers (``1.0`` → ``"1"``); None, NaN and
    QGIS NULL → ``""``."""
    if value is None:
        return EMPTY
    if isinstance(value, float):
        if value != value:
            return EMPTY
        if value.is_integer():
            value = int(value)
    text = str(value)
    if text == "NULL":
        return EMPTY
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    text = text.encode("ascii", "ignore").decode().strip()
    if _NUMBER.match(text):  # -1 stays -1
        return text
    return re.sub(r"[-_\s]+", " ", text.casefold()).strip()


_DBASE = re.compile(r"^\s*([^,]+?)\s*,\s*[CNFLDMBIT]\s*(,\s*\d+\s*){0,2}$", re.IGNORECASE)


def _bare(name: str) -> str:
    """A field name without its dBase-style type suffix (``SENS,C,20`` → ``SENS``)."""
    m = _DBASE.match(str(name))
    return m.group(1) if m else str(name)


def match_field(names: Sequence[str], wanted: str) -> Optional[str]:
    """The field of ``names`` that ``wanted`` designates, or None: its exact name, then whatever
    its case, then its dBase-style name (``SENS,C,20``), then its name cut at 10 characters
    (shapefiles); a rule matching several fields matches none."""
    if wanted in names:
        return wanted
    key = wanted.strip().casefold()
    for rule in (lambda n: str(n).strip().casefold(), lambda n: _bare(n).strip().casefold()):
        found = [n for n in names if rule(n) == key]
        if len(found) == 1:
            return found[0]
    if len(key) > 10:  # a shapefile cuts field names at 10 characters
        found = [n for n in names if _bare(n).strip().casefold() == key[:10]]
        if len(found) == 1:
            return found[0]
    return None


def key_value_pairs(text, bad_entry: Callable[[str], Exception]) -> Iterator[Tuple[str, str]]:
    """The ``key=value`` entries of a text separated by ``;`` or new lines, stripped, empty
    entries skipped; an entry without ``=``, key or value raises ``bad_entry(entry)``."""
    for part in str(text or "").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        key, sep, value = (s.strip() for s in part.partition("="))
        if not sep or not key or not value:
            raise bad_entry(part.strip())
        yield key, value
