"""Readers and validators of external source files (no qgis): data frames plus reports."""
