"""The shared GeoPackage (socle): schema, creation, migrations, nomenclatures, readers and writers.

Nothing here imports ``qgis``: the store is plain SQLite (the GeoPackage format) plus GDAL's
``osr`` for coordinate reference systems, so it runs the same inside QGIS, in ``qgis_process``
and in the unit tests.
"""
