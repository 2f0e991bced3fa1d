"""Make ``import observatoire_commerce`` work in a benchmark script without putting the
repository root on ``sys.path`` (our ``processing/`` would shadow QGIS's)."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:] = [p for p in sys.path if Path(p or os.getcwd()).resolve() not in (ROOT,)]
if "observatoire_commerce" not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        "observatoire_commerce", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)])
    _mod = importlib.util.module_from_spec(_spec)
    sys.modules["observatoire_commerce"] = _mod
    _spec.loader.exec_module(_mod)
for _plugins in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
    if os.path.isdir(_plugins) and _plugins not in sys.path:
        sys.path.append(_plugins)
