"""Forward migrations of the shared GeoPackage, one function per schema version.

``MIGRATIONS[n]`` turns a version ``n - 1`` file into version ``n``. They run inside the single
transaction opened by :func:`store.observatory.open_observatory`, so a failed migration leaves
the file as it was. The schema is frozen during a field campaign: field packages carry the
version they were made from and synchronisation refuses a mismatch.
"""

import importlib
import uuid

from . import nomenclatures


def _v2_status_nomenclature(conn, srs_id):
    """v2: observation statuses become an editable nomenclature table.

    ``observation_statuses`` (code, labels, ``counts_as_vacant``) backs the status domain, and
    vacancy analyses read which statuses count as vacant from it.
    """
    nom = next(n for n in nomenclatures.NOMENCLATURES if n.table == "observation_statuses")
    nomenclatures.create_nomenclature(conn, nom)
    known = set(nomenclatures.codes(conn, nom.table))
    used = {r[0] for r in conn.execute("SELECT DISTINCT status FROM premise_observations")}
    for code in sorted(used - known):  # statuses a user had typed in by hand stay valid
        conn.execute(
            "INSERT INTO observation_statuses (uuid, code, label_fr, label_en, counts_as_vacant, "
            "sort_order) VALUES (?, ?, ?, ?, 0, 99)", (str(uuid.uuid4()), code, code, code))
    nomenclatures.refresh_domains(conn)


#: version -> (module of ``store``, its migration function, what the version adds)
STEPS = {
    3: ("schema.campaigns", "migrate_v3", "campaign follow-up and field synchronisation"),
    4: ("schema.survey", "migrate_v4",
        "population questionnaire tables, forms and centrality codes"),
    5: ("inventory_styles", "migrate_v5", "inventory edit forms stored as default styles"),
    6: ("schema.offer", "migrate_v6", "services, producers, markets, premise sources"),
    7: ("schema.flows", "migrate_v7",
        "counters, parking, public transport, road traffic, carpooling and events"),
    8: ("network_store", "migrate_v8", "road network topology and speeds per class"),
    9: ("schema.survey", "migrate_v9",
        "the questionnaire asks in which centrality purchases are made"),
    10: ("schema.osm_services", "migrate_v10",
         "the editable OpenStreetMap tag -> BPE equipment type table"),
    11: ("schema.survey_results", "migrate_v11",
          "survey weights, margins, spending, typologies, survey columns of indicators"),
    12: ("schema.sirene_diffusion", "migrate_v12", "INSEE's diffusion status of SIRENE links"),
    13: ("schema.activity", "migrate_v13",
         "parking sessions, presence data, SIRENE history and positions, activity indices, "
         "column presets"),
}


def _step(version: int, module: str, function: str, adds: str):
    def run(conn, srs_id):
        getattr(importlib.import_module(f".{module}", __package__), function)(conn, srs_id)

    run.__name__ = f"_v{version}"
    run.__doc__ = f"v{version}: {adds} (store.{module}.{function})."
    return run


MIGRATIONS = {2: _v2_status_nomenclature,
              **{version: _step(version, *spec) for version, spec in STEPS.items()}}

LATEST_VERSION = max(MIGRATIONS) if MIGRATIONS else 1
