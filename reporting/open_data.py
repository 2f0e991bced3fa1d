"""The open-data export: a Frictionless data package of the socle, with statistical secrecy.

:func:`write_open_data` writes into a folder::

    datapackage.json      the package: one resource per file, each with its Table Schema,
                          licence, producer, period and date of extraction
    LISEZMOI.md           what the package holds and the rules it follows (French)
    data/<name>.csv       the tables (UTF-8, comma separated, WGS 84 lon/lat columns)
    geo/<name>.geojson    the geometries (RFC 7946, WGS 84)
    geo/observatoire.gpkg the same geometries in one GeoPackage, in the socle's CRS
    schemas/<file>.json   the national Table Schemas the flow resources follow

Resources (see :mod:`.open_data_offer` and :mod:`.open_data_flows`): ``premises``,
``services``, ``producers``, ``markets``, ``centralities``, ``indicators``,
``survey_indicators`` and, when asked (``flows``), ``counting_sites``, ``counting_channels``,
``counts_daily`` (*comptage des mobilités*), ``parkings`` (*stationnement*) and
``carpool_areas`` (BNLC). A flow is published only when every source of its rows is recorded
under an open licence (:mod:`.open_data_licences`), unless the user declares the right to
publish it (``include_not_open``).

What never leaves the socle: field agents' names, notes and photos, sync conflicts, field
packages, individual survey answers (none of them is ever read, see
:mod:`store.publication`), the names of sole traders whose SIRENE record is not public
(emptied), survey figures on fewer than 11 respondents (withheld), counts finer than the day
(summed per local day). A last check refuses any column whose name is one of the
never-published fields of :data:`reporting.web_map_data.FORBIDDEN`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

from ..__about__ import __version__
from ..i18n import tr
from ..store.export_gpkg import Layer, write_layers
from . import open_data_flows as flows_res
from . import open_data_offer as offer_res
from .open_data_licences import FLOW_RESOURCES, check_flows
from .open_data_rows import OpenDataError, Resource, cell, json_value, missing
from .open_data_schemas import (
    GEOMETRY,
    NATIONAL,
    SCHEMAS_DIR,
    TITLES,
    field_types,
    table_schema,
)
from .publication_source import PublicationSource
from .sources import OPEN_LICENCES
from .web_map_data import is_forbidden

__all__ = ["FLOWS", "LICENCES", "OpenDataError", "OpenDataResult", "OpenDataSettings",
           "write_open_data"]

#: the licences a package may be published under: licence key → (title, URL), keys the Open
#: Definition / SPDX-like ids of :data:`reporting.sources.OPEN_LICENCES` (in the order of the
#: algorithm's choice).
LICENCES = {key: OPEN_LICENCES[key] for key in ("etalab-2.0", "odbl-1.0", "cc-by-4.0",
                                                 "cc0-1.0")}
FLOWS = ("counts", "parkings", "carpool")
FLOW_TITLES_FR = {"counts": "sites et comptages piétons", "parkings": "parkings",
                  "carpool": "lieux de covoiturage"}
GPKG_NAME = "observatoire.gpkg"
PACKAGE_FILES = ("datapackage.json", "LISEZMOI.md")
PACKAGE_DIRS = ("data", "geo", "schemas")


@dataclass
class OpenDataSettings:
    """What the user chose. ``flows``: which of :data:`FLOWS` to publish (a flow whose
    sources are not all under an open licence is left out unless ``include_not_open``: the
    user declares they hold the right to publish it under ``licence``); ``operator_siret``:
    SIRET of the car parks' operator (the *stationnement* schema requires it; without it car
    parks are not published)."""

    producer: str
    licence: str = "etalab-2.0"
    campaign: Optional[str] = None
    flows: Sequence[str] = FLOWS
    operator_siret: Optional[str] = None
    extracted: Optional[dt.date] = None
    timezone: str = "Europe/Paris"
    include_not_open: bool = False
    language: str = "fr"  # of the licences' names in the messages


@dataclass
class OpenDataResult:
    folder: Path
    datapackage: Path
    rows: Dict[str, int] = field(default_factory=dict)
    files: List[Path] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    withheld_survey_figures: int = 0
    names_withheld: int = 0
    diffusion_recorded: bool = False
    flows_left_out: List[str] = field(default_factory=list)
    licence_messages: List[str] = field(default_factory=list)


def _check_settings(settings: OpenDataSettings) -> None:
    if not (settings.producer or "").strip():
        raise OpenDataError(tr("give the producer of the data (the organisation publishing "
                               "it)"))
    if settings.licence not in LICENCES:
        raise OpenDataError(tr("unknown licence {licence!r}; expected one of {licences}")
                            .format(licence=settings.licence, licences=", ".join(LICENCES)))
    unknown = [f for f in settings.flows if f not in FLOWS]
    if unknown:
        raise OpenDataError(tr("unknown flow(s) {flows}; expected among {known}").format(
            flows=", ".join(unknown), known=", ".join(FLOWS)))
    siret = (settings.operator_siret or "").strip()
    if siret and not re.fullmatch(r"\d{14}", siret):
        raise OpenDataError(tr("the car parks' operator SIRET must be 14 digits, got {value!r}")
                            .format(value=siret))


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise OpenDataError(tr("{folder} is a file, not a folder").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / "datapackage.json").is_file():
            raise OpenDataError(tr("folder {folder} is not empty and holds no earlier open-data "
                                   "export: choose a new or empty folder").format(folder=folder))
        for name in PACKAGE_FILES:
            (folder / name).unlink(missing_ok=True)
        for name in PACKAGE_DIRS:
            shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "territoire"


def build_resources(src: PublicationSource, settings: OpenDataSettings, extracted: str,
                    checkpoint: Callable[[], None] = lambda: None,
                    progress: Callable[[float], None] = lambda p: None,
                    licences=None) -> tuple:
    """(resources, warnings, withheld survey figures) — nothing written. ``licences``: the
    :class:`.open_data_licences.FlowLicences` of the flows (checked here when None)."""
    warnings: List[str] = []
    if licences is None:
        licences = check_flows(src.conn, settings.flows, settings.licence,
                               settings.include_not_open, settings.language)
    flows = licences.published
    resources = [offer_res.premises(src)]
    progress(15)
    checkpoint()
    for build in (offer_res.services, offer_res.producers, offer_res.markets):
        resources.append(build(src))
    resources.append(offer_res.centralities(src, extracted))
    checkpoint()
    latest = offer_res.latest_indicators(src)
    resources.append(offer_res.indicators(src, latest))
    survey, withheld = offer_res.survey_indicators(src, latest)
    resources.append(survey)
    progress(30)
    checkpoint()
    if "counts" in flows:
        built, problems = flows_res.counting(src, settings.timezone, checkpoint)
        resources += built
        warnings += problems
    progress(55)
    if "parkings" in flows:
        siret = (settings.operator_siret or "").strip()
        if siret:
            built, problems = flows_res.parkings(src, siret)
            resources.append(built)
            warnings += problems
        else:
            warnings.append(tr("car parks not published: the stationnement schema requires "
                               "the SIRET of their operator (parameter OPERATOR_SIRET)"))
    if "carpool" in flows:
        built, problems = flows_res.carpool_areas(src)
        resources.append(built)
        warnings += problems
    checkpoint()
    for resource in resources:
        resource.notes += licences.notes.get(resource.name, [])
        for flow, licence in licences.licence.items():  # share-alike (ODbL) sources
            if resource.name in FLOW_RESOURCES[flow]:
                resource.licence = licence
    for resource in resources:
        # a guard: the builders never read such fields (a national schema's free-text
        # ``comment`` column is written empty)
        bad = [c for c in resource.frame.columns if is_forbidden(str(c))
               and not (resource.national and resource.frame[c].map(missing).all())]
        if bad:
            raise OpenDataError(tr("resource {name}: field(s) {fields} are never published")
                                .format(name=resource.name, fields=", ".join(bad)))
    return resources, warnings, withheld


def _write_csv(path: Path, resource: Resource) -> None:
    types = field_types(resource.name)
    columns = list(resource.frame.columns)
    kinds = [types.get(c, "string") for c in columns]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in resource.frame.itertuples(index=False, name=None):
            writer.writerow([cell(v, k) for v, k in zip(row, kinds)])


def _write_geojson(path: Path, resource: Resource, title: str) -> None:
    types = field_types(resource.name)
    columns = list(resource.frame.columns)
    key = columns[0]
    features = []
    for row, geom in zip(resource.frame.to_dict("records"), resource.geojson):
        props = {c: json_value(row[c], types.get(c, "string")) for c in columns}
        features.append({"type": "Feature", "id": props[key], "geometry": geom,
                         "properties": props})
    payload = {"type": "FeatureCollection", "name": resource.name, "title": title,
               "features": features}
    path.write_text(json.dumps(payload, ensure_ascii=False, allow_nan=False,
                               separators=(",", ":")), encoding="utf-8")


def _layers(resources: List[Resource]) -> List[Layer]:
    layers = []
    for resource in resources:
        if resource.shapes is None or resource.name not in GEOMETRY:
            continue
        types = field_types(resource.name)
        columns = [(c, types.get(c, "string")) for c in resource.frame.columns]
        rows = [tuple(json_value(v, k) for v, (_c, k) in zip(row, columns))
                for row in resource.frame.itertuples(index=False, name=None)]
        layers.append(Layer(resource.name, TITLES[resource.name][0], GEOMETRY[resource.name],
                            columns, rows, list(resource.shapes)))
    return layers


def _licence(key: str) -> dict:
    title, url = LICENCES[key]
    return {"name": key, "title": title, "path": url}


def _descriptor(resource: Resource, settings: OpenDataSettings, extracted: str, path: str,
                **extra) -> dict:
    title, description = TITLES[resource.name]
    out = {"name": resource.name, "title": title, "description": description, "path": path,
           **extra,
           "licenses": [_licence(resource.licence or settings.licence)],
           "producer": settings.producer.strip(), "extracted": extracted}
    # a resource without dates of its own describes the socle as extracted
    out["period"] = dict(resource.period) if resource.period else {"start": extracted,
                                                                   "end": extracted}
    if resource.sources:
        out["sources"] = list(resource.sources)
    if resource.notes:
        out["notes"] = list(resource.notes)
    return out


def write_open_data(conn, folder, settings: OpenDataSettings, *,
                    progress: Optional[Callable[[float], None]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None) -> OpenDataResult:
    """Write the package into ``folder`` (created; an earlier export there is replaced, any
    other non-empty folder refused). Every resource is built before the first file is
    written. Raises :class:`OpenDataError` with a message saying what to fix."""
    from ..store.observatory import srs_definition

    _check_settings(settings)
    folder = Path(folder)
    report = progress or (lambda p: None)

    def checkpoint():
        if is_canceled and is_canceled():
            raise OpenDataError(tr("export canceled"))

    extracted = (settings.extracted or dt.date.today()).isoformat()
    src = PublicationSource(conn, settings.campaign)
    licences = check_flows(conn, settings.flows, settings.licence, settings.include_not_open,
                           settings.language)
    resources, warnings, withheld = build_resources(src, settings, extracted, checkpoint,
                                                    report, licences)
    _prepare_folder(folder)
    for name in PACKAGE_DIRS:
        (folder / name).mkdir()
    result = OpenDataResult(folder, folder / "datapackage.json", warnings=warnings,
                            withheld_survey_figures=withheld,
                            names_withheld=len(src.non_public & set(src.premises["premise_uuid"])),
                            diffusion_recorded=src.diffusion_recorded,
                            flows_left_out=list(licences.left_out),
                            licence_messages=list(licences.messages))
    descriptors = []
    for resource in resources:
        checkpoint()
        csv_path = folder / "data" / f"{resource.name}.csv"
        _write_csv(csv_path, resource)
        result.files.append(csv_path)
        result.rows[resource.name] = len(resource.frame)
        if resource.national:
            schema_file = NATIONAL[resource.name][0]
            target = folder / "schemas" / schema_file
            if not target.exists():
                shutil.copy2(SCHEMAS_DIR / schema_file, target)
                result.files.append(target)
            schema = f"schemas/{schema_file}"
        else:
            schema = table_schema(resource.name)
        descriptors.append(_descriptor(
            resource, settings, extracted, f"data/{resource.name}.csv",
            profile="tabular-data-resource", format="csv", mediatype="text/csv",
            encoding="utf-8", schema=schema))
    report(70)
    geo_resources = [r for r in resources if r.geojson is not None]
    for resource in geo_resources:
        checkpoint()
        path = folder / "geo" / f"{resource.name}.geojson"
        _write_geojson(path, resource, TITLES[resource.name][0])
        result.files.append(path)
        descriptors.append(_descriptor(
            resource, settings, extracted, f"geo/{resource.name}.geojson",
            profile="data-resource", format="geojson", mediatype="application/geo+json",
            encoding="utf-8"))
        descriptors[-1]["name"] = f"{resource.name}_geojson"
    report(80)
    epsg_name, wkt = srs_definition(src.srs_id)
    gpkg_path = write_layers(folder / "geo" / GPKG_NAME, _layers(geo_resources),
                             srs_id=src.srs_id, srs_name=epsg_name, srs_wkt=wkt)
    result.files.append(gpkg_path)
    descriptors.append({
        "name": "geometries_gpkg", "title": "Géométries (GeoPackage)",
        "description": f"Les couches géographiques du paquet dans un GeoPackage, en "
                       f"EPSG:{src.srs_id} : " + ", ".join(r.name for r in geo_resources) + ".",
        "path": f"geo/{GPKG_NAME}", "profile": "data-resource", "format": "gpkg",
        "mediatype": "application/geopackage+sqlite3",
        "period": _union([r.period for r in geo_resources]),
        "licenses": [_licence(settings.licence)] + (
            [_licence("odbl-1.0")] if any(r.licence == "odbl-1.0" for r in geo_resources)
            else []),
        "producer": settings.producer.strip(), "extracted": extracted})
    package = _package(src, settings, extracted, descriptors)
    result.datapackage.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                                  encoding="utf-8")
    result.files.insert(0, result.datapackage)
    readme = folder / "LISEZMOI.md"
    readme.write_text(_readme(src, settings, extracted, resources, warnings, licences.left_out),
                      encoding="utf-8")
    result.files.append(readme)
    report(100)
    return result


def _union(periods: List[dict]) -> dict:
    starts = [p["start"] for p in periods if p.get("start")]
    ends = [p["end"] for p in periods if p.get("end")]
    out = {}
    if starts:
        out["start"] = min(starts)
    if ends:
        out["end"] = max(ends)
    return out


def _package(src: PublicationSource, settings: OpenDataSettings, extracted: str,
             descriptors: list) -> dict:
    territory = src.territory or "territoire"
    return {
        "profile": "data-package",
        "name": f"observatoire-commerce-{_slug(territory)}",
        "title": f"Observatoire du commerce — {territory}",
        "description": "Offre commerciale, services, circuits courts, centralités et leurs "
                       "indicateurs, flux, indicateurs d'enquête (secret statistique appliqué).",
        "language": "fr",
        "created": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "extracted": extracted,
        "producer": settings.producer.strip(),
        "contributors": [{"title": settings.producer.strip(), "role": "publisher"}],
        "licenses": [_licence(settings.licence)],
        "keywords": ["commerce", "centralités", "vacance commerciale", "circuits courts",
                     "comptage", "observatoire"],
        "generator": f"Observatoire du commerce {__version__} (QGIS)",
        "resources": descriptors,
    }


def _readme(src: PublicationSource, settings: OpenDataSettings, extracted: str,
            resources: List[Resource], warnings: List[str],
            flows_left_out: Sequence[str] = ()) -> str:
    title, url = LICENCES[settings.licence]
    lines = [f"# Observatoire du commerce — {src.territory}", "",
             f"Producteur : {settings.producer.strip()}. Extraction du {extracted}. "
             f"Licence : [{title}]({url}) (les lieux de covoiturage : ODbL, licence de la "
             "Base nationale des lieux de covoiturage).", "",
             "Décrit par `datapackage.json` (Frictionless Data) : chaque table CSV a son "
             "schéma ; les géométries sont en GeoJSON (WGS 84) et dans "
             f"`geo/{GPKG_NAME}` (EPSG:{src.srs_id}).", "", "## Tables", ""]
    for r in resources:
        lines.append(f"- `data/{r.name}.csv` — {TITLES[r.name][0]} : {len(r.frame)} lignes")
    lines += ["", "## Règles de publication", "",
              "- Jamais publiés : noms des enquêteurs, notes, photos, conflits de "
              "synchronisation, réponses individuelles au questionnaire.",
              "- Enseignes des entrepreneurs individuels dont la fiche SIRENE n'est pas "
              "diffusible (diffusion partielle) : laissées vides.",
              "- Secret statistique : aucun indicateur d'enquête ne repose sur moins de 11 "
              "répondants ; moins de 30 : « précision faible ».",
              "- Comptages agrégés à la journée ; une journée incomplète est publiée sans "
              "valeur.", ""]
    if flows_left_out:
        lines += ["## Flux non publiés", "",
                  "Leurs sources ne sont pas sous une licence ouverte enregistrée : "
                  + ", ".join(FLOW_TITLES_FR[f] for f in flows_left_out) + ".", ""]
    if warnings:
        lines += ["## Lignes non publiées", ""] + [f"- {w}" for w in warnings] + [""]
    return "\n".join(lines)
