"""Inventory forms stored in the GeoPackage (layer_styles) and the "Inventaire" project."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest
from qgis.core import (
    QgsEditFormConfig,
    QgsExpressionContextUtils,
    QgsFieldConstraints,
    QgsProject,
    QgsVectorLayer,
)

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.survey_forms import inventory_form

from ..conftest import validate_gpkg
from .fieldwork_site import build_site

RELATION = inventory_form.PREMISE_OBSERVATIONS_RELATION


@pytest.fixture(scope="module")
def socle(tmp_path_factory, qgis_app):
    return build_site(tmp_path_factory.mktemp("forms") / "socle.gpkg")


def load(path, table) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid()
    return layer


def setup(layer, name):
    found = layer.fields().field(name).editorWidgetSetup()
    return found.type(), found.config()


def tabs(layer) -> dict:
    config = layer.editFormConfig()
    assert config.layout() == QgsEditFormConfig.TabLayout
    return {t.name(): t for t in config.tabs()}


def children(tab) -> list:
    return [c.name() for c in tab.children()]


def test_styles_are_stored_as_defaults(socle):
    conn = gpkg.connect(socle)
    stored = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT f_table_name, f_geometry_column, useAsDefault FROM layer_styles "
        "WHERE styleName = 'observatoire'")}
    conn.close()
    assert {"premises", "premise_observations", "centralities", "campaigns"} <= set(stored)
    assert stored["premises"] == ("geom", 1) and stored["premise_observations"] == ("", 1)
    validate_gpkg(socle)


def test_observation_form_loaded_in_a_fresh_project(socle):
    project = QgsProject()
    layer = load(socle, "premise_observations")
    project.addMapLayer(layer)
    found = tabs(layer)
    assert list(found) == ["Identification", "Occupation", "Activité", "Photo", "Notes"]
    assert children(found["Occupation"]) == ["status", "visit_state"]
    assert children(found["Activité"]) == ["activity_group", "naf_code", "sign_name",
                                           "chain_type"]
    visibility = found["Activité"].visibilityExpression()
    assert visibility.enabled() and visibility.data().expression() == "\"status\" = 'occupied'"
    assert found["Occupation"].visibilityExpression().enabled() is False

    kind, config = setup(layer, "status")
    assert kind == "ValueMap"
    assert config["map"][:2] == [{"Occupé": "occupied"}, {"Vacant": "vacant"}]
    assert {"Non renseigné": "unknown"} in config["map"]  # from the file's domain (v3 code)
    kind, config = setup(layer, "activity_group")
    assert kind == "ValueMap" and len(config["map"]) == 11  # NULL + 10 activity groups
    assert config["map"][0] == {"<NULL>": "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"}
    kind, config = setup(layer, "photo")
    assert kind == "ExternalResource"
    assert config["DocumentViewer"] == 1 and config["RelativeStorage"] == 1
    kind, config = setup(layer, "premise_uuid")
    assert kind == "RelationReference" and config["Relation"] == RELATION
    assert setup(layer, "uuid")[0] == "Hidden"
    assert setup(layer, "visit_state")[1]["map"][0] == {"À confirmer": "to_confirm"}

    fields = layer.fields()
    status = fields.field("status").constraints()
    assert status.constraintExpression() == "\"status\" IS NOT NULL AND \"status\" <> 'unknown'"
    assert status.constraintDescription().startswith("Le statut est obligatoire")
    assert status.constraintStrength(QgsFieldConstraints.ConstraintExpression) == \
        QgsFieldConstraints.ConstraintStrengthHard
    group = fields.field("activity_group").constraints()
    assert "\"activity_group\" IS NOT NULL" in group.constraintExpression()
    assert group.constraintDescription() == "Un local occupé doit avoir un groupe d'activité."

    defaults = {n: layer.defaultValueDefinition(fields.indexOf(n)) for n in
                ("uuid", "observed_at", "campaign_uuid", "agent", "visit_state")}
    assert defaults["uuid"].expression() == "uuid('WithoutBraces')"
    assert "now()" in defaults["observed_at"].expression()
    assert defaults["observed_at"].applyOnUpdate()
    assert "@observatoire_campaign_uuid" in defaults["campaign_uuid"].expression()
    assert "@observatoire_agent" in defaults["agent"].expression()
    assert defaults["visit_state"].applyOnUpdate()
    naming = layer.customProperty("QFieldSync/attachment_naming")
    assert "'DCIM/'" in naming and "premise_uuid" in naming and "campaign_uuid" in naming
    assert "format_date(now()" in naming
    assert layer.editFormConfig().readOnly(fields.indexOf("campaign_uuid"))


def test_premise_form_loaded_in_a_fresh_project(socle):
    project = QgsProject()
    layer = load(socle, "premises")
    project.addMapLayer(layer)
    found = tabs(layer)
    assert list(found) == ["Identification", "Observations", "Notes"]
    assert children(found["Identification"]) == ["address", "street", "commune_code",
                                                 "floor_area", "ground_floor"]
    assert children(found["Observations"]) == [RELATION]
    area = layer.fields().field("floor_area").constraints()
    assert area.constraintExpression() == "\"floor_area\" IS NULL OR \"floor_area\" > 0"
    assert area.constraintDescription() == "La surface doit être strictement positive."
    kind, config = setup(layer, "floor_area")
    assert kind == "Range" and config["Min"] == 0.0
    assert setup(layer, "ground_floor") == ("CheckBox", {"CheckedState": "1",
                                                         "TextDisplayMethod": 0,
                                                         "UncheckedState": "0"})
    assert layer.fields().field("address").alias() == "Adresse"


def test_constraint_expressions_judge_features(socle):
    from qgis.core import QgsVectorLayerUtils

    layer = load(socle, "premise_observations")
    feature = next(layer.getFeatures())
    index = layer.fields().indexOf("activity_group")
    feature["status"], feature["activity_group"] = "occupied", None
    ok, errors = QgsVectorLayerUtils.validateAttribute(layer, feature, index)
    assert not ok and any("groupe d'activité" in e for e in errors)
    feature["activity_group"] = "alimentaire"
    assert QgsVectorLayerUtils.validateAttribute(layer, feature, index)[0]
    status = layer.fields().indexOf("status")
    feature["status"] = "unknown"
    assert not QgsVectorLayerUtils.validateAttribute(layer, feature, status)[0]


def test_saving_a_prefilled_observation_stamps_the_visit(tmp_path, run_alg):
    path = build_site(tmp_path / "s.gpkg")
    run_alg("open_campaign", {"GEOPACKAGE": str(path), "NAME": "2025",
                              "START_DATE": "2025-03-01", "END_DATE": "2025-04-30"})
    layer = load(path, "premise_observations")
    layer.setSubsetString("premise_uuid = 'a1' AND visit_state = 'to_confirm'")
    feature = next(layer.getFeatures())
    assert feature["observed_at"] is None or str(feature["observed_at"]) == "NULL"
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("notes"), "vu")
    assert layer.commitChanges()
    conn = gpkg.connect(path)
    row = conn.execute("SELECT visit_state, observed_at, notes FROM premise_observations "
                       "WHERE uuid = ?", (feature["uuid"],)).fetchone()
    conn.close()
    assert row["visit_state"] == "confirmed" and row["notes"] == "vu"
    assert row["observed_at"] is not None


def test_value_maps_follow_the_nomenclatures(tmp_path):
    from observatoire_commerce.store import nomenclatures

    path = build_site(tmp_path / "s.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO activity_groups (uuid, code, label_fr, label_en, sort_order) "
                     "VALUES ('u-tl', 'tiers_lieux', 'Tiers-lieux', 'Third places', 11)")
        nomenclatures.refresh_domains(conn)  # domains and the stored forms' value maps
    conn.close()
    config = setup(load(path, "premise_observations"), "activity_group")[1]
    assert config["map"][-1] == {"Tiers-lieux": "tiers_lieux"}
    validate_gpkg(path)


def test_migration_v5_styles_an_older_file(tmp_path):
    path = tmp_path / "old.gpkg"
    observatory.create_observatory(path, "Old", 2154, version=3)
    conn = gpkg.connect(path)
    assert not gpkg.table_exists(conn, "layer_styles")
    conn.close()
    observatory.open_observatory(path).close()
    layer = load(path, "premise_observations")
    assert setup(layer, "photo")[0] == "ExternalResource"
    validate_gpkg(path)


def test_inventory_project_stored_in_the_geopackage_opens(tmp_path, run_alg):
    path = build_site(tmp_path / "socle.gpkg")
    run_alg("open_campaign", {"GEOPACKAGE": str(path), "NAME": "2025",
                              "START_DATE": "2025-03-01", "END_DATE": "2025-04-30"})
    result = run_alg("install_inventory_project", {"GEOPACKAGE": str(path)})
    assert result == {"PROJECT": f"geopackage:{path.resolve()}?projectName=Inventaire"}
    validate_gpkg(path)

    project = QgsProject()
    assert project.read(result["PROJECT"])
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert set(layers) == {"Locaux", "Observations", "Centralités", "Campagnes", "Rues"}
    assert all(layer.isValid() for layer in layers.values())
    assert layers["Locaux"].featureCount() == 7
    relation = project.relationManager().relation(RELATION)
    assert relation.isValid()
    assert relation.fieldPairs() == {"premise_uuid": "uuid"}
    assert setup(layers["Observations"], "status")[0] == "ValueMap"
    scope = QgsExpressionContextUtils.projectScope(project)
    conn = gpkg.connect(path)
    campaign = conn.execute("SELECT uuid FROM campaigns WHERE name = '2025'").fetchone()[0]
    stored = conn.execute("SELECT content FROM qgis_projects WHERE name = 'Inventaire'"
                          ).fetchone()[0]
    conn.close()
    assert scope.variable("observatoire_campaign_uuid") == campaign
    archive = tmp_path / "stored.qgz"
    archive.write_bytes(bytes.fromhex(stored) if isinstance(stored, str) else stored)
    qgs = next(zipfile.ZipFile(archive).read(n).decode() for n in
               zipfile.ZipFile(archive).namelist() if n.endswith(".qgs"))
    assert f'relation="{RELATION}"' in qgs  # the premise form shows the observations
    assert "./socle.gpkg|layername=premises" in qgs  # path relative to the GeoPackage
    # storing it again replaces it
    run_alg("install_inventory_project", {"GEOPACKAGE": str(path)})
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM qgis_projects").fetchone()[0] == 1
    conn.close()


def test_install_inventory_project_refuses_a_non_observatory(tmp_path, run_alg):
    from qgis.core import QgsProcessingException

    bogus = tmp_path / "x.gpkg"
    bogus.write_text("not a geopackage")
    with pytest.raises(QgsProcessingException, match="not an observatory GeoPackage"):
        run_alg("install_inventory_project", {"GEOPACKAGE": str(bogus)})
