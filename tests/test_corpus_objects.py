"""The generated corpora's moving objects move (session 22, issue 10).

ffmpeg's ``drawbox`` reads its x/y/w/h once, and its ``t`` is the box's
thickness, not the time: ``drawbox=x='-200+t*130':…:t=fill`` draws no box at
all, ``w='min(t*50,216)'`` a still one. 22 "moving object" clips of
tests/transition_corpus.py (and trials 16/17's moving ball and title) were so
drawn until session 22: issue 10's "no false transition on a moving object"
went untested there. They are drawn with ``moving_box`` (overlay, read per
frame) now; these tests fail when a case draws its object the old way or when
the object of a named moving case does not move in the rendered frames.
"""

from __future__ import annotations

import re

import pytest

from bench.bench_transitions import CORPORA
from tests.transition_corpus import MOVING_OBJECT, STILL_DRAWBOX, Case, full_corpus, moving_box, object_moves, object_track

# A name that promises a moving object (the no-transition clips of the hand-written splits).
PROMISES = re.compile(r"line-crossing|diagonal-crossing|moving-object|moving-box|big-box|box-crossing|bar-crossing|object-crossing|half-box|wide-bar|box-growing|bar-sweep|none-ball|none-title")


def every_case() -> list[Case]:
    """Every split the bench reads (its flags), the whole corpus and trials 16-22's clips: string work, no rendering."""
    from bench import trial16, trial17, trial18, trial19, trial20, trial21, trial22

    cases = full_corpus() + trial16.video_cases() + trial17.video_cases() + trial18.video_cases() + trial19.video_cases() + trial20.video_cases() + trial21.video_cases() + trial22.video_cases()
    for make, _ in CORPORA.values():
        cases += make()
    return cases


def test_no_case_draws_with_drawbox_time_and_named_moving_cases_draw_an_object():
    cases = every_case()
    still = sorted({c.name for c in cases if any(STILL_DRAWBOX.search(text) for text in (*c.sources, c.graph))})
    assert not still, still
    promised = [c for c in cases if c.kind in ("negative", "trial") and PROMISES.search(c.name)]
    assert len(promised) >= 40  # the hand-written moving clips at their rates (56 in session 22)
    empty = sorted({c.name for c in promised if not any(MOVING_OBJECT.search(text) for text in (*c.sources, c.graph))})
    assert not empty, empty


def _named_moving() -> list[Case]:
    """One clip per hand-written moving object (its lowest rate), for the rendered check."""
    first: dict[str, Case] = {}
    for c in sorted(every_case(), key=lambda c: c.fps):
        if c.kind in ("negative", "trial") and PROMISES.search(c.name) and "testvideo" not in " ".join(c.sources):
            first.setdefault(re.sub(r"-\d+$", "", c.name.split("none-", 1)[1]) + "|" + MOVING_OBJECT.search(" ".join((*c.sources, c.graph)))[0], c)
    return list(first.values())


@pytest.mark.parametrize("case", _named_moving(), ids=lambda c: c.name)
def test_named_moving_object_moves(case):
    assert object_moves(case), (case.name, sorted({b for b in object_track(case) if b})[:5])


def test_the_guard_fails_a_drawbox_object_and_a_still_one():
    """Ground truth for the guard: the session-21 recipe of big-box (drawbox, t read as the thickness) and a box that
    stays put fail; the same box moving with overlay passes (its bounding box takes one place per 2 px of travel)."""
    ground = "color=c=0x206040:s=256x144:r=25"
    old = Case("old", "negative", 25, 2.0, (ground,), "[0:v]format=yuv420p,drawbox=x='-200+t*130':y=0:w=200:h=144:color=0xE0E0E0:t=fill[v]")
    still = Case("still", "negative", 25, 2.0, (ground,), "[0:v]format=yuv420p" + moving_box("20", "30", 60, 50, "0xE0E0E0") + "[v]")
    moving = Case("moving", "negative", 25, 2.0, (ground,), "[0:v]format=yuv420p" + moving_box("-200+t*130", "0", 200, 144, "0xE0E0E0") + "[v]")
    assert not object_moves(old)
    assert not object_moves(still) and len({b for b in object_track(still) if b}) == 1
    track = object_track(moving)
    assert object_moves(moving) and len({b for b in track if b}) >= 40  # 50 frames, the box's left edge at -200 + 5.2 px per frame
    assert track[25] is not None and abs(track[25][2] - (-200 + 130 * 1.0 + 199)) <= 2  # its right edge at 1 s, within the 2-px rounding


def _found(case: Case, folder) -> list[dict]:
    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions
    from aspects.pipeline import measure_video

    m = measure_video(case.make(folder))
    return detect_transitions(Signals.from_frames(m.frames, m.facts.get("duration_s")))


def test_a_box_that_crosses_and_leaves_is_no_transition(tmp_path):
    """``guards.came_back``: a dark box of 91 % of the frame crossing a still gradient at 202 px/s (split 40's
    mo40-none-box-gradient-03) was a pixel dissolve 0.36-2.56 s with main's rules: it had entered before the change was
    found and is gone by its end, the picture back to one the clip showed before."""
    from tests.transition_corpus import moving_objects_corpus

    case = next(c for c in moving_objects_corpus(40) if c.name == "mo40-none-box-gradient-03-4.8s-25")
    assert _found(case, tmp_path) == []


def test_a_clip_made_in_one_checkout_is_found_from_another(monkeypatch):
    """The bench's cache names a clip by a hash of its recipe; real footage is read from the checkout's own
    ``.cache/reference``, so the recipe holds the checkout's folder. Two checkouts (a worktree, a fresh clone) must give
    one name, and another recipe another name."""
    from tests import transition_corpus

    def real_case(root: str, fps: int = 30) -> Case:
        return Case("real-shot", "real", fps, 2.0, (f"movie=filename={root}/.cache/reference/bikes.mp4,fps={fps}",), "[0:v]format=yuv420p[v]")

    here = real_case(str(transition_corpus.REPO)).path("/cache")
    monkeypatch.setattr(transition_corpus, "REPO", transition_corpus.Path("/elsewhere/clone"))
    there = real_case("/elsewhere/clone").path("/cache")
    assert here == there and here.name.startswith("real-shot-")
    assert real_case("/elsewhere/clone", fps=25).path("/cache") != there


def test_a_clip_left_broken_in_the_bench_cache_is_made_again(tmp_path, monkeypatch):
    """A clip whose maker was killed part-way, or a copy cut short, lies in the bench's cache with no measurement: the
    bench makes it again and measures it (it stopped a whole split's read with BadInputError)."""
    from bench import bench_transitions

    monkeypatch.setattr(bench_transitions, "OUT", tmp_path)
    case = Case("flat-fade", "plain", 25, 2.0, ("color=c=0x3366aa:s=256x144:r=25,setsar=1",), "[0:v]format=yuv420p,fade=t=out:st=0.8:d=0.6[v]")
    path = case.make(tmp_path)
    whole = path.stat().st_size
    path.write_bytes(path.read_bytes()[:600])  # cut short: no moov atom
    _, data, _, _ = bench_transitions.measured(case, "test")
    assert path.stat().st_size == whole and len(data["frames"]["t"]) == 50
    assert path.with_suffix(".ptest.json").exists()
