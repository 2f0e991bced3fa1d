"""Translation helpers: one Qt context for the whole plugin, and the translator loader.

Source strings are English; ``resources/i18n/observatoire_commerce_<lang>.ts`` holds the
translations (``.qm`` compiled by ``make``). ``tr`` falls back to the English text when Qt is not
importable, so the store stays usable without QGIS.
"""

from __future__ import annotations

from pathlib import Path

CONTEXT = "Observatoire"
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"
_translators: list = []


def tr(text: str) -> str:
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:  # pragma: no cover - only outside QGIS
        return text
    return QCoreApplication.translate(CONTEXT, text)


def noop(text: str) -> str:
    """Mark a literal for translation where it is defined; translate it with ``tr`` later."""
    return text


def qgis_locale() -> str:
    """Two-letter language QGIS runs in (its override setting first, then the system's)."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    settings = QgsSettings()
    if str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1"):
        locale = str(settings.value("locale/userLocale", "") or "")
    else:
        locale = QLocale.system().name()
    return (locale or "en")[:2]


def install_translator(language: str | None = None) -> bool:
    """Load the plugin's .qm for ``language`` (default: QGIS's); True when one was installed."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    language = language or qgis_locale()
    remove_translators()
    qm = I18N_DIR / f"observatoire_commerce_{language}.qm"
    if not qm.is_file():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translators.append(translator)
    return True


def remove_translators() -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    while _translators:
        QCoreApplication.removeTranslator(_translators.pop())
