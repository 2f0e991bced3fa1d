"""Column presets: the saved mappings (our field → the file's column) of operator and provider
exports, kept in the GeoPackage's ``column_presets`` table so a team shares them.

A preset is chosen by name; a mapping given with it overrides its entries. Saving writes the
mapping actually used under a name (replacing a preset of that name), in the import's
transaction.
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional

from ...i18n import tr
from ...store.readers import activity as readers
from ...store.schema.activity import key_uuid
from ...store.writers import activity as writer
from .framework import ImportRefusedError, parse_mapping


def resolve(conn, importer: str, preset: Optional[str],
            mapping: Optional[Mapping[str, object]]) -> Dict[str, str]:
    """The mapping of ``preset`` (None: none) updated with ``mapping``; refused when the preset
    is unknown (the message lists the known ones) or a column is a ``+`` join."""
    out: Dict[str, object] = {}
    if preset:
        known = readers.presets(conn, importer)
        if preset not in known:
            raise ImportRefusedError(tr("unknown column preset {name!r}; presets for this "
                                        "import: {known}").format(
                name=preset, known=", ".join(sorted(known)) or "-"))
        out.update(parse_mapping(known[preset]))
    out.update(mapping or {})
    joined = [k for k, v in out.items() if not isinstance(v, str)]
    if joined:
        raise ImportRefusedError(tr("mapping of {fields}: one column per field (a + join is "
                                    "not read here)").format(fields=", ".join(joined)))
    return {k: str(v) for k, v in out.items()}


def text(mapping: Mapping[str, str]) -> str:
    """``field=column; …`` (the form presets are stored and typed in)."""
    return "; ".join(f"{k}={v}" for k, v in mapping.items())


def save(conn, importer: str, name: str, mapping: Mapping[str, str]) -> None:
    """Save ``mapping`` as the preset ``name`` of ``importer`` (caller's transaction)."""
    name = str(name).strip()
    if not name:
        raise ImportRefusedError(tr("a preset needs a name"))
    writer.save_preset(conn, key_uuid("preset", importer, name), importer, name, text(mapping))
