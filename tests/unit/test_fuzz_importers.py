"""Fuzzing every importer: seeded malformed variants of its valid fixtures (see ``fuzz.py``).

For each importer, :data:`N` variants (truncation, encodings, separators, missing, renamed or
dBase-style columns, garbage bytes, extreme and non-finite values, out-of-range dates…) are
imported into one GeoPackage, one after the other. Each must either succeed or be refused with
the importers' own exception (:class:`SourceError`, which ``ImportRefusedError`` extends):

- no other exception (no traceback reaches a user);
- a refusal leaves the GeoPackage byte-identical (sha256);
- a success writes exactly the rows it reports, table by table (no partial write), and leaves
  no transaction open;
- the file passes GDAL's ``validate_gpkg.py`` after every successful variant that changed it (a
  success that left it byte-identical leaves a file already validated; a refusal leaves it
  byte-identical), and at the end. After a variant the validator runs in this process
  (``check()`` of the same script: 25 to 50 ms instead of 130 ms and more for a new Python;
  about 3 500 validations in all, since every success writes at least its import's record), at
  the end as the script.

Each importer's run takes 5 to 40 seconds. Kobo / ODK exports (read only, nothing written) must
raise nothing but ``SourceError`` (reading) or ``SurveyImportError`` (validation). The partner's
inventory workbook has its own fuzzing test (:func:`xlsx_variants`, at the end).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import shutil
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional, Sequence

import pytest

from observatoire_commerce.ingest.importers import (
    activity_index,
    bpe,
    carpool,
    counts,
    events,
    gtfs,
    osm,
    osm_services,
    parking,
    parking_sessions,
    population_grid,
    presence,
    ridership,
    road_traffic,
    short_circuits,
    sirene,
    sirene_history,
)
from observatoire_commerce.ingest.sources import archive
from observatoire_commerce.ingest.sources.report import SourceError
from observatoire_commerce.jobs.transit import hourly_departures
from observatoire_commerce.store import observatory
from observatoire_commerce.store.readers.activity import session_count

from ..conftest import TESTS, validate_gpkg, validate_gpkg_in_process
from .fuzz import json_variants, variants, xlsx_variants

N = 200
SEED = 20240613
FLOWS = TESTS / "data" / "flows"
OFFER = TESTS / "data" / "offer"
ACTIVITY = TESTS / "data" / "activity"

SITES = (b"site_id,site_name,xlong,ylat,fr_insee_code,infrastructure_type\n"
         b"s1,Rue Gambetta,0.3405,46.5802,86194,FOOTPATH\n"
         b"s2,Place d'Armes,0.3412,46.5811,86194,\n")
CHANNELS = (b"channel_id,site_id,mobility_type,temporality,started_at,time_step\n"
            b"ch1,s1,PEDESTRIAN,PERMANENT,2022-01-01T00:00:00+01:00,3600\n"
            b"ch2,s2,BIKE,TEMPORARY,2022-03-01T00:00:00Z,\n")
PARKINGS = (
    "id,nom,insee,adresse,url,type_usagers,gratuit,nb_places,nb_pr,nb_pmr,"
    "nb_voitures_electriques,nb_velo,nb_2r_el,nb_autopartage,nb_2_rm,nb_covoit,hauteur_max,"
    "num_siret,Xlong,Ylat,tarif_pmr,tarif_1h,tarif_2h,tarif_3h,tarif_4h,tarif_24h,abo_resident,"
    "abo_non_resident,type_ouvrage,info\n"
    "86194-P-001,Parking Notre-Dame,86194,1 place Notre-Dame,,tous,false,400,0,8,4,20,0,0,10,0,"
    "210,12345678900012,0.3451,46.5832,normal_payant,1.5,3,4.5,6,15,40,60,ouvrage,\n"
    "86194-P-002,Parking Carnot,86194,rue Carnot,,abonnés,true,120,0,2,0,0,0,0,0,0,N/A,"
    "12345678900012,0.3388,46.5791,gratuit,,,,,,,,enclos_en_surface,plein air\n").encode()
ZONES = (b"id,nom,insee,adresse,nb_places,Xlong,Ylat,tarif_1h,tarif_2h,info\n"
         b"Z1,Zone rouge,86194,centre,260,0.3402,46.5801,2.0,4.5,\n"
         b"Z2,Zone verte,86194,gare,180,0.3331,46.5822,1.0,2.0,\n")
RIDERSHIP = (b"stop_id,date,period,boardings,alightings\nS1,2023-07-04,day,120,80\n"
             b"S2,2023-07-04,day,10,\nS1,05/07/2023,07-09,30.5,20\n")
ROAD = (b"point_id,period,name,road,daily_traffic,heavy_share,x,y\n"
        b"R1,2023,Boulevard,D910,12000,6.5,0.3421,46.5843\n"
        b"R2,2023-06,Avenue,D2,8000,4,0.3501,46.5902\nR3,15/06/2023,Rue,,950,,0.33,46.57\n"
        )
BNLC = ("id_lieu,nom_lieu,ad_lieu,com_lieu,insee,type,date_maj,ouvert,source,Xlong,Ylat,"
        "nbre_pl,nbre_pmr,duree,horaires,proprio,lumiere,comm\n"
        "86194-C-001,Aire Sud,route de Paris,Poitiers,86194,Aire de covoiturage,2023-05-01,"
        "true,123456789,0.3398,46.5501,60,2,,,Département,true,\n"
        "86214-C-001,Parking relais,rue de la Gare,Saint-Benoît,86214,Parking relais,"
        "2022-11-15,false,,0.3301,46.5502,,,,,,,\n").encode()
TRIPS = (b"date,origin_insee,destination_insee,trips\n2023-06-01,86214,86194,85\n"
         b"2023-06-02,86214,86194,80\n02/06/2023,86194,86041,12\n")
EVENTS = ("event_id,name,centrality,start,end,kind,notes\nE1,Marché de Noël,,2024-12-01,"
          "2024-12-24,christmas_market,\n,Braderie,,07/09/2024,08/09/2024,braderie,centre\n"
          "E3,Soldes,,2024-06-26,2024-07-23,sales,\n").encode()
OSM_PLACES = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"@id": f"node/{i}", **tags},
     "geometry": {"type": "Point", "coordinates": [0.34 + i / 1000, 46.58 + i / 2000]}}
    for i, tags in enumerate([
        {"amenity": "parking", "parking": "surface", "capacity": "120", "fee": "no"},
        {"amenity": "parking", "parking": "multi-storey", "capacity": "400", "access": "yes",
         "name": "Parking Carnot", "maxheight": "2.1"},
        {"amenity": "pharmacy", "name": "Pharmacie du Centre"},
        {"healthcare": "doctor", "name": "Dr Martin"}, {"amenity": "post_office"},
        {"shop": "bakery", "name": "Fournil"}, {"amenity": "bench"}], start=1)]}).encode()
SESSION_PARKS = (b"id,nom,insee,adresse,nb_places,Xlong,Ylat\n"
                 b"86194-P-001,Parking A,86194,centre,10,0.3402,46.5801\n"
                 b"Z1,Zone rouge,86194,centre,4,0.3405,46.5803\n")
WIDE_MAPPING = {"start_datetime": "Date"}
WIDE_CHANNELS = {"Rue Gambetta IN": "g-in", "Rue Gambetta OUT": "g-out"}
SITE = {"site_id": "gambetta", "name": "Rue Gambetta", "x": 496400, "y": 6612300,
        "epsg": 2154}


@dataclass
class Case:
    """An importer under test: its valid files, how to call it, what it writes."""

    name: str
    files: Dict[str, bytes]
    call: Callable
    tables: Sequence[str]
    mutate: Sequence[str] = ()          # the files mutated (default: all, in turn)
    prepare: Optional[Callable] = None  # e.g. import the car parks before their occupancy
    json: bool = False
    extra: list = field(default_factory=list)  # more (description, {file: bytes}) variants


def _gtfs_zip(members: Dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


GTFS_MEMBERS = {p.name: p.read_bytes() for p in sorted((FLOWS / "gtfs_tiny").glob("*.txt"))}


def _gtfs_archive_variants() -> list:
    """Damaged, encrypted, oversized archives and archives with odd members."""
    good = _gtfs_zip(GTFS_MEMBERS)
    out = []
    for cut in (0, 10, 30, len(good) // 2, len(good) - 22, len(good) - 1):
        out.append((f"zip truncated at {cut}", good[:cut]))
    for pos in (40, 200, len(good) // 3, len(good) - 30):
        out.append((f"zip byte {pos} flipped", good[:pos] + bytes([good[pos] ^ 0xFF]) +
                    good[pos + 1:]))
    encrypted = bytearray(good)
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (i := encrypted.find(sig, start)) >= 0:
            flag = i + (6 if sig == b"PK\x03\x04" else 8)
            encrypted[flag] |= 0x01
            start = i + 4
    out.append(("zip marked encrypted", bytes(encrypted)))
    out.append(("not a zip", b"stop_id,stop_name\nS1,Gare\n"))
    out.append(("empty zip", _gtfs_zip({})))
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w") as zf:
        for name, data in GTFS_MEMBERS.items():
            zf.writestr(f"feed/{name}", data)
        zf.writestr("feed/readme.md", b"hello")
    out.append(("members in a folder", nested.getvalue()))
    out.append(("a member missing", _gtfs_zip({k: v for k, v in GTFS_MEMBERS.items()
                                               if k != "trips.txt"})))
    out.append(("calendar until 2099", _gtfs_zip(dict(GTFS_MEMBERS, **{
        "calendar.txt": GTFS_MEMBERS["calendar.txt"].replace(b"20230728", b"20991231")}))))
    return out


def _gtfs_call(conn, paths):
    return gtfs.import_gtfs(conn, paths["feed.zip"], typical=True,
                            count_departures=hourly_departures)


CASES = [
    Case("sirene", {"sirene.csv": (OFFER / "sirene_stock_sample.csv").read_bytes()},
         lambda conn, p: sirene.import_sirene(conn, p["sirene.csv"], campaign="Fuzz",
                                              create_campaign_year=2025),
         ("premises", "premise_sources", "premise_observations")),
    Case("bpe", {"bpe.csv": (OFFER / "bpe_sample.csv").read_bytes()},
         lambda conn, p: bpe.import_bpe(conn, p["bpe.csv"]), ("services",)),
    Case("osm", {"shops.geojson": (OFFER / "osm_export.geojson").read_bytes()},
         lambda conn, p: osm.import_osm(conn, p["shops.geojson"]),
         ("premises", "premise_sources"), json=True),
    Case("osm_parking", {"places.geojson": OSM_PLACES},
         lambda conn, p: parking.import_osm_parkings(conn, p["places.geojson"]), ("parkings",),
         json=True),
    Case("osm_services", {"places.geojson": OSM_PLACES},
         lambda conn, p: osm_services.import_osm_services(conn, p["places.geojson"]),
         ("services",), json=True),
    Case("short_circuits", {"producers.csv": (OFFER / "producers.csv").read_bytes(),
                            "markets.csv": (OFFER / "markets.csv").read_bytes()},
         lambda conn, p: short_circuits.import_short_circuits(
             conn, p["producers.csv"], p["markets.csv"], source="fuzz"),
         ("producers", "markets", "producer_products")),
    Case("counts", {"site.csv": SITES, "channel.csv": CHANNELS,
                    "measure.csv": (FLOWS / "measure_offsets.csv").read_bytes()},
         lambda conn, p: counts.import_comptage(conn, sites_path=p["site.csv"],
                                                channels_path=p["channel.csv"],
                                                measures_path=p["measure.csv"]),
         ("counting_sites", "counting_channels", "counts")),
    Case("counts_mapped", {"wide.csv": (FLOWS / "vendor_wide.csv").read_bytes()},
         lambda conn, p: counts.import_mapped_counts(
             conn, p["wide.csv"], WIDE_MAPPING, channel_columns=WIDE_CHANNELS, site=SITE,
             time_step_s=3600),
         ("counting_sites", "counting_channels", "counts")),
    Case("parking", {"parkings.csv": PARKINGS},
         lambda conn, p: parking.import_parkings(conn, p["parkings.csv"]), ("parkings",)),
    Case("parking_zones", {"zones.csv": ZONES},
         lambda conn, p: parking.import_parkings(conn, p["zones.csv"], kind="on_street"),
         ("parkings",)),
    Case("occupancy", {"occupancy.csv": (FLOWS / "occupancy.csv").read_bytes()},
         lambda conn, p: parking.import_occupancy(conn, p["occupancy.csv"]),
         ("parking_occupancy",),
         prepare=lambda conn, tmp: parking.import_parkings(
             conn, _write(tmp / "seed_parkings.csv", PARKINGS))),
    Case("ridership", {"ridership.csv": RIDERSHIP},
         lambda conn, p: ridership.import_ridership(conn, p["ridership.csv"]),
         ("transit_ridership",),
         prepare=lambda conn, tmp: gtfs.import_gtfs(
             conn, _write(tmp / "tiny.zip", _gtfs_zip(GTFS_MEMBERS)), typical=True,
             count_departures=hourly_departures)),
    Case("road_traffic", {"road.csv": ROAD},
         lambda conn, p: road_traffic.import_road_traffic(conn, p["road.csv"]),
         ("road_traffic",)),
    Case("carpool_places", {"bnlc.csv": BNLC},
         lambda conn, p: carpool.import_carpool_places(conn, p["bnlc.csv"]),
         ("carpool_areas",)),
    Case("carpool_trips", {"trips.csv": TRIPS},
         lambda conn, p: carpool.import_carpool_trips(conn, p["trips.csv"]),
         ("carpool_trips",)),
    Case("events", {"events.csv": EVENTS},
         lambda conn, p: events.import_events(conn, p["events.csv"]), ("events",)),
    Case("population_grid", {"grid.csv": (TESTS / "data" / "filosofi" / "grid_2019.csv")
                             .read_bytes()},
         lambda conn, p: population_grid.import_population_grid(conn, p["grid.csv"]),
         ("population_grid",)),
    Case("parking_sessions", {"sessions.csv": (ACTIVITY / "sessions_fr.csv").read_bytes()},
         lambda conn, p: parking_sessions.import_parking_sessions(
             conn, p["sessions.csv"], preset="tickets_fr"),
         ("parking_sessions",),
         prepare=lambda conn, tmp: parking.import_parkings(
             conn, _write(tmp / "seed_zones.csv", SESSION_PARKS), kind="on_street")),
    Case("presence", {"presence.csv": (ACTIVITY / "presence_classes.csv").read_bytes()},
         lambda conn, p: presence.import_presence(conn, p["presence.csv"]),
         ("presence_counts",)),
    Case("sirene_history", {"history.csv": (ACTIVITY / "sirene_history.csv").read_bytes(),
                            "stock.csv": (ACTIVITY / "sirene_stock.csv").read_bytes()},
         lambda conn, p: sirene_history.import_sirene_history(
             conn, p["history.csv"], stock=p["stock.csv"], communes=["86194"]),
         ("sirene_history", "sirene_establishments")),
    Case("activity_index", {"index.csv": (ACTIVITY / "activity_index.csv").read_bytes()},
         lambda conn, p: activity_index.import_activity_index(
             conn, p["index.csv"], mapping={"sector": "secteur", "period": "periode",
                                            "value": "valeur"}),
         ("activity_indices",)),
    Case("gtfs", dict(GTFS_MEMBERS), lambda conn, p: _gtfs_call(conn, p),
         ("transit_feeds", "transit_stops", "transit_routes", "transit_service"),
         extra=_gtfs_archive_variants()),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: What a result's ``added`` counts where it is not rows of a table: the parking sessions,
#: stored by car park and month in ``parking_session_blocks``.
COUNTERS = {"parking_sessions": session_count}


def _counts(conn, names) -> dict:
    return {t: COUNTERS[t](conn) if t in COUNTERS
            else conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in names}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.gpkg"
    observatory.create_observatory(path, "Fuzz")
    return path


def _variants(case: Case):
    """(description, files) pairs: each valid file mutated in turn, then the extra ones."""
    targets = list(case.mutate or case.files)
    per_file = N // len(targets) + 1
    out = []
    for k, target in enumerate(targets):
        source = json_variants if case.json else variants
        for desc, data in source(case.files[target], per_file, SEED + k):
            out.append((f"{target} {desc}", dict(case.files, **{target: data})))
    out = out[:N]
    out += [(desc, {"__archive__": data}) for desc, data in case.extra]
    return out


def _materialise(case: Case, files: dict, folder: Path) -> dict:
    if case.name == "gtfs":
        data = files.pop("__archive__", None)
        if data is None:
            data = _gtfs_zip(files)
        return {"feed.zip": _write(folder / "feed.zip", data)}
    return {name: _write(folder / name, data) for name, data in files.items()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_importer_survives_malformed_variants(case, template, tmp_path):
    path = tmp_path / "fuzz.gpkg"
    shutil.copy(template, path)
    conn = observatory.open_observatory(path)
    if case.prepare is not None:
        case.prepare(conn, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    problems, refused, imported = [], 0, 0
    cases = _variants(case)
    assert len(cases) >= N
    validate_gpkg_in_process(path)
    try:
        for desc, files in cases:
            paths = _materialise(case, dict(files), folder)
            before, rows = _digest(path), _counts(conn, case.tables)
            try:
                result = case.call(conn, paths)
            except SourceError as exc:
                refused += 1
                if _digest(path) != before:
                    problems.append(f"{desc}: refused ({exc}) but the GeoPackage changed")
                if not str(exc).strip():
                    problems.append(f"{desc}: refused without a message")
                continue
            except Exception:  # noqa: BLE001 - the point of the test
                problems.append(f"{desc}: {traceback.format_exc(limit=-3)}")
                continue
            imported += 1
            after = _counts(conn, case.tables)
            for table in case.tables:
                said = result.added.get(table, 0) - result.removed.get(table, 0)
                if after[table] - rows[table] != said:
                    problems.append(f"{desc}: {table} grew by {after[table] - rows[table]} "
                                    f"rows, the result says {said}")
            if conn.in_transaction:
                problems.append(f"{desc}: a transaction was left open")
            if _digest(path) != before:
                try:
                    validate_gpkg_in_process(path)
                except AssertionError as exc:
                    problems.append(f"{desc}: {exc}")
    finally:
        conn.close()
    validate_gpkg(path)
    assert not problems, f"{len(problems)} of {len(cases)} variants failed:\n" + "\n".join(
        problems[:20])
    assert refused and imported, (refused, imported)


def test_gtfs_zip_bomb_is_refused_before_reading(template, tmp_path):
    """A 1 MB zip whose stop_times.txt expands to 1 GB is refused from its directory alone."""
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in GTFS_MEMBERS.items():
            if name != "stop_times.txt":
                zf.writestr(name, data)
        with zf.open("stop_times.txt", "w", force_zip64=True) as handle:
            handle.write(GTFS_MEMBERS["stop_times.txt"])
            chunk = b"\n" * (1 << 20)
            for _ in range(1024):
                handle.write(chunk)
    assert bomb.stat().st_size < 2 * 2 ** 20
    path = tmp_path / "f.gpkg"
    shutil.copy(template, path)
    before = _digest(path)
    conn = observatory.open_observatory(path)
    try:
        with pytest.raises(SourceError, match=r"bomb.zip: expands to 1024 MB, more than the "
                                              r"256 MB accepted"):
            gtfs.import_gtfs(conn, bomb, count_departures=hourly_departures)
    finally:
        conn.close()
    assert _digest(path) == before


def test_archive_limits_refuse_forged_sizes_and_ratios(tmp_path, monkeypatch):
    """A member expanding beyond what the archive declares, or far more than text does, is
    refused while it is read."""
    members = {"stops.txt": b"stop_id\n" + b"S\n" * 2_000_000}
    path = _write(tmp_path / "ratio.zip", _gtfs_zip(members))
    with pytest.raises(SourceError, match="stops.txt expands [0-9]+ times"):
        archive.read_members(path, lambda name: True)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    many = _write(tmp_path / "many.zip", _gtfs_zip({f"{i}.txt": b"x" for i in range(4)}))
    with pytest.raises(SourceError, match="4 files in the archive, more than the 3 accepted"):
        archive.read_members(many, lambda name: True)


def test_kobo_exports_raise_only_source_or_survey_import_errors(tmp_path):
    """Read (``SourceError``) then validated (``SurveyImportError``), as the algorithm does."""
    from observatoire_commerce.ingest.sources.survey_exports import read_submissions
    from observatoire_commerce.survey_forms.kobo_import import SurveyImportError, validate_export
    from observatoire_commerce.survey_forms.model import Centrality
    from observatoire_commerce.survey_forms.questionnaire import build_questionnaire

    questionnaire = build_questionnaire([Centrality("centre_ville", "Centre-ville", "c-uuid-1"),
                                         ("gare", "Quartier de la gare")])
    data = (TESTS / "data" / "survey" / "kobo_export.csv").read_bytes()
    problems, refused = [], 0
    for desc, mutated in variants(data, N, SEED):
        path = _write(tmp_path / "export.csv", mutated)
        try:
            validate_export(read_submissions(path), questionnaire)
        except (SourceError, SurveyImportError):
            refused += 1
        except Exception:  # noqa: BLE001 - the point of the test
            problems.append(f"{desc}: {traceback.format_exc(limit=-3)}")
    assert not problems, "\n".join(problems[:10])
    assert refused



# ---------------------------------------------------------------------------------------------
# The partner's inventory workbook (fieldwork.inventory_xlsx.import_inventory)
# ---------------------------------------------------------------------------------------------

#: Valid values per column of the exported sheet (F floor area … L notes), so that a share of
#: the variants are changes the import writes.
INVENTORY_GOOD = {4: ["5 rue Neuve", "1 rue Carnot"], 6: [95.5, "95,5", "1 234,5", None],
                  7: ["vacant", "works", "vacant"], 8: ["alimentaire", None],
                  9: ["47.11D", None], 10: ["Fleuriste", "Épicerie Dupont", None],
                  11: ["chain", "independent", "franchise", None], 12: ["à revoir", None]}


@pytest.fixture(scope="module")
def inventory_template(tmp_path_factory):
    """Six premises (one outside the centrality, two without floor area) observed in campaign
    "Inventaire 2024", and the workbook the observatory exports for it."""
    from observatoire_commerce.fieldwork import inventory_xlsx
    from observatoire_commerce.store import geometry, gpkg

    folder = tmp_path_factory.mktemp("inventory")
    path = observatory.create_observatory(folder / "inventory.gpkg", "Fuzz")
    conn = observatory.open_observatory(path)
    square = [[[(500000.0, 6600000.0), (500100.0, 6600000.0), (500100.0, 6600100.0),
                (500000.0, 6600100.0), (500000.0, 6600000.0)]]]
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level, geom) VALUES "
                     "('c-1', 'Centre-ville', 'primary', ?)",
                     (geometry.encode("multipolygon", square, 2154),))
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, end_date, state) "
                     "VALUES ('k-2024', 'Inventaire 2024', 2024, '2024-10-01', '2024-11-30', "
                     "'open')")
        for n, (area, status, group, naf, sign, chain) in enumerate([
                (80, "occupied", "alimentaire", "47.11D", "Épicerie Martin", "independent"),
                (120, "vacant", None, None, None, None),
                (None, "occupied", "services_marchands", None, "Banque", "chain"),
                (45.5, "works", None, None, None, None),
                (None, "occupied", "alimentaire", None, "Boulangerie", "independent"),
                (300, "other_use", None, None, None, None)], start=1):
            conn.execute("INSERT INTO premises (uuid, address, street, commune_code, "
                         "floor_area, geom) VALUES (?, ?, 'rue Carnot', '86194', ?, ?)",
                         (f"p-{n}", f"{n} rue Carnot", area, geometry.encode_point(
                             500010.0 + 15 * n + (400 if n == 3 else 0), 6600050.0, 2154)))
            conn.execute("INSERT INTO premise_observations (uuid, premise_uuid, campaign_uuid, "
                          "status, activity_group, naf_code, sign_name, chain_type, "
                          "visit_state) VALUES (?, ?, 'k-2024', ?, ?, ?, ?, ?, 'to_confirm')",
                          (f"o-{n}", f"p-{n}", status, group, naf, sign, chain))
        gpkg.update_extent(conn, "premises")
        gpkg.update_extent(conn, "centralities")
    exported = inventory_xlsx.export_inventory(conn, None, folder / "inventaire.xlsx")["path"]
    conn.close()
    return path, Path(exported)


def _inventory_state(conn) -> dict:
    """Every observation and premise by uuid, and the row count of every table."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {"obs": {r["uuid"]: dict(r) for r in conn.execute(
                "SELECT * FROM premise_observations")},
            "premises": {r["uuid"]: dict(r) for r in conn.execute("SELECT * FROM premises")},
            "counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                       for t in tables}}


def _written_exactly(outcome, before: dict, after: dict) -> list:
    """What a successful import wrote that it did not report, or reported and did not write."""
    from observatoire_commerce.fieldwork.inventory_xlsx import BY_KEY

    out = []
    if after["counts"] != before["counts"]:
        out.append(f"row counts changed: {before['counts']} -> {after['counts']}")
    planned_obs, planned_premises = {}, {}
    for _row, obs, key, _old, new in outcome.changes:
        if BY_KEY[key].table == "premises":
            planned_premises.setdefault(before["obs"][obs]["premise_uuid"], {})[key] = new
        else:
            planned_obs.setdefault(obs, {})[key] = new
    stamps = {"agent", "observed_at", "visit_state"}
    for kind, planned, extra in (("obs", planned_obs, stamps), ("premises", planned_premises,
                                                                set())):
        changed = {u for u in after[kind] if after[kind][u] != before[kind].get(u)}
        if changed != set(planned):
            out.append(f"{kind}: changed {sorted(changed)}, reported {sorted(planned)}")
        for uuid, values in planned.items():
            row, old = after[kind][uuid], before[kind][uuid]
            moved = {c for c in row if row[c] != old[c]}
            if not moved <= set(values) | extra:
                out.append(f"{kind} {uuid}: columns {sorted(moved)} changed, {sorted(values)} "
                           f"reported")
            for column, new in values.items():
                if row[column] != new:
                    out.append(f"{kind} {uuid}.{column} = {row[column]!r}, reported {new!r}")
            area = row.get("floor_area")
            if area is not None and not (math.isfinite(area) and 0 < area <= 1_000_000):
                out.append(f"{kind} {uuid}: floor area {area!r} stored")
    if outcome.updated_observations != len(planned_obs) or \
            outcome.updated_premises != len(planned_premises):
        out.append(f"reported {outcome.updated_observations} observations and "
                   f"{outcome.updated_premises} premises, planned {len(planned_obs)} and "
                   f"{len(planned_premises)}")
    return out


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")  # openpyxl
def test_inventory_workbook_import_survives_malformed_variants(inventory_template, tmp_path):
    """Issue 16: at least 200 mutated workbooks through ``import_inventory`` (truncated or
    damaged zips, garbage bytes, missing or renamed columns and sheets, extreme and non-finite
    numbers, text in numeric cells, dates beyond Excel's, formulas, rows added, repeated or
    removed). Each must be refused with the import's own error
    (:class:`InventoryWorkbookError`), or have its rows refused (invalid cells, conflicts),
    the GeoPackage byte-identical either way; or be written exactly as reported (every
    observation and premise it changed, nothing else), leaving a file that passes GDAL's
    validator, with no transaction open. After a success the GeoPackage is put back as it was
    exported, so that every variant meets the file its workbook was exported from."""
    from observatoire_commerce.fieldwork import inventory_xlsx
    from observatoire_commerce.store import gpkg

    template, exported = inventory_template
    path = tmp_path / "inventory.gpkg"
    shutil.copy(template, path)
    cases = list(xlsx_variants(exported.read_bytes(), N + 20, SEED, sheet="Inventaire",
                               good=INVENTORY_GOOD, numeric=[6]))
    assert len(cases) >= N
    problems, outcomes = [], {"refused": 0, "rows refused": 0, "unchanged": 0, "written": 0}
    conn = gpkg.connect(path)
    try:
        for desc, data in cases:
            workbook = _write(tmp_path / "retour.xlsx", data)
            digest, before = _digest(path), _inventory_state(conn)
            try:
                outcome = inventory_xlsx.import_inventory(conn, workbook, agent="Fuzz")
            except inventory_xlsx.InventoryWorkbookError as exc:
                outcomes["refused"] += 1
                if _digest(path) != digest:
                    problems.append(f"{desc}: refused ({exc}) but the GeoPackage changed")
                if not str(exc).strip():
                    problems.append(f"{desc}: refused without a message")
                continue
            except Exception:  # noqa: BLE001 - the point of the test
                problems.append(f"{desc}: {traceback.format_exc(limit=-3)}")
                continue
            if conn.in_transaction:
                problems.append(f"{desc}: a transaction was left open")
            if not outcome.written:
                outcomes["rows refused" if outcome.problems else "unchanged"] += 1
                if _digest(path) != digest:
                    problems.append(f"{desc}: nothing written, but the GeoPackage changed")
                if outcome.problems and any(not p.expected for p in outcome.problems):
                    problems.append(f"{desc}: a problem without what was expected")
                continue
            outcomes["written"] += 1
            problems += [f"{desc}: {p}" for p in _written_exactly(
                outcome, before, _inventory_state(conn))]
            try:
                validate_gpkg_in_process(path)
            except AssertionError as exc:
                problems.append(f"{desc}: {exc}")
            conn.close()
            shutil.copy(template, path)
            conn = gpkg.connect(path)
    finally:
        conn.close()
    assert not problems, f"{len(problems)} of {len(cases)} variants failed:\n" + "\n".join(
        problems[:20])
    assert all(outcomes[k] for k in ("refused", "rows refused", "written")), outcomes
