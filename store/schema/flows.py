"""Schema v7: the flow tables (counters, parking, public transport, road traffic, carpooling,
events).

Conventions of the socle: ``fid`` + ``uuid`` in every table, relations through ``*_uuid``
columns, coded values as GeoPackage field domains. Source identifiers (``site_id``,
``channel_id``, ``parking_id``, GTFS ``stop_id``…) are unique keys, which makes every import
idempotent: re-importing a file adds nothing.

``counts`` can hold millions of rows. Its ``uuid`` is not random: it is derived from the
channel and the start instant (see :func:`count_uuid_sql`), so the same measure always gets the
same uuid, and the unique index grows in time order per channel. Times are stored as
GeoPackage DATETIME in UTC (``start_utc``) with the local offset in minutes; ``start_local`` is
the wall-clock time at the counter (text, ``YYYY-MM-DDTHH:MM:SS``). ``count`` NULL means *no
data*, 0 means *nobody passed*.
"""

from __future__ import annotations

from ...i18n import tr
from .. import gpkg

UUID = "uuid TEXT NOT NULL UNIQUE"
SCHEMA_VERSION = 7

PARKING_KINDS = [("off_street", "Parc de stationnement (hors voirie)"),
                 ("on_street", "Stationnement sur voirie (zone)")]
TEMPORALITIES = [("PERMANENT", "Permanent"), ("TEMPORARY", "Temporaire")]
EVENT_KINDS = [("market", "Marché"), ("christmas_market", "Marché de Noël"),
               ("braderie", "Braderie"), ("sales", "Soldes"), ("festival", "Festival, fête"),
               ("sport", "Événement sportif"), ("works", "Travaux"),
               ("closure", "Fermeture, restriction d'accès"), ("other", "Autre")]
CARPOOL_PLACE_TYPES = [(t, t) for t in (
    "Aire de covoiturage", "Sortie d'autoroute", "Parking", "Supermarché", "Parking relais",
    "Délaissé routier", "Auto-stop")]
SERVICE_DAY_KINDS = [("date", "Date choisie"), ("typical_weekday", "Jour ouvré type")]

# (table, geometry type or None, columns after fid/geom, description)
TABLES = [
    ("counting_sites", "POINT",
     f"{UUID}, site_id TEXT NOT NULL UNIQUE, parent_site_id TEXT, name TEXT NOT NULL, "
     "insee_code TEXT, infrastructure_type TEXT, external_ids TEXT, street TEXT, "
     "centrality_uuid TEXT, source TEXT, imported_at DATETIME NOT NULL",
     "Counting sites (comptage des mobilités); centrality_uuid forces the assignment"),
    ("counting_channels", None,
     f"{UUID}, channel_id TEXT NOT NULL UNIQUE, site_uuid TEXT NOT NULL, mobility_type TEXT, "
     "direction TEXT, direction_name TEXT, counter_type TEXT, "
     "temporality TEXT CHECK (temporality IS NULL OR temporality IN "
     "('PERMANENT', 'TEMPORARY')), started_at DATETIME, ended_at DATETIME, "
     "time_step_s REAL CHECK (time_step_s IS NULL OR time_step_s > 0), data_provider TEXT, "
     "source TEXT, imported_at DATETIME NOT NULL",
     "Counting channels: one counted direction and mode of a site"),
    ("counts", None,
     f"{UUID}, channel_uuid TEXT NOT NULL, start_utc DATETIME NOT NULL, "
     "start_local TEXT NOT NULL, utc_offset_min INTEGER NOT NULL, "
     "duration_s REAL CHECK (duration_s IS NULL OR duration_s > 0), "
     "count REAL CHECK (count IS NULL OR count >= 0), "
     "UNIQUE (channel_uuid, start_utc)",
     "Measures: passages per channel and time step (NULL = no data, 0 = nobody passed)"),
    ("parkings", "POINT",
     f"{UUID}, parking_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
     "kind TEXT NOT NULL DEFAULT 'off_street' CHECK (kind IN ('off_street', 'on_street')), "
     "insee_code TEXT, address TEXT, capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0), "
     "users TEXT, free_of_charge INTEGER, pmr_places INTEGER, ev_places INTEGER, "
     "carpool_places INTEGER, max_height_cm INTEGER, fee_1h REAL, fee_2h REAL, fee_24h REAL, "
     "structure TEXT, centrality_uuid TEXT, source TEXT, imported_at DATETIME NOT NULL",
     "Car parks (stationnement schema) and on-street parking zones"),
    ("parking_occupancy", None,
     f"{UUID}, parking_uuid TEXT NOT NULL, time_utc DATETIME NOT NULL, time_local TEXT NOT NULL, "
     "utc_offset_min INTEGER NOT NULL, capacity REAL NOT NULL CHECK (capacity > 0), "
     "occupied REAL CHECK (occupied IS NULL OR occupied >= 0), "
     "occupancy_rate REAL CHECK (occupancy_rate IS NULL OR occupancy_rate >= 0), "
     "payments REAL CHECK (payments IS NULL OR payments >= 0), "
     "UNIQUE (parking_uuid, time_utc)",
     "Parking occupancy time series (rate 0-1) and on-street payment counts"),
    ("transit_feeds", None,
     f"{UUID}, name TEXT NOT NULL UNIQUE, file TEXT, agency TEXT, valid_from DATE, "
     "valid_to DATE, imported_at DATETIME NOT NULL, defects INTEGER NOT NULL DEFAULT 0",
     "Imported public transport feeds (GTFS)"),
    ("transit_stops", "POINT",
     f"{UUID}, feed_uuid TEXT NOT NULL, stop_id TEXT NOT NULL, stop_code TEXT, name TEXT, "
     "location_type INTEGER, parent_stop_id TEXT, UNIQUE (feed_uuid, stop_id)",
     "Public transport stops (GTFS stops.txt)"),
    ("transit_routes", None,
     f"{UUID}, feed_uuid TEXT NOT NULL, route_id TEXT NOT NULL, short_name TEXT, "
     "long_name TEXT, route_type INTEGER, UNIQUE (feed_uuid, route_id)",
     "Public transport routes (GTFS routes.txt)"),
    ("transit_service", None,
     f"{UUID}, stop_uuid TEXT NOT NULL, service_date DATE NOT NULL, "
     "day_kind TEXT NOT NULL DEFAULT 'date' CHECK (day_kind IN ('date', 'typical_weekday')), "
     "hour INTEGER NOT NULL CHECK (hour >= 0), departures INTEGER NOT NULL "
     "CHECK (departures >= 0), routes INTEGER, UNIQUE (stop_uuid, service_date, hour)",
     "Departures per stop and hour of the service day (GTFS, computed at import)"),
    ("transit_ridership", None,
     f"{UUID}, stop_uuid TEXT NOT NULL, date DATE NOT NULL, period TEXT NOT NULL DEFAULT 'day', "
     "boardings REAL CHECK (boardings IS NULL OR boardings >= 0), "
     "alightings REAL CHECK (alightings IS NULL OR alightings >= 0), "
     "UNIQUE (stop_uuid, date, period)",
     "Ridership per stop: boardings and alightings per day or period of the day"),
    ("road_traffic", "POINT",
     f"{UUID}, point_id TEXT NOT NULL, period TEXT NOT NULL, name TEXT, road TEXT, "
     "daily_traffic REAL CHECK (daily_traffic IS NULL OR daily_traffic >= 0), "
     "heavy_share REAL CHECK (heavy_share IS NULL OR (heavy_share >= 0 AND heavy_share <= 1)), "
     "source TEXT, imported_at DATETIME NOT NULL, UNIQUE (point_id, period)",
     "Road traffic count points: average daily traffic (vehicles/day) and heavy-vehicle share"),
    ("carpool_areas", "POINT",
     f"{UUID}, place_id TEXT NOT NULL UNIQUE, local_id TEXT, name TEXT NOT NULL, address TEXT, "
     "commune TEXT, insee_code TEXT, place_type TEXT, updated_on DATE, is_open INTEGER, "
     "places INTEGER, pmr_places INTEGER, lit INTEGER, owner TEXT, source TEXT, "
     "imported_at DATETIME NOT NULL",
     "Carpool places (Base nationale des lieux de covoiturage)"),
    ("carpool_trips", None,
     f"{UUID}, date DATE NOT NULL, origin_insee TEXT NOT NULL, destination_insee TEXT NOT NULL, "
     "trips REAL NOT NULL CHECK (trips >= 0), UNIQUE (date, origin_insee, destination_insee)",
     "Carpool trips per day between communes (INSEE codes)"),
    ("events", None,
     f"{UUID}, event_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, centrality_uuid TEXT, "
     "start_date DATE NOT NULL, end_date DATE NOT NULL, kind TEXT NOT NULL DEFAULT 'other', "
     "notes TEXT, CHECK (end_date >= start_date)",
     "Events (markets, braderies, sales…) whose impact on flows is measured"),
]

INDEXES = [
    "CREATE INDEX idx_counting_channels_site ON counting_channels (site_uuid)",
    "CREATE INDEX idx_parking_occupancy_parking ON parking_occupancy (parking_uuid)",
    "CREATE INDEX idx_transit_stops_feed ON transit_stops (feed_uuid)",
    "CREATE INDEX idx_transit_service_date ON transit_service (service_date, day_kind)",
    "CREATE INDEX idx_transit_ridership_date ON transit_ridership (date)",
    "CREATE INDEX idx_carpool_trips_origin ON carpool_trips (origin_insee)",
    "CREATE INDEX idx_carpool_trips_destination ON carpool_trips (destination_insee)",
    "CREATE INDEX idx_events_centrality ON events (centrality_uuid)",
]
# counts: UNIQUE (channel_uuid, start_utc) already indexes reads per channel and time.

FLOW_TABLES = [t[0] for t in TABLES]


def migrate_v7(conn, srs_id: int) -> None:
    """Create the flow tables, indexes and domains (inside the caller's transaction)."""
    gpkg.create_tables(conn, TABLES, INDEXES, srs_id=srs_id, if_missing=True)
    gpkg.set_enum_domains(conn, (
        ("parking_kind", PARKING_KINDS, (("parkings", "kind"),)),
        ("channel_temporality", TEMPORALITIES, (("counting_channels", "temporality"),)),
        ("event_kind", EVENT_KINDS, (("events", "kind"),)),
        ("carpool_place_type", CARPOOL_PLACE_TYPES, (("carpool_areas", "place_type"),)),
        ("service_day_kind", SERVICE_DAY_KINDS, (("transit_service", "day_kind"),))))


class FlowSchemaError(ValueError):
    """The GeoPackage predates the flow tables."""


def require_flows(conn) -> None:
    if not gpkg.table_exists(conn, "counts"):
        raise FlowSchemaError(tr("this GeoPackage has no flow tables (schema v7): open it with "
                                 "the plugin to upgrade it first"))


def count_uuid_sql(prefix_param: str = "?", epoch_param: str = "?") -> str:
    """SQL expression of a count's uuid from the channel uuid's first 12 hex digits and the
    start instant (UNIX seconds): ``pppppppp-pppp-8ttt-8ttt-tttttttttttt`` (an RFC 9562
    version 8 uuid: deterministic, time-ordered within a channel)."""
    t = f"({epoch_param} + 1099511627776)"  # + 2^40: never negative
    return (f"printf('%s-%s-8%03x-8%03x-%012x', substr({prefix_param}, 1, 8), "
            f"substr({prefix_param}, 9, 4), ({t} >> 60) & 4095, ({t} >> 48) & 4095, "
            f"{t} & 281474976710655)")
