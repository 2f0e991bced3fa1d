"""Read what the catchment, Huff and site-potential jobs need from the socle, as plain frames.

Rules stated here (the algorithms' help repeats them):

* a population cell is represented by the centre of its bounding box (its centroid for the
  square INSEE cells);
* a centrality is represented by the area-weighted centroid of its polygons;
* the *latest campaign* is the last one in chronological order (:func:`readers.campaigns`); a
  premise counts when its observation in that campaign is not ``demolished``; it is vacant when
  its status is flagged ``counts_as_vacant``, occupied when its status is ``occupied``;
* footfall of a counting site = mean over days of the daily total of its counts (pedestrian
  channels only when any channel says PEDESTRIAN), days taken from the local start date.
"""

from __future__ import annotations

from typing import List, Optional

import numpy as np
import pandas as pd

from ..analysis.spatial import polygons_centroid
from ..store import geometry, gpkg, indicators, readers

AGE_GROUPS = {
    "age_0_17": ["ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17"],
    "age_18_24": ["ind_18_24"],
    "age_25_64": ["ind_25_39", "ind_40_54", "ind_55_64"],
    "age_65p": ["ind_65_79", "ind_80p"],
}


def blob_centroid(blob) -> tuple:
    """Centroid (x, y) of any stored geometry blob: the point itself, the area-weighted
    centroid of polygons, the mean vertex of lines; (nan, nan) when empty."""
    if blob is None:
        return np.nan, np.nan
    kind, shape = geometry.decode(blob)
    if kind is None:
        return np.nan, np.nan
    if kind == "point":
        return float(shape[0]), float(shape[1])
    if kind in ("polygon", "multipolygon"):
        return polygons_centroid(geometry.as_polygons(kind, shape))
    xy = np.vstack([np.asarray(s).reshape(-1, 2) for s in
                    (shape if kind in ("multilinestring", "multipoint") else [shape])])
    return float(xy[:, 0].mean()), float(xy[:, 1].mean())


def population_cells(conn, lean: bool = False) -> pd.DataFrame:
    """Cells with ``uuid``, ``idcar_200m``, centre ``x``, ``y`` (of the bounding box),
    ``geom`` (blob) and the Filosofi columns ``ind``, ``men``, ``ind_snv`` plus the age groups
    of :data:`AGE_GROUPS` (NULL counts as 0). ``lean``: only the centres and the counts (no
    identifiers, no blobs; only the blobs' headers are read), which is much faster."""
    cols = sorted({c for group in AGE_GROUPS.values() for c in group})
    if lean:  # age groups summed by SQLite: fewer values to bring into Python
        numeric = ["ind", "men", "ind_snv", *AGE_GROUPS]
        exprs = ["ind", "men", "ind_snv"] + [
            "(" + " + ".join(f"coalesce({m}, 0)" for m in members) + ")"
            for members in AGE_GROUPS.values()]
    else:
        numeric = exprs = ["ind", "men", "ind_snv", *cols]
    ids = [] if lean else ["uuid", "idcar_200m"]
    shape = "substr(geom, 1, 40)" if lean else "geom"
    rows = conn.execute(f"SELECT {', '.join(ids + exprs)}, {shape}, fid "
                        "FROM population_grid").fetchall()
    columns = list(zip(*rows)) if rows else [()] * (len(ids) + len(numeric) + 2)
    frame = pd.DataFrame({c: pd.Series(col, dtype=object) for c, col in zip(ids, columns)})
    try:  # one conversion for every count column; NULL → NaN
        matrix = np.array(columns[len(ids):len(ids) + len(numeric)], dtype=np.float64)
    except (TypeError, ValueError):  # text in a numeric column
        matrix = np.array([pd.to_numeric(pd.Series(col, dtype=object), errors="coerce")
                           .to_numpy(np.float64)
                           for col in columns[len(ids):len(ids) + len(numeric)]])
    matrix = np.nan_to_num(matrix.reshape(len(numeric), len(rows)), nan=0.0)
    values = dict(zip(numeric, matrix))
    for c in ["ind", "men", "ind_snv"]:
        frame[c] = values[c]
    for group, members in AGE_GROUPS.items():
        frame[group] = values[group] if lean else np.sum([values[m] for m in members], axis=0)
    blobs = columns[-2]

    def whole(i: int) -> bytes:  # lean: a header without an envelope → read the whole blob
        return conn.execute("SELECT geom FROM population_grid WHERE fid = ?",
                            (rows[i][-1],)).fetchone()[0]

    env = geometry.envelopes(blobs, whole if lean else None)
    frame["x"], frame["y"] = (env[:, 0] + env[:, 1]) / 2.0, (env[:, 2] + env[:, 3]) / 2.0
    if not lean:
        frame["geom"] = list(blobs)
    return frame


def latest_campaign(conn) -> Optional[dict]:
    camps = readers.campaigns(conn)
    if camps.empty:
        return None
    last = camps.iloc[-1]
    return {"uuid": last["uuid"], "name": last["name"]}


def premises_latest(conn) -> pd.DataFrame:
    """Premises observed in the latest campaign (not demolished): ``uuid``, ``address``,
    ``x``, ``y``, ``status``, ``activity_group``, ``vacant``, ``occupied`` (booleans).
    Empty when there is no campaign."""
    camp = latest_campaign(conn)
    columns = ["uuid", "address", "x", "y", "status", "activity_group", "vacant", "occupied"]
    if camp is None:
        return pd.DataFrame(columns=columns)
    prem = readers.premises(conn)
    obs = readers.observations(conn, [camp["uuid"]])
    obs = obs[obs["status"] != "demolished"]
    frame = prem.merge(obs[["premise_uuid", "status", "activity_group"]],
                       left_on="uuid", right_on="premise_uuid", how="inner")
    vacant = set(readers.vacant_statuses(conn))
    frame["vacant"] = frame["status"].isin(vacant)
    frame["occupied"] = frame["status"] == "occupied"
    frame = frame[np.isfinite(frame["x"]) & np.isfinite(frame["y"])]
    return frame[columns].reset_index(drop=True)


def centrality_points(conn) -> pd.DataFrame:
    """Centralities (``uuid``, ``name``, ``level``, centroid ``x``, ``y``, ``geom`` blob),
    in the readers' priority order."""
    blobs = {r[0]: r[1] for r in conn.execute("SELECT uuid, geom FROM centralities")}
    rows = []
    for c in readers.centralities(conn):
        if not c["polygons"]:
            continue
        x, y = polygons_centroid(c["polygons"])
        rows.append((c["uuid"], c["name"], c["level"], x, y, blobs.get(c["uuid"])))
    return pd.DataFrame(rows, columns=["uuid", "name", "level", "x", "y", "geom"])


def has_points(conn, table: str) -> bool:
    """Does ``table`` exist with a geometry column and at least one row?"""
    if not gpkg.table_exists(conn, table) or "geom" not in gpkg.column_names(conn, table):
        return False
    return conn.execute(f'SELECT 1 FROM "{table}" WHERE geom IS NOT NULL LIMIT 1'
                        ).fetchone() is not None


def point_table(conn, table: str, columns: Optional[List[str]] = None) -> pd.DataFrame:
    """Rows of a point (or any geometry) table with centroid ``x``, ``y`` and ``columns``
    (those that exist)."""
    present = [c for c in (columns or []) if c in gpkg.column_names(conn, table)]
    sel = ", ".join(["uuid", *[f'"{c}"' for c in present], "geom"])
    rows = conn.execute(f'SELECT {sel} FROM "{table}" WHERE geom IS NOT NULL').fetchall()
    frame = pd.DataFrame([tuple(r)[:-1] for r in rows], columns=["uuid", *present])
    xy = np.array([blob_centroid(r[-1]) for r in rows], dtype=np.float64).reshape(-1, 2)
    frame["x"], frame["y"] = xy[:, 0], xy[:, 1]
    return frame[np.isfinite(frame["x"])].reset_index(drop=True)


def footfall_by_site(conn) -> Optional[pd.DataFrame]:
    """Counting sites with ``footfall`` (mean daily passages); None when the counters tables
    are absent or hold no count."""
    needed = ("counting_sites", "counting_channels", "counts")
    if not all(gpkg.table_exists(conn, t) for t in needed):
        return None
    pedestrian = conn.execute("SELECT 1 FROM counting_channels WHERE upper(mobility_type) "
                              "LIKE '%PEDESTRIAN%' LIMIT 1").fetchone() is not None
    where = "AND upper(ch.mobility_type) LIKE '%PEDESTRIAN%'" if pedestrian else ""
    daily = pd.read_sql_query(
        "SELECT ch.site_uuid AS site_uuid, substr(c.start_local, 1, 10) AS day, "
        "sum(c.count) AS total FROM counts c JOIN counting_channels ch "
        f"ON ch.uuid = c.channel_uuid WHERE c.count IS NOT NULL {where} GROUP BY 1, 2", conn)
    if daily.empty:
        return None
    mean = daily.groupby("site_uuid")["total"].mean().rename("footfall")
    sites = point_table(conn, "counting_sites", ["name"])
    sites = sites.merge(mean, left_on="uuid", right_index=True, how="inner")
    return sites if len(sites) else None


CATCHMENT_ALGORITHM_ID = "observatoire:network_catchments"


def write_catchment_indicators(conn, totals: pd.DataFrame, centrality_of: dict, *, mode: str,
                               unit: str, columns: List[str], period: str) -> int:
    """Write what each centrality's catchment reaches to ``indicators``, in one transaction.

    ``totals`` holds one row per origin and band (columns ``origin``, ``band`` and the value
    columns); ``centrality_of`` maps an origin index to its centrality uuid. Indicator codes:
    ``catchment_<column>_<mode>_<band><unit>`` (e.g. ``catchment_population_walk_10min``).
    Returns the number of rows written.
    """
    rows = []
    for record in totals.to_dict("records"):
        centrality = centrality_of.get(int(record["origin"]))
        if centrality is None:
            continue
        band = f"{float(record['band']):g}{unit}"
        for column in columns:
            value = record.get(column)
            rows.append({"scope": "centrality", "centrality_uuid": centrality,
                         "indicator": f"catchment_{column}_{mode}_{band}", "period": period,
                         "value": None if value is None or value != value else float(value),
                         "unit": "inhabitants" if column == "population" else column})
    with gpkg.transaction(conn):
        return indicators.write(conn, rows, algorithm=CATCHMENT_ALGORITHM_ID,
                                parameters={"mode": mode, "unit": unit})


HUFF_ALGORITHM_ID = "observatoire:huff_model"
SITE_POTENTIAL_ALGORITHM_ID = "observatoire:site_potential"
SITE_POTENTIAL_CODES = ("site_potential_best_score", "site_potential_candidates")


def write_huff_indicators(conn, centralities: List[str], expected_demand, share, *,
                          demand_unit: str, period: str, parameters: dict) -> int:
    """Write each centrality's Huff results to ``indicators``, in one transaction.

    ``centralities[j]`` is the uuid of destination ``j``; ``expected_demand[j]`` its expected
    demand D_j (in ``demand_unit``, e.g. ``inhabitants``) and ``share[j]`` its market share
    D_j / sum D (0..1, NaN when there is no demand at all). Indicator codes:
    ``huff_market_share`` (%, 100 × share) and ``huff_expected_demand``. ``parameters`` (alpha,
    beta, decay, cost…) are recorded with every row. Returns the number of rows written.
    """
    rows = []
    for centrality, demand, part in zip(centralities, expected_demand, share):
        if not centrality:
            continue
        part = None if part is None or part != part else 100.0 * float(part)
        demand = None if demand is None or demand != demand else float(demand)
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "huff_market_share", "period": period, "value": part,
                     "unit": "%"})
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "huff_expected_demand", "period": period, "value": demand,
                     "unit": demand_unit})
    with gpkg.transaction(conn):
        return indicators.write(conn, rows, algorithm=HUFF_ALGORITHM_ID, parameters=parameters)


def write_site_potential_indicators(conn, centrality_of: dict, scores: dict, *, period: str,
                                    parameters: dict) -> int:
    """Write, per centrality holding scored candidates, the best score and the number of
    scored candidates to ``indicators``, in one transaction.

    ``centrality_of`` maps a candidate key to its centrality uuid (or None: outside every
    centrality, not written); ``scores`` maps the same keys to the candidate's score (0..100).
    Codes: ``site_potential_best_score`` (points out of 100) and
    ``site_potential_candidates`` (premises). The rows this algorithm wrote earlier for the same
    period are replaced as a whole, so a centrality that no longer holds any candidate keeps no
    stale score. Returns the number of rows written.
    """
    best: dict = {}
    count: dict = {}
    for key, score in scores.items():
        centrality = centrality_of.get(key)
        if centrality is None or score is None or score != score:
            continue
        best[centrality] = max(best.get(centrality, float("-inf")), float(score))
        count[centrality] = count.get(centrality, 0) + 1
    rows = []
    for centrality in sorted(best):
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "site_potential_best_score", "period": period,
                     "value": best[centrality], "unit": "points"})
        rows.append({"scope": "centrality", "centrality_uuid": centrality,
                     "indicator": "site_potential_candidates", "period": period,
                     "value": float(count[centrality]), "unit": "premises"})
    marks = ",".join("?" * len(SITE_POTENTIAL_CODES))
    with gpkg.transaction(conn):
        conn.execute(f"DELETE FROM indicators WHERE scope = 'centrality' AND period = ? "
                     f"AND algorithm = ? AND indicator IN ({marks})",
                     (period, SITE_POTENTIAL_ALGORITHM_ID, *SITE_POTENTIAL_CODES))
        return indicators.write(conn, rows, algorithm=SITE_POTENTIAL_ALGORITHM_ID,
                                parameters=parameters)
