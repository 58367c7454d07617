"""Transition detection over the whole generated corpus (``tests/transition_corpus.py``), next to PySceneDetect.

For every clip (every ffmpeg ``xfade`` transition on flat colours, gradients
and textured footage; the ``fade`` filter to and from black, white and other
colours; cuts; clips with no transition), at 24–60 fps and 0.2–3 s:

- our detector (decode stage + ``detect_transitions``, in-process): precision
  and recall per type (a hit has the right type and both boundaries within 2
  frames), wipe directions, boundary errors (median / max, frames and seconds);
- the same clips' "boundaries" (any transition, our type ignored) against
  PySceneDetect's ``detect-adaptive``, which only reports cuts: one of its
  scene starts counts when it falls inside a true transition's span (±2
  frames);
- time: transition detection against the whole decode + measure stage.

Clips and their measurements are cached in ``bench/out/transitions/``.
PySceneDetect is optional (``pip install --no-deps scenedetect click
platformdirs tqdm``, for the bench only).

    python bench/bench_transitions.py [CORPUS] [--measure-only] [--jobs 2] [--show-failures] [--only TEXT]

CORPUS is one of the split flags ``--help`` lists (one line each, with how the
split was read); none reads the tuning corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.versions import versions_line  # noqa: E402
from tests import transition_corpus  # noqa: E402
from tests.transition_corpus import (  # noqa: E402
    TOLERANCE_FRAMES,
    Case,
    full_corpus,
    heldout2_corpus,
    heldout3_corpus,
    heldout4_corpus,
    heldout5_corpus,
    heldout6_corpus,
    heldout7_corpus,
    heldout8_corpus,
    heldout_corpus,
    heldout_wipes_corpus,
    match,
    rendered_truth,
    suite_corpus,
)

OUT = ROOT / "bench" / "out" / "transitions"
TYPES = ("cut", "fade_out", "fade_in", "dissolve", "wipe")
REAL_TOLERANCE_S = 0.2  # DESIGN: boundaries within 0.2 s on real footage


def picture_code() -> str:
    """8 hex digits over the code that makes the per-frame picture columns: the decoder, the colour and picture
    measures (and what they import) and the decode loop. The measurement caches are keyed by it rather than by
    MEASURE_VERSION, so a change to the sound measures (which bumps MEASURE_VERSION too) keeps them."""
    import hashlib

    from tasks.fingerprint import function_code, project_sources

    sources = project_sources("aspects.decode", "aspects.measure.color", "aspects.measure.visual")
    sources["aspects.pipeline:_measure"] = function_code("aspects.pipeline", "_measure")[0].encode()
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + sources[name] + b"\0")
    return digest.hexdigest()[:8]


def measured(case: Case, code: str) -> tuple[str, dict, float, Case]:
    """Make the clip, measure it (cached as JSON next to it, keyed by ``code``: :func:`picture_code`) and return
    (path, frame columns, measure seconds, the case with its rendered truth)."""
    import numpy as np

    from aspects.errors import BadInputError
    from aspects.pipeline import measure_video

    path = case.make(OUT)
    cache = path.with_suffix(f".p{code}.json")
    if cache.exists():
        data = json.loads(cache.read_text())
        return str(path), data, data["measure_s"], rendered_truth(case, OUT)
    started = time.perf_counter()
    try:
        m = measure_video(path)
    except BadInputError:  # a clip left broken in the cache (copied, or its maker killed part-way) is made again, once
        path.unlink()
        path.with_suffix(".truth.json").unlink(missing_ok=True)
        path = case.make(OUT)
        started = time.perf_counter()
        m = measure_video(path)
    seconds = time.perf_counter() - started
    case = rendered_truth(case, OUT)
    frames = {k: np.asarray(v).tolist() for k, v in m.frames.items() if np.asarray(v).dtype.kind in "fiu"}
    data = {"frames": frames, "duration_s": m.facts.get("duration_s"), "measure_s": seconds}
    cache.write_text(json.dumps(data))
    return str(path), data, seconds, case


def pyscenedetect_cuts(path: str) -> list[float] | None:
    try:
        from scenedetect import AdaptiveDetector, detect
    except ImportError:
        return None
    scenes = detect(path, AdaptiveDetector())
    return [float(start.seconds) for start, _ in scenes[1:]]


# The corpora besides the whole one: flag → (the function that makes its cases, what it is); the first flag given wins.
CORPORA = {
    "--subset": (suite_corpus, "the test suite's subset only"),
    "--heldout": (heldout_corpus, "the held-out clips only (other colours, textures, frame rates): never tune on them"),
    "--heldout2": (heldout2_corpus, "the second held-out set (looked at once, at the end)"),
    "--heldout3": (heldout3_corpus, "the third held-out set: busy moving footage (read once, at the end)"),
    "--heldout4": (heldout4_corpus, "the fourth held-out set: busy moving footage like the third (read once, at the end)"),
    "--heldout5": (heldout5_corpus, "the fifth held-out set: busy moving footage, other sources and real footage (read once with main's rules, once at the end)"),
    "--heldout6": (heldout6_corpus, "the sixth held-out set: busy footage like the fifth (made before this session's rules were frozen; read once with main's rules, once with them)"),
    "--heldout7": (heldout7_corpus, "the seventh held-out set: dissolves on every kind of content (session 6; read once with main's rules first)"),
    "--heldout8": (heldout8_corpus, "the eighth held-out set: dissolves like the seventh (session 6; read once with main's rules, once with these)"),
    "--heldout9": (transition_corpus.heldout9_corpus, "the ninth held-out set: dissolves, real shots, footage onto moving pictures, short busy ones (session 7; read once with main's rules first)"),
    "--heldout10": (transition_corpus.heldout10_corpus, "the tenth held-out set: dissolves like the ninth (session 7; blind: read once with main's rules and once with the frozen ones)"),
    "--fades7": (transition_corpus.fades7_corpus, "held-out fades next to moving pictures, set 7 (session 6: read once with main's rules before the changes)"),
    "--fades8": (transition_corpus.fades8_corpus, "held-out fades next to moving pictures, set 8 (session 6: read once with main's and once with the frozen rules)"),
    "--fades9": (transition_corpus.fades9_corpus, "held-out fades next to moving pictures, set 9 (session 7: read once with main's rules before the changes)"),
    "--fades10": (transition_corpus.fades10_corpus, "held-out fades next to moving pictures, set 10 (session 7: made before the rules were frozen; read once with main's and once with them)"),
    "--fades11": (transition_corpus.fades11_corpus, "fades over moving pictures, set 11 (session 8: read once with main's rules before the ramp-end rule)"),
    "--heldout-wipes": (heldout_wipes_corpus, "the held-out set of wipes (read once, at the end)"),
    "--heldout-wipes2": (transition_corpus.heldout_wipes2_corpus, "the second held-out set of wipes (session 5: read once before the changes, once at the end)"),
    "--heldout-wipes3": (transition_corpus.heldout_wipes3_corpus, "the third held-out set of wipes (session 5: read once at the end)"),
    "--wipes-mixed": (transition_corpus.wipes_mixed_corpus, "a tuning set of wipes between a still side and a moving one (session 6)"),
    "--wipes-grain": (transition_corpus.wipes_grain_corpus, "a tuning set of wipes between still gradients under grain (session 6)"),
    "--heldout-wipes4": (transition_corpus.heldout_wipes4_corpus, "the fourth held-out set of wipes, sides that move (session 6: read once before the changes)"),
    "--heldout-wipes5": (transition_corpus.heldout_wipes5_corpus, "the fifth held-out set of wipes, sides that move (session 6: read once with main's rules and once with the new ones, at the end)"),
    "--heldout-wipes6": (
        transition_corpus.heldout_wipes6_corpus,
        "the sixth held-out set of wipes, sides that move (session 6: made after set 5 was read; read once with main's rules and once with the final ones)",
    ),
    "--heldout-wipes7": (transition_corpus.heldout_wipes7_corpus, "the seventh held-out set of wipes, sides that move (session 7: read once with main's rules first)"),
    "--heldout-wipes8": (transition_corpus.heldout_wipes8_corpus, "the eighth held-out set of wipes, sides that move (session 7: blind; read once with main's and once with the frozen rules)"),
    "--heldout-wipes9": (transition_corpus.heldout_wipes9_corpus, "the ninth held-out set of wipes and pixelize, sides that move (session 8: read once with main's rules first)"),
    "--heldout-wipes10": (
        transition_corpus.heldout_wipes10_corpus,
        "the tenth held-out set of wipes and pixelize, sides that move (session 8: blind; read once with main's and once with the frozen rules)",
    ),
    "--moving-gradients": (
        transition_corpus.moving_gradients_corpus,
        "cross-fades between two moving gradients and moving gradients alone, split 1 (session 7: read once with the lead's rules first)",
    ),
    "--dissolves11": (
        transition_corpus.dissolves_corpus,
        "dissolves between real shots and busy moving pictures, split 11 (session 8: read once with main's rules first, then tuned on)",
    ),
    "--dissolves12": (
        lambda: transition_corpus.dissolves_corpus(12),
        "dissolves between real shots and busy moving pictures, split 12 (session 8: blind; read once with main's and once with the frozen rules)",
    ),
    "--dissolves13": (
        lambda: transition_corpus.dissolves_corpus(13, 30),
        "dissolves between real shots (mostly real-real), split 13 (session 9: read once with main's rules first, never tuned on)",
    ),
    "--dissolves14": (
        lambda: transition_corpus.dissolves_corpus(14, 30),
        "dissolves between real shots (mostly real-real), split 14 (session 9: read once with main's and once with the first frozen rules, then LIGHT_OWN set on it)",
    ),
    "--dissolves15": (
        lambda: transition_corpus.dissolves_corpus(15, 30),
        "dissolves between real shots (mostly real-real), split 15 (session 9: blind; read once with main's and once with the final rules)",
    ),
    "--dissolves16": (
        lambda: transition_corpus.moving_dissolves_corpus(16),
        "dissolves between real shots that both keep moving (riders, pans), split 16 (session 10: read once with main's rules first, never tuned on)",
    ),
    "--dissolves17": (
        lambda: transition_corpus.moving_dissolves_corpus(17),
        "dissolves between real shots that both keep moving (riders, pans), split 17 (session 10: blind; read once with main's and once with the frozen rules)",
    ),
    "--dissolves18": (
        lambda: transition_corpus.eased_dissolves_corpus(18),
        "dissolves 0.3-3 s between moving real shots, some played backwards or graded, split 18 (session 11: read once with main's rules first, then tuned on)",
    ),
    "--dissolves19": (
        lambda: transition_corpus.eased_dissolves_corpus(19),
        "dissolves 0.3-3 s between moving real shots like split 18, split 19 (session 11: blind; read once with main's and once with the frozen rules)",
    ),
    "--dissolves20": (
        lambda: transition_corpus.mixed_dissolves_corpus(20),
        "dissolves 0.3-3 s between sides of any kind (real, generated moving, still) drawn at random, split 20 (session 12: read once with main's rules first, then tuned on)",
    ),
    "--dissolves21": (
        lambda: transition_corpus.mixed_dissolves_corpus(21),
        "dissolves like split 20, split 21 (session 12: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves22": (
        lambda: transition_corpus.mixed_dissolves_corpus(22),
        "dissolves like split 20, split 22 (session 13: read once with main's rules first, then tuned on)",
    ),
    "--dissolves23": (
        lambda: transition_corpus.mixed_dissolves_corpus(23),
        "dissolves like split 20, split 23 (session 13: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves24": (
        lambda: transition_corpus.mixed_dissolves_corpus(24),
        "dissolves like split 20, split 24 (session 14: read once with main's rules first, then tuned on)",
    ),
    "--dissolves25": (
        lambda: transition_corpus.mixed_dissolves_corpus(25),
        "dissolves like split 20, split 25 (session 14: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves26": (
        lambda: transition_corpus.mixed_dissolves_corpus(26),
        "dissolves like split 20, split 26 (session 15: read once with main's rules first, then tuned on)",
    ),
    "--dissolves27": (
        lambda: transition_corpus.mixed_dissolves_corpus(27),
        "dissolves like split 20, split 27 (session 15: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves28": (
        lambda: transition_corpus.mixed_dissolves_corpus(28, 20),
        "dissolves like split 20 (20 blends + 10 no-transition clips), split 28 (session 16: read once with main's rules first, then tuned on)",
    ),
    "--dissolves29": (
        lambda: transition_corpus.mixed_dissolves_corpus(29, 20),
        "dissolves like split 28, split 29 (session 16: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves30": (
        lambda: transition_corpus.mixed_dissolves_corpus(30, 14),
        "dissolves like split 28 (14 blends, one in three between two moving real shots, + 10 no-transition clips), split 30 (session 17: read once with main's rules first, then tuned on)",
    ),
    "--dissolves31": (
        lambda: transition_corpus.mixed_dissolves_corpus(31, 14),
        "dissolves like split 30, split 31 (session 17: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves32": (
        lambda: transition_corpus.mixed_dissolves_corpus(32, 14),
        "dissolves like split 30, split 32 (session 18: read once with main's rules first, then tuned on)",
    ),
    "--dissolves33": (
        lambda: transition_corpus.mixed_dissolves_corpus(33, 14),
        "dissolves like split 30, split 33 (session 18: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--dissolves34": (
        lambda: transition_corpus.real_dissolves_corpus(34),
        "10 dissolves (every other one between two moving real shots, 0.4-2.5 s) + 5 no-transition clips (up to 6), split 34 (session 19: read once with main's rules first, then tuned on)",
    ),
    "--dissolves35": (
        lambda: transition_corpus.real_dissolves_corpus(35),
        "like split 34, split 35 (session 19: blind; made with split 34, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves36": (
        lambda: transition_corpus.moving_blends_corpus(36),
        "12 dissolves 0.3-3 s between moving sides (every other one two moving real shots, the rest real or moving generated) + up to 6 no-transition clips, split 36 (session 20: read once with main's rules first, then tuned on)",
    ),
    "--dissolves37": (
        lambda: transition_corpus.moving_blends_corpus(37),
        "like split 36, split 37 (session 20: blind; made with split 36, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves38": (
        lambda: transition_corpus.moving_crossfades_corpus(38),
        "14 cross-fades 0.3-3 s (xfade fade, fadeslow, fadefast, fadegrays, a plain custom cross-fade; two in three between two moving real shots, the rest real or moving generated) + up to 8 no-transition clips (pans, a zoom, riders, footage, moving pictures, two flashes), split 38 (session 21: read once with main's rules first, then tuned on)",
    ),
    "--dissolves39": (
        lambda: transition_corpus.moving_crossfades_corpus(39),
        "like split 38, split 39 (session 21: blind; made with split 38, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves40": (
        lambda: transition_corpus.still_blends_corpus(40),
        "22 per-pixel-timed and blended xfades (distance twice as often, fadegrays, hblur, pixelize, dissolve, fade) 0.3-3 s between still or slowly moving sides (flat colours, still gradients, held textures, slow drifts and pans) + 5 no-transition clips, split 40 (session 22: read once with main's rules first, then tuned on)",
    ),
    "--dissolves41": (
        lambda: transition_corpus.still_blends_corpus(41),
        "like split 40, split 41 (session 22: made with split 40 for a blind read; main's cuts on three of its clips were seen in a survey before any rule change: read at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves42": (
        lambda: transition_corpus.still_blends_corpus(42),
        "like split 40, split 42 (session 22: blind, made when split 41 was partly seen, before any rule change; read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves53": (
        lambda: transition_corpus.still_blends_corpus(53),
        "like split 40, split 53 (session 40: blind; its seed drawn once the still-blend rules were frozen, read only then with main's and with those rules)",
    ),
    "--plain54": (
        lambda: transition_corpus.plain_blends_corpus(54),
        "30 dissolve-like xfades 0.3-3 s at 24-60 fps between still flat colours and gradients (session 40: blind; seed drawn once the still-side rules were frozen, read only then with main's and with those rules)",
    ),
    "--plain55": (
        lambda: transition_corpus.plain_blends_corpus(55),
        "like split 54, split 55 (session 40: blind; seed drawn after split 54 was read and the rules changed on it, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves56": (
        lambda: transition_corpus.still_blends_corpus(56),
        "like split 40, split 56 (session 40: blind; seed drawn at the freeze of the still-end walk, read only then with main's and with the frozen rules)",
    ),
    "--dissolves57": (
        lambda: transition_corpus.still_blends_corpus(57),
        "like split 40, split 57 (session 41: blind; seed drawn at the freeze of the blur-onset, ramp and blank-edge rules, read then with main's and with the frozen rules; then the grey drain beside a moving side was made on its clip 4)",
    ),
    "--plain58": (
        lambda: transition_corpus.plain_blends_corpus(58),
        "like split 54, split 58 (session 41: blind; seed drawn with split 57's, read at the freeze with main's and with the frozen rules; then GREY_LUMA_STILL was made on its clip 12)",
    ),
    "--soft-moving3": (
        lambda: transition_corpus.soft_moving_corpus(3),
        "like soft-moving 1, split 3 (session 41: blind; seed drawn with split 57's, read at the freeze with main's and with the frozen rules; then the blur off a moving picture was made on its clip 11)",
    ),
    "--moving-gradients2": (
        lambda: transition_corpus.moving_gradients_corpus(2),
        "cross-fades between two moving gradients, split 2 (session 7: blind; read once with the lead's and once with the frozen rules)",
    ),
    "--soft-moving": (lambda: transition_corpus.soft_moving_corpus(1), "pixelize, hblur, smooth* and moving-side wipes, split 1 (session 9: read once with main's rules first, then tuned on)"),
    "--soft-moving2": (
        lambda: transition_corpus.soft_moving_corpus(2),
        "pixelize, hblur, smooth* and moving-side wipes, split 2 (session 9: blind; read once with main's and once with the frozen rules)",
    ),
    "--wipes11": (
        lambda: transition_corpus.moving_wipes_corpus(11),
        "shaped wipes, slides, pixelize and hblur with moving sides, split 11 (session 10: read once with main's rules first, not tuned on)",
    ),
    "--wipes12": (
        lambda: transition_corpus.moving_wipes_corpus(12),
        "shaped wipes, slides, pixelize and hblur with moving sides, split 12 (session 10: blind; read once with main's and once with the frozen rules)",
    ),
    "--wipes13": (
        lambda: transition_corpus.fresh_wipes_corpus(13),
        "every scored wipe-like xfade at random, pixelize and hblur, moving and plain sides, 20-60 fps, split 13 (session 11: read once with main's rules first, then tuned on)",
    ),
    "--wipes14": (
        lambda: transition_corpus.fresh_wipes_corpus(14),
        "every scored wipe-like xfade at random, pixelize and hblur, moving and plain sides, 20-60 fps, split 14 (session 11: blind; read once with main's and once with the frozen rules)",
    ),
    "--wipes15": (
        lambda: transition_corpus.fresh_wipes_corpus(15),
        "wipe-like xfades at random between moving sides of new kinds (drifting gradients, sparse pictures, zone plates, real pans), split 15 (session 12: read once with main's rules first, then tuned on)",
    ),
    "--wipes16": (
        lambda: transition_corpus.fresh_wipes_corpus(16),
        "wipe-like xfades at random between moving sides of new kinds like split 15, split 16 (session 12: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes17": (
        lambda: transition_corpus.fresh_wipes_corpus(17),
        "wipe-like xfades at random between moving sides like split 15's, one in five a fast real shot (whip pans, shakes, riders), split 17 (session 13: read once with main's rules first, then tuned on)",
    ),
    "--wipes18": (
        lambda: transition_corpus.fresh_wipes_corpus(18),
        "wipe-like xfades like split 17, split 18 (session 13: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes19": (
        lambda: transition_corpus.fresh_wipes_corpus(19),
        "wipe-like xfades like split 17, split 19 (session 14: read once with main's rules first, then tuned on)",
    ),
    "--wipes20": (
        lambda: transition_corpus.fresh_wipes_corpus(20),
        "wipe-like xfades like split 17, split 20 (session 14: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes21": (
        lambda: transition_corpus.fresh_wipes_corpus(21),
        "wipe-like xfades like split 17, split 21 (session 15: read once with main's rules first, then tuned on)",
    ),
    "--wipes22": (
        lambda: transition_corpus.fresh_wipes_corpus(22),
        "wipe-like xfades like split 17, split 22 (session 15: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes23": (
        lambda: transition_corpus.fresh_wipes_corpus(23, n=22),
        "wipe-like xfades like split 17, 22 xfades + 8 no-transition clips, split 23 (session 16: read once with main's rules first, then tuned on)",
    ),
    "--wipes24": (
        lambda: transition_corpus.fresh_wipes_corpus(24, n=22),
        "wipe-like xfades like split 23, split 24 (session 16: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes25": (
        lambda: transition_corpus.fresh_wipes_corpus(25, n=16),
        "wipe-like xfades like split 23, one in four between two moving real shots, 16 xfades + 8 no-transition clips, split 25 (session 17: read once with main's rules first, then tuned on)",
    ),
    "--wipes26": (
        lambda: transition_corpus.fresh_wipes_corpus(26, n=16),
        "wipe-like xfades like split 25, split 26 (session 17: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes27": (
        lambda: transition_corpus.fresh_wipes_corpus(27, n=16),
        "wipe-like xfades like split 25, one in four a vert/horz/circle shape onto moving content, split 27 (session 18: read once with main's rules first, then tuned on)",
    ),
    "--wipes28": (
        lambda: transition_corpus.fresh_wipes_corpus(28, n=16),
        "wipe-like xfades like split 27, split 28 (session 18: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--wipes29": (
        lambda: transition_corpus.fresh_wipes_corpus(29, n=12),
        "wipe-like xfades like split 27, one in two a vert/horz/circle shape onto moving content, 12 xfades + 8 no-transition clips, split 29 (session 19: read once with main's rules first, then tuned on)",
    ),
    "--wipes30": (
        lambda: transition_corpus.fresh_wipes_corpus(30, n=12),
        "wipe-like xfades like split 29, split 30 (session 19: blind; made with split 29, read only at the freeze with main's and the frozen rules)",
    ),
    "--wipes31": (
        lambda: transition_corpus.shape_wipes_corpus(31),
        "shaped xfade wipes only (open/close, smooth, circles, slices, winds, radial, squeezes, covers, reveals, slides) on flat, gradient, textured or real sides, 0.3-3 s, 24-60 fps, 18 + 6 no-transition clips, split 31 (session 20: read once with main's rules first, then tuned on)",
    ),
    "--wipes32": (
        lambda: transition_corpus.shape_wipes_corpus(32),
        "shaped xfade wipes like split 31, split 32 (session 20: blind; made with split 31, read only at the freeze with main's and the frozen rules)",
    ),
    "--wipes33": (
        lambda: transition_corpus.moving_shapes_corpus(33),
        "shaped xfade wipes (open/close, smooth, circles, rectcrop, squeezes, radial) with both sides moving (real shots, moving generated pictures, drifting gradients), 0.3-3 s, 30-60 fps, 18 + 6 no-transition clips, split 33 (session 21: read once with main's rules first, then tuned on)",
    ),
    "--wipes34": (
        lambda: transition_corpus.moving_shapes_corpus(34),
        "shaped xfade wipes between moving sides like split 33, split 34 (session 21: blind; made with split 33, read only at the freeze with main's and the frozen rules)",
    ),
    "--wipes35": (
        lambda: transition_corpus.moving_shapes_corpus(35),
        "shaped xfade wipes between moving sides like split 33, split 35 (session 21: made after split 34's read; read once with main's and the frozen rules)",
    ),
    "--wipes36": (
        lambda: transition_corpus.moving_shapes_corpus(36),
        "shaped xfade wipes between moving sides like split 33, split 36 (session 21: made with split 35; read once with main's and the frozen rules)",
    ),
    "--wipes37": (
        lambda: transition_corpus.moving_sides_corpus(37),
        "xfade wipes whose sides move (open/close, smooth, circles, slices, winds, rectcrop, squeezes, radial, covers, reveals) between moving real shots, moving generated pictures, or one moving and one still, 0.3-3 s, 28-56 fps, 18 + 6 no-transition clips, split 37 (session 22: read once with main's rules first, then tuned on)",
    ),
    "--wipes38": (
        lambda: transition_corpus.moving_sides_corpus(38),
        "xfade wipes whose sides move like split 37, split 38 (session 22: blind; made with split 37, read only at the freeze with main's and the frozen rules)",
    ),
    "--moving-fades21": (lambda: transition_corpus.moving_fades_split(21), "fades and cross-fades over moving generated pictures, split 21 (session 9: read once with main's rules first)"),
    "--moving-fades22": (
        lambda: transition_corpus.moving_fades_split(22),
        "fades and cross-fades over moving generated pictures, split 22 (session 9: blind; read once with main's and once with the frozen rules)",
    ),
    "--moving-fades23": (
        lambda: transition_corpus.moving_fades_split(23),
        "fades and cross-fades over moving generated pictures, split 23 (session 9: blind; read once with main's rules and once with each DRIFT_SCALE tried)",
    ),
    "--moving-fades24": (
        lambda: transition_corpus.moving_fades_split(24),
        "fades and cross-fades over moving generated pictures, split 24 (session 10: read once with main's rules first)",
    ),
    "--moving-fades25": (
        lambda: transition_corpus.moving_fades_split(25),
        "fades and cross-fades over moving generated pictures, split 25 (session 10: blind; read once with main's and once with the frozen rules)",
    ),
    "--moving-fades26": (
        lambda: transition_corpus.moving_fades_mixed(26),
        "fades over moving pictures of new kinds (real pans, noise, zone plates, moving shapes, rotation), split 26 (session 11: read once with main's rules first, then tuned on)",
    ),
    "--moving-fades27": (
        lambda: transition_corpus.moving_fades_mixed(27),
        "fades over moving pictures of new kinds, split 27 (session 11: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--fastmotion1": (
        lambda: transition_corpus.fast_motion_corpus(1),
        "cuts, fades and cross-fades between fast-moving real shots (riders, Bunny, fast pans, zooms, shakes, whip pans) and the same with no transition, split 1 (session 12: read once with main's rules first, then tuned on)",
    ),
    "--fastmotion2": (
        lambda: transition_corpus.fast_motion_corpus(2),
        "fast-moving real shots like split 1, split 2 (session 12: blind; read once with main's and once with the frozen rules)",
    ),
    "--colour-drift1": (
        lambda: transition_corpus.colour_drift_corpus(1),
        "hue drifts of flat colours and still gradients (no transition) and fades through a colour, split 1 (session 13: read once with main's and once with the corner rule; nothing tuned on it)",
    ),
    "--colour-drift2": (lambda: transition_corpus.colour_drift_corpus(2), "hue drifts and fades through a colour like split 1, split 2 (session 13: read after split 1, once with each rule set)"),
    "--colour-dips1": (
        lambda: transition_corpus.colour_dips_corpus(1),
        "fades through a colour other than black or white between moving or still pictures, ramps 0.4-2 s, and their margins (hue swings, a colour shot held 1.5-2.5 s), split 1 (session 18: made with split 2 before the lead's rule was read on either)",
    ),
    "--colour-dips2": (lambda: transition_corpus.colour_dips_corpus(2), "fades through a colour and their margins like split 1, split 2 (session 18)"),
    "--fastmotion3": (
        lambda: transition_corpus.fast_motion_corpus(3),
        "fast-moving real shots like split 1, split 3 (session 13: read once with main's rules first, not tuned on)",
    ),
    "--fastmotion4": (
        lambda: transition_corpus.fast_motion_corpus(4),
        "fast-moving real shots like split 1, split 4 (session 13: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--fastmotion5": (
        lambda: transition_corpus.fast_motion_corpus(5),
        "fast-moving real shots like split 1, split 5 (session 14: read once with main's rules first, then tuned on)",
    ),
    "--fastmotion6": (
        lambda: transition_corpus.fast_motion_corpus(6),
        "fast-moving real shots like split 1, split 6 (session 14: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--fastmotion7": (
        lambda: transition_corpus.fast_motion_corpus(7),
        "fast-moving real shots like split 1, split 7 (session 15: read once with main's rules first, then tuned on)",
    ),
    "--fastmotion8": (
        lambda: transition_corpus.fast_motion_corpus(8),
        "fast-moving real shots like split 1, split 8 (session 15: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--fastmotion9": (
        lambda: transition_corpus.fast_motion_corpus(9, n_transitions=22, n_negatives=8),
        "fast-moving real shots like split 1, 22 transitions + 8 no-transition clips, split 9 (session 16: read once with main's rules first, then tuned on)",
    ),
    "--fastmotion10": (
        lambda: transition_corpus.fast_motion_corpus(10, n_transitions=22, n_negatives=8),
        "fast-moving real shots like split 9, split 10 (session 16: blind; made at the freeze, read once with main's and once with the frozen rules)",
    ),
    "--still-motion": (lambda: transition_corpus.still_motion_corpus(1), "moving pictures with no transition, split 1 (session 8: read once with main's rules first, then tuned on)"),
    "--still-motion2": (lambda: transition_corpus.still_motion_corpus(2), "moving pictures with no transition, split 2 (session 8: blind; read once with main's and once with the frozen rules)"),
    "--still-motion3": (lambda: transition_corpus.still_motion_corpus(3), "moving pictures with no transition, split 3 (session 8: read once with main's and the first guards, then tuned on)"),
    "--objects40": (
        lambda: transition_corpus.moving_objects_corpus(40),
        "26 clips with an object moving over a picture (boxes, bars, discs, text-like strips, 10-100 % of the frame, crossing it, across part of it, diagonally, back and forth; flat, gradient, drifting, moving generated or real ground) and no transition + 10 xfades and cuts with an object moving over both sides, 24-60 fps, split 40 (session 22: read once with main's rules first, then tuned on)",
    ),
    "--objects41": (
        lambda: transition_corpus.moving_objects_corpus(41),
        "like split 40, split 41 (session 22: blind; made with split 40, read only at the freeze with main's and with the frozen rules)",
    ),
    "--fades43": (
        lambda: transition_corpus.fades43_corpus(43),
        "fades and cross-fades, eased and linear (xfade fadeslow/fadefast/fadeblack/fadewhite/fadegrays/fade, the fade filter out/in/through black, white or a colour, xfade custom smoothstep fades to and from black or white) on flat, gradient, grainy, moving generated and real sides, 0.3-4 s, 24-60 fps, 28 + 8 no-transition clips, split 43 (session 23: read once with main's rules first, then tuned on)",
    ),
    "--fades44": (
        lambda: transition_corpus.fades43_corpus(44),
        "like split 43, split 44 (session 23: blind; made with split 43, read only at the freeze with main's and the frozen rules)",
    ),
    "--fades45": (
        lambda: transition_corpus.fades45_corpus(45),
        "fades to and from black, white and a colour (the fade filter out/in/through, xfade custom smoothstep), xfade fadeblack/fadewhite/fadegrays (also flat -> flat)/fade, weighted to moving texture, on flat, gradient, grainy, moving generated and real sides, 0.2-3.5 s, 20-55 fps, 30 + 10 no-transition clips (slow darkening/brightening of flat, gradient and grainy pictures over 4-7 s, flashes, moving and real pictures), split 45 (session 25: read once with main's rules first, then tuned on)",
    ),
    "--fades46": (
        lambda: transition_corpus.fades45_corpus(46),
        "like split 45, split 46 (session 25: blind; made with split 45, read only at the freeze with main's and the frozen rules)",
    ),
    "--wipes39": (
        lambda: transition_corpus.wipes39_corpus(39),
        "xfade irises (vert/horz open and close, circle open and close, rectcrop), slices and winds between still sides (flat colours, still gradients) or a still side and a moving real shot, 0.3-3 s, 26-52 fps, 18 + 6 no-transition clips, split 39 (session 23: read once with main's rules first, then tuned on)",
    ),
    "--wipes40": (
        lambda: transition_corpus.wipes39_corpus(40),
        "like split 39, split 40 (session 23: blind; made with split 39, read only at the freeze with main's and the frozen rules)",
    ),
    "--wipes41": (
        lambda: transition_corpus.wipes41_corpus(41),
        "xfade wipes (straight, diagonal), slides, covers, reveals, circles, vert/horz open and close, rectcrop, slices, winds and hblur between still sides, two moving real shots or a still side and a moving real shot, 0.3-3 s, 23-47 fps, 22 + 10 no-transition clips (a thin or diagonal line, a bar or an object passing over a picture; a tilt or pan over testsrc2), split 41 (session 25: read once with main's rules first, then tuned on)",
    ),
    "--wipes42": (
        lambda: transition_corpus.wipes41_corpus(42),
        "like split 41, split 42 (session 25: blind; made with split 41, read only at the freeze with main's and the frozen rules)",
    ),
    "--dissolves43": (
        lambda: transition_corpus.dissolves43_corpus(43),
        "16 cross-fades 0.3-3 s (xfade fade, dissolve, fadegrays; every other one two moving real shots, the rest moving real, Perlin, scrolling cellauto, mandelbrot zoom, scrolling testsrc2 or one of those with a moving object) at 26-58 fps + 8 no-transition clips with an object entering, leaving or crossing a textured or real picture, split 43 (session 23: read once with main's rules first, then tuned on)",
    ),
    "--dissolves44": (
        lambda: transition_corpus.dissolves43_corpus(44),
        "like split 43, split 44 (session 23: blind; made with split 43, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves45": (
        lambda: transition_corpus.dissolves45_corpus(45),
        "20 cross-fades (xfade fade, fadeslow, fadefast, dissolve, fadegrays, a smoothstep-eased custom one; half 1.5-3 s, half 0.3-1.5 s) between moving sides like split 43's at 28-56 fps + 8 no-transition clips (an object entering, leaving or crossing a textured or real picture; a pan, a zoom, a real shot), split 45 (session 25: read once with main's rules first, then tuned on)",
    ),
    "--dissolves46": (
        lambda: transition_corpus.dissolves45_corpus(46),
        "like split 45, split 46 (session 25: blind; made with split 45, read only at the freeze with main's and with the frozen rules)",
    ),
    "--dissolves51": (
        lambda: transition_corpus.dissolves45_corpus(51),
        "like split 45, split 51 (session 34: blind; drawn after the pixel-dissolve shapes were frozen, read once with main 6e74242's rules and once with 15d7867's)",
    ),
    "--dissolves52": (
        lambda: transition_corpus.dissolves45_corpus(52, 40, transition_corpus.DISSOLVES52_XFADES),
        "40 blends like split 45's, xfade dissolve and fadegrays only, split 52 (session 34: blind; drawn after the pixel-dissolve shapes were frozen, read once with main 6e74242's rules and once with 15d7867's)",
    ),
    "--drifts47": (
        lambda: transition_corpus.drifts47_corpus(47),
        "12 fades and cross-fades between still sides (flat, gradient, grainy) + 24 slow drifts of still pictures (brightness, hue, saturation, contrast; over the whole clip or from part-way on), 18-60 fps, split 47 (session 29: read once with main's rules first, then tuned on)",
    ),
    "--drifts48": (
        lambda: transition_corpus.drifts47_corpus(48),
        "like split 47, split 48 (session 29: blind; made with split 47, read only at the freeze with main's and with the frozen rules)",
    ),
    "--lowcontrast49": (
        lambda: transition_corpus.lowcontrast49_corpus(49),
        "cross-fades and wipes between still pictures of nearly the same colours, + slow drifts of such pictures (session 30: read with main's rules first)",
    ),
    "--lowcontrast50": (
        lambda: transition_corpus.lowcontrast49_corpus(50),
        "like split 49, split 50 (session 30: blind; made with split 49, read only at the freeze with main's and with the frozen rules)",
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    for flag, (_, about) in CORPORA.items():
        parser.add_argument(flag, action="store_true", help=about.replace("%", "%%"))
    parser.add_argument("--measure-only", action="store_true", help="make and measure the clips (cached), print no scores")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--only", default="", help="substring of case names to run")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with

    from aspects.dynamic.signals import Signals
    from aspects.dynamic.transitions import detect_transitions

    OUT.mkdir(parents=True, exist_ok=True)
    cases = next((make for flag, (make, _) in CORPORA.items() if getattr(args, flag[2:].replace("-", "_"))), full_corpus)()
    cases = [c for c in cases if args.only in c.name]
    code = picture_code()
    print(f"picture measures' code {code} (caches *.p{code}.json in {OUT})")
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measured, cases, [code] * len(cases)))
    if args.measure_only:
        print(f"{len(results)} clips measured ({sum(len(d['frames']['t']) for _, d, _, _ in results)} frames)")
        return

    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    tp_issue, fp_issue, fn_issue = defaultdict(int), defaultdict(int), defaultdict(int)  # with real footage's boundaries right within REAL_TOLERANCE_S
    errors_f, errors_s = defaultdict(list), defaultdict(list)
    directions = [0, 0]
    ours_b, scd_b = [0, 0, 0], [0, 0, 0]  # boundary hits, misses, extras
    detect_s = measure_s = 0.0
    scd_available = not os.environ.get("NO_SCD")
    failures = []
    unscored = []
    kinds = defaultdict(lambda: [0, 0, 0])  # content kind → hits, truths, extras
    by_type_kind = defaultdict(lambda: [0, 0, 0])  # (type, content kind) → hits, truths, extras
    real = [0, 0, 0, 0]  # clips of real footage (a ``movie=`` source): hits within 2 frames, within REAL_TOLERANCE_S, truths, extras
    for path, data, m_s, case in results:
        s = Signals.from_frames(data["frames"], data["duration_s"])
        started = time.perf_counter()
        found = detect_transitions(s)
        detect_s += time.perf_counter() - started
        measure_s += m_s
        if not case.scored:
            unscored.append((case, found))
            continue
        r = match(case, found)
        kinds[case.kind][0] += len(r["hits"])
        kinds[case.kind][1] += len(case.truth)
        kinds[case.kind][2] += len(r["extra"])
        for truth, _item, _err in r["hits"]:
            by_type_kind[(truth.type, case.kind)][0] += 1
        for truth in case.truth:
            by_type_kind[(truth.type, case.kind)][1] += 1
        for item in r["extra"]:
            by_type_kind[(item["type"], case.kind)][2] += 1
        is_real = any("movie=" in source for source in case.sources)
        issue = match(case, found, REAL_TOLERANCE_S) if is_real else r  # the issue's tolerances: 2 frames, 0.2 s on real footage
        _tally(issue, tp_issue, fn_issue, fp_issue)
        if is_real:
            real[0] += len(r["hits"])
            real[1] += len(issue["hits"])
            real[2] += len(case.truth)
            real[3] += len(issue["extra"])
        _tally(r, tp, fn, fp)
        for truth, _item, err in r["hits"]:
            errors_s[truth.type].append(err)
            errors_f[truth.type].append(err * case.fps)
        wipes = [h for h in r["hits"] if h[0].direction]
        directions[0] += len(wipes) - len(r["direction_wrong"])
        directions[1] += len(wipes)
        if r["missed"] or r["extra"] or r["direction_wrong"]:
            failures.append((case, found, r))
        _boundaries(case, [(t["start"], t["end"]) for t in found], ours_b)
        if scd_available:
            cuts = pyscenedetect_cuts(path)
            if cuts is None:
                scd_available = False
            else:
                _boundaries(case, [(t, t) for t in cuts], scd_b)

    frames = sum(len(d["frames"]["t"]) for _, d, _, _ in results)
    print(f"{len(cases)} clips ({len(unscored)} not scored), {frames} frames; a boundary is right within {TOLERANCE_FRAMES} frames")
    print()
    print("| type | truths | found | precision | recall | boundary error median / max (frames) | (seconds) |")
    print("|---|---|---|---|---|---|---|")
    for kind in TYPES:
        n_true, n_found = tp[kind] + fn[kind], tp[kind] + fp[kind]
        if not n_true and not n_found:
            continue
        prec = tp[kind] / n_found if n_found else float("nan")
        rec = tp[kind] / n_true if n_true else float("nan")
        ef, es = errors_f[kind] or [float("nan")], errors_s[kind] or [float("nan")]
        print(f"| {kind} | {n_true} | {n_found} | {prec:.3f} | {rec:.3f} | {statistics.median(ef):.1f} / {max(ef):.1f} | {statistics.median(es):.3f} / {max(es):.3f} |")
    if any(tp_issue[k] != tp[k] or fp_issue[k] != fp[k] for k in TYPES):
        print()
        print(f"At the issue's tolerances (2 frames; {REAL_TOLERANCE_S} s on clips of real footage):")
        print("| type | precision | recall |")
        print("|---|---|---|")
        for kind in TYPES:
            n_true, n_found = tp_issue[kind] + fn_issue[kind], tp_issue[kind] + fp_issue[kind]
            if n_true or n_found:
                print(f"| {kind} | {tp_issue[kind] / n_found if n_found else float('nan'):.3f} | {tp_issue[kind] / n_true if n_true else float('nan'):.3f} |")
    print()
    print(f"wipe directions right: {directions[0]} / {directions[1]}")
    print()
    print("| content | truths | found right | recall | extra detections |")
    print("|---|---|---|---|---|")
    for kind, (hits, truths, extras) in sorted(kinds.items()):
        print(f"| {kind} | {truths} | {hits} | {hits / max(truths, 1):.3f} | {extras} |")
    print()
    print("| type | content | truths | found right | extra |")
    print("|---|---|---|---|---|")
    for (kind, content), (hits, truths, extras) in sorted(by_type_kind.items(), key=lambda x: (TYPES.index(x[0][0]), x[0][1])):
        print(f"| {kind} | {content} | {truths} | {hits} | {extras} |")
    if real[2] or real[3]:
        print()
        print(
            f"real footage (shots of bikes.mp4, bigbuckbunny.mp4, carphone_pristine.mp4): {real[2]} truths, right within 2 frames {real[0]}, within {REAL_TOLERANCE_S} s {real[1]}; extra (at {REAL_TOLERANCE_S} s) {real[3]}"
        )
    print()
    print("Boundaries (any type; a detection inside a true transition's span ±2 frames):")
    print("| detector | precision | recall |")
    print("|---|---|---|")
    for name, b in (("mp4-aspects", ours_b), ("PySceneDetect detect-adaptive", scd_b if scd_available else None)):
        if b is None:
            print(f"| {name} | not installed | |")
            continue
        hits, misses, extras = b
        print(f"| {name} | {hits / max(hits + extras, 1):.3f} | {hits / max(hits + misses, 1):.3f} |")
    print()
    print(f"time: decode + per-frame measures {measure_s:.1f} s (when first measured; cached since), transition detection {detect_s:.2f} s ({100 * detect_s / max(measure_s, 1e-9):.1f} %)")
    print("xfade transitions mapped to no type (not scored), what was reported:")
    for case, found in unscored:
        print(f"  {case.name}: {[(t['type'], t['start'], t['end'], t.get('direction')) for t in found]}")
    if args.show_failures:
        for case, found, _r in failures:
            print(f"\n{case.name}: truth {[(t.type, t.start, round(t.end, 3), t.direction) for t in case.truth]}")
            print("  found", [(t["type"], t["start"], t["end"], t.get("direction")) for t in found])


def _tally(result: dict, tp: defaultdict, fn: defaultdict, fp: defaultdict) -> None:
    """Add a ``match`` result's hits, misses and extra detections to the per-type counts."""
    for truth, _item, _err in result["hits"]:
        tp[truth.type] += 1
    for truth in result["missed"]:
        fn[truth.type] += 1
    for item in result["extra"]:
        fp[item["type"]] += 1


def _boundaries(case: Case, spans: list[tuple[float, float]], tally: list[int]) -> None:
    """Count truths with a detection overlapping their span (±2 frames), and detections overlapping none."""
    tol = (TOLERANCE_FRAMES + 0.01) / case.fps
    truths = [(t.start - tol, t.end + tol) for t in case.truth]
    # a fade out + fade in pair through black is one boundary between two shots
    merged: list[list[float]] = []
    for lo, hi in sorted(truths):
        if merged and lo <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    used = set()
    for lo, hi in merged:
        inside = [k for k, (a, b) in enumerate(spans) if a <= hi and b >= lo]
        if inside:
            tally[0] += 1
            used.update(inside)
        else:
            tally[1] += 1
    tally[2] += len([k for k in range(len(spans)) if k not in used])


if __name__ == "__main__":
    main()
