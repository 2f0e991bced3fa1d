"""The observatory dock: centralities of the project's socle, the chosen one's key indicators
(from the list or from the map selection), refresh after new indicators, pre-filled dialogs."""

from __future__ import annotations

import pytest
from qgis.core import QgsExpressionContextUtils, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QLocale

from observatoire_commerce.plugin import socle as socles
from observatoire_commerce.plugin.dock import COLUMNS, ObservatoryDock
from observatoire_commerce.plugin.dock_presenter import (
    ACTIONS,
    KEY_INDICATORS,
    algorithm_parameters,
    cards_for,
)
from observatoire_commerce.processing.algorithms.base import SOCLE_VARIABLE
from observatoire_commerce.store import gpkg, indicators

from .fieldwork_site import build_site


def write(path, rows, algorithm="observatoire:test"):
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        indicators.write(conn, [{"scope": "centrality", "campaign_uuid": None, **r}
                                for r in rows], algorithm=algorithm)
    conn.close()


@pytest.fixture
def english_numbers():
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def socle(tmp_path, english_numbers):
    path = build_site(tmp_path / "socle.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("INSERT INTO campaigns (uuid, name, year, start_date, state) VALUES "
                     "('c2023', '2023', 2023, '2023-03-01', 'closed')")
    conn.close()
    write(path, [  # campaign periods, written out of order: shown in the campaigns' order
        {"centrality_uuid": "A", "indicator": "vacancy_rate", "period": "2024", "value": 12.5,
         "unit": "%", "campaign_uuid": "c2024"},
        {"centrality_uuid": "A", "indicator": "vacancy_rate", "period": "2023", "value": 10.0,
         "unit": "%", "campaign_uuid": "c2023"},
        {"centrality_uuid": "A", "indicator": "premises", "period": "2024", "value": 4,
         "unit": "premises", "campaign_uuid": "c2024"},
        {"centrality_uuid": "B", "indicator": "vacancy_rate", "period": "2024", "value": 5.0,
         "unit": "%", "campaign_uuid": "c2024"},
    ], algorithm="observatoire:vacancy_rates")
    write(path, [  # footfall: yearly means shown, the monthly one left out
        {"centrality_uuid": "A", "indicator": "footfall_mean_daily", "period": "2023",
         "value": 800.0, "unit": "passages/day/counter"},
        {"centrality_uuid": "A", "indicator": "footfall_mean_daily", "period": "2024-05",
         "value": 990.0, "unit": "passages/day/counter"},
        {"centrality_uuid": "A", "indicator": "footfall_mean_daily", "period": "2024",
         "value": 950.0, "unit": "passages/day/counter"},
    ], algorithm="observatoire:footfall_by_centrality")
    return path


@pytest.fixture
def project(socle, qgis_app):
    project = QgsProject()
    layer = QgsVectorLayer(f"{socle}|layername=centralities", "Centralités", "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    project.setDirty(False)
    yield project, layer
    project.clear()


@pytest.fixture
def dock(project):
    widget = ObservatoryDock(None, project[0])
    yield widget
    widget.close_links()
    widget.deleteLater()


def table(dock) -> dict:
    """indicator label → (value, change, period, computed on) as shown (the change below the
    label, the date below the period)."""
    out = {}
    for row in range(dock.table.rowCount()):
        label, *change = dock.table.item(row, 0).text().split("\n")
        period, computed = dock.table.item(row, 3).text().split("\n")
        out[label] = (dock.table.item(row, 1).text(), change[0] if change else "", period,
                      computed)
    return out


def test_the_dock_lists_the_centralities_of_the_projects_socle(dock, project, socle):
    assert dock.presenter.socle == str(socle.resolve())
    names = [dock.centrality_list.item(i).text() for i in range(dock.centrality_list.count())]
    assert names == ["Centre", "Gare"]  # primary first
    assert dock.socle_label.text() == "Observatory: socle.gpkg"
    # the socle is remembered in the project variable, the project still unmodified
    scope = QgsExpressionContextUtils.projectScope(project[0])
    assert scope.variable(SOCLE_VARIABLE) == str(socle.resolve())
    assert not project[0].isDirty()


def test_choosing_a_centrality_in_the_list_shows_its_indicators(dock, project):
    dock.centrality_list.setCurrentRow(0)
    assert dock.presenter.selected["name"] == "Centre" and dock.title.text() == "Centre"
    today = "computed on " + gpkg.now_iso()[:10]
    assert table(dock) == {
        "Vacancy rate": ("12.5%", "+2.5 pts since 2023", "2024", today),
        "Premises": ("4", "", "2024", today),
        "Footfall (passages per day and counter)": ("950", "+150 since 2023", "2024", today),
    }
    trend = dock.table.cellWidget(0, COLUMNS.index("trend"))
    assert not trend.pixmap().isNull() and trend.toolTip() == "2023: 10, 2024: 12.5"
    # and the centrality is selected on the map
    assert [f["uuid"] for f in project[1].getSelectedFeatures()] == ["A"]


def test_selecting_on_the_map_updates_the_dock(dock, project):
    project[1].selectByExpression("\"name\" = 'Gare'")
    assert dock.presenter.selected["uuid"] == "B"
    assert dock.centrality_list.currentItem().text() == "Gare"
    assert table(dock) == {"Vacancy rate": ("5.0%", "", "2024",
                                            "computed on " + gpkg.now_iso()[:10])}
    project[1].selectByExpression("\"name\" = 'Centre'")
    assert dock.title.text() == "Centre" and len(table(dock)) == 3


def process_events_until(condition, seconds: float = 10.0) -> bool:
    """Let Qt deliver its events (file watcher, timers) until ``condition()`` holds."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.02)
    return True


def test_the_dock_refreshes_after_an_algorithm_writes_indicators(dock, socle):
    dock.centrality_list.setCurrentRow(0)
    assert str(socle.resolve()) in dock.watcher.files()  # file changes trigger the refresh
    assert not dock.presenter.refresh()  # nothing new
    fired, refreshed = [], []
    dock.watcher.fileChanged.connect(fired.append)
    dock.presenter.cardsChanged.connect(refreshed.append)
    # another process (an algorithm, qgis_process) writes to the file: nothing calls the dock
    write(socle, [{"centrality_uuid": "A", "indicator": "shops", "period": "2024",
                   "value": 3.0, "unit": "shops"}], algorithm="observatoire:offer_mix")
    assert process_events_until(lambda: "Shops" in table(dock)), (fired, refreshed)
    assert fired and fired[0] == str(socle.resolve())  # through the file watcher
    assert table(dock)["Shops"][0] == "3"
    assert dock.presenter.selected["name"] == "Centre"  # the choice is kept
    assert str(socle.resolve()) in dock.watcher.files()  # still watched for the next one
    # the next change (only the file touched) is seen too, and reads nothing new
    fired.clear()
    socle.touch()
    assert process_events_until(lambda: bool(fired))
    assert process_events_until(lambda: not dock._debounce.isActive())
    assert table(dock)["Shops"][0] == "3"


def test_a_project_without_socle_says_so_and_follows_a_layer_added(qgis_app, socle):
    project = QgsProject()
    widget = ObservatoryDock(None, project)
    try:
        assert widget.presenter.socle is None and widget.centrality_list.count() == 0
        assert widget.message.text().startswith("No observatory GeoPackage in this project")
        project.addMapLayer(QgsVectorLayer(f"{socle}|layername=premises", "Locaux", "ogr"))
        widget.follow_project()  # what the layersAdded signal schedules
        assert widget.presenter.socle == str(socle.resolve())
        assert widget.centrality_list.count() == 2
        assert not widget.use_socle(str(socle.parent / "missing.gpkg"))
        assert "is not an observatory GeoPackage" in widget.message.text()
    finally:
        widget.close_links()
        project.clear()


def test_dialog_parameters_are_prefilled_with_the_socle_and_the_centrality(dock, socle,
                                                                          processing_ready):
    dock.centrality_list.setCurrentRow(1)
    path = str(socle.resolve())
    # every dock algorithm that can be limited to centralities gets the chosen one
    assert {alg_id: dock.algorithm_parameters(alg_id) for alg_id, _text in ACTIONS} == {
        "vacancy_rates": {"GEOPACKAGE": path},
        "offer_mix": {"GEOPACKAGE": path},
        "footfall_by_centrality": {"GEOPACKAGE": path, "CENTRALITIES": "Gare"},
        "network_catchments": {"GEOPACKAGE": path, "CENTRALITIES": "Gare"},
        "print_atlas": {"GEOPACKAGE": path, "CENTRALITIES": "Gare"},
    }
    dock.centrality_list.setCurrentRow(0)
    assert dock.algorithm_parameters("print_atlas")["CENTRALITIES"] == "Centre"
    assert algorithm_parameters("/x.gpkg", {"name": "Gare"}, ["GEOPACKAGE", "CENTRALITIES"]) \
        == {"GEOPACKAGE": "/x.gpkg", "CENTRALITIES": "Gare"}
    assert algorithm_parameters(None, None, ["GEOPACKAGE"]) == {}


def test_every_algorithm_dialog_opens_on_the_projects_socle(socle, processing_ready):
    from qgis.core import QgsApplication

    instance = QgsProject.instance()
    QgsExpressionContextUtils.setProjectVariable(instance, SOCLE_VARIABLE, str(socle))
    widget = ObservatoryDock(None, instance)  # the plugin's dock follows the project
    try:
        registry = QgsApplication.processingRegistry()
        for alg in registry.providerById("observatoire").algorithms():
            fresh = registry.createAlgorithmById(alg.id())  # what a dialog does
            param = fresh.parameterDefinition("GEOPACKAGE")
            if param is not None and not param.flags() & param.FlagOptional:
                assert param.guiDefaultValueOverride() == str(socle.resolve()), alg.id()
                assert param.defaultValue() is None  # qgis_process still needs it named
    finally:
        widget.close_links()
        QgsExpressionContextUtils.removeProjectVariable(instance, SOCLE_VARIABLE)
    fresh = registry.createAlgorithmById("observatoire:vacancy_rates")
    assert fresh.parameterDefinition("GEOPACKAGE").guiDefaultValueOverride() is None


def test_cards_leave_out_indicators_without_values(english_numbers):
    rows = [{"indicator": "vacancy_rate", "period": "2024", "value": None,
             "computed_at": "2026-01-02T00:00:00Z"},
            {"indicator": "shops", "period": "2024", "value": 1234.0,
             "computed_at": "2026-01-02T00:00:00Z"}]
    cards = cards_for(rows)
    assert [(c.code, c.value, c.computed, c.change) for c in cards] == [
        ("shops", "1,234", "2026-01-02", "")]
    assert {k.code for k in KEY_INDICATORS} >= {"vacancy_rate", "footfall_mean_daily"}


def test_socle_of_a_layer_file(socle, qgis_app):
    layer = QgsVectorLayer(f"{socle}|layername=premises", "p", "ogr")
    assert socles.layer_file(layer) == str(socle)
    assert socles.layer_file(QgsVectorLayer("Point", "m", "memory")) is None


def test_algorithm_dialogs_list_the_socles_campaigns_and_centralities(socle, processing_ready,
                                                                      qgis_iface, monkeypatch):
    from processing.gui import ParametersPanel
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsBrowserGuiModel, QgsCheckableComboBox
    from qgis.PyQt.QtWidgets import QComboBox

    browser = QgsBrowserGuiModel()  # what QGIS's interface gives the dialogs (not the stub)
    if ParametersPanel.iface is not None:
        monkeypatch.setattr(ParametersPanel.iface, "browserModel", lambda: browser,
                            raising=False)

    registry = QgsApplication.processingRegistry()
    alg = registry.createAlgorithmById("observatoire:prepare_field_package")
    dialog = AlgorithmDialog(alg, False, qgis_iface.mainWindow())
    try:
        wrappers = dialog.mainWidget().wrappers
        campaign, centralities = wrappers["CAMPAIGN"], wrappers["CENTRALITIES"]
        assert isinstance(campaign.widget, QComboBox) and campaign.widget.isEditable()
        assert isinstance(centralities.widget, QgsCheckableComboBox)
        wrappers["GEOPACKAGE"].setParameterValue(str(socle), QgsProcessingContext())
        items = [campaign.widget.itemText(i) for i in range(campaign.widget.count())]
        assert items == ["", "2023", "2024"]  # chronological, empty = the open campaign
        names = [centralities.widget.itemText(i) for i in range(centralities.widget.count())]
        assert names == ["Centre", "Gare"]
        centralities.setValue("Gare, Centre")
        campaign.widget.setCurrentIndex(2)
        parameters = dialog.mainWidget().createProcessingParameters()
        # the values stay the text qgis_process takes
        assert parameters["CENTRALITIES"] in ("Centre, Gare", "Gare, Centre")
        assert parameters["CAMPAIGN"] == "2024"
    finally:
        dialog.deleteLater()
    assert alg.parameterDefinition("CAMPAIGNS") is None
    vacancy = registry.createAlgorithmById("observatoire:vacancy_rates")
    wrapper = vacancy.parameterDefinition("CAMPAIGNS").metadata()["widget_wrapper"]
    assert wrapper == {"class": "observatoire_commerce.plugin.parameter_widgets.NameListWrapper",
                       "table": "campaigns", "multiple": True}


def test_the_atlas_dialog_opened_from_the_dock_ticks_the_chosen_centrality(
        dock, socle, processing_ready, qgis_iface, monkeypatch):
    from processing.gui import ParametersPanel
    from qgis import processing
    from qgis.gui import QgsBrowserGuiModel, QgsCheckableComboBox

    browser = QgsBrowserGuiModel()
    if ParametersPanel.iface is not None:
        monkeypatch.setattr(ParametersPanel.iface, "browserModel", lambda: browser,
                            raising=False)
    dock.centrality_list.setCurrentRow(1)
    # what run_algorithm hands to processing.execAlgorithmDialog, without executing it
    dialog = processing.createAlgorithmDialog("observatoire:print_atlas",
                                              dock.algorithm_parameters("print_atlas"))
    try:
        wrappers = dialog.mainWidget().wrappers
        centralities = wrappers["CENTRALITIES"].widget
        assert isinstance(centralities, QgsCheckableComboBox)
        assert [centralities.itemText(i) for i in range(centralities.count())] == [
            "Centre", "Gare"]
        assert centralities.checkedItems() == ["Gare"]
        parameters = dialog.mainWidget().createProcessingParameters()
        assert parameters["CENTRALITIES"] == "Gare"
        assert parameters["GEOPACKAGE"] == str(socle.resolve())
    finally:
        dialog.deleteLater()


def test_the_dock_speaks_french(project, qgis_app):
    from observatoire_commerce import i18n

    assert i18n.install_translator("fr")
    QLocale.setDefault(QLocale(QLocale.French, QLocale.France))
    widget = ObservatoryDock(None, project[0])
    try:
        widget.centrality_list.setCurrentRow(0)
        headers = [widget.table.horizontalHeaderItem(c).text() for c in range(len(COLUMNS))]
        assert headers == ["Indicateur", "Valeur", "Tendance", "Période"]
        assert table(widget)["Taux de vacance"] == (
            "12,5 %", "+2,5 pts depuis 2023", "2024", "calculé le " + gpkg.now_iso()[:10])
        assert widget.action_buttons["print_atlas"].text() == "Atlas"
        assert widget.socle_label.text() == "Observatoire : socle.gpkg"
    finally:
        widget.close_links()
        i18n.remove_translators()


def test_an_older_socle_offers_its_upgrade_and_is_followed_once_upgraded(qgis_app, tmp_path,
                                                                         monkeypatch):
    """A socle of schema 7: the dock says so and shows its upgrade button (nothing is changed
    by opening it); the button opens ``upgrade_geopackage`` on it (stood in for by running it);
    the dock then reads the upgraded file and hides the button."""
    from observatoire_commerce.store import observatory

    path = observatory.create_observatory(tmp_path / "ancien.gpkg", "Ancien", version=7)
    before = path.read_bytes()
    project = QgsProject()
    widget = ObservatoryDock(None, project)
    opened = []

    def run_algorithm(alg_id):
        opened.append((alg_id, widget.algorithm_parameters(alg_id)))
        observatory.open_observatory(path).close()  # what the dialog's Run does

    monkeypatch.setattr(widget, "run_algorithm", run_algorithm)
    try:
        assert widget.use_socle(str(path))
        assert widget.presenter.old_schema == 7
        assert not widget.upgrade_button.isHidden()
        assert widget.message.text().startswith(
            f"{widget.presenter.socle} has schema version 7; this version of the plugin works "
            f"on {observatory.LATEST_VERSION}. Upgrade it")
        assert path.read_bytes() == before
        widget.upgrade_button.click()
        assert opened == [("upgrade_geopackage", {"GEOPACKAGE": widget.presenter.socle})]
        assert widget.presenter.old_schema is None and widget.upgrade_button.isHidden()
        assert "schema version" not in widget.message.text()
    finally:
        widget.close_links()
        project.clear()


def test_a_vacancy_rate_is_shown_in_its_procos_band(english_numbers):
    """64 vacant of 641 = 9.984 %: 9.98 % (worrying), as in the atlas, not 10.0 % (critical);
    a change is printed with the indicator's decimals."""
    rows = [{"indicator": "vacancy_rate", "period": "2023", "value": 10.9,
             "computed_at": "2026-01-02T00:00:00Z"},
            {"indicator": "vacancy_rate", "period": "2024", "value": 100 * 64 / 641,
             "computed_at": "2026-01-02T00:00:00Z"}]
    (card,) = cards_for(rows)
    assert (card.value, card.change) == ("9.98%", "−0.9 pts since 2023")
