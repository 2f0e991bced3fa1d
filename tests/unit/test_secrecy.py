"""Publication rules: under 11 respondents emptied with a reason, under 30 flagged."""

import numpy as np
import pandas as pd
import pytest

from observatoire_commerce.analysis.secrecy import (
    LOW_PRECISION,
    MIN_RESPONDENTS,
    apply_secrecy,
    publishable,
    reason_text,
)


def cells():
    return pd.DataFrame({
        "centrality": ["a", "b", "c", "d", "e"],
        "respondents": [10, 11, 29, 30, np.nan],
        "mean": [3.1, 3.2, 3.3, 3.4, 3.5],
        "ci_low": [2.9, 3.0, 3.1, 3.2, 3.3],
        "ci_high": [3.3, 3.4, 3.5, 3.6, 3.7],
        "label": ["x", "y", "z", "t", "u"],
    })


def test_thresholds():
    assert (MIN_RESPONDENTS, LOW_PRECISION) == (11, 30)
    assert reason_text() == "fewer than 11 respondents"


def test_apply_secrecy_empties_flags_and_explains():
    out = apply_secrecy(cells())
    assert out["suppressed"].tolist() == [True, False, False, False, True]
    assert out["low_precision"].tolist() == [True, True, True, False, True]
    assert out["reason"].tolist() == ["fewer than 11 respondents", None, None, None,
                                      "fewer than 11 respondents"]
    assert np.isnan(out.loc[0, "mean"]) and np.isnan(out.loc[0, "ci_low"])
    assert np.isnan(out.loc[4, "ci_high"])
    assert out.loc[1, "mean"] == 3.2 and out.loc[3, "ci_high"] == 3.6
    assert out["label"].tolist() == ["x", "y", "z", "t", "u"]  # not a value column
    assert cells().loc[0, "mean"] == 3.1  # the input is not modified


def test_chosen_value_columns_and_text_values():
    out = apply_secrecy(cells(), value_columns=["label"])
    assert out["label"].tolist() == [None, "y", "z", "t", None]
    assert out.loc[0, "mean"] == 3.1
    with pytest.raises(ValueError, match="no column"):
        apply_secrecy(cells(), value_columns=["share"])
    with pytest.raises(ValueError, match="no 'n' column"):
        apply_secrecy(cells(), respondents="n")


def test_publishable_keeps_cells_of_11_or_more():
    assert publishable(cells())["centrality"].tolist() == ["b", "c", "d"]
