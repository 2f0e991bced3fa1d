"""The publication rules on the typology's types table, its characteristic answers and its
log lines (``jobs.survey_typology``): a type of fewer than 11 respondents is listed without
any figure and with the reason; under 30 it is flagged low precision."""

from __future__ import annotations

import math

import pandas as pd

from observatoire_commerce.jobs import survey_typology as st

TYPES = pd.DataFrame({"type": [1, 2, 3], "name": ["Piétons", "Drive", "En ligne"],
                      "respondents": [40, 20, 6], "weight": [4000.0, 1500.0, 500.0],
                      "share": [66.7, 25.0, 8.3], "ci_low": [60.0, 18.0, 2.0],
                      "ci_high": [73.4, 32.0, 14.6]})


def test_a_type_under_11_respondents_has_no_figure():
    table = st.published_types(TYPES)
    assert table["respondents"].tolist() == [40, 20, 6]
    assert table["low_precision"].tolist() == [False, True, True]
    assert table["reason"].tolist() == [None, None, "fewer than 11 respondents"]
    assert table.loc[0, ["weight", "share", "ci_low", "ci_high"]].tolist() == [
        4000.0, 66.7, 60.0, 73.4]
    assert all(math.isnan(v) for v in table.loc[2, ["weight", "share", "ci_low", "ci_high"]])
    assert TYPES.loc[2, "share"] == 8.3                   # the stored table is untouched


def test_the_log_lines_follow_the_same_rule():
    assert st.type_lines(st.published_types(TYPES)) == [
        "  type 1: Piétons — 66.7 % (40 respondents)",
        "  type 2: Drive — 25.0 % (20 respondents) (low precision: fewer than 30 "
        "respondents)",
        "  type 3: En ligne — share not published (6 respondents: fewer than 11 "
        "respondents)"]


def test_the_answers_of_a_small_type_are_emptied():
    answers = pd.DataFrame({"type": [1, 3], "name": ["Piétons", "En ligne"],
                            "question": ["online_share", "online_share"],
                            "category": ["none", "most"], "cla_mod": [80.0, 60.0],
                            "mod_cla": [90.0, 100.0], "global": [50.0, 5.0],
                            "p_value": [1e-5, 1e-4], "v_test": [4.4, 3.9]})
    table = st.published_answers(answers, TYPES)
    assert table["respondents"].tolist() == [40, 6]
    assert table.loc[0, ["cla_mod", "mod_cla", "v_test"]].tolist() == [80.0, 90.0, 4.4]
    assert all(math.isnan(v) for v in table.loc[1, ["cla_mod", "mod_cla", "p_value",
                                                    "v_test"]])
    assert table.loc[1, "global"] == 5.0 and table.loc[1, "category"] == "most"
    assert table["reason"].tolist() == [None, "fewer than 11 respondents"]
