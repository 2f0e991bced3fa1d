"""Test bootstrap: the repository root *is* the plugin package ``observatoire_commerce``.

The root is registered as that package without ever being put on ``sys.path`` (our
``processing/`` would otherwise shadow QGIS's own ``processing`` package), and QGIS's Python
plugins folder is made importable for ``processing.core.Processing``.
"""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = "observatoire_commerce"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path[:] = [p for p in sys.path if Path(p or os.getcwd()).resolve() != ROOT]

if PACKAGE not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)])
    _module = importlib.util.module_from_spec(_spec)
    sys.modules[PACKAGE] = _module
    _spec.loader.exec_module(_module)

for _plugins in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
    if os.path.isdir(_plugins) and _plugins not in sys.path:
        sys.path.append(_plugins)
