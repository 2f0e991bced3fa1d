"""The language a report is written in, whatever language QGIS's interface runs in.

``with report_language("fr"):`` puts a translator for the plugin's strings on top of the ones
already installed (Qt searches the last installed first) and removes it on exit, so the
plugin's interface keeps its own language. French loads ``observatoire_commerce_fr.qm``;
English installs a translator that answers every string of the plugin's context with its
English source, so that a French QGIS still prints an English report; strings of other
contexts (QGIS's own, e.g. ``QgsLayout``) get no answer from it, and Qt goes on to the
translators installed before it, then to the source text.
"""

from __future__ import annotations

from contextlib import contextmanager

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..i18n import CONTEXT, I18N_DIR
from .formatting import language_of


class MissingTranslationError(RuntimeError):
    """The compiled translation (.qm) of the report language is absent."""


class _SourceTranslator(QTranslator):
    """Answers the plugin's strings with their (English) source text, and nothing else.

    Outside the plugin's context it returns None (a null QString): Qt takes any non-null
    string, even an empty one, as the translation, and would print QGIS's own layout strings
    blank; a null one makes it ask the next translator, then fall back to the source text.
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        return source_text if context == CONTEXT else None

    def isEmpty(self):  # noqa: N802 - Qt skips empty translators
        return False


def translation_file(language: str):
    return I18N_DIR / f"observatoire_commerce_{language_of(language)}.qm"


@contextmanager
def report_language(language: str):
    """Translate the plugin's ``tr()`` strings into ``language`` (``fr`` or ``en``) inside
    the block. Raises :class:`MissingTranslationError` naming the .qm file when a French report is
    asked for and the translation has not been compiled (``make i18n``)."""
    language = language_of(language)
    if language == "en":
        translator = _SourceTranslator()
    else:
        path = translation_file(language)
        translator = QTranslator()
        if not path.is_file() or not translator.load(str(path)):
            raise MissingTranslationError(str(path))
    QCoreApplication.installTranslator(translator)
    try:
        yield language
    finally:
        QCoreApplication.removeTranslator(translator)
