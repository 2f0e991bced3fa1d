"""Mobility job: parking, public transport, road traffic and carpooling per centrality and
period, read from the socle; formulas in :mod:`analysis.mobility` and :mod:`analysis.transit`.

What serves a centrality (:func:`jobs.zones.assign_points`): car parks and on-street zones
declared for it, inside it or within the parking distance; stops within walking distance; road
count points and carpool places within their distances; carpool trips whose origin or
destination is the centrality's commune. Departures per hour are those of the service day
(the latest typical weekday imported) from 07:00 to 19:00, per hour. Without any data of a
kind in the GeoPackage (no car park, no stop), its counts are left empty, not 0; with data, a
centrality served by none counts 0.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..analysis import mobility as formulas
from ..analysis import transit
from ..i18n import tr
from ..store import readers
from ..store.readers import flows as flow_readers
from ..store.schema.flows import require_flows
from .common import Checkpoint, check
from .footfall import FlowAnalysisError
from .zones import with_centrality

MOBILITY_ALG = "observatoire:mobility_by_centrality"
#: Departures per hour are counted over these hours of the service day [start, end).
TRANSIT_HOURS = (7, 19)
MOBILITY_COLUMNS = [
    "centrality_uuid", "centrality", "period",
    "parkings", "parking_capacity", "parking_occupancy_rate", "parking_peak_hour",
    "parking_peak_rate", "onstreet_zones", "onstreet_capacity", "onstreet_occupancy_rate",
    "onstreet_peak_hour", "onstreet_payments_daily",
    "transit_stops", "transit_service_date", "transit_departures_day",
    "transit_departures_per_hour", "transit_peak_hour", "transit_peak_departures",
    "transit_boardings_daily",
    "road_points", "road_daily_traffic", "road_heavy_share",
    "carpool_places_count", "carpool_places", "carpool_trips_daily",
]
PARKING_COLUMNS = [c for c in MOBILITY_COLUMNS if c.startswith(("parking_", "onstreet_"))
                   and c not in ("parking_capacity", "onstreet_capacity")]
TRANSIT_COLUMNS = ["centrality_uuid", "transit_service_date", "transit_departures_day",
                   "transit_departures_per_hour", "transit_peak_hour", "transit_peak_departures"]
KINDS = (("off_street", "parking"), ("on_street", "onstreet"))


def _period_of(values: pd.Series, kind: str) -> pd.Series:
    t = pd.to_datetime(values)
    if kind == "year":
        return t.dt.strftime("%Y")
    if kind == "month":
        return t.dt.strftime("%Y-%m")
    return pd.Series("all", index=values.index)


def _parking(conn, cents, distance, kind_period, hours):
    parks = flow_readers.parkings(conn)
    if parks.empty:
        return pd.DataFrame(columns=["centrality_uuid", "period"]), parks
    parks = with_centrality(parks, cents, distance)
    occ = flow_readers.parking_occupancy(conn)
    occ = occ.merge(parks[["uuid", "kind", "centrality_uuid"]], left_on="parking_uuid",
                    right_on="uuid").dropna(subset=["centrality_uuid"])
    rows = []
    if not occ.empty:
        t = pd.to_datetime(occ["time_local"])
        occ["hour"] = t.dt.hour
        occ["date"] = t.dt.normalize()
        occ["period"] = _period_of(occ["time_local"], kind_period)
        for (cent, period), g in occ.groupby(["centrality_uuid", "period"]):
            row = {"centrality_uuid": cent, "period": period}
            for kind, prefix in KINDS:
                k = g[g["kind"] == kind]
                if not (k["occupied"].notna() & k["hour"].isin(list(hours))).any():
                    continue
                rate = formulas.occupancy(k, hours)
                row[f"{prefix}_occupancy_rate"] = rate["occupancy_rate"]
                row[f"{prefix}_peak_hour"] = rate["peak_hour"]
                if prefix == "parking":
                    row["parking_peak_rate"] = rate["peak_rate"]
            pay = g[g["kind"] == "on_street"]
            if pay["payments"].notna().any():
                row["onstreet_payments_daily"] = formulas.mean_of_daily_sums(pay, "payments")
            rows.append(row)
    return pd.DataFrame(rows, columns=["centrality_uuid", "period"] + PARKING_COLUMNS), parks


def _transit(conn, cents, walk, day_kind):
    stops = flow_readers.transit_stops(conn)
    if stops.empty:
        return pd.DataFrame(columns=["centrality_uuid"]), stops
    stops = with_centrality(stops, cents, walk, declared=None).dropna(
        subset=["centrality_uuid"])
    date = flow_readers.service_date(conn, day_kind)
    svc = flow_readers.transit_service(conn, date)
    svc = svc.merge(stops[["uuid", "centrality_uuid"]], left_on="stop_uuid", right_on="uuid")
    if svc.empty:
        return pd.DataFrame(columns=TRANSIT_COLUMNS), stops
    per_hour = transit.departures_per_hour(svc, by="centrality_uuid", count="departures")
    day = transit.daily_departures(per_hour, by="centrality_uuid")
    span = transit.departures_per_period(svc, by="centrality_uuid",
                                         periods={"day": TRANSIT_HOURS}, count="departures")
    day = day.merge(span[["centrality_uuid", "per_hour"]], on="centrality_uuid")
    table = pd.DataFrame({
        "centrality_uuid": day["centrality_uuid"], "transit_service_date": date,
        "transit_departures_day": day["departures_day"].astype(int),
        "transit_departures_per_hour": day["per_hour"].astype(float),
        "transit_peak_hour": day["peak_hour"].astype(int),
        "transit_peak_departures": day["peak_departures"].astype(int)})
    return table[TRANSIT_COLUMNS], stops


def _ridership(conn, stops, period):
    rid = flow_readers.ridership(conn)
    out = pd.DataFrame(columns=["centrality_uuid", "period", "transit_boardings_daily"])
    if rid.empty or stops.empty:
        return out
    rid = rid.merge(stops[["uuid", "centrality_uuid"]], left_on="stop_uuid", right_on="uuid")
    rid["period"] = _period_of(rid["date"], period)
    rows = [{"centrality_uuid": cent, "period": per,
             "transit_boardings_daily": formulas.mean_of_daily_sums(g, "boardings")}
            for (cent, per), g in rid.groupby(["centrality_uuid", "period"])]
    return pd.DataFrame(rows, columns=out.columns)


def _road(conn, cents, distance, period):
    road = flow_readers.road_traffic(conn).rename(columns={"period": "data_period"})
    out = pd.DataFrame(columns=["centrality_uuid", "period", "road_points",
                                "road_daily_traffic", "road_heavy_share"])
    if road.empty:
        return out
    road = with_centrality(road, cents, distance, declared=None).dropna(
        subset=["centrality_uuid"])
    road["period"] = (road["data_period"].str.slice(0, 4) if period == "year" else
                      road["data_period"].str.slice(0, 7) if period == "month" else "all")
    rows = [{"centrality_uuid": cent, "period": per, "road_points": g["point_id"].nunique(),
             "road_daily_traffic": formulas.mean_daily_traffic(g["daily_traffic"]),
             "road_heavy_share": formulas.heavy_vehicle_share(g["daily_traffic"],
                                                              g["heavy_share"])}
            for (cent, per), g in road.groupby(["centrality_uuid", "period"])]
    return pd.DataFrame(rows, columns=out.columns)


def _carpool(conn, cents, distance, communes, period):
    places = flow_readers.carpool_areas(conn)
    place_rows = pd.DataFrame(columns=["centrality_uuid", "carpool_places_count",
                                       "carpool_places"])
    if not places.empty:
        places = with_centrality(places, cents, distance, declared=None).dropna(
            subset=["centrality_uuid"])
        place_rows = places.groupby("centrality_uuid").agg(
            carpool_places_count=("place_id", "size"),
            carpool_places=("places", lambda s: s.sum(min_count=1))).reset_index()
    trips = flow_readers.carpool_trips(conn)
    trip_rows = pd.DataFrame(columns=["centrality_uuid", "period", "carpool_trips_daily"])
    if not trips.empty:
        trips["period"] = _period_of(trips["date"], period)
        rows = []
        for cent, code in communes.items():
            if not code:
                continue
            for per, h in formulas.trips_of_commune(trips, code).groupby("period"):
                rows.append({"centrality_uuid": cent, "period": per,
                             "carpool_trips_daily": formulas.carpool_trips_per_day(h, code)})
        trip_rows = pd.DataFrame(rows, columns=trip_rows.columns)
    return place_rows, trip_rows


def mobility(conn, *, period: str = "year", walk_distance: float = 400.0,
             parking_distance: float = 300.0, road_distance: float = 500.0,
             carpool_distance: float = 2000.0, hours: Sequence[int] = tuple(range(9, 19)),
             day_kind: str = "typical_weekday", progress=None,
             checkpoint: Checkpoint = None) -> pd.DataFrame:
    """Mobility indicators per centrality and period (:data:`MOBILITY_COLUMNS`, formulas in
    :mod:`analysis.mobility`)."""
    require_flows(conn)
    if period not in ("year", "month", "all"):
        raise FlowAnalysisError(tr("period must be year, month or all"))
    cents = readers.centralities(conn)
    if not cents:
        raise FlowAnalysisError(tr("the GeoPackage has no centrality"))
    names = {c["uuid"]: c["name"] for c in cents}
    communes = {c["uuid"]: c["commune_code"] for c in cents}
    park_rows, parks = _parking(conn, cents, parking_distance, period, hours)
    if progress:
        progress(30)
    check(checkpoint)
    transit_rows, stops = _transit(conn, cents, walk_distance, day_kind)
    rid_rows = _ridership(conn, stops, period)
    if progress:
        progress(60)
    check(checkpoint)
    road_rows = _road(conn, cents, road_distance, period)
    place_rows, trip_rows = _carpool(conn, cents, carpool_distance, communes, period)
    periods = sorted(set(park_rows["period"]) | set(rid_rows["period"])
                     | set(road_rows["period"]) | set(trip_rows["period"])) or ["all"]
    grid = pd.DataFrame([(c["uuid"], p) for c in cents for p in periods],
                        columns=["centrality_uuid", "period"])
    table = grid.merge(park_rows, how="left", on=["centrality_uuid", "period"])
    for part in (rid_rows, road_rows, trip_rows):
        table = table.merge(part, how="left", on=["centrality_uuid", "period"])
    table = table.merge(transit_rows, how="left", on="centrality_uuid")
    table = table.merge(place_rows, how="left", on="centrality_uuid")
    if not parks.empty:
        pk = parks.dropna(subset=["centrality_uuid"])
        for kind, prefix in KINDS:
            k = pk[pk["kind"] == kind].groupby("centrality_uuid")
            count = "parkings" if prefix == "parking" else "onstreet_zones"
            table[count] = table["centrality_uuid"].map(k.size()).fillna(0).astype(int)
            table[f"{prefix}_capacity"] = table["centrality_uuid"].map(k["capacity"].sum())
    if stops.empty:  # no transit data: unknown, not 0
        table["transit_stops"] = np.nan
    else:
        stop_count = stops.groupby("centrality_uuid").size()
        table["transit_stops"] = table["centrality_uuid"].map(stop_count).fillna(0).astype(int)
    table["centrality"] = table["centrality_uuid"].map(names)
    for col in MOBILITY_COLUMNS:
        if col not in table.columns:
            table[col] = np.nan  # no data of that kind: unknown, not 0
    if progress:
        progress(90)
    return table[MOBILITY_COLUMNS]


MOBILITY_INDICATORS = {
    "parking_occupancy_rate": "%", "parking_peak_hour": "h", "onstreet_occupancy_rate": "%",
    "onstreet_payments_daily": "payments/day", "transit_departures_per_hour": "departures/h",
    "transit_boardings_daily": "boardings/day", "road_daily_traffic": "vehicles/day",
    "road_heavy_share": "%", "carpool_places": "places", "carpool_trips_daily": "trips/day",
}


def mobility_indicator_rows(table: pd.DataFrame) -> list:
    rows = []
    for r in table.to_dict("records"):
        for code, unit in MOBILITY_INDICATORS.items():
            v = r.get(code)
            if v is None or v != v:
                continue
            rows.append({"scope": "centrality", "centrality_uuid": r["centrality_uuid"],
                         "indicator": code, "period": r["period"], "value": float(v),
                         "unit": unit})
    return rows
