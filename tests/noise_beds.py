"""Ground truth for sound over noise (issue 11n): drum grooves over noise and pad beds, and low noise.

- :func:`bed_clips` (split): General MIDI drum grooves (kits of FluidR3 GM: standard, room, power, electronic,
  TR-808, jazz, brush, orchestra) at several tempi over a *bed* that starts :data:`LEAD_IN_S` before the first hit
  and runs to the end: white, pink or brown Gaussian noise, rain (pink noise plus droplets: short decaying bursts
  at random times), or a held GM pad chord. The bed's RMS is ``under_db`` under the drums' loud level (the 95th
  percentile of their 46 ms RMS, about a hit's level). Truth: each hit's time and dominant drum; every frame of
  the lead-in is bed only, where a drum name is false.
- :func:`low_noise`: Gaussian noise entirely under 80 or 120 Hz (a rumble, a wind's lowest band), which the
  21.5 Hz bins of the fine envelope resolve into a few bins.

Splits differ in seed, kits, tempi, bed levels and pad programs: ``tune`` (rules looked at), ``fresh`` (read once
with main's rules before any change, then only at the end), ``blind`` (made at the end, read once with each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests.audio_corpus import DRUM_CH, SR, Clip, groove, note, program
from tests.voice_corpus import render

KITS = {"standard": 0, "room": 8, "power": 16, "electronic": 24, "tr808": 25, "jazz": 32, "brush": 40, "orchestra": 48}
BEDS = ("white", "pink", "brown", "rain", "pad")
LEAD_IN_S = 1.2  # bed alone before the first hit (s)
BARS = 2
SPLITS = {
    "tune": {"seed": 101, "kits": ("standard", "room", "power", "tr808"), "tempi": (84.0, 112.0, 140.0), "under_db": (10.0, 20.0, 30.0), "pads": (89, 48, 94)},
    "fresh": {"seed": 202, "kits": ("electronic", "jazz", "brush", "orchestra", "standard"), "tempi": (72.0, 126.0, 165.0), "under_db": (12.0, 18.0, 26.0), "pads": (91, 50, 88)},
    "blind": {"seed": 303, "kits": ("room", "power", "tr808", "jazz", "electronic"), "tempi": (95.0, 132.0, 176.0), "under_db": (11.0, 16.0, 24.0, 29.0), "pads": (92, 49, 95)},
}
PAD_CHORDS = ([48, 55, 60, 64], [45, 52, 57, 60], [50, 57, 62, 65], [43, 50, 55, 59])


@dataclass
class BedClip:
    """One drums-over-bed clip: its mixed samples at :data:`SR`, hits ``(s, drum)``, and what the bed is."""

    name: str
    bed: str
    under_db: float
    kit: str
    bpm: float
    samples: np.ndarray = field(repr=False)
    hits: list[tuple[float, str]]


def shaped_noise(shape, seconds: float, seed: int) -> np.ndarray:
    """Unit-RMS Gaussian noise: "white", "pink" (1/f power), "brown" (1/f²) or a (low Hz, high Hz) band."""
    n = int(round(seconds * SR))
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1.0 / SR)
    if shape == "pink":
        spectrum = spectrum / np.sqrt(np.maximum(freqs, 1.0))
    elif shape == "brown":
        spectrum = spectrum / np.maximum(freqs, 1.0)
    elif shape != "white":
        lo, hi = shape
        spectrum[(freqs < lo) | (freqs > hi)] = 0.0
    x = np.fft.irfft(spectrum, n)
    return (x / x.std()).astype(np.float32)


def rain(seconds: float, seed: int) -> np.ndarray:
    """Unit-RMS rain: pink noise with droplets, 1–4 ms decaying bursts of white noise at 150 a second (Poisson), their
    amplitudes log-normal, together as loud as the pink noise."""
    rng = np.random.default_rng(seed)
    n = int(round(seconds * SR))
    bed = shaped_noise("pink", seconds, seed + 1)
    drops = np.zeros(n, np.float32)
    for t in rng.uniform(0, seconds, int(150 * seconds)):
        k = int(t * SR)
        length = int(rng.uniform(0.001, 0.004) * SR)
        burst = rng.standard_normal(length) * np.exp(-np.arange(length) / (0.3 * length)) * rng.lognormal(0.0, 0.7)
        drops[k : k + length] += burst[: n - k].astype(np.float32)
    drops = drops / max(float(drops.std()), 1e-9)
    x = bed + drops
    return (x / x.std()).astype(np.float32)


def _loud_level(x: np.ndarray) -> float:
    """RMS of the 95th percentile 46 ms block of ``x``: about the level of a hit."""
    block = 1024
    blocks = x[: x.size // block * block].reshape(-1, block)
    return float(np.percentile(np.sqrt(np.mean(blocks**2, axis=1)), 95))


def bed_samples(bed: str, pad: np.ndarray, seconds: float, seed: int) -> np.ndarray:
    """A bed of kind ``bed`` (one of :data:`BEDS`) at unit RMS: the rendered ``pad`` (its RMS read after its 0.3 s
    attack), rain or Gaussian noise of ``seconds``."""
    if bed == "pad":
        return pad / max(float(np.sqrt(np.mean(pad[int(0.3 * SR) :] ** 2))), 1e-9)
    return rain(seconds, seed) if bed == "rain" else shaped_noise(bed, seconds, seed)


def bed_clips(split: str, workdir: Path) -> list[BedClip]:
    """Every bed × every level of ``split`` (kits, tempi and pad programs cycling), rendered and mixed."""
    spec = SPLITS[split]
    rng = np.random.default_rng(spec["seed"])
    plan, drums, pads = [], [], []
    k = 0
    for bed in BEDS:
        for under in spec["under_db"]:
            kit = spec["kits"][k % len(spec["kits"])]
            bpm = spec["tempi"][(k + k // len(spec["tempi"])) % len(spec["tempi"])]
            swing = 0.5 if k % 4 else 0.62
            pattern = groove(bpm, bars=BARS, swing=swing, start_s=LEAD_IN_S)
            duration = pattern[-1][0] + 60.0 / bpm + 0.6
            d = Clip(f"{split}_{bed}_{int(under)}_{kit}_{int(bpm)}", duration, kind="drums")
            d.events.append((0.0, bytes([0xC0 | DRUM_CH, KITS[kit]])))
            velocity = int(rng.integers(80, 124))
            for t, names in pattern:
                for name in names:
                    d.events += note(DRUM_CH, {"kick": 36, "snare": 38, "hihat": 42}[name], t, t + 0.1, velocity)
                d.hits.append((t, next(n for n in ("kick", "snare", "clap", "hihat") if n in names)))
            p = Clip(d.name, duration, kind="tonal")
            if bed == "pad":
                prog = spec["pads"][k % len(spec["pads"])]
                p.events.append(program(0, prog, 0.0))
                for pitch in PAD_CHORDS[k % len(PAD_CHORDS)]:
                    p.events += note(0, pitch, 0.0, duration - 0.3, 90)
            plan.append((bed, under, kit, bpm, k))
            drums.append(d)
            pads.append(p)
            k += 1
    drum_audio = render(drums, workdir / "drums", "render.wav")
    pad_audio = render(pads, workdir / "pads", "render.wav")
    out = []
    for (bed, under, kit, bpm, k), d, x, pad in zip(plan, drums, drum_audio, pad_audio):
        b = bed_samples(bed, pad, d.duration_s, spec["seed"] * 100 + k)
        mix = x + b[: x.size] * _loud_level(x) * 10 ** (-under / 20)
        peak = float(np.abs(mix).max())
        if peak > 0.98:
            mix *= 0.98 / peak
        out.append(BedClip(d.name, bed, under, kit, bpm, mix.astype(np.float32), d.hits))
    return out


LOW_NOISE = {  # kind -> band (Hz)
    "low80": (0.0, 80.0),
    "low120": (0.0, 120.0),
    "band30-80": (30.0, 80.0),
    "band40-120": (40.0, 120.0),
}


def low_noise(kind: str, seconds: float, level_dbfs: float, seed: int) -> np.ndarray:
    """Noise of ``LOW_NOISE[kind]`` at ``level_dbfs`` RMS."""
    return shaped_noise(LOW_NOISE[kind], seconds, seed) * np.float32(10 ** (level_dbfs / 20))
