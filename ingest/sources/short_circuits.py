"""Short-circuit producers and markets from CSV or GeoJSON.

Producers: ``id``, ``name``, ``products`` (a list separated by ``;`` ``,`` or ``|``),
``sales_modes`` (same), ``organic`` (oui/non, yes/no, true/false, 1/0, bio, AB), and either
``x``/``y`` (with ``epsg``) or ``longitude``/``latitude`` (or a GeoJSON point geometry).
Products and sales modes are normalised to codes (:data:`PRODUCTS`, :data:`SALES_MODES`);
an unknown word is kept as given (lower case) and listed as a warning.

Markets: ``id``, ``name``, ``days`` (free French text: "mardi;samedi", "Les mardis et vendredis",
"Du lundi au samedi", "tous les 1er et 3ème mardis du mois"), ``organic``, coordinates.
:func:`parse_market_days` turns the text into weekdays and sessions per week (a monthly session
counts 12 / 52 per week). A text with no weekday is rejected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, Optional

import numpy as np
import pandas as pd

from ...i18n import tr
from .geojson import read_features
from .report import ImportReport, SourceError
from .tabular import Conventions, parse_numbers, read_csv_text

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
PRODUCTS = {
    "legumes": ("legume", "legumes", "maraichage", "vegetables"),
    "fruits": ("fruit", "fruits"),
    "viande": ("viande", "viandes", "boeuf", "porc", "agneau", "veau", "meat"),
    "volaille": ("volaille", "volailles", "poulet", "canard", "poultry"),
    "oeufs": ("oeuf", "oeufs", "eggs"),
    "produits_laitiers": ("lait", "produits laitiers", "laitier", "yaourt", "beurre", "creme",
                          "dairy"),
    "fromage": ("fromage", "fromages", "cheese"),
    "pain": ("pain", "boulangerie", "bread"),
    "miel": ("miel", "honey"),
    "vin": ("vin", "vins", "wine"),
    "boissons": ("boissons", "jus", "cidre", "biere", "bieres", "drinks"),
    "poisson": ("poisson", "poissons", "fish", "coquillages", "huitres"),
    "cereales": ("cereales", "farine", "legumineuses", "grains"),
    "epicerie": ("epicerie", "confitures", "conserves", "huile"),
    "plantes": ("plantes", "fleurs", "plants"),
}
SALES_MODES = {
    "vente_ferme": ("vente a la ferme", "ferme", "a la ferme", "farm"),
    "marche": ("marche", "marches", "market"),
    "amap": ("amap",),
    "magasin_producteurs": ("magasin de producteurs", "magasin producteurs",
                            "point de vente collectif", "pvc"),
    "drive": ("drive", "drive fermier"),
    "internet": ("internet", "vente en ligne", "en ligne", "online"),
    "livraison": ("livraison", "delivery"),
    "cueillette": ("cueillette",),
    "restauration": ("restauration collective", "restaurants", "restauration"),
}
TRUE = {"oui", "yes", "true", "1", "bio", "ab", "o", "y", "vrai"}
FALSE = {"non", "no", "false", "0", "n", "faux", ""}


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def _lookup(table):
    return {syn: code for code, syns in table.items() for syn in (*syns, code)}


PRODUCT_OF, MODE_OF = _lookup(PRODUCTS), _lookup(SALES_MODES)


@dataclass(frozen=True)
class MarketDays:
    days: FrozenSet[str]
    per_week: float


def parse_market_days(text) -> Optional[MarketDays]:
    """Weekdays and sessions per week from a French schedule; None when no weekday is found."""
    t = _plain(text)
    if not t:
        return None
    found = set()
    for a, b in re.findall(r"du (\w+?)s? au (\w+?)s?\b", t):
        if a in DAYS and b in DAYS:
            i, j = DAYS.index(a), DAYS.index(b)
            found.update(DAYS[i:j + 1] if i <= j else DAYS[i:] + DAYS[:j + 1])
    found.update(d for d in DAYS if re.search(rf"\b{d}s?\b", t))
    if not found:
        return None
    monthly = re.search(r"((?:\d+\s*(?:er|e|eme|ème)?\s*(?:,|et)?\s*)+)\s*(\w+?)s? du mois", t)
    if monthly and len(found) == 1:
        n = len(re.findall(r"\d+", monthly.group(1)))
        return MarketDays(frozenset(found), round(n * 12 / 52, 4))
    return MarketDays(frozenset(found), float(len(found)))


def _split(value):
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in re.split(r"[;,|]", str(value)) if p.strip()]


def _read_table(path: Path, report: ImportReport, encoding: Optional[str] = None
                ) -> pd.DataFrame:
    """Every field as text, plus ``row`` (CSV: the spreadsheet row; GeoJSON: the feature
    number); a GeoJSON point gives ``longitude`` / ``latitude``."""
    if not path.is_file():
        raise SourceError(tr("file not found: {path}").format(path=path))
    if path.suffix.lower() not in (".geojson", ".json"):
        frame = read_csv_text(path, report, conventions=Conventions(encoding=encoding))
        return frame.rename(columns={"source_row": "row"})
    rows = []
    for i, feat in enumerate(read_features(path, encoding), start=1):
        feat = feat if isinstance(feat, dict) else {}
        props = feat.get("properties")
        props = {k: "" if v is None else str(v) for k, v in props.items()} \
            if isinstance(props, dict) else {}
        geom = feat.get("geometry")
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if isinstance(geom, dict) and geom.get("type") == "Point" and isinstance(
                coords, list) and len(coords) >= 2:
            props["longitude"], props["latitude"] = str(coords[0]), str(coords[1])
        props["row"] = i
        rows.append(props)
    frame = pd.DataFrame(rows).fillna("") if rows else pd.DataFrame({"row": []})
    return frame


def _coords(frame: pd.DataFrame, name: str):
    """(x, y, epsg) Series; NaN where missing, not a number, or out of range (±20 000 km for
    projected coordinates, ±180° / ±90° for longitude / latitude, an EPSG code 1–999 999)."""
    def number(column, limit):
        values = pd.Series(parse_numbers(frame[column].astype(str))[0], index=frame.index)
        return values.where(np.isfinite(values) & (values.abs() <= limit))

    if {"x", "y"} <= set(frame.columns):
        x, y = number("x", 2e7), number("y", 2e7)
        epsg = (number("epsg", 1e6) if "epsg" in frame.columns
                else pd.Series(2154.0, index=frame.index))
        epsg = epsg.where((epsg > 0) & (epsg % 1 == 0))
    elif {"longitude", "latitude"} <= set(frame.columns):
        x, y = number("longitude", 180), number("latitude", 90)
        epsg = pd.Series(4326.0, index=frame.index)
    else:
        raise SourceError(tr("{file}: missing coordinates: expected x, y (and epsg) or "
                             "longitude, latitude").format(file=name))
    return x, y, epsg


def _organic(value, report, name, row):
    v = _plain(value)
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    report.reject(name, row, "organic", value, tr("expected oui / non (or yes/no, 1/0, bio)"))
    return None


def _require(frame: pd.DataFrame, columns, name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise SourceError(tr("{file}: missing column(s) {columns}; columns read: {present}").format(
            file=name, columns=", ".join(missing),
            present=", ".join(c for c in frame.columns if c != "row") or "-"))


PRODUCER_COLUMNS = ["source_id", "row", "name", "products", "sales_modes", "organic", "x", "y",
                    "epsg"]
MARKET_COLUMNS = ["source_id", "row", "name", "days", "per_week", "organic", "x", "y", "epsg"]


def _start(path, encoding, required) -> tuple:
    """(file name, report, frame, x, y, epsg) of a producers or markets file."""
    path = Path(path)
    report = ImportReport(source=path.name)
    frame = _read_table(path, report, encoding)
    report.rows_read = len(frame)
    _require(frame, required, path.name)
    return (path.name, report, frame) + _coords(frame, path.name)


def _check_row(rec, i, id_field, seen, x, y, epsg, report, name) -> str:
    """The row's identifier, after rejecting a missing or repeated one and missing
    coordinates."""
    row = rec["row"]
    sid = str(rec.get(id_field) or "").strip()
    if not sid:
        report.reject(name, row, id_field, "", tr("an identifier (this field is required)"))
    elif sid in seen:
        report.reject(name, row, id_field, sid, tr("duplicate identifier"))
    if pd.isna(x.iloc[i]) or pd.isna(y.iloc[i]) or pd.isna(epsg.iloc[i]):
        report.reject(name, row, "coordinates", "", tr("missing or non-numeric coordinates"))
    return sid


def _read_list(path, encoding, id_field, required, columns, parse) -> tuple:
    """(DataFrame ``columns``, ImportReport) of a producers or markets file: the identifier and
    the coordinates checked here, the rest by ``parse(rec, row, report, name)`` (a tuple of the
    middle columns; a row with any rejection is left out)."""
    name, report, frame, x, y, epsg = _start(path, encoding, required)
    out, seen = [], set()
    for i, rec in enumerate(frame.to_dict("records")):
        before = len(report.rejected)
        sid = _check_row(rec, i, id_field, seen, x, y, epsg, report, name)
        values = parse(rec, rec["row"], report, name)
        if len(report.rejected) > before:
            continue
        seen.add(sid)
        out.append((sid, rec["row"], *values, float(x.iloc[i]), float(y.iloc[i]),
                    int(epsg.iloc[i])))
    report.rows_accepted = len(out)
    return pd.DataFrame(out, columns=columns), report


def _codes(words, table, report, name, row, field_name, unknown) -> list:
    """Codes of the words of a list cell; an unknown word is kept as given, with a warning."""
    codes = []
    for word in _split(words):
        code = table.get(_plain(word))
        if code is None:
            report.warn(name, row, field_name, word, unknown)
            code = _plain(word)
        codes.append(code)
    return codes


def read_producers(path, id_field: str = "id", encoding: Optional[str] = None) -> tuple:
    """(producers DataFrame :data:`PRODUCER_COLUMNS`, ImportReport). Lists are Python lists."""
    def parse(rec, row, report, name):
        products = _codes(rec.get("products"), PRODUCT_OF, report, name, row, "products",
                          tr("unknown product, kept as given"))
        if not products:
            report.reject(name, row, "products", "", tr("at least one product expected"))
        modes = _codes(rec.get("sales_modes"), MODE_OF, report, name, row, "sales_modes",
                       tr("unknown sales mode, kept as given"))
        organic = _organic(rec.get("organic"), report, name, row)
        return rec.get("name") or None, sorted(set(products)), sorted(set(modes)), organic

    return _read_list(path, encoding, id_field, (id_field, "products"), PRODUCER_COLUMNS, parse)


def read_markets(path, id_field: str = "id", days_field: str = "days",
                 name_field: str = "name", encoding: Optional[str] = None) -> tuple:
    """(markets DataFrame :data:`MARKET_COLUMNS`, ImportReport); days as a sorted list."""
    def parse(rec, row, report, name):
        schedule = parse_market_days(rec.get(days_field))
        if schedule is None:
            report.reject(name, row, days_field, rec.get(days_field),
                          tr("no weekday found (expected e.g. 'mardi;samedi')"))
        organic = _organic(rec.get("organic", ""), report, name, row)
        if schedule is None:
            return None, [], 0.0, organic
        return (rec.get(name_field) or None, sorted(schedule.days, key=DAYS.index),
                schedule.per_week, organic)

    return _read_list(path, encoding, id_field, (id_field, days_field), MARKET_COLUMNS, parse)
