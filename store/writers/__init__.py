"""What the importers write: persistence only, no reading of files and no formula.

Every function runs inside the caller's transaction (:func:`store.gpkg.transaction`), quotes
its SQL parameters, and refreshes the ``gpkg_contents`` entry of the tables it changes.

- :mod:`.bulk`: chunked ``INSERT OR IGNORE`` of rows keyed by their source ids (re-importing
  adds nothing), with SQL expressions for derived columns;
- :mod:`.rejections`: the ``import_rejections`` table (rows an import rejected or kept with a
  warning, replaced when the same file is imported again);
- :mod:`.premises`: premises, their source links and campaign observations (SIRENE, OSM);
- :mod:`.services`: BPE services; :mod:`.short_circuits`: producers, products and markets;
- :mod:`.flows`: counts, parking occupancy and the lookups of the flow importers;
- :mod:`.activity`: parking sessions (millions of them, merged by car park and month into
  ``parking_session_blocks``, :mod:`store.session_blocks`), presence counts, SIRENE history
  and positions, activity indices and column presets.
"""
