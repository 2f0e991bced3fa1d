"""Fieldwork: field packages for QField, their three-way synchronisation, the Excel inventory.

``packages`` prepares a package and reads one back (never through a link, with its ``-wal``);
``sync`` merges it into the shared file behind a change guard; ``validation`` holds the form
rules a merged row must meet; ``photos`` checks and copies the photos; ``errors`` explains
storage errors; ``inventory_xlsx`` is the Excel exchange with partners.

May import: ``store``, ``jobs`` (campaign perimeters), ``survey_forms`` (and the root ``i18n``).
No SQL here (``store.fieldwork`` holds it).
"""
