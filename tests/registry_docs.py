"""Hand-built analysis documents (DESIGN §3) for registry tests: every value chosen, so every key is known."""

from __future__ import annotations

import hashlib


def sha(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def frame(i: int, rgb: tuple[int, int, int], sound: dict | None = None, opacity: float = 1.0) -> dict:
    r, g, b = rgb
    return {"index": i, "t": i / 10, "color": {"r": r, "g": g, "b": b, "opacity": opacity, "key": None, "name": None}, "sound": sound}


HUM = {"amplitude": 0.05, "weight": 0.45, "tone": "low", "pitch_hz": 60.0, "timbre": "tonal", "primitive": "hum"}
HISS = {"amplitude": 0.2, "weight": 0.7, "tone": "high", "pitch_hz": 8000.0, "timbre": "noisy", "primitive": "hiss"}
SILENCE = {"amplitude": 0.0, "weight": 0.0, "tone": "silent", "pitch_hz": None, "timbre": "silent", "primitive": "silence"}


def window(k: int, *, camera: str = "static", speed: float = 0.0, level: float = 0.2, audio: dict | None = None) -> dict:
    return {
        "index": k,
        "start": float(k),
        "end": float(k + 1),
        "time": {"duration": 1.0, "fps": 10.0, "frame_count": 10, "sync_offset_s": 0.0 if audio else None},
        "motion": {"level": level, "std": 0.1, "trend": "steady", "direction": "neutral" if camera == "static" else "horizontal", "rhythm": "steady"},
        "camera": {"motion_type": camera, "speed": speed, "steadiness": 0.95},
        "gradient": {"gradient_type": "none", "strength": 0.0},
        "lighting": {"brightness": 0.5, "contrast": 0.2, "saturation": 0.8, "color_temperature": "warm", "key_intensity": "normal", "trend": "steady"},
        "composition": {"center_x": 0.5, "center_y": 0.5, "balance": 0.0, "symmetry": 0.9},
        "graphics": {"edge_density": 0.01, "spatial_variance": 2.0, "busyness": 0.1},
        "temporal": {"pacing": 0.0, "cut_count": 0, "shot_length_s": 1.0, "motion_trend": "steady"},
        "technical": {"width": 128, "height": 72, "fps": 10.0, "aspect_ratio": 16 / 9, "codec": "h264"},
        "depth": {"parallax_strength": 0.0, "layer_count": 1},
        "audio_semantic": audio,
    }


def document(
    label: str, colors: list[tuple[int, int, int]], *, sounds: list[dict | None] | None = None, windows: list[dict] | None = None, transitions: list[dict] | None = None, narrative: dict | None = None
) -> dict:
    """A document whose frame i has ``colors[i]`` (and ``sounds[i]``)."""
    sounds = sounds if sounds is not None else [None] * len(colors)
    palette = {}
    for rgb in colors:
        palette[rgb] = palette.get(rgb, 0) + 1 / len(colors)
    return {
        "schema_version": 2,
        "video": {"path": f"{label}.mp4", "sha256": sha(label)},
        "frames": [frame(i, rgb, s) for i, (rgb, s) in enumerate(zip(colors, sounds))],
        "windows": windows if windows is not None else [window(0)],
        "transitions": transitions or [],
        "blends": {"palette": [{"r": r, "g": g, "b": b, "share": s} for (r, g, b), s in palette.items()], "pacing": {"cuts_per_minute": 0.0}},
        "narrative": narrative or {},
    }


RED, ORANGE, NAVY, WHITE, TEAL = (255, 0, 0), (255, 140, 0), (10, 20, 90), (255, 255, 255), (12, 200, 180)


def video_a() -> dict:
    return document(
        "a",
        [RED] * 6 + [WHITE] * 4,
        sounds=[HUM] * 6 + [SILENCE] * 4,
        windows=[window(0, camera="pan_left", speed=0.1, level=5.0, audio={"role": "music", "presence": 0.9, "tempo_bpm": 120.0, "mood": "happy"})],
        transitions=[{"type": "cut", "start": 0.6, "end": 0.6, "duration": 0.0}],
        narrative={"genre": ["science fiction"], "mood": ["happy"], "settings": ["desert"]},
    )


def video_b() -> dict:
    return document(
        "b",
        [RED] * 3 + [NAVY] * 5 + [(131, 7, 201)] * 2,
        sounds=[HISS] * 10,
        windows=[window(0), window(1, camera="zoom_in", speed=0.3, level=12.0)],
        transitions=[{"type": "dissolve", "start": 0.9, "end": 1.5, "duration": 0.6}],
        narrative={"genre": ["space opera"], "style": ["noir"]},
    )


def video_c() -> dict:
    return document(
        "c",
        [TEAL] * 5 + [ORANGE] * 5 + [(200, 190, 40)] * 2,
        sounds=[SILENCE] * 12,
        windows=[window(0, camera="tilt_up", speed=0.02, level=1.0), window(1, camera="handheld", speed=0.5, level=35.0)],
        narrative={"genre": ["science fiction", "documentary"], "themes": ["memory"]},
    )
