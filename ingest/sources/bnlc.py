"""Carpool places of the *Base nationale des lieux de covoiturage* (schema lieux-covoiturage
v0.2.0, etalab).

Validation follows the schema (required fields, patterns of ``id_lieu``, ``insee`` and
``source``, the ``type`` list, dates ``YYYY-MM-DD``, booleans, coordinate ranges) plus two
checks of our own:

- coordinates must fall in France (metropolitan or overseas, WGS84 longitude/latitude): a
  place in the sea is refused and the reason says when ``Xlong``/``Ylat`` look swapped;
- ``date_maj`` in the future (after ``today``) is a *warning*: the row is kept.

Columns outside the schema, such as the ``id_local`` the national file carries, are kept and
reported once as a file-level warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional, Tuple, Union

import numpy as np
import pandas as pd

from ...i18n import noop, tr
from .comptage import INSEE_PATTERN
from .report import ImportReport
from .tabular import Conventions, FieldSpec, finish, read_csv_text, validate_table

PathLike = Union[str, Path]

PLACE_TYPES = ("Aire de covoiturage", "Sortie d'autoroute", "Parking", "Supermarché",
               "Parking relais", "Délaissé routier", "Auto-stop")

BNLC_FIELDS = [
    FieldSpec("id_lieu", required=True, pattern=r"^([013-9]\d|2[AB1-9])\d{3}-C-\d{3}$",
              hint=noop("an id written INSEE-C-NNN, e.g. 35238-C-001")),
    FieldSpec("nom_lieu", required=True),
    FieldSpec("ad_lieu"),
    FieldSpec("com_lieu"),
    FieldSpec("insee", required=True, pattern=INSEE_PATTERN,
              hint=noop("a 5-character INSEE commune code, e.g. 76540 or 2A004")),
    FieldSpec("type", required=True, enum=PLACE_TYPES),
    FieldSpec("date_maj", "date", required=True, date_format="%Y-%m-%d"),
    FieldSpec("ouvert", "boolean", required=True),
    FieldSpec("source", pattern=r"^\d{9}$", hint=noop("a 9-digit SIREN number")),
    FieldSpec("Xlong", "number", required=True, minimum=-180, maximum=180),
    FieldSpec("Ylat", "number", required=True, minimum=-90, maximum=90),
    FieldSpec("nbre_pl", "integer", minimum=0),
    FieldSpec("nbre_pmr", "integer", minimum=0),
    FieldSpec("duree", "integer", minimum=0),
    FieldSpec("horaires"),
    FieldSpec("proprio"),
    FieldSpec("lumiere", "boolean"),
    FieldSpec("comm"),
]

#: (lon min, lat min, lon max, lat max) of metropolitan France and the overseas departments
#: and collectivities, with a small margin.
FRANCE_BOXES = (
    (-5.8, 41.2, 10.0, 51.3),     # metropolitan France and Corsica
    (-63.2, 14.3, -60.7, 18.2),   # Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
    (-54.7, 2.0, -51.5, 6.0),     # Guyane
    (55.1, -21.5, 56.0, -20.8),   # La Réunion
    (44.9, -13.1, 45.4, -12.5),   # Mayotte
    (-56.5, 46.7, -56.1, 47.2),   # Saint-Pierre-et-Miquelon
)


def in_france(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """True where (lon, lat) lies in one of :data:`FRANCE_BOXES`."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    inside = np.zeros(lon.shape, dtype=bool)
    for x0, y0, x1, y1 in FRANCE_BOXES:
        inside |= (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)
    return inside


def read_bnlc(path: PathLike, *, today: Optional[dt.date] = None,
              report: Optional[ImportReport] = None,
              conventions: Optional[Conventions] = None) -> Tuple[pd.DataFrame, ImportReport]:
    """Read a BNLC CSV → ``(places, report)``.

    ``places`` has the schema's columns (``date_maj`` as datetime64, ``ouvert``/``lumiere``
    nullable booleans, counts nullable integers, ``Xlong``/``Ylat`` WGS84 degrees), the extra
    columns of the file (``id_local``) and ``source_row``. ``today`` (default: the current
    date) is the reference for future ``date_maj`` warnings.
    """
    report = report or ImportReport(str(path))
    name = Path(path).name
    today = today or dt.date.today()
    raw = read_csv_text(path, report, conventions=conventions)
    out, valid = validate_table(raw, BNLC_FIELDS, name, report, primary_key=["id_lieu"],
                                conventions=conventions)
    rows = out["source_row"].to_numpy()
    lon, lat = out["Xlong"].to_numpy(dtype=float), out["Ylat"].to_numpy(dtype=float)
    located = ~np.isnan(lon) & ~np.isnan(lat)
    outside = located & ~in_france(lon, lat)
    swapped = in_france(lat, lon)
    for i in np.flatnonzero(outside):
        reason = (tr("WGS84 longitude, latitude of a place in France (Xlong and Ylat look "
                     "swapped)") if swapped[i]
                  else tr("WGS84 longitude, latitude of a place in France"))
        report.reject(name, rows[i], "Xlong,Ylat", f"{lon[i]:g},{lat[i]:g}", reason)
    valid &= ~outside
    future = (out["date_maj"] > pd.Timestamp(today)).to_numpy() & valid
    for i in np.flatnonzero(future):
        report.warn(name, rows[i], "date_maj", f"{out['date_maj'].iat[i]:%Y-%m-%d}",
                    tr("a date not after today ({today}): row kept").format(
                        today=f"{today:%Y-%m-%d}"))
    return finish(out, valid, report), report
