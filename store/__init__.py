"""The shared GeoPackage (socle): persistence only.

The GeoPackage engine (``gpkg``: connections, transactions, R-tree, field domains; ``geometry``:
blobs; ``rtree_bulk``), the schema per domain (``schema/``: core v1, campaigns, survey, offer,
flows, network, activity; ``network_store`` persists the road network) and its migrations, the
nomenclatures, and the reads and writes every other layer uses (``tables`` generic,
``readers/`` per domain: territory, offer, flows, activity; ``writers/`` of the importers;
``session_blocks``, the columnar layout of the parking sessions; ``indicators``,
``campaigns``, ``survey``, ``styles``…). All the plugin's SQL lives here, and no formula.

May import: nothing of ours but the root ``i18n``. No QGIS: plain SQLite plus GDAL's ``osr``,
so it runs the same inside QGIS, in ``qgis_process`` and in the unit tests.
"""
