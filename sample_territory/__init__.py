"""The built-in demo territory: a deterministic, Poitiers-like agglomeration made by our code.

``generate(path, seed)`` creates an observatory GeoPackage and fills it step by step
(``STEPS``); ``answers`` writes synthetic questionnaire exports, ``fieldwork`` plays two agents'
scripted field edits.

May import: ``store``, ``survey_forms``, ``ingest``, ``jobs``, ``fieldwork``, ``analysis``: the
demo goes through the real import, network and synchronisation paths rather than copies of them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..store import gpkg, observatory, tables
from . import flows, network, offer, territory

STEPS = [
    ("territory", territory.build),
    ("flows", flows.build),
    ("road network", network.build),
    ("offer: services, producers, markets", offer.build),
]


def generate(path, seed: int = 2024, progress=None, is_canceled=None) -> dict:
    """Create ``path`` (must not exist) holding the demo territory; returns counts per table.

    ``progress(percent)`` and ``is_canceled()`` are optional callbacks; a cancel or any error
    removes the half-made file.
    """
    path = Path(path)
    observatory.create_observatory(path, "Démo – agglomération de Poitiers (fictive)", 2154)
    conn = observatory.open_observatory(path)
    try:
        rng = np.random.default_rng(seed)
        for index, (_name, step) in enumerate(STEPS):
            if is_canceled and is_canceled():
                raise InterruptedError("demo generation canceled")
            with gpkg.transaction(conn):
                step(conn, rng)
            if progress:
                progress(100.0 * (index + 1) / len(STEPS))
        counts = {t: tables.count(conn, t)
                  for t in ("centralities", "premises", "campaigns", "premise_observations",
                            "premise_lineage", "population_grid", "roads")}
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    conn.close()
    return counts
