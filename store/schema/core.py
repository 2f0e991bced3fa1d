"""Schema of the shared GeoPackage, version by version.

Version 1 is built by :func:`create_v1`; every later version is a migration in
:mod:`.migrations`. A new file is made at v1 then migrated forward, so every migration runs on
every new file as well as on old ones.
"""

from .. import gpkg, nomenclatures

UUID = "uuid TEXT NOT NULL UNIQUE"

FILOSOFI_COLUMNS = ["ind", "men", "men_pauv", "ind_snv", "ind_0_3", "ind_4_5", "ind_6_10",
                    "ind_11_17", "ind_18_24", "ind_25_39", "ind_40_54", "ind_55_64",
                    "ind_65_79", "ind_80p", "ind_inc"]

# (table, geometry type or None, columns after fid/geom, description)
V1_TABLES = [
    ("observatory_meta", None,
     f"{UUID}, key TEXT NOT NULL UNIQUE, value TEXT",
     "Observatory settings: schema version, territory, CRS"),
    ("centralities", "MULTIPOLYGON",
     f"{UUID}, name TEXT NOT NULL, level TEXT NOT NULL DEFAULT 'primary', commune_code TEXT, "
     "notes TEXT",
     "Centralities: town centre, secondary centres, peripheral retail zones"),
    ("premises", "POINT",
     f"{UUID}, address TEXT, street TEXT, commune_code TEXT, "
     "floor_area REAL CHECK (floor_area IS NULL OR floor_area > 0), "
     "ground_floor INTEGER NOT NULL DEFAULT 1 CHECK (ground_floor IN (0, 1)), "
     "created_at DATETIME, retired_at DATETIME, notes TEXT",
     "Commercial premises (one point per shop front)"),
    ("campaigns", None,
     f"{UUID}, name TEXT NOT NULL UNIQUE, year INTEGER, start_date DATE, end_date DATE, "
     "state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')), notes TEXT",
     "Inventory campaigns"),
    ("premise_observations", None,
     f"{UUID}, premise_uuid TEXT NOT NULL, campaign_uuid TEXT NOT NULL, status TEXT NOT NULL, "
     "activity_group TEXT, naf_code TEXT, sign_name TEXT, chain_type TEXT, photo TEXT, "
     "agent TEXT, observed_at DATETIME, notes TEXT, UNIQUE (premise_uuid, campaign_uuid)",
     "One observation per premise and campaign"),
    ("premise_lineage", None,
     f"{UUID}, parent_uuid TEXT NOT NULL, child_uuid TEXT NOT NULL, "
     "kind TEXT NOT NULL CHECK (kind IN ('split', 'merge')), campaign_uuid TEXT, notes TEXT",
     "Premises split or merged: parent -> child"),
    ("population_grid", "POLYGON",
     f"{UUID}, idcar_200m TEXT UNIQUE, "
     + ", ".join(f"{c} REAL" for c in FILOSOFI_COLUMNS) + ", i_est_200 INTEGER",
     "INSEE Filosofi 200 m grid"),
    ("roads", "LINESTRING",
     f"{UUID}, name TEXT, road_class TEXT, oneway INTEGER NOT NULL DEFAULT 0 "
     "CHECK (oneway IN (-1, 0, 1)), maxspeed REAL, source_id TEXT",
     "Road network (oneway: 1 along the digitised direction, -1 against it, 0 both)"),
    ("indicators", None,
     f"{UUID}, scope TEXT NOT NULL DEFAULT 'centrality' "
     "CHECK (scope IN ('centrality', 'outside', 'territory', 'premise', 'other')), "
     "centrality_uuid TEXT, indicator TEXT NOT NULL, period TEXT NOT NULL, campaign_uuid TEXT, "
     "value REAL, unit TEXT, algorithm TEXT NOT NULL, parameters TEXT, "
     "computed_at DATETIME NOT NULL",
     "Indicators computed by the algorithms (long table)"),
]

V1_INDEXES = [
    "CREATE INDEX idx_observations_campaign ON premise_observations (campaign_uuid)",
    "CREATE INDEX idx_lineage_parent ON premise_lineage (parent_uuid)",
    "CREATE INDEX idx_lineage_child ON premise_lineage (child_uuid)",
    "CREATE INDEX idx_indicators_key ON indicators (indicator, period, centrality_uuid)",
]


def create_v1(conn, srs_id: int) -> None:
    """All tables of schema v1 (inside the caller's transaction)."""
    gpkg.create_tables(conn, V1_TABLES, V1_INDEXES, srs_id=srs_id)
    for nom in nomenclatures.NOMENCLATURES:
        if nom.since == 1:
            nomenclatures.create_nomenclature(conn, nom)
    nomenclatures.create_naf_map(conn)
    nomenclatures.refresh_domains(conn)
    gpkg.set_enum_domain(conn, "observation_status", nomenclatures.V1_STATUSES)
    gpkg.attach_domain(conn, "premise_observations", "status", "observation_status")
