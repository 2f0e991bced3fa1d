"""Registry of the provider's algorithms: one module per algorithm, grouped by family folder.

Every module of a family folder (``socle``, ``terrain``, ``offre``, ``flux``, ``chalandise``,
``attentes``, ``restitution``) is imported and its ``ObservatoireAlgorithm`` subclasses with an
``ALG_ID`` are registered: adding an algorithm is adding a module.
"""

import importlib
import pkgutil
from pathlib import Path

FAMILIES = ("socle", "terrain", "offre", "flux", "chalandise", "attentes", "restitution")


def algorithm_classes() -> list:
    from .base import ObservatoireAlgorithm

    found = {}
    here = Path(__file__).resolve().parent
    for family in FAMILIES:
        folder = here / family
        if not folder.is_dir():
            continue
        for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
            module = importlib.import_module(f"{__name__}.{family}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, ObservatoireAlgorithm) \
                        and value.ALG_ID and value.__module__ == module.__name__:
                    found[value.ALG_ID] = value
    return [found[k] for k in sorted(found)]
