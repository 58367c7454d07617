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


# The dissolve builders' cases as main (feb5725) made them before their shared ``_xfade_case``: sha256 (first 16 digits) of
# every case's fields, the repository's root written as ROOT in the sources, with every listed real shot taken as present
# (main's ``_pick_shot`` skipped missing files, so the draws depended on what a worktree held; it now draws from the
# table alone), except that splits 18-21 were made and read on machines without testvideo.mp4 and now draw from
# SHOTS_WITHOUT_TESTVIDEO: their digests are main's builder (18/19) and helper 10e's (20/21) with that file's rows left out.
# Session 22 (10m): the splits' moving objects are drawn by ``moving_box`` (``drawbox`` drew none: its ``t`` is the
# thickness); the digests of the splits holding one changed with it — checked against main c430836's builders: every
# case's name, kind, rate, length, truth and family equal, and only the sources or graphs that held a ``drawbox`` differ.
BUILT_BEFORE = {
    "d11": (lambda tc: tc.dissolves_corpus(11), "a1586156d1fd32ea"),
    "d13": (lambda tc: tc.dissolves_corpus(13, 30), "6df1a274f2e9ad2e"),
    "d16": (lambda tc: tc.moving_dissolves_corpus(16), "73ab696e3e77c043"),
    "d17": (lambda tc: tc.moving_dissolves_corpus(17), "ae96a10d7b5f9c78"),
    "d18": (lambda tc: tc.eased_dissolves_corpus(18), "24bc91a2b483ae88"),
    "d19": (lambda tc: tc.eased_dissolves_corpus(19), "bc9c7da0c9a7cb57"),
    "d20": (lambda tc: tc.mixed_dissolves_corpus(20), "6be1d17b04e70ef3"),
    "d21": (lambda tc: tc.mixed_dissolves_corpus(21), "e651e9426be42751"),
    "d22": (lambda tc: tc.mixed_dissolves_corpus(22), "5d50ea0a19d608c6"),  # session 13 (10e): the cases split 22 was read on
    "d23": (lambda tc: tc.mixed_dissolves_corpus(23), "af57b3490eeb29c7"),  # session 13 (10e): the cases split 23 was read on
    "d24": (lambda tc: tc.mixed_dissolves_corpus(24), "c80de2545a65dd02"),  # session 14 (10e): the cases split 24 was read on
    "d25": (lambda tc: tc.mixed_dissolves_corpus(25), "d8ae95b6eb32d297"),  # session 14 (10e): the cases split 25 was read on
    "d26": (lambda tc: tc.mixed_dissolves_corpus(26), "88d97a02be923f89"),  # session 15 (10e): the cases split 26 was read on
    "d27": (lambda tc: tc.mixed_dissolves_corpus(27), "7ac05559e37364ee"),  # session 15 (10e): the cases split 27 was read on
    "d28": (lambda tc: tc.mixed_dissolves_corpus(28, 20), "6b293b8a3b79450e"),  # session 16 (10e): the cases split 28 was read on
    "d29": (lambda tc: tc.mixed_dissolves_corpus(29, 20), "d4b2eb1924780f44"),  # session 16 (10e): the cases split 29 was read on
}


@pytest.mark.parametrize("split", sorted(BUILT_BEFORE))
def test_dissolve_builders_make_the_same_cases_through_the_shared_xfade_case(split):
    import hashlib

    from tests import transition_corpus as tc

    build, digest = BUILT_BEFORE[split]
    root = str(Path(tc.__file__).resolve().parents[1])
    cases = build(tc)
    fields = [(c.name, c.kind, c.fps, c.seconds, tuple(x.replace(root, "ROOT") for x in c.sources), c.graph, c.truth, c.family, c.scored) for c in cases]
    assert hashlib.sha256(repr(fields).encode()).hexdigest()[:16] == digest
