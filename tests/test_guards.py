"""Moving pictures with no transition (``aspects.dynamic.guards``), on clips made with ffmpeg.

Moving gradients (ffmpeg's ``gradients``, circular and radial, 48–60 fps,
3 s, 256×144) and a soft dark blob wandering on a light ground, leaving the
frame and coming back (``geq``, 192×108, 4 s): no transition at all. Main's
rules read the gradients as a wipe or a dissolve and the blob as fades out of
and into the ground. A bright blob on black that does fade out (the ``fade``
filter, 0.5 s) stays a fade_out within 2 frames; the guards' pure functions
are checked on small made-up grids.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.dynamic import guards
from aspects.dynamic.signals import Signals
from aspects.dynamic.transitions import detect_transitions
from aspects.pipeline import measure_video
from tests.media import make_video


def _blob(fps: int, ground: tuple[int, int, int], colour: tuple[int, int, int], radius: int, period: float, amp: int, cy: int) -> str:
    """A soft round blob (Gaussian, ``radius`` px) swinging left and right by ``amp`` px about the centre of a 192×108 ``ground``."""
    w = f"exp(-(pow(X-(96+{amp}*sin(2*PI*T/{period}))\\,2)+pow(Y-{cy}\\,2))/{2 * radius * radius})"
    planes = ":".join(f"{p}='{g}+({c}-{g})*{w}'" for p, g, c in zip("rgb", ground, colour))
    return f"nullsrc=s=192x108:r={fps},format=gbrp,geq={planes}"


NO_TRANSITION = [
    ("circular-gradient-dark-60", "gradients=s=256x144:r=60:n=3:c0=0x1F2910:c1=0x41B0FF:c2=0x26082A:speed=0.024:seed=2133:type=circular", 60, 3.0),
    ("circular-gradient-dark-48", "gradients=s=256x144:r=48:n=3:c0=0x0D1A04:c1=0x45A03B:c2=0x2E0319:speed=0.022:seed=9142:type=circular", 48, 3.0),
    ("radial-gradient-60", "gradients=s=256x144:r=60:n=2:c0=0xA4A70E:c1=0xF680EE:speed=0.019:seed=3297:type=radial", 60, 3.0),
    ("dark-blob-leaving-a-light-ground", _blob(25, (235, 230, 220), (40, 60, 120), 18, 2.4, 160, 40), 25, 4.0),
]


def _found(path) -> list[dict]:
    m = measure_video(path)
    return detect_transitions(Signals.from_frames(m.frames, m.facts.get("duration_s")))


@pytest.mark.parametrize("name,source,fps,seconds", NO_TRANSITION, ids=[c[0] for c in NO_TRANSITION])
def test_a_moving_gradient_or_a_shape_leaving_the_frame_is_no_transition(tmp_path, name, source, fps, seconds):
    path = make_video(tmp_path / f"{name}.mp4", source, duration_s=seconds, fps=fps)
    assert _found(path) == []


def test_a_shape_on_black_that_fades_out_is_still_a_fade_out(tmp_path):
    fps = 30
    path = make_video(tmp_path / "blob-fade.mp4", _blob(fps, (0, 0, 0), (230, 200, 120), 22, 6.0, 40, 54) + ",format=yuv420p,fade=t=out:st=2:d=0.5", duration_s=3.5, fps=fps)
    found = [t for t in _found(path) if t["type"] != "cut"]
    assert [t["type"] for t in found] == ["fade_out"]
    assert abs(found[0]["start"] - 2.0) <= 2.01 / fps and abs(found[0]["end"] - 2.5) <= 2.01 / fps


def test_passed_tells_an_object_crossing_from_a_change():
    """A cell value going out and back (an object crossing) has passed; one going out and staying (a wipe's step) has not."""
    t = np.linspace(0.0, 1.0, 21)
    bump = np.stack([np.sin(np.pi * t) * 80.0, np.zeros_like(t)], axis=1)
    step = np.stack([np.clip((t - 0.3) / 0.4, 0, 1) * 80.0, np.zeros_like(t)], axis=1)
    assert guards.passed(bump, 0, 20)
    assert not guards.passed(step, 0, 20)


def test_shift_unexplained_tells_a_drifting_field_from_a_cross_fade() -> None:
    """A smooth field sliding across the 8 × 6 grid is explained by a shift; a cross-fade between two unrelated fields is not (FLOW_SHARE)."""
    rows, cols = np.mgrid[0:6, 0:8].astype(float)
    frames = 20
    drift = np.stack([np.stack([100 + 40 * np.sin(0.5 * (cols - 0.05 * k) + 0.3 * rows)] * 3).ravel() for k in range(frames)])
    rng = np.random.default_rng(7)
    a, b = rng.uniform(30, 220, (2, 3 * 48))
    blend = np.stack([a + (b - a) * k / (frames - 1) for k in range(frames)])
    assert guards.shift_unexplained(drift, 0, frames - 1) < 0.1 < guards.FLOW_SHARE
    assert guards.shift_unexplained(blend, 0, frames - 1) > guards.FLOW_SHARE


def _fast_motion_clip(tmp_path, name: str, split: int = 1):
    from tests.transition_corpus import fast_motion_corpus

    (case,) = [c for c in fast_motion_corpus(split) if c.name == name]
    return case.make(tmp_path)


@pytest.mark.parametrize("name", ["fm1-none-whip-04-2.96s-30", "fm1-none-whip-05-2.78s-60"])
def test_a_whip_pan_in_mid_swing_is_no_wipe(tmp_path, name):
    """A crop swinging across a still of real footage (fast-motion split 1): main's rules read 2 and 1 wipes; the global
    motion fit holds on every frame and the swing is under way on both sides (``guards.camera_swings``)."""
    assert [t for t in _found(_fast_motion_clip(tmp_path, name)) if t["type"] == "wipe"] == []


@pytest.mark.xfail(strict=True, reason="a whip pan starting from rest: its first 'edge' begins where the camera is slow, so one side stands still like a slide's (camera_swings needs both moving)")
def test_a_whip_pan_from_rest_is_no_wipe(tmp_path):
    fps = 30
    still = f"mandelbrot=s=768x432:r={fps}:start_scale=0.3:end_scale=0.3:start_x=-0.7436447860:start_y=0.1318252536,trim=end_frame=1,loop=loop=-1:size=1,setpts=N/{fps}/TB"
    path = make_video(tmp_path / "whip-from-rest.mp4", still + ",crop=256:144:x='256*(1+sin(2*PI*0.45*t+4.0))':y='144+40*sin(2*PI*0.22*t)'", duration_s=3.0, fps=fps)
    assert [t for t in _found(path) if t["type"] == "wipe"] == []


@pytest.mark.xfail(
    strict=True,
    reason="Bunny's action under a still camera (fast-motion split 5): something moving fast across part of the picture reads as a wipe down (1.96-2.50 s); the motion fit holds with shifts under 0.001 frame widths a frame, so it is no camera swing",
)
def test_action_under_a_still_camera_is_no_wipe(tmp_path):
    assert [t for t in _found(_fast_motion_clip(tmp_path, "fm5-none-action-02-2.79s-24", 5)) if t["type"] == "wipe"] == []


def test_camera_swings_keeps_a_slide_between_still_pictures():
    """A slide moves the whole picture at a steady speed with a valid fit, but its sides stand still: a wipe."""
    fps, n = 30.0, 60
    t = np.arange(n) / fps
    moving = (t >= 0.7) & (t < 1.3)
    frames = {
        "t": t,
        "mv_dx": np.where(moving, 0.05, 0.0),
        "mv_dy": np.zeros(n),
        "mv_valid": np.ones(n),
        "mv_inliers": np.full(n, 0.98),
        "mv_noise": np.full(n, 0.001),
        "parallax": np.zeros(n),
    }
    s = Signals.from_frames(frames, n / fps)
    item = {"type": "wipe", "start": 0.7, "end": 1.3}
    assert not guards.camera_swings(s, item, 0, n - 1)
    swinging = Signals.from_frames(dict(frames, mv_dx=np.full(n, 0.05)), n / fps)  # the same motion before and after: the camera
    assert guards.camera_swings(swinging, item, 0, n - 1)


# Still pictures drifting slowly (session 29, ``guards.drift_along``): eq and hue change an 8-bit picture in steps of a
# few levels every few frames, each step's plateau long enough to look held. Main read each of these as a dissolve
# over a few of the steps or, for a flat colour brightening into white, as a fade to white.
DRIFTS = [
    ("fades46", "f46-none-darken-flat-flat-00"),  # a flat colour darkening over 4.6 s at 45 fps: a one-frame dissolve (one step)
    ("fades46", "f46-none-brighten-flat-flat-02"),  # brightening over 6.6 s at 40 fps: a 1 s dissolve
    ("fades46", "f46-none-brighten-gradient-gradient-08"),  # a gradient brightening over 6.6 s at 27 fps: a 0.6 s dissolve
    ("drifts47", "dr47-none-contrast-gradient-19"),  # contrast rising from 1.46 s to the end (7.7 s) at 60 fps: a 3 s dissolve
    ("drifts47", "dr47-none-brighten-flat-21"),  # brightening into white over 7.2 s at 29 fps: a fade to white, its last 0.9 s
    # brightening from 2.71 s at 23 fps, G and B clipped at 255 from 5.3 s while R climbs on: a fade out + fade in at that
    # corner until session 31 (``fades.clipped_turn``, tests/test_clipped_drifts.py)
    ("drifts47", "dr47-none-brighten-flat-07"),
]
DRIFTS_LEFT = [
    ("drifts47", "dr47-none-darken-gradient-16", "a gradient darkening from 0.93 s at 48 fps that stops at 3.3 s (0.3 s before the clip's end): a dissolve between two held pictures"),
]


def _corpus_case(tmp_path, split: str, prefix: str):
    from tests import transition_corpus as tc

    corpus = tc.fades45_corpus(46) if split == "fades46" else tc.drifts47_corpus(47)
    return tc.rendered_truth(next(c for c in corpus if c.name.startswith(prefix)), tmp_path)


@pytest.mark.parametrize("split,prefix", DRIFTS, ids=[c[1] for c in DRIFTS])
def test_a_still_picture_drifting_slowly_is_no_transition(tmp_path, split, prefix):
    case = _corpus_case(tmp_path, split, prefix)
    assert _found(case.make(tmp_path)) == []


@pytest.mark.parametrize("split,prefix", [pytest.param(s, p, marks=pytest.mark.xfail(strict=True, reason=r), id=p) for s, p, r in DRIFTS_LEFT])
def test_drifts_left(tmp_path, split, prefix):
    case = _corpus_case(tmp_path, split, prefix)
    assert _found(case.make(tmp_path)) == []


def test_a_cross_fade_between_two_held_flat_colours_stays_a_dissolve(tmp_path):
    """xfade fade 1.5 s at 30 fps between two flat colours held 1 s before and after: one dissolve, both ends within 2 frames of the rendered frames."""
    from tests.transition_corpus import POST_S, PRE_S, Case, Truth, match, rendered_truth, xfade_graph

    case = Case(
        "flat-cross-30",
        "plain",
        30,
        PRE_S + 1.5 + POST_S,
        ("color=c=0x3A6FB0:s=256x144:r=30", "color=c=0xE0C040:s=256x144:r=30"),
        xfade_graph("fade", 1.5),
        (Truth("dissolve", PRE_S, PRE_S + 1.5),),
        "fade",
    )
    case = rendered_truth(case, tmp_path, table=False)
    found = _found(case.make(tmp_path))
    r = match(case, found)
    assert not r["missed"] and not r["extra"], (case.truth, found)


def test_a_side_holding_a_ramps_last_rounding_steps_is_settled_and_one_moving_on_is_not():
    """``guards._settled``: the 0.3 s beyond a low-contrast cross-fade's end (timed where its frames come within
    SETTLED_LEVELS of the still side) still holds steps of a level or two; a moving gradient's side moves on further."""
    grid = np.full((12, 144), 100.0)
    grid[:4, 0] = 98.0  # the ramp's last steps: 2 levels in one cell, then still
    assert guards._settled(grid, 0, 11)
    drifting = grid + 0.2 * np.arange(12)[:, None]  # every cell moving on by 0.2 levels a frame: within the range, never still
    assert not guards._settled(drifting, 0, 11)
    grid[:, 1] = 100.0 + np.arange(12)  # a cell moving on by 11 levels over the side
    assert not guards._settled(grid, 0, 11)
