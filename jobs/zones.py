"""Which centrality each premise (or point) belongs to: the one assignment rule of every job.

A point belongs to the centrality whose polygon contains it; where centralities overlap, to the
higher level one (primary before secondary…), then to the first by name: the order of
:func:`store.readers.centralities`. Points outside every centrality get None.
"""

from __future__ import annotations

import pandas as pd

from ..analysis.spatial import points_in_zones


def assign_centralities(premise_frame: pd.DataFrame, centrality_list: list) -> dict:
    """premise uuid -> centrality uuid (or None), by point in polygon with level priority."""
    xy = premise_frame[["x", "y"]].to_numpy(dtype=float)
    index = points_in_zones(xy, [c["polygons"] for c in centrality_list])
    uuids = [c["uuid"] for c in centrality_list]
    return {p: (uuids[i] if i >= 0 else None)
            for p, i in zip(premise_frame["uuid"].tolist(), index.tolist())}
