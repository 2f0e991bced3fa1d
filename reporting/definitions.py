"""Labels and definitions of the indicator codes, in French and English.

One table, ``resources/reporting/indicator_definitions.csv`` (code, theme, unit, label and
definition in each language), feeds the atlas methods page and the dashboard's definitions:
a code is defined once. A row's code may hold one ``*`` (``share_*``,
``expect_satisfaction_*_satisfied``): it then defines every code around it, and ``{part}`` in
its texts is replaced by what the ``*`` stands for, turned
into a readable label through the ``parts`` mapping given by the caller (e.g. activity group
code → label), else ``resources/reporting/indicator_parts.csv`` (survey topics, BPE domains and
ranges), else by replacing ``_`` with spaces. Catchment codes
(``catchment_<measure>_<walk|car>_<band><min|m>``) get a label built from their parts
("Population à 10 min à pied"). Survey codes written per domain (``<code>__visitors``,
``<code>__age_band_15_24``…, see ``jobs.survey_data``) take the definition of ``<code>`` and
say whom they speak for. Pure Python: no QGIS.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional

from .formatting import language_of, number

DEFINITIONS_CSV = (Path(__file__).resolve().parent.parent / "resources" / "reporting"
                   / "indicator_definitions.csv")
PARTS_CSV = DEFINITIONS_CSV.with_name("indicator_parts.csv")
THEMES = ("offer", "services", "short_circuits", "flows", "mobility", "catchments",
          "expectations")
CATCHMENT_CODE = re.compile(r"^catchment_(?P<measure>.+)_(?P<mode>walk|car)_"
                            r"(?P<band>\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?P<unit>min|m)$")
MEASURES = {  # what network_catchments counts, in reading order
    "population": ("Population", "Population"),
    "households": ("Ménages", "Households"),
    "age_0_17": ("Habitants de 0 à 17 ans", "Aged 0-17"),
    "age_18_24": ("Habitants de 18 à 24 ans", "Aged 18-24"),
    "age_25_64": ("Habitants de 25 à 64 ans", "Aged 25-64"),
    "age_65p": ("Habitants de 65 ans ou plus", "Aged 65+"),
    "premises": ("Locaux commerciaux", "Premises"),
    "vacant_premises": ("Locaux vacants", "Vacant premises"),
    "services": ("Équipements", "Services"),
}
REACH = {
    ("walk", "min"): ("{measure} à {band} min à pied", "{measure} within {band} min walk"),
    ("car", "min"): ("{measure} à {band} min en voiture", "{measure} within {band} min drive"),
    ("walk", "m"): ("{measure} à {band} m à pied", "{measure} within {band} m walk"),
    ("car", "m"): ("{measure} à {band} m en voiture", "{measure} within {band} m drive"),
}
UNKNOWN = ("Indicateur sans définition enregistrée : voir l'algorithme qui l'a calculé.",
           "No definition recorded: see the algorithm that computed it.")


@dataclass(frozen=True)
class Definition:
    """The definition of one indicator code in one language."""

    code: str
    pattern: str          # the table's code (``share_*``) or the code itself when unknown
    theme: str
    unit: str
    label: str
    definition: str
    known: bool = True


@lru_cache(maxsize=4)
def table(path: str = str(DEFINITIONS_CSV)) -> tuple:
    """The rows of the definitions table (dicts), exact codes first, then patterns from the
    longest prefix to the shortest."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number_, row in enumerate(rows, start=2):
        missing = [k for k in ("code", "theme", "label_fr", "label_en", "definition_fr",
                               "definition_en") if not (row.get(k) or "").strip()]
        if missing:
            raise ValueError(f"{path}, row {number_}: empty {', '.join(missing)}")
        if row["theme"] not in THEMES:
            raise ValueError(f"{path}, row {number_}: theme {row['theme']!r} is not one of "
                             f"{', '.join(THEMES)}")
    exact = [r for r in rows if "*" not in r["code"]]
    patterns = sorted((r for r in rows if "*" in r["code"]),
                      key=lambda r: -len(r["code"]))
    return tuple(exact + patterns)


@lru_cache(maxsize=2)
def part_labels(path: str = str(PARTS_CSV)) -> dict:
    """``{part: (label_fr, label_en)}``: readable names of what follows a pattern's prefix
    (``offer`` in ``satisfied_offer``, ``domain_A`` in ``services_domain_A``)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {r["part"]: (r["label_fr"], r["label_en"]) for r in csv.DictReader(handle)}


def split_domain(code: str) -> tuple:
    """(code, domain) of a survey code written per domain: ``expect_x__visitors`` →
    (``expect_x``, ``visitors``); the domain is '' for any other code."""
    base, _sep, domain = code.partition("__")
    return (base, domain) if domain else (code, "")


def domain_label(domain: str, language: str = "fr") -> str:
    """Who a survey figure speaks for: "visiteurs" (of the centrality), "âge 15-24"…"""
    french = language_of(language) == "fr"
    fixed = {"visitors": ("visiteurs", "visitors"),
             "interviewed": ("interrogés sur place", "interviewed there")}
    if domain in fixed:
        return fixed[domain][0 if french else 1]
    for profile, (fr, en) in (("home_zone_", ("habitants de la zone", "residents of zone")),
                              ("age_band_", ("âge", "aged")),
                              ("occupation_", ("profession", "occupation")),
                              ("children_", ("enfants au foyer", "children at home")),
                              ("car_", ("voiture", "car"))):
        if domain.startswith(profile):
            value = domain[len(profile):].replace("_", "-" if profile == "age_band_" else " ")
            return f"{fr if french else en} {value}"
    return domain.replace("_", " ")


def _row_for(code: str, path: str) -> tuple:
    """(row, the text a pattern's ``*`` stands for) of the first row defining ``code``."""
    for row in table(path):
        pattern = row["code"]
        if "*" in pattern:
            head, _star, tail = pattern.partition("*")
            if code.startswith(head) and code.endswith(tail) and \
                    len(code) > len(head) + len(tail):
                return row, code[len(head):len(code) - len(tail)]
        elif code == pattern:
            return row, ""
    return None, ""


def catchment_label(code: str, language: str = "fr") -> Optional[str]:
    """"Population à 10 min à pied" for ``catchment_population_walk_10min``; None for a code
    that is not a catchment code."""
    match = CATCHMENT_CODE.match(code)
    if match is None:
        return None
    index = 0 if language_of(language) == "fr" else 1
    measure = match["measure"]
    measure = MEASURES[measure][index] if measure in MEASURES else measure.replace("_", " ")
    band = float(match["band"])
    band_text = number(band, 0 if band == int(band) else 1, language)
    return REACH[(match["mode"], match["unit"])][index].format(measure=measure, band=band_text)


def lookup(code: str, language: str = "fr", parts: Optional[Mapping[str, str]] = None,
           path: str = str(DEFINITIONS_CSV)) -> Definition:
    """The definition of ``code`` in ``language``; an unknown code gets its code as label, a
    sentence saying no definition is recorded, and ``known = False``."""
    language = language_of(language)
    base, domain = split_domain(code)
    row, rest = _row_for(base, path)
    if row is None:
        return Definition(code, code, "", "", code, UNKNOWN[0 if language == "fr" else 1],
                          known=False)
    known = part_labels().get(rest)
    part = (parts or {}).get(rest) or (known[0 if language == "fr" else 1] if known else
                                        rest.replace("_", " ").strip())
    label = row[f"label_{language}"].replace("{part}", part)
    if row["code"] == "catchment_*":
        label = catchment_label(code, language) or label
    if domain:
        label = f"{label} ({domain_label(domain, language)})"
    return Definition(code, row["code"], row["theme"], row["unit"], label,
                      row[f"definition_{language}"].replace("{part}", part))


def theme_of(code: str, path: str = str(DEFINITIONS_CSV)) -> str:
    """The theme of a code ('' when the table does not define it)."""
    row, _rest = _row_for(split_domain(code)[0], path)
    return row["theme"] if row else ""
