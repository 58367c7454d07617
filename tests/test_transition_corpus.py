"""Transitions on a generated corpus: every mapped ffmpeg ``xfade`` transition, the ``fade`` filter, cuts, and clips with none.

The suite runs a representative subset (``suite_corpus``: each mapped xfade
transition once, on flat colours, gradients or texture in turn, 0.5–2 s, at
24/25/30/60 fps, some with grain; fades to and from black, white and a
colour, 0.2–3 s; cuts; drifts, a moving object, a pan, a zoom, flashes,
grain); ``bench/bench_transitions.py`` runs the whole corpus. Each clip is
made once per session and analysed in-process (decode stage + transitions
only). A clip passes when every true transition is found with its type and
both boundaries within 2 frames (wipe direction included) and nothing else is
reported; xfade's boundaries are read off the rendered frames
(``rendered_truth``). Clips the detector still gets wrong are listed in KNOWN_MISSES and
expected to fail (not strict: a fix shows up as XPASS); the per-type rates
over the subset must not fall below what the detector reaches now.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions
from aspects.pipeline import measure_video
from tests.transition_corpus import match, rendered_truth, suite_corpus

CASES = suite_corpus()

# Measured with the detector of this commit; see docs/dynamic.md for the whole-corpus table.
# Mostly busy footage (testsrc2 / mandelbrot / cellauto, whose own motion hides slow or partial changes) and grain.
KNOWN_MISSES = {
    "xfade-fadeslow-texture2-2s-30",
    "xfade-fadegrays-gradient4-1s-24-grain",
    "xfade-hblur-texture5-0.5s-25",
    "xfade-smoothleft-gradient2-2s-30-grain",
    "xfade-radial-gradient2-2s-24-grain",
    "xfade-rectcrop-gradient5-0.5s-60",
    "fade-out-in-black-texture3-3s-h0.5-60-grain",
}
# Over the subset this commit reaches (precision / recall): cut 1.00 / 1.00, fade_out 0.88 / 0.88 (0.86 / 0.75 before session 6's fades), fade_in 0.88 / 0.88,
# dissolve 0.83 / 0.62, wipe 0.98 / 0.91 (truth read off the rendered frames; the extra cut a motion fit made of a wipe's edge in some runs is gone).
# (precision, recall) per type, one detection under the subset's levels (never under the previous floors): a known-miss clip can
# gain or lose a detection between runs (OpenCV's threaded reductions differ in the last bits), and the fades have about 7.
FLOOR = {"cut": (0.75, 0.95), "fade_out": (0.85, 0.75), "fade_in": (0.85, 0.75), "dissolve": (0.7, 0.5), "wipe": (0.95, 0.88)}


@pytest.fixture(scope="session")
def corpus_results(tmp_path_factory):
    """name → (case with its rendered truth, found) for every suite case, each clip made and analysed once per session.

    The truths come from tests/transition_truths.json (the rendered truths of
    this ffmpeg; another version renders them, an ffmpeg run each, in two
    threads meanwhile: the waits are ffmpeg's, not Python's).
    """
    folder = tmp_path_factory.mktemp("transition-corpus")
    cache: dict[str, tuple] = {}
    pool = ThreadPoolExecutor(2)
    truths = {case.name: pool.submit(rendered_truth, case, folder) for case in CASES}

    def get(case):
        if case.name not in cache:
            m = measure_video(case.make(folder))
            s = Signals.from_frames(m.frames, m.facts.get("duration_s"))
            cache[case.name] = (truths[case.name].result(), detect_transitions(s))
        return cache[case.name]

    yield get
    pool.shutdown(cancel_futures=True)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=pytest.mark.xfail(reason="known miss", strict=False) if c.name in KNOWN_MISSES else ()) for c in CASES])
def test_corpus_clip(corpus_results, case):
    case, found = corpus_results(case)
    r = match(case, found)
    assert not r["missed"] and not r["extra"] and not r["direction_wrong"], (case.truth, found)


def test_rates_per_type_over_the_subset(corpus_results):
    tp, fp, fn = {}, {}, {}
    for listed in CASES:
        case, found = corpus_results(listed)
        r = match(case, found)
        for truth, _, _ in r["hits"]:
            tp[truth.type] = tp.get(truth.type, 0) + 1
        for truth in r["missed"]:
            fn[truth.type] = fn.get(truth.type, 0) + 1
        for item in r["extra"]:
            fp[item["type"]] = fp.get(item["type"], 0) + 1
    for kind, (p_floor, r_floor) in FLOOR.items():
        hits = tp.get(kind, 0)
        precision = hits / max(hits + fp.get(kind, 0), 1)
        recall = hits / max(hits + fn.get(kind, 0), 1)
        assert precision >= p_floor and recall >= r_floor, (kind, precision, recall)
