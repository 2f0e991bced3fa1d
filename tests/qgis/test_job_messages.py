"""The formulas' errors reach users translated: analysis raises codes and fields (no Qt),
jobs.messages.describe gives the user's language, the job base shows it."""

from __future__ import annotations

import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from observatoire_commerce import i18n
from observatoire_commerce.analysis.errors import AnalysisError, Notice
from observatoire_commerce.analysis.vacancy_dynamics import vacancy_dynamics
from observatoire_commerce.jobs.messages import MESSAGES, describe
from observatoire_commerce.store import gpkg

from ..unit.test_vacancy import build_fixture


@pytest.fixture
def french(qgis_app):
    if not i18n.install_translator("fr"):
        pytest.skip("the French .qm is not built (make i18n)")
    yield
    i18n.remove_translators()


def twice() -> AnalysisError:
    obs = pd.DataFrame([("p1", "k1", "vacant"), ("p1", "k1", "occupied")],
                       columns=["premise", "campaign", "status"])
    with pytest.raises(AnalysisError) as caught:
        vacancy_dynamics(obs, pd.DataFrame({"premise": ["p1"], "zone": ["A"]}), ["k1"])
    return caught.value


def test_english_by_default(qgis_app):
    error = twice()
    assert (error.code, error.fields) == ("observed_twice", {"premise": "p1", "campaign": "k1"})
    assert str(error) == "premise 'p1' is observed twice in campaign 'k1'"  # logs, tests
    assert describe(error) == "premise p1 is observed twice in campaign k1: keep one observation"
    notice = Notice("criterion_gaps", "criterion 'footfall': 3 candidate(s) without data score 0",
                    criterion="footfall", n=3)
    assert notice == "criterion 'footfall': 3 candidate(s) without data score 0"  # a str
    assert describe(notice) == "criterion footfall: 3 candidate(s) without data score 0"
    assert describe(ValueError("plain")) == "plain"  # no code: its own text
    assert describe(AnalysisError("not_listed", "as raised")) == "as raised"


def test_every_message_names_only_fields_it_is_given():
    import string

    for code, template in MESSAGES.items():
        names = {f for _t, f, _s, _c in string.Formatter().parse(template) if f}
        assert describe(AnalysisError(code, "english", **dict.fromkeys(names, "x"))) != \
            "english", code


def test_french(french):
    assert describe(twice()) == ("le local p1 est observé deux fois dans la campagne k1 : "
                                 "gardez une seule observation")


def test_the_algorithm_shows_the_translated_message(french, run_alg, tmp_path):
    path = tmp_path / "cycle.gpkg"
    conn = build_fixture(path)
    with gpkg.transaction(conn):  # p1 split into p2, p2 split into p1: a cycle
        conn.execute("INSERT INTO premise_lineage (uuid, parent_uuid, child_uuid, kind, "
                     "campaign_uuid) VALUES ('l1', 'p1', 'p2', 'split', 'k2'), "
                     "('l2', 'p2', 'p1', 'split', 'k2')")
    conn.close()
    with pytest.raises(QgsProcessingException, match="forme un cycle passant par le local p"):
        run_alg("vacancy_history", {"GEOPACKAGE": str(path), "OUTPUT": "memory:"})
