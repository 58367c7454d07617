"""Ground truth for audio roles, made here: speech, music, speech over music, ambient, sfx, silence.

Every clip is one role from start to end, so every window of it has that
role (speech over music: role ``speech`` with layers ``speech`` and
``music``). Sounds are synthesised with NumPy from recipes with varied
parameters (keys, tempi, timbres, levels, noise colours, event times), and
speech comes from espeak-ng with several voices and speeds. Each clip is
muxed as AAC with a small still picture into an MP4, so analysis goes
through the real decoder.

Recipes (seconds, full scale 1):

- music: a band (kick/snare/hi-hat, bass, chords, arpeggio) at 80–150 BPM;
  chords and arpeggio without drums; a drum groove alone; a lead melody
  over a pad. Notes are additive tones (harmonics with an attack/decay
  envelope), drums decaying noise and pitch-swept sines.
- ambient: brown, pink and white noise; rain (a dense random patter of
  short filtered clicks over soft pink noise); wind (low-passed noise
  slowly modulated in level).
- sfx: isolated events at irregular times with quiet gaps: thuds/impacts,
  beeps, glass-like clinks, whooshes.
- speech: espeak-ng sentences; under a voice-over the music bed sits 10–16 dB
  (RMS) below the voice.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.signal import butter, lfilter, sosfilt

from tests.media import mux_wav, write_wav

SR = 22050
PICTURE = "color=c=0x304050:s=160x90:r=25"
TEXTS = (
    "The quick brown fox jumps over the lazy dog, and then it runs away across the field towards the river.",
    "Speech synthesis makes a fine test of the audio role, because it has syllables and pauses like a real voice.",
    "Please remember to bring your umbrella tomorrow morning, the forecast says it will rain all day long.",
    "In the beginning there was only darkness, and then a small light appeared far away on the horizon.",
)
VOICES = ("en", "en-us+f3", "en+m3", "en-gb+f2")


@dataclass
class Clip:
    name: str
    role: str
    layers: tuple[str, ...]
    samples: np.ndarray
    path: Path | None = None


def midi_hz(m: float) -> float:
    return 440.0 * 2 ** ((m - 69) / 12)


def tone(freq: float, dur: float, *, harmonics=(1.0, 0.5, 0.33, 0.25), attack: float = 0.01, decay: float = 3.0, sustain: float = 0.0) -> np.ndarray:
    """An additive tone: harmonics of ``freq`` Hz, linear attack, exponential decay towards ``sustain``."""
    t = np.arange(int(dur * SR)) / SR
    x = sum(a * np.sin(2 * np.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics) if freq * (k + 1) < SR / 2)
    env = np.minimum(t / attack, 1.0) * (sustain + (1 - sustain) * np.exp(-t * decay))
    release = np.minimum(1.0, (dur - t) / 0.02)
    return x * env * release


def _add(out: np.ndarray, x: np.ndarray, t: float) -> None:
    s = int(t * SR)
    if s < out.size:
        n = min(x.size, out.size - s)
        out[s : s + n] += x[:n]


def kick() -> np.ndarray:
    t = np.arange(int(0.18 * SR)) / SR
    return np.sin(2 * np.pi * np.cumsum(50 + 110 * np.exp(-t * 35)) / SR) * np.exp(-t * 22)


def snare(rng) -> np.ndarray:
    t = np.arange(int(0.18 * SR)) / SR
    return 0.6 * rng.standard_normal(t.size) * np.exp(-t * 28) + 0.4 * np.sin(2 * np.pi * 190 * t) * np.exp(-t * 30)


def hihat(rng) -> np.ndarray:
    t = np.arange(int(0.05 * SR)) / SR
    return np.diff(rng.standard_normal(t.size + 1)) * np.exp(-t * 90) * 0.5


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x))))


def normalise(x: np.ndarray, peak: float) -> np.ndarray:
    m = float(np.abs(x).max())
    return (x / m * peak).astype(np.float32) if m > 0 else x.astype(np.float32)


PROGRESSIONS = ([0, 4, 7], [-3, 0, 4], [5, 9, 12], [7, 11, 14]), ([0, 3, 7], [5, 8, 12], [-2, 2, 5], [7, 10, 14])


def music(dur: float, *, bpm: float, root: int, seed: int, drums: bool = True, chords: bool = True, bass: bool = True, arp: bool = True, minor: bool = False, timbre: int = 0) -> np.ndarray:
    """A band at ``bpm``: drums (kick on 1 and 3, snare on 2 and 4, eighth hi-hats), bass, chords, arpeggio."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(dur * SR))
    beat = 60.0 / bpm
    prog = PROGRESSIONS[int(minor)]
    harmonic_sets = ((1.0, 0.5, 0.33, 0.25), (1.0, 0.2, 0.6, 0.1, 0.3), (1.0, 0.7, 0.5, 0.4, 0.3, 0.2))
    h = harmonic_sets[timbre % 3]
    for b in range(int(np.ceil(dur / beat))):
        t = b * beat
        chord = [root + n for n in prog[(b // 4) % 4]]
        if chords:
            for m in chord:
                _add(out, 0.16 * tone(midi_hz(m), beat * 0.95, harmonics=h, decay=1.2, sustain=0.3), t)
        if bass:
            _add(out, 0.35 * tone(midi_hz(chord[0] - 24), beat * 0.9, harmonics=(1.0, 0.4, 0.1), decay=2.0), t)
        if arp:
            _add(out, 0.14 * tone(midi_hz(chord[b % 3] + 12), beat * 0.45, harmonics=(1.0, 0.3, 0.1), decay=5.0), t + beat / 2)
        if drums:
            _add(out, 0.7 * (kick() if b % 2 == 0 else snare(rng)), t)
            for half in (0.0, 0.5):
                _add(out, 0.25 * hihat(rng), t + half * beat)
    return out


def melody_over_pad(dur: float, *, root: int, seed: int) -> np.ndarray:
    """A lead melody (random steps in a major scale, 0.25–0.5 s notes) over a slow sustained pad chord."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(dur * SR))
    for k, t in enumerate(np.arange(0.0, dur, 2.0)):
        for m in PROGRESSIONS[0][k % 4]:
            _add(out, 0.1 * tone(midi_hz(root + m), 2.0, harmonics=(1.0, 0.6, 0.4, 0.3, 0.2), attack=0.3, decay=0.3, sustain=0.7), t)
    scale = np.array([0, 2, 4, 5, 7, 9, 11, 12])
    t, step = 0.0, 4
    while t < dur:
        step = int(np.clip(step + rng.integers(-2, 3), 0, 7))
        length = float(rng.choice([0.25, 0.25, 0.5]))
        _add(out, 0.25 * tone(midi_hz(root + 12 + scale[step]), length, harmonics=(1.0, 0.5, 0.2), attack=0.02, decay=1.5, sustain=0.5), t)
        t += length
    return out


def colored_noise(n: int, rng, exponent: float) -> np.ndarray:
    """Noise whose power falls as 1/f^exponent (0 white, 1 pink, 2 brown), unit peak."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    f[0] = f[1]
    x = np.fft.irfft(spectrum / f ** (exponent / 2), n)
    return x / np.abs(x).max()


def rain(dur: float, seed: int) -> np.ndarray:
    """A dense patter (≈ 300 drops a second) of short band-passed clicks over soft pink noise."""
    rng = np.random.default_rng(seed)
    n = int(dur * SR)
    out = 0.15 * colored_noise(n, rng, 1.0)
    drops = np.zeros(n)
    idx = rng.integers(0, n, int(300 * dur))
    drops[idx] = rng.uniform(0.2, 1.0, idx.size) * rng.choice([-1, 1], idx.size)
    sos = butter(2, [1500, 7000], btype="band", fs=SR, output="sos")
    drops = sosfilt(sos, lfilter([1.0], [1.0, -0.6], drops))
    return out + 0.8 * drops / np.abs(drops).max()


def wind(dur: float, seed: int) -> np.ndarray:
    """Low-passed noise whose level swells slowly (0.2–0.5 Hz)."""
    rng = np.random.default_rng(seed)
    n = int(dur * SR)
    sos = butter(2, 600, btype="low", fs=SR, output="sos")
    x = sosfilt(sos, rng.standard_normal(n))
    t = np.arange(n) / SR
    swell = 0.6 + 0.4 * np.sin(2 * np.pi * rng.uniform(0.2, 0.5) * t + rng.uniform(0, 6))
    return x * swell


def sfx(dur: float, seed: int, kind: str) -> np.ndarray:
    """Isolated events 0.55–0.9 s apart (each 1 s window holds at least one), silence between them."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(dur * SR))
    t = rng.uniform(0.05, 0.3)
    while t < dur - 0.1:
        if kind == "impact":
            tt = np.arange(int(0.25 * SR)) / SR
            x = rng.standard_normal(tt.size) * np.exp(-tt * rng.uniform(15, 30))
            x = sosfilt(butter(2, rng.uniform(300, 1500), btype="low", fs=SR, output="sos"), x)
            x[: kick().size] += 0.5 * kick()
        elif kind == "beep":
            x = tone(rng.choice([660.0, 880.0, 1000.0, 1200.0]), rng.uniform(0.12, 0.25), harmonics=(1.0,), attack=0.005, decay=0.0)
        elif kind == "clink":
            x = sum(tone(f, 0.4, harmonics=(1.0,), attack=0.001, decay=12.0) for f in rng.uniform(2000, 6000, 3))
        else:  # whoosh: band-passed noise whose centre sweeps down over 0.35 s
            tt = np.arange(int(0.35 * SR)) / SR
            noise = rng.standard_normal(tt.size) * np.sin(np.pi * tt / tt[-1]) ** 2
            x = sosfilt(butter(2, [400, 4000], btype="band", fs=SR, output="sos"), noise)
        _add(out, x / np.abs(x).max(), t)
        t += rng.uniform(0.55, 0.9)
    return out


def speech(text: str, voice: str, wpm: int, dur: float, workdir: Path) -> np.ndarray | None:
    """espeak-ng ``text`` at ``wpm`` words a minute, repeated to fill ``dur`` s; None without espeak-ng."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return None
    wav = workdir / f"speech-{hashlib.sha256(repr((text, voice, wpm)).encode()).hexdigest()[:12]}.wav"
    subprocess.run([exe, "-v", voice, "-s", str(wpm), "-w", str(wav), text], check=True, capture_output=True)
    with wave.open(str(wav)) as fh:
        rate = fh.getframerate()
        x = np.frombuffer(fh.readframes(fh.getnframes()), np.int16).astype(np.float64) / 32768
    x = np.interp(np.arange(0, x.size * SR / rate) * rate / SR, np.arange(x.size), x)
    x = np.trim_zeros(np.where(np.abs(x) < 1e-4, 0, x))
    reps = int(np.ceil(dur * SR / x.size))
    return np.tile(np.concatenate([x, np.zeros(int(0.15 * SR))]), reps)[: int(dur * SR)]


def clips(workdir: Path, dur: float = 4.0, variant: int = 0) -> list[Clip]:
    """The corpus: 29 clips of ``dur`` seconds (speech clips only when espeak-ng is installed).

    ``variant`` > 0 draws other tempi, keys, seeds, levels and pairs texts with other voices (the benchmark's wider corpus).
    """
    n = int(dur * SR)
    v = variant
    out: list[Clip] = []
    for i, (bpm, root, minor) in enumerate(((84, 57, False), (100, 60, True), (120, 62, False), (138, 55, True))):
        bpm, root = bpm + 7 * v, root + (3 * v) % 7
        out.append(Clip(f"band{bpm}", "music", ("music",), normalise(music(dur, bpm=bpm, root=root, seed=i + 100 * v, minor=minor, timbre=i + v), 0.7)))
    out.append(Clip("chords96", "music", ("music",), normalise(music(dur, bpm=96 + 5 * v, root=60 - v, seed=7 + 100 * v, drums=False, timbre=1 + v), 0.6)))
    out.append(Clip("arp132", "music", ("music",), normalise(music(dur, bpm=132 - 6 * v, root=64 + v, seed=8 + 100 * v, drums=False, bass=False, minor=True, timbre=2 + v), 0.6)))
    out.append(Clip("groove110", "music", ("music",), normalise(music(dur, bpm=110 + 9 * v, root=60, seed=9 + 100 * v, chords=False, bass=False, arp=False), 0.7)))
    out.append(Clip("melody", "music", ("music",), normalise(melody_over_pad(dur, root=60 + 2 * v, seed=10 + 100 * v), 0.6)))
    rng = np.random.default_rng(42 + v)
    level = 1.0 / (1 + v)  # later variants are quieter (−6, −9.5 dB …)
    for name, x in (
        ("brown", colored_noise(n, rng, 2.0) * 0.5),
        ("pink", colored_noise(n, rng, 1.0) * 0.4),
        ("white", colored_noise(n, rng, 0.0) * 0.25),
        ("rain1", normalise(rain(dur, 1 + 10 * v), 0.5)),
        ("rain2", normalise(rain(dur, 2 + 10 * v), 0.3)),
        ("wind", normalise(wind(dur, 3 + 10 * v), 0.5)),
    ):
        out.append(Clip(name, "ambient", ("ambient",), np.asarray(x * level, np.float32)))
    for i, kind in enumerate(("impact", "beep", "clink", "whoosh", "impact", "beep")):
        out.append(Clip(f"sfx-{kind}{i}", "sfx", ("sfx",), normalise(sfx(dur, 20 + i + 100 * v, kind), 0.6 * level)))
    out.append(Clip("silence", "silence", (), np.zeros(n, np.float32)))
    for i, text in enumerate(TEXTS):
        voice = VOICES[(i + v) % len(VOICES)]
        x = speech(text, voice, 140 + 15 * ((i + v) % 4), dur, workdir)
        if x is None:
            continue
        out.append(Clip(f"speech{i}", "speech", ("speech",), normalise(x, 0.6)))
        bed = music(dur, bpm=(90, 104, 118, 126)[i] + 5 * v, root=(57, 60, 62, 55)[i], seed=30 + i + 100 * v, minor=bool((i + v) % 2), timbre=i + v)
        gap_db = 10 + 2 * ((i + v) % 4)  # a music bed 10–16 dB (RMS) under the voice, as under a voice-over
        bed *= rms(x) / rms(bed) * 10 ** (-gap_db / 20)
        out.append(Clip(f"speech{i}+music", "speech", ("speech", "music"), normalise(x + bed, 0.7)))
    return out


def build(workdir: Path, dur: float = 4.0, variant: int = 0) -> list[Clip]:
    """Render every clip to ``workdir/<name>.mp4`` (160×90, 25 fps, H.264 + AAC)."""
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = clips(workdir, dur, variant)
    for clip in corpus:
        wav = write_wav(workdir / f"{clip.name}.wav", clip.samples)
        clip.path = workdir / f"{clip.name}.mp4"
        mux_wav(PICTURE, wav, clip.path, dur, audio_bitrate="96k")
    return corpus
