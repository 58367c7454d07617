"""A generated corpus of camera moves with known truth (tests and ``bench/bench_camera.py``).

Stills are drawn with NumPy (so their content is known: texture, smooth
gradients, soft shapes, flat areas with a few edges) and moved by ffmpeg
filters whose expressions give the truth:

- pans and tilts: ``crop`` of a 512×288 window whose top-left moves
  ``x0 + v·t`` pixels, scaled to 256×144 (the analysis size, so decode does not
  resize again). ffmpeg rounds the crop position to whole pixels, so the
  true position of frame n is ``round(x0 + v·n/fps)`` / 2 analysis pixels;
- zooms: ``zoompan`` with ``z = z0·exp(±r·on/fps)`` (a constant rate of
  ln-scale per second); zoompan crops ``floor(iw/z)`` pixels, so the true
  scale of frame n is ``iw / floor(iw/z(n))``;
- moving objects: ``overlay`` of a shape whose position is an expression in t.

Speeds are in frame widths per second (zoom: ln-scale per second), as the
analysis reports them.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from tests.media import make_video

ANALYSIS = (256, 144)
CROP = (512, 288)  # the moving window, at twice the analysis size: positions are known to half an analysis pixel
STILL = (1400, 1000)
ZOOM_STILL = (1280, 720)  # zoompan crops whole pixels: the scale's quantum is under 0.1 % per frame, well under 1 % over a window


def _blur_noise(rng: np.random.Generator, size: tuple[int, int], sigma: float) -> np.ndarray:
    w, h = size
    noise = rng.random((h, w, 3)).astype(np.float32)
    blurred = cv2.GaussianBlur(noise, (0, 0), sigma)
    return cv2.normalize(blurred, None, 0, 255, cv2.NORM_MINMAX)


def still_picture(kind: str, size: tuple[int, int] = STILL, seed: int = 1, window_px: float = CROP[0]) -> np.ndarray:
    """An RGB uint8 still of ``kind``, drawn for a frame that shows ``window_px`` of its pixels across.

    - ``texture``: colour noise blurred by σ = 1.2 % of the window (3 analysis pixels; detail everywhere);
    - ``gradient``: a smooth colour field, no detail at all (broad ramps and bowls,
      wavelengths longer than the crop window): the usual generated background;
    - ``shapes``: a gradient with a few large soft colour blobs (σ = 6–18 % of the window);
    - ``sparse``: flat colour with a few sharp-edged rectangles and discs.
    """
    w, h = size
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    unit = window_px / CROP[0]  # still pixels per crop-window pixel
    if kind == "texture":
        return _blur_noise(rng, size, 6.0 * unit).astype(np.uint8)
    u, v = xx / window_px, yy / window_px  # in window widths
    field = np.zeros((h, w, 3), np.float32)
    for c in range(3):
        phase = rng.uniform(0, 2 * math.pi, 3)
        field[..., c] = (
            128
            + 60 * np.sin(2 * math.pi * (u / 1.7) + phase[0])
            + 50 * np.cos(2 * math.pi * (v / 1.3 + u / 3.1) + phase[1])
            + 30 * np.sin(2 * math.pi * ((u - 1.1) ** 2 + (v - 0.8) ** 2) / 2.3 + phase[2])
        )
    if kind == "shapes":
        for _ in range(int(w * h / (90000 * unit**2))):
            cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(30, 90) * unit
            colour = rng.uniform(-90, 90, 3).astype(np.float32)
            blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r**2))[..., None]
            field += blob * colour
    elif kind == "sparse":
        field[:] = rng.uniform(60, 190, 3)
        for _ in range(int(w * h / (20000 * unit**2))):
            colour = tuple(float(c) for c in rng.uniform(0, 255, 3))
            cx, cy, r = int(rng.uniform(0, w)), int(rng.uniform(0, h)), int(rng.uniform(15, 60) * unit)
            if rng.random() < 0.5:
                cv2.circle(field, (cx, cy), r, colour, -1, lineType=cv2.LINE_AA)
            else:
                cv2.rectangle(field, (cx - r, cy - r // 2), (cx + r, cy + r // 2), colour, -1)
    elif kind != "gradient":
        raise ValueError(f"unknown still kind {kind!r}")
    return np.clip(field, 0, 255).astype(np.uint8)


def write_still(path: Path, kind: str, size: tuple[int, int] = STILL, seed: int = 1, window_px: float = CROP[0]) -> Path:
    if not path.exists():
        cv2.imwrite(str(path), cv2.cvtColor(still_picture(kind, size, seed, window_px), cv2.COLOR_RGB2BGR))
    return path


@dataclass(frozen=True, kw_only=True)
class Shot:
    """What every corpus clip has: the ``content`` still (drawn with ``seed``), frame rate and length."""

    content: str = "texture"
    seed: int = 1
    fps: float = 25
    duration_s: float = 2.0

    def still(self, folder: Path, size: tuple[int, int] = STILL, window_px: float = CROP[0]) -> Path:
        tag = "" if self.seed == 1 else f"_s{self.seed}"
        return write_still(folder / f"{self.content}{tag}_{size[0]}x{size[1]}.png", self.content, size, self.seed, window_px)

    def tag(self) -> str:
        """The content, seed and frame rate as a clip's file name shows them."""
        return f"{self.content}{'' if self.seed == 1 else f's{self.seed}'}_{self.fps:g}fps"


@dataclass(frozen=True)
class Move(Shot):
    """A camera move at ``speed`` (frame widths per second; zoom: ln-scale per second) of ``kind``
    (pan_left, pan_right, tilt_up, tilt_down, zoom_in, zoom_out, static) over a ``content`` still."""

    kind: str
    speed: float
    crf: int = 18
    post: str = ""  # filters applied after the move (grain, flicker, a fade), e.g. "noise=alls=12:allf=t"

    @property
    def name(self) -> str:
        extra = f"_{zlib.crc32(self.post.encode()):08x}" if self.post else ""
        return f"{self.kind}_{self.speed * 100:g}pct_{self.tag()}_{self.duration_s:g}s_crf{self.crf}{extra}"

    def frame_times(self) -> np.ndarray:
        return np.arange(int(round(self.duration_s * self.fps))) / self.fps

    # Pans and tilts: the crop window moves; a window moving right is a camera panning right.
    def _window_velocity_px_s(self) -> tuple[float, float]:
        v = self.speed * CROP[0]
        return {"pan_right": (v, 0.0), "pan_left": (-v, 0.0), "tilt_down": (0.0, v), "tilt_up": (0.0, -v)}.get(self.kind, (0.0, 0.0))

    def _start(self) -> tuple[float, float]:
        vx, vy = self._window_velocity_px_s()
        return (STILL[0] - CROP[0]) / 2 - vx * self.duration_s / 2, (STILL[1] - CROP[1]) / 2 - vy * self.duration_s / 2

    def positions(self) -> np.ndarray:
        """Window top-left of every frame in frame widths (x, y), as ffmpeg's crop rounds it."""
        (x0, y0), (vx, vy) = self._start(), self._window_velocity_px_s()
        t = self.frame_times()
        return np.stack([np.floor(x0 + vx * t + 0.5), np.floor(y0 + vy * t + 0.5)], axis=1) / CROP[0]

    def zooms(self) -> np.ndarray:
        """ln of the true scale of every frame (zoompan's whole-pixel crop width)."""
        n = np.arange(len(self.frame_times()))
        z = self._zoom0() * np.exp(self._zoom_sign() * self.speed * n / self.fps)
        return np.log(ZOOM_STILL[0] / np.floor(ZOOM_STILL[0] / z))

    def _zoom_sign(self) -> int:
        return {"zoom_in": 1, "zoom_out": -1}.get(self.kind, 0)

    def _zoom0(self) -> float:
        return 1.1 if self.kind == "zoom_in" else 1.1 * math.exp(self.speed * self.duration_s) if self.kind == "zoom_out" else 1.0

    def render(self, folder: Path) -> Path:
        path = folder / f"{self.name}.mp4"
        if path.exists():
            return path
        if self.kind.startswith("zoom"):
            still = self.still(folder, ZOOM_STILL, window_px=ZOOM_STILL[0] / 1.2)
            z = f"{self._zoom0():.9f}*exp({self._zoom_sign() * self.speed:.9f}*on/{self.fps:g})"
            graph = f"[0:v]zoompan=z='{z}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s={ANALYSIS[0]}x{ANALYSIS[1]}:fps={self.fps:g}"
        else:
            still = self.still(folder)
            (x0, y0), (vx, vy) = self._start(), self._window_velocity_px_s()
            crop = f"crop={CROP[0]}:{CROP[1]}:x='{x0:.6f}+{vx:.6f}*t':y='{y0:.6f}+{vy:.6f}*t'"
            graph = f"[0:v]{crop},scale={ANALYSIS[0]}:{ANALYSIS[1]}:flags=area"
        graph += (f",{self.post}" if self.post else "") + ",format=yuv420p[v]"
        return make_video(path, still, duration_s=self.duration_s, fps=self.fps, filter_complex=graph, crf=self.crf)

    def window_truth(self, t: np.ndarray, first: int, last: int) -> dict[str, float]:
        """True picture velocity over frames ``first``..``last``: the least-squares slope of the true path through
        the frame before ``first`` (when there is one) and the window's frames, as the analysis fits it.
        ``vx``, ``vy`` frame widths per second (positive: picture moves right / down), ``vz`` ln-scale per second."""
        frames = np.arange(max(first - 1, 0), last + 1)
        times = t[frames] - t[frames].mean()
        pos, zoom = self.positions()[frames], self.zooms()[frames]
        slope = lambda v: float(times @ v / (times @ times))  # noqa: E731
        return {"vx": -slope(pos[:, 0]), "vy": -slope(pos[:, 1]), "vz": slope(zoom)}


@dataclass(frozen=True)
class Layered(Shot):
    """A camera pan at ``camera_speed`` (frame widths per second; positive: the camera pans right) over ``content``
    with ``objects`` textured squares, each ``object_size`` of the frame width, crossing the frame at ``object_speed``
    (frame widths per second in the picture; positive: moving right)."""

    camera_speed: float
    object_speed: float
    objects: int = 1
    object_size: float = 0.2

    @property
    def name(self) -> str:
        return f"layered_cam{self.camera_speed * 100:g}_obj{self.object_speed * 100:g}x{self.objects}_{self.object_size * 100:g}_{self.tag()}"

    def render(self, folder: Path) -> Path:
        path = folder / f"{self.name}.mp4"
        if path.exists():
            return path
        still = self.still(folder)
        patch = write_still(folder / "patch.png", "texture", (400, 400), seed=7)
        vx = self.camera_speed * CROP[0]
        x0 = (STILL[0] - CROP[0]) / 2 - vx * self.duration_s / 2
        y0 = (STILL[1] - CROP[1]) / 2
        side = int(round(self.object_size * CROP[0]))
        ov = self.object_speed * CROP[0]
        graph = f"[0:v]crop={CROP[0]}:{CROP[1]}:x='{x0:.6f}+{vx:.6f}*t':y={y0:.0f}[bg];[1:v]crop={side}:{side}:0:0,split={self.objects}"
        graph += "".join(f"[o{k}]" for k in range(self.objects)) + ";"
        current = "bg"
        for k in range(self.objects):
            start = CROP[0] / 2 - ov * self.duration_s / 2 - side / 2 + (k - (self.objects - 1) / 2) * side * 1.6
            top = (CROP[1] - side) / 2 + (k % 2) * 0.3 * side
            graph += f"[{current}][o{k}]overlay=x='{start:.3f}+{ov:.3f}*t':y={top:.0f}[l{k}];"
            current = f"l{k}"
        graph += f"[{current}]scale={ANALYSIS[0]}:{ANALYSIS[1]}:flags=area,format=yuv420p[v]"
        return make_video(path, still, patch, duration_s=self.duration_s, fps=self.fps, filter_complex=graph, crf=18)
