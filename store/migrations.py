"""Forward migrations of the shared GeoPackage, one function per schema version.

``MIGRATIONS[n]`` turns a version ``n - 1`` file into version ``n``. They run inside the single
transaction opened by :func:`store.observatory.open_observatory`, so a failed migration leaves
the file as it was. The schema is frozen during a field campaign: field packages carry the
version they were made from and synchronisation refuses a mismatch.
"""

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


def _v3_field_survey(conn, srs_id):
    """v3: campaign follow-up and field synchronisation (see
    :func:`store.schema.campaigns.migrate_v3`)."""
    from .schema.campaigns import migrate_v3

    migrate_v3(conn, srs_id)


def _v4_questionnaire(conn, srs_id):
    """v4: population questionnaire tables, forms and centrality codes (see
    :func:`store.schema.survey.migrate_v4`)."""
    from .schema.survey import migrate_v4

    migrate_v4(conn, srs_id)


def _v5_inventory_forms(conn, srs_id):
    """v5: inventory edit forms stored as default styles (see
    :func:`store.inventory_styles.migrate_v5`)."""
    from .inventory_styles import migrate_v5

    migrate_v5(conn, srs_id)


def _v6_offer_sources(conn, srs_id):
    """v6: services, producers, markets, premise sources (see :mod:`store.offer_schema`)."""
    from .schema.offer import migrate_v6

    migrate_v6(conn, srs_id)


def _v7_flows(conn, srs_id):
    """v7: counters, parking, public transport, road traffic, carpooling and events (see
    :mod:`store.flows_schema`)."""
    from .schema.flows import migrate_v7

    migrate_v7(conn, srs_id)


def _v8_road_network(conn, srs_id):
    """v8: stored road network topology and speeds per class (see
    :func:`store.network_store.migrate_v8`)."""
    from .network_store import migrate_v8

    migrate_v8(conn, srs_id)


def _v9_purchase_centralities(conn, srs_id):
    """v9: the questionnaire asks in which centrality purchases are made (columns
    ``survey_responses.purchase_<category>_centrality``, forms, questionnaire version; see
    :func:`store.schema.survey.migrate_v9`)."""
    from .schema.survey import migrate_v9

    migrate_v9(conn, srs_id)


def _v10_osm_services(conn, srs_id):
    """v10: the editable OpenStreetMap tag -> BPE equipment type table (see
    :mod:`store.schema.osm_services`)."""
    from .schema.osm_services import migrate_v10

    migrate_v10(conn, srs_id)


def _v11_survey_results(conn, srs_id):
    """v11: survey weights, margins, spending per household, typologies, and the survey
    columns of ``indicators`` (interval, respondents, low precision; see
    :func:`store.schema.survey_results.migrate_v11`)."""
    from .schema.survey_results import migrate_v11

    migrate_v11(conn, srs_id)


def _v12_sirene_diffusion(conn, srs_id):
    """v12: INSEE's diffusion status of each SIRENE link (see
    :func:`store.schema.sirene_diffusion.migrate_v12`)."""
    from .schema.sirene_diffusion import migrate_v12

    migrate_v12(conn, srs_id)


MIGRATIONS = {
    2: _v2_status_nomenclature,
    3: _v3_field_survey,
    4: _v4_questionnaire,
    5: _v5_inventory_forms,
    6: _v6_offer_sources,
    7: _v7_flows,
    8: _v8_road_network,
    9: _v9_purchase_centralities,
    10: _v10_osm_services,
    11: _v11_survey_results,
    12: _v12_sirene_diffusion,
}

LATEST_VERSION = max(MIGRATIONS) if MIGRATIONS else 1
