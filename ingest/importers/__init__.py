"""Importers: validated external sources written to the GeoPackage in one transaction."""
