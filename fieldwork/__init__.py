"""Fieldwork: field packages for QField, their three-way synchronisation, the Excel inventory.

May import: ``store``, ``jobs`` (campaign perimeters), ``survey_forms`` (and the root ``i18n``).
No SQL here.
"""
