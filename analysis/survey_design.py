"""A weighted survey design: final weights plus what the variance needs to know about them.

The same object as R's ``survey.design2`` for a one-stage design without strata nor finite
population correction (``svydesign(ids = ~1, weights = ~w)``), possibly calibrated:

- ``calibration is None``: the plain weighted design (weights as given);
- ``calibration.method == "rake"``: raked by iterative proportional fitting, as ``survey::rake``;
  the variance of an estimate uses the residuals of R's ``svyrecvar`` for a ``raking`` object
  (10 back-fitting passes over the margins, see :mod:`.survey_estimates`);
- ``calibration.method == "calibrate"``: calibrated by ``survey::calibrate`` (here raking with
  bounds, ``calfun = "raking"``); the variance uses the regression (GREG) residuals of R's
  ``greg_calibration`` objects.

Responses are grouped into *cells*: the combinations of margin categories that occur in the
sample. Raking multiplies the weights of a cell by one factor, so the calibration is stored per
cell (``factors``), and the per-response quantities are the base weight times the cell's factor.

Pure numpy: no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Tuple

import numpy as np
import pandas as pd

RAKE = "rake"
CALIBRATE = "calibrate"
BACKFIT_PASSES = 10  # R's svyrecvar: `for (iterations in 1:10)` over the raking margins


@dataclass(frozen=True)
class Calibration:
    """What a calibration did, per cell of margin categories.

    :ivar method: ``"rake"`` (IPF, as ``survey::rake``) or ``"calibrate"`` (bounded raking, as
        ``survey::calibrate(calfun = "raking", bounds = ...)``).
    :ivar margins: the margin variables, in raking order.
    :ivar categories: per margin, the category labels (position = category code).
    :ivar base_weights: the base weights d_i the calibration started from (n,).
    :ivar cell: the cell of each response (n,), in ``0 .. J-1``.
    :ivar cell_codes: per cell, its category code in each margin (J, M).
    :ivar factors: ``rake``: (M, J), row m = the ratio w / d of each cell just after margin m was
        adjusted in the last sweep (R's ``attr(margin, "weights")`` divided by d);
        ``calibrate``: (1, J), the final ratio g = w / d.
    """

    method: str
    margins: Tuple[str, ...]
    categories: Tuple[np.ndarray, ...]
    base_weights: np.ndarray
    cell: np.ndarray
    cell_codes: np.ndarray
    factors: np.ndarray

    @property
    def n_cells(self) -> int:
        return int(self.cell_codes.shape[0])


@dataclass(frozen=True)
class SurveyDesign:
    """Final weights (n,) of the responses, their labels, and the calibration if any."""

    weights: np.ndarray
    calibration: Optional[Calibration] = None
    index: Optional[pd.Index] = None

    def __post_init__(self):
        w = np.asarray(self.weights, dtype=float)
        if w.ndim != 1 or w.size < 2:
            raise ValueError("a survey design needs at least 2 weights in a 1-D array")
        if not np.all(np.isfinite(w)) or np.any(w <= 0):
            bad = int(np.flatnonzero(~np.isfinite(w) | (w <= 0))[0])
            raise ValueError(f"weights must be finite and > 0: response {bad} has {w[bad]}")
        object.__setattr__(self, "weights", w)
        if self.index is not None and len(self.index) != w.size:
            raise ValueError(f"index has {len(self.index)} labels for {w.size} weights")
        cal = self.calibration
        if cal is not None and cal.cell.size != w.size:
            raise ValueError(f"calibration covers {cal.cell.size} responses, not {w.size}")

    @classmethod
    def weighted(cls, weights, index: Optional[pd.Index] = None) -> SurveyDesign:
        """The plain weighted design (no calibration): R's ``svydesign(ids = ~1, weights = ~w)``.

        A :class:`pandas.Series` gives its index as the response labels.
        """
        if index is None and isinstance(weights, pd.Series):
            index = weights.index
        return cls(np.asarray(weights, dtype=float), None, index)

    @property
    def n(self) -> int:
        return int(self.weights.size)

    def with_weights(self, weights) -> SurveyDesign:
        """The same design (calibration kept) with other weights, as R's ``trimWeights`` does."""
        return replace(self, weights=np.asarray(weights, dtype=float))

    def weights_series(self) -> pd.Series:
        """The weights as a Series on the response labels (0 .. n-1 when none were given)."""
        index = self.index if self.index is not None else pd.RangeIndex(self.n)
        return pd.Series(self.weights, index=index, name="weight")
