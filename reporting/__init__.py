"""Reporting: atlas PDF per centrality (and later the Excel dashboard and open-data export).
Uses qgis.core only (no widgets)."""
