"""Python packages the plugin needs beyond QGIS, and a message naming the missing ones."""

from __future__ import annotations

import importlib.util

from .i18n import tr

# import name -> Debian/Ubuntu package, pip name
REQUIRED = {"pandas": ("python3-pandas", "pandas")}
OPTIONAL = {"pygeodiff": ("(pip) pygeodiff", "pygeodiff"),
            "openpyxl": ("python3-openpyxl", "openpyxl"),
            "pyxform": ("(pip) pyxform", "pyxform"),
            "numba": ("python3-numba", "numba"),  # faster network searches (SciPy otherwise)
            "matplotlib": ("python3-matplotlib", "matplotlib")}  # the atlas's charts


def missing(names) -> list:
    return [n for n in names if importlib.util.find_spec(n) is None]


def missing_message(names) -> str:
    """A sentence naming each missing package and how to install it."""
    table = {**REQUIRED, **OPTIONAL}
    parts = [tr("{module} (Debian/Ubuntu: {deb}; pip: {pip})").format(
        module=n, deb=table.get(n, (n, n))[0], pip=table.get(n, (n, n))[1]) for n in names]
    return tr("Observatoire du commerce needs the Python package(s): {packages}. Install them "
              "into the Python that QGIS uses, then restart QGIS.").format(
                  packages="; ".join(parts))
