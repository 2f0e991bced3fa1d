"""Zones named in a file (presence data, activity indices): linked to a centrality of the
GeoPackage when they name one (its uuid, its name, or its name whatever the case and
surrounding spaces)."""

from __future__ import annotations

from typing import List, Tuple

import pandas as pd

from ...store.readers import activity as readers


def link_zones(conn, zones: pd.Series) -> Tuple[list, List[str]]:
    """(centrality uuid or None per zone, the distinct zones that name no centrality)."""
    keys = readers.centrality_keys(conn)
    out, unmatched = [], []
    for z in zones:
        text = str(z).strip()
        uid = keys.get(text) or keys.get(text.casefold())
        out.append(uid)
        if uid is None and text not in unmatched:
            unmatched.append(text)
    return out, unmatched
