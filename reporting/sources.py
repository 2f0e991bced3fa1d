"""Readable names and licences of the data sources recorded in the socle.

``resources/reporting/sources.csv`` maps the codes the importers write in the tables' ``source``
column (``bpe``, ``sirene``, ``osm``…) to a name and a licence in French and English; the row
with an empty code is the default. A source not listed (a file name, a feed's name) keeps its
own name and the default licence. Pure Python: no QGIS.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .formatting import language_of

SOURCES_CSV = Path(__file__).resolve().parent.parent / "resources" / "reporting" / "sources.csv"


@lru_cache(maxsize=2)
def table(path: str = str(SOURCES_CSV)) -> dict:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["source"].strip().lower(): row for row in csv.DictReader(handle)}


def source_info(code: str, language: str = "fr", path: str = str(SOURCES_CSV)) -> dict:
    """``{"label", "licence", "known"}`` of a source code in ``language``."""
    language = language_of(language)
    rows = table(path)
    key = (code or "").strip().lower()
    row = rows.get(key)
    default = rows[""]
    if row is None:
        return {"label": code or default[f"label_{language}"],
                "licence": default[f"licence_{language}"], "known": False}
    return {"label": row[f"label_{language}"], "licence": row[f"licence_{language}"],
            "known": bool(key)}
