"""House habits that a change could quietly undo: one atomic writer, one BS.1770 constant, K-weighting built in the open."""

from __future__ import annotations

import ast
import json
import stat
import threading

import numpy as np
import pyloudnorm
from scipy.signal import lfilter

from aspects.files import write_text_atomic
from aspects.measure.sound import BS1770_OFFSET_LU, k_weighting_filters, lufs_of_mean_square
from tests.test_layers import MODULES


def test_concurrent_atomic_writes_never_collide_or_leave_temporaries(tmp_path):
    target = tmp_path / "out" / "doc.json"
    errors = []

    def writer(n: int) -> None:
        try:
            for i in range(30):
                write_text_atomic(target, json.dumps({"writer": n, "i": i, "pad": "x" * 5000}))
        except Exception as exc:  # a shared temporary name fails here (FileNotFoundError on replace)
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert json.loads(target.read_text())["i"] == 29  # whole, never a mix of two writes
    assert [p.name for p in target.parent.iterdir()] == ["doc.json"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_k_weighted_loudness_of_a_sine_matches_pyloudnorm():
    """A 1 kHz sine at −20 dBFS peak reads about −23 LUFS (BS.1770: K-weighting is ~+0.7 dB at 1 kHz), as pyloudnorm's meter says."""
    for sr in (22050, 48000):
        t = np.arange(int(4 * sr)) / sr
        x = 0.1 * np.sin(2 * np.pi * 1000 * t)
        y = x
        for b, a in k_weighting_filters(sr):
            y = lfilter(b, a, y)
        ours = lufs_of_mean_square(np.mean(y[sr:] ** 2))  # after the filters settle
        assert abs(ours - pyloudnorm.Meter(sr).integrated_loudness(x)) < 0.01
        assert abs(ours - -23.0) < 0.1


def test_bs1770_offset_is_written_once():
    literals = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, float) and abs(abs(node.value) - 0.691) < 1e-12:
                literals.append(module)
    assert literals == ["aspects.measure.sound"] and BS1770_OFFSET_LU == -0.691
