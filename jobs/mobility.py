"""Mobility per centrality (parking, public transport, road traffic, carpooling) and flows
crossed with the offer, read from the socle.

Formulas (units in brackets):

- parking occupancy rate [%] = 100 × Σ occupied places / Σ capacity over the observations of
  the car parks assigned to the centrality, within the chosen hours of the day; peak hour = the
  hour of the day with the highest such rate; payments per day = mean over days with data of
  the daily sum of payments of on-street zones;
- transit: stops within the walking distance; departures per hour = departures between 07:00
  and 19:00 on the service day / 12 [departures/h], peak hour and its departures; ridership =
  mean over days with data of the daily boardings summed over the stops [boardings/day];
- road traffic: mean of the average daily traffic of the count points within the distance
  [vehicles/day], heavy-vehicle share weighted by traffic [%];
- carpooling: places (BNLC) within the distance [places]; trips per day = mean daily trips
  whose origin or destination is the centrality's commune [trips/day].
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..analysis import flows_offer
from ..i18n import tr
from ..store import readers
from ..store.schema.flows import require_flows
from . import vacancy as vacancy_job
from . import zones
from .footfall import FlowAnalysisError, _points, assign, footfall

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


def _period_of(values: pd.Series, kind: str) -> pd.Series:
    t = pd.to_datetime(values)
    if kind == "year":
        return t.dt.strftime("%Y")
    if kind == "month":
        return t.dt.strftime("%Y-%m")
    return pd.Series("all", index=values.index)


def _parking(conn, cents, distance, kind_period, hours):
    parks = _points(conn, "SELECT uuid, name, kind, capacity, centrality_uuid, geom FROM parkings")
    if parks.empty:
        return pd.DataFrame(columns=["centrality_uuid", "period"]), parks
    a = assign(parks, cents, distance)
    parks = pd.concat([parks.drop(columns="centrality_uuid"), a], axis=1)
    occ = pd.read_sql_query("SELECT parking_uuid, time_local, capacity, occupied, payments "
                            "FROM parking_occupancy", conn)
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
            for kind, prefix in (("off_street", "parking"), ("on_street", "onstreet")):
                k = g[(g["kind"] == kind) & g["occupied"].notna() & g["hour"].isin(hours)]
                if len(k):
                    total = k["occupied"].sum() / k["capacity"].sum()
                    row[f"{prefix}_occupancy_rate"] = 100 * total
                    sums = k.groupby("hour")[["occupied", "capacity"]].sum()
                    by_hour = sums["occupied"] / sums["capacity"]
                    row[f"{prefix}_peak_hour"] = int(by_hour.idxmax())
                    if prefix == "parking":
                        row["parking_peak_rate"] = 100 * by_hour.max()
            pay = g[(g["kind"] == "on_street") & g["payments"].notna()]
            if len(pay):
                row["onstreet_payments_daily"] = pay.groupby("date")["payments"].sum().mean()
            rows.append(row)
    return pd.DataFrame(rows, columns=["centrality_uuid", "period"] + [
        c for c in MOBILITY_COLUMNS if c.startswith(("parking_", "onstreet_"))
        and c not in ("parking_capacity", "onstreet_capacity")]), parks


def _transit(conn, cents, walk, day_kind):
    stops = _points(conn, "SELECT uuid, name, geom FROM transit_stops")
    if stops.empty:
        return pd.DataFrame(columns=["centrality_uuid"]), None, stops
    a = assign(stops, cents, walk, declared=None)
    stops = pd.concat([stops, a], axis=1).dropna(subset=["centrality_uuid"])
    row = conn.execute("SELECT service_date FROM transit_service WHERE day_kind = ? "
                       "ORDER BY service_date DESC LIMIT 1", (day_kind,)).fetchone() or \
        conn.execute("SELECT service_date FROM transit_service ORDER BY service_date DESC "
                     "LIMIT 1").fetchone()
    date = row[0] if row else None
    svc = pd.read_sql_query("SELECT stop_uuid, hour, departures FROM transit_service "
                            "WHERE service_date = ?", conn, params=(date,))
    svc = svc.merge(stops[["uuid", "centrality_uuid"]], left_on="stop_uuid", right_on="uuid")
    rows = []
    for cent, g in svc.groupby("centrality_uuid"):
        per_hour = g.groupby("hour")["departures"].sum()
        rows.append({"centrality_uuid": cent, "transit_service_date": date,
                     "transit_departures_day": int(per_hour.sum()),
                     "transit_departures_per_hour": per_hour.reindex(range(7, 19),
                                                                     fill_value=0).sum() / 12,
                     "transit_peak_hour": int(per_hour.idxmax()),
                     "transit_peak_departures": int(per_hour.max())})
    return pd.DataFrame(rows, columns=["centrality_uuid", "transit_service_date",
                                       "transit_departures_day", "transit_departures_per_hour",
                                       "transit_peak_hour", "transit_peak_departures"]), date, stops


def mobility(conn, *, period: str = "year", walk_distance: float = 400.0,
             parking_distance: float = 300.0, road_distance: float = 500.0,
             carpool_distance: float = 2000.0, hours: Sequence[int] = tuple(range(9, 19)),
             day_kind: str = "typical_weekday", progress=None) -> pd.DataFrame:
    """Mobility indicators per centrality and period (:data:`MOBILITY_COLUMNS`, formulas in
    the module docstring)."""
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
    transit_rows, _date, stops = _transit(conn, cents, walk_distance, day_kind)
    rid = pd.read_sql_query("SELECT stop_uuid, date, boardings FROM transit_ridership "
                            "WHERE boardings IS NOT NULL", conn)
    rid_rows = pd.DataFrame(columns=["centrality_uuid", "period", "transit_boardings_daily"])
    if not rid.empty and not stops.empty:
        rid = rid.merge(stops[["uuid", "centrality_uuid"]], left_on="stop_uuid", right_on="uuid")
        rid["period"] = _period_of(rid["date"], period)
        daily = rid.groupby(["centrality_uuid", "period", "date"])["boardings"].sum()
        rid_rows = daily.groupby(level=[0, 1]).mean().rename(
            "transit_boardings_daily").reset_index()
    if progress:
        progress(60)
    road = _points(conn, "SELECT point_id, period, daily_traffic, heavy_share, geom "
                         "FROM road_traffic")
    road_rows = pd.DataFrame(columns=["centrality_uuid", "period", "road_points",
                                      "road_daily_traffic", "road_heavy_share"])
    if not road.empty:
        road = pd.concat([road.rename(columns={"period": "data_period"}),
                          assign(road, cents, road_distance, declared=None)], axis=1)
        road = road.dropna(subset=["centrality_uuid"])
        road["period"] = (road["data_period"].str.slice(0, 4) if period == "year" else
                          road["data_period"].str.slice(0, 7) if period == "month" else "all")
        out = []
        for (cent, per), g in road.groupby(["centrality_uuid", "period"]):
            w = g.dropna(subset=["heavy_share"])
            out.append({"centrality_uuid": cent, "period": per,
                        "road_points": g["point_id"].nunique(),
                        "road_daily_traffic": g["daily_traffic"].mean(),
                        "road_heavy_share": (100 * (w["heavy_share"] * w["daily_traffic"]).sum()
                                             / w["daily_traffic"].sum()) if len(w) else np.nan})
        road_rows = pd.DataFrame(out, columns=road_rows.columns)
    places = _points(conn, "SELECT place_id, places, geom FROM carpool_areas")
    place_rows = pd.DataFrame(columns=["centrality_uuid", "carpool_places_count",
                                       "carpool_places"])
    if not places.empty:
        places = pd.concat([places, assign(places, cents, carpool_distance, declared=None)],
                           axis=1).dropna(subset=["centrality_uuid"])
        place_rows = places.groupby("centrality_uuid").agg(
            carpool_places_count=("place_id", "size"),
            carpool_places=("places", lambda s: s.sum(min_count=1))).reset_index()
    trips = pd.read_sql_query("SELECT date, origin_insee, destination_insee, trips "
                              "FROM carpool_trips", conn)
    trip_rows = pd.DataFrame(columns=["centrality_uuid", "period", "carpool_trips_daily"])
    if not trips.empty:
        out = []
        trips["period"] = _period_of(trips["date"], period)
        for cent, code in communes.items():
            if not code:
                continue
            g = trips[(trips["origin_insee"] == code) | (trips["destination_insee"] == code)]
            for per, h in g.groupby("period"):
                out.append({"centrality_uuid": cent, "period": per,
                            "carpool_trips_daily": h.groupby("date")["trips"].sum().mean()})
        trip_rows = pd.DataFrame(out, columns=trip_rows.columns)
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
        for kind, prefix in (("off_street", "parking"), ("on_street", "onstreet")):
            k = pk[pk["kind"] == kind].groupby("centrality_uuid")
            count = "parkings" if prefix == "parking" else "onstreet_zones"
            table[count] = table["centrality_uuid"].map(k.size()).fillna(0).astype(int)
            table[f"{prefix}_capacity"] = table["centrality_uuid"].map(k["capacity"].sum())
    stop_count = stops.groupby("centrality_uuid").size() if not stops.empty else pd.Series(
        dtype=int)
    table["transit_stops"] = table["centrality_uuid"].map(stop_count).fillna(0).astype(int)
    table["centrality"] = table["centrality_uuid"].map(names)
    for col in MOBILITY_COLUMNS:
        if col not in table.columns:
            table[col] = 0 if col in ("parkings", "onstreet_zones") else np.nan
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


# ---------------------------------------------------------------------------------------------
# flows × offer
# ---------------------------------------------------------------------------------------------

CROSS_COLUMNS = ["centrality_uuid", "centrality", "year", "footfall_mean_daily",
                 "footfall_change", "campaign", "premises", "vacant", "occupied",
                 "vacancy_rate", "vacancy_change_pts", "retail_share", "main_activity",
                 "footfall_per_shop", "footfall_per_vacant", "trend_class"]
PREMISE_COLUMNS = ["premise_uuid", "address", "street", "centrality", "status",
                   "activity_group", "nearest_site", "site_street", "distance_m",
                   "same_street", "site_footfall_mean_daily"]


def flows_vs_offer(conn, *, distance: float = 0.0, year: Optional[int] = None,
                   max_distance: float = 300.0, mobility: Optional[str] = "PEDESTRIAN",
                   progress=None):
    """(centrality table :data:`CROSS_COLUMNS`, premise table :data:`PREMISE_COLUMNS` with
    x, y). Footfall of ``year`` (default: the latest year with complete days); its change is
    the year-on-year change on matched ISO weeks; the offer is the latest campaign of that year
    or before, its vacancy change is against the previous campaign (percentage points)."""
    require_flows(conn)
    job = footfall(conn, distance=distance, mobility=mobility, periods=("year",),
                   hourly_periods=())
    per = job.result.periods
    per = per[per["days_complete"] > 0]
    if per.empty:
        raise FlowAnalysisError(tr("no complete day of footfall: nothing to cross with the "
                                   "offer"))
    years = sorted(per["period"].astype(int).unique())
    if year is None:
        year = years[-1]
    elif year not in years:
        raise FlowAnalysisError(tr("no footfall in {year} (years with data: {years})").format(
            year=year, years=", ".join(map(str, years))))
    if progress:
        progress(40)
    foot = per[per["period"] == str(year)][["centrality", "mean_daily"]].rename(
        columns={"mean_daily": "footfall_mean_daily"})
    yoy = job.result.yoy
    yoy = yoy[yoy["iso_year"] == year][["centrality", "change"]].rename(
        columns={"change": "footfall_change"})
    foot = foot.merge(yoy, on="centrality", how="left")
    camps = readers.campaigns(conn)
    camps = camps[camps["year"].fillna(0).astype(int) <= year]
    if camps.empty:
        raise FlowAnalysisError(tr("no inventory campaign in {year} or before: nothing to "
                                   "cross the footfall with").format(year=year))
    vac = vacancy_job.compute(conn, write=False)
    vac = vac[vac["centrality_uuid"].notna()]
    order = list(camps["uuid"])
    latest = order[-1]
    previous = order[-2] if len(order) > 1 else None
    cur = vac[vac["campaign_uuid"] == latest].set_index("centrality_uuid")
    offer = pd.DataFrame({"centrality": cur.index, "premises": cur["premises"].to_numpy(),
                          "vacant": cur["vacant"].to_numpy(),
                          "vacancy_rate": cur["vacancy_rate"].to_numpy(dtype=float)})
    if previous is not None:
        prev = vac[vac["campaign_uuid"] == previous].set_index("centrality_uuid")["vacancy_rate"]
        offer["vacancy_change_pts"] = offer["vacancy_rate"] - offer["centrality"].map(
            prev).astype(float)
    else:
        offer["vacancy_change_pts"] = np.nan
    cents = readers.centralities(conn)
    prem = readers.premises(conn)
    zone = zones.assign_centralities(prem, cents)
    obs = readers.observations(conn, [latest])
    groups = pd.read_sql_query("SELECT code, is_retail FROM activity_groups", conn)
    retail = set(groups.loc[groups["is_retail"] == 1, "code"])
    vacant_codes = set(readers.vacant_statuses(conn))
    obs["centrality"] = obs["premise_uuid"].map(zone)
    occ = obs[~obs["status"].isin(vacant_codes | {"demolished"})]
    mix = occ.groupby("centrality").agg(
        retail_share=("activity_group", lambda s: 100 * s.isin(retail).mean()),
        main_activity=("activity_group", lambda s: s.mode().iloc[0] if s.notna().any()
                       else None)).reset_index()
    offer = offer.merge(mix, on="centrality", how="left")
    table = flows_offer.crossing_table(foot, offer)
    table = table.rename(columns={"centrality": "centrality_uuid"})
    table["centrality"] = table["centrality_uuid"].map(job.centralities)
    table["year"] = year
    table["campaign"] = camps.iloc[-1]["name"]
    table = table[table["centrality_uuid"].notna()]
    if progress:
        progress(70)
    # per premise: nearest counted street
    s = job.sites.dropna(subset=["footfall_mean_daily"])
    site_year = job.result.site_days
    site_year = site_year[pd.DatetimeIndex(site_year["date"]).year == year]
    site_mean = site_year.groupby("site_id")["footfall"].mean()
    s = s.assign(year_mean=s["site_uuid"].map(site_mean)).dropna(subset=["year_mean"])
    idx, dist = flows_offer.nearest_counter(prem[["x", "y"]].to_numpy(),
                                            s[["x", "y"]].to_numpy(), max_distance)
    found = idx >= 0
    pick = s.iloc[np.where(found, idx, 0)] if len(s) else None
    obs_by = obs.set_index("premise_uuid")
    premises = pd.DataFrame({
        "premise_uuid": prem["uuid"], "address": prem["address"], "street": prem["street"],
        "centrality": prem["uuid"].map(zone).map(job.centralities),
        "status": prem["uuid"].map(obs_by["status"]),
        "activity_group": prem["uuid"].map(obs_by["activity_group"]),
        "nearest_site": np.where(found, pick["name"].to_numpy(), None) if pick is not None
        else None,
        "site_street": np.where(found, pick["street"].to_numpy(), None) if pick is not None
        else None,
        "distance_m": dist,
        "site_footfall_mean_daily": np.where(found, pick["year_mean"].to_numpy(), np.nan)
        if pick is not None else np.nan,
        "x": prem["x"], "y": prem["y"]})
    same = (premises["street"].fillna("").str.casefold()
            == premises["site_street"].fillna("").astype(str).str.casefold())
    premises["same_street"] = np.where(premises["site_street"].isna(), None,
                                       same & premises["street"].notna())
    return table[CROSS_COLUMNS].reset_index(drop=True), premises


CROSS_INDICATORS = {"footfall_per_shop": "passages/day/counter/shop",
                    "footfall_per_vacant": "passages/day/counter/vacant premise"}


def cross_indicator_rows(table: pd.DataFrame) -> list:
    rows = []
    for r in table.to_dict("records"):
        for code, unit in CROSS_INDICATORS.items():
            v = r[code]
            rows.append({"scope": "centrality", "centrality_uuid": r["centrality_uuid"],
                         "indicator": code, "period": str(r["year"]),
                         "value": None if v != v else float(v), "unit": unit})
    return rows
