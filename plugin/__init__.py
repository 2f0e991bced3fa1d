"""QGIS desktop integration: menu, toolbar, dialogs (the only place that touches qgis.gui)."""
