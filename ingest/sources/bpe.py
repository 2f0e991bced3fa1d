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
from .report import ImportReport
from .sirene import MAINLAND_EPSG, OVERSEAS_EPSG

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
             communes: Optional[Iterable[str]] = None, encoding: str = "utf-8") -> BpeResult:
    path = Path(path)
    if not path.is_file():
        raise ValueError(tr("BPE file not found: {path}").format(path=path))
    name = path.name
    with open(path, encoding=encoding, newline="") as handle:
        first = handle.readline()
    sep = ";" if first.count(";") > first.count(",") else ","
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding=encoding)
    frame.columns = [c.strip().lstrip("\ufeff").upper() for c in frame.columns]
    missing = [c for c in ("TYPEQU", "DEPCOM") if c not in frame.columns]
    has_l93 = {"LAMBERT_X", "LAMBERT_Y"} <= set(frame.columns)
    has_ll = {"LONGITUDE", "LATITUDE"} <= set(frame.columns)
    if not (has_l93 or has_ll):
        missing.append(tr("LAMBERT_X/LAMBERT_Y or LONGITUDE/LATITUDE"))
    if missing:
        raise ValueError(tr("{file}: missing column(s) {columns}").format(
            file=name, columns=missing))
    types = load_types() if types is None else types
    for c in ("AN", "DCIRIS", "QUALITE_XY", "EPSG"):
        if c not in frame.columns:
            frame[c] = ""
    frame = frame.apply(lambda s: s.str.strip())
    frame["row"] = np.arange(2, len(frame) + 2)
    report = ImportReport(source=name, rows_read=len(frame))
    skipped: Dict[str, int] = {}
    if communes is not None:
        inside = frame["DEPCOM"].isin({str(c) for c in communes})
        skipped[tr("other commune")] = int((~inside).sum())
        frame = frame[inside]
    if has_l93:
        x = pd.to_numeric(frame["LAMBERT_X"].str.replace(",", "."), errors="coerce")
        y = pd.to_numeric(frame["LAMBERT_Y"].str.replace(",", "."), errors="coerce")
        epsg = frame["DEPCOM"].str[:3].map(OVERSEAS_EPSG).fillna(MAINLAND_EPSG)
    else:
        x = pd.to_numeric(frame["LONGITUDE"].str.replace(",", "."), errors="coerce")
        y = pd.to_numeric(frame["LATITUDE"].str.replace(",", "."), errors="coerce")
        epsg = pd.Series(4326.0, index=frame.index)
    given = pd.to_numeric(frame["EPSG"], errors="coerce")
    epsg = given.where(given.notna(), epsg)

    keep = pd.Series(True, index=frame.index)
    bad_code = ~frame["TYPEQU"].str.fullmatch(TYPEQU.pattern)
    no_xy = x.isna() | y.isna() | frame["QUALITE_XY"].str.lower().str.contains("non g")
    for mask, fld, values, reason in (
            (bad_code, "TYPEQU", frame["TYPEQU"],
             tr("expected a BPE equipment code such as B203")),
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
        "year": pd.to_numeric(kept["AN"], errors="coerce").astype("Int64").to_numpy(),
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
