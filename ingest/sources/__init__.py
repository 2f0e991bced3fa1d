"""Readers and validators of external source files (no QGIS, no SQL): data frames plus reports
naming every rejected row (file, row, field, value, expected).
"""
