"""The observatory's atlas: gather the figures (:mod:`.atlas_data`), build the layers
(:mod:`.atlas_maps`) and the pages (:mod:`.atlas_layout`) in the report language, and export
one PDF.

``build`` returns the layout without exporting it (tests look at its items); ``export_pdf``
writes it. The charts' SVG files live in a temporary folder until the PDF is written.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

from qgis.core import QgsLayoutExporter, QgsProject

from ..i18n import tr
from ..store import observatory
from . import atlas_data, atlas_layout, atlas_maps, charts
from .language import MissingTranslationError, report_language


class AtlasError(RuntimeError):
    """The atlas cannot be printed; the message says what to do."""


class CancelledError(Exception):
    """Raised by a progress callback to stop building the atlas."""


@dataclass
class Atlas:
    """A built atlas: the layout, its pages and what it was built from."""

    layout: object
    pages: List[atlas_layout.Page]
    report: atlas_data.Report
    project: QgsProject
    chart_dir: Path
    charts: List[str] = field(default_factory=list)
    seconds: float = 0.0

    def page_indexes(self, kind: str) -> List[int]:
        return [i for i, page in enumerate(self.pages) if page.kind == kind]

    def cleanup(self) -> None:
        shutil.rmtree(self.chart_dir, ignore_errors=True)


def build(path: str, options: atlas_data.Options, *, catchments=None,
          progress: Optional[Callable[[float], None]] = None,
          chart_dir: Optional[Path] = None) -> Atlas:
    """Build the atlas of the observatory ``path`` (not exported). ``catchments`` is an
    optional polygon layer written by ``observatoire:network_catchments`` (walking mode).
    Must run in the thread that owns the QGIS application (layouts and fonts)."""
    if not charts.available():
        from ..dependencies import missing_message

        raise AtlasError(missing_message(["matplotlib"]))
    started = time.perf_counter()
    folder = None
    try:
        with report_language(options.language):
            conn = observatory.open_observatory(path)
            try:
                report = atlas_data.gather(
                    conn, options, source_file=Path(path).name,
                    progress=(lambda p: progress(0.3 * p)) if progress else None)
                project = QgsProject()
                layers = atlas_maps.MapLayers(project, report, conn,
                                              observatory.srs_id(conn), str(path), catchments)
                sources = report.sources
            finally:
                conn.close()
            folder = Path(chart_dir or tempfile.mkdtemp(prefix="observatoire_atlas_"))
            folder.mkdir(parents=True, exist_ok=True)
            builder = atlas_layout.Builder(report, project, layers, folder, sources)
            built = builder.build((lambda p: progress(30 + 0.4 * p)) if progress else None)
    except MissingTranslationError as exc:
        raise AtlasError(tr("The translation file {path} is missing: compile the "
                            "translations (make i18n) or choose English.").format(
            path=str(exc))) from exc
    except atlas_data.AtlasDataError as exc:
        raise AtlasError(str(exc)) from exc
    except BaseException:  # cancelled or failed: no chart left behind
        if folder is not None and chart_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    atlas = Atlas(built.layout, built.pages, report, project, folder, built.charts)
    atlas.seconds = time.perf_counter() - started
    return atlas


def export_pdf(atlas: Atlas, output: str, dpi: int = 200) -> int:
    """Write the atlas to one PDF (vector maps and charts); returns the page count."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    settings.exportMetadata = True
    exporter = QgsLayoutExporter(atlas.layout)
    with report_language(atlas.report.language):
        result = exporter.exportToPdf(str(output), settings)
    if result != QgsLayoutExporter.Success:
        raise AtlasError(tr("The atlas could not be written to {path} (error {code}): is the "
                            "file open in another program?").format(path=output, code=result))
    return atlas.layout.pageCollection().pageCount()
