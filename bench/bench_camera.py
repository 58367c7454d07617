"""Camera speed against the truth of generated moves, and the per-frame cost of the global motion.

Error curve: pans, tilts and zooms (``tests/camera_corpus.py``: crop or
zoompan paths over still pictures, truth from the filter expressions) at each
speed, frame rate and content, analysed in-process by the real pipeline
(``measure_video`` + ``dynamic_aspects``). For each window the reported
``pan_speed`` / ``tilt_speed`` / ``zoom_speed`` is compared with the
least-squares slope of the true path; a cell shows the worst relative error
over the clip's windows, ``x`` when a window names another move. The floor
of a row is the slowest speed from which every faster one is named right and
within 10 %.

Cost: the per-frame global motion of this tree (``MotionTracker`` +
``compensated_difference``) against the one of ``--baseline`` (a git
revision, loaded from git; default: the commit before this estimator), CPU time on the
same 1800 half-size luma frames in the same process, interleaved in chunks.

    python bench/bench_camera.py [--fps 24 25 30 60] [--contents texture gradient] [--crf 18 6] [--corpus tuning held-out] [--skip-curve] [--skip-cost]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from bench.versions import versions_line  # noqa: E402
from tests.camera_corpus import Move  # noqa: E402

OUT = ROOT / "bench" / "out" / "camera"
KEYS = {"pan": ("pan_speed", "vx", -1), "tilt": ("tilt_speed", "vy", -1), "zoom": ("zoom_speed", "vz", 1)}
TOLERANCE = 0.10
BASELINE = "e4c3a05"  # main before issue 15: Lucas–Kanade on a 12×9 grid + RANSAC


@dataclass(frozen=True)
class Corpus:
    """One side of the bench: the moves (one per family), the speeds and the still's seed."""

    name: str
    kinds: dict[str, str]
    speeds: list[float]
    seed: int


TUNING = Corpus("tuning", {"pan": "pan_left", "tilt": "tilt_down", "zoom": "zoom_in"}, [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.35, 0.5], seed=1)
# Never looked at while tuning: other stills, the opposite directions, speeds in between.
HELD_OUT = Corpus("held-out", {"pan": "pan_right", "tilt": "tilt_up", "zoom": "zoom_out"}, [0.015, 0.025, 0.04, 0.07, 0.15, 0.3, 0.45], seed=2)


def window_errors(move: Move) -> list[float]:
    """Relative error of each window's reported speed (inf when the move is misnamed)."""
    from aspects.dynamic import dynamic_aspects
    from aspects.pipeline import measure_video

    m = measure_video(move.render(OUT))
    doc = dynamic_aspects(m, 1.0).model_dump(mode="json")
    t = np.asarray(m.frames["t"], dtype=float)
    family = move.kind.split("_")[0]
    key, axis, sign = KEYS[family]
    errors = []
    for w in doc["windows"]:
        idx = np.flatnonzero((t >= w["start"]) & (t < w["end"]))
        truth = sign * move.window_truth(t, int(idx[0]), int(idx[-1]))[axis]
        camera = w["camera"]
        if camera["motion_type"] != move.kind:
            errors.append(math.inf)
        else:
            errors.append(abs(camera[key] - truth) / abs(truth))
    return errors


def curve(corpus: Corpus, fps_list: list[float], contents: list[str], crf: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    speeds = corpus.speeds
    print(f"{corpus.name} corpus, crf {crf}: worst relative speed error per clip (2 s, 256×144, two 1 s windows); x = wrong move; floor = slowest speed from which all are within {TOLERANCE:.0%}")
    print(f"{'content':9s} {'move':5s} {'fps':>4s} | " + " ".join(f"{s * 100:>5g}%" for s in speeds) + " | floor")
    for content in contents:
        for family, kind in corpus.kinds.items():
            for fps in fps_list:
                worst = [max(window_errors(Move(kind, speed, content=content, fps=fps, crf=crf, seed=corpus.seed))) for speed in speeds]
                cells = " ".join("    x " if math.isinf(e) else f"{e * 100:5.1f}%" for e in worst)
                floor = next((speeds[i] for i in range(len(speeds)) if all(e <= TOLERANCE for e in worst[i:])), None)
                print(f"{content:9s} {family:5s} {fps:4g} | {cells} | {'-' if floor is None else f'{floor * 100:g} %/s'}", flush=True)


def _load_baseline(rev: str):
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:aspects/measure/visual.py"], capture_output=True, text=True, check=True).stdout
    path = OUT / f"visual_{rev}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(f"visual_{rev}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cost(rev: str, frames: int = 1800, chunk: int = 100) -> None:
    from aspects.decode import PassTotals, open_media, stream
    from aspects.measure import visual

    old = _load_baseline(rev)
    clip = Move("pan_left", 0.1, content="texture", duration_s=3.0).render(OUT)
    container = open_media(clip)
    lumas = []
    for item in stream(container, clip, box=(256, 144), totals=PassTotals()):
        if hasattr(item, "rgb"):
            y = cv2.cvtColor(item.rgb, cv2.COLOR_RGB2GRAY)
            lumas.append(cv2.resize(y, (y.shape[1] // 2, y.shape[0] // 2), interpolation=cv2.INTER_AREA))
    container.close()
    lumas = (lumas * (frames // len(lumas) + 1))[:frames]
    h, w = lumas[0].shape
    tracker = visual.MotionTracker()
    # a baseline with the reference-frame tracker runs it too; an older one fits consecutive frames on its point grid
    old_tracker = old.MotionTracker() if hasattr(old, "MotionTracker") else None
    points = None if old_tracker else old.track_points(w, h)
    spent = {"before": 0.0, "after": 0.0}
    for start in range(0, frames, chunk):
        began = time.process_time()
        for i in range(start, start + chunk):
            if old_tracker:
                mv = old_tracker(lumas[i], i / 25)
            elif i == 0:
                continue
            else:
                mv = old.global_motion(lumas[i - 1], lumas[i], points)
            old.compensated_difference(lumas[i - 1], lumas[i], mv)
        spent["before"] += time.process_time() - began
        began = time.process_time()
        for i in range(start, start + chunk):
            mv = tracker(lumas[i], i / 25)
            visual.compensated_difference(lumas[i - 1], lumas[i], mv)
        spent["after"] += time.process_time() - began
    print(f"per-frame global motion, {frames} frames of {w}×{h} half-size luma, CPU time (interleaved chunks of {chunk}):")
    print(f"  before ({rev}): {spent['before'] / frames * 1e6:6.0f} µs/frame")
    print(f"  after (this tree): {spent['after'] / frames * 1e6:6.0f} µs/frame")
    print(f"  ratio after / before: {spent['after'] / spent['before']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fps", type=float, nargs="+", default=[24, 25, 30, 60])
    parser.add_argument("--contents", nargs="+", default=["texture", "gradient"])
    parser.add_argument("--crf", type=int, nargs="+", default=[18, 6], help="x264 quality of the clips: 18 (a usual encode) and 6 (the encoder keeps every sub-pixel move)")
    parser.add_argument("--corpus", nargs="+", default=[TUNING.name, HELD_OUT.name], choices=[TUNING.name, HELD_OUT.name])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--skip-curve", action="store_true")
    parser.add_argument("--skip-cost", action="store_true")
    args = parser.parse_args()
    print(versions_line(), flush=True)  # first line of the output: the versions these numbers were read with
    if not args.skip_cost:
        cost(args.baseline)
    if not args.skip_curve:
        for corpus in (TUNING, HELD_OUT):
            if corpus.name in args.corpus:
                for crf in args.crf:
                    curve(corpus, args.fps, args.contents, crf)


if __name__ == "__main__":
    main()
