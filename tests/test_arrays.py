"""aspects.measure.arrays: the exact stand-ins for np.pad(mode="edge") and np.median give NumPy's own values, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from aspects.measure.arrays import median, pad_edge


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_median_and_pad_equal_numpys_bit_for_bit(dtype):
    """Odd and even counts, ties, NaNs, axis 0/1/None and lists: the same values and dtype as NumPy's."""
    rng = np.random.default_rng(17)
    for trial in range(300):
        a = (rng.standard_normal((int(rng.integers(1, 40)), int(rng.integers(1, 30)))) * 10 ** rng.uniform(-3, 3)).astype(dtype)
        if trial % 5 == 0:
            a = np.round(a)  # ties
        if trial % 7 == 0:
            a[rng.integers(a.shape[0]), rng.integers(a.shape[1])] = np.nan
        for axis in (0, 1, None):
            with np.errstate(invalid="ignore"):
                want, got = np.asarray(np.median(a, axis=axis)), np.asarray(median(a, axis=axis))
            assert want.dtype == got.dtype and np.array_equal(want, got, equal_nan=True), (trial, axis)
        values = a[:, 0].astype(float).tolist()
        with np.errstate(invalid="ignore"):
            assert np.array_equal(np.median(values), median(values), equal_nan=True)
        assert np.array_equal(np.pad(a, ((0, 0), (5, 5)), mode="edge"), pad_edge(a, 5), equal_nan=True)
        assert np.array_equal(np.pad(a[0], 5, mode="edge"), pad_edge(a[0], 5), equal_nan=True)
    assert np.isnan(median(np.array([1.0, np.nan, 2.0])))  # a NaN anywhere: NaN, as np.median
    assert median(np.array([3, 1, 2])) == 2.0  # not float: np.median itself
