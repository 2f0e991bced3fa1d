"""Shared look-ups of the fieldwork algorithms: campaigns and centralities by name."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from ....i18n import tr
from ....jobs import campaigns
from ...parameters import split_list


def centrality_uuids(conn, text: str):
    """uuids of the centralities named in ``text`` (None when empty: the whole territory)."""
    names = split_list(text)
    if not names:
        return None
    known = {r[0]: r[1] for r in conn.execute("SELECT name, uuid FROM centralities")}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise QgsProcessingException(tr(
            "Unknown centrality name(s): {unknown}. Centralities in the GeoPackage: "
            "{known}.").format(unknown=", ".join(unknown),
                               known=", ".join(sorted(known)) or "-"))
    return [known[n] for n in dict.fromkeys(names)]


def find_campaign(conn, name: str, *, open_only: bool = False) -> dict:
    """The campaign named ``name``, or the single open campaign when ``name`` is empty."""
    name = (name or "").strip()
    if name:
        row = conn.execute("SELECT uuid FROM campaigns WHERE name = ?", (name,)).fetchone()
        if row is None:
            known = [r[0] for r in conn.execute("SELECT name FROM campaigns ORDER BY name")]
            raise QgsProcessingException(tr(
                "Unknown campaign {name}. Campaigns in the GeoPackage: {known}.").format(
                    name=name, known=", ".join(known) or "-"))
        info = campaigns.campaign(conn, row[0])
        if open_only and info["state"] != "open":
            raise QgsProcessingException(tr(
                "The campaign {name} is closed: choose an open campaign.").format(name=name))
        return info
    open_ones = campaigns.open_campaigns(conn)
    if len(open_ones) != 1:
        names = [campaigns.campaign(conn, u)["name"] for u in open_ones]
        raise QgsProcessingException(tr(
            "Name the campaign: {count} campaigns are open ({names}).").format(
                count=len(open_ones), names=", ".join(names) or "-"))
    return campaigns.campaign(conn, open_ones[0])
