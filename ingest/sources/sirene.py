"""INSEE SIRENE ``StockEtablissement`` CSV → validated establishments, plus matching to premises.

:func:`read_sirene` reads the stock file (INSEE's own column names, comma or semicolon separated,
UTF-8) with or without geolocation, in one of three forms (the first found wins):

1. ``x, y, epsg`` (INSEE's geolocation file joined to the stock; one EPSG code per row);
2. ``coordonneeLambertAbscisseEtablissement`` / ``coordonneeLambertOrdonneeEtablissement``
   (the projection of the territory: Lambert-93 in mainland France and Corsica, the local UTM
   or RGAF09 projection overseas, chosen from the commune code);
3. ``longitude, latitude`` (or ``x_longitude, y_latitude``): WGS 84, EPSG:4326.

Rows of other communes (``communes``) are counted, not listed. Every other row that is not kept is
listed in the report with its row number (header = row 1) and the reason: closed
(``etatAdministratifEtablissement`` ≠ A), not diffusible (``statutDiffusionEtablissement`` ≠ O),
activity coded in an old nomenclature (NAP, NAF 1993, NAF rév. 1: flagged, never mapped through
the NAF rév. 2 table), unknown NAF code, malformed SIRET, duplicate SIRET, no coordinates.

:func:`match_candidates` decides, for each candidate establishment (or OSM shop), whether it is a
premise already in the store (by its source id, or by distance and sign-name similarity), a new
premise, or a case for a human to review. It is pure: the GeoPackage layer applies the decision.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from .report import ImportReport, SourceError
from .tabular import (
    Conventions,
    missing_columns_error,
    parse_numbers,
    read_csv_text,
    text_columns,
)

REQUIRED = ["siret", "etatAdministratifEtablissement", "statutDiffusionEtablissement",
            "activitePrincipaleEtablissement", "codeCommuneEtablissement"]
OPTIONAL = ["siren", "nic", "nomenclatureActivitePrincipaleEtablissement",
            "enseigne1Etablissement", "denominationUsuelleEtablissement",
            "numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement",
            "libelleVoieEtablissement", "codePostalEtablissement",
            "libelleCommuneEtablissement", "dateCreationEtablissement",
            "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement",
            "x", "y", "epsg", "longitude", "latitude", "x_longitude", "y_latitude"]

COLUMNS = ["row", "siret", "siren", "nic", "sign_name", "naf_code", "naf_nomenclature",
           "activity_group", "address", "street", "postcode", "commune_code", "created",
           "x", "y", "epsg"]

# INSEE's street-type abbreviations (typeVoieEtablissement) -> full word
STREET_TYPES = {
    "ALL": "ALLÉE", "AV": "AVENUE", "BD": "BOULEVARD", "CAR": "CARREFOUR", "CHE": "CHEMIN",
    "CHS": "CHAUSSÉE", "CITE": "CITÉ", "COR": "CORNICHE", "CRS": "COURS", "DOM": "DOMAINE",
    "DSC": "DESCENTE", "ECA": "ÉCART", "ESP": "ESPLANADE", "FG": "FAUBOURG", "GR": "GRANDE RUE",
    "HAM": "HAMEAU", "HLE": "HALLE", "IMP": "IMPASSE", "LD": "LIEU-DIT", "LOT": "LOTISSEMENT",
    "MAR": "MARCHÉ", "MTE": "MONTÉE", "PARC": "PARC", "PAS": "PASSAGE", "PL": "PLACE",
    "PLN": "PLAINE", "PLT": "PLATEAU", "PRO": "PROMENADE", "PRV": "PARVIS", "QUA": "QUARTIER",
    "QUAI": "QUAI", "RES": "RÉSIDENCE", "RLE": "RUELLE", "ROC": "ROCADE", "RPT": "ROND-POINT",
    "RTE": "ROUTE", "RUE": "RUE", "SEN": "SENTIER", "SQ": "SQUARE", "TPL": "TERRE-PLEIN",
    "TRAV": "TRAVERSE", "VLA": "VILLA", "VLGE": "VILLAGE",
}

# projection of coordonneeLambert* by département prefix of the commune code
OVERSEAS_EPSG = {"971": 5490, "972": 5490, "973": 2972, "974": 2975, "976": 4471,
                 "977": 5490, "978": 5490}
MAINLAND_EPSG = 2154
NAF_CODE = re.compile(r"^\d{2}\.\d{2}[A-Z]$")


@dataclass
class SireneResult:
    establishments: pd.DataFrame        # COLUMNS, one row per kept establishment
    report: ImportReport
    crs: Optional[str]                  # "EPSG:n" when every kept row shares one CRS
    skipped: Dict[str, int] = field(default_factory=dict)  # counted, not listed
    # rows refused only for statistical secrecy: siret, statutDiffusionEtablissement, row
    restricted: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["siret", "status", "row"]))


def _address(frame: pd.DataFrame) -> tuple:
    def col(name):
        return frame[name] if name in frame.columns else pd.Series("", index=frame.index)
    kind = col("typeVoieEtablissement").map(lambda v: STREET_TYPES.get(v, v))
    label = col("libelleVoieEtablissement")
    street = pd.Series([lab if k and lab.startswith(k) else f"{k} {lab}".strip()
                        for k, lab in zip(kind, label)], index=frame.index, dtype=object)
    number = (col("numeroVoieEtablissement") + col("indiceRepetitionEtablissement")).str.strip()
    address = (number + " " + street).str.strip()
    return address, street


def read_sirene(path, naf_map: Mapping[str, str], communes: Optional[Iterable[str]] = None, *,
                diffusible: Iterable[str] = ("O",), keep_ungeolocated: bool = False,
                keep_old_nomenclature: bool = False, encoding: Optional[str] = None,
                conventions: Optional[Conventions] = None) -> SireneResult:
    """Read a SIRENE stock CSV; ``naf_map`` maps NAF rév. 2 codes ('47.11F') to activity groups.

    ``keep_ungeolocated`` / ``keep_old_nomenclature`` keep those rows (without coordinates, or
    without activity group) and list them as warnings instead of rejections.
    Raises :class:`SourceError` for a missing file or a missing required column.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise SourceError(tr("SIRENE file not found: {path}").format(path=path))
    report = ImportReport(source=name)
    frame = read_csv_text(path, report, conventions=Conventions.of(conventions,
                                                                   encoding=encoding),
                          keep=REQUIRED + OPTIONAL)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise missing_columns_error(name, missing, frame, report)
    frame = frame.rename(columns={"source_row": "row"})
    text_columns(frame, OPTIONAL)
    report.rows_read = len(frame)
    skipped: Dict[str, int] = {}

    if communes is not None:
        wanted = {str(c).strip() for c in communes}
        inside = frame["codeCommuneEtablissement"].isin(wanted)
        skipped[tr("other commune")] = int((~inside).sum())
        frame = frame[inside]

    keep = pd.Series(True, index=frame.index)

    def reject(mask, field_name, reason, warn=False, values=None):
        nonlocal keep
        mask = mask & keep
        target = report.warn if warn else report.reject
        values = frame[field_name] if values is None else values
        for r, v in zip(frame.loc[mask, "row"], values[mask]):
            target(name, r, field_name, v, reason)
        if not warn:
            keep &= ~mask

    siret = frame["siret"]
    reject(~siret.str.fullmatch(r"\d{14}"), "siret", tr("a SIRET is 14 digits"))
    consistent = (frame["siren"] == "") | (siret.str[:9] == frame["siren"])
    reject(~consistent, "siret", tr("SIRET does not start with the SIREN of the row"))
    reject(siret.duplicated(), "siret", tr("duplicate SIRET: already read on an earlier row"))
    reject(frame["etatAdministratifEtablissement"] != "A", "etatAdministratifEtablissement",
           tr("establishment closed (expected A, active)"))
    diff = tuple(diffusible)
    secret = keep & ~frame["statutDiffusionEtablissement"].isin(diff) \
        & frame["statutDiffusionEtablissement"].isin(("P", "N"))
    restricted = pd.DataFrame({"siret": siret[secret].astype(str),
                               "status": frame.loc[secret, "statutDiffusionEtablissement"].astype(
                                   str),
                               "row": frame.loc[secret, "row"]}).reset_index(drop=True)
    reject(~frame["statutDiffusionEtablissement"].isin(diff), "statutDiffusionEtablissement",
           tr("not diffusible (expected {codes}): statistical secrecy").format(
               codes=tr(" or ").join(diff)))
    nomenclature = frame["nomenclatureActivitePrincipaleEtablissement"].replace("", "NAFRev2")
    old = nomenclature != "NAFRev2"
    reject(old, "nomenclatureActivitePrincipaleEtablissement",
           tr("activity coded in an old nomenclature (NAP / NAF 1993 / NAF rev. 1), not "
              "mapped; expected NAFRev2"), warn=keep_old_nomenclature)
    code = frame["activitePrincipaleEtablissement"]
    groups = code.map(naf_map)
    reject(~old & ~code.str.fullmatch(NAF_CODE.pattern), "activitePrincipaleEtablissement",
           tr("expected a NAF rev. 2 code such as 47.11F"))
    reject(~old & code.str.fullmatch(NAF_CODE.pattern) & groups.isna(),
           "activitePrincipaleEtablissement", tr("NAF code absent from the NAF -> group table"))

    x, y, epsg = _coordinates(frame)
    no_xy = x.isna() | y.isna()
    address, street = _address(frame)
    full_address = (address + " " + frame["codePostalEtablissement"] + " "
                    + frame["libelleCommuneEtablissement"]).str.strip()
    reject(no_xy, "coordinates", tr("no coordinates (geocode the address and import again)"),
           warn=keep_ungeolocated, values=full_address)
    kept = frame[keep]
    result = pd.DataFrame({
        "row": kept["row"].astype(int),
        "siret": kept["siret"],
        "siren": kept["siret"].str[:9],
        "nic": kept["siret"].str[9:],
        "sign_name": kept["enseigne1Etablissement"].where(
            kept["enseigne1Etablissement"] != "", kept["denominationUsuelleEtablissement"]),
        "naf_code": kept["activitePrincipaleEtablissement"],
        "naf_nomenclature": nomenclature[keep],
        "activity_group": groups[keep].where(~old[keep], None),
        "address": address[keep],
        "street": street[keep],
        "postcode": kept["codePostalEtablissement"],
        "commune_code": kept["codeCommuneEtablissement"],
        "created": pd.to_datetime(kept["dateCreationEtablissement"], errors="coerce",
                                  format="%Y-%m-%d").dt.date,
        "x": x[keep], "y": y[keep], "epsg": epsg[keep].astype("Int64"),
    }).reset_index(drop=True)
    result["sign_name"] = result["sign_name"].replace("", None)
    report.rows_accepted = len(result)
    codes = set(result["epsg"].dropna().astype(int))
    crs = f"EPSG:{codes.pop()}" if len(codes) == 1 else None
    return SireneResult(result, report, crs, skipped, restricted)


def _num(series: pd.Series, limit: float = 2e7) -> pd.Series:
    """Coordinates (decimal point or comma); NaN when unreadable, not finite or beyond
    ``limit`` (metres of a projection)."""
    values = pd.Series(parse_numbers(series)[0], index=series.index)
    return values.where(np.isfinite(values) & (values.abs() <= limit))


def _coordinates(frame: pd.DataFrame) -> tuple:
    """(x, y, epsg) Series; NaN where the row has no usable coordinates."""
    if (frame["x"] != "").any() or (frame["y"] != "").any():
        x, y = _num(frame["x"]), _num(frame["y"])
        epsg = _num(frame["epsg"], 1e6)
        epsg = epsg.where((epsg > 0) & (epsg % 1 == 0))
        if (frame["epsg"] == "").all():
            epsg = _epsg_from_commune(frame["codeCommuneEtablissement"])
    elif ((frame["coordonneeLambertAbscisseEtablissement"] != "").any()):
        x = _num(frame["coordonneeLambertAbscisseEtablissement"])
        y = _num(frame["coordonneeLambertOrdonneeEtablissement"])
        epsg = _epsg_from_commune(frame["codeCommuneEtablissement"])
    else:
        lon = frame["longitude"].where(frame["longitude"] != "", frame["x_longitude"])
        lat = frame["latitude"].where(frame["latitude"] != "", frame["y_latitude"])
        x, y = _num(lon), _num(lat)
        epsg = pd.Series(4326.0, index=frame.index)
        bad = (x.abs() > 180) | (y.abs() > 90)
        x, y = x.mask(bad), y.mask(bad)
    return x, y, epsg.where(x.notna() & y.notna())


def _epsg_from_commune(codes: pd.Series) -> pd.Series:
    prefix = codes.str[:3]
    return prefix.map(OVERSEAS_EPSG).fillna(MAINLAND_EPSG).astype(float)


# --------------------------------------------------------------------------- matching

LEGAL_WORDS = {"SARL", "SAS", "SASU", "EURL", "SA", "SNC", "SCI", "EI", "EIRL", "SCOP",
               "ETS", "ETABLISSEMENTS", "STE", "SOCIETE"}
STOP_WORDS = {"LE", "LA", "LES", "L", "DE", "DU", "DES", "D", "ET", "AU", "AUX", "A", "CHEZ",
              "THE"}


def normalise_sign(name) -> str:
    """Sign name for comparison: accent-free upper case, no punctuation, legal forms or articles."""
    if name is None or (isinstance(name, float) and np.isnan(name)):
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).upper()
    text = re.sub(r"[^A-Z0-9]+", " ", text)
    words = [w for w in text.split() if w not in LEGAL_WORDS and w not in STOP_WORDS]
    return " ".join(words)


def sign_similarity(a, b) -> float:
    """Similarity of two sign names in [0, 1].

    The ratio of difflib on the sorted words of the normalised names; 0.9 at least when one
    name's words are all in the other ('PAUL' and 'BOULANGERIE PAUL'); 0 when a name is empty.
    """
    na, nb = normalise_sign(a), normalise_sign(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    wa, wb = set(na.split()), set(nb.split())
    ratio = difflib.SequenceMatcher(None, " ".join(sorted(wa)), " ".join(sorted(wb))).ratio()
    if wa <= wb or wb <= wa:
        ratio = max(ratio, 0.9)
    return float(ratio)


MATCH_COLUMNS = ["source_id", "premise", "decision", "distance", "similarity", "nearby"]


def match_candidates(candidates: pd.DataFrame, premises: pd.DataFrame, *,
                     max_distance: float = 25.0, min_similarity: float = 0.8,
                     known: Optional[Mapping] = None) -> pd.DataFrame:
    """Match candidate establishments to existing premises (same projected CRS, metres).

    ``candidates``: ``source_id``, ``x``, ``y``, ``sign_name``; ``premises``: ``premise``,
    ``x``, ``y``, ``sign_name`` (the latest sign seen there). ``known`` maps a source id already
    imported to its premise (idempotent re-import). One row per candidate, columns
    :data:`MATCH_COLUMNS`; ``decision`` is

    - ``known``: the source id is already linked to ``premise``;
    - ``matched``: the premise within ``max_distance`` whose sign is the most similar, with a
      similarity ≥ ``min_similarity``, and no closer-matching candidate claims it;
    - ``review``: premises lie within ``max_distance`` but no sign matches (a new occupant of an
      existing shop front, or a shop upstairs): ``premise`` is the nearest one, for a human to
      confirm; never created blindly;
    - ``new``: no premise within ``max_distance`` (``premise`` is the string 'new').

    ``nearby`` is the number of premises within ``max_distance``.
    """
    from scipy.spatial import cKDTree

    for frame, what, cols in ((candidates, "candidates", ["source_id", "x", "y"]),
                              (premises, "premises", ["premise", "x", "y"])):
        missing = sorted(set(cols) - set(frame.columns))
        if missing:
            raise ValueError(f"{what} lack the column(s) {missing}")
    known = dict(known or {})
    cand = candidates.reset_index(drop=True)
    prem = premises.reset_index(drop=True)
    prem_xy = prem[["x", "y"]].to_numpy(dtype=float)
    prem_sign = prem["sign_name"] if "sign_name" in prem.columns else pd.Series(
        [None] * len(prem), dtype=object)
    tree = cKDTree(prem_xy) if len(prem) else None
    out = []
    claims: Dict[int, tuple] = {}
    for i, c in enumerate(cand.itertuples(index=False)):
        sid = c.source_id
        if sid in known:
            out.append([sid, known[sid], "known", np.nan, np.nan, 0])
            continue
        xy = (float(c.x), float(c.y))
        if tree is None or np.isnan(xy[0]) or np.isnan(xy[1]):
            out.append([sid, "new", "new", np.nan, np.nan, 0])
            continue
        near = tree.query_ball_point(xy, r=max_distance)
        if not near:
            out.append([sid, "new", "new", np.nan, np.nan, 0])
            continue
        dist = np.hypot(prem_xy[near, 0] - xy[0], prem_xy[near, 1] - xy[1])
        sims = np.array([sign_similarity(getattr(c, "sign_name", None), prem_sign.iloc[j])
                         for j in near])
        # best sign first, then the closest
        best = sorted(range(len(near)), key=lambda k: (-sims[k], dist[k]))[0]
        j = near[best]
        if sims[best] >= min_similarity:
            out.append([sid, prem["premise"].iloc[j], "matched", float(dist[best]),
                        float(sims[best]), len(near)])
            score = (sims[best], -dist[best])
            if j in claims:
                other, other_score = claims[j]
                loser = i if score <= other_score else other
                if loser == other:
                    claims[j] = (i, score)
                out[loser][2] = "review"
            else:
                claims[j] = (i, score)
        else:
            k = int(np.argmin(dist))
            out.append([sid, prem["premise"].iloc[near[k]], "review", float(dist[k]),
                        float(sims[k]), len(near)])
    return pd.DataFrame(out, columns=MATCH_COLUMNS)
