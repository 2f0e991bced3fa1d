"""Demo flows: 22 pedestrian counters with three years of hourly counts (2022-2024), car parks
and on-street zones with occupancy, a small bus network (GTFS-like, imported through the GTFS
importer) with ridership, road counts, carpool places and trips, and the events whose impact
the demo measures (Christmas markets, braderies, sales).

The counts follow a daily cycle (a street profile per counter: shopping, commuter, evening),
a weekly cycle (busy Saturdays, quiet Sundays), public holidays (as quiet as a Sunday),
a yearly trend per centrality, the winter and summer sales, the Christmas market and the
braderie in the town centre, Poisson noise, and a few gaps (outages and empty hours). All drawn
from the seeded generator, vectorised: the step takes a few seconds.
"""

from __future__ import annotations

import datetime as dt
import uuid

import numpy as np
import pandas as pd

from ..ingest.importers.counts import insert_counts
from ..ingest.importers.framework import reproject
from ..ingest.importers.gtfs import import_gtfs
from ..ingest.sources.gtfs import GtfsFeed
from ..ingest.sources.report import ImportReport
from ..jobs.transit import hourly_departures
from ..store import geometry, gpkg, tables
from ..store.writers.bulk import insert_rows
from .territory import CENTRALITIES, SRS, STREETS, _uuid

START, END = "2022-01-01", "2024-12-31"
YEARS = (2022, 2023, 2024)
# centrality name → (number of counters, peak passages per hour, yearly trend, profiles)
COUNTERS = {
    "Centre-ville": (8, 900, 0.03, ("shopping", "shopping", "shopping", "evening", "shopping",
                                   "shopping", "commuter", "shopping")),
    "Quartier de la Gare": (4, 500, 0.01, ("commuter", "commuter", "evening", "commuter")),
    "Les Couronneries": (3, 220, -0.02, ("shopping", "commuter", "shopping")),
    "Zone commerciale Nord": (3, 450, -0.04, ("shopping", "shopping", "shopping")),
    "Bourg de Saint-Benoît": (2, 120, 0.02, ("shopping", "commuter")),
    "Buxerolles – Centre": (2, 140, 0.0, ("shopping", "commuter")),
}
HOURS = np.arange(24)
SHAPES = {
    "shopping": np.exp(-((HOURS - 15.5) ** 2) / 10.0) + 0.55 * np.exp(-((HOURS - 12) ** 2) / 2),
    "commuter": (np.exp(-((HOURS - 8) ** 2) / 1.2) + 0.9 * np.exp(-((HOURS - 18) ** 2) / 1.5)
                 + 0.3 * np.exp(-((HOURS - 13) ** 2) / 3)),
    "evening": np.exp(-((HOURS - 21) ** 2) / 6.0) + 0.4 * np.exp(-((HOURS - 14) ** 2) / 8),
}
WEEKDAY = {"shopping": (0.8, 0.9, 0.95, 0.95, 1.05, 1.45, 0.3),
           "commuter": (1.05, 1.05, 1.05, 1.05, 1.0, 0.6, 0.3),
           "evening": (0.7, 0.8, 1.0, 1.25, 1.4, 1.3, 0.45)}


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    wk = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wk) // 451
    month = (h + wk - 7 * m + 114) // 31
    day = (h + wk - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def public_holidays(years=YEARS) -> list:
    out = []
    for y in years:
        e = _easter(y)
        out += [dt.date(y, 1, 1), e + dt.timedelta(days=1), dt.date(y, 5, 1), dt.date(y, 5, 8),
                e + dt.timedelta(days=39), e + dt.timedelta(days=50), dt.date(y, 7, 14),
                dt.date(y, 8, 15), dt.date(y, 11, 1), dt.date(y, 11, 11), dt.date(y, 12, 25)]
    return sorted(out)


def _weekday_on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


def demo_events(year: int) -> list:
    """(event_id, name, kind, start, end) of the town centre in ``year``."""
    winter = _weekday_on_or_after(dt.date(year, 1, 8), 2)
    summer = _weekday_on_or_after(dt.date(year, 6, 22), 2)
    braderie = _weekday_on_or_after(dt.date(year, 9, 1), 5)
    noel = _weekday_on_or_after(dt.date(year, 11, 24), 4)
    return [
        (f"soldes-hiver-{year}", f"Soldes d'hiver {year}", "sales", winter,
         winter + dt.timedelta(days=27)),
        (f"soldes-ete-{year}", f"Soldes d'été {year}", "sales", summer,
         summer + dt.timedelta(days=27)),
        (f"braderie-{year}", f"Grande braderie {year}", "braderie", braderie,
         braderie + dt.timedelta(days=1)),
        (f"noel-{year}", f"Marché de Noël {year}", "christmas_market", noel,
         dt.date(year, 12, 24)),
    ]


def _uuids(rng, n: int) -> list:
    """``n`` version-4 uuids drawn from the seeded generator (deterministic)."""
    raw = rng.bytes(16 * n)
    return [str(uuid.UUID(bytes=raw[16 * i:16 * i + 16], version=4)) for i in range(n)]


def _cent_frame(conn):
    rows = tables.rows(conn, "centralities", ["uuid", "name", "commune_code", "geom"])
    return {r["name"]: r for r in rows}


def _random_points(rng, cx, cy, rx, ry, n, spread=0.55):
    angle = rng.uniform(0, 2 * np.pi, n)
    radius = spread * np.sqrt(rng.uniform(0.05, 1.0, n))
    return np.column_stack([cx + rx * radius * np.cos(angle), cy + ry * radius * np.sin(angle)])


def _factor_by_day(days: pd.DatetimeIndex, events: list) -> dict:
    """Daily multipliers: holidays (→ Sunday), sales, braderie, Christmas market."""
    d = days.date
    hol = np.isin(d, public_holidays())
    sales = np.zeros(len(days), bool)
    braderie = np.zeros(len(days), bool)
    noel = np.zeros(len(days), bool)
    for _id, _name, kind, start, end in events:
        inside = (d >= start) & (d <= end)
        if kind == "sales":
            sales |= inside
        elif kind == "braderie":
            braderie |= inside
        else:
            noel |= inside
    return {"holiday": hol, "sales": sales, "braderie": braderie, "noel": noel}


def build(conn, rng) -> None:
    """Add the demo flows (inside the caller's transaction)."""
    cents = _cent_frame(conn)
    stamp = gpkg.now_iso()
    events = [e for y in YEARS for e in demo_events(y)]
    centre_uuid = cents["Centre-ville"]["uuid"]
    tables.insert(
        conn, "events", ["uuid", "event_id", "name", "centrality_uuid", "start_date", "end_date",
                         "kind"],
        [(_uuid(rng), eid, name, centre_uuid, s.isoformat(), e.isoformat(), kind)
         for eid, name, kind, s, e in events])
    gpkg.touch(conn, "events")
    _counters(conn, rng, cents, events, stamp)
    _parkings(conn, rng, cents, events, stamp)
    _network(conn, rng, cents, events)
    _road_and_carpool(conn, rng, cents, stamp)


def _counters(conn, rng, cents, events, stamp):
    local = pd.date_range(f"{START} 00:00", f"{END} 23:00", freq="h", tz="Europe/Paris")
    utc = local.tz_convert("UTC")
    naive = local.tz_localize(None)
    days = naive.normalize()
    day_index, uniq_days = pd.factorize(days)
    uniq_days = pd.DatetimeIndex(uniq_days)
    factors = _factor_by_day(uniq_days, events)
    weekday = uniq_days.dayofweek.to_numpy()
    years = (uniq_days.year.to_numpy() - YEARS[0]) + uniq_days.dayofyear.to_numpy() / 365.0
    hour = naive.hour.to_numpy()
    offset = ((naive - utc.tz_localize(None)) / pd.Timedelta(minutes=1)).to_numpy()
    n = len(local)
    site_rows, channel_rows, frames = [], [], []
    number = 0
    specs = {c[0]: c for c in CENTRALITIES}
    for cname, (count, peak, trend, profiles) in COUNTERS.items():
        _n, _level, cx, cy, rx, ry, *_ = specs[cname]
        xy = _random_points(rng, cx, cy, rx, ry, count)
        for k in range(count):
            number += 1
            profile = profiles[k]
            site_id, channel_id = f"DEMO-S{number:02d}", f"DEMO-C{number:02d}"
            street = STREETS[(number * 7) % len(STREETS)]
            site_uuid = _uuid(rng)
            site_rows.append((site_uuid, geometry.encode_point(xy[k, 0], xy[k, 1], SRS), site_id,
                              f"{street} ({cname})", street, "demo", stamp))
            channel_rows.append((_uuid(rng), channel_id, site_uuid, "PEDESTRIAN",
                                 "PASSIVE INFRARED", "PERMANENT", 3600.0, "demo", stamp))
            day_f = np.asarray(WEEKDAY[profile])[weekday]
            day_f = np.where(factors["holiday"], WEEKDAY[profile][6] * 1.2, day_f)
            day_f = day_f * (1 + trend) ** years
            if cname == "Centre-ville":
                day_f = day_f * np.where(factors["sales"], 1.2, 1.0)
                day_f = day_f * np.where(factors["noel"], 1.35, 1.0)
                day_f = day_f * np.where(factors["braderie"], 2.2, 1.0)
            elif profile == "shopping":
                day_f = day_f * np.where(factors["sales"], 1.1, 1.0)
            level = peak * rng.uniform(0.6, 1.3)
            shape = SHAPES[profile] / SHAPES[profile].max()
            mean = level * shape[hour] * day_f[day_index] + 0.5
            counts = rng.poisson(mean).astype(float)
            counts[rng.random(n) < 0.0002] = np.nan  # isolated empty hours
            if number % 6 == 1:  # an outage of 4 to 12 days
                first = int(rng.integers(200, n - 400))
                counts[first:first + 24 * int(rng.integers(4, 13))] = np.nan
            frames.append(pd.DataFrame({"channel_id": channel_id, "start_utc": utc,
                                        "utc_offset_min": offset, "duration_s": 3600.0,
                                        "count": counts}))
    insert_rows(conn, "counting_sites", ["uuid", "geom", "site_id", "name", "street", "source",
                                     "imported_at"], site_rows)
    insert_rows(conn, "counting_channels", ["uuid", "channel_id", "site_uuid", "mobility_type",
                                        "counter_type", "temporality", "time_step_s", "source",
                                        "imported_at"], channel_rows)
    uuids = {r[1]: r[0] for r in channel_rows}
    measures = pd.concat(frames, ignore_index=True)
    # drop a few rows entirely (missing rows are gaps too)
    drop = rng.random(len(measures)) < 0.00005
    insert_counts(conn, measures.loc[~drop], uuids, None, None)


PARKS = [  # name, centrality, dx, dy (m from its centre), capacity, kind, base rate, peak hour
    ("Parking Notre-Dame", "Centre-ville", 120, -80, 620, "off_street", 0.62, 15),
    ("Parking Hôtel de Ville", "Centre-ville", -180, 60, 380, "off_street", 0.70, 11),
    ("Parking Carnot", "Centre-ville", 240, 150, 450, "off_street", 0.55, 15),
    ("Parking de la Gare Toumaï", "Quartier de la Gare", 40, -30, 900, "off_street", 0.78, 10),
    ("Parking Nord", "Zone commerciale Nord", 0, 0, 1200, "off_street", 0.45, 16),
    ("Zone rouge hypercentre", "Centre-ville", -40, 20, 260, "on_street", 0.82, 11),
    ("Zone verte Gare", "Quartier de la Gare", -60, 40, 180, "on_street", 0.74, 9),
]


def _parkings(conn, rng, cents, events, stamp):
    specs = {c[0]: c for c in CENTRALITIES}
    rows, series = [], []
    local = pd.date_range(f"{START} 08:00", f"{END} 19:00", freq="h", tz="Europe/Paris")
    local = local[(local.hour >= 8) & (local.hour <= 19)]
    naive = local.tz_localize(None)
    utc_text = local.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ").tolist()
    local_text = naive.strftime("%Y-%m-%dT%H:%M:%S").tolist()
    offset = ((naive - local.tz_convert("UTC").tz_localize(None))
              / pd.Timedelta(minutes=1)).to_numpy().astype(int)
    days = naive.normalize()
    f = _factor_by_day(pd.DatetimeIndex(days), events)
    wd = days.dayofweek.to_numpy()
    for i, (name, cname, dx, dy, cap, kind, base, peak) in enumerate(PARKS):
        _n, _l, cx, cy, *_ = specs[cname]
        uid = _uuid(rng)
        # off-street car parks carry what the stationnement schema requires: open to all, paying
        off = kind == "off_street"
        rows.append((uid, geometry.encode_point(cx + dx, cy + dy, SRS), f"86194-P-{i + 1:03d}",
                     name, kind, "86194", cap, "tous" if off else None, 0 if off else None,
                     "demo", stamp))
        hour_f = 0.55 + 0.45 * np.exp(-((naive.hour.to_numpy() - peak) ** 2) / 8.0)
        day_f = np.where(wd == 5, 1.15, np.where(wd == 6, 0.45, 1.0))
        day_f = np.where(f["holiday"], 0.45, day_f)
        if cname == "Centre-ville":
            day_f = day_f * np.where(f["noel"], 1.18, 1.0) * np.where(f["braderie"], 1.3, 1.0)
        rate = np.clip(base * hour_f * day_f + rng.normal(0, 0.04, len(naive)), 0, 1)
        occupied = np.round(rate * cap)
        payments = np.round(occupied * 0.6) if kind == "on_street" else np.full(len(naive), None)
        series.append(list(zip(_uuids(rng, len(naive)), [uid] * len(naive), utc_text,
                               local_text, offset.tolist(), [float(cap)] * len(naive),
                               occupied.tolist(), (occupied / cap).tolist(), list(payments))))
    insert_rows(conn, "parkings", ["uuid", "geom", "parking_id", "name", "kind", "insee_code",
                               "capacity", "users", "free_of_charge", "source", "imported_at"],
            rows)
    insert_rows(conn, "parking_occupancy", ["uuid", "parking_uuid", "time_utc", "time_local",
                                        "utc_offset_min", "capacity", "occupied",
                                        "occupancy_rate", "payments"],
                (r for s in series for r in s))


LINES = [  # route id, short name, from centrality, to centrality, stops, headway (min)
    ("L1", "1", "Quartier de la Gare", "Zone commerciale Nord", 9, 10),
    ("L2", "2", "Bourg de Saint-Benoît", "Les Couronneries", 9, 15),
    ("L3", "3", "Quartier de la Gare", "Buxerolles – Centre", 8, 20),
    ("L4", "4", "Centre-ville", "Bourg de Saint-Benoît", 6, 30),
]


def _network(conn, rng, cents, events):
    specs = {c[0]: c for c in CENTRALITIES}
    stops, trips, stop_times, routes = [], [], [], []
    centre = specs["Centre-ville"]
    for rid, short, a, b, n_stops, headway in LINES:
        ax, ay = specs[a][2], specs[a][3]
        bx, by = specs[b][2], specs[b][3]
        t = np.linspace(0, 1, n_stops)
        bend = np.sin(np.pi * t)[:, None] * (np.array([centre[2], centre[3]])
                                              - (np.array([ax, ay]) + np.array([bx, by])) / 2)
        xy = np.column_stack([ax + (bx - ax) * t, ay + (by - ay) * t]) + 0.8 * bend
        ids = [f"{rid}-{k:02d}" for k in range(n_stops)]
        for k, sid in enumerate(ids):
            stops.append((sid, f"Arrêt {short}.{k + 1}", xy[k, 0], xy[k, 1]))
        routes.append((rid, short, f"Ligne {short}"))
        for service, first, last, step in (("SEM", 6 * 60, 21 * 60, headway),
                                           ("SAM", 7 * 60, 20 * 60, headway * 2),
                                           ("DIM", 9 * 60, 19 * 60, headway * 3)):
            for direction, order in ((0, ids), (1, ids[::-1])):
                for start in range(first, last, step):
                    tid = f"{rid}-{service}-{direction}-{start}"
                    trips.append((rid, service, tid, direction))
                    for seq, sid in enumerate(order):
                        s = (start + 2 * seq) * 60
                        stop_times.append((tid, s, s, sid, seq))
    lon, lat = reproject([s[2] for s in stops], [s[3] for s in stops], SRS, 4326)
    st = pd.DataFrame(stop_times, columns=["trip_id", "arrival_s", "departure_s", "stop_id",
                                           "stop_sequence"])
    st["pickup_type"] = 0
    cal = pd.DataFrame({"service_id": ["SEM", "SAM", "DIM"],
                        **{d: [int(i < 5), int(i == 5), int(i == 6)] for i, d in enumerate(
                            ("monday", "tuesday", "wednesday", "thursday", "friday",
                             "saturday", "sunday"))},
                        "start_date": pd.Timestamp(START), "end_date": pd.Timestamp(END)})
    feed = GtfsFeed(
        agency=pd.DataFrame({"agency_name": ["Réseau démo"]}),
        stops=pd.DataFrame({"stop_id": [s[0] for s in stops], "stop_code": None,
                            "stop_name": [s[1] for s in stops], "stop_lat": lat,
                            "stop_lon": lon, "location_type": 0, "parent_station": None}),
        routes=pd.DataFrame({"route_id": [r[0] for r in routes],
                             "route_short_name": [r[1] for r in routes],
                             "route_long_name": [r[2] for r in routes], "route_type": 3}),
        trips=pd.DataFrame(trips, columns=["route_id", "service_id", "trip_id", "direction_id"]),
        stop_times=st, calendar=cal,
        calendar_dates=pd.DataFrame({"service_id": pd.Series(dtype=object),
                                     "date": pd.Series(dtype="datetime64[ns]"),
                                     "exception_type": pd.Series(dtype=int)}),
        report=ImportReport("demo network"))
    import_gtfs(conn, "reseau-demo.zip", count_departures=hourly_departures,
                name="Réseau démo", feed=feed, typical=True,
                dates=["2024-06-15"], uuid_factory=lambda: _uuid(rng))
    # ridership: daily boardings per stop, busier near the town centre and during its events
    stop_rows = tables.points(conn, "transit_stops", ["uuid"])
    days = pd.date_range(START, END, freq="D")
    f = _factor_by_day(days, events)
    wd = days.dayofweek.to_numpy()
    day_f = np.where(wd == 5, 0.7, np.where(wd == 6, 0.3, 1.0))
    day_f = np.where(f["holiday"], 0.3, day_f)
    dist = np.hypot(stop_rows["x"] - centre[2], stop_rows["y"] - centre[3]).to_numpy()
    rows = []
    for k, uid in enumerate(stop_rows["uuid"]):
        level = 60 + 900 * np.exp(-dist[k] / 700)
        event_f = np.where(f["noel"] | f["braderie"], 1.25, 1.0) if dist[k] < 900 else 1.0
        board = rng.poisson(level * day_f * event_f).astype(float)
        board[rng.random(len(days)) < 0.01] = np.nan
        alight = np.round(board * rng.uniform(0.9, 1.1))
        for d, b, a in zip(days.strftime("%Y-%m-%d"), board, alight):
            if b == b:
                rows.append((_uuid(rng), uid, d, "day", b, a))
    insert_rows(conn, "transit_ridership", ["uuid", "stop_uuid", "date", "period", "boardings",
                                        "alightings"], rows)


ROAD_POINTS = [("Centre-ville", 500, 0, 14500, 0.05, "boulevard Solférino"),
               ("Centre-ville", -450, 300, 11800, 0.04, "boulevard du Grand Cerf"),
               ("Quartier de la Gare", 200, -150, 9800, 0.06, "avenue de Nantes"),
               ("Zone commerciale Nord", 600, 300, 26500, 0.09, "route de Paris"),
               ("Zone commerciale Nord", -500, -250, 18800, 0.08, "RN 147"),
               ("Les Couronneries", 250, 200, 8200, 0.04, "avenue de la Libération"),
               ("Bourg de Saint-Benoît", 200, -100, 6100, 0.05, "route de Ligugé"),
               ("Buxerolles – Centre", -150, 150, 7400, 0.05, "rue de la Mairie")]
CARPOOL = [("86194-C-001", "Aire de covoiturage Poitiers Sud", "Zone commerciale Nord", 700,
            -500, "Aire de covoiturage", 60),
           ("86214-C-001", "Parking relais Saint-Benoît", "Bourg de Saint-Benoît", 300, 200,
            "Parking relais", 40),
           ("86041-C-001", "Covoiturage Buxerolles Mairie", "Buxerolles – Centre", -200, -150,
            "Parking", 25),
           ("86194-C-002", "Parking relais Gare", "Quartier de la Gare", 150, 180,
            "Parking relais", 35)]
TRIPS = [("86214", "86194", 85), ("86041", "86194", 70), ("86194", "86214", 80),
         ("86194", "86041", 65)]


def _road_and_carpool(conn, rng, cents, stamp):
    specs = {c[0]: c for c in CENTRALITIES}
    rows = []
    for k, (cname, dx, dy, aadt, heavy, road) in enumerate(ROAD_POINTS):
        _n, _l, cx, cy, *_ = specs[cname]
        geom = geometry.encode_point(cx + dx, cy + dy, SRS)
        for j, year in enumerate(YEARS):
            rows.append((_uuid(rng), geom, f"DEMO-R{k + 1:02d}", str(year), road, road,
                         round(aadt * (1 + rng.normal(0.0, 0.03)) * (0.99 ** j)),
                         round(heavy + rng.normal(0, 0.005), 3), "demo", stamp))
    insert_rows(conn, "road_traffic", ["uuid", "geom", "point_id", "period", "name", "road",
                                   "daily_traffic", "heavy_share", "source", "imported_at"], rows)
    rows = []
    for pid, name, cname, dx, dy, kind, places in CARPOOL:
        _n, _l, cx, cy, *_ = specs[cname]
        rows.append((_uuid(rng), geometry.encode_point(cx + dx, cy + dy, SRS), pid, name,
                     pid[:5], kind, "2024-03-01", 1, places, "demo", stamp))
    insert_rows(conn, "carpool_areas", ["uuid", "geom", "place_id", "name", "insee_code",
                                    "place_type", "updated_on", "is_open", "places", "source",
                                    "imported_at"], rows)
    days = pd.date_range(START, END, freq="D")
    wd = days.dayofweek.to_numpy()
    rows = []
    for origin, dest, level in TRIPS:
        growth = 1.12 ** ((days.year.to_numpy() - YEARS[0]) + days.dayofyear.to_numpy() / 365)
        n = rng.poisson(level * growth * np.where(wd < 5, 1.0, 0.15))
        rows += [(_uuid(rng), d, origin, dest, float(v))
                 for d, v in zip(days.strftime("%Y-%m-%d"), n)]
    insert_rows(conn, "carpool_trips", ["uuid", "date", "origin_insee", "destination_insee",
                                    "trips"], rows)
