"""Reporting: the atlas PDF, the partners' Excel dashboard, the open-data export and the
citizens' web map. Uses ``qgis.core`` only (no widgets).

May import: ``jobs``, ``store``, ``analysis`` (and the root modules). No SQL.

Without QGIS: ``formatting`` (French and English numbers and dates), ``definitions`` and
``sources`` (the indicator definitions and source licences of ``resources/reporting/``),
``atlas_data`` (what the atlas and the dashboard show, gathered from the socle), ``charts``
(matplotlib SVG charts), ``dashboard_xlsx`` (openpyxl). With ``qgis.core``: ``language``
(the report language, whatever QGIS's), ``atlas_maps`` (layers), ``layout_kit`` (drawing on
layout pages), ``atlas_layout`` (the pages) and ``atlas`` (build and export).
"""
