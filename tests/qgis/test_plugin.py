"""The plugin loads through classFactory, adds and removes its GUI, registers its provider."""

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtWidgets import QMenu

import observatoire_commerce
from observatoire_commerce import i18n

_KEEP: list = []
ALGORITHMS = {"observatoire:create_geopackage", "observatoire:generate_demo_territory",
              "observatoire:vacancy_rates", "observatoire:print_atlas"}


def our_menu(iface):
    return [m for m in iface.mainWindow().findChildren(QMenu)
            if m.objectName() == "observatoireCommerceMenu"]


@pytest.fixture
def english():
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_GB")
    yield
    i18n.remove_translators()


@pytest.fixture
def french():
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    yield
    settings.setValue("locale/userLocale", "en_GB")
    i18n.remove_translators()


@pytest.fixture
def no_provider():
    """Take out the provider another test's fixture registered; put one back afterwards."""
    from observatoire_commerce.processing.provider import ObservatoireProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("observatoire")
    if existing is not None:
        registry.removeProvider(existing)
    yield registry
    if existing is not None and registry.providerById("observatoire") is None:
        _KEEP.append(ObservatoireProvider())  # keep the Python subclass alive
        registry.addProvider(_KEEP[-1])


def test_load_and_unload(qgis_iface, english, no_provider):
    registry = no_provider
    plugin = observatoire_commerce.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("observatoire")
    assert provider is not None
    assert {a.id() for a in provider.algorithms()} >= ALGORITHMS
    menus = our_menu(qgis_iface)
    assert len(menus) == 1 and menus[0].title() == "Observatoire du commerce"
    texts = [a.text() for a in menus[0].actions() if a.text()]
    assert "Vacancy rates…" in texts and "Print the observatory atlas…" in texts
    assert len(plugin.toolbar.actions()) == 3  # the dock, vacancy rates, the atlas
    images = [a.icon().pixmap(32, 32).toImage() for a in plugin.toolbar.actions()]
    assert all(not image.isNull() for image in images)
    assert all(images[i] != images[j] for i in range(3) for j in range(i + 1, 3))  # distinct
    from observatoire_commerce.plugin.main import ACTIONS

    for alg_id, _text, _on_toolbar in ACTIONS:  # every menu entry opens a real algorithm
        assert registry.algorithmById(f"observatoire:{alg_id}") is not None, alg_id
    from observatoire_commerce.plugin.main import action_icon

    icons = [action_icon(alg_id) for alg_id, _text, _tb in ACTIONS]
    assert len(set(icons)) == len(ACTIONS)  # one icon per menu entry, each a real file
    assert all(Path(icon).is_file() for icon in icons)
    assert plugin.dock is not None and plugin.dock.objectName() == "ObservatoireCommerceDock"
    plugin.unload()
    assert registry.providerById("observatoire") is None
    assert plugin.menu is None and plugin.toolbar is None and plugin.actions == []
    assert plugin.dock is None
    visible = [m for m in our_menu(qgis_iface) if m.menuAction().isVisible()]
    assert visible == []


def test_french_locale_translates_the_menu(qgis_iface, french, no_provider):
    plugin = observatoire_commerce.classFactory(qgis_iface)
    plugin.initGui()
    try:
        texts = [a.text() for a in plugin.menu.actions() if a.text()]
        assert "Taux de vacance…" in texts
        assert "Imprimer l’atlas de l’observatoire…" in texts
        assert plugin.provider is not None
        alg = QgsApplication.processingRegistry().algorithmById("observatoire:vacancy_rates")
        assert alg.displayName() == "Taux de vacance par centralité et campagne"
        assert alg.group() == "Offre et vacance"
    finally:
        plugin.unload()
