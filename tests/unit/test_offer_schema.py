"""Schema v6: offer tables, their domains, migration of an older file."""

from observatoire_commerce.store import gpkg, observatory

from ..conftest import validate_gpkg

TABLES = ("services", "producers", "producer_products", "markets", "premise_sources",
          "import_rejections", "bpe_equipment_types", "service_domains", "service_ranges",
          "short_circuit_products", "sales_modes")


def test_new_file_has_the_offer_tables_and_domains(tmp_path):
    path = observatory.create_observatory(tmp_path / "s.gpkg", "T")
    conn = observatory.open_observatory(path)
    assert observatory.schema_version(conn) >= 6
    for table in TABLES:
        assert gpkg.table_exists(conn, table), table
        assert "uuid" in gpkg.column_names(conn, table)
    bound = dict(conn.execute(
        "SELECT table_name || '.' || column_name, constraint_name FROM gpkg_data_columns"
    ).fetchall())
    assert bound["services.domain"] == "service_domain"
    assert bound["services.range"] == "service_range"
    assert bound["services.typequ"] == "bpe_equipment_type"
    assert bound["producer_products.product"] == "short_circuit_product"
    ranges = {r[0] for r in conn.execute(
        "SELECT value FROM gpkg_data_column_constraints WHERE constraint_name='service_range'")}
    assert ranges == {"proximite", "intermediaire", "superieure"}
    assert conn.execute("SELECT range FROM bpe_equipment_types WHERE code='B203'"
                        ).fetchone()[0] == "proximite"
    conn.close()
    validate_gpkg(path)


def test_v3_file_migrates_to_v6(tmp_path):
    path = observatory.create_observatory(tmp_path / "old.gpkg", "T", version=3)
    conn = observatory.open_observatory(path)
    assert gpkg.table_exists(conn, "premise_sources")
    conn.close()
    validate_gpkg(path)
