"""Algorithm dialog widgets choosing campaigns and centralities from the socle's own lists.

The algorithms keep plain text parameters (names separated by commas, as ``qgis_process`` and
the modeler pass them); :func:`processing.parameters.attach_name_list` names this module's
:class:`NameListWrapper` in the parameter's ``widget_wrapper`` metadata, which QGIS's
Processing dialogs (3.22 to 3.40) instantiate. The lists are read from the GeoPackage chosen in
the same dialog (its GEOPACKAGE parameter), refilled when it changes; several names are ticked in
a checkable combo box, one is picked in an editable combo box (a new name may still be typed,
e.g. a campaign to create). Batch and modeler dialogs keep a line edit.
"""

from __future__ import annotations

from processing.gui.wrappers import DIALOG_STANDARD, WidgetWrapper
from qgis.gui import QgsCheckableComboBox
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit

from ..i18n import tr
from ..processing.algorithms.base import current_project_socle
from ..processing.parameters import split_list
from ..store import dock as store_dock
from ..store import gpkg

SOCLE_PARAMETER = "GEOPACKAGE"


def read_names(path, table: str) -> list:
    """Names of ``table`` (campaigns or centralities) in the observatory ``path`` ([] when it is
    not one or cannot be read)."""
    if not path or not store_dock.is_observatory(path):
        return []
    try:
        conn = gpkg.connect(path)
        try:
            return store_dock.names(conn, table)
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - a list left empty: the user may still type names
        return []


class NameListWrapper(WidgetWrapper):
    """Names of ``table`` read from the dialog's GeoPackage; ``multiple``: several ticked."""

    def createWidget(self, table: str = "campaigns", multiple: bool = True, **_kwargs):  # noqa: N802
        self.table = table
        self.multiple = multiple
        self._socle_wrapper = None
        self._pending = None
        if self.dialogType != DIALOG_STANDARD:
            widget = QLineEdit()
            widget.textChanged.connect(lambda _t: self.widgetValueHasChanged.emit(self))
            return widget
        if multiple:
            widget = QgsCheckableComboBox()
            widget.checkedItemsChanged.connect(lambda _i: self.widgetValueHasChanged.emit(self))
            widget.setDefaultText(tr("(none: all)"))
        else:
            widget = QComboBox()
            widget.setEditable(True)
            widget.currentTextChanged.connect(lambda _t: self.widgetValueHasChanged.emit(self))
        widget.setToolTip(tr("Chosen from the observatory GeoPackage of this dialog"))
        return widget

    def postInitialize(self, wrappers):  # noqa: N802 - QGIS API
        for wrapper in wrappers:
            definition = wrapper.parameterDefinition()
            if definition is not None and definition.name() == SOCLE_PARAMETER:
                self._socle_wrapper = wrapper
                wrapper.widgetValueHasChanged.connect(lambda _w: self.fill())
        self.fill()

    def socle(self) -> str | None:
        value = None
        if self._socle_wrapper is not None:
            value = self._socle_wrapper.parameterValue()
        return str(value) if value else current_project_socle()

    def fill(self) -> None:
        """(Re)read the names from the dialog's GeoPackage, keeping the names chosen."""
        if isinstance(self.widget, QLineEdit):
            return
        chosen = self._pending if self._pending is not None else self.value()
        self.widget.blockSignals(True)
        try:
            self.widget.clear()
            names = read_names(self.socle(), self.table)
            if not self.multiple:
                self.widget.addItem("")
            self.widget.addItems(names)
        finally:
            self.widget.blockSignals(False)
        self._pending = None
        self.setValue(chosen)

    def setValue(self, value):  # noqa: N802 - QGIS API
        text = "" if value is None else str(value)
        if isinstance(self.widget, QLineEdit):
            self.widget.setText(text)
            return
        if self.widget.count() == 0 and text:
            self._pending = text  # the list is filled after the values are set
        if self.multiple:
            wanted = split_list(text)
            present = {self.widget.itemText(i) for i in range(self.widget.count())}
            self.widget.addItems([n for n in wanted if n not in present])  # typed elsewhere
            self.widget.setCheckedItems(wanted)
        else:
            self.widget.setEditText(text)

    def value(self):
        if isinstance(self.widget, QLineEdit):
            return self.widget.text()
        if self.multiple:
            return ", ".join(self.widget.checkedItems())
        return self.widget.currentText().strip()
