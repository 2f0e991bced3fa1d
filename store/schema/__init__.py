"""The socle's schema, one module per domain: ``core`` (v1), ``campaigns`` (v3), ``survey``
(v4 / v9, from the frozen questionnaire layout), ``offer`` (v6), ``flows`` (v7), ``activity``
(v13: parking sessions, presence data, SIRENE history, activity indices); the road network
(v8) is :mod:`store.network_store`. Migrations are listed in :mod:`store.migrations`.
"""
