"""The Processing provider ``observatoire`` and its algorithms, one module per algorithm under
``algorithms/<family>/``: thin wrappers that read parameters, call ``jobs``, ``ingest``,
``fieldwork`` or ``reporting``, write outputs, report progress and honour cancel. Every
``processAlgorithm`` runs inside the error boundary of :mod:`.errors`.

Always imported relatively, never as a top-level ``processing`` package: that name belongs to
QGIS. May import: ``jobs``, ``ingest``, ``fieldwork``, ``reporting``, ``survey_forms``,
``store``, ``sample_territory`` (and the root modules). No SQL, no ``analysis`` (the jobs
re-export what algorithms need), no ``qgis.gui``.
"""
