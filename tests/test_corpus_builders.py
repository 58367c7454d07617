"""Every corpus the transition bench offers builds a non-empty list of uniquely named cases.

A merge once dropped a builder's last line (``return cases``): the bench crashed on its flag while the suite stayed green.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.transition_corpus import Case

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_transitions.py"


def _corpora() -> dict:
    spec = importlib.util.spec_from_file_location("bench_transitions", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CORPORA


CORPORA = _corpora()


@pytest.mark.parametrize("flag", sorted(CORPORA))
def test_bench_corpus_builds(flag):
    build, what = CORPORA[flag]
    cases = build()
    assert isinstance(cases, list) and cases, f"{flag} ({what}) builds no cases"
    assert all(isinstance(c, Case) for c in cases)
    names = [c.name for c in cases]
    assert len(set(names)) == len(names), f"{flag}: duplicate clip names"
