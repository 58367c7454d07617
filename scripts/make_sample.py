"""Render the included sample (data/samples/sample.mp4) with moviepy from clips whose content is known.

8 s, 320×180, 25 fps, H.264 + AAC mono 44.1 kHz:

| time     | picture                                                   | sound                       |
|----------|-----------------------------------------------------------|-----------------------------|
| 0–2 s    | solid teal, a white disc moving left → right              | 220 Hz tone + 120 BPM clicks |
| 2.0 s    | hard cut                                                  |                              |
| 2–4 s    | a detailed texture, camera panning right at 0.25 width/s  | 220 Hz tone + 120 BPM clicks |
| 4–6 s    | warm vertical gradient (orange → dark red), fades out to black over 5.2–6 s | low rumble noise |
| 6–8 s    | fades in from black (6–6.8 s) to solid blue, a pulsing yellow square | 120 BPM clicks only |

Run: ``python scripts/make_sample.py [OUT_DIR]`` (default data/samples).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from moviepy import AudioClip, VideoClip, concatenate_videoclips, vfx

W, H, FPS, SR = 320, 180, 25, 44100
TEAL, BLUE, YELLOW = (0, 128, 128), (20, 40, 200), (250, 220, 30)


def disc_shot(t: float) -> np.ndarray:
    frame = np.empty((H, W, 3), np.uint8)
    frame[:] = TEAL
    cx, cy, r = 40 + 120 * t, H // 2, 22
    yy, xx = np.ogrid[:H, :W]
    frame[(xx - cx) ** 2 + (yy - cy) ** 2 <= r * r] = 255
    return frame


def _texture() -> np.ndarray:
    rng = np.random.default_rng(7)
    big_w = W * 2
    yy, xx = np.mgrid[:H, :big_w]
    base = 128 + 60 * np.sin(xx / 7.0) * np.cos(yy / 5.0)
    noise = rng.normal(0, 25, (H, big_w))
    tex = np.clip(base + noise, 0, 255)
    return np.stack([tex, tex * 0.8 + 30, 255 - tex], axis=-1).astype(np.uint8)


TEXTURE = _texture()


def pan_shot(t: float) -> np.ndarray:
    x = int(round(0.25 * W * t))  # camera pans right: the picture slides left
    return TEXTURE[:, x : x + W]


def gradient_shot(t: float) -> np.ndarray:
    ramp = np.linspace(0, 1, H)[:, None, None]
    top, bottom = np.array([255, 140, 0]), np.array([120, 0, 0])
    return np.broadcast_to(top * (1 - ramp) + bottom * ramp, (H, W, 3)).astype(np.uint8)


def square_shot(t: float) -> np.ndarray:
    frame = np.empty((H, W, 3), np.uint8)
    frame[:] = BLUE
    half = int(20 + 15 * abs(np.sin(np.pi * t)))
    frame[H // 2 - half : H // 2 + half, W // 2 - half : W // 2 + half] = YELLOW
    return frame


def clicks(t: np.ndarray, bpm: float = 120.0) -> np.ndarray:
    phase = np.mod(t, 60.0 / bpm)
    return 0.6 * np.exp(-phase * 300) * np.sin(2 * np.pi * 2000 * phase) * (phase < 0.02)


def soundtrack(t) -> np.ndarray:
    t = np.atleast_1d(np.asarray(t, dtype=np.float64))
    rng = np.random.default_rng((t * SR).astype(np.int64) if t.size else 0)
    tone = 0.25 * np.sin(2 * np.pi * 220 * t) * (t < 4)
    rumble = np.where((t >= 4) & (t < 6), 0.15 * np.sin(2 * np.pi * 55 * t) + 0.05 * rng.standard_normal(t.size), 0.0)
    beat = clicks(t) * ((t < 4) | (t >= 6))
    return np.clip(tone + rumble + beat, -1, 1)[:, None]


SPEC = {
    "prompt": "A calm, dreamy abstract short: a white ball drifts across teal water, the camera glides over a textured landscape at sunset, fades to night and a yellow square pulses to a steady beat.",
    "genre": ["abstract", "experimental"],
    "mood": "calm",
    "themes": ["motion", "rhythm"],
    "plots": "journey",
    "settings": ["water", "landscape"],
    "style": ["minimalist", "geometric"],
    "scene_type": ["montage"],
    "audio": {"role": "music", "mood": "calm", "tempo": 120, "presence": "foreground"},
}


def render(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = [
        VideoClip(disc_shot, duration=2),
        VideoClip(pan_shot, duration=2),
        VideoClip(gradient_shot, duration=2).with_effects([vfx.FadeOut(0.8)]),
        VideoClip(square_shot, duration=2).with_effects([vfx.FadeIn(0.8)]),
    ]
    video = concatenate_videoclips(shots).with_audio(AudioClip(soundtrack, duration=8, fps=SR))
    path = out_dir / "sample.mp4"
    video.write_videofile(str(path), fps=FPS, codec="libx264", audio_codec="aac", audio_fps=SR, audio_nbytes=2, preset="medium", ffmpeg_params=["-crf", "28", "-ac", "1"], logger=None)
    (out_dir / "sample.json").write_text(json.dumps(SPEC, indent=2) + "\n")
    return path


if __name__ == "__main__":
    print(render(Path(sys.argv[1] if len(sys.argv) > 1 else "data/samples")))
