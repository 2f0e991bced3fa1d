"""Roads from a line layer or an OpenStreetMap file: presets, field names, one-way and access
values.

A road source is read as rows (``id``, ``parts``: line vertices in the GeoPackage's CRS,
``attrs``: field → value) and mapped through a :class:`RoadPlan`:

* **presets** (:data:`PRESETS`) name the fields of a known source and the meaning of its values:

  - ``osm``: OpenStreetMap tags (``highway`` = class, only the routable classes of
    :data:`~.osm_roads.ROUTABLE` are kept; ``oneway``; ``maxspeed`` read by
    :func:`~.osm_roads.parse_maxspeed`; ``name``; access for cars from the first of
    ``motorcar``, ``motor_vehicle``, ``vehicle``, ``access`` that is given). Without a
    ``oneway`` value, roundabouts (``junction=roundabout`` / ``circular``) and motorways are
    one-way along the way, as OSM implies. A layer with GDAL's ``other_tags`` column has it read;
  - ``bdtopo``: IGN BD TOPO ``troncon_de_route`` (GeoPackage names, or the shapefile's):
    ``nature`` (class), ``sens_de_circulation`` / ``sens`` ("Double sens", "Sens direct",
    "Sens inverse", "Sans objet"), ``vitesse_moyenne_vl`` / ``vit_moy_vl`` (km/h),
    ``acces_vehicule_leger`` / ``acces_vl`` ("Libre", "A péage", "Saisonnier" open; "Restreint
    aux ayants droit", "Physiquement impossible" closed), ``nom_1_gauche`` / ``nom_1_g``;
    its class speeds (:data:`BDTOPO_SPEEDS`) are written to ``road_speeds``;
  - ``generic``: the fields the user names; the values of :data:`GENERIC_ONEWAY`.

* **one-way values** mean *forward* (along the digitised direction), *backward* (against it),
  *both* (two-way) or *closed* (closed to cars, still walkable). The user's value lists are
  added to the preset's (and replace the meaning of a value the preset knew). Values are
  compared without case, accents, surrounding spaces, ``-`` / ``_`` (``"SENS-DIRECT"`` is
  ``"sens direct"``); an empty value is two-way. **Access values** mean *open* or *closed*
  (to cars); an empty value is open.
* **unknown values** (not in any list) refuse the import, listed with their counts
  (``unknown="refuse"``), or are imported two-way / open with a warning (``unknown="warn"``):
  never silently.
* **closed to cars** is stored as ``maxspeed`` = 0 (km/h): cars may not use the road,
  pedestrians still may (:mod:`analysis.network`).
* **field names**: a field given (or a preset's candidate) matches a layer field by its exact
  name, then whatever its case, then by its dBase-style name (``SENS,C,20``) or its shapefile
  name cut at 10 characters. A field given that matches none refuses the import, naming the
  layer's fields.

The log (:func:`summary_lines`) lists every distinct one-way and access value with the number of
roads and the meaning it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from ...i18n import noop, tr
from .osm import parse_hstore
from .osm_roads import IMPLIED_ONEWAY, ROUTABLE, parse_maxspeed
from .report import SourceError
from .values import EMPTY, match_field, normalise

FORWARD, BACKWARD, BOTH, CLOSED, OPEN = "forward", "backward", "both", "closed", "open"
ONEWAY_MEANINGS = (FORWARD, BACKWARD, BOTH, CLOSED)
ACCESS_MEANINGS = (OPEN, CLOSED)
MEANING_TEXT = {
    FORWARD: noop("one-way along the digitised direction"),
    BACKWARD: noop("one-way against the digitised direction"),
    BOTH: noop("two-way"),
    CLOSED: noop("closed to cars (walkable)"),
    OPEN: noop("open to cars"),
}
ROLES = ("class", "oneway", "speed", "name", "access")
ROLE_TEXT = {"class": noop("Road class field"), "oneway": noop("One-way field"),
             "speed": noop("Speed field"), "name": noop("Name field"),
             "access": noop("Access field")}
#: speed stored for a road closed to cars (km/h)
CLOSED_SPEED = 0.0


class RoadLayerError(SourceError):
    """A road source that cannot be imported as asked; the message says what to change."""


def _values(meaning: str, *values: str) -> Dict[str, str]:
    return {normalise(v): meaning for v in values}


GENERIC_ONEWAY = {
    **_values(FORWARD, "1", "yes", "true", "FT", "forward", "Sens direct", "direct"),
    **_values(BACKWARD, "-1", "reverse", "TF", "backward", "Sens inverse", "inverse"),
    **_values(BOTH, "0", "no", "false", "both", "B", "Double sens", "double", "Sans objet"),
    **_values(CLOSED, "closed"),
}
OSM_ONEWAY = {
    **_values(FORWARD, "yes", "1", "true"),
    **_values(BACKWARD, "-1", "reverse"),
    **_values(BOTH, "no", "0", "false", "alternating", "reversible"),
}
OSM_ACCESS = {
    **_values(OPEN, "yes", "designated", "permissive", "destination", "customers", "official",
              "unknown"),
    **_values(CLOSED, "no", "private", "agricultural", "forestry", "delivery", "emergency",
              "psv", "bus", "use_sidepath", "discouraged"),
}
BDTOPO_ONEWAY = {
    **_values(FORWARD, "Sens direct", "Direct"),
    **_values(BACKWARD, "Sens inverse", "Inverse"),
    **_values(BOTH, "Double sens", "Double", "Sans objet"),
}
BDTOPO_ACCESS = {
    **_values(OPEN, "Libre", "A péage", "À péage", "Saisonnier"),
    **_values(CLOSED, "Restreint aux ayants droit", "Physiquement impossible"),
}
#: Speeds (km/h) per BD TOPO ``nature`` written to ``road_speeds`` by the preset (0 = the mode
#: may not use the class). Cars use ``vitesse_moyenne_vl`` where it is given (> 0).
BDTOPO_SPEEDS = {
    "walk": {"Type autoroutier": 0.0, "Bac ou liaison maritime": 0.0, "Bac auto": 0.0},
    "car": {"Type autoroutier": 110.0, "Bretelle": 50.0, "Route à 2 chaussées": 70.0,
            "Route à 1 chaussée": 50.0, "Rond-point": 30.0, "Route empierrée": 20.0,
            "Chemin": 15.0, "Sentier": 0.0, "Escalier": 0.0, "Piste cyclable": 0.0,
            "Bac ou liaison maritime": 0.0, "Bac auto": 0.0},
}


@dataclass(frozen=True)
class RoadPreset:
    """Field candidates per role (first found wins; for ``access``, every one found is read and
    the first non-empty value is used), value meanings and class speeds of a known source."""

    key: str
    label: str
    fields: Mapping[str, Tuple[str, ...]]
    oneway: Mapping[str, str]
    access: Mapping[str, str]
    speeds: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


PRESETS = {
    "generic": RoadPreset("generic", noop("fields and values given"), {}, GENERIC_ONEWAY,
                          {**_values(OPEN, "yes", "open", "1", "true"),
                           **_values(CLOSED, "no", "closed", "0", "false")}),
    "osm": RoadPreset(
        "osm", noop("OpenStreetMap tags"),
        {"class": ("highway",), "oneway": ("oneway",), "speed": ("maxspeed",),
         "name": ("name",), "access": ("motorcar", "motor_vehicle", "vehicle", "access")},
        OSM_ONEWAY, OSM_ACCESS),
    "bdtopo": RoadPreset(
        "bdtopo", noop("IGN BD TOPO troncon_de_route"),
        {"class": ("nature",), "oneway": ("sens_de_circulation", "sens"),
         "speed": ("vitesse_moyenne_vl", "vit_moy_vl"),
         "name": ("nom_1_gauche", "nom_1_g", "nom_voie_ban_gauche", "nom"),
         "access": ("acces_vehicule_leger", "acces_vl")},
        BDTOPO_ONEWAY, BDTOPO_ACCESS, BDTOPO_SPEEDS),
}

#: OSM tags read from GDAL's ``other_tags`` column.
OSM_TAGS = ("oneway", "junction", "maxspeed", "motorcar", "motor_vehicle", "vehicle", "access")
IMPLIED = "\x00implied"

@dataclass
class RoadPlan:
    """How rows are mapped: the preset, the layer field used for each role (``access``: every
    field found, in priority order), the meaning of each normalised value and the policy for
    unknown values (``"refuse"`` or ``"warn"``)."""

    preset: RoadPreset
    fields: Dict[str, Optional[str]]
    access_fields: List[str]
    oneway: Dict[str, str]
    access: Dict[str, str]
    unknown: str = "refuse"


def _value_lists(given: Mapping[str, Iterable[str]], allowed: Sequence[str], what: str
                 ) -> Dict[str, str]:
    out: Dict[str, str] = {}
    first: Dict[str, str] = {}
    for meaning in allowed:
        for value in given.get(meaning, ()) or ():
            key = normalise(value)
            if key in out and out[key] != meaning:
                raise RoadLayerError(tr(
                    "{what} value {value!r} is given two meanings: {first} and {second}.").format(
                        what=what, value=first[key], first=tr(MEANING_TEXT[out[key]]),
                        second=tr(MEANING_TEXT[meaning])))
            out[key] = meaning
            first.setdefault(key, str(value))
    return out


def road_plan(preset: str, field_names: Sequence[str], given_fields: Mapping[str, str] = None,
              oneway_values: Mapping[str, Iterable[str]] = None,
              access_values: Mapping[str, Iterable[str]] = None,
              unknown: str = "refuse") -> RoadPlan:
    """The plan of a source with ``field_names`` (module rules). ``given_fields``: role → field
    named by the user (overrides the preset's); ``oneway_values``: meaning → values added to the
    preset's (``access_values`` likewise). RoadLayerError for a field given that the layer
    lacks (naming its fields), or a value given two meanings."""
    if preset not in PRESETS:
        raise RoadLayerError(tr("unknown road preset {preset!r}; expected one of {known}").format(
            preset=preset, known=", ".join(PRESETS)))
    if unknown not in ("refuse", "warn"):
        raise RoadLayerError(f"unknown must be 'refuse' or 'warn', got {unknown!r}")
    spec = PRESETS[preset]
    names = [str(n) for n in field_names]
    if spec.key == "osm" and "other_tags" in names:  # GDAL's OSM layers: tags read from it
        names += [t for t in OSM_TAGS if t not in names]
    fields: Dict[str, Optional[str]] = {}
    access_fields: List[str] = []
    for role in ROLES:
        wanted = (given_fields or {}).get(role)
        if wanted:
            found = match_field(names, wanted)
            if found is None:
                raise RoadLayerError(tr(
                    "{role} {field!r} is not a field of the layer. Its fields: {fields}.").format(
                        role=tr(ROLE_TEXT[role]), field=wanted, fields=", ".join(names) or "-"))
            fields[role] = found
            if role == "access":
                access_fields = [found]
            continue
        candidates = [match_field(names, c) for c in spec.fields.get(role, ())]
        candidates = [c for c in candidates if c is not None]
        fields[role] = candidates[0] if candidates else None
        if role == "access":
            access_fields = list(dict.fromkeys(candidates))
    oneway = dict(spec.oneway)
    oneway.update(_value_lists(oneway_values or {}, ONEWAY_MEANINGS, tr("One-way")))
    access = dict(spec.access)
    access.update(_value_lists(access_values or {}, ACCESS_MEANINGS, tr("Access")))
    return RoadPlan(spec, fields, access_fields, oneway, access, unknown)


@dataclass
class ValueCount:
    """A distinct value of a field: as first seen, how many roads hold it, its meaning (None:
    unknown)."""

    shown: str
    count: int
    meaning: Optional[str]

    @property
    def label(self) -> str:
        """The value as the log shows it: quoted, or a description of the empty value."""
        if self.shown.startswith("("):
            return self.shown
        return repr(self.shown) if self.shown else tr("(empty)")


@dataclass
class MappedRoads:
    """Road records for :func:`store.network_store.write_roads`, the distinct one-way and
    access values (normalised value → :class:`ValueCount`), the rows skipped by reason, the
    class speeds the preset writes, and the warnings to log; ``value_warnings``: the same
    warnings one per value, ``(field, value, reason)``, for the import report."""

    records: List[dict]
    oneway_values: Dict[str, ValueCount]
    access_values: Dict[str, ValueCount]
    skipped: Dict[str, int]
    speeds: Mapping[str, Mapping[str, float]]
    warnings: List[str]
    value_warnings: List[Tuple[str, str, str]] = field(default_factory=list)


def _count(table: Dict[str, ValueCount], raw, key: str, meaning: Optional[str]) -> None:
    if key in table:
        table[key].count += 1
    else:
        shown = EMPTY if key == EMPTY else (str(raw) if key == IMPLIED else repr_safe(raw))
        table[key] = ValueCount(shown, 1, meaning)


def repr_safe(value) -> str:
    """A field value as text (a value starting with "(" is kept apart from the labels)."""
    text = str(value).strip()
    return " " + text if text.startswith("(") else text


def _text(value) -> Optional[str]:
    key = normalise(value)
    return None if key == EMPTY else str(value).strip()


def map_rows(plan: RoadPlan, rows: Iterable[Mapping]) -> MappedRoads:
    """Road records from ``rows`` (dicts ``id``, ``parts``: list of (n, 2) vertex arrays,
    ``attrs``: field → value) under ``plan`` (module rules). RoadLayerError listing the unknown
    one-way and access values (with their counts) when the plan refuses them."""
    records: List[dict] = []
    oneway_seen: Dict[str, ValueCount] = {}
    access_seen: Dict[str, ValueCount] = {}
    skipped: Dict[str, int] = {}
    osm = plan.preset.key == "osm"
    f = plan.fields
    for row in rows:
        attrs = dict(row.get("attrs") or {})
        if osm and attrs.get("other_tags"):
            tags = parse_hstore(attrs.get("other_tags"))
            for key, value in tags.items():
                attrs.setdefault(key, value)
        cls = _text(attrs.get(f["class"])) if f["class"] else None
        if osm:
            if cls is None:
                reason = tr("not a highway")
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
            if cls not in ROUTABLE:
                reason = f"highway={cls}"
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
        raw_oneway = attrs.get(f["oneway"]) if f["oneway"] else None
        key = normalise(raw_oneway)
        meaning = BOTH if key == EMPTY else plan.oneway.get(key)
        if key == EMPTY and osm and (normalise(attrs.get("junction")) in ("roundabout",
                                                                          "circular")
                                     or cls in IMPLIED_ONEWAY):
            key, raw_oneway, meaning = IMPLIED, tr("(empty: roundabout or motorway)"), FORWARD
        if f["oneway"] is not None:
            _count(oneway_seen, raw_oneway, key, meaning)
        access = OPEN
        if plan.access_fields:
            raw_access = next((attrs.get(a) for a in plan.access_fields
                               if normalise(attrs.get(a)) != EMPTY), None)
            access_key = normalise(raw_access)
            access = OPEN if access_key == EMPTY else plan.access.get(access_key)
            _count(access_seen, raw_access, access_key, access)
        speed = parse_maxspeed(attrs.get(f["speed"])) if f["speed"] else None
        if meaning == CLOSED or access == CLOSED:
            speed = CLOSED_SPEED
        direction = {FORWARD: 1, BACKWARD: -1}.get(meaning, 0)
        name = _text(attrs.get(f["name"])) if f["name"] else None
        for part in row.get("parts") or []:
            coords = np.asarray(part, dtype=np.float64).reshape(-1, 2)
            if len(coords) >= 2:
                records.append({"coords": coords, "name": name, "road_class": cls,
                                "oneway": direction, "maxspeed": speed,
                                "source_id": None if row.get("id") is None else str(row["id"])})
    unknown_oneway = {k: v for k, v in oneway_seen.items() if v.meaning is None}
    unknown_access = {k: v for k, v in access_seen.items() if v.meaning is None}
    warnings: List[str] = []
    value_warnings: List[Tuple[str, str, str]] = []
    for role, unknown, default in (("oneway", unknown_oneway, BOTH),
                                   ("access", unknown_access, OPEN)):
        if not unknown:
            continue
        listed = ", ".join(tr("{value} ({n} roads)").format(value=v.label, n=v.count)
                           for v in unknown.values())
        field_name = f["oneway"] if role == "oneway" else "/".join(plan.access_fields)
        if plan.unknown == "refuse":
            raise RoadLayerError(unknown_message(role, field_name, listed))
        warnings.append(tr(
            "{role} {field!r}: values with no meaning given, imported as {meaning}: "
            "{values}.").format(role=tr(ROLE_TEXT[role]), field=field_name,
                                meaning=tr(MEANING_TEXT[default]), values=listed))
        for value in unknown.values():
            value.meaning = default
            value_warnings.append((field_name, value.shown, tr(
                "no meaning given: imported as {meaning} ({n} roads)").format(
                    meaning=tr(MEANING_TEXT[default]), n=value.count)))
    return MappedRoads(records, oneway_seen, access_seen, skipped, plan.preset.speeds, warnings,
                       value_warnings)


def unknown_message(role: str, field_name: str, listed: str) -> str:
    """The refusal of a source whose one-way or access field holds values with no meaning."""
    if role == "oneway":
        return tr(
            "One-way field {field!r}: values with no meaning given: {values}. Say what each "
            "means with ONEWAY_FORWARD (along the digitised direction), ONEWAY_BACKWARD "
            "(against it), ONEWAY_BOTH (two-way) or ONEWAY_CLOSED (closed to cars), or import "
            "unknown values as two-way with a warning (UNKNOWN_VALUES=1). Nothing was "
            "written.").format(
                field=field_name, values=listed)
    return tr(
        "Access field {field!r}: values with no meaning given: {values}. Say what each means "
        "with ACCESS_OPEN or ACCESS_CLOSED (closed to cars), or import unknown values as open "
        "with a warning (UNKNOWN_VALUES=1). Nothing was written.").format(
            field=field_name, values=listed)


def summary_lines(plan: RoadPlan, mapped: MappedRoads) -> List[str]:
    """The log of a mapping: the fields used, then every distinct one-way and access value with
    its number of roads and its meaning."""
    lines = [tr("Preset: {preset}.").format(preset=tr(plan.preset.label))]
    used = ", ".join(f"{tr(ROLE_TEXT[r])} = {plan.fields[r]}" for r in ROLES
                     if r != "access" and plan.fields.get(r))
    if plan.access_fields:
        used = ", ".join(filter(None, [used, f"{tr(ROLE_TEXT['access'])} = "
                                              + "/".join(plan.access_fields)]))
    lines.append(tr("Fields used: {fields}.").format(fields=used or "-"))
    for role, table in (("oneway", mapped.oneway_values), ("access", mapped.access_values)):
        for value in sorted(table.values(), key=lambda v: (-v.count, v.shown)):
            lines.append(tr("{role} value {value}: {n} roads → {meaning}").format(
                role=tr(ROLE_TEXT[role]), value=value.label, n=value.count,
                meaning=tr(MEANING_TEXT[value.meaning]) if value.meaning else "?"))
    return lines


def osm_file_rows(path, epsg: int) -> Tuple[List[str], List[dict]]:
    """``(field names, rows)`` of the ``lines`` layer of an OpenStreetMap file (.osm / .pbf,
    GDAL's OSM driver): every way with a line geometry, its tags as ``attrs`` (``other_tags``
    parsed), ``id`` = ``way/<osm id>``, vertices reprojected from WGS 84 to EPSG:``epsg``."""
    from osgeo import gdal, ogr, osr

    path = Path(path)
    if not path.is_file():
        raise RoadLayerError(tr("OpenStreetMap file not found: {path}").format(path=path))
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["OSM"])
    if ds is None or ds.GetLayerByName("lines") is None:
        raise RoadLayerError(tr("{file}: not an OpenStreetMap file GDAL's OSM driver can "
                                "read").format(file=path.name))
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(int(epsg))
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    layer = ds.GetLayerByName("lines")
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows: List[dict] = []
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        for feature in layer:
            if not feature.GetField("highway"):
                rows.append({"id": None, "parts": [], "attrs": {}})
                continue
            attrs = {n: feature.GetField(n) for n in names}
            attrs.update({k: v for k, v in parse_hstore(attrs.pop("other_tags", None)).items()
                          if k not in attrs})
            geom = feature.GetGeometryRef()
            parts = []
            if geom is not None and geom.GetGeometryType() in (ogr.wkbLineString,
                                                               ogr.wkbLineString25D):
                pts = np.asarray(geom.GetPoints(), dtype=np.float64)[:, :2]
                if len(pts) >= 2:
                    parts.append(np.asarray(transform.TransformPoints(pts.tolist()),
                                            dtype=np.float64)[:, :2])
            rows.append({"id": f"way/{feature.GetField('osm_id')}", "parts": parts,
                         "attrs": attrs})
    finally:
        gdal.PopErrorHandler()
    return names, rows
