"""Append-only columnar rows: how the decode pass keeps its per-frame measurements compact."""

from __future__ import annotations

import sys
from array import array

import numpy as np

NAN = float(np.nan)  # a missing number (bound once: the decode pass appends hundreds of values a frame)


class Columns:
    """Append-only columnar rows: numbers in compact ``array('d')`` (8 bytes a value), text in lists.

    ``columns`` maps each field to its column (``array('d')`` with NaN where missing, or a list of words with '').
    """

    def __init__(self) -> None:
        self.columns: dict[str, array | list] = {}
        self.n = 0

    def append(self, row: dict) -> None:
        columns = self.columns
        for key, value in row.items():
            col = columns.get(key)
            if col is None:
                # None is a missing number (e.g. the pitch of a silent frame); words are never None first.
                numeric = value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
                col = array("d", [NAN] * self.n) if numeric else [""] * self.n
                columns[key] = col
            if isinstance(col, array):
                col.append(NAN if value is None else float(value))
            else:
                col.append("" if value is None else sys.intern(str(value)))
        self.n += 1
        if len(row) != len(columns):  # a column the row does not have (its keys are all in ``columns`` now)
            for col in columns.values():
                if len(col) < self.n:
                    col.append(NAN if isinstance(col, array) else "")
