"""The observatory dock: the view of :class:`.dock_presenter.DockPresenter` and its links to
the project (which socle, selection on the centralities layer) and to Processing.

No logic here beyond wiring: what is shown comes from the presenter; which socle the project
works on from :mod:`.socle`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QFileSystemWatcher, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import PROVIDER_ID
from ..i18n import tr
from ..processing.algorithms.base import set_dialog_socle
from ..store import dock as store_dock
from . import socle as socles
from .dock_presenter import ACTIONS, DockPresenter, algorithm_parameters
from .sparkline import sparkline

# indicator (its change below), latest value, trend chart, period (computing date below)
COLUMNS = ("indicator", "value", "trend", "period")


class ObservatoryDock(QDockWidget):
    """Centralities of the project's socle; the chosen one's key indicators and trends."""

    def __init__(self, parent=None, project: QgsProject | None = None):
        super().__init__(tr("Observatoire du commerce"), parent)
        self.setObjectName("ObservatoireCommerceDock")
        self.project = project or QgsProject.instance()
        self.presenter = DockPresenter(self)
        self._syncing = False
        self._linked_layers: list = []
        self._build()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _path: self._debounce.start())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(700)
        self._debounce.timeout.connect(self._file_changed)
        self.presenter.socleChanged.connect(self._show_socle)
        self.presenter.centralitiesChanged.connect(self._show_centralities)
        self.presenter.selectionChanged.connect(self._show_selection)
        self.presenter.cardsChanged.connect(self._show_cards)
        self.presenter.messageChanged.connect(self.message.setText)
        self.presenter.upgradeNeeded.connect(self._show_upgrade)
        for signal in (self.project.readProject, self.project.layersAdded,
                       self.project.layersRemoved, self.project.customVariablesChanged):
            signal.connect(self._project_changed)
        self.project.cleared.connect(self._project_changed)
        self.follow_project()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        head = QHBoxLayout()
        self.socle_label = QLabel(body)
        self.socle_label.setObjectName("socleLabel")
        self.socle_label.setWordWrap(True)
        choose = QToolButton(body)
        choose.setObjectName("chooseSocle")
        choose.setText(tr("Choose…"))
        choose.setToolTip(tr("Choose the observatory GeoPackage of this project"))
        choose.clicked.connect(self.choose_socle)
        head.addWidget(self.socle_label, 1)
        head.addWidget(choose)
        layout.addLayout(head)
        self.upgrade_button = QPushButton(tr("Upgrade the GeoPackage…"), body)
        self.upgrade_button.setObjectName("upgradeSocle")
        self.upgrade_button.setToolTip(tr("Bring the file to the schema of this version of the "
                                          "plugin; a copy of it as it is is kept beside it"))
        self.upgrade_button.clicked.connect(self.upgrade_socle)
        self.upgrade_button.setVisible(False)
        layout.addWidget(self.upgrade_button)
        splitter = QSplitter(Qt.Vertical, body)
        self.centrality_list = QListWidget(splitter)
        self.centrality_list.setObjectName("centralityList")
        self.centrality_list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.centrality_list.currentItemChanged.connect(self._list_choice)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(lower)
        self.title.setObjectName("centralityTitle")
        self.title.setStyleSheet("font-weight: bold")
        self.message = QLabel(lower)
        self.message.setObjectName("dockMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), lower)
        self.table.setObjectName("indicatorTable")
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Value"), tr("Trend"),
                                              tr("Period")])
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        lower_layout.addWidget(self.title)
        lower_layout.addWidget(self.message)
        lower_layout.addWidget(self.table, 1)
        buttons = QGridLayout()
        self.action_buttons = {}
        for index, (alg_id, text) in enumerate(ACTIONS):
            button = QPushButton(tr(text), lower)
            button.setObjectName(f"run_{alg_id}")
            button.setToolTip(tr("Open the algorithm on this observatory"))
            button.clicked.connect(lambda _checked=False, a=alg_id: self.run_algorithm(a))
            buttons.addWidget(button, index // 3, index % 3)
            self.action_buttons[alg_id] = button
        lower_layout.addLayout(buttons)
        splitter.addWidget(self.centrality_list)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

    # -- following the project --------------------------------------------------------------
    def _project_changed(self, *_args) -> None:
        QTimer.singleShot(0, self.follow_project)

    def follow_project(self) -> None:
        """Find the project's socle, remember it and show it."""
        path = socles.current_socle(self.project)
        if path:
            socles.remember(self.project, path)
        if self.project is QgsProject.instance():
            set_dialog_socle(path)  # the algorithm dialogs open on it
        self.presenter.set_socle(path)
        self._link_layers()
        self._watch(path)

    def choose_socle(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Observatory GeoPackage"), self.presenter.socle or "",
            tr("GeoPackage (*.gpkg)"))
        if path:
            self.use_socle(path)

    def use_socle(self, path: str) -> bool:
        """Make ``path`` the project's socle (False when it is not an observatory)."""
        if not store_dock.is_observatory(path):
            self.presenter._set_message(tr("{path} is not an observatory GeoPackage.").format(
                path=path))
            return False
        socles.remember(self.project, str(Path(path).resolve()))
        self.follow_project()
        return True

    def _watch(self, path, renew: bool = False) -> None:
        """Watch the socle (and its -wal file). Paths already watched stay watched: removing
        and adding them again would drop a change not yet delivered (a project change comes
        with every layer an algorithm loads, right after it wrote the file). ``renew``:
        watch them afresh (a file replaced by another is no longer watched)."""
        wanted = [p for p in (path, path + "-wal") if Path(p).exists()] if path else []
        old = self.watcher.files()
        stale = old if renew else [p for p in old if p not in wanted]
        if stale:
            self.watcher.removePaths(stale)
        new = [p for p in wanted if p not in self.watcher.files()]
        if new:
            self.watcher.addPaths(new)

    def _file_changed(self) -> None:
        self._watch(self.presenter.socle, renew=True)  # a file replaced is no longer watched
        self.presenter.refresh()

    # -- the centralities layer on the map ---------------------------------------------------
    def _unlink_layers(self) -> None:
        for layer in self._linked_layers:
            with contextlib.suppress(TypeError, RuntimeError):
                layer.selectionChanged.disconnect(self._map_choice)
        self._linked_layers = []

    def _link_layers(self) -> None:
        self._unlink_layers()
        self._linked_layers = socles.centralities_layers(self.project, self.presenter.socle)
        for layer in self._linked_layers:
            layer.selectionChanged.connect(self._map_choice)

    def _map_choice(self, *_args) -> None:
        if self._syncing:
            return
        layer = self.sender()
        features = list(layer.getSelectedFeatures()) if layer is not None else []
        if features:
            self.presenter.select(str(features[0]["uuid"]))

    def _select_on_map(self, uuid) -> None:
        self._syncing = True
        try:
            for layer in self._linked_layers:
                if uuid:
                    layer.selectByExpression("\"uuid\" = '{u}'".format(u=uuid.replace("'", "''")))
                else:
                    layer.removeSelection()
        finally:
            self._syncing = False

    # -- showing ----------------------------------------------------------------------------
    def _show_socle(self, path: str) -> None:
        self.socle_label.setText(tr("Observatory: {name}").format(name=Path(path).name)
                                 if path else tr("No observatory GeoPackage"))
        self.socle_label.setToolTip(path)

    def _show_centralities(self, centralities: list) -> None:
        self._syncing = True
        try:
            self.centrality_list.clear()
            for centrality in centralities:
                item = QListWidgetItem(centrality["name"] or centrality["uuid"])
                item.setData(Qt.UserRole, centrality["uuid"])
                item.setToolTip(centrality["level"] or "")
                self.centrality_list.addItem(item)
        finally:
            self._syncing = False

    def _list_choice(self, current, _previous) -> None:
        if self._syncing or current is None:
            return
        uuid = current.data(Qt.UserRole)
        self.presenter.select(uuid)
        self._select_on_map(uuid)

    def _show_selection(self, centrality) -> None:
        self.title.setText(centrality["name"] if centrality else "")
        self._syncing = True
        try:
            for row in range(self.centrality_list.count()):
                item = self.centrality_list.item(row)
                if centrality and item.data(Qt.UserRole) == centrality["uuid"]:
                    self.centrality_list.setCurrentItem(item)
                    break
            else:
                self.centrality_list.setCurrentItem(None)
        finally:
            self._syncing = False
        for button in self.action_buttons.values():
            button.setEnabled(bool(self.presenter.socle))

    def _show_cards(self, cards: list) -> None:
        self.table.setRowCount(len(cards))
        for row, card in enumerate(cards):
            computed = tr("computed on {date}").format(date=card.computed)
            texts = ("\n".join(t for t in (card.label, card.change) if t), card.value, "",
                     f"{card.period}\n{computed}")
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                self.table.setItem(row, column, item)
            chart = QLabel()
            chart.setPixmap(sparkline([v for _p, v in card.series]))
            chart.setToolTip(", ".join(f"{p}: {v:g}" for p, v in card.series))
            self.table.setCellWidget(row, COLUMNS.index("trend"), chart)
        self.table.resizeRowsToContents()

    # -- running algorithms ------------------------------------------------------------------
    def algorithm_parameters(self, alg_id: str) -> dict:
        alg = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{alg_id}")
        names = [p.name() for p in alg.parameterDefinitions()] if alg is not None else []
        return algorithm_parameters(self.presenter.socle, self.presenter.selected, names)

    def run_algorithm(self, alg_id: str) -> None:
        from qgis import processing

        processing.execAlgorithmDialog(f"{PROVIDER_ID}:{alg_id}",
                                       self.algorithm_parameters(alg_id))
        self.presenter.refresh()

    def _show_upgrade(self, needed: bool) -> None:
        self.upgrade_button.setVisible(needed)

    def upgrade_socle(self) -> None:
        """Open ``upgrade_geopackage`` on the socle (the user confirms it in its dialog)."""
        self.run_algorithm("upgrade_geopackage")
        self.presenter.reload()

    def close_links(self) -> None:
        """Disconnect from the project (the plugin is unloaded)."""
        for signal in (self.project.readProject, self.project.layersAdded,
                       self.project.layersRemoved, self.project.customVariablesChanged,
                       self.project.cleared):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(self._project_changed)
        self._unlink_layers()
        self._debounce.stop()
        if self.project is QgsProject.instance():
            set_dialog_socle(None)
