"""Every indicator code the plugin wrote during this test run resolves to a definition.

``tests/conftest.py`` records the code of every row the plugin's own code (jobs, algorithms,
the demo) writes to an ``indicators`` table while the tests run: the QGIS fixtures (the demo
territory with every survey analysis, the dwell, barometer, footfall, catchment… fixtures) and
the unit tests that run jobs. This test runs after all the others (``pytest_collection_
modifyitems``) and fails when one of those codes has no row in
``resources/reporting/indicator_definitions.csv``: the atlas and the dashboard would show "No
definition" for it. Run alone, nothing was written: it is skipped.
"""

from __future__ import annotations

import pytest

from observatoire_commerce.reporting import definitions

from .conftest import WRITTEN_CODES


def test_every_indicator_code_written_has_a_definition():
    if not WRITTEN_CODES:
        pytest.skip("no indicator was written in this run (run with the whole suite)")
    missing = {code: WRITTEN_CODES[code] for code in sorted(WRITTEN_CODES)
               if not definitions.lookup(code).known}
    assert missing == {}, "indicator codes without a definition (code: (algorithm, test)): " \
        + "; ".join(f"{c}: {a}" for c, a in missing.items())
