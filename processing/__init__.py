"""Processing provider ``observatoire`` and its algorithms (imported relatively, never as a
top-level ``processing`` package: that name belongs to QGIS)."""
