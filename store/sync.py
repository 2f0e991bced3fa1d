"""The three-way merge's reads and writes (:mod:`fieldwork.sync` holds the logic).

The merge works on scratch copies: *base* (the package as prepared), *theirs* (the base's rows
as the shared file holds them now), *mine* (the agent's copy) and *work* (a copy of the shared
file that receives the merge); the functions here attach them under those aliases, read and
settle rows, and finally carry the merged copy into the shared file through a
:class:`store.gpkg.ChangeGuard` (:func:`write_merged`). They also read the facts the form rules
need (geometry column, field domains, the CRS's area of use). Every write runs inside the
caller's transaction unless its docstring says otherwise.
"""

from __future__ import annotations

import contextlib
import functools
import math
from pathlib import Path
from typing import Iterable, Optional, Sequence

from . import gpkg
from .tables import _q

ALIASES = ("base", "theirs", "mine", "work", "shared")



# ---------------------------------------------------------------------------------------------
# What the form rules need
# ---------------------------------------------------------------------------------------------

def geometry_column(conn, table: str) -> Optional[dict]:
    """``{"column", "type", "srs_id"}`` of a feature table, None for an attribute table."""
    row = conn.execute("SELECT column_name, geometry_type_name, srs_id FROM "
                       "gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    return None if row is None else {"column": row[0], "type": row[1].upper(), "srs_id": row[2]}


def column_domains(conn, table: str) -> dict:
    """column -> ``{"enum": set of codes}`` or ``{"range": (min, max, min_incl, max_incl)}``
    for the columns of ``table`` attached to a GeoPackage field domain."""
    if not gpkg.table_exists(conn, "gpkg_data_columns") or not gpkg.table_exists(
            conn, "gpkg_data_column_constraints"):
        return {}
    result: dict = {}
    for column, kind, value, low, high, low_in, high_in in conn.execute(
            "SELECT d.column_name, c.constraint_type, c.value, c.min, c.max, "
            "c.min_is_inclusive, c.max_is_inclusive FROM gpkg_data_columns d "
            "JOIN gpkg_data_column_constraints c ON c.constraint_name = d.constraint_name "
            "WHERE d.table_name = ?", (table,)):
        if kind == "enum":
            result.setdefault(column, {"enum": set()})["enum"].add(value)
        elif kind == "range":
            result[column] = {"range": (low, high, bool(low_in), bool(high_in))}
    return result


def srs_code(conn, srs_id: int) -> Optional[tuple]:
    """``(organization, code)`` of a GeoPackage srs_id (e.g. ``("EPSG", 2154)``), or None."""
    row = conn.execute("SELECT organization, organization_coordsys_id FROM "
                       "gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
    return None if row is None else (str(row[0]).upper(), int(row[1]))


@functools.lru_cache(maxsize=32)
def crs_bounds(organization: str, code: int) -> Optional[tuple]:
    """``(min_x, min_y, max_x, max_y)`` of a CRS's area of use, in the CRS's own coordinates
    (the EPSG longitude/latitude box projected, 41 points per edge); None when unknown (not
    EPSG, GDAL without the area of use)."""
    if organization != "EPSG":
        return None
    try:
        from osgeo import osr
    except ImportError:  # pragma: no cover - GDAL ships with QGIS
        return None
    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(code)) != 0:
        return None
    area = srs.GetAreaOfUse() if hasattr(srs, "GetAreaOfUse") else None
    if area is None:
        return None
    west, south, east, north = (area.west_lon_degree, area.south_lat_degree,
                                area.east_lon_degree, area.north_lat_degree)
    if srs.IsGeographic():
        return west, south, east, north
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    for ref in (wgs84, srs):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, srs)
    steps = [i / 40 for i in range(41)]
    edge = ([(west + (east - west) * t, south) for t in steps]
            + [(west + (east - west) * t, north) for t in steps]
            + [(west, south + (north - south) * t) for t in steps]
            + [(east, south + (north - south) * t) for t in steps])
    xs, ys = [], []
    for lon, lat in edge:
        try:
            x, y, _z = transform.TransformPoint(lon, lat)
        except RuntimeError:
            continue
        if math.isfinite(x) and math.isfinite(y):
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


# ---------------------------------------------------------------------------------------------
# The three-way merge
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def attached(conn, databases: dict):
    """ATTACH ``{alias: path}`` for the length of the block (aliases: base, theirs, mine,
    work, shared)."""
    for alias in databases:
        if alias not in ALIASES:
            raise ValueError(f"unexpected alias {alias!r}")
    done = []
    try:
        for alias, path in databases.items():
            conn.execute(f"ATTACH DATABASE ? AS {alias}", (str(path),))
            done.append(alias)
        yield conn
    finally:
        for alias in reversed(done):
            conn.execute(f"DETACH DATABASE {alias}")


def refresh_theirs(theirs: Path, shared: Path, table_names: Iterable[str]) -> None:
    """Turn a copy of the base into the base's rows as the shared file holds them now.

    The shared file is only read, in a deferred transaction: no write lock is taken on it,
    so a program reading (or writing) it meanwhile is not disturbed.
    """
    conn = gpkg.connect(theirs)
    try:
        with attached(conn, {"shared": shared}):
            conn.execute("BEGIN")
            try:
                for table in table_names:
                    cols = ", ".join(_q(c) for c in gpkg.column_names(conn, table))
                    conn.execute("CREATE TEMP TABLE base_fids AS SELECT fid FROM "
                                 f"main.{_q(table)}")
                    conn.execute(f"DELETE FROM main.{_q(table)}")
                    conn.execute(f"INSERT INTO main.{_q(table)} ({cols}) SELECT {cols} FROM "
                                 f"shared.{_q(table)} WHERE fid IN "
                                 "(SELECT fid FROM temp.base_fids)")
                    conn.execute("DROP TABLE temp.base_fids")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    finally:
        conn.close()


def renumber_inserts(mine: Path, base: Path, table_names: Iterable[str],
                     first_fids: dict) -> None:
    """Give the agent's new rows (fids absent from the base) fids the shared file never used."""
    conn = gpkg.connect(mine)
    try:
        with attached(conn, {"base": base}), gpkg.transaction(conn):
            for table in table_names:
                new = [r[0] for r in conn.execute(
                    f"SELECT fid FROM main.{_q(table)} WHERE fid NOT IN "
                    f"(SELECT fid FROM base.{_q(table)}) ORDER BY fid")]
                if not new:
                    continue
                top = conn.execute(f"SELECT max(fid) FROM main.{_q(table)}").fetchone()[0]
                start = max(first_fids[table], top + 1)
                conn.executemany(f"UPDATE main.{_q(table)} SET fid = ? WHERE fid = ?",
                                 [(start + i, old) for i, old in enumerate(new)])
    finally:
        conn.close()


def row(conn, schema: str, table: str, fid: int) -> Optional[dict]:
    """One row of ``schema.table`` by fid, as a dict (None when absent)."""
    found = conn.execute(f"SELECT * FROM {schema}.{_q(table)} WHERE fid = ?",
                         (fid,)).fetchone()
    return None if found is None else dict(found)


def rows_by_fid(conn, table: str, fids: Iterable[int], schema: str = "main") -> dict:
    """fid -> row dict of ``schema.table`` for ``fids`` (absent ones left out)."""
    fid_list = sorted(set(fids))
    result = {}
    for start in range(0, len(fid_list), 500):
        chunk = fid_list[start:start + 500]
        for found in conn.execute(
                f"SELECT * FROM {schema}.{_q(table)} WHERE fid IN ({','.join('?' * len(chunk))})",
                chunk):
            result[found["fid"]] = dict(found)
    return result


def set_value(conn, table: str, column: str, fid: int, value) -> None:
    conn.execute(f"UPDATE main.{_q(table)} SET {_q(column)} = ? WHERE fid = ?", (value, fid))


def restore_row(conn, table: str, fid: int, source: str = "theirs") -> None:
    """Put back row ``fid`` of ``table`` as ``source`` (an attached copy) holds it: inserted
    when absent from main, every column rewritten otherwise."""
    cols = gpkg.column_names(conn, table)
    names = ", ".join(_q(c) for c in cols)
    if conn.execute(f"SELECT 1 FROM main.{_q(table)} WHERE fid = ?", (fid,)).fetchone():
        others = [c for c in cols if c != "fid"]
        conn.execute(
            f"UPDATE main.{_q(table)} SET ({', '.join(_q(c) for c in others)}) = "
            f"(SELECT {', '.join(_q(c) for c in others)} FROM {source}.{_q(table)} "
            "WHERE fid = ?) WHERE fid = ?", (fid, fid))
    else:
        conn.execute(f"INSERT INTO main.{_q(table)} ({names}) SELECT {names} FROM "
                     f"{source}.{_q(table)} WHERE fid = ?", (fid,))


def delete_row(conn, table: str, fid: int) -> None:
    conn.execute(f"DELETE FROM main.{_q(table)} WHERE fid = ?", (fid,))


def existing(conn, table: str, column: str, values: Iterable) -> set:
    """The ``values`` present in ``main.table.column``."""
    values = list(dict.fromkeys(v for v in values if v is not None))
    found = set()
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT {_q(column)} FROM main.{_q(table)} WHERE {_q(column)} IN "
            f"({','.join('?' * len(chunk))})", chunk))
    return found


def observation_exists(conn, premise_uuid: str, campaign_uuid: str) -> bool:
    return conn.execute("SELECT 1 FROM main.premise_observations WHERE premise_uuid = ? AND "
                        "campaign_uuid = ?", (premise_uuid, campaign_uuid)).fetchone() is not None


def mark_new_premises(conn, premise_fids: Sequence[int]) -> None:
    """Observations (still to confirm, or confirmed) of premises created in the field become
    ``new``."""
    if not premise_fids:
        return
    conn.execute("CREATE TEMP TABLE new_premises (fid INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO new_premises VALUES (?)", [(f,) for f in premise_fids])
    conn.execute(
        "UPDATE main.premise_observations SET visit_state = 'new' WHERE visit_state IN "
        "('to_confirm', 'confirmed') AND premise_uuid IN (SELECT uuid FROM main.premises "
        "WHERE fid IN (SELECT fid FROM temp.new_premises))")
    conn.execute("DROP TABLE temp.new_premises")


def apply_differences(conn, source: str, table: str, key: str = "fid", *,
                      inserts: bool = True, deletes: bool = True) -> dict:
    """Make ``main.table`` hold what ``source.table`` holds, row by row (inside the caller's
    transaction): rows of main absent from the source are deleted, rows that differ in any
    column are updated, rows new in the source are inserted (in that order, so that a
    uniqueness rule freed by a deletion can be taken by an insert). Triggers run as for any
    write (the R-tree follows). Returns the counts ``{"delete", "update", "insert"}``.
    """
    cols = gpkg.column_names(conn, table)
    t, k = _q(table), _q(key)
    others = [c for c in cols if c != key]
    differs = " OR ".join(f"NOT (m.{_q(c)} IS s.{_q(c)})" for c in others) or "0"
    counts = {"delete": 0, "update": 0, "insert": 0}
    if deletes:
        counts["delete"] = conn.execute(
            f"DELETE FROM main.{t} WHERE {k} NOT IN (SELECT {k} FROM {source}.{t})").rowcount
    if others:
        counts["update"] = conn.execute(
            f"UPDATE main.{t} SET ({', '.join(_q(c) for c in others)}) = "
            f"(SELECT {', '.join(_q(c) for c in others)} FROM {source}.{t} s "
            f"WHERE s.{k} = main.{t}.{k}) WHERE {k} IN (SELECT m.{k} FROM main.{t} m "
            f"JOIN {source}.{t} s ON s.{k} = m.{k} WHERE {differs})").rowcount
    if inserts:
        names = ", ".join(_q(c) for c in cols)
        counts["insert"] = conn.execute(
            f"INSERT INTO main.{t} ({names}) SELECT {names} FROM {source}.{t} "
            f"WHERE {k} NOT IN (SELECT {k} FROM main.{t})").rowcount
    return counts


def write_merged(guard: gpkg.ChangeGuard, work: Path, table_names: Sequence[str]) -> dict:
    """The end of a synchronisation: carry what the merged copy ``work`` holds in
    ``table_names`` (and their ``gpkg_contents`` rows) into the guarded shared file, in one
    transaction taken only now (:meth:`store.gpkg.ChangeGuard.transaction`: refused, nothing
    written, if another program committed since the guard was created). Returns the counts
    per table."""
    counts = {}
    with attached(guard.conn, {"work": work}), guard.transaction() as conn:
        for table in table_names:
            counts[table] = apply_differences(conn, "work", table)
        apply_differences(conn, "work", "gpkg_contents", "table_name", inserts=False,
                          deletes=False)
    return counts
