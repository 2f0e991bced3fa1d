"""report_language: the plugin's strings in the report's language, QGIS's own strings untouched."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from observatoire_commerce.i18n import CONTEXT
from observatoire_commerce.reporting.language import _SourceTranslator, report_language


class _QgisFrench(QTranslator):
    """Stands for QGIS's own French translation, installed before any report is printed."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        if context == "QgsLayout" and source_text == "Create %1":
            return "Créer %1"
        return None

    def isEmpty(self):  # noqa: N802
        return False


def test_english_report_leaves_other_contexts_to_qt(qgis_app):
    with report_language("en"):
        assert QCoreApplication.translate("QgsLayout", "Create %1") == "Create %1"
        assert QCoreApplication.translate(CONTEXT, "Vacancy rate") == "Vacancy rate"
    translator = _SourceTranslator()
    assert translator.translate("QgsLayout", "Create %1") is None
    assert translator.translate(CONTEXT, "Vacancy rate") == "Vacancy rate"


def test_english_report_falls_through_to_the_translators_installed_before(qgis_app):
    qgis_french = _QgisFrench()
    QCoreApplication.installTranslator(qgis_french)
    try:
        with report_language("en"):
            assert QCoreApplication.translate("QgsLayout", "Create %1") == "Créer %1"
            assert QCoreApplication.translate(CONTEXT, "Create %1") == "Create %1"
        assert QCoreApplication.translate(CONTEXT, "Create %1") == "Create %1"
    finally:
        QCoreApplication.removeTranslator(qgis_french)
    assert QCoreApplication.translate("QgsLayout", "Create %1") == "Create %1"
