"""The declarative inventory forms agree with the schema; migration 5 stores them (no QGIS)."""

from observatoire_commerce.store import gpkg, inventory_styles, observatory
from observatoire_commerce.survey_forms import inventory_form


def test_every_form_matches_its_table(tmp_path):
    path = observatory.create_observatory(tmp_path / "s.gpkg", "T", 2154)
    conn = gpkg.connect(path)
    assert set(inventory_form.FORMS) == set(inventory_styles.FORM_TABLES)
    for table, form in inventory_form.FORMS.items():
        columns = gpkg.column_names(conn, table)
        assert inventory_form.check_form(form, columns) == []
        assert (inventory_styles.STYLES_DIR / inventory_form.style_file(table)).is_file()
        bound = inventory_styles.bindings(conn, table)
        for item in form.fields:  # a value map's domain is the column's own domain
            if item.domain:
                assert bound[item.name] == item.domain, (table, item.name)
    conn.close()


def test_check_form_reports_unknown_and_duplicate_fields():
    form = inventory_form.LayerForm(
        "t", (inventory_form.FormField("a", "A", "A"),),
        (inventory_form.Tab("x", "X", "X", ("a", "b", "a")),), "\"a\"")
    assert inventory_form.check_form(form, ["fid"]) == [
        "t: field 'a' is not a column", "t: tab 'x' places unknown field 'b'",
        "t: fields placed twice: a"]


def test_refresh_value_maps_keeps_the_null_entry():
    null = inventory_styles.NULL_VALUE_MAP_CODE
    qml = ("<qgis><fieldConfiguration><field name='g'><editWidget type='ValueMap'><config>"
           "<Option type='Map'><Option type='List' name='map'><Option type='Map'>"
           f"<Option type='QString' name='&lt;NULL&gt;' value='{null}'/>"
           "</Option></Option></Option></config></editWidget></field></fieldConfiguration></qgis>")
    out = inventory_styles.refresh_value_maps(qml, {"g": "d"}, {"d": [("x", "Ex"), ("y", None)]})
    assert out.count("<Option type=\"QString\"") == 3
    assert 'name="Ex" value="x"' in out and 'name="y" value="y"' in out
    assert inventory_styles.refresh_value_maps(qml, {}, {}) == qml
