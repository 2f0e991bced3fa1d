"""The "Questionnaire" QGIS / QField project stored in the GeoPackage (street interviews).

A small observatory with two centralities (``centre_ville`` derived from the name when the
project is installed, ``gare`` set by hand) gets the project through
``observatoire:install_questionnaire_project``; the project is read back from the GeoPackage
the way QGIS opens it (``geopackage:…?projectName=Questionnaire``).
"""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest
from qgis.core import (
    QgsAttributeEditorRelation,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayerTools,
    QgsVectorLayerUtils,
)
from qgis.PyQt import sip

from observatoire_commerce.store import gpkg, observatory
from observatoire_commerce.survey_forms import questionnaire_project

from ..conftest import validate_gpkg

VISITS_RELATION = questionnaire_project.VISITS_RELATION
MULTI_RELATION = questionnaire_project.MULTI_RELATION
NAMES = {"responses": "Réponses au questionnaire", "visits": "Venues par centralité",
         "multi": "Réponses à choix multiples", "centralities": "Centralités"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory, processing_ready):
    """(GeoPackage, result of the algorithm): the project installed once for the module."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    path = observatory.create_observatory(tmp_path_factory.mktemp("qproject") / "survey.gpkg",
                                          "Test")
    conn = observatory.open_observatory(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO centralities (uuid, name, level) VALUES (?, ?, 'primary')",
                     ("c-centre", "Centre-ville"))
        conn.execute("INSERT INTO centralities (uuid, name, level, code) "
                     "VALUES (?, ?, 'secondary', 'gare')", ("c-gare", "Quartier de la gare"))
    conn.close()
    result = processing.run("observatoire:install_questionnaire_project",
                            {"GEOPACKAGE": str(path)}, context=QgsProcessingContext(),
                            feedback=QgsProcessingFeedback())
    return path, result


@pytest.fixture
def project(installed):
    _path, result = installed
    project = QgsProject()
    assert project.read(result["PROJECT"])
    yield project
    project.clear()


def layers_of(project) -> dict:
    by_name = {layer.name(): layer for layer in project.mapLayers().values()}
    return {key: by_name[name] for key, name in NAMES.items()}


def relation_editors(layer) -> dict:
    """tab name -> names (relation ids) of the relation editors it holds."""
    return {tab.name(): [c.name() for c in tab.children()
                         if isinstance(c, QgsAttributeEditorRelation)]
            for tab in layer.editFormConfig().tabs()}


def stored_qgs(path, name="Questionnaire") -> str:
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT content FROM qgis_projects WHERE name = ?",
                          (name,)).fetchone()[0]
    conn.close()
    content = bytes.fromhex(stored) if isinstance(stored, str) else bytes(stored)
    archive = zipfile.ZipFile(io.BytesIO(content))
    return next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".qgs"))


def test_project_stored_in_the_geopackage(installed):
    path, result = installed
    assert result == {"PROJECT": f"geopackage:{path.resolve()}?projectName=Questionnaire"}
    qgs = stored_qgs(path)
    assert "./survey.gpkg|layername=survey_responses" in qgs   # relative to the GeoPackage
    assert str(path.parent) not in qgs
    for relation in (VISITS_RELATION, MULTI_RELATION):      # the 3.22 workaround applied
        assert f'relation="{relation}"' in qgs
    assert 'relation=""' not in qgs
    conn = gpkg.connect(path)
    codes = [tuple(r) for r in conn.execute("SELECT uuid, code FROM centralities ORDER BY fid")]
    conn.close()
    assert codes == [("c-centre", "centre_ville"), ("c-gare", "gare")]   # missing code written
    validate_gpkg(path)


def test_layers_and_relations(project):
    layers = layers_of(project)
    assert all(layer.isValid() for layer in layers.values())
    manager = project.relationManager()
    for relation_id, child in ((VISITS_RELATION, "visits"), (MULTI_RELATION, "multi")):
        relation = manager.relation(relation_id)
        assert relation.isValid()
        assert relation.referencedLayer() is layers["responses"]
        assert relation.referencingLayer() is layers[child]
        assert relation.fieldPairs() == {"response_uuid": "uuid"}


def test_response_form_holds_both_relation_editors(project):
    responses = layers_of(project)["responses"]
    editors = relation_editors(responses)
    assert list(editors) == ["Entretien", "Vous", "Vos venues", "Vos achats",
                             "Votre avis sur le centre-ville", "Vos attentes", "Métadonnées"]
    assert editors["Vos venues"] == [MULTI_RELATION, VISITS_RELATION]
    assert editors["Votre avis sur le centre-ville"] == [MULTI_RELATION]
    assert editors["Vos attentes"] == [MULTI_RELATION]
    assert not editors["Entretien"] and not editors["Vos achats"]
    tab = next(t for t in responses.editFormConfig().tabs() if t.name() == "Vos venues")
    assert tab.visibilityExpression().data().expression() == "\"consent\" = 'yes'"
    for element in tab.children():
        assert element.relationEditorConfiguration()["buttons"] == \
            "SaveChildEdits|AddChildFeature|DeleteChildFeature"
        element.init(project.relationManager())      # what QGIS does once relations load
        assert element.relation().isValid()
    kind = responses.editorWidgetSetup(responses.fields().indexOf("interview_centrality"))
    assert kind.type() == "ValueMap"
    assert list(kind.config()["map"][-1].values()) == ["elsewhere"]


def test_purchase_centralities_in_the_project_form(project):
    layers = layers_of(project)
    responses = layers["responses"]
    fields = responses.fields()
    setup = responses.editorWidgetSetup(fields.indexOf("purchase_food_weekly_centrality"))
    # a value map of the centralities' codes and "elsewhere" (which a relation cannot offer)
    assert setup.type() == "ValueMap"
    entries = [next(iter(e.items())) for e in setup.config()["map"]]
    codes = {r["code"] for r in layers["centralities"].getFeatures()}
    assert {code for _label, code in entries[1:-1]} == codes
    assert entries[-1] == ("Ailleurs", "elsewhere")
    tab = next(t for t in responses.editFormConfig().tabs() if t.name() == "Vos achats")
    boxes = {c.name(): c for c in tab.children()}
    assert boxes["purchase_food_weekly_centrality"].visibilityExpression().data().expression() \
        == "\"purchase_food_weekly\" IN ('town_centre', 'neighbourhood')"


def test_installing_on_an_upgraded_v8_file_asks_the_purchase_centralities(tmp_path, run_alg):
    from ..unit.test_survey_store import make_v8_2025_1

    path = make_v8_2025_1(tmp_path / "v8.gpkg")
    with pytest.raises(QgsProcessingException, match="Upgrade it first"):
        run_alg("install_questionnaire_project", {"GEOPACKAGE": str(path)})
    run_alg("upgrade_geopackage", {"GEOPACKAGE": str(path)})
    result = run_alg("install_questionnaire_project", {"GEOPACKAGE": str(path)})
    project = QgsProject()
    assert project.read(result["PROJECT"])
    responses = layers_of(project)["responses"]
    tab = next(t for t in responses.editFormConfig().tabs() if t.name() == "Vos achats")
    names = [c.name() for c in tab.children()]
    assert [n for n in names if n.endswith("_centrality")] == [
        f"purchase_{c}_centrality" for c in ("food_daily", "food_weekly", "clothing", "home",
                                             "culture_leisure", "health_beauty", "restaurants")]
    project.clear()
    conn = gpkg.connect(path)
    assert observatory.schema_version(conn) == observatory.LATEST_VERSION
    conn.close()
    validate_gpkg(path)


def test_child_forms(project):
    layers = layers_of(project)
    for key in ("visits", "multi"):
        fields = layers[key].fields()
        for name in ("uuid", "response_uuid"):
            assert fields.field(name).editorWidgetSetup().type() == "Hidden", (key, name)
        assert layers[key].defaultValueDefinition(fields.indexOf("uuid")).expression() == \
            "uuid('WithoutBraces')"
    visits = layers["visits"].fields()
    setup = visits.field("frequency").editorWidgetSetup()
    assert setup.type() == "ValueMap"
    assert {"Tous les jours ou presque": "daily"} in setup.config()["map"]
    assert visits.field("transport_mode").editorWidgetSetup().type() == "ValueMap"
    centrality = visits.field("centrality_code").editorWidgetSetup()
    assert centrality.type() == "ValueRelation"
    assert centrality.config()["Layer"] == layers["centralities"].id()

    multi = layers["multi"]
    fields = multi.fields()
    questions = fields.field("question").editorWidgetSetup().config()["map"]
    assert {"Pour quelles raisons y venez-vous ? (3 au plus)": "visit_reasons"} in questions
    choices = fields.field("choice").editorWidgetSetup().config()["map"]
    assert {"Centre-ville": "centre_ville"} in choices and {"Aucun": "none"} in choices
    assert {"Achats du quotidien": "daily_shopping"} in choices
    assert {"Événements, animations / Animations": "events"} in choices  # a shared code
    assert len({code for entry in choices for code in entry.values()}) == len(choices)

    def valid(**values) -> bool:
        feature = QgsFeature(fields)
        for name, value in values.items():
            feature[name] = value
        return all(QgsVectorLayerUtils.validateAttribute(multi, feature, fields.indexOf(n))[0]
                   for n in ("choice", "centrality_code"))

    assert valid(question="priorities", choice="parking")
    assert not valid(question="priorities", choice="daily_shopping")   # another list's choice
    assert valid(question="visit_reasons", choice="work", centrality_code="gare")
    assert not valid(question="visit_reasons", choice="work")          # which centrality?


class HeadlessTools(QgsVectorLayerTools):
    """What QGIS desktop's vector layer tools do when a form adds a feature, minus the dialog:
    the new feature gets the values the relation editor passes (QGIS API method names)."""

    def addFeature(self, layer, defaultValues=None, defaultGeometry=None,  # noqa: N802,N803
                   *_gui_arguments):
        """QGIS ≤ 3.36 calls this one; sip passes every C++ argument (parent widget, modality…),
        so the signature takes them all."""
        feature = QgsVectorLayerUtils.createFeature(
            layer, defaultGeometry or QgsGeometry(), defaultValues or {},
            layer.createExpressionContext())
        return layer.addFeature(feature), feature

    def addFeatureV2(self, layer, defaultValues=None, defaultGeometry=None,  # noqa: N802,N803
                     *_context):
        """QGIS ≥ 3.38 calls this one (with a QgsVectorLayerToolsContext)."""
        return self.addFeature(layer, defaultValues, defaultGeometry)

    def startEditing(self, layer):  # noqa: N802 - QGIS API
        return layer.startEditing()

    def stopEditing(self, layer, allowCancel=True):  # noqa: N802,N803
        return layer.commitChanges()

    def saveEdits(self, layer):  # noqa: N802 - QGIS API
        return layer.commitChanges(False)

    def copyMoveFeatures(self, *args):  # noqa: N802 - QGIS API
        return False


def test_child_added_through_the_relation_editor_gets_the_response_uuid(project):
    from qgis.gui import (
        QgsAbstractRelationEditorWidget,
        QgsAttributeEditorContext,
        QgsAttributeForm,
    )

    layers = layers_of(project)
    responses = layers["responses"]
    for tab in responses.editFormConfig().tabs():   # resolve the editors in this project
        for element in tab.children():
            if isinstance(element, QgsAttributeEditorRelation):
                element.init(project.relationManager())
    tools = HeadlessTools()
    context = QgsAttributeEditorContext()
    context.setVectorLayerTools(tools)
    assert responses.startEditing()
    response = QgsVectorLayerUtils.createFeature(
        responses, context=responses.createExpressionContext())
    response["interview_mode"], response["consent"] = "street", "yes"
    assert response["uuid"] and responses.addFeature(response)
    form = QgsAttributeForm(responses, response, context)
    editors = {}
    for widget in form.findChildren(QgsAbstractRelationEditorWidget):
        editors.setdefault(widget.relation().id(), widget)
    assert set(editors) == {VISITS_RELATION, MULTI_RELATION}
    for relation_id, key in ((VISITS_RELATION, "visits"), (MULTI_RELATION, "multi")):
        child = layers[key]
        assert child.startEditing()
        editors[relation_id].addFeature()
        added = list(child.getFeatures())
        assert len(added) == 1, key
        assert added[0]["response_uuid"] == response["uuid"]
        assert added[0]["uuid"] and added[0]["uuid"] != response["uuid"]
        child.rollBack()
    responses.rollBack()
    sip.delete(form)  # now, while the layers and the tools it points to still exist


def test_install_refuses_a_file_without_centralities(tmp_path, run_alg):
    path = observatory.create_observatory(tmp_path / "empty.gpkg", "Empty")
    with pytest.raises(QgsProcessingException, match="no centrality"):
        run_alg("install_questionnaire_project", {"GEOPACKAGE": str(path)})
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'qgis_projects'"
                        ).fetchone() is None
    conn.close()


def test_installing_again_replaces_the_project_and_keeps_the_inventory(installed, run_alg):
    path, _result = installed
    run_alg("install_inventory_project", {"GEOPACKAGE": str(path)})
    run_alg("install_questionnaire_project", {"GEOPACKAGE": str(path)})
    conn = sqlite3.connect(path)
    names = sorted(r[0] for r in conn.execute("SELECT name FROM qgis_projects"))
    conn.close()
    assert names == ["Inventaire", "Questionnaire"]
    validate_gpkg(path)
