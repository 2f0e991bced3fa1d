"""What the catchment, Huff and site-potential jobs place on the map as points (was
``catchment_data``; its reads are now :mod:`store.readers`).

Rules stated here (the algorithms' help repeats them):

* a centrality is represented by the area-weighted centroid of its polygons;
* the *latest campaign* is the last one in chronological order (:func:`readers.campaigns`); a
  premise counts when its observation in that campaign is not ``demolished``; it is vacant when
  its status is flagged ``counts_as_vacant``, occupied when its status is ``occupied``;
* a feature of any other table is represented by its point, the area-weighted centroid of its
  polygons, or the mean vertex of its lines.

Population cells are :func:`store.readers.territory.population_cells` (the centre of each
cell's bounding box).
"""

from __future__ import annotations

from typing import List, Optional

import numpy as np
import pandas as pd

from ..analysis.spatial import polygons_centroid
from ..store import geometry, readers
from ..store.readers import territory

PREMISE_COLUMNS = ["uuid", "address", "x", "y", "status", "activity_group", "vacant",
                   "occupied"]


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


def latest_campaign(conn) -> Optional[dict]:
    """``{"uuid", "name"}`` of the latest campaign, or None when there is none."""
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
    if camp is None:
        return pd.DataFrame(columns=PREMISE_COLUMNS)
    prem = readers.premises(conn)
    obs = readers.observations(conn, [camp["uuid"]])
    obs = obs[obs["status"] != "demolished"]
    frame = prem.merge(obs[["premise_uuid", "status", "activity_group"]],
                       left_on="uuid", right_on="premise_uuid", how="inner")
    vacant = set(readers.vacant_statuses(conn))
    frame["vacant"] = frame["status"].isin(vacant)
    frame["occupied"] = frame["status"] == "occupied"
    frame = frame[np.isfinite(frame["x"]) & np.isfinite(frame["y"])]
    return frame[PREMISE_COLUMNS].reset_index(drop=True)


def centrality_points(conn) -> pd.DataFrame:
    """Centralities (``uuid``, ``name``, ``level``, centroid ``x``, ``y``, ``geom`` blob),
    in the readers' priority order (those without a polygon left out)."""
    blobs = territory.centrality_blobs(conn)
    rows = []
    for c in readers.centralities(conn):
        if not c["polygons"]:
            continue
        x, y = polygons_centroid(c["polygons"])
        rows.append((c["uuid"], c["name"], c["level"], x, y, blobs.get(c["uuid"])))
    return pd.DataFrame(rows, columns=["uuid", "name", "level", "x", "y", "geom"])


def has_points(conn, table: str) -> bool:
    """Does ``table`` exist with a geometry column and at least one row with a geometry?"""
    return territory.has_rows(conn, table)


def point_table(conn, table: str, columns: Optional[List[str]] = None) -> pd.DataFrame:
    """Rows of a point (or any geometry) table with ``uuid``, ``columns`` (those that exist)
    and the centroid ``x``, ``y`` (:func:`blob_centroid`)."""
    rows = territory.geometries(conn, table, ["uuid", *(columns or [])])
    xy = np.array([blob_centroid(b) for b in rows["geom"]], dtype=np.float64).reshape(-1, 2)
    frame = rows.drop(columns="geom")
    frame["x"], frame["y"] = xy[:, 0], xy[:, 1]
    return frame[np.isfinite(frame["x"])].reset_index(drop=True)
