"""The data contract of the citizens' web map (see :mod:`reporting.web_map`), its checks and
its conversion to the GeoJSON-like objects the site reads.

Data contract
-------------
``places`` — one row per place shown on the map:

=================  ========  ================================================================
field              required  meaning
=================  ========  ================================================================
``id``             yes       unique identifier (text), used in the page address ``#lieu/<id>``
``kind``           yes       ``shop``, ``service``, ``producer`` or ``market``
``lon``, ``lat``   yes       WGS 84 degrees
``name``           no        sign, service, farm or market name
``group``          no        activity group code (``activity_groups.csv``: ``alimentaire``…)
``group_label``    no        its French label (default: from the nomenclature, else the code)
``category``       no        finer French label (BPE equipment type, NAF label, …)
``centrality``     no        centrality code (must be one of ``centralities``' codes …)
``centrality_name`` no       … unless its name is given here (then a centrality without
                             outline nor figures is added)
``address``        no        postal address as displayed (``12 rue de la Paix``)
``street``         no        street name (searched with the name and address)
``organic``        no        organic (bool, 0/1 or oui/non)
``days``           no        opening or market days: French weekday names, a list or a text
                             separated by ``;`` or ``,`` (``mardi;samedi``)
``hours``          no        opening hours as displayed (``7 h 30 – 13 h``)
``products``       no        list or ``;``-separated; codes of ``short_circuit_products.csv``
                             are turned into their French labels, other words kept as given
``sales_modes``    no        same, with ``sales_modes.csv``
=================  ========  ================================================================

``centralities`` — one row per centrality: ``code`` (unique), ``name`` (required), ``level``
(``primary`` / ``secondary`` / ``tertiary`` / ``peripheral``), ``level_label`` (default from
``centrality_levels.csv``), ``outline`` (a GeoJSON Polygon or MultiPolygon mapping, or any
object with ``__geo_interface__``; optional), ``figures`` (optional list of key figures, each
either ``{"text": "Une phrase en français."}`` or ``{"label": "Taux de vacance", "value": 8.5,
"unit": "%", "period": "2024", "decimals": 1, "respondents": 120}``; ``value`` a number or an
already formatted French text; a figure with ``respondents`` under 11 is refused, under 30 the
page flags it as of low precision).

``background`` — road lines: rows with ``road_class`` (OSM ``highway`` value or any text) and
``geometry`` (GeoJSON LineString / MultiLineString mapping) or ``coordinates`` (a list of
``[lon, lat]``). They are merged into four drawing classes (major, medium, minor, path),
rounded to 5 decimals (about 1 m) and simplified (Douglas–Peucker, 1e-5°) to keep the file small.

``meta`` — ``territory`` and ``producer`` (required), ``extracted`` (date of extraction: a
``date`` or ``YYYY-MM-DD``; required), ``licence`` (default Licence Ouverte 2.0) and
``licence_url``, ``sources`` (list of texts or ``{"name", "url"}``), ``title``,
``description``, ``language`` (``fr``).

Places and outlines are rounded to 6 decimals (about 0.1 m). Only the fields above are written;
other fields are ignored and listed in the result, and fields that must never leave the socle
(agents' names, notes, photos, survey answers, respondents' identities: :data:`FORBIDDEN`) are
refused with an error naming them, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from typing import Any, Dict, Iterable, List, Mapping, Optional

from ..__about__ import PLUGIN_DIR, __version__
from ..analysis.secrecy import LOW_PRECISION, MIN_RESPONDENTS
from ..i18n import tr

NOMENCLATURES = PLUGIN_DIR / "resources" / "nomenclatures"
KINDS = ("shop", "service", "producer", "market")
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
LANGUAGES = ("fr",)
DEFAULT_LICENCE = ("Licence Ouverte 2.0",
                   "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
PLACE_FIELDS = ("id", "kind", "lon", "lat", "name", "group", "group_label", "category",
                "centrality", "centrality_name", "address", "street", "organic", "days",
                "hours", "products", "sales_modes")
CENTRALITY_FIELDS = ("code", "name", "level", "level_label", "outline", "figures")
ROAD_FIELDS = ("road_class", "geometry", "coordinates")
META_FIELDS = ("territory", "producer", "extracted", "licence", "licence_url", "sources",
               "title", "description", "language")
SECRECY_MIN = MIN_RESPONDENTS  # the publication rules of analysis.secrecy

#: Field names refused anywhere in the inputs: what never leaves the socle.
FORBIDDEN = frozenset({
    "agent", "agent_name", "agents", "agent_uuid", "observer", "surveyor", "enumerator",
    "note", "notes", "comment", "comments", "remark", "remarks",
    "photo", "photos", "photo_path", "picture", "image",
    "answer", "answers", "survey_answers", "response", "responses", "respondent",
    "respondent_id", "email", "phone", "telephone",
})
FORBIDDEN_PREFIXES = ("agent_", "photo_", "note_", "notes_", "answer_", "survey_answer",
                      "respondent_")

#: Colour per activity group (dark enough for white text; markers get a dark outline too).
GROUP_COLOURS = {
    "alimentaire": "#b2182b", "equipement_personne": "#762a83",
    "equipement_maison": "#8c510a", "culture_loisirs": "#2166ac",
    "hygiene_sante_beaute": "#c51b7d", "cafes_hotels_restaurants": "#d95f02",
    "services_marchands": "#01665e", "services_non_marchands": "#4d4d4d",
    "automobile": "#808000", "hors_commerce": "#737373",
}
EXTRA_COLOURS = ("#1b7837", "#b35806", "#3f007d", "#225ea8", "#a50f15", "#525252")

#: OSM ``highway`` values (or similar) → drawing class of the background.
ROAD_CLASSES = {
    "major": ("motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"),
    "medium": ("secondary", "secondary_link", "tertiary", "tertiary_link"),
    "path": ("footway", "pedestrian", "path", "cycleway", "steps", "bridleway", "track",
             "corridor"),
}
ROAD_CLASS_OF = {value: cls for cls, values in ROAD_CLASSES.items() for value in values}
ROAD_DECIMALS, ROAD_TOLERANCE = 5, 1e-5
DECIMALS = 6



class WebMapError(ValueError):
    """Input the web map cannot publish; the message names the row, field and value."""



# --------------------------------------------------------------------------- helpers

def _labels(name: str) -> Dict[str, str]:
    with open(NOMENCLATURES / name, encoding="utf-8", newline="") as handle:
        return {row["code"]: row["label_fr"] for row in csv.DictReader(handle)}


def _sort_orders(name: str) -> Dict[str, int]:
    with open(NOMENCLATURES / name, encoding="utf-8", newline="") as handle:
        return {row["code"]: int(row["sort_order"]) for row in csv.DictReader(handle)}


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    if getattr(value, "shape", None) == ():  # numpy scalar
        try:
            return bool(value != value)
        except (TypeError, ValueError):
            return False
    return False


def _text(value) -> Optional[str]:
    if _missing(value):
        return None
    text = str(value).strip()
    return text or None


def _records(rows, what: str) -> List[dict]:
    """Rows of a DataFrame or an iterable of mappings as plain dicts (missing values → None)."""
    if rows is None:
        return []
    if hasattr(rows, "columns") and hasattr(rows, "to_dict"):
        _refuse_forbidden([str(c) for c in rows.columns], what)
        rows = rows.to_dict("records")
    out = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise WebMapError(tr("{what}, row {row}: expected a mapping of field names to "
                                 "values, got {type}").format(
                what=what, row=number, type=type(row).__name__))
        _refuse_forbidden([str(k) for k in row], what, number)
        out.append({str(k): (None if _missing(v) else v) for k, v in row.items()})
    return out


def is_forbidden(name: str) -> bool:
    """True when a field of that name must never be published (see :data:`FORBIDDEN`)."""
    key = name.strip().lower()
    return key in FORBIDDEN or key.startswith(FORBIDDEN_PREFIXES)


def _refuse_forbidden(keys, what: str, row: Optional[int] = None) -> None:
    bad = sorted(k for k in keys if is_forbidden(k))
    if not bad:
        return
    where = what if row is None else tr("{what}, row {row}").format(what=what, row=row)
    raise WebMapError(tr("{where}: field(s) {fields} are never published on the web map "
                         "(field agents' names, notes, photos and survey answers stay in the "
                         "socle); drop them before exporting").format(
        where=where, fields=", ".join(repr(k) for k in bad)))


def _where(what: str, row: int, ident) -> str:
    if ident is None:
        return tr("{what}, row {row}").format(what=what, row=row)
    return tr("{what}, row {row} ({id})").format(what=what, row=row, id=ident)


def _coordinate(value, axis: str, where: str) -> float:
    limit = 180.0 if axis == "lon" else 90.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if _missing(value) or not math.isfinite(number):
        raise WebMapError(tr("{where}: field {field} must be a WGS 84 coordinate in degrees, "
                             "got {value!r}").format(where=where, field=axis, value=value))
    if abs(number) > limit:
        raise WebMapError(tr("{where}: {field} = {value} is not a WGS 84 coordinate (expected "
                             "-{limit} to {limit} degrees); reproject to EPSG:4326 first")
                          .format(where=where, field=axis, value=value, limit=int(limit)))
    return number


def _point(lon: float, lat: float, decimals: int = DECIMALS) -> List[float]:
    return [round(lon, decimals), round(lat, decimals)]


def _bool(value, where: str, name: str) -> Optional[bool]:
    if _missing(value):
        return None
    if isinstance(value, str):
        key = value.strip().lower()
        if key in ("oui", "yes", "true", "vrai", "1", "bio"):
            return True
        if key in ("non", "no", "false", "faux", "0", ""):
            return False if key else None
    else:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number in (0, 1) and number == value:
            return bool(number)
    raise WebMapError(tr("{where}: field {field} must be yes/no (true/false, 1/0, oui/non), "
                         "got {value!r}").format(where=where, field=name, value=value))


def _words(value) -> List[str]:
    if _missing(value):
        return []
    if isinstance(value, str):
        for sep in ("|", ","):
            value = value.replace(sep, ";")
        items = value.split(";")
    else:
        items = list(value)
    return [text for text in (_text(v) for v in items) if text]


def _days(value, where: str) -> List[str]:
    days = [d.lower() for d in _words(value)]
    unknown = [d for d in days if d not in DAYS]
    if unknown:
        raise WebMapError(tr("{where}: field days holds {value!r}; expected French weekday "
                             "names ({days})").format(where=where, value=unknown[0],
                                                       days=", ".join(DAYS)))
    return sorted(set(days), key=DAYS.index)


# --------------------------------------------------------------------------- places

def _place_features(rows: List[dict], centralities: Dict[str, dict],
                    group_labels: Dict[str, str]) -> List[dict]:
    products, modes = _labels("short_circuit_products.csv"), _labels("sales_modes.csv")
    nomenclature = _labels("activity_groups.csv")
    given_labels: Dict[str, tuple] = {}
    what = tr("places")
    seen: Dict[str, int] = {}
    features = []
    for number, row in enumerate(rows, start=1):
        ident = _text(row.get("id"))
        where = _where(what, number, ident)
        if ident is None:
            raise WebMapError(tr("{where}: field id is required").format(where=where))
        if ident in seen:
            raise WebMapError(tr("{where}: id {id!r} is already used by row {other}").format(
                where=where, id=ident, other=seen[ident]))
        seen[ident] = number
        kind = _text(row.get("kind"))
        if kind not in KINDS:
            raise WebMapError(tr("{where}: field kind must be one of {kinds}, got {value!r}")
                              .format(where=where, kinds=", ".join(KINDS),
                                      value=row.get("kind")))
        lon = _coordinate(row.get("lon"), "lon", where)
        lat = _coordinate(row.get("lat"), "lat", where)
        props: Dict[str, Any] = {"kind": kind}
        for key in ("name", "category", "address", "street", "hours"):
            text = _text(row.get(key))
            if text:
                props[key] = text
        group = _text(row.get("group"))
        if group:
            props["group"] = group
            label = _text(row.get("group_label"))
            if label and given_labels.setdefault(group, (label, number))[0] != label:
                raise WebMapError(tr("{where}: group {group!r} is labelled {label!r} here and "
                                     "{other!r} on row {other_row}").format(
                    where=where, group=group, label=label, other=given_labels[group][0],
                    other_row=given_labels[group][1]))
            group_labels[group] = label or group_labels.get(group) or nomenclature.get(
                group, group)
        code = _text(row.get("centrality"))
        if code:
            if code not in centralities:
                name = _text(row.get("centrality_name"))
                if not name:
                    raise WebMapError(tr(
                        "{where}: centrality {code!r} is not among the centralities given "
                        "(known: {known}) and the row has no centrality_name").format(
                        where=where, code=code, known=", ".join(sorted(centralities)) or "-"))
                centralities[code] = {"code": code, "name": name}
            props["centrality"] = code
        organic = _bool(row.get("organic"), where, "organic")
        if organic is not None:
            props["organic"] = organic
        days = _days(row.get("days"), where)
        if days:
            props["days"] = days
        for key, labels in (("products", products), ("sales_modes", modes)):
            words = [labels.get(w, labels.get(w.lower(), w)) for w in _words(row.get(key))]
            if words:
                props[key] = list(dict.fromkeys(words))
        features.append({"type": "Feature", "id": ident,
                         "geometry": {"type": "Point", "coordinates": _point(lon, lat)},
                         "properties": props})
    return features


# --------------------------------------------------------------------------- centralities

def _geometry(value, where: str, allowed: tuple) -> Optional[dict]:
    if _missing(value):
        return None
    if hasattr(value, "__geo_interface__"):
        value = value.__geo_interface__
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise WebMapError(tr("{where}: geometry text is not GeoJSON ({error})").format(
                where=where, error=exc)) from exc
    if not isinstance(value, Mapping) or value.get("type") not in allowed:
        raise WebMapError(tr("{where}: expected a GeoJSON geometry of type {types}, got {value}")
                          .format(where=where, types=" / ".join(allowed),
                                  value=repr(value)[:80]))
    return {"type": value["type"], "coordinates": value.get("coordinates")}


def _ring(coords, where: str, decimals: int = DECIMALS) -> List[List[float]]:
    out: List[List[float]] = []
    try:
        for pair in coords:
            point = _point(_coordinate(pair[0], "lon", where),
                           _coordinate(pair[1], "lat", where), decimals)
            if not out or out[-1] != point:
                out.append(point)
    except (TypeError, IndexError, KeyError) as exc:
        raise WebMapError(tr("{where}: coordinates must be [longitude, latitude] pairs")
                          .format(where=where)) from exc
    return out


def _outline(value, where: str) -> Optional[dict]:
    geom = _geometry(value, where, ("Polygon", "MultiPolygon"))
    if geom is None:
        return None
    polygons = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    rounded = [[_ring(ring, where) for ring in polygon] for polygon in polygons or []]
    rounded = [p for p in rounded if p and len(p[0]) >= 4]
    if not rounded:
        raise WebMapError(tr("{where}: the outline has no ring of at least 3 distinct points")
                          .format(where=where))
    return {"type": "MultiPolygon", "coordinates": rounded}


def _number(value, where: str, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise WebMapError(tr("{where}: field {field} must be a finite number, got {value!r}")
                          .format(where=where, field=name, value=value))
    return number


def _figure(value, where: str) -> dict:
    if not isinstance(value, Mapping):
        raise WebMapError(tr("{where}: a key figure must be a mapping ({{'text': …}} or "
                             "{{'label': …, 'value': …}}), got {value!r}").format(
            where=where, value=value))
    _refuse_forbidden([str(k) for k in value], where)
    out: Dict[str, Any] = {}
    respondents = value.get("respondents")
    if not _missing(respondents):
        respondents = int(_number(respondents, where, "respondents"))
        if respondents < SECRECY_MIN:
            raise WebMapError(tr("{where}: figure {label!r} rests on {n} respondents; survey "
                                 "figures under {min} respondents are never published")
                              .format(where=where, label=value.get("label") or
                                      value.get("text"), n=respondents, min=SECRECY_MIN))
        out["respondents"] = respondents
        if out["respondents"] < LOW_PRECISION:
            out["low_precision"] = True
    text = _text(value.get("text"))
    if text:
        out["text"] = text
        return out
    label = _text(value.get("label"))
    raw = value.get("value")
    if not label or _missing(raw):
        raise WebMapError(tr("{where}: a key figure needs either text, or label and value; "
                             "got {value!r}").format(where=where, value=dict(value)))
    out["label"] = label
    if isinstance(raw, str):
        out["value"] = raw
    else:
        number = _number(raw, where, "value")
        out["value"] = int(number) if number.is_integer() and not isinstance(raw, float) \
            else number
    for key in ("unit", "period"):
        text = _text(value.get(key))
        if text:
            out[key] = text
    if not _missing(value.get("decimals")):
        out["decimals"] = int(_number(value["decimals"], where, "decimals"))
    return out


def _centralities(rows: List[dict]) -> Dict[str, dict]:
    levels = _labels("centrality_levels.csv")
    what = tr("centralities")
    result: Dict[str, dict] = {}
    for number, row in enumerate(rows, start=1):
        code = _text(row.get("code"))
        where = _where(what, number, code)
        if code is None:
            raise WebMapError(tr("{where}: field code is required").format(where=where))
        if code in result:
            raise WebMapError(tr("{where}: code {code!r} is given twice").format(
                where=where, code=code))
        name = _text(row.get("name"))
        if name is None:
            raise WebMapError(tr("{where}: field name is required").format(where=where))
        item: Dict[str, Any] = {"code": code, "name": name}
        level = _text(row.get("level"))
        if level:
            item["level"] = level
            item["level_label"] = _text(row.get("level_label")) or levels.get(level, level)
        outline = _outline(row.get("outline"), where)
        if outline:
            item["outline"] = outline
        figures = row.get("figures")
        if not _missing(figures) and not isinstance(figures, (list, tuple)):
            raise WebMapError(tr("{where}: field figures must be a list of key figures, got "
                                 "{type}").format(where=where, type=type(figures).__name__))
        item["figures"] = [_figure(f, where) for f in (figures or [])]
        result[code] = item
    return result


def _centrality_features(centralities: Dict[str, dict]) -> List[dict]:
    features = []
    for code, item in centralities.items():
        props = {k: v for k, v in item.items() if k not in ("code", "outline")}
        props.setdefault("figures", [])
        features.append({"type": "Feature", "id": code, "geometry": item.get("outline"),
                         "properties": props})
    return features


# --------------------------------------------------------------------------- background

def simplify(points: List[List[float]], tolerance: float) -> List[List[float]]:
    """Douglas–Peucker: keep the vertices farther than ``tolerance`` (same unit as the
    coordinates) from the chord of the kept neighbours; the ends are always kept."""
    n = len(points)
    if n < 3:
        return points
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0.0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = (px - ax) * dy - (py - ay) * dx
                d2 = cross * cross / norm
            if d2 > best:
                best, index = d2, i
        if best > tol2:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def _background(rows: List[dict]) -> List[dict]:
    what = tr("background")
    lines: Dict[str, list] = {"major": [], "medium": [], "minor": [], "path": []}
    for number, row in enumerate(rows, start=1):
        where = _where(what, number, None)
        cls = ROAD_CLASS_OF.get((_text(row.get("road_class")) or "").lower(), "minor")
        if not _missing(row.get("geometry")):
            geom = _geometry(row["geometry"], where, ("LineString", "MultiLineString"))
            parts = [geom["coordinates"]] if geom["type"] == "LineString" \
                else geom["coordinates"]
        elif not _missing(row.get("coordinates")):
            parts = [row["coordinates"]]
        else:
            raise WebMapError(tr("{where}: a road needs geometry or coordinates").format(
                where=where))
        for part in parts:
            line = simplify(_ring(part, where, ROAD_DECIMALS), ROAD_TOLERANCE)
            if len(line) >= 2:
                lines[cls].append(line)
    return [{"type": "Feature", "id": cls, "properties": {"class": cls},
             "geometry": {"type": "MultiLineString", "coordinates": parts}}
            for cls, parts in lines.items() if parts]


# --------------------------------------------------------------------------- meta

def _meta(meta: Mapping, tile_url: Optional[str], tile_attribution: Optional[str]) -> dict:
    what = tr("meta")
    _refuse_forbidden([str(k) for k in meta], what)
    out: Dict[str, Any] = {}
    for key in ("territory", "producer"):
        text = _text(meta.get(key))
        if not text:
            raise WebMapError(tr("{what}: field {field} is required").format(
                what=what, field=key))
        out[key] = text
    extracted = meta.get("extracted")
    if isinstance(extracted, (dt.date, dt.datetime)):
        extracted = extracted.strftime("%Y-%m-%d")
    try:
        out["extracted"] = dt.date.fromisoformat(str(extracted)[:10]).isoformat()
    except ValueError:
        raise WebMapError(tr("{what}: field extracted (date of extraction) must be a date "
                             "YYYY-MM-DD, got {value!r}").format(
            what=what, value=extracted)) from None
    out["licence"] = _text(meta.get("licence")) or DEFAULT_LICENCE[0]
    url = _text(meta.get("licence_url"))
    if url is None and out["licence"] == DEFAULT_LICENCE[0]:
        url = DEFAULT_LICENCE[1]
    if url:
        out["licence_url"] = url
    sources = []
    for item in meta.get("sources") or []:
        if isinstance(item, Mapping):
            name = _text(item.get("name"))
            if name:
                sources.append({k: v for k, v in (("name", name),
                                                  ("url", _text(item.get("url")))) if v})
        elif _text(item):
            sources.append({"name": _text(item)})
    out["sources"] = sources
    for key in ("title", "description"):
        text = _text(meta.get(key))
        if text:
            out[key] = text
    language = _text(meta.get("language")) or "fr"
    if language not in LANGUAGES:
        raise WebMapError(tr("{what}: language {value!r} is not available (available: "
                             "{languages})").format(what=what, value=language,
                                                    languages=", ".join(LANGUAGES)))
    out["language"] = language
    if tile_url:
        if not tile_url.startswith(("https://", "http://")) or not all(
                p in tile_url for p in ("{z}", "{x}", "{y}")):
            raise WebMapError(tr("tile URL {url!r} must start with https:// and contain {{z}}, "
                                 "{{x}} and {{y}}").format(url=tile_url))
        out["tile"] = {"url": tile_url, "attribution": tile_attribution or ""}
    return out


def _groups(features: List[dict], labels: Dict[str, str]) -> List[dict]:
    order = _sort_orders("activity_groups.csv")
    counts: Dict[str, int] = {}
    for f in features:
        group = f["properties"].get("group")
        if group:
            counts[group] = counts.get(group, 0) + 1
    codes = sorted(counts, key=lambda c: (order.get(c, 999), labels[c].lower()))
    extra = iter(EXTRA_COLOURS * (1 + len(codes) // len(EXTRA_COLOURS)))
    return [{"code": c, "label": labels[c], "count": counts[c],
             "colour": GROUP_COLOURS.get(c) or next(extra)} for c in codes]


def _bounds(features: List[dict], centralities: List[dict], roads: List[dict]):
    xs: List[float] = []
    ys: List[float] = []

    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords or []:
                walk(c)

    for f in features + centralities:
        if f.get("geometry"):
            walk(f["geometry"]["coordinates"])
    if not xs:
        for f in roads:
            walk(f["geometry"]["coordinates"])
    if not xs:
        return None
    return [[min(ys), min(xs)], [max(ys), max(xs)]]


def _ignored(rows: List[dict], known: Iterable[str]) -> set:
    known = set(known)
    return {k for row in rows for k in row if k not in known}


def prepare(places, centralities, background, meta: Mapping, tile_url: Optional[str] = None,
            tile_attribution: Optional[str] = None):
    """Check every input against the contract and build the site's data objects.

    Returns ``(payloads, counts, ignored)``: ``payloads`` maps ``site``, ``places``,
    ``centralities`` and ``background`` to the objects written in ``data/<name>.js``;
    ``counts`` the places per kind; ``ignored`` the input fields outside the contract.
    Raises :class:`WebMapError` naming the row, field and value of the first problem.
    """
    place_rows = _records(places, tr("places"))
    centrality_rows = _records(centralities, tr("centralities"))
    road_rows = _records(background, tr("background"))
    if not isinstance(meta, Mapping):
        raise WebMapError(tr("meta must be a mapping (territory, producer, extracted…)"))
    site = _meta(meta, tile_url, tile_attribution)
    known = _centralities(centrality_rows)
    used_labels: Dict[str, str] = {}
    features = _place_features(place_rows, known, used_labels)
    centrality_features = _centrality_features(known)
    roads = _background(road_rows)
    counts = dict.fromkeys(KINDS, 0)
    for f in features:
        counts[f["properties"]["kind"]] += 1
    site.update({"groups": _groups(features, used_labels), "counts": counts,
                 "bounds": _bounds(features, centrality_features, roads),
                 "generator": f"Observatoire du commerce {__version__}"})
    ignored = (_ignored(place_rows, PLACE_FIELDS) | _ignored(centrality_rows, CENTRALITY_FIELDS)
               | _ignored(road_rows, (*ROAD_FIELDS, "name")))
    ignored |= {k for k in meta if k not in META_FIELDS}
    payloads = {
        "site": site,
        "places": {"type": "FeatureCollection", "features": features},
        "centralities": {"type": "FeatureCollection", "features": centrality_features},
        "background": {"type": "FeatureCollection", "features": roads},
    }
    return payloads, counts, sorted(ignored)
