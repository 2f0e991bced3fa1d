"""Jobs: read the socle, compute with :mod:`analysis`, write indicators and results.

One module per job: ``vacancy``, ``offer``, ``footfall``, ``events``, ``mobility``,
``flows_offer``, ``catchments``, ``huff``, ``site_potential``, ``network`` (the road network's
topology and a run's router), ``campaigns``, ``dwell`` (length of stay, rotation, presence
data), ``barometer`` (SIRENE history, activity indices); shared: ``zones`` (which centrality a
premise or a flow feature belongs to), ``points`` (what the catchment jobs place on the map),
``common`` (cancel, job error, indicator rows) and ``messages`` (the formulas' errors,
translated). No QGIS and no SQL here: reading and writing go through :mod:`store`, formulas
live in :mod:`analysis`.

May import: ``store``, ``analysis`` (and the root ``i18n``).
"""
