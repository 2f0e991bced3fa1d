"""INSEE BPE (base permanente des équipements) geolocated points → services rows.

Reads the BPE "ensemble, géolocalisé" CSV (``;`` or ``,``): ``TYPEQU``, ``DEPCOM`` and either
``LAMBERT_X`` / ``LAMBERT_Y`` (Lambert-93 in mainland France, the local projection overseas,
chosen from the commune code) or ``LONGITUDE`` / ``LATITUDE`` (WGS 84); optional ``AN``,
``DCIRIS``, ``QUALITE_XY``, ``EPSG``. Each TYPEQU is described by ``bpe_types.csv``
(label, domain A–G, range proximité / intermédiaire / supérieure, vintage): a code absent from
that table is kept (domain from its first letter, no label or range) and listed as a warning.

Rejected (listed with row and reason): malformed TYPEQU, missing coordinates or "non
géolocalisé" quality. Rows of other communes are counted. ``source_id`` is stable for one file
(year, TYPEQU, commune, rounded coordinates and a rank among identical keys), so re-importing
the same vintage gives the same ids; the store replaces a vintage as a whole.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from .report import ImportReport, SourceError
from .sirene import MAINLAND_EPSG, OVERSEAS_EPSG
from .tabular import (
    DATE_MAX_YEAR,
    DATE_MIN_YEAR,
    Conventions,
    missing_columns_error,
    parse_numbers,
    read_csv_text,
    text_columns,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "nomenclatures"
DOMAINS = {"A": "Services pour les particuliers", "B": "Commerces", "C": "Enseignement",
           "D": "Santé et action sociale", "E": "Transports et déplacements",
           "F": "Sports, loisirs et culture", "G": "Tourisme"}
RANGES = ("proximite", "intermediaire", "superieure")
COLUMNS = ["source_id", "row", "typequ", "label", "domain", "domain_label", "range", "year",
           "commune_code", "iris", "quality", "x", "y", "epsg"]
TYPEQU = re.compile(r"^[A-G]\d{3}$")


@dataclass
class BpeResult:
    services: pd.DataFrame
    report: ImportReport
    crs: Optional[str]
    skipped: Dict[str, int] = field(default_factory=dict)


def load_types(path: Optional[Path] = None) -> pd.DataFrame:
    """The TYPEQU table (shipped ``bpe_types.csv`` or a user's copy), indexed by ``typequ``."""
    types = pd.read_csv(path or RESOURCES / "bpe_types.csv", dtype=str, keep_default_na=False)
    bad = sorted(set(types["range"]) - set(RANGES) - {""})
    if bad:
        raise ValueError(tr("bpe_types: unknown range(s) {bad}; expected one of {ranges}").format(
            bad=bad, ranges=RANGES))
    return types.set_index("typequ")


def read_bpe(path, types: Optional[pd.DataFrame] = None,
             communes: Optional[Iterable[str]] = None, encoding: Optional[str] = None,
             conventions: Optional[Conventions] = None) -> BpeResult:
    """Read a BPE CSV (any encoding and separator of :mod:`.tabular`); see the module
    docstring. Raises :class:`SourceError` for a missing file or missing columns."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(tr("BPE file not found: {path}").format(path=path))
    name = path.name
    report = ImportReport(source=name)
    conventions = Conventions.of(conventions, encoding=encoding)
    frame = read_csv_text(path, report, conventions=conventions)
    frame.columns = ["row"] + [str(c).strip().upper() for c in frame.columns[1:]]
    missing = [c for c in ("TYPEQU", "DEPCOM") if c not in frame.columns]
    has_l93 = {"LAMBERT_X", "LAMBERT_Y"} <= set(frame.columns)
    has_ll = {"LONGITUDE", "LATITUDE"} <= set(frame.columns)
    if not (has_l93 or has_ll):
        missing.append(tr("LAMBERT_X/LAMBERT_Y or LONGITUDE/LATITUDE"))
    if missing:
        raise missing_columns_error(name, missing, frame, report)
    types = load_types() if types is None else types
    text_columns(frame, ("AN", "DCIRIS", "QUALITE_XY", "EPSG"))
    report.rows_read = len(frame)
    skipped: Dict[str, int] = {}
    if communes is not None:
        inside = frame["DEPCOM"].isin({str(c) for c in communes})
        skipped[tr("other commune")] = int((~inside).sum())
        frame = frame[inside]

    def number(column):
        return pd.Series(parse_numbers(frame[column], conventions.decimal)[0],
                         index=frame.index)

    if has_l93:
        x, y = number("LAMBERT_X"), number("LAMBERT_Y")
        epsg = frame["DEPCOM"].str[:3].map(OVERSEAS_EPSG).fillna(MAINLAND_EPSG)
    else:
        x, y = number("LONGITUDE"), number("LATITUDE")
        epsg = pd.Series(4326.0, index=frame.index)
    limit = 2e7 if has_l93 else 180.0  # metres of a projection, or degrees
    x = x.where(np.isfinite(x) & (x.abs() <= limit))
    y = y.where(np.isfinite(y) & (y.abs() <= limit))
    year = number("AN")
    bad_year = (frame["AN"] != "") & ~((year >= DATE_MIN_YEAR) & (year <= DATE_MAX_YEAR)
                                       & (year % 1 == 0))
    given = number("EPSG")
    given = given.where((given > 0) & (given < 1e6) & (given % 1 == 0))
    epsg = given.where(given.notna(), epsg)

    keep = pd.Series(True, index=frame.index)
    bad_code = ~frame["TYPEQU"].str.fullmatch(TYPEQU.pattern)
    no_xy = x.isna() | y.isna() | frame["QUALITE_XY"].str.lower().str.contains("non g")
    for mask, fld, values, reason in (
            (bad_code, "TYPEQU", frame["TYPEQU"],
             tr("expected a BPE equipment code such as B203")),
            (bad_year, "AN", frame["AN"], tr("a year between {first} and {last}").format(
                first=DATE_MIN_YEAR, last=DATE_MAX_YEAR)),
            (no_xy, "coordinates", frame["DEPCOM"] + " " + frame["TYPEQU"],
             tr("equipment not geolocated"))):
        mask = mask & keep
        for r, v in zip(frame.loc[mask, "row"], values[mask]):
            report.reject(name, r, fld, v, reason)
        keep &= ~mask
    kept = frame[keep]
    known = kept["TYPEQU"].isin(types.index)
    for r, v in zip(kept.loc[~known, "row"], kept.loc[~known, "TYPEQU"]):
        report.warn(name, r, "TYPEQU", v,
                    tr("code absent from bpe_types.csv: no label or range"))
    t = types.reindex(kept["TYPEQU"]).fillna("")
    domain = kept["TYPEQU"].str[0]
    xs, ys = x[keep].round(1), y[keep].round(1)
    key = (kept["AN"] + ":" + kept["TYPEQU"] + ":" + kept["DEPCOM"] + ":"
           + xs.astype(str) + ":" + ys.astype(str))
    rank = key.groupby(key).cumcount()
    out = pd.DataFrame({
        "source_id": (key + ":" + rank.astype(str)).to_numpy(),
        "row": kept["row"].to_numpy(),
        "typequ": kept["TYPEQU"].to_numpy(),
        "label": t["label_fr"].replace("", None).to_numpy(),
        "domain": domain.to_numpy(),
        "domain_label": domain.map(DOMAINS).to_numpy(),
        "range": t["range"].replace("", None).to_numpy(),
        "year": year[keep].round().astype("Int64").to_numpy(),
        "commune_code": kept["DEPCOM"].to_numpy(),
        "iris": kept["DCIRIS"].replace("", None).to_numpy(),
        "quality": kept["QUALITE_XY"].replace("", None).to_numpy(),
        "x": x[keep].to_numpy(), "y": y[keep].to_numpy(),
        "epsg": epsg[keep].astype("Int64").to_numpy(),
    }, columns=COLUMNS)
    report.rows_accepted = len(out)
    codes = set(out["epsg"].dropna().astype(int))
    crs = f"EPSG:{codes.pop()}" if len(codes) == 1 else None
    return BpeResult(out, report, crs, skipped)


def write_types_template(path) -> None:
    """Write the shipped TYPEQU table to ``path`` (for a user to extend)."""
    types = load_types().reset_index()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        types.to_csv(handle, index=False, quoting=csv.QUOTE_MINIMAL)
