"""One analysis-document ``windows[]`` item per window of W seconds: every dynamic category, measured.

Window k covers [k·W, (k+1)·W) seconds of frame presentation time; the last
one is the one holding the last frame, and ends at the video's end (or at
(k+1)·W when that comes first).
"""

from __future__ import annotations

import numpy as np

from aspects.document import Window
from aspects.dynamic import camera as cam
from aspects.dynamic import picture
from aspects.dynamic.audio_semantic import AudioTrack, audio_semantic
from aspects.dynamic.signals import Signals, rounded, trend

PACING_CONTEXT_S = 10.0  # pacing counts shot changes within ± this many seconds of the window
MOTION_TREND_CONTEXT_S = 3.0  # temporal.motion_trend looks this far each side of the window
MOTION_TREND_LEVELS = 1.5


def measured_fps(s: Signals, idx: np.ndarray) -> float | None:
    """Frame rate from the window's own timestamps: 1 / the median step between its frames (a variable rate shows); None with one frame."""
    steps = np.diff(s.t[idx]) if len(idx) > 1 else np.zeros(0)
    return rounded(1.0 / float(np.median(steps)), 3) if steps.size and np.median(steps) > 0 else None


def time_block(s: Signals, idx: np.ndarray, start: float, end: float, sync_offset_s: float | None) -> dict:
    """``duration`` (s covered), ``fps`` (measured from the window's frame timestamps), ``frame_count``, ``sync_offset_s`` (audio start minus video start, s)."""
    duration = max(min(end, s.duration_s) - start, 0.0)
    fps = measured_fps(s, idx)
    return {
        "duration": rounded(duration, 6),
        "fps": fps if fps is not None else (rounded(1.0 / float(s.dt[idx[0]]), 3) if len(idx) else 0.0),
        "frame_count": int(len(idx)),
        "sync_offset_s": None if sync_offset_s is None else rounded(sync_offset_s, 6),
    }


def temporal(s: Signals, start: float, end: float, transitions: list[dict], shot_bounds: list[tuple[float, float]]) -> dict:
    """``cut_count`` (shot changes starting in the window), ``pacing`` (shot changes per minute within ±10 s),
    ``shot_length_s`` (length of the shot holding the window's middle), ``motion_trend`` (of the motion level within ±3 s)."""
    lo, hi = max(0.0, start - PACING_CONTEXT_S), min(s.duration_s, end + PACING_CONTEXT_S)
    changes = [tr["start"] for tr in transitions]
    in_context = sum(lo <= c < hi for c in changes)
    middle = (start + min(end, s.duration_s)) / 2.0
    shot = next((b for b in shot_bounds if b[0] <= middle < b[1]), None)
    if shot is None:  # the middle falls inside a gradual transition: the nearest shot
        shot = min(shot_bounds, key=lambda b: min(abs(b[0] - middle), abs(b[1] - middle)))
    around = s.between(start - MOTION_TREND_CONTEXT_S, end + MOTION_TREND_CONTEXT_S)
    return {
        "cut_count": int(sum(start <= c < end for c in changes)),
        "pacing": rounded(in_context / (hi - lo) * 60.0, 3) if hi > lo else 0.0,
        "shot_length_s": rounded(shot[1] - shot[0], 4),
        "motion_trend": trend(s.t[around], s["diff_mean"][around], MOTION_TREND_LEVELS) if around.size else "steady",
    }


def technical(s: Signals, idx: np.ndarray, facts: dict) -> dict:
    """The container's technical facts (picture size, nominal frame rate, codec, bitrate) as seen in the window:
    ``fps`` is the window's measured rate when it has two frames or more, the stream's nominal rate otherwise."""
    video = facts["video"]
    width, height = video.get("width"), video.get("height")
    fps = measured_fps(s, idx)
    return {
        "width": width,
        "height": height,
        "fps": fps if fps is not None else video.get("fps"),
        "aspect_ratio": rounded(width / height, 4) if width and height else None,
        "display_aspect_ratio": video.get("display_aspect_ratio"),
        "codec": video.get("codec"),
        "bitrate": video.get("bitrate") or facts.get("bitrate"),
    }


def analyse_windows(
    s: Signals,
    window_s: float,
    transitions: list[dict],
    shot_bounds: list[tuple[float, float]],
    facts: dict,
    audio: AudioTrack | None,
    sync_offset_s: float | None,
) -> list[dict]:
    """Every window of the video with every category (``audio_semantic`` None without audio), in its JSON form.

    Each window is validated as a :class:`~aspects.document.Window` and kept only as its JSON dict (the model is
    dropped as soon as it is dumped): a long video's windows are held once, not as models and then dicts again.
    """
    cut_frames = {int(i) for tr in transitions if tr["type"] == "cut" for i in np.flatnonzero(np.isclose(s.t, tr["start"], atol=1e-6))}
    # A fade, dissolve or wipe changes the picture, not the camera: its frames say nothing of the camera's move.
    changing = cut_frames | {int(i) for tr in transitions if tr["type"] != "cut" for i in np.flatnonzero((s.t > tr["start"] + 1e-6) & (s.t <= tr["end"] + 1e-6))}
    # Windows up to the one holding the last frame: a container duration a few ms past it makes no empty sliver window.
    count = int(np.floor(s.t[-1] / window_s + 1e-9)) + 1
    out = []
    for k in range(count):
        start, end = k * window_s, (k + 1) * window_s
        idx = s.between(start, end)
        if idx.size == 0:  # a gap in a variable-rate stream: the frame on screen is the one before
            idx = np.array([max(int(np.searchsorted(s.t, start, side="right")) - 1, 0)])
        out.append(
            Window(
                index=k,
                start=rounded(start, 6),
                end=rounded(min(end, s.duration_s), 6),
                time=time_block(s, s.between(start, end), start, end, sync_offset_s),
                motion=cam.motion(s, idx, cut_frames),
                camera=cam.camera(s, idx, changing),
                gradient=picture.gradient(s, idx),
                lighting=picture.lighting(s, idx),
                composition=picture.composition(s, idx),
                graphics=picture.graphics(s, idx),
                temporal=temporal(s, start, end, transitions, shot_bounds),
                technical=technical(s, idx, facts),
                depth=cam.depth(s, idx, changing),
                audio_semantic=audio_semantic(audio, start, min(end, s.duration_s)) if audio is not None else None,
            ).model_dump(mode="json")
        )
    return out
