"""Which flows the open-data export may publish, from the licence recorded for their sources.

A flow (counting sites and counts, off-street car parks, carpool areas) is read from the
tables of :data:`FLOW_TABLES`; each row names its ``source`` (a code of
``resources/reporting/sources.csv`` or, for a file imported as is, the file's name). The flow
is open when every one of its sources is recorded under a licence of
:data:`reporting.sources.OPEN_LICENCES`; otherwise it is left out, with a message naming each
source and its licence (or saying none is recorded), unless the user declares that they hold
the right to publish it under the export's licence. A flow drawn from an ODbL source is
published under the ODbL (share-alike).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from ..i18n import noop, tr
from ..store import publication as pub
from .sources import OPEN_LICENCES, SHARE_ALIKE, source_info

#: flow → (table, kind) read for its sources (kind: the rows published, None for all).
FLOW_TABLES = {
    "counts": (("counting_sites", None), ("counting_channels", None)),
    "parkings": (("parkings", "off_street"),),
    "carpool": (("carpool_areas", None),),
}
FLOW_NAMES = {"counts": noop("Counting sites and daily counts"), "parkings": noop("Car parks"),
              "carpool": noop("Carpool areas")}
#: resources of each flow (named as in :mod:`.open_data_flows`).
FLOW_RESOURCES = {"counts": ("counting_sites", "counting_channels", "counts_daily"),
                  "parkings": ("parkings",), "carpool": ("carpool_areas",)}


@dataclass
class FlowLicences:
    """Outcome of :func:`check_flows`: the flows to publish, the flows left out, the
    messages for the user, the French notes of the resources published on the user's
    declaration, and the licence forced on a flow by a share-alike source."""

    published: List[str] = field(default_factory=list)
    left_out: List[str] = field(default_factory=list)
    messages: List[str] = field(default_factory=list)
    notes: Dict[str, List[str]] = field(default_factory=dict)
    licence: Dict[str, str] = field(default_factory=dict)


def flow_sources(conn, flow: str) -> List[Optional[str]]:
    """The distinct sources of a flow's rows (None: rows without a source)."""
    found: List[Optional[str]] = []
    for table, kind in FLOW_TABLES[flow]:
        found += [c for c in pub.source_codes(conn, table, kind) if c not in found]
    return found


def _source_text(code: Optional[str], info: dict) -> str:
    if code is None:
        return tr("(rows without a source; no licence recorded)")
    if not info["known"]:
        return tr("{source} (no licence recorded)").format(source=code)
    return tr("{source} (licence: {licence})").format(source=code, licence=info["licence"])


def check_flows(conn, flows: Sequence[str], chosen_licence: str,
                rights_declared: bool = False, language: str = "fr") -> FlowLicences:
    """Sort the ``flows`` asked for into published and left out (see the module);
    ``language`` is that of the licences' names in the messages."""
    out = FlowLicences()
    title = OPEN_LICENCES[chosen_licence][0]
    for flow in flows:
        sources = flow_sources(conn, flow)
        infos = {code: source_info(code or "", language) for code in sources}
        closed = [code for code in sources if infos[code]["licence_id"] not in OPEN_LICENCES]
        shared = [infos[c]["licence_id"] for c in sources
                  if infos[c]["licence_id"] in SHARE_ALIKE]
        if shared:
            out.licence[flow] = shared[0]
        if not closed:
            out.published.append(flow)
            continue
        named = "; ".join(_source_text(code, infos[code]) for code in closed)
        if rights_declared:
            out.published.append(flow)
            out.messages.append(tr(
                "{flow} published on your declaration that you hold the right to publish them "
                "under {licence}: source {sources}.").format(
                    flow=tr(FLOW_NAMES[flow]), licence=title, sources=named))
            note = ("Publié sur déclaration du producteur qu'il détient le droit de le diffuser "
                    "sous cette licence (source sans licence ouverte enregistrée : "
                    + ", ".join(code or "non renseignée" for code in closed) + ")")
            for name in FLOW_RESOURCES[flow]:
                out.notes.setdefault(name, []).append(note)
        else:
            out.left_out.append(flow)
            out.messages.append(tr(
                "{flow} not published: the licence of source {sources} is not one of the open "
                "licences ({open}). List the source with its licence in the plugin's "
                "resources/reporting/sources.csv, or tick INCLUDE_NOT_OPEN (publish anyway) if "
                "you hold the right to publish them under {licence}.").format(
                    flow=tr(FLOW_NAMES[flow]), sources=named, open=", ".join(OPEN_LICENCES),
                    licence=title))
    return out
