"""Schema v3: the campaign workflow columns, the field-package registry and sync conflicts.

``premise_observations`` gains ``visit_state`` (to confirm / confirmed / changed / new),
``prefilled_from_uuid`` and ``assigned_agent``; ``campaigns`` gains ``perimeter`` and
``closed_at``; the tables ``field_packages`` and ``sync_conflicts`` are created with their field
domains. The campaign logic that uses them lives in :mod:`jobs.campaigns`.
"""

from __future__ import annotations

import uuid

from .. import gpkg, nomenclatures

VISIT_STATES = [
    ("to_confirm", "À confirmer"),
    ("confirmed", "Confirmé"),
    ("changed", "Modifié"),
    ("new", "Nouveau local"),
]
VISITED_STATES = ("confirmed", "changed", "new")
PACKAGE_STATES = [("prepared", "Préparé"), ("imported", "Synchronisé")]
CONFLICT_KINDS = [
    ("update_update", "Même champ modifié deux fois"),
    ("update_deleted", "Modification d'un objet supprimé"),
    ("delete_updated", "Suppression d'un objet modifié"),
]
# Columns copied from the previous observation when a campaign opens.
PREFILLED_COLUMNS = ("status", "activity_group", "naf_code", "sign_name", "chain_type")
# Status given to a premise that has no previous observation (added to the nomenclature by v3).
UNKNOWN_STATUS = ("unknown", "Non renseigné", "Not recorded")


def migrate_v3(conn, srs_id: int) -> None:
    """Schema v3: campaign workflow columns, field-package registry and sync conflicts.

    Runs inside the caller's transaction. ``srs_id`` is unused (no feature table is added) but
    kept for the migration signature.
    """
    del srs_id
    conn.execute(
        "ALTER TABLE premise_observations ADD COLUMN visit_state TEXT NOT NULL "
        "DEFAULT 'confirmed' CHECK (visit_state IN ('to_confirm', 'confirmed', 'changed', 'new'))")
    conn.execute("ALTER TABLE premise_observations ADD COLUMN prefilled_from_uuid TEXT")
    conn.execute("ALTER TABLE premise_observations ADD COLUMN assigned_agent TEXT")
    conn.execute("ALTER TABLE campaigns ADD COLUMN perimeter TEXT")
    conn.execute("ALTER TABLE campaigns ADD COLUMN closed_at DATETIME")
    conn.execute("CREATE INDEX idx_observations_visit ON premise_observations "
                 "(campaign_uuid, visit_state)")
    gpkg.create_table(
        conn, "field_packages",
        "uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, agent TEXT, campaign_uuid TEXT, "
        "perimeter TEXT, schema_version INTEGER NOT NULL, schema_fingerprint TEXT NOT NULL, "
        "base_checksum TEXT NOT NULL, base_file TEXT NOT NULL, package_checksum TEXT, "
        "prepared_at DATETIME NOT NULL, imported_at DATETIME, "
        "state TEXT NOT NULL DEFAULT 'prepared' CHECK (state IN ('prepared', 'imported')), "
        "summary TEXT",
        description="Field packages: base checksum at preparation, package checksum at import")
    gpkg.create_table(
        conn, "sync_conflicts",
        "uuid TEXT NOT NULL UNIQUE, package_uuid TEXT NOT NULL, table_name TEXT NOT NULL, "
        "row_uuid TEXT, column_name TEXT, kind TEXT NOT NULL CHECK (kind IN "
        "('update_update', 'update_deleted', 'delete_updated')), base_value TEXT, "
        "kept_value TEXT, rejected_value TEXT, rule TEXT NOT NULL, agent TEXT, "
        "synced_at DATETIME NOT NULL, resolved INTEGER NOT NULL DEFAULT 0 "
        "CHECK (resolved IN (0, 1)), notes TEXT",
        description="Conflicting field edits met while synchronising field packages")
    conn.execute("CREATE INDEX idx_sync_conflicts_package ON sync_conflicts (package_uuid)")
    if gpkg.table_exists(conn, "observation_statuses"):
        known = conn.execute("SELECT 1 FROM observation_statuses WHERE code = ?",
                             (UNKNOWN_STATUS[0],)).fetchone()
        if not known:
            conn.execute(
                "INSERT INTO observation_statuses (uuid, code, label_fr, label_en, "
                "counts_as_vacant, sort_order) VALUES (?, ?, ?, ?, 0, 99)",
                (str(uuid.uuid4()), *UNKNOWN_STATUS))
        nomenclatures.refresh_domains(conn)
    gpkg.set_enum_domain(conn, "visit_state", VISIT_STATES)
    gpkg.attach_domain(conn, "premise_observations", "visit_state", "visit_state")
    gpkg.set_enum_domain(conn, "field_package_state", PACKAGE_STATES)
    gpkg.attach_domain(conn, "field_packages", "state", "field_package_state")
    gpkg.set_enum_domain(conn, "sync_conflict_kind", CONFLICT_KINDS)
    gpkg.attach_domain(conn, "sync_conflicts", "kind", "sync_conflict_kind")



def has_workflow(conn) -> bool:
    """True when the file has the v3 campaign workflow columns."""
    return "visit_state" in gpkg.column_names(conn, "premise_observations")
