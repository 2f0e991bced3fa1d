"""Coordinates for publication: the socle's CRS → WGS 84 (EPSG:4326, longitude then latitude),
with GDAL's OSR, and the shapes of :mod:`store.geometry` as GeoJSON geometries."""

from __future__ import annotations

from typing import List, Optional

import numpy as np

WGS84 = 4326


class Reprojector:
    """Transforms (x, y) arrays from EPSG:``source`` to WGS 84 (traditional GIS order)."""

    def __init__(self, source: int):
        from osgeo import osr

        def srs(code: int):
            ref = osr.SpatialReference()
            if ref.ImportFromEPSG(int(code)) != 0:
                raise ValueError(f"EPSG:{code} is not a known coordinate reference system")
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            return ref

        self.source = int(source)
        self._transform = (None if self.source == WGS84
                           else osr.CoordinateTransformation(srs(self.source), srs(WGS84)))

    def points(self, x, y) -> tuple:
        """(lon, lat) arrays; NaN where the input is NaN."""
        x = np.asarray(x, dtype=float).reshape(-1)
        y = np.asarray(y, dtype=float).reshape(-1)
        lon, lat = np.full(len(x), np.nan), np.full(len(x), np.nan)
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return lon, lat
        if self._transform is None:
            lon[ok], lat[ok] = x[ok], y[ok]
            return lon, lat
        out = np.asarray(self._transform.TransformPoints(
            np.column_stack([x[ok], y[ok]]).tolist()), dtype=float)
        lon[ok], lat[ok] = out[:, 0], out[:, 1]
        return lon, lat

    def coords(self, array) -> List[List[float]]:
        """An (n, 2) array of coordinates as ``[[lon, lat], …]``."""
        arr = np.asarray(array, dtype=float).reshape(-1, 2)
        lon, lat = self.points(arr[:, 0], arr[:, 1])
        return np.column_stack([lon, lat]).tolist()

    def multipolygon(self, polygons) -> Optional[dict]:
        """A list of polygons (lists of rings) as a GeoJSON MultiPolygon, or None."""
        if not polygons:
            return None
        return {"type": "MultiPolygon",
                "coordinates": [[self.coords(ring) for ring in polygon]
                                for polygon in polygons]}

    def multilinestring(self, lines) -> Optional[dict]:
        if not lines:
            return None
        return {"type": "MultiLineString", "coordinates": [self.coords(line) for line in lines]}


def ring_area(ring) -> float:
    """Shoelace area of a ring (absolute, in the square unit of its coordinates)."""
    xy = np.asarray(ring, dtype=float).reshape(-1, 2)
    if len(xy) < 3:
        return 0.0
    x, y = xy[:, 0], xy[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2.0


def polygons_area(polygons) -> float:
    """Area of a multipolygon: exterior rings minus holes (square units of the CRS)."""
    total = 0.0
    for polygon in polygons or []:
        if not len(polygon):
            continue
        total += ring_area(polygon[0]) - sum(ring_area(h) for h in polygon[1:])
    return total

