"""Jobs: read the socle, compute with :mod:`analysis`, write indicators and results.

Vacancy, offer, footfall, events, mobility, catchments, Huff, site potential, campaigns. No QGIS
and no SQL here: reading and writing go through :mod:`store`, formulas live in :mod:`analysis`.

May import: ``store``, ``analysis`` (and the root ``i18n``).
"""
