"""A module that breaks the layer rules, checked as if it lived in store/ (never imported)."""

from ..i18n import tr  # allowed: the root modules serve every layer
from ..survey_forms import model  # forbidden: store imports nothing of ours
from . import gpkg  # allowed: its own layer
import observatoire_commerce.jobs.vacancy  # forbidden, absolute spelling


def write(conn):
    conn.execute("DELETE FROM premises")  # allowed in store/, forbidden elsewhere
    return tr, model, gpkg, observatoire_commerce
# ruff: noqa
