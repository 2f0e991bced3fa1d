"""Plugin identity, read once from ``metadata.txt`` (the single source of name and version)."""

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
PLUGIN_FOLDER = "observatoire_commerce"
PROVIDER_ID = "observatoire"

_metadata = configparser.ConfigParser(interpolation=None)
_metadata.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")

__title__ = _metadata.get("general", "name")
__version__ = _metadata.get("general", "version")
__qgis_minimum_version__ = _metadata.get("general", "qgisMinimumVersion")
