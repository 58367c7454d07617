"""Append-only columnar rows: how the decode pass keeps its per-frame measurements compact."""

from __future__ import annotations

import sys
from array import array

import numpy as np


class Columns:
    """Append-only columnar rows: numbers in compact ``array('d')`` (8 bytes a value), text in lists.

    ``columns`` maps each field to its column (``array('d')`` with NaN where missing, or a list of words with '').
    """

    def __init__(self) -> None:
        self.columns: dict[str, array | list] = {}
        self.n = 0

    def append(self, row: dict) -> None:
        for key, value in row.items():
            col = self.columns.get(key)
            if col is None:
                # None is a missing number (e.g. the pitch of a silent frame); words are never None first.
                numeric = value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
                col = array("d", [np.nan] * self.n) if numeric else [""] * self.n
                self.columns[key] = col
            if isinstance(col, array):
                col.append(np.nan if value is None else float(value))
            else:
                col.append("" if value is None else sys.intern(str(value)))
        self.n += 1
        for col in self.columns.values():
            if len(col) < self.n:
                col.append(np.nan if isinstance(col, array) else "")
