"""Readable names and licences of the data sources recorded in the socle.

``resources/reporting/sources.csv`` maps the codes the importers write in the tables' ``source``
column (``bpe``, ``sirene``, ``osm``…) to a name and a licence in French and English, and to
``licence_id``: the id of the open licence the source is published under (a key of
:data:`OPEN_LICENCES`), empty when it is not open or not recorded. The row with an empty code
is the default (no licence recorded). A source not listed (a file name, a feed's name) keeps
its own name and the default licence. Pure Python: no QGIS.

:data:`OPEN_LICENCES` is the one list of the licences the plugin takes as open (free reuse
and republication, attribution at most, share-alike for the ODbL): the open-data export
publishes a flow under the producer's licence only when every source of its rows is under
one of them (:func:`is_open`).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .formatting import language_of

SOURCES_CSV = Path(__file__).resolve().parent.parent / "resources" / "reporting" / "sources.csv"

#: open licence id → (title, URL). The ODbL is share-alike: what derives from an ODbL source
#: is republished under the ODbL.
OPEN_LICENCES = {
    "etalab-2.0": ("Licence Ouverte 2.0 (Etalab)",
                   "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    "odbl-1.0": ("Open Database License (ODbL) 1.0",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
    "cc-by-4.0": ("Creative Commons Attribution 4.0",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "cc0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "etalab-1.0": ("Licence Ouverte 1.0 (Etalab)",
                   "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf"),
}
SHARE_ALIKE = ("odbl-1.0",)


@lru_cache(maxsize=2)
def table(path: str = str(SOURCES_CSV)) -> dict:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["source"].strip().lower(): row for row in csv.DictReader(handle)}


def source_info(code: str, language: str = "fr", path: str = str(SOURCES_CSV)) -> dict:
    """``{"label", "licence", "licence_id", "known"}`` of a source code in ``language``
    (``licence_id``: a key of :data:`OPEN_LICENCES`, or "" when the source's licence is not
    open or not recorded)."""
    language = language_of(language)
    rows = table(path)
    key = (code or "").strip().lower()
    row = rows.get(key)
    default = rows[""]
    if row is None:
        return {"label": code or default[f"label_{language}"],
                "licence": default[f"licence_{language}"],
                "licence_id": _licence_id(default), "known": False}
    return {"label": row[f"label_{language}"], "licence": row[f"licence_{language}"],
            "licence_id": _licence_id(row), "known": bool(key)}


def _licence_id(row: dict) -> str:
    return (row.get("licence_id") or "").strip().lower()


def is_open(code: str, path: str = str(SOURCES_CSV)) -> bool:
    """True when the source ``code`` is recorded under one of :data:`OPEN_LICENCES`."""
    return source_info(code, "en", path)["licence_id"] in OPEN_LICENCES
