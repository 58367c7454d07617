"""Whole-video blends: palette, dominant colour, colour script, motion, audio and pacing summaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from aspects.document import AudioBlend, Blends, MotionBlend, PacingBlend
from aspects.dynamic.audio_semantic import AudioTrack
from aspects.dynamic.signals import Signals, rounded
from aspects.measure.sound import BS1770_OFFSET_LU, LOUDNESS_FLOOR_LUFS, lufs_of_mean_square

PALETTE_SIZE = 6
PALETTE_BITS = 4  # colours are pooled on a 16-level-per-channel grid
GATE_BLOCK_S, GATE_STEP_S = 0.4, 0.1  # ITU-R BS.1770 gating blocks: 400 ms, 75 % overlap
ABSOLUTE_GATE_LUFS, RELATIVE_GATE_LU = -70.0, -10.0


def _colour_weights(s: Signals, idx: np.ndarray) -> dict[tuple, list]:
    """Screen-time × area of each pooled dominant colour over frames ``idx``: key → [weight, Σw·r, Σw·g, Σw·b]."""
    pools: dict[tuple, list] = {}
    shift = 8 - PALETTE_BITS
    for i in idx:
        rgb = np.array([s["color_r"][i], s["color_g"][i], s["color_b"][i]])
        w = float(s.dt[i] * s["color_share"][i])
        key = tuple(int(c) >> shift for c in rgb)
        acc = pools.setdefault(key, [0.0, 0.0, 0.0, 0.0])
        acc[0] += w
        acc[1:] = [a + w * c for a, c in zip(acc[1:], rgb)]
    return pools


def _colour(acc: list, total: float) -> dict:
    w = acc[0]
    return {"r": int(round(acc[1] / w)), "g": int(round(acc[2] / w)), "b": int(round(acc[3] / w)), "share": rounded(w / total if total > 0 else 0.0)}


def palette(s: Signals, idx: np.ndarray | None = None, size: int = PALETTE_SIZE) -> list[dict]:
    """Top ``size`` colours of the frames' dominant colour regions, each with its share (0–1) of their screen time × area."""
    idx = np.arange(len(s)) if idx is None else idx
    pools = _colour_weights(s, idx)
    total = sum(acc[0] for acc in pools.values())
    top = sorted(pools.values(), key=lambda acc: -acc[0])[:size]
    return [_colour(acc, total) for acc in top if acc[0] > 0]


def integrated_loudness(frame_t: np.ndarray, frame_dt: np.ndarray, weight: np.ndarray) -> float | None:
    """Integrated loudness (LUFS) with ITU-R BS.1770 gating, from the per-frame K-weighted loudness ``weight`` (0–1 over −70…0 LUFS).

    Each frame's mean square is recovered from its loudness, pooled into
    400 ms blocks every 100 ms, gated at −70 LUFS and then 10 LU below the
    mean of what passed. None when nothing passes (silence).
    """
    ok = np.isfinite(weight) & (weight > 0)
    if not ok.any():
        return None
    lufs = weight * -LOUDNESS_FLOOR_LUFS + LOUDNESS_FLOOR_LUFS
    ms = np.where(ok, 10 ** ((lufs - BS1770_OFFSET_LU) / 10.0), 0.0)
    starts = np.arange(frame_t[0], max(frame_t[-1] + frame_dt[-1] - GATE_BLOCK_S, frame_t[0]) + 1e-9, GATE_STEP_S)
    block_ms: list[float] = []
    for b in starts:
        inside = (frame_t >= b) & (frame_t < b + GATE_BLOCK_S)
        if inside.any():
            block_ms.append(float(np.average(ms[inside], weights=frame_dt[inside])))
    blocks = np.array(block_ms)
    loud = lufs_of_mean_square(np.maximum(blocks, 1e-20))
    gated = blocks[loud > ABSOLUTE_GATE_LUFS]
    if gated.size == 0:
        return None
    relative = lufs_of_mean_square(gated.mean()) + RELATIVE_GATE_LU
    final = gated[lufs_of_mean_square(gated) > relative]
    return float(lufs_of_mean_square(final.mean()))


def blends(s: Signals, windows: Sequence[dict], transitions: list[dict], shot_bounds: list[tuple[float, float]], audio: AudioTrack | None) -> Blends:
    """The ``blends`` block of the analysis document (DESIGN §3)."""
    colours = palette(s)
    script = []
    for start, end in shot_bounds:
        idx = s.between(start, end)
        if idx.size:
            top = palette(s, idx, size=1)
            if top:
                script.append({"start": rounded(start, 6), "end": rounded(end, 6), **{k: top[0][k] for k in ("r", "g", "b")}})
    cameras = Counter(w["camera"]["motion_type"] for w in windows)
    directions = Counter(w["motion"]["direction"] for w in windows)
    levels = np.array([w["motion"]["level"] for w in windows], dtype=float)
    shot_lengths = np.array([b - a for a, b in shot_bounds], dtype=float)
    minutes = s.duration_s / 60.0
    return Blends(
        palette=colours,
        dominant_color=colours[0] if colours else None,
        color_script=script,
        motion=MotionBlend(
            level=rounded(float(levels.mean()) if levels.size else 0.0),
            camera=cameras.most_common(1)[0][0] if cameras else "static",
            camera_share={k: rounded(v / len(windows)) for k, v in cameras.items()},
            direction=directions.most_common(1)[0][0] if directions else "neutral",
            speed=rounded(float(np.mean([w["motion"]["speed"] for w in windows])) if windows else 0.0),
        ),
        audio=_audio_summary(s, windows, audio),
        pacing=PacingBlend(
            cuts_per_minute=rounded(sum(t["type"] == "cut" for t in transitions) / minutes, 3) if minutes > 0 else 0.0,
            transitions_per_minute=rounded(len(transitions) / minutes, 3) if minutes > 0 else 0.0,
            shot_count=len(shot_bounds),
            mean_shot_length_s=rounded(float(shot_lengths.mean()) if shot_lengths.size else 0.0),
            transition_types=dict(Counter(t["type"] for t in transitions)),
        ),
    )


def _audio_summary(s: Signals, windows: Sequence[dict], audio: AudioTrack | None) -> AudioBlend | None:
    if audio is None:
        return None
    bpm = audio.video_tempo
    weight = audio.sound.get("weight", np.full(len(s), np.nan))
    loudness = integrated_loudness(s.t, s.dt, weight) if len(s) else None
    roles = Counter(w["audio_semantic"]["role"] for w in windows if w.get("audio_semantic"))
    families = Counter(f for w in windows if w.get("audio_semantic") for f in w["audio_semantic"]["instruments"])
    return AudioBlend(
        integrated_lufs=None if loudness is None else rounded(loudness, 2),
        tempo_bpm=None if bpm is None else rounded(bpm, 2),
        role=roles.most_common(1)[0][0] if roles else "silence",
        role_share={k: rounded(v / len(windows)) for k, v in roles.items()},
        instruments=[f for f, _ in sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))],  # heard in most windows first
    )
