"""Reporting: the atlas PDF per centrality, the partners' Excel dashboard, the open-data export
and the citizens' web map. Uses ``qgis.core`` only (no widgets).

May import: ``jobs``, ``store``, ``analysis`` (and the root modules). No SQL.
"""
