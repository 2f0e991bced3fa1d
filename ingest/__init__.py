"""Getting external files into the socle.

``sources/`` reads and validates file formats (SIRENE, BPE, OSM, comptage des mobilités, GTFS,
stationnement, BNLC…) into data frames plus a rejection report, with French file conventions;
``importers/`` writes validated sources to the GeoPackage in one transaction (one framework: one
result, one cancel, one reprojection, one rejection sink).

May import: ``store`` (and the root ``i18n``). No QGIS.
"""
