"""QGIS desktop integration: menu, toolbar, observatory dock, dialogs. The only place that
touches ``qgis.gui`` and ``qgis.utils.iface``.

May import: every other folder of the plugin.
"""
