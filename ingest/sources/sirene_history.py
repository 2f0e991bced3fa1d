"""INSEE SIRENE ``StockEtablissementHistorique`` CSV → validated periods, and the positions of
establishments from a ``StockEtablissement`` file.

The history file has one row per period of an establishment, with INSEE's column names:
``siren``, ``nic``, ``siret``, ``dateFin``, ``dateDebut``, ``etatAdministratifEtablissement``
(A active, F closed), ``changementEtatAdministratifEtablissement``, ``enseigne1Etablissement``
… ``enseigne3Etablissement``, ``changementEnseigneEtablissement``,
``denominationUsuelleEtablissement``, ``changementDenominationUsuelleEtablissement``,
``activitePrincipaleEtablissement``, ``nomenclatureActivitePrincipaleEtablissement``,
``changementActivitePrincipaleEtablissement``, ``caractereEmployeurEtablissement``,
``changementCaractereEmployeurEtablissement``. Read here: ``siret`` (required), ``dateDebut``
(required column; an empty value is a period starting before the register's history),
``etatAdministratifEtablissement`` (required), the optional others. The ``changement*`` flags
are not needed: every period is kept and the barometer compares consecutive periods itself.

Rejected rows (listed with the row number): a siret that is not 14 digits or does not start with
the row's siren; a start or end that is not a date; an end before the start; a state other than
A or F; a second period of the same siret starting on the same day. Activity codes of an older
nomenclature (NAP, NAFRev1…) are kept as they are (they map to no activity group; the barometer
counts them as ``unmapped``).

The history has no address: the barometer places each establishment with its position in a
stock file (:func:`read_positions`: any administrative state, with coordinates in one of the
three forms :func:`ingest.sources.sirene.read_sirene` reads) or through the premise a SIRENE
import linked its siret to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from ...i18n import noop, tr
from .report import ImportReport
from .sirene import _address, _coordinates
from .tabular import (
    Conventions,
    FieldSpec,
    finish,
    missing_columns_error,
    read_csv_text,
    reject_rows,
    repeated,
    text_columns,
    validate_table,
)

HISTORY_FIELDS = [
    FieldSpec("siret", required=True, pattern=r"\d{14}", hint=noop("a SIRET is 14 digits")),
    FieldSpec("siren", pattern=r"\d{9}", hint=noop("a SIREN is 9 digits")),
    FieldSpec("dateDebut", "date"), FieldSpec("dateFin", "date"),
    FieldSpec("etatAdministratifEtablissement", required=True, enum=("A", "F")),
    FieldSpec("activitePrincipaleEtablissement"),
    FieldSpec("nomenclatureActivitePrincipaleEtablissement"),
    FieldSpec("enseigne1Etablissement"), FieldSpec("denominationUsuelleEtablissement"),
    FieldSpec("caractereEmployeurEtablissement"),
]
REQUIRED_COLUMNS = ["siret", "dateDebut", "etatAdministratifEtablissement"]
POSITION_COLUMNS = ["siret", "siren", "codeCommuneEtablissement", "numeroVoieEtablissement",
                    "indiceRepetitionEtablissement", "typeVoieEtablissement",
                    "libelleVoieEtablissement", "coordonneeLambertAbscisseEtablissement",
                    "coordonneeLambertOrdonneeEtablissement", "x", "y", "epsg", "longitude",
                    "latitude", "x_longitude", "y_latitude"]


def read_history(path, report: ImportReport, *, conventions: Optional[Conventions] = None
                 ) -> pd.DataFrame:
    """Periods ``siret, siren, start, end, state, naf_code, naf_nomenclature, sign_name,
    employer, source_row`` (module docstring for what is rejected)."""
    name = Path(path).name
    raw = read_csv_text(path, report, conventions=conventions,
                        keep=[f.name for f in HISTORY_FIELDS])
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise missing_columns_error(name, missing, raw, report)
    out, valid = validate_table(raw, HISTORY_FIELDS, name, report, extra_columns="drop",
                                warn_extra=False, conventions=conventions)
    rows = out["source_row"].to_numpy()
    siret = out["siret"].astype(object)
    siren = out["siren"].astype(object)
    bad = valid & siren.notna().to_numpy() & (siret.str[:9] != siren).to_numpy()
    valid &= reject_rows(report, name, bad, rows, "siret", siret.to_numpy(),
                         tr("SIRET does not start with the SIREN of the row"))
    late = valid & (out["dateFin"] < out["dateDebut"]).to_numpy()
    valid &= reject_rows(report, name, late, rows, "dateFin",
                         out["dateFin"].dt.strftime("%Y-%m-%d").to_numpy(),
                         lambda i: tr("an end on or after the start ({start})").format(
                             start=f"{out['dateDebut'].iat[i]:%Y-%m-%d}"))
    key = out.assign(_start=out["dateDebut"].fillna(pd.Timestamp("1800-01-01")))
    dup = repeated(key, valid, ["siret", "_start"])
    valid &= reject_rows(report, name, dup, rows, "dateDebut",
                         out["dateDebut"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
                         tr("one period per siret and start date (duplicate)"))
    f = finish(out, valid, report)
    sign = f["enseigne1Etablissement"].where(f["enseigne1Etablissement"].notna(),
                                             f["denominationUsuelleEtablissement"])
    nomenclature = f["nomenclatureActivitePrincipaleEtablissement"].fillna("NAFRev2")
    return pd.DataFrame({
        "siret": f["siret"].astype(str), "siren": f["siret"].astype(str).str[:9],
        "start": f["dateDebut"], "end": f["dateFin"],
        "state": f["etatAdministratifEtablissement"].astype(str),
        "naf_code": f["activitePrincipaleEtablissement"], "naf_nomenclature": nomenclature,
        "sign_name": sign, "employer": f["caractereEmployeurEtablissement"],
        "source_row": f["source_row"]})


def read_positions(path, report: ImportReport, *, communes: Optional[Iterable[str]] = None,
                   conventions: Optional[Conventions] = None) -> pd.DataFrame:
    """Establishments of a SIRENE stock file, whatever their state: ``siret, siren,
    commune_code, address, x, y, epsg, row``, with NaN coordinates when the row has none.
    ``communes``: keep only these INSEE commune codes. A malformed siret is rejected."""
    name = Path(path).name
    frame = read_csv_text(path, report, conventions=conventions, keep=POSITION_COLUMNS)
    missing = [c for c in ("siret", "codeCommuneEtablissement") if c not in frame.columns]
    if missing:
        raise missing_columns_error(name, missing, frame, report)
    frame = frame.rename(columns={"source_row": "row"})
    text_columns(frame, POSITION_COLUMNS)
    report.rows_read += len(frame)
    if communes is not None:
        frame = frame[frame["codeCommuneEtablissement"].isin({str(c).strip()
                                                             for c in communes})]
    ok = frame["siret"].str.fullmatch(r"\d{14}").to_numpy()
    ok &= reject_rows(report, name, ~ok, frame["row"].to_numpy(), "siret",
                      frame["siret"].to_numpy(), tr("a SIRET is 14 digits"))
    dup = ok & frame["siret"].duplicated().to_numpy()
    ok &= reject_rows(report, name, dup, frame["row"].to_numpy(), "siret",
                      frame["siret"].to_numpy(), tr("duplicate SIRET: already read on an "
                                                    "earlier row"))
    frame = frame[ok]
    x, y, epsg = _coordinates(frame)
    address, _street = _address(frame)
    report.rows_accepted += len(frame)
    return pd.DataFrame({"siret": frame["siret"], "siren": frame["siret"].str[:9],
                         "commune_code": frame["codeCommuneEtablissement"],
                         "address": address.replace("", None), "x": x.to_numpy(dtype=float),
                         "y": y.to_numpy(dtype=float),
                         "epsg": epsg.to_numpy(dtype=float), "row": frame["row"]}
                        ).reset_index(drop=True)
