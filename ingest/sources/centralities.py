"""Centralities from any polygon layer: what a level value means.

A level value is recognised (compared without case, accents, ``-`` / ``_``, see
:func:`.values.normalise`) when it is, in this order:

1. a value of the user's map (``value=level``, the level being a code of the file's
   ``centrality_levels`` nomenclature);
2. a code of that nomenclature (``primary``…) or one of its labels (``Centralité
   principale``, ``Primary centrality``…);
3. one of the French and English words of :data:`LEVEL_WORDS`: *centre-ville*,
   *hypercentre*, *cœur de ville*, *principale*, *primaire*, 1 → primary; *quartier*, *pôle de
   quartier*, *secondaire*, 2 → secondary; *proximité*, *tertiaire*, 3 → tertiary; *zone
   commerciale*, *périphérie*, *périphérique*, *retail park*, 4 → peripheral (only the levels
   the file's nomenclature holds).

Any other value is unknown: the import is refused with the list of unknown values and their
counts, and the levels the file knows.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Sequence

from ...i18n import tr
from .report import SourceError
from .values import EMPTY, key_value_pairs, normalise

LEVEL_WORDS = {
    "primary": ("centre ville", "centre-ville", "centreville", "hypercentre", "hyper centre",
                "coeur de ville", "centre", "principale", "principal", "primaire",
                "centralite principale", "pole principal", "1"),
    "secondary": ("quartier", "pole de quartier", "centre de quartier", "centralite de quartier",
                  "secondaire", "centralite secondaire", "pole secondaire", "2"),
    "tertiary": ("proximite", "de proximite", "pole de proximite", "centralite de proximite",
                 "tertiaire", "neighbourhood", "neighborhood", "3"),
    "peripheral": ("zone commerciale", "zone commerciale peripherique", "peripherie",
                   "peripherique", "retail park", "zone d activite commerciale", "4"),
}


class LevelError(SourceError):
    """Level values that mean nothing known, or a map to an unknown level."""


def level_vocabulary(levels: Sequence[Mapping], user_map: Optional[Mapping[str, str]] = None
                     ) -> Dict[str, str]:
    """normalised value → level code (module rules); ``levels``: the file's nomenclature rows
    (``code``, ``label_fr``, ``label_en``). LevelError for a map to a level the file lacks."""
    codes = [r["code"] for r in levels]
    vocabulary: Dict[str, str] = {}
    for code, words in LEVEL_WORDS.items():
        if code in codes:
            vocabulary.update({normalise(w): code for w in words})
    for r in levels:
        for text in (r["code"], r.get("label_fr"), r.get("label_en")):
            if text:
                vocabulary[normalise(text)] = r["code"]
    for value, level in (user_map or {}).items():
        target = vocabulary.get(normalise(level)) if level not in codes else level
        if target is None:
            raise LevelError(tr("Level map {value}={level}: {level!r} is not a level of the "
                                "GeoPackage ({levels}).").format(
                                    value=value, level=level, levels=", ".join(codes)))
        vocabulary[normalise(value)] = target
    return vocabulary


def parse_level_map(text: str) -> Dict[str, str]:
    """``"Pôle majeur=primary; ZC=peripheral"`` → dict; LevelError for an entry that is not
    ``value=level``."""
    return dict(key_value_pairs(text, lambda entry: LevelError(tr(
        "Level map entry {entry!r}: write value=level, e.g. Pôle majeur=primary.").format(
            entry=entry))))


def map_levels(values: Iterable, vocabulary: Mapping[str, str], levels: Sequence[Mapping],
               field: str) -> List[Optional[str]]:
    """The level code of each value (None for an empty one). LevelError listing every unknown
    value with its count and the levels known."""
    values = list(values)
    out: List[Optional[str]] = []
    unknown: Dict[str, List] = {}
    for v in values:
        key = normalise(v)
        if key == EMPTY:
            out.append(None)
        elif key in vocabulary:
            out.append(vocabulary[key])
        else:
            out.append(None)
            unknown.setdefault(key, [str(v).strip(), 0])[1] += 1
    if unknown:
        listed = ", ".join(tr("{value!r} ({n} features)").format(value=v, n=n)
                           for v, n in unknown.values())
        known = "; ".join(f"{r['code']} ({r.get('label_fr') or ''})" for r in levels)
        example = next(iter(unknown.values()))[0]
        raise LevelError(tr(
            "Level field {field!r}: values not recognised: {values}. Say which level each one "
            "is with the level map, e.g. {example}=secondary. Levels of the GeoPackage: "
            "{known}. Nothing was written.").format(field=field, values=listed,
                                                    example=example, known=known))
    return out
