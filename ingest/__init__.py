"""Getting external files into the socle.

``sources/`` reads and validates file formats into data frames plus a rejection report
(:class:`sources.report.ImportReport`): one CSV reading and validation path for every CSV
importer (:mod:`sources.tabular`: encodings, separators, dBase headers, decimal comma, French
dates, limits on dates and numbers), archives within size limits (:mod:`sources.archive`),
OpenStreetMap exports of any kind (:mod:`sources.osm`), and one module per source (SIRENE, BPE,
OSM shops / car parks / services, comptage des mobilités, GTFS, stationnement, BNLC, short
circuits, parking sessions with their numpy byte reader, presence data, SIRENE history,
activity indices). A file that cannot be used at all raises :class:`sources.report.SourceError`.

``importers/`` writes validated sources to the GeoPackage, one module per source (``sirene``,
``bpe``, ``osm``, ``osm_services``, ``short_circuits``, ``counts``, ``parking``, ``gtfs``,
``ridership``, ``road_traffic``, ``carpool``, ``events``, ``parking_sessions``, ``presence``,
``sirene_history``, ``activity_index``; ``presets``: saved column mappings) on one framework
(:mod:`importers.framework`): one result, one cancel, one refusal, one reprojection, one
rejection sink, one transaction per import. The SQL they need lives in ``store.writers``.

May import: ``store`` (and the root ``i18n``). No QGIS.
"""
