"""Long cross-fades between two moving sides (session 25, issue 10; ``aspects.dynamic.dissolves.with_crossfades_first``),
on clips of splits 43, 44 and 45 (``tests.transition_corpus``).

A cross-fade's fine detail (√ Laplacian variance) is lowest half-way through it; a dissolve or wipe the other rules
found over it without that low in its middle is timed on something else, and the cross-fade takes its place. Truth: the rendered frames (``rendered_truth``); found means one dissolve with both ends within 2 frames
and nothing else. What is still wrong stays here as strict xfails with the numbers read on split 45.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import dissolves
from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions
from aspects.pipeline import measure_video
from tests.transition_corpus import Case, dissolves43_corpus, dissolves45_corpus, match, rendered_truth


def _case(split: int, start: str) -> Case:
    cases = dissolves45_corpus(split) if split >= 45 else dissolves43_corpus(split)
    return next(c for c in cases if c.name.startswith(start))


def _found(case: Case, folder) -> tuple[Case, list[dict]]:
    case = rendered_truth(case, folder, table=False)
    m = measure_video(case.make(folder))
    return case, detect_transitions(Signals.from_frames(m.frames, m.facts.get("duration_s")))


def _one_dissolve_on_time(case: Case, folder) -> None:
    case, found = _found(case, folder)
    r = match(case, found)
    assert not r["missed"] and not r["extra"], (case.truth, found)


def test_a_long_cross_fade_between_two_moving_real_shots_is_a_dissolve_not_a_wipe(tmp_path):
    """Split 45's fade real -> real, 2.25 s at 36 fps (truth 1.0-3.25 s): main read a wipe 2.19-3.64 s; the detail is lowest at 1.81 s."""
    _one_dissolve_on_time(_case(45, "d45-xfade-fade-real-real-12"), tmp_path)


def test_a_fadegrays_between_a_mandelbrot_zoom_and_cellular_automata_keeps_the_cross_fades_end(tmp_path):
    """Split 43's fadegrays Mandelbrot -> cellauto, 1.43 s at 52 fps (truth 1.0-2.42 s): main read a dissolve 1.08-2.42 s (4 frames late)."""
    _one_dissolve_on_time(_case(43, "d43-xfade-fadegrays-mandelbrot-cellauto-11"), tmp_path)


def _stats(n: int, low_at: int) -> np.ndarray:
    """Six picture statistics per frame whose last (the fine detail) dips to its lowest at frame ``low_at``."""
    stats = np.full((n, dissolves.LIGHT_STATS.size), 100.0)
    stats[:, -1] = 30.0 - 15.0 * np.exp(-(((np.arange(n) - low_at) / 10.0) ** 2))
    return stats


def _signals(n: int, fps: int = 30) -> Signals:
    t = np.arange(n) / fps
    return Signals(t=t, dt=np.full(n, 1 / fps), duration_s=n / fps, columns={})


def test_a_cross_fade_takes_the_place_of_a_wipe_or_dissolve_that_does_not_hold_its_lowest_detail_in_its_middle():
    s = _signals(120)
    cross = [{"type": "dissolve", "start": 1.0, "end": 3.0, "duration": 2.0}]
    stats = _stats(120, 60)  # lowest detail at 2.0 s
    off = [{"type": "wipe", "start": 2.2, "end": 3.6, "duration": 1.4, "direction": "up"}]
    assert dissolves.with_crossfades_first(s, stats, off, cross) == cross
    late = [{"type": "dissolve", "start": 1.1, "end": 2.1, "duration": 1.0}]  # 2.0 s is past its middle half
    assert dissolves.with_crossfades_first(s, stats, late, cross) == cross


def test_a_cross_fade_leaves_a_transition_that_holds_its_lowest_detail_in_its_middle_or_is_no_dissolve_or_wipe():
    s = _signals(120)
    cross = [{"type": "dissolve", "start": 1.0, "end": 3.0, "duration": 2.0}]
    stats = _stats(120, 60)
    held = [{"type": "dissolve", "start": 1.2, "end": 2.9, "duration": 1.7}]
    assert dissolves.with_crossfades_first(s, stats, held, cross) == held
    fade = [{"type": "fade_out", "start": 2.2, "end": 3.6, "duration": 1.4}]
    assert dissolves.with_crossfades_first(s, stats, fade, cross) == fade
    assert dissolves.with_crossfades_first(s, stats, [], cross) == cross


LONG_MOVING = pytest.mark.xfail(
    strict=True,
    reason="known limit (split 45): a long cross-fade between two moving real shots is found by no rule (fadefast 2.53 s at 56 fps: the detail dip's "
    "candidates fail the fit; ease 2.07 s at 32 fps: half-way detail 1.19 of its line, the fixed ends explain the frames at 0.53 > CROSS_MIX, "
    "and the sides carried on by their own straight lines explain an object crossing testsrc2 as well, 0.22-0.39, so that cue was dropped)",
)


@LONG_MOVING
@pytest.mark.parametrize("start", ["d45-xfade-fadefast-real-real-16", "d45-xfade-ease-real-real-08"])
def test_a_long_cross_fade_between_moving_real_shots_is_found(tmp_path, start):
    _one_dissolve_on_time(_case(45, start), tmp_path)


S_CURVE_ENDS = pytest.mark.xfail(
    strict=True,
    reason="known limit (split 45): a cross-fade's ends on moving sides are walked in (refine_ends, median_ends): fade real -> real 2.29 s at 32 fps "
    "starts 4 frames late (1.125 s for 1.0); a smoothstep between scrolling testsrc2 cards 1.2 s at 36 fps is not found (its luma spread half-way "
    "1.15 of its line, over CROSS_SPREAD's 0.85: the cards share their layout) and, with that bound waived, ends 4 frames early (2.08 s for 2.19)",
)


@S_CURVE_ENDS
@pytest.mark.parametrize("start", ["d45-xfade-fade-real-real-04", "d45-xfade-ease-testsrc2-testsrc2-11"])
def test_a_cross_fade_between_moving_sides_is_timed_within_two_frames(tmp_path, start):
    _one_dissolve_on_time(_case(45, start), tmp_path)


FALSE_WIPES = pytest.mark.xfail(
    strict=True,
    reason="known limit (split 45): an object crossing a real shot is read as a wipe (box at 26 fps: 0.23-1.81 s, left), and so is a pan over one (60 fps: 0.43-2.55 s, down)",
)


@FALSE_WIPES
@pytest.mark.parametrize("start", ["d45-none-crossing-box-real-24", "d45-none-pan-footage-0"])
def test_an_object_crossing_or_a_pan_over_a_real_shot_is_no_transition(tmp_path, start):
    case, found = _found(_case(45, start), tmp_path)
    assert found == [], found


def _one_dissolve_over_the_truth(case: Case, folder, tolerance_s: float | None) -> None:
    """One dissolve and nothing else, over the true one; with ``tolerance_s`` also both ends within it (seconds)."""
    case, found = _found(case, folder)
    (truth,) = case.truth
    assert [f["type"] for f in found] == ["dissolve"], (case.truth, found)
    assert found[0]["start"] < truth.end and found[0]["end"] > truth.start, (case.truth, found)
    if tolerance_s is not None:
        r = match(case, found, tolerance_s=tolerance_s)
        assert not r["missed"] and not r["extra"], (case.truth, found)


def test_a_cross_fade_between_two_shots_of_the_same_real_footage_is_found_within_the_issues_tolerance(tmp_path):
    """Split 45's fadeslow bikes -> bikes, 0.86 s at 56 fps (truth 1.0-1.86 s): main found nothing (the nearer side alone
    explains the frames at 0.62 of the blend's distance, over CROSS_MIX); the camera motion's fit leaves 5.9 times its
    sides' residual inside (``moves_two_ways``). Read 1.11-1.68 s: within the issue's 0.2 s for real footage, not 2 frames."""
    _one_dissolve_over_the_truth(_case(45, "d45-xfade-fadeslow-real-real-10"), tmp_path, 0.2)


def test_a_cross_fade_from_a_slow_real_shot_into_a_fast_one_is_found(tmp_path):
    """Split 44's fade real -> real, 1.17 s at 26 fps (truth 1.0-2.15 s): main found nothing (0.51 > CROSS_MIX; residual
    2.9 times its sides'). Read 1.0-2.38 s: the end 0.23 s late, in the fast shot's own motion (its detail keeps falling)."""
    _one_dissolve_over_the_truth(_case(44, "d44-xfade-fade-real-real-08"), tmp_path, None)


def test_moves_two_ways_reads_the_motion_fits_residual_inside_against_its_sides():
    n = 90
    residual = np.full(n, 2.0)
    residual[40:50] = 2.0 * dissolves.CROSS_RESIDUAL + 0.5  # a blend of two pictures moving two ways
    s = Signals(t=np.arange(n) / 30, dt=np.full(n, 1 / 30), duration_s=n / 30, columns={"mv_residual": residual})
    assert dissolves.moves_two_ways(s, 40, 49, 0, n - 1)
    residual[40:50] = 2.0 * dissolves.CROSS_RESIDUAL - 0.5  # an object crossing: the fit leaves less
    assert not dissolves.moves_two_ways(s, 40, 49, 0, n - 1)
    assert not dissolves.moves_two_ways(_signals(n), 40, 49, 0, n - 1)  # measured before the column existed
