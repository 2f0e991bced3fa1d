import importlib


def test_package_imports_under_plugin_name():
    module = importlib.import_module("observatoire_commerce.store.gpkg")
    assert module.APPLICATION_ID == 0x47504B47


def test_shared_data_is_found_from_the_environment_then_beside_the_repository(
        monkeypatch, tmp_path):
    from .. import conftest

    monkeypatch.setenv(conftest.SHARED_DATA_VARIABLE, str(tmp_path))
    assert conftest.find_shared_data() == tmp_path
    monkeypatch.setenv(conftest.SHARED_DATA_VARIABLE, str(tmp_path / "missing"))
    beside = [p / "shared" / "data" for p in conftest.ROOT.parents]
    found = conftest.find_shared_data()
    assert found == next((c for c in beside if c.is_dir()), tmp_path / "missing")
