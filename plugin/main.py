"""The plugin object QGIS loads: provider registration, menu, toolbar and observatory dock."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .. import dependencies
from ..__about__ import PLUGIN_DIR, PROVIDER_ID
from ..i18n import install_translator, noop, remove_translators, tr
from .dock import ObservatoryDock

ICONS = PLUGIN_DIR / "resources" / "icons"
ICON = str(ICONS / "observatoire.svg")
DOCK_ICON = str(ICONS / "dock.svg")

# (algorithm id, English action text, on the toolbar)
ACTIONS = [
    ("create_geopackage", noop("Create an observatory GeoPackage…"), False),
    ("upgrade_geopackage", noop("Upgrade an observatory GeoPackage…"), False),
    ("generate_demo_territory", noop("Generate the demo territory…"), False),
    ("open_campaign", noop("Open an inventory campaign…"), False),
    ("prepare_field_package", noop("Prepare a field package (QField)…"), False),
    ("synchronise_field_package", noop("Synchronise a field package…"), False),
    ("vacancy_rates", noop("Vacancy rates…"), True),
    ("footfall_by_centrality", noop("Footfall per centrality…"), False),
    ("network_catchments", noop("Network catchments…"), False),
    ("huff_model", noop("Huff market shares…"), False),
    ("site_potential", noop("Site potential of vacant premises…"), False),
    ("weight_survey", noop("Weight the questionnaire answers…"), False),
    ("expectations", noop("Expectations of the population…"), False),
    ("print_atlas", noop("Print the observatory atlas…"), True),
    ("export_dashboard_xlsx", noop("Export the partners' Excel dashboard…"), False),
    ("export_open_data", noop("Export open data…"), False),
    ("export_web_map", noop("Export the citizens' web map…"), False),
]
# the icon of each action (resources/icons/<name>.svg): one per kind of work
ACTION_ICONS = {
    "create_geopackage": "geopackage", "upgrade_geopackage": "upgrade",
    "generate_demo_territory": "demo",
    "open_campaign": "campaign", "prepare_field_package": "field_package",
    "synchronise_field_package": "sync", "vacancy_rates": "vacancy",
    "footfall_by_centrality": "footfall", "network_catchments": "catchments",
    "huff_model": "huff", "site_potential": "site_potential", "print_atlas": "atlas",
    "weight_survey": "survey_weights", "expectations": "expectations",
    "export_dashboard_xlsx": "dashboard", "export_open_data": "open_data",
    "export_web_map": "web_map",
}


def action_icon(alg_id: str) -> str:
    return str(ICONS / f"{ACTION_ICONS.get(alg_id, 'observatoire')}.svg")


class ObservatoirePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        self.toolbar = None
        self.dock = None
        self.actions: list = []
        install_translator()

    # -- Processing (also called alone by qgis_process) ----------------------------------
    def initProcessing(self):
        from ..processing.provider import ObservatoireProvider

        if self.provider is None:
            provider = ObservatoireProvider()
            # the registry owns (and deletes) a provider it refuses, e.g. a duplicate id
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- desktop ----------------------------------------------------------------------------
    def initGui(self):
        self.initProcessing()
        title = tr("Observatoire du commerce")
        self.menu = QMenu(title, self.iface.mainWindow())
        self.menu.setObjectName("observatoireCommerceMenu")
        self.menu.setIcon(QIcon(ICON))
        self.toolbar = self.iface.addToolBar(title)
        self.toolbar.setObjectName("observatoireCommerceToolbar")
        self.dock = ObservatoryDock(self.iface.mainWindow())
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.iface.mainWindow().resizeDocks([self.dock], [480], Qt.Horizontal)
        dock_action = self.dock.toggleViewAction()
        dock_action.setIcon(QIcon(DOCK_ICON))
        dock_action.setText(tr("Observatory panel"))
        dock_action.setObjectName("observatoire_dock")
        self.menu.addAction(dock_action)
        self.toolbar.addAction(dock_action)
        self.menu.addSeparator()
        for alg_id, text, on_toolbar in ACTIONS:
            action = QAction(QIcon(action_icon(alg_id)), tr(text), self.iface.mainWindow())
            action.setObjectName(f"observatoire_{alg_id}")
            action.triggered.connect(lambda _checked=False, a=alg_id: self.open_algorithm(a))
            self.menu.addAction(action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions.append(action)
        self.menu.addSeparator()
        toolbox = QAction(QIcon(ICON), tr("Show the observatory algorithms in the toolbox"),
                          self.iface.mainWindow())
        toolbox.setObjectName("observatoire_toolbox")
        toolbox.triggered.connect(self.show_toolbox)
        self.menu.addAction(toolbox)
        self.actions.append(toolbox)
        absent = dependencies.missing(dependencies.REQUIRED)
        if absent:
            self.iface.messageBar().pushWarning(title, dependencies.missing_message(absent))
        menu_bar = self.iface.mainWindow().menuBar()
        menu_bar.insertMenu(self._before_help(menu_bar), self.menu)

    @staticmethod
    def _before_help(menu_bar):
        actions = menu_bar.actions()
        for action in actions:
            if action.menu() and action.menu().objectName() == "mHelpMenu":
                return action
        return actions[-1] if actions else None

    def open_algorithm(self, alg_id: str) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(f"{PROVIDER_ID}:{alg_id}")

    def show_toolbox(self) -> None:
        from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit

        dock = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if dock is not None:
            dock.setVisible(True)
            dock.raise_()
            search = dock.findChild(QLineEdit)
            if search is not None:
                search.setText(f"{PROVIDER_ID}:")

    def unload(self):
        if self.dock is not None:
            self.dock.close_links()
            self.toolbar.removeAction(self.dock.toggleViewAction())
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translators()
