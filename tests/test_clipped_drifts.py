"""A drift pushed out of the RGB gamut is no transition (``aspects.dynamic.fades.clipped_turn``; session 31, issue 10).

ffmpeg's ``eq=brightness`` moves a picture's luma alone; on a saturated colour a channel reaches 0 (or 255) long before
the luma stops, and from there the colour moves on along the gamut's edge. Split 49's darkening red (0xD21F39, from
1.37 s: G held at 0 from 2.2 s, R and B falling 1.6 levels a frame either side, the luma clipped at 3.9 s) read as a
fade out and a fade in through the dark red at that corner, and split 45's darkening dark colour alike (split 47's
brightening teal: tests/test_guards.py's drifts). A fade through a colour changes every channel's rate at the colour it holds; a
cross-fade between two pictures never leaves the gamut. Clips made with ffmpeg, truths from their filters.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import fades
from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions
from aspects.pipeline import measure_video
from tests.transition_corpus import Case, Truth, fades45_corpus, lowcontrast49_corpus, match

SIZE = "256x144"


def _found(case: Case, folder) -> list[dict]:
    m = measure_video(case.make(folder))
    return detect_transitions(Signals.from_frames(m.frames, m.facts.get("duration_s")))


def _drift(colour: str, fps: int, seconds: float, start: float, per_s: float) -> Case:
    """A flat ``colour`` held until ``start`` s, then its brightness (eq's, −1…1) moved ``per_s`` a second to the end."""
    graph = f"[0:v]format=yuv420p,eq=brightness='{per_s:.4f}*max(t-{start:.2f}\\,0)':eval=frame[v]"
    return Case(f"clip-drift-{colour}-{per_s:+.3f}-{fps}", "negative", fps, seconds, (f"color=c={colour}:s={SIZE}:r={fps}",), graph, (), "drift")


def _split_case(name: str) -> Case:
    corpus = lowcontrast49_corpus(49) if name.startswith("lc49") else fades45_corpus(45)
    return next(c for c in corpus if c.name.startswith(name))


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(lambda: _split_case("lc49-none-darken-flat-26"), id="split-49-darkening-red"),  # G at 0 from 2.2 s, the luma at 3.9 s
        pytest.param(lambda: _split_case("f45-none-darken-flat-flat-09"), id="split-45-darkening-dark-colour"),  # R at 0 from 0.7 s (a strict xfail until now)
        pytest.param(lambda: _drift("0x1F9FE8", 25, 5.0, 1.2, -0.08), id="darkening-blue"),  # R clips first
    ],
)
def test_a_flat_colour_drifting_out_of_the_gamut_is_no_transition(tmp_path, case):
    """Each read a fade out + fade in before this rule; the drift's channels that stay inside the gamut go on at one
    rate across the corner."""
    found = _found(case(), tmp_path)
    assert found == [], found


def test_a_fade_through_a_colour_with_a_channel_at_zero_is_still_a_pair(tmp_path):
    """Orange faded to pure red (G and B reach 0 and stay) and red faded into a grey blue: the way turns at the red and
    every channel's rate changes there, so it stays a fade out + a fade in (the fade filter, 0.8 s each way, 25 fps)."""
    fps, d, pre, post = 25, 0.8, 1.2, 1.2
    graph = (
        f"[0:v]trim=duration={pre + d},setpts=PTS-STARTPTS,format=yuv420p,fade=t=out:st={pre}:d={d}:color=0xFF0000[a];"
        f"[1:v]trim=duration={d + post},setpts=PTS-STARTPTS,format=yuv420p,fade=t=in:st=0:d={d}:color=0xFF0000[b];"
        "[a][b]concat=n=2:v=1:a=0[v]"
    )
    sources = (f"color=c=0xF0A040:s={SIZE}:r={fps}", f"color=c=0x6080A0:s={SIZE}:r={fps}")
    truth = (Truth("fade_out", pre, pre + d), Truth("fade_in", pre + d, pre + 2 * d))
    case = Case("clip-fade-through-red", "fade", fps, pre + 2 * d + post, sources, graph, truth, "fade:red")
    found = _found(case, tmp_path)
    r = match(case, found)
    assert not r["missed"] and not r["extra"], (truth, found)


def _way(legs: list[tuple[np.ndarray, int]], start: np.ndarray) -> np.ndarray:
    """R, G, B means along straight legs ``(rate per frame, frames)`` from ``start``, clipped to 0–255."""
    rows, x = [start.astype(float)], start.astype(float)
    for rate, n in legs:
        for _ in range(n):
            x = x + rate
            rows.append(x.copy())
    return np.clip(np.array(rows), 0.0, 255.0)


def test_clipped_turn_tells_a_clipped_drift_from_a_turn_at_a_colour():
    """On R, G, B means: a darkening whose G reaches 0 at frame 20 turns there by clipping alone (R and B go on at −1.6);
    a fade into (200, 0, 26) and out towards blue changes R's and B's rates there; a drift with no channel at the edge
    (a hue turning) is not judged here (``turns_at`` is); nothing without the means."""
    down = np.array([-1.6, -1.6, -1.6])
    clipped = _way([(down, 40)], np.array([210.0, 31.0, 90.0]))  # G at 0 from frame ~19
    assert fades.clipped_turn(clipped, 0, 20, 20, 40)
    turned = _way([(np.array([-0.5, -1.6, -3.2]), 20), (np.array([-4.0, 0.0, 5.0]), 20)], np.array([210.0, 32.0, 90.0]))
    assert not fades.clipped_turn(turned, 0, 20, 20, 40)
    inside = _way([(np.array([-1.0, 0.5, 0.0]), 20), (np.array([0.0, 0.5, -1.0]), 20)], np.array([150.0, 100.0, 120.0]))
    assert not fades.clipped_turn(inside, 0, 20, 20, 40)
    assert not fades.clipped_turn(None, 0, 20, 20, 40)
