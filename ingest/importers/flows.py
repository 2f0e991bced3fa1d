"""Former home of the flow importers, kept so that older callers keep working.

The importers now live one per source (:mod:`.counts`, :mod:`.parking`, :mod:`.ridership`,
:mod:`.road_traffic`, :mod:`.carpool`, :mod:`.events`) on the one framework of
:mod:`.framework`. New code imports from those modules; ``sample_territory`` and
``processing.parameters`` still import these names (to be moved, then this module deleted).
"""

from __future__ import annotations

from ...store.writers.bulk import insert_rows as _insert
from .carpool import import_carpool_places, import_carpool_trips
from .counts import import_comptage, import_mapped_counts
from .counts import insert_counts as _insert_counts
from .events import import_events
from .framework import REPORT_COLUMNS, ImportCanceledError, parse_mapping, reproject
from .framework import ImportRefusedError as FlowImportError
from .framework import ImportResult as FlowImport
from .parking import import_occupancy, import_parkings
from .ridership import import_ridership
from .road_traffic import import_road_traffic

__all__ = [
    "REPORT_COLUMNS", "FlowImport", "FlowImportError", "ImportCanceledError", "_insert",
    "_insert_counts", "import_carpool_places", "import_carpool_trips", "import_comptage",
    "import_events", "import_mapped_counts", "import_occupancy", "import_parkings",
    "import_ridership", "import_road_traffic", "parse_mapping", "reproject",
]
