"""Citizens' web map: a self-contained static site (HTML, JavaScript, data; no server code).

:func:`write_web_map` copies the template ``resources/web/`` (``index.html``, ``app.js``,
``style.css`` and the vendored Leaflet) into a folder and writes the data beside it as
JavaScript files ``data/site.js``, ``data/places.js``, ``data/centralities.js`` and
``data/background.js``. Each assigns one GeoJSON-like object to ``window.OBSERVATOIRE_DATA``
and is loaded by a ``<script>`` tag, so the same folder works from any static web host, from a
plain local file server and when ``index.html`` is opened straight from the disk (``file://``,
where browsers refuse ``fetch``).

Pure Python (json, shutil): no QGIS import. Inputs are plain: pandas DataFrames or lists of
dicts, coordinates in WGS 84 (longitude, latitude in degrees, EPSG:4326).

The inputs and what is published of them are the data contract of
:mod:`reporting.web_map_data` (places, centralities, background roads, meta). Never published:
field agents' names, notes, photos, survey answers (refused with an error, see
:data:`~reporting.web_map_data.FORBIDDEN`).

Time to interactive of the page (the benchmark ``benchmarks/bench_web_map.py`` prints it):
``window.__ready`` = ``performance.now()`` once the data is read, every marker drawn and the
list of places built.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from ..__about__ import PLUGIN_DIR
from ..i18n import tr
from .web_map_data import FORBIDDEN, WebMapError, is_forbidden, prepare, simplify

__all__ = ["FORBIDDEN", "WebMapError", "WebMapResult", "is_forbidden", "read_site_data",
           "simplify", "write_web_map"]

TEMPLATE = PLUGIN_DIR / "resources" / "web"
TEMPLATE_FILES = ("index.html", "app.js", "style.css")
TEMPLATE_DIRS = ("vendor",)
DATA_FILES = ("site", "places", "centralities", "background")
GLOBAL = "OBSERVATOIRE_DATA"


@dataclass
class WebMapResult:
    """What :func:`write_web_map` wrote: the folder, its ``index.html``, the places per kind,
    every file written, and the input fields outside the contract (ignored)."""

    folder: Path
    index: Path
    counts: Dict[str, int]
    files: List[Path] = field(default_factory=list)
    ignored_fields: List[str] = field(default_factory=list)

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.files)


def _script(name: str, payload) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (f"window.{GLOBAL}=window.{GLOBAL}||{{}};\n"
            f"window.{GLOBAL}.{name}={text};\n")


def read_site_data(folder) -> Dict[str, Any]:
    """The data objects of a written web map, ``{"site": …, "places": …, "centralities": …,
    "background": …}`` (for tests and for checking an export)."""
    out = {}
    for name in DATA_FILES:
        text = (Path(folder) / "data" / f"{name}.js").read_text(encoding="utf-8")
        prefix = f"window.{GLOBAL}.{name}="
        start = text.index(prefix) + len(prefix)
        out[name] = json.loads(text[start:].rstrip().rstrip(";"))
    return out


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise WebMapError(tr("{folder} is a file, not a folder").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()):
        if not ((folder / "index.html").is_file() and (folder / "data" / "site.js").is_file()):
            raise WebMapError(tr("folder {folder} is not empty and holds no earlier web map: "
                                 "choose a new or empty folder").format(folder=folder))
        for name in TEMPLATE_FILES:
            (folder / name).unlink(missing_ok=True)
        for name in (*TEMPLATE_DIRS, "data"):
            shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def write_web_map(folder, *, places, centralities, background, meta: Mapping,
                  tile_url: Optional[str] = None,
                  tile_attribution: Optional[str] = None) -> WebMapResult:
    """Write the static site into ``folder`` (created; an earlier web map there is replaced,
    any other non-empty folder is refused) and return what was written.

    The inputs follow the contract of :mod:`reporting.web_map_data`. Every input is checked
    before the first file is written, so an error leaves the folder as it was. ``tile_url``
    (``https://…/{z}/{x}/{y}.png``) adds a basemap drawn over the offline background (which
    shows through wherever tiles cannot be loaded); ``tile_attribution`` is the credit its
    provider requires.
    """
    folder = Path(folder)
    payloads, counts, ignored = prepare(places, centralities, background, meta, tile_url,
                                        tile_attribution)
    _prepare_folder(folder)
    written = []
    for name in TEMPLATE_FILES:
        written.append(Path(shutil.copy2(TEMPLATE / name, folder / name)))
    for name in TEMPLATE_DIRS:
        shutil.copytree(TEMPLATE / name, folder / name)
        written.extend(p for p in sorted((folder / name).rglob("*")) if p.is_file())
    data = folder / "data"
    data.mkdir()
    for name in DATA_FILES:
        path = data / f"{name}.js"
        path.write_text(_script(name, payloads[name]), encoding="utf-8")
        written.append(path)
    return WebMapResult(folder=folder, index=folder / "index.html", counts=counts,
                        files=written, ignored_fields=ignored)
