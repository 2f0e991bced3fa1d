"""What the open-data export and the web map read of the socle, read once: the campaign
published, the centralities with their codes, the assignment of points to centralities, the
French labels of the nomenclatures, the premises whose name must not be published, and the
reprojection to WGS 84.

A point belongs to the centrality containing it (higher level first, then by name: the one
rule of :func:`jobs.zones.assign_centralities`).
"""

from __future__ import annotations

from functools import cached_property
from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from ..i18n import tr
from ..jobs.zones import assign_centralities
from ..store import publication as pub
from ..store.survey import centrality_codes
from .geo import Reprojector
from .open_data_rows import OpenDataError


class PublicationSource:
    """The socle as publications read it (``conn`` from :func:`store.observatory`)."""

    def __init__(self, conn, campaign: Optional[str] = None):
        self.conn = conn
        self.srs_id = pub.srs_id(conn)
        self.reproject = Reprojector(self.srs_id)
        self.campaign = pub.campaign(conn, campaign)
        self.territory = pub.territory(conn) or ""

    # ------------------------------------------------------------------ centralities
    @cached_property
    def centralities(self) -> List[dict]:
        cents = pub.centralities(self.conn)
        codes = {r["uuid"]: r["code"] for r in centrality_codes(self.conn)}
        for c in cents:
            c["code"] = codes.get(c["uuid"]) or c.get("code")
        return cents

    @cached_property
    def code_of(self) -> Dict[str, str]:
        return {c["uuid"]: c["code"] for c in self.centralities}

    @cached_property
    def name_of(self) -> Dict[str, str]:
        return {c["uuid"]: c["name"] for c in self.centralities}

    def assign(self, frame: pd.DataFrame, key: str) -> pd.Series:
        """Centrality uuid (or None) of each row of ``frame`` (columns ``key``, x, y)."""
        if frame.empty or not self.centralities:
            return pd.Series([None] * len(frame), index=frame.index, dtype=object)
        points = pd.DataFrame({"uuid": frame[key].to_numpy(),
                               "x": frame["x"].to_numpy(dtype=float),
                               "y": frame["y"].to_numpy(dtype=float)})
        found = assign_centralities(points, self.centralities)
        return pd.Series([found.get(u) for u in points["uuid"]], index=frame.index,
                         dtype=object)

    def with_centrality(self, frame: pd.DataFrame, key: str) -> pd.DataFrame:
        """``frame`` plus ``centrality_code`` and ``centrality_name``."""
        uuids = self.assign(frame, key)
        return frame.assign(centrality_code=[self.code_of.get(u) for u in uuids],
                            centrality_name=[self.name_of.get(u) for u in uuids])

    def with_lonlat(self, frame: pd.DataFrame) -> pd.DataFrame:
        lon, lat = self.reproject.points(frame["x"], frame["y"])
        return frame.assign(lon=np.round(lon, 7), lat=np.round(lat, 7))

    # ------------------------------------------------------------------ offer
    def require_campaign(self) -> dict:
        if self.campaign is None:
            raise OpenDataError(tr(
                "the GeoPackage has no closed inventory campaign: close a campaign "
                "(observatoire:close_campaign) or choose one"))
        return self.campaign

    @cached_property
    def premises(self) -> pd.DataFrame:
        """Premises of the campaign with centrality and lon/lat; ``sign_name`` blanked for
        sole traders whose SIRENE record is not public (``name_withheld`` True)."""
        camp = self.require_campaign()
        frame = pub.offer_premises(self.conn, camp["uuid"])
        withheld = frame["premise_uuid"].isin(self.non_public).to_numpy()
        frame = frame.assign(sign_name=frame["sign_name"].where(~withheld, None),
                             name_withheld=withheld)
        return self.with_lonlat(self.with_centrality(frame, "premise_uuid"))

    @cached_property
    def non_public(self) -> set:
        return pub.non_public_premises(self.conn)

    @cached_property
    def diffusion_recorded(self) -> bool:
        return pub.diffusion_status_recorded(self.conn)

    def labels(self, table: str) -> Dict[str, str]:
        return pub.labels(self.conn, table)

    @cached_property
    def naf_labels(self) -> Dict[str, str]:
        return pub.naf_labels(self.conn)

    @cached_property
    def services(self) -> pd.DataFrame:
        return self.with_lonlat(self.with_centrality(pub.services(self.conn), "service_uuid"))

    @cached_property
    def producers(self) -> pd.DataFrame:
        return self.with_lonlat(self.with_centrality(pub.producers(self.conn), "producer_uuid"))

    @cached_property
    def markets(self) -> pd.DataFrame:
        return self.with_lonlat(self.with_centrality(pub.markets(self.conn), "market_uuid"))

    @cached_property
    def indicators(self) -> pd.DataFrame:
        return pub.indicators(self.conn)

    @cached_property
    def campaign_order(self) -> Dict[str, int]:
        return {c["uuid"]: i for i, c in enumerate(pub.all_campaigns(self.conn))}

    @cached_property
    def campaign_dates(self) -> Dict[str, tuple]:
        return {c["uuid"]: (c.get("start_date"), c.get("end_date"))
                for c in pub.all_campaigns(self.conn)}
