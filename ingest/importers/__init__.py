"""Importers: validated sources written to the GeoPackage through ``store`` in one transaction
(a refusal or a cancel leaves the file as it was)."""
