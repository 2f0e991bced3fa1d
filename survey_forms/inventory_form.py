"""The inventory forms, declared once: premises, their observations, centralities, campaigns.

Plain data, no QGIS import. :mod:`survey_forms.qgis_form` turns a :class:`LayerForm` into a
QGIS edit form (drag-and-drop tabs, editor widgets, constraints, defaults) on a vector layer;
``scripts/make_forms.py`` exports those forms as QML under ``resources/styles/`` and schema
migration 5 (:mod:`store.inventory_styles`) stores them as each table's default style in the
GeoPackage's ``layer_styles``, so QGIS and QField open every layer with its form.

Labels are French (the users' language; the form is data stored in the file, not plugin UI)
with an English twin. Expressions are QGIS expressions. Value maps are filled from the
GeoPackage field domain named by ``FormField.domain`` (the nomenclature tables' codes).

Workflow of an observation (see :mod:`store.campaigns`): a campaign pre-fills one observation per
premise marked ``to_confirm``; saving it in the form stamps the visit (``observed_at``, agent)
and marks it ``confirmed``; the agent sets ``changed`` when the premise changed; an
observation created in the field is ``new``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

# Project variables the forms read (set by the "Inventaire" project and the field packages).
AGENT_VARIABLE = "observatoire_agent"
CAMPAIGN_VARIABLE = "observatoire_campaign_uuid"
CAMPAIGN_NAME_VARIABLE = "observatoire_campaign"

# The relation premise -> observations (by uuid), shown in the premise form.
PREMISE_OBSERVATIONS_RELATION = "premise_observations_premise_uuid"

PHOTO_DIR = "DCIM"
PHOTO_NAME = (
    f"'{PHOTO_DIR}/' || \"premise_uuid\" || '_' || "
    f"coalesce(\"campaign_uuid\", @{CAMPAIGN_VARIABLE}, 'campagne') || '_' || "
    "format_date(now(), 'yyyyMMdd_hhmmss') || '.jpg'"
)
OPEN_CAMPAIGN = (
    "aggregate(layer:='campaigns', aggregate:='max', expression:=\"uuid\", "
    "filter:=\"state\" = 'open')"
)
NEW_UUID = "uuid('WithoutBraces')"
NAF_PATTERN = "^[0-9]{2}\\.[0-9]{2}[A-Z]$"

# Widget types (QGIS editor widget ids).
HIDDEN = "Hidden"
TEXT = "TextEdit"
VALUE_MAP = "ValueMap"
RANGE = "Range"
CHECKBOX = "CheckBox"
DATETIME = "DateTime"
ATTACHMENT = "ExternalResource"
RELATION_REFERENCE = "RelationReference"


@dataclass(frozen=True)
class Constraint:
    """A QGIS expression that must be true, and the message shown when it is not."""

    expression: str
    message_fr: str
    message_en: str
    soft: bool = False


@dataclass(frozen=True)
class FormField:
    name: str
    label_fr: str
    label_en: str
    widget: str = TEXT
    config: Dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    domain: Optional[str] = None          # value map from this GeoPackage domain
    default: Optional[str] = None         # QGIS expression
    apply_on_update: bool = False         # re-evaluate the default when the feature is saved
    required: bool = False                # not-null constraint (hard)
    constraint: Optional[Constraint] = None
    editable: bool = True
    multiline: bool = False


@dataclass(frozen=True)
class RelationItem:
    """A relation editor (child features) placed in a tab."""

    relation_id: str
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class Tab:
    name: str
    label_fr: str
    label_en: str
    items: Tuple[object, ...]             # field names (str) or RelationItem
    visibility: Optional[str] = None      # QGIS expression: the tab shows only when true


@dataclass(frozen=True)
class Relation:
    id: str
    name: str
    referencing_table: str
    referencing_field: str
    referenced_table: str
    referenced_field: str
    composition: bool = True


@dataclass(frozen=True)
class LayerForm:
    table: str
    fields: Tuple[FormField, ...]
    tabs: Tuple[Tab, ...]
    display_expression: str
    attachment_naming: Dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def field(self, name: str) -> FormField:
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(f"{self.table} form has no field {name!r}")

    @property
    def field_names(self) -> Tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def placed_fields(self) -> Tuple[str, ...]:
        return tuple(i for t in self.tabs for i in t.items if isinstance(i, str))


def _text(name, fr, en, **kw) -> FormField:
    return FormField(name, fr, en, TEXT, **kw)


def _hidden(name) -> FormField:
    return FormField(name, name, name, HIDDEN, editable=False)


def _uuid() -> FormField:
    return FormField("uuid", "Identifiant", "Identifier", HIDDEN, default=NEW_UUID,
                     required=True, editable=False)


_DATETIME = {"allow_null": True, "calendar_popup": True, "display_format": "dd/MM/yyyy HH:mm",
             "field_format": "yyyy-MM-ddTHH:mm:ss", "field_iso_format": True}
_DATE = {"allow_null": True, "calendar_popup": True, "display_format": "dd/MM/yyyy",
         "field_format": "yyyy-MM-dd", "field_iso_format": False}

PREMISES = LayerForm(
    table="premises",
    fields=(
        _hidden("fid"),
        _uuid(),
        _text("address", "Adresse", "Address"),
        _text("street", "Voie", "Street"),
        _text("commune_code", "Code commune (INSEE)", "Commune code (INSEE)",
              constraint=Constraint("\"commune_code\" IS NULL OR "
                                    "regexp_match(\"commune_code\", '^[0-9][0-9AB][0-9]{3}$')",
                                    "Le code commune INSEE a 5 caractères (ex. 86194).",
                                    "The INSEE commune code has 5 characters (e.g. 86194).")),
        FormField("floor_area", "Surface de vente (m²)", "Floor area (m²)", RANGE,
                  {"AllowNull": True, "Min": 0.0, "Max": 1000000.0, "Step": 1.0,
                   "Style": "SpinBox", "Precision": 1},
                  constraint=Constraint("\"floor_area\" IS NULL OR \"floor_area\" > 0",
                                        "La surface doit être strictement positive.",
                                        "The floor area must be positive.")),
        FormField("ground_floor", "Rez-de-chaussée", "Ground floor", CHECKBOX,
                  {"CheckedState": "1", "UncheckedState": "0", "TextDisplayMethod": 0},
                  default="1", required=True),
        FormField("created_at", "Créé le", "Created on", DATETIME, dict(_DATETIME),
                  default="now()"),
        FormField("retired_at", "Disparu le", "Retired on", DATETIME, dict(_DATETIME)),
        _text("notes", "Notes", "Notes", multiline=True),
    ),
    tabs=(
        Tab("identification", "Identification", "Identification",
            ("address", "street", "commune_code", "floor_area", "ground_floor")),
        Tab("observations", "Observations", "Observations",
            (RelationItem(PREMISE_OBSERVATIONS_RELATION, "Observations par campagne",
                          "Observations per campaign"),)),
        Tab("notes", "Notes", "Notes", ("created_at", "retired_at", "notes")),
    ),
    display_expression="coalesce(\"address\", \"uuid\")",
)

PREMISE_OBSERVATIONS = LayerForm(
    table="premise_observations",
    fields=(
        _hidden("fid"),
        _uuid(),
        FormField("premise_uuid", "Local", "Premise", RELATION_REFERENCE,
                  {"Relation": PREMISE_OBSERVATIONS_RELATION, "AllowNULL": False,
                   "ShowForm": False, "ShowOpenFormButton": True, "MapIdentification": True,
                   "ReadOnly": False, "OrderByValue": True, "AllowAddFeatures": False},
                  required=True),
        _text("campaign_uuid", "Campagne", "Campaign",
              default=f"coalesce(@{CAMPAIGN_VARIABLE}, {OPEN_CAMPAIGN})", required=True,
              editable=False),
        FormField("status", "Statut du local", "Premise status", VALUE_MAP,
                  domain="observation_status", required=True,
                  constraint=Constraint("\"status\" IS NOT NULL AND \"status\" <> 'unknown'",
                                        "Le statut est obligatoire : indiquez si le local est "
                                        "occupé, vacant, en travaux…",
                                        "The status is required: say whether the premise is "
                                        "occupied, vacant, under works…")),
        FormField("visit_state", "Visite", "Visit", VALUE_MAP, domain="visit_state",
                  default="CASE WHEN \"visit_state\" IS NULL THEN 'new' "
                          "WHEN \"visit_state\" = 'to_confirm' THEN 'confirmed' "
                          "ELSE \"visit_state\" END",
                  apply_on_update=True, required=True),
        FormField("activity_group", "Groupe d'activité", "Activity group", VALUE_MAP,
                  domain="activity_group",
                  constraint=Constraint("\"status\" IS NULL OR \"status\" <> 'occupied' OR "
                                        "\"activity_group\" IS NOT NULL",
                                        "Un local occupé doit avoir un groupe d'activité.",
                                        "An occupied premise needs an activity group.")),
        _text("naf_code", "Code NAF", "NAF code",
              constraint=Constraint(f"\"naf_code\" IS NULL OR regexp_match(\"naf_code\", "
                                    f"'{NAF_PATTERN}')",
                                    "Code NAF rév. 2 attendu sous la forme 47.11F.",
                                    "NAF rev. 2 code expected as 47.11F.")),
        _text("sign_name", "Enseigne", "Sign"),
        FormField("chain_type", "Type d'enseigne", "Chain type", VALUE_MAP, domain="chain_type"),
        FormField("photo", "Photo de la devanture", "Shop front photo", ATTACHMENT,
                  {"DocumentViewer": 1, "DocumentViewerHeight": 0, "DocumentViewerWidth": 0,
                   "FileWidget": True, "FileWidgetButton": True,
                   "FileWidgetFilter": "Images (*.jpg *.jpeg *.png)", "RelativeStorage": 1,
                   "StorageMode": 0, "UseLink": False, "FullUrl": False}),
        _text("agent", "Agent", "Agent",
              default=f"if(\"agent\" IS NULL OR \"visit_state\" = 'to_confirm', "
                      f"coalesce(@{AGENT_VARIABLE}, \"assigned_agent\", @user_full_name), "
                      "\"agent\")",
              apply_on_update=True),
        FormField("observed_at", "Date de la visite", "Visit date", DATETIME, dict(_DATETIME),
                  default="if(\"observed_at\" IS NULL OR \"visit_state\" = 'to_confirm', now(), "
                          "\"observed_at\")",
                  apply_on_update=True),
        _text("notes", "Notes", "Notes", multiline=True),
        _text("prefilled_from_uuid", "Pré-rempli depuis", "Pre-filled from", editable=False),
        _text("assigned_agent", "Agent affecté", "Assigned agent", editable=False),
    ),
    tabs=(
        Tab("identification", "Identification", "Identification",
            ("premise_uuid", "campaign_uuid", "agent", "observed_at", "assigned_agent")),
        Tab("occupancy", "Occupation", "Occupancy", ("status", "visit_state")),
        Tab("activity", "Activité", "Activity",
            ("activity_group", "naf_code", "sign_name", "chain_type"),
            visibility="\"status\" = 'occupied'"),
        Tab("photo", "Photo", "Photo", ("photo",)),
        Tab("notes", "Notes", "Notes", ("notes", "prefilled_from_uuid")),
    ),
    display_expression="coalesce(\"sign_name\", \"status\") || ' (' || "
                       "coalesce(\"visit_state\", '') || ')'",
    attachment_naming={"photo": PHOTO_NAME},
)

CENTRALITIES = LayerForm(
    table="centralities",
    fields=(
        _hidden("fid"),
        _uuid(),
        _text("name", "Nom", "Name", required=True,
              constraint=Constraint("length(trim(\"name\")) > 0",
                                    "Donnez un nom à la centralité.",
                                    "Give the centrality a name.")),
        FormField("level", "Niveau", "Level", VALUE_MAP, domain="centrality_level",
                  default="'primary'", required=True),
        _text("commune_code", "Code commune (INSEE)", "Commune code (INSEE)"),
        _text("notes", "Notes", "Notes", multiline=True),
    ),
    tabs=(
        Tab("identification", "Identification", "Identification",
            ("name", "level", "commune_code")),
        Tab("notes", "Notes", "Notes", ("notes",)),
    ),
    display_expression="\"name\"",
)

CAMPAIGNS = LayerForm(
    table="campaigns",
    fields=(
        _hidden("fid"),
        _uuid(),
        _text("name", "Nom", "Name", required=True,
              constraint=Constraint("length(trim(\"name\")) > 0",
                                    "Donnez un nom à la campagne.", "Give the campaign a name.")),
        FormField("year", "Année", "Year", RANGE,
                  {"AllowNull": True, "Min": 1990, "Max": 2100, "Step": 1, "Style": "SpinBox"},
                  default="year(now())"),
        FormField("start_date", "Début", "Start", DATETIME, dict(_DATE)),
        FormField("end_date", "Fin", "End", DATETIME, dict(_DATE),
                  constraint=Constraint("\"end_date\" IS NULL OR \"start_date\" IS NULL OR "
                                        "\"end_date\" >= \"start_date\"",
                                        "La fin de la campagne précède son début.",
                                        "The campaign ends before it starts.")),
        FormField("state", "État", "State", VALUE_MAP,
                  {"map": [{"Ouverte": "open"}, {"Close": "closed"}]}, default="'open'",
                  required=True),
        FormField("perimeter", "Périmètre", "Perimeter", TEXT, editable=False),
        FormField("closed_at", "Close le", "Closed on", DATETIME, dict(_DATETIME),
                  editable=False),
        _text("notes", "Notes", "Notes", multiline=True),
    ),
    tabs=(
        Tab("identification", "Identification", "Identification",
            ("name", "year", "start_date", "end_date")),
        Tab("follow_up", "Suivi", "Follow-up", ("state", "closed_at", "perimeter")),
        Tab("notes", "Notes", "Notes", ("notes",)),
    ),
    display_expression="\"name\"",
)

FORMS: Dict[str, LayerForm] = {f.table: f for f in
                               (PREMISES, PREMISE_OBSERVATIONS, CENTRALITIES, CAMPAIGNS)}

RELATIONS = (
    Relation(PREMISE_OBSERVATIONS_RELATION, "Observations du local", "premise_observations",
             "premise_uuid", "premises", "uuid", composition=True),
)


def style_file(table: str) -> str:
    """File name of a table's generated style under ``resources/styles/``."""
    return f"{table}.qml"


def check_form(form: LayerForm, columns) -> list:
    """Problems of a form against the table's columns (empty list: consistent)."""
    problems = []
    columns = list(columns)
    for item in form.fields:
        if item.name not in columns:
            problems.append(f"{form.table}: field {item.name!r} is not a column")
    names = set(form.field_names)
    for tab in form.tabs:
        for entry in tab.items:
            if isinstance(entry, str) and entry not in names:
                problems.append(f"{form.table}: tab {tab.name!r} places unknown field {entry!r}")
    placed = form.placed_fields()
    duplicates = sorted({n for n in placed if placed.count(n) > 1})
    if duplicates:
        problems.append(f"{form.table}: fields placed twice: {', '.join(duplicates)}")
    return problems
