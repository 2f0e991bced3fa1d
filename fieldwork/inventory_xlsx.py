"""A campaign's inventory as an Excel workbook for partners (CCI, shop associations), and back.

Export (:func:`export_inventory`): sheet ``Inventaire`` holds one row per observation of the
campaign (one per premise: ``UNIQUE (premise_uuid, campaign_uuid)``) with its premise; the coded
columns (status, activity group, chain type) carry Excel drop-down lists built from the
GeoPackage's domains; sheet ``Codes`` explains every code in French, sheet ``Lisez-moi`` says
what to fill and the rules; a very hidden sheet ``_export`` keeps the campaign and the values as
exported, so that the import knows what the partner changed.

Import (:func:`import_inventory`) applies the rules of the inventory forms to every row:
status required and a code of ``observation_statuses``; activity group required when the
status is ``occupied`` and a code of ``activity_groups``; chain type a code of ``chain_types``;
floor area a finite number > 0 and at most 1 000 000 m² (a decimal comma is accepted: ``85,5``;
``85 m2``, a date, ``inf``, ``1e999`` or ``NaN`` are invalid cells); NAF code ``NN.NNX`` and
known to ``naf_activity_map``; each row an
observation of the exported campaign, once. Only the cells the partner changed are applied; a
cell changed both in the workbook and in the GeoPackage since the export (e.g. by a field
sync) is a conflict and counts as an invalid row.

The rule: **all or nothing**. If any row is invalid, nothing is written and every invalid
cell is reported (row number as Excel shows it, column, value, what was expected); otherwise
every change is written in one transaction. A partial import would leave the campaign half
updated from one partner's file. No qgis import.

Formula injection: the workbook goes to partners, so a value from the data is never written as
a formula. Every text cell is written as a string (``t="inlineStr"``) with Excel's *quote
prefix* style, so that Excel and LibreOffice show ``=HYPERLINK(…)``, ``+33…``, ``-1``,
``@SUM(…)`` or a leading tab or carriage return as text, even after the cell is edited; the
value itself is unchanged (the import reads it back as it was), in every sheet, the hidden
ones included.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from ..i18n import tr
from ..jobs import zones
from ..store import campaigns as store_campaigns
from ..store import fieldwork as store_fieldwork
from ..store import gpkg, observatory, readers, tables

FORMAT_VERSION = "1"
SHEET = "Inventaire"
CODES_SHEET = "Codes"
README_SHEET = "Lisez-moi"
LISTS_SHEET = "Listes"
EXPORT_SHEET = "_export"
NAF_RE = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
OCCUPIED = "occupied"
MAX_FLOOR_AREA = 1_000_000.0  # m², the upper bound of the inventory form's floor-area widget
# Spaces Excel and French typing put in numbers: space, no-break space, narrow no-break space.
NUMBER_SPACES = (" ", "\u00a0", "\u202f")


@dataclass(frozen=True)
class Column:
    key: str            # technical name
    header_fr: str      # header in the workbook
    header_en: str      # also accepted on import
    editable: bool
    table: str          # premise_observations (o) or premises (p) or "" (derived)
    width: int = 16
    domain: Optional[str] = None      # nomenclature table of the drop-down list
    description_fr: str = ""


COLUMNS = (
    Column("observation_uuid", "Identifiant observation", "Observation id", False,
           "premise_observations", 38, description_fr="Ne pas modifier : identifie la ligne."),
    Column("premise_uuid", "Identifiant local", "Premise id", False, "premises", 38,
           description_fr="Ne pas modifier : identifie le local."),
    Column("centrality", "Centralité", "Centrality", False, "", 24,
           description_fr="Centralité où se trouve le local (information)."),
    Column("address", "Adresse", "Address", True, "premises", 32,
           description_fr="Adresse du local (à corriger si besoin)."),
    Column("commune_code", "Commune (INSEE)", "Commune (INSEE)", False, "premises", 10,
           description_fr="Code INSEE de la commune (information)."),
    Column("floor_area", "Surface (m²)", "Floor area (m²)", True, "premises", 12,
           description_fr="Surface de vente en m², nombre supérieur à 0 (vide si inconnue)."),
    Column("status", "Statut", "Status", True, "premise_observations", 16,
           "observation_statuses",
           "Obligatoire : code de la liste (voir la feuille Codes)."),
    Column("activity_group", "Groupe d'activité", "Activity group", True,
           "premise_observations", 26, "activity_groups",
           "Obligatoire si le local est occupé : code de la liste (voir la feuille Codes)."),
    Column("naf_code", "Code NAF", "NAF code", True, "premise_observations", 10,
           description_fr="Code NAF rév. 2 au format 47.11D (facultatif)."),
    Column("sign_name", "Enseigne", "Shop sign", True, "premise_observations", 26,
           description_fr="Nom de l'enseigne (facultatif)."),
    Column("chain_type", "Type d'enseigne", "Chain type", True, "premise_observations", 18,
           "chain_types", "Code de la liste (voir la feuille Codes), facultatif."),
    Column("notes", "Remarques", "Notes", True, "premise_observations", 30,
           description_fr="Remarques libres."),
    Column("agent", "Relevé par", "Recorded by", False, "premise_observations", 18,
           description_fr="Qui a fait le dernier relevé (information)."),
    Column("observed_at", "Relevé le", "Observed at", False, "premise_observations", 20,
           description_fr="Date du dernier relevé (information)."),
)
EDITABLE = tuple(c.key for c in COLUMNS if c.editable)
BY_KEY = {c.key: c for c in COLUMNS}
DOMAIN_TITLES = {"observation_statuses": "Statut", "activity_groups": "Groupe d'activité",
                 "chain_types": "Type d'enseigne"}


class InventoryWorkbookError(ValueError):
    """The workbook cannot be imported at all (not ours, wrong campaign, missing columns)."""


@dataclass(frozen=True)
class Problem:
    """One invalid cell: ``row`` as Excel numbers it (header = 1)."""

    row: int
    column: str         # header as written in the workbook
    value: str
    expected: str
    code: str           # missing_required, unknown_code, not_positive, not_a_number, ...


@dataclass
class InventoryImport:
    file: str
    campaign: str
    rows_read: int = 0
    problems: List[Problem] = field(default_factory=list)
    changes: List[tuple] = field(default_factory=list)   # (row, observation_uuid, key, old, new)
    updated_observations: int = 0
    updated_premises: int = 0
    written: bool = False

    @property
    def invalid_rows(self) -> List[int]:
        return sorted({p.row for p in self.problems})

    @property
    def unchanged(self) -> int:
        return self.rows_read - len({c[1] for c in self.changes}) - len(self.invalid_rows)


# ---------------------------------------------------------------------------------------------
# Reading the GeoPackage
# ---------------------------------------------------------------------------------------------

def find_campaign(conn, name_or_uuid: Optional[str] = None) -> dict:
    """The campaign by name or uuid; the latest one (by start date) when empty
    (:func:`store.campaigns.find`)."""
    return store_campaigns.find(conn, name_or_uuid, when_empty="latest")


def domain_codes(conn) -> Dict[str, List[tuple]]:
    """nomenclature table -> [(code, label_fr)] in display order."""
    return {table: store_fieldwork.nomenclature_codes(conn, table) for table in DOMAIN_TITLES}


def inventory_rows(conn, campaign_uuid: str) -> List[dict]:
    """One dict per observation of the campaign, keys of :data:`COLUMNS`, in display order."""
    rows = store_fieldwork.observations_with_premises(conn, campaign_uuid)
    centralities = readers.centralities(conn)
    names = {c["uuid"]: c["name"] for c in centralities}
    order = {c["uuid"]: i for i, c in enumerate(centralities)}
    where = zones.assign_centralities(readers.premises(conn), centralities)
    for row in rows:
        cent = where.get(row["premise_uuid"])
        row["centrality"] = names.get(cent)
        row["_order"] = (order.get(cent, len(order)), row["street"] or "", row["address"] or "",
                         row["premise_uuid"])
    rows.sort(key=lambda r: r["_order"])
    return rows


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------

README_LINES = (
    "Inventaire des locaux commerciaux : mode d'emploi",
    "",
    "La feuille « Inventaire » contient une ligne par local et sa situation pour la campagne.",
    "Modifiez les colonnes sur fond blanc ; les colonnes grisées sont là pour information et "
    "ne sont pas relues.",
    "Ne supprimez pas de colonne, ne modifiez pas les identifiants, n'ajoutez pas de ligne.",
    "",
    "Règles vérifiées au retour du fichier :",
    "• Statut : obligatoire, un code de la liste (feuille « Codes »).",
    "• Groupe d'activité : obligatoire quand le statut est « occupied » (occupé).",
    "• Type d'enseigne : un code de la liste, ou vide.",
    "• Surface : un nombre supérieur à 0, ou vide.",
    "• Code NAF : au format 47.11D, ou vide.",
    "Si une seule ligne ne respecte pas ces règles, rien n'est enregistré : chaque erreur est "
    "signalée (ligne, colonne, valeur, valeur attendue) pour que vous la corrigiez.",
)


def _cell(value: Any) -> Any:
    return None if value is None or value == "" else value


def _put(sheet, row: int, column: int, value: Any):
    """Write one cell from the data: never a formula (see the module docstring)."""
    cell = sheet.cell(row, column)
    value = _cell(value)
    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if isinstance(value, bytes):
        value = value.hex()
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _put_row(sheet, row: int, values) -> None:
    for column, value in enumerate(values, start=1):
        _put(sheet, row, column, value)


def export_inventory(conn, campaign: Optional[str], path,
                     progress: Optional[Callable[[float], None]] = None) -> dict:
    """Write the campaign's inventory workbook; returns ``{"path", "campaign", "rows"}``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    info = find_campaign(conn, campaign)
    rows = inventory_rows(conn, info["uuid"])
    codes = domain_codes(conn)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([c.header_fr for c in COLUMNS])
    grey = PatternFill("solid", fgColor="DDDDDD")
    bold = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, index)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = column.width
    for n, row in enumerate(rows):
        _put_row(sheet, n + 2, [row.get(c.key) for c in COLUMNS])
        if progress and n % 200 == 0:
            progress(80.0 * n / max(1, len(rows)))
    last = max(2, len(rows) + 1)
    for index, column in enumerate(COLUMNS, start=1):
        if not column.editable:
            for r in range(2, len(rows) + 2):
                sheet.cell(r, index).fill = grey
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{last}"

    lists = workbook.create_sheet(LISTS_SHEET)
    for index, (table, values) in enumerate(codes.items(), start=1):
        lists.cell(1, index, table)
        for r, (code, _label) in enumerate(values, start=2):
            _put(lists, r, index, code)
        letter = lists.cell(1, index).column_letter
        column_index = next(i for i, c in enumerate(COLUMNS, start=1) if c.domain == table)
        target = sheet.cell(2, column_index).column_letter
        validation = DataValidation(
            type="list", formula1=f"={LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True, showErrorMessage=True, errorTitle="Code inconnu",
            error="Choisissez un code de la liste (voir la feuille Codes).")
        validation.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(validation)
    lists.sheet_state = "hidden"

    code_sheet = workbook.create_sheet(CODES_SHEET)
    code_sheet.append(["Colonne", "Code", "Signification"])
    for index in range(1, 4):
        code_sheet.cell(1, index).font = bold
    for table, values in codes.items():
        for code, label in values:
            _put_row(code_sheet, code_sheet.max_row + 1, [DOMAIN_TITLES[table], code, label])
    code_sheet.append([])
    code_sheet.append(["Colonne", "Modifiable", "Description"])
    code_sheet.cell(code_sheet.max_row, 1).font = bold
    for column in COLUMNS:
        code_sheet.append([column.header_fr, "oui" if column.editable else "non",
                           column.description_fr])
    for letter, width in (("A", 24), ("B", 24), ("C", 70)):
        code_sheet.column_dimensions[letter].width = width

    readme = workbook.create_sheet(README_SHEET, 0)
    territory = observatory.meta(conn).get("territory") or ""
    lines = list(README_LINES)
    lines[1] = (f"Campagne : {info['name']} — territoire : {territory} "
                f"— exporté le {dt.date.today().isoformat()}")
    for number, line in enumerate(lines, start=1):
        _put(readme, number, 1, line)
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 110

    snapshot = workbook.create_sheet(EXPORT_SHEET)
    _put_row(snapshot, 1, ["format", FORMAT_VERSION])
    _put_row(snapshot, 2, ["campaign_uuid", info["uuid"]])
    _put_row(snapshot, 3, ["campaign", info["name"]])
    _put_row(snapshot, 4, ["exported_at", gpkg.now_iso()])
    _put_row(snapshot, 5, ["observation_uuid", "premise_uuid", *EDITABLE])
    for number, row in enumerate(rows, start=6):
        _put_row(snapshot, number, [row["observation_uuid"], row["premise_uuid"],
                                    *[row.get(k) for k in EDITABLE]])
    snapshot.sheet_state = "veryHidden"
    workbook.active = workbook.sheetnames.index(SHEET)

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    if progress:
        progress(100)
    return {"path": str(path), "campaign": info["name"], "campaign_uuid": info["uuid"],
            "rows": len(rows)}


# ---------------------------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------------------------

def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


def _number(value: Any) -> Optional[float]:
    """Floor area as a float; ValueError when not a number.

    Accepted: a number cell, or a text holding a number with a decimal point or comma
    (``85,5``; spaces between thousands are ignored). Refused: dates and booleans, text with
    a unit (``85 m2``). Infinity and NaN come back as floats: the caller refuses them.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = value.strip()
    for space in NUMBER_SPACES:
        text = text.replace(space, "")
    return float(text.replace(",", "."))


def _same(key: str, a: Any, b: Any) -> bool:
    if key == "floor_area":
        try:
            fa, fb = _number(a), _number(b)
        except (ValueError, OverflowError):
            return False
        return fa == fb if fa is None or fb is None else abs(fa - fb) < 1e-9
    return _text(a) == _text(b)


def _read_workbook(path: Path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types
        raise InventoryWorkbookError(tr("{file}: not a readable .xlsx workbook ({error})").format(
            file=path.name, error=error)) from error
    if SHEET not in workbook.sheetnames or EXPORT_SHEET not in workbook.sheetnames:
        raise InventoryWorkbookError(tr(
            "{file}: not an inventory workbook exported by the observatory (sheets {sheet!r} "
            "and {export_sheet!r} expected); export the campaign first").format(
                file=path.name, sheet=SHEET, export_sheet=EXPORT_SHEET))
    return workbook


def _snapshot(workbook, path: Path):
    rows = list(workbook[EXPORT_SHEET].iter_rows(values_only=True))
    meta = {r[0]: r[1] for r in rows[:4] if r and len(r) > 1 and r[0]}
    if len(rows) < 5 or str(meta.get("format")) != FORMAT_VERSION \
            or not meta.get("campaign_uuid"):
        raise InventoryWorkbookError(tr("{file}: unknown inventory workbook format").format(
            file=path.name))
    header = list(rows[4])
    snapshot = {}
    for values in rows[5:]:
        if values and values[0]:
            snapshot[values[0]] = dict(zip(header, values))
    return meta, snapshot


def _map_headers(header) -> Dict[str, int]:
    names = {}
    for column in COLUMNS:
        for name in (column.header_fr, column.header_en, column.key):
            names[name.strip().lower()] = column.key
    found: Dict[str, int] = {}
    for index, head in enumerate(header):
        key = names.get(str(head or "").strip().lower())
        if key and key not in found:
            found[key] = index
    return found


def _check_row(number: int, values: dict, codes: Dict[str, List[str]], naf: set,
               headers: Dict[str, str]) -> List[Problem]:
    problems = []

    def add(key, expected, code):
        problems.append(Problem(number, headers[key], _text(values.get(key)) or "", expected,
                                code))

    def listing(table):
        return ", ".join(codes[table])

    status = _text(values.get("status"))
    if status is None:
        add("status", tr("a status code ({codes})").format(codes=listing("observation_statuses")),
            "missing_required")
    elif status not in codes["observation_statuses"]:
        add("status", tr("a status code ({codes})").format(codes=listing("observation_statuses")),
            "unknown_code")
    group = _text(values.get("activity_group"))
    if group is None:
        if status == OCCUPIED:
            add("activity_group", tr("an activity group code, required when the status is "
                                    "occupied ({codes})").format(
                                        codes=listing("activity_groups")), "missing_required")
    elif group not in codes["activity_groups"]:
        add("activity_group", tr("an activity group code ({codes})").format(
            codes=listing("activity_groups")), "unknown_code")
    chain = _text(values.get("chain_type"))
    if chain is not None and chain not in codes["chain_types"]:
        add("chain_type", tr("a chain type code ({codes}) or empty").format(
            codes=listing("chain_types")), "unknown_code")
    if "floor_area" in values:
        try:
            area = _number(values.get("floor_area"))
        except (ValueError, OverflowError):
            add("floor_area", tr("a number of m² greater than 0, or empty"), "not_a_number")
        else:
            if area is not None and not math.isfinite(area):
                add("floor_area", tr("a finite number of m² greater than 0, or empty "
                                     "(infinity and NaN are not floor areas)"), "not_finite")
            elif area is not None and not area > 0:
                add("floor_area", tr("a number of m² greater than 0, or empty"), "not_positive")
            elif area is not None and area > MAX_FLOOR_AREA:
                add("floor_area", tr("a floor area of at most {max} m²").format(
                    max=f"{MAX_FLOOR_AREA:,.0f}".replace(",", " ")), "too_large")
    naf_code = _text(values.get("naf_code"))
    if naf_code is not None:
        if not NAF_RE.match(naf_code):
            add("naf_code", tr("a NAF rev. 2 code such as 47.11D, or empty"), "invalid_format")
        elif naf and naf_code not in naf:
            add("naf_code", tr("a NAF rev. 2 code of the naf_activity_map table"),
                "unknown_code")
    return problems


def import_inventory(conn, path, *, agent: Optional[str] = None,
                     progress: Optional[Callable[[float], None]] = None,
                     is_canceled: Optional[Callable[[], bool]] = None) -> InventoryImport:
    """Check every row of a partner's workbook; write all changes in one transaction, or none.

    ``agent`` is recorded on the observations the workbook changes (``agent``, ``observed_at``
    now, and ``visit_state = 'changed'`` when the file has campaign workflows).

    Another program may commit to the GeoPackage while the rows are checked (QGIS saving a
    layer's edits, a field synchronisation): the conflict check would then have compared the
    workbook with values that are no longer the file's, and writing would overwrite that
    commit. A :class:`store.gpkg.ChangeGuard` on ``conn``, taken before the GeoPackage is read,
    sees such a commit (also one still in the ``-wal`` file) under the write lock, and the
    import is refused with nothing written; run again, it reports the cells changed meanwhile
    as conflicts.

    The workbook is a zip archive opened by openpyxl without limits: the caller puts it
    through :func:`ingest.sources.archive.check_workbook` first (the import algorithm does;
    ``fieldwork`` may not import ``ingest``).

    :raises InventoryWorkbookError: not an inventory workbook, unknown campaign, missing columns.
    :raises store.gpkg.FileChangedError: the GeoPackage changed while the rows were checked.
    """
    path = Path(path)
    if not path.is_file():
        raise InventoryWorkbookError(tr("{path}: no such file").format(path=path))
    workbook = _read_workbook(path)
    meta, snapshot = _snapshot(workbook, path)
    guard = gpkg.ChangeGuard.over(conn)   # before anything the write relies on is read
    info = tables.first(conn, "campaigns", ["uuid", "name"], {"uuid": str(meta["campaign_uuid"])})
    if info is None:
        raise InventoryWorkbookError(tr(
            "{file}: exported for campaign {campaign!r} ({uuid}), which this GeoPackage does "
            "not hold").format(file=path.name, campaign=meta.get("campaign"),
                               uuid=meta["campaign_uuid"]))
    sheet = workbook[SHEET]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows, None) or ())
    positions = _map_headers(header)
    missing = [BY_KEY[k].header_fr for k in ("observation_uuid", "status", "activity_group")
               if k not in positions]
    if missing:
        raise InventoryWorkbookError(tr(
            "{file}: column(s) missing from sheet {sheet!r}: {columns}").format(
                file=path.name, sheet=SHEET, columns=", ".join(missing)))
    headers = {k: str(header[i]) for k, i in positions.items()}
    result = InventoryImport(file=path.name, campaign=info["name"])
    codes = {t: [c for c, _ in values] for t, values in domain_codes(conn).items()}
    naf = set(tables.values(conn, "naf_activity_map", "naf_code", distinct=True)) \
        if gpkg.table_exists(conn, "naf_activity_map") else set()
    current = {r["observation_uuid"]: r for r in store_fieldwork.observations_with_premises(
        conn, info["uuid"])}
    seen: Dict[str, int] = {}
    planned: List[tuple] = []
    body = list(rows)
    for offset, raw in enumerate(body):
        number = offset + 2
        if raw is None or all(_text(v) is None for v in raw):
            continue
        if is_canceled and is_canceled():
            return result
        if progress and offset % 200 == 0:
            progress(80.0 * offset / max(1, len(body)))
        result.rows_read += 1
        values = {k: (raw[i] if i < len(raw) else None) for k, i in positions.items()}
        obs_uuid = _text(values.get("observation_uuid"))
        id_header = headers["observation_uuid"]
        if obs_uuid is None or obs_uuid not in snapshot or obs_uuid not in current:
            result.problems.append(Problem(
                number, id_header, obs_uuid or "",
                tr("the id of an observation of campaign {campaign!r} exported in this "
                   "workbook (rows cannot be added)").format(campaign=info["name"]),
                "unknown_row"))
            continue
        if obs_uuid in seen:
            result.problems.append(Problem(number, id_header, obs_uuid,
                                           tr("each observation once (already on row "
                                              "{row})").format(row=seen[obs_uuid]),
                                           "duplicate"))
            continue
        seen[obs_uuid] = number
        original, now = snapshot[obs_uuid], current[obs_uuid]
        merged = {k: (values[k] if k in values else now.get(k)) for k in EDITABLE}
        row_problems = _check_row(number, {**merged, **{k: values[k] for k in values}},
                                  codes, naf, {**{k: BY_KEY[k].header_fr for k in EDITABLE},
                                               **headers})
        for key in EDITABLE:
            if key not in values or _same(key, values[key], original.get(key)):
                continue
            if not _same(key, now.get(key), original.get(key)) \
                    and not _same(key, now.get(key), values[key]):
                row_problems.append(Problem(
                    number, headers[key], _text(values[key]) or "",
                    tr("the value at export ({before}): the GeoPackage has changed it since "
                       "to {now}; re-export the workbook").format(
                           before=_text(original.get(key)) or tr("empty"),
                           now=_text(now.get(key)) or tr("empty")), "conflict"))
                continue
            if _same(key, now.get(key), values[key]):
                continue
            if key == "floor_area" and any(p.column == headers[key] for p in row_problems):
                continue  # reported above; never converted
            new = _number(values[key]) if key == "floor_area" else _text(values[key])
            planned.append((number, obs_uuid, key, now.get(key), new))
        result.problems.extend(row_problems)
    if result.problems:
        return result
    result.changes = planned
    if not planned or (is_canceled and is_canceled()):
        return result
    workflow = "visit_state" in gpkg.column_names(conn, "premise_observations")
    stamp = gpkg.now_iso()
    observations: Dict[str, Dict[str, Any]] = {}
    premises: Dict[str, Dict[str, Any]] = {}
    for _row, obs_uuid, key, _old, new in planned:
        if BY_KEY[key].table == "premises":
            premises.setdefault(current[obs_uuid]["premise_uuid"], {})[key] = new
        else:
            observations.setdefault(obs_uuid, {})[key] = new
    stamped = {}
    for obs_uuid, changes in observations.items():
        stamped[obs_uuid] = dict(changes, observed_at=stamp)
        if agent:
            stamped[obs_uuid]["agent"] = agent
    with guard.transaction():
        store_fieldwork.update_observations(conn, stamped, workflow=workflow)
        tables.update(conn, "premises", "uuid",
                      [dict(changes, uuid=premise_uuid)
                       for premise_uuid, changes in premises.items()])
    result.updated_observations = len(observations)
    result.updated_premises = len(premises)
    result.written = True
    if progress:
        progress(100)
    return result
