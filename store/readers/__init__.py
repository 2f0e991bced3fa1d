"""Read the socle into plain Python / numpy / pandas structures for the jobs.

One module per domain: :mod:`.territory` (centralities, population grid, points of any table),
:mod:`.offer` (premises, campaigns, observations, lineage, nomenclatures, services, short
circuits), :mod:`.flows` (counters, events, parking, public transport, road traffic,
carpooling) and :mod:`.activity` (parking sessions, presence data, SIRENE history and
positions, activity indices, column presets). Readers run no formula: they return rows,
coordinates and geometries; the rules that combine them live in :mod:`jobs` and
:mod:`analysis`.

The readers every layer uses are importable from here: ``readers.centralities``,
``readers.premises``, ``readers.campaigns``, ``readers.observations``,
``readers.vacant_statuses``.
"""

from .offer import campaigns, observations, premises, vacant_statuses
from .territory import LEVEL_PRIORITY, centralities

__all__ = ["LEVEL_PRIORITY", "campaigns", "centralities", "observations", "premises",
           "vacant_statuses"]
