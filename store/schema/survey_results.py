"""Schema v11: what the survey analyses keep (weights, margins, spending, typologies) and the
survey columns of ``indicators``.

Added by :func:`migrate_v11` (every table with ``fid`` + ``uuid``; relations by ``*_uuid``):

- ``indicators`` gains ``ci_low`` / ``ci_high`` (95 % confidence interval, unit of the value),
  ``respondents`` (unweighted responses behind a survey figure) and ``low_precision`` (1 when
  11 ≤ respondents < 30, 0 from 30 on; NULL for a figure that does not come from the survey).
  A survey cell under 11 respondents is never written (:mod:`analysis.secrecy`);
- ``survey_margins`` (editable): population per margin and category (gender, occupation, or an
  age band / home zone total that replaces the population grid's), with its source and year;
- ``survey_spending`` (editable, empty by default: nothing is invented): annual spending per
  household and purchase category (€ / household / year), with its source and year;
- ``survey_weighting_runs``, ``survey_weighting_margins``, ``survey_weights``: one row per
  weighting run (settings and report: convergence, weight range, design effect, effective
  sample size), the margins it met, and the weight of each response in that run (several
  schemes coexist; analyses choose one, by default the latest);
- ``survey_typology_runs``, ``survey_types`` (names editable), ``survey_response_types``,
  ``survey_type_answers``: one consumption typology per run, its types, the type of each
  response and the answers that characterise each type (test-values).

Coded fields carry GeoPackage enum domains (``survey_margin``, ``survey_weighting_method``,
``survey_purchase_category``; ``survey_weights.age_band`` uses the questionnaire's
``survey_age_band``).
"""

from __future__ import annotations

from .. import gpkg

UUID = "uuid TEXT NOT NULL UNIQUE"
BOOL = "INTEGER NOT NULL CHECK ({c} IN (0, 1))"

MARGINS = "survey_margins"
SPENDING = "survey_spending"
WEIGHTING_RUNS = "survey_weighting_runs"
WEIGHTING_MARGINS = "survey_weighting_margins"
WEIGHTS = "survey_weights"
TYPOLOGY_RUNS = "survey_typology_runs"
TYPES = "survey_types"
RESPONSE_TYPES = "survey_response_types"
TYPE_ANSWERS = "survey_type_answers"

# Margins a weighting may use (questionnaire columns, plus the home zone derived from the
# home IRIS / commune).
MARGIN_CODES = (
    ("age_band", "Tranche d'âge"),
    ("home_zone", "Zone de résidence (commune ou IRIS)"),
    ("gender", "Genre"),
    ("occupation", "Situation professionnelle"),
)
WEIGHTING_METHODS = (
    ("rake", "Calage par raking (ajustements proportionnels itératifs)"),
    ("calibrate", "Calage par raking borné (rapports de poids bornés)"),
)
# The questionnaire's purchase categories (survey_forms.questionnaire.PURCHASE_CATEGORIES;
# a test checks they agree): the store imports no form definition.
PURCHASE_CATEGORIES = (
    ("food_daily", "Alimentation du quotidien"),
    ("food_weekly", "Grandes courses alimentaires"),
    ("clothing", "Habillement, chaussures, accessoires"),
    ("home", "Équipement de la maison, bricolage, jardin"),
    ("culture_leisure", "Culture, loisirs"),
    ("health_beauty", "Hygiène, santé, beauté"),
    ("restaurants", "Restaurants, cafés"),
)

INDICATOR_COLUMNS = (
    ("ci_low", "REAL", "Lower bound of the 95 % confidence interval (survey figures)"),
    ("ci_high", "REAL", "Upper bound of the 95 % confidence interval (survey figures)"),
    ("respondents", "INTEGER CHECK (respondents IS NULL OR respondents >= 0)",
     "Unweighted respondents behind a survey figure (never fewer than 11)"),
    ("low_precision", "INTEGER CHECK (low_precision IS NULL OR low_precision IN (0, 1))",
     "1: fewer than 30 respondents (low precision); NULL: not a survey figure"),
)

# (table, columns after fid, description)
V10_TABLES = [
    (MARGINS,
     f"{UUID}, margin TEXT NOT NULL, category TEXT NOT NULL, "
     "population REAL NOT NULL CHECK (population >= 0), source TEXT NOT NULL, "
     "year INTEGER NOT NULL, notes TEXT, UNIQUE (margin, category, year)",
     "Survey weighting: population per margin and category (editable; source and year)"),
    (SPENDING,
     f"{UUID}, category TEXT NOT NULL, spending REAL NOT NULL CHECK (spending >= 0), "
     "source TEXT NOT NULL, year INTEGER NOT NULL, notes TEXT, UNIQUE (category, year)",
     "Annual spending per household and purchase category, EUR (editable; source and year)"),
    (WEIGHTING_RUNS,
     f"{UUID}, name TEXT, created_at DATETIME NOT NULL, period TEXT NOT NULL, "
     "method TEXT NOT NULL CHECK (method IN ('rake', 'calibrate')), margins TEXT NOT NULL, "
     "zone_source TEXT, lower_bound REAL, upper_bound REAL, "
     "tolerance REAL NOT NULL CHECK (tolerance > 0 AND tolerance < 1), "
     "max_iterations INTEGER NOT NULL CHECK (max_iterations >= 1), "
     f"harmonised {BOOL.format(c='harmonised')}, converged {BOOL.format(c='converged')}, "
     "iterations INTEGER, respondents INTEGER NOT NULL, left_out INTEGER NOT NULL DEFAULT 0, "
     "population REAL, weight_min REAL, weight_max REAL, ratio_min REAL, ratio_max REAL, "
     "at_lower INTEGER, at_upper INTEGER, design_effect REAL, effective_sample_size REAL, "
     "max_margin_error REAL, parameters TEXT, notes TEXT",
     "Survey weighting runs: settings and report (several schemes may coexist)"),
    (WEIGHTING_MARGINS,
     f"{UUID}, run_uuid TEXT NOT NULL, margin TEXT NOT NULL, category TEXT NOT NULL, "
     "population REAL NOT NULL, respondents INTEGER NOT NULL, base_total REAL, "
     "weighted_total REAL, source TEXT, year INTEGER, position INTEGER NOT NULL, "
     "UNIQUE (run_uuid, margin, category)",
     "Survey weighting: the margins each run met (population, respondents, weighted total)"),
    (WEIGHTS,
     f"{UUID}, run_uuid TEXT NOT NULL, response_uuid TEXT NOT NULL, "
     "weight REAL NOT NULL CHECK (weight > 0), base_weight REAL NOT NULL, home_zone TEXT, "
     "age_band TEXT, UNIQUE (run_uuid, response_uuid)",
     "Survey weights: one per response and weighting run (persons represented)"),
    (TYPOLOGY_RUNS,
     f"{UUID}, name TEXT, created_at DATETIME NOT NULL, period TEXT NOT NULL, "
     "weighting_run_uuid TEXT NOT NULL, questions TEXT NOT NULL, n_types INTEGER NOT NULL, "
     f"ncp INTEGER NOT NULL, kk INTEGER, chosen {BOOL.format(c='chosen')}, "
     "respondents INTEGER NOT NULL, inertia_kept REAL, consolidated INTEGER, parameters TEXT, "
     "notes TEXT",
     "Consumption typology runs (MCA, Ward clustering, consolidation)"),
    (TYPES,
     f"{UUID}, run_uuid TEXT NOT NULL, type INTEGER NOT NULL, name TEXT NOT NULL, "
     "default_name TEXT NOT NULL, respondents INTEGER NOT NULL, weight REAL, share REAL, "
     "UNIQUE (run_uuid, type)",
     "Consumption types of each typology run (the name is editable)"),
    (RESPONSE_TYPES,
     f"{UUID}, run_uuid TEXT NOT NULL, response_uuid TEXT NOT NULL, type INTEGER NOT NULL, "
     "UNIQUE (run_uuid, response_uuid)",
     "Consumption type of each response, per typology run"),
    (TYPE_ANSWERS,
     f"{UUID}, run_uuid TEXT NOT NULL, type INTEGER NOT NULL, question TEXT NOT NULL, "
     "category TEXT NOT NULL, cla_mod REAL, mod_cla REAL, global_share REAL, p_value REAL, "
     "v_test REAL, UNIQUE (run_uuid, type, question, category)",
     "Answers characterising each consumption type (test-values, as FactoMineR catdes)"),
]

V10_INDEXES = [
    f"CREATE INDEX idx_survey_weights_run ON {WEIGHTS} (run_uuid)",
    f"CREATE INDEX idx_survey_weighting_margins_run ON {WEIGHTING_MARGINS} (run_uuid)",
    f"CREATE INDEX idx_survey_response_types_run ON {RESPONSE_TYPES} (run_uuid)",
    f"CREATE INDEX idx_survey_type_answers_run ON {TYPE_ANSWERS} (run_uuid, type)",
]

DOMAINS = {
    "survey_margin": MARGIN_CODES,
    "survey_weighting_method": WEIGHTING_METHODS,
    "survey_purchase_category": PURCHASE_CATEGORIES,
}
ATTACHED = [
    (MARGINS, "margin", "survey_margin"),
    (WEIGHTING_MARGINS, "margin", "survey_margin"),
    (WEIGHTING_RUNS, "method", "survey_weighting_method"),
    (SPENDING, "category", "survey_purchase_category"),
    (WEIGHTS, "age_band", "survey_age_band"),
]
DESCRIPTIONS = {
    (MARGINS, "population"): "Persons in the category (same population as the other margins)",
    (MARGINS, "source"): "Where the figure comes from (e.g. INSEE RP 2021, table …)",
    (SPENDING, "spending"): "EUR per household and year spent on the category",
    (SPENDING, "source"): "Where the figure comes from (e.g. INSEE Budget de famille 2017)",
    (WEIGHTS, "weight"): "Persons the response represents in this run",
    (WEIGHTS, "home_zone"): "Home zone (IRIS or commune code) the run raked to, or 'outside'",
    (TYPES, "name"): "Name of the type (editable; default from its characteristic answers)",
}


def migrate_v11(conn, srs_id: int) -> None:
    """Schema v11 (inside the caller's transaction); ``srs_id`` is unused (no feature table)."""
    del srs_id
    existing = set(gpkg.column_names(conn, "indicators"))
    for name, sql_type, description in INDICATOR_COLUMNS:
        if name not in existing:
            conn.execute(f"ALTER TABLE indicators ADD COLUMN {name} {sql_type}")
        conn.execute(
            "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, "
            "description) VALUES ('indicators', ?, ?, ?)", (name, name, description))
    gpkg.touch(conn, "indicators")
    for table, columns, description in V10_TABLES:
        gpkg.create_table(conn, table, columns, description=description)
    for statement in V10_INDEXES:
        conn.execute(statement)
    for domain, values in DOMAINS.items():
        gpkg.set_enum_domain(conn, domain, values)
    for table, column, domain in ATTACHED:
        gpkg.attach_domain(conn, table, column, domain)
    for (table, column), description in DESCRIPTIONS.items():
        if conn.execute("SELECT 1 FROM gpkg_data_columns WHERE table_name = ? AND "
                        "column_name = ?", (table, column)).fetchone():
            conn.execute("UPDATE gpkg_data_columns SET description = ? WHERE table_name = ? "
                         "AND column_name = ?", (description, table, column))
        else:
            conn.execute("INSERT INTO gpkg_data_columns (table_name, column_name, name, "
                         "description) VALUES (?, ?, ?, ?)", (table, column, column,
                                                              description))


def has_v11(conn) -> bool:
    """Does the file hold the survey results tables?"""
    return gpkg.table_exists(conn, WEIGHTS)
