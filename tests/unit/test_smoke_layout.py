import importlib


def test_package_imports_under_plugin_name():
    module = importlib.import_module("observatoire_commerce.store.gpkg")
    assert module.APPLICATION_ID == 0x47504B47
