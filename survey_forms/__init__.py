"""Declarative definitions of the field forms (inventory, questionnaire) and the code that turns
one definition into QGIS / QField form configuration, projects, an XLSForm for KoboToolbox /
ODK, and the import of their exports (``observatory_survey``).

May import: ``store`` (and the root modules). No SQL: the questionnaire's tables are frozen
in ``resources/schema/questionnaire_layout.json`` and built by :mod:`store.schema.survey`.
"""
