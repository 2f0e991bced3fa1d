"""Inventory campaigns as stored: the one lookup every layer uses, listing, creation.

The campaign workflow (opening with pre-filled observations, progress, closing) is
:mod:`jobs.campaigns`; the workflow columns come from :mod:`store.schema.campaigns`.
"""

from __future__ import annotations

import json
import uuid
from typing import Optional

from ..i18n import tr
from . import gpkg, tables

CHRONOLOGICAL = ("SELECT * FROM campaigns "
                 "ORDER BY coalesce(start_date, year || '-01-01'), year, name, fid")


class CampaignLookupError(gpkg.GeoPackageError):
    """No campaign answers the request; the message names the campaigns there are."""


def _decoded(row) -> dict:
    result = dict(row)
    perimeter = result.get("perimeter")
    if "perimeter" in result:
        result["perimeter"] = json.loads(perimeter) if perimeter else None
    return result


def all_campaigns(conn) -> list:
    """Every campaign as a dict, in chronological order (start date, year, name)."""
    return [_decoded(r) for r in conn.execute(CHRONOLOGICAL)]


def find(conn, name_or_uuid: Optional[str] = None, *, when_empty: Optional[str] = "latest",
         open_only: bool = False) -> Optional[dict]:
    """The campaign named (or with the uuid) ``name_or_uuid``.

    With no name: ``when_empty="latest"`` gives the latest campaign, ``"single_open"`` the only
    open campaign (refused when none or several are open), ``None`` gives None. With
    ``open_only`` a closed campaign is refused. Errors name the campaigns the file holds.
    """
    camps = all_campaigns(conn)
    names = ", ".join(c["name"] for c in camps) or "-"
    text = (name_or_uuid or "").strip() if isinstance(name_or_uuid, str) else name_or_uuid
    if text:
        hits = [c for c in camps if c["name"] == text] or [c for c in camps if c["uuid"] == text]
        if not hits:
            raise CampaignLookupError(tr(
                "unknown campaign {campaign!r}; campaigns in the GeoPackage: {campaigns}").format(
                    campaign=text, campaigns=names))
        found = hits[0]
    elif when_empty is None:
        return None
    elif when_empty == "single_open":
        open_ones = [c for c in camps if c["state"] == "open"]
        if len(open_ones) != 1:
            raise CampaignLookupError(tr(
                "choose the campaign: {n} campaigns are open ({names})").format(
                    n=len(open_ones), names=", ".join(c["name"] for c in open_ones) or "-"))
        found = open_ones[0]
    else:
        if not camps:
            raise CampaignLookupError(tr("the GeoPackage holds no inventory campaign"))
        found = camps[-1]
    if open_only and found["state"] != "open":
        raise CampaignLookupError(tr(
            "the campaign {name!r} is closed: choose an open campaign").format(name=found["name"]))
    return found


def create(conn, name: str, year: int, *, start_date: Optional[str] = None,
           end_date: Optional[str] = None, notes: Optional[str] = None,
           perimeter: Optional[list] = None) -> str:
    """Insert an open campaign (inside the caller's transaction); returns its uuid."""
    uid = str(uuid.uuid4())
    tables.insert_dicts(conn, "campaigns", [{
        "uuid": uid, "name": name, "year": int(year),
        "start_date": start_date or f"{int(year)}-01-01", "end_date": end_date,
        "state": "open", "notes": notes,
        "perimeter": None if perimeter is None else json.dumps(list(perimeter))}])
    return uid
