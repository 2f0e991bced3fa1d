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
    from observatoire_commerce.store import demo

    path = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    demo.generate(path)
    return path
