"""QGIS fixtures: Processing initialised once, our provider registered, small observatories."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def processing_ready(qgis_app):
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from observatoire_commerce.processing.provider import ObservatoireProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("observatoire")
    if provider is None:
        provider = ObservatoireProvider()
        registry.addProvider(provider)
    return provider


@pytest.fixture
def run_alg(processing_ready):
    """Run one of our algorithms through processing.run; returns its result dict."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def _run(alg_id: str, params: dict, context=None):
        context = context or QgsProcessingContext()
        return processing.run(f"observatoire:{alg_id}", params, context=context,
                              feedback=QgsProcessingFeedback())
    return _run


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory, processing_ready):
    """The demo territory, generated once per test session (read-only for tests)."""
    from observatoire_commerce import sample_territory as demo

    path = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    demo.generate(path)
    return path


@pytest.fixture
def styled_output(processing_ready):
    """Run an algorithm as QGIS does when it is to load ``output`` on completion. Returns the
    output layer, as yet unstyled, and a function applying the post-processor QGIS would
    call on it (the only layer to load)."""
    from qgis import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    def _run(alg_id: str, params: dict, output: str):
        project = QgsProject()
        context = QgsProcessingContext()
        context.setProject(project)
        params = dict(params, **{output: QgsProcessingOutputLayerDefinition("memory:", project)})
        result = processing.run(f"observatoire:{alg_id}", params, context=context,
                                feedback=QgsProcessingFeedback())
        details = context.layersToLoadOnCompletion()
        assert len(details) == 1
        styler = next(iter(details.values())).postProcessor()
        assert styler is not None
        layer = result[output]  # processing.run hands back the layer itself
        _run.keep = (project, context, styler)  # alive as long as the test uses the layer
        return layer, lambda: styler.postProcessLayer(layer, context, QgsProcessingFeedback())
    return _run
