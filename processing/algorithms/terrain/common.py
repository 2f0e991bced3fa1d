"""Shared look-ups of the fieldwork algorithms: campaigns and centralities by name."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from ....store import campaigns as store_campaigns
from ...parameters import split_list, uuids_of_names


def centrality_uuids(conn, text: str):
    """uuids of the centralities named in ``text`` (None when empty: the whole territory)."""
    return uuids_of_names(conn, split_list(text))


def find_campaign(conn, name: str, *, open_only: bool = False) -> dict:
    """The campaign named ``name`` (or with that uuid), or the single open campaign when
    ``name`` is empty (:func:`store.campaigns.find`); its refusal as a Processing error."""
    try:
        return store_campaigns.find(conn, name, when_empty="single_open", open_only=open_only)
    except store_campaigns.CampaignLookupError as exc:
        raise QgsProcessingException(sentence(str(exc))) from exc


def sentence(text: str) -> str:
    """A message from a lower layer as a sentence: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
